"""The cheap incremental build (issue 8): a build of briefs alone patches the catalog as bytes and
reads the mention finder's names from the build cache — and still writes the full build's store,
byte for byte; imports that only the importer needs stay out of a build."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from tui.store import build as build_module
from tui.store.build import build_store, cache_path
from tui.store.writer import CATALOG, HEAD, CatalogParts, catalog_files

from .conftest import ROOT
from .test_build_scale import _library, _same_as_full


def _no_whole_catalog(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Record every file the build parses whole through ``_read_json`` (the catalog must not be)."""
    read: list[Path] = []
    real = build_module._read_json

    def spy(path: Path, **kw: object) -> object:
        read.append(path)
        return real(path, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "_read_json", spy)
    return read


def _dated(text: str, date: str) -> str:
    """``text`` (a brief) with its dateline's date replaced."""
    lines = text.splitlines(keepends=True)
    for n, line in enumerate(lines):
        if line.startswith("  date:"):
            lines[n] = f"  date: {date}\n"
            break
    else:
        raise AssertionError("no dateline date")
    return "".join(lines)


def test_catalog_parts_give_back_the_catalog_byte_for_byte(tmp_path: Path):
    _, target = _library(tmp_path / "lib")
    data = (target / CATALOG).read_bytes()
    parts = CatalogParts.split(data)
    assert parts is not None
    assert parts.files() == {CATALOG: data, HEAD: (target / HEAD).read_bytes()}
    catalog = orjson.loads(data)
    assert parts.ids("briefs") == [h["id"] for h in catalog["briefs"].values()]
    assert parts.ids("people") == [p["id"] for p in catalog["people"].values()]
    # moved, replaced and new documents: what catalog_files makes of the same change
    order = parts.order["briefs"]
    order.insert(0, order.pop(len(order) - 1))
    order.insert(3, orjson.dumps({"id": "zz-new", "title": "New"}))
    person = parts.find("people", parts.ids("people")[1])
    assert person is not None
    record = orjson.loads(parts.document("people", person))
    record["briefs"] = ["somewhere"]
    parts.order["people"][person] = orjson.dumps(record)
    headers = list(catalog["briefs"].values())
    headers.insert(0, headers.pop())
    headers.insert(3, {"id": "zz-new", "title": "New"})
    catalog["briefs"] = {str(n): h for n, h in enumerate(headers, 1)}
    catalog["people"][str(person + 1)] = record
    assert parts.files() == catalog_files(catalog)


@pytest.mark.parametrize(
    "data",
    [
        b'{"meta": {"1": {}}, "briefs": {}}\n',  # indented: not as this version writes it
        b'{"briefs":{},"meta":{"1":{}},"people":{},"factions":{},"indices":{"1":{}}}\n',
        b'{"meta":{"1":{}},"briefs":{"2":{"id":"a"}},"people":{},"factions":{},"indices":{}}\n',
        b'{"meta":{"1":{}},"briefs":{"1":{"id":"a"},"2":{"id":"a"}},"people":{},'
        b'"factions":{},"indices":{}}\n',  # one id twice
    ],
)
def test_a_catalog_laid_out_otherwise_is_not_cut_up(data: bytes):
    assert CatalogParts.split(data) is None


def test_an_empty_catalog_is_cut_up_and_put_back(tmp_path: Path):
    empty = {"meta": {"1": {}}, "briefs": {}, "people": {}, "factions": {}, "indices": {"1": {}}}
    files = catalog_files(empty)
    parts = CatalogParts.split(files[CATALOG])
    assert parts is not None and parts.files() == files


def test_briefs_changed_added_moved_and_removed_without_parsing_the_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    content, target = _library(tmp_path / "lib")
    read = _no_whole_catalog(monkeypatch)
    briefs = sorted((content / "briefs").glob("*.md"))
    entities = [*(content / "people").glob("*.md"), *(content / "factions").glob("*.md")]
    quoted = " ".join(p.read_text() for p in entities)
    free = [b for b in briefs if b.stem not in quoted]
    moved, retitled, gone = free[0], free[1], free[2]
    # a new date moves the brief in the catalog's order (newest first) and in entity pages
    moved.write_text(_dated(moved.read_text(), "January 1"))
    text = retitled.read_text()
    retitled.write_text(text.replace('title: "', 'title: "Renamed: ', 1))
    result = build_store(content, target)
    assert result.incremental and result.rebuilt == 2
    assert target / CATALOG not in read
    _same_as_full(content, target)
    (content / "briefs" / "aaa-first-added.md").write_text(_dated(text, "December 31"))
    gone.unlink()
    result = build_store(content, target)
    assert result.incremental and result.rebuilt == 2
    assert target / CATALOG not in read
    _same_as_full(content, target)


def test_names_in_the_cache_from_other_entity_files_are_not_trusted(tmp_path: Path):
    """A cache whose names were read from other person and faction files (e.g. kept by an older
    version that did not know them) is not used: the catalog is read instead."""
    content, target = _library(tmp_path / "lib")
    path = cache_path(target)
    cache = json.loads(path.read_text())
    assert cache["names"] and cache["names_of"]
    quoted = cache["quoted"]
    # a brief no person or faction quotes (those take the catalog's path anyway)
    brief = next(b for b in sorted((content / "briefs").glob("*.md")) if b.stem not in quoted)
    person = cache["actors"][brief.stem][0]  # named in the brief: the names lack it now
    cache["names"] = [pair for pair in cache["names"] if pair[0] != person]
    cache["names_of"] = "0" * 24
    path.write_text(json.dumps(cache))
    brief.write_text(
        brief.read_text().replace("## Key takeaways\n", "## Key takeaways\n\n- x.[^dl]\n")
    )
    result = build_store(content, target)
    assert result.incremental
    _same_as_full(content, target)
    fixed = json.loads(path.read_text())
    assert fixed["names_of"] != "0" * 24 and person in {p for p, _ in fixed["names"]}


def test_a_cache_without_names_builds_incrementally_and_adds_them(tmp_path: Path):
    content, target = _library(tmp_path / "lib")
    path = cache_path(target)
    cache = json.loads(path.read_text())
    del cache["names"], cache["names_of"]
    path.write_text(json.dumps(cache))
    brief = sorted((content / "briefs").glob("*.md"))[1]
    brief.write_text(
        brief.read_text().replace("## Key takeaways\n", "## Key takeaways\n\n- y.[^dl]\n")
    )
    result = build_store(content, target)
    assert result.incremental and result.rebuilt == 1
    _same_as_full(content, target)
    assert "names" in json.loads(path.read_text())


def test_the_collector_runs_again_after_a_build(tmp_path: Path):
    content, target = _library(tmp_path / "lib")
    brief = sorted((content / "briefs").glob("*.md"))[2]
    brief.write_text(
        brief.read_text().replace("## Key takeaways\n", "## Key takeaways\n\n- z.[^dl]\n")
    )
    assert gc.isenabled()
    assert build_store(content, target).incremental
    assert gc.isenabled()


def test_a_build_does_not_import_the_article_importer():
    """The build's grounding check reads the gazetteer only: the importer's rules (hundreds of
    regular expressions) are compiled when an import needs them."""
    code = (
        "import sys, tui.ingest.content, tui.store.build\n"
        "from tui.extract.gazetteer import place_names\n"
        "print(sorted(m for m in sys.modules if m.startswith('tui.extract.')))\n"
        "from tui.extract import extract, ArticleError\n"
        "print(callable(extract), 'tui.extract.extractor' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    first, second = done.stdout.splitlines()
    assert "tui.extract.extractor" not in first and "tui.extract.gazetteer" in first
    assert second == "True True"


@pytest.mark.parametrize("page", [3, 40])
def test_entities_of_many_pages_keep_the_pages_before_a_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, page: int
):
    """With small pages every entity spans several: an incremental build rewrites the pages from
    the first touched brief on, and the store is still the full build's."""
    from tui.store import writer

    monkeypatch.setattr(writer, "ENTITY_PAGE", page)
    content, target = _library(tmp_path / "lib")
    briefs = sorted((content / "briefs").glob("*.md"))
    entities = [*(content / "people").glob("*.md"), *(content / "factions").glob("*.md")]
    quoted = " ".join(p.read_text() for p in entities)
    free = [b for b in briefs if b.stem not in quoted]
    pages = {p.name for p in (target / "entities").rglob("mentions.*.json")}
    assert any(name != "mentions.0.json" for name in pages)
    first, last = free[0], free[-1]
    text = last.read_text()
    last.write_text(text.replace("## Key takeaways\n", "## Key takeaways\n\n- w.[^dl]\n"))
    first.unlink()  # fewer rows: pages shrink
    assert build_store(content, target).incremental
    _same_as_full(content, target)
    (content / "briefs" / "zzz-last.md").write_text(text)  # more rows, on the last pages
    (content / "briefs" / "aaa-first.md").write_text(_dated(text, "May 5"))
    assert build_store(content, target).incremental
    _same_as_full(content, target)
    # a person named in many briefs: relinked briefs through the catalog's path
    person = sorted((content / "people").glob("*.md"))[0]
    person.write_text(person.read_text().replace("\n---\n", "\n---\nReworded.\n", 1))
    assert build_store(content, target).incremental
    _same_as_full(content, target)


def test_new_people_and_factions_linked_to_stored_ones_without_parsing_the_catalog(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """A new person (first by id) with roles in two stored factions and a relation to a stored
    person, a new faction part of a stored one with a relation to another: the stored indices
    (members, inverse relations), the heads they show on and the catalog are patched, and the
    store is the full build's."""
    from .test_build_scale import _brief_text

    content, target = _library(tmp_path / "lib")
    read = _no_whole_catalog(monkeypatch)
    seeds = content.parent / "seeds"
    factions = sorted(p.stem for p in (content / "factions").glob("*.md"))
    people = sorted(p.stem for p in (content / "people").glob("*.md"))
    quote = "Aaron Aardvark of the Zebra Circle met officials in Herat"
    (seeds / "zz-new.txt").write_text(f"A new brief\n\nHerat, March 3: {quote}.\n")
    (content / "briefs" / "zz-new.md").write_text(
        _brief_text("zz-new", "zz-new", "Aaron Aardvark and the Zebra Circle", quote)
    )
    (content / "factions" / "zebra-circle.md").write_text(
        "---\nname: Zebra Circle\nkind: movement\nstance: unknown\nbrief: zz-new\n"
        f"part_of:\n  - of: {factions[1]}\n    source: 1\n"
        f"relations:\n  - kind: opposes\n    to: [{factions[2]}, {people[0]}]\n    source: 1\n"
        f'---\nA group.[^1]\n\n[^1]: "{quote}"\n'
    )
    result = build_store(content, target)
    assert result.incremental and result.entities_rebuilt == 1
    assert target / CATALOG not in read
    _same_as_full(content, target)
    # a person first by id: its inverse relation on people[0] comes before the faction's
    (content / "people" / "aaa-aaron-aardvark.md").write_text(
        "---\nname: Aaron Aardvark\nstatus: alive\nbrief: zz-new\nroles:\n"
        f"  - title: Envoy\n    of: {factions[-1]}\n    source: 1\n"
        f"  - title: Adviser\n    of: {factions[0]}\n    source: 1\n"
        f"  - title: Member\n    of: zebra-circle\n    source: 1\n"
        f"relations:\n  - kind: allied-with\n    to: [{people[0]}, {people[-1]}]\n    source: 1\n---\n"
        f'Named in a new brief.[^1]\n\n[^1]: "{quote}"\n'
    )
    result = build_store(content, target)
    assert result.incremental and result.entities_rebuilt == 1
    assert target / CATALOG not in read
    _same_as_full(content, target)
    # and taken out again (the catalog's path: a removed entity)
    for path in ("people/aaa-aaron-aardvark.md", "factions/zebra-circle.md", "briefs/zz-new.md"):
        (content / path).unlink()
    assert build_store(content, target).incremental
    _same_as_full(content, target)
