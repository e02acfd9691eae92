"""Read a text file whatever its encoding and line endings, or say in one line why not.

Files come from anywhere: Windows editors (UTF-16, CRLF, a UTF-8 BOM), mainland Chinese
sources (GB18030) or the web (UTF-8). The reader only ever sees `str` with `\\n` line ends.
"""

from __future__ import annotations

import codecs
import re
import stat
from pathlib import Path

from reader.core.errors import DocumentError

MAX_BYTES = 200 * 1024 * 1024
"""Larger files are refused: no article is that long, and reading one would stall the program."""

CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""The C0 and C1 control characters except tab, line feed, vertical tab, form feed, return."""
CONTROL_SHARE_LIMIT = 0.05
"""Text may carry a stray form feed or escape; more than this share of controls is not text."""
CONTROL_SLICE = 65_536  # characters searched at a time, about half a millisecond

BINARY = "looks like a binary file, not text"


def read_text(path: Path) -> str:
    """The file's text with line ends normalised to `\\n`; DocumentError for anything else."""
    data = _read_bytes(Path(path))
    if not data:
        raise DocumentError(path, "is empty")
    text = _decode(path, data)
    if "\x00" in text or _control_share(text) > CONTROL_SHARE_LIMIT:
        raise DocumentError(path, BINARY)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read_bytes(path: Path) -> bytes:
    try:
        status = path.stat()
    except FileNotFoundError:
        raise DocumentError(path, "does not exist") from None
    except OSError as error:
        raise DocumentError(path, f"cannot be read ({_reason(error)})") from None
    if stat.S_ISDIR(status.st_mode):
        raise DocumentError(path, "is a directory, not a file")
    if not stat.S_ISREG(status.st_mode):
        raise DocumentError(path, "is not a regular file")
    if status.st_size > MAX_BYTES:
        megabytes = status.st_size // (1024 * 1024)
        raise DocumentError(
            path, f"is too large ({megabytes} MB; the limit is {MAX_BYTES // (1024 * 1024)} MB)"
        )
    try:
        return path.read_bytes()
    except PermissionError:
        raise DocumentError(path, "cannot be read (permission denied)") from None
    except OSError as error:
        raise DocumentError(path, f"cannot be read ({_reason(error)})") from None


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def _decode(path: Path, data: bytes) -> str:
    """UTF-16 only with a byte order mark; else UTF-8, else GB18030 (a superset of GBK)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as error:
                raise _undecodable(path, len(bom) + error.start) from None
    if b"\x00" in data:
        raise DocumentError(path, BINARY)
    failures = []
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as error:
            failures.append(error.start)
    # The encoding that got further is the likelier one, so its offset is the useful one.
    raise _undecodable(path, max(failures))


def _undecodable(path: Path, offset: int) -> DocumentError:
    return DocumentError(
        path, f"is not UTF-8, UTF-16 or GB18030 text (undecodable bytes at offset {offset})"
    )


def _control_share(text: str) -> float:
    """Counted slice by slice: one search through a novel holds the interpreter for some
    30 ms, which the window's thread would wait while a worker opens the file."""
    if not text:
        return 0.0
    found = sum(
        len(CONTROLS.findall(text, start, start + CONTROL_SLICE))
        for start in range(0, len(text), CONTROL_SLICE)
    )
    return found / len(text)
