"""load_document: the seed article format and its variants, plain-text pairs and single files."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.document import Document, Paragraph
from reader.core.errors import DocumentError
from reader.core.formats import load_document, split_segments

SEED = Path(__file__).parent.parent / "seeds" / "000_009ed611b62df4eb.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
TITLE = (
    "Seize the Time, Strive for the Top, and Achieve a Complete Red Success Every Month and "
    "Season! The Great Leap Forward Horn Sounds Across Tianshan North and South"
)
CHINESE_HEADINGS = ("抢时间\u3000争上游\u3000月月季季满堂红", "天山南北响起大跃进号角")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def texts(paragraphs: tuple[Paragraph, ...]) -> list[str]:
    return [paragraph.text for paragraph in paragraphs]


def error_of(*paths: Path) -> DocumentError:
    with pytest.raises(DocumentError) as caught:
        load_document(*paths)
    assert "\n" not in str(caught.value)
    return caught.value


@pytest.fixture(scope="module")
def seed() -> Document:
    return load_document(SEED)


def test_seed_english_side(seed: Document) -> None:
    assert len(seed.english) == 5
    assert seed.english[0] == Paragraph(TITLE, heading=True)
    assert [p.heading for p in seed.english] == [True, False, False, False, False]
    assert seed.english[1].text.startswith("Xinhua News Agency, Urumqi, 28th: From February")
    assert seed.english[4].text.startswith("The meeting adopted a combination of in-conference")


def test_seed_chinese_side(seed: Document) -> None:
    assert len(seed.chinese) == 6
    assert tuple(texts(seed.chinese[:2])) == CHINESE_HEADINGS
    assert [p.heading for p in seed.chinese] == [True, True, False, False, False, False]
    assert seed.chinese[2].text.startswith("据新华社乌鲁木齐28日电\u3000新疆维吾尔自治区")
    assert seed.chinese[5].text.startswith("会议采取会内和会外相结合的方式")


def test_seed_metadata(seed: Document) -> None:
    assert (seed.title, seed.date, seed.page) == (TITLE, "1959-03-02", "2")
    assert seed.sources == (SEED,)


def test_content_key_is_stable(seed: Document) -> None:
    """Stored corrections, words and positions are found by this key: it must never drift."""
    assert seed.content_key == "841a0920fa40542ed75b48c80acc4cc57c07cb4f2abaaa56b24acfd48feeb0aa"
    moved = Document(seed.english, seed.chinese, title="elsewhere", sources=(Path("x.txt"),))
    assert moved.content_key == seed.content_key
    heading_lost = Document((Paragraph(seed.english[0].text), *seed.english[1:]), seed.chinese)
    assert heading_lost.content_key != seed.content_key


def test_paragraphs_have_no_surrounding_whitespace(seed: Document) -> None:
    for paragraph in (*seed.english, *seed.chinese):
        assert paragraph.text == paragraph.text.strip()


VARIANTS = {
    "crlf": lambda text: text.replace("\n", "\r\n"),
    "no author": lambda text: text.replace("Author:\n", ""),
    "extra blank lines": lambda text: text.replace("\n\n", "\n\n\n\n").replace("Date:", "\nDate:"),
    "page with content": lambda text: text.replace("第2版()", "第2版(要闻)"),
    "no column line": lambda text: text.replace("专栏：\n", ""),
    "no original line": lambda text: text.replace("Original: \n", ""),
    "full-width indent": lambda text: re.sub("^    ", "\u3000\u3000", text, flags=re.M),
    "blank lines between chinese": lambda text: re.sub("^(    .*)$", r"\1\n", text, flags=re.M),
    "rule variants": lambda text: text.replace("<hr /> \n", "  <hr/>\t\n"),
    "trailing whitespace": lambda text: re.sub("\n", "  \n", text),
}


@pytest.mark.parametrize("change", VARIANTS.values(), ids=VARIANTS.keys())
def test_seed_variants_read_the_same(tmp_path: Path, seed: Document, change) -> None:
    document = load_document(write(tmp_path / "variant.txt", change(SEED_TEXT)))
    assert document.english == seed.english
    assert document.chinese == seed.chinese
    assert (document.title, document.date, document.page) == (seed.title, seed.date, seed.page)


ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16 le bom": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16 be bom": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "gb18030": lambda text: text.encode("gb18030"),
}


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("encode", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_seed_in_every_encoding(tmp_path: Path, seed: Document, encode, newline: str) -> None:
    path = tmp_path / "seed.txt"
    path.write_bytes(encode(SEED_TEXT.replace("\n", newline)))
    document = load_document(path)
    assert (document.english, document.chinese) == (seed.english, seed.chinese)
    assert document.content_key == seed.content_key


def test_seed_without_chinese_gives_an_empty_side(tmp_path: Path) -> None:
    english_only = SEED_TEXT[: SEED_TEXT.index("<hr />")] + "<hr />\n\nOriginal:\n\n"
    document = load_document(write(tmp_path / "half.txt", english_only))
    assert len(document.english) == 5
    assert document.chinese == ()


def test_seed_without_any_paragraph(tmp_path: Path) -> None:
    path = write(tmp_path / "bare.txt", "Title:\nAuthor:\nDate:\nPage:\n\n<hr />\nOriginal:\n")
    assert error_of(path).problem == "has no paragraphs"


def test_title_without_rule_is_plain_text(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.txt", "Title: Notes\n\nFirst paragraph.\n")
    document = load_document(path)
    assert texts(document.english) == ["Title: Notes", "First paragraph."]
    assert document.title == ""
    assert document.display_title == "notes.txt"


ENGLISH = 'The first paragraph,\nwrapped.\n\n<img src="x.png"> <b>bold</b>\n\nThe end.\n'
CHINESE = "第一段。\n第二段，有 <b>标记</b>。\n第三段。\n"


def test_pair_in_either_order(tmp_path: Path) -> None:
    english = write(tmp_path / "a.txt", ENGLISH)
    chinese = write(tmp_path / "b.txt", CHINESE)
    for paths in ((english, chinese), (chinese, english)):
        document = load_document(*paths)
        assert texts(document.english) == [
            "The first paragraph, wrapped.",
            '<img src="x.png"> <b>bold</b>',
            "The end.",
        ]
        assert texts(document.chinese) == ["第一段。", "第二段，有 <b>标记</b>。", "第三段。"]
        assert document.sources == paths
        assert not any(p.heading for p in (*document.english, *document.chinese))


def test_pair_of_one_language_names_the_second_file(tmp_path: Path) -> None:
    first = write(tmp_path / "one.txt", ENGLISH)
    second = write(tmp_path / "two.txt", "Another English text.\n")
    error = error_of(first, second)
    assert error.path == second
    assert str(error).startswith(f"{second}: is English like one.txt")


def test_pair_with_an_empty_side_names_it(tmp_path: Path) -> None:
    english = write(tmp_path / "en.txt", ENGLISH)
    blank = write(tmp_path / "zh.txt", " \n\u3000\n\n")
    assert str(error_of(english, blank)) == f"{blank}: has no paragraphs"


def test_article_in_a_pair_is_refused(tmp_path: Path) -> None:
    chinese = write(tmp_path / "zh.txt", CHINESE)
    assert error_of(SEED, chinese).path == SEED


def test_three_files_are_refused(tmp_path: Path) -> None:
    paths = [write(tmp_path / f"{n}.txt", ENGLISH) for n in range(3)]
    assert error_of(*paths).path == paths[2]


def test_unreadable_file_error_passes_through(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    assert str(error_of(missing)) == f"{missing}: does not exist"


@pytest.mark.parametrize(
    ("text", "english", "chinese"),
    [
        (ENGLISH, 3, 0),
        (CHINESE, 0, 3),
        ("Mostly English with one word 中文 in it.\n", 1, 0),
        ("中文为主，夹着 one English word。\n", 0, 1),
    ],
)
def test_single_file_fills_one_side(tmp_path: Path, text: str, english: int, chinese: int) -> None:
    document = load_document(write(tmp_path / "single.txt", text))
    assert (len(document.english), len(document.chinese)) == (english, chinese)
    assert document.title == ""


@pytest.mark.parametrize(
    ("preface", "body", "side"),
    [
        (
            "An English preface, long enough to fill the first stretches. " * 600,
            "中文正文。" * 20_000,
            "chinese",
        ),
        (
            "中文的序言，长得占满开头。" * 300,
            "English body text, all of the rest. " * 12_000,
            "english",
        ),
    ],
)
def test_a_long_file_is_told_by_all_of_it(
    tmp_path: Path, preface: str, body: str, side: str
) -> None:
    """A long preface in the other language does not decide: stretches spread through it do."""
    document = load_document(write(tmp_path / "long.txt", f"{preface}\n\n{body}\n"))
    assert len(getattr(document, side)) == 2


def test_whitespace_only_file_has_no_paragraphs(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.txt", "  \n\t\n\u3000\n")
    assert str(error_of(path)) == f"{path}: has no paragraphs"


def test_wrapped_chinese_lines_join_without_space(tmp_path: Path) -> None:
    path = write(tmp_path / "zh.txt", "第一段的\n后半。\n\n第二段。\n")
    assert texts(load_document(path).chinese) == ["第一段的后半。", "第二段。"]


def test_split_segments_keeps_every_line(tmp_path: Path) -> None:
    path = write(tmp_path / "lines.txt", "one\r\n\r\n  three  \r\nfour", encoding="utf-16")
    assert split_segments(path) == ["one", "", "  three  ", "four"]
    write(path, "one\ntwo\n")
    assert split_segments(path) == ["one", "two"]
    write(path, "one\n\n")
    assert split_segments(path) == ["one", ""]


ENGLISH_PARAGRAPH = st.text(alphabet="abcdefXYZ 0123<>/&\"'.,;-", min_size=1, max_size=40).filter(
    lambda text: text.strip() == text and any(c.isalpha() for c in text)
)
CHINESE_PARAGRAPH = st.text(
    alphabet="中文段落新疆会议。，：“”\u3000", min_size=1, max_size=30
).filter(lambda text: text.strip() == text and any(c not in "。，：“”\u3000" for c in text))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    english=st.lists(ENGLISH_PARAGRAPH, min_size=1, max_size=6),
    chinese=st.lists(CHINESE_PARAGRAPH, min_size=1, max_size=6),
    blank_separated=st.booleans(),
)
def test_plain_pair_round_trips(
    tmp_path: Path, english: list[str], chinese: list[str], blank_separated: bool
) -> None:
    separator = "\n\n" if blank_separated else "\n"
    en = write(tmp_path / "en.txt", separator.join(english) + "\n")
    zh = write(tmp_path / "zh.txt", "\n\n".join(chinese), encoding="gb18030")
    document = load_document(zh, en)
    assert texts(document.english) == english
    assert texts(document.chinese) == chinese
