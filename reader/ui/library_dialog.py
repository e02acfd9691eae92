"""File › Library: the documents that ship with the program and the ones opened lately, each
under its own title; a double click (or Enter) opens one."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.library import LibraryEntry, library_entry
from reader.core.recent_documents import Entry

PATHS = Qt.ItemDataRole.UserRole


class LibraryDialog(QDialog):
    """Lists the documents; `open_entry` opens one (the window says if it cannot)."""

    def __init__(
        self,
        bundled: Sequence[Entry],
        recent: Sequence[Entry],
        open_entry: Callable[[Entry], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Library")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open_entry = open_entry
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Title", "Files"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemActivated.connect(self._activated)
        for heading, entries in (("Bundled", bundled), ("Opened lately", recent)):
            self._add_section(heading, [library_entry(paths) for paths in entries])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), 520))
        first = self.tree.topLevelItem(0)
        if first is not None and first.childCount():
            self.tree.setCurrentItem(first.child(0))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            button.setAutoDefault(False)  # Enter belongs to the list: it opens the document
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Double-click a document, or press Enter, to open it.", self))
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(820, 420)

    def _add_section(self, heading: str, entries: list[LibraryEntry]) -> None:
        section = QTreeWidgetItem(self.tree, [heading])
        section.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = section.font(0)
        font.setBold(True)
        section.setFont(0, font)
        if not entries:
            QTreeWidgetItem(section, ["None yet"]).setFlags(Qt.ItemFlag.NoItemFlags)
        for entry in entries:
            files = " + ".join(str(path) for path in entry.paths)
            item = QTreeWidgetItem(section, [entry.title, files])
            item.setData(0, PATHS, [str(path) for path in entry.paths])
            item.setToolTip(0, entry.problem or entry.title)
            item.setToolTip(1, files)
            if entry.problem:
                item.setForeground(0, self.palette().brush(QPalette.ColorRole.PlaceholderText))

    def _activated(self, item: QTreeWidgetItem) -> None:
        paths = item.data(0, PATHS)
        if paths:
            self._open_entry(tuple(Path(path) for path in paths))
            self.accept()
