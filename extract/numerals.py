"""Numerals: Arabic (with separators) and Chinese (一百五十, 三千二百, 二〇一九, 两) to numbers."""

from __future__ import annotations

DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS = {**SMALL_UNITS, **BIG_UNITS}
CHINESE_NUMERAL_CHARS = "".join(DIGITS) + "".join(MULTIPLIERS)


def parse_arabic(token: str) -> float:
    """'1,200' / '4.2' / '84.79' -> float (separators removed)."""
    return float(token.replace(",", "").replace(" ", ""))


def parse_chinese(token: str) -> int | None:
    """Chinese numeral -> int, or None if it is not a well-formed numeral.

    Handles 十二, 一百五十, 三千二百, 两万三千, 一亿二千万, 二〇一九 (digit by digit).
    """
    if not token:
        return None
    if all(ch in DIGITS for ch in token):
        if len(token) == 1:
            return DIGITS[token]
        # 二〇一九: positional digits
        return int("".join(str(DIGITS[ch]) for ch in token))
    total = 0  # completed 亿/万 sections
    section = 0  # current section below 万
    digit = None
    previous = ""
    for previous, ch in zip(" " + token, token):
        if ch in DIGITS:
            if digit is not None and DIGITS[ch] != 0 and digit != 0:
                return None  # two digits in a row without a unit: malformed
            digit = DIGITS[ch]
        elif ch in SMALL_UNITS:
            if digit is None and previous in BIG_UNITS:
                return None  # 万千: 一万千瓦时 is 一万 + 千瓦时, never 一万一千
            section += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        elif ch in BIG_UNITS:
            section += digit or 0
            digit = None
            if section == 0:
                section = 1
            unit = BIG_UNITS[ch]
            if unit == 100_000_000:
                total = (total + section) * unit
            else:
                total += section * unit
            section = 0
        else:
            return None
    return total + section + (digit or 0)


def is_only_multipliers(token: str) -> bool:
    return bool(token) and all(ch in MULTIPLIERS for ch in token)
