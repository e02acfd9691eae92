"""The sentence a word was met in and the English that translates it, as text for the word list.

The sentence pair is the one the reader sees highlighted on hover (`cross_language`): the row's
paragraphs aligned sentence by sentence, so the counterpart follows the row as shown,
corrections included.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.cross_language import RowCounterparts
from reader.core.document import Language
from reader.core.text_service import TextService, Token


def sentence_pair(
    english: Sequence[str],
    chinese: Sequence[str],
    chinese_tokens: Sequence[Sequence[Token]],
    paragraph: int,
    offset: int,
    service: TextService,
) -> tuple[str, str]:
    """The Chinese sentence holding character `offset` of `chinese[paragraph]` and the English
    sentences paired with it ("" if none); the arguments are one row's paragraphs and words."""
    row = RowCounterparts(english, chinese, chinese_tokens, service)
    pair = row.counterpart_sentences(Language.CHINESE, paragraph, offset)
    if pair is None:  # between sentences: only blanks there, so never at a word
        return chinese[paragraph].strip(), ""
    sentence = chinese[paragraph][pair.sentence.start : pair.sentence.end]
    translation = " ".join(english[s.paragraph][s.start : s.end] for s in pair.counterparts)
    return sentence, translation
