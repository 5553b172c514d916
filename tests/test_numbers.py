"""Tests for seiqa.numbers: Chinese number and quantity parsing.

Expected values below were worked out by hand from the Chinese text, not
copied from the code's output.
"""
from __future__ import annotations

import dataclasses
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seiqa.numbers import (
    Quantity,
    find_quantities,
    format_value,
    in_unit,
    normalise_unit,
    parse_number,
    to_chinese_numeral,
    values_equal,
)


def one(text: str) -> Quantity:
    qs = find_quantities(text)
    assert len(qs) == 1, f"expected one quantity in {text!r}, got {qs}"
    q = qs[0]
    assert text[q.start:q.end] == q.text
    return q


def texts(text: str) -> list[str]:
    return [q.text for q in find_quantities(text)]


# ---------------------------------------------------------------- parse_number

@pytest.mark.parametrize(
    "s, expected",
    [
        ("1,288.8", 1288.8),
        ("1，288", 1288.0),
        ("１２８８．８", 1288.8),
        ("１２３．５", 123.5),
        ("12,345,678", 12345678.0),
        ("-5", -5.0),
        ("−3.2", -3.2),
        ("一千二百", 1200.0),
        ("一千二百零三", 1203.0),
        ("两", 2.0),
        ("兩", 2.0),
        ("十五", 15.0),
        ("二十", 20.0),
        ("一百零五", 105.0),
        ("三千零五十", 3050.0),
        ("一万五", 15000.0),  # colloquial: 一万五千
        ("一万零五", 10005.0),
        ("三亿五千万", 350_000_000.0),
        ("一亿零五万", 100_050_000.0),
        ("一万亿", 1e12),
        ("一万零五亿", 1_000_500_000_000.0),
        ("十万", 100000.0),
        ("零", 0.0),
        ("〇", 0.0),
        ("二〇二四", 2024.0),
        ("一九八〇", 1980.0),
        ("三点五", 3.5),
        ("一点五万", 15000.0),
        ("三成", 30.0),
        ("百分之十五", 15.0),
        ("百分之三點五", 3.5),
        ("百分之三点五", 3.5),
        ("百分之百", 100.0),
        ("15%", 15.0),
        ("15％", 15.0),
        ("第三", 3.0),
        ("1.5萬億", 1.5e12),
        ("1.5万亿", 1.5e12),
        ("3萬億", 3e12),
        ("3千萬", 3e7),
        ("12万", 120000.0),
        ("1.5 万亿", 1.5e12),
        ("5百万", 5e6),
        ("一兆", 1e12),
        ("壹仟贰佰叁拾肆", 1234.0),
        ("貳萬", 20000.0),
        ("廿三", 23.0),
        ("负三", -3.0),
    ],
)
def test_parse_number(s, expected):
    assert parse_number(s) == pytest.approx(expected, rel=1e-12)


def test_parse_number_fraction():
    assert parse_number("三分之一") == pytest.approx(1 / 3)
    assert parse_number("五分之二") == pytest.approx(0.4)


@pytest.mark.parametrize("s", ["", "   ", "abc", "1.2.3", "千千", "一二百", "万一", "5元", "一百十", "百分之", "第", "三分之零"[:2]])
def test_parse_number_rejects(s):
    with pytest.raises(ValueError, match="not a number"):
        parse_number(s)


def test_parse_number_type_error():
    with pytest.raises(TypeError):
        parse_number(12)  # type: ignore[arg-type]


# ------------------------------------------------------------ arabic numbers

def test_decimal_with_magnitude_traditional():
    q = one("新能源汽車產銷分別完成1288.8萬臺")
    assert q.text == "1288.8萬臺"
    assert q.value == 12888000.0
    assert q.unit == "台"
    assert q.unit_text == "臺"
    assert q.magnitude_text == "萬"
    assert q.kind == "count"


def test_thousands_separators_ascii_and_fullwidth():
    q = one("全年新增1,288.8家")
    assert (q.text, q.value, q.unit) == ("1,288.8家", 1288.8, "家")
    q = one("共有1，288家企业")
    assert (q.text, q.value) == ("1，288家", 1288.0)


def test_fullwidth_digits():
    q = one("产量１２３．５吨")
    assert (q.text, q.value, q.unit, q.kind) == ("１２３．５吨", 123.5, "吨", "mass")


def test_negative_signs():
    assert one("同比增长-3.2%").value == -3.2
    assert one("利润下降－5%").value == -5.0
    assert one("，-3.2%").value == -3.2
    # a hyphen between numbers is a range, not a sign
    q = one("2020-2025年")
    assert (q.value, q.high) == (2020.0, 2025.0)


def test_offsets_are_exact():
    text = "截至2023年底，全年累計銷售新能源汽車949.5萬輛，同比增長37.9%，市場佔有率達到31.6%"
    qs = find_quantities(text)
    assert [q.text for q in qs] == ["2023年底", "949.5萬輛", "37.9%", "31.6%"]
    assert qs[1].start == text.index("949.5")
    assert qs[1].end == text.index("，同比")
    assert qs[1].value == 9495000.0 and qs[1].unit == "辆"
    for q in qs:
        assert text[q.start:q.end] == q.text


# ----------------------------------------------------------- chinese numerals

@pytest.mark.parametrize(
    "text, value, unit",
    [
        ("一千二百人", 1200.0, "人"),
        ("两万三千辆", 23000.0, "辆"),
        ("兩萬輛", 20000.0, "辆"),
        ("十五个", 15.0, "个"),
        ("二十家", 20.0, "家"),
        ("三十一万五千元", 315000.0, "元"),
        ("一百零三项", 103.0, "项"),
        ("十元", 10.0, "元"),
    ],
)
def test_chinese_numeral_with_unit(text, value, unit):
    q = one(text)
    assert (q.text, q.value, q.unit) == (text, value, unit)


def test_bare_chinese_numerals():
    assert one("共计一千二百零三").value == 1203.0
    # single characters, digit strings and magnitude words are not numbers on their own
    assert texts("一是加强统一领导，二是推进一体化") == []
    assert texts("万一出现问题，千万不要慌") == []
    assert texts("一一对应，一点一滴，千家万户，百家争鸣") == []
    assert texts("一起努力，一部分人，一度下降，一片繁荣") == []


def test_chinese_decimal_and_tenths():
    q = one("市场份额约三成")
    assert (q.value, q.unit, q.kind, q.unit_text) == (30.0, "%", "percent", "成")
    assert q.qualifier == "约" and q.approx
    q = one("占比七八成")
    assert (q.value, q.high, q.unit, q.approx) == (70.0, 80.0, "%", True)
    assert texts("一成不变") == []


def test_percent_chinese():
    q = one("增长百分之十五")
    assert (q.text, q.value, q.unit, q.kind, q.unit_text) == ("百分之十五", 15.0, "%", "percent", "百分之")
    assert one("下降百分之三點五").value == 3.5
    assert one("千分之三").unit == "‰"


def test_mixed_arabic_and_magnitudes():
    q = one("投资1.5萬億元")
    assert (q.value, q.unit, q.magnitude_text, q.kind) == (1.5e12, "元", "萬億", "money")
    assert one("3千萬元").value == 3e7
    assert one("12万人").value == 120000.0
    assert one("1.2万亿吨公里").value == 1.2e12
    assert one("5百万吨").value == 5e6


def test_zhao_is_trillion_as_numeral_and_mega_before_watt():
    q = one("台灣GDP約新臺幣23.5兆元")
    assert (q.value, q.unit) == (23.5e12, "元")
    q = one("装机500兆瓦")
    assert (q.value, q.unit, q.kind) == (500.0, "兆瓦", "power")
    assert values_equal(q, (0.5, "GW"))


def test_spaces_between_number_and_unit():
    q = one("约1.5 萬億元")
    assert (q.text, q.value, q.unit) == ("1.5 萬億元", 1.5e12, "元")
    q = one("装机500 GW")
    assert (q.text, q.value, q.unit, q.unit_text) == ("500 GW", 500.0, "GW", "GW")


# -------------------------------------------------------------------- ranges

@pytest.mark.parametrize(
    "text, span, value, high, unit",
    [
        ("投资50 - 100億元", "50 - 100億元", 5e9, 1e10, "元"),
        ("投资50-100亿元", "50-100亿元", 5e9, 1e10, "元"),
        ("50亿至100亿元", "50亿至100亿元", 5e9, 1e10, "元"),
        ("5000万-1亿元", "5000万-1亿元", 5e7, 1e8, "元"),
        ("16至20對", "16至20對", 16.0, 20.0, "对"),
        ("5～10%", "5～10%", 5.0, 10.0, "%"),
        ("5%-10%", "5%-10%", 5.0, 10.0, "%"),
        ("三到五年", "三到五年", 3.0, 5.0, "年"),
        ("三至五成", "三至五成", 30.0, 50.0, "%"),
        ("2-3个百分点", "2-3个百分点", 2.0, 3.0, "个百分点"),
        ("五十到一百万人", "五十到一百万人", 500000.0, 1000000.0, "人"),
    ],
)
def test_ranges(text, span, value, high, unit):
    q = one(text)
    assert (q.text, q.value, q.high, q.unit) == (span, value, high, unit)


def test_range_requires_increasing_ends():
    qs = find_quantities("100-50亿元")
    assert all(q.high is None for q in qs)


def test_bare_hyphen_is_not_a_range():
    assert [q.high for q in find_quantities("编号010-12345678")] == [None, None]


# ------------------------------------------------------ percent, pp, multiple

def test_percent_pp_multiple():
    qs = find_quantities("增长35.5%，提高2.5個百分點，是去年的3倍，占12.5％")
    assert [(q.value, q.unit, q.kind) for q in qs] == [
        (35.5, "%", "percent"),
        (2.5, "个百分点", "pp"),
        (3.0, "倍", "multiple"),
        (12.5, "%", "percent"),
    ]
    assert qs[1].unit_text == "個百分點"
    assert one("加快0.5百分点").unit == "个百分点"


# --------------------------------------------------------------------- dates

def test_years_and_dates():
    q = one("2024年发布")
    assert (q.kind, q.value, q.date, q.unit) == ("year", 2024.0, (2024, None, None), "年")
    q = one("二〇二四年")
    assert (q.kind, q.value) == ("year", 2024.0)
    q = one("於2024年3月15日發布")
    assert (q.text, q.kind, q.date, q.value) == ("2024年3月15日", "date", (2024, 3, 15), 2024.0)
    q = one("2024年3月")
    assert (q.kind, q.date) == ("date", (2024, 3, None))
    q = one("3月15日")
    assert (q.kind, q.date, q.value) == ("date", (None, 3, 15), None)
    q = one("2023-12-31")
    assert (q.kind, q.date) == ("date", (2023, 12, 31))


def test_date_ranges_are_one_time_expression():
    q = one("於1983年5月20日到1984年1月27日播出")
    assert (q.text, q.kind, q.date, q.value, q.high) == ("1983年5月20日到1984年1月27日", "date", (1983, 5, 20), 1983.0, 1984.0)
    q = one("2009年9月16日至23日舉行")  # the end leaves out the year and month it shares
    assert (q.text, q.date, q.high) == ("2009年9月16日至23日", (2009, 9, 16), 2009.0)
    assert one("從1972年1月到1989年7月連載").text == "1972年1月到1989年7月"
    assert one("5月11日至6月2日").text == "5月11日至6月2日"
    assert [x.text for x in find_quantities("12月1日至3月5日")] == ["12月1日", "3月5日"]  # no span backwards
    assert [x.text for x in find_quantities("2024年1-12月")] == ["2024年", "1-12月"]


def test_an_early_year_with_its_month_is_a_date():
    q = one("在193年4月14日出任")
    assert (q.text, q.kind, q.date) == ("193年4月14日", "date", (193, 4, 14))
    assert one("在193年4月14日－211年2月4日出任").text == "193年4月14日－211年2月4日"  # not a negative year
    assert [(x.text, x.kind) for x in find_quantities("服刑3年4个月")] == [("3年", "duration"), ("4个月", "duration")]


def test_chinese_written_dates():
    q = one("二〇二三年十二月三十一日")
    assert (q.kind, q.date, q.value) == ("date", (2023, 12, 31), 2023.0)
    assert one("十二月").value == 12.0
    assert one("三十一日").date == (None, None, 31)


def test_adjacent_digit_approximations():
    q = one("两三个")
    assert (q.value, q.high, q.approx, q.unit) == (2.0, 3.0, True, "个")
    q = one("一两年")
    assert (q.value, q.high, q.unit) == (1.0, 2.0, "年")
    q = one("三四十家")
    assert (q.value, q.high) == (30.0, 40.0)
    q = one("两三百万元")
    assert (q.value, q.high) == (2e6, 3e6)
    assert texts("七八") == []  # needs a unit


def test_year_periods():
    q = one("截至2024年底")
    assert (q.text, q.kind, q.period, q.value) == ("2024年底", "year", "年底", 2024.0)
    assert one("2024年初").period == "年初"
    assert one("2024年上半年").period == "上半年"
    q = one("2024年6月末")
    assert (q.date, q.period) == ((2024, 6, None), "月末")
    assert one("12月中旬").period == "中旬"


def test_months_and_ranges():
    q = one("3月")
    assert (q.kind, q.value) == ("month", 3.0)
    q = one("1-12月累计")
    assert (q.text, q.kind, q.value, q.high) == ("1-12月", "month", 1.0, 12.0)
    q = one("1—11月份")
    assert (q.value, q.high) == (1.0, 11.0)
    q = one("2020年至2025年")
    assert (q.kind, q.value, q.high) == ("year", 2020.0, 2025.0)
    # 13 is not a month; 3个月 is a duration
    assert one("3个月").kind == "duration"
    assert one("18个月").unit == "个月"


def test_durations_are_not_years():
    q = one("用5年时间")
    assert (q.kind, q.value, q.unit) == ("duration", 5.0, "年")
    assert one("经过三千年").kind == "duration"


def test_decades_and_centuries():
    assert (one("1980年代").kind, one("1980年代").value) == ("decade", 1980.0)
    q = one("80年代末")
    assert (q.kind, q.value, q.period) == ("decade", 1980.0, "末")
    assert one("二十世纪八十年代").value == 1980.0
    q = one("19世紀")
    assert (q.kind, q.value, q.unit, q.unit_text) == ("century", 19.0, "世纪", "世紀")
    assert one("二十一世纪").value == 21.0


def test_five_year_plans_are_not_145():
    for text in ("十四五规划", "「十四五」时期", "“十四五”期间"):
        q = one(text)
        assert q.text == "十四五"
        assert q.kind == "plan"
        assert q.value == 14.0
    assert one("十二五期间").value == 12.0
    # with a classifier it is an approximate 14-15
    q = one("十四五个人")
    assert (q.value, q.high, q.approx) == (14.0, 15.0, True)


def test_quarters():
    q = one("一季度GDP")
    assert (q.kind, q.value) == ("quarter", 1.0)
    assert one("第三季度").value == 3.0
    q = one("一至三季度")
    assert (q.value, q.high, q.kind) == (1.0, 3.0, "quarter")


# --------------------------------------------------------------------- units

@pytest.mark.parametrize(
    "text, value, unit, kind",
    [
        ("5家", 5.0, "家", "count"),
        ("10台", 10.0, "台", "count"),
        ("3臺", 3.0, "台", "count"),
        ("8輛", 8.0, "辆", "count"),
        ("300人次", 300.0, "人次", "count"),
        ("12班", 12.0, "班", "count"),
        ("40席", 40.0, "席", "count"),
        ("6項", 6.0, "项", "count"),
        ("2座", 2.0, "座", "count"),
        ("5架", 5.0, "架", "count"),
        ("3艘", 3.0, "艘", "count"),
        ("4套", 4.0, "套", "count"),
        ("7顆", 7.0, "颗", "count"),
        ("9種", 9.0, "种", "count"),
        ("11條", 11.0, "条", "count"),
        ("100元", 100.0, "元", "money"),
        ("3.3萬美元", 33000.0, "美元", "money"),
        ("5亿美金", 5e8, "美元", "money"),
        ("500亿元人民币", 5e10, "元", "money"),
        ("20億港元", 2e9, "港元", "money"),
        ("3兆新台幣", 3e12, "新台币", "money"),
        ("10万欧元", 1e5, "欧元", "money"),
        ("500 GW", 500.0, "GW", "power"),
        ("50GWh", 50.0, "GWh", "energy"),
        ("20MW", 20.0, "MW", "power"),
        ("30kW", 30.0, "kW", "power"),
        ("30KW", 30.0, "kW", "power"),
        ("100万千瓦", 1e6, "千瓦", "power"),
        ("5千瓦時", 5.0, "千瓦时", "energy"),
        ("1000亿千瓦时", 1e11, "千瓦时", "energy"),
        ("100亿度电", 1e10, "度", "energy"),
        ("2TWh", 2.0, "TWh", "energy"),
        ("800瓦", 800.0, "瓦", "power"),
        ("50万吨", 5e5, "吨", "mass"),
        ("3噸", 3.0, "吨", "mass"),
        ("20公斤", 20.0, "公斤", "mass"),
        ("20千克", 20.0, "公斤", "mass"),
        ("5克", 5.0, "克", "mass"),
        ("960万平方公里", 9.6e6, "平方公里", "area"),
        ("120平方米", 120.0, "平方米", "area"),
        ("10公顷", 10.0, "公顷", "area"),
        ("500畝", 500.0, "亩", "area"),
        ("5公里", 5.0, "公里", "length"),
        ("2000千米", 2000.0, "公里", "length"),
        ("100米", 100.0, "米", "length"),
        ("3立方米", 3.0, "立方米", "volume"),
        ("1.2億噸公里", 1.2e8, "吨公里", "turnover"),
        ("3000亿人公里", 3e11, "人公里", "turnover"),
        ("2.5萬標準箱", 25000.0, "标准箱", "count"),
        ("3000万TEU", 3e7, "TEU", "count"),
        ("0.35元/千瓦时", 0.35, "元/千瓦时", "rate"),
        ("65岁", 65.0, "岁", "age"),
        ("30天", 30.0, "天", "duration"),
    ],
)
def test_units(text, value, unit, kind):
    q = one(text)
    assert q.text == text
    assert q.value == pytest.approx(value, rel=1e-12)
    assert q.unit == unit
    assert q.kind == kind


def test_degree_is_energy_only_with_magnitude_or_electricity():
    assert one("气温30度").kind == "degree"
    assert one("发电100亿度").kind == "energy"


def test_currency_symbols():
    q = one("融资US$5亿")
    assert (q.text, q.value, q.unit, q.unit_text) == ("US$5亿", 5e8, "美元", "US$")
    assert one("NT$2.5兆").value == 2.5e12
    assert one("售价￥1000").unit == "元"


def test_letters_next_to_digits_are_not_quantities():
    assert texts("5G网络和4K视频、3D打印、COVID-19") == []
    assert texts("A320飞机") == []
    assert texts("版本1.2.3") == []


# ---------------------------------------------------------- ordinals and rank

def test_ordinals_and_ranks():
    q = one("第三")
    assert (q.kind, q.value) == ("ordinal", 3.0)
    q = one("排名第二")
    assert (q.text, q.kind, q.value) == ("第二", "rank", 2.0)
    q = one("位居全球第一")
    assert (q.kind, q.value) == ("rank", 1.0)
    q = one("获得第3名")
    assert (q.text, q.kind, q.value, q.unit) == ("第3名", "rank", 3.0, "名")
    q = one("第一批")
    assert (q.kind, q.unit) == ("ordinal", "批")
    # rank cues do not cross a clause boundary
    assert one("排名靠前。第一批").kind == "ordinal"


def test_ordinal_ranges():
    q = one("第1-3名")
    assert (q.kind, q.value, q.high, q.unit) == ("rank", 1.0, 3.0, "名")
    q = one("第一至三批")
    assert (q.kind, q.value, q.high) == ("ordinal", 1.0, 3.0)


def test_shouwei_is_not_a_rank():
    assert texts("居全球首位") == []


# --------------------------------------------------------------- qualifiers

@pytest.mark.parametrize(
    "text, qtext, qualifier, approx, bound, full",
    [
        ("约3000家", "3000家", "约", True, "", "约3000家"),
        ("超过100万吨", "100万吨", "超过", False, "min", "超过100万吨"),
        ("超過100萬噸", "100萬噸", "超過", False, "min", "超過100萬噸"),
        ("突破1亿辆", "1亿辆", "突破", False, "min", "突破1亿辆"),
        ("逾50%", "50%", "逾", False, "min", "逾50%"),
        ("50%以上", "50%", "以上", False, "min", "50%以上"),
        ("近百亿元", "百亿元", "近", True, "max", "近百亿元"),
        ("500万吨左右", "500万吨", "左右", True, "", "500万吨左右"),
        ("不足10%", "10%", "不足", False, "max", "不足10%"),
        ("至少3个", "3个", "至少", False, "min", "至少3个"),
        ("不超过5%", "5%", "不超过", False, "max", "不超过5%"),
        ("3年以内", "3年", "以内", False, "max", "3年以内"),
        ("100多万吨", "100多万吨", "多", True, "min", "100多万吨"),
        ("十余家", "十余家", "余", True, "min", "十余家"),
        ("20多个", "20多个", "多", True, "min", "20多个"),
        ("1万多元", "1万多元", "多", True, "min", "1万多元"),
        ("一年多", "一年", "多", True, "min", "一年多"),
        ("約1.5萬億元", "1.5萬億元", "約", True, "", "約1.5萬億元"),
    ],
)
def test_qualifiers(text, qtext, qualifier, approx, bound, full):
    q = one(text)
    assert q.text == qtext
    assert q.qualifier == qualifier
    assert q.approx is approx
    assert q.bound == bound
    assert text[q.full_start:q.full_end] == full


def test_multiple_qualifiers_joined():
    q = one("近100多万吨")
    assert q.qualifier == "近|多"
    assert q.approx


def test_jin_before_duration_means_recent():
    q = one("近5年")
    assert q.qualifier == "" and not q.approx
    q = one("最近三年")
    assert q.qualifier == ""


def test_no_qualifier_on_dates():
    q = one("约2024年")
    assert q.qualifier == "" and q.full_start == q.start


# -------------------------------------------------------------- formatting

@pytest.mark.parametrize(
    "value, unit, script, expected",
    [
        (12866000, "台", "s", "1286.6万台"),
        (12866000, "臺", "t", "1286.6萬臺"),
        (1.5e12, "元", "s", "1.5万亿元"),
        (1.5e12, "元", "t", "1.5萬億元"),
        (350_000_000, "", "s", "3.5亿"),
        (5000, "台", "s", "5000台"),
        (35.5, "%", "s", "35.5%"),
        (-15000, "元", "s", "-1.5万元"),
        (0, "", "s", "0"),
        (0.05, "", "s", "0.05"),
        (10000, "", "s", "1万"),
    ],
)
def test_format_value(value, unit, script, expected):
    assert format_value(value, unit, script) == expected


def test_format_value_rejects():
    with pytest.raises(ValueError):
        format_value(float("nan"))
    with pytest.raises(ValueError):
        format_value(float("inf"))
    with pytest.raises(ValueError):
        format_value(1.0, script="x")


@pytest.mark.parametrize(
    "n, expected",
    [
        (0, "零"),
        (7, "七"),
        (10, "十"),
        (15, "十五"),
        (20, "二十"),
        (110, "一百一十"),
        (1203, "一千二百零三"),
        (1030, "一千零三十"),
        (10005, "一万零五"),
        (15000, "一万五千"),
        (100000, "十万"),
        (100_050_000, "一亿零五万"),
        (10**12, "一万亿"),
        (1_000_500_000_000, "一万零五亿"),
    ],
)
def test_to_chinese_numeral(n, expected):
    assert to_chinese_numeral(n) == expected


# ------------------------------------------------------------ values_equal

def test_values_equal():
    assert values_equal("1.5万亿元", "15000亿元")
    assert values_equal(one("1.5萬億元"), ("15000亿", "元"))
    assert values_equal((1288.8e4, "臺"), (12888000, "台"))
    assert values_equal((3, "輛"), (3, "辆"))
    assert values_equal((2, "噸"), (2000, "公斤"))
    assert values_equal("100万千瓦", "1GW")
    assert values_equal("1000MW", "1GW")
    assert values_equal((5, "個"), (5, "个"))
    assert values_equal((1, "美金"), (1, "美元"))
    assert values_equal((3, "萬標準箱"[1:]), (3, "TEU"))
    assert not values_equal("5%", "5个百分点")
    assert not values_equal("5亿元", "5亿美元")
    assert not values_equal("5亿元", "6亿元")
    assert not values_equal("1GW", "1GWh")
    assert values_equal("50-100亿元", one("50亿至100亿元"))
    assert not values_equal("50-100亿元", "50亿元")
    assert values_equal(("12888000", "台"), (12888000.5, "台"), rel=1e-6)
    assert not values_equal((12888000, "台"), (12888100, "台"), rel=1e-6)


def test_values_equal_dates():
    assert values_equal(one("3月15日"), one("3月15日"))
    assert not values_equal(one("3月15日"), one("3月16日"))


def test_normalise_unit():
    assert normalise_unit("臺") == "台"
    assert normalise_unit("個百分點") == "个百分点"
    assert normalise_unit("ＫＷ") == "kW"
    assert normalise_unit("元/噸") == "元/吨"


def test_quantity_is_frozen():
    q = one("5家")
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.value = 6.0  # type: ignore[misc]


# ---------------------------------------------------------- property tests

_UNITS = ["", "台", "元", "美元", "吨", "%", "千瓦", "GWh", "个百分点", "人次", "辆", "吨公里", "标准箱"]
_VALUES = st.one_of(
    st.integers(-(10**15), 10**15),
    st.integers(-(10**13), 10**13).map(lambda i: i / 100),
    st.integers(-(10**12), 10**12).map(lambda i: i / 10),
)


@settings(max_examples=400, deadline=None)
@given(_VALUES, st.sampled_from(_UNITS), st.sampled_from(["s", "t"]))
def test_format_then_parse_roundtrip(value, unit, script):
    s = format_value(value, unit, script)
    q = one(s)
    assert q.text == s
    assert q.value == float(value)
    assert q.unit == normalise_unit(unit)
    if not unit:
        assert parse_number(s) == float(value)


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 10**12))
def test_chinese_numeral_roundtrip(n):
    s = to_chinese_numeral(n)
    assert parse_number(s) == n
    if n >= 10:
        q = one(s + "元")
        assert q.value == n and q.unit == "元"


_CHINESE_ISH = st.text(
    alphabet=st.sampled_from(
        list("一二三四五六七八九十百千万亿兆零〇两萬億年月日号个個%％‰点點多余来几约近超过以上左右成分之第")
        + list("-~～至到 ,，.．0123456789０１２３$¥元吨噸台臺GWhkWTEU世纪紀代季度底初末旬份/　的了是在和，。；")
    ),
    max_size=60,
)


def _check_invariants(text):
    qs = find_quantities(text)
    assert isinstance(qs, list)
    prev_end = 0
    for q in qs:
        assert text[q.start:q.end] == q.text
        assert q.text
        assert q.full_start <= q.start < q.end <= q.full_end <= len(text)
        assert q.full_start >= prev_end, "mentions overlap"
        prev_end = q.full_end
        if q.value is not None:
            assert math.isfinite(q.value)
        if q.high is not None:
            assert q.value is not None and q.high > q.value
    return qs


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(_CHINESE_ISH)
def test_offsets_invariant_on_chinese_ish_text(text):
    _check_invariants(text)


@settings(max_examples=600, deadline=None)
@given(st.text(max_size=80))
def test_never_raises_on_arbitrary_unicode(text):
    _check_invariants(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20), st.integers(0, 10**9), st.sampled_from(["万台", "亿元", "%", "家", "吨"]), st.text(max_size=20))
def test_embedded_quantity_is_found(before, n, unit, after):
    # a number written with a unit between two separators is found with its exact offsets
    text = before + "；" + str(n) + unit + "。" + after
    start = len(before) + 1
    qs = find_quantities(text)
    hits = [q for q in qs if q.start == start]
    assert len(hits) == 1
    assert hits[0].text == str(n) + unit


@pytest.mark.parametrize(
    "text,expected",
    [
        ("新接訂單量11305萬載重噸，", ("11305萬載重噸", "tonnage", "载重吨", 113050000.0)),
        ("算力總規模達到280 EFLOPS（", ("280 EFLOPS", "compute", "EFLOPS", 280.0)),
        ("主頻3.5GHz", ("3.5GHz", "frequency", "GHz", 3.5)),
        ("劃分為九大領域", ("九大", "category", "大", 9.0)),
    ],
)
def test_tonnage_computing_frequency_and_category_units(text, expected):
    q = find_quantities(text)[0]
    assert (q.text, q.kind, q.unit, q.value) == expected


@pytest.mark.parametrize("text", ["一大批企業", "100多大型企業", "5大於3"])
def test_da_is_a_category_only_after_a_number_of_two_or_more(text):
    assert all(q.kind != "category" for q in find_quantities(text))


def test_year_pattern_skips_counts_and_amounts():
    from seiqa.numbers import YEAR

    assert YEAR.findall("約1580萬人，2000多家，1600元；2023年末，1999-2001") == ["2023", "1999", "2001"]


@pytest.mark.parametrize(
    "text,value,unit",
    [("4亿5000万", 450_000_000, ""), ("3億2千萬人", 320_000_000, "人"), ("1亿2000万元", 120_000_000, "元"), ("2万5千人", 25_000, "人")],
)
def test_a_number_written_in_two_magnitudes_is_one_quantity(text, value, unit):
    (q,) = find_quantities(text)
    assert (q.text, q.value, normalise_unit(q.unit)) == (text, value, normalise_unit(unit))


def test_an_ordinal_may_be_spaced():
    (q,) = find_quantities("是第 26 届亚洲冠军联赛")
    assert (q.text, q.value, q.kind) == ("第 26 届", 26, "ordinal")


@pytest.mark.parametrize(
    "text,unit,kind",
    [("4亿5000万加元", "加元", "money"), ("2000億金馬克", "马克", "money"), ("300泰銖", "泰铢", "money"),
     ("300英呎", "英尺", "length"), ("12吋", "英寸", "length"), ("92英畝", "英亩", "area"), ("368平方英里", "平方英里", "area")],
)
def test_more_currencies_and_taiwan_length_units(text, unit, kind):
    (q,) = find_quantities(text)
    assert (q.text, q.unit, q.kind) == (text, unit, kind)


def test_in_unit_converts_within_a_dimension():
    assert in_unit(79.82, "GW", "千瓦") == pytest.approx(79_820_000)
    assert in_unit(2, "吨", "公斤") == pytest.approx(2000)
    assert in_unit(5, "萬輛", "萬輛") == 5
    assert in_unit(1, "GW", "吨") is None  # a power is no mass
    assert in_unit(1, "家", "个") is None


def test_teams_are_counted():
    q = one("共有13 队参加")
    assert (q.kind, q.unit, q.value) == ("count", "队", 13)


@pytest.mark.parametrize("text, days", [("天文台會預測未來9日的天氣", 9), ("股價連續5日下跌", 5), ("為期3日的會議", 3), ("須在3日內完成", 3)])
def test_a_number_of_days_is_a_duration_not_a_day_of_the_month(text, days):
    q = one(text)
    assert (q.kind, q.unit, q.value) == ("duration", "天", days)


def test_a_day_of_the_month_stays_a_date():
    assert one("代表團於9日抵達").kind == "date"
    assert one("每月10日發薪").kind == "date"


def test_cubic_feet_are_a_volume():
    q = one("標準貨櫃的體積相當於1360立方英呎")
    assert (q.kind, q.unit, q.value) == ("volume", "立方英尺", 1360)
    assert in_unit(1000, "立方英尺", "立方米") == pytest.approx(28.3168)
