"""Issue 10, "Tampered or odd stores and user data": user-data files of the wrong shape, damaged
files in read-only directories, bare lists and strings, leftover temporary files — through the reader
and the command line. Nothing crashes, nothing is silently overwritten, the user is told once."""

from __future__ import annotations

import json
import os
from pathlib import Path

import orjson
import pytest

from tests.conftest import SEED_BRIEF
from tui.app import BriefApp
from tui.config import Config
from tui.userdata import USERDATA_FILE, Anchor, UserData

HOSTILE = {
    "state-list": b'{"state": []}',
    "state-string": b'{"state": "abc"}',
    "item-is-5": b'{"state": {"1": {"key": "position:%s", "value": {"item": 5}}, '
    b'"2": {"key": "last_brief", "value": "%s"}}}' % (SEED_BRIEF.encode(), SEED_BRIEF.encode()),
    "actor-is-list": b'{"state": {"1": {"key": "position:%s", "value": {"actor": ["x"]}}}}'
    % SEED_BRIEF.encode(),
    "bare-list": b"[]",
    "bare-string": b'"abc"',
    "truncated": b'{"format":"brief-userdata","version":2}\n{"id":"note:1","kind":"no',
    "escapes": b'{"state": "\x1b]0;pwned\x07\x1b[2J"}',
}


def _messages(app: BriefApp) -> list[str]:
    return [n.message for n in app._notifications]


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
async def test_reader_starts_on_a_hostile_userdata_file(store, tmp_path: Path, content: bytes):
    data = tmp_path / "data"
    data.mkdir()
    (data / USERDATA_FILE).write_bytes(content)
    (data / ".userdata.json.k1ll3d.tmp").write_bytes(b"half a write")
    app = BriefApp(store, UserData(data), None, Config())
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.__class__.__name__ == "ReaderScreen"
        told = [m for m in _messages(app) if "was damaged" in m]
        assert len(told) == 1 and "userdata.json.damaged-" in told[0]
        assert "\x1b" not in told[0]
        await pilot.press("L")
        await pilot.press("escape")
    [aside] = data.glob("userdata.json.damaged-*")
    assert aside.read_bytes() == content  # never silently overwritten
    assert not list(data.glob(".userdata.json.*.tmp"))
    assert UserData(data).take_messages() == []  # told once: the next start is quiet


async def test_reader_on_a_damaged_file_in_a_read_only_directory(store, tmp_path, monkeypatch):
    data = tmp_path / "data"
    data.mkdir()
    content = b'{"state": "abc"}'
    (data / USERDATA_FILE).write_bytes(content)
    os.chmod(data, 0o555)
    if os.geteuid() == 0:  # root ignores the mode: fail the calls that would change the directory
        real_open = os.open

        def fake_open(path, flags, *args, **kwargs):
            if Path(path).parent == data and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)

        def fake_link(src, dst, *args, **kwargs):
            raise PermissionError(13, "Permission denied", str(dst))

        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(os, "link", fake_link)
    try:
        app = BriefApp(store, UserData(data), None, Config())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert app.screen.__class__.__name__ == "ReaderScreen"
            [told] = [m for m in _messages(app) if "damaged" in m]
            assert "cannot be moved aside (Permission denied)" in told
            await pilot.press("L")
            await pilot.press("escape")
        assert (data / USERDATA_FILE).read_bytes() == content
    finally:
        os.chmod(data, 0o755)


@pytest.mark.parametrize("content", HOSTILE.values(), ids=HOSTILE.keys())
def test_cli_on_a_hostile_userdata_file(brief, store_path, tmp_path, content):
    data = tmp_path / "data"
    data.mkdir()
    (data / USERDATA_FILE).write_bytes(content)
    result = brief("notes", "--json", "--store", store_path, "--data-dir", data)
    assert result.code == 0 and json.loads(result.out) == []
    assert result.err.count("was damaged") == 1 and "\x1b" not in result.err
    exported = brief(
        "export",
        SEED_BRIEF,
        "--format",
        "json",
        "--with-notes",
        "--store",
        store_path,
        "--data-dir",
        data,
    )
    assert exported.code == 0 and json.loads(exported.out)["notes"] == []


def test_tampered_notes_are_shown_as_text(brief, store_path, tmp_path):
    data = tmp_path / "data"
    ud = UserData(data)
    ud.add_note(
        Anchor.of_item(SEED_BRIEF, "sentence:p1.s1"),
        "[@click=app.quit]x[/] \x1b]0;pwned\x07\x1b[2J\u202etxt\x9b31m",
        "\x1b[31mquote",
    )
    for args in (
        ("notes",),
        ("notes", "--json"),
        ("export", SEED_BRIEF, "--format", "markdown", "--with-notes"),
    ):
        result = brief(*args, "--store", store_path, "--data-dir", data)
        assert result.code == 0, result.err
        for bad in ("\x1b", "\x07", "\u202e", "\x9b"):
            assert bad not in result.out


# -- property tests: any bytes, any JSON -------------------------------------------------------------
hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_json = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
_keys = st.sampled_from(["id", "kind", "updated", "anchor", "text", "quote", "created", "deleted",
                         "items", "brief", "hash", "value", "key", "orphaned", "format", "version"])  # fmt: skip
_kinds = st.sampled_from(["note", "bookmark", "read", "position", "setting", "state", "x"])
_record = st.dictionaries(
    _keys, _json | _kinds | st.just("note:1") | st.just("brief:b"), max_size=8
)
_lines = st.lists(_record, max_size=6).map(
    lambda records: (
        b'{"format":"brief-userdata","version":2}\n' + b"\n".join(orjson.dumps(r) for r in records)
    )
)
_legacy = st.dictionaries(st.sampled_from(["state", "_default", "x"]), _json, max_size=3).map(
    orjson.dumps
)
_files = st.binary(max_size=200) | _lines | _legacy | _json.map(orjson.dumps)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=_files)
def test_any_file_opens_and_is_kept_if_not_used_whole(tmp_path_factory, content):
    data = tmp_path_factory.mktemp("prop")
    (data / USERDATA_FILE).write_bytes(content)
    ud = UserData(data)  # never raises
    messages = ud.take_messages()
    asides = list(data.glob("userdata.json.damaged-*"))
    if asides:  # whatever was not used whole is kept byte for byte, and the user told
        assert [a.read_bytes() for a in asides] == [content]
        assert len(messages) == 1 and str(asides[0]) in messages[0]
    for note in ud.notes():
        assert isinstance(note.text, str) and isinstance(note.anchor, Anchor)
    ud.last_brief(), ud.position("b"), ud.bookmarks(), ud.is_unread("b"), ud.setting("theme")
    ud.changed_since_read("b", "h", {"takeaway:0": "x"})
    note = ud.add_note(Anchor.of_brief("b"), "after")
    assert note.saved == (not messages or "newer brief" not in messages[0])
    reopened = UserData(data)
    assert reopened.take_messages() == [] or "newer brief" in messages[0]
