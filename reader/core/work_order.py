"""The order in which a document's paragraphs are processed: those on screen first.

The window's thread says which paragraphs are visible whenever the view moves; the worker
takes the next paragraph from here each time, so a paragraph scrolled to is processed next.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable


class WorkOrder:
    """Hands out each of `count` paragraphs once: wanted ones first, then the rest in order."""

    def __init__(self, count: int, done: Iterable[int] = ()) -> None:
        self._lock = threading.Lock()
        self._taken = bytearray(count)
        for index in done:
            self._taken[index] = 1
        self._wanted: deque[int] = deque()
        self._next = 0  # no paragraph before this one is still to be taken in order

    def want(self, indices: Iterable[int]) -> None:
        """Take these next (those already taken are skipped); replaces the previous wish."""
        with self._lock:
            self._wanted = deque(i for i in indices if 0 <= i < len(self._taken))

    def wants_more(self) -> bool:
        """Whether wanted paragraphs are still waiting."""
        with self._lock:
            return any(not self._taken[i] for i in self._wanted)

    def take(self) -> int | None:
        """The next paragraph to process, or None when all have been taken."""
        with self._lock:
            while self._wanted:
                index = self._wanted.popleft()
                if not self._taken[index]:
                    self._taken[index] = 1
                    return index
            while self._next < len(self._taken) and self._taken[self._next]:
                self._next += 1
            if self._next == len(self._taken):
                return None
            self._taken[self._next] = 1
            return self._next
