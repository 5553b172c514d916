"""SQuAD import (seiqa.squad) and retrieval metrics (seiqa.evaluate). No model needed."""
from __future__ import annotations

import json
import math

import pytest

from seiqa.evaluate import Gold, gold_rank, hit_at_k, is_hit, mrr, summarise
from seiqa.ingest import list_corpus, read_document
from seiqa.records import Citation
from seiqa.squad import has_digit, import_squad, read_squad_qa, slug


def _qa(qid: str, question: str, *answers: tuple[str, int]) -> dict:
    return {"id": qid, "question": question, "answers": [{"text": t, "answer_start": s} for t, s in answers]}


CTX_A1 = "北京是中国的首都，2024年常住人口约2183万人。"
# leading spaces and an internal line break (CRLF: two characters, two spaces)
CTX_A2 = "  上海位于长江入海口，\r\n2023年GDP为4.72万亿元。  "
CTX_B1 = "台北101高度为５０８公尺，曾是世界最高的摩天大楼。"
CTX_C1 = "这一段的答案在错误的位置。"

SQUAD = {
    "version": "test",
    "data": [
        {
            "title": "中国/城市 (2024)",
            "paragraphs": [
                {"context": CTX_A1, "qas": [
                    _qa("a1-1", "中国的首都是哪里？", ("北京", 0)),
                    _qa("a1-2", "北京常住人口多少？", ("约2183万人", CTX_A1.index("约2183万人")), ("2183万人", 19)),
                ]},
                {"context": CTX_A2, "qas": [
                    _qa("a2-1", "上海位于哪里？", ("长江入海口", CTX_A2.index("长江入海口"))),
                    _qa("a2-2", "上海2023年GDP？", ("4.72万亿元", CTX_A2.index("4.72万亿元"))),
                    # the answer itself spans the line break
                    _qa("a2-3", "整句？", ("入海口，\r\n2023年", CTX_A2.index("入海口"))),
                ]},
            ],
        },
        {
            "title": "臺北101",
            "paragraphs": [
                {"context": CTX_B1, "qas": [
                    _qa("b1-1", "台北101多高？", ("５０８公尺", CTX_B1.index("５０８"))),
                    _qa("b1-2", "它曾是什么？", ("世界最高的摩天大楼", CTX_B1.index("世界"))),
                    _qa("b1-3", "没有答案", ),
                ]},
            ],
        },
        {
            "title": "错位",
            "paragraphs": [
                {"context": CTX_C1, "qas": [_qa("c1-1", "答案？", ("错误的位置", 0))]},
                {"context": "   ", "qas": []},
            ],
        },
    ],
}


@pytest.fixture()
def squad_file(tmp_path):
    path = tmp_path / "mini.json"
    path.write_text(json.dumps(SQUAD, ensure_ascii=False), encoding="utf-8")
    return path


def _texts(corpus):
    return {f.rel: f.path.read_bytes().decode("utf-8") for f in list_corpus(corpus)}


def test_import_writes_documents_and_offsets(squad_file, tmp_path):
    corpus, qa = tmp_path / "corpus", tmp_path / "qa.jsonl"
    report = import_squad(squad_file, corpus, qa)
    names = sorted(p.name for p in corpus.iterdir())
    assert names == ["0001-中国-城市-2024.txt", "0002-臺北101.txt", "0003-错位.txt"]
    assert all("/" not in n for n in names)

    texts = _texts(corpus)
    doc = texts["0001-中国-城市-2024.txt"]
    a2 = "上海位于长江入海口，  2023年GDP为4.72万亿元。"
    assert doc == f"中国/城市 (2024)\n\n{CTX_A1}\n\n{a2}\n"

    rows = {r["id"]: r for r in read_squad_qa(qa)}
    assert sorted(rows) == ["a1-1", "a1-2", "a2-1", "a2-2", "a2-3", "b1-1", "b1-2"]
    for r in rows.values():
        text = texts[r["doc"]]
        assert text[r["answer_start"] : r["answer_start"] + len(r["answer"])] == r["answer"]
        assert r["context_start"] <= r["answer_start"] < r["context_end"]
        assert text[r["context_start"] : r["context_end"]] in (CTX_A1, a2, CTX_B1)
    assert rows["a1-2"]["answers"] == ["约2183万人", "2183万人"]
    assert rows["a1-2"]["answer"] == "约2183万人"
    assert rows["a2-2"]["answer_start"] == doc.index("4.72万亿元")
    assert rows["a2-3"]["answer"] == "入海口，  2023年"  # line break made spaces, like the context
    assert rows["a2-1"]["context_start"] == doc.index(a2) and rows["a2-1"]["context_end"] == doc.index(a2) + len(a2)
    assert rows["b1-1"]["doc"] == "0002-臺北101.txt"

    assert report.articles == 3 and report.documents == 3
    assert report.paragraphs == 4  # the blank context is not written
    assert report.empty_contexts == 1
    assert report.questions_in == 9 and report.questions_out == 7
    assert report.dropped_no_answer == 1  # b1-3
    assert report.dropped_offset == 1  # c1-1
    assert report.contexts_with_line_breaks == 1
    assert report.paragraphs_not_ingested == 0 and report.questions_not_ingested == 0


def test_gold_paragraphs_are_ingest_paragraphs(squad_file, tmp_path):
    corpus, qa = tmp_path / "corpus", tmp_path / "qa.jsonl"
    import_squad(squad_file, corpus, qa)
    docs = {f.rel: read_document(f) for f in list_corpus(corpus)}
    for r in read_squad_qa(qa):
        doc = docs[r["doc"]]
        assert (r["context_start"], r["context_end"]) in {(p.start, p.end) for p in doc.paragraphs}
    assert docs["0002-臺北101.txt"].title == "臺北101"


def test_numeric_only_and_limit(squad_file, tmp_path):
    report = import_squad(squad_file, tmp_path / "c", tmp_path / "q.jsonl", numeric_only=True)
    ids = [r["id"] for r in read_squad_qa(tmp_path / "q.jsonl")]
    # "北京", "长江入海口", "世界最高的摩天大楼", "错误的位置" have no digit; ５０８ (full-width) counts
    assert ids == ["a1-2", "a2-2", "a2-3", "b1-1"]
    assert report.filtered_numeric == 4 and report.dropped_offset == 0

    report = import_squad(squad_file, tmp_path / "c", tmp_path / "q.jsonl", limit_articles=1)
    assert report.articles == 1 and report.documents == 1
    assert [p.name for p in (tmp_path / "c").iterdir()] == ["0001-中国-城市-2024.txt"]  # earlier import replaced


def test_refuses_foreign_documents(squad_file, tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "mine.txt").write_text("x", encoding="utf-8")
    with pytest.raises(FileExistsError):
        import_squad(squad_file, corpus, tmp_path / "q.jsonl")


def test_digits_and_slugs():
    assert has_digit("2024年") and has_digit("５０８公尺")
    assert not has_digit("二〇二四年") and not has_digit("三成") and not has_digit("")
    assert slug("a/b\\c: d?") == "a-b-c-d"
    assert slug("///") == "untitled"
    assert slug("中文标题") == "中文标题"
    assert len(slug("长" * 500)) == 60


# --- metrics ----------------------------------------------------------------------

def _c(rank: int, doc: str, start: int, end: int) -> Citation:
    return Citation(rank, doc, start, end, "x" * (end - start), "", 1.0)


def test_is_hit_needs_half_of_the_gold_span():
    g = Gold("d.txt", 100, 110)  # 10 characters
    assert is_hit(_c(1, "d.txt", 90, 120), g)  # contains it all
    assert is_hit(_c(1, "d.txt", 105, 200), g)  # 5 of 10: exactly half
    assert not is_hit(_c(1, "d.txt", 106, 200), g)  # 4 of 10
    assert is_hit(_c(1, "d.txt", 0, 105), g)
    assert not is_hit(_c(1, "d.txt", 0, 104), g)
    assert not is_hit(_c(1, "d.txt", 110, 200), g)  # touches, shares nothing
    assert not is_hit(_c(1, "e.txt", 90, 120), g)  # other document
    assert is_hit(_c(1, "d.txt", 100, 101), Gold("d.txt", 100, 101))  # one-character gold
    assert is_hit(_c(1, "d.txt", 102, 104), Gold("d.txt", 100, 104))  # 2 of 4


def test_gold_rank():
    g = Gold("d.txt", 100, 110)
    cites = [_c(1, "e.txt", 100, 110), _c(2, "d.txt", 0, 101), _c(3, "d.txt", 95, 115), _c(4, "d.txt", 100, 110)]
    assert gold_rank(cites, g) == 3
    assert gold_rank(cites[:2], g) is None
    assert gold_rank([], g) is None
    # several gold spans: either counts
    assert gold_rank(cites, [Gold("x.txt", 0, 5), Gold("e.txt", 100, 110)]) == 1
    assert gold_rank(cites, []) is None


def test_gold_validates():
    with pytest.raises(ValueError):
        Gold("d.txt", 5, 5)
    with pytest.raises(ValueError):
        Gold("d.txt", -1, 5)


def test_hit_at_k_and_mrr_hand_computed():
    ranks = [1, 3, None, 2, 6]
    assert hit_at_k(ranks, 1) == pytest.approx(1 / 5)
    assert hit_at_k(ranks, 2) == pytest.approx(2 / 5)
    assert hit_at_k(ranks, 3) == pytest.approx(3 / 5)
    assert hit_at_k(ranks, 5) == pytest.approx(3 / 5)
    assert hit_at_k(ranks, 10) == pytest.approx(4 / 5)
    # (1 + 1/3 + 0 + 1/2 + 1/6) / 5 = 2/5
    assert mrr(ranks) == pytest.approx(0.4)
    assert mrr([None, None]) == 0.0
    assert mrr([1, 1]) == 1.0
    assert hit_at_k([], 1) == 0.0 and mrr([]) == 0.0
    with pytest.raises(ValueError):
        hit_at_k(ranks, 0)
    s = summarise([1, None, 4, 2])
    assert s["questions"] == 4
    assert s["hit@1"] == 0.25 and s["hit@3"] == 0.5 and s["hit@5"] == 0.75
    assert math.isclose(s["mrr"], (1 + 0.25 + 0.5) / 4)
