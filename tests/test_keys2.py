"""Keys within a frame, round 4 (issue 11): what a key repaints, restyles and lays out.

Partial screen updates render only the changed rows (and must write exactly what Textual's own
update writes); a move in Actors lays nothing out; a focus change restyles each pane once; the
Actors tree hidden at start is filled after the first paint and still answers `3 j`; full garbage
collections wait for the user to pause."""

from __future__ import annotations

import gc
import random
from pathlib import Path

from textual.css.stylesheet import Stylesheet
from textual.geometry import Region
from textual.screen import Screen

from tui import textual_fixes
from tui.app import BriefApp
from tui.config import Config
from tui.store import Store
from tui.userdata import UserData
from tui.widgets.actors import ActorTree


def make(store: Store, tmp_path: Path) -> BriefApp:
    return BriefApp(store, UserData(tmp_path / "data"), None, Config())


async def test_partial_updates_write_what_textual_would(store: Store, tmp_path: Path):
    app = make(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "j", "3", "j")
        await pilot.pause()
        compositor = app.screen._compositor
        ours = type(compositor).render_partial_update
        theirs = textual_fixes.textual_partial_update
        assert theirs is not None and ours is not theirs
        rng = random.Random(11)
        for _ in range(40):
            regions = set()
            for _ in range(rng.randint(1, 4)):
                x, y = rng.randrange(120), rng.randrange(40)
                regions.add(Region(x, y, rng.randint(1, 120 - x), rng.randint(1, 40 - y)))
            for widget in app.screen.query("*"):  # every line drawn afresh, as after a change
                widget._styles_cache.clear()
            compositor._dirty_regions.update(regions)
            mine = ours(compositor).render_segments(app.console)
            compositor._dirty_regions.update(regions)
            for widget in app.screen.query("*"):
                widget._styles_cache.clear()
            textual = theirs(compositor).render_segments(app.console)
            assert mine == textual, regions


async def test_moving_in_actors_lays_nothing_out(store: Store, tmp_path: Path, monkeypatch):
    app = make(store, tmp_path)
    layouts: list[Screen] = []
    refresh_layout = Screen._refresh_layout

    def counted(self: Screen, *args, **kwargs):
        layouts.append(self)
        return refresh_layout(self, *args, **kwargs)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "down")  # (the first card replaces a placeholder: measured once)
        await pilot.pause()
        monkeypatch.setattr(Screen, "_refresh_layout", counted)
        for key in ["down"] * 10 + ["up"] * 11:  # History narrows to each actor's events
            await pilot.press(key)
        await pilot.pause()
        assert layouts == []


async def test_a_pane_switch_restyles_each_pane_once(store: Store, tmp_path: Path, monkeypatch):
    app = make(store, tmp_path)
    restyled: list[str] = []
    update_nodes = Stylesheet.update_nodes

    def counted(self: Stylesheet, nodes, animate: bool = False):
        nodes = list(nodes)
        restyled.extend(str(node.id) for node in nodes if node.id)
        return update_nodes(self, nodes, animate=animate)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1")
        await pilot.pause()
        monkeypatch.setattr(Stylesheet, "update_nodes", counted)
        await pilot.press("2")
        await pilot.pause()
        assert sorted(restyled) == ["summary", "takeaways"]  # (Textual: each twice)
        restyled.clear()
        await pilot.press("3")
        await pilot.pause()
        assert restyled.count("actor-tree") == 1 and restyled.count("takeaways") == 1


async def test_hidden_actors_tree_is_filled_after_the_first_paint(store: Store, tmp_path: Path):
    app = make(store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        tree = app.screen.query_one(ActorTree)
        await pilot.pause()
        assert tree.root.children  # filled once the first paint is out
        first = tree.get_node_at_line(0)
        await pilot.press("3", "j")
        await pilot.pause()
        assert app.screen.focused is tree
        assert tree.cursor_line == 1 and tree.cursor_node is not first


async def test_full_collections_wait_for_a_pause(store: Store, tmp_path: Path):
    app = make(store, tmp_path)
    threshold = gc.get_threshold()
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.get_threshold()[2] == BriefApp.FULL_COLLECTION_THRESHOLD
            gc.collect()
            gc.collect(1)  # a young collection: the next full one is now due
            app._last_key = 0.0  # (long ago)
            app._collect_if_idle()
            assert gc.get_count()[2] == 0
    finally:
        gc.set_threshold(*threshold)


async def test_line_filters_hand_back_lines_they_do_not_change(store: Store, tmp_path: Path):
    from rich.segment import Segment
    from rich.style import Style as RichStyle
    from textual.strip import Strip

    app = make(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        plain = Strip([Segment("plain", RichStyle.parse("#ffffff on #000000"))])
        dim = Strip([Segment("dim", RichStyle.parse("dim #ffffff on #000000"))])
        background = app.screen.styles.background
        for line_filter in app.get_line_filters():
            assert plain.apply_filter(line_filter, background) is plain
        filtered = dim
        for line_filter in app.get_line_filters():
            filtered = filtered.apply_filter(line_filter, background)
        assert filtered is not dim and not any(s.style.dim for s in filtered)  # still drawn muted
