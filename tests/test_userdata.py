"""tui.userdata: read marks, bookmarks, notes, positions and settings; the `notes` command and
`export --with-notes`. Durability (damaged files, read-only, crashes, two processes) is in
test_userdata_durability.py."""

from __future__ import annotations

import json
from pathlib import Path

import orjson
import pytest

from tests.conftest import SEED_BRIEF
from tui.userdata import USERDATA_FILE, Anchor, UserData, anchor_checks, parse

B = "brief-one"
ITEMS = {"summary:0": "s0", "takeaway:0": "t0", "takeaway:1": "t1", "event:ev-a": "e1"}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def records(directory: Path) -> dict:
    parsed = parse((directory / USERDATA_FILE).read_bytes())
    assert parsed.bad == 0 and parsed.problem is None
    return parsed.records


# -- anchors ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("anchor", "key", "kind"),
    [
        (Anchor.of_brief(B), f"brief:{B}", "brief"),
        (Anchor.of_entity("ahmad-massoud"), "entity:ahmad-massoud", "entity"),
        (Anchor.of_item(B, "takeaway:2"), f"brief:{B}#takeaway:2", "takeaway"),
        (Anchor.of_item(B, "summary:0"), f"brief:{B}#summary:0", "summary"),
        (Anchor.of_item(B, "event:ev-a"), f"brief:{B}#event:ev-a", "event"),
        (Anchor.of_item(B, "sentence:p3.s2"), f"brief:{B}#sentence:p3.s2", "sentence"),
        (Anchor.of_item(B, None), f"brief:{B}", "brief"),
    ],
)
def test_anchor_keys_round_trip(anchor, key, kind):
    assert anchor.key == key
    assert anchor.kind == kind
    assert Anchor.parse(key) == anchor


@pytest.mark.parametrize(
    "key", ["", "brief:", "entity:", "x:y", f"brief:{B}#bogus:1", f"brief:{B}#takeaway:"]
)
def test_bad_anchor_keys_are_refused(data, key):
    assert Anchor.parse(key) is None
    with pytest.raises(ValueError, match="not an anchor"):
        UserData(data).add_note(key, "text")


def test_anchors_that_could_not_be_read_back_are_refused(data):
    ud = UserData(data)
    for anchor in (Anchor.of_brief("a#b"), Anchor.of_brief(""), Anchor.of_item(B, "takeaway")):
        with pytest.raises(ValueError, match="not an anchor"):
            ud.toggle_bookmark(anchor)
    with pytest.raises(TypeError):
        ud.add_note(Anchor.of_brief(B), 5)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs the sentence's text"):
        ud.add_note(Anchor.of_item(B, "sentence:p1.s1"), "no quote")
    with pytest.raises(ValueError, match="needs the sentence's text"):
        ud.toggle_bookmark(Anchor.of_item(B, "sentence:p1.s1"))
    with pytest.raises(TypeError):
        ud.set_setting("theme", object())
    assert ud.notes() == [] and ud.bookmarks() == [] and ud.setting("theme") is None
    assert ud.set_setting("theme", "nord")  # nothing was left queued that would fail the write


# -- reading state, settings ------------------------------------------------------------------------
def test_last_brief_position_and_settings_are_restored(data):
    ud = UserData(data)
    assert ud.last_brief() is None and ud.position(B) is None and ud.setting("theme") is None
    ud.set_last_brief(B)
    ud.set_position(B, {"actor": "taliban", "item": "takeaway:1", "focus": "takeaways"})
    assert ud.set_setting("theme", "gruvbox")
    assert ud.set_setting("columns", {"widths": [1, 2]})
    again = UserData(data)
    assert again.last_brief() == B
    assert again.position(B) == {"actor": "taliban", "item": "takeaway:1", "focus": "takeaways"}
    assert again.setting("theme") == "gruvbox"
    assert again.setting("columns") == {"widths": [1, 2]}
    assert again.setting("missing", "default") == "default"
    assert again.take_messages() == [] and again.error is None


def test_position_keeps_only_strings(data):
    ud = UserData(data)
    ud.set_position(B, {"actor": ["x"], "item": 5, "focus": "source", "extra": 1})
    assert UserData(data).position(B) == {"actor": None, "item": None, "focus": "source"}


def test_an_unchanged_value_is_not_written_again(data):
    ud = UserData(data)
    ud.set_setting("theme", "nord")
    ud.set_last_brief(B)
    before = (data / USERDATA_FILE).stat().st_mtime_ns, (data / USERDATA_FILE).read_bytes()
    ud.set_setting("theme", "nord")
    ud.set_last_brief(B)
    ud.set_position(B, {})
    ud.set_position(B, {})
    assert (data / USERDATA_FILE).read_bytes() != before[1]  # the first position was written
    after = (data / USERDATA_FILE).read_bytes()
    ud.set_position(B, {"actor": None})
    assert (data / USERDATA_FILE).read_bytes() == after


def test_the_old_format_is_migrated_on_first_open(data):
    data.mkdir()
    old = {
        "state": {
            "1": {"key": "last_brief", "value": B},
            "2": {
                "key": f"position:{B}",
                "value": {"actor": "a", "item": "takeaway:0", "focus": None},
            },
        }
    }
    (data / USERDATA_FILE).write_bytes(orjson.dumps(old, option=orjson.OPT_INDENT_2))
    ud = UserData(data)
    assert ud.take_messages() == []  # a clean migration is not worth a message
    assert ud.last_brief() == B
    assert ud.position(B) == {"actor": "a", "item": "takeaway:0", "focus": None}
    first = (data / USERDATA_FILE).read_bytes().split(b"\n")[0]
    assert json.loads(first) == {"format": "brief-userdata", "version": 2}
    assert set(records(data)) == {"state:last_brief", f"position:{B}"}
    assert not list(data.glob("userdata.json.damaged-*"))


# -- read / unread ----------------------------------------------------------------------------------
def test_read_and_unread(data):
    ud = UserData(data)
    assert ud.is_unread(B) and not ud.is_read(B) and ud.read_at(B) is None
    assert ud.mark_read(B, "h1", ITEMS)
    assert ud.is_read(B) and not ud.is_unread(B) and ud.read_at(B)
    assert UserData(data).is_read(B)
    assert ud.mark_unread(B)
    assert ud.is_unread(B)
    assert UserData(data).is_unread(B)
    assert records(data)[f"read:{B}"]["deleted"] is True  # a tombstone, so merges cannot undo it


def test_next_unread_follows_the_order_and_wraps(data):
    ud = UserData(data)
    order = ["a", "b", "c", "d"]
    ud.mark_read("b", "h", {})
    ud.mark_read("d", "h", {})
    assert ud.next_unread(order) == "a"
    assert ud.next_unread(order, after="a") == "c"
    assert ud.next_unread(order, after="c") == "a"  # wraps round
    assert ud.next_unread(order, after="unknown") == "a"
    assert ud.unread_count(order) == 2
    ud.mark_read("a", "h", {})
    assert ud.next_unread(order, after="c") == "c"  # only the current one is left
    ud.mark_read("c", "h", {})
    assert ud.next_unread(order, after="c") is None
    assert ud.unread_count(order) == 0


def test_changed_since_read_after_one_takeaway_changes(data):
    ud = UserData(data)
    assert ud.changed_since_read(B, "h1", ITEMS) == set()  # never read: nothing is "changed"
    ud.mark_read(B, "h1", ITEMS)
    assert ud.changed_since_read(B, "h1", ITEMS) == set()
    assert not ud.is_updated(B, "h1")
    rebuilt = {**ITEMS, "takeaway:1": "t1-edited"}
    assert UserData(data).changed_since_read(B, "h2", rebuilt) == {"takeaway:1"}
    assert ud.is_updated(B, "h2")
    grown = {**rebuilt, "takeaway:2": "new", "event:ev-b": "new event"}
    assert ud.changed_since_read(B, "h3", grown) == {"takeaway:1", "takeaway:2", "event:ev-b"}
    ud.mark_read(B, "h3", grown)  # reading it again clears the marks
    assert ud.changed_since_read(B, "h3", grown) == set()
    assert not ud.is_updated(B, "h3")


# -- bookmarks --------------------------------------------------------------------------------------
ANCHORS = [
    Anchor.of_brief(B),
    Anchor.of_entity("ahmad-massoud"),
    Anchor.of_entity("taliban"),
    Anchor.of_item(B, "sentence:p3.s2"),
    Anchor.of_item(B, "takeaway:0"),
    Anchor.of_item(B, "event:ev-a"),
]


@pytest.mark.parametrize("anchor", ANCHORS, ids=lambda a: a.kind)
def test_bookmark_toggles_on_each_kind_of_anchor(data, anchor):
    ud = UserData(data)
    quote = "The quoted sentence." if anchor.kind == "sentence" else None
    assert not ud.is_bookmarked(anchor)
    assert ud.toggle_bookmark(anchor, quote) is True
    assert ud.is_bookmarked(anchor) and ud.is_bookmarked(anchor.key)
    again = UserData(data)
    [mark] = again.bookmarks()
    assert (mark.anchor, mark.quote, mark.saved, mark.orphaned) == (anchor, quote, True, False)
    assert again.toggle_bookmark(anchor) is False
    assert not UserData(data).is_bookmarked(anchor)
    assert UserData(data).bookmarks() == []


def test_bookmarks_of_a_brief_newest_first(data):
    ud = UserData(data)
    for anchor in ANCHORS:
        ud.toggle_bookmark(anchor, "Quote." if anchor.kind == "sentence" else None)
    ud.toggle_bookmark(Anchor.of_brief("other"))
    on_b = UserData(data).bookmarks(brief=B)
    assert [m.anchor for m in on_b] == [a for a in reversed(ANCHORS) if a.brief == B]
    assert len(UserData(data).bookmarks()) == len(ANCHORS) + 1


# -- notes ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("anchor", ANCHORS, ids=lambda a: a.kind)
def test_notes_on_each_kind_of_anchor(data, anchor):
    ud = UserData(data)
    quote = "Sentence text, kept." if anchor.item else None
    note = ud.add_note(anchor, "first thought\nsecond line", quote)
    assert note.saved and note.id.startswith("note:") and note.created == note.updated
    [stored] = UserData(data).notes(anchor=anchor)
    assert stored == note
    assert (stored.anchor, stored.text, stored.quote) == (
        anchor,
        "first thought\nsecond line",
        quote,
    )
    record = records(data)[note.id]
    assert record["anchor"] == anchor.key and record["quote"] == quote

    edited = UserData(data).edit_note(note.id, "revised")
    assert edited is not None and edited.text == "revised" and edited.updated > note.updated
    assert edited.created == note.created
    assert UserData(data).note(note.id).text == "revised"
    assert UserData(data).delete_note(note.id)
    assert UserData(data).notes() == [] and UserData(data).note(note.id) is None


def test_notes_listing_and_markers(data):
    ud = UserData(data)
    on_brief = ud.add_note(Anchor.of_brief(B), "brief")
    on_takeaway = ud.add_note(Anchor.of_item(B, "takeaway:1"), "takeaway", "Takeaway text")
    on_sentence = ud.add_note(Anchor.of_item(B, "sentence:p1.s1"), "sentence", "Sentence.")
    on_entity = ud.add_note(Anchor.of_entity("taliban"), "entity")
    elsewhere = ud.add_note(Anchor.of_brief("other"), "other")
    again = UserData(data)
    assert [n.id for n in again.notes()] == [
        n.id for n in (on_brief, on_takeaway, on_sentence, on_entity, elsewhere)
    ]
    assert [n.id for n in again.notes(brief=B)] == [on_brief.id, on_takeaway.id, on_sentence.id]
    assert again.noted_items(B) == {"", "takeaway:1", "sentence:p1.s1"}
    assert again.noted_entities() == {"taliban"}
    assert again.edit_note("note:missing", "x") is None
    assert again.delete_note("note:missing") is False
    assert again.edit_note(f"read:{B}", "x") is None


def test_tinydb_queries_see_live_records_only(data):
    from tinydb import Query

    ud = UserData(data)
    keep = ud.add_note(Anchor.of_brief(B), "find me")
    gone = ud.add_note(Anchor.of_brief(B), "find me too")
    ud.delete_note(gone.id)
    ud.mark_read(B, "h", {})
    found = UserData(data).db.table("note").search(Query().text.search("find"))
    assert [doc["id"] for doc in found] == [keep.id]
    assert UserData(data).db.table("read").count(Query().brief == B) == 1


def test_orphaned_note_keeps_its_quote_and_comes_back(data):
    ud = UserData(data)
    quote = "The sentence that a rebuild removes."
    gone = ud.add_note(Anchor.of_item(B, "sentence:p9.s9"), "about that sentence", quote)
    kept = ud.add_note(Anchor.of_item(B, "takeaway:0"), "still here", "Takeaway 0")
    mark = Anchor.of_entity("gone-person")
    ud.toggle_bookmark(mark)
    existing = {Anchor.of_brief(B).key, Anchor.of_item(B, "takeaway:0").key}
    result = ud.resolve_anchors(existing)
    assert sorted(result.orphaned) == sorted([gone.id, f"bookmark:{mark.key}"])
    again = UserData(data)
    orphan = again.note(gone.id)
    assert orphan is not None and orphan.orphaned
    assert (orphan.quote, orphan.text, orphan.anchor) == (quote, gone.text, gone.anchor)
    assert orphan.updated == gone.updated  # re-anchoring is not an edit
    assert not again.note(kept.id).orphaned
    assert [b.orphaned for b in again.bookmarks()] == [True]
    assert len(again.notes(brief=B)) == 2  # never dropped
    assert not again.resolve_anchors(existing)  # nothing more to do
    back = again.resolve_anchors(existing | {gone.anchor.key, mark.key})
    assert sorted(back.restored) == sorted([gone.id, f"bookmark:{mark.key}"])
    assert not UserData(data).note(gone.id).orphaned


def test_a_sentence_note_follows_its_quote_when_sentence_ids_shift(data):
    ud = UserData(data)
    note = ud.add_note(Anchor.of_item(B, "sentence:p3.s2"), "n", "Ahmad  Massoud spoke.")
    mark_anchor = Anchor.of_item(B, "sentence:p3.s2")
    ud.toggle_bookmark(mark_anchor, "Ahmad Massoud spoke.")
    texts = {
        "sentence:p3.s2": "A new sentence was inserted before it.",
        "sentence:p3.s3": "Ahmad Massoud spoke.",
        "takeaway:0": "x",
    }
    exists = lambda anchor: anchor.item in texts  # noqa: E731
    result = ud.resolve_anchors(exists, lambda brief: texts if brief == B else None)
    assert note.id in result.moved and not result.orphaned
    moved = UserData(data).note(note.id)
    assert moved.anchor == Anchor.of_item(B, "sentence:p3.s3") and not moved.orphaned
    assert UserData(data).is_bookmarked(Anchor.of_item(B, "sentence:p3.s3"))
    assert not UserData(data).is_bookmarked(mark_anchor)
    # the quote is nowhere any more: orphaned, though the sentence id still exists
    texts["sentence:p3.s3"] = "Something else."
    assert note.id in ud.resolve_anchors(exists, lambda brief: texts).orphaned


def test_anchor_checks_against_the_real_store(data, store):
    brief = store.brief(SEED_BRIEF)
    article = store.article(SEED_BRIEF)
    sentence = article.paragraphs[2].sentences[0]
    event = store.events(SEED_BRIEF)[0]
    ud = UserData(data)
    good = [
        ud.add_note(Anchor.of_brief(SEED_BRIEF), "b"),
        ud.add_note(Anchor.of_item(SEED_BRIEF, f"sentence:{sentence.id}"), "s", sentence.text),
        ud.add_note(Anchor.of_item(SEED_BRIEF, "takeaway:0"), "t", brief.takeaways[0].text),
        ud.add_note(Anchor.of_item(SEED_BRIEF, f"event:{event.id}"), "e", event.text),
        ud.add_note(Anchor.of_entity(brief.actors[0]), "a"),
    ]
    bad = [
        ud.add_note(Anchor.of_item(SEED_BRIEF, "sentence:p999.s1"), "s", "Not in the article."),
        ud.add_note(Anchor.of_item(SEED_BRIEF, "takeaway:99"), "t", "No such takeaway."),
        ud.add_note(Anchor.of_entity("nobody-at-all"), "a"),
        ud.add_note(Anchor.of_brief("deleted-brief"), "b"),
    ]
    exists, texts = anchor_checks(store)
    result = ud.resolve_anchors(exists, texts)
    assert sorted(result.orphaned) == sorted(n.id for n in bad)
    assert not any(ud.note(n.id).orphaned for n in good)


# -- two instances: merge per record ----------------------------------------------------------------
def test_two_instances_merge_by_record(data):
    first, second = UserData(data), UserData(data)  # both opened on the same (empty) file
    a = first.add_note(Anchor.of_brief(B), "from the first")
    b = second.add_note(Anchor.of_brief(B), "from the second")  # second never saw a
    first.mark_read("x", "h", {})
    second.toggle_bookmark(Anchor.of_entity("taliban"))
    fresh = UserData(data)
    assert {n.id for n in fresh.notes()} == {a.id, b.id}
    assert fresh.is_read("x") and fresh.is_bookmarked(Anchor.of_entity("taliban"))
    # last writer wins per record: both edit note a; the later edit is kept, b is untouched
    second.edit_note(a.id, "second's edit")
    first.edit_note(a.id, "first's later edit")
    fresh = UserData(data)
    assert fresh.note(a.id).text == "first's later edit"
    assert fresh.note(b.id).text == "from the second"
    # a deletion is not undone by an instance that still holds the note
    first.delete_note(b.id)
    second.set_setting("theme", "nord")  # second rewrites the file with its stale copy of b
    assert UserData(data).note(b.id) is None
    assert second.note(b.id) is None  # the write also brought second up to date


def test_a_change_to_one_field_keeps_another_instances_change_to_another(data):
    first = UserData(data)
    note = first.add_note(Anchor.of_item(B, "sentence:p9.s9"), "original", "Quote.")
    second = UserData(data)  # sees the note as it is now
    first.edit_note(note.id, "edited in the first reader")
    second.resolve_anchors(set())  # re-anchoring (orphaned) from a stale copy
    merged = UserData(data).note(note.id)
    assert merged.text == "edited in the first reader" and merged.orphaned


def test_a_linked_userdata_file_stays_a_link(data, tmp_path):
    synced = tmp_path / "synced"
    synced.mkdir()
    UserData(synced).add_note(Anchor.of_brief(B), "from the synced folder")
    data.mkdir()
    (data / USERDATA_FILE).symlink_to(synced / USERDATA_FILE)
    ud = UserData(data)
    ud.add_note(Anchor.of_brief(B), "added through the link")
    assert (data / USERDATA_FILE).is_symlink()
    assert [n.text for n in UserData(synced).notes()] == [
        "from the synced folder",
        "added through the link",
    ]


def test_refresh_sees_another_instances_writes(data):
    reader, writer = UserData(data), UserData(data)
    assert reader.refresh() is False
    note = writer.add_note(Anchor.of_brief(B), "hello")
    assert reader.note(note.id) is None
    assert reader.refresh() is True
    assert reader.note(note.id) == note
    assert reader.refresh() is False


def test_error_attribute_is_shown_once_and_cleared(data, monkeypatch):
    ud = UserData(data)
    ud._say("x", "first")
    ud._say("x", "first")  # told once
    ud._say("y", "second")
    assert ud.error == "first · second"
    ud.error = None  # what the app does after notifying
    assert ud.error is None and ud.take_messages() == []


# -- command line -----------------------------------------------------------------------------------
@pytest.fixture
def with_notes(store, isolated_user_dirs: Path) -> dict:
    data = isolated_user_dirs / "brief-data"  # BRIEF_DATA_DIR
    brief = store.brief(SEED_BRIEF)
    sentence = store.article(SEED_BRIEF).paragraphs[2].sentences[0]
    ud = UserData(data)
    return {
        "sentence": ud.add_note(
            Anchor.of_item(SEED_BRIEF, f"sentence:{sentence.id}"),
            "Check [bold]this[/bold] <b>claim</b>\x1b]0;pwned\x07\nsecond line",
            sentence.text,
        ),
        "takeaway": ud.add_note(
            Anchor.of_item(SEED_BRIEF, "takeaway:1"), "T", brief.takeaways[1].text
        ),
        "orphan": ud.add_note(Anchor.of_item(SEED_BRIEF, "sentence:p99.s1"), "gone", "Vanished."),
        "actor": ud.add_note(Anchor.of_entity(brief.actors[0]), "actor note"),
        "other": ud.add_note(Anchor.of_brief("some-other-brief"), "zz-other-brief-note"),
    }


def test_notes_command_lists_every_note(brief, store_path, with_notes):
    result = brief("notes", "--store", store_path)
    assert result.code == 0, result.err
    for note in with_notes.values():
        assert note.id in result.out
    assert "\x1b" not in result.out and "\x07" not in result.out
    assert "Check [bold]this[/bold] <b>claim</b>]0;pwned" in result.out
    assert "  second line" in result.out
    assert f"brief:{SEED_BRIEF}#sentence:p99.s1  (Source p99.s1)  [orphaned" in result.out
    assert "(Key takeaway 2)" in result.out
    assert "> Vanished." in result.out


def test_notes_command_json_for_one_brief(brief, store_path, with_notes):
    result = brief("notes", SEED_BRIEF, "--json", "--store", store_path)
    assert result.code == 0, result.err
    listed = json.loads(result.out)
    assert {n["id"] for n in listed} == {
        with_notes[k].id for k in ("sentence", "takeaway", "orphan")
    }
    by_id = {n["id"]: n for n in listed}
    orphan = by_id[with_notes["orphan"].id]
    assert orphan["orphaned"] is True and orphan["quote"] == "Vanished."
    assert orphan["anchor"] == f"brief:{SEED_BRIEF}#sentence:p99.s1"
    first = by_id[with_notes["sentence"].id]
    assert set(first) >= {"anchor", "quote", "text", "created", "updated", "orphaned", "label"}
    assert "\x1b" not in first["text"]
    # listing is read-only: the orphan flag was computed, not written
    assert UserData().note(with_notes["orphan"].id).orphaned is False


def test_notes_command_without_notes_and_for_unknown_briefs(brief, store_path, with_notes):
    assert json.loads(brief("notes", "some-other-brief", "--json", "--store", store_path).out)[0][
        "orphaned"
    ]  # a brief gone from the store still lists its notes
    result = brief("notes", "no-such-brief", "--store", store_path)
    assert result.code == 1
    assert result.err.startswith("brief: nothing called 'no-such-brief' in the store")


def test_notes_command_lists_notes_even_when_the_store_is_broken(brief, tmp_path, with_notes):
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    result = brief("notes", "--store", broken)
    assert result.code == 0
    assert result.err.startswith(f"brief: {broken} is not a brief store")
    assert "notes are listed unchecked" in result.err
    assert all(note.id in result.out for note in with_notes.values())


def test_notes_command_with_no_notes(brief, store_path, tmp_path):
    result = brief("notes", "--store", store_path, "--data-dir", tmp_path / "empty")
    assert result.code == 0 and result.out == ""
    assert "no notes" in result.err
    assert (
        json.loads(brief("notes", "--json", "--store", store_path, "--data-dir", tmp_path).out)
        == []
    )


def test_notes_command_reports_a_damaged_file_once(brief, store_path, tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    (data / USERDATA_FILE).write_text('{"state": "abc"}')
    first = brief("notes", "--store", store_path, "--data-dir", data)
    assert first.code == 0
    assert "userdata.json was damaged" in first.err and "userdata.json.damaged-" in first.err
    assert "damaged" not in brief("notes", "--store", store_path, "--data-dir", data).err


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_export_with_notes(brief, store_path, with_notes, fmt):
    plain = brief("export", SEED_BRIEF, "--format", fmt, "--store", store_path)
    result = brief("export", SEED_BRIEF, "--format", fmt, "--with-notes", "--store", store_path)
    assert result.code == 0, result.err
    assert "actor note" in result.out and "Vanished." in result.out
    assert "zz-other-brief-note" not in result.out  # a note on another brief
    assert "\x1b" not in result.out
    assert "actor note" not in plain.out
    if fmt == "json":
        data = json.loads(result.out)
        assert len(data["notes"]) == 4
        assert {k: v for k, v in data.items() if k != "notes"} == json.loads(plain.out)
    elif fmt == "html":
        assert "<h2>Notes</h2>" in result.out and result.out.endswith("</body></html>\n")
        assert "&lt;b&gt;claim&lt;/b&gt;" in result.out and "<b>claim" not in result.out
        assert "orphaned" in result.out
    else:
        assert result.out.startswith(plain.out.rstrip("\n"))
        assert "## Notes" in result.out and r"\[bold\]this\[/bold\] \<b\>claim" in result.out
