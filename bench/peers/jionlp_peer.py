"""JioNLP: `jio.ner.extract_money` and `jio.ner.extract_time` (time_base = report year).

JioNLP finds money amounts and time expressions, not counts or measurements,
so its row has money mentions only; it has no general number grammar for a
"+ unit lexicon" row.
"""

from __future__ import annotations

from .common import date, iso_from_bounds, mention, names_a_calendar_point, resolve

LABEL = "JioNLP"
PACKAGE = "jionlp"


def money_value(detail: dict):
    """(value, value_max) in 元 from JioNLP's parse, or None for other currencies."""
    if detail.get("case") not in ("元", "人民币"):
        return None
    num = detail.get("num")
    if isinstance(num, list):  # a range: [low, high]
        return float(num[0]), float(num[1])
    return float(num), None


def time_iso(entity: dict) -> str | None:
    """ISO of a time_point/time_span with finite bounds, as precise as they are."""
    detail = entity.get("detail") or {}
    bounds = detail.get("time")
    if entity.get("type") not in ("time_point", "time_span") or not isinstance(bounds, list) or len(bounds) != 2:
        return None
    if not all(isinstance(b, str) for b in bounds):
        return None
    return iso_from_bounds(bounds[0], bounds[1])


class Engine:
    def __init__(self):
        import contextlib
        import io

        with contextlib.redirect_stdout(io.StringIO()):  # it prints a banner on import
            import jionlp

        self.jio = jionlp
        # Both extractors build their patterns lazily on the first call.
        self.jio.ner.extract_money("10万元", with_parsing=True)
        self.jio.ner.extract_time("2019年5月", time_base={"year": 2019}, with_parsing=True)

    def extract(self, text: str, year: int | None, lexicon: bool = False) -> dict:
        mentions = []
        for ent in self.jio.ner.extract_money(text, with_parsing=True):
            parsed = money_value(ent.get("detail") or {})
            if parsed is None:
                continue
            start, end = ent["offset"]
            mentions.append(mention(text, start, end, parsed[0], "元", "money", value_max=parsed[1]))
        base = {"year": year} if year else None
        dates = []
        for ent in self.jio.ner.extract_time(text, time_base=base, with_parsing=True):
            start, end = ent["offset"]
            iso = time_iso(ent)
            if iso and names_a_calendar_point(text[start:end]):
                dates.append(date(text, start, end, iso, year))
        return resolve(mentions, dates)


def load() -> Engine:
    return Engine()
