"""The store's side of search: build and dump the engine's index at build time, load it lazily.

The engine lives in :mod:`tui.search` (``documents``, ``SearchIndex.build/dump/load/update``);
this module is the only place the store meets it, imported only when a build writes or a search
runs, so the layers stay one-way: catalog → brief data → indices → search.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Library

if TYPE_CHECKING:
    from .reader import Store


def dump_search(library: Library, folder: Path) -> None:
    """Build the search index for ``library`` and put it in ``folder``, replacing what was there."""
    from ..search import SearchIndex, documents

    index = SearchIndex.build(documents(library))
    fresh = folder.with_name(folder.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    index.dump(fresh)
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    fresh.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


def update_search(
    library: Library,
    folder: Path,
    briefs: Iterable[str],
    removed: Iterable[str],
    entities: Iterable[str],
) -> None:
    """Replace only the documents of the changed briefs and entities in the stored index."""
    from ..search import SearchIndex, documents

    briefs, entities = list(briefs), list(entities)
    index = SearchIndex.load(folder)
    groups = [f"b:{b}" for b in removed]
    index.update(documents(library, briefs=briefs, entities=entities), remove=groups)
    index.dump(folder)


def open_search(store: Store) -> Any:
    """The engine's index for ``store``: the stored one, or one built in memory."""
    from ..search import SearchIndex, documents

    folder = store.data_dir / "search" if store.data_dir is not None else None
    if folder is not None and (folder / "index.json").is_file():
        try:
            return SearchIndex.load(folder)
        except (OSError, ValueError, KeyError, TypeError):
            pass  # a damaged index: search what the store holds instead
    return SearchIndex.build(documents(store.library()))
