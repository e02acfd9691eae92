"""Opening windows in tests: one way to make a window and to wait for its text."""

from __future__ import annotations

from pathlib import Path

from reader.core.bundled import seed_paths
from reader.ui.main_window import MainWindow

SEED = seed_paths()[0]


def new_window(qtbot, *paths: Path, size: tuple[int, int] = (1100, 700)) -> MainWindow:
    """A shown window, with `paths` opened and fully processed when given."""
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    if paths:
        open_and_wait(qtbot, window, *paths)
    return window


def open_and_wait(qtbot, window: MainWindow, *paths: Path) -> None:
    """Open `paths` and wait until every Chinese paragraph is segmented."""
    with qtbot.waitSignal(window.text_ready, timeout=60000):
        window.open_paths(list(paths))


def open_now(qtbot, window: MainWindow, *paths: Path) -> None:
    """Open `paths` and wait until the window shows the document (its words may follow)."""
    with qtbot.waitSignal(window.model.modelReset, timeout=10000):
        window.open_paths(list(paths))
