"""Retrieval pieces that need no model: query terms and the year bonus."""
from seiqa.retrieve import _years, query_terms


def test_query_terms_add_the_synonyms_of_the_question_words_once():
    got = query_terms("2023年新能源车一共卖出去多少辆？")
    assert "销量" in got and "新能源汽车" in got  # 卖出 -> 销量, 新能源车 -> 新能源汽车
    assert len(got) == len(set(got))


def test_years_are_read_in_either_digit_width():
    assert _years("２０２４年產量") == {"2024"} and _years("1998年至2001年") == {"1998", "2001"}
    assert _years("12345件") == set()


def test_a_passage_naming_the_asked_year_gets_the_bonus(default_assistant):
    from seiqa.retrieve import RetrieveSettings, retrieve

    a = default_assistant
    q = "2023年新能源汽车销量是多少？"
    vec = a.embedder.queries([q])[0]
    plain = {h.chunk_id: h.score for h in retrieve(a.index, q, vec, 20, RetrieveSettings(year_bonus=0.0))}
    with_bonus = retrieve(a.index, q, vec, 20, RetrieveSettings(year_bonus=0.1))
    assert "2023" in a.index.chunks[with_bonus[0].chunk_id].text
    for h in with_bonus:
        if h.chunk_id in plain:
            named = "2023" in a.index.chunks[h.chunk_id].text
            assert abs(h.score - plain[h.chunk_id] - (0.1 if named else 0.0)) < 1e-6
