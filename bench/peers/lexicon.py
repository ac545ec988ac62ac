"""The "peer + unit lexicon" rows: SPEC §4 units attached after a peer's numbers.

Some peers find numbers but no classifiers or units. To show what their number
grammar is worth, this attaches the project's own unit table
(`rules/units.yaml`, the one govstat uses) right after each number the peer
found: optional spaces, optional 多/余, an optional multiplier (万, 亿 …) the
peer left out, then the longest surface form. Nothing here finds numbers.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

RULES = Path(__file__).resolve().parents[2] / "rules" / "units.yaml"
MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
APPROX_INSIDE = "多余"
MAX_FORM = 8
NUMERAL_CHAR = re.compile(r"[0-9０-９.．,，%多余零〇一二三四五六七八九十百千万亿两萬億]")

def _simplify(text: str) -> str:
    """Simplified, half-width, same-length copy (govstat's own normaliser when present)."""
    try:
        from govstat.extract.normalize import simplify
    except ImportError:
        return "".join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in text)
    return simplify(text)


@lru_cache(maxsize=1)
def load_table(path: str | None = None) -> dict[str, tuple[str, float, str, tuple[str, ...]]]:
    """surface form -> (canonical unit, factor, kind, characters it must not precede)."""
    source = Path(path) if path else RULES
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    table: dict[str, tuple[str, float, str, tuple[str, ...]]] = {}
    for name, group in (data.get("kinds") or {}).items():
        kind = group.get("kind", name)
        for form, factor in (group.get("units") or {}).items():
            table[str(form)] = (group["canonical"], float(factor), kind, ())
    for form, spec in (data.get("classifiers") or {}).items():
        spec = spec or {}
        table[str(form)] = (spec.get("as", form), 1.0, "count", tuple(spec.get("not_before") or ()))
    for form in data.get("other") or ():
        table.setdefault(str(form), (str(form), 1.0, "other", ()))
    return table


def unit_after(text: str, end: int, table=None):
    """(new end, multiplier, canonical unit, factor, kind) for the unit right after `end`, else None."""
    table = table if table is not None else load_table()
    i = end
    while i < len(text) and text[i] in " \u3000\t":
        i += 1
    if i < len(text) and text[i] in APPROX_INSIDE:
        i += 1
    multiplier = 1
    if i < len(text) and text[i] in MULTIPLIERS and text[i : i + 2] not in table:
        multiplier = MULTIPLIERS[text[i]]
        i += 1
    window = _simplify(text[i : i + MAX_FORM])
    for size in range(min(MAX_FORM, len(window)), 0, -1):
        form = window[:size]
        entry = table.get(form)
        if entry is None:
            continue
        unit, factor, kind, not_before = entry
        following = _simplify(text[i + size : i + size + 1])
        if following and following in not_before:
            continue
        return i + size, multiplier, unit, factor, kind
    return None


def looks_like_date(text: str, start: int, end: int, value) -> bool:
    """A year (2019年) or a month/day number (5月, 31日) is a date, not a statistic."""
    following = text[end : end + 1]
    digits = text[start:end].strip()
    if following == "年" and digits.isdigit() and len(digits) == 4:
        return True
    return following in ("月", "日", "号")


def numeral_end(text: str, start: int, end: int) -> int:
    """Where the numeral of a peer's number span ends (Duckling reads 两个 as one number)."""
    cut = end
    while cut > start + 1 and not NUMERAL_CHAR.match(text[cut - 1]):
        cut -= 1
    return cut


def attach(text: str, numbers: list[tuple[int, int, float]], table=None) -> list[dict]:
    """Mentions for (start, end, value) numbers with the lexicon's unit after each, if any."""
    from .common import mention

    out = []
    for start, end, value in numbers:
        if looks_like_date(text, start, end, value):
            continue
        found = unit_after(text, numeral_end(text, start, end), table)
        if found is not None and found[0] < end:
            found = None  # the peer's span reaches further than the unit
        if found is None:
            out.append(mention(text, start, end, value))
            continue
        new_end, multiplier, unit, factor, kind = found
        out.append(mention(text, start, new_end, round(value * multiplier * factor, 6), unit, kind))
    return out
