"""Reading state, bookmarks and notes through the real UI (issue 7): Pilot key presses, assertions
on what the panes, the Library and the lists show, and on what reached the user-data file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.content import Content
from textual.widgets import OptionList, Static, TextArea

from tui.app import BriefApp
from tui.config import Config
from tui.linking import Location
from tui.screens.entity import EntityScreen
from tui.screens.library import LibraryScreen
from tui.screens.note_editor import NoteEditor
from tui.screens.notes import BookmarksScreen, NotesScreen
from tui.screens.reader import ReaderScreen
from tui.store import Store
from tui.userdata import Anchor, UserData
from tui.widgets.actors import ActorTree
from tui.widgets.panes import TextPane

from .conftest import SEED_BRIEF
from .test_userdata_durability import read_only  # noqa: F401  (a fixture)

SECOND = "second-brief"
DOSTUM = "abdul-rashid-dostum"
TAKEAWAY = "A new agreement is viewed as a potential pathway to peace."
FIRST_LINE = "Have Afghanistan's anti-Taliban movements reached an agreement with rulers?"


# -- helpers ----------------------------------------------------------------------------------------
def build(brief, project: Path, name: str) -> Store:
    out = project / name
    result = brief("build", project / "content", "-o", out)
    assert result.code == 0, result.err
    return Store.open(out)


@pytest.fixture
def two_briefs(project: Path, brief) -> Store:
    """The real content plus a second brief (a copy under another title)."""
    source = project / "content" / "briefs" / f"{SEED_BRIEF}.md"
    text = source.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    lines = [
        'title: "Second copy of the consensus brief"\n' if line.startswith("title:") else line
        for line in lines
    ]
    (project / "content" / "briefs" / f"{SECOND}.md").write_text("".join(lines), encoding="utf-8")
    return build(brief, project, "store-two")


def make(store: Store, data: Path) -> BriefApp:
    return BriefApp(store, UserData(data), None, Config())


async def settle(pilot) -> None:
    """Let the user-data writes (worker threads) finish and their answers reach the UI."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def pane(app: BriefApp, name: str) -> TextPane:
    return app.screen.query_one(f"#{name}", TextPane)


def pane_text(app: BriefApp, name: str) -> str:
    return "\n".join(pane(app, name).plain_lines())


def options(listing: OptionList) -> list[str]:
    return [
        o.prompt.plain if isinstance(o.prompt, Content) else str(o.prompt) for o in listing.options
    ]


def shown(widget: Static) -> str:
    rendered = widget.render()
    return rendered.plain if isinstance(rendered, Content) else str(rendered)


async def write_note(pilot, text: str, key: str = "a") -> None:
    """``a`` on the current selection (``A``: on the brief), type, ctrl+s, wait until saved."""
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, NoteEditor)
    pilot.app.screen.query_one(TextArea).insert(text)
    await pilot.press("ctrl+s")
    await settle(pilot)
    assert not isinstance(pilot.app.screen, NoteEditor)


async def to_actor(pilot, actor: str) -> None:
    await pilot.press("3")
    tree = pilot.app.screen.query_one(ActorTree)
    for _ in range(60):
        if tree.cursor_node is not None and tree.cursor_node.data == actor:
            if pilot.app.screen.selection.actor != actor:
                await pilot.press("down", "up")  # the selection follows a move
            await pilot.pause()
            return
        await pilot.press("down")
    raise AssertionError(f"{actor} not in the Actors tree")


async def to_item(pilot, number: str, key: str) -> None:
    await pilot.press(number)
    text_pane = pane(pilot.app, {"1": "summary", "2": "takeaways", "4": "history"}[number])
    text_pane.move_to(key, notify=True)
    await pilot.pause()
    assert text_pane.current_key() == key


# -- read / unread ----------------------------------------------------------------------------------
async def test_opening_a_brief_marks_it_read_and_the_library_counts_the_unread(
    two_briefs, tmp_path
):
    data = tmp_path / "data"
    app = make(two_briefs, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        opened = app.screen.brief_id
        other = SECOND if opened == SEED_BRIEF else SEED_BRIEF
        assert UserData(data).is_read(opened)  # on disk, not only in memory
        assert UserData(data).is_unread(other)

        await pilot.press("L")
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        title = str(library.query_one("#library-box").border_title)
        assert "2 briefs · 1 unread" in title
        listing = library.query_one("#library-list", OptionList)
        rows = dict(zip([o.id for o in listing.options], options(listing), strict=True))
        assert rows[other].startswith("●") and rows[opened].startswith(" ")

        # u in the list goes to the unread brief; ctrl+r shows unread briefs only
        await pilot.press("tab")
        listing.highlighted = [o.id for o in listing.options].index(opened)
        await pilot.press("u")
        assert listing.highlighted_option.id == other
        await pilot.press("ctrl+r")
        assert [o.id for o in listing.options] == [other]
        assert "showing unread only" in str(library.query_one("#library-box").border_title)
        await pilot.press("ctrl+r")
        assert len(listing.options) == 2

        # is:unread through the search engine's predicates
        await pilot.press("slash", *"is:unread")
        await pilot.pause()
        hits = [library._targets[o.id][0] for o in listing.options if o.id]
        assert hits == [other]
        await pilot.press("escape")
        await pilot.pause()

        # u in the reader opens the next unread brief; then there is none
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.brief_id == other
        assert UserData(data).is_read(other)
        await pilot.press("u")
        await pilot.pause()
        assert app.screen.brief_id == other
        assert any("No unread briefs" in str(n.message) for n in app._notifications)


async def test_what_changed_since_the_last_read_is_marked(project, brief, tmp_path):
    data = tmp_path / "data"
    before = build(brief, project, "store-before")
    app = make(before, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert UserData(data).is_read(SEED_BRIEF)
        assert "●" not in pane_text(app, "takeaways")

    path = project / "content" / "briefs" / f"{SEED_BRIEF}.md"
    text = path.read_text(encoding="utf-8")
    assert TAKEAWAY in text
    path.write_text(text.replace("is viewed as", "is seen as"), encoding="utf-8")
    after = build(brief, project, "store-after")

    # before opening it again, the Library marks it ↻ (read, changed since)
    app = BriefApp(after, UserData(data), Location("entity", DOSTUM), Config())
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("L")
        await pilot.pause()
        rows = options(app.screen.query_one("#library-list", OptionList))
        assert rows[0].startswith("↻")
        await pilot.press("enter")
        await settle(pilot)
        takeaways = pane(app, "takeaways").plain_lines()
        assert takeaways[1].startswith("• ● A new agreement is seen as")
        assert [n for n, line in enumerate(takeaways) if "●" in line] == [1]
        assert "changed since" in shown(app.screen.query_one("#brief-header", Static))
        assert "●" not in pane_text(app, "summary") and "●" not in pane_text(app, "history")
        await pilot.press("L")
        await pilot.pause()
        rows = options(app.screen.query_one("#library-list", OptionList))
        assert rows[0].startswith(" ")  # read again as it is now


# -- bookmarks --------------------------------------------------------------------------------------
async def test_bookmarks_on_each_kind_of_anchor_open_exactly_there(store, tmp_path):
    data = tmp_path / "data"
    app = make(store, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("B")  # the brief
        await settle(pilot)
        assert "★ bookmarked" in shown(app.screen.query_one("#brief-header", Static))
        await to_actor(pilot, DOSTUM)
        await pilot.press("b")  # a faction or person
        await settle(pilot)
        tree = app.screen.query_one(ActorTree)
        assert "★" in str(tree.cursor_node.label)
        await pilot.press("5", "right_square_bracket", "right_square_bracket")
        sentence = app.screen.selection.item
        assert sentence and sentence.startswith("sentence:")
        await pilot.press("b")  # a source sentence
        await settle(pilot)
        assert "★" in pane_text(app, "source")
        await to_item(pilot, "4", pane(app, "history").items[0].key)
        event = pane(app, "history").current_key()
        await pilot.press("b")  # an event too
        await settle(pilot)

        saved = {b.anchor.key for b in UserData(data).bookmarks()}
        assert saved == {
            f"brief:{SEED_BRIEF}",
            f"entity:{DOSTUM}",
            f"brief:{SEED_BRIEF}#{sentence}",
            f"brief:{SEED_BRIEF}#{event}",
        }

        async def open_bookmark(key: str):
            await pilot.press("L")
            await pilot.press("ctrl+b")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, BookmarksScreen)
            listing = screen.query_one(OptionList)
            listing.highlighted = [o.id for o in listing.options].index(f"bookmark:{key}")
            await pilot.press("enter")
            await pilot.pause()
            return app.screen

        screen = await open_bookmark(f"brief:{SEED_BRIEF}#{sentence}")
        assert isinstance(screen, ReaderScreen)
        assert screen.selection.item == sentence and screen.active == "source"
        paragraph = sentence.split(":")[1].split(".")[0]
        assert pane(app, "source").current_key() == paragraph

        screen = await open_bookmark(f"brief:{SEED_BRIEF}#{event}")
        assert screen.active == "history" and pane(app, "history").current_key() == event

        screen = await open_bookmark(f"entity:{DOSTUM}")
        assert isinstance(screen, EntityScreen) and screen.entity.id == DOSTUM
        assert "★ bookmarked" in shown(screen.query_one("#entity-notes", Static))

        screen = await open_bookmark(f"brief:{SEED_BRIEF}")
        assert isinstance(screen, ReaderScreen) and screen.brief_id == SEED_BRIEF

        await pilot.press("L", *"is:bookmarked")
        await pilot.pause()
        hits = app.screen.query_one("#library-list", OptionList).options
        assert [app.screen._targets[o.id][0] for o in hits if o.id] == [SEED_BRIEF]
        await pilot.press("escape")
        await pilot.pause()

        # b again removes it
        await pilot.press("B")
        await settle(pilot)
        assert f"brief:{SEED_BRIEF}" not in {b.anchor.key for b in UserData(data).bookmarks()}


# -- notes ------------------------------------------------------------------------------------------
async def test_notes_on_each_kind_of_anchor_through_the_editor(store, tmp_path):
    data = tmp_path / "data"
    app = make(store, data)
    hostile = "[bold]not markup[/bold] [@click=app.quit]x[/]"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause()
        # escape with changes asks first
        app.screen.query_one(TextArea).insert("draft")
        await pilot.press("escape")
        assert isinstance(app.screen, NoteEditor)
        assert "escape again" in shown(app.screen.query_one("#note-status", Static))
        await pilot.press("escape")
        assert not isinstance(app.screen, NoteEditor)
        assert UserData(data).notes() == []

        await write_note(pilot, "on the whole brief", "A")
        assert "✎ 1 note on this brief" in shown(app.screen.query_one("#brief-header", Static))
        await to_item(pilot, "1", "summary:1")
        await write_note(pilot, "on a summary paragraph")
        await to_item(pilot, "2", "takeaway:1")
        await write_note(pilot, hostile)
        event = pane(app, "history").items[0].key
        await to_item(pilot, "4", event)
        await write_note(pilot, "on an event")
        await pilot.press("5", "right_square_bracket")
        sentence = app.screen.selection.item
        await write_note(pilot, "on a sentence")
        await to_actor(pilot, DOSTUM)
        await write_note(pilot, "on Dostum")

        notes = {n.anchor.key: n for n in UserData(data).notes()}
        assert set(notes) == {
            f"brief:{SEED_BRIEF}",
            f"brief:{SEED_BRIEF}#summary:1",
            f"brief:{SEED_BRIEF}#takeaway:1",
            f"brief:{SEED_BRIEF}#{event}",
            f"brief:{SEED_BRIEF}#{sentence}",
            f"entity:{DOSTUM}",
        }
        assert notes[f"brief:{SEED_BRIEF}#takeaway:1"].text == hostile
        assert notes[f"brief:{SEED_BRIEF}#takeaway:1"].quote == TAKEAWAY
        assert notes[f"brief:{SEED_BRIEF}#{sentence}"].quote

        # markers beside what they annotate
        assert pane(app, "summary").plain_lines()[1].startswith("✎ ")
        assert pane(app, "takeaways").plain_lines()[1].startswith("• ✎ A new agreement")
        await pilot.press("escape", "escape")  # History shows every event again
        history = pane(app, "history")
        keys = [item.key for item in history.items]
        assert "✎ " in history.plain_lines()[keys.index(event)]
        await to_actor(pilot, DOSTUM)
        assert "✎ " in pane_text(app, "source")
        tree = app.screen.query_one(ActorTree)
        assert "✎" in str(tree.cursor_node.label)
        assert "✎ on Dostum" in shown(app.screen.query_one("#actor-card", Static))

        # a on an annotated item edits its note
        await to_item(pilot, "2", "takeaway:1")
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == hostile
        await pilot.press("escape")

        # the Notes list, from the Library; enter opens exactly there
        await pilot.press("L", *"has:note")  # the search engine's predicates hook
        await pilot.pause()
        hits = app.screen.query_one("#library-list", OptionList).options
        assert [app.screen._targets[o.id][0] for o in hits if o.id] == [SEED_BRIEF]
        await pilot.press(*" -has:note")
        await pilot.pause()
        assert not [o for o in app.screen.query_one("#library-list", OptionList).options if o.id]
        await pilot.press("ctrl+n")
        await pilot.pause()
        notes_screen = app.screen
        assert isinstance(notes_screen, NotesScreen)
        listing = notes_screen.query_one(OptionList)
        rows = options(listing)
        assert len(rows) == 6
        assert any(hostile in row for row in rows)  # shown as typed: never parsed as markup
        listing.highlighted = [o.id for o in listing.options].index(
            notes[f"brief:{SEED_BRIEF}#{sentence}"].id
        )
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.selection.item == sentence and app.screen.active == "source"

        # the entity page shows the note
        app.open_entity(DOSTUM)
        await pilot.pause()
        assert "✎ on Dostum" in shown(app.screen.query_one("#entity-notes", Static))

        # the palette reaches the Notes list too
        app.action_notes()
        await pilot.pause()
        assert isinstance(app.screen, NotesScreen)


async def test_a_note_is_shown_only_once_it_is_saved(store, tmp_path):
    data = tmp_path / "data"
    app = make(store, data)
    gate = threading.Event()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        inner = app.userdata.inner
        real = inner.add_note

        def slow_add(*args, **kwargs):
            gate.wait(10)
            return real(*args, **kwargs)

        inner.add_note = slow_add
        await to_item(pilot, "2", "takeaway:0")
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one(TextArea).insert("patience")
        await pilot.press("ctrl+s")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)  # still open: nothing is on disk yet
        assert "Saving" in shown(editor.query_one("#note-status", Static))
        assert UserData(data).notes() == []
        gate.set()
        await settle(pilot)
        assert not isinstance(app.screen, NoteEditor)
        assert [n.text for n in UserData(data).notes()] == ["patience"]
        assert pane(app, "takeaways").plain_lines()[0].startswith("• ✎ ")


async def test_restored_after_quitting(store, tmp_path):
    data = tmp_path / "data"
    app = make(store, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await to_item(pilot, "2", "takeaway:2")
        await write_note(pilot, "remember this")
        await pilot.press("5", "right_square_bracket", "b")
        await settle(pilot)
        sentence = app.screen.selection.item
        await pilot.press("q")
    app = make(store, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert screen.brief_id == SEED_BRIEF and screen.active == "source"
        assert screen.selection.item == sentence
        assert pane(app, "takeaways").plain_lines()[2].startswith("• ✎ ")
        assert "★ " in pane_text(app, "source")
        app.action_bookmarks()
        await pilot.pause()
        assert len(app.screen.query_one(OptionList).options) == 1


async def test_an_orphaned_note_keeps_its_quote_in_the_notes_list(project, brief, tmp_path):
    data = tmp_path / "data"
    before = build(brief, project, "store-before")
    article = before.article(SEED_BRIEF)
    first = article.paragraphs[0].sentences[0]
    assert first.text == FIRST_LINE
    ud = UserData(data)
    note = ud.add_note(Anchor.of_item(SEED_BRIEF, f"sentence:{first.id}"), "gone soon", first.text)
    assert note.saved

    seed = next((project / "seeds").glob("*.txt"))
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace(FIRST_LINE, "", 1).lstrip("\n"), encoding="utf-8")
    after = build(brief, project, "store-after")
    assert all(
        s.text != FIRST_LINE for p in after.article(SEED_BRIEF).paragraphs for s in p.sentences
    )

    app = make(after, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "✎" not in pane_text(app, "source")
        app.action_notes()
        await pilot.pause()
        rows = options(app.screen.query_one(OptionList))
        assert len(rows) == 1
        assert "orphaned" in rows[0] and FIRST_LINE in rows[0] and "gone soon" in rows[0]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.brief_id == SEED_BRIEF
        said = [str(n.message) for n in app._notifications]
        assert any("no longer in the brief" in line for line in said)
    assert [n.orphaned for n in UserData(data).notes()] == [True]  # kept, never dropped


async def test_a_read_only_data_directory_reads_and_says_once_that_nothing_is_saved(
    store,
    tmp_path,
    read_only,  # noqa: F811
):
    data = tmp_path / "data"
    data.mkdir()
    read_only(data)
    app = make(store, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await to_item(pilot, "2", "takeaway:0")
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one(TextArea).insert("cannot land")
        await pilot.press("ctrl+s")
        await settle(pilot)
        editor = app.screen
        assert isinstance(editor, NoteEditor)  # kept open with the text: not acknowledged
        assert "Not saved" in shown(editor.query_one("#note-status", Static))
        await pilot.press("escape", "escape")
        await pilot.press("B")
        await settle(pilot)
        assert "✎" not in pane_text(app, "takeaways")
        said = [str(n.message) for n in app._notifications if "cannot save" in str(n.message)]
        assert len(said) == 1


async def test_note_text_from_a_tampered_file_is_shown_plain(store, tmp_path):
    data = tmp_path / "data"
    hostile = "\x1b]52;c;aGk=\x07[red]x[/red] [@click=app.quit]q[/]"
    ud = UserData(data)
    assert ud.add_note(Anchor.of_entity(DOSTUM), hostile).saved
    app = make(store, data)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await to_actor(pilot, DOSTUM)
        card = shown(app.screen.query_one("#actor-card", Static))
        assert "✎ ]52;c;aGk=[red]x[/red] [@click=app.quit]q[/]" in card
        assert "\x1b" not in card and "\x07" not in card
        app.open_entity(DOSTUM)
        await pilot.pause()
        page = shown(app.screen.query_one("#entity-notes", Static))
        assert "[@click=app.quit]q[/]" in page and "\x1b" not in page
        await pilot.press("a")
        await pilot.pause()
        assert "\x1b" not in app.screen.query_one(TextArea).text


async def test_the_notes_list_edits_and_deletes(store, tmp_path):
    data = tmp_path / "data"
    ud = UserData(data)
    note = ud.add_note(Anchor.of_item(SEED_BRIEF, "takeaway:0"), "first draft", "quote")
    app = make(store, data)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.action_notes()
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        editor.query_one(TextArea).insert(" and more")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, NotesScreen)
        assert "first draft and more" in options(app.screen.query_one(OptionList))[0]
        assert UserData(data).note(note.id).text == "first draft and more"
        await pilot.press("d")
        assert UserData(data).note(note.id) is not None  # one press only asks
        await pilot.press("d")
        await settle(pilot)
        assert UserData(data).notes() == []
        assert "No notes yet" in options(app.screen.query_one(OptionList))[0]


async def test_the_palette_opens_the_bookmarks_and_notes_lists(store, tmp_path):
    app = make(store, tmp_path / "data")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for words, screen_type in (("Bookmarks", BookmarksScreen), ("Notes", NotesScreen)):
            await pilot.press("ctrl+p", *words)
            for _ in range(50):  # the palette searches in the background: wait for the hit
                await pilot.pause(0.05)
                found = app.screen.query("CommandList")
                shown = options(found.first(OptionList)) if found else []
                if shown and shown[0].startswith(words):
                    break
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
            await pilot.press("escape")
            await pilot.pause()
