"""A paragraph's layout: words change it only when an aid that uses them is on."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont

from reader.core.text_service import Token
from reader.ui.paragraph_layout import ReadingAids, lay_out

TEXT = "银行很大"
WORDS = [
    Token("银行", 0, 2, ("yín", "háng")),
    Token("很", 2, 3, ("hěn",)),
    Token("大", 3, 4, ("dà",)),
]
COLOURS = tuple(QColor(c) for c in ("red", "orange", "green", "blue", "grey"))


def test_words_without_aids_leave_the_text_plain(qapp) -> None:
    laid_out = lay_out(TEXT, QFont(), 400, WORDS, ReadingAids(colours=COLOURS))
    assert laid_out.layout.formats() == [] and laid_out.rubies == ()


def test_tone_colours_colour_each_character_by_its_syllable(qapp) -> None:
    laid_out = lay_out(TEXT, QFont(), 400, WORDS, ReadingAids(colour_text=True, colours=COLOURS))
    colours = [f.format.foreground().color() for f in laid_out.layout.formats()]
    assert [f.start for f in laid_out.layout.formats()] == [0, 1, 2, 3]
    assert colours == [COLOURS[1], COLOURS[1], COLOURS[2], COLOURS[3]]


def test_ruby_puts_each_words_reading_over_it(qapp) -> None:
    laid_out = lay_out(TEXT, QFont(), 400, WORDS, ReadingAids(ruby=True, colours=COLOURS))
    assert [r.syllables for r in laid_out.rubies] == [("yín", "háng"), ("hěn",), ("dà",)]
    assert laid_out.ruby_font is not None
