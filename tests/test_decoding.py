"""read_text: every encoding a reader meets, and a one-line reason for every file it cannot read."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from reader.core import decoding
from reader.core.decoding import read_text
from reader.core.errors import DocumentError

SAMPLE = "Title: 抢时间 — “quotes”\n\n    据新华社乌鲁木齐28日电\u3000新疆\nLast line é ñ\n"

ENCODINGS = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8 bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16 le bom": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16 be bom": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "gb18030": lambda text: text.encode("gb18030"),
}
NEWLINES = {"lf": "\n", "crlf": "\r\n", "cr": "\r"}


@pytest.mark.parametrize("newline", NEWLINES.values(), ids=NEWLINES.keys())
@pytest.mark.parametrize("encode", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_every_encoding_and_line_end_reads_the_same(tmp_path: Path, encode, newline) -> None:
    path = tmp_path / "text.txt"
    path.write_bytes(encode(SAMPLE.replace("\n", newline)))
    assert read_text(path) == SAMPLE


def test_gb18030_is_not_mistaken_for_utf8(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes("天山南北响起大跃进号角".encode("gbk"))
    assert read_text(path) == "天山南北响起大跃进号角"


def problem_of(path: Path) -> str:
    """The message of the error reading `path`, checked to be one line naming the file."""
    with pytest.raises(DocumentError) as caught:
        read_text(path)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: ")
    return caught.value.problem


def test_missing_file(tmp_path: Path) -> None:
    assert problem_of(tmp_path / "nothing.txt") == "does not exist"


def test_directory(tmp_path: Path) -> None:
    assert problem_of(tmp_path) == "is a directory, not a file"


def test_fifo_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    assert problem_of(path) == "is not a regular file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")
    path.chmod(0)
    assert problem_of(path) == "cannot be read (permission denied)"


def test_permission_error_on_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as above, run even as root by making the read itself fail."""
    path = tmp_path / "secret.txt"
    path.write_text("text", encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert problem_of(path) == "cannot be read (permission denied)"


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.touch()
    assert problem_of(path) == "is empty"


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x14\x00\x00\x00text with NUL",
        bytes(range(1, 9)) * 50 + b"some text",
        codecs.BOM_UTF16_LE + "text\x00with NUL".encode("utf-16-le"),
    ],
    ids=["nul", "controls", "utf-16 with nul"],
)
def test_binary_file(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(data)
    assert problem_of(path) == "looks like a binary file, not text"


def test_controls_far_into_a_long_file_are_counted(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_bytes(b"plain text. " * 10_000 + b"\x01\x02\x03 binary " * 10_000)
    assert problem_of(path) == "looks like a binary file, not text"


def test_a_stray_control_character_is_still_text(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(b"first page\x0c\x1b[0m second page, and a long enough line of text\n")
    assert read_text(path).startswith("first page")


@pytest.mark.parametrize(
    ("data", "offset"),
    [
        (b"caf\xe9 au lait, na\xefve", 3),
        (b"ok " + "中文".encode() + b"\xff\xfe\xfd", 9),
        (codecs.BOM_UTF16_LE + b"a\x00b", 4),
        (codecs.BOM_UTF8 + b"abc\xc3", 6),
    ],
    ids=["latin-1", "utf-8 then junk", "odd utf-16", "truncated utf-8 after bom"],
)
def test_undecodable_bytes(tmp_path: Path, data: bytes, offset: int) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(data)
    assert problem_of(path) == (
        f"is not UTF-8, UTF-16 or GB18030 text (undecodable bytes at offset {offset})"
    )


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(decoding.MAX_BYTES + 1)  # sparse: costs no disk
    assert problem_of(path).startswith("is too large")
