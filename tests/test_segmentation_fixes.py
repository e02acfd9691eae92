"""Fixing segmentation in the window: 会外相结合 cut as 会外 / 相结合 reads xiāng, is kept for the
next start, applies to other documents and can be undone."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QMouseEvent
from PySide6.QtWidgets import QApplication
from windows import SEED, new_window, open_and_wait

from reader.core.document import Language
from reader.core.errors import StoreError
from reader.core.text_service import shared_service
from reader.core.user_dictionary import UserDictionary
from reader.ui import main_window
from reader.ui.main_window import MainWindow
from reader.ui.row_delegate import Mark, Span

PHRASE = "会外相结合"


@pytest.fixture(autouse=True)
def no_fixes_left_behind():
    """The text service is shared by the whole process: leave it as this test found it."""
    yield
    shared_service().set_user_dictionary(UserDictionary())


def phrase_place(window: MainWindow) -> tuple[int, int]:
    """The Chinese paragraph holding 会外相结合, and where the phrase starts in it."""
    for index, paragraph in enumerate(window.model.document.chinese):
        if PHRASE in paragraph.text:
            return index, paragraph.text.index(PHRASE)
    raise AssertionError(f"{PHRASE} not in the document")


def words_of_phrase(window: MainWindow) -> list[str]:
    index, start = phrase_place(window)
    tokens = window.model.tokens(index)
    return [t.text for t in tokens if start <= t.start < start + len(PHRASE)]


def token(window: MainWindow, word: str):
    index, _ = phrase_place(window)
    (found,) = [t for t in window.model.tokens(index) if t.text == word]
    return found


def character_point(window: MainWindow, offset: int, fraction: float) -> QPointF:
    """A viewport point inside character `offset` of the phrase's paragraph, `fraction` of
    the way across it."""
    view, model = window.view, window.model
    index, _ = phrase_place(window)
    row = model.row_of(Language.CHINESE, index)
    view.scrollTo(model.index(row))
    rect = view.delegate.span_rect(row, Span(Language.CHINESE, index, offset, offset + 1))
    rect.translate(QPointF(view.visualRect(model.index(row)).topLeft()))
    return QPointF(rect.left() + rect.width() * fraction, rect.center().y())


def test_fixing_the_seed_reads_xiang_undoes_and_survives_a_restart(qtbot, window) -> None:
    open_and_wait(qtbot, window, SEED)
    assert words_of_phrase(window) == ["会", "外相", "结合"]
    fixes = window.segmentation
    with qtbot.waitSignal(fixes.resegmented):
        assert fixes.fix(PHRASE, ["会外", "相结合"])
    assert words_of_phrase(window) == ["会外", "相结合"]
    assert token(window, "相结合").syllables[0] == "xiāng"

    window.actions.ruby.setChecked(True)
    index, start = phrase_place(window)
    row = window.model.row_of(Language.CHINESE, index)
    (placed,) = [
        p
        for p in window.view.delegate.row_layout(row).paragraphs
        if p.index == index and p.language is Language.CHINESE
    ]
    rubies = {r.token.text: r.syllables for r in placed.laid_out.rubies}
    assert rubies["相结合"] == ("xiāng", "jié", "hé")

    window.view.hover_at(character_point(window, start + 2, 0.5))
    assert "xiāngjiéhé" in window.view.popup.text()

    with qtbot.waitSignal(fixes.resegmented):
        window.actions.undo.trigger()
    assert words_of_phrase(window) == ["会", "外相", "结合"]
    assert token(window, "外相").syllables == ("wài", "xiàng")
    with qtbot.waitSignal(fixes.resegmented):
        window.actions.redo.trigger()
    assert words_of_phrase(window) == ["会外", "相结合"]

    window.close()
    shared_service().set_user_dictionary(UserDictionary())  # as a new process would start
    restarted = new_window(qtbot)
    open_and_wait(qtbot, restarted, SEED)
    assert words_of_phrase(restarted) == ["会外", "相结合"]


def test_dragging_over_characters_selects_them_and_joins_them(qtbot, window) -> None:
    open_and_wait(qtbot, window, SEED)
    index, start = phrase_place(window)
    viewport = window.view.viewport()
    press = character_point(window, start, 0.2).toPoint()
    release = character_point(window, start + 1, 0.8).toPoint()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=press)
    move = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        QPointF(release),
        QPointF(viewport.mapToGlobal(release)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, move)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=release)
    assert window.view.delegate.marks(Mark.SELECTION) == (
        Span(Language.CHINESE, index, start, start + 2),
    )
    assert window.actions.join_word.isEnabled()
    with qtbot.waitSignal(window.segmentation.resegmented):
        window.actions.join_word.trigger()
    assert words_of_phrase(window) == ["会外", "相结合"]
    assert token(window, "相结合").syllables[0] == "xiāng"
    assert window.view.delegate.marks(Mark.SELECTION) == ()


def test_a_plain_click_still_selects_the_paragraph_and_leaves_a_caret(qtbot, window) -> None:
    open_and_wait(qtbot, window, SEED)
    index, start = phrase_place(window)
    point = character_point(window, start + 1, 0.9).toPoint()  # just before 相
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.view.current == (Language.CHINESE, index)
    assert (Language.CHINESE, index) in window.view.delegate.selected
    assert window.view.delegate.marks(Mark.SELECTION) == ()
    assert not window.actions.join_word.isEnabled()
    assert window.actions.split_word.isEnabled()  # the caret is inside 外相


def test_split_here_from_the_context_menu_and_undo(qtbot, window) -> None:
    open_and_wait(qtbot, window, SEED)
    _, start = phrase_place(window)
    point = character_point(window, start + 2, 0.1).toPoint()  # nearest boundary: 外|相
    viewport = window.view.viewport()
    QApplication.sendEvent(
        viewport,
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, viewport.mapToGlobal(point)),
    )
    menu = window.segmentation.menu
    assert menu.isVisible()
    assert window.actions.split_word.isEnabled() and not window.actions.join_word.isEnabled()
    with qtbot.waitSignal(window.segmentation.resegmented):
        window.actions.split_word.trigger()
    menu.close()
    assert words_of_phrase(window) == ["会", "外", "相", "结合"]
    assert token(window, "相").syllables == ("xiāng",)
    with qtbot.waitSignal(window.segmentation.resegmented):
        window.undo_stack.undo()
    assert words_of_phrase(window) == ["会", "外相", "结合"]


def test_a_fix_applies_to_another_document(qtbot, window, tmp_path: Path) -> None:
    open_and_wait(qtbot, window, SEED)
    with qtbot.waitSignal(window.segmentation.resegmented):
        window.segmentation.fix(PHRASE, ["会外", "相结合"])
    other = tmp_path / "other.txt"
    other.write_text("我们会外相结合。\n", encoding="utf-8")
    open_and_wait(qtbot, window, other)
    assert [t.text for t in window.model.tokens(0)] == ["我们", "会外", "相结合", "。"]


def test_without_a_database_fixes_last_the_session_and_say_so(qtbot, monkeypatch) -> None:
    def refuse():
        raise StoreError("/nowhere/reader.sqlite3", "cannot be opened")

    monkeypatch.setattr(main_window, "open_store", refuse)
    window = new_window(qtbot)
    assert window.store is None
    open_and_wait(qtbot, window, SEED)
    with qtbot.waitSignal(window.segmentation.resegmented):
        assert window.segmentation.fix(PHRASE, ["会外", "相结合"])
    assert words_of_phrase(window) == ["会外", "相结合"]
    assert "until the program closes" in window.statusBar().currentMessage()
