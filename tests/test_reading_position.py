"""Reading positions: reopening a long document returns to where the reader left it, kept in
the store by the document's content, and for the session even without a usable store."""

from __future__ import annotations

from pathlib import Path

import pytest
from long_documents import long_pair
from PySide6.QtCore import QPoint
from windows import new_window, open_and_wait

from reader.core.document import Language
from reader.core.store import Store
from reader.ui.main_window import MainWindow
from reader.ui.reading_position import LEAD

EN, ZH = Language.ENGLISH, Language.CHINESE


def top_row(window: MainWindow) -> int:
    return window.view.indexAt(QPoint(0, LEAD)).row()


def scroll_to_middle(qtbot, window: MainWindow) -> None:
    """Wait until every row is laid out (the view lays them out in batches), then scroll."""
    model, view = window.model, window.view
    last = model.index(model.rowCount() - 1)
    qtbot.waitUntil(lambda: view.visualRect(last).isValid())
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)


def test_reopening_a_long_document_returns_to_where_the_reader_left_it(
    qtbot, tmp_path: Path
) -> None:
    english, chinese = long_pair(tmp_path)
    first = new_window(qtbot)
    open_and_wait(qtbot, first, english, chinese)
    scroll_to_middle(qtbot, first)
    left_at = first.positions.first_visible()
    assert left_at is not None and 100 < left_at[1] < 200
    row = first.model.row_of(*left_at)
    first.close()

    again = new_window(qtbot)
    open_and_wait(qtbot, again, chinese, english)  # the other order: the same document
    qtbot.waitUntil(lambda: again.positions.first_visible() == left_at)
    assert top_row(again) == again.model.row_of(*left_at) == row


def test_position_is_kept_when_another_document_is_opened(qtbot, tmp_path: Path) -> None:
    english, chinese = long_pair(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text("One.\n\nTwo.\n", encoding="utf-8")
    window = new_window(qtbot)
    open_and_wait(qtbot, window, english, chinese)
    scroll_to_middle(qtbot, window)
    left_at = window.positions.first_visible()
    open_and_wait(qtbot, window, other)
    assert window.positions.first_visible() == (EN, 0)
    open_and_wait(qtbot, window, english, chinese)
    qtbot.waitUntil(lambda: window.positions.first_visible() == left_at)


def test_pausing_while_scrolling_writes_the_position(qtbot, tmp_path: Path) -> None:
    english, chinese = long_pair(tmp_path)
    window = new_window(qtbot)
    open_and_wait(qtbot, window, english, chinese)
    scroll_to_middle(qtbot, window)
    store, key = window.store, window.model.document.content_key
    assert store is not None and store.load_reading_position(key) is None
    qtbot.waitUntil(
        lambda: store.load_reading_position(key) == window.positions.first_visible(),
        timeout=10000,
    )


def test_without_a_store_positions_last_for_the_session(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.errors import StoreError
    from reader.ui import main_window

    def refuse() -> Store:
        raise StoreError(tmp_path / "db", "cannot be opened (test)")

    monkeypatch.setattr(main_window, "open_store", refuse)
    english, chinese = long_pair(tmp_path)
    other = tmp_path / "other.txt"
    other.write_text("One.\n\nTwo.\n", encoding="utf-8")
    window = new_window(qtbot)
    assert window.store is None
    open_and_wait(qtbot, window, english, chinese)
    scroll_to_middle(qtbot, window)
    left_at = window.positions.first_visible()
    open_and_wait(qtbot, window, other)
    open_and_wait(qtbot, window, english, chinese)
    qtbot.waitUntil(lambda: window.positions.first_visible() == left_at)


def test_store_keeps_positions_by_document(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "reader.sqlite3")
    assert store.load_reading_position("a" * 64) is None
    store.save_reading_position("a" * 64, ZH, 12)
    store.save_reading_position("a" * 64, EN, 40)
    store.save_reading_position("b" * 64, ZH, 3)
    store.close()
    again = Store.open(tmp_path / "reader.sqlite3")
    assert again.load_reading_position("a" * 64) == (EN, 40)
    assert again.load_reading_position("b" * 64) == (ZH, 3)
    again.close()
