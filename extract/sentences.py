"""Sentence boundaries: the unit a number's meaning is read from and linked to."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from operator import itemgetter

import re

import regex

from . import rulebook

_START = itemgetter(0)

# A sentence ends at 。！？；, a line break, or ! ? ; (half-width after normalising).
# (`re`, a third faster here than `regex`: the pattern has nothing the two read differently,
# and its only empty match is at the end of the text, a blank sentence either way)
_SENTENCE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+|\n|$)")
# Where a sentence ends for a word that refers back in it (得分96.2分，较上年提高1.3分;
# 2005年…，当年11月…): a ； joins clauses of one sentence here, unlike _SENTENCE.
_HARD_ENDS = "。!?！？\n"


def sentence_start_before(text: str, pos: int) -> int:
    """Where the sentence holding `pos` starts, for a word at `pos` that refers back to
    what the sentence named before it (a score, a year)."""
    return max(text.rfind(ch, 0, pos) for ch in _HARD_ENDS) + 1


@lru_cache(maxsize=1)
def _wrap_rules():
    """(candidate break pattern, prose-mark pattern, shortest prose line) from rules/sentences.yaml."""
    r = rulebook.load("sentences")["line_wraps"]
    # the pattern opens with the line break itself: found by a fast literal search
    candidate = regex.compile(r"(?<=[\p{Han}0-9])\n(?=[\p{Han}0-9])(?!" + r["heading_starts"] + ")")
    return candidate, regex.compile(r["prose_marks"]), int(r["prose_line_chars"])


def wrapped_line_ends(text: str) -> set[int]:
    """Positions of the line breaks that only wrap a line of prose (read as no break)."""
    candidate, prose_mark, prose_line = _wrap_rules()
    ends = set()
    for m in candidate.finditer(text):
        newline = m.start()
        line_start = text.rfind("\n", 0, newline) + 1
        if newline - line_start >= prose_line and prose_mark.search(text, line_start, newline):
            ends.add(newline)
    return ends


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open (start, end) spans of the non-blank sentences of `text`, in order."""
    spans: list = []
    wraps = wrapped_line_ends(text)
    # The pattern matches at every position (a run of sentence characters, then its end),
    # so its matches follow one another from 0 without a gap: each starts where the one
    # before ended (`pos`), and `findall` gives them without a Match object each.
    pos = 0
    for sentence in _SENTENCE.findall(text):
        # trim surrounding whitespace so spans show cleanly (str.strip removes
        # exactly the characters str.isspace accepts)
        core = sentence.strip()
        if core:
            start = pos + len(sentence) - len(sentence.lstrip())
            if spans and spans[-1][1] in wraps:  # the sentence before goes on after a wrapped line
                spans[-1] = (spans[-1][0], start + len(core))
            else:
                spans.append((start, start + len(core)))
        pos += len(sentence)
    return spans


def sentence_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The sentence span containing `position` (binary search on the sorted, disjoint spans)."""
    i = bisect_right(spans, position, key=_START) - 1  # the last span starting at or before it
    if i >= 0 and position < spans[i][1]:
        return spans[i]
    return None
