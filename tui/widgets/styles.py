"""The reader's colours and highlight styles, in one place.

Built-in themes were not made for the reader's highlights: a selected takeaway measured 1.41:1 in
rose-pine-dawn, the key bar 1.16:1 in solarized-dark, and tmux's 256-colour palette merges some
tints with the pane behind them. So the reader derives its own component colours from each theme
(:func:`reader_variables`, added to the CSS variables by the App) and every colour is chosen to reach
WCAG 4.5:1 against every background it is drawn on, in true colour and after downgrading to 256
colours. The panes, the Actors card, the key bar and the entity page use only these variables;
tests/test_themes.py measures the drawn cells.

Use ``MUTED_STYLE`` instead of ``dim`` (a terminal's dim is about half-way to the background:
unreadable on a tinted line).
"""

from __future__ import annotations

from functools import lru_cache

from rich.color import Color as RichColor
from rich.color import ColorSystem
from textual.color import WHITE, Color
from textual.filter import LineFilter

MENTION_STYLE = "bold underline $brief-mention"
SUPPORT_STYLE = "$brief-text on $brief-support"
MATCH_STYLE = "$brief-match-text on $brief-match"
REF_STYLE = "$brief-muted"
MUTED_STYLE = "$brief-muted"
HINT_STYLE = "bold $brief-hint-text on $brief-hint"
CURSOR_STYLE = "$brief-text on $brief-cursor"  # the cursor line of the focused pane
CURSOR_BLURRED_STYLE = "$brief-text on $brief-cursor-blurred"  # … of the other panes
HINT_KEYS = "123456789abcdeghijklmopqrstuvwxyz"

TARGET = 4.6  # a little above WCAG's 4.5:1, so rounding never tips a colour under
BLACK = Color(0, 0, 0)


@lru_cache(maxsize=8192)
def luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = color.rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: Color, b: Color) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@lru_cache(maxsize=4096)
def eight_bit(color: Color) -> Color:
    """The colour tmux and 256-colour terminals actually draw for ``color``."""
    rich = RichColor.from_rgb(*color.rgb).downgrade(ColorSystem.EIGHT_BIT)
    triplet = rich.get_truecolor()
    return Color(triplet.red, triplet.green, triplet.blue)


def worst(fg: Color, backgrounds: list[Color]) -> float:
    """The lowest contrast of ``fg`` on any of ``backgrounds``, in true colour and in 256 colours."""
    return min(min(contrast(fg, bg), contrast(eight_bit(fg), eight_bit(bg))) for bg in backgrounds)


def readable(fg: Color, backgrounds: list[Color]) -> Color:
    """``fg``, moved towards white or black just enough to reach TARGET on every background."""
    if worst(fg, backgrounds) >= TARGET:
        return fg
    ends = sorted((WHITE, BLACK), key=lambda end: worst(end, backgrounds), reverse=True)
    for end in ends:
        for step in range(1, 21):
            candidate = fg.blend(end, step / 20)
            if worst(candidate, backgrounds) >= TARGET:
                return candidate
    return ends[0]


def tint(base: Color, towards: Color, amount: float, text: Color) -> Color:
    """``base`` tinted with ``towards`` — visibly different from ``base`` in 256 colours too — but
    never so far that ``text`` (or its black/white extreme) cannot stay readable on it."""
    extreme = WHITE if luminance(text) > luminance(base) else BLACK
    chosen = base
    for step in range(1, 9):
        share = min(0.9, amount * step / 4)
        candidate = base.blend(towards, share)
        if (
            contrast(extreme, candidate) < TARGET + 1
            or contrast(extreme, eight_bit(candidate)) < TARGET + 1
        ):
            break
        chosen = candidate
        if share >= amount and eight_bit(candidate) != eight_bit(base):
            break
    return chosen


SEPARATION = 1.15  # the least luminance contrast between two grounds that sit side by side


def separation(a: Color, b: Color) -> float:
    """How far apart two grounds are: the lower contrast of true colour and 256 colours."""
    return min(contrast(a, b), contrast(eight_bit(a), eight_bit(b)))


def separate(ground: Color, others: list[Color], text: Color) -> Color:
    """``ground``, moved just enough to stand SEPARATION apart from each of ``others`` in true
    colour and in 256 colours (a selected line that tmux draws in the same grey as its neighbours
    is invisible): towards ``text``'s side while its black/white extreme stays readable on it, or
    away from it (which only makes text more readable), whichever needs the smaller move."""
    if all(separation(ground, other) >= SEPARATION for other in others):
        return ground
    extreme = WHITE if luminance(text) > luminance(ground) else BLACK
    away = BLACK if extreme is WHITE else WHITE
    blocked = False
    for step in range(1, 33):
        for end in (extreme, away):
            if end is extreme and blocked:
                continue
            candidate = ground.blend(end, step / 40)
            if end is extreme and (
                min(contrast(extreme, candidate), contrast(extreme, eight_bit(candidate)))
                < TARGET + 0.5
            ):
                blocked = True  # the text (at its extreme if it must) would not stay readable
                continue
            if all(separation(candidate, other) >= SEPARATION for other in others):
                return candidate
    return ground


def ground(bg: Color) -> Color:
    """``bg``, moved towards black or white just enough that black or white text reaches TARGET."""
    for step in range(0, 21):
        for end in (BLACK, WHITE):
            candidate = bg.blend(end, step / 20)
            if max(worst(WHITE, [candidate]), worst(BLACK, [candidate])) >= TARGET:
                return candidate
    return bg


def _solid(value: str | None, behind: Color, fallback: Color | None = None) -> Color:
    """A theme variable as an opaque colour (``fallback`` for values like "auto 87%")."""
    try:
        color = Color.parse(value or "")
    except Exception:
        return fallback if fallback is not None else behind
    return behind + color if color.a < 1 else color


INPUTS = (
    "background",
    "surface",
    "panel",
    "foreground",
    "primary",
    "secondary",
    "accent",
    "warning",
    "success",
    "error",
    "footer-background",
    "footer-key-foreground",
    "footer-description-foreground",
    *(f"markdown-h{level}-color" for level in range(1, 7)),
)


def fingerprint(variables: dict[str, str]) -> str:
    return "|".join(str(variables.get(name, "")) for name in INPUTS)


def reader_variables(variables: dict[str, str]) -> dict[str, str]:
    """The reader's component colours for a theme: precomputed for the built-in themes (computing
    them takes 10–20 ms, too much for start-up), computed for any other."""
    from .theme_table import TABLE

    known = TABLE.get(fingerprint(variables))
    return dict(known) if known is not None else compute_variables(variables)


def compute_variables(variables: dict[str, str]) -> dict[str, str]:
    """The reader's component colours for a theme, from the theme's own CSS variables."""
    background = _solid(variables["background"], BLACK)
    surface = _solid(variables["surface"], background)
    panel = _solid(variables.get("panel", variables["surface"]), background)
    foreground = _solid(variables["foreground"], background)
    primary = _solid(variables["primary"], background)
    accent = _solid(variables.get("accent", variables["primary"]), background)
    warning = _solid(variables.get("warning", variables["primary"]), background)
    success = _solid(variables.get("success", variables["primary"]), background)
    footer = _solid(variables.get("footer-background"), background, panel)

    header = surface.blend(foreground, 0.06)
    cursor = separate(tint(surface, primary, 0.35, foreground), [surface], foreground)
    blurred = separate(tint(surface, foreground, 0.12, foreground), [surface], foreground)
    # the support sentence sits inside a paragraph drawn on the cursor (focused or not)
    support = separate(
        tint(surface, accent, 0.3, foreground), [surface, cursor, blurred], foreground
    )
    grounds = [background, surface, panel, header, cursor, blurred, support]

    text = readable(foreground, grounds)
    muted = readable(foreground.blend(surface, 0.4), grounds)
    mention = readable(warning, grounds)
    link = readable(accent, grounds)
    match = ground(success)
    hint = ground(accent)
    bar = footer
    colours = {
        "brief-background": background,
        "brief-surface": surface,
        "brief-header": header,
        "brief-cursor": cursor,
        "brief-cursor-blurred": blurred,
        "brief-support": support,
        "brief-text": text,
        "brief-muted": muted,
        "brief-mention": mention,
        "brief-link": link,
        "brief-match": match,
        "brief-match-text": readable(surface, [match]),
        "brief-hint": hint,
        "brief-hint-text": readable(surface, [hint]),
        "brief-bar": bar,
        "brief-bar-key": readable(
            _solid(variables.get("footer-key-foreground"), bar, accent), [bar]
        ),
        "brief-bar-text": readable(
            _solid(variables.get("footer-description-foreground"), bar, foreground), [bar]
        ),
        "brief-border": tint(surface, foreground, 0.3, foreground),
    }
    # Textual's own text colours, made readable on the same grounds, so widgets and other modules
    # that use $text-muted or $text-accent are readable too.
    for name in ("accent", "primary", "secondary", "warning", "success", "error"):
        if name in variables:
            colours[f"text-{name}"] = readable(_solid(variables[name], background), grounds)
    for level in range(1, 7):
        name = f"markdown-h{level}-color"
        if name in variables:
            colours[name] = readable(_solid(variables[name], surface, text), grounds)
    colours["foreground"] = text
    colours["text-muted"] = muted
    colours["text-disabled"] = muted
    return {name: color.hex for name, color in colours.items()}


class ReadableDim(LineFilter):
    """A line filter that draws ``dim`` text in the reader's muted colour.

    A terminal draws dim text about half-way to the background, under 4.5:1 in most themes and
    invisible on a tinted line; the muted colour is chosen to stay readable on every ground."""

    def __init__(self, muted: Color) -> None:
        from rich.style import Style

        super().__init__()
        self.style = Style(color=RichColor.from_rgb(*muted.rgb), dim=False)

    def apply(self, segments: list, background: Color) -> list:
        from rich.segment import Segment

        style = self.style
        if not any(segment.style is not None and segment.style.dim for segment in segments):
            return segments  # nothing dim: the line as it was (no new strip is made for it)
        return [
            Segment(segment.text, segment.style + style, segment.control)
            if segment.style is not None and segment.style.dim
            else segment
            for segment in segments
        ]


def theme_table_source() -> str:
    """tui/widgets/theme_table.py for Textual's built-in themes (`python -m tui.widgets.styles`)."""
    from textual.theme import BUILTIN_THEMES

    table = {}
    for _name, theme in sorted(BUILTIN_THEMES.items()):
        variables = {**theme.to_color_system().generate(), **theme.variables}
        if "ansi_" in fingerprint(variables):
            continue  # ANSI themes: colours of the terminal's own palette, unknown here
        table[fingerprint(variables)] = compute_variables(variables)
    return (
        '"""Generated by `python -m tui.widgets.styles`: the reader\'s colours for the built-in themes,\n'
        'keyed by the theme colours they derive from (tests/test_themes.py checks it is current)."""\n\n'
        f"TABLE: dict[str, dict[str, str]] = {table!r}\n"
    )


if __name__ == "__main__":
    from pathlib import Path

    Path(__file__).with_name("theme_table.py").write_text(theme_table_source(), encoding="utf-8")
