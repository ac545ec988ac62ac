"""Links between figures: the figure a change, a share or a breakdown item belongs to.

同比增长10.55% measures the figure just before it; 分别增长12%和8% the figures
of the list before it, in order; 占…的82.6% is a share of the figure before it;
a 其中 item breaks down a figure of its sentence (or of the one before).
"""

from __future__ import annotations

from .indicator_sentence import CLAUSE_BREAK_RE


def change_parent(simplified, mentions, index, best, sent, rules) -> int | None:
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


def share_parent(simplified, mentions, index, best, sent, rules) -> int | None:
    """The figure a share written right after it (…19台,占新增车辆的82.6%) is a share of."""
    m = mentions[index]
    if m.unit != "%" or m.change or best is None:
        return None
    p = mentions[best]
    if p.start < sent.start or p.end > m.start or p.unit == "%" or p.change:
        return None
    return best if rules.share_re.match(simplified, p.end, m.start) else None


def saving_rate_of(simplified, mentions, index, best, sent, rules) -> str | None:
    """The cost line (`saving_rate_link`) of the money figure a saving rate written right
    after it (…实际支出31.2万元,节支率17.9%) measures the fall of, else None."""
    m, p = mentions[index], mentions[best]
    if p.indicator not in rules.saving_rate_lines or p.unit != "元" or p.start < sent.start:
        return None
    return p.indicator if rules.saving_rate_re.match(simplified, p.end, m.start) else None


def respective_parent(simplified, mentions, index, sent, rules, ctx) -> int | None:
    """会议320场、参会2.1万人次,分别同比增长12%和8%: the i-th change of a 分别 list
    measures the i-th figure before it in the sentence (when the counts agree)."""
    m = mentions[index]
    word = rules.respectively_re.search(simplified, sent.start, m.start)
    if word is None:
        return None
    while (later := rules.respectively_re.search(simplified, word.end(), m.start)) is not None:
        word = later
    list_break = CLAUSE_BREAK_RE.search(simplified, word.end(), sent.end)
    list_end = list_break.start() if list_break else sent.end
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


def breakdown_parent(simplified, mentions, index, groups, ctx, rules) -> int | None:
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
