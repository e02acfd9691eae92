"""Selecting characters of a Chinese paragraph by dragging the mouse, for acts on them (join as
one word, split). A plain click still reaches the view as before; it leaves a caret, the
character boundary nearest to it.

It watches the view's viewport through an event filter, so the row view stays as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent

from reader.core.document import Language
from reader.ui.row_delegate import Mark, Span
from reader.ui.row_view import RowView


@dataclass(frozen=True, slots=True)
class CharacterRange:
    """Characters `start`..`end` of Chinese paragraph `paragraph`; empty for a caret."""

    paragraph: int
    start: int
    end: int

    @property
    def is_empty(self) -> bool:
        return self.start == self.end


class CharacterSelection(QObject):
    """The characters the reader has selected on the Chinese side (shown as Mark.SELECTION)."""

    changed = Signal()

    def __init__(self, view: RowView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._range: CharacterRange | None = None
        self._anchor: tuple[int, int] | None = None  # paragraph and offset a drag started at
        view.viewport().installEventFilter(self)
        view.model().modelReset.connect(self.clear)

    @property
    def range(self) -> CharacterRange | None:
        return self._range

    def set_range(self, selected: CharacterRange | None) -> None:
        if selected == self._range:
            return
        self._range = selected
        span = () if selected is None or selected.is_empty else (self._span(selected),)
        self._view.delegate.set_marks(Mark.SELECTION, span)
        self._view.viewport().update()
        self.changed.emit()

    def clear(self) -> None:
        self._anchor = None
        self.set_range(None)

    def boundary_at(self, position: QPointF, paragraph: int | None = None) -> int | None:
        """The character boundary of a Chinese paragraph nearest `position` (viewport
        coordinates): of `paragraph` (clamped to it), else of the one under `position`."""
        view = self._view
        model = view.model()
        if paragraph is None:
            key = view.paragraph_at(position)
            if key is None or key[0] is not Language.CHINESE:
                return None
            paragraph = key[1]
        row = model.row_of(Language.CHINESE, paragraph)
        row_origin = QPointF(view.visualRect(model.index(row)).topLeft())
        for placed in view.delegate.row_layout(row).paragraphs:
            if (placed.language, placed.index) != (Language.CHINESE, paragraph):
                continue
            local = position - row_origin - placed.origin
            layout = placed.layout
            if local.y() < 0:
                return 0
            for n in range(layout.lineCount()):
                line = layout.lineAt(n)
                if local.y() < line.y() + line.height():
                    return line.xToCursor(local.x())
            return len(layout.text())
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Start a selection on a press, grow it while the left button is held; the view still
        gets presses and releases, but not the moves of a drag (no pop-up while selecting)."""
        if not isinstance(event, QMouseEvent):
            return super().eventFilter(watched, event)
        kind, left = event.type(), Qt.MouseButton.LeftButton
        if kind == QEvent.Type.MouseButtonPress and event.button() == left:
            self._press(event.position())
        elif kind == QEvent.Type.MouseMove and self._anchor and event.buttons() & left:
            self._drag(event.position())
            return True
        elif kind == QEvent.Type.MouseButtonRelease and event.button() == left:
            self._anchor = None
        return super().eventFilter(watched, event)

    def _press(self, position: QPointF) -> None:
        offset = self.boundary_at(position)
        if offset is None:
            self.clear()
            return
        paragraph = self._view.paragraph_at(position)[1]
        self._anchor = (paragraph, offset)
        self.set_range(CharacterRange(paragraph, offset, offset))

    def _drag(self, position: QPointF) -> None:
        paragraph, anchor = self._anchor
        offset = self.boundary_at(position, paragraph)
        if offset is None:
            return
        self._view.clear_hover()
        self.set_range(CharacterRange(paragraph, min(anchor, offset), max(anchor, offset)))

    @staticmethod
    def _span(selected: CharacterRange) -> Span:
        return Span(Language.CHINESE, selected.paragraph, selected.start, selected.end)
