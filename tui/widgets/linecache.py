"""Finished lines kept across scrolls and focus changes, for widgets that draw their own lines.

Textual caches a widget's finished lines (content with padding, border and background) by their
row on screen. A scroll moves every line to another row and a focus change restyles the border,
so each is a full redraw: ~40 µs a line, ~1.5 ms for a tall pane, several panes per key. Here a
content row's finished line is also kept by the content strip it was made from (widgets that cache
their strips hand back the same object for the same content) and by everything else that goes into
it — widths, padding, border and outline edges, colours, opacity, theme. A line that scrolls to
another row, or comes back when the border returns to a colour it had, is found again, and with it
the line filters' and the compositor's own caches on that strip.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual._border import get_box
from textual._segment_tools import make_blank
from textual._styles_cache import StylesCache
from textual.strip import Strip
from textual.style import Style


class LineStylesCache(StylesCache):
    """A :class:`StylesCache` that also keeps finished content lines by their content strip."""

    def __init__(self, size: int = 256) -> None:
        super().__init__()
        # A plain dict, oldest out first: each kept line is long-lived and adds to every full
        # garbage collection, so the cache is small (a few screens of one pane) and lean.
        self._lines: dict[tuple, tuple[Strip, Strip]] = {}
        self._size = size

    _frame: tuple | None = None  # (styles, the key's other parts) during one render

    def render(self, *args: Any, **kwargs: Any) -> list[Strip]:
        self._frame = None
        try:
            return super().render(*args, **kwargs)
        finally:
            self._frame = None

    def render_line(
        self,
        styles: Any,
        y: int,
        size: Any,
        content_size: Any,
        padding: Any,
        base_background: Any,
        background: Any,
        render_content_line: Any,
        border_title: Any,
        border_subtitle: Any,
        opacity: float,
        ansi_theme: Any,
        native_ansi: bool,
    ) -> Strip:
        # what goes into a finished line besides its content is the same for every line of one
        # render: worked out once per render (~15 µs a line otherwise)
        frame = self._frame
        if frame is None or frame[0] is not styles:
            gutter, outline = styles.gutter, styles.outline
            frame = self._frame = (
                styles,
                (
                    size.width,
                    content_size.width,
                    tuple(padding),
                    tuple(styles.border),
                    tuple(outline),
                    base_background,
                    background,
                    opacity,
                    styles.text_opacity,
                    styles.tint,
                    styles.get_rule("hatch"),
                    id(ansi_theme),
                    native_ansi,
                ),
                gutter.top,
                size.height - gutter.bottom,
                bool(outline.top[0] or outline.bottom[0]),
                self._finisher(
                    styles, size, content_size, padding, base_background, background, opacity
                ),
            )
        _styles, rest, top, bottom, outlined, finish = frame
        # StylesCache.render_line's arguments before and after the content line's
        before = (styles, y, size, content_size, padding, base_background, background)
        after = (border_title, border_subtitle, opacity, ansi_theme, native_ansi)
        content_y = y - top
        if (
            content_y < 0
            or y >= bottom
            or content_y >= content_size.height
            or outlined  # outline rows depend on the row, not only on the content
        ):
            return super().render_line(*before, render_content_line, *after)
        content = render_content_line(content_y)
        key = (id(content), rest)
        found = self._lines.get(key)
        if found is not None and found[0] is content:
            return found[1]
        if finish is not None:
            strip = finish(content)
        else:
            strip = super().render_line(*before, lambda _y: content, *after)
        lines = self._lines
        if len(lines) >= self._size:
            del lines[next(iter(lines))]
        lines[key] = (content, strip)  # (holding ``content`` keeps its id its own)
        return strip

    def _finisher(
        self,
        styles: Any,
        size: Any,
        content_size: Any,
        padding: Any,
        base_background: Any,
        background: Any,
        opacity: float,
    ) -> Callable[[Strip], Strip] | None:
        """What StylesCache.render_line does to a content row — fit it to the content width, pad
        it, put the side borders on — worked out once per render, for a pane with no opacity,
        tint, hatch or outline (otherwise None: Textual's own treatment). Textual works out the
        borders' styles and boxes again for each line (~40 µs a line; the panes repaint dozens
        of lines on a move through Actors). tests/test_keys4.py compares the two line by line."""
        if (
            opacity != 1.0
            or styles.text_opacity != 1.0
            or styles.tint.a
            or (styles.has_rule("hatch") and styles.hatch != "none")
            or any(edge[0] for edge in styles.outline)
        ):
            return None
        _top, (right_type, right_color), _bottom, (left_type, left_color) = styles.border
        inner, outer = self.get_inner_outer(base_background, background)
        fill = inner.rich_style
        left = right = None
        if left_type:
            style = Style(foreground=base_background + left_color.multiply_alpha(opacity))
            left = get_box(left_type, inner, outer, style)[1][0]
        if right_type:
            style = Style(foreground=base_background + right_color.multiply_alpha(opacity))
            right = get_box(right_type, inner, outer, style)[1][2]
        _pad_top, pad_right, _pad_bottom, pad_left = padding
        before = [
            segment
            for segment in (left, make_blank(pad_left, fill) if pad_left else None)
            if segment
        ]
        after = [
            segment
            for segment in (make_blank(pad_right, fill) if pad_right else None, right)
            if segment
        ]
        content_width, width = content_size.width, size.width

        def finish(content: Strip) -> Strip:
            line = content.adjust_cell_length(content_width, fill)
            return Strip([*before, *line, *after], width)

        return finish


class ScrollbarLinesKept:
    """Mixin for a widget whose vertical scrollbar should keep its finished lines too: a scroll
    or a restyle repaints the whole scrollbar, each line through Textual's full treatment."""

    @property
    def vertical_scrollbar(self) -> Any:
        bar = super().vertical_scrollbar  # type: ignore[misc]
        if type(bar._styles_cache) is StylesCache:
            bar._styles_cache = LineStylesCache(128)
        return bar
