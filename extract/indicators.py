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

from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex
import yaml

from . import segment
from .model import Mention
from .normalize import simplify
from .sentences import sentence_of, split_sentences

_RULES_DIR = Path(__file__).resolve().parent.parent / "rules"

_CLAUSE_BREAKS = frozenset(",;:，；：")  # simplified text is half-width; 、 joins list items
_LOCAL_SPAN = 12  # characters segmented before a number: enough for verb + noun phrase
_NOUN_FLAGS = ("n", "vn", "b", "j", "l", "an", "ng", "nz", "eng")
_JOINERS = frozenset("、和及与()")
_CONTINUES = frozenset(";")  # a sentence ending so continues the same breakdown


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True, slots=True)
class _Alternative:
    indicator: str
    near: tuple[tuple[str, ...], ...]
    topic: tuple[str, ...] | None
    units: frozenset | None


class _Rules:
    """The YAML rules compiled for matching."""

    def __init__(self, data: dict, scopes: list[str]):
        self.units: dict[str, frozenset] = {}
        self.vetoes: dict[str, tuple[str, ...]] = {}
        self.alternatives: list[_Alternative] = []
        words: set[str] = set()
        for code, spec in data["indicators"].items():
            self.units[code] = frozenset(spec.get("units") or ())
            self.vetoes[code] = tuple(spec.get("not") or ())
            words.update(self.vetoes[code])
            for alt in spec.get("cues") or ():
                near = tuple(tuple(_split(g)) for g in alt.get("near") or ())
                topic = tuple(_split(alt["topic"])) if alt.get("topic") else None
                units = frozenset(alt["units"]) if alt.get("units") else None
                self.alternatives.append(_Alternative(code, near, topic, units))
                for group in near:
                    words.update(group)
                words.update(topic or ())
        self.cue_re = _alternation(words)
        self._meaning: dict[str, tuple] = {}

        cum = data.get("cumulative") or {}
        self.running_re = _alternation(cum.get("running") or ())
        self.period_re = _alternation(cum.get("period") or ())
        self.comparison_re = _alternation(cum.get("period_comparison") or ())

        link = data.get("change_link") or {}
        self.link_gap = int(link.get("max_gap", 24))
        self.link_verbs_re = _alternation(link.get("verbs") or ())
        self.link_compare_re = _alternation(link.get("compare") or ())
        removable = [*(link.get("compare") or ()), *(link.get("verbs") or ()),
                     *(link.get("measures") or ()), *(link.get("filler") or ())]
        self.link_strip_re = regex.compile(
            r"\d{4}|[\s,;:、]|" + "|".join(regex.escape(w) for w in sorted(set(removable), key=len, reverse=True))
        )

        subj = data.get("subject") or {}
        self.qualifiers = frozenset(subj.get("qualifiers") or ())
        self.strip_tail = tuple(sorted(subj.get("strip_tail") or (), key=len, reverse=True))
        self.scope_re = _alternation(scopes)
        self.scopes = frozenset(scopes)

    def meaning_of(self, hit: str) -> tuple:
        """(alternative index, group index) pairs a cue hit satisfies (-1 = topic), and the vetoes it raises."""
        found = self._meaning.get(hit)
        if found is None:
            groups = []
            for ai, alt in enumerate(self.alternatives):
                for gi, group in enumerate(alt.near):
                    if any(w in hit for w in group):
                        groups.append((ai, gi))
                if alt.topic and any(w in hit for w in alt.topic):
                    groups.append((ai, -1))
            vetoed = frozenset(code for code, words in self.vetoes.items() if any(w in hit for w in words))
            found = self._meaning[hit] = (tuple(groups), vetoed)
        return found


def _split(group: str) -> list[str]:
    return [w.strip() for w in str(group).split("|") if w.strip()]


def _alternation(words) -> regex.Pattern:
    words = sorted({w for w in words if w}, key=len, reverse=True)
    if not words:
        return regex.compile(r"(?!)")
    return regex.compile("|".join(regex.escape(w) for w in words))


@lru_cache(maxsize=1)
def load_rules() -> _Rules:
    """Read rules/indicators.yaml and rules/scopes.yaml once per process."""
    data = yaml.safe_load((_RULES_DIR / "indicators.yaml").read_text(encoding="utf-8"))
    scopes = yaml.safe_load((_RULES_DIR / "scopes.yaml").read_text(encoding="utf-8"))["scopes"]
    return _Rules(data, scopes)


def indicator_codes() -> list[str]:
    """Every indicator code the rules define."""
    return list(load_rules().units)


# --------------------------------------------------------------------------- per sentence


class _Sentence:
    """One sentence with its clauses and cue hits (absolute offsets)."""

    __slots__ = ("start", "end", "clauses", "hits", "continues")

    def __init__(self, simplified: str, start: int, end: int, rules: _Rules):
        self.start, self.end = start, end
        text = simplified[start:end]
        clauses, cs = [], start
        for i, ch in enumerate(text):
            if ch in _CLAUSE_BREAKS:
                clauses.append((cs, start + i))
                cs = start + i + 1
        clauses.append((cs, end))
        self.clauses = clauses
        self.hits = [(m.start() + start, m.end() + start, m.group()) for m in rules.cue_re.finditer(text)]
        self.continues = bool(text) and text[-1] in _CONTINUES

    def clause_index(self, pos: int) -> int:
        for i, (cs, ce) in enumerate(self.clauses):
            if pos <= ce:
                return i
        return len(self.clauses) - 1


class _Order:
    """Mentions in text order, to find neighbours without quadratic scans."""

    __slots__ = ("mentions", "order", "rank", "starts")

    def __init__(self, mentions, order):
        self.mentions = mentions
        self.order = order
        self.rank = {index: r for r, index in enumerate(order)}
        self.starts = [mentions[i].start for i in order]

    def previous(self, index):
        r = self.rank[index]
        return self.mentions[self.order[r - 1]] if r > 0 else None

    def previous_index(self, index):
        r = self.rank[index]
        return self.order[r - 1] if r > 0 else None

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


# --------------------------------------------------------------------------- entry point


def assign_meaning(text: str, simplified: str, mentions: list[Mention]) -> None:
    """Fill indicator/subject/scope/cumulative/change_of on `mentions` in place."""
    if not mentions:
        return
    rules = load_rules()
    spans = None
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].start, mentions[i].end))
    ctx = _Order(mentions, order)
    sentences: dict[tuple[int, int], _Sentence] = {}
    group_start = None  # start of the run of sentences joined by ';'
    previous_sentence = None
    for index in order:
        m = mentions[index]
        if m.sentence_start is None or m.sentence_end is None:
            if spans is None:
                spans = split_sentences(simplified)
            span = sentence_of(spans, m.start) or (m.start, m.end)
            m.sentence_start, m.sentence_end = span
        key = (m.sentence_start, m.sentence_end)
        sent = sentences.get(key)
        if sent is None:
            sent = sentences[key] = _Sentence(simplified, key[0], key[1], rules)
            if previous_sentence is None or not previous_sentence.continues:
                group_start = sent.start
            previous_sentence = sent
        _assign_one(text, simplified, mentions, index, sent, group_start, rules, ctx)


def _assign_one(text, simplified, mentions, index, sent, group_start, rules, ctx) -> None:
    m = mentions[index]
    previous = ctx.previous(index)
    reading = _read(simplified, m, previous, sent, rules)
    parent = _change_parent(simplified, mentions, index, ctx.previous_index(index), sent, rules)
    if parent is not None:
        m.change_of = parent
    else:
        parent = _breakdown_parent(simplified, mentions, index, group_start, ctx)

    indicator = reading.indicator
    subject = _span_text(text, reading.subject)
    if parent is not None:
        p = mentions[parent]
        if m.change_of is not None:
            # a change measures its figure: same indicator and subject
            indicator = p.indicator or indicator
            subject = p.subject or subject
        else:
            if indicator is None:
                indicator = p.indicator
            if subject is None or _norm(subject) in rules.scopes:
                subject = p.subject
    m.indicator = indicator
    m.subject = subject
    m.scope = _scope(text, simplified, m, sent, rules)
    cumulative = _cumulative(simplified, m, sent, rules)
    if cumulative is None and parent is not None:
        cumulative = mentions[parent].cumulative
    m.cumulative = cumulative


# --------------------------------------------------------------------------- indicator + subject


def _read(simplified, m, previous, sent, rules) -> _Reading:
    ci = sent.clause_index(m.start)
    clause_start, clause_end = sent.clauses[ci]
    prev_end = clause_start
    if previous is not None and clause_start <= previous.start and previous.end <= m.start:
        prev_end = previous.end

    # the governing phrase: verb + noun phrase right before the number
    seg_start = max(prev_end, m.start - _LOCAL_SPAN, clause_start)
    tags = segment.tag(simplified[seg_start : m.start]) if seg_start < m.start else []
    np_span, verb_span, has_verb = _govern(tags, seg_start, rules)
    if not has_verb and seg_start > clause_start and m.start - clause_start > _LOCAL_SPAN:
        has_verb = True  # a long clause start is taken to hold its own verb
    govern_start = min((s for s in (np_span and np_span[0], verb_span and verb_span[0]) if s is not None),
                       default=m.start)

    # the window the cues are read from: own clause, earlier clauses if it has no verb
    window_start = clause_start
    k = ci
    clause_text = simplified[clause_start : m.start].lstrip()
    while not has_verb and k > 0 and not clause_text.startswith("其中") and ci - k < 2:
        k -= 1
        window_start = sent.clauses[k][0]
        has_verb = True  # one step back is enough unless that clause is verbless too
    tail_end = clause_end

    # score each alternative: best weight per cue group
    best: dict[tuple[int, int], tuple[int, int]] = {}
    vetoed: set[str] = set()
    topics: set[int] = set()
    for hs, he, word in sent.hits:
        groups, vetoes = rules.meaning_of(word)
        if not groups and not vetoes:
            continue
        if he <= window_start or hs >= tail_end:
            weight = 0
        elif hs < m.end and he > m.start:
            weight = 3  # in the number itself (车次, 人次 …)
        elif hs >= m.end:
            weight = 2  # after the number, in its clause
        elif he > govern_start and hs < m.start:
            weight = 3
        elif hs >= clause_start:
            weight = 2
        else:
            weight = 1
        if weight:
            vetoed.update(vetoes)
        for ai, gi in groups:
            if gi < 0:
                topics.add(ai)
            elif weight:
                distance = abs(m.start - he) if he <= m.start else abs(hs - m.end)
                score = (weight, -distance)
                if score > best.get((ai, gi), (0, 0)):
                    best[(ai, gi)] = score

    choice, choice_score = None, None
    for ai, alt in enumerate(rules.alternatives):
        if alt.indicator in vetoed:
            continue
        if alt.topic is not None and ai not in topics:
            continue
        weights = [best.get((ai, gi)) for gi in range(len(alt.near))]
        if not weights or any(w is None for w in weights):
            continue
        if max(w[0] for w in weights) < 2:
            continue  # nothing in the number's own clause says what it is
        if not _unit_fits(m, alt.units or rules.units[alt.indicator], rules.units[alt.indicator]):
            continue
        score = (sum(w[0] for w in weights), len(weights), sum(w[1] for w in weights))
        if choice_score is None or score > choice_score:
            choice, choice_score = alt.indicator, score

    subject = np_span
    if subject is None:
        subject = _tail_subject(simplified, m, tail_end, rules)
    if subject is None:
        subject = verb_span
    return _Reading(choice, subject, choice is not None)


def _govern(tags, offset, rules):
    """Noun phrase and verb that govern a number, from the tagged words before it."""
    i = len(tags) - 1
    while i >= 0 and (tags[i][0].isspace() or tags[i][0] in rules.qualifiers or tags[i][1] == "d"):
        i -= 1
    np_end = np_start = None
    while i >= 0:
        word, flag, pos = tags[i]
        if flag.startswith(_NOUN_FLAGS) and not any(c.isdigit() for c in word):
            if np_end is None:
                np_end = pos + len(word)
            np_start = pos
        elif word in _JOINERS and np_end is not None and i > 0 and tags[i - 1][1].startswith(_NOUN_FLAGS):
            pass
        elif word in "()" and np_end is None:
            pass
        else:
            break
        i -= 1
    verb_span = None
    has_verb = False
    j = i
    while j >= 0:
        word, flag, pos = tags[j]
        if flag.startswith("v") and word not in rules.qualifiers:
            verb_span = (offset + pos, offset + pos + len(word))
            has_verb = True
            break
        if flag in ("x",) and word.strip() in _CLAUSE_BREAKS:
            break
        j -= 1
    has_verb = has_verb or any(f.startswith("v") and f != "vn" and w not in rules.qualifiers for w, f, _ in tags)
    np_span = None
    if np_end is not None:
        np_span = (offset + np_start, offset + np_end)
    return np_span, verb_span, has_verb


def _tail_subject(simplified, m, tail_end, rules):
    """The noun phrase after the number: 83.9万人次的三餐保障任务, 22个公共机构."""
    start = m.end
    if start < tail_end and simplified[start] == "的":
        start += 1
    elif m.kind not in ("count", None):
        return None
    stop = min(tail_end, start + _LOCAL_SPAN)
    if stop <= start:
        return None
    tags = segment.tag(simplified[start:stop])
    end = None
    for word, flag, pos in tags:
        if flag.startswith(_NOUN_FLAGS) and not any(c.isdigit() for c in word):
            end = pos + len(word)
        elif word in _JOINERS and end is not None:
            continue
        else:
            break
    if end is None:
        return None
    return (start, start + end)


def _unit_fits(m: Mention, units: frozenset, all_units: frozenset) -> bool:
    unit = m.unit
    if unit is None:
        return m.kind in (None, "count") and None in all_units
    if unit in units or (m.kind and m.kind in units):
        return True
    if "/" in unit:
        return "ratio" in units or unit.split("/")[0] in units
    if m.kind in ("percent", "percentage_point") and m.change:
        return True  # the size of a change in this indicator
    return False


def _span_text(text: str, span) -> str | None:
    if span is None:
        return None
    return text[span[0] : span[1]] or None


def _norm(subject: str) -> str:
    return simplify(subject)


# --------------------------------------------------------------------------- links


def _change_parent(simplified, mentions, index, best, sent, rules) -> int | None:
    """The figure a change (同比增长10.55%) measures: the one just before it."""
    m = mentions[index]
    if not m.change or best is None:
        return None
    p = mentions[best]
    if p.start < sent.start or p.end > m.start or p.change:
        return None
    between = simplified[p.end : m.start]
    if len(between) > rules.link_gap:
        return None
    if not (rules.link_verbs_re.search(between) or rules.link_compare_re.search(between)):
        return None
    if rules.link_strip_re.sub("", between):
        return None  # something else is named in between
    return best


def _breakdown_parent(simplified, mentions, index, group_start, ctx) -> int | None:
    """The figure a 其中 breakdown item belongs to (4.2万平方米, 其中…2.3万平方米)."""
    m = mentions[index]
    q = simplified.rfind("其中", group_start, m.start)
    if q < 0:
        return None
    before = [j for j in ctx.between(group_start, q) if mentions[j].end <= q]
    if not before:
        return None
    same_unit = [j for j in before if mentions[j].unit == m.unit and mentions[j].kind == m.kind]
    pool = same_unit or [j for j in before if mentions[j].kind == m.kind] or before
    return max(pool, key=lambda j: mentions[j].end)


# --------------------------------------------------------------------------- scope, cumulative


def _scope(text, simplified, m, sent, rules) -> str | None:
    """The nearest scope word before the number in its sentence, as written."""
    found = None
    for sm in rules.scope_re.finditer(simplified, sent.start, m.start):
        found = sm.span()
    return text[found[0] : found[1]] if found else None


def _cumulative(simplified, m, sent, rules) -> bool | None:
    """Running total (累计, 截至, 以来 …) or a figure for the reporting period (全年, 今年 …)."""
    last_running = last_period = -1
    for cm in rules.running_re.finditer(simplified, sent.start, m.start):
        last_running = cm.start()
    for cm in rules.period_re.finditer(simplified, sent.start, m.start):
        # 一年多来 is a running span, not the year
        last_period = cm.start()
    if last_running >= 0 or last_period >= 0:
        return last_running > last_period
    if rules.comparison_re.search(simplified, sent.start, sent.end):
        return False
    return None
