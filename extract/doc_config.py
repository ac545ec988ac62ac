"""The document fields' shared configuration: the cue patterns of `rules/document.yaml`,
compiled once on first use (`config`), and the patterns more than one field reads.

`docinfo.py` runs the fields' steps (`doc_title`, `doc_dates`, `doc_place`,
`doc_org`, `doc_type`); each reads its cues from here.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache

import regex

from .fastscan import checker, needs
from .rulebook import OnFirstUse
from .sections import rules
from .wordtrie import words_pattern  # literal words as one trie-shaped `re` pattern

YEAR = r"(?P<y>(?:19|20)[0-9]{2})"  # ASCII digits: int() must be able to read them
# regex's \s (Unicode White_Space) in the stdlib engine, whose \s also takes \x1c-\x1f
_WHITE_SPACE = r"[^\S\x1c-\x1f]"
# (stdlib `re`: it skips to the 1s and 2s a year opens with at half the instructions)
DATE = re.compile(
    r"(?P<y>(?:19|20)[0-9]{2})\s*(?:-|/|\.|年)\s*(?P<m>[0-9]{1,2})\s*(?:-|/|\.|月)\s*(?P<d>[0-9]{1,2})(?![0-9])\s*日?".replace(
        r"\s", _WHITE_SPACE
    )
)


@lru_cache(maxsize=1)
def config() -> dict:
    r = rules("document")
    org = r["organization"]
    kinds = sorted(set(org["types"]) | set(org["abbreviations"]), key=len, reverse=True)
    # short kinds open on common characters (管, 事, 行) a trie would stop at everywhere:
    # searched apart, in the few texts holding one
    rare_kinds = sorted(set(org["informal"]) | set(org["zone_bodies"]), key=len, reverse=True)
    sources = {  # the patterns searched through `_Gated`
        "sentence_year": r["year"]["sentence_year"].replace("{Y}", YEAR),
        "labelled": r["title"]["labelled"],
        "subject_year": r["year"]["subject"].replace("{Y}", YEAR),
        "multi": r["period"]["multi_year"],
    }
    # each entry made on first lookup: a report reads about two thirds of them
    cfg = OnFirstUse({
        "r": lambda: r,
        "kinds": lambda: kinds,
        "kind_re": lambda: _ByFirstChar(kinds),  # the longest kind at the leftmost place, as "|".join(kinds) finds it
        # what every short kind holds from its pivot character on (行管局 → 管局): a stdlib
        # search for these tails costs a fraction of a search for the kinds themselves
        "rare_kind_gate": lambda: re.compile(
            "|".join(sorted({re.escape(k[k.index(org["rare_kinds_pivot"]) :]) for k in rare_kinds}, key=len, reverse=True))
        ),
        "rare_kinds": lambda: frozenset(rare_kinds),
        "byline_ends": lambda: frozenset(mark[-1] for mark in org["byline_marks"]),
        "clause": lambda: re.compile(r"[^,，。;；\n]*"),
        "rare_kind_re": lambda: re.compile("|".join(map(re.escape, rare_kinds))),
        "rare_kind_reach": lambda: max(k.index(org["rare_kinds_pivot"]) for k in rare_kinds),
        "heading": lambda: regex.compile(r["title"]["heading"]),
        "site": lambda: regex.compile(r["title"]["site_name"]),
        "menu": lambda: regex.compile(r["title"]["menu"]),
        "spaced": lambda: regex.compile(r["title"]["spaced"]),
        "column": lambda: regex.compile(r["title"]["column"]),
        "sentence_year": lambda: _Gated(regex.compile(sources["sentence_year"], regex.M), cfg["needs"]["sentence_year"]),
        "strip": lambda: regex.compile(r["title"]["strip_suffix"], regex.I),
        "bracket": lambda: regex.compile(r["title"]["bracket"]),
        "labelled": lambda: _Gated(regex.compile(sources["labelled"], regex.M), cfg["needs"]["labelled"]),
        "furniture": lambda: words_pattern(r["title"]["furniture"]),  # literal words: the re trie finds any of them faster
        "css": lambda: regex.compile(r["title"]["css"]),
        "skip_line": lambda: regex.compile("|".join([*r["title"]["skip_lines"], r["title"]["cover_letter"]])),
        "cover_letter": lambda: regex.compile(r["title"]["cover_letter"], regex.M),
        "title_year_start": lambda: regex.compile(
            r"\s*(?:" + r["year"]["title"].replace("{Y}", YEAR) + "|"
            + "|".join(map(regex.escape, r["title"]["second_half_openers"])) + ")"
        ),
        "closing": lambda: regex.compile(r["title"]["closing"]),
        "glued": lambda: regex.compile(
            r"^\s*(?P<t>[^\n。,，;；:：]{2,40}?(?:"
            + "|".join(map(regex.escape, sorted(r["title"]["glued_nouns"], key=len, reverse=True)))
            + r"))(?="
            + "|".join([*map(regex.escape, r["title"]["glued_openers"]), *r["title"]["glued_opener_patterns"]])
            + ")"
        ),
        "subtitled": lambda: regex.compile(r["title"]["subtitled"]),
        "opening": lambda: regex.compile(r["year"]["opening"].replace("{Y}", YEAR)),
        "title_year": lambda: regex.compile(
            r["year"]["title"].replace("{Y}", YEAR)
            + r"(?!\d|\s*(?:"
            + "|".join(map(regex.escape, r["year"]["not_before"]))
            + "))"
        ),
        "placeholder": lambda: regex.compile(r["year"]["placeholder"]),
        "chinese_year": lambda: regex.compile(r["year"]["chinese_digits"]),
        "subject_year": lambda: _Gated(regex.compile(sources["subject_year"]), cfg["needs"]["subject_year"]),
        "multi": lambda: _Gated(regex.compile(sources["multi"]), cfg["needs"]["multi"]),
        "body": lambda: [_body_cue(cue, r["year"]["body_work"]) for cue in r["year"]["body"]],
        # what every match of these needs (标 and 题 for a labelled title …), read from the
        # patterns once and kept in the cache: most texts lack it and are not searched
        "needs": lambda: needs("document", sources),
        "event": lambda: re.compile(r["year"]["event"].replace("{Y}", YEAR)),
        "event_span": lambda: re.compile(r["year"]["event_span"].replace("{Y}", YEAR)),
        "document_date_before": lambda: tuple(r["year"]["document_date_before"]),
        "plan_name": lambda: regex.compile(r["period"]["plan_name_in_title"]),
        "range": lambda: regex.compile(r["period"]["year_range"].replace("{Y}", r"(?:19|20)[0-9]{2}")),
        "topic_summary": lambda: regex.compile(  # 公共机构节能工作总结: the topic right before the summary word
            "(?:" + "|".join(map(regex.escape, r["doc_type"]["single_topics"])) + ")(?:管理)?(?:工作)?(?:"
            + "|".join(map(regex.escape, r["doc_type"]["summary_words"])) + ")"
        ),
        "topic_field": lambda: regex.compile(  # 公务用车管理: a field of work taken up as a whole
            "(?:" + "|".join(map(regex.escape, r["doc_type"]["single_topics"])) + ")(?:"
            + "|".join(map(regex.escape, r["doc_type"]["topic_field_words"])) + ")"
        ),
        "dept": lambda: regex.compile(org["title_department"]),
        "joiners": lambda: frozenset(org["joiners"]),
        "zones": lambda: sorted(org["zones"], key=len, reverse=True),
        "zone_ends": lambda: frozenset(z[-1] for z in org["zones"]),
        "issuer_before": lambda: regex.compile(org["issuer"]["before"]),
        "issuer_after": lambda: regex.compile(org["issuer"]["after"]),
        "level_cue": lambda: level_cue_pattern(r["level_cues"]),
        "level_of": lambda: {w: level for level in ("city", "county", "province") for w in r["level_cues"][level]},
        "level_chars": lambda: org["level_chars"],  # 市 -> city …: a place written by its level alone
        # 县委机关…, 市机关…: a level character (and 委) right before the kind
        "party_committee": lambda: regex.compile("[" + "".join(org["level_chars"]) + "]委?$"),
    })
    return cfg


class _Gated:
    """A compiled pattern whose whole-text searches are skipped when the text lacks what
    every match of it needs (`fastscan.needed_text`): no match is possible there, so
    the answer (None, no matches) is the pattern's own."""

    __slots__ = ("pattern", "holds")

    def __init__(self, pattern, need):
        self.pattern, self.holds = pattern, checker(need)

    def search(self, text: str):
        return self.pattern.search(text) if self.holds(text) else None

    def finditer(self, text: str):
        return self.pattern.finditer(text) if self.holds(text) else iter(())


class _ByFirstChar:
    """Literal words found as `words_pattern(words)` finds them (the longest at the leftmost
    place), with one trie per first character: the stdlib engine skips to a pattern's one
    first character (机关…) far faster than to any of several (机关… or 公共机构…). A group
    is searched only in a text holding what all its words open with (most texts hold one
    group only); two groups never match at one place, so the leftmost of their next
    matches is the one trie's."""

    __slots__ = ("groups",)

    def __init__(self, words):
        words = [w for w in words if w]
        self.groups = []  # (what every word of the group opens with, the group's trie)
        for ch in sorted({w[0] for w in words}):
            group = [w for w in words if w[0] == ch]
            self.groups.append((os.path.commonprefix(group), words_pattern(group)))

    def search(self, text: str):
        found = [m for stem, p in self.groups if stem in text and (m := p.search(text)) is not None]
        return min(found, key=re.Match.start) if found else None

    def finditer(self, text: str):
        patterns = [p for stem, p in self.groups if stem in text]
        if len(patterns) <= 1:
            return patterns[0].finditer(text) if patterns else iter(())
        return self._merged(patterns, text)

    @staticmethod
    def _merged(patterns, text: str):
        ahead = [p.search(text) for p in patterns]  # each group's next match
        while True:
            found = [m for m in ahead if m is not None]
            if not found:
                return
            m = min(found, key=re.Match.start)
            yield m
            end = m.end()  # a group's match starting inside this one is searched again from its end
            ahead = [n if n is None or n.start() >= end else p.search(text, end) for p, n in zip(patterns, ahead)]


def _body_cue(cue: dict, work: list[str]) -> tuple:
    """(needs, at, before or None) of a body year cue, compiled for the stdlib engine: its
    search for the literal an `at` pattern opens on is the cheapest there is."""
    fill = lambda p: p.replace("{Y}", YEAR).replace("{WORK}", "|".join(map(re.escape, work)))
    return cue["needs"], re.compile(fill(cue["at"])), (re.compile(fill(cue["before"])) if "before" in cue else None)


def level_cue_pattern(cues: dict):
    """All level cues in one pattern, when counting its overlapped matches gives
    exactly str.count per cue: no cue repeats, starts another or overlaps itself
    (then at most one cue starts at a position and every occurrence counts).
    A trie (`words_pattern`): at a position it finds the one cue there, as the
    alternation does, with a fast scan for the characters cues start with."""
    words = [w for level in ("city", "county", "province") for w in cues[level]]
    if len(set(words)) != len(words) or not all(words):
        return None
    for w in words:
        if any(o != w and o.startswith(w) for o in words) or any(w.endswith(w[:k]) for k in range(1, len(w))):
            return None
    return words_pattern(words)
