"""Across the languages, inside one aligned row: the English words that translate a Chinese
word, the Chinese words an English word translates, and the sentence facing a sentence.

A Chinese word is read as the head phrase of each sense of its CC-CEDICT entries (English
stems), the number it is part of (七百七十五 ↔ 775) and, for a name, its pinyin spelled as a
name (赛福鼎 ↔ Saifuddin); the row's English words are indexed once under the same keys. A gloss
word rare in the dictionary counts more than a common one, and a phrase matched whole more
than a piece of one. Only the English sentence that the sentence alignment pairs with the
word's own is searched, unless nothing matches there and something elsewhere in the row
matches beyond doubt (a number, a name): a reader is better shown nothing than noise.
English to Chinese asks the same question backwards, so both directions always agree.
"""

from __future__ import annotations

import math
import re
import threading
import weakref
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

from reader.core.align_evidence import CHINESE_STOPWORDS, Lexicon, gloss_text
from reader.core.alignment import Alignment, Link
from reader.core.document import Language
from reader.core.english_words import WORD, content_words, related, stem
from reader.core.foreground import stepping
from reader.core.numbers import chinese_numbers, english_numbers
from reader.core.sentence_alignment import align_sentences
from reader.core.sentences import sentence_spans
from reader.core.text_service import TextService, Token
from reader.core.transliteration import name_keys, skeleton
from reader.core.word_info import read_as

NEAR = 0.35  # the score a match in the aligned sentence needs
FAR = 0.9  # the score a match elsewhere in the row needs: numbers, names, the rarest words
RELATIVE = 0.5  # matches below this share of the best one are dropped as noise
NUMBER = 1.0  # the score of the same number on both sides
NAME = 1.0  # the score of a dictionary name whose pinyin spells the English name
GUESSED_NAME = 0.6  # the same for a word the dictionary lacks: a name, or a compound
RELATED = 0.8  # how much a derivative counts against the gloss word itself
RARITY_BATCH = 500  # CC-CEDICT entries counted at a time, stepping aside for the window between
# batches: one regular expression over all of its glosses holds the interpreter for a third of
# a second, freezing the window
_ABBREVIATION = "abbr. for "  # such a gloss names what the word stands for after a comma
_DESCRIPTION = re.compile(r"[,:]")  # "Tianshan, mountain range ...": the head comes first
_ALTERNATIVE = re.compile(r"\b(?:or|and)\b")  # "Ürümqi or Urumqi", "iron and steel"
_PHRASE_GAP = re.compile(r"[\sA-Za-z'’-]*")  # what may stand between two words of a phrase
_NAME_KEY_MARKS = ("=", "~")  # how transliteration.name_keys starts the keys it makes


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Characters `start`..`end` of paragraph `paragraph` of one side of a row; paragraphs
    are counted from 0 within the row, in the order given to `RowCounterparts`."""

    paragraph: int
    start: int
    end: int

    def holds(self, paragraph: int, offset: int) -> bool:
        return paragraph == self.paragraph and self.start <= offset < self.end


@dataclass(frozen=True, slots=True)
class SentencePair:
    """The sentence under the pointer and those of the other side that translate it (none
    when the alignment left it alone)."""

    sentence: Span
    counterparts: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class _GlossWord:
    """A content word of a gloss phrase, with how rare it is in the whole dictionary."""

    stem: str
    spelling: str | None
    rarity: float


@dataclass(frozen=True, slots=True)
class _Reading:
    """What a Chinese word may be translated by: gloss phrases, and name keys if a name."""

    phrases: tuple[tuple[_GlossWord, ...], ...]
    names: frozenset[str]
    name_score: float

    def keys(self) -> Iterator[str]:
        """Every key an English word may share with this word, for the reverse index."""
        yield from self.names
        for phrase in self.phrases:
            for word in phrase:
                yield from _word_keys(word.stem, word.spelling)


@dataclass(frozen=True, slots=True)
class _Word:
    """An English content word of the row; `joined` when the next word may continue a phrase
    with it (same sentence, nothing but letters and blanks between)."""

    start: int
    end: int
    stem: str
    spelling: str | None
    sentence: int
    joined: bool

    def quality(self, gloss: _GlossWord) -> float:
        """1 for the gloss word itself (or a spelling of the same name), less for a
        derivative of it, 0 for another word."""
        if self.stem == gloss.stem or (self.spelling and self.spelling == gloss.spelling):
            return 1.0
        return RELATED if related(self.stem, gloss.stem) else 0.0


@dataclass(frozen=True, slots=True)
class _Hit:
    """A candidate translation: where it is, in which English sentence, and how sure."""

    span: Span
    sentence: int
    score: float


def _spelling(word: str) -> str | None:
    """A capitalised word's key for spelling variants of one name: Uighur and Uyghur meet."""
    return f"{word[0].lower()}~{skeleton(word)}" if word[:1].isupper() else None


def _word_keys(word_stem: str, spelling: str | None) -> Iterator[str]:
    """The keys under which a word meets its matches: its stem, the spelling of a name, and
    the first five letters that a derivative shares (see `english_words.related`)."""
    yield word_stem
    if spelling:
        yield spelling
    if len(word_stem) >= 5:
        yield "^" + word_stem[:5]


class _Glossary:
    """Chinese words read into phrases, for one text service; each word is read once."""

    def __init__(self, service: TextService) -> None:
        self._service = service
        self._lexicon = Lexicon(service)
        self._readings: dict[str, _Reading] = {}
        self._rarities: dict[str, float] | None = None
        self._lock = threading.Lock()

    def rarities(self) -> dict[str, float]:
        """How rare each stem is in CC-CEDICT's glosses, 1 for unseen down to near 0: a word
        many entries use ("person", "good") is weak evidence, a rare one ("Urumqi") strong."""
        with self._lock:
            if self._rarities is None:
                entries = self._service.cedict_entries()  # a batch at a time, never all at once:
                words: Counter[str] = Counter()  # 120,000 entries would take 60 MB
                counted = 0
                batches = iter(lambda: list(islice(entries, RARITY_BATCH)), [])
                for batch in stepping(batches):  # see RARITY_BATCH
                    counted += len(batch)
                    glosses = "\n".join("/".join(e.glosses) for e in batch).lower()
                    words.update(WORD.findall(glosses))
                by_stem: Counter[str] = Counter()
                for word, count in words.items():
                    by_stem[stem(word)] += count
                scale = math.log(1 + counted)
                self._rarities = {
                    key: 1 - math.log(1 + count) / scale for key, count in by_stem.items()
                }
            return self._rarities

    def reading(self, word: str) -> _Reading:
        found = self._readings.get(word)
        if found is None:
            found = self._readings[word] = self._read(word)
        return found

    def _read(self, word: str) -> _Reading:
        """The entries of the word, or of the words it is made of, as read here (会 in 会议
        is huì "meeting", not kuài "accounting"), turned into phrases."""
        syllables = self._service.syllables(word)
        phrases: set[tuple[_GlossWord, ...]] = set()
        for start, end in self._parts(word):
            entries = self._service.lookup(word[start:end])
            if len(syllables) == len(word):
                entries = [e for e in entries if read_as(e, syllables[start:end])] or entries
            phrases.update(p for e in entries for gloss in e.glosses for p in self._phrases(gloss))
        concepts = self._lexicon.concepts(word)
        names = frozenset(key for key in concepts if key.startswith(_NAME_KEY_MARKS))
        known = bool(self._service.lookup(word))
        return _Reading(tuple(phrases), names, NAME if known else GUESSED_NAME)

    def _phrases(self, gloss: str) -> Iterator[tuple[_GlossWord, ...]]:
        """The head phrase of each sense of a gloss, split into its alternatives."""
        rarities = self.rarities()
        for sense in gloss_text(gloss.removeprefix(_ABBREVIATION)).split(";"):
            pieces = _DESCRIPTION.split(sense)
            head = next((piece for piece in pieces if WORD.search(piece)), "")
            for alternative in _ALTERNATIVE.split(head):
                phrase = tuple(
                    _GlossWord(word_stem, _spelling(match.group()), rarities.get(word_stem, 1.0))
                    for match, word_stem in content_words(alternative)
                )
                if phrase:
                    yield phrase

    def _parts(self, word: str) -> list[tuple[int, int]]:
        """Where the dictionary words that `word` stands for are in it: the whole word when the
        dictionary has it; for a compound jieba made up, the longest dictionary words of two
        characters or more, and the last character that is not a function word if they leave
        it over: the compound's head (全区 "the whole region": 区 "region", where 全 "complete"
        would be noise; 送来 "sent": 送)."""
        if self._service.lookup(word):
            return [(0, len(word))]
        parts: list[tuple[int, int]] = []
        start = 0
        while start < len(word) - 1:
            end = next(
                (e for e in range(len(word), start + 1, -1) if self._service.lookup(word[start:e])),
                None,
            )
            if end is None:
                start += 1
            else:
                parts.append((start, end))
                start = end
        head = next((k for k in reversed(range(len(word))) if word[k] not in CHINESE_STOPWORDS), -1)
        if head >= 0 and not any(start <= head < end for start, end in parts):
            parts.append((head, head + 1))
        return parts


_glossaries: weakref.WeakKeyDictionary[TextService, _Glossary] = weakref.WeakKeyDictionary()
_glossaries_lock = threading.Lock()


def _glossary(service: TextService) -> _Glossary:
    with _glossaries_lock:
        found = _glossaries.get(service)
        if found is None:
            found = _glossaries[service] = _Glossary(service)
        return found


def prepare(service: TextService) -> None:
    """Do the one slow step, counting CC-CEDICT's words (half a second from the dictionary in
    memory, two from the on-disk index), ahead of the first row worked out: call it from the
    worker that loads the text service. Without it the first row does it."""
    _glossary(service).rarities()


@dataclass(frozen=True, slots=True)
class _Sentences:
    """The sentences of both sides of a row, in row order, and for each the other side's
    sentences that the sentence alignment pairs with it."""

    english: tuple[Span, ...]
    chinese: tuple[Span, ...]
    english_facing: tuple[range, ...]
    chinese_facing: tuple[range, ...]

    @classmethod
    def of(
        cls, english: tuple[Span, ...], chinese: tuple[Span, ...], alignment: Alignment
    ) -> _Sentences:
        english_facing = [range(0)] * len(english)
        chinese_facing = [range(0)] * len(chinese)
        for link in alignment:
            for i in link.english:
                english_facing[i] = link.chinese
            for j in link.chinese:
                chinese_facing[j] = link.english
        return cls(english, chinese, tuple(english_facing), tuple(chinese_facing))

    def side(self, language: Language) -> tuple[Span, ...]:
        return self.english if language is Language.ENGLISH else self.chinese

    def at(self, language: Language, paragraph: int, offset: int) -> int | None:
        """The index of the sentence holding the offset, if any."""
        for index, span in enumerate(self.side(language)):
            if span.holds(paragraph, offset):
                return index
        return None

    def facing(self, language: Language, index: int) -> range:
        """The other side's sentences paired with sentence `index` of `language`."""
        if language is Language.ENGLISH:
            return self.english_facing[index]
        return self.chinese_facing[index]


@dataclass(frozen=True, slots=True)
class _EnglishIndex:
    """The row's English content words, and where each key that may meet a Chinese word is."""

    words: tuple[tuple[_Word, ...], ...]
    by_word_key: dict[str, list[tuple[int, int]]]  # see `_word_keys`
    by_key: dict[str, list[tuple[Span, int]]]  # numbers and names, already spans
    keys_at: tuple[tuple[tuple[int, int, frozenset[str]], ...], ...]  # per paragraph

    def occurrences(self, gloss: _GlossWord) -> set[tuple[int, int]]:
        """Where the words that may match a gloss word are (to be checked with `quality`)."""
        return {
            found
            for key in _word_keys(gloss.stem, gloss.spelling)
            for found in self.by_word_key.get(key, ())
        }


@dataclass(frozen=True, slots=True)
class _RowIndex:
    """Both sides of a row, indexed under the keys on which they meet."""

    english: _EnglishIndex
    chinese: dict[str, list[tuple[int, int]]]  # key → (paragraph, token) of words that have it


class RowCounterparts:
    """The cross-language links of one aligned row, worked out when first asked and kept.

    `english` and `chinese` are the row's paragraph texts, `chinese_tokens` the words of each
    Chinese paragraph (from `TextService.read` or `segment`). Offsets count characters into a
    paragraph's text. Not thread-safe: use a row's object from one thread at a time (a worker
    may `work_out` a row, then hand it to the window's thread, which only looks things up).
    """

    def __init__(
        self,
        english: Sequence[str],
        chinese: Sequence[str],
        chinese_tokens: Sequence[Sequence[Token]],
        service: TextService,
    ) -> None:
        self._english = tuple(english)
        self._chinese = tuple(chinese)
        self._tokens = tuple(tuple(tokens) for tokens in chinese_tokens)
        self._glossary = _glossary(service)
        self._service = service
        self._translations: dict[tuple[int, int, int], tuple[Span, ...]] = {}
        self._originals: dict[tuple[int, int, int], tuple[Span, ...]] = {}

    def work_out(self) -> None:
        """Answer every question the row can be asked, ahead of time: aligning its sentences
        segments them and reading its words looks them up, too slow for a hover."""
        for p, items in enumerate(self._index.english.keys_at):  # the index aligns sentences
            for start, _, _ in items:
                self.chinese_for_english(p, start)
        for p, tokens in enumerate(self._tokens):
            for token in tokens:
                self.translations_of_chinese(p, token)

    def translations_of_chinese(self, paragraph: int, token: Token) -> tuple[Span, ...]:
        """The English words (or phrases) of the row that translate `token`, a word of Chinese
        paragraph `paragraph`; empty for function words and for weak evidence."""
        key = (paragraph, token.start, token.end)
        found = self._translations.get(key)
        if found is None:
            found = self._translations[key] = self._translate(paragraph, token)
        return found

    def chinese_for_english(self, paragraph: int, offset: int) -> tuple[Span, ...]:
        """The Chinese words of the row that the English word at `offset` of English paragraph
        `paragraph` translates: those whose translations include it."""
        items = [
            item for item in self._index.english.keys_at[paragraph] if item[0] <= offset < item[1]
        ]
        if not items:
            return ()
        key = (paragraph, min(s for s, _, _ in items), max(e for _, e, _ in items))
        found = self._originals.get(key)
        if found is None:
            keys = set().union(*(keys for _, _, keys in items))
            candidates = sorted({c for k in keys for c in self._index.chinese.get(k, ())})
            found = self._originals[key] = tuple(
                Span(p, self._tokens[p][k].start, self._tokens[p][k].end)
                for p, k in candidates
                if any(s.holds(paragraph, offset) for s in self._translate_at(p, k))
            )
        return found

    def counterpart_sentences(
        self, language: Language, paragraph: int, offset: int
    ) -> SentencePair | None:
        """The sentence of `language` at `offset` of `paragraph` and the other side's sentences
        that translate it; None between sentences."""
        sentences = self._sentences
        index = sentences.at(language, paragraph, offset)
        if index is None:
            return None
        other = sentences.side(
            Language.CHINESE if language is Language.ENGLISH else Language.ENGLISH
        )
        facing = sentences.facing(language, index)
        return SentencePair(sentences.side(language)[index], tuple(other[k] for k in facing))

    # What is worked out once per row.

    @cached_property
    def _sentences(self) -> _Sentences:
        english = _sentence_spans(self._english, Language.ENGLISH)
        chinese = _sentence_spans(self._chinese, Language.CHINESE)
        whole_row = Alignment(
            (Link(range(len(self._english)), range(len(self._chinese))),),
            len(self._english),
            len(self._chinese),
        )
        alignment = align_sentences(self._english, self._chinese, whole_row, self._service)[0]
        return _Sentences.of(english, chinese, alignment.alignment)

    @cached_property
    def _index(self) -> _RowIndex:
        """Both sides indexed on the row's first use, each Chinese word read then, so that a
        query after it only looks things up."""
        return _RowIndex(self._index_english(), self._index_chinese())

    def _index_english(self) -> _EnglishIndex:
        sentences = self._sentences
        words: list[tuple[_Word, ...]] = []
        by_word_key: dict[str, list[tuple[int, int]]] = {}
        by_key: dict[str, list[tuple[Span, int]]] = {}
        keys_at = []
        for p, text in enumerate(self._english):
            found = [(m.start(), m.end(), s) for m, s in content_words(text)]
            at = [sentences.at(Language.ENGLISH, p, start) for start, _, _ in found]
            paragraph_words = tuple(
                _Word(
                    start,
                    end,
                    word_stem,
                    _spelling(text[start:end]),
                    -1 if at[i] is None else at[i],
                    i + 1 < len(found)
                    and at[i] == at[i + 1]
                    and _PHRASE_GAP.fullmatch(text, end, found[i + 1][0]) is not None,
                )
                for i, (start, end, word_stem) in enumerate(found)
            )
            words.append(paragraph_words)
            items = []
            for i, word in enumerate(paragraph_words):
                keys = set(_word_keys(word.stem, word.spelling))
                for key in keys:
                    by_word_key.setdefault(key, []).append((p, i))
                for span, names in self._names_around(p, paragraph_words, i):
                    for name in names:
                        by_key.setdefault(name, []).append((span, word.sentence))
                    keys.update(names)
                items.append((word.start, word.end, frozenset(keys)))
            for key, start, end in english_numbers(text):
                sentence = sentences.at(Language.ENGLISH, p, start)
                by_key.setdefault(key, []).append(
                    (Span(p, start, end), -1 if sentence is None else sentence)
                )
                items.append((start, end, frozenset((key,))))
            keys_at.append(tuple(items))
        return _EnglishIndex(tuple(words), by_word_key, by_key, tuple(keys_at))

    def _names_around(
        self, paragraph: int, words: Sequence[_Word], i: int
    ) -> Iterator[tuple[Span, list[str]]]:
        """The name keys of capitalised word i, alone and with the next capitalised word
        ("Zeng Di" is 曾涤 spelled in two words)."""
        text = self._english[paragraph]
        word = words[i]
        if not word.spelling:
            return
        yield Span(paragraph, word.start, word.end), name_keys(text[word.start : word.end])
        if i + 1 < len(words):
            after = words[i + 1]
            if after.spelling and text[word.end : after.start] == " ":
                joined = text[word.start : word.end] + text[after.start : after.end]
                yield Span(paragraph, word.start, after.end), name_keys(joined)

    @cached_property
    def _number_keys(self) -> tuple[tuple[tuple[str, int, int], ...], ...]:
        return tuple(tuple(chinese_numbers(text)) for text in self._chinese)

    def _token_numbers(self, paragraph: int, token: Token) -> list[str]:
        """The numbers the token is part of: 七百 and 七十五 are both 775."""
        return [
            key
            for key, start, end in self._number_keys[paragraph]
            if start < token.end and token.start < end
        ]

    def _index_chinese(self) -> dict[str, list[tuple[int, int]]]:
        """Each key that may meet an English word, and the Chinese tokens that have it."""
        index: dict[str, list[tuple[int, int]]] = {}
        for p, tokens in enumerate(self._tokens):
            for k, token in enumerate(tokens):
                keys = set(self._token_numbers(p, token))
                if token.is_chinese and token.text not in CHINESE_STOPWORDS:
                    keys.update(self._glossary.reading(token.text).keys())
                for key in keys:
                    index.setdefault(key, []).append((p, k))
        return index

    # Matching.

    def _translate_at(self, paragraph: int, k: int) -> tuple[Span, ...]:
        return self.translations_of_chinese(paragraph, self._tokens[paragraph][k])

    def _translate(self, paragraph: int, token: Token) -> tuple[Span, ...]:
        if token.text in CHINESE_STOPWORDS:
            return ()
        sentences = self._sentences
        index = sentences.at(Language.CHINESE, paragraph, token.start)
        aligned = set() if index is None else set(sentences.facing(Language.CHINESE, index))
        return _choose(self._evidence(paragraph, token), aligned)

    def _evidence(self, paragraph: int, token: Token) -> Iterator[_Hit]:
        """Every English word or phrase of the row that shares something with the token."""
        index = self._index.english
        for key in self._token_numbers(paragraph, token):
            for span, sentence in index.by_key.get(key, ()):
                yield _Hit(span, sentence, NUMBER)
        if not token.is_chinese:
            return
        reading = self._glossary.reading(token.text)
        for key in reading.names:
            for span, sentence in index.by_key.get(key, ()):
                yield _Hit(span, sentence, reading.name_score)
        for phrase in reading.phrases:
            yield from self._phrase_hits(phrase)

    def _phrase_hits(self, phrase: tuple[_GlossWord, ...]) -> Iterator[_Hit]:
        """Each run of English words that matches consecutive words of a gloss phrase, scored
        by the share of the phrase's rarity it covers, halved unless it starts the phrase
        ("forward" alone is not "put forward"), and by how rare its rarest word is."""
        index = self._index.english
        total = sum(word.rarity for word in phrase) or 1.0
        for a, gloss_word in enumerate(phrase):
            for p, i in index.occurrences(gloss_word):
                words = index.words[p]
                quality = words[i].quality(gloss_word)
                if not quality or (
                    a and i and words[i - 1].joined and words[i - 1].quality(phrase[a - 1])
                ):
                    continue  # no match, or inside a longer run that is found from its start
                covered, rarest, j = quality * gloss_word.rarity, gloss_word.rarity, i
                for following in phrase[a + 1 :]:
                    quality = words[j].joined and words[j + 1].quality(following)
                    if not quality:
                        break
                    covered += quality * following.rarity
                    rarest = max(rarest, following.rarity)
                    j += 1
                score = covered / total * (1.0 if a == 0 else 0.5) * (0.5 + 0.5 * rarest)
                yield _Hit(Span(p, words[i].start, words[j].end), words[i].sentence, score)


def _sentence_spans(paragraphs: Sequence[str], language: Language) -> tuple[Span, ...]:
    return tuple(
        Span(p, start, end)
        for p, text in enumerate(paragraphs)
        for start, end in sentence_spans(text, language)
    )


def _choose(hits: Iterable[_Hit], aligned: set[int]) -> tuple[Span, ...]:
    """The hits worth showing: those in the aligned sentence, else the sure ones anywhere;
    then only those near the best, overlapping ones joined ("Xinhua News" found as a name,
    "Xinhua News Agency" as a gloss)."""
    hits = list(hits)
    chosen = [h for h in hits if h.sentence in aligned and h.score >= NEAR]
    chosen = chosen or [h for h in hits if h.score >= FAR]
    if not chosen:
        return ()
    floor = RELATIVE * max(h.score for h in chosen)
    joined: list[Span] = []
    for span in sorted(h.span for h in chosen if h.score >= floor):
        last = joined[-1] if joined else None
        if last and last.paragraph == span.paragraph and span.start < last.end:
            joined[-1] = Span(last.paragraph, last.start, max(last.end, span.end))
        else:
            joined.append(span)
    return tuple(joined)
