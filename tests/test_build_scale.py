"""Incremental builds at scale: every kind of change gives the full build's store, byte for byte.

Each test builds a small synthetic library (benchmarks/make_library.py) in full, changes it the
way a user would, builds again (the incremental path, checked), and compares every store file
with what a full build of the changed content writes.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from tui.ingest import load_content
from tui.store import Store, iter_files, stale_files
from tui.store.build import build_store

from .conftest import ROOT


def _library(root: Path, n: int = 12) -> tuple[Path, Path]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_library import make

    make(n, root)
    content, target = root / "content", root / "store"
    assert not build_store(content, target).incremental
    return content, target


def _same_as_full(content: Path, target: Path) -> None:
    assert stale_files(target, iter_files(load_content(content))) == []
    full = target.parent / "full-store"
    shutil.rmtree(full, ignore_errors=True)
    build_store(content, full, full=True)
    mine = sorted(p.relative_to(target) for p in target.rglob("*.json") if "search" not in p.parts)
    theirs = sorted(p.relative_to(full) for p in full.rglob("*.json") if "search" not in p.parts)
    assert mine == theirs  # no file left over (a removed brief's or entity's)
    # the search index is updated segment-wise: same documents as the full build's
    ours = {(d.key, d.text, d.filters) for d in _search_docs(target)}
    assert ours == {(d.key, d.text, d.filters) for d in _search_docs(full)}


def _search_docs(target: Path) -> list:
    from tui.search import SearchIndex

    return SearchIndex.load(target / "search").documents()


def _brief_text(brief_id: str, seed: str, people: str, quote: str) -> str:
    return f"""---
title: "A new brief"
source: seeds/{seed}.txt
dateline:
  place: Herat
  date: March 3
  year: 2024
tags: [new]
---

## Summary

{people} met in Herat.[^1]

## Key takeaways

- They met.[^1]

## History

- **2023** — {people} met.[^1]

[^1]: "{quote}"
"""


def test_add_change_remove_and_undo_briefs(tmp_path: Path):
    content, target = _library(tmp_path / "lib")
    briefs = sorted((content / "briefs").glob("*.md"))
    changed = briefs[len(briefs) // 2]
    original = changed.read_text()
    changed.write_text(
        original.replace("## Key takeaways\n", "## Key takeaways\n\n- Changed.[^dl]\n")
    )
    result = build_store(content, target)
    assert result.incremental and result.rebuilt == 1
    _same_as_full(content, target)
    added = content / "briefs" / "zz-added-brief.md"
    added.write_text(original)
    result = build_store(content, target)
    assert result.incremental and result.rebuilt == 1
    _same_as_full(content, target)
    entities = [*(content / "people").glob("*.md"), *(content / "factions").glob("*.md")]
    quoted = " ".join(p.read_text() for p in entities)
    gone = next(b for b in briefs if b != changed and b.stem not in quoted)
    gone.unlink()
    result = build_store(content, target)
    assert result.incremental and result.rebuilt == 1
    _same_as_full(content, target)
    assert gone.stem not in [b.id for b in Store.open(target).briefs()]
    added.unlink()  # undo
    changed.write_text(original)
    result = build_store(content, target)
    assert result.incremental and result.rebuilt == 2
    _same_as_full(content, target)


def test_add_a_brief_with_new_people_and_factions(tmp_path: Path):
    content, target = _library(tmp_path / "lib")
    seeds = content.parent / "seeds"
    # "Observers" is a word of many existing articles: a new faction of that name is mentioned
    # in briefs whose files did not change
    assert sum("Observers" in p.read_text() for p in seeds.glob("*.txt")) > 2
    quote = "Zarina Qadiri of the Qadiri Network met Observers in Herat"
    (seeds / "zz-new.txt").write_text(f"A new brief\n\nHerat, March 3: {quote}.\n")
    (content / "briefs" / "zz-new.md").write_text(
        _brief_text("zz-new", "zz-new", "Zarina Qadiri and the Qadiri Network", quote)
    )
    (content / "people" / "zarina-qadiri.md").write_text(
        "---\nname: Zarina Qadiri\nstatus: alive\nbrief: zz-new\nroles:\n"
        "  - title: Leader\n    of: qadiri-network\n    source: 1\n---\n"
        "Named in a new brief.[^1]\n\n"
        '[^1]: "Zarina Qadiri of the Qadiri Network"\n'
    )
    for faction_id, name in (("qadiri-network", "Qadiri Network"), ("observers", "Observers")):
        (content / "factions" / f"{faction_id}.md").write_text(
            f"---\nname: {name}\nkind: movement\nstance: unknown\nbrief: zz-new\n---\n"
            f'A group.[^1]\n\n[^1]: "{name}"\n'
        )
    result = build_store(content, target)
    assert result.incremental and result.entities_rebuilt == 3
    assert result.rebuilt > 1  # the new brief, and the existing ones naming "Observers"
    _same_as_full(content, target)
    store = Store.open(target)
    observers = store.faction("observers")
    assert observers is not None and len(observers.briefs) > 2
    found = [h.id for h in store.search("kind:person qadiri")]
    assert "zarina-qadiri" in found


def test_change_a_person_file(tmp_path: Path):
    content, target = _library(tmp_path / "lib")
    person = sorted((content / "people").glob("*.md"))[0]
    text = person.read_text()
    name = text.split("name: ", 1)[1].split("\n", 1)[0]
    last = name.split()[-1]
    # a new alias (found wherever the surname stands alone) and a reworded bio
    person.write_text(
        text.replace(f"name: {name}\n", f"name: {name}\naliases: [{last}]\n").replace(
            "Named in", "Named, in"
        )
    )
    result = build_store(content, target)
    assert result.incremental and result.entities_rebuilt == 1
    _same_as_full(content, target)
    person.write_text(text)  # and back
    result = build_store(content, target)
    assert result.incremental and result.entities_rebuilt == 1
    _same_as_full(content, target)


def test_rename_a_faction(tmp_path: Path):
    content, target = _library(tmp_path / "lib")
    faction = max(
        (content / "factions").glob("*.md"),
        key=lambda p: sum(p.stem in b.read_text() for b in (content / "briefs").glob("*.md")),
    )
    text = faction.read_text()
    name = text.split("name: ", 1)[1].split("\n", 1)[0]
    faction.write_text(text.replace(f"name: {name}\n", f"name: {name} Renamed\n", 1))
    result = build_store(content, target)
    assert result.incremental and result.entities_rebuilt == 1
    _same_as_full(content, target)


def test_add_and_remove_a_faction_referenced_nowhere(tmp_path: Path):
    content, target = _library(tmp_path / "lib")
    brief = sorted((content / "briefs").glob("*.md"))[0].stem
    lonely = content / "factions" / "lonely-league.md"
    lonely.write_text(
        f"---\nname: Lonely League of Nobody\nkind: party\nstance: unknown\nbrief: {brief}\n---\n"
        "A party nobody names.\n"
    )
    result = build_store(content, target)
    assert result.incremental and result.entities_rebuilt == 1 and result.rebuilt == 0
    _same_as_full(content, target)
    assert (target / "entities" / "lonely-league.json").is_file()
    lonely.unlink()
    result = build_store(content, target)
    assert result.incremental and result.entities_rebuilt == 1
    _same_as_full(content, target)
    assert not (target / "entities" / "lonely-league.json").exists()


def test_removing_a_faction_someone_names_is_the_full_builds_error(tmp_path: Path):
    from tui.ingest import BuildFailed

    content, target = _library(tmp_path / "lib")
    person = sorted((content / "people").glob("*.md"))[0].read_text()
    faction = person.split("    of: ", 1)[1].split("\n", 1)[0]
    before = {p: p.read_bytes() for p in target.rglob("*.json")}
    (content / "factions" / f"{faction}.md").unlink()
    with pytest.raises(BuildFailed) as failure:
        build_store(content, target)
    assert any(f"{faction!r} is not a known faction" in str(e) for e in failure.value.errors)
    assert {p: p.read_bytes() for p in target.rglob("*.json")} == before


def test_a_new_name_clash_is_the_full_builds_error(tmp_path: Path):
    from tui.ingest import BuildFailed

    content, target = _library(tmp_path / "lib")
    person = sorted((content / "people").glob("*.md"))[0]
    name = person.read_text().split("name: ", 1)[1].split("\n", 1)[0]
    brief = sorted((content / "briefs").glob("*.md"))[0].stem
    (content / "factions" / "twin.md").write_text(
        f"---\nname: {name}\nkind: party\nstance: unknown\nbrief: {brief}\n---\nA twin.\n"
    )
    with pytest.raises(BuildFailed) as failure:
        build_store(content, target)
    assert any("is also used by" in str(e) for e in failure.value.errors)


ARTICLE = ROOT / "tests" / "import_eval" / "02-sudan-explainer.txt"


def test_import_into_a_built_library_checks_against_the_store_and_builds_incrementally(
    brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import tui.ingest.draft as draft
    import tui.store.build as build
    from tui.library import user_library

    library = user_library()
    content, target = _library(library.root)
    assert target == library.store

    def refused(*args, **kwargs):
        raise AssertionError("the import parsed the library or rebuilt it all")

    # names come from the catalog, the draft is checked against it, the build is incremental
    monkeypatch.setattr(draft, "load_content", refused)
    monkeypatch.setattr(draft, "parse_document", refused)
    monkeypatch.setattr(build, "_full", refused)
    monkeypatch.chdir(tmp_path)  # not a project: the import goes to the user library
    before = len(list(content.rglob("*.md")))
    result = brief("import", ARTICLE)
    assert result.code == 0, result.err
    # the brief and stubs for new people and factions
    assert len(list(content.rglob("*.md"))) > before + 2 and "built in" in result.out
    monkeypatch.undo()
    _same_as_full(content, target)
    assert any("Sudan" in b.title for b in Store.open(target).briefs())
    # undone: the brief and its stubs (which name each other) removed, still incremental
    listed = [line.strip() for line in result.out.splitlines() if line.startswith("  ")]
    for name in listed:
        (library.root / name).unlink()
    result = build_store(content, target)
    assert result.incremental and result.entities_rebuilt == len(listed) - 2
    _same_as_full(content, target)


def test_a_draft_checked_against_the_store_reports_its_errors(tmp_path: Path):
    from tui.store.build import check_draft

    content, target = _library(tmp_path / "lib")
    root = content.parent
    quote = "Zarina Qadiri met Observers in Herat"
    files = {
        root / "seeds" / "zz-new.txt": f"A new brief\n\nHerat, March 3: {quote}.\n".encode(),
        content / "briefs" / "zz-new.md": _brief_text(
            "zz-new", "zz-new", "Zarina Qadiri", "words the article never says"
        ).encode(),
    }
    errors = check_draft(content, root, files, target)
    assert errors and all(e.path == "content/briefs/zz-new.md" for e in errors)
    assert any("quote not found" in e.message for e in errors)
    files[content / "briefs" / "zz-new.md"] = _brief_text(
        "zz-new", "zz-new", "Zarina Qadiri", quote
    ).encode()
    assert check_draft(content, root, files, target) == []
    # a person file changed since the build: the store cannot answer, the caller loads all
    person = sorted((content / "people").glob("*.md"))[0]
    person.write_text(person.read_text() + "\n")
    assert check_draft(content, root, files, target) is None


@pytest.mark.parametrize("terminal", [True, False])
def test_build_shows_a_progress_bar_on_a_terminal_only(
    brief, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, terminal: bool
):
    import io
    import sys as system

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_library import make

    make(12, tmp_path / "lib")
    content, target = tmp_path / "lib" / "content", tmp_path / "lib" / "store"

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return terminal

    drawn: list[str] = []
    for run in ("full", "incremental"):
        screen = Terminal()
        monkeypatch.setattr(system, "stderr", screen)
        if run == "incremental":
            changed = sorted((content / "briefs").glob("*.md"))[0]
            changed.write_text(
                changed.read_text().replace(
                    "## Key takeaways\n", "## Key takeaways\n\n- New.[^dl]\n"
                )
            )
        result = brief("build", content, "-o", target)
        monkeypatch.undo()
        assert result.code == 0
        drawn.append(screen.getvalue())
    assert "1 brief rebuilt" in result.out
    for bar in drawn:
        if terminal:  # redrawn in place, ending with the finished bar on its own line
            assert "\r\x1b[2K" in bar and bar.rstrip("\n").endswith("1/1")
            assert "done" in bar and "█" * 30 in bar
        else:
            assert bar == ""
    if terminal:
        assert all(stage in drawn[0] for stage in ("parsing", "checking", "linking"))
        assert "parsing" in drawn[1]


def test_a_parallel_build_writes_the_serial_builds_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import tui.ingest.content as loader
    import tui.store.indexing as indexing

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_library import make

    make(30, tmp_path / "lib")
    content = tmp_path / "lib" / "content"
    monkeypatch.setenv("BRIEF_BUILD_JOBS", "1")
    build_store(content, tmp_path / "serial", full=True)
    # workers from the first brief on (a real build uses them from 200 briefs)
    monkeypatch.setattr(loader, "PARALLEL_MIN", 1)
    monkeypatch.setattr(indexing, "PARALLEL_SEARCH_MIN", 1)
    monkeypatch.setenv("BRIEF_BUILD_JOBS", "3")
    build_store(content, tmp_path / "parallel", full=True)
    serial = {
        p.relative_to(tmp_path / "serial"): p.read_bytes()
        for p in (tmp_path / "serial").rglob("*.json")
        if "search" not in p.parts
    }
    parallel = {
        p.relative_to(tmp_path / "parallel"): p.read_bytes()
        for p in (tmp_path / "parallel").rglob("*.json")
        if "search" not in p.parts
    }
    assert serial == parallel
    # the search index: one segment per worker, the same documents
    assert len(list((tmp_path / "parallel" / "search").glob("s0*"))) == 3
    docs = {(d.key, d.text, d.filters) for d in _search_docs(tmp_path / "serial")}
    assert docs == {(d.key, d.text, d.filters) for d in _search_docs(tmp_path / "parallel")}
    hits = [(h.id, round(h.score, 6)) for h in Store.open(tmp_path / "serial").search("Observers")]
    assert hits == [
        (h.id, round(h.score, 6)) for h in Store.open(tmp_path / "parallel").search("Observers")
    ]
    # errors found in the workers are the serial build's errors
    from tui.ingest import BuildFailed

    briefs = sorted((content / "briefs").glob("*.md"))
    briefs[3].write_text(briefs[3].read_text().replace('[^dl]: "', '[^dl]: "xyzzy '))
    briefs[20].write_text(briefs[20].read_text().replace("source: seeds/", "source: seedz/"))
    failures = []
    for jobs in ("1", "3"):
        monkeypatch.setenv("BRIEF_BUILD_JOBS", jobs)
        with pytest.raises(BuildFailed) as failure:
            build_store(content, tmp_path / f"broken-{jobs}", full=True)
        failures.append([str(e) for e in failure.value.errors])
    assert failures[0] == failures[1] and len(failures[0]) >= 2
    assert not (tmp_path / "broken-3").exists()  # nothing written


def _per_sentence(finder, brief_id, article):
    from tui.model import Mention

    return [
        Mention(h.entity, brief_id, "source", s.start + h.start, s.start + h.end, h.text, s.id)
        for s in article.sentences()
        for h in finder.find(s.text)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We saw Alpha Beta. Then Gamma spoke.\n\nAlpha Beta-led talks; anti-Gamma views.",
        "We saw Alpha. Beta came too. Gamma left.",  # a name across two sentences
        "Gamma. Gamma! “Alpha Beta” said (Gamma) so.\n- Gamma\n- Alpha. Beta",
    ],
)
def test_mentions_found_in_the_whole_article_are_the_sentences_mentions(text: str):
    from tui.ingest.article import split_article
    from tui.ingest.content import _article_mentions
    from tui.ingest.mentions import MentionFinder

    finder = MentionFinder(
        [("ab", "Alpha Beta"), ("ab2", "Alpha. Beta"), ("g", "Gamma"), ("b", "Beta")]
    )
    article = split_article("x", "seeds/x.txt", text)
    assert _article_mentions(finder, "x", article) == _per_sentence(finder, "x", article)


def test_mentions_in_the_bundled_article_are_the_sentences_mentions(store: Store):
    from tui.ingest.content import _article_mentions
    from tui.ingest.mentions import MentionFinder

    names = [(e.id, n) for e in [*store.people(), *store.factions()] for n in e.names]
    finder = MentionFinder(names)
    for header in store.briefs():
        article = store.article(header.id)
        found = _article_mentions(finder, header.id, article)
        assert found and found == _per_sentence(finder, header.id, article)


def test_a_damaged_build_cache_means_a_full_build(tmp_path: Path):
    from tui.store.build import cache_path

    content, target = _library(tmp_path / "lib")
    cache = cache_path(target)
    data = cache.read_text()
    cache.write_text(data.replace('"actors"', '"actorz"'))  # same version, wrong shape
    changed = sorted((content / "briefs").glob("*.md"))[0]
    changed.write_text(
        changed.read_text().replace("## Key takeaways\n", "## Key takeaways\n\n- New.[^dl]\n")
    )
    result = build_store(content, target)
    assert not result.incremental
    _same_as_full(content, target)
