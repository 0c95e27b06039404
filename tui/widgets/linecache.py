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

from typing import Any

from textual._styles_cache import StylesCache
from textual.strip import Strip


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
            )
        _styles, rest, top, bottom, outlined = frame
        content_y = y - top
        if (
            content_y < 0
            or y >= bottom
            or content_y >= content_size.height
            or outlined  # outline rows depend on the row, not only on the content
        ):
            return super().render_line(
                styles,
                y,
                size,
                content_size,
                padding,
                base_background,
                background,
                render_content_line,
                border_title,
                border_subtitle,
                opacity,
                ansi_theme,
                native_ansi,
            )
        content = render_content_line(content_y)
        key = (id(content), rest)
        found = self._lines.get(key)
        if found is not None and found[0] is content:
            return found[1]
        strip = super().render_line(
            styles,
            y,
            size,
            content_size,
            padding,
            base_background,
            background,
            lambda _y: content,
            border_title,
            border_subtitle,
            opacity,
            ansi_theme,
            native_ansi,
        )
        lines = self._lines
        if len(lines) >= self._size:
            del lines[next(iter(lines))]
        lines[key] = (content, strip)  # (holding ``content`` keeps its id its own)
        return strip
