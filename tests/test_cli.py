"""The command line: annotate, the screenshot, and one-line errors with a non-zero exit."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def test_annotate_reads_standard_input(capsys, monkeypatch) -> None:
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("我们去银行\n"))
    assert main(["annotate"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "银行\tyínháng\tbank" in lines
    assert all(len(line.split("\t")) == 3 for line in lines)


@pytest.mark.parametrize(
    ("text", "word", "reading"),
    [("他在行走", "行走", "xíngzǒu"), ("维吾尔", "维吾尔", "Wéiwú'ěr")],
)
def test_annotate_reads_words_in_context(capsys, text: str, word: str, reading: str) -> None:
    assert main(["annotate", text]) == 0
    rows = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [word, reading] in [row[:2] for row in rows]


def test_annotate_as_a_program() -> None:
    result = run_cli("annotate", stdin="我们去银行")
    assert result.returncode == 0
    assert "银行\tyínháng\t" in result.stdout


def _bad_inputs(tmp: Path) -> dict[str, Path]:
    (tmp / "folder").mkdir()
    (tmp / "empty.txt").write_bytes(b"")
    (tmp / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (tmp / "undecodable.txt").write_bytes(b"caf\xe9 \xff\xfe\xfd au lait" * 3 + b"\x80\xff")
    (tmp / "blank.txt").write_text("  \n\n \t\n", encoding="utf-8")
    return {
        "missing": tmp / "missing.txt",
        "directory": tmp / "folder",
        "empty": tmp / "empty.txt",
        "binary": tmp / "binary.bin",
        "undecodable": tmp / "undecodable.txt",
        "no paragraphs": tmp / "blank.txt",
    }


@pytest.mark.parametrize(
    "kind", ["missing", "directory", "empty", "binary", "undecodable", "no paragraphs"]
)
def test_bad_input_gets_one_line_naming_the_file(capsys, tmp_path: Path, kind: str) -> None:
    path = _bad_inputs(tmp_path)[kind]
    assert main([str(path)]) != 0
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0]
    assert "Traceback" not in captured.err
    assert gc.isenabled()  # paused for the start-up alone


def test_the_start_up_pauses_the_cycle_collector_until_the_first_paint(
    monkeypatch: pytest.MonkeyPatch, qapp
) -> None:
    from reader.ui import app

    during: list[bool] = []
    monkeypatch.setattr(app, "run", lambda paths, screenshot: during.append(gc.isenabled()) or 0)
    assert main([]) == 0 and during == [False]
    gc.disable()
    try:
        app.after_first_paint(qapp)
        assert gc.isenabled() and gc.get_freeze_count() > 0
    finally:
        gc.enable()
        gc.unfreeze()


def test_help_everywhere() -> None:
    for args in ([], ["annotate"], ["align"]):
        result = run_cli(*args, "--help")
        assert result.returncode == 0 and "usage: parallel-reader" in result.stdout


def test_screenshot_writes_a_png_of_the_seed(tmp_path: Path) -> None:
    out = tmp_path / "shot.png"
    result = run_cli("--screenshot", str(out))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
