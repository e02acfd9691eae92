"""Finding text in both languages at once; a Latin query also finds Chinese by its pinyin.

`xinjiang`, `Xīnjiāng` and `xin1jiang1` all find 新疆; `Urumqi` finds the English word. Tones
in a query are ignored: the readings come from context (一 is yī, yí or yì) and a reader rarely
knows them for certain, which is why they search for the sound.

The Chinese side is found by pinyin from the words the reader's text processing already made
(`add_tokens`), so searching never segments a paragraph a second time; paragraphs whose words
have not arrived yet are searched literally only.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter

from reader.core.alignment import Alignment
from reader.core.document import Document, Language
from reader.core.text_service import Token, is_chinese

_NOT_PINYIN = re.compile(r"[^a-z]")
_SPACES = re.compile(r"\s+")
LIMIT = 5000  # matches per side: enough to read through, few enough to paint at once
AROUND = {Language.ENGLISH: 32, Language.CHINESE: 14}  # characters of context in a snippet
_SEPARATOR = "|"  # between the syllables of a spelling


@dataclass(frozen=True, slots=True, order=True)
class Match:
    """Characters `start`..`end` of paragraph `paragraph` of one side."""

    language: Language
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Found:
    """A search's matches, by side in paragraph order; `truncated` when a side hit LIMIT."""

    matches: tuple[Match, ...]
    truncated: bool = False


@lru_cache(maxsize=4096)
def pinyin_key(text: str) -> str:
    """Letters only, lower case, no tones: "Xī'ān" → "xian", "lü4" → "lu", "lv" → "lu"."""
    return _NOT_PINYIN.sub("", without_marks(text.lower()).replace("v", "u"))


def searches_pinyin(query: str) -> bool:
    """True when `query` also looks for Chinese by sound (a Latin query with letters)."""
    query = query.strip()
    return bool(query) and not is_chinese(query) and bool(pinyin_key(query))


def without_marks(text: str) -> str:
    """The text without accents and tone marks, so that "Xīnjiāng" also finds "Xinjiang"."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


@dataclass(frozen=True, slots=True)
class _Spelling:
    """A paragraph's toneless syllables ("" for what is not Han) between separators, and where
    each character's syllable starts: a pinyin query becomes one regex over the text."""

    text: str
    starts: tuple[int, ...]


def _spell(text: str, tokens: Sequence[Token]) -> _Spelling:
    syllables = [""] * len(text)
    for token in tokens:
        if len(token.syllables) == token.end - token.start:  # all Han, the usual case
            syllables[token.start : token.end] = map(pinyin_key, token.syllables)
        elif token.syllables:
            han = [token.start + k for k, char in enumerate(token.text) if is_chinese(char)]
            if len(han) == len(token.syllables):  # else a character had no reading: skip it
                for position, syllable in zip(han, token.syllables, strict=True):
                    syllables[position] = pinyin_key(syllable)
    starts = accumulate((len(s) + 1 for s in syllables[:-1]), initial=1)
    return _Spelling(f"{_SEPARATOR}{_SEPARATOR.join(syllables)}{_SEPARATOR}", tuple(starts))


def _pinyin_pattern(key: str) -> re.Pattern[str]:
    """Whole syllables spelling `key`: a separator may stand between any two of its letters.
    The first letter comes first in the pattern, unanchored, so that the regex engine can skip
    ahead to it; the look-behind then checks that a syllable starts there."""
    separator = re.escape(_SEPARATOR)
    first, rest = key[0], "".join(f"{separator}?{letter}" for letter in key[1:])
    return re.compile(f"{first}(?<={separator}{first}){rest}(?={separator})")


class DocumentSearch:
    """Searches one document. `find` may run on a worker thread while the UI thread adds
    tokens: entries are written whole and the pinyin index is built under a lock."""

    def __init__(self, document: Document) -> None:
        self._document = document
        self._tokens: dict[int, Sequence[Token]] = {}
        self._spellings: dict[int, tuple[Sequence[Token], _Spelling]] = {}  # and its source
        self._lock = threading.Lock()

    @property
    def document(self) -> Document:
        return self._document

    def add_tokens(self, tokens: Mapping[int, Sequence[Token]]) -> None:
        """Words of Chinese paragraphs (by index), with their syllables, as `TextService.read`
        gives them, new or replacing earlier ones; spelled out when a query first needs them."""
        self._tokens.update(tokens)

    def find(self, query: str, limit: int = LIMIT) -> Found:
        """Matches in both languages: the query literally, case-insensitive and with or without
        accents; a Latin query also by the pinyin of the Chinese."""
        query = query.strip()
        if not query:
            return Found(())
        literal = re.compile(
            "|".join(re.escape(q) for q in dict.fromkeys((query, without_marks(query)))),
            re.IGNORECASE,
        )
        english = self._literal(Language.ENGLISH, literal, limit)
        chinese = self._literal(Language.CHINESE, literal, limit)
        if searches_pinyin(query):
            chinese = sorted(
                {*chinese, *self._by_pinyin(pinyin_key(query), limit)},
            )
        truncated = len(english) >= limit or len(chinese) >= limit
        return Found(tuple(english[:limit] + chinese[:limit]), truncated)

    def _literal(self, language: Language, pattern: re.Pattern[str], limit: int) -> list[Match]:
        matches: list[Match] = []
        for index, paragraph in enumerate(self._document.side(language)):
            for found in pattern.finditer(paragraph.text):
                matches.append(Match(language, index, found.start(), found.end()))
            if len(matches) >= limit:
                break
        return matches

    def _by_pinyin(self, key: str, limit: int) -> list[Match]:
        self._spell_all()
        pattern = _pinyin_pattern(key)
        matches: list[Match] = []
        for index in range(len(self._document.chinese)):
            spelled = self._spellings.get(index)
            if spelled is None:
                continue
            spelling = spelled[1]
            for found in pattern.finditer(spelling.text):
                start = bisect_right(spelling.starts, found.start()) - 1
                end = bisect_right(spelling.starts, found.end())
                matches.append(Match(Language.CHINESE, index, start, end))
            if len(matches) >= limit:
                break
        return matches

    def _spell_all(self) -> None:
        """Spell out the paragraphs whose words are new (once; later calls are quick)."""
        with self._lock:
            for index, tokens in list(self._tokens.items()):
                spelled = self._spellings.get(index)
                if spelled is None or spelled[0] is not tokens:
                    text = self._document.chinese[index].text
                    self._spellings[index] = (tokens, _spell(text, tokens))


ReadingKey = tuple[int, bool, int, int]
_ENGLISH_STOP, _CHINESE_STOP = attrgetter("english.stop"), attrgetter("chinese.stop")


def reading_key(alignment: Alignment) -> Callable[[Match], ReadingKey]:
    """A sort key for matches, row by row as the reader sees them: in each row the English
    matches, then the Chinese. A tuple `(row,)` sorts before every match of that row."""
    stops = {  # in C: the rows of a novel, after each search and each new alignment
        Language.ENGLISH: list(map(_ENGLISH_STOP, alignment.links)),
        Language.CHINESE: list(map(_CHINESE_STOP, alignment.links)),
    }

    def key(match: Match) -> ReadingKey:
        row = bisect_right(stops[match.language], match.paragraph)
        return row, match.language is Language.CHINESE, match.paragraph, match.start

    return key


def snippet(document: Document, match: Match) -> str:
    """The match with a little of the text around it, on one line, for a list of results."""
    text = document.side(match.language)[match.paragraph].text
    around = AROUND[match.language]
    start, end = max(0, match.start - around), min(len(text), match.end + around * 2)
    before = "…" if start > 0 else ""
    after = "…" if end < len(text) else ""
    return _SPACES.sub(" ", f"{before}{text[start:end]}{after}").strip()
