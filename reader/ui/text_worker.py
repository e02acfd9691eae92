"""Processes a document on a worker thread: load the dictionaries, segment the Chinese
paragraphs, then align the two sides."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRunnable, Signal

from reader.core.aligner import align_document
from reader.core.document import Document
from reader.core.text_service import TextService

CHUNK = 64  # paragraphs per delivery: small enough to keep the window fed, big enough to be cheap


class TextSignals(QObject):
    """Progress back to the UI thread; `generation` tells a stale document's results apart."""

    tokens = Signal(int, object)  # generation, {chinese paragraph index: [Token]}
    progress = Signal(int, int, int)  # generation, paragraphs done, paragraphs in all
    aligned = Signal(int, object)  # generation, Alignment
    finished = Signal(int)


class DocumentTask(QRunnable):
    """Load the text service, segment the document's Chinese side in chunks, align it."""

    def __init__(self, service: TextService, generation: int, document: Document) -> None:
        super().__init__()
        self.signals = TextSignals()
        self._service = service
        self._generation = generation
        self._document = document
        self.cancelled = threading.Event()

    def run(self) -> None:
        texts = [(i, p.text) for i, p in enumerate(self._document.chinese)]
        total = len(texts)
        self.signals.progress.emit(self._generation, 0, total)
        self._service.load()
        for start in range(0, total, CHUNK):
            if self.cancelled.is_set():
                return
            chunk = texts[start : start + CHUNK]
            self.signals.tokens.emit(
                self._generation, {i: self._service.read(text) for i, text in chunk}
            )
            self.signals.progress.emit(self._generation, start + len(chunk), total)
        if self._document.english and self._document.chinese and not self.cancelled.is_set():
            self.signals.aligned.emit(self._generation, align_document(self._document))
        self.signals.finished.emit(self._generation)
