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
