"""Citation lookup: where does a quoted phrase stand in the corpus?

The quote and the documents are compared on their *skeletons*: normalised text
(Simplified, half-width, lower case) with whitespace and punctuation removed, each
skeleton character remembering its offset in the original text. So a quote in either
script, with other spacing or punctuation, is found, and the answer is given in
offsets of the original file.
"""
from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from .normalise import normalise
from .records import Document


@dataclass(frozen=True)
class Location:
    doc: str
    start: int
    end: int
    text: str  # == the document's text[start:end]
    section: str

    def to_dict(self) -> dict:
        return asdict(self)


def skeleton(text: str) -> tuple[str, list[int]]:
    """(skeleton string, original offset of each of its characters)."""
    norm = normalise(text)
    chars, offsets = [], []
    for i, c in enumerate(norm):
        if c.isalnum():
            chars.append(c)
            offsets.append(i)
    return "".join(chars), offsets


def section_at(doc: Document, offset: int) -> str:
    starts = [p.start for p in doc.paragraphs]
    i = bisect.bisect_right(starts, offset) - 1
    return doc.paragraphs[i].section if i >= 0 else ""


_EDGE_STRIP = "".join(chr(i) for i in range(0x21, 0x7F) if not chr(i).isalnum()) + "。，、；：？！「」『』（）《》【】…—·“”‘’"


def lookup(docs: Iterable[Document], quote: str, limit: int = 10) -> list[Location]:
    """Every place (up to ``limit``) where the quote stands; [] when it is not in the corpus."""
    needle, _ = skeleton(quote)
    if not needle:
        return []
    norm = normalise(quote).strip()
    lead = norm[: len(norm) - len(norm.lstrip(_EDGE_STRIP))]  # e.g. a quote mark the quote starts with
    tail = norm[len(norm.rstrip(_EDGE_STRIP)) :]  # e.g. "%" or "。" it ends with
    found = []
    for doc in docs:
        hay, offsets = skeleton(doc.text)
        i = hay.find(needle)
        while i >= 0 and len(found) < limit:
            start, end = offsets[i], offsets[i + len(needle) - 1] + 1
            if lead and normalise(doc.text[start - len(lead) : start]) == lead:
                start -= len(lead)
            if tail and normalise(doc.text[end : end + len(tail)]) == tail:
                end += len(tail)
            found.append(Location(doc.path, start, end, doc.text[start:end], section_at(doc, start)))
            i = hay.find(needle, i + 1)
    return found
