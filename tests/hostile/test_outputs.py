"""Issue 10, ``-o`` replaced its target: the output-path policy of :mod:`tui.outputs` — special
files refused, symlinks followed (the link stays), folders never created — for build and export.

The device cases use links *in the test's folder* to /dev/null and /dev/full: should the policy
ever regress, the atomic write replaces the link in tmp, never the device node itself."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tui.outputs import OutputRefused, output_path

EXPORT = ["export", "afghan-national-consensus", "--format", "html"]


def build(brief, project: Path, output: Path):
    return brief("build", project / "content", "-o", output)


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_build_and_export_refuse_a_link_to_a_device(project, brief, tmp_path, device):
    link = tmp_path / "out"
    link.symlink_to(device)
    for result, hint in (
        (build(brief, project, link), "give a regular file path"),
        (brief(*EXPORT, "-o", link), "leave out -o to print to standard output"),
    ):
        assert result.code == 1
        assert result.err == (
            f"brief: {link} is a character device, not a regular file; brief writes a new file "
            f"and moves it into place, which would replace it — {hint}\n"
        )
        assert link.is_symlink() and stat.S_ISCHR(os.stat(link).st_mode)


def test_the_devices_themselves_are_refused_without_writing(brief, project):
    before = os.stat("/dev/full")
    result = brief(*EXPORT, "-o", "/dev/full")
    assert result.code == 1 and "is a character device" in result.err
    result = build(brief, project, Path("/dev/full"))
    assert result.code == 1 and "is a character device" in result.err
    after = os.stat("/dev/full")
    assert stat.S_ISCHR(after.st_mode) and after.st_ino == before.st_ino


def test_export_to_dev_stdout_is_refused_with_the_way_to_print(brief):
    if not os.path.exists("/dev/stdout"):
        pytest.skip("no /dev/stdout here")
    result = brief(*EXPORT, "-o", "/dev/stdout")
    assert result.code == 1
    # under pytest standard output is a deleted temporary file; in a shell a pipe or a terminal
    assert result.err.startswith("brief: /dev/stdout is ")
    assert "leave out -o to print to standard output" in result.err
    assert not list(Path("/tmp").glob("*(deleted)"))


def test_a_fifo_target_is_refused_without_blocking(project, brief, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert "is a FIFO (named pipe), not a regular file" in brief(*EXPORT, "-o", fifo).err
    assert "is a FIFO (named pipe), not a regular file" in build(brief, project, fifo).err
    assert "is a FIFO" in brief("build", project / "content", "-o", fifo, "--check").err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_missing_folder_is_an_error_not_created(project, brief, tmp_path):
    target = tmp_path / "missing-dir" / "x.html"
    result = brief(*EXPORT, "-o", target)
    assert result.code == 1
    assert result.err == (
        f"brief: cannot write {target}: the folder {target.parent} does not exist — create it "
        "first (brief does not create folders for -o)\n"
    )
    assert not target.parent.exists()
    assert build(brief, project, target).code == 1 and not target.parent.exists()


def test_a_directory_target_is_an_error(brief, tmp_path):
    result = brief(*EXPORT, "-o", tmp_path)
    assert result.code == 1 and "is a directory" in result.err  # click's own check, then ours
    with pytest.raises(OutputRefused, match="is a directory — name a file inside it"):
        output_path(tmp_path)


def test_a_symlink_to_a_regular_file_is_followed_and_kept(project, brief, tmp_path):
    real = tmp_path / "real.html"
    real.write_text("old")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    result = brief(*EXPORT, "-o", link)
    assert result.code == 0, result.err
    assert link.is_symlink() and real.read_text().startswith("<!")
    store = tmp_path / "store-link.json"
    store.symlink_to(tmp_path / "store.json")  # dangling: the file is created behind it
    assert build(brief, project, store).code == 0
    assert store.is_symlink() and (tmp_path / "store.json").is_file()


def test_a_symlink_loop_and_a_file_in_the_way(tmp_path):
    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    with pytest.raises(OutputRefused, match="is a symlink loop"):
        output_path(loop)
    (tmp_path / "file").write_text("")
    with pytest.raises(OutputRefused, match="a folder on the way is a file"):
        output_path(tmp_path / "file" / "x.json")
    with pytest.raises(OutputRefused, match="is a directory"):
        output_path(Path(""))


def test_a_regular_new_file_is_fine(tmp_path):
    assert output_path(tmp_path / "new.json") == (tmp_path / "new.json").resolve()


def test_a_directory_is_allowed_only_when_asked(tmp_path):
    assert output_path(tmp_path, directory_ok=True) == tmp_path.resolve()
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OutputRefused, match="FIFO"):
        output_path(fifo, directory_ok=True)
