"""Row heights for a long document without laying every row out.

A view asks every row for its height before it can scroll; laying text out costs about half
a millisecond a row, ten seconds for 20,000 rows. Rows never shown are given an estimate from
their length and the fonts' metrics instead, all rows in one pass; a row's real height replaces
the estimate when the row is laid out to be painted, and the view is told of that row alone (a
tree view keeps each row's height and measures again only the rows it is told of), keeping the
row at the top of the window where it was.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import accumulate

from PySide6 import QtCore  # QtCore.Qt when used: making Qt's enums is not the first paint's job
from PySide6.QtCore import QObject, QPoint, QTimer
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QTreeView

from reader.core.alignment import Link
from reader.core.document import Document, Language, Paragraph
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

    def heights(self, language: Language, paragraphs: Sequence[Paragraph]) -> list[float]:
        """How much room each paragraph takes, the space after it included."""
        heights = []
        for paragraph in paragraphs:
            char, line = self._line(language, paragraph.heading)
            lines = max(1, math.ceil(len(paragraph.text) * char / self._width))
            heights.append(lines * line + self._fonts.point_size * 0.8)
        return heights

    def rows(
        self, document: Document, links: Sequence[Link], top: float, bottom: float
    ) -> list[int]:
        """Every row's height: its taller side's paragraphs between margins `top` and `bottom`."""
        ends = {  # where each paragraph ends, from the top of its side
            language: [0.0, *accumulate(self.heights(language, document.side(language)))]
            for language in Language
        }
        english, chinese = ends[Language.ENGLISH], ends[Language.CHINESE]
        return [
            int(
                top
                + max(
                    english[link.english.stop] - english[link.english.start],
                    chinese[link.chinese.stop] - chinese[link.chinese.start],
                )
                + bottom
            )
            for link in links
        ]


class HeightKeeper(QObject):
    """Tells the view of rows whose real height differs from the one it used: once per pass
    of the event loop, those rows alone, the top row kept in place."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._rows: set[int] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._update)
        view.itemDelegate().height_changed.connect(self._changed)

    def _changed(self, row: int) -> None:
        self._rows.add(row)
        self._timer.start()

    def _update(self) -> None:
        view, model = self._view, self._view.model()
        rows, self._rows = sorted(self._rows), set()
        top = view.indexAt(QPoint(1, 1))
        offset = view.visualRect(top).top() if top.isValid() else 0
        for row in rows:
            if row < model.rowCount():
                index = model.index(row, 0)
                view.dataChanged(index, index, [QtCore.Qt.ItemDataRole.SizeHintRole])
        if top.isValid():
            bar = view.verticalScrollBar()
            bar.setValue(bar.value() + view.visualRect(top).top() - offset)
