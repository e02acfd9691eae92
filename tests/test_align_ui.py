"""Click to align: counterparts light up; align mode links, merges, splits, detaches, with
undo and redo; corrections survive closing the window and killing the process."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from windows import SEED, open_and_wait

from reader.core.document import Language
from reader.ui.main_window import MainWindow

EN, ZH = Language.ENGLISH, Language.CHINESE


def rows(window: MainWindow) -> list[tuple[list[int], list[int]]]:
    return [(list(link.english), list(link.chinese)) for link in window.model.alignment]


def paragraph_point(window: MainWindow, language: Language, index: int) -> QPointF:
    model, view = window.model, window.view
    row = model.row_of(language, index)
    view.scrollTo(model.index(row))
    for placed in view.delegate.row_layout(row).paragraphs:
        if (placed.language, placed.index) == (language, index):
            top_left = QPointF(view.visualRect(model.index(row)).topLeft())
            return top_left + placed.origin + QPointF(10, 5)
    raise AssertionError((language, index))


def click(qtbot, window: MainWindow, language: Language, index: int) -> None:
    point = paragraph_point(window, language, index).toPoint()
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_seed_is_aligned_title_to_both_headlines(qtbot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, SEED)
    assert rows(window) == [([0], [0, 1]), ([1], [2]), ([2], [3]), ([3], [4]), ([4], [5])]


def test_clicking_a_paragraph_lights_its_counterparts(qtbot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, SEED)
    click(qtbot, window, EN, 0)
    assert window.view.delegate.selected == {(EN, 0), (ZH, 0), (ZH, 1)}
    click(qtbot, window, ZH, 4)
    assert window.view.delegate.selected == {(EN, 3), (ZH, 4)}


def test_align_mode_links_with_two_clicks_and_undo_redo(qtbot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, SEED)
    automatic = rows(window)
    window.actions.align_mode.setChecked(True)
    click(qtbot, window, EN, 1)
    assert window.anchor == (EN, 1)
    click(qtbot, window, ZH, 3)
    assert window.model.row_of(EN, 1) == window.model.row_of(ZH, 3)
    corrected = rows(window)
    assert corrected != automatic
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert rows(window) == automatic
    window.actions.redo.trigger()
    assert rows(window) == corrected


def test_merge_split_detach_from_the_keyboard(qtbot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, SEED)
    window.actions.align_mode.setChecked(True)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Down)  # the first English paragraph
    qtbot.keyClick(window.view, Qt.Key.Key_J)  # the second
    assert window.view.current == (EN, 1)
    window.actions.merge.trigger()
    assert rows(window)[1] == ([1, 2], [2, 3])
    window.actions.split.trigger()
    assert rows(window)[1:3] == [([1], [2]), ([2], [3])]
    window.actions.detach.trigger()
    assert ([1], []) in rows(window)
    assert all(link.english or link.chinese for link in window.model.alignment)
    for _ in range(3):
        window.actions.undo.trigger()
    assert rows(window) == [([0], [0, 1]), ([1], [2]), ([2], [3]), ([3], [4]), ([4], [5])]


def test_reset_to_automatic_is_undoable(qtbot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, SEED)
    automatic = rows(window)
    window.actions.align_mode.setChecked(True)
    window.view.current = (EN, 2)
    window.actions.merge.trigger()
    window.actions.reset_alignment.trigger()
    assert rows(window) == automatic
    window.actions.undo.trigger()
    assert rows(window) != automatic


def test_corrections_come_back_when_the_document_is_reopened(qtbot, window: MainWindow) -> None:
    open_and_wait(qtbot, window, SEED)
    window.actions.align_mode.setChecked(True)
    window.view.current = (EN, 2)
    window.actions.merge.trigger()
    corrected = rows(window)
    window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    open_and_wait(qtbot, again, SEED)
    assert rows(again) == corrected


KILLED_AFTER_EDIT = """
import os, sys
from PySide6.QtWidgets import QApplication
from reader.ui.app import configure_application
from reader.ui.main_window import MainWindow
from reader.core.document import Language
app = QApplication([])
configure_application(app)
window = MainWindow()
window.text_ready.connect(app.quit)
window.open_paths([sys.argv[1]])
app.exec()
window.actions.align_mode.setChecked(True)
window.view.current = (Language.ENGLISH, 3)
window.actions.merge.trigger()
print([(list(l.english), list(l.chinese)) for l in window.model.alignment])
sys.stdout.flush()
os._exit(9)  # no clean shutdown: whatever is not on disk now is lost
"""


def test_killing_the_process_after_an_edit_loses_nothing(
    qtbot, window: MainWindow, private_home: Path
) -> None:
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(KILLED_AFTER_EDIT), str(SEED)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=dict(os.environ),
    )
    assert child.returncode == 9, child.stderr
    corrected = ast.literal_eval(child.stdout.strip().splitlines()[-1])
    open_and_wait(qtbot, window, SEED)
    assert [tuple(r) for r in rows(window)] == [tuple(r) for r in corrected]
    assert ([3, 4], [4, 5]) in rows(window)


def test_a_corrupt_database_is_reported_and_left_untouched(qtbot, private_home: Path) -> None:
    from reader.ui.folders import data_folder
    from reader.ui.main_window import STORE_NAME

    folder = data_folder()
    folder.mkdir(parents=True, exist_ok=True)
    database = folder / STORE_NAME
    garbage = b"this is not an SQLite file, but it may be someone's work\n" * 50
    database.write_bytes(garbage)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()  # the store is opened right after the first paint
    qtbot.waitUntil(lambda: not window.store_warning.isHidden())
    assert STORE_NAME in window.store_warning.text()
    open_and_wait(qtbot, window, SEED)
    window.actions.align_mode.setChecked(True)
    window.view.current = (EN, 2)
    window.actions.merge.trigger()
    assert ([2, 3], [3, 4]) in rows(window)  # edits still work, for the session
    assert database.read_bytes() == garbage
