"""Answer templates on hand-made passages (no model: citations are built directly)."""
import pytest

from seiqa.answer import acceptable, answer, candidates, sub_questions
from seiqa.question import analyse, restated
from seiqa.records import Citation

NEV = (
    "2024年，新能源汽車產銷分別完成1288.8萬輛和1286.6萬輛，同比分別增長34.4%和35.5%，"
    "新能源汽車新車銷量達到汽車新車總銷量的40.9%，比上年提高9.3個百分點。"
)
NEV_2023 = "2023年，新能源汽車產銷分別為958.7萬輛和949.5萬輛。"
EXPORT = "出口方面，2024年新能源汽車出口128.4萬輛，同比增長6.7%。"
FLEET = "截至2024年底，全國新能源汽車保有量達3140萬輛，占汽車總量的8.90%；其中純電動汽車保有量2209萬輛，占新能源汽車保有量的70.34%。"


def cites(*texts: str) -> list[Citation]:
    out, pos = [], 0
    for rank, t in enumerate(texts, start=1):
        out.append(Citation(rank, "doc.txt", pos, pos + len(t), t, "三、現狀 › 3、新能源汽車", 1.0))
        pos += len(t) + 1
    return out


def ask(question: str, *texts: str):
    got, reason = answer(question, cites(*texts))
    return got, reason


def span(question: str, *texts: str) -> str | None:
    """The answer's text as the source writes it, or None when seiqa abstains."""
    got, _ = ask(question, *texts)
    return got["source_text"] if got else None


@pytest.mark.parametrize(
    "question,expected",
    [
        ("2024年新能源汽车产量是多少？", "1288.8萬輛"),  # 分别: 产 -> first figure
        ("2024年新能源汽車銷量是多少？", "1286.6萬輛"),  # 销 -> second figure
        ("2024年新能源汽车销量同比增长多少？", "35.5%"),  # the second 分别 reuses 产/销
        ("2024年新能源汽车产量同比增长多少？", "34.4%"),
        ("2024年新能源汽车新车销量占汽车新车总销量的比重是多少？", "40.9%"),
        ("2024年新能源汽车市场占有率比上年提高了多少个百分点？", "9.3個百分點"),
    ],
)
def test_respectively_alignment_growth_and_share(question, expected):
    got, _ = ask(question, NEV, EXPORT)
    assert got is not None and got["source_text"] == expected


def test_answer_in_question_script_with_value_unit_and_offsets():
    got, _ = ask("2024年新能源汽车销量是多少？", EXPORT, NEV)
    assert got["text"] == "1286.6万辆" and got["value"] == 12866000.0 and got["unit"] == "辆"
    start = len(EXPORT) + 1 + NEV.index("1286.6萬輛")
    assert (got["doc"], got["start"], got["end"]) == ("doc.txt", start, start + len("1286.6萬輛"))
    assert got["citation"] == 2 and got["sentence"].startswith("2024年，新能源汽車產銷")


def test_share_of_the_right_whole():
    got, _ = ask("新能源汽车保有量占汽车总量的比例是多少？", FLEET)
    assert got["source_text"] == "8.90%"
    got, _ = ask("纯电动汽车保有量占新能源汽车保有量的比例是多少？", FLEET)
    assert got["source_text"] == "70.34%"


def test_wrong_year_abstains_with_reason():
    got, reason = ask("2019年新能源汽车产量是多少？", NEV, EXPORT)
    assert got is None and reason.startswith("not in the corpus")


def test_money_metric_rejects_counts():
    got, reason = ask("2024年新能源汽车出口额是多少？", EXPORT)
    assert got is None and "not in the corpus" in reason


def test_year_asked_takes_the_year_of_a_date_and_not_a_yearless_date():
    text = "2017年4月21日，會議將最終報告提交給政府。5月20日聯軍登陸。"
    got, _ = ask("會議於何年提交最終報告？", text)
    assert got["source_text"] == "2017年"
    got, _ = ask("聯軍在哪一年登陸？", "5月20日聯軍登陸。")
    assert got is None


def test_when_keeps_periods_and_spans():
    got, _ = ask("击剑比赛在什么时期举行？", "击剑比赛提早于2009年9月16日至23日在青岛大学体育馆进行。")
    assert got["source_text"] == "2009年9月16日至23日"


def test_measure_word_and_dimension():
    text = "十五数字推盘的最优解至多有80步；沃夫424是一个联星系统，距离太阳大约14.2光年。"
    assert span("十五数字推盘的最优解至多有多少步？", text) == "80步"
    assert span("沃夫424距离太阳多远？", text) == "14.2光年"


def test_where_question_gets_the_place():
    text = "嘉诺撒圣家学校是香港的一所津贴女子小学，位于九龙城联合道102号，于1954年创校。"
    got, _ = ask("嘉诺撒圣家学校的地址是哪里？", text)
    assert got["type"] == "fact" and got["source_text"] == "九龙城联合道102号"


def test_fact_question_gets_its_sentence_and_which_cities_the_cities():
    text = "長三角地區形成了完整的產業鏈。上海、合肥和常州是重要的新能源汽車生產基地。"
    got, _ = ask("哪些城市是重要的新能源汽车生产基地？", text)
    assert got["type"] == "fact" and got["sentence"] == "上海、合肥和常州是重要的新能源汽車生產基地。"
    assert got["source_text"] == "上海、合肥和常州是重要的新能源汽車生產基地"  # 哪些城市: the clause its places open


def test_sub_questions_inherit_time_subject_and_metric():
    a, b = sub_questions(analyse("2024年新能源汽车产量比2023年多多少？"))
    assert a.norm.startswith("2024年新能源汽车产量") and b.norm.startswith("2023年新能源汽车产量")
    a, b = sub_questions(analyse("2024年新能源汽车产量比销量多多少？"))
    assert b.norm.startswith("2024年新能源汽车销量")


def test_computed_difference_shows_formula_and_both_sources():
    got, _ = ask("2024年新能源汽车产量比2023年多多少？", NEV, NEV_2023)
    assert got["computed"] is True and got["value"] == pytest.approx(3301000.0)
    assert got["text"] == "330.1万辆"
    assert [o["source_text"] for o in got["operands"]] == ["1288.8萬輛", "958.7萬輛"]
    assert "−" in got["formula"] and {o["citation"] for o in got["operands"]} == {1, 2}


def test_computed_ratio():
    text = "2024年光伏新增裝機277.57GW；2024年風電新增裝機79.82GW。"
    got, _ = ask("2024年光伏新增装机是风电新增装机的几倍？", text)
    assert got["computed"] and got["unit"] == "倍" and got["value"] == pytest.approx(277.57 / 79.82)


def test_no_passages_is_not_in_the_corpus():
    assert answer("2024年新能源汽车产量是多少？", []) == (None, "not in the corpus: no passage states this")


CITIES = "長三角方面，2024年合肥新能源汽車產量約137.8萬輛，同比增長約1.1倍。"


def test_a_figure_of_another_place_does_not_answer():
    # a national figure is no answer for a city the question names, and the
    # city's own figure wins over the national one
    got, reason = ask("2024年深圳新能源汽车产量是多少？", NEV)
    assert got is None and reason.startswith("not in the corpus")
    got, _ = ask("2024年合肥市新能源汽车产量是多少？", NEV, CITIES)
    assert (got["source_text"], got["qualifier"]) == ("137.8萬輛", "约")
    got, _ = ask("2024年全国新能源汽车产量是多少？", NEV, CITIES)  # 全国 names no place
    assert got["source_text"] == "1288.8萬輛"


def test_an_abbreviated_name_matches_its_full_form():
    text = "2024年，國家藥品監督管理局共批准48個1類創新藥上市。"
    got, _ = ask("2024年国家药监局批准了多少个1类创新药？", text)
    assert got is not None and got["source_text"] == "48個"


def test_era_years_and_one_end_of_a_span_of_years():
    text = "民國16年2月底，北伐軍攻克浙江全境，7月27日浙江省政府正式成立。"
    got, _ = ask("浙江省政府在民國幾年時正式成立？", text)
    assert got["source_text"] == "民國16年"
    span = "1386年至1403年間受帖木兒侵襲，喬治亞經濟文化遭嚴重破壞。"
    got, _ = ask("喬治亞哪一年開始受到帖木兒侵襲？", span)
    assert (got["source_text"], got["value"], got["high"]) == ("1386年", 1386.0, None)
    got, _ = ask("喬治亞的經濟文化自1386年至哪一年受到帖木兒的侵襲？", span)
    assert (got["source_text"], got["value"]) == ("1403年", 1403.0)


@pytest.mark.parametrize(
    "question,text,expected",
    [
        ("刘备称汉中王是什么时候？", "建安二十四年（219年），刘备称汉中王，任命廖立为侍中。", "建安二十四年（219年）"),
        ("宋子仙在什么时候向王僧辩投降？", "大宝二年（551年）六月二十二日，宋子仙向王僧辩投降。", "大宝二年（551年）六月二十二日"),
        ("余蔚在什么时候被任命为太傅？", "396年五月初九，后燕皇帝任命扶余王余蔚为太傅。", "396年五月初九"),
        ("金关丈夫在什么时候进入分黉就读？", "明治43年(1910年)4月，金关丈夫进入分黉就读。", "明治43年(1910年)4月"),
        ("程颐是在什么时候去世的？", "程颐晚年讲学于伊川，卒于徽宗大观元年（1107年）。", "徽宗大观元年（1107年）"),  # a temple name
    ],
)
def test_when_answers_the_whole_date(question, text, expected):
    got, _ = ask(question, text)
    assert got["source_text"] == expected


@pytest.mark.parametrize(
    "question,text,expected",
    [
        ("西土城站是哪条线路的车站？", "西土城站位于北京市海淀区，是北京地铁10号线的一个车站。", "北京地铁10号线"),
        ("布拉德利在1993-1996期间效力于哪个队？", "布拉德利先后效力于费城76人队（1993-1996）、新泽西网队（1996-1997）。", "费城76人队"),
        ("「十三五」規劃在原有七大產業之外新增了哪一個產業？", "2016年，國務院印發「十三五」規劃，在原有七大產業之外新增「數字創意產業」，使產業範圍擴展為八大領域。", "數字創意產業"),
    ],
)
def test_fact_answer_is_the_phrase_where_the_question_word_stands(question, text, expected):
    got, _ = ask(question, text)
    assert got["type"] == "fact" and got["source_text"] == expected
    assert got["sentence"] == text and text[got["start"] : got["end"]] == expected  # one citation: offsets are in it


def test_fact_answer_stays_a_sentence_when_the_phrase_is_not_found():
    text = "上海將積體電路、生物醫藥和人工智慧列為三大先導產業，2024年三大先導產業規模合計約1.8萬億元。"
    got, _ = ask("上海的三大先導產業是哪些？", text)  # the answer stands before its subject
    assert got["source_text"] == got["sentence"] and "積體電路、生物醫藥和人工智慧" in got["source_text"]


def test_a_model_name_is_matched_whole():
    text = "截至2024年底，全國5G基地台總數達425.1萬個，占行動通信基地台總數的比重為33.6%。"
    assert span("截至2024年底全国5G基站总数是多少？", text) == "425.1萬個"
    got, _ = ask("截至2024年底全国6G基站数量是多少？", text)
    assert got is None


def test_units_dimensions_and_the_indefinite_article():
    passage = "基氏软汉鱼为辐鳍鱼纲银汉鱼目银汉鱼科的其中一种。体长可达5公分。"
    assert span("基氏软汉鱼体长是多少？", passage) == "5公分"  # 体长 asks a length; 一种 is no figure
    teeth = "异齿前肛鳗为通鳃鳗科的其中一个种。前上颌骨齿2枚。"
    assert span("异齿前肛鳗一共有几枚前上颌骨齿？", teeth) == "2枚"  # 几枚: the unit asked


REFORM = ("1978年12月，鄧小平在中共十一屆三中全會上提出「改革開放」的方針。此後，沿海地區陸續設立經濟特區。",
          "深圳經濟特區於1980年8月設立，是中國最早的經濟特區之一。")


@pytest.mark.parametrize(
    "question,expected",
    [
        # the asker's own verbs and adverbs (最初, 公开, 讲出来) that no passage says weigh less
        ("“改革开放”这一提法，最初是邓小平在哪次全会上公开讲出来的？", "中共十一屆三中全會上"),
        ("“一国两制”这一提法，最初是邓小平在哪次全会上公开讲出来的？", None),  # a name no passage has still counts
        ("“改革开放”这一提法，最初是江泽民在哪次全会上公开讲出来的？", None),
    ],
)
def test_fact_question_in_the_askers_own_words(question, expected):
    assert span(question, *REFORM) == expected


PLANS = "2011年，該省印發《「十二五」旅遊業發展規劃》，重點建設濱海旅遊度假區。2016年，該省又印發《「十三五」旅遊業發展規劃》，重點建設全域旅遊示範區。"


@pytest.mark.parametrize(
    "question,expected",
    [("「十三五」旅遊業規劃重點建設什麼？", "全域旅遊示範區"), ("“十二五”旅游业规划重点建设什么？", "濱海旅遊度假區"),
     ("“十四五”旅游业规划重点建设什么？", None)],  # a quoted name no passage has: no fact of another plan
)
def test_fact_question_quoting_a_name(question, expected):
    assert span(question, PLANS) == expected


BIKES = "2024年末，該市登記的共享單車達到35萬輛，比上年末增加8萬輛；2023年末為27萬輛。"


@pytest.mark.parametrize(
    "question",
    ["2024年末该市登记的共享单车跟2023年末比多出来多少辆？", "2024年末该市登记的共享单车和2023年末相比多了多少辆？",
     "2024年末该市登记的共享单车比2023年末多出来多少辆？"],
)
def test_a_change_against_a_period_said_with_gen_or_he(question):
    assert analyse(question).asks == "diff" and span(question, BIKES) == "8萬輛"


def test_two_years_joined_by_he_are_no_comparison():
    q = analyse("2022年和2023年的产量分别是多少？")
    assert q.asks == "amount" and q.years == (2022, 2023)


def test_a_price_per_unit_is_said_per_that_unit():
    text = "2024年末，該市二手房成交總額達1200億元，成交均價為每平方米2.1萬元。"
    assert span("2024年末该市二手房一平方米值多少钱？", text) == "2.1萬元"  # not the total
    assert span("2024年末该市二手房成交总额是多少钱？", text) == "1200億元"


def test_per_what_is_no_subject():
    text = "2024年，全省萬元GDP能耗比上年降低2.5%，規模以上工業增加值增長6.1%。"
    assert analyse("2024年全省每单位GDP的能源消耗比上一年少了多少？").subject == "单位gdp"
    assert span("2024年全省每单位GDP的能源消耗比上一年少了多少？", text) == "2.5%"


def test_a_share_of_another_noun_before_zhan_is_not_the_subjects():
    text = ("據測算，該省新興產業增加值占地區生產總值（GDP）的比重，由2018年的8%左右，提高到2023年的約12%。"
            "從更寬的口徑看，2023年該省數字經濟規模達到2.1萬億元，占GDP比重達到45%。")
    assert span("2023年该省新兴产业占整个经济总量的百分之多少？", text) == "12%"  # 45% is 数字经济's
    assert span("2023年该省数字经济占GDP的比重是多少？", text) == "45%"


def test_a_figure_of_another_item_of_a_parallel_list():
    text = "2024年，全省可再生能源新增裝機3.2GW，其中光伏新增2.1GW、風電新增0.8GW，同比增長12%。"
    by_figure = {c.citation.text[c.quantity.start : c.quantity.end]: c.parts["sibling"]
                 for c in candidates(analyse("2024年全省光伏新装了多少GW？"), cites(text))}
    assert by_figure["0.8GW"] == -1.0  # 風電's item
    assert by_figure["2.1GW"] == 0.0 and by_figure["12%"] == 0.0  # 同比增長 starts no item of its own


@pytest.mark.parametrize(
    "question,subject,metric",
    [("中国2024年一整年的二氧化碳排放总量是多少？", "二氧化碳", "总量"), ("2024年全国房地产开发投资同比下降了多少？", "房地产", "投资"),
     ("2024年民航业实现的利润总额是多少？", "民航业", "利润总额")],
)
def test_a_verb_before_the_measure_belongs_to_it(question, subject, metric):
    q = analyse(question)  # 同比下降 says the change, not what changed
    assert (q.subject, q.metric) == (subject, metric)


def test_a_change_of_a_subject_no_passage_has_is_not_answered():
    text = "2024年，全省規模以上醫藥製造業實現利潤總額約340億元，同比下降1.1%；工業用電量同比增長6.2%。"
    assert span("2024年全省房地产开发投资同比下降了多少？", text) is None
    assert span("2024年全省医药制造业利润总额同比下降了多少？", text) == "1.1%"


def test_the_stuff_named_after_a_unit_is_what_is_measured():
    text = "2024年，全省廢鋼鐵、廢紙、廢塑膠等主要再生資源回收總量約3000萬噸。"
    assert analyse("2024年全省实际回收了多少吨退役动力电池？").subject == "动力电池"
    assert span("2024年全省实际回收了多少吨退役动力电池？", text) is None  # the list does not name it
    assert span("2024年全省回收了多少吨再生资源？", text) == "3000萬噸"
    assert analyse("全国碳市场第一批纳入了多少家电厂？").subject != "电厂"  # after a classifier: the asker's kind word


def test_new_registrations_are_not_the_stock():
    text = "截至2024年底，全市新能源汽車保有量達50萬輛，其中純電動汽車保有量35萬輛；2024年全市新註冊登記新能源汽車12萬輛。"
    assert span("2024年全市新注册登记的纯电动汽车有多少辆？", text) is None  # 35萬輛 is a stock
    assert span("2024年全市新注册登记的新能源汽车有多少辆？", text) == "12萬輛"


def test_which_is_answered_by_the_clause_with_a_name_the_text_quotes():
    text = ("2019年10月，該市政府印發《關於加快培育和發展先進製造業集群的若干措施》，明確重點集群的培育路徑和支持政策，"
            "提出到2025年形成三個產值規模超過三千億元的重點集群，培育一批具有全球影響力的龍頭企業，並在原有新能源汽車、"
            "積體電路、生物醫藥、航空航太、高端裝備、新材料六大重點集群之外新增「智能網聯汽車」，使重點集群擴展為七個。")
    got, _ = ask("该市那份措施让重点集群从六个变成七个，多出来的是哪一个？", text)
    assert "「智能網聯汽車」" in got["source_text"] and len(got["source_text"]) <= 120  # not the first clauses, a title's


def test_fact_phrase_is_not_a_function_word():
    text = "當中401號省道是全國最繁忙的高速公路，也是全世界最繁忙的高速公路之一。"
    got, _ = ask("全世界最繁忙的高速公路哪一個位於加拿大？", text)
    assert got["source_text"] == got["sentence"] == text  # not "之一": the sentence instead


@pytest.mark.parametrize(
    "question,event",
    [("團結工會於何年開始執政?", "执政"), ("上海站的新客站工程於何年開工?", "开工"), ("承久之亂於何年爆發?", "爆发"),
     ("2024年新能源汽车产量是多少？", "")],  # only time questions have an event
)
def test_the_event_a_time_question_asks_about(question, event):
    assert analyse(question).event == event


def test_a_part_named_after_qizhong_carries_the_metric_and_share_base_follows_zhan():
    text = "2024年全國手機產量16.7億臺，其中智慧型手機12.5億臺。"
    assert span("2024年智慧型手機產量是多少？", text) == "12.5億臺"
    assert span("2024年手機產量是多少？", text) == "16.7億臺"
    base = ("全國5G基地台總數達425.1萬個，占行動通信基地台總數的比重為33.6%。"
            "5G基地台數量約占全球總數的六成以上。")
    assert span("5G基地台占行動通信基地台總數的比重是多少？", base) == "33.6%"


def test_a_month_named_in_the_question_and_a_comparison_enumeration():
    text = "2024年，新能源汽車產銷分別完成1288.8萬輛和1286.6萬輛。其中，12月單月新能源汽車銷量達到159.6萬輛。"
    assert span("2024年12月新能源汽车单月销量是多少？", text) == "159.6萬輛"
    growth = ("2024年，規模以上電子資訊製造業增加值同比增長11.8%，增速分別高出同期工業、高技術製造業6.0和2.9個百分點。"
              "2024年規模以上高技術製造業增加值同比增長8.9%。")  # not 6.0: a 分别 item, but 个百分点 above it
    assert span("2024年規模以上高技術製造業增加值同比增長多少？", growth) == "8.9%"


def test_places_jieba_does_not_tag_as_places():
    assert analyse("2024年合肥新能源汽车产量是多少？").entities == ("合肥",)
    assert analyse("2024年全国新能源汽车产量是多少？").entities == ()


def test_a_year_the_passage_never_names_is_not_answered():
    text = "中國商業航天產業快速發展，民營火箭企業完成了一次入軌發射。"
    got, _ = ask("2024年中国商业航天发射了多少次？", text)
    assert got is None


def test_a_figure_for_the_other_side_of_a_contrast_is_no_answer():
    trade = "2024年，積體電路進口金額3856億美元，同比增長10.4%。"
    assert span("2024年積體電路進口金額是多少？", trade) == "3856億美元"
    got, _ = ask("2024年積體電路出口金額是多少？", trade)
    assert got is None
    fleet = "截至2024年底，中國大陸在運核電機組57臺。"
    assert ask("2024年中國新增核電機組多少臺？", fleet)[0] is None


def test_a_share_the_text_does_not_state_is_computed_from_part_and_whole():
    got, _ = ask("2024年新能源汽車出口量約占當年新能源汽車產量的多少？", NEV, EXPORT)
    assert got["computed"] and got["unit"] == "%" and abs(got["value"] - 100 * 128.4 / 1288.8) < 1e-6
    assert got["text"] == "10.0%" and "÷" in got["formula"] and len(got["operands"]) == 2
    stated, _ = ask("2024年新能源汽车新车销量占汽车新车总销量的比重是多少？", NEV)  # stated: extracted
    assert not stated["computed"] and stated["source_text"] == "40.9%"


def test_when_a_life_span_and_a_time_of_day():
    assert span("唐爱陆在什么时候去世？", "唐爱陆（1872年 — 1944年），清朝末年民国初年革命家、实业家。") == "1944年"
    assert span("徐展堂在什么时候逝世了？", "徐展堂于2010年4月2日早上11时在北京协和医院逝世，终年69岁。") == "2010年4月2日早上11时"


def test_stated_multiples_ranks_by_number_and_words_that_only_look_like_money():
    fish = "前鼻丝鳗体延长，体长为体高的31倍，头长9倍；体长可达46.5公分。"
    got, _ = ask("前鼻丝鳗的体长是体高的多少倍？", fish)
    assert got["source_text"] == "31倍" and not got["computed"]  # stated: no computation
    assert span("丘姓在《百家姓》里排多少位？", "丘（邱）姓在《百家姓》中排第151位。") == "第151位"
    bird = "黑额鸣冠雉是大型的鸟类，长63-74厘米，外观像火鸡。"
    assert span("黑额鸣冠雉的体长是多少？", bird) == "63-74厘米"  # 黑额 is no amount of money
    assert not analyse("黑额鸣冠雉的体长是多少？").money and analyse("2024年出口额是多少？").money


def test_occupying_is_no_share_months_in_chinese_numerals_and_bare_counts():
    assert analyse("蒙古汗國於1264年攻佔庫頁島派多少人的軍隊?").asks != "share"
    assert analyse("麻省理工的女職員佔有多少名?").asks != "share"
    assert analyse("市场占有率是多少？").asks == "share"
    from seiqa.question import months_of
    assert months_of("根據2012年七月的人口普查") == (7,) and months_of("2024年1-12月") == ()
    eye = "視網膜裡一共約有600萬視錐細胞和1.25億視杆細胞。"
    assert span("人類視網膜中共有多少個視杆細胞?", eye) == "1.25億"


def test_scores_do_not_depend_on_the_hash_seed():
    # synonyms live in frozensets, whose order changes with PYTHONHASHSEED
    import os
    import subprocess
    import sys

    code = (
        "from seiqa.answer import candidates; from seiqa.question import analyse; from seiqa.records import Citation; "
        "t = '其中，太陽能發電裝機容量約8.9億千瓦，同比增長45.2%。'; "
        "print([round(c.score, 9) for c in candidates(analyse('太陽能發電裝機容量同比增長多少？'), [Citation(1, 'a', 0, len(t), t, '', 1.0)])])"
    )
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": str(seed)}).stdout for seed in (1, 2, 3, 4)}
    assert len(runs) == 1


def test_a_rate_is_a_percentage_and_a_change_to_asks_the_level_reached():
    text = "2023年，全市製造業的利潤率僅為5.1%，低於工業企業的平均水平。"
    assert span("2023年製造業的利潤率是多少？", text) == "5.1%"  # 利润 is no amount of money here
    duty = "2025年3月，加拿大宣布將進口鋼材的關稅由10%提高至45%；歐盟對進口鋼纜徵收為期三年的反傾銷稅，稅率最高達28.6%。"
    assert span("加拿大把进口钢材的关税提高到了多少？", duty) == "45%"  # not the level it started from
    assert span("欧盟对进口钢缆征收的反倾销税最高税率是多少？", duty) == "28.6%"  # not 三年
    price = "受供需失衡影響，碳酸鋰價格較2023年初的高點下跌超過八成。"
    got, _ = ask("碳酸锂价格较2023年初的高点跌了多少？", price)
    assert analyse("碳酸锂价格跌了多少？").asks == "growth" and got["source_text"] == "八成"


def test_categories_paired_ratings_and_units_of_ships_and_computing():
    plan = "國家統計局於2021年發布新版分類，將數位經濟產業劃分為五大類別。"
    got, _ = ask("新版分類將數位經濟產業劃分為幾大類別？", plan)
    assert analyse("劃分為幾大類別？").asks == "count" and got["source_text"] == "五大類別" and got["value"] == 5
    assert ask("2021年新版分类是多少？", plan)[0] is None  # 五大 answers 几大 only
    storage = "截至2024年底，全省新型儲能累計裝機規模達3200萬千瓦/6500萬千瓦時，同比增長一倍。"
    assert span("截至2024年底新型储能累计装机规模是多少？", storage) == "3200萬千瓦/6500萬千瓦時"
    ships = "2024年，全省造船完工量1210萬載重噸；全省算力總規模達到35 EFLOPS。"
    assert span("2024年造船完工量是多少？", ships) == "1210萬載重噸"
    assert span("2024年全省算力总规模是多少？", ships) == "35 EFLOPS"


def test_items_listed_after_fenbie_and_a_metric_bound_by_the_list():
    growth = "2024年，全省出口額同比增長9.5%，增速分別高出全國和東部地區3.1和1.2個百分點。"
    assert span("2024年全省出口额增速比东部地区高出多少个百分点？", growth) == "1.2個百分點"
    steel = "2024年，全國鋼材、水泥、平板玻璃產量分別為13.9億噸、18.3億噸和9.1億重量箱，同比分別增長1.1%、0.5%和2.3%。"
    cars = "2024年，汽車產銷分別完成3128萬輛和3143萬輛，同比分別增長3.7%和4.5%。"
    assert span("2024年平板玻璃产量同比增长多少？", cars, steel) == "2.3%"


def test_a_qizhong_sentence_continues_the_time_of_the_one_before():
    roads = "截至2024年底，全國公路總里程約550萬公里，同比增長1.8%。其中，高速公路里程18.4萬公里，同比增長4.0%；"
    assert span("截至2024年底高速公路里程同比增长多少？", roads) == "4.0%"


def test_the_event_verb_matches_its_synonyms():
    school = "創立於1921年，前身為商業學校。2009年，該校商學院的碩士項目被評為全國第12。"
    assert span("該校商學院創建於哪一年？", school) == "1921年"  # 创建 = 创立
    paper = "當時名稱為《東方日報》，到1915年才改為《東方時報》。1988年財團將《東方時報》私有化。"
    assert analyse("《東方時報》在哪一年改為私有化？").event != "改为"  # a light verb: not the event asked about
    assert span("《東方時報》在哪一年改為私有化？", paper) == "1988年"


def test_the_subject_a_quoted_name_and_the_measure_asked_must_be_stated():
    tools = "2024年，全省數控機床產量8.2萬臺，同比增長6.1%。"
    assert span("2024年全省数控机床产量是多少？", tools) == "8.2萬臺"
    assert ask("2024年全省激光切割机产量是多少？", tools)[0] is None  # another machine: not in the passage
    assert ask("2024年全省碳纤维产量是多少？", tools)[0] is None
    plan = "《「十二五」交通規劃》提出，到2015年高速公路里程達到10.8萬公里。"
    assert span("「十二五」交通規劃提出的高速公路里程目標是多少？", plan) == "10.8萬公里"
    assert ask("「十三五」交通規劃提出的高速公路里程目標是多少？", plan)[0] is None  # 十三五 is not 十二五
    quota = "2024年，全省稀土開採總量控制指標為12萬噸。"
    assert ask("2024年全省稀土出口量是多少？", quota)[0] is None  # a quota is no export volume
    funds = "該校在2011年完成募款活動，共籌得29億美元。"
    assert span("該校2011年募款金額約多少？", funds) == "29億美元"  # a money unit says 金额


def test_nested_quotes_share_subjects_class_numerals_and_smartphones():
    plan = "2021年12月，國家發改委印發《「十四五」數字經濟發展規劃》，這是該領域的第一部專項規劃。"
    assert analyse("《“十四五”数字经济发展规划》是哪一年印发的？").quoted == ("十四五",)  # the innermost name
    assert span("《“十四五”数字经济发展规划》是哪一年印发的？", plan) == "2021年"
    assert analyse("2024年全省數字經濟規模占GDP的比重是多少？").subject == "数字经济规模"  # before 占
    assert analyse("2024年全国多晶硅的产能是多少？").subject == "多晶硅"  # across 的
    share = "2024年，全省高技術製造業增加值占規模以上工業增加值的比重為16.3%。"
    assert ask("2024年全省數字經濟規模占GDP的比重是多少？", share)[0] is None
    drugs = "2024年，全省藥品監督管理部門共批准12個1類創新藥上市。"
    assert span("2024年全省一共批准了几个一类创新药上市？", drugs) == "12個"  # 一类 = 1類
    phones = "2024年全省手機產量2.1億臺，其中智慧型手機1.6億臺。"
    assert span("2024年智能手机产量是多少？", phones) == "1.6億臺"  # 智能 = 智慧型, not 手机


def test_a_single_months_figure_units_after_the_question_word_and_more_contrasts():
    cars = "2024年，全省汽車銷量達到86.2萬輛。其中，12月單月銷量達到11.3萬輛，創月度新高。"
    assert span("2024年全省汽车一共卖出去多少辆？", cars) == "86.2萬輛"  # not December's
    assert span("2024年12月全省汽车单月销量是多少？", cars) == "11.3萬輛"
    assert analyse("2024年全省风电发电量是多少千瓦时？").metric == "发电量"  # 千瓦时 is the unit asked
    storage = "截至2024年底，全省新型儲能累計裝機規模達300萬千瓦/600萬千瓦時。"
    assert ask("2024年全省风电发电量是多少千瓦时？", storage)[0] is None  # a storage rating is no generation
    reactors = "截至2024年底，全省在運核電機組6臺，在建機組數量居全國前列。"
    assert ask("截至2024年底全省在建核电机组有多少台？", reactors)[0] is None
    price = "碳市場上線首日開盤價為每噸48元。"
    assert ask("碳市场上线首日的收盘价是每吨多少元？", price)[0] is None


def test_an_export_question_needs_a_figure_said_to_be_exported():
    chips = "2024年，全省積體電路產量為320億塊，同比增長18.0%；出口積體電路85億塊。"
    assert span("2024年全省集成电路出口数量是多少块？", chips) == "85億塊"
    output = "2024年，全省積體電路產量為320億塊，同比增長18.0%。"
    assert ask("2024年全省集成电路出口数量是多少块？", output)[0] is None  # an output is no export
    zone = "1966年，政府在高雄設立第一個加工出口區。"
    assert span("政府在哪一年設立第一個加工出口區？", zone) == "1966年"  # a name, not a flow


def test_how_much_money_names_no_metric():
    assert analyse("2023年全省在研发上花了多少钱？").metric == ""  # 钱 is the money asked, not a measure
    plan = "2009年，該省推出約800億元的基礎設施投資計畫，重點投向交通與水利。"
    assert span("2009年这个省的基建投资计划大概砸了多少钱？", plan) == "800億元"


def test_a_count_of_four_digits_is_no_year():
    census = "2023年末，全省共有高新技術企業1.2萬家；從業人員約1580萬人，全年營業收入約3.4萬億元。"
    assert span("2023年全省高新技术企业营业收入是多少？", census) == "3.4萬億元"


def test_a_bracketed_gloss_stays_in_its_clause():
    hitech = "2023年，全省高技術製造業從業人員約160萬人，全年實現營業收入約2.1萬億元，研究與試驗發展（R&D）經費內部支出約900億元。"
    assert span("2023年全省高技术制造业在研发上投入了多少钱？", hitech) == "900億元"


def test_fenbie_items_without_their_scope_and_shared_measure():
    solar = "全省光伏組件產量已連續5年位居全國首位。2024年，全省多晶矽、矽片、組件產量分別為12萬噸、40GW和35GW。"
    assert span("2024年全省光伏组件一共造出来多少？", solar) == "35GW"
    assert span("2024年全省硅片产量是多少？", solar) == "40GW"
    cars = "2023年，全省電動車產銷分別為52.1萬輛和49.8萬輛。"
    assert span("2023年全省电动车一共卖出去多少辆？", cars) == "49.8萬輛"  # 卖出去 -> 销
    assert span("2023年全省电动车一共造出来多少辆？", cars) == "52.1萬輛"  # 造出来 -> 产


def test_a_yearly_figure_does_not_answer_for_one_month():
    cars = "2024年，全省新能源汽車產銷分別完成86.2萬輛和85.9萬輛，同比分別增長20.4%和21.5%。"
    assert ask("2024年12月单月全省新能源汽车产量是多少？", cars)[0] is None
    assert span("2024年全省新能源汽车产量是多少？", cars) == "86.2萬輛"


def test_a_total_over_a_list_does_not_answer_for_one_item():
    leads = "本市將積體電路、生物醫藥和人工智慧列為三大先導產業，2024年三大先導產業規模合計約9000億元。"
    assert ask("2024年本市集成电路产业规模是多少？", leads)[0] is None
    assert span("2024年本市三大先导产业规模一共是多少？", leads) == "9000億元"


def test_how_big_names_the_measure_before_it():
    assert analyse("2024年本市新能源汽车产业规模有多大？").metric == "规模"
    output = "2024年本市新能源汽車產量約37.8萬輛，同比增長約1.1倍。"
    assert ask("2024年本市新能源汽车产业规模有多大？", output)[0] is None  # an output is no scale
    plan = "2009年，該市推出約400億元的基礎設施投資計畫。"
    assert span("该市的基础设施投资计划规模有多大？", plan) == "400億元"  # money states a scale


def test_the_subject_reaches_past_a_modifier_of_the_metric():
    assert analyse("2024年全省海上风电新增装机容量是多少？").subject == "海上风电"
    wind = "2024年，全省可再生能源新增裝機1200萬千瓦，其中風電新增300萬千瓦。"
    assert ask("2024年全省海上风电新增装机容量是多少？", wind)[0] is None  # 风电 is not 海上风电
    assert ask("2024年全省风电新增装机容量是多少？", wind)[0] is not None


def test_a_quoted_name_must_stand_near_the_figure_not_only_in_its_passage():
    games = ("2024年8月上線的單機遊戲《山海行》，發售首週銷量即超過300萬套。本土遊戲的海外影響力也在上升。"
             "全年全省遊戲市場實際銷售收入420億元，同比增長7.5%。")
    assert ask("《山海行》上线后的销售收入是多少？", games)[0] is None  # the market's, not the game's
    assert span("《山海行》发售首周销量是多少套？", games) == "300萬套"
    history = "《星海》雜誌由一群科幻愛好者創辦。編輯部幾經搬遷，雜誌最終於1979年正式創刊。"
    assert span("《星海》杂志在哪一年创刊？", history) == "1979年"  # a time: the passage will do


def test_a_figure_abroad_must_be_said_to_be_abroad():
    sales = "2024年，該公司新能源汽車銷量達到42.7萬輛，同比增長41.3%。"
    assert ask("2024年该公司海外销量是多少辆？", sales)[0] is None
    abroad = sales + "其中海外銷量4.2萬輛，覆蓋50多個國家。"
    assert span("2024年该公司海外销量是多少辆？", abroad) == "4.2萬輛"
    deals = "2024年，全省創新藥對外授權交易總金額超過50億美元。"
    assert span("2024年全省新药授权给海外药企的交易一共值多少钱？", deals) == "50億美元"


def test_the_whole_of_a_share_named_before_li_and_a_share_of_another_whole():
    assert analyse("2024年每卖出去的新车里，电动车占了百分之多少？").share_base[-1] == "新车"
    cars = ("2024年，全省電動車產量占全國比重超過20%，居全國第一。"
            "全省電動車新車銷量達到汽車新車總銷量的38.5%，比上年提高9.3個百分點。")
    assert span("2024年全省卖出去的新车里，电动车占了百分之多少？", cars) == "38.5%"


def test_fenbie_items_counted_back_from_the_sentence_before():
    ships = ("2024年，全省造船完工量480萬載重噸，同比增長13.8%；新接訂單量1130萬載重噸，同比增長58.8%；"
             "截至12月底，手持訂單量2087萬載重噸。三大指標以載重噸計分別占全國總量的15.7%、24.1%和23.1%。")
    assert span("2024年全省新接订单量占全国总量的比重是多少？", ships) == "24.1%"
    assert span("2024年全省手持订单量占全国的比重是多少？", ships) == "23.1%"


def test_deals_are_counted_in_bi_and_zong():
    assert analyse("2024年全省一共做成了多少笔交易？").asks == "count"
    deals = "2024年，全省創新藥對外授權交易的總金額超過50億美元，交易數量達到逾30宗。"
    assert span("2024年全省创新药对外授权一共做成了多少笔交易？", deals) == "30宗"


def test_fenbie_figures_of_the_periods_named_before():
    tax = ("2023年6月，該省宣布將購車補貼政策延續至2027年底，其中2024年至2025年全額補貼，"
           "2026年至2027年減半補貼，每輛車的補貼額分別不超過2萬元和1萬元。")
    assert span("2026至2027年期间买车，每辆车最多能拿多少补贴？", tax) == "1萬元"
    assert span("2024年每辆车的补贴额不超过多少？", tax) == "2萬元"


def test_an_import_is_a_figure_from_abroad():
    chips = "2024年，全省進口積體電路52億塊，同比增長14.6%；進口金額38億美元，同比增長10.4%。"
    assert span("2024年全省从国外买进来的芯片一共花了多少钱？", chips) == "38億美元"


def test_capacity_is_not_output():
    silicon = "2024年，全省多晶矽、矽片產量分別為18萬噸和75GW，同比分別增長23.6%和12.7%。"
    assert ask("2024年全省多晶硅的产能是多少？", silicon)[0] is None
    assert span("2024年全省多晶硅的产量是多少？", silicon) == "18萬噸"


def test_a_year_asked_keeps_the_reign_year_before_its_western_year():
    bio = "李明遠，字子方，崇禎四年（1631年）進士，任知縣，為官清廉。"
    assert span("李明远是哪一年的进士？", bio) == "崇禎四年（1631年）"
    castle = "現存的石垣是在1992年（平成4年）重建的。"
    assert span("现存的石垣是在哪一年重建的？", castle) == "1992年（平成4年）"
    plain = "李明遠於1631年考中進士。"
    assert span("李明远是哪一年考中进士的？", plain) == "1631年"


def test_the_event_a_date_is_of_follows_it():
    bio = "王某是著名的物理學家。他在1962年被選作皇家學會院士，1975年和1981年分別被選作美國物理學會及英國物理學會榮譽會士。"
    assert span("王某在哪一年的時候選作皇家學會院士?", bio) == "1962年"


def test_a_date_alone_in_its_clause_leads_the_clause_after_it():
    career = "張某早年效力於多支球隊。1977年，宣布退役，1985年進入名人堂。"
    assert span("張某在什麼時間宣布退役？", career) == "1977年"


def test_a_small_count_in_words_is_no_measured_amount():
    outlook = "展望2026年至2030年，該省產業政策的重心可能出現兩個轉變：從追求規模轉向追求品質。2023年該省低空經濟規模達到500億元。"
    assert ask("预计到2030年该省低空经济规模能达到多少？", outlook)[0] is None
    assert span("该省产业政策的重心可能出现几个转变？", outlook) == "兩個"


SOFTWARE = "2024年，全省軟體業完成業務收入5200億元，同比增長8.0%；實現利潤總額640億元，同比增長5.1%。"


def test_profit_is_not_revenue():
    assert span("2024年全省软件业净赚了多少？", SOFTWARE) == "640億元"
    assert span("2024年全省软件业的业务收入是多少？", SOFTWARE) == "5200億元"
    assert ask("2024年全省软件业的净利润是多少？", "2024年，全省軟體業完成業務收入5200億元，同比增長8.0%。")[0] is None


def test_selling_abroad_is_an_export_not_an_import():
    chips = "2024年，全省進口晶片52億塊，同比增長14.6%。"
    assert ask("2024年全省往外卖了多少块芯片？", chips)[0] is None
    assert span("2024年全省从国外买了多少块芯片？", chips) == "52億塊"


def test_one_year_is_not_a_cumulative_total():
    carbon = "截至2024年底，該省碳市場配額累計成交量1.2億噸，累計成交額70億元。"
    assert ask("2024年这一年，该省碳市场配额的成交量是多少？", carbon)[0] is None
    assert span("截至2024年底，该省碳市场配额累计成交量是多少？", carbon) == "1.2億噸"


def test_a_growth_rate_is_no_other_rate():
    chips = "2024年，全省進口晶片52億塊，同比增長14.6%。"
    assert ask("2024年全省芯片的自给率有多高？", chips)[0] is None
    assert span("2024年全省芯片的自给率有多高？", "2024年，全省晶片自給率為35%，比上年提高2個百分點。") == "35%"


def test_which_ones_asks_for_names_not_a_count():
    group = "該市因甲科技、乙科技和丙科技等三家企業而受到關注，這些企業被合稱為「三小龍」。"
    got, _ = ask("被称为“三小龙”的是哪几家企业？", group)
    assert got is not None and got["type"] == "fact" and "甲科技" in got["text"]
    assert analyse("该市有几家企业？").asks == "count"


def test_a_date_answers_a_year_question_as_well_as_a_year():
    policy = ("2011年9月，該省政府發布《決定》，首次明確了五大重點產業。"
              "2015年，該省政府又印發規劃，在五大重點產業之外新增一項，提出到2020年形成3個千億級產業。")
    assert span("该省政府第一次明确五大重点产业是在哪一年？", policy) == "2011年"  # not the target year 2020


def test_a_change_asked_in_a_classifier_is_a_count_not_a_rate():
    towers = "截至2024年底，全省5G基地台總數達42.5萬個，比上年末淨增8.7萬個，占行動通信基地台總數的比重為33.6%。"
    assert span("2024年全省5G基站比前一年底多出了多少座？", towers) == "8.7萬個"


def test_a_sibling_of_the_subject_does_not_answer_for_it():
    robots = "該省機器人產業服務全國市場。2023年該省新增工業機器人裝機量約2.7萬臺，占全國總量的15%。"
    assert ask("该省服务机器人产量占全国的比重是多少？", robots)[0] is None
    assert span("该省工业机器人装机量占全国的比重是多少？", robots) == "15%"
    # the subject written another way (资讯 for 信息) and the subject referred back to (此次) are no siblings
    growth = "2024年，全省電子資訊製造業增加值同比增長11.8%，增速高出同期高技術製造業2.9個百分點。"
    assert span("2024年全省电子信息制造业增加值同比增长多少？", growth) == "11.8%"
    quake = "山前內陸地震發生於2008年6月14日。根據氣象廳的數據，此次地震的氣象廳地震規模為7.2。"
    assert span("山前内陆地震规模是几级？", quake) == "7.2"


def test_the_subject_reaches_across_de_and_past_a_scope():
    assert analyse("2024年微短剧的用户规模有多少人？").subject == "微短剧用户"
    assert analyse("2024年该省船厂的新订单在全世界占了多大份额？").subject == "船厂新订单"
    games = "2024年，微短劇市場規模達到504.4億元；遊戲用戶規模6.74億人，同比增長0.94%。"
    assert ask("2024年微短剧的用户规模有多少人？", games)[0] is None
    assert span("2024年游戏的用户规模有多少人？", games) == "6.74億人"


def test_a_respectively_item_named_in_other_words():
    ships = ("2024年，全省造船完工量482萬載重噸；新接訂單量1130萬載重噸；手持訂單量2087萬載重噸。"
             "三大指標分別占全國總量的15.7%、24.1%和23.1%。")
    assert span("2024年全省船厂接到的新订单占全国多大份额？", ships) == "24.1%"
    assert span("2024年全省手上还持有的订单占全国多大份额？", ships) == "23.1%"


def test_a_region_that_is_part_of_the_nation_does_not_answer_for_it():
    ai = "2024年，杭州人工智慧企業數量超過800家，核心產業規模約1500億元，約占全國的三成。"
    assert ask("2024年全国人工智能核心产业规模是多少？", ai)[0] is None
    assert span("杭州人工智能核心产业规模是多少？", ai) == "1500億元"
    rail = "截至2024年底，全國高鐵營業里程4.8萬公里，占全球高鐵總里程的三分之二。"
    assert span("截至2024年底全国高铁营业里程是多少？", rail) == "4.8萬公里"


@pytest.mark.parametrize(
    "question,passage,expected",
    [
        ("石林里最早的岩画可以追溯到多少年前？", "石林的岩畫最早的可以追溯到6000年前，一直延續到大約200年前。", "6000年前"),
        ("山雀什么时期从岛的南部消失了？", "山雀於1970年代初期於島的南部消失，於1980年代末在整個島上滅絕。", "1970年代初期"),
        ("北方战争发生在什么时候？", "北方戰爭是一場發生於1807－1809年間的戰爭。", "1807－1809年間"),
        ("第三阶段数据将在什么时间发布？", "計畫第三階段的數據將於2009年春季發布。", "2009年春季"),
        ("许某在什么时候担任知州？", "許某於天禧初年（1017年）出任知州。", "天禧初年（1017年）"),
        ("高某在哪一年将两国合并？", "高某於前108年將兩國合併為一國。", "前108年"),
        ("政府一共通过多少经费来挹注此计划？", "政府共通過4億5000萬加元來挹注此計劃。", "4億5000萬加元"),
        ("多数院系在何时搬离了伦敦？", "該學院的多數院系在1939年期間搬離了倫敦。", "1939年期間"),
        ("该国在哪一个世纪开始接受外国统治？", "該國自19世紀30年代開始接受外國統治。", "19世紀"),
        ("他在那场比赛中的成绩是多少？", "他在那場比賽中跑出12秒87的好成績。", "12秒87"),
    ],
)
def test_a_time_or_amount_keeps_the_words_that_complete_it(question, passage, expected):
    assert span(question, passage) == expected


def test_a_figure_or_year_the_question_states_is_not_its_answer():
    city = "該市核心區占全市面積的9％，卻占有了全市92％的產值。"
    assert span("该市核心区占全市面积的9%，却占有了全市多少百分比的产值？", city) == "92％"
    peace = "1978年，甲國與乙國簽訂協定，同意結束兩國間自1948年乙國立國以來的戰爭狀態。"
    assert span("甲国与乙国在哪一年同意结束两国间自1948年乙国立国以来的战争状态？", peace) == "1978年"
    assert analyse("M1911在哪一年被陆军采用？").years == ()  # a model number is no year


def test_a_score_keeps_both_sides():
    cup = "四年後的1934年世界盃，該隊在首輪以1比3不敵對手。"
    assert span("1934年世界杯中该队以多少比数输给对手？", cup) == "1比3"


def test_the_subject_before_a_generic_count_word():
    assert analyse("截至2024年底全國換電站數量是多少？").subject == "换电站"
    towers = "截至2024年底，全省5G基地台總數達42.5萬個，比上年末淨增8.7萬個。"
    assert ask("截至2024年底全省换电站数量是多少？", towers)[0] is None
    assert span("截至2024年底全省5G基站数量是多少？", towers) == "42.5萬個"


def test_a_sentence_about_another_place_does_not_answer_for_the_asked_one():
    region = ("成渝地區以電子資訊和汽車產業為主。重慶2024年汽車產量253.8萬輛，其中新能源汽車產量95.3萬輛；"
              "成都則在積體電路設計與航空裝備方面具有優勢。")
    assert ask("成都2024年新能源汽車產量是多少？", region)[0] is None
    assert span("重庆2024年新能源汽车产量是多少？", region) == "95.3萬輛"
    # a person's name that jieba splits into a place and a character is no place
    assert span("石山麟在2001年福布斯富豪榜上排名多少？", "石山麟，商人。2001年福布斯富豪榜排名第51。") == "第51"


def test_a_numbered_class_before_the_counted_noun_is_not_the_metric():
    assert analyse("2023年该省一共放行了几款2类新药？").metric == "新药"
    drugs = "2023年，該省藥品監督管理局共批准12個2類創新藥上市，數量創歷史新高。"
    assert span("2023年该省一共放行了几款2类新药？", drugs) == "12個"


def test_a_comparison_whose_second_side_leaves_out_the_noun():
    q = analyse("2023年该省进口的芯片比省内自己造的多了多少亿块？")
    assert [h.norm for h in sub_questions(q)] == ["2023年该省进口的芯片是多少", "2023年省内自己造的芯片是多少"]
    chips = ("2023年，該省進口積體電路120億塊，同比增長4.6%。", "主要產品方面，2023年該省積體電路產量為85億塊，同比增長12.2%。")
    got, _ = ask("2023年该省进口的芯片比省内自己造的多了多少亿块？", *chips)
    assert got is not None and got["computed"] and got["value"] == 35e8


def test_which_decade_is_not_which_year():
    assert analyse("「客厅即工场」指的是哪一年代的经济型态？").asks == "when"
    assert analyse("该厂是哪一年建成的？").asks == "year"


def test_a_temperature_keeps_its_scale_and_sign():
    got, _ = ask("该地冬季最低气温可达多少度？", "該地冬季最低氣溫可達零下40度。")
    assert got["source_text"] == "零下40度" and got["value"] == -40
    assert span("地球内部的温度有多少度？", "地球內部的溫度高達攝氏7000度。") == "攝氏7000度"


def test_respectively_items_named_after_the_figures():
    treaty = "談判期間，清廷分別於6月13日和18日簽訂了《甲天津條約》和《乙天津條約》。"
    assert span("《甲天津条约》在几月几日签订？", treaty) == "6月13日"
    assert span("《乙天津条约》在几月几日签订？", treaty) == "18日"


def test_metric_and_subject_words_that_say_nothing_of_what():
    assert analyse("王江泾镇内有多少人口？").metric == "人口"  # 人 of 人口 is no classifier here
    assert analyse("浪花鱼生活区域水深是多少？").subject == ""  # 区域 says where, not of what
    assert "年间" not in analyse("1948-1956年间该公司的生产数量是多少？").terms
    town = "王江涇鎮，位於嘉興市北部，面積127平方公里，人口8.57萬，下轄一個社區。"
    assert span("王江泾镇内有多少人口？", town) == "8.57萬"


def test_a_figure_that_counts_the_asked_item_is_no_total():
    alumni = "截至2014年，共有逾30位諾貝爾獲獎者、47位羅德學者、61位馬歇爾獎學金得主為該校的校友。"
    assert span("截至2014年有多少罗德学者为该校校友？", alumni) == "47位"


def test_approximately_worth_is_a_link_not_the_metric():
    assert analyse("根据估计该公司总品牌价值约值多少？").metric == "品牌价值"
    assert span("根据估计该公司总品牌价值约值多少？", "根據估計，該公司的品牌價值約為13億美元，名列前十大。") == "13億美元"


def test_a_duration_in_the_unit_asked():
    rules = "申請資格有嚴格規定：影片須於前一年內在當地商業上映，且上映期間不得少於7天。"
    assert analyse("上映期间不得少于几日？").asks == "duration"
    assert span("条件之一是其上映期间不得少于几日？", rules) == "7天"


def test_female_is_not_male():
    snake = "雄性的錦蛇比雌性為長，雄性約有13英寸長，而雌性則普遍只有10英寸長。"
    assert span("雌性锦蛇体长约是多少？", snake) == "10英寸"


def test_more_measures_links_and_contrasts():
    assert span("2024年全年该省GDP总量达到多少？", "2024年，該省GDP達到13.49萬億元，按不變價格計算比上年增長5.0%。") == "13.49萬億元"
    economy = "從更寬的口徑看，2023年該省數字經濟規模達到5.39萬億元，占GDP比重達到42.8%。"
    assert ask("2023年该省电影总票房是多少亿元？", economy)[0] is None
    robots = "2024年，全省工業機器人產量5.56萬套，同比增長14.2%。"
    assert ask("2024年全省新增安装了多少台工业机器人？", robots)[0] is None
    assert analyse("江苏省2024年光伏产业产值突破了多少亿元？").metric == "产值"
    assert analyse("2024年进口的芯片比国内自己造的多出多少亿块？").asks == "diff"


def test_a_sibling_even_when_the_subject_words_stand_apart():
    text = "該省則以光伏和新型電力裝備見長，其省會2024年新能源產業產值突破8000億元。"
    assert ask("该省2024年光伏产业产值突破了多少亿元？", text)[0] is None
    assert span("该省省会2024年新能源产业产值突破了多少亿元？", text) == "8000億元"


def test_a_half_year_asked_is_not_answered_by_the_year():
    year = "2024年，全省民航完成運輸總周轉量148.5億噸公里，同比增長25.0%。"
    half = "2024年上半年，全省民航完成運輸總周轉量70.2億噸公里，同比增長21.0%。"
    assert ask("2024年上半年，全省民航运输总周转量比去年同期增长了多少？", year)[0] is None
    assert span("2024年上半年，全省民航运输总周转量比去年同期增长了多少？", year, half) == "21.0%"


def test_the_measure_of_another_noun_does_not_answer():
    devices = "醫療器械方面，2024年該省醫療器械市場規模近1300億元，醫學影像設備、手術機器人等高端產品持續推進。"
    assert ask("2024年该省手术机器人市场规模是多少？", devices)[0] is None
    assert span("2024年该省医疗器械市场规模是多少？", devices) == "1300億元"


def test_a_city_share_or_a_growth_rate_does_not_answer_a_national_share():
    text = ("2024年，該國GDP達到134.9萬億元，按不變價格計算比上年增長5.0%。"
            "2024年，某市戰略性新興產業增加值約1.5萬億元，占全市GDP的比重約為41%。")
    assert ask("2024年战略性新兴产业增加值占GDP的比重是多少？", text)[0] is None
    assert span("2024年某市战略性新兴产业增加值占全市GDP的比重是多少？", text) == "41%"
    assert analyse("跟2018年底相比，2023年底企业数量多了百分之几？").asks == "growth"


def test_a_span_of_years_answers_a_question_for_a_period():
    text = "該站1925年設站，1930年到1948年之間有站務員駐守，1948年後改為無人站。"
    assert span("该站是哪些年间有人驻守？", text) == "1930年到1948年"
    assert analyse("该站是哪些年间有人驻守？").period and not analyse("该站哪一年设站？").period


def test_a_share_or_a_value_added_is_no_growth():
    installed = "2024年，全省可再生能源新增裝機5200萬千瓦，約占電力新增裝機的78%。"
    assert ask("2024年全省风电新增装机比上年多了百分之几？", installed)[0] is None
    added = "2024年，某市數字經濟核心產業增加值約6200億元，占全市GDP的比重約為12%。"
    assert ask("2024年某市数字经济核心产业增加值同比增长多少？", added)[0] is None


def test_a_change_the_text_states_answers_a_comparison_with_a_period():
    text = "2024年全省新註冊登記的電動自行車為86萬輛，比2023年增加12萬輛，增長16.2%。"
    assert span("2024年新注册登记的电动自行车比2023年多出多少辆？", text) == "12萬輛"
    assert ask("2024年电动自行车产量比2023年多多少？", text)[0] is None  # the change of another measure


def test_a_cumulative_figure_does_not_answer_a_year():
    text = "截至2024年底，全省碳市場配額累計成交量3.2億噸，累計成交額180億元。"
    assert ask("2024年全省碳市场配额成交额是多少？", text)[0] is None
    assert span("截至2024年底，全省碳市场配额累计成交额是多少？", text) == "180億元"


def test_sales_are_not_output():
    text = "某市2024年汽車產量180.5萬輛，其中新能源汽車產量60.2萬輛。"
    assert ask("2024年某市汽车销量是多少万辆？", text)[0] is None
    assert span("2024年某市汽车产量是多少万辆？", text) == "180.5萬輛"


def test_the_metric_and_subject_of_a_change_or_a_price():
    q = analyse("2024年光伏组件产量比上年多产了百分之几？")
    assert (q.asks, q.metric, q.subject) == ("growth", "产量", "光伏组件")  # jieba reads 产量比 as one word
    q = analyse("2024年全国电影总票房比2023年下降了百分之几？")
    assert (q.asks, q.metric, q.subject) == ("growth", "票房", "电影")
    q = analyse("2024年多晶硅每吨价格多少钱？")
    assert (q.metric, q.subject) == ("价格", "多晶硅")
    assert analyse("2024年某市汽车销量是多少万辆？").metric != "万辆"  # a magnitude and a classifier are no metric
    assert analyse("2024年新能源汽车市场占有率比上年提高了多少个百分点？").subject == "新能源汽车"  # 占有率 is no 占
    assert ask("2024年电解铝每吨价格多少钱？", "2024年末，銅價收於每噸7.5萬元，較年初上漲約一成。")[0] is None


def test_a_level_does_not_answer_the_change_of_a_count():
    text = "截至2024年底，全省5G基站總數達42.5萬個，比上年末淨增8.7萬個。"
    assert span("2024年全省5G基站比前一年底多出了多少座？", text) == "8.7萬個"


def test_a_subject_matches_by_its_synonym_as_a_whole():
    assert span("2024年全省单位GDP能耗降了百分之几？", "2024年，全省萬元GDP能耗比上年降低4.1%。") == "4.1%"


def test_a_new_addition_asked_needs_a_sentence_that_says_new():
    total = "截至2024年底，全省高速公路通車里程達到8500公里，居全國第五。"
    assert ask("2024年全省新增高速公路通车里程多少公里？", total)[0] is None
    added = "2024年，全省新增高速公路通車里程320公里。"
    assert span("2024年全省新增高速公路通车里程多少公里？", total, added) == "320公里"


def test_an_abbreviation_matches_the_full_form_it_keeps_the_characters_of():
    other = "2024年，該國數字經濟核心產業增加值占GDP的比重達到8.2%。"
    tourism = "2024年，文化和旅遊產業增加值約2.1萬億元，占GDP的比重為4.6%。"
    assert span("2024年文旅产业增加值占GDP的比重是多少？", other, tourism) == "4.6%"  # 文旅: 文化和旅遊
    assert span("2024年文旅产业增加值大概占GDP百分之几？", other, tourism) == "4.6%"
    assert analyse("2024年文旅产业增加值大概占GDP百分之几？").subject == "文旅产业增加值"  # not stopped by 大概
    q = analyse("2020年文旅产业增加值在GDP里实际占了多少？")
    assert (q.share_base, q.metric) == (("gdp",), "")  # the whole is after 在; 实际 is no metric


def test_a_sibling_by_a_shorter_head_word():
    text = ("截至2024年底，全省新能源汽車保有量310萬輛，其中純電動汽車保有量220萬輛。"
            "2024年全省新註冊登記的新能源汽車為86萬輛，比2023年增加12萬輛。")
    assert ask("2024年全省纯电动汽车全年卖了多少辆？", text)[0] is None  # 新能源汽车 is no 纯电动汽车
    assert span("2024年全省新注册登记的新能源汽车有多少辆？", text) == "86萬輛"


def test_a_sentence_about_another_place_does_not_answer_for_a_named_company():
    text = "蘇州2024年工業機器人產量8.6萬套，其中協作機器人產量1.2萬套；華為等企業在當地設有研發中心。"
    assert ask("2024年华为工业机器人产量是多少套？", text)[0] is None
    assert span("2024年苏州工业机器人产量是多少套？", text) == "8.6萬套"
    history = ("清華大學的前身是1911年建立的清華學堂。"
               "中華人民共和國建立後，校方在1992年前以1925年為起點，1993年後以1911年為起源舉行校慶。")
    assert span("清华大学从哪一年开始以1911年为起源举行校庆？", history) == "1993年"  # the country is no other place


def test_a_quota_asked_is_not_answered_by_a_sentence_without_one():
    text = "全省鋰礦儲量約120萬噸，居各省前列。2024年，全省鋰礦開採總量控制指標為8萬噸。2025年4月起，該省對鋰精礦實施出口管制。"
    assert ask("2025年全省锂矿开采总量控制指标是多少万吨？", text)[0] is None  # 储量 is no 指标; 2024 is no 2025
    assert span("2024年全省锂矿开采总量控制指标是多少万吨？", text) == "8萬噸"


@pytest.mark.parametrize(
    "question,norm,asks",
    [
        ("比亚迪24年海外销量？", "比亚迪2024年海外销量是多少?", "amount"),  # a two-digit year; no question word
        ("25H1新能源车渗透率？", "2025年上半年新能源车渗透率是多少?", "share"),  # names its metric
        ("24年電池片產量YoY多少？", "2024年电池片产量同比多少?", "growth"),
        ("截至24年底充电桩有多少？", "截至2024年底充电桩有多少?", "amount"),
        ("2024年Q3销量是多少？", "2024年第三季度销量是多少?", "amount"),
        ("该工程历时12年建成，总投资多少？", "该工程历时12年建成,总投资多少?", "amount"),  # a span of years
        ("他入选“改革开放20年百人榜”是哪一年？", "他入选“改革开放20年百人榜”是哪一年?", "year"),  # a quoted title
        ("甲型H1N1流感在哪一年爆发？", "甲型h1n1流感在哪一年爆发?", "year"),
        ("购置税减免延到几时？", "购置税减免延到几时?", "when"),
    ],
)
def test_an_analysts_shorthand_is_read_in_full(question, norm, asks):
    q = analyse(question)
    assert (q.norm, q.asks) == (norm, asks)


def test_a_terse_question_gets_a_figure():
    text = "2024年，全省低空經濟規模達到820億元，同比增長31.2%。"
    assert span("24年全省低空经济规模？", text) == "820億元"
    assert ask("23年全省低空经济规模？", text)[0] is None


def test_another_of_a_series_does_not_answer():
    text = "2019年10月，該部公布第一批66個產業集群名單，涵蓋新材料、生物醫藥等領域。"
    assert ask("该部公布的第二批产业集群共有多少个？", text)[0] is None
    assert span("该部公布的第一批产业集群共有多少个？", text) == "66個"


def test_a_span_of_time_gives_no_rate():
    text = "2024年10月，該聯盟對進口的電動汽車徵收為期五年的反補貼稅。"
    assert ask("该联盟征收的反补贴税税率是多少？", text)[0] is None


def test_colloquial_fillers_and_a_year_with_its_month():
    q = analyse("大家常说的“863计划”是从哪年哪月开始搞起来的？")
    assert q.asks == "date" and not {"大家", "常说", "搞", "起来"} & set(q.terms)
    text = "早在1980年代，該國便啟動一系列科技計畫，其中最具代表性的是1986年3月啟動的「863計劃」。"
    assert span("大家常说的“863计划”是从哪年哪月开始搞起来的？", text) == "1986年3月"


def test_a_share_of_the_whole_named_before_li_mian():
    text = ("截至2024年底，全省新能源汽車保有量達310萬輛，占汽車總量的9.1%；"
            "其中純電動汽車保有量220萬輛，占新能源汽車保有量的71.0%。")
    q = analyse("截至2024年底，路上跑的新能源车里面，纯电的车占多大比例？")
    assert q.share_base == ("路上", "跑", "新能源车") and q.subject == "车"  # not 电车 across 的
    assert span("截至2024年底，路上跑的新能源车里面，纯电的车占多大比例？", text) == "71.0%"


def test_a_figure_of_another_quoted_name_does_not_answer():
    text = ("（三）規劃推進：「甲」與「乙」\n"
            "2012年7月，該部印發《「甲」產業發展規劃》，共列出20項重大工程。2016年11月，該部又印發《「乙」產業發展規劃》。")
    assert ask("「乙」规划里一共安排了几项重大工程？", text)[0] is None
    assert span("「甲」规划里一共安排了几项重大工程？", text) == "20項"
    film = "《芝加哥》是一部歌舞片。該片獲得6項奧斯卡金像獎，是自1968年《孤雛淚》後再度由歌舞片拿下最佳影片。"
    assert span("《芝加哥》获得多少项奥斯卡金像奖？", film) == "6項"  # a name quoted after the figure is only mentioned


def test_a_change_in_percentage_points_is_a_growth_question():
    assert analyse("2024年该比重较前一年提高了多少个百分点？").asks == "growth"
    assert analyse("该比重提高了几个百分点？").asks == "growth"


def test_bi_before_a_place_is_no_share_and_a_diff_may_be_approximate():
    q = analyse("2024年合肥的新能源汽车产量比重庆多出约多少万辆？")
    assert q.asks == "diff"  # 比 + 重庆, not 比重; 多出约多少
    text = "2024年合肥新能源汽車產量約137.8萬輛。重慶2024年新能源汽車產量95.3萬輛。"
    got, _ = ask("2024年合肥的新能源汽车产量比重庆多出约多少万辆？", text)
    assert got["computed"] and got["value"] == pytest.approx(425000)


def test_gao_chu_asks_a_difference_shown_in_the_question_script():
    text = "2024年，甲市動漫產業產值達到310.5億元。同年甲市出版業總產值為270.2億元。"
    q = analyse("2024年，甲市動漫產業的產值比出版業總產值高出多少億元？")
    assert q.asks == "diff"
    got, _ = ask("2024年，甲市動漫產業的產值比出版業總產值高出多少億元？", text)
    assert got["computed"] and got["value"] == pytest.approx(4.03e9)
    assert got["formula"] == "310.5億元 − 270.2億元 = 40.3億元"  # operands in the question's script


def test_a_year_ago_is_the_period_a_stated_change_is_against():
    text = "截至2024年底，全省登記的電動自行車達到820萬輛，比上年底增加約65萬輛。"
    q = analyse("截至2024年底，登记的电动自行车比一年前多了大约多少辆？")
    assert q.asks == "growth"
    assert span("截至2024年底，登记的电动自行车比一年前多了大约多少辆？", text) == "65萬輛"


def test_a_hedge_is_no_metric():
    q = analyse("2023年该省在教育方面的投入大致是多少？")
    assert q.metric == "投入"


def test_the_subject_is_read_in_the_clause_that_asks():
    q = analyse("2024年全国电力新增装机中，核电新增多少gw？")
    assert q.metric == "新增" and q.subject == "核电"
    text = "2024年，全國電力新增裝機4.3億千瓦，其中火電新增5400萬千瓦。"
    assert ask("2024年全国电力新增装机中，核电新增多少万千瓦？", text)[0] is None


def test_market_share_is_one_word_and_capacity_is_no_shipment():
    q = analyse("2024年该国液晶面板出货量的全球市占率是多少？")
    assert q.asks == "share" and q.share_base == () and q.subject != "市"
    text = "該國顯示面板產能占全球的比重已超過六成，液晶面板出貨量居全球第二。"
    assert ask("2024年该国液晶面板出货量的全球市占率是多少？", text)[0] is None
    assert span("该国显示面板产能占全球的比重是多少？", text) == "六成"


def test_a_contribution_to_the_whole_is_a_share_of_it():
    q = analyse("2024年甲市数字产业对全市经济贡献几成？")
    assert q.asks == "share" and q.share_base == ("全市", "经济") and q.subject.endswith("产业")
    text = "2024年，甲市數字產業增加值達4200億元，占全市GDP的比重約為35%。"
    assert span("2024年甲市数字产业对全市经济贡献几成？", text) == "35%"


def test_a_figure_of_the_whole_does_not_answer_for_a_part_the_question_names():
    text = ("2024年，全省電子商務交易額達到3.2萬億元，同比增長9.8%。"
            "其中跨境電商、直播電商發展較快，農村電商仍處於起步階段。")
    q = analyse("2024年全省电子商务交易额当中，跨境电商的交易额是多少？")
    assert q.part and "跨境" in "".join(q.part)
    assert ask("2024年全省电子商务交易额当中，跨境电商的交易额是多少？", text)[0] is None
    assert span("2024年全省电子商务交易额是多少？", text) == "3.2萬億元"
    assert analyse("1998年的足协杯赛中，他总共攻入了几球？").whole == ()  # a scope, not a measure


def test_spending_on_research_is_its_funding():
    text = "2023年，全省規模以上工業企業研究與試驗發展（R&D）經費內部支出約820億元，從業人員約95萬人。"
    q = analyse("2023年全省工业企业在研发方面的投入大致是多少？")
    assert q.metric == "投入" and q.money
    assert span("2023年全省工业企业在研发方面的投入大致是多少？", text) == "820億元"


def test_the_owner_of_a_metric_is_read_past_actual_and_market():
    text = ("2024年，國內動畫市場實際銷售收入210.5億元，同比增長6.1%；"
            "國產原創動畫海外市場實際銷售收入18.2億美元，同比增長11.0%。")
    assert span("2024年国产动画出海收入是多少？", text) == "18.2億美元"


def test_home_made_is_self_developed():
    text = ("2024年，國內動畫市場實際銷售收入210.5億元，同比增長6.1%；"
            "中國自主研發動畫海外市場實際銷售收入18.2億美元，同比增長11.0%。")
    assert span("2024年国产动画出海收入是多少？", text) == "18.2億美元"


def test_penetration_is_a_share_of_sales():
    text = ("截至2024年底，全省電動自行車保有量達820萬輛，占兩輪車總量的61.5%。"
            "2024年，全省電動自行車銷量210萬輛，達到兩輪車總銷量的38.2%。")
    q = analyse("24年电动自行车渗透率？")
    assert q.metric == "渗透率" and q.share_base == ("销量",)
    assert span("2024年电动自行车渗透率是多少？", text) == "38.2%"
    assert span("24年电动自行车渗透率？", text) == "38.2%"


def test_shorthand_is_written_out_for_retrieval():
    assert analyse("24年新能源车渗透率？").query == "2024年新能源车渗透率是多少?"
    assert analyse("2024年新能源車滲透率是多少？").query == "2024年新能源車滲透率是多少？"  # as asked


@pytest.mark.parametrize(
    "question,norm,asks",
    [
        ("C919头一回载客飞是啥时候", "c919头一回载客飞是什么时候", "when"),
        ("內地電動車2024年賣咗幾多架？", "内地电动车2024年卖了多少架?", "count"),  # Cantonese
        ("咱们在研的新药数量全球排老几", "咱们在研的新药数量全球排老几", "rank"),
    ],
)
def test_spoken_and_cantonese_question_words(question, norm, asks):
    q = analyse(question)
    assert (q.norm, q.asks) == (norm, asks)
    assert "咱们" not in q.terms and "咱们" not in q.entities


def test_a_common_word_jieba_tags_as_a_place_is_no_name():
    assert analyse("该国制造业的机器人普及密度在全世界排第几？").entities == ()


def test_taiwan_characters_find_their_synonyms_and_spoken_names():
    text = "光伏製造方面，2024年全省多晶矽、矽片、電池片和組件產量分別為20萬噸、75GW、65GW和58GW。"
    assert span("2024年全省太陽能矽晶圓的產出量有多少GW？", text) == "75GW"
    cars = "2024年，全省新能源汽車產量95.3萬輛，同比增長12.0%。"
    assert span("该省24年造了多少辆电车", cars) == "95.3萬輛"
    assert span("该省24年EV产量YoY多少", cars) == "12.0%"


def test_a_clause_before_de_that_is_no_noun_is_no_subject():
    q = analyse("到2024年底登记在册的无人机有几架")
    assert q.subject == "" and q.metric == "无人机"
    assert analyse("截至2024年底，该省商转的核电机组共有几部？").metric == "核电机组"  # 共有 is a link


def test_a_cumulative_figure_over_the_asked_year_answers_it():
    text = "2024年，全省動力電池累計裝車量54.8GWh，同比增長41.5%。"
    assert span("24年全省动力电池装车量多少GWh", text) == "54.8GWh"
    stock = "截至2024年底，全省碳市場配額累計成交量3.2億噸。"
    assert ask("2024年全省碳市场配额成交量是多少？", stock)[0] is None


def test_a_sub_category_named_in_full_is_no_sibling():
    text = ("截至2024年底，全省新能源汽車保有量達314萬輛，占汽車總量的8.9%；"
            "其中純電動汽車保有量221萬輛，占新能源汽車保有量的70.3%。")
    assert span("截至2024年底，全省純電動車的保有量是多少？", text) == "221萬輛"


def test_a_superlative_says_which_of_the_metric():
    q = analyse("欧盟对进口电动车征收的反补贴税，税率最高到多少？")
    assert q.metric == "税率"
    assert analyse("女神响尾蛇有记录以来最长的约有多长？").metric == "最长"  # 最长的: the longest one


def test_a_batch_the_passage_never_names_does_not_answer():
    text = "2024年，該部公布首批國家級產業集群共66個。該市提出打造20個產業集群。"
    assert ask("该部公布的第二批国家级产业集群共有多少个？", text)[0] is None
    assert span("该部公布的第一批国家级产业集群共有多少个？", text) == "66個"  # 首批 is 第一批


def test_the_subject_stands_before_the_time():
    q = analyse("低空经济24年规模多少亿元")
    assert q.subject == "低空经济"
    text = "2024年，該市微短劇市場規模達到50.4億元。"
    assert ask("低空经济24年规模多少亿元", text)[0] is None
    assert analyse("软件行业2024年净赚了多少？").subject == "软件"  # 行业 is generic


def test_the_subject_reaches_past_a_modifier_and_de():
    q = analyse("截至2024年底，该省离岸风电的累计装机容量是多少？")
    assert q.subject == "离岸风电"
    text = "截至2024年底，全省累計發電裝機容量約3.3億千瓦，其中海上風電裝機容量410萬千瓦。"
    assert span("截至2024年底，该省离岸风电的累计装机容量是多少？", text) == "410萬千瓦"  # 离岸 = 海上


def test_under_construction_is_not_in_operation():
    text = "截至2024年底，該國在運核電機組57臺，裝機容量約5976萬千瓦。"
    assert ask("该国目前兴建中的核电机组有几台？", text)[0] is None
    assert span("该国在运的核电机组有几台？", text) == "57臺"


def test_the_owner_of_a_metric_said_in_other_words():
    text = "2024年，全省可再生能源新增裝機3.7億千瓦，約占電力新增裝機的86%，其中光伏新增277.6GW、風電新增79.8GW。"
    assert span("根据省能源局的数据，2024年光伏新增装机容量是多少？", text) == "277.6GW"


def test_a_distinguishing_word_is_part_of_the_subject():
    assert analyse("2024年该行业增加值增速比同期高技术制造业高出几个百分点？").subject == "高技术制造业"  # 同期 says when
    text = "配套設施方面，截至2024年底，全省充電基礎設施（槍）總數達到128.2萬臺，同比增長49.1%。"
    assert ask("截至2024年底公共充电桩有多少台？", text)[0] is None  # 公共 (data/contrasts.txt): all chargers do not answer
    assert span("截至2024年底充电桩有多少台？", text) == "128.2萬臺"


def test_a_whole_named_after_a_lead_clause_and_shipbuilding_measures():
    text = "2024年，全省造船完工量481萬載重噸，同比增長13.8%；新接訂單量1130萬載重噸，同比增長58.8%。"
    q = analyse("据统计，2024年全省造船完工量中，集装箱船完工量是多少？")
    assert "集装箱船" in q.part
    assert ask("据统计，2024年全省造船完工量中，集装箱船完工量是多少？", text)[0] is None
    assert span("2024年全省造船完工量是多少？", text) == "481萬載重噸"
    assert span("2024年全省造船新接订单量是多少？", text) == "1130萬載重噸"  # 完工 | 新接订单


def test_a_car_type_ending_in_che_is_the_subject():
    q = analyse("截至2024年底，全国插电式混合动力车保有量有多少？")
    assert q.subject == "插电式混合动力车"
    text = "截至2024年底，全省新能源汽車保有量達314萬輛，占汽車總量的8.9%。"
    assert ask("截至2024年底，全省插電式混合動力車保有量有幾多？", text)[0] is None


def test_another_name_in_other_quote_marks_does_not_answer():
    text = ("2012年7月，該部印發《「甲」產業規劃》，共列出20項重大工程。"
            "2016年11月，該部又印發《「乙」產業規劃》，提出形成5個產值規模10萬億元級的新支柱產業。")
    assert ask("“甲”那份规划里头的重大工程，一共投了多少钱？", text)[0] is None


def test_cantonese_copula_year_on_year_and_first_batch():
    q = analyse("2024年內地智能手機產量係幾多？")
    assert q.norm == "2024年内地智能手机产量是多少?" and q.metric == "产量"
    assert analyse("该厂产量按年增长几多？").metric == "产量"  # 按年 is 同比
    assert analyse("碳市场头一批纳入了多少家？").norm.startswith("碳市场第一批")
    text = "2021年7月，全省碳市場啟動，首批納入發電行業重點排放單位216家。"
    assert span("碳市场头一批纳进来的电厂差不多有多少家？", text) == "216家"


def test_a_share_in_a_whole_before_zhanbi():
    q = analyse("2024年新能源车在全部新车销量中的占比达到多少？")
    assert q.share_base == ("全部", "新车", "销量")  # not the 比 of 占比


def test_cantonese_copula_is_only_the_word_xi():
    assert analyse("中国与哪国建立外交关系是哪年？").norm == "中国与哪国建立外交关系是哪年?"
    assert analyse("该国外交关系哪年建立？").norm == "该国外交关系哪年建立?"  # 关系, not 关是


def test_a_year_glued_to_the_metric_is_split():
    q = analyse("手游24年收入多少钱")
    assert (q.metric, q.subject) == ("收入", "手游")
    text = "2024年，國內遊戲市場實際銷售收入3257.83億元，同比增長7.53%。"
    assert ask("手游24年收入多少钱", text)[0] is None  # the whole game market is no answer for mobile games


def test_a_subject_written_with_a_character_left_out_is_the_same_subject():
    text = "2023年，杭州戰略性新興產業增加值約4000億元，占全市GDP的比重約為20%。"
    assert span("杭州2023年戰略新興產業的增加值是多少？", text) == "4000億元"


def test_a_national_figure_does_not_answer_for_a_city():
    text = "成都是西部的汽車產業重鎮。截至2024年底，全國新能源汽車保有量達3140萬輛。"
    assert ask("成都截至2024年底新能源汽车保有量是多少？", text)[0] is None


def test_a_value_is_money_and_a_volume_is_not():
    assert ask("2024年无人机的增加值是多少？", "截至2024年底，全國無人機數量比上年底增加約91萬架。")[0] is None
    assert ask("2024年稀土出口量是多少？", "2024年，稀土出口52億元，同比增長3%。")[0] is None
    assert span("2024年稀土出口额是多少？", "2024年，稀土出口52億元，同比增長3%。") == "52億元"


def test_a_place_before_the_subject_makes_it_that_place_s_figure():
    text = "2023年，杭州戰略性新興產業增加值約4000億元。"
    assert ask("2023年战略性新兴产业增加值是多少？", text)[0] is None


def test_a_share_within_the_subject_is_not_the_subject_s_share():
    assert span("到2024年底，路上的新能源车占全部汽车的百分之几？", FLEET) == "8.90%"


def test_the_metric_is_no_time_word_and_keeps_its_measure_suffix():
    q = analyse("中國大陸的5G手機門號到2024年底有多少戶？")
    assert (q.metric, q.subject) == ("门号", "5g手机")
    assert analyse("造船订单量较上年增长了多少？").metric == "订单量"
    assert span("2024年船企新承接的订单量较上年增长了多少？",
                "2024年，全國造船完工量4818萬載重噸，同比增長13.8%；新接訂單量11305萬載重噸，同比增長58.8%。") == "58.8%"


def test_a_latin_abbreviation_is_searched_with_its_chinese_name():
    assert "新能源汽车" in analyse("NEV渗透率 2024全年?").query
    assert "人工智能" in analyse("AI核心产业规模多大").query
    assert analyse("5G基站多少").query == "5G基站多少"  # no Chinese name listed: as asked


def test_common_names_for_revenue_high_speed_rail_and_subscribers():
    assert span("2024年软件产业的营业额有多少？", "2024年，軟體業完成業務收入137276億元，同比增長10.0%。") == "137276億元"
    rail = "截至2024年底，全國鐵路營業里程達到16.2萬公里，其中高鐵營業里程4.8萬公里。"
    assert span("截至2024年底，高速铁路的运营里程达到多少？", rail) == "4.8萬公里"
    assert span("5G手機門號到2024年底有多少戶？", "截至2024年底，全國5G基地台總數達425.1萬個，比上年末淨增87.4萬個；5G行動電話用戶達10.14億戶。") == "10.14億戶"


def test_a_terse_share_with_its_time_said_last():
    q = analyse("数字经济增加值占GDP 2022?")
    assert (q.asks, q.years, q.share_base) == ("share", (2022,), ("gdp",))
    assert analyse("光伏组件产量 2024?").norm == "2024 光伏组件产量是多少?"
    text = "數字經濟核心產業增加值占GDP的比重，由2020年的7.8%提高到2023年的10.0%。"
    assert span("数字经济核心产业增加值占GDP 2023?", text) == "10.0%"
    assert ask("数字经济核心产业增加值占GDP 2022?", text)[0] is None


def test_a_figure_written_right_after_its_year_is_that_year_s():
    text = "新能源汽車滲透率由2020年的5.4%提高到2023年的31.6%。"
    assert span("2020年新能源汽车渗透率是多少？", text) == "5.4%"
    assert span("2023年新能源汽车渗透率是多少？", text) == "31.6%"


def test_a_difference_asked_with_a_verb_after_duo_and_a_multiple_after_weiyue():
    assert analyse("2024年新能源车比2023年多卖了多少辆？").asks == "diff"
    got, _ = ask("2024年新能源车比2023年多卖了多少辆？", NEV, NEV_2023, "2024年新註冊登記的新能源汽車為1125萬輛，比2023年增加382萬輛。")
    assert got["computed"] and got["text"] == "337.1万辆"  # sold, not registered
    assert got["formula"] == "1286.6万辆 − 949.5万辆 = 337.1万辆"
    text = "2024年，全國可再生能源新增裝機3.73億千瓦，其中光伏新增277.57GW、風電新增79.82GW。"
    got, _ = ask("2024年光伏新增装机约为风电新增装机的多少倍？", text)
    assert got["computed"] and got["text"] == "3.48倍"


def test_a_difference_formula_shows_the_larger_less_the_smaller():
    got, _ = ask("2023年新能源汽车销量比2024年少多少？", NEV, NEV_2023)
    assert got["formula"] == "1286.6万辆 − 949.5万辆 = 337.1万辆"


def test_the_subject_before_an_achieving_verb_and_de():
    q = analyse("2024年民航业实现的利润总额是多少？")
    assert q.subject == "民航业"
    text = "軟體業方面，2024年軟體業完成業務收入137276億元；實現利潤總額16953億元，同比增長8.7%。"
    assert ask("2024年民航业实现的利润总额是多少？", text)[0] is None


def test_a_clause_going_on_about_a_registered_figure_is_no_output():
    text = "截至2024年底，全國實名登記的無人機數量達217.7萬架，比上年底增加約91萬架。"
    assert ask("2024年中国一共造了多少架无人机？", text)[0] is None
    assert span("截至2024年底，实名登记的无人机比上年底增加了多少架？", text) == "91萬架"


def test_how_big_a_piece_is_a_share_and_its_whole_may_stand_before_zhan():
    q = analyse("稀土在全世界占了多大一块？")
    assert (q.asks, q.share_base) == ("share", ("全世界",)) and q.metric != "一块"
    assert span("埋在地下的稀土在全世界占了多大一块？", "中國稀土儲量約4400萬噸，約占全球的40%。") == "40%"
    assert analyse("新能源车里头，纯电车占了多大一块？").share_base == ("新能源车",)
    assert analyse("斯韦阿兰占地多大？").asks != "share"  # 占地 is area


def test_the_subject_of_a_share_in_a_whole_named_with_zai():
    q = analyse("2023年战略性新兴产业增加值在GDP中的占比约为多少？")
    assert q.subject == "战略性新兴产业增加值"


def test_compared_with_the_year_before_in_spoken_forms():
    assert analyse("新三样出口同前一年比升咗幾多？").norm == "新三样出口比前一年升了多少?"
    assert analyse("新三样出口与2023年相比多了多少？").asks == "diff"
    assert analyse("卖去外国的新三样").entities == ()  # 外国 says where, it names no place


def test_the_growth_of_a_value_is_said_by_the_money_it_grew_from():
    text = "2023年「新三樣」合計出口1.06萬億元，同比增長29.9%。"
    assert span("2023年卖到外国的新三样总值比前一年升了多少？", text) == "29.9%"


def test_a_price_is_money():
    text = "截至2024年底，碳排放配額累計成交量6.30億噸。2024年末，碳價收於每噸97.49元。"
    assert span("碳配额24年末收盘价？", text) == "97.49元"
    assert ask("碳配额累计成交的价格是多少？", "截至2024年底，碳排放配額累計成交量6.30億噸。")[0] is None


def test_the_year_a_change_is_against_is_not_the_figure_s_year():
    text = "2024年全國新註冊登記的新能源汽車為1125萬輛，比2023年增加382萬輛，增長51.49%。"
    assert span("2024年全国新上牌照的新能源车比前一年多了多少辆？", text) == "382萬輛"
    assert span("多晶硅价格较2023年初的高点跌了多少？", "多晶矽價格較2023年初的高點跌幅超過七成。") == "七成"


def test_everyday_names_for_research_games_players_and_overseas_sales():
    assert span("2023年高技术制造业的科研投入约为多少？", "2023年高技術製造業研究與試驗發展（R&D）經費內部支出約6400億元。") == "6400億元"
    assert span("2024年內地打機嘅玩家有幾多人？", "2024年，遊戲用戶規模6.74億人，同比增長0.94%。") == "6.74億人"
    text = "2024年，中國自主研發遊戲海外市場實際銷售收入185.57億美元，同比增長13.39%。"
    assert span("我想问问，咱们中国自己做的游戏卖到国外去，2024年挣的钱比前一年多了百分之几？", text) == "13.39%"
    assert "问问" not in analyse("我想问问，这个数是多少？").terms


def test_a_relative_after_a_personal_pronoun_is_no_name():
    assert analyse("我孙子天天玩手机，2024年全国造了多少部智能手机？").entities == ()
    assert analyse("孙子兵法成书于哪一年？").entities == ("孙子兵法",)
    text = "2024年，全國手機產量16.7億臺，其中智慧型手機12.5億臺。"
    assert span("我孙子天天玩手机，我想知道2024年全国一年造了多少部智能手机？", text) == "12.5億臺"


def test_a_level_does_not_answer_a_change_asked_in_a_unit():
    text = "2024年全國電影總票房為425.02億元，觀影人次為10.1億人次，均較2023年有所回落。"
    assert ask("2024年去电影院看电影的人，比前一年少了多少人次？", text)[0] is None


def test_a_multiple_of_a_second_figure_that_names_its_own_noun():
    q = analyse("2024年全国新装上的太阳能光伏，是新装的风力发电的多少倍？")
    a, b = sub_questions(q)
    assert b.norm == "2024年新装的风力发电是多少" and b.metric == "风力发电"
    text = "2024年，全國可再生能源新增裝機3.73億千瓦，其中光伏新增277.57GW、風電新增79.82GW。"
    got, _ = ask("2024年全国新装上的太阳能光伏，是新装的风力发电的多少倍？", text)
    assert got["computed"] and got["text"] == "3.48倍"


def test_taiwan_words_for_modules_reserves_and_commercial_operation():
    text = "2024年，全國多晶矽、矽片、電池片、組件產量分別為182萬噸、753GW、654GW和588GW。"
    assert span("請問2024年中國大陸太陽能板模組的產量有多少GW？", text) == "588GW"  # 模組 is the 組件 item
    assert span("請問中國大陸的稀土蘊藏量大約占全世界的幾成？", "中國稀土儲量約4400萬噸，約占全球的40%。") == "40%"
    nuclear = "核電方面，截至2024年底，中國大陸在運核電機組57臺，裝機容量約5976 萬千瓦。"
    assert span("請問到2024年底為止，中國大陸正在商轉的核能發電機組有幾部？", nuclear) == "57臺"


def test_everyday_words_for_factories_and_charging_piles():
    text = "2024年，規模以上醫藥製造企業實現營業收入約2.53萬億元，與上年基本持平。"
    assert span("医药这行规模以上的厂子2024年营收大概多少？", text) == "2.53萬億元"
    piles = "截至2024年底，全國充電基礎設施（槍）總數達到1281.8萬臺，同比增長49.1%。"
    assert span("截至2024年底全国一共装了多少把充电枪？", piles) == "1281.8萬臺"


# --- Cantonese, Taiwan and spoken wording; places, titles, targets and owners of shares ---


@pytest.mark.parametrize(
    "question,norm_has",
    [
        ("2023年成個內地嘅地鐵加埋總共有幾長？", "整个内地的地铁加起来总共有多长"),
        ("第一場機械人比賽係喺邊日舉行㗎？", "在哪天举行?"),
        ("十幾高校有幾多間？", "十几高校"),  # 几 of 十几 stays a number
    ],
)
def test_cantonese_question_words_are_written_out(question, norm_has):
    assert norm_has in analyse(question).norm


def test_cantonese_length_and_date_questions_are_answered():
    text = "截至2023年底，全國城市軌道交通運營里程1.1萬公里，其中地鐵運營里程8500公里。"
    assert span("2023年底全國地鐵加埋總共有幾長？", text) == "8500公里"
    race = "2019年6月2日，全國首場機器人半程馬拉松在杭州舉行。"
    assert span("全國第一場機械人半馬係喺邊日舉行㗎？", race) == "2019年6月2日"


def test_points_asked_for_a_growth_accept_a_per_cent_and_are_no_metric():
    q = analyse("电子商务业2023年利润同比涨了几个点")
    assert q.metric == "利润"
    text = "2023年，全國電子商務業實現利潤總額5000億元，同比增長6.4%。"
    assert span("电子商务业2023年利润同比涨了几个点", text) == "6.4%"


def test_a_listed_term_jieba_cuts_inside_a_word_is_the_metric():
    assert analyse("2023年電影票房收入是多少？").metric == "票房收入"
    text = "2023年全國電影總票房為549.15億元，觀影人次為12.99億人次。"
    assert span("2023年全國電影票房收入是多少？", text) == "549.15億元"


def test_a_place_the_question_names_must_be_in_the_passage():
    text = "截至2023年底，全國5G基站總數達337.7萬個。5G移動電話用戶達8.05億戶。"
    assert span("澳門2023年有多少5G用戶？", text) is None  # 5g is found, 澳门 is not
    assert span("2023年全國有多少5G用戶？", text) == "8.05億戶"


def test_a_sentence_opening_with_a_topic_then_the_country_does_not_answer_for_a_city():
    text = "成都的數字經濟發展迅速。通信方面，截至2023年底，全國5G基站總數達337.7萬個。"
    assert span("成都2023年有多少個5G基站？", text) is None


def test_a_title_typed_without_its_marks_is_still_a_quoted_name():
    text = "2023年，國內遊戲市場實際銷售收入3029.64億元，同比增長13.95%。《原神：星穹》等作品上線後廣受好評。"
    assert span("原神星穹一共卖了多少钱", text) is None
    assert span("2023年国内游戏市场实际销售收入是多少", text) == "3029.64億元"


def test_first_day_and_new_openings_are_not_cumulative_figures():
    carbon = "截至2023年底，全國碳市場累計成交量4.42億噸，累計成交額249.19億元。"
    assert span("全国碳市场上线首日成交量是多少吨？", carbon) is None
    rail = "截至2023年底，全國鐵路營業里程達到15.9萬公里，其中高鐵營業里程4.5萬公里。"
    assert span("2023年全國高鐵新開通了多少公里？", rail) is None


def test_an_actual_share_is_not_a_target():
    text = "到2015年，該產業增加值占GDP的比重力爭達到8%左右；2015年實際占比約為7.2%。"
    assert span("2015年该产业增加值实际占GDP的比重是多少？", "到2015年，該產業增加值占GDP的比重力爭達到8%左右。") is None
    assert span("2015年该产业增加值实际占GDP的比重是多少？", text) == "7.2%"


def test_a_which_clause_before_de_and_an_adverb_are_not_the_subject():
    assert analyse("截至2023年底全国登记在册的无人机总数？").subject == "无人机"
    assert analyse("2020年数字经济附加价值实际占国内生产毛额的比例是多少？").subject == "数字经济附加价值"
    text = "截至2023年底，全國實名登記的無人機數量達126.7萬架。"
    assert span("截至2023年底全国登记在册的无人机总数？", text) == "126.7萬架"


def test_another_parts_share_of_another_whole_does_not_answer():
    text = "2023年，數字經濟增加值佔GDP比重持續提高，同年高技術製造業增加值同比增長7.5%，占規模以上工業增加值的比重為15.7%。"
    assert span("2023年数字经济增加值占GDP的比重是多少？", text) is None
    own = "2023年數字經濟增加值占GDP的比重為10.2%。"
    assert span("2023年数字经济增加值占GDP的比重是多少？", text, own) == "10.2%"


@pytest.mark.parametrize(
    "question,text,expected",
    [
        ("2023年的國內生產毛額是多少？", "2023年，中國GDP達到126.06萬億元。", "126.06萬億元"),  # Taiwan: 國內生產毛額
        ("2023年民航客运量同比增长多少？", "2023年，民航旅客運輸量6.2億人次，同比增長146.1%。", "146.1%"),
    ],
)
def test_taiwan_and_plain_names_of_statistics(question, text, expected):
    assert span(question, text) == expected


def test_asides_about_the_asker_do_not_dilute_the_words_asked_about():
    text = "截至2023年底，全國鐵路營業里程達到15.9萬公里，其中高鐵營業里程4.5萬公里。"
    long = "我年轻时在铁路系统干了一辈子，很想知道：到2023年底，全国的高速铁路通车里程有多长了？劳烦您告知。"
    assert span(long, text) == "4.5萬公里"
    plan = "1986年3月，國家啟動「高技術研究發展計劃」（863計劃）。"
    assert span("我年轻时常听同事说起863计划，不知这个计划是哪一年启动的？烦请指教。", plan) == "1986年"


def test_english_business_words_are_read_as_chinese():
    q = analyse("2023年软件和IT服务业的revenue一共多少？")
    assert q.metric == "营业收入"
    text = "2023年全國軟體和資訊技術服務業完成業務收入123258億元，同比增長13.4%。"
    assert span("2023年软件和IT服务业的revenue一共多少？", text) == "123258億元"
    share = "龍頭企業甲公司2023年的全球動力電池裝車量市占率為36.8%。"
    assert span("甲公司2023年全球动力电池装车的market share是多少？", share) == "36.8%"


def test_the_metric_is_read_in_the_asking_clause_only():
    assert analyse("AI核心产业2024年的YoY增速是多少？slide上想放个增长率。").metric != "slide"


@pytest.mark.parametrize(
    "question,text,expected",
    [
        ("2023年中国GDP总量是多少？", "2023年，中國GDP達到126.06萬億元，比上年增長5.2%。", "126.06萬億元"),
        ("到2023年底全国高速铁路通车里程有多长？", "截至2023年底，全國高鐵營業里程4.5萬公里。", "4.5萬公里"),
    ],
)
def test_common_names_of_a_statistic(question, text, expected):
    assert span(question, text) == expected


def test_a_day_asked_is_not_answered_by_a_month():
    text = "2023年9月，歐盟宣布對中國電動汽車發起反補貼調查。"
    assert span("欧盟具体是哪一天宣布发起调查的？", text) is None
    assert span("欧盟是哪年哪月宣布发起调查的？", text) == "2023年9月"
    dated = "2023年10月4日，歐盟正式宣布對中國電動汽車發起反補貼調查。"
    assert span("欧盟具体是哪一天宣布发起调查的？", dated) == "2023年10月4日"


def test_a_stated_multiple_of_another_measure_does_not_answer():
    assert span("全国碳市场2023年的成交额是上线首年的几倍？", "2023年末，碳價較上線首日開盤價上漲約一倍。") is None
    assert span("2023年光伏新增装机容量是风电的几倍？", "2023年，光伏新增裝機容量是風電的3倍。") == "3倍"


def test_the_subject_reaches_past_a_time_and_de_when_only_metric_words_follow():
    assert analyse("中國大陸雲端服務2024年的營收規模是多少？").subject == "云端服务"
    software = "2023年全國軟體和資訊技術服務業完成業務收入123258億元。其中雲端服務、大數據服務的收入增速明顯較快。"
    drugs = "2023年，規模以上醫藥製造業實現營業收入約2.52萬億元。"
    assert span("雲端服務2023年的營收規模是多少？", software, drugs) is None  # neither is the cloud's own


def test_a_sentence_opening_with_china_does_not_answer_for_a_company():
    text = "比亞迪2023年的全球動力電池裝車量市占率為15.8%。2023年，中國動力電池累計裝車量387.7GWh，同比增長31.6%。"
    assert span("比亞迪2023年的動力電池裝車量是多少GWh？", text) is None
    assert span("2023年中國動力電池裝車量是多少GWh？", text) == "387.7GWh"


def test_a_count_of_visits_is_a_measure_money_does_not_say():
    text = "2025年春節檔上映的動畫電影《長安三萬里》，票房突破18億元。"
    assert span("长安三万里观影人次破多少亿了？", text) is None
    assert analyse("观影人次破多少亿了？").metric == "人次"


def test_a_whole_year_is_not_answered_by_part_of_it():
    text = "2025年1-6月，新能源汽車產銷分別完成696.8萬輛和693.7萬輛。"
    assert span("25年全年新能车卖了多少辆？", text) is None
    assert span("25年上半年新能车造了多少台", text) == "696.8萬輛"


# --- code-mixed, formal and claim-checking questions; titles named short; kinds of a subject ---

def test_english_words_of_the_glossary_are_read_as_chinese():
    q = analyse("2024年China的手机产量当中，smartphone有几多亿台？")
    assert q.metric == "智能手机" and "china" not in q.terms
    text = "2024年，全國手機產量15.2億臺，其中智慧型手機11.8億臺。"
    assert span("2024年China的手机产量当中，smartphone有几多亿台？", text) == "11.8億臺"
    assert "游戏市场的实际销售收入" in analyse("China本地game market的actual sales revenue有几多？").norm
    assert analyse("甲公司的market share是几多巴仙？").asks == "share"  # Singapore 巴仙: per cent


def test_the_frame_of_a_formal_request_is_no_term():
    question = "请问2024年全国集成电路产量情况如何，具体数值为多少？"
    q = analyse(question)
    assert q.metric == "产量" and not {"具体", "数值", "情况"} & set(q.terms)
    assert span(question, "主要產品方面，2024年全國積體電路產量為4100億塊，同比增長20.1%。") == "4100億塊"


def test_taiwanese_growth_words():
    question = "2024年甲材料產出的年增率為何？"
    assert analyse(question).asks == "growth"
    assert span(question, "2024年，全國甲材料產量達到75萬噸，同比增長12.5%。") == "12.5%"


def test_a_claim_check_asks_the_figure_of_the_claim():
    question = "网上说2024年新能源汽车新车销量占汽车新车总销量已超过一半，这是真的吗？原文给出的数字是多少？"
    assert analyse(question).asks == "share"
    assert span(question, NEV) == "40.9%"
    years = "中國光伏組件產量已連續15年位居全球首位。"
    assert span("听说中国的太阳能板产量已经蝉联世界冠军二十年，真的吗？原文说的是多少年？", years) == "15年"
    revenue = "2023年，全國高技術製造業營業收入超過16萬億元。"
    assert span("网上说2023年全国高技术制造业利润总额超过1万亿元，原文给出的数字是多少？", revenue) is None
    no_figure = analyse("有人说“新三样”指的是甲、乙和丙，这是真的吗？原文里“新三样”具体指哪三类？")
    assert no_figure.asks == "fact" and "甲" not in no_figure.norm


def test_a_long_title_named_again_by_its_last_word():
    text = "2021年，國務院印發《關於促進數字經濟發展的意見》。該《意見》提出：到2027年，數字經濟核心產業增加值占GDP比重達到12%左右。"
    assert span("《关于促进数字经济发展的意见》提出的2027年数字经济核心产业增加值占GDP比重目标是多少？", text) == "12%"
    assert span("《关于促进人工智能发展的意见》提出的2027年数字经济核心产业增加值占GDP比重目标是多少？", text) is None


def test_a_clause_that_says_which_state_is_not_the_subject():
    q = analyse("截至2024年底，全国处于在用登记状态的新能源车总存量为多少？")
    assert q.subject == "新能源车"
    assert span("截至2024年底，全国处于在用登记状态的新能源车总存量为多少？", FLEET) == "3140萬輛"


def test_a_figure_of_the_whole_kind_does_not_answer_for_one_kind():
    text = "截至2024年底，全國累計發電裝機容量約33.5億千瓦。其中，太陽能發電裝機容量約8.9億千瓦；風電裝機容量約5.2億千瓦。"
    q = analyse("截至2024年底，中國大陸風力發電的累計裝置容量大約多少千瓦？")
    assert q.subject == "风力发电" and q.given == ()  # 多少千瓦 asks a unit; it gives no figure
    assert span("截至2024年底，中國大陸風力發電的累計裝置容量大約多少千瓦？", text) == "5.2億千瓦"
    assert span("截至2024年底，全國發電的累計裝機容量大約多少千瓦？", text) == "33.5億千瓦"


def test_the_market_a_share_is_of_is_not_its_owner():
    assert analyse("甲公司2024年在全球动力电池市场的market share是几多巴仙？").subject == "动力电池"
    text = "龍頭企業甲公司2024年的全球動力電池裝車量市占率為36.8%。"
    assert span("甲公司2024年在全球动力电池市场的market share是几多巴仙？", text) == "36.8%"


def test_a_unit_the_question_names_picks_that_figure_of_a_pair():
    text = "截至2024年底，全國已建成投運的新型儲能項目累計裝機規模達7000萬千瓦/1.6億千瓦時，是2023年底的兩倍多。"
    question = "截至2024年底，已建成投運的新型儲能累計裝機規模，以能量（千瓦時）計為多少？"
    assert analyse(question).unit_hint == "千瓦时" and analyse("按年计算增长了多少？").unit_hint == ""
    assert span(question, text) == "1.6億千瓦時"
    assert span("截至2024年底，已建成投運的新型儲能累計裝機規模是多少？", text) == "7000萬千瓦/1.6億千瓦時"


def test_a_rate_is_not_answered_by_a_size():
    text = "第三代半導體方面，碳化矽襯底的國產化率快速提升，部分企業的6英吋產品已進入國際車企供應鏈。"
    assert span("碳化矽襯底的國產化率是多少？", text) is None
    assert span("碳化矽襯底的國產化率是多少？", "2024年，碳化矽襯底的國產化率達到40%。") == "40%"


def test_the_item_of_the_asking_clause_when_the_question_lists_them_all():
    text = "2024年，全國多晶矽、矽片、電池片、組件產量分別為180萬噸、750GW、650GW和580GW。"
    assert span("2024年多晶矽、矽片、電池片、組件四項產量中，電池片的產量是多少GW？", text) == "650GW"
    assert span("2024年多晶矽、矽片、電池片、組件四項產量中，組件的產量是多少GW？", text) == "580GW"


def test_northern_and_hong_kong_words_for_how_much_and_growth():
    assert analyse("2024年咱国家的电动汽车一共造出来多老些辆？").asks == "count"
    assert analyse("2024年內地電動車的銷量按年升幅為多少？").asks == "growth"
    assert span("2024年內地電動車的銷量按年升幅為多少？", NEV) == "35.5%"


def test_a_currency_the_question_names_is_not_answered_in_another():
    text = "2024年，中國自主研發遊戲海外市場實際銷售收入185.57億美元，同比增長13.39%。"
    assert span("按人民币计价，2024年中国自主研发游戏海外市场实际销售收入为多少？", text) is None
    assert span("2024年中国自主研发游戏海外市场实际销售收入为多少？", text) == "185.57億美元"


def test_a_measure_the_question_names_is_no_term_and_picks_its_figure():
    text = "截至2024年底，全國已建成投運的新型儲能項目累計裝機規模達7000萬千瓦/1.6億千瓦時，是2023年底的兩倍多。"
    question = "截至2024年末，全国已建成投运的新型储能项目累计装机规模按功率口径计是多少？"
    assert analyse(question).metric == "装机规模"
    assert span(question, text) == "7000萬千瓦"


def test_a_verbal_noun_before_the_metric_is_part_of_the_subject():
    assert analyse("到2024年底全国生物质发电装机有多少？").subject == "生物质发电"
    text = "截至2024年底，全國累計發電裝機容量約33.5億千瓦。其中，太陽能發電裝機容量約8.9億千瓦。"
    assert span("到2024年底全国生物质发电装机有多少？", text) is None


def test_a_figure_set_for_a_later_year_is_not_a_stock():
    text = "中國稀土儲量約4400萬噸，居世界第一。"
    q = analyse("2025年咱国家稀土开采总量控制指标定的是多少吨？")
    assert q.metric == "指标"
    assert span("2025年咱国家稀土开采总量控制指标定的是多少吨？", text) is None


def test_selling_abroad_and_newly_opened_need_their_side():
    sales = "2024年，比亞迪新能源汽車銷量達４２７.２萬輛，同比增長41.3%。"
    assert span("比亚迪2024年往外国卖了多少辆车？", sales) is None
    stock = "截至2024年底，全國高鐵營業里程4.8萬公里。"
    assert span("2024年一年里全国新修通的高铁有多少公里？", stock) is None


def test_hong_kong_total_and_an_export_value():
    text = "電動汽車、鋰電池和太陽能產品被合稱為出口「新三樣」，2023年「新三樣」合計出口1.1萬億元，同比增長29.9%。"
    q = analyse("電動車、鋰電池與太陽能產品這三類貨品，2023年合共出口總值為多少？")
    assert q.money and q.subject == ""
    assert span("電動車、鋰電池與太陽能產品這三類貨品，2023年合共出口總值為多少？", text) == "1.1萬億元"


def test_which_day_gives_no_figure():
    assert analyse("大飞机第一次载客飞是哪一天？").given == ()


def test_a_share_reckoned_by_a_named_whole_is_computed():
    q = analyse("以2024年全國新能源汽車銷量計算，吉利同年的新能源汽車銷量約佔全國總數的多少？")
    assert q.asks == "share" and q.norm.startswith("吉利2024年") and q.share_base == ("全国", "新能源汽车", "销量")
    company = "整車方面，吉利2024年新能源汽車銷量達到400萬輛，同比增長41.3%。"
    got, _ = ask("以2024年全國新能源汽車銷量計算，吉利同年的新能源汽車銷量約佔全國總數的多少？", company, NEV)
    assert got["computed"] and got["text"] == "31.1%"


def test_the_rest_of_a_whole_is_a_difference():
    q = analyse("截至2024年底，全国新能源汽车保有量中除纯电动汽车以外的部分是多少？")
    assert q.asks == "diff" and "比纯电动汽车保有量多" in q.norm
    got, _ = ask("截至2024年底，全国新能源汽车保有量中除纯电动汽车以外的部分是多少？", FLEET)
    assert got["computed"] and got["value"] == 9310000.0


def test_the_figure_before_its_part_is_the_wholes():
    text = "普查顯示，2023年末全國共有規模以上工業企業50.1萬家，其中高技術製造業企業6.2萬家。"
    question = "截至2023年末，全国规模以上工业企业中高技术制造业企业有多少家？"
    assert span(question, text) == "6.2萬家"
    assert span("截至2023年末，全国规模以上工业企业有多少家？", text) == "50.1萬家"


def test_which_three_kinds_and_refers_to_are_question_words():
    q = analyse("“新三样”具体指哪三类？")
    assert q.terms == ("新三样",)
    text = "電動汽車、鋰電池和太陽能產品被合稱為出口「新三樣」，2023年「新三樣」合計出口1.1萬億元。"
    got, _ = ask("“新三样”具体指哪三类？", text)
    assert got is not None and "鋰電池" in got["source_text"]


def test_internet_w_for_ten_thousand_and_a_unit_in_brackets():
    assert analyse("比亚迪2024年电车一共卖了多少w台啊？").norm.startswith("比亚迪2024年电车一共卖了多少万台")
    assert "w" in analyse("快充功率是多少w？").norm  # watts stay watts
    assert analyse("新型储能电站功率规模累计有多大（万千瓦）？").unit_hint == "万千瓦"


def test_what_was_sold_is_not_answered_by_what_was_made():
    text = "2024年合肥新能源汽車產量約137.8萬輛，同比增長約1.1倍。"
    assert span("合肥2024年新能源车卖了多少w辆？", text) is None
    assert span("合肥2024年新能源车造了多少w辆？", text) == "137.8萬輛"  # the qualifier is a field of its own


def test_a_first_days_figure_is_no_total_to_date():
    text = "2024年8月20日上線的國產單機遊戲《甲》，發售3天全平台銷量即超過800萬套。"
    assert span("《甲》到现在全平台一共卖了多少w套？", text) is None
    assert span("《甲》发售3天全平台卖了多少套？", text) == "800萬套"  # 超過 is the qualifier field


def test_put_into_operation_is_no_money():
    assert not analyse("已经投入运行的新型储能电站累计有多大（万千瓦）？").money
    assert analyse("2024年研发投入是多少？").money


def test_question_words_adverbs_and_a_from_particle_are_no_terms():
    q = analyse("2025年3月起，全国碳市场新扩充了哪几个行业？")
    assert not {"哪几个", "起", "新"} & set(q.terms) and q.subject == ""
    text = "2025年3月，主管部門將造紙、化工兩個行業納入全國碳市場，新增重點排放單位約900家。"
    got, _ = ask("2025年3月起，全国碳市场新扩充了哪几个行业？", text)
    assert got is not None and "造紙、化工" in got["source_text"]


def test_things_are_no_place_and_a_kind_word_is_no_counted_noun():
    assert analyse("这三类东西的出口总额是多少？").entities == ()
    text = "電動車、電池和光伏產品被合稱為「新三樣」，2023年「新三樣」合計出口1.1萬億元，同比增長25.5%。"
    assert span("2023年电车、电池和光伏这三类东西的出口总额比前一年多了百分之几？", text) == "25.5%"
    assert analyse("2023年底全国一共有多少家国家级高新区？").metric == "高新区"


def test_the_non_part_of_a_whole_is_their_difference():
    text = "2024年全國電視機產量2.1億臺，其中智能電視1.6億臺。"
    got, _ = ask("2024年生产的电视机中，非智能电视有多少台？", text)
    assert got is not None and got["computed"] and got["value"] == pytest.approx(0.5e8)


def test_a_gap_to_a_target_is_answered_in_points():
    text = "2020年數字經濟占GDP的比重約為9.2%，與12%的目標仍有近3個百分點的差距。"
    assert span("2020年数字经济占GDP比重距12%目标差距多少？", text) == "3個百分點"
    assert span("2020年数字经济占GDP比重是多少？", text) == "9.2%"


def test_a_share_held_in_a_whole_with_suo_and_a_level_reached_after_de_yue():
    q = analyse("2023年我国数字经济在整个国民经济中所占的份额是多少？")
    assert q.subject == "数字经济" and q.asks == "share"
    text = "從規模來看，數字經濟占GDP的比重，由2014年的20%左右，提高到2023年的約31.5%。2023年，線上零售額占社會消費品零售總額的比重達到27.6%。"
    assert span("2023年数字经济占GDP的比重是多少？", text) == "31.5%"


def test_a_stock_at_a_date_is_not_the_years_addition():
    text = "2024年，全國核電新增裝機400萬千瓦。截至2024年底，核電裝機達到6000萬千瓦，約占全國發電總裝機的2%。"
    assert span("截至2024年底核电装机是多少？", text) == "6000萬千瓦"
    got, _ = ask("截至2024年底，全国发电装机中非核电装机约有多少？", "截至2024年底，全國累計發電裝機容量約30億千瓦。" + text)
    assert got is not None and got["value"] == pytest.approx(29.4e8)


def test_a_share_reckoned_by_a_measure_of_a_named_whole_keeps_its_whole():
    assert "全球" in analyse("按载重吨计算，2024年我国造船完工量在全球所占份额是多少？").norm


def test_the_noun_after_duo_da_and_a_changed_level_are_what_is_asked():
    assert analyse("到2030年中国的数据中心能做到多大规模？").metric == "规模"
    assert analyse("2024年5月，美國把中國大陸電動車的關稅調高到多少？").metric == "关税"
    text = "據預測，到2030年中國數據中心產業規模有望達到2.1萬億元。"
    assert span("照预测，到2030年中国的数据中心产业能做到多大规模？", text) == "2.1萬億元"


def test_a_few_before_another_question_word_is_not_asked():
    q = analyse("2024年一集只有几分钟的短剧，整体市场做到多大规模？")
    assert q.asks == "amount" and q.metric == "规模" and q.unit_hint == ""


def test_a_few_after_a_demonstrative_or_before_a_per_unit_is_not_asked():
    # 这几年, 前几年: "these / past few years"; 几分钟一集: "a few minutes an episode"
    q = analyse("国产游戏这几年打进了很多市场，2024年它们在海外卖了多少钱？")
    assert q.asks == "amount" and q.unit_hint == "钱"
    q = analyse("电池会不会又像前几年那样紧张？2024年锂电池一共造出来多少GWh？")
    assert q.asks == "amount" and q.unit_hint == "gwh"
    q = analyse("我常刷那种几分钟一集的短剧，2024年这个市场一年有多大规模？")
    assert q.asks == "amount" and q.unit_hint == ""
    assert analyse("这个目标提前几年实现？").asks == "duration"  # 提前几年 asks how many years


def test_the_clause_that_asks_says_what_kind_of_figure_is_asked():
    # an earlier clause's 市占率 or 几年 does not make the question ask a share or a duration
    assert analyse("某电池企业虽然市占率很高，但它2024年的净利润到底是多少？").asks == "amount"
    q = analyse("听说电池用几年就要换，2024年全国退下来的旧电池一共有多少吨？")
    assert q.asks == "amount" and q.unit_hint == "吨"
    text = "某電池企業2024年的全球動力電池裝車量市占率為37.9%，連續8年居全球第一。"
    assert span("某电池企业虽然市占率很高，但它2024年的净利润到底是多少？", text) is None
    assert span("听说电池用几年就要换，2024年全国退下来的旧电池一共有多少吨？", text) is None
    # a computed question keeps its kind: its halves span the clauses
    assert analyse("跟2023年比，2024年多卖了多少辆？").asks == "diff"


def test_drugs_in_development_are_not_drugs_approved():
    text = "2024年，國家藥品監督管理局共批准48個1類創新藥上市，數量創歷史新高。"
    assert span("2024年在研的创新药具体有多少个？", text) is None
    assert span("2024年核准上市的1类创新药一共有几个？", text) == "48個"


def test_sentences_of_context_before_the_asking_one_are_not_asked():
    q = analyse("做边框材料的同行天天跟我念叨硅料价格。2024年全国多晶硅一年一共造出来多少吨？")
    assert not q.money and "价格" not in q.terms  # the context's 价格 asks no money
    text = "2024年，全國多晶矽、矽片產量分別為182萬噸、753GW。"
    assert span("做边框材料的同行天天跟我念叨硅料价格。2024年全国多晶硅一年一共造出来多少吨？", text) == "182萬噸"
    q = analyse("我看深圳都用无人机送外卖了。截至2024年底，全国实名登记的无人机有多少架？")
    assert q.entities == ()
    # a sentence that refers back (它, 这个行业) keeps its context; a quoted title's colon ends nothing
    assert analyse("想讲讲比亚迪。它2024年一共卖了多少辆新能源车？").entities == ("比亚迪",)
    assert analyse("《黑神话：悟空》开卖头三日的销售收入有多少？").quoted == ("黑神话:悟空",)


def test_names_in_a_lead_before_a_colon_are_not_asked_when_the_question_names_its_place():
    assert analyse("讲到东亚造船业时想用对岸的数字：2024年中国全国造船完工量有多少载重吨？").entities == ()
    assert analyse("说到深圳：2024年战略性新兴产业增加值是多少？").entities == ("深圳",)
    # a clause of its own time after a lead of none: the lead only sets the scene
    assert analyse("国产游戏这几年也打到台湾来了，2024年这些国产游戏在海外卖了多少钱？").entities == ()
    assert analyse("比亚迪2024年销量多少，在全国排第几？").entities == ("比亚迪",)


def test_a_note_that_rules_a_part_out_or_in_says_which_figure_is_meant():
    q = analyse("2024年国内生产的芯片数量比上一年多了百分之几？（不是进口）")
    assert q.excluded == ("进口",) and "进口" not in q.terms
    text = "2024年，中國進口積體電路5492億塊，同比增長14.6%；全國積體電路產量為4514億塊，同比增長22.2%。"
    assert span("2024年国内生产的芯片数量比上一年多了百分之几？（不是进口）", text) == "22.2%"
    text = "中國稀土儲量約4400萬噸，約占全球的40%，而冶煉分離產能則占全球的九成左右。"
    assert span("中国的稀土储量约占全球的百分之多少？（不是冶炼分离产能的占比）", text) == "40%"
    text = "重慶2024年汽車產量253.8萬輛，其中新能源汽車產量95.3萬輛。"
    assert span("重庆2024年总共生产了多少辆汽车（燃油车和新能源车都算）？", text) == "253.8萬輛"
    assert "(万辆)" in analyse("2024年新能源汽车产量是多少（万辆）？").norm  # a unit note stays


def test_an_achieving_verb_before_the_metric_is_not_the_subject():
    assert analyse("2024年全国规模以上高技术制造业实现营业收入多少万亿元？").subject == "高技术制造业"
    text = "2024年，規模以上醫藥製造業實現營業收入約2.53萬億元，與上年基本持平。"
    assert span("2024年全国规模以上高技术制造业实现营业收入多少万亿元？", text) is None


def test_a_negated_side_of_a_contrast_is_not_asked():
    text = "核電方面，截至2024年底，中國大陸在運核電機組57臺，裝機容量約5976萬千瓦。"
    assert span("中国大陆目前正在建设、还没投运的核电机组具体有多少台？", text) is None
    assert span("截至2024年底中国大陆在运的核电机组有多少台？", text) == "57臺"


def test_new_orders_registrations_and_backlogs_are_told_apart():
    text = "2024年，全國造船完工量4818萬載重噸；新接訂單量11305萬載重噸；截至12月底，手持訂單量20872萬載重噸。"
    assert span("2024年全国造船企业新签下的船舶订单有多少载重吨？", text) == "11305萬載重噸"
    text = "截至2024年底，全國新能源汽車保有量達3140萬輛，其中純電動汽車保有量2209萬輛。"
    assert span("2024年新上牌的新能源车里，纯电动的有多少辆？", text) is None


def test_a_count_of_people_is_said_by_a_figure_in_people():
    text = "2024年，國內遊戲市場實際銷售收入3257.83億元，同比增長7.53%；遊戲用戶規模6.74億人，同比增長0.94%。"
    assert span("2024年玩游戏的人数比前一年多了百分之几？", text) == "0.94%"


def test_a_sum_asked_with_jia_qi_lai_measures_the_noun_before_it():
    assert analyse("2024年创新药对外授权交易里，首付款加起来一共有多少？").metric == "首付款"
    text = "2024年中國創新藥對外授權交易的總金額超過500億美元，交易數量逾90宗。"
    assert span("2024年创新药对外授权交易里，首付款加起来一共有多少？", text) is None
    # 这三类 points back to the list before it
    assert analyse("2023年电动车、锂电池和光伏产品这三类货物出口加起来，比上一年涨了几成？").subject == ""


def test_the_country_before_a_named_whole_is_no_part_of_it():
    text = "截至2024年底，全國新能源汽車保有量達3140萬輛；其中純電動汽車保有量2209萬輛，占新能源汽車保有量的70.34%。"
    assert span("截至2024年底，全国新能源车保有量里面纯电的车占了百分之多少？", text) == "70.34%"


def test_a_minus_b_asked_with_yong_jian_qu_is_computed():
    text = "截至2024年底，全國5G基站總數達425.1萬個，比上年末淨增87.4萬個。"
    got, _ = ask("用2024年底全国5G基站总数减去当年净增的数量，2023年底全国5G基站大约有多少个？", text)
    assert got["text"] == "337.7万个" and got["computed"]
    assert analyse("用A公司的销量减去B公司的销量，差多少？").asks == "diff"


def test_a_fact_sentence_that_says_the_quoted_name_asked_about_is_about_it():
    text = ("浙江杭州因深度求索、宇樹科技、遊戲科學、強腦科技、雲深處科技和群核科技等六家科技企業而受到關注，"
            "這些企業被外界合稱為「杭州六小龍」。")
    got, _ = ask("最近很紅的「杭州六小龍」，到底是哪六家公司？", text)
    assert got is not None and "深度求索" in got["text"]


def test_a_fact_answer_is_never_a_stray_mark():
    text = ("2010年10月，國務院正式發布《關於加快培育和發展戰略性新興產業的決定》，首次明確了七大戰略性新興產業。"
            "該《決定》同時提出了量化目標：到2020年，力爭達到15%左右，並使節能環保、生物產業成為國民經濟的支柱產業，"
            "新能源、新材料、新能源汽車產業成為國民經濟的先導產業。")
    got, _ = ask("按照2010年的《决定》，哪几个产业被定位为国民经济的先导产业？", text)
    assert got is None or len(got["text"].strip("《》「」“”()（）,，。 ")) >= 2


def test_the_side_of_a_contrast_is_the_one_the_asking_clause_says():
    text = "2024年，中國進口積體電路5492億塊；進口金額3856億美元，同比增長10.4%。"
    assert span("大陸進口晶片花了那麼多錢，那2024年大陸出口晶片的金額又是多少？", text) is None
    assert span("进口的数字有了，那2024年集成电路的出口金额是多少美元？", text) is None
    assert span("2024年集成电路的进口金额是多少美元？", text) == "3856億美元"


def test_a_growth_in_money_is_not_the_growth_of_a_count():
    text = "2024年，中國進口積體電路5492億塊，同比增長14.6%；進口金額3856億美元，同比增長10.4%。"
    assert span("2024年花在进口芯片上的钱比前一年多了百分之几？", text) == "10.4%"
    assert span("2024年进口芯片的数量比前一年多了百分之几？", text) == "14.6%"


def test_a_time_between_the_subject_and_its_achieving_verb_is_skipped():
    assert analyse("2024年高技术制造业全年实现的营业收入是多少？").subject == "高技术制造业"
    text = "2024年，規模以上醫藥製造業實現營業收入約2.53萬億元，與上年基本持平。"
    assert span("2024年高技术制造业全年实现的营业收入是多少？", text) is None


def test_the_european_union_is_a_place_named():
    assert "欧盟" in analyse("欧盟对中国纯电动汽车加征的反补贴税，最低税率是多少？").entities
    text = "2024年5月，美國宣布將中國電動汽車的關稅由25%提高至100%。"
    assert span("欧盟对中国纯电动汽车加征的反补贴税，最低税率是多少？", text) is None


def test_years_named_as_a_premise_are_not_asked():
    q = analyse("文中列出了2019年和2023年的电池产量，那么2024年电池产量是多少？")
    assert q.years == (2024,)
    assert analyse("2024年，电池产量和2023年相比是多少？").years == (2023, 2024)
    text = "2019年和2023年中國電池產量分別為85.4GWh和778.1GWh。"
    assert span("文中列出了2019年和2023年的电池产量，那么2024年电池产量是多少？", text) is None


def test_a_fact_sentence_of_the_asked_year_is_preferred_and_trusted():
    text = "2010年，國務院確定節能環保等七個產業為戰略性新興產業。2016年11月，國務院印發規劃，把數位創意產業列入戰略性新興產業，形成八大領域。"
    got, _ = ask("2016年的五年规划多出来的是哪一个产业？", text)
    assert got is not None and "數位創意產業" in got["source_text"]
    got, _ = ask("2010年国务院确定的是哪些产业？", text)
    assert got is not None and "節能環保" in got["source_text"]


def test_which_three_is_answered_by_the_list_before_the_count():
    text = "2025年3月，主管部門將造紙、化工、玻璃三個行業納入全國碳市場，新增重點排放單位約900家。"
    got, _ = ask("2025年3月全国碳市场新纳入哪三个行业？", text)
    assert got is not None and got["source_text"] == "造紙、化工、玻璃三個行業"  # the list with its count
    got, _ = ask("2025年3月全国碳市场新纳入哪两个行业？", text)
    assert got is None or "造紙、化工、玻璃" not in got["source_text"]  # no list of two


def test_a_share_held_in_a_whole_named_before_it():
    q = analyse("2023年数字经济在全国经济总量中所占份额大约是多少？")
    assert q.share_base == ("全国", "经济总量") and q.subject == "数字经济"


def test_a_siblings_measure_named_before_the_subject_is_no_answer():
    text = ("2024年，規模以上軟體製造業增加值同比增長12.5%，增速高出同期高技術製造業3.1個百分點。"
            "同年規模以上高技術製造業增加值同比增長9.4%。")
    assert span("2024年规上高技术制造业增加值增长多少？", text) == "9.4%"


def test_a_day_asked_when_is_given_with_its_year_when_the_text_states_it():
    first = "1941年12月7日清晨，日軍偷襲甲港，史稱甲港事件。"
    later = "甲港事件發生後，總統發表演說，聲稱12月7日是恥辱的一天。"
    got, _ = ask("甲港事件发生于何时？", later, first)
    assert got is not None and got["source_text"] == "1941年12月7日"
    text = "乙島開拓日定於1月14日。1895年1月14日，乙島開拓日由內閣會議決定。"
    assert span("乙岛开拓日是几月几日？", text) == "1月14日"  # 几月几日 asks no year


def test_mining_is_not_smelting():
    text = "2024年，甲國鎢礦開採總量控制指標為11萬噸。"
    assert span("2024年钨冶炼分离总量控制指标是多少？", text) is None
    assert span("2024年钨矿开采总量控制指标是多少？", text) == "11萬噸"


def test_business_volume_and_high_tech_in_other_words():
    q = analyse("2023年高科技制造企业全年的生意额大约有多少？")
    assert q.money
    text = "2023年末，高技術製造業企業實現營業收入約19.6萬億元。"
    assert span("2023年高科技制造企业全年的生意额大约有多少？", text) == "19.6萬億元"


def test_a_sentence_listing_which_ones_is_the_fact_answer():
    text = ("全國碳排放權交易市場於2021年7月啟動，首批納入發電行業重點排放單位2162家。"
            "2025年3月，主管部門將造紙、化工、玻璃三個行業納入全國碳市場。")
    got, _ = ask("2025年碳交易市场扩大范围时，新拉进来的是哪几个行业？", text)
    assert got is not None and got["source_text"] == "造紙、化工、玻璃三個行業"


def test_an_addition_is_not_the_level_it_was_added_to():
    text = "截至2024年底，全國充電站總數達到120萬個，比上年末淨增30萬個。"
    assert span("2024年全国一年之内新增了多少个充电站？", text) == "30萬個"
    assert span("截至2024年底全国充电站总数是多少？", text) == "120萬個"


def test_a_count_of_people_is_not_a_count_of_things_or_money():
    drones = "截至2024年底，甲國實名登記的無人機數量達217.7萬架。"
    assert span("截至2024年底，甲国持证的无人机驾驶员有多少人？", drones) is None
    assert span("截至2024年底，甲国实名登记的无人机有多少架？", drones) == "217.7萬架"
    industry = "2024年，甲國醫藥製造業實現營業收入約2.53萬億元，從業人員約230萬人。"
    assert span("2024年甲国医药制造业有多少从业人员？", industry) == "230萬人"
    assert span("2024年甲国医药制造业有多少从业人员？", industry.split("，從業")[0] + "。") is None


def test_a_change_does_not_answer_a_level():
    text = "截至2024年底，甲國實名登記的無人機數量達217.7萬架，比上年底增加約91萬架。"
    asked = analyse("到2024年底，甲国已经备案的无人驾驶航空器总共有多少架？")
    change = next(c for c in candidates(asked, cites(text)) if c.quantity.text == "91萬架")
    assert not acceptable(change)  # near the level's words too, but a change
    assert span(asked, text) == "217.7萬架"
    assert span("2024年甲国登记的无人机比上年底增加了多少架？", text) == "91萬架"


def test_newly_put_into_production_is_an_addition():
    text = ("截至2024年底，甲國可再生能源裝機達到18.89億千瓦，約占全國發電總裝機的56%。"
            "2024年，甲國可再生能源新增裝機3.73億千瓦，約占電力新增裝機的86%。")
    assert span("2024年甲国新投产的发电能力里，可再生能源大约占了多大比例？", text) == "86%"


def test_the_end_of_december_is_the_end_of_the_year():
    text = "截至2024年底，甲國手持訂單量占世界總量的63.1%。"
    assert span("截至2024年12月底，甲国手持订单量占世界总量的比重是多少？", text) == "63.1%"
    assert span("截至2024年11月底，甲国手持订单量占世界总量的比重是多少？", text) is None


def test_the_rest_of_a_whole_named_with_its_modifiers():
    text = "甲市2024年汽車產量253.8萬輛，其中新能源汽車產量95.3萬輛。"
    got, _ = ask("甲市2024年生产的汽车里，不是新能源车的有多少辆？", text)
    assert got is not None and got["computed"] and got["text"] == "158.5万辆"


def test_a_share_of_the_whole_named_before_zhong_is_computed():
    text = ("2024年，甲國手機產量16.7億臺，其中智慧型手機12.5億臺。"
            "甲國顯示面板產能占全球的比重已超過七成。")
    for question in ("2024年甲國生產的手機中，智慧型手機所占的比例約是多少？",
                     "2024年甲國生產的手機當中，智慧型手機大約是總量的百分之多少？"):
        got, _ = ask(question, text)
        assert got is not None and got["computed"] and got["text"] == "74.9%", question


def test_above_designated_size_says_no_scale():
    text = ("2024年，規模以上電子資訊製造業增加值同比增長11.8%。"
            "2024年，甲國軟體和資訊技術服務業完成業務收入137276億元，同比增長10.0%。")
    assert span("2024年做软件和IT服务的企业，收入规模比上年涨了百分之多少？", text) == "10.0%"


def test_a_verb_after_suo_is_no_subject():
    q = analyse("2024年每产出一万元GDP所消耗的能源，比前一年少了百分之几？")
    assert q.subject == ""
    assert span(q, "2024年，甲國萬元GDP能耗比上年降低3.8%。") == "3.8%"


def test_a_share_of_the_worlds_total_resources():
    q = analyse("甲国埋藏的稀土资源占全世界总量的比例大概是多少？")
    assert q.subject == "稀土"  # 资源 says what kind of thing, like 领域
    assert span(q, "甲國稀土儲量約4400萬噸，約占全球的40%。") == "40%"


def test_classifiers_that_count_the_same_things():
    def type_part(question: str, text: str) -> float:
        return candidates(analyse(question), cites(text))[0].parts["type"]

    deals = "2024年，甲國創新藥對外授權交易數量逾90宗。"
    assert type_part("2024年甲国创新药一共卖出去了多少笔海外授权？", deals) == type_part("2024年甲国创新药对外授权交易有多少宗？", deals) == 1.0
    cars = "2024年，甲國新能源汽車銷量1286.6萬臺。"
    assert type_part("2024年甲国新能源汽车卖了多少辆？", cars) == 1.0
    assert type_part("2024年甲国新能源汽车卖了多少吨？", cars) < 1.0


def test_a_wage_is_a_measure_the_sentence_must_say():
    text = "2023年，甲國高技術製造業從業人員約1580萬人，全年實現營業收入約19.6萬億元。"
    assert span("2023年甲国高技术制造业从业人员的平均工资是多少？", text) is None
    assert span("2023年甲国高技术制造业营业收入是多少？", text) == "19.6萬億元"


def test_buying_from_abroad_is_importing():
    text = "2024年，中國進口積體電路5492億塊，同比增長14.6%；進口金額3856億美元，同比增長10.4%。"
    assert span("2024年大陸向國外採購晶片一共花了多少錢？", text) == "3856億美元"


def test_a_quoted_name_with_a_count_in_it_asks_no_total():
    text = "新能源汽車、鋰電池和光伏產品被合稱為出口「新三樣」，2023年「新三樣」合計出口1.06萬億元，首次突破萬億元大關。"
    assert span("2023年“新三样”里锂电池的出口额是多少？", text) is None
    assert span("2023年“新三样”合计出口了多少？", text) == "1.06萬億元"


def test_the_askers_own_verb_weighs_less_than_a_missing_noun():
    text = "2024年，全國民航完成運輸總周轉量1485.2億噸公里，同比增長25.0%；旅客運輸量7.3億人次，同比增長17.9%。"
    assert span("2024年坐飞机出行的人次比上一年多了百分之几？", text) == "17.9%"
    assert span("2024年坐高铁的人次比上一年多了百分之几？", text) is None  # 高铁 is a thing the text does not name


def test_years_of_a_later_clause_do_not_date_the_figure():
    text = ("截至2024年底，甲國可再生能源裝機達到18.89億千瓦；其中，太陽能發電裝機容量約8.9億千瓦。"
            "截至2024年底，甲國可再生能源裝機約占全國發電總裝機的56%；風電和太陽能發電合計裝機達到14.07億千瓦，"
            "提前6年實現了甲國在2020年峰會上承諾的「2030年風光總裝機12億千瓦以上」目標。")
    assert span("截至2024年底，风力发电加上光伏发电的总装机容量有多大？", text) == "14.07億千瓦"


def test_years_in_a_row_are_no_amount():
    text = "2024年，甲國工業機器人產量55.6萬套。甲國已連續12年成為全球最大的工業機器人市場，2023年新增工業機器人裝機量約27.6萬臺。"
    assert span("2024年新增工业机器人装机量多少？", text) is None
    assert span("2023年新增工业机器人装机量多少？", text) == "27.6萬臺"


def test_words_that_say_how_much_are_no_subject():
    assert analyse("2024年短剧整个盘子有多大？").subject == "短剧"
    assert analyse("充电桩到2024年底全国差不多装了多少台？").subject != "差不多"


def test_standard_names_of_a_measure():
    assert span("2024年单位GDP能耗同比降幅是多少？", "2024年，甲國萬元GDP能耗比上年降低3.8%。") == "3.8%"
    text = "2024年，甲國造船完工量、新接訂單量、手持訂單量分別占世界總量的55.7%、74.1%和63.1%。"
    assert span("按载重吨计算，2024年甲国承接的新船订单在全球所占份额是多少？", text) == "74.1%"


def test_a_whole_that_names_its_own_subject_keeps_only_the_place():
    text = "西安2024年汽車產量253.8萬輛，其中新能源汽車產量95.3萬輛。"
    got, _ = ask("西安2024年新能源汽车产量占汽车产量比重？", text)
    assert got is not None and got["computed"] and got["text"] == "37.5%"


def test_a_second_operand_with_its_own_time_and_a_per_unit_price():
    text = "2024年末，甲國碳市場碳價收於每噸97.49元，較上線首日開盤價48元上漲約一倍。"
    got, _ = ask("甲国碳市场2024年末的碳价比上线首日开盘价每吨高出多少元？", text)
    assert got is not None and got["computed"] and got["text"] == "49.49元"  # 首日 is B's own time; 每吨 says per what
    assert analyse("到2024年年底，碳配额的价格停在每吨多少元？").metric == "每吨"


def test_the_askers_own_adjective_weighs_like_their_verb():
    text = "2024年，甲大學獲得的單筆捐贈達3500萬美元，用於興建新校區。"
    q = analyse("2024年甲大学收到的捐赠最高纪录是多少？")
    got = candidates(q, cites(text))[0]
    # 最高 (an adjective no passage says) weighs a quarter: 0.67 here, 0.60 at full weight
    assert got.quantity.text == "3500萬美元" and got.lexical > 0.63


def test_a_fall_asked_is_not_answered_by_a_rise():
    text = ("2024年，規模以上醫藥製造業實現營業收入約2.53萬億元，與上年基本持平；實現利潤總額約3420億元，同比下降1.1%。"
            "同年規模以上高技術製造業增加值同比增長8.9%。")
    assert span("2024年规模以上医药制造业挣的钱比上一年少了百分之几？", text) == "1.1%"  # 挣 is 利润; 少了 is a fall


def test_a_taiwanese_tax_name_and_an_upper_limit():
    text = "2024年10月，甲國對從乙國進口的純電動汽車徵收為期五年的反補貼稅，稅率最高達35.3%。"
    assert analyse("甲國對乙國製純電動車課徵之平衡稅，其稅率上限為多少？").metric == "税率"  # 上限 says which of the 税率
    assert span("甲國對乙國製純電動車課徵之平衡稅，其稅率上限為多少？", text) == "35.3%"  # 平衡稅 is 反补贴税


def test_a_hybrid_is_not_answered_by_a_battery_electric_figure():
    text = "2024年10月，甲國對從乙國進口的純電動汽車徵收為期五年的反補貼稅，稅率最高達35.3%。"
    assert span("甲國對乙國進口之插電式混合動力車所課徵的反補貼稅稅率為何？", text) is None
    assert span("甲國對乙國進口之純電動車所課徵的反補貼稅稅率為何？", text) == "35.3%"


def test_households_are_not_counted_in_ge():
    text = "截至2024年底，全國5G基地台總數達425.1萬個，比上年末淨增87.4萬個；5G行動電話用戶達10.14億戶。"
    assert span("2024年5G行動電話用戶較上年淨增多少戶？", text) is None
    assert span("2024年5G基站比上年净增多少座？", text) == "87.4萬個"  # 个 counts things of any kind


def test_a_two_digit_year_before_the_year_end():
    assert analyse("风电累计装机24底同比增长多少？").years == (2024,)
    assert analyse("截至25末充电桩有多少台？").years == (2025,)


def test_sales_are_not_answered_by_a_fleet():
    assert span("2024年纯电动汽车一共卖了多少辆？", FLEET) is None  # 保有量 is what is on the road, not what was sold
    assert span("截至2024年底纯电动汽车保有量是多少？", FLEET) == "2209萬輛"


def test_a_level_a_year_before_worked_out_when_asked():
    text = "截至2024年底，全國5G基地台總數達425.1萬個，比上年末淨增87.4萬個，占行動通信基地台總數的比重為33.6%。"
    got, _ = ask("依文中數據推算，2023年底5G基地台總數應為多少萬個？", text)
    assert got is not None and got["computed"] and got["text"] == "337.7萬個"
    assert got["formula"] == "425.1萬個 − 87.4萬個 = 337.7萬個"
    assert span("2023年底5G基地台總數是多少？", text) is None  # not asked to work it out: the text does not say it
    got, _ = ask("用2024年底5G基站总数减去当年净增量，推算2023年末5G基站大约有多少万个？", text)
    assert got is not None and got["text"] == "337.7万个"  # only the asking clause is asked a year later
    sales = "2024年，甲國新能源汽車銷量1286.6萬輛，同比增長35.5%。"
    got, _ = ask("根据文中数据推算，2023年甲国新能源汽车销量大约是多少？", sales)
    assert got is not None and got["text"] == "约949.5万辆" and abs(got["value"] - 1286.6e4 / 1.355) < 500
    fall = "2024年，甲省煤炭產量4.2億噸，同比下降16%。"
    got, _ = ask("推算一下2023年甲省煤炭产量是多少？", fall)
    assert got is not None and got["text"] == "约5亿吨"


def test_gongji_says_in_all_not_what_is_counted():
    text = "1990年代以後，各地陸續設立國家級高新技術產業開發區，到2024年底，國家高新區數量已達178家。"
    assert analyse("全国碳市场首批纳入的发电企业共计多少家？").metric != "共计"
    assert span("截至2024年底，國家級高科技園區共計幾處？", text) == "178家"  # 高科技园区 is 高新区


def test_recycled_is_no_money():
    text = "2024年，甲國廢鋼鐵、廢有色金屬、廢紙等主要再生資源回收總量約4億噸。"
    assert not analyse("2024年廢鋼鐵、廢紙這類資源，全國總共回收了多少？").money
    assert span("2024年廢鋼鐵、廢紙這類可再利用的資源，全國總共回收了多少？", text) == "4億噸"


def test_a_target_proposed_does_not_answer_what_was_achieved():
    text = "2016年，甲國印發規劃，並提出到2020年形成5個產值規模10萬億元級的新支柱產業。"
    assert span("按照规划的实际执行结果，2020年新支柱产业的产值达到了多少？", text) is None
    assert span("按照规划，到2020年新支柱产业的产值目标是多少？", text) == "10萬億元"


def test_a_share_computed_from_figures_in_two_units_of_power():
    text = "2024年，甲國可再生能源新增裝機3.73億千瓦，約占電力新增裝機的86%，其中光伏新增277.57GW、風電新增79.82GW。"
    got, _ = ask("2024年新增的可再生能源装机里，风电大概占百分之多少？", text)
    assert got is not None and got["computed"] and got["text"] == "21.4%"
    assert got["formula"] == "79.82GW ÷ 3.73亿千瓦 = 21.4%"


def test_a_sodium_battery_is_not_answered_by_a_lithium_figure():
    text = "2024年全國鋰離子電池總產量達1170GWh，同比增長24%。"
    assert span("2024年钠离子电池产量有多少GWh？", text) is None
    assert span("2024年锂离子电池产量有多少GWh？", text) == "1170GWh"


def test_a_month_keeps_its_year_unless_the_asker_names_it():
    text = "2024年10月，甲國正式對從乙國進口的純電動汽車徵收為期五年的反補貼稅。"
    assert span("甲國是從哪個月開始對乙國產的純電動車課徵反補貼稅？", text) == "2024年10月"
    assert span("甲國是在2024年的幾月開始對乙國產的純電動車課徵反補貼稅？", text) == "10月"


def test_solar_panels_are_the_modules_of_a_list():
    text = "2024年，全國多晶矽、矽片、電池片、組件產量分別為182萬噸、753GW、654GW和588GW。"
    assert span("2024年国内光伏板一年造了多少GW？", text) == "588GW"


def test_a_metric_of_three_words_that_is_a_listed_phrase():
    assert analyse("2024年每万元GDP消耗的能源比上年少了百分之几？").metric == "消耗的能源"
    assert span("2024年每万元GDP消耗的能源比上年少了百分之几？", "2024年，甲國萬元GDP能耗比上年降低3.8%。") == "3.8%"


def test_the_total_of_listed_examples_does_not_answer_for_another_thing():
    text = "2024年，甲國廢鋼鐵、廢有色金屬、廢塑膠、廢紙等主要再生資源回收總量約4億噸。動力電池回收正成為新的增長點。"
    assert span("2024年全国动力电池回收量是多少万吨？", text) is None
    assert span("2024年全国主要再生资源回收总量是多少？", text) == "4億噸"


def test_earned_is_revenue_when_no_profit_is_stated():
    abroad = "2024年，甲國自主研發遊戲海外市場實際銷售收入185.57億美元，同比增長13.39%。"
    assert span("2024年国产游戏出海赚了多少美元？", abroad) == "185.57億美元"
    both = "2024年，甲國軟件業務收入137276億元，同比增長10.0%；實現利潤總額16953億元，同比增長8.7%。"
    assert span("2024年软件业一共赚了多少钱？", both) == "16953億元"  # 赚 is 利润 first


def test_common_words_jieba_tags_as_places_are_no_names():
    assert analyse("請問《黑神話：悟空》是哪一天正式上市的？").entities == ()
    text = "2024年8月20日，國產3A遊戲《黑神話：悟空》正式發售，3天銷量超過1000萬套。"
    assert span("請問《黑神話：悟空》是哪一天正式上市的？", text) == "2024年8月20日"


def test_one_end_of_a_range_when_the_question_asks_it():
    price = "初期的OVA售價為9800日元到14800日元不等。"
    assert span("初期的OVA之價格最高到多少錢?", price) == "14800日元"
    assert span("初期的OVA之價格最低是多少錢?", price) == "9800日元"
    signed = "2007年10月2日至4日，兩國領導人在平壤舉行會談，並簽署了和平繁榮宣言。"
    assert span("和平繁榮宣言於何時開始簽定？", signed) == "2007年10月2日"
    assert span("兩國領導人何時在平壤舉行會談？", signed) == "2007年10月2日至4日"  # the whole span when no end is asked


def test_the_end_of_a_span_when_an_ending_is_asked():
    text = "民主德國存在於1949年到1990年，其間經歷了兩次政治危機。"
    assert span("民主德國於什麼時候滅亡？", text) == "1990年"
    assert span("民主德國是從什麼時候開始存在的？", text) == "1949年"


def test_a_date_unit_jieba_glues_to_the_next_word_is_cut_off():
    text = "合肥2024年汽車產量180.4萬輛，其中新能源汽車產量60.2萬輛，同比增長超過一倍。"
    got, _ = ask("合肥2024年产的汽车里，不是新能源的有多少万辆？", text)
    assert got["computed"] and got["text"] == "120.2万辆"  # 2024 年 产, not 2024 年产


def test_a_measure_jieba_cuts_off_its_verb_and_a_dated_topic_are_subjects():
    q = analyse("2023年中国造船完工量占世界的比重是多少？")
    assert q.subject == "造船完工量"  # 完工 + 量, not 量
    robots = "2023年，甲國新增工業機器人裝機量約27.6萬臺，占全球總量的51%。"
    assert span("2023年中国造船完工量占世界的比重是多少？", robots) is None
    assert analyse("海洋工程装备2024年接了多少订单？").subject == "海洋工程装备"  # the topic, dated after it
    ships = "2024年，甲國造船完工量4818萬載重噸；新接訂單量11305萬載重噸。"
    assert span("海洋工程装备2024年接了多少订单？", ships) is None
    assert span("造船业2024年接了多少订单？", ships) == "11305萬載重噸"
    assert analyse("一共发现了多少组岩画？").subject == ""  # no topic before the question word
    assert analyse("人类视网膜中共有多少个视杆细胞?").subject == ""  # no time after it: jieba's 中共 is no topic


def test_everyday_words_for_export_computing_power_polysilicon_and_new_orders():
    cars = "2024年，甲國新能源汽車產量1288.8萬輛；新能源汽車出口128.4萬輛，同比增長6.7%。"
    assert span("2024年新能源车一共运出去多少辆？", cars) == "128.4萬輛"
    assert span("甲国的电脑计算能力总量在全世界排第几名？", "甲國算力總規模達到280 EFLOPS，位居全球第二。") == "第二"
    ships = "2024年，甲國造船完工量4000萬載重噸；新接訂單量9000萬載重噸。"
    assert span("2024年国内船厂接到的新单一共多少载重吨？", ships) == "9000萬載重噸"
    silicon = "2024年，甲國多晶矽價格較2023年底下跌三成，行業整體陷入虧損。"
    assert span("2024年硅料价格比2023年底跌了多少？", silicon) == "三成"


def test_a_fall_since_a_time_asked_and_a_multiple_grown_by():
    lithium = "碳酸鋰價格較2022年底的高點跌幅超過八成，行業整體陷入虧損。"
    assert span("碳酸锂价格从22年底的高点到现在回撤了多少？", lithium) == "八成"  # 2022 is what the fall is against
    batteries = "2019年和2023年甲國鋰電池產量分別為50GWh和300GWh，四年間擴大了約5倍。"
    assert span("锂电池产量从2019年到2023年，四年里大概翻了几倍？", batteries) == "5倍"


def test_a_target_does_not_answer_what_was_finally_reached():
    goal = "能否在2025年實現數字經濟增加值占GDP比重超過17%的目標，將決定這一輪產業升級的成色。"
    assert span("2025年数字经济增加值占GDP的比重最终达到了多少？", goal) is None
    assert span("2025年数字经济增加值占GDP比重的目标是多少？", goal) == "17%"


PHARMA = "2024年，甲國規模以上醫藥製造業實現營業收入約3.1萬億元，與上年基本持平；實現利潤總額約4000億元，同比下降2.5%。"


def test_everyday_and_taiwan_words_for_profit_a_fall_and_a_stimulus():
    assert span("甲国的药厂2024年赚的钱比前一年少了几个百分比？", PHARMA) == "2.5%"
    assert span("2024年醫藥製造業的獲利比前一年衰退了多少？", PHARMA) == "2.5%"
    assert span("2024年规模以上的制药企业一共挣了多少钱？", PHARMA) == "4000億元"  # 挣 asks money: the profit
    assert span("2024年汽车行业的获利率大概多少？", "2024年，汽車行業的利潤率僅為5.1%，低於工業企業的平均水準。") == "5.1%"
    stimulus = "2008年國際金融危機爆發後，甲國推出約4萬億元的經濟刺激計畫。"
    assert span("2008年金融海啸之后推出的救市方案，规模大概有多少钱？", stimulus) == "4萬億元"


def test_flights_counted_in_sorties_are_not_aircraft_and_a_later_census_is_not_the_fourth():
    drones = "截至2024年底，甲國實名登記的無人機數量達217.7萬架；全年無人機累計飛行時長2666萬小時。"
    assert span("2024年全国无人机一共飞了多少架次？", drones) is None  # 架次 counts flights, 架 aircraft
    assert span("2024年全国无人机一共飞了多少架次？", "2024年，甲國無人機全年飛行500萬架次。") == "500萬架次"
    census = "2024年12月公布的第五次全國經濟普查結果，提供了較完整的依據。"
    assert span("第四次全国经济普查的结果是什么时候公布的？", census) is None
    assert span("第五次全国经济普查的结果是什么时候公布的？", census) == "2024年12月"


def test_the_subject_of_a_growth_rate_is_not_the_measure_that_grows():
    assert analyse("2024年规模以上高技术制造业的增加值同比增长率是多少？").subject == "高技术制造业"


def test_words_for_produced_a_city_scope_a_whole_before_li_and_public_chargers():
    batteries = "2024年甲國鋰離子電池總產量達900GWh，同比增長24%。"
    assert span("2024年全国锂电池一共产出来多少GWh？", batteries) == "900GWh"  # 一共 产出来, not 一 共产 出来
    city = "2024年，蘇州戰略性新興產業增加值約1.2萬億元，占全市GDP的比重約為38%。"
    assert analyse("苏州的新兴产业在本市经济总量里头占了多大块？").metric == ""  # before 里头 stands the whole
    assert span("苏州的新兴产业在本市经济总量里头占了多大块？", city) == "38%"  # 全市GDP: a scope, not another owner
    chargers = "截至2024年底，甲國充電基礎設施（槍）總數達到1281.8萬臺，同比增長49.1%。"
    assert span("全国公共充电桩现在有多少台？", chargers) is None  # all chargers, public and private
    assert span("全国公共充电桩现在有多少台？", "截至2024年底，甲國公共充電樁達到357.9萬臺。") == "357.9萬臺"


POWER = ("截至2024年底，甲國累計發電裝機容量約30億千瓦，同比增長12.1%。其中，太陽能發電裝機容量約7億千瓦，"
         "同比增長40.3%；風電裝機容量約4億千瓦，同比增長16.2%。")


def test_a_growth_rate_belongs_to_the_measure_of_the_clause_before_it():
    # 同比增长12.1% goes on about 累计发电装机容量, the measure of every kind of power, not of 风电
    assert span("截至2024年底，风电累计装机规模比上一年涨了多少？", POWER) == "16.2%"
    assert span("2024年底风电装机跟前一年比涨了百分之几？", POWER) == "16.2%"  # 装机 asked, 装机容量 said


def test_everyday_words_for_rank_scope_domestic_and_counted_parts():
    compute = "截至2024年底，甲國算力總規模達到200 EFLOPS，位居全球第二。"
    assert analyse("我国整体计算能力在全球排第几位？").metric == ""  # 排第 asks the rank, it measures nothing
    assert analyse("我国整体计算能力在全球排第几位？").subject == "计算能力"  # 整体: the whole of it
    assert span("我国整体计算能力在全球排第几位？", compute) == "第二"
    assert analyse("2024年国产电动车卖到国外的有多少辆？").subject == "电动车"  # 国产: the country's own
    assert analyse("跟战略性新兴产业沾边的有效发明专利占了多大比例？").entities == ()  # 沾边 is no place
    assert span("2024年规上电子信息制造业增加值同比涨了多少？",
                "2024年，規模以上電子資訊製造業增加值同比增長10.8%，增速高出高技術製造業2.9個百分點。") == "10.8%"
    assert span("2024年动力电池装上车的量比前一年涨了百分之几？", "2024年，甲國動力電池累計裝車量500GWh，同比增長40.5%。") == "40.5%"
    assert span("照“十四五”的要求，到2025年战新产业在整个经济里要占到多大分量？",
                "《十四五規劃》設定到2025年戰略性新興產業增加值占GDP比重超過17%的目標。") == "17%"


def test_a_word_is_found_when_its_dictionary_parts_spell_it_all():
    from seiqa.answer import _parts_in
    assert _parts_in("电子信息", "电子资讯制造业")  # 电子 and 资讯
    assert not _parts_in("国产化", "高端产品的国产替代")  # 国产 alone does not spell 国产化


SOFTWARE_2024 = "2024年，甲國軟體和資訊技術服務業累計完成軟體業務收入80000億元，同比增長10.0%；實現利潤總額10000億元，同比增長8.7%。"


def test_a_profit_margin_not_stated_is_profit_over_revenue():
    got, _ = ask("用营收和利润总额算一下，2024年软件和信息技术服务业的利润率大概多少？", SOFTWARE_2024)
    assert got["text"] == "12.5%" and got["computed"] and got["formula"] == "10000亿元 ÷ 80000亿元 = 12.5%"
    got, _ = ask("如果用2024年的利潤總額除以業務收入，軟體和資訊技術服務業的利潤率大約是多少？", SOFTWARE_2024)
    assert got["text"] == "12.5%"  # the year said in the clause before
    assert span("2024年汽车行业的利润率是多少？", "2024年，汽車行業的利潤率僅為4.3%。") == "4.3%"  # a margin stated
    assert span("2024年医药制造业的利润率是多少？", SOFTWARE_2024) is None  # another industry's figures


def test_the_de_after_the_whole_of_a_share_is_the_shares():
    # 占业务收入的百分之多少: 的 belongs to 百分之多少, it stands for no noun of the part
    got, _ = ask("2024年软件和信息技术服务业的利润总额约占业务收入的百分之多少？", SOFTWARE_2024)
    assert got["text"] == "12.5%" and got["computed"]


RENEWABLES = "2024年，甲國可再生能源新增裝機4億千瓦，約占電力新增裝機的80%，其中光伏新增250GW、風電新增100GW。"


def test_a_share_in_a_whole_named_between_zai_and_li_is_worked_out():
    # 可再生能源新增装机…约占电力新增装机的80% is the whole's own share, not 风电's in it
    got, _ = ask("按2024年的数据，风电新增装机在全部可再生能源新增装机里占多少比例？", RENEWABLES)
    assert got["text"] == "25.0%" and got["formula"] == "100GW ÷ 4亿千瓦 = 25.0%"


def test_a_thing_named_where_the_metric_stands_keeps_its_own_list_item():
    from seiqa.answer import item_fit
    from seiqa.normalise import normalise
    sentence = normalise(RENEWABLES)
    q = analyse("2024年新装上去的光伏有多少GW？")  # 光伏 stands where a metric would
    assert item_fit(q, sentence, sentence.find("100gw")) == -1.0 and item_fit(q, sentence, sentence.find("250gw")) == 0.0
    assert span("2024年新装上去的光伏有多少GW？", RENEWABLES) == "250GW"
    assert span("2024年新装上去的风电有多少GW？", RENEWABLES) == "100GW"


def test_more_with_a_directional_complement_asks_a_difference_or_a_growth():
    assert analyse("2024年电动车比2023年多卖出去多少辆？").asks == "diff"
    got, _ = ask("2024年电动车比2023年多卖出去多少辆？", NEV, NEV_2023)
    assert got["text"] == "337.1万辆"  # sold, not produced
    assert analyse("跟2018年底比，到2023年底企业法人单位多出了百分之几？").asks == "growth"


def test_a_figure_dated_before_it_is_not_the_year_it_is_compared_with():
    storage = "截至2024年底，甲國新型儲能累計裝機規模達7000萬千瓦，是2023年底的兩倍多。"
    assert span("2023年底全国新型储能累计装机是多少万千瓦？", storage) is None
    assert span("2024年底全国新型储能累计装机是多少万千瓦？", storage) == "7000萬千瓦"


def test_one_item_of_a_list_asked_is_no_total_asked():
    city = "甲市將積體電路、生物醫藥和人工智慧列為三大先導產業，2024年三大先導產業規模合計約1.8萬億元。"
    assert span("甲市三大先导产业里，单算集成电路一项，2024年规模有多大？", city) is None
    assert span("甲市三大先导产业2024年规模合计有多大？", city) == "1.8萬億元"


def test_an_adverb_of_time_or_a_verb_after_a_contrast_word_is_not_what_is_measured():
    assert analyse("全国海上风电装机容量目前有多少？").metric == "装机容量"  # 目前 says when
    assert span("全国海上风电装机容量目前有多少？", POWER) is None  # 风电, not 海上风电
    assert analyse("2024年二氧化碳新增排放总量是多少？").subject == "二氧化碳"  # 新增 排放: which of the measure


SHIPS = "2024年，甲國造船完工量4000萬載重噸，同比增長13.8%；新接訂單量10000萬載重噸，同比增長58.8%。"


def test_everyday_words_for_shipyards_new_orders_and_forecasts():
    assert analyse("2024年船厂新签的订单比上一年涨了多少？").subject == "船厂"  # 新签 says which orders
    assert span("2024年船厂新签的订单比上一年涨了多少？", SHIPS) == "58.8%"
    assert span("2024年国内船厂接到的新单一共多少载重吨？", SHIPS) == "10000萬載重噸"  # 新单: new orders, not completions
    forecast = "以低空經濟為例，2023年甲國低空經濟規模達到5000億元，同比增長33.8%，預計到2035年有望達到3.5萬億元。"
    got, _ = ask("照文中的预测，2035年低空经济规模大概是2023年的几倍？", forecast)
    assert got["text"] == "7倍" and got["formula"] == "3.5万亿元 ÷ 5000亿元 = 7倍"  # 预计到2035年: 低空经济's own forecast


def test_a_demonstrative_and_a_generic_indicator_are_not_what_a_figure_is_of():
    question = "造船完工量、新接订单量、手持订单量这三项指标已经连续多少年居世界第一？"
    assert analyse(question).subject == ""  # 这三项指标 points back to the list, it names nothing new
    ships = "三大指標以載重噸計分別占世界總量的55.7%、74.1%和63.1%，連續15年居世界第一。"
    assert span(question, ships) == "15年"


WIND_SOLAR = "截至2024年底，甲國可再生能源裝機達到18億千瓦；風電和太陽能發電合計裝機達到14億千瓦。"


def test_wind_and_solar_together_and_a_total_asked_by_zongliang():
    assert analyse("风光合计装机24底多少亿kW").subject == "风光"  # 合计 says how much, not of what
    assert span("风光合计装机24底多少亿kW", WIND_SOLAR) == "14億千瓦"  # 风光: 风电和太阳能发电
    assert span("到2024年底，风力发电和光伏发电加在一起的装机总量是多少？", WIND_SOLAR) == "14億千瓦"  # 合计 says the 总量


def test_a_sum_paid_is_a_measure_its_sentence_must_say():
    deals = "2024年甲國創新藥對外授權交易的總金額超過500億美元，交易數量逾90宗。"
    assert span("2024年甲国创新药对外授权交易的首付款合计是多少？", deals) is None  # no 首付款 said
    tax = "購置稅減免政策延續至2027年底，其中2024年至2025年免徵，2026年至2027年減半徵收，每輛車的減免稅額分別不超過3萬元和1.5萬元。"
    assert span("购置税优惠进入减半阶段（2026—2027年）后，每辆车最多可少缴多少税款？", tax) == "1.5萬元"  # 税款 = 税额


ROBOTS = "2024年，甲國工業機器人產量50萬套，同比增長14.2%；服務機器人產量1000萬套，同比增長15.6%。"


def test_what_a_figure_is_of_past_a_demonstrative_a_time_or_an_adverb():
    assert analyse("新材料这个赛道2023年整体盘子有多大？").subject == "新材料"  # 这个赛道 points back to 新材料
    assert analyse("服务机器人2024年的产量比前一年多了百分之几？").subject == "服务机器人"  # 2024年 before 的 says when
    assert span("服务机器人2024年的产量比前一年多了百分之几？", "2024年，甲國新能源汽車產量同比增長34.4%。", ROBOTS) == "15.6%"
    assert analyse("到2024年底，全国已经备案的无人驾驶航空器总共有多少架？").subject == ""  # 已经备案的: which, not of what
    assert analyse("大陸各地政府設的產業基金，一檔的規模通常多大？").metric == "规模"  # 通常 says how often
    assert analyse("截至2024年底，已投运新型储能的累计功率规模是多少？").subject == "新型储能"  # 功率 says which size
    assert analyse("碳化硅衬底的国产化率具体到多少了？").metric == "国产化率"


def test_taiwan_and_everyday_words_for_drones_clusters_and_topping_a_chart():
    drones = "截至2024年底，甲國實名登記的無人機數量達200萬架，比上年底增加約90萬架。"
    assert span("請問到2024年底已經登記在案的空拍機有幾架？", drones) == "200萬架"  # 空拍機 = 无人机
    clusters = "2019年10月，甲國發改委公布第一批60個國家級戰略性新興產業集群名單。工信部截至2024年底共認定80個先進製造業集群。"
    assert span("發改委最早公布的那批國家級新興產業聚落，總共有幾個？", clusters) == "60個"  # 聚落 = 集群; 新兴产业 said with 战略性 inside
    modules = "甲國光伏組件產量已連續17年位居全球首位。龍頭企業乙公司連續8年居全球第一。"
    assert span("甲国光伏组件产量霸榜全球第一已经多少年了？", modules) == "17年"  # 霸榜 第一 = 位居首位


def test_which_countries_is_answered_by_the_places_a_sentence_lists():
    text = "2024年，甲國對乙國電動汽車加徵關稅。乙國企業因此加快在匈牙利、泰國、巴西等地設廠，以出海建廠取代整車出口。"
    got, _ = ask("为了绕开关税壁垒，乙国企业跑到哪些国家去开工厂？", text)
    assert got["source_text"] == "匈牙利、泰國、巴西等地設廠"  # the clause the places open
    jiangsu = "江蘇則以光伏和新型電力裝備見長，常州自稱「新能源之都」，2024年新能源產業產值突破8000億元。"
    assert ask("哪個城市自稱「新能源之都」？", jiangsu)[0]["source_text"] == "常州自稱「新能源之都」"  # the place whose clause says it


def test_what_is_left_after_taking_away_a_part_and_two_items_asked_together():
    text = "截至2024年底，甲國可再生能源裝機達到18.89億千瓦；其中，太陽能發電裝機容量約8.9億千瓦；風電和太陽能發電合計裝機達到14.07億千瓦。"
    assert span("2024年底风电和太阳能发电装机是多少？", text) == "14.07億千瓦"  # 和: both, their 合计
    got, _ = ask("2024年底可再生能源装机扣掉风电和太阳能发电，剩下的还有多少亿千瓦？", text)
    assert got["text"] == "4.82亿千瓦" and got["formula"] == "18.89亿千瓦 − 14.07亿千瓦 = 4.82亿千瓦"


def test_an_increase_asked_between_two_times_may_be_a_rate_the_text_states():
    text = "另據測算，2023年末甲國戰略性新興產業企業法人單位約220萬個，比2018年末增長約65%。"
    assert span("2023年末战略性新兴产业企业法人单位数比2018年末增长了多少？", text) == "65%"


PHONES = "2024年甲國手機產量16.7億臺，其中智慧型手機12.5億臺；鋰離子電池總產量達1170GWh。"


def test_a_total_named_with_zong_is_the_figure_of_the_whole_and_a_share_is_computed():
    assert span("2024年全国手机总产量是多少？", PHONES) == "16.7億臺"
    got, _ = ask("2024年智慧型手機產量占全國手機總產量的比例大約是多少？", PHONES)
    assert got["text"] == "74.9%" and got["computed"]


def test_the_other_operand_inherits_the_subject_not_the_way_it_came():
    chips = "2024年，甲國進口積體電路5492億塊，同比增長14.6%。主要產品方面，2024年甲國積體電路產量為4514億塊。"
    got, _ = ask("2024年集成电路进口数量比国内产量多出多少块？", chips)
    assert got["text"] == "978亿块"  # B is 国内集成电路产量, not 国内集成电路进口产量


def test_money_earned_is_a_profit_and_a_cap_is_no_sum():
    pharma = "2024年，甲國高技術製造業增加值同比增長8.9%。規模以上醫藥製造業實現利潤總額約3420億元，同比下降1.1%。"
    assert analyse("2024年规上医药制造业赚的钱比前一年掉了多少？").metric == "赚"
    assert span("2024年规上医药制造业赚的钱比前一年掉了多少？", pharma) == "1.1%"
    subsidy = "2024年推出的汽車以舊換新政策，對報廢舊車並購買新能源乘用車的個人消費者給予最高2萬元的補貼。"
    assert span("2024年汽车以旧换新中央财政一共拿出了多少补贴资金？", subsidy) is None  # 一共: a sum, 最高2万元: a cap
    assert span("2024年汽车以旧换新最多补贴多少钱？", subsidy) == "2萬元"
    batteries = "2024年甲國鋰離子電池總產量達1170GWh，同比增長24%。"
    assert span("2024年全国光伏一共发了多少度电？", batteries) is None  # 发了: what is measured is generated power


def test_a_figure_the_asker_quotes_is_not_what_is_measured():
    q = analyse("有评论称2024年汽车行业利润率不足5%，实际是多少？")
    assert q.metric != "5%" and q.given == ("5%",)
    tariffs = "2024年5月，甲國宣布將乙國電動汽車的關稅由25%提高至100%。"
    assert span("有评论称2024年汽车行业利润率不足5%，实际是多少？", tariffs) is None  # 25% holds 5% but measures no 利润率


def test_a_forecast_clause_goes_on_about_the_measure_of_the_clause_it_follows():
    text = "未來產業包括量子科技、人形機器人等。2023年甲國低空經濟規模達到5000億元，同比增長33.8%，預計到2035年有望達到3.5萬億元。"
    assert span("甲国量子科技产业现在规模有多大？", text) is None  # 3.5万亿元 is 低空经济's 规模
    assert span("照文中的预测，2035年甲国低空经济规模大概有多大？", text) == "3.5萬億元"


def test_mainland_made_and_ship_orders_in_everyday_words():
    games = "2024年，甲國自主研發遊戲海外市場實際銷售收入185.57億美元，同比增長13.39%。"
    assert analyse("陸製電玩2024年在海外賺進多少美元？").subject == "电玩"  # 陸製 says whose, like 国产
    assert span("陸製電玩2024年在海外賺進多少美元？", games) == "185.57億美元"
    ships = ("2024年，甲國造船完工量4818萬載重噸，同比增長13.8%；新接訂單量11305萬載重噸，同比增長58.8%；截至12月底，"
             "手持訂單量20872萬載重噸，同比增長49.7%。三大指標以載重噸計分別占世界總量的55.7%、74.1%和63.1%。")
    assert span("2024年全世界新签的船单里，甲国拿走了多大份额？", ships) == "74.1%"  # 船单 = 新接订单


def test_stance_grade_ordinals_rolled_off_the_line_and_a_quoted_title():
    drugs = ("2024年，乙國藥品監督管理局共批准37個1類創新藥上市。"
             "對外授權方面，2024年乙國創新藥對外授權交易的總金額超過200億美元。")
    assert span("从投资角度看，2024年乙国药监部门一共放行了多少个1类新药上市？", drugs) == "37個"  # a stance asks no money
    assert analyse("2024年乙国一共批准了几款第一类新药？").unit_hint == "款"  # not 款第一
    assert span("2024年對岸的藥品主管機關一共放行了幾款第一類新藥上市？", drugs) == "37個"  # 第一类 is 1类, 放行 批准
    cars = "丙市2024年汽車產量180.2萬輛，其中新能源汽車產量60.5萬輛。"
    assert span("丙市2024年下线的新能源车有多少辆？", cars) == "60.5萬輛"  # 下线: rolled off the line, made
    game = "2023年9月1日上線的單機遊戲《逐光者》，發售5天全平台銷量超過300萬套。"
    assert span("3A遊戲《逐光者》上架五天，各平台加起來賣了幾套？", game) == "300萬套"  # the title names it, not 3a
    plan = "其中最具代表性的是1992年5月啟動的「國家重點研發計畫」，即通稱的「921計畫」。"
    assert span("给大家科普一下，“921计划”是哪年哪月开始的？", plan) == "1992年5月"


def test_hours_in_everyday_words_a_years_running_total_and_a_station():
    drones = "截至2024年底，丁國實名登記的無人機數量達120.5萬架，比上年底增加約40萬架；全年無人機累計飛行時長1500萬小時。"
    assert analyse("2024年一整年，丁国的无人机加起来在天上飞了多少个钟头？").asks == "duration"  # 钟头 is 小时
    assert span("2024年一整年，丁国的无人机加起来在天上飞了多少个钟头？", drones) == "1500萬小時"  # 全年…累计: the year's sum
    stations = "截至2024年底，丁國5G基地台總數達300.2萬個，占行動通信基地台總數的比重為30.5%。"
    assert analyse("5G台站在全部手機訊號基地台裡頭佔了幾%？").asks == "share"  # 占了几%
    assert span("5G台站在全部手機訊號基地台裡頭佔了幾%？", stations) == "30.5%"  # 台站 is no place


def test_per_one_sums_falls_since_a_start_and_a_share_inside_a_whole():
    tax = "乙國新能源汽車車輛購置稅減免政策延續至2027年底，其中2024年至2025年免徵，2026年至2027年減半徵收，每輛車的減免稅額分別不超過2萬元和1萬元。"
    assert span("2024年新能源汽车车辆购置税减免的总额是多少亿元？", tax) is None  # per car, not the sum
    assert span("2024年每辆新能源汽车的车辆购置税最多减免多少？", tax) == "2萬元"
    price = "不過，產能擴張帶來價格下跌，碳酸鋰價格較2022年底的高點跌幅超過八成，行業陷入虧損。"
    assert analyse("碳酸锂价格从2022年底的高点算起，一共跌掉了多少？").asks == "growth"
    assert span("碳酸锂价格从2022年底的高点算起，一共跌掉了多少？", price) == "八成"  # 2022 is where the fall starts
    firms = "2023年末甲產業企業法人單位約150萬個，比2018年末增長約40%。"
    assert span("2023年末甲产业的企业法人单位数比2018年末涨了大概多少？", firms) == "40%"
    sales = ("2024年，甲國新能源汽車銷量1000.0萬輛，同比增長30.0%。", "整車方面，乙公司2024年新能源汽車銷量達到250.0萬輛，同比增長20.0%。")
    got, _ = ask("乙公司2024年卖的新能源车在全国新能源车销量里占了多大比例？", *sales)
    assert got["computed"] and got["text"] == "25.0%"  # 250.0万辆 ÷ 1000.0万辆
    solar = "截至2024年底，其中太陽能發電裝機容量約6.1億千瓦，同比增長40.1%。"
    assert span("2024年装上的太阳能发电，总量比前一年多了百分之几？", solar) == "40.1%"  # a capacity is a total


def test_a_rise_asked_in_a_unit_is_worked_out_from_the_two_levels():
    prices = "2024年末，乙市場碳價收於每噸85.5元，較上線首日開盤價60元上漲約四成。"
    q = analyse("2024年末乙市场的碳价比上线首日开盘价涨了多少元？")
    assert q.asks == "diff" and analyse("2024年末乙市场的碳价比2023年末涨了多少？").asks == "growth"  # no unit: a rate
    got, _ = ask("2024年末乙市场的碳价比上线首日开盘价涨了多少元？", prices)
    assert got["computed"] and got["value"] == 25.5  # 85.5元 − 60元, not 四成


def test_a_question_put_again_in_other_words_asks_the_second_wording():
    assert restated("2024年车企整体每卖一百块钱能落下几块钱利润，也就是赚钱的比率是多少?") == "2024年车企整体赚钱的比率是多少?"
    assert restated("2024年产量是多少，也就是说比上年多吗") == "2024年产量是多少，也就是说比上年多吗"  # no question word after
    margin = "2024年，乙國光伏龍頭企業普遍虧損；汽車行業的利潤率僅為5.1%，低於工業企業的平均水準。"
    assert span("2024年车企整体每卖一百块钱能落下几块钱利润，也就是赚钱的比率是多少？", margin) == "5.1%"


def test_a_hong_kong_robot_is_a_robot():
    robots = "2024年，丁國工業機器人產量40.1萬套，同比增長10.2%；服務機器人產量800.5萬套，同比增長12.3%。"
    assert span("2024年丁國服務型機械人產量按年增長幾多？", robots) == "12.3%"  # 機械人: jieba cuts it into 机械 + 人


def test_cases_counted_by_deal_and_plates_taken_as_registrations():
    deals = "對外授權方面，2024年乙國創新藥對外授權交易的總金額超過300億美元，交易數量逾70宗，跨國藥企從乙國引進的候選藥物增多。"
    assert span("2024年乙國新藥授權給海外藥廠的案子大約有幾件？", deals) == "70宗"  # 件 counts deals as 宗 does
    plates = "2024年全國新註冊登記的新能源汽車為900萬輛，比2023年增加300萬輛。"
    assert span("2024年中國大陸新領牌照的新能源車總共有多少輛呢？", plates) == "900萬輛"  # 领牌照: registered


def test_a_name_the_question_opens_with_must_be_in_the_passage():
    pharma = "2024年，規模以上醫藥製造業實現營業收入約2.10萬億元，與上年基本持平。"
    assert span("大疆2024年的营业收入是多少？", pharma) is None  # 大疆 owns the revenue asked; the passage never names it
    assert span("2024年规模以上医药制造业的营业收入是多少？", pharma) == "2.10萬億元"
    chips = "2024年全國積體電路產量為3800億塊，同比增長20.1%。"
    assert span("對岸2024年積體電路產量的年增率是多少？", chips) == "20.1%"  # 对岸 (Taiwan's word) is the mainland


def test_a_count_asked_after_a_lead_that_speaks_of_money():
    cars = "乙市以國有資本引進整車企業，2024年乙市新能源汽車產量約90.5萬輛，同比增長約0.8倍。"
    assert span("乙市靠政府投資把車廠拉進來很有名，2024年乙市一共造了多少輛電動車？", cars) == "90.5萬輛"  # 投资 is the lead's; 多少辆 asks a count


def test_a_few_in_a_lead_asks_no_unit():
    solar = "2024年，全國矽片、電池片產量分別為700GW和600GW，同比分別增長12%和10%。"
    assert span("縣內幾家太陽能電池廠很在意對岸產能：2024年大陸的太陽能電池片一年做出了多少？", solar) == "600GW"  # 几家 there is "a few", and 产能 is the lead's


def test_a_side_named_in_a_framing_lead_is_not_asked():
    rank = "截至2024年底，全國算力總規模達到200 EFLOPS，位居全球第三。"
    assert span("跟海外同行开会时常被问到：截至2024年底，咱们国家的算力总量在全世界能排到第几位？", rank) == "第三"


def test_a_directional_complement_is_no_metric_and_a_city_gdp_is_its_product():
    scrap = "2024年，全國廢鋼鐵、廢紙等主要再生資源回收總量約3億噸。"
    assert span("2024年全国废钢、废纸这些主要旧料一共收回来多少？", scrap) == "3億噸"  # 收回来: 回收, not 来
    city = "2024年，乙市戰略性新興產業增加值約1.2萬億元，占全市GDP的比重約為35%。"
    assert span("2024年乙市戰略性新興產業增加值佔全市生產總值大約百分之多少？", city) == "35%"  # 生产总值 is GDP


def test_a_quota_does_not_answer_what_was_actually_done_and_new_orders_are_not_completions():
    quota = "2024年，乙國稀土開採總量控制指標為20萬噸，冶煉分離總量控制指標為19萬噸。"
    assert span("2024年乙国稀土实际开采了多少万吨？", quota) is None  # a quota (控制指标) is no actual output
    ships = "2024年，全國造船完工量5000萬載重噸，同比增長10.0%；新接訂單量9000萬載重噸，同比增長50.0%；截至12月底，手持訂單量1.5億載重噸，同比增長40.0%。"
    assert span("船企的订单能见度很关键：2024年全国造船新接的订单（按载重吨）比上一年多了百分之几？", ships) == "50.0%"  # 新接的订单 is not 完工


def test_registrations_do_not_answer_what_was_sold():
    cars = ("2024年，乙國新能源汽車產銷分別完成600萬輛和590萬輛，同比分別增長30%和32%。"
            "2024年全國新註冊登記的新能源汽車為500萬輛，比2023年增加200萬輛。")
    assert span("2024年乙国新能源汽车卖出去的数量比2023年多了多少万辆？", cars) is None  # 200万 more were registered, not sold; 2023 sales are not given


def test_a_power_figure_says_a_capacity_and_a_flow_word_before_de_names_no_subject():
    solar = ("2024年，全國可再生能源新增裝機3億千瓦，其中光伏新增200GW、風電新增60GW。"
             "截至2024年底，太陽能發電裝機容量約7億千瓦。")
    assert span("2024年全国新装的太阳能光伏发电容量有多少？", solar) == "200GW"  # 新装 says which, 200GW is a capacity


def test_taiwan_words_for_solar_power_and_computing_power():
    solar = ("2024年，全國光伏新增200GW、風電新增60GW。截至2024年底，太陽能發電裝機容量約7億千瓦，"
             "風電裝機容量約4億千瓦。")
    assert span("截至2024年底，全國太陽光電的累計裝置容量大約是多少？", solar) == "7億千瓦"  # 太阳光电 is Taiwan's 光伏
    compute = "截至2024年底，全國算力總規模達到200 EFLOPS，位居全球第三。"
    assert span("截至2024年底，全國的運算能力加起來有多大？", compute) == "200 EFLOPS"  # 运算能力 is Taiwan's 算力


def test_how_big_a_plate_is_said_by_any_measure_of_size():
    materials = "據估算，2023年乙國新材料產業總產值約6萬億元，而2012年僅約1萬億元。"
    assert span("乙国新材料这个赛道2023年整体盘子有多大？", materials) == "6萬億元"  # 盘子: the size, here 总产值
    carbon = "全國碳市場首批納入發電行業重點排放單位2000家，覆蓋年度二氧化碳排放量約40億噸。"
    assert span("全国碳市场刚开张时，管控的年度碳排放盘子有多大？", carbon) == "40億噸"


def test_a_share_asked_as_baifenzhi_duoshao_has_no_whole_after_zhan():
    stock = "截至2024年底，全國新能源汽車保有量達3000萬輛；其中純電動汽車保有量2200萬輛，占新能源汽車保有量的73.34%。"
    assert span("到2024年底，路上的新能源车里纯电的车占百分之多少？", stock) == "73.34%"  # stated, not 2200 ÷ 3000 computed


def test_a_word_in_quotes_glossed_straight_after_is_no_name():
    earth = "乙國稀土儲量約3000萬噸，約占全球的30%。"
    assert span("乙国稀土的“家底”，也就是储量，大约有多少吨？", earth) == "3000萬噸"


def test_a_place_named_only_in_a_remark_after_the_question_is_not_asked():
    zones = "到2024年底，國家高新區數量已達170家。"
    assert span("到2024年底，中國的國家級高新區有幾家？我們想拿來和臺灣的科學園區做對照。", zones) == "170家"


def test_jiameng_is_no_place():
    assert analyse("我在考虑加盟开充电站,先想摸摸底:2024年新能源汽车一共卖出去多少辆?").entities == ()  # 加盟: to join a franchise


def test_a_count_after_deng_counts_the_kind_named_after_it():
    curbs = "2025年4月，乙國宣布對釤、釓、鋱等5類中重稀土相關物項實施出口管制。"
    assert span("2025年4月乙国实施出口管制的中重稀土相关物项一共有几类？", curbs) == "5類"
    scrap = "2024年，全國廢鋼鐵、廢紙等主要再生資源回收總量約4億噸。"
    assert span("2024年全国动力电池回收量是多少？", scrap) is None  # the total of the things listed is no other thing's


def test_a_verb_that_restates_the_metric_leaves_the_subject_before_it():
    assert analyse("2024年中国碳纤维实际生产出来的产量是多少万吨？").subject == "碳纤维"
    silicon = "2024年，全國多晶矽、矽片產量分別為182萬噸、753GW。2024年中國碳纖維運行產能約14萬噸。"
    assert span("不看产能，2024年中国碳纤维实际生产出来的产量是多少万吨？", silicon) is None  # 182万吨 is 多晶硅's


def test_a_gloss_in_brackets_inside_the_subject_is_read_through():
    assert analyse("截至2024年底中国大陆离岸（海上）风电的累计装置容量是多少？").subject == "离岸风电"
    wind = "截至2024年底，風電裝機容量約5億千瓦，同比增長18.0%。"
    assert span("截至2024年底中国大陆离岸（海上）风电的累计装置容量是多少？", wind) is None  # all wind is no offshore figure


def test_taiwan_zhuangzhiliang_is_installed_capacity():
    solar = "2024年，全國可再生能源新增裝機3億千瓦，其中光伏新增200GW、風電新增50GW。"
    got, _ = ask("2024年太陽光電新增的裝置量，是風電新增裝置量的幾倍？", solar)
    assert got and got["computed"] and got["text"] == "4倍"  # 装置量: Taiwan's 装机量


def test_an_asking_clause_opening_with_na_asks_of_the_subject_before_it():
    assert analyse("截至2024年底新型储能累计装机7000万千瓦，那2024年当年新增装机是多少万千瓦？").subject == "新型储能"
    renewables = "2024年，全國可再生能源新增裝機3.73億千瓦，約占電力新增裝機的86%。"
    storage = "截至2024年底，全國新型儲能累計裝機7000萬千瓦。"
    assert span("截至2024年底新型储能累计装机7000万千瓦，那2024年当年新增装机是多少万千瓦？", renewables, storage) is None  # 3.73亿千瓦 is renewables'


def test_a_gloss_that_names_the_metric_says_it_there():
    assert analyse("2024年全国新安装的工业机器人（装机量）有多少台？").subject == "工业机器人"
    robots = "2023年新增工業機器人裝機量約27萬臺。"
    nuclear = "核電方面，截至2024年底，在運核電機組57臺，裝機容量約6000萬千瓦。"
    assert span("2024年全国新安装的工业机器人（装机量）有多少台？", robots, nuclear) is None  # 57台 are reactors


def test_a_sum_named_before_the_verb_of_duoshao_qian_is_the_metric():
    assert analyse("2024年创新药对外授权交易里，首付款一共收了多少钱？").metric == "首付款"
    assert analyse("2024年底时每吨碳排放配额能卖多少钱？").metric == ""  # 配额 is a quota, no sum
    deals = "2024年乙國創新藥對外授權交易的總金額超過500億美元，交易數量逾90宗。"
    assert span("2024年乙国创新药对外授权交易里，首付款一共收了多少钱？", deals) is None  # the total is no upfront payment


def test_the_list_before_a_count_of_which_n_runs_from_its_first_name():
    group = "浙江乙市因甲科技、乙科技和丙科技等三家科技企業而受到關注，這些企業被外界合稱為「乙市三小龍」。"
    got, _ = ask("孙子老提“乙市三小龙”，这指的是哪三家企业？", group)
    assert got is not None and got["source_text"] == "甲科技、乙科技和丙科技等三家科技企業"  # from 因, to the noun counted


def test_zhe_ji_points_back_and_asks_nothing():
    q = analyse("2025年3月生态环境部把哪三个行业新纳入了全国碳市场？这几个行业的企业以后贷款可能要算碳成本。")
    assert q.asks == "fact"
    assert analyse("这几年新能源汽车卖了多少辆？").asks == "count"


def test_a_part_asked_inside_a_whole_needs_a_sentence_naming_the_part():
    games = "2024年，國內遊戲市場實際銷售收入3000億元，同比增長7.5%。"
    assert span("大陆软件业2024年的营收里，云端服务这一块单独的收入是多少？", games) is None  # the games' sales are no cloud revenue


def test_a_place_in_a_framing_lead_is_no_topic_of_the_question():
    nuclear = "核電方面，截至2024年底，中國大陸在運核電機組50臺，裝機容量約5000 萬千瓦；"
    assert span("台灣正在討論核能的角色，所以想對照一下：截至2024年底，中國大陸在運轉中的核電機組總裝置容量大約多少？", nuclear) == "5000 萬千瓦"


def test_facilities_say_where_a_measure_stands_not_of_what():
    assert analyse("截至2024年底，全国装好的太阳能发电设施总容量大约有多少？").subject == "太阳能发电"


def test_a_remark_after_the_question_may_rule_a_figure_out():
    assert analyse("2024年碳市场的配额成交量是多少？我要的是当年数字，不是累计。").excluded == ("累计",)
    carbon = "截至2024年底，全國碳市場碳排放配額累計成交量6億噸，累計成交額400億元。"
    assert span("2024年這一年當中，全國碳市場的碳排放配額成交量是多少？我要的是當年數字，不是累計。", carbon) is None


def test_a_sentence_opening_with_a_bare_measure_goes_on_about_the_one_before():
    chips = ("2024年，全國進口積體電路5000億塊，同比增長14.6%；進口金額3800億美元，同比增長10.4%。"
             "出口管制限制先進晶片與半導體設備對華出口。")
    assert span("2024年全国半导体设备进口额是多少？", chips) is None  # the 3800亿美元 are chips'
    assert span("2024年全国集成电路进口额是多少？", chips) == "3800億美元"


def test_a_high_tech_park_spelled_out_is_a_high_tech_zone():
    zones = "到2024年底，國家高新區數量已達170家。"
    assert span("到2024年底，大陸國家級的高新科技園區一共有幾個？", zones) == "170家"


def test_a_unit_noted_in_brackets_after_duoshao_is_the_unit_and_no_metric():
    q = analyse("审计船舶工业扶持资金时需要产出指标：2024年全国造船一年交付完工了多少（按载重吨算）？")
    assert (q.unit_hint, q.metric, q.money) == ("载重吨", "完工", False)  # 资金 is the lead's; 载重吨 is no money
    ships = "2024年，全國造船完工量4000萬載重噸，同比增長13.8%；新接訂單量1億載重噸。"
    assert span("审计船舶工业扶持资金时需要产出指标：2024年全国造船一年交付完工了多少（按载重吨算）？", ships) == "4000萬載重噸"
