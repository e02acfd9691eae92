"""The word list's core: kept in the store, exported for Anki and spreadsheets, searched, and
each word's sentence with its English counterpart."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from reader.core.document import Document, Paragraph
from reader.core.store import Store
from reader.core.text_service import shared_service
from reader.core.word_context import sentence_pair
from reader.core.word_info import describe
from reader.core.word_list import (
    ANKI,
    COLUMNS,
    CSV,
    SavedWord,
    anki_notes,
    glosses_as_read,
    matches,
    saved_word,
)

BANK = SavedWord(
    word="银行",
    pinyin="yínháng",
    glosses="bank",
    sentence="我去银行。",
    translation="I go to the bank.",
    document="a" * 64,
    title="A Walk",
    saved="2024-03-01T09:30:00+08:00",
)
CITY = SavedWord(
    word="乌鲁木齐",
    pinyin="Wūlǔmùqí",
    glosses="Ürümqi or Urumqi",
    sentence="在乌鲁木齐举行。",
    translation="Held in Urumqi.",
    document="b" * 64,
    title="Tianshan",
    saved="2024-03-02T10:00:00+08:00",
)
HEADER = (
    "#separator:tab\n"
    "#html:false\n"
    "#tags column:8\n"
    "#columns:Word\tPinyin\tGlosses\tSentence\tTranslation\tDocument\tSaved\tTags\n"
)


@pytest.fixture
def store(tmp_path: Path):
    store = Store.open(tmp_path / "reader.sqlite3")
    yield store
    store.close()


def test_saved_words_round_trip_through_the_store_and_a_reopening(tmp_path: Path) -> None:
    path = tmp_path / "reader.sqlite3"
    store = Store.open(path)
    bank, city = store.add_saved_word(BANK), store.add_saved_word(CITY)
    assert 0 < bank.id < city.id
    assert store.saved_words() == [bank, city]
    store.close()
    assert Store.open(path).saved_words() == [bank, city]


def test_deleted_words_put_back_keep_their_id_and_place(store: Store) -> None:
    bank, city = store.add_saved_word(BANK), store.add_saved_word(CITY)
    store.delete_saved_words([bank.id, city.id])
    assert store.saved_words() == []
    assert store.add_saved_word(city) == city
    assert store.add_saved_word(bank) == bank
    assert store.saved_words() == [bank, city]
    assert store.add_saved_word(BANK).id > city.id  # a new word never takes a used id


def test_known_words_are_marked_and_unmarked(tmp_path: Path) -> None:
    path = tmp_path / "reader.sqlite3"
    store = Store.open(path)
    store.set_known("会议", True)
    store.set_known("会议", True)
    store.set_known("我们", True)
    store.set_known("我们", False)
    store.set_known("从未", False)
    store.close()
    assert Store.open(path).known_words() == {"会议"}


def test_anki_export_is_the_headers_then_one_note_per_line() -> None:
    assert anki_notes([BANK, CITY]) == HEADER + (
        "银行\tyínháng\tbank\t我去银行。\tI go to the bank.\tA Walk\t2024-03-01\tparallel-reader\n"
        "乌鲁木齐\tWūlǔmùqí\tÜrümqi or Urumqi\t在乌鲁木齐举行。\tHeld in Urumqi.\tTianshan"
        "\t2024-03-02\tparallel-reader\n"
    )


def test_anki_fields_lose_tabs_and_line_breaks_and_parse_back() -> None:
    awkward = SavedWord(
        word="银行",
        pinyin="yínháng",
        glosses="bank\tfinancial institution",
        sentence="我去\n银行。",
        translation='He said "the bank",\r\nthen left.',
        document="c" * 64,
        title="Title\twith tab",
        saved="2024-03-01T09:30:00+08:00",
    )
    text = anki_notes([awkward, BANK])
    assert text.startswith(HEADER)
    lines = text[len(HEADER) :].splitlines()
    assert len(lines) == 2
    parsed = list(csv.reader(lines, delimiter="\t"))
    assert parsed[0] == [
        "银行",
        "yínháng",
        "bank financial institution",
        "我去 银行。",
        'He said "the bank", then left.',
        "Title with tab",
        "2024-03-01",
        "parallel-reader",
    ]
    assert parsed[1] == [*BANK.fields(), "parallel-reader"]


def test_files_are_written_as_anki_and_spreadsheets_read_them(tmp_path: Path) -> None:
    anki, table = tmp_path / "words.txt", tmp_path / "words.csv"
    ANKI.write(anki, [BANK, CITY])
    CSV.write(table, [BANK, CITY])
    assert anki.read_bytes().startswith(b"#separator:tab\n")  # no BOM: Anki wants # first
    assert table.read_bytes().startswith("\ufeffWord,".encode())
    with table.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    assert rows == [list(COLUMNS), list(BANK.fields()), list(CITY.fields())]


def test_search_finds_characters_pinyin_without_tones_and_glosses() -> None:
    for query in ("乌鲁", "Wūlǔ", "wulu", "wu lu mu qi", "URUMQI", ""):
        assert matches(CITY, query), query
    for query in ("银行", "bank", "xyz"):
        assert not matches(CITY, query), query


def test_glosses_are_those_of_the_reading_here() -> None:
    info = describe(shared_service(), "银行")
    assert glosses_as_read(info).startswith("bank")
    document = Document((Paragraph("I go."),), (Paragraph("我去银行。"),), title="A Walk")
    word = saved_word(info, "我去银行。", "I go.", document, saved=BANK.saved)
    assert (word.word, word.pinyin, word.title, word.date) == (
        "银行",
        "yínháng",
        "A Walk",
        "2024-03-01",
    )
    assert word.document == document.content_key


def test_the_sentence_of_a_word_comes_with_its_translation() -> None:
    service = shared_service()
    english = ["We went to the bank in the morning.", "Then we walked home slowly."]
    chinese = ["我们上午去了银行。然后我们慢慢走回家。"]
    tokens = [service.read(chinese[0])]
    offset = chinese[0].index("走")
    assert sentence_pair(english, chinese, tokens, 0, offset, service) == (
        "然后我们慢慢走回家。",
        "Then we walked home slowly.",
    )
    assert sentence_pair([], chinese, tokens, 0, 0, service) == ("我们上午去了银行。", "")
