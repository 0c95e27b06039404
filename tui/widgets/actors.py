"""The Actors pane: people and factions grouped by coalition and faction, and a detail card."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget, _RenderCache
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from ..linking import BriefView, CardLink, Selection, card_links
from ..model import Person, SourceRef
from ..store import Store
from .linecache import LineStylesCache, ScrollbarLinesKept
from .styles import HINT_KEYS, HINT_STYLE

DEAD = "†"


def group_actors(store: Store, actors: list[str]) -> list[tuple[str, list]]:
    """The brief's actors as a forest: ``(faction id, children)`` for factions at the top (those not
    part of another faction in the brief), people under every faction they hold a role in, and the
    people with no faction in the brief at the end under ``""``."""
    in_brief = set(actors)
    # Each store lookup reads (and checks) the entity's head: asked once per actor here, on the
    # way to the first paint, rather than once per use.
    found = {a: store.faction(a) for a in actors}
    factions = [a for a in actors if found[a] is not None]
    people = {a for a in actors if found[a] is None and store.person(a) is not None}
    members = {f: store.members(f) for f in factions}
    parent: dict[str, str] = {}
    for faction_id in factions:
        faction = found[faction_id]
        assert faction is not None
        for part in faction.part_of:
            if part.target in in_brief:
                parent[faction_id] = part.target
                break

    def children(faction_id: str) -> list:
        subfactions = [(f, children(f)) for f in factions if parent.get(f) == faction_id]
        return subfactions + [(p, []) for p in members[faction_id] if p in people]

    order = {actor: n for n, actor in enumerate(actors)}

    def size(tree: list) -> int:
        return sum(1 + size(sub) for _, sub in tree)

    def rank(entry: tuple[str, list]) -> tuple[bool, int, int]:
        faction = found[entry[0]]
        outlet = faction is not None and faction.kind == "outlet"
        return (outlet, -size(entry[1]), order[entry[0]])

    # Big groups first (the coalition and its members), lone factions next, outlets last.
    forest = sorted(((f, children(f)) for f in factions if f not in parent), key=rank)
    placed = {p for f in factions for p in members[f]}
    loose = [p for p in actors if p in people and p not in placed]
    if loose:
        forest.append(("", [(p, []) for p in loose]))
    return forest


def _refs(
    refs: tuple[SourceRef, ...], numbers: dict[tuple[str, str], str] | None = None
) -> Content:
    """`` [p9.s1, p11.s1]`` with, in hint mode, each sentence's hint key before it."""
    ids = list(dict.fromkeys(s for r in refs for s in (r.sentences or (r.sentence,))))
    if not ids:
        return Content("")
    parts = []
    for sentence in ids:
        key = (numbers or {}).get(("source", sentence))
        shown = Content.styled(sentence, "dim")
        parts.append(Content.styled(key, HINT_STYLE) + shown if key else shown)
    return (
        Content.styled(" [", "dim")
        + Content.styled(", ", "dim").join(parts)
        + Content.styled("]", "dim")
    )


def detail_card(
    view: BriefView, actor: str | None, hints: bool = False, notes: tuple[str, ...] = ()
) -> Content:
    """Roles, factions, status, relations and mention count of the selected actor; with ``hints``,
    every link (role faction, member, relation target) is numbered — see :func:`card_links`; then
    the user's ``notes`` on it (plain text, never markup)."""
    store = view.store
    if actor is None or store.entity(actor) is None:
        return Content.styled(
            "Select an actor to see who they are; enter opens their page.", "dim italic"
        )
    numbers: dict[tuple[str, str], str] = {}
    if hints:
        for key, link in card_hints(view, actor).items():
            numbers.setdefault((link.kind, link.target), key)

    def name(entity_id: str) -> Content:
        key = numbers.get(("entity", entity_id))
        shown = Content(store.name_of(entity_id))
        return Content.styled(key, HINT_STYLE) + shown if key else shown

    lines: list[Content] = []
    entity = store.entity(actor)
    assert entity is not None
    if isinstance(entity, Person):
        status = {"deceased": f"deceased {DEAD}", "alive": "alive"}.get(
            entity.status, "status unknown"
        )
        lines.append(Content.assemble((entity.name, "bold"), "  ", (status, "dim")))
        for role in entity.roles:
            when = ""
            if role.since or role.until:
                since = role.since.text if role.since else "…"
                until = role.until.text if role.until else ""
                when = f" ({since}–{until})"
            where = Content.assemble(", ", name(role.faction)) if role.faction else Content("")
            lines.append(Content.assemble(role.title, where, when, _refs(role.sources, numbers)))
    else:
        lines.append(
            Content.assemble(
                (entity.name, "bold"), "  ", (f"{entity.kind} · {entity.stance}", "dim")
            )
        )
        members = store.members(actor)
        if members:
            lines.append(Content("Members: ") + Content(", ").join(name(m) for m in members))
    for link in store.links(actor):
        lines.append(
            Content.assemble(
                f"{link.label} ", name(link.target), _refs(link.relation.sources, numbers)
            )
        )
    count = view.mention_count(actor)
    lines.append(Content.styled(f"Mentioned {count}× in this brief · enter: full page", "dim"))
    for note in notes:
        first = " ".join(note.split())
        first = first if len(first) <= 200 else first[:199] + "…"
        lines.append(Content.assemble(("✎ ", "bold $brief-link"), first))
    return Content("\n").join(lines)


def card_hints(view: BriefView, actor: str | None) -> dict[str, CardLink]:
    """Hint key → link for the card's links (:func:`tui.linking.card_links`, in reading order)."""
    return dict(zip(HINT_KEYS, card_links(view, actor), strict=False))


INVOLVED_BIT = 1 << 40  # in a tree node's update count: its actor is involved in the selection


class ActorTree(ScrollbarLinesKept, Tree[str]):
    """Actors by faction. Moving the cursor selects an actor; enter opens its page."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_home", "First", show=False),
        Binding("G", "scroll_end", "Last", show=False),
        # space pages, as in every other pane (Tree's default toggles a group)
        Binding("space", "page_down", "Page down", show=False),
    ]
    COMPONENT_CLASSES = {"actor-tree--involved", "actor-tree--dead"}
    DEFAULT_CSS = """
    ActorTree > .actor-tree--involved { color: $brief-mention; text-style: bold; }
    ActorTree > .actor-tree--dead { color: $brief-muted; }
    ActorTree > .tree--label { color: $brief-text; }
    ActorTree > .tree--guides, ActorTree > .tree--guides-hover { color: $brief-border; }
    ActorTree > .tree--guides-selected { color: $brief-muted; }
    ActorTree > .tree--highlight-line { background: $brief-surface; }
    ActorTree > .tree--cursor {
        background: $brief-cursor-blurred; color: $brief-text; text-style: none;
    }
    ActorTree:focus > .tree--cursor { background: $brief-cursor; color: $brief-text; }
    ActorTree:focus > .tree--guides-selected { color: $brief-muted; }
    """

    involved: reactive[frozenset[str]] = reactive(frozenset, init=False, repaint=False)
    # the actor the user moved to (see post_message); the screen watches it
    picked: reactive[str] = reactive("", init=False, repaint=False, always_update=True)

    @dataclass
    class ActorChosen(Message):
        """The user chose an actor in the tree (enter was pressed on it)."""

        actor: str

    def __init__(self, view: BriefView, **kwargs) -> None:
        super().__init__(Text("Actors"), **kwargs)  # (a str label is parsed as markup)
        self._styles_cache = LineStylesCache()  # finished lines kept across focus changes
        self.view = view
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = 2
        self.marks: dict[str, str] = {}  # entity → "✎" / "★" (the user's notes and bookmarks)
        self._sized: tuple[Size, Size] | None = None  # size and virtual size last laid out
        self._populated = False
        self._rich_styles: dict[tuple, Style] = {}  # component styles until the next restyle

    def on_mount(self) -> None:
        # The tree is filled right after the first paint, shown or hidden: grouping the actors
        # reads every actor's entity file (~25 files for the seed brief, 5–15 ms), which would
        # otherwise hold back the whole first screen. Anything that reads the nodes earlier
        # (a key, a restored actor) fills it first through ensure_populated().
        self.call_after_refresh(self.ensure_populated)

    def on_show(self) -> None:
        self.ensure_populated()

    def ensure_populated(self) -> None:
        """Fill the tree if it is not yet (anything that reads its nodes calls this first)."""
        if not self._populated and self.is_attached:
            self.populate()

    def set_marks(self, marks: dict[str, str]) -> None:
        if marks == self.marks:
            return
        changed = {k for k in marks.keys() | self.marks.keys() if marks.get(k) != self.marks.get(k)}
        self.marks = marks
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            stack.extend(node.children)
            if node.data and node.data in changed:
                node.set_label(self.label_for(node.data))

    def populate(self) -> None:
        store = self.view.store
        self._populated = True
        self.clear()

        def add(node: TreeNode[str], entity_id: str, children: list) -> None:
            if children:
                child = node.add(self.label_for(entity_id), data=entity_id, expand=True)
                for grandchild, more in children:
                    add(child, grandchild, more)
            else:
                node.add_leaf(self.label_for(entity_id), data=entity_id)

        for faction_id, children in group_actors(store, list(self.view.brief.actors)):
            if faction_id == "":
                group = self.root.add(Text("Other people"), data="", expand=True)
                for person_id, _ in children:
                    add(group, person_id, [])
            else:
                add(self.root, faction_id, children)
        self.cursor_line = 0

    def label_for(self, entity_id: str) -> Text:
        store = self.view.store
        person = store.person(entity_id)
        mark = self.marks.get(entity_id, "")
        if person is not None:
            label = Text(person.name)
            if person.status == "deceased":
                label.append(f" {DEAD}")
            if mark:
                label.append(f" {mark}", style="bold")
            return label
        faction = store.faction(entity_id)
        assert faction is not None
        label = Text(faction.name)
        if mark:
            label.append(f" {mark}", style="bold")
        if faction.shown_stance:
            label.append(f"  {faction.shown_stance}", style="dim")
        return label

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        label = super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None:
            depth, parent = depth + 1, parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        if room > 1 and label.cell_len > room:
            label.truncate(room, overflow="ellipsis")  # a cut name says so
        if node.data and node.data in self.involved:
            label.stylize(self.get_component_rich_style("actor-tree--involved", partial=True))
        elif (
            node.data
            and (person := self.view.store.person(node.data))
            and person.status == "deceased"
        ):
            label.stylize(self.get_component_rich_style("actor-tree--dead", partial=True))
        return label

    def notify_style_update(self) -> None:
        """Focus in or out restyles the tree: Tree's own handler then re-lays out the screen and
        rebuilds every line; a repaint of the lines is all a colour change needs. The drawn lines
        are kept: their cache key holds the focus state, and render_lines drops them if the styles
        of a state they were drawn in have changed since (a theme)."""
        self._rich_styles.clear()
        Widget.notify_style_update(self)
        self.refresh()

    def get_component_rich_style(
        self, *names: str, partial: bool = False, default: Style | None = None
    ) -> Style:
        """Widget's, kept until the tree is restyled: Widget drops its own on every repaint, and
        a move elsewhere repaints the lines of the actors it involves, each line reading five
        component styles again (~0.1 ms a line)."""
        key = (names, partial, default)
        style = self._rich_styles.get(key)
        if style is None:
            style = super().get_component_rich_style(*names, partial=partial, default=default)
            self._rich_styles[key] = style
        return style

    def render_line(self, y: int) -> Strip:
        # Tree's reads the widget's style, a walk up every ancestor, for each line: here once a
        # render (render_lines)
        base = self._base_style
        if base is None:
            return super().render_line(y)
        scroll_x, scroll_y = self.scroll_offset
        return self._render_line(y + scroll_y, scroll_x, scroll_x + self.size.width, base)

    _styled: dict | None = None  # styles by focus state, as the kept lines were drawn
    _base_style: Style | None = None  # the widget's style, during one render_lines

    def render_lines(self, crop: Region) -> list[Strip]:
        state = self.get_pseudo_class_state()
        styled = (self.visual_style, dict(self._component_styles))
        if self._styled is None:
            self._styled = {}
        seen = self._styled.get(state)
        if seen is None:
            self._styled[state] = styled
        elif seen != styled:
            # the lines drawn in this focus state had other colours: draw every line again
            self._line_cache.clear()
            self._styled = {state: styled}
        self._base_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._base_style = None

    def watch_involved(self, old: frozenset[str], new: frozenset[str]) -> None:
        """Repaint only the lines of the actors whose involvement changed (no layout, no other
        line): their nodes' update counts are part of the line cache's key. Involvement flips a
        high bit of the count rather than adding to it, so a line comes back to the key it had
        when its actor is involved again (moving between items or panes): its cached line, not a
        new one (~0.2 ms a line)."""
        changed = old ^ new
        if not changed:
            return
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            stack.extend(node.children)
            if node.data in changed:
                node._updates ^= INVOLVED_BIT
        top = int(self.scroll_offset.y)
        lines = self._tree_lines
        for y in range(top, min(len(lines), top + self.size.height)):
            if lines[y].node.data in changed:
                self._refresh_line(y)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # As TextPane's: a layout pass elsewhere must not repaint the scrollbar, send a Resize
        # and (Tree's own handler) rebuild every line.
        seen = (size, self.virtual_size)
        if seen == self._sized:
            return False
        self._sized = seen
        return super()._size_updated(size, virtual_size, container_size, layout)

    def on_resize(self) -> None:
        """The card below grows and shrinks with the actor: keep the cursor in view."""
        self.call_after_refresh(self.keep_cursor_visible)

    def keep_cursor_visible(self) -> None:
        if self.is_attached and self.cursor_line >= 0:
            self.scroll_to_line(self.cursor_line, animate=False)

    def move_to(self, actor: str) -> None:
        self.ensure_populated()
        for line in range(self.last_line + 1):
            node = self.get_node_at_line(line)
            if node is not None and node.data == actor:
                self.cursor_line = line
                self.show_in_context()
                if not self.scrollable_content_region.height:  # not laid out yet (a restore)
                    self.call_after_refresh(self.show_in_context)
                return

    def show_in_context(self) -> None:
        """The cursor's line in view with as much of the tree above it as fits (its group's
        name among it), not at the top with its parents scrolled away."""
        height = self.scrollable_content_region.height
        line = self.cursor_line
        if not self.is_attached or line < 0 or not height:
            return
        view = int(self.scroll_offset.y)
        if view <= line < view + height and view <= max(0, line - height + 1):
            return  # in view, and scrolling up would not show more above it
        self.scroll_to(y=max(0, line - height + 1), animate=False, immediate=True)

    def post_message(self, message: Message) -> bool:
        """A highlight is the user's pick when the tree has the focus as the cursor moves (Tree
        posts it from its cursor's watcher): ``picked`` is set then, and the screen, watching it,
        selects the actor at once — not when the message is handled, a few task switches later,
        when in a burst (``3 j j 2``) the focus may have moved on."""
        if isinstance(message, Tree.NodeHighlighted) and self.has_focus and message.node.data:
            self.picked = message.node.data
        return super().post_message(message)

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        event.stop()

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[str]) -> None:
        event.stop()
        if event.node.data:
            self.post_message(self.ActorChosen(event.node.data))


class ActorCard(Static):
    """The detail card. The lines of the cards drawn last are kept by card (the Content object,
    size, colours and theme): moving back to an actor draws nothing anew (~1 ms a card)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._styles_cache = LineStylesCache(128)  # (a new card's lines: finished cheaply)
        self._drawn: dict[tuple, tuple[object, list[Strip]]] = {}

    def _render_content(self) -> None:
        content = self.content
        key = (id(content), self.size, self.visual_style, self.app.theme)
        kept = self._drawn.get(key)
        if kept is not None and kept[0] is content:
            self._render_cache = _RenderCache(self.size, kept[1])
            self._dirty_regions.clear()
            return
        super()._render_content()
        if len(self._drawn) >= 32:
            self._drawn.pop(next(iter(self._drawn)))
        self._drawn[key] = (content, self._render_cache.lines)  # (holding it keeps its id)


class ActorsPane(Vertical):
    """Tree above, detail card below; the selection comes down from the screen. The card scrolls
    (J / K) and says so on its top edge when it holds more than it shows."""

    BINDINGS = [
        Binding("J", "scroll_card(1)", "Scroll card down", show=False, id="card-down"),
        Binding("K", "scroll_card(-1)", "Scroll card up", show=False, id="card-up"),
    ]

    # No repaint of the whole pane when these change: the watchers redraw the card and the tree
    selection: reactive[Selection] = reactive(Selection, init=False, repaint=False)
    involved: reactive[frozenset[str]] = reactive(frozenset, init=False, repaint=False)
    hints: reactive[bool] = reactive(False, init=False, repaint=False)

    def __init__(self, view: BriefView, **kwargs) -> None:
        super().__init__(classes="pane", **kwargs)
        self._styles_cache = LineStylesCache(128)  # its frame's lines, kept across focus changes
        self.view = view
        self.hint_map: dict[str, CardLink] = {}  # hint key → link, while ``hints`` is on
        self._tallest: dict[int, int] = {}  # width → lines of the tallest card
        self._card_lines = 0  # lines of the card shown (without the padding), 0 if not known
        self._card_width = 0  # the width the card was drawn for
        self._cards: dict[tuple, tuple[Content, int]] = {}  # cards made: content, unpadded lines

    def watch_hints(self, hints: bool) -> None:
        """Hint mode numbers the card's links; the screen follows ``hint_map[key]``."""
        self.show_card(self.selection.actor, scroll=False)

    def show_card(self, actor: str | None, *, scroll: bool = True) -> None:
        """Draw the detail card for ``actor``: hint keys in hint mode, the user's notes on it."""
        self.hint_map = card_hints(self.view, actor) if self.hints else {}
        card = self.query_one("#actor-card", Static)
        notes = self.entity_notes(actor)
        # Every card is padded to the height of the brief's tallest (and to the box): the card
        # keeps its height from actor to actor and is redrawn in place. A change of height would
        # cost two layout passes and a repaint of the pane on every move through the tree.
        width, height = card.content_region.width, card.content_region.height
        self._card_width = width
        boxes = self.query("#actor-card-box").results(VerticalScroll)
        room = max((box.scrollable_content_region.height for box in boxes), default=0)
        # the same card (actor, hints, notes, size) is the same Content object: ActorCard keeps
        # its drawn lines, and a move back to an actor draws nothing anew
        key = (actor, self.hints, notes, width, room)
        made = self._cards.get(key)
        if made is None:
            content = detail_card(self.view, actor, self.hints, notes)
            lines = 0
            if width > 0:
                lines = content.get_height(card.styles, width)
                tallest = max(self.tallest_card(width, card), room)
                if lines < tallest:
                    content = content + Content("\n" * (tallest - lines))
            if len(self._cards) >= 64:
                self._cards.pop(next(iter(self._cards)))
            made = self._cards[key] = (content, lines)
        content, self._card_lines = made
        same = width > 0 and max(self._card_lines, room, self.tallest_card(width, card)) == height
        card.update(content, layout=not same)
        if scroll:
            for box in self.query("#actor-card-box").results(VerticalScroll):
                if box.scroll_y:  # (scrolling to where it is would still repaint the box)
                    box.scroll_home(animate=False)
        if same:
            self.mark_more()  # now: the title is drawn with the card, in the same update
        else:
            self.call_after_refresh(self.mark_more)  # once the new height is laid out

    def tallest_card(self, width: int, card: Static) -> int:
        """Lines of the brief's tallest card at ``width`` (without notes or hint keys), worked out
        once per width, on the first move (a few ms), not at start-up."""
        if width not in self._tallest:
            self._tallest[width] = max(
                (
                    detail_card(self.view, actor).get_height(card.styles, width)
                    for actor in self.view.brief.actors
                ),
                default=0,
            )
        return self._tallest[width]

    def compose(self):
        yield ActorTree(self.view, id="actor-tree").data_bind(ActorsPane.involved)
        with VerticalScroll(id="actor-card-box", can_focus=False):
            yield ActorCard(detail_card(self.view, None), id="actor-card")

    def on_mount(self) -> None:
        self.border_title = Content("3 Actors")

    def on_resize(self) -> None:
        self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        """A new size. A new width: the card is padded (and its overflow measured) for the old
        one. A new height (the status line came or went): the card may now fit, or not, and its
        top edge says so. The first time (after the first paint), the placeholder from compose
        is padded like every card, so that the first move into the tree keeps the card's height:
        no layout pass, one frame."""
        found = self.query("#actor-card")
        if not (self.is_attached and found):
            return
        width = found.first().content_region.width
        if width and width != self._card_width:
            self.show_card(self.selection.actor, scroll=False)
        else:  # a new height (the status line came or went): the card may now fit, or not
            self.mark_more()

    def entity_notes(self, actor: str | None) -> tuple[str, ...]:
        userdata = getattr(self.app, "userdata", None)
        if actor is None or userdata is None:
            return ()
        from ..userdata import Anchor, clean

        notes = userdata.notes(anchor=Anchor.of_entity(actor))
        return tuple(clean(n.text) for n in notes if n.saved)

    def refresh_marks(self) -> None:
        """Marks beside the actors the user noted or bookmarked; their notes in the card."""
        userdata = getattr(self.app, "userdata", None)
        if userdata is None:
            return
        marks: dict[str, str] = {}
        for bookmark in userdata.bookmarks(brief=None):
            entity = bookmark.anchor.entity
            if entity is not None and bookmark.saved:
                marks[entity] = "★"
        for note in userdata.notes(brief=None):
            entity = note.anchor.entity
            if entity is not None and note.saved and "✎" not in marks.get(entity, ""):
                marks[entity] = marks.get(entity, "") + "✎"
        self.query_one(ActorTree).set_marks(marks)
        self.show_card(self.selection.actor, scroll=False)

    def mark_more(self) -> None:
        """Title the card's top edge when it continues below (or above) what is shown."""
        found = self.query("#actor-card-box")
        if not self.is_attached or not found:
            return  # the screen was left before this ran (keys typed fast)
        box = found.first(VerticalScroll)
        end = self.card_end(box)
        if end <= 0:
            title = None
        elif box.scroll_y < end:
            title = "more below — J"
        else:
            title = "end — K"
        if (str(box.border_title) if box.border_title is not None else None) != title:
            box.border_title = None if title is None else Content(title)  # (a repaint)

    def card_end(self, box: VerticalScroll) -> int:
        """How far the card scrolls before its padding shows."""
        if not self._card_lines:
            return int(box.max_scroll_y)
        return min(int(box.max_scroll_y), self._card_lines - box.scrollable_content_region.height)

    def action_scroll_card(self, step: int) -> None:
        found = self.query("#actor-card-box")
        if not found:
            return
        box = found.first(VerticalScroll)
        target = box.scroll_y + step * max(1, box.scrollable_content_region.height - 1)
        box.scroll_to(y=max(0, min(target, self.card_end(box))), animate=False)
        self.call_after_refresh(self.mark_more)

    def watch_selection(self, old: Selection, new: Selection) -> None:
        if old.actor != new.actor:  # the card shows the actor: moving between items keeps it
            self.show_card(new.actor)
        self.involved = frozenset(self.view.actors_of(new.item))
        tree = self.query_one(ActorTree)
        if new.actor and not tree.has_focus and old.actor != new.actor:
            tree.move_to(new.actor)
