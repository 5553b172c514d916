"""The on-disk index: FAISS for the dense side, BM25 (bm25s) over jieba terms, the
chunks, cached passage embeddings and a manifest. No pickle anywhere.

Layout of an index folder (``--index DIR``)::

    DIR/CURRENT              name of the active snapshot (replaced atomically)
    DIR/.lock                held while a build runs
    DIR/snap-<time>-<pid>/   one complete snapshot:
        manifest.json        format version, model id and hash, chunking and
                             segmentation settings, corpus file hashes, counts
        chunks.jsonl         one chunk a line: doc, start, end, section, paragraph, key
        embeddings.npy       float32 [n_chunks, dim], L2-normalised (row i = chunk i)
        dense.faiss          FAISS inner-product index over the embeddings
        bm25/                bm25s arrays (.npy, loaded with allow_pickle=False) and vocab

A build writes a new snapshot, then points CURRENT at it; a killed build leaves the
previous snapshot in use. Embeddings are reused by content key (model hash + passage
text), so a rebuild embeds only new or changed passages.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from . import __version__, embed
from .chunk import ChunkSettings, chunk_document
from .ingest import IngestError, list_corpus, read_document
from .normalise import normalise
from .embed import ModelSpec
from .records import Chunk, Document
from .segment import settings_hash, terms

FORMAT = "seiqa-index"
FORMAT_VERSION = 1


class IndexError_(Exception):
    """The index is missing, stale, from another model, or damaged. The message says
    what to do (usually: run ``seiqa build``)."""


@dataclass(frozen=True)
class Freshness:
    status: str  # "fresh" | "missing" | "stale" | "incompatible"
    reasons: tuple[str, ...] = ()

    @property
    def fresh(self) -> bool:
        return self.status == "fresh"


@dataclass
class BuildReport:
    snapshot: Path
    documents: int
    chunks: int
    embedded: int  # passages embedded in this build (others came from the cache)
    skipped: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0
    up_to_date: bool = False


# --- text that is indexed for a chunk ----------------------------------------------

def passage_text(chunk: Chunk, title: str = "") -> str:
    """What is embedded and BM25-indexed for a chunk: the document title, the innermost
    section title and the chunk text, normalised (Simplified, half-width). The titles
    name the subject that later paragraphs leave implicit. What is cited stays original."""
    section = chunk.section.rsplit(" › ", 1)[-1]
    head = " ".join(t for t in (title, section) if t)
    return normalise(f"{head}\n{chunk.text}" if head else chunk.text)


def _key(model_hash: str, text: str) -> str:
    return hashlib.sha256(f"{model_hash}\n{text}".encode()).hexdigest()[:32]


# --- snapshots, manifest, freshness -----------------------------------------------

def current_snapshot(index_dir: Path) -> Path | None:
    pointer = index_dir / "CURRENT"
    if not pointer.is_file():
        return None
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None  # a damaged pointer: as if there were no index (a build replaces it)
    if not name.startswith("snap-") or "/" in name or "\\" in name or name in (".", ".."):
        return None
    snap = index_dir / name
    return snap if snap.is_dir() else None


def read_manifest(snapshot: Path) -> dict:
    try:
        manifest = json.loads((snapshot / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexError_(f"index manifest in {snapshot} is unreadable ({exc}); run `seiqa build` to rebuild") from exc
    if not isinstance(manifest, dict):
        raise IndexError_(f"index manifest in {snapshot} is not a JSON object; run `seiqa build` to rebuild")
    if manifest.get("format") != FORMAT or manifest.get("version") != FORMAT_VERSION:
        raise IndexError_(
            f"index in {snapshot} has format {manifest.get('format')} v{manifest.get('version')}, "
            f"this seiqa reads {FORMAT} v{FORMAT_VERSION}; run `seiqa build` to rebuild"
        )
    corpus, counts = manifest.get("corpus"), manifest.get("counts")
    if not (
        isinstance(corpus, dict) and isinstance(corpus.get("files"), dict) and isinstance(corpus.get("skipped", {}), dict)
        and isinstance(counts, dict) and isinstance(counts.get("chunks"), int) and isinstance(counts.get("documents"), int)
    ):
        raise IndexError_(f"index manifest in {snapshot} lacks its corpus or counts part; run `seiqa build --force`")
    return manifest


def _file_entry(path: Path) -> dict:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns}


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


PASSAGE_FORMAT = 2  # bump when passage_text changes: older indexes become incompatible


def settings_of(chunking: ChunkSettings, model_id: str, model_hash: str) -> dict:
    return {
        "model": {"id": model_id, "hash": model_hash},
        "chunking": {**asdict(chunking), "passage_format": PASSAGE_FORMAT},
        "segmentation": settings_hash(),
    }


PARTS = ("chunks.jsonl", "embeddings.npy", "dense.faiss", "bm25/params.index.json", "bm25/vocab.index.json",
         "bm25/data.csc.index.npy", "bm25/indices.csc.index.npy", "bm25/indptr.csc.index.npy")


def check(corpus: Path, index_dir: Path, settings: dict) -> Freshness:
    """Is the index in ``index_dir`` built from this corpus with these settings?

    File sizes and modification times are compared first; a file whose stat changed
    is hashed, so touching a file does not make the index stale."""
    snap = current_snapshot(index_dir)
    if snap is None:
        return Freshness("missing", (f"no index in {index_dir}",))
    try:
        manifest = read_manifest(snap)
    except IndexError_ as exc:
        return Freshness("incompatible", (str(exc),))
    missing = [part for part in PARTS if not (snap / part).exists()]
    if missing:
        return Freshness("incompatible", tuple(f"missing part: {part}" for part in missing))
    reasons = []
    for key in ("model", "chunking", "segmentation"):
        if manifest.get(key) != settings[key]:
            reasons.append(f"{key} differs (index: {manifest.get(key)}, now: {settings[key]})")
    if reasons:
        return Freshness("incompatible", tuple(reasons))
    recorded: dict = manifest["corpus"]["files"]
    recorded_skipped: dict = manifest["corpus"].get("skipped", {})
    skipped_stat = manifest["corpus"].get("skipped_stat", {})
    present = {f.rel: f.path for f in list_corpus(corpus)}
    for rel in sorted(set(recorded) - set(present)):
        reasons.append(f"removed: {rel}")
    for rel, path in present.items():
        entry = recorded.get(rel)
        try:
            now = _file_entry(path)
        except OSError as exc:  # e.g. removed while we look
            reasons.append(f"changed: {rel} (cannot stat: {exc.strerror})")
            continue
        if entry is None:
            if rel not in recorded_skipped:
                reasons.append(f"added: {rel}")
            elif isinstance(skipped_stat, dict) and rel in skipped_stat and skipped_stat[rel] != now:
                reasons.append(f"changed: {rel} (skipped in the last build)")  # e.g. converted to UTF-8 since
            continue
        try:
            changed = now["size"] != entry["size"] or (
                now["mtime_ns"] != entry["mtime_ns"] and _sha256_file(path) != entry["sha256"]
            )
        except (TypeError, KeyError):
            changed = True  # a damaged manifest entry
        except OSError as exc:
            changed, rel = True, f"{rel} (cannot read: {exc.strerror})"
        if changed:
            reasons.append(f"changed: {rel}")
    return Freshness("stale" if reasons else "fresh", tuple(reasons))


# --- the loaded index -------------------------------------------------------------

@dataclass
class Index:
    snapshot: Path
    manifest: dict
    chunks: list[Chunk]
    keys: list[str]
    embeddings: np.ndarray
    dense: object  # faiss.Index
    bm25: object  # bm25s.BM25

    def title(self, doc: str) -> str:
        entry = self.manifest["corpus"]["files"].get(doc)
        return str(entry.get("title") or "") if isinstance(entry, dict) else ""

    def search_bm25(self, query_terms: list[str], k: int) -> list[tuple[int, float]]:
        vocab = self.bm25.vocab_dict
        known = [t for t in query_terms if t in vocab]
        if not known:
            return []
        scores = np.asarray(self.bm25.get_scores(known), dtype=np.float32)
        return _top_k(scores, k)

    def search_dense(self, query_vec: np.ndarray, k: int) -> list[tuple[int, float]]:
        k = min(k, len(self.chunks))
        if k == 0:
            return []
        scores, ids = self.dense.search(np.ascontiguousarray(query_vec.reshape(1, -1), dtype=np.float32), k)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]


def _top_k(scores: np.ndarray, k: int) -> list[tuple[int, float]]:
    k = min(k, scores.shape[0])
    if k == 0:
        return []
    idx = np.argpartition(-scores, k - 1)[:k]
    idx = idx[np.lexsort((idx, -scores[idx]))]
    return [(int(i), float(scores[i])) for i in idx if scores[i] > 0]


def _read_chunks(path: Path) -> tuple[list[Chunk], list[str]]:
    chunks, keys = [], []
    with path.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            chunks.append(Chunk(row["doc"], row["start"], row["end"], row["section"], row["text"], row["paragraph"]))
            keys.append(row["key"])
    return chunks, keys


def load(index_dir: Path) -> Index:
    """Load the current snapshot. Raises IndexError_ with what to do when it is missing
    or damaged. Does not check freshness (see :func:`check`)."""
    import bm25s
    import faiss

    snap = current_snapshot(index_dir)
    if snap is None:
        raise IndexError_(f"no index in {index_dir}; run `seiqa build` first")
    manifest = read_manifest(snap)
    try:
        chunks, keys = _read_chunks(snap / "chunks.jsonl")
        embeddings = np.load(snap / "embeddings.npy", allow_pickle=False)
        dense = faiss.read_index(str(snap / "dense.faiss"))
        bm25 = bm25s.BM25.load(str(snap / "bm25"), load_corpus=False, allow_pickle=False, show_progress=False)
    except (OSError, ValueError, KeyError, TypeError, IndexError, RuntimeError) as exc:
        raise IndexError_(f"index in {snap} is damaged ({type(exc).__name__}: {exc}); run `seiqa build --force`") from exc
    n = len(chunks)
    try:
        consistent = (
            embeddings.ndim == 2 and embeddings.dtype == np.float32 and dense.d == embeddings.shape[1]
            and dense.ntotal == n == embeddings.shape[0] == manifest["counts"]["chunks"] == bm25.scores["num_docs"]
        )
    except (AttributeError, KeyError, TypeError, IndexError):
        consistent = False
    if not consistent:
        raise IndexError_(f"index in {snap} is inconsistent (part sizes differ); run `seiqa build --force`")
    return Index(snap, manifest, chunks, keys, embeddings, dense, bm25)


# --- building ---------------------------------------------------------------------

class _Lock:
    """An exclusive lock on DIR/.lock; a second build waits for the first."""

    def __init__(self, index_dir: Path, log: Callable[[str], None]):
        self.path = index_dir / ".lock"
        self.log = log

    def __enter__(self) -> _Lock:
        self.f = self.path.open("a+")
        try:
            fcntl.flock(self.f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.log(f"another build holds {self.path}; waiting for it to finish")
            fcntl.flock(self.f, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc) -> None:
        fcntl.flock(self.f, fcntl.LOCK_UN)
        self.f.close()


def _cached_vectors(index_dir: Path) -> dict[str, np.ndarray]:
    """Embeddings of the current snapshot by content key, if it is readable."""
    snap = current_snapshot(index_dir)
    if snap is None:
        return {}
    try:
        _, keys = _read_chunks(snap / "chunks.jsonl")
        vecs = np.load(snap / "embeddings.npy", allow_pickle=False)
    except (OSError, ValueError, KeyError):
        return {}
    if vecs.ndim != 2 or vecs.shape[0] != len(keys) or vecs.dtype != np.float32:
        return {}
    return dict(zip(keys, vecs))


def _clean_leftovers(index_dir: Path, log: Callable[[str], None]) -> None:
    """Remove what killed builds left behind: ``.tmp-*`` snapshot folders,
    ``CURRENT.tmp-*`` pointer files and snapshots that never became current. Runs with
    the build lock held, so no other build is writing them; the current snapshot is
    never touched."""
    current = current_snapshot(index_dir)
    for p in index_dir.iterdir():
        name = p.name
        orphan = name.startswith("snap-") and current is not None and p != current and p.is_dir()
        if not (name.startswith(".tmp-") or name.startswith("CURRENT.tmp-") or orphan):
            continue
        log(f"removing {p.name} left by an interrupted build")
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        else:
            try:
                p.unlink()
            except OSError:
                pass


def _write_json(path: Path, obj) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1), encoding="utf-8")


def _swap_current(index_dir: Path, snap: Path) -> None:
    tmp = index_dir / f"CURRENT.tmp-{os.getpid()}"
    tmp.write_text(snap.name + "\n", encoding="utf-8")
    with tmp.open("rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, index_dir / "CURRENT")
    for old in index_dir.glob("snap-*"):
        if old != snap and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)


def _stderr(msg: str) -> None:
    print(f"seiqa: {msg}", file=sys.stderr)


def build(
    corpus: Path,
    index_dir: Path,
    spec: ModelSpec,
    chunking: ChunkSettings,
    force: bool = False,
    progress: bool = True,
    log: Callable[[str], None] = _stderr,
) -> BuildReport:
    """Build (or bring up to date) the index of ``corpus`` in ``index_dir``. The model
    is loaded only when passages need embedding."""
    import bm25s
    import faiss
    from tqdm.auto import tqdm

    t0 = time.perf_counter()
    index_dir.mkdir(parents=True, exist_ok=True)
    _, model_id, model_hash = embed.resolve(spec)
    settings = settings_of(chunking, model_id, model_hash)
    with _Lock(index_dir, log):
        _clean_leftovers(index_dir, log)
        if not force:
            state = check(corpus, index_dir, settings)
            if state.fresh:
                snap = current_snapshot(index_dir)
                counts = read_manifest(snap)["counts"]
                return BuildReport(snap, counts["documents"], counts["chunks"], 0, up_to_date=True,
                                   seconds=time.perf_counter() - t0)
        files = list_corpus(corpus)
        docs: list[Document] = []
        skipped: dict[str, str] = {}
        entries: dict[str, dict] = {}
        skipped_stat: dict[str, dict] = {}
        for f in tqdm(files, desc="reading", unit="file", disable=not progress):
            try:
                # stat BEFORE reading: a change made while we read shows as a newer stat
                # than the manifest records, so the next check sees the file as stale
                before = _file_entry(f.path)
            except OSError as exc:
                log(f"skipped {f.rel}: cannot stat ({exc.strerror})")
                skipped[f.rel] = f"{f.rel}: cannot stat ({exc.strerror})"
                continue
            try:
                doc = read_document(f)
            except IngestError as exc:
                log(f"skipped {exc}")
                skipped[f.rel] = str(exc)
                skipped_stat[f.rel] = before  # so that fixing the file makes the index stale
                continue
            docs.append(doc)
            entries[f.rel] = {**before, "sha256": doc.sha256, "encoding": doc.encoding, "title": doc.title}
        chunks = [c for d in docs for c in chunk_document(d, chunking)]
        if not chunks:
            raise IngestError(f"no readable text in {corpus} (found {len(files)} .txt/.md files, "
                              f"{len(skipped)} skipped); add UTF-8 .txt or .md documents")
        titles = {d.path: d.title for d in docs}
        texts = [passage_text(c, titles[c.doc]) for c in chunks]
        keys = [_key(model_hash, t) for t in texts]

        cache = {} if force else _cached_vectors(index_dir)
        todo = [i for i, k in enumerate(keys) if k not in cache]
        if todo:
            embedder = embed.load(spec)
            log(f"embedding {len(todo)} of {len(chunks)} passages")
            fresh = embedder.passages([texts[i] for i in todo], progress=progress)
            dim = fresh.shape[1]
        else:
            fresh, dim = None, len(next(iter(cache.values())))
        vectors = np.zeros((len(chunks), dim), dtype=np.float32)
        for i, k in enumerate(keys):
            if k in cache:
                vectors[i] = cache[k]
        if fresh is not None:
            vectors[todo] = fresh

        snap = index_dir / f"snap-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{time.time_ns() % 10**9:09d}"
        tmp = index_dir / f".tmp-{snap.name}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        with (tmp / "chunks.jsonl").open("w", encoding="utf-8") as out:
            for c, k in zip(chunks, keys):
                out.write(json.dumps({"doc": c.doc, "start": c.start, "end": c.end, "section": c.section,
                                      "paragraph": c.paragraph, "key": k, "text": c.text}, ensure_ascii=False) + "\n")
        np.save(tmp / "embeddings.npy", vectors, allow_pickle=False)
        dense = faiss.IndexFlatIP(dim)
        if len(chunks):
            dense.add(vectors)
        faiss.write_index(dense, str(tmp / "dense.faiss"))
        bm25 = bm25s.BM25()
        bm25.index([terms(t) or [""] for t in texts], show_progress=False)
        bm25.save(str(tmp / "bm25"), allow_pickle=False, show_progress=False)
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "seiqa": __version__,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            **settings,
            "dim": dim,
            "corpus": {"root": str(corpus.resolve()), "files": entries, "skipped": skipped, "skipped_stat": skipped_stat},
            "counts": {"documents": len(docs), "chunks": len(chunks)},
        }
        _write_json(tmp / "manifest.json", manifest)
        os.replace(tmp, snap)
        _swap_current(index_dir, snap)
    return BuildReport(snap, len(docs), len(chunks), len(todo), skipped, time.perf_counter() - t0)
