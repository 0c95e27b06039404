"""Help: the live bindings of the screen underneath (focused widget first), and a short text."""

from __future__ import annotations

from importlib.resources import files

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

# Widget internals that mean nothing in the reader (its panes never scroll sideways).
HIDDEN_ACTIONS = {"scroll_left", "scroll_right", "page_left", "page_right"}
KEY_NAMES = {"slash": "/", "question_mark": "?", "escape": "esc", "backspace": "⌫",
             "right_square_bracket": "]", "left_square_bracket": "["}  # fmt: skip


def key_label(key: str) -> str:
    return "/".join(KEY_NAMES.get(k, k) for k in key.split(","))


def bindings_table(screen) -> Content:
    """One line per live binding of ``screen``: key, what it does, and where it applies."""
    rows: dict[str, list[str]] = {}
    enabled: dict[str, bool] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        if not binding.description or binding.action in HIDDEN_ACTIONS:
            continue
        rows.setdefault(binding.description, []).append(key_label(key))
        enabled[binding.description] = enabled.get(binding.description, False) or active.enabled
    lines = [
        Content.assemble(
            (f"{' '.join(keys):>14}", "bold $text-accent"),
            "  ",
            (description, "" if enabled[description] else "$text-muted"),
            ("" if enabled[description] else "  (not now)", "$text-muted"),
        )
        for description, keys in rows.items()
    ]
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    SETTLES_KEYS = True  # a key's messages land before its frame and next key (textual_fixes)
    # The reader's own keys scroll the help too, at once (a VerticalScroll animates its pages
    # for 0.6 s and knows no j / k / space)
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "close", "Close help", id="close-help"),
        Binding("j,down", "scroll(1)", "Down", show=False, priority=True),
        Binding("k,up", "scroll(-1)", "Up", show=False, priority=True),
        Binding("pagedown,space", "page(1)", "Page down", show=False, priority=True),
        Binding("pageup", "page(-1)", "Page up", show=False, priority=True),
        Binding("home,g", "edge(0)", "Top", show=False, priority=True),
        Binding("end,G", "edge(1)", "Bottom", show=False, priority=True),
    ]

    def __init__(self, bindings: Content) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Content.styled("Keys here", "bold"), classes="help-heading")
            yield Static(self.bindings, id="help-keys")
            yield Markdown(
                files("tui").joinpath("help.md").read_text(encoding="utf-8"), id="help-text"
            )

    def on_mount(self) -> None:
        self.query_one("#help-body").border_title = Content("Help — escape to close")
        self.query_one("#help-body").focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    def action_page(self, step: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_relative(
            y=step * max(1, body.scrollable_content_region.height - 1), animate=False
        )

    def action_edge(self, end: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_to(y=body.max_scroll_y if end else 0, animate=False)
