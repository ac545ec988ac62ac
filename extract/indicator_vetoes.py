"""Vetoes and criteria: when the words around a number rule an indicator out.

A serving verb that lifts a veto, a change word earlier in the sentence, a rate
of something else (办结率), a part by grade (其中成绩优秀46人), a threshold or a
bound (超过50万公里的18辆), the teams sent or the organisations touched.
"""

from __future__ import annotations


def a_fall(simplified, m, clause_start, rules) -> bool:
    """A rate (节约燃油费6%) or an amount against last year (较上年节约23万元) is a fall in
    what is measured, not money saved beside it."""
    return m.unit == "%" or rules.comparison_re.search(simplified, clause_start, m.start) is not None


def unless_served(simplified, hs, he, start, end, vetoes, rules) -> frozenset:
    """The vetoes of the hit at hs:he, less those a serving verb between `start` and `end`
    (the hit, or the number if it comes first) lifts (保障市政府常务会、专题会等会议96次:
    meetings served; 共解决12家单位办公用房紧张问题: a want met. Not 为38个单位解决了…问题:
    a result after the figure)."""
    if vetoes.isdisjoint(rules.served):
        return vetoes
    for code, (words, verbs) in rules.served.items():
        if code in vetoes and any(w in simplified[hs:he] for w in words) and verbs.search(simplified, start, end):
            vetoes = vetoes - {code}
    return vetoes


def vetoed_earlier(simplified, sentence_start, window_start, m_start, patterns) -> bool:
    """Whether a change word earlier in the sentence (调剂…, 共解决…, 总建筑面积达5200平方米)
    governs the number: the last one before its window, with no word that names
    a holding again (现有, 共有) between it and the number, and no price it was
    bought against (按市场价, `unless_priced`) anywhere before the number."""
    words, unless, priced = patterns
    last = None
    for last in words.finditer(simplified, sentence_start, window_start):
        pass
    if last is None:
        return False
    return (unless.search(simplified, last.end(), m_start) is None
            and (priced is None or priced.search(simplified, sentence_start, m_start) is None))


def a_part_by_grade(simplified, m, sent, rules, code) -> bool:
    """Whether a 其中 item's clause names a grade or kind of what its figure counts before
    it (其中成绩优秀46人, 其中授予中小企业合同金额…: `breakdown_not`): a part, not the measure;
    or, for figure code `code`, words that name something else that code's figure is
    broken into (节约资金…,其中:…实际支付70.61万元: what was paid, not saved)."""
    clause_start = sent.clauses[sent.clause_index(m.start)][0]
    if rules.breakdown_not_re.search(simplified, clause_start, m.start) is not None:
        return True
    words, unless = rules.parts_not.get(code, (None, None))
    return (words is not None and words.search(simplified, clause_start, m.start) is not None
            and unless.search(simplified, clause_start, m.start) is None)


def other_rate(simplified, m, sent, ci, rules, indicator) -> bool:
    """Whether a percent's own clause names a rate of how well something was done
    (办结率, 完成率: `other_rates`) before it: that rate is what it measures. A rate
    of the indicator's own activity (`own_rates`: 达标率 of model units) is not one."""
    own = rules.own_rates[indicator]
    return any(rate.group() not in own
               for rate in rules.other_rates_re.finditer(simplified, sent.clauses[ci][0], m.start))


def is_criterion(simplified, m, clause, rules, ctx) -> bool:
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


def teams_or_touched(simplified, m, clause_start, rules, indicator) -> bool:
    """Whether number `m` counts the teams sent (成立5个督查组) or the organisations a change
    touched (调整涉及13个部门): neither is what the work counted (`counted_organisations`).
    A clause opening with 涉及 after one that moved the units' space counts them
    (`touched_counted_by`: 收回…办公用房,涉及8个单位)."""
    if rules.teams_re.match(simplified, m.end):
        return True
    return (m.unit in rules.organisation_units and rules.organisations_re.match(simplified, m.end) is not None
            and rules.touched_re.search(simplified, clause_start, m.start) is not None
            and not (indicator in rules.touched_counted_by
                     and rules.touched_opening_re.fullmatch(simplified, clause_start, m.start) is not None))


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
