"""CC-CEDICT's index opened on a worker as soon as the cache folder is known.

The program starts this before it makes its window, so that the dictionary is open by the
first paint and a hover made then finds its glosses waiting. Opening the index is mostly the
CRC-32 check of its 18 MB, which zlib makes without the interpreter lock: the window's thread
goes on meanwhile, but for the milliseconds of the index's own imports.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QThreadPool

from reader.core.text_service import shared_service
from reader.ui.folders import cache_folder


def open_dictionary_meanwhile(build: bool = True) -> None:
    """Open CC-CEDICT on the thread pool; nothing more if it is open already. Unless `build`,
    only an index built before is opened: building one, the first time ever, is a second of
    work that shares the interpreter with the window's. Needs the application's names (see
    configure_application)."""
    service = shared_service(cache_folder())
    QThreadPool.globalInstance().start(partial(service.load_dictionary, build))
