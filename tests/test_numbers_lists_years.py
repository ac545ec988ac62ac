"""Session 12 numbers round 8: a list's unit written once after its last item, the
change of a score, a range whose low end looks like a year, meals named before 两餐.

Sentences are written for these tests, not copied from the sample reports.
"""

import pytest

import govstat


def found(text):
    return [(m.text, m.value, m.unit) for m in govstat.extract_text(text, meaning=False).mentions]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("三个车队的车辆分别为12、8和5辆。", [("三个", 3, "个"), ("12", 12, "辆"), ("8", 8, "辆"), ("5辆", 5, "辆")]),
        ("两个食堂全年分别供餐18.6万、12.4万和9.8万人次。",
         [("两个", 2, "个"), ("18.6万", 186000, "人次"), ("12.4万", 124000, "人次"), ("9.8万人次", 98000, "人次")]),
        ("两项工程分别投入资金350万和120万元。", [("两项", 2, "项"), ("350万", 3500000, "元"), ("120万元", 1200000, "元")]),
        ("东院和西院办公面积分别为1.2万及0.8万平方米。", [("1.2万", 12000, "平方米"), ("0.8万平方米", 8000, "平方米")]),
        ("新能源汽车和燃油车分别为36与24辆。", [("36", 36, "辆"), ("24辆", 24, "辆")]),
        ("全年接待来访群众分别为8000、1.2万人次。", [("8000", 8000, "人次"), ("1.2万人次", 12000, "人次")]),
    ],
)
def test_list_unit_written_once_after_the_last_item(sentence, expected):
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("2021、2022和2023年分别节约经费12万、15万和18万元。",
         [("12万", 120000, "元"), ("15万", 150000, "元"), ("18万元", 180000, "元")]),  # the years stay dates
        ("1号、2号和3号楼完成改造。", []),
        ("全年开展培训3次、召开会议12场、检查5次。", [("3次", 3, "次"), ("12场", 12, "场"), ("5次", 5, "次")]),
        ("在第3、4季度开展检查12次。", [("12次", 12, "次")]),
        ("对第1、2批共45家单位进行验收。", [("45家", 45, "家")]),  # 2批 is the second batch
        ("第三、四批试点单位共12家。", [("12家", 12, "家")]),
        ("工作总结\n3、千人帮万人活动。", []),  # a heading's number; 千人 a multiplier standing alone
        ("工作总结\n2、5名同志获得表彰。", [("5名", 5, "人")]),
    ],
)
def test_no_list_unit_for_years_ordinals_or_items_with_their_own(sentence, expected):
    assert found(sentence) == expected


def changes(text):
    return [(m.text, m.value, m.unit, m.kind, m.change) for m in govstat.extract_text(text, meaning=False).mentions]


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("职工满意度测评得分96.2分，较上年提高1.3分。",
         [("96.2分", 96.2, "分", "other", None), ("1.3分", 1.3, "分", "other", "increase")]),
        ("绩效考核得分98分，同比增加2分。", [("98分", 98, "分", "other", None), ("2分", 2, "分", "other", "increase")]),
        ("考核得分95分，较上年减少1分。", [("95分", 95, "分", "other", None), ("1分", 1, "分", "other", "decrease")]),
        ("满意度较上年提高1.3分。", []),  # no score in the sentence: 分 stays unread
        ("考核得分95分。较上年提高1分。", [("95分", 95, "分", "other", None)]),  # the score is in another sentence
    ],
)
def test_change_of_a_score(sentence, expected):
    assert changes(sentence) == expected


def ranges_and_dates(text):
    doc = govstat.extract_text(text, meaning=False)
    return [(m.text, m.value, m.value_max, m.unit) for m in doc.mentions], [(d.text, d.iso) for d in doc.dates]


@pytest.mark.parametrize(
    "sentence, mentions, dates",
    [
        ("新建办公面积在2000至5000平方米之间。", [("2000至5000平方米", 2000, 5000, "平方米")], []),
        ("单个项目投资1998—2500万元。", [("1998—2500万元", 19980000, 25000000, "元")], []),
        ("食堂日均就餐2000到2500人次。", [("2000到2500人次", 2000, 2500, "人次")], []),
        ("2019至2021年累计完成改造。", [], [("2019", "2019"), ("2021年", "2021")]),
        ("2019—2021年度节能目标全部完成。", [], [("2019", "2019"), ("2021年度", "2021")]),
        ("规划期为2021-2025。", [], [("2021", "2021"), ("2025", "2025")]),
    ],
)
def test_range_whose_low_end_looks_like_a_year(sentence, mentions, dates):
    assert ranges_and_dates(sentence) == (mentions, dates)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("每日供应早、中餐两餐。", [("两餐", 2, "餐")]),
        ("食堂每日只供应早、午两餐。", [("两餐", 2, "餐")]),
        ("食堂提供早中两餐。", [("两餐", 2, "餐")]),  # a hard negative of an earlier round
        ("食堂供应早餐、午餐两餐，日均就餐1500人次。", [("两餐", 2, "餐"), ("1500人次", 1500, "人次")]),
        ("全年提供工作餐24餐。", [("24餐", 24, "餐")]),
        # the meals of a day, a fixed phrase: no count
        ("保障干部职工一日三餐。", []),
        ("每天为职工提供早、中、晚三餐。", []),
        ("做好三餐保障工作。", []),
        ("机关食堂实行一日两餐。", []),
        ("其中两餐为自助餐。", []),
        ("按早、午两餐方式提供用餐服务。", []),
    ],
)
def test_meals_counted_after_the_meals_they_sum_up(sentence, expected):
    assert found(sentence) == expected
