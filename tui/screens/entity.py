"""The entity screen: a person or faction across every brief in the store."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, Self
from weakref import WeakKeyDictionary

from textual import events, messages, on
from textual._time import get_time
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..ingest.text import counted
from ..linking import Location
from ..model import Faction, Person, SourceRef
from ..store import Store
from ..widgets.keybar import KeyBar
from ..widgets.lists import KeyedOptionList, QuietSize, Row, Run, marked_runs
from ..widgets.timeline import axis_runs_of_keys
from .base import BriefScreen


def _refs(refs: tuple[SourceRef, ...]) -> Run:
    ids = list(dict.fromkeys(r.sentence for r in refs))
    return (f"  [{', '.join(ids)}]", "dim") if ids else ("", "")


def _line(*runs: Run) -> Row:
    """A line of the page: runs of (text, style), wrapped to the list's width (never markup)."""
    return Row([list(runs)])


def _heading(text: str) -> Option:
    return Option(_line((text, "bold $text-accent")), disabled=True)


def entity_header(store: Store, entity: Person | Faction) -> Content:
    if isinstance(entity, Person):
        status = {"deceased": "deceased †", "alive": "alive"}.get(entity.status, "status unknown")
        kind = f"person · {status}"
    else:
        kind = f"{entity.kind} · {entity.stance}"
        if entity.founded:
            kind += f" · founded {entity.founded.display()}"
    parts: list[Content | str | tuple[str, str]] = [
        (entity.name, "bold"),
        "  ",
        (kind, "$text-muted"),
    ]
    if entity.aliases:
        parts += ["\n", ("Also: " + ", ".join(entity.aliases), "$text-muted")]
    text = entity.bio.text if isinstance(entity, Person) else entity.description.text
    if text:
        parts += ["\n", text]
    return Content.assemble(*parts)


PAGE = 30  # timeline events or article mentions drawn at first; "more" lines add the next ones
MOST = 60  # the largest page a "more" line adds (each mention reads its brief: ≈ 0.3 ms)


def page_after(shown: int) -> int:
    """How many rows the "more" line after ``shown`` rows adds: as many again as are shown, up
    to MOST (each mention reads its brief's sentence; the list re-measures as it grows)."""
    return PAGE if shown <= 0 else min(max(PAGE, shown), MOST)


class _Numbering:
    """Unique option ids: ``target#n``, with no upper bound."""

    def __init__(self) -> None:
        self.next = 0

    def link(self, prompt: Row, target: str) -> Option:
        self.next += 1
        return Option(prompt, id=f"{target}#{self.next}")


def _more(kind: str, shown: int, total: int) -> Option:
    left = total - shown
    prompt = _line(
        (
            f"▸ {min(left, page_after(shown)):,} more — {shown:,} of {total:,} {kind} shown "
            "(enter)",
            "$text-accent",
        )
    )
    return Option(prompt, id=f"more:{kind}:{shown}")


def member_options(
    store: Store,
    faction_id: str,
    start: int,
    numbering: _Numbering,
    members: list[str] | None = None,
) -> list[Option]:
    """A page of a faction's members (a faction of hundreds lists the rest on demand)."""
    members = store.members(faction_id) if members is None else members
    options = []
    end = start + page_after(start)
    for member in members[start:end]:
        roles = []
        person = store.person(member)
        if person is not None:
            roles = [r.title for r in person.roles if r.faction == faction_id]
        suffix = f" — {', '.join(roles)}" if roles else ""
        options.append(
            numbering.link(_line((f"{store.name_of(member)}{suffix}", "")), f"entity:{member}")
        )
    if end < len(members):
        options.append(_more("members", end, len(members)))
    return options


def event_options(store: Store, entity_id: str, start: int, numbering: _Numbering) -> list[Option]:
    total = store.entity_event_count(entity_id)
    options = []
    end = start + page_after(start)
    for event in store.entity_events(entity_id, start, end):
        prompt = _line(
            (event.date.display(), "bold"),
            (" — ", ""),
            (event.text, ""),
            (f"  · {store.title_of(event.brief)}", "dim"),
        )
        options.append(numbering.link(prompt, f"brief:{event.brief}:event:{event.id}"))
    if end < total:
        options.append(_more("events", end, total))
    return options


def mention_options(
    store: Store, entity_id: str, start: int, numbering: _Numbering
) -> list[Option]:
    total = store.entity_mention_count(entity_id, source=True)
    options = []
    end = start + page_after(start)
    for row in store.entity_mention_rows(entity_id, start, end, source=True):
        text = store.sentence_text(row.brief, row.sentence) if row.sentence else None
        if text is None:
            continue
        offset = store.sentence_start(row.brief, row.sentence) if row.sentence else 0
        sentence = marked_runs(
            text, ((row.start - offset, row.end - offset),), "", "bold underline $text-warning"
        )
        prompt = _line(*sentence, (f"  · {store.title_of(row.brief)} {row.sentence}", "dim"))
        options.append(numbering.link(prompt, f"brief:{row.brief}:sentence:{row.sentence}"))
    if end < total:
        options.append(_more("mentions", end, total))
    return options


_SAMPLES: WeakKeyDictionary[Any, dict[str, list[str]]] = WeakKeyDictionary()


def _sample_keys(store: Store, entity_id: str) -> list[str]:
    """The date keys that draw an entity's time axis, kept per store for the last 64 entities
    opened (their file is read again otherwise at every opening: 140 KB for 200 keys at 10k)."""
    kept = _SAMPLES.setdefault(store, {})
    keys = kept.get(entity_id)
    if keys is None:
        keys = kept[entity_id] = store.entity_event_sample_keys(entity_id)
        if len(kept) > 64:
            del kept[next(iter(kept))]
    return keys


def entity_options(
    store: Store, entity: Person | Faction, width: int = 60, numbering: _Numbering | None = None
) -> list[Option]:
    """The lines of the page. Option ids say what enter does: ``entity:ID``,
    ``brief:BRIEF:sentence:ID`` or ``brief:BRIEF:event:ID`` (suffixed ``#n`` to stay unique),
    ``more:members:N`` / ``more:events:N`` / ``more:mentions:N`` (the next page of a long
    list)."""
    return [option for part in entity_parts(store, entity, width, numbering) for option in part]


def entity_parts(
    store: Store, entity: Person | Faction, width: int = 60, numbering: _Numbering | None = None
) -> Iterator[list[Option]]:
    """The lines of the page (see entity_options), a section at a time."""
    options: list[Option] = []
    numbering = numbering or _Numbering()
    link = numbering.link
    if isinstance(entity, Person) and entity.roles:
        options.append(_heading("Roles"))
        for role in entity.roles:
            when = ""
            if role.since or role.until:
                when = f" ({role.since.display() if role.since else '…'} – {role.until.display() if role.until else ''})"
            prompt = _line(
                (role.title, ""),
                (f" — {store.name_of(role.faction)}" if role.faction else "", ""),
                (when, ""),
                _refs(role.sources),
            )
            options.append(
                link(prompt, f"entity:{role.faction}")
                if role.faction
                else Option(prompt, disabled=True)
            )
    if isinstance(entity, Faction):
        members = store.members(entity.id)
        if members:
            options.append(_heading(f"Members ({len(members):,})"))
            options += member_options(store, entity.id, 0, numbering, members)
    else:
        factions = store.factions_of(entity.id)
        if factions:
            options.append(_heading("Factions"))
            for faction_id in factions:
                faction = store.faction(faction_id)
                stance = f"  {faction.shown_stance}" if faction and faction.shown_stance else ""
                options.append(
                    link(
                        _line((store.name_of(faction_id), ""), (stance, "dim")),
                        f"entity:{faction_id}",
                    )
                )
    links = store.links(entity.id)
    if links:
        options.append(_heading("Relations"))
        for item in links:
            prompt = _line(
                (item.label, "$text-muted"),
                (" ", ""),
                (store.name_of(item.target), ""),
                _refs(item.relation.sources),
            )
            options.append(link(prompt, f"entity:{item.target}"))
    yield options
    options = []
    total_events = store.entity_event_count(entity.id)
    options.append(_heading(f"Timeline ({counted(total_events, 'event')})"))
    if total_events > 1:
        # the axis needs the spread of dates, not every event: about 200 of them, stored
        keys = _sample_keys(store, entity.id)
        options.append(Option(_line(*axis_runs_of_keys(keys, width)), disabled=True))
    elif not total_events:
        options.append(Option(_line(("No dated events.", "dim")), disabled=True))
    options += event_options(store, entity.id, 0, numbering)
    yield options
    options = []
    mentions = store.entity_mention_count(entity.id, source=True)
    options.append(_heading(f"Mentions in articles ({mentions:,})"))
    if not mentions:
        options.append(Option(_line(("Not named in any article.", "dim")), disabled=True))
    options += mention_options(store, entity.id, 0, numbering)
    yield options


def _rows_at_least(options: list[Option], width: int) -> int:
    """About how many rows ``options`` take at ``width`` (each line of each prompt, wrapped
    where it is longer): to decide the list's scrollbar before its first layout."""
    width = max(width, 10)
    rows = 0
    for option in options:
        for line in str(option.prompt).split("\n"):
            rows += max(1, -(-len(line) // width))
    return rows


class EntityLines(QuietSize, KeyedOptionList):
    """The page's lines. OptionList forgets every line's wrapped height and drawing whenever it is
    resized, and a new list is resized once just after its first drawing: at the same width that
    is all work done twice (≈ 100 wrapped lines at 10,000 briefs), so only a new width forgets.
    Its lines are counted at its first drawing without a layout of the screen (QuietSize)."""

    _built_width: int | None = None  # the width the wrapped lines were worked out at, from none
    _drawing: Region | None = None  # the content region, while visible lines are drawn

    def render_lines(self, crop: Region) -> list[Strip]:
        # OptionList.render_lines (Textual 8.2) brings the lines up to date, then each line drawn
        # asks again (its `_lines`) and works out the content region twice: a third of drawing
        # the page. Neither changes while the lines of one crop are drawn.
        self._update_lines()
        self._drawing = Widget.scrollable_content_region.fget(self)  # type: ignore[attr-defined]
        try:
            return ScrollView.render_lines(self, crop)
        finally:
            self._drawing = None

    @property
    def scrollable_content_region(self) -> Region:
        drawing = self._drawing
        if drawing is not None:
            return drawing
        return Widget.scrollable_content_region.fget(self)  # type: ignore[attr-defined]

    @property
    def _lines(self) -> Sequence[tuple[int, int]]:
        if self._drawing is None:
            self._update_lines()
        return self._line_cache.lines

    def _update_lines(self) -> None:
        fresh = not self._line_cache.lines
        super()._update_lines()
        if fresh and self._line_cache.lines:
            self._built_width = self.scrollable_content_region.width

    def _on_resize(self, event: events.Resize) -> None:
        if (
            self._built_width is not None
            and self.scrollable_content_region.width == self._built_width
        ):
            event.prevent_default()  # OptionList's handler would clear the caches: still right
        else:
            self._built_width = None


class EntityScreen(BriefScreen):
    def _post_register(self, app: Any) -> None:
        """The default CSS of every widget class the page composes, in mount order, added before
        they mount (as CSS_CLASSES does, without reading the CSS cache at every opening): the
        first page opened otherwise adds OptionList's and restyles the whole screen for it."""
        super()._post_register(app)
        self.add_default_css(app.stylesheet, (Static, EntityLines, KeyBar))

    BINDINGS = [
        Binding("a", "annotate", "Note", show=False, id="entity-note"),
        Binding("b", "bookmark", "Bookmark", show=False, id="entity-bookmark"),
    ]

    def __init__(
        self, store: Store, entity: Person | Faction, location: Location | None = None
    ) -> None:
        super().__init__()
        self.store = store
        self.entity = entity
        self.location = location or Location("entity", entity.id)

    def compose(self) -> ComposeResult:
        # Everything at its final content and size before the first layout: a change after it
        # (the notes' line filled or hidden, the list's scrollbar appearing) is a second layout.
        yield from self.compose_too_small()
        yield Static(entity_header(self.store, self.entity), id="entity-header")
        marks = self._marks()
        notes = Static(Content("\n").join(marks), id="entity-notes")
        notes.display = bool(marks)
        yield notes
        # Every section, the mentions below the screen too: the page is complete at its first
        # paint (added after it, they changed the scrollbar a frame later, and cost as much).
        self._numbering = _Numbering()
        options = entity_options(self.store, self.entity, numbering=self._numbering)
        screenful = self.app.size.height
        lines = EntityLines(*options, id="entity-lines")
        if _rows_at_least(options, self.app.size.width - 6) >= screenful - 4:
            lines.styles.overflow_y = "scroll"  # more lines than the list's box: a scrollbar
        yield lines
        yield KeyBar()

    def _screen_resized(self, size: Size) -> None:
        # A new screen is laid out when it is pushed, then told its size (a Resize event) and
        # laid out again at the same size: the second one is skipped (children that change
        # size or content ask for their own layout).
        if size == self._compositor.size and self.is_attached:
            return
        super()._screen_resized(size)

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        # A layout tells each widget its size, and a widget whose virtual size changed (all of
        # them, the first time) asks for a layout of the screen: a second layout and a second
        # drawing of the whole page (≈ 7 ms at 10,000 briefs), with nothing in it changed.
        # Those requests are dropped, unless a scrollbar came or went during the layout (the
        # next layout places it). Requests made before it are kept, but for the first layout
        # (nothing was arranged before it: it arranges everything) and those already sent to
        # the screen (the arrangements they changed were forgotten when they were sent).
        first = self._laid_out is None
        whole = not (scroll and not self._layout_widgets)  # Screen._refresh_layout's reflow
        nodes = self._laid_out_nodes()
        before = {
            node: (
                node._layout_required,
                node.show_vertical_scrollbar,
                node.show_horizontal_scrollbar,
            )
            for node in nodes
        }
        started = get_time()
        super()._refresh_layout(size, scroll)
        self._laid_out = (self._compositor.size, tuple(self._nodes))
        if any(
            (node.show_vertical_scrollbar, node.show_horizontal_scrollbar) != state[1:]
            for node, state in before.items()
        ):
            return
        if whole:
            self._arranged_at = started
        for widget in self._laid_out_nodes():  # scrollbars made in the layout too
            if widget._layout_required and (first or not before.get(widget, (False,))[0]):
                widget._layout_required = False

    def _laid_out_nodes(self) -> list[Widget]:
        """The screen, its widgets and their scrollbars."""
        nodes: list[Widget] = list(self.walk_children(with_self=True))
        return nodes + [bar for node in nodes for bar in node._get_virtual_dom()]

    _arranged_at = float("-inf")  # when the last layout of the whole screen started

    async def _on_layout(self, message: messages.Layout) -> None:
        if message.time < self._arranged_at:  # sent before a layout of the whole screen
            message.stop()
            message.prevent_default()
            return

    _laid_out: tuple[Size, tuple[Any, ...]] | None = None  # size and children at the last layout

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        # The screen this one replaces is removed just after this one's first paint, and its
        # removal asks the app (so the current screen) for a layout: a second layout of the
        # whole page, with nothing in it changed. A layout asked of the screen itself is
        # skipped while it has the same children at the same size as at its last one (a child
        # mounted or removed, or a resize, still lays it out; children that change size or
        # content ask for their own layout, not through this).
        laid_out = self._laid_out
        if (
            layout
            and laid_out is not None
            and laid_out == (self._compositor.size, tuple(self._nodes))
        ):
            layout = False
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def _reset_focus(self, widget: Widget, avoiding: list[Widget] | None = None) -> None:
        # When the whole screen is being removed (replaced by the next page), moving its focus
        # to another of its widgets would only restyle widgets about to go.
        if avoiding and self in avoiding:
            return
        super()._reset_focus(widget, avoiding)

    def on_mount(self) -> None:
        self.title = self.entity.name
        found = self.query("#entity-lines")
        if not found:  # the app closing as the page mounts (`enter q` typed in one burst)
            return
        lines = found.first(OptionList)
        lines.border_title = Content(
            f"{self.entity.name} — across {counted(len(self.entity.briefs), 'brief')}"
        )
        if self.location.cursor is not None:
            lines.highlighted = self.location.cursor
        else:
            lines.highlighted = next(
                (n for n, o in enumerate(lines.options) if not o.disabled), None
            )
        lines.focus()

    # -- the user's notes and bookmark on this person or faction --------------------------------
    def _marks(self) -> list[Content]:
        """★ if bookmarked, and each note (plain text, never markup): the lines under the header."""
        userdata = getattr(self.app, "userdata", None)
        if userdata is None:
            return []
        from ..userdata import Anchor, clean

        anchor = Anchor.of_entity(self.entity.id)
        lines: list[Content] = []
        if any(b.anchor == anchor and b.saved for b in userdata.bookmarks(brief=None)):
            lines.append(Content.styled("★ bookmarked", "bold $brief-link"))
        for note in userdata.notes(anchor=anchor):
            if note.saved:
                text = " ".join(clean(note.text).split())
                lines.append(Content.assemble(("✎ ", "bold $brief-link"), text[:300]))
        return lines

    def refresh_marks(self) -> None:
        """Show the bookmark and notes again (after one changed)."""
        found = self.query("#entity-notes")
        if getattr(self.app, "userdata", None) is None or not found:
            return
        lines = self._marks()
        widget = found.first(Static)
        widget.update(Content("\n").join(lines))
        widget.display = bool(lines)

    def action_annotate(self) -> None:
        from ..userdata import Anchor

        anchor = Anchor.of_entity(self.entity.id)
        existing = self.app.userdata.notes(anchor=anchor)  # type: ignore[attr-defined]
        self.app.edit_note(anchor, None, note=existing[-1] if existing else None)  # type: ignore[attr-defined]

    def action_bookmark(self) -> None:
        from ..userdata import Anchor

        def done(now: bool) -> None:
            saved = "" if self.app.userdata.writable else " (not saved)"
            self.notify(("Bookmarked." if now else "Bookmark removed.") + saved, timeout=3)
            self.refresh_marks()

        anchor = Anchor.of_entity(self.entity.id)
        self.app.run_userdata(self.app.userdata.toggle_bookmark, anchor, then=done)  # type: ignore[attr-defined]

    def capture_location(self) -> Location:
        # safe on a screen not yet mounted or already torn down (keys typed in a burst)
        found = self.query("#entity-lines")
        cursor = found.first(OptionList).highlighted if found else None
        return Location("entity", self.entity.id, cursor=cursor)

    def action_cursor(self, step: int) -> None:
        lines = self.query_one("#entity-lines", OptionList)
        lines.action_cursor_down() if step > 0 else lines.action_cursor_up()

    def action_edge(self, last: int) -> None:
        lines = self.query_one("#entity-lines", OptionList)
        lines.action_last() if last else lines.action_first()

    def _show_more(self, lines: OptionList, index: int, kind: str, start: int) -> None:
        """Replace the "more" line at ``index`` with the next page of its list."""
        if kind == "events":
            page = event_options(self.store, self.entity.id, start, self._numbering)
        elif kind == "members":
            page = member_options(self.store, self.entity.id, start, self._numbering)
        else:
            page = mention_options(self.store, self.entity.id, start, self._numbering)
        if index == lines.option_count - 1:  # the list's last line: the rest stays as it is
            lines.remove_option_at_index(index)
            lines.add_options(page)
        else:
            options = list(lines.options)
            options[index : index + 1] = page
            lines.set_options(options)
        lines.highlighted = index

    @on(OptionList.OptionSelected, "#entity-lines")
    def _follow(self, event: OptionList.OptionSelected) -> None:
        target = (event.option.id or "").rsplit("#", 1)[0]
        kind, _, rest = target.partition(":")
        if kind == "more":
            what, _, start = rest.partition(":")
            self._show_more(event.option_list, event.option_index, what, int(start))
            return
        if kind == "entity":
            self.app.open_entity(rest)  # type: ignore[attr-defined]
        elif kind == "brief":
            brief_id, _, item = rest.partition(":")
            self.app.open_brief(brief_id, item=item)  # type: ignore[attr-defined]
