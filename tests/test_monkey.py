"""Fast fingers: thousands of random keys in bursts (sent without waiting for the app, as a
terminal sends them), across every screen and modal, with resizes. Nothing may raise, and the app
must still answer at the end. benchmarks/monkey.py runs the same monkey for 50,000 keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.monkey import burst_monkey
from tui.app import BriefApp
from tui.config import Config
from tui.linking import Location
from tui.store import Store
from tui.userdata import UserData


@pytest.mark.parametrize(
    ("seed", "start"),
    [(1, None), (3, Location("entity", "abdul-rashid-dostum"))],
    ids=["reader", "entity"],
)
async def test_bursts_of_keys_raise_nothing_and_leave_the_app_responsive(
    store: Store, tmp_path: Path, seed: int, start: Location | None
):
    app = BriefApp(store, UserData(tmp_path / "data"), start, Config())
    trail: list[str] = []
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            run = await burst_monkey(app, pilot, seed=seed, keys=1000)
            trail = run.trail
            assert app._exception is None
            if not app.is_running:  # the palette's "Quit" command, chosen by the monkey
                assert app.return_code == 0
                return
            # Still answering: back to a known state and a key that must work.
            await pilot.resize_terminal(120, 40)
            for _ in range(4):
                await pilot.press("escape")
            app.action_library()
            await pilot.pause()
            assert type(app.screen).__name__ == "LibraryScreen"
            assert app.screen._compositor.render_strips()
            assert len(run.screens) >= 3, run.screens
    except Exception as error:  # name the keys that led here
        raise AssertionError(
            f"seed {seed}: {error!r} after keys {' '.join(trail[-60:])}"
        ) from error


async def send_burst(app: BriefApp, pilot, keys: list[str]) -> None:
    """All of ``keys`` queued at once, as one terminal read delivers them."""
    from tests.monkey import key_event

    for key in keys:
        event = key_event(key)
        event.set_sender(app)
        app._driver.send_message(event)
    for _ in range(3):
        await pilot.pause()


@pytest.mark.parametrize(
    ("keys", "size", "screen"),
    [
        (["question_mark", "escape", "ctrl+p", "escape"], (120, 40), "ReaderScreen"),
        (["ctrl+p", "pagedown", "pagedown", "escape"], (120, 40), "ReaderScreen"),
        (["3", "down", "4", "pagedown"], (80, 24), "ReaderScreen"),
        # `3 down` in one read is the panes' focus timing (issue 11): only "no crash" here.
        (["3", "down", "enter", "enter"], (120, 40), None),
        (["3", "down", "enter", "L", "escape", "backspace"], (120, 40), "ReaderScreen"),
        (["L", "escape", "L", "escape"], (120, 40), "ReaderScreen"),
    ],
    ids=[
        "help-palette",
        "palette-pagedown",
        "pagedown-80x24",
        "enter-enter",
        "library-back",
        "L-esc",
    ],
)
async def test_keys_sent_in_one_burst_act_on_the_screen_before_them(
    store: Store, tmp_path: Path, keys: list[str], size: tuple[int, int], screen: str | None
):
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await send_burst(app, pilot, keys)
        assert app._exception is None
        if screen is not None:
            stack = [type(s).__name__ for s in app.screen_stack]
            assert type(app.screen).__name__ == screen, stack
