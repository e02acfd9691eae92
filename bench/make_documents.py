"""Make large parallel documents for the benchmarks: an English and a Chinese plain-text file,
paragraphs separated by blank lines, paragraph k of one file translating paragraph k of the other.

Run from the repository root: `python bench/make_documents.py [--chars N] [--rows N]`. The
units are MAC dev's aligned sentences (`../shared/data/mac-dev`, evaluation data that must never
be committed) when present, else the seed article's paragraphs; they are shuffled with a fixed
seed and repeated until the Chinese side has N characters. The files go to a folder outside the
repository (the system's temporary folder unless `--out` says otherwise) and are reused when
they are already there.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align import MAC_DEV, read_chapters, synthetic_pairs

OUT = Path(tempfile.gettempdir()) / "parallel-reader-bench"
CHARS = 1_000_000
ROWS = 20_000


def units() -> tuple[str, list[tuple[str, str]]]:
    """Where the text comes from, and its parallel units as (English, Chinese)."""
    chapters = read_chapters(MAC_DEV) if MAC_DEV.is_dir() else []
    pairs = [(" ".join(en), "".join(zh)) for en, zh in synthetic_pairs(chapters)]
    return ("MAC dev" if chapters else "the seed article"), pairs


def paragraphs(pairs: list[tuple[str, str]], chars: int, rows: int) -> list[tuple[str, str]]:
    """`rows` paragraph pairs (fewer if the units run out first) whose Chinese sides add up to
    `chars` characters: units are drawn until there are enough, then dealt out evenly."""
    shuffler = random.Random(chars * 31 + rows)
    drawn: list[tuple[str, str]] = []
    total = 0
    while total < chars:
        batch = list(pairs)
        shuffler.shuffle(batch)
        for en, zh in batch:
            drawn.append((en, zh))
            total += len(zh)
            if total >= chars:
                break
    rows = min(rows, len(drawn))
    bounds = [len(drawn) * k // rows for k in range(rows + 1)]
    return [
        (" ".join(en for en, _ in drawn[a:b]), "".join(zh for _, zh in drawn[a:b]))
        for a, b in pairwise(bounds)
    ]


def make_document(chars: int = CHARS, rows: int = ROWS, out: Path = OUT) -> tuple[Path, Path]:
    """The English and Chinese files of a document of `chars` Chinese characters (made once)."""
    source, pairs = units()
    tag = "mac" if source == "MAC dev" else "seed"
    english_path = out / f"parallel-{tag}-{chars}-{rows}.en.txt"
    chinese_path = english_path.with_name(english_path.name.replace(".en.", ".zh."))
    if english_path.is_file() and chinese_path.is_file():
        return english_path, chinese_path
    made = paragraphs(pairs, chars, rows)
    out.mkdir(parents=True, exist_ok=True)
    english_path.write_text("\n\n".join(en for en, _ in made) + "\n", encoding="utf-8")
    chinese_path.write_text("\n\n".join(zh for _, zh in made) + "\n", encoding="utf-8")
    return english_path, chinese_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=CHARS, help="Chinese characters in all")
    parser.add_argument("--rows", type=int, default=ROWS, help="paragraphs on each side")
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the files")
    options = parser.parse_args()
    source, _ = units()
    english, chinese = make_document(options.chars, options.rows, options.out)
    rows = chinese.read_text(encoding="utf-8").count("\n\n") + 1
    print(f"from {source}: {rows} paragraphs a side")
    print(english)
    print(chinese)
    return 0


if __name__ == "__main__":
    sys.exit(main())
