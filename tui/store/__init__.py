"""The TinyDB store: written by ``brief build``, read once and indexed by the reader. No Textual."""

from .reader import Candidate, Link, Store
from .search import SearchHit
from .tinyio import StoreError, serialize, write_atomic, write_store

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
