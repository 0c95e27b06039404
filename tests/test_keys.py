"""Keys within a frame (issue 11): moving through the Actors tree draws the card in place — the
tree keeps its size, so nothing else is laid out again — the involved actors' lines are repainted
when the item changes, and a new width re-measures the card."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.app import BriefApp
from tui.config import Config
from tui.store import Store
from tui.userdata import UserData
from tui.widgets.actors import ActorTree


def make(store: Store, tmp_path: Path) -> BriefApp:
    return BriefApp(store, UserData(tmp_path / "data"), None, Config())


async def test_moving_through_actors_keeps_the_tree_and_card_sizes(store: Store, tmp_path: Path):
    app = make(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j")
        await pilot.pause()
        tree = app.screen.query_one(ActorTree)
        card = app.screen.query_one("#actor-card", Static)
        sizes = {(tree.region, card.region.height)}
        for _ in range(12):
            await pilot.press("j")
            await pilot.pause()
            sizes.add((tree.region, card.region.height))
        assert len(sizes) == 1, sizes  # a card of another height re-laid out tree and screen


def involved_lines(tree: ActorTree) -> set[str]:
    """Names on the tree's visible lines drawn in the 'involved' style."""
    style = tree.get_component_rich_style("actor-tree--involved", partial=True)
    found = set()
    for y in range(tree.size.height):
        strip = tree.render_line(y)
        text = strip.text.strip(" ├└│▼▶─")
        if any(seg.style and seg.style.bold and seg.style.color == style.color for seg in strip):
            found.add(text.split("  ")[0].rstrip("…"))
    return found


async def test_the_tree_marks_the_actors_of_each_item(store: Store, tmp_path: Path):
    app = make(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.screen.query_one(ActorTree)
        seen = []
        for key in ["2", "j", "j", "j", "1", "j"]:
            await pilot.press(key)
            await pilot.pause()
            screen = app.screen
            expected = {store.name_of(a) for a in screen.view.actors_of(screen.selection.item)}
            shown = involved_lines(tree)
            visible = {
                str(tree.get_node_at_line(y).label).split("  ")[0]
                for y in range(
                    int(tree.scroll_offset.y), int(tree.scroll_offset.y) + tree.size.height
                )
                if tree.get_node_at_line(y) is not None
            }
            want = {name for name in expected if name in visible}
            assert {s[:12] for s in shown} == {w[:12] for w in want}, (key, shown, want)
            seen.append(frozenset(want))
        assert len(set(seen)) > 1  # the items involve different actors: lines did change


async def test_a_new_width_measures_the_card_again(store: Store, tmp_path: Path):
    app = make(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", *["j"] * 11)  # Taliban: a long card
        await pilot.pause()
        box = app.screen.query_one("#actor-card-box", VerticalScroll)
        assert "more below" in str(box.border_title)
        await pilot.resize_terminal(110, 40)
        await pilot.pause()
        await pilot.pause()
        pane = box.parent
        assert pane._card_width == app.screen.query_one("#actor-card", Static).content_region.width
        for _ in range(8):
            await pilot.press("J")
        await pilot.pause()
        # scrolled to the card's end, not into the padding below it
        assert "end" in str(box.border_title)
        shown = "".join(
            "".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()
        )
        assert "Mentioned" in shown
