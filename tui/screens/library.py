"""The library: every brief in the store; type to search, enter opens exactly at the match.

An empty filter lists the briefs newest first; typing asks the search engine (tui.search) for
the best hit of each brief, shown with its matched words highlighted in context, and enter
opens the brief at that takeaway, paragraph, event or sentence. Rows are added a page at a time
as the cursor reaches the end, so a 10,000-brief library costs one page per key, not the lot.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any

from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.css.query import NoMatches
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from ..ingest.text import counted
from ..model import Brief
from ..readstate import brief_hash, search_predicates
from ..store import Store
from ..widgets.keybar import KeyBar
from ..widgets.lists import LazyOption, ResultList, Row, Run, marked_runs

if TYPE_CHECKING:
    # The search engine (and numpy under it, ~0.1 s) is imported just after the Library's first
    # paint (see on_mount), not before it: the Library opens on its newest briefs, no search.
    from ..search import Hit

PAGE = 16  # rows added at a time (a screenful of two-line rows, and more)
# A filter lists at most the BEST briefs it matches, by rank. The engine makes every hit it
# returns (a record read, the matched words found, a snippet cut): End on "a" at 10,000 briefs
# asked for 9,346 of them (0.64 s CPU); for 300, End costs 25–32 ms. Past the best few hundred
# a ranked list is noise: a last line says so, and more words narrow it.
BEST = 300
KIND_WORD = {
    "brief": "",
    "summary": "summary",
    "takeaway": "takeaway",
    "event": "history",
    "sentence": "article",
}


def brief_runs(store: Store, brief: Brief) -> list[Run]:
    date = brief.dateline.date
    when = (date.resolved or date.text) if date else "—"
    outlet = store.name_of(brief.outlet) if brief.outlet else "—"
    return [(f"{when:<11}", "$text-muted"), (" ", ""), (brief.title, "bold"), ("  ", ""),
            (outlet, "$text-muted")]  # fmt: skip


def hit_runs(store: Store, hit: Hit, width: int = 100) -> list[list[Run]]:
    """Two lines: the brief's title (matches highlighted), then where it matched, in context,
    cut to ``width`` around the first match."""
    from ..search import crop

    title = hit.title  # a takeaway's, paragraph's or sentence's title is its brief's
    if hit.kind == "event" and hit.brief:
        title = store.title_of(hit.brief)  # from the catalog: no brief file read
    title_spans = hit.title_highlights if hit.kind == "brief" else ()
    where = KIND_WORD.get(hit.kind, hit.kind)
    context = hit.snippet
    spans = hit.highlights
    if hit.kind == "event":  # the event's own title is the context
        context, spans = hit.title, hit.title_highlights
    context, spans = crop(" ".join(context.split()), spans, max(20, width - len(where) - 4))
    return [
        marked_runs(title, title_spans, "bold", "underline"),
        [("  ", ""), (f"{where}: " if where else "", "$text-muted"),
         *marked_runs(context, spans, "", "bold underline $accent")],
    ]  # fmt: skip


def mark_runs(userdata: Any, store: Store, brief_id: str) -> list[Run]:
    """The row's reading-state column: ● unread, ↻ read but changed since, ★ bookmarked,
    ✎ has notes (three cells, so titles line up)."""
    if userdata is None:
        return []
    if userdata.is_unread(brief_id):
        state = "●"
    elif userdata.is_updated(brief_id, brief_hash(store, brief_id)):
        state = "↻"
    else:
        state = " "
    starred = "★" if userdata.bookmarks(brief=brief_id) else " "
    noted = "✎" if userdata.notes(brief=brief_id) else " "
    return [(f"{state}{starred}{noted} ", "bold $brief-link")]


def _import_search() -> None:
    """Import the search engine now, while the reader looks at the list (not at the first key)."""
    from .. import search  # noqa: F401


def _open_index(store: Any) -> None:
    """Open the store's search index and read its segments' counts now (≈ 20 ms at 10,000
    briefs), not at the first letter typed."""
    index = store.search_index
    getattr(index, "size", None)


ROW_LETTERS = ("u", "b")  # the Library's keys for the highlighted row (see LibraryScreen._typing)


class FilterInput(Input):
    """The filter box. Input gives itself the typed text's width at each key, as a layout change:
    the whole screen was laid out again per key, though the box is as wide as the screen. Here
    the width is set without that (the box still scrolls a text longer than itself)."""

    def _watch_value(self, value: str) -> None:
        self.set_reactive(Widget.virtual_size, Size(self.content_width, 1))
        super()._watch_value(value)

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # Textual drops the bindings of the keys a focused Input takes, priority ones too: u and
        # b are the Library's while the cursor is being moved in the list from here
        if character in ROW_LETTERS:
            screen = next((n for n in self.ancestors if isinstance(n, LibraryScreen)), None)
            if screen is not None and not screen._typing:
                return False
        return super().check_consume_key(key, character)


class LibraryScreen(ModalScreen[str | None]):
    DEFAULT_CSS = """
    LibraryScreen #library-box { border-subtitle-color: $brief-muted; }
    """
    SETTLES_KEYS = True  # a key's messages land before its frame and next key (textual_fixes)
    BINDINGS = [
        Binding("escape", "dismiss_library", "Close", id="close-library"),
        Binding("down", "move(1)", "Down", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("ctrl+r", "unread_only", "Unread only", id="unread-only", priority=True),
        Binding("ctrl+b", "app.bookmarks", "Bookmarks", id="library-bookmarks", priority=True),
        Binding("ctrl+n", "app.notes", "Notes", id="library-notes", priority=True),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        # u and b act on the highlighted row wherever the focus is, but for a letter typed in
        # the filter (see _typing): they come before the filter box sees the key
        Binding(
            "u",
            "next_unread",
            "Next unread (list)",
            show=False,
            id="library-next-unread",
            priority=True,
        ),
        Binding(
            "b",
            "bookmark",
            "Bookmark brief (list)",
            show=False,
            id="library-bookmark",
            priority=True,
        ),
        Binding("slash", "focus_filter", "Filter (list)", show=False, id="library-filter"),
    ]

    def __init__(self, store: Store, userdata: Any = None) -> None:
        super().__init__()
        self.store = store
        self.userdata = userdata
        self.briefs = store.briefs()  # newest first
        self.count = len(self.briefs)
        self._ids: list[str] | None = None
        self.unread_only = False
        self._rows: Iterator[Option] = iter(())
        self._targets: dict[str, tuple[str, str | None]] = {}  # option id → (brief, item)
        self._more = False
        self._text = ""
        self._limit = PAGE * 2  # hits asked of the engine; doubled as the list is scrolled
        self._pending: str | None = None  # filter text typed, not yet searched (see _filter)
        # (query, limit) → result: a backspace shows what was found a key ago without a search
        # (emptied when the reading state changes: is:/has: filters depend on it)
        self._found: dict[tuple[str, int], Any] = {}
        self._query = ""  # what was asked of the engine for the filter's text
        self._requery = False  # the engine may have more than it was asked for
        self._capped = False  # it has more than the BEST briefs listed
        self._predicates: Any = None
        # Letters typed with the filter focused go to the filter — u and b too — until the
        # cursor is moved in the list from there (↓ ↑ page down/up): then u and b act on the
        # highlighted row; a letter typed (or the filter focused again) types again.
        self._typing = True

    def compose(self) -> ComposeResult:
        with Vertical(id="library-box"):
            yield FilterInput(
                placeholder="Type to filter by title, place, outlet or tag", id="library-filter"
            )
            yield ResultList(id="library-list")
        yield KeyBar()

    def on_mount(self) -> None:
        # Keys sent in a burst (L Escape …) can close the screen before it has mounted.
        if self._listing() is None:
            return
        if self.userdata is not None:
            self.userdata.refresh()
        self.set_title()
        self._listing().before_last = self._load_all  # type: ignore[union-attr]
        self.refilter("")
        self.query_one("#library-filter", Input).focus()
        self.call_after_refresh(self._ready_search)

    def _ready_search(self) -> None:
        _import_search()
        if self.is_attached and not self._text:  # (a key typed first has opened it)
            # a damaged index: the first search says what is wrong, in the list
            with contextlib.suppress(Exception):
                _open_index(self.store)

    def set_title(self) -> None:
        title = f"Library — {counted(self.count, 'brief')}"
        if self.userdata is not None:
            ids = getattr(self.store, "brief_ids", None)
            unread = self.userdata.unread_count(ids() if ids else (b.id for b in self.briefs))
            title += f" · {unread:,} unread"
            if self.unread_only:
                title += " · showing unread only (ctrl+r: all)"
        self.query_one("#library-box").border_title = Content(title)
        self.query_one("#library-box").border_subtitle = Content(
            "● unread  ↻ changed  ★ bookmark  ✎ note · ↓ then u next unread, b bookmark"
        )

    def _listing(self) -> OptionList | None:
        """The list, or None once the screen is going away (keys sent in a burst can arrive
        after Escape has dismissed it)."""
        try:
            return self.query_one("#library-list", OptionList)
        except NoMatches:
            return None

    def _brief_rows(self) -> Iterator[Option]:
        userdata = self.userdata
        store = self.store
        briefs = self.briefs
        if self._ids is None:
            self._ids = store.brief_ids()  # newest first, as briefs: no header made for them

        def row(index: int, brief_id: str) -> Row:  # made when drawn
            marks = mark_runs(userdata, store, brief_id)
            runs = marks + brief_runs(store, briefs[index])
            return Row([runs], wrap=False, elastic=len(marks) + 2)  # the title gives way

        # (a brief's row opens the brief: no entry in _targets, whose default that is; End
        # makes all 10,000 of them at once)
        unread = userdata.is_unread if self.unread_only and userdata is not None else None
        for index, brief_id in enumerate(self._ids):
            if unread is not None and not unread(brief_id):
                continue
            yield LazyOption(partial(row, index, brief_id), 1, id=brief_id)

    def _hit_rows(self, hits: list[Hit]) -> Iterator[Option]:
        listing = self._listing()
        width = listing.size.width - 4 if listing is not None and listing.size.width else 100
        for number, hit in enumerate(hits):
            if hit.brief is None:
                continue
            key = f"hit-{number}"
            self._targets[key] = (hit.brief, hit.item)

            def row(hit: Hit = hit) -> Row:  # made when drawn (or read)
                lines = hit_runs(self.store, hit, width - 4 if self.userdata is not None else width)
                lines[0] = mark_runs(self.userdata, self.store, hit.brief or "") + lines[0]
                return Row(lines, wrap=False)

            yield LazyOption(row, 2, id=key)

    def refilter(self, text: str) -> None:
        listing = self._listing()
        if listing is None:
            return
        if text != self._text:
            self._limit = PAGE * 2
        self._text = text
        self._targets = {}
        message: str | None = None
        self._requery = False
        self._capped = False
        if not text.strip():
            self._rows = self._brief_rows()
        else:
            from ..search import QueryError

            query = f"{text} is:unread" if self.unread_only else text
            predicates = search_predicates(self.userdata) if self.userdata is not None else None
            self._query, self._predicates = query, predicates  # asked again as the list grows
            try:
                result = self._found.get((query, self._limit))
                if result is None:
                    result = self.store.search_index.search(
                        query, self._limit, per_brief=True, predicates=predicates
                    )
                    if len(self._found) >= 64:
                        self._found.clear()
                    self._found[query, self._limit] = result
            except QueryError as error:
                result = None
                message = str(error)
            if result is not None:
                self._rows = self._hit_rows(result.hits)
                self._requery = len(result.hits) >= self._limit
                if not result.hits:
                    message = f"No brief matches {text!r}."
                    if result.suggestion:
                        message += f" Did you mean: {result.suggestion}"
            else:
                self._rows = iter(())
        page = self._first_page(listing, 1 if not text.strip() else 2)
        first = list(islice(self._rows, page))
        self._more = len(first) == page
        listing.set_options(first)
        if message is not None:
            listing.add_option(Option(Content.styled(message, "dim"), disabled=True))
        elif first:
            listing.highlighted = 0

    def _first_page(self, listing: OptionList, lines: int) -> int:
        """Rows enough to fill the list (and more): a list shorter than its box loses its
        scrollbar, and the scrollbar coming back at the next key is a layout of the screen.
        (Before the list's first layout, the screen's height stands for its own.)"""
        height = listing.size.height or self.app.size.height
        return max(PAGE, height // lines + 4)

    def _load_more(self, listing: OptionList) -> None:
        if not self._more and self._requery and self._text.strip():
            self._ask_again(listing, self._limit * 2)  # the engine has more: twice as many
        if self._more:
            page = list(islice(self._rows, PAGE))
            self._more = len(page) == PAGE
            listing.add_options(page)
            self._note_best(listing)

    def _note_best(self, listing: OptionList) -> None:
        """Below the last row of a list cut at the BEST matches, a line that says so."""
        if not self._more and self._capped and not self._requery:
            self._capped = False  # once
            listing.add_option(
                Option(
                    Content.styled(
                        f"Only the {BEST:,} best matches are listed — add words to narrow the "
                        "filter.",
                        "dim",
                    ),
                    disabled=True,
                )
            )

    def _ask_again(self, listing: OptionList, limit: int) -> None:
        """Search again for ``limit`` hits; the rows not shown yet come next."""
        from ..search import QueryError

        shown = listing.option_count
        limit = min(limit, BEST)
        self._limit = limit
        try:
            # one more than the best: whether there are more than those
            hits = self.store.search_index.search(
                self._query, limit + (limit == BEST), per_brief=True, predicates=self._predicates
            ).hits
        except QueryError:
            return
        self._requery = len(hits) >= limit and limit < BEST
        self._capped = len(hits) > BEST
        self._rows = islice(self._hit_rows(hits[:limit]), shown, None)
        self._more = True

    def _load_all(self) -> None:
        """Every row not added yet (End in the list: the last row of the whole result)."""
        listing = self._listing()
        if listing is None:
            return
        if self._requery and self._text.strip():
            self._ask_again(listing, BEST)  # the best there are (one hit a brief)
        if self._more:
            listing.add_options(list(self._rows))
            self._more = False
            self._note_best(listing)

    @on(Input.Changed, "#library-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._typing = True
        # The typed text shows at once; the search waits for the next screen refresh, so keys
        # typed (or pasted) faster than a frame make one search, not one each.
        if self._pending is None:
            self.call_after_refresh(self._flush)
        self._pending = event.value

    def _flush(self) -> None:
        """Run the search the filter's last change asked for, if it has not run yet."""
        if self._pending is not None:
            text, self._pending = self._pending, None
            self.refilter(text)

    @on(Input.Submitted, "#library-filter")
    def _submit(self) -> None:
        self._flush()  # enter typed in the same burst opens what the whole text finds
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

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, Input):
            self._typing = True

    def _letter_for_filter(self) -> None:
        """Let a letter bound here go to the filter box if it is being typed in."""
        if isinstance(self.focused, Input) and self._typing:
            raise SkipAction()

    def action_page(self, step: int) -> None:
        """Page down / up in the list while the filter has the focus (the list pages itself)."""
        self._flush()
        listing = self._listing()
        if listing is None:
            return
        self._typing = False
        listing.action_page_down() if step > 0 else listing.action_page_up()

    def action_move(self, step: int) -> None:
        self._flush()
        listing = self._listing()
        if listing is None:
            return
        self._typing = False
        if step > 0:
            if listing.highlighted is not None and listing.highlighted >= listing.option_count - 2:
                self._load_more(listing)
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    # -- reading state ------------------------------------------------------------------------
    def action_unread_only(self) -> None:
        if self.userdata is None:
            return
        self._flush()
        self.unread_only = not self.unread_only
        self.set_title()
        self.refilter(self._text)

    def highlighted_brief(self) -> str | None:
        self._flush()
        listing = self._listing()
        option = listing.highlighted_option if listing is not None else None
        if option is None or not option.id:
            return None
        return self._targets.get(option.id, (option.id, None))[0]

    def action_next_unread(self) -> None:
        self._letter_for_filter()
        self.next_unread()

    def next_unread(self) -> None:
        """``u`` in the list: move to the next unread brief (wrapping); enter opens it."""
        self._flush()
        listing = self._listing()
        if listing is None or self.userdata is None:
            return
        order: list[str] = []
        while True:  # rows come a page at a time: an unread brief may be further down
            order = [self._targets.get(o.id or "", (o.id, None))[0] for o in listing.options]
            current = self.highlighted_brief()
            start = listing.highlighted + 1 if listing.highlighted is not None else 0
            if any(b and self.userdata.is_unread(b) for b in order[start:]) or not self._more:
                break
            self._load_more(listing)
        for index in list(range(start, len(order))) + list(range(0, start)):
            brief_id = order[index]
            if brief_id and self.userdata.is_unread(brief_id) and brief_id != current:
                listing.highlighted = index
                return
        self.notify("No other unread brief here.", timeout=3)

    def action_bookmark(self) -> None:
        self._letter_for_filter()
        brief_id = self.highlighted_brief()
        run = getattr(self.app, "run_userdata", None)
        if brief_id is None or self.userdata is None or run is None:
            return
        from ..userdata import Anchor

        def done(now: bool) -> None:
            saved = "" if self.userdata.writable else " (not saved)"
            self.notify(("Bookmarked." if now else "Bookmark removed.") + saved, timeout=3)
            self.refresh_marks()

        run(self.userdata.toggle_bookmark, Anchor.of_brief(brief_id), then=done)

    def action_focus_filter(self) -> None:
        self.query_one("#library-filter", Input).focus()

    def refresh_marks(self) -> None:
        """Redraw the rows' marks (after a bookmark or note changed elsewhere)."""
        self._flush()
        listing = self._listing()
        if listing is None:
            return
        highlighted = listing.highlighted
        self._found.clear()
        self.set_title()
        self.refilter(self._text)
        if highlighted is not None and highlighted < listing.option_count:
            listing.highlighted = highlighted

    def action_dismiss_library(self) -> None:
        if self.is_active:  # not twice when Escape repeats faster than the screen closes
            self.dismiss(None)
