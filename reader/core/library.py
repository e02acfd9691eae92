"""What the library offers: the bundled seeds and the documents opened lately, with titles.

A title comes from the document loader itself (the title a document carries, else its file
names, both of a pair); a document that can no longer be opened keeps its place in the
list with the loader's reason, and opening it shows that reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.formats import load_document
from reader.core.recent_documents import entry_label


@dataclass(frozen=True, slots=True)
class LibraryEntry:
    """One document: its files, its title, and why it cannot be opened ("" if it can)."""

    paths: tuple[Path, ...]
    title: str
    problem: str = ""


def library_entry(paths: Sequence[Path]) -> LibraryEntry:
    """The document's own title, else its file names."""
    paths = tuple(paths)
    try:
        title = load_document(*paths).title
    except ReaderError as error:
        return LibraryEntry(paths, entry_label(paths), str(error))
    return LibraryEntry(paths, title or entry_label(paths))
