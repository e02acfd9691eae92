"""The reader's own segmentation fixes: where jieba cuts a text wrongly, the reader says how a
string is to be cut (会外相结合 → 会外 / 相结合), and every text containing it is cut so.

Fixes are applied around jieba rather than inside it: each occurrence of a fixed string is cut
exactly as the reader said, and jieba segments only the text between occurrences. Tuning
jieba's frequencies cannot promise that (raising 会外 still leaves 会 / 外相 / 结合 in context),
and undoing a tuning would have to restore every frequency it touched. A UserDictionary is
immutable, so a worker thread segmenting with one never sees it change half-way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from itertools import pairwise
from typing import Protocol

Cut = Callable[[str], Iterable[tuple[str, int, int]]]
"""A segmenter such as jieba's `Tokenizer.tokenize`: (word, start, end) for each word."""


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class SegmentationFix:
    """`surface` is to be cut into `parts` wherever it occurs; one part joins it into one word.
    `made` (ISO time) ranks fixes: where two overlap in a text, the newer one wins."""

    surface: str
    parts: tuple[str, ...]
    made: str = field(default_factory=_now, compare=False)

    def __post_init__(self) -> None:
        if len(self.surface) < 2:
            raise ValueError("a fix needs a string of two characters or more")
        if not self.parts or not all(self.parts) or "".join(self.parts) != self.surface:
            raise ValueError(f"{self.parts!r} do not make up {self.surface!r}")

    @property
    def is_join(self) -> bool:
        return len(self.parts) == 1


class Spanned(Protocol):
    """A word's place in its text (a Token)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class UserDictionary:
    """Fixes by surface string, newest first when they compete for the same characters."""

    def __init__(self, fixes: Iterable[SegmentationFix] = ()) -> None:
        by_surface = {fix.surface: fix for fix in fixes}
        self._ranked = tuple(
            sorted(by_surface.values(), key=lambda f: (f.made, len(f.surface)), reverse=True)
        )
        self._by_surface = {fix.surface: fix for fix in self._ranked}
        self._rank = {fix.surface: n for n, fix in enumerate(self._ranked)}
        self._by_first: dict[str, list[SegmentationFix]] = {}
        for fix in self._ranked:
            self._by_first.setdefault(fix.surface[0], []).append(fix)
        ranked = [[fix.surface, list(fix.parts)] for fix in self._ranked]
        encoded = json.dumps(ranked, ensure_ascii=False, separators=(",", ":")).encode()
        self.version = hashlib.sha256(encoded).hexdigest()[:16]
        """Changes whenever the fixes (or their ranking) do, so caches of words can tell."""

    def __len__(self) -> int:
        return len(self._ranked)

    def __iter__(self) -> Iterator[SegmentationFix]:
        return iter(self._ranked)

    def get(self, surface: str) -> SegmentationFix | None:
        return self._by_surface.get(surface)

    def with_fix(self, fix: SegmentationFix) -> UserDictionary:
        """A dictionary with `fix` in place of any fix of the same string."""
        return UserDictionary([*self._ranked, fix])

    def without(self, surface: str) -> UserDictionary:
        return UserDictionary(f for f in self._ranked if f.surface != surface)

    def occurrences(self, text: str) -> list[tuple[int, SegmentationFix]]:
        """Where fixes apply in `text`, in text order: (start, fix), never overlapping; where
        occurrences overlap, the newer fix's wins."""
        candidates = [
            fix for char in set(text) & self._by_first.keys() for fix in self._by_first[char]
        ]
        if not candidates:
            return []
        taken: list[tuple[int, int, SegmentationFix]] = []
        for fix in sorted(candidates, key=lambda f: self._rank[f.surface]):
            start = text.find(fix.surface)
            while start >= 0:
                end = start + len(fix.surface)
                if all(end <= s or e <= start for s, e, _ in taken):
                    taken.append((start, end, fix))
                start = text.find(fix.surface, start + 1)
        return [(start, fix) for start, _, fix in sorted(taken, key=lambda t: t[0])]

    def segment(self, text: str, cut: Cut) -> list[tuple[str, int, int]]:
        """Cut `text` into (word, start, end): each fix's parts where it occurs, and `cut`'s
        words for the text between occurrences."""
        words: list[tuple[str, int, int]] = []
        position = 0

        def cut_gap(end: int) -> None:
            if position < end:
                gap = text[position:end]
                words.extend((w, position + s, position + e) for w, s, e in cut(gap))

        for start, fix in self.occurrences(text):
            cut_gap(start)
            for part in fix.parts:
                words.append((part, start, start + len(part)))
                start += len(part)
            position = start
        cut_gap(len(text))
        return words


def plan_join(
    dictionary: UserDictionary, text: str, words: Sequence[Spanned], start: int, end: int
) -> list[SegmentationFix]:
    """The fix that makes `text[start:end]` one word, or [] when it is one already.

    Where the characters fall inside an occurrence of an earlier fix, the new fix spans that
    occurrence too and keeps the rest of its cuts, so that joining one part does not undo the
    fix's other parts here."""
    if end - start < 2:
        return []
    cuts = _cuts(words)
    wanted = (cuts - set(range(start + 1, end))) | {start, end}
    return _fixes(dictionary, text, [(start, end)], cuts, wanted)


def plan_split(
    dictionary: UserDictionary, text: str, words: Sequence[Spanned], at: Iterable[int]
) -> list[SegmentationFix]:
    """Fixes that cut the words holding the offsets `at` there (one fix per word cut, widened
    over earlier fixes' occurrences as in `plan_join`); [] when no offset falls inside a word."""
    cuts = _cuts(words)
    points = set(at) - cuts
    spans = [(w.start, w.end) for w in words if any(w.start < p < w.end for p in points)]
    return _fixes(dictionary, text, spans, cuts, cuts | points)


def _cuts(words: Sequence[Spanned]) -> set[int]:
    return {w.start for w in words} | {w.end for w in words}


def _fixes(
    dictionary: UserDictionary,
    text: str,
    spans: list[tuple[int, int]],
    cuts: set[int],
    wanted: set[int],
) -> list[SegmentationFix]:
    """One fix per span (widened over occurrences of fixes and merged where they meet), cut
    at `wanted`; spans where `wanted` changes nothing get none."""
    occupied = [(s, s + len(fix.surface)) for s, fix in dictionary.occurrences(text)]
    merged: list[list[int]] = []
    for low, high in sorted(spans):
        for s, e in occupied:
            if s < high and low < e:
                low, high = min(low, s), max(high, e)
        if merged and low < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    fixes = []
    for low, high in merged:
        edges = sorted(c for c in wanted if low <= c <= high)
        if edges == sorted(c for c in cuts if low <= c <= high):
            continue
        parts = tuple(text[a:b] for a, b in pairwise(edges))
        fixes.append(SegmentationFix(text[low:high], parts))
    return fixes
