"""Whether an English name may be a Chinese word's transliteration: 赛福鼎 ↔ Saifuddin.

Names reach English by several roads (pinyin, Uyghur or Wade-Giles spellings), so the match
is loose: the same consonant skeleton once the sounds that transliterations swap (l/r, d/t,
w and y glides, doubled letters) are folded together. The skeleton is a key like any other
word's, so names cost the aligner nothing extra.
"""

from __future__ import annotations

from functools import lru_cache

_FOLD = str.maketrans({"l": "r", "d": "t", "b": "p", "g": "k", "q": "k", "c": "k", "z": "s"})
_DROPPED = frozenset("aeiouwyhv")


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonant skeleton: vowels and glides gone, similar sounds folded, runs collapsed.

    A final -ng counts as n, as Uyghur and English spellings of Chinese names often drop the g.
    """
    word = word.lower()
    if word.endswith("ng"):
        word = word[:-1]
    folded = [char for char in word.translate(_FOLD) if char not in _DROPPED and char.isalpha()]
    collapsed = [char for k, char in enumerate(folded) if k == 0 or folded[k - 1] != char]
    return "".join(collapsed)


def name_keys(spelling: str) -> list[str]:
    """The keys under which a name meets its transliterations: its plain spelling, for pinyin
    names like Baoyu, and its skeleton when that is long enough to tell names apart."""
    spelling = spelling.lower()
    folded = skeleton(spelling)
    keys = ["=" + spelling] if len(spelling) >= 3 else []
    return [*keys, "~" + folded] if len(folded) >= 3 else keys


def chinese_name_keys(syllables: list[str]) -> list[str]:
    """Keys for a Chinese word that may be a name: the whole, and for three syllables or more
    the given name alone (陈清扬 is "Chen Qingyang", "Qingyang" alone in the English)."""
    spellings = ["".join(syllables)]
    if len(syllables) >= 3:
        spellings.append("".join(syllables[1:]))
    return [key for spelling in spellings for key in name_keys(spelling)]
