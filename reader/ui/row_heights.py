"""Row heights for a long document without laying every row out.

A list view asks every row for its height before it can scroll; laying text out costs about half
a millisecond a row, ten seconds for 20,000 rows. Rows never shown are given an estimate from
their length and the fonts' metrics instead; a row's real height replaces the estimate when the
row is laid out to be painted, and the view then lays its rows out again once, keeping the row at
the top of the window where it was.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QListView

from reader.core.document import Language, Paragraph
from reader.ui.fonts import ReaderFonts
from reader.ui.paragraph_layout import ReadingAids, ruby_font_for


class HeightEstimate:
    """A row's height from its paragraphs' lengths, in the delegate's own arithmetic."""

    def __init__(self, fonts: ReaderFonts, aids: ReadingAids, width: float) -> None:
        self._fonts = fonts
        self._aids = aids
        self._width = width
        self._metrics: dict[tuple[Language, bool], tuple[float, float]] = {}

    def _line(self, language: Language, heading: bool) -> tuple[float, float]:
        """(width of an average character, height of a line) for one side and kind."""
        key = (language, heading)
        if key not in self._metrics:
            body = self._fonts.english if language is Language.ENGLISH else self._fonts.chinese
            font = self._fonts.heading(body) if heading else body
            metrics = QFontMetricsF(font)
            char = metrics.averageCharWidth()
            height = metrics.height()
            if language is Language.CHINESE:
                char = metrics.horizontalAdvance("中")
                if self._aids.ruby:
                    height += QFontMetricsF(ruby_font_for(QFont(font))).height()
            self._metrics[key] = (char, height)
        return self._metrics[key]

    def side(self, language: Language, paragraphs: Sequence[Paragraph], top: float) -> float:
        """Where the last of `paragraphs` ends, the first starting at `top`."""
        y = top
        for paragraph in paragraphs:
            char, line = self._line(language, paragraph.heading)
            lines = max(1, math.ceil(len(paragraph.text) * char / self._width))
            y += lines * line + self._fonts.point_size * 0.8
        return y


class HeightKeeper(QObject):
    """Lays the view's rows out again when the delegate has found real heights that differ
    from what the view used: once per pass of the event loop, the top row kept in place."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._relayout)
        view.itemDelegate().heights_changed.connect(self._timer.start)

    def _relayout(self) -> None:
        view = self._view
        top = view.indexAt(QPoint(1, 1))
        offset = view.visualRect(top).top() if top.isValid() else 0
        mode = view.layoutMode()
        view.setLayoutMode(QListView.LayoutMode.SinglePass)  # batches would start at the top
        view.doItemsLayout()
        view.setLayoutMode(mode)
        if top.isValid():
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + view.visualRect(top).top() - offset)
