"""Loading jieba's and pypinyin's dictionaries in slices, on a worker thread.

Both libraries load their dictionary in one long call that holds the interpreter lock: jieba
unmarshals 500,000 words (half a second to a second), pypinyin parses a 2.5 MB JSON file
(150 ms). Any window would freeze meanwhile. Here each is loaded in slices of a few
milliseconds, so the window's thread gets the interpreter between them, and jieba's comes from
a cache of our own that loads faster than its own.

jieba's cache: a header line `MAGIC jieba-version dictionary-size total blocks checksum`, then for
each block a line `words-bytes frequencies-bytes`, then the blocks' bytes: the words (UTF-8,
newline-separated) and their frequencies (little-endian uint32). The checksum covers all of it
after the header, and is checked before anything is used: a damaged cache is rebuilt.
"""

from __future__ import annotations

import gc
import os
import sys
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.core.checksum import Checksum
from reader.core.foreground import step_aside

MAGIC = b"parallel-reader-jieba-prefix-2"
BLOCK = 25_000  # words per slice: a few milliseconds of work each
PHRASES_PER_SLICE = 2_000
RELEASE_SLICE = 500  # items freed at a time: well under a millisecond


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector while long-lived data is made, then freeze what exists.

    A dictionary or a long document's words are hundreds of thousands of containers that
    never form cycles; each full pass of the collector over them holds the interpreter for
    50 to 150 ms. Frozen, they are left out of every later pass (reference counting still
    frees them)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def release_in_slices(*lists: list[Any]) -> None:
    """Empty `lists` a slice at a time. Freeing a list of a long document's read segments, a
    million small objects, is one long call that holds the interpreter (60 ms); a slice at a
    time, the window's thread gets it between slices."""
    for items in lists:
        while items:
            step_aside()
            del items[-RELEASE_SLICE:]


def _jieba_stamp(tokenizer: Any) -> str:
    import importlib.resources  # where used: CC-CEDICT's index imports this module too

    import jieba

    size = (importlib.resources.files("jieba") / "dict.txt").stat().st_size
    return f"{jieba.__version__}-{size}" if tokenizer.dictionary is None else ""


def load_jieba(tokenizer: Any, cache_dir: Path) -> None:
    """Give `tokenizer` (a fresh `jieba.Tokenizer` with the default dictionary) its prefix
    dictionary from our cache in `cache_dir`, building the cache when it is missing or bad."""
    stamp = _jieba_stamp(tokenizer)
    path = cache_dir / "jieba-prefix.bin"
    loaded = _read_prefix_cache(path, stamp) if stamp else None
    if loaded is None:
        with tokenizer.get_dict_file() as dictionary:
            frequencies, total = tokenizer.gen_pfdict(dictionary)  # pure Python: slices itself
        if stamp:
            _write_prefix_cache(path, stamp, frequencies, total)
    else:
        frequencies, total = loaded
    # jieba's own initialize() sets just these three (jieba is pinned to 0.42).
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = frequencies, total, True


def _write_prefix_cache(path: Path, stamp: str, frequencies: dict[str, int], total: int) -> None:
    words = list(frequencies)
    blocks: list[bytes] = []
    sizes: list[bytes] = []
    for start in range(0, len(words), BLOCK):
        chunk = words[start : start + BLOCK]
        counts = array("I", (frequencies[w] for w in chunk))
        if sys.byteorder != "little":
            counts.byteswap()
        text = "\n".join(chunk).encode("utf-8")
        blocks += [text, counts.tobytes()]
        sizes.append(f"{len(text)} {len(counts) * 4}\n".encode())
    body = b"".join(sizes) + b"".join(blocks)
    digest = Checksum(body).hexdigest()
    fields = [MAGIC, stamp.encode(), str(total).encode(), str(len(sizes)).encode(), digest]
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        partial.write_bytes(b" ".join(fields) + b"\n" + body)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)  # no cache this time: the next start builds it again


def _read_prefix_cache(path: Path, stamp: str) -> tuple[dict[str, int], int] | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    header, _, body = data.partition(b"\n")
    fields = header.split(b" ")
    if len(fields) != 5 or fields[0] != MAGIC or fields[1] != stamp.encode():
        return None
    if not (fields[2].isdigit() and fields[3].isdigit()):
        return None
    if Checksum(body).hexdigest() != fields[4]:
        return None
    count = int(fields[3])
    lines = body.split(b"\n", count)
    if len(lines) != count + 1:
        return None
    frequencies: dict[str, int] = {}
    position = sum(len(line) + 1 for line in lines[:count])
    for line in lines[:count]:
        text_size, counts_size = (int(n) for n in line.split())
        words = body[position : position + text_size].decode("utf-8").split("\n")
        position += text_size
        counts = array("I")
        counts.frombytes(body[position : position + counts_size])
        position += counts_size
        if sys.byteorder != "little":
            counts.byteswap()
        if len(words) != len(counts):
            return None
        frequencies.update(zip(words, counts, strict=True))
    return frequencies, int(fields[2])


def load_pypinyin() -> None:
    """Import pypinyin with its phrase dictionary filled in slices, not in one JSON parse.

    pypinyin skips its phrases when PYPINYIN_NO_PHRASES is set (a documented switch); they are
    then added to the very dictionary and segmenter it uses, in slices. If pypinyin has already
    been imported, it loaded its phrases itself and there is nothing to do.
    """
    if "pypinyin" in sys.modules:
        return
    os.environ["PYPINYIN_NO_PHRASES"] = "1"
    try:
        import pypinyin  # noqa: F401
    finally:
        del os.environ["PYPINYIN_NO_PHRASES"]
    import importlib.resources

    from pypinyin.constants import PHRASES_DICT
    from pypinyin.seg import mmseg

    text = (importlib.resources.files("pypinyin") / "phrases_dict.json").read_text("utf-8")
    for phrases in _json_object_slices(text, PHRASES_PER_SLICE):
        PHRASES_DICT.update(phrases)
        mmseg.seg.train(phrases)


def _json_object_slices(text: str, size: int) -> Iterator[dict[str, Any]]:
    """The members of the JSON object `text`, `size` at a time, each decoded on its own."""
    import json

    decoder = json.JSONDecoder()
    position = text.index("{") + 1
    batch: dict[str, Any] = {}
    while True:
        position = _skip(text, position, ",")
        if text[position] == "}":
            break
        key, position = decoder.raw_decode(text, position)
        position = _skip(text, position, ":")
        batch[key], position = decoder.raw_decode(text, position)
        if len(batch) == size:
            yield batch
            batch = {}
    if batch:
        yield batch


def _skip(text: str, position: int, separator: str) -> int:
    """Past white space and at most one `separator`."""
    while text[position].isspace():
        position += 1
    if text[position] == separator:
        position += 1
        while text[position].isspace():
            position += 1
    return position
