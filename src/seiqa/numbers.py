"""Chinese number and quantity parsing (Simplified and Traditional), stdlib only.

Public API
----------
``Quantity``            frozen dataclass describing one number mention.
``parse_number(s)``     one number written in any supported form -> float.
``find_quantities(t)``  every number mention in ``t``, in order, non-overlapping.
``format_value(v, unit, script)``  ``12866000, "台" -> "1286.6万台"``.
``to_chinese_numeral(n)``          ``1203 -> "一千二百零三"``.
``values_equal(a, b)``  value-aware equality (magnitudes, scripts, unit conversions).

How a text is read
------------------
The text is first mapped character-for-character (``str.translate``, so every
offset is kept) to a matching form: full-width ASCII -> half-width, dashes ->
``-``, tildes -> ``~``, and the Traditional characters that matter for numbers,
units and qualifiers -> Simplified.  All regexes run on that form; ``text``,
``unit_text`` and ``qualifier`` are sliced from the *original* text.

Decisions (documented here and pinned by tests)
-----------------------------------------------
* Span.  ``[start, end)`` covers the number, its magnitude (万/亿/...), inner
  approximators that sit *inside* the number phrase (``100多万吨``: 多), the
  unit, currency symbols (``$``, ``NT$``), ``百分之``, ``第``, and date parts.
  Qualifiers written *around* it (``约``, ``超过``, ``以上``, ``左右`` ...) are
  outside ``[start, end)``; ``[full_start, full_end)`` widens the span to
  include them.  ``qualifier`` holds every qualifier as written, joined by
  ``"|"`` in reading order (``"近|多"``).
* ``unit`` is the unit without magnitude, Simplified, with strict synonyms
  collapsed (美金->美元, 千米->公里, 公尺->米, 瓩->千瓦, 百分点->个百分点,
  人民币->元, USD->美元, kw->kW ...).  ``unit_text`` is the unit as written
  *without* the magnitude (``1288.8萬臺``: unit_text ``臺``,
  magnitude_text ``萬``).  For ``百分之十五`` unit_text is ``百分之``; for
  ``三成`` it is ``成``.
* ``兆``: before 瓦/焦/帕/赫/字节/比特/位 it is the SI prefix mega (``500兆瓦``
  -> 500, unit 兆瓦); otherwise, as a numeral magnitude, it is 10^12 (Taiwan
  usage, ``新臺幣3兆元`` -> 3e12).  Mainland texts write 万亿 for 10^12.
* ``成``: tenths, reported as a percentage: ``三成`` -> 30, unit ``%``,
  kind ``percent``; ``七八成`` -> 70..80 approx.
* ``首位``/``首``/``榜首`` are *not* ranks (not written as a number).  ``第N``
  is ``ordinal``; it is ``rank`` when followed by 名/位 or preceded in the same
  clause by 排名/排行/排在/位居/位列/名列/居.
* ``十一五`` .. ``十五五`` (five-year plans) are kind ``plan`` with value = plan
  number (``十四五`` -> 14.0, never 145), unless followed by a classifier
  such as 个/岁/人 (``十四五个`` -> 14..15, approx).
* Dates: kind ``year`` (value = year), ``month`` (value = month), ``date`` for
  any combination with a day or with year+month (value = year or None),
  ``decade`` (``80年代`` -> 1980; two-digit decades >= 30 are 19xx, < 30 are
  20xx), ``century`` (value = century number).  ``date`` holds the
  ``(year, month, day)`` tuple; ``period`` holds markers such as 年底/年初/
  上半年/一季度/月底/下旬/末.  A bare Arabic number is a year only when it has 4
  digits in 1000..2999 and is followed by 年; other ``N年`` are durations.
* Bare Chinese numerals are reported only when they contain a magnitude
  character and more than one character (``一千二百``); single characters
  (``一是``, ``统一``), digit strings (``一一对应``) and magnitude-only words
  (``千万不要``) need a unit.  A single Chinese digit is not combined with
  classifiers that form common words (一起, 一部分, 一度, 一片 ...).
* Ranges: ``A-B`` / ``A~B`` / ``A至B`` / ``A到B``: a magnitude or unit written
  only on B applies to A (``50-100亿元`` -> 5e9..1e10); the range is kept only if
  B > A.  Two bare numbers form a range only with ~/至/到, not with ``-``.
* Qualifiers: approx (约, 大约, 大概, 约为, 约合, 近, 将近, 接近, 左右, 上下,
  前后, 多, 余, 来, 几, adjacent-digit ranges); ``bound="min"`` for 超过, 超,
  逾, 突破, 至少, 不低于, 不少于, 高于, 多于, 大于, 以上, 多, 余, 几, 有余;
  ``bound="max"`` for 不超过, 不到, 不足, 低于, 少于, 小于, 至多, 最多, 最高,
  以下, 以内, 之内, 近, 将近, 接近.  ``近``/``最近`` before a duration (近5年)
  means "the last", not a qualifier.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from decimal import Decimal, localcontext

__all__ = [
    "Quantity",
    "parse_number",
    "find_quantities",
    "format_value",
    "to_chinese_numeral",
    "values_equal",
    "normalise_unit",
    "YEAR",
]

# A year from 1500 to 2099 written as four digits that are not part of a longer number
# nor a count or amount (1580万人, 2000多家, 1600元, 1800个).
YEAR = re.compile(
    r"(?<![0-9.])((?:1[5-9]|20)[0-9]{2})(?![0-9.%]|\s*(?:[万萬亿億千百多余餘]|人|元|个|個|家|名|位|件|台|臺|辆|輛|座|所|项|項|种|種|吨|噸|米|公[里斤顷頃尺分]))"
)


# --------------------------------------------------------------------------
# Character-level normalisation (one character to one character).
# --------------------------------------------------------------------------

_T2S_PAIRS = (
    "萬万 億亿 兩两 點点 個个 臺台 輛辆 噸吨 項项 塊块 顆颗 對对 種种 條条 時时 畝亩 頃顷 "
    "幣币 歐欧 鎊镑 韓韩 盧卢 標标 準准 紀纪 車车 戶户 間间 處处 張张 層层 屆届 輪轮 頭头 "
    "節节 場场 門门 隻只 筆笔 樁桩 餘余 來来 幾几 約约 過过 達达 將将 內内 於于 為为 僅仅 "
    "單单 雙双 組组 機机 週周 鐘钟 數数 區区 陸陆 貳贰 級级 額额 價价 與与 電电 長长 規规 "
    "劃划 後后 負负 歲岁 號号 棟栋 釐厘 攝摄 計计 際际 國国 於于 倉仓 艙舱 貨货 櫃柜 廠厂 "
    "稱称 萊莱 噸吨 鏈链 綫线 線线 億亿 頁页 題题 輛辆 樣样 構构 論论 聯联 務务 馬马 銖铢 蘭兰 "
    "員员 學学 術术 醫医 療疗 業业 產产 銷销 總总 佔占 強强 燈灯 臺台 載载 淨净"
)
_NORM_MAP: dict[int, str] = {}
for _pair in _T2S_PAIRS.split():
    _NORM_MAP[ord(_pair[0])] = _pair[1]
for _o in range(0xFF01, 0xFF5F):  # full-width ASCII
    _NORM_MAP[_o] = chr(_o - 0xFEE0)
for _c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63":
    _NORM_MAP[ord(_c)] = "-"
for _c in "\u301c\u223c\u02dc":
    _NORM_MAP[ord(_c)] = "~"
_NORM_MAP[0x3000] = " "
_NORM_MAP[0x00A0] = " "
_NORM_MAP[0x2009] = " "
_NORM_MAP[0x202F] = " "
_NORM_MAP[0xFFE5] = "¥"
_NORM_MAP[0xFFE0] = "¢"
_NORM_MAP[0xFFE1] = "£"
_NORM = _NORM_MAP  # used with str.translate


def _n(s: str) -> str:
    return s.translate(_NORM)


# --------------------------------------------------------------------------
# Chinese numerals.
# --------------------------------------------------------------------------

_CN_DIGIT = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
_CN_SMALL = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
_CN_BIG = {"万": 10**4, "亿": 10**8, "兆": 10**12}
_CN_ALL = "".join(_CN_DIGIT) + "".join(_CN_SMALL) + "".join(_CN_BIG) + "廿"
_CN_START = _CN_ALL.replace("陆", "")  # 陆 (大陆) only inside a numeral


def _cn_int(s: str) -> int:
    """Strict reading of an integer written in Chinese numerals."""
    if not s:
        raise ValueError("empty Chinese numeral")
    if "廿" in s:
        s = s.replace("廿", "二十")
    if s[0] not in _CN_DIGIT and s[0] not in "十拾" and any(c in _CN_DIGIT for c in s):
        raise ValueError(f"Chinese numeral starts with a magnitude and has digits: {s!r}")  # 万一
    if all(c in _CN_DIGIT for c in s):
        if len(s) == 1:
            return _CN_DIGIT[s]
        return int("".join(str(_CN_DIGIT[c]) for c in s))  # 二〇二四 -> 2024
    stack: list[list[int]] = []  # [value, big unit]
    section = 0
    num: int | None = None
    last_small = 10**5
    last_mag = 1
    zero = False
    prev = ""
    for i, c in enumerate(s):
        if c in _CN_DIGIT:
            d = _CN_DIGIT[c]
            if d == 0:
                if num is not None:
                    raise ValueError(f"misplaced zero in Chinese numeral {s!r}")
                zero = True
            else:
                if num is not None:
                    raise ValueError(f"adjacent digits in Chinese numeral {s!r}")
                num = d
        elif c in _CN_SMALL:
            m = _CN_SMALL[c]
            if num is None:
                if i == 0 or (m == 10 and (prev in "零〇" or prev in _CN_BIG)):
                    num = 1
                else:
                    raise ValueError(f"magnitude without digit in Chinese numeral {s!r}")
            if m >= last_small:
                raise ValueError(f"magnitudes out of order in Chinese numeral {s!r}")
            section += num * m
            last_small = m
            last_mag = m
            num = None
            zero = False
        elif c in _CN_BIG:
            m = _CN_BIG[c]
            seg = section + (num or 0)
            while stack and stack[-1][1] < m:
                seg += stack.pop()[0]
            if seg == 0:
                if i == 0:
                    seg = 1
                else:
                    raise ValueError(f"magnitude without digit in Chinese numeral {s!r}")
            if stack and stack[-1][1] <= m:
                raise ValueError(f"magnitudes out of order in Chinese numeral {s!r}")
            stack.append([seg * m, m])
            section = 0
            num = None
            last_small = 10**5
            last_mag = m
            zero = False
        else:
            raise ValueError(f"not a Chinese numeral character {c!r} in {s!r}")
        prev = c
    tail = 0
    if num is not None:
        tail = num if (zero or last_mag == 1) else num * (last_mag // 10)  # 一万五 = 15000
    return sum(v for v, _ in stack) + section + tail


_BIG_PRODUCT = {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12, "兆": 10**12, "万万": 10**8}
_MAGSTR_RE = re.compile(r"([十百千拾佰仟]?)(万亿|万万|亿|万|兆)?")


def _mag_value(s: str) -> int:
    m = _MAGSTR_RE.fullmatch(s)
    if not m or not s:
        raise ValueError(f"not a magnitude: {s!r}")
    small = _CN_SMALL.get(m.group(1), 1) if m.group(1) else 1
    return small * _BIG_PRODUCT[m.group(2) or ""]


_CN_DEC_RE = re.compile(r"([%s]+)点([零〇一二三四五六七八九]+)([十百千万亿兆]*)" % _CN_ALL)


def _cn_value(tok: str) -> Decimal:
    """Chinese numeral, possibly with a decimal part (三点五, 一点五万)."""
    if "点" in tok:
        m = _CN_DEC_RE.fullmatch(tok)
        if not m:
            raise ValueError(f"malformed Chinese decimal {tok!r}")
        ip = _cn_int(m.group(1))
        frac = "".join(str(_CN_DIGIT[c]) for c in m.group(2))
        val = Decimal(f"{ip}.{frac}")
        if m.group(3):
            val = val * _mag_value(m.group(3))
        return val
    return Decimal(_cn_int(tok))


_AR_NUM = r"(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)"
_PN_AR_RE = re.compile(r"([-+]?)(%s)\s*((?:[十百千](?:万亿|万万|亿|万|兆)?|万亿|万万|亿|万|兆)?)" % _AR_NUM)
_PN_CN_RE = re.compile(r"[%s]+(?:点[零〇一二三四五六七八九]+[十百千万亿兆]*)?" % _CN_ALL)


def _plain_value(s: str) -> Decimal:
    """A bare number (Arabic with optional magnitude, or Chinese) -> Decimal."""
    neg = False
    if s.startswith("负"):
        neg, s = True, s[1:]
    m = _PN_AR_RE.fullmatch(s)
    if m:
        v = Decimal(m.group(2).replace(",", ""))
        if m.group(3):
            v = v * _mag_value(m.group(3))
        if m.group(1) == "-":
            v = -v
        return -v if neg else v
    if _PN_CN_RE.fullmatch(s):
        v = _cn_value(s)
        return -v if neg else v
    raise ValueError("unrecognised number form")


def parse_number(s: str) -> float:
    """Parse one number written in any supported form and return its value.

    Percent-like forms return the number as written (``15%`` -> 15,
    ``百分之十五`` -> 15, ``三成`` -> 30, ``3‰`` -> 3); fractions return their value
    (``三分之一`` -> 0.333..); ``第三`` -> 3; Chinese digit strings read digit by
    digit (``二〇二四`` -> 2024).  Units are not accepted.  Raises ``ValueError``
    with the offending input otherwise.
    """
    if not isinstance(s, str):
        raise TypeError(f"parse_number expects str, got {type(s).__name__}")
    t = re.sub(r"\s+", "", _n(s))
    if not t:
        raise ValueError("not a number: empty string")
    try:
        if t.startswith(("百分之", "千分之")):
            v = _plain_value(t[3:])
        elif t.startswith("第"):
            v = _plain_value(t[1:])
        elif "分之" in t:
            a, b = t.split("分之", 1)
            den = _plain_value(a)
            if den == 0:
                raise ValueError(f"zero denominator in {s!r}")
            return float(_plain_value(b)) / float(den)
        elif t.endswith("成"):
            v = _plain_value(t[:-1]) * 10
        elif t.endswith(("%", "‰")):
            v = _plain_value(t[:-1])
        else:
            v = _plain_value(t)
        out = float(v)
    except (ValueError, ArithmeticError, KeyError) as exc:
        raise ValueError(f"not a number: {s!r}: {exc}") from None
    if not math.isfinite(out):
        raise ValueError(f"not a finite number: {s!r}")
    return out


# --------------------------------------------------------------------------
# Units.
# --------------------------------------------------------------------------

# "kind: written[=canonical] ..." (written forms are in matching form: Simplified, half-width)
_UNIT_SPEC = """
money: 元人民币=元 人民币=元 新台币 台币=新台币 港元 港币=港元 澳门元 澳元 美元 美金=美元 欧元 日元 英镑 韩元 卢布 加元 加币=加元 新加坡元 新西兰元 瑞士法郎 法郎 比索 泰铢 卢比 里拉 林吉特 金马克=马克 马克 元
pp: 个百分点 百分点=个百分点
percent: % ‰
multiple: 倍
category: 大
turnover: 吨公里 人公里 客公里 车公里 座公里 吨千米=吨公里 人千米=人公里
energy: 千瓦时 千瓦小时=千瓦时 兆瓦时 吉瓦时 太瓦时 瓦时 度电=度 度 吨标准煤 吨标煤=吨标准煤 吨油当量 焦耳 千焦 兆焦 千卡 大卡=千卡
power: 千瓦 兆瓦 吉瓦 太瓦 瓦 瓩=千瓦 千伏安 兆伏安
voltage: 千伏 伏
tonnage: 载重吨 修正总吨 总吨 净吨 排水吨
mass: 吨二氧化碳 吨 公吨=吨 公斤 千克=公斤 克 毫克 斤
area: 平方公里 平方千米=平方公里 平方米 平米=平方米 平方公尺=平方米 平方英里 公顷 英亩 亩 坪
length: 公里 千米=公里 米 公尺=米 公分=厘米 厘米 毫米 海里 英里 英尺 英呎=英尺 呎=英尺 英寸 英吋=英寸 吋=英寸 光年
volume: 立方米 立方公尺=立方米 标准立方米 立方英尺 立方英呎=立方英尺 立方呎=立方英尺 升 公升=升 毫升 桶
temperature: ℃ 摄氏度=℃
duration: 个月 个星期=周 星期=周 周年 周 天 日=天 个小时=小时 小时 个钟头=小时 钟头=小时 分钟 秒 个工作日=工作日 工作日 个季度=季度 年
age: 周岁=岁 岁
speed: 公里每小时 千米每小时=公里每小时
count: 标准箱 个 家次 家 台套 台 辆次 辆 件 人次 人 名 位 架次 艘次 车次 班次 航次 次 种 款 条 项 座 所 架 艘 套 户 间 栋 幢 处 张 份 批 届 场 枚 趟 班 席 例 宗 起 笔 颗 对 片 块 支 队 只 头 株 棵 根 本 部 篇 门 层 轮 节 口 眼 列 期 番
"""
_LATIN_SPEC = """
energy: kWh GWh MWh TWh Wh
power: kW MW GW TW kVA MVA W
voltage: kV
mass: kg
area: km²/km2 m²/m2
length: km cm mm
volume: m³/m3
count: TEU
data: GB TB PB MB KB Gbps Mbps
compute: EFLOPS PFLOPS TFLOPS GFLOPS FLOPS
frequency: GHz MHz kHz Hz
charge: mAh Ah
money: USD=美元 RMB=元 CNY=元 EUR=欧元 NTD=新台币 TWD=新台币 HKD=港元 JPY=日元 GBP=英镑
temperature: °C=℃
"""
_NOT_CATEGORY = set("型量幅于小约概多部批致都")
# Classifiers that make common non-numeric words with a single Chinese digit (一起, 一部分, 一度 ...)
_WEAK_UNITS = set("起例宗笔对片块支只头株棵根本部篇门层轮节口眼列期番条元度") | {"度电"}

_UNIT_KIND: dict[str, str] = {}  # canonical unit -> kind
_UNIT_CANON: dict[str, str] = {}  # written (matching form) -> canonical
_LATIN_CANON: dict[str, str] = {}  # lower-case written -> canonical
for _line in _UNIT_SPEC.strip().splitlines():
    _kind, _rest = _line.split(":", 1)
    for _tok in _rest.split():
        _w, _, _c = _tok.partition("=")
        _c = _c or _w
        _UNIT_CANON[_w] = _c
        _UNIT_KIND.setdefault(_c, _kind)
for _line in _LATIN_SPEC.strip().splitlines():
    _kind, _rest = _line.split(":", 1)
    for _tok in _rest.split():
        _w, _, _c = _tok.partition("=")
        _forms = _w.split("/")
        _c = _c or _forms[0]
        for _f in _forms:
            _LATIN_CANON[_f.lower()] = _c
        _UNIT_KIND.setdefault(_c, _kind)
_UNIT_KIND["度"] = "energy"

_CJK_UNITS = sorted(_UNIT_CANON, key=len, reverse=True)
_LAT_UNITS = sorted({f for line in _LATIN_SPEC.strip().splitlines() for tok in line.split(":", 1)[1].split()
                     for f in tok.partition("=")[0].split("/")}, key=len, reverse=True)
_ONE_UNIT = "(?:%s|(?i:%s)(?![A-Za-z0-9]))" % (
    "|".join(map(re.escape, _CJK_UNITS)), "|".join(map(re.escape, _LAT_UNITS)))
_UNIT_RE = re.compile(r" ?(%s)(?:/(%s))?" % (_ONE_UNIT, _ONE_UNIT))


def _canon_one(u: str) -> str:
    if u in _UNIT_CANON:
        return _UNIT_CANON[u]
    return _LATIN_CANON.get(u.lower(), u)


def normalise_unit(unit: str) -> str:
    """Canonical form of a unit as used in ``Quantity.unit``: Simplified, half-width, synonyms
    collapsed (``噸`` -> ``吨``, ``個百分點`` -> ``个百分点``, ``ＫＷ`` -> ``kW``, ``元/噸`` -> ``元/吨``).
    A magnitude written in front (``萬臺``) is not removed."""
    u = re.sub(r"\s+", "", _n(unit))
    if "/" in u:
        a, _, b = u.partition("/")
        return _canon_one(a) + "/" + _canon_one(b)
    return _canon_one(u)


# --------------------------------------------------------------------------
# Regexes for scanning (all applied to the matching form).
# --------------------------------------------------------------------------

_CAND_RE = re.compile(r"百分之|千分之|第|US\$|NT\$|HK\$|[$¥€£]|[-+](?=[0-9])|[0-9]|[%s]" % _CN_START)
_AR_RE = re.compile(_AR_NUM)
_CN_RE = re.compile(r"[%s][%s]*(?:点[零〇一二三四五六七八九]+[十百千万亿]*)?" % (_CN_START, _CN_ALL))
_BIG = r"(?:万亿|亿|万|兆(?![瓦焦帕赫字比位]))"
_MAG_RE = re.compile(r" ?(百(?!分)%s?|千(?:%s|(?![瓦米克卡焦伏帕赫]))|%s)" % (_BIG, _BIG, _BIG))
_INNERQ_RE = re.compile(r"多|余|来|几")
_SEP_RE = re.compile(r" ?(--?|~|至|到) ?")
_ISO_RE = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9.])")
_PLAN_RE = re.compile(r"十[一二三四五]五")
_PAIR_RE = re.compile(r"(十)?([一二两三四五六七八])([二两三四五六七八九])([十百千万亿]*)")
_CUR_RE = re.compile(r"US\$|NT\$|HK\$|[$¥€£]")
_CUR_UNIT = {"US$": "美元", "$": "美元", "NT$": "新台币", "HK$": "港元", "¥": "元", "€": "欧元", "£": "英镑"}
_SMALLNUM = r"([0-9]{1,2}(?![0-9])|[一二三四五六七八九十]{1,3})"
_MONTH_AFTER_YEAR_RE = re.compile(_SMALLNUM + r"月份?")
_DAY_RE = re.compile(_SMALLNUM + r"[日号]")
_YEAR_PERIOD_RE = re.compile(r"底|初|末|上半年|下半年|第?[一二三四1-4]季度")
_MONTH_PERIOD_RE = re.compile(r"底|初|末|上旬|中旬|下旬")
_DECADE_PERIOD_RE = re.compile(r"末|初|中期|后期|前期")
_DECADE_AFTER_CENT_RE = re.compile(r"([0-9]{2}|[一二三四五六七八九十]{1,3})年代")
_PREFIX_Q_RE = re.compile(
    r"(不超过|不低于|不少于|不高于|不多于|不到|不足|超过|逾|突破|至少|最少|最多|至多|最高|高于|低于|多于|少于|大于|小于"
    r"|将近|接近|大约|大概|约为|约合|约|近|超) ?$")
_SUFFIX_Q_RE = re.compile(r" ?(左右|上下(?![游级班文层])|前后|以上|以下|以内|之内|有余)")
_SUFFIX_DUR_RE = re.compile(r"多|余")
_RANK_CUE_RE = re.compile(r"(排名|排行|排在|位居|位列|名列|居)[^,，。;；、!?！？]{0,6}$")
_QUAL_INFO = {
    "约": (True, ""), "大约": (True, ""), "大概": (True, ""), "约为": (True, ""), "约合": (True, ""),
    "近": (True, "max"), "将近": (True, "max"), "接近": (True, "max"),
    "左右": (True, ""), "上下": (True, ""), "前后": (True, ""), "来": (True, ""),
    "多": (True, "min"), "余": (True, "min"), "几": (True, "min"), "有余": (True, "min"),
    "以上": (False, "min"), "超过": (False, "min"), "超": (False, "min"), "逾": (False, "min"),
    "突破": (False, "min"), "至少": (False, "min"), "最少": (False, "min"), "不低于": (False, "min"),
    "不少于": (False, "min"), "高于": (False, "min"), "多于": (False, "min"), "大于": (False, "min"),
    "以下": (False, "max"), "以内": (False, "max"), "之内": (False, "max"), "不超过": (False, "max"),
    "不到": (False, "max"), "不足": (False, "max"), "低于": (False, "max"), "少于": (False, "max"),
    "小于": (False, "max"), "至多": (False, "max"), "最多": (False, "max"), "最高": (False, "max"),
    "不高于": (False, "max"), "不多于": (False, "max"),
}
_NO_QUAL_KINDS = {"year", "month", "date", "decade", "century", "ordinal", "rank", "plan", "quarter"}
_TIME_DURATION = {"年", "个月", "周", "天", "小时", "分钟", "秒", "工作日", "季度"}
_CHENG_BLOCK = set("不为了功立本员果交熟长就都型品套片像形绩效分材全千")
_COUNT_AFTER_PLAN = set("个岁名人天位次家年周")
_ASCII_ALNUM = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_ASCII_ALPHA = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


# --------------------------------------------------------------------------
# The result type.
# --------------------------------------------------------------------------

@dataclass(frozen=True)
class Quantity:
    """One number mention.  ``text == source[start:end]`` always holds."""

    text: str
    start: int
    end: int
    value: float | None
    high: float | None = None
    unit: str = ""
    unit_text: str = ""
    kind: str = "plain"
    qualifier: str = ""
    approx: bool = False
    bound: str = ""  # "min" | "max" | ""
    full_start: int = -1  # span widened by qualifiers written around the mention
    full_end: int = -1
    magnitude_text: str = ""  # 萬 / 亿 / 万亿 ... as written
    period: str = ""  # 年底 / 年初 / 上半年 / 一季度 / 月底 / 下旬 / 末 ...
    date: tuple[int | None, int | None, int | None] | None = None


# --------------------------------------------------------------------------
# Scanner internals.
# --------------------------------------------------------------------------

class _Core:
    __slots__ = ("s", "e", "num", "ar", "int_value", "ndigits", "single", "digitwise", "magonly",
                 "has_mag", "decimal", "pair", "plan", "trail_mult", "signed", "tok")

    def __init__(self) -> None:
        self.pair: tuple[Decimal, Decimal] | None = None
        self.plan = False
        self.signed = False
        self.trail_mult = Decimal(1)
        self.int_value: int | None = None
        self.single = self.digitwise = self.magonly = self.has_mag = self.decimal = False
        self.ndigits = 0
        self.tok = ""


class _Atom:
    __slots__ = ("s", "e", "value", "high", "num", "mult", "has_mag", "mag_span", "unit", "unit_span",
                 "kind", "quals", "date", "period", "bare_ok", "core", "year_ok", "mergeable", "trail_mult")

    def __init__(self, s: int, e: int) -> None:
        self.s, self.e = s, e
        self.value: Decimal | None = None
        self.high: Decimal | None = None
        self.num = Decimal(0)
        self.mult = Decimal(1)
        self.has_mag = False
        self.mag_span: tuple[int, int] | None = None
        self.unit = ""
        self.unit_span: tuple[int, int] | None = None
        self.kind = "plain"
        self.quals: list[tuple[int, int]] = []  # inner qualifier spans
        self.date: tuple[int | None, int | None, int | None] | None = None
        self.period = ""
        self.bare_ok = True
        self.core: _Core | None = None
        self.year_ok = False
        self.mergeable = True
        self.trail_mult = Decimal(1)


def _isd(c: str) -> bool:
    return "0" <= c <= "9" and len(c) == 1


def _small_int(tok: str) -> int | None:
    try:
        return int(tok) if tok.isascii() and tok.isdigit() else _cn_int(tok)
    except ValueError:
        return None


def _core(t: str, p: int, allow_sign: bool) -> _Core | None:
    n = len(t)
    c = t[p]
    core = _Core()
    core.s = p
    q = p
    if c in "+-":
        if not allow_sign:
            return None
        if p > 0 and (t[p - 1] in _ASCII_ALNUM or t[p - 1] == "."):
            return None
        core.signed = True
        q = p + 1
        if q >= n or not _isd(t[q]):
            return None
        c = t[q]
    if _isd(c):
        prev = t[p - 1] if p > 0 else ""
        if prev in _ASCII_ALPHA or (prev in ("-", "_") and p > 1 and t[p - 2] in _ASCII_ALPHA):
            return None  # A320, COVID-19
        if prev == "." and p > 1 and _isd(t[p - 2]):
            return None  # the 3 of 1.2.3
        m = _AR_RE.match(t, q)
        if m is None:
            return None
        e = m.end()
        if e + 1 < n and t[e] == "." and "0" <= t[e + 1] <= "9":
            return None  # 1.2.3 (version / section number)
        txt = m.group()
        core.ar = True
        core.e = e
        core.tok = txt
        core.num = Decimal(txt.replace(",", ""))
        if "." not in txt and "," not in txt and not core.signed:
            core.int_value = int(txt)
            core.ndigits = len(txt)
        if t[p] == "-":
            core.num = -core.num
        return core
    if c not in _CN_START:
        return None
    m = _CN_RE.match(t, p)
    if m is None:
        return None
    tok = m.group()
    e = m.end()
    nxt = t[e] if e < n else ""
    if tok.endswith("兆") and (nxt in set("瓦焦帕赫位") or t.startswith(("字节", "比特"), e)):
        tok, e = tok[:-1], e - 1
    elif (tok.endswith("千") and nxt in set("瓦米克卡焦伏帕赫") and len(tok) >= 2 and tok[-2] in "十百万亿"):
        tok, e = tok[:-1], e - 1
    if not tok:
        return None
    core.ar = False
    core.e = e
    core.tok = tok
    nxt = t[e] if e < n else ""
    if _PLAN_RE.fullmatch(tok) and nxt not in _COUNT_AFTER_PLAN:
        core.plan = True
        core.num = Decimal(10 + _CN_DIGIT[tok[1]])
        return core
    pm = _PAIR_RE.fullmatch(tok)
    if pm:
        d1, d2 = _CN_DIGIT[pm.group(2)], _CN_DIGIT[pm.group(3)]
        if d2 == d1 + 1 and not (pm.group(1) and pm.group(4)):
            base = 10 if pm.group(1) else 0
            mult = Decimal(_mag_value(pm.group(4))) if pm.group(4) else Decimal(1)
            core.pair = (Decimal(base + d1) * mult, Decimal(base + d2) * mult)
            core.num = core.pair[0]
            core.trail_mult = mult
            return core
    core.num = _cn_value(tok)  # may raise ValueError
    core.decimal = "点" in tok
    digits = [ch for ch in tok if ch in _CN_DIGIT]
    core.has_mag = any(ch in _CN_SMALL or ch in _CN_BIG for ch in tok)
    core.single = len(tok) == 1
    core.digitwise = not core.has_mag and len(tok) >= 2
    core.magonly = not digits and tok[0] != "十"
    if not core.decimal:
        core.int_value = int(core.num)
        if core.digitwise:
            core.ndigits = len(tok)
    # magnitude written at the end (inheritable by the left end of a range)
    k = len(tok)
    while k > 0 and tok[k - 1] in _CN_BIG:
        k -= 1
    if 0 < k < len(tok):
        core.trail_mult = Decimal(_mag_value(tok[k:]))
    elif len(tok) == 2 and tok[0] in _CN_DIGIT and tok[1] in "百千":
        core.trail_mult = Decimal(_CN_SMALL[tok[1]])
    return core


def _after_month(t: str, e: int) -> tuple[int, int | None, str]:
    """What follows "N月" at ``e``: a day (3月15日) or a period of the month (3月底, 3月上旬).
    Returns (end, day or None, period)."""
    dm = _DAY_RE.match(t, e)
    if dm:
        d = _small_int(dm.group(1))
        if d is not None and 1 <= d <= 31:
            return dm.end(), d, ""
    pm = _MONTH_PERIOD_RE.match(t, e)
    if pm:
        return pm.end(), None, "月" + pm.group() if len(pm.group()) == 1 else pm.group()
    return e, None, ""


def _date_atom(t: str, s: int, e: int, kind: str, value: int | None, unit: str,
               date: tuple[int | None, int | None, int | None] | None, period: str = "",
               unit_at: int = -1) -> _Atom:
    a = _Atom(s, e)
    if unit_at >= 0:
        a.unit_span = (unit_at, unit_at + len(unit))
    a.kind = kind
    a.value = Decimal(value) if value is not None else None
    a.num = a.value if a.value is not None else Decimal(0)
    a.unit = unit
    a.date = date
    a.period = period
    a.mergeable = kind in ("year", "month", "quarter", "century")
    return a


def _special(t: str, core: _Core, p: int) -> _Atom | None:
    """Years, months, days, decades, centuries and quarters after an integer."""
    v = core.int_value
    if v is None or core.pair is not None or core.signed:
        return None
    s = core.s
    n = len(t)
    if t.startswith("年代", p):
        dec = None
        if core.ar and core.ndigits == 4 and v % 10 == 0:
            dec = v
        elif (core.ar and core.ndigits == 2) or (not core.ar and not core.digitwise):
            if v % 10 == 0 and 0 <= v < 100:
                dec = 1900 + v if v >= 30 else 2000 + v
        elif core.digitwise and core.ndigits == 4 and v % 10 == 0:
            dec = v
        if dec is None:
            return None
        e = p + 2
        per = ""
        pm = _DECADE_PERIOD_RE.match(t, e)
        if pm:
            per, e = pm.group(), pm.end()
        return _date_atom(t, s, e, "decade", dec, "年代", None, per, p)
    if t.startswith("世纪", p):
        if not 1 <= v <= 30 or core.digitwise:
            return None
        e = p + 2
        dm = _DECADE_AFTER_CENT_RE.match(t, e)
        if dm:
            d = _small_int(dm.group(1))
            if d is not None and d % 10 == 0 and 0 <= d < 100:
                e = dm.end()
                per = ""
                pm = _DECADE_PERIOD_RE.match(t, e)
                if pm:
                    per, e = pm.group(), pm.end()
                return _date_atom(t, s, e, "decade", (v - 1) * 100 + d, "年代", None, per)
        return _date_atom(t, s, e, "century", v, "世纪", None, "", p)
    yp = p + 1 if (p < n and t[p] == " " and p + 1 < n and t[p + 1] == "年") else p
    if yp < n and t[yp] == "年" and ((core.ar and core.ndigits == 4 and 1000 <= v <= 2999)
                                     or (core.digitwise and core.ndigits == 4)):
        e = yp + 1
        mm = _MONTH_AFTER_YEAR_RE.match(t, e)
        if mm:
            mo = _small_int(mm.group(1))
            if mo is not None and 1 <= mo <= 12:
                e, d, per = _after_month(t, mm.end())
                return _date_atom(t, s, e, "date", v, "", (v, mo, d), per)
        per = ""
        pm = _YEAR_PERIOD_RE.match(t, e)
        if pm:
            per, e = ("年" + pm.group() if len(pm.group()) == 1 else pm.group()), pm.end()
        a = _date_atom(t, s, e, "year", v, "年", (v, None, None), per, yp)
        a.mergeable = not per
        return a
    if (yp < n and t[yp] == "年" and core.ar and 2 <= core.ndigits <= 3 and not core.decimal
            and (mm := _MONTH_AFTER_YEAR_RE.match(t, yp + 1))):  # 193年4月14日: an early year with its month
        mo = _small_int(mm.group(1))
        if mo is not None and 1 <= mo <= 12 and not t.startswith("月份", mm.end() - 1):
            e, d, per = _after_month(t, mm.end())
            return _date_atom(t, s, e, "date", v, "", (v, mo, d), per)
    if p < n and t[p] == "月" and 1 <= v <= 12 and not core.digitwise and (not core.ar or core.ndigits <= 2):
        e = p + 1
        if t.startswith("份", e):
            e += 1
        e, d, per = _after_month(t, e)
        if d is not None:
            return _date_atom(t, s, e, "date", None, "", (None, v, d))
        a = _date_atom(t, s, e, "month", v, "月", (None, v, None), per, p)
        a.mergeable = not per
        return a
    if (p < n and t[p] == "日" and 1 <= v <= 31 and not t.startswith("元", p + 1) and not t.endswith(_DAYS_BEFORE, 0, s) and not t.startswith(_DAYS_AFTER, p + 1)
            and ((core.ar and core.ndigits <= 2) or (not core.ar and not core.single and not core.digitwise))):
        return _date_atom(t, s, p + 1, "date", None, "", (None, None, v))
    if t.startswith("季度", p) and 1 <= v <= 4 and not core.digitwise:
        return _date_atom(t, s, p + 2, "quarter", v, "季度", None, "", p)
    return None


# words around "N日" that make it a number of days (未來9日, 連續5日, 3日內), not a day of the month
_DAYS_BEFORE = tuple("未来 未來 过去 過去 连续 連續 为期 為期 历时 歷時 长达 長達 一连 一連 最近 近 前 后 後 每".split())
_DAYS_AFTER = tuple("内 內 之内 之內 以内 以內".split())  # 3日內: within three days


def _atom(t: str, p0: int, allow_sign: bool = True) -> _Atom | None:
    n = len(t)
    if t.startswith(("百分之", "千分之"), p0):
        core = _core(t, p0 + 3, False)
        if core is None or core.pair is not None or core.plan:
            return None
        a = _Atom(p0, core.e)
        a.core = core
        a.value = a.num = core.num
        a.unit = "%" if t[p0] == "百" else "‰"
        a.unit_span = (p0, p0 + 3)
        a.kind = "percent"
        return a
    core = _core(t, p0, allow_sign)
    if core is None:
        return None
    if core.plan:
        a = _Atom(p0, core.e)
        a.core = core
        a.value = a.num = core.num
        a.kind = "plan"
        a.mergeable = False
        return a
    p = core.e
    sp = _special(t, core, p)
    if sp is not None:
        sp.core = core
        return sp
    a = _Atom(p0, p)
    a.core = core
    a.num = core.num
    quals: list[tuple[int, int]] = []
    # inner approximator, magnitude, inner approximator
    qm = _INNERQ_RE.match(t, p)
    if qm and (qm.group() != "几" or (not core.ar and core.tok[-1] in "十百千万")):
        if qm.group() != "来" or core.int_value is not None:
            quals.append((p, qm.end()))
            p = qm.end()
    mm = None
    if core.ar or quals:
        mm = _MAG_RE.match(t, p)
        if mm:
            a.mult = Decimal(_mag_value(mm.group(1)))
            a.has_mag = True
            a.mag_span = (mm.start(1), mm.end(1))
            p = mm.end()
            if not quals:
                qm = _INNERQ_RE.match(t, p)
                if qm and qm.group() in "多余":
                    quals.append((p, qm.end()))
                    p = qm.end()
    if core.pair is not None:
        a.value, a.high = core.pair[0] * a.mult, core.pair[1] * a.mult
    else:
        a.value = core.num * a.mult
    a.trail_mult = a.mult if a.has_mag else core.trail_mult
    a.quals = quals
    nxt = t[p] if p < n else ""
    # tenths (三成), fractions (三分之一)
    if not a.has_mag and not quals:
        if nxt == "成" and (p + 1 >= n or t[p + 1] not in _CHENG_BLOCK) and not core.digitwise:
            if core.magonly:
                return None
            a.mult = Decimal(10)
            a.trail_mult = Decimal(10)
            a.value = core.num * 10
            if a.high is not None:
                a.high = a.high * 10
            a.unit, a.kind, a.unit_span, a.e = "%", "percent", (p, p + 1), p + 1
            return a
        if t.startswith("分之", p) and core.pair is None and core.num != 0:
            if p + 2 < n and t[p + 2] not in "+-":
                c2 = _core(t, p + 2, False)
                if c2 is not None and c2.pair is None and not c2.plan:
                    a.value = c2.num / core.num
                    a.kind, a.e, a.mergeable = "fraction", c2.e, False
                    return a
            return None
    # unit
    um = _UNIT_RE.match(t, p)
    if um:
        u1 = _canon_one(um.group(1))
        unit = u1 + ("/" + _canon_one(um.group(2)) if um.group(2) else "")
        kind = "rate" if um.group(2) else _UNIT_KIND.get(u1, "count")
        written = um.group(1)
        reject = False
        if core.single and core.tok in _CN_DIGIT and not a.has_mag and not quals and written in _WEAK_UNITS:
            reject = True
        if core.digitwise:
            reject = True
        if kind == "category" and (quals or a.has_mag or core.num == 1 or (um.end() < len(t) and t[um.end()] in _NOT_CATEGORY)):
            reject = True  # 三大产业, 九大领域; not 一大批, 100多大型, 5大于3
        if core.magonly and not quals and not a.has_mag:
            before = t[p0 - 1] if p0 > 0 else ""
            if kind == "count" or before in set("数几多上成万千百亿好"):
                reject = True
        if u1 == "度" and not um.group(2):
            if a.has_mag or t.startswith("电", um.end()) or written == "度电":
                kind = "energy"
            else:
                kind = "degree"
        if not reject:
            a.unit, a.kind = unit, kind
            a.unit_span = (um.start(1), um.end())
            a.e = um.end()
            return a
    # bare number
    if quals and not a.has_mag and t[quals[0][0]] == "来":
        p = quals[0][0]  # 来 needs a unit or magnitude after it (十来个); "5来自" is not approximate
        quals.clear()
    a.e = p
    if core.ar:
        if not a.has_mag and not quals and p < n and t[p] in _ASCII_ALPHA:
            return None  # 5G, 4K, 3D ...
        return a
    if core.pair is not None or core.single or core.digitwise or core.magonly or core.decimal:
        a.bare_ok = False
    if quals and not a.has_mag and core.single:
        a.bare_ok = False
    return a


def _merge(t: str, a1: _Atom, a2: _Atom, sep: str) -> _Atom | None:
    if not (a1.mergeable and a2.mergeable):
        return None
    if a1.core is not None and a1.core.pair is not None:
        return None
    if a2.core is not None and a2.core.pair is not None:
        return None
    if a2.unit == "" and not a2.has_mag:
        if sep == "-" or a1.unit or a1.has_mag or not (a1.bare_ok or a2.bare_ok):
            return None
        if a1.kind != "plain" or a2.kind != "plain":
            return None
    lows: list[Decimal] = []
    if a1.unit == "" and a1.kind == "plain":
        c1 = a1.core
        if a2.kind == "year":
            if c1 is None or not ((c1.ar and c1.ndigits == 4 and c1.int_value and 1000 <= c1.int_value <= 2999)
                                  or (c1.digitwise and c1.ndigits == 4)) or a1.quals:
                return None
            lows = [a1.value]
        elif a2.kind == "month":
            if c1 is None or c1.int_value is None or not 1 <= c1.int_value <= 12 or a1.quals:
                return None
            lows = [a1.value]
        elif a2.kind == "quarter":
            if c1 is None or c1.int_value is None or not 1 <= c1.int_value <= 4:
                return None
            lows = [a1.value]
        elif a2.kind == "century":
            if c1 is None or c1.int_value is None or not 1 <= c1.int_value <= 30:
                return None
            lows = [a1.value]
        elif a2.kind in ("decade", "date", "plan", "fraction"):
            return None
        else:
            if a1.has_mag:
                lows = [a1.value]
            else:
                lows = [a1.num * a2.trail_mult]
                if a2.trail_mult != 1 and abs(a1.num) * 10 >= a2.trail_mult:
                    lows.append(a1.num)  # 5000-2万元: the left end is already in units
    else:
        if a1.unit != a2.unit or a1.kind != a2.kind:
            return None
        if a1.kind in ("date", "decade", "plan", "fraction"):
            return None
        lows = [a1.value]
    high = a2.value
    if high is None:
        return None
    for low in lows:
        if low is not None and high > low:
            m = _Atom(a1.s, a2.e)
            m.value, m.high = low, high
            m.num, m.mult = a2.num, a2.mult
            m.has_mag = a1.has_mag or a2.has_mag
            m.mag_span = a2.mag_span or a1.mag_span
            m.unit, m.unit_span, m.kind = a2.unit, a2.unit_span, a2.kind
            m.quals = a1.quals + a2.quals
            m.core = a2.core
            if a2.kind == "year":
                m.date = (int(low), None, None)
            elif a2.kind == "month":
                m.date = (None, int(low), None)
            m.mergeable = False
            return m
    return None


def _merge_dates(a1: _Atom, a2: _Atom) -> _Atom | None:
    """A span between two dates; the end may leave out what it shares with the start
    (2009年9月16日至23日, 5月11日至6月2日). value/high: the years of the ends when known."""
    if a2.kind not in ("date", "month") or a1.date is None or a2.date is None:
        return None
    (y1, m1, d1), (y2, m2, d2) = a1.date, a2.date
    if d1 is not None and m2 is not None and d2 is None:
        return None  # 5月3日至6月: not a span of the same precision
    if y2 is None:
        y2 = y1
        if m2 is None:
            m2 = m1
    start, end = (y1 or 0, m1 or 0, d1 or 0), (y2 or 0, m2 or 0, d2 or 0)
    if (y1 is None) != (y2 is None) or end <= start:
        return None
    m = _Atom(a1.s, a2.e)
    m.kind, m.date, m.period = "date", a1.date, a2.period
    m.value = a1.value
    m.high = Decimal(y2) if y2 is not None else None
    m.num = a1.num
    m.mergeable = False
    return m


def _ordinal(t: str, s: int) -> _Atom | None:
    if s + 1 >= len(t):
        return None
    spaced = t[s + 1] == " " and s + 2 < len(t) and _isd(t[s + 2])  # 第 26 届, spaced as in some sources
    core = _core(t, s + 1 + spaced, False)
    if core is None or core.int_value is None or core.pair is not None or core.plan:
        return None
    a = _Atom(s, core.e)
    a.core = core
    a.value = a.num = Decimal(core.int_value)
    a.kind = "ordinal"
    a.mergeable = False
    p = core.e
    sm = _SEP_RE.match(t, p)
    if sm and sm.end() < len(t):  # 第1-3名, 第一至三批
        c2 = _core(t, sm.end(), False)
        if (c2 is not None and c2.int_value is not None and c2.pair is None and not c2.plan
                and c2.ar == core.ar and c2.int_value > core.int_value):
            a.high = Decimal(c2.int_value)
            a.e = p = c2.e
    if t.startswith("季度", p) and 1 <= core.int_value <= 4:
        a.kind, a.unit, a.unit_span, a.e = "quarter", "季度", (p, p + 2), p + 2
        return a
    um = _UNIT_RE.match(t, p)
    if um and not um.group(2) and (spaced or not um.group().startswith(" ")):
        u = _canon_one(um.group(1))
        if _UNIT_KIND.get(u) in ("count", "duration"):
            a.unit, a.unit_span, a.e = u, (um.start(1), um.end()), um.end()
    if a.unit in ("名", "位") or _RANK_CUE_RE.search(t, max(0, s - 10), s):
        a.kind = "rank"
    return a


def _parse_at(t: str, s: int) -> _Atom | None:
    c = t[s]
    if c == "第":
        return _ordinal(t, s)
    if _isd(c):
        im = _ISO_RE.match(t, s)
        if im and (s == 0 or t[s - 1] not in _ASCII_ALNUM):
            y, mo, d = int(im.group(1)), int(im.group(3)), int(im.group(4))
            if 1000 <= y <= 2999 and 1 <= mo <= 12 and 1 <= d <= 31:
                return _date_atom(t, s, im.end(), "date", y, "", (y, mo, d))
    cur = None
    p0 = s
    cm = _CUR_RE.match(t, s)
    if cm:
        if s > 0 and t[s - 1] in _ASCII_ALPHA and cm.group() in ("$",):
            return None
        cur = cm.group()
        p0 = cm.end()
        if p0 < len(t) and t[p0] == " ":
            p0 += 1
        if p0 >= len(t) or not _isd(t[p0]):
            return None
    a1 = _atom(t, p0, allow_sign=cur is None)
    if a1 is None:
        return None
    result = a1
    if a1.kind == "date" and a1.date is not None:  # 1983年5月20日到1984年1月27日, 2009年9月16日至23日
        sm = _SEP_RE.match(t, a1.e)
        if sm and sm.end() < len(t):
            a2 = _atom(t, sm.end(), allow_sign=False)
            if a2 is not None:
                result = _merge_dates(a1, a2) or a1
    elif a1.mergeable:
        sm = _SEP_RE.match(t, a1.e)
        if sm and sm.end() < len(t):
            sep = sm.group(1)
            sep = "-" if sep.startswith("-") else sep
            a2 = _atom(t, sm.end(), allow_sign=sep != "-")
            if a2 is not None:
                m = _merge(t, a1, a2, sep)
                if m is not None:
                    result = m
    if not result.bare_ok and result is a1:
        return None
    if result.unit == "" and result.kind == "plain" and not result.bare_ok:
        return None
    if cur is not None:
        result.s = s
        if result.unit == "" and result.kind == "plain":
            result.unit = _CUR_UNIT[cur]
            result.kind = "money"
            result.unit_span = (s, cm.end())
    return result


def _skip(t: str, s: int) -> int:
    """Where to resume after a failed candidate at s: past the whole numeric run."""
    n = len(t)
    c = t[s]
    e = s + 1
    if _isd(c):
        m = _AR_RE.match(t, s)
        e = m.end() if m else s + 1
    elif c in _CN_ALL:
        while e < n and t[e] in _CN_ALL:
            e += 1
    return e


def _fnum(d: Decimal | None) -> float | None:
    if d is None:
        return None
    f = float(d)
    if not math.isfinite(f):
        raise OverflowError("number too large")
    return f


def _build(text: str, t: str, a: _Atom, floor: int) -> Quantity:
    s, e = a.s, a.e
    quals: list[tuple[int, int, str]] = []
    allow = a.kind not in _NO_QUAL_KINDS
    qs = s
    if allow:
        lo = max(floor, s - 5)
        pm = _PREFIX_Q_RE.search(t, lo, s)
        if pm:
            word = pm.group(1)
            before = t[pm.start(1) - 1] if pm.start(1) > 0 else ""
            ok = True
            if word == "近" and (before in set("最附临接将") or a.unit in _TIME_DURATION):
                ok = False
            if word in ("超", "逾") and before in set("超赶"):
                ok = False
            if ok:
                quals.append((pm.start(1), pm.end(1), word))
                qs = pm.start(1)
    for qa, qb in a.quals:
        quals.append((qa, qb, t[qa:qb]))
    qe = e
    if allow:
        sm = _SUFFIX_Q_RE.match(t, e)
        if sm:
            quals.append((sm.start(1), sm.end(1), sm.group(1)))
            qe = sm.end()
        elif a.unit in _TIME_DURATION and a.high is None:
            dm = _SUFFIX_DUR_RE.match(t, e)
            if dm and not a.quals:
                quals.append((dm.start(), dm.end(), dm.group()))
                qe = dm.end()
    approx = bool(a.core is not None and a.core.pair is not None)
    bound = ""
    for qa, qb, word in quals:
        ap, bd = _QUAL_INFO.get(word, (True, ""))
        approx = approx or ap
        if bd and not bound:
            bound = bd
    unit_text = text[a.unit_span[0]:a.unit_span[1]] if a.unit_span else ""
    if unit_text.startswith(" "):
        unit_text = unit_text[1:]
    return Quantity(
        text=text[s:e], start=s, end=e,
        value=_fnum(a.value), high=_fnum(a.high),
        unit=a.unit, unit_text=unit_text, kind=a.kind,
        qualifier="|".join(text[qa:qb] for qa, qb, _ in quals),
        approx=approx, bound=bound,
        full_start=qs, full_end=qe,
        magnitude_text=text[a.mag_span[0]:a.mag_span[1]] if a.mag_span else "",
        period=a.period, date=a.date,
    )


def find_quantities(text: str) -> list[Quantity]:
    """Every number mention in ``text`` in reading order, non-overlapping, exact offsets."""
    if not isinstance(text, str):
        raise TypeError(f"find_quantities expects str, got {type(text).__name__}")
    t = text.translate(_NORM)
    if len(t) != len(text):  # cannot happen with a one-to-one table; keep offsets safe anyway
        raise AssertionError("normalisation changed the text length")
    out: list[Quantity] = []
    n = len(t)
    pos = floor = 0
    search = _CAND_RE.search
    while pos < n:
        m = search(t, pos)
        if m is None:
            break
        s = m.start()
        try:
            a = _parse_at(t, s)
            q = _build(text, t, a, floor) if a is not None else None
        except (ValueError, ArithmeticError, KeyError, IndexError):
            q = None
        if q is None:
            pos = _skip(t, s)
            continue
        out.append(q)
        pos = floor = q.full_end
    return _join_magnitudes(text, out)


_MAGNITUDE_OF = {"亿": 10**8, "億": 10**8, "万": 10**4, "萬": 10**4}


def _join_magnitudes(text: str, found: list[Quantity]) -> list[Quantity]:
    """One number written in two magnitudes, 4亿5000万 or 3億2千萬人: a bare figure ending
    in 亿/万 and, right after it, a smaller figure are one quantity (450000000)."""
    out: list[Quantity] = []
    for q in found:
        a = out[-1] if out else None
        if (
            a is not None and a.end == q.start and not a.unit and a.high is None and q.high is None
            and a.value is not None and q.value is not None and a.kind == "plain"
            and a.text[-1:] in _MAGNITUDE_OF and 0 < q.value < _MAGNITUDE_OF[a.text[-1]]
            and q.kind in ("plain", "count", "money")
        ):
            out[-1] = replace(
                q, text=text[a.start : q.end], start=a.start, value=a.value + q.value,
                full_start=a.full_start, qualifier=a.qualifier or q.qualifier, approx=a.approx or q.approx,
                magnitude_text=a.magnitude_text,
            )
            continue
        out.append(q)
    return out


# --------------------------------------------------------------------------
# Formatting.
# --------------------------------------------------------------------------

_MAGS_S = ((Decimal(10) ** 12, "万亿"), (Decimal(10) ** 8, "亿"), (Decimal(10) ** 4, "万"))
_MAGS_T = ((Decimal(10) ** 12, "萬億"), (Decimal(10) ** 8, "億"), (Decimal(10) ** 4, "萬"))


def format_value(value: float, unit: str = "", script: str = "s") -> str:
    """Human form with 万/亿/万亿 (script ``"s"``) or 萬/億/萬億 (``"t"``); the unit is appended as given.

    ``format_value(12866000, "台") == "1286.6万台"``.  The number is written
    exactly (shortest round-tripping decimal), so parsing the result gives the
    same float back.
    """
    if script not in ("s", "t"):
        raise ValueError(f"script must be 's' or 't', got {script!r}")
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal)):
        raise TypeError(f"format_value expects a number, got {type(value).__name__}")
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot format non-finite value {value!r}")
        d = Decimal(repr(value))
    else:
        d = Decimal(value)
        if not d.is_finite():
            raise ValueError(f"cannot format non-finite value {value!r}")
    if d == 0:
        return "0" + unit
    mag = ""
    with localcontext() as ctx:
        ctx.prec = max(60, len(d.as_tuple().digits) + 5)
        for base, name in (_MAGS_S if script == "s" else _MAGS_T):
            if abs(d) >= base:
                d = d / base
                mag = name
                break
        s = format(d.normalize(), "f")
    return s + mag + unit


def to_chinese_numeral(n: int) -> str:
    """Integer -> standard Chinese numeral (``1203 -> "一千二百零三"``, ``10**12 -> "一万亿"``)."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"to_chinese_numeral expects int, got {type(n).__name__}")
    if n < 0:
        return "负" + to_chinese_numeral(-n)
    if n == 0:
        return "零"
    return _cn_numeral(n, True)


_DIGS = "零一二三四五六七八九"


def _four(n: int, leading: bool) -> str:
    parts: list[str] = []
    zero = False
    for mag, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // mag % 10
        if d == 0:
            if parts:
                zero = True
            continue
        if zero:
            parts.append("零")
            zero = False
        if mag == 10 and d == 1 and not parts and leading:
            parts.append("十")
        else:
            parts.append(_DIGS[d] + name)
    return "".join(parts)


def _cn_numeral(n: int, leading: bool) -> str:
    if n >= 10**8:
        hi, lo = divmod(n, 10**8)
        s = _cn_numeral(hi, leading) + "亿"
        if lo:
            s += ("零" if lo < 10**7 else "") + _cn_numeral(lo, False)
        return s
    if n >= 10**4:
        hi, lo = divmod(n, 10**4)
        s = _four(hi, leading) + "万"
        if lo:
            s += ("零" if lo < 1000 else "") + _four(lo, False)
        return s
    return _four(n, leading)


# --------------------------------------------------------------------------
# Value-aware equality.
# --------------------------------------------------------------------------

_CONV: dict[str, tuple[str, float]] = {
    "W": ("power", 1.0), "瓦": ("power", 1.0), "kW": ("power", 1e3), "千瓦": ("power", 1e3),
    "MW": ("power", 1e6), "兆瓦": ("power", 1e6), "GW": ("power", 1e9), "吉瓦": ("power", 1e9),
    "TW": ("power", 1e12), "太瓦": ("power", 1e12),
    "Wh": ("energy", 1.0), "瓦时": ("energy", 1.0), "kWh": ("energy", 1e3), "千瓦时": ("energy", 1e3),
    "度": ("energy", 1e3), "MWh": ("energy", 1e6), "兆瓦时": ("energy", 1e6), "GWh": ("energy", 1e9),
    "吉瓦时": ("energy", 1e9), "TWh": ("energy", 1e12), "太瓦时": ("energy", 1e12),
    "吨": ("mass", 1e3), "公斤": ("mass", 1.0), "kg": ("mass", 1.0), "克": ("mass", 1e-3),
    "毫克": ("mass", 1e-6), "斤": ("mass", 0.5),
    "公里": ("length", 1e3), "km": ("length", 1e3), "米": ("length", 1.0), "厘米": ("length", 1e-2),
    "cm": ("length", 1e-2), "毫米": ("length", 1e-3), "mm": ("length", 1e-3), "海里": ("length", 1852.0),
    "平方公里": ("area", 1e6), "km²": ("area", 1e6), "平方米": ("area", 1.0), "m²": ("area", 1.0),
    "公顷": ("area", 1e4), "亩": ("area", 10000.0 / 15.0),
    "立方米": ("volume", 1.0), "m³": ("volume", 1.0), "立方英尺": ("volume", 0.0283168), "升": ("volume", 1e-3), "毫升": ("volume", 1e-6),
    "千伏": ("voltage", 1e3), "kV": ("voltage", 1e3), "伏": ("voltage", 1.0),
    "标准箱": ("teu", 1.0), "TEU": ("teu", 1.0),
    "周": ("time", 7.0), "天": ("time", 1.0),
}


def _factor(unit: str, target: str) -> float | None:
    """How many ``target`` one ``unit`` is, for normalised units of one dimension (GW in
    千瓦: 1e6); None when the two do not convert."""
    if unit == target:
        return 1.0
    a, b = _CONV.get(unit), _CONV.get(target)
    if a is None or b is None or a[0] != b[0]:
        return None
    return a[1] / b[1]


def in_unit(value: float, unit: str, target: str) -> float | None:
    """``value`` (in ``unit``) expressed in ``target``, a unit of the same dimension
    (``in_unit(79.82, "GW", "千瓦") == 79820000``); None when the two do not convert."""
    factor = _factor(normalise_unit(unit), normalise_unit(target))
    return None if factor is None else value * factor


def _coerce(x: object) -> tuple[float | None, float | None, str, tuple | None]:
    if isinstance(x, Quantity):
        return x.value, x.high, normalise_unit(x.unit), x.date if x.kind == "date" else None
    if isinstance(x, str):
        qs = find_quantities(x)
        if len(qs) != 1:
            raise ValueError(f"expected exactly one quantity in {x!r}, found {len(qs)}")
        return _coerce(qs[0])
    if isinstance(x, tuple) and 1 <= len(x) <= 3:
        v = x[0]
        if isinstance(v, str):
            v = parse_number(v)
        u = normalise_unit(x[1]) if len(x) > 1 and x[1] else ""
        h = x[2] if len(x) > 2 else None
        if isinstance(h, str):
            h = parse_number(h)
        return (float(v) if v is not None else None), (float(h) if h is not None else None), u, None
    if isinstance(x, (int, float)) and not isinstance(x, bool):
        return float(x), None, "", None
    raise TypeError(f"cannot compare {type(x).__name__}")


def values_equal(a: object, b: object, rel: float = 1e-6) -> bool:
    """Value-aware equality of two quantities.

    ``a``/``b`` may be a ``Quantity``, a ``(value, unit[, high])`` tuple (value
    may be a string such as ``"1.5萬億"``), a string holding exactly one quantity
    (``"1.5万亿元"``), or a bare number.  Units are compared after
    normalisation (script, width, synonyms) and converted within a dimension
    (``1GW == 100万千瓦``); ``%`` and ``个百分点`` never compare equal.
    """
    va, ha, ua, da = _coerce(a)
    vb, hb, ub, db = _coerce(b)
    if va is None or vb is None:
        return da is not None and da == db
    factor = _factor(ub, ua)  # b in a's unit
    if factor is None:
        return False
    if not math.isclose(va, vb * factor, rel_tol=rel, abs_tol=0.0):
        return False
    if ha is None or hb is None:
        return ha is None and hb is None
    return math.isclose(ha, hb * factor, rel_tol=rel, abs_tol=0.0)
