from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tui.cli import EMBEDDED_STORE
from tui.ingest import load_content
from tui.model import SCHEMA_VERSION
from tui.store import CATALOG, Store, StoreError, serialize, stale_files

from .conftest import ROOT, SEED_BRIEF

# sha256 of ../shared/seeds/000_49d5c06f0524b4fd.txt, the seed as the project received it
SEED_SHA256 = "09cbd81b556af563064d6c73ade978582d3f42a1b7c98313acf2516cf8221989"


def test_seed_article_is_the_shared_seed_byte_for_byte():
    seed = ROOT / "seeds" / "nationpress-afghan-anti-taliban-national-consensus.txt"
    assert hashlib.sha256(seed.read_bytes()).hexdigest() == SEED_SHA256


def test_serialisation_is_deterministic():
    first = serialize(load_content(ROOT / "content"))
    second = serialize(load_content(ROOT / "content"))
    assert first == second


def test_embedded_store_is_current():
    assert stale_files(EMBEDDED_STORE, serialize(load_content(ROOT / "content"))) == []


def test_store_layout(store_path: Path):
    data = json.loads((store_path / CATALOG).read_text())
    assert set(data) == {"meta", "briefs", "people", "factions", "indices"}
    assert data["meta"]["1"]["schema_version"] == SCHEMA_VERSION
    header = next(iter(data["briefs"].values()))
    assert "summary" not in header and "text" not in header  # headers only: the catalog stays small
    brief_file = json.loads((store_path / "briefs" / f"{SEED_BRIEF}.json").read_text())
    assert set(brief_file) == {"brief", "article", "events", "mentions", "hashes"}
    assert (store_path / "entities" / "abdul-rashid-dostum.json").is_file()


def test_lookups(store: Store):
    brief = store.brief(SEED_BRIEF)
    assert brief is not None
    assert (
        store.article(SEED_BRIEF)
        .sentence("p16.s1")
        .text.startswith("Among the leadership is the son")
    )
    assert [e.date.text for e in store.events(SEED_BRIEF)] == [
        "1989-90",
        "2001",
        "2021",
        "2022",
        "recently",
        "Tuesday",
        "December 10",
        "Currently",
        "soon",
    ]
    links = {(link.label, link.target) for link in store.links("ahmad-shah-massoud")}
    assert ("assassinated-by", "taliban") in links
    assert ("parent-of", "ahmad-massoud") in links  # the inverse of ahmad-massoud's child-of
    assert set(store.members("national-consensus")) == {
        "national-resistance-council",
        "afghanistan-national-movement-for-peace-and-justice",
        "national-assembly-for-salvation",
    }
    assert store.factions_of("abdul-rashid-dostum") == [
        "national-assembly-for-salvation",
        "najibullah-government",
    ]


def test_mentions_distinguish_father_and_son(store: Store):
    source = [m for m in store.mentions(SEED_BRIEF) if m.field == "source"]
    father = [m for m in source if m.entity == "ahmad-shah-massoud"]
    son = [m for m in source if m.entity == "ahmad-massoud"]
    assert [m.sentence for m in father] == ["p16.s1"]
    assert [m.sentence for m in son] == ["p10.s1"]
    assert all(m.text == "Ahmad Massoud" for m in son)


def test_entity_events_and_mentions(store: Store):
    events = store.entity_events("abdul-rashid-dostum")
    assert [e.date.text for e in events] == ["December 10"]
    texts = {m.text for m in store.entity_mentions("abdul-rashid-dostum") if m.field == "source"}
    assert texts == {"Abdul Rashid Dostum", "Dostum"}


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("dostum", "abdul-rashid-dostum"),
        ("DOSTUM", "abdul-rashid-dostum"),
        ("tehran", "iran"),
        ("muttaqi", "amir-khan-muttaqi"),
        ("national consensus", "national-consensus"),
    ],
)
def test_search_ranks_names_first(store: Store, query, first):
    assert store.search(query)[0].id == first


def test_search_needs_every_word(store: Store):
    assert store.search("dostum xylophone") == []
    assert store.search("") == []


def test_find_by_name_alias_and_accents(store: Store):
    assert [c.id for c in store.find("dostum")] == ["abdul-rashid-dostum"]
    assert [c.id for c in store.find("Ahmad Shah Massoud")] == ["ahmad-shah-massoud"]
    assert {c.id for c in store.find("massoud")} == {"ahmad-massoud", "ahmad-shah-massoud"}
    assert [c.id for c in store.find("TEHRAN")] == ["iran"]
    assert [c.id for c in store.find("Dóstum")] == ["abdul-rashid-dostum"]


def test_other_schema_version_says_rebuild(store_path: Path, tmp_path: Path):
    data = json.loads((store_path / CATALOG).read_text())
    data["meta"]["1"]["schema_version"] = SCHEMA_VERSION + 1
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data))
    with pytest.raises(StoreError) as error:
        Store.open(old)
    assert str(error.value) == (
        f"{old} is a store of schema version {SCHEMA_VERSION + 1}, but this brief reads version "
        f"{SCHEMA_VERSION} — rebuild it with `brief build -o {old}`"
    )


def test_the_store_is_read_only(store_path: Path):
    from tui.store.tinyio import read_only_tinydb

    db = read_only_tinydb(store_path / CATALOG)
    assert len(db.table("briefs")) == 1  # every store file is a TinyDB database
    with pytest.raises(StoreError, match="read-only"):
        db.table("briefs").insert({"id": "x"})


# -- the directory layout: lazy reads, stored indices, hashes, incremental builds ----------------
def test_opening_reads_only_the_catalog(store_path: Path, tmp_path: Path):
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(store_path, copy)
    for folder in ("briefs", "entities"):
        for path in (copy / folder).rglob("*.json"):
            path.write_bytes(b"not read")  # opening and listing never touch these
    store = Store.open(copy)
    assert [b.id for b in store.briefs()] == [SEED_BRIEF]
    assert store.name_of("abdul-rashid-dostum") == "Abdul Rashid Dostum"
    assert store.brief_hash(SEED_BRIEF)
    with pytest.raises(StoreError, match="is not a brief store"):
        store.brief(SEED_BRIEF)  # read only when asked for


def test_a_brief_is_read_once_when_it_opens(store_path: Path):
    store = Store.open(store_path)
    assert not store._brief_cache
    store.article(SEED_BRIEF)
    store.mentions(SEED_BRIEF)
    store.events(SEED_BRIEF)
    assert list(store._brief_cache) == [SEED_BRIEF]


def _same_library(a, b) -> None:
    from tui.model import to_dict

    for table in ("briefs", "articles", "people", "factions", "events"):
        assert to_dict(getattr(a, table)) == to_dict(getattr(b, table)), table
    key = lambda m: (m.brief, m.field, m.start, m.entity)  # noqa: E731
    assert sorted(a.mentions, key=key) == sorted(b.mentions, key=key)


def test_stored_indices_agree_with_the_content(store: Store):
    """Everything the store computed at build time, recomputed from the library."""
    library = load_content(ROOT / "content")
    _same_library(store.library(), library)
    for entity_id in [*library.people, *library.factions]:
        expected = sorted(
            (e for e in library.events.values() if entity_id in e.actors),
            key=lambda e: (e.date.sort_key, e.id),
        )
        assert store.entity_events(entity_id) == expected
        assert store.entity_event_count(entity_id) == len(expected)
        mentions = [m for m in library.mentions if m.entity == entity_id]
        assert store.entity_mentions(entity_id) == sorted(mentions, key=lambda m: m.brief)
        assert store.entity_mention_count(entity_id, source=True) == sum(
            m.field == "source" for m in mentions
        )
        incoming = [
            (source.id, relation)
            for source in [*library.people.values(), *library.factions.values()]
            for relation in (*source.relations, *getattr(source, "part_of", ()))
            if relation.target == entity_id
        ]
        assert sorted(
            (link.target, link.relation) for link in store.links(entity_id) if link.inverse
        ) == sorted(incoming, key=lambda pair: (pair[0], str(pair[1]))) or len(incoming) == len(
            [link for link in store.links(entity_id) if link.inverse]
        )
    members = {
        f: sorted({p.id for p in library.people.values() for r in p.roles if r.faction == f})
        for f in library.factions
    }
    for faction_id, people in members.items():
        assert sorted(m for m in store.members(faction_id) if m in library.people) == people


def test_item_hashes_name_every_summary_paragraph_takeaway_and_event(store: Store):
    brief = store.brief(SEED_BRIEF)
    hashes = store.item_hashes(SEED_BRIEF)
    expected = {f"summary:{n}" for n in range(len(brief.summary))}
    expected |= {f"takeaway:{n}" for n in range(len(brief.takeaways))}
    expected |= {f"event:{e}" for e in brief.events}
    assert set(hashes) == expected
    assert len(set(hashes.values())) == len(hashes)
    assert store.brief_hash(SEED_BRIEF) == store.briefs()[0].hash


def test_changing_one_takeaway_changes_only_its_hash(brief, project: Path):
    store_dir = project / "store"
    assert brief("build", project / "content", "-o", store_dir).code == 0
    before = Store.open(store_dir)
    old, old_brief = before.item_hashes(SEED_BRIEF), before.brief_hash(SEED_BRIEF)
    text_file = project / "content" / "briefs" / f"{SEED_BRIEF}.md"
    takeaway = before.brief(SEED_BRIEF).takeaways[1].text
    text = text_file.read_text()
    first_words = " ".join(takeaway.split()[:3])
    assert first_words in text
    text_file.write_text(text.replace(first_words, first_words + " indeed", 1))
    result = brief("build", project / "content", "-o", store_dir)
    assert result.code == 0 and "1 brief rebuilt" in result.out  # the incremental path
    after = Store.open(store_dir)
    new = after.item_hashes(SEED_BRIEF)
    assert [k for k in old if old[k] != new[k]] == ["takeaway:1"]
    assert after.brief_hash(SEED_BRIEF) != old_brief


def _synthetic(root: Path, n: int) -> Path:
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_library import make

    make(n, root)
    return root / "content"


def test_incremental_build_equals_full_build(tmp_path: Path):
    from tui.store import iter_files
    from tui.store.build import build_store

    content = _synthetic(tmp_path / "lib", 12)
    target = tmp_path / "lib" / "store"
    assert not build_store(content, target).incremental
    assert build_store(content, target).rebuilt == 0  # nothing changed: nothing done
    briefs = sorted((content / "briefs").glob("*.md"))
    # change one brief's text and its article (a person's footnote quotes that article)
    changed = briefs[0]
    changed.write_text(
        changed.read_text().replace("## Key takeaways\n", "## Key takeaways\n\n- Added.[^dl]\n")
    )
    seed = content.parent / "seeds" / f"{changed.stem}.txt"
    seed.write_text("A new first line.\n\n" + seed.read_text())
    # add one brief
    (content / "briefs" / "zz-added.md").write_text(briefs[3].read_text())
    result = build_store(content, target)
    assert result.incremental and result.rebuilt == 2
    assert stale_files(target, iter_files(load_content(content))) == []
    store = Store.open(target)
    assert "zz-added" in [b.id for b in store.briefs()]
    assert any(h.brief == changed.stem for h in store.search("Added"))  # search updated too
    # remove it again
    (content / "briefs" / "zz-added.md").unlink()
    result = build_store(content, target)
    assert result.incremental and result.rebuilt == 1
    assert stale_files(target, iter_files(load_content(content))) == []
    assert "zz-added" not in [b.id for b in Store.open(target).briefs()]
    # a person's file changing is incremental too (tests/test_build_scale.py), same result
    person = sorted((content / "people").glob("*.md"))[0]
    person.write_text(person.read_text().replace("Named in", "Named, in"))
    assert build_store(content, target).entities_rebuilt == 1
    assert stale_files(target, iter_files(load_content(content))) == []


def test_a_failed_incremental_build_writes_nothing(brief, project: Path):
    store_dir = project / "store"
    assert brief("build", project / "content", "-o", store_dir).code == 0
    before = {p: p.read_bytes() for p in store_dir.rglob("*.json")}
    text_file = project / "content" / "briefs" / f"{SEED_BRIEF}.md"
    text_file.write_text(text_file.read_text().replace('[^cited]: "', '[^cited]: "xyzzy '))
    result = brief("build", project / "content", "-o", store_dir)
    assert result.code == 1 and "quote not found" in result.err
    assert {p: p.read_bytes() for p in store_dir.rglob("*.json")} == before


def test_a_store_held_in_memory(store: Store):
    from tui.store import serialize

    memory = Store.from_files(serialize(load_content(ROOT / "content")))
    assert memory.brief(SEED_BRIEF) == store.brief(SEED_BRIEF)
    assert memory.entity_events("taliban") == store.entity_events("taliban")


# -- a person's or faction's dossier from show and export ---------------------------------------
@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_show_a_person(brief, fmt):
    result = brief("show", "abdul-rashid-dostum", "--format", fmt)
    assert result.code == 0, result.err
    if fmt == "json":
        data = json.loads(result.out)
        assert data["kind"] == "person" and data["entity"]["name"] == "Abdul Rashid Dostum"
        assert [f["id"] for f in data["factions"]] == [
            "national-assembly-for-salvation",
            "najibullah-government",
        ]
        assert data["mentions"]["briefs"][0]["brief"] == SEED_BRIEF
        assert [e["date"]["text"] for e in data["timeline"]] == ["December 10"]
    else:
        for expected in ("Abdul Rashid Dostum", "Roles", "Relations", "Mentions (", "Timeline"):
            assert expected in result.out


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_export_a_faction(brief, fmt, tmp_path):
    result = brief("export", "taliban", "--format", fmt, "-o", tmp_path / f"t.{fmt}")
    assert result.code == 0, result.err
    text = (tmp_path / f"t.{fmt}").read_text()
    if fmt == "json":
        data = json.loads(text)
        assert data["kind"] == "faction"
        assert {m["id"] for m in data["members"]} == {"amir-khan-muttaqi", "neda-mohammad-nadim"}
        assert data["mentions"]["total"] > 0
    else:
        assert "Taliban" in text and "Members" in text and "amir-khan-muttaqi" in text


def test_show_section_is_for_briefs(brief):
    result = brief("show", "taliban", "--section", "summary")
    assert result.code == 1
    assert result.err == "brief: --section is for briefs; 'taliban' is a faction — drop it\n"


def test_entity_page_with_more_than_10000_mentions_and_events(store: Store, monkeypatch):
    """The page numbered its lines with iter(range(10_000)): past that it crashed. Long lists
    are drawn a page at a time now, each page ending in a line that draws the next."""
    from tui.screens.entity import PAGE, _Numbering, entity_options, mention_options
    from tui.store import MentionRow

    rows = [
        MentionRow(SEED_BRIEF, "source", 2549 + 0, 2556, "p16.s1", "Taliban") for _ in range(12_000)
    ]
    events = store.entity_events("taliban") * 3_000
    monkeypatch.setattr(store, "entity_mention_count", lambda e, source=False: len(rows))
    monkeypatch.setattr(
        store, "entity_mention_rows", lambda e, a=0, b=None, source=False: rows[a:b]
    )
    monkeypatch.setattr(store, "entity_event_count", lambda e: len(events))
    monkeypatch.setattr(store, "entity_events", lambda e, a=0, b=None: events[a:b])
    options = entity_options(store, store.entity("taliban"))
    prompts = [str(o.prompt) for o in options]
    assert "Mentions in articles (12,000)" in prompts
    assert f"▸ {PAGE} more — {PAGE} of 12,000 mentions shown (enter)" in prompts
    assert f"Timeline ({len(events):,} events)" in prompts
    more = [o for o in options if (o.id or "").startswith("more:")]
    assert [o.id for o in more] == [f"more:events:{PAGE}", f"more:mentions:{PAGE}"]
    assert len(options) < 3 * PAGE  # drawn a page at a time
    last = mention_options(store, "taliban", 11_990, _Numbering())
    assert len(last) == 10 and not any((o.id or "").startswith("more:") for o in last)
