"""Rows of a long document: estimated until shown, then their real height, and the view is told
of those rows alone, so that scrolling never lays the whole document out again."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from long_documents import long_pair
from PySide6.QtCore import QPoint
from windows import new_window

from reader.ui.main_window import MainWindow

ROWS = 2000


def visible_rows(window: MainWindow) -> range:
    view = window.view
    top = view.indexAt(QPoint(1, 1)).row()
    bottom = view.indexAt(QPoint(1, view.viewport().height() - 1)).row()
    return range(top, (bottom if bottom >= 0 else window.model.rowCount() - 1) + 1)


def settle(qtbot, window: MainWindow) -> None:
    """Let the rows on screen be painted and their real heights reach the view."""
    view = window.view
    qtbot.waitUntil(
        lambda: all(
            view.visualRect(window.model.index(row)).height()
            == view.delegate.row_layout(row).height
            for row in visible_rows(window)
        )
    )


def test_rows_shown_take_their_real_height_and_nothing_overlaps(qtbot, tmp_path: Path) -> None:
    window = new_window(qtbot, *long_pair(tmp_path, ROWS))
    bar = window.view.verticalScrollBar()
    for share in (0.5, 0.9, 0.2):
        bar.setValue(int(bar.maximum() * share))
        settle(qtbot, window)
        rows = visible_rows(window)
        rects = [window.view.visualRect(window.model.index(row)) for row in rows]
        assert len(rows) > 3
        assert all(a.bottom() + 1 == b.top() for a, b in pairwise(rects))


def test_scrolling_asks_only_for_the_rows_it_shows(qtbot, tmp_path: Path, monkeypatch) -> None:
    window = new_window(qtbot, *long_pair(tmp_path, ROWS))
    settle(qtbot, window)
    delegate = window.view.delegate
    asked: list[int] = []
    estimated = delegate._estimated
    monkeypatch.setattr(delegate, "_estimated", lambda row: asked.append(row) or estimated(row))
    bar = window.view.verticalScrollBar()
    for step in range(1, 30):
        bar.setValue(bar.maximum() * step // 60)
        settle(qtbot, window)
    assert len(asked) < ROWS // 10  # a list view asked for all 2,000 rows at every step


def test_the_row_at_the_top_stays_put_as_real_heights_arrive(qtbot, tmp_path: Path) -> None:
    window = new_window(qtbot, *long_pair(tmp_path, ROWS))
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top = window.view.indexAt(QPoint(1, 1)).row()
    offset = window.view.visualRect(window.model.index(top)).top()
    settle(qtbot, window)
    assert window.view.indexAt(QPoint(1, 1)).row() == top
    assert window.view.visualRect(window.model.index(top)).top() == offset
