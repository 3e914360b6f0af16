"""newsgraph: news to an evidence-linked record of who did what to whom, who said what, and who claims what.

    >>> import newsgraph
    >>> doc = newsgraph.extract("SEOUL (AFP) : North Korea ...", published="2024-06-12", source="AFP")
    >>> doc.entities[0].id
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .model import Document, Failure
    from .pipeline import extract, extract_many

__all__ = ["Document", "Failure", "__version__", "extract", "extract_many"]


def __getattr__(name: str) -> Any:
    # Lazy, so that `import newsgraph` (and the CLI's --help) does not load spaCy.
    if name in {"extract", "extract_many"}:
        from . import pipeline

        return getattr(pipeline, name)
    if name in {"Document", "Failure", "Article"}:
        from . import model

        return getattr(model, name)
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
