"""Issue 10, escapes in file names and arguments: nothing the CLI prints can drive the terminal.
Every message passes through one sanitiser in ``main()`` (:mod:`tui.outputs`)."""

from __future__ import annotations

import io
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.outputs import TerminalSafeStream, terminal_safe

from .conftest import ESCAPE_TITLE, assert_terminal_safe

EVIL = "e\x1b]0;pwned\x07\x1b[2J\x9b31m\x7f"


def test_import_of_a_file_with_escapes_in_its_name(brief, tmp_path):
    result = brief("import", tmp_path / f"{EVIL}.txt")
    assert result.code == 1
    assert_terminal_safe(result.err)
    assert result.err.startswith("brief: ") and "pwned" not in result.err


def test_import_of_an_existing_file_with_escapes_in_its_name(brief, tmp_path):
    article = tmp_path / f"{EVIL}.txt"
    article.write_text("")  # empty: refused, naming the file
    result = brief("import", article, "--content", tmp_path / "content")
    assert result.code == 1
    assert_terminal_safe(result.err)


@pytest.mark.parametrize("verb", [["list"], ["show", "x"], ["search", "x"]])
def test_a_store_path_with_escapes(brief, tmp_path, verb):
    result = brief("--store", tmp_path / f"{EVIL}.json", *verb)
    assert result.code == 1 and "store not found" in result.err
    assert_terminal_safe(result.err)


def test_open_with_escapes_in_the_name(brief):
    result = brief("open", EVIL)
    assert result.code == 1
    assert_terminal_safe(result.err)
    assert "nothing called" in result.err


def test_open_with_an_empty_name_gives_a_useful_hint(brief):
    result = brief("open", "")
    assert result.code == 1
    assert "brief search `" not in result.err
    assert result.err == (
        "brief: give the id or name of a brief, person or faction — `brief list` shows the ids\n"
    )


@pytest.mark.parametrize("verb", ["check", "build"])
def test_check_and_build_of_a_folder_named_with_escapes(brief, tmp_path, verb):
    result = brief(verb, tmp_path / EVIL)
    assert result.code == 1 and "content directory not found" in result.err
    assert_terminal_safe(result.err)


def test_a_content_file_named_with_escapes(project, brief):
    (project / "content" / "people" / f"{EVIL}.md").write_text("---\nname: X\n---\n")
    result = brief("check", project / "content")
    assert result.code == 1 and "is not a kebab-case id" in result.err
    assert_terminal_safe(result.err)


def test_show_and_export_of_an_id_with_escapes(brief):
    for args in (["show", EVIL], ["export", EVIL, "--format", "json"], ["search", EVIL]):
        result = brief(*args)
        assert_terminal_safe(result.out + result.err)


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--json"],
        ["show", "afghan-national-consensus"],
        ["show", "afghan-national-consensus", "--format", "markdown"],
        ["search", "Pwnmarker"],
        ["search", "consensus"],
        ["export", "afghan-national-consensus", "--format", "markdown"],
        ["export", "afghan-national-consensus", "--format", "html"],
        ["export", "afghan-national-consensus", "--format", "json"],
    ],
)
def test_a_tampered_title_never_reaches_the_terminal(brief, tampered_store, args):
    result = brief(*args, "--store", tampered_store)
    assert_terminal_safe(result.out + result.err)  # JSON may keep "\u001b" as six harmless chars


def test_the_stream_is_used_for_every_verb(brief, monkeypatch):
    seen: list[type] = []
    real = TerminalSafeStream.write

    def spy(self, text):
        seen.append(type(self))
        return real(self, text)

    monkeypatch.setattr(TerminalSafeStream, "write", spy)
    assert brief("list").code == 0 and seen
    assert not isinstance(sys.stdout, TerminalSafeStream)  # put back after main() returns


def test_terminal_safe_removes_whole_sequences():
    assert terminal_safe("a" + ESCAPE_TITLE + "b") == "ab"
    assert terminal_safe("x\x1bcy\x1b(Bz\x1bP1;2q#0\x1b\\w") == "xyzw"
    assert terminal_safe("tab\tand\nnewline stay; é, 中, emoji 🙂 too") == (
        "tab\tand\nnewline stay; é, 中, emoji 🙂 too"
    )
    assert terminal_safe("cr\r and bs\b go") == "cr and bs go"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_terminal_safe_leaves_no_control_character(text):
    cleaned = terminal_safe(text)
    assert_terminal_safe(cleaned)
    buffer = io.StringIO()
    TerminalSafeStream(buffer).write(text)
    assert buffer.getvalue() == cleaned
