"""Guards against two Textual 8.2 bugs that keys typed fast reach (found by tests/test_monkey.py).

1. ``OptionList._move_page`` reads ``_index_to_line``, which stays empty until the list has been
   laid out (``_update_lines`` returns early on a zero-size content region). PageDown/PageUp that
   arrive right after a list appears or is hidden — `ctrl+p PageDown` in one burst, `3 Down 4
   PageDown` at 80×24 — raise ``KeyError`` and end the app. Minimal reproduction: an App whose
   OptionList has ``display: none``, ``highlighted = 0``, then ``action_page_down()``.
   Guard: a page move on a list with no lines yet does nothing (the list is not visible).

2. ``Screen.dismiss`` pops whatever screen is on top without checking that it is the screen being
   dismissed. A modal closed by navigation (the palette or the library choosing a brief while keys
   are still arriving) then dismisses again and pops the reader beneath — an empty app, then
   ``ScreenStackError``. Guard: a screen that is not the active one no longer pops anything.

3. An Escape followed by another key within ~100 ms is read as one "alt" key, whatever the escape
   delay: the input thread waits up to 100 ms in ``select`` and the parser only notices that its
   escape delay ran out in ``tick()``, after it has already taken the next byte as the rest of an
   escape sequence. `? escape ctrl+p escape` typed 80 ms apart reached the app as `?`,
   `circumflex_accent`, `ctrl+p`, `escape` (an Escape cut short by the next one is reissued as
   "^"): Help stayed open under the palette. Guard: a byte that arrives after the escape delay has
   run out first flushes the pending Escape; and the delay is 50 ms (``ESCDELAY`` in the
   environment still decides, as in curses), which a terminal's own escape sequences — written in
   one piece — never need. tmux's ``escape-time`` plays no part here: `tmux send-keys` writes to
   the pane directly.

7. ``CommandPalette._gather_commands`` (a worker started by each change of the palette's input)
   looks up the palette's CommandList when it starts; when the palette was closed in between — a
   key burst that types in the palette and closes it (tests/test_monkey.py, seed 3) — the lookup
   raises ``NoMatches`` and the worker's failure ends the app. Guard: a palette that has lost its
   list gathers nothing.

Three more are speed, not bugs (issue 11, every key within a frame); each draws exactly what
Textual would (tests/test_keys2.py compares them):

4. A partial screen update renders only the changed rows of the widgets under them, not every
   widget in the box around all the changes, nor a widget wholly covered there by the widgets in
   front of it (`_sparse_updates`).
5. A scrollbar's lines are kept by size, position and colours (`_scrollbar_cache`).
6. A line filter that changes nothing hands the line back rather than a copy
   (`_filters_keep_strips`).
8. A restyle that leaves a scrollbar colour as it was does not repaint the scrollbars
   (`_scrollbar_colours_keep`): Textual repainted every scrollbar of every pane restyled by a
   focus change (~0.6 ms each).
9. A node restyled in a state it was styled in before takes the rules worked out then
   (`_restyle_cache`): a focus change matched every rule against every node of two panes again.
10. A border title's colour or style repaints its own widget, not every widget inside it
   (`_border_titles_own`): a focus change repainted the Actors tree and card from scratch.

11. A full screen update (the first paint, a theme change, a resize) no longer renders the widgets
   that are entirely behind others — the reader's screen and its panes' container lie under the
   five panes — whose lines Textual drew and then threw away (`_skip_covered`; ~1.5 ms of the
   first paint). tests/test_startup4.py compares it with Textual's.

12. Textual counts the parameters of every message handler and callback the first time it calls
   it with ``inspect.signature`` (~20 µs each, ~100 of them before the first paint). A plain
   function's count is read from its code object instead — the same number (`_count_parameters`).

13. Each ``Strip`` (a line of segments; a first paint makes over a thousand) made its seven
    caches when it was made, ~1.5 µs, though most strips never use one; they are made when first
    used (`_lazy_strip_caches`).

14. A key's changes reach the terminal in one frame (`_one_frame_per_key`): a move in Summary
    drew its cursor at once and the Source highlight and Actors marks a tick (16–35 ms) later,
    because they travel as messages between widgets that each run their own task. A frame now
    waits (up to 25 ms) while messages are on their way, and takes every widget repainted
    before it.

Applied by the App (:func:`apply`); remove when Textual fixes them. The OptionList guard is put in
place at once when OptionList is already imported, otherwise right after the first paint, so that
start-up never imports OptionList just for this.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

_applied = False


def _once(patch: Callable[[], None]) -> Callable[[], None]:
    """``patch`` made to run at most once, however often it is asked for."""
    done = False

    @functools.wraps(patch)
    def run() -> None:
        nonlocal done
        if not done:
            done = True
            patch()

    return run


def apply(only_if_loaded: bool = False) -> None:
    global _applied
    if _applied:
        return
    if only_if_loaded and "textual.widgets._option_list" not in sys.modules:
        for patch in _EARLY:
            patch()
        return
    _applied = True
    from textual.widgets import OptionList

    move_page = OptionList._move_page

    def _move_page(self: OptionList, direction: Any) -> None:
        if self._options and (self.highlighted or 0) not in self._index_to_line:
            return  # not laid out yet: nothing on screen to page through
        move_page(self, direction)

    OptionList._move_page = _move_page  # type: ignore[method-assign]
    _guard_palette()
    for patch in (*_EARLY, _restyle_cache, _border_titles_own):
        patch()


def _guard_palette() -> None:
    from textual import work
    from textual.command import CommandList, CommandPalette
    from textual.css.query import NoMatches

    gather = CommandPalette._gather_commands.__wrapped__  # type: ignore[attr-defined]

    @work(exclusive=True, group=CommandPalette._GATHER_COMMANDS_GROUP)
    async def _gather_commands(self: CommandPalette, search_value: str) -> None:
        if not self.is_attached or not self.query(CommandList):
            return  # closed before this search began
        try:
            await gather(self, search_value)
        except NoMatches:
            if self.is_attached and self.query(CommandList):
                raise  # not the closed palette: a real error

    CommandPalette._gather_commands = _gather_commands  # type: ignore[method-assign]


@_once
def _guard_dismiss() -> None:
    from textual.await_complete import AwaitComplete
    from textual.screen import Screen

    dismiss = Screen.dismiss

    def guarded(self: Screen, result: Any = None) -> AwaitComplete:
        if self.is_attached and self.app.screen is self:
            return dismiss(self, result)
        return AwaitComplete()  # already closed (the user moved on): popping would close another

    Screen.dismiss = guarded  # type: ignore[method-assign]


ESCAPE_DELAY = 0.05  # seconds an Escape waits for the rest of an escape sequence (Textual: 0.1)


@_once
def _guard_escape() -> None:
    import os
    from collections.abc import Iterable

    from textual import _parser, constants
    from textual._xterm_parser import XTermParser

    if "ESCDELAY" not in os.environ:
        constants.ESCAPE_DELAY = ESCAPE_DELAY  # type: ignore[misc]
    feed = XTermParser.feed

    def guarded_feed(self: XTermParser, data: str) -> Iterable[Any]:
        if data and self._timeout_time is not None and _parser.get_time() >= self._timeout_time:
            yield from self.tick()  # the Escape before this byte is a key of its own
        yield from feed(self, data)

    XTermParser.feed = guarded_feed  # type: ignore[method-assign]


textual_partial_update: Any = None  # Textual's own, once replaced


@_once
def _sparse_updates() -> None:
    """A partial screen update renders only the rows that changed, in the widgets under them.

    Textual's ``Compositor.render_partial_update`` takes the box around every changed region and
    renders every widget that box touches, each from its top line to its bottom line: a cursor
    moved in Summary (left) while Source (right) highlights another sentence re-composes all 40
    rows of every pane on the screen. Here each widget is asked only for its rows that hold a
    changed region, and only widgets under a changed region are asked at all. What is written to
    the terminal is the same: the same spans, filled from the same front-most widgets.
    """
    from textual._compositor import ChopsUpdate, Compositor
    from textual.geometry import Region

    global textual_partial_update
    textual_partial_update = Compositor.render_partial_update  # (tests compare the two)

    def render_partial_update(self: Compositor) -> ChopsUpdate | None:
        update_regions = self._dirty_regions.copy()
        self._dirty_regions.clear()
        if not update_regions:
            return None
        screen = self.size.region
        spans = list(self._regions_to_spans(update_regions))
        rows: dict[int, list[tuple[int, int]]] = {}
        for y, x1, x2 in spans:
            if 0 <= y < screen.height:
                rows.setdefault(y, []).append((x1, x2))
        cuts = self.cuts
        chops: list[dict[int, Any]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        intersection = Region.intersection
        for widget, (region, clip) in self.visible_widgets.items():
            render_region = intersection(region, clip)
            x, top, width, height = render_region
            if not (width and height):
                continue
            right = x + width
            # rows with a change under the widget, and a piece not yet filled by a widget in
            # front of it (the panes cover their container and the screen: not drawn twice)
            needed = [
                y
                for y in range(max(top, 0), min(top + height, screen.height))
                if (ranges := rows.get(y))
                and any(a < right and b > x for a, b in ranges)
                and any(chops[y][cut] is None for cut in cuts[y] if x <= cut < right)
            ]
            if not needed:
                continue
            first_cut, last_cut = x, right
            # contiguous runs of needed rows, one render each
            run_start = previous = needed[0]
            for y in [*needed[1:], None]:
                if y is not None and y == previous + 1:
                    previous = y
                    continue
                strips = widget.render_lines(
                    Region(x - region.x, run_start - region.y, width, previous - run_start + 1)
                )
                for line_y, strip in zip(range(run_start, previous + 1), strips, strict=False):
                    chops_line = chops[line_y]
                    final_cuts = [cut for cut in cuts[line_y] if last_cut >= cut >= first_cut]
                    cut_strips = strip.divide([cut - x for cut in final_cuts[1:]])
                    get = chops_line.get
                    for cut, piece in zip(final_cuts, cut_strips, strict=False):
                        if get(cut) is None:
                            chops_line[cut] = piece
                if y is not None:
                    run_start = previous = y
        chop_ends = [cut_set[1:] for cut_set in cuts]
        return ChopsUpdate(chops, spans, chop_ends)

    Compositor.render_partial_update = render_partial_update  # type: ignore[method-assign]


@_once
def _scrollbar_cache() -> None:
    """A scrollbar drawn once is not drawn again for the same place, size and colours.

    Each pane's scrollbar is restyled with the pane on every focus change and redrawn through
    Rich's console (~0.5 ms, up to several on a loaded machine) although nothing in it changed.
    The drawn lines are kept by everything the drawing reads: size, position, window, colours.
    """
    from textual.scrollbar import ScrollBar
    from textual.widget import _RenderCache

    render_content = ScrollBar._render_content
    drawn: dict[tuple, list] = {}

    def _render_content(self: ScrollBar) -> None:
        bar = self.render()
        try:
            key = (
                type(bar),
                self.size,
                bar.virtual_size,
                bar.window_size,
                bar.position,
                bar.thickness,
                bar.vertical,
                bar.style,
                self.visual_style,
            )
        except AttributeError:  # (another renderer)
            render_content(self)
            return
        strips = drawn.get(key)
        if strips is None:
            render_content(self)
            if len(drawn) >= 256:
                drawn.clear()
            drawn[key] = self._render_cache.lines
            return
        self._render_cache = _RenderCache(self.size, strips)
        self._dirty_regions.clear()

    ScrollBar._render_content = _render_content  # type: ignore[method-assign]


@_once
def _filters_keep_strips() -> None:
    """A line filter that changes nothing on a line hands the line back as it was.

    Every line drawn passes through the app's line filters (Textual's ANSI-to-truecolour one and
    the reader's readable-dim one, tui/widgets/styles.py), and each made a new strip — with its
    seven caches, ~20 µs — even when no segment changed, which in truecolour themes is nearly
    always. Now the filter returns the very same segment list when it has nothing to change, and
    the strip is its own filtered form (so the compositor's caches on it still hold).
    """
    from textual.filter import ANSIToTruecolor
    from textual.strip import Strip

    same = object()  # (not the strip itself: a strip caching itself would be a reference cycle)

    def apply_filter(self: Strip, filter: Any, background: Any) -> Strip:
        key = (filter, background)
        cached = self._filter_cache.get(key)
        if cached is None:
            segments = filter.apply(self._segments, background)
            if segments is self._segments:
                self._filter_cache[key] = same
                return self
            cached = Strip(segments, self._cell_length)
            self._filter_cache[key] = cached
        elif cached is same:
            return self
        return cached

    Strip.apply_filter = apply_filter  # type: ignore[method-assign]

    to_truecolor = ANSIToTruecolor.apply

    def apply(self: ANSIToTruecolor, segments: list, background: Any) -> list:
        converted = to_truecolor(self, segments, background)
        for old, new in zip(segments, converted, strict=True):
            if old[1] is not new[1] or old[2] is not None:
                return converted
        return segments

    ANSIToTruecolor.apply = apply  # type: ignore[method-assign]


@_once
def _skip_covered() -> None:
    """Textual's ``Compositor._render_chops``, except that a widget whose every cell on the lines
    being drawn is already taken by widgets in front of it is not rendered.

    The compositor fills each line's spans front to back and keeps the first strip for a span;
    a widget entirely behind others only had its lines drawn to be discarded. Whether it is
    covered is read from the spans already filled, so what is drawn is the same.
    """
    from textual._compositor import Compositor
    from textual.geometry import Region

    global textual_render_chops
    textual_render_chops = Compositor._render_chops  # (tests compare the two)

    def _render_chops(self: Compositor, crop: Region, is_rendered_line: Any) -> Any:
        cuts = self.cuts
        chops: list[dict[int, Any]] = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
        intersection = Region.intersection
        contains_region = Region.contains_region
        overlaps = crop.overlaps if crop else None
        for widget, (region, clip) in self.visible_widgets.items():
            if overlaps is not None and not overlaps(clip):
                continue
            render_region = intersection(region, clip)
            first_cut, last_cut = render_region.column_span
            lines = [y for y in render_region.line_range if is_rendered_line(y)]
            if all(
                chops[y][cut] is not None
                for y in lines
                for cut in cuts[y]
                if first_cut <= cut < last_cut
            ):
                continue  # behind other widgets on every line drawn (or no line to draw)
            if contains_region(clip, region):
                strips = widget.render_lines(Region(0, 0, region.width, region.height))
            else:
                new_x, new_y, new_width, new_height = render_region
                if not (new_width and new_height):
                    continue
                strips = widget.render_lines(
                    Region(new_x - region.x, new_y - region.y, new_width, new_height)
                )
            render_x = render_region.x
            for y, strip in zip(render_region.line_range, strips, strict=False):
                if not is_rendered_line(y):
                    continue
                chops_line = chops[y]
                final_cuts = [cut for cut in cuts[y] if last_cut >= cut >= first_cut]
                cut_strips = strip.divide([cut - render_x for cut in final_cuts[1:]])
                get = chops_line.get
                for cut, piece in zip(final_cuts, cut_strips, strict=False):
                    if get(cut) is None:
                        chops_line[cut] = piece
        return chops

    Compositor._render_chops = _render_chops  # type: ignore[method-assign]


@_once
def _count_parameters() -> None:
    """``len(inspect.signature(func).parameters)`` for a plain function, from its code object:
    positional (and positional-only) parameters, ``*args``, keyword-only ones, ``**kwargs``.
    Anything else (a wrapped or annotated-signature function, a builtin, a callable object)
    still goes through ``inspect.signature``."""
    import inspect
    from types import FunctionType

    from textual import _callback

    slow = _callback._count_parameters
    varargs, varkeywords = inspect.CO_VARARGS, inspect.CO_VARKEYWORDS

    def _count(func: Any) -> int:
        if (
            type(func) is FunctionType
            and not hasattr(func, "__wrapped__")
            and "__signature__" not in func.__dict__
        ):
            code = func.__code__
            flags = code.co_flags
            return (
                code.co_argcount
                + code.co_kwonlyargcount
                + bool(flags & varargs)
                + bool(flags & varkeywords)
            )
        return slow(func)

    _callback._count_parameters = _count


STRIP_SLOTS = {
    "_segments", "_cell_length", "_divide_cache", "_crop_cache", "_style_cache", "_filter_cache",
    "_render_cache", "_line_length_cache", "_crop_extend_cache", "_offsets_cache", "_link_ids",
    "_cell_count",
}  # fmt: skip
STRIP_CACHES = {
    "_divide_cache": 4,
    "_crop_cache": 16,
    "_style_cache": 16,
    "_filter_cache": 4,
    "_line_length_cache": 4,
    "_crop_extend_cache": 4,
    "_offsets_cache": 4,
}  # the sizes Strip.__init__ gives them


@_once
def _lazy_strip_caches() -> None:
    """``Strip.__init__`` without its seven caches; an unset cache slot is made on first use
    (``__getattr__`` runs when a slot has no value). Only for the Strip this was written for."""
    from textual.cache import FIFOCache
    from textual.strip import Strip

    if set(Strip.__slots__) != STRIP_SLOTS or "__getattr__" in Strip.__dict__:
        return  # another Textual: leave it alone

    def __init__(self: Strip, segments: Any, cell_length: int | None = None) -> None:
        self._segments = list(segments)
        self._cell_length = cell_length
        self._render_cache = None
        self._link_ids = None
        self._cell_count = None

    def __getattr__(self: Strip, name: str) -> Any:
        size = STRIP_CACHES.get(name)
        if size is None:
            raise AttributeError(name)
        cache: Any = FIFOCache(size)
        setattr(self, name, cache)
        return cache

    Strip.__init__ = __init__  # type: ignore[method-assign]
    Strip.__getattr__ = __getattr__  # type: ignore[attr-defined]


@_once
def _scrollbar_colours_keep() -> None:
    """A scrollbar colour set to the colour it already has repaints nothing.

    A restyle sets every rule of the widget again (``Stylesheet.replace_rules``), and Textual's
    scrollbar colour property repaints the widget's scrollbars on each set, changed or not: a
    focus change repainted every line of the scrollbars of both panes (and of the Actors tree and
    card). Now only a colour that changed repaints them, as the other colour properties do.
    """
    from textual.css._style_properties import ColorProperty, ScrollbarColorProperty

    textual_set = ScrollbarColorProperty.__set__

    def __set__(self: ScrollbarColorProperty, obj: Any, color: Any) -> None:
        rules = getattr(obj, "_rules", None)
        if rules is None or obj.node is None:
            textual_set(self, obj, color)
            return
        before = rules.get(self.name)
        ColorProperty.__set__(self, obj, color)  # (sets the rule, refreshes the node if changed)
        if rules.get(self.name) != before:
            widget = obj.node
            if getattr(widget, "show_horizontal_scrollbar", False):
                widget.horizontal_scrollbar.refresh()
            if getattr(widget, "show_vertical_scrollbar", False):
                widget.vertical_scrollbar.refresh()

    ScrollbarColorProperty.__set__ = __set__  # type: ignore[method-assign]


textual_update_nodes: Any = None  # Textual's own, once replaced (tests compare the two)


# pseudo classes that look at a node's siblings or children: a node whose rules name one is always
# worked out afresh (Textual's own per-update cache leaves these out too)
_STRUCTURAL = frozenset(
    {"first-of-type", "last-of-type", "first-child", "last-child", "odd", "even", "empty"}
)


@_once
def _restyle_cache() -> None:
    """A node restyled in a state it was styled in before gets the rules worked out then.

    A focus change restyles both panes and everything in them (``:focus-within``): for each
    node Textual matches every rule of the stylesheet against the node's path, and again for
    each of its component classes (the Actors tree has eleven) — ~3 ms a pane switch, for
    states the node has been in many times. The rules a node gets depend only on the stylesheet
    and, for each node from the App down to it, its type, id, classes and the pseudo classes the
    stylesheet's selectors can ask of it; that is the key under which the node keeps what the
    last styling in that state produced (its rules, its component styles). What is set on the
    node is what Textual's own ``apply`` would set: the same rules, through the same
    ``replace_rules``. Nodes whose selectors ask structural pseudo classes are always styled
    afresh, as is everything after the stylesheet changes (a theme).
    """
    from collections import defaultdict

    from textual.css.model import SelectorType
    from textual.css.stylesheet import Stylesheet
    from textual.dom import DOMNode
    from textual.widget import Widget

    global textual_update_nodes
    textual_update_nodes = Stylesheet.update_nodes
    textual_apply = Stylesheet.apply
    textual_replace_rules = Stylesheet.replace_rules
    prefix = {SelectorType.TYPE: "", SelectorType.CLASS: ".", SelectorType.ID: "#"}

    def tables(stylesheet: Stylesheet) -> tuple:
        """(rules, pseudo classes by selector name, pseudo classes by node kind)."""
        rules = stylesheet.rules
        found = stylesheet.__dict__.get("_brief_restyle")
        if found is None or found[0] is not rules:
            by_name: dict[str, set[str]] = defaultdict(set)
            for rule in rules:
                for selector_set in rule.selector_set:
                    for selector in selector_set.selectors:
                        if selector.pseudo_classes:
                            start = prefix.get(selector.type)
                            name = "*" if start is None else f"{start}{selector.name}"
                            by_name[name].update(selector.pseudo_classes)
            found = (rules, dict(by_name), {})
            stylesheet.__dict__["_brief_restyle"] = found
        return found

    def state(tables: tuple, node: DOMNode) -> tuple | None:
        """The node's styling state: the key of its kept rules (None: not to be kept)."""
        _rules, by_name, relevant_by_kind = tables
        parts = []
        current: Any = node
        while isinstance(current, DOMNode):
            kind = (type(current), current._id, frozenset(current._classes))
            relevant = relevant_by_kind.get(kind)
            if relevant is None:
                asked: set[str] = set()
                for name in current._selector_names:
                    asked.update(by_name.get(name, ()))
                relevant = () if not asked else tuple(sorted(asked))
                if not _STRUCTURAL.isdisjoint(asked):
                    relevant = False
                relevant_by_kind[kind] = relevant
            if relevant is False:
                return None
            if relevant:
                checks = current._PSEUDO_CLASSES
                parts.append(
                    (kind, tuple(checks[p](current) if p in checks else False for p in relevant))
                )
            else:
                parts.append(kind)
            current = current._parent
        return tuple(parts)

    def apply(stylesheet: Stylesheet, node: DOMNode, animate: bool, cache: dict) -> None:
        kept = tables(stylesheet)
        key = state(kept, node)
        store = node.__dict__.get("_brief_styled")
        if key is not None and store is not None and store[0] is kept[0]:
            found = store[1].get(key)
            if found is not None:
                rules, components = found
                base = node.styles.base
                if "transitions" in rules or "transitions" in base._rules:
                    stylesheet.replace_rules(node, rules, animate=animate)
                else:
                    # Textual sets every rule of the old and new sets (each setter then finds
                    # most unchanged) and, to animate, works out both sets' render rules first;
                    # with no transition, setting the rules that differ does the same
                    old = base._rules
                    for name in old.keys() | rules.keys():
                        value = rules.get(name)
                        if old.get(name) != value:
                            setattr(base, name, value)
                if components is not None:
                    styles = node._component_styles
                    changed = styles != components
                    styles.clear()
                    styles.update(components)
                    if changed:
                        node.refresh()
                return
        captured: list = []

        def replace_rules(target: DOMNode, rules: Any, animate: bool = False) -> None:
            if target is node:
                captured.append(rules)
            textual_replace_rules(target, rules, animate=animate)

        stylesheet.replace_rules = replace_rules  # type: ignore[method-assign]
        try:
            textual_apply(stylesheet, node, animate=animate, cache=cache)
        finally:
            del stylesheet.replace_rules
        if key is None or len(captured) != 1:
            return
        components = dict(node._component_styles) if node._get_component_classes() else None
        if store is None or store[0] is not kept[0] or len(store[1]) >= 16:
            store = (kept[0], {})
            node.__dict__["_brief_styled"] = store
        store[1][key] = (captured[0], components)

    def update_nodes(self: Stylesheet, nodes: Any, animate: bool = False) -> None:
        cache: dict = {}
        for node in nodes:
            apply(self, node, animate, cache)
            if isinstance(node, Widget) and node.is_scrollable:
                vertical = node.show_vertical_scrollbar and node.scrollbar_size_vertical
                horizontal = node.show_horizontal_scrollbar and node.scrollbar_size_horizontal
                if vertical:
                    apply(self, node.vertical_scrollbar, False, cache)
                if horizontal:
                    apply(self, node.horizontal_scrollbar, False, cache)
                if horizontal and vertical:
                    apply(self, node.scrollbar_corner, False, cache)

    Stylesheet.update_nodes = update_nodes  # type: ignore[method-assign]


# drawn by the widget's own border only: nothing inside the widget reads them
_BORDER_TITLE_RULES = frozenset(
    {
        "border_title_color",
        "border_title_background",
        "border_title_style",
        "border_subtitle_color",
        "border_subtitle_background",
        "border_subtitle_style",
    }
)


@_once
def _border_titles_own() -> None:
    """A change of a border title's colour or style repaints the widget, not its children.

    Textual's colour and style-flag properties repaint the widget and everything inside it when
    they change (right for ``color``, which children inherit). The pane's title is brighter and
    bold while the pane has focus, so every focus change in or out of Actors redrew the tree and
    the detail card from scratch (~2 ms) though nothing in them changed. The title's rules are
    only read by the widget's own border; a change of one now repaints the widget alone. Values
    that still need parsing (``"bold"``) are parsed by Textual's own setter first.
    """
    from rich.style import Style as RichStyle
    from textual.color import Color
    from textual.css._style_properties import ColorProperty, StyleFlagsProperty
    from textual.css.styles import Styles

    for cls, kind in ((ColorProperty, Color), (StyleFlagsProperty, RichStyle)):
        textual_set = cls.__set__

        def __set__(
            self: Any, obj: Any, value: Any, _set: Any = textual_set, _kind: Any = kind
        ) -> None:
            if getattr(self, "name", None) not in _BORDER_TITLE_RULES:
                _set(self, obj, value)
                return
            if value is not None and not isinstance(value, _kind):
                scratch = Styles()  # (no node: parsed and checked by Textual, nothing refreshed)
                _set(self, scratch, value)
                value = scratch.get_rule(self.name)
            if obj.clear_rule(self.name) if value is None else obj.set_rule(self.name, value):
                obj.refresh()

        cls.__set__ = __set__  # type: ignore[method-assign]


FRAME_HOLD_LIMIT = 0.025  # seconds a frame may wait for messages still on their way


def messages_waiting(screen: Any) -> bool:
    """Are messages still queued for the screen or a widget shown on it (a key's effects still
    on their way: the search field's Submitted, a pane's Enter, an Update)?"""
    if not screen._message_queue.empty():
        return True
    return any(not widget._message_queue.empty() for widget in screen._compositor.visible_widgets)


@_once
def _one_frame_per_key() -> None:
    """A key's changes reach the terminal in one frame, not spread over two or three.

    Textual hears of a repaint in hops: ``refresh`` marks the widget; the widget's own message
    loop, when idle, posts ``Update`` to the screen; the screen's update timer draws, at most
    once per tick (1/60 s). Each widget runs its own task, and a key's effects travel as
    messages (a pane's cursor moved and posted a message; the screen set the selection; every
    pane repaints its highlight), so a tick that fell in between drew the first pane's cursor
    and the rest waited for the next tick: the Source highlight and the Actors marks came
    16–35 ms after the cursor.

    Now, on a screen that asks for it (``SETTLES_KEYS = True``: brief's own screens, not
    Textual's command palette, whose results stream in as messages; the App also holds the
    next key of a burst until they are in), a tick that finds messages still waiting in the
    screen or in a widget on it holds its frame (up to FRAME_HOLD_LIMIT), and the screen draws
    it as soon as it is idle with nothing left on the way. A frame takes every visible widget
    with regions waiting to be repainted, whether or not the widget's ``Update`` has reached
    the screen yet (that later ``Update`` finds nothing left to draw).
    """
    from time import monotonic

    from textual.screen import Screen

    textual_update = Screen._on_timer_update
    textual_idle = Screen._on_idle
    textual_refresh = Screen._compositor_refresh

    def _on_timer_update(self: Screen) -> None:
        if self.is_current and not self.app._batch_count:
            held = self._frame_held_since
            if getattr(self, "SETTLES_KEYS", False) and messages_waiting(self):
                now = monotonic()
                if held is None:
                    self._frame_held_since = now
                    return  # (the timer keeps running: its next tick draws if idle never came)
                if now - held < FRAME_HOLD_LIMIT:
                    return
            self._frame_held_since = None
            dirty = self._dirty_widgets
            for widget in self._compositor.visible_widgets:
                if widget._repaint_regions:
                    dirty.add(widget)
        textual_update(self)

    def _compositor_refresh(self: Screen) -> None:
        # a layout pass of this frame repaints scrollbars whose size changed: in this frame too
        if self.is_current:
            pending = {w for w in self._compositor.visible_widgets if w._repaint_regions}
            if pending:
                self._compositor.update_widgets(pending)
        textual_refresh(self)

    async def _on_idle(self: Screen, event: Any) -> None:
        if (
            self._frame_held_since is not None
            and self.is_current
            and not self.app._batch_count
            and not messages_waiting(self)
        ):
            _on_timer_update(self)  # the frame held back: nothing more is on its way
        await textual_idle(self, event)

    Screen._frame_held_since = None  # type: ignore[attr-defined]
    Screen._on_timer_update = _on_timer_update  # type: ignore[method-assign]
    Screen._on_idle = _on_idle  # type: ignore[method-assign]
    Screen._compositor_refresh = _compositor_refresh  # type: ignore[method-assign]


# what apply(only_if_loaded=True) puts in place (a full apply() adds the rest)
_EARLY = (
    _guard_dismiss,
    _guard_escape,
    _sparse_updates,
    _scrollbar_cache,
    _filters_keep_strips,
    _skip_covered,
    _count_parameters,
    _lazy_strip_caches,
    _scrollbar_colours_keep,
    _one_frame_per_key,
)
