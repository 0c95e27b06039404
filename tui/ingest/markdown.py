"""Authored Markdown → a plain document: front matter with line numbers, sections, blocks, footnotes.

markdown-it-py does the parsing (front matter and footnotes from mdit-py-plugins); this module only
flattens its tokens into what the content loader needs, keeping a line number on everything so that
every error can point at the line to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

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
_MD = (
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
    env: dict[str, Any] = {}
    tokens = _MD.parse(source, env)

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
