"""The library: every brief in the store; type to filter, enter opens."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ..ingest.text import fold
from ..model import Brief
from ..store import Store
from ..widgets.keybar import KeyBar


def brief_line(store: Store, brief: Brief) -> Content:
    date = brief.dateline.date
    when = (date.resolved or date.text) if date else "—"
    outlet = store.name_of(brief.outlet) if brief.outlet else "—"
    return Content.assemble(
        (f"{when:<11}", "$text-muted"), " ", (brief.title, "bold"), "  ", (outlet, "$text-muted")
    )


class LibraryScreen(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "dismiss_library", "Close", id="close-library"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.briefs = store.briefs()

    def compose(self) -> ComposeResult:
        with Vertical(id="library-box"):
            yield Input(
                placeholder="Type to filter by title, place, outlet or tag", id="library-filter"
            )
            yield OptionList(id="library-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#library-box").border_title = Content(
            f"Library — {len(self.briefs)} brief(s)"
        )
        self.refilter("")
        self.query_one("#library-filter", Input).focus()

    def matching(self, text: str) -> list[Brief]:
        words = fold(text).split()
        result = []
        for brief in self.briefs:
            haystack = fold(
                " ".join(
                    [
                        brief.title,
                        brief.id,
                        brief.dateline.place or "",
                        self.store.name_of(brief.outlet) if brief.outlet else "",
                        " ".join(brief.tags),
                        brief.dateline.date.text if brief.dateline.date else "",
                    ]
                )
            )
            if all(word in haystack for word in words):
                result.append(brief)
        return result

    def refilter(self, text: str) -> None:
        listing = self.query_one("#library-list", OptionList)
        briefs = self.matching(text)
        listing.set_options([Option(brief_line(self.store, b), id=b.id) for b in briefs])
        if not briefs:
            listing.add_option(
                Option(Content.styled(f"No brief matches {text!r}.", "dim"), disabled=True)
            )
        else:
            listing.highlighted = 0

    @on(Input.Changed, "#library-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.refilter(event.value)

    @on(Input.Submitted, "#library-filter")
    def _submit(self) -> None:
        listing = self.query_one("#library-list", OptionList)
        option = listing.highlighted_option
        if option is not None and option.id:
            self.dismiss(option.id)

    @on(OptionList.OptionSelected, "#library-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        listing = self.query_one("#library-list", OptionList)
        listing.action_cursor_down() if step > 0 else listing.action_cursor_up()

    def action_dismiss_library(self) -> None:
        self.dismiss(None)
