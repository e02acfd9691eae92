"""Sentences aligned inside each paragraph link, for a reader that highlights sentence pairs.

The paragraph alignment bounds the work: each link's sentences are aligned on their own, so a
mistake stays inside its paragraph and the cost stays proportional to the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from reader.core.aligner import ALONE, align
from reader.core.alignment import Alignment, Link
from reader.core.document import Language
from reader.core.sentences import split_sentences
from reader.core.text_service import TextService


@dataclass(frozen=True, slots=True)
class SentenceAlignment:
    """The sentences of one paragraph link, each side's paragraphs in order, and how they pair.

    Indices in `alignment` count sentences within this link, from 0 on each side.
    """

    english: tuple[str, ...]
    chinese: tuple[str, ...]
    alignment: Alignment


def align_sentences(
    english_paragraphs: Sequence[str],
    chinese_paragraphs: Sequence[str],
    paragraph_alignment: Alignment,
    service: TextService | None = None,
) -> list[SentenceAlignment]:
    """One sentence alignment per link of `paragraph_alignment`, in row order."""
    result = []
    for link in paragraph_alignment:
        english = _sentences(english_paragraphs, link.english, Language.ENGLISH)
        chinese = _sentences(chinese_paragraphs, link.chinese, Language.CHINESE)
        if english and chinese:
            alignment = align(english, chinese, service=service)
        else:
            alignment = _alone(len(english), len(chinese))
        result.append(SentenceAlignment(tuple(english), tuple(chinese), alignment))
    return result


def _sentences(paragraphs: Sequence[str], run: range, language: Language) -> list[str]:
    return [sentence for k in run for sentence in split_sentences(paragraphs[k], language)]


def _alone(english_count: int, chinese_count: int) -> Alignment:
    """Every sentence in a link of its own: what a link with one empty side holds."""
    links = [Link(range(k, k + 1), range(0, 0), ALONE) for k in range(english_count)]
    links += [
        Link(range(english_count, english_count), range(k, k + 1), ALONE)
        for k in range(chinese_count)
    ]
    return Alignment(tuple(links), english_count, chinese_count)
