"""The find bar: Ctrl+F, searching as one types, every match marked, F3 and Enter stepping
through them, a list of them, Escape, and a new document searched again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.bundled import seed_paths
from reader.core.document import Language
from reader.core.formats import load_document
from reader.ui.find_bar import FindBar
from reader.ui.main_window import MainWindow
from reader.ui.row_delegate import Mark, Span

SEED = seed_paths()[0]
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot, seed_window: MainWindow) -> MainWindow:
    seed_window.activateWindow()  # for the window's shortcuts
    qtbot.waitActive(seed_window)
    return seed_window


def search(qtbot, window: MainWindow, query: str) -> FindBar:
    """Open the bar with Ctrl+F and type `query`; return once its matches are in."""
    bar = window.find_bar
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert bar.isVisible() and bar.edit.hasFocus()
    bar.edit.clear()
    with qtbot.waitSignal(bar.controller.results_changed, timeout=10000):
        type_text(bar.edit, query)
    return bar


def type_text(widget: QWidget, text: str) -> None:
    """Type as an input method does, which Chinese and tone marks need (QTest takes ASCII)."""
    for char in text:
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0, NO_MODIFIER, char))


def seed_count(language: Language, text: str) -> int:
    """Occurrences of `text` in one side of the seed, counted in its text directly."""
    return sum(p.text.count(text) for p in load_document(SEED).side(language))


def found(window: MainWindow, language: Language) -> list[str]:
    side = window.model.document.side(language)
    return [
        side[m.paragraph].text[m.start : m.end]
        for m in window.find_bar.controller.matches
        if m.language is language
    ]


def test_find_actions_use_the_standard_keys(window: MainWindow) -> None:
    actions = window.actions
    assert actions.find.shortcut() == QKeySequence(QKeySequence.StandardKey.Find)
    assert actions.find_next.shortcut() == QKeySequence(QKeySequence.StandardKey.FindNext)
    assert actions.find_previous.shortcut() == QKeySequence(QKeySequence.StandardKey.FindPrevious)
    edit_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    assert {actions.find, actions.find_next, actions.find_previous} <= set(edit_menu.actions())


def test_xinjiang_finds_every_xinjiang_of_the_seed(qtbot, window: MainWindow) -> None:
    bar = search(qtbot, window, "xinjiang")
    chinese = seed_count(Language.CHINESE, "新疆")
    english = seed_count(Language.ENGLISH, "Xinjiang")
    assert found(window, Language.CHINESE) == ["新疆"] * chinese
    assert found(window, Language.ENGLISH) == ["Xinjiang"] * english
    assert bar.count.text() == f"1 of {chinese + english}"
    assert bar.results.isVisible()
    assert bar.results.model().rowCount() == chinese + english


def test_urumqi_finds_the_english_ones(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "Urumqi")
    assert found(window, Language.ENGLISH) == ["Urumqi"] * seed_count(Language.ENGLISH, "Urumqi")
    assert found(window, Language.CHINESE) == []


def test_wulumuqi_finds_the_chinese_ones(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "wulumuqi")
    assert found(window, Language.CHINESE) == ["乌鲁木齐"] * seed_count(
        Language.CHINESE, "乌鲁木齐"
    )


@pytest.mark.parametrize("query", ["新疆", "xīnjiāng"])
def test_characters_and_tone_marked_pinyin_find_xinjiang(qtbot, window, query: str) -> None:
    search(qtbot, window, query)
    assert found(window, Language.CHINESE) == ["新疆"] * seed_count(Language.CHINESE, "新疆")


def test_every_match_is_marked_and_the_current_one_selected(qtbot, window: MainWindow) -> None:
    bar = search(qtbot, window, "xinjiang")
    delegate = window.view.delegate
    matches = bar.controller.matches
    assert delegate.marks(Mark.FOUND) == tuple(
        Span(m.language, m.paragraph, m.start, m.end) for m in matches
    )
    first = matches[0]
    assert delegate.marks(Mark.CURRENT_FOUND) == (
        Span(first.language, first.paragraph, first.start, first.end),
    )
    assert window.view.current == (first.language, first.paragraph)


def test_f3_and_enter_step_through_the_matches_and_wrap(qtbot, window: MainWindow) -> None:
    bar = search(qtbot, window, "xinjiang")
    controller = bar.controller
    total = len(controller.matches)
    for expected in range(1, total):
        qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
        assert controller.current == expected
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert controller.current == 0
    assert bar.count.text() == f"1 of {total}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert controller.current == total - 1
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return)
    assert controller.current == 0
    qtbot.keyClick(bar.edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert controller.current == total - 1
    current = controller.matches[-1]
    assert window.view.delegate.marks(Mark.CURRENT_FOUND) == (
        Span(current.language, current.paragraph, current.start, current.end),
    )
    assert window.view.current == (current.language, current.paragraph)


def test_searching_waits_for_a_pause_in_typing(qtbot, window: MainWindow) -> None:
    bar = window.find_bar
    window.actions.find.trigger()
    qtbot.keyClicks(bar.edit, "xin")
    assert bar.timer.isActive() and bar.controller.matches == []
    with qtbot.waitSignal(bar.controller.results_changed, timeout=10000):
        pass
    assert bar.controller.query == "xin" and bar.controller.matches


def test_escape_closes_the_bar_and_clears_the_marks(qtbot, window: MainWindow) -> None:
    bar = search(qtbot, window, "xinjiang")
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.view.delegate.marks(Mark.FOUND) == ()
    assert window.view.delegate.marks(Mark.CURRENT_FOUND) == ()
    with qtbot.waitSignal(bar.controller.results_changed, timeout=10000):
        window.actions.find_next.trigger()  # F3 opens the bar again on the same query
    assert bar.isVisible() and bar.edit.text() == "xinjiang"
    assert len(window.view.delegate.marks(Mark.FOUND)) == len(bar.controller.matches) > 0


def test_clicking_a_listed_match_goes_to_it(qtbot, window: MainWindow) -> None:
    bar = search(qtbot, window, "xinjiang")
    row = 4
    text = bar.results.model().index(row, 0).data()
    match = bar.controller.matches[row]
    label = "EN" if match.language is Language.ENGLISH else "中"
    assert text.startswith(f"{label} ¶{match.paragraph + 1} ")
    rect = bar.results.visualRect(bar.results.model().index(row, 0))
    qtbot.mouseClick(bar.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert bar.controller.current == row
    assert window.view.current == (match.language, match.paragraph)
    assert bar.count.text().startswith(f"{row + 1} of ")


def test_another_document_is_searched_again(qtbot, window: MainWindow, tmp_path: Path) -> None:
    bar = search(qtbot, window, "xinjiang")
    english, chinese = tmp_path / "en.txt", tmp_path / "zh.txt"
    english.write_text("Xinjiang is <b>far</b>.\n\nNothing here.\n", encoding="utf-8")
    chinese.write_text("新疆很远。\n\n新疆的天山。\n", encoding="utf-8")
    with qtbot.waitSignal(window.text_ready, timeout=30000):
        window.open_paths([english, chinese])
    qtbot.waitUntil(lambda: len(bar.controller.matches) == 3)
    assert found(window, Language.CHINESE) == ["新疆", "新疆"]
    assert bar.results.model().index(0, 0).data() == "EN ¶1   Xinjiang is <b>far</b>."
    assert len(window.view.delegate.marks(Mark.FOUND)) == 3
