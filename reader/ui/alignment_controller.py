"""Edits of the alignment: undoable commands that replace it, each written to the store at once.

The model holds the one current alignment; the undo stack holds the ones before and after each
edit; the store keeps the reader's corrections for good, keyed by the document's content.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from reader.core.alignment import Alignment
from reader.core.errors import StoreError
from reader.core.store import Store
from reader.ui.row_model import RowModel


class ReplaceAlignment(QUndoCommand):
    """One edit: `after` replaces `before`; undo puts `before` back. An undo, and a redo after
    it, bring the rows they change into view (the edit itself was made where the reader is)."""

    def __init__(
        self, text: str, controller: AlignmentController, before: Alignment, after: Alignment
    ) -> None:
        super().__init__(text)
        self._controller = controller
        self._before = before
        self._after = after
        self._made = False  # the first redo is the edit being pushed

    def redo(self) -> None:
        self._controller.apply(self._after, shown=self._made)
        self._made = True

    def undo(self) -> None:
        self._controller.apply(self._before, shown=True)


class AlignmentController(QObject):
    """Applies edits to the model through the undo stack and keeps them in the store."""

    store_failed = Signal(str)  # a one-line message: corrections cannot be kept
    undone = Signal(int)  # an undo or a redo changed the rows from this one on

    def __init__(
        self,
        model: RowModel,
        store: Store | None,
        undo_stack: QUndoStack,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.store = store
        self.undo_stack = undo_stack  # shared with the window's other edits: one Edit › Undo
        self.automatic: Alignment | None = None
        self._corrected = False

    def start(self) -> None:
        """A document was opened: show its stored corrections, if any, until the aligner's
        result arrives (which then only replaces the stand-in alignment)."""
        self.undo_stack.clear()
        self.automatic = None
        document = self.model.document
        stored = None
        if self.store is not None:
            stored = self.store.load_alignment(
                document.content_key, len(document.english), len(document.chinese)
            )
        self._corrected = stored is not None
        if stored is not None:
            self.model.set_alignment(stored)

    @property
    def corrected(self) -> bool:
        """The reader's corrections are shown, and the aligner's result will not replace them."""
        return self._corrected

    def set_automatic(self, automatic: Alignment) -> None:
        """The aligner's result: shown unless the reader's corrections are."""
        self.automatic = automatic
        if not self._corrected:
            self.model.set_alignment(automatic)

    def edit(self, text: str, change: Callable[[Alignment], Alignment]) -> bool:
        """Push the edit `change` makes to the current alignment; False if it changes nothing."""
        before = self.model.alignment
        after = change(before)
        if after.links == before.links:
            return False
        self._corrected = True  # not the stack's count: word list edits share the stack
        self.undo_stack.push(ReplaceAlignment(text, self, before, after))
        return True

    def reset(self) -> bool:
        if self.automatic is None:
            return False
        automatic = self.automatic
        return self.edit("Reset to automatic", lambda _: automatic)

    def apply(self, alignment: Alignment, *, shown: bool = False) -> None:
        """Show `alignment` and keep it; if `shown`, the rows it changes are to be brought
        into view (`undone`)."""
        row = self.model.set_alignment(alignment)
        self._keep(alignment)
        if shown:
            self.undone.emit(row)

    def _keep(self, alignment: Alignment) -> None:
        if self.store is None:
            return
        key = self.model.document.content_key
        try:
            if self.automatic is not None and alignment.links == self.automatic.links:
                self.store.clear_alignment(key)
            else:
                self.store.save_alignment(key, alignment)
        except StoreError as error:
            self.store = None
            self.store_failed.emit(str(error))
