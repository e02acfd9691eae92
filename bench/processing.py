"""Processing benchmark on the 1,000,000-character document: throughput against the raw
libraries, the longest time the event loop is blocked meanwhile, and peak memory.

Run from the repository root: `python bench/processing.py`. Three fresh processes, offscreen,
each with a temporary home (so the document's word cache starts empty), the program's modules
compiled to bytecode beforehand as an installation has them:

- raw: `jieba.cut` and `pypinyin.pinyin` over every Chinese paragraph, the libraries loaded
  first (their loading is not timed), CPU time and wall time of the pass.
- program: a complete window, the text service loaded (neither timed), opens the document's
  files as File › Open does (read on a worker); wall time from asking to open until every
  paragraph's words and readings are in the row model. A timer due every 5 ms records how
  late it fires; the worst lateness is reported for the opening and processing, and then for
  the alignment that follows and half a second after the text is ready (the window's work on
  the alignment's arrival), with the CPU time the hypervisor took during that block and up
  to 50 ms before it. Peak
  resident memory (ru_maxrss) once all is done.
- program, scrolling: the same, with the reader scrolling meanwhile (a fifth of a screen
  every 40 ms, from the top to the bottom and round again): the event loop's longest blocks
  while the rows that come on screen are laid out and painted, and read first.
- bare: a PySide6 window with one label, for its peak memory.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TICK_MS = 5
# /proc/stat is read every so many ticks, not at each: a reading takes 0.05 ms alone, but its
# three system calls each give the interpreter up, and with the worker running each waits for
# it to come back; read at every tick, it took 1.6 ms a tick of the window's thread (profiled)
STEAL_TICKS = 10
AFTER_READY_MS = 500  # the timer runs on for this long once the text is ready
SCROLL_MS, SCROLL_STEP = 40, 160  # the scrolling reader: pixels every so many milliseconds


def stolen_seconds() -> float:
    """CPU time the hypervisor has given to other machines, all cores ("steal" in
    /proc/stat); 0 where there is no such count. Read before and after a run, it tells a slow
    run of a shared machine from a slow program."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()
        return int(fields[8]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def chinese_paragraphs() -> list[str]:
    from make_documents import make_document

    from reader.core.formats import load_document

    return [p.text for p in load_document(*make_document()).chinese]


def child_raw() -> dict[str, float]:
    import jieba
    import pypinyin

    jieba.setLogLevel(60)
    jieba.initialize()
    pypinyin.pinyin("银行")
    texts = chinese_paragraphs()
    wall, cpu, stolen = time.perf_counter(), time.process_time(), stolen_seconds()
    for text in texts:
        list(jieba.cut(text))
        pypinyin.pinyin(text)
    return {
        "seconds": time.perf_counter() - wall,
        "cpu": time.process_time() - cpu,
        "stolen": stolen_seconds() - stolen,
        "characters": sum(map(len, texts)),
    }


def child_bare() -> dict[str, float]:
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication([])
    label = QLabel("Parallel Reader")
    label.show()
    app.processEvents()
    return {"peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def child_program(scrolling: bool = False) -> dict[str, float]:
    from make_documents import make_document
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from reader.core.text_service import shared_service
    from reader.ui.app import configure_application
    from reader.ui.folders import cache_folder
    from reader.ui.main_window import MainWindow

    app = QApplication([])
    configure_application(app)
    shared_service(cache_folder()).load()
    paths = make_document()
    window = MainWindow()
    window.resize(1200, 800)
    window.show()
    window.complete()
    app.processEvents()
    figures: dict[str, float] = {"lateness_ms": 0.0, "align_lateness_ms": 0.0}
    clock = QElapsedTimer()
    phase = ["processing"]
    words = [0]

    def counted(tokens: dict) -> None:
        words[0] += len(tokens)
        if words[0] == len(window.model.document.chinese):
            figures["seconds"] = time.perf_counter() - started
            figures["stolen"] = stolen_seconds() - stolen
            phase[0] = "aligning"

    steal_read = [stolen_seconds(), 0]  # the last reading, and the ticks since

    def tick() -> None:
        late = clock.restart() - TICK_MS
        key = "lateness_ms" if phase[0] == "processing" else "align_lateness_ms"
        steal_read[1] += 1
        if late > figures[key]:  # the steal since a reading made before this block began
            steal = stolen_seconds() - steal_read[0]
            figures[key] = float(late)
            figures[key.replace("lateness_ms", "late_at")] = time.perf_counter() - started
            figures[key.replace("lateness_ms", "late_steal_ms")] = steal * 1000
        if steal_read[1] >= STEAL_TICKS:
            steal_read[:] = [stolen_seconds(), 0]

    window.model.tokens_added.connect(counted)
    window.model.modelReset.connect(
        lambda: figures.setdefault("shown_at", time.perf_counter() - started)
    )

    def ready() -> None:
        figures["total_seconds"] = time.perf_counter() - started
        # Not at once: the window's last work on the alignment's arrival is timed too.
        QTimer.singleShot(AFTER_READY_MS, app.quit)

    window.text_ready.connect(ready)
    timer = QTimer()
    timer.setTimerType(timer.timerType().PreciseTimer)
    timer.timeout.connect(tick)
    bar, scroller = window.view.verticalScrollBar(), QTimer()
    scroller.timeout.connect(
        lambda: bar.setValue((bar.value() + SCROLL_STEP) % (bar.maximum() or 1))
    )
    started, stolen = time.perf_counter(), stolen_seconds()
    window.open_paths(list(paths))
    clock.start()
    timer.start(TICK_MS)
    if scrolling:
        scroller.start(SCROLL_MS)
    app.exec()
    figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    figures["characters"] = sum(len(p.text) for p in window.model.document.chinese)
    return figures


def child_environment(home: Path, kind: str) -> dict[str, str]:
    """Offscreen, a home of its own, and the program's modules compiled to bytecode in `home`
    (see `compile_program`)."""
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = str(home / "bytecode")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        environment[name] = str(home / kind / name.lower())
    return environment


def compile_program(home: Path) -> None:
    """Compile the program's modules first, as installing it does: otherwise the modules the
    window imports after its first paint would be compiled while the document is read, and
    counted as the window's blocks."""
    command = [sys.executable, "-m", "compileall", "-q", str(ROOT / "reader")]
    subprocess.run(command, check=True, env=child_environment(home, "compile"))


def run_child(kind: str, home: Path) -> dict[str, float]:
    environment = child_environment(home, kind)
    command = [sys.executable, __file__, "--child", kind]
    result = subprocess.run(
        command, capture_output=True, text=True, check=True, env=environment, timeout=1200
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    from make_documents import make_document, units

    make_document()
    source, _ = units()
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        compile_program(home)
        raw = run_child("raw", home)
        program = run_child("program", home)
        scrolling = run_child("scrolling", home)
        bare = run_child("bare", home)
    chars = program["characters"]
    raw_rate = raw["characters"] / raw["seconds"]
    rate = chars / program["seconds"]
    print(f"document: {chars:,} Chinese characters, made from {source}; {sys.executable}")
    print(
        f"raw jieba.cut + pypinyin.pinyin   {raw['seconds']:6.1f} s  "
        f"({raw_rate:,.0f} characters/s, CPU {raw['cpu']:.1f} s)"
    )
    print(
        f"program, words + readings         {program['seconds']:6.1f} s  "
        f"({rate:,.0f} characters/s) = {rate / raw_rate:.2f} x the raw libraries' throughput"
    )
    print(f"program, then alignment too       {program['total_seconds']:6.1f} s")
    print(
        f"event loop: longest block {program['lateness_ms']:.0f} ms while processing "
        f"({program.get('late_at', 0):.1f} s after asking to open; shown at "
        f"{program['shown_at']:.2f} s), "
        f"{program['align_lateness_ms']:.0f} ms while aligning and just after "
        f"({program.get('align_late_at', 0):.1f} s; timer every {TICK_MS} ms)"
    )
    print(
        f"scrolling meanwhile: longest block {scrolling['lateness_ms']:.0f} ms while "
        f"processing, {scrolling['align_lateness_ms']:.0f} ms while aligning and just after "
        f"(processing {scrolling['seconds']:.1f} s; {SCROLL_STEP} px every {SCROLL_MS} ms)"
    )
    print(
        "steal during those four blocks: "
        + ", ".join(
            f"{run.get(key, 0):.0f} ms"
            for run in (program, scrolling)
            for key in ("late_steal_ms", "align_late_steal_ms")
        )
        + f" (both cores, in steps of {1000 / os.sysconf('SC_CLK_TCK'):.0f} ms)"
    )
    print(
        f"CPU time taken by the hypervisor (steal, both cores): raw {raw['stolen']:.1f} s, "
        f"program {program['stolen']:.1f} s, scrolling {scrolling['stolen']:.1f} s"
    )
    print(
        f"peak memory: {program['peak_mb']:.0f} MB with the document open, bare window "
        f"{bare['peak_mb']:.0f} MB ({program['peak_mb'] / bare['peak_mb']:.1f} x)"
    )
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        kind = sys.argv[2]
        work = {
            "raw": child_raw,
            "bare": child_bare,
            "program": child_program,
            "scrolling": lambda: child_program(scrolling=True),
        }[kind]
        print(json.dumps(work()), flush=True)
        os._exit(0)
    sys.exit(main())
