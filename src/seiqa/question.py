"""Question analysis: what a Chinese question asks for, in which unit, for which
time, and which words carry its subject and metric. Rules are about Chinese
question forms, not about any one document. Works on the normalised (Simplified)
form; never raises on any text.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .normalise import detect_script, normalise
from .numbers import find_quantities
from .segment import MIN_FREQ, data_lines, frequency, spans, stopwords, tagged, terms, words

# Counting classifiers (个, 家, 台 …): after 多少/几 they ask a count.
_CLASSIFIERS = "个|家|笔|宗|座|所|名|位|人|项|种|款|条|次|架|艘|台|辆|件|套|部|本|只|处|场|届|支|颗|片|块|对|枚|列|粒|头|匹|株|棵|间|栋|幢|首|篇|张|门|根|尾|节|集|季|期|轮|代|任|批|户"

# What is asked, tried in order: the first pattern that matches wins.
_ASKS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # a change against the previous period is stated, not computed: 比上年提高了多少
    ("growth", re.compile(r"(?:同比|环比|比上年|较上年|比去年|比前一年|较前一年|比上一年|较上一年|较去年|比前年|较前年|[比较]一年前).{0,12}?(?:多少|几|百分之几)|(?:多少|几)个百分点|(?:(?:多|少)(?:出来?)?|增长|增加|下降|减少|上升|提高|降低|下滑|回落|上涨|下跌|涨|跌|降|升)了?(?:百分之几|百分之多少)")),  # 多出了百分之几
    ("ratio", re.compile(r"(?:是|为|相当于).{0,30}?的(?:几|多少)倍|(?:几|多少)倍于")),
    ("diff", re.compile(r"(?:扣掉|扣除|除去|去掉|减去|减掉|刨去|刨掉|刨除)[^,，。?？]{1,30}?[,，]?(?:剩下|还剩|剩余|余下)|(?:^|[,，:：])用[^,，。?？]{2,40}?(?:减去|减掉)[^,，。?？]{1,30}?[,，][^。?？]{0,40}?(?:多少|几)|(?:比|较|相比|与).{1,30}?(?:(?:多|少)[卖产赚花用造买生收挣售销装建投]?(?:出去|出来|出|掉|上)?|高|低|大|小|增加|减少|增长|下降)了?(?:大约|约)?(?:多少|几)"
                        r"|比.{1,30}?[多少高低]出来?了?(?:大约|约)?(?:多少|几)|比(?:较|起来)?[,，]?[多少]出?来?了?(?:大约|约)?(?:多少|几)"  # 跟2023年比多出来多少
                        r"|(?:比|较).{1,30}?(?:上涨|下跌|涨|跌)了?(?:大约|约)?(?:多少|几)(?!百分|成|倍|个百分点)(?=[\u4e00-\u9fff])")),  # 比开盘价涨了多少元: a change in a unit, not a rate
    ("rank", re.compile(r"第几|第多少|排老几|老几|排(?:名|在|行)?第?(?:几|多少)(?:名|位)|名列第?几|位(?:居|列)第?几|第几(?:名|位|大)|排名(?:是|为)?多少")),
    ("date", re.compile(r"哪一?年哪一?个?月|几年几月|哪一?天|几月几[日号]|几号(?=$|[?？的,，。])|什么日期|何日|哪个日期|具体日期")),
    ("year", re.compile(r"哪一?年(?!代)|何年|什么年份?|哪个年份|年份|几几年|哪一年度|(?:西元|公元|民国)(?:前)?几年")),
    ("when", re.compile(r"什么时候|何时|几时|哪个时候|什么时间|什么时后|(?:哪一?个?|什么|何|几)(?:时期|年代|世纪|朝代|年间)|哪些年|哪一?段(?:时间|时期|期间)?")),
    ("month", re.compile(r"哪一?个?月|几月份?")),
    ("age", re.compile(r"几岁|多少岁|年龄|多大年纪")),
    ("share", re.compile(r"比例|比重|占比|百分之几|百分之多少|百分比|份额|渗透率|(?<![攻侵抢霸独])占(?!有(?!率)|地).{0,20}?(?:多少|几成|几(?=\s*%)|多大(?:一块|一部分|部分|的?比例|的?份额)?)|几成")),
    ("growth", re.compile(r"(?:增长|增幅|增速|增加|下降|降幅|减少|上升|提高|提升|涨幅|升幅|跌幅|下跌|上涨|下滑|回落|回撤|衰退|跌|涨)(?:掉|去|落)?(?:率|了)?(?:大概|大约|约|差不多)?(?:多少|几|百分之几)|(?:增长|增幅|增速|涨幅|升幅)(?:率)?(?:是|为)?(?:多少|几)|翻了?(?:大约|约|大概)?(?:几|多少)倍")),  # 翻了几倍: grew how many times over
    ("duration", re.compile(r"多久|多长时间|(?:几|多少)(?:年|个月|天|日|个?小时|个?钟头|周|星期)(?!份)")),
    ("count", re.compile(r"(?:多少|(?<![哪这那])几)(?:十|百|千|万|亿)?(?:" + _CLASSIFIERS + r"|层|省|市|县|国|区|大(?=[\u4e00-\u9fff]))")),
    ("amount", re.compile(r"多少|(?<![哪这那])几|多大|多高|多长|多重|多远|多深|多宽|多快|多厚|多少钱|规模(?:是|为|有)?$|金额")),
    ("fact", re.compile(r"哪些|什么|谁|哪里|哪儿|哪个|哪家|哪位|哪种|哪类|哪项|哪座|哪国|何处|何种|何地|为何|为什么|怎样|如何|哪")),
)
# a span of time is asked (哪些年间, 哪年到哪年, 什么时间段): a range (1938年到1953年) answers it
_PERIOD = re.compile(r"年间|哪些年|时间段|哪一?段|哪年到哪年|到哪一?年为止|起止|(?:什么|哪一?个?)期间")
TIME_ASKS = frozenset(("year", "when", "date", "month"))  # questions answered by a time
NUMERIC_ASKS = frozenset({"ratio", "diff", "rank", "date", "year", "when", "month", "age", "share", "growth", "duration", "count", "amount"})

_UNIT_AFTER = re.compile(r"(?:多少|几)(?:十|百|千|万|亿|万亿)?([a-z]{1,4}|(?:(?!第)[\u4e00-\u9fff]){1,3})")  # not 第: 几款第一类新药 counts 款
# How the asked figure is measured (以能量（千瓦时）计, 按功率口径计, 单位：亿元, 有多大（万千瓦）):
# a unit hint, and words that are no terms.
_RECKONED_BY, _RECKONED = r"(?:以|按|用)[^,，。?？]{0,8}?", r"(?:计算|计|来算)"
UNIT_FRAME = re.compile(_RECKONED_BY + r"(?:口径)?" + _RECKONED + r"(?:价)?")
_UNIT_NAMED = re.compile(r"(?:多少|多大|几|是|为)\s*[(（](?:按|以)?([a-z]{1,4}|[\u4e00-\u9fff]{1,4}?)(?:算|计|计算)?[)）]"
                         r"|" + _RECKONED_BY + r"[(（]?([a-z]{1,4}|[\u4e00-\u9fff]{1,3})[)）]?" + _RECKONED
                         + r"|单位(?:是|为|:|：)\s*([a-z]{1,4}|[\u4e00-\u9fff]{1,3})")


def _named_unit(norm: str) -> str:
    """A unit of measurement the question names for its figure (以能量（千瓦时）计, 单位：亿元),
    or "" (按年计算 names no unit: a span of time is no measure)."""
    m = _UNIT_NAMED.search(norm)
    unit = next((g for g in m.groups() if g), "") if m else ""
    found = find_quantities("1" + unit) if unit else []
    return unit if found and found[0].end == len(unit) + 1 and found[0].kind not in ("plain", "count", "duration") else ""


_YEAR = re.compile(r"(?<![0-9a-z])((?:1[5-9]|20)[0-9]{2})(?:年|$|[^0-9])")  # not a model number (m1911)
_QUESTION_WORDS = frozenset(
    "多少 几 什么 哪些 哪个 哪里 哪儿 哪年 哪一年 谁 如何 怎样 为何 为什么 何时 是否 多久 多大 多高 多长 多重 "
    "多远 第几 几月 几日 几号 年份 请问 呢 吗 比例 比重 占比 百分之几 百分比 倍 几倍 多少倍 时候 什么时候 "
    "哪个时候 何 请 问 数字 数量 数目 情况 年 月 日 大概 大约 约 一共 总共 到底 何年 哪年 几年 西元 公元 "
    "几月 何月 何日 几时 何种 何处 何人 时候 时间 当时 目前 现在 现今 几成 几大 哪家 哪位 哪种 哪类 哪项 哪国 "
    "哪座 哪条 何时何地 何地 几个 多少个 钱 多少钱 年间 期间 哪一天 哪天 具体 指".split()
)


MONEY = re.compile(r"金额|总值|投入(?!运行|使用|运营|生产|商用)|经费|支出|(?:销售|营业|生意|交易|成交|出口|进口|投资|贸易|融资|税|总|余|差|限|支出|减免)额|收入|营收|产值|利润|投资|票房|多少钱|价格|价值|成本|税收|资金|融资|市值|工资|花了|(?<![回吸接验没])收了|赚|挣")  # 回收了, 接收了: no money


@functools.lru_cache(maxsize=1)
def synonym_groups() -> dict[str, frozenset[str]]:
    """word -> the words of its group in ``data/synonyms.txt`` (itself included)."""
    groups: dict[str, frozenset[str]] = {}
    for line in data_lines("synonyms.txt"):
        group = frozenset(line.split())
        for w in group:
            groups[w] = groups.get(w, frozenset()) | group
    return groups


_LATIN_WORD = re.compile(r"(?<![a-z0-9&])[a-z]{2,}(?![a-z0-9&])")


@functools.lru_cache(maxsize=1)
def _chinese_names() -> dict[str, str]:
    """Latin word -> the longest Chinese word of its line in the synonym list (the first
    such, the mainland form: ai -> 人工智能)."""
    names: dict[str, str] = {}
    for line in data_lines("synonyms.txt"):
        group = line.split()
        han = [w for w in group if all("\u4e00" <= ch <= "\u9fff" for ch in w)]
        for w in group:
            if han and _LATIN_WORD.fullmatch(w) and w not in names:
                names[w] = max(han, key=len)
    return names


def _with_chinese_names(norm: str) -> str:
    """A Latin abbreviation followed by its Chinese name from the synonym list (nev渗透率 ->
    nev（新能源汽车）渗透率, ic -> 集成电路), so that passages that never write the
    abbreviation are found."""
    names = _chinese_names()
    return _LATIN_WORD.sub(lambda m: m.group() + "（" + names[m.group()] + "）" if m.group() in names else m.group(), norm)


_DIRECTIONAL = frozenset("来 去 起来 下来 上来 上去 进来 过来 出来 出去".split())  # complements: 造出来, 卖出去
# Characters Taiwan writes for another mainland character that OpenCC's t2s keeps: 矽片 is 硅片.
_TAIWAN_CHARS = str.maketrans({"硅": "矽"})
_MAINLAND_CHARS = str.maketrans({"矽": "硅"})
_NUMERAL_CLASS = re.compile(r"第?([一二三四五六七八九])(类|级|号|期|批|代|线|档|等|型|轮|届|类别)")
_GRADES = frozenset("类 级 等 档 类别".split())  # grades: the first is grade one


@functools.lru_cache(maxsize=4096)
def variants(term: str) -> frozenset[str]:
    """The term and its synonyms; a numeral before a class word also in digits (一类 -> 1类,
    第一批 -> 第1批; the first of a grade is the grade: 第一类 -> 一类, 1类);
    a verb with a directional complement as the verb (造出来 -> 造出, 卖出去 -> 卖出); each
    also in Taiwan's characters (硅片 -> 矽片)."""
    groups = synonym_groups()
    term_ = term.translate(_MAINLAND_CHARS)  # the list is in mainland characters: 矽晶圆 -> 硅晶圆
    found = groups.get(term, groups.get(term_, frozenset((term,))))
    if term not in groups:  # the longest stem in the list: 买进来 -> 买进, 造出来 -> 造出
        stem = next((term[:-k] for k in (1, 2) if term[-k:] in _DIRECTIONAL and term[:-k] in groups), "")
        found = found | groups.get(stem, frozenset())
    m = _NUMERAL_CLASS.fullmatch(term)
    if m:
        digit = str("一二三四五六七八九".index(m.group(1)) + 1)
        ordinal = term.startswith("第")
        found = found | {("第" if ordinal else "") + digit + m.group(2)}
        if ordinal and m.group(2) in _GRADES:  # 第一类新药 is 一类新药, 1类新药 (第一批 is not 一批)
            found = found | {m.group(1) + m.group(2), digit + m.group(2)}
    return found | {v.translate(_TAIWAN_CHARS) for v in found}


@functools.lru_cache(maxsize=4096)
def sub_terms(term: str) -> tuple[str, ...]:
    """The shorter dictionary words inside a word (新能源汽车 -> 能源, 汽车); not the rare
    fragments jieba's search mode also yields (手机用户 -> 机用户)."""
    return tuple(t for t in terms(term) if t != term and len(t) > 1 and frequency(t) >= MIN_FREQ)


_TRAILING_FUNCTION = frozenset("于在的了")
_NOT_PERCENT_RATES = frozenset("功率 频率 汇率 速率 码率 比特率 分辨率 帧率 折射率 采样率".split())


@dataclass(frozen=True)
class Question:
    text: str  # as asked (cleaned)
    norm: str  # normalised: Simplified, half-width, lower case
    script: str  # "s" or "t"
    asks: str  # one of the keys of _ASKS, or "other"
    unit_hint: str  # the word after 多少/几 (e.g. "万辆" -> "辆"), "" if none
    years: tuple[int, ...]
    terms: tuple[str, ...]  # content terms (normalised), for matching candidates' context
    money: bool = False  # the metric is an amount of money (…额, 收入, 产值, 多少钱 …)
    metric: str = ""  # the word just before the question word (产量 in 产量是多少), "" if none
    share_base: tuple[str, ...] = ()  # for "A占B的比重": the terms of B, the whole a share is of
    quoted: tuple[str, ...] = ()  # names and titles in quotes («十五五», 《论法的精神》)
    subject: str = ""  # the nouns before the metric (人形机器人), see subject_of
    entities: tuple[str, ...] = ()  # named places, organisations, people and models (深圳, 6g): see entities_of
    event: str = ""  # the verb of the event asked about (成立 in 何时成立), see event_of
    months: tuple[int, ...] = ()  # single months named (12月单月销量), not spans (1-12月)
    given: tuple[str, ...] = ()  # figures the question states itself (占面积的9%，却占多少产值): see given_of
    whole: tuple[str, ...] = ()  # the terms of a whole the asked figure is of a part of (软件业务收入当中，…): see whole_of
    part: tuple[str, ...] = ()  # the terms of that part (云服务 in …当中，云服务的营收是多少)
    excluded: tuple[str, ...] = ()  # what a note rules out (（不是进口）: 进口), see noted_aside

    @property
    def query(self) -> str:
        """The text to retrieve passages with: as asked, or with an analyst's shorthand
        written out (24年 -> 2024年, so that the year matches the text's) and Latin
        abbreviations followed by their Chinese names (nev -> nev（新能源汽车）)."""
        plain = normalise(self.text)
        spelled = _with_chinese_names(self.norm)
        return self.text if expand_shorthand(plain) == plain and spelled == self.norm else spelled

    @property
    def numeric(self) -> bool:
        return self.asks in NUMERIC_ASKS

    @functools.cached_property
    def asking(self) -> str:
        """The clause that asks (see asking_clause), "" when the question is one clause."""
        return asking_clause(self.norm)

    @functools.cached_property
    def without_lead(self) -> str:
        """The question without a lead before a colon that only frames it (see _colon_lead)."""
        return self.norm.removeprefix(_colon_lead(self.norm))

    @property
    def period(self) -> bool:
        """A span of time is asked, not a point (哪些年间, 哪年到哪年, 什么时间段)."""
        return self.asks in TIME_ASKS and bool(_PERIOD.search(self.norm))

    @property
    def rate(self) -> bool:
        """The metric is a rate stated in per cent (利润率, 税率, 关税), not a power or frequency."""
        return (self.metric.endswith("率") and self.metric not in _NOT_PERCENT_RATES) or self.metric.endswith("税")

    @property
    def computed(self) -> bool:
        return self.asks in ("diff", "ratio")


@functools.lru_cache(maxsize=1)
def _idf() -> tuple[dict[str, float], float]:
    from jieba.analyse import default_tfidf

    return default_tfidf.idf_freq, default_tfidf.median_idf


def term_weight(term: str) -> float:
    """General-Chinese IDF from jieba's table (numbers and unknown words: the median)."""
    idf, median = _idf()
    return idf.get(term, median)


def asks_of(norm: str) -> str:
    if "比重" in norm and "比重" not in words(norm):
        norm = norm.replace("比重", "比 ")  # 比重庆多: 比 + 重庆, no share
    for name, pattern in _ASKS:
        if pattern.search(norm):
            return name
    return "other"


_YEAR_BEFORE = r"前一年|上一年|一年前|上年|去年|前年|[0-9]{4}年"  # the year a change is measured against
# the period a change is against: 比2023年, 较上年同期, 跟2023年底比, 和去年相比
AGAINST = re.compile(r"(?:比|较|相比|相较于?|与)(?:" + _YEAR_BEFORE + r"|上月|上季度)(?:底|末)?(?:同期)?(?:相比|比较)?"
                     r"|(?:跟|和|同)(?:" + _YEAR_BEFORE + r"|上月|上季度)(?:底|末)?(?:同期)?相?比(?:较|起来)?")


_SINCE_TIME = re.compile(r"(?<=[年月日号])(起)")  # 2025年3月起: from then on


def content_terms(norm: str) -> tuple[str, ...]:
    """Question terms that should appear near the answer: no question words, stop
    words, bare years or single characters other than Han (unless a number). A
    multi-word phrase of the synonym list (卖到国外) adds its group's word."""
    stop = stopwords()
    norm = AGAINST.sub(" ", norm)  # the period a change is against is said by the asks, not a term
    out = [w for w, group in synonym_groups().items() if len(w) >= 3 and w in norm and len(words(w)) > 1]
    light = {w for w, tag in tagged(norm) if len(w) == 1 and tag in ("a", "d")}  # 新扩充: 新 says when, not what
    light |= set(_SINCE_TIME.findall(norm))
    for t in words(norm):
        if t in light:
            continue
        if len(t) >= 2 and t[-1] in _TRAILING_FUNCTION and t[:-1] not in _QUESTION_WORDS:
            t = t[:-1]  # jieba glues 于/在 to a name: 战于 -> 战
        if t in _QUESTION_WORDS or t in stop or _YEAR.fullmatch(t + "年") or "哪" + t in norm or t.startswith("哪"):
            continue  # 哪三类: the numeral and classifier are the question word's; 哪几个 is one
        if len(t) == 1 and not ("\u4e00" <= t <= "\u9fff"):
            continue
        if t not in out:
            out.append(t)
    return tuple(out)


_LINK = frozenset("做到 是 为 有 已有 还有 只有 仅有 定 定为 定在 设定为 达 达到 突破 破 超过 逾 约 约为 大约 大概 大致 大体 差不多 一共 共 共有 总共 共计 实际 实际上 了 到 在 占 的 能 会 可 将 要 已 已经 还 又 都 各 分别".split())


_EXTREMES = frozenset("最高 最低 最多 最少 最大 最小 最快 最长 上限 下限 峰值".split())
_APPROX_LINK = re.compile(r"约[为有达值计是]")  # 价值约值多少: 约值 is a link, not the metric
_CHANGE = re.compile(
    r"同比|环比|按年|按月|(?:同比|环比)?(?:增长|增加|增幅|增速|下降|降低|减少|提高|提升|上升)|占比|比重|比例|份额|占|百分比|百分之|多|少|了"
    r"|[比较]?(?:上一?年|去年|前一年|上年同期|同期)|比|较|下跌|上涨|跌|涨|降|升"  # the period compared with: 比上一年多了百分之几
)
_CLASSIFIER = re.compile(r"^(?:十|百|千|万|亿)?(?:" + _CLASSIFIERS + ")")
_CHANGE_TO = re.compile(r"(?:提高|提升|上调|下调|调高|调低|调升|调降|降低|下降|增加|减少|增长|上升|扩大|缩小|调整|降|升|涨|跌)(?:到|至|为)了?")  # 关税调高到多少: the level of 关税


def _is_unit(word: str) -> bool:
    """The word is a unit of measurement (千瓦时, 公里) or a magnitude with a classifier
    (万辆), not a counting classifier that starts a noun (人口)."""
    found = find_quantities("1" + word)
    if not found or found[0].end != len(word) + 1:
        return False
    return found[0].kind not in ("plain", "count") or word[0] in "十百千万亿"


_CLASS_PREFIX = re.compile(r"^第?[0-9一二三四五六七八九十]+(?:类|级|型|代|线)")


_HOW_MUCH = re.compile(r"百分之(?:几|多少)|多少|几|多(?:大|高|长|重|远|深|宽|快|厚)")
POINTS = re.compile(r"个?(?:百分)?点")  # 涨了几个点: spoken for a rate, in per cent or in percentage points
CLAUSE_BREAK = re.compile(r"[,，:：;；。?？!！]")  # where a clause or sentence of a question ends


_MEASURE_SUFFIX = frozenset("量 额 值 率".split())
_SUM_NOUN = re.compile(r"(?:款|(?<![配限份名])额|费|费用|资金|收入|利润|成本)$")  # sums of money a verb may get or pay (首付款, 营业额, 研发费用; not 配额, 份额)
_LOCATIVES = frozenset("里 里头 里面 中 当中 之中".split())
_TIME_ONLY = frozenset("截至 截止 到 底 末 初 年中 年度 当年 今年 去年 前年 明年".split())


_PORTION = frozenset("一块 一部分 部分 比例 份额".split())  # 占了多大一块 asks a share, not a figure of 一块
MORE_VERB = re.compile(r"[多少]([卖产赚花用造买生收挣售销装建投])(?:出去|出来|出|掉|上)?了?(?:大约|约)?(?:多少|几)")


_RANK_VERB = re.compile(r"排第?|排在|排名第|位居|位列|名列|居")


def metric_of(norm: str, content: tuple[str, ...]) -> str:
    """What a figure question measures: the noun after 多少/几 and its classifier
    (几个邦交国 -> 邦交国), else the content word right before the question word,
    skipping copulas and adverbs (产量是多少 -> 产量, 利润总额多少 -> 利润总额)."""
    m = _HOW_MUCH.search(norm)
    if not m:
        return ""
    verb = MORE_VERB.search(norm)
    if verb:
        return verb.group(1)  # 比2023年多卖了多少辆: what is compared is what is sold (卖 -> 销量)
    against = AGAINST.search(norm, 0, m.start())
    before_end = against.start() if against else m.start()  # 产量比上年多产了百分之几: the metric is before 比上年
    after = CLAUSE_BREAK.split(norm[m.end() :])[0]  # …是多少？slide上想放个增长率: not the next sentence's noun
    after = re.sub(r"^\s*[(（][^()（）]*[)）]", "", after)  # 多少（按载重吨算）: a note on the unit, no metric
    if _HOW_ADJECTIVE.fullmatch(m.group()):
        after = after.removeprefix("的")  # 多大的规模 asks the 规模 (水深多少的水域 asks the 水深)
    if POINTS.match(after) or after.startswith(("度电", "电")) and "度电" in norm:
        after = ""  # 涨了几个点, 发了多少度电: a unit (percentage points, kWh), not what is measured
    if after.startswith("钱"):  # 花了多少钱 asks an amount of money (q.money), not a figure of 钱
        before = [w for w in words(norm[:before_end]) if w not in _LINK]
        last = before[-1] if before and before[-1] in content else ""
        if len(before) >= 2 and last.startswith("年") and before[-2].isdigit():
            last = last[1:]  # 2024年收入多少钱: jieba reads 2024 + 年收入
        if MONEY.fullmatch(last):
            return last  # 价格多少钱
        if len(before) >= 2 and before[-2] in content and _SUM_NOUN.search(before[-2]) and tagged(last)[:1] and tagged(last)[0][1] == "v":
            return before[-2]  # 首付款一共收了多少钱: the sum named before the verb is what is measured
        return ""
    for w in words(after)[:1]:
        if len(w) >= 2 and w in content and not _is_unit(w) and w not in _PORTION:
            return w  # 多少人口: a noun that starts with a classifier (人) is the metric
    after = after[_CLASSIFIER.match(after).end() :] if _CLASSIFIER.match(after) else after
    after = _CLASS_PREFIX.sub("", after)  # 几款1类新药: the metric is 新药, 1类 says which
    kinds = tagged(after)
    if len(kinds) > 1 and kinds[0][1] == "b" and kinds[1][1] in _SUBJECT_TAGS + ("nr", "ns", "vn"):
        after = after[len(kinds[0][0]) :]  # 多少家国家级高新区: 国家级 says which kind, 高新区 is counted
    for w in words(after)[:1]:
        if w in content and not _is_unit(w) and w not in _PORTION:  # 多少千瓦时 names a unit, not what is measured
            return w
    ws = words(norm[:before_end])
    for k in range(len(ws) - 1, -1, -1):
        w = ws[k]
        if w in _LINK or _CHANGE.fullmatch(w) or _CHANGE_TO.fullmatch(w) or _APPROX_LINK.fullmatch(w) or (w in _EXTREMES and k + 1 < len(ws) and ws[k + 1] != "的"):
            continue  # 销量同比增长多少: the metric is 销量, 同比增长 says what of it is asked; 税率最高到多少 (最长的有多长 asks 最长)
        if w in ("起来", "下来") or w in ("加", "合", "算") and k + 1 < len(ws) and ws[k + 1] in ("起来", "下来"):
            continue  # 首付款加起来一共有多少: summed up, the measure is before it
        if w in ("来", "去") and k > 0:
            continue  # 收回来多少: a directional complement, the verb before it says what is measured
        if w in _LOCATIVES:
            return ""  # 经济总量里头占多大: what stands before 里头 is the whole, not the metric
        if w[:1].isdigit() or _TIME_WORD.fullmatch(w) or w in _TIME_ONLY or w in _ADVERBIAL:
            continue  # 门号到2024年底有多少户: the time says when, the metric is before it; 装机容量目前有多少; 不足5%: a figure quoted
        if len(w) == 2 and w.endswith("了") and w[0] in content:
            return w[0]  # 光伏一共发了多少度电: jieba reads 发了 as one word
        if w == "钱" and k > 1 and ws[k - 1] == "的" and ws[k - 2] in content:
            return ws[k - 2]  # 赚的钱比前一年掉了多少: what is measured is what 赚 earns (利润)
        if w.startswith("每") and len(w) >= 2 and k > 0 and ws[k - 1] in content:
            continue  # 开盘价每吨多少元: 每吨 says per what, the metric is the noun before it
        if w in _MEASURE_SUFFIX and k > 0 and len(ws[k - 1]) >= 2 and ws[k - 1] in content:
            return ws[k - 1] + w  # 订单量: jieba cuts a measure's suffix off a noun it does not know with it
        if k > 0 and ws[k - 1] + w in content:
            return ws[k - 1] + w  # 风力 发电: a listed term jieba cuts in two
        if k > 1 and "".join(ws[k - 2 : k + 1]) in content:
            return "".join(ws[k - 2 : k + 1])  # 消耗 的 能源: a listed phrase (能耗)
        if k > 0 and w in content:
            prev = ws[k - 1]
            listed = next((prev[i:] + w for i in range(len(prev) - 1) if len(variants(prev[i:] + w)) > 1), "")
            if listed:
                return listed  # 电影票房 收入: 票房收入, a synonym-listed term that jieba cuts inside a word
        return w if w in content else ""
    return ""


# The default scope of a Chinese policy or statistical text: a question naming it names
# no particular place (2024年全国…, 我国…).
NATIONAL = frozenset("中国 全国 我国 咱国 国内 国产 陆制 陆产 中华人民共和国 中国大陆 大陆 内地 本国 全国各地 国家 咱们 我们 对岸".split())  # 国产电动车: the country's own
_NAME_TAGS = frozenset("ns nr nt nrt nrfg".split())
_MODEL_NAME = re.compile(r"[a-z]+[0-9][a-z0-9]*|[0-9]+[a-z]+[a-z0-9]*")  # 5g, c919, h7n9, 3d (not 2024年)
_PLACE_SUFFIX = frozenset("省市县州")
# a quoted name or title (the innermost); a title in 《》 may be long (《关于促进数字经济发展的意见》)
QUOTED = re.compile(r"[「『“《\"]([^「『“《」』”》\"]{1,12}|(?<=《)[^「『“《」』”》\"]{13,30}(?=》))[」』”》\"]")
_GLOSSED = re.compile(r"[,，]?(?:也就是|也即|即|就是)")  # “家底”，也就是储量: the quote marks a manner of speaking


def quoted_names(norm: str) -> tuple[str, ...]:
    """The names the question quotes, less a word in quotes that it glosses straight after
    (稀土的“家底”，也就是储量): that word is the asker's way of saying, not a name to find."""
    return tuple(dict.fromkeys(m.group(1) for m in QUOTED.finditer(norm) if not _GLOSSED.match(norm, m.end())))


_PERSONAL = frozenset("我 你 您 他 她 我们 你们 他们 她们 咱 咱们".split())
_ABROAD = frozenset("外国 国外 海外 境外 各国 外地 全球 世界 全世界".split())  # no name: where, not which place
_NOT_NAMES = frozenset(("东西", "上市", "长大", "沾边", "台站", "加盟"))  # common words jieba tags as places: things (这三类东西), to go on sale, to grow, to be related, a station, to join (a franchise)


def is_place(word: str) -> bool:
    """A place name: tagged ns by jieba, listed in data/places.txt, or ending in 省/市/县/州."""
    tokens = tagged(word)
    return (len(tokens) == 1 and tokens[0][1] == "ns") or word in data_lines("places.txt") or (len(word) >= 3 and word[-1] in _PLACE_SUFFIX)


def entities_of(norm: str) -> tuple[str, ...]:
    """The names a question is about: places, organisations and people (jieba's
    part-of-speech tags ns/nt/nr for dictionary words, data/places.txt, or a word ending
    in 省/市/县/州), and model names mixing letters and digits (5g, c919). Not the country as a whole (全国, 我国):
    that is the default scope of a Chinese policy text. A figure stated for another
    place or organisation does not answer a question naming one."""
    out: list[str] = []
    segmented = words(norm)
    tokens = tagged(norm)
    for k, (w, tag) in enumerate(tokens):
        # a dictionary word with a name tag (jieba's guesses at unknown words glue
        # function characters to names: 于省, 时自); after 我/你/他 (的) a relative (我孙子, 我哥哥)
        mine = k > 0 and (tokens[k - 1][0] in _PERSONAL or tokens[k - 1][0] == "的" and k > 1 and tokens[k - 2][0] in _PERSONAL)
        if (len(w) >= 2 and tag in _NAME_TAGS and frequency(w) >= MIN_FREQ and w in segmented and not mine
                and w not in NATIONAL and w not in _QUESTION_WORDS and w not in _ABROAD and w not in _NOT_NAMES):
            out.append(w)
    places = data_lines("places.txt")
    out += [w for w in segmented if w in places and w not in out]
    out += [w for w in segmented if len(w) >= 3 and w[-1] in _PLACE_SUFFIX and w[:-1] not in out and w not in out]
    out += [m.group() for m in _MODEL_NAME.finditer(norm) if m.group() not in out]
    return tuple(dict.fromkeys(out))


@functools.lru_cache(maxsize=1)
def contrast_words() -> frozenset[str]:
    """Every word of data/contrasts.txt: words that say which of a measure (新增, 出口, 海外)."""
    return frozenset(w for _, sides in contrasts() for side in sides for w in side)


@functools.lru_cache(maxsize=1)
def contrasts() -> tuple[tuple[bool, tuple[frozenset[str], ...]], ...]:
    """(required, sides) per line of data/contrasts.txt; a line ending in "!" is required."""
    out = []
    for line in data_lines("contrasts.txt"):
        required = line.endswith("!")  # data_lines strips the lines
        out.append((required, tuple(frozenset(side.split()) for side in line.rstrip(" !").split("|"))))
    return tuple(out)


_SUBJECT_TAGS = ("n", "nz", "b", "l", "j", "eng", "nrt", "zg")  # nouns, distinguishing words (公共, 大型), set phrases (切割机), abbreviations, 车 (zg)
_TIME_WORD = re.compile(r"年|月|日|年底|年末|年初|上半年|下半年|全年|季度")  # 低空经济2024年规模: the subject is before the time
_NOUN_TAGS = ("n", "nz", "j", "eng", "nrt")
_GENERIC_NOUNS = frozenset("区域 地区 范围 方面 领域 部分 情况 状态 市场 方向 阶段 期间 整体 总体 一带 附近 境内 当地 行业 资源 指标 赛道 板块 设施".split())
_ADVERBIAL = frozenset("实际 目前 当前 现在 如今 眼下 整个 差不多 合计 共计 总计 通常 往往 大多 多半 普遍 具体".split())  # words jieba tags n, b or l that say how, when or how much, not of what
_QUANTITY_NOUNS = frozenset("功率 容量 电量 能量 重量 长度 面积 体积 数量 金额".split())  # 储能的功率规模: which size of 储能
_THIS_ONE = frozenset("这个 那个 这一 这类 这种 这门 这项".split())
_SCOPES = frozenset("全省 全市 全县 全区 全球 世界 全世界 各地 整体 总体".split())  # 整体计算能力: the whole of 计算能力


def _last_before(norm: str, word: str, end: int) -> int:
    """Where word last starts before end (全国风电新增装机中，海上风电新增多少: the 新增 of
    the asked clause), else where it first occurs (几个邦交国: the metric follows)."""
    at = norm.rfind(word, 0, end)
    return at if at >= 0 else norm.find(word)


_ACHIEVE_VERBS = frozenset("实现 完成 取得 录得 达成 创造 获得".split())  # 实现利润, 完成收入


def _join_listed(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Two or three nouns that make a synonym-listed word (风力 发电 -> 风力发电), as one
    noun: jieba cuts some listed compounds, and their halves are no subject (卖 到 国外,
    verbs, stay apart)."""
    listed, out, k = synonym_groups(), [], 0
    while k < len(tokens):
        for n in (3, 2):
            joined = "".join(w for w, _ in tokens[k : k + n])
            if k + n <= len(tokens) and joined in listed and all(tag in _SUBJECT_TAGS or tag == "vn" for _, tag in tokens[k : k + n]):
                out.append((joined, "n"))
                k += n
                break
        else:
            out.append(tokens[k])
            k += 1
    return out


_THESE_N = re.compile(r"[这那][0-9一二两三四五六七八九十几]+(?:类|大|" + _CLASSIFIERS + ")")  # 这三类: points back to a list before it


def subject_of(norm: str, metric: str) -> str:
    """The nouns right before the metric (人形机器人 in 人形机器人产量是多少, 碳纤维 in
    碳纤维产量, 多晶硅 in 多晶硅的产能), or before 占 in a share question (数字经济规模
    in 数字经济规模占GDP的比重): what the asked figure is a figure of; "" when no noun
    stands there."""
    share = re.search(r"占(?!有|比|率).{0,20}?(?:比重|比例|份额|多少|几成|百分之)|对(?=[^,，。]{1,12}?贡献)"
                      r"|在(?=[^,，。在]{1,12}?(?:中|里|当中|之中)(?:占有?)?的?(?:占比|比重|份额|比例))", norm)  # not 占有率, 占比, 市占率; 在GDP中的占比
    asked = _HOW_MUCH.search(norm)
    at = share.start() if share else _last_before(norm, metric, asked.start() if asked else len(norm)) if metric else -1
    if at < 0:
        return ""
    before: list[tuple[str, str]] = []  # the words before it, segmented alone (产量比上年 is no 产量比)
    for w, tag in tagged(norm[:at]):
        if tag == "eng" and before and before[-1][0].isdigit():
            w = before.pop()[0] + w  # 5 + g: a model name (5g手机) that posseg cuts
        elif w in _MEASURE_SUFFIX and before and before[-1][1] in ("v", "vn") and len(before[-1][0]) >= 2:
            w, tag = before.pop()[0] + w, "n"  # 完工 + 量: a measure (完工量) that jieba cuts after its verb
        before.append((w, tag))
    before = _join_listed(before)
    if before and before[-1][0] == "的":
        before.pop()
        if len(before) > 1 and before[-1][0] in _ACHIEVE_VERBS:
            before.pop()  # 民航业实现的利润总额: 实现 only says the figure was reached
        if len(before) > 1 and before[-1][1] == "v" and before[-1][0] != metric and metric in variants(before[-1][0]):
            before.pop()  # 碳纤维实际生产出来的产量: the verb restates the metric, the subject stands before it
            while len(before) > 1 and (before[-1][0] in _ADVERBIAL or before[-1][1] == "d"):
                before.pop()
        while len(before) > 1 and (_TIME_WORD.fullmatch(before[-1][0]) or before[-1][0].isdigit()):
            before.pop()  # 服务机器人2024年的产量, 高技术制造业全年实现的营业收入: the time says when
        if before and (before[-1][1] not in _NOUN_TAGS or len(before) > 1 and before[-2][1] == "d"):
            return ""  # 登记在册的无人机, 已经备案的无人机: a clause that says which, not what of
    modifiers = contrast_words()
    parts: list[str] = []
    for k in range(len(before) - 1, -1, -1):
        w, tag = before[k]
        if not parts and w == "的" and k + 1 < len(before):
            continue  # 云端服务2024年的营收规模: only words that say which of the metric stood after 的
        if not parts and (w in modifiers or w in _QUANTITY_NOUNS or w in _SCOPES or w in _ADVERBIAL or w in ("在", "总", "同比", "环比") or w.startswith("每") or tag == "d" or w.isdigit() or _TIME_WORD.fullmatch(w)):
            continue  # 海上风电新增装机容量: 新增 says which of the metric (contrast_fit), not of what; 新订单在全球占; 总票房; 每吨价格; 增加值实际占
        if not parts and w in _ACHIEVE_VERBS and k == len(before) - 1 and k > 0:
            continue  # 高技术制造业实现营业收入: 实现 only says the figure was reached
        if w == "的" and parts and k > 0 and before[k - 1][0] in _GENERIC_NOUNS:
            break  # 处于在用状态的新能源车: 状态 ends a clause that says which, not of what
        if w == "的" and parts and k > 0 and before[k - 1][0] in modifiers:
            break  # 新装的太阳能光伏发电容量: 新装 says which of the metric (contrast_fit), not of what
        if w == "的" and k > 0 and before[k - 1][1] in _NOUN_TAGS and len(before[k - 1][0]) >= 2:
            continue  # 微短剧的用户规模: the subject is 微短剧用户; 离岸风电的累计装机容量: 离岸风电
        if k > 0 and before[k - 1][0] == "所":
            break  # 每产出一万元gdp所消耗的能源: 所 makes 消耗 a verb, whatever jieba tags it
        if (tag == "v" and not parts and k == len(before) - 1 and len(w) >= 2 and k > 0 and w not in _ACHIEVE_VERBS
                and (before[k - 1][1] in _NOUN_TAGS or before[k - 1][0] in modifiers and k > 1 and before[k - 2][1] in _NOUN_TAGS)):
            continue  # 二氧化碳 (新增) 排放 总量, 房地产 开发 投资: the verb belongs to the measure, the subject stands before it
        verbal = tag == "vn" and not parts and k == len(before) - 1 and k > 0 and before[k - 1][1] in ("n", "nz")  # 生物质 发电 装机
        if _THESE_N.fullmatch(w):
            return ""  # 电动车、锂电池和光伏产品这三类货物: points back to a list, names nothing new
        if w in _THIS_ONE and all(p in _GENERIC_NOUNS for p in parts):
            parts.clear()
            continue  # 新材料这个赛道的规模: 这个 points back to 新材料, 赛道 only says it is a field
        if (tag not in _SUBJECT_TAGS and not verbal) or (tag == "b" and (w.endswith("期") or w == "主要")) or w in NATIONAL or w in _SCOPES or w in _QUESTION_WORDS or w.startswith(("哪", "这", "那")):
            break  # 新扩充了哪几个行业: 哪几个 asks which, it is not what the figure is of
        parts.insert(0, w)
    if parts and parts[0] == "每":
        parts.pop(0)  # 每单位gdp的能源消耗: 每 says per what, the figure is of 单位gdp
    while parts and parts[-1] in _GENERIC_NOUNS:
        parts.pop()  # 生活区域水深: 区域 says where, not of what; 动力电池市场的份额: of 动力电池
    while len(parts) > 1 and _RATE_OF_CHANGE.fullmatch(metric) and parts[-1][-1] in _MEASURE_SUFFIX:
        parts.pop()  # 高技术制造业增加值的增长率: the rate is of 增加值, the subject is 高技术制造业
    return "".join(parts)


_RATE_OF_CHANGE = re.compile(r"(?:同比)?(?:增长|增|涨|降|跌|下降)(?:率|幅|速)|增速")


_MONTH = re.compile(r"(?<![0-9\-~至到一二三四五六七八九十])(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])月")
_HAN_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12}


def months_of(norm: str) -> tuple[int, ...]:
    """The single months a text names (12月, 七月), not spans (1-12月)."""
    return tuple(sorted({int(m) if m.isdigit() else _HAN_MONTH[m] for m in _MONTH.findall(norm)}))


_LIGHT_VERBS = frozenset("是 有 为 在 到 达 达到 占 约 能 会 可 要 将 让 使 被 把 叫 称 称为 进行 开始 发生 算 属于 位于 成为 作为 拥有 共有 设有 改为 改成 变为 变成".split())


def event_of(norm: str) -> str:
    """The verb a question asks the time, place or figure of: the content verb nearest
    its question word (1990年何时成立 -> 成立, 何时开始执政 -> 执政); "" if none."""
    wh = re.search(r"何|哪|什么|多少|几", norm)
    if not wh:
        return ""
    pos, best, best_d = 0, "", 10**9
    for w, t in tagged(norm):
        if t.startswith("v") and len(w) >= 2 and w not in _LIGHT_VERBS and w not in _QUESTION_WORDS and frequency(w) >= MIN_FREQ:
            d = abs(pos - wh.start())
            if d < best_d:
                best, best_d = w, d
        pos += len(w)
    return best


_WHOLE_BEFORE = re.compile(r"([^,，。;；在]{2,20}?)(?:里面|里头|里|中|当中|之中)[,，]?[^,，。]{0,12}?占|在([^,，。;；在的里中]{2,12}?)占")  # 在GDP里占: the whole is after 在


# Words a statistical measure ends in (销量, 业务收入, 装机, 比重).
_MEASURE_WORD = (
    r"(?:量|额|值|规模|收入|营收|利润|产值|票房|价格|价|率|比例|比重|占比|份额|增速|增幅|涨幅|同比|环比|人数|数量|总数|产能|"
    r"装机|容量|里程|投资|金额|市值|成本|排名|排行)"
)
_WHOLE_CLAUSE = re.compile(r"(?:^|[,，])([^,，。;；]{2,24}?)(?:当中|之中|中|里面|里)[,，]")  # see whole_of


def whole_of(norm: str, asks: str, metric: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(whole, part): the terms of a leading clause that names a measure as a whole (软件
    业务收入当中，云服务的营收是多少) and those after it but the metric (云服务): it asks for a
    figure of a part, so a figure of the whole does not answer. ((), ()) for shares, whose
    whole is their base (share_base), and questions with no such clause."""
    m = _WHOLE_CLAUSE.search(norm)
    if not m or asks == "share" or not re.search(_MEASURE_WORD + "$", m.group(1)):
        return (), ()  # a whole is a measure (…业务收入当中), not a scope (足协杯赛中，他攻入了几球)
    return content_terms(m.group(1)), tuple(t for t in content_terms(norm[m.end() :]) if t != metric)


_CONTRIBUTION = re.compile(r"对([^,，。]{1,12}?)的?贡献")  # 对全市经济贡献几成: the whole is after 对


_GIVEN_KINDS = frozenset(("year", "date", "month", "decade", "century", "ordinal", "rank", "plain"))


def given_of(norm: str) -> tuple[str, ...]:
    """The figures a question states with a unit (9%, 88953元), normalised: a figure the
    question gives is its context, not its answer. Times, ranks and bare numbers are left
    out (2024年 and 第三 constrain what is asked; 12 may be part of a name)."""
    return tuple(dict.fromkeys(q.text.replace(" ", "") for q in find_quantities(norm)
                               if q.kind not in _GIVEN_KINDS and not re.search(r"(?:多少|几|哪)$", norm[: q.start])))  # 多少千瓦, 哪一天: asked


_GENERIC_HEADS = ("数量", "数目", "个数")


def topic_of(norm: str, metric: str) -> str:
    """When the metric follows the question word (海洋工程装备2024年接了多少订单), the nouns the
    question opens with and dates (its topic: 海洋工程装备) are what the figure is of; "" else,
    or when it opens with a time, a place or a scope (2024年全国有多少家)."""
    asked = _HOW_MUCH.search(norm)
    if not metric or not asked or norm.find(metric, asked.end()) < 0 or norm.find(metric) < asked.start():
        return ""
    parts: list[str] = []
    for w, tag in _join_listed(list(tagged(norm[: asked.start()]))):
        if tag not in _NOUN_TAGS or w in NATIONAL or w in _SCOPES or w in _ADVERBIAL or is_place(w):
            return "".join(parts) if tag in ("m", "t") else ""  # the topic is followed by its time: 海洋工程装备 2024年
        parts.append(w)
    return ""


_MEASURED_AFTER = re.compile(r"(?:多少|几)(?:十|百|千|万|亿)?(?:吨|千克|公斤|千瓦时|千瓦|平方米|立方米|平方公里|公里|米|升)(?P<tail>[^,，。?？!！]{2,12})[?？。!！]?$")


def measured_after(norm: str) -> str:
    """The nouns a question ending in 多少 + a unit of measurement names after the unit
    (回收了多少吨退役动力电池 -> 动力电池): the stuff the figure measures, when no noun
    stands before the metric; "" else. (After a classifier, 多少家电厂, the noun only
    says what kind of thing is counted, in the asker's words.)"""
    m = _MEASURED_AFTER.search(norm)
    if not m:
        return ""
    tail = list(tagged(m.group("tail")))
    parts: list[str] = []
    for w, tag in reversed(tail):
        if tag not in _SUBJECT_TAGS:
            break
        parts.insert(0, w)
    return "".join(parts)


def counted_subject(norm: str) -> str:
    """The subject when the question's metric is a generic count word: the nouns before
    it (换电站数量 -> 换电站); "" if none."""
    head = next((h for h in _GENERIC_HEADS if h in norm), "")
    return subject_of(norm, head) if head else ""


# An analyst's shorthand, written out: 24年 (2024年), 25h1 (2025年上半年), q3, yoy, mom.
_SHORT_YEAR_END = re.compile(r"(?<![0-9a-z.])([0-2][0-9])(?=[底末])")  # 24底: 2024年底
_SHORT_YEAR = re.compile(r"(?<![0-9a-z.])(?<![了过近约达满共历用长经第时期续隔每逾超余有已将前后头最])([0-2][0-9])年(?!来|间|前|后|内|以|多|左右|半|的时间)")
_HALF = re.compile(r"(?<![0-9a-z])(?:((?:20)?[0-9]{2})年?)?h([12])(?![0-9a-z])")
_QUARTER = re.compile(r"(?<![0-9a-z])(?:((?:20)?[0-9]{2})年?)?q([1-4])(?![0-9a-z])")


@functools.lru_cache(maxsize=1)
def _english() -> tuple[tuple[re.Pattern[str], str], ...]:
    """``data/english.txt``: an English word or phrase in a question, as a whole word
    (space between its words optional) -> the Chinese it is read as; longest first."""
    pairs = [tuple(part.strip() for part in line.split("=", 1)) for line in data_lines("english.txt")]
    pairs.sort(key=lambda p: -len(p[0]))
    return tuple((re.compile(r"(?<![a-z])" + r"\s*".join(map(re.escape, en.split())) + r"(?![a-z])"), zh) for en, zh in pairs)


FIRST_OF_SERIES = re.compile(r"(?:头一|首)(?=[批届期轮])")  # 首批, 头一批 are 第一批
# Spoken and Cantonese question words, in standard written Chinese (normalised forms).
_COLLOQUIAL = (("乜嘢", "什么"), ("啥", "什么"), ("咋", "怎么"), ("几多", "多少"), ("边个", "哪个"), ("边度", "哪里"),
               ("有冇", "有没有"), ("嘅", "的"), ("喺", "在"), ("咗", "了"), ("咩", "什么"), ("边日", "哪天"), ("边年", "哪年"),
               ("成个", "整个"), ("加埋", "加起来"), ("㗎", ""),
               ("多少巴仙", "百分之多少"), ("几巴仙", "百分之几"), ("巴仙", "%"),  # Singapore 巴仙: per cent
               ("多老些", "多少"), ("多老少", "多少"),  # northern 多老些
               ("合共", "合计"),  # Hong Kong 合共
               ("机械人", "机器人"),  # Hong Kong 機械人 (jieba cuts it into 机械 + 人)
               ("一整年", "全年"), ("整整一年", "全年"))
# The frame of a formal request around the question (请问…情况如何，具体数值为多少): it asks
# the figure of what it names, and its own words are no terms.
_FRAME = re.compile(r"的?(?:基本)?(?:情况|状况)(?:如何|怎么样|怎样)[,，]?|具体(?:的)?(?:数值|数字|数额|数据|数目|金额)?(?=(?:约|大约)?(?:为|是|有|达)?(?:多少|几))")
# The stance or audience of the asker (从投资角度看，站在企业的立场上，给大家科普一下): how the
# question is meant, not what it asks; its words are no terms (投资 would ask money).
_STANCE = re.compile(r"(?:从|站在|以)[^,，。?？]{1,8}?(?:的)?(?:角度|立场|视角)(?:上)?(?:来|去)?(?:看|讲|说|而言|出发)?[,，]?"
                     r"|(?:给|跟|和|向|帮|为)大家(?:科普|介绍|解释|说明|讲讲|聊聊|说说|讲解|盘点)(?:一下)?[,，]?")
# Taiwanese usage: 年增率 is the change on the year before; 營收為何 asks the figure (為何 =
# 是什麼, not 為什麼, after a measure).
_REGIONAL = ((re.compile(r"(?<![0-9])年(?:增|成长)率"), "同比增长率"), (re.compile(r"成长率"), "增长率"),
             (re.compile(r"(?<=[率量额值数重])(?:为|是)何(?=[?？。!！]|$)"), "为多少"))
_WAN = re.compile(r"(?:(?<=[0-9几])|(?<=多少))w(?=[台辆个人家套份件元块次户部架+]|以上|多)")  # not 100w功率 (watts)
_HOW_ADJECTIVE = re.compile(r"多([大高长重远深宽快厚])")
# 几 + a classifier or unit + 的 before another question word: "a few" (几分钟的短剧), not asked.
_FEW = re.compile(r"几(?=(?:" + _CLASSIFIERS + r"|分钟|小时|天|年|个月|周)的[^?？]*?(?:多少|几|" + _HOW_ADJECTIVE.pattern + r"|什么|哪))"
                  # 这几年, 前几年, 好几次: a demonstrative or 前/近/好 before 几 makes it "a few";
                  # 几分钟一集, 几块钱一斤: "a few" units a piece
                  r"|(?<!提前)(?<=[这那前近好])几(?=年|天|个月|周|次|回|十)|几(?=(?:分钟|小时|天|块钱?|元)一[\u4e00-\u9fff])")


def _how_adjective_apart(norm: str) -> str:
    """多大规模 -> 多大的规模: jieba reads 大规模 as one word, which hides the noun asked
    about (规模) inside the question word 多大."""
    cuts = {a for a, b, _, _ in spans(norm) if b - a > 1}  # where a word of two or more characters starts
    for m in reversed(list(_HOW_ADJECTIVE.finditer(norm))):
        if m.start(1) in cuts and m.end() < len(norm) and "\u4e00" <= norm[m.end()] <= "\u9fff":
            norm = norm[: m.end()] + "的" + norm[m.end() :]
    return norm


_HOW_FAR = re.compile(r"几(?=[长高远重深宽][?？。!！,，]|[长高远重深宽]$)")  # Cantonese 有几长 asks 多长 (十几高校 stays)
# A question with no question word that ends in what it measures (比亚迪24年海外销量？) asks its figure.
_TERSE_TAIL = re.compile(_MEASURE_WORD + r"[?？!！。 ]*$")
_TERSE_SHARE = re.compile(r"占(?!有|比|率)[^,，。;；?？!！ ]{1,12}[?？!！。 ]*$")  # 增加值占gdp: asks its share
_TIME_TAIL = re.compile(r"(?:[\s,，]*(?:[0-9]{4}年?|全年|年底|年末|年初|上半年|下半年|第[一二三四]季度))+[?？!！。 ]*$")


_COMPARED_WITH = re.compile(r"(?:同|跟|和|与)(" + _YEAR_BEFORE + r")(?:同期)?(?:相)?比(?:较)?(?:起来)?[,，]?")
_TIME_VERBS = frozenset("截至 截止 到 至 直到 在 于 从 自".split())


def _full_year(yy: str) -> str:
    return yy if len(yy) == 4 else ("20" if int(yy) < 40 else "19") + yy


GENERIC_WHOLE = r"总量|总数|总额|全部|总体|整体|总和"
_IS_OF_TOTAL = re.compile(r"(?:是|为)(?=(?:" + GENERIC_WHOLE + r")的(?:比例|比重|百分之|几成|多少))")


_OPEN_QUOTE = re.compile(r"[“「『《\"][^”」』》\"]*$")  # text that ends inside a quote (“改革开放20年…, 《黑神话:)


def expand_shorthand(norm: str) -> str:
    """24年 -> 2024年 (a two-digit year, not a span of 24 years), 24底 -> 2024年底, 25h1 -> 2025年上半年,
    q3 -> 第三季度, yoy -> 同比, mom -> 环比; spoken words written out (啥 -> 什么, 几多 ->
    多少); 所占 -> 占, 是总量的百分之几 -> 占总量的百分之几, 多大规模 -> 多大的规模, and 几
    meaning "a few" -> 数 (on a normalised question)."""
    def year(m: re.Match[str]) -> str:
        before = tagged(norm[: m.start()])
        if before and before[-1][1].startswith("v") and before[-1][0] not in _TIME_VERBS:
            return m.group()  # 历时12年, 持续了24年: a span of years after a verb (截至24年底 is a year)
        if _OPEN_QUOTE.search(norm[: m.start()]):
            return m.group()  # a quoted title: “改革开放20年经济百人榜”
        return _full_year(m.group(1)) + "年"

    norm = _SHORT_YEAR.sub(year, norm)
    norm = _SHORT_YEAR_END.sub(lambda m: _full_year(m.group(1)) + "年", norm)
    norm = _HALF.sub(lambda m: (_full_year(m.group(1)) + "年" if m.group(1) else "") + ("上" if m.group(2) == "1" else "下") + "半年", norm)
    norm = _QUARTER.sub(lambda m: (_full_year(m.group(1)) + "年" if m.group(1) else "") + "第" + "一二三四"[int(m.group(2)) - 1] + "季度", norm)
    for pattern, word in _english():
        norm = pattern.sub(word, norm)
    norm = re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", norm)  # game market -> 游戏 市场 -> 游戏市场
    norm = _FRAME.sub("", norm)
    norm = _STANCE.sub("", norm)
    for spoken, written in _COLLOQUIAL:
        norm = norm.replace(spoken, written)
    for pattern, word in _REGIONAL:
        norm = pattern.sub(word, norm)
    norm = _WAN.sub("万", norm)  # 多少w台, 10w+: internet shorthand for 万
    norm = norm.replace("所占", "占")  # 在国民经济中所占的份额: 所 only makes 占 a noun phrase (jieba reads 中所)
    norm = _IS_OF_TOTAL.sub("占", norm)  # 智能手机是总量的百分之多少: a share of the whole named before
    norm = _HOW_FAR.sub("多", norm)
    norm = _how_adjective_apart(norm)
    norm = _FEW.sub("数", norm)  # 一集只有几分钟的短剧…多大规模: that 几 is "a few", the question is 多大
    norm = _COMPARED_WITH.sub(r"比\1", norm)  # 同前一年比升了多少, 与2023年相比 -> 比前一年, 比2023年
    if "系" in norm:  # Cantonese 係 (normalised to 系) as a word of its own is 是: 产量係幾多 (not 关系, 体系)
        ws = [w for w, _ in tagged(norm)]  # every token, punctuation too
        norm = "".join("是" if w == "系" and k + 1 < len(ws) and re.match(r"多少|几|什么|哪", ws[k + 1]) else w for k, w in enumerate(ws))
    return FIRST_OF_SERIES.sub("第一", norm)  # 头一批, 首批: 第一批


# A question that checks a claim (网上说X占了九成，这是真的吗？原文给出的数字是多少): the claim
# names what is asked, its figure is what is in doubt, and the words around it are no terms.
_CLAIM_SOURCE = re.compile(
    r"^(?:我)?(?:在|从)?(?:网上|网络上|网路上|坊间|外界|媒体上?|新闻里?|报道里?|有人|有说法|有种说法|有一种说法|据说|听说|"
    r"传闻|传言|朋友|别人|同事)(?:都|们)?(?:说|称|讲|传|提到|表示|认为|指出)?[,，:：]?")
_CLAIM_CHECK = re.compile(r"[,，。!！]?\s*(?:这|此|这个说法|这种说法|该说法|此说|这话)?(?:是)?(?:真的|属实|对的|对|正确|准确|靠谱)(?:吗|吧|嘛|么)[?？!！。]?"
                          r"|[,，。]?\s*(?:这|此|这个说法|该说法)?是否(?:属实|准确|正确)[?？!！。]?")
_CLAIM_INNER = re.compile(r"真的(?=是|有|达到?|超过|占|只有|才|就)")  # X真的是Y吗
_SOURCE_TEXT = re.compile(r"(?:原文|文中|文章|本文|报告|资料|材料)(?:里|中|内)?(?:面)?(?:实际)?(?:给出|给|提到|写|说|讲|显示|记载)?(?:的)?")
_HALF_WORDS = re.compile(r"一半|大半|过半|半数")
_SHARE_KINDS = frozenset(("percent", "fraction"))


def checked_claim(norm: str) -> str:
    """The question a claim check asks: the claim with its figure replaced by 多少 (网上说
    产量有300万架，真的吗？原文给出的数字是多少 -> 产量有多少架), or, when the claim
    states no figure, the question asked after it. Other questions unchanged."""
    check = _CLAIM_CHECK.search(norm)
    source = _CLAIM_SOURCE.match(norm) and re.search(r"[,，。]\s*(?=" + _SOURCE_TEXT.pattern + ")", norm)
    if check:
        claim, rest = norm[: check.start()], norm[check.end() :]
    elif source:  # 有人说X，原文给出的降幅是多少
        claim, rest = norm[: source.start()], norm[source.end() :]
    else:
        inner = _CLAIM_INNER.search(norm)
        stop = re.search(r"吗[?？!！。]?", norm[inner.end() :]) if inner else None
        if not stop:
            return norm
        claim, rest = norm[: inner.start()] + norm[inner.end() : inner.end() + stop.start()], norm[inner.end() + stop.end() :]
    claim = _CLAIM_SOURCE.sub("", claim)
    figures = [f for f in find_quantities(claim) if f.kind not in _GIVEN_KINDS or f.kind == "plain"]
    half = list(_HALF_WORDS.finditer(claim))
    last = max([(f.start, f.end, f.kind, f.unit) for f in figures] + [(m.start(), m.end(), "percent", "%") for m in half], default=None)
    if last is None:
        asked = _SOURCE_TEXT.sub("", rest).strip(" ,，")
        return asked if asks_of(asked) != "other" and content_terms(asked) else norm
    start, end, kind, unit = last
    gap = "百分之几" if kind in _SHARE_KINDS or unit == "%" else "多少" + unit
    return claim[:start] + gap + claim[end:].rstrip(" ,，。") + "?"


# A share whose whole is named as what it is reckoned by (以2024年全国新能源汽车销量计算，比亚迪
# 同年的销量约占全国总数的多少): the whole is that figure, and 同年 is its year.
_BASE_FRAME = re.compile(r"^(?:以|按|用)(?P<base>[^,，。]{2,30}?)(?:来)?(?:计算|为基数|为分母|为准)[,，]\s*(?P<part>.+?占)(?:全国|全部|整体|总体)?(?:总数|总量|总额)?的?(?P<tail>(?:比重|比例|份额|百分之几|百分之多少|多少|几成).*)$")
_SAME_YEAR = re.compile(r"同年|当年|同期")


def based_share(norm: str) -> str:
    """The share question with its whole put after 占 (比亚迪2024年的销量约占2024年全国
    新能源汽车销量的多少), when the whole is named as what the share is reckoned by."""
    m = _BASE_FRAME.match(norm)
    if not m:
        return norm
    base, part = m.group("base"), m.group("part")
    if re.search(r"在[^,，。在]{1,8}占$", part):
        return norm  # 按载重吨计算，新船订单在全球所占份额: the whole is named (全球); 载重吨 is the measure
    year = _YEAR.search(base)
    if year:
        part = _SAME_YEAR.sub(year.group(1) + "年", part)
    return part + base + "的" + m.group("tail")


# The rest of a whole (保有量中除纯电动汽车以外的部分是多少): the whole less the part named.
_EXCEPT = re.compile(r"^(?P<whole>[^。]+?)(?:中|里|当中|之中)[,，]?\s*除(?:了|去|掉)?(?P<part>[^,，。]+?)(?:以外|之外|外)(?:的)?[,，]?"
                     r"(?:部分|其他|其余|其它|剩下|剩余)[^,，。]*?(?:约|大约)?(?:是|为|有)?(?=多少|几)")


# The non-Y part of a whole (手机中，非智能手机有多少台): the same difference.
_NON = re.compile(r"^(?P<whole>[^。]+?)(?:中|里|当中|之中)[,，]?\s*(?:的)?(?:非|不是|不属于)(?P<part>[^,，。]+?)的?(?:约|大约)?(?:是|为|有)(?=多少|几)")


def excepted_part(norm: str) -> str:
    """"X中除Y以外的部分是多少" (or "X中非Y有多少", "X里不是Y的有多少") asked as "X比Y…多多少"
    (Y with X's measure: 新能源汽车保有量中除纯电动汽车以外 -> 新能源汽车保有量比纯电动汽车保有量
    多多少; or with X's modifiers: 重庆2024年生产的汽车里不是新能源车的 -> …比重庆2024年生产
    新能源车多), a difference of two figures."""
    m = _EXCEPT.match(norm) or _NON.match(norm)
    if not m:
        return norm
    whole, part = m.group("whole"), m.group("part")
    modified = re.fullmatch(r"(.+的)([\u4e00-\u9fff]{1,6})", whole)
    if modified and modified.group(2) not in part:
        return whole + "比" + modified.group(1)[:-1] + part + "多" + norm[m.end() :]
    measure = (words(whole) or [""])[-1]
    if len(measure) < 2 or measure in part:
        measure = ""
    return whole + "比" + part + measure + "多" + norm[m.end() :]


def asked_years(norm: str) -> tuple[int, ...]:
    """The years a question names; only those of the clause that asks when it names one
    and an earlier clause names others as a premise (文中列出了2019年和2023年的产量，那么
    2024年的产量是多少: 2024)."""
    years = {int(y) for y in _YEAR.findall(norm)}
    clauses = [c for c in CLAUSE_BREAK.split(norm) if c.strip()]
    asking = next((c for c in reversed(clauses) if _HOW_MUCH.search(c) or re.search(r"什么|哪|何|谁", c)), "")
    own = {int(y) for y in _YEAR.findall(AGAINST.sub(" ", asking))}  # not the year compared with (比2023年)
    return tuple(sorted(own if own and len(clauses) > 1 else years))


# A question put again in other words after 也就是/换句话说 (2024年车企每卖一百块钱落下几块钱利润，
# 也就是利润率是多少): the second wording says what is asked, of the time and nouns the first opens with.
_RESTATED = re.compile(r"^(?P<first>.+?)[,，]\s*(?:也就是说?|换句话说|换言之|亦即|说白了就是|简单说就是)[,，]?(?P<second>.+)$")
_QUESTION_WORD = re.compile(r"多少|(?<![这那])几|什么|哪|谁|何|多[大高长重远久]")  # 这几个行业 points back, it asks nothing


def restated(norm: str) -> str:
    """The second wording of a question put twice, after the time and nouns the first
    opens with (2024年车企整体…，也就是赚钱的比率是多少 -> 2024年车企整体赚钱的比率是多少)."""
    m = _RESTATED.match(norm)
    if not m or not _QUESTION_WORD.search(m.group("first")) or not _QUESTION_WORD.search(m.group("second")):
        return norm
    opening = []
    for w, tag in tagged(m.group("first")):
        if not (tag[:1] in ("n", "t", "b", "j") or tag == "eng" or re.fullmatch(r"[0-9]+|年|月|底|末|的", w)):
            break
        opening.append(w)
    return "".join(opening) + m.group("second")


_SENTENCE = re.compile(r"(?<=[。?？!！])(?![^“「『《\"]*[”」』》\"])")  # a sentence end, not inside quotes
_REFERS_BACK = re.compile(r"它|其|该|这个|这些|这家|这项|这类|这种|此|上述|他们|她们")


def asked_sentence(norm: str) -> str:
    """The sentence that asks, without sentences of context before it (台湾听众最关心的
    当然是晶片。2024年大陆从国外买晶片，一共花了多少钱 -> 2024年…花了多少钱), when it says what it
    asks about on its own: two terms or more, no word that refers back (它, 这个行业), and a
    year when the context says one."""
    parts = [p for p in _SENTENCE.split(norm) if p.strip()]
    at = max((k for k, p in enumerate(parts) if _QUESTION_WORD.search(p)), default=0)
    if at == 0:
        return norm
    asked, context = "".join(parts[at:]), "".join(parts[:at])
    if len(content_terms(asked)) < 2 or _REFERS_BACK.search(asked) or (asked_years(context) and not asked_years(asked)):
        return norm
    return asked


def _at_colon(norm: str) -> tuple[str, str, str]:
    """(lead, colon, rest) split at the question's last colon; ("", "", norm) without one."""
    return norm.rpartition("：") if "：" in norm else norm.rpartition(":")


def _colon_lead(norm: str) -> str:
    """The lead before a colon that only frames the question (跟海外同行开会时常被问到：截至
    2024年底…排第几位), when what follows asks with its own year and terms; else ""."""
    lead, colon, asked = _at_colon(norm)
    if not colon or _OPEN_QUOTE.search(lead) or not _QUESTION_WORD.search(asked) or not asked_years(asked) or len(content_terms(asked)) < 2:
        return ""
    return lead + colon


def _without_remark(norm: str) -> str:
    """The question without a remark after its question mark that asks nothing
    (…国家级高新区有几家？我们想拿来和台湾的科学园区做对照。)."""
    head, mark, tail = norm.rpartition("?")
    return head + mark if mark and tail.strip() and not _QUESTION_WORD.search(tail) else norm


def _lead_places(norm: str, entities: tuple[str, ...]) -> tuple[str, ...]:
    """Names said only in a lead before a colon (讲到东亚造船业时想用对岸的数字：2024年中国…),
    in lead clauses without a time before an asking clause with one, or in a remark after
    the question, when the question names its own place or the country: those names are
    not asked."""
    asked_part = _without_remark(norm)
    if asked_part != norm:
        inside = tuple(e for e in entities if e in asked_part)
        if inside or any(w in NATIONAL for w in words(asked_part)):
            entities = inside
        norm = asked_part
    lead, colon, asked = _at_colon(norm)
    if not colon or _OPEN_QUOTE.search(lead):
        asked = asking_clause(norm)  # 游戏这几年也打到台湾来了，2024年这些国产游戏在海外卖了多少钱
        lead = norm[: norm.rfind(asked)] if asked else ""
        if not asked or _OPEN_QUOTE.search(lead) or asked_years(lead) or not asked_years(asked):
            return entities  # a clause of its own time, after a lead of none: the lead only sets the scene
    own = [e for e in entities if e in asked]
    if not own and not any(w in NATIONAL for w in words(asked)):
        return entities
    return tuple(e for e in entities if e in asked)


# A note in brackets that rules a part out (（不是进口）, （当年值，非累计）) or in (（燃油车和
# 新能源车都算）): it says which figure is meant, and its words are no terms of the question.
_NOTE = re.compile(r"[(（]([^()（）]{2,30})[)）]")
_RULED_OUT = re.compile(r"(?:不是|不要|不含|不包括|不包含|不算|不计|并非|而非|(?<![\u4e00-\u9fff])非)([^,，、;；()（）]{1,12})")
_RULED_IN = re.compile(r"(?:都|全|也)(?:算|算上|算进去|计入|包括|包含|在内)|包括在内|计算在内")


_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（]([\u4e00-\u9fff]{1,8})[)）]")


def _without_gloss(norm: str, metric: str) -> str:
    """The question read through a gloss in brackets inside its words: 离岸(海上)风电 is
    离岸风电; a gloss that names the metric (工业机器人(装机量)有多少台) says it there."""
    return _GLOSS.sub(lambda m: m.group(1) if metric and metric in m.group(1) else "", norm)


def noted_aside(norm: str) -> tuple[str, tuple[str, ...]]:
    """The question without its notes that rule a part out or in, and the terms ruled out,
    by a note or by a remark after the question (…成交量是多少？我要的是当年数字，不是累计。)."""
    excluded: list[str] = []

    def ruled_out(note: str) -> bool:
        out = [content_terms(x.group(1)) for x in _RULED_OUT.finditer(note)]
        excluded.extend(t for ts in out for t in ts if t not in _QUANTITY_NOUNS and t not in ("占比", "比例", "比重", "数字", "数据"))
        return bool(out)

    def drop(m: re.Match[str]) -> str:
        if not ruled_out(m.group(1)) and not _RULED_IN.search(m.group(1)):
            return m.group()  # a unit (多少（万千瓦）) or a gloss: kept
        return ""

    norm = _NOTE.sub(drop, norm)
    ruled_out(norm[len(_without_remark(norm)) :])
    return norm, tuple(dict.fromkeys(excluded))


def carried_subject(norm: str, metric: str) -> str:
    """The subject of the clause before an asking clause that opens with 那 and names none:
    截至2024年底新型储能累计装机7376万千瓦，那2024年当年新增装机是多少 asks of 新型储能."""
    own = asking_clause(norm)
    if not metric or not own.startswith("那"):
        return ""
    return subject_of(norm[: norm.rfind(own)], metric)


def asking_clause(norm: str) -> str:
    """The last clause that holds a question word, when the question has other clauses
    (大陆进口芯片花了那么多钱，那出口的金额是多少 -> 那出口的金额是多少); else ""."""
    clauses = [c for c in CLAUSE_BREAK.split(norm) if c.strip()]
    asking = [c for c in clauses if _QUESTION_WORD.search(c)]
    return asking[-1] if len(clauses) > 1 and asking else ""


def _own_asks(norm: str, asks: str) -> str:
    """What the asking clause asks, when it names what it asks about and an earlier
    clause's words made the whole question seem to ask another kind (宁德时代虽然市占率
    很高，但它的净利润是多少: an amount, not a share; 电池用几年就要换，退下来多少吨: an
    amount, not a duration). A computed question keeps its kind: its halves span clauses."""
    own = asking_clause(norm)
    if not own or asks in ("diff", "ratio"):
        return asks
    kind = asks_of(own)
    return kind if kind in NUMERIC_ASKS and content_terms(own) else asks


def analyse(text: str) -> Question:
    norm, excluded = noted_aside(expand_shorthand(normalise(text)))
    norm = excepted_part(based_share(asked_sentence(checked_claim(restated(norm)))))
    asks = _own_asks(norm, asks_of(norm))
    if asks in ("other", "share", "growth") and not _HOW_MUCH.search(norm):
        # 24年低空经济规模？ asks 规模是多少; 24年新能源车渗透率？ names its metric like 渗透率是多少;
        # 增加值占gdp 2022? asks 2022 增加值占gdp的比重是多少 (a time said last is put first)
        tail = _TIME_TAIL.search(norm)
        core, when = (norm[: tail.start()], norm[tail.start() :].strip(" ?？!！。,，")) if tail else (norm.rstrip("?？!！。 "), "")
        if _TERSE_TAIL.search(core):
            norm = (when + " " if when else "") + core + "是多少?"
        elif _TERSE_SHARE.search(core):
            norm = (when + " " if when else "") + core + "的比重是多少?"
        asks = asks_of(norm)
    own = asking_clause(norm)
    m = _UNIT_AFTER.search(own or norm)  # 县内几家电池厂很在意：…一年做出了多少: 几家 there says "a few", no unit asked
    named = _named_unit(norm)
    unit_hint = m.group(1) if m else named
    years = asked_years(norm)
    plain = UNIT_FRAME.sub(" ", norm)  # 按功率口径计: says how the figure is measured (unit_hint, type_fit), not of what
    found = content_terms(plain)
    metric = metric_of(plain, found)
    ranked = metric if asks == "rank" and _RANK_VERB.fullmatch(metric) else ""
    metric = "" if ranked else metric  # 在全球排第几位: 排第 asks the rank, it measures nothing
    counted = bool(own and _CLASSIFIER.match(unit_hint) and not MONEY.search(own))  # 靠政府投资…，造了多少辆电动车: a count
    other_unit = bool(named) and find_quantities("1" + named)[0].kind != "money"  # 多少（按载重吨算）: a measure in another unit
    money = bool(MONEY.search(norm)) and not counted and not other_unit and "百分" not in norm and "%" not in norm and not metric.endswith("率")
    base = re.search(r"(?:占(?!率|比|地|份额|比重|比例|了?(?:百分之|几成))|相当于)(.+?)(?:的)?(?:比重|比例|份额|百分之几|百分之多少|多少|几成|多大)", norm)  # 在X中占份额, 占百分之多少: no whole after 占
    share_base = content_terms(base.group(1)) if base else ()
    if not share_base and asks == "share":  # 卖出去的新车里，电动车占了百分之多少: the whole is named before 里/中
        whole = _WHOLE_BEFORE.search(norm) or _CONTRIBUTION.search(norm)
        share_base = content_terms(next(g for g in whole.groups() if g)) if whole else ()
    if not share_base and "渗透率" in norm:
        share_base = ("销量",)  # a market's penetration is a share of its sales
    return Question(
        text, norm, detect_script(text), asks, unit_hint, years, found, money, metric, share_base,
        quoted_names(norm), subject_of(_without_gloss(plain, ranked or metric), ranked or metric) or carried_subject(plain, metric) or counted_subject(plain) or topic_of(plain, metric) or measured_after(plain), _lead_places(norm, entities_of(norm)),
        event_of(norm) if asks in TIME_ASKS else "",
        months_of(norm) if asks not in ("date", "month", "when") else (),
        given_of(norm), *whole_of(norm, asks, metric), excluded=excluded,
    )
