"""Putting work off until the window has shown its text.

A window's first paint waits for every module imported and every object made before it. The
main window makes only what that paint shows; the rest (the store, the text pipeline, the word
list, ...) is made right after it, or at once when something asks for it sooner.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

T = TypeVar("T")


class AfterNextPaint(QObject):
    """Calls `start` once `widget` has been painted next (at once if it is not shown), from
    the event loop's next pass, so that the paint itself is not held up."""

    def __init__(self, widget: QWidget, start: Callable[[], object]) -> None:
        super().__init__(widget)
        self._start = start
        if widget.isVisible():
            widget.installEventFilter(self)
        else:
            self._start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._start)  # once this paint is done
        return False


class MadeLater(Generic[T]):
    """An attribute that the owner's method `made_by` makes, as `_<name>`: reading it before
    then makes it (and whatever that method makes with it) at once."""

    def __init__(self, made_by: str) -> None:
        self._made_by = made_by

    def __set_name__(self, owner: type, name: str) -> None:
        self._attribute = f"_{name}"

    def __get__(self, window: Any, owner: type | None = None) -> T:
        if window is None:
            return self  # type: ignore[return-value]  # the class's own attribute
        getattr(window, self._made_by)()
        return getattr(window, self._attribute)

    def __set__(self, window: Any, value: T) -> None:
        raise AttributeError(f"{self._attribute[1:]} is made by {self._made_by}()")
