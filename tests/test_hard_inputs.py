"""Hard inputs and faults: clear errors, nothing lost, nothing unsafe.

Questions (empty, huge, symbols, other scripts, control characters, bad bytes),
corpus files (empty, binary, GB18030, Big5, 50 MB, changed during a build, links
outside, odd names), index damage (corrupt or missing parts, another model, concurrent
and killed builds, no unpickling) and property tests. The model is loaded once per
module (Assistant fixture); CLI subprocesses are used only where the process boundary
matters (exit codes, tracebacks, stdin, signals).
"""
from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import string
import subprocess
import sys
import threading
import time
import unicodedata
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from seiqa import Assistant
from seiqa import index as index_mod
from seiqa.assistant import MAX_QUESTION_CHARS, QuestionError, clean_question
from seiqa.chunk import ChunkSettings, chunk_document
from seiqa.cite import lookup
from seiqa.embed import ModelSpec, resolve
from seiqa.ingest import file_text, list_corpus, read_document, structure
from seiqa.question import analyse
from seiqa.records import Document

SPEC = ModelSpec()
SEIQA = [sys.executable, "-m", "seiqa.cli"]
ENV = {**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "PYTHONIOENCODING": "utf-8"}

GB_REL = "简体 gb18030.txt"
GB_TEXT = "氢能产业报告\n\n一、加氢站\n截至2024年，全国建成加氢站超过500座，氢燃料电池汽车保有量约2.1万辆。\n"
BIG5_REL = "臺灣 big5.txt"
BIG5_TEXT = "臺灣半導體產業\n\n一、晶圓代工\n臺灣晶圓代工產值約新臺幣3.2兆元，全球市占率超過六成。\n"
ODD_REL = "報告 2024 年度/新 材料 說明.md"
ODD_TEXT = "# 新材料\n\n## 稀土\n\n稀土永磁材料產量達到30萬噸，佔全球九成。\n"
SECRET = "機密外部文件不可索引。"


def settings_now(chunking=ChunkSettings()):
    _, mid, mhash = resolve(SPEC)
    return index_mod.settings_of(chunking, mid, mhash)


def run_cli(*args, stdin: bytes | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    p = subprocess.run([*SEIQA, *args], input=stdin, capture_output=True, env=ENV, timeout=timeout,
                       stdin=None if stdin is not None else subprocess.DEVNULL)
    p.out, p.err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    assert "Traceback" not in p.err, p.err
    return p


# --- shared corpus, index and assistant ---------------------------------------------

@pytest.fixture(scope="module")
def hard(tmp_path_factory, corpus_writer):
    """A corpus with every awkward kind of file, indexed once."""
    root = tmp_path_factory.mktemp("hard")
    corpus = corpus_writer(root / "corpus")
    (corpus / "空.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (corpus / GB_REL).write_bytes(GB_TEXT.encode("gb18030"))
    (corpus / BIG5_REL).write_bytes(BIG5_TEXT.encode("big5"))
    (corpus / ODD_REL).parent.mkdir(parents=True)
    (corpus / ODD_REL).write_text(ODD_TEXT, encoding="utf-8")
    outside = root / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    (corpus / "外部.txt").symlink_to(outside / "secret.txt")
    (corpus / "outside_dir").symlink_to(outside, target_is_directory=True)
    idx = root / "index"
    logs: list[str] = []
    report = index_mod.build(corpus, idx, SPEC, ChunkSettings(), progress=False, log=logs.append)
    assistant = Assistant.load(corpus=corpus, index=idx, rebuild=False)
    return {"corpus": corpus, "index": idx, "report": report, "logs": logs, "assistant": assistant}


def assert_citations_slice_files(corpus: Path, manifest: dict, citations) -> None:
    for c in citations:
        enc = manifest["corpus"]["files"][c.doc]["encoding"]
        assert file_text(corpus, c.doc, enc)[c.start : c.end] == c.text


def copy_index(hard, tmp_path) -> Path:
    dst = tmp_path / "index"
    shutil.copytree(hard["index"], dst, symlinks=True)
    return dst


# --- questions ----------------------------------------------------------------------

@pytest.mark.parametrize(
    "question",
    ["", "   ", "\t\n\r\u3000 ", "？！。，……", "😀🎉👍", "\x01\x02\x7f\u200b", "\ud800\udcff"],
    ids=["empty", "spaces", "whitespace", "punctuation", "emoji", "controls", "surrogates"],
)
def test_unaskable_questions_raise_question_error(question):
    with pytest.raises(QuestionError):
        clean_question(question)


@pytest.mark.parametrize(
    "question,code",
    [("", 2), ("   \t ", 2), ("？！。，", 2), ("😀🎉👍", 2), ("\x01\x02\x7f", 2)],
    ids=["empty", "whitespace", "punctuation", "emoji", "controls"],
)
def test_cli_refuses_unaskable_questions_before_loading(hard, question, code):
    p = run_cli("ask", question, "--corpus", str(hard["corpus"]), "--index", str(hard["index"]), "--no-rebuild")
    assert p.returncode == code
    assert p.err.startswith("seiqa: error: the question")


def test_cli_invalid_utf8_on_stdin_and_in_argv(hard):
    common = ["--corpus", str(hard["corpus"]), "--index", str(hard["index"]), "--no-rebuild"]
    p = run_cli("ask", "-", *common, stdin=b"\xff\xfe\xe5\x85\x89\xe4")
    assert p.returncode == 2 and "not UTF-8" in p.err
    p = run_cli("ask", "-", *common, stdin=b"")
    assert p.returncode == 2 and "empty" in p.err
    # undecodable argv bytes arrive as lone surrogates; they are dropped like controls
    p = subprocess.run([*SEIQA, "ask", b"\xff\xfe", *common], capture_output=True, env=ENV, timeout=60)
    assert p.returncode == 2 and b"Traceback" not in p.stderr and b"empty" in p.stderr


def test_cli_huge_question_on_stdin_is_truncated_with_warning_and_answered(hard):
    question = "2024年全國光伏新增裝機多少" + "，請給出數據" * 20_000  # > 100,000 characters
    assert len(question) > 100_000
    p = run_cli("ask", "-", "--corpus", str(hard["corpus"]), "--index", str(hard["index"]), "--no-rebuild",
                stdin=question.encode("utf-8"))
    assert p.returncode in (0, 1), p.err
    assert f"only the first {MAX_QUESTION_CHARS} are used" in p.err
    assert p.out.startswith("answer:") and "[1]" in p.out


def test_huge_question_through_the_api_warns_and_answers(hard):
    a = hard["assistant"]
    with pytest.warns(UserWarning, match=f"only the first {MAX_QUESTION_CHARS}"):
        result = a.ask("光伏新增裝機" * 20_000)
    assert len(result.question) <= MAX_QUESTION_CHARS and result.citations
    notes: list[str] = []
    assert len(clean_question("光" * 100_000, warn=notes.append)) == MAX_QUESTION_CHARS and notes


@pytest.mark.parametrize(
    "question",
    [
        "光",  # a single character
        "What was the new photovoltaic capacity in 2024?",  # English
        "2024年光伏 new capacity 是多少 GW",  # mixed scripts
        "光伏\x00新增\x1b[31m裝機\u200b是多少\x7f",  # control and format characters
        "2024年新能源汽车产销分别完成多少",  # Simplified question over Traditional text
    ],
    ids=["single-char", "english", "mixed", "controls", "simplified"],
)
def test_odd_but_askable_questions_get_a_sensible_result(hard, question):
    a = hard["assistant"]
    result = a.ask(question)
    assert result.citations, "retrieval always returns passages for an askable question"
    assert all(unicodedata.category(c)[0] != "C" for c in result.question)
    assert_citations_slice_files(hard["corpus"], a.index.manifest, result.citations)
    json.dumps(result.to_dict(), ensure_ascii=False)


def test_simplified_question_is_answered_from_traditional_text(hard):
    result = hard["assistant"].ask("2024年光伏新增装机多少")
    assert result.answer and "277.57" in result.answer["text"]


# --- corpus -------------------------------------------------------------------------

def test_empty_corpus_folder_is_a_clear_error(tmp_path):
    (tmp_path / "empty").mkdir()
    p = run_cli("build", "--corpus", str(tmp_path / "empty"), "--index", str(tmp_path / "idx"))
    assert p.returncode == 3 and "no readable text" in p.err
    p = run_cli("ask", "光伏", "--corpus", str(tmp_path / "nope"), "--index", str(tmp_path / "idx"))
    assert p.returncode == 3 and "corpus folder not found" in p.err


def test_empty_and_binary_files(hard):
    files = index_mod.read_manifest(index_mod.current_snapshot(hard["index"]))["corpus"]
    assert "空.txt" in files["files"]  # read, nothing to index
    assert not [c for c in hard["assistant"].index.chunks if c.doc == "空.txt"]
    assert "binary.txt" in hard["report"].skipped and "binary" in files["skipped"]["binary.txt"]
    assert any("binary.txt" in m and "binary" in m for m in hard["logs"])  # refused by name
    assert index_mod.check(hard["corpus"], hard["index"], settings_now()).fresh  # a skipped file is not "added"


@pytest.mark.parametrize("rel,encoding,text", [(GB_REL, "gb18030", GB_TEXT), (BIG5_REL, "big5", BIG5_TEXT)])
def test_gb18030_and_big5_files_are_decoded_and_cited_exactly(hard, rel, encoding, text):
    a = hard["assistant"]
    entry = a.index.manifest["corpus"]["files"][rel]
    assert entry["encoding"] == encoding
    decoded = file_text(hard["corpus"], rel, entry["encoding"])
    assert decoded == text
    chunks = [c for c in a.index.chunks if c.doc == rel]
    assert chunks and all(decoded[c.start : c.end] == c.text for c in chunks)
    question = "全国建成加氢站多少座" if encoding == "gb18030" else "臺灣晶圓代工產值多少"
    result = a.ask(question)
    assert result.citations[0].doc == rel
    assert_citations_slice_files(hard["corpus"], a.index.manifest, result.citations)
    quote = "加氢站超过500座" if encoding == "gb18030" else "新臺幣3.2兆元"
    (loc,) = a.cite(quote)
    assert loc.doc == rel and decoded[loc.start : loc.end] == loc.text == quote


def test_big5_text_that_also_decodes_as_gb18030_is_read_as_big5():
    from seiqa.ingest import decode

    for s in ("臺灣", "臺灣電力公司", "中華民國經濟部", "新能源汽車產業報告"):
        assert decode(s.encode("big5"), "x") == (s, "big5")
    for s in ("台湾电力公司", "新能源汽车产业报告", "光伏产业"):
        assert decode(s.encode("gb18030"), "x") == (s, "gb18030")


def test_fifty_megabyte_file_ingests_and_chunks_in_linear_time(tmp_path, capsys):
    para = ("2024年，新能源汽車產銷分別完成1288.8萬輛，同比增長34.4%。" * 3 + "\n") * 10
    block = ("第一章 總論\n\n" + para + "\n" + "產業發展迅速" * 400 + "\n\n").encode("utf-8")  # also one long line
    data = block * (50 * 2**20 // len(block) + 1)
    (tmp_path / "big.txt").write_bytes(data)
    (f,) = list_corpus(tmp_path)
    t0 = time.perf_counter()
    doc = read_document(f)
    t1 = time.perf_counter()
    chunks = chunk_document(doc, ChunkSettings())
    t2 = time.perf_counter()
    with capsys.disabled():
        print(f"\n50 MB file: {len(data) / 2**20:.0f} MB, {len(doc.text):,} chars, {len(doc.paragraphs):,} paragraphs, "
              f"{len(chunks):,} chunks; ingest {t1 - t0:.1f} s, chunk {t2 - t1:.1f} s")
    assert len(data) >= 50 * 2**20
    for c in chunks[:: max(1, len(chunks) // 2000)]:
        assert doc.text[c.start : c.end] == c.text
    assert t2 - t0 < 120  # generous: a quadratic step would take hours on 50 MB


def test_file_changed_while_the_build_reads_it_is_stale_next_time(tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("氫能產業起步，加氫站超過500座。", encoding="utf-8")
    (corpus / "b.txt").write_text("光伏組件出口約235.9GW。", encoding="utf-8")
    real = index_mod.read_document

    def read_then_change(f):
        doc = real(f)
        if f.rel == "a.txt":  # someone saves the file after we read it, before the manifest is written
            f.path.write_text("氫能產業起步，加氫站超過600座。", encoding="utf-8")  # same size, new content
            os.utime(f.path, ns=(time.time_ns(), time.time_ns() + 10**9))
        return doc

    monkeypatch.setattr(index_mod, "read_document", read_then_change)
    idx = tmp_path / "idx"
    index_mod.build(corpus, idx, SPEC, ChunkSettings(), progress=False, log=lambda m: None)
    monkeypatch.undo()
    state = index_mod.check(corpus, idx, settings_now())
    assert state.status == "stale" and state.reasons == ("changed: a.txt",)
    report = index_mod.build(corpus, idx, SPEC, ChunkSettings(), progress=False, log=lambda m: None)
    assert not report.up_to_date
    assert any("600座" in c.text for c in index_mod.load(idx).chunks)


def test_skipped_file_that_is_fixed_makes_the_index_stale(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("光伏組件出口約235.9GW。", encoding="utf-8")
    (corpus / "b.txt").write_bytes(b"\x00binary")
    idx = tmp_path / "idx"
    report = index_mod.build(corpus, idx, SPEC, ChunkSettings(), progress=False, log=lambda m: None)
    assert "b.txt" in report.skipped
    (corpus / "b.txt").write_text("氫能產業起步，加氫站超過500座。", encoding="utf-8")
    state = index_mod.check(corpus, idx, settings_now())
    assert state.status == "stale" and any("b.txt" in r for r in state.reasons)


def test_links_outside_the_corpus_are_not_followed(hard):
    a = hard["assistant"]
    rels = set(a.index.manifest["corpus"]["files"]) | set(a.index.manifest["corpus"]["skipped"])
    assert "外部.txt" not in rels and not any(r.startswith("outside_dir") for r in rels)
    assert not any("機密" in c.text for c in a.index.chunks)
    p = run_cli("cite", "機密外部文件", "--corpus", str(hard["corpus"]))
    assert p.returncode == 1 and "not in the corpus" in p.out


def test_names_with_spaces_and_chinese_characters(hard):
    a = hard["assistant"]
    assert ODD_REL in a.index.manifest["corpus"]["files"]
    result = a.ask("稀土永磁材料產量是多少")
    assert result.citations[0].doc == ODD_REL and "30萬噸" in result.citations[0].text
    assert_citations_slice_files(hard["corpus"], a.index.manifest, result.citations)
    p = run_cli("cite", "稀土永磁材料產量達到30萬噸", "--corpus", str(hard["corpus"]), "--json")
    assert p.returncode == 0
    (found,) = json.loads(p.out)["found"]
    assert found["doc"] == ODD_REL and found["section"] == "新材料 › 稀土"


# --- index --------------------------------------------------------------------------

def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _garbage(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


@pytest.mark.parametrize(
    "part,damage",
    [
        ("dense.faiss", _truncate),
        ("dense.faiss", _garbage),
        ("embeddings.npy", _truncate),
        ("chunks.jsonl", _garbage),
        ("bm25/vocab.index.json", _garbage),
        ("manifest.json", lambda p: p.write_text("[1, 2]", encoding="utf-8")),
        ("manifest.json", lambda p: p.write_text(json.dumps({"format": "seiqa-index", "version": 1}), encoding="utf-8")),
    ],
    ids=["faiss-truncated", "faiss-garbage", "npy-truncated", "chunks-garbage", "bm25-garbage",
         "manifest-list", "manifest-partial"],
)
def test_damaged_index_is_refused_clearly_and_rebuilt_on_request(hard, tmp_path, part, damage):
    idx = copy_index(hard, tmp_path)
    damage(index_mod.current_snapshot(idx) / part)
    with pytest.raises(index_mod.IndexError_, match="seiqa build"):
        if part == "manifest.json":
            index_mod.read_manifest(index_mod.current_snapshot(idx))
        index_mod.load(idx)
    with pytest.raises(index_mod.IndexError_):
        Assistant.load(corpus=hard["corpus"], index=idx, rebuild=False)
    if part == "dense.faiss" and damage is _truncate:  # rebuilding once is enough to show it works
        logs: list[str] = []
        a = Assistant.load(corpus=hard["corpus"], index=idx, rebuild=True, log=logs.append)
        assert any("rebuilding" in m for m in logs) and a.ask("光伏新增裝機").citations


def test_damaged_index_through_the_cli_exits_3(hard, tmp_path):
    idx = copy_index(hard, tmp_path)
    _truncate(index_mod.current_snapshot(idx) / "dense.faiss")
    p = run_cli("ask", "光伏新增裝機", "--corpus", str(hard["corpus"]), "--index", str(idx), "--no-rebuild")
    assert p.returncode == 3 and "damaged" in p.err and "seiqa build" in p.err


def test_damaged_current_pointer_counts_as_no_index(hard, tmp_path):
    idx = copy_index(hard, tmp_path)
    (idx / "CURRENT").write_bytes(b"\xff\xfe\x00garbage")
    assert index_mod.current_snapshot(idx) is None
    assert index_mod.check(hard["corpus"], idx, settings_now()).status == "missing"
    (idx / "CURRENT").write_text("snap-../../etc\n", encoding="utf-8")
    assert index_mod.current_snapshot(idx) is None


def test_manifest_from_another_model_is_incompatible(hard, tmp_path):
    idx = copy_index(hard, tmp_path)
    path = index_mod.current_snapshot(idx) / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["model"]["hash"] = "another-model-0000"
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    state = index_mod.check(hard["corpus"], idx, settings_now())
    assert state.status == "incompatible" and any(r.startswith("model differs") for r in state.reasons)
    with pytest.raises(index_mod.IndexError_, match="incompatible"):
        Assistant.load(corpus=hard["corpus"], index=idx, rebuild=False)
    p = run_cli("ask", "光伏新增裝機", "--corpus", str(hard["corpus"]), "--index", str(idx), "--no-rebuild")
    assert p.returncode == 3 and "incompatible" in p.err


def test_missing_part_is_incompatible_and_refused(hard, tmp_path):
    idx = copy_index(hard, tmp_path)
    (index_mod.current_snapshot(idx) / "bm25" / "vocab.index.json").unlink()
    state = index_mod.check(hard["corpus"], idx, settings_now())
    assert state.status == "incompatible" and "missing part: bm25/vocab.index.json" in state.reasons
    with pytest.raises(index_mod.IndexError_, match="seiqa build"):
        index_mod.load(idx)
    report = index_mod.build(hard["corpus"], idx, SPEC, ChunkSettings(), progress=False, log=lambda m: None)
    assert not report.up_to_date and index_mod.load(idx).chunks


def test_two_builds_at_once_the_second_waits(hard, tmp_path):
    import fcntl

    corpus = shutil.copytree(hard["corpus"], tmp_path / "corpus", symlinks=True)
    idx = tmp_path / "idx"
    idx.mkdir()
    logs: list[list[str]] = [[], []]
    results: list = [None, None]

    def run(i):
        try:
            results[i] = index_mod.build(corpus, idx, SPEC, ChunkSettings(), progress=False, log=logs[i].append)
        except BaseException as exc:  # reported below
            results[i] = exc

    holder = (idx / ".lock").open("a+")
    fcntl.flock(holder, fcntl.LOCK_EX)  # hold the lock so both builds must queue up
    threads = [threading.Thread(target=run, args=(i,)) for i in (0, 1)]
    for t in threads:
        t.start()
    deadline = time.time() + 30
    while not all(any("waiting" in m for m in log) for log in logs) and time.time() < deadline:
        time.sleep(0.05)
    assert all(any("waiting" in m for m in log) for log in logs), logs
    fcntl.flock(holder, fcntl.LOCK_UN)
    holder.close()
    for t in threads:
        t.join(120)
    assert all(isinstance(r, index_mod.BuildReport) for r in results), results
    assert sorted(r.up_to_date for r in results) == [False, True]  # one built, the other found it fresh
    loaded = index_mod.load(idx)
    assert len(loaded.chunks) == loaded.dense.ntotal > 0
    assert index_mod.check(corpus, idx, settings_now()).fresh
    assert not list(idx.glob(".tmp-*"))


KILLED_BUILD = """
import sys, time, faiss
from pathlib import Path
from seiqa import index
from seiqa.chunk import ChunkSettings
from seiqa.embed import ModelSpec

def stall(*a, **k):
    print("writing", flush=True)
    time.sleep(300)

faiss.write_index = stall
index.build(Path(sys.argv[1]), Path(sys.argv[2]), ModelSpec(), ChunkSettings(), progress=False)
"""


def test_build_killed_halfway_leaves_previous_index_and_next_build_cleans_up(hard, tmp_path):
    corpus = shutil.copytree(hard["corpus"], tmp_path / "corpus", symlinks=True)
    idx = tmp_path / "idx"
    index_mod.build(corpus, idx, SPEC, ChunkSettings(), progress=False, log=lambda m: None)
    before = index_mod.current_snapshot(idx)
    # removing a file makes the index stale; every other passage is cached, so the killed
    # build needs no model (fast) and stalls while writing its new snapshot
    (corpus / "光伏.md").unlink()
    proc = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(corpus), str(idx)], env=ENV,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    logs: list[str] = []
    waiter = None
    try:
        assert proc.stdout.readline().strip() == "writing", proc.stderr.read()
        leftovers = list(idx.glob(".tmp-snap-*"))
        assert leftovers and (leftovers[0] / "embeddings.npy").exists()  # killed mid-write
        # the previous index still loads and answers while the other build holds the lock
        from seiqa.retrieve import RetrieveSettings

        a = Assistant(corpus, idx, index_mod.load(idx), hard["assistant"].embedder, RetrieveSettings())
        assert a.index.snapshot == before and a.ask("新能源汽車產銷").citations
        assert index_mod.check(corpus, idx, settings_now()).reasons == ("removed: 光伏.md",)
        # a second build (another process holds the lock) waits for it
        waiter = threading.Thread(target=lambda: logs.append(index_mod.build(
            corpus, idx, SPEC, ChunkSettings(), progress=False, log=logs.append)))
        waiter.start()
        deadline = time.time() + 30
        while not any("waiting" in str(m) for m in logs) and time.time() < deadline:
            time.sleep(0.05)
        assert any("waiting" in str(m) for m in logs)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(30)
        proc.stdout.close()
        proc.stderr.close()
    waiter.join(120)
    assert not waiter.is_alive()
    report = logs[-1]
    assert isinstance(report, index_mod.BuildReport), logs
    assert any("left by an interrupted build" in str(m) for m in logs)
    assert not list(idx.glob(".tmp-*")) and not list(idx.glob("CURRENT.tmp-*"))
    assert index_mod.current_snapshot(idx) is not None and [p.name for p in idx.glob("snap-*")] == [
        index_mod.current_snapshot(idx).name]
    assert report.embedded == 0 and index_mod.load(idx).snapshot != before
    a = Assistant.load(corpus=corpus, index=idx, rebuild=False)
    assert a.ask("新能源汽車產銷").citations and all(c.doc != "光伏.md" for c in a.index.chunks)


def test_loading_never_unpickles(hard, tmp_path, monkeypatch):
    def no_pickle(*a, **k):
        raise AssertionError("unpickling attempted")

    monkeypatch.setattr(pickle, "load", no_pickle)
    monkeypatch.setattr(pickle, "loads", no_pickle)
    monkeypatch.setattr(pickle, "Unpickler", no_pickle)
    real_np_load = np.load
    calls = []

    def np_load(*a, **k):
        calls.append(k.get("allow_pickle", False))
        return real_np_load(*a, **k)

    monkeypatch.setattr(np, "load", np_load)
    loaded = index_mod.load(hard["index"])
    assert loaded.chunks and calls and not any(calls)
    # an embeddings file holding pickled objects is refused, not executed
    idx = copy_index(hard, tmp_path)
    np.save(index_mod.current_snapshot(idx) / "embeddings.npy", np.array([{"x": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(index_mod.IndexError_, match="damaged"):
        index_mod.load(idx)


# --- UI -----------------------------------------------------------------------------

def test_ui_help_documents_localhost_default():
    p = run_cli("ui", "--help", timeout=60)
    assert p.returncode == 0 and "127.0.0.1" in p.out


# --- property tests -----------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=300))
def test_question_analysis_never_raises(text):
    q = analyse(text)
    assert q.text == text


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=1200))
def test_clean_question_raises_only_question_error(text):
    try:
        out = clean_question(text, warn=lambda m: None)
    except QuestionError:
        return
    assert 0 < len(out) <= MAX_QUESTION_CHARS and out == out.strip()
    assert all(unicodedata.category(c)[0] != "C" for c in out)
    analyse(out)


STRUCTURE_ALPHABET = "的新能源汽車產量同比增長第一二三章節、．.（）()#" + "。！？；，：」" + string.digits + " \t\u3000\r\n"
structure_text = st.lists(
    st.one_of(
        st.text(alphabet=STRUCTURE_ALPHABET, max_size=40),
        st.sampled_from(["\r\n", "\n\n", "\r", "# 標題", "## 小節", "第一章 總論", "一、前言", "（二）背景", "1、要點", "  縮進段落。"]),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(structure_text, st.text(max_size=300)))
def test_structure_offsets_slice_correctly_on_random_text(text):
    title, paragraphs = structure(text)
    last = 0
    for p in paragraphs:
        assert last <= p.start < p.end <= len(text)
        piece = text[p.start : p.end]
        assert piece == piece.strip() and piece
        assert isinstance(p.section, str)
        last = p.end
    assert title is None or (title and title in text)


DOCS = []
for _rel, _text in {"a.txt": GB_TEXT, "b.txt": BIG5_TEXT, "c.md": ODD_TEXT}.items():
    DOCS.append(Document(_rel, _text, "0", "t", tuple(structure(_text)[1])))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(quote=st.one_of(st.text(max_size=60), st.sampled_from(["加氢站超过500座", "「臺灣」", "%", "新臺幣3.2兆元。"])))
def test_cite_lookup_never_raises_and_slices_exactly(quote):
    for loc in lookup(DOCS, quote):
        doc = next(d for d in DOCS if d.path == loc.doc)
        assert doc.text[loc.start : loc.end] == loc.text
