"""Where the reader is in each document, kept so that reopening a document returns there.

The place is the paragraph at the top of the view (side and index), keyed by the document's
content, so it survives a new alignment, a new window size and a moved file. It is written
when another document replaces this one, when the window closes, and a moment after the
reader stops scrolling. Reopening scrolls back as soon as the paragraph's row is laid out,
and again when the aligner's rows replace the first ones, until the text is ready or the
reader moves on. A new alignment (the aligner's result, an edit) keeps the paragraph at the
top where it stood, to the pixel, however the rows above it changed (an undo then brings the
rows it changed into view, if they are off screen: see MainWindow's `_show_edit`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal, SignalInstance
from PySide6.QtWidgets import QWidget

from reader.core.document import Document
from reader.core.errors import StoreError
from reader.core.store import Store
from reader.ui.row_delegate import ParagraphKey
from reader.ui.row_model import RowModel
from reader.ui.row_view import RowView

SAVE_DELAY_MS = 1500  # after the last scroll: one write per reading pause, not per pixel
LEAD = 8  # pixels of room kept above the paragraph at the top


class ReadingPositions(QObject):
    """Saves and restores the reading position of the document in `view`."""

    store_failed = Signal(str)  # a one-line message: positions last only for this session

    def __init__(
        self,
        window: QWidget,
        view: RowView,
        store: Store | None,
        text_ready: SignalInstance,
    ) -> None:
        super().__init__(window)
        self._view = view
        self._model: RowModel = view.model()
        self._store = store
        self._remembered: dict[str, ParagraphKey] = {}  # this session's, whatever the store
        self._key: str | None = None
        self._pending: ParagraphKey | None = None  # a position still to be scrolled back to
        self._held: tuple[ParagraphKey, float] | None = None  # the top paragraph while rows change
        self._text_ready = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        scroll_bar = view.verticalScrollBar()
        scroll_bar.valueChanged.connect(self._scrolled)
        scroll_bar.rangeChanged.connect(self._restore)
        scroll_bar.actionTriggered.connect(self._reader_moved)
        view.paragraph_focused.connect(self._reader_moved)
        view.paragraph_activated.connect(self._reader_moved)
        self._model.modelAboutToBeReset.connect(self.save)
        self._model.modelReset.connect(self._opened)
        self._model.alignment_changing.connect(self._hold_place)
        self._model.alignment_changed.connect(self._alignment_changed)
        text_ready.connect(self._on_text_ready)
        window.installEventFilter(self)
        self._opened()  # the document shown already, if any

    def first_visible(self) -> ParagraphKey | None:
        """The paragraph at the top of the view: of those that reach below its top line, the
        one that starts last above it (or the first one below, in the space between two)."""
        top = self._top_paragraph()
        return None if top is None else top[1]

    def _top_paragraph(self) -> tuple[int, ParagraphKey] | None:
        """`first_visible`, and where its top stands in the viewport."""
        index = self._view.indexAt(QPoint(0, LEAD))
        if not index.isValid():
            return None
        # A row the view has not painted yet may be given more room than its text takes up:
        # then the first paragraph showing is in a row further down.
        for row in range(index.row(), self._model.rowCount()):
            top = self._view.visualRect(self._model.index(row)).top()
            if top > self._view.viewport().height():
                return None
            showing = [
                (top + placed.origin.y(), (placed.language, placed.index))
                for placed in self._view.delegate.row_layout(row).paragraphs
                if top + placed.origin.y() + placed.laid_out.height > LEAD
            ]
            started = [item for item in showing if item[0] <= LEAD]
            if started:
                return max(started, key=lambda item: item[0])
            if showing:
                return min(showing, key=lambda item: item[0])
        return None

    def save(self) -> None:
        """Keep the current document's position (unless it is still on its way back)."""
        self._timer.stop()
        if self._key is None or self._pending is not None:
            return
        position = self.first_visible()
        if position is None:
            return
        self._remembered[self._key] = position
        if self._store is None:
            return
        try:
            self._store.save_reading_position(self._key, *position)
        except StoreError as error:
            self._store = None
            self.store_failed.emit(f"Reading positions last only until the program closes: {error}")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.save()
        return False

    def _opened(self) -> None:
        document = self._model.document
        self._key = document.content_key if document.english or document.chinese else None
        self._text_ready = False
        self._pending = self._stored(document) if self._key else None
        QTimer.singleShot(0, self, self._restore)  # once the window has finished opening it

    def _stored(self, document: Document) -> ParagraphKey | None:
        position = self._remembered.get(self._key or "")
        if position is None and self._store is not None:
            try:
                position = self._store.load_reading_position(self._key or "")
            except StoreError as error:
                self._store = None
                self.store_failed.emit(f"Reading positions cannot be read: {error}")
        if position is None or position[1] >= len(document.side(position[0])):
            return None
        return position

    def _hold_place(self) -> None:
        """Rows are about to change: note where the paragraph at the top stands."""
        if self._pending is None:
            place = self._top_paragraph()
            self._held = None if place is None else (place[1], place[0])

    def _alignment_changed(self) -> None:
        """Rows are consistent again: the paragraph held goes back where it stood."""
        if self._held is not None:
            held, self._held = self._held, None
            self._scroll_to(*held)
        self._restore()

    def _restore(self) -> None:
        """Scroll the pending position to the top, once its row has a place in the view."""
        if self._pending is None:
            return
        if self._scroll_to(self._pending, LEAD) and self._text_ready:
            self._pending = None

    def _scroll_to(self, paragraph: ParagraphKey, y: float) -> bool:
        """Scroll the paragraph's top to `y` in the viewport; False if it is not there (its
        row has no place in the view yet, or the scroll bar's range cut that short)."""
        try:
            row = self._model.row_of(*paragraph)
        except IndexError:  # rows half replaced by an edit: its end calls again
            return False
        rect = self._view.visualRect(self._model.index(row))
        if not rect.isValid():
            return False  # not laid out yet: the layout's next step calls again
        placed = next(
            p
            for p in self._view.delegate.row_layout(row).paragraphs
            if (p.language, p.index) == paragraph
        )
        scroll_bar = self._view.verticalScrollBar()
        # Rounded once, from where the paragraph stands now to where it stood: a paragraph's
        # origin can fall between pixels (a font's line height), and each part rounded on its
        # own moved it by a pixel.
        target = scroll_bar.value() + round(rect.top() + placed.origin.y() - y)
        scroll_bar.setValue(target)
        return scroll_bar.value() == target

    def _on_text_ready(self) -> None:
        self._text_ready = True
        self._restore()

    def _reader_moved(self) -> None:
        self._pending = None

    def _scrolled(self) -> None:
        if self._pending is None and self._key is not None:
            self._timer.start()
