"""The TinyDB store: written by ``brief build``, read once and indexed by the reader. No Textual."""

from .reader import BriefHeader, Candidate, Link, MentionRow, Store
from .shape import StoreError
from .tinyio import stale_files, write_atomic, write_files, write_store
from .writer import CATALOG, iter_files, serialize, store_paths


def __getattr__(name: str) -> object:
    if name == "SearchHit":
        from ..search import Hit

        return Hit
    raise AttributeError(name)


__all__ = [
    "CATALOG",
    "BriefHeader",
    "Candidate",
    "Link",
    "MentionRow",
    "SearchHit",
    "Store",
    "StoreError",
    "iter_files",
    "serialize",
    "stale_files",
    "store_paths",
    "write_atomic",
    "write_files",
    "write_store",
]
