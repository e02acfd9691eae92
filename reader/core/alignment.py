"""The alignment of a document: an ordered partition of both sides into links.

A link joins a run of consecutive English segments to a run of consecutive Chinese segments;
either run may be empty. Every segment of each side is in exactly one link, in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Link:
    """One row of the reader: English segments `english` beside Chinese segments `chinese`."""

    english: range
    chinese: range
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Alignment:
    """An ordered tuple of links covering `english_count` and `chinese_count` segments."""

    links: tuple[Link, ...]
    english_count: int
    chinese_count: int

    def __post_init__(self) -> None:
        check_partition(self.links, self.english_count, self.chinese_count)

    def __len__(self) -> int:
        return len(self.links)

    def __iter__(self) -> Iterator[Link]:
        return iter(self.links)

    def __getitem__(self, row: int) -> Link:
        return self.links[row]


def check_partition(links: Iterable[Link], english_count: int, chinese_count: int) -> None:
    """Raise ValueError unless the links cover both sides exactly once, in order."""
    next_en = next_zh = 0
    for row, link in enumerate(links):
        for run, expected, side in ((link.english, next_en, "English"), (link.chinese, next_zh, "Chinese")):
            if run.step != 1 or run.start != expected:
                raise ValueError(f"link {row}: {side} run {run} does not start at {expected}")
        if not link.english and not link.chinese:
            raise ValueError(f"link {row} is empty on both sides")
        next_en, next_zh = link.english.stop, link.chinese.stop
    if (next_en, next_zh) != (english_count, chinese_count):
        raise ValueError(
            f"links cover {next_en}/{english_count} English and {next_zh}/{chinese_count} Chinese"
        )


def _run(start: int, length: int) -> range:
    return range(start, start + length)


def pair_in_order(
    english_headings: int, english_body: int, chinese_headings: int, chinese_body: int
) -> Alignment:
    """Headings beside headings, then body paragraphs one to one; the longer side's rest alone.

    The stand-in used before the automatic aligner has run. Headings are assumed to come first
    on each side, as the document formats produce them.
    """
    links: list[Link] = []
    if english_headings or chinese_headings:
        links.append(Link(_run(0, english_headings), _run(0, chinese_headings)))
    for k in range(max(english_body, chinese_body)):
        en = english_headings + min(k, english_body)
        zh = chinese_headings + min(k, chinese_body)
        links.append(Link(_run(en, int(k < english_body)), _run(zh, int(k < chinese_body))))
    return Alignment(tuple(links), english_headings + english_body, chinese_headings + chinese_body)
