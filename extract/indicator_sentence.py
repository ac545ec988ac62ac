"""One sentence as the meaning stage sees it, and the numbers in text order.

`Sentence` splits a sentence into clauses and finds its cue hits once (not
in book titles nor department names), with the sentence-wide topics, the
scans every number looks back on, and what its numbers leave for the next
(verbs, colon headings). `Order` finds the numbers between two offsets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .indicator_phrases import degloss
from .indicator_rules import Rules

# simplified text is half-width; 、 joins list items; a comma between a digit and
# three more (3,620件次维修任务) separates thousands inside a number, not clauses.
# One class first: `re` then skips to the next mark instead of trying every position.
CLAUSE_BREAK_RE = re.compile(r"[;:；：,，](?!(?<=\d[,，])\d{3}(?!\d))")
_CONTINUES = frozenset(";")  # a sentence ending so continues the same breakdown


class Sentence:
    """One sentence with its clauses and cue hits (absolute offsets)."""

    __slots__ = ("start", "end", "limit", "clauses", "hits", "hit_starts", "hit_ends", "topics", "continues",
                 "_scanned", "_compared", "verbs", "respective", "headings", "carried")

    def __init__(self, simplified: str, start: int, end: int, rules: Rules, limit: int):
        self.start, self.end = start, end
        self.limit = limit  # no number of the sentence starts after it
        text = simplified[start:end]
        clauses, cs = [], start
        for bm in CLAUSE_BREAK_RE.finditer(text):
            clauses.append((cs, start + bm.start()))
            cs = start + bm.end()
        clauses.append((cs, end))
        self.clauses = clauses
        clean, positions = degloss(text, start)
        # each hit that can weigh for or against an indicator: (start, end,
        # (alternative, group) pairs, vetoed indicators); topics, and the words
        # that cancel them (topic_unless), count sentence-wide
        hits, topics, cancelled = [], set(), set()
        known = rules.meanings
        titles = _title_spans(clean, rules)
        organ_re = rules.organ_re
        for cm in rules.cue_re.finditer(clean):
            if titles and any(ts <= cm.start() < te for ts, te in titles):
                continue  # a word of a document's title
            if organ_re.match(clean, cm.end()):
                continue  # a department's name: 接待科
            word = cm.group()
            groups, topic_of, vetoes, cancels = known.get(word) or rules.meaning_of(word)
            if topic_of:
                topics.update(topic_of)
            if cancels:
                cancelled.update(cancels)
            if groups or vetoes:
                if positions is None:
                    hits.append((cm.start() + start, cm.end() + start, groups, vetoes))
                else:
                    hits.append((positions[cm.start()], positions[cm.end() - 1] + 1, groups, vetoes))
        self.hits = hits
        self.hit_starts = [h[0] for h in hits]
        self.hit_ends = [h[1] for h in hits]
        self.topics = topics - cancelled
        self.continues = bool(text) and text[-1] in _CONTINUES
        self._scanned: dict[str, tuple[list, list]] = {}
        self._compared: dict[int, bool] = {}
        self.verbs: dict[tuple[str, str | None], str] = {}  # (verb, unit) -> indicator of a number it governs
        self.headings: dict[int, int] = {}  # clause -> the colon heading clause whose words govern it
        self.carried: dict[int, int] = {}  # clause -> the clause whose action it carries on (_window_start)
        # whether a 分别 word stands before its last number: no 分别 list (respective_item) else
        self.respective = rules.respectively_re.search(simplified, start, limit) is not None

    def matches_before(self, rules: Rules, name: str, simplified: str, stop: int) -> list[tuple[int, int]]:
        """Spans of `pattern.finditer(simplified, self.start, stop)` for the pattern
        `rules.lookback[name]`, from one scan of the sentence.

        Every number of a sentence looks back to the sentence start for scope
        and 累计/全年 words; scanning the sentence once (up to its last number)
        and keeping the matches that end by `stop` gives the same spans (a match
        that fails on the longer text fails on a prefix of it too) as long as the pattern cannot look
        past its match (prefix_safe). A match that runs past `stop` is searched
        again on the prefix, as the truncated search would.
        """
        scanned = self._scanned.get(name)
        if scanned is None:
            pattern, safe = rules.lookback[name]
            if safe:  # up to the last number: what the truncated searches would read
                spans = [found.span() for found in pattern.finditer(simplified, self.start, self.limit)]
                scanned = self._scanned[name] = (spans, [e for _, e in spans])
            else:
                scanned = self._scanned[name] = (None, None)  # type: ignore
        spans, ends = scanned  # type: ignore
        if spans is None or stop > self.limit:
            pattern = rules.lookback[name][0]
            return [found.span() for found in pattern.finditer(simplified, self.start, stop)]
        if not spans:
            return spans
        n = bisect_right(ends, stop)  # matches do not overlap: ends ascend
        if n < len(spans) and spans[n][0] < stop:  # the next match runs past `stop`
            pattern = rules.lookback[name][0]
            return spans[:n] + [found.span() for found in pattern.finditer(simplified, spans[n][0], stop)]
        return spans[:n]

    def compared(self, ci: int, simplified: str, rules: Rules) -> bool:
        """Whether clause `ci` or one of the two after it compares with last year (同比, 比上年 …)."""
        found = self._compared.get(ci)
        if found is None:
            stop = self.clauses[min(ci + 2, len(self.clauses) - 1)][1]
            found = self._compared[ci] = rules.comparison_re.search(simplified, self.clauses[ci][0], stop) is not None
        return found

    def clause_index(self, pos: int) -> int:
        for i, (cs, ce) in enumerate(self.clauses):
            if pos <= ce:
                return i
        return len(self.clauses) - 1


def _title_spans(clean: str, rules: Rules) -> list[tuple[int, int]]:
    """Where the titles in book-title marks stand in a sentence: their words name a
    document or an article (《…消除隐患…》2个案例), not what a number counts."""
    if rules.title_mark_re.search(clean) is None:  # no mark a title opens with
        return []
    return [tm.span() for tm in rules.title_re.finditer(clean)]


class Order:
    """Mentions in text order, to find neighbours without quadratic scans."""

    __slots__ = ("mentions", "order", "starts")

    def __init__(self, mentions, order):
        self.mentions = mentions
        self.order = order
        self.starts = [mentions[i].start for i in order]

    def between(self, start, end):
        lo = bisect_left(self.starts, start)
        hi = bisect_left(self.starts, end)
        return self.order[lo:hi]
