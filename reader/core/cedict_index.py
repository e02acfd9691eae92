"""CC-CEDICT as a sorted file on disk, looked up in place through a memory map.

Parsing CC-CEDICT's 120,000 lines takes most of a second and some 80 MB; this index is built
once, in the cache folder, and opening it afterwards takes a millisecond or two, so that a hover
made as the window appears has its glosses at once. The file is checked a block at a time, each
block against its own checksum before any of its bytes is used: opening checks the header, the
blocks' checksums and the table of records; a look-up checks the blocks of the records it reads;
`check` goes through the rest, on a worker. A damaged or outdated index is rebuilt, never read.

Layout: a header line `MAGIC version count blocks checksum`, the checksum being that of the
line's other fields and of the blocks' checksums (little-endian uint32, one per BLOCK bytes of
the body), which follow it; then the body: the table of record offsets (little-endian uint32,
one per record), then the records, `headword\\tCC-CEDICT line\\n`, sorted by headword as UTF-8
bytes and then in CC-CEDICT's order; an entry whose traditional and simplified forms differ has
a record under each.
"""

from __future__ import annotations

import mmap
import os
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from reader.core.cedict import DictEntry, parse_line
from reader.core.checksum import HEX_LENGTH, Checksum

MAGIC = b"parallel-reader-cedict-index-3"
BLOCK = 16_384  # bytes under one checksum: a look-up checks a dozen or so, 5 µs each
BUCKET_PREFIX = 2  # bytes of a headword that pick its bucket: some 400 buckets, each sorted fast
RECORDS_PER_WRITE = 2_000
WORDS_KEPT = 4_096  # words whose entries are kept, parsed: a hover reads a word and each of its
# characters, a binary search of 240,000 records apiece, and the reader hovers the same again


class DamagedIndex(Exception):
    """A block of the index does not match its checksum: nothing of it may be used."""


def build(path: Path, lines: Iterable[str], version: str) -> None:
    """Write the index of `lines` (CC-CEDICT's) to `path`, atomically.

    It is built on a worker while the window shows a document, so no step holds the
    interpreter for long: sorted a bucket at a time, written a slice at a time, freed a slice
    at a time (whole, the sort, the join and the freeing each took 35-70 ms)."""
    from reader.core.dictionary_loading import release_in_slices  # here: a hover opens the index

    buckets: dict[bytes, list[tuple[bytes, int, bytes]]] = {}
    for number, line in enumerate(lines):
        entry = parse_line(line)
        if entry is None:
            continue
        text = line.rstrip("\n").encode("utf-8")
        for head in dict.fromkeys((entry.simplified, entry.traditional)):
            key = head.encode("utf-8")
            buckets.setdefault(key[:BUCKET_PREFIX], []).append(
                (key, number, key + b"\t" + text + b"\n")
            )
    records: list[bytes] = []
    for prefix in sorted(buckets):  # a key's first bytes order the buckets as the keys
        bucket = buckets.pop(prefix)
        bucket.sort()  # by headword, then in CC-CEDICT's own order
        records.extend(record for _, _, record in bucket)
    offsets = array("I")
    position = 0
    for record in records:
        offsets.append(position)
        position += len(record)
    blocks = -(-(4 * len(records) + position) // BLOCK)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    with partial.open("wb") as file:
        fields = (MAGIC, version.encode(), str(len(records)).encode(), str(blocks).encode(), b"")
        file.write(b" ".join(fields))
        digest_at = file.tell()
        file.write(b"0" * HEX_LENGTH + b"\n" + bytes(4 * blocks))
        checks = _BlockChecks()
        for part in _slices(_little_endian(offsets), records):
            checks.update(part)
            file.write(part)
        table = _little_endian(checks.finish())
        file.seek(digest_at)
        file.write(Checksum(b" ".join(fields) + table).hexdigest() + b"\n" + table)
    release_in_slices(records)
    partial.replace(path)


def _numbers(data: memoryview) -> Sequence[int]:
    """Little-endian uint32s as numbers, read in place on a little-endian machine."""
    if sys.byteorder == "little":
        return data.cast("I")
    numbers = array("I", data.tobytes())
    numbers.byteswap()
    return numbers


def _little_endian(numbers: array) -> bytes:
    if sys.byteorder != "little":
        numbers = array(numbers.typecode, numbers)
        numbers.byteswap()
    return numbers.tobytes()


def _slices(table: bytes, records: list[bytes]) -> Iterator[bytes]:
    """The index's body, the offsets table and then the records, a slice at a time."""
    yield table
    for start in range(0, len(records), RECORDS_PER_WRITE):
        yield b"".join(records[start : start + RECORDS_PER_WRITE])


class _BlockChecks:
    """The checksum of each BLOCK bytes of a stream given in parts of any length."""

    def __init__(self) -> None:
        self._checks = array("I")
        self._block = Checksum()
        self._filled = 0

    def update(self, part: bytes) -> None:
        view = memoryview(part)
        while view:
            taken = view[: BLOCK - self._filled]
            self._block.update(taken)
            self._filled += len(taken)
            view = view[len(taken) :]
            if self._filled == BLOCK:
                self._close_block()

    def finish(self) -> array:
        if self._filled:
            self._close_block()
        return self._checks

    def _close_block(self) -> None:
        self._checks.append(self._block.value)
        self._block, self._filled = Checksum(), 0


class _Blocks:
    """The index's body, each block checked against its checksum before any of it is used.

    Safe from several threads: a block checked by two at once is merely checked twice."""

    def __init__(self, data: memoryview, checks: Sequence[int], body: int) -> None:
        self._data = data
        self._checks = checks
        self._sound = bytearray(len(checks))  # 1 for each block found sound
        self._body = body  # where the body, and its first block, begins

    def check(self, start: int, end: int) -> None:
        """Raise DamagedIndex unless the blocks holding bytes `start` to `end` are sound."""
        first, last = (start - self._body) // BLOCK, (end - 1 - self._body) // BLOCK
        for block in range(first, last + 1):
            if self._sound[block]:
                continue
            begins = self._body + block * BLOCK
            if Checksum(self._data[begins : begins + BLOCK]).value != self._checks[block]:
                raise DamagedIndex(f"block {block} of CC-CEDICT's index does not match its check")
            self._sound[block] = 1


class CedictIndex:
    """Every CC-CEDICT entry by simplified or traditional headword, read from the index file."""

    def __init__(
        self, data: mmap.mmap, blocks: _Blocks, offsets: Sequence[int], start: int
    ) -> None:
        self._data = data
        self._blocks = blocks
        self._offsets = offsets
        self._start = start  # where the records begin
        self._whole_checked = False
        self._kept: dict[str, tuple[DictEntry, ...]] = {}  # see WORDS_KEPT

    @classmethod
    def open(cls, path: Path, version: str) -> CedictIndex | None:
        """The index at `path`, or None if it is missing, of another version, or its header,
        checksums or table of records are damaged. Its records are checked as they are read."""
        try:
            with path.open("rb") as file:
                data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return None
        header_end = data.find(b"\n", 0, 200)
        fields = data[:header_end].split(b" ") if header_end > 0 else []
        if len(fields) != 5 or fields[0] != MAGIC or fields[1] != version.encode():
            return None
        if not (fields[2].isdigit() and fields[3].isdigit()):
            return None
        count, blocks = int(fields[2]), int(fields[3])
        body = header_end + 1 + 4 * blocks
        whole = memoryview(data)  # read in place, never copied
        table, records = whole[header_end + 1 : body], body + 4 * count
        if Checksum(data[: header_end - HEX_LENGTH] + table).hexdigest() != fields[4]:
            return None  # the header's figures or the blocks' checksums are damaged
        if -(-(len(data) - body) // BLOCK) != blocks:
            return None  # cut short, or grown
        checked = _Blocks(whole, _numbers(table), body)
        try:
            checked.check(body, records)
        except DamagedIndex:
            return None
        return cls(data, checked, _numbers(whole[body:records]), records)

    def check(self) -> bool:
        """Check every block not checked yet (10 ms or so for all of CC-CEDICT, most of it
        without the interpreter lock): False if one is damaged. Once all are found sound, at
        once: each paragraph a worker segments asks again."""
        if not self._whole_checked:
            try:
                self._blocks.check(self._start, len(self._data))  # the table's were, on opening
            except DamagedIndex:
                return False
            self._whole_checked = True
        return True

    def _record(self, number: int) -> tuple[bytes, int, int]:
        """Record `number`, checked: its headword, and where its CC-CEDICT line starts and ends."""
        start = self._start + self._offsets[number]
        following = number + 1
        last = following == len(self._offsets)
        end = len(self._data) if last else self._start + self._offsets[following]
        self._blocks.check(start, end)
        tab = self._data.find(b"\t", start, end)
        return self._data[start:tab], tab + 1, end - 1

    def _first(self, key: bytes) -> int:
        low, high = 0, len(self._offsets)
        while low < high:
            middle = (low + high) // 2
            if self._record(middle)[0] < key:
                low = middle + 1
            else:
                high = middle
        return low

    def lookup(self, word: str) -> list[DictEntry]:
        """Raises DamagedIndex if a record it reads is damaged."""
        found = self._kept.get(word)
        if found is None:
            found = tuple(self._read(word))
            if len(self._kept) >= WORDS_KEPT:  # a worker reading a whole novel's words, say
                self._kept.clear()
            self._kept[word] = found
        return list(found)

    def _read(self, word: str) -> list[DictEntry]:
        key = word.encode("utf-8")
        found = []
        number = self._first(key)
        while number < len(self._offsets):
            head, start, end = self._record(number)
            if head != key:
                break
            entry = parse_line(self._data[start:end].decode("utf-8"))
            if entry is not None:
                found.append(entry)
            number += 1
        return found

    def __contains__(self, word: str) -> bool:
        key = word.encode("utf-8")
        number = self._first(key)
        return number < len(self._offsets) and self._record(number)[0] == key

    def __iter__(self) -> Iterator[DictEntry]:
        """Each entry once (under its simplified headword), in headword order."""
        for number in range(len(self._offsets)):
            head, start, end = self._record(number)
            entry = parse_line(self._data[start:end].decode("utf-8"))
            if entry is not None and head == entry.simplified.encode("utf-8"):
                yield entry
