"""Preferences: each language's font and size, the tone colours and the theme, applied on OK
and kept; zoom scales both sides together."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QColorDialog

from reader.ui.main_window import MainWindow
from reader.ui.preferences_dialog import PreferencesDialog
from reader.ui.themes import Theme
from reader.ui.tone_colours import LIGHT


@pytest.fixture
def window(window: MainWindow) -> MainWindow:
    window.actions.theme_light.trigger()  # so that the light colours are the ones in use
    return window


def preferences(qtbot, window: MainWindow) -> PreferencesDialog:
    window.actions.preferences.trigger()
    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def sizes(window: MainWindow) -> tuple[int, int]:
    fonts = window.view.delegate.fonts
    return fonts.english.pointSize(), fonts.chinese.pointSize()


def described(window: MainWindow) -> tuple[str, int, str, int]:
    fonts = window.view.delegate.fonts
    english, chinese = fonts.english, fonts.chinese
    return english.families()[0], english.pointSize(), chinese.families()[0], chinese.pointSize()


def test_preferences_has_the_standard_shortcut(window: MainWindow) -> None:
    assert "Ctrl+," in [key.toString() for key in window.actions.preferences.shortcuts()]


def test_each_language_gets_its_own_font_and_size_and_keeps_them(qtbot, window: MainWindow) -> None:
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if not chinese:
        pytest.skip("no font for Chinese is installed")
    dialog = preferences(qtbot, window)
    english = dialog.english_family.itemText(dialog.english_family.count() - 1)
    dialog.english_family.setCurrentFont(QFont(english))
    dialog.chinese_family.setCurrentFont(QFont(chinese[-1]))
    dialog.english_size.setValue(15)
    dialog.chinese_size.setValue(19)
    dialog.accept()
    chosen = (english, 15, chinese[-1], 19)
    assert described(window) == chosen
    window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    assert described(again) == chosen


def test_zoom_scales_both_sides_and_actual_size_returns_to_the_chosen_sizes(
    qtbot, window: MainWindow
) -> None:
    dialog = preferences(qtbot, window)
    dialog.english_size.setValue(12)
    dialog.chinese_size.setValue(16)
    dialog.accept()
    window.actions.zoom_in.trigger()
    window.actions.zoom_in.trigger()
    assert sizes(window) == (14, 18)
    window.actions.zoom_reset.trigger()
    assert sizes(window) == (12, 16)
    for _ in range(40):
        window.actions.zoom_out.trigger()
    assert min(sizes(window)) >= 7
    assert sizes(window)[1] - sizes(window)[0] == 4


def test_cancel_changes_nothing(qtbot, window: MainWindow) -> None:
    before = sizes(window)
    dialog = preferences(qtbot, window)
    dialog.english_size.setValue(30)
    dialog.theme.setCurrentIndex(list(Theme).index(Theme.DARK))
    dialog.reject()
    assert sizes(window) == before
    assert window.themes.theme is Theme.LIGHT


def test_a_tone_colour_chosen_in_the_colour_dialog_is_used_and_kept(
    qtbot, window: MainWindow
) -> None:
    dialog = preferences(qtbot, window)
    dialog.swatches[False, 0].click()
    picker = dialog.findChild(QColorDialog)
    assert picker is not None
    picker.setCurrentColor(QColor("#8b0000"))
    picker.accept()
    assert dialog.colours[False][0] == QColor("#8b0000")
    assert "8b0000" in dialog.swatches[False, 0].toolTip()
    dialog.accept()
    assert window.view.delegate.aids.colours[0] == QColor("#8b0000")
    assert window.settings.value("tones/light").startswith("#8b0000,")

    dialog = preferences(qtbot, window)
    assert dialog.colours[False][0] == QColor("#8b0000")
    dialog.reset_colours()
    dialog.accept()
    assert window.view.delegate.aids.colours == tuple(QColor(name) for name in LIGHT)
    assert window.settings.value("tones/light") is None


def test_a_faint_colour_is_flagged(qtbot, window: MainWindow) -> None:
    dialog = preferences(qtbot, window)
    dialog.set_colour(False, 1, QColor("#ffe066"))  # pale yellow on white
    assert "too faint" in dialog.swatches[False, 1].toolTip()
    assert "too faint" not in dialog.swatches[True, 1].toolTip()


def test_the_theme_can_be_chosen_in_the_preferences(qtbot, window: MainWindow) -> None:
    dialog = preferences(qtbot, window)
    dialog.theme.setCurrentIndex(list(Theme).index(Theme.DARK))
    dialog.accept()
    assert window.actions.theme_dark.isChecked()
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Window).lightness() < 128)
