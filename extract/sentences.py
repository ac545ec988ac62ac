"""Sentence boundaries: the unit a number's meaning is read from and linked to."""

from __future__ import annotations

import regex

# A sentence ends at 。！？；, a line break, or ! ? ; (half-width after normalising).
_SENTENCE = regex.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;]+|\n|$)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Half-open (start, end) spans of the non-blank sentences of `text`, in order."""
    spans = []
    for m in _SENTENCE.finditer(text):
        start, end = m.span()
        if start == end:
            continue
        # trim surrounding whitespace so spans show cleanly
        while start < end and text[start].isspace():
            start += 1
        stop = end
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            spans.append((start, stop))
    return spans


def sentence_of(spans: list[tuple[int, int]], position: int) -> tuple[int, int] | None:
    """The sentence span containing `position` (binary search)."""
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        s, e = spans[mid]
        if position < s:
            hi = mid
        elif position >= e:
            lo = mid + 1
        else:
            return spans[mid]
    return None
