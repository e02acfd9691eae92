"""Finding in the open document: searches run on a worker thread, the matches come back in
reading order, every one is marked in the view and the reader steps from one to the next."""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QPointF, QRunnable, QThreadPool, Signal

from reader.core.document import Document
from reader.core.search import (
    DocumentSearch,
    Found,
    Match,
    ReadingKey,
    reading_key,
    searches_pinyin,
)
from reader.ui.row_delegate import Mark, Span

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


class SearchSignals(QObject):
    found = Signal(int, object)  # generation, Found


class SearchTask(QRunnable):
    """One query over one document; the first pinyin query also builds the pinyin index."""

    def __init__(self, search: DocumentSearch, query: str, generation: int) -> None:
        super().__init__()
        self.signals = SearchSignals()
        self._search = search
        self._query = query
        self._generation = generation

    def run(self) -> None:
        self.signals.found.emit(self._generation, self._search.find(self._query))


def _span(match: Match) -> Span:
    return Span(match.language, match.paragraph, match.start, match.end)


class FindController(QObject):
    """The matches of the current query and the one the reader is at, kept in step with the
    document (a new one searches again), its alignment (rows move) and its words (pinyin)."""

    results_changed = Signal()  # new matches, or none: lists and counts redraw
    current_changed = Signal(int)  # the index of the match the reader is at; -1 for none

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._search = DocumentSearch(window.model.document)
        self._search.add_tokens(window.model.all_tokens())  # delivered before the bar was made
        self._generation = 0
        self._task: SearchTask | None = None  # kept alive until its result arrives
        self.query = ""
        self.matches: list[Match] = []
        self.truncated = False  # a side had more matches than are listed
        self.current = -1
        window.model.tokens_added.connect(self._words_arrived)
        window.model.modelReset.connect(self._document_changed)
        window.model.alignment_changed.connect(self._reorder)
        window.text_ready.connect(self._words_ready)

    @property
    def document(self) -> Document:
        return self._search.document

    @property
    def partial(self) -> bool:
        """True while the Chinese is still being read: pinyin matches are those found so far."""
        return searches_pinyin(self.query) and not self._window.text_is_ready

    def search(self, query: str) -> None:
        """Look for `query` in both languages; `results_changed` says when the matches are in."""
        self.query = query.strip()
        self._generation += 1
        if not self.query:
            self._task = None
            self._show([], truncated=False)
            return
        task = SearchTask(self._search, self.query, self._generation)
        task.signals.found.connect(self._found)
        self._task = task
        QThreadPool.globalInstance().start(task)

    def clear(self) -> None:
        """Forget the query and take the marks away."""
        self.search("")

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) match, round from the last to the first."""
        if self.matches:  # then there is a current one
            self.go_to((self.current + delta) % len(self.matches))

    def go_to(self, index: int) -> None:
        """Make match `index` the current one and bring it into view."""
        self.current = index
        self._mark_current()
        self._reveal(self.matches[index])
        self.current_changed.emit(index)

    def _found(self, generation: int, found: Found) -> None:
        if generation == self._generation:
            self._task = None
            self._show(list(found.matches), found.truncated)

    def _show(self, matches: list[Match], truncated: bool) -> None:
        """Put `matches` in reading order; stay on the current match if it is still there,
        else go to the first one at or after it (or after the top of the view)."""
        before = self.matches[self.current] if self.current >= 0 else None
        keyed: list[tuple[ReadingKey, Match]] = []
        if matches:  # the key reads every row: not for no match at all (an opened document)
            key = reading_key(self._window.model.alignment)
            keyed = sorted((key(m), m) for m in matches)
        self.matches = [m for _, m in keyed]
        self.truncated = truncated
        self.current = -1
        self._window.view.delegate.set_marks(Mark.FOUND, tuple(map(_span, self.matches)))
        self.results_changed.emit()
        if not self.matches:
            self._mark_current()
            self.current_changed.emit(-1)
        elif before in self.matches:
            self.current = self.matches.index(before)
            self._mark_current()
            self.current_changed.emit(self.current)
        else:
            anchor = key(before) if before else (self._top_row(),)
            found = bisect_left([k for k, _ in keyed], anchor)
            self.go_to(found if found < len(self.matches) else 0)

    def _mark_current(self) -> None:
        current = (_span(self.matches[self.current]),) if self.current >= 0 else ()
        self._window.view.delegate.set_marks(Mark.CURRENT_FOUND, current)
        self._window.view.viewport().update()

    def _reveal(self, match: Match) -> None:
        """Select the match's paragraph (which lights its row) and scroll the match itself
        into view: in a tall row, showing the row is not enough."""
        window, view = self._window, self._window.view
        window.select((match.language, match.paragraph))
        row = window.model.row_of(match.language, match.paragraph)
        top_left = QPointF(view.visualRect(window.model.index(row)).topLeft())
        rect = view.delegate.span_rect(row, _span(match)).translated(top_left)
        viewport = view.viewport().rect()
        if rect.top() < viewport.top() or rect.bottom() > viewport.bottom():
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + int(rect.center().y() - viewport.height() / 2))

    def _top_row(self) -> int:
        index = self._window.view.indexAt(QPoint(1, 1))
        return index.row() if index.isValid() else 0

    def _words_arrived(self, tokens: dict) -> None:
        self._search.add_tokens(tokens)

    def _document_changed(self) -> None:
        self._search = DocumentSearch(self._window.model.document)
        query = self.query
        self.current = -1
        self.matches = []
        self.search(query)

    def _reorder(self) -> None:
        if self.matches:
            self._show(self.matches, self.truncated)

    def _words_ready(self) -> None:
        if searches_pinyin(self.query):
            self.search(self.query)
