"""Dates (SPEC §5): calendar points and month/year expressions, with year inference.

Runs on the normalised copy of the text. `report_year` fills in dates written
without a year (`year_inferred`); without it the year is `XXXX`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache, partial

import regex

from . import fastscan
from .fastscan import checker
from .numerals import parse_chinese
from .rulebook import OnFirstUse, load
from .sentences import sentence_start_before
from .units import is_day_duration, unit_table

_S = r"[ \t]{0,2}"  # spaces some sites put between the parts of a date
# (a Chinese year's zero is often typed ○ or the letter O: 二○二三年, 二O二三年)
_YEAR = r"(?P<y>(?:19|20)\d{2}|20[Xx]{2}|[Xx]{4}|[〇零○OＯ0一二三四五六七八九]{4})"
_ZERO_LOOKALIKES = str.maketrans("○OＯ0", "〇〇〇〇")
_MONTH = r"(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9]|三十一?|二?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DAY2 = _DAY.replace("?P<d>", "?P<d2>")


def _re(pattern: str):
    """`_ascii(pattern)`, compiled."""
    return regex.compile(_ascii(pattern))


def _ascii(pattern: str) -> str:
    """Date patterns read ASCII digits only (full-width ones are normalised before).

    `\\d` is rewritten to 0-9 rather than compiled with regex.ASCII, which
    would also switch off `\\p{Han}`.
    """
    out, in_class, i = [], False, 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and pattern[i + 1 : i + 2] == "d":
            out.append("0-9" if in_class else "[0-9]")
            i += 2
            continue
        if ch == "\\":
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        out.append(ch)
        i += 1
    return "".join(out)


_HAN = regex.compile(r"\p{Han}")
_CODE_AFTER = _re(r"\s*[-/]\s*\d{3,}")  # 2021-00002: an index number
_YEAR_BEFORE = _re(r"(?:19|20)\d{2}\s?[-—–~]$")  # the first year of a range
_YEAR_AFTER = _re(r"\s*[-/—]\s*(?:19|20)\d{2}(?!\d)")  # 2014-2017: a year range


# Patterns run by the standard library's engine: it skips to the characters they open with
# (1 or 2, a relative year word) at about half the instructions `regex` spends; both engines
# read them alike (ASCII classes, literals, fixed-width lookarounds, a back reference).
_STDLIB = frozenset({"iso", "bare_year", "rel_suffix"})

_RELATIVE_LED = ("rel_md", "rel_span", "rel_range", "rel_m", "rel_suffix")  # patterns opening with a relative year
# Patterns opening with a written year and 年 (_YEAR _S 年, the whole `y` pattern): each
# of their matches starts where a match of `y` does. Matches of `y` cannot overlap (a year
# is four year characters, then spaces and 年, none of which is a year character), so the
# matches of `y` in a text are all the places such a pattern can start: they are found once
# (`_Finder.year_starts`) and each of these patterns is tried only there.
_YEAR_LED = ("ymd_span", "ymd", "ym_span", "ym_list", "ym_range", "ym", "y_suffix", "y")


# After a number, these make it a quantity, not a date (`_Finder._starts_unit`, with the unit table).
_QUANTITY_AFTER = "多余十百千万亿年月日号个第%"


@dataclass(slots=True)
class DateSpan:
    start: int
    end: int
    iso: str
    year_inferred: bool


def _patterns():
    """(name -> compiled pattern, compiled on first use; the rules; name -> its condition)."""
    return _built()[:3]


def _has_relative_year():
    """Whether a text has a relative year word: the condition of every _RELATIVE_LED pattern."""
    return _built()[3]


@lru_cache(maxsize=1)
def _built():
    data = load("dates")
    year_suffix = "|".join(sorted(map(regex.escape, data["year_suffixes"]), key=len, reverse=True))
    month_suffix = "|".join(sorted(map(regex.escape, data["month_suffixes"]), key=len, reverse=True))
    relative = "|".join(sorted(map(_guarded_relative_year(data), data["relative_years"]), key=len, reverse=True))
    # month words (元月) join the numerals; a range's first month may carry its own 月/月份
    words = "".join(map(regex.escape, data.get("month_words") or {}))
    month = _MONTH[:-1] + (f"|[{words}])" if words else ")")
    month2 = month.replace("?P<m>", "?P<m2>")
    sep = "(?:" + "|".join(sorted(map(regex.escape, data["month_range_separators"]), key=len, reverse=True)) + ")"
    first = month + r"(?:" + _S + "月(?:" + month_suffix + ")?)?"  # 1, 1月, 1月份, 6月上旬 (至8月下旬)
    day_sep = _S + "(?:" + "|".join(sorted(map(regex.escape, data["day_span_separators"]), key=len, reverse=True)) + ")" + _S
    rel_not_before = "".join(map(regex.escape, data["relative_year_suffix_not_before"]))
    p = {
        "iso": _ascii(
            r"(?P<y>(?:19|20)\d{2}) ?(?P<sep>[-/.]) ?(?P<m>1[0-2]|0?[1-9]) ?(?P=sep) ?(?P<d>3[01]|[12]\d|0?[1-9])(?![\d])"
        ),
        "ymd": _ascii(_YEAR + _S + "年" + _S + month + _S + "月" + _S + _DAY + _S + "[日号]"),
        # 2023年10月8—12日, 12月1-3日, 5月6、7日: two days of one month, 日 written once
        "ymd_span": _ascii(_YEAR + _S + "年" + _S + month + _S + "月" + _S + _DAY + day_sep + _DAY2 + _S + "[日号]"),
        "md_span": _ascii(r"(?<![\d个.])" + month + _S + "月" + _S + _DAY + day_sep + _DAY2 + _S + "[日号]"),
        # 2022年9月至2023年6月: a month range across years, one interval
        "ym_span": _ascii(_YEAR + _S + "年" + _S + month + _S + "月(?:" + month_suffix + ")?" + _S + sep + _S
                          + _YEAR.replace("?P<y>", "?P<y2>") + _S + "年" + _S + month2 + _S + "月(?:" + month_suffix + ")?"),
        # 2023年7、8月份, 7、8月: two months of a list, 月 written once: two dates
        "ym_list": _ascii(_YEAR + _S + "年" + _S + month + _S + "、" + _S + month2 + _S + "月(?:" + month_suffix + ")?"),
        "m_list": _ascii(r"(?<![\d个.第、])" + month + _S + "、" + _S + month2 + _S + "月(?:" + month_suffix + ")?"),
        "ym_range": _ascii(_YEAR + _S + "年" + _S + first + _S + sep + _S + month2 + _S + "月(?:" + month_suffix + ")?"),
        "ym": _ascii(_YEAR + _S + "年" + _S + month + _S + "月(?:" + month_suffix + ")?"),
        "y_suffix": _ascii(_YEAR + _S + "年(?P<suffix>" + year_suffix + ")"),
        "y": _ascii(_YEAR + _S + "年"),
        "rel_md": _ascii(r"(?P<rel>" + relative + ")" + month + "月" + _DAY + "[日号]"),
        # 去年12月至今年3月: a month range across a relative year, one interval
        "rel_span": _ascii(r"(?P<rel>" + relative + ")" + month + _S + "月(?:" + month_suffix + ")?" + _S + sep + _S
                           + r"(?P<rel2>" + relative + ")" + month2 + _S + "月(?:" + month_suffix + ")?"),
        "rel_range": _ascii(r"(?P<rel>" + relative + ")" + first + _S + sep + _S + month2 + _S + "月(?:" + month_suffix + ")?"),
        "rel_m": _ascii(r"(?P<rel>" + relative + ")" + month + "月(?:" + month_suffix + ")?"),
        "rel_suffix": _ascii(r"(?P<rel>" + relative + ")年?(?P<suffix>[末底初])(?![" + rel_not_before + "])"),
        "md": _ascii(r"(?<![\d个.])" + month + _S + "月" + _S + _DAY + _S + "[日号]"),
        "m_range": _ascii(r"(?<![\d个.])" + first + _S + sep + _S + month2 + _S + "月(?:" + month_suffix + ")?"),
        "m": _ascii(r"(?<![\d个.第])" + month + _S + "月(?:" + month_suffix + ")?(?![\\d])"),
        "garbled_ym": _ascii(r"(?<![\d.])(?P<y>(?:19|20)\d{2})(?P<rest>\d{1,2})月"),
        "garbled_md": _ascii(r"(?<![\d.])(?:(?P<y>(?:19|20)\d{2})(?P<rest>\d{2,4})|(?P<rest2>\d{2,4}))日"),
        "ym_dot": _ascii(r"(?<![\d.])(?P<y>(?:19|20)\d{2})\.(?P<m>1[0-2]|0?[1-9])(?![\d.])"),
        # (a comma after the year only in English text: "in 2001, the")
        # bare_year and garbled_bare leave out, in the pattern, runs that `_starts_unit` rejects
        # by their next character (2020年, 12辆 … are most of their matches, each costing a Match
        # and a Python check): the same dates, as no other match can start inside such a run
        # (it would follow a digit, which both lookbehinds refuse)
        # (the year's first two digits come first and the lookbehinds after them, reading the
        # characters before those two: the same test as a lookbehind at the start, but the
        # engine skips ahead to a 1 or 2 instead of trying every position)
        "bare_year": _ascii(
            r"(?P<y>(?:19|20)(?<![\d.A-Za-z/]..)(?<!\d,..)\d{2})(?![\d.%" + _QUANTITY_AFTER + r"]|,(?! ?[A-Za-z]))"
        ),
        "garbled_bare": _ascii(r"(?<=^|[\p{Han}，,。；;、：:\s])(?P<rest>\d{2,4})(?=\p{Han})(?![" + _QUANTITY_AFTER + "])"),
        "month_after": _ascii(_S + sep + _S + month + _S + "月(?:" + month_suffix + ")?"),
        "day_after": _ascii(_S + r"(?:-|—|–|~|至|到)" + _S + _DAY + "[日号]"),
    }
    # the text each pattern needs (年, 月, 日|号 …): a document without it is not scanned.
    # The rel_ patterns all begin with a relative year (今年, 去年…): the words are looked for
    # once per document (_Finder.each), each pattern's own condition is read from the rest of it.
    for name in _YEAR_LED:
        assert p[name].startswith(p["y"]), name
    rel_group = "(?P<rel>" + relative + ")"
    conditions = dict(p)  # (compiled without flags)
    for name in _RELATIVE_LED:
        assert p[name].startswith(rel_group), name
        conditions[name] = p[name][len(rel_group) :]
    conditions["relative_years"] = "|".join(map(regex.escape, data["relative_years"]))
    # (read from the cache: parsing the patterns for their conditions cost what compiling them does)
    needs = {name: checker(need) for name, need in fastscan.needs("dates", conditions).items()}
    has_relative = needs.pop("relative_years")
    # Text every match of a span or list pattern holds, searched (stdlib `re`, skipping to the
    # character it opens with) before the pattern is run: most documents have none, and the
    # patterns, opening with a year or a month, are tried at every position.
    unnamed = lambda part: regex.sub(r"\?P<\w+>", "?:", part)  # noqa: E731
    day_span = "月" + _S + unnamed(_DAY) + day_sep  # 10月8—(12日)
    month_list = "、" + _S + unnamed(month2) + _S + "月"  # (2023年7)、8月
    month_span = "月(?:" + month_suffix + ")?" + _S + sep + _S + unnamed(_YEAR) + _S + "年"  # (2022年9)月至2023年(6月)
    rel_span = "月(?:" + month_suffix + ")?" + _S + sep + _S + "(?:" + relative + ")"  # (去年12)月至今年(3月)
    for name, gate in (("ymd_span", day_span), ("md_span", day_span), ("ym_span", month_span), ("rel_span", rel_span),
                       ("ym_list", month_list), ("m_list", month_list)):
        needs[name] = _gated(needs[name], _ascii(gate))
    # each pattern is compiled when a document first has what it needs
    compile_with = {name: re.compile if name in _STDLIB else regex.compile for name in p}
    return OnFirstUse({name: partial(compile_with[name], pattern) for name, pattern in p.items()}), data, needs, has_relative


def _guarded_relative_year(data: dict):
    """A relative year word as a pattern: 同年/是年 at a clause's start or after
    `referring_year_after` only (not 但是年底, 不同年份); 当年 as it stood.

    The test is a lookbehind after the word (no word character but those before it),
    so that each pattern still opens with its words' first characters, which the
    engines skip to (a lookbehind in front made rel_suffix scan every position)."""
    after = "".join(map(regex.escape, data["referring_year_after"]))

    def pattern(word: str) -> str:
        if word in data["years_referring_back"] and word != "当年":
            return regex.escape(word) + r"(?<![^\W" + after + "]" + regex.escape(word) + ")"
        return regex.escape(word)

    return pattern


def _gated(need, gate: str):
    """`need`, then a search of `gate` (compiled on first use)."""
    search = None

    def check(text: str) -> bool:
        nonlocal search
        if not need(text):
            return False
        if search is None:
            search = re.compile(gate).search
        return search(text) is not None

    return check


def _num(token: str | None) -> int | None:
    if token is None:
        return None
    if token.isdigit():
        return int(token)
    words = _built()[1].get("month_words") or {}
    if token in words:
        return int(words[token])  # 元月
    return parse_chinese(token)


def _year(token: str) -> int | None:
    """A written year, or None when anonymised (20XX, XXXX)."""
    if "X" in token.upper():
        return None
    if not token.isdigit():
        token = token.translate(_ZERO_LOOKALIKES)
    return _num(token)


@lru_cache(maxsize=4096)
def _md_readings(digits: str) -> tuple[tuple[int, int], ...]:
    """Ways to read a run of digits as month+day without leading zeros (cached: runs repeat)."""
    readings = []
    for cut in range(1, len(digits)):
        m, d = digits[:cut], digits[cut:]
        if m.startswith("0") or d.startswith("0"):
            continue
        if 1 <= int(m) <= 12 and 1 <= int(d) <= 31:
            readings.append((int(m), int(d)))
    return tuple(readings)


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    y = f"{year:04d}" if year is not None else "XXXX"
    if month is None:
        return y
    if day is None:
        return f"{y}-{month:02d}"
    return f"{y}-{month:02d}-{day:02d}"


class _Finder:
    """Collects non-overlapping dates, most specific patterns first."""

    def __init__(self, text: str, blocked, report_year: int | None):
        self.text = text
        self.blocked = blocked
        self.report_year = report_year
        self.found: list[DateSpan] = []
        self.taken = bytearray(len(text))
        self.relative = None  # whether the text has a relative year word (on first need)
        self._years = None  # the matches of `y` (on first need)
        self.patterns, self.data, self.has_need = _patterns()
        lo, hi = self.data["year_range"]
        self.year_ok = lambda y: y is None or lo <= y <= hi

    def free(self, start: int, end: int) -> bool:
        return 1 not in self.taken[start:end] and not self.blocked(start, end)

    def add(self, start: int, end: int, iso: str, inferred: bool) -> None:
        self.found.append(DateSpan(start, end, iso, inferred))
        self.taken[start:end] = b"\x01" * (end - start)

    def each(self, name: str):
        """Matches of pattern `name` on free text (checked as they come: `add` takes text meanwhile)."""
        if not self.has_need[name](self.text):
            return ()  # (no generator made: most patterns find nothing in most documents)
        if name in _RELATIVE_LED:
            if self.relative is None:
                self.relative = _has_relative_year()(self.text)
            if not self.relative:
                return ()
        if name in _YEAR_LED:
            return self._free(self._at_year_starts(name))
        return self._free(self.patterns[name].finditer(self.text))

    def _at_year_starts(self, name: str):
        """The matches `finditer` gives of a _YEAR_LED pattern: at each match start of `y`
        from the end of the last match on, the pattern matched there (`y`'s own matches as found)."""
        if self._years is None:
            self._years = list(self.patterns["y"].finditer(self.text))
        if name == "y":
            yield from self._years
            return
        match, text, end = self.patterns[name].match, self.text, 0
        for year in self._years:
            start = year.start()
            if start >= end:
                m = match(text, start)
                if m is not None:
                    yield m
                    end = m.end()

    def _free(self, matches):
        taken, blocked = self.taken, self.blocked
        for m in matches:
            start, end = m.span()
            if 1 not in taken[start:end] and not blocked(start, end):
                yield m

    def relative_year(self, word: str, at: int = 0) -> int | None:
        referred = self._year_referred(word, at) if word in self.data["years_referring_back"] else None
        if referred is not None:
            return referred
        if self.report_year is None:
            return None
        return self.report_year + int(self.data["relative_years"][word])

    def _year_referred(self, word: str, at: int) -> int | None:
        """当年11月 after 2005年 in its sentence: the one written year named there (or, failing
        any, in the sentence before, for 同年/是年); None for none or two."""
        end = at
        for _ in range(1 + int(self.data["years_referring_back"][word])):  # its sentence, then the one before
            start = sentence_start_before(self.text, end)
            years = {int(d.iso[:4]) for d in self.found
                     if start <= d.start < end and not d.year_inferred and d.iso[:4].isdigit()}
            if years or start == 0:
                return years.pop() if len(years) == 1 else None
            end = start - 1
        return None

    def run(self) -> list[DateSpan]:
        for m in self.each("iso"):
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            if self.year_ok(y):
                self.add(m.start(), m.end(), _iso(y, mo, d), False)
        for m in self.each("ymd_span"):
            y, mo = _year(m["y"]), _num(m["m"])
            if self.year_ok(y) and mo and mo <= 12:
                self._day_span(m, y, mo, False)
        for m in self.each("ymd"):
            y, mo, d = _year(m["y"]), _num(m["m"]), _num(m["d"])
            if self.year_ok(y) and mo and d and mo <= 12 and d <= 31:
                self.add(m.start(), m.end(), _iso(y, mo, d), False)
                self._day_after(m.end(), y, mo, False)
        for m in self.each("ym_span"):
            y1, m1, y2, m2 = _year(m["y"]), _num(m["m"]), _year(m["y2"]), _num(m["m2"])
            if self.year_ok(y1) and self.year_ok(y2) and m1 and m2 and m1 <= 12 and m2 <= 12 and (
                y1 is not None and y2 is not None and (y1, m1) < (y2, m2)
            ):
                self.add(m.start(), m.end(), f"{_iso(y1, m1)}/{_iso(y2, m2)}", False)
        for m in self.each("ym_list"):
            y = _year(m["y"])
            if self.year_ok(y):
                self._month_list(m, y, False)
        for m in self.each("ym_range"):
            y, m1, m2 = _year(m["y"]), _num(m["m"]), _num(m["m2"])
            if self.year_ok(y) and m1 and m2 and m1 < m2 <= 12:
                self.add(m.start(), m.end(), f"{_iso(y, m1)}/{_iso(y, m2)}", False)
        for m in self.each("ym"):
            y, mo = _year(m["y"]), _num(m["m"])
            if self.year_ok(y) and mo and mo <= 12:
                self.add(m.start(), m.end(), _iso(y, mo), False)
                self._month_after(m.end(), y)
        for m in self.each("y_suffix"):
            y = _year(m["y"])
            if y is not None and self.year_ok(y):
                month = self.data["year_suffixes"][m["suffix"]]
                self.add(m.start(), m.end(), _iso(y, int(month)) if month else _iso(y), False)
        for m in self.each("y"):
            y = _year(m["y"])
            if y is not None and self.year_ok(y):
                self.add(m.start(), m.end(), _iso(y), False)
        for m in self.each("rel_md"):
            y, mo, d = self.relative_year(m["rel"], m.start()), _num(m["m"]), _num(m["d"])
            if mo and d and mo <= 12 and d <= 31:
                self.add(m.start(), m.end(), _iso(y, mo, d), True)
        for m in self.each("rel_span"):
            y1, y2 = self.relative_year(m["rel"], m.start()), self.relative_year(m["rel2"], m.start("rel2"))
            m1, m2 = _num(m["m"]), _num(m["m2"])
            if m1 and m2 and m1 <= 12 and m2 <= 12 and y1 is not None and (y1, m1) < (y2, m2):
                self.add(m.start(), m.end(), f"{_iso(y1, m1)}/{_iso(y2, m2)}", True)
        for m in self.each("rel_range"):
            y, m1, m2 = self.relative_year(m["rel"], m.start()), _num(m["m"]), _num(m["m2"])
            if m1 and m2 and m1 < m2 <= 12:
                self.add(m.start(), m.end(), f"{_iso(y, m1)}/{_iso(y, m2)}", True)
        for m in self.each("rel_m"):
            y, mo = self.relative_year(m["rel"], m.start()), _num(m["m"])
            if mo and mo <= 12 and not self._month_is_count(m):
                self.add(m.start(), m.end(), _iso(y, mo), True)
        for m in self.each("rel_suffix"):  # 去年年底, 今年初 (like 2019年末)
            month = self.data["year_suffixes"].get(m["suffix"])
            if month:
                self.add(m.start(), m.end(), _iso(self.relative_year(m["rel"], m.start()), int(month)), True)
        y = self.report_year
        for m in self.each("md_span"):
            mo = _num(m["m"])
            if mo and mo <= 12:
                self._day_span(m, y, mo, True)
        for m in self.each("md"):
            mo, d = _num(m["m"]), _num(m["d"])
            if mo and d and mo <= 12 and d <= 31:
                self.add(m.start(), m.end(), _iso(y, mo, d), True)
                self._day_after(m.end(), y, mo, True)
        for m in self.each("m_list"):
            if not self._month_is_count(m):
                self._month_list(m, y, True)
        for m in self.each("m_range"):
            m1, m2 = _num(m["m"]), _num(m["m2"])
            if m1 and m2 and m1 < m2 <= 12:
                self.add(m.start(), m.end(), f"{_iso(y, m1)}/{_iso(y, m2)}", True)
        for m in self.each("m"):
            mo = _num(m["m"])
            if mo and mo <= 12 and not self._month_is_count(m):
                self.add(m.start(), m.end(), _iso(y, mo), True)
        self._garbled()
        for m in self.each("ym_dot"):  # 2019.12, unless it is a number with a unit (2019.12万元)
            if not self._starts_unit(m.end()) and self.year_ok(int(m["y"])):
                self.add(m.start(), m.end(), _iso(int(m["y"]), int(m["m"])), False)
        for m in self.each("bare_year"):
            if self._bare_year_is_date(m):
                self.add(m.start(), m.end(), _iso(int(m["y"])), False)
        self.found.sort(key=lambda d: d.start)
        return self.found

    def _month_is_count(self, m) -> bool:
        """Chinese months are dates only with a digit-free context: 三月 yes, 十二月份 yes."""
        token = m["m"]
        before = self.text[m.start("m") - 1 : m.start("m")]
        if token in (self.data.get("month_words") or {}):  # 元月, but not 100元月租 or 单元月
            return before.isdigit() or before in self.data["month_word_not_after"]
        # 每月, 个月 are caught by the lookbehind; a Chinese numeral glued to a
        # preceding numeral (一二月) is too vague to read.
        return not token.isdigit() and before != "" and before in "〇零一二两三四五六七八九十百千万几数"

    def _month_after(self, end: int, year) -> None:
        """2020年1月至6月: the second month of a range takes the first one's year."""
        m = self.patterns["month_after"].match(self.text, end)
        if m and self.free(m.start("m"), m.end()):
            mo = _num(m["m"])
            if mo and mo <= 12:
                self.add(m.start("m"), m.end(), _iso(year, mo), False)

    def _month_list(self, m, year, inferred: bool) -> None:
        """2023年7、8月份: two dates, the first without its 月 (like a range of days)."""
        m1, m2 = _num(m["m"]), _num(m["m2"])
        if m1 and m2 and m1 < m2 <= 12:
            self.add(m.start(), m.end("m"), _iso(year, m1), inferred)
            self.add(m.start("m2"), m.end(), _iso(year, m2), inferred)

    def _day_span(self, m, year, month: int, inferred: bool) -> None:
        """2023年10月8—12日: two dates (SPEC §5, a range of days), the first without its 日."""
        d1, d2 = _num(m["d"]), _num(m["d2"])
        if d1 and d2 and d1 < d2 <= 31:
            self.add(m.start(), m.end("d"), _iso(year, month, d1), inferred)
            self.add(m.start("d2"), m.end(), _iso(year, month, d2), inferred)

    def _day_after(self, end: int, year, month: int, inferred: bool) -> None:
        """5月1日至3日: the second day of a range is a date of the same month."""
        m = self.patterns["day_after"].match(self.text, end)
        if m and self.free(m.start(), m.end()):
            d = _num(m["d"])
            if d and d <= 31:
                start = m.start() + len(m.group()) - len(m["d"]) - 1
                self.add(start, m.end(), _iso(year, month, d), inferred)

    def _garbled(self) -> None:
        """Characters lost in publishing: a date when it has one reading only (SPEC §5)."""
        excluded = set(self.data["not_garbled_dates"])
        for m in self.each("garbled_ym"):
            y, mo = int(m["y"]), int(m["rest"])
            if self.year_ok(y) and 1 <= mo <= 12 and not m["rest"].startswith("0"):
                self.add(m.start(), m.end(), _iso(y, mo), False)
        for m in self.each("garbled_md"):
            rest = m["rest"] or m["rest2"]
            if m["rest2"] and len(rest) == 2 and (int(rest) <= 31 or is_day_duration(self.text, m.start(), m.end())):
                continue  # 每月15日, 于25日: a day of the month as written; 历时45日: days; never 1月5日, 4月5日
            readings = _md_readings(rest)
            if len(readings) == 1 and rest not in excluded:
                y = int(m["y"]) if m["y"] else None
                mo, d = readings[0]
                self.add(m.start(), m.end(), _iso(y if y else self.report_year, mo, d), y is None)
        not_after = tuple(self.data["garbled_not_after"])
        not_before = tuple(self.data["garbled_not_before"])
        # (cheapest tests first: most runs have no single reading, so that is tested before
        # the run is checked to be free; the tests have no effect, their order none either)
        matches = self.patterns["garbled_bare"].finditer(self.text) if self.has_need["garbled_bare"](self.text) else ()
        taken, blocked = self.taken, self.blocked
        for m in matches:
            rest = m["rest"]
            readings = _md_readings(rest)
            if len(readings) != 1 or rest in excluded:
                continue
            start, end = m.span()
            if 1 in taken[start:end] or blocked(start, end) or self._starts_unit(end):
                continue
            if self.text.endswith(not_after, 0, m.start()) or self.text.startswith(not_before, m.end()):
                continue
            if not self._garbled_run_reads_as_date(m):
                continue
            mo, d = readings[0]
            self.add(m.start(), m.end(), _iso(self.report_year, mo, d), True)

    def _garbled_run_reads_as_date(self, m) -> bool:
        """维修单位91共维修: a run glued to a word is a count that lost its classifier,
        unless it follows a time word or an event word follows it (食堂1210开工)."""
        before = self.text[m.start() - 1 : m.start()]
        if not _HAN.match(before):
            return True  # opens a clause: ,98正式投入使用
        return self.text.endswith(tuple(self.data["garbled_glued_after"]), 0, m.start()) or self.text.startswith(
            tuple(self.data["garbled_glued_before"]), m.end()
        )

    def _starts_unit(self, pos: int) -> bool:
        nxt = self.text[pos : pos + 1]
        return unit_table().match(self.text, pos) is not None or (nxt != "" and nxt in _QUANTITY_AFTER)

    def _bare_year_is_date(self, m) -> bool:
        """2017公务用车, “2019—2020”: a year with nothing that makes it a quantity."""
        end = m.end()
        before = self.text[max(0, m.start() - 7) : m.start()]
        if before[-1:] in ("-", "—", "–", "~") and not _YEAR_BEFORE.search(before):
            return False  # 2021-00002, A-2019: part of a code, unless a year range (2015-2021)
        if self._starts_unit(end) or self.text[end : end + 1] in ("多", "余"):
            return False
        after = self.text[end : end + 6]
        if _CODE_AFTER.match(after) and not _YEAR_AFTER.match(after):
            return False
        if self._opens_quantity_range(end):
            return False
        return self.year_ok(int(m["y"]))

    def _opens_quantity_range(self, end: int) -> bool:
        """2000至5000平方米, 1998—2500万元: the low end of a range whose high end has a unit
        other than 年 (2019至2021年, 2019—2021年度 stay years)."""
        pattern, first_chars = _range_to_number()
        if self.text[end : end + 1] not in first_chars:
            return False  # (most bare years: no separator after them)
        m = pattern.match(self.text, end)
        if m is None or self.text.startswith("年", m.end()):
            return False
        return unit_table().match(self.text, m.end()) is not None


@lru_cache(maxsize=1)
def _range_to_number():
    """A range separator (rules/dates.yaml `month_range_separators`), a number and its
    multipliers; the characters such a match can start with."""
    separators = load("dates")["month_range_separators"]
    seps = "|".join(sorted(map(regex.escape, separators), key=len, reverse=True))
    pattern = _re(r"[ \t]?(?:" + seps + r")[ \t]?\d+(?:\.\d+)?[ \t]?[十百千万亿]*")
    return pattern, frozenset(" \t" + "".join(sep[0] for sep in separators))


def find_date_spans(text: str, report_year: int | None = None, blocked=None) -> list[DateSpan]:
    """Dates in `text` (normalised copy); `blocked(start, end)` vetoes identifier regions."""
    return _Finder(text, blocked or (lambda s, e: False), report_year).run()
