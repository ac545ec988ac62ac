"""Approximation (约/余/多/近…) and change (增长/下降…) of a number, from its neighbours."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

import regex

from .numbers import Candidate
from .numerals import CHINESE_NUMERAL_CHARS
from .rulebook import load

_CLAUSE_BREAKS = set("，,;；。:：\n!?！？")


class _Rules(NamedTuple):
    approx: dict
    before: dict  # last character -> [(word, value) ending with it], longest first
    after: list  # (word, value), longest first, without the `inside` words (the grammar takes those)
    after_first: frozenset  # first characters of the `after` words
    change: dict
    cues: list  # (word, direction), longest first
    any_cue: Callable  # `search` for any change cue (text, pos, endpos)
    window: int  # how far back a change cue may stand
    last_break: regex.Pattern  # searched in reverse: the clause break nearest before a number
    noun_reach: int  # how far back 约 of `before_noun` may stand (the word, the noun, one glued character)


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load("qualifiers")
    approx = data["approx"]
    change = data["change"]
    before = sorted(approx["before"].items(), key=lambda kv: len(kv[0]), reverse=True)
    after = sorted(approx["after"].items(), key=lambda kv: len(kv[0]), reverse=True)
    after = [(word, value) for word, value in after if word not in approx["inside"]]
    cues = [(w, "increase") for w in change["increase"]] + [(w, "decrease") for w in change["decrease"]]
    cues.sort(key=lambda kv: len(kv[0]), reverse=True)
    # fast paths (most numbers have no qualifier): the `before` words by the
    # character they end with (a head ending otherwise ends with none of them),
    # and one pattern that finds any change cue
    by_last: dict = {}
    for word, value in before:
        by_last.setdefault(word[-1], []).append((word, value))
    after_first = frozenset(word[0] for word, _ in after) | frozenset(word[0] for word in approx["after_duration"])
    # (plain words: the standard library's engine finds them faster than `regex`)
    any_cue = re.compile("|".join(re.escape(word) for word, _ in cues)).search
    last_break = regex.compile("(?r)[" + regex.escape("".join(sorted(_CLAUSE_BREAKS))) + "]")
    noun_reach = int(approx["noun_gap"]) + max(map(len, approx["before_noun"])) + 1
    return _Rules(approx, by_last, after, after_first, change, cues, any_cue,
                  int(change["window"]), last_break, noun_reach)


def approx_of(text: str, cand: Candidate) -> str | None:
    """about / over / under, or None (SPEC §2). over/under beat about."""
    rules = _rules()
    # (most numbers have no qualifier: the two tests on one character come first)
    head = text[max(0, cand.start - 5) : cand.start].rstrip(" \t￥¥$")  # 约￥1.2亿元
    tail = text[cand.end : cand.end + 3].lstrip(" \t")
    before = rules.before.get(head[-1:], ())
    if not before and tail[:1] not in rules.after_first:
        if head[-1:] == "的" and _share_about(text, cand):
            return "about"  # 约占全市车辆总数的30%
        if cand.approx_inside:
            return "over"
        start, reach = cand.start, rules.noun_reach  # (most numbers: no 约 before them, no call)
        if text.find("约", start - reach if start > reach else 0, start) == -1:
            return None
        return "about" if _about_before_noun(text, cand) else None
    approx, after = rules.approx, rules.after
    found = set()
    the_last = False
    for word, value in before:
        if head.endswith(word):
            glued = head[-len(word) - 1 : -len(word)] if len(head) > len(word) else ""
            if (glued and glued in approx.get("not_after", {}).get(word, ())
                    and not head[: -len(word)].endswith(tuple(approx.get("still_after", {}).get(word, ())))):
                break
            if word == "上" and not cand.bare_multiplier:
                break
            if word == "近" and _is_time(cand, approx):
                if _near_means_the_last(text, cand, approx["near_duration"]):
                    the_last = True
                    break  # 近3年来, 近三年,…: "the last", not "nearly"
            found.add(value)
            break
    if not found and not the_last and _about_before_noun(text, cand):
        found.add("about")  # 约有公共机构近2860家: 近 (under) still wins
    for word, value in after if tail[:1] in rules.after_first else ():
        if tail.startswith(word):
            found.add(value)
            break
    if not the_last and _is_time(cand, approx):
        found.update(_within(tail, approx))
    if cand.approx_inside:
        found.add("over")
    for value in ("over", "under"):
        if value in found:
            return value
    return "about" if "about" in found else None


@lru_cache(maxsize=1)
def _share_pattern() -> regex.Pattern:
    """约占…的 ending right before a number (searched up to the number)."""
    approx = _rules().approx
    words = "|".join(map(regex.escape, sorted(approx["share_before"], key=len, reverse=True)))
    breaks = regex.escape("".join(sorted(_CLAUSE_BREAKS)))
    return regex.compile(rf"(?:{words})[^{breaks}]{{0,{int(approx['share_gap'])}}}的$")


def _share_about(text: str, cand: Candidate) -> bool:
    """公务用车约占全市车辆总数的30%: 约 before 占 makes the share after it approximate."""
    if cand.unit is None or cand.unit.kind != "percent":
        return False
    lo = max(0, cand.start - int(_rules().approx["share_gap"]) - 4)
    return _share_pattern().search(text, lo, cand.start) is not None


@lru_cache(maxsize=1)
def _before_noun_pattern() -> regex.Pattern:
    """约有 + the counted noun (Chinese characters, no numerals) ending right before a number."""
    approx = _rules().approx
    words = "|".join(map(regex.escape, sorted(approx["before_noun"], key=len, reverse=True)))
    numerals = regex.escape(CHINESE_NUMERAL_CHARS)
    return regex.compile(rf"(?P<glued>.?)(?P<word>{words})(?:(?![{numerals}])\p{{Han}}){{1,{int(approx['noun_gap'])}}}$")


def _about_before_noun(text: str, cand: Candidate) -> bool:
    """全市约有公共机构2860家: 约有 before the noun makes the number after it approximate."""
    lo = max(0, cand.start - _rules().noun_reach)
    if text.find("约", lo, cand.start) == -1:
        return False
    m = _before_noun_pattern().search(text, lo, cand.start)
    if m is None:
        return False
    glued = m["glued"]  # 节约有关经费: 约 belongs to the word before it
    return not (glued and glued in _rules().approx["not_after"].get("约", ()))


def _is_time(cand: Candidate, approx: dict) -> bool:
    """A duration, or a span of time of kind other (两周): 内 after it and 近 before it read as for durations."""
    unit = cand.unit
    if unit is None:
        return False
    return unit.kind == "duration" or unit.kind == "other" and unit.canonical in approx["other_time_units"]


def _within(tail: str, approx: dict) -> tuple[str, ...]:
    """2小时内, 3天之内: after a duration, 内 is "within" (under), unless it starts a word (内部)."""
    for word, value in approx["after_duration"].items():
        if tail.startswith(word) and tail[len(word) : len(word) + 1] not in approx["after_duration_not_before"]:
            return (value,)
    return ()


def _near_means_the_last(text: str, cand: Candidate, rule: dict) -> bool:
    """近 + a duration: "the last" when the span reaches to now (近3年来, 我局近三年共…),
    "nearly" when the duration is measured (经过近5个月的施工, 历时近两年)."""
    tail = text[cand.end : cand.end + 2].lstrip(" \t")
    if tail.startswith(tuple(rule["the_last_after"])):
        return True
    if tail.startswith(tuple(rule["measured_after"])):
        return False
    near = text.rfind("近", max(0, cand.start - 3), cand.start)
    return not text.endswith(tuple(rule["measured_before"]), max(0, near - 4), near)


@lru_cache(maxsize=1)
def _comparative() -> tuple[regex.Pattern, dict]:
    """The pattern of `change.comparative` (比上年多接待120人次), searched at the end of a clause."""
    rule = _rules().change["comparative"]
    markers = "|".join(map(regex.escape, rule["markers"]))
    not_after = "".join(map(regex.escape, rule["not_after_marker"]))
    not_verbs = "".join(map(regex.escape, rule["not_verbs"]))
    more_less = regex.escape(rule["increase"]) + regex.escape(rule["decrease"])
    pattern = (
        rf"(?:{markers})(?![{not_after}])[^，,。；;：:、\n]{{1,10}}?(?P<dir>[{more_less}])"
        rf"(?![{not_verbs}])\p{{Han}}{{0,{int(rule['verb_max'])}}}?了?[ \t约近]*$"
    )
    return regex.compile(pattern), {rule["increase"]: "increase", rule["decrease"]: "decrease"}


def _comparative_change(text: str, cand: Candidate) -> str | None:
    """比上年多120人次 / 较去年少15辆: the direction of a comparison with 多/少
    (called when 多 or 少 stands in the 6 characters before the number)."""
    lo = max(0, cand.start - 16)
    pattern, directions = _comparative()
    m = pattern.search(text, lo, cand.start)
    return directions[m["dir"]] if m else None


def change_of_number(text: str, cand: Candidate) -> str | None:
    """increase / decrease when the number is the size of a change, else None."""
    start = cand.start
    near = text[start - 6 if start > 6 else 0 : start]
    if "多" in near or "少" in near:  # (most numbers have neither: no call)
        comparative = _comparative_change(text, cand)
        if comparative is not None:
            return comparative
    rules = _rules()
    change, cues, any_cue = rules.change, rules.cues, rules.any_cue
    # the clause: back to the nearest break, at most `window` characters. Most
    # numbers have no cue even in the whole window, and then none in the clause
    # (a part of it): the break is looked for only when the window has a cue.
    lo = start - rules.window if start > rules.window else 0
    if any_cue(text, lo, start) is None:
        return None
    brk = rules.last_break.search(text, lo, start)
    if brk is not None:
        lo = brk.end()
        if any_cue(text, lo, start) is None:
            return None  # no change cue in the clause
    clause = text[lo : cand.start]
    best = None  # rightmost cue
    for word, direction in cues:
        idx = clause.rfind(word)
        if idx != -1 and (best is None or idx > best[0] or (idx == best[0] and len(word) > len(best[1]))):
            best = (idx, word, direction)
    kind = cand.unit.kind if cand.unit else None
    if best is None:
        return None
    idx, word, direction = best
    after_cue = clause[idx + len(word) :]
    if after_cue[:1] in change["level_after_cue"] and word not in change["size_of_change"]:
        return None
    if any(rate in after_cue for rate in change["level_rates"]):
        return None
    if after_cue.startswith(tuple(change["cue_not_before"].get(word, ()))):
        return None  # 增值税: the cue is part of another word
    if clause.endswith("的") and any(w in after_cue for w in change["share_words"]):
        return None  # 节能灯具约占总数的85%: a share is a level
    if kind in ("percent", "percentage_point"):
        return direction
    # An amount: only right after its cue (a count: after its noun), never an amount saved or avoided.
    if any(ch not in change["gap_before_amount"] for ch in after_cue) and not _counted_noun_gap(after_cue, kind, change):
        return None
    if kind == "area" and not _area_gap_allowed(word, after_cue, change):
        return None
    if word in change["amount_saved_cues"]:
        return None
    if text[cand.end : cand.end + 4].lstrip(" \t").startswith(tuple(change["amount_avoided_after"])):
        return None
    return direction


def _counted_noun_gap(gap: str, kind: str | None, change: dict) -> bool:
    """减少公务用车342辆, 减少租用办公用房8600平方米: between a change cue and a count
    or an area only the counted noun stands."""
    gap = gap.rstrip(change["gap_before_amount"])
    return (kind in change["noun_gap_kinds"] and 0 < len(gap) <= int(change["count_noun_gap"])
            and all("\u4e00" <= ch <= "\u9fff" for ch in gap)
            and not any(ch in change["level_after_cue"] for ch in gap))


def _area_gap_allowed(word: str, gap: str, change: dict) -> bool:
    """减少租用办公用房8600平方米 is a change of a stock; 提升改造办公用房5000平方米 is the size of works."""
    if all(ch in change["gap_before_amount"] for ch in gap):
        return True  # the area right after its cue (减少8600平方米)
    return word in change["area_gap_cues"] and not any(w in gap for w in change["area_gap_not"])


def shares_about(text: str, previous: Candidate, cand: Candidate) -> bool:
    """约1000场次、8万人次: 约 before the first item of a 、-list covers the next one too."""
    if text[previous.end : cand.start].strip(" \t") != "、":
        return False
    head = text[max(0, previous.start - 4) : previous.start].rstrip(" \t")
    return head.endswith(tuple(_rules().approx["distributive"]))
