"""What each number measures: indicator code, subject, scope, cumulative, change_of.

A number's meaning is read from the words that govern it in its sentence: the
verb and noun phrase right before it (腾退|办公用房|4.2万平方米, 更新|公车|356辆),
found with jieba's POS tags on a short phrase, then the rest of its clause, the
words right after it (完成|83.9万人次|的三餐保障任务), and earlier clauses only
when its own clause has no verb. Cue words, units and vetoes per indicator live
in `rules/indicators.yaml`; scopes in `rules/scopes.yaml`. An indicator is set
only when a cue stands in the number's own clause (or governs it) and the unit
fits; 其中 breakdowns and 同比 changes take their meaning from the figure they
break down or compare.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

import re

import regex

from . import rulebook, segment
from .wordtrie import with_first_chars, words_pattern
from .model import Mention
from .normalize import simplify
from .sentences import sentence_of, split_sentences
from .units import unit_table


# simplified text is half-width; 、 joins list items; a comma between a digit and
# three more (3,620件次维修任务) separates thousands inside a number, not clauses
_CLAUSE_BREAK_RE = re.compile(r"[;:；：]|[,，](?:(?<!\d[,，])|(?!\d{3}(?!\d)))")
_LOCAL_SPAN = 10  # characters segmented before a number: enough for verb + noun phrase
_LIST_ITEM_END = re.compile(r" *、")
_BARE_NEXT_ITEM = re.compile(r" *、\s*[0-9０-９]")  # 、 then a number with no noun of its own
_NOUN_FLAGS = ("n", "vn", "b", "j", "l", "an", "ng", "nz", "eng")
_JOINERS = frozenset("、和及与()")
_CONTINUES = frozenset(";")  # a sentence ending so continues the same breakdown


# A pinyin gloss some repost sites put after a character: 萬(wàn)元. Cue words
# and segmentation read the text without them; offsets still point into it.
_GLOSS = regex.compile(
    r"(?<=\p{Han})\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)"
)


# what every gloss begins with; `re` finds it (or its absence) far faster than _GLOSS
_GLOSS_OPEN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]")


def _degloss(text: str, offset: int) -> tuple[str, list[int] | None]:
    """`text` without pinyin glosses, and the absolute offset of each kept character."""
    if "(" not in text or not _GLOSS_OPEN.search(text):
        return text, None
    glosses = list(_GLOSS.finditer(text))
    if not glosses:
        return text, None
    pieces, positions, cursor = [], [], 0
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
    clean, positions = _degloss(simplified[start:end], start)
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


class _Phrases:
    """`_tag` for one document, with the phrases every number reads (the words right
    before it and right after it) segmented up front in one call of the tagger
    (`segment.tag_many`): a call costs several times what a short phrase does."""

    __slots__ = ("simplified", "known")

    def __init__(self, simplified: str, spans: list[tuple[int, int]]):
        self.simplified = simplified
        known: dict[tuple[int, int], list[tuple[str, str, int, int]]] = {}
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


# --------------------------------------------------------------------------- rules


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


class _Rules:
    """The YAML rules compiled for matching."""

    def __init__(self, data: dict, scopes: list[str]):
        self.units: dict[str, frozenset] = {}
        self.vetoes: dict[str, tuple[str, ...]] = {}
        self.earlier_vetoes: dict[str, tuple[re.Pattern, re.Pattern]] = {}  # code -> (words, unless)
        self.alternatives: list[_Alternative] = []
        words: set[str] = set()
        canonical_kinds = unit_table().canonical_kinds
        self.kinds: dict[str, frozenset] = {}  # the kinds of number (count, area …) each indicator measures
        self.own_rates: dict[str, frozenset] = {}  # code -> its own rates that `other_rates` lists
        self.ways_of: dict[str, frozenset] = {}  # code -> verbs of a breakdown item naming a way of it
        self.served: dict[str, tuple] = {}  # code -> (veto words, serving verbs): `not_unless_served`
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
            # (`not_amount`: vetoes that spare a rate, filed under _amount(code))
            self.vetoes[_amount(code)] = tuple(spec.get("not_amount") or ())
            self.vetoes[_rate(code)] = tuple(spec.get("not_rate") or ())  # (`not_rate`: vetoes of a percent only)
            earlier = spec.get("not_earlier") or {}
            if earlier.get("words"):
                self.earlier_vetoes[code] = (words_pattern(earlier["words"]), words_pattern(earlier.get("unless") or ()))
            words.update(self.vetoes[code])
            words.update(self.vetoes[_amount(code)])
            words.update(self.vetoes[_rate(code)])
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
        # when that gives the same matches (see _Sentence.matches_before)
        self.lookback = {name: (scan, _prefix_safe(pattern)) for name, pattern, scan in
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
        for code, words in self.vetoes.items():
            for w in words:
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


def _amount(code: str) -> str:
    """The key of an indicator's vetoes that rule out money saved but not a fall (_a_fall):
    累计节约860万元 of a cost line is money saved, 节约燃油费6% a fall in that cost."""
    return code + "/amount"


def _rate(code: str) -> str:
    """The key of an indicator's vetoes that rule out a percent only (`not_rate`):
    节约电费41万元 is energy saved, 节约电费6% the bill's fall."""
    return code + "/rate"


def _a_fall(simplified, m, clause_start, rules) -> bool:
    """A rate (节约燃油费6%) or an amount against last year (较上年节约23万元) is a fall in
    what is measured, not money saved beside it."""
    return m.unit == "%" or rules.comparison_re.search(simplified, clause_start, m.start) is not None


def _prefix_safe(pattern: re.Pattern) -> bool:
    """Whether the matches of `pattern` in a prefix of a text are its matches there in the whole text."""
    return pattern.match("") is None and not _LOOKS_AHEAD.search(pattern.pattern)


def _split(group: str) -> list[str]:
    return [w.strip() for w in str(group).split("|") if w.strip()]


@lru_cache(maxsize=1)
def load_rules() -> _Rules:
    """Read rules/indicators.yaml and rules/scopes.yaml once per process."""
    data = rulebook.load("indicators")
    scopes = rulebook.load("scopes")["scopes"]
    return _Rules(data, scopes)


def indicator_codes() -> list[str]:
    """Every indicator code the rules define."""
    return list(load_rules().units)


# --------------------------------------------------------------------------- per sentence


class _Sentence:
    """One sentence with its clauses and cue hits (absolute offsets)."""

    __slots__ = ("start", "end", "limit", "clauses", "hits", "hit_starts", "hit_ends", "topics", "continues",
                 "_scanned", "_compared", "verbs", "respective", "headings")

    def __init__(self, simplified: str, start: int, end: int, rules: _Rules, limit: int):
        self.start, self.end = start, end
        self.limit = limit  # no number of the sentence starts after it
        text = simplified[start:end]
        clauses, cs = [], start
        for bm in _CLAUSE_BREAK_RE.finditer(text):
            clauses.append((cs, start + bm.start()))
            cs = start + bm.end()
        clauses.append((cs, end))
        self.clauses = clauses
        clean, positions = _degloss(text, start)
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
        # whether a 分别 word stands before its last number: no 分别 list (_respective_item) else
        self.respective = rules.respectively_re.search(simplified, start, limit) is not None

    def matches_before(self, rules: _Rules, name: str, simplified: str, stop: int) -> list[tuple[int, int]]:
        """Spans of `pattern.finditer(simplified, self.start, stop)` for the pattern
        `rules.lookback[name]`, from one scan of the sentence.

        Every number of a sentence looks back to the sentence start for scope
        and 累计/全年 words; scanning the sentence once (up to its last number)
        and keeping the matches that end by `stop` gives the same spans (a match
        that fails on the longer text fails on a prefix of it too) as long as the pattern cannot look
        past its match (_prefix_safe). A match that runs past `stop` is searched
        again on the prefix, as the truncated search would.
        """
        scanned = self._scanned.get(name)
        if scanned is None:
            pattern, safe = rules.lookback[name]
            if safe:  # up to the last number: what the truncated searches would read
                spans = [found.span() for found in pattern.finditer(simplified, self.start, self.limit)]
                scanned = self._scanned[name] = (spans, [e for _, e in spans])
            else:
                scanned = self._scanned[name] = (None, None)
        spans, ends = scanned
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

    def compared(self, ci: int, simplified: str, rules: _Rules) -> bool:
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


def _title_spans(clean: str, rules: _Rules) -> list[tuple[int, int]]:
    """Where the titles in book-title marks stand in a sentence: their words name a
    document or an article (《…消除隐患…》2个案例), not what a number counts."""
    if rules.title_mark_re.search(clean) is None:  # no mark a title opens with
        return []
    return [tm.span() for tm in rules.title_re.finditer(clean)]


class _Order:
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


@dataclass(slots=True)
class _Reading:
    """What the words around one number say."""

    indicator: str | None = None
    subject: tuple[int, int] | None = None
    strong: bool = False  # the indicator has a cue in the number's own clause
    verb: str | None = None  # the verb that governs the number
    bare: bool = False  # and no noun stands between them: 召开61场
    # indicators ruled out by a `not` word in the number's own clause: nothing
    # lends them (燃油车占比40% after 新能源汽车占比60% shares the verb, not the code)
    vetoed: frozenset[str] = frozenset()


# --------------------------------------------------------------------------- entry point


def assign_meaning(text: str, simplified: str, mentions: list[Mention]) -> None:
    """Fill indicator/subject/scope/cumulative/change_of on `mentions` in place."""
    if not mentions:
        return
    rules = load_rules()
    spans = None
    positions = [(m.start, m.end) for m in mentions]
    order = sorted(range(len(mentions)), key=positions.__getitem__)
    ctx = _Order(mentions, order)
    last_start: dict[tuple[int, int], int] = {}  # sentence -> start of its last number
    for index in order:
        m = mentions[index]
        if m.sentence_start is None or m.sentence_end is None:
            if spans is None:
                spans = split_sentences(simplified)
            span = sentence_of(spans, m.start) or (m.start, m.end)
            m.sentence_start, m.sentence_end = span
        last_start[(m.sentence_start, m.sentence_end)] = m.start
    # first where each number stands and the phrases it reads, so that they are
    # segmented together (_Phrases); then what each number means, in text order
    sentences: dict[tuple[int, int], _Sentence] = {}
    places = []  # per number in text order: (sentence, new sentence?, clause, where its phrase before starts, tail end)
    phrase_spans = []
    previous = None
    for index in order:
        m = mentions[index]
        key = (m.sentence_start, m.sentence_end)
        sent = sentences.get(key)
        new = sent is None
        if new:
            sent = sentences[key] = _Sentence(simplified, key[0], key[1], rules, last_start[key])
        ci = sent.clause_index(m.start)
        clause_start, clause_end = sent.clauses[ci]
        seg_start = _phrase_start(m, previous, clause_start)
        tail_end = _tail_end(simplified, m, clause_end)
        places.append((sent, new, ci, seg_start, tail_end))
        phrase_spans.append((seg_start, m.start))
        tail = _tail_span(simplified, m, tail_end)
        if tail is not None:
            phrase_spans.append(tail)
        previous = m
    phrases = _Phrases(simplified, phrase_spans)
    group_start = None  # start of the run of sentences joined by ';'
    last_group_start = None  # the run before it (a breakdown may open with 其中)
    previous_sentence = None
    previous = None  # the number before, in text order
    for index, (sent, new, ci, seg_start, tail_end) in zip(order, places):
        if new:
            if previous_sentence is None or not previous_sentence.continues:
                last_group_start, group_start = group_start, sent.start
            previous_sentence = sent
        groups = (group_start, last_group_start)
        _assign_one(text, simplified, mentions, index, previous, sent, groups, rules, ctx,
                    phrases, ci, seg_start, tail_end)
        previous = index


def _assign_one(text, simplified, mentions, index, previous, sent, groups, rules, ctx,
                phrases, ci, seg_start, tail_end) -> None:
    m = mentions[index]
    item = _respective_item(simplified, mentions, index, sent, ci, rules, ctx) if sent.respective else None
    reading = _read(simplified, m, sent, ci, rules, phrases, seg_start, tail_end, item)
    if item is not None and reading.indicator is None:
        # the items name places, the words they share the measure (一食堂、二食堂日均就餐分别为…)
        reading = _read(simplified, m, sent, ci, rules, phrases, seg_start, tail_end)
    parent = None
    if m.change:
        parent = _respective_parent(simplified, mentions, index, sent, rules, ctx)
        if parent is None:
            parent = _change_parent(simplified, mentions, index, previous, sent, rules)
    share = None
    if parent is not None:
        m.change_of = parent
    else:
        share = _share_parent(simplified, mentions, index, previous, sent, rules)
        parent = share if share is not None else _breakdown_parent(simplified, mentions, index, groups, ctx, rules)

    indicator = reading.indicator
    if indicator is None and reading.bare and not m.change:  # (a change verb, 下降7%, names no thing)
        indicator = sent.verbs.get((reading.verb, m.unit))
        if indicator in reading.vetoed:
            indicator = None
    subject = _span_text(text, reading.subject)
    if parent is not None:
        p = mentions[parent]
        if m.change_of is not None:
            # a change measures its figure: same indicator and subject
            indicator = p.indicator or indicator
            subject = p.subject or subject
        elif share is not None:
            # a share of its figure: the words after 占 name the whole, not what is counted
            indicator = p.indicator
            subject = p.subject or subject
        else:
            if indicator is None and p.indicator is not None:
                # a breakdown item in a unit its figure's indicator never has (其中…可容纳600人
                # under 总投资570万元) breaks down something else; a share (占总场次的30.4%) does not
                # (其中今年新购置32辆 under 现有公务用车240辆: its own verb rules the fleet out;
                # 其中成绩优秀46人 under trainees: a part by grade, `breakdown_not`)
                units = rules.units[p.indicator]
                # (其中…无偿调拨8300件 under 处置资产3.4万件: a way of disposing, `ways_of`)
                verb_vetoes = (rules.meaning_of(reading.verb)[2]
                               if reading.verb and reading.verb not in rules.ways_of[p.indicator] else ())
                if ((_unit_fits(m, units, units) or m.unit in (p.unit, "%")) and p.indicator not in verb_vetoes
                        and not _a_part_by_grade(simplified, m, sent, rules)):
                    indicator = p.indicator
            if subject is None or _norm(subject) in rules.scopes:
                subject = p.subject
    if parent is None and previous is not None and m.unit == "%":
        indicator = _saving_rate_of(simplified, mentions, index, previous, sent, rules) or indicator
    if indicator is not None and m.kind in ("percent", "percentage_point") and _other_rate(simplified, m, sent, ci,
                                                                                         rules, indicator):
        indicator = None
    if indicator is not None and (_criterion(simplified, m, sent.clauses[ci], rules, ctx)
                                  or _teams_or_touched(simplified, m, sent.clauses[ci][0], rules)):
        indicator = None
    m.indicator = indicator
    if indicator is not None and reading.verb is not None and not m.change:
        # 召开会议194场, 市人大召开61场: the same verb with its noun left out counts the same
        sent.verbs[(reading.verb, m.unit)] = indicator
    m.subject = subject
    m.scope = _scope(text, simplified, m, sent, rules)
    cumulative = _cumulative(simplified, m, sent, ci, rules)
    if cumulative is None and parent is not None:
        cumulative = mentions[parent].cumulative
    m.cumulative = cumulative


# --------------------------------------------------------------------------- indicator + subject


def _phrase_start(m, previous, clause_start) -> int:
    """Where the phrase read before a number starts: at most _LOCAL_SPAN back, in its
    clause, after the number before it (`previous`, in text order)."""
    prev_end = clause_start
    if previous is not None and clause_start <= previous.start and previous.end <= m.start:
        prev_end = previous.end
    return max(prev_end, m.start - _LOCAL_SPAN, clause_start)


def _tail_end(simplified, m, clause_end) -> int:
    """Where the words after the number end: the clause end; the number's own end when a
    list item ends with it (腾退…1200平方米、出租房屋5处: 出租 is the next item's, not this number's),
    unless the next item is a bare number sharing the noun after it (共622处、490万平方米房产普查)."""
    if _LIST_ITEM_END.match(simplified, m.end, clause_end) is None:
        return clause_end
    return clause_end if _BARE_NEXT_ITEM.match(simplified, m.end, clause_end) else m.end


def _read(simplified, m, sent, ci, rules, phrases, seg_start, tail_end, item=None) -> _Reading:
    """What the words around number `m` say; `seg_start` and `tail_end` from
    _phrase_start and _tail_end, `phrases` segments (a _Phrases); `item` from
    _respective_item."""
    m_start, m_end = m.start, m.end
    clause_start, clause_end = sent.clauses[ci]
    tag = phrases.tag

    # the governing phrase: verb + noun phrase right before the number
    tags = tag(seg_start, m_start)
    np_span, verb_span, topic_span = _govern(tags, rules)
    if np_span is None:
        govern_start = m_start if verb_span is None else verb_span[0]
    else:
        govern_start = np_span[0] if verb_span is None else min(np_span[0], verb_span[0])

    # the window the cues are read from: own clause, earlier clauses if it has no verb
    # (a verbless clause — 独立办公场所5处, 共60余平方米 — continues the one before it)
    # (a clause after a colon is governed by the one before it); the first
    # clause and a 其中 clause read only themselves, so they need no verb test
    # The earlier clause counts only through its cue hits: when no hit ends in it, both
    # windows hold the same hits and the verb and noun tests (more segmentation) are skipped.
    hit_ends = sent.hit_ends
    lo = bisect_right(hit_ends, clause_start)
    if (ci > 0 and lo and hit_ends[lo - 1] > sent.clauses[ci - 1][0]
            and not simplified[clause_start:m_start].lstrip().startswith("其中")):
        after_colon = clause_start > 0 and _heading_before(simplified, clause_start, rules)
        if after_colon:
            sent.headings[ci] = ci - 1
            lo = bisect_right(hit_ends, sent.clauses[ci - 1][0])  # the window opens with that clause
        elif (rules.outturn_re.match(simplified, clause_start) is not None
                or not _clause_has_verb(tag, tags, seg_start, clause_start, rules)
                or not _clause_has_noun(tag, tags, seg_start, clause_start, m, clause_end)):
            # (预算86万元,实际支出79.2万元: an outturn clause continues the one before too)
            # (a list item after one a colon heading governs is governed by that heading:
            # 采购项目:货物类86项,服务类42项,工程类18项)
            heading = sent.headings.get(ci - 1, ci - 1)
            if heading != ci - 1:
                sent.headings[ci] = heading
            lo = bisect_right(hit_ends, sent.clauses[heading][0])  # the window opens with that clause
    elif ci > 1 and _under_colon_heading(simplified, sent, ci, hit_ends, lo):
        # 食堂就餐:日均1800人次,全年46万人次: the heading before a colon governs the
        # verbless clauses after it, not only the first
        if not _clause_has_verb(tag, tags, seg_start, clause_start, rules):
            sent.headings[ci] = ci - 2
            lo = bisect_right(hit_ends, sent.clauses[ci - 2][0])
    elif (ci > 2 and ci - 1 in sent.headings and not simplified.startswith("其中", clause_start)
          and not _clause_has_verb(tag, tags, seg_start, clause_start, rules)):
        # a later verbless item of that list (a 其中 clause breaks a figure down: no item)
        sent.headings[ci] = heading = sent.headings[ci - 1]
        lo = bisect_right(hit_ends, sent.clauses[heading][0])

    # score each alternative: best weight per cue group
    best: dict[tuple[int, int], tuple[int, int]] = {}
    found: dict[int, int] = {}  # alternative -> how many of its groups have a cue
    vetoed: set[str] = set()
    lent_vetoes: set[str] = set()  # from the clause a verbless one continues
    own_hits = []  # the cue hits among the number's own words (weight 3) and its verb's subject: see own_words
    hi = bisect_left(sent.hit_starts, tail_end)
    # (a phrase that opens with neither a space nor 、 is no list item of its own)
    item_start = (_own_list_item(simplified, seg_start, m_start, tags, rules)
                  if seg_start < m_start and simplified[seg_start] in " 、" else -1)
    for hs, he, groups, vetoes in sent.hits[lo:hi]:
        if hs < m_end and he > m_start:
            weight = 3  # in the number itself (车次, 人次 …)
        elif hs >= m_end:
            weight = 2  # after the number, in its clause
        elif he > govern_start and hs < m_start:
            weight = 3
        elif he > clause_start:
            weight = 2  # own clause
        else:
            weight = 1.5  # the clause a verbless one continues
        if item is not None and item[0] <= hs and he <= item[1]:  # in a 分别 list
            if not (item[2] <= hs and he <= item[3]):
                score = (1, -abs(m_start - he))  # another item's words: context, never the meaning
                for key in groups:
                    if key not in best:
                        found[key[0]] = found.get(key[0], 0) + 1
                        best[key] = score
                continue
            weight = 3  # the item this number measures
        if vetoes and he > item_start:  # (an earlier list item's verb is not this one's)
            if weight >= 2:
                vetoed.update(_unless_served(simplified, hs, he, clause_start, vetoes, rules))
            else:
                lent_vetoes.update(vetoes)
        score = (weight, -(abs(m_start - he) if he <= m_start else abs(hs - m_end)))  # nearer is better
        if groups and (weight == 3 or (topic_span is not None and topic_span[0] <= hs and he <= topic_span[1])):
            own_hits.append((hs, he, groups))  # (and the subject of a verb: 能耗|下降5.2%)
        for key in groups:
            old = best.get(key)
            if old is None:
                found[key[0]] = found.get(key[0], 0) + 1
                best[key] = score
            elif score > old:
                best[key] = score

    choice, choice_score = None, None
    alternatives = rules.alternatives
    # a number its verb governs with no noun between but a generic measure (投入资金约860万元)
    bare_number = verb_span is not None and (np_span is None
                                             or simplified[np_span[0]:np_span[1]] in rules.generic_measures)
    # alternatives with a cue among the number's own words, not a generic measure: only
    # a lent veto asks (then the hits that gave them are searched, once)
    own_words = {key[0] for hs, he, groups in own_hits if simplified[hs:he] not in rules.generic_measures
                 for key in groups} if lent_vetoes else ()
    after_codes = None  # indicators with a cue after the number in its clause: asked of `bare` alternatives only
    own_codes = None  # indicators the number's own clause names: asked when only an earlier clause names it
    own_words_codes = None  # the same, without the sentence's topics: asked when one cue stands only there
    counts_organisations = m.unit in rules.organisation_units and rules.organisations_re.match(simplified, m_end)
    # only alternatives with a cue for every group can be chosen
    sizes, group_keys = rules.sizes, rules.group_keys
    for ai in sorted([ai for ai, n in found.items() if n == sizes[ai]]):
        alt = alternatives[ai]
        if alt.indicator in vetoed or (_amount(alt.indicator) in vetoed
                                       and not _a_fall(simplified, m, clause_start, rules)) or (
                m.unit == "%" and _rate(alt.indicator) in vetoed):
            continue
        if alt.indicator in rules.earlier_vetoes and _vetoed_earlier(simplified, sent.start, clause_start,
                                                                   m_start, rules.earlier_vetoes[alt.indicator]):
            vetoed.add(alt.indicator)
            continue
        if alt.topic is not None and ai not in sent.topics:
            continue
        if alt.bare and not bare_number:
            continue
        weight = closeness = top = 0
        low = 3
        for key in group_keys[ai]:
            w, c = best[key]
            weight += w
            closeness += c
            top = max(top, w)
            low = min(low, w)
        if top < 1.5:
            continue  # nothing in the clause that governs the number says what it is
        if top < 2:  # only the clause before names it: unless its own words name something else
            if own_codes is None:
                own_codes = _own_clause_codes(best, found, rules, sent.topics, m.kind)
            if own_codes - {alt.indicator}:
                continue  # (出车8600车次,驾驶员培训2次: the training is counted, not trips)
        elif low < 2 and m.unit != "%":
            # one of its cues only in the clause before (推进节约能源资源工作,能源消费总量5.26万吨
            # 标准煤): it yields to an indicator the number's own clause names by words alone, not
            # through a topic of the sentence (节能改造…,总投资2680万元 stays the works' money). A
            # percent's own words may name the whole it is a share of (分别占能源资源消耗总量的4.8%).
            if own_words_codes is None:
                own_words_codes = _own_clause_codes(best, found, rules, (), m.kind)
            if own_words_codes - {alt.indicator}:
                continue
        if alt.bare:
            if top < 3:
                continue  # its verb must govern the number, and no other cue follow it (投入资金12万元开展培训)
            if after_codes is None:  # the window's hits after the number (hits ascend; none is a 分别 item)
                after_codes = {alternatives[key[0]].indicator
                               for _, _, groups, _ in sent.hits[bisect_left(sent.hit_starts, m_end, lo, hi):hi]
                               for key in groups}
            if after_codes - {alt.indicator}:
                continue
        if alt.indicator in lent_vetoes and ai not in own_words:
            # a veto lent by the clause before yields only to the number's own words, and not
            # to a generic measure (对外墙进行清洗,面积1.8万平方米: 面积 is not what says stock)
            continue
        if not (_unit_fits(m, alt.fit_units, alt.all_units)
                or _change_of_named_count(m, simplified[clause_start:m_start], alt.fit_units,
                                          "count" in rules.kinds[alt.indicator] and rules.counted_by_re)):
            continue
        if counts_organisations and alt.indicator not in rules.counts_organisations:
            continue
        score = (weight, len(alt.near), closeness)
        if choice_score is None or score > choice_score:
            choice, choice_score = alt.indicator, score

    subject = _clean_subject(simplified, np_span, rules)
    if subject is None:
        subject = _tail_subject(tag, simplified, m, tail_end)
    if subject is None:
        subject = topic_span or (None if m.change else verb_span)
    verb = simplified[verb_span[0]:verb_span[1]] if verb_span is not None else None
    bare = verb is not None and np_span is None
    return _Reading(choice, subject, choice is not None, verb, bare, frozenset(vetoed))


def _unless_served(simplified, hs, he, clause_start, vetoes, rules) -> frozenset:
    """The vetoes of the hit at hs:he, less those a serving verb before it in the clause
    lifts (保障市政府常务会、专题会等会议96次: meetings served, not the agency's own)."""
    for code, (words, verbs) in rules.served.items():
        if code in vetoes and any(w in simplified[hs:he] for w in words) and verbs.search(simplified, clause_start, hs):
            vetoes = vetoes - {code}
    return vetoes


def _own_clause_codes(best, found, rules, topics, kind) -> set[str]:
    """The indicators whose cue words (every group, and the topic) stand in a number's own
    clause (weight 2 or more in `best`) and that measure its kind (a count, an area …),
    whatever the unit (money only through an alternative that counts it); not `bare`
    ones, which need their verb."""
    codes = set()
    for ai, n in found.items():
        alt = rules.alternatives[ai]
        if (n == rules.sizes[ai] and not alt.bare and (alt.topic is None or ai in topics)
                and kind in rules.kinds[alt.indicator] and (kind != "money" or rules.alt_money[ai])
                and all(best[key][0] >= 2 for key in rules.group_keys[ai])):
            codes.add(alt.indicator)
    return codes


def _heading_before(simplified, clause_start, rules) -> bool:
    """Whether the clause before `clause_start` is a list heading: it ends with a colon,
    or with 中 or 方面 before a comma (保留车辆中,执法执勤用车412辆…; 节约型机关创建方面,
    全市已创建486家: `list_headings`)."""
    if simplified[clause_start - 1] == ":":
        return True
    return clause_start > 2 and rules.among_re.search(simplified, clause_start - 3, clause_start) is not None


def _under_colon_heading(simplified, sent, ci, hit_ends, lo) -> bool:
    """Whether clause `ci` follows a cue-less clause that opens after a colon, and the
    clause before that colon (the heading) has cue words."""
    prev_start = sent.clauses[ci - 1][0]
    if prev_start == 0 or simplified[prev_start - 1] != ":":
        return False
    if lo and hit_ends[lo - 1] > prev_start:
        return False  # the clause after the colon has cue words of its own
    return bool(lo) and hit_ends[lo - 1] > sent.clauses[ci - 2][0]


def _respective_item(simplified, mentions, index, sent, ci, rules, ctx):
    """会议、培训、接待分别为860场、42期、136批次 (就餐人次和会议场次分别增长8.5%和6.2%):
    the i-th number after 分别 measures the i-th item of the list before it. Returns
    (list start, list end, item start, item end) when the items and the numbers (changes
    or not, as this one) agree in count, else None."""
    m = mentions[index]
    clause_start, clause_end = sent.clauses[ci]
    word = None
    for word in rules.respectively_re.finditer(simplified, clause_start, m.start):
        pass
    if word is None:
        return None
    if ctx.between(clause_start, word.start()):
        return None  # numbers in the list: it lists figures, not names
    figures = [j for j in ctx.between(word.end(), clause_end) if bool(mentions[j].change) == bool(m.change)]
    cuts = [clause_start] + [c.end() for c in rules.list_joins_re.finditer(simplified, clause_start, word.start())]
    if len(cuts) < 2 or len(cuts) != len(figures) or index not in figures:
        return None
    i = figures.index(index)
    item_end = cuts[i + 1] - 1 if i + 1 < len(cuts) else word.start()
    return (clause_start, word.start(), cuts[i], item_end)



def _own_list_item(simplified, seg_start, m_start, tags, rules) -> int:
    """Where the list item of a number with its own verb begins (取消公车800辆、保留200辆:
    保留 governs 200辆, 取消 does not veto it), else -1. The words before still lend cues."""
    item = simplified[seg_start:m_start]
    if item.lstrip(" ").startswith("、") and _has_verb(tags, rules):
        return seg_start
    return -1


def _vetoed_earlier(simplified, sentence_start, window_start, m_start, patterns) -> bool:
    """Whether a change word earlier in the sentence (调剂…, 共解决…, 总建筑面积达5200平方米)
    governs the number: the last one before its window, with no word that names
    a holding again (现有, 共有) between it and the number."""
    words, unless = patterns
    last = None
    for last in words.finditer(simplified, sentence_start, window_start):
        pass
    if last is None:
        return False
    return unless.search(simplified, last.end(), m_start) is None


def _clause_has_verb(tag, tags, seg_start, clause_start, rules) -> bool:
    """Whether a verb stands before the number in its clause (`tags`: the words right
    before it, from `seg_start`); looks up to 2 * _LOCAL_SPAN further back if not."""
    if _has_verb(tags, rules):
        return True
    if seg_start > clause_start:
        return _has_verb(tag(max(clause_start, seg_start - 2 * _LOCAL_SPAN), seg_start), rules)
    return False


def _clause_has_noun(tag, tags, seg_start, clause_start, m, clause_end) -> bool:
    """Whether a noun stands in the number's clause. A clause with a verb but no noun
    (较2015年分别下降36.91%、19.00%和38.04%) has left what it measures in the clause
    before it; a noun after the number (投入17万元安装充电桩) keeps the clause to itself."""
    if m.start - clause_start > 3 * _LOCAL_SPAN:
        return True  # a long clause names something
    if any(flag.startswith(_NOUN_FLAGS) and not _has_digit(word) for word, flag, _, _ in tags):
        return True  # the words right before the number (already segmented) name it
    if seg_start > clause_start:  # segment the clause whole: a cut mid-word (20|15年) misleads jieba
        tags = tag(clause_start, m.start)
    tags = tags + tag(m.end, min(clause_end, m.end + 3 * _LOCAL_SPAN))
    return any(flag.startswith(_NOUN_FLAGS) and not _has_digit(word) for word, flag, _, _ in tags)


def _govern(tags, rules):
    """Noun phrase and verb that govern a number, from the tagged words before it.

    Returns (noun phrase span, verb span, noun phrase before that verb).
    更新|公车|356辆 → 公车, 更新; 会议室|使用|44次 → None, 使用, topic 会议室.
    """
    i = len(tags) - 1
    while i >= 0 and (tags[i][0].isspace() or tags[i][0] in rules.qualifiers or tags[i][1] == "d"):
        i -= 1
    np_span, i = _noun_phrase(tags, i)
    verb_span = None
    j = i
    while j >= 0:
        word, flag, ws, we = tags[j]
        if flag.startswith("v") and word not in rules.qualifiers:
            verb_span = (ws, we)
            break
        if flag == "x" or word in _JOINERS:
            break  # a list item's own words end at 、 or a bracket
        j -= 1
    topic_span = None
    if verb_span is not None and np_span is None:
        topic_span, _ = _noun_phrase(tags, j - 1)
    return np_span, verb_span, topic_span


def _has_verb(tags, rules) -> bool:
    """Whether a verb stands in the tagged words, counting back to the last 、 or bracket."""
    for word, flag, _, _ in reversed(tags):
        if flag == "x" or word in _JOINERS:
            return False
        if flag.startswith("v") and flag != "vn" and word not in rules.qualifiers:
            return True
    return False


def _noun_phrase(tags, i):
    """The run of nouns (joined by 、和及与) ending at tags[i]; returns (span or None, index before it)."""
    np_end = np_start = None
    while i >= 0:
        word, flag, ws, we = tags[i]
        if flag.startswith(_NOUN_FLAGS) and not _has_digit(word):
            if np_end is None:
                np_end = we
            np_start = ws
        elif word in _JOINERS and np_end is not None and i > 0 and tags[i - 1][1].startswith(_NOUN_FLAGS):
            pass
        elif word in "()":
            pass
        else:
            break
        i -= 1
    return ((np_start, np_end) if np_end is not None else None), i


def _has_digit(word: str) -> bool:
    # letters are never digits: most words (Chinese) answer on the fast path
    return not word.isalpha() and any(c.isdigit() for c in word)


def _clean_subject(simplified, span, rules):
    """A noun phrase without the scope before it (全市|公车) or a generic head after it (办公用房|总面积)."""
    if span is None:
        return None
    start, end = span
    for sm in rules.scope_re.finditer(simplified, max(0, start - 6), end):
        if sm.start() <= start < sm.end():  # 县直|部门: the scope began before the phrase
            start = min(sm.end(), end)
    while start < end:
        sm = rules.scope_re.match(simplified, start, end)
        if sm is None:
            break
        start = sm.end()
        while start < end and simplified[start] in "、和及与()":
            start += 1
    while start < end and simplified[start] in "()、":
        start += 1
    while end > start and simplified[end - 1] in "(、":
        end -= 1
    if simplified.endswith(rules.strip_tail, start, end):
        for tail in rules.strip_tail:
            if simplified.endswith(tail, start, end) and end - len(tail) > start:
                end -= len(tail)
                break
    return (start, end) if end > start else None


def _tail_span(simplified, m, tail_end) -> tuple[int, int] | None:
    """The words after the number a subject may be read from (_tail_subject), if any."""
    start = m.end
    if start < tail_end and simplified[start] == "的":
        start += 1
    elif m.kind not in ("count", None):
        return None
    stop = min(tail_end, start + _LOCAL_SPAN)
    return (start, stop) if stop > start else None


def _tail_subject(tag, simplified, m, tail_end):
    """The noun phrase after the number: 83.9万人次的三餐保障任务, 22个公共机构."""
    span = _tail_span(simplified, m, tail_end)
    if span is None:
        return None
    start, stop = span
    end = None
    for word, flag, ws, we in tag(start, stop):
        if flag.startswith(_NOUN_FLAGS) and not _has_digit(word):
            end = we
        elif word in _JOINERS and end is not None:
            continue
        else:
            break
    if end is None:
        return None
    return (start, end)


def _change_of_named_count(m: Mention, before: str, units: frozenset, counted_by=None) -> bool:
    """Whether a percent change measures a count its clause names by its unit
    (接待批次同比下降31.5%, 出车次数增长8%): a two-character unit or unit + 数; or, for
    an indicator that counts, by a word for a count (`counted_by`: 会议数量较上年减少15%)."""
    if not m.change or m.unit != "%":
        return False
    if counted_by and counted_by.search(before):
        return True
    return any(u and ((len(u) > 1 and u in before) or u + "数" in before) for u in units)


def _unit_fits(m: Mention, units: frozenset, all_units: frozenset) -> bool:
    unit = m.unit
    if unit is None:
        return m.kind in (None, "count") and None in all_units
    if unit in units or (m.kind and m.kind in units):
        return True
    if "/" in unit:
        return "ratio" in units or unit.split("/")[0] in units
    if m.kind == "percentage_point":
        return "%" in units
    return False


def _span_text(text: str, span) -> str | None:
    if span is None:
        return None
    return text[span[0] : span[1]] or None


def _norm(subject: str) -> str:
    return simplify(subject)


# --------------------------------------------------------------------------- links


def _change_parent(simplified, mentions, index, best, sent, rules) -> int | None:
    """The figure a change (同比增长10.55%) measures: the one just before it. After a
    change in a count (比上年减少38场,下降8.4%) the rate measures that count's figure,
    or the change itself when the sentence has no figure it changes."""
    m = mentions[index]
    if not m.change or best is None:
        return None
    p = mentions[best]
    if p.start < sent.start or p.end > m.start:
        return None
    if p.change:
        if p.change != m.change or p.kind in ("percent", "percentage_point") or m.unit != "%":
            return None  # (两项变化: 下降5%,降幅3%; 减少38场,增长8% says something else)
        target = best if p.change_of is None else p.change_of
    else:
        target = best
    between = simplified[p.end : m.start]
    if len(between) > rules.link_gap:
        return None
    if not (rules.link_verbs_re.search(between) or rules.link_compare_re.search(between)):
        return None
    rest = rules.link_strip_re.sub("", between)
    if rest and not _repeats_figure(simplified, p, sent, rest, rules):
        return None  # something else is named in between
    return target


def _repeats_figure(simplified, p, sent, rest, rules) -> bool:
    """Whether `rest`, the words left between a figure and its change, name the former
    level of the figure's own measure (年租金收入186万元,较原租金提高23%: 原租金 is that
    rent before). Without 原 a noun names another measure (接待费用 after 接待320批)."""
    if not rules.link_former or not rest.startswith(rules.link_former):
        return False
    word = rest[len(rules.link_former):]
    start = sent.clauses[sent.clause_index(p.start)][0]
    return len(word) >= 2 and word in simplified[start:p.start]


def _a_part_by_grade(simplified, m, sent, rules) -> bool:
    """Whether a 其中 item's clause names a grade or kind of what its figure counts before
    it (其中成绩优秀46人, 其中授予中小企业合同金额…: `breakdown_not`): a part, not the measure."""
    clause_start = sent.clauses[sent.clause_index(m.start)][0]
    return rules.breakdown_not_re.search(simplified, clause_start, m.start) is not None


def _other_rate(simplified, m, sent, ci, rules, indicator) -> bool:
    """Whether a percent's own clause names a rate of how well something was done
    (办结率, 完成率: `other_rates`) before it: that rate is what it measures. A rate
    of the indicator's own activity (`own_rates`: 达标率 of model units) is not one."""
    own = rules.own_rates[indicator]
    return any(rate.group() not in own
               for rate in rules.other_rates_re.finditer(simplified, sent.clauses[ci][0], m.start))


def _criterion(simplified, m, clause, rules, ctx) -> bool:
    """Whether number `m` is a threshold in a relative clause (对…行驶里程超过50万公里的
    18辆车辆进行报废): a criterion for choosing the things counted, not a measure; or a
    bound set (_a_bound)."""
    after = rules.criterion_after.match(simplified, m.end)
    clause_start, clause_end = clause
    if after is not None:
        before = simplified[clause_start:m.start].rstrip()
        words = rules.criterion_before + (rules.criterion_bounded if after.group("bound") else ())
        # the noun after 的 is counted by a later number, or the clause is a 对…进行 frame,
        # or the threshold is set per item (单项采购金额超过200万元的项目须报批)
        if before.endswith(words) and (ctx.between(after.end(), clause_end) or rules.criterion_frame in before
                                       or any(w in before for w in rules.criterion_per_item)):
            return True
        # a bound then what a rule lets or makes happen (金额在5万元以下的可自行采购)
        if after.group("bound") and simplified.startswith(rules.criterion_rules, after.end()):
            return True
    if rules.price_re.search(simplified, clause_start, m.start) is not None:
        return True  # a price or a norm per unit (单价为每小时80元), no measure of what was done
    return _a_bound(simplified, m, clause, rules, ctx)


def _teams_or_touched(simplified, m, clause_start, rules) -> bool:
    """Whether number `m` counts the teams sent (成立5个督查组) or the organisations a change
    touched (调整涉及13个部门): neither is what the work counted (`counted_organisations`)."""
    if rules.teams_re.match(simplified, m.end):
        return True
    return (m.unit in rules.organisation_units and rules.organisations_re.match(simplified, m.end) is not None
            and rules.touched_re.search(simplified, clause_start, m.start) is not None)


def _a_bound(simplified, m, clause, rules, ctx) -> bool:
    """Whether number `m`, with 以上/以下/以内 after it, is a bound set, not a measure: a cap
    (控制在…18万平方米以内), a threshold per item (单项投资30万元以下的…), or a size class
    whose things a later number counts (其中100万元以上项目3个; `criterion` in the rules)."""
    bound = rules.bound_after.match(simplified, m.end)
    if bound is None:
        return False
    clause_start, clause_end = clause
    before = simplified[clause_start:m.start]
    if any(w in before for w in rules.criterion_caps) or any(w in before for w in rules.criterion_per_item):
        return True
    # a noun right after the bound, then the number that counts it, no list break between
    later = ctx.between(bound.end(), clause_end)
    if not later:
        return False
    noun = simplified[bound.end():ctx.mentions[later[0]].start]
    return bool(noun) and not any(c in "、,;:。 " for c in noun)


def _share_parent(simplified, mentions, index, best, sent, rules) -> int | None:
    """The figure a share written right after it (…19台,占新增车辆的82.6%) is a share of."""
    m = mentions[index]
    if m.unit != "%" or m.change or best is None:
        return None
    p = mentions[best]
    if p.start < sent.start or p.end > m.start or p.unit == "%" or p.change:
        return None
    return best if rules.share_re.match(simplified, p.end, m.start) else None


def _saving_rate_of(simplified, mentions, index, best, sent, rules) -> str | None:
    """The cost line (`saving_rate_link`) of the money figure a saving rate written right
    after it (…实际支出31.2万元,节支率17.9%) measures the fall of, else None."""
    m, p = mentions[index], mentions[best]
    if p.indicator not in rules.saving_rate_lines or p.unit != "元" or p.start < sent.start:
        return None
    return p.indicator if rules.saving_rate_re.match(simplified, p.end, m.start) else None


def _respective_parent(simplified, mentions, index, sent, rules, ctx) -> int | None:
    """会议320场、参会2.1万人次,分别同比增长12%和8%: the i-th change of a 分别 list
    measures the i-th figure before it in the sentence (when the counts agree)."""
    m = mentions[index]
    word = rules.respectively_re.search(simplified, sent.start, m.start)
    if word is None:
        return None
    while (later := rules.respectively_re.search(simplified, word.end(), m.start)) is not None:
        word = later
    list_end = _CLAUSE_BREAK_RE.search(simplified, word.end(), sent.end)
    list_end = list_end.start() if list_end else sent.end
    changes = [j for j in ctx.between(word.end(), list_end) if mentions[j].change]
    figures = [j for j in ctx.between(sent.start, word.start()) if not mentions[j].change]
    if len(changes) != len(figures):
        figures = _respective_figures(simplified, mentions, figures, sent.start, word.start(), rules)
    if len(changes) < 2 or len(changes) != len(figures) or index not in changes:
        return None
    between = simplified[mentions[figures[-1]].end : word.start()]
    if "、" in between or len(between) > rules.link_gap:
        return None  # 255万吨…,人均能耗、人均用水量…分别下降: the list names other things
    return figures[changes.index(index)]


def _respective_figures(simplified, mentions, figures, start, stop, rules) -> list[int]:
    """The figures an earlier 分别 lists (两个食堂分别保障就餐16.4万人次和12.8万人次,分别增长…):
    those after it, not a count before it that names the places (两个食堂)."""
    first = rules.respectively_re.search(simplified, start, stop)
    if first is None:
        return figures
    return [j for j in figures if mentions[j].start >= first.end()]


def _breakdown_parent(simplified, mentions, index, groups, ctx, rules) -> int | None:
    """The figure a 其中 breakdown item belongs to (4.2万平方米, 其中…2.3万平方米).

    The breakdown runs to the end of the sentence, across ';'; a sentence that
    opens with 其中 breaks down the figures of the sentence before it.
    """
    m = mentions[index]
    group_start, last_group_start = groups
    q = simplified.rfind("其中", group_start, m.start)
    colon = simplified.rfind(":", max(q, group_start), m.start)
    if colon > 0 and rules.breakdown_colon_re.search(simplified, max(q, group_start), colon) is not None:
        q = colon  # 共处置公务用车104辆,分别为:…: the list breaks that figure down
    if q < 0:
        return None
    before = [j for j in ctx.between(group_start, q) if mentions[j].end <= q]
    if not before and last_group_start is not None and not simplified[group_start:q].strip("(（:： "):
        before = [j for j in ctx.between(last_group_start, q) if mentions[j].end <= q]
    if not before:
        return None
    same_unit = [j for j in before if mentions[j].unit == m.unit and mentions[j].kind == m.kind]
    pool = same_unit or [j for j in before if mentions[j].kind == m.kind] or before
    return max(pool, key=lambda j: mentions[j].end)


# --------------------------------------------------------------------------- scope, cumulative


def _scope(text, simplified, m, sent, rules) -> str | None:
    """The nearest scope word before the number in its sentence, as written."""
    spans = sent.matches_before(rules, "scope", simplified, m.start)
    return text[spans[-1][0] : spans[-1][1]] if spans else None


def _cumulative(simplified, m, sent, ci, rules) -> bool | None:
    """Running total (累计, 截至, 以来 …) or a figure for the reporting period (全年, 今年 …)."""
    running = [(rs, rend) for rs, rend in sent.matches_before(rules, "running", simplified, m.start)
               if simplified.find("分别", rend, m.start) < 0]  # 2015年至2017年…分别为: one per year
    last_running = running[-1][1] if running else -1
    last_period = -1
    for ps, pe in sent.matches_before(rules, "period", simplified, m.start):
        if not any(rs <= ps and pe <= rend for rs, rend in running):  # 截至今年8月
            last_period = pe
    if last_running >= 0 or last_period >= 0:
        return last_running > last_period
    # a comparison with last year in the clause or the two after it: a period figure
    return False if sent.compared(ci, simplified, rules) else None
