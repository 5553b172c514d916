"""Running a Q&A set for evaluation: answer the questions in batches, write the
predictions incrementally (so an interrupted run can be resumed), score them and write
the report. Used by ``seiqa eval`` and the UI's batch evaluation tab.

``DIR/predictions.jsonl`` holds one ``Result.to_dict()`` object a line, plus
``latency_ms`` (the question's share of its batch's wall time). It is appended to and
flushed after every batch; with ``resume=True`` the ids already in it are not asked
again (a line cut short by an interruption is dropped).
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .evaluate import Metrics, score
from .qa import QAItem

PREDICTIONS = "predictions.jsonl"
DEFAULT_BATCH = 16


@dataclass
class RunResult:
    predictions: dict[str, dict[str, Any]]
    latencies_ms: list[float]
    asked: int  # questions asked in this run
    resumed: int  # predictions kept from an earlier run
    path: Path
    dropped_lines: list[str] = field(default_factory=list)  # unreadable lines of an earlier predictions file


def read_predictions(path: Path, strict: bool = True, dropped: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """``id -> prediction`` from a predictions JSONL file (``Result.to_dict()`` a line;
    a row without an id is keyed by its question). ``strict``: a bad line raises
    ValueError with its line number; else it is listed in ``dropped``."""
    path = Path(path)
    out: dict[str, dict[str, Any]] = {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValueError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError(f"expected an object, got {type(row).__name__}")
            if "answer" not in row:
                raise ValueError("no 'answer' field (use null for no answer)")
            key = row.get("id")
            key = str(key) if key is not None and str(key) != "" else row.get("question")
            if not isinstance(key, str) or not key:
                raise ValueError("neither an 'id' nor a 'question'")
        except (json.JSONDecodeError, ValueError) as exc:
            msg = f"{path}:{n}: {exc.msg if isinstance(exc, json.JSONDecodeError) else exc}"
            if strict:
                raise ValueError(msg) from None
            if dropped is not None:
                dropped.append(msg)
            continue
        out[key] = row
    return out


def match_predictions(items: Sequence[QAItem], preds: Mapping[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Predictions keyed by the items' ids: by id, else by the question text."""
    out = {}
    for item in items:
        row = preds.get(item.id) or preds.get(item.question)
        if row is not None:
            out[item.id] = row
    return out


def _error_row(item: QAItem, msg: str) -> dict[str, Any]:
    return {"id": item.id, "question": item.question, "answer": None, "citations": [], "reason": f"error: {msg}",
            "latency_ms": None}


def run_questions(
    assistant,
    items: Sequence[QAItem],
    out_dir: Path,
    k: int = 5,
    resume: bool = False,
    batch_size: int = DEFAULT_BATCH,
    progress: bool = True,
    on_batch: Callable[[int, int], None] | None = None,
) -> RunResult:
    """Ask every question (through ``assistant.ask_many``, ``batch_size`` at a time),
    appending each batch's predictions to ``out_dir/predictions.jsonl``."""
    from tqdm import tqdm

    from .assistant import QuestionError, clean_question

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / PREDICTIONS
    done: dict[str, dict[str, Any]] = {}
    dropped: list[str] = []
    if resume and path.exists():
        wanted = {i.id for i in items}
        done = {key: row for key, row in read_predictions(path, strict=False, dropped=dropped).items() if key in wanted}
    # rewrite what is kept (drops a line cut short by an interruption), then append
    tmp = path.with_name(path.name + ".part")
    with tmp.open("w", encoding="utf-8") as f:
        for row in done.values():
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    tmp.replace(path)
    todo = [i for i in items if i.id not in done]
    preds = dict(done)
    batch_size = max(1, int(batch_size))
    with path.open("a", encoding="utf-8") as f, tqdm(
        total=len(items), initial=len(done), desc="answering", unit="q", disable=not progress, dynamic_ncols=True
    ) as bar:
        for b in range(0, len(todo), batch_size):
            batch = todo[b : b + batch_size]
            rows: list[dict[str, Any]] = []
            askable: list[QAItem] = []
            for item in batch:
                try:
                    clean_question(item.question, warn=lambda m: None)
                    askable.append(item)
                except QuestionError as exc:
                    rows.append(_error_row(item, str(exc)))
            if askable:
                t0 = time.perf_counter()
                results = assistant.ask_many([i.question for i in askable], k=k, ids=[i.id for i in askable])
                per = (time.perf_counter() - t0) * 1000.0 / len(askable)
                for item, result in zip(askable, results):
                    row = result.to_dict()
                    row["id"] = item.id
                    row["latency_ms"] = round(per, 3)
                    rows.append(row)
            order = {i.id: n for n, i in enumerate(batch)}
            rows.sort(key=lambda r: order[r["id"]])
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
                preds[row["id"]] = row
            f.flush()
            bar.update(len(batch))
            if on_batch:
                on_batch(len(done) + b + len(batch), len(items))
    latencies = [float(r["latency_ms"]) for r in preds.values() if isinstance(r.get("latency_ms"), (int, float))]
    return RunResult(preds, latencies, len(todo), len(done), path, dropped)


def meta_of(qa: Path | str, **kw: Any) -> dict[str, Any]:
    out = {"qa": str(qa)}
    out.update({k: (str(v) if isinstance(v, Path) else v) for k, v in kw.items() if v is not None})
    out["date"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    return out


def score_and_report(
    items: Sequence[QAItem],
    predictions: Mapping[str, dict[str, Any]],
    out_dir: Path,
    docs: Mapping[str, Any] | None,
    latencies_ms: Sequence[float] | None,
    skipped: Sequence[str] = (),
    meta: Mapping[str, Any] | None = None,
) -> tuple[Metrics, dict[str, Path]]:
    from .report import write_report

    metrics = score(items, predictions, docs=docs, latencies_ms=latencies_ms or None, skipped=skipped)
    paths = write_report(metrics, Path(out_dir), meta=meta, latencies=latencies_ms)
    return metrics, paths
