"""Tampered or odd stores (issue 10): every verb answers with one line and exit status 1, never a
traceback or a hang; escapes hidden in a store never reach the terminal."""

from __future__ import annotations

import json
import os
import shutil
import stat
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.model import SCHEMA_VERSION
from tui.store import CATALOG, Store, StoreError
from tui.store.writer import HEAD

SEED = "afghan-national-consensus"
ESCAPES = "\x1b]0;pwned\x07\x1b[2J"
VERBS = [
    ("list",),
    ("show", SEED),
    ("show", "taliban"),
    ("export", SEED, "--format", "json"),
    ("export", "taliban", "--format", "html"),
    ("search", "taliban"),
]


@pytest.fixture
def copy(store_path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "store"
    shutil.copytree(store_path, target)
    return target


def edit(path: Path, change) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def one_line_failure(brief, store: Path, *verbs: tuple[str, ...]) -> list[str]:
    """Run each verb; each must fail with one line naming the store. Returns the lines."""
    lines = []
    for verb in verbs or VERBS:
        result = brief(*verb, "--store", store)
        assert result.code == 1, (verb, result.out, result.err)
        assert result.err.startswith("brief: ") and result.err.count("\n") == 1, result.err
        assert "Traceback" not in result.err
        lines.append(result.err)
    return lines


def test_meta_as_a_list(brief, copy):
    edit(copy / CATALOG, lambda d: d.__setitem__("meta", [1, 2]))
    edit(copy / HEAD, lambda d: d.__setitem__("meta", [1, 2]))
    (line, *_) = one_line_failure(brief, copy)
    assert "is not a brief store (no schema_version)" in line


def test_schema_version_as_text_is_not_called_version_1(brief, copy):
    edit(
        copy / CATALOG, lambda d: d["meta"]["1"].__setitem__("schema_version", str(SCHEMA_VERSION))
    )
    (line, *_) = one_line_failure(brief, copy, ("list",))
    assert f"schema_version '{SCHEMA_VERSION}' is not a whole number" in line
    assert "but this brief reads version" not in line


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda h: h.clear() or h.update({"x": {}}), "has a document id that is not a number"),
        (lambda h: h.__setitem__("1", "a brief that is a string"), "a brief that is str"),
        (lambda h: h["1"].pop("title"), "brief field 'title' is missing or not text"),
        (lambda h: h["1"].__setitem__("title", 5), "brief field 'title' is missing or not text"),
        (lambda h: h["1"].__setitem__("tags", "iran"), "field 'tags' is not a list of texts"),
        (lambda h: h["1"]["dateline"].__setitem__("date", 7), "has a bad date"),
    ],
    ids=["bad-doc-id", "string", "no-title", "integer-title", "tags-text", "bad-date"],
)
def test_briefs_of_the_wrong_shape(brief, copy, change, words):
    edit(copy / CATALOG, lambda d: change(d["briefs"]))
    edit(copy / HEAD, lambda d: change(d["newest"]))  # the head holds the same (newest) brief
    # (`search` reads the search index only: its hits carry their titles)
    (line, *_) = one_line_failure(brief, copy, ("list",), ("show", SEED), ("library",))
    assert words in line and str(copy) in line


def test_a_person_of_the_wrong_shape_fails_when_read(brief, copy):
    def change(d):
        for person in d["people"].values():
            if person["id"] == "abdul-rashid-dostum":
                person["roles"] = [{"title": 3}]

    edit(copy / CATALOG, change)
    edit(  # and his entity file's copy of his record
        copy / "entities" / "abdul-rashid-dostum.json",
        lambda d: d["entity"]["1"]["record"].__setitem__("roles", [{"title": 3}]),
    )
    assert brief("list", "--store", copy).code == 0  # the library does not read him
    (line,) = one_line_failure(brief, copy, ("show", "abdul-rashid-dostum"))
    assert "is damaged: abdul-rashid-dostum.roles[].title should be text, not int" in line


@pytest.mark.parametrize(
    "rows",
    [[["taliban", "source", "x", 4, None]], [["taliban"]], "rows", [[1, 2, 3, 4, 5]]],
    ids=["text-offset", "short", "not-a-list", "numbers"],
)
def test_malformed_mentions(brief, copy, rows):
    edit(copy / "briefs" / f"{SEED}.json", lambda d: d["mentions"]["1"].__setitem__("rows", rows))
    lines = one_line_failure(
        brief, copy, ("export", SEED, "--format", "json"), ("show", SEED, "--format", "json")
    )
    assert all("is damaged" in line and "mention" in line for line in lines)


def test_malformed_entity_index(brief, copy):
    edit(
        copy / "entities" / "taliban" / "mentions.0.json",
        lambda d: d["mentions"]["1"].__setitem__("rows", [[1]]),
    )
    (line,) = one_line_failure(brief, copy, ("show", "taliban"))
    assert "mentions.0.json is damaged" in line


def test_missing_brief_file(brief, copy):
    (copy / "briefs" / f"{SEED}.json").unlink()
    (line,) = one_line_failure(brief, copy, ("show", SEED))
    assert "brief file not found" in line


def test_fifo_store_does_not_hang(brief, copy):
    (copy / CATALOG).unlink()
    os.mkfifo(copy / CATALOG)
    (line,) = one_line_failure(brief, copy, ("list",))
    assert "is not a regular file" in line


def test_fifo_brief_file_does_not_hang(brief, copy):
    (copy / "briefs" / f"{SEED}.json").unlink()
    os.mkfifo(copy / "briefs" / f"{SEED}.json")
    (line,) = one_line_failure(brief, copy, ("show", SEED))
    assert "is not a regular file" in line


def test_huge_sparse_store_is_refused_before_reading(brief, copy):
    with open(copy / CATALOG, "r+b") as stream:
        stream.truncate(3 * 2**30)  # 3 GiB, sparse: nothing is read
    (line,) = one_line_failure(brief, copy, ("list",))
    assert "too big for a brief store file" in line


def test_store_that_is_a_device(brief):
    (line,) = one_line_failure(brief, Path("/dev/zero"), ("list",))
    assert "is not a regular file" in line


def test_directory_without_a_catalog(brief, tmp_path):
    (line,) = one_line_failure(brief, tmp_path, ("list",))
    assert f"{tmp_path} is a directory but not a brief store (no catalog.json)" in line


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_directory(brief, copy):
    (copy / "briefs").chmod(0)
    try:
        (line,) = one_line_failure(brief, copy, ("show", SEED))
        assert "check its permissions" in line
    finally:
        (copy / "briefs").chmod(stat.S_IRWXU)


def test_escapes_in_a_tampered_store_never_reach_the_terminal(brief, copy):
    for path in [copy / CATALOG, copy / "briefs" / f"{SEED}.json"]:
        text = path.read_text().replace(
            "National Consensus", "National" + json.dumps(ESCAPES)[1:-1]
        )
        path.write_text(text)
    for verb in [
        ("list",),
        ("list", "--json"),
        ("show", SEED),
        ("export", SEED, "--format", "markdown"),
    ]:
        result = brief(*verb, "--store", copy)
        assert result.code == 0, result.err
        assert "\x1b" not in result.out and "\x07" not in result.out
        # the sequences go whole: no visible remainder such as "]0;pwned" or "[2J"
        assert "pwned" not in result.out and "[2J" not in result.out
        assert "National" in result.out
    store = Store.open(copy)
    assert "\x1b" not in store.briefs()[0].title
    assert all("\x1b" not in s.text for s in store.article(SEED).sentences())


# -- property: whatever the bytes, opening and reading a store raises StoreError or nothing --------
def _mutations() -> st.SearchStrategy:
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-3, 10**6),
        st.text(max_size=8),
        st.floats(allow_nan=False),
    )
    values = st.recursive(
        leaves,
        lambda inner: st.one_of(
            st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)
        ),
        max_leaves=8,
    )
    return st.lists(st.tuples(st.integers(0, 10**6), values), min_size=1, max_size=4)


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


def _mutate(data, changes):
    for choice, value in changes:
        paths = [p for p in _paths(data) if p]
        path = paths[choice % len(paths)]
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        parent[path[-1]] = value
    return data


def _exercise(store: Store) -> None:
    for header in store.briefs():
        store.brief(header.id)
        store.mentions(header.id)
        store.events(header.id)
        store.item_hashes(header.id)
    for entity_id in ("taliban", "abdul-rashid-dostum", "national-consensus"):
        store.entity(entity_id)
        store.links(entity_id)
        store.members(entity_id)
        store.entity_events(entity_id)
        store.entity_mentions(entity_id)
        store.sentence_text(SEED, "p1.s1")
    store.find("dostum")
    store.people()
    store.factions()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=_mutations(), which=st.sampled_from(["catalog", "brief", "entity"]))
def test_any_damage_raises_only_store_error(store_path, tmp_path_factory, changes, which):
    copy = tmp_path_factory.mktemp("damaged") / "store"
    shutil.copytree(store_path, copy, ignore=shutil.ignore_patterns("search"))
    path = {
        "catalog": copy / CATALOG,
        "brief": copy / "briefs" / f"{SEED}.json",
        "entity": copy / "entities" / "taliban.json",
    }[which]
    data = _mutate(orjson.loads(path.read_bytes()), changes)
    path.write_bytes(orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS))
    try:
        _exercise(Store.open(copy))
    except StoreError as error:
        assert "\n" not in str(error)


@settings(max_examples=40, deadline=None)
@given(raw=st.binary(max_size=200))
def test_any_bytes_as_a_catalog_raise_only_store_error(tmp_path_factory, raw):
    folder = tmp_path_factory.mktemp("bytes")
    (folder / CATALOG).write_bytes(raw)
    try:
        Store.open(folder)
    except StoreError as error:
        assert "\n" not in str(error)
