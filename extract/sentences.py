"""Sentence boundaries: the unit a number's meaning is read from and linked to."""

from __future__ import annotations

from bisect import bisect_right
from operator import itemgetter

import regex

_START = itemgetter(0)

# A sentence ends at 。！？；, a line break, or ! ? ; (half-width after normalising).
_SENTENCE = regex.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+|\n|$)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open (start, end) spans of the non-blank sentences of `text`, in order."""
    spans = []
    for m in _SENTENCE.finditer(text):
        sentence = m.group()
        # trim surrounding whitespace so spans show cleanly (str.strip removes
        # exactly the characters str.isspace accepts)
        core = sentence.strip()
        if core:
            start = m.start() + len(sentence) - len(sentence.lstrip())
            spans.append((start, start + len(core)))
    return spans


def sentence_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The sentence span containing `position` (binary search on the sorted, disjoint spans)."""
    i = bisect_right(spans, position, key=_START) - 1  # the last span starting at or before it
    if i >= 0 and position < spans[i][1]:
        return spans[i]
    return None
