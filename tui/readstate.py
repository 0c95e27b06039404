"""The reader's side of the user's layer: hashes, search predicates and anchor labels.

No Textual import. Bridges :mod:`tui.store` (what a brief holds now) and :mod:`tui.userdata`
(what the user read, bookmarked and noted):

- :func:`brief_hashes` — the brief's hash and its items' hashes, from the store
  (``Store.brief_hash`` / ``Store.item_hashes``, stored at build time) or, for a store built
  before those existed, computed here from the brief;
- :func:`search_predicates` — ``is:unread``, ``is:read``, ``is:bookmarked`` and ``has:note`` for
  the search engine's ``predicates`` hook;
- :func:`anchor_label` / :func:`anchor_text` — how a note's or bookmark's anchor is named, and the
  text it points at now;
- :class:`Guarded` — the app's :class:`~tui.userdata.UserData` behind a lock, so that a write run
  in a thread (marking a brief read, saving a note) never interleaves with the UI's reads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from .userdata import Anchor, UserData

try:  # hashlib's blake2b is this one; hashlib itself loads OpenSSL (~2 ms of start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

KIND_WORDS = {
    "brief": "brief",
    "entity": "",
    "summary": "summary",
    "takeaway": "takeaway",
    "event": "event",
    "sentence": "sentence",
}


def _digest(*parts: object) -> str:
    return blake2b(repr(parts).encode("utf-8"), digest_size=10).hexdigest()


def brief_hashes(store: Any, brief_id: str) -> tuple[str | None, dict[str, str]]:
    """``(brief hash, {item key: hash})`` for ``summary:N``, ``takeaway:N`` and ``event:ID``."""
    item_hashes = getattr(store, "item_hashes", None)
    brief_hash = getattr(store, "brief_hash", None)
    if item_hashes is not None and brief_hash is not None:
        return brief_hash(brief_id), dict(item_hashes(brief_id))
    brief = store.brief(brief_id)
    if brief is None:
        return None, {}
    items = {f"summary:{n}": _digest(p.text) for n, p in enumerate(brief.summary)}
    items |= {f"takeaway:{n}": _digest(t.text) for n, t in enumerate(brief.takeaways)}
    items |= {f"event:{e.id}": _digest(e.date, e.text) for e in store.events(brief_id)}
    whole = _digest(brief.title, sorted(items.items()))
    return whole, items


def brief_hash(store: Any, brief_id: str) -> str | None:
    """The brief's hash alone: from the store's catalog when it has one (no brief file read)."""
    stored = getattr(store, "brief_hash", None)
    if stored is not None:
        return stored(brief_id)
    return brief_hashes(store, brief_id)[0]


def search_predicates(userdata: UserData) -> dict[tuple[str, str], Callable[[str], bool]]:
    """The user-state filters of the search engine, answered from the user data."""
    bookmarked = {b.anchor.brief for b in userdata.bookmarks() if b.anchor.brief}
    noted = {n.anchor.brief for n in userdata.notes() if n.anchor.brief}
    return {
        ("is", "unread"): userdata.is_unread,
        ("is", "read"): userdata.is_read,
        ("is", "bookmarked"): bookmarked.__contains__,
        ("has", "note"): noted.__contains__,
        ("has", "notes"): noted.__contains__,
    }


def anchor_label(store: Any, anchor: Anchor) -> str:
    """``Title · takeaway 3`` or a person's name — plain text, never markup."""
    if anchor.entity is not None:
        name = store.name_of(anchor.entity) if store.entity(anchor.entity) else anchor.entity
        return name
    brief = store.brief(anchor.brief) if anchor.brief else None
    title = brief.title if brief is not None else f"(brief {anchor.brief} — no longer in the store)"
    if not anchor.item:
        return title
    kind, _, key = anchor.item.partition(":")
    if kind in ("takeaway", "summary") and key.isdigit():
        where = f"{kind} {int(key) + 1}"
    elif kind == "event":
        event = store.event(key) if hasattr(store, "event") else None
        where = f"event {event.date.display()}" if event is not None else "event"
    else:
        where = f"{kind} {key}"
    return f"{title} · {where}"


def anchor_text(store: Any, anchor: Anchor) -> str | None:
    """The text the anchor points at in the store now (None if it is gone or is a whole brief)."""
    if anchor.entity is not None or not anchor.item or not anchor.brief:
        return None
    kind, _, key = anchor.item.partition(":")
    brief = store.brief(anchor.brief)
    if brief is None:
        return None
    if kind == "takeaway" and key.isdigit() and int(key) < len(brief.takeaways):
        return brief.takeaways[int(key)].text
    if kind == "summary" and key.isdigit() and int(key) < len(brief.summary):
        return brief.summary[int(key)].text
    if kind == "event":
        event = next((e for e in store.events(anchor.brief) if e.id == key), None)
        return event.text if event is not None else None
    if kind == "sentence":
        article = store.article(anchor.brief)
        sentence = article.sentence(key) if article is not None else None
        return sentence.text if sentence is not None else None
    return None


class Guarded:
    """A :class:`UserData` whose every call holds one lock: the app reads it on its own thread
    while a worker thread saves (a save takes a few milliseconds: two fsyncs)."""

    def __init__(self, userdata: UserData) -> None:
        object.__setattr__(self, "_inner", userdata)
        object.__setattr__(self, "_lock", threading.RLock())

    @property
    def inner(self) -> UserData:
        return self._inner

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._inner, name)
        if not callable(value):
            return value
        lock = self._lock

        def call(*args: Any, **kwargs: Any) -> Any:
            with lock:
                return value(*args, **kwargs)

        return call

    def __setattr__(self, name: str, value: Any) -> None:
        with self._lock:
            setattr(self._inner, name, value)
