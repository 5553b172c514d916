"""Q&A files: the questions (and, optionally, gold answers) that ``seiqa batch`` and
``seiqa eval`` run.

Format
------
A Q&A file is either **JSON Lines** (``.jsonl``, also ``.json``/``.ndjson``: one JSON
object a line, UTF-8, blank lines ignored) or **CSV** (``.csv``: UTF-8, a header row,
then one question a row). The fields:

=============  ========  ===================================================================
field          required  meaning
=============  ========  ===================================================================
``question``   yes       the question, Simplified or Traditional Chinese (non-empty text)
``id``         no        a unique id (text or number); default ``line<N>``. Two items with
                         the same id are an error that names both lines.
``answer``     no        the gold answer as text (``"1288.8萬輛"``, ``"35.5%"``, a clause
                         for a fact question). ``"answer": null`` (or ``""``) marks a
                         question the corpus cannot answer: the right prediction is no
                         answer. Leave the field out when there is no gold.
``answers``    no        several acceptable gold answers: a list of texts or of SQuAD
                         objects ``{"text": ..., "answer_start": ...}``; a prediction
                         matching any of them is right. ``[]`` = unanswerable. Wins over
                         ``answer``.
``type``       no        the question type used for the per-type breakdown (``amount``,
                         ``growth``, ``fact``, ``computed``, ``unanswerable``, …); default:
                         what :func:`seiqa.question.analyse` says the question asks.
``doc``        no        the gold document, relative to the corpus folder; with
                         ``answer_start`` (offset of the answer in that document) or
                         ``context_start``/``context_end`` (the gold paragraph) it gives the
                         gold passage for the retrieval metrics. ``seiqa import squad``
                         writes these.
``context``    no        the gold passage text; located in the corpus for the retrieval
                         metrics when no offsets are given.
``evidence``   no        a sentence or clause of the corpus that holds the answer (also
                         ``evidence2`` for a computed answer's second figure); located in
                         the corpus for the retrieval metrics.
=============  ========  ===================================================================

Any other field is kept (``QAItem.extra``) and ignored by the scorer. In CSV every field
is text: an empty ``answer`` cell, or the text ``null``, marks an unanswerable question
(leave the ``answer`` column out when there is no gold); ``answers`` may hold several
answers separated by ``|``; offsets are integers.

Errors
------
A line that cannot be used is reported as ``FILE:LINE: what is wrong`` (a
:class:`QAFileError`): not JSON, not an object, no ``question``, a duplicate id (with the
line of the first one), an ``answers`` that is not a list, offsets that are not integers,
a CSV row with more or fewer cells than the header, a CSV header without ``question``
or with a repeated column. By default the first such line stops the run
(``seiqa eval``/``seiqa batch`` exit with code 2 and print the message); with
``skip_bad=True`` (``--skip-bad``) bad lines are left out and listed in ``skipped``.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_OFFSET_FIELDS = ("answer_start", "context_start", "context_end")
_CORE_FIELDS = ("id", "question", "answer", "answers")


class QAFileError(ValueError):
    """A Q&A file that cannot be used; the message names the file and line."""


@dataclass(frozen=True)
class QAItem:
    id: str
    question: str
    answers: tuple[str, ...] | None  # None: no gold given; (): unanswerable
    line: int
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def unanswerable(self) -> bool:
        return self.answers == ()

    def to_dict(self) -> dict[str, Any]:
        """The item as a JSON Lines object (the format above)."""
        out: dict[str, Any] = {"id": self.id, "question": self.question}
        if self.answers is not None:
            out["answer"] = self.answers[0] if self.answers else None
            if len(self.answers) > 1:
                out["answers"] = list(self.answers)
        out.update(self.extra)
        return out


def _answer_text(a: Any, line: int, where: str) -> str:
    if isinstance(a, dict):
        if not isinstance(a.get("text"), str):
            raise QAFileError(f"{where}:{line}: an item of 'answers' is an object without a 'text'")
        return a["text"]
    if isinstance(a, (str, int, float)) and not isinstance(a, bool):
        return str(a)
    raise QAFileError(f"{where}:{line}: an answer must be text, got {type(a).__name__}")


def _item(obj: Any, line: int, where: str, csv_row: bool = False) -> QAItem:
    if not isinstance(obj, dict):
        raise QAFileError(f"{where}:{line}: expected an object with a 'question', got {type(obj).__name__}")
    q = obj.get("question")
    if not isinstance(q, str) or not q.strip():
        raise QAFileError(f"{where}:{line}: missing or empty 'question'")
    answers: tuple[str, ...] | None = None
    raw = obj.get("answers")
    if csv_row and isinstance(raw, str) and raw.strip():
        raw = [a.strip() for a in raw.split("|") if a.strip()]
    elif csv_row and (raw is None or (isinstance(raw, str) and not raw.strip())):
        raw = None
    if raw is not None:
        if not isinstance(raw, list):
            raise QAFileError(f"{where}:{line}: 'answers' must be a list, got {type(raw).__name__}")
        answers = tuple(t for t in (_answer_text(a, line, where) for a in raw) if t.strip())
    elif "answer" in obj:
        a = obj["answer"]
        if isinstance(a, list):
            answers = tuple(t for t in (_answer_text(x, line, where) for x in a) if t.strip())
        elif a is None or (isinstance(a, str) and (not a.strip() or (csv_row and a.strip().lower() == "null"))):
            answers = ()
        else:
            answers = (_answer_text(a, line, where),)
    ident = obj.get("id")
    if isinstance(ident, (dict, list)):
        raise QAFileError(f"{where}:{line}: 'id' must be text or a number, got {type(ident).__name__}")
    ident = str(ident).strip() if ident is not None and str(ident).strip() else f"line{line}"
    extra = {k: v for k, v in obj.items() if k not in _CORE_FIELDS}
    if csv_row:
        extra = {k: v for k, v in extra.items() if v not in (None, "")}
    for key in _OFFSET_FIELDS:
        if key in extra and extra[key] is not None:
            try:
                extra[key] = int(extra[key])
            except (TypeError, ValueError):
                raise QAFileError(f"{where}:{line}: {key!r} must be an integer offset, got {extra[key]!r}") from None
            if isinstance(obj.get(key), bool) or extra[key] < 0:
                raise QAFileError(f"{where}:{line}: {key!r} must be a non-negative integer offset")
    for key in ("type", "doc", "context", "evidence", "evidence2"):
        if key in extra and extra[key] is not None and not isinstance(extra[key], str):
            raise QAFileError(f"{where}:{line}: {key!r} must be text, got {type(extra[key]).__name__}")
    return QAItem(ident, q, answers, line, extra)


def _json_hint(text: str) -> str:
    """A hint when the file is one (pretty-printed) JSON document rather than JSON Lines."""
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        return ""
    if isinstance(whole, dict) and "data" in whole:
        return " (this looks like a SQuAD JSON file: convert it with `seiqa import squad`)"
    return " (the file is one JSON document; a Q&A file has one JSON object a line)"


def read_qa(path: Path, skip_bad: bool = False, skipped: list[str] | None = None) -> list[QAItem]:
    """Read a .jsonl or .csv Q&A file (format: see the module docstring). With
    ``skip_bad`` bad lines are listed in ``skipped`` (one ``FILE:LINE: ...`` message
    each) instead of raising :class:`QAFileError`."""
    path = Path(path)
    if not path.is_file():
        raise QAFileError(f"{path}: no such file")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QAFileError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start}); save it as UTF-8") from exc
    items: list[QAItem] = []
    seen: dict[str, int] = {}

    def add(make) -> None:
        try:
            item = make()
            if item.id in seen:
                raise QAFileError(
                    f"{path}:{item.line}: duplicate id {item.id!r} (lines {seen[item.id]} and {item.line})"
                )
            seen[item.id] = item.line
            items.append(item)
        except QAFileError as exc:
            if not skip_bad:
                raise
            if skipped is not None:
                skipped.append(str(exc))

    if path.suffix.lower() == ".csv":
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            header = next(reader)
        except StopIteration:
            raise QAFileError(f"{path}: no questions found (the file is empty)") from None
        except csv.Error as exc:
            raise QAFileError(f"{path}:1: not valid CSV ({exc})") from None
        header = [h.strip() for h in header]
        if "question" not in header:
            raise QAFileError(
                f"{path}:1: CSV header has no 'question' column (found: {', '.join(header) or 'nothing'}); "
                "the first row must name the columns, e.g. id,question,answer"
            )
        dup = sorted({h for h in header if h and header.count(h) > 1})
        if dup:
            raise QAFileError(f"{path}:1: CSV header repeats the column(s) {', '.join(dup)}")
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:  # e.g. an unclosed quote: the rest cannot be read
                err = QAFileError(f"{path}:{reader.line_num}: not valid CSV ({exc})")
                if not skip_bad:
                    raise err from None
                if skipped is not None:
                    skipped.append(str(err))
                break
            line = reader.line_num
            if not row or all(not c.strip() for c in row):
                continue

            def make(row=row, line=line) -> QAItem:
                if len(row) != len(header):
                    raise QAFileError(
                        f"{path}:{line}: {len(row)} cells but the header has {len(header)} columns "
                        f"({', '.join(header)}); quote cells that hold a comma"
                    )
                return _item({k: v for k, v in zip(header, row) if k}, line, str(path), csv_row=True)

            add(make)
    else:
        for n, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue

            def parse(raw=raw, n=n) -> QAItem:
                try:
                    obj = json.loads(raw)
                except json.JSONDecodeError as exc:
                    hint = _json_hint(text) if n == 1 else ""
                    raise QAFileError(f"{path}:{n}: not valid JSON ({exc.msg} at column {exc.colno}){hint}") from exc
                return _item(obj, n, str(path))

            add(parse)
    if not items:
        raise QAFileError(f"{path}: no questions found" + (f" ({len(skipped)} bad lines skipped)" if skipped else ""))
    return items
