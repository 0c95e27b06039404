"""Until the store keeps a built index on disk: an index built in memory from an open store.

Tiny on purpose, so it is easy to swap for ``SearchIndex.load(store_dir / "search")``.
"""

from __future__ import annotations

from typing import Any

from ..model import Library
from .docs import documents
from .index import SearchIndex


def library_of(store: Any) -> Library:
    """The model objects of a :class:`tui.store.Store` (duck-typed: no import of tui.store)."""
    briefs = {b.id: b for b in store.briefs()}
    articles = {bid: a for bid in briefs if (a := store.article(bid)) is not None}
    events = {e.id: e for bid in briefs for e in store.events(bid)}
    mentions = tuple(m for bid in briefs for m in store.mentions(bid))
    people = {p.id: p for p in store.people()}
    factions = {f.id: f for f in store.factions()}
    return Library(briefs, articles, people, factions, events, mentions)


def index_of_store(store: Any) -> SearchIndex:
    return SearchIndex.build(documents(library_of(store)))
