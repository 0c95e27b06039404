"""Library → the store directory's files, deterministically (``brief build --check`` compares bytes).

Layout of a store directory (every ``.json`` file is a TinyDB database: table → doc id → document)::

    catalog.json          read at start: meta, brief headers (newest first), people, factions,
                          and the small indices (inverse relations, members)
    briefs/<id>.json      read when a brief opens: the brief, its article, events, mentions, hashes
    entities/<id>.json    read when an entity page opens: its events and mention rows, all briefs
    search/               the search engine's index (written by :mod:`tui.search`)

A store can also be named by a catalog file ``NAME.json``; its other files then live in ``NAME/``
beside it (the single-file layout's paths keep working).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from ..model import SCHEMA_VERSION, Brief, Event, Faction, Library, Mention, Person, to_dict

CATALOG = "catalog.json"


def store_paths(path: Path) -> tuple[Path, Path]:
    """(catalog file, data directory) of the store named by ``path``."""
    if path.name != CATALOG and (path.suffix == ".json" or _is_file(path)):
        return path, path.with_suffix("")
    if path.name == CATALOG:
        return path, path.parent
    return path / CATALOG, path


def _is_file(path: Path) -> bool:
    """Something that is there and is not a directory (a file, a device, a pipe)."""
    try:
        return path.exists() and not path.is_dir()
    except OSError:
        return False


def _dumps(data: Any) -> bytes:
    """Every mapping is built in a fixed order (dataclasses in field order), so the bytes are
    deterministic without sorting keys, and a file re-dumped from its parsed form is unchanged."""
    return orjson.dumps(data) + b"\n"


def _table(documents: Iterable[Any]) -> dict[str, Any]:
    return {str(n): doc for n, doc in enumerate(documents, 1)}


def digest(value: Any) -> str:
    return hashlib.blake2b(
        orjson.dumps(value, option=orjson.OPT_SORT_KEYS), digest_size=10
    ).hexdigest()


def header(brief: Brief, brief_hash: str) -> dict[str, Any]:
    """What the library and start-up need of a brief: no summary, takeaways or article."""
    return {
        "id": brief.id,
        "title": brief.title,
        "dateline": to_dict(brief.dateline),
        "outlet": brief.outlet,
        "tags": list(brief.tags),
        "events": len(brief.events),
        "source_path": brief.source_path,
        "hash": brief_hash,
    }


def item_hashes(brief: Brief, events: list[Event]) -> dict[str, str]:
    """A stable hash of every summary paragraph, takeaway and event, by anchor key."""
    hashes = {f"summary:{n}": digest(p) for n, p in enumerate(brief.summary)}
    hashes |= {f"takeaway:{n}": digest(t) for n, t in enumerate(brief.takeaways)}
    hashes |= {f"event:{e.id}": digest(e) for e in events}
    return hashes


def mention_row(m: Mention) -> list[Any]:
    return [m.entity, m.field, m.start, m.end, m.sentence]


def brief_document(
    library: Library, brief: Brief, mentions: list[Mention]
) -> tuple[dict[str, Any], str]:
    """The brief's own file, and the brief's hash."""
    events = [library.events[e] for e in brief.events]
    article = library.articles.get(brief.id)
    hashes = item_hashes(brief, events)
    brief_hash = digest([brief, article, sorted(hashes.items())])
    doc = {
        "brief": _table([brief]),
        "article": _table([article] if article is not None else []),
        "events": _table(events),
        "mentions": _table([{"rows": [mention_row(m) for m in mentions]}]),
        "hashes": _table([{"brief": brief_hash, "items": hashes}]),
    }
    return doc, brief_hash


def sort_key(brief: Brief) -> tuple[str, str]:
    date = brief.dateline.date
    return (date.sort_key if date else "", brief.title)


def newest_first(briefs: Iterable[Brief]) -> list[Brief]:
    return sorted(briefs, key=lambda b: (sort_key(b), b.id), reverse=True)


def small_indices(people: dict[str, Person], factions: dict[str, Faction]) -> dict[str, Any]:
    """Inverse relations and members: computed once here so opening a store builds nothing."""
    incoming: dict[str, list[list[Any]]] = {}
    people = {k: people[k] for k in sorted(people)}
    factions = {k: factions[k] for k in sorted(factions)}
    for entity in [*people.values(), *factions.values()]:
        for number, relation in enumerate(entity.relations):
            incoming.setdefault(relation.target, []).append([entity.id, "relations", number])
        if isinstance(entity, Faction):
            for number, relation in enumerate(entity.part_of):
                incoming.setdefault(relation.target, []).append([entity.id, "part_of", number])
    members: dict[str, list[str]] = {}
    for person in people.values():
        for role in person.roles:
            if role.faction and person.id not in members.get(role.faction, []):
                members.setdefault(role.faction, []).append(person.id)
    return {"incoming": incoming, "members": members}


def entity_documents(
    library: Library, mentions_by_brief: dict[str, list[Mention]]
) -> dict[str, dict[str, Any]]:
    """For every person and faction: its events (in date order) and mention rows across briefs."""
    events: dict[str, list[Event]] = {}
    for event in library.events.values():
        for actor in event.actors:
            events.setdefault(actor, []).append(event)
    rows: dict[str, list[list[Any]]] = {}
    for brief_id in sorted(mentions_by_brief):
        for m in mentions_by_brief[brief_id]:
            rows.setdefault(m.entity, []).append(
                [m.brief, m.field, m.start, m.end, m.sentence, m.text]
            )
    docs = {}
    for entity_id in [*library.people, *library.factions]:
        found = sorted(events.get(entity_id, []), key=lambda e: (e.date.sort_key, e.id))
        docs[entity_id] = entity_document(entity_id, found, rows.get(entity_id, []))
    return docs


def entity_document(entity_id: str, events: list[Event], rows: list[list[Any]]) -> dict[str, Any]:
    return {
        "entity": _table([{"id": entity_id}]),
        "events": _table(events),
        "mentions": _table([{"rows": rows}]),
    }


def counts(library: Library) -> dict[str, int]:
    return {
        "briefs": len(library.briefs),
        "people": len(library.people),
        "factions": len(library.factions),
        "events": len(library.events),
        "mentions": len(library.mentions),
    }


def catalog_from_parts(
    headers: list[dict[str, Any]],
    people: dict[str, Any],
    factions: dict[str, Any],
    numbers: dict[str, int],
    indices: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The catalog from brief headers (newest first), people, factions (model objects, or their
    stored form with ``indices`` given) and the counts."""
    return {
        "meta": _table(
            [{"schema_version": SCHEMA_VERSION, "generator": "brief", "counts": numbers}]
        ),
        "briefs": _table(headers),
        "people": _table(people[k] for k in sorted(people)),
        "factions": _table(factions[k] for k in sorted(factions)),
        "indices": _table([indices if indices is not None else small_indices(people, factions)]),
    }


def catalog_document(library: Library, hashes: dict[str, str]) -> dict[str, Any]:
    headers = [header(b, hashes[b.id]) for b in newest_first(library.briefs.values())]
    return catalog_from_parts(headers, library.people, library.factions, counts(library))


def header_order(raw: dict[str, Any]) -> tuple[tuple[str, str], str]:
    """:func:`newest_first`'s key, for a stored header (sort with ``reverse=True``)."""
    date = raw["dateline"].get("date")
    return ((date["sort_key"] if date else "", raw["title"]), raw["id"])


def iter_files(library: Library) -> Iterator[tuple[str, bytes]]:
    """Every file of the store (path relative to the store directory, exact bytes), except the
    search index, one at a time (a 10,000-brief store is never all in memory); the catalog,
    ``catalog.json``, comes last."""
    by_brief: dict[str, list[Mention]] = {}
    for m in library.mentions:
        by_brief.setdefault(m.brief, []).append(m)
    hashes: dict[str, str] = {}
    for brief_id in sorted(library.briefs):
        doc, hashes[brief_id] = brief_document(
            library, library.briefs[brief_id], by_brief.get(brief_id, [])
        )
        yield f"briefs/{brief_id}.json", _dumps(doc)
    for entity_id, doc in entity_documents(library, by_brief).items():
        yield f"entities/{entity_id}.json", _dumps(doc)
    yield CATALOG, _dumps(catalog_document(library, hashes))


def serialize(library: Library) -> dict[str, bytes]:
    """:func:`iter_files` as a mapping."""
    return dict(iter_files(library))
