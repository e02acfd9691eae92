"""The alignment of a document: an ordered partition of both sides into links.

A link joins a run of consecutive English segments to a run of consecutive Chinese segments;
either run may be empty. Every segment of each side is in exactly one link, in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from reader.core.document import Document, Language, Paragraph


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
        for run, expected, side in (
            (link.english, next_en, "English"),
            (link.chinese, next_zh, "Chinese"),
        ):
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
    en, zh = english_headings, chinese_headings
    en_end, zh_end = en + english_body, zh + chinese_body
    pairs = min(english_body, chinese_body)  # a novel has 20,000: one comprehension each part
    links += [Link(range(en + k, en + k + 1), range(zh + k, zh + k + 1)) for k in range(pairs)]
    links += [Link(range(i, i + 1), range(zh_end, zh_end)) for i in range(en + pairs, en_end)]
    links += [Link(range(en_end, en_end), range(i, i + 1)) for i in range(zh + pairs, zh_end)]
    return Alignment(tuple(links), english_headings + english_body, chinese_headings + chinese_body)


def leading_headings(paragraphs: tuple[Paragraph, ...]) -> int:
    headings = 0
    while headings < len(paragraphs) and paragraphs[headings].heading:
        headings += 1
    return headings


def default_alignment(document: Document) -> Alignment:
    """Headings beside headings, then paragraphs in order, until the aligner has spoken."""
    en_head = leading_headings(document.english)
    zh_head = leading_headings(document.chinese)
    return pair_in_order(
        en_head, len(document.english) - en_head, zh_head, len(document.chinese) - zh_head
    )


# Editing operations. Each returns a new Alignment; links they make or reshape have
# confidence 1.0, since a person chose them; links they do not touch keep theirs.


def row_of(alignment: Alignment, language: Language, index: int) -> int:
    """The row whose link holds segment `index` of `language`."""
    for row, item in enumerate(alignment.links):
        if index in _side(item, language):
            return row
    raise IndexError(f"there is no {language.name.lower()} segment {index}")


def link(alignment: Alignment, english_index: int, chinese_index: int) -> Alignment:
    """Put an English and a Chinese segment into one link.

    The new link is the earlier segment's link extended up to and including the later
    segment. What lay between on the earlier segment's side cannot stay linked (it would have
    to come both after and before the new link), so each of those segments is left alone;
    the later segment's link keeps what follows the later segment.
    """
    english_row = row_of(alignment, Language.ENGLISH, english_index)
    chinese_row = row_of(alignment, Language.CHINESE, chinese_index)
    if english_row == chinese_row:
        return alignment
    first, last = sorted((english_row, chinese_row))
    start, end = alignment[first], alignment[last]
    joined = Link(
        range(start.english.start, english_index + 1),
        range(start.chinese.start, chinese_index + 1),
    )
    if english_row < chinese_row:
        after = range(chinese_index + 1, chinese_index + 1)
        alone = [Link(_run(k, 1), after) for k in range(english_index + 1, end.english.start)]
        rest = Link(end.english, range(chinese_index + 1, end.chinese.stop))
    else:
        after = range(english_index + 1, english_index + 1)
        alone = [Link(after, _run(k, 1)) for k in range(chinese_index + 1, end.chinese.start)]
        rest = Link(range(english_index + 1, end.english.stop), end.chinese)
    kept = [rest] if rest.english or rest.chinese else []
    return _replace(alignment, first, last + 1, [joined, *alone, *kept])


def merge_with_next(alignment: Alignment, row: int) -> Alignment:
    """Join the link of `row` with the one below it."""
    if not 0 <= row < len(alignment) - 1:
        raise IndexError(f"row {row} has no next row to merge with")
    upper, lower = alignment[row], alignment[row + 1]
    merged = Link(
        range(upper.english.start, lower.english.stop),
        range(upper.chinese.start, lower.chinese.stop),
    )
    return _replace(alignment, row, row + 2, [merged])


def split(alignment: Alignment, row: int, english_at: int, chinese_at: int) -> Alignment:
    """Cut the link of `row` in two: its first `english_at` English and `chinese_at` Chinese
    segments above, the rest below. Neither half may be empty on both sides."""
    whole = alignment[row]
    if not (0 <= english_at <= len(whole.english) and 0 <= chinese_at <= len(whole.chinese)):
        raise ValueError(f"row {row} cannot be split at {english_at}, {chinese_at}")
    english_cut = whole.english.start + english_at
    chinese_cut = whole.chinese.start + chinese_at
    upper = Link(range(whole.english.start, english_cut), range(whole.chinese.start, chinese_cut))
    lower = Link(range(english_cut, whole.english.stop), range(chinese_cut, whole.chinese.stop))
    if not (upper.english or upper.chinese) or not (lower.english or lower.chinese):
        raise ValueError(f"splitting row {row} at {english_at}, {chinese_at} leaves a half empty")
    return _replace(alignment, row, row + 1, [upper, lower])


def detach(alignment: Alignment, language: Language, index: int) -> Alignment:
    """Give a segment a link of its own, facing nothing.

    Its link's segments of the same language before it keep the other side; when there are
    none, those after it keep it; when it was alone on its side, the other side is left alone.
    The segment stands between the two parts, in its order.
    """
    row = row_of(alignment, language, index)
    whole = alignment[row]
    own, other = _side(whole, language), _side(whole, _other(language))
    before, after = range(own.start, index), range(index + 1, own.stop)
    if len(own) == 1 and not other:
        return alignment
    nothing_before = range(other.start, other.start)
    nothing_after = range(other.stop, other.stop)
    if before:
        parts = [(before, other), (_run(index, 1), nothing_after), (after, nothing_after)]
    else:
        parts = [(_run(index, 1), nothing_before), (after, other)]
    links = [_make(language, mine, theirs) for mine, theirs in parts if mine or theirs]
    return _replace(alignment, row, row + 1, links)


def _side(item: Link, language: Language) -> range:
    return item.english if language is Language.ENGLISH else item.chinese


def _other(language: Language) -> Language:
    return Language.CHINESE if language is Language.ENGLISH else Language.ENGLISH


def _make(language: Language, own: range, other: range) -> Link:
    return Link(own, other) if language is Language.ENGLISH else Link(other, own)


def _replace(alignment: Alignment, start: int, stop: int, links: list[Link]) -> Alignment:
    """The alignment with rows start..stop replaced by `links`."""
    new = (*alignment.links[:start], *links, *alignment.links[stop:])
    return Alignment(new, alignment.english_count, alignment.chinese_count)
