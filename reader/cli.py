"""The command line: open the window (or render it to a PNG), or annotate text with pinyin."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import Path

from reader.core.errors import ReaderError

SUBCOMMANDS = ("annotate", "align")


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallel-reader",
        description="Read English beside Chinese. Opens the bundled seed article when no FILE "
        "is given. Other commands: 'parallel-reader annotate --help', "
        "'parallel-reader align --help'.",
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        type=Path,
        help="a document, or an English and a Chinese plain-text file (at most two)",
    )
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        type=Path,
        help="render the window offscreen with the text fully processed, save it and exit",
    )
    return parser


def _annotate_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallel-reader annotate",
        description="Print one 'word<TAB>pinyin<TAB>first gloss' line per Chinese word.",
    )
    parser.add_argument("text", nargs="*", help="the text; standard input when omitted")
    return parser


def _align_parser() -> argparse.ArgumentParser:
    from reader import align_command

    parser = argparse.ArgumentParser(
        prog="parallel-reader align",
        description="Align an English and a Chinese text and print one link per line.",
    )
    align_command.add_arguments(parser)
    return parser


def annotate(text: str) -> list[str]:
    """The `annotate` output lines for `text`."""
    from reader.core.text_service import shared_service
    from reader.core.word_info import describe

    service = shared_service()
    lines = []
    for token in service.segment(text):
        if token.is_chinese:
            info = describe(service, token.text)
            lines.append(f"{info.word}\t{info.pinyin}\t{info.first_gloss}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "annotate":
            options = _annotate_parser().parse_args(args[1:])
            text = " ".join(options.text) if options.text else sys.stdin.read()
            for line in annotate(text):
                print(line)
            return 0
        if args and args[0] == "align":
            from reader import align_command

            return align_command.run(_align_parser().parse_args(args[1:]))
        options = _gui_parser().parse_args(args)
        if len(options.files) > 2:
            _gui_parser().error("give one document, or an English and a Chinese file")
        gc.disable()  # until the first paint: see reader.ui.app.after_first_paint
        try:
            from reader.ui.app import run

            return run(options.files, options.screenshot)
        finally:
            gc.enable()  # a file that could not be opened, say
    except ReaderError as error:
        print(f"parallel-reader: {error}", file=sys.stderr)
        return 1
