"""Files that ship with the program: the sample documents and the resources folder.

An installed wheel carries them inside the package (`reader/seeds`, `reader/resources`); in a
source checkout they sit beside the package, where the product's layout puts them.
"""

from __future__ import annotations

import importlib.resources
from pathlib import Path


def bundled_dir(name: str) -> Path:
    """The folder `name` ("seeds" or "resources") of the installed package or the checkout."""
    inside = Path(str(importlib.resources.files("reader"))) / name
    if inside.is_dir():
        return inside
    return Path(__file__).resolve().parents[2] / name


def seed_paths() -> list[Path]:
    """The bundled sample documents, the seed article first (their names sort that way)."""
    return sorted(p for p in bundled_dir("seeds").iterdir() if p.suffix == ".txt")
