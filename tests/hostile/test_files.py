"""Issue 10, "reading outside the project, unbounded reads": the builder reads only regular files
inside the project root, checks their size before reading, and never hangs on a FIFO."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from tui.ingest.files import FileRefused, read_bounded, resolve_inside

BRIEF = Path("content/briefs/afghan-national-consensus.md")
SEED = "seeds/nationpress-afghan-anti-taliban-national-consensus.txt"


def set_source(project: Path, source: str) -> int:
    """Point the brief's `source:` at ``source``; returns the line of `source:`."""
    path = project / BRIEF
    lines = path.read_text().splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("source:"))
    lines[number] = f"source: {source}\n"
    path.write_text("".join(lines))
    return number + 1


def one_error(result, needle: str) -> str:
    """The single error line that mentions ``needle``; the build failed with exit 1."""
    assert result.code == 1
    lines = [line for line in result.err.splitlines() if needle in line]
    assert lines, result.err
    assert "Traceback" not in result.err
    return lines[0]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("/etc/passwd", "is not a path inside the project"),
        ("/proc/self/environ", "is not a path inside the project"),
        ("../../../../../../etc/passwd", "resolves outside the project folder"),
        ("seeds/../../../../../../../proc/self/environ", "resolves outside the project folder"),
        ("~/secrets.txt", "is not a path inside the project"),
    ],
)
@pytest.mark.parametrize("verb", ["build", "check"])
def test_a_source_outside_the_project_is_refused(project, brief, source, expected, verb):
    line = set_source(project, source)
    args = ["build", project / "content", "-o", project / "store.json"] if verb == "build" else []
    result = brief(*(args or ["check", project / "content"]))
    message = one_error(result, expected)
    assert message.startswith(f"content/briefs/afghan-national-consensus.md:{line}: ")
    assert "root:x:0:0" not in result.out + result.err
    assert not (project / "store.json").exists()


def test_a_symlinked_seed_leading_outside_is_refused(project, brief):
    seed = project / SEED
    seed.unlink()
    seed.symlink_to("/etc/passwd")
    result = brief("build", project / "content", "-o", project / "store.json")
    message = one_error(result, "resolves outside the project folder")
    assert "(to /etc/passwd)" in message and "copy the file in" in message
    assert not (project / "store.json").exists()


def test_a_symlink_inside_the_project_is_followed(project, brief):
    (project / "articles").mkdir()
    (project / SEED).rename(project / "articles" / "a.txt")
    (project / SEED).symlink_to(project / "articles" / "a.txt")
    result = brief("build", project / "content", "-o", project / "store.json")
    assert result.code == 0, result.err


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/etc/passwd", "resolves outside the project folder"),
        ("/dev/zero", "resolves outside the project folder"),
    ],
)
def test_a_content_file_linking_outside_is_refused(project, brief, target, expected):
    (project / "content" / "briefs" / "evil.md").symlink_to(target)
    result = brief("check", project / "content")
    message = one_error(result, "evil.md")
    assert message.startswith("content/briefs/evil.md:1: ") and expected in message


def test_a_symlink_loop_is_one_error(project, brief):
    loop = project / "content" / "people" / "loop.md"
    loop.symlink_to(loop)
    result = brief("check", project / "content")
    assert one_error(result, "loop.md") == (
        "content/people/loop.md:1: is a symlink loop — point the link at a real file"
    )


def test_a_fifo_does_not_hang_the_build(project, brief):
    fifo = project / "content" / "briefs" / "fifo.md"
    os.mkfifo(fifo)
    # Should the build ever block on the FIFO again, a writer opens it after a while so the test
    # fails instead of hanging the suite.
    rescue = threading.Timer(20, lambda: os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)))
    rescue.daemon = True
    rescue.start()
    try:
        result = brief("build", project / "content", "-o", project / "store.json")
    finally:
        rescue.cancel()
    assert one_error(result, "fifo.md") == (
        "content/briefs/fifo.md:1: is a FIFO (named pipe), not a regular file — "
        "give a plain content file instead"
    )


def test_a_directory_named_like_a_content_file(project, brief):
    (project / "content" / "factions" / "folder.md").mkdir()
    result = brief("check", project / "content")
    assert "content/factions/folder.md:1: is a directory, not a regular file" in one_error(
        result, "folder.md"
    )


def test_a_huge_sparse_content_file_is_refused_before_reading(project, brief):
    huge = project / "content" / "people" / "huge.md"
    with huge.open("wb") as stream:
        stream.truncate(6 * 1024**3)  # 6 GB, sparse: costs nothing unless someone reads it
    result = brief("check", project / "content")
    assert one_error(result, "huge.md") == (
        "content/people/huge.md:1: is 6,442,450,944 bytes, over the 1 MiB limit for a content "
        "file — trim or split it"
    )


def test_a_huge_sparse_seed_is_refused_before_reading(project, brief):
    with (project / SEED).open("r+b") as stream:
        stream.truncate(6 * 1024**3)
    result = brief("build", project / "content", "-o", project / "store.json")
    message = one_error(result, "over the 5 MB limit")
    assert "6,442,450,944 bytes, over the 5 MB limit for an article" in message


def test_a_seed_that_is_a_fifo_does_not_hang(project, brief):
    (project / SEED).unlink()
    os.mkfifo(project / SEED)
    rescue = threading.Timer(
        20, lambda: os.close(os.open(project / SEED, os.O_WRONLY | os.O_NONBLOCK))
    )
    rescue.daemon = True
    rescue.start()
    try:
        result = brief("check", project / "content")
    finally:
        rescue.cancel()
    assert "is a FIFO (named pipe), not a regular file" in one_error(result, "FIFO")


# -- the reader functions themselves --------------------------------------------------------------


def test_read_bounded_stops_one_byte_past_the_limit_on_a_growing_file(tmp_path):
    # /dev/zero reports size 0 but never ends: it is refused as a device before any read.
    with pytest.raises(FileRefused, match="a character device"):
        read_bounded(Path("/dev/zero"), 10)
    path = tmp_path / "ok.txt"
    path.write_bytes(b"x" * 10)
    assert read_bounded(path, 10) == b"x" * 10
    with pytest.raises(FileRefused, match="over the 9 bytes limit"):
        read_bounded(path, 9)


def test_resolve_inside_refuses_escapes(tmp_path):
    (tmp_path / "root").mkdir()
    (tmp_path / "outside.txt").write_text("secret")
    (tmp_path / "root" / "link.txt").symlink_to(tmp_path / "outside.txt")
    with pytest.raises(FileRefused, match="resolves outside the project folder"):
        resolve_inside(tmp_path / "root" / "link.txt", tmp_path / "root")
    with pytest.raises(FileRefused, match="resolves outside the project folder"):
        resolve_inside(tmp_path / "root" / ".." / "outside.txt", tmp_path / "root")
    with pytest.raises(FileRefused, match="does not exist"):
        resolve_inside(tmp_path / "root" / "missing.txt", tmp_path / "root")
