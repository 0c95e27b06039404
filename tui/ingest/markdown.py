"""Authored Markdown → a plain document: front matter with line numbers, sections, blocks, footnotes.

markdown-it-py does the parsing (front matter and footnotes from mdit-py-plugins); this module only
flattens its tokens into what the content loader needs, keeping a line number on everything so that
every error can point at the line to fix.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

from .errors import ContentError
from .files import FileRefused, read_bounded
from .text import sanitize

MAX_CONTENT_BYTES = 1024 * 1024


class LineDict(dict):
    """A YAML mapping that remembers the (1-based, file-relative) line of itself and of each key."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


# Front matter is small and flat. Deeper nesting is refused before PyYAML's recursive composer
# and constructor can hit Python's recursion limit.
MAX_YAML_DEPTH = 32


class _Refused(Exception):
    def __init__(self, mark: Any, problem: str, fix: str) -> None:
        super().__init__(problem)
        self.mark, self.problem, self.fix = mark, problem, fix


def _base_loader() -> type:
    """``yaml.SafeLoader`` semantics, with libyaml's C scanner and parser when PyYAML has them
    (about 6x faster on front matter) and PyYAML's Python composer and constructor on top, so
    that the checks below (aliases, depth) run on every node either way."""
    try:
        from yaml._yaml import CParser  # type: ignore[import-not-found]
    except ImportError:
        return yaml.SafeLoader

    class CEventLoader(
        yaml.composer.Composer, yaml.constructor.SafeConstructor, yaml.resolver.Resolver, CParser
    ):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    return CEventLoader


class _LineLoader(_base_loader()):  # type: ignore[misc]
    """``yaml.SafeLoader`` that keeps line numbers, refuses aliases (so no "billion laughs" alias
    bomb can expand) and nesting deeper than :data:`MAX_YAML_DEPTH`, and remembers the node being
    built so that an error raised inside PyYAML's constructors can still name its line."""

    line_offset = 0

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self.node_mark: Any = None

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise _Refused(
                event.start_mark,
                f"front matter uses the YAML alias *{event.anchor}",
                "write the value out in full; & anchors and * aliases are not allowed",
            )
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                raise _Refused(
                    self.peek_event().start_mark,
                    f"front matter is nested more than {MAX_YAML_DEPTH} levels deep",
                    "flatten it: fields are texts, lists of texts or lists of `key: value` entries",
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        self.node_mark = node.start_mark
        return super().construct_object(node, deep)


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1 + loader.line_offset
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word, not a list or mapping", key_node.start_mark
            )
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)  # a scalar: bounded by the file size, aliases are refused
        if key in mapping.key_lines:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"the key `{key[:40]}` appears twice (first on line {mapping.key_lines[key]})",
                key_node.start_mark,
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1 + loader.line_offset
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(sanitize(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def load_yaml(text: str, path: str, first_line: int) -> LineDict:
    """``yaml.safe_load`` semantics with line numbers; ``first_line`` is the file line of ``text``.

    Raises only :class:`ContentError`, whatever the text (property-tested in tests/hostile/)."""
    fast = _fast_yaml(text, first_line)
    if fast is not None:
        return fast
    return _load_yaml_pyyaml(text, path, first_line)


def _load_yaml_pyyaml(text: str, path: str, first_line: int) -> LineDict:
    """:func:`load_yaml` through PyYAML (any YAML)."""

    class Loader(_LineLoader):
        line_offset = first_line - 1

    loader: Loader | None = None
    try:
        loader = Loader(text)
        try:
            data = loader.get_single_data()
        finally:
            loader.dispose()
    except _Refused as refused:
        raise ContentError(
            path, first_line + refused.mark.line, refused.problem, refused.fix
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = first_line + (mark.line if mark else 0)
        problem = _short(error.problem or error.context or "invalid YAML")
        raise ContentError(
            path,
            line,
            f"front matter is not valid YAML: {problem}",
            "check the indentation and quote values that contain ':' or '#'",
        ) from None
    except yaml.YAMLError as error:
        raise ContentError(
            path,
            first_line,
            f"front matter is not valid YAML: {_short(str(error))}",
            "fix the YAML between the --- lines",
        ) from None
    except (ValueError, TypeError, AttributeError, OverflowError, KeyError, IndexError) as error:
        # PyYAML's constructors raise these for values such as `0000-01-01`, `!!timestamp x` or
        # an integer of more than 4,300 digits.
        mark = loader.node_mark if loader is not None else None
        raise ContentError(
            path,
            first_line + (mark.line if mark is not None else 0),
            f"front matter value cannot be read: {_short(str(error)) or type(error).__name__}",
            "quote the value to keep it as text, or fix it",
        ) from None
    except RecursionError:
        raise ContentError(
            path,
            first_line,
            "front matter is nested too deeply",
            "flatten it: fields are texts, lists of texts or lists of `key: value` entries",
        ) from None
    if data is None:
        data = LineDict()
        data.line, data.key_lines = first_line, {}
    if not isinstance(data, LineDict):
        raise ContentError(
            path,
            first_line,
            "front matter is not a mapping of keys to values",
            "write it as `key: value` lines between the --- lines",
        )
    return data


# -- plain front matter, without PyYAML --------------------------------------------------------------
# Front matter is mostly `key: value` lines, one nested mapping (dateline) and lists of small
# mappings (roles, relations, reporting chain), with plain words, numbers, "quoted text" and
# [flow, lists]. Such text is read line by line into what PyYAML gives (the same values, types and
# line numbers; tests/test_fullbuild.py compares them); anything else, or anything PyYAML would
# read as other than text or a plain number, goes to PyYAML.

_YAML_KEY = re.compile(r"( *)(- )?([A-Za-z_][A-Za-z0-9_]*):(?: (.+))?")
_YAML_PLAIN = re.compile(r"""[A-Za-z0-9][A-Za-z0-9 ._/&()'’",-]*""")
_YAML_QUOTED = re.compile(r'"([^"\\]*)"')
_YAML_INT = re.compile(r"0|[1-9][0-9]*")
_YAML_STR = "tag:yaml.org,2002:str"
# comments, tabs, escapes, and what YAML reads as a line break or refuses (non-printable)
_YAML_ODD = re.compile(
    "[#\t\\\\\x85\u2028\u2029\ufeff]|[^\x0a\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
_YAML_RESOLVER = yaml.resolver.Resolver()


def _yaml_scalar(text: str) -> Any:
    """The value of a plain or double-quoted scalar PyYAML reads as text or a decimal integer;
    :data:`_NOT_FAST` for anything else."""
    quoted = _YAML_QUOTED.fullmatch(text)
    if quoted is not None:
        return quoted.group(1)
    if _YAML_PLAIN.fullmatch(text) is None or text.endswith((" ", ",")) or "  " in text:
        return _NOT_FAST
    if _YAML_INT.fullmatch(text):
        return int(text)
    if _YAML_RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) != _YAML_STR:
        return _NOT_FAST  # true, null, a date, a float...
    return text


def _yaml_value(text: str) -> Any:
    if text.startswith("["):
        if not text.endswith("]"):
            return _NOT_FAST
        inner = text[1:-1]
        if not inner:
            return []
        texts = inner.split(", ")
        if any(not t or t[0] == '"' or "," in t or "[" in t or "]" in t for t in texts):
            return _NOT_FAST
        items = [_yaml_scalar(t) for t in texts]
        if any(item is _NOT_FAST for item in items):
            return _NOT_FAST
        return items
    return _yaml_scalar(text)


_NOT_FAST: Any = object()


@functools.cache
def _text_key(key: str) -> bool:
    return _YAML_RESOLVER.resolve(yaml.ScalarNode, key, (True, False)) == _YAML_STR


def _fast_yaml(text: str, first_line: int) -> LineDict | None:
    """:func:`load_yaml` of ``text`` in the plain subset, or None when it uses anything else."""
    if not text or _YAML_ODD.search(text):
        return None
    lines = text.split("\n")

    def mapping(line: int) -> LineDict:
        made = LineDict()
        made.line = first_line + line
        made.key_lines = {}
        return made

    top = mapping(0)
    parent: LineDict | None = None  # the key with an empty value, whose block follows
    parent_key = ""
    block: Any = None  # that block: a LineDict (indent 2) or a list of LineDicts (items)
    item: LineDict | None = None
    for number, line in enumerate(lines):
        match = _YAML_KEY.fullmatch(line)
        if match is None or line.endswith(" "):
            return None
        indent, dash, key, value_text = match.groups()
        if not _text_key(key):
            return None  # `yes:`, `null:`: PyYAML reads the key as another type
        if value_text is None:
            if indent or dash or (parent is not None and block is None):
                return None  # only a top-level key opens a block, and it must have one
            if key in top:
                return None
            parent, parent_key, block, item = top, key, None, None
            top.key_lines[key] = first_line + number
            top[key] = None
            continue
        value = _yaml_value(value_text)
        if value is _NOT_FAST:
            return None
        if not indent and not dash:
            if parent is not None and block is None:
                return None
            parent = None
            target = top
        elif parent is None:
            return None
        elif dash:
            if indent != "  " or not (block is None or isinstance(block, list)):
                return None
            if block is None:
                block = parent[parent_key] = []
            item = mapping(number)
            block.append(item)
            target = item
        elif indent == "    " and isinstance(block, list) and item is not None:
            target = item
        elif indent == "  " and not isinstance(block, list):
            if block is None:
                block = parent[parent_key] = mapping(number)
            target = block
        else:
            return None
        if key in target:
            return None  # PyYAML's error, with its line
        target.key_lines[key] = first_line + number
        target[key] = value
    if parent is not None and block is None:
        return None
    return top


@dataclass
class FootnoteRef:
    label: str
    anchor: int  # offset in the block's plain text


@dataclass
class Block:
    """A paragraph or list item as plain text (markup removed, link text kept)."""

    kind: str  # "paragraph" | "item"
    text: str
    line: int
    footnotes: list[FootnoteRef] = field(default_factory=list)
    lead: str | None = None  # the first bold text, when the block starts with it


@dataclass
class Section:
    title: str
    line: int
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Footnote:
    label: str
    text: str
    line: int


@dataclass
class Document:
    path: str
    front: LineDict
    preamble: list[Block]
    sections: list[Section]
    footnotes: dict[str, Footnote]


# Inline footnotes (`^[text]`) are off: they carry no label, and provenance needs `[^label]`.
# Made on first use: a build whose files all take the plain path (_fast_document) never imports
# markdown-it (~15-25 ms of an incremental build's or an import's start).
@functools.cache
def _md() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    return (
        MarkdownIt("commonmark")
        .use(front_matter_plugin)
        .use(footnote_plugin, inline=False)
        .disable("footnote_tail")
    )


def _plain(inline: Token) -> tuple[str, list[FootnoteRef], str | None]:
    parts: list[str] = []
    refs: list[FootnoteRef] = []
    lead: str | None = None
    in_strong = False
    strong_text: list[str] = []
    size = 0
    for child in inline.children or []:
        piece = ""
        if child.type in ("text", "code_inline", "html_inline"):
            piece = child.content
        elif child.type in ("softbreak", "hardbreak"):
            piece = " "
        elif child.type == "image":
            piece = child.content
        elif child.type == "footnote_ref":
            refs.append(FootnoteRef(str(child.meta.get("label", "")), size))
        elif child.type == "strong_open":
            in_strong = size == 0 and lead is None
            strong_text = []
        elif child.type == "strong_close" and in_strong:
            lead = "".join(strong_text).strip()
            in_strong = False
        if in_strong and piece:
            strong_text.append(piece)
        parts.append(piece)
        size += len(piece)
    return "".join(parts), refs, lead


def parse_document(path: Path, display_path: str, raw: bytes | None = None) -> Document:
    """Read (unless ``raw`` is given) and parse one content file; raises :class:`ContentError`.

    Reading is bounded: only a regular file of at most :data:`MAX_CONTENT_BYTES` is read (see
    :mod:`tui.ingest.files`); whether the path may be read at all is the caller's business."""
    if raw is None:
        try:
            raw = read_bounded(path, MAX_CONTENT_BYTES, what="content file", limit_text="1 MiB")
        except FileRefused as refused:
            raise ContentError(display_path, 1, refused.problem, refused.fix) from None
    if len(raw) > MAX_CONTENT_BYTES:
        raise ContentError(
            display_path,
            1,
            f"file is {len(raw):,} bytes, over the 1 MiB limit",
            "split it or trim it",
        )
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError(
            display_path, line, f"not valid UTF-8 (byte {error.start})", "save the file as UTF-8"
        ) from None
    source = sanitize(source)
    fast = _fast_document(source, display_path)
    if fast is not None:
        return fast
    return _parse_tokens(source, display_path)


def _parse_tokens(source: str, display_path: str) -> Document:
    """The document through markdown-it (any Markdown); ``source`` is sanitized."""
    env: dict[str, Any] = {}
    tokens = _md().parse(source, env)

    front: LineDict | None = None
    preamble: list[Block] = []
    sections: list[Section] = []
    footnotes: dict[str, Footnote] = {}
    current: list[Block] = preamble
    depth = 0  # footnote definition nesting
    footnote: Footnote | None = None
    in_item = 0
    heading: Token | None = None

    for index, token in enumerate(tokens):
        if token.type == "front_matter":
            front = load_yaml(token.content, display_path, 2)
        elif token.type == "heading_open":
            heading = token
        elif token.type == "heading_close":
            heading = None
        elif token.type == "footnote_reference_open":
            depth += 1
            line = (token.map[0] + 1) if token.map else 0
            footnote = Footnote(str(token.meta.get("label", "")), "", line)
            footnotes.setdefault(footnote.label, footnote)
        elif token.type == "footnote_reference_close":
            depth -= 1
            footnote = None
        elif token.type == "list_item_open":
            in_item += 1
        elif token.type == "list_item_close":
            in_item -= 1
        elif token.type == "inline":
            text, refs, lead = _plain(token)
            line = (token.map[0] + 1) if token.map else 0
            if heading is not None:
                if heading.tag == "h2" and depth == 0:
                    sections.append(Section(text.strip(), line))
                    current = sections[-1].blocks
                continue
            if depth and footnote is not None:
                footnote.text = f"{footnote.text} {text}".strip()
                continue
            previous = tokens[index - 2] if index >= 2 else None
            is_item_start = in_item and previous is not None and previous.type == "list_item_open"
            if in_item and not is_item_start and current:
                # a continuation paragraph of the same list item
                block = current[-1]
                shift = len(block.text) + 1
                block.text = f"{block.text} {text}"
                block.footnotes += [FootnoteRef(r.label, r.anchor + shift) for r in refs]
                continue
            current.append(Block("item" if in_item else "paragraph", text, line, refs, lead))
    if front is None:
        front = LineDict()
        front.line, front.key_lines = 1, {}
    return Document(display_path, front, preamble, sections, footnotes)


# -- the plain subset, without markdown-it -------------------------------------------------------
# Content files are mostly plain: front matter, `##` headings, paragraphs, `- ` items (a bold
# lead at most), `[^label]` references and one-line `[^label]: text` footnotes. For a file that
# uses nothing else, the lines are read directly: the same Document markdown-it's tokens give
# (tests/test_fullbuild.py compares both on every kind of line), about ten times faster. Anything
# outside that subset, however harmless, goes to markdown-it.

_FAST_HEADING = re.compile(r"(#{1,6}) ([^#]+)")
_FAST_FOOTNOTE = re.compile(r"\[\^([A-Za-z0-9.-]+)\]: (.+)")
_FAST_REF = re.compile(r"\[\^([A-Za-z0-9.-]+)\]")
# characters and sequences that may start inline markup (emphasis, code, links, HTML, entities,
# escapes) once the references and the bold lead are taken out
_FAST_INLINE_BAD = re.compile(r"[\\`*_<\[\]]|&#?[A-Za-z0-9]+;")
# a line that would start some other block (or continue one) when not a heading, item or footnote
_FAST_START_BAD = re.compile(r"[#>+*=_`~<\[|-]|\d{1,9}[.)]")
_FAST_BOLD = re.compile(r"\*\*([^\s*_`<\[\]\\&](?:[^*_`<\[\]\\&]*[^\s*_`<\[\]\\&])?)\*\*(?= |$)")
_BLANK, _HEADING, _PARA, _ITEM, _FOOTNOTE = range(5)


def _fast_start_bad(text: str) -> bool:
    """Whether ``text`` at a line's start could open a block other than a paragraph (a bold
    lead cannot: `**` then a non-space is neither a list nor a rule)."""
    if _FAST_START_BAD.match(text) is None:
        return False
    return not (text.startswith("**") and _FAST_BOLD.match(text) is not None)


def _fast_inline(
    text: str, first: int, labels: set[str]
) -> tuple[str, list[FootnoteRef], str | None] | None:
    """:func:`_plain` of ``text`` (softbreaks as spaces; ``first``: its first line's length) in
    the plain subset, or None when it uses anything else."""
    lead: str | None = None
    start = 0
    if text.startswith("**"):
        bold = _FAST_BOLD.match(text)
        if bold is None or bold.end() > first:
            return None
        lead = bold.group(1)
        start = bold.end()
    parts: list[str] = [lead] if lead is not None else []
    size = len(lead) if lead is not None else 0
    refs: list[FootnoteRef] = []
    position = start
    for ref in _FAST_REF.finditer(text, start):
        label = ref.group(1)
        if label not in labels or text.startswith("(", ref.end()):
            return None
        piece = text[position : ref.start()]
        parts.append(piece)
        size += len(piece)
        refs.append(FootnoteRef(label, size))
        position = ref.end()
    parts.append(text[position:])
    plain = "".join(parts)
    if _FAST_INLINE_BAD.search(plain, len(lead) if lead is not None else 0):
        return None
    return plain, refs, lead


def _fast_document(source: str, display_path: str) -> Document | None:
    """The document of ``source`` (sanitized) when it keeps to the plain subset, else None."""
    if "\0" in source:
        return None
    lines = source.split("\n")
    number = 0
    front: LineDict | None = None
    if lines[0].startswith("-"):
        if lines[0] != "---":
            return None
        for close in range(1, len(lines)):
            line = lines[close].lstrip()
            if line.startswith(("--", "...")):
                break
        else:
            return None
        if lines[close] != "---" or close == 1:
            return None
        front = load_yaml("\n".join(lines[1:close]), display_path, 2)
        number = close + 1
    # the blocks, as (kind, first line index, lines)
    blocks: list[tuple[Any, ...]] = []
    labels: set[str] = set()
    previous = _BLANK
    for index in range(number, len(lines)):
        line = lines[index]
        if not line:
            previous = _BLANK
            continue
        if line[-1].isspace():
            return None
        if line[0].isspace():
            # an item's paragraph going on, indented as far as its text
            if (
                previous != _ITEM
                or not line.startswith("  ")
                or line[2].isspace()
                or _fast_start_bad(line[2:])
            ):
                return None
            blocks[-1][2].append(line[2:])
            continue
        first = line[0]
        if first == "#":
            match = _FAST_HEADING.fullmatch(line)
            if (
                match is None
                or match.group(2)[0].isspace()
                or previous not in (_BLANK, _HEADING, _PARA)
            ):
                return None
            blocks.append((_HEADING, index, [match.group(2)], len(match.group(1))))
            previous = _HEADING
        elif first == "-":
            item = line[2:]
            if (
                not line.startswith("- ")
                or not item
                or item[0].isspace()
                or _fast_start_bad(item)
                or previous not in (_BLANK, _HEADING, _ITEM)
            ):
                return None
            blocks.append((_ITEM, index, [item], 0))
            previous = _ITEM
        elif first == "[" and line.startswith("[^"):
            match = _FAST_FOOTNOTE.fullmatch(line)
            if (
                match is None
                or previous not in (_BLANK, _FOOTNOTE)
                or match.group(2)[0].isspace()
                or _fast_start_bad(match.group(2))
            ):
                return None
            label = match.group(1)
            if label in labels:
                return None
            labels.add(label)
            blocks.append((_FOOTNOTE, index, [match.group(2)], 0, label))
            previous = _FOOTNOTE
        else:
            if _fast_start_bad(line):
                return None
            if previous == _PARA:
                blocks[-1][2].append(line)
            elif previous in (_BLANK, _HEADING):
                blocks.append((_PARA, index, [line], 0))
                previous = _PARA
            else:
                return None
    preamble: list[Block] = []
    sections: list[Section] = []
    footnotes: dict[str, Footnote] = {}
    current = preamble
    for block in blocks:
        kind, index, texts = block[0], block[1], block[2]
        inline = _fast_inline(" ".join(texts), len(texts[0]), labels)
        if inline is None:
            return None
        text, refs, lead = inline
        if kind == _HEADING:
            if block[3] == 2:
                sections.append(Section(text.strip(), index + 1))
                current = sections[-1].blocks
        elif kind == _FOOTNOTE:
            footnotes[block[4]] = Footnote(block[4], text.strip(), index + 1)
        else:
            current.append(
                Block("item" if kind == _ITEM else "paragraph", text, index + 1, refs, lead)
            )
    if front is None:
        front = LineDict()
        front.line, front.key_lines = 1, {}
    return Document(display_path, front, preamble, sections, footnotes)
