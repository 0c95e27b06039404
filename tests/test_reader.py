"""The reader through its real UI: Pilot key presses, assertions on what the panes show."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import Input, OptionList, Static

from tui.app import BriefApp
from tui.config import Config
from tui.linking import Location, Selection
from tui.screens.entity import EntityScreen
from tui.screens.help import HelpScreen
from tui.screens.library import LibraryScreen
from tui.screens.reader import ReaderScreen
from tui.store import Store
from tui.userdata import UserData
from tui.widgets.actors import ActorTree
from tui.widgets.panes import TextPane
from tui.widgets.styles import HINT_STYLE, MATCH_STYLE, MENTION_STYLE, SUPPORT_STYLE

from .conftest import SEED_BRIEF

DOSTUM = "abdul-rashid-dostum"


@pytest.fixture
def make_app(store: Store, tmp_path: Path):
    def make(
        start: Location | None = None, config: Config | None = None, data: Path | None = None
    ) -> BriefApp:
        return BriefApp(store, UserData(data or tmp_path / "data"), start, config or Config())

    return make


def plain(widget) -> str:
    """Everything a widget shows, as plain text."""
    if isinstance(widget, TextPane):
        return "\n".join(widget.plain_lines())
    if isinstance(widget, OptionList):
        return "\n".join(
            o.prompt.plain if isinstance(o.prompt, Content) else str(o.prompt)
            for o in widget.options
        )
    rendered = widget.render()
    return rendered.plain if isinstance(rendered, Content) else str(rendered)


def styled(content: Content, style: str) -> list[str]:
    return [content.plain[s.start : s.end] for s in content.spans if s.style == style]


def pane(app: BriefApp, name: str) -> TextPane:
    return app.screen.query_one(f"#{name}", TextPane)


def marked(text_pane: TextPane, style: str) -> list[str]:
    """The pieces of text drawn in ``style`` across every item of a pane."""
    found = []
    for n in range(len(text_pane.items)):
        shown = text_pane._show(n)
        for start, end, span_style in shown.spans + shown.long_spans:
            if span_style == style:
                found.append(shown.text[start:end])
    return found


async def select_actor(pilot, actor: str) -> None:
    await pilot.press("3")
    tree = pilot.app.screen.query_one(ActorTree)
    for _ in range(60):
        if tree.cursor_node is not None and tree.cursor_node.data == actor:
            await pilot.pause()
            return
        await pilot.press("down")
    raise AssertionError(f"{actor} not found in the Actors tree")


async def test_opens_the_newest_brief_with_every_pane_titled(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        header = plain(screen.query_one("#brief-header", Static))
        assert 'Afghanistan\'s anti-Taliban movements reach a "National Consensus"' in header
        assert "New Delhi, December 10 (inferred: 2025-12-10)" in header
        assert "NationPress ← Afghanistan International ← Abdullah Qarluq, spokesperson" in header
        titles = [str(w.border_title) for w in screen.query(".pane")]
        assert titles == ["1 Summary", "3 Actors", "5 Source", "2 Key takeaways", "4 History"]
        history = plain(pane(app, "history"))
        assert "Tuesday (inferred: 2025-12-09) — The movements release" in history
        assert (
            history.index("1989-90")
            < history.index("2001")
            < history.index("recently")
            < history.index("soon")
        )
        assert "1989" in str(pane(app, "history").border_subtitle) and "●" in str(
            pane(app, "history").border_subtitle
        )


async def test_selecting_dostum_narrows_history_and_highlights_his_mentions(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await select_actor(pilot, DOSTUM)
        screen = app.screen
        assert screen.selection == Selection(DOSTUM, None)
        history = pane(app, "history")
        assert [item.key for item in history.items] == [
            f"event:{e.id}" for e in store.entity_events(DOSTUM)
        ]
        assert "(1 of 9) — Abdul Rashid Dostum" in str(history.border_title)
        source = pane(app, "source")
        assert marked(source, MENTION_STYLE) == ["Abdul Rashid Dostum", "Dostum"]
        assert marked(pane(app, "summary"), MENTION_STYLE) == ["Abdul Rashid Dostum"]
        card = plain(screen.query_one("#actor-card", Static))
        assert "Leader, National Assembly for Salvation [p11.s1]" in card
        assert "General, Najibullah government [p17.s1]" in card
        assert "allied-with Mujahedin government" in card
        assert "Mentioned 4× in this brief" in card
        await pilot.press("escape")
        assert screen.selection == Selection()
        assert len(pane(app, "history").items) == 9


async def test_father_and_son_are_told_apart(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await select_actor(pilot, "ahmad-massoud")
        assert marked(pane(app, "source"), MENTION_STYLE) == ["Ahmad Massoud"]
        card = plain(app.screen.query_one("#actor-card", Static))
        assert "child-of Ahmad Shah Massoud" in card


async def test_selecting_a_takeaway_highlights_its_sentences_and_actors(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(
            "2", "down", "down", "down"
        )  # "Iran is playing a role in facilitating discussions."
        screen = app.screen
        assert screen.selection.item == "takeaway:3"
        source = pane(app, "source")
        assert marked(source, SUPPORT_STYLE) == [
            "The discussions are believed to have been initiated at the request of Tehran, with reports "
            "stating that several anti-Taliban political figures have recently visited Iran."
        ]
        assert source.current_key() == "p13"
        assert "iran" in screen.query_one(ActorTree).involved


async def test_selecting_an_event_scrolls_source_and_enter_focuses_it(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4", "down")  # 2001
        assert app.screen.selection.item.startswith("event:afghan-national-consensus--2001")
        assert pane(app, "source").current_key() == "p16"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.active == "source"
        assert isinstance(app.focused, TextPane) and app.focused.id == "source"


async def test_entity_screen_back_and_forward(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await select_actor(pilot, DOSTUM)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, EntityScreen)
        header = plain(screen.query_one("#entity-header", Static))
        assert (
            "Abdul Rashid Dostum" in header
            and "person · alive" in header
            and "Also: Dostum" in header
        )
        lines = plain(screen.query_one("#entity-lines", OptionList))
        for expected in (
            "Roles",
            "Leader — National Assembly for Salvation  [p11.s1]",
            "Relations",
            "allied-with Mujahedin government",
            "Timeline (1 event)",
            "Mentions in articles (2)",
            "Also included in this anti-Taliban coalition is Dostum",  # the sentence first,
            '· Afghanistan\'s anti-Taliban movements reach a "National Consensus" p17.s1',  # then where
        ):
            assert expected in lines
        assert "No dated events." not in lines
        # enter on the first line (his role) follows it to the faction's page
        await pilot.press("enter")
        await pilot.pause()
        assert (
            isinstance(app.screen, EntityScreen)
            and app.screen.entity.id == "national-assembly-for-salvation"
        )
        members = plain(app.screen.query_one("#entity-lines", OptionList))
        assert "Mohammad Mohaqiq — Leader" in members
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen.entity.id == DOSTUM
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.selection == Selection(DOSTUM, None)  # restored
        assert app.screen.active == "actors"
        await pilot.press("alt+right")
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen) and app.screen.entity.id == DOSTUM


async def test_entity_mention_opens_the_sentence_in_the_reader(make_app):
    app = make_app(start=Location("entity", DOSTUM))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        lines = app.screen.query_one("#entity-lines", OptionList)
        target = next(
            n
            for n, o in enumerate(lines.options)
            if (o.id or "").startswith("brief:afghan-national-consensus:sentence:p17.s1")
        )
        lines.highlighted = target
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.selection.item == "sentence:p17.s1"
        assert app.screen.active == "source"
        assert marked(pane(app, "source"), SUPPORT_STYLE)[0].startswith(
            "Also included in this anti-Taliban coalition is Dostum"
        )


async def test_hint_mode_numbers_links_and_a_digit_follows_one(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2")  # first takeaway: "… united against the Taliban.  [p9.s1]"
        await pilot.press("f")
        takeaways = pane(app, "takeaways")
        assert app.screen.hints
        assert {k: (v.kind, v.target) for k, v in takeaways.hint_map.items()} == {
            "1": ("entity", "taliban"),
            "2": ("source", "p9.s1"),
        }
        assert marked(takeaways, HINT_STYLE) == ["1", "2"]
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.active == "source" and app.screen.selection.item == "sentence:p9.s1"
        await pilot.press("2", "f", "1")
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen) and app.screen.entity.id == "taliban"
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_search_highlights_and_n_steps_through_matches(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"tehran")
        screen = app.screen
        assert screen.search_text == "tehran"
        assert screen.matches() == [("summary", "summary:2"), ("source", "p13")]
        await pilot.press("enter")
        await pilot.pause()
        assert screen.active == "summary" and pane(app, "summary").current_key() == "summary:2"
        assert "Match 1 of 2" in plain(screen.query_one("#status", Static))
        assert marked(pane(app, "source"), MATCH_STYLE) == ["Tehran"]
        await pilot.press("n")
        await pilot.pause()
        assert screen.active == "source" and pane(app, "source").current_key() == "p13"
        await pilot.press("N")
        await pilot.pause()
        assert screen.active == "summary"
        await pilot.press("escape")  # nothing selected beyond the item → clears the item, then…
        await pilot.press("escape", "escape")
        assert screen.search_text == ""


async def test_library_filters_and_opens(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("L")
        assert isinstance(app.screen, LibraryScreen)
        listing = app.screen.query_one("#library-list", OptionList)
        assert "Afghanistan's anti-Taliban movements" in plain(listing)
        await pilot.press(*"zzz")
        assert "No brief matches 'zzz'." in plain(listing)
        await pilot.press("backspace", "backspace", "backspace", *"new delhi")
        assert listing.option_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)


async def test_palette_opens_an_entity(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"open person dostum")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, EntityScreen) and app.screen.entity.id == DOSTUM


async def test_help_lists_the_live_bindings(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = plain(app.screen.query_one("#help-keys", Static))
        for expected in ("Go to Summary", "Next match", "Links", "Library", "Quit", "Search"):
            assert expected in keys
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_t_cycles_themes(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        before = app.theme
        await pilot.press("t")
        assert app.theme != before


async def test_narrow_terminal_shows_one_pane_with_tabs(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-narrow")
        assert "1 Summary" in plain(screen.query_one("#pane-tabs", Static))
        assert [p.id for p in screen.query(".pane") if p.display and p.has_class("-active")] == [
            "summary"
        ]
        await pilot.press("tab")
        await pilot.pause()
        assert screen.active == "takeaways" and pane(app, "takeaways").has_focus
        await pilot.press("shift+tab", "shift+tab")
        await pilot.pause()
        assert screen.active == "source"


async def test_terminal_too_small_says_so(make_app):
    app = make_app()
    async with app.run_test(size=(50, 12)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-too-small")
        assert "Terminal too small" in plain(app.screen.query_one("#too-small", Static))


async def test_reading_position_is_remembered(make_app, tmp_path):
    data = tmp_path / "remember"
    app = make_app(data=data)
    async with app.run_test(size=(120, 40)) as pilot:
        await select_actor(pilot, DOSTUM)
        await pilot.press("q")
    assert UserData(data).last_brief() == SEED_BRIEF
    again = make_app(data=data)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.screen.selection == Selection(DOSTUM, None)
        assert again.screen.active == "actors"


async def test_keys_can_be_remapped(make_app):
    app = make_app(config=Config(keymap={"library": "ctrl+l"}))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_hostile_article_text_is_shown_literally(brief, project, tmp_path):
    seed = project / "seeds" / "nationpress-afghan-anti-taliban-national-consensus.txt"
    seed.write_text(
        seed.read_text() + "\nDostum said [@click=app.quit]click[/] and [/some/path] [b]$100[/b].\n"
    )
    path = tmp_path / "hostile.json"
    assert brief("build", project / "content", "-o", path).code == 0
    app = BriefApp(Store.open(path), UserData(tmp_path / "d"), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5", "G")
        await pilot.pause()
        last = plain(pane(app, "source")).splitlines()[-1]
        assert "Dostum said [@click=app.quit]click[/] and [/some/path] [b]$100[/b]." in last
        assert app.is_running


async def test_every_builtin_theme_renders(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "down", "2", "down")  # highlights in play
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            assert "Consensus" in app.export_screenshot()  # draws every pane in this theme
        assert app.is_running


# -- keys sent in one burst, without waiting for the app to be idle --------------------------------
async def burst(pilot, *keys: str) -> None:
    """Post key events straight to the app, as a terminal delivers one write: no pause between."""
    from textual import events
    from textual.keys import _character_to_key

    for key in keys:
        character = key if len(key) == 1 else None
        name = _character_to_key(key) if character else key
        pilot.app.post_message(events.Key(name, character))
    await pilot.pause()
    await pilot.pause()


async def test_keys_in_one_burst_act_on_the_pane_the_previous_key_chose(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await burst(pilot, "3", "j")
        assert app.screen.active == "actors"
        assert pane(app, "summary").cursor == 0  # j went to Actors, not Summary
        assert app.screen.selection.actor is not None


async def test_a_pane_switch_in_a_burst_waits_for_the_keys_before_it(make_app):
    """`2` is a priority binding: it used to act before the `j`s typed before it had reached their
    binding, so they moved Key takeaways and the actor picked in the tree was dropped."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await burst(pilot, "3", "j", "j", "2", "j")
        assert app.screen.active == "takeaways"
        assert app.screen.selection.actor == "abdullah-qarluq"  # picked by the j's in Actors
        assert pane(app, "takeaways").cursor == 1  # one j, not three


async def test_letters_typed_after_slash_in_one_burst_go_to_the_search_box(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await burst(pilot, "slash", *"taliban")
        find = app.screen.query_one("#find", Input)
        assert find.value == "taliban"
        assert app.screen.focused is find


async def test_bursts_that_crashed_the_reader_do_not(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await burst(pilot, "3", "down", "4", "pagedown")
        assert app.screen.active == "history"
        await burst(pilot, "3", "down", "enter", "enter")
        await burst(pilot, "backspace", "3", "down", "enter", "L", "escape", "backspace")
        await burst(pilot, *("5", "pagedown", "space", "ctrl+d", "end", "home", "ctrl+u") * 3)
        assert app.is_running and app.return_code is None


# -- long text -------------------------------------------------------------------------------------
async def test_j_and_pager_keys_scroll_inside_a_paragraph_taller_than_the_pane(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        source = pane(app, "source")
        await pilot.press("home")
        # find a paragraph taller than the pane at this size: make the pane short instead
        tall = max(range(len(source.items)), key=lambda n: len(source.items[n].text))
        height = source._tops[tall + 1] - source._tops[tall]
        assert height > 1
        source.styles.height = 2 + 2  # border + two lines
        await pilot.pause()
        source.move_to(source.items[tall].key, top=True)
        await pilot.pause()
        start = source.scroll_offset.y
        await pilot.press("j")
        assert source.current_key() == source.items[tall].key  # still inside it
        assert source.scroll_offset.y == start + 1
        await pilot.press("k")
        assert source.scroll_offset.y == start
        await pilot.press("pagedown")
        assert source.scroll_offset.y == start + source.page_height
        await pilot.press("end")
        assert source.current_key() == source.items[-1].key
        assert source.scroll_offset.y == source._tops[-1] - source.page_height
        await pilot.press("home")
        assert source.scroll_offset.y == 0 and source.cursor == 0


# -- hints -----------------------------------------------------------------------------------------
async def test_hints_number_every_link_of_the_current_item_only(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("4")
        history = pane(app, "history")
        two = next(
            n for n, item in enumerate(history.items) if len(item.ref_ids()) >= 2 or item.mentions
        )
        history.move_to(history.items[two].key)
        await pilot.press("f")
        links = history.links(two)
        assert len(history.hint_map) == len(links)  # one number per mention and per sentence
        assert [link.target for link in history.hint_map.values()] == [
            link.target for link in links
        ]
        for name in ("summary", "takeaways", "source"):
            assert pane(app, name).hint_map == {}  # no clashing numbers in other panes
        assert marked(history, HINT_STYLE) == list(history.hint_map)


async def test_an_item_with_two_sources_gets_two_numbers(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for name in ("summary", "takeaways", "history"):
            text_pane = pane(app, name)
            found = next((n for n, i in enumerate(text_pane.items) if len(i.ref_ids()) > 1), None)
            if found is not None:
                break
        else:
            pytest.skip("no item cites two sentences")
        await pilot.press(str(("summary", "takeaways", "actors", "history").index(name) + 1))
        text_pane.move_to(text_pane.items[found].key)
        await pilot.press("f")
        sources = [v.target for v in text_pane.hint_map.values() if v.kind == "source"]
        assert sources == text_pane.items[found].ref_ids()
        key = next(k for k, v in text_pane.hint_map.items() if v.target == sources[1])
        await pilot.press(key)
        await pilot.pause()
        assert app.screen.selection.item == f"sentence:{sources[1]}"
        assert marked(pane(app, "source"), SUPPORT_STYLE)


async def test_escape_from_hints_with_a_search_leaves_no_hint_prompt(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *"tehran", "enter")
        await pilot.pause()
        await pilot.press("f")
        status = app.screen.query_one("#status", Static)
        assert "Press a number" in plain(status)
        await pilot.press("escape")
        assert not app.screen.hints
        assert "Press a number" not in plain(status)
        assert "tehran" in plain(status)


# -- restore and pane switching --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("focus", "presses", "item"),
    [
        ("takeaways", ("2", "down", "down", "down"), "takeaway:3"),
        ("history", ("4", "down"), "event:afghan-national-consensus--2001"),
    ],
)
async def test_restart_puts_the_cursor_on_the_saved_item(make_app, tmp_path, focus, presses, item):
    data = tmp_path / "restore"
    app = make_app(data=data)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press(*presses)
        await pilot.pause()
        keys = [i.key for i in pane(app, focus).items]
        key = pane(app, focus).current_key()
        assert key.startswith(item)
        await pilot.press("q")
    again = make_app(data=data)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.screen.active == focus
        assert pane(again, focus).current_key() == key
        await pilot.press("j")
        await pilot.pause()
        assert pane(again, focus).current_key() == keys[keys.index(key) + 1]


async def test_first_launch_source_shows_the_support_of_summary_paragraph_one(make_app, store):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.selection.item == "summary:0"
        assert marked(pane(app, "source"), SUPPORT_STYLE)


async def test_switching_panes_shows_the_support_of_that_panes_item(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "down", "down", "down", "1")
        await pilot.pause()
        assert app.screen.selection.item == "summary:0"
        summary_support = marked(pane(app, "source"), SUPPORT_STYLE)
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.selection.item == "takeaway:3"
        assert marked(pane(app, "source"), SUPPORT_STYLE) != summary_support
        assert pane(app, "source").current_key() == "p13"


async def test_hints_on_the_actors_card_follow_its_links(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await select_actor(pilot, DOSTUM)
        await pilot.press("f")
        status = plain(app.screen.query_one("#status", Static))
        assert app.screen.hints
        assert "1 National Assembly for Salvation" in status and "p11.s1" in status
        key = next(k for k, link in app.screen.card_hints.items() if link.target == "p11.s1")
        await pilot.press(key)
        await pilot.pause()
        assert app.screen.selection.item == "sentence:p11.s1"
        assert app.screen.active == "source"
        await pilot.press("3", "f", "1")
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
        assert app.screen.entity.id == "national-assembly-for-salvation"


async def test_narrow_source_keeps_its_place_when_shown_again(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5", "pagedown", "pagedown")
        await pilot.pause()
        source = pane(app, "source")
        place = source.scroll_offset.y
        assert place > 0
        await pilot.press("1", "5")
        await pilot.pause()
        await pilot.pause()
        assert source.scroll_offset.y == place


async def test_history_says_so_when_the_actor_has_no_events(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await select_actor(pilot, "abdullah-qarluq")
        history = pane(app, "history")
        assert history.items == []
        assert "(0 of 9)" in str(history.border_title)
        shown = " ".join(history.visible_text().split())
        assert "No dated events involve Abdullah Qarluq." in shown  # wrapped, not cut


async def test_the_position_left_for_a_page_is_on_disk_once_that_page_shows(make_app, tmp_path):
    """A navigation writes the position in the brief left after the new page's first paint (not
    before it: the write fsyncs); quitting at once, or a page replaced before it paints, still
    writes it."""
    app = make_app(data=tmp_path / "d")
    async with app.run_test(size=(120, 40)) as pilot:
        brief_id = app.screen.view.brief.id
        await pilot.press("2", "j", "3", "j", "j", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EntityScreen)
        saved = UserData(tmp_path / "d").position(brief_id)
        assert saved is not None and saved["actor"] == "abdullah-qarluq"
        assert saved["focus"] == "actors"
    app = make_app(data=tmp_path / "e")
    async with app.run_test(size=(120, 40)) as pilot:
        await burst(pilot, "2", "j", "3", "j", "enter", "q")
    saved = UserData(tmp_path / "e").position(brief_id)
    assert saved is not None and saved["actor"] == "national-resistance-council"
