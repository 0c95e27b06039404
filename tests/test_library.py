"""The user library: where `brief import` writes, reading it together with the embedded store,
`brief list` origins, id clashes, `brief import --open`, `brief edit` and their error messages."""

from __future__ import annotations

import json
import os
import shutil
import stat
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from textual.widgets import OptionList, Static

import tui.cli as cli
from tui.ingest.text import counted
from tui.library import EMBEDDED, LIBRARY, UnionStore, _Merged, build_library, open_union
from tui.library import user_library as library_at

from .conftest import ROOT, SEED_BRIEF

SUDAN = ROOT / "tests" / "import_eval" / "02-sudan-explainer.txt"
SUDAN_ID = "explainer-who-is-fighting-in-sudan-and-why"
AFGHAN = ROOT / "seeds" / "nationpress-afghan-anti-taliban-national-consensus.txt"


def user_library():
    return library_at(Path(os.environ["BRIEF_DATA_DIR"]))


def digest(store: Path) -> dict[str, bytes]:
    """A store's bytes, whether it is one file or a directory of files."""
    if store.is_file():
        return {"": store.read_bytes()}
    return {
        p.relative_to(store).as_posix(): p.read_bytes() for p in store.rglob("*") if p.is_file()
    }


def listing(brief) -> dict[str, dict]:
    result = brief("list", "--json")
    assert result.code == 0, result.err
    return {row["id"]: row for row in json.loads(result.out)}


# -- where import writes ------------------------------------------------------------------------
def test_import_outside_a_project_writes_to_the_user_library_and_builds_it(brief, outside):
    result = brief("import", SUDAN)
    assert result.code == 0, result.err
    library = user_library()
    assert (library.content / "briefs" / f"{SUDAN_ID}.md").is_file()
    assert (library.seeds / f"{SUDAN_ID}.txt").read_bytes() == SUDAN.read_bytes()
    assert library.built()
    assert f"in your library ({library.root})" in result.out
    assert f"`brief open {SUDAN_ID}`" in result.out
    assert not (outside / "content").exists()
    rows = listing(brief)
    assert rows[SUDAN_ID]["origin"] == LIBRARY
    assert rows[SEED_BRIEF]["origin"] == EMBEDDED
    assert rows[SEED_BRIEF]["overrides"] == []
    lines = brief("library").out.splitlines()  # the alias
    assert any(line.startswith(f"{SUDAN_ID}  ") and line.endswith("[library]") for line in lines)
    assert any(line.startswith(f"{SEED_BRIEF}  ") and line.endswith("[embedded]") for line in lines)
    shown = brief("show", SUDAN_ID, "--section", "actors")
    assert shown.code == 0 and "Rapid Support Forces" in shown.out


def test_import_inside_a_project_writes_to_its_content(brief, tmp_path, monkeypatch):
    (tmp_path / "content").mkdir()
    monkeypatch.chdir(tmp_path)
    result = brief("import", SUDAN)
    assert result.code == 0, result.err
    assert (tmp_path / "content" / "briefs" / f"{SUDAN_ID}.md").is_file()
    assert (tmp_path / "seeds" / f"{SUDAN_ID}.txt").is_file()
    assert "`brief check` and `brief build`" in result.out
    assert not user_library().root.exists()
    assert SUDAN_ID not in listing(brief)  # a project's content is not the user library


def test_import_content_option_chooses(brief, outside, tmp_path):
    target = tmp_path / "elsewhere" / "content"
    result = brief("import", SUDAN, "--content", target)
    assert result.code == 0, result.err
    assert (target / "briefs" / f"{SUDAN_ID}.md").is_file()
    assert not user_library().root.exists()


def test_import_dry_run_into_the_library_writes_nothing(brief, outside):
    result = brief("import", SUDAN, "--dry-run")
    assert result.code == 0, result.err
    assert "would write" in result.out and "your library" in result.out
    assert not user_library().root.exists()


def test_a_library_import_links_to_embedded_entities_and_never_takes_an_embedded_id(
    brief, outside, tmp_path
):
    assert brief("import", AFGHAN).code == 0
    library = user_library()
    # the stub of someone the embedded store knows carries the embedded id: one entity
    assert (library.content / "factions" / "taliban.md").is_file()
    store = open_union(cli.EMBEDDED_STORE, library)
    assert isinstance(store, UnionStore)
    ids = [b.id for b in store.briefs()]
    new = next(i for i in ids if i.startswith("have-afghanistans"))
    taliban = store.faction("taliban")
    assert taliban is not None and {SEED_BRIEF, new} <= set(taliban.briefs)
    assert taliban.kind == "government"  # the authored record, not the stub's
    assert {e.brief for e in store.entity_events("abdul-rashid-dostum")} >= {SEED_BRIEF}
    assert {m.brief for m in store.entity_mentions("taliban")} == {SEED_BRIEF, new}
    dossier = brief("show", "taliban", "--format", "json")  # a dossier over both stores
    assert dossier.code == 0, dossier.err
    assert {SEED_BRIEF, new} <= set(dossier.out.split('"')), dossier.out[:400]
    assert brief("show", "taliban").code == 0
    assert [(c.kind, c.id) for c in store.find("taliban")] == [("faction", "taliban")]
    assert [c.id for c in store.find(new)] == [new]
    hits = store.search("Taliban", 50)
    assert [(h.kind, h.id) for h in hits].count(("faction", "taliban")) == 1
    assert "Draft stub" not in next(h for h in hits if h.id == "taliban").snippet  # the authored
    assert {SEED_BRIEF, new} <= {h.id for h in hits if h.kind == "brief"}
    if hasattr(store.stores[-1], "entity_mention_rows"):  # the directory store's entity index
        rows = store.entity_mention_rows("taliban")
        assert {r.brief for r in rows} == {SEED_BRIEF, new}
        assert store.entity_mention_count("taliban") == len(rows)
        assert store.entity_event_count("taliban") == len(store.entity_events("taliban"))
        result = store.search_index.search("Taliban", 50)
        assert [(h.kind, h.id) for h in result.hits].count(("faction", "taliban")) == 1
    # a title whose id the embedded store already uses gets another one
    article = tmp_path / "same.txt"
    article.write_text(
        "Afghan National Consensus\n\nKABUL, March 3, 2025 — The Taliban said on Monday that "
        "talks would continue.\n",
        encoding="utf-8",
    )
    result = brief("import", article)
    assert result.code == 0, result.err
    rows = listing(brief)
    assert rows[SEED_BRIEF]["origin"] == EMBEDDED
    assert rows[f"{SEED_BRIEF}-2"]["origin"] == LIBRARY


# -- reading together ---------------------------------------------------------------------------
def test_a_library_brief_with_an_embedded_id_wins_and_list_says_so(brief, outside):
    library = user_library()
    library.root.mkdir(parents=True)
    shutil.copytree(ROOT / "content", library.content)
    shutil.copytree(ROOT / "seeds", library.seeds)
    path = library.content / "briefs" / f"{SEED_BRIEF}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('reach a \\"National Consensus\\"', "reach a consensus (my copy)", 1)
        if 'reach a \\"National Consensus\\"' in text
        else text.replace("title:", "title: My copy —", 1),
        encoding="utf-8",
    )
    build_library(library)
    rows = listing(brief)
    assert list(rows) == [SEED_BRIEF]  # listed once
    assert rows[SEED_BRIEF]["origin"] == LIBRARY
    assert rows[SEED_BRIEF]["overrides"] == [EMBEDDED]
    assert "[library, overrides embedded]" in brief("list").out
    title = rows[SEED_BRIEF]["title"]
    assert "my copy" in title.lower()
    assert title in brief("show", SEED_BRIEF).out


def test_store_option_reads_that_store_alone(brief, outside, store_path):
    assert brief("import", SUDAN).code == 0
    result = brief("list", "--json", "--store", store_path)
    rows = json.loads(result.out)
    assert [r["id"] for r in rows] == [SEED_BRIEF]
    assert rows[0]["origin"] == str(store_path)


def test_merged_brief_list_is_the_sorted_union_without_materialising():
    def header(i: str, key: str) -> SimpleNamespace:
        date = SimpleNamespace(sort_key=key)
        return SimpleNamespace(id=i, title=i, dateline=SimpleNamespace(date=date))

    def keyed(h):
        return (h.dateline.date.sort_key, h.title, h.id)

    base = sorted((header(f"e{n}", f"2020-{n:02}") for n in range(1, 13)), key=keyed)[::-1]
    extra = [header("l1", "2020-05-15"), header("l2", "2030"), header("e3", "2020-03")]
    merged = _Merged(base, extra, {"e3"})
    expected = sorted([*(h for h in base if h.id != "e3"), *extra], key=keyed, reverse=True)
    assert [h.id for h in merged] == [h.id for h in expected]
    assert [merged[i].id for i in range(len(merged))] == [h.id for h in expected]
    assert [h.id for h in merged[-3:]] == [h.id for h in expected[-3:]]
    with pytest.raises(IndexError):
        merged[len(expected)]


async def test_import_then_the_reader_shows_the_new_brief(brief, outside, tmp_path):
    from tui.app import BriefApp
    from tui.config import Config
    from tui.linking import Location
    from tui.userdata import UserData

    assert brief("import", SUDAN).code == 0
    store = open_union(cli.EMBEDDED_STORE, user_library())
    app = BriefApp(store, UserData(tmp_path / "data"), Location("brief", SUDAN_ID), Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        header = app.screen.query_one("#brief-header", Static).render()
        assert "Who is fighting in Sudan" in str(getattr(header, "plain", header))
        await pilot.press("L")  # the library lists both origins' briefs
        await pilot.pause()
        options = app.screen.query_one("#library-list", OptionList).options
        assert {SUDAN_ID, SEED_BRIEF} <= {o.id for o in options}


def test_import_open_starts_the_reader_on_the_new_brief(brief, outside, monkeypatch):
    started = {}

    def fake_reader(store, data_dir, start):
        started.update(store=store, start=start)

    monkeypatch.setattr(cli, "start_reader", fake_reader)
    result = brief("import", SUDAN, "--open")
    assert result.code == 0, result.err
    assert started["start"].target == SUDAN_ID
    assert started["store"].brief(SUDAN_ID) is not None
    assert started["store"].brief(SEED_BRIEF) is not None


@pytest.mark.parametrize("flag", ["--dry-run", "--json"])
def test_import_open_refuses_a_flag_that_writes_nothing(brief, outside, flag):
    result = brief("import", SUDAN, "--open", flag)
    assert result.code == 1
    assert result.err.strip() == (
        f"brief: --open needs a brief to open, and {flag} writes none — drop one of them"
    )


def test_import_reports_a_library_that_cannot_be_created(brief, outside, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    (data / "library").write_text("a file where the library folder goes")
    result = brief("--data-dir", data, "import", SUDAN)
    assert result.code == 1
    assert result.err.startswith(f"brief: cannot create your library in {data / 'library'}: ")
    assert result.err.rstrip().endswith("choose another place with --data-dir or --content")


# -- brief edit ---------------------------------------------------------------------------------
def editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str, status: int = 0) -> Path:
    """$EDITOR as a small script: ``body`` edits ``text`` (the file's text)."""
    script = tmp_path / "fake-editor"
    script.write_text(
        f"#!{sys.executable}\n"
        "import sys, pathlib\n"
        "path = pathlib.Path(sys.argv[1])\n"
        "text = path.read_text(encoding='utf-8')\n"
        f"{body}\n"
        "path.write_text(text, encoding='utf-8')\n"
        f"sys.exit({status})\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", str(script))
    return script


@pytest.fixture
def imported(brief, outside) -> Path:
    assert brief("import", SUDAN).code == 0
    return user_library().brief_file(SUDAN_ID)


def test_edit_a_library_brief_rebuilds_the_library(brief, imported, tmp_path, monkeypatch):
    editor(tmp_path, monkeypatch, "text = text.replace('Who is fighting', 'Who fights', 1)")
    result = brief("edit", SUDAN_ID)
    assert result.code == 0, result.err
    assert f"rebuilt {user_library().store}: 1 briefs, 1 rebuilt" in result.out  # incremental
    assert listing(brief)[SUDAN_ID]["title"] == "Explainer: Who fights in Sudan, and why?"


def test_a_bad_edit_reports_path_line_and_keeps_the_previous_store(
    brief, imported, tmp_path, monkeypatch
):
    store = user_library().store
    before = digest(store)
    editor(tmp_path, monkeypatch, "text = text.replace('[^1]:', '[^99]:', 1)")
    result = brief("edit", SUDAN_ID)
    assert result.code == 1
    lines = result.err.strip().splitlines()
    relative = f"content/briefs/{SUDAN_ID}.md:"
    assert lines[0].startswith(relative) and lines[0][len(relative)].isdigit()
    assert lines[-1] == (
        f"brief: build failed with {counted(len(lines) - 1, 'error')}; the previous store {store} is "
        f"kept — fix {imported} with `brief edit {SUDAN_ID}`"
    )
    assert digest(store) == before
    assert listing(brief)[SUDAN_ID]["title"] == "Explainer: Who is fighting in Sudan, and why?"


def test_an_unchanged_file_is_not_rebuilt(brief, imported, tmp_path, monkeypatch):
    editor(tmp_path, monkeypatch, "pass")
    result = brief("edit", SUDAN_ID)
    assert result.code == 0
    assert result.out.strip() == f"{imported}: unchanged — nothing to rebuild"


def test_edit_in_a_project_rebuilds_its_store(brief, tmp_path, monkeypatch):
    (tmp_path / "content").mkdir()
    monkeypatch.chdir(tmp_path)
    assert brief("import", SUDAN).code == 0
    editor(tmp_path, monkeypatch, "text = text.replace('Who is fighting', 'Who fights', 1)")
    result = brief("edit", SUDAN_ID)
    assert result.code == 0, result.err
    target = cli.default_output(tmp_path / "content")
    assert f"rebuilt {target}: 1 briefs" in result.out
    rows = json.loads(brief("list", "--json", "--store", target).out)
    assert rows[0]["title"] == "Explainer: Who fights in Sudan, and why?"


def test_edit_error_messages(brief, imported, tmp_path, monkeypatch):
    def err(*args: str | Path) -> str:
        result = brief("edit", *args)
        assert result.code == 1
        assert result.err.count("\n") == 1, result.err  # one line
        return result.err.strip()

    assert err(SEED_BRIEF) == (
        f"brief: {SEED_BRIEF} is an embedded brief: brief ships it built, without its Markdown, "
        f"so it cannot be edited in place — run `brief edit {SEED_BRIEF}` in a checkout of "
        f"brief's source (content/briefs/{SEED_BRIEF}.md), or import the original article into "
        "your library with `brief import ARTICLE`"
    )
    for bad in ("../people/tom-perriello", "Some Title", ""):
        assert err(bad) == (
            f"brief: {bad!r} is not a brief id (ids are lower-case words joined by hyphens, "
            "like afghan-national-consensus) — `brief list` shows them"
        )
    assert err("no-such-brief") == (
        "brief: no brief 'no-such-brief' in your library — `brief list` shows the ids and "
        "where each is"
    )
    assert err(SUDAN_ID, "--content", tmp_path / "nothing") == (
        f"brief: no file {tmp_path / 'nothing' / 'briefs' / (SUDAN_ID + '.md')} — give the "
        "brief's id (`brief list`) and the content directory that holds it"
    )
    editor(tmp_path, monkeypatch, "text = text + 'x'", status=3)
    script = os.environ["EDITOR"]
    assert err(SUDAN_ID) == (
        f"brief: the editor {script!r} exited with status 3 — nothing was rebuilt; "
        f"{imported} is as the editor left it"
    )
    monkeypatch.setenv("EDITOR", str(tmp_path / "missing-editor"))
    assert err(SUDAN_ID).startswith(
        f"brief: cannot run the editor {str(tmp_path / 'missing-editor')!r}: "
    )
    monkeypatch.setenv("EDITOR", "vim 'unclosed")
    assert err(SUDAN_ID) == (
        'brief: cannot read the editor command "vim \'unclosed" — set $EDITOR to a command '
        "such as `nano` or `vim`"
    )
    monkeypatch.delenv("EDITOR")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    assert err(SUDAN_ID) == (
        f"brief: no editor: set $EDITOR (e.g. `export EDITOR=nano`), or edit {imported} "
        "yourself and run `brief build`"
    )


def test_visual_wins_over_editor(brief, imported, tmp_path, monkeypatch):
    script = editor(tmp_path, monkeypatch, "text = text.replace('Who is fighting', 'Who', 1)")
    monkeypatch.setenv("VISUAL", str(script))
    monkeypatch.setenv("EDITOR", str(tmp_path / "missing-editor"))
    assert brief("edit", SUDAN_ID).code == 0


# -- in a real terminal: `import --open` drafts in a child while the reader loads ---------------
@pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")
def test_import_open_in_a_real_terminal(tmp_path):
    from .test_tmux import Tmux

    cwd = tmp_path / "cwd"
    cwd.mkdir()
    run = (
        f"cd {cwd} && BRIEF_DATA_DIR={tmp_path / 'data'} BRIEF_CONFIG_DIR={tmp_path / 'config'} "
        f"{sys.executable} -m tui import"
    )
    failing, reading = Tmux(tmp_path), Tmux(tmp_path)  # one tmux server each
    try:
        failing.start(
            f"{run} {tmp_path / 'missing.txt'} --open; echo status=$?; sleep 30", width=400
        )
        screen = failing.wait_for("status=", timeout=60)
        assert f"brief: {tmp_path / 'missing.txt'}: no such file" in screen
        assert "status=1" in screen and "Traceback" not in screen
        reading.start(f"{run} {SUDAN} --open; echo status=$?; sleep 30", width=120, height=40)
        reading.wait_for(
            "Who is fighting in Sudan", "1 Summary", "3 Actors", "5 Source", timeout=60
        )
        reading.keys("q")
        screen = reading.wait_for("status=", timeout=60)
        assert "status=0" in screen and "Traceback" not in screen
        assert (tmp_path / "data" / "library" / "content" / "briefs" / f"{SUDAN_ID}.md").is_file()
    finally:
        failing.kill()
        reading.kill()


async def test_an_entity_page_reads_both_stores(brief, outside, tmp_path):
    from tui.app import BriefApp
    from tui.config import Config
    from tui.linking import Location
    from tui.screens.entity import EntityScreen
    from tui.userdata import UserData

    from .test_reader import plain

    assert brief("import", AFGHAN).code == 0
    store = open_union(cli.EMBEDDED_STORE, user_library())
    new = next(b for b in store.briefs() if b.id.startswith("have-afghanistans"))
    app = BriefApp(store, UserData(tmp_path / "data"), Location("entity", "taliban"), Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
        lines = plain(app.screen.query_one("#entity-lines", OptionList))
        assert new.title in lines
        assert "National Consensus" in lines


def test_a_damaged_library_store_says_how_to_rebuild_it(brief, imported):
    library = user_library()
    damaged = library.store / "catalog.json" if library.store.is_dir() else library.store
    damaged.write_text("{not json", encoding="utf-8")
    result = brief("list")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert result.err.startswith(f"brief: {damaged}")
    assert result.err.rstrip().endswith(
        f" — rebuild your library: `brief build {library.content} -o {library.store}`"
    )
    rebuilt = brief("build", library.content, "-o", library.store)
    assert rebuilt.code == 0, rebuilt.err
    assert listing(brief)[SUDAN_ID]["origin"] == LIBRARY


def test_the_library_layer_never_imports_textual():
    import subprocess

    code = "import sys, tui.library; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0
