"""Numbers and dates in either script as comparable keys: 七百七十五 and 775 give the same one.

A translation keeps its numbers even when it rewrites everything else, so they are strong
alignment evidence. Approximate amounts (二十多万, "more than 200,000") keep their round value.
"""

from __future__ import annotations

import re

DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8,
    "玖": 9,
}  # fmt: skip
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
LARGE_UNITS = {"万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}
_NUMERAL_CHARS = "".join([*DIGITS, *SMALL_UNITS, *LARGE_UNITS, "多余"])
_CHINESE_NUMBER = re.compile(rf"[0-9０-９]+(?:[.,][0-9]+)*[{_NUMERAL_CHARS}]*|[{_NUMERAL_CHARS}]+")
_CHINESE_DATE = re.compile(r"([0-9０-９一二三四五六七八九十]+)月")
_ENGLISH_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:st|nd|rd|th)?\b")
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_ENGLISH_MONTH = re.compile(r"\b(" + "|".join(m.capitalize() for m in MONTHS) + r")\b")


def chinese_number(text: str) -> int | None:
    """The value of a Chinese or mixed numeral (七百七十五, 二十多万, 3万); None if not one."""
    text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    text = text.replace("多", "").replace("余", "").replace(",", "")
    if not text:
        return None
    if text.isdigit():
        return int(text)
    if all(char in DIGITS for char in text) and len(text) > 1:
        return int("".join(str(DIGITS[char]) for char in text))  # 一九五八: digit by digit
    total = section = 0
    number: float = 0
    leading = re.match(r"[0-9.]+", text)
    if leading:
        number = float(leading.group())
        text = text[leading.end() :]
    for char in text:
        if char in DIGITS:
            number = DIGITS[char]
        elif char in SMALL_UNITS:
            section += (number or 1) * SMALL_UNITS[char]
            number = 0
        elif char in LARGE_UNITS:
            total += (section + number) * LARGE_UNITS[char]
            section = number = 0
        else:
            return None
    value = total + section + number
    return int(value) if value == int(value) else None


def chinese_number_keys(text: str) -> list[str]:
    """Keys for the numbers and months of a Chinese text: "#775", "month:2"."""
    return [key for key, _, _ in chinese_numbers(text)]


def chinese_numbers(text: str) -> list[tuple[str, int, int]]:
    """Each number and month of a Chinese text as its key and where it stands (start, end), so
    that a reader can show which characters a number was read from."""
    found = _numbers_before_month(text)
    for match in _CHINESE_NUMBER.finditer(text):
        piece = match.group()
        if match.end() < len(text) and text[match.end()] == "月":
            continue
        if len(piece) == 1 and piece in "一两":
            continue  # 一 and 两 are mostly "a" and "a couple", not counted numbers
        value = chinese_number(piece)
        if value is not None:
            found.append((f"#{value}", match.start(), match.end()))
    return found


def _numbers_before_month(text: str) -> list[tuple[str, int, int]]:
    found = []
    for match in _CHINESE_DATE.finditer(text):
        value = chinese_number(match.group(1))
        if value is not None and 1 <= value <= 12:
            found.append((f"month:{value}", match.start(), match.end()))
    return found


def english_number_keys(text: str) -> list[str]:
    """Keys for the numbers and months of an English text: "200,000" → "#200000"."""
    return [key for key, _, _ in english_numbers(text)]


def english_numbers(text: str) -> list[tuple[str, int, int]]:
    """Each number and month of an English text as its key and where it stands (start, end)."""
    found = []
    for match in _ENGLISH_NUMBER.finditer(text):
        key = f"#{match.group(1).replace(',', '')}"
        found.append((key.removesuffix(".0"), match.start(), match.end()))
    for match in _ENGLISH_MONTH.finditer(text):
        found.append((f"month:{MONTHS.index(match.group(1).lower()) + 1}", *match.span()))
    return found
