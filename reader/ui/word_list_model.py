"""The word list as a table: one saved word per row, the columns of the exports, plain text."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from reader.core.word_list import COLUMNS, SavedWord, matches

WORD_ROLE = Qt.ItemDataRole.UserRole  # the row's SavedWord

ModelIndex = QModelIndex | QPersistentModelIndex


class WordListModel(QAbstractTableModel):
    """The saved words in the order they were saved (by id); the one copy the window shows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[SavedWord] = []

    @property
    def words(self) -> tuple[SavedWord, ...]:
        return tuple(self._words)

    def set_words(self, words: Iterable[SavedWord]) -> None:
        self.beginResetModel()
        self._words = sorted(words, key=lambda w: w.id)
        self.endResetModel()

    def add(self, words: Iterable[SavedWord]) -> None:
        """Insert words (new, or put back by undo) where their ids place them."""
        for word in words:
            row = bisect_left(self._words, word.id, key=lambda w: w.id)
            self.beginInsertRows(QModelIndex(), row, row)
            self._words.insert(row, word)
            self.endInsertRows()

    def remove(self, ids: Iterable[int]) -> None:
        gone = set(ids)
        for row in reversed(range(len(self._words))):
            if self._words[row].id in gone:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._words[row]
                self.endRemoveRows()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._words)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        word = self._words[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return word.fields()[index.column()]
        if role == WORD_ROLE:
            return word
        return None

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None


class WordListFilter(QSortFilterProxyModel):
    """The rows the search finds (by characters, pinyin with or without tones, or glosses),
    sortable by any column (the sort is stable: words of one day stay in the order saved)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._query = ""

    def set_query(self, query: str) -> None:
        if not hasattr(self, "beginFilterChange"):  # before Qt 6.9
            self._query = query
            self.invalidateRowsFilter()
            return
        self.beginFilterChange()
        self._query = query
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        word = self.sourceModel().index(source_row, 0, source_parent).data(WORD_ROLE)
        return matches(word, self._query)
