"""Every QAction of the window, made in one place with the platform's standard shortcuts."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True, slots=True)
class Actions:
    open: QAction
    quit: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    about: QAction


def _action(parent: QWidget, text: str, *shortcuts: QKeySequence | str) -> QAction:
    action = QAction(text, parent)
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    return action


def make_actions(parent: QWidget) -> Actions:
    keys = QKeySequence.StandardKey
    return Actions(
        open=_action(parent, "&Open…", keys.Open),
        quit=_action(parent, "&Quit", keys.Quit, "Ctrl+Q"),
        zoom_in=_action(parent, "Zoom &In", keys.ZoomIn, "Ctrl+="),
        zoom_out=_action(parent, "Zoom &Out", keys.ZoomOut, "Ctrl+-"),
        zoom_reset=_action(parent, "&Actual Size", "Ctrl+0"),
        about=_action(parent, "&About Parallel Reader"),
    )
