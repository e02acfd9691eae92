"""One paragraph laid out for painting: plain text in a QTextLayout, and for Chinese, pinyin
over each word (ruby) and tone colours when the reader asks for them.

A word whose pinyin is wider than its characters is widened with letter spacing, so that
neighbouring readings never overlap; each line is moved down by the ruby's height, so that
lines never overlap either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPointF
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QTextLayout,
    QTextOption,
)

from reader.core.text_service import Token, tone_of, written_syllables

if TYPE_CHECKING:  # imported when first used: its type and enums are 4 ms of the first paint
    from PySide6.QtGui import QTextCharFormat


class ReadingAids(NamedTuple):
    """What the reader has switched on; `colours` are tones 1–5."""

    ruby: bool = False
    tone_numbers: bool = False
    colour_text: bool = False
    colour_ruby: bool = True
    colours: tuple[QColor, ...] = ()
    hidden_words: frozenset[str] = frozenset()  # known: no ruby over them

    @property
    def use_words(self) -> bool:
        """Whether a paragraph's words change its layout (pinyin above them, or tone colours)."""
        return self.ruby or self.colour_text


class RubyText(NamedTuple):
    """One word's reading, syllable by syllable, with each syllable's tone."""

    token: Token
    syllables: tuple[str, ...]
    tones: tuple[int, ...]


class ParagraphLayout(NamedTuple):
    layout: QTextLayout
    height: float
    rubies: tuple[RubyText, ...] = ()
    ruby_font: QFont | None = None
    tokens: list[Token] | None = None  # the words it was laid out with


def ruby_font_for(font: QFont) -> QFont:
    ruby = QFont(font)
    ruby.setPointSizeF(font.pointSizeF() * 0.55)
    ruby.setBold(False)
    return ruby


def _rubies(tokens: list[Token], aids: ReadingAids) -> tuple[RubyText, ...]:
    return tuple(
        RubyText(
            t,
            tuple(written_syllables(t.syllables, aids.tone_numbers)),
            tuple(tone_of(s) for s in t.syllables),
        )
        for t in tokens
        if t.syllables and t.text not in aids.hidden_words
    )


def _format(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    selection = QTextLayout.FormatRange()
    selection.start, selection.length, selection.format = start, length, fmt
    return selection


def _formats(
    tokens: list[Token],
    rubies: tuple[RubyText, ...],
    font: QFont,
    ruby_font: QFont | None,
    aids: ReadingAids,
) -> list[QTextLayout.FormatRange]:
    from PySide6.QtGui import QTextCharFormat

    formats = []
    if ruby_font is not None:
        text_metrics, ruby_metrics = QFontMetricsF(font), QFontMetricsF(ruby_font)
        gap = ruby_metrics.horizontalAdvance(" ")
        for ruby in rubies:
            needed = ruby_metrics.horizontalAdvance("".join(ruby.syllables)) + gap
            extra = needed - text_metrics.horizontalAdvance(ruby.token.text)
            if extra > 0:
                fmt = QTextCharFormat()
                fmt.setFontLetterSpacingType(QFont.SpacingType.AbsoluteSpacing)
                fmt.setFontLetterSpacing(extra / len(ruby.token.text))
                formats.append(_format(ruby.token.start, len(ruby.token.text), fmt))
    if aids.colour_text and aids.colours:
        for token in tokens:
            for offset, syllable in enumerate(token.syllables[: len(token.text)]):
                fmt = QTextCharFormat()
                fmt.setForeground(aids.colours[tone_of(syllable) - 1])
                formats.append(_format(token.start + offset, 1, fmt))
    return formats


def lay_out(
    text: str, font: QFont, width: float, tokens: list[Token] | None, aids: ReadingAids
) -> ParagraphLayout:
    """Lay `text` out in `width` pixels; `tokens` (with syllables) enable ruby and colours."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    rubies: tuple[RubyText, ...] = ()
    ruby_font = None
    if tokens and aids.use_words:  # else no format: QTextCharFormat's enums are 4 ms to make
        if aids.ruby:
            ruby_font = ruby_font_for(font)
            rubies = _rubies(tokens, aids)
        layout.setFormats(_formats(tokens, rubies, font, ruby_font, aids))
    ruby_height = QFontMetricsF(ruby_font).height() if ruby_font is not None else 0.0
    height = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        height += ruby_height
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return ParagraphLayout(layout, height, rubies, ruby_font, tokens)


def draw_ruby(
    painter: QPainter,
    paragraph: ParagraphLayout,
    origin: QPointF,
    aids: ReadingAids,
) -> None:
    """Paint each word's pinyin centred over it (syllable by syllable when the word wraps),
    in the painter's pen unless the syllables take their tones' colours."""
    if paragraph.ruby_font is None:
        return
    painter.save()
    painter.setFont(paragraph.ruby_font)
    metrics = QFontMetricsF(paragraph.ruby_font)
    layout = paragraph.layout
    for ruby in paragraph.rubies:
        start, end = ruby.token.start, ruby.token.end
        line = layout.lineForTextPosition(start)
        if layout.lineForTextPosition(end - 1).lineNumber() == line.lineNumber():
            pieces = [(start, end, ruby.syllables, ruby.tones)]
        else:
            pieces = [
                (start + k, start + k + 1, ruby.syllables[k : k + 1], ruby.tones[k : k + 1])
                for k in range(min(len(ruby.syllables), end - start))
            ]
        for piece_start, piece_end, syllables, tones in pieces:
            piece_line = layout.lineForTextPosition(piece_start)
            left = piece_line.cursorToX(piece_start)[0]
            right = piece_line.cursorToX(piece_end)[0]
            x = origin.x() + (left + right) / 2 - metrics.horizontalAdvance("".join(syllables)) / 2
            y = origin.y() + piece_line.y() - metrics.descent()
            for syllable, tone in zip(syllables, tones, strict=True):
                if aids.colour_ruby and aids.colours:
                    painter.setPen(aids.colours[tone - 1])
                painter.drawText(QPointF(x, y), syllable)
                x += metrics.horizontalAdvance(syllable)
    painter.restore()
