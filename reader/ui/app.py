"""Start the window, or render it offscreen to a PNG for `--screenshot`."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from reader.core.bundled import bundled_dir, seed_paths
from reader.core.errors import DocumentError
from reader.core.formats import load_document

SCREENSHOT_SIZE = (1280, 820)


SWITCH_SECONDS = 0.0002  # how long the window's thread may wait for the interpreter


def configure_application(app: QApplication, *, dressed: bool = True) -> None:
    """Names (which QSettings and QStandardPaths use), the interpreter's switch interval, and
    unless `dressed` is False, the icon and style sheet (see `dress_application`).

    While a worker reads a document, every call between Qt and Python on the window's thread
    waits for the worker to hand over the interpreter, up to the switch interval each time
    (5 ms by default); a repaint makes hundreds of such calls, which froze the window for
    tenths of a second. A short interval costs nothing while no thread is waiting."""
    sys.setswitchinterval(SWITCH_SECONDS)
    app.setOrganizationName("Parallel Reader")
    app.setApplicationName("Parallel Reader")
    app.setDesktopFileName("parallel-reader")
    if dressed:
        dress_application(app)


def dress_application(app: QApplication) -> None:
    """The window icon and the style sheet of the pop-up and the warnings. The program sets
    them right after the first paint, which shows neither (an application style sheet also
    slows the polishing of every widget that first paint shows)."""
    from PySide6.QtGui import QIcon

    resources = bundled_dir("resources")
    app.setWindowIcon(QIcon(str(resources / "icons" / "parallel-reader.svg")))
    app.setStyleSheet((resources / "style.qss").read_text(encoding="utf-8"))


def after_first_paint(app: QApplication) -> None:
    """Dress the application, and resume the cycle collector, which the command line pauses
    before Qt is imported. Start-up makes some 35,000 objects that live as long as the program
    and form no garbage; passes over them before the first paint took 8-9 ms of it. Frozen, they
    are left out of every later pass, which then holds the window's thread for less."""
    gc.freeze()
    gc.enable()
    dress_application(app)


def run(paths: Sequence[Path], screenshot: Path | None = None) -> int:
    """Open `paths` (the seed article when empty); raise ReaderError for a bad file."""
    if screenshot is not None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    document = load_document(*(paths or seed_paths()[:1]))

    from reader.ui.first_paint import AfterNextPaint
    from reader.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_application(app, dressed=False)
    window = MainWindow()
    if screenshot is not None:
        window.resize(*SCREENSHOT_SIZE)
    window.show()  # before the document, whose processing then waits for the first paint
    AfterNextPaint(window.view.viewport(), lambda: after_first_paint(app))
    window.show_document(document)
    if screenshot is None:
        return app.exec()
    if not window.text_is_ready:
        window.text_ready.connect(app.quit)
        app.exec()
    app.processEvents()
    if not window.grab().save(str(screenshot), "PNG"):
        raise DocumentError(screenshot, "cannot write the screenshot there")
    print(f"Saved {screenshot}")
    return 0
