"""Start-up, round 4 (issue 11): what the first screen waits for.

The Actors tree groups the brief's actors by reading every actor's entity file (~25 for the seed
brief); that reading now waits until the first screen is drawn, in the wide layout as in the
narrow one, and the tree is complete right after."""

from __future__ import annotations

import pytest

from tui.app import BriefApp
from tui.config import Config
from tui.store import Store
from tui.userdata import UserData
from tui.widgets.actors import ActorTree


def _seed_app() -> BriefApp:
    from tui.cli import EMBEDDED_STORE

    return BriefApp(Store.open(EMBEDDED_STORE), UserData(None), config=Config())


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_the_actors_tree_is_filled_after_the_first_frame(
    monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
):
    app = _seed_app()
    frames: list[int] = [0]  # updates that would reach the terminal
    filled_after: list[int] = []
    display = BriefApp._display

    def counting_display(self, screen, renderable):  # type: ignore[no-untyped-def]
        if renderable is not None and not self._batch_count:
            frames[0] += 1
        return display(self, screen, renderable)

    populate = ActorTree.populate

    def recording_populate(self: ActorTree) -> None:
        filled_after.append(frames[0])
        populate(self)

    monkeypatch.setattr(BriefApp, "_display", counting_display)
    monkeypatch.setattr(ActorTree, "populate", recording_populate)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.pause()
        tree = app.screen.query_one(ActorTree)
        assert filled_after and filled_after[0] >= 1  # not before the first frame
        assert len(filled_after) == 1  # filled once
        labels = []
        stack = list(tree.root.children)
        while stack:
            node = stack.pop()
            stack.extend(node.children)
            labels.append(str(node.label))
        assert any("Ahmad Massoud" in label for label in labels)
        assert any("National Resistance Council" in label for label in labels)


async def test_a_key_in_the_actors_pane_before_the_tree_is_filled_finds_it_filled():
    app = _seed_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "j")
        await pilot.pause()
        tree = app.screen.query_one(ActorTree)
        assert tree.root.children
        assert app.screen.selection.actor is not None
