"""The installed version of a library, asked for before the first paint (a cache's key).

importlib.metadata takes some 40 ms to import, most of it the email package it parses metadata
with; an installed distribution's `.dist-info` folder carries the version in its name.
"""

from __future__ import annotations

import os
import sys
from functools import cache

SUFFIX = ".dist-info"


@cache
def installed_version(name: str) -> str:
    """The version of distribution `name`: from its `NAME-VERSION.dist-info` folder in the
    first entry of `sys.path` that has one, where importlib.metadata finds it too; else from
    importlib.metadata itself (an egg, say)."""
    prefix = name.replace("-", "_").replace(".", "_").lower() + "-"
    for entry in sys.path:
        for folder in _listing(entry):
            lowered = folder.lower()
            if lowered.startswith(prefix) and lowered.endswith(SUFFIX):
                version = folder[len(prefix) : -len(SUFFIX)]
                if version and "-" not in version:
                    return version
    from importlib.metadata import version as metadata_version

    return metadata_version(name)


@cache
def _listing(entry: str) -> tuple[str, ...]:
    """What a `sys.path` entry holds, listed once for all the names asked for (the standard
    library's folder, listed before site-packages, has hundreds of entries)."""
    try:
        return tuple(os.listdir(entry or "."))
    except OSError:
        return ()
