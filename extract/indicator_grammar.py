"""Verbs and noun phrases from the POS-tagged words around a number.

The verb and noun phrase that govern a number (更新|公车|356辆), whether its
clause has a verb or a noun at all, and the subject a noun phrase gives once
scope words and generic heads are cleaned off.
"""

from __future__ import annotations

from .indicator_phrases import LOCAL_SPAN, tail_span

_NOUN_FLAGS = ("n", "vn", "b", "j", "l", "an", "ng", "nz", "eng")
_JOINERS = frozenset("、和及与()")


def clause_has_verb(tag, tags, seg_start, clause_start, rules) -> bool:
    """Whether a verb stands before the number in its clause (`tags`: the words right
    before it, from `seg_start`); looks up to 2 * LOCAL_SPAN further back if not."""
    if has_verb(tags, rules):
        return True
    if seg_start > clause_start:
        return has_verb(tag(max(clause_start, seg_start - 2 * LOCAL_SPAN), seg_start), rules)
    return False


def clause_has_noun(tag, tags, seg_start, clause_start, m, clause_end) -> bool:
    """Whether a noun stands in the number's clause. A clause with a verb but no noun
    (较2015年分别下降36.91%、19.00%和38.04%) has left what it measures in the clause
    before it; a noun after the number (投入17万元安装充电桩) keeps the clause to itself."""
    if m.start - clause_start > 3 * LOCAL_SPAN:
        return True  # a long clause names something
    if any(flag.startswith(_NOUN_FLAGS) and not _has_digit(word) for word, flag, _, _ in tags):
        return True  # the words right before the number (already segmented) name it
    if seg_start > clause_start:  # segment the clause whole: a cut mid-word (20|15年) misleads jieba
        tags = tag(clause_start, m.start)
    tags = tags + tag(m.end, min(clause_end, m.end + 3 * LOCAL_SPAN))
    return any(flag.startswith(_NOUN_FLAGS) and not _has_digit(word) for word, flag, _, _ in tags)


def governing_words(tags, rules):
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


def has_verb(tags, rules) -> bool:
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


def clean_subject(simplified, span, rules):
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


def tail_subject(tag, simplified, m, tail_end):
    """The noun phrase after the number: 83.9万人次的三餐保障任务, 22个公共机构."""
    span = tail_span(simplified, m, tail_end)
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
