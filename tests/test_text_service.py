"""The text service: segmentation that covers the text, readings in context, every entry."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.text_service import join_syllables, shared_service, write_name
from reader.core.word_info import describe

SERVICE = shared_service()


@pytest.mark.parametrize(
    "text",
    [
        "会议采取会内和会外相结合的方式",
        "据新华社乌鲁木齐28日电　新疆维吾尔自治区从2月18日到25日",
        "Mixed 英文 and 中文, with <b>markup</b>\n and newlines.",
        "",
    ],
)
def test_tokens_cover_the_text_exactly(text: str) -> None:
    tokens = SERVICE.segment(text)
    assert "".join(t.text for t in tokens) == text
    position = 0
    for token in tokens:
        assert token.start == position and text[token.start : token.end] == token.text
        position = token.end


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("天山南北响起大跃进号角 ab1。，\n行银"), max_size=40))
def test_tokens_cover_any_text(text: str) -> None:
    assert "".join(t.text for t in SERVICE.segment(text)) == text


@pytest.mark.parametrize(
    ("word", "reading"),
    [
        ("银行", "yínháng"),
        ("行走", "xíngzǒu"),
        ("重庆", "Chóngqìng"),
        ("长大", "zhǎngdà"),
        ("重要", "zhòngyào"),
        ("西安", "Xī'ān"),
        ("维吾尔", "Wéiwú'ěr"),
        ("新疆维吾尔自治区", "Xīnjiāng Wéiwú'ěr Zìzhìqū"),
    ],
)
def test_pinyin_is_read_as_a_word_in_context(word: str, reading: str) -> None:
    assert SERVICE.pinyin(word) == reading


def test_same_character_read_by_its_word() -> None:
    words = {t.text: SERVICE.pinyin(t.text) for t in SERVICE.segment("我们去银行，他在行走")}
    assert words["银行"] == "yínháng"
    assert words["行走"] == "xíngzǒu"


def test_apostrophe_only_before_a_o_e_inside_a_word() -> None:
    assert join_syllables(["xī", "ān"]) == "xī'ān"
    assert join_syllables(["ān", "quán"]) == "ānquán"
    assert join_syllables(["píng", "ān"]) == "píng'ān"
    assert write_name(["Xīn", "jiāng", "Wéi", "wú", "ěr"]) == "Xīnjiāng Wéiwú'ěr"


def test_lookup_keeps_every_entry_of_a_headword() -> None:
    readings = {entry.pinyin for entry in SERVICE.lookup("行")}
    assert {"xíng", "háng"} <= readings


def test_lookup_finds_traditional_headwords() -> None:
    entries = SERVICE.lookup("銀行")
    assert entries and entries[0].simplified == "银行" and "bank" in entries[0].glosses


def test_describe_puts_the_reading_in_context_first() -> None:
    info = describe(SERVICE, "行")
    assert info.pinyin == "xíng" and info.first_gloss == "to walk"
    bank = describe(SERVICE, "银行").characters
    assert [(c.word, c.pinyin) for c in bank] == [("银", "yín"), ("行", "háng")]


def test_characters_of_a_name_give_their_common_meaning() -> None:
    crow, *_ = describe(SERVICE, "乌鲁木齐").characters
    assert crow.pinyin == "wū" and crow.first_gloss == "crow"


@pytest.mark.parametrize(
    ("word", "gloss"), [("期", "a period of time"), ("以", "to use"), ("最", "most")]
)
def test_an_entry_that_only_points_to_another_comes_after_it(word: str, gloss: str) -> None:
    """CC-CEDICT lists a variant form's entry ("old variant of 以[yi3]") under the simplified
    character too, often first."""
    assert describe(SERVICE, word).first_gloss == gloss
    assert describe(SERVICE, word + "间").characters[0].first_gloss == gloss


def test_service_is_safe_from_several_threads() -> None:
    results: list[str] = []
    text = "天山南北响起大跃进号角"
    threads = [
        threading.Thread(
            target=lambda: results.append("/".join(t.text for t in SERVICE.segment(text)))
        )
        for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(results)) == 1 and len(results) == 6


def test_cross_references_in_glosses_read_in_tone_marks() -> None:
    (crow,) = [e for e in SERVICE.lookup("乌") if "abbr. for Ukraine" in e.glosses[0]]
    assert "[Wū kè lán]" in crow.readable_glosses[0]


def test_a_common_word_is_not_capitalised_like_a_name_read_the_same() -> None:
    assert SERVICE.pinyin("日") == "rì"
    assert SERVICE.pinyin("新疆") == "Xīnjiāng"
