"""The index on disk: build, freshness, incremental rebuilds, damage, atomicity."""
import json
import shutil

import pytest

from seiqa import Assistant
from seiqa import index as index_mod
from seiqa.chunk import ChunkSettings
from seiqa.embed import ModelSpec, resolve
from seiqa.ingest import list_corpus, read_document

SPEC = ModelSpec()


def settings(chunking=ChunkSettings()):
    _, mid, mhash = resolve(SPEC)
    return index_mod.settings_of(chunking, mid, mhash)


@pytest.fixture
def corpus_and_index(tmp_path, corpus_writer):
    corpus = corpus_writer(tmp_path / "corpus")
    idx = tmp_path / "index"
    report = index_mod.build(corpus, idx, SPEC, ChunkSettings(), progress=False, log=lambda m: None)
    assert not report.up_to_date and report.chunks > 0
    return corpus, idx


def test_build_writes_documented_parts_and_no_pickle(corpus_and_index):
    _, idx = corpus_and_index
    snap = index_mod.current_snapshot(idx)
    names = {p.name for p in snap.iterdir()}
    assert {"manifest.json", "chunks.jsonl", "embeddings.npy", "dense.faiss", "bm25"} <= names
    manifest = json.loads((snap / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "seiqa-index" and manifest["model"]["hash"]
    assert set(manifest["corpus"]["files"]) == {"能源/新能源汽車.txt", "光伏.md"}
    assert not list(snap.rglob("*.pkl")) and not list(snap.rglob("*.pickle"))


def test_unchanged_corpus_is_up_to_date_and_touch_does_not_matter(corpus_and_index):
    corpus, idx = corpus_and_index
    (corpus / "光伏.md").touch()
    assert index_mod.check(corpus, idx, settings()).fresh
    report = index_mod.build(corpus, idx, SPEC, ChunkSettings(), progress=False, log=lambda m: None)
    assert report.up_to_date and report.embedded == 0


def test_changed_added_removed_files_make_it_stale_and_rebuild_is_incremental(corpus_and_index):
    corpus, idx = corpus_and_index
    p = corpus / "光伏.md"
    p.write_text(p.read_text(encoding="utf-8") + "\n## 儲能\n\n新型儲能裝機規模7376萬千瓦。\n", encoding="utf-8")
    (corpus / "新增.txt").write_text("氫能產業起步，加氫站超過500座。", encoding="utf-8")
    state = index_mod.check(corpus, idx, settings())
    assert state.status == "stale"
    assert "changed: 光伏.md" in state.reasons and "added: 新增.txt" in state.reasons
    report = index_mod.build(corpus, idx, SPEC, ChunkSettings(), progress=False, log=lambda m: None)
    assert 0 < report.embedded <= 2  # only the new passages are embedded
    (corpus / "新增.txt").unlink()
    assert "removed: 新增.txt" in index_mod.check(corpus, idx, settings()).reasons


def test_other_settings_are_incompatible(corpus_and_index):
    corpus, idx = corpus_and_index
    state = index_mod.check(corpus, idx, settings(ChunkSettings(size=120, overlap=20)))
    assert state.status == "incompatible" and any("chunking" in r for r in state.reasons)


def test_stale_index_is_refused_without_rebuild(corpus_and_index):
    corpus, idx = corpus_and_index
    (corpus / "新增.txt").write_text("新的文件。", encoding="utf-8")
    with pytest.raises(index_mod.IndexError_, match="seiqa build"):
        Assistant.load(corpus=corpus, index=idx, rebuild=False)


def test_corrupt_faiss_file_is_reported(corpus_and_index):
    _, idx = corpus_and_index
    faiss_file = index_mod.current_snapshot(idx) / "dense.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[:40])
    with pytest.raises(index_mod.IndexError_, match="damaged"):
        index_mod.load(idx)


def test_missing_part_is_reported(corpus_and_index):
    _, idx = corpus_and_index
    shutil.rmtree(index_mod.current_snapshot(idx) / "bm25")
    with pytest.raises(index_mod.IndexError_, match="seiqa build"):
        index_mod.load(idx)


def test_failed_build_leaves_previous_index_usable(corpus_and_index, monkeypatch):
    corpus, idx = corpus_and_index
    before = index_mod.current_snapshot(idx)
    (corpus / "新增.txt").write_text("氫能產業起步。", encoding="utf-8")
    import faiss

    def boom(*a, **k):
        raise KeyboardInterrupt("killed halfway")

    monkeypatch.setattr(faiss, "write_index", boom)
    with pytest.raises(KeyboardInterrupt):
        index_mod.build(corpus, idx, SPEC, ChunkSettings(), progress=False, log=lambda m: None)
    monkeypatch.undo()
    assert index_mod.current_snapshot(idx) == before
    loaded = index_mod.load(idx)
    assert len(loaded.chunks) > 0


def test_citation_offsets_invariant_over_default_corpus(default_assistant):
    docs = {f.rel: read_document(f) for f in list_corpus(default_assistant.corpus)}
    for c in default_assistant.index.chunks:
        assert docs[c.doc].text[c.start : c.end] == c.text
        raw = (default_assistant.corpus / c.doc).read_bytes().decode(docs[c.doc].encoding)
        assert raw[c.start : c.end] == c.text


@pytest.mark.parametrize(
    "question,expected",
    [
        ("2024年新能源汽车产销分别完成多少", "1288.8萬"),  # Simplified question, Traditional text
        ("2024年新能源汽車產銷分別完成多少", "1288.8萬"),
        ("光伏新增装机", "277.57GW"),
        ("光伏新增裝機", "277.57GW"),
    ],
)
def test_scripts_cross_match(tmp_path_factory, small_corpus, question, expected):
    a = Assistant.load(corpus=small_corpus, index=tmp_path_factory.mktemp("idx"))
    top = a.search(question, k=1)[0]
    assert expected in top.text
