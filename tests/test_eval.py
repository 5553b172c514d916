"""Batch evaluation: the answer scorer (seiqa.evaluate), the report (seiqa.report), the
runner's --resume (seiqa.evalrun) and `seiqa eval` / `--compare` / `import squad`.

Most tests need no model (hand-made predictions, a stub assistant); the end-to-end
tests share one small corpus and index and call the CLI twice."""
from __future__ import annotations

import json
import math

import pytest

from seiqa.cli import main
from seiqa.evalrun import PREDICTIONS, read_predictions, run_questions
from seiqa.evaluate import (
    Gold,
    answer_correct,
    answer_f1,
    char_f1,
    gold_spans,
    percentile,
    score,
)
from seiqa.ingest import list_corpus, read_document
from seiqa.qa import QAItem, read_qa
from seiqa.records import Citation, Result
from seiqa.report import compare_files, compare_table, write_report


def _fig(text: str, **kw) -> dict:
    return {"type": "amount", "text": text, "source_text": text, **kw}


def _fact(text: str) -> dict:
    return {"type": "fact", "text": text, "source_text": text}


# --- answer_correct ------------------------------------------------------------------

@pytest.mark.parametrize("gold, pred", [
    ("1.5万亿元", "15000億元"),
    ("1.5萬億元", "1.5 万亿元"),
    ("1286.6萬臺", "1286.6万台"),
    ("1286.6萬輛", "12866000辆"),
    ("35.5％", "35.5%"),
    ("４２７.２萬輛", "427.2万辆"),
    ("3.5个百分点", "3.5個百分點"),
    ("277.57GW", "27757万千瓦"),
    ("約10.0%", "10.0%"),  # qualifiers are not compared
    ("约7.7倍", "7.67倍"),  # an approximate gold: rounds to it at its precision
    ("第二", "第2"),
    ("2010年10月", "2010年10月"),
])
def test_figures_equal_across_units_scripts_and_widths(gold, pred):
    assert answer_correct([gold], _fig(pred))
    assert answer_correct([gold], pred)  # a bare predicted text works too


@pytest.mark.parametrize("gold, pred", [
    ("35.5%", "35.5个百分点"),  # % is not 个百分点
    ("3.5个百分点", "3.5%"),
    ("1288.8萬輛", "1286.6萬輛"),
    ("1288.8萬輛", "1288.8"),  # the unit (and its magnitude) is missing
    ("1288.8萬輛", "1288.8萬台"),  # another unit
    ("1.5万亿元", "1.5亿元"),
    ("7.7倍", "7.67倍"),  # an exact gold needs the exact value
    ("约7.7倍", "7.6倍"),
    ("1286.6萬輛", "1288.8萬輛和1286.6萬輛"),  # a partial match: more than the answer
    ("1288.8萬輛", "1288"),
    ("第二", "2%"),  # a unitless gold compares values, but only within its kind family
])
def test_figures_that_differ(gold, pred):
    assert not answer_correct([gold], _fig(pred))


def test_gold_without_unit_compares_values_only():
    assert answer_correct(["1288.8"], {"type": "amount", "text": "1288.8", "value": 1288.8, "unit": "萬輛"})
    assert answer_correct(["2009"], _fig("2009年"))


def test_sentence_answers_contain_the_gold_after_normalisation():
    sentence = _fact("長三角地區形成了完整的新能源汽車產業鏈，上海、合肥和常州是重要的生產基地。")
    assert answer_correct(["上海、合肥和常州"], sentence)
    assert answer_correct(["上海，合肥和常州"], sentence)  # punctuation and script ignored
    assert answer_correct(["新能源汽车产业链"], sentence)
    assert not answer_correct(["北京"], sentence)
    # containment is for sentence answers only: a figure answer must be the answer
    assert not answer_correct(["常州"], _fig("常州市"))
    assert answer_correct(["常州市"], _fig("常州市"))


def test_several_gold_answers_any_matches():
    assert answer_correct(["1288.8萬輛", "約1289萬輛"], _fig("1289万辆"))
    assert answer_correct(["北京", "上海"], _fact("上海是重要的生產基地。"))
    assert not answer_correct(["北京", "天津"], _fact("上海是重要的生產基地。"))


def test_abstentions():
    assert answer_correct([], None)  # unanswerable, no answer: right
    assert not answer_correct([], _fig("3个"))
    assert not answer_correct(["3个"], None)
    assert not answer_correct(["3个"], "")


def test_char_f1_gives_partial_credit():
    assert char_f1("上海合肥", "上海") == pytest.approx(2 * (1.0 * 0.5) / 1.5)
    assert answer_f1(["上海、合肥"], _fig("上海")) == pytest.approx(2 / 3)
    assert answer_f1(["3个"], _fig("三個")) == 1.0  # correct: full credit
    assert answer_f1(["北京"], None) == 0.0


# --- score() ------------------------------------------------------------------------------

def _item(i, question, answers, line=1, **extra):
    return QAItem(i, question, answers, line, extra)


def test_abstention_precision_recall_and_accuracy_by_hand():
    items = [
        _item("q1", "产量是多少？", ("1288.8萬輛",), type="amount"),
        _item("q2", "销量是多少？", ("1286.6萬輛",), type="amount"),
        _item("q3", "火星上有多少车？", (), type="unanswerable"),
        _item("q4", "月球上有多少车？", (), type="unanswerable"),
        _item("q5", "金星上有多少车？", (), type="unanswerable"),
        _item("q6", "出口多少？", ("128.4萬輛",), type="amount"),
        _item("q7", "哪個城市自稱新能源之都？", None),  # no gold: run, not judged
    ]
    preds = {
        "q1": {"answer": _fig("1288.8万辆"), "citations": []},
        "q2": {"answer": None, "citations": []},
        "q3": {"answer": None, "citations": []},
        "q4": {"answer": _fig("3辆"), "citations": [{"rank": 1, "doc": "a", "start": 0, "end": 4, "text": "月球車輛"}]},
        "q5": {"answer": None, "citations": []},
        "q6": {"answer": None, "citations": []},
        "q7": {"answer": _fact("常州自稱新能源之都。"), "citations": []},
    }
    m = score(items, preds, latencies_ms=[10, 20, 30, 40])
    assert (m.questions, m.with_gold, m.answerable, m.unanswerable) == (7, 6, 3, 3)
    assert m.abstentions == 4  # q2, q3, q5, q6
    assert m.abstention_precision == pytest.approx(2 / 4)  # q3, q5 right
    assert m.abstention_recall == pytest.approx(2 / 3)  # q3, q5 of q3, q4, q5
    assert m.accuracy == pytest.approx(3 / 6)  # q1, q3, q5
    assert m.exact_match == pytest.approx(1 / 3)  # q1 of q1, q2, q6
    assert m.f1 == pytest.approx(1 / 3)
    assert m.by_type["unanswerable"]["accuracy"] == pytest.approx(2 / 3)
    assert m.by_type["amount"]["correct"] == 1
    assert m.by_type["fact"]["questions"] == 1 and m.by_type["fact"]["accuracy"] is None  # from analyse()
    assert set(m.by_script) == {"simplified", "traditional"}
    assert {f["id"] for f in m.failures} == {"q2", "q4", "q6"}
    assert next(f for f in m.failures if f["id"] == "q4")["cited"] == "月球車輛"
    assert m.latency_ms["p50"] == pytest.approx(25.0) and m.latency_ms["p95"] == pytest.approx(38.5)
    assert m.retrieval is None  # no documents given


def test_missing_predictions_are_listed_not_scored():
    items = [_item("q1", "产量？", ("3个",)), _item("q2", "销量？", ("4个",))]
    m = score(items, {"q1": {"answer": "3个"}})
    assert m.missing_predictions == ["q2"] and m.questions == 1 and m.exact_match == 1.0
    assert m.latency_ms is None


def test_percentile():
    assert percentile([], 50) is None
    assert percentile([5.0], 95) == 5.0
    assert percentile([1, 2, 3, 4], 50) == 2.5


# --- retrieval gold ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def docs(tmp_path_factory, corpus_writer):
    folder = corpus_writer(tmp_path_factory.mktemp("eval-docs"))
    return {f.rel: read_document(f) for f in list_corpus(folder)}


def test_gold_spans_rules(docs):
    rel = "能源/新能源汽車.txt"
    text = docs[rel].text
    a = text.index("1286.6萬輛")
    # 1. doc + answer_start
    golds, rule = gold_spans(("1286.6萬輛",), {"doc": rel, "answer_start": a}, docs)
    assert rule == "answer_start" and golds == [Gold(rel, a, a + 8)]
    # 2. doc + context offsets
    golds, rule = gold_spans(("x",), {"doc": rel, "context_start": 10, "context_end": 20}, docs)
    assert rule == "context" and golds == [Gold(rel, 10, 20)]
    # 3. evidence, in the other script: the answer's span inside it
    ev = "新能源汽车产销分别完成1288.8万辆和1286.6万辆"
    golds, rule = gold_spans(("1286.6万辆",), {"evidence": ev}, docs)
    assert rule == "evidence" and golds == [Gold(rel, a, a + 8)]
    # fact questions are judged by the evidence span
    golds, _ = gold_spans(("1286.6万辆",), {"evidence": ev, "type": "fact"}, docs)
    assert golds[0].end - golds[0].start == len(ev)
    # 4. context text
    golds, rule = gold_spans(None, {"context": "光伏組件出口約235.9GW"}, docs)
    assert rule == "context_text" and text != docs["光伏.md"].text and golds[0].doc == "光伏.md"
    # unanswerable, nothing to go on, not located
    assert gold_spans((), {"evidence": ev}, docs) == ([], "none")
    assert gold_spans(("1",), {}, docs) == ([], "none")
    assert gold_spans(("1",), {"evidence": "火星上的汽車"}, docs) == ([], "not_located")
    assert gold_spans(("1",), {"doc": "nope.txt", "answer_start": 0}, docs) == ([], "not_located")


def test_retrieval_metrics_from_citations(docs):
    rel = "能源/新能源汽車.txt"
    text = docs[rel].text
    a = text.index("1286.6萬輛")

    def cit(rank, start, end, doc=rel):
        return {"rank": rank, "doc": doc, "start": start, "end": end, "text": text[start:end], "section": "", "score": 1}

    items = [
        _item("r1", "销量？", ("1286.6萬輛",), doc=rel, answer_start=a),
        _item("r2", "销量？", ("1286.6萬輛",), doc=rel, answer_start=a),
        _item("r3", "销量？", ("1286.6萬輛",), doc=rel, answer_start=a),
        _item("r4", "火星？", ()),
    ]
    preds = {
        "r1": {"answer": None, "citations": [cit(1, a - 5, a + 10)]},
        "r2": {"answer": None, "citations": [cit(1, 0, 5), cit(2, 0, 5, "光伏.md"), cit(3, a, a + 8)]},
        "r3": {"answer": None, "citations": [cit(1, 0, 5)]},
        "r4": {"answer": None, "citations": []},
    }
    r = score(items, preds, docs=docs).retrieval
    assert r["questions"] == 3 and r["rules"] == {"answer_start": 3} and r["not_located"] == 0
    assert r["hit@1"] == pytest.approx(1 / 3) and r["hit@3"] == pytest.approx(2 / 3) and r["hit@5"] == r["hit@3"]
    assert r["mrr"] == pytest.approx((1 + 1 / 3) / 3)


# --- the report ----------------------------------------------------------------------------

def _metrics():
    items = [_item("q1", "产量是多少？", ("1288.8萬輛",), type="amount"),
             _item("q2", "銷量是多少？", ("1286.6萬輛",), type="amount"),
             _item("q3", "火星上有多少车？", (), type="unanswerable")]
    preds = {"q1": {"answer": _fig("1288.8万辆"), "citations": []},
             "q2": {"answer": _fig("1|2"), "citations": [{"rank": 1, "doc": "a", "start": 0, "end": 3, "text": "a|b"}]},
             "q3": {"answer": None, "citations": []}}
    return score(items, preds, latencies_ms=[12.0, 15.0, 30.0], skipped=["qa.jsonl:4: missing or empty 'question'"])


def test_report_files_and_metrics_keys(tmp_path):
    paths = write_report(_metrics(), tmp_path / "rep", meta={"qa": "qa.jsonl"}, latencies=[12.0, 15.0, 30.0])
    for name in ("metrics.json", "report.md", "accuracy_by_type.png", "accuracy_by_script.png", "latency.png"):
        f = tmp_path / "rep" / name
        assert f.is_file() and f.stat().st_size > 0, name
    assert (tmp_path / "rep" / "accuracy_by_type.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not (tmp_path / "rep" / "retrieval.png").exists()  # no documents: no retrieval plot
    data = json.loads(paths["metrics"].read_text(encoding="utf-8"))
    for key in ("meta", "questions", "answered", "accuracy", "exact_match", "f1", "abstentions",
                "abstention_precision", "abstention_recall", "retrieval", "by_type", "by_script", "latency_ms",
                "failures", "skipped", "missing_predictions"):
        assert key in data, key
    assert data["exact_match"] == 0.5 and data["abstention_recall"] == 1.0
    assert set(data["latency_ms"]) == {"p50", "p95", "mean", "max", "n"}
    md = paths["report"].read_text(encoding="utf-8")
    assert "| exact match (answerable) | 0.500 |" in md
    assert "![accuracy by type](accuracy_by_type.png)" in md and "## Failures (1)" in md
    assert "1\\|2" in md and "a\\|b" in md  # a | in a cell does not break the table
    assert "## Skipped lines (1)" in md


def test_compare_two_runs(tmp_path):
    a, b = tmp_path / "run-a", tmp_path / "run-b"
    write_report(_metrics(), a)
    data = json.loads((a / "metrics.json").read_text(encoding="utf-8"))
    data["exact_match"], data["latency_ms"]["p50"] = 1.0, 10.0
    b.mkdir()
    (b / "metrics.json").write_text(json.dumps(data), encoding="utf-8")
    table = compare_files(a / "metrics.json", b)
    lines = table.splitlines()
    assert lines[0] == "| metric | run-a | run-b | Δ (B − A) |"
    assert "| exact match (answerable) | 0.500 | 1.000 | +0.500 |" in lines
    assert "| latency p50 (ms) | 15.0 | 10.0 | -5.0 |" in lines
    assert "| questions | 3 | 3 | +0 |" in lines
    assert "retrieval" not in table  # absent from both runs
    assert "| retrieval hit@1 | — | 0.500 | — |" in compare_table({}, {"retrieval": {"hit@1": 0.5}}).splitlines()
    with pytest.raises(ValueError, match="no such file"):
        compare_files(tmp_path / "nope.json", b)


def test_cli_compare(tmp_path, capsys):
    a, b = tmp_path / "a", tmp_path / "b"
    write_report(_metrics(), a)
    write_report(_metrics(), b)
    assert main(["eval", "--compare", str(a / "metrics.json"), str(b / "metrics.json")]) == 0
    out = capsys.readouterr().out
    assert "| accuracy (all with gold) | 0.667 | 0.667 | +0.000 |" in out


# --- the runner: incremental predictions and --resume ------------------------------------

class StubAssistant:
    """Answers "<n>个" for question n; records what it was asked."""

    def __init__(self, fail_after: int | None = None):
        self.asked: list[str] = []
        self.fail_after = fail_after

    def ask_many(self, questions, k=3, ids=None):
        if self.fail_after is not None and len(self.asked) >= self.fail_after:
            raise KeyboardInterrupt
        self.asked += list(questions)
        cit = [Citation(1, "a.txt", 0, 3, "3个。", "", 1.0)]
        return [Result(q, cit, {"type": "count", "text": q.split("：")[1], "citation": 1}, id=i)
                for q, i in zip(questions, ids)]


def _items(n):
    return [_item(f"q{i}", f"问题{i}：{i}个", (f"{i}个",), line=i) for i in range(1, n + 1)]


def test_resume_skips_done_ids(tmp_path):
    items = _items(7)
    first = StubAssistant(fail_after=4)  # interrupted after two batches of 2
    with pytest.raises(KeyboardInterrupt):
        run_questions(first, items, tmp_path, k=3, batch_size=2, progress=False)
    path = tmp_path / PREDICTIONS
    assert list(read_predictions(path)) == ["q1", "q2", "q3", "q4"]  # written batch by batch
    with path.open("a", encoding="utf-8") as f:
        f.write('{"id": "q5", "question": "问')  # a line cut short by the interruption

    second = StubAssistant()
    run = run_questions(second, items, tmp_path, k=3, batch_size=2, resume=True, progress=False)
    assert second.asked == ["问题5：5个", "问题6：6个", "问题7：7个"]
    assert (run.resumed, run.asked) == (4, 3) and len(run.dropped_lines) == 1
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == [f"q{i}" for i in range(1, 8)]
    assert all(r["latency_ms"] >= 0 for r in rows)
    assert score(items, run.predictions).exact_match == 1.0

    third = StubAssistant()  # without --resume: everything again
    run = run_questions(third, items, tmp_path, batch_size=5, progress=False)
    assert len(third.asked) == 7 and len(path.read_text(encoding="utf-8").splitlines()) == 7


def test_unaskable_question_is_a_recorded_abstention(tmp_path):
    items = [_item("ok", "问题1：1个", ("1个",)), _item("bad", "？？？", ("2个",))]
    run = run_questions(StubAssistant(), items, tmp_path, progress=False)
    assert run.predictions["bad"]["answer"] is None and run.predictions["bad"]["reason"].startswith("error:")
    assert run.asked == 2


# --- end to end (the model) ----------------------------------------------------------------

@pytest.fixture(scope="module")
def e2e(tmp_path_factory, corpus_writer):
    root = tmp_path_factory.mktemp("e2e")
    corpus = corpus_writer(root / "corpus")
    qa = root / "qa.jsonl"
    rows = [
        {"id": "e1", "question": "2024年新能源汽车销量是多少？", "answer": "1286.6万辆",
         "evidence": "新能源汽車產銷分別完成1288.8萬輛和1286.6萬輛"},
        {"id": "e2", "question": "2024年全國光伏新增裝機多少？", "answer": "277.57GW", "type": "amount",
         "evidence": "2024年全國光伏新增裝機277.57GW"},
        {"id": "e3", "question": "2024年火星上新能源汽车销量是多少？", "answer": None, "type": "unanswerable"},
    ]
    qa.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return root, corpus, qa


def test_cli_eval_end_to_end_and_resume(e2e, capsys):
    root, corpus, qa = e2e
    report = root / "report"
    common = ["--corpus", str(corpus), "--index", str(root / "index"), "--report", str(report)]
    assert main(["eval", str(qa), *common, "-k", "3"]) == 0
    data = json.loads((report / "metrics.json").read_text(encoding="utf-8"))
    assert data["questions"] == 3 and data["retrieval"]["questions"] == 2
    assert data["retrieval"]["hit@5"] == 1.0
    assert data["latency_ms"]["n"] == 3 and data["meta"]["source"] == "run"
    assert set(read_predictions(report / PREDICTIONS)) == {"e1", "e2", "e3"}
    for name in ("report.md", "accuracy_by_type.png", "retrieval.png", "latency.png"):
        assert (report / name).is_file()
    capsys.readouterr()

    # a resumed run asks nothing that is already there and gives the same metrics
    assert main(["eval", str(qa), *common, "-k", "3", "--resume"]) == 0
    assert "resumed: 3 predictions kept, 0 questions asked" in capsys.readouterr().err
    again = json.loads((report / "metrics.json").read_text(encoding="utf-8"))
    assert again["accuracy"] == data["accuracy"] and again["retrieval"] == data["retrieval"]

    # scoring the predictions file: the same answer metrics, no latency
    scored = root / "scored"
    assert main(["eval", str(qa), "--pred", str(report / PREDICTIONS), "--report", str(scored),
                 "--corpus", str(corpus)]) == 0
    s = json.loads((scored / "metrics.json").read_text(encoding="utf-8"))
    assert s["accuracy"] == data["accuracy"] and s["retrieval"] == data["retrieval"]
    assert s["latency_ms"] is None and not (scored / "latency.png").exists()


def test_cli_import_squad(tmp_path, capsys):
    ctx = "北京是中国的首都，2024年常住人口约2183万人。"
    src = tmp_path / "squad.json"
    src.write_text(json.dumps({"data": [{"title": "北京", "paragraphs": [{"context": ctx, "qas": [
        {"id": "a", "question": "北京常住人口多少？", "answers": [{"text": "约2183万人", "answer_start": ctx.index("约")}]},
        {"id": "b", "question": "中国的首都是哪里？", "answers": [{"text": "北京", "answer_start": 0}]},
    ]}]}]}, ensure_ascii=False), encoding="utf-8")
    corpus, qa = tmp_path / "corpus", tmp_path / "qa.jsonl"
    assert main(["import", "squad", str(src), "--corpus-out", str(corpus), "--qa-out", str(qa), "--numeric-only"]) == 0
    assert "wrote 1 documents" in capsys.readouterr().out
    items = read_qa(qa)
    assert [i.id for i in items] == ["a"]
    docs = {f.rel: read_document(f) for f in list_corpus(corpus)}
    golds, rule = gold_spans(items[0].answers, items[0].extra, docs)
    assert rule == "answer_start" and docs[golds[0].doc].text[golds[0].start : golds[0].end] == "约2183万人"
    bad = tmp_path / "bad.json"
    bad.write_text('{"data": 3}', encoding="utf-8")
    assert main(["import", "squad", str(bad), "--corpus-out", str(tmp_path / "c2"), "--qa-out", str(qa)]) == 2


def test_math_isclose_sanity():  # keeps the percentile interpolation honest
    assert math.isclose(percentile([10, 20, 30, 40], 95), 38.5)


# --- the UI tab (no browser: the function behind it) ---------------------------------------

def test_ui_batch_tab_runs_a_file_and_escapes(tmp_path):
    from types import SimpleNamespace

    from seiqa.qa import QAFileError
    from seiqa.ui_eval import run_file

    stub = StubAssistant()
    stub.corpus, stub.index_dir = tmp_path, tmp_path
    stub.retrieval = SimpleNamespace(mode="hybrid", fusion="rrf")
    stub.documents = lambda: {}
    qa = tmp_path / "qa.jsonl"
    qa.write_text(json.dumps({"id": "<img src=x onerror=alert(1)>", "question": "问题：<b>3</b>个", "answer": "4个"},
                             ensure_ascii=False) + "\n{bad\n", encoding="utf-8")
    html, plots, preds, report = run_file(stub, str(qa), k=3, skip_bad=True)
    assert "<img" not in html and "<b>" not in html and "&#60;img" in html
    assert "Failures (1)" in html and "Skipped lines (1)" in html
    assert any(p.endswith("accuracy_by_type.png") for p in plots)
    assert preds.endswith("predictions.jsonl") and report[0].endswith("report.md")
    with pytest.raises(QAFileError, match=":2: not valid JSON"):
        run_file(stub, str(qa), k=3, skip_bad=False)


def test_strict_exact_match_does_not_credit_a_sentence_that_contains_the_gold():
    from seiqa.evaluate import answer_correct

    sentence = {"type": "fact", "text": "西土城站是北京地铁10号线的一个车站。"}
    assert answer_correct(["北京地铁10号线"], sentence)
    assert not answer_correct(["北京地铁10号线"], sentence, strict=True)
    phrase = {"type": "fact", "text": "北京地铁10号线"}
    assert answer_correct(["北京地铁10号线"], phrase, strict=True)
    figure = {"type": "amount", "text": "1286.6万辆", "value": 12866000.0, "unit": "辆", "kind": "count"}
    assert answer_correct(["1286.6萬輛"], figure, strict=True)
