"""The window: rows, hover pop-up, errors that keep the open document, zoom, drops."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, QRect, Qt, QUrl
from PySide6.QtGui import QDropEvent, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from windows import SEED, open_and_wait

from reader.core import alignment as ops
from reader.core.document import Language
from reader.ui.main_window import ABOUT, MainWindow
from reader.ui.row_delegate import Mark, Span
from reader.ui.word_popup import MARGIN_X, MARGIN_Y, MAX_TEXT_WIDTH, WordPopup, place_beside


def word_position(window: MainWindow, word: str) -> QPointF:
    """The viewport position of the first occurrence of `word` on the Chinese side."""
    model, view = window.model, window.view
    for row in range(model.rowCount()):
        for index, paragraph in model.paragraphs(row, Language.CHINESE):
            start = paragraph.text.find(word)
            if start < 0:
                continue
            view.scrollTo(model.index(row))
            span = Span(Language.CHINESE, index, start, start + len(word))
            rect = view.delegate.span_rect(row, span)
            return rect.center() + QPointF(view.visualRect(model.index(row)).topLeft())
    raise AssertionError(f"{word} not in the document")


def test_window_opens_the_seed_with_one_row_per_group(qtbot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, SEED)
    assert window.model.rowCount() == 5
    first = window.model.alignment[0]
    assert (len(first.english), len(first.chinese)) == (1, 2)
    assert "Seize the Time" in window.windowTitle()


def test_hover_on_chinese_word_shows_pinyin(qtbot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, SEED)
    position = word_position(window, "乌鲁木齐")
    with qtbot.waitSignal(window.view.word_hovered) as hovered:
        qtbot.mouseMove(window.view.viewport(), position.toPoint())
    assert hovered.args == ["乌鲁木齐"]
    popup = window.view.popup
    assert popup.isVisible()
    assert "Wūlǔmùqí" in popup.text() and "Urumqi" in popup.text()


def test_the_popup_stays_on_its_word_when_the_alignment_changes(qtbot, window: MainWindow) -> None:
    """As when the aligner's result arrives: the row under the mouse keeps its place, and the
    pop-up comes back on the word the mouse rests on."""
    open_and_wait(qtbot, window, SEED)
    position = word_position(window, "乌鲁木齐").toPoint()
    qtbot.mouseMove(window.view.viewport(), position + QPoint(0, 300))  # the mouse moves in
    with qtbot.waitSignal(window.view.word_hovered):
        qtbot.mouseMove(window.view.viewport(), position)
    alignment = window.model.alignment
    window.model.set_alignment(ops.merge_with_next(alignment, len(alignment.links) - 2))
    with qtbot.waitSignal(window.view.word_hovered) as hovered:
        pass
    assert hovered.args == ["乌鲁木齐"] and window.view.popup.isVisible()


def test_hover_highlights_the_word_and_leaving_hides_the_popup(qtbot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, SEED)
    window.view.hover_at(word_position(window, "会议"))
    (span,) = window.view.delegate.marks(Mark.HOVER)
    assert span.end - span.start == 2
    window.view.hover_at(QPointF(2, 2))
    assert not window.view.popup.isVisible()
    assert window.view.delegate.marks(Mark.HOVER) == ()


def test_the_popup_stands_above_its_window_and_goes_with_it(qtbot) -> None:
    window = MainWindow()  # not the fixture's: this one is deleted here
    window.show()
    qtbot.waitExposed(window)
    open_and_wait(qtbot, window, SEED)
    window.view.hover_at(word_position(window, "会议"))
    popup = window.view.popup
    assert popup.isVisible() and popup.isWindow()  # a window: never cut off by the view
    assert popup.windowHandle().transientParent() is window.windowHandle()
    window.close()
    window.deleteLater()
    qtbot.waitUntil(
        lambda: not any(isinstance(w, WordPopup) for w in QApplication.topLevelWidgets())
    )


@pytest.mark.parametrize("word", ["行", "乌鲁木齐", "一"])
def test_the_popup_holds_all_of_its_text_with_long_glosses_wrapped(qtbot, word: str) -> None:
    from reader.core.text_service import shared_service
    from reader.core.word_info import describe
    from reader.ui.folders import cache_folder

    owner = QWidget()
    qtbot.addWidget(owner)
    popup = WordPopup(owner)
    popup.hint_for = lambda word: "S save · C copy · K known"
    popup.lay_out(describe(shared_service(cache_folder()), word))
    assert popup.width() <= MAX_TEXT_WIDTH + 2 * MARGIN_X  # long lines wrapped
    image = popup.grab().toImage()
    base = popup.palette().color(QPalette.ColorRole.ToolTipBase).rgb()
    margins = [(x, y) for x in range(1, popup.width() - 1) for y in (1, popup.height() - 2)]
    margins += [(x, y) for y in range(1, popup.height() - 1) for x in (1, popup.width() - 2)]
    assert all(image.pixel(x, y) == base for x, y in margins)  # no text cut off at an edge
    inked = {
        y for y in range(popup.height()) for x in range(popup.width()) if image.pixel(x, y) != base
    }
    assert max(inked) > popup.height() - MARGIN_Y - 12  # the last line, the keys, is drawn


def test_popup_stays_on_screen_near_every_edge() -> None:
    screen = QRect(0, 0, 1000, 700)
    size = QRect(0, 0, 300, 200)
    for anchor in (QRect(950, 10, 40, 20), QRect(10, 680, 40, 20), QRect(980, 690, 20, 10)):
        top_left = place_beside(anchor, size, screen)
        assert screen.contains(QRect(top_left, size.size()))
    below = place_beside(QRect(100, 100, 40, 20), size, screen)
    assert below.y() > 120
    above = place_beside(QRect(100, 650, 40, 20), size, screen)
    assert above.y() + 200 <= 650


def test_broken_file_shows_the_error_and_keeps_the_document(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    open_and_wait(qtbot, window, SEED)
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"\x00\x01\x02binary\xff\xfe\x00")
    window.open_paths([broken])
    qtbot.waitUntil(lambda: window.error_box is not None and window.error_box.isVisible())
    assert str(broken) in window.error_box.text()
    assert window.model.rowCount() == 5
    assert "Seize the Time" in window.windowTitle()


def test_markup_in_a_document_is_shown_literally(qtbot, window: MainWindow, tmp_path: Path) -> None:
    literal = '<img src="x.png"> <b>bold</b>'
    path = tmp_path / "markup.txt"
    path.write_text(f"{literal}\n\nSecond paragraph.\n", encoding="utf-8")
    open_and_wait(qtbot, window, path)
    placed = window.view.delegate.row_layout(0).paragraphs[0]
    assert placed.layout.text() == literal


def test_zoom_changes_the_font_and_is_remembered(qtbot, window: MainWindow) -> None:
    before = window.view.delegate.fonts.point_size
    window.actions.zoom_in.trigger()
    window.actions.zoom_in.trigger()
    assert window.view.delegate.fonts.point_size == before + 2
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.view.delegate.fonts.point_size == before + 2


def test_dropping_a_file_opens_it(qtbot, window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "dropped.txt"
    path.write_text("第一段。\n\n第二段。\n\n第三段。\n", encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.model.modelReset):
        window.dropEvent(event)
    assert window.model.rowCount() == 3
    assert window.model.document.sources == (path,)
    assert "dropped.txt" in window.windowTitle()


def test_about_credits_cc_cedict() -> None:
    assert "CC-CEDICT" in ABOUT and "CC BY-SA 4.0" in ABOUT


def test_standard_shortcuts(window: MainWindow) -> None:
    assert "Ctrl+O" in [s.toString() for s in window.actions.open.shortcuts()]
    assert "Ctrl+Q" in [s.toString() for s in window.actions.quit.shortcuts()]
    assert "Ctrl+=" in [s.toString() for s in window.actions.zoom_in.shortcuts()]
    assert "Ctrl+-" in [s.toString() for s in window.actions.zoom_out.shortcuts()]


def test_without_a_chinese_font_the_window_says_how_to_install_one(qtbot, monkeypatch) -> None:
    from reader.ui import fonts

    monkeypatch.setattr(fonts, "chinese_families", lambda: ())
    window = MainWindow()
    qtbot.addWidget(window)
    assert not window.font_warning.isHidden()
    assert "fonts-noto-cjk" in window.font_warning.text()


def test_with_a_chinese_font_there_is_no_warning(window: MainWindow) -> None:
    from reader.ui import fonts

    if not fonts.chinese_families():
        pytest.skip("no font for Chinese is installed")
    assert window.font_warning.isHidden()


def test_the_rows_keep_one_vertical_scroll_bar_and_no_horizontal_one(window: MainWindow) -> None:
    view = window.view
    assert view.verticalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOn
    assert view.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_the_status_says_loading_only_while_the_dictionaries_load(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """Not over the words' progress and the alignment after them (a novel's take minutes)."""
    import threading

    from long_documents import long_pair
    from windows import new_window, open_now

    from reader.core import aligner
    from reader.ui.main_window import LOADING

    release, align = threading.Event(), aligner.align_document
    monkeypatch.setattr(aligner, "align_document", lambda *a: release.wait(30) and align(*a))
    window = new_window(qtbot)
    said: list[str] = []
    window.statusBar().messageChanged.connect(said.append)
    try:
        open_now(qtbot, window, *long_pair(tmp_path, 20))
        qtbot.waitUntil(lambda: LOADING in said)
        qtbot.waitUntil(lambda: window.statusBar().currentMessage() != LOADING)
        assert not window.text_is_ready  # still aligning
    finally:
        release.set()
    with qtbot.waitSignal(window.text_ready, timeout=60000):
        pass
