"""seiqa: extractive question answering with verifiable citations over Chinese documents.

``from seiqa import Assistant`` is lazy so that light commands never import torch.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

# OpenMP threads of torch and FAISS spin while they wait by default; on a busy 2-core
# machine that made one query embedding take ~1 s instead of ~40 ms (bench/README.md).
# Must be set before either library loads its OpenMP runtime; a value set by the user wins.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

__version__ = "0.1.0"
__all__ = ["Assistant", "__version__"]

if TYPE_CHECKING:
    from .assistant import Assistant


def __getattr__(name: str) -> Any:
    if name == "Assistant":
        from .assistant import Assistant

        return Assistant
    raise AttributeError(name)
