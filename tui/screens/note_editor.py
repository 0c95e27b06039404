"""The note editor: a modal multi-line editor (Textual's TextArea) for one note.

``ctrl+s`` saves: the screen asks its ``save`` callback to write the text, says "Saving…", and
closes only when the callback reports the note is on disk (see :meth:`NoteEditor.saved`); a note
that could not be written keeps the editor open with the reason. ``escape`` cancels, asking first
if the text was changed. Everything shown — the anchor's label, the quoted text, the note — is
plain text, never markup.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static, TextArea

from ..userdata import clean
from ..widgets.keybar import KeyBar

QUOTE_LIMIT = 400


class NoteEditor(ModalScreen[str | None]):
    """Edit a note's text. Dismisses with the saved text, or None when cancelled."""

    SETTLES_KEYS = True  # a key's messages land before its frame and next key (textual_fixes)

    DEFAULT_CSS = """
    NoteEditor { align: center middle; background: $brief-background 60%; }
    NoteEditor #note-box {
        width: 90%; max-width: 100; height: 80%; max-height: 30;
        border: round $accent; border-title-color: $brief-text;
        background: $brief-surface; color: $brief-text; padding: 0 1;
    }
    NoteEditor #note-anchor { text-style: bold; }
    NoteEditor #note-quote { max-height: 4; margin-bottom: 1; }
    NoteEditor #note-text { height: 1fr; }
    NoteEditor #note-status { height: 1; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Save note", id="save-note", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel-note", priority=True),
    ]

    def __init__(
        self,
        label: str,
        quote: str | None,
        text: str = "",
        save: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.label = clean(label)
        self.quote = clean(quote) if quote else quote
        self.initial = clean(text)  # the file can be tampered with: no control characters
        self.save = save
        self.saving = False
        self.confirming = False

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box"):
            yield Static(Content(self.label), id="note-anchor")
            if self.quote:
                quote = self.quote if len(self.quote) <= QUOTE_LIMIT else self.quote[:QUOTE_LIMIT]
                yield Static(Content.styled(f"“{quote}”", "italic $text-muted"), id="note-quote")
            yield TextArea(self.initial, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(id="note-status")
        yield KeyBar()

    def on_mount(self) -> None:
        box = self.query_one("#note-box")
        box.border_title = Content("Note — ctrl+s save · escape cancel")
        area = self.query_one(TextArea)
        area.cursor_blink = False
        area.move_cursor(area.document.end)
        area.focus()

    @property
    def text(self) -> str:
        return self.query_one("#note-text", TextArea).text

    def set_status(self, text: str, style: str = "$text-muted") -> None:
        self.query_one("#note-status", Static).update(Content.styled(text, style))

    def action_save(self) -> None:
        if self.saving:
            return
        text = self.text
        if text == self.initial or (not self.initial and not text.strip()):
            self.dismiss(None)
            return
        if self.save is None:
            self.dismiss(text)
            return
        self.saving = True
        self.query_one(TextArea).read_only = True
        self.set_status("Saving…")
        self.save(text)

    def saved(self, ok: bool, reason: str = "") -> None:
        """The save callback's answer: close on success, else say why and keep the text."""
        if not self.is_attached:
            return
        self.saving = False
        if ok:
            self.dismiss(self.text)
            return
        self.query_one(TextArea).read_only = False
        self.set_status(f"Not saved: {reason}" if reason else "Not saved.", "bold $text-error")

    def action_cancel(self) -> None:
        if self.saving:
            return
        if self.text == self.initial or self.confirming:
            self.dismiss(None)
            return
        self.confirming = True
        self.set_status(
            "The note has changed — escape again to discard it, ctrl+s to save.",
            "bold $text-warning",
        )

    def on_text_area_changed(self) -> None:
        if self.confirming:
            self.confirming = False
            self.set_status("")
