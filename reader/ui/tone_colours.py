"""Tone colours: the five tones' colours for a light and a dark background, configurable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette

# Tones 1–4 and neutral, in the order learners know from MDBG and the Zhongwen pop-up; each
# reaches a contrast of 4.5:1 on its background (white and pale yellow, or near black).
LIGHT = ("#d0312d", "#b05e00", "#2a7f33", "#2563c9", "#6b6b6b")
DARK = ("#ff7a70", "#ffb347", "#6fd67a", "#7fb2ff", "#a8a8a8")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def tone_colours(palette: QPalette, settings: QSettings | None = None) -> tuple[QColor, ...]:
    """The colours for tones 1–5 on this palette."""
    return tone_colours_for(is_dark(palette), settings)


def save_tone_colours(settings: QSettings, dark: bool, colours: Sequence[QColor]) -> None:
    """Keep the reader's colours for a dark or a light background; the defaults are kept as no
    setting at all, so that better defaults in a later version reach the reader."""
    key = "tones/dark" if dark else "tones/light"
    names = [colour.name() for colour in colours]
    if tuple(names) == (DARK if dark else LIGHT):
        settings.remove(key)
    else:
        settings.setValue(key, ",".join(names))


def tone_colours_for(dark: bool, settings: QSettings | None = None) -> tuple[QColor, ...]:
    """The colours for tones 1–5 on a dark or a light background; `tones/light` and
    `tones/dark` in the settings (five colour names, comma-separated) override the defaults."""
    names = DARK if dark else LIGHT
    if settings is not None:
        custom = settings.value("tones/dark" if dark else "tones/light")
        if isinstance(custom, str):
            custom = custom.split(",")
        if (
            isinstance(custom, list)
            and len(custom) == 5
            and all(QColor(c).isValid() for c in custom)
        ):
            names = tuple(custom)
    return tuple(QColor(name) for name in names)
