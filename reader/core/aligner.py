"""The automatic aligner: one engine for paragraphs and for sentences.

Dynamic programming over link shapes (1-1, 2-1, 1-2, 3-1, 2-2, ..., and segments alone), in a
band that follows the best partial path, so that time grows with length, not with its square.
A link scores the dictionary, number, name and punctuation evidence its two sides share
(`align_evidence`) against the weight they carry, less a length-ratio penalty and a prior for
its shape. Many-to-one links need no new reading: shared weights add up over segments.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.align_evidence import (
    ChineseSegment,
    EnglishSegment,
    Lexicon,
    SharedWeights,
    Weights,
    read_chinese,
    read_english,
    weigh,
)
from reader.core.alignment import Alignment, Link
from reader.core.dictionary_loading import collector_paused, release_in_slices
from reader.core.document import Document
from reader.core.foreground import step_aside, stepping
from reader.core.text_service import TextService, shared_service

# The link shapes searched, as (English count, Chinese count). A Chinese sentence often
# becomes two or three English ones; the reverse is rarer, and many-to-many rarer still.
SHAPES = ((1, 1), (2, 1), (3, 1), (4, 1), (5, 1), (1, 2), (2, 2), (3, 2), (2, 3), (1, 3))


@dataclass(frozen=True, slots=True)
class Settings:
    """The handful of numbers that weigh the evidence.

    length_weight, skip, stray and the two merge priors were chosen by a small grid search on
    MAC dev (six chapters of novels, bench/align.py), so they may suit literary sentences
    best; stray and skip were set so that an unrelated sentence is left alone rather than
    merged, at a cost of about 0.01 strict F1 there.
    """

    threshold: float = 0.12  # similarity a segment must bring to be worth linking
    length_weight: float = 0.8  # penalty per squared log length ratio, per segment
    skip: float = 1.0  # penalty per segment left alone (a 1-0 or 0-1 link)
    band: int = 8  # half-width of the searched band, in segments
    widest_band: int = 128  # the band doubles up to this while the best path touches its edge
    stray: float = 0.5  # penalty for an English segment of average length in a merge that
    # shares next to nothing with the other side, in proportion to its length
    stray_share: float = 0.05  # "next to nothing": this share of the segment's own weight
    english_merge: float = 0.4  # prior penalty per English segment beyond one in a link
    chinese_merge: float = 1.0  # prior penalty per Chinese segment beyond one in a link

    def prior(self, english: int, chinese: int) -> float:
        """The penalty for a link's shape: each segment beyond one-to-one costs."""
        return self.english_merge * (english - 1) + self.chinese_merge * (chinese - 1)


def align_segments(
    english: Sequence[EnglishSegment],
    chinese: Sequence[ChineseSegment],
    settings: Settings = Settings(),
) -> Alignment:
    """Align segments already read; the band widens until the best path keeps off its edges."""
    weights = weigh(english, chinese)
    measures = _Measures(english, chinese, weights, settings)
    band = settings.band
    while True:
        path, touched = _search(measures, band)
        if not touched or band >= min(settings.widest_band, max(len(english), len(chinese))):
            break
        band *= 2
    links = tuple(
        Link(range(i0, i1), range(j0, j1), measures.confidence(i0, i1, j0, j1))
        for i0, i1, j0, j1 in path
    )
    return Alignment(links, len(english), len(chinese))


ALONE = 0.3  # the confidence of a link with one side empty
NEIGHBOUR = 4.0  # how much a neighbour that shares with a link puts its border in doubt


class _Measures:
    """Running sums over both sides, so that any run's totals and lengths cost two lookups."""

    def __init__(
        self,
        english: Sequence[EnglishSegment],
        chinese: Sequence[ChineseSegment],
        weights: Weights,
        settings: Settings,
    ) -> None:
        self.english = english
        self.chinese = chinese
        self.settings = settings
        self.shared = SharedWeights(chinese, weights)
        self.english_totals = _running([weights.english_total(s) for s in english])
        self.chinese_totals = _running([weights.chinese_total(s) for s in chinese])
        self.english_lengths = _running([s.length for s in english])
        self.chinese_lengths = _running([s.length for s in chinese])
        self.ratio = max(self.english_lengths[-1], 1) / max(self.chinese_lengths[-1], 1)

    def confidence(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """How sure the evidence makes a link: near 1 for a shared vocabulary, a fitting length
        and neighbours that owe it nothing; near 0 for no shared words, or for a neighbour
        that shares as much with it (its border is then in doubt). A segment left alone gets
        0.3: worth a reader's look."""
        if i0 == i1 or j0 == j1:
            return ALONE
        shared = sum(self._shared(i, j0, j1) for i in range(i0, i1))
        total = self.english_totals[i1] - self.english_totals[i0]
        total += self.chinese_totals[j1] - self.chinese_totals[j0]
        similarity = min(1.0, shared / total) if total > 0 else 0.0
        mismatch = self.length_mismatch(
            self.english_lengths[i1] - self.english_lengths[i0],
            self.chinese_lengths[j1] - self.chinese_lengths[j0],
        )
        pull = max(self._english_pull(i0 - 1, j0, j1), self._english_pull(i1, j0, j1))
        pull = max(pull, self._chinese_pull(j0 - 1, i0, i1), self._chinese_pull(j1, i0, i1))
        # Scaled on MAC dev: one right link in ten falls below 0.5, and about two wrong in five.
        evidence = 0.5 + 8 * similarity - 4 * mismatch - NEIGHBOUR * pull
        return 1 / (1 + math.exp(-evidence))

    def _shared(self, i: int, j0: int, j1: int) -> float:
        return sum(self.shared.row(self.english[i], j0, j1))

    def _english_pull(self, i: int, j0: int, j1: int) -> float:
        """The share of English segment i's weight that Chinese j0..j1 accounts for."""
        if not 0 <= i < len(self.english):
            return 0.0
        weight = self.english_totals[i + 1] - self.english_totals[i]
        return min(1.0, self._shared(i, j0, j1) / weight) if weight > 0 else 0.0

    def _chinese_pull(self, j: int, i0: int, i1: int) -> float:
        """The share of Chinese segment j's weight that English i0..i1 accounts for."""
        if not 0 <= j < len(self.chinese):
            return 0.0
        weight = self.chinese_totals[j + 1] - self.chinese_totals[j]
        shared = sum(self._shared(i, j, j + 1) for i in range(i0, i1))
        return min(1.0, shared / weight) if weight > 0 else 0.0

    def length_mismatch(self, english_length: int, chinese_length: int) -> float:
        """About the squared log of the length ratio against the text's own ratio."""
        expected = self.ratio * chinese_length
        difference = 2 * (english_length - expected) / (english_length + expected + 40)
        return difference * difference


def _running(values: Sequence[float]) -> list[float]:
    sums = [0.0]
    for value in values:
        sums.append(sums[-1] + value)
    return sums


_STEPS = ((1, 0), (0, 1), *SHAPES)
_LONGEST = max(a for a, _ in SHAPES)
_WIDEST = max(b for _, b in SHAPES)


class _Band:
    """The Chinese positions searched in each row: a window that follows the best partial path,
    so that drift between the sides (an omission, uneven sentence splitting) stays inside it
    however long the text. It moves forward only, and fast enough to reach the last cell."""

    def __init__(self, m: int, n: int, half_width: int) -> None:
        self.m, self.n = m, n
        self.half_width = half_width + math.ceil(n / m) if m else n
        self.step = max(2, math.ceil(2 * n / m)) if m else n
        self.centre = 0.0
        self.rows: list[tuple[int, int]] = []

    def next_row(self, previous_best: int | None) -> tuple[int, int]:
        """The bounds of the next row, given where the row before it scored best."""
        i, m, n = len(self.rows), self.m, self.n
        if previous_best is not None:
            wanted = previous_best + n / m
            centre = min(max(wanted, self.centre), self.centre + self.step)
            catch_up = n - _WIDEST * (m - i) - self.half_width / 2
            self.centre = min(float(n), max(centre, catch_up))
        bounds = (
            max(0, math.floor(self.centre - self.half_width)),
            min(n, math.ceil(self.centre + self.half_width)),
        )
        self.rows.append(bounds)
        return bounds


def _search(measures: _Measures, half_width: int) -> tuple[list[tuple[int, int, int, int]], bool]:
    """The best path through the band, as (i0, i1, j0, j1) runs, and whether it ran along the
    band's edge (then a wider band might find better)."""
    settings = measures.settings
    english, shared = measures.english, measures.shared
    m, n = len(english), len(measures.chinese)
    band = _Band(m, n, half_width)
    starts: list[int] = []
    stops: list[int] = []
    prefixes: list[list[float]] = []
    te, tz = measures.english_totals, measures.chinese_totals
    le, lz = measures.english_lengths, measures.chinese_lengths
    ratio, threshold = measures.ratio, settings.threshold
    length_weight, skip = settings.length_weight, settings.skip
    stray_share = settings.stray_share
    stray_cost = settings.stray * m / max(le[m], 1)  # per letter: `stray` for a typical segment
    priors = [settings.prior(a, b) if a and b else 0.0 for a, b in _STEPS]
    minus_inf = -math.inf
    best: list[list[float]] = []
    back: list[bytearray] = []
    previous_best = None
    for i in range(m + 1):
        step_aside()
        lo, hi = band.next_row(previous_best)
        if i:  # the shared weights of English segment i-1 with the Chinese ahead
            starts.append(max(0, lo - _WIDEST))
            stops.append(min(n, hi + _LONGEST * band.step + band.half_width))
            prefixes.append(_running(shared.row(english[i - 1], starts[-1], stops[-1])))
        for r in range(max(0, i - _LONGEST), i):
            if stops[r] < hi:
                stops[r] = min(n, hi + _LONGEST * band.step + band.half_width)
                prefixes[r] = _running(shared.row(english[r], starts[r], stops[r]))
        bounds = band.rows
        row = [minus_inf] * (hi - lo + 1)
        steps = bytearray(hi - lo + 1)
        for j in range(lo, hi + 1):
            top, top_step = (0.0, 0) if i == 0 and j == 0 else (minus_inf, 0)
            for step, (a, b) in enumerate(_STEPS):
                pi, pj = i - a, j - b
                if pi < 0 or pj < 0:
                    continue
                plo, phi = bounds[pi]
                if pj < plo or pj > phi:
                    continue
                previous = row[pj - lo] if a == 0 else best[pi][pj - plo]
                if previous == minus_inf:
                    continue
                if a == 0 or b == 0:
                    value = previous - skip * (a + b)
                else:
                    common = 0.0
                    strays = 0.0
                    for r in range(pi, i):
                        prefix, start = prefixes[r], starts[r]
                        own = prefix[j - start] - prefix[pj - start]
                        if a > 1 and own <= stray_share * (te[r + 1] - te[r]):
                            strays += le[r + 1] - le[r]
                        common += own
                    total = te[i] - te[pi] + tz[j] - tz[pj]
                    similarity = common / total if total > 0 else 0.0
                    if similarity > 1.0:
                        similarity = 1.0
                    english_length = le[i] - le[pi]
                    expected = ratio * (lz[j] - lz[pj])
                    difference = 2 * (english_length - expected) / (english_length + expected + 40)
                    value = (
                        previous
                        - priors[step]
                        - stray_cost * strays
                        + (a + b)
                        * (similarity - threshold - length_weight * difference * difference)
                    )
                if value > top:
                    top, top_step = value, step
            row[j - lo] = top
            steps[j - lo] = top_step
        best.append(row)
        back.append(steps)
        if i > _LONGEST:  # rows no step reaches again: free them, long texts are long
            best[i - _LONGEST - 1] = []
            prefixes[i - _LONGEST - 1] = []
        previous_best = lo + max(range(len(row)), key=row.__getitem__)
    return _trace(band.rows, back, m, n)


def _trace(
    bounds: list[tuple[int, int]], back: list[bytearray], m: int, n: int
) -> tuple[list[tuple[int, int, int, int]], bool]:
    """Follow the back pointers from the last cell, which the band always holds."""
    path = []
    touched = False
    i, j = m, n
    while i or j:
        lo, hi = bounds[i]
        touched = touched or (j in (lo, hi) and 0 < j < n)
        a, b = _STEPS[back[i][j - lo]]
        path.append((i - a, i, j - b, j))
        i, j = i - a, j - b
    path.reverse()
    return path, touched


def align(
    english: Sequence[str],
    chinese: Sequence[str],
    settings: Settings = Settings(),
    service: TextService | None = None,
) -> Alignment:
    """Align English segments with Chinese segments (paragraphs or sentences)."""
    service = service or shared_service()
    lexicon = _lexicon(service)
    with collector_paused():  # millions of small containers, no cycles; frozen after
        english_read = [read_english(text) for text in stepping(english)]
        vocabulary = {key for segment in english_read for key in segment.stems}
        chinese_read = [
            read_chinese(text, service, lexicon, vocabulary) for text in stepping(chinese)
        ]
        alignment = align_segments(english_read, chinese_read, settings)
    release_in_slices(english_read, chinese_read)
    return alignment


def align_document(document: Document, service: TextService | None = None) -> Alignment:
    """Align a document's paragraphs, headings included: a title can face two headlines."""
    return align(
        [p.text for p in document.english], [p.text for p in document.chinese], service=service
    )


_lexicons: dict[int, Lexicon] = {}


def _lexicon(service: TextService) -> Lexicon:
    """One lexicon per service, so that words looked up once stay looked up."""
    key = id(service)
    if key not in _lexicons:
        _lexicons[key] = Lexicon(service)
    return _lexicons[key]
