"""Evaluation metrics (retrieval part): where does the first correct citation stand?

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
