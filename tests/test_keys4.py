"""Keys within a frame, round 6 (issue 11): each key reaches the terminal in one frame.

A move in Summary drew its cursor at once, and the Source highlight and the Actors marks a timer
tick (16–35 ms) later: they travel as messages between widgets that each run their own task, and
the screen drew whatever had reached it. The screen now holds a frame while messages are still on
their way (tui/textual_fixes.py, ``_one_frame_per_key``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import BriefApp
from tui.config import Config
from tui.store import Store
from tui.userdata import UserData
from tui.widgets.panes import SourcePane

KEYS = ["j", "j", "k", "2", "j", "3", "down", "down", "up", "4", "j", "5", "j"]
KEYS += ["1", "2", "3", "4", "5", "1", "tab", "shift+tab"]


async def test_each_key_reaches_the_terminal_in_one_frame(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    frames: list[object] = []
    display = BriefApp._display

    def counting_display(self, screen, renderable):  # type: ignore[no-untyped-def]
        if renderable is not None and not self._batch_count:
            frames.append(renderable)
        return display(self, screen, renderable)

    monkeypatch.setattr(BriefApp, "_display", counting_display)
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.1)
        drawn = []
        for key in KEYS:
            frames.clear()
            await pilot.press(key)
            await pilot.pause(0.1)  # six timer ticks: any later frame has come by now
            drawn.append((key, len(frames)))
        assert drawn == [(key, 1) for key in KEYS]


async def test_the_one_frame_holds_the_source_highlight(store: Store, tmp_path: Path):
    """What the frame holds: after `j` in Summary, Source highlights the new item's support."""
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        await pilot.pause()
        source = app.screen.query_one(SourcePane)
        summary = app.screen.query_one("#summary")
        assert app.screen.selection.item == summary.current_key()
        assert source.support() == app.screen.view.sentence_ids(summary.current_key())


def lines_in_view(
    source: SourcePane, index: int, start: int, end: int, view: int | None = None
) -> bool:
    """Are all the lines of paragraph ``index``'s characters start..end within Source's view?"""
    from bisect import bisect_right

    wraps, offset = source._wraps[index], len(source.items[index].prefix)
    first = source._tops[index] + max(0, bisect_right(wraps, offset + start) - 1)
    last = source._tops[index] + max(0, bisect_right(wraps, offset + end - 1) - 1)
    view = int(source.scroll_offset.y) if view is None else view
    return view <= first and last < view + source.page_height


async def test_source_stays_put_when_the_support_already_shows(store: Store, tmp_path: Path):
    """Moving to an item whose supporting sentence is wholly on screen leaves Source's scroll as
    it was (it scrolled the sentence's paragraph to the top: a whole-pane redraw per key); an
    item whose support is off screen still brings it into view."""
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")
        await pilot.pause()
        source = app.screen.query_one(SourcePane)
        stayed = moved = 0
        for key in ["j"] * 6 + ["k"] * 6 + ["1"] + ["j"] * 6:
            view = int(source.scroll_offset.y)
            screen = app.screen
            await pilot.press(key)
            await pilot.pause()
            support = screen.view.sentence_ids(screen.selection.item)
            where = [
                (index, start, end)
                for index, item in enumerate(source.items)
                for sentence, start, end in item.sentences
                if sentence in support
            ]
            if not where:
                continue
            index, start, end = where[0]
            assert source.cursor == index
            was_shown = lines_in_view(source, index, start, end, view)
            assert lines_in_view(source, index, start, end)  # the support shows, either way
            if was_shown:
                assert int(source.scroll_offset.y) == view
                stayed += 1
            else:
                moved += 1
        assert stayed and moved  # both cases happened


def drawn(widget) -> list[list]:
    """Every line of the widget drawn afresh (kept lines dropped), as (text, style) pairs."""
    widget._styles_cache.clear()
    widget._styles_cache._lines.clear()
    return [
        [(segment.text, segment.style) for segment in strip]
        for strip in widget.render_lines(widget.size.region)
    ]


async def test_finished_lines_match_textuals_own(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The line finisher (tui/widgets/linecache.py) draws what Textual's StylesCache draws, for
    every pane, the Actors tree, its card and the scrollbars, focused or not, in hint mode, and
    in another theme."""
    from tui.widgets.actors import ActorsPane, ActorTree
    from tui.widgets.linecache import LineStylesCache
    from tui.widgets.panes import TextPane

    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        compared = 0
        for keys in [(), ("3", "down", "down"), ("2", "j"), ("f",), ("escape", "4"), ("t",)]:
            if keys:
                await pilot.press(*keys)
                await pilot.pause()
            panes = [*app.screen.query(TextPane), *app.screen.query(ActorTree)]
            kept = [*panes, *app.screen.query(ActorsPane), app.screen.query_one("#actor-card")]
            kept += [pane.vertical_scrollbar for pane in panes if pane.show_vertical_scrollbar]
            for widget in kept:
                assert isinstance(widget._styles_cache, LineStylesCache)
                fast = drawn(widget)
                with monkeypatch.context() as patch:
                    patch.setattr(LineStylesCache, "_finisher", lambda *args: None)
                    textual = drawn(widget)
                assert fast == textual, (keys, widget.id)
                compared += len(fast)
        assert compared > 500


# -- keys in one burst act as keys typed one at a time ----------------------------------------------
def reader_state(app: BriefApp) -> dict:
    """What a reader shows that a key can change: focus, selection, every cursor, the status."""
    screen = app.screen
    state: dict = {"screen": type(screen).__name__}
    if state["screen"] == "ReaderScreen":
        state["active"] = screen.active
        state["selection"] = screen.selection
        for name in ("summary", "takeaways", "history", "source"):
            state[name] = screen.query_one(f"#{name}").cursor
        state["status"] = str(screen.query_one("#status").render())
    return state


async def state_after(store: Store, tmp_path: Path, keys: list[str], burst: bool) -> dict:
    from textual import events
    from textual.keys import _character_to_key

    app = BriefApp(store, UserData(tmp_path / ("burst" if burst else "slow")), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.1)
        for key in keys:
            if burst:  # as one terminal read delivers them: no wait in between
                character = key if len(key) == 1 else None
                app.post_message(
                    events.Key(_character_to_key(key) if character else key, character)
                )
            else:
                await pilot.press(key)
                await pilot.pause(0.05)
        for _ in range(4):
            await pilot.pause(0.05)
        return reader_state(app)


@pytest.mark.parametrize(
    "keys",
    [
        "1 j j j 5 j",  # Source showed the support of the item before the last `j`
        "/ t a l i b a n enter n n N",  # the `n`s were typed into the search field
        "1 j j 3 down down 2",  # the actor's late message dropped the takeaway
        "3 down down 4 j 1",  # the `j` moved Summary, not History
    ],
)
async def test_keys_in_one_burst_end_where_keys_typed_slowly_do(
    store: Store, tmp_path: Path, keys: str
):
    """Each key acts on the screen the previous key produced, its messages included: a pane's
    cursor reports its item, the search field its Enter, as messages still on their way when the
    next key of a burst came."""
    slow = await state_after(store, tmp_path, keys.split(), burst=False)
    fast = await state_after(store, tmp_path, keys.split(), burst=True)
    assert fast == slow


async def test_the_card_says_it_continues_when_the_status_line_takes_a_row(
    store: Store, tmp_path: Path
):
    """The card's top edge reads "more below — J" exactly when the card is cut off, also after
    the status line (hint prompt, search count) comes or goes and the card's box shrinks or
    grows: the edge used to keep what it said for the old height."""
    from textual.containers import VerticalScroll

    from tui.widgets.actors import ActorsPane

    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        seen = set()
        for key in ["3", *["down"] * 7, "1", "j", "f", "escape", "f", "escape"]:
            await pilot.press(key)
            await pilot.pause(0.05)
            pane = app.screen.query_one(ActorsPane)
            box = pane.query_one("#actor-card-box", VerticalScroll)
            cut = pane.card_end(box) > 0
            assert (str(box.border_title) == "more below — J") == cut, key
            seen.add(cut)
        assert seen == {True, False}


async def test_help_scrolls_with_the_readers_keys_at_once(store: Store, tmp_path: Path):
    """In Help, j / k / space / G / g scroll as in the reader, and a page moves at once (it
    animated for 0.6 s; j did nothing)."""
    from textual.containers import VerticalScroll

    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert body.max_scroll_y > body.scrollable_content_region.height
        await pilot.press("j", "j")
        assert body.scroll_y == 2
        await pilot.press("k")
        assert body.scroll_y == 1
        await pilot.press("space")  # no pause: not animated
        assert body.scroll_y == body.scrollable_content_region.height
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        assert body.scroll_y == 0
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReaderScreen"


async def test_moving_back_to_an_actor_draws_its_card_from_the_kept_lines(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """The card of an actor seen a moment ago is not made and drawn again (~6 ms a move through
    the tree): the same lines come back."""
    from textual.widgets import Static

    from tui.widgets.actors import ActorCard

    made: list[str] = []
    textual_render = Static._render_content

    def counting(self: Static) -> None:
        made.append(str(self.content))
        textual_render(self)

    monkeypatch.setattr(Static, "_render_content", counting)
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        card = app.screen.query_one(ActorCard)
        shown = {}
        for key in ["down"] * 4:
            await pilot.press(key)
            await pilot.pause()
            shown[app.screen.selection.actor] = [
                strip.text for strip in card.render_lines(card.size.region)
            ]
        made.clear()
        for key in ["up"] * 3:
            await pilot.press(key)
            await pilot.pause()
            lines = [strip.text for strip in card.render_lines(card.size.region)]
            assert lines == shown[app.screen.selection.actor]
        assert not [text for text in made if "Mentioned" in text]  # no card drawn anew


async def test_tree_lines_kept_across_involvement_are_what_a_fresh_draw_gives(
    store: Store, tmp_path: Path
):
    """Moving between items marks the actors they involve in the tree; a line whose actor is
    involved again comes back from the tree's cache, and is what the tree draws afresh."""
    from textual.cache import LRUCache

    from tui.widgets.actors import ActorTree
    from tui.widgets.linecache import LineStylesCache

    def drawn(tree: ActorTree) -> list:
        return [[(s.text, s.style) for s in strip] for strip in tree.render_lines(tree.size.region)]

    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        tree = app.screen.query_one(ActorTree)
        marked = []
        for key in ["j", "j", "k", "k", "2", "j", "k", "1", "j", "4", "j", "1", "k"]:
            await pilot.press(key)
            await pilot.pause()
            kept = drawn(tree)
            # drawn afresh: with empty caches in place of the tree's own, which stay as they are
            caches = tree._line_cache, tree._styles_cache
            tree._line_cache, tree._styles_cache = LRUCache(1024), LineStylesCache()
            fresh = drawn(tree)
            tree._line_cache, tree._styles_cache = caches
            assert kept == fresh, key
            marked.append(tree.involved)
        assert len(set(marked)) >= 3 and len(set(marked)) < len(marked)  # moved, and came back


async def test_pane_lines_kept_by_look_are_what_a_fresh_draw_gives(store: Store, tmp_path: Path):
    """A pane's line comes back from its cache when its item looks as it did before (the
    support, actor, search, marks and hints in it) — History's too, when it shows an actor's
    events again; it is always what the pane draws afresh."""
    from textual.cache import LRUCache

    from tui.widgets.linecache import LineStylesCache
    from tui.widgets.panes import TextPane

    def drawn(pane: TextPane) -> list:
        return [[(s.text, s.style) for s in strip] for strip in pane.render_lines(pane.size.region)]

    keys = ["j", "j", "k", "2", "j", "k", "1", "3", "down", "down", "up", "1", "j", "b", "k"]
    keys += ["j", "4", "j", "5", "j", "1", "f", "escape", "/", "i", "r", "a", "n", "enter", "1"]
    keys += ["j", "k", "2", "1", "3", "down", "down", "down", "up", "up", "down", "down", "4"]
    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
            for pane in app.screen.query(TextPane):
                kept = drawn(pane)
                # drawn afresh: empty caches in place of the pane's own, which stay as they are
                caches = pane._strips, pane._shown, pane._looks, pane._styles_cache
                pane._strips, pane._shown, pane._looks = LRUCache(1024), {}, {}
                pane._styles_cache = LineStylesCache()
                fresh = drawn(pane)
                pane._strips, pane._shown, pane._looks, pane._styles_cache = caches
                assert kept == fresh, (key, pane.id)


async def test_a_move_selects_its_item_before_anything_else_runs(store: Store, tmp_path: Path):
    """A pane's cursor and the tree's select their item or actor in the same call, not by a
    message handled later: the next key, the next frame, find the selection already moved."""
    from tui.widgets.actors import ActorTree

    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        summary = screen.query_one("#summary")
        summary.action_cursor_down()  # no await: nothing else has run
        assert screen.selection.item == summary.current_key() == summary.items[1].key
        await pilot.press("3")
        await pilot.pause()
        tree = screen.query_one(ActorTree)
        tree.action_cursor_down()
        node = tree.get_node_at_line(tree.cursor_line)
        assert node is not None and node.data and screen.selection.actor == node.data
        assert screen.query_one("#source").support() == set()  # (no item: the actor's mentions)


async def test_a_burst_that_shows_source_in_the_narrow_layout_scrolls_it_to_the_support(
    store: Store, tmp_path: Path
):
    """`j j enter` in one read at 80×24: Source, hidden until then, shows the chosen item's
    supporting paragraph, not p1 (its scroll was ignored: no scrollbar yet, so no scrolling)."""
    from textual import events

    app = BriefApp(store, UserData(tmp_path / "data"), None, Config())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        for key in ["j", "j", "enter"]:
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        for _ in range(4):
            await pilot.pause(0.05)
        source = app.screen.query_one(SourcePane)
        assert app.screen.active == "source"
        top = source.items[source.item_at_line(int(source.scroll_offset.y))]
        assert top.key == source.items[source.cursor].key != "p1"
