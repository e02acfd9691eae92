"""What the reader is told about a word: its reading in context, its entries, its characters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.cedict import DictEntry
from reader.core.text_service import TextService, is_chinese, join_syllables


@dataclass(frozen=True, slots=True)
class WordInfo:
    """A word with its pinyin as read here, every dictionary entry, and, for a word of several
    characters, each character's own reading and entries."""

    word: str
    pinyin: str
    entries: tuple[DictEntry, ...]
    characters: tuple[WordInfo, ...] = ()
    syllables: tuple[str, ...] = ()  # as read here, in tone marks: what `pinyin` spells

    @property
    def first_gloss(self) -> str:
        for entry in self.entries:
            if entry.glosses:
                return entry.glosses[0]
        return ""


def _entries_reading_first(
    service: TextService, word: str, reading: list[str]
) -> tuple[DictEntry, ...]:
    """The word's entries, those read as the word is read here first (行 in 银行: "bank",
    not "to walk"); among those, an entry that only sends the reader to another last (期 "a
    period of time", not "variant of 期"), and the common word before the name (乌 "crow",
    not "Wu")."""
    return tuple(
        sorted(
            service.lookup(word),
            key=lambda e: (not read_as(e, reading), e.refers_elsewhere, e.proper_noun),
        )
    )


def read_as(entry: DictEntry, reading: Sequence[str]) -> bool:
    """Whether the entry is read as `reading` (syllables in tone marks, any case), that is
    whether it is the entry meant where the word is read so."""
    return entry.pinyin.lower().split() == [syllable.lower() for syllable in reading]


def describe(service: TextService, word: str, reading: list[str] | None = None) -> WordInfo:
    """Everything the pop-up and `annotate` show for `word`; each of its characters is
    described as it is read inside the word."""
    syllables = list(reading) if reading is not None else service.syllables(word)
    characters: tuple[WordInfo, ...] = ()
    if len(word) > 1:
        hanzi = [char for char in word if is_chinese(char)]
        per_char = syllables if len(syllables) == len(hanzi) else [None] * len(hanzi)
        characters = tuple(
            describe(service, char, None if s is None else [s])
            for char, s in zip(hanzi, per_char, strict=True)
        )
    pinyin = service.pinyin(word) if reading is None else join_syllables(syllables)
    return WordInfo(
        word,
        pinyin,
        _entries_reading_first(service, word, syllables),
        characters,
        tuple(syllables),
    )
