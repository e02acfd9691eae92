"""reader.core is plain Python: importing every module of it with Qt blocked must work. And
the window's first paint imports only what it shows."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BLOCK_QT_AND_IMPORT_CORE = """
import importlib, pkgutil, sys

class BlockQt:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {'PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'PySide2'}:
            raise ImportError(f'reader.core imported {name}')
        return None

sys.meta_path.insert(0, BlockQt())
import reader.core
for module in pkgutil.walk_packages(reader.core.__path__, 'reader.core.'):
    importlib.import_module(module.name)
print('ok', sorted(m for m in sys.modules if m.startswith('reader.core.')))
"""


def test_core_imports_no_qt_module() -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_QT_AND_IMPORT_CORE],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "reader.core.text_service" in result.stdout


def test_the_blocker_does_catch_qt() -> None:
    """The check above would fail if a core module reached for Qt."""
    probe = BLOCK_QT_AND_IMPORT_CORE.replace("import reader.core\n", "import PySide6.QtCore\n")
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.returncode != 0 and "imported PySide6" in result.stderr


LATER = {  # modules the first paint does without, each taking milliseconds to import
    "importlib.metadata",  # the email package with it
    "importlib.resources",
    "json",  # unless the document has a cache of its words
    "sqlite3",
    "reader.core.store",
    "reader.core.cedict",
    "reader.core.user_dictionary",
    "reader.core.word_info",
    "reader.ui.text_worker",
    "reader.ui.word_popup",
    "reader.ui.segmentation_fixes",
    "reader.ui.reading_position",
    "reader.ui.alignment_controller",
    "reader.ui.recent_menu",
    "reader.core.cross_language",
    "reader.core.aligner",
    "reader.core.word_list",
    "reader.core.search",
    "reader.core.cedict_index",
    "reader.core.dictionary_loading",
    "reader.ui.word_list_controller",
    "reader.ui.find_bar",
    "reader.ui.counterpart_highlighter",
    "jieba",
    "pypinyin",
}


FIRST_PAINT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import PySide6.QtCore
from reader.ui.row_view import RowView

paint = RowView.paintEvent


def painted(view, event):
    paint(view, event)
    if view.model().rowCount():  # the first paint of the document's rows, just ended
        print(" ".join(sys.modules))  # all that was imported before it
        print("Qt namespace made:", "Qt" in vars(PySide6.QtCore))  # 90 enums, some 25 ms
        sys.stdout.flush()
        os._exit(0)


RowView.paintEvent = painted
from reader.cli import main
main([])
"""


def test_the_window_leaves_what_the_first_paint_does_without_for_later(tmp_path: Path) -> None:
    environment = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT],
        capture_output=True,
        text=True,
        check=True,
        env=environment,
    )
    imported, made = result.stdout.splitlines()
    assert LATER.isdisjoint(imported.split())
    assert made == "Qt namespace made: False"
