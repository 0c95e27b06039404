"""The reader screen: one brief in five linked panes.

The screen owns the state — ``selection`` (the actor followed and the item whose source is shown),
``query`` (search within the brief) and ``hints`` (link hint mode) — and binds it into every pane.
Panes report what the user moved to with messages; the screen turns those into a new selection.
"""

from __future__ import annotations

import contextlib

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.reactive import reactive
from textual.widget import Widget
from textual.widgets import Static

from ..linking import BriefView, CardLink, Location, Selection, dateline_text
from ..readstate import anchor_label
from ..userdata import Anchor
from ..widgets.actors import ActorsPane, ActorTree, card_hints
from ..widgets.keybar import KeyBar
from ..widgets.panes import HistoryPane, SourcePane, SummaryPane, TakeawaysPane, TextPane
from .base import BriefScreen

PANES = ("summary", "takeaways", "actors", "history", "source")
PANE_TITLES = ("Summary", "Key takeaways", "Actors", "History", "Source")


def plural(count: int, noun: str) -> str:
    """``1 item``, ``2 items``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


READ_STATES = {
    "unread": "",  # the Library shows it; the header stays as it was drawn
    "updated": "● changed since you last read it — ● marks what is new or changed",
    "read": "",
}
NOTE_MARK, BOOKMARK_MARK, CHANGED_MARK = "✎", "★", "●"


def brief_header(view: BriefView, state: str = "") -> Content:
    brief = view.brief
    meta = [dateline_text(brief)]
    if brief.reporting_chain:
        meta.append(brief.chain_display())
    parts: list = [(brief.title, "bold"), "\n", (" · ".join(m for m in meta if m), "$text-muted")]
    if state:
        parts += ["  ", (state, "bold $brief-link")]
    return Content.assemble(*parts)


TAB_TITLES = ("Summary", "Takeaways", "Actors", "History", "Source")  # one line at 60 columns


def tab_strip(active: str) -> Content:
    """`` 1 Summary  2 Takeaways …`` with the active pane's tab reversed (55 cells: one line in
    the narrowest layout)."""
    tabs = []
    for number, (pane, title) in enumerate(zip(PANES, TAB_TITLES, strict=True), 1):
        style = "reverse bold" if pane == active else "$text-muted"
        tabs.append(Content.styled(f" {number} {title} ", style))
    return Content("").join(tabs)


class ReaderScreen(BriefScreen):
    CSS_CLASSES = (
        Static,
        Container,
        KeyBar,
        SummaryPane,
        ActorsPane,
        SourcePane,
        TakeawaysPane,
        HistoryPane,
        ActorTree,
        VerticalScroll,
    )
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    AUTO_FOCUS = ""  # on_mount focuses the saved pane itself (None would mean the app's: "*")

    # Pane switching is a priority binding: it runs as the key arrives, so the next key of a
    # burst ("3 j" typed in one go) already goes to the new pane. Hint keys are taken in on_key.
    BINDINGS = [
        *(
            Binding(
                str(n),
                f"digit({n})",
                f"Go to {PANE_TITLES[n - 1]}",
                show=False,
                id=f"pane-{n}",
                priority=True,
            )
            for n in range(1, 6)
        ),
        Binding("tab", "cycle(1)", "Next pane", show=False, id="next-pane", priority=True),
        Binding(
            "shift+tab", "cycle(-1)", "Previous pane", show=False, id="previous-pane", priority=True
        ),
        Binding("escape", "clear", "Clear", id="clear"),
        Binding("slash", "find", "Search", id="search"),
        Binding("n", "match(1)", "Next match", show=False, id="next-match"),
        Binding("N", "match(-1)", "Previous match", show=False, id="previous-match"),
        Binding("f", "hints", "Links", id="hints"),
        Binding("a", "annotate", "Note", show=False, id="note"),
        Binding("A", "annotate(True)", "Note on the brief", show=False, id="note-brief"),
        Binding("b", "bookmark", "Bookmark", show=False, id="bookmark"),
        Binding("B", "bookmark(True)", "Bookmark the brief", show=False, id="bookmark-brief"),
        Binding("right_square_bracket", "sentence(1)", "Next sentence", show=False,
                id="next-sentence"),
        Binding("left_square_bracket", "sentence(-1)", "Previous sentence", show=False,
                id="previous-sentence"),
    ]  # fmt: skip

    selection: reactive[Selection] = reactive(Selection, init=False, repaint=False)
    search_text: reactive[str] = reactive("", init=False, repaint=False)
    typed_query = ""  # what the user typed when search_text is its spelling correction
    hints: reactive[bool] = reactive(False, init=False, repaint=False)
    active: reactive[str] = reactive("summary", init=False, repaint=False)

    def __init__(self, view: BriefView, location: Location | None = None) -> None:
        super().__init__()
        self.view = view
        self.location = location or Location("brief", view.brief.id)
        self.match_index = -1
        self.read_state = "read"  # "unread" | "updated" | "read": set by the app before mounting
        self.changed: frozenset[str] = frozenset()  # items new or changed since the last read
        self.saved_read = False
        self.card_hints: dict[str, CardLink] = {}  # hint mode on the Actors detail card

    @property
    def brief_id(self) -> str:
        return self.view.brief.id

    def compose(self) -> ComposeResult:
        # Take the breakpoint class now rather than on the first resize, which would restyle
        # every widget once more before the first paint.
        width = self.app.size.width
        self.add_class(
            next(name for edge, name in reversed(self.HORIZONTAL_BREAKPOINTS) if width >= edge)
        )
        # The focused pane's class and the tab strip are drawn here, not on mount: a class set
        # after mounting restyles the pane and everything in it once more before the first paint.
        active = self.first_pane()
        self.set_reactive(ReaderScreen.active, active)

        def pane(cls: type[Widget], name: str, *bound) -> Widget:
            widget = cls(self.view, id=name)  # type: ignore[call-arg]
            widget.set_class(name == active, "-active", update=False)
            return widget.data_bind(*bound)

        yield from self.compose_too_small()
        yield Static(brief_header(self.view, self.header_state()), id="brief-header")
        yield Static(tab_strip(active), id="pane-tabs")
        selection, search, hints = (
            ReaderScreen.selection,
            ReaderScreen.search_text,
            ReaderScreen.hints,
        )
        with Container(id="panes"):
            yield pane(SummaryPane, "summary", selection, search, hints)
            yield pane(ActorsPane, "actors", selection, hints)
            yield pane(SourcePane, "source", selection, search, hints)
            yield pane(TakeawaysPane, "takeaways", selection, search, hints)
            yield pane(HistoryPane, "history", selection, search, hints)
        yield Static(id="status")
        yield KeyBar()

    def first_pane(self) -> str:
        focus = self.location.focus
        return focus if focus in PANES else "summary"

    def on_mount(self) -> None:
        self.title = self.view.brief.title
        name = self.active
        selection = self.location.selection
        pane = self.text_pane(name)
        # Source shows the support of the item under the cursor from the first paint
        if pane is not None and name != "source" and not selection.item and pane.current_key():
            selection = Selection(selection.actor, pane.current_key())
        self.selection = selection
        # a move in a pane selects its item (in the tree, its actor) at once: see TextPane.picked
        for pane in self.query(TextPane):
            if not isinstance(pane, SourcePane):  # (Source's cursor follows the selection)
                self.watch(pane, "picked", self._item_picked, init=False)
        self.watch(self.query_one(ActorTree), "picked", self._actor_moved, init=False)
        self.set_focus(self.pane_widget(name))
        if selection.item and selection.item.startswith("sentence:"):
            self.query_one(SourcePane).show_support()
        self.refresh_marks()

    # -- panes and focus ------------------------------------------------------------------------
    def pane_widget(self, name: str) -> Widget:
        """The focusable widget of a pane."""
        if name == "actors":
            tree = self.query_one(ActorTree)
            tree.ensure_populated()  # (filled after the first paint when it started hidden)
            return tree
        return self.query_one(f"#{name}", TextPane)

    def text_pane(self, name: str) -> TextPane | None:
        """A text pane by name, or None (Actors, or a screen being torn down)."""
        if name == "actors":
            return None
        try:
            return self.query_one(f"#{name}", TextPane)
        except NoMatches:
            return None

    def pane_container(self, name: str) -> Widget:
        return self.query_one(f"#{name}")

    def focus_pane(self, name: str) -> None:
        """Focus a pane now (not after the next refresh): the next key of a burst goes there.
        Source then shows the support of the item under that pane's cursor."""
        try:
            widget = self.pane_widget(name)
        except NoMatches:
            return
        self.active = name
        self.set_focus(widget, scroll_visible=False)  # panes never scroll into view
        pane = self.text_pane(name)
        if pane is not None and name != "source":
            key = pane.current_key()
            if key and key != self.selection.item:
                self.selection = Selection(self.selection.actor, key)

    def watch_active(self, name: str) -> None:
        try:
            # "-active" only shows in the narrow layout (one pane at a time); in the wide one a
            # restyle of both panes would only cost time — the switch to narrow restyles them all
            narrow = self.has_class("-narrow")
            for pane in PANES:
                self.pane_container(pane).set_class(pane == name, "-active", update=narrow)
            tabs_widget = self.query_one("#pane-tabs", Static)
        except NoMatches:
            return
        # the same words whichever tab is active: the strip's height cannot change, no layout
        tabs_widget.update(tab_strip(name), layout=False)

    def on_descendant_focus(self, event) -> None:
        if event.widget is not self.focused:
            return  # focus has moved on since (keys typed fast)
        for pane in PANES:
            try:
                container = self.pane_container(pane)
            except NoMatches:
                return
            if event.widget is container or container in event.widget.ancestors:
                if self.active != pane:
                    self.focus_pane(pane)  # a mouse click: same as the pane's number
                if self.hints:
                    self.hints = False
                return

    def capture_location(self) -> Location:
        """Where the reader is, from the screen's own state only (safe while it is torn down)."""
        return Location("brief", self.brief_id, self.selection, self.active)

    # -- actions --------------------------------------------------------------------------------
    # -- reading state, bookmarks and notes ---------------------------------------------------
    @property
    def userdata(self):
        return getattr(self.app, "userdata", None)

    def header_state(self) -> str:
        parts = []
        if self.read_state == "updated" or not self.saved_read:  # "unread" goes once saved
            parts.append(READ_STATES.get(self.read_state, ""))
        userdata = self.userdata
        if userdata is not None:
            brief = Anchor.of_brief(self.brief_id)
            if any(b.saved for b in userdata.bookmarks(brief=self.brief_id) if b.anchor == brief):
                parts.append(f"{BOOKMARK_MARK} bookmarked")
            noted = [n for n in userdata.notes(anchor=brief) if n.saved]
            if noted:
                parts.append(f"{NOTE_MARK} {plural(len(noted), 'note')} on this brief")
        return "  ".join(p for p in parts if p)

    def read_saved(self, ok: bool) -> None:
        """The app's answer once the read mark is on disk."""
        if ok:
            self.saved_read = True
            self.refresh_header()

    def refresh_header(self) -> None:
        try:
            header = self.query_one("#brief-header", Static)
        except NoMatches:
            return
        header.update(brief_header(self.view, self.header_state()))

    def marks(self) -> dict[str, str]:
        """Item and sentence key → the marks drawn beside it (● changed, ★ bookmark, ✎ note).
        Only what is on disk counts."""
        found: dict[str, str] = {key: CHANGED_MARK for key in self.changed}
        userdata = self.userdata
        if userdata is None:
            return found
        for bookmark in userdata.bookmarks(brief=self.brief_id):
            item = bookmark.anchor.item
            if item and bookmark.saved and not bookmark.orphaned:
                found[item] = found.get(item, "") + BOOKMARK_MARK
        for note in userdata.notes(brief=self.brief_id):
            item = note.anchor.item
            if item and note.saved and not note.orphaned and NOTE_MARK not in found.get(item, ""):
                found[item] = found.get(item, "") + NOTE_MARK
        return found

    def refresh_marks(self) -> None:
        marks = self.marks()
        for name in ("summary", "takeaways", "history", "source"):
            pane = self.text_pane(name)
            if pane is not None:
                pane.set_marks(marks)
        self.refresh_header()
        with contextlib.suppress(NoMatches):
            self.query_one(ActorsPane).refresh_marks()

    def current_target(self, whole_brief: bool = False) -> tuple[Anchor, str | None] | None:
        """What ``a`` and ``b`` act on: the entity under the Actors cursor, the sentence shown
        in Source, the item under the cursor of another pane — or, asked for, the brief."""
        if whole_brief:
            return Anchor.of_brief(self.brief_id), None
        if self.active == "actors":
            node = self.query_one(ActorTree).cursor_node
            entity = node.data if node is not None and node.data else self.selection.actor
            return (Anchor.of_entity(entity), None) if entity else None
        if self.active == "source":
            sentence = self.current_sentence()
            if sentence is None:
                return None
            return Anchor.of_item(self.brief_id, f"sentence:{sentence.id}"), sentence.text
        pane = self.text_pane(self.active)
        key = pane.current_key() if pane is not None else None
        if not key:
            return None
        item = next((i for i in pane.items if i.key == key), None)
        return Anchor.of_item(self.brief_id, key), item.text if item is not None else None

    def current_sentence(self):
        """In Source: the selected sentence if it is in the paragraph under the cursor, else the
        paragraph's first highlighted (supporting) sentence, else its first sentence."""
        article = self.view.store.article(self.brief_id)
        source = self.text_pane("source")
        key = source.current_key() if source is not None else None
        paragraph = next((p for p in article.paragraphs if p.id == key), None) if article else None
        if paragraph is None or not paragraph.sentences:
            return None
        item = self.selection.item or ""
        chosen = item.partition(":")[2] if item.startswith("sentence:") else None
        support = self.view.sentence_ids(self.selection.item)
        for sentence in paragraph.sentences:
            if sentence.id == chosen:
                return sentence
        for sentence in paragraph.sentences:
            if sentence.id in support:
                return sentence
        return paragraph.sentences[0]

    def action_sentence(self, step: int) -> None:
        """``]`` / ``[``: select the next or previous sentence of the article (Source)."""
        article = self.view.store.article(self.brief_id)
        if article is None:
            return
        sentences = [s for p in article.paragraphs for s in p.sentences]
        if not sentences:
            return
        current = self.current_sentence() if self.active == "source" else None
        ids = [s.id for s in sentences]
        if current is None:
            index = 0
        elif (self.selection.item or "") != f"sentence:{current.id}":
            index = ids.index(current.id)  # first press: the sentence the cursor is on
        else:
            index = max(0, min(ids.index(current.id) + step, len(ids) - 1))
        self.selection = Selection(self.selection.actor, f"sentence:{ids[index]}")
        if self.active != "source":
            self.focus_pane("source")
        source = self.text_pane("source")
        if source is not None:
            source.show_support()
        self.set_status(f"Sentence {ids[index]} — a: note · b: bookmark")

    def action_bookmark(self, whole_brief: bool = False) -> None:
        target = self.current_target(whole_brief)
        userdata = self.userdata
        if target is None or userdata is None:
            self.set_status("Nothing here to bookmark.")
            return
        anchor, quote = target
        label = anchor_label(self.view.store, anchor)

        def done(now: bool) -> None:
            self.refresh_marks()
            saved = userdata.is_bookmarked(anchor) == now and userdata.writable
            verb = "Bookmarked" if now else "Bookmark removed"
            self.set_status(f"{verb}: {label}" + ("" if saved else " (not saved)"))

        self.app.run_userdata(userdata.toggle_bookmark, anchor, quote, then=done)  # type: ignore[attr-defined]

    def action_annotate(self, whole_brief: bool = False) -> None:
        target = self.current_target(whole_brief)
        userdata = self.userdata
        if target is None or userdata is None:
            self.set_status("Nothing here to annotate.")
            return
        anchor, quote = target
        existing = userdata.notes(anchor=anchor)
        note = existing[-1] if existing else None
        self.app.edit_note(anchor, quote, note=note)  # type: ignore[attr-defined]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Pane keys are off while typing in the search field; n / N are shown dimmed until there
        is a search."""
        if action in ("digit", "cycle"):
            from textual.widgets import Input

            return None if isinstance(self.focused, Input) or not self.is_current else True
        if action == "match":
            return True if self.search_text else None
        return True

    def watch_hints(self, hints: bool) -> None:
        self.refresh_bindings()
        if not hints:
            self.card_hints = {}
            self.set_query_status()

    def watch_search_text(self) -> None:
        self.refresh_bindings()

    def action_digit(self, number: int) -> None:
        if self.hints:
            self.follow_hint(str(number))
        elif 1 <= number <= len(PANES):
            self.focus_pane(PANES[number - 1])

    def action_cycle(self, step: int) -> None:
        index = PANES.index(self.active)
        self.focus_pane(PANES[(index + step) % len(PANES)])

    def action_clear(self) -> None:
        """Escape: leave hint mode, then drop the item, then the actor, then the search."""
        if self.hints:
            self.hints = False
        elif self.selection.item:
            self.selection = Selection(self.selection.actor, None)
        elif self.selection.actor:
            self.selection = Selection()
        elif self.search_text:
            self.set_query("")

    def action_find(self) -> None:
        """Show the search field; it is only mounted the first time it is needed."""
        from textual.widgets import Input

        found = self.query("#find")
        if found:
            find = found.first(Input)
        else:
            status = self.query("#status")
            if not status:
                return  # a `/` that came while the screen was still being built or taken down
            find = Input(
                placeholder="Search this brief — enter to keep, escape to clear", id="find"
            )
            self.mount(find, before=status.first())
        find.add_class("-shown")
        find.value = self.search_text
        self.set_focus(find)

    def action_hints(self) -> None:
        if self.hints:
            self.hints = False
            return
        pane = self.text_pane(self.active)
        if pane is None:
            self.show_card_hints()
            return
        self.hints = True
        if not pane.hint_map:
            self.hints = False
            self.set_status("No links in this item.")
        else:
            self.set_status("Press a number to follow a link, escape to cancel.")

    def show_card_hints(self) -> None:
        """Hints on the Actors detail card: its links numbered where the card shows them (the
        card draws the numbers while ``hints`` is on), and listed on the status line."""
        # The tree reports cursor moves by message; a key typed right after a move (`j f` in one
        # read) arrives first, so the cursor itself says which actor's card this is.
        node = self.query_one(ActorTree).cursor_node
        actor = node.data if node is not None and node.data else self.selection.actor
        if actor != self.selection.actor:
            self.selection = Selection(actor, None)
        self.card_hints = card_hints(self.view, actor)
        if not self.card_hints:
            self.set_status("No links on this card: select an actor; enter opens their page.")
            return
        self.hints = True
        listed = "  ".join(f"{key} {link.label}" for key, link in self.card_hints.items())
        self.set_status(f"Follow: {listed} — escape to cancel")

    def hint_map(self) -> dict[str, object]:
        """The hint keys in play: the focused text pane's, or the Actors card's."""
        if not self.hints:
            return {}
        pane = self.text_pane(self.active)
        return dict(pane.hint_map) if pane is not None else dict(self.card_hints)

    def follow_hint(self, key: str) -> None:
        link = self.hint_map().get(key)
        self.hints = False
        if link is None:
            return
        kind, target = link.kind, link.target  # type: ignore[attr-defined]
        if kind == "entity":
            self.app.open_entity(target)  # type: ignore[attr-defined]
        else:
            self.selection = Selection(self.selection.actor, f"sentence:{target}")
            self.focus_pane("source")
            source = self.text_pane("source")
            if source is not None:
                source.show_support()

    def action_match(self, step: int) -> None:
        matches = self.matches()
        if not matches:
            self.set_status(f"No matches for {self.search_text!r}.")
            return
        self.match_index = (self.match_index + step) % len(matches)
        pane_name, key = matches[self.match_index]
        pane = self.text_pane(pane_name)
        if pane is not None:
            pane.move_to(key)
        self.focus_pane(pane_name)
        self.set_status(f"Match {self.match_index + 1} of {len(matches)} for {self.search_text!r}")

    def matches(self) -> list[tuple[str, str]]:
        return [
            (name, key)
            for name in ("summary", "takeaways", "history", "source")
            if (pane := self.text_pane(name)) is not None
            for key in pane.match_keys(self.search_text)
        ]

    def set_query(self, query: str) -> None:
        self.typed_query = ""
        self.search_text = query
        self.match_index = -1
        if query and not self.matches():  # a misspelt name: find what the search engine would
            corrected = self.corrected_query(query)
            if corrected:
                self.typed_query = query
                self.search_text = corrected
        self.set_query_status()

    def corrected_query(self, query: str) -> str | None:
        """``query`` with its misspelt words corrected as the search engine corrects them
        ("dostom" → "dostum"), when the corrected words match something in this brief."""
        index = getattr(self.app, "store", None)
        index = getattr(index, "search_index", None)
        if index is None:
            return None
        words = query.split()
        fixed = [(index.suggest(word) if len(word) >= 4 else None) or word for word in words]
        if fixed == words:
            return None
        corrected = " ".join(fixed)
        panes = ("summary", "takeaways", "history", "source")
        found = any(
            (pane := self.text_pane(name)) is not None and pane.match_keys(corrected)
            for name in panes
        )
        return corrected if found else None

    def set_query_status(self) -> None:
        query = self.search_text
        if query:
            count = len(self.matches())
            typed = self.typed_query
            instead = f"No {typed!r} in this brief — " if typed else ""
            self.set_status(
                f"{instead}{plural(count, 'item')} {'matches' if count == 1 else 'match'} "
                f"{query!r} — n / N to step through"
                if count
                else f"No matches for {query!r}."
            )
        else:
            self.set_status("")

    def set_status(self, text: str) -> None:
        try:
            status = self.query_one("#status", Static)
        except NoMatches:
            return
        status.update(Content(text))
        status.set_class(bool(text), "-shown")

    # -- messages from the panes ----------------------------------------------------------------
    # The search field is mounted on demand, so its messages are handled by name rather than with
    # @on(Input.Changed), which would import Input (and its styles) on the start-up path.
    def on_input_changed(self, event) -> None:
        if event.input.id == "find":
            self.set_query(event.value)

    def on_input_submitted(self, event) -> None:
        if event.input.id != "find":
            return
        event.input.remove_class("-shown")
        self.set_query(event.value)
        if self.search_text:
            self.action_match(1)
        else:
            self.focus_pane(self.active)

    def on_key(self, event) -> None:
        from textual.widgets import Input

        find = self.focused
        if event.key == "escape" and isinstance(find, Input) and find.id == "find":
            event.stop()
            event.prevent_default()
            find.value = ""
            find.remove_class("-shown")
            self.set_query("")
            self.focus_pane(self.active)
            return
        # hint labels beyond the digits (a, b, …) reach here before the pane's own keys
        if self.hints and event.character and event.character in self.hint_map():
            event.stop()
            event.prevent_default()
            self.follow_hint(event.character)

    @on(TextPane.Chosen)
    def _chosen(self, event: TextPane.Chosen) -> None:
        if isinstance(event.pane, SourcePane):
            self.choose_sentence(event.key)
        elif event.pane.id == self.active:
            self.selection = Selection(self.selection.actor, event.key)
            self.focus_pane("source")

    def _item_picked(self, key: str) -> None:
        self.selection = Selection(self.selection.actor, key)

    def _actor_moved(self, actor: str) -> None:
        self.selection = Selection(actor, None)

    def choose_sentence(self, paragraph_id: str) -> None:
        """Enter in Source: show which takeaways and events the paragraph supports."""
        article = self.view.store.article(self.brief_id)
        paragraph = (
            next((p for p in article.paragraphs if p.id == paragraph_id), None) if article else None
        )
        if paragraph is None:
            return
        ids = {s.id for s in paragraph.sentences}
        citing = [
            f"takeaway {n + 1}"
            for n, t in enumerate(self.view.brief.takeaways)
            if ids & {r.sentence for r in t.sources}
        ] + [e.date.text for e in self.view.events if ids & {r.sentence for r in e.sources}]
        self.set_status(
            f"{paragraph_id} supports: {', '.join(citing)}"
            if citing
            else f"{paragraph_id} is not cited."
        )

    @on(ActorTree.ActorChosen)
    def _actor_chosen(self, event: ActorTree.ActorChosen) -> None:
        self.app.open_entity(event.actor)  # type: ignore[attr-defined]
