"""Word segmentation with jieba: one tokenizer per process, a domain user dictionary
and a stop-word list (both in ``seiqa/data``). Input is the normalised (Simplified)
form of a text, see :mod:`seiqa.normalise`."""
from __future__ import annotations

import functools
import hashlib
import logging
from importlib import resources

import jieba

jieba.setLogLevel(logging.WARNING)

_DATA = resources.files("seiqa") / "data"


@functools.lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.initialize()
    with resources.as_file(_DATA / "userdict.txt") as path:
        tok.load_userdict(str(path))
    return tok


@functools.lru_cache(maxsize=None)
def data_lines(name: str) -> tuple[str, ...]:
    """The lines of ``seiqa/data/<name>``, stripped, without blank lines and # comments."""
    text = (_DATA / name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(data_lines("stopwords.txt"))


_RULES = "date-unit split 1"  # bump when the code below changes how text is cut


def settings_hash() -> str:
    """Identifies the segmentation (jieba version, dictionaries, rules) for index manifests."""
    h = hashlib.sha256((jieba.__version__ + _RULES).encode())
    for name in ("userdict.txt", "stopwords.txt"):
        h.update((_DATA / name).read_bytes())
    return h.hexdigest()[:16]


def _is_content(token: str) -> bool:
    return any(c.isalnum() for c in token)


_DATE_UNITS = "年月日"
_DATE_WORDS = frozenset({"年度", "月份"})  # time nouns jieba tags n, not t


def _is_time_word(w: str) -> bool:
    return w in _DATE_WORDS or _pos_tokenizer().word_tag_tab.get(w) == "t"


def _split_date_unit(tokens: list[str]) -> list[str]:
    """After a number, 年/月/日 ends the date: jieba glues it to what follows
    (2024年纯电车 -> 2024 年纯 电车, 24年车企 -> 24 年车 企, 2024年产量 -> 2024 年产量).
    Such a token is cut into the unit and the rest, which is segmented again; a token that
    begins with a time word (年底, 年初, 月底, 年度报告) stays whole."""
    out: list[str] = []
    for w in tokens:
        if _glued_date_unit(out[-1] if out else "", w):
            out.append(w[0])
            out.extend(_tokenizer().lcut(w[1:]))
        else:
            out.append(w)
    return out


def _glued_date_unit(before: str, w: str) -> bool:
    """w starts with the 年/月/日 of the number before it and goes on with another word."""
    return (len(w) > 1 and w[0] in _DATE_UNITS and before[-1:].isdigit()
            and not any(_is_time_word(w[:k]) for k in range(2, len(w) + 1)))


def words(text: str) -> list[str]:
    """Words of a normalised text in order (punctuation and spaces dropped)."""
    return [w for w in _split_date_unit(_tokenizer().lcut(text)) if _is_content(w)]


@functools.lru_cache(maxsize=1)
def _pos_tokenizer():
    import jieba.posseg

    return jieba.posseg.POSTokenizer(_tokenizer())


@functools.lru_cache(maxsize=1024)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech tag) pairs of a normalised text: jieba.posseg with the same
    dictionaries (ns place, nr person, nt organisation, v verb, n noun …); a date's unit
    glued to the next word is cut off as in ``words`` (2024 年产 的 -> 2024 年 产 的)."""
    out: list[tuple[str, str]] = []
    for p in _pos_tokenizer().lcut(text):
        if _glued_date_unit(out[-1][0] if out else "", p.word):
            out.append((p.word[0], "m"))
            out.extend((r.word, r.flag) for r in _pos_tokenizer().lcut(p.word[1:]))
        else:
            out.append((p.word, p.flag))
    return tuple(out)


def spans(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, tag) of each token of a normalised text: ``tagged`` with offsets
    (punctuation too, so the offsets add up)."""
    out, pos = [], 0
    for w, tag in tagged(text):
        out.append((pos, pos + len(w), w, tag))
        pos += len(w)
    return out


MIN_FREQ = 4  # below it a dictionary "word" is a rare fragment (封为平 3, 阳亭侯 2), no real word


def frequency(word: str) -> int:
    """The word's count in jieba's dictionary (0 when it is no word there)."""
    return _tokenizer().FREQ.get(word) or 0


def terms(text: str) -> list[str]:
    """Index terms for BM25: jieba's search-mode words (long words and their parts),
    without stop words and punctuation."""
    stop = stopwords()
    return [w for w in _split_date_unit(_tokenizer().lcut_for_search(text))
            if _is_content(w) and w not in stop]
