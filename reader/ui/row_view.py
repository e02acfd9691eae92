"""The scrolling list of rows; it tracks the mouse so a Chinese word under it shows its pop-up,
and tells where the mouse rests so that its counterparts can light up."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from PySide6 import QtCore  # QtCore.Qt when used: making Qt's enums is not the first paint's job
from PySide6.QtCore import QEvent, QPointF, QRect, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

from reader.core.document import Language
from reader.core.foreground import in_foreground
from reader.ui.fonts import ReaderFonts
from reader.ui.lazy_rows_view import LazyRowsView
from reader.ui.paragraph_layout import ReadingAids
from reader.ui.row_delegate import Mark, ParagraphKey, RowDelegate, Span
from reader.ui.row_model import RowModel

if TYPE_CHECKING:  # the hover's modules are imported on the first hover, not before the paint
    from reader.core.text_service import Token
    from reader.ui.word_popup import WordPopup


@cache
def step_keys() -> dict[int, int]:
    """Up/Down and k/j: a paragraph back or forward."""
    key = QtCore.Qt.Key
    return {key.Key_Up: -1, key.Key_K: -1, key.Key_Down: 1, key.Key_J: 1}


@cache
def side_keys() -> dict[int, Language]:
    """Left and Right: to the English side or the Chinese one."""
    key = QtCore.Qt.Key
    return {key.Key_Left: Language.ENGLISH, key.Key_Right: Language.CHINESE}


@cache
def activate_keys() -> frozenset[int]:
    """Space and Enter: act on the current paragraph as a click would."""
    key = QtCore.Qt.Key
    return frozenset((key.Key_Space, key.Key_Return, key.Key_Enter))


def token_at(tokens: list[Token], offset: int) -> Token | None:
    starts = [t.start for t in tokens]
    position = bisect_right(starts, offset) - 1
    if position >= 0 and tokens[position].start <= offset < tokens[position].end:
        return tokens[position]
    return None


class RowView(LazyRowsView):
    """Rows laid out by a RowDelegate; only the rows on screen are laid out and painted."""

    word_hovered = Signal(str)
    place_hovered = Signal(int, object, int)  # row, (Language, index), offset: where it rests
    hover_left = Signal()  # the mouse rests on no text any more
    paragraph_activated = Signal(object)  # (Language, index): clicked, or Space/Enter on it
    paragraph_focused = Signal(object)  # (Language, index): reached with the keyboard

    def __init__(self, model: RowModel, fonts: ReaderFonts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._delegate = RowDelegate(model, fonts, self)
        self.setItemDelegate(self._delegate)
        self.setModel(model)
        self.setMouseTracking(True)
        self._popup: WordPopup | None = None
        self._hovered: tuple[int, Span] | None = None
        self._place: tuple[int, Language, int, int] | None = None  # row, side, paragraph, offset
        self.hover_english = True  # English words light up too (they have no pop-up)
        self._position: QPointF | None = None  # the mouse's, while it rests on text
        self._resting: QPointF | None = None  # the mouse's, while the rows change under it
        model.alignment_changed.connect(self._realigned)
        self.current: ParagraphKey | None = None  # the paragraph the keyboard acts on

    @property
    def delegate(self) -> RowDelegate:
        return self._delegate

    @property
    def popup(self) -> WordPopup:
        """The hovered word's pop-up, made when first wanted unless made before."""
        self.make_popup()
        return self._popup

    def make_popup(self) -> None:
        """Make the pop-up now (the first paint does without it); nothing if it is made."""
        if self._popup is None:
            from reader.ui.word_popup import WordPopup

            self._popup = WordPopup(self)
            self._popup.colours = self._delegate.aids.colours

    @property
    def hovered(self) -> tuple[int, Span] | None:
        """The row and place of the word under the mouse (a Chinese one has its pop-up open)."""
        return self._hovered

    def set_aids(self, aids: ReadingAids) -> None:
        self._delegate.set_aids(aids)
        if self._popup is not None:
            self._popup.colours = aids.colours
        self.clear_hover()
        self.relayout()

    def words_arrived(self, chinese: Iterable[int] | None = None) -> None:
        """Segmentation delivered words (of these Chinese paragraphs, or of any): rows that show
        ruby or colours need laying out again, and take their new heights when painted."""
        if self._delegate.aids.use_words:
            self._delegate.forget_rows(chinese)
            self.viewport().update()

    def set_fonts(self, fonts: ReaderFonts) -> None:
        self._delegate.set_fonts(fonts)
        self.clear_hover()
        self.relayout()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        self.hover_at(event.position())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        key = self.paragraph_at(event.position())
        if event.button() == QtCore.Qt.MouseButton.LeftButton and key is not None:
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
        elif key in activate_keys() and self.current:
            self.paragraph_activated.emit(self.current)
        else:
            super().keyPressEvent(event)

    def _keyboard_target(self, key: int) -> ParagraphKey | None:
        document = self._model.document
        if self.current is None:
            if key in step_keys() or key in side_keys():
                side = Language.ENGLISH if document.english else Language.CHINESE
                return (side, 0) if document.side(side) else None
            return None
        language, index = self.current
        if key in step_keys():
            last = len(document.side(language)) - 1
            return language, max(0, min(last, index + step_keys()[key]))
        if key in side_keys():
            other = side_keys()[key]
            if other is language or not document.side(other):
                return None
            run = self._model.paragraphs(self._model.row_of(language, index), other)
            if run:
                return other, run[0][0]
            return other, min(index, len(document.side(other)) - 1)
        return None

    def leaveEvent(self, event: QEvent) -> None:
        self._resting = None
        self.clear_hover()
        super().leaveEvent(event)

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.clear_hover()
        super().scrollContentsBy(dx, dy)

    @in_foreground
    def hover_at(self, position: QPointF) -> None:
        """Follow the mouse to `position` (viewport coordinates): highlight the word there (a
        Chinese one with its pop-up) and say where the mouse rests, whenever that changes."""
        place = self._place_at(position)
        if place == self._place:
            return
        if place is None:
            self.clear_hover()
            return
        self._place, self._position = place, position
        word = self._word_at(*place)
        if word != self._hovered:
            self._hover_word(word)
        row, language, paragraph, offset = place
        self.place_hovered.emit(row, (language, paragraph), offset)

    def clear_hover(self) -> None:
        if self._place is None:
            return
        self._place = None
        self._position = None
        self._hover_word(None)
        self.hover_left.emit()

    def _realigned(self) -> None:
        """A new alignment (the aligner's result, say): the rows under the mouse may be other
        rows now. The hover is taken away, and made again where the mouse rests once the
        view has put the reader's paragraph back in place (see ReadingPositions)."""
        self._resting = self._position
        self.clear_hover()
        if self._resting is not None:
            QTimer.singleShot(0, self, self._hover_again)

    def _hover_again(self) -> None:
        position, self._resting = self._resting, None
        if position is not None and self._place is None:  # the mouse rests there still
            self.hover_at(position)

    def _hover_word(self, word: tuple[int, Span] | None) -> None:
        """Move the highlight to `word` (row and place), or take it away; a Chinese word
        shows its pop-up."""
        before, self._hovered = self._hovered, word
        self._delegate.set_marks(Mark.HOVER, () if word is None else (word[1],))
        for hovered in (before, word):
            if hovered is not None and hovered[0] < self._model.rowCount():
                self.update(self._model.index(hovered[0]))
        if word is None or word[1].language is Language.ENGLISH:
            if self._popup is not None:
                self._popup.hide()
            return
        from reader.core.text_service import shared_service
        from reader.core.word_info import describe

        row, span = word
        text = self._model.document.chinese[span.paragraph].text[span.start : span.end]
        service = shared_service()
        token = token_at(self._model.tokens(span.paragraph) or [], span.start)
        if token is not None:  # its reading, so that describing it never waits for pypinyin
            service.remember_readings((token,))
        rect = self._delegate.span_rect(row, span).translated(
            QPointF(self.visualRect(self._model.index(row)).topLeft())
        )
        anchor = QRect(self.viewport().mapToGlobal(rect.topLeft().toPoint()), rect.size().toSize())
        self.popup.show_word(describe(service, text), anchor)
        self.word_hovered.emit(text)

    def _place_at(self, position: QPointF) -> tuple[int, Language, int, int] | None:
        """The character under `position`: row, side, paragraph, offset."""
        index = self.indexAt(position.toPoint())
        if not index.isValid():
            return None
        local = position - QPointF(self.visualRect(index).topLeft())
        hit = self._delegate.hit(index.row(), local)
        return None if hit is None else (index.row(), *hit)

    def _word_at(
        self, row: int, language: Language, paragraph: int, offset: int
    ) -> tuple[int, Span] | None:
        """The word at a place: a Chinese word as segmented, or an English word or number."""
        if language is Language.ENGLISH:
            from reader.core.english_words import word_at

            text = self._model.document.english[paragraph].text
            found = word_at(text, offset) if self.hover_english else None
            return None if found is None else (row, Span(language, paragraph, *found))
        tokens = self._model.tokens(paragraph)
        token = token_at(tokens, offset) if tokens else None
        if token is None or not token.is_chinese:
            return None
        return row, Span(language, paragraph, token.start, token.end)
