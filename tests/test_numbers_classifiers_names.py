"""Session 12 numbers round 9: classifiers 道 and 堂, ages in 岁, names of services
holding 24小时, a project's phase before a building, a shortened time.

Sentences are written for these tests, not copied from the sample reports.
"""

import pytest

import govstat


def found(text):
    return [(m.text, m.value, m.unit, m.kind, m.approx, m.change)
            for m in govstat.extract_text(text, meaning=False).mentions]


@pytest.mark.parametrize(
    "sentence, span, value, unit, approx",
    [
        ("机关食堂推出特色菜品一百二十余道。", "一百二十余道", 120, "道", "over"),
        ("组织业务知识测试，共出试题50道。", "50道", 50, "道", None),
        ("严格落实食材验收5道工序。", "5道", 5, "道", None),
        ("邀请专家举办节能讲座6堂。", "6堂", 6, "堂", None),
    ],
)
def test_dishes_questions_and_lectures_are_counts(sentence, span, value, unit, approx):
    assert found(sentence) == [(span, value, unit, "count", approx, None)]


@pytest.mark.parametrize(
    "sentence",
    ["大家都知道节约的重要性。", "筑牢一道安全防线。", "在五一大道1号院开展检查。", "岁末年初开展安全大检查。"],
)
def test_words_with_dao_or_sui_are_no_counts(sentence):
    assert found(sentence) == []


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("干部职工平均年龄42岁。", [("42岁", 42, "岁", "other", None, None)]),
        ("平均年龄四十二岁。", [("四十二岁", 42, "岁", "other", None, None)]),
        ("驾驶员平均年龄下降3岁。", [("3岁", 3, "岁", "other", None, "decrease")]),
        ("平均年龄由45岁降至41岁。", [("45岁", 45, "岁", "other", None, None),
                                  ("41岁", 41, "岁", "other", None, None)]),
    ],
)
def test_an_age_is_kind_other_in_sui(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("开通24小时后勤服务热线，受理报修1200件。", ["1200件"]),
        ("开通24小时报修专线，全年接听来电3600个。", ["3600个"]),
        ("建成24小时物业服务平台。", []),
        ("推行二十四小时后勤服务热线。", []),
        ("实行24小时值班，确保安全。", ["24小时"]),
        ("接到报修后24小时内到场维修。", ["24小时"]),
        ("联系地址：某市政务中心（邮政编码410011）。", []),
    ],
)
def test_names_of_services_and_postal_codes_are_no_mentions(sentence, kept):
    assert [m[0] for m in found(sentence)] == kept


@pytest.mark.parametrize(
    "sentence, kept",
    [
        ("推进二期办公楼建设，完成投资1200万元。", ["1200万元"]),
        ("三期公寓完成主体结构施工。", []),
        ("完成二期周转房装修。", []),
        ("举办2期食堂管理培训班。", ["2期"]),
        ("举办食堂从业人员培训班三期。", ["三期"]),
    ],
)
def test_a_phase_of_a_building_is_no_count(sentence, kept):
    assert [m[0] for m in found(sentence)] == kept


@pytest.mark.parametrize(
    "sentence, change",
    [
        ("平均办件时间缩短2天。", "decrease"),
        ("报修响应时间缩短了30分钟。", "decrease"),
        ("缩短审批时间2个工作日。", "decrease"),
        ("压缩办理时限3天。", "decrease"),
        ("审批时限压缩至3个工作日。", None),
        ("工期缩短为45天。", None),
        ("节约办事时间2小时。", None),
    ],
)
def test_a_shortened_time_is_a_decrease(sentence, change):
    assert [m[5] for m in found(sentence)] == [change]
