"""Finding in both languages: literal English and Chinese, Chinese by pinyin with or without
tones, in reading order, with a line of context for each match."""

from __future__ import annotations

import re

import pytest

from reader.core.alignment import Alignment, Link
from reader.core.bundled import seed_paths
from reader.core.document import Document, Language, Paragraph
from reader.core.formats import load_document
from reader.core.search import DocumentSearch, Match, reading_key, snippet
from reader.core.text_service import Token, shared_service

SEED = load_document(seed_paths()[0])


def searchable(document: Document) -> DocumentSearch:
    """A search given the words of every Chinese paragraph, as the window gives them."""
    search = DocumentSearch(document)
    service = shared_service()
    search.add_tokens({i: service.read(p.text) for i, p in enumerate(document.chinese)})
    return search


@pytest.fixture(scope="module")
def seed_search() -> DocumentSearch:
    return searchable(SEED)


def texts(document: Document, matches: tuple[Match, ...], language: Language) -> list[str]:
    side = document.side(language)
    return [side[m.paragraph].text[m.start : m.end] for m in matches if m.language is language]


def count(document: Document, language: Language, word: str) -> int:
    pattern = re.compile(re.escape(word), re.IGNORECASE)
    return sum(len(pattern.findall(p.text)) for p in document.side(language))


def test_xinjiang_finds_every_xinjiang_of_the_seed_in_both_languages(seed_search) -> None:
    matches = seed_search.find("xinjiang").matches
    assert texts(SEED, matches, Language.CHINESE) == ["新疆"] * count(
        SEED, Language.CHINESE, "新疆"
    )
    assert texts(SEED, matches, Language.ENGLISH) == ["Xinjiang"] * count(
        SEED, Language.ENGLISH, "Xinjiang"
    )
    assert count(SEED, Language.CHINESE, "新疆") == 7


@pytest.mark.parametrize(
    "query", ["Xīnjiāng", "XINJIANG", "xin1jiang1", " xin jiang ", "xīn jiāng"]
)
def test_tones_case_and_spaces_do_not_matter_to_pinyin(seed_search, query: str) -> None:
    chinese = [m for m in seed_search.find(query).matches if m.language is Language.CHINESE]
    expected = [m for m in seed_search.find("xinjiang").matches if m.language is Language.CHINESE]
    assert chinese == expected


def test_accents_in_a_query_are_optional_for_english(seed_search) -> None:
    english = texts(SEED, seed_search.find("Xīnjiāng").matches, Language.ENGLISH)
    assert english == ["Xinjiang"] * count(SEED, Language.ENGLISH, "Xinjiang")


def test_urumqi_finds_the_english_ones_and_no_chinese(seed_search) -> None:
    matches = seed_search.find("Urumqi").matches
    assert texts(SEED, matches, Language.ENGLISH) == ["Urumqi"] * count(
        SEED, Language.ENGLISH, "Urumqi"
    )
    assert count(SEED, Language.ENGLISH, "Urumqi") == 2
    assert texts(SEED, matches, Language.CHINESE) == []


def test_urumqi_in_pinyin_finds_the_chinese_ones(seed_search) -> None:
    found = texts(SEED, seed_search.find("wulumuqi").matches, Language.CHINESE)
    assert found == ["乌鲁木齐"] * count(SEED, Language.CHINESE, "乌鲁木齐")


def test_chinese_query_finds_the_characters(seed_search) -> None:
    matches = seed_search.find("新疆").matches
    assert texts(SEED, matches, Language.CHINESE) == ["新疆"] * 7
    assert texts(SEED, matches, Language.ENGLISH) == []


def test_english_is_found_whatever_its_case(seed_search) -> None:
    assert len(seed_search.find("THE GREAT LEAP").matches) == count(
        SEED, Language.ENGLISH, "the great leap"
    )


def test_digits_are_found_on_both_sides(seed_search) -> None:
    matches = seed_search.find("1958").matches
    assert {m.language for m in matches} == {Language.ENGLISH, Language.CHINESE}


def test_pinyin_matches_whole_syllables_only() -> None:
    search = searchable(Document((), (Paragraph("新疆和西安"),)))
    assert [(m.start, m.end) for m in search.find("xinjiang").matches] == [(0, 2)]
    assert [(m.start, m.end) for m in search.find("xian").matches] == [(3, 5)]  # xi'an
    assert [(m.start, m.end) for m in search.find("jiang").matches] == [(1, 2)]
    for query in ("injiang", "xinjian", "xinj"):
        assert search.find(query).matches == ()


def test_characters_are_read_as_in_their_word() -> None:
    search = searchable(Document((), (Paragraph("我们去银行"),)))
    assert [(m.start, m.end) for m in search.find("yinhang").matches] == [(3, 5)]
    assert search.find("yinxing").matches == ()


def test_paragraphs_without_words_yet_are_found_literally_only() -> None:
    search = DocumentSearch(SEED)
    assert texts(SEED, search.find("xinjiang").matches, Language.CHINESE) == []
    assert len(search.find("新疆").matches) == 7


def test_new_words_for_a_paragraph_replace_the_old_ones() -> None:
    search = DocumentSearch(Document((), (Paragraph("行"),)))
    search.add_tokens({0: [Token("行", 0, 1, ("xíng",))]})
    assert len(search.find("xing").matches) == 1
    search.add_tokens({0: [Token("行", 0, 1, ("háng",))]})
    assert search.find("xing").matches == ()
    assert len(search.find("hang").matches) == 1


def test_a_side_with_too_many_matches_is_cut_and_says_so(seed_search) -> None:
    found = seed_search.find("e", limit=10)
    assert found.truncated
    assert len([m for m in found.matches if m.language is Language.ENGLISH]) == 10
    assert not seed_search.find("Urumqi", limit=10).truncated


def test_an_empty_query_finds_nothing(seed_search) -> None:
    assert seed_search.find("  ").matches == ()


def test_reading_order_goes_row_by_row_english_first() -> None:
    alignment = Alignment((Link(range(0, 1), range(0, 2)), Link(range(1, 2), range(2, 3))), 2, 3)
    key = reading_key(alignment)
    matches = [
        Match(Language.CHINESE, 2, 0, 1),
        Match(Language.ENGLISH, 1, 5, 6),
        Match(Language.CHINESE, 1, 0, 1),
        Match(Language.ENGLISH, 0, 3, 4),
    ]
    assert [(m.language, m.paragraph) for m in sorted(matches, key=key)] == [
        (Language.ENGLISH, 0),
        (Language.CHINESE, 1),
        (Language.ENGLISH, 1),
        (Language.CHINESE, 2),
    ]
    assert key(Match(Language.CHINESE, 2, 0, 1)) > (1,) > key(Match(Language.CHINESE, 1, 0, 1))


def test_snippet_is_one_line_around_the_match() -> None:
    text = "Start.\n" + "x" * 80 + " Urumqi <b>and</b>\n" + "y" * 200
    document = Document((Paragraph(text),), ())
    start = text.index("Urumqi")
    line = snippet(document, Match(Language.ENGLISH, 0, start, start + 6))
    assert line.startswith("…") and line.endswith("…") and "\n" not in line
    assert "Urumqi <b>and</b>" in line
    assert snippet(document, Match(Language.ENGLISH, 0, 0, 5)).startswith("Start. x")
