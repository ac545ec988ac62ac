"""Dates found the same way when patterns are skipped or tests reordered for speed."""

import pytest
from govstat.extract.dates import _md_readings, _patterns
from govstat.extract.normalize import NormalizedText
from govstat.extract.statistics import find_statistics_and_dates


def dates(text, year):
    _mentions, found = find_statistics_and_dates(NormalizedText(text), report_year=year)
    return [(d.text, d.iso, d.year_inferred) for d in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("群众拨打110报警后,民警赶到。", []),  # a service number, though it reads 1月10日
        ("配备84消毒液。", []),  # a name (before 消毒)
        ("采购84桶。", []),  # a quantity (after 购, before a unit)
        ("会上,98正式投入使用。", [("98", "2018-09-08", True)]),
        ("会上,108正式投入使用。", [("108", "2018-10-08", True)]),
        ("会上,2023正式投入使用。", [("2023", "2023", False)]),  # no month-day reading: a bare year
        # no 年 in the text: the year patterns are skipped, month patterns still run
        ("全市3月5日开展检查。", [("3月5日", "2018-03-05", True)]),
        ("12月下旬,2019年工作完成。", [("12月下旬", "2018-12", True), ("2019年", "2019", False)]),
        # the relative-year patterns: their words looked for once, each pattern's rest on its own
        ("去年12月完成验收。", [("去年12月", "2017-12", True)]),
        ("今年底前完成。", [("今年底", "2018-12", True)]),
        ("上一年3月5日开工，12月竣工。", [("上一年3月5日", "2017-03-05", True), ("12月", "2018-12", True)]),
        ("本年1-6月共检查。", [("本年1-6月", "2018-01/2018-06", True)]),
    ],
)
def test_dates_unchanged(text, expected):
    assert dates(text, 2018) == expected


def test_md_readings():
    assert _md_readings("108") == ((10, 8),)
    assert _md_readings("112") == ((1, 12), (11, 2))  # two readings: not a date
    assert _md_readings("2023") == ()
    assert _md_readings("0105") == ()  # leading zeros are not read


def test_every_pattern_has_a_condition_function():
    patterns, _data, has_need = _patterns()
    assert set(has_need) == set(patterns)
    assert not has_need["ymd"]("3月5日") and has_need["ymd"]("2020年3月5日")
    assert has_need["bare_year"]("任何文本")  # no text it needs: always scanned


def test_runs_before_a_quantity_character_are_left_to_the_patterns():
    """bare_year / garbled_bare do not match a run that `_starts_unit` would reject (2020年, 12多)."""
    patterns, _data, _needs = _patterns()
    assert patterns["bare_year"].search("截至2020年") is None
    assert patterns["bare_year"].search("截至2020多") is None
    assert patterns["bare_year"].search("截至2020。")["y"] == "2020"
    assert patterns["garbled_bare"].search("会上,12个单位") is None
    assert patterns["garbled_bare"].search("会上,98正式")["rest"] == "98"
    # the years themselves are still dates (found by the year pattern), the counts still counts
    assert dates("2020年完成。", 2018) == [("2020年", "2020", False)]
    assert dates("会上,12个单位参加。", 2018) == []


def test_year_led_patterns_tried_at_the_year_matches_find_what_finditer_finds():
    """_Finder tries ymd, ym … only where `y` matches: the same matches as a scan of the text."""
    import random

    import regex

    from govstat.extract.dates import _YEAR_LED, _Finder

    patterns, _data, _needs = _patterns()
    rng = random.Random(11)
    pieces = ["2019", "2020", "20XX", "二〇二〇", "二O一九", "1998", "年", "月", "日", "号", " ", "\t", "3", "12", "十二",
              "、", "至", "—", "上半年", "度", "底", "份", "下旬", "文", "2"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        finder = _Finder(text, lambda s, e: False, 2018)
        for name in _YEAR_LED:
            expected = [m.span() for m in regex.compile(patterns[name].pattern).finditer(text)]
            assert [m.span() for m in finder._at_year_starts(name)] == expected, (name, text)
    # what makes it hold: every one of them opens with the whole `y` pattern
    assert all(patterns[name].pattern.startswith(patterns["y"].pattern) for name in _YEAR_LED)
