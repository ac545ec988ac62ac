"""Session 11 numbers round 7: scores in 分, 约有 before the counted noun, 部分 as a
classifier, ranges with 余/多 on the low end.

Sentences are written for these tests, not copied from the sample reports.
"""

import pytest

import govstat


def found(text):
    return [(m.text, m.value, m.value_max, m.unit, m.kind, m.approx)
            for m in govstat.extract_text(text, meaning=False).mentions]


@pytest.mark.parametrize(
    "sentence, span, value, value_max, unit, approx",
    [
        ("全年租用车辆200余至300辆次。", "200余至300辆次", 200, 300, "辆次", "over"),
        ("每月保障200多至300场会议。", "200多至300场", 200, 300, "场", "over"),
        ("每期参训人员二十余至三十人。", "二十余至三十人", 20, 30, "人", "over"),
        ("每个区县有10余至20余家示范单位。", "10余至20余家", 10, 20, "家", "over"),
    ],
)
def test_range_with_over_on_its_low_end(sentence, span, value, value_max, unit, approx):
    assert found(sentence) == [(span, value, value_max, unit, "count", approx)]


@pytest.mark.parametrize(
    "sentence, span, value",
    [
        ("在年度目标考核自评中，我局自评得分为100分。", "100分", 100),
        ("经第三方机构评估，该项工作共计得分28分。", "28分", 28),
        ("机关食堂满意度测评得分92.3分。", "92.3分", 92.3),
        ("在全省机关事务工作考核中，我局以总分99.2分位列第一。", "99.2分", 99.2),
        ("全年考核成绩为98分。", "98分", 98),
        ("考核实行100分制，我局得分97分。", "97分", 97),
        ("得分由90分", "90分", 90),  # a score at the very start or end of the text
    ],
)
def test_score_after_a_word_of_scoring(sentence, span, value):
    assert found(sentence) == [(span, value, None, "分", "other", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "我局十分重视公共机构节能工作。",
        "全市三分之一的单位完成了节能改造。",
        "考核会议于上午9时30分召开。",
        "考核实行100分制。",
        "在第3分会场设立服务保障点。",
        "每季度考核一次，满分100分。",  # the scale, outside the clause of the word of scoring
        "全市共设12个站点，分3片区管理。",
    ],
)
def test_fen_that_is_no_score(sentence):
    assert [f for f in found(sentence) if f[3] == "分"] == []


def approx_of(text):
    return [(m.text, m.approx) for m in govstat.extract_text(text, meaning=False).mentions]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("全市约有公共机构2860家。", [("2860家", "about")]),
        ("目前大约有干部职工320人。", [("320人", "about")]),
        ("该项目约计投入资金120万元。", [("120万元", "about")]),
        ("全区约有各类公共机构1260家，其中党政机关356家。", [("1260家", "about"), ("356家", None)]),
        ("共约有干部职工300余人。", [("300余人", "over")]),
        # no reach across a numeral, a clause break or into another word (节约, 签约)
        ("约有一半的单位完成改造，共计86家。", [("86家", None)]),
        ("通过集中采购节约有关经费20万元。", [("20万元", None)]),
        ("签约有关单位12家。", [("12家", None)]),
        ("全市约有公务用车1200辆、司勤人员1100名。", [("1200辆", "about"), ("1100名", None)]),
    ],
)
def test_about_before_the_counted_noun(sentence, expected):
    assert approx_of(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("该制度由六部分组成。", [("六部分", 6, None, "部分", "count", None)]),
        ("方案共5部分20条。", [("5部分", 5, None, "部分", "count", None), ("20条", 20, None, "条", "count", None)]),
        ("第二部分为存在的问题。", []),
        ("一部分单位尚未整改到位。", []),
        ("大部分单位已完成节能改造。", []),
    ],
)
def test_parts_counted_with_a_numeral(sentence, expected):
    assert found(sentence) == expected
