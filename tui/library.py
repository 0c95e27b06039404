"""The user library, and reading it together with the store embedded in the package.

The **user library** lives in the platform data directory (``--data-dir`` / ``BRIEF_DATA_DIR``),
beside the user's notes, under ``library/``::

    <data dir>/library/content/{briefs,people,factions}/   drafted and edited Markdown
    <data dir>/library/seeds/                              the imported articles, verbatim
    <data dir>/library/store/                              the built store (never hand-edited)

``brief import`` writes there when the current directory is not a *project*: a directory that
holds a ``content/`` directory (the same ``./content`` that ``brief build`` and ``brief check``
read by default). ``--content DIR`` always chooses.

:class:`UnionStore` reads several stores as one, through the public API of
:class:`tui.store.Store`. Parts come in priority order (the user library first, the embedded
store last):

- a brief id is answered by the first part that holds it, so a brief in the user library hides
  an embedded brief with the same id (``brief list`` marks it "library, overrides embedded");
  ``brief import`` never creates such a clash (it picks an id no part uses);
- a person or faction in several parts (an import's stub of someone the embedded store knows)
  is one entity: the last part's record (the authored one) with the others' aliases, roles,
  relations and briefs added; its events and mentions are those of every part, each taken from
  the part that owns the brief.

Everything store-specific that the user library needs is in this module. No Textual import.
"""

from __future__ import annotations

import dataclasses
import heapq
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Brief, Event, Faction, Mention, Person, Relation, Role
from .store import Candidate, Link, Store, StoreError

EMBEDDED_STORE = Path(__file__).parent / "data" / "store"  # the store shipped in the package

LIBRARY_DIR = "library"
EMBEDDED = "embedded"
LIBRARY = "library"


# -- where things are ---------------------------------------------------------------------------
@dataclass(frozen=True)
class UserLibrary:
    """The user's own library under the data directory: its content and its built store."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def seeds(self) -> Path:
        return self.root / "seeds"

    @property
    def store(self) -> Path:
        return self.root / "store"

    def built(self) -> bool:
        return self.store.exists()

    def create(self) -> None:
        """Make the folders an import writes into (raises OSError)."""
        for folder in ("briefs", "people", "factions"):
            (self.content / folder).mkdir(parents=True, exist_ok=True)
        self.seeds.mkdir(parents=True, exist_ok=True)

    def brief_file(self, brief_id: str) -> Path:
        return self.content / "briefs" / f"{brief_id}.md"


def user_library(data_dir: Path | None = None) -> UserLibrary:
    """The user library under ``data_dir`` (default: ``BRIEF_DATA_DIR`` or the platform's)."""
    from .userdata import default_data_dir

    return UserLibrary((data_dir if data_dir is not None else default_data_dir()) / LIBRARY_DIR)


def project_content(cwd: Path | None = None) -> Path | None:
    """``./content`` when the current directory is a project (it holds a ``content/``
    directory), else None."""
    content = (cwd if cwd is not None else Path()) / "content"
    return content if content.is_dir() else None


# -- building -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Built:
    """What a build of the user's library wrote: counts, and briefs rebuilt if incremental."""

    briefs: int
    people: int
    factions: int
    rebuilt: int | None  # briefs rebuilt by an incremental build; None for a full build


def build(content: Path, target: Path) -> Built:
    """Build ``content`` into the store ``target`` — incrementally where the store's build cache
    allows (only changed briefs and the entities they name) — and raise
    ``tui.ingest.BuildFailed`` (the previous store is left untouched), ``StoreError`` or
    OSError."""
    from .store.build import build_store

    result = build_store(content, target)
    rebuilt = result.rebuilt if result.incremental else None
    return Built(result.briefs, result.people, result.factions, rebuilt)


def build_library(library: UserLibrary) -> Built:
    """Rebuild the user library's store from its content."""
    library.create()
    return build(library.content, library.store)


# -- reading several stores as one --------------------------------------------------------------
def _key(header: Any) -> tuple[str, str, str]:
    """The stores' newest-first order (tui.store.writer.sort_key): a yearless date sorts with
    the undated."""
    date = header.dateline.date
    key = date.sort_key if date and not date.sort_key.startswith("9999") else ""
    return (key, header.title, header.id)


class _UnionHeaders(Sequence[Any]):
    """A union's briefs before they are merged: the first from the parts' newest (what the
    reader's first screen asks), anything else merges them."""

    def __init__(self, union: UnionStore) -> None:
        self._union = union

    def __len__(self) -> int:
        return len(self._union._merged())

    def __getitem__(self, index: Any) -> Any:
        if index == 0 and self._union._briefs is None:
            return self._union.newest()
        return self._union._merged()[index]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._union._merged())


class _Merged(Sequence[Any]):
    """``base`` (newest first, possibly lazy) with a few headers slotted in and a few left out,
    without materialising ``base``."""

    def __init__(self, base: Sequence[Any], extra: list[Any], skip: set[str]) -> None:
        self._base = base
        pieces: list[tuple[str, Any]] = []  # ("base", (start, stop)) | ("one", header)
        cut = sorted({*(self._position(h) for h in extra), *self._skipped(skip)})
        inserts: dict[int, list[Any]] = {}
        for header in extra:
            inserts.setdefault(self._position(header), []).append(header)
        skipped = set(self._skipped(skip))
        start = 0
        for at in cut:
            if at > start:
                pieces.append(("base", (start, at)))
            for header in sorted(inserts.get(at, []), key=_key, reverse=True):
                pieces.append(("one", header))
            start = at + 1 if at in skipped else at
        if start < len(base):
            pieces.append(("base", (start, len(base))))
        self._pieces = pieces
        self._offsets: list[int] = []
        total = 0
        for kind, value in pieces:
            self._offsets.append(total)
            total += value[1] - value[0] if kind == "base" else 1
        self._len = total

    def _position(self, header: Any) -> int:
        """Where ``header`` goes in ``base``: before the first item older than it."""
        key, lo, hi = _key(header), 0, len(self._base)
        while lo < hi:
            mid = (lo + hi) // 2
            if _key(self._base[mid]) > key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _skipped(self, skip: set[str]) -> list[int]:
        found = []
        for index, header in enumerate(self._base) if skip else ():
            if header.id in skip:
                found.append(index)
                if len(found) == len(skip):
                    break
        return found

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(self._len)[index]]
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError(index)
        piece = bisect_right(self._offsets, index) - 1
        kind, value = self._pieces[piece]
        if kind == "one":
            return value
        return self._base[value[0] + index - self._offsets[piece]]

    def __iter__(self) -> Iterator[Any]:
        for kind, value in self._pieces:
            if kind == "one":
                yield value
            else:
                for i in range(*value):
                    yield self._base[i]


def _merge_entity(records: list[Person | Faction]) -> Person | Faction:
    """One record for an entity several stores hold: the last (authored) one, with what the
    others add (a role or relation it already has, by title and faction or kind and target, is
    not repeated)."""
    base = records[-1]
    extra = records[:-1]

    def same(value: Any) -> Any:
        if isinstance(value, Role):
            return ("role", value.title.casefold(), value.faction)
        if isinstance(value, Relation):
            return ("relation", value.kind, value.target)
        return value.casefold() if isinstance(value, str) else value

    def combined(name: str) -> tuple[Any, ...]:
        values = list(getattr(base, name))
        seen = {same(v) for v in values}
        for record in extra:
            for value in getattr(record, name):
                if same(value) not in seen:
                    seen.add(same(value))
                    values.append(value)
        return tuple(values)

    changes: dict[str, Any] = {
        "aliases": tuple(a for a in combined("aliases") if a.casefold() != base.name.casefold()),
        "relations": combined("relations"),
        "briefs": combined("briefs"),
    }
    if isinstance(base, Person):
        changes["roles"] = combined("roles")
    else:
        changes["part_of"] = combined("part_of")
    return dataclasses.replace(base, **changes)


class UnionStore:
    """Several stores read as one (see the module's docstring); ``parts`` is a list of
    ``(origin, store)`` in priority order."""

    def __init__(self, parts: list[tuple[str, Store]]) -> None:
        if not parts:
            raise ValueError("a union needs at least one store")
        self.parts = parts
        self.stores = [store for _, store in parts]
        self.path = self.stores[-1].path
        self._entities: dict[str, Person | Faction | None] = {}
        self._briefs: Sequence[Any] | None = None
        self._hides: bool | None = None
        self._folded: list[Any] | None = None  # Store.find's folded names

    # -- which part owns what -------------------------------------------------------------------
    def owner(self, brief_id: str) -> Store | None:
        for store in self.stores:
            if store.has_brief(brief_id):
                return store
        return None

    def origin(self, brief_id: str) -> str | None:
        """Where the brief comes from ("library", "embedded" or a store path)."""
        for origin, store in self.parts:
            if store.has_brief(brief_id):
                return origin
        return None

    def overridden(self, brief_id: str) -> list[str]:
        """The origins of briefs with this id that the one shown hides."""
        found = [origin for origin, store in self.parts if store.has_brief(brief_id)]
        return found[1:]

    def _owned(self, store: Store, brief_id: str) -> bool:
        return self.owner(brief_id) is store

    # -- briefs ---------------------------------------------------------------------------------
    def briefs(self) -> Sequence[Any]:
        """Every brief, newest first; a brief hidden by another part's is left out (the newest
        is found from each part's newest, without reading every part's catalog)."""
        return self._merged() if self._briefs is not None else _UnionHeaders(self)

    def newest(self) -> Any:
        """The newest brief's header, from each part's newest (the parts' catalogs are read
        only when a part's newest is hidden by another part's brief)."""
        found = []
        for number, store in enumerate(self.stores):
            listed = store.briefs()
            if not len(listed):
                continue
            header = listed[0]
            if any(s.has_brief(header.id) for s in self.stores[:number]):
                return self._merged()[0]  # hidden: the merge knows what comes next
            found.append(header)
        if not found:
            return self._merged()[0]
        return max(found, key=_key)

    def _merged(self) -> Sequence[Any]:
        if self._briefs is None:
            merged: Sequence[Any] = self.stores[-1].briefs()
            later = [self.stores[-1]]
            for store in reversed(self.stores[:-1]):
                extra = list(store.briefs())
                hidden = {b.id for b in extra if any(s.has_brief(b.id) for s in later)}
                merged = _Merged(merged, extra, hidden)
                later.append(store)
            self._briefs = merged
        return self._briefs

    def brief(self, brief_id: str) -> Brief | None:
        store = self.owner(brief_id)
        return store.brief(brief_id) if store else None

    def article(self, brief_id: str) -> Any:
        store = self.owner(brief_id)
        return store.article(brief_id) if store else None

    def events(self, brief_id: str) -> list[Event]:
        store = self.owner(brief_id)
        return store.events(brief_id) if store else []

    def event(self, event_id: str) -> Event | None:
        for store in self.stores:
            event = store.event(event_id)
            if event is not None and self._owned(store, event.brief):
                return event
        return None

    def mentions(self, brief_id: str) -> list[Mention]:
        store = self.owner(brief_id)
        return store.mentions(brief_id) if store else []

    def __len__(self) -> int:
        return len(self.briefs())

    def title_of(self, brief_id: str) -> str:
        store = self.owner(brief_id)
        return store.title_of(brief_id) if store else brief_id  # type: ignore[attr-defined]

    def header(self, brief_id: str) -> Any:
        store = self.owner(brief_id)
        return store.header(brief_id) if store else None  # type: ignore[attr-defined]

    def brief_hash(self, brief_id: str) -> str | None:
        store = self.owner(brief_id)
        return store.brief_hash(brief_id) if store else None  # type: ignore[attr-defined]

    def item_hashes(self, brief_id: str) -> dict[str, str]:
        store = self.owner(brief_id)
        return store.item_hashes(brief_id) if store else {}  # type: ignore[attr-defined]

    def sentence_start(self, brief_id: str, sentence_id: str) -> int:
        store = self.owner(brief_id)
        return store.sentence_start(brief_id, sentence_id) if store else 0  # type: ignore[attr-defined]

    def sentence_text(self, brief_id: str, sentence_id: str) -> str | None:
        store = self.owner(brief_id)
        return store.sentence_text(brief_id, sentence_id) if store else None  # type: ignore[attr-defined]

    # -- entities -------------------------------------------------------------------------------
    def _holders(self, entity_id: str) -> list[Store]:
        return [s for s in self.stores if s.entity(entity_id) is not None]

    def entity(self, entity_id: str) -> Person | Faction | None:
        if entity_id not in self._entities:
            records = [r for r in (s.entity(entity_id) for s in self.stores) if r is not None]
            kinds = {type(r) for r in records}
            if len(kinds) > 1:  # a person here, a faction there: the authored one counts
                records = [r for r in records if type(r) is type(records[-1])]
            self._entities[entity_id] = (
                None if not records else records[0] if len(records) == 1 else _merge_entity(records)
            )
        return self._entities[entity_id]

    def person(self, entity_id: str) -> Person | None:
        found = self.entity(entity_id)
        return found if isinstance(found, Person) else None

    def faction(self, entity_id: str) -> Faction | None:
        found = self.entity(entity_id)
        return found if isinstance(found, Faction) else None

    def _all(self, kind: Callable[[Store], list[Any]]) -> list[Any]:
        ids: dict[str, None] = {}
        for store in self.stores:
            ids.update((item.id, None) for item in kind(store))
        found = [self.entity(i) for i in ids]
        return sorted((f for f in found if f is not None), key=lambda e: e.name)

    def people(self) -> list[Person]:
        return [p for p in self._all(lambda s: s.people()) if isinstance(p, Person)]

    def factions(self) -> list[Faction]:
        return [f for f in self._all(lambda s: s.factions()) if isinstance(f, Faction)]

    def name_of(self, entity_id: str) -> str:
        entity = self.entity(entity_id)
        return entity.name if entity else entity_id

    def is_person(self, entity_id: str) -> bool:
        return isinstance(self.entity(entity_id), Person)

    def links(self, entity_id: str) -> list[Link]:
        found: list[Link] = []
        for store in reversed(self._holders(entity_id) or self.stores[-1:]):
            found += [link for link in store.links(entity_id) if link not in found]
        return found

    def members(self, faction_id: str) -> list[str]:
        found: dict[str, None] = {}
        for store in reversed(self.stores):
            found.update((m, None) for m in store.members(faction_id))
        return list(found)

    def factions_of(self, person_id: str) -> list[str]:
        person = self.person(person_id)
        if person is None:
            return []
        return list(dict.fromkeys(r.faction for r in person.roles if r.faction))

    def entity_events(self, entity_id: str, *args: Any) -> list[Event]:
        single = self._single(entity_id)
        if single is not None:
            return single.entity_events(entity_id, *args)
        events = [
            e
            for store in self._holders(entity_id)
            for e in store.entity_events(entity_id)
            if self._owned(store, e.brief)
        ]
        events.sort(key=lambda e: (e.date.sort_key, e.id))
        return events[slice(*args)] if args else events

    def _single(self, entity_id: str) -> Store | None:
        """The one part to ask about an entity, when its answers need no merging."""
        holders = self._holders(entity_id)
        if len(holders) == 1 and holders[0] is self.stores[-1] and not self._hiding():
            return holders[0]
        return None

    def entity_timeline(self, entity_id: str) -> list[Any]:
        single = self._single(entity_id)
        if single is not None:
            return single.entity_timeline(entity_id)  # type: ignore[attr-defined]
        return [(e.brief, e.date, e.text) for e in self.entity_events(entity_id)]

    def entity_event_sample(self, entity_id: str) -> list[Event]:
        single = self._single(entity_id)
        if single is not None:
            return single.entity_event_sample(entity_id)  # type: ignore[attr-defined]
        from .store.writer import sample_indices

        events = self.entity_events(entity_id)
        return [events[n] for n in sample_indices(len(events))]

    def entity_event_sample_keys(self, entity_id: str) -> list[str]:
        single = self._single(entity_id)
        if single is not None:
            return single.entity_event_sample_keys(entity_id)  # type: ignore[attr-defined]
        return [event.date.sort_key for event in self.entity_event_sample(entity_id)]

    def brief_ids(self) -> list[str]:
        return [b.id for b in self.briefs()]

    def has_brief(self, brief_id: str) -> bool:
        return self.owner(brief_id) is not None

    def preload(self, search: bool = False) -> None:
        for store in self.stores:
            store.preload(search)

    @property
    def loaded(self) -> bool:
        return all(store.loaded for store in self.stores)

    def entity_event_count(self, entity_id: str) -> int:
        single = self._single(entity_id)
        if single is not None:
            return single.entity_event_count(entity_id)  # type: ignore[attr-defined]
        return len(self.entity_events(entity_id))

    def entity_mention_rows(
        self, entity_id: str, start: int = 0, stop: int | None = None, *, source: bool = False
    ) -> list[Any]:
        single = self._single(entity_id)
        if single is not None:
            return single.entity_mention_rows(entity_id, start, stop, source=source)  # type: ignore[attr-defined]
        rows = [
            row
            for store in self._holders(entity_id)
            for row in store.entity_mention_rows(entity_id, source=source)  # type: ignore[attr-defined]
            if self._owned(store, row.brief)
        ]
        return rows[start:stop]

    def entity_mention_count(self, entity_id: str, *, source: bool = False) -> int:
        single = self._single(entity_id)
        if single is not None:
            return single.entity_mention_count(entity_id, source=source)  # type: ignore[attr-defined]
        return len(self.entity_mention_rows(entity_id, source=source))

    def entity_events_stored(self, entity_id: str) -> list[dict[str, Any]]:
        single = self._single(entity_id)
        if single is not None:
            return single.entity_events_stored(entity_id)  # type: ignore[attr-defined]
        events = [
            e
            for store in self._holders(entity_id)
            for e in store.entity_events_stored(entity_id)  # type: ignore[attr-defined]
            if self._owned(store, e.get("brief", ""))
        ]
        events.sort(key=lambda e: ((e.get("date") or {}).get("sort_key", ""), e.get("id", "")))
        return events

    def entity_mention_summary(self, entity_id: str) -> list[tuple[str, int, list[str]]]:
        single = self._single(entity_id)
        if single is not None:
            return single.entity_mention_summary(entity_id)  # type: ignore[attr-defined]
        return [
            row
            for store in self._holders(entity_id)
            for row in store.entity_mention_summary(entity_id)  # type: ignore[attr-defined]
            if self._owned(store, row[0])
        ]

    def entity_mentions(self, entity_id: str) -> list[Mention]:
        return [
            m
            for store in self._holders(entity_id)
            for m in store.entity_mentions(entity_id)
            if self._owned(store, m.brief)
        ]

    def _hiding(self) -> bool:
        """Whether any brief of the last part is hidden by another part's."""
        if self._hides is None:
            last = self.stores[-1]
            self._hides = any(last.has_brief(b.id) for s in self.stores[:-1] for b in s.briefs())
        return self._hides

    # -- lookup and search ----------------------------------------------------------------------
    def candidates(self) -> Iterator[tuple[Candidate, list[str]]]:
        """Each part's candidates once; only an entity several parts hold is merged (the rest
        pass through without being built)."""
        seen: set[tuple[str, str]] = set()
        for store in self.stores:
            others = [s for s in self.stores if s is not store]
            for candidate, names in store.candidates():
                key = (candidate.kind, candidate.id)
                if key in seen:
                    continue
                seen.add(key)
                if candidate.kind != "brief" and any(o.entity(candidate.id) for o in others):
                    entity = self.entity(candidate.id)
                    if entity is not None:
                        names = [entity.id, entity.name, *entity.aliases]
                        candidate = Candidate(candidate.kind, entity.id, entity.name)
                yield candidate, names

    def find(self, target: str) -> list[Candidate]:
        return Store.find(self, target)  # type: ignore[arg-type]  # uses only candidates()

    def search(self, query: str, limit: int = 50) -> list[Any]:
        """Every part's hits, best first; a hit in a hidden brief is dropped."""
        return _union_hits(self, [(s, s.search(query, limit)) for s in self.stores], limit)

    @property
    def search_index(self) -> _UnionSearch:
        return _UnionSearch(self)


def _union_hits(union: UnionStore, found: list[tuple[Store, list[Any]]], limit: int) -> list[Any]:
    """The parts' hits as one ranking: a hit on a brief another part hides is dropped, and a
    person or faction several parts hold is listed once, as the authored record's hit (the last
    part's) ranked by the best score any part gave it."""
    best: dict[tuple[str, str], Any] = {}
    source: dict[tuple[str, str], int] = {}
    for index, (store, hits) in reversed(list(enumerate(found))):
        for hit in hits:
            brief = hit.brief or (hit.id if hit.kind == "brief" else None)
            if brief is not None and not union._owned(store, brief):
                continue
            key = (hit.kind, hit.id)
            kept = best.get(key)
            if kept is None:
                best[key] = hit
                source[key] = index
            elif hit.score > kept.score:
                best[key] = dataclasses.replace(kept, score=hit.score)
    ranked = heapq.nlargest(limit, best.values(), key=lambda h: h.score)
    return [_authored_snippet(union, hit, found, source[(hit.kind, hit.id)]) for hit in ranked]


def _authored_snippet(union: UnionStore, hit: Any, found: list[Any], index: int) -> Any:
    """A person's or faction's hit that only a stub's part returned (the authored part holds the
    entity but ranked other hits above it) shows the authored record's text, not the stub's."""
    if hit.kind not in ("person", "faction") or index == len(found) - 1:
        return hit
    if not any(store.entity(hit.id) is not None for store, _ in found[index + 1 :]):
        return hit
    entity = union.entity(hit.id)
    if entity is None:
        return hit
    snippet = " ".join(
        (entity.bio if isinstance(entity, Person) else entity.description).text.split()
    )
    if not snippet:
        return hit
    if len(snippet) > 160:
        snippet = snippet[:159].rsplit(" ", 1)[0] + "…"
    return dataclasses.replace(hit, snippet=snippet, highlights=())


class _UnionSearch:
    """The search engine's interface (``search_index``) over every part's index."""

    def __init__(self, union: UnionStore) -> None:
        self._union = union

    def search(self, query: str, limit: int = 50, **options: Any) -> Any:
        results = [(s, s.search_index.search(query, limit, **options)) for s in self._union.stores]
        hits = _union_hits(self._union, [(s, r.hits) for s, r in results], limit)
        suggestion = next((r.suggestion for _, r in results if r.suggestion), None)
        total = sum(r.total for _, r in results)
        return dataclasses.replace(results[-1][1], hits=hits, suggestion=suggestion, total=total)

    def suggest(self, word: str) -> str | None:
        return next(
            (found for s in self._union.stores if (found := s.search_index.suggest(word))), None
        )


def open_union(embedded: Path, library: UserLibrary) -> Store | UnionStore:
    """The embedded store read together with the user library's (when it has been built);
    raises :class:`tui.store.StoreError`."""
    store = Store.open(embedded)
    if not library.built():
        return store
    fix = f"rebuild your library: `brief build {library.content} -o {library.store}`"
    try:
        mine = Store.open(library.store)
    except StoreError as error:
        raise StoreError(f"{str(error).split(' — ')[0]} — {fix}") from None
    mine.fix = fix  # for what is read later (the catalog, a brief's file)
    if not mine.briefs():
        return store
    return UnionStore([(LIBRARY, mine), (EMBEDDED, store)])


def origin_of(store: Store | UnionStore, brief_id: str, single: str) -> str:
    """Where a brief comes from; ``single`` names a store that is not a union."""
    if isinstance(store, UnionStore):
        found = store.origin(brief_id) or single
        hidden = store.overridden(brief_id)
        return f"{found}, overrides {', '.join(hidden)}" if hidden else found
    return single
