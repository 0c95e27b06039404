"""The library: every brief in the store; type to search, enter opens exactly at the match.

An empty filter lists the briefs newest first; typing asks the search engine (tui.search) for
the best hit of each brief, shown with its matched words highlighted in context, and enter
opens the brief at that takeaway, paragraph, event or sentence. Rows are added a page at a time
as the cursor reaches the end, so a 10,000-brief library costs one page per key, not the lot.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ..model import Brief
from ..search import Hit, QueryError
from ..store import Store
from ..widgets.keybar import KeyBar

PAGE = 60  # rows added at a time
KIND_WORD = {
    "brief": "",
    "summary": "summary",
    "takeaway": "takeaway",
    "event": "history",
    "sentence": "article",
}


def brief_line(store: Store, brief: Brief) -> Content:
    date = brief.dateline.date
    when = (date.resolved or date.text) if date else "—"
    outlet = store.name_of(brief.outlet) if brief.outlet else "—"
    return Content.assemble(
        (f"{when:<11}", "$text-muted"), " ", (brief.title, "bold"), "  ", (outlet, "$text-muted")
    )


def marked(text: str, spans: tuple[tuple[int, int], ...], style: str = "bold underline") -> Content:
    """``text`` (never parsed as markup) with ``spans`` styled."""
    content = Content(text)
    for start, end in spans:
        content = content.stylize(style, start, end)
    return content


def hit_lines(store: Store, hit: Hit) -> Content:
    """Two lines: the brief's title (matches highlighted), then where it matched, in context."""
    brief = store.brief(hit.brief) if hit.brief else None
    title = brief.title if brief else hit.title
    title_spans = hit.title_highlights if hit.kind == "brief" else ()
    where = KIND_WORD.get(hit.kind, hit.kind)
    context = hit.snippet
    spans = hit.highlights
    if hit.kind == "event":  # the event's own title is the context
        context, spans = hit.title, hit.title_highlights
    return Content.assemble(
        marked(title, title_spans).stylize("bold"),
        "\n  ",
        (f"{where}: " if where else "", "$text-muted"),
        marked(context, spans, "bold underline $accent"),
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
        self.briefs = store.briefs()  # newest first
        self.count = len(self.briefs)
        self._rows: Iterator[Option] = iter(())
        self._targets: dict[str, tuple[str, str | None]] = {}  # option id → (brief, item)
        self._more = False
        self._text = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="library-box"):
            yield Input(
                placeholder="Type to filter by title, place, outlet or tag", id="library-filter"
            )
            yield OptionList(id="library-list")
        yield KeyBar()

    def on_mount(self) -> None:
        # Keys sent in a burst (L Escape …) can close the screen before it has mounted.
        if self._listing() is None:
            return
        self.query_one("#library-box").border_title = Content(f"Library — {self.count} brief(s)")
        self.refilter("")
        self.query_one("#library-filter", Input).focus()

    def _listing(self) -> OptionList | None:
        """The list, or None once the screen is going away (keys sent in a burst can arrive
        after Escape has dismissed it)."""
        if not self.is_attached:
            return None
        try:
            return self.query_one("#library-list", OptionList)
        except NoMatches:
            return None

    def _brief_rows(self) -> Iterator[Option]:
        for brief in self.briefs:
            self._targets[brief.id] = (brief.id, None)
            yield Option(brief_line(self.store, brief), id=brief.id)

    def _hit_rows(self, hits: list[Hit]) -> Iterator[Option]:
        for number, hit in enumerate(hits):
            if hit.brief is None:
                continue
            key = f"hit-{number}"
            self._targets[key] = (hit.brief, hit.item)
            yield Option(hit_lines(self.store, hit), id=key)

    def refilter(self, text: str) -> None:
        listing = self._listing()
        if listing is None:
            return
        self._text = text
        self._targets = {}
        message: str | None = None
        if not text.strip():
            self._rows = self._brief_rows()
        else:
            try:
                result = self.store.search_index.search(text, 120, per_brief=True)
            except QueryError as error:
                result = None
                message = str(error)
            if result is not None:
                self._rows = self._hit_rows(result.hits)
                if not result.hits:
                    message = f"No brief matches {text!r}."
                    if result.suggestion:
                        message += f" Did you mean: {result.suggestion}"
            else:
                self._rows = iter(())
        first = list(islice(self._rows, PAGE))
        self._more = len(first) == PAGE
        listing.set_options(first)
        if message is not None:
            listing.add_option(Option(Content.styled(message, "dim"), disabled=True))
        elif first:
            listing.highlighted = 0

    def _load_more(self, listing: OptionList) -> None:
        if self._more:
            page = list(islice(self._rows, PAGE))
            self._more = len(page) == PAGE
            listing.add_options(page)

    @on(Input.Changed, "#library-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.refilter(event.value)

    @on(Input.Submitted, "#library-filter")
    def _submit(self) -> None:
        listing = self._listing()
        option = listing.highlighted_option if listing is not None else None
        if option is not None and option.id:
            self._open(option.id)

    @on(OptionList.OptionSelected, "#library-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._open(event.option.id)

    @on(OptionList.OptionHighlighted, "#library-list")
    def _near_end(self, event: OptionList.OptionHighlighted) -> None:
        listing = event.option_list
        if event.option_index >= listing.option_count - 5:
            self._load_more(listing)

    def _open(self, option_id: str) -> None:
        brief_id, item = self._targets.get(option_id, (option_id, None))
        if item is None:
            self.dismiss(brief_id)
            return
        open_brief = getattr(self.app, "open_brief", None)
        if open_brief is None:
            self.dismiss(brief_id)
            return
        open_brief(brief_id, item)  # closes the library on its way to the brief

    def action_move(self, step: int) -> None:
        listing = self._listing()
        if listing is None:
            return
        if step > 0:
            if listing.highlighted is not None and listing.highlighted >= listing.option_count - 2:
                self._load_more(listing)
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_dismiss_library(self) -> None:
        if self.is_attached and self.app.screen is self:
            self.dismiss(None)
