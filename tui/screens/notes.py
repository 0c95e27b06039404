"""The Notes and Bookmarks lists: every note or bookmark, newest first; enter opens exactly there.

A note whose anchor is gone after a rebuild is listed as orphaned with the text it was attached to
(its quote) — never dropped. Note text and quotes are the user's (or, for quotes, the article's):
shown as plain text, never markup.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..readstate import anchor_label
from ..userdata import Anchor, Bookmark, Note, clean
from ..widgets.keybar import KeyBar

SNIPPET = 160


def _short(text: str, limit: int = SNIPPET) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def note_lines(store: Any, note: Note) -> Content:
    """Where the note is, the text it annotates, then the note itself (first lines)."""
    head: list[Any] = [("✎ ", "bold $text-accent"), (anchor_label(store, note.anchor), "bold")]
    if note.orphaned:
        head.append(("  orphaned — its text is no longer in the store", "bold $text-warning"))
    if not note.saved:
        head.append(("  not saved", "bold $text-error"))
    parts: list[Any] = [Content.assemble(*head)]
    if note.quote:
        parts.append(Content.styled(f"  “{_short(note.quote)}”", "italic $text-muted"))
    body = [line for line in clean(note.text).splitlines() if line.strip()][:3]
    parts += [Content(f"  {_short(line, 200)}") for line in body] or [
        Content.styled("  (empty note)", "$text-muted")
    ]
    parts.append(Content.styled(f"  {note.updated[:16].replace('T', ' ')} UTC", "$text-muted"))
    return Content("\n").join(parts)


def bookmark_lines(store: Any, bookmark: Bookmark) -> Content:
    head: list[Any] = [("★ ", "bold $text-accent"), (anchor_label(store, bookmark.anchor), "bold")]
    if bookmark.orphaned:
        head.append(("  orphaned — no longer in the store", "bold $text-warning"))
    if not bookmark.saved:
        head.append(("  not saved", "bold $text-error"))
    parts: list[Any] = [Content.assemble(*head)]
    if bookmark.quote:
        parts.append(Content.styled(f"  “{_short(bookmark.quote)}”", "italic $text-muted"))
    return Content("\n").join(parts)


class UserListScreen(ModalScreen[None]):
    """A list of the user's records; subclasses say which and how each is drawn."""

    SETTLES_KEYS = True  # a key's messages land before its frame and next key (textual_fixes)

    TITLE_TEXT = ""
    EMPTY_TEXT = ""
    DEFAULT_CSS = """
    UserListScreen { align: center middle; background: $brief-background; }
    UserListScreen .userlist-box {
        width: 90%; max-width: 120; height: 80%;
        border: round $accent; border-title-color: $brief-text;
        background: $brief-surface; color: $brief-text;
    }
    UserListScreen OptionList { height: 1fr; border: none; background: $brief-surface; }
    UserListScreen OptionList > .option-list--option-highlighted {
        background: $brief-cursor; color: $brief-text; text-style: none;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.records: dict[str, Any] = {}
        self.armed: str | None = None  # a delete waiting for its confirming second press

    def compose(self) -> ComposeResult:
        with Vertical(id="userlist-box", classes="userlist-box"):
            yield OptionList(id="userlist")
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#userlist", OptionList).focus()

    @property
    def userdata(self) -> Any:
        return self.app.userdata  # type: ignore[attr-defined]

    @property
    def store(self) -> Any:
        return self.app.store  # type: ignore[attr-defined]

    def load(self) -> list[Any]:
        raise NotImplementedError

    def lines(self, record: Any) -> Content:
        raise NotImplementedError

    def reload(self, keep: str | None = None) -> None:
        if not self.is_attached:
            return
        self.userdata.refresh()
        found = self.load()
        self.records = {r.id: r for r in found}
        listing = self.query_one("#userlist", OptionList)
        options = [Option(self.lines(r), id=r.id) for r in found]
        listing.set_options(options)
        if not options:
            listing.add_option(
                Option(Content.styled(self.EMPTY_TEXT, "$text-muted"), disabled=True)
            )
        else:
            ids = [r.id for r in found]
            listing.highlighted = ids.index(keep) if keep in ids else 0
        self.query_one("#userlist-box").border_title = Content(f"{self.TITLE_TEXT} — {len(found)}")

    def current(self) -> Any | None:
        option = self.query_one("#userlist", OptionList).highlighted_option
        return self.records.get(option.id) if option is not None and option.id else None

    @on(OptionList.OptionSelected, "#userlist")
    def _open(self, event: OptionList.OptionSelected) -> None:
        record = self.records.get(event.option.id or "")
        if record is not None:
            self.dismiss(None)
            self.app.open_anchor(record.anchor, orphaned=record.orphaned)  # type: ignore[attr-defined]

    @on(OptionList.OptionHighlighted, "#userlist")
    def _moved(self) -> None:
        self.armed = None

    def action_close(self) -> None:
        if self.is_attached and self.app.screen is self:
            self.dismiss(None)


class NotesScreen(UserListScreen):
    """Every note; ``e`` edits, ``d`` twice deletes."""

    TITLE_TEXT = "Notes"
    EMPTY_TEXT = "No notes yet — in a brief, a adds one to the selected item."
    BINDINGS = [
        Binding("escape", "close", "Close", id="close-notes"),
        Binding("e", "edit", "Edit note", id="edit-note"),
        Binding("d", "delete", "Delete note", id="delete-note"),
    ]

    def __init__(self, brief: str | None = None) -> None:
        super().__init__()
        self.brief = brief

    def load(self) -> list[Note]:
        return list(reversed(self.userdata.notes(brief=self.brief)))  # newest first

    def lines(self, record: Note) -> Content:
        return note_lines(self.store, record)

    def action_edit(self) -> None:
        note = self.current()
        if note is None:
            return
        self.app.edit_note(  # type: ignore[attr-defined]
            note.anchor, note.quote, note=note, then=lambda _ok: self.reload(keep=note.id)
        )

    def action_delete(self) -> None:
        note = self.current()
        if note is None:
            return
        if self.armed != note.id:
            self.armed = note.id
            self.notify("Press d again to delete this note.", timeout=3)
            return
        self.armed = None

        def done(ok: bool) -> None:
            self.notify("Note deleted." if ok else "The note could not be deleted.", timeout=3)
            self.reload()

        self.app.run_userdata(self.userdata.delete_note, note.id, then=done)  # type: ignore[attr-defined]


class BookmarksScreen(UserListScreen):
    """Every bookmark; ``d`` removes one."""

    TITLE_TEXT = "Bookmarks"
    EMPTY_TEXT = "No bookmarks yet — in a brief, b bookmarks the selected item, B the brief."
    BINDINGS = [
        Binding("escape", "close", "Close", id="close-bookmarks"),
        Binding("d", "remove", "Remove bookmark", id="remove-bookmark"),
    ]

    def load(self) -> list[Bookmark]:
        return self.userdata.bookmarks()

    def lines(self, record: Bookmark) -> Content:
        return bookmark_lines(self.store, record)

    def action_remove(self) -> None:
        bookmark = self.current()
        if bookmark is None:
            return
        anchor: Anchor = bookmark.anchor

        def done(now: bool) -> None:
            self.notify("Bookmark removed." if not now else "Bookmark kept.", timeout=3)
            self.reload()

        self.app.run_userdata(self.userdata.toggle_bookmark, anchor, then=done)  # type: ignore[attr-defined]
