"""Benchmark of the automatic aligner: accuracy on MAC dev against Gale-Church, and speed.

Run from the repository root: `python bench/align.py` (`--quick`: synthetic timing only, on
500 and 5,000 segments). Reads `../shared/data/mac-dev` when it is there (see its README for
the format and the scoring convention) and prints figures only.
Gale-Church comes from the optional `galechurch` package (`pip install .[bench]`).
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.core.aligner import align  # noqa: E402
from reader.core.text_service import shared_service  # noqa: E402

MAC_DEV = ROOT.parent / "shared" / "data" / "mac-dev"
SEED = ROOT / "seeds" / "000_009ed611b62df4eb.txt"
SIZES = (1_000, 5_000, 10_000, 50_000)
QUICK_SIZES = (500, 5_000)
REPEATS = 3

# A link as (Chinese indices, English indices), the order of the gold files.
Bead = tuple[tuple[int, ...], tuple[int, ...]]
Aligner = Callable[[Sequence[str], Sequence[str]], list[Bead]]


@dataclass(frozen=True, slots=True)
class Chapter:
    chinese: list[str]
    english: list[str]
    gold: list[Bead]


@dataclass(frozen=True, slots=True)
class Scores:
    strict: tuple[float, float, float]
    lax: tuple[float, float, float]


def read_chapters(folder: Path) -> list[Chapter]:
    chapters = []
    for gold_file in sorted(folder.glob("*.align")):
        lines = gold_file.read_text(encoding="utf-8").splitlines()
        gold = [_parse_bead(line) for line in lines if line.strip()]
        chinese = gold_file.with_suffix(".zh").read_text(encoding="utf-8").splitlines()
        english = gold_file.with_suffix(".en").read_text(encoding="utf-8").splitlines()
        chapters.append(Chapter(chinese, english, gold))
    return chapters


def _parse_bead(line: str) -> Bead:
    chinese, english = line.strip().split(":")
    return tuple(json.loads(chinese)), tuple(json.loads(english))


def ours(chinese: Sequence[str], english: Sequence[str]) -> list[Bead]:
    alignment = align(english, chinese)
    return [(tuple(link.chinese), tuple(link.english)) for link in alignment]


def gale_church(chinese: Sequence[str], english: Sequence[str]) -> list[Bead]:
    import galechurch

    result = galechurch.align(list(chinese), list(english))
    return [
        (tuple(range(b.source_start, b.source_end)), tuple(range(b.target_start, b.target_end)))
        for b in result.beads
    ]


def _counts(gold: list[Bead], test: list[Bead]) -> tuple[int, int, int, int]:
    """True and false positives, strict and lax, of `test` against `gold` (vecalign's way)."""
    gold_set = set(gold)
    strict_tp = strict_fp = lax_tp = lax_fp = 0
    for chinese, english in test:
        if not chinese and not english:
            continue
        if (chinese, english) in gold_set:
            strict_tp += 1
            lax_tp += 1
            continue
        strict_fp += 1
        overlaps = any(
            set(chinese) & set(g_chinese) and set(english) & set(g_english)
            for g_chinese, g_english in gold
        )
        lax_tp, lax_fp = (lax_tp + 1, lax_fp) if overlaps else (lax_tp, lax_fp + 1)
    return strict_tp, strict_fp, lax_tp, lax_fp


def score(pairs: list[tuple[list[Bead], list[Bead]]]) -> Scores:
    """Precision over all test links, recall over gold links that are not null links."""
    precision = [0, 0, 0, 0]
    recall = [0, 0, 0, 0]
    for gold, test in pairs:
        precision = [a + b for a, b in zip(precision, _counts(gold, test), strict=True)]
        gold_linked = [bead for bead in gold if bead[0] and bead[1]]
        test_linked = [bead for bead in test if bead[0] and bead[1]]
        recall = [a + b for a, b in zip(recall, _counts(test_linked, gold_linked), strict=True)]

    def prf(tp: int, fp: int, recall_tp: int, recall_fp: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = recall_tp / (recall_tp + recall_fp) if recall_tp + recall_fp else 0.0
        return p, r, 2 * p * r / (p + r) if p + r else 0.0

    return Scores(
        prf(precision[0], precision[1], recall[0], recall[1]),
        prf(precision[2], precision[3], recall[2], recall[3]),
    )


def evaluate(name: str, aligner: Aligner, chapters: list[Chapter]) -> None:
    started = time.perf_counter()
    pairs = [(c.gold, aligner(c.chinese, c.english)) for c in chapters]
    seconds = time.perf_counter() - started
    scores = score(pairs)
    print(
        f"{name:<12} strict P/R/F1 {_f(scores.strict)}   lax P/R/F1 {_f(scores.lax)}   "
        f"{seconds:.2f} s"
    )


def _f(values: tuple[float, float, float]) -> str:
    return " ".join(f"{v:.3f}" for v in values)


def synthetic_pairs(chapters: list[Chapter]) -> list[tuple[list[str], list[str]]]:
    """Parallel units to build long documents from: MAC's linked sentences, else the seed's
    paragraphs."""
    if chapters:
        return [
            ([c.english[k] for k in english], [c.chinese[k] for k in chinese])
            for c in chapters
            for chinese, english in c.gold
            if chinese and english
        ]
    from reader.core.formats import load_document

    document = load_document(SEED)
    english = [p.text for p in document.english if not p.heading]
    chinese = [p.text for p in document.chinese if not p.heading]
    return [([e], [z]) for e, z in zip(english, chinese, strict=False)]


def synthetic(units: list[tuple[list[str], list[str]]], size: int) -> tuple[list[str], list[str]]:
    """A document of about `size` segments on its longer side, units shuffled and repeated."""
    shuffler = random.Random(size)
    english: list[str] = []
    chinese: list[str] = []
    while max(len(english), len(chinese)) < size:
        batch = list(units)
        shuffler.shuffle(batch)
        for english_run, chinese_run in batch:
            if max(len(english), len(chinese)) >= size:
                break
            english.extend(english_run)
            chinese.extend(chinese_run)
    return english, chinese


def timing(sizes: tuple[int, ...] = SIZES) -> None:
    """CPU seconds to align each synthetic document, as when a document is opened.

    Each alignment runs in a fresh process of its own, with the dictionaries loaded (not
    timed) but no word of the text looked up yet, and nothing left behind by other sizes: the
    reader's case. Each size runs REPEATS times, the sizes interleaved so that a slow spell of
    the machine falls on all of them, and the median counts.
    """
    runs: dict[int, list[float]] = {size: [] for size in sizes}
    counts: dict[int, tuple[int, int]] = {}
    for _ in range(REPEATS):
        for size in sizes:
            command = [sys.executable, __file__, "--time-one", str(size)]
            result = subprocess.run(command, capture_output=True, text=True, check=True)
            english, chinese, seconds = result.stdout.split()
            counts[size] = int(english), int(chinese)
            runs[size].append(float(seconds))
    medians = {size: statistics.median(values) for size, values in runs.items()}
    for size in sizes:
        english, chinese = counts[size]
        listed = ", ".join(f"{run:.2f}" for run in runs[size])
        print(
            f"synthetic {english:>6} en / {chinese:>6} zh   {medians[size]:.2f} CPU s"
            f"   (median of {len(runs[size])}: {listed})"
        )
    largest = sizes[-1]
    for size in sizes[:-1]:
        growth = medians[largest] / medians[size]
        print(f"time {largest:,} / {size:,} segments: {growth:.2f}  (linear: {largest / size:g})")


def time_one(size: int) -> None:
    """The child of `timing`: print the document's size and the CPU seconds of aligning it."""
    chapters = read_chapters(MAC_DEV) if MAC_DEV.is_dir() else []
    english, chinese = synthetic(synthetic_pairs(chapters), size)
    shared_service().load()
    started = time.process_time()
    align(english, chinese)
    print(len(english), len(chinese), time.process_time() - started)


def main() -> int:
    if "--quick" in sys.argv:  # synthetic timing only, sizes a tenth as large
        timing(QUICK_SIZES)
        return 0
    started = time.perf_counter()
    service = shared_service()
    service.load()
    print(f"dictionaries loaded in {time.perf_counter() - started:.2f} s")
    chapters: list[Chapter] = []
    if MAC_DEV.is_dir():
        chapters = read_chapters(MAC_DEV)
        sentences = sum(len(c.chinese) for c in chapters), sum(len(c.english) for c in chapters)
        print(f"MAC dev: {len(chapters)} chapters, {sentences[0]} zh / {sentences[1]} en")
        evaluate("ours", ours, chapters)
        try:
            evaluate("gale-church", gale_church, chapters)
        except ImportError:
            print("gale-church  not run: the galechurch package is not installed")
    else:
        print(f"{MAC_DEV} is absent: accuracy not measured, synthetic timing only")
    timing()
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--time-one"]:
        time_one(int(sys.argv[2]))
        sys.exit(0)
    sys.exit(main())
