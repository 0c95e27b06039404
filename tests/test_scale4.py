"""Issue 8 at 10,000 briefs (branch scale4): the entity page whole at its first paint and laid
out once; its lines wrapped as Content wraps them; the Library's `u` and `b` acting on the
highlighted row from the filter box (but letters typed there are typed); a filter lists its
best matches only (End never asks the engine for thousands of hits). Performance itself is
measured by benchmarks/entity_open.py, library_keys.py and scale.py."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.visual import RenderOptions
from textual.widgets import Input, OptionList

from tui.app import BriefApp
from tui.config import Config
from tui.screens import library
from tui.screens.entity import EntityScreen
from tui.screens.library import LibraryScreen
from tui.search.index import Hit, SearchResult
from tui.store import Store
from tui.userdata import UserData
from tui.widgets.lists import Row

from .test_lib_speed import DOSTUM, ManyBriefs, screen_text

# -- lines wrapped as Content wraps them ------------------------------------------------------

TEXTS = [
    [("1979", "bold"), (" — ", ""), ("Amina Wardak joined the Northern Patriotic Authority", ""),
     ("  · Talks on water in Kabul resume after the drought", "dim")],
    [("b00000-clinics p3.s2  ", "dim"), ("In 1991 Amina Wardak warned that ", ""),
     ("Northern Patriotic Authority", "bold underline"), (" fighters   had   crossed.  ", "")],
    [("x" * 95, ""), (" tail", "italic")],  # a word longer than the width: folded
    [("word " * 30, "")],  # trailing spaces
    [("short", "")],
    [("", "")],
    [("1989–90", "bold"), (" — ", ""), ("“Dostum’s forces,” he said, “reached a consensus.” " * 3, "")],
    [("Kabul 喀布尔 ", ""), ("wide characters: drawn as the Content they are " * 2, "dim")],
]  # fmt: skip


def _cells(strips: list[Any]) -> list[list[tuple[str, bool, bool, bool, bool]]]:
    """Each line as its characters with the attributes they are drawn in."""
    lines = []
    for strip in strips:
        cells = []
        for segment in strip:
            style = segment.style
            attrs = (
                bool(style and style.bold),
                bool(style and style.dim),
                bool(style and style.italic),
                bool(style and style.underline),
            )
            cells += [(char, *attrs) for char in segment.text]
        lines.append(cells)
    return lines


@pytest.mark.parametrize("width", [12, 30, 44, 60, 79, 200])
def test_a_row_wraps_as_content_wraps(width: int):
    options = RenderOptions(Style.parse, {})
    for runs in TEXTS:
        row = Row([runs])
        content = Content.assemble(*runs)
        assert row.plain == content.plain
        expected = content.render_strips(width, None, Style(), options)
        got = row.render_strips(width, None, Style(), options)
        assert _cells(got) == _cells(expected), (width, row.plain)
        assert [s.cell_length for s in got] == [s.cell_length for s in expected]
        assert row.get_height({}, width) == content.get_height({}, width) == len(expected)
    # a rule Content would follow that the fast path does not: drawn as the Content it is
    centred = RenderOptions(Style.parse, {"text_align": "center"})
    row = Row([TEXTS[0]])
    assert _cells(row.render_strips(30, None, Style(), centred)) == _cells(
        Content.assemble(*TEXTS[0]).render_strips(30, None, Style(), centred)
    )


# -- the entity page ---------------------------------------------------------------------------


async def test_the_entity_page_is_whole_at_its_first_paint_and_laid_out_once(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    painted: list[list[str]] = []
    layouts: list[str] = []
    refresh, refresh_layout = Screen._compositor_refresh, Screen._refresh_layout

    def paint(screen: Screen) -> None:
        refresh(screen)
        if isinstance(screen, EntityScreen) and not painted:
            lines = screen.query_one("#entity-lines", OptionList)
            painted.append([str(option.prompt) for option in lines.options])

    def layout(screen: Screen, *args: Any, **kwargs: Any) -> None:
        layouts.append(type(screen).__name__)
        refresh_layout(screen, *args, **kwargs)

    async with app.run_test(size=(100, 18)) as pilot:  # a short screen: the mentions are below
        await pilot.pause()
        monkeypatch.setattr(Screen, "_compositor_refresh", paint)
        monkeypatch.setattr(Screen, "_refresh_layout", layout)
        app.open_entity(DOSTUM)
        await pilot.pause()
        await pilot.pause()
        first = painted[0]
        assert any(line.startswith("Mentions in articles") for line in first)
        assert any(":" not in line and "p" in line for line in first)  # a sentence line
        lines = app.screen.query_one("#entity-lines", OptionList)
        assert [str(option.prompt) for option in lines.options] == first  # nothing added later
        assert layouts.count("EntityScreen") == 1
        assert lines.show_vertical_scrollbar  # placed in that one layout
        assert lines.vertical_scrollbar.region.width >= 1
        # a layout asked for once it is shown (a widget changed size) still happens
        app.screen.query_one("#entity-notes").display = True
        await pilot.pause()
        assert layouts.count("EntityScreen") == 2
        # the page's keys still reach the last line (mentions included)
        await pilot.press("G")
        await pilot.pause()
        assert lines.highlighted == lines.option_count - 1


# -- the Library: u and b from the filter box ----------------------------------------------------


async def _library(app: BriefApp, pilot: Any, briefs: Any) -> LibraryScreen:
    app.push_screen(LibraryScreen(briefs, app.userdata))
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    return screen


async def _settle(pilot: Any) -> None:
    for _ in range(3):  # the bookmark is written by a worker, then the rows are redrawn
        await pilot.pause()


async def test_u_and_b_act_on_the_highlighted_row_from_the_filter_but_typed_letters_type(
    store: Store, tmp_path: Path
):
    userdata = UserData(tmp_path / "data")
    app = BriefApp(store, userdata, None, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = await _library(app, pilot, ManyBriefs(store, 40))
        box = screen.query_one("#library-filter", Input)
        listing = screen.query_one("#library-list", OptionList)
        assert screen.focused is box
        await pilot.press("u", "b")  # typed into the filter, as any letters
        await _settle(pilot)
        assert box.value == "ub"
        assert not userdata.bookmarks(brief=None)
        await pilot.press("backspace", "backspace")
        await pilot.pause()
        assert box.value == "" and listing.highlighted == 0
        await pilot.press("down")  # the cursor moved in the list: u and b act on its row
        await pilot.pause()
        assert listing.highlighted == 1 and screen.focused is box
        await pilot.press("b")
        await _settle(pilot)
        assert box.value == ""
        assert userdata.bookmarks(brief="b00001")
        assert "★" in screen_text(app)
        await pilot.press("u")  # every brief is unread: the next one
        await pilot.pause()
        assert box.value == "" and listing.highlighted == 2
        await pilot.press("pagedown")  # the list pages from the filter box too
        await pilot.pause()
        assert listing.highlighted > 2 and screen.focused is box
        await pilot.press("b")
        await _settle(pilot)
        assert userdata.bookmarks(brief=f"b{listing.highlighted:05}")
        # a letter typed: the filter is typed in again, u and b with it
        await pilot.press("x", "u", "b")
        await pilot.pause()
        assert box.value == "xub"
        # in the list (tab), as before
        for _ in "xub":
            await pilot.press("backspace")
        await pilot.press("tab")
        await pilot.pause()
        assert screen.focused is listing
        row = listing.highlighted
        await pilot.press("b")
        await _settle(pilot)
        assert userdata.bookmarks(brief=f"b{row:05}")
        # the filter focused again (/): letters type
        await pilot.press("slash", "u")
        await pilot.pause()
        assert screen.focused is box and box.value == "u"


# -- the Library: a filter lists its best matches -------------------------------------------------


class Answers:
    """A search index that finds ``count`` briefs for any text (and records what was asked)."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.asked: list[int] = []

    def search(self, query: str, limit: int = 50, **options: Any) -> SearchResult:
        self.asked.append(limit)
        hits = [
            Hit("brief", f"b{n:05}", f"Brief number {n}", "matched words", (), 1 - n / 1e6,
                f"b{n:05}", None)
            for n in range(min(limit, self.count))
        ]  # fmt: skip
        return SearchResult(hits, None, self.count)


class Searched(ManyBriefs):
    def __init__(self, store: Store, count: int, found: int) -> None:
        super().__init__(store, count)
        self.search_index = Answers(found)


@pytest.mark.parametrize("found", [2000, 120])
async def test_end_in_a_filter_goes_to_the_last_of_its_best_matches(
    store: Store, tmp_path: Path, found: int
):
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        briefs = Searched(store, 3000, found)
        screen = await _library(app, pilot, briefs)
        await pilot.press("w", "a")
        await pilot.pause()
        listing = screen.query_one("#library-list", OptionList)
        await pilot.press("tab", "end")
        await pilot.pause()
        best = min(found, library.BEST)
        assert max(briefs.search_index.asked) <= library.BEST + 1
        last = f"Brief number {best - 1}"
        assert listing.highlighted == best - 1
        assert last in screen_text(app)
        note = "best matches are listed"
        if found > library.BEST:
            assert listing.option_count == best + 1  # and the line that says so
            assert note in str(listing.get_option_at_index(best).prompt)
            assert f"Only the {library.BEST:,} best" in screen_text(app)
        else:
            assert listing.option_count == best
            assert note not in screen_text(app)
        await pilot.press("home")
        await pilot.pause()
        assert listing.highlighted == 0 and "Brief number 0 " in screen_text(app)


# -- folders left by a killed build ---------------------------------------------------------------

HOLDER = """
import sys, time
from pathlib import Path
from tui.store.build import hold_folder
from tui.store.tinyio import fresh_store_dir
fresh = fresh_store_dir(Path(sys.argv[1]))
assert hold_folder(fresh) is not None
(fresh / "catalog.json").write_text("half written")
print(fresh, flush=True)
time.sleep(60)
"""


def _building(data: Path) -> tuple[Any, Path]:
    """A process that is writing a new store beside ``data`` (as a full build does)."""
    import subprocess
    import sys

    process = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    return process, Path(process.stdout.readline().strip())


def _aged(folder: Path, seconds: float = 60) -> None:
    import os
    import time

    then = time.time() - seconds
    os.utime(folder, (then, then))


def test_the_next_build_removes_what_a_killed_build_left_and_never_a_live_builds_folder(
    project: Path,
):
    import signal

    from tui.store.build import build_store
    from tui.store.tinyio import wait_removals

    target = project / "out" / "store"
    build_store(project / "content", target)
    killed, left = _building(target)
    live, writing = _building(target)
    try:
        killed.send_signal(signal.SIGKILL)
        killed.wait()
        young = project / "out" / ".store.build-young"
        young.mkdir()
        for folder in (left, writing):
            assert folder.is_dir() and folder.name.startswith(".store.build-")
            _aged(folder)
        build_store(project / "content", target)  # incremental (nothing changed)
        wait_removals()
        assert not left.exists()  # the killed build's
        assert writing.is_dir() and (writing / "catalog.json").exists()  # a live build's
        assert young.is_dir()  # just made: perhaps a build's not locked yet
        assert (project / "out" / ".store.build-cache.json").is_file()
        assert (target / "catalog.json").is_file()
    finally:
        live.kill()
        live.wait()
    build_store(project / "content", target, full=True)  # the live one was killed too
    wait_removals()
    names = sorted(p.name for p in (project / "out").iterdir())
    assert names == [".store.build-cache.json", ".store.build-young", "store"]


def test_a_full_build_holds_its_folder_while_it_writes(
    project: Path, monkeypatch: pytest.MonkeyPatch
):
    from tui.store import build
    from tui.store.build import build_store, remove_stale_builds

    target = project / "out" / "store"
    seen: list[list[Path]] = []
    write_fresh = build.write_fresh

    def writing(folder: Path, *args: Any, **kwargs: Any) -> int:
        seen.append(remove_stale_builds(target, older_than=0))  # another build starting now
        assert folder.is_dir()
        return write_fresh(folder, *args, **kwargs)

    monkeypatch.setattr(build, "write_fresh", writing)
    build_store(project / "content", target, full=True)
    assert seen == [[]]
    assert (target / "catalog.json").is_file()
