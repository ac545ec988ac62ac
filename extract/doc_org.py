"""The reporting organisation (SPEC §2 `document.organization`): the agencies the text
names (机关事务管理局 …) with the place before each, the one that reports, and its
name with the place written out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .doc_config import config
from .doc_place import Hits, place_name, shared_county, unit_level
from .regions import Hit, Unit, gazetteer


@dataclass(slots=True)
class Org:
    """An organisation candidate: how it is written and where its place comes from."""

    written: str
    kind: str  # the agency kind (机关事务管理局 …)
    prefix: str  # what stands before the kind: a place name, 市, 省委 …
    hit: Hit | None  # the place hit when the prefix is a place name
    level: str | None
    start: int
    zone: bool = False  # a development zone of the hit's city (常州经开区): county level, the city's code


def choose_org(
    simplified: str, hits: Hits, span: tuple[int, int] | None, title_simple: str | None, title_hits: list[Hit], self_level: str | None
) -> tuple[Org | None, Unit | None, str | None, str | None]:
    """The reporter among the agencies the text names, the unit its place resolves to,
    a district name several cities share, and the level it speaks for (`self_level`,
    how the text speaks of its own area, when no agency gives one)."""
    candidates = _org_candidates(simplified, hits)
    org, anchor, county_name = _named_org(simplified, candidates, span, self_level)
    if org is None and title_simple:
        org, anchor = _title_department(title_simple, span, title_hits)
    if org is None:
        org = _short_org(candidates, span, self_level)
    level = org.level if org else None
    if level is None:
        level = self_level
    return org, anchor, county_name, level


def _named_org(
    simplified: str, candidates: list[Org], span: tuple[int, int] | None, self_level: str | None
) -> tuple[Org | None, Unit | None, str | None]:
    """The agency named with a place: a byline's, else the title's, else one at the level
    the text speaks for, the most often named first."""
    named = []
    for o in candidates:
        if o.hit is not None:
            resolved = unit_level(o.hit)
            o.level = "county" if o.zone else resolved[0] if resolved else ("county" if shared_county(o.hit) else None)
            if o.level:
                named.append(o)
    if not named:
        return None, None, None
    in_title = [o for o in named if span and span[0] <= o.start < span[1]]
    matching = [o for o in named if o.level == self_level]
    counts = Counter(o.written for o in named)
    ends = config()["byline_ends"]  # (one character tells most agencies stand in a sentence)
    bylined = [o for o in named if simplified[o.start - 1 : o.start] in ends and _byline(simplified, o)]
    pool = bylined or in_title or matching or named
    # at equal counts a place the gazetteer resolves beats a shared district name
    org = max(pool, key=lambda o: (counts[o.written], unit_level(o.hit) is not None, -o.start))
    resolved = unit_level(org.hit)
    anchor = resolved[1] if resolved else None
    county_name = None if resolved else shared_county(org.hit)  # 鼓楼区机关事务管理局
    return org, anchor, county_name


def _title_department(title_simple: str, span: tuple[int, int], title_hits: list[Hit]) -> tuple[Org | None, Unit | None]:
    """A department the title names right after a place in full (…市财政局): the reporter
    when the text names no agency with a place."""
    c = config()
    for h in title_hits:
        m = c["dept"].match(title_simple, h.end - span[0])
        if h.full and m and unit_level(h):
            org_level, anchor = unit_level(h)
            return Org(h.surface + m.group(), m.group(), h.surface, h, org_level, h.start), anchor
    return None, None


def _short_org(candidates: list[Org], span: tuple[int, int] | None, self_level: str | None) -> Org | None:
    """An agency named by its level alone (市机关局), when none is named with a place."""
    short = [o for o in candidates if o.hit is None]
    if not short:
        return None
    counts = Counter(o.written for o in short)
    # a unit of another level (市机关局 in a district's report) is not the reporter,
    # unless the title names it ("市机关事务中心荣获全省…称号": 全省 is the arena)
    in_title = [o for o in short if span and span[0] <= o.start < span[1]]
    pool = in_title or ([o for o in short if o.level == self_level] if self_level else short)
    if pool:
        return max(pool, key=lambda o: (counts[o.written], -o.start))
    return None


def _org_candidates(simplified: str, hits: Hits) -> list[Org]:
    found = _candidates(simplified, hits, config()["kind_re"].finditer(simplified))
    # a short kind (区行管局, 高新区管委会) is read only in a text that names no agency in full
    return found or _candidates(simplified, hits, _rare_kinds(simplified))


def _candidates(simplified: str, hits: Hits, matches) -> list[Org]:
    """The organisations the matched kinds name, with their places."""
    c = config()
    found = []
    for m in matches:
        line_start = simplified.rfind("\n", 0, m.start()) + 1
        line_end = simplified.find("\n", m.start())
        line = simplified[line_start : len(simplified) if line_end < 0 else line_end]
        if "。" not in line and any(w in line for w in c["r"]["metadata_lines"]):
            continue  # 来源: 温州市机关事务局 names the source, not the reporter
        if _issuer(simplified, m.start(), m.end()):
            continue
        if m.group() in c["rare_kinds"]:  # 区行管局, 高新区管委会: read only after a level character or a zone
            short = _short_kind_org(simplified, hits, m)
            if short is not None:
                found.append(short)
            continue
        # 区级机关…中心, 市直机关…中心: a joiner between the place and the kind
        joiner = simplified[m.start() - 1] if m.start() and simplified[m.start() - 1] in c["joiners"] else ""
        hit = hits.ending_at(m.start() - len(joiner))
        if hit is not None and len(hit.units) == 1 or (hit is not None and hit.full):
            found.append(Org(hit.surface + joiner + m.group(), m.group(), hit.surface + joiner, hit, None, hit.start))
            continue
        county = _county_after_city(simplified, hits, m.start() - len(joiner))
        if county is not None:  # 杭州市西湖区机关…: named with its city, as written
            start = county.start
            found.append(Org(simplified[start : m.end()], m.group(), county.surface + joiner, county, None, start))
            continue
        national = next((p for p in c["r"]["organization"]["national_prefixes"] if simplified.endswith(p, 0, m.start())), None)
        if national:  # 国家机关事务管理局: the central agency, no place before it
            found.append(Org(national + m.group(), m.group(), national, None, "national", m.start() - len(national)))
            continue
        before = c["party_committee"].search(simplified[max(0, m.start() - 2 - len(joiner)) : m.start() - len(joiner)])
        zone = _zone_of_city(simplified, hits, m.start() - len(joiner)) if before else None
        if zone is not None:  # 常州经开区机关服务中心: a zone of the city, written as such (its 区 is no level prefix)
            zone.written += joiner + m.group()
            zone.kind = m.group()
            found.append(zone)
            continue
        if before:
            prefix = before.group() + joiner
            level = c["level_chars"][prefix[0]]
            found.append(Org(prefix + m.group(), m.group(), prefix, None, level, m.start() - len(prefix)))
            continue
        short = _county_without_suffix(simplified, hits, m.start() - len(joiner))
        if short is not None:  # 秀英机关事务局 in a text on 秀英区: as written
            found.append(Org(short.surface + joiner + m.group(), m.group(), short.surface + joiner, short, None, short.start))
    return found


def _rare_kinds(simplified: str):
    """The short kinds (行管局, 事管中心, 管委会) in the text: found by their tails from 管 on,
    each then read whole in the few characters before."""
    c = config()
    for tail in c["rare_kind_gate"].finditer(simplified):
        m = c["rare_kind_re"].search(simplified, max(0, tail.start() - c["rare_kind_reach"]), tail.end())
        if m is not None and m.end() == tail.end():
            yield m


def _short_kind_org(simplified: str, hits: Hits, m) -> Org | None:
    """The agency a short kind names: a zone's committee (高新区管委会), or an informal
    form after a place (东营区行管局) or after a level character alone (区行管局)."""
    c = config()
    kind = m.group()
    if kind in c["r"]["organization"]["zone_bodies"]:
        zone = _zone_of_city(simplified, hits, m.start(), bare=True)
        if zone is not None:
            zone.written, zone.kind = zone.written + kind, kind
        return zone
    hit = hits.ending_at(m.start())
    if hit is not None and (hit.full or len(hit.units) == 1):
        return Org(hit.surface + kind, kind, hit.surface, hit, None, hit.start)
    before = c["party_committee"].search(simplified[max(0, m.start() - 2) : m.start()])
    if before is None:
        return None
    prefix = before.group()
    return Org(prefix + kind, kind, prefix, None, c["level_chars"][prefix[0]], m.start() - len(prefix))


def _byline(simplified: str, org: Org) -> bool:
    """The agency stands alone on its line after a byline mark ("/上海市机关事务管理局"):
    the author of the item."""
    marks = config()["r"]["organization"]["byline_marks"]
    line_start = simplified.rfind("\n", 0, org.start) + 1
    line_end = simplified.find("\n", org.start)
    before = simplified[line_start : org.start].strip(" \t\u3000")
    after = simplified[org.start + len(org.written) : len(simplified) if line_end < 0 else line_end]
    return not after.strip(" \t\u3000") and before in marks


def _county_without_suffix(simplified: str, hits: Hits, end: int) -> Hit | None:
    """A county's name written without its 区/县 right before a kind (秀英机关事务局), when
    the text names that county in full too (秀英区): the hit spans the short name and
    holds the county so named."""
    gaz = gazetteer()
    short_names = gaz.county_short
    for length in (4, 3, 2):
        name = simplified[max(0, end - length) : end]
        if len(name) < length or name[:2] not in gaz._short_starts or name not in short_names:
            continue  # (the set of first pairs: a cheaper test than the lookup)
        units = set(short_names[name])
        full = [h for h in hits.all() if h.full and h.surface[:-1] == name and units.intersection(h.units)]
        if full:
            return Hit(end - length, end, name, full[0].units, True)
    return None


def _zone_of_city(simplified: str, hits: Hits, end: int, bare: bool = False) -> Org | None:
    """A development zone ending at `end` right after its city (常州经开区, 淮南高新区): an
    agency of the zone is the reporter, county level, in that city (the zone has no code).
    `bare`: a zone with no city before it (高新区管委会) counts too; its city is the text's."""
    c = config()
    if simplified[end - 1 : end] not in c["zone_ends"]:
        return None  # (a str test: most level prefixes are 市 or 县)
    zone = next((z for z in c["zones"] if simplified.endswith(z, 0, end)), None)
    if zone is None:
        return None
    hit = hits.ending_at(end - len(zone))
    resolved = unit_level(hit) if hit is not None else None
    if resolved is None or resolved[0] != "city":
        return Org(zone, "", zone, None, "county", end - len(zone), True) if bare and hit is None else None
    return Org(hit.surface + zone, "", hit.surface + zone, hit, "county", hit.start, True)


def _county_after_city(simplified: str, hits: Hits, end: int) -> Hit | None:
    """The county ending at `end` when written in full right after its city
    (杭州市西湖区, 天津市河西区): the scan reads it as the short name after its
    parent (西湖), and the 区 is left over. The hit returned spans city and county
    and names the county only: many districts share a name, the city is part of
    the agency's name."""
    suffix = simplified[end - 1 : end]
    if suffix not in config()["level_chars"] or end < 2:
        return None
    short = hits.ending_at(end - 1)
    if short is None or short.full:
        return None
    units = tuple(u for u in short.units if u.level == "county" and u.county == short.surface + suffix)
    parent = hits.ending_at(short.start)
    if len(units) != 1 or parent is None:
        return None
    return Hit(parent.start, end, simplified[parent.start : end], units, True)


def _issuer(simplified: str, start: int, end: int) -> bool:
    """根据县机关事务局下发的《…》: the agency named as the issuer of the rules the
    report follows is not the reporter (it is the body above it)."""
    c = config()
    return (
        c["issuer_after"].match(simplified, end, end + 30) is not None  # anchored: the cheaper test first
        and c["issuer_before"].search(simplified, max(0, start - 30), start) is not None
    )


def _self_org(simplified: str) -> tuple[str, str] | None:
    """(kind, noun) when the report speaks of itself as 我中心/我局 and says what it is."""
    org = config()["r"]["organization"]
    for noun in org["self_reference"]:
        if any(p + noun in simplified for p in org["self_prefixes"]):
            for cue, kind in org["self_kind_cues"].items():
                if cue in simplified:
                    return kind, noun
    return None


def org_name(org: Org | None, unit: Unit | None, simplified: str, level: str | None) -> str | None:
    """The organisation as named, its level prefix (市…) replaced by the place when known."""
    names = config()["r"]["organization"]
    abbreviations = names["abbreviations"]
    if org is not None:
        if org.hit is not None or org.kind in names["informal"]:
            return org.written  # 区行管局: an informal short form names no full kind to place
        kind = abbreviations.get(org.kind, org.kind)
        place = place_name(unit, org.level)
        if place is None:
            return org.written
        return place + org.prefix[1:] + kind
    found = _self_org(simplified)
    place = place_name(unit, level)
    if found and place:
        kind, noun = found
        return place + kind + noun
    return None
