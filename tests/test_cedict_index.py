"""CC-CEDICT's index on disk answers as the parsed dictionary does, and is rebuilt rather than
read when it is damaged or made from other data: no byte of it is used before its block is
checked."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypinyin.contrib.tone_convert import to_tone

from reader.core import cedict, cedict_index
from reader.core.cedict import Cedict, syllable_with_marks
from reader.core.cedict_index import CedictIndex, DamagedIndex
from reader.core.text_service import TextService

LINES = [
    "# CC-CEDICT sample\n",
    "行 行 [xing2] /to walk/to go/\n",
    "行 行 [hang2] /row/line/profession/\n",
    "銀行 银行 [yin2 hang2] /bank/\n",
    "烏魯木齊 乌鲁木齐 [Wu1 lu3 mu4 qi2] /Urumqi/\n",
    "綠 绿 [lu:4] /green/\n",
    "malformed line\n",
]


# Entries for a dozen blocks: the table of records in the first two, entry 4000 far after.
MANY = [f"{chr(0x4E00 + n)} {chr(0x4E00 + n)} [yi1] /meaning {n}/\n" for n in range(5_000)]
FAR_WORD, FAR_GLOSS = chr(0x4E00 + 4_000), b"meaning 4000/"


def _damage(path: Path, at: bytes, after: int = 0) -> None:
    """Change a bit of the byte `after` bytes past the first `at` in the file."""
    data = bytearray(path.read_bytes())
    data[data.index(at) + after] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.fixture
def index_path(tmp_path: Path) -> Path:
    path = tmp_path / "cedict.index"
    cedict_index.build(path, LINES, "v1")
    return path


def test_index_looks_up_as_the_parsed_dictionary_does(index_path: Path) -> None:
    index = CedictIndex.open(index_path, "v1")
    parsed = Cedict(iter(LINES))
    assert index is not None
    for word in ("行", "银行", "銀行", "乌鲁木齐", "烏魯木齊", "绿", "綠", "无", ""):
        assert index.lookup(word) == parsed.lookup(word)
        assert (word in index) == (word in parsed)
    assert [e.pinyin for e in index.lookup("行")] == ["xíng", "háng"]  # CC-CEDICT's order
    assert sorted(e.simplified for e in index) == sorted(e.simplified for e in parsed)


def test_words_kept_answer_as_read_however_many_are_asked(
    index_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Entries looked up are kept for the next hover, a bounded number of words; what a
    caller does with its list changes nothing kept."""
    monkeypatch.setattr(cedict_index, "WORDS_KEPT", 2)
    index = CedictIndex.open(index_path, "v1")
    parsed = Cedict(iter(LINES))
    assert index is not None
    index.lookup("行").clear()
    for word in ("行", "银行", "乌鲁木齐", "无", "行", "银行", "绿", "行"):
        assert index.lookup(word) == parsed.lookup(word)


def test_a_damaged_or_stale_index_is_not_opened(index_path: Path) -> None:
    assert CedictIndex.open(index_path, "v2") is None
    data = bytearray(index_path.read_bytes())
    data[-2] ^= 0x20
    index_path.write_bytes(bytes(data))
    assert CedictIndex.open(index_path, "v1") is None
    assert CedictIndex.open(index_path.with_name("missing"), "v1") is None


@pytest.mark.parametrize(
    ("at", "after"),
    [(b" 5000 ", 1), (b" 5000 ", 6), (b"\n", 1)],
    ids=["records counted", "blocks counted", "blocks' checksums"],
)
def test_damage_to_the_header_or_the_checks_keeps_the_index_closed(
    tmp_path: Path, at: bytes, after: int
) -> None:
    path = tmp_path / "cedict.index"
    cedict_index.build(path, MANY, "v1")
    _damage(path, at, after)
    assert CedictIndex.open(path, "v1") is None


def test_an_index_cut_short_is_not_opened(tmp_path: Path) -> None:
    path = tmp_path / "cedict.index"
    cedict_index.build(path, MANY, "v1")
    path.write_bytes(path.read_bytes()[: -cedict_index.BLOCK])
    assert CedictIndex.open(path, "v1") is None


def test_a_damaged_record_is_never_read(tmp_path: Path) -> None:
    path = tmp_path / "cedict.index"
    cedict_index.build(path, MANY, "v1")
    _damage(path, FAR_GLOSS)
    index = CedictIndex.open(path, "v1")
    assert index is not None  # opening reads the table of records, not the records
    assert [e.glosses for e in index.lookup(chr(0x4E00 + 10))] == [("meaning 10",)]
    with pytest.raises(DamagedIndex):
        index.lookup(FAR_WORD)
    assert not index.check()


@pytest.mark.parametrize("first", ["hover", "worker"])
def test_the_service_rebuilds_a_damaged_index_and_answers_from_the_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, first: str
) -> None:
    monkeypatch.setattr(cedict, "bundled_lines", lambda: iter(MANY))
    TextService(tmp_path).load_dictionary()  # an earlier session's index
    path = tmp_path / "cedict.index"
    _damage(path, FAR_GLOSS)
    service = TextService(tmp_path)
    if first == "worker":
        service.load_dictionary()  # opened and checked whole: rebuilt before any look-up
    assert [e.glosses for e in service.lookup(FAR_WORD)] == [("meaning 4000",)]
    rebuilt = CedictIndex.open(path, cedict.bundled_version())
    assert rebuilt is not None and rebuilt.check()


@pytest.mark.parametrize("numbered", ["lu:4", "Xi1", "er5", "zhuang4", "m2", "ng4", "you3"])
def test_tone_marks_are_placed_as_pypinyin_places_them(numbered: str) -> None:
    letters, tone = numbered[:-1], numbered[-1]
    expected = to_tone(letters.lower().replace("u:", "v") + tone)
    expected = expected.capitalize() if letters[0].isupper() else expected
    assert syllable_with_marks(numbered) == expected
