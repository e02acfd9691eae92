"""Rows of a long document: estimated until shown, then their real height; scrolling and
editing lay out only the rows on screen, and what the reader sees stays in place meanwhile."""

from __future__ import annotations

import threading
from itertools import pairwise
from pathlib import Path

import pytest
from long_documents import long_pair
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPalette
from windows import new_window, open_now

from reader.core import alignment as ops
from reader.core.document import Language
from reader.ui import row_delegate, row_heights
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


def watched_window(qtbot, tmp_path: Path, monkeypatch) -> tuple[MainWindow, list, set]:
    """A long document's window, settled; then each measuring of every row's height (into the
    list) and each row laid out (into the set) is noted."""
    window = new_window(qtbot, *long_pair(tmp_path, ROWS))
    settle(qtbot, window)
    delegate = window.view.delegate
    measured: list[int] = []
    laid_out: set[int] = set()
    heights, row_layout = delegate.heights, delegate.row_layout
    monkeypatch.setattr(delegate, "heights", lambda: measured.append(1) or heights())
    monkeypatch.setattr(delegate, "row_layout", lambda row: laid_out.add(row) or row_layout(row))
    return window, measured, laid_out


def test_scrolling_lays_out_only_the_rows_it_shows(qtbot, tmp_path: Path, monkeypatch) -> None:
    window, measured, laid_out = watched_window(qtbot, tmp_path, monkeypatch)
    bar = window.view.verticalScrollBar()
    shown: set[int] = set()
    for step in range(1, 30):
        bar.setValue(bar.maximum() * step // 60)
        settle(qtbot, window)
        shown.update(visible_rows(window))
    assert not measured  # every row's height was asked for once, when the rows came
    # A row is laid out to learn its height: one estimated to reach the screen's top may then
    # end above it, the row after it at the top.
    assert laid_out and all(row in shown or row + 1 in shown for row in laid_out)
    assert len(shown) < ROWS // 4


def test_a_new_alignment_measures_the_rows_once_and_lays_out_only_those_shown(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    window, measured, laid_out = watched_window(qtbot, tmp_path, monkeypatch)
    window.actions.align_mode.setChecked(True)
    window.view.current = (Language.ENGLISH, 0)
    window.actions.merge.trigger()
    settle(qtbot, window)
    assert len(measured) == 1 and len(laid_out) < 40


def test_scrolling_up_keeps_what_was_on_screen_in_place(qtbot, tmp_path: Path) -> None:
    window = new_window(qtbot, *long_pair(tmp_path, ROWS))
    view, bar = window.view, window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # rows never shown: estimated heights above and below
    settle(qtbot, window)
    middle = view.indexAt(QPoint(1, view.viewport().height() // 2))
    before = view.visualRect(middle).top()
    for _ in range(3):  # rows above come on screen and take their real heights
        bar.setValue(bar.value() - view.viewport().height() // 3)
    settle(qtbot, window)
    step = view.viewport().height() // 3
    assert view.visualRect(middle).top() == before + 3 * step


def test_page_down_and_end_scroll_the_rows(qtbot, tmp_path: Path) -> None:
    window = new_window(qtbot, *long_pair(tmp_path, ROWS))
    view, bar = window.view, window.view.verticalScrollBar()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert bar.value() == bar.pageStep()
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert bar.value() == 0


def test_the_row_at_the_top_stays_put_as_real_heights_arrive(qtbot, tmp_path: Path) -> None:
    window = new_window(qtbot, *long_pair(tmp_path, ROWS))
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    top = window.view.indexAt(QPoint(1, 1)).row()
    offset = window.view.visualRect(window.model.index(top)).top()
    settle(qtbot, window)
    assert window.view.indexAt(QPoint(1, 1)).row() == top
    assert window.view.visualRect(window.model.index(top)).top() == offset


def test_rows_are_painted_on_the_base_colour_with_a_faint_line_between(
    qtbot, tmp_path: Path
) -> None:
    window = new_window(qtbot)
    open_now(qtbot, window, *long_pair(tmp_path, 20))
    settle(qtbot, window)
    view = window.view
    image = view.viewport().grab().toImage()
    base = view.palette().color(QPalette.ColorRole.Base)
    assert image.pixelColor(2, 2) == base  # in the margin of the first row
    line = view.visualRect(window.model.index(0)).bottom()
    separator = image.pixelColor(2, line)
    assert separator != base and separator.lightness() > base.lightness() * 0.6  # faint


def paragraph_top(window: MainWindow, key: tuple[Language, int]) -> float:
    """Where the paragraph's top stands in the viewport."""
    row = window.model.row_of(*key)
    placed = next(
        p for p in window.view.delegate.row_layout(row).paragraphs if (p.language, p.index) == key
    )
    return window.view.visualRect(window.model.index(row)).top() + placed.origin.y()


@pytest.mark.parametrize("standing", [-6, 6])  # the top paragraph's top, above or below the view's
def test_a_new_alignment_around_the_screen_leaves_what_the_reader_sees_in_place(
    qtbot, tmp_path: Path, monkeypatch, standing: int
) -> None:
    """As the aligner's result does, rows above and below the screen change: the rows on
    screen join the same paragraphs as before, are not laid out again, and do not move, though
    the paragraph the reader clicked is far above. A paragraph's top falls between pixels (its
    row's padding is fractional): it stays put to the pixel all the same."""
    window = new_window(qtbot, *long_pair(tmp_path, ROWS))
    window.select((Language.ENGLISH, 3))
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    settle(qtbot, window)
    top = window.positions.first_visible()
    assert top is not None
    bar.setValue(bar.value() + round(paragraph_top(window, top)) - standing)
    settle(qtbot, window)
    top = window.positions.first_visible()
    assert top is not None
    before = paragraph_top(window, top)
    laid_out: list[str] = []
    lay_out = row_delegate.lay_out
    monkeypatch.setattr(
        row_delegate, "lay_out", lambda text, *rest: laid_out.append(text) or lay_out(text, *rest)
    )
    alignment = window.model.alignment
    first, last = window.model.link(0), window.model.link(ROWS - 2)
    window.alignments.apply(ops.merge_with_next(ops.merge_with_next(alignment, ROWS - 2), 0))
    assert window.model.rowCount() == ROWS - 2
    settle(qtbot, window)
    assert window.positions.first_visible() == top
    assert paragraph_top(window, top) == before
    assert not laid_out  # the rows on screen kept their layouts
    assert window.model.link(0) != first and window.model.link(ROWS - 3) != last


def test_an_edit_off_screen_leaves_the_view_and_its_undo_shows_it(qtbot, tmp_path: Path) -> None:
    window = new_window(qtbot, *long_pair(tmp_path, ROWS))
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    settle(qtbot, window)
    top = window.positions.first_visible()
    assert top is not None and top[1] > 100
    window.alignments.edit("Merge rows", lambda a: ops.merge_with_next(a, 3))  # far above
    assert window.positions.first_visible() == top
    window.undo_stack.undo()
    assert window.model.rowCount() == ROWS
    assert 3 in visible_rows(window)  # what the undo changed, in view


def test_words_that_arrive_while_a_row_is_joined_otherwise_reach_it_when_it_comes_back(
    qtbot, tmp_path: Path
) -> None:
    """Layouts are kept by the paragraphs a row joins, across alignments: one kept from an
    earlier alignment is not shown with the words its paragraph had then (pinyin above the
    characters: the words shape the layout)."""
    window = new_window(qtbot, *long_pair(tmp_path, 20))
    window.actions.ruby.setChecked(True)
    model, delegate = window.model, window.view.delegate
    window.alignments.edit("Merge rows", lambda a: ops.merge_with_next(a, 0))
    delegate.row_layout(0)  # the two paragraphs, laid out together
    window.undo_stack.undo()
    model.add_tokens({0: list(model.tokens(0))})  # new words for the first Chinese paragraph
    window.view.words_arrived([0])
    window.undo_stack.redo()
    placed = [p for p in delegate.row_layout(0).paragraphs if p.language is Language.CHINESE]
    assert [p.index for p in placed] == [0, 1]
    assert all(p.laid_out.tokens is model.tokens(p.index) for p in placed)


def test_rows_laid_out_keep_their_heights_when_every_row_number_changes(
    qtbot, tmp_path: Path
) -> None:
    """The aligner's result renumbers nearly every row of a long text: the rows the reader
    has scrolled through keep their real heights, not estimates, wherever they moved."""
    window = new_window(qtbot, *long_pair(tmp_path, ROWS))
    bar = window.view.verticalScrollBar()
    known: dict[int, tuple[range, int]] = {}  # by row: its English paragraphs, its height
    for share in (0.3, 0.6):
        bar.setValue(int(bar.maximum() * share))
        settle(qtbot, window)
        for row in visible_rows(window):
            height = window.view.delegate.row_layout(row).height
            known[row] = (window.model.link(row).english, height)
    window.alignments.apply(ops.merge_with_next(window.model.alignment, 0))
    heights = window.view.delegate.heights()
    assert len(known) > 6
    for row, (english, height) in known.items():  # each one row up
        assert (window.model.link(row - 1).english, heights[row - 1]) == (english, height)


def test_the_aligned_rows_heights_are_worked_out_on_the_worker(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """A novel's 20,000 rows take tens of milliseconds to measure: not the window's work when
    the aligner's result arrives."""
    measured: list[tuple[object, bool]] = []  # the links measured, and whether by the window
    original = row_heights._row_heights

    def noted(english: list[float], chinese: list[float], links, margins: float) -> list[int]:
        measured.append((links, threading.current_thread() is threading.main_thread()))
        return original(english, chinese, links, margins)

    monkeypatch.setattr(row_heights, "_row_heights", noted)
    window = new_window(qtbot, *long_pair(tmp_path, 50))
    window.view.delegate.heights()  # the aligned rows, as the view asks for them
    aligned = window.alignments.automatic.links
    assert window.model.links() is aligned
    assert [by_window for links, by_window in measured if links is aligned] == [False]


def test_scrolling_paints_only_the_rows_that_come_on_screen(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """What stays on screen is moved, not painted again, and the screen shows what a full
    paint would (the screen's own pixels, not a fresh rendering of the view)."""
    window = new_window(qtbot, *long_pair(tmp_path, ROWS))
    view, bar = window.view, window.view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    settle(qtbot, window)
    step = view.viewport().height() // 4
    for _ in range(2):  # the rows below get their real heights, and are painted once
        bar.setValue(bar.value() + step)
        settle(qtbot, window)
    bar.setValue(bar.value() - 2 * step)
    settle(qtbot, window)
    viewport = view.viewport()
    viewport.repaint()  # nothing left to paint

    def on_screen() -> QImage:
        corner = viewport.mapTo(window, QPoint(0, 0))
        shot = window.screen().grabWindow(window.winId())
        return shot.copy(QRect(corner, viewport.size())).toImage()

    painted: list[int] = []
    paint = view.delegate.paint
    monkeypatch.setattr(
        view.delegate, "paint", lambda *args: painted.append(args[2].row()) or paint(*args)
    )
    bar.setValue(bar.value() + step)
    qtbot.waitUntil(lambda: bool(painted))
    rows_painted, moved = set(painted), on_screen()
    viewport.repaint()
    assert len(rows_painted) < len(visible_rows(window)) // 2
    assert moved == on_screen()
