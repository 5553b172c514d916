"""Extractive answers from retrieved passages, with rule-based templates.

For a question that asks for a figure, every number mention in the passages is a
candidate; each is scored by how well its own clause and sentence agree with the
question (subject and metric words, weighted by a general Chinese IDF table), by
whether its kind and unit fit what is asked (year, share, growth, count, ...), by
its time (the question's year and month), by 分别 alignment (the i-th figure after
分别 belongs to the i-th item before it) and, for a time question, by its event verb.
A candidate is ruled out when its kind, year, 分别 item, named place (深圳 asked, a
national figure found), quoted name, subject compound (人形机器人 asked, a passage on
工业机器人 found) or side of a contrast (出口 asked, 进口 found) contradicts the
question, or its agreement is too weak; the best of the rest is the answer, and
when none is left the corpus is said not to hold it. A question that asks for a fact
gets the phrase where its question word stands, within the best-matching sentence.
"""
from __future__ import annotations

import dataclasses
import functools
import math
import re
from dataclasses import dataclass, field
from typing import Any

from .chunk import sentences
from .normalise import normalise, to_script
from .numbers import YEAR, Quantity, find_quantities, format_value, in_unit, parse_number
from .question import (
    AGAINST, CLAUSE_BREAK, FIRST_OF_SERIES, GENERIC_WHOLE, MONEY, MORE_VERB, NATIONAL, POINTS, QUOTED, TIME_ASKS, UNIT_FRAME, Question, analyse, contrast_words, contrasts, is_place,
    months_of, sub_terms, term_weight, variants,
)
from .records import Citation
from .segment import MIN_FREQ, frequency, spans, tagged, words

_CLAUSE_SPLIT = re.compile(r"[，,；;：:（）()]")
_ITEM_SPLIT = re.compile(r"[、和与及跟同]|以及")

# Score weights and the abstention threshold, tuned on tests/qa/default.jsonl and the
# numeric questions of DRCD/CMRC dev (see README, "Results › Answers").
W_SENTENCE, W_BEFORE, W_PASSAGE = 0.8, 0.6, 0.4  # credit of a term found outside the clause
W_PROX = 0.3
W_TYPE = 0.5
W_TIME = 0.3
W_ALIGN = 0.6
W_RANK = 0.04
W_METRIC = 0.3
W_SHARE = 0.5
W_ENTITY = 1.0
W_EVENT = 0.3
W_MONTH = 0.6
MIN_LEXICAL = 0.3
ABSENT_VERB = 0.25  # weight of a figure question's verb, adjective or adverb that the figure's passage never says (README: sweep)
MIN_SCORE = 0.8  # the weighted sum below; a figure scoring less is no answer (README: sweep)
PARTIAL = 0.7  # credit of a term whose every sub-word (not the term itself) is found
MIN_FACT_LEXICAL = 0.55
SHARE_STATED = 0.5  # share_fit of a stated share of the asked whole; below it, compute
FACT_MAX_CHARS = 120
W_LISTED = 0.15  # a fact sentence that lists what 哪三个X asks, before its own 三个X
SOFT_ITEM = 0.75  # share of a 分别 item's characters in the question that names it when no item is named whole


@dataclass
class Candidate:
    quantity: Quantity  # offsets relative to the passage text
    citation: Citation
    sentence: tuple[int, int]  # passage-relative
    lexical: float = 0.0
    score: float = 0.0
    parts: dict[str, float] = field(default_factory=dict)

    @property
    def doc_start(self) -> int:
        return self.citation.start + self.quantity.start

    @property
    def doc_end(self) -> int:
        return self.citation.start + self.quantity.end


# --- lexical agreement ---------------------------------------------------------

# A short gloss in brackets inside a phrase (研究与试验发展(r&d)经费): not a clause boundary.
_GLOSS = re.compile(r"[（(][^（）()，,；;。]{1,20}[）)](?=[\u4e00-\u9fffa-z0-9])")


def _clause_span(norm: str, s: int, e: int, pos_start: int, pos_end: int) -> tuple[int, int]:
    glosses = [(m.start(), m.end()) for m in _GLOSS.finditer(norm, s, e)]

    def boundary(m: re.Match[str]) -> bool:
        return not any(a <= m.start() < b for a, b in glosses)

    a = s
    for m in _CLAUSE_SPLIT.finditer(norm, s, pos_start):
        if boundary(m):
            a = m.end()
    m = next((m for m in _CLAUSE_SPLIT.finditer(norm, pos_end, e) if boundary(m)), None)
    return a, (m.start() if m else e)


# Set phrases that hold a shorter word without meaning it: 规模以上 (above a set size) says
# no 规模 (scale) of anything.
_SET_PHRASES = {"规模": "规模以上"}


def _in(term: str, text: str) -> bool:
    return any(v in text and not _only_in_set_phrase(v, text) for v in variants(term))


def _only_in_set_phrase(word: str, text: str) -> bool:
    phrase = _SET_PHRASES.get(word)
    return phrase is not None and text.count(word) == text.count(phrase)


def _match(term: str, text: str) -> float:
    """1 when the term (or a synonym) is in the text, else the IDF-weighted share of
    its sub-words that are, discounted (a partial match)."""
    if _in(term, text) or _abbreviates(term, text):
        return 1.0
    parts = sub_terms(term)
    if not parts:
        return 0.0
    total = sum(term_weight(p) for p in parts)
    found = sum(term_weight(p) for p in parts if _in(p, text) or _parts_in(p, text))
    return PARTIAL if found == total else PARTIAL * found / total


def _parts_in(word: str, text: str) -> bool:
    """The shorter dictionary words of a word spell it all, and each is in the text (电子 and
    资讯 for 电子信息; not 国产 alone for 国产化)."""
    parts = sub_terms(word)
    return len(parts) > 1 and sum(map(len, parts)) >= len(word) and all(_in(p, text) for p in parts)


def _lexical(q: Question, clause: str, sentence: str, passage: str, before_sentence: str, item: str = "", said: str | None = None) -> float:
    """IDF-weighted share of the question's terms (or their synonyms) found near the
    candidate: in its clause (1.0), its sentence (0.8), the sentence before (0.6), the
    passage (0.4). ``item`` is the 分别 item the figure belongs to (e.g. 产 of 产销):
    question terms holding it count as found in the clause. A figure question's verb,
    adjective or adverb that the passage never says weighs ABSENT_VERB: askers put the
    figure in their own words (坐飞机出行, 新拿到的订单, 最高纪录), while a missing noun
    names a thing the text does not have; a time question's verb is its event. A fact
    question's own word weighs less when no retrieved passage (``said``) says it."""
    total = got = 0.0
    own = _own_words(q.norm) if (q.numeric or said is not None) and q.asks not in TIME_ASKS else frozenset()
    for t in q.terms:
        w = term_weight(t)
        if t in own and _match(t, passage if said is None else said) == 0:
            w *= ABSENT_VERB
        total += w
        if item and item in t:
            got += w
            continue
        got += w * max(
            _match(t, clause), W_SENTENCE * _match(t, sentence), W_BEFORE * _match(t, before_sentence), W_PASSAGE * _match(t, passage)
        )
    return got / total if total else 0.0


@functools.lru_cache(maxsize=1024)
def _own_words(norm: str) -> frozenset[str]:
    """The verbs, adjectives and adverbs of a question: words askers choose themselves."""
    return frozenset(w for w, tag in tagged(norm) if tag in ("v", "a", "d", "ad", "vd"))


@functools.lru_cache(maxsize=4096)
def _variants_pattern(term: str) -> re.Pattern[str]:
    """The term or any synonym, longest first: a frozenset's order changes with the hash
    seed, and the alternation takes the first that matches (装机 or 装机容量)."""
    return re.compile("|".join(re.escape(v) for v in sorted(variants(term), key=lambda v: (-len(v), v))))


def _proximity(q: Question, norm: str, s: int, e: int, pos: int, end: int) -> float:
    """How close the question's terms stand to the figure [pos, end) inside its sentence.
    A term after a figure counts double its distance (产量达到X: the words come first),
    but not after a time (他在1930年被选作院士: the event follows its date)."""
    time = q.asks in TIME_ASKS
    total = got = 0.0
    for t in q.terms:
        w = term_weight(t)
        total += w
        best = None
        for m in _variants_pattern(t).finditer(norm, s, e):
            if m.end() <= pos:
                d = pos - m.end()
            else:
                d = m.start() - end if time else (m.start() - pos) * 2 + 4
            best = d if best is None else min(best, abs(d))
        if best is not None:
            got += w * math.exp(-max(best, 0) / 25)
    return got / total if total else 0.0


_SHARE_METRICS = frozenset("比重 占比 份额 比例 渗透率 占有率 市占率 市场份额 市场占有率".split())


def _metric_fit(q: Question, clause: str, sentence: str, item: str, role: str = "", kind: str = "") -> float:
    """The asked metric (产量, 利润总额 …) in the figure's clause: 1; in its sentence: 0.3
    (1 when the clause is a 其中 part of it: 手机产量16.7亿台，其中智能手机12.5亿台);
    absent: -0.5. 0 when the question names no metric. A metric that only says a share is
    asked (渗透率, 占比) is said by any share (达到总销量的40.9%), a capacity (容量) by any
    power (光伏新增277.57GW); ``kind`` is the figure's quantity kind."""
    if not q.metric:
        return 0.0
    if kind == "power" and q.metric.endswith("容量"):
        return 1.0
    if role == "share" and q.metric in _SHARE_METRICS:
        return 1.0
    if q.metric in _SIZE_WORDS and _SIZE_SAID.search(clause):
        return 1.0  # 盘子有多大: 总产值约7.6万亿元, 排放量约45亿吨 say the size asked
    metric = q.metric
    in_clause = _match(metric, clause) >= PARTIAL
    if not in_clause and metric.startswith("总") and len(metric) >= 3 and _MEASURE.search(metric):
        metric = metric[1:]  # 手机总产量: 手机产量16.7亿台 is its total
        in_clause = _match(metric, clause) >= PARTIAL
    if (item and item in metric) or in_clause:
        return 1.0
    if item and _match(metric, sentence) >= PARTIAL:
        return 1.0  # 组件产量分别为…，同比分别增长…: the 分别 list binds the metric to its figures
    if "其中" in clause and _match(metric, sentence.split("其中")[0]) >= PARTIAL:
        return 1.0
    counted = _COUNT_OF.fullmatch(metric)  # 人数, 户数, 家数: said by a figure in that unit (6.74亿人)
    if counted:
        in_unit = re.compile(r"[0-9]\s*(?:万|亿)?" + counted.group(1) + r"(?![次时])")
        if in_unit.search(clause):
            return 1.0
        if in_unit.search(sentence):
            return 0.3
    return 0.3 if _match(metric, sentence) >= PARTIAL else -0.5


_SIZE_WORDS = frozenset("体量 盘子".split())  # how big, in whatever measure the text gives
_TO_FIGURE = r"(?:约|达到?|为|超过|突破|近)*\s*[0-9]"  # what may stand between a measure and its figure
_SIZE_SAID = re.compile(r"(?:[\u4e00-\u9fff](?:量|额|值)|收入|营收|规模)" + _TO_FIGURE)
_COUNT_OF = re.compile(r"([人户家台辆座个])数")


# Statistical measures (产量, 出口额, 产值, 营业收入, 装机容量, 市场规模, 平均工资, 研发费用 …): a figure whose
# sentence does not say the measure asked is a figure of something else.
_MEASURE = re.compile(r"(?:量|额|值|收入|利润|容量|规模|票房|指标|人次|工资|薪酬|薪资|成本|费用|支出|款)$")  # 款: a sum paid (首付款, 贷款)
_MONEY_WORDS = frozenset("金额 价值 总额 数额 价格 总值 价钱 规模 总量".split())  # said by a money unit itself (约4万亿元的计划)


_MONEY_FIGURE = re.compile(r"[0-9][0-9.]*\s*(?:万亿|亿|万|千)?(?:元|美元|欧元|港元|日元)")


_STOCK_SAID = re.compile(r"容量|保有量|存量|总规模")  # measures that are totals standing at a time


def measure_fit(q: Question, quantity: Quantity, metric: float, sentence: str = "") -> float:
    """-1 when the question asks a statistical measure (q.metric 出口额, 发电量) that the
    figure's sentence does not say (metric part -0.5): 开采指标27万吨 does not answer
    稀土出口量. A generic money word (金额) is said by a money figure's unit. Also -1 when
    the sentence says only the measure's verb and the figure is of the other kind: a
    value (增加值, 出口额) is money, not 增加约91万架; a volume (出口量) is no money. 0 else."""
    if q.metric.endswith(("价", "价格", "价钱")) and quantity.kind not in ("money", "percent", "plain"):
        return -1.0  # a price is money: 6.30亿吨 does not answer 收盘价
    if not _MEASURE.search(q.metric) or (q.asks == "share" and q.metric in q.share_base and re.fullmatch(GENERIC_WHOLE, q.metric)):
        return 0.0  # 占全世界总量的比例: 总量 only names the whole (share_fit); 占全球总产量 says a measure
    if metric > -0.5:
        if len(q.metric) < 3 or _said(q.metric, sentence):
            return 0.0
        if q.metric[-1] in "值额" and quantity.kind == "count" or q.metric[-1] == "量" and quantity.kind == "money":
            return -1.0
        return 0.0
    if q.metric in _MONEY_WORDS and (quantity.kind == "money" or q.asks == "growth" and _MONEY_FIGURE.search(sentence)):
        return 0.0  # 总值同比增长多少: the money figure it grew from says the value
    if re.fullmatch(GENERIC_WHOLE, q.metric) and (_TOTAL.search(sentence) or _STOCK_SAID.search(sentence)):
        return 0.0  # 加在一起的装机总量: 合计装机达到14.07亿千瓦 says the total; 装机容量约8.9亿千瓦 is one
    return -1.0


_MONEY_ASKED = re.compile(MONEY.pattern + r"|钱")


def _level_before(quantities: list[Quantity], i: int, sentence_start: int) -> Quantity | None:
    """The figure a growth rate is of: the last one before it in its sentence that is no
    rate (进口积体电路5492亿块，同比增长14.6%: 5492亿块), or None."""
    for k in range(i - 1, -1, -1):
        level = quantities[k]
        if level.start < sentence_start:
            return None
        if level.kind not in ("percent", "pp", "fraction", "multiple", "year", "date", "month"):
            return level
    return None


def grown_fit(q: Question, role: str, level: Quantity | None) -> float:
    """-1 for a growth rate of a question on money (花在进口芯片上的钱) when the figure it
    is a rate of is no money: 进口积体电路5492亿块，同比增长14.6% is the count's growth. 0 else.
    (The converse does not hold: 经济总量, 产业体量 are sums of money.)"""
    if q.asks != "growth" or role != "growth" or level is None:
        return 0.0
    asked = UNIT_FRAME.sub("", q.norm)  # 按可比价格计算 says how, it asks no money
    return -1.0 if _MONEY_ASKED.search(asked) and level.kind not in ("money", "plain") else 0.0


@functools.lru_cache(maxsize=1024)
def _abbreviation_pattern(name: str) -> re.Pattern[str]:
    return re.compile(".{0,3}".join(re.escape(ch) for ch in name))


def _full_form_in(short: str, text: str) -> bool:
    """The text holds a full form of ``short``: its Han characters in order with a few
    between, at most three times as long (北大 -> 北京大学; 6g is no abbreviation of "6%；5g")."""
    if len(short) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in short):
        return False
    return any(len(m.group()) <= 3 * len(short) for m in _abbreviation_pattern(short).finditer(text))


def _abbreviates(term: str, text: str) -> bool:
    """A word jieba does not know (战新) is in the text as the full form it abbreviates
    (战略性新兴); a known word is not."""
    return len(term) <= 4 and frequency(term) < MIN_FREQ and _full_form_in(term, text)


def _spelled_out(term: str, text: str) -> bool:
    """The text holds a term of four or more characters with one character added inside,
    its fuller form (战略新兴产业 -> 战略性新兴产业, 服务机器人 -> 服务型机器人), or with
    a word of up to three added between two of its words (国家级新兴产业 -> 国家级战略性新兴产业)."""
    if len(term) < 4 or not all("\u4e00" <= ch <= "\u9fff" for ch in term):
        return False
    if any(re.search(re.escape(term[:i]) + "[\u4e00-\u9fff]" + re.escape(term[i:]), text) for i in range(1, len(term))):
        return True
    parts = sub_terms(term)
    joints = {term.find(p) for p in parts} | {term.find(p) + len(p) for p in parts}
    return any(re.search(re.escape(term[:i]) + "[\u4e00-\u9fff]{2,3}" + re.escape(term[i:]), text) for i in sorted(joints) if 1 < i < len(term) - 1)


def _said(term: str, text: str) -> bool:
    """The term is in the text, as a synonym, as the full form it abbreviates (纯电动车 ->
    纯电动汽车) or with words added between its own (战略新兴产业 -> 战略性新兴产业)."""
    return _in(term, text) or _abbreviates(term, text) or _spelled_out(term, text)


def _names(name: str, text: str) -> bool:
    """The name is in the text, whole, by a word of it (舟山群岛 -> 群岛, as a text
    calls a place it is about), or as the full form it abbreviates: Chinese
    abbreviations keep characters of the full name in order (国家药监局 ->
    国家药品监督管理局, 北大 -> 北京大学)."""
    if _in(name, text) or any(_in(p, text) for p in sub_terms(name)):  # 舟山群岛: 群岛
        return True
    return _full_form_in(name, text)


_ORDINAL = re.compile(r"第([0-9]+|[一二三四五六七八九十]+)(批|届|次|期|轮|代|版|阶段|季|集)")


def _ordinals(text: str) -> dict[str, set[int]]:
    """classifier -> the ordinals written with it (第二批 -> {批: {2}})."""
    out: dict[str, set[int]] = {}
    for m in _ORDINAL.finditer(text):
        try:
            n = int(m.group(1)) if m.group(1).isdigit() else int(parse_number(m.group(1)))
        except ValueError:
            continue
        out.setdefault(m.group(2), set()).add(n)
    return out


def _another_ordinal(question: str, sentence: str) -> bool:
    """The question names one of a series (第二批) and the sentence names only others of
    it (第一批): a figure of the first batch does not answer for the second."""
    found = _ordinals(sentence)
    return any(word in found and not asked & found[word] for word, asked in _ordinals(question).items())


_BATCHES = frozenset("批届期轮")  # a series of named batches (第二批), not of times (第一次)


def _ordinal_missing(question: str, context: str) -> bool:
    """The question names one batch of a series (第二批) that the figure's passage never
    names (首批 is 第一批)."""
    found = _ordinals(FIRST_OF_SERIES.sub("第一", context))
    return any(word in _BATCHES and not asked & found.get(word, set()) for word, asked in _ordinals(question).items())


_STOCK_ASKED = re.compile(r"截至|截止|累计|以来|至今|迄今|目前|[底末]|总计|共|合计|历年|保有|总数|总量|存量")


_SINCE = re.compile(r"截至|截止|以来|至今|迄今|[底末]")


_YEAR_LONG = re.compile(r"(?:全年|当年|年内)[^,，;；]*累计")  # 全年无人机累计飞行时长: the year's sum


def _year_total(q: Question, sentence: str) -> bool:
    """The sentence's 累计 sums over the asked year (2024年，动力电池累计装车量…), not
    since a start (截至2024年底…累计成交量)."""
    return any(f"{y}年" in sentence for y in q.years) and not _SINCE.search(sentence)


_CONTINUES = re.compile(r"\s*(?:比|较|同比|环比|增长|增加|下降|减少|提高|上升|预计|有望)")


def _continued(norm: str, s: int, cs: int) -> str:
    """The clauses before one that only goes on about its figure (登记的无人机数量达217.7万架，
    比上年底增加约91万架: the 91万架 are registered drones too; a forecast, 预计…, goes on
    too), back to one that does not; "" when the figure's clause does not go on."""
    a = cs
    while a > s and _CONTINUES.match(norm, a):  # …规模达到5059.5亿元，同比增长33.8%，预计到2035年有望达到3.5万亿元: back to 规模
        a, _ = _clause_span(norm, s, a, a - 1, a - 1)
    return norm[a:cs]


# A figure of the first days after a launch (发售3天, 上线首日, 上映首周): not a total to date.
_DAYS = r"[0-9一二三四五六七八九十两]+(?:天|日|周|个月|小时)"
_OPENING_SPAN = re.compile(r"(?:发售|上线|开售|上映|开播|开业|开幕|开通|推出|发布)(?:后|以来)?(?:的)?(?:首[日周月]|仅?" + _DAYS + ")")
_SPAN_NAMED = re.compile(r"首[日周月]|" + _DAYS)  # the question names such a span itself


_POINT_IN_TIME = re.compile(r"(?:截至|截止)[^,，。]{0,12}?[0-9]{4}年(?:[0-9]{1,2}月)?(?:底|末)?|[0-9]{4}年(?:[0-9]{1,2}月)?[底末]")
_ADDITION = r"新增|新装|新建|净增|新开通|新投运"
_ADDED = re.compile(_ADDITION)
_FLOW = re.compile(_ADDITION + r"|当年|全年")  # an addition, or a year's own figure
_FLOW_FIGURE = re.compile(r"(?:" + _ADDITION + r")[^，,。；;]{0,6}?[0-9]")


def flow_fit(q: Question, clause: str, rest: str) -> float:
    """-1 when the question asks an addition (新增了多少) and the figure's clause says none
    while a later clause of its sentence gives one with its own figure (总数达425.1万个，
    比上年末净增87.4万个: 425.1万个 is the level). 0 else."""
    if q.asks in TIME_ASKS or not _ADDED.search(q.norm) or _FLOW.search(clause):
        return 0.0
    return -1.0 if _FLOW_FIGURE.search(rest) else 0.0


_NEGATED = re.compile(r"(?:还没有|还没|尚未|并未|还未|没有)[\u4e00-\u9fff]{2}")  # 正在建设、还没投运的: 投运 is not asked


def contrast_fit(q: Question, clause: str, sentence: str) -> float:
    """-1 when the question says one side of a contrast (data/contrasts.txt: 出口 | 进口,
    新增 | 累计 …) and the figure's clause says only another side, or, for a required
    contrast, when its sentence says no side at all (出口 asked, 产量 found: a time
    question is exempt, 加工出口区 may be a name); also when the question asks a year's
    figure (2024年…成交额, no 截至, 累计, 底 …) and the clause gives a cumulative one
    (累计成交额); 0 else."""
    if q.years and "累计" in clause and q.asks not in TIME_ASKS and not _STOCK_ASKED.search(q.norm) and not _year_total(q, sentence) and not _YEAR_LONG.search(clause):
        return -1.0
    if q.asks not in TIME_ASKS and q.asks not in ("diff", "growth") and _POINT_IN_TIME.search(q.norm) and _FLOW.search(clause) and not _FLOW.search(q.norm) and "累计" not in clause:
        return -1.0  # 截至2024年底…装机 asks what stands then; 新增装机3.73亿千瓦 is the year's addition
    if _another_ordinal(q.norm, sentence):
        return -1.0  # 第五次全国经济普查 does not answer for the fourth
    if q.asks not in TIME_ASKS and _OPENING_SPAN.search(clause) and not _SPAN_NAMED.search(q.norm):
        return -1.0  # 发售3天销量超过1000万套 does not answer how many were sold in all
    if any(_in(t, clause) for t in q.excluded):
        return -1.0  # （不是进口）: a figure of imports is ruled out
    said, asking = _NEGATED.sub("", q.without_lead), _NEGATED.sub("", q.asking)  # the lead's 海外同行 is not asked
    for required, sides in contrasts():
        asked = [i for i, side in enumerate(sides) if any(w in said for w in side)]
        if len(asked) > 1 and asking:  # 进口花了那么多钱，那出口是多少: the side the asking clause says
            asked = [i for i, side in enumerate(sides) if any(w in asking for w in side)]
        if len(asked) != 1:
            continue
        here = {i for i, side in enumerate(sides) if any(w in clause for w in side)}
        if here and asked[0] not in here:
            return -1.0
        if required and q.asks not in TIME_ASKS and not any(w in sentence for w in sides[asked[0]]):
            return -1.0
    return 0.0


def entity_fit(q: Question, context: str) -> float:
    """-1 when none of the places, organisations or models the question names
    (q.entities) is in the figure's context (its passage, section path and document
    title): a national figure does not answer a question about 深圳. Also -1 when it
    names places and none of them is found: 香港's 5g figure is not the country's. 0
    else. (One found is enough: a question may name more than its passage does, and
    jieba tags some common words as names.)"""
    places = [t for t in q.entities if is_place(t)]
    if places and not any(_names(t, context) for t in places):
        return -1.0
    if any(_in(t, context) for t in q.quoted):
        return 0.0  # 3a游戏《黑神话:悟空》: the title it quotes names the thing asked about
    return -1.0 if q.entities and not any(_names(t, context) for t in q.entities) else 0.0


def quoted_fit(q: Question, near: str) -> float:
    """-1 when no name the question quotes (「十五五」, 《黑神话:悟空》) is in ``near``: for a
    figure, its sentence, the sentence before it and the passage's section and title (a
    figure of the passage's other sentences is a figure of something else: the game
    market's sales, not one game's); for a time, its whole passage (a history names its
    subject once and dates it sentences later). A quoted name is matched whole: 十五五 is
    not 十四五. A title the text refers to by its last words (該《決定》 for 《關於…的決定》)
    is named too. 0 else."""
    return -1.0 if q.quoted and not any(_in(t, near) or _short_title_in(t, near) for t in q.quoted) else 0.0


_TITLE = re.compile(r"《([^《》]{2,20})》")
_SHORT_TITLE_MAX = 8


def _short_title_in(title: str, text: str) -> bool:
    """A long title (关于加快培育和发展战略性新兴产业的决定) cited in ``text`` by its head
    noun in 《》 (《决定》), as Chinese writing does after naming it once, unless the text
    names another title with that head (《关于…的意见》… 该《意见》 is that one)."""
    titles = [m.group(1) for m in _TITLE.finditer(text)]
    heads = {t for t in titles if len(t) <= _SHORT_TITLE_MAX and len(t) < len(title) and title.endswith(t)}
    others = [t for t in titles if t != title]
    return any(not any(o.endswith(h) and len(o) > len(h) for o in others) for h in heads)


def _quotes_another(q: Question, sentence: str, lead: str) -> bool:
    """A figure question quoting a name (「十三五」) whose figure's sentence does not quote
    it but quotes another, in the same kind of marks, before the figure (《「十二五」…规划》，共列出20项):
    the figure is the other's. A name quoted after the figure is only mentioned. For a
    fact question ``lead`` is the whole sentence."""
    if not q.quoted or q.asks in TIME_ASKS or quoted_fit(q, sentence) == 0:
        return False
    marks = {m.group()[0] == "《" for m in QUOTED.finditer(q.norm)}  # a title, or a name in quotes of any kind (“ 「 『 ")
    return any((m.group()[0] == "《") in marks for m in QUOTED.finditer(lead))


_PROPER_TAGS = frozenset("nr ns nt nz nrt nrfg eng".split())
_OPENING_NAME = re.compile(r"^([\u4e00-\u9fffa-z]{2,6}?)(?:在|的)?(?:[0-9]{2}|[0-9]{4})年")


def opening_name_fit(q: Question, context: str) -> float:
    """-1 when the question opens with a name before its year (大疆2024年的营收, 蔚来24年交付)
    that its passage never says, whole, by its words or as an abbreviation; 0 else. A
    name so placed owns the figure asked."""
    m = _OPENING_NAME.match(q.norm)
    if not m:
        return 0.0
    name = m.group(1)
    tokens = tagged(name)
    if name in NATIONAL or not all(t in _PROPER_TAGS or (t[:1] == "n" and frequency(w) < MIN_FREQ) for w, t in tokens):
        return 0.0  # 大陆车厂2024年: a kind of firm, no name
    return 0.0 if _names(name, context) or _words_said(name, context) else -1.0


def subject_fit(q: Question, context: str) -> float:
    """-1 when the nouns the asked figure is of (q.subject: 人形机器人) are not in the
    figure's passage, section or title, each word of two or more characters (a synonym,
    or all the dictionary words inside it, will do: 积体电路 for 集成电路); 0 else. A
    passage about 工业机器人 does not answer for 人形机器人."""
    if not q.subject or _in(q.subject, context):  # whole, or a synonym (单位gdp: 万元gdp)
        return 0.0
    return 0.0 if _words_said(q.subject, context) else -1.0


def _words_said(name: str, text: str) -> bool:
    """Each word of two or more characters of ``name`` is in the text, whole or by all its
    dictionary words (积体电路 for 集成电路, 文旅 by 文化和旅游)."""
    return all(_match(w, text) >= PARTIAL for w in words(name) if len(w) >= 2)


_MODIFIER_TAGS = frozenset("n nz vn j l ns nt nrt eng".split())


def _sibling_in(subject: str, sentence: str) -> bool:
    """The sentence names the subject's head word with another modifier: 工业机器人 for
    服务机器人, 游戏用户 for 微短剧用户 (the head: the longest proper ending of the
    subject that is a dictionary word, or a shorter one: 新能源汽车 for 纯电动汽车)."""
    heads = [subject[-k:] for k in range(len(subject) - 1, 1, -1) if frequency(subject[-k:]) >= MIN_FREQ]
    return any(_sibling_by(subject, head, sentence) for head in heads)


def _sibling_by(subject: str, head: str, sentence: str) -> bool:
    modifier = subject[: -len(head)]
    if re.search(r"(?:此|该|这|本|其)(?:次|场|个|项|家|座|条|部|款|种)?" + re.escape(head), sentence):
        return False  # 此次地震: the sentence refers back to the subject
    if any(_match(modifier, sentence[max(0, m.start() - len(modifier) - 2) : m.start()]) >= PARTIAL for m in re.finditer(re.escape(head), sentence)):
        return False  # the subject itself, in other words: 电子资讯制造业 for 电子信息制造业
    tokens = spans(sentence)
    for m in re.finditer(re.escape(head), sentence):
        for a, b, w, tag in tokens:
            if a < m.start() < b and b >= m.end() and tag in _MODIFIER_TAGS:
                return True  # one word holds another modifier and the head: 工业机器人
            if b == m.start() and tag in _MODIFIER_TAGS and len(w) >= 2 and not _in(w, subject):
                return True  # a noun right before the head: 游戏 用户
    return False


_NOT_OWNERS = frozenset("实际 市场 行业 产业 全年 当年 年度 总".split())  # 游戏海外市场实际销售收入: the owner is 游戏


def _metric_owner(metric: str, clause: str) -> tuple[str, str]:
    """The noun right before the metric in a clause (医疗器械 in 医疗器械市场规模近1.3万亿元),
    past words that say which of the metric (实际, 海外, 市场), or "", and the word before
    that noun past such words (全国 in 全国累计发电装机容量)."""
    at = clause.find(metric)
    before = [(w, tag) for _, b, w, tag in spans(clause) if b <= at and w not in _NOT_OWNERS and w not in contrast_words()]
    if not before or before[-1][1] not in _MODIFIER_TAGS or len(before[-1][0]) < 2:
        return "", ""
    return before[-1][0], before[-2][0] if len(before) > 1 else ""


_LEAD_SCOPE = re.compile(r"全[国球省市县区]|[0-9]+|年[底末初]?|[,，:：]")  # before the owner: the whole country's figure


_RELATION = re.compile(r"占|比|较|相当于|与|同")  # 占新能源汽车保有量的70.34%: the measure of the whole, not of its owner


def owner_fit(q: Question, clause: str, sentence: str = "") -> float:
    """-1 when the figure's clause gives the asked statistical measure of another noun
    (医疗器械市场规模… while 手术机器人 is named only as an example), or of the kind the
    subject is one of (发电装机容量 of all kinds, asked of 风力发电) while its sentence does
    not name the subject; 0 else."""
    if len(q.subject) < 2 or len(q.metric) < 2 or _said(q.subject, clause):
        return 0.0
    said = next((v for v in sorted(variants(q.metric), key=len, reverse=True) if len(v) >= 2 and v in clause), "")
    if not said or not (_MEASURE.search(q.metric) or _MEASURE.search(said)):  # said as a measure: 装机 asked, 装机容量 said
        return 0.0
    owner, lead = _metric_owner(said, clause)
    subject = words(q.subject)
    if owner and not _in(owner, q.norm) and not any(_in(w, owner) for w in subject if len(w) >= 2):
        return -1.0
    if (sentence and len(subject) > 1 and owner == subject[-1] and (not lead or lead in NATIONAL or _LEAD_SCOPE.fullmatch(lead))
            and not all(_match(w, sentence) >= PARTIAL for w in subject)):
        return -1.0  # 全国发电装机容量: of every kind of 发电, not of 风力发电
    owned = clause[: clause.find(said)]
    if len(subject) > 1 and not _RELATION.search(owned) and _sibling_in(q.subject, owned):
        return -1.0  # 电子资讯制造业增加值…11.8%, 高技术制造业 named later: a sibling's measure
    return 0.0


def share_owner_fit(q: Question, lead: str) -> float:
    """-1 for a share question when the part before the figure's 占 gives a measure of
    another noun and its sentence does not name the subject (数字经济规模达到53.9万亿元，占GDP
    比重达到42.8% for 战略性新兴产业); or, when the subject ends in a measure
    (战略性新兴产业增加值占GDP…), gives that measure of another noun (高技术制造业
    增加值…，占规模以上工业增加值的比重为16.3%): another part's share. 0 else."""
    at = lead.rfind("占")
    subject = words(q.subject)
    if q.asks != "share" or at < 0 or not subject:
        return 0.0
    named = _said(q.subject, lead) or _words_said(q.subject, lead)  # 文旅产业: 文化和旅游产业
    if not named and "分别" not in lead:  # (a 分别 list names its items elsewhere) 数字经济规模达到53.9万亿元，占GDP比重达到42.8%: 数字经济's share, not 战略性新兴产业's
        measure = next((w for w in reversed(words(lead[:at])) if len(w) >= 2 and _MEASURE.search(w)), "")
        owner = _metric_owner(measure, lead[:at])[0] if measure else ""
        if owner and not _in(owner, q.norm) and not any(_in(w, owner) for w in subject if len(w) >= 2):
            return -1.0
    if len(subject) < 2 or not _MEASURE.search(subject[-1]):
        return 0.0
    part = lead[:at]
    said = [m.start() for v in variants(subject[-1]) if len(v) >= 2 for m in re.finditer(re.escape(v), part)]
    if not said:
        return 0.0
    # from the clause that last says the measure: 数字经济增加值…，同年高技术制造业增加值…，占
    cut = max((m.end() for m in _CLAUSE_SPLIT.finditer(part[: max(said)])), default=0)
    return owner_fit(dataclasses.replace(q, subject="".join(subject[:-1]), metric=subject[-1]), part[cut:])


def whole_share_fit(q: Question, lead: str) -> float:
    """-1 for a share question when the part of the figure's sentence before its 占 (``lead``
    is the sentence up to the figure) names the asked whole and not the asked part: 可再生能源
    新增装机3.73亿千瓦，约占电力新增装机的86% is the whole's own share, not 风电's share in it. 0 else."""
    at = lead.rfind("占")
    if q.asks != "share" or at < 0:
        return 0.0
    whole = [t for t in q.share_base if len(t) >= 2 and not re.fullmatch(GENERIC_WHOLE, t) and t not in NATIONAL]
    named_at = min((q.norm.find(t) for t in whole if t in q.norm), default=-1)
    if not whole or named_at < 0 or not all(_match(t, lead[:at]) >= PARTIAL for t in whole):
        return 0.0
    asked = re.split(r"[,，;；:：]", q.norm[:named_at])[-1]
    part = [w for w, tag in tagged(asked) if len(w) >= 2 and tag in _MODIFIER_TAGS and w not in whole and w not in NATIONAL and not _in(w, " ".join(whole))]
    return -1.0 if part and not any(_said(w, lead[:at]) for w in part) else 0.0  # 全国新能源车保有量里面纯电的车: 全国 is no part


def among_fit(q: Question, sentence: str, clause: str, at: int) -> float:
    """-1 when the figure (its clause starting at ``at`` in the sentence) stands before the
    sentence's 其中 and only the part after 其中 names the asked subject: 全国共有规上工业
    企业48.2万家，其中高技术制造业企业5.1万家 -- the first is the whole's figure. 0 else."""
    cut = sentence.find("其中")
    if len(q.subject) < 2 or cut < 0 or at >= cut or _said(q.subject, clause) or _said(q.subject, sentence[:cut]):
        return 0.0
    return -1.0 if _said(q.subject, sentence[cut:]) else 0.0


_EXAMPLES = re.compile(r"[\u4e00-\u9fff]{1,10}(?:、[\u4e00-\u9fff]{1,10})+(?:和|及|与)?[\u4e00-\u9fff]{0,10}等")  # 废钢铁、废纸等


def listed_fit(q: Question, lead: str, after: str = "") -> float:
    """-1 when the figure is the total of a list of examples (废钢铁、废有色金属、废纸等
    主要再生资源回收总量约4亿吨: ``lead`` is its sentence up to the figure) and the asked
    subject is none of them nor named there: the total of the things listed does not
    answer for another thing (动力电池回收量). A count right after 等 counts the list, and
    the words after it (``after``, up to the clause's end) name its kind: 钐、钆等7类中重稀土
    counts 中重稀土. 0 else."""
    if len(q.subject) < 2 or _said(q.subject, lead) or not _EXAMPLES.search(lead):
        return 0.0
    return 0.0 if lead.rstrip().endswith("等") and _said(q.subject, after) else -1.0


def whole_fit(q: Question, sentence: str) -> float:
    """-1 when the question names a whole and asks for a figure of a part of it (软件业务
    收入当中，云服务的营收) and the figure's sentence names the whole but not the part: the
    whole's figure does not answer for its part. 0 else."""
    whole = [t for t in q.whole if len(t) >= 2 and t not in NATIONAL]
    part = [t for t in q.part if len(t) >= 2 and not _in(t, " ".join(q.whole))]
    if whole and part and not any(_match(t, sentence) >= PARTIAL for t in part):
        return -1.0  # a sentence naming no word of the part is no figure of it, of the whole or of another thing
    if not whole or not part or not all(_match(t, sentence) >= PARTIAL for t in whole):
        return 0.0
    return 0.0 if all(_match(t, sentence) >= PARTIAL for t in part) else -1.0


# A sentence that opens with a bare measure (进口金额3856亿美元…) goes on about the sentence before it.
_BARE_MEASURE = re.compile(r"^\s*(?:其中)?[\u4e00-\u9fff]{0,3}(?:金额|额|量|收入|利润|产值)" + _TO_FIGURE)


def went_on_fit(q: Question, sentence: str, before: str) -> float:
    """-1 when the figure's sentence opens with a bare measure, so its figure is of what
    the sentence before it names (中国进口集成电路5492亿块；进口金额3856亿美元), and
    neither sentence names the asked subject (半导体设备): 0 else."""
    if len(q.subject) < 2 or not _BARE_MEASURE.match(sentence):
        return 0.0
    return 0.0 if _said(q.subject, sentence) or _said(q.subject, before) else -1.0


def sibling_fit(q: Question, sentence: str) -> float:
    """-1 when the figure's sentence does not name the asked subject (q.subject) but a
    sibling of it, the same head with another modifier: 工业机器人's share does not
    answer for 服务机器人. 0 else."""
    if len(q.subject) < 3 or _said(q.subject, sentence):
        return 0.0
    return -1.0 if _sibling_in(q.subject, sentence) else 0.0


_ITEM_BREAK = re.compile(r"[、；;，,]")


def item_fit(q: Question, sentence: str, at: int) -> float:
    """-1 when the figure (at ``at`` in its sentence) is another item's of a list of
    parallel items, each a noun with its own figure, and the subject heads another item:
    风电新增79.82GW of 光伏新增277.57GW、风电新增79.82GW, asked of 光伏 (also when the
    question names 光伏 where a metric stands: 新装的光伏有多少GW). 0 else."""
    subject = q.subject or (q.metric if q.asks == "amount" and not _MEASURE.search(q.metric) and all(t in _MODIFIER_TAGS for _, t in tagged(q.metric)) else "")
    if len(subject) < 2 or not _said(subject, sentence):
        return 0.0
    start = max((m.end() for m in _ITEM_BREAK.finditer(sentence, 0, at)), default=0)
    own = sentence[start:at]
    if _said(subject, own):
        return 0.0
    first = next(((w, tag) for w, tag in tagged(own) if w.strip() and w not in ("其中", "而", "及", "以及")), ("", ""))
    if first[1] not in _MODIFIER_TAGS or first[1] == "vn" or len(first[0]) < 2 or _in(first[0], q.norm) or _MEASURE.search(first[0]) or first[0].endswith("率"):
        return 0.0  # 同比增长14.6%, 占工业增加值的16.3%, 市场占有率达到31.6%, 预计到2035年达到3.5万亿元: no noun of its own, a figure of the item before
    items = [(m.start(), m.end()) for m in re.finditer(r"[^、；;，,]+", sentence)]
    return -1.0 if any(_said(subject, sentence[a:b]) and re.search(r"[0-9]", sentence[a:b]) and not a <= at < b for a, b in items) else 0.0


_LEAD_TIME = re.compile(r"^\s*(?:[^，,。；;]{1,12}方面[，,]\s*)?(?:(?:截至|截止|到|在|于)?[0-9]{4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:[底末初])?[，,]?)?\s*")


def _place_topic(norm: str) -> str:
    """The place a text opens with, after a date (重庆2024年…, 2024年，成都…), or ""."""
    tokens = tagged(norm[_LEAD_TIME.match(norm).end() :][:12])
    if not tokens or tokens[0][1] != "ns" or len(tokens[0][0]) < 2:
        return ""
    if len(tokens) > 1 and len(tokens[1][0]) == 1 and tokens[1][1] in ("n", "ng", "nr", "g"):
        return ""  # 石山 + 麟: a person's name that jieba split, not a place
    return tokens[0][0]


def _place_owns_subject(q: Question, sentence: str) -> bool:
    """Each time the sentence names the asked subject, a place the question does not name
    stands right before it (深圳战略性新兴产业增加值 for 战略性新兴产业增加值): the
    place's figure, not the country's."""
    if len(q.subject) < 2:
        return False
    tokens = spans(sentence)
    starts = [m.start() for v in variants(q.subject) if len(v) >= 2 for m in re.finditer(re.escape(v), sentence)]
    if not starts:
        return False
    def owner(at: int) -> str:
        before = [(w, tag) for a, b, w, tag in tokens if b <= at][-2:]
        if before and before[-1][0] == "的":
            before = before[:-1]
        return before[-1][0] if before and before[-1][1] == "ns" and len(before[-1][0]) >= 2 else ""
    owners = [owner(at) for at in starts]
    return all(o and o not in NATIONAL and not _in(o, q.norm) for o in owners)


_NATIONAL_SCOPE = re.compile(r"(?:全国|我国|中国|国内|全球|全世界)")


def topic_fit(q: Question, sentence: str) -> float:
    """-1 when the question opens with a place, or names one place or organisation, and
    the figure's sentence opens with another place and does not name the question's
    (重庆2024年汽车产量253.8万辆… does not answer 成都2024年… or 2024年某车企…, even in a
    passage that names them later), or opens with the whole country or world (截至2024年底，
    全国…). 0 else."""
    asked = _place_topic(q.without_lead) or (q.entities[0] if len(q.entities) == 1 else "")  # 台湾正在讨论核能…：截至2024年底，中国大陆…: the lead's place is not asked
    if not asked:
        return -1.0 if _place_owns_subject(q, sentence) else 0.0
    if asked in NATIONAL or _names(asked, sentence):
        return 0.0
    if _NATIONAL_SCOPE.match(sentence[_LEAD_TIME.match(sentence).end() :]):
        return -1.0  # 截至2024年底，全国…: the country's figure, asked for 深圳
    topic = _place_topic(sentence)
    if topic in NATIONAL:
        return 0.0  # 中华人民共和国建立后…: the country is the default scope, no other place
    return -1.0 if topic and topic not in asked and asked not in topic else 0.0


_PART_OF_WHOLE = re.compile(r"占(?:了)?(?:全国|我国|中国|国内)")


_LOCAL_WHOLE = re.compile(r"占(?:了)?(全省|全市|全县|全区|本省|本市)")


def subpart_fit(q: Question, lead: str) -> float:
    """-1 when the figure's clause (``lead``: up to the figure) is a 其中 part named by a
    longer word ending in the asked subject that the question does not say: 其中智能手机
    12.5亿台 does not answer for 手机. 0 else."""
    if len(q.subject) < 2 or "其中" not in lead:
        return 0.0
    part = lead[lead.rfind("其中") + 2 :]
    at = part.find(q.subject)
    named = re.search(r"[\u4e00-\u9fff]+$", part[:at]) if at > 0 else None
    return -1.0 if named and not _in(named.group() + q.subject, q.norm) else 0.0


def part_fit(q: Question, after: str, before: str = "", lead: str = "") -> float:
    """-1 for a figure its sentence goes on to call a part of the nation (北京…核心产业规模约
    3500亿元，约占全国的一半) when the question names no place, organisation or model: a
    region's figure does not answer for the country (a country's figure that is part of the
    world's, 占全球…, still does). For a share question, -1 when the clause ``before`` the
    figure makes it a share of a province's or city's whole (占全市GDP的比重) the question
    does not name. 0 else."""
    if q.entities:
        return 0.0
    if q.asks == "share":  # 占全市GDP的比重约为41%: a city's share, asked for the country
        local = _LOCAL_WHOLE.search(before)
        return -1.0 if local and local.group(1) not in q.norm else 0.0
    if not _PART_OF_WHOLE.search(after):
        return 0.0
    places = [w for w, tag in tagged(lead) if (tag == "ns" or is_place(w)) and w not in NATIONAL]
    return -1.0 if places else 0.0  # 可再生能源装机…约占全国发电总装机的56%: a kind's share, no region's


_TOTAL = re.compile(r"合计|共计|总计|合共|加起来|合起来|总共|一共|共有")
_TOTAL_ASKED = re.compile(_TOTAL.pattern + r"|总|共|[这两二三四五六七八九十几]+(?:者|大|样|项|类|种|个)")
_LIST_MARK = frozenset("、和与及")
_ONE_ASKED = re.compile(r"单算|单看|单论|单就|单拿|光算|光看|只算|只看|仅算|仅看")


_SUM_ASKED = re.compile(r"一共|总共|合计|共计|总计|加起来|加在一起|总额|总金额")
_PER_ONE = re.compile(r"每一?[个辆台人户家件吨套部艘架座项名位]|人均|户均|单车|单台|单辆|车均")  # 每辆车的减免税额: per one
_CAP_ASKED = re.compile(r"最高|最多|上限|封顶|不超过|至多|顶多|最大")


def asks_sum(q: Question) -> bool:
    """The question asks how much in all (一共拿出了多少补贴资金): a cap (最高2万元的补贴,
    bound "max") does not answer it, unless the cap itself is asked (最多能拿多少)."""
    return bool(_SUM_ASKED.search(q.norm)) and not _CAP_ASKED.search(q.norm)


def _per_one(q: Question, clause_before: str) -> bool:
    """The figure is per one thing (每辆车的减免税额不超过3万元, 人均) and the question asks
    per nothing: a sum asked (减免的总额) is not answered by it."""
    return bool(_PER_ONE.search(clause_before)) and not _PER_ONE.search(q.norm)


def total_fit(q: Question, clause_before: str, sentence: str, after: str = "") -> float:
    """-1 when the figure is a total (合计, 一共 … before it in its clause) over a list its
    sentence enumerates (集成电路、生物医药和人工智能…合计约1.8万亿元) and the question
    names one item of that list without asking for a total; 0 else. A figure that counts
    an asked item itself (共有30位获奖者、47位罗德学者: ``after`` it) is no total."""
    asked = functools.reduce(lambda text, name: text.replace(name, " "), q.quoted, q.norm)  # “新三样”里锂电池: a name, no 三样 asked
    if not _TOTAL.search(clause_before) or (_TOTAL_ASKED.search(asked) and not _ONE_ASKED.search(asked)):
        return 0.0  # 三大先导产业里，单算集成电路一项: one of the three is asked
    if any(after.startswith(v) for t in q.terms for v in variants(t) if len(v) >= 2):
        return 0.0
    listed = [t for t in q.terms for v in variants(t) if len(v) >= 2 and _listed_at(sentence, v)]
    if len({asked.find(t) for t in listed if t in asked}) >= 2 and re.search(r"[和与及、跟加]", asked):
        return 0.0  # 风电和太阳能发电 asked, 风电和太阳能发电合计: the question adds them up itself
    return -1.0 if listed else 0.0


def _listed_at(sentence: str, word: str) -> bool:
    """The word stands in the sentence as an item of a list (next to 、/和/及…)."""
    i = sentence.find(word)
    return i >= 0 and (sentence[i - 1 : i] in _LIST_MARK or sentence[i + len(word) : i + len(word) + 1] in _LIST_MARK)


_TIME_ONLY = re.compile(r"\s*(?:(?:在|于|至|到)?[0-9]{1,4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?(?:[初底末]|以后|之后|以来|时)?)\s*")


def _next_comma(norm: str, start: int, e: int) -> int:
    """The first comma or semicolon in norm[start:e], else e."""
    return min((i for i in (norm.find(c, start, e) for c in "，,；;") if i >= 0), default=e)


def _wide_clause(norm: str, s: int, e: int, pos: int) -> str:
    """The text from the last comma or semicolon before ``pos`` to the next (brackets do
    not end it: 结束于民国10年（1921年）5月14日); a date alone there takes the clause after it."""
    a = max((norm.rfind(c, s, pos) for c in "，,；;"), default=-1)
    b = _next_comma(norm, pos, e)
    start = a + 1 if a >= 0 else s
    if b < e and _TIME_ONLY.fullmatch(norm[start:b]):  # 1977年，宣布退役: a date leads the clause after it
        b = _next_comma(norm, b + 1, e)
    return norm[start:b]


def event_fit(q: Question, clause: str, sentence: str) -> float:
    """For a time question: 1 when the event's verb (q.event, 成立 in 何时成立) is in the
    figure's clause, 0.5 in its sentence, else 0: a sentence may hold the dates of
    several events."""
    if not q.event:
        return 0.0
    if _match(q.event, clause) >= PARTIAL:
        return 1.0
    return 0.5 if _match(q.event, sentence) >= PARTIAL else 0.0


# --- kind and unit fit ----------------------------------------------------------

_ROLE_WORDS = re.compile(r"(增长|增加(?!值)|净增|净减|下降|减少|增幅|增速|提高|提升|上升|降低|回落|下滑|扩大|缩小|同比|环比|涨|跌)|(占|比重|占比|份额|比例|渗透率|市占率)")


# the question asks a change (比上年增加了多少, 多了多少), not a level
_CHANGE_ASKED = re.compile(r"增(?!加值)|减|降|升|涨|跌|提高|扩大|缩小|回落|下滑|同比|环比|变化|变动|相差|差距|多出|[多少]了|比(?:上|去|前)")
_OF_BEFORE = re.compile(r"的(?:约|近|超过|逾|接近|将近)?\s*$")


def _role(norm: str, start: int, clause_start: int) -> str:
    """"growth" or "share" by the last such word before the figure in its clause;
    "…的40.9%" (a part of a whole) is a share too."""
    role = "plain"
    for m in _ROLE_WORDS.finditer(norm, max(clause_start, start - 24), start):
        if m.group(1) and norm.startswith(("到", "至"), m.end()):
            continue  # 比重由7.6%提高到13.5%: the level reached, not the change
        role = "growth" if m.group(1) else "share"
    if role == "plain" and _OF_BEFORE.search(norm, max(0, start - 6), start):
        role = "share"  # 总销量的40.9%, 2023年的约13.5%
    return role


_CHANGE_TO = r"(?:提高|提升|上调|下调|调高|调低|降低|下降|增加|减少|增长|上升|扩大|缩小|降|升|涨|跌|调整)(?:到|至|为)"
_ASKS_LEVEL = re.compile(_CHANGE_TO + r"了?(?:多少|几)")
_FROM_LEVEL = re.compile(r"\s*" + _CHANGE_TO)


def from_level(q: Question, norm: str, qn: Quantity) -> bool:
    """The figure is the level a change started from (关税由25%提高至100%: 25%) and the
    question asks the level it reached (提高到了多少)."""
    return bool(_ASKS_LEVEL.search(q.norm)) and norm[qn.start - 1 : qn.start] in ("由", "从") and bool(_FROM_LEVEL.match(norm, qn.end))


_SHARE_WORDS = re.compile(r"[^\u4e00-\u9fff]|的|比重|比例|份额|占比|约|约为|为|达|达到|超过|近|逾|已|了|总量|总数")


def share_fit(q: Question, norm: str, clause_start: int, start: int) -> float:
    """For "A占B的比重": how much of B (IDF-weighted) stands between the last 占/达到/为
    and the figure, i.e. is named as the whole the figure is a share of."""
    if not q.share_base:
        return 0.0
    left = norm[clause_start:start]
    cut = left.rfind("占")  # 占B的比重为X: B follows 占, not 为
    cut = cut if cut >= 0 else max(left.rfind(w) for w in ("达到", "为", "是"))
    seg = left[cut:] if cut >= 0 else left
    total = sum(term_weight(t) for t in q.share_base)
    got = sum(term_weight(t) * _match(t, seg) for t in q.share_base) / total if total else 0.0
    named = _SHARE_WORDS.sub("", seg[1:] if seg.startswith("占") else "")
    if cut >= 0 and len(q.subject) >= 2 and _said(q.subject, seg) and not any(_said(q.subject, t) for t in q.share_base):
        return -0.5  # 占新能源汽车保有量的70.34%: a share within the asked subject, not the subject's own
    return -0.5 if got == 0 and len(named) >= 2 else got  # 占全球比重 is a share of another whole


_ENUM_GAP = re.compile(r"\s*(?:和|与|及|、|,|，|至|到|~|～|-|—)\s*$")


def distribute_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """In "6.0和3.0个百分点" / "A、B和C万辆" the unit written once belongs to every
    number of the enumeration: unitless numbers take the unit of the next figure."""
    out = list(quantities)
    for i in range(len(out) - 2, -1, -1):
        a, b = out[i], out[i + 1]
        if a.kind == "plain" and not a.unit and b.unit and not b.magnitude_text and _ENUM_GAP.match(text[a.end : b.start]):
            out[i] = dataclasses.replace(a, unit=b.unit, unit_text=b.unit_text, kind=b.kind)
    return out


_PERSON_UNITS = frozenset(("人", "名", "位", "人次"))
# the word after 多少/几 counts people: 人 (not 人民币), 名, 位, or a noun for them (从业人员, 员工, 从业者)
_PERSONS_ASKED = re.compile(r"^(?:人(?!民币)|名|位)|人员|员工|职工|工人|从业|者$")


# Classifiers of households, subscribers and people: 个 counts other things (多少户 is not 87.4万个 基站)
_HOUSEHOLDS = _PERSON_UNITS | {"户"}


# Classifiers that count the same things: deals (笔, 宗, 单, 项), vehicles (辆, 台), handsets (部, 台)
_SAME_CLASSIFIERS = (frozenset("笔宗单项件"), frozenset("辆台"), frozenset("部台"))


def _unit_fits(hint: str, unit: str) -> bool:
    if not hint or not unit:
        return False
    h, u = normalise(hint), normalise(unit)
    return (h == u or u.endswith(h) or h.endswith(u) or (h.startswith(u) and u != "个") or (h in ("人", "名", "位") and u in _PERSON_UNITS)
            or any(h[:1] in same and u in same for same in _SAME_CLASSIFIERS))


def _times_apart(hint: str, unit: str) -> bool:
    """One counts events (架次, 人次, 辆次), the other the things themselves (架, 人, 辆)."""
    h, u = normalise(hint), normalise(unit)
    short, long = sorted((h, u), key=len)
    return len(short) == 1 and long == short + "次"


@functools.lru_cache(maxsize=1024)
def _hint_quantity(hint: str) -> Quantity | None:
    """The word after 多少/几 read as the unit of a figure ("1" + hint), or None."""
    found = find_quantities("1" + hint) if hint else []
    return found[0] if found and found[0].start == 0 else None


def hint_unit(hint: str) -> tuple[str, str] | None:
    """(canonical unit, kind) when the word after 多少/几 starts with a measurement unit
    (多少公分 -> 厘米, length), else None. Counting classifiers (个, 家 …) are not units here."""
    found = _hint_quantity(hint)
    if found and found.unit and found.kind not in ("count", "plain", "duration"):
        return found.unit, found.kind
    return None


_DIMENSIONS = (
    (re.compile(r"多远|多长(?!时间)|多高|多深|多宽|多厚|长度|距离多少|高度|深度|[体身全总]长|身高|海拔|水深|宽度|厚度|直径|半径|周长"), "length"),
    (re.compile(r"面积"), "area"),
    (re.compile(r"多重|重量|体重"), "mass"),
    (re.compile(r"功率"), "power"),  # 按功率口径: 7376万千瓦 of 7376万千瓦/1.68亿千瓦时
    (re.compile(r"(?:以|按)能量|能量口径|发电量|用电量"), "energy"),
)


def _dimension_asked(norm: str) -> str:
    return next((kind for pattern, kind in _DIMENSIONS if pattern.search(norm)), "")


def measure_word(q: Question, quantity: Quantity, after: str) -> str:
    """The measure word asked (多少步 -> 步) when it stands right after a figure that the
    number parser gave no unit (80步); "" otherwise."""
    if quantity.unit or not q.unit_hint:
        return ""
    word = q.unit_hint[:1]
    return word if after.startswith(word) and "\u4e00" <= word <= "\u9fff" else ""


_DAY_ASKED = re.compile(r"哪一?天|哪一?日|何日|几月几[日号]|几号")
_SAME_DURATION = {"年": "年", "个月": "月", "月": "月", "天": "天", "日": "天", "小时": "小时", "周": "周", "星期": "周", "分钟": "分钟", "秒": "秒"}
_TIME_KINDS = frozenset(("year", "date", "month", "decade", "century"))
_GROWTH_RATE = re.compile(r"增|涨|升|降|减|跌|速|幅|变化|变动")
_SHORT_YEAR = re.compile(r"^(?:(?:公元前?|西元前?|前)[0-9]{1,4}|[1-9][0-9]{2,3})年$")


def _change_unit(hint: str) -> tuple[str, str] | None:
    """(unit, kind) when a change question asks it in a classifier or unit (增加了多少家,
    提高了多少万千瓦), not as a rate (几倍, 几成); else None."""
    found = _hint_quantity(hint)
    if not found or found.kind in ("percent", "multiple", "plain", "fraction", "pp") or POINTS.match(hint):
        return None
    return normalise(found.unit), found.kind


_GAP_ASKED = re.compile(r"差距|相差|差(?:了)?(?:多少|几)|还差|差额")


_SPAN_ASKED = re.compile(r"时长|时间|年限|期限|周期|寿命|工期|年龄|历时|多久")


# A price per unit (碳价一吨值多少钱, 每股多少的价格): the figure must be said per that unit
# (每吨97.49元, 97.49元/吨), not a total (累计成交额430.33亿元).
_PER_UNIT = r"(吨|公斤|千克|斤|克|升|千瓦时|度|平方米|平米|立方米|股|张|件|台|辆|部|块|片)"
_PER_ASKED = re.compile(r"(?:每|一)" + _PER_UNIT + r"[^,，。?？0-9]{0,6}?(?:多少钱|多少元|价格|价钱|售价|单价|值多少|卖多少)")


def per_unit_fit(q: Question, lead: str, after: str) -> float:
    """-1 when the question asks a price per unit (一吨…多少钱) and the figure is not
    said per that unit: 每吨 in its sentence before it (``lead``), or /吨 or 每吨 right
    after it (``after``); 0 else."""
    asked = _PER_ASKED.search(q.norm) if q.money else None
    if not asked:
        return 0.0
    unit = asked.group(1)
    return 0.0 if "每" + unit in lead or after.startswith(("/" + unit, "每" + unit)) else -1.0


def type_fit(q: Question, quantity: Quantity, role: str, after: str = "", era: str = "") -> float:
    """+1 when the figure is the kind of thing asked, negative when it cannot be.
    ``era`` is a calendar era written before it (民国16年 is a year)."""
    kind, asks = quantity.kind, q.asks
    if asks in ("year", "when") and era and kind in ("duration", "year", "date"):
        return 1.0
    if asks in ("year", "when") and kind == "duration" and _SHORT_YEAR.match(normalise(quantity.text)):
        return 0.8  # "376年" is a year when a year is asked
    is_time = kind in _TIME_KINDS
    if asks in ("year", "when") and kind == "year" and quantity.high is None and quantity.value in q.years:
        return -1.0  # 1610年发现后…直到什么时候: a year the question states is not the one it asks
    if q.period and quantity.high is None and is_time:
        return 0.5  # 哪些年间 is answered by a span (1938年到1953年) before a single year
    if asks == "year":  # a date counts only when it names its year (4月21日 does not)
        if kind == "date":
            return 1.0 if quantity.date and quantity.date[0] is not None else -1.0  # 2010年10月 answers 哪一年
        return 1.0 if kind in ("year", "decade", "century") else -1.0
    if asks == "when":
        return 1.0 if is_time else 0.2 if normalise(quantity.unit) == "岁" else -1.0
    if asks == "date":
        if _DAY_ASKED.search(q.norm):  # 哪一天 is answered by a day, not by 2024年5月
            return 1.0 if kind == "date" and quantity.date and quantity.date[2] is not None else -1.0
        return 1.0 if kind == "date" else 0.3 if kind in ("year", "month") else -1.0
    if asks == "month":
        return 1.0 if kind in ("month", "date") else -1.0
    if is_time:
        return -1.0
    if kind == "category":  # 九大领域 answers 几大领域 only
        return 1.0 if q.unit_hint.startswith("大") else -1.0
    if asks == "rank":
        return 1.0 if kind in ("ordinal", "rank") else -1.0
    if kind in ("ordinal", "rank"):
        return -1.0
    pp_asked = "百分点" in q.norm or (asks == "growth" and bool(POINTS.match(q.unit_hint)))
    if asks in ("share", "growth") and _GAP_ASKED.search(q.norm):
        return 1.0 if kind == "pp" else -0.5  # 比重距15%的目标差距多少: a gap between two shares, in points
    if asks == "share":
        if kind == "pp":
            return 1.0 if pp_asked else -0.3
        if kind in ("percent", "fraction"):
            return 1.0 if role == "share" else -0.5 if role == "growth" else 0.6  # 增长5.0% is no share
        return -0.8
    if asks == "growth":
        if kind == "pp":
            return 1.0 if pp_asked else 0.2
        counted = _change_unit(q.unit_hint) if "百分" not in q.norm else None
        if counted:  # 比上年多出了多少座 asks the change in a count or a measure, not a rate
            unit, asked = counted
            if kind != asked or (kind == "count" and not (_unit_fits(unit, quantity.unit) or ("个" in (unit, normalise(quantity.unit)) and unit not in _HOUSEHOLDS))):
                return -0.5
            return 1.0 if role == "growth" else -1.0  # 个 counts anything: 净增87.4万个 answers 多少座; a level (观影人次为10.1亿人次) is no change
        if kind in ("percent", "fraction"):
            return 1.0 if role == "growth" else -0.5 if role == "share" else 0.3  # 约占86% is no growth
        if kind == "multiple":
            return 0.6
        return 0.4 if role == "growth" else -0.5
    if asks == "diff":  # only a change the text states (比2023年增加382万辆); else it is computed
        return 1.0 if role == "growth" and kind not in ("percent", "fraction", "pp", "multiple") else -1.0
    if asks == "age":
        return 1.0 if normalise(quantity.unit) == "岁" else -0.5
    if asks == "duration":
        unit = normalise(quantity.unit)
        if unit not in _SAME_DURATION:
            return -0.5
        hint = q.unit_hint[:2] if q.unit_hint[:2] in _SAME_DURATION else q.unit_hint[:1]
        return 0.6 if hint in _SAME_DURATION and _SAME_DURATION[hint] != _SAME_DURATION[unit] else 1.0  # 几日: 7天 before 一年
    # count / amount / other figures
    if normalise(quantity.text)[:1] in ("万", "亿"):
        return -1.0  # 突破万亿元大关: a round mark, no figure (a number needs its numeral: 一万亿元)
    if kind == "duration" and normalise(quantity.unit) == "年" and asks in ("amount", "count") and not q.unit_hint and not _SPAN_ASKED.search(q.norm):
        return -1.0  # 装机量多少 is not answered by 连续12年 (飞行时长, 周期 ask a span)
    if quantity.value == 1 and normalise(quantity.text).startswith("一") and asks in ("amount", "count", "other"):
        return -0.5  # 一 + classifier is the indefinite article (其中一种, 一座), rarely the figure asked
    if asks == "amount" and kind == "count" and normalise(quantity.text)[:1] in "两二三" and not q.unit_hint:
        return -0.5  # 两个转变 counts things in prose; 规模能达到多少 asks a measured amount
    if q.rate and kind not in ("percent", "fraction", "pp", "money", "multiple"):
        return -1.0  # 为期五年的反补贴税 gives no 税率; 6英寸产品 no 国产化率
    if kind in ("percent", "fraction") and q.rate:
        if role == "growth" and not _GROWTH_RATE.search(q.metric):
            return -0.5  # 同比增长14.6% is no 自给率: a growth rate answers only a rate of change
        return 1.0 if q.metric.endswith("率") else 0.6  # 利润率 4.3%; 关税 100% (a tax may be an amount too)
    if role == "growth" and asks in ("amount", "count") and not _CHANGE_ASKED.search(q.norm):
        return -0.5  # 比上年底增加约91万架 is a change; 总共有多少架 asks the level
    if _PERSONS_ASKED.search(q.unit_hint) and asks in ("amount", "count", "other"):
        unit = normalise(quantity.unit)  # 多少人/多少从业人员 count people: not 217.7万架 nor 2.53万亿元
        if unit in _PERSON_UNITS:
            return 1.0 if _unit_fits(q.unit_hint, unit) else 0.6
        return 0.1 if kind == "plain" else -1.0
    wanted = hint_unit(q.unit_hint)
    if q.money and asks in ("amount", "count", "other"):
        if wanted and wanted[1] == "money" and (wanted[0] != "元" or "人民币" in q.unit_hint) and normalise(quantity.unit) != wanted[0]:
            return -1.0  # 按人民币计 is not answered in 美元
        return 1.0 if kind == "money" else -1.0
    if pp_asked:
        return 1.0 if kind == "pp" else -0.5
    if "%" in q.norm or "百分之" in q.norm:
        return 1.0 if kind == "percent" else -0.5
    if _times_apart(q.unit_hint, quantity.unit):
        return -1.0  # 飞了多少架次 counts flights, not the 217.7万架 registered
    if _unit_fits(q.unit_hint, quantity.unit) and (not wanted or quantity.kind == wanted[1]):
        return 1.0  # 千瓦 is no fit for 千瓦时: a power is not an energy
    dimension = _dimension_asked(q.norm)
    if dimension:  # 多远/多长 ask a length, 面积 an area, 多重 a mass
        return 1.0 if kind == dimension else -1.0
    if measure_word(q, quantity, after):
        return 0.8  # 多少步 -> "80步": a measure word the number parser does not know
    if wanted:  # a measurement was asked in a unit: another kind cannot answer
        return 0.8 if quantity.kind == wanted[1] else -1.0
    if kind in ("percent", "pp"):
        return -0.6 if role in ("share", "growth") else -0.3
    if asks == "count":
        return 0.4 if kind == "count" else 0.1 if kind == "plain" else -0.2  # 1.25亿视杆细胞: a bare count
    return 0.3 if quantity.unit else 0.0


def _without(clause: str, qn: Quantity, offset: int) -> str:
    """The clause with the figure itself blanked (a year asked about is not its own context)."""
    a, b = qn.start - offset, qn.end - offset
    return clause[:a] + " " * (b - a) + clause[b:]


# a change since a time up to now (从2023年初的高点到现在跌了多少): that time is what it is against
_SINCE_THEN = re.compile(r"(?:从|自)[0-9]{4}年[^,，。?？]{0,12}?(?:到|至)(?:现在|目前|今天|如今|今)|(?:从|自)[0-9]{4}年[^,，。?？]{0,12}?(?:以来|算起|起算)")


@functools.lru_cache(maxsize=1024)
def _dated_apart_from_against(norm: str) -> bool:
    """The question names a year besides the one it compares with (2024年…比2023年多了多少;
    not 从2023年初到现在跌了多少, 从2023年初的高点算起跌了多少)."""
    return bool(YEAR.search(AGAINST.sub(" ", _SINCE_THEN.sub(" ", norm))))


_LATER_TIME = re.compile(r"^[^，,；;]*[，,；;]")  # the figure's clause ends before the sentence does


def time_fit(q: Question, clause_norm: str, sentence_norm: str, before_norm: str, context: str = "", lead: str | None = None) -> float:
    """+0.5 when the figure's clause (else its sentence) names the question's year; -1
    when it names other years only, or names none and the last year named before it
    is another, or no year is named before it and its passage (``context``) never
    names the question's year."""
    if not q.years:
        return 0.0
    if _dated_apart_from_against(q.norm):  # 比2023年增加382万辆 is no 2023 figure (unless 2023 is all the question dates)
        clause_norm, sentence_norm = AGAINST.sub(" ", clause_norm), AGAINST.sub(" ", sentence_norm)
    in_clause = {int(y) for y in YEAR.findall(clause_norm)}
    if in_clause:
        return 0.5 if in_clause & set(q.years) else -1.0
    years_here = {int(y) for y in YEAR.findall(sentence_norm)}
    if lead is not None and q.asks not in TIME_ASKS and years_here and not YEAR.search(lead) and _LATER_TIME.search(sentence_norm[len(lead):]):
        years_here = set()  # …合计装机达到14.07亿千瓦，提前6年实现了…2030年…目标: later years date later clauses
    if not years_here:
        before = YEAR.findall(before_norm)
        years_here = {int(before[-1])} if before else set()
        if not years_here:  # no year before it either: the passage must name the year somewhere
            return 0.0 if any(str(y) in context for y in q.years) else -1.0
        if not any(y in years_here for y in q.years):
            return -1.0
        return 0.5 if sentence_norm.lstrip().startswith("其中") else 0.25  # a 其中 sentence continues the one before
    if any(y in years_here for y in q.years):
        if lead is not None and q.asks not in TIME_ASKS and YEAR.search(lead) and not {int(y) for y in YEAR.findall(lead)} & set(q.years):
            return -1.0  # 截至2024年底…达7376万千瓦，是2023年底的两倍多: dated before it, compared after
        return 0.5
    return -1.0


_OWN_YEAR = re.compile(r"([0-9]{4})年(?:底|末|初)?的?(?:约|近|超过|逾)?\s*$")


def own_year_fit(q: Question, before: str) -> float:
    """For a figure written right after its own year (由2020年的7.8%提高到2023年的10.0%):
    +0.5 when that is the question's year, -1 when another; 0 when it has none (see
    time_fit)."""
    own = _OWN_YEAR.search(before)
    if not q.years or not own:
        return 0.0
    return 0.5 if int(own.group(1)) in q.years else -1.0


_ONE_MONTH = re.compile(r"单月|当月")


_PART_OF_YEAR = re.compile(r"(?<![0-9])1\s*[-—~至到]\s*(?:[1-9]|1[01])月|一至[一二三四五六七八九十]+月|上半年|前三季度|[一二三]季度|前[0-9一二三四五六七八九十]+个月")


def month_fit(q: Question, clause_norm: str, sentence_norm: str) -> float:
    """For a question naming a month (12月单月销量): +0.5 when the figure's clause or
    sentence names it, -1 when it names another single month or none (a figure for the
    year does not answer for a month; one at the year's end answers 截至12月底). For a
    question naming a year and no month: -1 when the figure's clause is a single month's
    (单月, 当月), or, when the question says 全年, when its sentence gives a part of the
    year (1-6月, 上半年, 前三季度)."""
    if not q.months:
        if "全年" in q.norm and _PART_OF_YEAR.search(sentence_norm):
            return -1.0  # 2025年全年卖了多少 is not answered by 2025年1-6月
        return -1.0 if q.years and _ONE_MONTH.search(clause_norm) else 0.0  # 12月单月销量 is no yearly figure
    for text in (clause_norm, sentence_norm):
        named = set(months_of(text))
        if named & set(q.months):
            return 0.5
        if named:
            return -1.0
    return 0.0 if q.months == (12,) and _DECEMBER_END.search(q.norm) else -1.0


_DECEMBER_END = re.compile(r"12月份?[底末]")


# --- 分别 alignment ---------------------------------------------------------------

def _items_before(norm: str, clause_start: int, pos: int) -> list[str]:
    """The enumerated items before 分别 (positions clause_start..pos), e.g.
    "产销" -> ["产", "销"], "纯电动和插混汽车" -> ["纯电动", "插混汽车"]."""
    seg = norm[clause_start:pos].strip()
    parts = [p for p in _ITEM_SPLIT.split(seg) if p]
    if len(parts) >= 2:
        return parts
    if not parts:
        return []
    # a two-character compound of one-character abbreviations at the end: 产销 -> 产, 销
    last = words(parts[0])[-1:] or [""]
    return list(last[0]) if len(last[0]) == 2 and all("\u4e00" <= c <= "\u9fff" for c in last[0]) else []


def _items_after(norm: str, start: int, end: int) -> list[str]:
    """The enumerated items between 分别 and its first figure (增速分别高出工业、高技术制造业
    6.0和2.9个百分点 -> 工业, 高技术制造业): the verb before the first item is dropped."""
    seg = re.split(r"[，,；;：:]", norm[start:end])[0].strip()
    parts = [p for p in re.split(r"、|以及|和|与|及", seg) if p]  # not 同 (同期) or 跟
    if len(parts) < 2:
        return []
    first = words(parts[0])
    parts[0] = "".join(first[1:]) or parts[0]
    parts[-1] = parts[-1].removesuffix("的") or parts[-1]
    return parts


def _items_following(norm: str, end: int, n: int) -> list[str]:
    """The items named after the figures, behind a verb with 了 (分别于6月13日和18日签订了
    《中俄天津条约》和《中美天津条约》): as many as figures, else []."""
    seg = re.split(r"[，,；;。]", norm[end:])[0]
    m = re.match(r"\s*[\u4e00-\u9fff]{1,4}了(.+)", seg)
    parts = [p.strip() for p in re.split(r"、|以及|和|与|及", m.group(1)) if p.strip()] if m else []
    return parts if n >= 2 and len(parts) == n else []


_ITEM_SCOPE = frozenset("全国 全省 全市 全县 全区 全球 全世界 我国 本省 本市".split())


def _bare(items: list[str]) -> list[str]:
    """Enumerated items without the scope before the first (全国多晶硅 -> 多晶硅) and the
    statistical measure after the last, which belongs to them all (组件产量 -> 组件)."""
    if len(items) < 2:
        return items
    out = list(items)
    first, last = words(out[0]), words(out[-1])
    if len(first) > 1 and first[0] in _ITEM_SCOPE:
        out[0] = "".join(first[1:])
    if len(last) > 1 and _MEASURE.search(last[-1]) and not any(i.endswith(last[-1]) for i in out[:-1]):
        out[-1] = "".join(last[:-1])
    return out


def _distinct(items: list[str]) -> list[str]:
    """Strip the common prefix and suffix of enumerated items."""
    if len(items) < 2:
        return items
    pre = 0
    while all(len(i) > pre for i in items) and len({i[pre] for i in items}) == 1:
        pre += 1
    suf = 0
    while all(len(i) > pre + suf for i in items) and len({i[-1 - suf] for i in items}) == 1:
        suf += 1
    return [i[pre : len(i) - suf] or i for i in items]


_BACK_COUNT = re.compile(r"([两二三四五六七八九])(?:大|者|项|个|类|种)")


def _items_back(norm: str, s: int, head: str) -> list[str]:
    """Items named in the sentence before, for a 分别 whose clause counts them back
    (三大指标…分别占55.7%、74.1%和63.1% after 完工量…；新接订单量…；手持订单量…): the
    words before the first figure of each of the last N clauses of that sentence that
    hold one; [] when the clause does not start with such a count or the sentence has
    fewer."""
    m = _BACK_COUNT.search(head)
    if not m or m.start() > 4:  # the count must lead its clause: 三大指标…, 两者…
        return []
    n = "一二三四五六七八九".find(m.group(1)) + 1 or 2  # 两 is 2
    prev = norm[:s].rstrip()
    start = prev.rstrip("。").rfind("。") + 1
    items = []
    for seg in re.split(r"[；;]", prev[start:]):
        figure = next((qn for qn in find_quantities(seg) if qn.kind not in _TIME_KINDS), None)
        if figure is not None:
            lead = seg[: figure.start]
            items.append(re.split(r"[，,：:]", lead)[-1].strip())
    return items[-n:] if len(items) >= n and all(items[-n:]) else []


_PERIOD = re.compile(r"(?:其中)?((?:1[5-9]|20)[0-9]{2}年?(?:\s*(?:至|到|-|—|~|～)\s*(?:(?:1[5-9]|20)[0-9]{2}|[0-9]{2})年)?)")


def _periods_before(norm: str, s: int, clause_start: int, n: int) -> list[str]:
    """The periods that lead the clauses of the sentence before a 分别 clause, when there
    are as many as figures after it (2024年至2025年免征，2026年至2027年减半征收，每辆车的
    减免税额分别不超过3万元和1.5万元): each figure is of its period."""
    periods = []
    for clause in re.split(r"[，,；;]", norm[s:clause_start]):
        clause = clause.strip()
        m = _PERIOD.match(clause)
        if m and not re.match(r"[0-9]|[底末初]?$", clause[m.end() :]):  # a period and what holds in it, not a date (2023年6月)
            periods.append(m.group(1))
    return periods if n >= 2 and len(periods) == n else []


def alignments(norm: str, s: int, e: int, quantities: list[Quantity]) -> dict[int, tuple[int, list[str]]]:
    """For figures of one sentence that follow 分别: index in ``quantities`` ->
    (position, distinct items). The items are the first found of: those between 分别 and
    its first figure (分别高出工业、高技术制造业…), those a count at the start of its clause
    refers back to (三大指标…, _items_back), the periods leading the clauses before it
    (_periods_before), those after its figures behind a verb with 了 (_items_following),
    those before it in its clause (产销分别完成…). A later 分别 with
    no list of its own reuses the last one."""
    out: dict[int, tuple[int, list[str]]] = {}
    items: list[str] = []
    for m in re.finditer("分别", norm[s:e]):
        pos = s + m.start()
        clause_start = s
        for c in _CLAUSE_SPLIT.finditer(norm, s, pos):
            clause_start = c.end()
        nxt = norm.find("分别", pos + 2, e)
        end = nxt if nxt >= 0 else e
        after = [i for i, qn in enumerate(quantities) if pos < qn.start < end]
        found = (
            (_items_after(norm, pos + 2, quantities[after[0]].start) if after else [])
            or _items_back(norm, s, norm[clause_start:pos])
            or _periods_before(norm, s, clause_start, len(after))
            or (_items_following(norm, quantities[after[-1]].end, len(after)) if after else [])
            or _items_before(norm, clause_start, pos)
        )
        if found:
            items = found if all(_PERIOD.fullmatch(x) for x in found) else _distinct(_bare(found))  # 2024年至2025年 stays whole
        if len(items) < 2:
            continue
        if len(after) >= len(items):
            for k, i in enumerate(after[: len(items)]):
                out[i] = (k, items)
    return out


def _names_item(q: Question, item: str, items: list[str]) -> bool:
    """The question names this 分别 item, itself or as a synonym of one of its terms
    (卖出去 -> 销, the item of 产销); not by a word inside a longer term (卖 of 卖到国外,
    which is an export)."""
    if item in q.norm:
        return True
    years = {int(y) for y in YEAR.findall(item)}
    if years and _PERIOD.fullmatch(item):  # a period: the question's years fall in it
        return bool(q.years) and set(q.years) <= set(range(min(years), max(years) + 1))
    whole = [t for t in q.terms if len(t) >= 2 or not any(t != u and t in u for u in q.terms)]  # 模组 of 太阳能板模组 too
    return any(item in variants(t) for t in whole)


def align_fit(q: Question, position: int, items: list[str]) -> float:
    mine = items[position]
    has_mine = _names_item(q, mine, items)
    has_other = any(_names_item(q, o, items) for k, o in enumerate(items) if k != position)
    if has_mine and has_other:  # 多晶硅、硅片、电池片四项产量中，电池片的产量: the item of the asking clause
        asking = CLAUSE_BREAK.split(q.norm.rstrip("?？!！。 "))[-1]
        said = [k for k, o in enumerate(items) if any(v in asking for v in variants(o))]
        if len(said) == 1:
            return 1.0 if said[0] == position else -1.0
    if has_mine and not has_other:
        return 1.0
    if has_other and not has_mine:
        return -1.0
    if not has_mine and not has_other:  # none named: the item whose characters the question holds (新订单 -> 新接订单)
        cover = [sum(ch in q.norm for ch in item) / len(item) if item else 0.0 for item in items]
        best = max(cover)
        if best >= SOFT_ITEM and sorted(cover)[-2] <= best - 0.25 and cover.count(best) == 1:
            return SOFT_ITEM if cover[position] == best else -SOFT_ITEM
    return 0.0


# --- candidates --------------------------------------------------------------------

def candidates(q: Question, citations: list[Citation]) -> list[Candidate]:
    out = []
    for cit in citations:
        text = cit.text
        norm = normalise(text)
        where = " ".join((normalise(cit.section), normalise(cit.title)))
        context = " ".join((norm, where))  # the passage and where it stands
        entity, subject = min(entity_fit(q, context), opening_name_fit(q, context)), subject_fit(q, context)
        batch_missing = _ordinal_missing(q.norm, context)  # a passage-level fact: once per passage, not per figure
        quantities = distribute_units(text, find_quantities(text))
        sents = sentences(text, 0, len(text))
        for si, (s, e) in enumerate(sents):
            in_sent = [i for i, qn in enumerate(quantities) if s <= qn.start < e]
            if not in_sent:
                continue
            aligned = alignments(norm, s, e, quantities)
            sentence, preceding = norm[s:e], norm[:s]
            before = norm[sents[si - 1][0] : sents[si - 1][1]] if si > 0 else ""
            quoted = quoted_fit(q, context if q.asks in TIME_ASKS else " ".join((before, sentence, where)))
            sibling, topic = min(sibling_fit(q, sentence), whole_fit(q, sentence), went_on_fit(q, sentence, before)), topic_fit(q, sentence)
            for i in in_sent:
                qn = quantities[i]
                cs, ce = _clause_span(norm, s, e, qn.start, qn.end)
                clause = norm[cs:ce]
                clause_around = _without(clause, qn, cs)  # the clause without the figure itself
                continued = _continued(norm, s, cs)  # the clause before, when this one only goes on
                align = align_fit(q, *aligned[i]) if i in aligned else 0.0
                item = aligned[i][1][aligned[i][0]] if align > 0 else ""
                lexical = _lexical(q, clause, sentence, context, before, item)
                role = _role(norm, qn.start, cs)
                metric = _metric_fit(q, clause, sentence, item, role, qn.kind)
                parts = {
                    "lexical": lexical,
                    "proximity": _proximity(q, norm, s, e, qn.start, qn.end),
                    "type": -1.0 if from_level(q, norm, qn) or norm[qn.start : qn.end].replace(" ", "") in q.given or per_unit_fit(q, norm[s : qn.start], norm[qn.end : qn.end + 4])
                    else type_fit(q, qn, role, norm[qn.end : qn.end + 2], era_before(norm, qn.start)),
                    "time": own_year_fit(q, norm[cs : qn.start]) or time_fit(q, clause_around, sentence, preceding, context, norm[s : qn.start]),
                    "align": align,
                    "metric": metric,
                    "measure": min(measure_fit(q, qn, metric, sentence), grown_fit(q, role, _level_before(quantities, i, s))),
                    "share": share_fit(q, norm, cs, qn.start) if role == "share" else 0.0,
                    "rank": -(cit.rank - 1),
                    "entity": entity,
                    "subject": subject,
                    "sibling": min(sibling, owner_fit(q, continued + clause, sentence), share_owner_fit(q, norm[s : qn.start]), among_fit(q, sentence, clause, cs - s),
                                   listed_fit(q, norm[s : qn.start], norm[qn.end : ce]), item_fit(q, sentence, qn.start - s), whole_share_fit(q, norm[s : qn.start]),
                                   subpart_fit(q, norm[cs : qn.start])),
                    "part": part_fit(q, norm[qn.end : e], norm[cs : qn.start], norm[s : qn.start]),
                    "topic": topic,
                    "quoted": -1.0 if _quotes_another(q, sentence, norm[s : qn.start]) or batch_missing else quoted,
                    "contrast": min(contrast_fit(q, continued + clause_around, _without(sentence, qn, s)),
                                    flow_fit(q, norm[cs:ce], norm[ce:e])),
                    "event": event_fit(q, _wide_clause(norm, s, e, qn.start), sentence),
                    "month": month_fit(q, clause_around, sentence),
                    "total": -1.0 if (qn.bound == "max" or _per_one(q, norm[cs : qn.start])) and asks_sum(q) else total_fit(q, norm[cs : qn.start], sentence, norm[qn.end : qn.end + 12]),
                }
                score = (
                    lexical
                    + W_PROX * parts["proximity"]
                    + W_TYPE * parts["type"]
                    + W_TIME * parts["time"]
                    + W_ALIGN * (parts["align"] if parts["type"] >= 0.3 else min(parts["align"], 0.0))  # a 分别 item of the wrong kind
                    + W_RANK * parts["rank"]
                    + W_METRIC * parts["metric"]
                    + W_SHARE * parts["share"]
                    + W_ENTITY * (parts["entity"] + parts["subject"] + parts["sibling"] + parts["part"] + parts["topic"])
                    + W_EVENT * parts["event"]
                    + W_MONTH * parts["month"]
                )
                out.append(Candidate(qn, cit, (s, e), lexical, score, parts))
    out.sort(key=lambda c: -c.score)
    return out


# Calendar eras written before a year number (民國34年, 昭和20年, 公元前221年).
_ERAS = ("公元前", "西元前", "民国", "公元", "西元", "明治", "大正", "昭和", "平成", "令和", "光绪", "宣统", "同治",
         "咸丰", "道光", "嘉庆", "乾隆", "雍正", "康熙", "顺治", "崇祯", "万历", "永乐", "洪武", "贞观", "开元", "天宝")


_BC_LEAD = frozenset("于在至到从自约及和与、，,；;。（( ")


def era_before(norm: str, start: int) -> str:
    """The era name written right before position ``start`` of a normalised text, or ""."""
    before = norm[max(0, start - 3) : start]
    era = next((era for era in _ERAS if before.endswith(era)), "")
    if not era and before.endswith("前") and (start < 2 or norm[start - 2] in _BC_LEAD):
        return "前"  # 于前108年: 前 alone is 公元前 (not 之前, 年前)
    return era


_TIME_TAIL = re.compile(
    r"(?:(?<=[初中末])期|(?<=[春夏秋冬])季|初期|早期|中期|晚期|末期|前期|后期|中叶|末叶|上旬|中旬|下旬|[初底末]|[春夏秋冬]季?|上半年|下半年)?"
    r"(?:(?:早上|上午|中午|下午|晚上|凌晨|傍晚|清晨|深夜)?[0-9]{1,2}[时点](?:[0-9]{1,2}分)?)?"
    r"(?:(?:至|到|~|-|—)(?=[0-9])(?:[0-9]{4}年代|[0-9]{1,2}世纪|(?:[0-9]{4}年)?(?:[0-9]{1,2}月)?(?:[0-9]{1,2}[日号])?))?"
    r"(?:(?<=年)期?间)?"  # 1807－1809年间, 1939年期间
)


_AGO_ASKED = re.compile(r"(?:多少|几)(?:十|百|千|万)?(?:年|个月|天|周|小时|世纪)(以前|以后|之前|之后|前|后)")
_MOST_ASKED = re.compile(r"最高|最多|最大|上限|至多|封顶")
_LEAST_ASKED = re.compile(r"最低|最少|最小|下限|至少|起码")
_START_ASKED = re.compile(r"开始|起始|始于|从(?:什么时候|何时|哪一?年)")
_RANGE_JOIN = re.compile(r"\s*(?:至|到|~|～|-|—|–)\s*")
_ASKS_END = re.compile(
    r"(?:至|到|止于|直到)(?:哪一?年|何年|西元几年|公元几年)|(?:哪一?年|何年|什么时候|何时).{0,8}(?:结束|为止|截止|终止|止|灭亡|解散|覆灭|终结|废除|撤销)"
    r"|去世|逝世|过世|病逝|卒|死亡|死于|离世"  # (1872年—1944年) after a name: birth and death
)


# A whole Chinese date around a figure, for "when" questions: a reign-era year with its
# Western year in brackets (建安二十四年（219年）, 明治43年(1910年)), perhaps after the
# emperor's temple name (高宗绍兴四年（1134年）), then a season,
# month and day in digits or Chinese numerals (秋, 六月二十二日, 五月初九).
_BRACKET_YEAR = r"\s*[（(]\s*(?:公元前?|西元前?)?[0-9]{1,4}年\s*[）)]"
_DATE_EXPRESSION = re.compile(
    r"(?:(?:(?:(?![于在至到的是为从及和与])[\u4e00-\u9fff]){1,2}[宗祖帝])?"  # a temple name: 高宗绍兴四年
    r"[\u4e00-\u9fff]{2}(?:[元一二三四五六七八九十]{1,4}|初)年" + _BRACKET_YEAR
    + r"|(?:" + "|".join(_ERAS) + r")?[0-9]{1,4}年(?:" + _BRACKET_YEAR + r")?)?"
    r"[春夏秋冬]?(?:(?:[0-9]{1,2}|[正一二三四五六七八九十]{1,3})月"
    r"(?:[0-9]{1,2}[日号]|初[一二三四五六七八九十]{1,2}|[一二三四五六七八九十廿卅]{1,3}[日号])?)?"
)


_REIGN_YEAR_BEFORE = re.compile(r"(?:(?:(?![于在至到的是为从及和与])[\u4e00-\u9fff]){1,2}[宗祖帝])?[\u4e00-\u9fff]{2}(?:[元一二三四五六七八九十]{1,4}|初)年\s*[（(]\s*$")
_BRACKET_CLOSE = re.compile(r"\s*[）)]")
_BRACKET_YEAR_RE = re.compile(_BRACKET_YEAR)
_ERA_BRACKET_AFTER = re.compile(r"\s*[（(]\s*(?:" + "|".join(_ERAS) + r")\s*[0-9元一二三四五六七八九十]{1,4}年\s*[）)]")
_WESTERN_BEFORE = re.compile(r"[0-9]{3,4}年\s*[（(]\s*$")


def date_expression(norm: str, start: int, end: int) -> tuple[int, int]:
    """The longest date expression of a normalised text that holds [start, end)."""
    best = (start, end)
    for pos in range(max(0, start - 16), start + 1):
        m = _DATE_EXPRESSION.match(norm, pos)
        if m and m.end() >= end and m.end() - pos > best[1] - best[0]:
            best = (pos, m.end())
    return best


def answer_span(q: Question, text: str, qn: Quantity) -> tuple[int, int]:
    """The part of a figure that answers the question, passage-relative: the year of a
    date when a year is asked (1897年11月1日 -> 1897年), one end of a span of years,
    its month when a month is asked (with its year, unless the question names that year),
    and an era name before a year (民國34年)."""
    start, end = qn.start, qn.end
    text_norm = normalise(text)  # same length as text
    norm = text_norm[start:end]
    if q.asks in ("year", "when") and qn.kind == "year" and qn.high is not None:
        cut = _RANGE_JOIN.search(norm)
        if cut:  # one end of 1592年至1598年: the start, unless the end is asked (至哪一年)
            start, end = (start + cut.end(), end) if _ASKS_END.search(q.norm) else (start, start + cut.start())
    elif qn.high is not None and qn.kind not in _TIME_KINDS and (cut := _RANGE_JOIN.search(norm)):
        # 价格最高到多少 of 9800日元到14800日元: the high end; 最低: the low end if it says its unit
        if _MOST_ASKED.search(q.norm):
            start += cut.end()
        elif _LEAST_ASKED.search(q.norm) and re.search(r"[^0-9.\s]", norm[: cut.start()]):
            end = start + cut.start()
    elif q.asks == "year" and qn.kind == "date" and "年" in norm:
        end = start + norm.index("年") + 1
    elif q.asks == "month" and qn.kind == "date" and "月" in norm:
        if "年" in norm[: norm.index("月")] and qn.date and qn.date[0] in q.years:
            start = start + norm.index("年") + 1  # 2011年的几月: the year is the asker's own; else it stays (2024年10月)
        end = qn.start + norm.index("月") + 1
    if q.asks in ("year", "when"):
        start -= len(era_before(text_norm, start))
    if q.asks == "year":  # 天启五年（1625年）: the reign year and its Western year in brackets
        m = _REIGN_YEAR_BEFORE.search(text_norm, max(0, start - 16), start)
        close = _BRACKET_CLOSE.match(text_norm, end)
        if m and close:
            start, end = m.start(), close.end()
        bracket = _BRACKET_YEAR_RE.match(text_norm, end)
        if bracket and qn.kind != "year":  # 崇祯四年 (an era's count) -> 崇祯四年（1631年）
            end = bracket.end()
        era = _ERA_BRACKET_AFTER.match(text_norm, end)
        if era:  # 1992年（平成4年）: the Western year with its era year
            end = era.end()
        western = _WESTERN_BEFORE.search(text_norm, max(0, start - 12), start)
        close = _BRACKET_CLOSE.match(text_norm, end)
        if western and close and text_norm.startswith(_ERAS, start):  # 平成4年 inside 1992年（平成4年）
            start, end = western.start(), close.end()
    if qn.kind not in _TIME_KINDS and text_norm[max(0, start - 2) : start] in ("摄氏", "华氏", "零下"):
        start -= 2  # 摄氏7000度, 零下40度: the scale or the sign is part of the figure
    ago = _AGO_ASKED.search(q.norm)
    if ago and text_norm.startswith(ago.group(1), end):
        end += len(ago.group(1))  # 追溯到多少年前 -> 6000年前
    end += len(measure_word(q, qn, text_norm[end : end + 2]))
    unit = normalise(qn.unit)
    split = re.match(r"[0-9]{1,2}(?![0-9.])", text_norm[end:]) if unit in ("秒", "分") else None
    if split:
        end += split.end()  # 12秒87: a time in seconds and hundredths
    score = re.match(r"\s*[0-9]+", text_norm[end:]) if text_norm[end - 1 : end] == "比" else None
    if score:  # 以多少比数输给 -> 1比3, not 1比
        end += score.end()
    if qn.kind == "category" and q.unit_hint[1:] and text_norm.startswith(q.unit_hint[1:], end):
        end += len(q.unit_hint) - 1  # 九大 + 领域 when 几大领域 is asked
    if text_norm.startswith("/", end) and qn.kind not in _TIME_KINDS and not (hint_unit(q.unit_hint) or _dimension_asked(q.norm)):
        paired = find_quantities(text[end + 1 : end + 40])
        if paired and paired[0].start == 0 and paired[0].kind not in _TIME_KINDS:
            end += 1 + paired[0].end  # 7376万千瓦/1.68亿千瓦时: a rating stated as a pair (unless one measure is asked)
    if q.asks == "when":
        start, end = date_expression(text_norm, start, end)
        m = _TIME_TAIL.match(text_norm, end, end + 40)
        if m:  # a period, a time of day or the other end of a span: 1901年晚期, …日18时, …至23日, 1807－1809年间
            end = m.end()
        cut = _RANGE_JOIN.search(text_norm, start, end)
        if cut and _ASKS_END.search(q.norm):
            start = cut.end()  # 何时灭亡 of 1949年到1990年: the end
        elif cut and _START_ASKED.search(q.norm):
            end = cut.start()  # 何时开始签定 of 2007年10月2日至4日, 从什么时候到1949年 of 1912年至1949年间: the start
        for period in ("世纪", "年代"):  # 哪一个世纪 asks the century of 19世纪30年代
            cut = text_norm.find(period, start, end)
            if period in q.norm and cut >= 0 and re.search(r"[0-9]", text_norm[cut + len(period) : end]):
                end = cut + len(period)
    return start, end


def _quantity_answer(q: Question, c: Candidate) -> dict[str, Any]:
    qn = c.quantity
    s, e = c.sentence
    a, b = answer_span(q, c.citation.text, qn)
    span = c.citation.text[a:b]
    value, high = qn.value, qn.high
    if high is not None and b - a < qn.end - qn.start:  # one end of a span was asked
        value, high = (high if a > qn.start else value), None
    if normalise(span).startswith("零下") and value is not None:
        value, high = -value, (-high if high is not None else None)  # 零下40度 is -40
    return {
        "type": q.asks,
        "text": to_script(span, q.script),
        "source_text": span,
        "value": value,
        "high": high,
        "unit": to_script(qn.unit, q.script),
        "kind": qn.kind,
        "qualifier": to_script(qn.qualifier, q.script),
        "sentence": c.citation.text[s:e],
        "doc": c.citation.doc,
        "start": c.citation.start + a,
        "end": c.citation.start + b,
        "citation": c.citation.rank,
        "score": round(c.score, 4),
        "computed": False,
    }


def acceptable(c: Candidate) -> bool:
    p = c.parts
    return c.lexical >= MIN_LEXICAL and c.score >= MIN_SCORE and min(p["type"], p["align"], p["time"], p["entity"], p["subject"], p["sibling"], p["part"], p["topic"], p["contrast"], p["measure"], p["month"], p["total"], p["quoted"]) >= 0


def answer_figure(q: Question, citations: list[Citation]) -> tuple[dict[str, Any] | None, Candidate | None]:
    cands = candidates(q, citations)
    if not cands:
        return None, None
    best = next((c for c in cands if acceptable(c)), None)
    if best is None:
        return None, cands[0]
    best = _with_year(best, cands) if q.asks in TIME_ASKS and not re.search(r"几月几|哪月哪", q.norm) else best  # 几月几日 asks no year
    return _quantity_answer(q, best), best


def _with_year(best: Candidate, cands: list[Candidate]) -> Candidate:
    """The same day with its year (1941年12月7日) for a day the best figure gives without
    one (12月7日), when another acceptable figure states it."""
    date = best.quantity.date
    if best.quantity.kind != "date" or not date or date[0] is not None or date[1] is None:
        return best
    return next((c for c in cands if acceptable(c) and c.quantity.kind == "date" and c.quantity.date
                 and c.quantity.date[0] is not None and c.quantity.date[1:] == date[1:]), best)


# --- fact answers --------------------------------------------------------------------

_WHICH = re.compile(r"哪(?:一|个|些|项|种|类|家)|什么")


def _clip(text: str, s: int, e: int, q: Question) -> tuple[int, int]:
    """Shorten a long sentence to the clause window holding most question terms."""
    if e - s <= FACT_MAX_CHARS:
        return s, e
    norm = normalise(text)
    bounds = [s] + [m.end() for m in _CLAUSE_SPLIT.finditer(norm, s, e)] + [e]
    which = bool(_WHICH.search(q.norm))
    best, best_score = (s, min(e, s + FACT_MAX_CHARS)), (False, -1.0)
    for i in range(len(bounds) - 1):
        for j in range(i + 1, len(bounds)):
            a, b = bounds[i], bounds[j]
            if b - a > FACT_MAX_CHARS:
                break
            # 多出来的是哪一个: a window holding a name the text quotes and the question does
            # not (新增「数字创意产业」) first, then the one holding most question terms
            named = which and any(m.group()[0] != "《" and m.group(1) not in q.norm for m in QUOTED.finditer(norm, a, b))  # a name, not a title
            sc = (named, sum(term_weight(t) for t in q.terms if t in norm[a:b]))
            if sc > best_score:
                best, best_score = (a, b), sc
    return best


_WHERE = re.compile(r"哪里|哪儿|何处|何地|在哪|地址|位置|什么地方|哪个地方")
_PLACE = re.compile(r"(?:位于|坐落于|坐落在|地处|地址为|地址是|地址:|设于|设在|总部位于|总部设在)\s*([^，。；,;：:（）()]+)")


def _place(text: str, s: int, e: int) -> tuple[int, int] | None:
    """For a "where" question: the place named after 位于/坐落于/地址为 … in the sentence."""
    m = _PLACE.search(normalise(text), s, e)
    return (m.start(1), m.end(1)) if m else None


# The question word a fact question puts where its answer stands (not why/how: those
# are answered by their clause).
_WH = re.compile(r"哪(?:一?(?:个|些|条|座|家|位|种|类|项|国|所|只|支|部|本|款|场|次|年|天|段)|里|儿)?|什么|谁|何(?:处|种|人|地)?")
_NOT_SPAN = re.compile(r"为什么|为何|怎样|怎么|如何|什么样|何以")
_COPULA = ("是", "为", "叫", "叫做", "称为", "即")
_SPAN_STOP = re.compile(r"[，。；;,！？!?：:（(]")
_SPAN_MAX = 40


def _anchor(parts: list[str], text: str, lo: int, hi: int, suffix: bool) -> tuple[int, int] | None:
    """Where the longest run of question words next to the question word stands in
    text[lo:hi]: a suffix of the words before it (suffix=True) or a prefix of those after."""
    for n in range(min(3, len(parts)), 0, -1):
        run = "".join(parts[-n:] if suffix else parts[:n])
        if len(run) < 2:
            continue
        i = text.rfind(run, lo, hi) if suffix else text.find(run, lo, hi)
        if i >= 0:
            return i, i + len(run)
    return None


def _kind_noun(after: str) -> bool:
    """Does the text after a question word start with a noun (哪个[产业], 什么[赛制])?"""
    first = tagged(after[:8])[:1]
    return bool(first) and first[0][1].startswith("n") and len(first[0][0]) <= 3


def fact_span(q: Question, text: str, s: int, e: int) -> tuple[int, int] | None:
    """The words of a sentence that stand where the question word stands in the
    question: 西土城站是哪条线路的车站 + "…，是北京地铁10号线的一个车站" -> 北京地铁10号线.
    The question's words just before its question word are found in the sentence; the
    answer runs from there to its words just after the question word (or to the end of
    the clause). None when they cannot be found or the result is not a short phrase."""
    wh = _WH.search(q.norm)
    if not wh or _NOT_SPAN.search(q.norm) or len(_WH.findall(q.norm)) > 1:  # 谁在何时何地: a sentence
        return None
    norm = normalise(text)
    before = [w for w in words(q.norm[: wh.start()]) if w not in ("了", "过", "着")]
    copula_asked = bool(before) and before[-1] in _COPULA  # X是什么: the sentence must say X是/为/：…
    left = _anchor([w for w in before if w not in _COPULA], norm, s, e, suffix=True)
    if left is None:
        return None
    start = left[1]
    # the words after the question word; the noun right after it names the answer's
    # kind (哪条线路的车站: 线路) and need not be in the sentence, so also what follows 的
    after = q.norm[wh.end() :].lstrip("的")
    tails = [after] + ([after.split("的", 1)[1]] if "的" in after[:8] else [])
    right = next(filter(None, (_anchor(words(t), norm, start, e, suffix=False) for t in tails)), None)
    if right is not None and right[0] - start <= 2 * _SPAN_MAX:
        # a noun right after the question word names the answer's kind, and is part of it
        # when the sentence has it (哪个产业 -> 数字创意产业, 哪个队 -> 费城76人队)
        end = right[1] if right[0] > start and _kind_noun(after) and norm.startswith(words(after)[0], right[0]) else right[0]
        for m in _SPAN_STOP.finditer(norm, start, end):  # the clause nearest the words after
            start = m.end()
    elif copula_asked and not re.match(r"\s*(?:是|为|即|包括|有|:)", norm[start:e]):
        return None  # "X是什么" but the sentence does not go on "X是…": the answer may stand before X
    else:
        stop = _SPAN_STOP.search(norm, start, e)
        end = stop.start() if stop else e
    while start < end and norm[start] in " 是为了在于:将把":
        start += 1
    end = start + len(re.sub(r"(?:的(?:一|两|几)?[个座条家位种所]?|[是为在])$", "", norm[start:end].rstrip()))
    for opening, closing in ("「」", "『』", "“”", "《》"):  # a quote cut by the span's end: drop its opening mark
        if start < end and norm[start] == opening and closing not in norm[start:end]:
            start += 1
    if norm[start:end].startswith("之") or norm[start:end] in ("等", "中", "里", "内", "上", "下"):
        return None  # 之一, 之中: the answer stood before the words found
    return (start, end) if 0 < end - start <= _SPAN_MAX else None


_LIST_CLASSIFIER = r"(?:个|项|类|种|家|大|款|座|条|所|位|名|样|只|支|部)?"
_WHICH_N = re.compile(r"哪([0-9]+|[两二三四五六七八九十几]+)" + _LIST_CLASSIFIER + r"([\u4e00-\u9fff]{2})")
_LIST_START = re.compile(r"[,，。;；:：]|将|把|包括|即|是|为|有|因|对")  # 杭州因A、B等六家企业而受到关注


@functools.lru_cache(maxsize=256)
def _counted(question: str) -> re.Pattern[str] | None:
    """For 哪三个行业 / 哪几类 (a normalised question): the text's own count of that noun
    (三个行业, 3个行业; any number for 几), or None when the question asks no such thing."""
    m = _WHICH_N.search(question)
    if not m:
        return None
    count, noun = m.group(1), m.group(2)
    number = r"[0-9]+|[两二三四五六七八九十]+" if count == "几" else re.escape(count) + "|" + re.escape(str(int(parse_number(count) or 0)))
    return re.compile(r"(?:" + number + r")" + _LIST_CLASSIFIER + r"[\u4e00-\u9fff]{0,4}?" + re.escape(noun))  # 六家科技企业 counts 企业


def listed_span(counted: re.Pattern[str], norm: str, s: int, e: int) -> tuple[int, int] | None:
    """The list a sentence (``norm[s:e]``, normalised) names right before its own count
    of the asked noun (``_counted``), with that count: 将钢铁、水泥、铝冶炼三个行业纳入… ->
    钢铁、水泥、铝冶炼三个行业; 因A、B等六家科技企业而… -> A、B等六家科技企业; or None."""
    found = counted.search(norm, s, e)
    if not found:
        return None
    cut = max((x.end() for x in _LIST_START.finditer(norm, s, found.start())), default=s)
    listed = norm[cut : found.start()].strip()
    if not re.search(r"、|和|与|及", listed) or len(listed) > _SPAN_MAX:
        return None
    return norm.index(listed, cut), found.end()  # the list with its count: 钢铁、水泥、铝冶炼三个行业


_PLACE_KIND = re.compile(r"哪(?:些|几个|一个|个)?(国家|城市|省份|省|地区|地方|国|市)")


def place_list(q: Question, norm: str, s: int, e: int) -> tuple[int, int] | None:
    """For 哪些国家/哪个城市: the clause that opens with the run of place names, joined by
    、/和/及, that the question does not name itself, in a sentence (``norm[s:e]``,
    normalised): 在匈牙利、泰国、巴西等地设厂 -> 匈牙利、泰国、巴西等地设厂; or None."""
    runs: list[list[tuple[int, int]]] = [[]]
    for a, b, w, tag in spans(norm[s:e]):
        if (tag == "ns" or is_place(w)) and len(w) >= 2 and not _in(w, q.norm):
            runs[-1].append((s + a, s + b))
        elif runs[-1] and w not in ("、", "和", "及", "与", "以及"):
            runs.append([])
    runs = [r for r in runs if r]
    if not runs:
        return None

    def clause_end(at: int) -> int:
        return min((i for i in (norm.find(c, at, e) for c in "，,；;。") if i >= 0), default=e)

    def said_around(run: list[tuple[int, int]]) -> int:  # 江苏则以光伏见长，常州自称「新能源之都」: the place whose clause says the asked words
        a = max((norm.rfind(c, s, run[0][0]) for c in "，,；;"), default=-1)
        return sum(1 for t in q.terms if len(t) >= 2 and _in(t, norm[max(a, s) : clause_end(run[-1][1])]))

    best = max(runs, key=lambda r: (said_around(r), len(r)))
    return best[0][0], clause_end(best[-1][1])  # the clause the places open: 常州自称「新能源之都」


_WORD_CHARS = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")


def answer_fact(q: Question, citations: list[Citation]) -> dict[str, Any] | None:
    best = None
    counted = _counted(q.norm)
    kind = _PLACE_KIND.search(q.norm)
    if kind:
        q = dataclasses.replace(q, terms=tuple(t for t in q.terms if t != kind.group(1)))  # 哪些国家: the answer names them, not 国家
    norms = [normalise(c.text) for c in citations]
    said = " ".join(norms)  # an asker's verb no passage says weighs less
    for cit, norm in zip(citations, norms):
        text = cit.text
        quoted = quoted_fit(q, " ".join((norm, normalise(cit.section), normalise(cit.title))))  # as for a time: the passage
        for s, e in sentences(text, 0, len(text)):
            lexical = _lexical(q, norm[s:e], norm[s:e], norm + normalise(cit.section), "", said=said)
            lexical += W_TIME * time_fit(q, norm[s:e], norm[s:e], norm[:s], norm)  # the sentence of the asked year
            if counted and listed_span(counted, norm, s, e) or kind and place_list(q, norm, s, e):
                lexical += W_LISTED  # 哪几个行业: a sentence listing them before its own 三个行业; 哪些国家: one naming places
            if q.quoted and all(_in(t, norm[s:e]) for t in q.quoted):
                lexical += W_LISTED  # 「杭州六小龙」是哪六家: the sentence that says the quoted name is about it
            if quoted or _quotes_another(q, norm[s:e], norm[s:e]):
                lexical -= W_ENTITY  # 「十四五」 asked, only 《「十二五」…规划》 said: another's fact
            score = lexical - W_RANK * (cit.rank - 1)
            if best is None or score > best[0]:
                best = (score, lexical, cit, norm, s, e)
    if best is None or best[1] < MIN_FACT_LEXICAL:
        return None
    _, lexical, cit, norm, s, e = best
    listed = listed_span(counted, norm, s, e) if counted else place_list(q, norm, s, e) if kind else None
    span = (_WHERE.search(q.norm) and _place(cit.text, s, e)) or listed or fact_span(q, cit.text, s, e)
    if span and len(_WORD_CHARS.findall(cit.text[span[0] : span[1]])) < 2:
        span = None  # a stray mark (》) is no answer: the sentence is
    s, e = _clip(cit.text, s, e, q)
    a, b = span or (s, e)
    return {
        "type": "fact",
        "text": to_script(cit.text[a:b], q.script),
        "source_text": cit.text[a:b],
        "sentence": cit.text[s:e],
        "doc": cit.doc,
        "start": cit.start + a,
        "end": cit.start + b,
        "citation": cit.rank,
        "score": round(best[0], 4),
        "computed": False,
    }


# --- computed answers ------------------------------------------------------------------

_COMPUTE_SPLIT = re.compile(r"^(?P<left>.+?)(?:比|较|相比|与|(?:约|大约|大概)?(?:是|为|相当于))(?P<right>.+?)(?:多|少|高|低|大|小|增加|减少|上涨|下跌|涨|跌|的)")


_REMAINDER_SPLIT = re.compile(r"^(?P<left>.+?)(?:扣掉|扣除|除去|去掉|减去|减掉|刨去|刨掉|刨除)(?P<right>[^,，]+?)(?:以后|之后|后)?[,，]?(?:剩下|还剩|剩余|余下)")  # A扣掉B，剩下多少: A − B
_MINUS_SPLIT = re.compile(r"(?:^|[,，:：])用(?P<left>[^,，:：]+?)(?:减去|减掉)(?P<right>[^,，]+?)[,，]")  # 用A减去B，…是多少: A − B
_RATIO_SPLIT = re.compile(r"^(?P<left>.+?)(?:约|大约|大概)?(?:是|为|相当于)(?P<right>.+)的(?:几|多少)倍")  # B may hold a 的 of its own
_SHARE_SPLIT = re.compile(
    r"^(?P<left>.+?)(?:约|大约|大概)?(?:占|相当于)了?(?P<right>.*?)的?(?:多大的?)?(?:比例|比重|份额|百分之几|百分之多少|多少|几成)"
)


_OWN_TIME = re.compile(r"首日|首年|首月|首周|当初|起初|之初|初期|刚开始|开始时|成立时|上线时|启动时")  # B says its own time: no A's year
_IN_WHOLE = re.compile(r"(?P<part>.+?)在(?P<whole>[^,，]+?)(?:里面|里头|当中|之中|里|中)")
_PART_INSIDE = re.compile(r"(?P<whole>.+(?<![当之]))(?:里面|里头|当中|之中|里|中)[,，]?(?P<part>[^,，]+)")
_LEAD_YEAR = re.compile(r"^(?:截至|截止|到)?[0-9]{4}年(?:[0-9]{1,2}月)?(?:底|末)?")
_STOCK_TIME = re.compile(r"(?:截至|截止|到)?[0-9]{4}年(?:[0-9]{1,2}月)?(?:底|末)")


def _time_of(left: str, qa: Question) -> str:
    """A's time for B: as A says it when it is a point in time (截至2024年底: a stock, not
    the year's flow), else A's years."""
    m = _STOCK_TIME.search(left)
    return m.group() if m else "".join(f"{y}年" for y in qa.years)


_MARGINS = variants("利润率")  # 利润率, 获利率, 盈利率: profit over revenue


def asks_margin(q: Question) -> bool:
    return q.metric in _MARGINS


def margin_questions(q: Question) -> tuple[Question, Question] | None:
    """A profit margin asked (医药制造业的利润率大概多少) as its two figures: the profit and
    the revenue of what the question names, at its time (利润率 is 利润 ÷ 营业收入)."""
    clause = next((c for c in CLAUSE_BREAK.split(q.norm) if q.metric in c), "")
    lead = clause[: clause.find(q.metric)] if clause else ""
    if not lead.strip("的 "):
        return None
    if q.years and not YEAR.search(lead):
        lead = f"{q.years[0]}年" + lead  # 如果用2024年的利润总额除以业务收入，软件业的利润率: the year said before
    profit, revenue = (dataclasses.replace(analyse(lead + measure + "是多少"), script=q.script) for measure in ("利润", "营业收入"))
    return profit, revenue


def sub_questions(q: Question) -> tuple[Question, Question] | None:
    """Split "A比B多多少" / "A是B的几倍" / "A占B的比例" into two figure questions. B
    inherits from A what it does not say itself: "2024年产量比2023年多多少" -> 2023年
    产量; "产量比销量多多少" -> 2024年…销量 (A's year and subject, B's metric). A profit
    margin asked is its profit and revenue."""
    if asks_margin(q):
        return margin_questions(q)
    m = (_SHARE_SPLIT if q.asks == "share" else _RATIO_SPLIT if q.asks == "ratio" else _COMPUTE_SPLIT).match(q.norm) or (
        (_REMAINDER_SPLIT.match(q.norm) or _MINUS_SPLIT.search(q.norm)) if q.asks == "diff" else None)
    if not m:
        return None
    left, right = m.group("left").rstrip(",，"), m.group("right")
    inside = _PART_INSIDE.fullmatch(left) if q.asks == "share" and re.fullmatch(f"(?:{GENERIC_WHOLE})?", right.strip("的 ")) else None
    within = _IN_WHOLE.fullmatch(left) if q.asks == "share" and not right.strip("的 ") else None
    if inside:  # 2024年生产的手机中,智能手机占的比例: the whole before 中, the part after it, at the whole's time
        whole = inside.group("whole")
        left, right = _time_of(whole, analyse(whole + "是多少")) + inside.group("part"), whole
    elif within:  # 风电新增装机在全部可再生能源新增装机里占多少: the part before 在, the whole after it
        left, right = within.group("part"), within.group("whole")
    elif not right.strip("的 "):
        return None  # 占百分之多少 with no whole named before or after
    verb = MORE_VERB.search(q.norm)  # 比2023年多卖了多少辆: each operand asks 卖了多少辆
    tail = verb.group(1) + "了多少" + q.unit_hint if verb else "是多少"
    head = re.fullmatch(r".*的([\u4e00-\u9fff]{1,6})", left)
    said = analyse(right + "是多少")  # what B itself says
    elided = bool(head) and q.asks != "share" and q.norm.startswith("的", m.end("right"))  # 占业务收入的百分之多少: the share's 的
    if elided and q.asks == "ratio" and said.terms:
        elided = False  # 是新装的风力发电的多少倍: B names its own noun; the 的 is that of 的几倍
    if elided:  # 进口的芯片比国内造的多: B's 的 stands for A's noun, 芯片; B says its own subject
        right += "的" + head.group(1)
        said = analyse(right + "是多少")
    qa = analyse(left + tail)
    qb = said if tail == "是多少" else analyse(right + tail)
    if not said.terms and said.years:  # B is only another time: A's words at B's time
        qb = analyse(YEAR.sub(str(said.years[0]), left, count=1) + tail)
    elif len(said.terms) <= 1:  # B names only a metric: A's time and subject, B's metric
        years = "" if qb.years or _OWN_TIME.search(right) else _time_of(left, qa)
        own = bool(said.terms) and len(said.terms[0]) > len(qa.metric) > 0 and said.terms[0].endswith(qa.metric)
        # 新能源汽车产量占汽车产量: B's word names its own subject (汽车) before A's metric; it keeps A's places only
        subject = "".join(t for t in qa.terms if t != qa.metric and t not in qb.terms and (not own or is_place(t)))
        qb = analyse(years + subject + right + tail)
    elif qa.years and not qb.years and not _OWN_TIME.search(right):
        qb = analyse(_time_of(left, qa) + right + tail)
    inherited = [t for t in qa.terms if t != qa.metric and len(t) >= 2 and not _in(t, qb.norm) and not _in(t, "上半年下半年全年当年")]
    if qa.subject and qa.subject in inherited:
        inherited = [qa.subject]  # 集成电路进口数量比国内产量: B is 国内集成电路产量, not 国内集成电路进口产量
    if inherited and qb.metric and not qb.subject and not elided and not any(_in(t, qb.norm) for t in qa.terms if t != qa.metric):
        # B names none of A's words but its metric (2024年全年产量): A's subject is meant
        qb = analyse(right.replace(qb.metric, "".join(inherited) + qb.metric, 1) + tail)
    if _LEAD_YEAR.sub("", qb.norm, count=1) != normalise(right + tail):
        qb = dataclasses.replace(qb, subject="")  # words put together here, not a compound the user wrote (a time put before is none)
    return dataclasses.replace(qa, script=q.script), dataclasses.replace(qb, script=q.script)  # operands shown in the question's script


def answer_computed(q: Question, citations: list[Citation]) -> dict[str, Any] | None:
    pair = sub_questions(q)
    if pair is None:
        return None
    a, ca = answer_figure(pair[0], citations)
    b, cb = answer_figure(pair[1], citations)
    if a is None or b is None or ca is None or cb is None:
        return None
    qa_, qb_ = ca.quantity, cb.quantity
    b_value = in_unit(qb_.value, qb_.unit, qa_.unit) if qa_.value is not None and qb_.value is not None else None
    if b_value is None or b_value == 0:
        return None  # no figures, or figures of different dimensions (79.82GW and 3.73亿千瓦 do convert)
    if (ca.doc_start, ca.citation.doc) == (cb.doc_start, cb.citation.doc):
        return None
    if q.asks == "ratio":
        value, unit, op = qa_.value / b_value, "倍", "÷"
        text = f"{value:.2f}".rstrip("0").rstrip(".") + "倍"
    elif q.asks == "share":
        value, unit, op = 100 * qa_.value / b_value, "%", "÷"
        if not 0 < value <= 100:
            return None  # a part is not larger than its whole
        text = f"{value:.1f}%"
    else:
        value, unit, op = float(f"{abs(qa_.value - b_value):.12g}"), qa_.unit, "−"  # 97.49 − 48 is 49.49, not 49.489999999999995
        text = format_value(value, qa_.unit, script=q.script)
        if qa_.value < b_value:
            a, b = b, a  # the formula shows the larger less the smaller
    return {
        "type": q.asks,
        "text": to_script(text, q.script),
        "value": value,
        "unit": to_script(unit, q.script),
        "computed": True,
        "formula": f"{a['text']} {op} {b['text']} = {to_script(text, q.script)}",
        "operands": [a, b],
        "citation": a["citation"],
        "score": round(min(ca.score, cb.score), 4),
    }


_WORK_OUT = re.compile(r"推算|倒推|反推|推断|推得|算出|算一下|算算|计算")  # the asker asks for a figure worked out
_AGAINST_PREVIOUS = re.compile(r"(?:比|较)(?:上年|上一年|去年|前一年)(?:末|底|同期)?|同比")
_FALL = re.compile(r"下降|减少|降低|净减|回落|下滑")
_WRITTEN = re.compile(r"[0-9]+(?:\.([0-9]+))?")


def _rounded_like(value: float, written: Quantity) -> float:
    """``value`` rounded to the decimals of the figure it was worked out from (1286.6万辆: one
    decimal of 万)."""
    m = _WRITTEN.search(normalise(written.text))
    if not m or not written.value:
        return value
    scale = written.value / float(m.group())
    return round(value / scale, len(m.group(1) or "")) * scale


def answer_previous(q: Question, citations: list[Citation]) -> dict[str, Any] | None:
    """A level a year before the text's, worked out when the asker asks for it (根据文中数据推算，
    2023年末5G基站总数是多少): the next year's level less the change the text states against
    the year before (425.1万个，比上年末净增87.4万个 -> 337.7万个), or divided by one plus the
    growth rate (1286.6万辆，同比增长35.5% -> 约949.5万辆)."""
    if not (_WORK_OUT.search(q.norm) and len(q.years) == 1 and q.asks in ("amount", "count")):
        return None
    year = q.years[0]
    asking = next((c for c in CLAUSE_BREAK.split(q.norm) if _ASKING.search(c) and f"{year}年" in c), "")
    cue = list(_WORK_OUT.finditer(asking))
    asking = asking[cue[-1].end() :] if cue else asking  # only what is asked: 推算2023年末基站有多少 -> 2023年末基站有多少
    if not asking:
        return None
    later = dataclasses.replace(analyse(asking.replace(f"{year}年", f"{year + 1}年", 1) + "?"), script=q.script)
    level, best = answer_figure(later, citations)
    if level is None or best is None or best.quantity.value is None:
        return None
    text, (s, e) = best.citation.text, best.sentence
    norm = normalise(text)
    after = [qn for qn in distribute_units(text, find_quantities(text)) if best.quantity.end <= qn.start < e]
    change = next((qn for qn in after if _role(norm, qn.start, _clause_span(norm, s, e, qn.start, qn.end)[0]) == "growth"), None)
    lead = norm[best.quantity.end : change.start] if change else ""
    if change is None or change.value is None or not _AGAINST_PREVIOUS.search(lead):
        return None  # no change stated against the year before
    sign = -1 if _FALL.search(lead) else 1
    was, change_text = best.quantity.value, to_script(change.text, q.script)
    if change.kind == "percent":
        value = _rounded_like(was / (1 + sign * change.value / 100), best.quantity)
        shown = f"{level['text']} ÷ (1 {'+' if sign > 0 else '−'} {change_text})"
    elif normalise(change.unit) == normalise(best.quantity.unit):
        value = float(f"{was - sign * change.value:.12g}")
        shown = f"{level['text']} {'−' if sign > 0 else '+'} {change_text}"
    else:
        return None
    if value <= 0:
        return None
    text_value = ("约" if change.kind == "percent" else "") + format_value(value, best.quantity.unit, script=q.script)
    text_value = to_script(text_value, q.script)
    changed = _quantity_answer(dataclasses.replace(q, asks="growth"), Candidate(change, best.citation, best.sentence, score=best.score))
    return {
        "type": q.asks,
        "text": text_value,
        "value": value,
        "unit": to_script(best.quantity.unit, q.script),
        "computed": True,
        "formula": f"{shown} = {text_value}",
        "operands": [level, changed],
        "citation": level["citation"],
        "score": level["score"],
    }


NOT_FOUND = "not in the corpus: no passage states this"


_CHANGED_BY = re.compile(r"(?:增长|增加|上升|提高|下降|减少)了?(?:大约|约|大概)?多少")


def _found(got: dict[str, Any] | None) -> tuple[dict[str, Any] | None, str | None]:
    return (got, None) if got else (None, NOT_FOUND + " (needs two figures that were not both found)")


_ASKING = re.compile(r"多少|几|哪|什么|何|谁|多[大高长重远久]|吗|是否|百分之")
_ASIDE = re.compile(r"我|你|您|咱|老朽|老夫|本人|在下|俺")  # a clause about the asker: 老朽退休前在铁路系统干了一辈子


def without_asides(q: Question, passages: list[str]) -> Question:
    """The question without the words of its asides that no passage says: a clause that
    talks about the asker (我年轻时常听同事说起…) or follows the asking clause (…烦请指教)
    is talk, and its words would only dilute the agreement of the words asked about, or
    tip it when they repeat part of a word asked about (铁路 of 铁路系统 beside 高速铁路)."""
    clauses = [c for c in CLAUSE_BREAK.split(q.norm) if c.strip()]
    at = next((k for k, c in enumerate(clauses) if _ASKING.search(c)), None)
    if at is None or len(clauses) < 2:
        return q
    asides = " ".join(c for k, c in enumerate(clauses) if k != at and (k > at or _ASIDE.search(c)))
    if not asides:
        return q
    text = " ".join(passages)
    asked = [t for t in q.terms if t in clauses[at]]
    dropped = {t for t in q.terms if t in asides and ((t not in clauses[at] and _match(t, text) == 0) or any(t in a and t != a for a in asked))}
    return dataclasses.replace(q, terms=tuple(t for t in q.terms if t not in dropped)) if dropped else q


def with_titles(q: Question, passages: list[str]) -> Question:
    """The question with the titles it names without marks (黑神话悟空) that the passages
    put in 《》 (《黑神话：悟空》) among its quoted names: a figure of a work, plan or law is
    the title's only where the title is said (quoted_fit), whether or not it was typed
    with its marks."""
    bare_q = re.sub(r"\W", "", q.norm)
    found = []
    for passage in passages:
        for m in _TITLE.finditer(passage):
            bare = re.sub(r"\W", "", m.group(1))
            if len(bare) >= 3 and bare in bare_q and m.group(1) not in q.quoted:
                found.append(m.group(1))
    return dataclasses.replace(q, quoted=q.quoted + tuple(dict.fromkeys(found))) if found else q


def answer(question: str | Question, citations: list[Citation]) -> tuple[dict[str, Any] | None, str | None]:
    """(answer, reason). The reason is set when there is no answer."""
    q = analyse(question) if isinstance(question, str) else question
    if not citations:
        return None, NOT_FOUND
    passages = [normalise(c.text) for c in citations]  # once, for both
    q = without_asides(with_titles(q, passages), passages)
    if q.asks == "ratio":  # a multiple the text states (体长为体高的31倍), else computed
        stated, best = answer_figure(q, citations)
        if stated is not None and best.quantity.kind == "multiple" and best.parts["metric"] >= 0:
            return stated, None  # a multiple of the asked measure (上涨约一倍 of a price is none of a 成交额)
    if q.asks == "diff" and AGAINST.search(q.norm):  # 比2023年多出多少辆: a change the text may state
        stated, best = answer_figure(q, citations)
        if stated is not None and best.parts["metric"] >= 0:  # the change of the asked measure, not another's
            return stated, None
    if q.computed:
        got = answer_computed(q, citations)
        if got is None and q.asks == "diff" and _CHANGED_BY.search(q.norm):  # 比2018年末增长了多少: a rate the text states answers too
            got = answer_figure(dataclasses.replace(q, asks="growth"), citations)[0]
        if got is None and q.asks == "diff" and _MINUS_SPLIT.search(q.norm):  # 用A减去B，2023年末有多少: that level itself may be read off
            plain = dataclasses.replace(q, asks="count" if q.unit_hint else "amount")
            got = answer_figure(plain, citations)[0] or answer_previous(plain, citations)
        return _found(got)
    if q.numeric:
        got, best = answer_figure(q, citations)
        got = got or answer_previous(q, citations)
        if asks_margin(q) and (got is None or got["unit"] != "%"):  # no margin stated: profit ÷ revenue
            return _found(answer_computed(dataclasses.replace(q, asks="share"), citations))
        if q.asks == "share" and q.share_base and (got is None or best.parts["share"] < SHARE_STATED):
            # no figure stated as a share of the asked whole: compute part ÷ whole
            got = answer_computed(q, citations) or got
        return (got, None) if got else (None, NOT_FOUND)
    got = answer_fact(q, citations)
    return (got, None) if got else (None, NOT_FOUND)
