"""Q&A files (seiqa.qa): malformed inputs are reported with their line numbers, and
`seiqa eval` fails with exit code 2 on them unless --skip-bad. No model needed."""
from __future__ import annotations

import json

import pytest

from seiqa.cli import EXIT_BAD_INPUT, main
from seiqa.qa import QAFileError, read_qa


def _jsonl(path, *lines: str):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


GOOD = json.dumps({"id": "a", "question": "2024年新能源汽车产量是多少？", "answer": "1288.8萬輛"}, ensure_ascii=False)


def test_good_file_fields(tmp_path):
    p = _jsonl(
        tmp_path / "qa.jsonl",
        GOOD,
        "",
        json.dumps({"question": "火星上有多少辆车？", "answer": None, "type": "unanswerable"}, ensure_ascii=False),
        json.dumps({"id": 7, "question": "几个？", "answers": [{"text": "3个", "answer_start": 5}, "三個"],
                    "doc": "a.txt", "answer_start": "5"}, ensure_ascii=False),
    )
    items = read_qa(p)
    assert [i.id for i in items] == ["a", "line3", "7"]
    assert items[0].answers == ("1288.8萬輛",)
    assert items[1].answers == () and items[1].unanswerable and items[1].extra["type"] == "unanswerable"
    assert items[2].answers == ("3个", "三個") and items[2].extra["answer_start"] == 5
    assert [i.line for i in items] == [1, 3, 4]


def test_bad_json_line_has_its_line_number(tmp_path):
    p = _jsonl(tmp_path / "qa.jsonl", GOOD, '{"id": "b", "question": "缺了引号}', GOOD.replace('"a"', '"c"'))
    with pytest.raises(QAFileError) as e:
        read_qa(p)
    assert f"{p}:2:" in str(e.value) and "not valid JSON" in str(e.value)


def test_missing_question(tmp_path):
    p = _jsonl(tmp_path / "qa.jsonl", GOOD, json.dumps({"id": "b", "answer": "1"}), json.dumps({"id": "c", "question": "  "}))
    with pytest.raises(QAFileError, match=r"qa\.jsonl:2: missing or empty 'question'"):
        read_qa(p)
    skipped: list[str] = []
    items = read_qa(p, skip_bad=True, skipped=skipped)
    assert [i.id for i in items] == ["a"]
    assert [s.split(":")[1] for s in skipped] == ["2", "3"]


def test_not_an_object_and_bad_answers(tmp_path):
    p = _jsonl(tmp_path / "qa.jsonl", "[1, 2]")
    with pytest.raises(QAFileError, match=r":1: expected an object"):
        read_qa(p)
    p = _jsonl(tmp_path / "qa2.jsonl", json.dumps({"question": "几个？", "answers": [{"start": 3}]}))
    with pytest.raises(QAFileError, match=r":1: .*without a 'text'"):
        read_qa(p)
    p = _jsonl(tmp_path / "qa3.jsonl", json.dumps({"question": "几个？", "answer": "3", "answer_start": "x"}))
    with pytest.raises(QAFileError, match=r":1: 'answer_start' must be an integer"):
        read_qa(p)


def test_squad_json_gets_a_hint(tmp_path):
    p = tmp_path / "squad.json"
    p.write_text(json.dumps({"data": [{"title": "t", "paragraphs": []}]}, indent=1), encoding="utf-8")
    with pytest.raises(QAFileError, match="seiqa import squad"):
        read_qa(p)


def test_duplicate_id_names_both_lines(tmp_path):
    p = _jsonl(tmp_path / "qa.jsonl", GOOD, GOOD.replace("产量", "销量"), GOOD.replace('"a"', '"b"'), GOOD)
    with pytest.raises(QAFileError) as e:
        read_qa(p)
    msg = str(e.value)
    assert f"{p}:2:" in msg and "duplicate id 'a'" in msg and "lines 1 and 2" in msg
    skipped: list[str] = []
    assert [i.id for i in read_qa(p, skip_bad=True, skipped=skipped)] == ["a", "b"]
    assert len(skipped) == 2 and "lines 1 and 4" in skipped[1]


def test_csv_good_and_wrong_columns(tmp_path):
    p = tmp_path / "qa.csv"
    p.write_text('id,question,answer,type\nq1,2024年新能源汽车产量是多少？,1288.8萬輛,amount\n'
                 'q2,"火星上有多少辆车，几辆？",,unanswerable\nq3,几个？,3个|三個,count\n', encoding="utf-8")
    items = read_qa(p)
    assert [i.answers for i in items] == [("1288.8萬輛",), (), ("3个|三個",)]
    assert items[1].question == "火星上有多少辆车，几辆？" and items[0].extra == {"type": "amount"}

    p.write_text("id,text,answer\n1,问题,答\n", encoding="utf-8")
    with pytest.raises(QAFileError, match=r"qa\.csv:1: CSV header has no 'question' column \(found: id, text, answer\)"):
        read_qa(p)

    p.write_text("id,question,answer\nq1,一共多少？,3个\nq2,多少,1,2\nq3,几个\n", encoding="utf-8")
    with pytest.raises(QAFileError, match=r"qa\.csv:3: 4 cells but the header has 3 columns"):
        read_qa(p)
    skipped: list[str] = []
    assert [i.id for i in read_qa(p, skip_bad=True, skipped=skipped)] == ["q1"]
    assert ":3: 4 cells" in skipped[0] and ":4: 2 cells" in skipped[1]

    p.write_text("question,question\n多少,几个\n", encoding="utf-8")
    with pytest.raises(QAFileError, match="repeats the column"):
        read_qa(p)


def test_csv_answers_column_splits_on_bar(tmp_path):
    p = tmp_path / "qa.csv"
    p.write_text("question,answers\n几个？,3个|三個\n", encoding="utf-8")
    assert read_qa(p)[0].answers == ("3个", "三個")


def test_not_utf8_and_empty(tmp_path):
    p = tmp_path / "qa.jsonl"
    p.write_bytes(json.dumps({"question": "产量是多少"}, ensure_ascii=False).encode("gbk"))
    with pytest.raises(QAFileError, match="not UTF-8"):
        read_qa(p)
    p.write_text("\n\n", encoding="utf-8")
    with pytest.raises(QAFileError, match="no questions found"):
        read_qa(p)


def test_cli_fails_with_exit_2_and_file_line(tmp_path, capsys):
    p = _jsonl(tmp_path / "qa.jsonl", GOOD, "not json")
    code = main(["eval", str(p), "--report", str(tmp_path / "r"), "--corpus", str(tmp_path / "nocorpus")])
    assert code == EXIT_BAD_INPUT
    assert f"{p}:2: not valid JSON" in capsys.readouterr().err
    assert not (tmp_path / "r" / "metrics.json").exists()


def test_cli_skip_bad_lists_skipped_lines_in_the_report(tmp_path, capsys):
    qa = _jsonl(tmp_path / "qa.jsonl", GOOD, "not json", json.dumps({"id": "b"}))
    pred = _jsonl(tmp_path / "pred.jsonl", json.dumps({"id": "a", "question": "x", "answer": {"text": "1288.8万辆"},
                                                       "citations": []}, ensure_ascii=False))
    report = tmp_path / "r"
    code = main(["eval", str(qa), "--pred", str(pred), "--report", str(report), "--skip-bad",
                 "--corpus", str(tmp_path / "nocorpus")])
    assert code == 0
    err = capsys.readouterr().err
    assert f"skipped {qa}:2: not valid JSON" in err and f"skipped {qa}:3: missing or empty 'question'" in err
    data = json.loads((report / "metrics.json").read_text(encoding="utf-8"))
    assert len(data["skipped"]) == 2 and data["skipped"][0].startswith(f"{qa}:2:")
    assert data["exact_match"] == 1.0
    md = (report / "report.md").read_text(encoding="utf-8")
    assert "## Skipped lines (2)" in md and "qa.jsonl:3:" in md
