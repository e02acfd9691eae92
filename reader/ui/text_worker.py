"""Segments a document's Chinese paragraphs on a worker thread, loading the dictionaries first."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRunnable, Signal

from reader.core.text_service import TextService

CHUNK = 64  # paragraphs per delivery: small enough to keep the window fed, big enough to be cheap


class TextSignals(QObject):
    """Progress back to the UI thread; `generation` tells a stale document's results apart."""

    tokens = Signal(int, object)  # generation, {chinese paragraph index: [Token]}
    progress = Signal(int, int, int)  # generation, paragraphs done, paragraphs in all
    finished = Signal(int)


class SegmentationTask(QRunnable):
    """Load the text service, then segment `texts` (index, text) in chunks."""

    def __init__(self, service: TextService, generation: int, texts: list[tuple[int, str]]) -> None:
        super().__init__()
        self.signals = TextSignals()
        self._service = service
        self._generation = generation
        self._texts = texts
        self.cancelled = threading.Event()

    def run(self) -> None:
        total = len(self._texts)
        self.signals.progress.emit(self._generation, 0, total)
        self._service.load()
        for start in range(0, total, CHUNK):
            if self.cancelled.is_set():
                return
            chunk = self._texts[start : start + CHUNK]
            self.signals.tokens.emit(
                self._generation, {i: self._service.segment(text) for i, text in chunk}
            )
            self.signals.progress.emit(self._generation, start + len(chunk), total)
        self.signals.finished.emit(self._generation)
