"""Library → the store directory's files, deterministically (``brief build --check`` compares bytes).

Layout of a store directory (every ``.json`` file is a TinyDB database: table → doc id → document)::

    head.json             read at start: meta (schema, counts) and the newest brief's header
    catalog.json          read when the whole library is needed (Library, palette, list, search):
                          meta, brief headers (newest first), people, factions, and the small
                          indices (inverse relations, members)
    briefs/<id>.json      read when a brief opens: the brief, its article, events, mentions, hashes
    entities/<id>.json    an entity's head, read when a brief naming it or its page opens: its
                          record, members, inverse relations, the names of every id it refers to,
                          how many events and mentions it has, and how they are paged
    entities/<id>/events.<n>.json, mentions.<n>.json
                          its events (date order) and mention rows (brief order) across every
                          brief, ENTITY_PAGE to a file: a page reads only what it shows
    search/               the search engine's index (written by :mod:`tui.search`)

A store can also be named by a catalog file ``NAME.json``; its other files then live in ``NAME/``
beside it (the single-file layout's paths keep working).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from itertools import pairwise
from pathlib import Path
from typing import Any

import orjson

from ..model import SCHEMA_VERSION, Brief, Event, Faction, Library, Mention, Person, to_dict

try:  # hashlib's blake2b is this one; hashlib itself loads OpenSSL (~2 ms of start-up)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

CATALOG = "catalog.json"
HEAD = "head.json"
ENTITY_PAGE = 500  # events or mention rows to an entity page file


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
    return _digest_bytes(orjson.dumps(value, option=orjson.OPT_SORT_KEYS))


def _digest_bytes(data: bytes) -> str:
    return blake2b(data, digest_size=10).hexdigest()


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
    # The article (most of the file) serialised once, for the hash and the file: an Article holds
    # no mapping, only dataclasses (fields in class order either way), so its bytes are the same
    # with or without sorted keys
    article_bytes = orjson.dumps(article)
    brief_hash = _digest_bytes(
        b"["
        + orjson.dumps(brief, option=orjson.OPT_SORT_KEYS)
        + b","
        + article_bytes
        + b","
        + orjson.dumps(sorted(hashes.items()), option=orjson.OPT_SORT_KEYS)
        + b"]"
    )
    doc = {
        "brief": _table([brief]),
        "article": _table([orjson.Fragment(article_bytes)] if article is not None else []),
        "events": _table(events),
        "mentions": _table([{"rows": [mention_row(m) for m in mentions]}]),
        "hashes": _table([{"brief": brief_hash, "items": hashes}]),
    }
    return doc, brief_hash


def sort_key(brief: Brief) -> tuple[str, str]:
    """Newest first (sorted in reverse): a dateline without a year ("March 4", whose date key
    starts 9999) is not the newest brief but one of unknown date, listed last with the undated."""
    date = brief.dateline.date
    return (_dated(date.sort_key) if date else "", brief.title)


def _dated(key: str) -> str:
    return "" if key.startswith("9999") else key


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


def entity_rows(
    library: Library, mentions_by_brief: dict[str, list[Mention]]
) -> tuple[dict[str, list[Event]], dict[str, list[list[Any]]]]:
    """Every entity's events (in date order) and mention rows (in brief order)."""
    events: dict[str, list[Event]] = {}
    for event in library.events.values():
        for actor in event.actors:
            events.setdefault(actor, []).append(event)
    for found in events.values():
        found.sort(key=lambda e: (e.date.sort_key, e.id))
    rows: dict[str, list[list[Any]]] = {}
    for brief_id in sorted(mentions_by_brief):
        for m in mentions_by_brief[brief_id]:
            rows.setdefault(m.entity, []).append(
                [m.brief, m.field, m.start, m.end, m.sentence, m.text]
            )
    return events, rows


def entity_documents(
    library: Library, mentions_by_brief: dict[str, list[Mention]]
) -> dict[str, dict[str, Any]]:
    """For every person and faction: its events (in date order) and mention rows across briefs,
    as one document (the unpaged form: see :func:`entity_files` for the stored one)."""
    events, rows = entity_rows(library, mentions_by_brief)
    return {
        entity_id: entity_document(entity_id, events.get(entity_id, []), rows.get(entity_id, []))
        for entity_id in [*library.people, *library.factions]
    }


def entity_document(entity_id: str, events: list[Any], rows: list[list[Any]]) -> dict[str, Any]:
    """An entity's events and mention rows as one document (unpaged)."""
    return {
        "entity": _table([{"id": entity_id}]),
        "events": _table(events),
        "mentions": _table([{"rows": rows}]),
    }


def raw_entities(library: Library) -> tuple[dict[str, Any], dict[str, Any]]:
    """People and factions as stored (plain data, sorted by id): what :func:`entity_context`
    takes."""
    return (
        orjson.loads(orjson.dumps({k: library.people[k] for k in sorted(library.people)})),
        orjson.loads(orjson.dumps({k: library.factions[k] for k in sorted(library.factions)})),
    )


def entity_context(
    entity_id: str, people: dict[str, Any], factions: dict[str, Any], indices: dict[str, Any]
) -> dict[str, Any]:
    """What a brief's first screen and the entity's page need of it without the catalog: its
    record (as stored in the catalog), members, inverse relations (each with the relation as
    stored) and the name of every id these refer to. ``people``/``factions`` are stored records
    by id; ``indices`` is :func:`small_indices`' result (stored form)."""
    is_person = entity_id in people
    record = people[entity_id] if is_person else factions[entity_id]
    members = list(indices["members"].get(entity_id, []))
    incoming = []
    for source_id, attribute, number in indices["incoming"].get(entity_id, []):
        source = people.get(source_id) or factions.get(source_id)
        incoming.append([source_id, attribute, number, source[attribute][number]])
    refer: list[str] = [role["faction"] for role in record.get("roles", []) if role["faction"]]
    refer += [r["target"] for r in record.get("relations", [])]
    refer += [r["target"] for r in record.get("part_of", [])]
    refer += members + [item[0] for item in incoming]
    names = {}
    for other in sorted(set(refer)):
        found = people.get(other) or factions.get(other)
        if found is not None:
            names[other] = found["name"]
    return {
        "type": "person" if is_person else "faction",
        "record": record,
        "members": members,
        "incoming": incoming,
        "names": names,
    }


def sample_indices(total: int, most: int = 200) -> list[int]:
    """Which of ``total`` events (in date order) draw an entity's time axis: about ``most``,
    evenly spread, the first and the last always among them."""
    if total <= 0:
        return []
    step = max(1, total // most)
    return sorted({*range(0, total, step), total - 1})


def _field(item: Any, name: str) -> Any:
    return item[name] if isinstance(item, dict) else getattr(item, name)


def entity_files(
    entity_id: str,
    events: list[Any],
    rows: list[list[Any]],
    context: dict[str, Any],
    titles: dict[str, str] | None = None,
) -> list[tuple[str, bytes]]:
    """An entity's stored files: its head ``entities/<id>.json`` (context, counts, paging) and
    its pages ``entities/<id>/events.<n>.json`` / ``mentions.<n>.json`` of :data:`ENTITY_PAGE`
    items (each page also holds the titles of its events' or mentions' briefs, from ``titles``:
    brief id → title), and, with more than a page of events, ``sample.json``: the events that draw
    its time axis (:func:`sample_indices`). ``events`` in date order, ``rows`` ([brief, field,
    start, end, sentence, text]) in brief order; models or their stored form give the same
    bytes."""
    return entity_files_from(entity_id, events, rows, context, titles)


def entity_files_from(
    entity_id: str,
    events: list[Any] | None,
    rows: list[list[Any]],
    context: dict[str, Any],
    titles: Mapping[str, str] | None = None,
    *,
    first_page: int = 0,
    rows_before: int | None = None,
    sources_before: list[int] | None = None,
    event_count: int = 0,
) -> list[tuple[str, bytes]]:
    """:func:`entity_files` when some of the entity's stored pages are kept as they are (an
    incremental build): ``rows`` are the mention rows from page ``first_page`` on (the
    ``rows_before`` rows of the pages before it are kept; ``sources_before`` their counts of
    article mentions; ``rows`` empty and ``first_page`` past the last page: all kept), and
    ``events`` None keeps every events page (and the sample) of the ``event_count`` events.
    The files made are :func:`entity_files`' for the whole lists, less the kept pages."""
    titles = titles or {}
    sources_before = sources_before or []
    pages_of_rows = [rows[n : n + ENTITY_PAGE] for n in range(0, len(rows), ENTITY_PAGE)]
    head = {
        "id": entity_id,
        **context,
        "events": len(events) if events is not None else event_count,
        "mentions": (first_page * ENTITY_PAGE if rows_before is None else rows_before) + len(rows),
        "sources": [
            *sources_before,
            *(sum(1 for r in page if r[1] == "source") for page in pages_of_rows),
        ],
        "page": ENTITY_PAGE,
    }
    files = [(f"entities/{entity_id}.json", _dumps({"entity": _table([head])}))]
    for number, page_rows in enumerate(pages_of_rows, first_page):
        briefs = sorted({row[0] for row in page_rows})
        page = {
            "mentions": _table([{"rows": page_rows}]),
            "titles": _table([{b: titles[b] for b in briefs if b in titles}]),
        }
        files.append((f"entities/{entity_id}/mentions.{number}.json", _dumps(page)))
    if events is None:
        return files
    for number, start in enumerate(range(0, len(events), ENTITY_PAGE)):
        some = events[start : start + ENTITY_PAGE]
        briefs = sorted({_field(e, "brief") for e in some})
        page = {
            "events": _table(some),
            "titles": _table([{b: titles[b] for b in briefs if b in titles}]),
        }
        files.append((f"entities/{entity_id}/events.{number}.json", _dumps(page)))
    if len(events) > ENTITY_PAGE:
        sample = {"events": _table(events[n] for n in sample_indices(len(events)))}
        files.append((f"entities/{entity_id}/sample.json", _dumps(sample)))
    return files


def page_names(head_bytes: bytes) -> list[str]:
    """The page files (relative to the store directory) an entity's head file names."""
    head = orjson.loads(head_bytes)["entity"]["1"]
    entity_id, page = head["id"], head["page"]
    names = [
        f"entities/{entity_id}/{kind}.{number}.json"
        for kind in ("events", "mentions")
        for number in range(-(-head[kind] // page))
    ]
    if head["events"] > page:
        names.append(f"entities/{entity_id}/sample.json")
    return names


def read_entity(
    data: Path, entity_id: str, titles: dict[str, str] | None = None
) -> tuple[list[Any], list[list[Any]]] | None:
    """An entity's events and mention rows as stored in the store directory ``data`` (what
    :func:`entity_files` was given, as plain data); None when its files are missing or do not
    have the expected shape (an incremental build then falls back to a full one). ``titles``
    (brief id → title) gets the titles its pages hold."""
    try:
        head = orjson.loads((data / "entities" / f"{entity_id}.json").read_bytes())["entity"]["1"]
        page = head["page"]
        events: list[Any] = []
        for number in range(-(-head["events"] // page)):
            path = data / "entities" / entity_id / f"events.{number}.json"
            page_data = orjson.loads(path.read_bytes())
            events += page_data["events"].values()
            if titles is not None:
                titles.update(page_data["titles"]["1"])
        rows: list[list[Any]] = []
        for number in range(-(-head["mentions"] // page)):
            path = data / "entities" / entity_id / f"mentions.{number}.json"
            page_data = orjson.loads(path.read_bytes())
            rows += page_data["mentions"]["1"]["rows"]
            if titles is not None:
                titles.update(page_data["titles"]["1"])
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError, AttributeError):
        return None
    if len(events) != head["events"] or len(rows) != head["mentions"]:
        return None
    return events, rows


def read_entity_head(data: Path, entity_id: str) -> dict[str, Any] | None:
    """An entity's stored head (see :func:`entity_files`), or None."""
    try:
        head = orjson.loads((data / "entities" / f"{entity_id}.json").read_bytes())["entity"]["1"]
    except (OSError, orjson.JSONDecodeError, KeyError, TypeError):
        return None
    return head if isinstance(head, dict) else None


def entity_head_with(head: dict[str, Any], context: dict[str, Any]) -> tuple[str, bytes]:
    """An entity's head file with its context replaced (counts and paging kept): for entities
    whose record or relations changed while their mentions did not."""
    entity_id = head["id"]
    new = {
        "id": entity_id,
        **context,
        "events": head["events"],
        "mentions": head["mentions"],
        "sources": head["sources"],
        "page": head["page"],
    }
    return f"entities/{entity_id}.json", _dumps({"entity": _table([new])})


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


def head_document(catalog: dict[str, Any]) -> dict[str, Any]:
    """The head: the catalog's meta and its newest brief's header (what opening reads)."""
    newest = catalog["briefs"].get("1")
    return {"meta": catalog["meta"], "newest": _table([newest] if newest is not None else [])}


def catalog_files(catalog: dict[str, Any]) -> dict[str, bytes]:
    """The catalog's files: ``catalog.json`` and the head (``head.json``)."""
    return {HEAD: _dumps(head_document(catalog)), CATALOG: _dumps(catalog)}


def catalog_document(library: Library, hashes: dict[str, str]) -> dict[str, Any]:
    headers = [header(b, hashes[b.id]) for b in newest_first(library.briefs.values())]
    return catalog_from_parts(headers, library.people, library.factions, counts(library))


def header_order(raw: dict[str, Any]) -> tuple[tuple[str, str], str]:
    """:func:`newest_first`'s key, for a stored header (sort with ``reverse=True``)."""
    date = raw["dateline"].get("date")
    return ((_dated(date["sort_key"]) if date else "", raw["title"]), raw["id"])


def iter_files(library: Library) -> Iterator[tuple[str, bytes]]:
    """Every file of the store (path relative to the store directory, exact bytes), except the
    search index, one at a time (a 10,000-brief store is never all in memory); the head and the
    catalog, ``catalog.json``, come last."""
    by_brief: dict[str, list[Mention]] = {}
    for m in library.mentions:
        by_brief.setdefault(m.brief, []).append(m)
    hashes: dict[str, str] = {}
    for brief_id in sorted(library.briefs):
        doc, hashes[brief_id] = brief_document(
            library, library.briefs[brief_id], by_brief.get(brief_id, [])
        )
        yield f"briefs/{brief_id}.json", _dumps(doc)
    events, rows = entity_rows(library, by_brief)
    people, factions = raw_entities(library)
    titles = {b.id: b.title for b in library.briefs.values()}
    indices = orjson.loads(orjson.dumps(small_indices(library.people, library.factions)))
    for entity_id in [*library.people, *library.factions]:
        context = entity_context(entity_id, people, factions, indices)
        yield from entity_files(
            entity_id, events.get(entity_id, []), rows.get(entity_id, []), context, titles
        )
    catalog = catalog_files(catalog_document(library, hashes))
    yield HEAD, catalog[HEAD]
    yield CATALOG, catalog[CATALOG]


def serialize(library: Library) -> dict[str, bytes]:
    """:func:`iter_files` as a mapping."""
    return dict(iter_files(library))


# -- the catalog as bytes: an incremental build patches it without parsing it whole ---------------
# A document's start in a table: its number, then its id (the first field of every header, person
# and faction). Inside a JSON string every '"' is escaped, so this matches only between documents;
# the numbers must run 1, 2, 3… in each table (checked), which a stray match could not keep up.
_DOCUMENT = re.compile(rb',"(\d+)":\{"id":"([^"\\]*)"')  # a literal first: a fast search
_FIRST = re.compile(rb'\{"(1)":\{"id":"([^"\\]*)"')
_TABLES = (b'{"meta":', b',"briefs":{', b'},"people":{', b'},"factions":{', b'},"indices":')
TABLES = ("briefs", "people", "factions")


class CatalogParts:
    """A ``catalog.json`` as :func:`catalog_files` writes it, cut into its documents without
    parsing them (parsing the 10 MB of a 10,000-brief catalog costs ~0.1 s, a look for where its
    documents start ~0.03 s): an incremental build reads and replaces only the few it changes.
    Make one with :meth:`split`; :meth:`files` puts it back together (the head with it), byte for
    byte what :func:`catalog_files` makes of the same documents."""

    def __init__(self, data: bytes, spans: dict[str, tuple[list[str], list[int], list[int]]]):
        self._data = data
        self._spans = spans  # table → (ids, where each document's number starts, its end)
        self.order: dict[str, list[int | bytes]] = {t: list(range(len(spans[t][0]))) for t in spans}
        self.meta = data[len(_TABLES[0]) : data.find(_TABLES[1])]  # the meta table
        at = data.find(_TABLES[4])
        self.indices = data[at + len(_TABLES[4]) : -2]  # the indices table
        self._where = {t: {i: n for n, i in enumerate(spans[t][0])} for t in spans}

    @classmethod
    def split(cls, data: bytes) -> CatalogParts | None:
        """``data`` cut up; None when it is not laid out as this version writes it (the caller
        then parses it)."""
        at = [data.find(marker) for marker in _TABLES]
        if at[0] != 0 or not data.endswith(b"}\n") or any(b <= a for a, b in pairwise(at)):
            return None
        spans: dict[str, tuple[list[str], list[int], list[int]]] = {}
        for number, name in enumerate(TABLES, 1):
            # from the table's "{" (the first document's number follows it) to its "}"
            start, end = at[number] + len(_TABLES[number]) - 1, at[number + 1]
            ids: list[str] = []
            starts: list[int] = []
            first = _FIRST.match(data, start, end)
            for match in [first] if first else []:
                ids.append(match.group(2).decode())
                starts.append(match.start() + 1)
            for match in _DOCUMENT.finditer(data, start, end) if first else ():
                if int(match.group(1)) != len(ids) + 1:
                    return None
                ids.append(match.group(2).decode())
                starts.append(match.start() + 1)
            if (end > start + 1 and not ids) or len(set(ids)) != len(ids):
                return None
            spans[name] = (ids, starts, [s - 1 for s in starts[1:]] + [end])
        return cls(data, spans)

    def ids(self, table: str) -> list[str]:
        """The ids of a table's documents as stored (briefs newest first, the rest by id)."""
        return self._spans[table][0]

    def document(self, table: str, at: int | bytes) -> bytes:
        """A document's bytes: the ``at``-th as stored, or ``at`` itself (a new one)."""
        if isinstance(at, bytes):
            return at
        _, starts, ends = self._spans[table]
        start = self._data.index(b":", starts[at]) + 1
        return self._data[start : ends[at]]

    def find(self, table: str, doc_id: str) -> int | None:
        """Where the document of ``doc_id`` is stored in ``table`` (an index), or None."""
        return self._where[table].get(doc_id)

    def _table(self, table: str) -> bytes:
        _, starts, ends = self._spans[table]
        pieces: list[bytes] = []
        run: list[int] = []  # [first, last] of stored documents kept at their own number
        for number, at in enumerate(self.order[table]):
            if isinstance(at, int) and at == number:
                if run and run[1] == at - 1:
                    run[1] = at
                    continue
                if run:
                    pieces.append(self._data[starts[run[0]] : ends[run[1]]])
                run = [at, at]
                continue
            if run:
                pieces.append(self._data[starts[run[0]] : ends[run[1]]])
                run = []
            pieces.append(b'"%d":%s' % (number + 1, self.document(table, at)))
        if run:
            pieces.append(self._data[starts[run[0]] : ends[run[1]]])
        return b",".join(pieces)

    def files(self) -> dict[str, bytes]:
        """The catalog's files (as :func:`catalog_files`): ``head.json`` and ``catalog.json``."""
        catalog = b"".join(
            [
                _TABLES[0],
                self.meta,
                _TABLES[1],
                self._table("briefs"),
                _TABLES[2],
                self._table("people"),
                _TABLES[3],
                self._table("factions"),
                _TABLES[4],
                self.indices,
                b"}\n",
            ]
        )
        order = self.order["briefs"]
        newest = b'{"1":%s}' % self.document("briefs", order[0]) if order else b"{}"
        head = b'{"meta":%s,"newest":%s}\n' % (self.meta, newest)
        return {HEAD: head, CATALOG: catalog}


def meta_table(numbers: dict[str, int]) -> bytes:
    """The catalog's meta table (as :func:`catalog_from_parts` makes it), as bytes."""
    return orjson.dumps(
        _table([{"schema_version": SCHEMA_VERSION, "generator": "brief", "counts": numbers}])
    )
