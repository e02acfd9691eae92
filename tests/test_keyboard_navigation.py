"""Reading from the keyboard: j/k and the arrows step from paragraph to paragraph, light the
paragraph and its counterparts on the other side, and keep them on screen."""

from __future__ import annotations

from pathlib import Path

from long_documents import long_pair
from PySide6.QtCore import Qt
from windows import new_window

from reader.core.document import Language
from reader.ui.main_window import MainWindow

EN, ZH = Language.ENGLISH, Language.CHINESE


def row_on_screen(window: MainWindow, row: int) -> bool:
    rect = window.view.visualRect(window.model.index(row))
    return rect.isValid() and window.view.viewport().rect().intersects(rect)


def test_stepping_lights_both_sides_and_keeps_them_on_screen(qtbot, tmp_path: Path) -> None:
    window = new_window(qtbot, *long_pair(tmp_path, 120), size=(1000, 600))
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert view.current == (EN, 0)
    for _ in range(39):
        qtbot.keyClick(view, Qt.Key.Key_J)
    for _ in range(10):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.current == (EN, 49)
    row = window.model.row_of(EN, 49)
    assert view.delegate.selected == {(EN, 49), (ZH, 49)}
    qtbot.waitUntil(lambda: row_on_screen(window, row))
    assert not row_on_screen(window, 0)

    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.current == (ZH, 49)
    qtbot.keyClick(view, Qt.Key.Key_K)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.current == (ZH, 47)
    assert view.delegate.selected == {(EN, 47), (ZH, 47)}
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.current == (EN, 47)
    qtbot.waitUntil(lambda: row_on_screen(window, window.model.row_of(EN, 47)))
