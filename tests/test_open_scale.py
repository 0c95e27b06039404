"""The store's format 3 (issue 8, read side): the head read at open, the catalog read when first
needed, entity files paged; stored indices agree with the content; full and incremental builds
give the same bytes, also when entities span several pages."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import orjson
import pytest

from tui.ingest import load_content
from tui.model import SCHEMA_VERSION
from tui.store import CATALOG, Store, StoreError, iter_files, serialize, stale_files, writer
from tui.store.writer import HEAD

from .conftest import SEED_BRIEF


@pytest.fixture
def small_pages(monkeypatch: pytest.MonkeyPatch) -> int:
    """Entity pages of 3 items, so the seed's entities span several pages."""
    monkeypatch.setattr(writer, "ENTITY_PAGE", 3)
    return 3


def _library():
    from .conftest import ROOT

    return load_content(ROOT / "content")


def test_opening_reads_the_head_and_the_first_screen_reads_no_catalog(
    store_path: Path, tmp_path: Path
):
    copy = tmp_path / "store"
    shutil.copytree(store_path, copy)
    (copy / CATALOG).write_bytes(b"{not json")  # read only when the whole library is needed
    store = Store.open(copy)
    assert len(store) == 1 and store.briefs()[0].id == SEED_BRIEF
    assert store.has_brief(SEED_BRIEF)
    brief = store.brief(SEED_BRIEF)
    assert brief is not None and store.brief_hash(SEED_BRIEF)
    for actor in brief.actors:  # what the Actors pane and cards ask
        entity = store.entity(actor)
        assert entity is not None and store.name_of(actor) == entity.name
        for link in store.links(actor):
            assert store.name_of(link.target) != link.target
        if store.faction(actor):
            for member in store.members(actor):
                assert store.name_of(member) != member
    assert store.title_of(SEED_BRIEF) == brief.title
    assert not store.loaded
    with pytest.raises(StoreError, match=r"catalog\.json is not a brief store"):
        list(store.briefs())  # the Library reads the catalog: its damage is reported then


def test_the_first_screen_agrees_with_the_catalog(store_path: Path):
    """What the heads answer before the catalog is read equals what the catalog answers."""
    lazy, full = Store.open(store_path), Store.open(store_path)
    full.preload()
    brief = full.brief(SEED_BRIEF)
    assert brief is not None
    ids = set(brief.actors) | {p.id for p in full.people()} | {f.id for f in full.factions()}
    for entity_id in sorted(ids):
        assert lazy.entity(entity_id) == full.entity(entity_id)
        assert lazy.name_of(entity_id) == full.name_of(entity_id)
        assert lazy.links(entity_id) == full.links(entity_id)
        assert lazy.members(entity_id) == full.members(entity_id)
        assert lazy.is_person(entity_id) == full.is_person(entity_id)
    assert not lazy.loaded
    assert not lazy.has_brief("../head") and lazy.loaded  # not a file name: the catalog decides
    assert lazy.entity("no-such-entity") is None  # unknown: the catalog decides


def test_paged_entities_read_the_same_as_whole_ones(small_pages: int):
    library = _library()
    paged = Store.from_files(serialize(library))
    files = serialize(library)
    assert any("/mentions.1.json" in name for name in files)  # several pages indeed
    for entity_id in [*library.people, *library.factions]:
        events = sorted(
            (e for e in library.events.values() if entity_id in e.actors),
            key=lambda e: (e.date.sort_key, e.id),
        )
        rows = [m for m in library.mentions if m.entity == entity_id]
        rows.sort(key=lambda m: m.brief)  # brief order, stable within a brief
        assert paged.entity_event_count(entity_id) == len(events)
        assert paged.entity_events(entity_id) == events
        assert paged.entity_events(entity_id, 2, 7) == events[2:7]
        assert paged.entity_mention_count(entity_id) == len(rows)
        got = paged.entity_mention_rows(entity_id)
        assert [(r.brief, r.field, r.start, r.end, r.text) for r in got] == [
            (m.brief, m.field, m.start, m.end, m.text) for m in rows
        ]
        source = [r for r in got if r.field == "source"]
        assert paged.entity_mention_count(entity_id, source=True) == len(source)
        for start, stop in ((0, 4), (2, 9), (5, None), (len(source) - 1, len(source) + 3)):
            assert (
                paged.entity_mention_rows(entity_id, start, stop, source=True)
                == (source[start:stop])
            )
        sample = paged.entity_event_sample(entity_id)
        assert sample == [events[n] for n in writer.sample_indices(len(events))]


def test_stored_entity_heads_agree_with_the_catalog(store_path: Path):
    store = Store.open(store_path)
    store.preload()
    data = store.data_dir
    assert data is not None
    catalog = orjson.loads((store_path / CATALOG).read_bytes())
    head = orjson.loads((data / HEAD).read_bytes())
    assert head["meta"] == catalog["meta"]
    assert head["newest"]["1"] == catalog["briefs"]["1"]
    records = {**{r["id"]: r for r in catalog["people"].values()}}
    records |= {r["id"]: r for r in catalog["factions"].values()}
    for entity_id, record in records.items():
        stored = orjson.loads((data / "entities" / f"{entity_id}.json").read_bytes())
        stored = stored["entity"]["1"]
        assert stored["record"] == record
        assert stored["members"] == catalog["indices"]["1"]["members"].get(entity_id, [])
        assert [i[:3] for i in stored["incoming"]] == catalog["indices"]["1"]["incoming"].get(
            entity_id, []
        )
        assert stored["events"] == len(store.entity_events(entity_id))
        assert stored["mentions"] == len(store.entity_mentions(entity_id))
        for other, name in stored["names"].items():
            assert records[other]["name"] == name
    for page in (data / "entities").glob("*/events.*.json"):
        titles = orjson.loads(page.read_bytes())["titles"]["1"]
        assert titles and all(store.title_of(b) == t for b, t in titles.items())


def test_incremental_build_equals_full_build_across_pages(tmp_path: Path, small_pages: int):
    from tui.store.build import build_store

    from .test_store import _synthetic

    content = _synthetic(tmp_path / "lib", 10)
    target = tmp_path / "lib" / "store"
    assert not build_store(content, target).incremental
    briefs = sorted((content / "briefs").glob("*.md"))
    # one brief changes and one is added (entities gain pages), then it is removed (they lose them)
    changed = briefs[1]
    text = changed.read_text()
    changed.write_text(text.replace("## Key takeaways\n", "## Key takeaways\n\n- Short.[^dl]\n"))
    added = content / "briefs" / "zz-added.md"
    added.write_text(briefs[4].read_text())
    for step in ("change and add", "remove the added one"):
        if step == "remove the added one":
            added.unlink()
        result = build_store(content, target)
        assert result.incremental, step
        assert stale_files(target, iter_files(load_content(content))) == [], step
        pages = {p.relative_to(target).as_posix() for p in (target / "entities").glob("*/*.json")}
        expected = {name for name, _ in iter_files(load_content(content)) if name.count("/") == 2}
        assert pages == expected, step


def test_an_older_store_says_rebuild_in_one_line(store_path: Path, tmp_path: Path):
    copy = tmp_path / "old"
    shutil.copytree(store_path, copy)
    (copy / HEAD).unlink()  # a schema-2 store has no head
    data = json.loads((copy / CATALOG).read_text())
    data["meta"]["1"]["schema_version"] = 2
    (copy / CATALOG).write_text(json.dumps(data))
    with pytest.raises(StoreError) as error:
        Store.open(copy)
    assert str(error.value) == (
        f"{copy / CATALOG} is a store of schema version 2, but this brief reads version "
        f"{SCHEMA_VERSION} — rebuild it with `brief build -o {copy}`"
    )


def test_a_missing_entity_page_is_one_line(brief, store_path: Path, tmp_path: Path):
    copy = tmp_path / "store"
    shutil.copytree(store_path, copy)
    (copy / "entities" / "taliban" / "mentions.0.json").unlink()
    result = brief("show", "taliban", "--store", copy)
    assert result.code == 1 and result.err.count("\n") == 1
    assert "mentions.0.json" in result.err and "brief build" in result.err


def test_a_faction_of_hundreds_lists_its_members_a_page_at_a_time(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
):
    from tui.screens.entity import PAGE, _Numbering, entity_options, member_options

    store = Store.open(store_path)
    people = [p.id for p in store.people()]
    members = (people * 40)[:250]
    monkeypatch.setattr(store, "members", lambda faction_id: members)
    options = entity_options(store, store.entity("taliban"))
    prompts = [str(o.prompt) for o in options]
    assert "Members (250)" in prompts
    assert f"more:members:{PAGE}" in [o.id for o in options]
    last = member_options(store, "taliban", 240, _Numbering())
    assert [str(o.prompt).split(" — ")[0] for o in last] == [
        store.name_of(m) for m in members[240:]
    ]
    assert not any((o.id or "").startswith("more:") for o in last)


def test_preload_in_a_worker_thread(store_path: Path):
    import threading

    store = Store.open(store_path)
    worker = threading.Thread(target=store.preload, kwargs={"search": True})
    worker.start()
    brief = store.brief(SEED_BRIEF)  # the app's thread goes on reading meanwhile
    assert brief is not None and all(store.entity(a) for a in brief.actors)
    worker.join()
    assert store.loaded and store.search("dostum")


def test_a_unions_newest_brief_reads_no_catalog(store_path: Path, tmp_path: Path):
    from tui.library import EMBEDDED, LIBRARY, UnionStore
    from tui.store.build import build_store

    from .test_store import _synthetic

    content = _synthetic(tmp_path / "lib", 4)
    build_store(content, tmp_path / "lib" / "store")
    mine, embedded = Store.open(tmp_path / "lib" / "store"), Store.open(store_path)
    union = UnionStore([(LIBRARY, mine), (EMBEDDED, embedded)])
    newest = union.briefs()[0]
    assert not mine.loaded and not embedded.loaded  # the reader's first screen
    assert union.brief(newest.id) is not None and union.has_brief(newest.id)
    assert next(iter(union.briefs())).id == newest.id  # the merge agrees
    assert len(union.briefs()) == 5 and mine.loaded


async def test_the_readers_first_screen_reads_no_catalog(store_path: Path, tmp_path: Path):
    """First paint costs the same at 10,000 briefs as at one: the head, the brief's file and its
    actors' heads are read; the catalog (damaged here) is not."""
    from tui.app import BriefApp
    from tui.config import Config
    from tui.userdata import UserData

    copy = tmp_path / "store"
    shutil.copytree(store_path, copy)
    (copy / CATALOG).write_bytes(b"{not json")
    store = Store.open(copy)
    reads: list[str] = []
    load = store._load_catalog
    store._load_catalog = lambda: reads.append("catalog") or load()  # type: ignore[method-assign]
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.brief_id == SEED_BRIEF  # type: ignore[attr-defined]
        assert reads == [] and not store.loaded
