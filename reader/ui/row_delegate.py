"""Paints a row: its English paragraphs on the left, its Chinese ones level with them on the right.

Text is laid out with QTextLayout as plain text, so nothing in a document is ever read as
markup. Layouts and heights are kept by the paragraphs a row joins, not by its number, and
dropped when the width or the fonts change: when the alignment changes, rows that join the same
paragraphs as before keep theirs wherever they moved, with no work at all (the aligner's result
replaces most of a novel's 20,000 rows at once, on the window's thread).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from enum import Enum
from functools import partial
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from PySide6 import QtCore  # QtCore.Qt when used: making Qt's enums is not the first paint's job
from PySide6.QtCore import QModelIndex, QPointF, QRectF
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTextLayout,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.core.document import Language
from reader.ui.fonts import ReaderFonts
from reader.ui.paragraph_layout import ParagraphLayout, ReadingAids, draw_ruby, lay_out
from reader.ui.row_heights import HeightEstimate, Measured
from reader.ui.row_model import RowModel

if TYPE_CHECKING:
    from PySide6.QtGui import QTextCharFormat

    from reader.core.alignment import Link
    from reader.core.document import Document

MARGIN = 14  # around and between the columns, in pixels
CACHE_ROWS = 400
DOUBTFUL_BELOW = 0.5  # links the aligner is less sure of than this are marked
DOUBT_COLOUR = QColor("#e8a33d")
SEPARATOR_OPACITY = 0.16  # the line between rows: the text colour, faint

ParagraphKey = tuple[Language, int]
RowKey = tuple[range, range]  # the paragraphs a row joins, English and Chinese
_ROW_KEY: Callable[[Link], RowKey] = attrgetter("english", "chinese")


class Span(NamedTuple):
    """Characters `start`..`end` of one paragraph of one side."""

    language: Language
    paragraph: int
    start: int
    end: int


class Mark(Enum):
    """Kinds of marked text, painted in this order so that later ones show on top."""

    SAVED = "saved"  # words in the reader's word list
    FOUND = "found"  # search results
    CURRENT_FOUND = "current found"  # the search result the reader stepped to
    SENTENCE = "sentence"  # the sentence under the mouse and its counterpart
    TRANSLATION = "translation"  # the other language's words for the word under the mouse
    SELECTION = "selection"  # characters the reader is selecting
    HOVER = "hover"  # the word under the mouse


def mark_format(mark: Mark, palette: QPalette) -> QTextCharFormat:
    """How a kind of mark looks, from the palette so that it suits light and dark themes."""
    from PySide6.QtGui import QTextCharFormat  # see paragraph_layout

    fmt = QTextCharFormat()
    highlight = palette.color(QPalette.ColorRole.Highlight)
    if mark in (Mark.HOVER, Mark.SELECTION):
        fmt.setBackground(highlight)
        fmt.setForeground(palette.color(QPalette.ColorRole.HighlightedText))
    elif mark is Mark.TRANSLATION:
        tint = QColor(highlight)
        tint.setAlpha(110)
        fmt.setBackground(tint)
    elif mark is Mark.SENTENCE:
        tint = QColor(highlight)
        tint.setAlpha(35)
        fmt.setBackground(tint)
    elif mark is Mark.FOUND:
        fmt.setBackground(QColor(255, 214, 0, 150))
    elif mark is Mark.CURRENT_FOUND:  # opaque, and dark text on it in any theme
        fmt.setBackground(QColor(255, 140, 0))
        fmt.setForeground(QColor(QtCore.Qt.GlobalColor.black))
    else:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(highlight)
    return fmt


class PlacedParagraph(NamedTuple):
    language: Language
    index: int
    laid_out: ParagraphLayout
    origin: QPointF  # top left, relative to the row's top left

    @property
    def layout(self) -> QTextLayout:
        return self.laid_out.layout


class RowLayout(NamedTuple):
    height: int
    paragraphs: tuple[PlacedParagraph, ...]


class RowDelegate(QStyledItemDelegate):
    """Lays out, paints and hit-tests rows of a RowModel; the view asks it how tall rows are."""

    def __init__(self, model: RowModel, fonts: ReaderFonts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._fonts = fonts
        self._width = 800
        self._cache: OrderedDict[RowKey, RowLayout] = OrderedDict()
        self._marks: dict[Mark, tuple[Span, ...]] = {}
        self.selected: frozenset[ParagraphKey] = frozenset()  # a paragraph and its counterparts
        self.anchor: ParagraphKey | None = None  # align mode: the first end of a new link
        self._aids = ReadingAids()
        self._heights: dict[RowKey, int] = {}  # rows laid out since the last change of fonts etc.
        self._estimate: HeightEstimate | None = None  # for rows not laid out
        model.modelReset.connect(self._forget_all)

    def _forget_all(self) -> None:
        self._cache.clear()
        self._heights.clear()

    def _forget_sizes(self) -> None:
        """Fonts, aids or width changed: every row is measured again."""
        self._forget_all()
        self._estimate = None

    @property
    def fonts(self) -> ReaderFonts:
        return self._fonts

    @property
    def aids(self) -> ReadingAids:
        return self._aids

    def set_aids(self, aids: ReadingAids) -> None:
        self._aids = aids
        self._forget_sizes()

    def forget_rows(self, chinese: Iterable[int] | None = None) -> None:
        """Lay rows out again (new words arrived, say): every row, or those that hold these
        Chinese paragraphs."""
        if chinese is None:
            self._forget_all()
            return
        for index in chinese:
            key = _ROW_KEY(self._model.link(self._model.row_of(Language.CHINESE, index)))
            self._cache.pop(key, None)
            self._heights.pop(key, None)

    def set_fonts(self, fonts: ReaderFonts) -> None:
        self._fonts = fonts
        self._forget_sizes()

    def set_width(self, width: int) -> bool:
        """Set the width rows are laid out in; True if that changed anything."""
        if width == self._width:
            return False
        self._width = width
        self._forget_sizes()
        return True

    def column_width(self) -> float:
        return max(60.0, (self._width - 3 * MARGIN) / 2)

    def row_layout(self, row: int) -> RowLayout:
        key = _ROW_KEY(self._model.link(row))
        cached = self._cache.get(key)
        if cached is not None and self._has_its_words(cached):
            self._cache.move_to_end(key)
            return cached
        width = self.column_width()
        placed: list[PlacedParagraph] = []
        bottom = 0.0
        for column, language in enumerate(Language):
            x = MARGIN + column * (width + MARGIN)
            y = float(MARGIN) * 0.6
            body = self._fonts.english if language is Language.ENGLISH else self._fonts.chinese
            for index, paragraph in self._model.paragraphs(row, language):
                font = self._fonts.heading(body) if paragraph.heading else body
                tokens = self._model.tokens(index) if language is Language.CHINESE else None
                laid_out = lay_out(paragraph.text, font, width, tokens, self._aids)
                placed.append(PlacedParagraph(language, index, laid_out, QPointF(x, y)))
                y += laid_out.height + self._fonts.point_size * 0.8
            bottom = max(bottom, y)
        result = RowLayout(int(bottom + MARGIN * 0.4), tuple(placed))
        self._cache[key] = result
        self._heights[key] = result.height
        if len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)
        return result

    def _has_its_words(self, cached: RowLayout) -> bool:
        """Whether a layout was made with the words its Chinese paragraphs have now, if words
        shape it: one kept from an earlier alignment missed the words that arrived since
        (`forget_rows` drops only the layouts of the rows there are now)."""
        tokens = self._model.tokens
        return not self._aids.use_words or all(
            p.laid_out.tokens is tokens(p.index)
            for p in cached.paragraphs
            if p.language is Language.CHINESE
        )

    def _current_estimate(self) -> HeightEstimate:
        if self._estimate is None:
            self._estimate = HeightEstimate(self._fonts, self._aids, self.column_width())
        return self._estimate

    def heights(self) -> list[int]:
        """Every row's height: real for the rows laid out, estimated for the others."""
        model = self._model
        estimate = self._current_estimate()
        links = model.links()
        estimated = estimate.rows(model.document, links, MARGIN * 0.6, MARGIN * 0.4)
        if not self._heights:  # a document just opened
            return estimated
        return list(map(self._heights.get, map(_ROW_KEY, links), estimated))  # in C: 20,000 rows

    def measurer(self) -> Callable[[Document, Sequence[Link]], Measured]:
        """What `heights` works out for a document and its links, as a function a worker
        may call (a novel's 20,000 rows take some tens of milliseconds); `adopt` takes its
        result, unless fonts, aids or width have changed since."""
        estimate = self._current_estimate().prime()
        return partial(estimate.measure_ahead, top=MARGIN * 0.6, bottom=MARGIN * 0.4)

    def adopt(self, measured: Measured) -> None:
        self._current_estimate().adopt(measured)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        # The painter starts with the viewport's text colour, and the separator is that colour
        # made faint. Setting a pen or a brush is left to marks and doubts, which the first
        # paint seldom has: PySide matches those calls against Qt's namespace enums, which
        # makes all 90 of them (some 25 ms) the first time. The separator is filled, not
        # stroked: a faint line took 0.7 ms a row to draw, a faint fill a hundredth of that.
        painter.save()
        palette = option.palette
        separator = QPainterPath()
        separator.addRect(QRectF(option.rect.left(), option.rect.bottom(), option.rect.width(), 1))
        painter.setOpacity(SEPARATOR_OPACITY)
        painter.fillPath(separator, painter.pen().brush())
        painter.setOpacity(1.0)
        top_left = QPointF(option.rect.topLeft())
        row_layout = self.row_layout(index.row())
        for placed in row_layout.paragraphs:
            self._paint_paragraph_marks(painter, placed, top_left, palette)
        if self._model.link(index.row()).confidence < DOUBTFUL_BELOW:
            gutter = QRectF(
                top_left.x() + MARGIN + self.column_width() + MARGIN / 2 - 2,
                top_left.y() + 4,
                4,
                row_layout.height - 8,
            )
            painter.fillRect(gutter, DOUBT_COLOUR)
        for placed in row_layout.paragraphs:
            origin = top_left + placed.origin
            placed.layout.draw(painter, origin, self._selections(placed, palette))
            draw_ruby(painter, placed.laid_out, origin, self._aids)
        painter.restore()

    def _paint_paragraph_marks(
        self, painter: QPainter, placed: PlacedParagraph, top_left: QPointF, palette: QPalette
    ) -> None:
        key = (placed.language, placed.index)
        if key not in self.selected and key != self.anchor:
            return
        box = self._paragraph_box(placed).translated(top_left).adjusted(-5, -3, 5, 3)
        if key in self.selected:
            fill = QColor(palette.color(QPalette.ColorRole.Highlight))
            fill.setAlpha(45)
            painter.fillRect(box, fill)
        if key == self.anchor:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 2, QtCore.Qt.PenStyle.DashLine)
            painter.save()
            painter.setPen(pen)
            painter.drawRect(box)
            painter.restore()

    def _paragraph_box(self, placed: PlacedParagraph) -> QRectF:
        height = placed.laid_out.height
        return QRectF(placed.origin.x(), placed.origin.y(), self.column_width(), height)

    def paragraph_at(self, row: int, point: QPointF) -> ParagraphKey | None:
        """The paragraph whose box holds `point` (relative to the row), or the nearest one of
        that column, so that a click in the white space between paragraphs still counts."""
        nearest: tuple[float, ParagraphKey] | None = None
        for placed in self.row_layout(row).paragraphs:
            box = self._paragraph_box(placed)
            if not box.left() <= point.x() <= box.right():
                continue
            distance = max(box.top() - point.y(), point.y() - box.bottom(), 0.0)
            if nearest is None or distance < nearest[0]:
                nearest = (distance, (placed.language, placed.index))
        return nearest[1] if nearest else None

    def marks(self, mark: Mark) -> tuple[Span, ...]:
        return self._marks.get(mark, ())

    def set_marks(self, mark: Mark, spans: tuple[Span, ...]) -> None:
        """Mark `spans` (replacing the marks of that kind); the caller repaints."""
        if spans:
            self._marks[mark] = spans
        else:
            self._marks.pop(mark, None)

    def _selections(self, placed: PlacedParagraph, palette: QPalette) -> list:
        ranges = []
        key = (placed.language, placed.index)
        for mark in Mark:
            spans = [s for s in self._marks.get(mark, ()) if (s.language, s.paragraph) == key]
            if not spans:
                continue
            fmt = mark_format(mark, palette)
            for span in spans:
                selection = QTextLayout.FormatRange()
                selection.start, selection.length, selection.format = (
                    span.start,
                    span.end - span.start,
                    fmt,
                )
                ranges.append(selection)
        return ranges

    def hit(self, row: int, point: QPointF) -> tuple[Language, int, int] | None:
        """The character under `point` (relative to the row's top left): side, paragraph, offset."""
        for placed in self.row_layout(row).paragraphs:
            local = point - placed.origin
            layout = placed.layout
            for n in range(layout.lineCount()):
                line = layout.lineAt(n)
                if (
                    line.y() <= local.y() < line.y() + line.height()
                    and line.x() <= local.x() < line.x() + line.naturalTextWidth()
                ):
                    offset = line.xToCursor(local.x(), line.CursorPosition.CursorOnCharacter)
                    return placed.language, placed.index, offset
        return None

    def span_rect(self, row: int, span: Span) -> QRectF:
        """Where a span's first line stands, relative to the row's top left (to place a pop-up)."""
        for placed in self.row_layout(row).paragraphs:
            if (placed.language, placed.index) != (span.language, span.paragraph):
                continue
            line = placed.layout.lineForTextPosition(span.start)
            left, _ = line.cursorToX(span.start)
            right, _ = line.cursorToX(min(span.end, line.textStart() + line.textLength()))
            return QRectF(
                placed.origin.x() + left,
                placed.origin.y() + line.y(),
                max(1.0, right - left),
                line.height(),
            )
        return QRectF()
