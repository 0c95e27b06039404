"""The Library and the entity page at scale (issue 8): what their faster drawing must keep.

The Library's rows are made when drawn and End adds the whole result; rows are drawn straight
from their runs (never as markup); a search is not run twice for the same text; the entity page
is laid out once, not three times, and adds the sections below the screen after its first
paint. Performance itself is measured by benchmarks/scale.py, library_keys.py, entity_open.py.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from textual.app import App
from textual.screen import Screen
from textual.widgets import OptionList

from tui.app import BriefApp
from tui.config import Config
from tui.screens.entity import EntityScreen
from tui.screens.library import LibraryScreen
from tui.store import Store
from tui.userdata import UserData
from tui.widgets.lists import LazyOption, Row

DOSTUM = "abdul-rashid-dostum"


class ManyBriefs:
    """The seed store with ``count`` briefs listed (copies of its newest, numbered)."""

    def __init__(self, store: Store, count: int, title: str = "Brief number {n}") -> None:
        self._store = store
        newest = store.briefs()[0]
        self._briefs = [
            dataclasses.replace(newest, id=f"b{n:05}", title=title.format(n=n))
            for n in range(count)
        ]

    def briefs(self) -> list[Any]:
        return self._briefs

    def brief_ids(self) -> list[str]:
        return [brief.id for brief in self._briefs]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)


def screen_text(app: App) -> str:
    """What the terminal shows, as text."""
    update = app.screen._compositor.render_full_update()
    return "\n".join("".join(strip.text for strip in line) for line in update.strips)


async def test_end_in_a_list_of_5000_briefs_shows_the_last_and_the_count(
    store: Store, tmp_path: Path
):
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(LibraryScreen(ManyBriefs(store, 5000)))  # type: ignore[arg-type]
        await pilot.pause()
        listing = app.screen.query_one("#library-list", OptionList)
        assert "Library — 5,000 briefs" in screen_text(app)
        added = listing.option_count
        assert 16 <= added < 100  # a screenful and a little more, not 5,000
        made = sum(1 for o in listing.options if isinstance(o, LazyOption) and o._make is None)
        assert made < 40  # rows made: those drawn
        await pilot.press("tab", "end")
        await pilot.pause()
        assert listing.option_count == 5000
        assert listing.highlighted == 4999
        shown = screen_text(app)
        assert "Brief number 4999" in shown and "Brief number 0 " not in shown
        await pilot.press("up")
        await pilot.pause()
        assert listing.highlighted == 4998 and "Brief number 4998" in screen_text(app)
        await pilot.press("home")
        await pilot.pause()
        assert listing.highlighted == 0 and "Brief number 0 " in screen_text(app)


async def test_scrolling_down_a_page_at_a_time_reaches_the_last_brief(store: Store, tmp_path: Path):
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.push_screen(LibraryScreen(ManyBriefs(store, 300)))  # type: ignore[arg-type]
        await pilot.pause()
        listing = app.screen.query_one("#library-list", OptionList)
        await pilot.press("tab")
        for _ in range(40):  # rows are added as the cursor nears the end
            await pilot.press("pagedown")
        await pilot.pause()
        assert listing.option_count == 300 and listing.highlighted == 299
        assert "Brief number 299" in screen_text(app)


async def test_rows_drawn_narrow_are_drawn_again_when_the_list_is_wider(
    store: Store, tmp_path: Path
):
    many = ManyBriefs(store, 600, title="A long title about the talks on the border, number {n}")
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        app.push_screen(LibraryScreen(many))  # type: ignore[arg-type]
        await pilot.pause()
        await pilot.press("tab", "end")
        await pilot.pause()
        await pilot.resize_terminal(64, 20)
        await pilot.pause()
        narrow = screen_text(app)
        assert "number 599" not in narrow and "…" in narrow  # cut to fit
        await pilot.press("home")
        await pilot.pause()
        await pilot.resize_terminal(120, 30)
        await pilot.pause()
        assert "A long title about the talks on the border, number 1  " in screen_text(app)


async def test_a_long_title_gives_way_to_the_outlet_and_nothing_is_markup(
    store: Store, tmp_path: Path
):
    many = ManyBriefs(store, 3)
    outlet = store.name_of(many._briefs[0].outlet)
    long_title = "[bold]Not markup[/bold] " + "word " * 40 + "\x1b[31mend"
    many._briefs[1] = dataclasses.replace(many._briefs[1], title=long_title)
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(LibraryScreen(many))  # type: ignore[arg-type]
        await pilot.pause()
        lines = [line for line in screen_text(app).splitlines() if "Not markup" in line]
        assert len(lines) == 1  # one line, not wrapped
        (line,) = lines
        assert "[bold]Not markup[/bold] word" in line and "…" in line and outlet in line
        assert "\x1b" not in screen_text(app)
        listing = app.screen.query_one("#library-list", OptionList)
        row = listing.get_option_at_index(1).prompt
        assert isinstance(row, Row) and "\x1b" not in row.plain  # control characters stripped
        assert row.plain.count("[bold]") == 1  # the whole title is kept, only its drawing is cut


async def test_a_text_searched_again_is_not_searched_twice(store: Store, tmp_path: Path):
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("L")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        index = store.search_index
        asked: list[str] = []
        search = index.search

        def counted(query: str, *args: Any, **kwargs: Any) -> Any:
            asked.append(query)
            return search(query, *args, **kwargs)

        index.search = counted  # type: ignore[method-assign]
        try:
            await pilot.press(*"dostu")
            await pilot.pause()
            shown = screen_text(app)
            await pilot.press("m", "backspace")
            await pilot.pause()
            assert asked.count("dostu") == 1 and asked.count("dostum") == 1
            assert screen_text(app) == shown  # what "dostu" found, shown again
            assert "Dostum" in shown
        finally:
            del index.search


async def test_the_entity_page_is_not_laid_out_again_at_its_size_and_adds_its_mentions_later(
    store: Store, tmp_path: Path
):
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    layouts: list[str] = []
    refresh_layout = Screen._refresh_layout

    def counted(screen: Screen, *args: Any, **kwargs: Any) -> None:
        layouts.append(type(screen).__name__)
        refresh_layout(screen, *args, **kwargs)

    async with app.run_test(size=(100, 18)) as pilot:  # a short screen: the mentions are below
        await pilot.pause()
        app.open_entity(DOSTUM)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EntityScreen)
        Screen._refresh_layout = counted  # type: ignore[method-assign]
        try:
            screen._screen_resized(app.size)  # what its Resize event does, at the same size
            assert layouts == []
            screen._screen_resized(app.size.with_width(90))  # a new size: laid out
            assert layouts == ["EntityScreen"]
        finally:
            Screen._refresh_layout = refresh_layout  # type: ignore[method-assign]
        lines = screen.query_one("#entity-lines", OptionList)
        text = "\n".join(str(o.prompt) for o in lines.options)
        assert "Mentions in articles" in text  # added after the first paint
        assert lines.styles.overflow_y == "scroll"  # decided before the first layout
        await pilot.press("G")
        await pilot.pause()
        assert lines.highlighted == lines.option_count - 1


async def test_the_entity_page_restores_a_cursor_below_the_first_screen(
    store: Store, tmp_path: Path
):
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(100, 18)) as pilot:
        await pilot.pause()
        app.open_entity(DOSTUM)
        await pilot.pause()
        lines = app.screen.query_one("#entity-lines", OptionList)
        last = lines.option_count - 1
        lines.highlighted = last
        await pilot.pause()
        location = app.screen.capture_location()  # type: ignore[attr-defined]
        assert location.cursor == last
        app.push_screen(EntityScreen(store, store.entity(DOSTUM), location))
        await pilot.pause()
        again = app.screen.query_one("#entity-lines", OptionList)
        assert again.highlighted == last and again.option_count == lines.option_count


def test_a_row_reads_as_the_content_it_draws():
    row = Row(
        [[("2025  ", "$text-muted"), ("Title", "bold")], [("  ", ""), ("match", "bold underline")]]
    )
    assert row.plain == "2025  Title\n  match"
    assert [(s.start, s.end, s.style) for s in row.spans] == [
        (0, 6, "$text-muted"),
        (6, 11, "bold"),
        (14, 19, "bold underline"),
    ]
    assert row.get_height({}, 80) == 2
    assert Row([[("x" * 100, "")]]).get_height({}, 40) == 3  # wraps, as Content does
    assert Row([[("x" * 100, "")]], wrap=False).get_height({}, 40) == 1
