"""Hover benchmark: time from a mouse position to the pop-up, on the seed article and on the
largest document, median and 99th percentile over thousands of positions.

Run from the repository root: `python bench/hover.py [--positions N]`. The program's window is
opened offscreen with a temporary home; each document is processed fully first. For each
position the view is scrolled so that it shows, then `RowView.hover_at` is timed: finding the
character and its word, the word's pinyin and dictionary entries, showing the pop-up with
them, and lighting up the other language's words and sentences (`counterpart_highlighter`; a
second pass with View › Show Translations on Hover off shows what that adds). Every Chinese
character of the sampled rows is a position, so long words and short, known and unknown, all
count. The seed's figure is the baseline: the large document's must not be larger (beyond
noise).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))


def positions_in(window, rows: list[int]) -> list[tuple[int, object]]:
    """(row, position relative to the row's top left) of every Chinese character in `rows`."""
    from PySide6.QtCore import QPointF

    from reader.core.document import Language
    from reader.ui.row_delegate import Span

    found = []
    for row in rows:
        for index, paragraph in window.model.paragraphs(row, Language.CHINESE):
            for offset in range(len(paragraph.text)):
                span = Span(Language.CHINESE, index, offset, offset + 1)
                rect = window.view.delegate.span_rect(row, span)
                found.append((row, rect.center() + QPointF(0, 0)))
    return found


def measure(window, app, rows: list[int], wanted: int) -> list[float]:
    from PySide6.QtCore import QPointF

    view, model = window.view, window.model
    samples = positions_in(window, rows)
    random.Random(7).shuffle(samples)
    samples.sort(key=lambda sample: sample[0])  # one scroll per row
    samples = samples[:wanted] if len(samples) > wanted else samples
    times = []
    current = -1
    for row, local in samples:
        if row != current:
            view.scrollTo(model.index(row), view.ScrollHint.PositionAtTop)
            app.processEvents()
            current = row
        position = local + QPointF(view.visualRect(model.index(row)).topLeft())
        view.clear_hover()
        started = time.perf_counter()
        view.hover_at(position)
        times.append(time.perf_counter() - started)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    parser = argparse.ArgumentParser(description="Hover latency on a small and a large document.")
    parser.add_argument("--positions", type=int, default=3000)
    options = parser.parse_args()
    home = Path(tempfile.mkdtemp())
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        os.environ[name] = str(home / name.lower())
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from make_documents import make_document
    from PySide6.QtWidgets import QApplication

    from reader.core.bundled import seed_paths
    from reader.core.formats import load_document
    from reader.ui.app import configure_application
    from reader.ui.main_window import MainWindow

    app = QApplication([])
    configure_application(app)
    window = MainWindow()
    window.resize(1200, 800)
    window.show()
    results = {}
    for name, paths in (("seed", seed_paths()[:1]), ("1,000,000 characters", make_document())):
        window.show_document(load_document(*paths))
        started = time.perf_counter()
        while not window.text_is_ready:
            app.processEvents()
        processed = time.perf_counter() - started
        rows = window.model.rowCount()
        sampled = sorted(random.Random(3).sample(range(rows), min(rows, 400)))
        times = measure(window, app, sampled, options.positions)
        results[name] = times
        print(
            f"{name:<22} {rows:>6} rows (processed in {processed:.1f} s): {len(times)} positions, "
            f"median {statistics.median(times) * 1000:.2f} ms, "
            f"99th percentile {percentile(times, 0.99) * 1000:.2f} ms, "
            f"max {max(times) * 1000:.2f} ms"
        )
        window.actions.translations_on_hover.setChecked(False)
        plain = measure(window, app, sampled, options.positions)
        window.actions.translations_on_hover.setChecked(True)
        print(
            f"{'  without translations':<22} median {statistics.median(plain) * 1000:.2f} ms, "
            f"99th percentile {percentile(plain, 0.99) * 1000:.2f} ms"
        )
    small, large = results["seed"], results["1,000,000 characters"]
    print(
        f"large / seed: median {statistics.median(large) / statistics.median(small):.2f} x, "
        f"99th percentile {percentile(large, 0.99) / percentile(small, 0.99):.2f} x"
    )
    os._exit(0)  # the window's worker threads need not wind down


if __name__ == "__main__":
    sys.exit(main())
