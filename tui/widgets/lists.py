"""Option lists: the reader's vim-style movement keys, and lists that change without layouts."""

from __future__ import annotations

from textual.binding import Binding
from textual.geometry import Size
from textual.widget import Widget
from textual.widgets import OptionList


class KeyedOptionList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]


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
            for index, option in enumerate(options[next_index:], next_index):
                line_cache.index_to_line[index] = len(lines)
                line_count = (
                    get_visual(option).get_height(self.styles, width - padding.width)
                    + option._divider
                )
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
    per change of length was 3–6 ms of a key at 10k)."""
