"""Option lists: the reader's vim-style movement keys, and lists that change without layouts."""

from __future__ import annotations

from typing import Any

from rich.cells import cell_len
from rich.segment import Segment
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content, Span, _strip_control_codes
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class KeyedOptionList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]


def _unwrapped_height(prompt: object, width: int) -> int:
    """The lines of a Content none of whose lines is wider than ``width`` (0 otherwise, or for
    another prompt): its height, without wrapping it to find out (Content wraps every line)."""
    if not isinstance(prompt, Content) or "\t" in prompt.plain:
        return 0
    lines = prompt.plain.split("\n")
    if all(len(line) <= width and cell_len(line) <= width for line in lines):
        return len(lines)
    return 0


class QuietSize(OptionList):
    """An OptionList of fixed size (not `auto`) whose virtual size changes without a layout.

    OptionList sets its virtual size (the lines of its options) as a layout change: the whole
    screen is laid out again whenever the number of lines changes, and once more just after a
    new list's first drawing (its lines are counted then). A list whose own size does not
    depend on its options needs no layout for that: the scroll range and the scrollbar are
    updated in place; a layout happens only when the scrollbar appears or goes (the
    scrollbar's own reactive asks for it).
    """

    def _update_lines(self) -> None:
        # OptionList._update_lines (Textual 8.2), but the virtual size set without a layout
        if self.styles.auto_dimensions:
            super()._update_lines()
            return
        region = self.scrollable_content_region
        if not region:
            return
        line_cache = self._line_cache
        lines = line_cache.lines
        next_index = lines[-1][0] + 1 if lines else 0
        options = self.options
        width = region.width - self._get_left_gutter_width()
        if next_index < len(options):
            get_visual = self._get_visual
            padding = self.get_component_styles("option-list--option").padding
            room = width - padding.width
            for index, option in enumerate(options[next_index:], next_index):
                line_cache.index_to_line[index] = len(lines)
                line_count = (
                    _unwrapped_height(option.prompt, room)
                    or get_visual(option).get_height(self.styles, room)
                ) + option._divider
                line_cache.heights[index] = line_count
                lines.extend([(index, line_no) for line_no in range(line_count)])
        last_divider = options and options[-1]._divider
        virtual_size = Size(width, len(lines) - (1 if last_divider else 0))
        if virtual_size != self.virtual_size:
            self.set_reactive(Widget.virtual_size, virtual_size)
            self._scroll_update(virtual_size)  # scrollbars (a layout only if one shows or goes)
            self.refresh()


class ResultList(QuietSize):
    """The Library's list: its options are replaced at every key typed in the filter (a layout
    per change of length was 3–6 ms of a key at 10k). Rows drawn are kept across keys, by what
    they show (text, styles, place, width): OptionList forgets them at every new set of
    options, so a row shown again (a backspace, a result that stays while a word is typed)
    was wrapped and drawn again."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._drawn: LRUCache[tuple[Any, ...], list[Strip]] = LRUCache(maxsize=512)

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        prompt = option.prompt
        if not isinstance(prompt, Content) or option._divider:
            return super()._get_option_render(option, style)
        key = (
            prompt.plain,
            tuple(prompt.spans),
            style,
            self._option_to_index[option],  # in the strips (the mouse's target)
            self.scrollable_content_region.width,
        )
        strips = self._drawn.get(key)
        if strips is None:
            strips = self._drawn[key] = super()._get_option_render(option, style)
        return strips

    def notify_style_update(self) -> None:
        self._drawn.clear()  # a new theme: the rows' colours
        super().notify_style_update()


Run = tuple[str, str]  # text, style ("" for none)


class Row(Content):
    """A list row given as runs of (text, style) per line, drawn straight to strips when every
    line fits the width: Content wraps each line to find where it breaks (most of a list
    row's drawing, ≈ 0.4 ms a row). A row wider than the width is drawn as the Content it is
    (wrapped), and it reads as one (``plain``, ``spans``). Text is never parsed as markup;
    control characters are stripped."""

    __slots__ = ["_runs"]

    def __init__(self, lines: list[list[Run]]) -> None:
        runs = [
            [(_strip_control_codes(text), style) for text, style in line if text] for line in lines
        ]
        spans: list[Span] = []
        parts: list[str] = []
        at = 0
        for number, line in enumerate(runs):
            if number:
                parts.append("\n")
                at += 1
            for text, style in line:
                if style:
                    spans.append(Span(at, at + len(text), style))
                parts.append(text)
                at += len(text)
        super().__init__("".join(parts), spans, strip_control_codes=False)
        self._runs = runs

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        runs = self._runs if height is None else self._runs[:height]
        if options.selection is not None or not width or "\t" in self.plain:
            return super().render_strips(width, height, style, options)
        get_style = options.get_style
        base = style.rich_style
        strips = []
        for line in runs:
            segments = []
            used = 0
            for text, name in line:
                used += cell_len(text)
                segments.append(
                    Segment(text, (style + get_style(name)).rich_style if name else base)
                )
            if used > width:
                return super().render_strips(width, height, style, options)
            strips.append(Strip(segments, used))
        return strips

    def get_height(self, rules: Any, width: int) -> int:
        return _unwrapped_height(self, width) or super().get_height(rules, width)


def marked_runs(text: str, spans: tuple[tuple[int, int], ...], style: str, mark: str) -> list[Run]:
    """``text`` in ``style``, its ``spans`` in ``style`` and ``mark`` (spans in order, apart)."""
    runs: list[Run] = []
    at = 0
    marked = f"{style} {mark}".strip()
    for start, end in sorted(spans):
        start, end = max(start, at), min(end, len(text))
        if end <= start:
            continue
        runs += [(text[at:start], style), (text[start:end], marked)]
        at = end
    runs.append((text[at:], style))
    return [run for run in runs if run[0]]
