from seiqa.cite import lookup
from seiqa.ingest import structure
from seiqa.records import Document

TEXT = "標題\n\n三、布局現狀\n3、新能源汽車產業\n2024年，新能源汽車產銷分別完成1288.8萬臺和1286.6萬臺，同比分別增長34.4%和35.5%。\n"


def doc() -> Document:
    _, paras = structure(TEXT)
    return Document("a.txt", TEXT, "0", "標題", tuple(paras))


def test_simplified_quote_found_in_traditional_text_with_offsets():
    (loc,) = lookup([doc()], "新能源汽车产销分别完成1288.8万台")
    assert TEXT[loc.start : loc.end] == loc.text == "新能源汽車產銷分別完成1288.8萬臺"
    assert loc.section == "三、布局現狀 › 3、新能源汽車產業"


def test_spacing_and_punctuation_differences_allowed():
    (loc,) = lookup([doc()], "同比分别增长 34.4％ 和 35.5％")
    assert loc.text == "同比分別增長34.4%和35.5%"
    (loc,) = lookup([doc()], "2024年 新能源汽车产销")
    assert loc.text == "2024年，新能源汽車產銷"


def test_not_in_corpus():
    assert lookup([doc()], "新能源汽车出口量") == []
    assert lookup([doc()], "。，！") == []
