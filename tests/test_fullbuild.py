"""The full build's fast paths give what the general ones give (issue 8, full build speed).

- Markdown: a content file in the plain subset is read line by line (``markdown._fast_document``)
  instead of through markdown-it; the Document must be the same, line numbers included, for every
  kind of line, and anything outside the subset must go to markdown-it.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tui.ingest import markdown as md
from tui.ingest.errors import ContentError
from tui.ingest.markdown import LineDict


def _front_lines(value: object) -> list[object]:
    out: list[object] = []
    if isinstance(value, LineDict):
        out.append((value.line, dict(value.key_lines)))
        for item in value.values():
            out += _front_lines(item)
    elif isinstance(value, list):
        for item in value:
            out += _front_lines(item)
    return out


def _same(fast: md.Document, slow: md.Document) -> bool:
    return fast == slow and _front_lines(fast.front) == _front_lines(slow.front)


PLAIN = """---
title: "A brief"
dateline:
  place: Bamyan
  year: 2014
tags: [a, b]
---

## Summary

Amina Wardak discussed refugees in Bamyan.[^dl]
Farah Faizi was also named.

## Key takeaways

- Amina Wardak took part.[^t0]
- Farah Faizi took part, twice.[^t0][^dl]
  And went on on the next line.[^t0]

## History

- **1979** — Mohammad Amini urged the Front.[^e1]
- **In 1980: "quoted"** — text after a bold lead.

[^t0]: "Amina Wardak of the Alliance"
[^dl]: "Bamyan, January 14: officials spoke"
[^e1]: "In 1979 Mohammad Amini urged"
"""


def test_plain_file_takes_the_fast_path_and_matches_markdown_it() -> None:
    fast = md._fast_document(PLAIN, "x.md")
    assert fast is not None
    slow = md._parse_tokens(PLAIN, "x.md")
    assert _same(fast, slow)
    history = fast.sections[2].blocks
    assert history[0].lead == "1979" and history[0].line == 22
    assert [r.label for r in fast.sections[1].blocks[1].footnotes] == ["t0", "dl", "t0"]


# Lines a content file may hold, harmless and not: each document below is a random sequence of
# them; whenever the fast path answers, it must answer what markdown-it does.
PIECES = [  # in the plain subset, in most places
    "",
    "",
    "",
    "## Summary",
    "## Heading with a ref[^a]",
    "# Title",
    "### Small",
    "Plain text line.",
    "Another line, with a ref.[^a]",
    "Ref at end[^b]",
    "**Lead** — after a bold lead.[^a]",
    "**Lead:** colon inside",
    "1979 was a year",
    "- item one[^a]",
    "- **2001** — item with lead[^b]",
    "- item two",
    "  continued item line[^a]",
    '[^a]: "Footnote a"',
    "[^b]: Footnote b with [^a] inside",
    "Unicode dash — and “quotes”, a bang! and a # hash",
]
ODD = [  # outside it, or only in some places
    "##  Two spaces",
    "## Closed ##",
    "Undefined ref[^zz] here",
    "**Lead**no space after",
    "** not bold**",
    "Some *emphasis* here",
    "Some _under_ score",
    "Code `x` here",
    "A [link](http://x) here",
    "A [^a](http://x) ref-like link",
    "An <b>html</b> tag",
    "An &amp; entity and & ampersand",
    "Escaped \\* star",
    "Bang! and ![img](x)",
    "1. ordered",
    "2) ordered",
    "-  item with two spaces",
    "- # heading in item",
    "- - nested",
    "* star item",
    "+ plus item",
    "  - continued nested",
    "    four-space indent",
    " one-space indent",
    "trailing space ",
    "> quote",
    "---",
    "***",
    "===",
    "```",
    "~~~",
    "<div>",
    "[ref]: http://x",
    "[^c]: - list in footnote",
    "[^a]: duplicate a",
    "[^d]:",
    "[^e]:  two spaces",
    "    [^a]: indented",
    "text with \t tab",
    "non\u00a0breaking",
    "\u00a0leading nbsp",
]

FRONTS = [
    "",
    "---\ntitle: x\n---\n",
    "---\ntitle: x\nlist:\n  - a: 1\n    b: 2\n---\n",
    "---\n---\n",
    "---\ntitle: x\n",
    "---\ntitle: x\n...\n",
    "----\ntitle: x\n----\n",
    "---\ntitle: x\n  ---\n",
    "- not front\n",
]


HEADINGS = ["## Summary", "## Heading with a ref[^a]", "# Title", "### Small"]
LINES = [
    "Plain text line.",
    "Another line, with a ref.[^a]",
    "Ref at end[^b]",
    "**Lead** — after a bold lead.[^a]",
    "**Lead:** colon inside",
    "1979 was a year",
    "Unicode dash — and “quotes”, a bang! and a # hash",
]
ITEMS = ["- item one[^a]", "- **2001** — item with lead[^b]", "- item two"]
NOTES = ['[^a]: "Footnote a"', "[^b]: Footnote b with [^a] inside", "[^c]: Note c."]


def _documents(count: int, seed: int) -> list[str]:
    """Blocks of the plain subset (headings, paragraphs, lists, notes) separated by blank lines,
    now and then a blank line dropped or an odd line put in."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        lines: list[str] = []
        for _ in range(rng.randint(1, 6)):
            kind = rng.randrange(4)
            if kind == 0:
                lines.append(rng.choice(HEADINGS))
            elif kind == 1:
                lines += [rng.choice(LINES) for _ in range(rng.randint(1, 3))]
            elif kind == 2:
                for _ in range(rng.randint(1, 3)):
                    lines.append(rng.choice(ITEMS))
                    if rng.random() < 0.3:
                        lines.append("  continued item line[^a]")
            else:
                lines += [n for n in rng.sample(NOTES, rng.randint(1, 3)) if n not in lines]
            if rng.random() < 0.9:
                lines.append("")
            if rng.random() < 0.15:
                lines.append(rng.choice(ODD + PIECES))
        if rng.random() < 0.8:  # the notes the references name
            lines.append("")
            lines += [n for n in NOTES[:2] if n not in lines]
        text = rng.choice(FRONTS) + "\n".join(lines) + rng.choice(["", "\n"])
        out.append(text)
    return out


@pytest.mark.parametrize("seed", range(4))
def test_fast_path_agrees_with_markdown_it_on_random_documents(seed: int) -> None:
    fast_count = 0
    for text in _documents(400, seed):
        try:
            slow: md.Document | ContentError = md._parse_tokens(text, "x.md")
        except ContentError as error:
            slow = error
        try:
            fast = md._fast_document(text, "x.md")
        except ContentError as error:
            assert isinstance(slow, ContentError), text
            assert str(error) == str(slow), text
            continue
        if fast is None:
            continue
        fast_count += 1
        assert not isinstance(slow, ContentError), text
        assert _same(fast, slow), text
    assert fast_count > 20  # the fast path is exercised, not only refused


@pytest.mark.parametrize(
    "text",
    [
        "Some *emphasis*",
        "A [link](x)",
        "Undefined ref[^zz]",
        "- item\nlazy continuation",
        "[^a]: note\nlazy continuation",
        "Para\n- item right after",
        "---\ntitle: x\n",
        "    indented code",
        "An &amp; entity",
    ],
)
def test_anything_else_goes_to_markdown_it(text: str) -> None:
    assert md._fast_document(text, "x.md") is None


def test_front_matter_error_names_the_same_line_either_way() -> None:
    text = "---\ntitle: x\nbad: [unclosed\n---\n\nPlain.\n"
    with pytest.raises(ContentError) as fast:
        md._fast_document(text, "x.md")
    with pytest.raises(ContentError) as slow:
        md._parse_tokens(text, "x.md")
    assert str(fast.value) == str(slow.value)
    assert fast.value.line == slow.value.line


# -- quotes located in articles ------------------------------------------------------------------


class _WordByWordIndex:
    """The former ArticleIndex offsets (a start per word), to check the new one against."""

    def __init__(self, text: str) -> None:
        from array import array
        from itertools import accumulate

        from tui.ingest.text import _NON_SPACE, _QUOTES

        matches = list(_NON_SPACE.finditer(text.translate(_QUOTES)))
        words = [m.group() for m in matches]
        self.folded = " ".join(words)
        self.origins = array("l", [m.start() for m in matches])
        self.starts = array("l", accumulate((len(w) + 1 for w in words[:-1]), initial=0))

    def original(self, index: int) -> int:
        import bisect

        word = bisect.bisect_right(self.starts, index) - 1
        return self.origins[word] + index - self.starts[word]


@pytest.mark.parametrize("seed", range(3))
def test_article_index_maps_offsets_as_word_by_word(seed: int) -> None:
    from tui.ingest.article import ArticleIndex, split_article

    rng = random.Random(seed)
    pieces = [
        "word",
        "Ab",
        "’quote’",
        "“x”",
        " ",
        " ",
        "  ",
        "\n",
        "\n\n",
        "\t",
        "\u00a0",
        "é",
        ".",
    ]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        article = split_article("b", "x.txt", text)
        index = ArticleIndex(article)
        reference = _WordByWordIndex(article.text)
        assert index._folded == reference.folded
        for offset in range(len(reference.folded)):
            assert index._original(offset) == reference.original(offset), (text, offset)


# -- mentions ------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(3))
def test_mention_finder_skips_only_words_no_name_starts_with(seed: int) -> None:
    from tui.ingest.mentions import _WORD, MentionFinder

    names = [
        ("a", "Ahmad Shah Massoud"), ("b", "Ahmad Shah"), ("c", "Massoud"), ("d", "UN"),
        ("e", "Özil"), ("f", "9/11 Commission"), ("g", "_Under"), ("h", "al-Qaeda"),
        ("i", "Taliban"), ("j", "'Abd"), ("k", "Ahmad"),
    ]  # fmt: skip
    finder = MentionFinder(names)
    every_word = MentionFinder(names)
    every_word._starts = _WORD  # the former scan: stop at every word, try names one by one
    every_word._alternations = {}
    assert finder._alternations  # "Ahmad" starts three names
    rng = random.Random(seed)
    pieces = [n for _, n in names] + ["anti-", "UN2", "x", " ", " ", "-", "Shah", "9", "’", "Ö"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert list(finder.find(text)) == list(every_word.find(text)), text


# -- search index building -----------------------------------------------------------------------


def test_fold_strips_combining_marks_as_before() -> None:
    import unicodedata

    from tui.search.text import _QUOTES, fold

    def former(text: str) -> str:
        if text.isascii():
            return text.lower()
        decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
        if decomposed.isascii():
            return decomposed.lower()
        return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()

    rng = random.Random(1)
    alphabet = "aZé ü—“’‘`´ßİıǅ\u0301\u0308\u05b4ﬁ①Ⅻ日本ŞçØñ\u200dx9_"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert fold(text) == former(text), text


def test_segment_build_gives_the_same_index_whatever_the_filters(tmp_path) -> None:
    """Filter postings made once per pair: a document's own brief and its kind still get none,
    every other filter one, and two processes write the same bytes (near.json included)."""
    import subprocess
    import sys

    script = """
import sys
from pathlib import Path
from tui.search.docs import SearchDoc
from tui.search.segment import Segment
docs = [
    SearchDoc("brief", "b1", "Dostum talks", "Massoud and Mohaqiq met.", "b:b1", "b1", None, (),
              (("kind", "brief"), ("brief", "b1"), ("tag", "iran"), ("actor", "dostum"))),
    SearchDoc("sentence", "b1#s", "Dostum talks", "Mohaqeq said so.", "b:b1", "b1", "sentence:p1.s1",
              (), (("kind", "sentence"), ("brief", "b1"), ("brief", "b2"), ("tag", "iran"))),
    SearchDoc("person", "dostum", "Abdul Rashid Dostum", "General", "e:dostum", None, None,
              ("Abdul Rashid Dostum", "Dostam"), (("kind", "person"), ("brief", "b1"))),
]
segment = Segment.build(docs, "s0000")
segment.write(Path(sys.argv[1]))
print({t: segment.pdoc[segment.offsets[i]:segment.offsets[i + 1]].tolist()
       for i, t in enumerate(segment.terms)})
"""
    outputs = []
    for seed, name in (("1", "a"), ("2", "b")):
        result = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / name)],
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        )
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1]
    postings = eval(outputs[0])  # a printed dict: term → documents
    assert postings["\x01brief=b1"] == [2]  # the person's; the brief's own documents have none
    assert postings["\x01brief=b2"] == [1]
    assert postings["\x01tag=iran"] == [0, 1]
    assert postings["\x01actor=dostum"] == [0]
    assert postings["dostum"] == [0, 2] and postings["dostam"] == [2]
    assert not any(t.startswith("\x01kind=") for t in postings)
    for path in (tmp_path / "a").iterdir():
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def _model_and_stored_documents(target: Path) -> tuple[list[object], list[object]]:
    """Every brief's search documents made from the model (the store read as the reader does)
    and from its file's JSON as the full build reads it."""
    import orjson

    from tui.model import Library
    from tui.search import documents
    from tui.store.indexing import _stored_brief
    from tui.store.reader import Store
    from tui.store.writer import store_paths

    catalog, data = store_paths(target)
    store = Store(orjson.loads(catalog.read_bytes()), target)
    people = {p.id: p for p in store._people}
    factions = {f.id: f for f in store._factions}
    model, stored = [], []
    for header in store.briefs():
        b = header.id
        article = store.article(b)
        library = Library(
            {b: store.brief(b)},
            {b: article} if article else {},
            people,
            factions,
            {e.id: e for e in store.events(b)},
            tuple(store.mentions(b)),
        )
        model += documents(library, briefs=[b], entities=[])
        briefs, articles, events, mentions = {}, {}, {}, []  # type: ignore[var-annotated]
        raw = orjson.loads((data / "briefs" / f"{b}.json").read_bytes())
        _stored_brief(raw, b, briefs, articles, events, mentions)
        light = Library(briefs, articles, people, factions, events, tuple(mentions))
        stored += documents(light, briefs=[b], entities=[])
    return model, stored


def test_search_documents_from_brief_files_are_the_models(tmp_path: Path) -> None:
    import sys

    from tui.store.build import build_store

    from .conftest import ROOT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_library import make

    make(30, tmp_path)
    build_store(tmp_path / "content", tmp_path / "store", full=True)
    model, stored = _model_and_stored_documents(tmp_path / "store")
    assert len(model) > 30 * 20
    assert stored == model
    # the authored library too: outlets, reporting chains, summaries of several paragraphs
    model, stored = _model_and_stored_documents(ROOT / "tui" / "data" / "store")
    assert model and stored == model


# -- front matter --------------------------------------------------------------------------------


def _typed(value: object) -> object:
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return (type(value).__name__, value)


YAML_KEYS = ["title", "name", "status", "brief", "kind", "source", "place", "of", "to", "year"]
YAML_ODD_KEYS = ["yes", "null", "On", "Key_2", "title"]
YAML_VALUES = [
    "Member", "Abdul Rashid Dostum", "b00220-clinics-herat", "seeds/x-y.txt", "2014", "0",
    '"Quoted, with: colon"', "Hanif Atmar's", 'a "b" c', "[a, b, c]", "[1, 2]", "[]",
    "Kabul, Afghanistan", '""', "A (B) & C",
]  # fmt: skip
YAML_ODD_VALUES = [
    "0123", "1.5", "1e5", "2014-01-14", "true", "False", "null", "~", "yes", "off",
    '"with \\\\ escape"', '"say "hi""', "[a,b]", "[yes, no]", '[x, "y, z"]', "[1.5]",
    "text # comment", "trailing ", "two  spaces", "Ḥamid", "x: y", "&anchor", "*alias",
    "!tag x", "- item", "|", ">", "'single'", "@at", "%pct", "{a: b}", "a\tb", "",
]  # fmt: skip


def _front_matters(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)

    def value() -> str:
        return rng.choice(YAML_ODD_VALUES if rng.random() < 0.03 else YAML_VALUES)

    def key(pool: list[str]) -> str:
        return rng.choice(YAML_ODD_KEYS) if rng.random() < 0.02 else pool.pop()

    out = []
    for _ in range(count):
        lines: list[str] = []
        top = rng.sample(YAML_KEYS, len(YAML_KEYS))
        for _ in range(rng.randint(1, 6)):
            shape = rng.random()
            if shape < 0.7:
                lines.append(f"{key(top)}: {value()}")
            elif shape < 0.85:  # a mapping
                lines.append(f"{key(top)}:")
                inner = rng.sample(YAML_KEYS, len(YAML_KEYS))
                for _ in range(rng.randint(0, 3)):
                    lines.append(f"  {key(inner)}: {value()}")
            else:  # a list of mappings
                lines.append(f"{key(top)}:")
                for _ in range(rng.randint(0, 3)):
                    inner = rng.sample(YAML_KEYS, len(YAML_KEYS))
                    lines.append(f"  - {key(inner)}: {value()}")
                    for _ in range(rng.randint(0, 2)):
                        lines.append(f"    {key(inner)}: {value()}")
            if rng.random() < 0.03:
                lines.append(rng.choice(["", "  odd: indent", "- top item", "   three: spaces"]))
        out.append("\n".join(lines))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_plain_front_matter_reads_as_pyyaml_reads_it(seed: int) -> None:
    fast_count = 0
    for text in _front_matters(300, seed):
        fast = md._fast_yaml(text, 2)
        try:
            slow: object = md._load_yaml_pyyaml(text, "x.md", 2)
        except ContentError as error:
            assert fast is None, (text, str(error))
            continue
        if fast is None:
            continue
        fast_count += 1
        assert _typed(fast) == _typed(slow), text
        assert _front_lines(fast) == _front_lines(slow), text
    assert fast_count > 30


def test_fold_quotes_is_translate() -> None:
    from tui.ingest.text import _QUOTES, fold_quotes

    marks = "".join(chr(c) for c in _QUOTES)
    rng = random.Random(2)
    for _ in range(300):
        text = "".join(rng.choice(marks + "ab \n'\"é") for _ in range(rng.randint(0, 20)))
        assert fold_quotes(text) == text.translate(_QUOTES)
