from pathlib import Path

import pytest

from seiqa.ingest import IngestError, decode, heading_level, list_corpus, read_document, structure


def test_heading_styles_give_section_paths():
    text = (
        "報告標題\n\n第一章 總論\n\n一、前言\n導言第一段。\n\n（一）背景\n背景一段。\n"
        "1、新能源汽車產業\n產銷分別完成1288.8萬臺和1286.6萬臺。\n2、新材料\n新材料一段。\n"
        "二、結論\n結論一段。\n# 附錄\n## 附表\n表格說明。\n"
    )
    title, paras = structure(text)
    assert title == "報告標題"
    got = {text[p.start : p.end]: p.section for p in paras}
    assert got["導言第一段。"] == "第一章 總論 › 一、前言"
    assert got["背景一段。"] == "第一章 總論 › 一、前言 › （一）背景"
    assert got["產銷分別完成1288.8萬臺和1286.6萬臺。"] == "第一章 總論 › 一、前言 › （一）背景 › 1、新能源汽車產業"
    assert got["新材料一段。"] == "第一章 總論 › 一、前言 › （一）背景 › 2、新材料"
    assert got["結論一段。"] == "第一章 總論 › 二、結論"
    assert got["表格說明。"] == "附錄 › 附表"


@pytest.mark.parametrize(
    "line,is_heading",
    [
        ("一、前言", True),
        ("（三）外部環境", True),
        ("(二) 規劃", True),
        ("3、新能源汽車產業", True),
        ("第十二章 展望", True),
        ("## 小結", True),
        ("1、產量增長了三成。", False),  # ends like a sentence: a list item, not a heading
        ("2024年新能源汽車產量", False),
        ("一、" + "很長的標題" * 10, False),
    ],
)
def test_heading_level(line, is_heading):
    assert (heading_level(line) is not None) == is_heading


def test_paragraphs_one_per_line_and_hard_wraps_joined():
    text = "第一段第一句。\n第二段開頭，\n被硬換行的後半句。\n\n第三段"
    _, paras = structure(text)
    assert [text[p.start : p.end] for p in paras] == ["第一段第一句。", "第二段開頭，\n被硬換行的後半句。", "第三段"]


def test_offsets_survive_crlf_and_bom(tmp_path: Path):
    raw = "\ufeff標題\r\n\r\n一、前言\r\n這是正文。\r\n".encode("utf-8")
    (tmp_path / "a.txt").write_bytes(raw)
    doc = read_document(list_corpus(tmp_path)[0])
    text = raw.decode(doc.encoding)
    assert doc.text == text
    (p,) = doc.paragraphs
    assert text[p.start : p.end] == "這是正文。"


def test_decode_big5_and_gb18030():
    s = "新能源汽車產業發展迅速，產量居全球第一。"
    assert decode(s.encode("big5"), "x")[0] == s
    simp = "新能源汽车产业发展迅速，产量居全球第一。"
    assert decode(simp.encode("gb18030"), "x")[0] == simp


def test_binary_file_is_refused_by_name():
    with pytest.raises(IngestError, match="bin.txt"):
        decode(b"\x00\x01\x02abc", "bin.txt")


def test_list_corpus_skips_links_outside_and_other_suffixes(tmp_path: Path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("外部文件。", encoding="utf-8")
    (corpus / "內部 文件.txt").write_text("內部。", encoding="utf-8")
    (corpus / "notes.md").write_text("# 標題\n內容。", encoding="utf-8")
    (corpus / "data.csv").write_text("a,b", encoding="utf-8")
    (corpus / "link.txt").symlink_to(outside)
    assert [f.rel for f in list_corpus(corpus)] == ["notes.md", "內部 文件.txt"]


def test_missing_corpus_names_folder(tmp_path: Path):
    with pytest.raises(IngestError, match="nope"):
        list_corpus(tmp_path / "nope")


def test_metadata_beside_document(tmp_path: Path):
    (tmp_path / "a.txt").write_text("正文一句。", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"title": "標題甲", "date": "2025-01-01"}', encoding="utf-8")
    doc = read_document(list_corpus(tmp_path)[0])
    assert doc.title == "標題甲" and doc.meta["date"] == "2025-01-01"
