"""What the first paint waits for: only the text, the menus and the tool bar. The store, the
text pipeline, the word list, the find bar and the rest are made right after it (or when first
asked for), unless the first paint shows them; the document's words come after that."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMenu
from windows import SEED, new_window, open_and_wait

from reader.core.formats import load_document
from reader.ui.find_bar import FindBar
from reader.ui.main_window import MainWindow
from reader.ui.text_worker import TextPipeline
from reader.ui.word_list_dock import WordListDock


def view_menu(window: MainWindow) -> QMenu:
    return next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")


def test_the_parts_it_does_without_are_made_right_after_it(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.findChild(FindBar) is None and window.findChild(WordListDock) is None
    qtbot.waitUntil(lambda: window.findChild(FindBar) is not None)  # painted, then made
    assert window.findChild(WordListDock) is window.words.dock
    assert not window.words.dock.isVisible() and not window.find_bar.isVisible()
    texts = [action.text() for action in view_menu(window).actions()]
    hover, word_list, zoom = "&Show Translations on Hover", "&Word List", "Zoom &In"
    assert texts.index(hover) < texts.index(word_list) < texts.index(zoom)


def test_a_part_asked_for_before_the_first_paint_is_made_then_and_only_once(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    bar = window.find_bar
    window.show()
    open_and_wait(qtbot, window, SEED)  # the document is read only after the first paint
    assert window.find_bar is bar
    assert len(window.findChildren(FindBar)) == len(window.findChildren(WordListDock)) == 1
    assert len([a for a in view_menu(window).actions() if a.text() == "&Word List"]) == 1


def test_a_word_list_left_open_is_made_for_the_first_paint(qtbot) -> None:
    window = new_window(qtbot)
    window.words.dock.toggleViewAction().trigger()  # kept in the settings at once
    assert window.words.dock.isVisible()
    again = MainWindow()
    qtbot.addWidget(again)
    assert again.findChild(WordListDock) is not None  # before any paint
    again.show()
    qtbot.waitExposed(again)
    assert again.words.dock.isVisible()


def test_a_document_shown_before_the_first_paint_is_read_after_it(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.text_ready, timeout=60000):
        window.show_document(load_document(SEED))
        assert window.model.rowCount() == 5  # the text, at once
        assert window.model.tokens(0) is None and window.findChild(FindBar) is None
    assert window.findChild(FindBar) is not None and window.model.tokens(0)


def test_a_window_never_shown_reads_its_document_at_once(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, SEED)  # no paint is coming to wait for
    assert window.model.tokens(0)


def test_a_find_bar_made_after_the_words_came_finds_them_by_pinyin(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    open_and_wait(qtbot, window, SEED)
    controller = FindBar(window).controller
    with qtbot.waitSignal(controller.results_changed, timeout=10000):
        controller.search("wulumuqi")
    assert {
        window.model.document.chinese[m.paragraph].text[m.start : m.end] for m in controller.matches
    } == {"乌鲁木齐"}


@pytest.mark.parametrize("cached", [False, True])
def test_with_no_words_cached_the_dictionaries_load_before_the_other_parts_are_made(
    qtbot, monkeypatch: pytest.MonkeyPatch, cached: bool
) -> None:
    if cached:
        new_window(qtbot, SEED).close()  # read through: its words are cached
        QThreadPool.globalInstance().waitForDone()  # aligned too
    held: list[object] = []  # the document's task, handed over once every part is made
    monkeypatch.setattr(TextPipeline, "start", lambda self, task: held.append(task))
    started: list[tuple[str, bool]] = []  # work given to the workers: were parts still coming?
    start = QThreadPool.start

    def spy(pool: QThreadPool, work: object, *args: object) -> None:
        started.append((getattr(work, "__name__", ""), not held))
        start(pool, work, *args)

    monkeypatch.setattr(QThreadPool, "start", spy)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.show_document(load_document(SEED))
    qtbot.waitUntil(lambda: bool(held))
    QThreadPool.globalInstance().waitForDone()
    loading = [name for name, early in started if early and name.startswith("load")]
    assert loading == (["load_dictionary"] if cached else ["load"])
