"""Document fields (SPEC §2 `document`) on texts written for the tests, plus the corpus targets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from govstat.extract.docinfo import infer_document_info
from govstat.extract.normalize import simplify
from govstat.extract.regions import gazetteer

ROOT = Path(__file__).resolve().parent.parent
SCORED = ["title", "organization", "province", "city", "county", "level", "year", "period", "published", "doc_type"]


def info(text: str):
    return infer_document_info(text, simplify(text))


def test_repost_page_date_is_not_the_report_year():
    d = info(
        "丽江市机关事务管理局2016年工作总结\n"
        "发布时间:2021-03-05 09:12:40 来源:转载\n"
        "2016年,丽江市机关事务管理局在市委、市政府的领导下,全年保障会议210场次。\n"
    )
    assert d.year == 2016
    assert d.published == "2021-03-05"
    assert d.period == "annual"
    assert d.title == "丽江市机关事务管理局2016年工作总结"
    assert d.organization == "丽江市机关事务管理局"
    assert (d.province, d.city, d.county, d.level) == ("云南省", "丽江市", None, "city")
    assert d.admin_code == "530700"
    assert d.doc_type == "work_summary"


def test_anonymised_year_stays_null():
    d = info(
        "XXXX年以来,我中心围绕县委县政府的部署,扎实推进机关事务管理工作。现汇报如下:\n"
        "一、工作总结\n全县公务用车平台运行平稳,全县共保障出车1200余次。\n"
        "二、存在问题\n车辆老化。\n三、下一步工作打算\n继续推进。\n"
    )
    assert d.year is None
    assert d.period is None
    assert d.doc_type == "summary_and_plan"
    assert d.level == "county"


def test_half_year_report_from_the_opening_sentence():
    d = info(
        "上半年工作总结\n\n2012年上半年,在市委、市政府的领导下,市机关事务管理局紧紧围绕全市中心工作,"
        "全市公共机构节能工作稳步推进。\n一、会议服务\n上半年保障会议86场。\n"
    )
    assert d.year == 2012
    assert d.period == "H1"
    assert d.doc_type == "work_summary"
    assert d.level == "city"
    assert d.organization == "市机关事务管理局"  # the city is never named: kept as written
    assert d.city is None


def test_summary_and_plan_title_takes_the_summary_year():
    d = info(
        "关于印发《南平市机关事务管理局2019年工作总结和2020年工作计划》的通知\n"
        "各科室:\n现将《南平市机关事务管理局2019年工作总结和2020年工作计划》印发给你们,请认真贯彻落实。\n"
    )
    assert d.year == 2019
    assert d.period == "annual"
    assert d.doc_type == "summary_and_plan"
    assert (d.province, d.city) == ("福建省", "南平市")


def test_traditional_script_title_as_written_region_simplified():
    d = info("2018年佛山市機關事務管理局工作總結\n2018年,佛山市機關事務管理局紮實推進各項工作,全年接待來賓3200人次。\n")
    assert d.title == "2018年佛山市機關事務管理局工作總結"
    assert d.organization == "佛山市机关事务管理局"
    assert (d.province, d.city, d.level) == ("广东省", "佛山市", "city")
    assert d.year == 2018


def test_ambiguous_district_keeps_its_name_and_leaves_its_city_null():
    # the county's name is written; which of four cities it belongs to is not (gold h003)
    d = info(
        "鼓楼区机关事务管理局工作情况\n我局认真落实区委、区政府部署,全区办公用房清理工作有序推进,"
        "区直单位共腾退办公用房1200平方米。\n"
    )
    assert d.level == "county"
    assert (d.province, d.city, d.county, d.admin_code) == (None, None, "鼓楼区", None)


def test_district_resolved_by_a_city_named_in_the_text():
    d = info(
        "鼓楼区机关事务管理局工作情况\n我局认真落实区委、区政府部署,按照开封市统一安排,"
        "全区办公用房清理工作有序推进,区直单位共腾退办公用房1200平方米。\n"
    )
    assert (d.province, d.city, d.county, d.level) == ("河南省", "开封市", "鼓楼区", "county")
    assert d.admin_code == "410204"


def test_municipality_district():
    d = info(
        "北京市海淀区机关事务管理中心2020年工作总结\n"
        "2020年,区机关事务管理中心在区委、区政府领导下,全区公共机构能耗下降3.1%。\n"
    )
    assert (d.province, d.city, d.county, d.level) == ("北京市", "北京市", "海淀区", "county")
    assert d.organization == "北京市海淀区机关事务管理中心"  # as written: the city is part of a district agency's name
    assert d.admin_code == "110108"


def test_open_government_report():
    d = info(
        "贵阳市机关事务管理局2021年政府信息公开工作年度报告\n发布日期:2022-01-20\n"
        "本报告根据《中华人民共和国政府信息公开条例》编制,全年主动公开信息156条。\n"
    )
    assert d.doc_type == "open_government_report"
    assert d.year == 2021
    assert d.published == "2022-01-20"


def test_first_three_quarters_and_news_item():
    d = info("今年前三季度,我市公共机构能耗同比下降5%。这是记者日前从市机关事务管理局了解到的。\n")
    assert d.period is None
    assert d.year is None  # 今年 with no page date: unknown
    assert d.doc_type == "special_report"


def test_news_page_this_year_takes_the_page_year():
    d = info(
        "全市公共机构节能工作会议召开\n2015年6月3日 来源:市政府网\n"
        "6月2日,我市召开公共机构节能工作会议。今年以来,全市公共机构节约用电120万千瓦时。\n"
    )
    assert d.published == "2015-06-03"
    assert d.year == 2015
    assert d.period is None


def test_multi_year_report():
    d = info("这五年,市机关事务管理中心聚焦主责主业,全市公务用车平台累计出车12万次。\n")
    assert d.year is None
    assert d.period == "multi_year"


def test_gazetteer_is_built_once():
    assert gazetteer() is gazetteer()


def test_place_names_read_lazily_are_those_of_one_full_scan():
    from govstat.extract.doc_place import Hits

    text = simplify("上海金山区机关事务管理局。伊春市和福州仓山的会议,黑龙江省。")
    full = gazetteer().find(text, limit=20000)
    assert [h.surface for h in full][:2] == ["上海", "金山"]  # a county's short name after its parent
    hits = Hits(gazetteer(), text, 20000)
    assert hits.before(3) == [h for h in full if h.start < 3]  # the rest is not scanned yet
    assert len(full) > 3
    assert [hits.ending_at(h.end) for h in full] == full
    assert hits.ending_at(full[0].end + 1) is None
    assert hits.all() == full


def _score():
    rows = []
    for path in sorted((ROOT / "corpus" / "annotations").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))["document"]
        text = (ROOT / "corpus" / "reports" / f"{path.stem}.txt").read_text(encoding="utf-8")
        got = info(text).to_dict()
        rows.append((path.stem, [k for k in SCORED if gold[k] != got[k]]))
    return rows


@pytest.fixture(scope="module")
def corpus_scores():
    return _score()


def test_seed_document_fields_all_right(corpus_scores):
    wrong = {doc: bad for doc, bad in corpus_scores if doc.startswith("s") and bad}
    assert wrong == {}


def test_dev_document_field_accuracy(corpus_scores):
    dev = [(doc, bad) for doc, bad in corpus_scores if doc.startswith("h")]
    assert len(dev) >= 15
    total = len(dev) * len(SCORED)
    right = total - sum(len(bad) for _, bad in dev)
    assert right / total >= 0.90, dev


def test_self_level_skips_cues_after_zizhi_and_counts_the_rest():
    from govstat.extract.doc_place import own_level

    assert own_level(simplify("区委区委。我省。")) == "county"
    # 自治区委 is a region's party committee, not a county's: only 我省 counts
    assert own_level(simplify("自治区委。自治区委。我省我省。")) == "province"


def test_level_cues_are_counted_in_one_pass_only_when_that_counts_the_same():
    from govstat.extract.doc_config import level_cue_pattern
    from govstat.extract.doc_place import overlapped

    def cues(*words):
        return {"city": list(words), "county": [], "province": []}

    assert overlapped(level_cue_pattern(cues("我市", "全市")), "我市全市我市") == ["我市", "全市", "我市"]
    assert overlapped(level_cue_pattern(cues("全市", "市直")), "全市直属") == ["全市", "市直"]  # overlapping: both count
    assert level_cue_pattern(cues("市委", "市委书记")) is None  # one cue starts another
    assert level_cue_pattern(cues("市市")) is None  # overlaps itself: 市市市 holds one, not two


def test_pinyin_glossed_page_keeps_org_and_region_and_title_as_written():
    text = (
        "寶安區(qū)機(jī)關(guān)事務(wù)管理局2020年工作總結(jié)\n"
        "2020年,寶安區(qū)機(jī)關(guān)事務(wù)管理局圍繞區(qū)委區(qū)政府中心工作,全區(qū)保障會議120場。\n"
    )
    d = info(text)
    assert d.title == "寶安區(qū)機(jī)關(guān)事務(wù)管理局2020年工作總結(jié)"
    assert d.organization == "宝安区机关事务管理局"
    assert (d.province, d.city, d.county, d.level) == ("广东省", "深圳市", "宝安区", "county")
    assert d.year == 2020 and d.doc_type == "work_summary"


def test_normalized_text_from_the_callers_simplified_copy_maps_spans_alike():
    """docinfo passes the simplified copy it was given: the same gloss-free text and map."""
    from govstat.extract.normalize import NormalizedText, simplify

    # glosses at the start, side by side and at the very end
    text = "萬(wàn)元,機(jī)關(guān)事務(wù)管理局2020年總結(jié)"
    fresh, given = NormalizedText(text), NormalizedText(text, simplify(text))
    assert given.norm == fresh.norm == "万元,机关事务管理局2020年总结"
    n = len(given.norm)
    for start in range(n + 1):
        for end in range(start, n + 1):
            assert given.to_original(start, end) == fresh.to_original(start, end)


def test_agency_after_a_county_short_name_below_the_top_keeps_its_place():
    # the name before the kind is read from its own line: 金山 is found only as the
    # short name right after its city, which the quick test for a name ending there knows
    d = info("工作总结\n2021年,全区各项工作稳步推进。上海金山机关事务管理局全年保障会议120场。"
             "上海金山机关事务管理局完成任务。")
    assert d.organization == "金山机关事务管理局"
    assert (d.province, d.county, d.level) == ("上海市", "金山区", "county")


def test_central_agency_is_national():
    d = info(
        "国家机关事务管理局根据有关要求,编制本报告。\n"
        "国家机关事务管理局坚持以习近平新时代中国特色社会主义思想为指导,推进中央国家机关节能工作。\n"
    )
    assert d.organization == "国家机关事务管理局"
    assert d.level == "national"
    assert (d.province, d.city, d.county) == (None, None, None)


def test_open_government_report_known_by_its_statutory_headings_without_a_title():
    d = info(
        "根据《中华人民共和国政府信息公开条例》规定,现将本单位年度政府信息公开工作报告如下。\n"
        "一、总体情况\n本年度,我局持续推进政务公开工作。\n"
        "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
    )
    assert d.doc_type == "open_government_report"


def test_summary_that_mentions_the_annual_disclosure_report_stays_a_summary():
    d = info(
        "某市机关事务管理局2021年工作总结\n"
        "2021年,我局按照《政府信息公开条例》要求,按时发布政府信息公开工作年度报告,全市节约用电10万度。\n"
    )
    assert d.doc_type == "work_summary"


def test_quoted_five_year_plan_period_is_multi_year():
    d = info("“十三五”期间,某市机关事务管理局推进节约型机关建设,全市公共机构人均能耗下降12%。\n")
    assert d.period == "multi_year"
    d = info("“十四五”以来,某区机关事务服务中心持续推进公车改革,累计处置车辆30辆。\n")
    assert d.period == "multi_year"


@pytest.mark.parametrize(
    "text, org",
    [
        ("2023年,市直机关事务保障中心全力做好供暖保障,全市保障住宅楼12栋。\n", "市直机关事务保障中心"),
        ("2023年,市级机关服务中心推进节约型机关建设,全市创建示范单位8家。\n", "市级机关服务中心"),
        ("2023年,市机关事务处围绕市委市政府工作大局,全市保障会议50场。\n", "市机关事务处"),
        ("2023年,县机关事务管理服务中心加强公车管理,全县处置车辆5辆。\n", "县机关事务管理服务中心"),
        ("2022年,嘉善县机关事务保障中心扎实推进各项工作,全县保障会议80场。\n", "嘉善县机关事务保障中心"),
    ],
)
def test_more_agency_kinds_name_the_reporter(text, org):
    assert info(text).organization == org


def test_agency_that_issued_the_rules_is_not_the_reporter():
    d = info(
        "根据市机关事务管理局下发的《关于开展节能考核的通知》要求,我单位对本年度节能工作进行了自查。现将情况报告如下:\n"
        "我单位全年用电12万度。\n"
    )
    assert d.organization is None


def test_site_chrome_line_gives_way_to_a_title_that_says_what_the_report_is():
    d = info(
        "市机关事务管理局 点赞留言\n\n"
        "佛山市机关事务管理局2019年工作情况概述\n\n"
        "2019年,佛山市机关事务管理局全年保障会议300场。\n"
    )
    assert d.title == "佛山市机关事务管理局2019年工作情况概述"
    assert (d.year, d.period, d.doc_type) == (2019, "annual", "work_summary")


def test_agency_line_above_a_year_report_line_is_one_title():
    d = info(
        "南岗区机关事务服务中心\n"
        "2022年政府信息公开工作年度报告\n"
        "本报告根据《中华人民共和国政府信息公开条例》编制。\n"
    )
    assert d.title == "南岗区机关事务服务中心2022年政府信息公开工作年度报告"
    assert d.year == 2022 and d.doc_type == "open_government_report"


def test_breadcrumb_agency_line_gives_way_to_the_full_title():
    d = info(
        "区机关事务服务中心\n"
        "上海市闵行区机关事务服务中心2023年度部门决算\n"
        "日期:2024-08-28 10:00\n"
        "第一部分 2023年度部门决算报表。\n"
    )
    assert d.title == "上海市闵行区机关事务服务中心2023年度部门决算"
    assert d.year == 2023


def test_css_glued_after_the_title_is_cut():
    d = info("2022年工作情况和2023年工作计划.c3{font-weight:bold;}.p2{margin:0in;}\n2022年,我中心全年保障会议80场。\n")
    assert d.title == "2022年工作情况和2023年工作计划"
    assert (d.year, d.doc_type) == (2022, "summary_and_plan")


def test_labelled_title_in_a_metadata_table():
    d = info(
        "索引号: | 000/2021-1 | 分类: | 综合 | ||\n"
        "标题: | 某市机关事务管理局关于2020年节能工作的总结报告 | ||||\n"
        "2020年,我局全年节约用电5万度。\n"
    )
    assert d.title == "某市机关事务管理局关于2020年节能工作的总结报告"


def test_template_preamble_skipped_and_title_glued_to_an_anonymised_year():
    d = info(
        "下面是小编为大家整理的镇后勤服务中心2020年工作总结,供大家参考。\n"
        "镇后勤服务中心2020年工作总结 xxxx 年,我单位在镇党委的领导下,全年保障会议30场。\n"
    )
    assert d.title == "镇后勤服务中心2020年工作总结"
    assert d.year == 2020


def test_cover_letter_before_the_title_is_skipped():
    d = info(
        "局机关各科室:\n"
        "现将《某市机关事务管理局2023年度工作总结》印发给你们,请认真学习。\n"
        "某市机关事务管理局\n"
        "2024年1月5日\n"
        "某市机关事务管理局2023年工作总结\n"
        "2023年,我局全年保障会议200场。\n"
    )
    assert d.title == "某市机关事务管理局2023年工作总结"


def test_headline_with_commas_above_the_page_date():
    d = info("无锡新区:节能降耗,打造绿色机关\n发布日期:2023-05-10\n\n今年以来,新区机关服务中心全年节约用电3万度。\n")
    assert d.title == "无锡新区:节能降耗,打造绿色机关"


def test_opening_names_the_year_of_the_work_reported_on():
    d = info(
        "按照上级通知要求,我单位对2021年度公共机构节能工作进行了认真自查。现将有关情况报告如下:\n"
        "全年用电12万度。\n"
    )
    assert (d.year, d.period) == (2021, "annual")


def test_a_year_in_the_opening_that_is_not_the_work_reported_on_stays_unread():
    d = info("根据《2021年度节能考核方案》要求,我单位开展了节能工作。全年用电12万度。\n")
    assert d.year is None


def test_agency_named_in_the_title_is_the_reporter_even_when_the_province_is_its_arena():
    d = info(
        "市机关事务中心荣获全省节约型机关建设先进单位称号\n"
        "省发展和改革委员会近日印发《关于表彰全省节约型机关建设先进单位的决定》,市机关事务中心榜上有名。"
        "近年来,市机关事务中心在市委、市政府领导下,连续3年全省考核优秀,全省排名第一。\n"
    )
    assert d.organization == "市机关事务中心"
    assert d.level == "city"


def test_template_site_fanwen_suffix_is_not_part_of_the_title():
    d = info("县机关事务服务中心2023年上半年工作总结范文\n2023年上半年,我中心保障会议40场。\n")
    assert d.title == "县机关事务服务中心2023年上半年工作总结"
    assert d.period == "H1"


def test_untitled_single_topic_text_is_a_special_report():
    # no title, no year, no news cue: it tells of work done, so a single-topic report
    d = info("一年来,区机关事务服务中心扎实推进公务用车管理。\n对各单位车辆开展检查,完成标识化工作。\n")
    assert d.doc_type == "special_report"


def test_untitled_unit_profile_or_rules_is_other():
    d = info("县委机关服务中心现有编制20人,肩负着县委机关大院的后勤服务。\n")
    assert d.doc_type == "other"
    d = info("第一条 为加强机关办公用房管理,制定本办法。\n第二条 本办法适用于全县各单位。\n")
    assert d.doc_type == "other"


def test_headline_over_an_opening_year_is_a_news_item():
    d = info("我区公务用车定点维修成效明显\n\n2021年,全区公务用车定点维修节约财政资金12万元。\n")
    assert (d.year, d.doc_type) == (2021, "special_report")
    # no headline, or a title naming the year: a year's summary
    d = info("2021年,区机关事务中心完成公务用车定点维修,节约财政资金12万元。\n")
    assert (d.year, d.doc_type) == (2021, "work_summary")


def test_place_name_scan_in_steps_finds_what_one_longest_match_pass_finds():
    import random

    from govstat.extract.regions import Hit, Scanner

    gaz = gazetteer()

    def one_pass(text, end):  # every position, the longest name there, then on after it
        hits, i = [], 0
        for pos in range(end - 1):
            if pos < i or text[pos : pos + 2] not in gaz._lengths:
                continue
            for length in gaz._lengths[text[pos : pos + 2]]:
                if pos + length <= end and text[pos : pos + length] in gaz._full:
                    break
            else:
                continue
            if length == 2 and pos and text[pos - 1 : pos + 1] in gaz.not_in_words:
                continue  # a one-character name inside a word (市和县)
            i = pos + length
            units, full = gaz._units_of[text[pos:i]], gaz._full[text[pos:i]]
            hits.append(Hit(pos, i, text[pos:i], units, full))
            follow = gaz._county_after(text, i, end, units)
            if follow is not None:
                hits.append(follow)
                i = follow.end
        return hits

    rng = random.Random(3)
    names = ["上海", "金山", "伊春市", "伊春", "福州", "仓山", "黑龙江省", "鼓楼区", "北京市", "朝阳", "市", "区", "县"]
    filler = ["的", "和", "工作", "。", "\n", "市场", "全市", "1", "海"]
    for _ in range(400):
        text = "".join(rng.choice(names + filler) for _ in range(rng.randint(0, 20)))
        limit = rng.choice([None, 5, 20000])
        end = len(text) if limit is None else min(len(text), limit)
        expected = one_pass(text, end)
        assert gaz.find(text, limit) == expected, text
        scanner = Scanner(gaz, text, limit)
        for stop in sorted(rng.sample(range(0, len(text) + 2), min(4, len(text) + 2))):
            scanner.until(stop)
            assert [h for h in scanner.hits if h.start < stop] == [h for h in expected if h.start < stop], (text, stop)
        scanner.until(end)
        assert scanner.hits == expected, text
    assert [h.surface for h in gaz.find("上海金山")] == ["上海", "金山"]


def test_a_line_scanned_alone_has_the_hits_of_the_full_scan():
    # Hits.ending_at reads a line far down on its own: no place name may span a
    # line break, and a scan from a line start must find what the full scan finds there
    from govstat.extract.regions import Scanner, gazetteer

    gaz = gazetteer()
    assert not any("\n" in s for s in gaz._full)
    assert not any("\n" in s for s in gaz.county_short)
    reports = sorted((Path(__file__).resolve().parent.parent / "corpus" / "reports").glob("*.txt"))
    for path in reports[:15]:
        text = path.read_text(encoding="utf-8") + "\n上海金山\n鼓楼区伊春市"
        full = gaz.find(text, 20000)
        start = 0
        while start <= len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            line = Scanner(gaz, text, 20000, start)
            line.until(end)
            assert line.hits == [h for h in full if start <= h.start < end]
            start = end + 1


def test_cached_plain_gazetteer_finds_what_the_built_one_does():
    """The cache's plain form (units as indexes, made on lookup) reads like the built object."""
    from govstat.extract.regions import Gazetteer, _build_gazetteer

    built = _build_gazetteer()
    plain = Gazetteer.from_plain(built.to_plain())
    text = simplify("上海金山区机关事务管理局、福州仓山与鼓楼区，黔东南州及巴音郭楞蒙古自治州，北京市朝阳区")
    hits = built.find(text)
    assert hits and plain.find(text) == hits
    assert any(h.surface == "金山" for h in hits)  # a county's short name after its parent
    for hit in hits:
        assert [plain.code(u) for u in hit.units] == [built.code(u) for u in hit.units]
    for name in ("鼓楼区", "朝阳区", "金山区", "不存在区"):
        assert set(plain.counties_of.get(name, ())) == set(built.counties_of.get(name, ()))
    assert plain.name_ends == built.name_ends and len(plain._units_of) == len(built._units_of)


def test_district_name_several_cities_share_is_kept_without_its_city():
    # 鼓楼区 is a district of 南京, 徐州, 开封 and 福州: the name is written, the city is not
    d = info(
        "鼓楼区机关事务管理局2020年工作总结\n"
        "2020年,区机关事务管理局在区委、区政府的领导下,全区公共机构能耗下降2%。全年保障会议560场次。\n"
    )
    assert d.organization == "鼓楼区机关事务管理局"
    assert (d.province, d.city, d.county, d.level) == (None, None, "鼓楼区", "county")
    assert d.admin_code is None


def test_shared_district_name_in_the_body_only_is_kept_and_a_named_city_resolves_it():
    d = info(
        "机关事务工作情况汇报\n"
        "今年以来,区机关事务中心认真落实区委部署,做好朝阳区各部门的服务保障,全区公车平台派车900车次。\n"
    )
    assert (d.city, d.county, d.level) == (None, "朝阳区", "county")
    d = info(
        "朝阳区机关事务服务中心2021年工作总结\n"
        "2021年,中心在区委、区政府的领导下,主动融入长春市机关事务工作大局,全区公车平台派车900车次。\n"
    )
    assert (d.province, d.city, d.county) == ("吉林省", "长春市", "朝阳区")
    assert d.admin_code == "220104"


def test_two_character_district_name_inside_a_place_is_not_a_county():
    d = info(
        "机关事务工作情况汇报\n"
        "今年以来,区机关事务中心认真落实区委部署,修复政务服务中心北区停车位40个,全区公车平台派车900车次。\n"
    )
    assert d.county is None


@pytest.mark.parametrize("phrase", ["完成县直机关办公用房维修改造项目9个", "主城区办公用房调剂4处",
                                    "发文县直单位12家", "市和县两级机关压减公车86辆"])
def test_a_one_character_place_name_inside_a_word_is_no_place(phrase):
    # 成县 (甘肃陇南), 城区, 文县, 和县 (安徽马鞍山) are counties, but not inside 完成/主城/发文/市和
    d = info(f"某县机关事务服务中心2022年工作总结\n今年以来,{phrase},各项工作稳步推进。\n")
    assert (d.province, d.city, d.county) == (None, None, None)
    assert not d.organization.startswith(("成县", "城区", "文县", "和县"))


def test_a_one_character_place_name_standing_alone_is_still_found():
    assert [h.surface for h in gazetteer().find("甘肃省陇南市成县机关事务服务中心")] == ["甘肃省", "陇南市", "成县"]
    assert [h.surface for h in gazetteer().find("在成县召开全市机关事务工作会议")] == ["成县"]


def test_five_year_review_title_is_multi_year_even_when_it_says_summary():
    for title in ("“十三五”时期机关事务工作总结", "十四五以来机关事务工作回顾", "五年来机关事务工作总结"):
        d = info(title + "\n市机关事务管理局在市委、市政府的领导下,累计压减公务用车320辆,腾退办公用房2.6万平方米。\n")
        assert (d.year, d.period) == (None, "multi_year"), title


def test_summary_title_with_its_year_stays_annual_beside_a_five_year_plan():
    d = info(
        "市机关事务管理局2020年工作总结和“十四五”时期工作思路\n"
        "2020年,市机关事务管理局在市委、市政府的领导下,全年保障会议800场次。\n"
    )
    assert (d.year, d.period) == (2020, "annual")


def test_title_set_on_two_lines_is_joined():
    body = "2021年,市机关事务管理局在市委、市政府的领导下,全年保障会议900场次。\n"
    d = info("安顺市机关事务管理局2021年工作总结\n暨2022年工作打算\n" + body)
    assert d.title == "安顺市机关事务管理局2021年工作总结暨2022年工作打算"
    assert d.doc_type == "summary_and_plan"
    d = info("安顺市机关事务管理局关于2021年工作总结\n和2022年工作计划的报告\n" + body)
    assert d.title == "安顺市机关事务管理局关于2021年工作总结和2022年工作计划的报告"
    d = info("安顺市机关事务管理局\n关于2021年工作情况的报告\n" + body)
    assert d.title == "安顺市机关事务管理局关于2021年工作情况的报告"
    assert d.year == 2021


def test_line_under_a_whole_title_is_not_joined():
    body = "2021年,市机关事务管理局在市委、市政府的领导下,全年保障会议900场次。\n"
    d = info("安顺市机关事务管理局2021年工作总结\n和谐机关建设\n" + body)
    assert d.title == "安顺市机关事务管理局2021年工作总结"
    d = info("关于2021年度公共机构节能工作情况的报告\n安顺市机关事务管理局\n" + body)
    assert d.title == "关于2021年度公共机构节能工作情况的报告"


def test_page_title_copied_with_the_site_name_loses_it():
    body = "2021年,市机关事务管理局在市委、市政府的领导下,全年保障会议900场次。\n"
    for line in ("安顺市机关事务管理局2021年工作总结_安顺市人民政府门户网站", "安顺市机关事务管理局2021年工作总结 - 安顺市政府网"):
        d = info(line + "\n" + body)
        assert d.title == "安顺市机关事务管理局2021年工作总结", line


def test_year_written_in_chinese_digits():
    d = info("二〇一一年机关事务工作总结\n今年以来,市机关事务管理局在市委、市政府的领导下,全年保障会议800场次。\n")
    assert (d.year, d.period, d.title) == (2011, "annual", "二〇一一年机关事务工作总结")
    d = info("市机关事务管理局工作总结\n二OO八年,在市委、市政府的领导下,我局全年保障会议800场次。\n")
    assert (d.year, d.period) == (2008, "annual")


def test_league_and_banner_speak_of_their_level():
    d = info("2021年机关事务工作总结\n2021年,在盟委、行署的领导下,全盟公共机构能耗下降2%,盟直机关食堂保障就餐9万人次。\n")
    assert d.level == "city"
    d = info("2021年机关事务工作总结\n2021年,在旗委、旗政府的领导下,全旗公共机构能耗下降2%,旗直机关食堂保障就餐5万人次。\n")
    assert d.level == "county"


def test_title_typed_with_spaces_between_its_characters():
    d = info("述 职 报 告\n2020年,市机关事务管理局在市委、市政府领导下,全年保障会议900场次。\n")
    assert d.title == "述 职 报 告"
    d = info("工 作 总 结\n2020年,市机关事务管理局在市委、市政府领导下,全年保障会议900场次。\n")
    assert (d.title, d.doc_type) == ("工 作 总 结", "work_summary")


def test_menu_of_short_items_is_still_not_a_title():
    d = info("信息 公开 办事 服务\n某市机关事务管理局2020年工作总结\n2020年,全年保障会议900场次。\n")
    assert d.title == "某市机关事务管理局2020年工作总结"


def test_span_of_years_in_a_summary_title_is_multi_year():
    d = info("2019—2021年机关事务工作总结\n三年来,市机关事务管理局在市委、市政府的领导下,累计保障会议2600场次。\n")
    assert d.period == "multi_year"


def test_bracketed_page_chrome_is_not_a_yearbook_topic():
    d = info("【打印本页】【关闭窗口】\n某县机关事务服务中心2021年工作总结\n2021年,县机关事务服务中心全年派车2100车次。\n")
    assert d.title == "某县机关事务服务中心2021年工作总结"


def test_title_sharing_its_line_with_the_page_date():
    d = info("某市机关事务管理局2020年工作总结 发布时间:2021年3月5日 浏览次数:120\n2020年,全年保障会议900场次。\n")
    assert d.title == "某市机关事务管理局2020年工作总结"
    assert d.published == "2021-03-05"


def test_bracketed_page_date_before_the_source():
    d = info("某市机关事务管理局2021年工作总结\n[2022-01-05]  来源:市机关事务管理局\n2021年,全年保障会议900场次。\n")
    assert d.published == "2022-01-05"


def test_opening_year_is_the_start_of_something_gives_the_year():
    d = info("机关事务工作总结\n2021年是“十四五”开局之年。一年来,市机关事务管理局全年保障会议900场次。\n")
    assert (d.year, d.period, d.doc_type) == (2021, "annual", "work_summary")
    d = info("机关事务工作总结\n回顾2019年,市机关事务管理局全年保障会议900场次。\n")
    assert (d.year, d.period) == (2019, "annual")


def test_news_headline_opening_on_year_is_stays_a_special_report():
    d = info(
        "某市机关事务服务中心扎实做好2024年度机关食堂反食品浪费评估工作\n"
        "2024年是全面推行评估制度的开局之年,某市机关事务服务中心组织对36家机关食堂开展专项评估。\n"
    )
    assert (d.year, d.doc_type) == (2024, "special_report")


def test_district_agency_keeps_its_city_as_written():
    # many districts share a name (西湖区, 江北区): the city written before it is part of the name
    d = info("杭州市西湖区机关事务管理服务中心2021年上半年工作总结\n2021年上半年,区机关事务管理服务中心全年保障会议90场次。\n")
    assert d.organization == "杭州市西湖区机关事务管理服务中心"
    assert (d.province, d.city, d.county, d.level, d.admin_code) == ("浙江省", "杭州市", "西湖区", "county", "330106")
    d = info("天津市河西区机关事务管理局2017年工作总结\n2017年,区机关事务管理局全年保障会议90场次。\n")
    assert (d.organization, d.city, d.county) == ("天津市河西区机关事务管理局", "天津市", "河西区")
    # a province before a city is not kept
    d = info("广东省佛山市机关事务管理局2020年工作总结\n2020年,市机关事务管理局全年保障会议900场次。\n")
    assert d.organization == "佛山市机关事务管理局"


def test_plan_only_title_is_other():
    # a plan reports no work done; SPEC §2 has no plan type
    d = info("银川市直机关事务管理局2019年工作计划\n2019年,我局将继续围绕市委、市政府中心工作,着力抓好以下几项工作。\n")
    assert (d.year, d.doc_type) == (2019, "other")
    d = info("2025年全省机关事务工作要点\n湖南省机关事务管理局\n2025年全省机关事务工作的总体要求是:力争能耗下降1%。\n")
    assert (d.year, d.level, d.doc_type) == (2025, "province", "other")
    # a summary that also plans stays summary_and_plan
    d = info("某市机关事务管理局2020年工作总结和2021年工作计划\n2020年,全年保障会议980场次。\n")
    assert d.doc_type == "summary_and_plan"
    # the ideas and measures for the year ahead: a plan too
    d = info("某县机关事务中心2025年工作思路及措施\n2025年,我中心将深化公务用车改革,推进公物仓建设。\n")
    assert d.doc_type == "other"
    d = info("某县机关事务中心2024年工作总结及2025年工作思路\n2024年,全年保障会议320场次。\n")
    assert d.doc_type == "summary_and_plan"


def test_director_report_is_a_work_summary():
    d = info("2022年度述职报告\n嘉兴市机关事务管理局局长  李某某\n一年来,在市委、市政府的正确领导下,全市公务用车平台运行平稳。\n")
    assert (d.year, d.period, d.doc_type, d.organization) == (2022, "annual", "work_summary", "嘉兴市机关事务管理局")


def test_five_year_plan_title_is_multi_year():
    d = info("株洲市机关事务管理局“十三五”工作总结\n“十三五”期间,市机关事务管理局累计腾退办公用房4.6万平方米。\n")
    assert (d.year, d.period, d.doc_type) == (None, "multi_year", "work_summary")


def test_bracketed_date_line_under_the_title_is_published():
    speech = "在全区机关事务工作会议上的讲话\n（2021年2月26日）\n同志们：\n今天召开全区机关事务工作会议,总结2020年工作。\n"
    d = info(speech)
    assert (d.published, d.doc_type) == ("2021-02-26", "special_report")
    # a page date wins over it; a signature date at the foot is still not read
    d = info("发布时间:2021-03-01 来源:区机关事务管理局\n" + speech)
    assert d.published == "2021-03-01"
    d = info("某市机关事务管理局2021年工作总结\n2021年,全年保障会议900场次。\n某市机关事务管理局\n2021年12月31日\n")
    assert d.published is None


def test_chongqing_county_has_its_code():
    # 重庆市 has two city-level codes (500100 districts, 500200 counties)
    d = info("巫山县机关事务管理局2020年工作总结\n2020年,县机关事务管理局在县委、县政府的领导下,全县公车平台派车2100车次。\n")
    assert (d.province, d.city, d.county, d.admin_code) == ("重庆市", "重庆市", "巫山县", "500237")
    d = info("重庆市万州区机关事务管理局2020年工作总结\n2020年,区机关事务管理局全年保障会议900场次。\n")
    assert (d.county, d.admin_code) == ("万州区", "500101")


def test_banner_agency_written_short():
    # 我旗机关事务服务中心: a banner's (county-level) agency, its place from the text
    d = info(
        "机关事务服务中心2023年工作总结\n"
        "2023年,我旗机关事务服务中心在旗委、旗政府的正确领导下,准格尔旗公共机构节能工作取得新成效,全旗处置公务用车32辆。\n"
    )
    assert d.organization == "准格尔旗机关事务服务中心"
    assert (d.province, d.city, d.county, d.level) == ("内蒙古自治区", "鄂尔多斯市", "准格尔旗", "county")


# The year a report is about, named in its body when the title gives none (SPEC §2):
# a heading on the year's work, a year next to 本年, the year work done is said to
# complete; never a plan's or a target's year, nor the page date when the body says otherwise.
BODY_YEAR = [
    # a top-level heading on the year's work, pasted without line breaks
    ("机关事务局公共机构节能工作总结今年以来,我局公共机构节能工作取得明显成效。现将有关情况汇报如下:"
     "一、2013年公共机构节能主要工作情况(一)强化组织领导。我市早在2010年8月就成立了领导小组。", (2013, "annual")),
    ("公共机构节能工作总结\n今年以来,我局扎实推进节能工作。\n一、2016年工作情况\n全年节约用电12万度。\n", (2016, "annual")),
    ("机关事务工作总结\n今年,我局围绕中心工作。\n一、2019年度工作总结\n保障会议300场次。\n", (2019, "annual")),
    ("机关事务中心工作汇报\n今年以来,我中心履职尽责。\n一、基本情况\n二、2018年主要工作完成情况\n接待来宾500人次。\n", (2018, "annual")),
    ("工作总结\n今年以来,我局扎实工作。\n一、二〇一三年工作情况\n保障会议200场次。\n", (2013, "annual")),
    # a year right before 本年 (a budget's or final account's own year)
    ("一、部门主要职责\n1.负责办公用房管理。\n二、收支情况\n1.预算收入情况:2025年本年收入13668.52万元。\n", (2025, "annual")),
    ("收入支出决算说明\n2024年度本年支出合计512.3万元,比上年减少3%。\n", (2024, "annual")),
    # work done: the year most 完成了… clauses name
    ("区机关后勤管理服务中心工作总结和“十二五”工作思路\n今年以来,我中心较好地完成了各项任务。"
     "一、今年主要目标任务完成情况 1、预计今年1-10月份实际运转费用为1268.47万元。"
     "2、完成了2010年区政府30件实事之一的装潢改造工程。\n", (2010, "annual")),
    ("机关后勤工作总结\n今年,我中心完成了2015年度办公楼维修任务,完成了2015年公车平台建设,完成了2014年遗留的审计整改。\n",
     (2015, "annual")),
    # the page date gives way to the body's own year
    ("发布时间:2014-03-01 来源:市机关事务管理局\n机关事务工作总结\n今年以来,我局扎实推进各项工作。\n一、2013年机关事务主要工作情况\n", (2013, "annual")),
    ("时间:2020-01-10 09:00\n节能工作综述\n今年以来,我局扎实推进节能工作。\n一、2019年工作情况\n节约用水5万吨。\n", (2019, "annual")),
    # a title's or an opening's year still wins
    ("某市机关事务管理局2019年工作总结\n今年以来,我局扎实工作。\n一、2018年工作情况回顾\n", (2019, "annual")),
    ("机关事务工作总结\n2017年,我局扎实推进各项工作。\n一、2016年工作情况\n", (2017, "annual")),
    # a plan's or a target's year, a start, a span, a tie: no year
    ("机关事务工作总结\n今年以来,我局扎实工作。\n一、2014年主要工作安排\n做好会议保障。\n", (None, None)),
    ("机关事务工作总结\n今年以来,我局扎实工作。\n三、2020年工作计划\n推进节能改造。\n", (None, None)),
    ("机关事务工作总结\n今年以来,我局扎实工作。力争到2030年完成全部节能改造,确保2025年前完成公车更新。\n", (None, None)),
    ("机关事务工作总结\n今年以来,我局扎实工作。下一步,我们将完成2025年目标任务。\n", (None, None)),
    ("机关事务工作总结\n今年以来,我局扎实工作。\n一、2012年以来工作情况\n", (None, None)),
    ("机关事务工作总结\n今年以来,我局扎实工作。\n一、2012年至2015年工作情况\n", (None, None)),
    ("机关后勤工作总结\n今年,我中心完成了2014年度维修任务,完成了2015年公车平台建设。\n", (None, None)),
    ("机关事务工作总结\n今年以来,我局扎实工作。\n一、XXXX年工作情况\n", (None, None)),
    ("机关事务工作总结\n2021年以来,本年度共保障会议120场次。\n", (None, None)),
    # a summary with the next five-year plan's ideas: no year said, no span either
    ("某中心工作总结和“十二五”工作思路\n今年以来,我中心认真履行职能,保障会议300场次。\n", (None, None)),
    ("株洲市机关事务管理局“十三五”工作总结\n五年来,我局扎实推进各项工作。\n", (None, "multi_year")),
    # a gazetteer entry whose topics open on the founding year and run over a span
    ("第四节 机关事务\n机构 区机关事务服务中心于2001年3月成立。\n公务接待\n"
     "2001年,制订《接待暂行规定》,规范接待程序。2001-2010年,共接待宾客3500余批次。\n", (None, "multi_year")),
    # a title's year stands, whatever span the body then opens on
    ("青原区机关事务服务中心2001年工作总结\n2001年,制订《接待暂行规定》。2001-2010年,共接待宾客3500余批次。\n", (2001, "annual")),
    # an opening year with a plan's span later: still that one year
    ("机关事务工作总结\n2019年,我局扎实推进各项工作。制定2019-2021年三年行动计划。\n", (2019, "annual")),
]


@pytest.mark.parametrize("text, expected", BODY_YEAR)
def test_year_named_in_the_body(text, expected):
    d = info(text)
    assert (d.year, d.period) == expected


def test_body_year_dates_relative_months():
    # 今年1-10月份 takes the body's year (SPEC §5)
    import govstat

    doc = govstat.extract_text(BODY_YEAR[7][0])
    assert "2010-01/2010-10" in [x.iso for x in doc.dates]


@pytest.mark.parametrize("text, name, code", [
    ("近日,市机关事务局会同市财政局在重庆市渝北区召开全市公物仓工作会,市级机关30家单位参加。全市公物仓共入库资产1200件。", "重庆市机关事务局", "500000"),
    ("天津市机关事务管理局召开节能工作会议。全市公共机构节能工作稳步推进,市级机关带头节约。", "天津市机关事务管理局", "120000"),
])
def test_municipality_own_agency_is_province_level(text, name, code):
    """A municipality (直辖市) is a province: its own agency is level province, code xx0000."""
    d = info(text)
    assert (d.organization, d.level, d.admin_code) == (name, "province", code)
    assert (d.province, d.city, d.county) == (name[:3], name[:3], None)


@pytest.mark.parametrize("text, year", [
    # a news item dating what happened: a month of one year
    ("为规范公务用车管理,2024年5月中旬,市机关事务管理局会同市财政局赴各县区开展检查,共检查车辆320辆。", 2024),
    # a year's figure in a text that says 今年
    ("今年,县机关事务局完成了全县公共机构能耗统计,全县2019年度人均综合能耗180.5千克标准煤,比2018年全省平均值低8%。", 2019),
    # a sentence opening on the year, on a page of the next January that says 今年以来
    ("发布日期:2021-01-08\n今年以来,区机关服务中心推广新能源公务用车。2020年,先后交付新能源汽车12辆。", 2020),
    # a start before 今年: no year
    ("2023年9月1日,市公物仓正式启动运行。截至今年6月底,公物仓累计调剂资产210件。", None),
    # two years: none
    ("2022年3月,县机关事务中心启动食堂改造;2023年6月,改造完成,可容纳300人就餐。", None),
    # a span from a start: the item is on the years since, none of them
    ("2020年以来,区机关事务中心推进办公用房清查。2020年,中心共接管闲置办公楼3栋。", None),
    # a named document's adoption date is not the work's
    ("《某市机关运行保障条例》于2021年9月22日经市人大常委会通过。各单位认真贯彻条例,推进集中统一管理。", None),
    # days of one month: the event's year
    ("2024年3月5日至8日,县机关事务中心完成了“两会”会务保障,共保障会议12场。", 2024),
    # a start written with its day: 2021年11月1日起 is not a month of 2021
    ("《某市公务用车管理办法》自2021年11月1日起施行。各单位认真贯彻办法,规范公务用车使用。", None),
])
def test_news_item_year_from_its_dated_events(text, year):
    d = info(text)
    assert d.year == year
    assert d.period is None  # a news item on a year is no annual report


def test_headline_of_two_phrases_over_the_page_date():
    d = info(
        "首页 > 工作动态\n\n 深化公物仓建设\n盘活闲置资产增效益\n \n2023年05月16日    来源:\n\n"
        "近年来,市机关事务管理局推进公物仓建设,全年调剂资产1200件。\n"
    )
    assert d.title == "深化公物仓建设 盘活闲置资产增效益"


def test_headline_above_an_agency_line_is_not_joined():
    d = info("深化公物仓建设\n市机关事务管理局\n发布时间:2023-05-16\n近年来,市机关事务管理局推进公物仓建设。\n")
    assert d.title == "深化公物仓建设"


def test_speech_title_run_on_with_its_subtitle_and_body():
    d = info(
        "推进公共机构节能的几点体会——县机关事务局局长王某2019年6月在全市节能工作座谈会上的发言"
        "2018年,全县公共机构能耗总量下降3.2%,人均能耗下降4.1%。我们的做法是:一、抓制度。\n"
    )
    assert d.title == "推进公共机构节能的几点体会"


def test_development_zone_agency_is_placed_in_its_city():
    d = info("近日,淮南高新区机关事务中心推进公物仓建设,全区调剂资产320件。我区将继续推进。全区节约资金12万元。\n")
    assert d.organization == "淮南高新区机关事务中心"
    assert (d.province, d.city, d.county, d.level, d.admin_code) == ("安徽省", "淮南市", None, "county", "340400")


def test_page_date_in_a_metadata_table_cell():
    d = info("索引号: | 011/2021-00001 | 分类: | 其他 | ||\n发布机构: | 市机关事务中心 | 公开日期: | 2021-03-09 | ||\n"
             "标题: | 市机关事务中心2020年工作总结 | ||||\n2020年,我中心全年保障会议560场次。\n")
    assert d.published == "2021-03-09"


def test_level_cues_of_a_city_in_traditional_script_and_of_a_ministry():
    d = info("市級行政事業單位公物倉為市級黨政機關舉辦大型活動提供保障。今年以來,公物倉收儲辦公家具320件。")
    assert d.level == "city"
    d = info("服务中心完成了部机关办公楼的冬季供暖,部机关干部职工满意。供暖期共耗用天然气12万立方米。")
    assert d.level == "national"
    # 全部机关 (all offices) is no ministry's
    d = info("全县全部机关事业单位完成节能改造。全部机关食堂实行光盘行动。县直单位32家参加。")
    assert d.level == "county"


def test_county_agency_written_without_its_suffix():
    d = info("2020年,龙湖机关事务局推进公务用车改革。一是在龙湖区各单位张贴公务用车标识。二是建立龙湖区公务用车平台。")
    assert d.organization == "龙湖机关事务局"
    assert (d.city, d.county, d.level) == ("汕头市", "龙湖区", "county")


def test_untitled_text_opening_on_its_first_heading_is_a_summary():
    d = info("一、加强学习,提高服务意识\n我中心组织学习12次。\n二、做好会议保障\n今年1—10月,中心共保障会议380场次。\n")
    assert d.doc_type == "work_summary"


def test_informal_short_agency_name_is_kept_as_written():
    d = info("2018年,县行管局加强机关食堂管理,在县政府大院安装节能灯具300盏。县直单位42家参加节能宣传。")
    assert (d.organization, d.level) == ("县行管局", "county")
    d = info("近日,市事管中心开展公物仓清查。市直机关交回办公家具120件,全市调剂使用。")
    assert (d.organization, d.level) == ("市事管中心", "city")
    # a word that only holds the letters is no agency: 人事管理中心, 仓事管中心〔2021〕
    d = info("人事管理中心组织培训。仓事管中心〔2021〕12号文件下发。")
    assert d.organization is None


def test_cover_letter_signature_dates_the_report():
    letter = (
        "局机关各科室:\n现将《丽水市机关事务管理局2023年工作总结》转发给你们,请认真学习。\n"
        "丽水市机关事务管理局\n2024年1月8日\n丽水市机关事务管理局2023年工作总结\n"
        "2023年,我局保障会议210场次。\n"
    )
    assert info(letter).published == "2024-01-08"
    assert info(letter).title == "丽水市机关事务管理局2023年工作总结"
    # a signature date at the foot of a report forwarded by no letter is not read
    d = info("丽水市机关事务管理局2023年工作总结\n2023年,我局保障会议210场次。\n丽水市机关事务管理局\n2024年1月8日\n")
    assert d.published is None


def test_single_topic_summary_is_a_special_report():
    d = info("机关事务局公务用车管理工作总结\n今年以来,我局规范公务用车管理,全年核减车辆12辆。\n")
    assert d.doc_type == "special_report"
    # an untitled entry that opens on one field of work
    d = info("2021年,龙华机关事务局进一步抓好办公用房管理,清理腾退办公用房1200平方米。二是规范维修。")
    assert d.doc_type == "special_report"
    # the field in the agency's name, or after a title on the whole year's work: a summary
    d = info("兰州市机关事务管理局(兰州市公共机构节能办公室)2021年工作总结\n2021年,全市公共机构能耗下降2%。\n")
    assert d.doc_type == "work_summary"
    d = info("兰州市机关事务管理局2021年工作报告\n2021年,本局持续推动节能减碳,公务车辆共计120辆。\n")
    assert d.doc_type == "work_summary"


def test_untitled_half_year_summary_heading():
    d = info(
        "今年以来,我局在市委、市政府的正确领导下,圆满完成了既定工作任务。\n"
        "一、上半年工作总结\n(一)做好会议保障\n全市保障会议120场次。\n"
    )
    assert (d.doc_type, d.period) == ("work_summary", "H1")


def test_agency_in_a_byline_is_the_reporter():
    text = (
        "扎实推进公物仓建设\n\n   /天津市机关事务管理局\n\n"
        "全市机关事务系统推进公物仓建设。河西区机关事务管理局建成区级公物仓,"
        "南开区机关事务管理局调剂家具300件,河西区机关事务管理局收储设备120台。\n"
    )
    d = info(text)
    assert (d.organization, d.level, d.county) == ("天津市机关事务管理局", "province", None)
    # an agency only named in the body, with no byline mark, is not lifted so
    d = info(text.replace("   /天津市机关事务管理局\n", ""))
    assert d.organization == "河西区机关事务管理局"


def test_county_level_city_named_by_the_publisher_line_calls_itself_our_city():
    text = (
        "我市推进公物仓建设\n发布机构 义乌市财政局 发布日期 2021-03-02\n"
        "2020年,我市公物仓收储办公家具320件,全市调剂使用110件。我市将继续推进。\n"
    )
    d = info(text)
    assert (d.province, d.city, d.county, d.level) == ("浙江省", "金华市", "义乌市", "county")
    # a 县级市 named in the body only is one the report speaks of, not its own
    d = info(text.replace("发布机构 义乌市财政局", "发布机构 财政局").replace("全市调剂", "义乌市调剂"))
    assert (d.county, d.level) == (None, "city")


def test_zone_committee_reports_for_itself():
    d = info(
        "办公用房自查情况报告市委巡察组对芜湖反馈问题提出整改要求。现将有关情况报告如下:"
        "一、基本情况高新区管委会办公楼建筑面积8581平方米。高新区管委会高度重视整改工作。\n"
    )
    assert d.title == "办公用房自查情况报告"
    assert (d.organization, d.province, d.city, d.county) == ("高新区管委会", "安徽省", "芜湖市", None)
    # 区管委会 with no zone before it names no agency
    d = info("2021年,区管委会召开会议,部署办公用房清理工作。区管委会主任出席。")
    assert d.organization is None
