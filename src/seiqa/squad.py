"""Import a SQuAD-format reading-comprehension set as a seiqa corpus plus a Q&A file.

Input: ``{data: [{title, paragraphs: [{context, qas: [{id, question, answers:
[{text, answer_start}]}]}]}]}`` (DRCD, CMRC 2018, SQuAD 1.x ...).

Output:

* a corpus folder with one UTF-8 ``.txt`` document per article, named
  ``0001-<slug of the title>.txt``. Its text is the title on the first line, a blank
  line, then each paragraph's context on one line, paragraphs separated by blank
  lines. Contexts are stripped, and every line-break character in them is replaced by
  one space (one character for one, so offsets inside a context do not move).
* a Q&A JSONL file, one line per kept question::

      {"id", "question", "answer", "answers", "doc", "context_start", "context_end",
       "answer_start"}

  ``doc`` is the document's path relative to the corpus folder; ``context_start`` /
  ``context_end`` are the paragraph's offsets and ``answer_start`` the first answer's
  offset in the document's text, so ``text[answer_start:answer_start+len(answer)] ==
  answer`` holds (questions where it would not are dropped and counted).

Answer texts get the same line-break replacement as contexts and are stripped of
surrounding white space (``answer_start`` moves with the stripping). After writing, the
corpus is read back with seiqa's own ingest (:func:`seiqa.ingest.list_corpus`,
:func:`seiqa.ingest.read_document`) and every written paragraph span is checked to be
exactly one paragraph as seiqa sees it; the misses are counted in the report.
"""
from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .ingest import list_corpus, read_document

# Characters that start a new line somewhere (seiqa's ingest splits on \r and \n;
# str.splitlines also on these), each replaced by one space.
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK_TABLE = str.maketrans({c: " " for c in _LINE_BREAKS})
_DIGIT = re.compile(r"[0-9０-９]")
_SLUG_BAD = re.compile(r"[^\w]+")
_OUR_FILE = re.compile(r"^\d{4,}-.*\.txt$")
MAX_SLUG_CHARS = 60


@dataclass
class ImportReport:
    articles: int = 0  # articles read (after limit_articles)
    documents: int = 0  # documents written (articles with at least one non-empty context)
    paragraphs: int = 0  # paragraphs written
    questions_in: int = 0  # questions in the articles read
    questions_out: int = 0  # questions written to the Q&A file
    filtered_numeric: int = 0  # left out by numeric_only
    dropped_no_answer: int = 0  # no answer, or an empty one
    dropped_offset: int = 0  # the answer does not stand at its answer_start
    contexts_with_line_breaks: int = 0  # contexts whose line breaks became spaces
    empty_contexts: int = 0  # contexts with nothing but white space (not written)
    paragraphs_not_ingested: int = 0  # written paragraph spans that are not one ingest paragraph
    questions_not_ingested: int = 0  # written questions whose paragraph is among those
    examples: list[str] = field(default_factory=list)  # a few messages about drops and misses

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def slug(title: str, max_chars: int = MAX_SLUG_CHARS) -> str:
    """A file-name-safe form of a title: letters and digits of any script (CJK too)
    kept, every other run of characters (``/``, spaces, punctuation) made one ``-``."""
    s = _SLUG_BAD.sub("-", title).strip("-_")[:max_chars].strip("-_")
    return s or "untitled"


def clean_line(text: str) -> str:
    """A title as a single line: line breaks to spaces, BOM removed, stripped."""
    return text.translate(_BREAK_TABLE).replace("\ufeff", "").strip()


def has_digit(text: str) -> bool:
    """True when the text holds an ASCII or full-width digit (not Chinese numerals)."""
    return _DIGIT.search(text) is not None


def _answer(raw: Any) -> tuple[str, int] | None:
    """(text, start in the raw context) of one SQuAD answer, line breaks made spaces
    and surrounding white space stripped; None when empty or malformed."""
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        return None
    text = raw["text"].translate(_BREAK_TABLE)
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    if not text:
        return None
    try:
        start = int(raw.get("answer_start", -1))
    except (TypeError, ValueError):
        start = -1
    return text, (start + lead if start >= 0 else -1)


def _clear(corpus_out: Path, overwrite: bool) -> None:
    if not corpus_out.exists():
        corpus_out.mkdir(parents=True)
        return
    docs = [p for p in corpus_out.rglob("*") if p.is_file() and p.suffix.lower() in (".txt", ".md")]
    if not docs:
        return
    if not overwrite:
        raise FileExistsError(f"{corpus_out} already holds {len(docs)} documents; pass overwrite=True or use an empty folder")
    foreign = [p for p in docs if p.parent != corpus_out or not _OUR_FILE.match(p.name)]
    if foreign:
        raise FileExistsError(
            f"{corpus_out} holds documents this importer did not write (e.g. {foreign[0]}); use an empty folder"
        )
    for p in docs:
        p.unlink()


def import_squad(
    src: Path,
    corpus_out: Path,
    qa_out: Path,
    numeric_only: bool = False,
    limit_articles: int | None = None,
    overwrite: bool = True,
) -> ImportReport:
    """Write ``src`` (SQuAD-format JSON) as a corpus folder and a Q&A JSONL file.

    ``numeric_only`` keeps only questions whose first answer holds a digit (0-9 or
    ０-９). ``limit_articles`` reads the first N articles. ``overwrite`` lets a folder
    that holds an earlier import (``NNNN-*.txt`` files only) be replaced."""
    src, corpus_out, qa_out = Path(src), Path(corpus_out), Path(qa_out)
    data = json.loads(src.read_text(encoding="utf-8-sig"))
    articles = data["data"] if isinstance(data, dict) else data
    if limit_articles is not None:
        articles = articles[:limit_articles]
    _clear(corpus_out, overwrite)
    report = ImportReport(articles=len(articles))
    width = max(4, len(str(len(articles))))
    rows: list[dict[str, Any]] = []
    spans: dict[str, list[tuple[int, int]]] = {}  # doc -> written paragraph spans
    question_span: list[tuple[str, int, int]] = []  # per row: its doc and paragraph span

    def note(msg: str) -> None:
        if len(report.examples) < 20:
            report.examples.append(msg)

    for n, article in enumerate(articles, start=1):
        title = clean_line(str(article.get("title") or "")) or f"Article {n}"
        name = f"{n:0{width}d}-{slug(title)}.txt"
        parts = [title, "\n"]
        pos = len(title) + 1
        doc_spans: list[tuple[int, int]] = []
        for para in article.get("paragraphs", []):
            raw = str(para.get("context") or "")
            context = raw.translate(_BREAK_TABLE)
            qas = para.get("qas", [])
            report.questions_in += len(qas)
            if context != raw:
                report.contexts_with_line_breaks += 1
            lead = len(context) - len(context.lstrip())
            context = context.strip()
            if not context:
                report.empty_contexts += 1
                report.dropped_no_answer += len(qas)
                continue
            parts.append("\n")
            pos += 1  # the blank line before the paragraph
            c_start, c_end = pos, pos + len(context)
            parts.extend([context, "\n"])
            pos = c_end + 1
            doc_spans.append((c_start, c_end))
            report.paragraphs += 1
            for qa in qas:
                answers = [a for a in map(_answer, qa.get("answers") or []) if a is not None]
                if not answers:
                    report.dropped_no_answer += 1
                    continue
                text, a_raw = answers[0]
                if numeric_only and not has_digit(text):
                    report.filtered_numeric += 1
                    continue
                a_ctx = a_raw - lead
                if a_raw < 0 or a_ctx < 0 or context[a_ctx : a_ctx + len(text)] != text:
                    report.dropped_offset += 1
                    note(f"offset: {qa.get('id')}: {text!r} not at answer_start {a_raw}")
                    continue
                rows.append({
                    "id": str(qa.get("id") or f"{n}-{len(rows)}"),
                    "question": str(qa.get("question") or "").strip(),
                    "answer": text,
                    "answers": [t for t, _ in answers],
                    "doc": name,
                    "context_start": c_start,
                    "context_end": c_end,
                    "answer_start": c_start + a_ctx,
                })
                question_span.append((name, c_start, c_end))
        if not doc_spans:
            continue
        doc_text = "".join(parts)
        for s, e in doc_spans:  # the offsets are those of the text as written
            assert doc_text[s:e].strip() == doc_text[s:e] and "\n" not in doc_text[s:e]
        (corpus_out / name).write_bytes(doc_text.encode("utf-8"))
        spans[name] = doc_spans
        report.documents += 1

    report.questions_out = len(rows)
    qa_out.parent.mkdir(parents=True, exist_ok=True)
    with qa_out.open("w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")

    # Check with seiqa's own ingest that each written paragraph is one paragraph there,
    # and that each answer stands at its offset in the text ingest reads.
    bad: set[tuple[str, int, int]] = set()
    texts: dict[str, str] = {}
    for f in list_corpus(corpus_out):
        if f.rel not in spans:
            continue
        doc = read_document(f)
        texts[f.rel] = doc.text
        found = {(p.start, p.end) for p in doc.paragraphs}
        for s, e in spans[f.rel]:
            if (s, e) not in found:
                bad.add((f.rel, s, e))
                note(f"not a paragraph for ingest: {f.rel} [{s}, {e}) {doc.text[s:s + 30]!r}...")
    for rel in spans.keys() - texts.keys():  # a written file that ingest did not list
        bad.update((rel, s, e) for s, e in spans[rel])
        note(f"not listed by ingest: {rel}")
    report.paragraphs_not_ingested = len(bad)
    report.questions_not_ingested = sum(1 for span in question_span if span in bad)
    for row in rows:
        text = texts.get(row["doc"])
        a = row["answer_start"]
        if text is not None and text[a : a + len(row["answer"])] != row["answer"]:
            raise AssertionError(f"{row['id']}: answer offset is wrong in {row['doc']} (importer bug)")
    return report


def read_squad_qa(path: Path) -> list[dict[str, Any]]:
    """The rows of a Q&A JSONL file written by :func:`import_squad`."""
    with Path(path).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description="Import a SQuAD-format JSON file as a seiqa corpus and a Q&A JSONL file.")
    ap.add_argument("src", type=Path)
    ap.add_argument("corpus_out", type=Path)
    ap.add_argument("qa_out", type=Path)
    ap.add_argument("--numeric-only", action="store_true")
    ap.add_argument("--limit-articles", type=int)
    args = ap.parse_args(argv)
    report = import_squad(args.src, args.corpus_out, args.qa_out, args.numeric_only, args.limit_articles)
    print(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
