"""Light and dark themes: follow the system (the default), or always light, or always dark.

Qt asks the platform for the colour scheme first (Windows, macOS and desktops with a capable
platform theme switch their own palette and window frames). Where the platform cannot oblige,
as on a bare X11 session, the Fusion style with a palette of our own does the same job.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum

from PySide6 import QtCore  # QtCore.Qt when used: making Qt's enums is not the first paint's job
from PySide6.QtCore import QEvent, QObject, QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

SETTING = "view/theme"
Role = QPalette.ColorRole


class Theme(str, Enum):
    """The reader's choice, as kept in the settings."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return self.value.capitalize()


def color_scheme(theme: Theme) -> QtCore.Qt.ColorScheme:
    """The colour scheme to ask the platform for."""
    scheme = QtCore.Qt.ColorScheme
    return {Theme.SYSTEM: scheme.Unknown, Theme.LIGHT: scheme.Light, Theme.DARK: scheme.Dark}[theme]


# Fusion's light colours (with a highlight dark enough for white text), and dark ones in the
# same spirit; every text colour reaches 4.5:1 on its background.
LIGHT_COLOURS = {
    Role.Window: "#efefef",
    Role.WindowText: "#000000",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f7f7f7",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#000000",
    Role.PlaceholderText: "#7f7f7f",
    Role.Text: "#000000",
    Role.Button: "#efefef",
    Role.ButtonText: "#000000",
    Role.BrightText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#cacaca",
    Role.Mid: "#b8b8b8",
    Role.Dark: "#9f9f9f",
    Role.Shadow: "#767676",
    Role.Highlight: "#2b72b8",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#0b57d0",
    Role.LinkVisited: "#7b1fa2",
    Role.Accent: "#2b72b8",
}
DARK_COLOURS = {
    Role.Window: "#2d2d2d",
    Role.WindowText: "#e8e8e8",
    Role.Base: "#1f1f1f",
    Role.AlternateBase: "#292929",
    Role.ToolTipBase: "#3b3628",
    Role.ToolTipText: "#f0f0f0",
    Role.PlaceholderText: "#8a8a8a",
    Role.Text: "#e8e8e8",
    Role.Button: "#353535",
    Role.ButtonText: "#e8e8e8",
    Role.BrightText: "#ff6b6b",
    Role.Light: "#4a4a4a",
    Role.Midlight: "#3e3e3e",
    Role.Mid: "#5a5a5a",
    Role.Dark: "#1a1a1a",
    Role.Shadow: "#0a0a0a",
    Role.Highlight: "#3d74c4",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#7fb2ff",
    Role.LinkVisited: "#c39bff",
    Role.Accent: "#3d74c4",
}
DISABLED_TEXT = {Theme.LIGHT: "#bebebe", Theme.DARK: "#7a7a7a"}


def theme_palette(theme: Theme) -> QPalette:
    """Our own palette for LIGHT or DARK, for platforms that cannot switch theirs."""
    palette = QPalette()
    for role, name in (DARK_COLOURS if theme is Theme.DARK else LIGHT_COLOURS).items():
        palette.setColor(role, QColor(name))
    for role in (Role.Text, Role.WindowText, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT[theme]))
    return palette


def saved_theme(settings: QSettings) -> Theme:
    try:
        return Theme(settings.value(SETTING, Theme.SYSTEM.value))
    except ValueError:
        return Theme.SYSTEM


def apply_theme(app: QApplication, theme: Theme) -> None:
    """Ask the platform for the theme's colour scheme, and paint it ourselves if it cannot."""
    hints = QGuiApplication.styleHints()
    if theme is Theme.SYSTEM:
        hints.unsetColorScheme()
    else:
        hints.setColorScheme(color_scheme(theme))
    if theme is Theme.SYSTEM or hints.colorScheme() == color_scheme(theme):
        app.setPalette(QPalette())  # nothing of our own: the platform's palette
    else:
        app.setStyle("Fusion")  # native styles may ignore an application's palette
        app.setPalette(theme_palette(theme))
    refresh_style_sheet(app)


def refresh_style_sheet(app: QApplication) -> None:
    """A style sheet reads palette() when it polishes a widget, and fixes the palette of every
    widget it polishes; setting it again polishes them all with the palette of now."""
    app.setStyleSheet(app.styleSheet())


class ThemeController(QObject):
    """View › Theme: applies the reader's choice, keeps it in the settings, and says when the
    window's colours changed, by choice or because the system switched between light and dark."""

    palette_changed = Signal()

    _applied = Theme.SYSTEM  # the application's theme: one for all windows, as the palette is

    def __init__(
        self, window: QWidget, settings: QSettings, actions: Mapping[Theme, QAction]
    ) -> None:
        super().__init__(window)
        self._settings = settings
        self._actions = dict(actions)
        group = QActionGroup(self)
        for theme, action in self._actions.items():
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, theme=theme: self.set_theme(theme))
        window.installEventFilter(self)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)
        self._theme = saved_theme(settings)
        self.set_theme(self._theme)

    @property
    def theme(self) -> Theme:
        return self._theme

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self._settings.setValue(SETTING, theme.value)
        self._actions[theme].setChecked(True)
        app = QApplication.instance()
        if theme is not ThemeController._applied and isinstance(app, QApplication):
            ThemeController._applied = theme
            apply_theme(app, theme)

    def _system_changed(self) -> None:
        app = QApplication.instance()
        if self._theme is Theme.SYSTEM and isinstance(app, QApplication):
            refresh_style_sheet(app)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange:
            self.palette_changed.emit()
        return False
