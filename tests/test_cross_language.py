"""Across the languages on the seed article: which English words translate a Chinese word,
which Chinese words an English word translates, and which sentence faces which."""

from __future__ import annotations

import pytest

from reader.core.aligner import align_document
from reader.core.bundled import seed_paths
from reader.core.cross_language import RowCounterparts, SentencePair, Span
from reader.core.document import Language
from reader.core.english_words import related, stem
from reader.core.formats import load_document
from reader.core.numbers import chinese_numbers, english_numbers
from reader.core.text_service import Token, shared_service


class Row:
    """One row of the seed article with its counterparts, and helpers that speak in words."""

    def __init__(self, english: list[str], chinese: list[str]) -> None:
        service = shared_service()
        self.english = english
        self.chinese = chinese
        self.tokens = [service.read(text) for text in chinese]
        self.counterparts = RowCounterparts(english, chinese, self.tokens, service)

    def token(self, word: str, occurrence: int = 0) -> tuple[int, Token]:
        found = [(p, t) for p, tokens in enumerate(self.tokens) for t in tokens if t.text == word]
        return found[occurrence]

    def english_for(self, word: str, occurrence: int = 0) -> list[str]:
        paragraph, token = self.token(word, occurrence)
        spans = self.counterparts.translations_of_chinese(paragraph, token)
        return [self.english[s.paragraph][s.start : s.end] for s in spans]

    def chinese_for(self, phrase: str, paragraph: int = 0, occurrence: int = 0) -> list[str]:
        text = self.english[paragraph]
        offset = -1
        for _ in range(occurrence + 1):
            offset = text.index(phrase, offset + 1)
        spans = self.counterparts.chinese_for_english(paragraph, offset)
        return [self.chinese[s.paragraph][s.start : s.end] for s in spans]

    def text(self, language: Language, span: Span) -> str:
        side = self.english if language is Language.ENGLISH else self.chinese
        return side[span.paragraph][span.start : span.end]


@pytest.fixture(scope="module")
def rows() -> list[Row]:
    document = load_document(seed_paths()[0])
    alignment = align_document(document, shared_service())
    assert [(list(link.english), list(link.chinese)) for link in alignment][:2] == [
        ([0], [0, 1]),
        ([1], [2]),
    ]
    return [
        Row(
            [document.english[i].text for i in link.english],
            [document.chinese[j].text for j in link.chinese],
        )
        for link in alignment
    ]


def test_a_place_name_highlights_its_english_spelling(rows: list[Row]) -> None:
    assert rows[1].english_for("乌鲁木齐") == ["Urumqi", "Urumqi"]
    assert rows[3].english_for("新疆", 0) == ["Xinjiang's"]
    assert rows[3].english_for("新疆", 1) == ["Xinjiang"]


def test_a_person_is_found_by_the_pinyin_of_the_name(rows: list[Row]) -> None:
    assert rows[2].english_for("赛福鼎") == ["Saifuddin"]


def test_a_gloss_of_several_words_highlights_the_whole_phrase(rows: list[Row]) -> None:
    # CC-CEDICT writes "Uighur", the translation "Uyghur": one name, spelled two ways.
    assert rows[1].english_for("新疆维吾尔自治区") == ["Xinjiang Uyghur Autonomous Region"]
    assert rows[1].english_for("新华社") == ["Xinhua News Agency"]
    assert rows[2].english_for("中共") == ["Chinese Communist Party"] * 2


def test_numbers_and_dates_meet_across_scripts(rows: list[Row]) -> None:
    row = rows[1]
    assert row.english_for("七百") == row.english_for("七十五") == ["775"]
    assert row.english_for("二十多万") == ["200,000"]
    assert row.english_for("28") == ["28th"]
    assert row.english_for("2") == row.english_for("月") == ["February"]
    assert rows[2].english_for("1958") == ["1958"]


def test_common_words_highlight_their_gloss_words_in_the_aligned_sentence(rows: list[Row]) -> None:
    row = rows[1]
    assert row.english_for("举行") == ["held"]
    assert row.english_for("完成") == ["complete"]
    assert row.english_for("代表", 1) == ["representatives"]  # the one of the second sentence
    assert row.english_for("生产") == ["production", "production"]  # produce ↔ production


def test_function_words_and_weak_evidence_highlight_nothing(rows: list[Row]) -> None:
    row = rows[1]
    assert row.english_for("的") == []
    assert row.english_for("在") == []
    assert row.english_for("掀起") == []  # "to lift; to raise": the translation says "launch"
    assert row.english_for("，") == []


def test_an_english_word_gives_back_the_chinese_words_it_translates(rows: list[Row]) -> None:
    row = rows[1]
    assert row.chinese_for("Urumqi") == ["乌鲁木齐", "乌鲁木齐"]
    assert row.chinese_for("held") == ["举行"]
    assert row.chinese_for("775") == ["七百", "七十五"]
    assert row.chinese_for("Uyghur") == ["新疆维吾尔自治区"]
    assert row.chinese_for("the") == []


def test_both_directions_agree(rows: list[Row]) -> None:
    for row in rows:
        for paragraph, tokens in enumerate(row.tokens):
            for token in tokens:
                for span in row.counterparts.translations_of_chinese(paragraph, token):
                    back = row.counterparts.chinese_for_english(span.paragraph, span.start)
                    assert Span(paragraph, token.start, token.end) in back


def test_the_first_body_sentences_face_each_other(rows: list[Row]) -> None:
    row = rows[1]
    pair = row.counterparts.counterpart_sentences(Language.CHINESE, 0, 3)
    assert pair is not None
    assert row.text(Language.CHINESE, pair.sentence).startswith("据新华社乌鲁木齐28日电")
    assert row.text(Language.CHINESE, pair.sentence).endswith("代表会议。")
    [english] = pair.counterparts
    assert row.text(Language.ENGLISH, english) == row.english[0][: row.english[0].index(".") + 1]
    assert row.text(Language.ENGLISH, english).startswith("Xinhua News Agency, Urumqi, 28th:")

    back = row.counterparts.counterpart_sentences(Language.ENGLISH, 0, english.start + 5)
    assert back is not None
    assert back.sentence == english
    assert back.counterparts == (pair.sentence,)
    between = english.end  # the blank after the full stop belongs to no sentence
    assert row.counterparts.counterpart_sentences(Language.ENGLISH, 0, between) is None


def test_the_title_row_spans_two_chinese_headline_paragraphs(rows: list[Row]) -> None:
    row = rows[0]
    assert row.english_for("天山南北") == ["Tianshan", "North and South"]
    assert row.english_for("大跃进") == ["Great Leap Forward"]
    assert row.token("大跃进")[0] == 1  # in the second headline
    assert row.chinese_for("Leap") == ["大跃进"]


def test_number_spans_cover_the_whole_number() -> None:
    assert chinese_numbers("出席会议的七百七十五名代表，2月18日") == [
        ("month:2", 14, 16),
        ("#775", 5, 10),
        ("#18", 16, 18),
    ]
    assert english_numbers("The 775 delegates, 200,000 workers, on the 28th of February") == [
        ("#775", 4, 7),
        ("#200000", 19, 26),
        ("#28", 43, 47),
        ("month:2", 51, 59),
    ]


def test_stems_of_irregular_forms_meet_their_base_and_derivatives_are_related() -> None:
    assert stem("made") == stem("make") and stem("given") == stem("give")
    assert related(stem("produce"), stem("production"))
    assert related(stem("industry"), stem("industrial"))
    assert not related(stem("part"), stem("party"))


def test_a_row_with_one_side_empty_has_sentences_but_no_counterparts() -> None:
    service = shared_service()
    english_only = RowCounterparts(["Hello there. Second one."], [], [], service)
    assert english_only.counterpart_sentences(Language.ENGLISH, 0, 14) == SentencePair(
        Span(0, 13, 24), ()
    )
    assert english_only.chinese_for_english(0, 0) == ()
    chinese = ["我们去银行。他走了。"]
    tokens = [service.segment(chinese[0])]
    chinese_only = RowCounterparts([], chinese, tokens, service)
    assert all(chinese_only.translations_of_chinese(0, token) == () for token in tokens[0])
