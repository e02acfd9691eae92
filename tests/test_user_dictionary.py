"""The user dictionary: the reader's joins and splits cut every text, exactly and undoably."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.store import Store
from reader.core.text_service import TextService
from reader.core.user_dictionary import SegmentationFix, UserDictionary, plan_join, plan_split

SENTENCE = "会议采取会内和会外相结合的方式"
FIXED = SegmentationFix("会外相结合", ("会外", "相结合"))


@pytest.fixture(scope="module")
def service() -> TextService:
    """A service of this module's own, so fixes made here reach no other test."""
    return TextService()


@pytest.fixture(autouse=True)
def no_fixes(service: TextService):
    service.set_user_dictionary(UserDictionary())
    yield


def words(service: TextService, text: str = SENTENCE) -> list[str]:
    return [t.text for t in service.segment(text)]


def reading(service: TextService, word: str, text: str = SENTENCE) -> tuple[str, ...]:
    (token,) = [t for t in service.read(text) if t.text == word]
    return token.syllables


def one_character_words(text: str):
    """A stand-in segmenter: every character a word."""
    return [(char, n, n + 1) for n, char in enumerate(text)]


def test_jieba_reads_the_foreign_minister_where_the_text_has_none(service: TextService) -> None:
    assert words(service)[4:7] == ["会", "外相", "结合"]
    assert reading(service, "外相") == ("wài", "xiàng")


def test_a_fix_cuts_the_string_as_told_and_xiang_follows(service: TextService) -> None:
    service.set_user_dictionary(UserDictionary([FIXED]))
    assert words(service)[3:6] == ["和", "会外", "相结合"]
    assert reading(service, "相结合") == ("xiāng", "jié", "hé")
    assert reading(service, "会外") == ("huì", "wài")


def test_joining_leaves_jieba_to_cut_what_is_around(service: TextService) -> None:
    tokens = service.segment(SENTENCE)
    start = SENTENCE.index("会外")
    fixes = plan_join(service.user_dictionary, SENTENCE, tokens, start, start + 2)
    assert fixes == [SegmentationFix("会外", ("会外",))]
    service.set_user_dictionary(UserDictionary(fixes))
    assert words(service)[4:6] == ["会外", "相结合"]


def test_splitting_a_word_cuts_it_where_asked(service: TextService) -> None:
    tokens = service.segment(SENTENCE)
    fixes = plan_split(service.user_dictionary, SENTENCE, tokens, [SENTENCE.index("相")])
    assert fixes == [SegmentationFix("外相", ("外", "相"))]
    service.set_user_dictionary(UserDictionary(fixes))
    assert words(service)[5:8] == ["外", "相", "结合"]
    assert reading(service, "相") == ("xiāng",)


def test_acts_that_change_nothing_make_no_fix(service: TextService) -> None:
    tokens = service.segment(SENTENCE)
    dictionary = service.user_dictionary
    assert plan_join(dictionary, SENTENCE, tokens, 0, 2) == []  # 会议 is a word already
    assert plan_join(dictionary, SENTENCE, tokens, 3, 4) == []  # one character
    assert plan_split(dictionary, SENTENCE, tokens, [2, 4]) == []  # between words already


def test_acting_inside_an_earlier_fix_keeps_its_other_cuts(service: TextService) -> None:
    service.set_user_dictionary(UserDictionary([FIXED]))
    tokens = service.segment(SENTENCE)
    dictionary = service.user_dictionary
    split = plan_split(dictionary, SENTENCE, tokens, [SENTENCE.index("结")])
    assert split == [SegmentationFix("会外相结合", ("会外", "相", "结合"))]
    start = SENTENCE.index("外相")
    joined = plan_join(dictionary, SENTENCE, tokens, start, start + 2)
    assert joined == [SegmentationFix("会外相结合", ("会", "外相", "结合"))]


def test_undo_restores_the_original_words_and_readings(service: TextService) -> None:
    before = service.read(SENTENCE)
    original = service.user_dictionary
    service.set_user_dictionary(original.with_fix(FIXED))
    assert service.read(SENTENCE) != before
    service.set_user_dictionary(service.user_dictionary.without(FIXED.surface))
    assert service.read(SENTENCE) == before
    assert service.user_dictionary_version() == original.version


def test_the_version_follows_the_fixes(service: TextService) -> None:
    empty = service.user_dictionary_version()
    service.set_user_dictionary(UserDictionary([FIXED]))
    fixed = service.user_dictionary_version()
    assert fixed != empty
    other = SegmentationFix("会外相结合", ("会", "外", "相结合"))
    service.set_user_dictionary(service.user_dictionary.with_fix(other))
    assert service.user_dictionary_version() not in (empty, fixed)
    service.set_user_dictionary(UserDictionary([FIXED]))
    assert service.user_dictionary_version() == fixed


def test_where_fixes_overlap_the_newer_wins() -> None:
    older = SegmentationFix("会外", ("会外",), made="2024-01-01T00:00:00")
    newer = SegmentationFix("外相", ("外相",), made="2024-01-02T00:00:00")
    cut = UserDictionary([older, newer]).segment("和会外相", one_character_words)
    assert [w for w, _, _ in cut] == ["和", "会", "外相"]
    renewed = SegmentationFix("会外", ("会外",), made="2024-01-03T00:00:00")
    cut = UserDictionary([newer, renewed]).segment("和会外相", one_character_words)
    assert [w for w, _, _ in cut] == ["和", "会外", "相"]


def test_a_fix_must_make_up_its_string() -> None:
    with pytest.raises(ValueError):
        SegmentationFix("会外", ("会", "内"))
    with pytest.raises(ValueError):
        SegmentationFix("会外", ("会外", ""))
    with pytest.raises(ValueError):
        SegmentationFix("会", ("会",))


FIXES = st.lists(
    st.lists(st.text(alphabet="会外相结合", min_size=1, max_size=3), min_size=1, max_size=3)
    .filter(lambda parts: len("".join(parts)) >= 2)
    .map(lambda parts: SegmentationFix("".join(parts), tuple(parts))),
    max_size=5,
)


@settings(max_examples=80, deadline=None)
@given(fixes=FIXES, text=st.text(alphabet="会外相结合和的 a", max_size=30))
def test_fixed_words_still_cover_any_text_exactly(fixes, text: str) -> None:
    position = 0
    for word, start, end in UserDictionary(fixes).segment(text, one_character_words):
        assert (start, text[start:end]) == (position, word) and word
        position = end
    assert position == len(text)


def test_store_keeps_fixes_replaces_and_forgets_them(tmp_path: Path) -> None:
    path = tmp_path / "reader.sqlite3"
    store = Store.open(path)
    assert store.load_segmentation_fixes() == []
    joined = SegmentationFix("会外", ("会外",))
    store.save_segmentation_fix(FIXED)
    store.save_segmentation_fix(joined)
    store.close()
    store = Store.open(path)
    kept = store.load_segmentation_fixes()
    assert kept == [FIXED, joined] and [f.made for f in kept] == [FIXED.made, joined.made]
    store.save_segmentation_fix(SegmentationFix("会外相结合", ("会", "外相结合")))
    store.delete_segmentation_fix("会外")
    assert [f.parts for f in store.load_segmentation_fixes()] == [("会", "外相结合")]
    store.close()
