"""Each document's words and readings, kept on disk so that a second opening has them at once.

A cache file belongs to one document's text and to the versions of everything that cut and
read it (jieba, pypinyin, CC-CEDICT, the reader's segmentation fixes): its name is a digest of
both, so a change of any makes another name. The file is checked before use — its header,
the digest of its body, and each paragraph against the paragraph's text — and anything that
does not fit is ignored, to be computed again and written anew. Nothing in it is executed or
unpickled: it is JSON and numbers.

Layout: a line `MAGIC key paragraphs digest`, then the body: one JSON line, the readings (lists
of syllables, the first one empty), then one line per Chinese paragraph, `end reading end
reading …` for its words in order.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from reader.core.document import Document
from reader.core.text_service import Token

MAGIC = b"parallel-reader-tokens-1"


def cache_key(document: Document, versions: str) -> str:
    """Names the cache of `document` as read by libraries of `versions`."""
    return hashlib.sha256(f"{document.content_key}\n{versions}".encode()).hexdigest()


def cache_path(folder: Path, key: str) -> Path:
    return folder / "tokens" / f"{key}.txt"


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
    table = json.dumps([list(r) for r in readings], ensure_ascii=False, separators=(",", ":"))
    body = "\n".join([table, *lines]).encode("utf-8")
    digest = hashlib.sha256(body).hexdigest()
    header = b" ".join((MAGIC, key.encode(), str(len(texts)).encode(), digest.encode()))
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.part")
    try:
        partial.write_bytes(header + b"\n" + body)
        partial.replace(path)
    except OSError:
        partial.unlink(missing_ok=True)  # only a cache: the next opening computes it again


class TokenCache:
    """An opened, checked cache file; paragraphs are decoded one at a time, when asked for."""

    def __init__(self, readings: list[tuple[str, ...]], lines: list[str]) -> None:
        self._readings = readings
        self._lines = lines

    @classmethod
    def open(cls, path: Path, key: str, paragraphs: int) -> TokenCache | None:
        """The cache at `path` if it is whole and made for `key`; else None."""
        try:
            data = path.read_bytes()
        except OSError:
            return None
        header, _, body = data.partition(b"\n")
        fields = header.split(b" ")
        expected = (MAGIC, key.encode(), str(paragraphs).encode())
        if len(fields) != 4 or tuple(fields[:3]) != expected:
            return None
        if hashlib.sha256(body).hexdigest().encode() != fields[3]:
            return None
        try:
            table, *lines = body.decode("utf-8").split("\n")
            readings = [tuple(str(s) for s in r) for r in json.loads(table)]
        except (UnicodeDecodeError, ValueError, TypeError):
            return None
        if len(lines) != paragraphs or not readings or readings[0] != ():
            return None
        return cls(readings, lines)

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
