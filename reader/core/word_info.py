"""What the reader is told about a word: its reading in context, its entries, its characters."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.cedict import DictEntry
from reader.core.text_service import TextService, is_chinese


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


def _entries_reading_first(service: TextService, word: str) -> tuple[DictEntry, ...]:
    """The word's entries, those read as the word is read here first (行 xíng: "to walk")."""
    reading = service.syllables(word)
    entries = service.lookup(word)
    return tuple(sorted(entries, key=lambda e: e.pinyin.lower().split() != reading))


def describe(service: TextService, word: str) -> WordInfo:
    """Everything the pop-up and `annotate` show for `word`."""
    characters: tuple[WordInfo, ...] = ()
    if len(word) > 1:
        characters = tuple(describe(service, char) for char in word if is_chinese(char))
    return WordInfo(
        word,
        service.pinyin(word),
        _entries_reading_first(service, word),
        characters,
        tuple(service.syllables(word)),
    )
