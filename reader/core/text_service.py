"""The one door to jieba, pypinyin and CC-CEDICT: segmentation, pinyin in context, glosses.

Loading takes over a second (jieba's prefix dictionary, CC-CEDICT), so it happens once, on
whichever thread first needs it; callers that must not block call `load()` from a worker.
Every method is safe to call from several threads. The module itself imports little: the
window's rows use its tokens before the first paint, which must not wait for the dictionaries'
modules.
"""

from __future__ import annotations

import re
import sys
import threading
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the rest is imported where it is used, after the first paint
    from reader.core.cedict import Cedict, DictEntry
    from reader.core.cedict_index import CedictIndex
    from reader.core.user_dictionary import UserDictionary

__all__ = ["TextService", "Token", "is_chinese", "shared_service", "tone_of"]

_VOWEL_START = ("a", "o", "e", "ā", "á", "ǎ", "à", "ō", "ó", "ǒ", "ò", "ē", "é", "ě", "è")


@cache
def han() -> re.Pattern[str]:
    """One Han character. Compiled when first asked for: a class of 28,000 characters takes
    4 ms to compile, which the first paint has no use for."""
    return re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def is_chinese(text: str) -> bool:
    """True when the text holds at least one Han character."""
    return han().search(text) is not None


_TONE_MARKS = {"\u0304": 1, "\u0301": 2, "\u030c": 3, "\u0300": 4}


def tone_of(syllable: str) -> int:
    """1 to 4 from a syllable's tone mark; 5 for the neutral tone (no mark)."""
    for char in unicodedata.normalize("NFD", syllable):
        if char in _TONE_MARKS:
            return _TONE_MARKS[char]
    return 5


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text and where it stands: `text == source[start:end]`. Tokens from
    `TextService.read` also carry the word's syllables in tone marks, one per Han character."""

    text: str
    start: int
    end: int
    syllables: tuple[str, ...] = ()

    @property
    def is_chinese(self) -> bool:
        return is_chinese(self.text)


def join_syllables(syllables: Sequence[str]) -> str:
    """Write a word's syllables as pinyin orthography does: Xī'ān, Wéiwú'ěr, yínháng."""
    return "".join(written_syllables(syllables))


def written_syllables(syllables: Sequence[str], tone_numbers: bool = False) -> list[str]:
    """Each syllable as it is written inside its word: the apostrophe it takes, and tone
    numbers instead of marks when asked ("xī", "'ān" or "xi1", "'an1")."""
    if tone_numbers:  # only then: importing pypinyin takes 0.3 s, which the pop-up must not wait
        from pypinyin.contrib.tone_convert import to_tone3

    written = []
    for position, syllable in enumerate(syllables):
        text = to_tone3(syllable, neutral_tone_with_five=True) if tone_numbers else syllable
        apostrophe = position > 0 and syllable[:1].lower() in _VOWEL_START
        written.append("'" + text if apostrophe else text)
    return written


def write_name(syllables: Sequence[str]) -> str:
    """Write a name's syllables, a capital starting each of its words: Xīnjiāng Wéiwú'ěr."""
    words: list[list[str]] = []
    for syllable in syllables:
        if not words or syllable[:1].isupper():
            words.append([])
        words[-1].append(syllable)
    return " ".join(join_syllables(word) for word in words)


class TextService:
    """Segmentation (jieba), readings (pypinyin) and glosses (CC-CEDICT) behind one object."""

    def __init__(self, cache_dir: Path | None = None) -> None:
        self._cache_dir = cache_dir  # where the dictionaries' fast-loading copies are kept
        self._lock = threading.Lock()  # one lock per dictionary: the pop-up's never waits
        self._pinyin_lock = threading.Lock()  # for jieba's
        self._cedict_lock = threading.Lock()
        self._fixes_lock = threading.Lock()
        self._tokenizer = None
        self._pinyin_ready = False
        self._cedict: Cedict | CedictIndex | None = None
        self._readings: dict[str, tuple[str, ...]] = {}  # word → syllables, pypinyin's answers
        self._user_dictionary: UserDictionary | None = None  # none yet: no fixes

    @property
    def dictionary_open(self) -> bool:
        """Whether CC-CEDICT is open: the pop-up's glosses need no wait."""
        return self._cedict is not None

    @property
    def loaded(self) -> bool:
        return self._tokenizer is not None and self._pinyin_ready and self._cedict is not None

    def load(self) -> None:
        """Load jieba's dictionary, pypinyin's and CC-CEDICT; later calls return at once.

        With a cache folder, each loads in slices (see `dictionary_loading`) and CC-CEDICT is
        read in place from an index, so a worker loading them never freezes the window."""
        self.load_dictionary()
        self._load_pinyin()
        if self._tokenizer is not None:
            return
        from reader.core.dictionary_loading import collector_paused, load_jieba

        with self._lock, collector_paused():
            if self._tokenizer is not None:
                return
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            if self._cache_dir is None:
                tokenizer.initialize()
            else:
                load_jieba(tokenizer, self._cache_dir)
            self._tokenizer = tokenizer

    def _load_pinyin(self) -> None:
        if self._pinyin_ready:
            return
        from reader.core.dictionary_loading import collector_paused, load_pypinyin

        with self._pinyin_lock, collector_paused():
            if not self._pinyin_ready:
                load_pypinyin()
                self._pinyin_ready = True

    def load_dictionary(self) -> None:
        """Open CC-CEDICT, if not open yet, and check the whole of its index (some 10 ms, on
        the worker that calls this), so that damage is found before a hover reads it."""
        self._open_dictionary()
        from reader.core.cedict_index import CedictIndex

        dictionary = self._cedict
        if isinstance(dictionary, CedictIndex) and not dictionary.check():
            self._rebuild_dictionary(dictionary)

    def _open_dictionary(self) -> None:
        """Open CC-CEDICT: its index, whose blocks are checked as look-ups read them."""
        if self._cedict is not None:
            return
        with self._cedict_lock:
            if self._cedict is not None:
                return
            if self._cache_dir is None:
                from reader.core.cedict import Cedict
                from reader.core.dictionary_loading import collector_paused

                with collector_paused():
                    self._cedict = Cedict.bundled()
                return
            self._cedict = self._index(reuse=True)

    def _rebuild_dictionary(self, damaged: Cedict | CedictIndex) -> None:
        """Build CC-CEDICT's index again, a block of it being damaged. Meanwhile other threads
        go on reading the old one's sound blocks; the new file replaces it, the old stays mapped."""
        with self._cedict_lock:
            if self._cedict is damaged:  # not rebuilt by another thread meanwhile
                self._cedict = self._index(reuse=False)

    def _index(self, reuse: bool) -> Cedict | CedictIndex:
        """CC-CEDICT's index in the cache folder, built if it is missing, outdated, damaged or
        not to be reused; the parsed dictionary if the folder cannot take it."""
        from reader.core import cedict_index
        from reader.core.cedict import Cedict, bundled_lines, bundled_version

        path, version = self._cache_dir / "cedict.index", bundled_version()
        index = cedict_index.CedictIndex.open(path, version) if reuse else None
        if index is None:
            try:
                cedict_index.build(path, bundled_lines(), version)
            except OSError:
                return Cedict.bundled()
            index = cedict_index.CedictIndex.open(path, version)
        return index or Cedict.bundled()

    def versions(self) -> str:
        """The versions of everything a word's cut and reading depend on, user's fixes too."""
        from reader.core.cedict import bundled_version
        from reader.core.package_versions import installed_version

        libraries = ",".join(f"{name}-{installed_version(name)}" for name in ("jieba", "pypinyin"))
        return f"{libraries},{bundled_version()},user-{self.user_dictionary_version()}"

    def remember_readings(self, tokens: Iterable[Token]) -> None:
        """Take the readings of words read before (a cache of a document's words), so that the
        pop-up can read them without waiting for pypinyin."""
        for token in tokens:
            if token.syllables:
                self._readings.setdefault(token.text, token.syllables)

    def segment(self, text: str) -> list[Token]:
        """Cut a text into words; joined, the tokens give the text back exactly."""
        self.load()
        cut = self.user_dictionary.segment(text, self._tokenizer.tokenize)
        # Interned: a long document repeats a few thousand words hundreds of thousands of times.
        return [Token(sys.intern(word), start, end) for word, start, end in cut]

    @property
    def user_dictionary(self) -> UserDictionary:
        if self._user_dictionary is None:
            from reader.core.user_dictionary import UserDictionary

            with self._fixes_lock:  # never over fixes set meanwhile
                if self._user_dictionary is None:
                    self._user_dictionary = UserDictionary()
        return self._user_dictionary

    def set_user_dictionary(self, dictionary: UserDictionary) -> None:
        """Cut texts by the reader's fixes from now on. The dictionary is immutable and
        replaced in one assignment, so a worker thread segmenting meanwhile is never torn."""
        with self._fixes_lock:
            self._user_dictionary = dictionary

    def user_dictionary_version(self) -> str:
        """A digest of the reader's fixes: words cached under another version are stale."""
        return self.user_dictionary.version

    def read(self, text: str) -> list[Token]:
        """Segment `text` and give each Chinese word its syllables as read in that word."""
        return [
            Token(t.text, t.start, t.end, self._reading(t.text)) if t.is_chinese else t
            for t in self.segment(text)
        ]

    def syllables(self, word: str) -> list[str]:
        """The word's syllables in tone marks, read as one word ("银行" → ["yín", "háng"])."""
        return list(self._reading(word)) if is_chinese(word) else []

    def _reading(self, word: str) -> tuple[str, ...]:
        """pypinyin's reading of a Chinese word, asked once per word: a text repeats its words,
        and pypinyin takes far longer over one than a dictionary look-up does."""
        reading = self._readings.get(word)
        if reading is None:
            self._load_pinyin()
            from pypinyin import Style, pinyin

            readings = [r[0] for r in pinyin([word], style=Style.TONE, errors=lambda _: [""])]
            reading = self._readings.setdefault(word, tuple(r for r in readings if r))
        return reading

    def plain_syllables(self, word: str) -> list[str]:
        """The syllables without tones ("乌鲁木齐" → ["wu", "lu", "mu", "qi"]), for matching."""
        self._load_pinyin()
        from pypinyin import Style, pinyin

        if not is_chinese(word):
            return []
        readings = [r[0] for r in pinyin([word], style=Style.NORMAL, errors=lambda _: [""])]
        return [r for r in readings if r]

    def pinyin(self, word: str) -> str:
        """The word's pinyin in tone marks, written as pinyin orthography writes it.

        Where a proper-noun entry of CC-CEDICT reads the word as pypinyin does, and no common
        word reads the same (日 rì "day" is not 日 Rì "Japan"), the entry's capitals give the
        name's capitals and word breaks (Xīnjiāng Wéiwú'ěr Zìzhìqū).
        """
        syllables = self.syllables(word)
        names = []
        for entry in self.lookup(word):
            marked = entry.pinyin.split()
            if [s.lower() for s in marked] != syllables:
                continue
            if not entry.proper_noun:
                return join_syllables(syllables)
            names.append(marked)
        return write_name(names[0]) if names else join_syllables(syllables)

    def lookup(self, word: str) -> list[DictEntry]:
        """Every CC-CEDICT entry whose simplified or traditional headword is `word`."""
        self._open_dictionary()
        from reader.core.cedict_index import DamagedIndex

        dictionary = self._cedict
        try:
            return dictionary.lookup(word)
        except DamagedIndex:
            self._rebuild_dictionary(dictionary)
            return self._cedict.lookup(word)

    def cedict_entries(self) -> Iterator[DictEntry]:
        """All of CC-CEDICT, for indexes of its own that a caller builds (the aligner's): its
        index checked whole first, so that reading it through never meets a damaged block."""
        self.load_dictionary()
        return iter(self._cedict)


_shared: TextService | None = None
_shared_lock = threading.Lock()


def shared_service(cache_dir: Path | None = None) -> TextService:
    """The process-wide service, so that the dictionaries are loaded once per process."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = TextService(cache_dir)
        return _shared
