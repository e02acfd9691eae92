"""Errors the user can cause, carrying a one-line message fit to show as it is."""

from __future__ import annotations


class ReaderError(Exception):
    """Base of the errors whose message is shown to the user unchanged."""


class DocumentError(ReaderError):
    """A document cannot be opened: the message names the file and the problem."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class StoreError(ReaderError):
    """The user's database cannot be used: the message names the file and the problem."""

    def __init__(self, path: object, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
