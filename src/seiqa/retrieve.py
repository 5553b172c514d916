"""Hybrid retrieval: BM25 over jieba terms and dense (FAISS) search, fused.

Fusion is a weighted sum of min-max normalised scores by default (it beat reciprocal
rank fusion on every set we measured, see README), or RRF; ``mode`` restricts
retrieval to one side for comparisons. The BM25 query adds the synonyms of its words
(``data/synonyms.txt``: 卖出去 -> 销量); in hybrid mode a passage that names a year
the question names gets a small bonus.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .index import Index
from .normalise import normalise
from .numbers import YEAR
from .records import Hit
from .question import synonym_groups
from .segment import terms

MODES = ("hybrid", "bm25", "dense")
FUSIONS = ("rrf", "weighted")


@dataclass(frozen=True)
class RetrieveSettings:
    mode: str = "hybrid"
    fusion: str = "weighted"  # measured best on the default set, DRCD and CMRC (README)
    rrf_k: int = 60
    dense_weight: float = 0.5  # for "weighted" fusion
    candidates: int = 50  # taken from each side before fusion
    year_bonus: float = 0.1  # hybrid: added for a passage naming a year the question names

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"retrieval mode {self.mode!r} is not one of {MODES}")
        if self.fusion not in FUSIONS:
            raise ValueError(f"fusion {self.fusion!r} is not one of {FUSIONS}")


def rrf(rankings: list[list[int]], k: int) -> dict[int, float]:
    """Reciprocal rank fusion, scaled so that rank 1 in every list scores 1.0."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, cid in enumerate(ranking, start=1):
            scores[cid] = scores.get(cid, 0.0) + 1.0 / (k + rank)
    scale = (k + 1) / max(len(rankings), 1)
    return {cid: s * scale for cid, s in scores.items()}


def minmax(hits: list[tuple[int, float]]) -> list[tuple[int, float]]:
    if not hits:
        return []
    vals = np.array([s for _, s in hits], dtype=np.float64)
    lo, hi = float(vals.min()), float(vals.max())
    return [(cid, (s - lo) / (hi - lo) if hi > lo else 1.0) for cid, s in hits]


def weighted(sides: list[tuple[list[tuple[int, float]], float]]) -> dict[int, float]:
    """Weighted sum of per-side scores already scaled to [0, 1]."""
    scores: dict[int, float] = {}
    for hits, weight in sides:
        for cid, s in hits:
            scores[cid] = scores.get(cid, 0.0) + weight * s
    return scores


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def query_terms(query: str) -> list[str]:
    """BM25 terms of a query, then the terms of the synonyms of its words and phrases."""
    norm = normalise(query)
    out = terms(norm)
    extra = [t for word, group in synonym_groups().items() if word in norm for v in sorted(group) for t in terms(v)]
    return out + [t for t in dict.fromkeys(extra) if t not in out]


def _years(text: str) -> set[str]:
    return set(YEAR.findall(text.translate(_FULL_WIDTH_DIGITS)))


def retrieve(index: Index, query: str, query_vec: np.ndarray | None, k: int, settings: RetrieveSettings) -> list[Hit]:
    """The ``k`` best chunks for a query. ``query_vec`` is the query's embedding
    (needed unless ``settings.mode == "bm25"``)."""
    n = max(settings.candidates, k)
    sparse = index.search_bm25(query_terms(query), n) if settings.mode != "dense" else []
    dense = index.search_dense(query_vec, n) if settings.mode != "bm25" and query_vec is not None else []
    bm25_rank = {cid: r for r, (cid, _) in enumerate(sparse, start=1)}
    dense_rank = {cid: r for r, (cid, _) in enumerate(dense, start=1)}
    if settings.mode == "bm25":
        fused = dict(sparse)
    elif settings.mode == "dense":
        fused = dict(dense)
    elif settings.fusion == "rrf":
        fused = rrf([[c for c, _ in sparse], [c for c, _ in dense]], settings.rrf_k)
    else:
        fused = weighted([(minmax(sparse), 1.0 - settings.dense_weight), (minmax(dense), settings.dense_weight)])
    years = _years(query) if settings.mode == "hybrid" and settings.year_bonus else set()
    if years:
        for cid in fused:
            if years & _years(index.chunks[cid].text):
                fused[cid] += settings.year_bonus
    best = sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    return [Hit(cid, float(s), bm25_rank.get(cid), dense_rank.get(cid)) for cid, s in best]
