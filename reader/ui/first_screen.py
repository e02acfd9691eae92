"""The paragraphs on screen, and their words from a document's cache, for the view's next
paint: a second opening shows its words with its first paint."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QPoint

from reader.core.document import Document, Language
from reader.core.text_service import TextService, Token
from reader.core.token_cache import TokenCache, cache_path

if TYPE_CHECKING:
    from reader.ui.row_view import RowView

FIRST_SCREEN_ROWS = 40  # rows taken as on screen before the view has laid any out
ROWS_BELOW = 10  # rows past the bottom of the view that count as visible


class EarlyWords(NamedTuple):
    """What a document's cache gave the model before the window's first paint, when the
    versions its key must match were not known yet."""

    cache: TokenCache
    words: dict[int, list[Token]]


def paragraphs_on_screen(view: RowView) -> list[int]:
    """The Chinese paragraphs on screen (and just below), top to bottom."""
    model = view.model()
    if not model.rowCount():
        return []
    top = view.indexAt(QPoint(1, 1))
    bottom = view.indexAt(QPoint(1, view.viewport().height() - 1))
    if not top.isValid():  # not laid out yet: it will show the first rows
        rows = range(min(FIRST_SCREEN_ROWS, model.rowCount()))
    else:
        last = bottom.row() if bottom.isValid() else model.rowCount() - 1
        rows = range(top.row(), min(model.rowCount(), last + 1 + ROWS_BELOW))
    return [index for row in rows for index, _ in model.paragraphs(row, Language.CHINESE)]


def latest_cache(folder: Path, document: Document) -> TokenCache | None:
    """The document's cache file, checked whole, whatever versions its words were read by."""
    return TokenCache.open_latest(cache_path(folder, document.content_name), len(document.chinese))


def show_cached(
    view: RowView, service: TextService, document: Document, cache: TokenCache
) -> dict[int, list[Token]]:
    """Give the model the cached words of the paragraphs on screen; those words, by paragraph."""
    shown: dict[int, list[Token]] = {}
    for index in paragraphs_on_screen(view):
        tokens = cache.tokens(index, document.chinese[index].text)
        if tokens is not None:
            shown[index] = tokens
    if shown:
        for tokens in shown.values():
            service.remember_readings(tokens)  # the pop-up reads them without pypinyin
        view.model().add_tokens(shown)
        view.words_arrived(shown)  # rows laid out without them must be redone
    return shown
