"""CC-CEDICT as a sorted file on disk, looked up in place through a memory map.

Parsing CC-CEDICT's 120,000 lines takes most of a second and some 80 MB; this index is built
once, in the cache folder, and opening it afterwards costs a few milliseconds, so that the
pop-up has its dictionary as soon as the window is painted. The file is checked against the
checksum in its header when it is opened: a damaged or outdated index is rebuilt, never read.

Layout: a header line `MAGIC version count checksum`, then the table of record offsets
(little-endian uint32, one per record), then the records, `headword\\tCC-CEDICT line\\n`,
sorted by headword as UTF-8 bytes and then in CC-CEDICT's order; an entry whose traditional
and simplified forms differ has a record under each.
"""

from __future__ import annotations

import mmap
import os
import sys
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.core.cedict import DictEntry, parse_line
from reader.core.checksum import HEX_LENGTH, Checksum
from reader.core.dictionary_loading import release_in_slices

MAGIC = b"parallel-reader-cedict-index-2"
BUCKET_PREFIX = 2  # bytes of a headword that pick its bucket: some 400 buckets, each sorted fast
RECORDS_PER_WRITE = 2_000


def build(path: Path, lines: Iterable[str], version: str) -> None:
    """Write the index of `lines` (CC-CEDICT's) to `path`, atomically.

    It is built on a worker while the window shows a document, so no step holds the
    interpreter for long: sorted a bucket at a time, written a slice at a time, freed a slice
    at a time (whole, the sort, the join and the freeing each took 35-70 ms)."""
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
    if sys.byteorder != "little":
        offsets.byteswap()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    with partial.open("wb") as file:
        file.write(b" ".join((MAGIC, version.encode(), str(len(records)).encode(), b"")))
        digest_at = file.tell()
        file.write(b"0" * HEX_LENGTH + b"\n")
        digest = Checksum()
        for part in _slices(offsets.tobytes(), records):
            digest.update(part)
            file.write(part)
        file.seek(digest_at)
        file.write(digest.hexdigest())
    release_in_slices(records)
    partial.replace(path)


def _slices(table: bytes, records: list[bytes]) -> Iterator[bytes]:
    """The index's body, the offsets table and then the records, a slice at a time."""
    yield table
    for start in range(0, len(records), RECORDS_PER_WRITE):
        yield b"".join(records[start : start + RECORDS_PER_WRITE])


class CedictIndex:
    """Every CC-CEDICT entry by simplified or traditional headword, read from the index file."""

    def __init__(self, data: mmap.mmap, offsets: array, start: int) -> None:
        self._data = data
        self._offsets = offsets
        self._start = start  # where the records begin

    @classmethod
    def open(cls, path: Path, version: str) -> CedictIndex | None:
        """The index at `path`, or None if it is missing, of another version, or damaged."""
        try:
            with path.open("rb") as file:
                data = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            return None
        header_end = data.find(b"\n")
        fields = data[:header_end].split(b" ") if header_end > 0 else []
        if len(fields) != 4 or fields[0] != MAGIC or fields[1] != version.encode():
            return None
        if not fields[2].isdigit():
            return None
        count = int(fields[2])
        body = memoryview(data)[header_end + 1 :]
        digest = Checksum(body).hexdigest()
        table_size = 4 * count
        if digest != fields[3] or len(body) < table_size:
            body.release()
            return None
        offsets = array("I")
        offsets.frombytes(body[:table_size])
        body.release()
        if sys.byteorder != "little":
            offsets.byteswap()
        return cls(data, offsets, header_end + 1 + table_size)

    def _record(self, number: int) -> tuple[bytes, int, int]:
        """Record `number`: its headword, and where its CC-CEDICT line starts and ends."""
        start = self._start + self._offsets[number]
        tab = self._data.find(b"\t", start)
        end = self._data.find(b"\n", tab)
        return self._data[start:tab], tab + 1, end

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
