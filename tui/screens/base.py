"""What every full screen of the reader shares: a "terminal too small" guard."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH = 60
MIN_HEIGHT = 16


class BriefScreen(Screen):
    """Below MIN_WIDTH × MIN_HEIGHT the screen says so instead of drawing garbage."""

    DEFAULT_CSS = """
    BriefScreen #too-small { display: none; width: 1fr; height: 1fr; content-align: center middle; }
    BriefScreen.-too-small > * { display: none; }
    BriefScreen.-too-small > #too-small { display: block; }
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # What waits for this screen's first paint (writes to the user's data: never before it)
        self.after_paint: list[Callable[[], object]] = []

    def on_mount(self) -> None:
        # Runs besides each screen's own on_mount (Textual calls the handler of every class).
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        hooks, self.after_paint = self.after_paint, []
        for hook in hooks:
            hook()
        first_paint = getattr(self.app, "first_painted", None)
        if first_paint is not None:
            first_paint()

    def compose_too_small(self) -> ComposeResult:
        message = f"Terminal too small — brief needs at least {MIN_WIDTH}×{MIN_HEIGHT}."
        yield Static(Content(message), id="too-small")

    def on_resize(self, event: events.Resize) -> None:
        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        self.set_class(small, "-too-small")
