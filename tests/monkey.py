"""A burst monkey: random keys sent the way a terminal sends them — straight into the driver's
queue, many at once, without waiting for the app to finish the previous one — across every screen
and modal (reader, library, entity page, help, palette, search field), with resizes.

Used by tests/test_monkey.py (a few thousand keys) and benchmarks/monkey.py (50,000).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, field

from textual import events
from textual.app import App
from textual.geometry import Size
from textual.pilot import Pilot

# Keys a reader uses, weighted towards the ones that open screens and modals, so every screen and
# modal is visited often: pane digits, moves, enter (entity page), L (library), ? (help),
# ctrl+p (palette), / (search field), f (hints), back/forward, escape, tab, page keys, letters.
KEYS = (
    [str(n) for n in range(1, 10)] * 2
    + ["j", "k", "down", "up", "pagedown", "pageup", "home", "end", "g", "G"] * 3
    + ["enter"] * 4
    + ["escape"] * 5
    + ["tab", "shift+tab", "backspace", "alt+left", "alt+right"]
    + ["L", "L", "question_mark", "f1", "ctrl+p", "ctrl+p", "slash", "slash", "f", "f", "n", "N"]
    + ["t", "space", "ctrl+d", "ctrl+u", "left", "right"]
    + list("abcdehimorsuvwxyz tal")
)
SIZES = [(120, 40), (80, 24), (100, 30), (60, 16), (59, 15), (50, 14), (70, 15), (200, 60)]
FORBIDDEN = {"q", "ctrl+q", "ctrl+c"}  # quitting ends the run; tested elsewhere


def key_event(key: str) -> events.Key:
    from textual.keys import _character_to_key, _get_unicode_name_from_key

    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(key))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


@dataclass
class MonkeyRun:
    keys: int = 0
    resizes: int = 0
    screens: set[str] = field(default_factory=set)
    trail: list[str] = field(default_factory=list)


async def burst_monkey(
    app: App, pilot: Pilot, *, seed: int, keys: int, burst: int = 40, resize_every: int = 9
) -> MonkeyRun:
    """Send ``keys`` random keys in bursts of up to ``burst`` keys without waiting in between;
    between bursts, sometimes a resize, then let the app catch up. Returns what was visited."""
    rng = random.Random(seed)
    run = MonkeyRun()
    app._monkey_trail = run.trail  # type: ignore[attr-defined]  # for failure reports
    driver = app._driver
    assert driver is not None
    bursts = 0
    while run.keys < keys:
        bursts += 1
        count = min(keys - run.keys, rng.randint(1, burst))
        for _ in range(count):
            key = rng.choice(KEYS)
            if key in FORBIDDEN:
                continue
            event = key_event(key)
            event.set_sender(app)
            driver.send_message(event)
            run.trail.append(key)
            run.keys += 1
        if bursts % resize_every == 0:
            width, height = rng.choice(SIZES)
            driver._size = Size(width, height)  # the headless driver's terminal size
            app.post_message(events.Resize(Size(width, height), Size(width, height)))
            run.trail.append(f"<resize {width}x{height}>")
            run.resizes += 1
        if bursts % 3 == 0:
            await pilot.pause()
        run.screens.add(type(app.screen).__name__)
        if not getattr(app, "_keep_trail", False):
            del run.trail[:-200]  # the last keys are what a failure report needs
        if app._exception is not None or not app.is_running:
            break
    await pilot.pause()
    return run
