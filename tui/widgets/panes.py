"""The reader's text panes: Summary, Key takeaways, History and Source.

Each pane is an :class:`OptionList` of items (paragraphs, takeaways, events). The reader screen owns
the state — ``selection``, ``query`` and ``hints`` — and binds it into every pane with ``data_bind``;
a pane re-renders its items when any of them changes and reports the item the user moves to with a
:class:`ItemPane.Picked` message. Panes never talk to each other.

All article and content text goes through :class:`~textual.content.Content` built from plain strings,
never through markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..linking import BriefView, Selection, find_spans
from ..model import SourceRef
from .lists import KeyedOptionList
from .styles import HINT_KEYS, HINT_STYLE, MATCH_STYLE, MENTION_STYLE, REF_STYLE, SUPPORT_STYLE
from .timeline import axis_line


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """Something a hint can follow: an entity page or an item's source sentence."""

    kind: str  # "entity" | "source"
    target: str  # entity id, or the item key whose source to show
    start: int
    end: int


@dataclass(slots=True)
class PaneItem:
    key: str  # the item's selection key: "takeaway:2", "event:…", "p9"
    text: str
    field: str  # the mentions field, e.g. "summary"
    offset: int = 0  # where this text starts within that field
    prefix: str = ""
    refs: tuple[SourceRef, ...] = ()


def render_item(
    view: BriefView,
    item: PaneItem,
    selection: Selection,
    query: str,
    support: set[str] | None = None,
    hints: dict[int, str] | None = None,
) -> tuple[Content, list[LinkTarget]]:
    """An item's text with the selected actor's mentions, the search matches, the supporting
    sentences and (in hint mode) hint labels styled in; also the links it contains."""
    text = item.text
    content = Content(text)
    links = [
        LinkTarget("entity", m.entity, m.start - item.offset, m.end - item.offset)
        for m in view.by_field.get(item.field, [])
        if item.offset <= m.start and m.end <= item.offset + len(text)
    ]
    for start, end in view.spans(item.field, selection.actor, item.offset, item.offset + len(text)):
        content = content.stylize(MENTION_STYLE, start, end)
    if support:
        article = view.store.article(view.brief.id)
        if article is not None:
            for sentence in article.sentences():
                if sentence.id in support and item.offset <= sentence.start < item.offset + len(
                    text
                ):
                    content = content.stylize_before(
                        SUPPORT_STYLE, sentence.start - item.offset, sentence.end - item.offset
                    )
    for start, end in find_spans(text, query):
        content = content.stylize(MATCH_STYLE, start, end)
    if item.refs:
        sentences = list(
            dict.fromkeys(s for r in item.refs for s in (r.sentences or (r.sentence,)))
        )
        links.append(LinkTarget("source", item.key, len(text), len(text)))
        content = content + Content.styled(f"  [{', '.join(sentences)}]", REF_STYLE)
    if hints:
        pieces, cursor = [], 0
        for position in sorted(hints):
            pieces.append(content[cursor:position])
            pieces.append(Content.styled(f"{hints[position]}", HINT_STYLE))
            cursor = position
        pieces.append(content[cursor:])
        content = Content("").join(pieces)
    if item.prefix:
        content = Content.styled(item.prefix, "dim") + content
    return content, links


class ItemPane(KeyedOptionList):
    """Base of the text panes: items rendered with highlights, a cursor, and link hints."""

    selection: reactive[Selection] = reactive(Selection, init=False)
    search_text: reactive[str] = reactive("", init=False)
    hints: reactive[bool] = reactive(False, init=False)

    TITLE = ""

    @dataclass
    class Picked(Message):
        """The user moved to an item (``key``) or chose it (``chosen``)."""

        pane: ItemPane
        key: str
        chosen: bool = False

    def __init__(self, view: BriefView, *, id: str) -> None:
        super().__init__(id=id, classes="pane")
        self.view = view
        self.items: list[PaneItem] = []
        self.links: dict[int, list[LinkTarget]] = {}
        self.hint_map: dict[str, LinkTarget] = {}

    def build_items(self) -> list[PaneItem]:
        raise NotImplementedError

    def support(self) -> set[str] | None:
        return None

    def on_mount(self) -> None:
        self.border_title = Content(self.TITLE)
        self.rebuild()

    def rebuild(self) -> None:
        """Recompute the items (e.g. History narrowing) and redraw, keeping the cursor's item."""
        current = self.current_key()
        self.items = self.build_items()
        self.set_options(self.options_for(self.items))
        keys = [item.key for item in self.items]
        if current in keys:
            self.highlighted = keys.index(current)
        elif self.items:
            self.highlighted = 0

    def redraw(self) -> None:
        for index, option in enumerate(self.options_for(self.items)):
            self.replace_option_prompt_at_index(index, option.prompt)

    def options_for(self, items: list[PaneItem]) -> list[Option]:
        support = self.support()
        self.links.clear()
        self.hint_map.clear()
        options = []
        highlighted = self.highlighted
        for index, item in enumerate(items):
            hints = None
            if self.hints and index == highlighted:
                _, links = render_item(self.view, item, self.selection, self.search_text, support)
                hints = {}
                for number, link in enumerate(links[: len(HINT_KEYS)]):
                    hints[link.start] = HINT_KEYS[number]
                    self.hint_map[HINT_KEYS[number]] = link
            prompt, links = render_item(
                self.view, item, self.selection, self.search_text, support, hints
            )
            self.links[index] = links
            options.append(Option(prompt, id=item.key))
        return options

    def current_key(self) -> str | None:
        if self.highlighted is None or self.highlighted >= len(self.items):
            return None
        return self.items[self.highlighted].key

    def move_to(self, key: str, *, top: bool = False) -> bool:
        keys = [item.key for item in self.items]
        if key not in keys:
            return False
        self.highlighted = keys.index(key)
        self.scroll_to_highlight(top=top)
        return True

    def watch_selection(self) -> None:
        self.redraw()

    def watch_search_text(self) -> None:
        self.redraw()

    def watch_hints(self) -> None:
        self.redraw()

    def match_keys(self, query: str) -> list[str]:
        """Keys of the items whose text contains ``query``."""
        return [item.key for item in self.items if find_spans(item.text, query)]

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self.has_focus and event.option.id:
            self.post_message(self.Picked(self, event.option.id))
        if self.hints:
            self.redraw()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Picked(self, event.option.id, chosen=True))


class SummaryPane(ItemPane):
    TITLE = "1 Summary"

    def build_items(self) -> list[PaneItem]:
        offsets = self.view.summary_offsets()
        return [
            PaneItem(f"summary:{n}", p.text, "summary", offsets[n], refs=p.sources)
            for n, p in enumerate(self.view.brief.summary)
        ]


class TakeawaysPane(ItemPane):
    TITLE = "2 Key takeaways"

    def build_items(self) -> list[PaneItem]:
        return [
            PaneItem(f"takeaway:{n}", t.text, f"takeaway:{n}", prefix="• ", refs=t.sources)
            for n, t in enumerate(self.view.brief.takeaways)
        ]


class HistoryPane(ItemPane):
    """The timeline: events in date order, dates as written, narrowed to the selected actor."""

    TITLE = "4 History"

    def build_items(self) -> list[PaneItem]:
        events = self.view.events_of(self.selection.actor)
        return [
            PaneItem(
                f"event:{e.id}",
                e.text,
                f"event:{e.id}",
                prefix=f"{e.date.display()} — ",
                refs=e.sources,
            )
            for e in events
        ]

    def options_for(self, items: list[PaneItem]) -> list[Option]:
        options = super().options_for(items)
        if not items and self.selection.actor:
            name = self.view.store.name_of(self.selection.actor)
            options = [Option(Content(f"No dated events involve {name}."), disabled=True)]
        return options

    def watch_selection(self, old: Selection, new: Selection) -> None:
        if old.actor != new.actor:
            self.rebuild()
        else:
            self.redraw()
        self.update_title()

    def rebuild(self) -> None:
        super().rebuild()
        self.update_title()

    def update_title(self) -> None:
        actor = self.selection.actor
        shown = self.view.events_of(actor)
        if actor:
            name = self.view.store.name_of(actor)
            title = f"4 History — {name} ({len(shown)} of {len(self.view.events)})"
        else:
            title = "4 History"
        self.border_title = Content(title)
        marked = {e.id for e in shown} if actor else None
        self.border_subtitle = axis_line(self.view.events, marked, max(self.size.width - 6, 16))

    def on_resize(self) -> None:
        self.update_title()


class SourcePane(ItemPane):
    """The article, paragraph by paragraph, with the supporting sentences highlighted."""

    TITLE = "5 Source"

    def build_items(self) -> list[PaneItem]:
        article = self.view.store.article(self.view.brief.id)
        if article is None:
            return []
        return [
            PaneItem(p.id, article.text[p.start : p.end], "source", p.start, prefix=f"{p.id:>4} ")
            for p in article.paragraphs
        ]

    def support(self) -> set[str] | None:
        return self.view.sentence_ids(self.selection.item)

    def watch_selection(self, old: Selection, new: Selection) -> None:
        self.redraw()
        if new.item != old.item and new.item:
            self.show_support()
        elif new.actor != old.actor and new.actor and not new.item:
            self.show_first_mention(new.actor)

    def on_show(self) -> None:
        # In the narrow layout the pane was hidden when the selection moved it: scroll now.
        self.call_after_refresh(self.scroll_to_highlight, True)

    def show_first_mention(self, actor: str) -> None:
        """Scroll to the first paragraph that names the actor."""
        for item in self.items:
            if self.view.spans("source", actor, item.offset, item.offset + len(item.text)):
                self.move_to(item.key, top=True)
                return

    def show_support(self) -> None:
        """Scroll to the first paragraph holding a supporting sentence."""
        sentences = self.support()
        if not sentences:
            return
        first = min(sentences, key=lambda s: (int(s[1:].split(".")[0]), s))
        self.move_to(first.split(".")[0], top=True)
