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


# -- the rest of the reader's chrome: sizes, key bar, config, history --------------------------


def screen_text(app: BriefApp) -> list[str]:
    return ["".join(s.text for s in line) for line in screen_lines(app)]


@pytest.mark.parametrize("size", [(50, 14), (59, 30), (70, 15)])
async def test_too_small_shows_only_the_message(app_at, size):
    app = app_at()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert any("Terminal too small" in line for line in text)
        others = [line.strip() for line in text if line.strip() and "too small" not in line]
        assert not others, others  # no tab strip, header or key bar leaking


async def test_at_60_columns_every_tab_is_whole(app_at):
    app = app_at()
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        start = next(n for n, line in enumerate(text) if "1 Summary" in line)
        strip = text[start]  # one line, nothing cut
        assert "…" not in strip
        for tab in ("2 Takeaways", "3 Actors", "4 History", "5 Source"):
            assert tab in strip
        assert start == 2  # the title and the byline take a line each
        assert text[0].rstrip().endswith("…") and text[1].rstrip().endswith("…")


@pytest.mark.parametrize("width", [60, 80, 100, 120])
async def test_the_key_bar_never_shows_a_key_without_its_label(app_at, width):
    app = app_at()
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        bar = screen_text(app)[-1].rstrip()
        assert bar.endswith("ctrl+p palette"), bar


async def test_a_misspelt_binding_id_in_config_is_reported(store, tmp_path):
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    (config_dir / "config.toml").write_text('[keys]\nlibary = "ctrl+l"\n', encoding="utf-8")
    from tui.config import load_config

    app = BriefApp(store, UserData(tmp_path / "data"), None, load_config(config_dir))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(
            "keys.libary is not a key binding" in m and "library" in m and "config.toml" in m
            for m in messages
        ), messages


async def test_back_from_an_entity_opened_directly_goes_to_the_library(app_at):
    app = app_at(Location("entity", "abdul-rashid-dostum"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("backspace")
        assert type(app.screen).__name__ == "LibraryScreen"


async def test_the_chosen_theme_is_remembered_across_restarts(store, tmp_path):
    first = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        chosen = first.theme
    second = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    assert second.theme == chosen != "textual-dark"


def test_themes_the_reader_cannot_make_readable_are_not_offered(store, tmp_path):
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    assert not {"ansi-dark", "ansi-light"} & set(reader_themes(app))
    assert not {"ansi-dark", "ansi-light"} & set(app.available_themes)  # nor in the palette
