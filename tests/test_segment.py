from seiqa import segment


def test_a_date_unit_after_a_number_is_not_glued_to_the_next_word():
    assert segment.words("24年车企整体利润率")[:3] == ["24", "年", "车企"]
    assert segment.words("2024年纯电车销量")[:3] == ["2024", "年", "纯"]
    assert segment.words("2024年产量")[1:] == ["年", "产量"]
    assert "年" in segment.terms("2024年纯电车销量")


def test_time_words_that_begin_with_the_unit_stay_whole():
    assert segment.words("截至2024年底") == ["截至", "2024", "年底"]
    assert segment.words("1980年代") == ["1980", "年代"]
    assert "年度报告" in segment.words("2024年度报告")
    assert segment.words("5月底前")[:2] == ["5", "月底"]


def test_a_change_to_the_cutting_rules_changes_the_settings_hash(monkeypatch):
    before = segment.settings_hash()
    monkeypatch.setattr(segment, "_RULES", segment._RULES + " changed")
    assert segment.settings_hash() != before
