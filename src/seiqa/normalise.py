"""Script and width normalisation that keeps character offsets.

The searchable form of a text is Simplified Chinese (OpenCC ``t2s``), with
full-width ASCII folded to half-width and Latin letters lower-cased. Every
function here returns a string of the same length as its input, so an offset
into the normalised form is an offset into the original text.
"""
from __future__ import annotations

import functools
import unicodedata

from opencc import OpenCC


@functools.lru_cache(maxsize=1)
def _t2s() -> OpenCC:
    return OpenCC("t2s")


@functools.lru_cache(maxsize=1)
def _s2t() -> OpenCC:
    return OpenCC("s2t")


def _fold_char(c: str) -> str:
    """Full-width forms to half-width (one character to one), lower case."""
    o = ord(c)
    if 0xFF01 <= o <= 0xFF5E:
        c = chr(o - 0xFEE0)
    elif c == "\u3000":
        c = " "
    elif o < 0x80 or unicodedata.category(c) != "Lo":
        folded = unicodedata.normalize("NFKC", c)
        if len(folded) == 1:
            c = folded
    return c.lower() if len(c.lower()) == 1 else c


def fold_width(text: str) -> str:
    return "".join(_fold_char(c) for c in text)


def to_simplified(text: str) -> str:
    """OpenCC t2s, guaranteed to keep the length (falls back to per-character conversion)."""
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out
    chars = []
    for c in text:
        s = _t2s().convert(c)
        chars.append(s if len(s) == 1 else c)
    return "".join(chars)


def to_traditional(text: str) -> str:
    return _s2t().convert(text)


def normalise(text: str) -> str:
    """The searchable form of ``text``: same length, Simplified, half-width, lower case."""
    return fold_width(to_simplified(text))


_HAN_RANGES = ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F))


def is_han(c: str) -> bool:
    o = ord(c)
    return any(a <= o <= b for a, b in _HAN_RANGES)


def detect_script(text: str) -> str:
    """'t' if the text has characters that differ from their Simplified form, else 's'."""
    han = [c for c in text if is_han(c)]
    if not han:
        return "s"
    simp = to_simplified("".join(han))
    trad_only = sum(1 for a, b in zip(han, simp) if a != b)
    if trad_only == 0:
        return "s"
    trad = to_traditional("".join(han))
    simp_only = sum(1 for a, b in zip(han, trad) if a != b)
    return "t" if trad_only >= simp_only else "s"


def to_script(text: str, script: str) -> str:
    """Render text in a script: 's' Simplified, 't' Traditional, anything else unchanged."""
    if script == "s":
        return _t2s().convert(text)
    if script == "t":
        return to_traditional(text)
    return text
