"""Sections (SPEC §2 `section`): headings, cue phrases and page furniture."""

from __future__ import annotations

from govstat.extract.model import Mention
from govstat.extract.normalize import simplify
from govstat.extract.sections import assign_sections, body_bounds, classify_heading


def sections_of(text: str, *needles: str) -> list[str]:
    mentions = []
    for needle in needles:
        start = text.index(needle)
        mentions.append(Mention(start=start, end=start + len(needle), text=needle))
    assign_sections(text, simplify(text), mentions)
    return [m.section for m in mentions]


REPORT = (
    "首页 > 工作动态\n"
    "某区机关事务管理局工作总结\n"
    "发布日期:2020-01-05 点击:12\n"
    "一年来,我局围绕区委区政府部署开展工作,现汇报如下:\n"
    "一、主要工作\n"
    "(一)公车管理。全年出车1500余次,安全行驶30万公里。\n"
    "二、存在的问题和不足\n"
    "一是办公用房仍有超标,涉及3个单位。\n"
    "三、2020年工作计划\n"
    "(一)完成20辆新能源汽车更新。\n"
    "四、工作保障\n"
    "全年培训职工120人次。\n"
    "责任编辑:张三\n"
    "网站标识码:1234 备案号:5678\n"
)


def test_headings_set_sections_and_furniture_is_other():
    assert sections_of(REPORT, "12\n", "1500余次", "3个", "20辆", "120人次", "1234") == [
        "other", "summary", "problems", "plan", "summary", "other",
    ]


def test_traditional_headings():
    text = "一、工作總結\n全年接待會議300場。\n二、存在問題\n經費不足50萬元。\n三、下一步工作打算\n新增食堂2個。\n"
    assert sections_of(text, "300場", "50萬元", "2個") == ["summary", "problems", "plan"]


def test_plan_sentence_inside_a_news_paragraph():
    text = (
        "今年以来,全市共有63家单位实施节能改造。下一步,我市将完成1500万平方米既有建筑节能改造。\n"
        "目前,全市办公用房清理整改已检查20家单位。\n"
    )
    assert sections_of(text, "63家", "1500万平方米", "20家") == ["summary", "plan", "summary"]


def test_headings_inside_text_without_line_breaks():
    text = (
        "办公用房清理汇报按照区纪委要求现报告如下:一、基本情况我局办公楼共3层约1150平方米。"
        "二、存在的主要问题一是人均办公室15余平方米,超过标准。三、整改措施拟于年底前腾退4间办公室。第1页共2页"
    )
    assert sections_of(text, "1150平方米", "15余平方米", "4间", "1页") == ["summary", "problems", "summary", "other"]


def test_title_naming_summary_and_plan_is_not_a_plan_heading():
    assert classify_heading("政务公开工作总结和2018年政务公开工作计划") == "summary"
    assert classify_heading("2018年政务公开工作计划") == "plan"
    assert classify_heading("存在问题及下一步打算") == "problems"
    assert classify_heading("创优胜,以提供满意服务为目标") is None


def test_no_mentions_is_fine():
    assert sections_of("一、工作总结\n无。\n") == []


def test_earliest_cue_wins_and_a_plan_year_only_when_strictly_first():
    assert classify_heading("2019年主要工作计划") == "plan"  # the plan year comes before 主要工作
    assert classify_heading("主要工作和2019年工作计划") == "summary"
    assert classify_heading("主要问题") == "problems"  # problems before summary at one position


def test_body_ends_at_the_last_body_line_even_when_it_names_a_footer_cue():
    text = "首页\n一、来源说明\n"  # the only body line (a heading) is also a footer line (来源, no 。)
    assert body_bounds(simplify(text)) == (3, len(text) - 1)


def test_heading_scan_finds_what_the_lookbehind_pattern_finds():
    import random

    import regex

    from govstat.extract.sections import _START, _Headings, rules

    r = rules("sections")
    bodies = [r["top_heading"], r["sub_heading"], "(?:下一步|明年)(?:[,:]|将)", "[一二]{1,2}。", "(?:一|;)、?"]  # the last two end on a break
    rng = random.Random(5)
    alphabet = "一二三十、.()（）12 \t\u3000。;；\n文a下步明年,:将"
    for body in bodies:
        headings = _Headings(body)
        plain = regex.compile(_START + "(" + body + ")", regex.M)
        for _ in range(3000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24)))
            assert headings.spans(text) == [m.span(1) for m in plain.finditer(text)], (body, text)
    assert _Headings(r["top_heading"]).spans("一、总体\n二、问题。三.计划") == [(0, 2), (5, 7), (10, 12)]


def test_page_counters_need_their_common_character():
    # section_points skips the page-counter scan when the text lacks a character
    # every counter holds; that character must really be in every match
    from govstat.extract import sections as S

    word = S._compiled().page_word
    assert word is not None
    for text in ("第 3 页 共 12 页", "共12页 第3页", "第3页共12页"):
        found = [m.group() for m in S._compiled().page.finditer(text)]
        assert found and all(word in f for f in found)
    assert S._common_char("a页|b") is None
    assert S._common_char("页?x|页") is None
    assert S._common_char("(页)") is None
    assert S._common_char(r"第\s*\d+页|共\d+页") == "页"


def test_problem_headings_that_speak_of_difficulties():
    for heading in ("存在的困难", "困难与问题", "面临的问题和挑战", "问题及原因分析", "二、工作中存在困难"):
        assert classify_heading(heading) == "problems", heading
    assert classify_heading("克服困难,圆满完成保障任务") is None
