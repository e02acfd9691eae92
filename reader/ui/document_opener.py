"""Opening a document on a worker thread: reading, decoding and splitting a novel-length
pair of files, and pairing its paragraphs until the aligner has run, take a few tenths of a
second, which the window spends answering the reader."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.core.alignment import Alignment, default_alignment
from reader.core.document import Document
from reader.core.errors import ReaderError
from reader.core.formats import load_document


class LoadSignals(QObject):
    """Back to the window's thread; `request` tells a superseded request's answer apart."""

    loaded = Signal(int, object, object)  # request, Document, its default Alignment
    failed = Signal(int, str)  # request, the file and its problem


class LoadTask(QRunnable):
    """`load_document(*paths)` and its `default_alignment` off the window's thread."""

    def __init__(self, paths: tuple[Path, ...], request: int) -> None:
        super().__init__()
        self.signals = LoadSignals()
        self._paths = paths
        self._request = request

    def run(self) -> None:
        try:
            document = load_document(*self._paths)
        except ReaderError as error:
            self.signals.failed.emit(self._request, str(error))
        else:
            self.signals.loaded.emit(self._request, document, default_alignment(document))


class DocumentOpener(QObject):
    """Reads the files asked for, one request at a time in effect: a request made while
    another is read supersedes it, whose answer is then dropped."""

    opened = Signal(object, object)  # Document, its default Alignment
    failed = Signal(str)  # a message that names the file and the problem

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request = 0
        self._task: LoadTask | None = None  # kept alive until its answer arrives

    @property
    def busy(self) -> bool:
        """True while a request is being read."""
        return self._task is not None

    def open(self, paths: Sequence[Path]) -> None:
        """Read `paths` (one document, or an English and a Chinese file); `opened` or
        `failed` answers."""
        self._request += 1
        task = LoadTask(tuple(Path(path) for path in paths), self._request)
        task.signals.loaded.connect(self._loaded)
        task.signals.failed.connect(self._failed)
        self._task = task
        QThreadPool.globalInstance().start(task)

    def _loaded(self, request: int, document: Document, alignment: Alignment) -> None:
        if request == self._request:
            self._task = None
            self.opened.emit(document, alignment)

    def _failed(self, request: int, message: str) -> None:
        if request == self._request:
            self._task = None
            self.failed.emit(message)
