"""Statistics: the number grammar, minus exclusions and dates, with qualifiers and units."""

from __future__ import annotations

from .dates import find_date_spans
from .exclusions import Exclusions
from .model import DateMention, Mention
from .normalize import NormalizedText
from .numbers import Candidate, find_numbers
from .qualifiers import approx_of, change_of_number, shares_about
from .units import measured_as, measured_as_sources


def clean_number(value: float | None) -> float | int | None:
    """Round away float noise (4.2 x 10000) and give integers as int."""
    if value is None:
        return None
    if type(value) is float and value.is_integer() and -1e12 < value < 1e12:
        return int(value)  # at most 12 digits: the rounding below would give it back unchanged
    value = float(f"{value:.12g}")
    return int(value) if value.is_integer() else value


def find_statistics_and_dates(
    normalized: NormalizedText, report_year: int | None = None
) -> tuple[list[Mention], list[DateMention]]:
    """Mentions and dates of one document, in original-text coordinates."""
    text = normalized.norm
    exclusions = Exclusions(text)
    date_spans = find_date_spans(text, report_year, blocked=exclusions.identifiers.overlaps)
    taken_by_dates = bytearray(len(text))
    for d in date_spans:
        taken_by_dates[d.start : d.end] = b"\x01" * (d.end - d.start)

    mentions = []
    previous = None  # the last kept candidate
    rejects = exclusions.rejects
    for cand in find_numbers(text):
        if 1 in taken_by_dates[cand.start : cand.end] or rejects(cand):
            continue
        approx = approx_of(text, cand)
        if cand.bare_multiplier and approx is None:
            continue  # 千人帮万人: a multiplier standing alone is a number only when qualified (近万人次)
        mention = _mention(normalized, cand, approx)
        if mention.approx is None and previous is not None and shares_about(text, previous, cand):
            mention.approx = "about"
        mentions.append(mention)
        previous = cand

    dates = []
    for d in date_spans:
        start, end = normalized.to_original(d.start, d.end)
        dates.append(DateMention(start, end, normalized.original[start:end], d.iso, d.year_inferred))
    return mentions, dates


_MEASURED_AS_SOURCES = measured_as_sources()


def _mention(normalized: NormalizedText, cand: Candidate, approx: str | None) -> Mention:
    start, end = normalized.to_original(cand.start, cand.end)
    unit = cand.unit
    if unit is not None and unit.canonical in _MEASURED_AS_SOURCES:
        unit = measured_as(normalized.norm, cand.start, unit) or unit
    value_max = cand.value_max
    # (positional: start, end, text, value, value_max, unit, kind, approx, change; this runs for every mention)
    return Mention(
        start,
        end,
        normalized.original[start:end],
        clean_number(cand.value),
        None if value_max is None else clean_number(value_max),
        unit.canonical if unit else None,
        unit.kind if unit else "count",
        approx,
        change_of_number(normalized.norm, cand),
    )
