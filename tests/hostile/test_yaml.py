"""Issue 10, YAML and dates: alias bombs, deep nesting, fields of the wrong type and dates at the
ends of the calendar give one-line errors with file:line; hypothesis checks that the front-matter
loader, the whole content loader and the date grammar raise nothing but their documented error."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tui.ingest import BuildFailed, ContentError, load_content
from tui.ingest.dates import DateError, parse_date
from tui.ingest.markdown import load_yaml, parse_document

BRIEF = Path("content/briefs/afghan-national-consensus.md")
PERSON = Path("content/people/abdul-rashid-dostum.md")


def bomb(depth: int) -> str:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, depth + 1)]
    return "\n".join(lines) + "\n"


def with_front(path: Path, extra: str, *, replace: str | None = None) -> str:
    """Insert ``extra`` YAML lines just after the opening ``---`` (or replace a line)."""
    text = path.read_text()
    if replace is not None:  # the field's line and its indented continuation lines
        lines = text.splitlines(keepends=True)
        start = next(i for i, line in enumerate(lines) if line.startswith(replace))
        end = start + 1
        while end < len(lines) and lines[end].startswith((" ", "-")) and lines[end] != "---\n":
            end += 1
        text = "".join([*lines[:start], extra, *lines[end:]])
    else:
        text = text.replace("---\n", "---\n" + extra, 1)
    path.write_text(text)
    return text


def error_lines(result) -> list[str]:
    assert result.code == 1, result.out
    assert "Traceback" not in result.err
    lines = result.err.splitlines()
    assert lines[-1].startswith(("brief: build failed with", "brief: check failed with"))
    return lines[:-1]


def test_billion_laughs_as_a_mapping_key_is_refused_fast_and_small(project, brief):
    with_front(project / BRIEF, bomb(9) + "? *a9\n: x\n")
    tracemalloc.start()
    result = brief("check", project / "content")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert error_lines(result) == [
        f"{BRIEF.as_posix()}:3: front matter uses the YAML alias *a0 — write the value out in "
        "full; & anchors and * aliases are not allowed"
    ]
    assert peak < 50 * 1024**2  # expanding depth 9 took 3 GB


def test_billion_laughs_as_a_roles_source(project, brief):
    text = (project / PERSON).read_text()
    text = text.replace("---\n", "---\n" + bomb(6), 1).replace(
        "    source: 1\n", "    source: *a6\n"
    )
    (project / PERSON).write_text(text)
    (line,) = error_lines(brief("check", project / "content"))
    assert line.startswith(f"{PERSON.as_posix()}:3: front matter uses the YAML alias")
    assert len(line) < 200  # depth 6 used to print one 3.8 MB line


def test_300_deep_nesting(project, brief):
    with_front(project / BRIEF, "deep: " + "[" * 300 + "]" * 300 + "\n")
    (line,) = error_lines(brief("check", project / "content"))
    assert line == (
        f"{BRIEF.as_posix()}:2: front matter is nested more than 32 levels deep — flatten it: "
        "fields are texts, lists of texts or lists of `key: value` entries"
    )


def test_300_deep_block_nesting(project, brief):
    nested = "".join("  " * i + f"k{i}:\n" for i in range(300)) + "  " * 300 + "x\n"
    with_front(project / BRIEF, nested)
    (line,) = error_lines(brief("check", project / "content"))
    assert "front matter is nested more than 32 levels deep" in line


@pytest.mark.parametrize(
    ("yaml_line", "key", "message"),
    [
        ("actors: 5\n", "actors", "`actors` must be a list of texts"),
        ("actors: {a: b}\n", "actors", "`actors` must be a list of texts"),
        ("title: [a, b]\n", "title", "`title` must be a non-empty text"),
        ("title: {a: b}\n", "title", "`title` must be a non-empty text"),
        ("source: 5\n", "source", "source article '5' not found"),
        ("source: [a]\n", "source", "`source` must be a non-empty text"),
        ("tags: 3\n", "tags", "`tags` must be a list of texts"),
        ("outlet: [x]\n", "outlet", "outlet must be an id"),
        ("dateline: 5\n", "dateline", "`dateline` must be a mapping"),
        ("reporting_chain: x\n", "reporting_chain", "`reporting_chain` must be a list of mappings"),
        ("title: 2025-01-01 10:00:00\n", "title", "`title` must be a non-empty text"),
        (
            "title: 0000-01-01\n",
            "title",
            "front matter value cannot be read: year 0 is out of range",
        ),
        ("title: !!timestamp x\n", "title", "front matter value cannot be read"),
        (
            "title: " + "9" * 5000 + "\n",
            "title",
            "front matter value cannot be read: Exceeds the limit",
        ),
        ("title: !!binary x\n", "title", "front matter is not valid YAML: failed to decode base64"),
        ("[a]: x\n", "[a]", "a key must be a plain word, not a list or mapping"),
        ("tags: [a]\ntags: [b]\n", "tags", "the key `tags` appears twice (first on line"),
    ],
)
def test_a_field_of_the_wrong_type_is_one_error_with_its_line(
    project, brief, yaml_line, key, message
):
    replace = (
        key + ":"
        if key in ("actors", "title", "source", "tags", "outlet", "dateline", "reporting_chain")
        else None
    )
    with_front(project / BRIEF, yaml_line, replace=replace)
    text = (project / BRIEF).read_text().splitlines()
    lines = error_lines(brief("check", project / "content"))
    mine = [line for line in lines if message in line]
    assert mine, lines
    path, number, _ = mine[0].split(":", 2)
    assert path == BRIEF.as_posix()
    assert text[int(number) - 1].lstrip("- ").startswith(yaml_line.split("\n")[0][:3]) or (
        key == "tags"
    ), (mine[0], text[int(number) - 1])


@pytest.mark.parametrize("dateline", ["0001-01-01", "9999-12-31"])
@pytest.mark.parametrize("item", ["yesterday", "tomorrow", "Sunday", "recently", "December 30"])
def test_dates_at_the_ends_of_the_calendar(project, brief, dateline, item):
    text = (project / BRIEF).read_text()
    text = text.replace("  date: December 10\n", f"  date: {dateline}\n").replace(
        "  year: 2025\n", ""
    )
    text = text.replace("- **2022** —", f"- **{item}** —", 1)
    (project / BRIEF).write_text(text)
    result = brief("check", project / "content")
    assert "Traceback" not in result.err and "OverflowError" not in result.err
    if result.code:
        for line in error_lines(result):
            assert line.startswith(f"{BRIEF.as_posix()}:"), line
            assert (
                "falls outside the calendar" in line or "not a real date" in line or "quote" in line
            )


# -- properties -----------------------------------------------------------------------------------

YAML_PIECES = st.sampled_from(
    [
        "a",
        "b: ",
        "- ",
        "? ",
        ": ",
        "&x ",
        "*x",
        "[",
        "]",
        "{",
        "}",
        ",",
        "!!int ",
        "!!timestamp ",
        "!!binary ",
        "!!set ",
        "!!python/object ",
        "0000-01-01",
        "9999-12-31",
        "1e400",
        "0x",
        "'",
        '"',
        "\n",
        "  ",
        "#",
        "|",
        ">",
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        "<<: ",
        "~",
        "\t",
        "\x00",
        "é",
    ]
)
YAML_TEXT = st.lists(YAML_PIECES | st.text(max_size=4), max_size=30).map("".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAML_TEXT)
def test_the_front_matter_loader_raises_only_content_errors(text):
    try:
        data = load_yaml(text, "x.md", 2)
    except ContentError as error:
        assert "\n" not in str(error) and len(str(error)) < 400
    else:
        assert isinstance(data, dict)


MARKDOWN_PIECES = st.sampled_from(
    [
        "[^1]",
        "[^1]: ",
        "[^",
        "]",
        "^[",
        "^[]",
        "**",
        "*",
        "- ",
        "> ",
        "## ",
        "\n",
        "\n\n",
        "    ",
        "`",
        "```\n",
        "<a>",
        "&lt;",
        "[x](y)",
        "![i](j)",
        "1. ",
        "---\n",
        "|a|b|\n",
        "[^a b]",
        "[^1]:\n    more",
        "<!--",
        "* * *\n",
        "[^]",
        "\x1b]0;t\x07",
    ]
)
MARKDOWN_TEXT = st.lists(MARKDOWN_PIECES | st.text(max_size=4), max_size=40).map("".join)


# `^[]` (an inline footnote, which has no label) raised KeyError before inline footnotes were
# turned off; the Markdown pieces keep such constructs in the search space.
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAML_TEXT, MARKDOWN_TEXT)
def test_parse_document_raises_only_content_errors(front, body):
    raw = f"---\n{front}\n---\n{body}".encode("utf-8", "surrogatepass")
    try:
        parse_document(Path("x.md"), "x.md", raw)
    except ContentError as error:
        assert "\n" not in str(error)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=30),
        st.sampled_from(
            [
                "yesterday",
                "today",
                "tomorrow",
                "recently",
                "soon",
                "Sunday",
                "Monday",
                "December 30",
                "January 1",
                "September",
                "31 December",
                "1989-90",
                "9999-10",
                "0000-01-01",
                "February 29",
                "last week",
                "in recent weeks",
            ]
        ),
    ),
    st.none() | st.dates() | st.sampled_from([dt.date.min, dt.date.max]),
)
def test_the_date_grammar_raises_only_date_errors(text, anchor):
    try:
        value = parse_date(text, anchor)
    except DateError as error:
        assert "\n" not in str(error)
    else:
        assert value.text == " ".join(text.split())


# The whole content loader over a minimal project: any value in any field, nested entries included.
KEYS = [
    "title",
    "source",
    "dateline",
    "place",
    "date",
    "year",
    "outlet",
    "reporting_chain",
    "entity",
    "name",
    "role",
    "actors",
    "tags",
    "aliases",
    "status",
    "brief",
    "roles",
    "of",
    "since",
    "until",
    "relations",
    "kind",
    "to",
    "sources",
    "part_of",
    "founded",
    "stance",
]
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=8)
    | st.dates()
    | st.sampled_from(
        [
            "blue-party",
            "alice-smith",
            "b",
            "1",
            "0001-01-01",
            "9999-12-31",
            "yesterday",
            "Sunday",
            "party",
            "[^1]",
            "seeds/a.txt",
            "../a.txt",
            "/etc/passwd",
        ]
    )
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(KEYS), inner, max_size=3)
    ),
    max_leaves=6,
)
FRONTS = {
    "brief": {
        "title": "T",
        "source": "seeds/a.txt",
        "dateline": {"place": "X", "date": "0001-01-07"},
        "outlet": "blue-party",
        "reporting_chain": [{"entity": "blue-party", "source": 1}],
        "actors": ["alice-smith"],
        "tags": ["a"],
    },
    "person": {
        "name": "Alice Smith",
        "aliases": ["Alice"],
        "status": "alive",
        "brief": "b",
        "roles": [{"title": "Leader", "of": "blue-party", "since": "2001", "source": 1}],
        "relations": [{"kind": "allied-with", "to": "blue-party", "source": 1}],
    },
    "faction": {
        "name": "Blue Party",
        "kind": "party",
        "brief": "b",
        "part_of": [{"of": "blue-party", "source": 1}],
        "relations": [{"kind": "opposes", "to": ["alice-smith"], "sources": [1]}],
        "founded": {"date": "2001", "source": 1},
    },
}
BODIES = {
    "brief": "\n## Summary\n\nAlice leads.[^1]\n\n## Key takeaways\n\n- Alice leads.[^1]\n\n"
    "## History\n\n- **2001** — The party met.[^2]\n- **Sunday** — It met.[^2]\n\n"
    '[^1]: "Alice Smith leads the Blue Party"\n[^2]: "The Blue Party met on Tuesday"\n',
    "person": '\nText.[^1]\n\n[^1]: "Alice Smith leads the Blue Party"\n',
    "faction": '\nText.[^1]\n\n[^1]: "Alice Smith leads the Blue Party"\n',
}
FILES = {
    "brief": "briefs/b.md",
    "person": "people/alice-smith.md",
    "faction": "factions/blue-party.md",
}


def _document(front: dict, body: str) -> bytes:
    return ("---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body).encode()


@pytest.fixture(scope="module")
def tiny_project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("tiny")
    for folder in ("content/briefs", "content/people", "content/factions", "seeds"):
        (root / folder).mkdir(parents=True)
    (root / "seeds" / "a.txt").write_text(
        "Headline\n\nAlice Smith leads the Blue Party. The Blue Party met on Tuesday in 2001.\n"
    )
    for kind, name in FILES.items():
        (root / "content" / name).write_bytes(_document(FRONTS[kind], BODIES[kind]))
    load_content(root / "content")  # the unmodified project builds
    return root


def _fields(value, path=()):
    """Every place a value sits in a front matter: ("actors",), ("roles", 0, "since")…"""
    if isinstance(value, dict):
        for key, inner in value.items():
            yield (*path, key)
            yield from _fields(inner, (*path, key))
    elif isinstance(value, list):
        for number, inner in enumerate(value):
            if isinstance(inner, dict | list):
                yield from _fields(inner, (*path, number))


FIELDS = [(kind, path) for kind in sorted(FRONTS) for path in _fields(FRONTS[kind])]
FIELDS += [(kind, ("extra",)) for kind in sorted(FRONTS)]  # an unknown key


# Every field of every file kind, each with a few values of any type (nested ones included):
# `actors: 5` raised TypeError before; any exception but BuildFailed fails this test.
@pytest.mark.parametrize(
    ("kind", "path"), FIELDS, ids=lambda v: v if isinstance(v, str) else ".".join(map(str, v))
)
@settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
@given(value=VALUES)
@example(value=5)
@example(value=True)
@example(value=-1.5)
@example(value=dt.date(1, 1, 1))
@example(value={"a": {"b": "c"}})
@example(value=[[1], {"x": None}])
def test_any_field_value_is_a_build_error_never_an_exception(tiny_project, kind, path, value):
    front = yaml.safe_load(yaml.safe_dump(FRONTS[kind]))
    target = front
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    file = tiny_project / "content" / FILES[kind]
    try:
        load_content(tiny_project / "content", overlay={file: _document(front, BODIES[kind])})
    except BuildFailed as failure:
        for error in failure.errors:
            assert "\n" not in str(error) and len(str(error)) < 600, str(error)


def test_yesterday_before_the_first_day_is_a_clear_error(project, brief):
    text = (project / BRIEF).read_text()
    text = text.replace("  date: December 10\n", "  date: 0001-01-01\n").replace(
        "  year: 2025\n", ""
    )
    (project / BRIEF).write_text(text.replace("- **2022** —", "- **yesterday** —", 1))
    lines = error_lines(brief("build", project / "content", "-o", project / "store.json"))
    assert any(
        ": 'yesterday' falls outside the calendar (before 0001-01-01 or after 9999-12-31) when "
        "counted from the dateline 0001-01-01 — write a year" in line
        for line in lines
    ), lines
    assert not (project / "store.json").exists()


def test_an_inline_footnote_is_plain_text_not_a_crash():
    doc = parse_document(Path("x.md"), "x.md", b"## Summary\n\nText ^[inline] and ^[].\n")
    assert doc.sections[0].blocks[0].text == "Text ^[inline] and ^[]."


@pytest.mark.parametrize(
    "path", sorted((Path(__file__).parents[2] / "content").rglob("*.md")), ids=lambda p: p.name
)
def test_the_fast_loader_reads_like_safe_load(path):
    front = path.read_text().split("---\n")[1]
    assert load_yaml(front, path.name, 2) == yaml.safe_load(front)
