"""The reader's highlight styles, in one place: the text panes, the Actors card and the entity page
use these, and the contrast test checks them in every theme. Theme variables only."""

from __future__ import annotations

MENTION_STYLE = "bold underline $text-warning"
SUPPORT_STYLE = "on $accent 35%"
MATCH_STYLE = "reverse $text-success"
REF_STYLE = "dim"
HINT_STYLE = "bold reverse $text-accent"
HINT_KEYS = "123456789abcdeghijklmopqrstuvwxyz"
