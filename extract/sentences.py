"""Sentence boundaries: the unit a number's meaning is read from and linked to."""

from __future__ import annotations

from bisect import bisect_right
from operator import itemgetter

import regex

_START = itemgetter(0)

# A sentence ends at 。！？；, a line break, or ! ? ; (half-width after normalising).
_SENTENCE = regex.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+|\n|$)")

# A line break that only wraps a line (text taken from a PDF or a fixed-width page):
# it stands between two characters of running text, the next line is no heading,
# and the line it ends is prose (20+ characters with a comma or full stop inside).
_WRAP_CANDIDATE = regex.compile(  # (opens with the line break: found by a fast literal search)
    r"(?<=[\p{Han}0-9])\n(?=[\p{Han}0-9])(?![一二三四五六七八九十]+[、是]|[0-9]+[、.．]|第[一二三四五六七八九十]+)"
)
_PROSE_MARK = regex.compile(r"[,，。;；]")
_PROSE_LINE = 20


def wrapped_line_ends(text: str) -> set[int]:
    """Positions of the line breaks that only wrap a line (read as no break)."""
    ends = set()
    for m in _WRAP_CANDIDATE.finditer(text):
        newline = m.start()
        line_start = text.rfind("\n", 0, newline) + 1
        if newline - line_start >= _PROSE_LINE and _PROSE_MARK.search(text, line_start, newline):
            ends.add(newline)
    return ends


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open (start, end) spans of the non-blank sentences of `text`, in order."""
    spans = []
    wraps = wrapped_line_ends(text)
    for m in _SENTENCE.finditer(text):
        sentence = m.group()
        # trim surrounding whitespace so spans show cleanly (str.strip removes
        # exactly the characters str.isspace accepts)
        core = sentence.strip()
        if core:
            start = m.start() + len(sentence) - len(sentence.lstrip())
            if spans and spans[-1][1] in wraps:  # the sentence before goes on after a wrapped line
                spans[-1] = (spans[-1][0], start + len(core))
            else:
                spans.append((start, start + len(core)))
    return spans


def sentence_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The sentence span containing `position` (binary search on the sorted, disjoint spans)."""
    i = bisect_right(spans, position, key=_START) - 1  # the last span starting at or before it
    if i >= 0 and position < spans[i][1]:
        return spans[i]
    return None
