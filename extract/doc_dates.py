"""The document's dates (SPEC §2 `document`): the page's publication date, and the
year and period the report is on (its title, opening, body or the page's date)."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

import regex

from .doc_config import DATE, config
from .numerals import DIGITS

_TIME_OF_DAY = regex.compile(r"\d{1,2}:\d{2}")


# ---------------------------------------------------------------- published


def find_published(simplified: str) -> str | None:
    """The page's own date (发布日期 …, a date before a time of day or before 来源),
    else the document's date line under its title: （2024年1月18日）."""
    r = config()["r"]
    head = simplified[: r["head_chars"]]
    labels = tuple(r["published"]["labels"])
    followers = tuple(r["published"]["followers"])
    seen = []
    for m in DATE.finditer(head):
        seen.append(m)
        before = head[max(0, m.start() - 8) : m.start()].rstrip(" :|\t")  # 公开日期: | 2020-08-03: a table cell
        after = head[m.end() : m.end() + 12].lstrip(" \t\u3000])】")  # [2022-01-05] 来源: a bracketed page date
        if before.endswith(labels) or _TIME_OF_DAY.match(after) is not None or after.startswith(followers):
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    # no page date: the first date alone on its line in brackets (read only now: a page date makes it moot)
    date_line = next((m for m in seen if _bracketed_line(head, m.start(), m.end())), None)
    if date_line is None and "现将《" in head:  # (a str test: few texts forward a report)
        date_line = _cover_letter_date(head)
    if date_line is not None:
        y, mo, d = int(date_line["y"]), int(date_line["m"]), int(date_line["d"])
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _cover_letter_date(head: str):
    """The date a cover letter forwarding the report is signed with ("现将《…》印发给你们" …
    "舟山市机关事务管理中心" / "2025年1月3日"): a date alone on one of the lines right after it."""
    c = config()
    letter = c["cover_letter"].search(head)
    if letter is None:
        return None
    line_end = head.find("\n", letter.end())
    lines = head[line_end + 1 :].split("\n")[: c["r"]["published"]["cover_letter_lines"]] if line_end >= 0 else []
    pos = line_end + 1
    for line in lines:
        stripped = line.strip(" \t\u3000")
        m = DATE.match(head, pos + line.index(stripped)) if stripped else None
        if m is not None and m.group().strip() == stripped:
            return m
        pos += len(line) + 1
    return None


def _bracketed_line(head: str, start: int, end: int) -> bool:
    """A date alone on its line in brackets, （2024年1月18日）: the date a speech was
    given or a document issued, printed under its title (a page date comes first)."""
    line_start = head.rfind("\n", 0, start) + 1
    line_end = head.find("\n", end)
    before = head[line_start:start].strip(" \t\u3000")
    after = head[end : len(head) if line_end < 0 else line_end].strip(" \t\u3000")
    return before + after in config()["r"]["published"]["date_line_brackets"]


# ---------------------------------------------------------------- year and period


def year_and_period(
    simplified: str, title: str | None, published: str | None, opening: regex.Match | None
) -> tuple[int | None, str | None]:
    """`opening` is the `opening` pattern's match in the head (the caller needs it too)."""
    c = config()
    r = c["r"]
    parts = r["period"]["parts"]
    head = simplified[: r["head_chars"]]
    year, period, strength = None, None, None
    if title and not c["placeholder"].search(title):
        m = c["title_year"].search(title)
        if m:
            year, strength = int(m["y"]), "title"
    m = opening
    titled = year is not None
    if m and not c["placeholder"].search(head[: m.start()] + m.group()):
        if year is None:
            year = int(m["y"])
        if year == int(m["y"]):
            strength = "opening"
            if m["part"]:
                period = parts.get(m["part"].lstrip("第"), parts.get(m["part"]))
                return year, period
            if not titled and _opens_a_span(head[: r["period"]["opening_chars"]], year):  # a title's year stands
                return None, "multi_year"
    if year is None:  # "对2018年度节能工作进行了整理汇总": the opening names the year reported on
        m = c["subject_year"].search(head[: r["period"]["opening_chars"]])
        if m and not c["placeholder"].search(m.group()):
            year = int(m["y"])
    body_tie = False
    if year is None:
        year, body_tie = _body_year(simplified)
    if title:
        for word in sorted(parts, key=len, reverse=True):
            if word in title:
                return year, parts[word]
    if year is None:
        if published and any(w in simplified for w in r["year"]["this_year"]):
            others = {int(m["y"]) for m in c["sentence_year"].finditer(simplified)} - {int(published[:4])}
            if not others:
                return int(published[:4]), None
            return (None if body_tie else _event_year(simplified)), None  # 2022年,… on a page of 2023
    if strength != "opening" and title and c["plan_name"].search(title) and c["title_year"].search(title) is None:
        return year, "multi_year"  # “十三五”工作总结: on the plan's five years
    opening = head[: r["period"]["opening_chars"]]
    # a title on several years and on no one year ("十四五"以来…工作回顾, 五年来…工作总结),
    # or on a span of years (2019—2021年…工作总结)
    multi_title = bool(title) and (
        (c["multi"].search(title) is not None and c["title_year"].search(title) is None) or c["range"].search(title) is not None
    )
    if strength != "opening" and (multi_title or not (title and any(w in title for w in r["doc_type"]["summary_words"]))):
        if c["multi"].search((title or "") + "\n" + opening) or c["range"].search(opening):
            return year, "multi_year"
    if year is None:  # a news item on what happened in one year: no period (SPEC §2 has none for it)
        return (None if body_tie else _event_year(simplified)), None
    return year, "annual"


def _body_year(simplified: str) -> tuple[int | None, bool]:
    """The year the body names as its own period when the title and opening name none
    (a heading on that year's work, 2025年本年收入, 完成了2010年…): the first cue that
    names a year decides, with the year it names most (a tie: none, and True: the body
    names no one year, so no weaker cue may name one). A plan's or target's year is no cue."""
    for needs, at, before in config()["body"]:
        if needs not in simplified:  # (a str test: half the cost of the search)
            continue
        years = []
        for m in at.finditer(simplified):
            b = before.search(simplified, max(0, m.start() - 12), m.start()) if before else None
            if before is None or b:
                years.append(m.groupdict().get("y") or b["y"])
        if years:
            break
    else:
        return None, False
    ranked = Counter(years).most_common(2)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None, True  # a tie: the body names no one year
    return int(ranked[0][0]), False


def _event_year(simplified: str) -> int | None:
    """The one year a news item dates what happened in (2023年4月下旬, 2015年度…, a
    sentence opening 2022年,), when the title, opening and body cues name none."""
    c = config()
    labels = tuple(c["r"]["published"]["labels"])
    this_year = any(w in simplified for w in c["r"]["year"]["this_year"])
    head = simplified[: c["r"]["head_chars"]]  # a news item dates its event near the top
    if c["event_span"].search(head):
        return None  # 2021年以来…: the item is on the years since, not on one
    years = {int(m["y"]) for m in c["sentence_year"].finditer(head)}
    for m in c["event"].finditer(head):
        if this_year and not m["annual"]:
            continue  # 2024年11月14日正式启动…截至今年10月底: a start before 今年
        if simplified[max(0, m.start() - 3) : m.start()].endswith(c["document_date_before"]):
            continue  # 《…条例》于2022年9月22日经…通过: the document's date
        if not _page_date(simplified, m, labels) and not _in_a_name(simplified, m.start()):
            years.add(int(m["y"]))
    return years.pop() if len(years) == 1 else None  # two years: the item is on no one year


def _page_date(simplified: str, m, labels: tuple) -> bool:
    """发布时间:2019年8月26日, （2023年2月10日）: when the page or speech is dated, not what happened."""
    return simplified[max(0, m.start() - 8) : m.start()].rstrip(" :\t").endswith(labels) or _bracketed_line(
        simplified, m.start(), m.end()
    )


def _in_a_name(simplified: str, pos: int) -> bool:
    """A year inside a title or quote (《2021年度节能考核方案》): part of a name."""
    before = simplified[max(0, pos - 40) : pos]
    return any(before.rfind(o) > before.rfind(c) for o, c in ("《》", "“”"))


def _opens_a_span(opening: str, year: int) -> bool:
    """A sentence opens on a span of years starting at the opening year (2001-2010年,):
    the text is on the span (a gazetteer entry), not on its first year."""
    after = config()["r"]["period"]["span_after"]
    for m in _span_from(year).finditer(opening):  # rare: what stands before is read only then
        before = opening[: m.start()].rstrip(" \t")
        if not before or before[-1] in after:
            return True
    return False


@lru_cache(maxsize=64)
def _span_from(year: int):
    """The span pattern from this year on: opening on its digits, a literal the stdlib
    engine finds at a fraction of the cost of a search for any year."""
    return re.compile(str(year) + config()["r"]["period"]["span_tail"])


def arabic_years(simplified: str) -> str:
    """二〇〇九年 read as 2009年: a copy of the same length, for the year cues only."""
    return config()["chinese_year"].sub(lambda m: "".join(str(DIGITS.get(ch, 0)) for ch in m.group()), simplified)
