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

This module is the driver: it walks the numbers in text order and fills their
fields from the modules that do each job: `indicator_rules` (the rules compiled),
`indicator_phrases` (the phrases each number reads, segmented), `indicator_sentence`
(clauses and cue hits per sentence), `indicator_grammar` (governing verb and noun
phrase), `indicator_reading` (the cue a number's words name), `indicator_vetoes`
(what rules an indicator out) and `indicator_links` (changes, shares, breakdowns).
"""

from __future__ import annotations

from .indicator_links import (
    breakdown_parent,
    change_parent,
    respective_parent,
    saving_rate_of,
    share_parent,
)
from .indicator_phrases import Phrases, phrase_start, tail_end_of, tail_span
from .indicator_reading import read_number, respective_item, unit_fits
from .indicator_rules import indicator_codes, load_rules  # noqa: F401  (public names of this stage)
from .indicator_sentence import Order, Sentence
from .indicator_vetoes import (
    a_part_by_grade,
    is_criterion,
    other_rate,
    teams_or_touched,
)
from .model import Mention
from .normalize import simplify
from .sentences import sentence_of, split_sentences


def assign_meaning(text: str, simplified: str, mentions: list[Mention]) -> None:
    """Fill indicator/subject/scope/cumulative/change_of on `mentions` in place."""
    if not mentions:
        return
    rules = load_rules()
    spans = None
    positions = [(m.start, m.end) for m in mentions]
    order = sorted(range(len(mentions)), key=positions.__getitem__)
    ctx = Order(mentions, order)
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
    # segmented together (Phrases); then what each number means, in text order
    sentences: dict[tuple[int, int], Sentence] = {}
    places = []  # per number in text order: (sentence, new sentence?, clause, where its phrase before starts, tail end)
    phrase_spans = []
    previous = None
    for index in order:
        m = mentions[index]
        key = (m.sentence_start, m.sentence_end)
        sent = sentences.get(key)
        new = sent is None
        if new:
            sent = sentences[key] = Sentence(simplified, key[0], key[1], rules, last_start[key])
        ci = sent.clause_index(m.start)
        clause_start, clause_end = sent.clauses[ci]
        seg_start = phrase_start(m, previous, clause_start)
        tail_end = tail_end_of(simplified, m, clause_end)
        places.append((sent, new, ci, seg_start, tail_end))
        phrase_spans.append((seg_start, m.start))
        tail = tail_span(simplified, m, tail_end)
        if tail is not None:
            phrase_spans.append(tail)
        previous = m
    phrases = Phrases(simplified, phrase_spans)
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
    item = respective_item(simplified, mentions, index, sent, ci, rules, ctx) if sent.respective else None
    reading = read_number(simplified, m, sent, ci, rules, phrases, seg_start, tail_end, item)
    if item is not None and reading.indicator is None:
        # the items name places, the words they share the measure (一食堂、二食堂日均就餐分别为…)
        reading = read_number(simplified, m, sent, ci, rules, phrases, seg_start, tail_end)
    parent = None
    if m.change:
        parent = respective_parent(simplified, mentions, index, sent, rules, ctx)
        if parent is None:
            parent = change_parent(simplified, mentions, index, previous, sent, rules)
    share = None
    if parent is not None:
        m.change_of = parent
    else:
        share = share_parent(simplified, mentions, index, previous, sent, rules)
        parent = share if share is not None else breakdown_parent(simplified, mentions, index, groups, ctx, rules)

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
                if ((unit_fits(m, units, units) or m.unit in (p.unit, "%")) and p.indicator not in verb_vetoes
                        and not a_part_by_grade(simplified, m, sent, rules, p.indicator)):
                    indicator = p.indicator
            if subject is None or _norm(subject) in rules.scopes:
                subject = p.subject
    if parent is None and previous is not None and m.unit == "%":
        indicator = saving_rate_of(simplified, mentions, index, previous, sent, rules) or indicator
    if indicator is not None and m.kind in ("percent", "percentage_point") and other_rate(simplified, m, sent, ci,
                                                                                         rules, indicator):
        indicator = None
    if indicator is not None and (is_criterion(simplified, m, sent.clauses[ci], rules, ctx)
                                  or teams_or_touched(simplified, m, sent.clauses[ci][0], rules, indicator)):
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


def _span_text(text: str, span) -> str | None:
    if span is None:
        return None
    return text[span[0] : span[1]] or None


def _norm(subject: str) -> str:
    return simplify(subject)


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
