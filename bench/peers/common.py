"""Shared helpers for the peer adapters: the SPEC §2 shapes and fair clean-up.

Every peer's output is turned into the same plain dicts the scorer reads
(`govstat.evaluate.scoring`), so the comparison only measures the peers'
grammars, not differences in bookkeeping.
"""

from __future__ import annotations

import re

NUMERAL = re.compile(r"[0-9０-９〇零一二三四五六七八九十百千万两壹贰叁肆伍陆柒捌玖拾佰仟]")
YEAR4 = re.compile(r"[12][0-9]{3}|[〇零一二][〇零一二三四五六七八九]{3}")


def mention(text: str, start: int, end: int, value, unit=None, kind=None, value_max=None) -> dict:
    """A SPEC §2 mention dict; the attributes a peer cannot know stay null."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return {
        "start": start,
        "end": end,
        "text": text[start:end],
        "value": value,
        "value_max": value_max,
        "unit": unit,
        "kind": kind,
        "approx": None,
        "change": None,
        "indicator": None,
        "subject": None,
        "scope": None,
        "cumulative": None,
        "section": None,
    }


def date(text: str, start: int, end: int, iso: str, report_year: int | None = 0) -> dict:
    """A SPEC §5 date dict; `year_inferred` is true when no year is written.

    Peers resolve a date without a year against "now"; with no known report
    year (`report_year` None) SPEC §5 keeps that year unknown: XXXX.
    """
    span = text[start:end]
    inferred = YEAR4.search(span) is None
    if inferred and report_year is None:
        iso = re.sub(r"(?<![0-9])[0-9]{4}(?![0-9])", "XXXX", iso)
    return {
        "start": start,
        "end": end,
        "text": span,
        "iso": iso,
        "year_inferred": inferred,
    }


def names_a_calendar_point(span: str) -> bool:
    """SPEC §5: relative words (今年, 上半年) and festivals (春节) are not dates.

    Applied to every peer alike: a date must contain a numeral.
    """
    return NUMERAL.search(span) is not None


def _overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def resolve(mentions: list[dict], dates: list[dict]) -> dict:
    """One peer's final output: no mention inside one of its own dates, no overlaps.

    Peers report the digits of a date as numbers too (5 and 31 in 5月31日)
    and some report one span under several types; a user of the peer would
    keep the date and, of overlapping numbers, the longest span (typed
    results are listed first, so they win ties).
    """
    dates = sorted(
        {(d["start"], d["end"]): d for d in dates if d["end"] > d["start"]}.values(),
        key=lambda d: (d["start"], -(d["end"] - d["start"])),
    )
    kept_dates: list[dict] = []
    for d in dates:
        if not any(_overlaps(d, k) for k in kept_dates):
            kept_dates.append(d)
    candidates = [m for m in mentions if m["end"] > m["start"] and m["value"] is not None]
    candidates = [m for m in candidates if not any(_overlaps(m, d) for d in kept_dates)]
    order = sorted(range(len(candidates)), key=lambda i: (-(candidates[i]["end"] - candidates[i]["start"]), i))
    kept: list[dict] = []
    for i in order:
        m = candidates[i]
        if not any(_overlaps(m, k) for k in kept):
            kept.append(m)
    kept.sort(key=lambda m: m["start"])
    kept_dates.sort(key=lambda d: d["start"])
    return {"mentions": kept, "dates": kept_dates}


def finish(text: str, typed: list[dict], bare: list[tuple], dates: list[dict], lexicon: bool) -> dict:
    """A peer's typed mentions plus its bare numbers, with govstat's unit lexicon
    attached after them when `lexicon` is set (the "+ unit lexicon" rows), resolved."""
    if lexicon:
        from .lexicon import attach

        extra = attach(text, bare)
    else:
        extra = [mention(text, s, e, v) for s, e, v in bare]
    return resolve(typed + extra, dates)


def iso_from_bounds(first: str, last: str) -> str | None:
    """ISO text as precise as a [first, last] pair of 'YYYY-MM-DD…' bounds shows.

    A whole year -> YYYY, a whole month -> YYYY-MM, one day -> YYYY-MM-DD,
    several whole months -> YYYY-MM/YYYY-MM (SPEC §5 month range).
    """
    import calendar

    if not first or not last or first[:1] not in "0123456789" or last[:1] not in "0123456789":
        return None
    y1, m1, d1 = int(first[0:4]), int(first[5:7]), int(first[8:10])
    y2, m2, d2 = int(last[0:4]), int(last[5:7]), int(last[8:10])
    month_end = calendar.monthrange(y2, m2)[1]
    if (y1, m1, d1) == (y2, m2, d2):
        return f"{y1:04d}-{m1:02d}-{d1:02d}"
    if d1 == 1 and d2 == month_end:
        if y1 == y2 and m1 == 1 and m2 == 12:
            return f"{y1:04d}"
        if (y1, m1) == (y2, m2):
            return f"{y1:04d}-{m1:02d}"
        return f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}"
    return f"{y1:04d}-{m1:02d}-{d1:02d}/{y2:04d}-{m2:02d}-{d2:02d}"
