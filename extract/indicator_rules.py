"""The indicator rules (rules/indicators.yaml, rules/scopes.yaml) compiled for matching.

`Rules` holds every pattern and word table the meaning stage reads, and
`meaning_of` what a cue word says (the cue groups it fills, the topics it
names, the indicators it vetoes); `load_rules` builds them once per process.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import rulebook
from .units import unit_table
from .wordtrie import with_first_chars, words_pattern


@dataclass(frozen=True, slots=True)
class _Alternative:
    indicator: str
    near: tuple[tuple[str, ...], ...]
    topic: tuple[str, ...] | None
    topic_unless: tuple[str, ...]  # words that, anywhere in the sentence, cancel the topic
    bare: bool  # only for a number its cue verb governs with no noun between (保障8.6万人次) but a generic measure
    units: frozenset | None
    fit_units: frozenset  # the units a number must have: this cue's own, else the indicator's
    all_units: frozenset  # every unit the indicator allows


class Rules:
    """The YAML rules compiled for matching."""

    def __init__(self, data: dict, scopes: list[str]):
        self.units: dict[str, frozenset] = {}
        self.vetoes: dict[str, tuple[str, ...]] = {}
        self.earlier_vetoes: dict[str, tuple] = {}  # code -> (words, unless, unless_priced) patterns
        self.alternatives: list[_Alternative] = []
        words: set[str] = set()
        canonical_kinds = unit_table().canonical_kinds
        self.kinds: dict[str, frozenset] = {}  # the kinds of number (count, area …) each indicator measures
        self.own_rates: dict[str, frozenset] = {}  # code -> its own rates that `other_rates` lists
        self.ways_of: dict[str, frozenset] = {}  # code -> verbs of a breakdown item naming a way of it
        self.served: dict[str, tuple] = {}  # code -> (veto words, serving verbs): `not_unless_served`
        self.parts_not: dict[str, tuple] = {}  # code -> (words, unless): `breakdown_not` of one indicator
        for code, spec in data["indicators"].items():
            self.units[code] = frozenset(spec.get("units") or ())
            self.kinds[code] = frozenset(canonical_kinds.get(u, u) if u is not None else "count"
                                         for u in self.units[code])
            self.vetoes[code] = tuple(spec.get("not") or ())
            self.own_rates[code] = frozenset(spec.get("own_rates") or ())
            self.ways_of[code] = frozenset(spec.get("ways_of") or ())
            served = spec.get("not_unless_served") or {}
            if served.get("words"):  # vetoes a serving verb before them lifts (see the rules)
                self.served[code] = (tuple(served["words"]), words_pattern(served.get("verbs") or ()))
            parts_not = spec.get("breakdown_not") or {}
            if parts_not.get("words"):  # 其中…实际支付70.61万元 under money saved: a cost, no saving
                self.parts_not[code] = (words_pattern(parts_not["words"]), words_pattern(parts_not.get("unless") or ()))
            # (`not_amount`: vetoes that spare a rate, filed under amount_key(code))
            self.vetoes[amount_key(code)] = tuple(spec.get("not_amount") or ())
            self.vetoes[rate_key(code)] = tuple(spec.get("not_rate") or ())  # (`not_rate`: vetoes of a percent only)
            earlier = spec.get("not_earlier") or {}
            if earlier.get("words"):
                self.earlier_vetoes[code] = (words_pattern(earlier["words"]), words_pattern(earlier.get("unless") or ()),
                                             words_pattern(earlier["unless_priced"]) if earlier.get("unless_priced") else None)
            words.update(self.vetoes[code])
            words.update(self.vetoes[amount_key(code)])
            words.update(self.vetoes[rate_key(code)])
            for alt in spec.get("cues") or ():
                near = tuple(tuple(_split(g)) for g in alt.get("near") or ())
                topic = tuple(_split(alt["topic"])) if alt.get("topic") else None
                unless = tuple(_split(alt["topic_unless"])) if alt.get("topic_unless") else ()
                units = frozenset(alt["units"]) if alt.get("units") else None
                self.alternatives.append(
                    _Alternative(code, near, topic, unless, bool(alt.get("bare")), units,
                                 units or self.units[code], self.units[code])
                )
                for group in near:
                    words.update(group)
                words.update(topic or ())
                words.update(unless)
        self.cue_re = words_pattern(words)
        names = data.get("names") or {}
        self.title_re = re.compile("|".join(names.get("titles") or ()) or r"(?!)")
        self.title_marks = frozenset(t[0] for t in names.get("titles") or ())  # what each title opens with
        self.title_mark_re = re.compile("[" + re.escape("".join(sorted(self.title_marks))) + "]" if self.title_marks else r"(?!)")
        self.organ_re = re.compile(names.get("organ_after") or r"(?!)")
        self.whole_words = frozenset(names.get("whole_words") or ())
        self.generic_measures = frozenset(data.get("generic_measures") or ())
        # 8个单位…项目: a classifier followed by an organisation counts organisations,
        # which only the indicators marked `counts_organisations` measure
        counted = data.get("counted_organisations") or {}
        self.organisations_re = re.compile(counted.get("after_number") or r"(?!)")
        self.organisation_units = frozenset(counted.get("units") or ())
        self.teams_re = re.compile(counted.get("teams_after_number") or r"(?!)")
        self.touched_re = re.compile(counted.get("touched_before") or r"(?!)")
        self.touched_opening_re = re.compile(counted.get("touched_opening") or r"(?!)")
        self.touched_counted_by = frozenset(counted.get("touched_counted_by") or ())
        self.counts_organisations = frozenset(
            code for code, spec in data["indicators"].items() if spec.get("counts_organisations")
        )
        self.sizes = tuple(len(alt.near) for alt in self.alternatives)  # cue groups per alternative
        # whether each alternative may measure money: 节约 alone names energy saved, not money
        # (较上年节约23万元 after a vehicle cost line stays that line's), though energy.savings
        # counts money saved on a bill through another alternative
        self.alt_money = tuple("money" in {canonical_kinds.get(u, u) for u in alt.fit_units}
                               for alt in self.alternatives)
        self.group_keys = tuple(tuple((ai, gi) for gi in range(n)) for ai, n in enumerate(self.sizes))
        self.meanings: dict[str, tuple] = {}  # cue hit -> meaning_of(hit), filled as hits are seen

        cum = data.get("cumulative") or {}
        running = [regex.escape(w) for w in sorted(cum.get("running") or (), key=len, reverse=True)]
        self.running_re = re.compile("|".join([*(cum.get("running_patterns") or ()), *running]) or r"(?!)")
        # what the sentence scans use: the same matches, most positions rejected by one class test
        self.running_scan = with_first_chars(self.running_re)
        self.period_re = words_pattern(cum.get("period") or ())
        self.comparison_re = words_pattern(cum.get("period_comparison") or ())

        link = data.get("change_link") or {}
        self.link_gap = int(link.get("max_gap", 24))
        self.link_verbs_re = words_pattern(link.get("verbs") or ())
        self.link_compare_re = words_pattern(link.get("compare") or ())
        self.link_former = link.get("former") or ""  # 原租金: the former level of the same measure
        self.respectively_re = words_pattern(link.get("respectively") or ())
        self.counted_by_re = words_pattern(link.get("counted_by") or ()) if link.get("counted_by") else None
        self.list_joins_re = words_pattern(link.get("list_joins") or ())
        self.share_re = re.compile(data.get("share_link") or r"(?!)")
        saving = data.get("saving_rate_link") or {}
        self.saving_rate_re = re.compile(saving.get("between") or r"(?!)")
        self.saving_rate_lines = frozenset(saving.get("lines") or ())
        # a clause opening with 实际 (实际支出79.2万元) gives the outturn of the figure before it
        self.outturn_re = re.compile(r"\s*(?:" + words_pattern(data.get("outturn") or ()).pattern + ")")
        # a clause opening with 共解决/总建筑面积 carries on the action of the one before it
        self.follow_on_re = re.compile(r"\s*(?:" + words_pattern(data.get("follow_on") or ()).pattern + "|"
                                       + "(?P<count>" + (data.get("follow_on_count") or r"(?!)") + "))")
        self.other_rates_re = words_pattern(data.get("other_rates") or ())
        headings = data.get("list_headings") or {}
        self.among_re = re.compile(headings.get("among") or r"(?!)")
        self.breakdown_colon_re = re.compile(
            "(?:" + words_pattern(headings.get("breakdown") or ()).pattern + r")\s*$")
        self.breakdown_not_re = words_pattern(data.get("breakdown_not") or ())
        # 超过50万公里的18辆车辆: a threshold in a relative clause (see `criterion` in the rules)
        crit = data.get("criterion") or {}
        self.criterion_before = tuple(crit.get("before") or ())
        self.criterion_bounded = tuple(crit.get("bounded_before") or ())
        bounds = "|".join(map(re.escape, crit.get("bounds") or ())) or r"(?!)"
        self.criterion_after = re.compile(r"\s*(?P<bound>" + bounds + r")?\s*的" if crit else r"(?!)")
        self.criterion_frame = crit.get("frame") or "\0"
        # 以上/以下/以内 right after a number, then a noun (not a list break): see _a_bound
        self.bound_after = re.compile(r"\s*(?:" + bounds + r")的?" if crit else r"(?!)")
        self.criterion_caps = tuple(crit.get("caps") or ())
        self.criterion_per_item = tuple(crit.get("per_item") or ())
        self.criterion_rules = tuple(crit.get("rules") or ())
        # 出租价格为每平方米每月28元, 限额标准为50万元: a price or a norm names the number
        prices = words_pattern(crit.get("prices") or ()).pattern if crit.get("prices") else r"(?!)"
        self.price_re = re.compile(r"(?:" + prices + r")(?:" + "|".join(map(re.escape, crit.get("price_links") or ()))
                                   + r")*(?:每[^\d\s,;:。、]{1,3})*\s*$")
        removable = [*(link.get("compare") or ()), *(link.get("verbs") or ()),
                     *(link.get("measures") or ()), *(link.get("filler") or ())]
        self.link_strip_re = re.compile(
            r"\d{4}|[\s,;:、]|" + "|".join(re.escape(w) for w in sorted(set(removable), key=len, reverse=True))
        )

        subj = data.get("subject") or {}
        self.qualifiers = frozenset(subj.get("qualifiers") or ())
        self.strip_tail = tuple(sorted(subj.get("strip_tail") or (), key=len, reverse=True))
        self.scope_re = words_pattern(scopes)
        self.scopes = frozenset(scopes)
        # patterns every number reads from its sentence start: scanned once per sentence
        # when that gives the same matches (see Sentence.matches_before)
        self.lookback = {name: (scan, prefix_safe(pattern)) for name, pattern, scan in
                         (("scope", self.scope_re, self.scope_re), ("running", self.running_re, self.running_scan),
                          ("period", self.period_re, self.period_re))}
        # cue word -> the (alternative, group) pairs, topics and vetoes it belongs to:
        # meaning_of looks up the substrings of a hit instead of testing every word
        self._groups_of: dict[str, set] = {}
        self._topics_of: dict[str, set] = {}
        self._cancels_of: dict[str, set] = {}
        self._vetoes_of: dict[str, set] = {}
        for ai, alt in enumerate(self.alternatives):
            for gi, group in enumerate(alt.near):
                for w in group:
                    self._groups_of.setdefault(w, set()).add((ai, gi))
            for w in alt.topic or ():
                self._topics_of.setdefault(w, set()).add(ai)
            for w in alt.topic_unless:
                self._cancels_of.setdefault(w, set()).add(ai)
        for code, veto_words in self.vetoes.items():
            for w in veto_words:
                self._vetoes_of.setdefault(w, set()).add(code)

    def meaning_of(self, hit: str) -> tuple:
        """What a cue hit means: the (alternative, near group) pairs it satisfies, the
        alternatives whose topic it names, the indicators it vetoes, and the
        alternatives whose topic it cancels (`topic_unless`)."""
        found = self.meanings.get(hit)
        if found is None:
            if hit in self.whole_words:  # 新能源 names itself, not 能源
                parts = {hit}
            else:  # 会议室 says 会议, 节能改造面积 says 节能改造: every word inside the hit
                parts = {hit[i:j] for i in range(len(hit)) for j in range(i + 1, len(hit) + 1)}
                parts.add("")
            groups = sorted({g for p in parts for g in self._groups_of.get(p, ())})
            topics = sorted({a for p in parts for a in self._topics_of.get(p, ())})
            vetoed = frozenset(code for p in parts for code in self._vetoes_of.get(p, ()))
            cancels = sorted({a for p in parts for a in self._cancels_of.get(p, ())})
            found = self.meanings[hit] = (tuple(groups), tuple(topics), vetoed, tuple(cancels))
        return found


# what lets a regular expression look past the end of its match: lookahead, $, \Z, \b, \B
_LOOKS_AHEAD = re.compile(r"\(\?=|\(\?!|(?<!\\)\$|\\[ZbB]")


def amount_key(code: str) -> str:
    """The key of an indicator's vetoes that rule out money saved but not a fall (a_fall):
    累计节约860万元 of a cost line is money saved, 节约燃油费6% a fall in that cost."""
    return code + "/amount"


def rate_key(code: str) -> str:
    """The key of an indicator's vetoes that rule out a percent only (`not_rate`):
    节约电费41万元 is energy saved, 节约电费6% the bill's fall."""
    return code + "/rate"


def prefix_safe(pattern: re.Pattern) -> bool:
    """Whether the matches of `pattern` in a prefix of a text are its matches there in the whole text."""
    return pattern.match("") is None and not _LOOKS_AHEAD.search(pattern.pattern)


def _split(group: str) -> list[str]:
    return [w.strip() for w in str(group).split("|") if w.strip()]


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Read rules/indicators.yaml and rules/scopes.yaml once per process."""
    data = rulebook.load("indicators")
    scopes = rulebook.load("scopes")["scopes"]
    return Rules(data, scopes)


def indicator_codes() -> list[str]:
    """Every indicator code the rules define."""
    return list(load_rules().units)
