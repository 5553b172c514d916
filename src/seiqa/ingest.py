"""Read a corpus folder into :class:`Document` records.

Reads ``.txt`` and ``.md`` files (recursively, symlinks leading outside the corpus are
not followed), decodes them (UTF-8, else GB18030 or Big5 when one of them decodes
cleanly into Chinese text), finds Chinese and Markdown headings for section paths,
and splits the rest into paragraphs. Offsets always index the decoded text.
Metadata may sit beside a document as ``NAME.meta.json`` (``title``, ``source``, ``date``).
"""
from __future__ import annotations

import functools
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .records import Document, Paragraph

SUFFIXES = (".txt", ".md")
SECTION_SEP = " › "


class IngestError(Exception):
    """A corpus file that cannot be read; the message names the file."""


@dataclass(frozen=True)
class CorpusFile:
    path: Path  # absolute
    rel: str  # relative to the corpus, "/"-separated


def list_corpus(corpus: Path) -> list[CorpusFile]:
    """The corpus's documents, sorted; never leaves the corpus folder through a link."""
    root = corpus.resolve()
    if not root.is_dir():
        raise IngestError(f"corpus folder not found: {corpus} (create it and put .txt or .md files in it)")
    found = []
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() not in SUFFIXES or not path.is_file():
            continue
        real = path.resolve()
        if root not in real.parents:
            continue  # a link that points outside the corpus
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        found.append(CorpusFile(path=path, rel=path.relative_to(root).as_posix()))
    return found


# --- decoding ---------------------------------------------------------------------

def _chinese_score(text: str) -> float:
    """Share of characters that are common in Chinese prose (CJK, ASCII, CJK punctuation)."""
    if not text:
        return 1.0
    good = sum(
        1
        for c in text
        if "\u4e00" <= c <= "\u9fff" or " " <= c <= "~" or c in "\n\r\t" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef"
    )
    return good / len(text)


@functools.lru_cache(maxsize=1)
def _char_weights() -> dict[str, float]:
    """log(1 + frequency) of each character in jieba's dictionary (Simplified words)."""
    from importlib import resources

    counts: dict[str, int] = {}
    with (resources.files("jieba") / "dict.txt").open(encoding="utf-8") as f:
        for line in f:
            parts = line.split(" ", 2)
            if len(parts) < 2 or not parts[1].isdigit():
                continue
            n = int(parts[1])
            for c in parts[0]:
                counts[c] = counts.get(c, 0) + n
    return {c: math.log1p(n) for c, n in counts.items()}


def _commonness(text: str, sample: int = 20000) -> float:
    """Mean log-frequency of the CJK characters of (the start of) a text, read as
    Simplified: high for real Chinese, low for the rare characters of a wrong decoding."""
    from .normalise import normalise

    weights = _char_weights()
    cjk = [c for c in normalise(text[:sample]) if "\u4e00" <= c <= "\u9fff"]
    if not cjk:
        return 0.0
    return sum(weights.get(c, 0.0) for c in cjk) / len(cjk)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode file bytes; returns (text, encoding). Raises IngestError naming the file."""
    if b"\x00" in data[:8192]:
        raise IngestError(f"{name}: looks like a binary file (NUL bytes); remove it or convert it to UTF-8 text")
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for enc in ("big5", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _chinese_score(text) >= 0.95:
            candidates.append((_commonness(text), enc, text))
    if candidates:
        # Big5 bytes nearly always decode as GB18030 too (into rare characters), and
        # the other way round: keep the reading made of common characters.
        _, enc, text = max(candidates, key=lambda c: (c[0], c[1] == "gb18030"))  # a tie: the superset
        return text, enc
    raise IngestError(f"{name}: not valid UTF-8, GB18030 or Big5 text; convert it to UTF-8 (e.g. iconv -t UTF-8)")


# --- structure ----------------------------------------------------------------------

_CN_NUM = "一二三四五六七八九十百零〇两兩"
# (level, pattern) — lower level is higher in the hierarchy. Markdown headings use 1-6.
_HEADINGS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (7, re.compile(rf"^第[{_CN_NUM}\d]+[编編篇部章]\s*\S")),
    (8, re.compile(rf"^第[{_CN_NUM}\d]+[节節]\s*\S")),
    (9, re.compile(rf"^[{_CN_NUM}]+[、.．]\s*\S")),
    (10, re.compile(rf"^[（(][{_CN_NUM}]+[）)]\s*\S")),
    (11, re.compile(r"^[0-9０-９]{1,2}[、.．](?![0-9０-９])\s*\S")),
    (12, re.compile(r"^[（(][0-9０-９]{1,2}[）)]\s*\S")),
)
_MD_HEADING = re.compile(r"^(#{1,6})\s+\S")
_SENTENCE_END = "。！？!?；;…"
_CLOSERS = "」』”’）)】"
MAX_HEADING_CHARS = 40


def heading_level(line: str) -> int | None:
    """The heading level of a stripped line, or None when it is body text.

    Numbered headings (一、 （一） 1、 第一章 …) count only when the line is short and
    does not end like a sentence, so numbered list items inside prose stay text."""
    m = _MD_HEADING.match(line)
    if m:
        return len(m.group(1))
    if len(line) > MAX_HEADING_CHARS or line.rstrip(_CLOSERS)[-1:] in _SENTENCE_END + "，,：:":
        return None
    for level, pattern in _HEADINGS:
        if pattern.match(line):
            return level
    return None


def _heading_title(line: str) -> str:
    return line.lstrip("#").strip()


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line without its line break."""
    pos = 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _ends_paragraph(line: str) -> bool:
    return line.rstrip().rstrip(_CLOSERS)[-1:] in _SENTENCE_END + "：:"


def structure(text: str) -> tuple[str | None, list[Paragraph]]:
    """Find the title line (a short first line that is not a heading nor a sentence) and
    the paragraphs with their section paths.

    A paragraph ends at a blank line, a heading, or a line break after a sentence end
    (Chinese text puts one paragraph on a line); other line breaks are hard wraps."""
    title = None
    stack: list[tuple[int, str]] = []
    paragraphs: list[Paragraph] = []
    cur: tuple[int, int] | None = None

    def close() -> None:
        nonlocal cur
        if cur is not None:
            s, e = _strip_span(text, *cur)
            if e > s:
                paragraphs.append(Paragraph(s, e, SECTION_SEP.join(t for _, t in stack)))
        cur = None

    seen_content = False
    for start, end in _lines(text):
        s, e = _strip_span(text, start, end)
        line = text[s:e]
        if not line:
            close()
            continue
        level = heading_level(line)
        if level is None and not seen_content and title is None and len(line) <= 60 and not _ends_paragraph(line):
            title = line  # the first short line that is not a sentence is the title
            seen_content = True
            continue
        seen_content = True
        if level is not None:
            close()
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, _heading_title(line)))
            continue
        indented = end > start and text[start] in " \t\u3000"
        if cur is not None and indented:
            close()
        cur = (s, e) if cur is None else (cur[0], e)
        if _ends_paragraph(line):
            close()
    close()
    return title, paragraphs


def read_meta(path: Path) -> dict:
    meta_path = path.with_name(path.stem + ".meta.json")
    if not meta_path.is_file():
        return {}
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IngestError(f"{meta_path.name}: metadata is not valid UTF-8 JSON ({exc}); fix or remove it") from exc
    return meta if isinstance(meta, dict) else {}


def read_document(file: CorpusFile) -> Document:
    try:
        data = file.path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{file.rel}: cannot be read ({exc.strerror})") from exc
    text, encoding = decode(data, file.rel)
    meta = read_meta(file.path)
    title_line, paragraphs = structure(text)
    title = str(meta.get("title") or title_line or file.path.stem)
    return Document(
        path=file.rel,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        title=title,
        paragraphs=tuple(paragraphs),
        encoding=encoding,
        meta=meta,
    )


def read_corpus(corpus: Path, log: Callable[[str], None] | None = None) -> dict[str, Document]:
    """``rel path -> Document`` of every readable file of a corpus; a file that cannot
    be read is left out (and reported to ``log`` when given)."""
    docs = {}
    for f in list_corpus(corpus):
        try:
            docs[f.rel] = read_document(f)
        except IngestError as exc:
            if log:
                log(f"skipped {exc}")
    return docs


def file_text(corpus: Path, rel: str, encoding: str = "utf-8") -> str:
    """A document's text exactly as citations index it."""
    return (corpus / rel).read_bytes().decode(encoding)
