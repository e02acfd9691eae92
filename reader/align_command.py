"""`parallel-reader align`: align two files line by line, or a document's paragraphs.

Prints one link per line, English indices first, 0-based: `[0]:[0,1]`, `[3]:[]`. With
`--tmx` or `--tsv` the links are also written, with their text, for other tools.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.core.errors import ReaderError


class OutputError(ReaderError):
    """An export file cannot be written: the message names the file and the reason."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The subcommand's arguments, on the parser the command line gives it."""
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        type=Path,
        help="an English and a Chinese file, one segment per line (in that order), "
        "or one document whose paragraphs are aligned",
    )
    parser.add_argument("--tmx", metavar="OUT.tmx", type=Path, help="also write TMX 1.4b")
    parser.add_argument("--tsv", metavar="OUT.tsv", type=Path, help="also write one link a row")


def run(args: argparse.Namespace) -> int:
    """Align, print the links, write the exports; a one-line error and 1 when that fails."""
    try:
        english, chinese = _segments(args.files)
        from reader.core.aligner import align
        from reader.core.exports import format_link, to_tmx, to_tsv

        alignment = align(english, chinese)
        if args.tmx:
            _write(args.tmx, to_tmx(alignment, english, chinese))
        if args.tsv:
            _write(args.tsv, to_tsv(alignment, english, chinese))
    except ReaderError as error:
        print(f"parallel-reader align: {error}", file=sys.stderr)
        return 1
    for link in alignment:
        print(format_link(link))
    return 0


def _segments(files: list[Path]) -> tuple[list[str], list[str]]:
    from reader.core.formats import load_document, split_segments

    if len(files) == 2:
        return split_segments(files[0]), split_segments(files[1])
    if len(files) == 1:
        document = load_document(files[0])  # paragraphs, headings included
        return [p.text for p in document.english], [p.text for p in document.chinese]
    raise ReaderError("give one document, or an English and a Chinese file")


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise OutputError(f"{path}: cannot be written ({error.strerror or error})") from None
