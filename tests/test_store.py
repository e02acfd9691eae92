"""Store: corrections kept for good, and a database it cannot use reported and left untouched."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.core.alignment import Alignment, Link, pair_in_order
from reader.core.errors import StoreError
from reader.core.store import SCHEMA_VERSION, Store

KEY = "a" * 64
CORRECTED = Alignment(
    (
        Link(range(0, 1), range(0, 2), confidence=0.3),
        Link(range(1, 3), range(2, 3), confidence=0.5),
        Link(range(3, 3), range(3, 4)),
        Link(range(3, 4), range(4, 4)),
    ),
    english_count=4,
    chinese_count=4,
)
AS_RESTORED = Alignment(
    tuple(Link(link.english, link.chinese) for link in CORRECTED), english_count=4, chinese_count=4
)
ROOT = os.geteuid() == 0


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "data" / "reader.sqlite3"


@pytest.fixture
def store(db: Path) -> Iterator[Store]:
    store = Store.open(db)
    yield store
    store.close()


def test_nothing_stored(store: Store) -> None:
    assert store.load_alignment(KEY, 4, 4) is None


def test_round_trip_with_full_confidence(store: Store) -> None:
    store.save_alignment(KEY, CORRECTED)
    assert store.load_alignment(KEY, 4, 4) == AS_RESTORED
    assert all(link.confidence == 1.0 for link in store.load_alignment(KEY, 4, 4))


def test_save_replaces_and_clear_forgets(store: Store) -> None:
    store.save_alignment(KEY, CORRECTED)
    automatic = pair_in_order(0, 4, 0, 4)
    store.save_alignment(KEY, automatic)
    assert store.load_alignment(KEY, 4, 4) == automatic
    store.clear_alignment(KEY)
    assert store.load_alignment(KEY, 4, 4) is None
    store.clear_alignment(KEY)  # clearing nothing is fine


def test_documents_are_kept_apart(store: Store) -> None:
    store.save_alignment(KEY, CORRECTED)
    assert store.load_alignment("b" * 64, 4, 4) is None


@pytest.mark.parametrize(("english", "chinese"), [(5, 4), (4, 3), (0, 0)])
def test_alignment_that_no_longer_fits_is_ignored(store: Store, english: int, chinese: int) -> None:
    store.save_alignment(KEY, CORRECTED)
    assert store.load_alignment(KEY, english, chinese) is None


def test_empty_document_alignment(store: Store) -> None:
    store.save_alignment(KEY, Alignment((), 0, 0))
    assert store.load_alignment(KEY, 0, 0) == Alignment((), 0, 0)


def test_survives_reopening(db: Path) -> None:
    first = Store.open(db)
    first.save_alignment(KEY, CORRECTED)
    first.close()
    second = Store.open(db)
    assert second.load_alignment(KEY, 4, 4) == AS_RESTORED
    second.close()


def test_saved_at_once_without_close(store: Store, db: Path) -> None:
    """What a killed process leaves behind: another connection already sees the save."""
    store.save_alignment(KEY, CORRECTED)
    other = Store.open(db)
    assert other.load_alignment(KEY, 4, 4) == AS_RESTORED
    other.clear_alignment(KEY)
    assert store.load_alignment(KEY, 4, 4) is None
    other.close()


def test_schema_version_is_recorded(store: Store, db: Path) -> None:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_older_database_is_migrated(db: Path) -> None:
    """A database from before the store existed (version 0) gains the tables."""
    db.parent.mkdir()
    sqlite3.connect(db).close()
    store = Store.open(db)
    store.save_alignment(KEY, CORRECTED)
    store.close()


def refused(db: Path) -> StoreError:
    """The error opening `db`, checked to be one line naming the file."""
    with pytest.raises(StoreError) as caught:
        Store.open(db)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{db}: ")
    return caught.value


@pytest.mark.parametrize("size", [7, 100, 5000])
def test_corrupt_file_is_left_alone(db: Path, size: int) -> None:
    db.parent.mkdir()
    data = bytes((n * 37 + 11) % 256 for n in range(size))
    db.write_bytes(data)
    assert "not a usable database" in refused(db).problem
    assert db.read_bytes() == data
    assert sorted(p.name for p in db.parent.iterdir()) == [db.name]


def test_damaged_database_is_left_alone(db: Path) -> None:
    """A real database whose pages were overwritten: the header is fine, the content not."""
    store = Store.open(db)
    for n in range(200):
        store.save_alignment(f"{n:064}", CORRECTED)
    store.close()
    data = bytearray(db.read_bytes())
    data[4096:8192] = bytes(range(256)) * 16
    db.write_bytes(bytes(data))
    for name in ("reader.sqlite3-wal", "reader.sqlite3-shm"):
        (db.parent / name).unlink(missing_ok=True)
    error = refused(db)
    assert "damaged" in error.problem or "not a usable database" in error.problem
    assert db.read_bytes() == data


def test_newer_schema_is_left_alone(db: Path) -> None:
    db.parent.mkdir()
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE future (x)")
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    data = db.read_bytes()
    problem = refused(db).problem
    assert problem.startswith("was written by a newer version of Parallel Reader")
    assert db.read_bytes() == data


def test_folder_that_is_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", encoding="utf-8")
    assert refused(blocker / "reader.sqlite3").problem.startswith("its folder cannot be made")
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_database_path_that_is_a_directory(db: Path) -> None:
    db.mkdir(parents=True)
    assert refused(db).problem == "is a directory, not a database file"


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make `path` unwritable: by its mode, or for root (who ignores modes) as immutable."""
    if not ROOT:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", path]).returncode:
        pytest.skip("running as root, and files cannot be made immutable here")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", path], check=True)


def test_read_only_folder(db: Path) -> None:
    db.parent.mkdir()
    with read_only(db.parent):
        assert refused(db).problem.startswith("cannot be opened")
    assert list(db.parent.iterdir()) == []


def test_read_only_file_is_left_alone(db: Path) -> None:
    Store.open(db).close()
    data = db.read_bytes()
    with read_only(db):
        assert refused(db).problem.startswith("cannot be written")
    assert db.read_bytes() == data


def test_failed_write_after_opening_is_a_store_error(store: Store, db: Path) -> None:
    """A database that becomes unusable while open (here: its connection is read-only)."""
    store._connection.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreError) as caught:
        store.save_alignment(KEY, CORRECTED)
    assert str(caught.value).startswith(f"{db}: cannot be written")
    with pytest.raises(StoreError):
        store.clear_alignment(KEY)
