"""The reader's fonts: a family and a size for each language, chosen in the preferences, and a
zoom (Ctrl+= and Ctrl+-) that adds the same number of points to both, so that the two sides
keep the proportion the reader chose; Actual Size goes back to the chosen sizes."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QObject, QSettings, Signal

from reader.ui.fonts import DEFAULT_POINT_SIZE, MAX_POINT_SIZE, MIN_POINT_SIZE, ReaderFonts

ZOOM_SETTING = "view/zoom"


def _int_setting(settings: QSettings, key: str, fallback: int) -> int:
    """A number from the settings, or `fallback` when it is missing or not a number."""
    try:
        return int(settings.value(key, fallback))
    except (TypeError, ValueError):
        return fallback


class FontChoice(NamedTuple):
    """Each side's family ("" for the default) and size in points, before zooming."""

    english_family: str = ""
    english_size: int = DEFAULT_POINT_SIZE
    chinese_family: str = ""
    chinese_size: int = DEFAULT_POINT_SIZE

    @classmethod
    def load(cls, settings: QSettings) -> FontChoice:
        def size(key: str) -> int:
            value = _int_setting(settings, key, DEFAULT_POINT_SIZE)
            return max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, value))

        return cls(
            english_family=str(settings.value("fonts/english_family", "")),
            english_size=size("fonts/english_size"),
            chinese_family=str(settings.value("fonts/chinese_family", "")),
            chinese_size=size("fonts/chinese_size"),
        )

    def save(self, settings: QSettings) -> None:
        settings.setValue("fonts/english_family", self.english_family)
        settings.setValue("fonts/english_size", self.english_size)
        settings.setValue("fonts/chinese_family", self.chinese_family)
        settings.setValue("fonts/chinese_size", self.chinese_size)

    def fonts(self, zoom: int) -> ReaderFonts:
        return ReaderFonts.at(
            self.english_size + zoom,
            self.chinese_size + zoom,
            (self.english_family, self.chinese_family),
        )

    def clamp_zoom(self, zoom: int) -> int:
        """The nearest zoom that keeps both sides between the smallest and largest sizes."""
        smaller, larger = sorted((self.english_size, self.chinese_size))
        return max(MIN_POINT_SIZE - smaller, min(MAX_POINT_SIZE - larger, zoom))


class FontSettings(QObject):
    """The chosen fonts and the zoom, kept in the settings; `changed` carries the new fonts."""

    changed = Signal(object)  # ReaderFonts

    def __init__(self, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._choice = FontChoice.load(settings)
        self._zoom = self._choice.clamp_zoom(_int_setting(settings, ZOOM_SETTING, 0))

    @property
    def choice(self) -> FontChoice:
        return self._choice

    @property
    def zoom_steps(self) -> int:
        return self._zoom

    def fonts(self) -> ReaderFonts:
        return self._choice.fonts(self._zoom)

    def zoom(self, steps: int) -> None:
        self.set_zoom(self._zoom + steps)

    def set_zoom(self, zoom: int) -> None:
        self._zoom = self._choice.clamp_zoom(zoom)
        self._settings.setValue(ZOOM_SETTING, self._zoom)
        self.changed.emit(self.fonts())

    def choose(self, choice: FontChoice) -> None:
        """New families and sizes from the preferences; the zoom stays as far as it fits."""
        self._choice = choice
        choice.save(self._settings)
        self.set_zoom(self._zoom)
