"""The pop-up beside a Chinese word: the word, its pinyin in context, its dictionary entries.

Every string in it comes from the document or the dictionary, so all of it is escaped before it
goes into the pop-up's rich text.

The pop-up names none of Qt's namespace enums (Qt.WindowType and the like): PySide makes all
90 of them the first time one is named, some 40 ms, which a hover made as the window appears
(the words are there at its first paint on a second opening) would wait for.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QRubberBand, QWidget

from reader.core.text_service import tone_of
from reader.core.word_info import WordInfo

MAX_ENTRIES = 6
MAX_GLOSSES = 8
GAP = 4  # between the word and the pop-up
MAX_TEXT_WIDTH = 420  # longer lines wrap
MARGIN_X, MARGIN_Y = 10, 8  # around the text, inside the border


def coloured_pinyin(written: str, syllables: Sequence[str], colours: Sequence[QColor]) -> str:
    """`written` as HTML with each syllable in its tone's colour; what lies between syllables
    (apostrophes, spaces) stays uncoloured."""
    if not colours:
        return escape(written)
    html, position = [], 0
    lowered = written.lower()
    for syllable in syllables:
        found = lowered.find(syllable.lower(), position)
        if found < 0:
            return escape(written)
        end = found + len(syllable)
        colour = colours[tone_of(syllable) - 1].name()
        html.append(escape(written[position:found]))
        html.append(f"<span style='color:{colour}'>{escape(written[found:end])}</span>")
        position = end
    html.append(escape(written[position:]))
    return "".join(html)


def popup_html(info: WordInfo, colours: Sequence[QColor] = ()) -> str:
    """The pop-up's content for a word; `colours` (tones 1–5) colour its pinyin."""
    parts = [
        f"<div style='font-size:x-large'>{escape(info.word)}</div>",
        f"<div style='font-size:large'><b>"
        f"{coloured_pinyin(info.pinyin, info.syllables, colours)}</b></div>",
    ]
    for entry in info.entries[:MAX_ENTRIES]:
        head = escape(entry.pinyin)
        if entry.traditional != entry.simplified:
            head += f" &nbsp;<span>{escape(entry.traditional)}</span>"
        glosses = "; ".join(escape(g) for g in entry.readable_glosses[:MAX_GLOSSES])
        parts.append(f"<p style='margin:4px 0'><i>{head}</i><br>{glosses}</p>")
    if not info.entries:
        parts.append("<p><i>Not in CC-CEDICT.</i></p>")
    if info.characters:
        rows = "".join(
            f"<tr><td>{escape(c.word)}</td>"
            f"<td>&nbsp;{coloured_pinyin(c.pinyin, c.syllables, colours)}&nbsp;</td>"
            f"<td>{escape(c.first_gloss)}</td></tr>"
            for c in info.characters
        )
        parts.append(f"<hr><table>{rows}</table>")
    return "".join(parts)


def place_beside(anchor: QRect, size: QRect, screen: QRect) -> QPoint:
    """Below the anchor if it fits on the screen, else above; always inside the screen."""
    x = min(max(anchor.left(), screen.left()), screen.right() - size.width() + 1)
    y = anchor.bottom() + GAP
    if y + size.height() > screen.bottom() + 1:
        y = anchor.top() - GAP - size.height()
    y = min(max(y, screen.top()), screen.bottom() - size.height() + 1)
    return QPoint(max(x, screen.left()), y)


class WordPopup(QRubberBand):
    """A tool-tip window beside the word: frameless, above the window, never taking the focus.

    A QRubberBand made without a parent is the one widget Qt makes as a tool-tip window by
    itself; any other would need the window flags named, and with them Qt's namespace enums
    (see above). The band's own look is not drawn: the pop-up paints a box in the palette's
    tool-tip colours, and its text from a document of its own. A word-wrapped QLabel laid the
    same text out several times over to size itself: 2-7 ms a hover, against 0.3-1.4 ms."""

    def __init__(self, owner: QWidget) -> None:
        super().__init__(QRubberBand.Shape.Rectangle)
        self.setObjectName("WordPopup")
        self._owner = owner  # the window it stands above, once shown
        owner.destroyed.connect(self.deleteLater)  # not its parent: it goes with it all the same
        self._document = QTextDocument(self)  # rich text: all that comes in is escaped
        self._document.setDocumentMargin(0)
        self._hint = ""  # the keys that act on the word, if any
        self.info: WordInfo | None = None
        self.colours: Sequence[QColor] = ()
        self.hint_for: Callable[[str], str] | None = None  # a word's keys line; none if unset

    def paintEvent(self, event: QPaintEvent) -> None:
        """A 1-pixel border in the palette's mid tone around the tool-tip base, and the text in
        the tool-tip's colour. Filled as paths: `fillRect`'s overloads take Qt's namespace
        enums, which would make them all."""
        palette, border, inside = self.palette(), QPainterPath(), QPainterPath()
        border.addRect(QRectF(self.rect()))
        inside.addRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        painter = QPainter(self)
        painter.fillPath(border, palette.brush(QPalette.ColorRole.Mid))
        painter.fillPath(inside, palette.brush(QPalette.ColorRole.ToolTipBase))
        painter.translate(MARGIN_X, MARGIN_Y)
        context = QAbstractTextDocumentLayout.PaintContext()
        text_palette = QPalette(palette)
        text_palette.setColor(
            QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.ToolTipText)
        )
        context.palette = text_palette
        self._document.documentLayout().draw(painter, context)
        painter.end()

    def hint(self) -> str:
        return self._hint

    def refresh_hint(self) -> None:
        """Write the keys line again (the word was just saved, say), where the pop-up stands."""
        if self.info is not None:
            self.lay_out(self.info)

    def text(self) -> str:
        """What the reader sees, as plain text."""
        return self._document.toPlainText()

    def lay_out(self, info: WordInfo) -> None:
        """Fill the pop-up with `info` and size it, ready to be shown above its owner's window
        but not shown (the first rich text laid out and the pop-up's own window take 5-10
        ms, which the first hover need not wait for: see MainWindow's `_warm_pop_up`)."""
        self.info = info
        self._hint = self.hint_for(info.word) if self.hint_for else ""
        html = popup_html(info, self.colours)
        if self._hint:
            hint_colour = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
            html += (
                f"<p style='font-size:small; color:{hint_colour}; margin-top:6px'>"
                f"{escape(self._hint)}</p>"
            )
        document = self._document
        document.setDefaultFont(self.font())
        document.setHtml(html)
        document.setTextWidth(MAX_TEXT_WIDTH)
        document.setTextWidth(min(math.ceil(document.idealWidth()), MAX_TEXT_WIDTH))
        size = document.size()
        self.resize(math.ceil(size.width()) + 2 * MARGIN_X, math.ceil(size.height()) + 2 * MARGIN_Y)
        self.setAccessibleName(info.word)
        if self.windowHandle() is None:
            self.create()
            self.windowHandle().setTransientParent(self._owner.window().windowHandle())
        self.update()

    def show_word(self, info: WordInfo, anchor: QRect) -> None:
        """Show `info` beside `anchor` (global coordinates), kept fully on its screen."""
        self.lay_out(info)
        screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        if self.height() > available.height():
            self.resize(self.width(), available.height())
        self.move(place_beside(anchor, self.rect(), available))
        self.show()
