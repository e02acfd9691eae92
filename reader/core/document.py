"""A bilingual document as immutable values: metadata and two ordered lists of paragraphs."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Language(str, Enum):
    """The two sides of a document."""

    ENGLISH = "en"
    CHINESE = "zh"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of one side; headline paragraphs are marked as headings."""

    text: str
    heading: bool = False


@dataclass(frozen=True, slots=True)
class Document:
    """What was read from one file (or a pair of files); never changed after parsing."""

    english: tuple[Paragraph, ...]
    chinese: tuple[Paragraph, ...]
    title: str = ""
    date: str = ""
    page: str = ""
    sources: tuple[Path, ...] = field(default=())
    _content_key: str | None = field(default=None, init=False, repr=False, compare=False)
    _content_name: str | None = field(default=None, init=False, repr=False, compare=False)

    def side(self, language: Language) -> tuple[Paragraph, ...]:
        return self.english if language is Language.ENGLISH else self.chinese

    @property
    def display_title(self) -> str:
        """The title for the window: the document's own, else the first file's name."""
        if self.title:
            return self.title
        return self.sources[0].name if self.sources else ""

    def content(self) -> bytes:
        """The text alone, each paragraph with its side and whether it is a heading: what
        identifies a document whatever its path."""
        return b"".join(
            piece
            for language in Language
            for code in (language.value.encode(),)
            for paragraph in self.side(language)
            for piece in (
                code,
                b"\x01" if paragraph.heading else b"\x00",
                paragraph.text.encode("utf-8"),
                b"\x1e",
            )
        )

    @property
    def content_key(self) -> str:
        """A SHA-256 of `content`, so that user data follows a document whatever its path.

        Worked out once: the store, the reading position and the word cache all ask for it
        as a document opens, and a novel's digest takes a tenth of a second."""
        if self._content_key is None:
            self._digest(cryptographic=True)
        return self._content_key

    @property
    def content_name(self) -> str:
        """A short name of `content` (its length, CRC-32 and Adler-32), for what is looked up
        before the first paint, where `content_key` would wait for OpenSSL to start. It finds,
        it does not vouch: what it finds is checked against `content_key` later."""
        if self._content_name is None:
            self._digest(cryptographic=False)
        return self._content_name

    def _digest(self, *, cryptographic: bool) -> None:
        content = self.content()
        checksums = f"{zlib.crc32(content):08x}{zlib.adler32(content):08x}"
        object.__setattr__(self, "_content_name", f"{len(content)}-{checksums}")
        if cryptographic:
            import hashlib  # here: OpenSSL's start-up is not the first paint's to wait for

            digest = hashlib.sha256(content)  # one call, which lets go of the GIL
            object.__setattr__(self, "_content_key", digest.hexdigest())
