"""The entity page at scale (issue 8): its list is wrapped and drawn once when it opens, and
again only when its width changes."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from tui.app import BriefApp
from tui.config import Config
from tui.linking import Location
from tui.screens.entity import EntityLines, EntityScreen
from tui.store import Store
from tui.userdata import UserData

DOSTUM = "abdul-rashid-dostum"


def _rows(lines: OptionList) -> int:
    return len(lines._lines)  # every option's wrapped rows, as the list lays them out


async def test_a_resize_rewraps_the_entity_page_only_when_its_width_changes(
    store: Store, tmp_path: Path
):
    app = BriefApp(store, UserData(tmp_path / "data"), Location("entity", DOSTUM), Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EntityScreen)
        lines = screen.query_one("#entity-lines", EntityLines)
        wide_rows = _rows(lines)
        assert wide_rows >= len(lines.options) > 0
        # a taller terminal, same width: the wrapped lines and their drawings are kept
        marker = object()
        lines._option_render_cache["marker"] = marker  # type: ignore[index]
        await pilot.resize_terminal(120, 50)
        await pilot.pause()
        assert lines._option_render_cache.get("marker") is marker  # type: ignore[call-overload]
        assert _rows(lines) == wide_rows
        # a narrower one: the long lines wrap again, into more rows, and are drawn anew
        await pilot.resize_terminal(64, 50)
        await pilot.pause()
        assert lines._option_render_cache.get("marker") is None  # type: ignore[call-overload]
        assert _rows(lines) > wide_rows
        # and back: as wide as before, as many rows as before
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert _rows(lines) == wide_rows
        # the cursor still moves and shows on the page
        before = lines.highlighted
        await pilot.press("j")
        assert lines.highlighted != before


def test_the_library_screen_does_not_import_the_search_engine_before_its_first_paint():
    """The Library opens on its newest briefs: the search engine (numpy under it) is imported
    just after its first paint, so importing the screen must not import it."""
    import subprocess
    import sys

    code = (
        "import sys; import tui.app, tui.screens.library; "
        "print(sorted(m for m in ('tui.search', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


async def test_the_library_searches_after_opening(store: Store, tmp_path: Path):
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("L")
        await pilot.pause()
        for key in "dostum":
            await pilot.press(key)
        await pilot.pause()
        listing = app.screen.query_one("#library-list", OptionList)
        text = "\n".join(o.prompt.plain for o in listing.options)  # type: ignore[union-attr]
        assert "Dostum" in text or "dostum" in text.lower()
        await pilot.press("tab", "enter")  # the hit opens its brief
        await pilot.pause()
        assert type(app.screen).__name__ == "ReaderScreen"


async def test_the_library_filter_scrolls_a_text_longer_than_its_box(store: Store, tmp_path: Path):
    """The filter box's width is set without a layout per key: it still scrolls with the cursor."""
    from textual.widgets import Input

    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("L")
        await pilot.pause()
        box = app.screen.query_one("#library-filter", Input)
        typed = "afghanistan " * 9
        for key in typed:
            await pilot.press("space" if key == " " else key)
        await pilot.pause()
        assert box.value == typed
        assert box.virtual_size.width == len(typed) + 1 > box.content_region.width
        assert box.scroll_offset.x > 0  # the cursor at the end of the text is in view
        await pilot.press("home")
        await pilot.pause()
        assert box.scroll_offset.x == 0


async def test_library_keys_faster_than_a_frame_make_one_search(store: Store, tmp_path: Path):
    from textual.widgets import Input

    from tui.screens.library import LibraryScreen

    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("L")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LibraryScreen)
        searched: list[str] = []
        refilter = screen.refilter

        def counted(text: str) -> None:
            searched.append(text)
            refilter(text)

        screen.refilter = counted  # type: ignore[method-assign]
        box = screen.query_one("#library-filter", Input)
        for text in ("d", "do", "dos", "dost", "dostum"):  # a burst: no frame between them
            box.value = text
        await pilot.pause()
        assert box.value == "dostum" and searched == ["dostum"]
        rows = "\n".join(o.prompt.plain for o in screen.query_one("#library-list").options)  # type: ignore[attr-defined]
        assert "dostum" in rows.lower()
        # enter in the same burst as the typing opens what the whole text finds
        box.value = "zzzzqqq"  # finds nothing: enter must not open the brief "dostum" found
        await pilot.press("enter")
        await pilot.pause()
        assert searched[-1] == "zzzzqqq" and app.screen is screen
