"""The read-only store the reader and the command line use: loaded once, indexed in memory.

Opening a store parses the file once and keeps each table as ``id → raw document``; model objects
are built on first access and cached, and the secondary indices (by entity, inverse relations,
search) are built on first use, so start-up costs one JSON parse plus a dict per table.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..ingest.text import fold
from ..model import (
    RELATION_INVERSE,
    Article,
    Brief,
    Event,
    Faction,
    Mention,
    Person,
    Relation,
    from_dict,
)
from .tinyio import StoreError, read_tables

if TYPE_CHECKING:
    from ..search import Hit, SearchIndex

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Link:
    """A relation as seen from one entity: ``label`` reads "<entity> <label> <target>"."""

    label: str
    target: str
    relation: Relation
    inverse: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    kind: str  # brief | person | faction
    id: str
    name: str


class _Table(Generic[T]):
    """Raw documents by id, converted to model objects on first access."""

    def __init__(self, cls: type[T], documents: list[dict[str, Any]], key: str = "id") -> None:
        self._cls = cls
        self.raw: dict[str, dict[str, Any]] = {doc[key]: doc for doc in documents}
        self._cache: dict[str, T] = {}

    def get(self, item_id: str) -> T | None:
        value = self._cache.get(item_id)
        if value is None:
            raw = self.raw.get(item_id)
            if raw is None:
                return None
            value = self._cache[item_id] = from_dict(self._cls, raw)
        return value

    def __contains__(self, item_id: str) -> bool:
        return item_id in self.raw

    def __iter__(self) -> Iterator[T]:
        for item_id in self.raw:
            value = self.get(item_id)
            assert value is not None
            yield value

    def __len__(self) -> int:
        return len(self.raw)


class Store:
    def __init__(self, tables: dict[str, list[dict[str, Any]]], path: Path | None = None) -> None:
        """``tables`` maps each table name to its documents (see :mod:`tui.store.tinyio`)."""
        self.path = path
        self.meta: dict[str, Any] = (tables.get("meta") or [{}])[0]
        self._briefs = _Table(Brief, tables.get("briefs", []))
        self._articles = _Table(Article, tables.get("articles", []), key="brief")
        self._people = _Table(Person, tables.get("people", []))
        self._factions = _Table(Faction, tables.get("factions", []))
        self._events = _Table(Event, tables.get("events", []))
        self._mentions_raw = {d["brief"]: d["mentions"] for d in tables.get("mentions", [])}

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open a store file; raises :class:`StoreError` with a one-line message."""
        db = read_tables(path)
        tables = {name: db.table(name).all() for name in db.tables()}
        return cls(tables, path)

    # -- briefs ---------------------------------------------------------------------------------
    def briefs(self) -> list[Brief]:
        """Every brief, newest first."""

        def key(brief: Brief) -> tuple[str, str]:
            date = brief.dateline.date
            return (date.sort_key if date else "", brief.title)

        return sorted(self._briefs, key=key, reverse=True)

    def brief(self, brief_id: str) -> Brief | None:
        return self._briefs.get(brief_id)

    def article(self, brief_id: str) -> Article | None:
        return self._articles.get(brief_id)

    def events(self, brief_id: str) -> list[Event]:
        brief = self.brief(brief_id)
        if brief is None:
            return []
        return [e for e in (self._events.get(i) for i in brief.events) if e is not None]

    def event(self, event_id: str) -> Event | None:
        return self._events.get(event_id)

    def mentions(self, brief_id: str) -> list[Mention]:
        text = self._article_text(brief_id)
        return [self._mention(brief_id, row, text) for row in self._mentions_raw.get(brief_id, [])]

    def _article_text(self, brief_id: str) -> str:
        article = self.article(brief_id)
        return article.text if article else ""

    def _mention(self, brief_id: str, row: list[Any], article_text: str) -> Mention:
        entity, field_name, start, end, sentence = row
        text = article_text[start:end] if field_name == "source" else ""
        return Mention(entity, brief_id, field_name, start, end, text, sentence)

    # -- entities -------------------------------------------------------------------------------
    def person(self, entity_id: str) -> Person | None:
        return self._people.get(entity_id)

    def faction(self, entity_id: str) -> Faction | None:
        return self._factions.get(entity_id)

    def entity(self, entity_id: str) -> Person | Faction | None:
        return self._people.get(entity_id) or self._factions.get(entity_id)

    def people(self) -> list[Person]:
        return sorted(self._people, key=lambda p: p.name)

    def factions(self) -> list[Faction]:
        return sorted(self._factions, key=lambda f: f.name)

    def name_of(self, entity_id: str) -> str:
        entity = self.entity(entity_id)
        return entity.name if entity else entity_id

    def is_person(self, entity_id: str) -> bool:
        return entity_id in self._people

    @cached_property
    def _incoming(self) -> dict[str, list[tuple[str, Relation]]]:
        incoming: dict[str, list[tuple[str, Relation]]] = {}
        for entity in [*self._people, *self._factions]:
            relations = list(entity.relations)
            if isinstance(entity, Faction):
                relations += entity.part_of
            for relation in relations:
                incoming.setdefault(relation.target, []).append((entity.id, relation))
        return incoming

    def links(self, entity_id: str) -> list[Link]:
        """Relations from this entity and, read backwards, relations to it."""
        entity = self.entity(entity_id)
        if entity is None:
            return []
        links = [Link(r.kind, r.target, r) for r in entity.relations]
        if isinstance(entity, Faction):
            links += [Link("part-of", r.target, r) for r in entity.part_of]
        for source_id, relation in self._incoming.get(entity_id, []):
            label = RELATION_INVERSE.get(relation.kind, f"{relation.kind} (from)")
            links.append(Link(label, source_id, relation, inverse=True))
        return links

    @cached_property
    def _members(self) -> dict[str, list[str]]:
        members: dict[str, list[str]] = {}
        for person in self._people:
            for role in person.roles:
                if role.faction and person.id not in members.get(role.faction, []):
                    members.setdefault(role.faction, []).append(person.id)
        return members

    def members(self, faction_id: str) -> list[str]:
        """People holding a role in the faction, and factions that are part of it."""
        parts = [
            source for source, rel in self._incoming.get(faction_id, []) if rel.kind == "part-of"
        ]
        return [*self._members.get(faction_id, []), *parts]

    def factions_of(self, person_id: str) -> list[str]:
        person = self.person(person_id)
        if person is None:
            return []
        return list(dict.fromkeys(r.faction for r in person.roles if r.faction))

    @cached_property
    def _entity_events(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for event_id, raw in self._events.raw.items():
            for actor in raw["actors"]:
                index.setdefault(actor, []).append(event_id)
        return index

    def entity_events(self, entity_id: str) -> list[Event]:
        """The entity's events across every brief, in date order."""
        events = [self._events.get(i) for i in self._entity_events.get(entity_id, [])]
        return sorted((e for e in events if e), key=lambda e: (e.date.sort_key, e.id))

    def entity_mentions(self, entity_id: str) -> list[Mention]:
        found = []
        for brief_id, rows in self._mentions_raw.items():
            matching = [row for row in rows if row[0] == entity_id]
            if matching:
                text = self._article_text(brief_id)
                found += [self._mention(brief_id, row, text) for row in matching]
        return found

    # -- lookup and search ----------------------------------------------------------------------
    def candidates(self) -> Iterator[tuple[Candidate, list[str]]]:
        for brief in self._briefs:
            yield Candidate("brief", brief.id, brief.title), [brief.id, brief.title]
        for person in self._people:
            yield Candidate("person", person.id, person.name), [person.id, *person.names]
        for faction in self._factions:
            yield Candidate("faction", faction.id, faction.name), [faction.id, *faction.names]

    def find(self, target: str) -> list[Candidate]:
        """Briefs, people and factions whose id, name or alias is ``target`` (case- and
        accent-insensitive); failing that, those whose names contain all its words as prefixes."""
        wanted = fold(" ".join(target.split()))
        exact, partial = [], []
        words = wanted.split()
        for candidate, names in self.candidates():
            folded = [fold(name) for name in names]
            if wanted in folded:
                exact.append(candidate)
            elif words and any(
                all(any(w.startswith(q) for w in name.replace("-", " ").split()) for q in words)
                for name in folded
            ):
                partial.append(candidate)
        return exact or partial

    @cached_property
    def search_index(self) -> SearchIndex:
        """The search engine (tui.search); built in memory on first use until the store keeps
        a built index beside it."""
        from ..search.adapter import index_of_store

        return index_of_store(self)

    def search(self, query: str, limit: int = 50) -> list[Hit]:
        """Ranked hits; raises tui.search.QueryError for a malformed query."""
        return self.search_index.search(query, limit).hits


__all__ = ["Candidate", "Link", "Store", "StoreError"]
