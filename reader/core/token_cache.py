"""Each document's words and readings, kept on disk so that a second opening has them at once.

A document has one cache file, named by its text's length and checksums (`content_name`). Its
key, in its header, is a SHA-256 of the text and of the versions of everything that cut and
read it (jieba, pypinyin, CC-CEDICT, the reader's segmentation fixes): words read under other
versions, or of another text with the same name, do not count as cached, and the file is
written anew. The file is checked before use — its header, the CRC-32 of its body, and each
paragraph against the paragraph's text — and anything that does not fit is ignored, to be
computed again and written anew. Nothing in it is executed or unpickled: it is text and
numbers.

The window reads the file before its first paint, through `open_latest`, before it knows the
versions (the fixes are in the store) and without a cryptographic digest (OpenSSL's start-up
alone takes longer than the rest); once it knows the key, words of another key are read again
(see `TextPipeline.task`).

Layout: a line `MAGIC key paragraphs crc`, then the body: a line of the readings (separated by
tabs, each its syllables separated by spaces, the first one empty), then one line per Chinese
paragraph, `end reading end reading …` for its words in order.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from reader.core.checksum import Checksum
from reader.core.document import Document
from reader.core.text_service import Token

MAGIC = b"parallel-reader-tokens-2"


def cache_key(document: Document, versions: str) -> str:
    """The key of `document`'s words as read by libraries of `versions`."""
    import hashlib

    return hashlib.sha256(f"{document.content_key}\n{versions}".encode()).hexdigest()


def cache_path(folder: Path, name: str) -> Path:
    """The cache file called `name` (a document's `content_name`) in `folder`."""
    return folder / "tokens" / f"{name}.txt"


def save(path: Path, key: str, texts: Sequence[str], tokens: Mapping[int, Sequence[Token]]) -> None:
    """Write the words of every paragraph of `texts` (all must be in `tokens`), atomically."""
    readings: dict[tuple[str, ...], int] = {(): 0}
    lines = []
    for index in range(len(texts)):
        numbers = []
        for token in tokens[index]:
            reading = readings.setdefault(token.syllables, len(readings))
            numbers += (str(token.end), str(reading))
        lines.append(" ".join(numbers))
    if any(not s or s != "".join(s.split()) for syllables in readings for s in syllables):
        return  # a syllable the table cannot hold (empty, or with a space): no cache this time
    table = "\t".join(" ".join(syllables) for syllables in readings)
    body = "\n".join([table, *lines]).encode("utf-8")
    header = b" ".join((MAGIC, key.encode(), str(len(texts)).encode(), Checksum(body).hexdigest()))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        partial.write_bytes(header + b"\n" + body)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)  # only a cache: the next opening computes it again


class TokenCache:
    """An opened, checked cache file; paragraphs are decoded one at a time, when asked for."""

    def __init__(self, key: str, readings: list[tuple[str, ...]], lines: list[str]) -> None:
        self.key = key
        """The key the words were saved under."""
        self._readings = readings
        self._lines = lines

    @classmethod
    def open(cls, path: Path, key: str, paragraphs: int) -> TokenCache | None:
        """The cache at `path` if it is whole and made for `key`; else None."""
        cache = cls.open_latest(path, paragraphs)
        return cache if cache is not None and cache.key == key else None

    @classmethod
    def open_latest(cls, path: Path, paragraphs: int) -> TokenCache | None:
        """The cache at `path` if it is whole, whatever its key; else None."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        header, _, body = data.partition(b"\n")
        fields = header.split(b" ")
        if len(fields) != 4 or fields[0] != MAGIC or fields[2] != str(paragraphs).encode():
            return None
        if Checksum(body).hexdigest() != fields[3]:
            return None
        try:
            key = fields[1].decode("ascii")
            table, *lines = body.decode("utf-8").split("\n")
        except UnicodeDecodeError:
            return None
        readings = [tuple(r.split(" ")) if r else () for r in table.split("\t")]
        if len(lines) != paragraphs or not readings or readings[0] != ():
            return None
        return cls(key, readings, lines)

    def tokens(self, index: int, text: str) -> list[Token] | None:
        """Paragraph `index`'s words, or None if the cache does not fit `text`."""
        try:
            numbers = [int(n) for n in self._lines[index].split()]
        except ValueError:
            return None
        if len(numbers) % 2:
            return None
        tokens = []
        start = 0
        for end, reading in zip(numbers[::2], numbers[1::2], strict=True):
            if not start < end <= len(text) or not 0 <= reading < len(self._readings):
                return None
            word = sys.intern(text[start:end])  # one copy of each word, as `segment` keeps
            tokens.append(Token(word, start, end, self._readings[reading]))
            start = end
        return tokens if start == len(text) else None
