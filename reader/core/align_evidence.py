"""What the aligner knows of each segment, and how much an English and a Chinese one share.

Every Chinese word is turned into the English stems of its CC-CEDICT glosses ("concepts"), so
both sides meet in one vocabulary; numbers, months, names and some punctuation join it as extra
keys. A segment is read once into a bag of keys; a pair's evidence is the weight of what
matches, which adds up over concatenated segments, so many-to-one links cost no new reading.
"""

from __future__ import annotations

import math
import re
import sys
import threading
import unicodedata
from bisect import bisect_left
from collections import Counter
from collections.abc import Container, Sequence
from dataclasses import dataclass

from reader.core.english_words import STOPWORDS, WORD, content_stems
from reader.core.numbers import chinese_number_keys, english_number_keys
from reader.core.text_service import TextService, is_chinese
from reader.core.transliteration import chinese_name_keys, name_keys

CHINESE_STOPWORDS = frozenset(
    (
        "的", "了", "是", "在", "着", "过", "地", "得", "和", "与", "而", "又", "也",
        "都", "就", "把", "被", "给", "让", "对", "这", "那", "之", "其", "或", "及",
        "啊", "吧", "呢", "吗", "嘛", "呀", "么", "个", "些", "一", "不", "没", "有",
        "我", "你", "他", "她", "它", "们", "我们", "你们", "他们", "她们", "自己", "这个", "那个",
        "什么", "怎么", "还", "很", "便", "才", "已", "已经", "所", "以", "于", "为", "中",
        "上", "下", "里", "来", "去", "到",
    )
)  # fmt: skip
_PUNCTUATION_KEYS = (("?？", "?"), ("!！", "!"), ('"“”「」『』', '"'), (":：", ":"))
_ENGLISH_SINGLE_QUOTE = re.compile(r"(?:^|[\s(—])['‘]\w|\w[.,!?]?['’](?:\s|$)")
_GLOSS_NOISE = re.compile(r"\[[^\]]*\]|\([^)]*\)|[^\x00-\x7f]+")
_SKIPPED_GLOSS = ("CL:", "variant of", "old variant", "see ", "used in ", "abbr. for")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:-[a-z]+)?\b")


@dataclass(frozen=True, slots=True)
class EnglishSegment:
    """An English segment as the aligner sees it: counts of its keys, and its letters."""

    stems: dict[str, int]
    length: int


@dataclass(frozen=True, slots=True)
class ChineseSegment:
    """A Chinese segment: its content words, the keys each gives, and its Han characters.

    `concepts` maps a key to the positions in `words` of the words that give it.
    """

    words: tuple[str, ...]
    concepts: dict[str, tuple[int, ...]]
    length: int


class Lexicon:
    """Chinese words to English concepts through CC-CEDICT, each word looked up once."""

    def __init__(self, service: TextService) -> None:
        self._service = service
        self._cache: dict[str, frozenset[str]] = {}
        self._lock = threading.Lock()

    def concepts(self, word: str) -> frozenset[str]:
        """The word's concepts; a word that may be a name (a proper noun, or a word unknown to
        the dictionary) also gives the keys of its pinyin spelled as a name."""
        found = self._cache.get(word)
        if found is None:
            keys, may_be_name = self._read(word)
            if may_be_name:
                names = chinese_name_keys(self._service.plain_syllables(word))
                keys = keys.union(map(sys.intern, names))
            found = keys
            with self._lock:
                self._cache[word] = found
        return found

    def _read(self, word: str) -> tuple[frozenset[str], bool]:
        entries = self._service.lookup(word)
        if not entries:
            if len(word) == 1:
                return frozenset(), True
            parts = [self._read(char)[0] for char in word if char not in CHINESE_STOPWORDS]
            return frozenset().union(*parts), True
        keys: set[str] = set()
        for entry in entries:
            for gloss in entry.glosses:
                keys.update(content_stems(gloss_text(gloss)))
        return frozenset(map(sys.intern, keys)), all(entry.proper_noun for entry in entries)


def gloss_text(gloss: str) -> str:
    """A CC-CEDICT gloss as plain English: brackets, parentheses and Chinese dropped, accents
    taken off ("Ürümqi" → "Urumqi"), and "" for a cross-reference or a measure word."""
    if gloss.startswith(_SKIPPED_GLOSS):
        return ""
    letters = unicodedata.normalize("NFKD", gloss)
    return _GLOSS_NOISE.sub(" ", "".join(c for c in letters if not unicodedata.combining(c)))


def read_english(text: str) -> EnglishSegment:
    """Read an English segment once: content stems, numbers, punctuation, capitalised words."""
    stems = Counter(content_stems(text))
    stems.update(english_number_keys(text))
    stems.update(key for chars, key in _PUNCTUATION_KEYS if any(c in text for c in chars))
    if '"' not in stems and _ENGLISH_SINGLE_QUOTE.search(text):  # 'Go!' quotes like "Go!"
        stems['"'] = 1
    for word in _CAPITALISED.findall(text):
        if word.lower() not in STOPWORDS:
            stems.update(name_keys(word.replace("-", "")))
    interned = {sys.intern(key): count for key, count in stems.items()}
    return EnglishSegment(interned, sum(len(w) for w in WORD.findall(text)))


def read_chinese(
    text: str, service: TextService, lexicon: Lexicon, wanted: Container[str] | None = None
) -> ChineseSegment:
    """Read a Chinese segment once: words with their concepts, numbers, punctuation, names.

    Only keys in `wanted` (the other side's vocabulary, when given) are kept: the rest could
    never match, and long texts would carry them all.
    """
    words: list[str] = []
    concepts: dict[str, list[int]] = {}
    for token in service.segment(text):
        if not token.is_chinese or token.text in CHINESE_STOPWORDS:
            continue
        position = len(words)
        words.append(sys.intern(token.text))
        for key in lexicon.concepts(token.text):
            if wanted is None or key in wanted:
                concepts.setdefault(key, []).append(position)
    extra = [sys.intern(key) for key in chinese_number_keys(text)]
    extra += [key for chars, key in _PUNCTUATION_KEYS if any(c in text for c in chars)]
    for key in extra:
        concepts.setdefault(key, []).append(len(words))
        words.append(key)
    length = sum(1 for char in text if is_chinese(char))
    return ChineseSegment(tuple(words), {k: _positions(v) for k, v in concepts.items()}, length)


_SINGLE = tuple((k,) for k in range(64))


def _positions(positions: list[int]) -> tuple[int, ...]:
    """Positions as a tuple, the common one-word case shared: long texts hold millions."""
    if len(positions) == 1 and positions[0] < len(_SINGLE):
        return _SINGLE[positions[0]]
    return tuple(positions)


def inverse_frequencies(bags: Sequence[Sequence[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of each key over the segments of one side."""
    frequency = Counter(key for bag in bags for key in set(bag))
    total = len(bags) + 1
    return {key: math.log(1 + total / count) for key, count in frequency.items()}


@dataclass(frozen=True, slots=True)
class Weights:
    """The weight of every English key and Chinese word of the text being aligned."""

    english: dict[str, float]
    chinese: dict[str, float]

    def english_total(self, segment: EnglishSegment) -> float:
        return sum(self.english.get(key, 0.0) * n for key, n in segment.stems.items())

    def chinese_total(self, segment: ChineseSegment) -> float:
        return sum(self.chinese.get(word, 0.0) for word in segment.words)


def weigh(english: Sequence[EnglishSegment], chinese: Sequence[ChineseSegment]) -> Weights:
    """IDF weights from the text itself, so a document's own rare words count most."""
    return Weights(
        inverse_frequencies([list(s.stems) for s in english]),
        inverse_frequencies([s.words for s in chinese]),
    )


BLOCK = 256  # Chinese segments per block of the concept index


class SharedWeights:
    """The weight two segments share, for many pairs at once: each English segment's keys
    are looked up in an index of the Chinese segments' concepts, so pairs sharing nothing
    cost nothing. The index is cut into blocks of neighbouring segments, as the aligner only
    ever asks about a few neighbours: a lookup then costs the same however long the text."""

    def __init__(self, chinese: Sequence[ChineseSegment], weights: Weights) -> None:
        self._chinese = chinese
        self._weights = weights
        self._blocks: list[dict[str, list[int]]] = []
        for j, segment in enumerate(chinese):
            if j % BLOCK == 0:
                self._blocks.append({})
            postings = self._blocks[-1]
            for key in segment.concepts:
                postings.setdefault(key, []).append(j)

    def row(self, english: EnglishSegment, start: int, stop: int) -> list[float]:
        """The shared weight of `english` with each Chinese segment start..stop."""
        english_weights, chinese_weights = self._weights.english, self._weights.chinese
        shared = [0.0] * (stop - start)
        matched: dict[int, set[int]] = {}
        blocks = self._blocks[start // BLOCK : (stop - 1) // BLOCK + 1] if stop > start else []
        for key, count in english.stems.items():
            weight = english_weights.get(key, 0.0)
            for block in blocks:
                postings = block.get(key)
                if not postings:
                    continue
                for j in postings[bisect_left(postings, start) : bisect_left(postings, stop)]:
                    hits = self._chinese[j].concepts[key]
                    shared[j - start] += weight * min(count, len(hits))
                    matched.setdefault(j, set()).update(hits)
        for j, positions in matched.items():
            words = self._chinese[j].words
            shared[j - start] += sum(chinese_weights.get(words[k], 0.0) for k in positions)
        return shared
