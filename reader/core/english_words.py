"""English words reduced to comparable stems, so that "walked" in a text meets "to walk" in a gloss.

A light suffix stripper plus a table of irregular forms: enough for dictionary matching, where
both sides go through the same function, without a stemming library.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
WORD_OR_NUMBER = re.compile(rf"{WORD.pattern}|\d+(?:[.,]\d+)*")  # 1,200 and 3.5 whole

STOPWORDS = frozenset(
    (
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any",
        "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
        "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
        "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
        "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
        "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
        "not", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves",
        "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that",
        "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
        "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we",
        "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
        "would", "you", "your", "yours", "yourself", "yourselves", "one", "s", "t", "also",
        "us", "oneself", "sb", "sth", "something", "someone", "etc", "may", "might", "must",
        "shall", "upon", "let", "like", "get", "got"
    )
)  # fmt: skip

IRREGULAR = {
    "said": "say", "says": "say", "went": "go", "gone": "go", "came": "come", "saw": "see",
    "seen": "see", "took": "take", "taken": "take", "made": "make", "knew": "know",
    "known": "know", "thought": "think", "told": "tell", "felt": "feel", "left": "leave",
    "found": "find", "gave": "give", "given": "give", "stood": "stand", "sat": "sit",
    "ran": "run", "began": "begin", "begun": "begin", "brought": "bring", "held": "hold",
    "kept": "keep", "heard": "hear", "lay": "lie", "lain": "lie", "lost": "lose", "met": "meet",
    "paid": "pay", "sent": "send", "spoke": "speak", "spoken": "speak", "wrote": "write",
    "written": "write", "fell": "fall", "fallen": "fall", "ate": "eat", "eaten": "eat",
    "drank": "drink", "slept": "sleep", "became": "become", "understood": "understand",
    "taught": "teach", "bought": "buy", "caught": "catch", "fought": "fight", "sought": "seek",
    "built": "build", "broke": "break", "broken": "break", "chose": "choose",
    "drove": "drive", "flew": "fly", "forgot": "forget", "grew": "grow", "hid": "hide",
    "hidden": "hide", "hung": "hang", "led": "lead", "meant": "mean", "rose": "rise",
    "shook": "shake", "shot": "shoot", "sang": "sing", "sank": "sink", "spent": "spend",
    "stole": "steal", "struck": "strike", "swore": "swear", "threw": "throw", "woke": "wake",
    "wore": "wear", "won": "win", "dug": "dig", "bit": "bite", "blew": "blow", "drew": "draw",
    "men": "man", "women": "woman", "children": "child", "feet": "foot", "teeth": "tooth",
    "better": "good", "best": "good", "worse": "bad", "worst": "bad", "tore": "tear",
    "fed": "feed", "fled": "flee", "hit": "hit", "lit": "light", "rode": "ride", "slid": "slide",
    "wept": "weep", "laid": "lay", "lent": "lend", "bound": "bind", "ground": "grind",
    "dreamt": "dream", "knelt": "kneel", "leapt": "leap", "swam": "swim", "sprang": "spring",
    "stuck": "stick", "swept": "sweep", "thrust": "thrust", "mice": "mouse", "geese": "goose",
    "people": "person", "died": "die", "dying": "die", "lying": "lie", "tied": "tie",
}  # fmt: skip


def stem(word: str) -> str:
    """A crude stem: the same for the forms of a word that dictionary glosses and prose use."""
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if word in IRREGULAR:  # stemmed like the base form, so that "made" meets "make" ("mak")
        return _regular_stem(IRREGULAR[word])
    return _regular_stem(word)


def _regular_stem(word: str) -> str:
    if len(word) <= 3:
        return word
    for suffix, replacement in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ness", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return _tidy(word[: -len(suffix)] + replacement)
    for suffix in ("ing", "edly", "ed", "ly", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return _tidy(word[: -len(suffix)])
    return _tidy(word)


def related(first: str, second: str) -> bool:
    """Whether two stems look like one word's derivatives, which glosses and prose swap
    (produc/production, industry/industrial, socialism/socialist): they share a beginning of
    five letters or more that leaves at most one letter of the shorter out."""
    shorter = min(len(first), len(second))
    common = next((k for k in range(shorter) if first[k] != second[k]), shorter)
    return common >= max(5, shorter - 1)


def _tidy(word: str) -> str:
    """Drop a final e and undouble a final consonant: love/loved, stop/stopped meet."""
    if word.endswith("e") and len(word) > 3:
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


def content_stems(text: str) -> list[str]:
    """The stems of the words of `text` that carry meaning, in order."""
    return [word_stem for _, word_stem in content_words(text)]


def content_words(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """The words of `text` that carry meaning, each with its stem, for callers that also need
    where a word stands (to highlight it) or how it is spelled (capitals)."""
    for match in WORD.finditer(text):
        word = match.group().lower().replace("’", "'")
        if "'" in word and not word.endswith("'s"):  # don't, you're, I'll: function words
            continue
        if word in STOPWORDS or len(word) < 2:
            continue
        yield match, stem(word)


def word_at(text: str, offset: int) -> tuple[int, int] | None:
    """Where the word or number holding character `offset` of `text` starts and ends, if one
    does: what a pointer resting there rests on."""
    for match in WORD_OR_NUMBER.finditer(text):
        if match.start() > offset:
            break
        if offset < match.end():
            return match.span()
    return None
