"""The store's side of search: build and dump the engine's index at build time, load it lazily.

The engine lives in :mod:`tui.search` (``documents``, ``SearchIndex.build/dump/load/update``);
this module is the only place the store meets it, imported only when a build writes or a search
runs, so the layers stay one-way: catalog → brief data → indices → search.
"""

from __future__ import annotations

import gc
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import Library

if TYPE_CHECKING:
    from .reader import Store

SEGMENT_BRIEFS = 2500  # briefs per search segment built at once (at most 4 at 10,000 briefs)


def dump_search(library: Library, folder: Path) -> None:
    """Build the search index for ``library`` and put it in ``folder``, replacing what was there."""
    from ..search import SearchIndex, documents

    _swap_in(SearchIndex.build(documents(library)), folder)


def dump_search_from_files(
    catalog: bytes, target: Path, folder: Path, chunk: int = 200, jobs: int = 1
) -> None:
    """Build the search index from a store's files as written (the catalog given as bytes, not
    yet in place), a few hundred briefs at a time, so the whole library is never in memory."""
    import orjson

    from ..search import SearchIndex, documents
    from .reader import Store
    from .writer import store_paths

    store = Store(orjson.loads(catalog), target)
    people = {p.id: p for p in store._people}
    factions = {f.id: f for f in store._factions}
    ids = sorted((h.id for h in store.briefs()), key=lambda b: b + ".md")

    briefs_folder = store_paths(target)[1] / "briefs"

    def docs(part: list[str], last: bool) -> Iterator[Any]:
        for start in range(0, len(part), chunk):
            some = part[start : start + chunk]
            briefs, articles, events, mentions = {}, {}, {}, []
            for brief_id in some:
                raw = orjson.loads((briefs_folder / f"{brief_id}.json").read_bytes())
                _stored_brief(raw, brief_id, briefs, articles, events, mentions)
            library = Library(briefs, articles, people, factions, events, tuple(mentions))
            yield from documents(library, briefs=some, entities=[])
        if last:
            everyone = Library({}, {}, people, factions, {}, ())
            yield from documents(everyone, briefs=[], entities=[*people, *factions])

    # One segment per SEGMENT_BRIEFS briefs, each written and dropped from memory before the
    # next is built: the index of a 10,000-brief store is never in memory whole. With worker
    # processes (a big library), the segments are built side by side (at least one per worker).
    fresh = folder.with_name(folder.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    size = SEGMENT_BRIEFS
    if jobs > 1 and len(ids) >= PARALLEL_SEARCH_MIN:
        size = min(size, -(-len(ids) // jobs))
    parts = [ids[n : n + size] for n in range(0, len(ids), size)] or [[]]
    if jobs > 1 and len(parts) > 1:
        _build_segments(parts, docs, fresh, jobs)
        _replace(fresh, folder)
        return
    index = None
    for number, part in enumerate(parts):
        last = number == len(parts) - 1
        if index is None:
            index = SearchIndex.build(docs(part, last))
        else:
            index.update(docs(part, last))
        index.dump(fresh)
        index = SearchIndex.load(fresh)
        gc.collect()
    _replace(fresh, folder)


# -- a brief file as the search documents read it -------------------------------------------------
# The files were just written by this build: what :func:`tui.search.documents` reads of a brief,
# its events, article sentences and mentions is taken from the file's JSON as it is, in light
# objects, instead of checking and converting it all into the model (half the index's cost).
# tests/test_fullbuild.py checks the documents are the model's.


class _Object:
    """Attribute access to a stored mapping's fields."""

    def __init__(self, fields: dict[str, Any]) -> None:
        self.__dict__.update(fields)


class _Brief(_Object):
    summary: list[_Object]

    @property
    def summary_text(self) -> str:
        return "\n\n".join(paragraph.text for paragraph in self.summary)


class _Article:
    def __init__(self, raw: dict[str, Any]) -> None:
        self._paragraphs = raw["paragraphs"]

    def sentences(self) -> Iterator[_Object]:
        for paragraph in self._paragraphs:
            for sentence in paragraph["sentences"]:
                yield _Object(sentence)


class _Mention:
    __slots__ = ("brief", "entity", "field", "sentence", "start")

    def __init__(self, brief: str, row: list[Any]) -> None:
        self.entity, self.field, self.start, _, self.sentence = row
        self.brief = brief


def _table(raw: dict[str, Any], name: str) -> list[dict[str, Any]]:
    table = raw.get(name) or {}
    return [table[key] for key in sorted(table, key=int)]


def _date(raw: dict[str, Any] | None) -> _Object | None:
    return None if raw is None else _Object(raw)


def _stored_brief(
    raw: dict[str, Any],
    brief_id: str,
    briefs: dict[str, Any],
    articles: dict[str, Any],
    events: dict[str, Any],
    mentions: list[Any],
) -> None:
    """Add one brief file's brief, article, events and mentions (light objects) to the tables."""
    fields = _table(raw, "brief")[0]
    brief = _Brief(fields)
    dateline = fields["dateline"]
    brief.dateline = _Object({"place": dateline.get("place"), "date": _date(dateline.get("date"))})
    brief.summary = [_Object(p) for p in fields["summary"]]
    brief.takeaways = [_Object(t) for t in fields["takeaways"]]
    briefs[brief_id] = brief
    article = _table(raw, "article")
    if article:
        articles[brief_id] = _Article(article[0])
    for event_fields in _table(raw, "events"):
        event = _Object(event_fields)
        event.date = _date(event_fields.get("date"))
        events[event.id] = event
    rows = _table(raw, "mentions")[0]["rows"]
    mentions += [_Mention(brief_id, row) for row in rows]


PARALLEL_SEARCH_MIN = 200  # fewer briefs: one segment, built here


def _build_segments(parts: list[list[str]], docs: Any, fresh: Path, jobs: int) -> None:
    """The segments of ``parts`` built by ``jobs`` forked workers (each writes its own, named as
    the serial build names them), then the manifest: the index the serial build writes."""
    import multiprocessing

    from ..search import SearchIndex
    from ..search.segment import Segment

    names = [f"s{number:04d}" for number in range(len(parts))]
    fresh.mkdir(parents=True)
    work = [(number, part, names[number], fresh) for number, part in enumerate(parts)]
    global _DOCS
    _DOCS = (docs, len(parts))
    # this process builds every jobs-th segment itself: it reuses the memory the library left
    # free, where a worker's segment is memory on top
    mine = [job for job in work if job[0] % jobs == 0]
    theirs = [job for job in work if job[0] % jobs != 0]
    try:
        with multiprocessing.get_context("fork").Pool(min(jobs - 1, len(theirs))) as pool:
            pending = pool.map_async(_build_segment, theirs)
            for job in mine:
                _build_segment(job)
                gc.collect()
            pending.get()
    finally:
        _DOCS = None
    segments = [Segment.open(fresh / name, name) for name in names]
    SearchIndex(segments, len(parts)).dump(fresh)


_DOCS: Any = None  # (docs(part, last), number of parts): set before the workers fork


def _build_segment(job: tuple[int, list[str], str, Path]) -> None:
    from ..search.segment import Segment

    number, part, name, fresh = job
    docs, count = _DOCS
    Segment.build(docs(part, number == count - 1), name).write(fresh / name)


def _swap_in(index: Any, folder: Path) -> None:
    fresh = folder.with_name(folder.name + ".new")
    shutil.rmtree(fresh, ignore_errors=True)
    index.dump(fresh)
    _replace(fresh, folder)


def _replace(fresh: Path, folder: Path) -> None:
    """Put the index in ``fresh`` where ``folder`` is, replacing it."""
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
    removed_entities: Iterable[str] = (),
) -> None:
    """Replace only the documents of the changed briefs and entities in the stored index."""
    from ..search import SearchIndex, documents

    briefs, entities = list(briefs), list(entities)
    index = _opened(folder, keep=False) or SearchIndex.load(folder)
    groups = [f"b:{b}" for b in removed] + [f"e:{e}" for e in removed_entities]
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


# An index opened to find candidates, kept for the update that follows in the same build:
# folder → (the manifest's (mtime_ns, size), index)
_OPENED: dict[Path, tuple[tuple[int, int] | None, Any]] = {}


def _manifest_stat(folder: Path) -> tuple[int, int] | None:
    try:
        info = (folder / "index.json").stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def _opened(folder: Path, *, keep: bool) -> Any:
    """The index kept for ``folder``, if the manifest has not changed since; else None."""
    held = _OPENED.get(folder) if keep else _OPENED.pop(folder, None)
    if held is None or held[0] is None or held[0] != _manifest_stat(folder):
        return None
    return held[1]


def briefs_naming(folder: Path, names: Iterable[str]) -> set[str] | None:
    """The briefs whose indexed text holds every word of one of ``names`` (or its ' / ’
    variant): a superset of the briefs in which the mention finder can find one of them, since
    a name's words are whole words of the text wherever it is found, and the index holds every
    text mentions are found in (article sentences, summary, takeaways, events). None when there
    is no index to ask or a name has no word (the caller then looks everywhere)."""
    import numpy as np

    from ..search import SearchIndex
    from ..search.text import words

    if not (folder / "index.json").is_file():
        return None
    try:
        index = _opened(folder, keep=False) or SearchIndex.load(folder)
        _OPENED[folder] = (_manifest_stat(folder), index)  # for update_search(), next
        wanted: list[list[str]] = []
        for name in names:
            for variant in {name, name.replace("'", "’"), name.replace("’", "'")}:
                tokens = words(variant)
                if not tokens:
                    return None
                wanted.append(sorted(set(tokens)))
        found: set[str] = set()
        for segment in index.segments:
            briefs = segment.meta["briefs"]
            for tokens in wanted:
                docs = None
                for token in tokens:
                    at = segment.lookup(token)
                    if at < 0:
                        docs = None
                        break
                    posted = segment.postings(at)[0]
                    docs = posted if docs is None else np.intersect1d(docs, posted)
                    if not len(docs):
                        break
                if docs is None or not len(docs):
                    continue
                for number in np.unique(segment.docbrief[docs]):
                    if number >= 0:
                        found.add(briefs[int(number)])
            segment.close()
        return found
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None
