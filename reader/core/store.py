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
from pathlib import Path

from reader.core.alignment import Alignment, Link
from reader.core.errors import StoreError

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

    def close(self) -> None:
        self._connection.close()

    def _write(self, statement: str, parameters: tuple[object, ...]) -> None:
        """One statement in autocommit mode: its own transaction, committed on return."""
        try:
            self._connection.execute(statement, parameters)
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
