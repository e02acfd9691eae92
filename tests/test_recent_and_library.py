"""File › Open Recent and File › Library: documents opened lately, most recent first and kept;
a file that has gone is reported and dropped; the library opens a bundled seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem
from windows import SEED, open_and_wait

from reader.ui.library_dialog import LibraryDialog
from reader.ui.main_window import MainWindow


@pytest.fixture
def documents(tmp_path: Path) -> tuple[Path, Path, Path]:
    single, english, chinese = tmp_path / "notes.txt", tmp_path / "en.txt", tmp_path / "zh.txt"
    single.write_text("A note.\n\nAnother note.\n", encoding="utf-8")
    english.write_text("The first.\n\nThe second.\n", encoding="utf-8")
    chinese.write_text("第一。\n\n第二。\n", encoding="utf-8")
    return single, english, chinese


def menu_texts(window: MainWindow) -> list[str]:
    return [action.text() for action in window.recent.menu.actions() if not action.isSeparator()]


def test_recent_menu_lists_documents_most_recent_first_and_opens_one(
    qtbot, window: MainWindow, documents: tuple[Path, Path, Path]
) -> None:
    single, english, chinese = documents
    assert menu_texts(window) == ["&Clear Menu"]
    assert not window.actions.clear_recent.isEnabled()
    open_and_wait(qtbot, window, single)
    open_and_wait(qtbot, window, english, chinese)
    assert menu_texts(window) == ["&1 en.txt + zh.txt", "&2 notes.txt", "&Clear Menu"]

    with qtbot.waitSignal(window.text_ready, timeout=60000):
        window.recent.menu.actions()[1].trigger()
    assert window.model.document.sources == (single,)
    assert menu_texts(window)[:2] == ["&1 notes.txt", "&2 en.txt + zh.txt"]
    window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    assert menu_texts(again)[:2] == ["&1 notes.txt", "&2 en.txt + zh.txt"]


def test_bundled_seeds_stay_out_of_the_recent_list(qtbot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, SEED)
    assert window.recent.entries() == []


def test_a_recent_file_that_has_gone_is_reported_and_dropped(
    qtbot, window: MainWindow, documents: tuple[Path, Path, Path]
) -> None:
    single, english, chinese = documents
    open_and_wait(qtbot, window, english, chinese)
    open_and_wait(qtbot, window, single)
    single.unlink()
    gone = window.recent.menu.actions()[0]
    assert gone.text() == "&1 notes.txt"
    gone.trigger()
    qtbot.waitUntil(lambda: window.error_box is not None and window.error_box.isVisible())
    assert str(single) in window.error_box.text()
    assert menu_texts(window) == ["&1 en.txt + zh.txt", "&Clear Menu"]
    assert window.model.document.sources == (single,)  # still showing what was open


def test_clear_empties_the_menu(
    qtbot, window: MainWindow, documents: tuple[Path, Path, Path]
) -> None:
    open_and_wait(qtbot, window, documents[0])
    window.actions.clear_recent.trigger()
    assert menu_texts(window) == ["&Clear Menu"]
    assert window.recent.entries() == []
    assert not window.actions.clear_recent.isEnabled()


def library(qtbot, window: MainWindow) -> LibraryDialog:
    window.actions.library.trigger()
    dialog = window.findChild(LibraryDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def sections(dialog: LibraryDialog) -> dict[str, list[QTreeWidgetItem]]:
    tree = dialog.tree
    return {
        tree.topLevelItem(n).text(0): [
            tree.topLevelItem(n).child(k) for k in range(tree.topLevelItem(n).childCount())
        ]
        for n in range(tree.topLevelItemCount())
    }


def test_library_lists_the_seed_by_title_and_enter_opens_it(
    qtbot, window: MainWindow, documents: tuple[Path, Path, Path]
) -> None:
    open_and_wait(qtbot, window, documents[0])
    dialog = library(qtbot, window)
    listed = sections(dialog)
    (seed,) = listed["Bundled"]
    assert seed.text(0).startswith("Seize the Time")
    assert [item.text(0) for item in listed["Opened lately"]] == ["notes.txt"]
    dialog.tree.setCurrentItem(seed)
    with qtbot.waitSignals([window.text_ready, dialog.accepted], timeout=60000):
        qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    assert "Seize the Time" in window.windowTitle()


def test_double_click_in_the_library_opens_a_recent_document(
    qtbot, window: MainWindow, documents: tuple[Path, Path, Path]
) -> None:
    single, english, chinese = documents
    open_and_wait(qtbot, window, english, chinese)
    open_and_wait(qtbot, window, single)
    dialog = library(qtbot, window)
    pair = sections(dialog)["Opened lately"][1]
    assert (pair.text(0), pair.text(1)) == ("en.txt + zh.txt", f"{english} + {chinese}")
    centre = dialog.tree.visualItemRect(pair).center()
    viewport = dialog.tree.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)  # the double click's first
    with qtbot.waitSignals([window.text_ready, dialog.accepted], timeout=60000):
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    assert window.model.document.sources == (english, chinese)
