"""Dates (SPEC §5), written for the tests."""

import pytest

import govstat


def dates(text, year=None):
    from govstat.extract.normalize import NormalizedText
    from govstat.extract.statistics import find_statistics_and_dates

    _mentions, found = find_statistics_and_dates(NormalizedText(text), report_year=year)
    return [(d.text, d.iso, d.year_inferred) for d in found]


@pytest.mark.parametrize(
    "text, year, expected",
    [
        ("发布时间:2021-06-30 15:20", None, [("2021-06-30", "2021-06-30", False)]),
        ("于2018年12月31日完成。", None, [("2018年12月31日", "2018-12-31", False)]),
        ("2016年8月启动。", None, [("2016年8月", "2016-08", False)]),
        ("截至2020年末已完成。", None, [("2020年末", "2020-12", False)]),
        ("2015年度考核优秀。", None, [("2015年度", "2015", False)]),
        ("2023年上半年工作总结", None, [("2023年上半年", "2023", False)]),
        ("二〇二一年十月", None, [("二〇二一年十月", "2021-10", False)]),
        ("十二月份召开会议。", 2020, [("十二月份", "2020-12", True)]),
        ("更新时间:2019.12", None, [("2019.12", "2019-12", False)]),
        # a dotted full date is a date, not a version number (3.2.1版本 stays none)
        ("验收时间:2022.7.15,", None, [("2022.7.15", "2022-07-15", False)]),
        ("于2021.11.03召开座谈会。", None, [("2021.11.03", "2021-11-03", False)]),
        ("系统升级至2.3.1版本。", None, []),
        ("投入2019.12万元。", None, []),
        ("6月20日召开会议。", 2019, [("6月20日", "2019-06-20", True)]),
        ("6月20日召开会议。", None, [("6月20日", "XXXX-06-20", True)]),
        ("11月下旬完工。", 2020, [("11月下旬", "2020-11", True)]),
        ("2019年9月中下旬完成验收。", None, [("2019年9月中下旬", "2019-09", False)]),
        ("4月上中旬开展自查。", 2020, [("4月上中旬", "2020-04", True)]),
        ("3月份开始施工。", 2020, [("3月份", "2020-03", True)]),
        ("去年12月投入使用。", 2020, [("去年12月", "2019-12", True)]),
        ("今年1-6月能耗下降。", 2022, [("今年1-6月", "2022-01/2022-06", True)]),
        ("今年1-6月能耗下降。", None, [("今年1-6月", "XXXX-01/XXXX-06", True)]),
        ("2014年至2016年期间", None, [("2014年", "2014", False), ("2016年", "2016", False)]),
        ("8月1日至5日开展检查。", 2021, [("8月1日", "2021-08-01", True), ("5日", "2021-08-05", True)]),
        # two days of one month with 日 written once: two dates, the first without its 日
        ("9月14—16日举办培训班。", 2021, [("9月14", "2021-09-14", True), ("16日", "2021-09-16", True)]),
        ("2020年11月3-5日开展检查。", None, [("2020年11月3", "2020-11-03", False), ("5日", "2020-11-05", False)]),
        ("6月8、9日召开座谈会。", 2019, [("6月8", "2019-06-08", True), ("9日", "2019-06-09", True)]),
        # two months of a list with 月 written once: two dates
        ("2019年7、8月份用电量偏高。", None, [("2019年7", "2019-07", False), ("8月份", "2019-08", False)]),
        ("11、12月完成验收。", 2020, [("11", "2020-11", True), ("12月", "2020-12", True)]),
        # a Chinese year's zero typed as ○ or O
        ("二○一九年十一月", None, [("二○一九年十一月", "2019-11", False)]),
        ("二O二O年三月", None, [("二O二O年三月", "2020-03", False)]),
        # a month range is one date with an interval (SPEC §5), 月 on one end or both
        ("2020年1月至6月能耗下降。", None, [("2020年1月至6月", "2020-01/2020-06", False)]),
        ("2021年3月--9月,累计接待", None, [("2021年3月--9月", "2021-03/2021-09", False)]),
        ("2018年2月份—5月份开展检查。", None, [("2018年2月份—5月份", "2018-02/2018-05", False)]),
        ("今年4月至11月,共维修", 2021, [("今年4月至11月", "2021-04/2021-11", True)]),
        ("3月-8月完成清查。", 2021, [("3月-8月", "2021-03/2021-08", True)]),
        # a month range across years is one interval too (a range of days stays two dates)
        ("2018年11月至2019年3月开展清查。", None, [("2018年11月至2019年3月", "2018-11/2019-03", False)]),
        # the first month of a range may carry a suffix (上旬, 底)
        ("5月上旬至9月下旬开展巡查。", 2021, [("5月上旬至9月下旬", "2021-05/2021-09", True)]),
        ("2019年2月底至4月完成清理。", None, [("2019年2月底至4月", "2019-02/2019-04", False)]),
        # 元月 is January; 元 after a number is money
        ("2009年元月,成立服务中心。", None, [("2009年元月", "2009-01", False)]),
        ("元月份启动改造。", 2016, [("元月份", "2016-01", True)]),
        ("租金每间800元月付。", 2016, []),
        # a relative year with a year-end suffix is a date like 2019年末
        ("自去年年底以来,完成", 2017, [("去年年底", "2016-12", True)]),
        ("力争今年底前全部完成。", 2017, [("今年底", "2017-12", True)]),
        ("今年初步建成平台。", 2017, []),
        # a year before a comma in English text
        ("Since 2003, the bureau has", None, [("2003", "2003", False)]),
        ("20XX年5月完成清理。", None, [("20XX年5月", "XXXX-05", False)]),
        ("2019公共机构节能工作报告", None, [("2019", "2019", False)]),
        ("版权所有©2015-2021 某市", None, [("2015", "2015", False), ("2021", "2021", False)]),
        ("索引号:011158671/2021-22428", None, []),
        ("开展“2020节能宣传周”活动。", None, [("2020", "2020", False)]),
        # garbled in publishing: one reading only -> a date; two readings -> none
        ("管理办法20158月印发。", None, [("20158月", "2015-08", False)]),
        ("会议于2016125召开。", None, []),
        ("于126日完成。", 2018, []),
        ("于108日完成。", 2018, [("108日", "2018-10-08", True)]),
        # a day of the month as written (每月15日) is not a garbled 1月5日
        ("每月15日前报送能耗数据。", 2018, []),
        ("当月于26日召开推进会。", 2018, []),
        ("项目6月完工,97正式交付使用。", 2018, [("6月", "2018-06", True), ("97", "2018-09-07", True)]),
        ("项目完工后,共计得分28分。", 2018, []),
        # generation labels, times of day, screen sizes and temperatures are no garbled dates
        ("全局干部中,85后占四成。", 2018, []),
        ("值班至次日,12时交接。", 2018, []),
        ("会议室配备,55英寸显示屏。", 2018, []),
        # glued to a word before it: a count that lost its classifier, unless an event word follows
        ("定点维修企业86共维修车辆", 2018, []),
        ("办理加油卡312主卡", 2018, []),
        ("新食堂1016开工建设。", 2018, [("1016", "2018-10-16", True)]),
        ("不使用一次性杯子,8 月份全市开展检查。", 2018, [("8 月份", "2018-08", True)]),
    ],
)
def test_dates(text, year, expected):
    assert dates(text, year) == expected


@pytest.mark.parametrize(
    "text",
    ["春节期间加强值守。", "正月初八上班。", "今年以来成效明显。", "全年完成任务。", "根据某发〔2018〕12号文件。"],
)
def test_not_dates(text):
    assert dates(text, 2020) == []


def test_document_year_feeds_inference():
    doc = govstat.extract_text("某市机关事务管理局2019年工作总结\n3月启动食堂改造。")
    inferred = [d for d in doc.dates if d.year_inferred]
    assert [(d.text, d.iso) for d in inferred] == [("3月", "2019-03")]


@pytest.mark.parametrize(
    "text, year, expected",
    [
        # a month range across a relative year is one interval (SPEC §5), like 2022年12月至2023年3月
        ("去年12月至今年3月开展检查。", 2023, [("去年12月至今年3月", "2022-12/2023-03", True)]),
        ("上年11月至本年2月为供暖季。", 2023, [("上年11月至本年2月", "2022-11/2023-02", True)]),
        ("去年10月份—今年1月份完成。", 2023, [("去年10月份—今年1月份", "2022-10/2023-01", True)]),
        # two separate months stay two dates; with no report year each month stands alone
        ("去年12月和今年3月各检查一次。", 2023, [("去年12月", "2022-12", True), ("今年3月", "2023-03", True)]),
        ("去年12月至今年3月开展检查。", None, [("去年12月", "XXXX-12", True), ("今年3月", "XXXX-03", True)]),
    ],
)
def test_relative_month_range_across_years(text, year, expected):
    assert dates(text, year) == expected
