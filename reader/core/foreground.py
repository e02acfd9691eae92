"""The window's thread first: long work on a worker steps aside while the window is busy.

Python runs one thread at a time. While a worker reads or aligns a document, every call that
the window's thread makes into Python waits for the worker to hand the interpreter over; a
repaint makes hundreds of them. Scrolling while the 1,000,000-character document was read, the
paints' 99th percentile was 21-37 ms (11-16 ms with this) and the event loop was blocked for
up to 66-96 ms (23-45 ms with this). The window marks the moments that the reader waits for
(`in_foreground`: a paint, a hover, words arriving); a worker calls `step_aside` between its
steps, which waits, without holding the interpreter, until the window is done, and never long
(`LONGEST_WAIT`).

Plain threading, no Qt: the aligner in the core steps aside too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from functools import wraps
from typing import ParamSpec, TypeVar

LONGEST_WAIT = 0.1  # seconds a worker waits at one step, however long the window is busy

_idle = threading.Event()
_idle.set()
_depth = 0  # nested calls in the foreground, all on the window's thread

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")


def in_foreground(method: Callable[P, R]) -> Callable[P, R]:
    """`method`, during which the window's thread is busy with what the reader waits for.
    Calls may nest; the window's thread only."""

    @wraps(method)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        global _depth
        _depth += 1
        _idle.clear()
        try:
            return method(*args, **kwargs)
        finally:
            _depth -= 1
            if not _depth:
                _idle.set()

    return run


def is_busy() -> bool:
    return not _idle.is_set()


def step_aside() -> None:
    """On a worker, between two steps: wait while the window is busy. The window's own thread
    (work a test or a script runs there) goes on: it would wait for itself."""
    if threading.current_thread() is not threading.main_thread():
        _idle.wait(LONGEST_WAIT)


def stepping(items: Iterable[T]) -> Iterator[T]:
    """`items`, stepping aside before each."""
    for item in items:
        step_aside()
        yield item
