"""Session 12 dates round 8: 当年/同年/是年 before a month take the year the text names
before them (SPEC §5), not the report's year.

Sentences are written for these tests, not copied from the sample reports.
"""

import pytest

import govstat

TITLE = "某市机关事务管理局2023年工作总结\n"


def dates(sentence):
    doc = govstat.extract_text(TITLE + sentence, meaning=False)
    return [(d.text, d.iso, d.year_inferred) for d in doc.dates if d.start >= len(TITLE)]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("2005年，管理局对办公楼进行改造，当年11月投入使用。", [("2005年", "2005", False), ("当年11月", "2005-11", True)]),
        ("2018年启动食堂改造，同年9月完工。", [("2018年", "2018", False), ("同年9月", "2018-09", True)]),
        ("2016年3月成立服务中心，是年6月完成人员划转。", [("2016年3月", "2016-03", False), ("是年6月", "2016-06", True)]),
        ("2012年，新办公楼动工，当年10月1日封顶。", [("2012年", "2012", False), ("当年10月1日", "2012-10-01", True)]),
        ("2019年度，中心启动节能改造，当年12月通过验收。", [("2019年度", "2019", False), ("当年12月", "2019-12", True)]),
        ("中心于2006年4月成立。同年11月，增挂接待办牌子。", [("2006年4月", "2006-04", False), ("同年11月", "2006-11", True)]),
    ],
)
def test_that_year_refers_back(sentence, expected):
    assert dates(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("当年12月完成验收。", [("当年12月", "2023-12", True)]),
        ("2019年和2020年分别完成改造，当年11月投入使用。",
         [("2019年", "2019", False), ("2020年", "2020", False), ("当年11月", "2023-11", True)]),
        ("2005年完成改造。当年11月投入使用。", [("2005年", "2005", False), ("当年11月", "2023-11", True)]),
        ("2005年完成改造，去年11月再次维修。", [("2005年", "2005", False), ("去年11月", "2022-11", True)]),
        ("2015年完成改造，但是年底前仍需验收。", [("2015年", "2015", False)]),
    ],
)
def test_that_year_without_one_year_before_it(sentence, expected):
    assert dates(sentence) == expected
