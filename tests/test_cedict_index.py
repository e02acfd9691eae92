"""CC-CEDICT's index on disk answers as the parsed dictionary does, and is rebuilt rather than
read when it is damaged or made from other data."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypinyin.contrib.tone_convert import to_tone

from reader.core import cedict_index
from reader.core.cedict import Cedict, syllable_with_marks
from reader.core.cedict_index import CedictIndex

LINES = [
    "# CC-CEDICT sample\n",
    "行 行 [xing2] /to walk/to go/\n",
    "行 行 [hang2] /row/line/profession/\n",
    "銀行 银行 [yin2 hang2] /bank/\n",
    "烏魯木齊 乌鲁木齐 [Wu1 lu3 mu4 qi2] /Urumqi/\n",
    "綠 绿 [lu:4] /green/\n",
    "malformed line\n",
]


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


def test_a_damaged_or_stale_index_is_not_opened(index_path: Path) -> None:
    assert CedictIndex.open(index_path, "v2") is None
    data = bytearray(index_path.read_bytes())
    data[-2] ^= 0x20
    index_path.write_bytes(bytes(data))
    assert CedictIndex.open(index_path, "v1") is None
    assert CedictIndex.open(index_path.with_name("missing"), "v1") is None


@pytest.mark.parametrize("numbered", ["lu:4", "Xi1", "er5", "zhuang4", "m2", "ng4", "you3"])
def test_tone_marks_are_placed_as_pypinyin_places_them(numbered: str) -> None:
    letters, tone = numbered[:-1], numbered[-1]
    expected = to_tone(letters.lower().replace("u:", "v") + tone)
    expected = expected.capitalize() if letters[0].isupper() else expected
    assert syllable_with_marks(numbered) == expected
