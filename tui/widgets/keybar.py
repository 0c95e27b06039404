"""A one-line key bar: the bindings marked ``show=True`` where the user is, as one Content line.

Textual's Footer mounts a widget per key and restyles each of them at start-up, which costs the
reader about 30 ms before its first paint; the keys are the same, drawn as text. Mouse users keep
ctrl+p and every on-screen pane; the keyboard is the primary way in.
"""

from __future__ import annotations

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

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.show_keys)
        self.show_keys(self.screen)

    def show_keys(self, screen: Screen) -> None:
        parts = []
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            key = self.app.get_key_display(binding)
            parts.append(
                Content.assemble(
                    (f"{key} ", "bold $brief-bar-key"),
                    (
                        binding.description,
                        "$brief-bar-text" if active.enabled else "$brief-bar-text italic",
                    ),
                )
            )
        if self.app.ENABLE_COMMAND_PALETTE:
            parts.append(Content.assemble(("ctrl+p ", "bold $brief-bar-key"), "palette"))
        self.update(Content("  ").join(parts))
