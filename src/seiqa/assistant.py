"""The assistant: one object that ties the pipeline together for the CLI, the UI and
Python users.

    from seiqa import Assistant
    a = Assistant.load(corpus="corpus", index="index")
    a.ask("2024年新能源汽车产量是多少").to_dict()
"""
from __future__ import annotations

import dataclasses
import sys
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import cite as cite_mod
from . import embed
from . import index as index_mod
from .answer import answer, asks_margin, sub_questions
from .chunk import ChunkSettings
from .ingest import read_corpus
from .question import Question, analyse
from .records import Citation, Document, Result
from .retrieve import RetrieveSettings, retrieve

MAX_QUESTION_CHARS = 500
ANSWER_PASSAGES = 5  # passages read for an answer (at least the k cited)


class QuestionError(ValueError):
    """A question that cannot be asked (empty, nothing but punctuation, ...)."""


def clean_question(question: str, warn: Callable[[str], None] | None = None) -> str:
    """Strip control characters and surrounding space; truncate over-long input with a
    warning. Raises QuestionError when nothing askable is left."""
    if not isinstance(question, str):
        raise QuestionError(f"a question must be text, not {type(question).__name__}")
    given, cut = len(question), False
    if given > 20 * MAX_QUESTION_CHARS:  # bound the work on huge input (a pasted file): only its start is used
        question = question.lstrip()
        given, cut = len(question), len(question) > 20 * MAX_QUESTION_CHARS
        question = question[: 20 * MAX_QUESTION_CHARS]
    # control, format, surrogate (undecodable bytes), private-use and unassigned code points
    text = "".join(" " if unicodedata.category(c)[0] == "C" else c for c in question).strip()
    if not text:
        raise QuestionError("the question is empty; type a question in Chinese, e.g. 2024年新能源汽车产量是多少")
    if cut or len(text) > MAX_QUESTION_CHARS:
        msg = f"the question has {given if cut else len(text)} characters; only the first {MAX_QUESTION_CHARS} are used"
        if warn:
            warn(msg)
        else:
            import warnings

            warnings.warn(msg, UserWarning, stacklevel=2)
        text = text[:MAX_QUESTION_CHARS].rstrip()
    if not any(c.isalnum() for c in text):
        raise QuestionError("the question has no words, only punctuation or symbols; ask in words")
    return text


@dataclass
class Assistant:
    corpus: Path
    index_dir: Path
    index: index_mod.Index
    embedder: embed.Embedder
    retrieval: RetrieveSettings
    _docs: dict[str, Document] | None = None
    _docs_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def load(
        cls,
        corpus: str | Path = "corpus",
        index: str | Path = "index",
        model: embed.ModelSpec | str = embed.DEFAULT_MODEL,
        chunking: ChunkSettings = ChunkSettings(),
        retrieval: RetrieveSettings = RetrieveSettings(),
        rebuild: bool = True,
        progress: bool = False,
        log: Callable[[str], None] = lambda m: print(f"seiqa: {m}", file=sys.stderr),
    ) -> Assistant:
        """Load the model and the index; (re)build the index first when it is missing or
        stale and ``rebuild`` is true, else refuse with the reasons."""
        corpus, index_dir = Path(corpus), Path(index)
        spec = model if isinstance(model, embed.ModelSpec) else embed.ModelSpec(model)
        _, model_id, model_hash = embed.resolve(spec)
        settings = index_mod.settings_of(chunking, model_id, model_hash)
        state = index_mod.check(corpus, index_dir, settings)
        if not state.fresh:
            if not rebuild:
                raise index_mod.IndexError_(
                    f"the index in {index_dir} is {state.status}: {'; '.join(state.reasons[:5])}; run `seiqa build`"
                )
            log(f"index is {state.status} ({'; '.join(state.reasons[:3])}); building")
            index_mod.build(corpus, index_dir, spec, chunking, progress=progress, log=log)
        try:
            idx = index_mod.load(index_dir)
        except index_mod.IndexError_ as exc:
            if not rebuild:
                raise
            log(f"{exc}; rebuilding it")  # a damaged part: build a new snapshot from scratch
            index_mod.build(corpus, index_dir, spec, chunking, force=True, progress=progress, log=log)
            idx = index_mod.load(index_dir)
        return cls(corpus, index_dir, idx, embed.load(spec), retrieval)

    # --- documents ---
    def documents(self) -> dict[str, Document]:
        """The corpus's documents, read once (thread-safe)."""
        with self._docs_lock:
            if self._docs is None:
                self._docs = read_corpus(self.corpus)
        return self._docs

    # --- retrieval ---
    def _query_vectors(self, questions: list[str]) -> np.ndarray | list[None]:
        if self.retrieval.mode == "bm25":
            return [None] * len(questions)
        return self.embedder.queries(questions)

    def _citations(self, question: str, vec, k: int) -> list[Citation]:
        hits = retrieve(self.index, question, vec, k, self.retrieval)
        out = []
        for rank, hit in enumerate(hits, start=1):
            c = self.index.chunks[hit.chunk_id]
            out.append(Citation(rank, c.doc, c.start, c.end, c.text, c.section, round(hit.score, 4), self.index.title(c.doc)))
        return out

    def search(self, question: str, k: int = 5) -> list[Citation]:
        question = clean_question(question)
        return self._citations(question, self._query_vectors([question])[0], k)

    def ask(self, question: str, k: int = 3, id: str | None = None) -> Result:
        return self.ask_many([question], k=k, ids=[id])[0]

    def ask_many(
        self, questions: list[str], k: int = 3, ids: list[str | None] | None = None, strict: bool = True
    ) -> list[Result]:
        """Answer several questions, embedding them in one batch. With ``strict=False`` a
        question that cannot be asked gets a Result with the reason instead of raising."""
        ids = ids or [None] * len(questions)
        results: list[Result | None] = [None] * len(questions)
        askable: list[tuple[int, Question]] = []
        for n, q in enumerate(questions):
            try:
                askable.append((n, analyse(clean_question(q))))
            except QuestionError as exc:
                if strict:
                    raise
                results[n] = Result(question=str(q), citations=[], id=ids[n], reason=f"bad question: {exc}")
        vecs = self._query_vectors([q.query for _, q in askable]) if askable else []
        for (n, q), v in zip(askable, vecs):
            results[n] = self._answer(q, v, k, ids[n])
        return results

    def _passages(self, q: Question, vec, k: int) -> list[Citation]:
        """Passages to answer from. A question that needs two figures ("A比B多多少") also
        gets the passages of each half, since the two figures may stand far apart."""
        passages = self._citations(q.query, vec, k)
        halves = sub_questions(q) if q.computed or (q.asks == "share" and q.share_base) or asks_margin(q) else None
        if halves is None:
            return passages
        seen = {(c.doc, c.start) for c in passages}
        texts = [h.text for h in halves]
        for text, hvec in zip(texts, self._query_vectors(texts)):
            for c in self._citations(text, hvec, k):
                if (c.doc, c.start) not in seen:
                    seen.add((c.doc, c.start))
                    passages.append(dataclasses.replace(c, rank=len(passages) + 1))
        return passages

    def _answer(self, q: Question, vec, k: int, id: str | None) -> Result:
        passages = self._passages(q, vec, max(k, ANSWER_PASSAGES))
        ans, reason = answer(q, passages)
        shown = passages[:k]
        used = {ans.get("citation")} | {o.get("citation") for o in ans.get("operands", [])} if ans else set()
        shown += [c for c in passages[k:] if c.rank in used]  # the passages an answer comes from are always cited
        return Result(question=q.text, citations=shown, answer=ans, id=id, reason=reason)

    # --- citation lookup ---
    def cite(self, quote: str) -> list[cite_mod.Location]:
        return cite_mod.lookup(self.documents().values(), quote)
