"""The word list in the window: words saved, deleted and marked as known through the window's
undo stack and kept in the store at once; saved words marked in the text; the list exported.

Without a usable store (or when it fails later) the list lives on for the session and the
panel says that it will not be kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QFileDialog, QMessageBox

from reader.core.document import Language
from reader.core.errors import StoreError
from reader.core.store import Store
from reader.core.text_service import shared_service
from reader.core.word_info import describe
from reader.core.word_list import ANKI, FORMATS, SavedWord, WordListFormat, saved_word
from reader.ui.row_delegate import Mark, Span
from reader.ui.word_keys import WordKeys
from reader.ui.word_list_dock import WordListDock
from reader.ui.word_list_model import WordListModel

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

EXPORT_FOLDER_KEY = "word_list/export_folder"
SESSION_ONLY = "Words saved now last only until the program closes."


class ChangeWordList(QUndoCommand):
    """Words put into the list and words taken out of it; undo does the opposite."""

    def __init__(
        self,
        text: str,
        controller: WordListController,
        added: tuple[SavedWord, ...] = (),
        removed: tuple[SavedWord, ...] = (),
    ) -> None:
        super().__init__(text)
        self._controller = controller
        self._added = added
        self._removed = removed

    def redo(self) -> None:
        self._added = self._controller.change(add=self._added, remove=self._removed)

    def undo(self) -> None:
        self._controller.change(add=self._removed, remove=self._added)


class MarkKnown(QUndoCommand):
    """A word marked as known, or no longer."""

    def __init__(self, controller: WordListController, word: str, known: bool) -> None:
        super().__init__(f"Mark {word} as known" if known else f"Unmark {word} as known")
        self._controller = controller
        self._word = word
        self._known = known

    def redo(self) -> None:
        self._controller.set_known(self._word, self._known)

    def undo(self) -> None:
        self._controller.set_known(self._word, not self._known)


class WordListController(QObject):
    """Owns the word list and the known words for a window; see the module's docstring."""

    hidden_words_changed = Signal()  # the known words changed while they go without pinyin

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.store: Store | None = window.store
        self.model = WordListModel(self)
        self._saved: frozenset[str] = frozenset()
        self._saved_pattern: re.Pattern[str] | None = None
        self._known: set[str] = set()
        self._spans: dict[int, tuple[Span, ...]] = {}  # Mark.SAVED spans by Chinese paragraph
        self.dock = WordListDock(self.model, window.actions.export_words, window)
        self.dock.toggleViewAction().setText("&Word List")
        self.dock.toggleViewAction().setStatusTip("Show or hide the words you have saved")
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        window.resizeDocks([self.dock], [380], Qt.Orientation.Horizontal)
        self.dock.delete_requested.connect(self.delete)

        self.keys = WordKeys(window.view, window.model)
        self.keys.save_requested.connect(self.save)
        self.keys.known_requested.connect(self.toggle_known)
        self.keys.copied.connect(lambda word: self._say(f"Copied {word}"))
        window.view.popup.hint_for = self.hint

        window.actions.export_words.triggered.connect(self.choose_export)
        window.model.tokens_added.connect(self._mark)  # a dict: its keys are the paragraphs
        window.model.modelReset.connect(self._forget_marks)
        self._load()

    @property
    def words(self) -> tuple[SavedWord, ...]:
        return self.model.words

    def is_saved(self, word: str) -> bool:
        return word in self._saved

    def is_known(self, word: str) -> bool:
        return word in self._known

    def known_words(self) -> frozenset[str]:
        return frozenset(self._known)

    def hint(self, word: str) -> str:
        """The pop-up's keys line for `word`."""
        parts = ["C copy", "K unmark known" if word in self._known else "K known", "Tab next"]
        if not self._window.actions.align_mode.isChecked():  # there S splits a row
            parts.insert(0, "✓ in word list" if word in self._saved else "S save")
        return " · ".join(parts)

    # Edits, each an undoable command

    def save(self, row: int, span: Span, word: str) -> None:
        """Save the word at `span` of row `row` with its reading, glosses and sentence pair."""
        from reader.core.word_context import sentence_pair  # aligns sentences: not at start-up

        if word in self._saved:
            self._say(f"{word} is already in the word list")
            return
        rows = self._window.model
        english = [p.text for _, p in rows.paragraphs(row, Language.ENGLISH)]
        chinese = rows.paragraphs(row, Language.CHINESE)
        indices = [index for index, _ in chinese]
        service = shared_service()
        sentence, translation = sentence_pair(
            english,
            [p.text for _, p in chinese],
            [rows.tokens(index) or () for index in indices],
            indices.index(span.paragraph),
            span.start,
            service,
        )
        entry = saved_word(describe(service, word), sentence, translation, rows.document)
        self._window.undo_stack.push(ChangeWordList(f"Save {word}", self, added=(entry,)))
        where = "" if self.dock.isVisible() else " (View › Word List)"
        self._say(f"Saved {word} to the word list{where}")

    def delete(self, words: tuple[SavedWord, ...]) -> None:
        text = f"Delete {words[0].word}" if len(words) == 1 else f"Delete {len(words)} words"
        self._window.undo_stack.push(ChangeWordList(text, self, removed=words))

    def toggle_known(self, word: str) -> None:
        known = word not in self._known
        self._window.undo_stack.push(MarkKnown(self, word, known))
        self._say(f"Marked {word} as known" if known else f"{word} is no longer marked as known")

    def change(
        self, add: Iterable[SavedWord], remove: Iterable[SavedWord]
    ) -> tuple[SavedWord, ...]:
        """Take `remove` out of the list and put `add` in; `add` comes back with its ids."""
        ids = [word.id for word in remove]
        if ids:
            self._keep(lambda store: store.delete_saved_words(ids))
            self.model.remove(ids)
        added = []
        for word in add:
            word = self._with_id(word)  # one by one: a session id counts the words before
            self.model.add((word,))
            added.append(word)
        self._words_changed()
        return tuple(added)

    def set_known(self, word: str, known: bool) -> None:
        if known:
            self._known.add(word)
        else:
            self._known.discard(word)
        self._keep(lambda store: store.set_known(word, known))
        self._refresh_popup()
        if not self._window.actions.known_pinyin.isChecked():
            self.hidden_words_changed.emit()

    # Export

    def choose_export(self) -> None:
        settings = self._window.settings
        documents = QStandardPaths.StandardLocation.DocumentsLocation
        folder = settings.value(EXPORT_FOLDER_KEY, QStandardPaths.writableLocation(documents))
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self._window,
            "Export the Word List",
            str(Path(folder) / f"word-list{ANKI.suffix}"),
            ";;".join(f.file_filter for f in FORMATS),
        )
        if not chosen:
            return
        path = Path(chosen)
        by_suffix = [f for f in FORMATS if f.suffix == path.suffix.lower()]
        kind = (by_suffix or [f for f in FORMATS if f.file_filter == chosen_filter] or [ANKI])[0]
        if not by_suffix:
            path = path.with_name(path.name + kind.suffix)
        settings.setValue(EXPORT_FOLDER_KEY, str(path.parent))
        self.export(path, kind)

    def export(self, path: Path, kind: WordListFormat) -> bool:
        """Write the whole list to `path`; on failure say why in a window-modal box."""
        try:
            kind.write(path, self.words)
        except OSError as error:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                "Cannot export",
                f"{path}: {error.strerror or error}",
                parent=self._window,
            )
            box.open()
            return False
        count = len(self.words)
        self._say(f"Exported {count} word{'s' * (count != 1)} to {path}")
        return True

    # Upkeep

    def _load(self) -> None:
        if self.store is None:
            self.dock.set_problem(
                f"The word list cannot be kept: the database is unusable. {SESSION_ONLY}"
            )
        else:
            try:
                self.model.set_words(self.store.saved_words())
                self._known = self.store.known_words()
            except StoreError as error:
                self._lost(error)
        self._words_changed()

    def _words_changed(self) -> None:
        self._saved = frozenset(word.word for word in self.model.words)
        # Finds the paragraphs that hold a saved word in one call each: only their words are
        # then looked at, and a long document's deliveries cost next to nothing.
        alternatives = "|".join(map(re.escape, sorted(self._saved, key=len, reverse=True)))
        self._saved_pattern = re.compile(alternatives) if alternatives else None
        self._window.actions.export_words.setEnabled(bool(self._saved))
        self._mark(range(len(self._window.model.document.chinese)))
        self._refresh_popup()

    def _with_id(self, word: SavedWord) -> SavedWord:
        if self.store is not None:
            try:
                return self.store.add_saved_word(word)
            except StoreError as error:
                self._lost(error)
        if word.id:
            return word
        return replace(word, id=max((w.id for w in self.model.words), default=0) + 1)

    def _keep(self, write: Callable[[Store], None]) -> None:
        if self.store is None:
            return
        try:
            write(self.store)
        except StoreError as error:
            self._lost(error)

    def _lost(self, error: StoreError) -> None:
        self.store = None
        message = f"The word list cannot be kept: {error}. {SESSION_ONLY}"
        self.dock.set_problem(message)
        self._say(message)

    def _mark(self, paragraphs: Iterable[int]) -> None:
        """Mark the saved words among the words of `paragraphs`, once per change, not per paint.

        The view is repainted only when a mark came or went: words arrive ten times a second
        while a long document is read, and a repaint each time would keep the window busy."""
        if not self._saved and not self._spans:
            return  # nothing to mark, nothing to take away
        rows = self._window.model
        chinese = rows.document.chinese
        changed = False
        for paragraph in paragraphs:
            has_saved = self._saved_pattern is not None and self._saved_pattern.search(
                chinese[paragraph].text
            )
            spans = tuple(
                Span(Language.CHINESE, paragraph, token.start, token.end)
                for token in (rows.tokens(paragraph) or () if has_saved else ())
                if token.text in self._saved
            )
            if spans != self._spans.get(paragraph, ()):
                changed = True
                if spans:
                    self._spans[paragraph] = spans
                else:
                    del self._spans[paragraph]
        if changed:
            self._publish_marks()

    def _forget_marks(self) -> None:
        self._spans.clear()
        self._publish_marks()

    def _publish_marks(self) -> None:
        view = self._window.view
        view.delegate.set_marks(Mark.SAVED, tuple(chain.from_iterable(self._spans.values())))
        view.viewport().update()

    def _refresh_popup(self) -> None:
        if self._window.view.popup.isVisible():
            self._window.view.popup.refresh_hint()

    def _say(self, message: str) -> None:
        self._window.statusBar().showMessage(message, 6000)
