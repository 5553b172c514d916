"""Typed records passed between the pipeline steps.

ingest -> normalise -> chunk -> embed/index -> retrieve -> answer -> cite
Every record that points into a document carries character offsets into the
document's text exactly as read from disk (UTF-8 decoded), so that
``document_text[start:end] == text`` always holds.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of a document: a run of non-blank lines that is not a heading."""

    start: int
    end: int
    section: str  # section path, e.g. "三、中國戰略新興產業布局現狀 › 3、新能源汽車產業"


@dataclass(frozen=True)
class Document:
    path: str  # relative to the corpus folder, with "/" separators
    text: str  # the file's text, as decoded from disk
    sha256: str  # of the file's bytes
    title: str
    paragraphs: tuple[Paragraph, ...]
    encoding: str = "utf-8"
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage: whole sentences of one paragraph."""

    doc: str
    start: int
    end: int
    section: str
    text: str  # == document.text[start:end]
    paragraph: int  # index of the paragraph in its document


@dataclass(frozen=True)
class Hit:
    """A chunk returned by retrieval with its fused score and per-retriever ranks."""

    chunk_id: int
    score: float
    bm25_rank: int | None = None
    dense_rank: int | None = None


@dataclass(frozen=True)
class Citation:
    rank: int
    doc: str
    start: int
    end: int
    text: str
    section: str
    score: float
    title: str = ""  # the document's title (its first line, or the file name)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Result:
    """The answer object: see README, 'Answer object'. Field names are a stable contract."""

    question: str
    citations: list[Citation]
    answer: dict[str, Any] | None = None
    id: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "question": self.question,
            "answer": self.answer,
            "citations": [c.to_dict() for c in self.citations],
        }
        if self.reason:
            out["reason"] = self.reason
        return out
