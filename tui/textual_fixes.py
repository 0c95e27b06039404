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
   widget in the box around all the changes (`_sparse_updates`).
5. A scrollbar's lines are kept by size, position and colours (`_scrollbar_cache`).
6. A line filter that changes nothing hands the line back rather than a copy
   (`_filters_keep_strips`).
8. A restyle that leaves a scrollbar colour as it was does not repaint the scrollbars
   (`_scrollbar_colours_keep`): Textual repainted every scrollbar of every pane restyled by a
   focus change (~0.6 ms each).

Applied by the App (:func:`apply`); remove when Textual fixes them. The OptionList guard is put in
place at once when OptionList is already imported, otherwise right after the first paint, so that
start-up never imports OptionList just for this.
"""

from __future__ import annotations

import sys
from typing import Any

_applied = False


def apply(only_if_loaded: bool = False) -> None:
    global _applied
    if _applied:
        return
    if only_if_loaded and "textual.widgets._option_list" not in sys.modules:
        _guard_dismiss_once()
        _guard_escape_once()
        _sparse_updates_once()
        _scrollbar_cache_once()
        _filters_keep_strips_once()
        _scrollbar_colours_keep_once()
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
    _guard_dismiss_once()
    _guard_escape_once()
    _sparse_updates_once()
    _scrollbar_cache_once()
    _filters_keep_strips_once()
    _scrollbar_colours_keep_once()


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


_dismiss_guarded = False


def _guard_dismiss_once() -> None:
    global _dismiss_guarded
    if not _dismiss_guarded:
        _dismiss_guarded = True
        _guard_dismiss()


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
_escape_guarded = False


def _guard_escape_once() -> None:
    global _escape_guarded
    if not _escape_guarded:
        _escape_guarded = True
        _guard_escape()


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


_sparse_applied = False
textual_partial_update: Any = None  # Textual's own, once replaced


def _sparse_updates_once() -> None:
    global _sparse_applied
    if not _sparse_applied:
        _sparse_applied = True
        _sparse_updates()


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
            needed = [
                y
                for y in range(max(top, 0), min(top + height, screen.height))
                if (ranges := rows.get(y)) and any(a < right and b > x for a, b in ranges)
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


_scrollbar_cached = False


def _scrollbar_cache_once() -> None:
    global _scrollbar_cached
    if not _scrollbar_cached:
        _scrollbar_cached = True
        _scrollbar_cache()


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


_filters_patched = False


def _filters_keep_strips_once() -> None:
    global _filters_patched
    if not _filters_patched:
        _filters_patched = True
        _filters_keep_strips()


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


_scrollbar_colours_patched = False


def _scrollbar_colours_keep_once() -> None:
    global _scrollbar_colours_patched
    if not _scrollbar_colours_patched:
        _scrollbar_colours_patched = True
        _scrollbar_colours_keep()


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
