"""The store's side of search: build and dump the engine's index at build time, load it lazily.

The engine lives in :mod:`tui.search` (``documents``, ``SearchIndex.build/dump/load``); this module
is the only place the store meets it, and it is imported only when a build writes or a search runs.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Library

if TYPE_CHECKING:
    from .reader import Store


def _engine() -> Any | None:
    try:
        from .. import search as engine
    except ImportError:
        return None
    needed = ("documents", "SearchIndex")
    return engine if all(hasattr(engine, name) for name in needed) else None


def dump_search(library: Library, folder: Path) -> None:
    """Build the search index for ``library`` and put it in ``folder``, replacing what was there."""
    engine = _engine()
    if engine is None:
        return
    index = engine.SearchIndex.build(engine.documents(library))
    fresh = folder.with_name(folder.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    index.dump(fresh)
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    fresh.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def open_search(store: Store) -> Any:
    """The engine's index for ``store``: the stored one, or (no engine, no stored index) the
    simple in-memory index built from the store."""
    engine = _engine()
    folder = store.data_dir / "search" if store.data_dir is not None else None
    if engine is not None and folder is not None and folder.is_dir():
        return engine.SearchIndex.load(folder)
    from .search import SearchIndex

    return SearchIndex.from_store(store)
