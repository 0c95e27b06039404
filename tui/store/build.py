"""``brief build``: content/ → a store directory, whole or incrementally.

A full build loads and validates the whole library before anything is written (a failed build
writes nothing), then writes the whole store into a new directory beside it and swaps that in for
the old store in one step (:func:`tinyio.swap_in`; a failed or interrupted build leaves the old
store as it was); a store that cannot be swapped whole (a symbolic link, a mount point, a folder
holding anything else) has only the files whose bytes changed rewritten, the catalog last.

The incremental path: a build cache beside the store (``.NAME.build-cache.json`` next to the
store directory NAME) records every content file's and seed's (mtime, size), each brief's actors
and mention count, which briefs people's and factions' footnotes quote, and every person's and
faction's names (the mention finder's, trusted only for the entity files they were read from).
Only changed, added or removed briefs (and those that may name a new or changed entity) are
parsed, checked and linked. When no person or faction file changed or was removed
(:func:`_briefs_only`: briefs alone, or new people and factions — an import's stubs), the catalog
is patched as bytes (:class:`writer.CatalogParts`: the touched headers, the named entities'
records, new records in their places, the counts and indices), never parsed or written whole;
otherwise it is parsed and written again. An entity's mention pages before the first touched
brief are kept as they are, its events read only when they change, and a brief that comes out as
stored leaves them alone. The search index is updated segment-wise. The result is byte-for-byte
the full build's (tests/test_build_scale.py, tests/test_incr.py). An id moving between kinds, a
removed entity something still names, a name clash, a brief quoting another brief's article, or
no usable cache falls back to the full build.
"""

from __future__ import annotations

import gc
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import orjson

from ..model import SCHEMA_VERSION, Article, Event, Faction, Library, Mention, Person
from . import writer
from .shape import ShapeError, load
from .tinyio import (
    FRESH_PREFIX,
    fresh_store_dir,
    remove_later,
    stale_files,
    swap_in,
    write_atomic,
    write_files,
    write_fresh,
)
from .writer import (
    CatalogParts,
    _dumps,
    _table,
    brief_document,
    catalog_files,
    catalog_from_parts,
    counts,
    entity_context,
    entity_files,
    entity_files_from,
    entity_head_with,
    header,
    header_order,
    iter_files,
    meta_table,
    read_entity_head,
    small_indices,
    store_paths,
)

Progress = Callable[[str, int, int], None]


def cache_path(data: Path) -> Path:
    """The build cache: beside the store directory, not in it (the store stays only the store)."""
    return data.parent / f".{data.name}.build-cache.json"


CACHE_VERSION = 2
KINDS = (("brief", "briefs"), ("person", "people"), ("faction", "factions"))


@dataclass(frozen=True)
class BuildResult:
    briefs: int
    people: int
    factions: int
    events: int
    mentions: int
    size: int
    incremental: bool = False
    rebuilt: int = 0  # briefs parsed and linked again (incremental)
    entities_rebuilt: int = 0  # person and faction files added, changed or removed (incremental)

    @classmethod
    def of(cls, numbers: Mapping[str, int], size: int, **how: Any) -> BuildResult:
        """From the catalog's counts (:func:`writer.counts`: briefs, people, factions, events,
        mentions)."""
        return cls(
            numbers["briefs"],
            numbers["people"],
            numbers["factions"],
            numbers["events"],
            numbers["mentions"],
            size,
            **how,
        )


class _Models(Mapping[str, Any]):
    """People or factions by id as stored (raw), made into model objects only when looked up:
    an incremental build touches a handful of the thousands."""

    def __init__(self, cls: type, raw: dict[str, dict[str, Any]]) -> None:
        self._cls = cls
        self._raw = raw
        self._made: dict[str, Any] = {}
        self.overridden: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        made = self._made.get(key)
        if made is None:
            try:
                made = self._made[key] = load(self._cls, self._raw[key])
            except ShapeError:
                raise _FullBuild from None
        return made

    def __setitem__(self, key: str, value: Any) -> None:
        self._made[key] = value
        self.overridden.add(key)

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)


class _FullBuild(Exception):
    """The incremental path cannot be taken; build everything."""


def _scan(content: Path, *, briefs: bool = True) -> dict[str, dict[str, Any]]:
    """kind → file id → [mtime_ns, size] for every content file (without ``briefs``, brief
    files are only listed: id → None)."""
    found: dict[str, dict[str, Any]] = {}
    for kind, folder in KINDS:
        files: dict[str, Any] = {}
        try:
            entries = list(os.scandir(content / folder))
        except OSError:
            entries = []
        if kind == "brief" and not briefs:
            found[kind] = dict.fromkeys(e.name[:-3] for e in entries if e.name.endswith(".md"))
            continue
        for entry in entries:
            if entry.name.endswith(".md"):
                try:
                    info = entry.stat()
                except OSError:
                    continue
                files[entry.name[:-3]] = [info.st_mtime_ns, info.st_size]
        found[kind] = files
    return found


def _generator() -> str:
    """This brief's version: a cache written by another one is not trusted. Read from the name
    of the first ``brief-VERSION.dist-info`` on ``sys.path`` (what ``importlib.metadata.version``
    finds, without its ~40 ms of looking at every installed distribution)."""
    import sys

    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith("brief-") and name.endswith(".dist-info"):
                return name[len("brief-") : -len(".dist-info")]
    return "unknown"


def _stat_text(path: str) -> list[int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return [info.st_mtime_ns, info.st_size]


def _stat(path: Path) -> list[int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return [info.st_mtime_ns, info.st_size]


def _quoted_briefs(library: Library) -> dict[str, list[str]]:
    """Brief id → the people and factions whose files quote its article."""
    quoted: dict[str, set[str]] = {}

    def walk(value: Any, owner: str) -> None:
        if isinstance(value, tuple):
            for item in value:
                walk(item, owner)
        elif hasattr(value, "__dataclass_fields__"):
            if type(value).__name__ == "SourceRef":
                quoted.setdefault(value.brief, set()).add(owner)
                return
            for name in value.__dataclass_fields__:
                walk(getattr(value, name), owner)

    for entity in [*library.people.values(), *library.factions.values()]:
        walk(entity, entity.id)
    return {brief: sorted(owners) for brief, owners in sorted(quoted.items())}


def _cache(content: Path, library: Library, scan: dict[str, Any]) -> dict[str, Any]:
    root = content.resolve().parent
    seeds = {
        brief.id: [brief.source_path, _stat(root / brief.source_path)]
        for brief in library.briefs.values()
    }
    per_brief: dict[str, int] = {}
    for m in library.mentions:
        per_brief[m.brief] = per_brief.get(m.brief, 0) + 1
    return {
        "version": CACHE_VERSION,
        "generator": _generator(),
        "schema_version": SCHEMA_VERSION,
        "content": str(content.resolve()),
        "files": scan,
        "seeds": seeds,
        "quoted": _quoted_briefs(library),
        "mentions": per_brief,
        "actors": {brief.id: list(brief.actors) for brief in library.briefs.values()},
        "names": [
            [entity_id, name]
            for table in (library.people, library.factions)
            for entity_id in sorted(table)
            for name in table[entity_id].names
        ],
        "names_of": _entity_stamp(scan),
    }


def _entity_stamp(files: dict[str, Any]) -> str:
    """A digest of the people's and factions' files as scanned: the build cache's names are
    trusted only for the files they were read from (a build by another version may have changed
    the files and kept names it does not know of)."""
    import hashlib

    stats = orjson.dumps([files.get("person"), files.get("faction")])
    return hashlib.blake2b(stats, digest_size=12).hexdigest()


def _names(people: Mapping[str, Any], factions: Mapping[str, Any]) -> list[list[str]]:
    """Every (id, name) of stored people and factions, in id order: the mention finder's names,
    kept in the build cache so that a build of briefs alone need not read every record."""
    return [
        [entity_id, name]
        for table in (people, factions)
        for entity_id in sorted(table)
        for name in [table[entity_id]["name"], *table[entity_id].get("aliases", [])]
    ]


# -- the folders a killed build left ------------------------------------------------------------
# A full build writes the new store into a folder ``.NAME.build-XXXX`` beside the store and
# removes it if it fails; a build killed outright (SIGKILL, a power cut) cannot, and the folder
# (up to a whole store: ~1 GB at 10,000 briefs) stayed forever. A build holds an flock on its
# folder for its whole life; the kernel lets go of it when the process ends, however it ends. The
# next build removes the folders whose lock it can take: none a live build is writing.
STALE_AFTER = 5.0  # seconds: a folder younger may be one a build has just made, not yet locked


def hold_folder(folder: Path) -> int | None:
    """Lock ``folder`` for as long as this process holds the returned handle (None where the
    system has no flock, or the folder cannot be opened or is held already)."""
    try:
        import fcntl
    except ImportError:  # (Windows)
        return None
    try:
        handle = os.open(folder, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(handle)
        return None
    return handle


def remove_stale_builds(data: Path, older_than: float = STALE_AFTER) -> list[Path]:
    """The folders ``.NAME.build-*`` beside the store directory ``data`` that no live build holds
    (left by a killed build, or an old store whose removal was cut short), removed — in a
    process of their own, as a swapped-out store is — and returned."""
    import stat
    import time

    prefix = f".{data.name}.{FRESH_PREFIX}"
    try:
        names = [name for name in os.listdir(data.parent) if name.startswith(prefix)]
    except OSError:
        return []
    removed: list[Path] = []
    now = time.time()
    for name in names:
        folder = data.parent / name
        try:
            found = os.lstat(folder)
        except OSError:
            continue
        if not stat.S_ISDIR(found.st_mode) or now - found.st_mtime < older_than:
            continue  # the build cache (a file), a link, or a folder just made
        handle = hold_folder(folder)
        if handle is None:
            continue  # a live build writes it
        try:
            remove_later(folder)
        finally:
            os.close(handle)
        removed.append(folder)
    return removed


def build_store(
    content: Path, target: Path, *, full: bool = False, progress: Progress | None = None
) -> BuildResult:
    _SCANNED.clear()
    remove_stale_builds(store_paths(target)[1])
    scan = _scan(content)
    if not full:
        try:
            with gc_paused():
                return _incremental(content, target, scan, progress)
        except (_FullBuild, KeyError, TypeError, AttributeError, IndexError):
            pass  # a cache or store not as this version writes it: build everything
    was = gc.isenabled()
    gc.enable()  # the full build frees the library as it goes (an import may have paused it)
    try:
        return _full(content, target, scan, progress)
    finally:
        if not was:
            gc.disable()


@contextmanager
def gc_paused() -> Iterator[None]:
    """No garbage collection inside: an incremental build parses the catalog and the build cache
    (~0.5 M objects that live until it ends, and make no cycles worth finding); the collector's
    passes over them cost ~0.1 s at 10,000 briefs."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _full(
    content: Path, target: Path, scan: dict[str, Any], progress: Progress | None
) -> BuildResult:
    # The cyclic garbage collector is off for a full build: it keeps rescanning the library
    # as it grows (~17 % of the build's CPU at 1,000 briefs), and a build makes next to no
    # cyclic garbage (~5 objects a brief); the collections the build asks for still run.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _full_build(content, target, scan, progress)
    finally:
        if enabled:
            gc.enable()


def _full_build(
    content: Path, target: Path, scan: dict[str, Any], progress: Progress | None
) -> BuildResult:
    from ..ingest import load_content
    from ..ingest.content import build_jobs
    from .indexing import dump_search_from_files

    holder = {"library": load_content(content, progress=progress, jobs=build_jobs())}
    library = holder["library"]
    result = BuildResult.of(counts(library), 0)
    cache = _cache(content, library, scan)
    del library
    if progress is not None:
        progress("writing", 0, 1)

    def search(folder: Path, catalog: bytes) -> None:
        # the library is gone by now (only the exhausted file generator held it): the search
        # index is built brief by brief from the files just written, so the build's peak memory
        # is the larger of the two, not their sum
        gc.collect()
        if progress is not None:
            progress("indexing", 0, 1)
        dump_search_from_files(catalog, target, folder, jobs=build_jobs())

    catalog_file, data = store_paths(target)
    fresh = fresh_store_dir(data) if catalog_file == data / writer.CATALOG else None
    if fresh is None:  # a store that cannot be swapped whole: its files replaced one by one
        size = write_files(target, iter_files(holder.pop("library")), search=search)
    else:
        # The whole store written into a new directory beside it, plainly, then swapped in for
        # the old one in one step; a failed or interrupted build leaves the old store as it was.
        def search_fresh(folder: Path, catalog: bytes) -> None:
            gc.collect()
            if progress is not None:
                progress("indexing", 0, 1)
            dump_search_from_files(catalog, fresh, folder, jobs=build_jobs())

        held = hold_folder(fresh)  # for the build's life: the next build leaves it alone
        try:
            size = write_fresh(fresh, iter_files(holder.pop("library")), search=search_fresh)
            # no cache while the store changes: an interrupted build is a full build next time
            cache_path(data).unlink(missing_ok=True)
            swap_in(fresh, data)
        except BaseException:
            shutil.rmtree(fresh, ignore_errors=True)
            raise
        finally:
            if held is not None:
                os.close(held)
    write_atomic(cache_path(data), orjson.dumps(cache), sync=False)
    if progress is not None:
        progress("done", 1, 1)
    return replace(result, size=size)


# Parsed catalog and cache files kept for the next reader in this process (an import reads
# them to name and check its draft, then builds): path → ((mtime_ns, size), value)
_PARSED: dict[Path, tuple[list[int], Any]] = {}


def _read_json(path: Path, *, share: bool = False) -> Any:
    """``path`` parsed. ``share``: the caller only reads the value, and it is kept for the next
    caller; without, the caller may change it (a kept value is handed over, not copied)."""
    stat = _stat(path)
    held = _PARSED.pop(path, None)
    if held is not None and stat is not None and held[0] == stat:
        if share:
            _PARSED[path] = held
        return held[1]
    try:
        value = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        raise _FullBuild from None
    if share and stat is not None:
        _PARSED[path] = (stat, value)
    return value


def _skeleton(cls: type, raw: dict[str, Any]) -> Any:
    """A stored person or faction as a model holding only what :func:`small_indices` reads
    (its relations, roles and parents): far cheaper than checking and converting it all."""
    from ..model import Relation, Role

    relations = tuple(Relation(r["kind"], r["target"]) for r in raw.get("relations") or ())
    if cls is Person:
        roles = tuple(Role(r["title"], r.get("faction")) for r in raw.get("roles") or ())
        return Person(raw["id"], raw["name"], roles=roles, relations=relations)
    part_of = tuple(Relation(r["kind"], r["target"]) for r in raw.get("part_of") or ())
    return Faction(raw["id"], raw["name"], raw["kind"], part_of=part_of, relations=relations)


class _Unchanged:
    """The briefs whose article the store holds as it is now: built, and their file unchanged
    since (looked at only for the briefs asked about)."""

    def __init__(self, content: Path, built: dict[str, Any], stored: set[str]) -> None:
        self._folder = content / "briefs"
        self._built = built
        self._stored = stored

    def __contains__(self, brief_id: object) -> bool:
        if not isinstance(brief_id, str) or brief_id not in self._stored:
            return False
        stat = self._built.get(brief_id)
        return stat is not None and stat == _stat(self._folder / f"{brief_id}.md")


def _load_more(loader: Any, entries: list[Any], stored: set[str] | _Unchanged, data: Path) -> None:
    """Articles and footnotes of ``entries`` (just discovered by ``loader``); the articles their
    footnotes quote that are among ``stored`` briefs are read from the store at ``data``."""
    from ..ingest.article import ArticleIndex
    from ..ingest.content import _FOOTNOTE_BRIEF
    from ..ingest.grounding import background_note

    everything = loader.files
    loader.files = entries
    try:
        loader.load_articles()
    finally:
        loader.files = everything
    needed: set[str] = set()
    for entry in entries:
        if entry.kind == "brief" or entry.doc is None:
            continue
        default = entry.front.get("brief")
        for note in entry.doc.footnotes.values():
            if background_note(note.text) is not None:
                continue
            match = _FOOTNOTE_BRIEF.match(note.text)
            quoted_brief = match.group(1) if match else default
            if isinstance(quoted_brief, str) and quoted_brief not in loader.articles:
                needed.add(quoted_brief)
    for brief_id in sorted(b for b in needed if b in stored):
        raw = _read_json(data / "briefs" / f"{brief_id}.json")
        try:
            article = load(Article, raw["article"]["1"])
        except (ShapeError, KeyError, TypeError):
            raise _FullBuild from None
        loader.indexes[brief_id] = ArticleIndex(article)
    for entry in entries:
        if entry.doc is not None:
            loader.resolve_footnotes(entry)


def _entity_changes(
    old_files: dict[str, Any], scan: dict[str, Any]
) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(added, changed, removed) person and faction files: id → kind."""
    added: dict[str, str] = {}
    changed: dict[str, str] = {}
    removed: dict[str, str] = {}
    for kind in ("person", "faction"):
        old = old_files.get(kind) or {}
        now = scan[kind]
        for entity_id, stat in now.items():
            if entity_id not in old:
                added[entity_id] = kind
            elif old[entity_id] != stat:
                changed[entity_id] = kind
        removed.update((entity_id, kind) for entity_id in old if entity_id not in now)
    return added, changed, removed


def own_quotes_only(entries: list[Any]) -> None:
    """A brief whose footnote quotes another brief's article: the full build links those."""
    from ..ingest.content import _FOOTNOTE_BRIEF

    for entry in entries:
        if entry.kind == "brief" and entry.doc is not None:
            for note in entry.doc.footnotes.values():
                match = _FOOTNOTE_BRIEF.match(note.text)
                if match and match.group(1) != entry.id:
                    raise _FullBuild  # quotes another brief's article


def _incremental(
    content: Path, target: Path, scan: dict[str, Any], progress: Progress | None
) -> BuildResult:
    catalog_path, data = store_paths(target)
    cache = _read_json(cache_path(data))
    if not _cache_fits(cache, content):
        raise _FullBuild
    old_files = cache["files"]
    kind_of: dict[str, str] = {}
    for kind, _ in KINDS:
        for file_id in scan[kind]:
            if kind_of.setdefault(file_id, kind) != kind:
                raise _FullBuild  # one id, two files: the full build reports it
    entity_added, entity_changed, entity_removed = _entity_changes(old_files, scan)
    if set(entity_added) & set(entity_removed):
        raise _FullBuild  # an id moved between people and factions
    root = content.resolve().parent
    old_briefs: dict[str, list[int]] = old_files.get("brief", {})
    now_briefs: dict[str, list[int]] = scan["brief"]
    removed = sorted(set(old_briefs) - set(now_briefs))
    seeds = cache["seeds"]
    prefix = str(root) + os.sep
    changed = sorted(
        b
        for b, stat in now_briefs.items()
        if old_briefs.get(b) != stat
        or b not in seeds
        or _stat_text(prefix + seeds[b][0]) != seeds[b][1]
    )
    if not changed and not removed and not (entity_added or entity_changed or entity_removed):
        catalog = _read_json(catalog_path)
        try:
            numbers = catalog["meta"]["1"]["counts"]
            return BuildResult.of(numbers, 0, incremental=True)
        except (KeyError, TypeError):
            raise _FullBuild from None
    # the parser only once something changed ("up to date" answers without it)
    from ..ingest.content import _Loader, link
    from ..ingest.errors import BuildFailed
    from ..ingest.text import fold
    from .indexing import briefs_naming

    quoted: dict[str, list[str]] = cache["quoted"]
    if (
        not (entity_changed or entity_removed)
        and isinstance(cache.get("names"), list)
        and cache.get("names_of") == _entity_stamp(old_files)
        and not any(quoted.get(b) for b in [*changed, *removed])
    ):
        done = _briefs_only(content, target, scan, progress, cache, changed, removed, entity_added)
        if done is not None:
            return done
    catalog = _read_json(catalog_path)
    try:
        headers = {raw["id"]: raw for raw in catalog["briefs"].values()}
        meta = catalog["meta"]["1"]
        people_raw = {raw["id"]: raw for raw in catalog["people"].values()}
        factions_raw = {raw["id"]: raw for raw in catalog["factions"].values()}
        old_indices = catalog["indices"]["1"]
    except (KeyError, TypeError, AttributeError):
        raise _FullBuild from None
    if (
        meta.get("schema_version") != SCHEMA_VERSION
        or set(headers) != set(old_briefs)
        or set(people_raw) != set(old_files.get("person") or {})
        or set(factions_raw) != set(old_files.get("faction") or {})
    ):
        raise _FullBuild
    if any(set(quoted.get(b, [])) - set(entity_removed) for b in removed):
        raise _FullBuild  # a person's or faction's footnote quotes a removed article
    try:
        incoming, members = old_indices["incoming"], old_indices["members"]
        renamed = set(entity_removed) | set(entity_changed)
        for entity_id in entity_removed:
            sources = {row[0] for row in incoming.get(entity_id, [])}
            sources |= set(members.get(entity_id, []))
            if sources - renamed:
                raise _FullBuild  # a relation or role names it: the full build says so
    except (KeyError, TypeError, AttributeError, IndexError):
        raise _FullBuild from None
    # people and factions quoting a changed article: their sources are found again
    requote = sorted({e for b in changed for e in quoted.get(b, [])} - set(entity_removed))
    reparsed = sorted({*entity_added, *entity_changed, *requote})

    # -- parse and check the changed briefs and entity files -------------------------------------
    loader = _Loader(content)
    loader.progress = progress
    folder = (content / "briefs").resolve()
    loader.kinds = {(kind, file_id) for file_id, kind in kind_of.items()}
    only = {folder / f"{b}.md" for b in changed}
    for entity_id in reparsed:
        kind = "people" if kind_of[entity_id] == "person" else "factions"
        only.add((content / kind / f"{entity_id}.md").resolve())
    loader.discover(only=only)
    if len(loader.files) != len(only):
        raise _FullBuild

    own_quotes_only(loader.files)
    _load_more(loader, list(loader.files), set(headers) - set(changed), data)
    made: dict[str, Any] = {}
    for entry in loader.of_kind("person"):
        made[entry.id] = loader.person(entry)
    for entry in loader.of_kind("faction"):
        made[entry.id] = loader.faction(entry)
    errors = [e for f in loader.files for e in f.errors]
    if errors:
        raise BuildFailed(errors)
    # names: no two entities may share one (the full build reports a clash)
    owners: dict[str, str] = {}
    for table in (people_raw, factions_raw):
        for entity_id, raw in table.items():
            if entity_id in made or entity_id in entity_removed:
                continue
            for name in [raw["name"], *raw.get("aliases", [])]:
                owners.setdefault(fold(name), entity_id)
    fresh_names: set[str] = set()
    for entity_id, model in made.items():
        old = people_raw.get(entity_id) or factions_raw.get(entity_id)
        before = {old["name"], *old.get("aliases", [])} if old is not None else set()
        for name in model.names:
            if owners.setdefault(fold(name), entity_id) != entity_id:
                raise _FullBuild
            if name not in before:
                fresh_names.add(name)
    # the stored form of every person and faction, now
    for entity_id in entity_removed:
        people_raw.pop(entity_id, None)
        factions_raw.pop(entity_id, None)
    for entity_id, model in made.items():
        table = people_raw if isinstance(model, Person) else factions_raw
        table[entity_id] = orjson.loads(orjson.dumps(model))

    # briefs to link again though their files did not change: those naming a changed or removed
    # entity, and those holding a name that is new (where a new mention may now be found)
    actors: dict[str, list[str]] = cache["actors"]
    gone = set(entity_changed) | set(entity_removed)
    relink: set[str] = set()
    if gone:
        relink |= {b for b, named in actors.items() if not gone.isdisjoint(named)}
    if fresh_names:
        found = briefs_naming(data / "search", sorted(fresh_names))
        relink |= set(headers) if found is None else found
    relink = (relink & set(headers)) - set(changed) - set(removed)
    people, factions, briefs, events = _link_briefs(
        loader, folder, relink, set(headers) - set(changed), data, made, people_raw, factions_raw
    )
    touched = set(changed) | set(removed) | relink
    names = [
        (raw["id"], name)
        for table in (people_raw, factions_raw)
        for raw in table.values()
        for name in [raw["name"], *raw.get("aliases", [])]
    ]
    linked = link(briefs, loader.articles, people, factions, events, names=names)

    # -- patch the catalog -----------------------------------------------------------------------
    by_brief: dict[str, list[Mention]] = {}
    for m in linked.mentions:
        by_brief.setdefault(m.brief, []).append(m)
    files: dict[str, bytes] = {}
    actors_before = {b: list(actors.get(b, [])) for b in touched}
    for b in removed:
        actors.pop(b, None)
    for brief in linked.briefs.values():
        actors[brief.id] = list(brief.actors)
    for b in touched:
        headers.pop(b, None)
    mention_counts: dict[str, int] = dict(cache["mentions"])
    for b in removed:
        mention_counts.pop(b, None)
    for brief_id, brief in linked.briefs.items():
        doc, brief_hash = brief_document(linked, brief, by_brief.get(brief_id, []))
        files[f"briefs/{brief_id}.json"] = _dumps(doc)
        headers[brief_id] = orjson.loads(orjson.dumps(header(brief, brief_hash)))
        mention_counts[brief_id] = len(by_brief.get(brief_id, []))
    # briefs whose file comes out as stored (linked again for a person's reworded file, say):
    # their mentions, events and title are what the entity pages hold already
    moved = touched - _as_stored(data, files, linked.briefs)
    old_actors = {a for b in moved for a in actors_before.get(b, [])}
    appears_in: dict[str, list[str]] = {}
    for brief_id in sorted(headers, key=lambda b: b + ".md"):  # the full build's file order
        for actor in actors[brief_id]:
            appears_in.setdefault(actor, []).append(brief_id)
    for table in (people_raw, factions_raw):
        for entity_id, raw in table.items():
            raw["briefs"] = appears_in.get(entity_id, [])
    people = _Models(Person, people_raw)
    factions = _Models(Faction, factions_raw)
    ordered = sorted(headers.values(), key=header_order, reverse=True)
    numbers = {
        "briefs": len(headers),
        "people": len(people),
        "factions": len(factions),
        "events": sum(h["events"] for h in headers.values()),
        "mentions": sum(mention_counts.values()),
    }
    # relations and roles change only with an entity's file (or its sources, with requotes)
    indices = old_indices if not made and not entity_removed else None
    if indices is None:
        try:
            indices = small_indices(
                {k: _skeleton(Person, raw) for k, raw in people_raw.items()},
                {k: _skeleton(Faction, raw) for k, raw in factions_raw.items()},
            )
        except (KeyError, TypeError, AttributeError):
            raise _FullBuild from None
    files |= catalog_files(catalog_from_parts(ordered, people_raw, factions_raw, numbers, indices))

    # -- patch the entity index files of every entity these briefs name ---------------------------
    new_actors = {a for b in linked.briefs.values() if b.id in moved for a in b.actors}
    affected = sorted(
        ((old_actors | new_actors) & (set(people) | set(factions)))
        | set(entity_added)
        | set(entity_changed)
    )
    titles = {brief_id: raw["title"] for brief_id, raw in headers.items()}
    files.update(
        _entities_moved(
            data,
            linked,
            by_brief,
            moved,
            affected,
            set(entity_added),
            lambda entity_id: entity_context(entity_id, people_raw, factions_raw, indices),
            titles,
            {},
        )
    )
    # the heads of other entities whose context (record, members, inverse relations, the names
    # they show) changed with a person's or faction's file
    if made or entity_removed:
        renewed = set(made) | set(entity_removed)
        done = set(affected)
        for entity_id in sorted(set(people_raw) | set(factions_raw)):
            if entity_id in done:
                continue
            context = entity_context(entity_id, people_raw, factions_raw, indices)
            if (
                entity_id not in made
                and renewed.isdisjoint(context["names"])
                and old_indices["members"].get(entity_id, []) == context["members"]
                and old_indices["incoming"].get(entity_id, [])
                == indices["incoming"].get(entity_id, [])
            ):
                continue
            head = read_entity_head(data, entity_id)
            if head is None:
                raise _FullBuild
            name, payload = entity_head_with(head, context)
            files[name] = payload
    # search documents of entities that show a changed entity's name or affiliations
    shown = set(affected)
    for entity_id in entity_changed:
        for index in (old_indices, indices):
            shown |= {source for source, _, _ in index["incoming"].get(entity_id, [])}
            shown |= set(index["members"].get(entity_id, []))
    shown &= set(people) | set(factions)

    def search(folder: Path, _catalog: bytes) -> None:
        from .indexing import update_search

        if (folder / "index.json").is_file():
            library = Library(
                linked.briefs, linked.articles, people, factions, linked.events, linked.mentions
            )
            update_search(library, folder, linked.briefs, removed, sorted(shown), entity_removed)

    if progress is not None:
        progress("writing", 0, 1)
    write_files(target, files, complete=False, search=search)
    for b in removed:
        (data / "briefs" / f"{b}.json").unlink(missing_ok=True)
    for entity_id in entity_removed:
        (data / "entities" / f"{entity_id}.json").unlink(missing_ok=True)
        shutil.rmtree(data / "entities" / entity_id, ignore_errors=True)
    cache["files"] = scan
    for b in removed:
        cache["seeds"].pop(b, None)
    for brief in linked.briefs.values():
        cache["seeds"][brief.id] = [brief.source_path, _stat(root / brief.source_path)]
    cache["mentions"] = mention_counts
    cache["actors"] = actors
    cache["names"] = _names(people_raw, factions_raw)
    cache["names_of"] = _entity_stamp(scan)
    if made or entity_removed:
        renewed = set(made) | set(entity_removed)
        merged_quotes: dict[str, set[str]] = {
            b: {o for o in owners if o not in renewed} for b, owners in quoted.items()
        }
        cache["quoted"] = _with_quotes_of(merged_quotes, made)
    write_atomic(cache_path(data), orjson.dumps(cache), sync=False)
    if progress is not None:
        progress("done", 1, 1)
    return BuildResult.of(
        numbers,
        sum(len(b) for b in files.values()),
        incremental=True,
        rebuilt=len(touched),
        entities_rebuilt=len(entity_added) + len(entity_changed) + len(entity_removed),
    )


class _Records(Mapping[str, Any]):
    """A catalog table's records by id (:class:`CatalogParts`), each parsed when first asked
    for; the ones changed (:meth:`set`) are written back by :meth:`patch`."""

    def __init__(self, parts: CatalogParts, table: str) -> None:
        self._parts = parts
        self._table = table
        self._ids = parts.ids(table)
        self._parsed: dict[str, Any] = {}
        self._changed: set[str] = set()
        self._added: set[str] = set()

    def add(self, key: str, record: Any) -> None:
        """A new record (its file is new): written in its place by id."""
        self._parsed[key] = record
        self._added.add(key)

    def __getitem__(self, key: str) -> Any:
        found = self._parsed.get(key)
        if found is None:
            at = self._parts.find(self._table, key)
            if at is None:
                raise KeyError(key)
            found = self._parsed[key] = orjson.loads(self._parts.document(self._table, at))
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (
            key in self._added or self._parts.find(self._table, key) is not None
        )

    def __iter__(self) -> Iterator[str]:
        return iter([*self._ids, *sorted(self._added)])

    def __len__(self) -> int:
        return len(self._ids) + len(self._added)

    def set(self, key: str, field: str, value: Any) -> None:
        record = self[key]
        if record.get(field) != value:
            record[field] = value
            self._changed.add(key)

    def patch(self) -> None:
        order = self._parts.order[self._table]
        for key in self._changed - self._added:
            at = self._parts.find(self._table, key)
            assert at is not None
            order[at] = orjson.dumps(self._parsed[key])
        if not self._added:
            return
        new = sorted(self._added)  # stored records are in id order: new ones go in their places
        merged: list[int | bytes] = []
        for stored_id, entry in zip(self._ids, order, strict=True):
            while new and new[0] < stored_id:
                merged.append(orjson.dumps(self._parsed[new.pop(0)]))
            merged.append(entry)
        merged += [orjson.dumps(self._parsed[key]) for key in new]
        order[:] = merged


class _Titles(Mapping[str, str]):
    """Brief id → title, from the catalog's headers (parsed when asked for) and the briefs just
    built (``fresh``); ``gone`` briefs have none."""

    def __init__(self, parts: CatalogParts, fresh: dict[str, str], gone: set[str]) -> None:
        self._parts = parts
        self._fresh = fresh
        self._gone = gone
        self.known: dict[str, str] = {}  # as the entity pages hold them (unchanged briefs)

    def __bool__(self) -> bool:
        return True

    def __getitem__(self, key: str) -> str:
        if key in self._fresh:
            return self._fresh[key]
        if key in self.known and key not in self._gone:
            return self.known[key]
        at = self._parts.find("briefs", key)
        if at is None or key in self._gone:
            raise KeyError(key)
        return str(orjson.loads(self._parts.document("briefs", at))["title"])

    def __contains__(self, key: object) -> bool:
        return key in self._fresh or (
            isinstance(key, str)
            and key not in self._gone
            and self._parts.find("briefs", key) is not None
        )

    def __iter__(self) -> Iterator[str]:
        seen = [b for b in self._parts.ids("briefs") if b not in self._gone]
        return iter([*seen, *(b for b in self._fresh if b not in set(seen))])

    def __len__(self) -> int:
        return sum(1 for _ in self)


def _link_briefs(
    loader: Any,
    folder: Path,
    relink: set[str],
    kept: set[str],
    data: Path,
    made: dict[str, Any],
    people_raw: Any,
    factions_raw: Any,
) -> tuple[_Models, _Models, dict[str, Any], dict[str, Event]]:
    """An incremental build's briefs linked: the ``relink`` briefs (unchanged, but naming an
    entity that came or went) read too, every file in the full build's order, each brief linked
    to the people and factions (the stored ones and the ``made`` ones); raises
    :class:`BuildFailed` with every file's errors."""
    from ..ingest.errors import BuildFailed

    if relink:
        count = len(loader.files)
        loader.discover(only={folder / f"{b}.md" for b in relink})
        extra = loader.files[count:]
        if len(extra) != len(relink):
            raise _FullBuild
        own_quotes_only(extra)
        _load_more(loader, extra, kept, data)
    order = {"brief": 0, "person": 1, "faction": 2}
    loader.files.sort(key=lambda f: (order.get(f.kind, 3), str(f.path)))
    people: _Models = _Models(Person, people_raw)
    factions: _Models = _Models(Faction, factions_raw)
    for entity_id, model in made.items():
        (people if isinstance(model, Person) else factions)._made[entity_id] = model
    briefs: dict[str, Any] = {}
    events: dict[str, Event] = {}
    for entry in loader.of_kind("brief"):
        brief, brief_events = loader.brief(entry, people, factions)
        briefs[brief.id] = brief
        events.update((e.id, e) for e in brief_events)
    errors = [e for f in loader.files for e in f.errors]
    if errors:
        raise BuildFailed(errors)
    return people, factions, briefs, events


def _as_stored(data: Path, files: dict[str, bytes], briefs: Iterable[str]) -> set[str]:
    """The ``briefs`` whose file (in ``files``, about to be written) is the stored one, byte for
    byte."""
    same = set()
    for brief_id in briefs:
        name = f"briefs/{brief_id}.json"
        try:
            if (data / name).read_bytes() == files[name]:
                same.add(brief_id)
        except OSError:
            continue
    return same


def _old_event_actors(data: Path, briefs: Iterable[str]) -> set[str]:
    """Every actor of the events the stored ``briefs`` had (their files as the store holds them,
    before this build writes them)."""
    named: set[str] = set()
    for brief_id in briefs:
        try:
            raw = orjson.loads((data / "briefs" / f"{brief_id}.json").read_bytes())
        except FileNotFoundError:
            continue  # a brief new to the store
        except (OSError, orjson.JSONDecodeError):
            raise _FullBuild from None
        try:
            for event in raw["events"].values():
                named.update(event["actors"])
        except (KeyError, TypeError, AttributeError):
            raise _FullBuild from None
    return named


def _entities_moved(
    data: Path,
    linked: Library,
    by_brief: Mapping[str, list[Any]],
    moved: set[str],
    affected: Iterable[str],
    made: set[str],
    context_of: Callable[[str], dict[str, Any]],
    titles: Mapping[str, str],
    known: dict[str, str],
) -> list[tuple[str, bytes]]:
    """The entity files of ``affected`` once the ``moved`` briefs' events and mentions are in:
    written whole for the entities just ``made``, patched (:func:`_updated_entity`) for the rest."""
    new_events: dict[str, list[Event]] = {}
    for event in linked.events.values():
        if event.brief in moved:
            for actor in event.actors:
                new_events.setdefault(actor, []).append(event)
    new_rows: dict[str, list[list[Any]]] = {}
    for brief_id in sorted(set(by_brief) & moved):
        for m in by_brief[brief_id]:
            new_rows.setdefault(m.entity, []).append(
                [m.brief, m.field, m.start, m.end, m.sentence, m.text]
            )
    had_events = _old_event_actors(data, sorted(moved))
    files: list[tuple[str, bytes]] = []
    for entity_id in affected:
        context = context_of(entity_id)
        if entity_id in made:
            merged = [orjson.loads(orjson.dumps(e)) for e in new_events.get(entity_id, [])]
            merged.sort(key=lambda e: (e["date"]["sort_key"], e["id"]))
            rows = new_rows.get(entity_id, [])
            files.extend(entity_files(entity_id, merged, rows, context, titles))
            continue
        files.extend(
            _updated_entity(
                data,
                entity_id,
                moved,
                entity_id in had_events,
                new_events.get(entity_id, []),
                new_rows.get(entity_id, []),
                context,
                titles,
                known,
            )
        )
    return files


def _updated_entity(
    data: Path,
    entity_id: str,
    touched: set[str],
    events_touched: bool,
    new_events: list[Event],
    new_rows: list[list[Any]],
    context: dict[str, Any],
    titles: Mapping[str, str],
    known: dict[str, str],
) -> list[tuple[str, bytes]]:
    """The files of a stored entity whose mentions (and events, with ``events_touched`` or new
    events) in the ``touched`` briefs are replaced by ``new_rows`` / ``new_events``. Mention rows
    are in brief order, so the pages before the first holding a touched brief stay as they are:
    only the later ones are read and written again (the most-named faction of a 10,000-brief
    library has ~50 pages). ``known`` gets the brief titles the pages read hold."""
    head = read_entity_head(data, entity_id)
    folder = data / "entities" / entity_id
    try:
        assert head is not None
        page, count = int(head["page"]), int(head["mentions"])
        pages = -(-count // page)
        if page != writer.ENTITY_PAGE or len(head["sources"]) != pages:
            raise _FullBuild
        read: dict[int, list[list[Any]]] = {}

        def rows_of(number: int) -> list[list[Any]]:
            if number not in read:
                stored = orjson.loads((folder / f"mentions.{number}.json").read_bytes())
                known.update(stored["titles"]["1"])
                read[number] = stored["mentions"]["1"]["rows"]
            return read[number]

        start, before = pages, count  # no brief touched: every row page stays
        if touched:
            first = min(touched)
            low, high = 0, pages
            while low < high:  # the first page with a touched brief's row
                middle = (low + high) // 2
                if rows_of(middle)[-1][0] < first:
                    low = middle + 1
                else:
                    high = middle
            start = min(low, max(pages - 1, 0))  # a last page not full takes the new rows too
            before = start * page
        tail = [row for number in range(start, pages) for row in rows_of(number)]
        if len(tail) != count - before:
            raise _FullBuild
        kept = [row for row in tail if row[0] not in touched]
        rows = sorted([*kept, *new_rows], key=lambda r: r[0])
        events: list[Any] | None = None
        if events_touched or new_events:
            events = []
            for number in range(-(-int(head["events"]) // page)):
                stored = orjson.loads((folder / f"events.{number}.json").read_bytes())
                known.update(stored["titles"]["1"])
                events += stored["events"].values()
            if len(events) != head["events"]:
                raise _FullBuild
            events = [e for e in events if e["brief"] not in touched]
            events += (orjson.loads(orjson.dumps(e)) for e in new_events)
            events.sort(key=lambda e: (e["date"]["sort_key"], e["id"]))
        return entity_files_from(
            entity_id,
            events,
            rows,
            context,
            titles,
            first_page=start,
            rows_before=before,
            sources_before=list(head["sources"][:start]),
            event_count=int(head["events"]),
        )
    except (AssertionError, OSError, orjson.JSONDecodeError, KeyError, TypeError, IndexError):
        raise _FullBuild from None


def _indices_with(
    indices: dict[str, Any],
    made: dict[str, Any],
    people: Mapping[str, Any],
) -> dict[str, Any]:
    """:func:`small_indices` of the stored people and factions and the new ones (``made``,
    models), from the stored indices: the new entities' relations and roles put in the order
    the full build makes (sources people first, then factions, each by id; a dict's keys in the
    order their first entry comes)."""
    incoming = {k: list(v) for k, v in indices["incoming"].items()}
    members = {k: list(v) for k, v in indices["members"].items()}
    targets: set[str] = set()
    groups: set[str] = set()
    for entity_id in sorted(made):
        model = made[entity_id]
        links = [("relations", r) for r in model.relations]
        if isinstance(model, Faction):
            links += [("part_of", r) for r in model.part_of]
        counted: dict[str, int] = {}
        for attribute, relation in links:
            number = counted.get(attribute, 0)
            counted[attribute] = number + 1
            incoming.setdefault(relation.target, []).append([entity_id, attribute, number])
            targets.add(relation.target)
        if isinstance(model, Person):
            for role in model.roles:
                if role.faction and entity_id not in members.get(role.faction, []):
                    members.setdefault(role.faction, []).append(entity_id)
                    groups.add(role.faction)

    def entry_key(entry: list[Any]) -> tuple[int, str, int, int]:
        return (
            0 if entry[0] in people else 1,
            entry[0],
            0 if entry[1] == "relations" else 1,
            entry[2],
        )

    for target in targets:
        incoming[target].sort(key=entry_key)
    incoming = dict(sorted(incoming.items(), key=lambda item: entry_key(item[1][0])))
    for group in groups:
        members[group].sort()

    def member_key(item: tuple[str, list[str]]) -> tuple[str, int]:
        faction, persons = item
        first = made.get(persons[0])
        roles = (
            [role.faction for role in first.roles]
            if first is not None
            else [role.get("faction") for role in people[persons[0]].get("roles", [])]
        )
        return persons[0], roles.index(faction)

    if groups - set(indices["members"]) or any(
        members[g][0] != indices["members"].get(g, [None])[0] for g in groups
    ):
        members = dict(sorted(members.items(), key=member_key))
    return {"incoming": incoming, "members": members}


def _briefs_only(
    content: Path,
    target: Path,
    scan: dict[str, Any],
    progress: Progress | None,
    cache: dict[str, Any],
    changed: list[str],
    removed: list[str],
    added: dict[str, str] | None = None,
) -> BuildResult | None:
    """The incremental build when only brief files changed, were added or removed (and none of
    them is quoted by a person or faction): the catalog is patched as bytes (:class:`CatalogParts`:
    the touched briefs' headers, the ``briefs`` of the people and factions they name, the
    counts), never parsed or written whole; the mention finder's names come from the build
    cache. New person and faction files (``added``: id → kind) are parsed, their records put in
    the catalog in their places, and the briefs that may name them linked again. None when the
    catalog is not laid out as expected, or every brief would be linked again (the caller
    parses the catalog)."""
    from ..ingest.content import _Loader, link
    from ..ingest.errors import BuildFailed
    from ..ingest.text import fold
    from .indexing import briefs_naming

    added = added or {}
    catalog_path, data = store_paths(target)
    try:
        parts = CatalogParts.split(catalog_path.read_bytes())
    except OSError:
        raise _FullBuild from None
    if parts is None:
        return None
    old_files = cache["files"]
    old_briefs: dict[str, list[int]] = old_files.get("brief", {})
    meta = orjson.loads(parts.meta)["1"]
    if (
        meta.get("schema_version") != SCHEMA_VERSION
        or set(parts.ids("briefs")) != set(old_briefs)
        or set(parts.ids("people")) != set(old_files.get("person") or {})
        or set(parts.ids("factions")) != set(old_files.get("faction") or {})
    ):
        raise _FullBuild
    people_raw = _Records(parts, "people")
    factions_raw = _Records(parts, "factions")
    stored = set(parts.ids("briefs"))

    # -- parse, check and link the changed briefs ------------------------------------------------
    loader = _Loader(content)
    loader.progress = progress
    folder = (content / "briefs").resolve()
    loader.kinds = {(kind, file_id) for kind, _ in KINDS for file_id in scan[kind]}
    only = {folder / f"{b}.md" for b in changed}
    for entity_id, kind in added.items():
        only.add(
            (content / ("people" if kind == "person" else "factions") / f"{entity_id}.md").resolve()
        )
    loader.discover(only=only)
    if len(loader.files) != len(only):
        raise _FullBuild
    own_quotes_only(loader.files)
    _load_more(loader, list(loader.files), stored - set(changed), data)
    made: dict[str, Any] = {}
    for entry in loader.of_kind("person"):
        made[entry.id] = loader.person(entry)
    for entry in loader.of_kind("faction"):
        made[entry.id] = loader.faction(entry)
    errors = [e for f in loader.files for e in f.errors]
    if errors:
        raise BuildFailed(errors)
    named: dict[str, list[str]] = {}
    for entity_id, name in cache["names"]:
        named.setdefault(entity_id, []).append(name)
    owners: dict[str, str] = {}
    for entity_id, names_of in named.items():
        for name in names_of:
            owners.setdefault(fold(name), entity_id)
    fresh_names: set[str] = set()
    for entity_id, model in made.items():
        for name in model.names:
            if owners.setdefault(fold(name), entity_id) != entity_id:
                raise _FullBuild  # a name clash: the full build reports it
            fresh_names.add(name)
        named[entity_id] = list(model.names)
        table = people_raw if isinstance(model, Person) else factions_raw
        table.add(entity_id, orjson.loads(orjson.dumps(model)))
    relink: set[str] = set()
    if fresh_names:  # briefs that may name a new entity are linked again
        found = briefs_naming(data / "search", sorted(fresh_names))
        if found is None:
            return None
        relink = (found & stored) - set(changed) - set(removed)
    people, factions, briefs, events = _link_briefs(
        loader, folder, relink, stored - set(changed), data, made, people_raw, factions_raw
    )
    if made:
        names = [
            (entity_id, name)
            for table in (people_raw, factions_raw)
            for entity_id in sorted(table)
            for name in named.get(entity_id, [])
        ]
    else:
        names = [(entity_id, name) for entity_id, name in cache["names"]]
    linked = link(briefs, loader.articles, people, factions, events, names=names)

    # -- the touched briefs' headers, in the catalog's order (newest first) ---------------------
    touched = set(changed) | set(removed) | relink
    actors: dict[str, list[str]] = cache["actors"]
    old_actors = {a for b in touched for a in actors.get(b, [])}
    order = parts.order["briefs"]
    ids = parts.ids("briefs")
    events_total = int(meta["counts"]["events"])
    kept: list[int | bytes] = []
    for at in order:
        if isinstance(at, int) and ids[at] in touched:
            events_total -= int(orjson.loads(parts.document("briefs", at))["events"])
        else:
            kept.append(at)
    order[:] = kept
    by_brief: dict[str, list[Mention]] = {}
    for m in linked.mentions:
        by_brief.setdefault(m.brief, []).append(m)
    files: dict[str, bytes] = {}
    mention_counts: dict[str, int] = cache["mentions"]
    for b in removed:
        actors.pop(b, None)
        mention_counts.pop(b, None)
    keys: dict[int, Any] = {}

    def key_at(position: int) -> Any:
        at = order[position]
        if isinstance(at, bytes):
            return header_order(orjson.loads(at))
        if at not in keys:
            keys[at] = header_order(orjson.loads(parts.document("briefs", at)))
        return keys[at]

    fresh_titles: dict[str, str] = {}
    for brief_id, brief in linked.briefs.items():
        doc, brief_hash = brief_document(linked, brief, by_brief.get(brief_id, []))
        files[f"briefs/{brief_id}.json"] = _dumps(doc)
        head = header(brief, brief_hash)
        fresh_titles[brief_id] = brief.title
        events_total += len(brief.events)
        mention_counts[brief_id] = len(by_brief.get(brief_id, []))
        actors[brief_id] = list(brief.actors)
        wanted = header_order(orjson.loads(orjson.dumps(head)))
        low, high = 0, len(order)  # newest first: the first place whose key is smaller
        while low < high:
            middle = (low + high) // 2
            if key_at(middle) > wanted:
                low = middle + 1
            else:
                high = middle
        order.insert(low, orjson.dumps(head))
        keys = {}  # positions moved

    # -- each named person's and faction's briefs ----------------------------------------------
    new_actors = {a for b in linked.briefs.values() for a in b.actors}
    affected = sorted(
        ((old_actors | new_actors) & (set(people_raw) | set(factions_raw))) | set(made)
    )
    for entity_id in affected:
        table = people_raw if entity_id in people_raw else factions_raw
        now = {b for b, brief in linked.briefs.items() if entity_id in brief.actors}
        then = set(table[entity_id].get("briefs", [])) - touched
        table.set(entity_id, "briefs", sorted(then | now, key=lambda b: b + ".md"))
    people_raw.patch()
    factions_raw.patch()
    numbers = {
        "briefs": len(order),
        "people": len(people_raw),
        "factions": len(factions_raw),
        "events": events_total,
        "mentions": sum(mention_counts.values()),
    }
    parts.meta = meta_table(numbers)

    # -- the entity files of every entity these briefs name (before or after) -------------------
    indices = orjson.loads(parts.indices)["1"]
    if made:
        indices = _indices_with(indices, made, people_raw)
        parts.indices = orjson.dumps(_table([indices]))
    moved = touched - _as_stored(data, files, linked.briefs)  # the rest: pages hold them as is
    titles = _Titles(parts, fresh_titles, set(removed))
    files.update(
        _entities_moved(
            data,
            linked,
            by_brief,
            moved,
            affected,
            set(made),
            lambda entity_id: entity_context(
                entity_id,
                people_raw,  # type: ignore[arg-type]
                factions_raw,  # type: ignore[arg-type]
                indices,
            ),
            titles,
            titles.known,
        )
    )

    # the heads of entities a new one names (their members, inverse relations and names)
    shown = set(affected)
    for model in made.values():
        linked_to = [r.target for r in model.relations]
        linked_to += [r.target for r in getattr(model, "part_of", ())]
        linked_to += [role.faction for role in getattr(model, "roles", ()) if role.faction]
        for entity_id in sorted(set(linked_to) - shown - set(made)):
            head = read_entity_head(data, entity_id)
            if head is None or (entity_id not in people_raw and entity_id not in factions_raw):
                raise _FullBuild
            context = entity_context(entity_id, people_raw, factions_raw, indices)  # type: ignore[arg-type]
            name, payload = entity_head_with(head, context)
            files[name] = payload
    files |= parts.files()

    people = _Models(Person, people_raw)  # with their briefs now
    factions = _Models(Faction, factions_raw)

    def search(folder: Path, _catalog: bytes) -> None:
        from .indexing import update_search

        if (folder / "index.json").is_file():
            library = Library(
                linked.briefs, linked.articles, people, factions, linked.events, linked.mentions
            )
            update_search(library, folder, linked.briefs, removed, sorted(shown), ())

    if progress is not None:
        progress("writing", 0, 1)
    write_files(target, files, complete=False, search=search)
    for b in removed:
        (data / "briefs" / f"{b}.json").unlink(missing_ok=True)
    root = content.resolve().parent
    cache["files"] = scan
    for b in removed:
        cache["seeds"].pop(b, None)
    for brief in linked.briefs.values():
        cache["seeds"][brief.id] = [brief.source_path, _stat(root / brief.source_path)]
    if made:
        cache["names"] = [[entity_id, name] for entity_id, name in names]
        cache["names_of"] = _entity_stamp(scan)
        merged_quotes: dict[str, set[str]] = {b: set(o) for b, o in cache["quoted"].items()}
        cache["quoted"] = _with_quotes_of(merged_quotes, made)
    write_atomic(cache_path(data), orjson.dumps(cache), sync=False)
    if progress is not None:
        progress("done", 1, 1)
    return BuildResult.of(
        numbers,
        sum(len(b) for b in files.values()),
        incremental=True,
        rebuilt=len(touched),
        entities_rebuilt=len(made),
    )


def _with_quotes_of(quotes: dict[str, set[str]], made: Mapping[str, Any]) -> dict[str, list[str]]:
    """The build cache's ``quoted`` (brief → the people and factions quoting its article): ``quotes``
    with those of the people and factions ``made`` added."""
    parsed = Library(
        {},
        {},
        {k: v for k, v in made.items() if isinstance(v, Person)},
        {k: v for k, v in made.items() if isinstance(v, Faction)},
        {},
        (),
    )
    for brief_id, owners in _quoted_briefs(parsed).items():
        quotes.setdefault(brief_id, set()).update(owners)
    return {b: sorted(o) for b, o in sorted(quotes.items()) if o}


def check_store(library: Library, target: Path) -> list[str]:
    """The files of the store at ``target`` that differ from what ``library`` builds."""
    return stale_files(target, iter_files(library))


# -- an import's draft, checked against the built store ------------------------------------------
_SCANNED: dict[tuple[str, str], Any] = {}  # store_names()' look at the files, for check_draft()


def _current(
    content: Path, target: Path, *, again: bool = False
) -> tuple[dict[str, Any], dict[str, Any], Path] | None:
    """(content scan, catalog, data directory) when the store at ``target`` was built from
    ``content`` and its people and factions are the files on disk now; else None. ``again``:
    the answer is kept for one more call (an import names its draft, then checks it)."""
    import time

    key = (str(content), str(target))
    if key in _SCANNED:
        at, kept = _SCANNED.pop(key)
        if time.monotonic() - at < 5:  # the same import, a moment ago
            return kept
    found = _look(content, target)
    if found is None and again and _has_cache(content, target):
        # people or factions changed since the last build: bring the store up to date (an
        # incremental build) rather than parse every file; a failed build changes nothing
        from ..ingest.errors import BuildFailed
        from .shape import StoreError

        try:
            _incremental(content, target, _scan(content), None)  # never the full build
        except (_FullBuild, BuildFailed, StoreError, OSError, ValueError, KeyError, TypeError):
            return None
        found = _look(content, target)
    if again:
        _SCANNED[key] = (time.monotonic(), found)
    return found


def _has_cache(content: Path, target: Path) -> bool:
    _, data = store_paths(target)
    return cache_path(data).is_file()


def _cache_fits(cache: Any, content: Path) -> bool:
    """The build cache was written by this version, for this schema and this content folder."""
    return (
        isinstance(cache, dict)
        and cache.get("version") == CACHE_VERSION
        and cache.get("generator") == _generator()
        and cache.get("schema_version") == SCHEMA_VERSION
        and cache.get("content") == str(content.resolve())
    )


def _look(content: Path, target: Path) -> tuple[dict[str, Any], dict[str, Any], Path] | None:
    try:
        catalog_path, data = store_paths(target)
        cache = _read_json(cache_path(data), share=True)
        if not _cache_fits(cache, content):
            return None
        scan = _scan(content, briefs=False)
        if any(scan[kind] != cache["files"].get(kind) for kind in ("person", "faction")):
            return None
        scan["built"] = cache["files"].get("brief", {})
        scan["catalog"] = catalog_path
        return scan, cache, data
    except (_FullBuild, KeyError, TypeError, AttributeError):
        return None


def _entities(catalog: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    people = {raw["id"]: raw for raw in catalog["people"].values()}
    factions = {raw["id"]: raw for raw in catalog["factions"].values()}
    return people, factions


def _stored_names(cache: dict[str, Any], catalog_path: Path) -> list[tuple[str, str]]:
    """Every (id, name) of the stored people and factions (people first, each by id): from the
    build cache when its names are the entity files', else from the catalog (parsed)."""
    if isinstance(cache.get("names"), list) and cache.get("names_of") == _entity_stamp(
        cache["files"]
    ):
        return [(entity_id, name) for entity_id, name in cache["names"]]
    catalog = _read_json(catalog_path, share=True)
    if catalog["meta"]["1"].get("schema_version") != SCHEMA_VERSION:
        raise _FullBuild
    people, factions = _entities(catalog)
    return [(entity_id, name) for entity_id, name in _names(people, factions)]


class _HeadRecords(Mapping[str, Any]):
    """Stored people's or factions' records by id, each read from its entity head when asked
    for (an import's draft names a few of the thousands): no catalog parsed."""

    def __init__(self, data: Path, ids: Iterable[str]) -> None:
        self._data = data
        self._ids = set(ids)
        self._read: dict[str, Any] = {}

    def __getitem__(self, key: str) -> Any:
        if key not in self._read:
            if key not in self._ids:
                raise KeyError(key)
            head = read_entity_head(self._data, key)
            if head is None or not isinstance(head.get("record"), dict):
                raise _FullBuild
            self._read[key] = head["record"]
        return self._read[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self._ids.add(key)
        self._read[key] = value

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._ids))

    def __len__(self) -> int:
        return len(self._ids)


def store_names(content: Path, target: Path) -> tuple[set[str], dict[str, tuple[str, str]]] | None:
    """Every id in ``content`` and the folded names and aliases of its people and factions
    (→ (kind, id)), from the store built from it — without parsing a file; None when the store
    is missing or its people and factions are not the files on disk."""
    from ..ingest.text import fold

    current = _current(content, target, again=True)
    if current is None:
        return None
    scan, cache, _ = current
    try:
        kinds = {entity_id: kind for kind in ("person", "faction") for entity_id in scan[kind]}
        names: dict[str, tuple[str, str]] = {}
        for entity_id, name in _stored_names(cache, scan["catalog"]):
            if isinstance(name, str) and name.strip():
                names.setdefault(fold(name), (kinds[entity_id], entity_id))
    except (_FullBuild, KeyError, TypeError, AttributeError):
        return None
    ids = {file_id for kind, _ in KINDS for file_id in scan.get(kind, ())}
    return ids, names


def check_draft(
    content: Path, root: Path, files: dict[Path, bytes], target: Path
) -> list[Any] | None:
    """The errors ``files`` (an import's draft: a brief, its article, new people and factions,
    not yet written) would raise in a build of ``content`` — checked against the store built
    from it instead of loading all of ``content``. None when that store cannot answer (missing,
    stale people or factions, an id or name clash); the caller then loads everything."""
    from ..ingest.content import _Loader
    from ..ingest.text import fold

    current = _current(content, target)
    if current is None:
        return None
    scan, cache, data = current
    try:
        people_raw = _HeadRecords(data, scan["person"])
        factions_raw = _HeadRecords(data, scan["faction"])
        stored = _Unchanged(content, scan["built"], set(cache["files"]["brief"]))
        stored_names = _stored_names(cache, scan["catalog"])
    except (_FullBuild, KeyError, TypeError, AttributeError):
        return None
    loader = _Loader(content, root, overlay=files)
    loader.kinds = {(kind, file_id) for kind, _ in KINDS for file_id in scan[kind]}
    taken = {file_id for kind, _ in KINDS for file_id in scan[kind]}
    loader.discover(only=set())  # the draft's own files (the overlay), nothing on disk
    if any(entry.id in taken for entry in loader.files):
        return None
    try:
        _load_more(loader, list(loader.files), stored, data)
        made: dict[str, Any] = {}
        for entry in loader.of_kind("person"):
            made[entry.id] = loader.person(entry)
        for entry in loader.of_kind("faction"):
            made[entry.id] = loader.faction(entry)
        owners: dict[str, str] = {}
        for entity_id, name in stored_names:
            owners.setdefault(fold(name), entity_id)
        for entity_id, model in made.items():
            if any(owners.setdefault(fold(n), entity_id) != entity_id for n in model.names):
                return None  # a name clash: the full check words it
        people: _Models = _Models(Person, people_raw)
        factions: _Models = _Models(Faction, factions_raw)
        for entity_id, model in made.items():
            models = people if isinstance(model, Person) else factions
            models._raw[entity_id] = {}
            models._made[entity_id] = model
        for entry in loader.of_kind("brief"):
            loader.brief(entry, people, factions)
    except (_FullBuild, KeyError, TypeError, AttributeError):
        return None
    return [e for f in loader.files for e in f.errors]
