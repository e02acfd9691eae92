"""Themes: System, Light and Dark from the View menu, remembered; a dark palette that really is
dark; tone colours readable on both backgrounds and following the theme."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QColor, QPalette

from reader.core.bundled import bundled_dir
from reader.core.contrast import READABLE, contrast_ratio
from reader.ui.main_window import MainWindow
from reader.ui.themes import SETTING, Theme, theme_palette
from reader.ui.tone_colours import DARK, LIGHT, tone_colours

Role = QPalette.ColorRole


def rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def is_dark(window: MainWindow) -> bool:
    return window.palette().color(Role.Window).lightness() < 128


def test_the_system_theme_is_the_default(window: MainWindow) -> None:
    assert window.themes.theme is Theme.SYSTEM
    assert window.actions.theme_system.isChecked()


def test_dark_theme_darkens_the_window_and_is_remembered(qtbot, window: MainWindow) -> None:
    window.actions.theme_dark.trigger()
    qtbot.waitUntil(lambda: is_dark(window))
    assert window.view.palette().color(Role.Base).lightness() < 128
    assert window.settings.value(SETTING) == "dark"
    window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    assert again.actions.theme_dark.isChecked()
    again.actions.theme_light.trigger()
    qtbot.waitUntil(lambda: not is_dark(again))
    again.actions.theme_system.trigger()
    assert again.settings.value(SETTING) == "system"


def test_tone_colours_follow_the_theme(qtbot, window: MainWindow) -> None:
    light = tuple(QColor(name) for name in LIGHT)
    dark = tuple(QColor(name) for name in DARK)
    window.actions.theme_light.trigger()
    qtbot.waitUntil(lambda: window.view.delegate.aids.colours == light)
    window.actions.theme_dark.trigger()
    qtbot.waitUntil(lambda: window.view.delegate.aids.colours == dark)
    assert window.view.popup.colours == dark


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_tone_colours_are_readable_on_their_background(theme: Theme) -> None:
    palette = theme_palette(theme)
    for role in (Role.Base, Role.ToolTipBase):  # the text, and the pop-up
        background = rgb(palette.color(role))
        for colour in tone_colours(palette):
            assert contrast_ratio(rgb(colour), background) >= READABLE, (colour.name(), role)


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_theme_text_is_readable(theme: Theme) -> None:
    palette = theme_palette(theme)
    for text, background in (
        (Role.Text, Role.Base),
        (Role.WindowText, Role.Window),
        (Role.ToolTipText, Role.ToolTipBase),
        (Role.HighlightedText, Role.Highlight),
    ):
        ratio = contrast_ratio(rgb(palette.color(text)), rgb(palette.color(background)))
        assert ratio >= READABLE, (text, background)


def test_contrast_ratio_runs_from_one_to_twenty_one() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21)
    assert contrast_ratio((255, 255, 255), (0, 0, 0)) == pytest.approx(21)
    assert contrast_ratio((120, 30, 200), (120, 30, 200)) == pytest.approx(1)


def test_style_sheet_takes_every_colour_from_the_palette() -> None:
    style = (bundled_dir("resources") / "style.qss").read_text(encoding="utf-8")
    assert not re.search(r"#[0-9a-fA-F]{3,8}\b|rgba?\(", style)
