"""An OptionList with the reader's vim-style movement keys (hidden aliases of the arrows)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class KeyedOptionList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]
