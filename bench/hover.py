"""Hover benchmark: time from a mouse position to the pop-up, on the seed article and on the
largest document, median and 99th percentile over thousands of positions.

Run from the repository root: `python bench/hover.py [--positions N]`. The program's window is
opened offscreen with a temporary home; each document is processed fully first. Rows are
sampled across the document; for each, the view is scrolled to it and left to lay it out (real
heights replace estimated ones) and to work out the counterparts of the rows on screen, as it
does while the reader's mouse travels to a word (a screen's rows take a few tenths of a second
on a worker, which slows the window's thread while it runs); only then are the row's positions
taken, one per Chinese character, so long words and short, known and unknown, all count.
`RowView.hover_at` is timed at each, twice:

- content: finding the character and its word, the word's pinyin and dictionary entries, the
  pop-up's text, and lighting up the other language's words and sentences — the pop-up's
  `show_word` is replaced by writing its rich text, so Qt's sizing and showing are left out;
- shown: the same with the real pop-up, as the reader sees it (Qt lays the rich text out and
  shows the window).

The seed's figure is the baseline: the large document's must not be larger (beyond noise).
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

ROWS = 300  # rows sampled per document
SETTLE_SECONDS = 5.0  # longest wait for the rows on screen to be worked out


def settle(window, app, row: int) -> bool:
    """Scroll `row` to the top and let the view lay it out and work out the screen's
    counterparts (all of them: the worker's work would slow the hovers measured); False if
    they were not ready in time."""
    view, index = window.view, window.model.index(row)
    deadline = time.perf_counter() + SETTLE_SECONDS
    while time.perf_counter() < deadline:
        if not view.viewport().rect().intersects(view.visualRect(index)):
            view.scrollTo(index, view.ScrollHint.PositionAtTop)  # a pending layout ignores it
        app.processEvents()
        if window.counterparts.worked_out(row) and window.counterparts.idle:
            return True
        time.sleep(0.002)
    return False


def positions_in(window, row: int) -> list[object]:
    """Viewport positions of every Chinese character of `row`, as it is laid out now."""
    from PySide6.QtCore import QPointF

    from reader.core.document import Language
    from reader.ui.row_delegate import Span

    view, model = window.view, window.model
    top_left = QPointF(view.visualRect(model.index(row)).topLeft())
    found = []
    for index, paragraph in model.paragraphs(row, Language.CHINESE):
        for offset in range(len(paragraph.text)):
            span = Span(Language.CHINESE, index, offset, offset + 1)
            found.append(view.delegate.span_rect(row, span).center() + top_left)
    return found


def measure(window, app, rows: list[int], wanted: int) -> tuple[dict[str, list[float]], int]:
    """Hover times (content, shown) over about `wanted` positions spread over `rows`; and how
    many rows were not worked out in time."""
    from reader.ui.word_popup import popup_html

    view, popup = window.view, window.view.popup
    show_word = popup.show_word

    def content_only(info: object, anchor: object) -> None:
        popup.info = info
        popup_html(info, popup.colours)

    times: dict[str, list[float]] = {"content": [], "shown": []}
    late = 0
    per_row = max(1, -(-wanted // len(rows)))
    chooser = random.Random(7)
    for row in rows:
        late += not settle(window, app, row)
        positions = positions_in(window, row)
        positions = chooser.sample(positions, min(per_row, len(positions)))
        for name, shower in (("content", content_only), ("shown", show_word)):
            popup.show_word = shower
            for position in positions:
                view.clear_hover()
                started = time.perf_counter()
                view.hover_at(position)
                times[name].append(time.perf_counter() - started)
        popup.show_word = show_word
        view.clear_hover()
    return times, late


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
        count = window.model.rowCount()
        rows = sorted(random.Random(3).sample(range(count), min(count, ROWS)))
        times, late = measure(window, app, rows, options.positions)
        results[name] = times
        print(f"{name}: {count} rows (processed in {processed:.1f} s), {len(rows)} sampled", end="")
        print(f", {late} not worked out within {SETTLE_SECONDS:.0f} s" if late else "")
        for kind, values in times.items():
            print(
                f"  {kind:<8} {len(values)} positions: "
                f"median {statistics.median(values) * 1000:.2f} ms, "
                f"99th percentile {percentile(values, 0.99) * 1000:.2f} ms, "
                f"max {max(values) * 1000:.2f} ms"
            )
    small, large = results["seed"], results["1,000,000 characters"]
    for kind in small:
        print(
            f"large / seed, {kind}: median "
            f"{statistics.median(large[kind]) / statistics.median(small[kind]):.2f} x, "
            f"99th percentile {percentile(large[kind], 0.99) / percentile(small[kind], 0.99):.2f} x"
        )
    os._exit(0)  # the window's worker threads need not wind down


if __name__ == "__main__":
    sys.exit(main())
