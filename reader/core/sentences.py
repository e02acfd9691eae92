"""Sentence splitting for both languages, so paragraphs can be aligned sentence by sentence.

Chinese ends sentences with 。！？ and …… and keeps the closing quote that follows with the
sentence it closes. English ends them with . ! ? before a space and a capital, except after the
abbreviations and initials that end in a full stop without ending anything (Mr. Smith,
J. R. R. Tolkien); a decimal point is never followed by a space, so 3.5 stays whole.
"""

from __future__ import annotations

import re

from reader.core.document import Language

_CLOSERS = "”’」』）)》\"'"
_CHINESE_END = re.compile(rf"(?:[。！？!?…]|\.{{3,}})+[{_CLOSERS}]*")
_ENGLISH_END = re.compile(rf"[.!?…]+[{_CLOSERS}\]]*(?=\s+[\"“‘'(\[]*[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.$")
ABBREVIATIONS = frozenset(
    (
        "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "gen", "col", "lt",
        "capt", "rev", "gov", "sen", "rep", "inc", "ltd", "co", "corp", "mt", "vol",
        "fig", "approx", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "e.g", "i.e", "cf", "al", "messrs", "mme", "mlle", "ave",
    )
)  # fmt: skip


def sentence_spans(text: str, language: Language) -> list[tuple[int, int]]:
    """Where each sentence of `text` starts and ends, surrounding blanks left out."""
    if language is Language.CHINESE:
        ends = [match.end() for match in _CHINESE_END.finditer(text)]
    else:
        ends = [match.end() for match in _ENGLISH_END.finditer(text) if _ends(text, match)]
    spans = []
    start = 0
    for end in [*ends, len(text)]:
        piece = text[start:end]
        if piece.strip():
            left = start + len(piece) - len(piece.lstrip())
            spans.append((left, start + len(piece.rstrip())))
        start = end
    return spans


def split_sentences(text: str, language: Language) -> list[str]:
    """The sentences of `text`, in order, without surrounding blanks."""
    return [text[start:end] for start, end in sentence_spans(text, language)]


def _ends(text: str, match: re.Match[str]) -> bool:
    """Whether an English full stop ends a sentence rather than an abbreviation or initial."""
    if match.group()[0] != ".":
        return True
    before = _WORD_BEFORE.search(text, 0, match.start() + 1)
    if before is None:
        return True
    word = before.group(1)
    if len(word) == 1 and word.isupper():  # an initial: J. R. R. Tolkien, U. S.
        return False
    dotted = text[max(0, before.start() - 2) : match.start()].lower()
    return word.lower() not in ABBREVIATIONS and dotted not in ABBREVIATIONS
