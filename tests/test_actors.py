"""The Actors pane: the selected actor stays in view above the card, cut names say so, and a card
longer than its space says it continues and scrolls."""

from __future__ import annotations

from pathlib import Path

from textual.containers import VerticalScroll

from tui.app import BriefApp
from tui.config import Config
from tui.store import Store
from tui.userdata import UserData
from tui.widgets.actors import ActorTree


def make(store: Store, tmp_path: Path) -> BriefApp:
    return BriefApp(store, UserData(tmp_path / "data"), None, Config())


def rows(app: BriefApp, region) -> list[str]:
    lines = ["".join(s.text for s in strip) for strip in app.screen._compositor.render_strips()]
    return [line[region.x : region.right] for line in lines[region.y : region.bottom]]


async def test_the_selected_actor_never_hides_under_the_card(store: Store, tmp_path: Path):
    app = make(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        tree = app.screen.query_one(ActorTree)
        for _ in range(tree.last_line + 1):
            await pilot.press("j")
            await pilot.pause()
            node = tree.get_node_at_line(tree.cursor_line)
            assert node is not None
            label = str(node.label).split("  ")[0][:10]
            visible = rows(app, tree.content_region)
            assert any(label in row for row in visible), (label, visible)


async def test_cut_actor_names_end_with_an_ellipsis(store: Store, tmp_path: Path):
    app = make(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ActorTree)
        visible = rows(app, tree.content_region)
        assert any("National Assembly for Sa" in row and "…" in row for row in visible), visible
        assert not any(row.rstrip().endswith("Salva") for row in visible)


async def test_a_long_card_says_it_continues_and_scrolls(store: Store, tmp_path: Path):
    app = make(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", *["j"] * 11)  # Taliban: members and relations overflow the card
        await pilot.pause()
        box = app.screen.query_one("#actor-card-box", VerticalScroll)
        assert box.max_scroll_y > 0
        assert "more below" in str(box.border_title)
        await pilot.press("J")
        await pilot.pause()
        assert box.scroll_y > 0
        assert app.screen.query_one(ActorTree).has_focus  # J scrolls the card, focus stays


async def test_hint_mode_numbers_every_link_on_the_card(store: Store, tmp_path: Path):
    from textual.widgets import Static

    from tui.widgets.actors import ActorsPane

    app = make(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", *["j"] * 11, "f")  # Taliban: members, relations, cited sentences
        await pilot.pause()
        pane = app.screen.query_one(ActorsPane)
        card = str(app.screen.query_one("#actor-card", Static).render()).replace("\n", " ")
        assert pane.hint_map, "no links numbered"
        assert pane.hint_map == app.screen.card_hints  # the card draws the keys the screen follows
        for key, link in pane.hint_map.items():
            shown = store.name_of(link.target) if link.kind == "entity" else link.target
            assert f"{key}{shown}" in card, (key, shown)
        assert {link.kind for link in pane.hint_map.values()} == {"entity", "source"}
        await pilot.press("escape")
        await pilot.pause()
        assert not pane.hint_map


async def test_hints_typed_right_after_a_move_number_the_card_shown(store: Store, tmp_path: Path):
    """`j f` in one read: the hints are the links of the actor the cursor moved to."""
    from tests.test_monkey import send_burst

    app = make(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j", "j")
        await pilot.pause()
        before = app.screen.selection.actor
        await send_burst(app, pilot, ["j", "f"])
        tree = app.screen.query_one(ActorTree)
        actor = tree.cursor_node.data
        assert actor != before and app.screen.selection.actor == actor
        from tui.linking import card_links

        assert list(app.screen.card_hints.values()) == card_links(app.screen.view, actor)[:33]
