"""Finding text in both languages at once; a Latin query also finds Chinese by its pinyin.

`xinjiang`, `Xīnjiāng` and `xin1jiang1` all find 新疆; `Urumqi` finds the English word.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from reader.core.document import Document, Language
from reader.core.text_service import TextService, is_chinese

_NOT_PINYIN = re.compile(r"[^a-z]")


@dataclass(frozen=True, slots=True)
class Match:
    """Characters `start`..`end` of paragraph `paragraph` of one side."""

    language: Language
    paragraph: int
    start: int
    end: int


def pinyin_key(text: str) -> str:
    """Letters only, lower case, no tones: "Xī'ān" → "xian", "lü4" → "lu", "lv" → "lu"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NOT_PINYIN.sub("", letters.replace("v", "u"))


class DocumentSearch:
    """Searches one document; the Chinese syllables are worked out once, when first needed."""

    def __init__(self, document: Document, service: TextService) -> None:
        self._document = document
        self._service = service
        self._syllables: dict[int, list[str]] = {}

    def find(self, query: str) -> list[Match]:
        """Every match in document order, English side first."""
        query = query.strip()
        if not query:
            return []
        if is_chinese(query):
            return self._literal(Language.CHINESE, query)
        matches = self._literal(Language.ENGLISH, query)
        key = pinyin_key(query)
        if key:
            matches += self._by_pinyin(key)
        return matches

    def _literal(self, language: Language, query: str) -> list[Match]:
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        return [
            Match(language, index, found.start(), found.end())
            for index, paragraph in enumerate(self._document.side(language))
            for found in pattern.finditer(paragraph.text)
        ]

    def _by_pinyin(self, key: str) -> list[Match]:
        matches = []
        for index, paragraph in enumerate(self._document.chinese):
            syllables = self._syllables.get(index)
            if syllables is None:
                syllables = [
                    pinyin_key(s) for s in self._service.character_syllables(paragraph.text)
                ]
                self._syllables[index] = syllables
            start = 0
            while start < len(syllables):
                end = _pinyin_match_end(syllables, start, key)
                if end is None:
                    start += 1
                else:
                    matches.append(Match(Language.CHINESE, index, start, end))
                    start = end
        return matches


def _pinyin_match_end(syllables: list[str], start: int, key: str) -> int | None:
    """The end of the run of whole syllables from `start` that spells `key`, if there is one."""
    spelled = ""
    for end in range(start, len(syllables)):
        if not syllables[end]:
            return None
        spelled += syllables[end]
        if spelled == key:
            return end + 1
        if not key.startswith(spelled):
            return None
    return None
