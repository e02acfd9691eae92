"""Where the program keeps its user data and its caches: the platform's folders for them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths


def cache_folder() -> Path:
    """The platform's folder for this program's caches."""
    location = QStandardPaths.StandardLocation.CacheLocation
    return Path(QStandardPaths.writableLocation(location))


def data_folder() -> Path:
    """The platform's folder for this program's data (the user's database)."""
    location = QStandardPaths.StandardLocation.AppDataLocation
    return Path(QStandardPaths.writableLocation(location))
