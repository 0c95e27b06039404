"""The TinyDB store: written by ``brief build``, read once and indexed by the reader. No Textual."""

from .reader import Candidate, Link, Store
from .tinyio import StoreError, serialize, write_atomic, write_store


def __getattr__(name: str) -> object:
    if name == "SearchHit":
        from ..search import Hit

        return Hit
    raise AttributeError(name)


__all__ = [
    "Candidate",
    "Link",
    "SearchHit",
    "Store",
    "StoreError",
    "serialize",
    "write_atomic",
    "write_store",
]
