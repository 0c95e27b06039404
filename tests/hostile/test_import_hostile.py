"""Hostile inputs to `brief import` (issue 10): entities in Markdown, a 5,000-line article, a
2 MiB article, a FIFO. Each: one line naming the input file and the fix, or a draft that builds."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tui.extract import MAX_IMPORT_BYTES
from tui.ingest.draft import MAX_HISTORY


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    return tmp_path


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_markdown_entities_stay_literal_in_the_draft_and_the_store(brief, project):
    article = project / "lt.md"
    article.write_text(
        "# Ceasefire &lt;holds&gt; in the north\n\n"
        "GAZA (Reuters) - The ceasefire &lt;b&gt; held on Tuesday &amp; talks resumed, Hamas said.\n\n"
        "In March 2024 the sides met in Cairo &lt;again&gt;.\n"
    )
    content = project / "content"
    result = brief("import", article, "--content", content)
    assert result.code == 0, result.err
    draft = next((content / "briefs").glob("*.md")).read_text()
    assert r"\&lt;b\&gt; held on Tuesday \&amp; talks" in draft  # escaped, not decoded
    assert brief("check", content).code == 0
    store = project / "store.json"
    assert brief("build", content, "-o", store).code == 0
    brief_id = next((content / "briefs").glob("*.md")).stem
    shown = brief("--store", store, "show", brief_id, "--section", "summary")
    assert "&lt;b&gt; held on Tuesday &amp; talks" in shown.out  # as the article wrote it
    exported = brief("--store", store, "export", brief_id, "--format", "markdown").out
    assert r"\&lt;b\&gt; held on Tuesday \&amp; talks" in exported  # a renderer shows it literally


def test_a_5000_line_article_drafts_a_history_and_says_what_it_left_out(brief, project):
    lines = ["A long report on the war", ""]
    for i in range(5000):
        if i % 20 == 0:
            lines.append(f"On March {i % 28 + 1}, {1800 + i // 20} council K{i:x}z met.")
        else:
            lines.append("This line adds nothing new.")
    article = project / "long.txt"
    article.write_text("\n".join(lines) + "\n")
    content = project / "content"
    result = brief("import", article, "--content", content)
    assert result.code == 0, result.err
    found = re.search(
        r"(\d+) dated events found .*?; (\d+) History items? drafted, (\d+) left out", result.out
    )
    assert found, result.out
    events, drafted, left_out = map(int, found.groups())
    assert events == 250 and drafted == MAX_HISTORY and drafted + left_out == events
    text = next((content / "briefs").glob("*.md")).read_text()
    assert text.count("\n- **") == MAX_HISTORY
    assert brief("check", content).code == 0


def test_repeated_lines_are_drafted_once_not_dropped_silently(brief, project):
    lines = ["Repeated wire", ""] + [
        "On Tuesday, the council met in the capital." if i % 20 == 0 else "Nothing happened."
        for i in range(5000)
    ]
    article = project / "rep.txt"
    article.write_text("\n".join(lines) + "\n")
    content = project / "content"
    result = brief("import", article, "--content", content)
    assert result.code == 0, result.err
    assert "250 dated events found" in result.out
    assert "1 History item drafted, 249 left out (repeated, not quotable uniquely" in result.out
    assert next((content / "briefs").glob("*.md")).read_text().count("\n- **Tuesday**") == 1


def test_a_2_mib_article_is_refused_before_reading_naming_the_input_file(brief, project):
    article = project / "huge.txt"
    with article.open("wb") as stream:  # sparse: no time spent writing it either
        stream.truncate(2 * 1024 * 1024)
    content = project / "content"
    before = _files(project)
    result = brief("import", article, "--content", content)
    assert result.code == 1 and result.out == ""
    assert result.err == (
        f"brief: {article} is 2,097,152 bytes, over the 1 MiB (1,048,576 bytes) that brief import "
        "takes for one article — split it into articles or trim it\n"
    )
    assert _files(project) == before  # nothing written


def test_an_article_just_under_the_limit_is_read(brief, project):
    article = project / "edge.txt"
    body = "Title\n\n" + "The council met on Tuesday. " * 10
    article.write_text(body + " " * (MAX_IMPORT_BYTES - len(body.encode())))
    result = brief("import", article, "--content", project / "content", "--json")
    assert result.code == 0, result.err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_refused_without_waiting_for_a_writer(brief, project):
    fifo = project / "article.txt"
    os.mkfifo(fifo)
    result = brief("import", fifo, "--content", project / "content")
    assert result.code == 1
    assert result.err == (
        f"brief: {fifo} is not a regular file — save the article to a file first\n"
    )
