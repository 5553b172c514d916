"""seiqa: extractive question answering with verifiable citations over Chinese documents.

``from seiqa import Assistant`` is lazy so that light commands never import torch.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Assistant", "__version__"]

if TYPE_CHECKING:
    from .assistant import Assistant


def __getattr__(name: str) -> Any:
    if name == "Assistant":
        from .assistant import Assistant

        return Assistant
    raise AttributeError(name)
