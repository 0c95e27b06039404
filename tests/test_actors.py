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
        await pilot.press("3", *["j"] * 11)  # Taliban: members and relations
        pane = app.screen.query_one(ActorsPane)
        pane.hints = True
        await pilot.pause()
        card = str(app.screen.query_one("#actor-card", Static).render())
        assert pane.hint_map, "no links numbered"
        for key, link in pane.hint_map.items():
            assert f"{key}{store.name_of(link.target)}" in card.replace("\n", " ")
            assert link.kind == "entity" and store.entity(link.target) is not None
        assert len({link.target for link in pane.hint_map.values()}) == len(pane.hint_map)
        pane.hints = False
        await pilot.pause()
        assert not pane.hint_map
