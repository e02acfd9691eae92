"""Processes a document on a worker thread: load the dictionaries, cut and read the Chinese
paragraphs (those on screen first), keep the result on disk, then align the two sides.

Words go to the window in deliveries of about one frame's work, so that neither the worker's
signals nor the window's handling of them ever keep the event loop busy for long.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QObject,
    QRunnable,
    QThreadPool,
    Signal,
)

from reader.core import token_cache
from reader.core.document import Document
from reader.core.foreground import step_aside
from reader.core.text_service import TextService, Token
from reader.core.token_cache import TokenCache
from reader.core.work_order import WorkOrder
from reader.ui.first_paint import AfterNextPaint
from reader.ui.first_screen import EarlyWords, paragraphs_on_screen, show_cached
from reader.ui.folders import cache_folder

if TYPE_CHECKING:
    from reader.ui.document_opener import Measure
    from reader.ui.row_view import RowView

DELIVERY_SECONDS = 0.1  # work gathered into one delivery, unless it finishes the screen
PROGRESS_SECONDS = 0.25  # a progress bar repaints the window each time it moves


class TextSignals(QObject):
    """Progress back to the UI thread; `generation` tells a stale document's results apart."""

    loaded = Signal(int)  # generation: the dictionaries are loaded, or the words are cached
    tokens = Signal(int, object)  # generation, {chinese paragraph index: [Token]}
    progress = Signal(int, int, int)  # generation, paragraphs done, paragraphs in all
    aligned = Signal(int, object, object)  # generation, Alignment, Measured (its rows' heights)
    finished = Signal(int)


class DocumentTask(QRunnable):
    """Cut and read the document's Chinese side in the order `order` gives, align it.

    `cache` (already opened and checked) supplies the words when the document has been read
    before; otherwise they are computed and written to `cache_file` for next time. Paragraphs
    in `done` were delivered by the window itself and are skipped. `measure`, if set (the
    view's `measurer`), works out the aligned rows' heights here, not on the window's thread.
    """

    def __init__(
        self,
        service: TextService,
        generation: int,
        document: Document,
        cache: TokenCache | None = None,
        cache_file: tuple[Path, str] | None = None,
        done: dict[int, list[Token]] | None = None,
    ) -> None:
        super().__init__()
        self.signals = TextSignals()
        self._service = service
        self._generation = generation
        self._document = document
        self._cache = cache
        self._cache_file = cache_file
        self.measure: Measure | None = None
        self._words: dict[int, list[Token]] = dict(done or {})
        self.order = WorkOrder(len(document.chinese), self._words)
        self.cancelled = threading.Event()
        self._progress_at = 0.0

    def run(self) -> None:
        from reader.core.dictionary_loading import collector_paused  # not before the first paint

        texts = [p.text for p in self._document.chinese]
        self.signals.progress.emit(self._generation, len(self._words), len(texts))
        with collector_paused():
            if self._cache is None:
                self._service.load()
            self.signals.loaded.emit(self._generation)
            computed = self._read_all(texts)
        if self.cancelled.is_set():
            return
        if computed and self._cache_file is not None:
            path, key = self._cache_file
            token_cache.save(path, key, texts, self._words)
        if self._document.english and self._document.chinese:
            from reader.core import cross_language  # here: not on the first paint's path
            from reader.core.aligner import align_document

            alignment = align_document(self._document)
            measured = self.measure and self.measure(self._document, alignment.links)
            cross_language.prepare(self._service)  # before text_ready: hovers never wait
            self.signals.aligned.emit(self._generation, alignment, measured)
        self.signals.finished.emit(self._generation)

    def _read_all(self, texts: list[str]) -> bool:
        """Deliver every paragraph's words; True if any had to be computed (not cached)."""
        computed = False
        delivery: dict[int, list[Token]] = {}
        started = time.perf_counter()
        while not self.cancelled.is_set():
            wanted = self.order.wants_more()  # then the paragraph taken is one on screen
            step_aside()
            index = self.order.take()
            if index is None:
                break
            tokens = self._cache.tokens(index, texts[index]) if self._cache else None
            if tokens is None:
                tokens = self._service.read(texts[index])
                computed = True
            delivery[index] = self._words[index] = tokens
            screen_done = wanted and not self.order.wants_more()
            if screen_done or time.perf_counter() - started > DELIVERY_SECONDS:
                self._deliver(delivery, len(texts))
                delivery, started = {}, time.perf_counter()
        if delivery and not self.cancelled.is_set():
            self._deliver(delivery, len(texts))
        return computed

    def _deliver(self, delivery: dict[int, list[Token]], total: int) -> None:
        self.signals.tokens.emit(self._generation, delivery)
        now = time.perf_counter()
        if now - self._progress_at > PROGRESS_SECONDS or len(self._words) == total:
            self._progress_at = now
            self.signals.progress.emit(self._generation, len(self._words), total)


class TextPipeline(QObject):
    """Starts a document's task and keeps it told which paragraphs the view shows."""

    def __init__(self, view: RowView, service: TextService) -> None:
        super().__init__(view)
        self._view = view
        self._service = service
        self._task: DocumentTask | None = None
        bar = view.verticalScrollBar()
        bar.valueChanged.connect(self._view_moved)
        bar.rangeChanged.connect(self._view_moved)

    def task(
        self, generation: int, document: Document, shown: EarlyWords | None = None
    ) -> DocumentTask:
        """The task for `document`. A cached document's first screen of words goes to the model
        at once, so that the window's next paint has them, unless `shown` (the cache read
        before the first paint and what it gave the model) holds words of the right key;
        words of another key are read again, and replace those on screen."""
        key = token_cache.cache_key(document, self._service.versions())
        path = token_cache.cache_path(cache_folder(), document.content_name)
        if shown is not None:  # the file was read: its words count only under this key
            cache, first = (shown.cache, shown.words) if shown.cache.key == key else (None, {})
        else:
            cache = TokenCache.open(path, key, len(document.chinese))
            first = {} if cache is None else show_cached(self._view, self._service, document, cache)
        task = DocumentTask(self._service, generation, document, cache, (path, key), first)
        self._task = task
        self._view_moved()
        return task

    def start(self, task: DocumentTask) -> None:
        """Run `task` once the view has shown the document's first rows: painted while the
        worker runs, they would wait for it at every call between Qt and Python."""
        viewport = self._view.viewport()
        AfterNextPaint(viewport, lambda: self._run(task))
        viewport.update()  # a paint to wait for, whatever else is pending

    def _run(self, task: DocumentTask) -> None:
        """Start `task` with the view's measurer, made now: it reads the fonts' metrics, which
        a second opening's first paint (the task made before it) need not wait for."""
        task.measure = self._view.delegate.measurer()
        QThreadPool.globalInstance().start(task)

    def _view_moved(self) -> None:
        if self._task is not None:
            self._task.order.want(paragraphs_on_screen(self._view))
