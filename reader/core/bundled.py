"""Files that ship with the program: the sample documents and the resources folder.

An installed wheel carries them inside the package (`reader/seeds`, `reader/resources`); in a
source checkout they sit beside the package, where the product's layout puts them. The package
is always a folder on disk (the window reads these files by path), so its own folder is where
`importlib.resources` would look, without the milliseconds of importing it.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]


def bundled_dir(name: str) -> Path:
    """The folder `name` ("seeds" or "resources") of the installed package or the checkout."""
    inside = PACKAGE / name
    return inside if inside.is_dir() else PACKAGE.parent / name


def seed_paths() -> list[Path]:
    """The bundled sample documents, the seed article first (their names sort that way)."""
    return sorted(p for p in bundled_dir("seeds").iterdir() if p.suffix == ".txt")
