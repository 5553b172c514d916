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


def settings_hash() -> str:
    """Identifies the segmentation (jieba version, dictionaries) for index manifests."""
    h = hashlib.sha256(jieba.__version__.encode())
    for name in ("userdict.txt", "stopwords.txt"):
        h.update((_DATA / name).read_bytes())
    return h.hexdigest()[:16]


def _is_content(token: str) -> bool:
    return any(c.isalnum() for c in token)


def words(text: str) -> list[str]:
    """Words of a normalised text in order (punctuation and spaces dropped)."""
    return [w for w in _tokenizer().lcut(text) if _is_content(w)]


@functools.lru_cache(maxsize=1)
def _pos_tokenizer():
    import jieba.posseg

    return jieba.posseg.POSTokenizer(_tokenizer())


@functools.lru_cache(maxsize=1024)
def tagged(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech tag) pairs of a normalised text: jieba.posseg with the same
    dictionaries (ns place, nr person, nt organisation, v verb, n noun …)."""
    return tuple((p.word, p.flag) for p in _pos_tokenizer().lcut(text))


MIN_FREQ = 4  # below it a dictionary "word" is a rare fragment (封为平 3, 阳亭侯 2), no real word


def frequency(word: str) -> int:
    """The word's count in jieba's dictionary (0 when it is no word there)."""
    return _tokenizer().FREQ.get(word) or 0


def terms(text: str) -> list[str]:
    """Index terms for BM25: jieba's search-mode words (long words and their parts),
    without stop words and punctuation."""
    stop = stopwords()
    return [w for w in _tokenizer().lcut_for_search(text) if _is_content(w) and w not in stop]
