"""The reader's word list: words saved while reading, each with the sentence it was met in, and
the files that take the list elsewhere: notes for Anki's text import, and CSV for spreadsheets.

Both files have the columns of COLUMNS, one word per line; tabs and line breaks inside a field
become spaces. The Anki file starts with the header lines of Anki 2.1.54+ (separator, html,
tags column, columns), so that Anki needs no settings; it is UTF-8 without a BOM, because Anki
only reads the headers when `#` is the file's first character. The CSV file is UTF-8 with a
BOM, because that is how spreadsheet programs (Excel above all) tell UTF-8 from a local code
page and show the Chinese as Chinese.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.core.document import Document
from reader.core.exports import one_line
from reader.core.search import pinyin_key
from reader.core.word_info import WordInfo

COLUMNS = ("Word", "Pinyin", "Glosses", "Sentence", "Translation", "Document", "Saved")
ANKI_TAG = "parallel-reader"
"""Every exported note carries this tag, so that the imported notes can be found in Anki."""
GLOSS_SEPARATOR = "; "


@dataclass(frozen=True, slots=True)
class SavedWord:
    """A word of the list and where it was met; `id` is 0 until the list has given it one."""

    word: str
    pinyin: str  # as read where it was met
    glosses: str  # CC-CEDICT glosses for that reading, joined with GLOSS_SEPARATOR
    sentence: str  # the Chinese sentence it was met in
    translation: str  # the English sentence(s) paired with it; "" when there are none
    document: str  # the document's content key
    title: str  # the document's title as the window showed it
    saved: str  # when, ISO 8601 with the local offset
    id: int = 0

    @property
    def date(self) -> str:
        return self.saved[:10]

    def fields(self) -> tuple[str, ...]:
        """The word's values in the order of COLUMNS, as the table and the exports show them."""
        return (
            self.word,
            self.pinyin,
            self.glosses,
            self.sentence,
            self.translation,
            self.title,
            self.date,
        )


def now() -> str:
    """The current time as the word list keeps it: local, to the second, with its offset."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def glosses_as_read(info: WordInfo) -> str:
    """The glosses of the entries read as the word is read here (行 in 行走: "to walk", not
    "row"), or of every entry when none is; each gloss once."""
    reading = [syllable.lower() for syllable in info.syllables]
    entries = [e for e in info.entries if e.pinyin.lower().split() == reading] or info.entries
    glosses = dict.fromkeys(gloss for entry in entries for gloss in entry.readable_glosses)
    return GLOSS_SEPARATOR.join(glosses)


def saved_word(
    info: WordInfo, sentence: str, translation: str, document: Document, saved: str = ""
) -> SavedWord:
    """A new entry for the list (without an id yet): `info` as the pop-up showed it."""
    return SavedWord(
        word=info.word,
        pinyin=info.pinyin,
        glosses=glosses_as_read(info),
        sentence=sentence,
        translation=translation,
        document=document.content_key,
        title=document.display_title,
        saved=saved or now(),
    )


def matches(word: SavedWord, query: str) -> bool:
    """Whether the list's search finds `word`: the query in its characters, pinyin or glosses,
    or the query's letters in its pinyin without tones ("wulu", "wu lu" find Wūlǔmùqí)."""
    query = query.strip().casefold()
    if not query:
        return True
    if any(query in text.casefold() for text in (word.word, word.pinyin, word.glosses)):
        return True
    key = pinyin_key(query)
    return bool(key) and key in pinyin_key(word.pinyin)


def _rows(words: Iterable[SavedWord]) -> Iterator[list[str]]:
    return ([one_line(field) for field in word.fields()] for word in words)


def anki_notes(words: Sequence[SavedWord]) -> str:
    """Notes for Anki's File › Import: the header lines, then one tab-separated note per line
    with the fields of COLUMNS and a tags column. With `#html:false` Anki takes the text
    literally; a field holding a double quote is quoted with the quote doubled, as Anki's
    reader (and csv.reader with a tab delimiter) expects."""
    out = io.StringIO()
    out.write("#separator:tab\n#html:false\n")
    out.write(f"#tags column:{len(COLUMNS) + 1}\n")
    out.write("#columns:" + "\t".join((*COLUMNS, "Tags")) + "\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerows([*row, ANKI_TAG] for row in _rows(words))
    return out.getvalue()


def spreadsheet_csv(words: Sequence[SavedWord]) -> str:
    """Comma-separated values with a header row of COLUMNS, quoted where needed (RFC 4180)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows(_rows(words))
    return out.getvalue()


@dataclass(frozen=True, slots=True)
class WordListFormat:
    """A kind of file the word list is exported as."""

    label: str  # for the file dialog
    suffix: str
    encoding: str
    render: Callable[[Sequence[SavedWord]], str]

    @property
    def file_filter(self) -> str:
        return f"{self.label} (*{self.suffix})"

    def write(self, path: Path, words: Sequence[SavedWord]) -> None:
        """Write the file; raises OSError when it cannot be written."""
        Path(path).write_text(self.render(words), encoding=self.encoding, newline="")


ANKI = WordListFormat("Anki notes, tab-separated", ".txt", "utf-8", anki_notes)
CSV = WordListFormat("CSV for spreadsheets", ".csv", "utf-8-sig", spreadsheet_csv)
FORMATS = (ANKI, CSV)
