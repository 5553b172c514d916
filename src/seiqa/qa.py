"""Q&A files: JSONL (one object a line) or CSV (a header row), read into QAItem records.

Fields: ``question`` (required); ``id``, ``answer`` (or ``answers``: a list), ``type``,
``doc``, ``context``, ``evidence`` optional. ``"answer": null`` marks a question the
corpus cannot answer. Problems are reported with their line number.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class QAFileError(ValueError):
    """A Q&A file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class QAItem:
    id: str
    question: str
    answers: tuple[str, ...] | None  # None: no gold given; (): unanswerable
    line: int
    extra: dict[str, Any] = field(default_factory=dict)


def _item(obj: Any, line: int, where: str) -> QAItem:
    if not isinstance(obj, dict):
        raise QAFileError(f"{where}:{line}: expected an object with a 'question', got {type(obj).__name__}")
    q = obj.get("question")
    if not isinstance(q, str) or not q.strip():
        raise QAFileError(f"{where}:{line}: missing or empty 'question'")
    answers: tuple[str, ...] | None = None
    if "answers" in obj and obj["answers"] is not None:
        raw = obj["answers"]
        if not isinstance(raw, list):
            raise QAFileError(f"{where}:{line}: 'answers' must be a list")
        answers = tuple(a["text"] if isinstance(a, dict) else str(a) for a in raw)
    elif "answer" in obj:
        answers = () if obj["answer"] is None or obj["answer"] == "" else (str(obj["answer"]),)
    ident = str(obj.get("id") or f"line{line}")
    extra = {k: v for k, v in obj.items() if k not in ("id", "question", "answer", "answers")}
    return QAItem(ident, q, answers, line, extra)


def read_qa(path: Path, skip_bad: bool = False, skipped: list[str] | None = None) -> list[QAItem]:
    """Read a .jsonl or .csv Q&A file. With ``skip_bad`` bad lines are listed in
    ``skipped`` instead of raising."""
    path = Path(path)
    if not path.is_file():
        raise QAFileError(f"{path}: no such file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QAFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from exc
    items: list[QAItem] = []
    seen: dict[str, int] = {}

    def add(make) -> None:
        try:
            item = make()
            if item.id in seen:
                raise QAFileError(f"{path}:{item.line}: duplicate id {item.id!r} (first on line {seen[item.id]})")
            seen[item.id] = item.line
            items.append(item)
        except QAFileError as exc:
            if not skip_bad:
                raise
            if skipped is not None:
                skipped.append(str(exc))

    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(text.splitlines())
        if not reader.fieldnames or "question" not in reader.fieldnames:
            raise QAFileError(f"{path}:1: CSV header has no 'question' column (found: {reader.fieldnames})")
        for row in reader:
            line = reader.line_num
            add(lambda row=row, line=line: _item({k: v for k, v in row.items() if k}, line, str(path)))
    else:
        for n, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue

            def parse(raw=raw, n=n) -> QAItem:
                try:
                    obj = json.loads(raw)
                except json.JSONDecodeError as exc:
                    raise QAFileError(f"{path}:{n}: not valid JSON ({exc.msg} at column {exc.colno})") from exc
                return _item(obj, n, str(path))

            add(parse)
    if not items:
        raise QAFileError(f"{path}: no questions found")
    return items
