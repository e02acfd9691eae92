"""Edit › Preferences: the theme, each language's font and size, and the five tone colours for
a light and for a dark background. OK applies and keeps them; Cancel leaves all as it was.

Each colour is shown as a character of its tone on the background it is meant for, with its
contrast against that background, so that a colour too faint to read shows as such.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFontComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.core.contrast import READABLE, contrast_ratio
from reader.ui.font_settings import FontChoice, FontSettings
from reader.ui.fonts import MAX_POINT_SIZE, MIN_POINT_SIZE, chinese_family
from reader.ui.themes import Theme, ThemeController, theme_palette
from reader.ui.tone_colours import DARK, LIGHT, save_tone_colours, tone_colours_for

SAMPLES = (("妈", "mā"), ("麻", "má"), ("马", "mǎ"), ("骂", "mà"), ("吗", "ma"))
SWATCH = 40  # pixels


def rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def background(dark: bool) -> QColor:
    """The text background of the light or the dark theme, which the colours are shown on."""
    return theme_palette(Theme.DARK if dark else Theme.LIGHT).color(QPalette.ColorRole.Base)


class PreferencesDialog(QDialog):
    """Shows the current preferences; `accept` applies the edited ones."""

    def __init__(
        self,
        settings: QSettings,
        themes: ThemeController,
        fonts: FontSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._settings = settings
        self._themes = themes
        self._fonts = fonts
        self.colours = {dark: list(tone_colours_for(dark, settings)) for dark in (False, True)}

        self.theme = QComboBox(self)
        self.theme.addItems([theme.label for theme in Theme])
        self.theme.setCurrentIndex(list(Theme).index(themes.theme))

        choice = fonts.choice
        self.english_family = QFontComboBox(self)
        self.english_family.setCurrentFont(
            QFont(choice.english_family or QGuiApplication.font().family())
        )
        self.chinese_family = QFontComboBox(self)
        self.chinese_family.setWritingSystem(QFontDatabase.WritingSystem.SimplifiedChinese)
        default_chinese = choice.chinese_family or chinese_family()
        if default_chinese:
            self.chinese_family.setCurrentFont(QFont(default_chinese))
        self.english_size = self._size_box(choice.english_size)
        self.chinese_size = self._size_box(choice.chinese_size)

        form = QFormLayout()
        form.addRow("&Theme:", self.theme)
        form.addRow("&English font:", self._pair(self.english_family, self.english_size))
        form.addRow("&Chinese font:", self._pair(self.chinese_family, self.chinese_size))

        self.swatches: dict[tuple[bool, int], QPushButton] = {}
        tones = QGroupBox("Tone colours", self)
        grid = QGridLayout(tones)
        for column, (_, pinyin) in enumerate(SAMPLES, start=1):
            grid.addWidget(QLabel(pinyin, tones), 0, column, Qt.AlignmentFlag.AlignHCenter)
        for row, dark in enumerate((False, True), start=1):
            grid.addWidget(QLabel("On dark" if dark else "On light", tones), row, 0)
            for tone in range(5):
                button = QPushButton(tones)
                button.setIconSize(QSize(SWATCH, SWATCH))
                button.clicked.connect(
                    lambda _checked=False, dark=dark, tone=tone: self.pick_colour(dark, tone)
                )
                grid.addWidget(button, row, tone + 1)
                self.swatches[dark, tone] = button
        reset = QPushButton("&Reset to Defaults", tones)
        reset.clicked.connect(self.reset_colours)
        grid.addWidget(reset, 3, 0, 1, 6, Qt.AlignmentFlag.AlignRight)
        self._show_colours()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(tones)
        layout.addWidget(buttons)

    def _size_box(self, value: int) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(MIN_POINT_SIZE, MAX_POINT_SIZE)
        box.setSuffix(" pt")
        box.setValue(value)
        return box

    def _pair(self, family: QFontComboBox, size: QSpinBox) -> QWidget:
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(family, 1)
        layout.addWidget(size)
        return row

    def pick_colour(self, dark: bool, tone: int) -> None:
        """Open a colour dialog for one tone; choosing a colour shows it at once."""
        dialog = QColorDialog(self.colours[dark][tone], self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.colorSelected.connect(lambda colour: self.set_colour(dark, tone, colour))
        dialog.open()

    def set_colour(self, dark: bool, tone: int, colour: QColor) -> None:
        if colour.isValid():
            self.colours[dark][tone] = QColor(colour)
            self._show_colours()

    def reset_colours(self) -> None:
        self.colours = {
            dark: [QColor(name) for name in (DARK if dark else LIGHT)] for dark in (False, True)
        }
        self._show_colours()

    def _show_colours(self) -> None:
        for (dark, tone), button in self.swatches.items():
            colour, back = self.colours[dark][tone], background(dark)
            ratio = contrast_ratio(rgb(colour), rgb(back))
            character, pinyin = SAMPLES[tone]
            button.setIcon(QIcon(self._swatch(character, colour, back)))
            side = "dark" if dark else "light"
            warning = " — too faint to read comfortably" if ratio < READABLE else ""
            button.setToolTip(
                f"Tone {tone + 1} ({pinyin}) on a {side} background: {colour.name()}, "
                f"contrast {ratio:.1f}:1{warning}"
            )

    def _swatch(self, character: str, colour: QColor, back: QColor) -> QPixmap:
        pixmap = QPixmap(SWATCH, SWATCH)
        pixmap.fill(back)
        painter = QPainter(pixmap)
        font = QFont(self._fonts.fonts().chinese)
        font.setPixelSize(SWATCH * 3 // 4)
        painter.setFont(font)
        painter.setPen(colour)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, character)
        painter.end()
        return pixmap

    def font_choice(self) -> FontChoice:
        chinese = self.chinese_family.currentFont().family() if self.chinese_family.count() else ""
        return FontChoice(
            english_family=self.english_family.currentFont().family(),
            english_size=self.english_size.value(),
            chinese_family=chinese,
            chinese_size=self.chinese_size.value(),
        )

    def accept(self) -> None:
        for dark, colours in self.colours.items():
            save_tone_colours(self._settings, dark, colours)
        self._fonts.choose(self.font_choice())
        self._themes.set_theme(list(Theme)[self.theme.currentIndex()])
        super().accept()
