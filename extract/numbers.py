"""The number grammar: finds numbers with their multipliers, units and ranges.

Runs on the normalised copy of the text (simplified, half-width) and yields
candidates in its coordinates; `statistics` applies exclusions and qualifiers.
Span rule (SPEC §3): from the first character of the number to the end of the
unit; 多/余 inside the number are inside the span.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from math import prod

import regex

from .numerals import CHINESE_NUMERAL_CHARS, DIGITS, MULTIPLIERS, is_only_multipliers, parse_arabic, parse_chinese
from .rulebook import load
from .units import Unit, day_duration_unit, is_day_duration, is_score, score_unit, unit_table

_CN_GROUP = r"(?P<cn>[" + CHINESE_NUMERAL_CHARS + r"]+)"
_NUMBER = regex.compile(
    # digits grouped by commas (1,200) or, as typeset reports do, by single spaces
    # (3 000, GB/T 15835); a group of spaces cannot start right after a number
    r"(?P<ar>(?<![\d.]|\d,)(?:\d{1,3}(?:,\d{3})+(?!\d)|(?<!\d )\d{1,3}(?: \d{3})+(?![\d,])|\d+)(?:\.\d+)?)"
    r"|" + _CN_GROUP,
    regex.ASCII,  # \d is 0-9 only: other scripts' digits are not numbers here (and float() rejects some)
)
_RANGE_SEP = regex.compile(r"[ \t]*(?:至|到|-|—|–|~|－|——)[ \t]*")
_RANGE_SEP_FIRST = frozenset(" \t至到-—–~－")  # a range separator starts with one of these
_APPROX_INSIDE = ("多", "余")  # inside the number or after a duration: 150多万, 20余处, 三年多
_OVER_UNITS: frozenset[str] = frozenset()  # units written with 多/余 inside (个多月): `_tail_first()` fills it
_MULT_CHARS = "十百千万亿"
_MULT_RUN = regex.compile(r"[十百千万亿]*")
_MULT_SET = frozenset(_MULT_CHARS)
PERCENT_PREFIX = "百分之"
_CN_FRACTION = regex.compile(r"点([〇零一二三四五六七八九]+)")  # the decimals of 百分之十二点五
_BLANKS = (" ", "\t")


def _skip_spaces(text: str, pos: int) -> int:
    """Past at most two spaces or tabs (1 200 辆); a plain index test, as this runs for every number."""
    if text[pos : pos + 1] in _BLANKS:
        pos += 1
        if text[pos : pos + 1] in _BLANKS:
            pos += 1
    return pos


@dataclass(slots=True)
class Candidate:
    """A number found by the grammar, before exclusions (norm coordinates)."""

    start: int
    end: int
    value: float
    value_max: float | None = None
    unit: Unit | None = None
    chinese: bool = False
    approx_inside: bool = False
    number_text: str = ""  # the numeral as written (without multipliers/unit)
    multiplier: float = 1.0
    bare_multiplier: bool = False  # 千人次, 万人次: a multiplier standing alone


_TAIL_FIRST: frozenset[str] = frozenset()  # _tail_first(), once the unit table is read


def _tail_first() -> frozenset[str]:
    """Characters `_tail` can start with: a unit's first character, 多/余, a blank."""
    global _TAIL_FIRST, _OVER_UNITS, _unit_match
    if not _TAIL_FIRST:
        table = unit_table()
        _unit_match = table.match
        _TAIL_FIRST = frozenset(table.first_chars) | frozenset(_APPROX_INSIDE) | frozenset(_BLANKS)
        _OVER_UNITS = frozenset(s for s in table.units if any(ch in s for ch in _APPROX_INSIDE))  # 3个多月: over
    return _TAIL_FIRST


def _unit_match(text: str, pos: int) -> Unit | None:
    """`unit_table().match` (the bound method itself once `_tail_first` has run)."""
    return unit_table().match(text, pos)


@lru_cache(maxsize=1)
def _search():
    """`_NUMBER.search`, skipping Chinese runs that cannot give a candidate.

    A run of Chinese numerals (统一, 一是) yields a candidate only through
    `_chinese` (a unit after the run, or after it minus trailing 十百千万亿),
    `_chinese_range` (a range separator after the run) or `_percent_words`
    (百分之: the run is 百) or `_chinese_decimal` (点 after the run). So a run whose
    last character is not one of 十百千万亿 and which is followed by neither a unit's
    first character, 多/余, a blank, 点 nor a separator gives none, and neither does any of its suffixes
    (where `find_numbers` would try again): the pattern does not match it.
    """
    follow = "".join(sorted(_tail_first() | _RANGE_SEP_FIRST | {"点"}))  # 点: 二点三万平方米
    follow = "".join(f"\\U{ord(c):08x}" for c in follow)
    cn = r"(?P<cn>[" + CHINESE_NUMERAL_CHARS + r"]++(?:(?<=[" + _MULT_CHARS + r"])|(?=[" + follow + r"])))"
    return regex.compile(_START + "(?:" + _NUMBER.pattern.replace(_CN_GROUP, cn) + ")", regex.ASCII).search


# Where a number can start: an ASCII digit or a Chinese numeral, and every Chinese numeral
# has the Unicode property Numeric_Type=Numeric (tests/test_numbers_fastpaths.py checks
# it). The engine tests the numerals' class member by member at every position of a
# report; this lookahead, one property lookup, turns away the other characters first (a
# fifth of the search's work). It rejects no position where the pattern matches.
_START = r"(?=(?u:[0-9\p{Numeric_Type=Numeric}]))"


def _tail(text: str, pos: int) -> tuple[Unit | None, int, bool]:
    """After the numeral: 多/余, spaces, a unit, a ratio (/unit), 多 after a duration."""
    table = unit_table()
    approx_inside = False
    nxt = text[pos : pos + 1]
    if nxt in _APPROX_INSIDE:
        if table.match(text, pos + 1) is not None:
            approx_inside = True
            pos += 1
            nxt = text[pos : pos + 1]
    sp = _skip_spaces(text, pos) if nxt in _BLANKS else pos
    unit = table.match(text, sp)
    if unit is None:
        return None, pos, approx_inside
    end = sp + len(unit.surface)
    if text[end : end + 1] == "/":
        per = table.match(text, end + 1)
        # 元/辆, 千瓦时/平方米 are ratios, and so is a count per time (3.2次/天);
        # 台/套 only names two classifiers for one count
        if per is not None and unit.kind != "other" and (unit.kind != "count" or per.kind == "duration"):
            unit = Unit(
                surface=text[sp : end + 1 + len(per.surface)],
                canonical=f"{unit.canonical}/{per.canonical}",
                factor=unit.factor / per.factor,
                kind="ratio",
            )
            end = end + 1 + len(per.surface)
    if unit.kind == "duration" and text[end : end + 1] in _APPROX_INSIDE:
        approx_inside = True
        end += 1
    elif unit.surface in _OVER_UNITS:
        approx_inside = True  # 3个多月
    return unit, end, approx_inside


def _arabic(text: str, m: regex.Match) -> Candidate:
    """An Arabic number with its multipliers (万, 亿), 多/余 and unit."""
    # (runs for every number: parse_arabic and _skip_spaces are inlined, the
    # blank test comes first as most numbers have none after them)
    token = m[1]  # the "ar" group
    try:
        base = float(token)  # most numbers: no separator (float() refuses 1,200 and 1 200)
    except ValueError:
        base = float(token.replace(",", "").replace(" ", ""))
    start, pos = m.span()
    sp = pos
    nxt = text[pos : pos + 1]
    if nxt in _BLANKS:
        sp = _skip_spaces(text, pos)
        nxt = text[sp : sp + 1]
    inside = False
    if nxt in _APPROX_INSIDE and text[sp + 1 : sp + 2] in _MULT_SET:
        inside = True
        sp += 1
        nxt = text[sp]
    if nxt not in _MULT_SET:
        # No multiplier (most numbers), so 多/余 was not taken above: at most a unit.
        if nxt in (_TAIL_FIRST or _tail_first()):
            if nxt not in _APPROX_INSIDE and nxt not in _BLANKS:
                # `_tail` when a unit's first character follows (most numbers), its common end
                # inlined: the unit, not followed by a ratio's /; a duration takes a 多/余 after
                # it (三年多); the years of dates (2020年) come this way
                unit = _unit_match(text, sp)
                if unit is None:
                    return Candidate(start, pos, base, None, None, False, False, token)
                end = sp + len(unit.surface)
                after = text[end : end + 1]
                if after != "/":
                    if unit.kind == "duration" and (after in _APPROX_INSIDE or unit.surface in _OVER_UNITS):
                        inside = after in _APPROX_INSIDE
                        return Candidate(start, end + inside, base * unit.factor, None, unit, False, True, token, 1)
                    return Candidate(start, end, base * unit.factor, None, unit, False, False, token, 1)
            unit, end, tail_inside = _tail(text, sp)
            if unit is not None:
                return Candidate(start, end, base * unit.factor, None, unit, False, tail_inside, token, 1)
        return Candidate(start, pos, base, None, None, False, False, token)
    mults = _MULT_RUN.match(text, sp).group()
    # Give multiplier characters to the unit when the unit table knows the
    # longer form: 40万千瓦时 is 40 x 万千瓦时, not 40 x 万千 + 瓦时.
    for k in range(len(mults) + 1):
        unit, end, tail_inside = _tail(text, sp + k)
        if unit is not None:
            mult = prod(MULTIPLIERS[c] for c in mults[:k]) if k else 1
            return Candidate(
                start=m.start(), end=end, value=base * mult * unit.factor, unit=unit,
                approx_inside=inside or tail_inside, number_text=token, multiplier=mult,
            )
    if mults:
        mult = prod(MULTIPLIERS[c] for c in mults)
        compound = _compound(text, m.start(), sp + len(mults), base, mult, token, inside)
        if compound is not None:
            return compound
        end = sp + len(mults)
        if text[end : end + 1] in _APPROX_INSIDE:
            inside = True
            end += 1
        return Candidate(start=m.start(), end=end, value=base * mult, approx_inside=inside,
                         number_text=token, multiplier=mult)
    return Candidate(start=m.start(), end=m.end(), value=base, number_text=token)


def _compound(text: str, start: int, pos: int, base: float, big: float, token: str, inside: bool) -> Candidate | None:
    """1万2千元, 12万5千平方米, 1亿2千万元: a number with a multiplier, then a smaller one, then the unit."""
    if not text[pos : pos + 1].isdigit():
        return None  # (most numbers: nothing, a unit or punctuation after the multiplier)
    m = _NUMBER.match(text, pos)
    if m is None or m.lastgroup != "ar":
        return None
    second = _arabic(text, m)
    if second.unit is None or second.value_max is not None:
        return None
    written = _unit_multiplier(second.unit)  # 千元: the 千 went to the unit
    if second.multiplier == 1 and written == 1:
        return None  # 1万2元: no smaller multiplier
    base_factor = second.unit.factor / written
    if second.value / base_factor >= big:
        return None
    return Candidate(
        start=start, end=second.end, value=base * big * base_factor + second.value, unit=second.unit,
        approx_inside=inside or second.approx_inside, number_text=token, multiplier=big,
    )


def _chinese(text: str, m: regex.Match) -> Candidate | None:
    """A Chinese numeral with a unit; failing that, the run minus trailing multipliers with one."""
    run = m.group("cn")
    start = m.start()
    tail_first = _tail_first()
    # Only the whole run, or the run minus trailing multiplier characters, can be
    # the number. Most runs sit inside words (统一, 一是) and nothing a unit can
    # start with follows them, so `_tail_first` rules them out before parsing.
    if text[start + len(run) : start + len(run) + 1] == "点":
        return _chinese_decimal(text, start, run)
    shortest = max(len(run.rstrip(_MULT_CHARS)), 1)
    for k in range(len(run), shortest - 1, -1):
        if text[start + k : start + k + 1] not in tail_first:
            continue  # _tail would find no unit here
        if 1 < k < 4 and _is_digit_string(run[:k]):
            continue  # 统一三个: 一三 is no numeral; an estimate pair (两三年) is kept for exclusions to veto
        value = parse_chinese(run[:k])
        if value is None:
            continue
        unit, end, inside = _tail(text, start + k)
        mult = 1
        if unit is None:
            if text[start + k : start + k + 1] not in _APPROX_INSIDE:
                continue
            over = _multiplied(text, start + k + 1)  # 三十余万人次: 余/多 before the multiplier
            if over is None:
                continue
            mult, unit, end, inside = over[0], over[1], over[2], True
        return Candidate(
            start=start, end=end, value=value * mult * unit.factor, unit=unit, chinese=True,
            approx_inside=inside, number_text=run[:k], multiplier=mult,
            # (十 opening a run is the numeral ten: 十万元 is 100000 元, 千人帮万人 stays bare)
            bare_multiplier=is_only_multipliers(run[:k]) and run[0] not in "十拾",
        )
    return None


def _multiplied(text: str, pos: int) -> tuple[float, Unit, int, bool] | None:
    """Multipliers at `pos`, then a unit (万人次, 亿元): (multiplier, unit, end, 多/余 inside),
    the unit keeping the multipliers it knows (万千瓦时); None without a multiplier or a unit."""
    mults = _MULT_RUN.match(text, pos).group()
    if not mults:
        return None
    for k in range(len(mults) + 1):
        unit, end, inside = _tail(text, pos + k)
        if unit is not None:
            return prod(MULTIPLIERS[c] for c in mults[:k]) if k else 1, unit, end, inside
    return None


def _chinese_decimal(text: str, start: int, run: str) -> Candidate | None:
    """二点三万平方米, 三点六公里: a Chinese numeral, 点 and its decimals, then a unit (with multipliers)."""
    whole = parse_chinese(run)
    fraction = _CN_FRACTION.match(text, start + len(run))
    if whole is None or fraction is None:
        return None  # 一点一滴 is caught below: no unit follows
    pos = fraction.end()
    if text[pos : pos + 1] == "十":
        return None  # 下午三点五十分: a time of day (no decimal is followed by 十)
    found = _multiplied(text, pos)
    if found is None:
        unit, end, inside = _tail(text, pos)
        if unit is None:
            return None  # 一点一滴, 三点一线, 下午三点: no unit
        found = (1, unit, end, inside)
    mult, unit, end, inside = found
    value = float(f"{whole}." + "".join(str(DIGITS[ch]) for ch in fraction[1]))
    return Candidate(start=start, end=end, value=value * mult * unit.factor, unit=unit, chinese=True,
                     approx_inside=inside, number_text=text[start:pos], multiplier=mult)


@lru_cache(maxsize=1)
def _estimate_pairs() -> frozenset[str]:
    """Neighbouring numerals that make an estimate (两三, 七八): rules/exclusions.yaml `vague_pairs`."""
    return frozenset(load("exclusions")["vague_pairs"])


def _is_digit_string(token: str) -> bool:
    """二三, 一三: 2-3 Chinese digits with no 十百千 are no count (years have 4), unless an estimate
    pair; with a zero they are a number written digit by digit (一〇八人 is 108)."""
    return all(ch in DIGITS for ch in token) and token[:2] not in _estimate_pairs() and not any(
        ch in "〇零" for ch in token)


def _parse(text: str, m: regex.Match) -> Candidate | None:
    return _arabic(text, m) if m.lastgroup == "ar" else _chinese(text, m)


def _chinese_range(text: str, m: regex.Match) -> Candidate | None:
    """A Chinese numeral with no unit of its own that starts a range (二至三人, 二十余至三十人)."""
    sep_at = _low_end_over(text, m.end())
    if text[sep_at : sep_at + 1] not in _RANGE_SEP_FIRST:
        return None  # no separator follows (the common case: 统一, 一是)
    value = parse_chinese(m.group("cn"))
    if value is None or not _RANGE_SEP.match(text, sep_at) or _RANGE_SEP.match(text, sep_at).end() == sep_at:
        return None
    first = Candidate(start=m.start(), end=m.end(), value=value, chinese=True, number_text=m.group("cn"))
    ranged = _range(text, first)
    return ranged if ranged.unit is not None else None


def _unit_multiplier(unit: Unit) -> float:
    """The multiplier a unit's surface starts with: 万元 -> 1e4, 万千瓦时 -> 1e4, 平方米 -> 1.

    It is the unit's factor over that of the longest rest that is itself a
    unit of the same canonical (万千瓦时 is 万 + 千瓦时, not 万千 + 瓦时).
    """
    units = unit_table().units
    for k in range(len(_MULT_RUN.match(unit.surface).group()), 0, -1):
        rest = units.get(unit.surface[k:])
        if rest is not None and rest.canonical == unit.canonical:
            return unit.factor / rest.factor
    return 1


def _low_end_over(text: str, pos: int) -> int:
    """Past a 多/余 that stands between a bare number and a range separator (200余至300辆)."""
    if text[pos : pos + 1] in _APPROX_INSIDE and text[pos + 1 : pos + 2] in _RANGE_SEP_FIRST:
        return pos + 1
    return pos


def _range(text: str, first: Candidate) -> Candidate:
    """10至20辆, 23万—25万平方米, 200余至300辆: one candidate with value and value_max."""
    sep_at = _low_end_over(text, first.end) if first.unit is None else first.end
    if text[sep_at : sep_at + 1] not in _RANGE_SEP_FIRST:
        return first  # most numbers: no separator follows, skip the pattern
    sep = _RANGE_SEP.match(text, sep_at)
    if not sep or sep.end() == sep_at:
        return first
    m = _NUMBER.match(text, sep.end())
    if not m:
        return first
    second = _parse(text, m)
    if second is None or second.unit is None or second.chinese != first.chinese:
        return first
    if first.unit is not None and first.unit.canonical != second.unit.canonical:
        return first
    if first.unit is None:
        mult = first.multiplier if first.multiplier != 1 else second.multiplier
        low = parse_arabic(first.number_text) if not first.chinese else parse_chinese(first.number_text)
        first_value = low * mult * second.unit.factor
        if first.multiplier != 1:
            first_value /= _unit_multiplier(second.unit)  # 1万至2万元: 万元 holds the 万 the first wrote
    else:
        first_value = first.value
    if second.value < first_value:
        return first
    return Candidate(
        start=first.start, end=second.end, value=first_value, value_max=second.value, unit=second.unit,
        chinese=first.chinese, approx_inside=first.approx_inside or second.approx_inside or sep_at > first.end,
        number_text=first.number_text, multiplier=first.multiplier,
    )


def _percent_words(text: str, m: regex.Match) -> Candidate | None:
    """百分之三十 / 百分之12: a percentage written in words."""
    start = m.start() + len(PERCENT_PREFIX)
    num = _NUMBER.match(text, start)
    if num is None:
        return None
    if num.group("ar"):
        value, chinese, end = parse_arabic(num.group("ar")), False, num.end()
    else:
        value, chinese, end = parse_chinese(num.group("cn")), True, num.end()
        if value is None:
            return None
        fraction = _CN_FRACTION.match(text, end)  # 百分之十二点五
        if fraction is not None:
            value = float(f"{value}." + "".join(str(DIGITS[ch]) for ch in fraction[1]))
            end = fraction.end()
    return Candidate(start=m.start(), end=end, value=value, unit=unit_table().units["%"], chinese=chinese,
                     number_text=text[start:end])


def _day_duration(text: str, cand: Candidate) -> Candidate | None:
    """工期30日, 5日内办结: 日 as a duration (SPEC §4: 日 -> 天) where it cannot be a day of the month."""
    if not is_day_duration(text, cand.start, cand.end + 1):
        return None
    unit = day_duration_unit()
    return Candidate(cand.start, cand.end + 1, cand.value * unit.factor, cand.value_max, unit, False,
                     cand.approx_inside, cand.number_text, cand.multiplier)


def _score(text: str, cand: Candidate) -> Candidate | None:
    """考核得分96.5分: a score, kind other with unit 分 (rules/units.yaml `score`)."""
    if not is_score(text, cand.start, cand.end):
        return None
    return Candidate(cand.start, cand.end + 1, cand.value, None, score_unit(), False, False,
                     cand.number_text, cand.multiplier)


def find_numbers(text: str) -> list[Candidate]:
    """All number candidates in `text` (normalised copy), left to right, non-overlapping."""
    found: list[Candidate] = []
    pos = 0
    search = _search()
    list_first = _list_rule()[2]
    while True:
        m = search(text, pos)
        if m is None:
            break
        if m.lastgroup == "ar":
            cand = _arabic(text, m)  # never None
            if cand.unit is None:
                nxt = text[cand.end : cand.end + 1]
                if nxt == "日":
                    cand = _day_duration(text, cand) or cand
                elif nxt == "分":
                    cand = _score(text, cand) or cand
        else:
            if text.startswith(PERCENT_PREFIX, m.start()):
                cand = _percent_words(text, m)
            else:
                cand = _chinese(text, m)
            if cand is None:
                cand = _chinese_range(text, m)  # 二至三人: the unit comes after the second number
            if cand is None:
                pos = m.start() + 1
                continue
        nxt = text[cand.end : cand.end + 1]
        if (nxt in _RANGE_SEP_FIRST and cand.value_max is None) or (nxt in _APPROX_INSIDE and cand.unit is None):
            cand = _range(text, cand)  # (a range's low end with 多/余 has no unit: 200余至300辆)
        if cand.unit is not None and found:
            prev = found[-1]  # (a joiner right after a number with no unit: most numbers go on at once)
            if prev.unit is None and text[prev.end : prev.end + 1] in list_first:
                _share_list_unit(text, found, cand)
        found.append(cand)
        pos = max(cand.end, m.end())
    return found


@lru_cache(maxsize=1)
def _list_rule() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """rules/units.yaml `list_unit`: what joins a list's items, the words that make them
    ordinals; the characters that can follow an item (a joiner's first, a blank)."""
    rule = load("units")["list_unit"]
    joiners = frozenset(rule["joiners"])
    return joiners, tuple(rule["not_after"]), frozenset(j[0] for j in joiners) | frozenset(_BLANKS)


def _share_list_unit(text: str, found: list[Candidate], last: Candidate) -> None:
    """分别为12、8和5辆: the items before `last` with no unit, each joined to the next
    by a joiner alone, take its unit (SPEC §4), keeping the multipliers they write."""
    joiners, not_after, _first = _list_rule()
    first, nxt = len(found), last
    while first and found[first - 1].unit is None and text[found[first - 1].end : nxt.start].strip(" \t") in joiners:
        first -= 1
        nxt = found[first]
    if first == len(found) or last.bare_multiplier or not found[first].start:
        return  # (千人帮万人: a multiplier standing alone is no item; a text's start opens a line)
    if text.endswith(not_after, 0, found[first].start):
        return
    unit = last.unit
    factor = unit.factor / _unit_multiplier(unit)  # 万人次 after 9.8: 18.6万 wrote its own 万
    for k in range(first, len(found)):
        item = found[k]
        found[k] = Candidate(item.start, item.end, item.value * factor, item.value_max and item.value_max * factor,
                             unit, item.chinese, item.approx_inside, item.number_text, item.multiplier)
