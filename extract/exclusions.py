"""What is not a statistic (SPEC §3): identifiers, quotes and titles, slogans, vague words.

Two kinds of rule, both read from rules/exclusions.yaml:
- regions of the text where no statistic can start (identifier patterns,
  quoted/titled spans, slogans), computed once per document;
- checks on one candidate and its neighbours (ordinals, vague numerals, the
  lone 一, bare numbers that do not follow a counted noun).
"""

from __future__ import annotations

from functools import lru_cache

import regex

from . import fastscan
from .fastscan import Scanner
from .numbers import Candidate
from .numerals import is_only_multipliers
from .rulebook import load
from .wordtrie import words_pattern

_HAN = regex.compile(r"\p{Han}")


@lru_cache(maxsize=1)
def _compiled():
    data = load("exclusions")
    # each pattern on its own: every match of every rule is masked (a union would
    # keep only the leftmost of overlapping matches); a Scanner skips documents
    # without the text a pattern needs (KB|MB, 浏览|阅读…), and compiles on first use
    plans = fastscan.plans("exclusions", data["patterns"])
    patterns = [Scanner(p, plans[name]) for name, p in data["patterns"].items()]
    # plain words as a trie in `re` (~3x faster than `regex`, same matches as longest first)
    slogans = words_pattern(data["slogans"])
    ordinal_before = tuple(sorted(data["ordinal_before"], key=len, reverse=True))
    return data, patterns, slogans, ordinal_before, _Words(data)


class _Words:
    """The word lists of the candidate checks as tuples (for str.startswith/endswith), built once."""

    def __init__(self, data: dict):
        self.vague_before = tuple(data["vague_before"])
        self.measure_nouns = tuple(data["measure_nouns"])
        self.vague_after = tuple(data["vague_after"])
        self.vague_pairs = frozenset(data["vague_pairs"])
        rule = data["bare_number"]
        self.followed_by = rule["followed_by"]
        self.followed_by_words = tuple(rule["followed_by_words"])
        self.not_after = rule["not_after"]
        self.verbs_after_noun = tuple(sorted(rule["verbs_after_noun"], key=len, reverse=True))
        self.verbs_after_noun_not_in = tuple(rule["verbs_after_noun_not_in"])
        self.counted_after = tuple(data["counted_after"])
        self.identifier_after = tuple(data["identifier_after"])
        self.quote_pairs = tuple((pair[0], pair[1]) for pair in data["quotes"]["pairs"])
        self.quote_max_len = int(data["quotes"]["max_len"])


class Mask:
    """A set of blocked character positions with a fast overlap test."""

    __slots__ = ("bits",)

    def __init__(self, length: int):
        self.bits = bytearray(length)

    def block(self, start: int, end: int) -> None:
        self.bits[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return 1 in self.bits[start:end]


class Exclusions:
    """Exclusion regions of one document (normalised text) and candidate checks."""

    def __init__(self, text: str):
        self.text = text
        data, patterns, slogans, ordinal_before, words = _compiled()
        self.data = data
        self.ordinal_before = ordinal_before
        self.words = words
        n = len(text)
        self.identifiers = Mask(n)  # also veto dates
        bits = self.identifiers.bits
        for pattern in patterns:
            for start, end in pattern.spans(text):
                bits[start:end] = b"\x01" * (end - start)
        self.quoted = Mask(n)
        self._mark_quotes()
        self.slogans = [m.span() for m in slogans.finditer(text)]
        # a number is in a slogan when its last character is (the slogan reaches its end)
        self.in_slogan = Mask(n)
        bits = self.in_slogan.bits
        for start, end in self.slogans:
            bits[start:end] = b"\x01" * (end - start)

    def _mark_quotes(self) -> None:
        text, max_len = self.text, self.words.quote_max_len
        bits = self.quoted.bits
        for opening, closing in self.words.quote_pairs:
            pos = text.find(opening)
            while pos != -1:
                close = text.find(closing, pos + 1, pos + 1 + max_len + 1)
                if close != -1 and text.find("\n", pos + 1, close) == -1:
                    bits[pos + 1 : close] = b"\x01" * (close - pos - 1)
                    pos = text.find(opening, close + 1)
                else:
                    pos = text.find(opening, pos + 1)

    # -- candidate checks -------------------------------------------------

    def rejects(self, cand: Candidate) -> str | None:
        """Why `cand` is not a statistic, or None when it is one."""
        s, e = cand.start, cand.end
        if 1 in self.identifiers.bits[s:e]:
            return "identifier"
        if 1 in self.quoted.bits[s:e]:
            return "quoted"
        if self.in_slogan.bits[e - 1]:  # a slogan [start, end) with start < e <= end (and s < e)
            return "slogan"
        text = self.text
        before = text[s - 4 if s > 4 else 0 : s].rstrip(" \t")
        if before.endswith(self.ordinal_before) and not self._counted(cand, before):
            return "ordinal"
        if cand.chinese:
            why = self._chinese(cand, before)
            if why:
                return why
        else:
            prev = before[-1:]
            if prev and (prev.isascii() and prev.isalpha() or prev in "-/.#"):
                return "code"
            if cand.number_text[:1] == "0" and cand.number_text[1:2].isdigit():
                return "code"  # 05年, 007: a leading zero makes a code or a two-digit year, never a quantity
        if cand.unit is None:
            return self._bare(cand, text[s - 1 : s] if s else "")
        return None

    def _counted(self, cand: Candidate, before: str) -> bool:
        """接听电话5000个, 参会代表320人: after such a word a number of at most 6 digits with a
        count classifier is a count, not a phone or table number."""
        return (cand.unit is not None and cand.unit.kind == "count" and len(cand.number_text) <= 6
                and before.endswith(self.words.counted_after))

    def _chinese(self, cand: Candidate, before: str) -> str | None:
        if cand.number_text in ("一", "壹") and cand.value_max is None:
            return "lone 一"  # (一至两个月 is a range, not an article)
        if before.endswith(self.words.vague_before) and not self._counted_after_shu(cand, before):
            return "vague"
        pairs, text = self.words.vague_pairs, cand.number_text
        if text[:2] in pairs or (text[1:2] in "十百千万" and before[-1:] + text[:1] in pairs):
            return "vague"  # 两三年, 二三十人次
        after = self.text[cand.start + len(cand.number_text) : cand.start + len(cand.number_text) + 2]
        if after.startswith(self.words.vague_after):
            return "vague"
        return None

    def _counted_after_shu(self, cand: Candidate, before: str) -> bool:
        """就餐人数九百余人: 数 makes only 十/百/千/万 vague (数十), so before another numeral it
        ends a noun naming a count; before 数十 only a word such as 总数 does."""
        if not before.endswith("数"):
            return False
        return not is_only_multipliers(cand.number_text) or before.endswith(self.words.measure_nouns)

    def _bare(self, cand: Candidate, prev: str) -> str | None:
        """A number with no unit counts only right after a counted noun: 腾退房间362。"""
        if cand.chinese:
            return "no unit"
        nxt = self.text[cand.end : cand.end + 1]
        words = self.words
        if not (nxt == "" or nxt in words.followed_by or self.text.startswith(words.followed_by_words, cand.end)):
            return "no unit"
        if not prev or not _HAN.match(prev):
            return "no unit"
        if prev in words.not_after and not self._after_verb_of_noun(cand.start):
            return "no unit"
        following = self.text[cand.end : cand.end + 8].lstrip(" \t\r\n")
        if following.startswith(words.identifier_after):
            return "identifier"
        return None

    def _after_verb_of_noun(self, start: int) -> bool:
        """用餐人次达到6000。: a verb of reaching or totalling between the counted noun and the number."""
        words, text = self.words, self.text
        if text.endswith(words.verbs_after_noun_not_in, 0, start):
            return False  # 节约1200, 下达3
        for verb in words.verbs_after_noun:
            if text.endswith(verb, 0, start):
                noun_end = text[start - len(verb) - 1 : start - len(verb)]
                return bool(noun_end) and _HAN.match(noun_end) is not None and noun_end not in words.not_after
        return False
