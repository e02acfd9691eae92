"""The rows of the reader: one per link of the alignment, over the document's paragraphs."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from itertools import compress, count, islice, takewhile
from operator import attrgetter, eq, ne

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, Signal

from reader.core.alignment import Alignment, Link, default_alignment
from reader.core.document import Document, Language, Paragraph
from reader.core.text_service import Token

EMPTY = Document(english=(), chinese=())
DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole, without making Qt's enums before the first paint


def _run(link: Link, language: Language) -> range:
    return link.english if language is Language.ENGLISH else link.chinese


_RANGES = attrgetter("english", "chinese")
_CONFIDENCE = attrgetter("confidence")


def _same_paragraphs(old: Iterable[Link], new: Iterable[Link], limit: int) -> int:
    """How many links, from the first on and at most `limit`, join the same paragraphs.

    In C from end to end (`map`, `takewhile`, `sum`): the aligner's result replaces 20,000
    rows of a long text on the window's thread while the worker contends for the interpreter.
    """
    return sum(takewhile(bool, islice(map(eq, map(_RANGES, old), map(_RANGES, new)), limit)))


def _new_confidence(old: Sequence[Link], new: Sequence[Link], first_row: int) -> Iterable[int]:
    """The rows, numbered from `first_row`, where `new` has the same paragraphs as `old` but
    another confidence."""
    return compress(count(first_row), map(ne, map(_CONFIDENCE, old), map(_CONFIDENCE, new)))


class RowModel(QAbstractListModel):
    """Rows of (English paragraphs, Chinese paragraphs), and the words of each Chinese one."""

    alignment_changing = Signal()
    """Emitted before an alignment changes, while the rows are still the old ones."""
    alignment_changed = Signal()
    """Emitted once an alignment or document change is complete and rows are consistent again."""
    tokens_added = Signal(object)
    """{Chinese paragraph index: [Token]}: words just delivered, new or replacing earlier ones."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = EMPTY
        self._alignment = default_alignment(EMPTY)
        self._rows = self._alignment.links  # what the view has been told of, during an edit
        self._tokens: dict[int, list[Token]] = {}

    @property
    def document(self) -> Document:
        return self._document

    @property
    def alignment(self) -> Alignment:
        return self._alignment

    def set_document(self, document: Document, alignment: Alignment | None = None) -> None:
        """Show `document` with `alignment`, by default `default_alignment(document)` (for a
        novel, a tenth of a second: a document read on a worker comes with it)."""
        self.beginResetModel()
        self._document = document
        self._alignment = alignment or default_alignment(document)
        self._rows = self._alignment.links
        self._tokens = {}
        self.endResetModel()
        self.alignment_changed.emit()

    def set_alignment(self, alignment: Alignment) -> int:
        """Replace the alignment, telling views only of the rows that changed, so that an edit
        keeps the reader's place; the first row whose paragraphs changed (the row count if
        none did)."""
        self.alignment_changing.emit()
        old, new = self._alignment.links, alignment.links
        prefix = _same_paragraphs(old, new, min(len(old), len(new)))
        suffix = _same_paragraphs(reversed(old), reversed(new), min(len(old), len(new)) - prefix)
        self._alignment = alignment
        if len(old) - suffix > prefix:
            self.beginRemoveRows(QModelIndex(), prefix, len(old) - suffix - 1)
            self._rows = old[:prefix] + old[len(old) - suffix :]
            self.endRemoveRows()
        if len(new) - suffix > prefix:
            self.beginInsertRows(QModelIndex(), prefix, len(new) - suffix - 1)
            self._rows = new
            self.endInsertRows()
        self._rows = new
        changed = [  # same paragraphs, new confidence: repaint the doubt marker
            *_new_confidence(old[:prefix], new[:prefix], 0),
            *_new_confidence(old[len(old) - suffix :], new[len(new) - suffix :], len(new) - suffix),
        ]
        if changed:  # one signal: the aligner's result can change all 20,000 rows of a long text
            self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))
        self.alignment_changed.emit()
        return prefix

    def add_tokens(self, tokens: dict[int, list[Token]]) -> None:
        """Words of Chinese paragraphs (by paragraph index), as segmentation delivers them."""
        self._tokens.update(tokens)
        self.tokens_added.emit(tokens)

    def tokens(self, chinese_index: int) -> list[Token] | None:
        """The paragraph's words, or None while it has not been segmented yet."""
        return self._tokens.get(chinese_index)

    def all_tokens(self) -> dict[int, list[Token]]:
        """The words of every Chinese paragraph segmented so far, by paragraph index."""
        return dict(self._tokens)

    def link(self, row: int) -> Link:
        return self._rows[row]

    def links(self) -> tuple[Link, ...]:
        """Every row's link, in order."""
        return self._rows

    def row_of(self, language: Language, index: int) -> int:
        """The row that holds paragraph `index` of one side."""
        row = bisect_right(self._rows, index, key=lambda link: _run(link, language).stop)
        if row >= len(self._rows) or index not in _run(self._rows[row], language):
            raise IndexError(index)
        return row

    def paragraphs(self, row: int, language: Language) -> list[tuple[int, Paragraph]]:
        run = _run(self._rows[row], language)
        side = self._document.side(language)
        return [(i, side[i]) for i in run]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex, role: int = DISPLAY_ROLE) -> object:
        if not index.isValid() or role != DISPLAY_ROLE:
            return None
        return "\n\n".join(
            p.text for language in Language for _, p in self.paragraphs(index.row(), language)
        )
