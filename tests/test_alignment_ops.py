"""The editing operations on alignments: each does what it says and keeps the partition whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.alignment import (
    Alignment,
    Link,
    detach,
    link,
    merge_with_next,
    pair_in_order,
    row_of,
    split,
)
from reader.core.document import Language


def make(*shape: tuple[int, int]) -> Alignment:
    """An alignment from (English count, Chinese count) per row."""
    links, english, chinese = [], 0, 0
    for a, b in shape:
        links.append(Link(range(english, english + a), range(chinese, chinese + b)))
        english, chinese = english + a, chinese + b
    return Alignment(tuple(links), english, chinese)


def shape(alignment: Alignment) -> list[tuple[int, int]]:
    return [(len(item.english), len(item.chinese)) for item in alignment]


@st.composite
def alignments(draw: st.DrawFn) -> Alignment:
    english = draw(st.integers(0, 9))
    chinese = draw(st.integers(0 if english else 1, 9))
    rows = draw(st.integers(1, 8))
    cuts = st.lists(st.integers(0, 9), min_size=rows - 1, max_size=rows - 1)
    english_cuts = [0, *sorted(min(c, english) for c in draw(cuts)), english]
    chinese_cuts = [0, *sorted(min(c, chinese) for c in draw(cuts)), chinese]
    runs = [
        (range(english_cuts[k], english_cuts[k + 1]), range(chinese_cuts[k], chinese_cuts[k + 1]))
        for k in range(rows)
    ]
    links = [
        Link(english_run, chinese_run)
        for english_run, chinese_run in runs
        if english_run or chinese_run
    ]
    return Alignment(tuple(links), english, chinese)


def rows_holding(alignment: Alignment, language: Language) -> list[int]:
    count = alignment.english_count if language is Language.ENGLISH else alignment.chinese_count
    return [row_of(alignment, language, k) for k in range(count)]


def apply_random(alignment: Alignment, data: st.DataObject) -> Alignment:
    """One random operation, checked against what it promises."""
    operation = data.draw(st.sampled_from(["link", "merge", "split", "detach"]))
    if operation == "link" and alignment.english_count and alignment.chinese_count:
        e = data.draw(st.integers(0, alignment.english_count - 1))
        z = data.draw(st.integers(0, alignment.chinese_count - 1))
        result = link(alignment, e, z)
        assert row_of(result, Language.ENGLISH, e) == row_of(result, Language.CHINESE, z)
        first = min(row_of(alignment, Language.ENGLISH, e), row_of(alignment, Language.CHINESE, z))
        assert result.links[:first] == alignment.links[:first]
        return result
    if operation == "merge" and len(alignment) > 1:
        row = data.draw(st.integers(0, len(alignment) - 2))
        result = merge_with_next(alignment, row)
        assert len(result) == len(alignment) - 1
        merged = result[row]
        assert merged.english == range(
            alignment[row].english.start, alignment[row + 1].english.stop
        )
        assert merged.chinese == range(
            alignment[row].chinese.start, alignment[row + 1].chinese.stop
        )
        return result
    if operation == "split":
        row = data.draw(st.integers(0, len(alignment) - 1))
        whole = alignment[row]
        english_at = data.draw(st.integers(0, len(whole.english)))
        chinese_at = data.draw(st.integers(0, len(whole.chinese)))
        try:
            result = split(alignment, row, english_at, chinese_at)
        except ValueError:
            assert (english_at, chinese_at) in ((0, 0), (len(whole.english), len(whole.chinese)))
            return alignment
        assert len(result) == len(alignment) + 1
        assert (len(result[row].english), len(result[row].chinese)) == (english_at, chinese_at)
        assert result[row + 1].english.stop == whole.english.stop
        return result
    if operation == "detach":
        language = data.draw(st.sampled_from(list(Language)))
        count = alignment.english_count if language is Language.ENGLISH else alignment.chinese_count
        if not count:
            return alignment
        index = data.draw(st.integers(0, count - 1))
        result = detach(alignment, language, index)
        own = result[row_of(result, language, index)]
        mine, theirs = (
            (own.english, own.chinese)
            if language is Language.ENGLISH
            else (own.chinese, own.english)
        )
        assert mine == range(index, index + 1) and not theirs
        return result
    return alignment


@settings(max_examples=300, deadline=None)
@given(alignments(), st.data())
def test_random_operation_sequences_keep_every_segment_in_one_link_in_order(
    alignment: Alignment, data: st.DataObject
) -> None:
    for _ in range(data.draw(st.integers(1, 12))):
        alignment = apply_random(alignment, data)
        # Alignment() re-checks the partition; the rows of the segments must also be in order
        for language in Language:
            rows = rows_holding(alignment, language)
            assert rows == sorted(rows)


def test_link_joins_across_rows_and_leaves_what_lay_between_alone() -> None:
    alignment = make((1, 1), (1, 1), (1, 1), (1, 1))
    result = link(alignment, 1, 3)
    assert shape(result) == [(1, 1), (1, 3), (1, 0), (1, 0)]
    assert result[1].english == range(1, 2) and result[1].chinese == range(1, 4)


def test_link_the_other_way_round() -> None:
    alignment = make((1, 1), (1, 1), (1, 1))
    result = link(alignment, 2, 0)
    assert shape(result) == [(3, 1), (0, 1), (0, 1)]


def test_link_within_one_row_changes_nothing() -> None:
    alignment = make((2, 1), (1, 1))
    assert link(alignment, 1, 0) is alignment


def test_link_keeps_the_rest_of_the_later_row() -> None:
    alignment = make((1, 1), (1, 3))
    result = link(alignment, 0, 2)
    assert shape(result) == [(1, 3), (1, 1)]


def test_merge_split_and_detach() -> None:
    alignment = make((1, 1), (1, 2), (0, 1))
    assert shape(merge_with_next(alignment, 0)) == [(2, 3), (0, 1)]
    assert shape(split(alignment, 1, 1, 1)) == [(1, 1), (1, 1), (0, 1), (0, 1)]
    assert shape(detach(alignment, Language.CHINESE, 2)) == [(1, 1), (1, 1), (0, 1), (0, 1)]
    assert shape(detach(alignment, Language.ENGLISH, 1)) == [(1, 1), (1, 0), (0, 2), (0, 1)]


def test_operations_refuse_what_they_cannot_do() -> None:
    alignment = make((1, 1), (1, 1))
    with pytest.raises(IndexError):
        merge_with_next(alignment, 1)
    with pytest.raises(ValueError):
        split(alignment, 0, 0, 0)
    with pytest.raises(IndexError):
        row_of(alignment, Language.ENGLISH, 5)


def test_user_made_links_are_sure() -> None:
    alignment = Alignment(
        (Link(range(0, 1), range(0, 1), 0.3), Link(range(1, 2), range(1, 2), 0.4)), 2, 2
    )
    merged = merge_with_next(alignment, 0)
    assert merged[0].confidence == 1.0


@given(st.integers(0, 3), st.integers(0, 30), st.integers(0, 3), st.integers(0, 30))
def test_pairing_in_order_puts_headings_together_then_paragraphs_one_to_one(
    english_headings: int, english_body: int, chinese_headings: int, chinese_body: int
) -> None:
    alignment = pair_in_order(english_headings, english_body, chinese_headings, chinese_body)
    headings = english_headings or chinese_headings
    expected = [(english_headings, chinese_headings)] if headings else []
    pairs = min(english_body, chinese_body)
    expected += [(1, 1)] * pairs
    expected += [(1, 0)] * (english_body - pairs) + [(0, 1)] * (chinese_body - pairs)
    assert shape(alignment) == expected  # and Alignment checked the partition is whole
