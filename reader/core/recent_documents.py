"""The documents opened lately, most recent first; a pair of files is one entry.

Kept as a list of entries, each the tuple of its files' paths, and written to the settings
as JSON so that any path (with commas, quotes, non-ASCII) survives the round trip.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path

MAX_RECENT = 10

Entry = tuple[Path, ...]


def remember(recent: Sequence[Entry], paths: Iterable[Path]) -> list[Entry]:
    """`paths` first, without its earlier place in the list (a pair opened in the other order
    is the same document), keeping at most MAX_RECENT."""
    entry = tuple(Path(path).absolute() for path in paths)
    return [entry, *forget(recent, entry)][:MAX_RECENT]


def forget(recent: Sequence[Entry], entry: Entry) -> list[Entry]:
    return [kept for kept in recent if set(kept) != set(entry)]


def entry_label(entry: Entry) -> str:
    """The entry's file names: "notes.txt", or "en.txt + zh.txt" for a pair."""
    return " + ".join(path.name for path in entry)


def to_json(recent: Sequence[Entry]) -> str:
    return json.dumps([[str(path) for path in entry] for entry in recent], ensure_ascii=False)


def from_json(text: object) -> list[Entry]:
    """The entries in `text`; anything that is not a list of lists of paths is skipped, so
    that a hand-edited or damaged setting costs the list, never the start of the program."""
    if not isinstance(text, str):
        return []
    try:
        data = json.loads(text)
    except ValueError:
        return []
    if not isinstance(data, list):
        return []
    return [
        tuple(Path(path) for path in entry)
        for entry in data
        if isinstance(entry, list)
        and 1 <= len(entry) <= 2
        and all(isinstance(path, str) and path for path in entry)
    ][:MAX_RECENT]
