"""Edges of the number grammar's and the qualifiers' shortcuts (issue 7).

The grammar skips work when the character after a number cannot start a unit,
a range or a qualifier; these sentences sit right on those edges, so a shortcut
that drops a case the full rules would take fails here.
"""

import pytest

import govstat
from govstat.extract.statistics import clean_number


def stats(text):
    return [(m.text, m.value, m.value_max, m.unit, m.approx, m.change)
            for m in govstat.extract_text(text, meaning=False).mentions]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a Chinese numeral followed by 多, by blanks, or starting a range
        ("参加培训二十多人。", ("二十多人", 20, None, "人", "over", None)),
        ("接待 三 人次。", ("三 人次", 3, None, "人次", None, None)),
        ("调整了两至三个处室。", ("两至三个", 2, 3, "个", None, None)),
        # an Arabic number with 多/余 before its multiplier, blanks around it
        ("达到30多万元。", ("30多万元", 300000, None, "元", "over", None)),
        ("统一采购15余万元。", ("15余万元", 150000, None, "元", "over", None)),
        ("新增 12 万 千瓦时。", ("12 万 千瓦时", 120000, None, "千瓦时", None, None)),
        # 多 after a unit is not an after-word (the grammar owns it), 左右/以上 are
        ("人数达到300人多少。", ("300人", 300, None, "人", None, None)),
        ("人数达到300人左右。", ("300人", 300, None, "人", "about", None)),
        ("人数达到300人 以上。", ("300人", 300, None, "人", "over", None)),
        # an Arabic duration: 多/余 right after its unit is inside the span, a ratio's / goes on
        ("项目历时3年多。", ("3年多", 3, None, "年", "over", None)),
        ("维修耗时2天余。", ("2天余", 2, None, "天", "over", None)),
        ("项目历时3年,多方协调。", ("3年", 3, None, "年", None, None)),
    ],
)
def test_one_statistic(sentence, expected):
    assert stats(sentence) == [expected]


def test_numerals_inside_words_give_nothing():
    assert stats("工作一是统一，二是规范。") == []


@pytest.mark.parametrize(
    "sentence, change",
    [
        ("用电量增长" + "的" * 22 + "5%。", "increase"),  # the cue starts 24 characters back: in the clause
        ("用电量增长" + "的" * 23 + "5%。", None),  # 25 back: outside the window
        ("用电量增长，" + "的" * 3 + "5%。", None),  # a clause break between cue and number
        ("用电量增长；5%。", None),
        ("用电量下降5%。", "decrease"),
        ("用电量下降，同比增长5%。", "increase"),  # cues on both sides of a break: the clause's counts
        ("用电量下降，同比5%。", None),  # a cue in the window, none in the clause
    ],
)
def test_change_cue_window_and_clause(sentence, change):
    assert [m.change for m in govstat.extract_text(sentence, meaning=False).mentions] == [change]


@pytest.mark.parametrize(
    "value, cleaned",
    [
        (4.2 * 10000, 42000),  # float noise
        (1e12, 1000000000000),
        (999999999999.0, 999999999999),
        (123456789012345.0, 123456789012000),  # more than 12 digits: rounded like any other value
        (1234567890123.4, 1234567890120),
        (0.1 + 0.2, 0.3),
        (2.5, 2.5),
        (30, 30),  # an int (百分之三十)
        (-0.0, 0),
        (None, None),
    ],
)
def test_clean_number(value, cleaned):
    got = clean_number(value)
    assert got == cleaned and type(got) is type(cleaned)


def _candidates(text, search):
    from govstat.extract import numbers

    saved = numbers._search
    numbers._search = lambda: search
    try:
        return [(c.start, c.end, c.value, c.value_max, c.unit, c.chinese, c.approx_inside, c.number_text,
                 repr(c.multiplier), c.bare_multiplier) for c in numbers.find_numbers(text)]
    finally:
        numbers._search = saved


@pytest.mark.parametrize("sentence", ["统一一是万一", "一百分之五十", "百分之五，", "二至三人", "三千瓦时", "十一五规划", "一万千瓦时", "节约三千克。"])
def test_skipped_chinese_runs_give_nothing(sentence):
    """The search skips Chinese runs that cannot give a candidate: the same candidates as
    the plain pattern (tried again one character later after each run that gives none)."""
    from govstat.extract import numbers

    assert _candidates(sentence, numbers._search()) == _candidates(sentence, numbers._NUMBER.search)


def test_skipped_chinese_runs_on_random_text():
    import random

    from govstat.extract import numbers

    rng = random.Random(5)
    pool = list("一二两三十百千万亿零〇拾佰分之个人元次多余 -至到—，。0123456789.年是统") + ["百分之", "万元", "千瓦时", "千克", "%"]
    fast, plain = numbers._search(), numbers._NUMBER.search
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pool) for _ in range(rng.randint(1, 16)))
        expected = _candidates(text, plain)
        assert _candidates(text, fast) == expected, text
        found += any(c[5] for c in expected)
    assert found > 300  # the strings do hold Chinese candidates


def test_every_numeral_opens_the_search():
    """The search's opening lookahead lets through every character a number starts with."""
    import regex

    from govstat.extract import numbers
    from govstat.extract.numerals import CHINESE_NUMERAL_CHARS

    start = regex.compile(numbers._START, regex.ASCII)
    assert all(start.match(ch) for ch in CHINESE_NUMERAL_CHARS + "0123456789")
    assert not start.match("统") and not start.match("a")
