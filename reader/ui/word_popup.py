"""The pop-up beside a Chinese word: the word, its pinyin in context, its dictionary entries.

Every string in it comes from the document or the dictionary, so all of it is escaped before it
goes into the label's rich text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextDocumentFragment
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from reader.core.text_service import tone_of
from reader.core.word_info import WordInfo

MAX_ENTRIES = 6
MAX_GLOSSES = 8
GAP = 4


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


class WordPopup(QFrame):
    """A frameless tool-tip window that never takes the focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("WordPopup")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFrameShape(QFrame.Shape.Box)
        self._label = QLabel(self)
        self._label.setTextFormat(Qt.TextFormat.RichText)
        self._label.setWordWrap(True)
        self._label.setMaximumWidth(420)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self._label)
        self._hint = QLabel(self)  # the keys that act on the word, in plain text
        self._hint.setObjectName("WordPopupHint")
        self._hint.setTextFormat(Qt.TextFormat.PlainText)
        self._hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        hint_font = self._hint.font()
        hint_font.setPointSizeF(hint_font.pointSizeF() * 0.85)
        self._hint.setFont(hint_font)
        self._hint.hide()
        layout.addWidget(self._hint)
        self.info: WordInfo | None = None
        self.colours: Sequence[QColor] = ()
        self.hint_for: Callable[[str], str] | None = None  # a word's keys line; none if unset

    def hint(self) -> str:
        return self._hint.text()

    def refresh_hint(self) -> None:
        """Write the keys line again (the word was just saved, say), where the pop-up stands."""
        self._write_hint()
        self.adjustSize()

    def _write_hint(self) -> None:
        hint = self.hint_for(self.info.word) if self.hint_for and self.info else ""
        self._hint.setText(hint)
        self._hint.setVisible(bool(hint))

    def text(self) -> str:
        """What the reader sees, as plain text (the label holds rich text)."""
        return QTextDocumentFragment.fromHtml(self._label.text()).toPlainText()

    def show_word(self, info: WordInfo, anchor: QRect) -> None:
        """Show `info` beside `anchor` (global coordinates), kept fully on its screen."""
        self.info = info
        self._label.setText(popup_html(info, self.colours))
        self._write_hint()
        self.adjustSize()
        screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        if self.height() > available.height():
            self.resize(self.width(), available.height())
        self.move(place_beside(anchor, self.rect(), available))
        self.show()
        self.raise_()
