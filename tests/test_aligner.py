"""The automatic aligner and its evidence: numbers, names, sentences, and whole alignments."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.align_evidence import Lexicon, read_chinese, read_english
from reader.core.aligner import align
from reader.core.document import Language
from reader.core.formats import load_document
from reader.core.numbers import chinese_number, chinese_number_keys, english_number_keys
from reader.core.sentence_alignment import align_sentences
from reader.core.sentences import split_sentences
from reader.core.text_service import shared_service

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_009ed611b62df4eb.txt"

PAIRS = [
    ("The farmers harvested wheat in the autumn.", "农民在秋天收割小麦。"),
    ("My grandmother lives in a small village near the river.", "我奶奶住在河边的一个小村子里。"),
    ("The factory produced 8,000 tons of steel in 1958.", "这家工厂在1958年生产了八千吨钢铁。"),
    ("Teachers and students planted trees on the mountain.", "老师和学生在山上种树。"),
    ("The doctor told him to drink more water.", "医生叫他多喝水。"),
    (
        "In winter the lake freezes and children skate on the ice.",
        "冬天湖面结冰，孩子们在冰上滑冰。",
    ),
]


def links_of(alignment) -> list[tuple[list[int], list[int]]]:
    return [(list(link.english), list(link.chinese)) for link in alignment]


def test_the_seed_article_aligns_title_to_both_headlines_and_body_one_to_one() -> None:
    document = load_document(SEED)
    alignment = align([p.text for p in document.english], [p.text for p in document.chinese])
    assert links_of(alignment) == [([0], [0, 1]), ([1], [2]), ([2], [3]), ([3], [4]), ([4], [5])]
    assert all(0.0 <= link.confidence <= 1.0 for link in alignment)


def test_one_to_one_sentences_align_one_to_one() -> None:
    english, chinese = zip(*PAIRS, strict=True)
    alignment = align(english, chinese)
    assert links_of(alignment) == [([k], [k]) for k in range(len(PAIRS))]


def test_a_sentence_missing_from_the_translation_stands_alone() -> None:
    english = [e for e, _ in PAIRS]
    english.insert(3, "Nobody expected the orchestra to play jazz that evening.")
    alignment = align(english, [z for _, z in PAIRS])
    assert ([3], []) in links_of(alignment)
    assert links_of(alignment)[:3] == [([k], [k]) for k in range(3)]
    assert links_of(alignment)[4:] == [([k + 1], [k]) for k in range(3, len(PAIRS))]


def test_two_english_sentences_for_one_chinese_make_one_link() -> None:
    english = (
        [e for e, _ in PAIRS[:3]]
        + ["Teachers came.", "Students planted trees."]
        + [e for e, _ in PAIRS[4:]]
    )
    alignment = align(english, [z for _, z in PAIRS])
    assert ([3, 4], [3]) in links_of(alignment)


def test_empty_sides_leave_every_segment_alone() -> None:
    assert links_of(align(["One.", "Two."], [])) == [([0], []), ([1], [])]
    assert links_of(align([], ["一。"])) == [([], [0])]
    assert len(align([], [])) == 0


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("七百七十五", 775),
        ("二十多万", 200_000),
        ("八千多", 8000),
        ("1958", 1958),
        ("一九五八", 1958),
    ],
)
def test_chinese_numerals(numeral: str, value: int) -> None:
    assert chinese_number(numeral) == value


def test_numbers_and_dates_meet_across_scripts() -> None:
    chinese = chinese_number_keys("从2月18日到25日，七百七十五名代表向二十多万职工；1958年")
    english = english_number_keys(
        "From February 18th to 25th, 775 representatives, 200,000 in 1958"
    )
    assert (
        set(english)
        == set(chinese)
        == {
            "month:2",
            "#18",
            "#25",
            "#775",
            "#200000",
            "#1958",
        }
    )


@pytest.mark.parametrize(
    ("word", "english"),
    [
        ("赛福鼎", "Saifuddin"),
        ("乌鲁木齐", "Urumqi"),
        ("克拉玛依", "Karamay"),
        ("陈清扬", "Qingyang"),
    ],
)
def test_names_meet_their_transliterations(word: str, english: str) -> None:
    service = shared_service()
    keys = Lexicon(service).concepts(word)
    assert keys & set(read_english(f"They met {english} there.").stems)


def test_dictionary_glosses_reach_english_forms() -> None:
    service = shared_service()
    chinese = read_chinese("我想研究她的结构。", service, Lexicon(service))
    english = read_english("I wanted to study her structure.")
    assert {"study", "structur"} <= set(chinese.concepts) & set(english.stems)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("It cost 3.5 yuan. Cheap.", ["It cost 3.5 yuan.", "Cheap."]),
        ("J. R. R. Tolkien wrote it. I read it.", ["J. R. R. Tolkien wrote it.", "I read it."]),
        ('"Go!" she said. He went.', ['"Go!" she said.', "He went."]),
        ("No end here", ["No end here"]),
    ],
)
def test_english_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text, Language.ENGLISH) == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("他说：“我不去了。”她笑了。", ["他说：“我不去了。”", "她笑了。"]),
        ("真的吗？好！……然后呢", ["真的吗？", "好！……", "然后呢"]),
        ("“唉……。”他叹气。", ["“唉……。”", "他叹气。"]),
    ],
)
def test_chinese_sentences(text: str, sentences: list[str]) -> None:
    assert split_sentences(text, Language.CHINESE) == sentences


def test_sentences_are_aligned_inside_each_paragraph_link() -> None:
    english = [" ".join(e for e, _ in PAIRS[:3]), " ".join(e for e, _ in PAIRS[3:])]
    chinese = ["".join(z for _, z in PAIRS[:3]), "".join(z for _, z in PAIRS[3:])]
    paragraphs = align(english, chinese)
    assert links_of(paragraphs) == [([0], [0]), ([1], [1])]
    per_link = align_sentences(english, chinese, paragraphs)
    assert [len(s.english) for s in per_link] == [3, 3]
    assert all(links_of(s.alignment) == [([k], [k]) for k in range(3)] for s in per_link)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from([e for e, _ in PAIRS] + ["Yes.", "A long day."]), max_size=12),
    st.lists(st.sampled_from([z for _, z in PAIRS] + ["是。", "漫长的一天。"]), max_size=12),
)
def test_any_texts_give_a_whole_alignment_with_confidences_in_range(
    english: list[str], chinese: list[str]
) -> None:
    alignment = align(english, chinese)  # Alignment checks the partition itself
    assert (alignment.english_count, alignment.chinese_count) == (len(english), len(chinese))
    assert all(0.0 <= link.confidence <= 1.0 for link in alignment)


def test_a_long_text_with_a_long_gap_still_aligns_the_rest() -> None:
    """The band follows the path: thirty untranslated sentences do not derail what follows."""
    english = [e for e, _ in PAIRS] + [f"Filler sentence number {k}." for k in range(30)]
    english += [e for e, _ in PAIRS]
    chinese = [z for _, z in PAIRS] * 2
    links = links_of(align(english, chinese))
    assert links[-5:] == [([37 + k], [7 + k]) for k in range(5)]
    assert 36 in links[-6][0] and links[-6][1] == [6]
