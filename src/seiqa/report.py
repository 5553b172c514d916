"""Evaluation reports: ``metrics.json``, ``report.md`` and PNG plots for one run of
``seiqa eval``, and the side-by-side comparison of two runs (``seiqa eval --compare``).

The numbers come from :func:`seiqa.evaluate.score`; this module only writes them.
Plots are drawn with matplotlib's Agg backend on :class:`matplotlib.figure.Figure`
objects (no pyplot state, so it is safe from the UI's worker threads).
"""
from __future__ import annotations

import json
import warnings
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .evaluate import Metrics

PLOTS = {
    "by_type": "accuracy_by_type.png",
    "by_script": "accuracy_by_script.png",
    "retrieval": "retrieval.png",
    "latency": "latency.png",
}
MAX_FAILURE_ROWS = 200
_CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Serif CJK SC", "WenQuanYi Micro Hei",
              "PingFang SC", "Microsoft YaHei", "SimHei", "DejaVu Sans"]

# (label, path into metrics.json, kind) of the rows of the summary and comparison tables
MAIN_METRICS: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("questions", ("questions",), "int"),
    ("answered", ("answered",), "int"),
    ("accuracy (all with gold)", ("accuracy",), "rate"),
    ("exact match (answerable)", ("exact_match",), "rate"),
    ("exact match, spans only (answerable)", ("exact_match_strict",), "rate"),
    ("char F1 (answerable)", ("f1",), "rate"),
    ("abstention precision", ("abstention_precision",), "rate"),
    ("abstention recall", ("abstention_recall",), "rate"),
    ("retrieval hit@1", ("retrieval", "hit@1"), "rate"),
    ("retrieval hit@3", ("retrieval", "hit@3"), "rate"),
    ("retrieval hit@5", ("retrieval", "hit@5"), "rate"),
    ("retrieval MRR", ("retrieval", "mrr"), "rate"),
    ("latency p50 (ms)", ("latency_ms", "p50"), "ms"),
    ("latency p95 (ms)", ("latency_ms", "p95"), "ms"),
)


# --- formatting --------------------------------------------------------------------

def md_cell(text: Any, limit: int | None = None) -> str:
    """Text for one Markdown table cell: one line, ``|`` escaped, optionally truncated."""
    if text is None:
        return "—"
    s = " ".join(str(text).split())
    if limit is not None and len(s) > limit:
        s = s[: limit - 1] + "…"
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def fmt(value: Any, kind: str = "rate") -> str:
    if value is None:
        return "—"
    if kind == "int":
        return str(int(value))
    if kind == "ms":
        return f"{float(value):.1f}"
    return f"{float(value):.3f}"


def fmt_diff(a: Any, b: Any, kind: str = "rate") -> str:
    if a is None or b is None:
        return "—"
    d = float(b) - float(a)
    if kind == "int":
        return f"{int(d):+d}"
    if kind == "ms":
        return f"{d:+.1f}"
    return f"{d:+.3f}"


def _get(data: Mapping[str, Any], path: Sequence[str]) -> Any:
    cur: Any = data
    for key in path:
        if not isinstance(cur, Mapping) or key not in cur:
            return None
        cur = cur[key]
    return cur


def summary_table(data: Mapping[str, Any]) -> str:
    lines = ["| metric | value |", "|---|---|"]
    for label, path, kind in MAIN_METRICS:
        v = _get(data, path)
        if v is not None:
            lines.append(f"| {label} | {fmt(v, kind)} |")
    return "\n".join(lines)


def group_table(groups: Mapping[str, Mapping[str, Any]], title: str) -> str:
    lines = [f"| {title} | questions | answered | correct | accuracy | hit@5 |", "|---|---|---|---|---|---|"]
    for name, g in groups.items():
        lines.append(
            f"| {md_cell(name)} | {g.get('questions', 0)} | {g.get('answered', 0)} | {g.get('correct', 0)} | "
            f"{fmt(g.get('accuracy'))} | {fmt(g.get('hit@5'))} |"
        )
    return "\n".join(lines)


def compare_table(a: Mapping[str, Any], b: Mapping[str, Any], name_a: str = "A", name_b: str = "B") -> str:
    """The main metrics of two runs (metrics.json contents) side by side, with B − A."""
    lines = [f"| metric | {md_cell(name_a)} | {md_cell(name_b)} | Δ (B − A) |", "|---|---|---|---|"]
    for label, path, kind in MAIN_METRICS:
        va, vb = _get(a, path), _get(b, path)
        if va is None and vb is None:
            continue
        lines.append(f"| {label} | {fmt(va, kind)} | {fmt(vb, kind)} | {fmt_diff(va, vb, kind)} |")
    return "\n".join(lines)


def compare_files(path_a: Path, path_b: Path) -> str:
    """``compare_table`` of two metrics.json files (names: their folders)."""
    data = []
    for p in (Path(path_a), Path(path_b)):
        if p.is_dir():
            p = p / "metrics.json"
        try:
            data.append(json.loads(p.read_text(encoding="utf-8")))
        except FileNotFoundError:
            raise ValueError(f"{p}: no such file (give a metrics.json or the report folder)") from None
        except json.JSONDecodeError as exc:
            raise ValueError(f"{p}: not valid JSON ({exc.msg}, line {exc.lineno})") from None
    names = [_run_name(Path(path_a)), _run_name(Path(path_b))]
    if names[0] == names[1]:
        names = [str(path_a), str(path_b)]
    return compare_table(data[0], data[1], names[0], names[1])


def _run_name(p: Path) -> str:
    return p.name if p.is_dir() else (p.parent.name or p.name)


# --- plots ---------------------------------------------------------------------------

def _figure(width: float = 6.4, height: float = 3.6):
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=100, layout="constrained")


def _font_rc() -> dict[str, Any]:
    from matplotlib import font_manager

    have = {f.name for f in font_manager.fontManager.ttflist}
    fonts = [f for f in _CJK_FONTS if f in have] or ["DejaVu Sans"]
    return {"font.family": "sans-serif", "font.sans-serif": fonts}


def _bars(groups: Mapping[str, Mapping[str, Any]], title: str, path: Path) -> Path | None:
    names = [n for n, g in groups.items() if g.get("accuracy") is not None]
    if not names:
        return None
    fig = _figure(6.4, max(2.4, 0.42 * len(names) + 1.2))
    ax = fig.add_subplot()
    acc = [groups[n]["accuracy"] for n in names]
    y = list(range(len(names)))
    ax.barh(y, acc, color="#4a7dff")
    ax.set_yticks(y, [f"{n} (n={groups[n].get('questions', 0)})" for n in names])
    ax.invert_yaxis()
    ax.set_xlim(0, 1.12)
    ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_xlabel("answer accuracy")
    ax.set_title(title)
    for yi, v in zip(y, acc):
        ax.text(v + 0.01, yi, f"{v:.2f}", va="center", fontsize=8)
    fig.savefig(path)
    return path


def _retrieval_plot(retrieval: Mapping[str, Any], path: Path) -> Path | None:
    keys = [k for k in retrieval if k.startswith("hit@")] + (["mrr"] if "mrr" in retrieval else [])
    if not keys or not retrieval.get("questions"):
        return None
    fig = _figure(5.0, 3.2)
    ax = fig.add_subplot()
    vals = [float(retrieval[k]) for k in keys]
    ax.bar(keys, vals, color=["#4a7dff"] * (len(keys) - 1) + ["#d9a400"])
    ax.set_ylim(0, 1.05)
    ax.set_title(f"retrieval (n={retrieval.get('questions')})")
    for x, v in enumerate(vals):
        ax.text(x, v + 0.02, f"{v:.2f}", ha="center", fontsize=8)
    fig.savefig(path)
    return path


def _latency_plot(latencies: Sequence[float], stats: Mapping[str, Any], path: Path) -> Path | None:
    if not latencies:
        return None
    fig = _figure(5.6, 3.2)
    ax = fig.add_subplot()
    ax.hist(list(latencies), bins=min(30, max(5, len(latencies) // 4)), color="#4a7dff")
    for key, style in (("p50", "--"), ("p95", ":")):
        if stats.get(key) is not None:
            ax.axvline(stats[key], color="#b00020", linestyle=style, label=f"{key} {stats[key]:.0f} ms")
    ax.set_xlabel("ms per question (batch time / batch size)")
    ax.set_ylabel("questions")
    ax.set_title("latency")
    ax.legend(fontsize=8)
    fig.savefig(path)
    return path


def write_plots(metrics: Metrics, out: Path, latencies: Sequence[float] | None = None) -> dict[str, Path]:
    """The PNG plots that apply to this run, by name (see ``PLOTS``)."""
    import matplotlib

    out.mkdir(parents=True, exist_ok=True)
    made: dict[str, Path | None] = {}
    with warnings.catch_warnings(), matplotlib.rc_context(_font_rc()):
        warnings.simplefilter("ignore")  # missing glyphs in an odd type name must not fail a run
        made["by_type"] = _bars(metrics.by_type, "accuracy by question type", out / PLOTS["by_type"])
        made["by_script"] = _bars(metrics.by_script, "accuracy by script", out / PLOTS["by_script"])
        if metrics.retrieval:
            made["retrieval"] = _retrieval_plot(metrics.retrieval, out / PLOTS["retrieval"])
        if metrics.latency_ms and latencies:
            made["latency"] = _latency_plot(latencies, metrics.latency_ms, out / PLOTS["latency"])
    for name, fname in PLOTS.items():  # a plot of an earlier run that no longer applies
        if made.get(name) is None and (out / fname).exists():
            (out / fname).unlink()
    return {k: v for k, v in made.items() if v is not None}


# --- the report ------------------------------------------------------------------------

def metrics_json(metrics: Metrics, meta: Mapping[str, Any] | None = None) -> dict[str, Any]:
    data = {"meta": dict(meta or {})}
    data.update(metrics.to_dict())
    return data


def render_markdown(metrics: Metrics, meta: Mapping[str, Any] | None = None, plots: Mapping[str, Path] = {}) -> str:
    meta = dict(meta or {})
    out = ["# seiqa evaluation report", ""]
    if meta:
        for key in ("qa", "predictions", "source", "corpus", "index", "model", "mode", "fusion", "k", "date"):
            if meta.get(key) is not None:
                out.append(f"- **{key}**: {md_cell(meta[key])}")
        out.append("")
    out += ["## Summary", "", summary_table(metrics_json(metrics, meta)), ""]
    out.append(
        f"{metrics.with_gold} of {metrics.questions} questions have a gold answer "
        f"({metrics.answerable} answerable, {metrics.unanswerable} unanswerable); "
        f"{metrics.abstentions} predictions among them are abstentions (no answer)."
    )
    if metrics.missing_predictions:
        out.append(f"\n**{len(metrics.missing_predictions)} questions have no prediction** and are not scored: "
                   + ", ".join(md_cell(i) for i in metrics.missing_predictions[:30])
                   + (" …" if len(metrics.missing_predictions) > 30 else ""))
    out.append("")
    if metrics.retrieval is not None:
        r = metrics.retrieval
        out += ["## Retrieval", ""]
        if r.get("questions"):
            out.append(f"{r['questions']} questions with a gold passage ("
                       + ", ".join(f"{k}: {v}" for k, v in sorted((r.get("rules") or {}).items()))
                       + f"); {r.get('not_located', 0)} gold passages could not be located in the corpus.")
        else:
            out.append("No question has a gold passage (needs `doc` with offsets, `evidence` or `context`).")
        out.append("")
        if "retrieval" in plots:
            out += [f"![retrieval]({plots['retrieval'].name})", ""]
    out += ["## By question type", "", group_table(metrics.by_type, "type"), ""]
    if "by_type" in plots:
        out += [f"![accuracy by type]({plots['by_type'].name})", ""]
    out += ["## By script", "", group_table(metrics.by_script, "script"), ""]
    if "by_script" in plots:
        out += [f"![accuracy by script]({plots['by_script'].name})", ""]
    out += ["## Latency", ""]
    if metrics.latency_ms:
        lat = metrics.latency_ms
        out.append(f"p50 {lat['p50']:.1f} ms, p95 {lat['p95']:.1f} ms, mean {lat['mean']:.1f} ms, "
                   f"max {lat['max']:.1f} ms over {lat['n']} questions (each question's share of its batch's "
                   "wall time: retrieval, embedding and answer extraction).")
        if "latency" in plots:
            out += ["", f"![latency]({plots['latency'].name})"]
    else:
        out.append("Not measured (predictions were scored from a file).")
    out.append("")
    out += [f"## Failures ({len(metrics.failures)})", ""]
    if metrics.failures:
        out += ["| id | type | question | gold | predicted | rank | cited passage |", "|---|---|---|---|---|---|---|"]
        for f in metrics.failures[:MAX_FAILURE_ROWS]:
            gold = f["gold"] if f["gold"] is not None else "(unanswerable)"
            pred = f["predicted"] if f["predicted"] is not None else "(no answer)"
            out.append(
                f"| {md_cell(f['id'])} | {md_cell(f['type'])} | {md_cell(f['question'], 80)} | {md_cell(gold, 60)} | "
                f"{md_cell(pred, 60)} | {f['rank'] if f['rank'] is not None else '—'} | {md_cell(f['cited'], 120)} |"
            )
        if len(metrics.failures) > MAX_FAILURE_ROWS:
            out.append(f"\n… and {len(metrics.failures) - MAX_FAILURE_ROWS} more (all are in metrics.json).")
    else:
        out.append("None.")
    out.append("")
    if metrics.skipped:
        out += [f"## Skipped lines ({len(metrics.skipped)})", ""]
        out += [f"- {md_cell(s)}" for s in metrics.skipped]
        out.append("")
    out += [
        "## How answers are judged",
        "",
        "An abstention (no answer) is right only for an unanswerable question (`answer: null`). "
        "Otherwise the prediction is right when its text equals a gold answer after normalisation "
        "(script, width, case, spacing and punctuation ignored); for a gold that is a single figure, when "
        "the predicted figure has the same value (`1.5万亿元` = `15000億元`; units converted within a "
        "dimension; `%` ≠ `个百分点`; a gold without a unit compares values only); for a sentence answer, "
        "when the gold stands in the sentence. See `seiqa.evaluate`.",
        "",
    ]
    return "\n".join(out)


def write_report(
    metrics: Metrics,
    out: Path,
    meta: Mapping[str, Any] | None = None,
    latencies: Sequence[float] | None = None,
) -> dict[str, Path]:
    """Write metrics.json, report.md and the plots into ``out``; returns their paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    plots = write_plots(metrics, out, latencies)
    paths = {"metrics": out / "metrics.json", "report": out / "report.md"}
    tmp = paths["metrics"].with_suffix(".json.part")
    tmp.write_text(json.dumps(metrics_json(metrics, meta), ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(paths["metrics"])
    paths["report"].write_text(render_markdown(metrics, meta, plots), encoding="utf-8")
    return {**paths, **plots}
