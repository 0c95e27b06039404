"""The reader's text panes: Summary, Key takeaways, History and Source.

Each pane is one widget that draws its own lines (Textual's Line API): items — paragraphs,
takeaways, events — are wrapped to the pane's width on demand (line break offsets only, cached per
width) and only the visible lines are ever styled and drawn. A line is cached as a strip until the
highlight of its item changes; a new selection repaints only the items whose highlight changed.

The reader screen owns the state — ``selection``, ``search_text`` and ``hints`` — and binds it into
every pane with ``data_bind``; a pane reports the item the user moves to in its ``picked``
reactive, which the screen watches (at once, not a message later), and Enter with :class:`Chosen`.
Panes never talk to each other.

All article and content text goes through :class:`~textual.content.Content` built from plain
strings, never through markup.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import pairwise
from typing import NamedTuple

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import Widget

from ..linking import BriefView, Selection, find_spans
from ..model import SourceRef
from .linecache import LineStylesCache, ScrollbarLinesKept
from .styles import (
    HINT_KEYS,
    HINT_STYLE,
    MATCH_STYLE,
    MENTION_STYLE,
    REF_STYLE,
    SUPPORT_STYLE,
)
from .timeline import axis_line

PREFIX_STYLE = "dim"
MARK_STYLE = "bold $brief-link"  # ✎ ★ ● beside what they mark


# Plain classes rather than dataclasses: each dataclass costs ~0.5 ms of start-up to create.
class LinkTarget(NamedTuple):
    """Something a hint can follow: an entity page or one source sentence of an item."""

    kind: str  # "entity" | "source"
    target: str  # entity id, or the sentence id ("p12.s1")
    start: int  # where the hint label goes, in the item's text
    end: int
    item: str = ""  # the item's key


class PaneItem:
    __slots__ = (
        "field",
        "hang",
        "key",
        "mentions",
        "named",
        "offset",
        "prefix",
        "refs",
        "sentences",
        "text",
    )  # fmt: skip

    def __init__(
        self,
        key: str,  # the item's selection key: "takeaway:2", "event:…", "p9"
        text: str,
        field: str,  # the mentions field, e.g. "summary"
        offset: int = 0,  # where this text starts within that field
        prefix: str = "",
        refs: tuple[SourceRef, ...] = (),
        hang: bool = False,  # indent continuation lines under the text, past the prefix
    ) -> None:
        self.key, self.text, self.field, self.offset = key, text, field, offset
        self.prefix, self.refs, self.hang = prefix, refs, hang
        self.mentions: list[tuple[str, int, int]] = []  # entity, start, end
        self.sentences: list[tuple[str, int, int]] = []  # id, start, end
        self.named: frozenset[str] | None = None  # the entities mentioned, worked out once

    def __repr__(self) -> str:
        return f"PaneItem({self.key!r}, {self.text[:30]!r})"

    def ref_ids(self) -> list[str]:
        return list(dict.fromkeys(s for r in self.refs for s in (r.sentences or (r.sentence,))))

    def entities(self) -> frozenset[str]:
        if self.named is None:
            self.named = frozenset(entity for entity, _, _ in self.mentions)
        return self.named


class _Shown:
    """One item as drawn: its text with prefix, hint labels and source ids, and its styles."""

    __slots__ = ("hints", "indent", "long_spans", "longest", "spans", "text")

    def __init__(
        self,
        text: str,
        spans: list[tuple[int, int, str]],  # start, end, style; short ones sorted by start
        longest: int,
        long_spans: list[tuple[int, int, str]],  # the few long ones (supporting sentences)
        indent: int,
        hints: dict[str, LinkTarget],
    ) -> None:
        self.text, self.spans, self.longest = text, spans, longest
        self.long_spans, self.indent, self.hints = long_spans, indent, hints


def wrap_offsets(text: str, width: int, indent: int = 0) -> list[int]:
    """Where each wrapped line of ``text`` starts, breaking at spaces (words longer than a line
    are cut); lines after the first are ``indent`` cells narrower. Runs at C speed for ASCII."""
    width = max(width, 4)
    rest = max(width - indent, 4)
    starts = [0]
    start, size, avail = 0, len(text), width
    ascii_text = text.isascii()
    while True:
        newline = text.find("\n", start, start + avail + 1)
        if ascii_text or text[start : start + avail + 1].isascii():
            if newline == -1 and size - start <= avail:
                break
            end = start + avail
        else:  # wide characters: count cells one by one for this line only
            cells, end = 0, start
            while end < size and cells + get_character_cell_size(text[end]) <= avail:
                cells += get_character_cell_size(text[end])
                end += 1
            if newline == -1 and end >= size:
                break
        if newline != -1 and newline <= end:
            following = newline + 1
        else:
            cut = text.rfind(" ", start + 1, end + 1)
            following = cut + 1 if cut > start else max(end, start + 1)
        while following < size and text[following] == " ":
            following += 1  # a continuation line never starts with the space it broke at
        if following >= size:
            break
        starts.append(following)
        start, avail = following, rest
    return starts


class TextPane(ScrollbarLinesKept, ScrollView, can_focus=True):
    """Base of the text panes: items drawn with highlights, an item cursor, a pager, and link hints."""

    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown,space,ctrl+f", "page(1)", "Page down", show=False),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("enter", "choose", "Open", show=False),
    ]
    COMPONENT_CLASSES = {"text-pane--cursor"}
    DEFAULT_CSS = """
    TextPane { overflow-x: hidden; }
    TextPane > .text-pane--cursor {
        color: $foreground;
        background: $boost;
    }
    TextPane:focus > .text-pane--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-blurred-background;
    }
    """

    selection: reactive[Selection] = reactive(Selection, init=False, repaint=False)
    search_text: reactive[str] = reactive("", init=False, repaint=False)
    hints: reactive[bool] = reactive(False, init=False, repaint=False)
    # the key of the item the user moved to (the pane has the focus): the screen watches it, so
    # the selection follows the cursor at once, before the next key (a message arrived a few
    # task switches later); Enter on the item comes as Chosen
    picked: reactive[str] = reactive("", init=False, repaint=False, always_update=True)

    TITLE = ""

    class Chosen(Message):
        """The user chose an item (``key``): enter was pressed on it."""

        def __init__(self, pane: TextPane, key: str) -> None:
            super().__init__()
            self.pane, self.key = pane, key

    def __init__(self, view: BriefView, *, id: str) -> None:
        super().__init__(id=id, classes="pane")
        self._styles_cache = LineStylesCache()  # finished lines kept across scrolls and focus
        self.view = view
        self.items: list[PaneItem] = self.build_items()
        self.cursor = 0
        self.empty_text = ""
        self._width = 0  # the width the line map was made for
        self._wraps: list[list[int]] = []
        self._tops: list[int] = [0]
        self._shown: dict[int, _Shown] = {}
        self._strips: LRUCache[tuple, Strip] = LRUCache(1024)
        self._looks: dict[int, tuple] = {}  # each item's look (see _look), until it changes
        self._support: set[str] = set()
        self._pending: Callable[[], None] | None = None  # a scroll asked for before layout
        self._sized: tuple[Size, Size] | None = None  # size and virtual size last laid out
        self._frame: tuple[int, int] | None = None  # width and scroll top, during a render
        self._row_styles: dict[tuple, RichStyle] = {}  # (base, span styles) → combined style
        self._styled: tuple | None = None  # the pane's visual style and theme the lines are for
        self.marks: dict[str, str] = {}  # item or "sentence:ID" key → mark (note, bookmark, new)

    # -- content ---------------------------------------------------------------------------------
    def build_items(self) -> list[PaneItem]:
        raise NotImplementedError

    def support(self) -> set[str]:
        return set()

    def _with_mentions(self, items: list[PaneItem]) -> list[PaneItem]:
        by_field: dict[str, tuple[list[int], list]] = {}
        for item in items:
            if item.field not in by_field:
                mentions = sorted(self.view.by_field.get(item.field, []), key=lambda m: m.start)
                by_field[item.field] = ([m.start for m in mentions], mentions)
            starts, mentions = by_field[item.field]
            end = item.offset + len(item.text)
            first, last = bisect_left(starts, item.offset), bisect_left(starts, end)
            item.mentions = [
                (m.entity, m.start - item.offset, m.end - item.offset)
                for m in mentions[first:last]
                if m.end <= end
            ]
        return items

    @property
    def hint_map(self) -> dict[str, LinkTarget]:
        if not (self.hints and self.has_focus and self.items):
            return {}
        return self._show(self.cursor).hints

    def links(self, index: int) -> list[LinkTarget]:
        """Every link of an item: each mention, then each supporting sentence."""
        item = self.items[index]
        found = [
            LinkTarget("entity", entity, start, end, item.key)
            for entity, start, end in sorted(item.mentions, key=lambda m: m[1])
        ]
        found += [
            LinkTarget("source", sentence, len(item.text), len(item.text), item.key)
            for sentence in item.ref_ids()
        ]
        return found

    def _show(self, index: int) -> _Shown:
        shown = self._shown.get(index)
        if shown is not None:
            return shown
        item = self.items[index]
        hints: dict[str, LinkTarget] = {}
        labels: dict[int, list[tuple[str, str]]] = {}  # text position → labels placed before it
        suffix_labels: dict[str, str] = {}
        marks = self.marks
        if marks:  # reading-state marks: the item's after its prefix, a sentence's before it
            mark = marks.get(item.key)
            if mark:
                labels.setdefault(0, []).append((f"{mark} ", MARK_STYLE))
            for sentence, start, _ in item.sentences:
                mark = marks.get(f"sentence:{sentence}")
                if mark:
                    labels.setdefault(start, []).append((f"{mark} ", MARK_STYLE))
        if self.hints and index == self.cursor and self.has_focus:
            for key, link in zip(HINT_KEYS, self.links(index), strict=False):
                hints[key] = link
                if link.kind == "entity":
                    labels.setdefault(link.start, []).append((key, HINT_STYLE))
                else:
                    suffix_labels[link.target] = key
        spans: list[tuple[int, int, str]] = []
        long_spans: list[tuple[int, int, str]] = []
        pieces: list[str] = [item.prefix]
        if item.prefix:
            spans.append((0, len(item.prefix), PREFIX_STYLE))
        base = len(item.prefix)
        # the map from text offsets to shown offsets moves by the labels inserted before them
        cuts = sorted(labels)
        shift_at: list[int] = []
        shift: list[int] = []
        total = 0
        cursor = 0
        for position in cuts:
            pieces.append(item.text[cursor:position])
            for key, label_style in labels[position]:
                start = base + position + total
                pieces.append(key)
                spans.append((start, start + len(key), label_style))
                total += len(key)
            shift_at.append(position)
            shift.append(total)
            cursor = position
        pieces.append(item.text[cursor:])

        def at(position: int) -> int:
            n = bisect_right(shift_at, position)
            return base + position + (shift[n - 1] if n else 0)

        actor = self.selection.actor
        if actor:
            spans += [(at(s), at(e), MENTION_STYLE) for a, s, e in item.mentions if a == actor]
        if self._support:
            long_spans += [
                (at(s), at(e), SUPPORT_STYLE) for i, s, e in item.sentences if i in self._support
            ]
        if self.search_text:
            spans += [
                (at(s), at(e), MATCH_STYLE) for s, e in find_spans(item.text, self.search_text)
            ]
        text = "".join(pieces)
        ids = item.ref_ids()
        if ids:
            parts = []
            for n, sentence in enumerate(ids):
                if n:
                    parts.append(", ")
                if sentence in suffix_labels:
                    parts.append(suffix_labels[sentence])
                parts.append(sentence)
            suffix = f"  [{''.join(parts)}]"
            start = len(text)
            long_spans.append((start, start + len(suffix), REF_STYLE))
            position = start + 3
            for n, sentence in enumerate(ids):
                if n:
                    position += 2
                if sentence in suffix_labels:
                    key = suffix_labels[sentence]
                    spans.append((position, position + len(key), HINT_STYLE))
                    position += len(key)
                position += len(sentence)
            text += suffix
        spans.sort()
        longest = max((e - s for s, e, _ in spans), default=0)
        indent = cell_len(item.prefix) if item.hang and len(item.prefix) < 12 else 0
        shown = _Shown(text, spans, longest, long_spans, indent, hints)
        self._shown[index] = shown
        return shown

    # -- the line map ----------------------------------------------------------------------------
    def _wrap_width(self) -> int:
        return max(self.size.width - 1, 10)  # one column kept for the scrollbar

    def _layout(self, force: bool = False) -> None:
        """Wrap every item (line starts only) for the current width and set the virtual size."""
        if not self.size.width:
            return  # not laid out yet: the first Resize wraps
        width = self._wrap_width()
        if width == self._width and not force and len(self._wraps) == len(self.items):
            return
        self._width = width
        self._wraps = []
        tops = [0]
        for index in range(len(self.items)):
            shown = self._show(index)
            starts = wrap_offsets(shown.text, width, shown.indent)
            self._wraps.append(starts)
            tops.append(tops[-1] + len(starts))
        self._tops = tops
        self._set_virtual_height(tops[-1])

    def _set_virtual_height(self, lines: int) -> None:
        if not lines and self.empty_text:
            lines = len(wrap_offsets(self.empty_text, self._width))
        size = Size(self._width, lines)
        old = self.virtual_size
        if size == old:
            return
        view = self.scrollable_content_region.height
        if old.height and (old.height > view) == (size.height > view):
            # the scrollbar neither comes nor goes: update it without laying out the screen
            self.set_reactive(Widget.virtual_size, size)
            self._scroll_update(size)
            self.refresh()
        else:
            self.virtual_size = size

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # ScrollView compares the parent's content size with its own (less the border), so every
        # layout pass anywhere on the screen refreshed this pane's scrollbar and sent it a Resize
        # (which redraws History's time axis). The pane's size is all that matters here.
        seen = (size, self.virtual_size)
        if seen == self._sized and self._pending is None:
            return False  # (a scroll waiting for the pane to show still needs its Resize)
        self._sized = seen
        return super()._size_updated(size, virtual_size, container_size, layout)

    def _rewrap(self, index: int) -> None:
        """Re-wrap one item whose shown text changed (hint labels); other items keep their lines."""
        if not self._width or index >= len(self._wraps):
            return
        shown = self._show(index)
        starts = wrap_offsets(shown.text, self._width, shown.indent)
        if len(starts) != len(self._wraps[index]):
            self._wraps[index] = starts
            self._layout_tops()
        else:
            self._wraps[index] = starts

    def _layout_tops(self) -> None:
        tops = [0]
        for starts in self._wraps:
            tops.append(tops[-1] + len(starts))
        self._tops = tops
        self._set_virtual_height(tops[-1])
        self.refresh()

    def item_at_line(self, y: int) -> int:
        return max(0, min(bisect_right(self._tops, y) - 1, len(self.items) - 1))

    def on_resize(self, event: events.Resize) -> None:
        laid_out = bool(self._width)
        self._layout()
        pending, self._pending = self._pending, None
        if pending is not None:
            # the new virtual size reaches the scroll limits with the next refresh: scroll then
            self.call_after_refresh(pending)
        elif laid_out:  # a live resize re-wrapped the items: the old scroll line means another
            self.call_after_refresh(self.keep_in_view)

    def keep_in_view(self) -> None:
        """After a resize: the cursor's item back in view, unless some of it shows already."""
        if not self.items or not self._laid_out() or self.cursor + 1 >= len(self._tops):
            return
        top, bottom = self._tops[self.cursor], self._tops[self.cursor + 1]
        view = int(self.scroll_offset.y)
        if bottom <= view or top >= view + self.page_height:
            self._show_item(self.cursor)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        # Focus in or out restyles the pane but changes only the cursor item's colours (part of
        # the line cache's key): keep the other lines unless the pane's own colours or the theme
        # changed.
        try:
            styled = (self.visual_style, self.app.theme)
        except Exception:  # not attached yet
            styled = None
        if styled is None or styled != self._styled:
            self._strips.clear()
            self._row_styles.clear()
        self._styled = styled

    # -- drawing ---------------------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        # The line map, the width and the scroll position are worked out once for all the lines
        # of one render, not once per line (each is a chain of Textual properties).
        self._layout()
        self._frame = (self.scrollable_content_region.width, int(self.scroll_offset.y))
        try:
            return super().render_lines(crop)
        finally:
            self._frame = None

    def render_line(self, y: int) -> Strip:
        frame = self._frame
        if frame is None:
            self._layout()
            width, top = self.scrollable_content_region.width, int(self.scroll_offset.y)
        else:
            width, top = frame
        line = top + y
        if not self.items:
            base = self.visual_style
            starts = wrap_offsets(self.empty_text, self._width or width) if self.empty_text else []
            if line < len(starts):
                end = starts[line + 1] if line + 1 < len(starts) else len(self.empty_text)
                piece = Content(self.empty_text[starts[line] : end])
                segments = piece.stylize("dim italic").render_segments(base)
                return Strip(segments).crop_extend(0, width, base.rich_style)
            return Strip.blank(width, base.rich_style)
        if line >= self._tops[-1]:
            return Strip.blank(width, self.visual_style.rich_style)
        index = self.item_at_line(line)
        row = line - self._tops[index]
        is_cursor = index == self.cursor
        # focus changes only the cursor item's colours: other lines keep their cached strips. A
        # line is kept by its item (not its place: History's items change with the actor, and a
        # re-wrap moves them), its row in the item, the width and the item's look (its
        # highlights, rather than a count of its changes): it comes back from the cache when its
        # item looks as it did — moving back and forth, or History showing an actor again
        key = (
            self.items[index].key,
            row,
            width,
            self._look(index),
            is_cursor,
            is_cursor and self.has_focus,
        )
        strip = self._strips.get(key)
        if strip is None:
            strip = self._render_row(index, row, width, is_cursor)
            self._strips[key] = strip
        return strip

    def _render_row(self, index: int, row: int, width: int, is_cursor: bool) -> Strip:
        shown = self._show(index)
        starts = self._wraps[index]
        start = starts[row]
        end = starts[row + 1] if row + 1 < len(starts) else len(shown.text)
        text = shown.text[start:end].rstrip("\n")
        size = len(text)
        # The row's spans in the order Content would stack them: the long ones (supporting
        # sentences, source ids) under the short ones, each list in the order it was applied.
        short: list[tuple[int, int, str]] = []
        low = bisect_right(shown.spans, (start - shown.longest - 1,))
        for span_start, span_end, style in shown.spans[low:]:
            if span_start >= end:
                break
            if span_end > start:
                short.append((max(span_start - start, 0), span_end - start, style))
        under = [
            (max(span_start - start, 0), min(span_end, end) - start, style)
            for span_start, span_end, style in shown.long_spans
            if span_start < end and span_end > start
        ]
        spans = [
            span for span in (*reversed(under), *short) if span[0] < size and span[1] > span[0]
        ]
        base = self.get_visual_style("text-pane--cursor") if is_cursor else self.visual_style
        if not text.isprintable():  # (control characters: Content strips them, shifting spans)
            return self._render_row_content(text, spans, shown.indent if row else 0, base, width)
        base_rich = base.rich_style
        segments: list[Segment] = []
        if row and shown.indent:
            segments.append(Segment(" " * shown.indent, base_rich))
        if not spans:
            segments.append(Segment(text, base_rich))
        else:
            cuts = sorted(
                {
                    0,
                    size,
                    *(min(s, size) for s, _, _ in spans),
                    *(min(e, size) for _, e, _ in spans),
                }
            )
            for left, right in pairwise(cuts):
                names = tuple(style for s, e, style in spans if s <= left and e >= right)
                segments.append(Segment(text[left:right], self._row_style(base, names)))
        return Strip(segments).crop_extend(0, width, base_rich)

    def _row_style(self, base: VisualStyle, names: tuple[str, ...]) -> RichStyle:
        """The rich style of text under ``names`` (style strings, bottom first) on ``base``,
        combined as Content combines them; kept until the pane is restyled."""
        if not names:
            return base.rich_style
        key = (base, names)
        found = self._row_styles.get(key)
        if found is None:
            found = VisualStyle.combine([base, *(VisualStyle.parse(n) for n in names)]).rich_style
            self._row_styles[key] = found
        return found

    def _render_row_content(
        self,
        text: str,
        spans: list[tuple[int, int, str]],
        indent: int,
        base: VisualStyle,
        width: int,
    ) -> Strip:
        """A row drawn through Content (text with control characters, which Content strips)."""
        content = Content(text)
        for span_start, span_end, style in spans:
            content = content.stylize(style, span_start, span_end)
        if indent:
            content = Content(" " * indent) + content
        segments = content.render_segments(base)
        return Strip(segments).crop_extend(0, width, base.rich_style)

    def refresh_item(self, index: int) -> None:
        """Draw one item afresh: repaint its visible lines, and nothing else."""
        if not 0 <= index < len(self.items):
            return
        self._looks.pop(index, None)
        self.repaint_item(index)

    def _look(self, index: int) -> tuple:
        """What an item's drawn lines depend on besides its text (everything _show reads): the
        selected actor if the item names them, the supporting sentences in it, the search, its
        reading marks, hint labels on it."""
        look = self._looks.get(index)
        if look is None:
            item = self.items[index]
            actor = self.selection.actor
            support = self._support
            marks = self.marks
            look = self._looks[index] = (
                actor if actor and any(a == actor for a, _, _ in item.mentions) else None,
                frozenset(s for s, _, _ in item.sentences if s in support) if support else None,
                self.search_text,
                (
                    marks.get(item.key),
                    tuple(marks.get(f"sentence:{s}") for s, _, _ in item.sentences),
                )
                if marks
                else None,
                bool(self.hints) and index == self.cursor and self.has_focus,
            )
        return look

    def repaint_item(self, index: int) -> None:
        """Repaint the visible lines of one item from the lines kept for it (the cursor's lines
        are kept for focus and for blur: a focus change draws nothing new)."""
        if not self._width or index + 1 >= len(self._tops):
            return
        top, bottom = self._tops[index], self._tops[index + 1]
        view_top = int(self.scroll_offset.y)
        view_bottom = view_top + self.scrollable_content_region.height
        first, last = max(top, view_top), min(bottom, view_bottom)
        if first < last:
            self.refresh_lines(first, last - first)

    def restyle(self, indices: set[int] | None = None) -> None:
        """Drop the drawn form of some items (all by default) and repaint what shows of them."""
        if indices is None:
            self._shown.clear()
            self._looks.clear()
            self._strips.clear()
            self.refresh()
            return
        for index in indices:
            self._shown.pop(index, None)
            self.refresh_item(index)

    def set_marks(self, marks: dict[str, str]) -> None:
        """Show reading-state marks (✎ note, ★ bookmark, ● changed since read) beside items and
        source sentences; only the items whose marks changed are re-wrapped and repainted."""
        old, self.marks = self.marks, marks
        if old == marks:
            return
        changed = {k for k in old.keys() | marks.keys() if old.get(k) != marks.get(k)}
        for index, item in enumerate(self.items):
            if item.key in changed or any(f"sentence:{s}" in changed for s, _, _ in item.sentences):
                self._shown.pop(index, None)
                self._rewrap(index)
                self.refresh_item(index)

    def rebuild(self) -> None:
        """Recompute the items (e.g. History narrowing) and redraw, keeping the cursor's item."""
        current = self.current_key()
        self.items = self.build_items()
        self._looks.clear()
        self._shown.clear()
        keys = [item.key for item in self.items]
        self.cursor = keys.index(current) if current in keys else 0
        self._width = 0
        self._wraps = []
        if self.size.width:
            self._layout(force=True)
            self._scroll_line(0)
        self.refresh()

    # -- cursor and scrolling --------------------------------------------------------------------
    @property
    def page_height(self) -> int:
        return max(self.scrollable_content_region.height, 1)

    @property
    def highlighted(self) -> int | None:
        return self.cursor if self.items else None

    def current_key(self) -> str | None:
        if not self.items or self.cursor >= len(self.items):
            return None
        return self.items[self.cursor].key

    def _scroll_line(self, y: int) -> None:
        total = self._tops[-1] if self._tops else 0
        y = max(0, min(y, total - self.page_height))
        # forced: a pane just shown (the narrow layout) has its lines laid out but no scrollbar
        # yet, and Textual ignores a scroll it does not allow (Source stayed at p1 after a burst
        # `j j enter` at 80×24)
        self.scroll_to(y=y, animate=False, immediate=True, force=True)

    def _set_cursor(self, index: int, *, notify: bool = True) -> None:
        if not self.items:
            return
        index = max(0, min(index, len(self.items) - 1))
        if index == self.cursor:
            return
        old, self.cursor = self.cursor, index
        if self.hints:
            self._shown.pop(old, None)
            self._shown.pop(index, None)
            self._rewrap(old)
            self._rewrap(index)
        self.refresh_item(old)
        self.refresh_item(index)
        if notify and self.has_focus:
            self.picked = self.items[index].key

    def _show_item(self, index: int, *, top: bool = False, line: int = 0) -> None:
        """Scroll so the item is in view: its top (or ``line`` of it) when asked or when it is
        taller than the pane, else as little as needed."""
        self._layout()
        if not self._width:
            self._pending = lambda: self._show_item(index, top=top, line=line)
            return
        if not self.items or index + 1 >= len(self._tops):
            return
        start, end = self._tops[index], self._tops[index + 1]
        view = int(self.scroll_offset.y)
        height = self.page_height
        if top or end - start > height:
            self._scroll_line(start + line)
        elif start < view:
            self._scroll_line(start)
        elif end > view + height:
            self._scroll_line(end - height)

    def move_to(self, key: str, *, top: bool = False, notify: bool = False) -> bool:
        keys = [item.key for item in self.items]
        if key not in keys:
            return False
        self._set_cursor(keys.index(key), notify=notify)
        self._show_item(self.cursor, top=top)
        return True

    def _laid_out(self) -> bool:
        """Wrapped for a width (a hidden pane in the narrow layout is not, until it shows)."""
        self._layout()
        return bool(self._width) and len(self._tops) == len(self.items) + 1

    def action_cursor_down(self) -> None:
        if not self.items:
            return
        if not self._laid_out():
            self._set_cursor(self.cursor + 1)
            self._show_item(self.cursor)
            return
        view = int(self.scroll_offset.y)
        if self._tops[self.cursor + 1] > view + self.page_height:
            self._scroll_line(view + 1)  # the item goes on below: read on within it
        elif self.cursor + 1 < len(self.items):
            self._set_cursor(self.cursor + 1)
            self._show_item(self.cursor)

    def action_cursor_up(self) -> None:
        if not self.items:
            return
        if not self._laid_out():
            self._set_cursor(self.cursor - 1)
            self._show_item(self.cursor)
            return
        view = int(self.scroll_offset.y)
        if self._tops[self.cursor] < view:
            self._scroll_line(view - 1)
        elif self.cursor > 0:
            self._set_cursor(self.cursor - 1)
            start, end = self._tops[self.cursor], self._tops[self.cursor + 1]
            if end - start > self.page_height:
                self._scroll_line(end - self.page_height)  # enter a long item at its end
            else:
                self._show_item(self.cursor)

    def _page(self, lines: int) -> None:
        if not self.items:
            return
        if not self._laid_out():
            self._set_cursor(self.cursor + (1 if lines > 0 else -1))
            self._show_item(self.cursor)
            return
        view = int(self.scroll_offset.y)
        self._scroll_line(view + lines)
        now = int(self.scroll_offset.y)
        if now == view:  # at the end (or the start) already: step the cursor instead
            self._set_cursor(self.cursor + (1 if lines > 0 else -1))
            self._show_item(self.cursor)
            return
        target = self.item_at_line(now)
        if target < self.cursor <= self.item_at_line(now + self.page_height - 1):
            target = self.cursor if lines < 0 else target
        if (
            lines > 0
            and self._tops[target] < now
            and self._tops[target + 1] <= now + self.page_height
        ):
            target = min(target + 1, len(self.items) - 1)  # its end shows: next item is current
        self._set_cursor(target)

    def action_page(self, direction: int) -> None:
        self._page(direction * self.page_height)

    def action_half_page(self, direction: int) -> None:
        self._page(direction * max(self.page_height // 2, 1))

    def action_first(self) -> None:
        self._layout()
        self._set_cursor(0)
        self._scroll_line(0)

    def action_last(self) -> None:
        self._layout()
        if not self.items:
            return
        self._set_cursor(len(self.items) - 1)
        self._scroll_line(self._tops[-1])

    def action_choose(self) -> None:
        if self.items:
            self.post_message(self.Chosen(self, self.items[self.cursor].key))

    def on_click(self, event: events.Click) -> None:
        if self.items and self._laid_out():
            line = int(self.scroll_offset.y) + event.y
            if line < self._tops[-1]:
                self.focus()
                self._set_cursor(self.item_at_line(line))

    # -- state from the screen -------------------------------------------------------------------
    def on_mount(self) -> None:
        self.border_title = Content(self.TITLE)

    def watch_selection(self, old: Selection, new: Selection) -> None:
        self.apply_selection(old, new)

    def apply_selection(self, old: Selection, new: Selection) -> None:
        """Restyle only the items whose highlight changes; follow an item that is ours."""
        changed: set[int] = set()
        if old.actor != new.actor:
            for index, item in enumerate(self.items):
                if item.mentions and {old.actor, new.actor} & item.entities():
                    changed.add(index)
        support = self.support()
        if support != self._support:
            for index, item in enumerate(self.items):
                if any(s in support or s in self._support for s, _, _ in item.sentences):
                    changed.add(index)
            self._support = support
        self.restyle(changed)
        if new.item and new.item != self.current_key() and new.item != old.item:
            self.move_to(new.item)

    def watch_search_text(self) -> None:
        self.restyle()

    def watch_hints(self) -> None:
        if not self.items:
            return
        self._shown.pop(self.cursor, None)
        self._rewrap(self.cursor)
        self.refresh_item(self.cursor)
        self.refresh()

    # Focus in or out changes the pane's frame (restyled, repainted by the screen) and the colours
    # of the cursor's lines. Textual's own handlers (which these replace: prevent_default) also
    # repaint every cell of the pane, all of it written to the terminal again.
    def on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self.has_focus = False
        if self.items:
            self.repaint_item(self.cursor)
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))

    def on_focus(self, event: events.Focus) -> None:
        event.prevent_default()
        self.has_focus = True
        if self.items:
            self.repaint_item(self.cursor)
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def match_keys(self, query: str) -> list[str]:
        """Keys of the items whose text contains ``query``."""
        return [item.key for item in self.items if find_spans(item.text, query)]

    def plain_lines(self) -> list[str]:
        """Every item's text as drawn (prefix, hint labels, source ids), one string per item."""
        return [self._show(n).text for n in range(len(self.items))] or (
            [self.empty_text] if self.empty_text else []
        )

    def visible_text(self) -> str:
        """The lines the pane shows right now, as plain text."""
        height = self.scrollable_content_region.height
        return "\n".join(self.render_line(y).text.rstrip() for y in range(height))


ItemPane = TextPane  # the name the reader and tests used before


class SummaryPane(TextPane):
    TITLE = "1 Summary"

    def build_items(self) -> list[PaneItem]:
        offsets = self.view.summary_offsets()
        return self._with_mentions(
            [
                PaneItem(f"summary:{n}", p.text, "summary", offsets[n], refs=p.sources)
                for n, p in enumerate(self.view.brief.summary)
            ]
        )


class TakeawaysPane(TextPane):
    TITLE = "2 Key takeaways"

    def build_items(self) -> list[PaneItem]:
        return self._with_mentions(
            [
                PaneItem(
                    f"takeaway:{n}", t.text, f"takeaway:{n}", prefix="• ", refs=t.sources, hang=True
                )
                for n, t in enumerate(self.view.brief.takeaways)
            ]
        )


class HistoryPane(TextPane):
    """The timeline: events in date order, dates as written, narrowed to the selected actor."""

    TITLE = "4 History"

    def build_items(self) -> list[PaneItem]:
        actor = self.selection.actor
        events = self.view.events_of(actor)
        items = [
            PaneItem(
                f"event:{e.id}",
                e.text,
                f"event:{e.id}",
                prefix=f"{e.date.display()} — ",
                refs=e.sources,
            )
            for e in events
        ]
        self.empty_text = (
            f"No dated events involve {self.view.store.name_of(actor)}." if actor else ""
        )
        return self._with_mentions(items)

    def watch_selection(self, old: Selection, new: Selection) -> None:
        if old.actor != new.actor:
            self.rebuild()
            if new.item and new.item != self.current_key():
                self.move_to(new.item)
            self.update_title()
        else:
            self.apply_selection(old, new)

    def on_mount(self) -> None:
        super().on_mount()
        self.border_title = Content(self.TITLE)  # the time axis is drawn once the width is known

    def _set_virtual_height(self, lines: int) -> None:
        # At least a line more than the pane shows: History narrows to the selected actor's
        # events, and a scrollbar that came and went with each actor re-laid out the whole screen
        # on a move in Actors. With the scrollbar always there, a move only repaints.
        view = self.scrollable_content_region.height
        if view:
            if not lines and self.empty_text:
                lines = len(wrap_offsets(self.empty_text, self._width))
            lines = max(lines, view + 1)
        super()._set_virtual_height(lines)

    def update_title(self) -> None:
        actor = self.selection.actor
        shown = self.view.events_of(actor)
        if actor:
            name = self.view.store.name_of(actor)
            # the count first: a narrow pane cuts the end of its title
            title = f"4 History ({len(shown)} of {len(self.view.events)}) — {name}"
        else:
            title = "4 History"
        self.border_title = Content(title)
        marked = {e.id for e in shown} if actor else None
        self.border_subtitle = axis_line(self.view.events, marked, max(self.size.width - 6, 16))

    def on_resize(self, event: events.Resize) -> None:
        super().on_resize(event)
        self.update_title()


class SourcePane(TextPane):
    """The article, paragraph by paragraph, with the supporting sentences highlighted."""

    TITLE = "5 Source"

    def build_items(self) -> list[PaneItem]:
        article = self.view.store.article(self.view.brief.id)
        if article is None:
            return []
        items = []
        for p in article.paragraphs:
            item = PaneItem(
                p.id,
                article.text[p.start : p.end],
                "source",
                p.start,
                prefix=f"{p.id:>4} ",
                hang=True,
            )
            item.sentences = [(s.id, s.start - p.start, s.end - p.start) for s in p.sentences]
            items.append(item)
        return self._with_mentions(items)

    def support(self) -> set[str]:
        return self.view.sentence_ids(self.selection.item)

    def apply_selection(self, old: Selection, new: Selection) -> None:
        super().apply_selection(old, new)
        if new.item != old.item and new.item:
            self.show_support()
        elif new.actor != old.actor and new.actor and not new.item:
            self.show_first_mention(new.actor)

    def on_show(self) -> None:
        # In the narrow layout the pane may have been hidden when the selection moved its cursor:
        # bring the cursor's paragraph into view, unless some of it shows already.
        self.call_after_refresh(self.keep_in_view)

    def keep_in_view(self) -> None:
        """The cursor's paragraph in view; when it holds the support, the supporting sentence's
        line (a long paragraph re-wrapped by a resize can hide it)."""
        if not self.items or not self._laid_out():
            return
        support = self._support or self.support()
        holds = any(s in support for s, _, _ in self.items[self.cursor].sentences)
        if holds and not self._support_line_shown(support):
            self.show_support()
            return
        super().keep_in_view()

    def _support_line_shown(self, support: set[str]) -> bool:
        item = self.items[self.cursor]
        start = next((start for s, start, _ in item.sentences if s in support), None)
        if start is None or self.cursor >= len(self._wraps):
            return True
        offset = len(item.prefix) + start
        line = self._tops[self.cursor] + max(0, bisect_right(self._wraps[self.cursor], offset) - 1)
        view = int(self.scroll_offset.y)
        return view <= line < view + self.page_height

    def show_first_mention(self, actor: str) -> None:
        """Scroll to the first paragraph that names the actor, unless all of it shows already
        (moving through Actors then leaves Source where it is: no scroll, no whole-pane redraw)."""
        for index, item in enumerate(self.items):
            if actor in item.entities():
                self._set_cursor(index, notify=False)
                if not self._wholly_shown(index):
                    self._show_item(index, top=True)
                return

    def _text_shown(self, index: int, start: int, end: int) -> bool:
        """Is every line holding the paragraph's characters ``start`` to ``end`` in view?"""
        if not self._laid_out() or index >= len(self._wraps):
            return False
        wraps, offset = self._wraps[index], len(self.items[index].prefix)
        first = self._tops[index] + max(0, bisect_right(wraps, offset + start) - 1)
        last = self._tops[index] + max(0, bisect_right(wraps, offset + max(start, end - 1)) - 1)
        view = int(self.scroll_offset.y)
        return view <= first and last < view + self.page_height

    def _wholly_shown(self, index: int) -> bool:
        if not self._laid_out() or index + 1 >= len(self._tops):
            return False
        view = int(self.scroll_offset.y)
        return view <= self._tops[index] and self._tops[index + 1] <= view + self.page_height

    def show_support(self) -> None:
        """Put the cursor on the paragraph holding the first supporting sentence and scroll to
        that sentence (inside a long paragraph, to its line) — unless the whole sentence shows
        already: then Source stays where it is (a scroll redraws the whole pane, and a reader
        moving through items that cite nearby sentences keeps their place)."""
        sentences = self._support or self.support()
        if not sentences or not self.items:
            return
        if not self._width:
            self._pending = self.show_support
            return
        for index, item in enumerate(self.items):
            for sentence, start, end in item.sentences:
                if sentence in sentences:
                    self._set_cursor(index, notify=False)
                    if self._text_shown(index, start, end):
                        return
                    line = 0
                    if self._width and index < len(self._wraps):
                        offset = len(item.prefix) + start
                        line = max(bisect_right(self._wraps[index], offset) - 1, 0)
                        if line < self.page_height - 2:
                            line = 0  # the sentence shows with its paragraph's top
                    self._show_item(index, top=True, line=line)
                    return
