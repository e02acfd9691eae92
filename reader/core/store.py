"""The user's own data, kept for good in one SQLite file: alignment corrections, segmentation
fixes, the word list and known words, reading positions.

Corrections are keyed by `Document.content_key`, so they follow a document whatever its path.
Every change is committed at once: killing the program right after an edit loses nothing.
A database this version cannot use (damaged, written by a newer version, not writable) is
reported as a StoreError and left exactly as it is: it may hold the user's work.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.alignment import Alignment, Link
from reader.core.document import Language
from reader.core.errors import StoreError
from reader.core.user_dictionary import SegmentationFix

if TYPE_CHECKING:  # imported where used: opening the store needs nothing of the word list
    from reader.core.word_list import SavedWord

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: one row per corrected document; links as JSON [[en start, en stop, zh start, zh stop]]
    (
        """CREATE TABLE alignment (
            document TEXT PRIMARY KEY NOT NULL,
            links TEXT NOT NULL
        )""",
    ),
    # 2: the reader's segmentation fixes, for every document: a surface string and the words
    # it is to be cut into (JSON list; one element = join as one word)
    (
        """CREATE TABLE segmentation_fix (
            surface TEXT PRIMARY KEY NOT NULL,
            parts TEXT NOT NULL,
            made TEXT NOT NULL
        )""",
    ),
    # 3: the word list, and words the reader knows (no pinyin over them)
    (
        """CREATE TABLE saved_word (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            word TEXT NOT NULL,
            pinyin TEXT NOT NULL,
            glosses TEXT NOT NULL,
            sentence TEXT NOT NULL,
            translation TEXT NOT NULL,
            document TEXT NOT NULL,
            title TEXT NOT NULL,
            saved TEXT NOT NULL
        )""",
        "CREATE INDEX saved_word_word ON saved_word (word)",
        """CREATE TABLE known_word (
            word TEXT PRIMARY KEY NOT NULL,
            marked TEXT NOT NULL
        )""",
    ),
    # 4: where the reader was in each document (a paragraph of one side)
    (
        """CREATE TABLE reading_position (
            document TEXT PRIMARY KEY NOT NULL,
            language TEXT NOT NULL,
            paragraph INTEGER NOT NULL,
            updated TEXT NOT NULL
        )""",
    ),
)
"""Step n takes a database from `PRAGMA user_version` n to n + 1; new tables are new steps."""

SCHEMA_VERSION = len(MIGRATIONS)
LEFT_ALONE = "it was left as it is"


class Store:
    """An open database; every method raises StoreError, never sqlite3.Error."""

    def __init__(self, path: Path, connection: sqlite3.Connection) -> None:
        self.path = path
        self._connection = connection

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open the database at `path`, creating it (and its folder) or bringing it up to date."""
        path = Path(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise StoreError(path, f"its folder cannot be made ({_one_line(error)})") from None
        if path.is_dir():
            raise StoreError(path, "is a directory, not a database file")
        try:
            connection = sqlite3.connect(path, isolation_level=None)
        except sqlite3.Error as error:
            raise StoreError(path, f"cannot be opened ({_one_line(error)})") from None
        try:
            _prepare(path, connection)
        except BaseException:
            connection.close()
            raise
        return cls(path, connection)

    def save_alignment(self, key: str, alignment: Alignment) -> None:
        """Keep the reader's alignment of a document, replacing any kept before."""
        links = [
            [link.english.start, link.english.stop, link.chinese.start, link.chinese.stop]
            for link in alignment
        ]
        self._write(
            "INSERT INTO alignment (document, links) VALUES (?, ?)"
            " ON CONFLICT (document) DO UPDATE SET links = excluded.links",
            (key, json.dumps(links, separators=(",", ":"))),
        )

    def load_alignment(self, key: str, english_count: int, chinese_count: int) -> Alignment | None:
        """The kept alignment, or None when there is none or it no longer fits the counts.

        Restored links have confidence 1.0: a person made them."""
        try:
            row = self._connection.execute(
                "SELECT links FROM alignment WHERE document = ?", (key,)
            ).fetchone()
        except sqlite3.Error as error:
            raise StoreError(self.path, f"cannot be read ({_one_line(error)})") from None
        if row is None:
            return None
        try:
            links = tuple(
                Link(range(en_start, en_stop), range(zh_start, zh_stop))
                for en_start, en_stop, zh_start, zh_stop in json.loads(row[0])
            )
            return Alignment(links, english_count, chinese_count)
        except (ValueError, TypeError):
            return None

    def clear_alignment(self, key: str) -> None:
        """Forget the reader's corrections: the document goes back to the automatic alignment."""
        self._write("DELETE FROM alignment WHERE document = ?", (key,))

    def load_segmentation_fixes(self) -> list[SegmentationFix]:
        """The reader's segmentation fixes; a row that no longer makes a fix is skipped."""
        try:
            rows = self._connection.execute(
                "SELECT surface, parts, made FROM segmentation_fix ORDER BY made"
            ).fetchall()
        except sqlite3.Error as error:
            raise StoreError(self.path, f"cannot be read ({_one_line(error)})") from None
        fixes = []
        for surface, parts, made in rows:
            try:
                fixes.append(SegmentationFix(surface, tuple(json.loads(parts)), made))
            except (ValueError, TypeError):
                continue
        return fixes

    def save_segmentation_fix(self, fix: SegmentationFix) -> None:
        """Keep a fix, replacing any fix of the same string."""
        self._write(
            "INSERT INTO segmentation_fix (surface, parts, made) VALUES (?, ?, ?)"
            " ON CONFLICT (surface) DO UPDATE SET parts = excluded.parts, made = excluded.made",
            (fix.surface, json.dumps(fix.parts, ensure_ascii=False), fix.made),
        )

    def delete_segmentation_fix(self, surface: str) -> None:
        self._write("DELETE FROM segmentation_fix WHERE surface = ?", (surface,))

    def save_reading_position(self, key: str, language: Language, paragraph: int) -> None:
        """Keep where the reader is in a document: the first paragraph on screen."""
        self._write(
            "INSERT INTO reading_position (document, language, paragraph, updated)"
            " VALUES (?, ?, ?, datetime('now')) ON CONFLICT (document) DO UPDATE SET"
            " language = excluded.language, paragraph = excluded.paragraph,"
            " updated = excluded.updated",
            (key, language.value, paragraph),
        )

    def load_reading_position(self, key: str) -> tuple[Language, int] | None:
        """Where the reader was in a document, or None when it was never read (or the row is
        not one this version understands)."""
        try:
            row = self._connection.execute(
                "SELECT language, paragraph FROM reading_position WHERE document = ?", (key,)
            ).fetchone()
        except sqlite3.Error as error:
            raise StoreError(self.path, f"cannot be read ({_one_line(error)})") from None
        if row is None or row[0] not in {language.value for language in Language}:
            return None
        if not isinstance(row[1], int) or row[1] < 0:
            return None
        return Language(row[0]), row[1]

    def saved_words(self) -> list[SavedWord]:
        """The word list, in the order the words were saved."""
        from reader.core.word_list import SavedWord

        rows = self._read(
            "SELECT word, pinyin, glosses, sentence, translation, document, title, saved, id"
            " FROM saved_word ORDER BY id",
            (),
        )
        return [SavedWord(*row) for row in rows]

    def add_saved_word(self, word: SavedWord) -> SavedWord:
        """Keep a word of the word list and return it with its id: a new one for a word
        without, its own for a word put back (by undo, say)."""
        cursor = self._write(
            "INSERT INTO saved_word (id, word, pinyin, glosses, sentence, translation,"
            " document, title, saved) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                word.id or None,
                word.word,
                word.pinyin,
                word.glosses,
                word.sentence,
                word.translation,
                word.document,
                word.title,
                word.saved,
            ),
        )
        return replace(word, id=cursor.lastrowid)

    def delete_saved_words(self, ids: Sequence[int]) -> None:
        """Forget words of the word list, all or none."""
        self._write(
            "DELETE FROM saved_word WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(ids)),),
        )

    def known_words(self) -> set[str]:
        """The words the reader has marked as known."""
        return {word for (word,) in self._read("SELECT word FROM known_word", ())}

    def set_known(self, word: str, known: bool) -> None:
        """Mark a word as known, or no longer."""
        from reader.core.word_list import now

        if known:
            self._write(
                "INSERT INTO known_word (word, marked) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (word, now()),
            )
        else:
            self._write("DELETE FROM known_word WHERE word = ?", (word,))

    def close(self) -> None:
        self._connection.close()

    def _read(self, statement: str, parameters: tuple[object, ...]) -> list[tuple]:
        try:
            return self._connection.execute(statement, parameters).fetchall()
        except sqlite3.Error as error:
            raise StoreError(self.path, f"cannot be read ({_one_line(error)})") from None

    def _write(self, statement: str, parameters: tuple[object, ...]) -> sqlite3.Cursor:
        """One statement in autocommit mode: its own transaction, committed on return."""
        try:
            return self._connection.execute(statement, parameters)
        except sqlite3.Error as error:
            raise StoreError(self.path, f"cannot be written ({_one_line(error)})") from None


def _prepare(path: Path, connection: sqlite3.Connection) -> None:
    """Check the file before writing anything to it, then migrate it in one transaction.

    The version is always written back, so that a database that cannot be written is found
    now rather than at the reader's first correction."""
    try:
        _version(path, connection)  # refuse a newer schema before touching the file
        check = connection.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.OperationalError as error:  # cannot open, locked: nothing wrong with the file
        raise StoreError(path, f"cannot be opened ({_one_line(error)})") from None
    except sqlite3.DatabaseError as error:  # not a database, or a damaged one
        raise StoreError(
            path, f"is not a usable database ({_one_line(error)}); {LEFT_ALONE}"
        ) from None
    if check != "ok":
        raise StoreError(path, f"is damaged ({_one_line(check)}); {LEFT_ALONE}")
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = _version(path, connection)  # another instance may have migrated it
            for migration in MIGRATIONS[version:]:
                for statement in migration:
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
        except BaseException:
            connection.rollback()
            raise
    except sqlite3.Error as error:
        raise StoreError(path, f"cannot be written ({_one_line(error)})") from None


def _version(path: Path, connection: sqlite3.Connection) -> int:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise StoreError(
            path,
            f"was written by a newer version of Parallel Reader (schema version {version}, "
            f"this one knows up to {SCHEMA_VERSION}); {LEFT_ALONE}",
        )
    return version


def _one_line(error: object) -> str:
    return " ".join(str(error).split())
