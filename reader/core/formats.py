"""Turn files into a Document: the bilingual article format of the seeds, or plain text.

The article format is a header (`Title:`, `Author:`, `Date:`, `Page:`), English paragraphs,
a `<hr />` line, then the Chinese original: a few lines of front matter (`Original:`, a `###`
headline, a date, `第N版(...)`, `专栏：...`) and one indented paragraph per line.
Anything else is plain text, one file per language, whichever order the files come in.
Text is kept as written: markup such as `<b>` is shown, never interpreted.
"""

from __future__ import annotations

import re
from pathlib import Path

from reader.core.decoding import read_text
from reader.core.document import Document, Language, Paragraph
from reader.core.errors import DocumentError
from reader.core.text_service import han, is_chinese

HEADER = re.compile(r"(Title|Author|Date|Page)\s*:\s*(.*)")
RULE = re.compile(r"<hr\s*/?>", re.IGNORECASE)
DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
FRONT_MATTER = re.compile(
    r"Original\s*:.*"  # the heading of the Chinese half
    r"|###.*"  # the headline
    rf"|{DATE.pattern}"
    r"|第\s*[0-9０-９一二三四五六七八九十百]+\s*版\s*([(（].*[)）])?"  # the page: 第2版(要闻)
    r"|专栏\s*[:：].*"  # the column
)
# Characters: a longer document's content key and name are worked out as it is read.
LONG_TEXT = 100_000
LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
LANGUAGE_SAMPLES, SAMPLE_LENGTH = 16, 2_000  # stretches of a long text that tell its language


def load_document(*paths: Path) -> Document:
    """One article file, one plain-text file, or an English and a Chinese file in any order."""
    if not paths:
        raise ValueError("load_document needs one or two paths")
    paths = tuple(Path(path) for path in paths)  # a str too: the document keeps Paths
    if len(paths) > 2:
        raise DocumentError(paths[2], "only two files open together: one English, one Chinese")
    texts = [read_text(path) for path in paths]
    if len(paths) == 1:
        read = _parse_article if is_article(texts[0]) else _single
        document = read(paths[0], texts[0])
    else:
        document = _pair(paths, texts)
    if sum(map(len, texts)) > LONG_TEXT:
        document.content_key  # noqa: B018  # and its name: part of reading, not of showing
    return document


def split_segments(path: Path) -> list[str]:
    """The file's lines, one segment each, so that segment indices are line numbers."""
    text = read_text(path)
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return lines


def is_article(text: str) -> bool:
    """The article format starts with a `Title:` line and has a `<hr />` rule."""
    lines = text.split("\n")
    return lines[0].lstrip().startswith("Title:") and any(
        RULE.fullmatch(line.strip()) for line in lines
    )


def _parse_article(path: Path, text: str) -> Document:
    """The English half with its title as heading; the Chinese half with its headline lines
    (those that make up the `###` heading) as headings."""
    lines = text.split("\n")
    rule = next(n for n, line in enumerate(lines) if RULE.fullmatch(line.strip()))
    metadata: dict[str, str] = {}
    start = 0
    for n, line in enumerate(lines[:rule]):
        header = HEADER.fullmatch(line.strip())
        if line.strip() and not header:
            break
        if header:
            metadata.setdefault(header[1].lower(), header[2].strip())
        start = n + 1
    title = metadata.get("title", "")
    english = [Paragraph(title, heading=True)] if title else []
    english += [Paragraph(body) for body in _blank_separated(lines[start:rule])]

    headline = date = ""
    body = rule + 1
    while body < len(lines):
        line = lines[body].strip()
        if line and not FRONT_MATTER.fullmatch(line):
            break
        if line.startswith("###"):
            headline = line.removeprefix("###").strip()
        elif DATE.fullmatch(line):
            date = line
        body += 1
    chinese = _mark_headline([line.strip() for line in lines[body:] if line.strip()], headline)
    if not any(not paragraph.heading for paragraph in (*english, *chinese)):
        raise DocumentError(path, "has no paragraphs")
    return Document(
        english=tuple(english),
        chinese=tuple(chinese),
        title=title or headline,
        date=metadata.get("date") or date,
        page=metadata.get("page", ""),
        sources=(path,),
    )


def _mark_headline(texts: list[str], headline: str) -> list[Paragraph]:
    """Leading paragraphs that are parts of the headline (spacing aside) are headings."""
    compact_headline = _compact(headline)
    paragraphs = []
    in_headline = bool(compact_headline)
    for text in texts:
        in_headline = in_headline and _compact(text) in compact_headline
        paragraphs.append(Paragraph(text, heading=in_headline))
    return paragraphs


def _compact(text: str) -> str:
    return "".join(text.split())


def _blank_separated(lines: list[str]) -> list[str]:
    """Paragraphs split at blank lines; a wrapped paragraph's lines are joined again."""
    paragraphs: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return [_unwrap(paragraph) for paragraph in paragraphs if paragraph]


def _unwrap(lines: list[str]) -> str:
    """Join wrapped lines: with a space between words, with nothing between Han characters."""
    text = lines[0]
    for line in lines[1:]:
        joiner = "" if is_chinese(text[-1]) and is_chinese(line[0]) else " "
        text += joiner + line
    return text


def _plain_paragraphs(text: str) -> list[str]:
    """Paragraphs separated by blank lines, or one per line when no blank line separates two."""
    lines = [line.strip() for line in text.split("\n")]
    filled = [n for n, line in enumerate(lines) if line]
    if filled and not all(lines[filled[0] : filled[-1]]):
        return _blank_separated(lines)
    return [line for line in lines if line]


def language_of(text: str) -> Language:
    """Chinese when Han characters outnumber Latin words (not letters: an English word is about
    as much text as a Chinese character or two), so that quoted names do not tip the balance.
    A long text is judged on stretches spread through it: counting all of a novel took half a
    second of its opening."""
    sample = _spread_sample(text)
    characters = len(han().findall(sample))
    return Language.CHINESE if characters > len(LATIN_WORD.findall(sample)) else Language.ENGLISH


def _spread_sample(text: str) -> str:
    """`text`, or if longer than the samples, LANGUAGE_SAMPLES stretches evenly spread through
    it, a line apart (a word cut at a stretch's edge stays a word)."""
    if len(text) <= LANGUAGE_SAMPLES * SAMPLE_LENGTH:
        return text
    step = len(text) // LANGUAGE_SAMPLES
    return "\n".join(text[n * step : n * step + SAMPLE_LENGTH] for n in range(LANGUAGE_SAMPLES))


def _paragraphs_of(path: Path, text: str) -> tuple[Paragraph, ...]:
    paragraphs = tuple(Paragraph(text) for text in _plain_paragraphs(text))
    if not paragraphs:
        raise DocumentError(path, "has no paragraphs")
    return paragraphs


def _single(path: Path, text: str) -> Document:
    paragraphs = _paragraphs_of(path, text)
    if language_of(text) is Language.CHINESE:
        return Document(english=(), chinese=paragraphs, sources=(path,))
    return Document(english=paragraphs, chinese=(), sources=(path,))


def _pair(paths: tuple[Path, ...], texts: list[str]) -> Document:
    for path, text in zip(paths, texts, strict=True):
        if is_article(text):
            raise DocumentError(path, "already holds both languages; open it on its own")
    sides = [_paragraphs_of(path, text) for path, text in zip(paths, texts, strict=True)]
    languages = [language_of(text) for text in texts]
    if languages[0] is languages[1]:
        name = "English" if languages[0] is Language.ENGLISH else "Chinese"
        raise DocumentError(
            paths[1], f"is {name} like {paths[0].name}: open one English and one Chinese file"
        )
    english, chinese = sides if languages[0] is Language.ENGLISH else sides[::-1]
    return Document(english=english, chinese=chinese, sources=tuple(paths))
