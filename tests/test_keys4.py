"""Keys within a frame, round 6 (issue 11): each key reaches the terminal in one frame.

A move in Summary drew its cursor at once, and the Source highlight and the Actors marks a timer
tick (16–35 ms) later: they travel as messages between widgets that each run their own task, and
the screen drew whatever had reached it. The screen now holds a frame while messages are still on
their way (tui/textual_fixes.py, ``_one_frame_per_key``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import BriefApp
from tui.config import Config
from tui.store import Store
from tui.userdata import UserData
from tui.widgets.panes import SourcePane

KEYS = ["j", "j", "k", "2", "j", "3", "down", "down", "up", "4", "j", "5", "j"]
KEYS += ["1", "2", "3", "4", "5", "1", "tab", "shift+tab"]


async def test_each_key_reaches_the_terminal_in_one_frame(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    frames: list[object] = []
    display = BriefApp._display

    def counting_display(self, screen, renderable):  # type: ignore[no-untyped-def]
        if renderable is not None and not self._batch_count:
            frames.append(renderable)
        return display(self, screen, renderable)

    monkeypatch.setattr(BriefApp, "_display", counting_display)
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.1)
        drawn = []
        for key in KEYS:
            frames.clear()
            await pilot.press(key)
            await pilot.pause(0.1)  # six timer ticks: any later frame has come by now
            drawn.append((key, len(frames)))
        assert drawn == [(key, 1) for key in KEYS]


async def test_the_one_frame_holds_the_source_highlight(store: Store, tmp_path: Path):
    """What the frame holds: after `j` in Summary, Source highlights the new item's support."""
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        source = app.screen.query_one(SourcePane)
        summary = app.screen.query_one("#summary")
        assert app.screen.selection.item == summary.current_key()
        assert source.support() == app.screen.view.sentence_ids(summary.current_key())
