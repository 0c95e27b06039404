"""What every full screen of the reader shares: a "terminal too small" guard."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.content import Content
from textual.geometry import Region
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

MIN_WIDTH = 60
MIN_HEIGHT = 16


class BriefScreen(Screen):
    """Below MIN_WIDTH × MIN_HEIGHT the screen says so instead of drawing garbage."""

    SETTLES_KEYS = True  # a key's messages land before its frame and next key (textual_fixes)

    DEFAULT_CSS = """
    BriefScreen #too-small { display: none; width: 1fr; height: 1fr; content-align: center middle; }
    BriefScreen.-too-small > * { display: none; }
    BriefScreen.-too-small > #too-small { display: block; }
    """

    # The widget classes the screen composes, in the order they mount (breadth first). Their
    # DEFAULT_CSS is added to the stylesheet with the screen's own, so that every widget is styled
    # once against the whole stylesheet — see _post_register and on_screen_resume.
    CSS_CLASSES: ClassVar[tuple[type, ...]] = ()

    # Textual's Screen.focused repaints the whole screen whenever focus moves (every pane switch
    # re-rendered all 120×40 cells); the widgets that gain and lose focus repaint themselves.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # What waits for this screen's first paint (writes to the user's data: never before it)
        self.after_paint: list[Callable[[], object]] = []
        self._css_sources = -1  # the stylesheet's source count once this screen's CSS is in
        self._resumed = False

    def add_default_css(self, stylesheet: Any, classes: Iterable[type]) -> None:
        """Add the DEFAULT_CSS of ``classes`` (in mount order) to ``stylesheet``, as Textual would
        when their first instances mount."""
        for cls in classes:
            shim = object.__new__(cls)  # _get_default_css only reads the class's bases
            for read_from, css, tie_breaker, scope in cls._get_default_css(shim):
                stylesheet.add_source(
                    css,
                    read_from=read_from,
                    is_default_css=True,
                    tie_breaker=tie_breaker,
                    scope=scope,
                )
        self._css_sources = len(stylesheet.source)

    def _post_register(self, app: Any) -> None:
        """Textual adds a widget class's DEFAULT_CSS when its first instance mounts, level by
        level, re-parsing the stylesheet each time; and since a widget styled before a later
        source came in may be stale, it restyles the whole screen when the screen is first shown.
        Adding every source the screen will need now — as Textual would, in mount order — makes
        one parse and one styling pass enough."""
        super()._post_register(app)
        stylesheet = app.stylesheet
        classes: list[type] = []
        if self.CSS_CLASSES:  # Textual's own widgets come first on every screen (_extend_compose)
            from textual.widgets._toast import ToastRack

            if not app._disable_notifications:
                classes.append(ToastRack)
        self.add_default_css(stylesheet, (*classes, *self.CSS_CLASSES))
        if self.CSS_CLASSES:
            from .. import css_cache

            missing = css_cache.load(stylesheet)
            if missing is not None:
                self.after_paint.append(lambda: css_cache.save(stylesheet, missing))

    def _extend_compose(self, widgets: list[Widget]) -> None:
        """Textual's own widgets, less the tooltip: nothing on these screens has a tooltip (it
        would be one more widget to mount and style before the first paint). Textual's tooltip
        code does without it (it looks the widget up and does nothing when it is not there)."""
        from textual.widgets._tooltip import Tooltip

        super()._extend_compose(widgets)
        widgets[:] = [widget for widget in widgets if not isinstance(widget, Tooltip)]

    def _update_focus_styles(
        self, focused: Widget | None = None, blurred: Widget | None = None
    ) -> None:
        """Restyle for a focus change once, not three times.

        Textual restyles here the panes whose ``:focus-within`` changed, but the widgets' own
        ``has_focus`` only changes when their Focus and Blur messages arrive, and each change
        restyles the widget again (the Actors tree, with nine component classes, ~5 ms a time).
        ``has_focus`` is set now instead, so this one restyle sees the whole new state and the
        messages find nothing left to change. A widget outside any ``:focus-within`` subtree is
        restyled here too, since its message no longer will."""
        restyle: list[Widget] = []
        for widget, state in ((blurred, False), (focused, True)):
            if widget is None or widget.has_focus == state:
                continue
            widget.set_reactive(Widget.has_focus, state)
            if not any(node._has_focus_within for node in widget.ancestors_with_self):
                restyle.append(widget)
        framed = self._framed_panes(focused, blurred)
        super()._update_focus_styles(focused, blurred)
        if restyle:
            self.app.stylesheet.update_nodes(
                {node for widget in restyle for node in widget.walk_children(with_self=True)},
                animate=True,
            )
        self._repaint_frames_only(framed)

    def _framed_panes(self, *widgets: Widget | None) -> list[tuple[Widget, set, Any, Any]]:
        """The panes (``.pane``) around the widgets gaining and losing focus, with what a focus
        change must leave as it is: their regions waiting for a repaint, colours and size."""
        panes = []
        for widget in widgets:
            pane = (
                next((node for node in widget.ancestors_with_self if node.has_class("pane")), None)
                if widget is not None
                else None
            )
            if isinstance(pane, Widget) and pane.is_mounted and all(pane.styles.border):
                panes.append((pane, set(pane._repaint_regions), pane.visual_style, pane.outer_size))
        return panes

    def _repaint_frames_only(self, framed: list[tuple[Widget, set, Any, Any]]) -> None:
        """A focus change restyles a pane's frame — border and title colours — and the cursor
        line's colours; Textual then repaints the whole pane, every cell of it written to the
        terminal again. If the pane's own colours and size are as they were, only the frame's
        cells and the cursor's lines are repainted (plus whatever waited before the restyle);
        what is inside repaints itself if it changed (the Actors tree does). (Regions are in the
        pane's own coordinates, over its outer size: border and padding included.)"""
        for pane, waiting, style, size in framed:
            if pane.visual_style != style or pane.outer_size != size or not all(pane.styles.border):
                continue
            width, height = size
            if width < 2 or height < 2:
                continue
            regions = pane._repaint_regions
            regions.clear()
            regions.update(waiting)
            regions.update(
                (
                    Region(0, 0, width, 1),
                    Region(0, height - 1, width, 1),
                    Region(0, 0, 1, height),
                    Region(width - 1, 0, 1, height),
                )
            )
            repaint_cursor = getattr(pane, "repaint_item", None)
            if repaint_cursor is not None and getattr(pane, "items", None):
                repaint_cursor(pane.cursor)

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        # Runs before Screen's own handler. The first time the screen shows, its widgets were all
        # styled against a stylesheet that has not changed since (no source was added while they
        # mounted): restyling them all again would only cost time before the first paint.
        if not self._resumed:
            self._resumed = True
            if len(self.app.stylesheet.source) == self._css_sources:
                event.refresh_styles = False

    def on_mount(self) -> None:
        # Runs besides each screen's own on_mount (Textual calls the handler of every class).
        self.call_after_refresh(self._painted)

    def on_unmount(self) -> None:
        # A screen replaced before its first paint (keys typed fast) still does what waited for
        # it: the user's position in the brief left, the reading mark.
        hooks, self.after_paint = self.after_paint, []
        for hook in hooks:
            hook()

    def _painted(self) -> None:
        hooks, self.after_paint = self.after_paint, []
        for hook in hooks:
            hook()
        first_paint = getattr(self.app, "first_painted", None)
        if first_paint is not None:
            first_paint()

    def compose_too_small(self) -> ComposeResult:
        """Nothing at first: the message is mounted the first time the terminal is too small
        (:meth:`on_resize`), not composed, mounted and styled before every first paint."""
        yield from ()

    def on_resize(self, event: events.Resize) -> None:
        small = event.size.width < MIN_WIDTH or event.size.height < MIN_HEIGHT
        if small and not self.query("#too-small"):
            message = f"Terminal too small — brief needs at least {MIN_WIDTH}×{MIN_HEIGHT}."
            self.mount(Static(Content(message), id="too-small"))
        self.set_class(small, "-too-small")
