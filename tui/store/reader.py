"""The read-only store the reader and the command line use.

Opening a store reads only its catalog (brief headers, people, factions, small indices); a brief's
article, events and mentions are read from its own file when it is first asked for, and an entity's
events and mentions across every brief from the entity's file. Indices are computed at build time
(:mod:`tui.store.writer`), so opening builds nothing. Layers run one way: catalog → brief data →
entity indices → search; this module imports the search engine only when a search is made.
"""

from __future__ import annotations

import gc
import re
import threading
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, overload

from ..ingest.text import fold
from ..model import (
    RELATION_INVERSE,
    SCHEMA_VERSION,
    Article,
    Brief,
    Dateline,
    DateValue,
    Event,
    Faction,
    Library,
    Mention,
    Person,
    Relation,
)
from .shape import ShapeError, StoreError, load, read_json, rebuild_hint
from .writer import CATALOG, ENTITY_PAGE, HEAD, sample_indices, store_paths

T = TypeVar("T")
BRIEF_CACHE = 64  # brief files kept parsed; older ones are read again when asked for
PAGE_CACHE = 64  # entity page files kept parsed


@dataclass(frozen=True, slots=True)
class Link:
    """A relation as seen from one entity: ``label`` reads "<entity> <label> <target>"."""

    label: str
    target: str
    relation: Relation
    inverse: bool = False


@dataclass(frozen=True, slots=True)
class Candidate:
    """A brief, person or faction that a name or id given on the command line could mean."""

    kind: str  # brief | person | faction
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class BriefHeader:
    """What the library lists of a brief; :meth:`Store.brief` gives the whole brief."""

    id: str
    title: str
    dateline: Dateline
    outlet: str | None
    tags: tuple[str, ...]
    events: int  # how many History events (the brief file holds them)
    source_path: str
    hash: str


@dataclass(frozen=True, slots=True)
class MentionRow:
    """One mention as the entity index keeps it: no article needed to list it."""

    brief: str
    field: str
    start: int
    end: int
    sentence: str | None
    text: str


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _date(raw: Any) -> DateValue | None:
    if raw is None:
        return None
    return DateValue(
        raw["text"],
        raw["precision"],
        raw["sort_key"],
        raw.get("resolved"),
        raw.get("inferred", False),
    )


def _date_ok(raw: Any) -> bool:
    return raw is None or (
        isinstance(raw, dict)
        and isinstance(raw.get("text"), str)
        and isinstance(raw.get("precision"), str)
        and isinstance(raw.get("sort_key"), str)
        and isinstance(raw.get("resolved"), str | None)
        and isinstance(raw.get("inferred", False), bool)
    )


_TEXT_OR_NONE = (str, type(None))


def _header_fine(doc: Any) -> bool:
    """:func:`_header_problem` finds nothing: the same checks, fast (10,000 headers at open)."""
    if type(doc) is not dict:
        return False
    get = doc.get
    dateline, tags, date = get("dateline"), get("tags"), None
    if not (
        type(get("id")) is str
        and type(get("title")) is str
        and type(get("source_path")) is str
        and type(get("hash")) is str
        and type(get("events")) is int
        and type(get("outlet")) in _TEXT_OR_NONE
        and type(dateline) is dict
        and type(dateline.get("place")) in _TEXT_OR_NONE
        and type(tags) is list
    ):
        return False
    for tag in tags:
        if type(tag) is not str:
            return False
    date = dateline.get("date")
    return date is None or (
        type(date) is dict
        and type(date.get("text")) is str
        and type(date.get("precision")) is str
        and type(date.get("sort_key")) is str
        and type(date.get("resolved")) in _TEXT_OR_NONE
        and type(date.get("inferred", False)) is bool
    )


def _header_problem(doc: Any) -> str | None:
    if _header_fine(doc):
        return None
    if not isinstance(doc, dict):
        return f"a brief that is {type(doc).__name__}, not a mapping"
    for key in ("id", "title", "source_path", "hash"):
        if not isinstance(doc.get(key), str):
            return f"brief field {key!r} is missing or not text"
    dateline = doc.get("dateline")
    if not isinstance(dateline, dict) or not isinstance(dateline.get("place"), str | None):
        return f"brief {doc['id']!r} has a bad dateline"
    if not _date_ok(dateline.get("date")):
        return f"brief {doc['id']!r} has a bad date"
    if not isinstance(doc.get("outlet"), str | None):
        return f"brief {doc['id']!r} has a bad outlet"
    if not _is_str_list(doc.get("tags")):
        return f"brief {doc['id']!r} field 'tags' is not a list of texts"
    if not _is_int(doc.get("events")):
        return f"brief {doc['id']!r} field 'events' is not a number"
    return None


def _entity_problem(doc: Any, kind: str) -> str | None:
    if not isinstance(doc, dict):
        return f"a {kind} that is {type(doc).__name__}, not a mapping"
    if not isinstance(doc.get("id"), str) or not isinstance(doc.get("name"), str):
        return f"a {kind} without a text id and name"
    if not _is_str_list(doc.get("aliases", [])):
        return f"{kind} {doc['id']!r} has aliases that are not a list of texts"
    return None


def _documents(data: dict[str, Any], table: str) -> list[Any]:
    """A TinyDB table's documents in document-id order."""
    value = data.get(table, {})
    if not isinstance(value, dict):
        raise ShapeError(f"table {table!r} is {type(value).__name__}, not a mapping")
    try:
        keys = sorted(value, key=int)
    except ValueError:
        raise ShapeError(f"table {table!r} has a document id that is not a number") from None
    return [value[key] for key in keys]


class _HeaderList(Sequence[BriefHeader]):
    """The brief headers, newest first, each made on first access."""

    def __init__(self, raw: list[dict[str, Any]]) -> None:
        self._raw = raw
        self._made: list[BriefHeader | None] = [None] * len(raw)

    def __len__(self) -> int:
        return len(self._raw)

    def _make(self, index: int) -> BriefHeader:
        made = self._made[index]
        if made is None:
            raw = self._raw[index]
            dateline = raw["dateline"]
            made = self._made[index] = BriefHeader(
                raw["id"],
                raw["title"],
                Dateline(dateline.get("place"), _date(dateline.get("date"))),
                raw.get("outlet"),
                tuple(raw["tags"]),
                raw["events"],
                raw["source_path"],
                raw["hash"],
            )
        return made

    @overload
    def __getitem__(self, index: int) -> BriefHeader: ...
    @overload
    def __getitem__(self, index: slice) -> list[BriefHeader]: ...
    def __getitem__(self, index: int | slice) -> BriefHeader | list[BriefHeader]:
        if isinstance(index, slice):
            return [self._make(i) for i in range(len(self._raw))[index]]
        if index < 0:
            index += len(self._raw)
        if not 0 <= index < len(self._raw):
            raise IndexError(index)
        return self._make(index)

    def __iter__(self) -> Iterator[BriefHeader]:
        for index in range(len(self._raw)):
            yield self._make(index)


class _Entities(Generic[T]):
    """Raw people or factions by id, converted (and type-checked) on first access."""

    def __init__(self, cls: type[T], raw: dict[str, dict[str, Any]], where: Path) -> None:
        self._cls = cls
        self.raw = raw
        self._where = where
        self._cache: dict[str, T] = {}

    def get(self, item_id: str) -> T | None:
        value = self._cache.get(item_id)
        if value is None:
            raw = self.raw.get(item_id)
            if raw is None:
                return None
            try:
                value = self._cache[item_id] = load(self._cls, raw, item_id)
            except ShapeError as error:
                raise StoreError(
                    f"{self._where} is damaged: {error} — {rebuild_hint(self._where)}"
                ) from None
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


class _EntityData:
    """An entity's head (counts, paging) with its events and mention rows read page by page."""

    def __init__(self, store: Store, name: str, head: dict[str, Any] | None) -> None:
        self._store = store
        self.name = name  # the head's file name, for messages
        self.entity_id = name[len("entities/") : -len(".json")]
        self.event_count = head["events"] if head else 0
        self.row_count = head["mentions"] if head else 0
        self.page = head["page"] if head else ENTITY_PAGE
        sources = head["sources"] if head else []
        self._source_starts = [0]
        for count in sources:
            self._source_starts.append(self._source_starts[-1] + count)
        self.source_count = self._source_starts[-1]

    def _damaged(self, problem: str) -> StoreError:
        return self._store._damaged(self.name, problem)

    def _page(self, kind: str, number: int) -> list[Any]:
        """One page of ``events`` or ``mentions`` (raw, length checked), cached."""
        key = (self.entity_id, kind, number)
        cache = self._store._page_cache
        found = cache.get(key)
        if found is not None:
            cache.move_to_end(key)
            return found
        total = self.event_count if kind == "events" else self.row_count
        expected = min(self.page, total - number * self.page)
        name = f"entities/{self.entity_id}/{kind}.{number}.json"
        data = self._store._read(name, "entity index")
        try:
            if not isinstance(data, dict):
                raise ShapeError("not a mapping")
            if kind == "events":
                found = _documents(data, "events")
            else:
                found = _single(data, "mentions").get("rows")
                if not isinstance(found, list):
                    raise ShapeError("mentions are not a list")
            titles = _documents(data, "titles")
            if titles:
                if not isinstance(titles[0], dict) or not all(
                    isinstance(t, str) for t in titles[0].values()
                ):
                    raise ShapeError("the titles are not a mapping of texts")
                self._store._titles.update(titles[0])
            if len(found) != expected:
                raise ShapeError(f"it holds {len(found)} {kind}, its head says {expected}")
        except ShapeError as error:
            raise self._store._damaged(name, str(error)) from None
        cache[key] = found
        if len(cache) > PAGE_CACHE:
            cache.popitem(last=False)
        return found

    def _slice(self, kind: str, total: int, start: int, stop: int | None) -> list[Any]:
        first, last, _step = slice(start, stop).indices(total)
        found: list[Any] = []
        if first >= last:
            return found
        for number in range(first // self.page, (last - 1) // self.page + 1):
            base = number * self.page
            found += self._page(kind, number)[max(0, first - base) : last - base]
        return found

    def raw_events(self, start: int = 0, stop: int | None = None) -> list[Any]:
        return self._slice("events", self.event_count, start, stop)

    def raw_rows(self, start: int = 0, stop: int | None = None) -> list[Any]:
        return self._slice("mentions", self.row_count, start, stop)

    def sample(self) -> list[Event]:
        """The events that draw the entity's time axis (:func:`~tui.store.writer.sample_indices`):
        from its one page, or from its sample file."""
        if self.event_count <= self.page:
            found = self.raw_events()
            picked = [found[n] for n in sample_indices(len(found))]
        else:
            name = f"entities/{self.entity_id}/sample.json"
            data = self._store._read(name, "entity index")
            try:
                picked = _documents(data, "events") if isinstance(data, dict) else _bad("events")
                return [load(Event, doc, "event") for doc in picked]
            except ShapeError as error:
                raise self._store._damaged(name, str(error)) from None
        try:
            return [load(Event, doc, "event") for doc in picked]
        except ShapeError as error:
            raise self._damaged(str(error)) from None

    def raw_sample(self) -> list[Any]:
        """:meth:`sample`'s events as stored (nothing converted)."""
        if self.event_count <= self.page:
            found = self.raw_events()
            return [found[n] for n in sample_indices(len(found))]
        name = f"entities/{self.entity_id}/sample.json"
        data = self._store._read(name, "entity index")
        try:
            return _documents(data, "events") if isinstance(data, dict) else _bad("events")
        except ShapeError as error:
            raise self._store._damaged(name, str(error)) from None

    def events(self, start: int, stop: int | None) -> list[Event]:
        try:
            return [load(Event, doc, "event") for doc in self.raw_events(start, stop)]
        except ShapeError as error:
            raise self._damaged(str(error)) from None

    def _source_rows(self, start: int, stop: int | None) -> list[Any]:
        """The ``start``-th to ``stop``-th mentions in articles, reading only their pages."""
        first, last, _step = slice(start, stop).indices(self.source_count)
        found: list[Any] = []
        starts = self._source_starts
        number = bisect_right(starts, first) - 1
        while first < last and number < len(starts) - 1:
            in_page = [
                row
                for row in self._page("mentions", number)
                if isinstance(row, list) and len(row) > 1 and row[1] == "source"
            ]
            if len(in_page) != starts[number + 1] - starts[number]:
                raise self._damaged("its head's count of mentions in articles is wrong")
            base = starts[number]
            found += in_page[first - base : last - base]
            first = starts[number + 1]
            number += 1
        return found

    def rows(self, start: int, stop: int | None, source: bool) -> list[MentionRow]:
        raw = self._source_rows(start, stop) if source else self.raw_rows(start, stop)
        found = []
        for row in raw:
            if not isinstance(row, list) or len(row) != 6:
                raise self._damaged("a mention is not [brief, field, start, end, sentence, text]")
            brief, field_name, begin, end, sentence, text = row
            if not (
                isinstance(brief, str)
                and isinstance(field_name, str)
                and isinstance(text, str)
                and _is_int(begin)
                and _is_int(end)
                and isinstance(sentence, str | None)
            ):
                raise self._damaged("a mention has fields of the wrong type")
            found.append(MentionRow(brief, field_name, begin, end, sentence, text))
        return found


def _head_problem(head: Any, entity_id: str) -> str | None:
    """What is wrong with an entity's head (see :func:`tui.store.writer.entity_files`)."""
    if not isinstance(head, dict):
        return "its head is not a mapping"
    if head.get("id") != entity_id:
        return f"it holds {head.get('id')!r}"
    kind = head.get("type")
    if kind not in ("person", "faction"):
        return "its type is neither person nor faction"
    if problem := _entity_problem(head.get("record"), kind):
        return problem
    if head["record"]["id"] != entity_id:
        return f"its record is of {head['record']['id']!r}"
    if not _is_str_list(head.get("members")):
        return "its members are not a list of ids"
    incoming = head.get("incoming")
    if not isinstance(incoming, list) or not all(
        isinstance(i, list) and len(i) == 4 and isinstance(i[0], str) for i in incoming
    ):
        return "its inverse relations are malformed"
    names = head.get("names")
    if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
        return "its names are not a mapping of texts"
    for key in ("events", "mentions", "page"):
        if not _is_int(head.get(key)) or head[key] < 0:
            return f"its {key!r} is not a count"
    if head["page"] < 1:
        return "its page size is not positive"
    sources = head.get("sources")
    pages = -(-head["mentions"] // head["page"])
    if not isinstance(sources, list) or len(sources) != pages or not all(map(_is_int, sources)):
        return "its count of mentions in articles per page is malformed"
    return None


@dataclass
class _BriefData:
    """One brief's file, parsed: the brief, its article, events, mention rows and hashes."""

    brief: Brief
    article: Article | None
    events: list[Event]
    rows: list[Any]
    hashes: dict[str, str]
    brief_hash: str


def _loads_in_parts(raw: bytes) -> Any:
    """``orjson.loads(raw)`` of a catalog, one table at a time when it is laid out as the writer
    lays it out: the parse holds the interpreter, and a worker thread preloading a 10,000-brief
    catalog held it ≈ 0.09 s at once (a key pressed then waited as long); a table is ≈ 0.03 s."""
    import time
    from itertools import pairwise

    import orjson

    from .writer import _TABLES

    at = [raw.find(marker) for marker in _TABLES]
    if at[0] != 0 or not raw.endswith(b"}\n") or any(b <= a for a, b in pairwise(at)):
        return orjson.loads(raw)
    names = ("meta", "briefs", "people", "factions")
    data: dict[str, Any] = {}
    try:
        for number, name in enumerate(names):
            start = at[number] + len(_TABLES[number]) - (number > 0)  # a table's own "{"
            end = at[number + 1] + (number > 0)  # … to its "}"
            data[name] = orjson.loads(raw[start:end])
            time.sleep(0)  # let the reader's thread run between tables
        data["indices"] = orjson.loads(raw[at[4] + len(_TABLES[4]) : -2])
    except orjson.JSONDecodeError:
        return orjson.loads(raw)  # (raises with the parser's own account of the damage)
    return data


class _LazyHeaders(Sequence[BriefHeader]):
    """The brief headers before the catalog is read: the newest from the head, the count from
    its meta; anything else reads the catalog."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def __len__(self) -> int:
        return self._store._count("briefs")

    @overload
    def __getitem__(self, index: int) -> BriefHeader: ...
    @overload
    def __getitem__(self, index: slice) -> list[BriefHeader]: ...
    def __getitem__(self, index: int | slice) -> BriefHeader | list[BriefHeader]:
        store = self._store
        if index in (0, -len(self)) and store._newest is not None and not store._full:
            return store._newest
        return store._catalog()[index]

    def __iter__(self) -> Iterator[BriefHeader]:
        return iter(self._store._catalog())


_SAFE_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def _safe_id(item_id: str) -> bool:
    """An id that names a file in the store directory (no separators, no ``..``)."""
    return isinstance(item_id, str) and bool(_SAFE_ID.fullmatch(item_id)) and ".." not in item_id


class Store:
    def __init__(
        self,
        catalog: Any,
        path: Path | None = None,
        files: dict[str, bytes] | None = None,
        *,
        head: bool | None = None,
    ) -> None:
        """``catalog`` is the parsed head.json (the catalog is then read when first needed) or
        the parsed catalog.json; brief and entity files are read from the store directory of
        ``path`` or, for a store held in memory, from ``files``."""
        self.path = path or Path("<memory>")
        self._catalog_path, self._data = store_paths(self.path)
        self._files = files
        self._where = self._catalog_path
        self._full = False
        self.fix: str | None = None  # the remedy errors name, when not "rebuild it with ..."
        self._lock = threading.RLock()
        self._people: _Entities[Person] = _Entities(Person, {}, self._catalog_path)
        self._factions: _Entities[Faction] = _Entities(Faction, {}, self._catalog_path)
        self._heads: dict[str, dict[str, Any] | None] = {}
        self._names: dict[str, str] = {}
        self._titles: dict[str, str] = {}  # brief titles read from entities' event pages
        self._brief_cache: OrderedDict[str, _BriefData] = OrderedDict()
        self._entity_cache: OrderedDict[str, _EntityData] = OrderedDict()
        self._page_cache: OrderedDict[tuple[str, str, int], list[Any]] = OrderedDict()
        self._sentence_cache: OrderedDict[str, dict[str, tuple[int, str]]] = OrderedDict()
        self._search: Any = None
        self._folded: list[tuple[Candidate, list[str]]] | None = None  # for find()
        is_catalog = (
            not head if head is not None else isinstance(catalog, dict) and "briefs" in catalog
        )
        self._where = self._catalog_path if is_catalog else self._data / HEAD
        try:
            self._check_meta(catalog)
            if is_catalog:
                self._open(catalog)
            else:
                newest = _documents(catalog, "newest")
                if newest and (problem := _header_problem(newest[0])):
                    raise ShapeError(problem)
                self._newest = _HeaderList(newest)[0] if newest else None
        except ShapeError as error:
            raise StoreError(
                f"{self._where} is damaged: {error} — {rebuild_hint(self.path)}"
            ) from None

    def _check_meta(self, data: Any) -> None:
        where = self._where
        if not isinstance(data, dict):
            raise StoreError(
                f"{where} is not a brief store (not a mapping) — {rebuild_hint(self.path)}"
            )
        meta_table = data.get("meta")
        meta = meta_table.get("1") if isinstance(meta_table, dict) else None
        if not isinstance(meta, dict) or "schema_version" not in meta:
            raise StoreError(
                f"{where} is not a brief store (no schema_version) — {rebuild_hint(self.path)}"
            )
        version = meta["schema_version"]
        if not isinstance(version, int) or isinstance(version, bool):
            raise StoreError(
                f"{where} is not a brief store (schema_version {version!r} is not a whole number)"
                f" — {rebuild_hint(self.path)}"
            )
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{where} is a store of schema version {version}, but this brief reads version "
                f"{SCHEMA_VERSION} — {rebuild_hint(self.path)}"
            )
        counts = meta.get("counts")
        if not isinstance(counts, dict) or not all(_is_int(v) for v in counts.values()):
            raise ShapeError("the counts are not numbers")
        self.meta: dict[str, Any] = meta

    def _count(self, what: str) -> int:
        """A count from the meta (``briefs``): the head's until the catalog is read."""
        if self._full:
            return len(self._headers)
        value = self.meta["counts"].get(what)
        return value if _is_int(value) else len(self._catalog())

    def _open(self, data: Any) -> None:
        """Take in the whole catalog (parsed, meta checked)."""
        headers = _documents(data, "briefs")
        for doc in headers:
            if problem := _header_problem(doc):
                raise ShapeError(problem)
        people: dict[str, Any] = {}
        for doc in _documents(data, "people"):
            if problem := _entity_problem(doc, "person"):
                raise ShapeError(problem)
            people[doc["id"]] = doc
        factions: dict[str, Any] = {}
        for doc in _documents(data, "factions"):
            if problem := _entity_problem(doc, "faction"):
                raise ShapeError(problem)
            factions[doc["id"]] = doc
        indices = _documents(data, "indices")
        index = indices[0] if indices else {}
        if not isinstance(index, dict):
            raise ShapeError("the indices are not a mapping")
        incoming = index.get("incoming", {})
        members = index.get("members", {})
        if not isinstance(incoming, dict) or not isinstance(members, dict):
            raise ShapeError("the indices are not mappings")
        self._headers = _HeaderList(headers)
        self._header_index = {doc["id"]: n for n, doc in enumerate(headers)}
        self._incoming_raw = incoming
        self._members_raw = members
        self._people.raw = people
        self._factions.raw = factions
        self._full = True

    def _catalog(self) -> _HeaderList:
        """The catalog, read now if it was not yet (the brief headers returned)."""
        if not self._full:
            with self._lock:
                if not self._full:
                    # the collector off while the catalog's objects are made: at 10,000 briefs
                    # its passes over them doubled the parse (≈ 0.1 s → 0.05 s)
                    collecting = gc.isenabled()
                    gc.disable()
                    try:
                        self._load_catalog()
                    except StoreError as error:
                        raise self._fixed(error) from None
                    finally:
                        if collecting:
                            gc.enable()
                    # hundreds of thousands of long-lived objects (at 10,000 briefs): out of the
                    # collector's full passes, which otherwise walk them while keys are pressed
                    gc.freeze()
        return self._headers

    def _fixed(self, error: StoreError) -> StoreError:
        """``error`` with :attr:`fix` as its remedy, when one is set."""
        if self.fix is None:
            return error
        return StoreError(f"{str(error).split(' — ')[0]} — {self.fix}")

    def _load_catalog(self) -> None:
        if self._files is not None:
            import orjson

            raw = self._files.get(CATALOG)
            if raw is None:
                raise StoreError(f"store file not found: <memory>/{CATALOG}")
            data = orjson.loads(raw)
        else:
            try:
                data = read_json(self._catalog_path, "store", self.path, loads=_loads_in_parts)
            except RecursionError:
                raise StoreError(
                    f"{self._catalog_path} is nested too deeply to be a brief store — "
                    f"{rebuild_hint(self.path)}"
                ) from None
        self._where = self._catalog_path
        try:
            self._check_meta(data)
            self._open(data)
        except ShapeError as error:
            raise StoreError(
                f"{self._where} is damaged: {error} — {rebuild_hint(self.path)}"
            ) from None

    def preload(self, search: bool = False) -> None:
        """Read the catalog now and, with ``search``, open the search index: e.g. in a worker
        thread a moment after the first screen is drawn, so that opening the Library, the palette
        or the first search does not wait for them (at 10,000 briefs ≈ 0.15 s and ≈ 0.1 s)."""
        self._catalog()
        if search:
            _ = self.search_index

    @property
    def loaded(self) -> bool:
        """Whether the whole catalog has been read."""
        return self._full

    @classmethod
    def open(cls, path: Path) -> Store:
        """Open a store directory (or its catalog file); raise :class:`StoreError` in one line.
        Reads only the head (meta and the newest brief's header)."""
        catalog, data = store_paths(path)
        if not path.exists() and not path.is_symlink():
            raise StoreError(
                f"store not found: {path} — run `brief build -o {path}` or pass --store with a built store"
            )
        if path.is_dir() and not catalog.exists():
            raise StoreError(
                f"{path} is a directory but not a brief store (no {CATALOG}) — {rebuild_hint(path)}"
            )
        head = data / HEAD
        has_head = head.exists() or head.is_symlink()
        if not has_head:
            head = catalog  # an older store (its schema version says so) or a bare catalog
        try:
            raw = read_json(head, "store", path)
        except RecursionError:
            raise StoreError(
                f"{head} is nested too deeply to be a brief store — {rebuild_hint(path)}"
            ) from None
        return cls(raw, path, head=has_head)

    @classmethod
    def from_files(cls, files: dict[str, bytes]) -> Store:
        """A store held in memory (the output of :func:`tui.store.serialize`)."""
        import orjson

        return cls(orjson.loads(files[CATALOG]), None, files)

    # -- reading files --------------------------------------------------------------------------
    def _read(self, name: str, what: str) -> Any:
        try:
            return self._read_file(name, what)
        except StoreError as error:
            raise self._fixed(error) from None

    def _read_file(self, name: str, what: str) -> Any:
        if self._files is not None:
            import orjson

            raw = self._files.get(name)
            if raw is None:
                raise StoreError(f"{what} not found: <memory>/{name}")
            return orjson.loads(raw)
        try:
            return read_json(self._data / name, what, self.path)
        except RecursionError:
            raise StoreError(
                f"{self._data / name} is nested too deeply — {rebuild_hint(self.path)}"
            ) from None

    def _exists(self, name: str) -> bool:
        if self._files is not None:
            return name in self._files
        return (self._data / name).exists()

    def _damaged(self, name: str, problem: str) -> StoreError:
        return StoreError(f"{self._data / name} is damaged: {problem} — {rebuild_hint(self.path)}")

    def has_brief(self, brief_id: str) -> bool:
        """Whether the store holds the brief (before the catalog is read: whether its file is
        there)."""
        if self._full:
            return brief_id in self._header_index
        if self._newest is not None and brief_id == self._newest.id:
            return True
        if not _safe_id(brief_id):
            return brief_id in self._catalog_index()
        return self._exists(f"briefs/{brief_id}.json")

    def _catalog_index(self) -> dict[str, int]:
        self._catalog()
        return self._header_index

    def _brief_data(self, brief_id: str) -> _BriefData | None:
        cached = self._brief_cache.get(brief_id)
        if cached is not None:
            self._brief_cache.move_to_end(brief_id)
            return cached
        if not self.has_brief(brief_id):
            return None
        name = f"briefs/{brief_id}.json"
        data = self._read(name, "brief file")
        try:
            if not isinstance(data, dict):
                raise ShapeError("not a mapping")
            brief = load(Brief, _single(data, "brief"), "brief")
            article_docs = _documents(data, "article")
            article = load(Article, article_docs[0], "article") if article_docs else None
            events = [load(Event, doc, "event") for doc in _documents(data, "events")]
            rows = _single(data, "mentions").get("rows")
            rows = (
                [_mention_row(row) for row in rows] if isinstance(rows, list) else _bad("mentions")
            )
            hashes_doc = _single(data, "hashes")
            hashes = hashes_doc.get("items")
            if not isinstance(hashes, dict) or not all(isinstance(v, str) for v in hashes.values()):
                raise ShapeError("hashes are not a mapping of texts")
            brief_hash = hashes_doc.get("brief")
            if not isinstance(brief_hash, str):
                raise ShapeError("the brief's hash is not text")
        except ShapeError as error:
            raise self._damaged(name, str(error)) from None
        if brief.id != brief_id:
            raise self._damaged(name, f"it holds brief {brief.id!r}")
        found = _BriefData(brief, article, events, rows, hashes, brief_hash)
        self._brief_cache[brief_id] = found
        if len(self._brief_cache) > BRIEF_CACHE:
            self._brief_cache.popitem(last=False)
        return found

    def _head(self, entity_id: str) -> dict[str, Any] | None:
        """An entity's head file, parsed and checked (None if there is no such file)."""
        if entity_id in self._heads:
            return self._heads[entity_id]
        name = f"entities/{entity_id}.json"
        head = None
        if _safe_id(entity_id) and self._exists(name):
            data = self._read(name, "entity index")
            try:
                head = _single(data, "entity") if isinstance(data, dict) else _bad("the head")
            except ShapeError as error:
                raise self._damaged(name, str(error)) from None
            if problem := _head_problem(head, entity_id):
                raise self._damaged(name, problem)
            self._names.update(head["names"])
            self._names[entity_id] = head["record"]["name"]
            if not self._full:
                table = self._people if head["type"] == "person" else self._factions
                table.raw.setdefault(entity_id, head["record"])
        self._heads[entity_id] = head
        return head

    def _known(self, entity_id: str) -> str | None:
        """ "person", "faction" or None: from the catalog, or before it is read from the
        entity's head (the catalog is read when there is no head)."""
        if not self._full:
            if not isinstance(entity_id, str):
                return None
            head = self._head(entity_id)
            if head is not None:
                return head["type"]
            self._catalog()
        if entity_id in self._people:
            return "person"
        return "faction" if entity_id in self._factions else None

    def _entity_data(self, entity_id: str) -> _EntityData:
        cached = self._entity_cache.get(entity_id)
        if cached is not None:
            return cached
        name = f"entities/{entity_id}.json"
        if self._known(entity_id) is None:
            return _EntityData(self, name, None)
        head = self._head(entity_id)
        if head is None:
            raise StoreError(
                f"entity index not found: {self._data / name} — run `brief build -o "
                f"{self.path}` or pass --store with a built store"
            )
        found = _EntityData(self, name, head)
        self._entity_cache[entity_id] = found
        if len(self._entity_cache) > 16:
            self._entity_cache.popitem(last=False)
        return found

    # -- briefs ---------------------------------------------------------------------------------
    def briefs(self) -> Sequence[BriefHeader]:
        """Every brief's header, newest first (made lazily: the first is in the head, the others
        read the catalog)."""
        return self._headers if self._full else _LazyHeaders(self)

    def brief_ids(self) -> list[str]:
        """Every brief's id, newest first (from the catalog, no header made)."""
        return [raw["id"] for raw in self._catalog()._raw]

    def header(self, brief_id: str) -> BriefHeader | None:
        if not self._full and self._newest is not None and brief_id == self._newest.id:
            return self._newest
        index = self._catalog_index().get(brief_id)
        return None if index is None else self._headers[index]

    def __len__(self) -> int:
        return self._count("briefs")

    def title_of(self, brief_id: str) -> str:
        """A brief's title from the catalog (its id if there is no such brief); before the catalog
        is read, from the entity pages read so far when they name it."""
        if not self._full:
            if self._newest is not None and brief_id == self._newest.id:
                return self._newest.title
            if brief_id in self._titles:
                return self._titles[brief_id]
        index = self._catalog_index().get(brief_id)
        return brief_id if index is None else self._headers._raw[index]["title"]

    def brief(self, brief_id: str) -> Brief | None:
        data = self._brief_data(brief_id)
        return data.brief if data else None

    def article(self, brief_id: str) -> Article | None:
        data = self._brief_data(brief_id)
        return data.article if data else None

    def events(self, brief_id: str) -> list[Event]:
        data = self._brief_data(brief_id)
        return list(data.events) if data else []

    def event(self, event_id: str) -> Event | None:
        brief_id = event_id.partition("--")[0]
        data = self._brief_data(brief_id)
        if data is None:
            return None
        return next((e for e in data.events if e.id == event_id), None)

    def mentions(self, brief_id: str) -> list[Mention]:
        data = self._brief_data(brief_id)
        if data is None:
            return []
        texts = {"source": data.article.text if data.article else ""}
        texts["summary"] = data.brief.summary_text
        texts |= {f"takeaway:{n}": t.text for n, t in enumerate(data.brief.takeaways)}
        texts |= {f"event:{e.id}": e.text for e in data.events}
        found = []
        for entity, field_name, start, end, sentence in data.rows:
            quoted = texts.get(field_name, "")[start:end]
            found.append(Mention(entity, brief_id, field_name, start, end, quoted, sentence))
        return found

    def brief_hash(self, brief_id: str) -> str | None:
        if self._full:
            header = self.header(brief_id)
            return header.hash if header else None
        data = self._brief_data(brief_id)  # before the catalog is read: from the brief's file
        return data.brief_hash if data else None

    def item_hashes(self, brief_id: str) -> dict[str, str]:
        """Hashes of the brief's summary paragraphs, takeaways and events (``summary:N``,
        ``takeaway:N``, ``event:ID``): what changed between two builds."""
        data = self._brief_data(brief_id)
        return dict(data.hashes) if data else {}

    # -- entities -------------------------------------------------------------------------------
    def person(self, entity_id: str) -> Person | None:
        return self._people.get(entity_id) if self._known(entity_id) == "person" else None

    def faction(self, entity_id: str) -> Faction | None:
        return self._factions.get(entity_id) if self._known(entity_id) == "faction" else None

    def entity(self, entity_id: str) -> Person | Faction | None:
        kind = self._known(entity_id)
        if kind is None:
            return None
        return self._people.get(entity_id) if kind == "person" else self._factions.get(entity_id)

    def people(self) -> list[Person]:
        self._catalog()
        return sorted(self._people, key=lambda p: p.name)

    def factions(self) -> list[Faction]:
        self._catalog()
        return sorted(self._factions, key=lambda f: f.name)

    def name_of(self, entity_id: str) -> str:
        if not self._full:
            name = self._names.get(entity_id)
            if name is not None:
                return name
            if self._known(entity_id) is not None:
                return self._names.get(entity_id, entity_id)
        raw = self._people.raw.get(entity_id) or self._factions.raw.get(entity_id)
        return raw["name"] if raw else entity_id

    def is_person(self, entity_id: str) -> bool:
        return self._known(entity_id) == "person"

    def links(self, entity_id: str) -> list[Link]:
        """Relations from this entity and, read backwards, relations to it."""
        entity = self.entity(entity_id)
        if entity is None:
            return []
        links = [Link(r.kind, r.target, r) for r in entity.relations]
        if isinstance(entity, Faction):
            links += [Link("part-of", r.target, r) for r in entity.part_of]
        for relation, source_id in self._incoming(entity_id):
            label = RELATION_INVERSE.get(relation.kind, f"{relation.kind} (from)")
            links.append(Link(label, source_id, relation, inverse=True))
        return links

    def _incoming(self, entity_id: str) -> list[tuple[Relation, str]]:
        found = []
        if not self._full:  # from the entity's head: the relations as stored
            head = self._head(entity_id) if self._known(entity_id) else None
            for source_id, _attribute, _number, raw in head["incoming"] if head else []:
                try:
                    found.append((load(Relation, raw, "relation"), source_id))
                except ShapeError as error:
                    raise self._damaged(f"entities/{entity_id}.json", str(error)) from None
            return found
        for item in self._incoming_raw.get(entity_id, []):
            try:
                source_id, attribute, number = item
                source = self.entity(source_id)
                relation = getattr(source, attribute)[number] if source else None
            except (ValueError, TypeError, AttributeError, IndexError):
                raise self._damaged(CATALOG, f"inverse relation {item!r} is malformed") from None
            if isinstance(relation, Relation):
                found.append((relation, source_id))
        return found

    def members(self, faction_id: str) -> list[str]:
        """People holding a role in the faction, and factions that are part of it."""
        parts = [source for rel, source in self._incoming(faction_id) if rel.kind == "part-of"]
        if self._full:
            people = self._members_raw.get(faction_id, [])
        else:
            head = self._head(faction_id) if self._known(faction_id) else None
            people = head["members"] if head else []
        if not _is_str_list(people):
            raise self._damaged(CATALOG, f"members of {faction_id!r} are not a list of ids")
        return [*people, *parts]

    def factions_of(self, person_id: str) -> list[str]:
        person = self.person(person_id)
        if person is None:
            return []
        return list(dict.fromkeys(r.faction for r in person.roles if r.faction))

    def entity_events(self, entity_id: str, start: int = 0, stop: int | None = None) -> list[Event]:
        """The entity's events across every brief, in date order (from the entity's index);
        ``start``/``stop`` take a slice without converting the rest."""
        return self._entity_data(entity_id).events(start, stop)

    def entity_timeline(self, entity_id: str) -> list[tuple[str, DateValue, str]]:
        """(brief, date, text) of each of the entity's events, in date order: what a dossier
        lists, without converting whole events (a faction's thousands of them)."""
        data = self._entity_data(entity_id)
        found = []
        try:
            for raw in data.raw_events():
                date = raw["date"]
                title, description = raw["title"], raw.get("description", "")
                if not (
                    _date_ok(date)
                    and date is not None
                    and isinstance(raw["brief"], str)
                    and isinstance(title, str)
                    and isinstance(description, str)
                ):
                    raise TypeError
                found.append((raw["brief"], _date(date), f"{title} {description}".strip()))
        except (TypeError, KeyError, AttributeError):
            raise data._damaged("an event is malformed") from None
        return found

    def entity_event_sample(self, entity_id: str) -> list[Event]:
        """About 200 of the entity's events, evenly spread in date order, the first and last
        among them: enough to draw its time axis without reading every event."""
        return self._entity_data(entity_id).sample()

    def entity_event_sample_keys(self, entity_id: str) -> list[str]:
        """The sort keys (``YYYY-MM-DD…``) of :meth:`entity_event_sample`'s events: all the time
        axis needs, without converting the events."""
        data = self._entity_data(entity_id)
        try:
            keys = [raw["date"]["sort_key"] for raw in data.raw_sample()]
        except (TypeError, KeyError):
            raise data._damaged("an event is malformed") from None
        if not all(isinstance(key, str) for key in keys):
            raise data._damaged("an event is malformed")
        return keys

    def entity_events_stored(self, entity_id: str) -> list[dict[str, Any]]:
        """The entity's events as stored (plain data, for JSON output: nothing converted)."""
        return [e for e in self._entity_data(entity_id).raw_events() if isinstance(e, dict)]

    def entity_event_count(self, entity_id: str) -> int:
        return self._entity_data(entity_id).event_count

    def entity_mention_rows(
        self, entity_id: str, start: int = 0, stop: int | None = None, *, source: bool = False
    ) -> list[MentionRow]:
        """Where the entity is named, across every brief, without reading any article; with
        ``source``, only mentions in the articles; ``start``/``stop`` take a slice."""
        return self._entity_data(entity_id).rows(start, stop, source)

    def entity_mention_count(self, entity_id: str, *, source: bool = False) -> int:
        data = self._entity_data(entity_id)
        return data.source_count if source else data.row_count

    def entity_mention_summary(self, entity_id: str) -> list[tuple[str, int, list[str]]]:
        """(brief, number of mentions, sentence ids named in) per brief, in brief order: one pass
        over the stored rows, nothing built per mention (a dossier of 100,000 mentions)."""
        data = self._entity_data(entity_id)
        grouped: dict[str, list[Any]] = {}
        try:
            for row in data.raw_rows():
                brief, sentence = row[0], row[4]
                entry = grouped.get(brief)
                if entry is None:
                    if type(brief) is not str:
                        raise TypeError
                    entry = grouped[brief] = [0, {}]
                entry[0] += 1
                if sentence is not None:
                    entry[1][sentence] = None
        except (TypeError, IndexError, KeyError):
            raise self._damaged(data.name, "a mention row is malformed") from None
        return [
            (b, count, [str(s) for s in sentences]) for b, (count, sentences) in grouped.items()
        ]

    def entity_mentions(self, entity_id: str) -> list[Mention]:
        return [
            Mention(entity_id, r.brief, r.field, r.start, r.end, r.text, r.sentence)
            for r in self._entity_data(entity_id).rows(0, None, False)
        ]

    def _sentences(self, brief_id: str) -> dict[str, tuple[int, str]]:
        """Sentence id → (start, text) of a brief's article, read without building the brief
        (the entity page lists sentences from hundreds of briefs)."""
        cached = self._sentence_cache.get(brief_id)
        if cached is not None:
            return cached
        found: dict[str, tuple[int, str]] = {}
        data = self._brief_cache.get(brief_id)
        if data is not None:
            if data.article is not None:
                found = {s.id: (s.start, s.text) for s in data.article.sentences()}
        elif self.has_brief(brief_id):
            name = f"briefs/{brief_id}.json"
            raw = self._read(name, "brief file")
            try:
                articles = _documents(raw, "article") if isinstance(raw, dict) else []
                for paragraph in articles[0]["paragraphs"] if articles else []:
                    for sentence in paragraph["sentences"]:
                        sid, start, text = sentence["id"], sentence["start"], sentence["text"]
                        if not (isinstance(sid, str) and _is_int(start) and isinstance(text, str)):
                            raise TypeError
                        found[sid] = (start, text)
            except (ShapeError, KeyError, TypeError, IndexError):
                raise self._damaged(name, "the article's sentences are malformed") from None
        self._sentence_cache[brief_id] = found
        if len(self._sentence_cache) > 256:
            self._sentence_cache.popitem(last=False)
        return found

    def sentence_start(self, brief_id: str, sentence_id: str) -> int:
        """Where a sentence starts in its article (0 when there is no such sentence)."""
        return self._sentences(brief_id).get(sentence_id, (0, ""))[0]

    def sentence_text(self, brief_id: str, sentence_id: str) -> str | None:
        """One sentence of a brief's article."""
        found = self._sentences(brief_id).get(sentence_id)
        return found[1] if found else None

    # -- lookup and search ----------------------------------------------------------------------
    def candidates(self) -> Iterator[tuple[Candidate, list[str]]]:
        for raw in self._catalog()._raw:
            yield Candidate("brief", raw["id"], raw["title"]), [raw["id"], raw["title"]]
        for kind, table in (("person", self._people), ("faction", self._factions)):
            for raw in table.raw.values():
                names = [raw["id"], raw["name"], *raw.get("aliases", [])]
                yield Candidate(kind, raw["id"], raw["name"]), names

    def find(self, target: str) -> list[Candidate]:
        """Briefs, people and factions whose id, name or alias is ``target`` (case- and
        accent-insensitive); failing that, those whose names contain all its words as prefixes."""
        wanted = fold(" ".join(target.split()))
        partial: list[Candidate] = []
        words = wanted.split()
        if self._folded is None:
            self._folded = [
                (candidate, [_fold(name) for name in names])
                for candidate, names in self.candidates()
            ]
        exact = [candidate for candidate, folded in self._folded if wanted in folded]
        if exact or not words:
            return exact
        for candidate, folded in self._folded:
            if any(
                all(q in name for q in words)  # cheap first: every word is in the name
                and all(any(w.startswith(q) for w in name.replace("-", " ").split()) for q in words)
                for name in folded
            ):
                partial.append(candidate)
        return partial

    @property
    def data_dir(self) -> Path | None:
        """The store's directory (None for a store held in memory)."""
        return None if self._files is not None else self._data

    def library(self) -> Library:
        """Everything in the store as one :class:`~tui.model.Library` (reads every brief file:
        for rebuilding indices and for tests, not for the reader)."""
        briefs: dict[str, Brief] = {}
        articles: dict[str, Article] = {}
        events: dict[str, Event] = {}
        mentions: list[Mention] = []
        for raw in sorted(self._catalog()._raw, key=lambda r: r["id"]):
            data = self._brief_data(raw["id"])
            assert data is not None
            briefs[data.brief.id] = data.brief
            if data.article is not None:
                articles[data.brief.id] = data.article
            events.update((e.id, e) for e in data.events)
            mentions += self.mentions(data.brief.id)
        people = {p.id: p for p in sorted(self._people, key=lambda p: p.id)}
        factions = {f.id: f for f in sorted(self._factions, key=lambda f: f.id)}
        return Library(briefs, articles, people, factions, events, tuple(mentions))

    @property
    def search_index(self) -> Any:
        """The search engine's index (:mod:`tui.search`): the one stored beside the catalog,
        opened on first use; for a store without one, built in memory from its contents."""
        if self._search is None:
            from .indexing import open_search

            # the stored index needs no catalog (hits carry their titles): `brief search` and
            # the first `/` do not wait for it
            with self._lock:  # one opening, also when a worker thread preloads it
                if self._search is None:
                    self._search = open_search(self)
                    gc.freeze()
        return self._search

    def search(self, query: str, limit: int = 50) -> list[Any]:
        """Ranked hits; raises ``tui.search.QueryError`` for a malformed query."""
        return list(self.search_index.search(query, limit).hits)


def _fold(text: str) -> str:
    """:func:`~tui.ingest.text.fold`, fast for ASCII text (the same result: NFKD changes no
    ASCII character and the quotes it maps are not ASCII)."""
    return text.casefold() if text.isascii() else fold(text)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _bad(what: str) -> Any:
    raise ShapeError(f"{what} are malformed")


def _single(data: dict[str, Any], table: str) -> dict[str, Any]:
    docs = _documents(data, table)
    if len(docs) != 1 or not isinstance(docs[0], dict):
        raise ShapeError(f"table {table!r} should hold one mapping")
    return docs[0]


def _mention_row(row: Any) -> tuple[str, str, int, int, str | None]:
    if not isinstance(row, list) or len(row) != 5:
        raise ShapeError("a mention is not [entity, field, start, end, sentence]")
    entity, field_name, start, end, sentence = row
    if not (
        isinstance(entity, str)
        and isinstance(field_name, str)
        and _is_int(start)
        and _is_int(end)
        and isinstance(sentence, str | None)
    ):
        raise ShapeError("a mention has fields of the wrong type")
    return entity, field_name, start, end, sentence


__all__ = ["BriefHeader", "Candidate", "Link", "MentionRow", "Store", "StoreError"]
