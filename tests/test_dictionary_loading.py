"""Loading the libraries' dictionaries in slices gives them exactly what their own loading
gives; jieba's cache of ours is rebuilt, never trusted, when it is damaged."""

from __future__ import annotations

import json
from pathlib import Path

import jieba

from reader.core import dictionary_loading
from reader.core.dictionary_loading import load_jieba

TEXT = "我们去银行取钱，然后去乌鲁木齐看看新疆维吾尔自治区。"


def test_jieba_loaded_from_our_cache_cuts_as_jieba_does(tmp_path: Path) -> None:
    reference = jieba.Tokenizer()
    reference.initialize()
    built = jieba.Tokenizer()
    load_jieba(built, tmp_path)  # no cache yet: built from jieba's dictionary, then written
    cached = jieba.Tokenizer()
    load_jieba(cached, tmp_path)
    assert cached.FREQ == reference.FREQ and cached.total == reference.total
    expected = list(reference.tokenize(TEXT))
    assert list(built.tokenize(TEXT)) == expected == list(cached.tokenize(TEXT))


def test_a_damaged_jieba_cache_is_rebuilt(tmp_path: Path) -> None:
    load_jieba(jieba.Tokenizer(), tmp_path)
    (path,) = tmp_path.iterdir()
    good = path.read_bytes()
    path.write_bytes(good[:-100] + bytes(100))
    tokenizer = jieba.Tokenizer()
    load_jieba(tokenizer, tmp_path)
    assert path.read_bytes() == good
    assert "银行" in tokenizer.FREQ


def test_json_members_come_in_slices_equal_to_the_whole() -> None:
    text = json.dumps(
        {"一丁点儿": [["yī"], ["dīng"]], "银行": [["yín"], ["háng"]], "x": []}, indent=1
    )
    slices = list(dictionary_loading._json_object_slices(text, 2))
    assert [len(s) for s in slices] == [2, 1]
    assert {k: v for s in slices for k, v in s.items()} == json.loads(text)
