"""A view of rows of varying height that lays out only the rows on screen.

Qt's item views measure every row before they can scroll by pixels: a call into Python per
row, 150 ms for 20,000 rows, again whenever the rows, the width or the fonts change. Here the
delegate gives every row's height in one call (real for the rows it has laid out, estimated for
the others), the view keeps them in a `RowGeometry`, and only the rows that come on screen are
laid out, their real height replacing the estimate before they are painted. Whatever the
reader was looking at stays where it was on screen meanwhile: the rows below the top one move
when a row's height becomes real, or, when the rows above the reader's grew while scrolling
up, the view moves with them.
"""

from __future__ import annotations

from functools import cache
from typing import Protocol, cast

from PySide6 import QtCore  # QtCore.Qt when used: making Qt's enums is not the first paint's job
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QRect, QTimer
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QStyleOptionViewItem,
    QWidget,
)

from reader.core.foreground import in_foreground
from reader.ui.row_heights import RowGeometry

SCROLL_BAR_ALWAYS_OFF, SCROLL_BAR_ALWAYS_ON = 1, 2  # Qt.ScrollBarPolicy, by number
LINE_STEP = 24  # pixels per step of the scroll bar's arrows and the mouse wheel's notch


class Sized(Protocol):
    height: int


class RowsDelegate(Protocol):
    """What the view needs of its delegate besides painting."""

    def heights(self) -> list[int]: ...

    def row_layout(self, row: int) -> Sized: ...

    def set_width(self, width: int) -> bool: ...


@cache
def page_keys() -> dict[int, QAbstractSlider.SliderAction]:
    """Page Up/Down, Home and End: what each does to the scroll bar."""
    key, action = QtCore.Qt.Key, QAbstractSlider.SliderAction
    return {
        key.Key_PageUp: action.SliderPageStepSub,
        key.Key_PageDown: action.SliderPageStepAdd,
        key.Key_Home: action.SliderToMinimum,
        key.Key_End: action.SliderToMaximum,
    }


class LazyRowsView(QAbstractItemView):
    """One column of rows, scrolled by pixels, painted by a `RowsDelegate` (set it with
    setItemDelegate before the model); see the module's docstring."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A viewport made here, as Qt's would be: when Python first met Qt's own, PySide
        # worked out its class by making the types of every QtWidgets class (some 15 ms).
        viewport = QWidget()
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        self.setViewport(viewport)
        self._geometry = RowGeometry()
        self._stale = True  # the rows changed: heights are asked for again when next needed
        self._range_due = False
        # Set through the property system by number: naming Qt.ScrollBarPolicy would make all
        # of Qt's namespace (90 enums, some 30 ms) before the first paint.
        self.setProperty("horizontalScrollBarPolicy", SCROLL_BAR_ALWAYS_OFF)
        self.setProperty("verticalScrollBarPolicy", SCROLL_BAR_ALWAYS_ON)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalScrollBar().setSingleStep(LINE_STEP)

    @property
    def _rows_delegate(self) -> RowsDelegate:
        return cast(RowsDelegate, self.itemDelegate())

    # Where rows stand

    def rows(self) -> RowGeometry:
        """Every row's top and height, measured again if the rows changed."""
        if self._stale:
            self._stale = False
            self._geometry.reset(self._rows_delegate.heights())
            self._update_range()
        return self._geometry

    def relayout(self) -> None:
        """The rows' heights changed (fonts, aids, width or rows): measure them again, the row
        at the top, and how far down it is scrolled, kept in place."""
        top = self._top_row()
        self._stale = True
        rows = self.rows()
        if top is not None and top[0] < len(rows):
            self._realise(top[0])
            self._update_range()  # now, so that the value is not cut short by the old range
            self.verticalScrollBar().setValue(rows.top(top[0]) + top[1])
        self.viewport().update()

    def _top_row(self) -> tuple[int, int] | None:
        """The row at the top of the viewport, and how far above the top its own top is."""
        if self._stale or not len(self._geometry):
            return None
        offset = self.verticalScrollBar().value()
        row = max(0, self._geometry.row_at(offset))
        if row >= len(self._geometry):
            return None
        return row, offset - self._geometry.top(row)

    def _realise(self, first: int, last: int | None = None) -> bool:
        """Give rows `first`..`last` (or those down to the bottom of the viewport) their real
        height; True if any changed."""
        rows, delegate = self.rows(), self._rows_delegate
        row = max(0, first)
        if row >= len(rows):
            return False
        y, changed = rows.top(row), False
        bottom = self.verticalScrollBar().value() + self.viewport().height()
        while row < len(rows) and (row <= last if last is not None else y < bottom):
            height = delegate.row_layout(row).height
            changed |= rows.set_height(row, height)
            y += height
            row += 1
        if changed and not self._range_due:  # not now: this may be a paint event
            self._range_due = True
            QTimer.singleShot(0, self, self._update_range)
        return changed

    def _update_range(self) -> None:
        self._range_due = False
        bar = self.verticalScrollBar()
        height = self.viewport().height()
        bar.setPageStep(height)
        bar.setRange(0, max(0, self.rows().total - height))

    # QAbstractItemView

    def visualRect(self, index: QModelIndex) -> QRect:
        if not index.isValid() or index.row() >= len(self.rows()):
            return QRect()
        rows, row = self.rows(), index.row()
        top = rows.top(row) - self.verticalScrollBar().value()
        return QRect(0, top, self.viewport().width(), rows.height(row))

    def indexAt(self, point: QPoint) -> QModelIndex:
        model = self.model()
        if model is None or not 0 <= point.x() < self.viewport().width():
            return QModelIndex()
        row = self.rows().row_at(point.y() + self.verticalScrollBar().value())
        return model.index(row, 0) if 0 <= row < len(self.rows()) else QModelIndex()

    def scrollTo(self, index: QModelIndex, hint: QAbstractItemView.ScrollHint = None) -> None:
        """Bring the row into view: just into it (the default), or at the top, centre or
        bottom; a row taller than the view shows its top."""
        if not index.isValid() or index.row() >= len(self.rows()):
            return
        row = index.row()
        self._realise(row, row)
        rows, bar = self.rows(), self.verticalScrollBar()
        top, height, view = rows.top(row), rows.height(row), self.viewport().height()
        Hint = QAbstractItemView.ScrollHint
        if hint == Hint.PositionAtTop:
            value = top
        elif hint == Hint.PositionAtBottom:
            value = top + height - view
        elif hint == Hint.PositionAtCenter:
            value = top + (height - view) // 2
        elif top < bar.value() or height > view:
            value = top
        elif top + height > bar.value() + view:
            value = top + height - view
        else:
            return
        self._update_range()  # the row may have grown
        bar.setValue(max(0, value))

    def horizontalOffset(self) -> int:
        return 0

    def verticalOffset(self) -> int:
        return self.verticalScrollBar().value()

    def isIndexHidden(self, index: QModelIndex) -> bool:
        return False

    def moveCursor(self, action: object, modifiers: object) -> QModelIndex:
        return self.currentIndex()

    def setSelection(self, rect: QRect, command: QItemSelectionModel.SelectionFlag) -> None:
        pass  # the view selects nothing: the window marks paragraphs itself

    def visualRegionForSelection(self, selection: object) -> QRegion:
        return QRegion()

    def updateGeometries(self) -> None:
        self._update_range()
        super().updateGeometries()

    def reset(self) -> None:
        """A new document: measured now, as part of opening it, not in the paint that shows it
        (a novel's 20,000 rows take some tens of milliseconds)."""
        super().reset()
        self._stale = True
        self.rows()
        self.verticalScrollBar().setValue(0)
        self.viewport().update()

    def rowsInserted(self, parent: QModelIndex, start: int, end: int) -> None:
        super().rowsInserted(parent, start, end)
        self._rows_changed()

    def rowsAboutToBeRemoved(self, parent: QModelIndex, start: int, end: int) -> None:
        super().rowsAboutToBeRemoved(parent, start, end)
        self._rows_changed()

    def _rows_changed(self) -> None:
        self._stale = True
        self.viewport().update()

    def dataChanged(
        self, top_left: QModelIndex, bottom_right: QModelIndex, roles: object = ()
    ) -> None:
        super().dataChanged(top_left, bottom_right, roles)
        self.viewport().update()

    # Scrolling and painting

    @in_foreground
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._rows_delegate.set_width(self.viewport().width()):
            self.relayout()
        else:
            self._update_range()

    @in_foreground
    def scrollContentsBy(self, dx: int, dy: int) -> None:
        """Rows coming on screen get their real height now, before they are painted; if rows
        above the ones the reader saw grew (scrolling up), the view moves down with them.

        What stays on screen is moved, not painted again; only the rows coming on screen are
        painted (a screen of Chinese text takes tens of milliseconds to paint on a slow
        machine, while a worker contends for the interpreter). Moving is right because rows
        that were on screen keep their heights; when rows above grew and the view moved with
        them, it is painted whole."""
        rows, bar, height = self.rows(), self.verticalScrollBar(), self.viewport().height()
        value = bar.value()
        seen = rows.row_at(value + dy + height // 2)  # mid-screen before this scroll
        seen_top = rows.top(seen) if 0 < dy < height and 0 <= seen < len(rows) else None
        if self._realise(rows.row_at(value)) and seen_top is not None:
            shift = rows.top(seen) - seen_top
            if shift:
                self._update_range()
                bar.setValue(value + shift)  # calls this again, scrolling down: no more shift
                self.viewport().update()
                return
        if dx or abs(dy) >= height:
            self.viewport().update()
        else:
            self.viewport().scroll(0, dy)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = page_keys().get(event.key())
        if action is None:
            super().keyPressEvent(event)
        else:
            self.verticalScrollBar().triggerAction(action)

    def focusInEvent(self, event: QFocusEvent) -> None:
        # Not QAbstractItemView's, which asks moveCursor for a first current row: this view
        # has no use for one, and the call's Qt.KeyboardModifiers would make all of Qt's
        # namespace enums before the first paint.
        QAbstractScrollArea.focusInEvent(self, event)

    @in_foreground
    def paintEvent(self, event: QPaintEvent) -> None:
        rows, value = self.rows(), self.verticalScrollBar().value()
        first = max(0, rows.row_at(value + event.rect().top()))
        self._realise(first)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        painter = QPainter(self.viewport())
        model, delegate = self.model(), self.itemDelegate()
        bottom = value + event.rect().bottom()
        row = first
        while row < len(rows) and rows.top(row) <= bottom:
            index = model.index(row, 0)
            option.rect = self.visualRect(index)
            delegate.paint(painter, option, index)
            row += 1
        painter.end()
