"""Reading a number's cue: which indicator and subject the words around it name.

`read_number` takes the governing verb and noun phrase before a number, opens the
window of clauses whose cue hits count for it, weighs every hit by where it
stands, and chooses the best alternative whose unit fits and nothing vetoes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .indicator_grammar import (
    clause_has_noun,
    clause_has_verb,
    clean_subject,
    governing_words,
    has_verb,
    tail_subject,
)
from .indicator_rules import amount_key, rate_key
from .indicator_vetoes import a_fall, unless_served, vetoed_earlier
from .model import Mention


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


def read_number(simplified, m, sent, ci, rules, phrases, seg_start, tail_end, item=None) -> _Reading:
    """What the words around number `m` say; `seg_start` and `tail_end` from
    phrase_start and tail_end_of, `phrases` segments (a Phrases); `item` from
    respective_item. In steps: the governing phrase (governing_words), the window of
    cue hits (_window_start), what they weigh (_weigh), the best alternative
    (_choose) and the subject (_subject). `vetoed` is _weigh's set, which _choose
    adds to."""
    tag = phrases.tag
    # the governing phrase: verb + noun phrase right before the number
    tags = tag(seg_start, m.start)
    np_span, verb_span, topic_span = governing_words(tags, rules)
    if np_span is None:
        govern_start = m.start if verb_span is None else verb_span[0]
    else:
        govern_start = np_span[0] if verb_span is None else min(np_span[0], verb_span[0])
    lo = _window_start(simplified, m, sent, ci, rules, tag, tags, seg_start)
    hi = bisect_left(sent.hit_starts, tail_end)
    cues = _weigh(simplified, m, sent.clauses[ci][0], rules, tags, seg_start, sent.hits[lo:hi],
                  govern_start, topic_span, item)
    # a number its verb governs with no noun between but a generic measure (投入资金约860万元)
    bare_number = verb_span is not None and (np_span is None
                                             or simplified[np_span[0]:np_span[1]] in rules.generic_measures)
    choice = _choose(simplified, m, sent, ci, rules, cues, bare_number, lo, hi)
    subject = _subject(simplified, m, rules, tag, tail_end, np_span, verb_span, topic_span)
    verb = simplified[verb_span[0]:verb_span[1]] if verb_span is not None else None
    bare = verb is not None and np_span is None
    return _Reading(choice, subject, choice is not None, verb, bare, frozenset(cues[2]))


def _window_start(simplified, m, sent, ci, rules, tag, tags, seg_start) -> int:
    """The first of the sentence's cue hits (index into `sent.hits`) that count for number
    `m`; notes in `sent.headings` the colon heading that governs its clause."""
    m_start = m.start
    clause_start, clause_end = sent.clauses[ci]
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
        elif ((follows := _follows_on(simplified, clause_start, m_start, rules))
                or rules.outturn_re.match(simplified, clause_start) is not None
                or not clause_has_verb(tag, tags, seg_start, clause_start, rules)
                or not clause_has_noun(tag, tags, seg_start, clause_start, m, clause_end)):
            # (预算86万元,实际支出79.2万元: an outturn clause continues the one before too)
            # (a list item after one a colon heading governs is governed by that heading:
            # 采购项目:货物类86项,服务类42项,工程类18项)
            heading = sent.headings.get(ci - 1, ci - 1)
            if heading != ci - 1:
                sent.headings[ci] = heading
            elif follows and ci > 1:  # (…,共解决20余家单位…,总建筑面积达5200余平方米: both carry on 调剂)
                heading = sent.carried.get(ci - 1, ci - 2 if rules.follow_on_re.match(
                    simplified, sent.clauses[ci - 1][0]) else ci - 1)
            sent.carried[ci] = heading
            lo = bisect_right(hit_ends, sent.clauses[heading][0])  # the window opens with that clause
    elif ci - 1 in sent.carried and _follows_on(simplified, clause_start, m_start, rules):
        # (…划转市档案馆使用,面积约2800平方米,房间56间: the clause before has no cue of its own)
        sent.carried[ci] = heading = sent.carried[ci - 1]
        lo = bisect_right(hit_ends, sent.clauses[heading][0])
    elif ci > 1 and _under_colon_heading(simplified, sent, ci, hit_ends, lo):
        # 食堂就餐:日均1800人次,全年46万人次: the heading before a colon governs the
        # verbless clauses after it, not only the first
        if not clause_has_verb(tag, tags, seg_start, clause_start, rules):
            sent.headings[ci] = ci - 2
            lo = bisect_right(hit_ends, sent.clauses[ci - 2][0])
    elif (ci > 2 and ci - 1 in sent.headings and not simplified.startswith("其中", clause_start)
          and not clause_has_verb(tag, tags, seg_start, clause_start, rules)):
        # a later verbless item of that list (a 其中 clause breaks a figure down: no item)
        sent.headings[ci] = heading = sent.headings[ci - 1]
        lo = bisect_right(hit_ends, sent.clauses[heading][0])
    return lo


def _follows_on(simplified, clause_start, m_start, rules) -> bool:
    """Whether the clause opens with a `follow_on` word, or with 涉及 and this number right
    after it (`follow_on_count`: not 涉及17个单位、车辆29辆's second item, which names its own)."""
    found = rules.follow_on_re.match(simplified, clause_start)
    return found is not None and (found.group("count") is None or found.end() == m_start)


def _weigh(simplified, m, clause_start, rules, tags, seg_start, hits, govern_start, topic_span, item) -> tuple:
    """Score the cue `hits` of a number's window: the best weight per cue group, by where
    each hit stands (in the number, its governing words, its clause, the clause before).
    Returns (best, found, vetoed, lent_vetoes, own_hits) for _choose (a tuple: a class
    would cost a call per number)."""
    m_start, m_end = m.start, m.end
    best: dict[tuple[int, int], tuple] = {}  # (alternative, group) -> best (weight, closeness)
    found: dict[int, int] = {}  # alternative -> how many of its groups have a cue
    vetoed: set[str] = set()
    lent_vetoes: set[str] = set()  # from the clause a verbless one continues
    own_hits = []  # the cue hits among the number's own words (weight 3) and its verb's subject: see own_words
    # (a phrase that opens with neither a space nor 、 is no list item of its own)
    item_start = (_own_list_item(simplified, seg_start, m_start, tags, rules)
                  if seg_start < m_start and simplified[seg_start] in " 、" else -1)
    for hs, he, groups, vetoes in hits:
        if hs < m_end and he > m_start:
            weight: float = 3.0  # in the number itself (车次, 人次 …)
        elif hs >= m_end:
            weight = 2.0  # after the number, in its clause
        elif he > govern_start and hs < m_start:
            weight = 3.0
        elif he > clause_start:
            weight = 2.0  # own clause
        else:
            weight = 1.5  # the clause a verbless one continues
        if item is not None and item[0] <= hs and he <= item[1]:  # in a 分别 list
            if not (item[2] <= hs and he <= item[3]):
                score: tuple = (1, -abs(m_start - he))  # another item's words: context, never the meaning
                for key in groups:
                    if key not in best:
                        found[key[0]] = found.get(key[0], 0) + 1
                        best[key] = score
                continue
            weight = 3.0  # the item this number measures
        if vetoes and he > item_start:  # (an earlier list item's verb is not this one's)
            if weight >= 2:
                vetoed.update(unless_served(simplified, hs, he, clause_start, min(hs, m_start), vetoes, rules))
            else:  # (a serving verb before it in the window lifts it there too)
                lent_vetoes.update(unless_served(simplified, hs, he, hits[0][0], hs, vetoes, rules))
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
    return best, found, vetoed, lent_vetoes, own_hits


def _choose(simplified, m, sent, ci, rules, cues, bare_number, lo, hi) -> str | None:
    """The indicator of the best alternative with a cue for every group, whose unit fits
    the number and that nothing vetoes; `cues` from _weigh, `lo`:`hi` the window's hits."""
    m_start, m_end = m.start, m.end
    clause_start = sent.clauses[ci][0]
    best, found, vetoed, lent_vetoes, own_hits = cues
    choice, choice_score = None, None
    alternatives = rules.alternatives
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
        if alt.indicator in vetoed or (amount_key(alt.indicator) in vetoed
                                       and not a_fall(simplified, m, clause_start, rules)) or (
                m.unit == "%" and rate_key(alt.indicator) in vetoed):
            continue
        if alt.indicator in rules.earlier_vetoes and vetoed_earlier(simplified, sent.start, clause_start,
                                                                   m_start, rules.earlier_vetoes[alt.indicator]):
            vetoed.add(alt.indicator)
            continue
        if alt.topic is not None and ai not in sent.topics:
            continue
        if alt.bare and not bare_number:
            continue
        weight: float = 0.0
        closeness = 0
        top: float = 0.0
        low: float = 3.0
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
        if not (unit_fits(m, alt.fit_units, alt.all_units)
                or _change_of_named_count(m, simplified[clause_start:m_start], alt.fit_units,
                                          "count" in rules.kinds[alt.indicator] and rules.counted_by_re)):
            continue
        if counts_organisations and alt.indicator not in rules.counts_organisations:
            continue
        score = (weight, len(alt.near), closeness)
        if choice_score is None or score > choice_score:
            choice, choice_score = alt.indicator, score
    return choice


def _subject(simplified, m, rules, tag, tail_end, np_span, verb_span, topic_span):
    """The span that names what the number counts: its noun phrase, else the nouns after
    it, else the noun before its verb (or the verb itself)."""
    subject = clean_subject(simplified, np_span, rules)
    if subject is None:
        subject = tail_subject(tag, simplified, m, tail_end)
    if subject is None:
        subject = topic_span or (None if m.change else verb_span)
    return subject


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


def respective_item(simplified, mentions, index, sent, ci, rules, ctx):
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
    if item.lstrip(" ").startswith("、") and has_verb(tags, rules):
        return seg_start
    return -1


def _change_of_named_count(m: Mention, before: str, units: frozenset, counted_by=None) -> bool:
    """Whether a percent change measures a count its clause names by its unit
    (接待批次同比下降31.5%, 出车次数增长8%): a two-character unit or unit + 数; or, for
    an indicator that counts, by a word for a count (`counted_by`: 会议数量较上年减少15%)."""
    if not m.change or m.unit != "%":
        return False
    if counted_by and counted_by.search(before):
        return True
    return any(u and ((len(u) > 1 and u in before) or u + "数" in before) for u in units)


def unit_fits(m: Mention, units: frozenset, all_units: frozenset) -> bool:
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
