"""Tone colours: the five tones' colours for a light and a dark background, configurable."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette

# Tones 1–4 and neutral, in the order learners know from MDBG and the Zhongwen pop-up.
LIGHT = ("#d0312d", "#d97a00", "#2e8b37", "#2563c9", "#6b6b6b")
DARK = ("#ff7a70", "#ffb347", "#6fd67a", "#7fb2ff", "#a8a8a8")


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def tone_colours(palette: QPalette, settings: QSettings | None = None) -> tuple[QColor, ...]:
    """The colours for tones 1–5 on this palette; `tones/light` and `tones/dark` in the
    settings (five colour names, comma-separated) override the defaults."""
    dark = is_dark(palette)
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
