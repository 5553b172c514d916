"""The UI's "Batch evaluation" tab: upload a Q&A file (.jsonl or .csv, see
:mod:`seiqa.qa`), run it against the loaded Assistant, see the metrics and the plots,
download the predictions and the report.

Added to the app through ``build_app(..., extra_tabs=[batch_tab])`` (``serve`` does so).
Every piece of text from the file, the corpus or the predictions is escaped
(:func:`seiqa.ui.esc`) before it is put in HTML.
"""
from __future__ import annotations

import logging
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .evaluate import Metrics
from .report import MAIN_METRICS, _get, fmt, metrics_json
from .ui import SOURCES_CSS, esc

if TYPE_CHECKING:
    from .assistant import Assistant

log = logging.getLogger("seiqa.ui")

MAX_QUESTIONS = 5000  # per uploaded file
MAX_FAILURES_SHOWN = 50
_RUN_LOCK = threading.Lock()  # one batch run at a time: they are CPU-bound on a small machine

EVAL_CSS = SOURCES_CSS + """
.seiqa-metrics table { border-collapse: collapse; margin: 0.4em 0 1em 0; }
.seiqa-metrics th, .seiqa-metrics td { border: 1px solid var(--border-color-primary); padding: 2px 8px; text-align: left; vertical-align: top; }
.seiqa-metrics td.num { text-align: right; font-variant-numeric: tabular-nums; }
.seiqa-metrics h4 { margin: 0.6em 0 0.2em 0; }
"""

HELP = (
    "Upload a Q&A file: **JSON Lines** (one `{\"id\", \"question\", \"answer\", \"type\", ...}` a line) or **CSV** "
    "with a header row (`id,question,answer,...`). `\"answer\": null` marks a question the corpus cannot answer. "
    "The questions are answered with the loaded corpus and index; the metrics, plots and predictions show below."
)


def _table(head: list[str], rows: list[list[Any]], numeric_from: int = 1) -> str:
    out = ["<table><thead><tr>", *(f"<th>{esc(h)}</th>" for h in head), "</tr></thead><tbody>"]
    for row in rows:
        out.append("<tr>")
        for i, cell in enumerate(row):
            cls = ' class="num"' if i >= numeric_from else ""
            out.append(f"<td{cls}>{esc(cell)}</td>")
        out.append("</tr>")
    out.append("</tbody></table>")
    return "".join(out)


def render_metrics(metrics: Metrics, skipped: list[str] | None = None) -> str:
    """The metrics of a run as escaped HTML: summary, by type, by script, failures."""
    data = metrics_json(metrics)
    parts = ['<div class="seiqa-metrics">', "<h4>Summary</h4>"]
    parts.append(_table(["metric", "value"], [[label, fmt(_get(data, path), kind)] for label, path, kind in MAIN_METRICS
                                              if _get(data, path) is not None]))
    for title, groups in (("By question type", metrics.by_type), ("By script", metrics.by_script)):
        parts.append(f"<h4>{esc(title)}</h4>")
        parts.append(_table(
            ["group", "questions", "answered", "correct", "accuracy", "hit@5"],
            [[name, g["questions"], g["answered"], g["correct"], fmt(g["accuracy"]), fmt(g["hit@5"])]
             for name, g in groups.items()],
        ))
    fails = metrics.failures
    parts.append(f"<h4>Failures ({len(fails)}{', first ' + str(MAX_FAILURES_SHOWN) if len(fails) > MAX_FAILURES_SHOWN else ''})</h4>")
    if fails:
        parts.append(_table(
            ["id", "question", "gold", "predicted", "rank", "cited passage"],
            [[f["id"], f["question"], f["gold"] if f["gold"] is not None else "(unanswerable)",
              f["predicted"] if f["predicted"] is not None else "(no answer)",
              f["rank"] if f["rank"] is not None else "—", f["cited"]] for f in fails[:MAX_FAILURES_SHOWN]],
            numeric_from=99,
        ))
    skipped = skipped if skipped is not None else metrics.skipped
    if skipped:
        parts.append(f"<h4>Skipped lines ({len(skipped)})</h4><ul>")
        parts.extend(f"<li>{esc(Path(s.split(':', 1)[0]).name + ':' + s.split(':', 1)[1] if ':' in s else s)}</li>"
                     for s in skipped)
        parts.append("</ul>")
    parts.append("</div>")
    return "".join(parts)


def run_file(assistant: Assistant, path: str | None, k: int = 5, skip_bad: bool = False, progress=None):
    """Run one uploaded Q&A file: (metrics html, plot paths, predictions path, report paths)."""
    from .evalrun import meta_of, run_questions, score_and_report
    from .qa import QAFileError, read_qa

    if not path:
        raise QAFileError("upload a Q&A file first (.jsonl or .csv)")
    skipped: list[str] = []
    items = read_qa(Path(path), skip_bad=skip_bad, skipped=skipped)
    if len(items) > MAX_QUESTIONS:
        raise QAFileError(f"the file has {len(items)} questions; the UI runs at most {MAX_QUESTIONS} (use `seiqa eval`)")
    out = Path(tempfile.mkdtemp(prefix="seiqa-eval-"))
    k = int(max(1, min(10, int(k or 5))))

    def on_batch(done: int, total: int) -> None:
        if progress is not None:
            progress(done / max(total, 1), desc=f"{done}/{total} questions")

    with _RUN_LOCK:
        run = run_questions(assistant, items, out, k=k, progress=False, on_batch=on_batch)
    meta = meta_of(Path(path).name, source="ui", k=k, corpus=assistant.corpus, index=assistant.index_dir,
                   mode=assistant.retrieval.mode, fusion=assistant.retrieval.fusion)
    metrics, paths = score_and_report(items, run.predictions, out, assistant.documents(), run.latencies_ms,
                                      skipped=skipped, meta=meta)
    plots = [str(p) for name, p in paths.items() if name not in ("metrics", "report")]
    return render_metrics(metrics, skipped), plots, str(run.path), [str(paths["report"]), str(paths["metrics"])]


def batch_tab(assistant: Assistant) -> None:
    """Add the "Batch evaluation" tab (call inside the app's gr.Tabs)."""
    import gradio as gr

    from .qa import QAFileError

    def run(path, k, skip_bad, progress=gr.Progress()):
        try:
            return run_file(assistant, path, k, bool(skip_bad), progress)
        except QAFileError as e:
            msg = str(e)
            if path and msg.startswith(str(path)):  # show the uploaded file's name, not its temp path
                msg = Path(path).name + msg[len(str(path)):]
            return (f'<p class="seiqa-error">⚠ {esc(msg)}</p>', [], None, None)
        except Exception as e:  # noqa: BLE001 - shown in the tab, never a stack trace
            log.exception("batch evaluation failed")
            return (f'<p class="seiqa-error">⚠ the evaluation failed ({esc(type(e).__name__)}: {esc(e)})</p>',
                    [], None, None)

    with gr.Tab("Batch evaluation 批量評測", id="batch"):
        gr.Markdown(HELP)
        with gr.Row():
            upload = gr.File(label="Q&A file (.jsonl / .csv)", file_types=[".jsonl", ".csv", ".json"],
                             type="filepath", elem_id="seiqa-eval-file")
            with gr.Column():
                k = gr.Slider(1, 10, value=5, step=1, label="top-k citations", elem_id="seiqa-eval-k")
                skip_bad = gr.Checkbox(label="skip malformed lines (listed) instead of stopping",
                                       value=False, elem_id="seiqa-eval-skip")
                go = gr.Button("Run evaluation 執行評測", variant="primary", elem_id="seiqa-eval-run")
        table = gr.HTML("", elem_id="seiqa-eval-metrics", css_template=EVAL_CSS, js_on_load=None, padding=True)
        plots = gr.Gallery(label="Plots", columns=2, height="auto", elem_id="seiqa-eval-plots", interactive=False)
        with gr.Row():
            preds = gr.File(label="predictions.jsonl", interactive=False, elem_id="seiqa-eval-predictions")
            report = gr.File(label="report.md, metrics.json", file_count="multiple", interactive=False,
                             elem_id="seiqa-eval-report")
        go.click(run, [upload, k, skip_bad], [table, plots, preds, report], api_name="evaluate",
                 concurrency_limit=1)
