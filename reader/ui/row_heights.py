"""Row heights for a long document without laying every row out.

Laying text out costs about half a millisecond a row, ten seconds for 20,000 rows. Rows never
shown are given an estimate from their length and the fonts' metrics instead, all rows in one
pass; a row's real height replaces the estimate when the row is laid out to be painted.
`RowGeometry` keeps where every row stands, so that finding the row at a height, or the height
of a row, costs a look-up however long the document.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from math import ceil

from PySide6.QtGui import QFont, QFontMetricsF

from reader.core.alignment import Link
from reader.core.document import Document, Language
from reader.ui.fonts import ReaderFonts
from reader.ui.paragraph_layout import ReadingAids, ruby_font_for


class HeightEstimate:
    """A row's height from its paragraphs' lengths, in the delegate's own arithmetic.

    Each side's paragraphs are measured once for a document (and these fonts, aids and
    width): a new alignment of the same text only adds them up again."""

    def __init__(self, fonts: ReaderFonts, aids: ReadingAids, width: float) -> None:
        self._fonts = fonts
        self._aids = aids
        self._width = width
        self._metrics: dict[tuple[Language, bool], tuple[float, float]] = {}
        self._document: Document | None = None
        self._ends: dict[Language, list[float]] = {}

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

    def _paragraph_ends(self, document: Document, language: Language) -> list[float]:
        """Where each paragraph of one side ends, from the top of the side, the space after
        it included (a 0 first, for the top)."""
        if document is not self._document:
            self._document, self._ends = document, {}
        if language not in self._ends:
            char, line = self._line(language, False)
            heading_char, heading_line = self._line(language, True)
            per_char, per_heading_char = char / self._width, heading_char / self._width
            gap = self._fonts.point_size * 0.8
            heights = (  # lines (one at least) times their height: `ceil` is the quick way
                (ceil(len(p.text) * per_heading_char) or 1) * heading_line + gap
                if p.heading
                else (ceil(len(p.text) * per_char) or 1) * line + gap
                for p in document.side(language)
            )
            self._ends[language] = [0.0, *accumulate(heights)]
        return self._ends[language]

    def rows(
        self, document: Document, links: Sequence[Link], top: float, bottom: float
    ) -> list[int]:
        """Every row's height: its taller side's paragraphs between margins `top` and `bottom`."""
        english = self._paragraph_ends(document, Language.ENGLISH)
        chinese = self._paragraph_ends(document, Language.CHINESE)
        margins = top + bottom
        return [
            int(
                margins
                + max(
                    english[link.english.stop] - english[link.english.start],
                    chinese[link.chinese.stop] - chinese[link.chinese.start],
                )
            )
            for link in links
        ]


class RowGeometry:
    """Every row's height and top, in pixels from the top of the document. Tops are worked
    out again only from the first row whose height changed, and only when asked for."""

    def __init__(self) -> None:
        self._heights: list[int] = []
        self._tops: list[int] = [0]
        self._stale_from: int | None = None  # tops from this row on need adding up again

    def reset(self, heights: Sequence[int]) -> None:
        self._heights = list(heights)
        self._stale_from = 0

    def __len__(self) -> int:
        return len(self._heights)

    def height(self, row: int) -> int:
        return self._heights[row]

    def set_height(self, row: int, height: int) -> bool:
        """Give `row` its real height; True if that moved the rows below it."""
        if self._heights[row] == height:
            return False
        self._heights[row] = height
        self._stale_from = row if self._stale_from is None else min(self._stale_from, row)
        return True

    def _added_up(self) -> list[int]:
        start = self._stale_from
        if start is not None:
            self._stale_from = None
            del self._tops[start + 1 :]
            sums = accumulate(self._heights[start:], initial=self._tops[start])
            next(sums)  # the top of `start` itself, kept
            self._tops.extend(sums)
        return self._tops

    def top(self, row: int) -> int:
        return self._added_up()[row]

    @property
    def total(self) -> int:
        return self._added_up()[-1]

    def row_at(self, y: int) -> int:
        """The row that holds height `y` (-1 above the first row, len(self) below the last)."""
        if y < 0:
            return -1
        return min(bisect_right(self._added_up(), y) - 1, len(self._heights))
