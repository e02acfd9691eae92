"""File › Open Recent: the documents opened lately, kept in the settings, most recent first.

A document joins the list whenever the window shows it, however it was opened (menu, drop,
command line); the bundled seeds stay out, as the library always offers them. Choosing an
entry opens it as File › Open would; one whose file has gone is dropped after the error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.core.bundled import seed_paths
from reader.core.recent_documents import (
    Entry,
    entry_label,
    forget,
    from_json,
    remember,
    to_json,
)
from reader.ui.row_model import RowModel

SETTING = "recent/documents"


class RecentDocuments(QObject):
    """The recent list and the menu that shows it."""

    def __init__(
        self,
        settings: QSettings,
        menu: QMenu,
        clear: QAction,
        model: RowModel,
        open_paths: Callable[[Sequence[Path]], None],
    ) -> None:
        super().__init__(menu)
        self._settings = settings
        self.menu = menu
        self._clear = clear
        self._open_paths = open_paths
        self._model = model
        clear.triggered.connect(self.clear)
        model.modelReset.connect(self._shown)
        self._rebuild()
        self._shown()  # the document shown already, if any

    def entries(self) -> list[Entry]:
        return from_json(self._settings.value(SETTING))

    def open(self, entry: Entry) -> None:
        """Open `entry`; if a file of it no longer exists, drop it from the list (the window
        says which)."""
        if not all(path.exists() for path in entry):
            self._keep(forget(self.entries(), entry))
        self._open_paths(entry)

    def clear(self) -> None:
        self._keep([])

    def _shown(self) -> None:
        sources = self._model.document.sources
        seeds = {path.resolve() for path in seed_paths()}
        if sources and not {path.resolve() for path in sources} <= seeds:
            self._keep(remember(self.entries(), sources))

    def _keep(self, entries: list[Entry]) -> None:
        self._settings.setValue(SETTING, to_json(entries))
        self._rebuild()

    def _rebuild(self) -> None:
        self.menu.clear()
        entries = self.entries()
        for number, entry in enumerate(entries, start=1):
            prefix = f"&{number} " if number < 10 else "1&0 "
            action = self.menu.addAction(prefix + entry_label(entry).replace("&", "&&"))
            action.setStatusTip(" + ".join(str(path) for path in entry))
            action.triggered.connect(lambda _checked=False, entry=entry: self.open(entry))
        self.menu.addSeparator()
        self.menu.addAction(self._clear)
        self._clear.setEnabled(bool(entries))
