"""A one-line key bar: the bindings marked ``show=True`` where the user is, as one Content line.

Textual's Footer mounts a widget per key and restyles each of them at start-up, which costs the
reader about 30 ms before its first paint; the keys are the same, drawn as text. Mouse users keep
ctrl+p and every on-screen pane; the keyboard is the primary way in.
"""

from __future__ import annotations

from typing import Any

from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        padding: 0 1;
        background: $brief-bar;
        color: $brief-bar-text;
    }
    """

    _keys: Content | None = None
    _notice: Content | None = None  # a short notice shown before the keys (the theme's name)
    _notice_timer: Any = None
    _drawn: tuple | None = None  # what the keys were last drawn from

    def flash(self, text: str, seconds: float = 2.0) -> None:
        """Show ``text`` at the start of the bar for ``seconds``: a notice that covers nothing
        the user reads (a toast covered part of the History and Source panes)."""
        self._notice = Content.styled(text, "bold $brief-bar-key")  # (plain text: no markup)
        if self._notice_timer is not None:
            self._notice_timer.stop()
        self._notice_timer = self.set_timer(seconds, self._end_notice)
        self.show_keys(self.screen)

    def _end_notice(self) -> None:
        self._notice = None
        self._notice_timer = None
        if self.is_attached:
            self.show_keys(self.screen)

    @property
    def notice(self) -> str:
        """The notice shown now ("" when none)."""
        return self._notice.plain if self._notice is not None else ""

    def on_mount(self) -> None:
        # the keys are drawn on the first Resize, once the bar's width is known (fitting them to
        # no width first would only be redone)
        self.screen.bindings_updated_signal.subscribe(self, self.show_keys)

    def on_resize(self) -> None:
        self.show_keys(self.screen)

    def show_keys(self, screen: Screen) -> None:
        if self.size.width <= 2:  # not laid out yet: every key would be drawn, cut at the edge
            return
        shown = [
            (active.binding, active.enabled)
            for active in screen.active_bindings.values()
            if active.binding.show and active.binding.description
        ]
        # the bindings are announced twice a key or so and mostly the same: drawn again only
        # when what is shown, the width or the notice changed
        drawn = (
            [(b.key, b.action, b.description, b.key_display, on) for b, on in shown],
            self.size.width,
            self._notice,
            self.app.theme,
        )
        if drawn == self._drawn:
            return
        self._drawn = drawn
        parts = []
        seen: set[str] = set()
        for binding, enabled in shown:
            if binding.action in seen:
                continue
            seen.add(binding.action)
            key = self.app.get_key_display(binding)
            if key.startswith("^") and len(key) > 1:  # "^r" as "ctrl+r", like "ctrl+p palette"
                key = f"ctrl+{key[1:]}"
            parts.append(
                Content.assemble(
                    (f"{key} ", "bold $brief-bar-key"),
                    (
                        binding.description,
                        "$brief-bar-text" if enabled else "$brief-bar-text italic",
                    ),
                )
            )
        width = self.size.width - 2
        notice = self._notice
        if notice is not None:
            width = max(width - notice.cell_length - SEPARATOR.cell_length, 1)
        keys = fit(parts, self._palette_part(), width)
        if notice is not None:
            keys = joined([notice, keys]) if keys.cell_length else notice
        if keys != self._keys:
            self._keys = keys
            # one line, docked: the bar's size never depends on its text, so no layout pass
            # (a layout pass reflows and repaints the whole screen on every focus change)
            self.update(keys, layout=False)

    def _palette_part(self) -> Content | None:
        if not self.app.ENABLE_COMMAND_PALETTE:
            return None
        return Content.assemble(("ctrl+p ", "bold $brief-bar-key"), "palette")


SEPARATOR = Content("  ")


def fit(parts: list[Content], last: Content | None, width: int) -> Content:
    """The parts that fit in ``width`` cells, whole, in order, always ending with ``last`` (the
    palette, the way to everything else): a key is never shown without its label."""
    chosen: list[Content] = []
    used = last.cell_length if last is not None else 0
    for part in parts:
        extra = part.cell_length + (SEPARATOR.cell_length if chosen or last is not None else 0)
        if used + extra > width:
            break
        chosen.append(part)
        used += extra
    if last is not None:
        chosen.append(last)
    return joined(chosen)


def joined(parts: list[Content]) -> Content:
    """The parts with SEPARATOR between them. (Textual 8.2's ``Content.join`` counts the
    separator's width once too often when the separator's width was asked before: the bar then
    claimed more cells than it drew, and the last ones kept whatever was there before.)"""
    pieces: list[Content] = []
    for part in parts:
        if pieces:
            pieces.append(SEPARATOR)
        pieces.append(part)
    return Content.assemble(*pieces)
