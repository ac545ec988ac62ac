"""Where the reporter is (SPEC §2 `document`): the place names of the text, the level
the text speaks for (我市, 全区 …), and the unit at that level its places vote for."""

from __future__ import annotations

from collections import Counter

from .doc_config import config
from .regions import MUNICIPALITIES, Hit, Scanner, Unit, county_candidates


class Hits:
    """The place names of a text, scanned only as far as they are asked for.

    Most reports name their organisation near the top; the place names further
    down are only read when the region is voted from the whole text. The hits
    are those of `Gazetteer.find`, in text order.

    No place name spans a line break, so a scan that starts at a line start finds
    the hits of that line as the scan from the top does: the name right before an
    agency kind further down (`ending_at`) is read from its own line alone.
    """

    __slots__ = ("_scanner", "_by_end", "_indexed", "_lines")

    def __init__(self, gaz, simplified: str, limit: int):
        self._scanner = Scanner(gaz, simplified, limit)
        self._by_end: dict[int, Hit] = {}
        self._indexed = 0  # hits already in _by_end
        self._lines: dict[int, Scanner] = {}  # line start -> the scan of that line alone

    def before(self, pos: int) -> list[Hit]:
        """Every hit that starts before `pos` (and perhaps some after it)."""
        self._scanner.until(pos)
        return self._scanner.hits

    def ending_at(self, pos: int) -> Hit | None:
        scanner = self._scanner
        if pos > scanner._cursor:  # not scanned from the top yet: scan its line alone, up to `pos`
            text = scanner.text
            if text[max(0, pos - 2) : pos] not in scanner.gaz.name_ends:
                return None  # no place name ends here (区机关…, 我局): no scan needed
            line_start = text.rfind("\n", 0, pos) + 1
            line = self._lines.get(line_start)
            if line is None:
                line = self._lines[line_start] = Scanner(scanner.gaz, text, scanner.end, line_start)
            line.until(pos)
            for hit in reversed(line.hits):  # a hit that ends at `pos` starts before it
                if hit.end <= pos:
                    return hit if hit.end == pos else None
            return None
        hits = scanner.hits  # a hit that ends at `pos` starts before it: already found
        for hit in hits[self._indexed :]:
            self._by_end[hit.end] = hit
        self._indexed = len(hits)
        return self._by_end.get(pos)

    def all(self) -> list[Hit]:
        return self.before(self._scanner.end)


# ---------------------------------------------------------------- level


def own_level(simplified: str) -> str | None:
    """The reporting unit's level from how the text speaks of its own area."""
    c = config()
    r = c["r"]
    counts: dict[str, int] = {}
    # Counting each cue's occurrences (one pattern, or str.count) gives what the
    # loop below does; the loop is only needed when a not_after word (自治) occurs.
    guarded = any(x in simplified for x in r["level_cues"]["not_after"])
    if c["level_cue"] and not guarded:  # the pattern exists only when no cue repeats: each has one level
        level_of = c["level_of"]
        for cue in overlapped(c["level_cue"], simplified):
            level = level_of[cue]
            counts[level] = counts.get(level, 0) + 1
    else:
        for level in ("city", "county", "province"):
            for cue in r["level_cues"][level]:
                if not guarded:
                    n = simplified.count(cue)
                    if n:
                        counts[level] = counts.get(level, 0) + n
                    continue
                start = simplified.find(cue)
                while start != -1:  # str.find: no regex compiled per call
                    before = simplified[max(0, start - 2) : start]
                    start = simplified.find(cue, start + len(cue))
                    if not any(before.endswith(x) for x in r["level_cues"]["not_after"]):
                        counts[level] = counts.get(level, 0) + 1
    national = _national_cues(simplified, r["level_cues"])
    if national:
        counts["national"] = national
    if not counts:
        return None
    n = max(counts.values())
    if n < r.get("level_min_count", 1):
        return None
    best = [level for level, k in counts.items() if k == n]  # a tie at the top: no level
    return best[0] if len(best) == 1 else None


def _national_cues(simplified: str, cues: dict) -> int:
    """How often a central ministry's centre speaks of its own ministry (部机关办公楼),
    not counting 全部机关 and the like."""
    n = 0
    for cue in cues["national"]:
        n += simplified.count(cue)
        if n:
            n -= sum(simplified.count(x + cue) for x in cues["national_not_after"])
    return n


def overlapped(pattern, text: str) -> list[str]:
    """The matches of `pattern` at every position where one starts, in text order
    (regex's `findall(overlapped=True)`: each search starts one past the last match's start)."""
    found, m = [], pattern.search(text)
    while m is not None:
        found.append(m.group())
        m = pattern.search(text, m.start() + 1)
    return found


def unit_level(hit: Hit) -> tuple[str, Unit] | None:
    """The level of the unit a place prefix names (a municipality counts as a province)."""
    units = hit.units
    if len(units) == 1:
        u = units[0]
        return u.level, u
    provinces = [u for u in units if u.level == "province"]
    if provinces and provinces[0].province in MUNICIPALITIES:
        return "province", provinces[0]
    cities = [u for u in units if u.level == "city"]
    if len(cities) == 1:
        return "city", cities[0]
    return None


def shared_county(hit: Hit) -> str | None:
    """The district name a full hit writes when several cities have one so called
    (鼓楼区, 朝阳区, 城关区): the name is known, its city is not. Two-character names
    (北区, 东区) are parts of other names too (政务服务中心北区): not read so."""
    names = {u.county for u in hit.units if u.level == "county"}
    if hit.full and len(hit.surface) >= 3 and len(names) == 1 and all(u.level == "county" for u in hit.units):
        return next(iter(names))
    return None


# ---------------------------------------------------------------- region


def publisher_county_city(simplified: str, hits: Hits) -> Unit | None:
    """The one county-level city (县级市) a page's metadata line names (发布机构 腾冲市财政局),
    when the text speaks of 我市 and names no city of its own: the 市 it speaks for."""
    cues = config()["r"]["metadata_lines"]
    found = set()
    for h in hits.before(config()["r"]["head_chars"]):
        u = h.units[0]
        if not (h.full and len(h.units) == 1 and u.level == "county" and u.county.endswith("市")):
            continue
        line_start = simplified.rfind("\n", 0, h.start) + 1
        line_end = simplified.find("\n", h.start)
        line = simplified[line_start : len(simplified) if line_end < 0 else line_end]
        if "。" not in line and any(w in line for w in cues):
            found.add(u)
    return found.pop() if len(found) == 1 else None


def votes_by_unit(hits: list[Hit], level: str) -> Counter[Unit]:
    votes: Counter[Unit] = Counter()
    for h in hits:
        units = [u for u in h.units if u.level == level]
        if len(units) == 1:
            votes[units[0]] += 2 if h.full else 1
    return votes


def _top(votes: Counter[Unit]) -> Unit | None:
    if not votes:
        return None
    (best, n), *rest = votes.most_common()
    return None if rest and rest[0][1] == n else best


def reporting_region(
    level: str | None, anchor: Unit | None, lazy_hits: Hits, title_hits: list[Hit], county: str | None = None
) -> tuple[Unit | None, str | None]:
    """The reporting unit at `level`, from the organisation's place or the place names in the text,
    and for a county the name as written even when several cities have one so called
    (`county`: the organisation's). The name is then kept and its city left unknown."""
    if anchor is not None:
        return anchor, None
    if level is None:
        return None, None
    if level == "county":
        hits = lazy_hits.all()
        provinces = {u.province for h in hits if h.full for u in h.units if u.level == "province"}
        cities = {u.city for h in hits for u in h.units if u.level == "city" and len(h.units) == 1}
        names = Counter(u.county for h in hits for u in h.units if u.level == "county")
        for name in [county] if county else [n for n, _ in names.most_common(1)]:
            # a hit such as 上海金山 already names the one county it means
            pinned = {h.units[0] for h in hits if len(h.units) == 1 and h.units[0].county == name}
            if len(pinned) == 1:
                return next(iter(pinned)), None
            candidates = county_candidates(name, provinces, cities)
            if len(candidates) == 1:
                return next(iter(candidates)), None
            written = county or next((n for h in hits if (n := shared_county(h)) == name), None)
            return None, written
        return None, None
    unit = _top(votes_by_unit(title_hits, level))
    if unit is not None:
        return unit, None  # the title's place names decide: the rest of the text is not read
    return _top(votes_by_unit(lazy_hits.all(), level)), None


def is_municipality(level: str | None, unit: Unit | None, simplified: str) -> bool:
    """A city-level reporter placed in a 直辖市 written in full (重庆市) is the municipality's
    own agency, a province's (SPEC §2); a short mention (上海世博会) places no reporter."""
    return level == "city" and unit is not None and unit.province in MUNICIPALITIES and unit.province in simplified


def place_name(unit: Unit | None, level: str | None) -> str | None:
    if unit is None or level is None:
        return None
    if level == "county":
        return unit.county
    if level == "city":
        return unit.city
    return unit.province
