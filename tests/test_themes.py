"""Contrast in every theme: every character the reader draws is readable against what is behind it.

The test draws the reader in each theme the `t` key cycles through — a selected takeaway, a selected
actor, hint mode, a search match, the library, help and an entity page — takes the cells the
compositor produced (the segments of every screen line, the same data the terminal receives), and
computes the WCAG contrast of every visible character: foreground against its effective background,
with reverse, dim and the terminal's ANSI palette resolved as Textual's own filters do. It checks
twice: in true colour and after downgrading every colour to the 256-colour palette, as tmux does.

It looks only at drawn cells, not at widget internals, so it holds whatever the panes are made of.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from rich.color import Color, ColorSystem
from rich.segment import Segment
from rich.style import Style
from rich.terminal_theme import TerminalTheme

from tui.app import BriefApp, reader_themes
from tui.config import Config
from tui.linking import Location
from tui.store import Store
from tui.userdata import UserData

MINIMUM = 4.5
# Lines, blocks and scrollbars are decoration, not text (WCAG asks 3:1 of those, not 4.5:1).
DECORATION = {chr(c) for c in range(0x2500, 0x25A0)} | set("▔▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▐▕")


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _rgb(
    color: Color | None, default: tuple[int, int, int], palette: TerminalTheme, eight_bit: bool
) -> tuple[int, int, int]:
    if color is None or color.is_default:
        return default
    if eight_bit and color.triplet is not None:
        color = color.downgrade(ColorSystem.EIGHT_BIT)
    triplet = color.get_truecolor(palette)
    return (triplet.red, triplet.green, triplet.blue)


@dataclass(order=True)
class Cell:
    ratio: float
    row: int
    column: int
    text: str
    fg: tuple[int, int, int]
    bg: tuple[int, int, int]


@lru_cache(maxsize=65536)
def _resolve(style: Style | None, palette: TerminalTheme, eight_bit: bool):
    fg_default = tuple(palette.foreground_color)
    bg_default = tuple(palette.background_color)
    if style is None:
        return fg_default, bg_default, contrast(fg_default, bg_default)
    fg = _rgb(style.color, fg_default, palette, eight_bit)
    bg = _rgb(style.bgcolor, bg_default, palette, eight_bit)
    if style.reverse:
        fg, bg = bg, fg
    if style.dim:  # terminals draw dim text about halfway to the background
        fg = tuple((f + b) // 2 for f, b in zip(fg, bg, strict=True))
    return fg, bg, contrast(fg, bg)


def cells(lines: list[list[Segment]], palette: TerminalTheme, eight_bit: bool) -> list[Cell]:
    """Every visible character with its effective colours, as a terminal would draw it."""
    found = []
    for row, line in enumerate(lines):
        column = 0
        for segment in line:
            text, style = segment.text, segment.style
            if segment.control or not text:
                continue
            fg, bg, ratio = _resolve(style, palette, eight_bit)
            for offset, char in enumerate(text):
                if not char.isspace() and char not in DECORATION:
                    found.append(Cell(ratio, row, column + offset, char, fg, bg))
            column += len(text)
    return found


def screen_lines(app: BriefApp) -> list[list[Segment]]:
    return [list(strip) for strip in app.screen._compositor.render_strips()]


def palette_of(app: BriefApp) -> TerminalTheme:
    """The terminal colours ANSI colours and "default" stand for (those Textual itself assumes)."""
    return app.ansi_theme


def worst(app: BriefApp, eight_bit: bool) -> Cell | None:
    found = cells(screen_lines(app), palette_of(app), eight_bit)
    return min(found) if found else None


@pytest.fixture
def app_at(store: Store, tmp_path: Path):
    def make(start: Location | None = None) -> BriefApp:
        return BriefApp(store, UserData(tmp_path / "data"), start, Config())

    return make


# Each scene: keys to press from a fresh reader, then what it shows.
SCENES = {
    "takeaway-hints": ["2", "down", "down", "f"],
    "actor-search": ["3", "j", "j", "j", "slash", *"taliban", "enter"],
    "source": ["5", "down", "down"],
    "library": ["L"],
    "help": ["question_mark"],
}


async def measure(app: BriefApp, themes: list[str], keys: list[str]) -> dict[str, list[str]]:
    failures: dict[str, list[str]] = {}
    minimum: dict[str, float] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*keys)
        await pilot.pause()
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            for eight_bit in (False, True):
                mode = "256" if eight_bit else "truecolor"
                found = cells(screen_lines(app), palette_of(app), eight_bit)
                assert found, f"{theme}: nothing drawn"
                bad = sorted(c for c in found if c.ratio < MINIMUM)
                low = min(found).ratio
                minimum[theme] = min(minimum.get(theme, 99.0), low)
                if bad:
                    failures.setdefault(theme, []).append(
                        f"{mode} {len(bad)} cells, worst {bad[0].ratio:.2f}:1 "
                        f"{''.join(c.text for c in bad[:40])!r} at row {bad[0].row} "
                        f"fg {bad[0].fg} bg {bad[0].bg}"
                    )
    for theme, low in sorted(minimum.items()):
        print(f"  {theme:22} minimum {low:.2f}:1")
    return failures


@pytest.mark.parametrize("scene", list(SCENES))
async def test_every_cell_is_readable_in_every_cycled_theme(app_at, scene):
    app = app_at()
    failures = await measure(app, reader_themes(app), SCENES[scene])
    assert not failures, "\n".join(f"{t}: {'; '.join(f)}" for t, f in failures.items())


async def test_entity_page_is_readable_in_every_cycled_theme(app_at):
    app = app_at(Location("entity", "abdul-rashid-dostum"))
    failures = await measure(app, reader_themes(app), [])
    assert not failures, "\n".join(f"{t}: {'; '.join(f)}" for t, f in failures.items())


def test_precomputed_theme_colours_are_current():
    """The table of built-in theme colours matches what the code computes (regenerate it with
    `python -m tui.widgets.styles && ruff format tui/widgets` after changing the colour rules or
    upgrading Textual)."""
    from textual.theme import BUILTIN_THEMES

    from tui.widgets.styles import compute_variables, fingerprint
    from tui.widgets.theme_table import TABLE

    for name, theme in BUILTIN_THEMES.items():
        variables = {**theme.to_color_system().generate(), **theme.variables}
        if "ansi" not in name:
            assert TABLE.get(fingerprint(variables)) == compute_variables(variables), name
