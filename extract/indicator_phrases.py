"""The short phrases a number reads, and their segmentation.

Each number reads the words right before it (at most LOCAL_SPAN characters, in
its clause, after the number before it) and right after it (to its clause end or
its list item's). `Phrases` segments all of a document's phrases in one call of
the tagger; pinyin glosses (萬(wàn)元) are read past, with offsets kept.
"""

from __future__ import annotations

import re

import regex

from . import segment

LOCAL_SPAN = 10  # characters segmented before a number: enough for verb + noun phrase
_LIST_ITEM_END = re.compile(r" *、")
_BARE_NEXT_ITEM = re.compile(r" *、\s*[0-9０-９]")  # 、 then a number with no noun of its own


# A pinyin gloss some repost sites put after a character: 萬(wàn)元. Cue words
# and segmentation read the text without them; offsets still point into it.
_GLOSS = regex.compile(
    r"(?<=\p{Han})\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)"
)


# what every gloss begins with; `re` finds it (or its absence) far faster than _GLOSS
_GLOSS_OPEN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]")


def degloss(text: str, offset: int) -> tuple[str, list[int] | None]:
    """`text` without pinyin glosses, and the absolute offset of each kept character."""
    if "(" not in text or not _GLOSS_OPEN.search(text):
        return text, None
    glosses = list(_GLOSS.finditer(text))
    if not glosses:
        return text, None
    pieces: list = []
    positions: list = []
    cursor = 0
    for g in glosses:
        pieces.append(text[cursor : g.start()])
        positions.extend(range(offset + cursor, offset + g.start()))
        cursor = g.end()
    pieces.append(text[cursor:])
    positions.extend(range(offset + cursor, offset + len(text)))
    return "".join(pieces), positions


def _tag(simplified: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    """(word, flag, absolute start, absolute end) for the words of simplified[start:end]."""
    if end <= start:
        return []
    clean, positions = degloss(simplified[start:end], start)
    out = []
    if positions is None:
        for word, flag in segment.pairs(clean):
            stop = start + len(word)
            out.append((word, flag, start, stop))
            start = stop
    else:
        pos = 0
        for word, flag in segment.pairs(clean):
            stop = pos + len(word)
            out.append((word, flag, positions[pos], positions[stop - 1] + 1))
            pos = stop
    return out


class Phrases:
    """`_tag` for one document, with the phrases every number reads (the words right
    before it and right after it) segmented up front in one call of the tagger
    (`segment.tag_many`): a call costs several times what a short phrase does."""

    __slots__ = ("simplified", "known")

    def __init__(self, simplified: str, spans: list[tuple[int, int]]):
        self.simplified = simplified
        known: dict[tuple[int, int], list[tuple[str, str, int, int]] | None] = {}
        plain, texts = [], []  # the spans without a pinyin gloss, and their text
        for span in spans:
            start, end = span
            if end > start and span not in known:
                text = simplified[start:end]
                if "(" in text and _GLOSS_OPEN.search(text):  # perhaps glossed: _tag maps the offsets
                    known[span] = _tag(simplified, start, end)
                else:
                    known[span] = None
                    plain.append(span)
                    texts.append(text)
        known.update(zip(plain, segment.tag_many(texts, [start for start, _ in plain])))
        self.known = known

    def tag(self, start: int, end: int) -> list[tuple[str, str, int, int]]:
        """_tag(simplified, start, end)."""
        found = self.known.get((start, end))
        return found if found is not None else _tag(self.simplified, start, end)


def phrase_start(m, previous, clause_start) -> int:
    """Where the phrase read before a number starts: at most LOCAL_SPAN back, in its
    clause, after the number before it (`previous`, in text order)."""
    prev_end = clause_start
    if previous is not None and clause_start <= previous.start and previous.end <= m.start:
        prev_end = previous.end
    return max(prev_end, m.start - LOCAL_SPAN, clause_start)


def tail_end_of(simplified, m, clause_end) -> int:
    """Where the words after the number end: the clause end; the number's own end when a
    list item ends with it (腾退…1200平方米、出租房屋5处: 出租 is the next item's, not this number's),
    unless the next item is a bare number sharing the noun after it (共622处、490万平方米房产普查)."""
    if _LIST_ITEM_END.match(simplified, m.end, clause_end) is None:
        return clause_end
    return clause_end if _BARE_NEXT_ITEM.match(simplified, m.end, clause_end) else m.end


def tail_span(simplified, m, tail_end) -> tuple[int, int] | None:
    """The words after the number a subject may be read from (tail_subject), if any."""
    start = m.end
    if start < tail_end and simplified[start] == "的":
        start += 1
    elif m.kind not in ("count", None):
        return None
    stop = min(tail_end, start + LOCAL_SPAN)
    return (start, stop) if stop > start else None
