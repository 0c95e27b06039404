"""Option lists: the reader's vim-style movement keys, and lists that change without layouts."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import Any

from rich._wrap import divide_line
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.binding import Binding
from textual.cache import LRUCache
from textual.content import Content, Span
from textual.geometry import Size
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, VisualType
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
    if all(len(line) <= width and (line.isascii() or cell_len(line) <= width) for line in lines):
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
                    option.height
                    if type(option) is LazyOption
                    else _unwrapped_height(option.prompt, room)
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
        self._drawn_width = 0
        # called before End goes to the last row: the screen adds the rows not added yet
        self.before_last: Callable[[], None] | None = None

    def action_last(self) -> None:
        if self.before_last is not None:
            self.before_last()
        super().action_last()
        if self.options and self.options[-1].disabled:  # a last line that says something
            self.scroll_end(animate=False, immediate=True)

    def _get_option_render(self, option: Option, style: Style) -> list[Strip]:
        prompt = option.prompt
        if not isinstance(prompt, Content) or option._divider:
            return super()._get_option_render(option, style)
        width = self.scrollable_content_region.width
        key = (
            prompt.plain,
            tuple(prompt.spans),
            style,
            self._option_to_index[option],  # in the strips (the mouse's target)
            width,
        )
        strips = self._drawn.get(key)
        if strips is None:
            if width != self._drawn_width:
                # OptionList's own cache has no width in its key (it is emptied on a Resize,
                # which a list resized while thousands of rows were added did not always get)
                self._option_render_cache.clear()
                self._drawn_width = width
            strips = self._drawn[key] = super()._get_option_render(option, style)
        return strips

    def notify_style_update(self) -> None:
        self._drawn.clear()  # a new theme: the rows' colours
        super().notify_style_update()


Run = tuple[str, str]  # text, style ("" for none)
# control characters (C0, DEL, C1) out of a row's text, a tab as a space
_CONTROLS = {code: None for code in (*range(32), *range(127, 160))} | {9: " "}


class Row(Content):
    """A list row given as runs of (text, style) per line, drawn straight to strips when every
    line fits the width: Content wraps each line to find where it breaks (most of a list
    row's drawing, ≈ 0.4 ms a row). A line wider than the width is wrapped as Content wraps
    it, run by run (or drawn as the Content it is where that would differ), or cut ("…") with
    ``wrap=False``; it reads as a Content (``plain``, ``spans``). Text is never parsed as
    markup; control characters are stripped."""

    __slots__ = ["_elastic", "_runs", "_wrap"]

    def __init__(
        self, lines: list[list[Run]], wrap: bool = True, elastic: int | None = None
    ) -> None:
        runs = [
            [(text if text.isprintable() else text.translate(_CONTROLS), style)
             for text, style in line if text]
            for line in lines
        ]  # fmt: skip
        for number, line in enumerate(runs if elastic is None else ()):
            if any(a[1] == b[1] for a, b in pairwise(line)):
                merged = [line[0]]  # like runs in one: drawn as one segment, as Content draws them
                for text, style in line[1:]:
                    if style == merged[-1][1]:
                        merged[-1] = (merged[-1][0] + text, style)
                    else:
                        merged.append((text, style))
                runs[number] = merged
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
        self._wrap = wrap  # False: a line wider than the width is cut ("…"), not wrapped
        self._elastic = elastic  # the first line's run cut first (its index in the runs given)

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        runs = self._runs if height is None else self._runs[:height]
        if options.selection is not None or not width or "\t" in self.plain:
            return super().render_strips(width, height, style, options)
        get_style = options.get_style
        base = style.rich_style
        strips = []
        for number, line in enumerate(runs):
            used = sum(cell_len(text) for text, _name in line)
            elastic = self._elastic
            if used > width and not self._wrap and number == 0 and elastic is not None:
                # the elastic run gives way first (a brief's title, so its outlet still shows)
                text, name = line[elastic]
                keep = cell_len(text) - (used - width + 1)
                if keep > 0:
                    cut = set_cell_size(text, keep).rstrip() + "…"
                    line = [*line[:elastic], (cut, name), *line[elastic + 1 :]]
                    used = sum(cell_len(text) for text, _name in line)
            segments = [
                Segment(text, (style + get_style(name)).rich_style if name else base)
                for text, name in line
            ]
            strip = Strip(segments, used)
            if used > width:
                if self._wrap:
                    wrapped = _wrapped(line, width, options.rules)
                    if wrapped is None:
                        return super().render_strips(width, height, style, options)
                    strips += [
                        Strip(
                            [
                                Segment(
                                    text, (style + get_style(name)).rich_style if name else base
                                )
                                for text, name in piece
                            ],
                            sum(len(text) for text, _name in piece),
                        )
                        for piece in wrapped
                    ]
                    continue
                strip = Strip.join([strip.crop(0, width - 1), Strip([Segment("…", base)], 1)])
            strips.append(strip)
        return strips[:height] if height is not None else strips

    def get_height(self, rules: Any, width: int) -> int:
        if not self._wrap:
            return len(self._runs)
        if "\t" in self.plain:
            return super().get_height(rules, width)
        height = 0
        for line in self._runs:
            if sum(cell_len(text) for text, _name in line) <= width:
                height += 1
                continue
            wrapped = _wrapped(line, width, rules, count_only=True)
            if wrapped is None:
                return super().get_height(rules, width)
            height += len(wrapped)
        return height


def _wrapped(
    line: list[Run], width: int, rules: Any, count_only: bool = False
) -> list[list[Run]] | None:
    """A line of runs wrapped to ``width`` as Content wraps it (Textual 8.2: rich's
    divide_line, each line but the last stripped of its trailing spaces, each cut to the width),
    without making a Content per line: None when that would differ (characters not one cell
    wide, or alignment, padding or overflow rules other than the defaults)."""
    if width <= 0:
        return None
    get = rules.get
    if (
        get("line_pad", 0)
        or get("text_overflow", "fold") != "fold"
        or get("text_wrap", "wrap") != "wrap"
        or get("text_align", "left") not in ("left", "start")
    ):
        return None
    text = "".join(part for part, _name in line)
    if not text.isascii() and cell_len(text) != len(text):
        return None  # a character two cells wide, or none: Content measures it
    bounds = [0, *divide_line(text, width, fold=True), len(text)]
    last = len(bounds) - 2
    if count_only:
        return [[] for _ in range(last + 1)]
    pieces: list[list[Run]] = []
    for number in range(last + 1):
        start, end = bounds[number], bounds[number + 1]
        if number < last:
            end = start + len(text[start:end].rstrip())
        end = min(end, start + width)
        piece: list[Run] = []
        at = 0
        for part, name in line:
            part_end = at + len(part)
            if part_end > start and at < end:
                piece.append((part[max(start - at, 0) : end - at], name))
            at = part_end
            if at >= end:
                break
        pieces.append(piece)
    return pieces


class LazyOption(Option):
    """An option whose prompt is made when it is first needed (drawn, or read), of a given
    height: a list of thousands of rows adds them all (End in the Library) and makes a
    screenful of them. Its prompt should not wrap (a Row with ``wrap=False``)."""

    def __init__(self, make: Callable[[], VisualType], height: int, id: str | None = None) -> None:
        super().__init__("", id)
        self._make: Callable[[], VisualType] | None = make
        self.height = height

    @property
    def prompt(self) -> VisualType:
        if self._make is not None:
            self._prompt, self._make = self._make(), None
        return self._prompt


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
