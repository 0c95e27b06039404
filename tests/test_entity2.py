"""The entity page's opening (issue 8, entity2): the time axis drawn from the sample's date keys
only, and the whole page (the sections below the screen too) composed before its first paint."""

from __future__ import annotations

from pathlib import Path

from textual.content import Content

from tui.app import BriefApp
from tui.config import Config
from tui.linking import Location
from tui.screens.entity import EntityLines, EntityScreen
from tui.store import Store
from tui.userdata import UserData
from tui.widgets.timeline import axis_line, axis_line_of_keys


def _cells(content: Content) -> list[tuple[str, list[str]]]:
    """Each character with the styles over it (spans may be cut differently)."""
    return [
        (char, [str(span.style) for span in content.spans if span.start <= n < span.end])
        for n, char in enumerate(content.plain)
    ]


def test_the_axis_from_date_keys_is_the_axis_from_events(store: Store):
    drawn = 0
    for entity_id in [e.id for e in [*store.people(), *store.factions()]]:
        if store.entity_event_count(entity_id) < 2:
            continue
        sample = store.entity_event_sample(entity_id)
        keys = store.entity_event_sample_keys(entity_id)
        assert keys == [event.date.sort_key for event in sample]
        for width in (30, 60, 117):
            expected = axis_line(sample, None, width)
            got = axis_line_of_keys(keys, width)
            assert _cells(got) == _cells(expected)
            drawn += bool(got.plain)
    assert drawn > 3
    assert axis_line_of_keys(["0000-00-00", "9999"], 40).plain == ""


async def _open_page(store: Store, tmp_path: Path, size: tuple[int, int]):
    entity_id = max(
        [e.id for e in [*store.people(), *store.factions()]],
        key=lambda e: store.entity_mention_count(e, source=True),
    )
    app = BriefApp(store, UserData(tmp_path / "data"), Location("entity", entity_id), Config())
    return app, entity_id


async def test_a_mention_added_after_the_first_paint_opens_exactly_there(
    store: Store, tmp_path: Path
):
    app, entity_id = await _open_page(store, tmp_path, (80, 24))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EntityScreen)
        lines = screen.query_one("#entity-lines", EntityLines)
        ids = [o.id or "" for o in lines.options]
        mention = next(n for n, i in enumerate(ids) if ":sentence:" in i)
        lines.highlighted = mention
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        target = ids[mention].rsplit("#", 1)[0]
        brief_id, sentence = target.split(":")[1], target.split(":")[3]
        assert type(app.screen).__name__ == "ReaderScreen"
        where = app.screen.capture_location()  # type: ignore[attr-defined]
        assert where.target == brief_id and where.selection.item == f"sentence:{sentence}"
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen) and app.screen.entity.id == entity_id


async def test_the_page_is_laid_out_again_only_when_something_changed(store: Store, tmp_path: Path):
    from textual.widgets import Static

    app, _ = await _open_page(store, tmp_path, (100, 30))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EntityScreen)
        layouts: list[object] = []
        refresh_layout = screen._refresh_layout

        def counted(*args: object, **kwargs: object) -> None:
            layouts.append(args)
            refresh_layout(*args, **kwargs)

        screen._refresh_layout = counted  # type: ignore[method-assign]
        app.refresh(layout=True)  # what removing the screen it replaced asks for
        await pilot.pause()
        assert not layouts
        # a widget mounted on the page is laid out and shown
        await screen.mount(Static(Content("a toast-like line"), id="extra"), before=0)
        await pilot.pause()
        assert layouts and screen.query_one("#extra").region.height == 1
        # and a new size lays it out anew
        count = len(layouts)
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert len(layouts) > count
        assert screen.query_one("#entity-lines").region.width == 90
