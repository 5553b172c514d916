"""Sentence-aware chunking inside paragraphs, with offsets kept.

A chunk is a run of whole sentences of one paragraph, at most ``size`` characters
where possible; consecutive chunks share up to ``overlap`` characters of whole
sentences. A sentence longer than ``size`` is cut at a clause mark (，、：) or, failing
that, at ``size`` characters. Chunks never cross paragraphs.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .records import Chunk, Document

_SENTENCE = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[」』”’）)】]*|\n|$)")
_CLAUSE_MARKS = "，,、：:"


@dataclass(frozen=True)
class ChunkSettings:
    size: int = 200
    overlap: int = 60

    def __post_init__(self) -> None:
        if self.size < 20:
            raise ValueError(f"chunk size {self.size} is too small (use at least 20 characters)")
        if not 0 <= self.overlap < self.size:
            raise ValueError(f"chunk overlap {self.overlap} must be >= 0 and smaller than the size {self.size}")


def sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end] (whitespace trimmed, empty ones dropped)."""
    spans = []
    for m in _SENTENCE.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def _in_word(c: str) -> bool:
    """Part of a number or Latin word (CJK characters stand alone and may be cut between)."""
    return c.isascii() and c.isalnum() or c in "．.０１２３４５６７８９"


def _split_long(text: str, s: int, e: int, size: int) -> list[tuple[int, int]]:
    """Cut a span longer than ``size`` at clause marks, else hard at ``size``."""
    pieces = []
    while e - s > size:
        window = text[s : s + size]
        cut = max(window.rfind(m) for m in _CLAUSE_MARKS)
        cut = s + cut + 1 if cut >= size // 3 else s + size
        while cut - s > size // 2 and _in_word(text[cut - 1]) and _in_word(text[cut]):
            cut -= 1  # do not cut inside a number or a Latin word
        pieces.append((s, cut))
        s = cut
    pieces.append((s, e))
    return pieces


def chunk_spans(text: str, start: int, end: int, settings: ChunkSettings) -> list[tuple[int, int]]:
    """Chunk spans of one paragraph text[start:end]."""
    units: list[tuple[int, int]] = []
    for s, e in sentences(text, start, end):
        units.extend(_split_long(text, s, e, settings.size) if e - s > settings.size else [(s, e)])
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        j = i
        while j + 1 < len(units) and units[j + 1][1] - units[i][0] <= settings.size:
            j += 1
        spans.append((units[i][0], units[j][1]))
        if j + 1 >= len(units):
            break
        # next chunk starts with the trailing sentences that fit in the overlap
        k = j + 1
        while k - 1 > i and units[j][1] - units[k - 1][0] <= settings.overlap:
            k -= 1
        i = k
    return spans


def chunk_document(doc: Document, settings: ChunkSettings) -> list[Chunk]:
    chunks = []
    for p_index, para in enumerate(doc.paragraphs):
        for s, e in chunk_spans(doc.text, para.start, para.end, settings):
            chunks.append(Chunk(doc=doc.path, start=s, end=e, section=para.section, text=doc.text[s:e], paragraph=p_index))
    return chunks


def chunk_corpus(docs: Iterable[Document], settings: ChunkSettings) -> list[Chunk]:
    return [c for d in docs for c in chunk_document(d, settings)]
