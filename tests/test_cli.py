"""CLI round trips: build, search, ask, batch, cite, through seiqa.cli.main (in process,
so the model loads once) and, for import weight, in subprocesses."""
import json
import subprocess
import sys

import pytest

from seiqa.cli import main


@pytest.fixture(scope="module")
def dirs(tmp_path_factory, small_corpus):
    index = tmp_path_factory.mktemp("cli-index")
    return ["--corpus", str(small_corpus), "--index", str(index)], small_corpus


def test_build_then_up_to_date(dirs, capsys):
    opts, _ = dirs
    assert main(["build", *opts]) == 0
    assert main(["build", *opts]) == 0
    assert "up to date" in capsys.readouterr().out


def test_ask_json_citations_slice_the_files(dirs, capsys):
    opts, corpus = dirs
    assert main(["ask", "2024年新能源汽车销量是多少？", "--json", *opts]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["answer"]["text"] == "1286.6万辆" and out["answer"]["value"] == 12866000.0
    for c in out["citations"]:
        assert (corpus / c["doc"]).read_text(encoding="utf-8")[c["start"] : c["end"]] == c["text"]
    assert out["citations"][0]["section"] == "一、產業概況 › （一）產銷規模"


def test_search_prints_section_and_offsets(dirs, capsys):
    opts, _ = dirs
    assert main(["search", "光伏新增装机", "-k", "2", *opts]) == 0
    out = capsys.readouterr().out
    assert "光伏.md" in out and "裝機" in out and "chars " in out


def test_batch_writes_one_answer_per_line_and_survives_a_bad_question(dirs, tmp_path, capsys):
    opts, _ = dirs
    qa = tmp_path / "qa.jsonl"
    qa.write_text(
        '{"id": "a", "question": "2024年新能源汽车产量是多少"}\n'
        '{"id": "b", "question": "？？？"}\n'
        '{"id": "c", "question": "2024年全国光伏新增装机多少"}\n',
        encoding="utf-8",
    )
    pred = tmp_path / "out" / "pred.jsonl"
    assert main(["batch", str(qa), "-o", str(pred), *opts]) == 0
    rows = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[0]["answer"]["source_text"] == "1288.8萬輛"
    assert rows[1]["answer"] is None and rows[1]["reason"].startswith("bad question")
    assert rows[2]["answer"]["source_text"] == "277.57GW"


def test_cite_found_and_not_found(dirs, capsys):
    opts, _ = dirs
    assert main(["cite", "新能源汽车产销分别完成1288.8万辆", "--json", *opts]) == 0
    found = json.loads(capsys.readouterr().out)["found"]
    assert found[0]["text"] == "新能源汽車產銷分別完成1288.8萬輛"
    assert main(["cite", "氢能汽车出口额", *opts]) == 1
    assert "not in the corpus" in capsys.readouterr().out


def test_bad_qa_file_is_exit_2_with_line_number(dirs, tmp_path, capsys):
    opts, _ = dirs
    qa = tmp_path / "bad.jsonl"
    qa.write_text('{"question": "一"}\n{not json\n', encoding="utf-8")
    assert main(["batch", str(qa), "-o", str(tmp_path / "p.jsonl"), *opts]) == 2
    assert "bad.jsonl:2" in capsys.readouterr().err


def test_help_and_cite_do_not_import_torch(small_corpus):
    code = (
        "import sys\nfrom seiqa.cli import main\n"
        "rc = main(['cite', '光伏', '--corpus', sys.argv[1]])\n"
        "assert 'torch' not in sys.modules and 'sentence_transformers' not in sys.modules, 'torch imported'\n"
        "sys.exit(rc)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, str(small_corpus)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([sys.executable, "-c", "import sys\nfrom seiqa.cli import main\n"
                           "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
                           "assert 'torch' not in sys.modules\n"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
