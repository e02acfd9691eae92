"""Keys for the word whose pop-up is open: S saves it to the word list, K marks it as known,
C (or Ctrl+C) copies it, Tab and N step to the next Chinese word, Shift+Tab and P back.

The pop-up never takes the focus, so these keys are watched for on the row view, before the
view (or Qt's Tab focus chain) sees them, and only while a pop-up is open: otherwise every key
goes on to the view as before (j/k and the arrows step through paragraphs). Keys that are
shortcuts of enabled actions (S, in align mode) stay theirs.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence

from reader.core.document import Language
from reader.core.text_service import Token
from reader.ui.row_delegate import Span
from reader.ui.row_model import RowModel
from reader.ui.row_view import RowView


class WordKey(Enum):
    SAVE = "save"
    KNOWN = "known"
    COPY = "copy"
    NEXT = "next"
    PREVIOUS = "previous"


PLAIN_KEYS = {
    Qt.Key.Key_S: WordKey.SAVE,
    Qt.Key.Key_K: WordKey.KNOWN,
    Qt.Key.Key_C: WordKey.COPY,
    Qt.Key.Key_Tab: WordKey.NEXT,
    Qt.Key.Key_N: WordKey.NEXT,
    Qt.Key.Key_P: WordKey.PREVIOUS,
}


def word_key(event: QKeyEvent) -> WordKey | None:
    """What a key press asks of the word, if anything."""
    if event.matches(QKeySequence.StandardKey.Copy):
        return WordKey.COPY
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if event.key() == Qt.Key.Key_Backtab:  # Shift+Tab
        return WordKey.PREVIOUS
    if modifiers == Qt.KeyboardModifier.NoModifier:
        return PLAIN_KEYS.get(Qt.Key(event.key()))
    return None


def neighbour(model: RowModel, span: Span, step: int) -> tuple[int, Token] | None:
    """The Chinese word after (`step` 1) or before (-1) the one at `span`, in reading order,
    among the paragraphs segmented so far: its paragraph and token."""
    paragraph = span.paragraph
    while 0 <= paragraph < len(model.document.chinese):
        words = [t for t in model.tokens(paragraph) or () if t.is_chinese]
        if paragraph == span.paragraph:
            words = [t for t in words if (t.start >= span.end if step > 0 else t.end <= span.start)]
        if words:
            return paragraph, words[0 if step > 0 else -1]
        paragraph += step
    return None


class WordKeys(QObject):
    """Watches the row view's keys while a pop-up is open; copying and stepping are done
    here, saving and marking are asked of whoever listens."""

    save_requested = Signal(int, object, str)  # row, Span, word
    known_requested = Signal(str)
    copied = Signal(str)

    def __init__(self, view: RowView, model: RowModel) -> None:
        super().__init__(view)
        self._view = view
        self._model = model
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        hovered = self._view.hovered
        if (
            event.type() != QEvent.Type.KeyPress
            or hovered is None
            or not self._view.popup.isVisible()
        ):
            return False
        key = word_key(event)
        if key is None:
            return False
        row, span = hovered
        word = self._model.document.chinese[span.paragraph].text[span.start : span.end]
        if key is WordKey.SAVE:
            self.save_requested.emit(row, span, word)
        elif key is WordKey.KNOWN:
            self.known_requested.emit(word)
        elif key is WordKey.COPY:
            QGuiApplication.clipboard().setText(word)
            self.copied.emit(word)
        else:
            self.step(span, 1 if key is WordKey.NEXT else -1)
        return True

    def step(self, span: Span, step: int) -> None:
        """Move the highlight and the pop-up to the neighbouring word, scrolling to it."""
        found = neighbour(self._model, span, step)
        if found is None:
            return
        paragraph, token = found
        row = self._model.row_of(Language.CHINESE, paragraph)
        target = Span(Language.CHINESE, paragraph, token.start, token.end)
        self._view.hover_at(self._bring_into_view(row, target))

    def _bring_into_view(self, row: int, span: Span) -> QPointF:
        """Scroll so that the span is on screen; where its middle then is, in the viewport."""
        index = self._model.index(row)
        self._view.scrollTo(index)
        rect = self._span_rect(row, span)
        viewport = self._view.viewport().rect()
        if not viewport.contains(rect.toAlignedRect()):
            bar = self._view.verticalScrollBar()
            bar.setValue(bar.value() + round(rect.center().y() - viewport.height() / 2))
            rect = self._span_rect(row, span)
        return rect.center()

    def _span_rect(self, row: int, span: Span) -> QRectF:
        top_left = QPointF(self._view.visualRect(self._model.index(row)).topLeft())
        return self._view.delegate.span_rect(row, span).translated(top_left)
