from hypothesis import given
from hypothesis import strategies as st

from seiqa.normalise import detect_script, normalise, to_script


def test_traditional_and_simplified_meet():
    assert normalise("新能源汽車產銷分別完成1288.8萬臺") == normalise("新能源汽车产销分别完成1288.8万台")


def test_full_width_folded_and_lowercased():
    assert normalise("ＧＤＰ增長１２．５％") == "gdp增长12.5%"


@given(st.text(max_size=200))
def test_length_is_kept(text):
    assert len(normalise(text)) == len(text)


def test_detect_script():
    assert detect_script("2024年新能源汽车产量是多少") == "s"
    assert detect_script("2024年新能源汽車產量是多少") == "t"
    assert detect_script("GDP 2024") == "s"


def test_to_script():
    assert to_script("1288.8萬臺", "s") == "1288.8万台"
    assert to_script("1288.8万台", "t") in ("1288.8萬臺", "1288.8萬台")
