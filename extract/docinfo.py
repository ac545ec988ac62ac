"""Document fields (SPEC §2 `document`): title, organisation, region, year, period, type.

Cheap by design: regular expressions over the top of the page plus one
gazetteer scan (`regions.py`). Every field is left null when the text gives
no clear evidence; cue words live in `rules/document.yaml`.

This module runs the steps in order; each field's rules live in a module of
its own: `doc_title`, `doc_dates` (published, year, period), `doc_place`
(level, region), `doc_org`, `doc_type`, with the shared cues in `doc_config`.
"""

from __future__ import annotations

from .doc_config import config
from .doc_dates import arabic_years, find_published, year_and_period
from .doc_org import Org, choose_org, org_name
from .doc_place import (
    Hits,
    is_municipality,
    own_level,
    publisher_county_city,
    reporting_region,
    votes_by_unit,
)
from .doc_title import SPACES, find_title, spaced_title, title_joiner
from .doc_type import infer_doc_type, summary_heading
from .model import DocumentInfo
from .normalize import _PINYIN_GLOSS, NormalizedText  # the one gloss pattern, shared
from .regions import MUNICIPALITIES, Gazetteer, Hit, Unit, gazetteer


def infer_document_info(text: str, simplified: str) -> DocumentInfo:
    """Who reported, where and for which period, from the report text.

    `simplified` is `text` in simplified script with half-width ASCII, same length.
    """
    gaz = gazetteer()
    info = DocumentInfo()

    # Pinyin glosses (機(jī)關(guān)) break every name: read the gloss-free copy, and map
    # the title's span back to `text`, where the glosses stay as written.
    to_original, glossed = None, simplified
    if _PINYIN_GLOSS.search(simplified):
        normalized = NormalizedText(text, simplified)  # (the caller's simplified copy: not made twice)
        simplified, to_original = normalized.norm, normalized.to_original

    spans = find_title(simplified)
    span = (spans[0][0], spans[-1][1]) if spans else None
    title_simple = simplified[span[0] : span[1]] if span else None
    if spans:
        info.title = _written_title(text, glossed, simplified, spans, to_original)
    info.published = find_published(simplified)

    hits = Hits(gaz, simplified, 20000)
    title_hits = [h for h in hits.before(span[1]) if span[0] <= h.start < span[1]] if span else []

    # organisation and the level it speaks for
    self_level = own_level(simplified)
    org, anchor, county_name, level = choose_org(simplified, hits, span, title_simple, title_hits, self_level)
    unit, county_written, level = _reporting_unit(simplified, hits, title_hits, org, anchor, county_name, level)
    _fill_region(info, gaz, hits, unit, county_written, level)
    info.organization = org_name(org, unit, simplified, level)
    _fill_year_period_type(info, simplified, span, title_simple)
    return info


def _written_title(text: str, glossed: str, simplified: str, spans: list[tuple[int, int]], to_original) -> str:
    """The title as `text` writes it, glosses kept; a title set on two lines is joined
    without the break (`to_original`: the map from the gloss-free copy, if one was made)."""
    parts = []
    for part in spans:
        s, e = to_original(*part) if to_original else part
        last_gloss = _PINYIN_GLOSS.match(glossed, e) if to_original else None
        parts.append(text[s : last_gloss.end() if last_gloss else e])
    return title_joiner(simplified, spans).join(parts)


def _reporting_unit(
    simplified: str, hits: Hits, title_hits: list[Hit], org: Org | None, anchor: Unit | None, county_name: str | None, level: str | None
) -> tuple[Unit | None, str | None, str | None]:
    """The unit the reporter speaks for, the county's name as written when its city is
    unknown, and the level, which a 直辖市's own agency raises to a province's (`org` too)."""
    if org is not None and org.zone and anchor is None:  # 高新区管委会: its city is the one the text names
        cities = set(votes_by_unit(hits.all(), "city"))
        unit, county_written = (cities.pop() if len(cities) == 1 else None), None
    else:
        unit, county_written = reporting_region(level, anchor, hits, title_hits, county_name)
    if unit is None and org is None and level == "city":  # 我市 in a 县级市's report
        unit = publisher_county_city(simplified, hits)
        level = "county" if unit is not None else level
    if unit is not None and level is not None and unit.level != level and not (org is not None and org.zone):
        unit = None if unit.level != "province" or level == "province" else unit
    if is_municipality(level, unit, simplified):  # 重庆市机关事务局: a 直辖市 is a province
        level, unit = "province", Unit("province", unit.province)
        if org is not None:
            org.level = "province"
    return unit, county_written, level


def _fill_region(
    info: DocumentInfo, gaz: Gazetteer, hits: Hits, unit: Unit | None, county_written: str | None, level: str | None
) -> None:
    """province, city, county, admin_code and level from the unit; with no unit, a
    county's name as written and the one province the text names in full."""
    if unit is not None:
        info.province = unit.province
        info.city = unit.city if unit.level in ("city", "county") else None
        if unit.level == "county":
            info.county = unit.county
        if unit.level == "province" and unit.province in MUNICIPALITIES:
            info.city = unit.province  # a 直辖市 is its own city too (上海市/上海市/金山区)
        info.admin_code = gaz.code(unit)
    elif level in ("city", "county"):
        info.county = county_written if level == "county" else None
        named_provinces = {u.province for h in hits.all() if h.full for u in h.units if u.level == "province" and len(h.units) == 1}
        if len(named_provinces) == 1:
            info.province = next(iter(named_provinces))
            info.admin_code = gaz.code(Unit("province", info.province))
    info.level = level


def _fill_year_period_type(info: DocumentInfo, simplified: str, span: tuple[int, int] | None, title_simple: str | None) -> None:
    """year, period and doc_type, read from Arabic years (二〇〇九年 → 2009年) and an
    unspaced title (工 作 总 结); `info.published` must be set."""
    c = config()
    openers = c["r"]["year"]["chinese_digits_openers"]  # (str tests: far cheaper than the search)
    if any(w in simplified for w in openers) and c["chinese_year"].search(simplified):  # 二〇〇九年: the year cues read Arabic digits
        simplified = arabic_years(simplified)
        title_simple = simplified[span[0] : span[1]] if span else None
    if title_simple and spaced_title(title_simple):  # 工 作 总 结: the cues read it unspaced
        title_simple = SPACES.sub("", title_simple)
    opening = c["opening"].search(simplified[: c["r"]["head_chars"]])
    info.year, info.period = year_and_period(simplified, title_simple, info.published, opening)
    heading = None if title_simple else summary_heading(simplified)
    if heading is not None and info.period is None:  # 一、上半年工作总结: a half-year's summary
        parts = c["r"]["period"]["parts"]
        info.period = next((parts[w] for w in sorted(parts, key=len, reverse=True) if w in heading), None)
    info.doc_type = infer_doc_type(simplified, title_simple, opening, heading)
