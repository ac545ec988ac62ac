"""The number grammar, units, qualifiers and the hard negatives of SPEC §3.

Sentences are written for these tests, not copied from the sample reports.
"""

import pytest

import govstat


def stats(text):
    return [(m.text, m.value, m.value_max, m.unit, m.kind) for m in govstat.extract_text(text, meaning=False).mentions]


def one(text):
    found = govstat.extract_text(text, meaning=False).mentions
    assert len(found) == 1, [(m.text, m.value, m.unit) for m in found]
    return found[0]


@pytest.mark.parametrize(
    "sentence, span, value, unit, kind",
    [
        ("全区共清理办公用房3.6万平方米。", "3.6万平方米", 36000, "平方米", "area"),
        ("本年度新购置执法车辆48辆。", "48辆", 48, "辆", "count"),
        ("累计支付维修资金2,350万元。", "2,350万元", 23500000, "元", "money"),
        ("累计支付维修资金2，350万元。", "2，350万元", 23500000, "元", "money"),
        ("安排专项资金１２０万元。", "１２０万元", 1200000, "元", "money"),
        ("年度预算为1.85亿元。", "1.85亿元", 185000000, "元", "money"),
        ("节约经费8千元。", "8千元", 8000, "元", "money"),
        ("公务车辆行驶里程达86.4万公里。", "86.4万公里", 864000, "公里", "length"),
        ("新铺设管网800米。", "800米", 0.8, "公里", "length"),
        ("全年用电量215万千瓦时。", "215万千瓦时", 2150000, "千瓦时", "energy"),
        ("光伏年发电12万度。", "12万度", 120000, "千瓦时", "energy"),
        ("综合能耗折合3400吨标准煤。", "3400吨标准煤", 3400, "吨标准煤", "energy"),
        ("人均能耗186.5千克标准煤。", "186.5千克标准煤", 0.1865, "吨标准煤", "energy"),
        ("年用水量4.8万立方米。", "4.8万立方米", 48000, "立方米", "volume"),
        ("回收废旧纸张12吨。", "12吨", 12, "吨", "mass"),
        ("处理餐厨垃圾600公斤。", "600公斤", 0.6, "吨", "mass"),
        ("绿化面积扩大到15亩。", "15亩", 10000.05, "平方米", "area"),
        ("改造后单位面积能耗为32.5千瓦时/平方米。", "32.5千瓦时/平方米", 32.5, "千瓦时/平方米", "ratio"),
        ("人均办公面积9.5m2。", "9.5m2", 9.5, "平方米", "area"),
        ("接待来宾三千二百人次。", "三千二百人次", 3200, "人次", "count"),
        ("配备了十二名专职驾驶员。", "十二名", 12, "人", "count"),
        ("整合了两个食堂。", "两个", 2, "个", "count"),
        ("筹措资金一百五十万元。", "一百五十万元", 1500000, "元", "money"),
        # 十 opening a run is the numeral ten, not a bare multiplier
        ("追加经费十万元。", "十万元", 100000, "元", "money"),
        ("全年服务十万人次。", "十万人次", 100000, "人次", "count"),
        ("院區共有職工三百人。", "三百人", 300, "人", "count"),
        ("購置新能源汽車5.2萬輛。", "5.2萬輛", 52000, "辆", "count"),
        ("调配车辆 22 辆。", "22 辆", 22, "辆", "count"),
        ("支出 84.79 万元。", "84.79 万元", 847900, "元", "money"),
        ("能耗下降3个百分点。", "3个百分点", 3, "个百分点", "percentage_point"),
        ("覆盖率达到百分之九十五。", "百分之九十五", 95, "%", "percent"),
        ("能耗下降百分之十二点五。", "百分之十二点五", 12.5, "%", "percent"),
        ("运行温度不超过26℃。", "26℃", 26, "℃", "other"),
        # 度 after a temperature is degrees, not kWh
        ("办公区空调温度夏季设定不低于26度。", "26度", 26, "度", "other"),
        ("冬季室温不高于20摄氏度。", "20摄氏度", 20, "摄氏度", "other"),
        ("锅炉压力0.8MPa。", "0.8MPa", 0.8, "MPa", "other"),
        ("装机容量500千瓦。", "500千瓦", 500, "千瓦", "other"),
        ("项目历时14个月。", "14个月", 14, "月", "duration"),
        ("建设工期280天。", "280天", 280, "天", "duration"),
        ("值守48小时。", "48小时", 48, "小时", "duration"),
        ("群众诉求24小时内办结。", "24小时", 24, "小时", "duration"),
        ("该楼已使用二十年。", "二十年", 20, "年", "duration"),
        ("接待量达83.9万人次。", "83.9万人次", 839000, "人次", "count"),
        # SPEC §4 lists neither weeks, litres nor per-mille: kind other, unit as written
        ("培训周期为3周。", "3周", 3, "周", "other"),
        ("发放消毒液12升。", "12升", 12, "升", "other"),
        ("含氯量为5‰。", "5‰", 5, "‰", "other"),
        ("完成异地用车申请68单。", "68单", 68, "单", "count"),
        ("发放医用酒精6000毫升。", "6000毫升", 6000, "毫升", "other"),
        ("引进外资5万美元。", "5万美元", 50000, "美元", "other"),
        ("新建变电站的电压为110kV。", "110kV", 110, "kV", "other"),
        ("年节能量折合1200tce。", "1200tce", 1200, "吨标准煤", "energy"),
        # a mass after the name of the standard-fuel measure is in 吨标准煤
        ("全年节约标准煤86吨。", "86吨", 86, "吨标准煤", "energy"),
        ("能源消耗折合标煤1.6万吨。", "1.6万吨", 16000, "吨标准煤", "energy"),
        ("能耗折标准煤约450公斤。", "450公斤", 0.45, "吨标准煤", "energy"),
        ("辖区面积86平方千米。", "86平方千米", 86000000, "平方米", "area"),
        # a multiplier after 万/亿 with no digit starts the unit: 一万 + 千瓦时
        ("光伏电站年发电一万千瓦时。", "一万千瓦时", 10000, "千瓦时", "energy"),
        ("全年节电两亿千瓦时。", "两亿千瓦时", 200000000, "千瓦时", "energy"),
        # digits grouped by a space or a thin space, as typeset yearbooks write them
        ("共组织3 000余人参加培训。", "3 000余人", 3000, "人", "count"),
        ("全年接待12\u2009345人次。", "12\u2009345人次", 12345, "人次", "count"),
        ("累计投入1 250.5万元。", "1 250.5万元", 12505000, "元", "money"),
        # compound classifier + 次: the span and the unit run to 次
        ("调派工程机械37台次。", "37台次", 37, "台次", "count"),
        ("安排接送车辆120余趟次。", "120余趟次", 120, "趟次", "count"),
        ("开行通勤班车86班次。", "86班次", 86, "班次", "count"),
        ("入户走访42户次。", "42户次", 42, "户次", "count"),
        ("供应工作餐1.5万餐次。", "1.5万餐次", 15000, "餐次", "count"),
        # meals served, aspects (方面 without 个: 方 is not 立方米 here)
        ("值守期间供餐36餐。", "36餐", 36, "餐", "count"),
        ("从4方面入手整改。", "4方面", 4, "方面", "count"),
        ("重点抓好两方面工作。", "两方面", 2, "方面", "count"),
        # classifiers of transactions, packs, files, pots, windows, sets, class hours, calls, banners, letters
        ("财务系统处理支付业务4600余笔。", "4600余笔", 4600, "笔", "count"),
        ("领用复印纸1200包。", "1200包", 1200, "包", "count"),
        ("整理移交档案860卷。", "860卷", 860, "卷", "count"),
        ("会场摆放绿植450盆。", "450盆", 450, "盆", "count"),
        ("维修更换木门36樘。", "36樘", 36, "樘", "count"),
        ("擦拭玻璃窗900扇。", "900扇", 900, "扇", "count"),
        ("调剂使用监控设备15台套。", "15台套", 15, "台套", "count"),
        ("组织网络学习48学时。", "48学时", 48, "学时", "count"),
        ("授课24课时。", "24课时", 24, "课时", "count"),
        ("回访服务对象2300通。", "2300通", 2300, "通", "count"),
        ("获赠锦旗7面。", "7面", 7, "面", "count"),
        ("收到感谢信16封。", "16封", 16, "封", "count"),
        # 日 as a duration (天) where it cannot be a day of the month
        ("维修工期为期12日。", "12日", 12, "天", "duration"),
        ("申请事项7日内办结。", "7日", 7, "天", "duration"),
        ("整治行动历时45日。", "45日", 45, "天", "duration"),
        # 延米 (linear metres), 平方 for 平方米, grams and seconds (other)
        ("更换排水管道860延米。", "860延米", 0.86, "公里", "length"),
        ("维修改造会议室450平方。", "450平方", 450, "平方米", "area"),
        ("人均每餐节约粮食50克。", "50克", 50, "克", "other"),
        ("平均响应时间30秒。", "30秒", 30, "秒", "other"),
        # a multiplier, then digits with a smaller one: 1万2千元
        ("维修费用共计3万6千元。", "3万6千元", 36000, "元", "money"),
        ("改造面积2万4千平方米。", "2万4千平方米", 24000, "平方米", "area"),
        ("项目总投资1亿5千万元。", "1亿5千万元", 150000000, "元", "money"),
        ("合同金额85万人民币。", "85万人民币", 850000, "元", "money"),
        ("年供热量2.4万GJ。", "2.4万GJ", 24000, "GJ", "other"),
        # 人/次 and 人·次 are written for 人次
        ("举办讲座培训干部1600人/次。", "1600人/次", 1600, "人次", "count"),
        ("接待来访群众420余人·次。", "420余人·次", 420, "人次", "count"),
        # after 电话/热线 a number with a count classifier counts calls: no phone number
        ("接听服务电话3800个。", "3800个", 3800, "个", "count"),
        ("受理监督热线1200余件。", "1200余件", 1200, "件", "count"),
        ("受理投诉电话260次。", "260次", 260, "次", "count"),
    ],
)
def test_number_unit_value(sentence, span, value, unit, kind):
    m = one(sentence)
    assert (m.text, m.unit, m.kind) == (span, unit, kind)
    assert m.value == pytest.approx(value)
    assert sentence[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "sentence, span, value, value_max, unit",
    [
        ("每批安排10至20辆。", "10至20辆", 10, 20, "辆"),
        ("改造面积约12万—15万平方米。", "12万—15万平方米", 120000, 150000, "平方米"),
        ("单价在3-5万元之间。", "3-5万元", 30000, 50000, "元"),
        ("容纳100-200人的会议室。", "100-200人", 100, 200, "人"),
        ("每组安排二至三人值守。", "二至三人", 2, 3, "人"),
        ("工期一至两个月。", "一至两个月", 1, 2, "月"),
        ("能耗降低10%-20%。", "10%-20%", 10, 20, "%"),
        # both ends with a multiplier, the unit holding the second one's (万元, 万千瓦时)
        ("每套设备报价2万至3万元。", "2万至3万元", 20000, 30000, "元"),
        ("改造预算0.5亿—1亿元。", "0.5亿—1亿元", 50000000, 100000000, "元"),
        ("年节电6万-8万千瓦时。", "6万-8万千瓦时", 60000, 80000, "千瓦时"),
    ],
)
def test_ranges(sentence, span, value, value_max, unit):
    m = one(sentence)
    assert (m.text, m.value, m.value_max, m.unit) == (span, value, value_max, unit)


@pytest.mark.parametrize(
    "sentence, span, approx",
    [
        ("服务干部职工约4200人次。", "4200人次", "about"),
        ("投入资金大约30万元。", "30万元", "about"),
        ("腾退用房2万平方米左右。", "2万平方米", "about"),
        ("共处理问题60余件。", "60余件", "over"),
        ("行驶里程120多万公里。", "120多万公里", "over"),
        ("节能率达15%以上。", "15%", "over"),
        ("累计完成超过300场次。", "300场次", "over"),
        ("维修办公室逾百间。", "百间", "over"),
        ("服务参会人员近9000人次。", "9000人次", "under"),
        ("不足50人参加。", "50人", "under"),
        ("改造工作持续了五年多。", "五年多", "over"),
        ("清查工作历时4个多月。", "4个多月", "over"),
        ("整改用了两个多月。", "两个多月", "over"),
        ("应急演练持续3个多小时。", "3个多小时", "over"),
        ("约6800余人次参加。", "6800余人次", "over"),
        ("辖区公共机构约有430家。", "430家", "about"),
        ("累计投入约计85万元。", "85万元", "about"),
        ("参加学习超过了260人次。", "260人次", "over"),
        ("全年培训不低于40学时。", "40学时", "over"),
        ("近万人次观看。", "万人次", "under"),
        ("共接待来访群众近千人次。", "千人次", "under"),
        ("采购项目节约资金15万元。", "15万元", None),
        # 贴近 is a word, but a word ending in 贴 leaves 近 its own: nearly
        ("今年发放车改补贴近1.2亿元。", "1.2亿元", "under"),
        ("全年发放岗位津贴近300万元。", "300万元", "under"),
        ("工作更加贴近3个方面的需求。", "3个", None),
    ],
)
def test_approx(sentence, span, approx):
    m = one(sentence)
    assert (m.text, m.approx) == (span, approx)


def test_about_covers_the_next_item_of_a_list():
    found = govstat.extract_text("每年保障会议约600场次、2万人次,接待50批次、约800人次。", meaning=False).mentions
    assert [(m.text, m.approx) for m in found] == [
        ("600场次", "about"), ("2万人次", "about"), ("50批次", None), ("800人次", "about")]


def test_near_before_a_span_of_time_to_now_is_not_approx():
    m = one("近5年来,累计节约经费。")
    assert (m.text, m.approx) == ("5年", None)
    assert one("近三年,各项工作稳步推进。").approx is None
    assert one("将近3年没有更新。").approx == "under"


def test_near_before_a_measured_duration_is_under():
    # a measured duration (的 after it, or a verb of lasting before 近): "nearly"
    assert one("历经近8个月的改造,大楼重新启用。").approx == "under"
    assert one("整修工程历时近两年。").approx == "under"
    assert one("该批车辆已使用近十年。").approx == "under"
    # a span reaching to now: "the last"
    assert one("近两年内完成全部改造。").approx is None
    assert one("在近五年里,节约经费。").approx is None
    assert one("我局近三年共腾退办公室。").approx is None


def test_two_as_a_count_of_times_stays():
    assert [m.text for m in govstat.extract_text("全年共开展检查二次,另有二次以上。", meaning=False).mentions] == ["二次", "二次"]


def test_two_classifiers_for_one_count_are_not_a_ratio():
    m = one("采购办公设备40台/套。")
    assert (m.text, m.unit, m.kind) == ("40台", "台", "count")
    m = one("车辆单价不超过18万元/辆。")
    assert (m.unit, m.kind, m.value) == ("元/辆", "ratio", 180000)


@pytest.mark.parametrize(
    "sentence, span, change",
    [
        ("公务接待费同比下降12.5%。", "12.5%", "decrease"),
        ("车辆运行费比上年增长4.2%。", "4.2%", "increase"),
        ("单位面积能耗较基准年降低6个百分点。", "6个百分点", "decrease"),
        ("三公经费压减率达18.6%。", "18.6%", "decrease"),
        ("会议费节支率9%。", "9%", "decrease"),
        ("公车数量比改革前减少120辆。", "120辆", "decrease"),
        ("支出比上年增加6.3万元。", "6.3万元", "increase"),
        ("节约用电18万千瓦时。", "18万千瓦时", None),
        ("减少二氧化碳排放400吨。", "400吨", None),
        ("能耗下降到35千瓦时/平方米。", "35千瓦时/平方米", None),
        ("节能示范单位创建率为82%。", "82%", None),
        # a word naming the size of the change: 为/达到 after it still give the change
        ("办公经费支出增幅为3.5%。", "3.5%", "increase"),
        ("单位建筑面积电耗降幅达到7%。", "7%", "decrease"),
        ("公务接待批次增速为2.1%。", "2.1%", "increase"),
        # a water or electricity saving rate is a decrease, an amount saved none, a level rate none
        ("机关大院节水率达11%。", "11%", "decrease"),
        ("光伏改造后节电率18%。", "18%", "decrease"),
        ("全年节水2.3万吨。", "2.3万吨", None),
        ("节水器具普及率达到95%。", "95%", None),
        # after a comparison, 多/少 (and a short verb) give the direction
        ("接待人数比上年多860人次。", "860人次", "increase"),
        ("公务用车较改革前少42辆。", "42辆", "decrease"),
        ("会议费较上年少支出3.2万元。", "3.2万元", "decrease"),
        ("全年比计划多完成7项。", "7项", "increase"),
        ("占比较多的单位有9家。", "9家", None),
        # a count: the counted noun may stand between the cue and the number
        ("全年共减少执法车辆38辆。", "38辆", "decrease"),
        ("新址增加会议室6间。", "6间", "increase"),
        ("调整后减少公务用车到96辆。", "96辆", None),
        ("增加保障经费40万元。", "40万元", None),
    ],
)
def test_change(sentence, span, change):
    found = govstat.extract_text(sentence, meaning=False).mentions
    m = [x for x in found if x.text == span]
    assert m, [x.text for x in found]
    assert m[0].change == change


def test_standard_coal_applies_to_its_own_number_only():
    found = stats("节约标准煤120吨、二氧化碳310吨。")
    assert [(f[0], f[3], f[4]) for f in found] == [("120吨", "吨标准煤", "energy"), ("310吨", "吨", "mass")]


def test_digit_string_after_a_word_is_no_numeral():
    # 统一 + 三个: 一三 is no numeral, 三个 is the count
    assert stats("制定统一三个标准。") == [("三个", 3, None, "个", "count")]
    assert stats("同一两个部门。") == [("两个", 2, None, "个", "count")]
    # with a zero, digits written one by one are a number
    assert stats("参训一〇八人。") == [("一〇八人", 108, None, "人", "count")]


def test_electricity_between_a_temperature_and_degrees_keeps_kwh():
    assert stats("通过调节空调温度节约用电800度。") == [("800度", 800, None, "千瓦时", "energy")]


def test_temperature_reaches_the_next_item_of_a_list_but_not_kwh():
    found = stats("空调温度夏季不低于26度、冬季不高于20度，全年节约用电3.5万度。")
    assert [(f[0], f[3], f[4]) for f in found] == [
        ("26度", "度", "other"), ("20度", "度", "other"), ("3.5万度", "千瓦时", "energy")]


def test_list_gives_each_number_separately():
    found = stats("租用大巴12台、中巴8台、轿车30台。")
    assert [f[0] for f in found] == ["12台", "8台", "30台"]


def test_number_after_counted_noun_without_unit():
    found = stats("清退房间128,其中市直部门清退办公室56。")
    assert [(f[0], f[1], f[3]) for f in found] == [("128", 128, None), ("56", 56, None)]


def test_numbers_separated_by_a_space_stay_apart():
    # a 4-digit number then a space is not a thousands group, nor are groups of 2 or 4
    assert [m.text for m in govstat.extract_text("2019 120辆；另有12 34辆。", meaning=False).mentions] == ["120辆", "34辆"]


def test_arabic_one_is_a_statistic_but_lone_chinese_one_is_not():
    assert stats("新建1个充电站。") == [("1个", 1, None, "个", "count")]
    assert stats("新建一个充电站,开展一次检查,完成一批项目。") == []
    assert stats("采购一百台电脑。") == [("一百台", 100, None, "台", "count")]


@pytest.mark.parametrize(
    "sentence",
    [
        # dates are dates, not statistics
        "2021年3月15日召开会议。",
        "截至2022年底完成任务。",
        # ordinals and identifiers
        "第十二巡回检查组进驻。",
        "市三中开展节能宣传。",
        "位于8号楼三层。",
        "在办公楼附属B栋部分二层和全部三层开办食堂。",
        "机关食堂设在2号楼1至3层。",
        "整修3-6号楼。",
        "一是加强管理,二是优化服务。",
        "根据某政办发〔2019〕41号文件精神。",
        "联系电话:0571-87001234。",
        "咨询热线12345服务。",
        "备案号:浙ICP备05012345号。",
        "索引号:002912345/2020-01234。",
        "分辨率1920*1080以上。",
        "请使用IE9.0以上浏览器。",
        "系统升级到3.0版本。",
        "地址:人民路128号。",
        "时间:2020-05-06 09:30:00",
        # quotes and titles
        "开展“十佳食堂”和“三优一满意”评选。",
        "学习《节约能源法》第二十条。",
        "推进“4+5”工作机制。",
        # slogans and fixed phrases
        "深入贯彻十九届六中全会精神。",
        "落实八项规定,反对四风。",
        "谋划十四五规划,坚持一把手负责。",
        "推行一站式服务,做到第一时间响应。",
        "做好三服务工作。",
        "抓好两会服务保障。",
        "一年来,各项工作稳步推进。",
        # vague quantities
        "走访了数十家单位。",
        "成百上千人参与节能宣传。",
        "服务成千上万名群众。",
        "开展了若干次检查。",
        "涉及几十个部门。",
        "完成了十几项任务。",
        # two neighbouring numerals are an estimate, as vague as 几
        "每月开展三五次巡查。",
        "整改历时两三年。",
        "走访了七八个部门。",
        "每天接待二三十人次。",
        "惠及三四百名职工。",
        "每辆车节约五六千元。",
        # names with durations inside
        "开设24小时便民自助服务区。",
        # lone multipliers without a qualifier are names
        "开展千人帮万人活动。",
        "两部门联合发文。",
        # meals of the day are a fixed phrase, not meals served (早中两餐, the meals
        # it sums up named before it, counts 2 餐: tests/test_numbers_lists_years.py)
        "保障干部职工一日三餐。",
        "食堂提供早中晚三餐。",
        # 二次 + a word: "secondary", not two times (two times is 两次)
        "防止医疗废物二次污染。",
        "完成老旧小区二次供水改造。",
        # a category of public institution, not a count
        "该中心为公益二类事业单位。",
        "上世纪70年代建成。",
        # a day of the month without its month is no duration (and no date)
        "于30日召开推进会。",
        # 包/通 in fixed phrases, the phase of a project, the name of a plan
        "落实门前三包责任制度。",
        "场地完成三通一平。",
        "推进二期工程和3期项目建设。",
        "编制机关事务五年规划。",
        "制定公共机构节能三年行动计划。",
        "监督电话:87654321个人咨询。",
        # a rank
        "在年度考核中位列全市前5名。",
        # 24小时 naming a service that never closes; a reach named by its time
        "新建24小时城市书房。",
        "推行24小时不打烊自助服务。",
        "构建15分钟便民服务圈。",
        # a leading zero: a two-digit year or a code
        "自08年以来逐步推进。",
        "节能工作进入全省前十位。",
        # a decimal in words without a unit, and times of day (never 五万 for 一点五万)
        "覆盖人群二点三万。",
        "从一点一滴做起。",
        "会议于下午三点召开。",
        "会议于下午三点五十分召开。",
    ],
)
def test_hard_negatives_give_no_statistic(sentence):
    assert stats(sentence) == []


def test_offsets_hold_for_traditional_script_and_pinyin_glosses():
    text = "公務用車保有量2輛,維護費5萬(wàn)元。"
    found = govstat.extract_text(text, meaning=False).mentions
    assert [(m.text, m.value, m.unit) for m in found] == [("2輛", 2, "辆"), ("5萬(wàn)元", 50000, "元")]
    for m in found:
        assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "sentence, span, value, unit, kind",
    [
        # units SPEC §4 does not list: kind other, the unit as written
        ("新建燃气锅炉12蒸吨。", "12蒸吨", 12, "蒸吨", "other"),
        # count classifiers the table lacked: room-nights are not rooms
        ("全年接待住宿1.2万间夜。", "1.2万间夜", 12000, "间夜", "count"),
        ("连续举办3届职工运动会。", "3届", 3, "届", "count"),
        ("编制操作手册，分为5章。", "5章", 5, "章", "count"),
        # a count per time is a ratio (SPEC §4 ratio: canonical units of both sides)
        ("通勤班车平均发车3.2次/天。", "3.2次/天", 3.2, "次/天", "ratio"),
    ],
)
def test_units_of_session_10_round_4(sentence, span, value, unit, kind):
    m = one(sentence)
    assert (m.text, m.unit, m.kind) == (span, unit, kind)
    assert m.value == pytest.approx(value)


@pytest.mark.parametrize(
    "sentence",
    ["第3届机关运动会开幕。", "区七届人大常委会召开。", "届时将完成改造。", "严格执行规章制度，约法三章。", "章程修订完成。"],
)
def test_sessions_and_chapters_as_words_or_ordinals_give_no_statistic(sentence):
    assert stats(sentence) == []


@pytest.mark.parametrize(
    "sentence, span, approx",
    [
        # 突破 (went past) is `over`, like 超过
        ("全年服务人次突破6000人次。", "6000人次", "over"),
        ("注册用户突破了2万人。", "2万人", "over"),
        # 内/之内 after a duration is "within", like 以内: `under`
        ("报修做到2小时内响应。", "2小时", "under"),
        ("资产处置申请30日内办结。", "30日", "under"),
        ("要求在3天之内完成整改。", "3天", "under"),
        # but not when 近 before it means "the last", nor when 内 starts a word
        ("近两年内未发生安全事故。", "两年", None),
        ("开展3年内部审计。", "3年", None),
    ],
)
def test_approx_of_session_10_round_4(sentence, span, approx):
    m = one(sentence)
    assert (m.text, m.approx) == (span, approx)


@pytest.mark.parametrize(
    "sentence, span, change",
    [
        # a rate of people between the cue and the number is a level (节能 names the staff)
        ("公共机构节能管理人员持证率达80%。", "80%", None),
        # 审减/核减: the rate of reduction and the amount the submitted figure fell by in review
        # are decreases (SPEC §2: a fall against before)
        ("审减率12%。", "12%", "decrease"),
        ("工程结算审减98.6万元。", "98.6万元", "decrease"),
        ("项目经评审核减3800万元。", "3800万元", "decrease"),
        # an amount or a rate compared with a budget is a change, as against last year
        # (a held-out set read 较预算减少242万元 as a decrease; 节约 words alone mean saved)
        ("项目实际支出比预算减少96万元。", "96万元", "decrease"),
        ("项目实际支出比预算少96万元。", "96万元", "decrease"),
        ("采购成交金额较预算减少12%。", "12%", "decrease"),
        ("三公经费支出比上年减少96万元。", "96万元", "decrease"),
    ],
)
def test_change_of_session_10_round_4(sentence, span, change):
    m = one(sentence)
    assert (m.text, m.change) == (span, change)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # round-the-clock work described is a duration (SPEC §3: 24小时 measures time) ...
        ("为办事群众提供24小时服务。", ["24小时"]),
        ("全天24小时值守。", ["24小时"]),
        ("实行24小时值班制度。", ["24小时"]),
        # ... the name of a service or a line is not
        ("开通24小时服务热线。", []),
        ("公布24小时值班电话。", []),
    ],
)
def test_24_hours_described_or_named(sentence, expected):
    assert [s[0] for s in stats(sentence)] == expected


@pytest.mark.parametrize(
    "sentence, span, value, unit, approx",
    [
        # a decimal written in words is read whole, with its multiplier and unit (SPEC §3, §4)
        ("整治面积一点二万平方米。", "一点二万平方米", 12000, "平方米", None),
        ("全年节约资金三点五亿元。", "三点五亿元", 350000000, "元", None),
        ("铺设供热管网三点六公里。", "三点六公里", 3.6, "公里", None),
        ("節約資金三點五億元。", "三點五億元", 350000000, "元", None),
        ("维修房屋约十二点五万平方米。", "十二点五万平方米", 125000, "平方米", "about"),
        # 余/多 between a Chinese numeral and its multiplier: inside the span, `over`
        ("全年接待三十餘萬人次。", "三十餘萬人次", 300000, "人次", "over"),
        ("食堂全年供餐十多万人次。", "十多万人次", 100000, "人次", "over"),
        ("惠及职工三十余万名。", "三十余万名", 300000, "人", "over"),
        ("办理缴费业务四十余万笔。", "四十余万笔", 400000, "笔", "over"),
    ],
)
def test_chinese_decimals_and_over_before_a_multiplier(sentence, span, value, unit, approx):
    m = one(sentence)
    assert (m.text, m.unit, m.approx) == (span, unit, approx)
    assert m.value == pytest.approx(value)


@pytest.mark.parametrize(
    "sentence, span, unit",
    [
        # count classifiers the table lacked (SPEC §4: the classifier as written)
        ("购置巡检无人机3架。", "3架", "架"),
        ("配备公务船艇2艘。", "2艘", "艘"),
        ("新打机井5口。", "5口", "口"),
        ("更换室外消防栓18具。", "18具", "具"),
        # after a meter (水表, 电表) a number with a classifier counts meters, not a table number
        ("更换老旧水表120块。", "120块", "块"),
        ("安装智能电表3000只。", "3000只", "只"),
    ],
)
def test_classifiers_of_session_10_round_5(sentence, span, unit):
    m = one(sentence)
    assert (m.text, m.unit, m.kind) == (span, unit, "count")


@pytest.mark.parametrize("sentence", ["详见附表3。", "具体数据见表2。", "发放5口罩。", "形成3架构。", "明确3具体要求。"])
def test_table_numbers_and_words_of_new_classifiers_give_no_statistic(sentence):
    assert stats(sentence) == []


@pytest.mark.parametrize(
    "sentence, span, change",
    [
        # a stock of space that fell or grew, its noun between the cue and the area (SPEC §2)
        ("减少租用办公用房8600平方米。", "8600平方米", "decrease"),
        ("核减办公用房面积1200平方米。", "1200平方米", "decrease"),
        ("增加绿化面积3000平方米。", "3000平方米", "increase"),
        # ... but not an amount saved or avoided
        ("减少能耗支出30万元。", "30万元", None),
        ("减少二氧化碳排放300吨。", "300吨", None),
        # a quota or budget adjusted (调增/调减), a price above a reference (增值)
        ("调增公务用车编制12辆。", "12辆", "increase"),
        ("调减74辆。", "74辆", "decrease"),
        ("部门预算调减200万元。", "200万元", "decrease"),
        ("资产转让价较评估价增值18%。", "18%", "increase"),
        ("较上年增值5.2万元。", "5.2万元", "increase"),
        ("增值税税率为13%。", "13%", None),
        ("缴纳增值税12万元。", "12万元", None),
        # a share after a cue is a level (节能 names the lamps)
        ("节能灯具约占灯具总数的85%。", "85%", None),
        ("节能灯具占灯具总数的85%。", "85%", None),
    ],
)
def test_change_of_session_10_round_5(sentence, span, change):
    m = one(sentence)
    assert (m.text, m.change) == (span, change)


@pytest.mark.parametrize(
    "sentence, approx",
    [
        # 约 before 占 makes the share approximate (SPEC §2 approx: 约 → about)
        ("公务用车约占全市车辆总数的30%。", "about"),
        ("办公用房面积大约占总面积的45.6%。", "about"),
        ("公务用车占全市车辆的30%。", None),
        ("约500人参加，占全部职工的30%。", None),
    ],
)
def test_about_before_a_share(sentence, approx):
    m = [m for m in govstat.extract_text(sentence, meaning=False).mentions if m.unit == "%"][0]
    assert m.approx == approx


@pytest.mark.parametrize(
    "sentence",
    ["提升改造办公用房5000平方米。", "增加投入改造面积3000平方米。", "降低能耗改造面积2万平方米。"],
)
def test_area_of_works_after_a_cue_is_no_change(sentence):
    assert one(sentence).change is None


# -- session 11, numbers round 6 ------------------------------------------------


@pytest.mark.parametrize(
    "sentence, span, value, unit",
    [
        # a word ending in 表/图 (代表, 发表, 报表, 调查表, 平面图) before a count: no table number
        ("全年服务参会代表2600余人次。", "2600余人次", 2600, "人次"),
        ("选举产生出席市第八次党代会的代表45名。", "45名", 45, "人"),
        ("其中在国家级期刊发表6篇。", "6篇", 6, "篇"),
        ("全年汇总各类报表860份。", "860份", 860, "份"),
        ("回收满意度调查表1500余份。", "1500余份", 1500, "份"),
        ("完成机关院落平面图12张。", "12张", 12, "张"),
        # an identifier word before a count: the identifiers are counted
        ("统一车辆型号8种。", "8种", 8, "种"),
        ("注销闲置银行账号23个。", "23个", 23, "个"),
    ],
)
def test_count_after_a_word_ending_in_an_ordinal_word(sentence, span, value, unit):
    m = one(sentence)
    assert (m.text, m.value, m.unit) == (span, value, unit)


@pytest.mark.parametrize("sentence", ["具体情况见附表2。", "各单位能耗见表4。", "改造前后对比如图3。", "代表12345。", "车辆型号2。"])
def test_table_and_figure_numbers_stay_ordinals(sentence):
    assert stats(sentence) == []


@pytest.mark.parametrize(
    "sentence, span, value, unit",
    [
        # 数 ending a noun that names a count (人数, 总数, 次数, 户数 …) is no vague 数
        ("全年培训人数六百余人。", "六百余人", 600, "人"),
        ("机关大院停车位总数三百二十个。", "三百二十个", 320, "个"),
        ("应急演练次数十二次。", "十二次", 12, "次"),
        ("入住户数八十五户。", "八十五户", 85, "户"),
        ("在建项目数十二个。", "十二个", 12, "个"),
        ("排查隐患条数四十余条。", "四十余条", 40, "条"),
        ("全年办件总数十余万件。", "十余万件", 100000, "件"),
    ],
)
def test_numeral_after_a_measure_noun_ending_in_shu_is_a_count(sentence, span, value, unit):
    m = one(sentence)
    assert (m.text, m.value, m.unit) == (span, value, unit)


@pytest.mark.parametrize(
    "sentence",
    ["参会单位达数十家。", "数百名干部参加。", "为每人数百元的补贴。", "一次数十人同时就餐。", "全市数千户居民受益。",
     "参加人员数十人。", "处理案件数十件。", "专题会议数十次。", "服务人次数十万人次。"],
)
def test_shu_before_a_numeral_stays_vague(sentence):
    assert stats(sentence) == []


@pytest.mark.parametrize(
    "sentence, spans",
    [
        # 升 before 降至/降低 is the litre, not the start of 升降 (a lift)
        ("车辆百公里油耗由11.8升降至9.6升。", ["11.8升", "9.6升"]),
        ("食堂月用油量由520升降低到430升。", ["520升", "430升"]),
        ("年用油量由2.4万升降为1.9万升。", ["2.4万升", "1.9万升"]),
        ("用水量从2万吨减少到1.6万吨。", ["2万吨", "1.6万吨"]),
    ],
)
def test_both_values_of_a_fall_from_one_level_to_another(sentence, spans):
    found = govstat.extract_text(sentence, meaning=False).mentions
    assert [m.text for m in found] == spans
    assert [m.change for m in found] == [None, None]  # levels (SPEC §2: 降至 names the new level)


@pytest.mark.parametrize(
    "sentence, span, approx",
    [
        # a bare number after a verb of reaching or totalling still counts the noun before it
        ("全年会议服务场次达到960。", "960", None),
        ("机关食堂日均就餐人次突破4500，", "4500", "over"),
        ("纳入管理的公务用车共计356。", "356", None),
        ("全市公共机构总数约1250，其中市直单位186家。", "1250", "about"),
    ],
)
def test_bare_number_after_a_verb_of_reaching(sentence, span, approx):
    m = govstat.extract_text(sentence, meaning=False).mentions[0]
    assert (m.text, m.unit, m.approx) == (span, None, approx)


@pytest.mark.parametrize("sentence", ["截至2023，全面完成。", "力争到2025，实现全覆盖。", "比例为1：3。", "全年共节约1200，", "已下达3，"])
def test_bare_number_after_a_function_word_is_none(sentence):
    assert stats(sentence) == []


@pytest.mark.parametrize(
    "sentence, span, approx",
    [
        # weeks (kind other) read as durations for 内 (within) and 近 (the last)
        ("所有问题两周内整改完毕。", "两周", "under"),
        ("3个星期内完成搬迁。", "3个星期", "under"),
        ("近两周来共接待来访12批次。", "两周", None),
        ("历时近三周。", "三周", "under"),
        # durations proper, for comparison
        ("报修后三天内修复。", "三天", "under"),
        ("五个工作日内办结。", "五个工作日", "under"),
    ],
)
def test_within_and_the_last_for_weeks(sentence, span, approx):
    m = govstat.extract_text(sentence, meaning=False).mentions[0]
    assert (m.text, m.approx) == (span, approx)


@pytest.mark.parametrize(
    "sentence, span, value, approx",
    [
        # 上百/上千/逾百/近千/超百: a bound on a bare multiplier (debatable: 上百 read as "over 100")
        ("覆盖全市机关单位上百家。", "百家", 100, "over"),
        ("年接待量上千批次。", "千批次", 1000, "over"),
        ("逾百家单位参加。", "百家", 100, "over"),
        ("近千名职工参加活动。", "千名", 1000, "under"),
    ],
)
def test_bounds_on_a_bare_multiplier(sentence, span, value, approx):
    m = one(sentence)
    assert (m.text, m.value, m.approx) == (span, value, approx)


@pytest.mark.parametrize("sentence", ["全年处理各类诉求数以千计。", "服务群众成百上千人次。", "惠及成千上万职工。"])
def test_vague_hundreds_and_thousands_give_no_statistic(sentence):
    assert stats(sentence) == []
