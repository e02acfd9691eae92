"""Fixing jieba's cuts from the window: join selected characters as one word, or split a word.

A fix goes into the user dictionary (the text service's, so it applies to every document),
into the store (so it survives a restart) and onto the window's undo stack. The Chinese
paragraphs holding the fixed string are segmented again on a worker thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, QRunnable, QThreadPool, Signal
from PySide6.QtGui import QContextMenuEvent, QUndoCommand
from PySide6.QtWidgets import QMenu

from reader.core.document import Document
from reader.core.errors import StoreError
from reader.core.text_service import TextService, shared_service
from reader.core.user_dictionary import SegmentationFix, UserDictionary, plan_join, plan_split
from reader.ui.character_selection import CharacterRange, CharacterSelection

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

Change = tuple[str, SegmentationFix | None]  # a string and its fix from now on (None: no fix)


class ChangeFixes(QUndoCommand):
    """Fixes made in one act; undo puts back what each string had before (a fix or none)."""

    def __init__(
        self,
        text: str,
        controller: SegmentationFixes,
        fixes: Sequence[SegmentationFix],
    ) -> None:
        super().__init__(text)
        self._controller = controller
        dictionary = controller.service.user_dictionary
        self._after: tuple[Change, ...] = tuple((f.surface, f) for f in fixes)
        self._before: tuple[Change, ...] = tuple(
            (f.surface, dictionary.get(f.surface)) for f in fixes
        )

    def redo(self) -> None:
        self._controller.apply(self._after)

    def undo(self) -> None:
        self._controller.apply(self._before)


class ResegmentSignals(QObject):
    done = Signal(object, object)  # the Document, {chinese paragraph index: [Token]}


class ResegmentTask(QRunnable):
    """Segment some Chinese paragraphs of a document again, with the fixes as they are now."""

    def __init__(self, service: TextService, document: Document, indices: list[int]) -> None:
        super().__init__()
        self.signals = ResegmentSignals()
        self._service = service
        self._document = document
        self._indices = indices

    def run(self) -> None:
        chinese = self._document.chinese
        tokens = {i: self._service.read(chinese[i].text) for i in self._indices}
        self.signals.done.emit(self._document, tokens)


class SegmentationFixes(QObject):
    """The window's segmentation fixes: the selection they act on, the Join and Split actions
    (in the Edit menu and the Chinese text's context menu), and applying fixes everywhere."""

    resegmented = Signal()  # every paragraph a change of fixes touches has its new words

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._model = window.model
        self._view = window.view
        self.service = shared_service()
        self.store = window.store
        self._unkept = "" if self.store is not None else "the database cannot be used"
        fixes: list[SegmentationFix] = []
        if self.store is not None:
            try:
                fixes = self.store.load_segmentation_fixes()
            except StoreError as error:
                self._lose_store(error)
        self.service.set_user_dictionary(UserDictionary(fixes))
        self.selection = CharacterSelection(self._view, self)
        self.menu = QMenu(self._view)  # the Chinese text's context menu
        self.menu.addActions([window.actions.join_word, window.actions.split_word])
        self._pending: set[int] = set()
        self._task: ResegmentTask | None = None
        actions = window.actions
        actions.join_word.triggered.connect(self.join_selection)
        actions.split_word.triggered.connect(self.split_at_selection)
        self.selection.changed.connect(self._update_actions)
        window.text_ready.connect(self._update_actions)
        self._model.modelReset.connect(self._pending.clear)
        self._view.viewport().installEventFilter(self)
        self._update_actions()

    # What the reader asks for

    def fix(self, surface: str, parts: Iterable[str]) -> bool:
        """Cut `surface` into `parts` everywhere (one part: one word); False if it already is."""
        fix = SegmentationFix(surface, tuple(parts))
        if self.service.user_dictionary.get(surface) == fix:
            return False
        return self._push(f"Cut {surface} as {' '.join(fix.parts)}", [fix])

    def join(self, paragraph: int, start: int, end: int) -> bool:
        """Make characters `start`..`end` of a Chinese paragraph one word, everywhere."""
        tokens = self._model.tokens(paragraph)
        if tokens is None:
            return False
        text = self._model.document.chinese[paragraph].text
        fixes = plan_join(self.service.user_dictionary, text, tokens, start, end)
        return self._push(f"Join {text[start:end]} as one word", fixes)

    def split(self, paragraph: int, at: Iterable[int]) -> bool:
        """Cut the words of a Chinese paragraph that hold the offsets `at` there, everywhere."""
        tokens = self._model.tokens(paragraph)
        if tokens is None:
            return False
        text = self._model.document.chinese[paragraph].text
        fixes = plan_split(self.service.user_dictionary, text, tokens, at)
        return self._push("Split " + ", ".join(f.surface for f in fixes), fixes)

    def join_selection(self) -> bool:
        selected = self.selection.range
        return selected is not None and self.join(selected.paragraph, selected.start, selected.end)

    def split_at_selection(self) -> bool:
        """Split at the caret, or at the selection's two edges."""
        selected = self.selection.range
        return selected is not None and self.split(
            selected.paragraph, {selected.start, selected.end}
        )

    # Applying fixes

    def apply(self, changes: Sequence[Change]) -> None:
        """Give each string its fix (or none) in the dictionary and the store, and segment the
        open paragraphs holding it again."""
        dictionary = self.service.user_dictionary
        for surface, fix in changes:
            dictionary = dictionary.without(surface) if fix is None else dictionary.with_fix(fix)
        self.service.set_user_dictionary(dictionary)
        self._keep(changes)
        self.selection.clear()
        surfaces = [surface for surface, _ in changes]
        self._pending.update(
            i
            for i, paragraph in enumerate(self._model.document.chinese)
            if any(surface in paragraph.text for surface in surfaces)
        )
        self._start_next()

    def _push(self, text: str, fixes: Sequence[SegmentationFix]) -> bool:
        if not fixes:
            return False
        self._window.undo_stack.push(ChangeFixes(text, self, fixes))
        if self._unkept:
            self._window.statusBar().showMessage(
                f"Segmentation fixes last only until the program closes: {self._unkept}.", 10000
            )
        return True

    def _keep(self, changes: Sequence[Change]) -> None:
        if self.store is None:
            return
        try:
            for surface, fix in changes:
                if fix is None:
                    self.store.delete_segmentation_fix(surface)
                else:
                    self.store.save_segmentation_fix(fix)
        except StoreError as error:
            self._lose_store(error)

    def _lose_store(self, error: StoreError) -> None:
        self.store = None
        self._unkept = str(error)

    def _start_next(self) -> None:
        """One task at a time, each reading the fixes when it runs, so the last one to finish
        always cuts by the latest fixes."""
        if self._task is not None:
            return
        if not self._pending:
            self._update_actions()
            self.resegmented.emit()
            return
        task = ResegmentTask(self.service, self._model.document, sorted(self._pending))
        self._pending.clear()
        task.signals.done.connect(self._on_done)
        self._task = task
        QThreadPool.globalInstance().start(task)

    def _on_done(self, document: Document, tokens: dict) -> None:
        self._task = None
        if document is self._model.document:
            self._model.add_tokens(tokens)
            self._view.clear_hover()
            self._view.words_arrived()
            self._view.viewport().update()
        self._start_next()

    # The actions and the context menu

    def _update_actions(self) -> None:
        """Join needs two or more selected characters; Split a caret or edge inside a word."""
        selected = self.selection.range
        tokens = None if selected is None else self._model.tokens(selected.paragraph)
        actions = self._window.actions
        actions.join_word.setEnabled(tokens is not None and selected.end - selected.start >= 2)
        inside = tokens is not None and any(
            t.start < edge < t.end for t in tokens for edge in (selected.start, selected.end)
        )
        actions.split_word.setEnabled(inside)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A right click on Chinese text offers Join and Split; outside the selection it first
        puts the caret at the click, so that Split cuts there."""
        if event.type() != QEvent.Type.ContextMenu or not isinstance(event, QContextMenuEvent):
            return super().eventFilter(watched, event)
        position = QPointF(event.pos())
        offset = self.selection.boundary_at(position)
        if offset is None:
            return False
        paragraph = self._view.paragraph_at(position)[1]
        selected = self.selection.range
        if (
            selected is None
            or selected.is_empty
            or selected.paragraph != paragraph
            or not selected.start <= offset <= selected.end
        ):
            self.selection.set_range(CharacterRange(paragraph, offset, offset))
        self._update_actions()
        self.menu.popup(event.globalPos())
        return True
