"""Microsoft Recognizers-Text (`recognizers-text-suite`), Culture.Chinese.

Models used: number, percentage, currency, dimension (units of measure) and
datetime (dates and durations). The datetime model is called once per
sentence: on a whole report one parser error makes it silently drop every
later date. Its number model knows no classifiers (辆, 人次 …), hence the
"+ unit lexicon" row, where the lexicon is attached after its bare numbers.
"""

from __future__ import annotations

import datetime as dt
import re

from .common import date, finish, iso_from_bounds, mention, names_a_calendar_point

LABEL = "Recognizers-Text"
PACKAGE = "recognizers-text-suite"

# Recognizers' dimension unit -> (SPEC §4 canonical unit, factor, kind)
DIMENSIONS = {
    "Square meter": ("平方米", 1, "area"),
    "Square kilometer": ("平方米", 1e6, "area"),
    "Hectare": ("平方米", 1e4, "area"),
    "Mu": ("平方米", 666.67, "area"),
    "Kilometer": ("公里", 1, "length"),
    "Meter": ("公里", 0.001, "length"),
    "Ton": ("吨", 1, "mass"),
    "Kilogram": ("吨", 0.001, "mass"),
    "Jin": ("吨", 0.0005, "mass"),
    "Cubic meter": ("立方米", 1, "volume"),
}
DURATION_UNITS = {"Y": "年", "M": "月", "D": "天"}
TIME_UNITS = {"H": "小时", "M": "分钟"}
NUMBER_CHARS = re.compile(r"^[0-9０-９.,，．多余约近零〇一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟萬億]+")
SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")


def as_float(text: str) -> float | None:
    try:
        return float(str(text).replace(",", "").rstrip("%"))
    except ValueError:
        return None


def written_unit(span: str) -> str:
    """The unit as written (SPEC §2 kind `other`): the span after its number."""
    return NUMBER_CHARS.sub("", span).strip() or span


def duration(timex: str):
    """(value, unit) of a duration timex such as P3Y, P6M, PT24H, else None."""
    m = re.fullmatch(r"P(\d+(?:\.\d+)?)([YMD])", timex or "")
    if m:
        return float(m.group(1)), DURATION_UNITS[m.group(2)]
    m = re.fullmatch(r"PT(\d+(?:\.\d+)?)([HM])", timex or "")
    if m:
        return float(m.group(1)), TIME_UNITS[m.group(2)]
    return None


def _day(text: str, year: int | None) -> dt.date | None:
    if year is not None:
        text = text.replace("XXXX", f"{year:04d}")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def timex_iso(timex: str, year: int | None) -> str | None:
    """SPEC §5 iso of a date timex: XXXX (no year written) becomes the report year."""
    fill = f"{year:04d}" if year else "XXXX"
    if re.fullmatch(r"(\d{4}|XXXX)(-\d{2}){0,2}", timex or "") and timex != "XXXX":
        return timex.replace("XXXX", fill)
    m = re.fullmatch(r"\(([^,]+),([^,]+),P[^)]*\)", timex or "")
    if m:
        first, after = _day(m.group(1), year), _day(m.group(2), year)
        if first and after:
            last = after - dt.timedelta(days=1)
            return iso_from_bounds(first.isoformat(), last.isoformat())
    return None


class Engine:
    def __init__(self):
        from recognizers_date_time import DateTimeRecognizer
        from recognizers_number import NumberRecognizer
        from recognizers_number_with_unit import NumberWithUnitRecognizer
        from recognizers_text import Culture

        culture = Culture.Chinese
        numbers = NumberRecognizer(culture)
        units = NumberWithUnitRecognizer(culture)
        self.number = numbers.get_number_model()
        self.percentage = numbers.get_percentage_model()
        self.currency = units.get_currency_model()
        self.dimension = units.get_dimension_model()
        self.datetime = DateTimeRecognizer(culture).get_datetime_model()

    def extract(self, text: str, year: int | None, lexicon: bool = False) -> dict:

        typed, bare, dates = [], [], []
        for r in self.percentage.parse(text):
            value = as_float(r.resolution.get("value"))
            if value is not None:
                typed.append(mention(text, r.start, r.end + 1, value, "%", "percent"))
        for r in self.currency.parse(text):
            value = as_float(r.resolution.get("value"))
            if value is None:
                continue
            if r.resolution.get("isoCurrency") == "CNY" or r.resolution.get("unit") == "Chinese yuan":
                typed.append(mention(text, r.start, r.end + 1, value, "元", "money"))
            else:
                typed.append(mention(text, r.start, r.end + 1, value, written_unit(r.text), "other"))
        for r in self.dimension.parse(text):
            value = as_float(r.resolution.get("value"))
            if value is None:
                continue
            unit, factor, kind = DIMENSIONS.get(r.resolution.get("unit"), (written_unit(r.text), 1, "other"))
            typed.append(mention(text, r.start, r.end + 1, round(value * factor, 6), unit, kind))
        for r in self.number.parse(text):
            value = as_float(r.resolution.get("value"))
            if value is not None:
                bare.append((r.start, r.end + 1, value))
        # Dates and durations, one sentence at a time (see the module docstring).
        reference = dt.datetime(year, 1, 1) if year else None
        for sentence in SENTENCE.finditer(text):
            offset = sentence.start()
            try:
                results = self.datetime.parse(sentence.group(), reference)
            except Exception:  # noqa: BLE001 - a parser error loses this sentence only
                continue
            for r in results:
                start, end = offset + r.start, offset + r.end + 1
                values = r.resolution.get("values") or [{}]
                timex = values[0].get("timex", "")
                if r.type_name.endswith("duration"):
                    found = duration(timex)
                    if found:
                        typed.append(mention(text, start, end, found[0], found[1], "duration"))
                    continue
                if r.type_name.endswith(("date", "daterange")) and names_a_calendar_point(text[start:end]):
                    iso = timex_iso(timex, year)
                    if iso:
                        dates.append(date(text, start, end, iso))
        return finish(text, typed, bare, dates, lexicon)


def load() -> Engine:
    return Engine()
