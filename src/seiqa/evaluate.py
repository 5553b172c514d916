"""Evaluation metrics: where does the first correct citation stand (retrieval), is the
answer right (answer scoring, further down: :func:`answer_correct`, :func:`score`)?

Retrieval
---------

A question's gold is one or more spans :class:`Gold` ``(doc, start, end)`` in
document character offsets. A citation is a **hit** for a gold span when it is in the
gold document and contains at least half of the gold span's characters::

    overlap = min(c.end, g.end) - max(c.start, g.start)
    hit  <=>  c.doc == g.doc and overlap > 0 and 2 * overlap >= g.end - g.start

Why half and not all: chunks are cut at sentence (or, for long sentences, clause)
boundaries with some overlap, so an answer or evidence phrase can straddle two
chunks; a citation that holds most of it still sends the reader to the right place,
while one that grazes a single character does not. For SQuAD-style sets the gold span
is the first answer's span (``answer_start`` .. ``+ len(answer)``); answers are short,
so in practice "half" means the citation holds the answer or most of it.

When a question has several gold spans (e.g. a computed answer that either of two
pieces of evidence supports), a citation that is a hit for any of them counts.

``gold_rank`` gives the 1-based position of the first hit in the citation list (or
None); ``hit_at_k`` and ``mrr`` summarise a list of such ranks. All are pure functions.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .records import Citation

MIN_SHARE = 0.5  # share of the gold span's characters a citation must contain


@dataclass(frozen=True)
class Gold:
    """A gold span: ``[start, end)`` character offsets in document ``doc`` (a corpus-relative path)."""

    doc: str
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start < self.end:
            raise ValueError(f"gold span [{self.start}, {self.end}) in {self.doc} is empty or negative")


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Number of characters two half-open spans share."""
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def is_hit(citation: Citation, gold: Gold) -> bool:
    """Does the citation contain at least half of the gold span's characters?"""
    if citation.doc != gold.doc:
        return False
    shared = overlap(citation.start, citation.end, gold.start, gold.end)
    return shared > 0 and shared >= MIN_SHARE * (gold.end - gold.start)


def gold_rank(citations: Sequence[Citation], gold: Gold | Iterable[Gold]) -> int | None:
    """1-based position in ``citations`` of the first citation that is a hit for the
    gold span (or any of several gold spans); None when none is."""
    golds = [gold] if isinstance(gold, Gold) else list(gold)
    for pos, citation in enumerate(citations, start=1):
        if any(is_hit(citation, g) for g in golds):
            return pos
    return None


def hit_at_k(ranks: Sequence[int | None], k: int) -> float:
    """Share of questions whose first hit is within the top ``k`` (0.0 for no questions)."""
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if not ranks:
        return 0.0
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks)


def mrr(ranks: Sequence[int | None]) -> float:
    """Mean reciprocal rank: mean of 1/rank, a miss (None) counting 0 (0.0 for no
    questions). With ranks from top-``k`` lists this is MRR@k."""
    if not ranks:
        return 0.0
    return sum(1.0 / r for r in ranks if r is not None) / len(ranks)


def summarise(ranks: Sequence[int | None], ks: Iterable[int] = (1, 3, 5)) -> dict[str, float | int]:
    """``{"questions": n, "hit@1": ..., "hit@3": ..., "hit@5": ..., "mrr": ...}``."""
    out: dict[str, float | int] = {"questions": len(ranks)}
    for k in ks:
        out[f"hit@{k}"] = hit_at_k(ranks, k)
    out["mrr"] = mrr(ranks)
    return out


# =====================================================================================
# Answer scoring and the whole-run metrics (``seiqa eval``). Pure functions: no model,
# no files; the runner (seiqa.cli) and the report writer (seiqa.report) use them.
# =====================================================================================
#
# Answer correctness (``answer_correct``), for one prediction against the gold answers
# of one question; several gold answers: any of them may match.
#
# * Unanswerable gold (``answer: null``): right only when the prediction abstains
#   (its ``answer`` is null).  A prediction that abstains on an answerable question is
#   wrong.
# * Same text: the gold and the predicted text (or its ``source_text``) are equal
#   after normalisation (Simplified, half-width, lower case, white space and
#   punctuation removed: :func:`seiqa.cite.skeleton`).
# * Figures: when the gold is a single figure (one quantity and nothing else but
#   punctuation: ``1.5萬億元``, ``35.5％``, ``第二``, ``2010年10月``, ``約10.0%``) the
#   prediction's figure must have the same value: :func:`seiqa.numbers.values_equal`
#   (magnitudes, scripts, widths, unit synonyms and conversions within a dimension:
#   ``1.5万亿元 == 15000億元``, ``1286.6萬臺 == 1286.6万台``; ``%`` never equals
#   ``个百分点``).  When the gold has no unit only the values are compared (``第二`` vs a
#   predicted ``第2名``), within the same family of kinds (ordinal/rank, times, plain
#   numbers; a bare number such as ``2009`` matches any kind).  Qualifiers (约, 超过, 近 …) are not compared, but an approximate gold
#   (``约7.7倍``) also matches a value that rounds to it at the precision it is
#   written with (``7.67倍``; not ``7.6倍``).  A prediction that holds
#   more than one figure (``1288.8萬輛和1286.6萬輛``) is not a figure and does not
#   match a single-figure gold.
# * Sentences: a prediction that is a sentence (``type: fact``) is right when the gold,
#   normalised as above, is contained in it. ``exact_match_strict`` does not credit
#   this: only the same text or the same figure counts.
#
# ``f1`` is SQuAD-style character F1 between the normalised gold and predicted texts
# (best over the gold answers), reported next to exact match for partial credit.
#
# Retrieval gold (``gold_spans``): the passage a question's answer stands in, found by
# the first rule that applies:
#
# 1. ``doc`` + ``answer_start`` (SQuAD import): the first answer's span;
# 2. ``doc`` + ``context_start``/``context_end``: the gold paragraph;
# 3. ``evidence`` (and ``evidence2``): every place it stands in the corpus, exactly, else
#    script-, width-, spacing- and punctuation-insensitively (:func:`seiqa.cite.lookup`);
#    inside each place, the answer's span when the answer is found there and the type is
#    not ``fact``/``computed`` (a computed value need not stand in the text), else the
#    evidence span;
# 4. ``context``: located like ``evidence``.
#
# Unanswerable questions and questions without any of these fields have no retrieval
# gold; a gold that cannot be located is counted (``not_located``) and left out.
# hit@k / MRR use the citations of the prediction with :func:`gold_rank`.

import math as _math  # noqa: E402
import re  # noqa: E402
from collections import Counter  # noqa: E402
from collections.abc import Mapping  # noqa: E402
from dataclasses import asdict, field  # noqa: E402
from typing import Any  # noqa: E402

_TIME_KINDS = frozenset({"year", "month", "date", "decade", "century", "quarter", "plan"})
_ORDER_KINDS = frozenset({"ordinal", "rank"})
FAILURE_PASSAGE_CHARS = 160


def norm_answer(text: str) -> str:
    """The comparison form of an answer: normalised, without white space and punctuation."""
    from .cite import skeleton

    return skeleton(str(text))[0]


def figure_of(text: str):
    """The one quantity ``text`` consists of (qualifiers and punctuation around it
    allowed), else None."""
    from .numbers import find_quantities

    qs = find_quantities(text)
    if len(qs) != 1:
        return None
    q = qs[0]
    lo = q.full_start if q.full_start >= 0 else q.start
    hi = q.full_end if q.full_end >= 0 else q.end
    rest = text[:lo] + text[hi:]
    return None if norm_answer(rest) else q


def _kind_family(kind: str) -> str:
    if kind in _TIME_KINDS:
        return "time"
    if kind in _ORDER_KINDS:
        return "order"
    return "number"


def _pred_texts(pred: Mapping[str, Any]) -> list[str]:
    return [str(t) for t in (pred.get("text"), pred.get("source_text")) if t]


def _pred_figure(pred: Mapping[str, Any]):
    """The predicted figure: the one quantity of its text, else its value and unit."""
    from .numbers import Quantity

    for t in _pred_texts(pred):
        q = figure_of(t)
        if q is not None:
            return q
    if pred.get("type") == "fact" or pred.get("value") is None:
        return None
    try:
        value = float(pred["value"])
        high = float(pred["high"]) if pred.get("high") is not None else None
    except (TypeError, ValueError):
        return None
    return Quantity(text=str(pred.get("text") or ""), start=0, end=0, value=value, high=high,
                    unit=str(pred.get("unit") or ""), kind=str(pred.get("kind") or "plain"))


_DIGITS = re.compile(r"[0-9]+(?:\.([0-9]+))?")


def _approx_equal(gold, pred) -> bool:
    """An approximate gold (约/約/近 …) matches a value that rounds to it at the precision
    it is written with (约7.7倍 vs 7.67倍; 約14.61億千瓦 vs 14.6083億千瓦), same unit."""
    from .normalise import fold_width
    from .numbers import normalise_unit

    if not gold.approx or gold.high is not None or pred.high is not None:
        return False
    if gold.value is None or pred.value is None or normalise_unit(gold.unit) != normalise_unit(pred.unit):
        return False
    m = _DIGITS.search(fold_width(gold.text))
    if not m:
        return False
    written = float(m.group(0))
    if written == 0:
        return False
    scale = gold.value / written  # the magnitude (万, 亿 …) the number is written in
    tol = 0.5 * 10 ** -len(m.group(1) or "") * abs(scale)
    return abs(gold.value - pred.value) <= tol * (1 + 1e-9)


def figures_equal(gold, pred) -> bool:
    """Value-aware equality of a gold and a predicted :class:`~seiqa.numbers.Quantity`;
    a gold without a unit compares values only (same kind family)."""
    from .numbers import normalise_unit, values_equal

    try:
        if values_equal(gold, pred):
            return True
    except (TypeError, ValueError):
        return False
    if _approx_equal(gold, pred):
        return True
    if normalise_unit(gold.unit) or gold.value is None or pred.value is None:
        return False
    if gold.kind != "plain" and _kind_family(gold.kind) != _kind_family(pred.kind):
        return False
    if not _math.isclose(gold.value, pred.value, rel_tol=1e-6, abs_tol=0.0):
        return False
    if gold.high is None or pred.high is None:
        return gold.high is None and pred.high is None
    return _math.isclose(gold.high, pred.high, rel_tol=1e-6, abs_tol=0.0)


def _as_pred(pred: Mapping[str, Any] | str | None) -> Mapping[str, Any] | None:
    if pred is None:
        return None
    if isinstance(pred, str):
        return {"text": pred} if pred.strip() else None
    return pred


def _matches(gold: str, pred: Mapping[str, Any], strict: bool = False) -> bool:
    g = norm_answer(gold)
    texts = _pred_texts(pred)
    if g and any(norm_answer(t) == g for t in texts):
        return True
    gq = figure_of(gold)
    if gq is not None:
        pq = _pred_figure(pred)
        if pq is not None and figures_equal(gq, pq):
            return True
    if pred.get("type") == "fact" and g and not strict:  # a sentence answer: the gold must stand in it
        return any(g in norm_answer(t) for t in texts)
    return False


def answer_correct(gold_answers: Sequence[str], pred_answer: Mapping[str, Any] | str | None, strict: bool = False) -> bool:
    """Is the predicted answer (an answer object, its text, or None for no answer)
    right for a question whose gold answers are ``gold_answers`` (empty: the question
    is unanswerable)? See the rules above; ``strict``: a sentence that contains the
    gold does not count, only the same text or figure."""
    pred = _as_pred(pred_answer)
    if not gold_answers:
        return pred is None
    if pred is None:
        return False
    return any(_matches(g, pred, strict) for g in gold_answers)


def char_f1(gold: str, pred: str) -> float:
    """SQuAD-style F1 over the characters of the normalised texts."""
    g, p = Counter(norm_answer(gold)), Counter(norm_answer(pred))
    same = sum((g & p).values())
    if not same:
        return 0.0
    precision, recall = same / sum(p.values()), same / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def answer_f1(gold_answers: Sequence[str], pred_answer: Mapping[str, Any] | str | None) -> float:
    """Best character F1 over the gold answers (1.0 for a correct answer; for an
    unanswerable question 1.0 when the prediction abstains, else 0.0)."""
    pred = _as_pred(pred_answer)
    if answer_correct(gold_answers, pred):
        return 1.0
    if not gold_answers or pred is None:
        return 0.0
    texts = _pred_texts(pred) or [""]
    return max(char_f1(g, t) for g in gold_answers for t in texts)


# --- retrieval gold ------------------------------------------------------------------

def _find_all(hay: str, needle: str) -> list[int]:
    out, i = [], hay.find(needle)
    while i >= 0:
        out.append(i)
        i = hay.find(needle, i + 1)
    return out


def locate(docs: Mapping[str, Any], text: str) -> list[Gold]:
    """Every place ``text`` stands in the documents (``rel path -> Document``): exactly,
    else with :func:`seiqa.cite.lookup` (any script, width, spacing, punctuation)."""
    from .cite import lookup

    if not text or not text.strip():
        return []
    found = [Gold(rel, i, i + len(text)) for rel, d in docs.items() for i in _find_all(d.text, text)]
    if found:
        return found
    return [Gold(loc.doc, loc.start, loc.end) for loc in lookup(docs.values(), text, limit=50) if loc.end > loc.start]


def answer_in(text: str, answer: str, ev: Gold) -> Gold | None:
    """The answer's span inside an evidence span: exact, else on the normalised text
    (same length), else on skeletons (script, width, spacing, punctuation ignored)."""
    from .cite import skeleton
    from .normalise import normalise

    i = text.find(answer, ev.start, ev.end)
    if i >= 0:
        return Gold(ev.doc, i, i + len(answer))
    i = normalise(text[ev.start : ev.end]).find(normalise(answer))
    if i >= 0:
        return Gold(ev.doc, ev.start + i, ev.start + i + len(answer))
    hay, offsets = skeleton(text[ev.start : ev.end])
    needle, _ = skeleton(answer)
    i = hay.find(needle) if needle else -1
    if i >= 0:
        return Gold(ev.doc, ev.start + offsets[i], ev.start + offsets[i + len(needle) - 1] + 1)
    return None


def _int(x: Any) -> int | None:
    try:
        return int(x) if x is not None and not isinstance(x, bool) else None
    except (TypeError, ValueError):
        return None


def gold_spans(
    answers: Sequence[str] | None, fields: Mapping[str, Any], docs: Mapping[str, Any]
) -> tuple[list[Gold], str]:
    """(gold spans, rule) for one question: rule is ``"answer_start"``, ``"context"``
    (offsets), ``"evidence"``, ``"context_text"``, ``"none"`` (nothing to derive one
    from, or unanswerable) or ``"not_located"``. ``fields`` are the Q&A item's fields
    (``doc``, ``answer_start``, ``context_start``, ``context_end``, ``evidence``,
    ``evidence2``, ``context``, ``type``); ``docs`` maps corpus-relative paths to
    :class:`~seiqa.records.Document`."""
    if answers is not None and not answers:
        return [], "none"
    doc = fields.get("doc")
    a_start = _int(fields.get("answer_start"))
    c_start, c_end = _int(fields.get("context_start")), _int(fields.get("context_end"))
    if doc and (a_start is not None and answers or (c_start is not None and c_end is not None)):
        d = docs.get(doc)
        if d is None:
            return [], "not_located"
        if a_start is not None and answers:
            end = a_start + len(answers[0])
            if end <= len(d.text) and a_start < end:
                return [Gold(doc, a_start, end)], "answer_start"
        if c_start is not None and c_end is not None and 0 <= c_start < c_end <= len(d.text):
            return [Gold(doc, c_start, c_end)], "context"
        return [], "not_located"
    kind = fields.get("type")
    evidence = [fields[k] for k in ("evidence", "evidence2") if isinstance(fields.get(k), str) and fields[k].strip()]
    rule = "evidence"
    if not evidence and isinstance(fields.get("context"), str) and fields["context"].strip():
        evidence, rule = [fields["context"]], "context_text"
    if not evidence:
        return [], "none"
    golds: list[Gold] = []
    for ev_text in evidence:
        for ev in locate(docs, ev_text):
            span = None
            if answers and kind not in ("fact", "computed") and rule == "evidence":
                span = answer_in(docs[ev.doc].text, answers[0], ev)
            golds.append(span or ev)
    if not golds:
        return [], "not_located"
    return sorted(set(golds), key=lambda g: (g.doc, g.start, g.end)), rule


def citations_of(pred: Mapping[str, Any]) -> list[Citation]:
    """The citations of a prediction row (``Result.to_dict()``), as records."""
    out = []
    for i, c in enumerate(pred.get("citations") or [], start=1):
        if not isinstance(c, Mapping):
            continue
        try:
            out.append(Citation(int(c.get("rank") or i), str(c.get("doc") or ""), int(c["start"]), int(c["end"]),
                                str(c.get("text") or ""), str(c.get("section") or ""), float(c.get("score") or 0.0)))
        except (KeyError, TypeError, ValueError):
            continue
    return out


# --- the run's metrics -------------------------------------------------------------

def percentile(values: Sequence[float], p: float) -> float | None:
    """The p-th percentile (0..100) with linear interpolation; None for no values."""
    if not values:
        return None
    xs = sorted(values)
    pos = (len(xs) - 1) * p / 100.0
    lo, hi = _math.floor(pos), _math.ceil(pos)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


@dataclass(frozen=True)
class ItemScore:
    """One question's outcome."""

    id: str
    question: str
    type: str
    script: str
    gold: tuple[str, ...] | None  # None: no gold answer given; (): unanswerable
    predicted: str | None  # the predicted answer's text, None for no answer
    correct: bool | None  # None when there is no gold answer
    f1: float | None
    strict: bool | None  # correct without crediting a sentence that contains the gold
    rank: int | None  # of the first citation that holds the gold passage
    has_gold_passage: bool
    cited: str  # the text of the passage the answer was taken from (else the first citation)
    reason: str | None = None


@dataclass
class Metrics:
    """The metrics of one run; ``to_dict()`` is what metrics.json holds."""

    questions: int  # questions scored (with a prediction)
    answered: int  # predictions with an answer
    with_gold: int  # questions with a gold answer (or marked unanswerable)
    answerable: int
    unanswerable: int
    correct: int  # of with_gold
    accuracy: float | None  # correct / with_gold (an abstention on an unanswerable question is correct)
    exact_match: float | None  # correct answers / answerable questions
    exact_match_strict: float | None  # the same, crediting no sentence for containing the gold
    f1: float | None  # mean character F1 over answerable questions
    abstentions: int
    abstention_precision: float | None  # abstentions on unanswerable / abstentions
    abstention_recall: float | None  # abstentions on unanswerable / unanswerable
    retrieval: dict[str, Any] | None  # questions, hit@1, hit@3, hit@5, mrr, not_located, rules
    by_type: dict[str, dict[str, Any]]
    by_script: dict[str, dict[str, Any]]
    latency_ms: dict[str, float] | None  # p50, p95, mean, max, n (None when not measured)
    failures: list[dict[str, Any]]
    skipped: list[str] = field(default_factory=list)  # bad Q&A lines left out (--skip-bad)
    missing_predictions: list[str] = field(default_factory=list)  # ids with no prediction
    items: list[ItemScore] = field(default_factory=list)

    def to_dict(self, with_items: bool = False) -> dict[str, Any]:
        out = asdict(self)
        if not with_items:
            out.pop("items")
        return out


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def _group(rows: Sequence[ItemScore], key) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[ItemScore]] = {}
    for r in rows:
        groups.setdefault(key(r), []).append(r)
    out = {}
    for name in sorted(groups):
        rs = groups[name]
        judged = [r for r in rs if r.correct is not None]
        ranked = [r.rank for r in rs if r.has_gold_passage]
        out[name] = {
            "questions": len(rs),
            "answered": sum(1 for r in rs if r.predicted is not None),
            "correct": sum(1 for r in judged if r.correct),
            "accuracy": _ratio(sum(1 for r in judged if r.correct), len(judged)),
            "hit@5": hit_at_k(ranked, 5) if ranked else None,
        }
    return out


def _cited_text(pred: Mapping[str, Any]) -> str:
    cits = [c for c in pred.get("citations") or [] if isinstance(c, Mapping)]
    ans = pred.get("answer") if isinstance(pred.get("answer"), Mapping) else None
    if ans and ans.get("citation") is not None:
        for c in cits:
            if c.get("rank") == ans.get("citation"):
                return str(c.get("text") or "")
    return str(cits[0].get("text") or "") if cits else ""


def _answer_text(ans: Any) -> str | None:
    if ans is None:
        return None
    if isinstance(ans, Mapping):
        return str(ans.get("text") or ans.get("source_text") or "")
    return str(ans)


def _truncate(text: str, n: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def score(
    items: Sequence[Any],
    predictions: Mapping[str, Mapping[str, Any]],
    docs: Mapping[str, Any] | None = None,
    latencies_ms: Sequence[float] | None = None,
    skipped: Sequence[str] = (),
    ks: Sequence[int] = (1, 3, 5),
) -> Metrics:
    """Score predictions (``id -> Result.to_dict()`` row) against Q&A items
    (:class:`seiqa.qa.QAItem`). ``docs`` (``rel path -> Document``) is needed for the
    retrieval metrics; ``latencies_ms`` are per-question latencies of the run (None:
    not measured, e.g. when scoring a predictions file)."""
    from .normalise import detect_script
    from .question import analyse

    rows: list[ItemScore] = []
    missing: list[str] = []
    ranks: list[int | None] = []
    rules: Counter[str] = Counter()
    not_located = 0
    for item in items:
        pred = predictions.get(item.id)
        if pred is None:
            missing.append(item.id)
            continue
        extra = getattr(item, "extra", {}) or {}
        ans = pred.get("answer")
        ans = ans if ans is None or isinstance(ans, (Mapping, str)) else str(ans)
        if isinstance(ans, str) and not ans.strip():
            ans = None
        qtype = str(extra.get("type") or "") or analyse(item.question).asks
        script = detect_script(item.question)
        correct = f1 = strict = None
        if item.answers is not None:
            correct = answer_correct(item.answers, ans)
            strict = answer_correct(item.answers, ans, strict=True)
            f1 = answer_f1(item.answers, ans) if item.answers else None
        rank, has_passage = None, False
        if docs is not None:
            golds, rule = gold_spans(item.answers, extra, docs)
            if golds:
                has_passage = True
                rank = gold_rank(citations_of(pred), golds)
                ranks.append(rank)
                rules[rule] += 1
            elif rule == "not_located":
                not_located += 1
        rows.append(ItemScore(item.id, item.question, qtype, script, item.answers, _answer_text(ans), correct, f1,
                              strict, rank, has_passage, _cited_text(pred), pred.get("reason")))

    judged = [r for r in rows if r.correct is not None]
    answerable = [r for r in judged if r.gold]
    unanswerable = [r for r in judged if r.gold == ()]
    abstained = [r for r in judged if r.predicted is None]
    right_abst = sum(1 for r in abstained if r.gold == ())
    retrieval = None
    if docs is not None:
        retrieval = dict(summarise(ranks, ks)) if ranks else {"questions": 0}
        retrieval["not_located"] = not_located
        retrieval["rules"] = dict(rules)
    latency = None
    if latencies_ms:
        lat = [float(x) for x in latencies_ms]
        latency = {"p50": percentile(lat, 50), "p95": percentile(lat, 95), "mean": sum(lat) / len(lat),
                   "max": max(lat), "n": len(lat)}
    failures = [
        {
            "id": r.id,
            "question": r.question,
            "type": r.type,
            "gold": " | ".join(r.gold) if r.gold else None,
            "predicted": r.predicted,
            "f1": r.f1,
            "rank": r.rank,
            "cited": _truncate(r.cited, FAILURE_PASSAGE_CHARS),
            "reason": r.reason,
        }
        for r in judged
        if not r.correct
    ]
    correct = sum(1 for r in judged if r.correct)
    return Metrics(
        questions=len(rows),
        answered=sum(1 for r in rows if r.predicted is not None),
        with_gold=len(judged),
        answerable=len(answerable),
        unanswerable=len(unanswerable),
        correct=correct,
        accuracy=_ratio(correct, len(judged)),
        exact_match=_ratio(sum(1 for r in answerable if r.correct), len(answerable)),
        exact_match_strict=_ratio(sum(1 for r in answerable if r.strict), len(answerable)),
        f1=(sum(r.f1 or 0.0 for r in answerable) / len(answerable)) if answerable else None,
        abstentions=len(abstained),
        abstention_precision=_ratio(right_abst, len(abstained)),
        abstention_recall=_ratio(right_abst, len(unanswerable)),
        retrieval=retrieval,
        by_type=_group(rows, lambda r: r.type),
        by_script=_group(rows, lambda r: {"s": "simplified", "t": "traditional"}.get(r.script, r.script)),
        latency_ms=latency,
        failures=failures,
        skipped=list(skipped),
        missing_predictions=missing,
        items=rows,
    )
