"""The baseline for benchmarks/startup.py: a bare Textual hello-world app."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class Hello(App):
    def compose(self) -> ComposeResult:
        yield Static("Hello, world — baseline app")


if __name__ == "__main__":
    Hello().run()
