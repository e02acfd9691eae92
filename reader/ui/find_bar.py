"""The find bar under the text: a query searched as it is typed, the count of matches, buttons
to step through them and a list of them with their context; Escape puts it away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.document import Language
from reader.core.search import snippet
from reader.ui.find_controller import FindController

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

TYPING_PAUSE_MS = 250  # search once typing pauses this long, not at every key
LISTED_ROWS = 6  # the height of the list of matches, in lines
SIDE_LABELS = {Language.ENGLISH: "EN", Language.CHINESE: "中"}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class MatchListModel(QAbstractListModel):
    """One line per match: side, paragraph number and the text around it, as plain text."""

    def __init__(self, controller: FindController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        controller.results_changed.connect(self._reset)

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._controller.matches)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        match = self._controller.matches[index.row()]
        context = snippet(self._controller.document, match)
        return f"{SIDE_LABELS[match.language]} ¶{match.paragraph + 1}   {context}"


class FindBar(QWidget):
    """Shown by Edit › Find (Ctrl+F); F3 and Shift+F3, Enter and Shift+Enter step through the
    matches, which stay marked in the text until the bar is closed."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("FindBar")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._window = window
        self.controller = FindController(window)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(TYPING_PAUSE_MS)
        self.timer.timeout.connect(self.search_now)

        self.results = QListView(self)
        self.results.setModel(MatchListModel(self.controller, self))
        self.results.setUniformItemSizes(True)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results.setFixedHeight(self.results.fontMetrics().lineSpacing() * LISTED_ROWS + 8)
        self.results.hide()
        self.results.installEventFilter(self)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText("English, 中文 or pinyin (xinjiang finds 新疆)")
        self.edit.setClearButtonEnabled(True)
        self.edit.installEventFilter(self)
        self.count = QLabel(self)
        self.count.setMinimumWidth(
            self.count.fontMetrics().horizontalAdvance("0000 of 00000+ so far")
        )
        previous = self._button(Qt.ArrowType.UpArrow, "Previous match (Shift+F3, Shift+Enter)")
        following = self._button(Qt.ArrowType.DownArrow, "Next match (F3, Enter)")
        close = QToolButton(self)
        close.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        close.setAutoRaise(True)
        close.setToolTip("Close (Escape)")

        row = QHBoxLayout()
        row.setContentsMargins(8, 4, 8, 4)
        row.setSpacing(6)
        row.addWidget(QLabel("Find:", self))
        row.addWidget(self.edit, 1)
        for widget in (self.count, previous, following, close):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.results)
        layout.addLayout(row)
        self.hide()

        self.edit.textEdited.connect(self._typed)
        previous.clicked.connect(self.find_previous)
        following.clicked.connect(self.find_next)
        close.clicked.connect(self.dismiss)
        self.results.clicked.connect(lambda index: self.controller.go_to(index.row()))
        self.results.selectionModel().currentRowChanged.connect(self._listed_row_chosen)
        self.controller.results_changed.connect(self._results_changed)
        self.controller.current_changed.connect(self._current_changed)
        actions = window.actions
        actions.find.triggered.connect(self.open)
        actions.find_next.triggered.connect(self.find_next)
        actions.find_previous.triggered.connect(self.find_previous)

    def _button(self, arrow: Qt.ArrowType, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setArrowType(arrow)
        button.setAutoRaise(True)
        button.setToolTip(tip)
        return button

    def open(self) -> None:
        """Show the bar with the query selected, searching again for it if it was closed."""
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        if self.edit.text().strip() and not self.controller.query:
            self.search_now()

    def dismiss(self) -> None:
        """Hide the bar and take the marks away; the query stays for next time."""
        self.timer.stop()
        self.controller.clear()
        self.hide()
        self._window.view.setFocus()

    def search_now(self) -> None:
        self.timer.stop()
        text = self.edit.text()
        self.count.setText("Searching…" if text.strip() else "")
        self.controller.search(text)

    def find_next(self) -> None:
        self._step(+1)

    def find_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        """Step through the matches; a query still being typed is searched first instead."""
        if not self.isVisible():
            self.open()
        elif self.timer.isActive() or self.edit.text().strip() != self.controller.query:
            self.search_now()
        else:
            self.controller.step(delta)

    def _typed(self) -> None:
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the query steps forward, Shift+Enter back; Escape closes the bar even
        where the window has a shortcut on it."""
        if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return True
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return True
        if watched is self.edit and event.key() in ENTER_KEYS:
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self._step(-1 if shift else +1)
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
        else:
            super().keyPressEvent(event)

    def _results_changed(self) -> None:
        self.results.setVisible(bool(self.controller.matches))
        self._update_count()

    def _current_changed(self, current: int) -> None:
        self.results.setCurrentIndex(self.results.model().index(current, 0))  # no-op to go_to
        if current >= 0:
            self.results.scrollTo(self.results.currentIndex())
        self._update_count()

    def _listed_row_chosen(self, index: QModelIndex) -> None:
        if index.isValid() and index.row() != self.controller.current:
            self.controller.go_to(index.row())

    def _update_count(self) -> None:
        controller = self.controller
        if not controller.query:
            text = ""
        elif not controller.matches:
            text = "No matches"
        else:
            more = "+" if controller.truncated else ""
            text = f"{controller.current + 1} of {len(controller.matches)}{more}"
        if text and controller.partial:
            text += " so far"
        self.count.setText(text)
