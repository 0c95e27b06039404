"""Nothing the user wrote is lost: damaged and odd files, read-only directories, SIGKILL in the middle
of writes, two processes writing at once."""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import orjson
import pytest

from tui.userdata import USERDATA_FILE, Anchor, UserData, parse, write_durably

B = "brief-one"
ASIDE = re.compile(r"userdata\.json\.damaged-\d{8}T\d{6}Z(-\d+)?$")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    directory = tmp_path / "data"
    directory.mkdir()
    return directory


def aside_files(directory: Path) -> list[Path]:
    return sorted(p for p in directory.iterdir() if ASIDE.search(p.name))


def good_file(directory: Path) -> dict:
    parsed = parse((directory / USERDATA_FILE).read_bytes())
    assert parsed.bad == 0 and parsed.problem is None and not parsed.legacy
    return parsed.records


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch):
    """Make a directory read-only. Root ignores permission bits, so for root the calls that would
    create or replace a file there fail the way the kernel fails them for a normal user."""
    made: list[Path] = []

    def make(directory: Path) -> Path:
        os.chmod(directory, 0o555)
        made.append(directory)
        if os.geteuid() != 0:
            return directory
        real_open, real_link, real_replace = os.open, os.link, os.replace
        inside = lambda path: Path(path).absolute().parent == directory.absolute()  # noqa: E731

        def denied(path: object) -> PermissionError:
            return PermissionError(13, "Permission denied", str(path))

        def fake_open(path, flags, *args, **kwargs):
            if inside(path) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
                raise denied(path)
            return real_open(path, flags, *args, **kwargs)

        def fake_link(src, dst, *args, **kwargs):
            if inside(dst):
                raise denied(dst)
            return real_link(src, dst, *args, **kwargs)

        def fake_replace(src, dst, *args, **kwargs):
            if inside(dst) or inside(src):
                raise denied(dst)
            return real_replace(src, dst, *args, **kwargs)

        real_mkdir = os.mkdir

        def fake_mkdir(path, *args, **kwargs):
            if inside(path):
                raise denied(path)
            return real_mkdir(path, *args, **kwargs)

        monkeypatch.setattr(os, "mkdir", fake_mkdir)
        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(os, "link", fake_link)
        monkeypatch.setattr(os, "replace", fake_replace)
        return directory

    yield make
    for directory in made:
        os.chmod(directory, 0o755)


# -- the write itself -------------------------------------------------------------------------------
def test_a_write_fsyncs_the_file_and_the_directory_before_returning(data, monkeypatch):
    synced: list[str] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        synced.append("dir" if os.path.isdir(f"/proc/self/fd/{fd}") else "file")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    replaced: list[int] = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda *a: (replaced.append(len(synced)), real_replace(*a)))
    write_durably(data / "x.json", b"payload")
    assert synced == ["file", "dir"]
    assert replaced == [1]  # file synced before the replace, directory after it
    assert (data / "x.json").read_bytes() == b"payload"
    assert not list(data.glob(".x.json.*.tmp"))


def test_a_failed_write_leaves_the_old_file_and_no_temporary(data, monkeypatch):
    ud = UserData(data)
    kept = ud.add_note(Anchor.of_brief(B), "kept")
    before = (data / USERDATA_FILE).read_bytes()

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    lost = ud.add_note(Anchor.of_brief(B), "not on disk")
    assert not lost.saved and kept.saved
    assert ud.take_messages() == [
        f"cannot save notes, bookmarks or reading marks in {data}: No space left on device — "
        "they are kept until you quit; make the directory writable or use --data-dir"
    ]
    assert (data / USERDATA_FILE).read_bytes() == before
    assert not list(data.glob(f".{USERDATA_FILE}.*.tmp"))
    assert [n.text for n in ud.notes()] == ["kept", "not on disk"]  # still shown this session
    monkeypatch.undo()
    ud.add_note(Anchor.of_brief(B), "later")  # the next write saves the queued note too
    assert [n.text for n in UserData(data).notes()] == ["kept", "not on disk", "later"]
    assert all(n.saved for n in ud.notes())
    assert ud.take_messages() == [f"notes and reading marks are saved again in {data}"]


def test_leftover_temporary_files_are_removed_on_open(data):
    UserData(data).add_note(Anchor.of_brief(B), "n")
    for name in (".userdata.json.abc123.tmp", ".userdata.json.zz.tmp"):
        (data / name).write_bytes(b'{"half": ')
    (data / "unrelated.tmp").write_bytes(b"x")
    ud = UserData(data)
    assert not list(data.glob(".userdata.json.*.tmp"))
    assert (data / "unrelated.tmp").exists()
    assert len(ud.notes()) == 1 and ud.take_messages() == []


# -- damaged files ----------------------------------------------------------------------------------
def test_a_truncated_file_is_moved_aside_and_the_readable_records_kept(data):
    ud = UserData(data)
    notes = [ud.add_note(Anchor.of_brief(B), f"note {i}") for i in range(5)]
    ud.set_last_brief(B)
    raw = (data / USERDATA_FILE).read_bytes()
    assert raw.split(b"\n")[-2].startswith(b'{"id":"state:last_brief"')  # sorted by id
    damaged = raw[:-20]  # cut in the middle of the last line
    damaged = damaged.replace(b'"note 1"', b'"note 1', 1)  # and break another
    (data / USERDATA_FILE).write_bytes(damaged)

    opened = UserData(data)
    [message] = opened.take_messages()
    [aside] = aside_files(data)
    assert message == (
        f"{data / USERDATA_FILE} was damaged (2 unreadable lines or entries): the original is kept "
        f"as {aside}; 4 records recovered — look there for anything missing"
    )
    assert aside.read_bytes() == damaged  # the original, byte for byte
    survivors = {n.id for n in opened.notes()}
    assert survivors == {n.id for n in notes} - {notes[1].id}  # last line was last_brief
    assert set(good_file(data)) == survivors
    assert opened.take_messages() == []  # told once
    again = UserData(data)
    assert again.take_messages() == [] and len(aside_files(data)) == 1
    again.add_note(Anchor.of_brief(B), "after the repair")
    assert len(UserData(data).notes()) == 5


def test_a_file_damaged_while_open_is_repaired_before_the_next_write(data):
    ud = UserData(data)
    first = ud.add_note(Anchor.of_brief(B), "first")
    with open(data / USERDATA_FILE, "ab") as stream:
        stream.write(b"\x00\x00garbage\n")
    second = ud.add_note(Anchor.of_brief(B), "second")
    assert second.saved
    assert "was damaged" in ud.take_messages()[0]
    assert {n.id for n in UserData(data).notes()} == {first.id, second.id}
    assert len(aside_files(data)) == 1


WRONG_SHAPES = {
    "state-list": b'{"state": []}',
    "state-string": b'{"state": "abc"}',
    "bare-list": b"[1, 2, 3]",
    "empty-list": b"[]",
    "bare-string": b'"abc"',
    "number": b"42",
    "null": b"null",
    "other-tables": b'{"notes": {"1": {"text": "x"}}}',
    "item-is-5": b'{"state": {"1": {"key": "position:b", "value": {"item": 5}}}}',
    "actor-is-list": b'{"state": {"1": {"key": "position:b", "value": {"actor": ["a"]}}}}',
    "position-string": b'{"state": {"1": {"key": "position:b", "value": "p3"}}}',
    "record-not-object": b'{"format":"brief-userdata","version":2}\n[1]\n',
    "note-text-number": b'{"format":"brief-userdata","version":2}\n'
    b'{"id":"note:1","kind":"note","anchor":"brief:b","text":5,"quote":null,"created":"t","updated":"t"}\n',
    "read-items-list": b'{"format":"brief-userdata","version":2}\n'
    b'{"id":"read:b","kind":"read","brief":"b","hash":"h","items":[],"updated":"t"}\n',
    "id-kind-mismatch": b'{"format":"brief-userdata","version":2}\n'
    b'{"id":"read:b","kind":"note","anchor":"brief:b","text":"x","created":"t","updated":"t"}\n',
    "binary": b"\xff\xfe\x00\x01",
}


@pytest.mark.parametrize("content", WRONG_SHAPES.values(), ids=WRONG_SHAPES.keys())
def test_a_file_of_the_wrong_shape_is_never_overwritten_silently(data, content):
    (data / USERDATA_FILE).write_bytes(content)
    ud = UserData(data)  # never raises
    [message] = ud.take_messages()
    [aside] = aside_files(data)
    assert "was damaged" in message and str(aside) in message
    assert aside.read_bytes() == content
    assert ud.last_brief() is None and ud.position("b") is None
    assert ud.notes() == [] and ud.bookmarks() == [] and ud.is_unread("b")
    ud.set_position("b", {"item": "takeaway:0"})
    assert UserData(data).position("b") == {"actor": None, "item": "takeaway:0", "focus": None}


def test_an_old_file_with_one_bad_entry_keeps_the_good_ones(data):
    content = orjson.dumps(
        {
            "state": {
                "1": {"key": "last_brief", "value": B},
                "2": {"key": "position:x", "value": {"item": 5}},
                "3": {"key": "position:y", "value": {"actor": "a", "item": None, "focus": None}},
            }
        }
    )
    (data / USERDATA_FILE).write_bytes(content)
    ud = UserData(data)
    assert "2 records recovered" in ud.take_messages()[0]
    assert ud.last_brief() == B and ud.position("y")["actor"] == "a" and ud.position("x") is None
    assert aside_files(data)[0].read_bytes() == content


def test_records_from_a_newer_brief_are_kept(data):
    future = {"id": "tag:x", "kind": "tag", "updated": "2030-01-01T00:00:00.000000Z", "v": [1]}
    (data / USERDATA_FILE).write_bytes(
        b'{"format":"brief-userdata","version":2}\n' + orjson.dumps(future) + b"\n"
    )
    ud = UserData(data)
    ud.add_note(Anchor.of_brief(B), "n")
    assert ud.take_messages() == []
    assert good_file(data)["tag:x"] == future


def test_a_file_from_a_newer_format_is_read_but_never_written(data):
    content = (
        b'{"format":"brief-userdata","version":3}\n'
        b'{"id":"state:last_brief","kind":"state","key":"last_brief","value":"b","updated":"t"}\n'
    )
    (data / USERDATA_FILE).write_bytes(content)
    ud = UserData(data)
    assert ud.last_brief() == "b"
    note = ud.add_note(Anchor.of_brief(B), "n")
    assert not note.saved
    [message] = ud.take_messages()
    assert "written by a newer brief (format 3)" in message
    assert (data / USERDATA_FILE).read_bytes() == content


@pytest.mark.parametrize("kind", ["directory", "fifo", "dangling-link"])
def test_a_path_that_is_not_a_file_is_reported_not_replaced(data, kind):
    path = data / USERDATA_FILE
    if kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(data / "nowhere")
    ud = UserData(data)  # a FIFO would hang a plain read
    [message] = ud.take_messages()
    assert message.startswith(str(path)) and "nothing is saved so it is not overwritten" in message
    assert not ud.add_note(Anchor.of_brief(B), "n").saved
    assert ud.take_messages() == []  # said once
    assert (
        path.is_dir()
        if kind == "directory"
        else path.is_fifo()
        if kind == "fifo"
        else path.is_symlink()
    )


# -- read-only data directory -----------------------------------------------------------------------
def test_read_only_directory_reads_and_says_once_that_nothing_is_saved(data, read_only):
    writer = UserData(data)
    note = writer.add_note(Anchor.of_item(B, "sentence:p1.s1"), "saved earlier", "Quote.")
    writer.set_last_brief(B)
    writer.mark_read(B, "h", {"takeaway:0": "t"})
    before = (data / USERDATA_FILE).read_bytes()
    read_only(data)

    ud = UserData(data)
    assert ud.take_messages() == []
    assert ud.last_brief() == B and ud.note(note.id) == note and ud.is_read(B)
    unsaved = ud.add_note(Anchor.of_brief(B), "cannot be saved")
    assert not unsaved.saved and not ud.writable
    [message] = ud.take_messages()
    assert message.startswith(f"cannot save notes, bookmarks or reading marks in {data}: ")
    assert "Permission denied" in message
    assert ud.toggle_bookmark(Anchor.of_brief(B)) is True
    ud.set_position(B, {"item": "takeaway:0"})
    ud.set_last_brief("other")
    ud.mark_unread(B)
    assert ud.take_messages() == []  # once
    assert ud.last_brief() == "other" and ud.is_unread(B)  # this session still sees its changes
    assert [n.saved for n in ud.notes()] == [True, False]
    assert (data / USERDATA_FILE).read_bytes() == before


def test_damaged_file_in_a_read_only_directory(data, read_only):
    ud = UserData(data)
    kept = ud.add_note(Anchor.of_brief(B), "kept")
    damaged = (data / USERDATA_FILE).read_bytes() + b'{"id": "note:x", "kin'
    (data / USERDATA_FILE).write_bytes(damaged)
    read_only(data)
    opened = UserData(data)  # no PermissionError
    [message] = opened.take_messages()
    assert message.startswith(f"{data / USERDATA_FILE} is damaged (1 unreadable line or entry)")
    assert "cannot be moved aside (Permission denied)" in message
    assert "using the 1 record that could be read, saving nothing" in message
    assert [n.id for n in opened.notes()] == [kept.id]
    assert not opened.add_note(Anchor.of_brief(B), "n").saved
    assert opened.take_messages() == []
    assert (data / USERDATA_FILE).read_bytes() == damaged and not aside_files(data)


def test_missing_data_directory_under_a_read_only_parent(tmp_path, read_only):
    parent = tmp_path / "ro"
    parent.mkdir()
    read_only(parent)
    ud = UserData(parent / "brief")
    assert ud.notes() == [] and ud.last_brief() is None
    ud.set_last_brief(B)
    assert ud.last_brief() == B
    assert "cannot save" in (ud.error or "")


# -- SIGKILL during writes --------------------------------------------------------------------------
KILLS = 200


def _writer(directory: Path, out: int, seed: int) -> None:
    """The child: add notes (and now and then other records) forever, reporting each saved id."""
    ud = UserData(directory)
    rng = random.Random(seed)
    number = 0
    while True:
        number += 1
        note = ud.add_note(
            Anchor.of_item(B, f"sentence:p{number}.s1"), f"note {seed}/{number}", "q"
        )
        if note.saved:
            os.write(out, f"{note.id}\n".encode())
        if rng.random() < 0.1:
            ud.set_position(B, {"item": f"takeaway:{number}"})


def _commit_time(directory: Path) -> float:
    """How long one saved note takes on this disk now (fsync dominates; it varies with load)."""
    ud = UserData(directory)
    started = time.perf_counter()
    for _ in range(5):
        ud.add_note(Anchor.of_brief(B), "timing")
    return (time.perf_counter() - started) / 5


@pytest.mark.durability
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_sigkill_at_random_moments_never_loses_a_saved_note(data, tmp_path):
    """Fork a writer, let it save 0-2 notes, SIGKILL it at a random moment of the next write, check
    the file; ``KILLS`` times. Forking (instead of starting a new interpreter each time) keeps this
    to a few seconds."""
    import select

    rng = random.Random(20261129)
    commit = _commit_time(tmp_path / "timing")
    reported: set[str] = set()
    interrupted = 0  # kills that left a temporary file: the kill landed inside a write
    started = time.perf_counter()
    for kill in range(KILLS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            try:
                os.close(read_end)
                _writer(data, write_end, kill)
            finally:
                os._exit(0)
        os.close(write_end)
        output = b""
        wanted = rng.randint(0, 2)
        deadline = time.monotonic() + 10
        while output.count(b"\n") < wanted and time.monotonic() < deadline:
            if select.select([read_end], [], [], 0.5)[0]:
                output += os.read(read_end, 65536)
        time.sleep(rng.uniform(0.0, commit * 1.5))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        with os.fdopen(read_end, "rb") as stream:
            output += stream.read()
        reported.update(output.decode().splitlines())  # each line was written whole (< PIPE_BUF)
        interrupted += bool(list(data.glob(f".{USERDATA_FILE}.*.tmp")))

        exists = (data / USERDATA_FILE).exists()
        records = good_file(data) if exists else {}  # parses, with no damaged line
        missing = {rid for rid in reported if rid not in records}
        assert not missing, f"kill {kill}: {len(missing)} reported note(s) missing"
    ud = UserData(data)
    assert ud.take_messages() == []
    assert not list(data.glob(f".{USERDATA_FILE}.*.tmp"))  # cleaned on open
    assert {n.id for n in ud.notes()} >= reported
    elapsed = time.perf_counter() - started
    print(
        f"{KILLS} kills, {len(reported)} notes reported saved, {interrupted} kills inside a "
        f"write, {elapsed:.1f} s, {commit * 1000:.1f} ms per saved note"
    )
    assert len(reported) >= KILLS // 2  # one note per kill on average: the writers did work
    assert interrupted > 0  # and some kills landed in the middle of a write


# -- two processes at once --------------------------------------------------------------------------
PER_PROCESS = 500
_CONCURRENT = """
import os, sys, time
from pathlib import Path
from tui.userdata import Anchor, UserData
directory, name, start = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
ud = UserData(directory)
while not start.exists():
    time.sleep(0.001)
for number in range({count}):
    note = ud.add_note(Anchor.of_brief("brief-" + name), name + " " + str(number))
    assert note.saved, ud.take_messages()
    print(note.id, flush=True)
    if number % 25 == 0:
        assert ud.mark_read(name + "-" + str(number), "h", {{}})
        ud.toggle_bookmark(Anchor.of_entity(name + "-" + str(number)))
"""


@pytest.mark.durability
def test_two_processes_adding_notes_at_once_lose_nothing(data, tmp_path):
    start = tmp_path / "go"
    script = _CONCURRENT.format(count=PER_PROCESS)
    root = Path(__file__).resolve().parent.parent
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(data), name, str(start)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=root,
        )
        for name in ("left", "right")
    ]
    time.sleep(0.3)  # both have imported and opened the file
    started = time.perf_counter()
    start.touch()
    outputs = [p.communicate(timeout=120) for p in processes]
    elapsed = time.perf_counter() - started
    for process, (_, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
    ids = [set(out.split()) for out, _ in outputs]
    assert [len(i) for i in ids] == [PER_PROCESS, PER_PROCESS]
    ud = UserData(data)
    assert ud.take_messages() == []
    assert {n.id for n in ud.notes()} == ids[0] | ids[1]
    for name in ("left", "right"):
        marks = range(0, PER_PROCESS, 25)
        assert all(ud.is_read(f"{name}-{n}") for n in marks)
        assert all(ud.is_bookmarked(Anchor.of_entity(f"{name}-{n}")) for n in marks)
    print(f"2 processes x {PER_PROCESS} notes in {elapsed:.1f} s")
