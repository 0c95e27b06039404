"""Keys within a frame, round 5 (issue 11): a pane switch restyles and repaints only what changed,
and the theme's name shows on the key bar instead of a toast over the panes.

Each speed-up keeps what is drawn: the styles a node keeps from an earlier restyle are compared
with Textual's own restyle, the Actors tree's kept lines with lines drawn afresh."""

from __future__ import annotations

from pathlib import Path

from textual.css.stylesheet import Stylesheet
from textual.scrollbar import ScrollBar
from textual.widget import Widget

from tui import textual_fixes
from tui.app import BriefApp
from tui.config import Config
from tui.store import Store
from tui.userdata import UserData
from tui.widgets.actors import ActorTree
from tui.widgets.keybar import KeyBar
from tui.widgets.panes import TextPane


def make(store: Store, tmp_path: Path) -> BriefApp:
    return BriefApp(store, UserData(tmp_path / "data"), None, Config())


def styled(nodes: list) -> list:
    """Each node's rules and component styles, as set on it now."""
    return [
        (
            node,
            dict(node._css_styles._rules),
            {name: dict(s._base_styles._rules) for name, s in node._component_styles.items()},
        )
        for node in nodes
    ]


def screen_nodes(app: BriefApp) -> list:
    nodes = list(app.screen.walk_children(with_self=True))
    nodes += [
        n.vertical_scrollbar
        for n in nodes
        if isinstance(n, Widget) and n.show_vertical_scrollbar and n.scrollbar_size_vertical
    ]
    return nodes


def tree_lines(tree: ActorTree) -> list:
    return [list(strip) for strip in tree.render_lines(tree.size.region)]


async def test_theme_name_shows_on_the_key_bar_not_over_the_panes(store: Store, tmp_path: Path):
    app = make(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert app.theme != "textual-dark"
        assert not app._notifications  # no toast over History and Source
        bar = app.screen.query_one(KeyBar)
        line = bar.render_line(0).text
        assert line.strip().startswith(f"Theme: {app.theme}")
        assert "ctrl+p palette" in line  # the keys are still there after it
    app = make(store, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t", "t")
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert bar.notice == f"Theme: {app.theme}"  # the latest theme, once
        assert bar.render_line(0).text.count("Theme:") == 1


async def test_theme_notice_goes_after_its_time(store: Store, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(BriefApp, "THEME_NOTICE_SECONDS", 0.3)
    app = make(store, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("t")
        bar = app.screen.query_one(KeyBar)
        assert bar.notice
        await pilot.pause(0.6)
        assert bar.notice == ""
        assert "Theme:" not in bar.render_line(0).text


async def test_repeated_pane_switches_match_no_rules_again(
    store: Store, tmp_path: Path, monkeypatch
):
    app = make(store, tmp_path)
    applied: list[str] = []
    apply = Stylesheet.apply

    def counted(self: Stylesheet, node, *args, **kwargs):
        if getattr(node, "id", None):
            applied.append(node.id)
        return apply(self, node, *args, **kwargs)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"12345123")
        await pilot.pause()
        monkeypatch.setattr(Stylesheet, "apply", counted)
        await pilot.press(*"4512")
        await pilot.pause()
        assert applied == []  # every state seen before (Textual: each pane's nodes matched again)


async def test_kept_styles_are_what_textual_would_set(store: Store, tmp_path: Path):
    app = make(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*"12345123", "t", *"34", "j", "2", "tab", "shift+tab")
        await pilot.pause()
        assert textual_fixes.textual_update_nodes is not None
        kept = [
            n for n in screen_nodes(app) if len(n.__dict__.get("_brief_styled", (0, {}))[1]) > 1
        ]
        assert kept  # the states were kept, and used
        nodes = screen_nodes(app)
        ours = styled(nodes)
        textual_fixes.textual_update_nodes(app.stylesheet, nodes)
        theirs = styled(nodes)
        assert ours == theirs


async def test_focus_change_draws_no_new_pane_line(store: Store, tmp_path: Path, monkeypatch):
    app = make(store, tmp_path)
    drawn: list[str] = []
    render_row = TextPane._render_row

    def counted(self: TextPane, *args, **kwargs):
        drawn.append(str(self.id))
        return render_row(self, *args, **kwargs)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "2", "1", "2")
        await pilot.pause()
        monkeypatch.setattr(TextPane, "_render_row", counted)
        await pilot.press("1", "2")
        await pilot.pause()
        # (Source shows each item's support: its lines are redrawn, Summary's and Key takeaways'
        # cursor lines come from the lines kept for focus and for blur)
        assert "summary" not in drawn and "takeaways" not in drawn


async def test_tree_lines_kept_across_focus_are_drawn_right(store: Store, tmp_path: Path):
    app = make(store, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        tree = app.screen.query_one(ActorTree)
        for keys in (("3", "j"), ("1",), ("3",), ("t",), ("1",), ("3",)):
            await pilot.press(*keys)
            await pilot.pause()
            kept = tree_lines(tree)
            tree._line_cache.clear()
            tree._styles_cache.clear()
            assert kept == tree_lines(tree), keys


async def test_scrollbars_repaint_only_when_their_colours_change(
    store: Store, tmp_path: Path, monkeypatch
):
    app = make(store, tmp_path)
    dirtied: list[ScrollBar] = []
    set_dirty = ScrollBar._set_dirty

    def counted(self: ScrollBar, *regions):
        dirtied.append(self)
        return set_dirty(self, *regions)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("1", "2", "1")
        await pilot.pause()
        summary = app.screen.query_one("#summary", TextPane)
        monkeypatch.setattr(ScrollBar, "_set_dirty", counted)
        await pilot.press("2", "1")
        await pilot.pause()
        assert summary.vertical_scrollbar not in dirtied  # (Textual: repainted on each restyle)
        summary.styles.scrollbar_color = "red"
        assert summary.vertical_scrollbar in dirtied


async def test_focus_in_and_out_of_actors_repaints_not_the_card(
    store: Store, tmp_path: Path, monkeypatch
):
    app = make(store, tmp_path)
    dirtied: list[Widget] = []
    set_dirty = Widget._set_dirty

    def counted(self: Widget, *regions):
        dirtied.append(self)
        return set_dirty(self, *regions)

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "1", "3", "1")
        await pilot.pause()
        pane = app.screen.query_one("#actors")
        card = app.screen.query_one("#actor-card")
        blurred = (pane.styles.border_title_color, pane.styles.border_title_style)
        monkeypatch.setattr(Widget, "_set_dirty", counted)
        await pilot.press("3")
        await pilot.pause()
        assert pane in dirtied  # the pane's border and title change colour …
        assert card not in dirtied  # … the card inside it does not (Textual: redrawn)
        focused = (pane.styles.border_title_color, pane.styles.border_title_style)
        assert focused != blurred and focused[1].bold


class Terminal:
    """What a terminal shows after the updates the app writes (each cell: character and colours)."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.cells: list[list[object]] = [[None] * width for _ in range(height)]

    def feed(self, app: BriefApp, update: object) -> None:
        from rich.cells import cell_len
        from rich.segment import ControlType

        console = app.console
        x = y = 0
        for segment in update.__rich_console__(console, console.options):  # type: ignore[attr-defined]
            if segment.control:
                for control in segment.control:
                    if control[0] == ControlType.CURSOR_MOVE_TO:
                        x, y = control[1], control[2]
                continue
            if segment.text == "\n":
                x, y = 0, y + 1
                continue
            style = segment.style
            look = (
                None
                if style is None
                else (style.color, style.bgcolor, style.bold, style.italic, style.underline)
            )
            for character in segment.text:
                width = cell_len(character)
                for n in range(width):  # (a wide character's second cell: a placeholder)
                    if 0 <= y < self.height and 0 <= x + n < self.width:
                        self.cells[y][x + n] = (character if not n else "", look)
                x += width

    def rows(self) -> list[str]:
        return ["".join(c[0] if c else "?" for c in row) for row in self.cells]


def fresh(app: BriefApp) -> Terminal:
    """The screen drawn from scratch: every cache of drawn lines dropped first."""
    for widget in app.screen.walk_children(with_self=True):
        widget._set_dirty()
        for name in ("_strips", "_line_cache", "_row_styles"):
            kept = getattr(widget, name, None)
            if kept is not None:
                kept.clear()
        lines = getattr(widget._styles_cache, "_lines", None)
        if lines is not None:
            lines.clear()
    terminal = Terminal(*app.size)
    terminal.feed(app, app.screen._compositor.render_update(full=True))
    return terminal


async def check_terminal(store: Store, tmp_path: Path, monkeypatch, size, bursts) -> None:
    shown: list[Terminal] = []
    display = BriefApp._display

    def displayed(self: BriefApp, screen, renderable) -> None:
        if renderable is not None and shown:
            shown[0].feed(self, renderable)
        return display(self, screen, renderable)

    monkeypatch.setattr(BriefApp, "_display", displayed)
    app = make(store, tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        shown.append(fresh(app))
        for keys in bursts:
            await pilot.press(*keys)
            await pilot.pause()
            after = fresh(app)
            stale = [
                (y, x)
                for y in range(after.height)
                for x in range(after.width)
                if shown[0].cells[y][x] != after.cells[y][x]
            ]
            assert not stale, (
                keys,
                stale[:5],
                [(shown[0].rows()[y][25:45], after.rows()[y][25:45]) for y in range(1, 8)],
            )
            shown[0] = after


async def test_pane_switches_leave_nothing_stale_on_the_terminal(
    store: Store, tmp_path: Path, monkeypatch
):
    """Whatever a key repaints (a pane's frame only, kept lines, kept styles), the terminal ends up
    showing what a full redraw shows."""
    bursts = [("2",), ("3",), ("j",), ("4",), ("5",), ("1",), ("tab",), ("shift+tab",)]
    bursts += [("3", "j", "j"), ("2",), ("t",), ("4",), ("1", "2", "3")]
    await check_terminal(store, tmp_path, monkeypatch, (120, 40), bursts)


async def test_narrow_pane_switches_leave_nothing_stale(store: Store, tmp_path: Path, monkeypatch):
    bursts = [("2",), ("3",), ("j",), ("4",), ("5",), ("1",), ("t",), ("3",), ("2",)]
    await check_terminal(store, tmp_path, monkeypatch, (80, 24), bursts)
