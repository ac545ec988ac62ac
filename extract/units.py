"""The unit table of SPEC §4 (from rules/units.yaml) and matching a unit after a number."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

import regex

from .normalize import simplify
from .rulebook import load
from .sentences import sentence_start_before


@dataclass(frozen=True, slots=True)
class Unit:
    surface: str  # as matched in the simplified text
    canonical: str
    factor: float
    kind: str


class UnitTable:
    """Surface forms -> Unit, with a longest-first matcher for the text after a number."""

    def __init__(self, data: dict):
        self.units: dict[str, Unit] = {}
        self.not_before: dict[str, str] = {}
        for group_name, group in data.get("kinds", {}).items():
            kind = group.get("kind", group_name)
            for surface, factor in group["units"].items():
                self._add(Unit(str(surface), group["canonical"], float(factor), kind))
        for surface, opts in (data.get("classifiers") or {}).items():
            opts = opts or {}
            self._add(Unit(surface, opts.get("as", surface), 1.0, "count"))
            if opts.get("not_before"):
                self.not_before[surface] = "".join(opts["not_before"])
        for surface in data.get("other") or []:
            self._add(Unit(str(surface), str(surface), 1.0, "other"))
        for surface, words in (data.get("not_before") or {}).items():
            self.not_before[simplify(str(surface))] = "".join(words)
        but_before = {simplify(str(s)): tuple(words) for s, words in (data.get("but_before") or {}).items()}
        # first character -> (surface, its length, characters it may not stand
        # before, words that lift that ban, ends in a Latin letter, unit), longest
        # first: `match` runs after every number, so everything it checks is computed here once
        self._by_first: dict[str, list[tuple[str, int, str, tuple[str, ...], bool, Unit]]] = {}
        for surface in sorted(self.units, key=len, reverse=True):
            latin_end = surface[-1].isascii() and surface[-1].isalpha()
            entry = (surface, len(surface), self.not_before.get(surface, ""), but_before.get(surface, ()),
                     latin_end, self.units[surface])
            self._by_first.setdefault(surface[0], []).append(entry)
        self.first_chars = frozenset(self._by_first)  # no unit starts with any other character
        self.canonical_kinds = {u.canonical: u.kind for u in self.units.values()}

    def _add(self, unit: Unit) -> None:
        key = simplify(unit.surface)
        self.units[key] = Unit(key, simplify(unit.canonical), unit.factor, unit.kind)

    def match(self, text: str, pos: int) -> Unit | None:
        """The longest unit starting at `pos` that is not the start of another word."""
        for surface, length, not_before, but_before, latin_end, unit in self._by_first.get(text[pos : pos + 1], ()):
            if not text.startswith(surface, pos):
                continue
            nxt = text[pos + length : pos + length + 1]
            if nxt and nxt in not_before and not text.startswith(but_before, pos + length):
                continue
            if latin_end and nxt.isascii() and nxt.isalpha():
                continue  # "m" in "mm", "t" in "to"
            return unit
        return None


@lru_cache(maxsize=1)
def unit_table() -> UnitTable:
    return UnitTable(load("units"))


_CLAUSE_END = set("，,;；。:：\n!?！？")


class _MeasuredAs(NamedTuple):
    words: tuple[str, ...]
    source: str  # the canonical unit the number was read in
    surfaces: frozenset[str] | None  # only these written forms change (None: all)
    to: Unit
    within: int
    through_numbers: bool
    unless_between: str


@lru_cache(maxsize=1)
def _measured_as() -> list[_MeasuredAs]:
    """The rules of rules/units.yaml `measured_as`."""
    rules = []
    for rule in load("units").get("measured_as") or []:
        to = Unit(rule["to"], rule["to"], 1.0, rule["kind"])
        surfaces = frozenset(map(simplify, rule["surfaces"])) if rule.get("surfaces") else None
        rules.append(_MeasuredAs(tuple(rule["words"]), rule["from"], surfaces, to, int(rule["within"]),
                                 bool(rule.get("through_numbers")), "".join(rule.get("unless_between") or ())))
    return rules


def measured_as_sources() -> frozenset[str]:
    """The canonical units some `measured_as` rule may change (a cheap test before `measured_as`)."""
    return frozenset(rule.source for rule in _measured_as())


def measured_as(text: str, start: int, unit: Unit | None) -> Unit | None:
    """标准煤350吨, 空调温度26度: the unit a number is in when the words before it settle it.

    Returns the unit to use instead of `unit`, or None to keep it.
    """
    if unit is None or unit.kind == "ratio":
        return None
    for rule in _measured_as():
        if unit.canonical != rule.source or (rule.surfaces is not None and unit.surface not in rule.surfaces):
            continue
        before = text[max(0, start - rule.within) : start]
        for word in rule.words:
            idx = before.rfind(word)
            if idx == -1:
                continue
            gap = before[idx + len(word) :]
            if not any(ch in _CLAUSE_END or ch in rule.unless_between or (ch.isdigit() and not rule.through_numbers)
                       for ch in gap):
                if rule.to.kind == "other":  # as written (SPEC §2 `kind`), with its own factor of 1
                    return Unit(unit.surface, unit.surface, 1.0, "other")
                return Unit(unit.surface, rule.to.canonical, unit.factor, rule.to.kind)
    return None


class _ScoreRule(NamedTuple):
    unit: Unit
    cues: tuple[str, ...]
    within: int
    not_before: str
    not_after: str
    change_words: tuple[str, ...]
    scored: regex.Pattern  # a score: a word of scoring, then a number and 分 in its clause


@lru_cache(maxsize=1)
def _score_rule() -> _ScoreRule:
    """rules/units.yaml `score`: 分 after a number, a score only after a word of scoring."""
    rule = load("units")["score"]
    unit = Unit(rule["unit"], rule["unit"], 1.0, "other")
    cues = "|".join(map(regex.escape, rule["cues_before"]))
    in_clause = "[^" + "".join(map(regex.escape, sorted(_CLAUSE_END))) + "]"
    scored = regex.compile(f"(?:{cues}){in_clause}{{0,{int(rule['within'])}}}?\\d分")
    return _ScoreRule(unit, tuple(rule["cues_before"]), int(rule["within"]), "".join(rule["not_before"]),
                      "".join(map(str, rule["not_after"])), tuple(rule["change_words"]), scored)


def score_unit() -> Unit:
    return _score_rule().unit


def is_score(text: str, start: int, end: int) -> bool:
    """text[start:end] is an Arabic number and 分 after it is a score (考核得分96.5分), not 分钟, 分局, 9时30分."""
    rule = _score_rule()
    after, before_number = text[end + 1 : end + 2], text[start - 1 : start] if start else ""
    if (after and after in rule.not_before) or (before_number and before_number in rule.not_after):
        return False
    before = text[max(0, start - rule.within) : start]
    for cue in rule.cues:
        idx = before.rfind(cue)
        if idx != -1 and not any(ch in _CLAUSE_END for ch in before[idx + len(cue) :]):
            return True
    return _change_of_a_score(text, start, rule)


def _change_of_a_score(text: str, start: int, rule: _ScoreRule) -> bool:
    """得分96.2分，较上年提高1.3分: a change word right before the number, a score earlier in the sentence."""
    if not text.endswith(rule.change_words, 0, start):
        return False
    sentence = sentence_start_before(text, start)
    return rule.scored.search(text, sentence, start) is not None


@lru_cache(maxsize=1)
def _day_rule() -> tuple[Unit, tuple[str, ...], tuple[str, ...]]:
    """rules/units.yaml `day_as_duration`: the unit, the words after 日, the cue words before the number."""
    rule = load("units")["day_as_duration"]
    unit = unit_table().units[rule["as"]]
    return Unit("日", unit.canonical, unit.factor, unit.kind), tuple(rule["after"]), tuple(rule["cues_before"])


def day_duration_unit() -> Unit:
    return _day_rule()[0]


def is_day_duration(text: str, start: int, end: int) -> bool:
    """text[start:end] is a number and 日: a duration (为期3日, 5日内), not a day of the month."""
    _unit, after, cues = _day_rule()
    before = text[max(0, start - 4) : start].rstrip(" \t约近仅")
    return text.startswith(after, end) or before.endswith(cues)
