#!/usr/bin/env python
"""Retrieval evaluation: hit@1/3/5 and MRR@k of seiqa's retrieval modes on three sets.

    python scripts/eval_retrieval.py [--quick] [--out reports/retrieval.json]

Datasets:

* ``default``: the project corpus ``corpus/`` with ``tests/qa/default.jsonl``. A
  question's gold span is where its ``answer`` stands inside its ``evidence`` in the
  document (the evidence is located in the document text exactly, else script-,
  width- and punctuation-insensitively with :func:`seiqa.cite.lookup`); for type
  ``fact`` and ``computed``, or when the answer is not inside the evidence, the
  evidence span itself.
  ``evidence2``, when given (``computed`` questions), is a second gold: either counts.
  Every place the evidence stands counts. Questions with ``"answer": null`` are
  skipped; questions whose evidence cannot be found are counted and left out.
* ``drcd`` / ``cmrc2018``: the public dev sets in ``../shared/data``, imported with
  :mod:`seiqa.squad` (one document per article) under ``reports/eval/``; the gold span
  is the first answer's span.

For each corpus ONE index is built (``seiqa.index.build``, default model, default
``ChunkSettings``) under ``reports/eval/<set>/index`` (reused when fresh), all
questions are embedded once, and each mode (bm25, dense, hybrid-rrf,
hybrid-weighted) retrieves the top ``--k`` (10) chunks. A citation is a hit when it
holds at least half of the gold span (see :mod:`seiqa.evaluate`). Prints a Markdown
table and writes JSON (``--out``) and the table (same name, ``.md``).
``--quick``: only the first 50 articles of each public set.
"""
from __future__ import annotations

import argparse
import inspect
import json
import platform
import sys
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # run from a checkout even without installing

from seiqa import embed  # noqa: E402
from seiqa import index as index_mod  # noqa: E402
from seiqa.chunk import ChunkSettings  # noqa: E402
from seiqa.evaluate import Gold, answer_in, gold_rank, locate, summarise  # noqa: E402
from seiqa.ingest import read_corpus  # noqa: E402
from seiqa.records import Citation  # noqa: E402
from seiqa.retrieve import RetrieveSettings, retrieve  # noqa: E402
from seiqa.squad import has_digit, import_squad, read_squad_qa  # noqa: E402

MODES: dict[str, RetrieveSettings] = {
    "bm25": RetrieveSettings(mode="bm25"),
    "dense": RetrieveSettings(mode="dense"),
    "hybrid-rrf": RetrieveSettings(mode="hybrid", fusion="rrf"),
    "hybrid-weighted": RetrieveSettings(mode="hybrid", fusion="weighted"),
}
PUBLIC = {
    "drcd": "drcd/DRCD_dev.json",
    "cmrc2018": "cmrc2018/cmrc2018_dev.json",
}
QUICK_ARTICLES = 50
QUERY_BATCH = 256
# subsets shown in the Markdown table (all subsets go to the JSON)
TABLE_SUBSETS = ("all", "simplified", "traditional", "paraphrase", "numeric")


@dataclass
class Question:
    id: str
    question: str
    golds: list[Gold]
    subsets: list[str]
    answer: str
    info: dict = field(default_factory=dict)


def clean_question(question: str) -> str:
    """What seiqa.assistant.clean_question does to a question before retrieval (control
    characters to spaces, stripped, at most 500 characters); kept here so that this
    script needs only the retrieval modules. Raises ValueError when nothing is left."""
    text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in question).strip()[:500]
    if not any(c.isalnum() for c in text):
        raise ValueError("the question has no words")
    return text


def log(msg: str) -> None:
    print(f"[eval] {msg}", file=sys.stderr, flush=True)


# --- locating the default set's gold spans ------------------------------------------------

def load_default(corpus: Path, qa_path: Path) -> tuple[list[Question], dict]:
    docs = read_corpus(corpus, log=log)
    rows = [json.loads(line) for line in qa_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    stats = {"questions_in_file": len(rows), "skipped_unanswerable": 0, "gold_not_located": 0,
             "answer_not_in_evidence": 0, "evidence_found_fuzzy": 0, "evidence_several_places": 0,
             "not_located": []}
    questions = []
    for row in rows:
        if row.get("answer") is None:
            stats["skipped_unanswerable"] += 1
            continue
        answer = str(row["answer"])
        golds: list[Gold] = []
        for key in ("evidence", "evidence2"):
            ev_text = row.get(key)
            if not ev_text:
                continue
            places = locate(docs, ev_text)
            if not places:
                stats["not_located"].append({"id": row.get("id"), "field": key, "text": ev_text})
                continue
            if any(docs[g.doc].text[g.start : g.end] != ev_text for g in places):
                stats["evidence_found_fuzzy"] += 1
            if len(places) > 1:
                stats["evidence_several_places"] += 1
            for ev in places:
                # fact and computed answers are judged by their evidence (a computed value
                # need not stand in the text; a digit match inside the evidence would be chance)
                span = None if row.get("type") in ("fact", "computed") else answer_in(docs[ev.doc].text, answer, ev)
                if span is None and row.get("type") not in ("fact", "computed"):
                    stats["answer_not_in_evidence"] += 1
                golds.append(span or ev)
        if not golds:
            stats["gold_not_located"] += 1
            continue
        script = str(row.get("script") or "").lower()
        subsets = ["all", f"type:{row.get('type')}"]
        if script in ("s", "simplified", "zh-hans", "zh-cn"):
            subsets.append("simplified")
        elif script in ("t", "traditional", "zh-hant", "zh-tw"):
            subsets.append("traditional")
        if row.get("paraphrase") is True:
            subsets.append("paraphrase")
        if has_digit(answer):
            subsets.append("numeric")
        questions.append(Question(
            id=str(row.get("id")), question=row["question"], golds=sorted(set(golds), key=lambda g: (g.doc, g.start)),
            subsets=subsets, answer=answer,
            info={"type": row.get("type"), "script": row.get("script"), "paraphrase": row.get("paraphrase")},
        ))
    return questions, stats


def load_squad(src: Path, work: Path, limit: int | None) -> tuple[Path, list[Question], dict]:
    corpus, qa_path = work / "corpus", work / "qa.jsonl"
    report = import_squad(src, corpus, qa_path, limit_articles=limit)
    log(f"{src.name}: {report.documents} documents, {report.paragraphs} paragraphs, "
        f"{report.questions_out} of {report.questions_in} questions kept "
        f"({report.dropped_offset} dropped for a wrong answer offset, "
        f"{report.paragraphs_not_ingested} paragraphs not matched by ingest)")
    questions = []
    for row in read_squad_qa(qa_path):
        start = row["answer_start"]
        subsets = ["all"] + (["numeric"] if has_digit(row["answer"]) else [])
        questions.append(Question(row["id"], row["question"], [Gold(row["doc"], start, start + len(row["answer"]))],
                                  subsets, row["answer"]))
    stats = {"import": report.to_dict(), "gold_not_located": report.dropped_offset + report.dropped_no_answer,
             "questions_whose_paragraph_ingest_splits_otherwise": report.questions_not_ingested}
    return corpus, questions, stats


# --- evaluation ------------------------------------------------------------------------

def citations_for(index: index_mod.Index, question: str, vec, k: int, settings: RetrieveSettings) -> list[Citation]:
    out = []
    for rank, hit in enumerate(retrieve(index, question, vec, k, settings), start=1):
        c = index.chunks[hit.chunk_id]
        out.append(Citation(rank, c.doc, c.start, c.end, c.text, c.section, round(hit.score, 4)))
    return out


def evaluate_set(name: str, corpus: Path, questions: list[Question], work: Path, embedder, k: int,
                 keep_details: bool) -> dict:
    from tqdm.auto import tqdm

    timings: dict[str, float] = {}
    t = time.perf_counter()
    # build() takes the ModelSpec (it loads the same cached embedder only when passages need embedding)
    model = embedder.spec if "spec" in inspect.signature(index_mod.build).parameters else embedder
    report = index_mod.build(corpus, work / "index", model, ChunkSettings(), progress=True, log=log)
    timings["build_s"] = round(time.perf_counter() - t, 2)
    log(f"{name}: index {'up to date' if report.up_to_date else 'built'}: {report.documents} documents, "
        f"{report.chunks} chunks, {report.embedded} passages embedded, {timings['build_s']} s")
    index = index_mod.load(work / "index")

    kept, texts = [], []
    for q in questions:
        try:
            texts.append(clean_question(q.question))
            kept.append(q)
        except ValueError as exc:
            log(f"{name}: question {q.id} skipped: {exc}")
    skipped_questions = len(questions) - len(kept)
    questions = kept
    t = time.perf_counter()
    vecs = []
    for i in tqdm(range(0, len(texts), QUERY_BATCH), desc=f"{name}: embedding questions", unit="batch"):
        vecs.extend(embedder.queries(texts[i : i + QUERY_BATCH]))
    timings["embed_questions_s"] = round(time.perf_counter() - t, 2)

    ranks: dict[str, list[int | None]] = {}
    details: list[dict] = [
        {"id": q.id, "question": q.question, "answer": q.answer, **q.info,
         "gold": [asdict(g) for g in q.golds], "ranks": {}, "top3": {}} for q in questions
    ] if keep_details else []
    for mode, settings in MODES.items():
        t = time.perf_counter()
        mode_ranks = []
        for j, (q, text) in enumerate(tqdm(list(zip(questions, texts)), desc=f"{name}: {mode}", unit="q", leave=False)):
            cites = citations_for(index, text, vecs[j], k, settings)
            r = gold_rank(cites, q.golds)
            mode_ranks.append(r)
            if keep_details:
                details[j]["ranks"][mode] = r
                details[j]["top3"][mode] = [
                    {"doc": c.doc, "start": c.start, "end": c.end, "section": c.section, "text": c.text} for c in cites[:3]
                ]
        ranks[mode] = mode_ranks
        timings[f"retrieve_{mode}_s"] = round(time.perf_counter() - t, 2)

    subsets = sorted({s for q in questions for s in q.subsets}, key=lambda s: (s != "all", s))
    results = {
        mode: {
            sub: summarise([r for r, q in zip(mode_ranks, questions) if sub in q.subsets]) for sub in subsets
        }
        for mode, mode_ranks in ranks.items()
    }
    out = {
        "corpus": str(corpus),
        "documents": report.documents,
        "chunks": report.chunks,
        "questions": len(questions),
        "questions_skipped_by_clean_question": skipped_questions,
        "timings": timings,
        "results": results,
        "ranks": {"ids": [q.id for q in questions], **ranks},
    }
    if keep_details:
        out["details"] = details
    return out


# --- output ----------------------------------------------------------------------------

def markdown(report: dict) -> str:
    lines = [
        f"Retrieval, top {report['k']} chunks, hit = a citation holding at least half of the gold span "
        f"({'quick' if report['quick'] else 'full'} run, model {report['model']['id']}).",
        "",
        "| dataset | subset | mode | questions | hit@1 | hit@3 | hit@5 | MRR |",
        "|---|---|---|---:|---:|---:|---:|---:|",
    ]
    for name, ds in report["datasets"].items():
        if "results" not in ds:
            continue
        first_mode = next(iter(ds["results"].values()))
        for sub in [s for s in TABLE_SUBSETS if s in first_mode]:
            for mode, by_sub in ds["results"].items():
                m = by_sub[sub]
                lines.append(f"| {name} | {sub} | {mode} | {m['questions']} | {m['hit@1']:.3f} | {m['hit@3']:.3f} "
                             f"| {m['hit@5']:.3f} | {m['mrr']:.3f} |")
    lines += ["", "| dataset | documents | chunks | gold not located | import s | build s | embed questions s | retrieval s (all modes) |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for name, ds in report["datasets"].items():
        if "results" not in ds:
            lines.append(f"| {name} | skipped: {ds.get('skipped')} | | | | | | |")
            continue
        t = ds["timings"]
        retr = sum(v for key, v in t.items() if key.startswith("retrieve_"))
        lines.append(f"| {name} | {ds['documents']} | {ds['chunks']} | {ds['gold']['gold_not_located']} | "
                     f"{t.get('import_s', 0):.1f} | {t['build_s']:.1f} | {t['embed_questions_s']:.1f} | {retr:.1f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help=f"only the first {QUICK_ARTICLES} articles of each public set")
    ap.add_argument("--out", type=Path, default=ROOT / "reports" / "retrieval.json")
    ap.add_argument("--k", type=int, default=10, help="chunks retrieved per question (MRR is MRR@k)")
    ap.add_argument("--datasets", default="default,drcd,cmrc2018", help="comma-separated subset of default,drcd,cmrc2018")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data", help="folder of the public sets")
    ap.add_argument("--work", type=Path, default=ROOT / "reports" / "eval", help="imported corpora and indexes")
    args = ap.parse_args(argv)
    wanted = [d.strip() for d in args.datasets.split(",") if d.strip()]

    t0 = time.perf_counter()
    t = time.perf_counter()
    embedder = embed.load(embed.ModelSpec())
    load_s = round(time.perf_counter() - t, 2)
    log(f"model {embedder.model_id} loaded in {load_s} s")
    report: dict = {
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "quick": args.quick,
        "k": args.k,
        "model": {"id": embedder.model_id, "hash": embedder.model_hash, "load_s": load_s},
        "chunking": asdict(ChunkSettings()),
        "modes": {m: asdict(s) for m, s in MODES.items()},
        "hit_rule": "citation in the gold document holding at least half of the gold span's characters",
        "machine": {"python": platform.python_version(), "processor": platform.processor() or platform.machine()},
        "datasets": {},
    }
    for name in wanted:
        t = time.perf_counter()
        if name == "default":
            corpus, qa_path = ROOT / "corpus", ROOT / "tests" / "qa" / "default.jsonl"
            if not qa_path.is_file():
                report["datasets"][name] = {"skipped": f"{qa_path} not found"}
                continue
            questions, gold = load_default(corpus, qa_path)
            work = args.work / "default"
        elif name in PUBLIC:
            src = args.data / PUBLIC[name]
            if not src.is_file():
                log(f"{name}: {src} not found; skipped")
                report["datasets"][name] = {"skipped": f"{src} not found"}
                continue
            work = args.work / (f"{name}-quick" if args.quick else name)
            corpus, questions, gold = load_squad(src, work, QUICK_ARTICLES if args.quick else None)
        else:
            ap.error(f"unknown dataset {name!r}")
        import_s = round(time.perf_counter() - t, 2)
        log(f"{name}: {len(questions)} questions with a gold span ({gold['gold_not_located']} not located)")
        ds = evaluate_set(name, corpus, questions, work, embedder, args.k, keep_details=(name == "default"))
        ds["timings"] = {"import_s": import_s, **ds["timings"]}
        ds["gold"] = gold
        report["datasets"][name] = ds
    report["total_s"] = round(time.perf_counter() - t0, 2)

    table = markdown(report)
    print(table)
    print(f"total {report['total_s']} s", file=sys.stderr)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    args.out.with_suffix(".md").write_text(table, encoding="utf-8")
    log(f"wrote {args.out} and {args.out.with_suffix('.md')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
