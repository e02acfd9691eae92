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
from typing import NamedTuple

from PySide6.QtGui import QFont, QFontMetricsF

from reader.core.alignment import Link
from reader.core.document import Document, Language
from reader.ui.fonts import ReaderFonts
from reader.ui.paragraph_layout import ReadingAids, ruby_font_for


class HeightEstimate:
    """A row's height from its paragraphs' lengths, in the delegate's own arithmetic.

    Each side's paragraphs are measured once for a document (and these fonts, aids and
    width): a new alignment of the same text only adds them up again. A document being
    opened can be measured on a worker (`measure_ahead`, once `prime` has read the fonts on
    the window's thread), and the result handed over with it (`adopt`)."""

    def __init__(self, fonts: ReaderFonts, aids: ReadingAids, width: float) -> None:
        self._fonts = fonts
        self._aids = aids
        self._width = width
        self._metrics: dict[tuple[Language, bool], tuple[float, float]] = {}
        self._document: Document | None = None
        self._ends: dict[Language, list[float]] = {}
        self._rows: tuple[Sequence[Link], list[int]] | None = None  # the last links measured

    def prime(self) -> HeightEstimate:
        """Read every font metric now, on the window's thread, so that `measure_ahead` needs
        no Qt call."""
        for language in Language:
            for heading in (False, True):
                self._line(language, heading)
        return self

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

    def _measure(self, document: Document, language: Language) -> list[float]:
        """Where each paragraph of one side ends, from the top of the side, the space after
        it included (a 0 first, for the top)."""
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
        return [0.0, *accumulate(heights)]

    def _paragraph_ends(self, document: Document, language: Language) -> list[float]:
        if document is not self._document:
            self._document, self._ends, self._rows = document, {}, None
        if language not in self._ends:
            self._ends[language] = self._measure(document, language)
        return self._ends[language]

    def rows(
        self, document: Document, links: Sequence[Link], top: float, bottom: float
    ) -> list[int]:
        """Every row's height: its taller side's paragraphs between margins `top` and `bottom`."""
        english = self._paragraph_ends(document, Language.ENGLISH)
        chinese = self._paragraph_ends(document, Language.CHINESE)
        if self._rows is None or self._rows[0] is not links:
            self._rows = links, _row_heights(english, chinese, links, top + bottom)
        return list(self._rows[1])

    def measure_ahead(
        self, document: Document, links: Sequence[Link], top: float, bottom: float
    ) -> Measured:
        """What `rows` would work out for `document` and `links`, changing nothing here: safe
        on a worker thread once `prime` has been called."""
        english = self._measure(document, Language.ENGLISH)
        chinese = self._measure(document, Language.CHINESE)
        rows = _row_heights(english, chinese, links, top + bottom)
        return Measured(
            self, document, links, {Language.ENGLISH: english, Language.CHINESE: chinese}, rows
        )

    def adopt(self, measured: Measured) -> None:
        """Take `measured` as this estimate's own, if this estimate made it."""
        if measured.estimate is self:
            self._document, self._ends = measured.document, measured.ends
            self._rows = measured.links, measured.rows


class Measured(NamedTuple):
    """A document measured ahead by a `HeightEstimate` (see `measure_ahead`)."""

    estimate: HeightEstimate
    document: Document
    links: Sequence[Link]
    ends: dict[Language, list[float]]
    rows: list[int]


def _row_heights(
    english: list[float], chinese: list[float], links: Sequence[Link], margins: float
) -> list[int]:
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
