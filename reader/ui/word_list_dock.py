"""The Word List panel: browse and search the saved words, delete them, export them."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.word_list import COLUMNS, SavedWord
from reader.ui.word_list_model import WORD_ROLE, WordListFilter, WordListModel

IN_DETAILS = ("Sentence", "Translation", "Document")  # shown below the table, not in it
EMPTY_HINT = "Rest the mouse on a Chinese word and press S to save it here."


class WordListDock(QDockWidget):
    """A table of the words, a search field above it, and below it the selected word's
    sentence and translation in full."""

    delete_requested = Signal(object)  # tuple[SavedWord, ...], the selected words

    def __init__(self, model: WordListModel, export: QAction, parent: QWidget | None = None):
        super().__init__("Word List", parent)
        self.setObjectName("WordListDock")
        self.filter = WordListFilter(self)
        self.filter.setSourceModel(model)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search: characters, pinyin (tones optional), English")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filter.set_query)

        self.table = QTableView()
        self.table.setModel(self.filter)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as saved, until a click
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("Glosses"), QHeaderView.ResizeMode.Stretch)
        for name in IN_DETAILS:
            self.table.hideColumn(COLUMNS.index(name))

        self.details = QLabel(EMPTY_HINT)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel()
        self.problem.setObjectName("WordListProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.delete = QAction("Delete", self)
        self.delete.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete.setToolTip(
            "Delete the selected words from the list (Del); Undo brings them back"
        )
        self.delete.setEnabled(False)
        self.delete.triggered.connect(self._delete_selected)
        self.table.addAction(self.delete)
        buttons = QHBoxLayout()
        for action in (self.delete, export):
            button = QToolButton()
            button.setDefaultAction(action)
            buttons.addWidget(button)
        buttons.addStretch()

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.problem)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.setWidget(body)

        selection = self.table.selectionModel()
        selection.selectionChanged.connect(self._selection_changed)
        for signal in (
            selection.currentRowChanged,
            model.modelReset,
            model.rowsInserted,
            model.rowsRemoved,
        ):
            signal.connect(self._show_details)

    def selected_words(self) -> tuple[SavedWord, ...]:
        rows = self.table.selectionModel().selectedRows()
        return tuple(index.data(WORD_ROLE) for index in sorted(rows, key=QModelIndex.row))

    def set_problem(self, message: str) -> None:
        """Say why the words cannot be kept beyond this session."""
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _delete_selected(self) -> None:
        words = self.selected_words()
        if words:
            self.delete_requested.emit(words)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.delete.setEnabled(self.table.selectionModel().hasSelection())

    def _show_details(self) -> None:
        current = self.table.currentIndex()
        if not current.isValid():
            self.details.setText("" if self.filter.sourceModel().rowCount() else EMPTY_HINT)
            return
        word: SavedWord = current.data(WORD_ROLE)
        blocks = (
            f"{word.word} {word.pinyin}: {word.glosses}",
            "\n".join(line for line in (word.sentence, word.translation) if line),
            f"{word.title} · {word.date}",
        )
        self.details.setText("\n\n".join(blocks))
