"""An alignment written out for other tools: TMX 1.4b for translation memories, TSV for tables.

A link's segments are joined with a space (English) or nothing (Chinese), as each script
joins its sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from html import escape  # as xml.sax.saxutils escapes, without importing urllib

from reader.core.alignment import Alignment, Link

TOOL = "parallel-reader"


def link_texts(link: Link, english: Sequence[str], chinese: Sequence[str]) -> tuple[str, str]:
    """A link's English and Chinese text."""
    return " ".join(english[k] for k in link.english), "".join(chinese[k] for k in link.chinese)


def to_tmx(alignment: Alignment, english: Sequence[str], chinese: Sequence[str]) -> str:
    """TMX 1.4b: one translation unit per link with both sides; links with an empty side are
    left out, as a translation memory has no use for them."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f'  <header creationtool="{TOOL}" creationtoolversion="0.1.0" datatype="plaintext"'
        f' segtype="block" adminlang="en" srclang="en" o-tmf="{TOOL}"'
        f' creationdate="{stamp}"/>',
        "  <body>",
    ]
    for link in alignment:
        if not (link.english and link.chinese):
            continue
        english_text, chinese_text = link_texts(link, english, chinese)
        lines += [
            "    <tu>",
            f'      <prop type="x-confidence">{link.confidence:.3f}</prop>',
            f'      <tuv xml:lang="en"><seg>{escape(english_text, quote=False)}</seg></tuv>',
            f'      <tuv xml:lang="zh-CN"><seg>{escape(chinese_text, quote=False)}</seg></tuv>',
            "    </tu>",
        ]
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines)


def to_tsv(alignment: Alignment, english: Sequence[str], chinese: Sequence[str]) -> str:
    """One row per link: English indices, Chinese indices, confidence, English, Chinese.

    Tabs and line breaks inside the text become spaces so that every row stays one row.
    """
    rows = []
    for link in alignment:
        english_text, chinese_text = link_texts(link, english, chinese)
        rows.append(
            "\t".join(
                (
                    _indices(link.english),
                    _indices(link.chinese),
                    f"{link.confidence:.3f}",
                    one_line(english_text),
                    one_line(chinese_text),
                )
            )
        )
    return "\n".join(rows) + "\n"


def format_link(link: Link) -> str:
    """`[0]:[0,1]`, English indices first, as the align command prints links."""
    return f"[{_indices(link.english)}]:[{_indices(link.chinese)}]"


def _indices(run: range) -> str:
    return ",".join(str(k) for k in run)


def one_line(text: str) -> str:
    """Tabs, line breaks and runs of blanks become one space, so that a field stays one field."""
    return " ".join(text.split())
