"""Duckling (Facebook's Haskell engine) through the `pyduckling-native-phihos` wheel, locale ZH_CN.

Dimensions asked for: number, amount-of-money, distance, volume, quantity,
duration and time, latent parses included. The reference time is 1 January of the report year (local
time Asia/Shanghai), so that a month or day without a year, which Duckling
resolves to the next one in the future, lands in the report year. Duckling's
Chinese rules know almost no classifiers or area units, hence the
"+ unit lexicon" row.
"""

from __future__ import annotations

import datetime as dt
import json

from .common import date, finish, iso_from_bounds, mention, names_a_calendar_point

LABEL = "Duckling"
PACKAGE = "pyduckling-native-phihos"
ZONEINFO = "/usr/share/zoneinfo"
TIMEZONE = "Asia/Shanghai"
# with_latent=True: latent parses too; it scored slightly higher here (value F1 0.503/0.577 vs
# 0.499/0.574 seeds/dev with the lexicon, dates unchanged), so it is the setting used.
LATENT = True
DIMENSIONS = ["number", "amount-of-money", "distance", "volume", "quantity", "duration", "time"]

# Duckling unit -> (SPEC §4 canonical unit, factor, kind)
UNITS = {
    ("distance", "kilometre"): ("公里", 1, "length"),
    ("distance", "metre"): ("公里", 0.001, "length"),
    ("volume", "m3"): ("立方米", 1, "volume"),
    ("quantity", "gram"): ("吨", 1e-6, "mass"),
    ("quantity", "kilogram"): ("吨", 0.001, "mass"),
    ("quantity", "ton"): ("吨", 1, "mass"),
    ("duration", "year"): ("年", 1, "duration"),
    ("duration", "month"): ("月", 1, "duration"),
    ("duration", "day"): ("天", 1, "duration"),
    ("duration", "hour"): ("小时", 1, "duration"),
    ("duration", "minute"): ("分钟", 1, "duration"),
}


def grain_iso(value: str, grain: str) -> str | None:
    """ISO text of a Duckling time value as precise as its grain."""
    if grain == "year":
        return value[:4]
    if grain in ("month", "quarter"):
        return value[:7] if grain == "month" else None
    if grain == "day":
        return value[:10]
    return None


def time_iso(value: dict) -> str | None:
    """SPEC §5 iso of a Duckling time value or interval (None for times of day, weeks …)."""
    if value.get("type") == "value":
        return grain_iso(value.get("value", ""), value.get("grain", ""))
    if value.get("type") == "interval":
        first, after = value.get("from") or {}, value.get("to") or {}
        if not first or not after or first.get("grain") != after.get("grain"):
            return None
        grain = first["grain"]
        start = dt.date.fromisoformat(first["value"][:10])
        stop = dt.date.fromisoformat(after["value"][:10])  # exclusive end of the last grain
        if grain in ("month", "day", "year"):
            return iso_from_bounds(start.isoformat(), (stop - dt.timedelta(days=1)).isoformat())
    return None


def measure(text: str, start: int, end: int, dim: str, value: dict):
    """A SPEC §2 mention for one Duckling entity, or None."""
    span = text[start:end]
    if value.get("type") == "interval":
        low, high = value.get("from") or {}, value.get("to") or {}
        number, number_max, unit = low.get("value"), high.get("value"), low.get("unit") or high.get("unit")
    else:
        number, number_max, unit = value.get("value"), None, value.get("unit")
    if number is None:
        return None
    if dim == "number":
        return mention(text, start, end, number)
    if dim == "amount-of-money":
        # Duckling's Chinese grammar reads 元 as its generic dollar unit "$".
        if span.rstrip().endswith(("元", "圆")) or unit in ("CNY", "RMB"):
            return mention(text, start, end, number, "元", "money", value_max=number_max)
        return None
    canonical = UNITS.get((dim, unit))
    if canonical is None:
        return mention(text, start, end, number, str(unit), "other", value_max=number_max)
    name, factor, kind = canonical
    scaled_max = None if number_max is None else round(number_max * factor, 6)
    return mention(text, start, end, round(number * factor, 6), name, kind, value_max=scaled_max)


class Engine:
    def __init__(self):
        import duckling

        self.duckling = duckling
        if hasattr(duckling, "init"):
            duckling.init()
        self.zones = duckling.load_time_zones(ZONEINFO)
        lang = duckling.parse_lang("ZH")
        self.locale = duckling.parse_locale("ZH_CN", duckling.default_locale_lang(lang))
        self.dims = duckling.parse_dimensions(DIMENSIONS)
        self._contexts: dict[int | None, object] = {}
        self.extract("2019年5月更新公车356辆", 2019)  # the first parse loads the rules

    def context(self, year: int | None):
        if year not in self._contexts:
            if year:
                moment = dt.datetime(year, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=8)))
                ref = self.duckling.parse_ref_time(self.zones, TIMEZONE, int(moment.timestamp()))
            else:
                ref = self.duckling.get_current_ref_time(self.zones, TIMEZONE)
            self._contexts[year] = self.duckling.Context(ref, self.locale)
        return self._contexts[year]

    def extract(self, text: str, year: int | None, lexicon: bool = False) -> dict:

        entities = json.loads(self.duckling.parse_text(text, self.context(year), self.dims, LATENT))
        typed, bare, dates = [], [], []
        for ent in entities:
            start, end, dim, value = ent["start"], ent["end"], ent["dim"], ent["value"]
            if dim == "time":
                iso = time_iso(value)
                if iso and names_a_calendar_point(text[start:end]):
                    dates.append(date(text, start, end, iso, year))
            elif dim == "number":
                if value.get("value") is not None:
                    bare.append((start, end, value["value"]))
            else:
                found = measure(text, start, end, dim, value)
                if found is not None:
                    typed.append(found)
        return finish(text, typed, bare, dates, lexicon)


def load() -> Engine:
    return Engine()
