"""Every kind of content error: one line each, `path:line: what — fix`, all reported at once,
exit status 1, and the previous store left untouched."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLE = (
    "Talks resume in Doha\n"
    "DOHA, March 3 (Wire) The two sides met on Monday. The two sides met again.\n"
    "Jane Roe leads the Blue Party.\n"
)
BRIEF = """---
title: Talks resume
source: seeds/talks.txt
dateline: {place: Doha, date: March 3, year: 2024}
---
## Summary

Jane Roe's Blue Party is talking.[^1]

## Key takeaways

- Talks resumed.[^2]

## History

- **Monday** — The sides meet.[^2]

[^1]: "Jane Roe leads the Blue Party."
[^2]: "The two sides met on Monday."
"""
PERSON = """---
name: Jane Roe
brief: talks
roles:
  - title: Leader
    of: blue-party
    source: 1
---
Leader.[^1]

[^1]: "Jane Roe leads the Blue Party."
"""
FACTION = """---
name: Blue Party
kind: party
brief: talks
---
A party.
"""


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    write(
        tmp_path,
        {
            "seeds/talks.txt": ARTICLE,
            "content/briefs/talks.md": BRIEF,
            "content/people/jane-roe.md": PERSON,
            "content/factions/blue-party.md": FACTION,
        },
    )
    return tmp_path


def build(brief, root: Path):
    return brief("build", root / "content", "-o", root / "store.json")


def test_the_minimal_project_builds(brief, mini):
    result = build(brief, mini)
    assert result.code == 0, result.err
    assert "1 briefs, 1 people, 1 factions, 1 events" in result.out


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "content/people/jane-roe.md",
            PERSON.replace("name: Jane Roe", "name: [Jane"),
            "content/people/jane-roe.md:3: front matter is not valid YAML",
        ),
        (
            "content/briefs/talks.md",
            BRIEF.replace("## History", "## Background"),
            "content/briefs/talks.md:14: unknown section 'Background' — use ## Summary, ## Key takeaways, ## History",
        ),
        (
            "content/factions/blue-party.md",
            FACTION.replace("kind: party\n", ""),
            "content/factions/blue-party.md:2: missing required field `kind` — add `kind: …`",
        ),
        (
            "content/people/jane-roe.md",
            PERSON.replace("of: blue-party", "of: red-party"),
            "content/people/jane-roe.md:6: of 'red-party' is not a known faction — create content/factions/red-party.md or fix the id",
        ),
        (
            "content/briefs/talks.md",
            BRIEF.replace('"The two sides met on Monday."', '"The sides never met."'),
            "content/briefs/talks.md:19: footnote [^2] quote not found in seeds/talks.txt: 'The sides never met.' — copy the words exactly",
        ),
        (
            "content/briefs/talks.md",
            BRIEF.replace('"The two sides met on Monday."', '"The two sides met"'),
            "content/briefs/talks.md:19: footnote [^2] quote found 2 times in seeds/talks.txt: 'The two sides met' — quote more words",
        ),
        (
            "content/people/blue-party.md",
            PERSON.replace("name: Jane Roe", "name: Bluey"),
            "content/factions/blue-party.md:1: duplicate id 'blue-party': content/people/blue-party.md uses it too — rename one",
        ),
        (
            "content/people/jane-roe.md",
            b"---\nname: Jane\n---\nCaf\xe9\n",
            "content/people/jane-roe.md:4: not valid UTF-8 (byte 22) — save the file as UTF-8",
        ),
        (
            "content/briefs/talks.md",
            BRIEF.replace("- Talks resumed.[^2]", "- Talks resumed."),
            "content/briefs/talks.md:12: takeaway has no source — add a footnote",
        ),
        (
            "content/briefs/talks.md",
            BRIEF.replace("**Monday**", "**someday**"),
            "content/briefs/talks.md:16: 'someday' is not a date form brief understands — write a year (2001)",
        ),
        (
            "content/briefs/talks.md",
            BRIEF.replace("seeds/talks.txt", "seeds/missing.txt"),
            "content/briefs/talks.md:3: source article 'seeds/missing.txt' not found",
        ),
        (
            "content/people/jane-roe.md",
            PERSON.replace("    source: 1\n", ""),
            "content/people/jane-roe.md:5: role has no source",
        ),
        (
            "content/factions/blue-party.md",
            FACTION.replace("kind: party", "kind: party\naliases: [Jane Roe]"),
            "content/factions/blue-party.md:4: name or alias 'Jane Roe' is also used by 'jane-roe'",
        ),
    ],
    ids=[
        "bad-yaml",
        "unknown-section",
        "missing-field",
        "unknown-reference",
        "quote-not-found",
        "quote-twice",
        "duplicate-id",
        "undecodable",
        "unsourced-takeaway",
        "bad-date",
        "missing-article",
        "unsourced-role",
        "ambiguous-alias",
    ],
)
def test_each_error_names_file_line_and_fix(brief, mini, name, text, expected):
    store = mini / "store.json"
    assert build(brief, mini).code == 0
    before = store.read_bytes()
    write(mini, {name: text})
    result = build(brief, mini)
    assert result.code == 1
    assert expected in result.err
    assert "Traceback" not in result.err
    assert (
        result.err.strip().splitlines()[-1]
        == "brief: build failed with 1 error; nothing was written"
    )
    assert store.read_bytes() == before  # the previous store is untouched


def test_all_errors_are_reported_at_once_in_file_order(brief, mini):
    write(
        mini,
        {
            "content/factions/blue-party.md": FACTION.replace("kind: party", "kind: club"),
            "content/people/jane-roe.md": PERSON.replace("status", "x").replace(
                "name: Jane Roe", "name: Jane Roe\nmood: calm"
            ),
        },
    )
    result = brief("check", mini / "content")
    assert result.code == 1
    lines = result.err.strip().splitlines()
    assert lines[0].startswith(
        "content/factions/blue-party.md:3: unknown faction kind 'club' — use one of: coalition"
    )
    assert lines[1].startswith("content/people/jane-roe.md:3: unknown field `mood`")
    assert lines[-1] == "brief: check failed with 2 errors — fix the lines above"


def test_check_writes_nothing(brief, mini):
    result = brief("check", mini / "content")
    assert result.code == 0
    assert result.out.startswith("ok: 1 brief, ")
    assert not (mini / "store.json").exists()


def test_missing_content_directory(brief, tmp_path):
    result = brief("build", tmp_path / "nope")
    assert result.code == 1
    assert (
        result.err
        == f"brief: content directory not found: {tmp_path / 'nope'} — run from the project folder or pass the path to content/\n"
    )


def test_undecodable_article(brief, mini):
    write(mini, {"seeds/talks.txt": b"\xff\xfe bad"})
    result = build(brief, mini)
    assert (
        "content/briefs/talks.md:3: source article 'seeds/talks.txt' is not UTF-8 (byte 0) — convert the article to UTF-8"
        in result.err
    )


def test_control_characters_in_content_never_reach_the_store(brief, mini):
    write(
        mini,
        {
            "content/factions/blue-party.md": FACTION.replace(
                "A party.", "A \x1b]52;c;aGk=\x07party\x1b[2J."
            )
        },
    )
    assert build(brief, mini).code == 0
    data = (mini / "store.json").read_bytes()
    assert b"\\u001b" not in data and b"\x1b" not in data and b"\\u0007" not in data
