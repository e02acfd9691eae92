"""Start-up benchmark: launch to first paint, and launch to hover-ready, against baselines
measured in the same run with the same interpreter.

Run from the repository root: `python bench/startup.py [--runs N]`. Every launch is a fresh
process, offscreen, with its own temporary home (settings, data, caches), so nothing of the
user's is read or written. Figures are medians over the runs. Modules are compiled to bytecode
once, by the first launch, into a folder of that home (`PYTHONPYCACHEPREFIX`), as installing
the program compiles them: a launch that compiled every module each time would measure the
compiler, not the start-up. A first paint is timed when it is done: when the label's, or the
row view's, own paint returns (until stop 16 this bench timed its start, which left out the
13 ms or so that the program takes to paint its rows, and none of the bare window's).

- bare window: a PySide6 QApplication with one QLabel, launch to its first paint; launched
  right before each opening of the program, whose first paint is also given over that
  launch's (the machine's speed drifts between launches).
- jieba: `import jieba; jieba.initialize()` in a fresh process (its own cache in place).
- first paint: `parallel-reader` on the seed article, launch to the first paint of its rows.
- hover-ready: launch until resting the mouse on a visible Chinese word shows the full pop-up
  (words, pinyin, dictionary), plus that first hover's own time. "First opening": the program
  has run before (its dictionary caches exist) but not on this document; "second opening":
  the document's words are cached too. The very first run (no caches at all) is shown too. On
  a second opening the bench also says whether the words on screen were there at the first
  paint (the first hover is then made at that paint, cold), beside the first tool-tip of the
  bare window (Qt's own, in rich text like the pop-up's, shown right after its first paint):
  what any Qt program's first hover costs.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
TOOL_TIP = (
    "<div style='font-size:x-large'>银行</div><div style='font-size:large'><b>yínháng</b></div>"
    "<p style='margin:4px 0'><i>yín háng</i><br>bank; CL:家[jiā],個|个[gè]</p>"
)


def child_bare(started: float) -> None:
    from PySide6.QtCore import QPoint, QTimer
    from PySide6.QtGui import QPaintEvent
    from PySide6.QtWidgets import QApplication, QLabel, QToolTip

    app = QApplication([])

    def tool_tip(painted: float) -> None:
        """Qt's own first tool-tip, in rich text like the pop-up's: what any program's first
        hover costs, for the program's first hover made at its first paint."""
        begun = time.perf_counter()
        QToolTip.showText(QPoint(40, 40), TOOL_TIP, label)
        _finish(f"paint {painted} tool_tip {time.perf_counter() - begun}")

    class Label(QLabel):
        def paintEvent(self, event: QPaintEvent) -> None:
            super().paintEvent(event)
            painted = time.time() - started  # its text painted
            QTimer.singleShot(0, lambda: tool_tip(painted))

    label = Label("Parallel Reader")
    label.show()
    app.exec()


def child_jieba() -> None:
    begun = time.perf_counter()
    import jieba

    jieba.setLogLevel(60)
    jieba.initialize()
    _finish(f"jieba {time.perf_counter() - begun}")


def child_app(started: float) -> None:
    """The program as `parallel-reader` starts it, watched from inside: first paint of the
    rows, then a check every few milliseconds for visible words that can be hovered. Nothing
    is imported ahead of the program (Qt included): the row view is watched from the moment
    its module is imported."""
    sys.path.insert(0, str(ROOT))
    sys.meta_path.insert(0, _WatchRowView(lambda module: _watch(module, started)))
    from reader.cli import main

    main([])


class _WatchRowView:
    """An import hook that hands `reader.ui.row_view` to `watch` once it has run."""

    NAME = "reader.ui.row_view"

    def __init__(self, watch: Callable[[ModuleType], None]) -> None:
        self._watch = watch

    def find_spec(self, name: str, path: object, target: object = None) -> ModuleSpec | None:
        if name != self.NAME:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run_module = spec.loader.exec_module

        def run_and_watch(module: ModuleType) -> None:
            run_module(module)
            self._watch(module)

        spec.loader.exec_module = run_and_watch
        return spec


def _watch(row_view: ModuleType, started: float) -> None:
    from PySide6.QtCore import QEvent, QObject, QPointF, QTimer
    from PySide6.QtWidgets import QApplication

    marks: dict[str, float] = {}

    def hover_ready(at_paint: bool = False) -> None:
        from reader.core.document import Language
        from reader.ui.first_screen import paragraphs_on_screen
        from reader.ui.row_delegate import Span

        # Asked of the view: the window's parts made after the first paint are not asked for,
        # which would make them at once.
        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if type(w).__name__ == "MainWindow")
        visible = paragraphs_on_screen(window.view)
        if not visible or any(window.model.tokens(i) is None for i in visible):
            return
        ready = time.time()
        marks["words_at_paint"] = float(at_paint)
        view, model = window.view, window.model
        index = visible[0]
        token = next(t for t in model.tokens(index) if t.is_chinese)
        row = model.row_of(Language.CHINESE, index)
        span = Span(Language.CHINESE, index, token.start, token.end)
        position = view.delegate.span_rect(row, span).center() + QPointF(
            view.visualRect(model.index(row)).topLeft()
        )
        begun = time.perf_counter()
        view.hover_at(position)
        hover = time.perf_counter() - begun
        assert view.popup.isVisible() and view.popup.info is not None
        marks["hover_ready"] = ready - started + hover
        marks["first_hover"] = hover
        checker.stop()
        if "--wait" in sys.argv:
            window.text_ready.connect(lambda: _report(marks))
            if window.text_is_ready:
                _report(marks)
        else:
            _report(marks)

    checker = QTimer()
    checker.setInterval(2)
    checker.timeout.connect(hover_ready)

    # The rows painted: the first paint is done when the row view's own paintEvent returns,
    # as the bare window's is when its label's does (a hover cannot come during a paint).
    paint_rows = row_view.RowView.paintEvent

    def paint_and_watch(view: QObject, event: QEvent) -> None:
        paint_rows(view, event)
        if "paint" not in marks and view.model().rowCount():
            marks["paint"] = time.time() - started
            hover_ready(at_paint=True)  # a second opening may be ready at once
            if "hover_ready" not in marks:
                checker.start()

    row_view.RowView.paintEvent = paint_and_watch


def _report(marks: dict[str, float]) -> None:
    _finish(" ".join(f"{name} {value}" for name, value in marks.items()))


def _finish(line: str) -> None:
    print(line, flush=True)
    os._exit(0)  # at once: a worker may still be aligning


def launch(kind: str, home: Path, *extra: str) -> dict[str, float]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = str(home / "bytecode")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        environment[name] = str(home / name.lower())
    command = [sys.executable, __file__, "--child", kind, str(time.time()), *extra]
    result = subprocess.run(
        command, capture_output=True, text=True, check=True, env=environment, timeout=300
    )
    fields = result.stdout.split()
    return {fields[i]: float(fields[i + 1]) for i in range(0, len(fields), 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description="Start-up figures against baselines.")
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    runs: dict[str, list[float]] = {}

    def note(name: str, value: float) -> None:
        runs.setdefault(name, []).append(value)

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        cold = launch("app", home, "--wait")  # builds the caches, as a first run ever would

        def bare_window() -> None:
            launched = launch("bare", home)
            note("bare", launched["paint"])
            note("bare first tool-tip", launched["tool_tip"])

        for _ in range(options.runs):
            bare_window()
            note("jieba", launch("jieba", home)["jieba"])
            for path in home.rglob("tokens/*"):
                path.unlink()
            first = launch("app", home, "--wait")  # waits to write the document's cache
            note("first paint", first["paint"])
            note("first paint / bare", first["paint"] / runs["bare"][-1])
            note("hover-ready, first opening", first["hover_ready"])
            bare_window()  # each opening next to a bare window
            second = launch("app", home)
            note("first paint, second opening", second["paint"])
            note("first paint, second opening / bare", second["paint"] / runs["bare"][-1])
            note("hover-ready, second opening", second["hover_ready"])
            note("words at first paint, second opening", second["words_at_paint"])
            note("first hover, second opening", second["first_hover"])
            note(
                "hover-ready after first paint, second opening",
                second["hover_ready"] - second["paint"],
            )
    median = {name: statistics.median(values) for name, values in runs.items()}
    bare, jieba = median["bare"], median["jieba"]
    print(f"medians of {options.runs} runs (bare window: {2 * options.runs}), {sys.executable}")
    print(f"bare window, launch to first paint        {bare:6.3f} s")
    print(f"jieba import + initialize                 {jieba:6.3f} s")
    for name in ("first paint", "first paint, second opening"):
        print(
            f"{name:<42}{median[name]:6.3f} s   {median[name] / bare:.2f} x bare window "
            f"(median of each launch over the bare one before it: {median[name + ' / bare']:.2f})"
        )
    budget = jieba + bare
    for name in ("hover-ready, first opening", "hover-ready, second opening"):
        value = median[name]
        print(
            f"{name:<42}{value:6.3f} s   {value / budget:.2f} x (jieba + bare window), "
            f"{value - budget:+.3f} s"
        )
    print(
        f"first run ever (no caches): first paint {cold['paint']:.3f} s, "
        f"hover-ready {cold['hover_ready']:.3f} s"
    )
    second_gap = median["hover-ready after first paint, second opening"]
    at_paint = sum(runs["words at first paint, second opening"])
    print(
        f"second opening: the words on screen at first paint in {at_paint:.0f} of "
        f"{options.runs} launches; hover-ready "
        f"{second_gap * 1000:.0f} ms after first paint, the first hover itself taking "
        f"{median['first hover, second opening'] * 1000:.0f} ms (a bare window's first "
        f"tool-tip: {median['bare first tool-tip'] * 1000:.1f} ms)"
    )
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        kind = sys.argv[2]
        if kind == "bare":
            child_bare(float(sys.argv[3]))
        elif kind == "jieba":
            child_jieba()
        else:
            child_app(float(sys.argv[3]))
    sys.exit(main())
