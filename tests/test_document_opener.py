"""Opening a document reads its files on a worker thread: the open document stays shown and
usable meanwhile, and only the latest request is shown."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from windows import SEED, open_and_wait

from reader.core.document import Document, Language
from reader.ui import document_opener
from reader.ui.main_window import MainWindow
from reader.ui.row_heights import HeightEstimate


def write(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("第一段。\n\n第二段。\n", encoding="utf-8")
    return path


def test_the_files_are_read_on_a_worker_while_the_open_document_stays(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_and_wait(qtbot, window, SEED)
    release, reading = threading.Event(), threading.Event()
    threads: list[bool] = []
    original = document_opener.load_document

    def held(*paths: Path) -> Document:
        threads.append(threading.current_thread() is threading.main_thread())
        reading.set()
        release.wait(30)
        return original(*paths)

    monkeypatch.setattr(document_opener, "load_document", held)
    path = write(tmp_path, "later.txt")
    window.open_paths([path])
    qtbot.waitUntil(reading.is_set)
    assert threads == [False]
    assert "Opening later.txt" in window.statusBar().currentMessage()
    assert window.model.document.sources == (SEED,)
    assert window.model.rowCount() == 5  # still there to read
    with qtbot.waitSignal(window.model.modelReset):
        release.set()
    assert window.model.document.sources == (path,)
    assert "Opening" not in window.statusBar().currentMessage()


def test_only_the_latest_request_is_shown(qtbot, window: MainWindow, tmp_path: Path) -> None:
    first, second = write(tmp_path, "first.txt"), write(tmp_path, "second.txt")
    shown: list[tuple[Path, ...]] = []
    window.model.modelReset.connect(lambda: shown.append(window.model.document.sources))
    window.open_paths([first])
    window.open_paths([second])
    QThreadPool.globalInstance().waitForDone()  # both answers are in the event queue
    qtbot.waitUntil(lambda: bool(shown))
    QCoreApplication.processEvents()  # the other answer, if it came second
    assert shown == [(second,)]


def test_the_rows_are_measured_on_the_worker_too(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    on_main: list[bool] = []
    original = HeightEstimate._measure

    def spy(self: HeightEstimate, document: Document, language: Language) -> list[float]:
        on_main.append(threading.current_thread() is threading.main_thread())
        return original(self, document, language)

    monkeypatch.setattr(HeightEstimate, "_measure", spy)
    path = write(tmp_path, "measured.txt")
    with qtbot.waitSignal(window.model.modelReset):
        window.open_paths([path])
    assert window.view.rows().total > 0
    assert on_main == [False, False]  # each side once, and not again when shown
