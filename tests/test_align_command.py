"""`parallel-reader align`: printed links, exports, and one-line errors."""

from __future__ import annotations

import argparse
import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from reader import align_command

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_009ed611b62df4eb.txt"
ENGLISH = [
    "The farmers harvested wheat in the autumn.",
    "My grandmother lives in a small village near the river.",
    "She keeps two cats.",
    "The factory produced 8,000 tons of steel in 1958.",
]
CHINESE = [
    "农民在秋天收割小麦。",
    "我奶奶住在河边的一个小村子里，养了两只猫。",
    "这家工厂在1958年生产了八千吨钢铁。",
]


def run(*args: str) -> int:
    parser = argparse.ArgumentParser()
    align_command.add_arguments(parser)
    return align_command.run(parser.parse_args(list(args)))


def parse(output: str) -> list[tuple[list[int], list[int]]]:
    links = []
    for line in output.splitlines():
        english, chinese = line.split(":")
        links.append((json.loads(english), json.loads(chinese)))
    return links


def covers_in_order(links: list[tuple[list[int], list[int]]], english: int, chinese: int) -> bool:
    return [k for e, _ in links for k in e] == list(range(english)) and [
        k for _, z in links for k in z
    ] == list(range(chinese))


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    english, chinese = tmp_path / "en.txt", tmp_path / "zh.txt"
    english.write_text("\n".join(ENGLISH) + "\n", encoding="utf-8")
    chinese.write_text("\n".join(CHINESE) + "\n", encoding="utf-8")
    return english, chinese


def test_two_files_print_one_link_per_line(files, capsys) -> None:
    assert run(str(files[0]), str(files[1])) == 0
    links = parse(capsys.readouterr().out)
    assert covers_in_order(links, len(ENGLISH), len(CHINESE))
    assert links == [([0], [0]), ([1, 2], [1]), ([3], [2])]


def test_a_document_aligns_its_paragraphs(capsys) -> None:
    assert run(str(SEED)) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == ["[0]:[0,1]", "[1]:[2]", "[2]:[3]", "[3]:[4]", "[4]:[5]"]


def test_exports(files, tmp_path: Path, capsys) -> None:
    tmx, tsv = tmp_path / "out.tmx", tmp_path / "out.tsv"
    assert run(str(files[0]), str(files[1]), "--tmx", str(tmx), "--tsv", str(tsv)) == 0
    links = parse(capsys.readouterr().out)
    rows = [row.split("\t") for row in tsv.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == len(links)
    assert rows[1][:2] == ["1,2", "1"] and rows[1][3] == " ".join(ENGLISH[1:3])
    assert all(0 <= float(row[2]) <= 1 for row in rows)
    root = ElementTree.parse(tmx).getroot()
    assert root.tag == "tmx" and root.get("version") == "1.4"
    header = root.find("header")
    assert header is not None
    assert {"srclang", "segtype", "datatype", "adminlang", "o-tmf", "creationtool"} <= set(
        header.attrib
    )
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for unit in root.findall("./body/tu"):
        assert all(tuv.get(lang) in ("en", "zh-CN", "zh") for tuv in unit.findall("tuv"))
        assert all(tuv.find("seg") is not None for tuv in unit.findall("tuv"))
    units = root.findall("./body/tu")
    assert len(units) == len(links)
    segments = [seg.text for seg in units[2].iter("seg")]
    assert segments == [ENGLISH[3], CHINESE[2]]


def test_a_missing_file_is_one_line_on_stderr(tmp_path: Path, capsys) -> None:
    assert run(str(tmp_path / "absent.txt"), str(tmp_path / "absent-too.txt")) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and "absent.txt" in captured.err


def test_an_unwritable_export_is_one_line_on_stderr(files, tmp_path: Path, capsys) -> None:
    target = tmp_path / "no-such-folder" / "out.tsv"
    assert run(str(files[0]), str(files[1]), "--tsv", str(target)) == 1
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
