"""Opening a document on a worker thread: reading, decoding and splitting a novel-length
pair of files, pairing its paragraphs until the aligner has run and measuring its rows take
a few tenths of a second, which the window spends answering the reader."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.core.alignment import Alignment, Link, default_alignment
from reader.core.document import Document
from reader.core.errors import ReaderError
from reader.core.formats import load_document
from reader.ui.row_heights import Measured

Measure = Callable[[Document, Sequence[Link]], Measured]  # the rows' heights, on any thread


class Opened(NamedTuple):
    """A document read, in its default alignment, its rows measured."""

    document: Document
    alignment: Alignment
    measured: Measured


class LoadSignals(QObject):
    """Back to the window's thread; `request` tells a superseded request's answer apart."""

    loaded = Signal(int, object)  # request, Opened
    failed = Signal(int, str)  # request, the file and its problem


class LoadTask(QRunnable):
    """`load_document(*paths)`, its `default_alignment` and their rows measured, off the
    window's thread."""

    def __init__(self, paths: tuple[Path, ...], measure: Measure, request: int) -> None:
        super().__init__()
        self.signals = LoadSignals()
        self._paths = paths
        self._measure = measure
        self._request = request

    def run(self) -> None:
        try:
            document = load_document(*self._paths)
        except ReaderError as error:
            self.signals.failed.emit(self._request, str(error))
            return
        alignment = default_alignment(document)
        measured = self._measure(document, alignment.links)
        self.signals.loaded.emit(self._request, Opened(document, alignment, measured))


class DocumentOpener(QObject):
    """Reads the files asked for, one request at a time in effect: a request made while
    another is read supersedes it, whose answer is then dropped."""

    opened = Signal(object)  # Opened
    failed = Signal(str)  # a message that names the file and the problem

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request = 0
        self._task: LoadTask | None = None  # kept alive until its answer arrives

    def open(self, paths: Sequence[Path], measure: Measure) -> None:
        """Read `paths` (one document, or an English and a Chinese file) and measure its rows
        with `measure`; `opened` or `failed` answers."""
        self._request += 1
        task = LoadTask(tuple(Path(path) for path in paths), measure, self._request)
        task.signals.loaded.connect(self._loaded)
        task.signals.failed.connect(self._failed)
        self._task = task
        QThreadPool.globalInstance().start(task)

    def _loaded(self, request: int, opened: Opened) -> None:
        if request == self._request:
            self._task = None
            self.opened.emit(opened)

    def _failed(self, request: int, message: str) -> None:
        if request == self._request:
            self._task = None
            self.failed.emit(message)
