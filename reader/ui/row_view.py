"""The scrolling list of rows; it tracks the mouse so a Chinese word under it shows its pop-up."""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import QEvent, QPointF, QRect, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from reader.core.document import Language
from reader.core.text_service import Token, shared_service
from reader.core.word_info import describe
from reader.ui.fonts import ReaderFonts
from reader.ui.paragraph_layout import ReadingAids
from reader.ui.row_delegate import Mark, ParagraphKey, RowDelegate, Span
from reader.ui.row_model import RowModel
from reader.ui.word_popup import WordPopup

STEP_KEYS = {Qt.Key.Key_Up: -1, Qt.Key.Key_K: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_J: 1}
SIDE_KEYS = {Qt.Key.Key_Left: Language.ENGLISH, Qt.Key.Key_Right: Language.CHINESE}


def token_at(tokens: list[Token], offset: int) -> Token | None:
    starts = [t.start for t in tokens]
    position = bisect_right(starts, offset) - 1
    if position >= 0 and tokens[position].start <= offset < tokens[position].end:
        return tokens[position]
    return None


class RowView(QListView):
    """Rows laid out by a RowDelegate; only the rows on screen are painted."""

    word_hovered = Signal(str)
    paragraph_activated = Signal(object)  # (Language, index): clicked, or Space/Enter on it
    paragraph_focused = Signal(object)  # (Language, index): reached with the keyboard

    def __init__(self, model: RowModel, fonts: ReaderFonts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setModel(model)
        self._delegate = RowDelegate(model, fonts, self)
        self.setItemDelegate(self._delegate)
        self.setMouseTracking(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.popup = WordPopup(self)
        self._hovered: tuple[int, Span] | None = None
        self.current: ParagraphKey | None = None  # the paragraph the keyboard acts on

    @property
    def delegate(self) -> RowDelegate:
        return self._delegate

    def set_aids(self, aids: ReadingAids) -> None:
        self._delegate.set_aids(aids)
        self.popup.colours = aids.colours
        self.clear_hover()
        self.scheduleDelayedItemsLayout()

    def words_arrived(self) -> None:
        """Segmentation delivered words: rows that show ruby or colours need laying out again."""
        aids = self._delegate.aids
        if aids.ruby or aids.colour_text:
            self._delegate.forget_rows()
            self.scheduleDelayedItemsLayout()

    def set_fonts(self, fonts: ReaderFonts) -> None:
        self._delegate.set_fonts(fonts)
        self.clear_hover()
        self.scheduleDelayedItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:
        if self._delegate.set_width(self.viewport().width()):
            self.scheduleDelayedItemsLayout()
        super().resizeEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self.hover_at(event.position())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        key = self.paragraph_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and key is not None:
            self.current = key
            self.paragraph_activated.emit(key)
        super().mousePressEvent(event)

    def paragraph_at(self, position: QPointF) -> ParagraphKey | None:
        index = self.indexAt(position.toPoint())
        if not index.isValid():
            return None
        local = position - QPointF(self.visualRect(index).topLeft())
        return self._delegate.paragraph_at(index.row(), local)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Up/Down (or k/j) step through a side's paragraphs, Left/Right change side,
        Space or Enter act on the current paragraph as a click would."""
        key = event.key()
        target = self._keyboard_target(key)
        if target is not None:
            self.current = target
            self.paragraph_focused.emit(target)
        elif key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current:
            self.paragraph_activated.emit(self.current)
        else:
            super().keyPressEvent(event)

    def _keyboard_target(self, key: int) -> ParagraphKey | None:
        document = self._model.document
        if self.current is None:
            if key in STEP_KEYS or key in SIDE_KEYS:
                side = Language.ENGLISH if document.english else Language.CHINESE
                return (side, 0) if document.side(side) else None
            return None
        language, index = self.current
        if key in STEP_KEYS:
            last = len(document.side(language)) - 1
            return language, max(0, min(last, index + STEP_KEYS[key]))
        if key in SIDE_KEYS:
            other = SIDE_KEYS[key]
            if other is language or not document.side(other):
                return None
            run = self._model.paragraphs(self._model.row_of(language, index), other)
            if run:
                return other, run[0][0]
            return other, min(index, len(document.side(other)) - 1)
        return None

    def leaveEvent(self, event: QEvent) -> None:
        self.clear_hover()
        super().leaveEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.clear_hover()
        super().scrollContentsBy(dx, dy)

    def hover_at(self, position: QPointF) -> None:
        """Highlight the Chinese word at `position` (viewport coordinates) and show its pop-up."""
        found = self._word_at(position)
        if found == self._hovered:
            return
        self.clear_hover()
        if found is None:
            return
        row, span, word = found[0], found[1], found[2]
        self._hovered = (row, span)
        self._delegate.set_marks(Mark.HOVER, (span,))
        index = self._model.index(row)
        self.update(index)
        rect = self._delegate.span_rect(row, span).translated(
            QPointF(self.visualRect(index).topLeft())
        )
        anchor = QRect(self.viewport().mapToGlobal(rect.topLeft().toPoint()), rect.size().toSize())
        self.popup.show_word(describe(shared_service(), word), anchor)
        self.word_hovered.emit(word)

    def clear_hover(self) -> None:
        if self._hovered is None:
            return
        row = self._hovered[0]
        self._hovered = None
        self._delegate.set_marks(Mark.HOVER, ())
        self.popup.hide()
        if row < self._model.rowCount():
            self.update(self._model.index(row))

    def _word_at(self, position: QPointF) -> tuple[int, Span, str] | None:
        index = self.indexAt(position.toPoint())
        if not index.isValid():
            return None
        local = position - QPointF(self.visualRect(index).topLeft())
        hit = self._delegate.hit(index.row(), local)
        if hit is None or hit[0] is not Language.CHINESE:
            return None
        tokens = self._model.tokens(hit[1])
        token = token_at(tokens, hit[2]) if tokens else None
        if token is None or not token.is_chinese:
            return None
        return index.row(), Span(Language.CHINESE, hit[1], token.start, token.end), token.text
