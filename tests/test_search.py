"""The search engine (tui.search) and its consumers: ranking, filters, typos, phrases, NOT,
errors, did-you-mean, persistence, incremental updates, the Library filter and the palette."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest
from textual import events
from textual.content import Content
from textual.widgets import OptionList

from tui.app import BriefApp
from tui.commands import engine_query
from tui.config import Config
from tui.model import Library, SourcedText
from tui.screens.entity import EntityScreen
from tui.screens.library import PAGE, LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.search import QueryError, SearchIndex, documents, parse
from tui.search.text import fold, skeleton, words
from tui.store import Store
from tui.userdata import UserData

from .conftest import ROOT, SEED_BRIEF

DOSTUM = "abdul-rashid-dostum"


@pytest.fixture(scope="module")
def library(store: Store) -> Library:
    return store.library()


@pytest.fixture(scope="module")
def index(library: Library) -> SearchIndex:
    return SearchIndex.build(documents(library))


@pytest.fixture(scope="module")
def docs(index: SearchIndex) -> dict:
    return {doc.key: doc for doc in index.documents()}


def ids(index: SearchIndex, query: str, limit: int = 50) -> list[str]:
    return [hit.id for hit in index.search(query, limit).hits]


# -- ranking and matching -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("dostum", DOSTUM),
        ("Abdul Rashid Dostum", DOSTUM),
        ("taliban", "taliban"),
        ("iran", "iran"),
        ("mohaqiq", "mohammad-mohaqiq"),
        ("ahmad shah massoud", "ahmad-shah-massoud"),
        ("DOSTÚM", DOSTUM),  # case and accents
        ("dost", DOSTUM),  # a prefix of a name
    ],
)
def test_ranking_puts_the_entity_first(index, query, first):
    assert ids(index, query)[0] == first


def test_ranking_spans_every_kind(index):
    kinds = {hit.kind for hit in index.search("taliban", 300).hits}
    assert {"brief", "takeaway", "summary", "event", "sentence", "person", "faction"} <= kinds


def test_every_word_must_match(index):
    assert index.search("dostum xylophone").hits == []
    assert index.search("").hits == []


@pytest.mark.parametrize(
    ("typed", "wanted"),
    [
        ("dostom", DOSTUM),
        ("dostam", DOSTUM),
        ("Mohaqeq", "mohammad-mohaqiq"),
        ("masood", "ahmad-massoud"),
        ("najibulah", "najibullah"),  # a typo: one letter missing
        ("qanooni", "yunus-qanuni"),
    ],
)
def test_typos_and_transliterations_find_the_person(index, typed, wanted):
    assert wanted in ids(index, typed)[:3]


def test_did_you_mean(index):
    result = index.search("dostom")
    assert result.suggestion == "dostum"
    assert index.search("dostum").suggestion is None
    nothing = index.search("xylophone")
    assert nothing.hits == [] and nothing.suggestion is None


def test_skeleton_keys_of_variants():
    assert skeleton("dostum") == skeleton("dostom") == skeleton("dostam")
    assert skeleton("mohaqiq") == skeleton("mohaqeq")
    assert skeleton("massoud") == skeleton("masood")
    assert fold("Dostúm’s") == "dostum's" and words("Ahmad-Shah") == ["ahmad", "shah"]


def test_highlights_point_at_the_matched_words(index):
    for hit in index.search("dostum", 20).hits:
        for start, end in hit.highlights:
            assert fold(hit.snippet[start:end]).startswith("dostum")
        for start, end in hit.title_highlights:
            assert fold(hit.title[start:end]) == "dostum"
    assert any(hit.highlights for hit in index.search("dostum", 20).hits)


def test_hits_open_where_they_matched(index, library):
    for hit in index.search("iran", 100).hits:
        if hit.kind in ("person", "faction"):
            assert hit.brief is None and hit.id in {**library.people, **library.factions}
        elif hit.kind == "brief":
            assert hit.brief == hit.id and hit.item is None
        else:
            kind, _, key = hit.item.partition(":")
            assert kind == {"sentence": "sentence", "event": "event"}.get(hit.kind, hit.kind)
            if kind == "sentence":
                assert library.articles[hit.brief].sentence(key) is not None
            elif kind == "event":
                assert key in library.events


# -- phrases and NOT ------------------------------------------------------------------------------
def test_phrase_needs_the_words_together(index, docs):
    hits = index.search('"national consensus"', 100).hits
    assert hits
    for hit in hits:
        doc = docs[hit.id]
        assert "national consensus" in " ".join(words(f"{doc.title} {doc.text}"))
    assert index.search('"consensus national salvation"').hits == []


def test_not_excludes_a_word(index, docs):
    both = ids(index, "iran", 200)
    hits = ids(index, "iran -taliban", 200)
    assert hits and len(hits) < len(both)
    for key in hits:
        doc = docs[key]
        assert "taliban" not in words(doc.text) + (
            words(doc.title) if doc.kind not in ("sentence", "takeaway", "summary") else []
        )


def test_not_excludes_a_phrase_and_a_filter(index, docs):
    for key in ids(index, 'consensus -"national consensus" -kind:sentence', 200):
        doc = docs[key]
        assert doc.kind != "sentence"
        assert "national consensus" not in " ".join(words(f"{doc.title} {doc.text}"))


# -- filters --------------------------------------------------------------------------------------
def test_kind_filter(index, library):
    hits = index.search("kind:person", 100).hits
    assert {h.id for h in hits} == set(library.people)
    assert all(h.kind == "faction" for h in index.search("kind:faction iran").hits)
    assert {h.kind for h in index.search("kind:entity", 100).hits} == {"person", "faction"}


def test_status_filter(index):
    assert set(ids(index, "status:deceased")) == {"ahmad-shah-massoud", "najibullah"}
    assert "najibullah" not in ids(index, "kind:person -status:deceased")


def test_tag_filter(index, docs):
    hits = ids(index, "tag:iran", 500)
    assert SEED_BRIEF in hits
    assert all(("tag", "iran") in docs[k].filters for k in hits)
    assert ids(index, "tag:nowhere") == []


def test_actor_filter_is_typo_tolerant(index, docs):
    hits = ids(index, "actor:dostom", 500)
    assert DOSTUM in hits and SEED_BRIEF in hits
    assert all(("actor", DOSTUM) in docs[k].filters for k in hits)
    assert ids(index, "actor:dostum kind:sentence")  # the sentences that name him


def test_faction_filter_takes_in_members(index, docs):
    hits = ids(index, "faction:taliban", 500)
    assert {"taliban", "amir-khan-muttaqi"} <= set(hits)
    assert all(("faction", "taliban") in docs[k].filters for k in hits)


def test_year_filter(index, docs):
    hits = ids(index, "year:1989..1990", 100)
    assert hits and all(docs[k].kind == "event" for k in hits)
    assert SEED_BRIEF in ids(index, "year:2025", 500)
    assert SEED_BRIEF not in ids(index, "year:..2000", 500)


def test_brief_filter(index, docs):
    hits = ids(index, f"brief:{SEED_BRIEF} kind:takeaway", 100)
    assert len(hits) == len([d for d in docs.values() if d.kind == "takeaway"])
    assert ids(index, "brief:no-such-brief") == []


def test_name_filter_looks_at_names_only(index):
    assert ids(index, "name:Dostum") == [DOSTUM]
    assert set(ids(index, "name:massoud")) == {"ahmad-massoud", "ahmad-shah-massoud"}


def test_filters_combine(index, docs):
    hits = ids(index, "actor:dostum tag:iran -kind:sentence consensus", 100)
    assert hits
    for key in hits:
        doc = docs[key]
        assert doc.kind != "sentence" and ("actor", DOSTUM) in doc.filters


def test_user_state_filters_go_through_the_predicates(index):
    unread = {("is", "unread"): {SEED_BRIEF}}
    hits = index.search("is:unread kind:takeaway", 50, predicates=unread).hits
    assert hits and all(h.brief == SEED_BRIEF for h in hits)
    assert index.search("is:read", predicates=unread).hits == []
    noted = {("has", "note"): lambda brief_id: False}
    assert index.search("has:note iran", predicates=noted).hits == []
    with pytest.raises(QueryError, match=r"^is:bookmarked needs your reading state"):
        index.search("is:bookmarked")


# -- errors ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("colour:red", "unknown field 'colour:' — known fields: actor:, brief:, faction:, has:, is:, kind:, name:, status:, tag:, year:"),
        ("kind:foo", "unknown kind 'foo' in 'kind:foo' — use one of: brief, entity, event, faction, person, sentence, summary, takeaway"),
        ("status:sleepy", "unknown status 'sleepy' in 'status:sleepy' — use one of: alive, deceased, unknown"),
        ("year:soon", "cannot read 'year:soon' — write a year or a range: year:2021, year:2019..2022, year:..2001"),
        ("year:2022..2021", "the range in 'year:2022..2021' runs backwards — write year:2021..2022"),
        ("tag:", "tag: needs a value, e.g. tag:iran"),
        ("is:happy", "unknown value 'happy' in 'is:happy' — use is:unread or is:read or is:bookmarked"),
    ],
)  # fmt: skip
def test_query_errors_are_one_line(index, query, message):
    with pytest.raises(QueryError) as raised:
        index.search(query)
    assert str(raised.value) == message


def test_parse_reads_the_language():
    query = parse(
        'iran -taliban "national consensus" -kind:sentence actor:"abdul rashid" year:..2001'
    )
    shape = [(c.field, c.value, c.negate, c.phrase) for c in query.clauses]
    assert shape == [
        (None, "iran", False, False),
        (None, "taliban", True, False),
        (None, "national consensus", False, True),
        ("kind", "sentence", True, False),
        ("actor", "abdul rashid", False, False),
        ("year", "..2001", False, False),
    ]
    assert query.clauses[-1].years == (0, 2001)


# -- persistence and incremental updates ----------------------------------------------------------
QUERIES = ["dostum", "dostom", "iran -taliban", '"national consensus"', "kind:person", "tag:iran",
           "actor:massoud", "faction:taliban year:2025", "consensus -kind:sentence", "changed"]  # fmt: skip


def results(index: SearchIndex) -> dict[str, list[tuple[str, float, str]]]:
    found = {}
    for query in QUERIES:
        result = index.search(query, 500)
        found[query] = [(h.id, round(h.score, 3), h.snippet) for h in result.hits]
        found[query + " suggestion"] = result.suggestion
    return found


def test_dump_and_load_round_trip(index, tmp_path):
    index.dump(tmp_path / "search")
    loaded = SearchIndex.load(tmp_path / "search")
    assert results(loaded) == results(index)
    assert loaded.size == index.size


def _changed(library: Library) -> Library:
    brief = library.briefs[SEED_BRIEF]
    takeaways = (*brief.takeaways[:-1], SourcedText("A changed takeaway about Dostum and Iran."))
    changed = replace(brief, title="A changed title", takeaways=takeaways)
    copy = replace(brief, id="second-brief", title="Second brief on Dostum and the consensus")
    return replace(library, briefs={**library.briefs, SEED_BRIEF: changed, "second-brief": copy})


def test_incremental_update_equals_full_build(library, tmp_path):
    directory = tmp_path / "search"
    SearchIndex.build(documents(library)).dump(directory)
    changed = _changed(library)
    brief = changed.briefs[SEED_BRIEF]
    index = SearchIndex.load(directory)
    index.update(documents(changed, briefs=[SEED_BRIEF, "second-brief"], entities=brief.actors))
    index.dump(directory)
    reopened = SearchIndex.load(directory)
    full = SearchIndex.build(documents(changed))
    assert results(reopened) == results(full) == results(index)
    assert reopened.size == full.size
    assert reopened.search("changed").hits
    # removing a brief's group takes out everything it produced
    reopened.update([], remove=["b:second-brief"])
    assert not [h for h in reopened.search("second brief", 50).hits if h.brief == "second-brief"]


def test_many_updates_merge_small_segments(library):
    index = SearchIndex.build(documents(library))
    for _ in range(10):
        index.update(documents(library, briefs=[SEED_BRIEF], entities=[]))
    assert len(index.segments) <= 7
    assert results(index) == results(SearchIndex.build(documents(library)))


def test_the_benchmark_library_builds_and_searches():
    spec = importlib.util.spec_from_file_location(
        "search_speed", ROOT / "benchmarks" / "search_speed.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    small = module.make_library(30)
    index = SearchIndex.build(documents(small))
    for query in module.queries(small, 30):
        index.search(query, 20)  # never raises
    person = next(iter(small.people.values()))
    assert index.search(person.name).hits[0].id == person.id


# -- the command line -----------------------------------------------------------------------------
def test_cli_search(brief):
    result = brief("search", "dostom")
    assert result.code == 0 and result.err == "did you mean: dostum\n"
    assert result.out.splitlines()[0] == f"person   {DOSTUM}  Abdul Rashid Dostum"
    error = brief("search", "colour:red")
    assert error.code == 1 and error.err.startswith("brief: unknown field 'colour:'")
    assert error.err.count("\n") == 1


# -- the Library filter and the palette -----------------------------------------------------------
@pytest.fixture
def make_app(store: Store, tmp_path: Path):
    def make() -> BriefApp:
        return BriefApp(store, UserData(tmp_path / "data"), None, Config())

    return make


def prompts(listing: OptionList) -> list[Content]:
    return [o.prompt for o in listing.options]


async def test_library_filter_highlights_and_opens_at_the_match(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("L")
        listing = app.screen.query_one("#library-list", OptionList)
        await pilot.press(*"mohaqeq")
        await pilot.pause()
        (row,) = prompts(listing)
        marked = [row.plain[s.start : s.end] for s in row.spans if "underline" in str(s.style)]
        assert marked and all(fold(m) == "mohaqiq" for m in marked)
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        target = screen._targets[listing.highlighted_option.id]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.selection.item == target[1] and target[1] is not None


async def test_library_filter_shows_query_errors_and_suggestions(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("L")
        listing = app.screen.query_one("#library-list", OptionList)
        await pilot.press(*"kind:foo")
        assert "unknown kind 'foo'" in prompts(listing)[0].plain
        await pilot.press(*["backspace"] * 8, *"xylophone")
        assert prompts(listing)[0].plain == "No brief matches 'xylophone'."
        await pilot.press(*["backspace"] * 9, *"tag:iran -kind:sentence")
        assert listing.option_count == 1 and listing.highlighted == 0


async def test_burst_of_keys_through_the_library_does_not_crash(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key, char in [("3", "3"), ("down", None), ("enter", None), ("L", "L"),
                          ("escape", None), ("backspace", None)]:  # fmt: skip
            app.post_message(events.Key(key, char))  # no waiting between keys: a burst
        await pilot.pause(0.3)
        assert app.is_running
        if isinstance(app.screen, LibraryScreen):  # Escape may reach the screen below first
            listing = app.screen.query_one("#library-list", OptionList)
            for _ in range(20):  # it may still be mounting on a busy machine
                if listing.option_count:
                    break
                await pilot.pause(0.1)
            assert listing.option_count
    assert app.return_code in (None, 0)  # an exception in the app would end the test here


async def test_library_events_after_it_closed_are_ignored(make_app):
    """What a burst does: the filter's events and the mount arrive after Escape removed it."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("L")
        library = app.screen
        assert isinstance(library, LibraryScreen)
        await pilot.press("escape")
        await pilot.pause()
        library.refilter("dostum")
        library.on_mount()
        library.action_move(1)
        library.action_dismiss_library()
        assert not isinstance(app.screen, LibraryScreen)


async def test_palette_searches_through_the_engine(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"dostom")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, EntityScreen) and app.screen.entity.id == DOSTUM


async def test_palette_opens_a_takeaway_exactly(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"open takeaway facilitating")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.selection.item == "takeaway:3"


def test_palette_words_become_a_query():
    assert engine_query("open person dostum") == "kind:person dostum"
    assert engine_query("Open faction: taliban") == "kind:faction taliban"
    assert engine_query("iran talks") == "iran talks"


def _benchmark(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_library_pages_through_many_hits(tmp_path):
    """More matching briefs than a page: rows are added as the cursor reaches the end."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    library = _benchmark("search_speed").make_library(120)
    store = _benchmark("library_keys").store_of(library, tmp_path)
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("L")
        listing = app.screen.query_one("#library-list", OptionList)
        assert PAGE <= listing.option_count < 60  # a page (a screenful and more) of the 120
        await pilot.press(*["down"] * 30)
        assert listing.option_count > 30 and listing.highlighted == 30
        await pilot.press(*"the")  # every brief has "the": hits come a page at a time too
        await pilot.pause()
        assert listing.option_count == PAGE
        await pilot.press(*["down"] * 60)
        assert listing.option_count > 60 and listing.highlighted == 60
        briefs = [app.screen._targets[o.id][0] for o in listing.options]
        assert len(set(briefs)) == len(briefs)  # the best hit of each brief, once
