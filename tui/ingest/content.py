"""content/ + seeds/ → a validated, fully sourced :class:`~tui.model.Library`.

Every problem found is collected, so one build reports all of them at once, each as
``path:line: what is wrong — how to fix it`` (see :mod:`tui.ingest.errors`).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..model import (
    RELATION_INVERSE,
    Article,
    Background,
    Brief,
    ChainLink,
    Dateline,
    DateValue,
    Event,
    Faction,
    Library,
    Mention,
    Person,
    Relation,
    Role,
    SourcedText,
    SourceRef,
)
from .article import MAX_ARTICLE_BYTES, ArticleIndex, QuoteAmbiguous, QuoteNotFound, split_article
from .dates import DATE_FORMS, DateError, parse_date, parse_date_yearless, resolved_day
from .errors import BuildFailed, ContentError
from .files import FileRefused, read_bounded, resolve_inside
from .grounding import Claim, Grounder, Part, background_note, split_parts, written_date
from .markdown import MAX_CONTENT_BYTES, Block, Document, LineDict, parse_document
from .mentions import MentionFinder
from .text import MAX_ID_CHARS, fold, is_slug, slugify, strip_quotes

PERSON_STATUSES = ("alive", "deceased", "unknown")
FACTION_KINDS = (
    "coalition",
    "movement",
    "party",
    "armed group",
    "government",
    "state",
    "outlet",
    "international body",
)
# the kinds an author may write under relations: (part-of has its own field)
RELATION_KINDS = tuple(kind for kind in RELATION_INVERSE if kind != "part-of")
BRIEF_SECTIONS = ("Summary", "Key takeaways", "History")
BRIEF_KEYS = {"title", "source", "dateline", "outlet", "reporting_chain", "actors", "tags"}
PERSON_KEYS = {"name", "aliases", "status", "brief", "roles", "relations"}
FACTION_KEYS = {"name", "aliases", "kind", "stance", "brief", "part_of", "relations", "founded"}
_FOOTNOTE_BRIEF = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)\s*:\s*(?=[\"“'‘])")
SOURCE_FIX = "point `source:` at the article under seeds/, relative to the project root"
_SEPARATOR = re.compile(r"^\s*[—–:\-]+\s*")


class _Indexes:
    """Quote finders by brief id, made from the loaded articles when first asked for; only the
    most recent are kept, so a 10,000-article build does not hold 10,000 of them."""

    KEEP = 64

    def __init__(self, articles: dict[str, Article]) -> None:
        from collections import OrderedDict

        self._articles = articles
        self._made: OrderedDict[str, ArticleIndex] = OrderedDict()
        self._pinned: dict[str, ArticleIndex] = {}

    def __setitem__(self, brief_id: str, index: ArticleIndex) -> None:
        self._pinned[brief_id] = index

    def get(self, brief_id: str) -> ArticleIndex | None:
        found = self._pinned.get(brief_id) or self._made.get(brief_id)
        if found is not None:
            return found
        article = self._articles.get(brief_id)
        if article is None:
            return None
        found = self._made[brief_id] = ArticleIndex(article)
        if len(self._made) > self.KEEP:
            self._made.popitem(last=False)
        return found


@dataclass
class _File:
    """One content file being loaded, with the errors found in it."""

    kind: str  # brief | person | faction
    id: str
    path: Path
    display: str
    doc: Document | None = None
    errors: list[ContentError] = field(default_factory=list)
    sources: dict[str, SourceRef] = field(default_factory=dict)
    # Background footnotes (`[^n]: background: note`): label → note. Not quotes; exempt from grounding.
    backgrounds: dict[str, str] = field(default_factory=dict)
    warnings: list[ContentError] = field(default_factory=list)
    loaded: bool = False  # its article was loaded (a parallel build's worker did it)
    resolved: bool = False  # its footnotes were resolved (likewise)

    def error(self, line: int, message: str, fix: str) -> None:
        self.errors.append(ContentError(self.display, line, message, fix))

    def warn(self, line: int, message: str, fix: str) -> None:
        self.warnings.append(ContentError(self.display, line, f"warning: {message}", fix))

    def labels(self, mapping: LineDict) -> list[str]:
        raw = mapping.get("sources", mapping.get("source"))
        if raw is None:
            return []
        labels = raw if isinstance(raw, list) else [raw]
        return [str(label).strip().removeprefix("[^").removesuffix("]") for label in labels]

    def marks(self, mapping: LineDict) -> tuple[Background, ...]:
        """The background marks among the footnotes a YAML entry cites."""
        return tuple(
            Background(self.backgrounds[label])
            for label in self.labels(mapping)
            if label in self.backgrounds
        )

    @property
    def front(self) -> LineDict:
        assert self.doc is not None
        return self.doc.front

    def text(
        self, key: str, *, required: bool = False, mapping: LineDict | None = None
    ) -> str | None:
        data = self.front if mapping is None else mapping
        value = data.get(key)
        if value is None:
            if required:
                self.error(data.line, f"missing required field `{key}`", f"add `{key}: …`")
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if type(value) is dt.date:  # YAML reads an unquoted 2025-12-10 as a date
            value = value.isoformat()
        if not isinstance(value, str) or not value.strip():
            self.error(
                data.line_of(key), f"`{key}` must be a non-empty text", f"write `{key}: some text`"
            )
            return None
        return " ".join(value.split())

    def text_list(self, key: str, mapping: LineDict | None = None) -> list[str]:
        data = self.front if mapping is None else mapping
        value = data.get(key)
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.error(
                data.line_of(key),
                f"`{key}` must be a list of texts",
                f"write `{key}: [first, second]`",
            )
            return []
        return [" ".join(v.split()) for v in value]

    def mappings(self, key: str) -> list[LineDict]:
        value = self.front.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, LineDict) for v in value):
            self.error(
                self.front.line_of(key),
                f"`{key}` must be a list of mappings",
                f"write each entry as `- key: value` under `{key}:`",
            )
            return []
        return value

    def refs(self, mapping: LineDict, *, required: bool, what: str) -> tuple[SourceRef, ...]:
        """The sources a YAML entry cites: ``source: 1`` or ``sources: [1, 2]`` (footnote labels)."""
        raw = mapping.get("sources", mapping.get("source"))
        key = "sources" if "sources" in mapping else "source"
        line = mapping.line_of(key)
        if raw is None:
            if required:
                self.error(
                    mapping.line,
                    f"{what} has no source",
                    'add `source: N` and a footnote `[^N]: "verbatim quote from the article"`',
                )
            return ()
        labels = raw if isinstance(raw, list) else [raw]
        refs = []
        for label in labels:
            label = str(label).strip().removeprefix("[^").removesuffix("]")
            if label not in self.sources:
                if self.doc is not None and label not in self.doc.footnotes:
                    self.error(
                        line,
                        f"footnote [^{label}] is not defined",
                        f'add `[^{label}]: "verbatim quote"` at the end of the file',
                    )
                continue
            refs.append(self.sources[label])
        return tuple(refs)


class _Loader:
    def __init__(
        self, content_dir: Path, root: Path | None = None, overlay: dict[Path, bytes] | None = None
    ) -> None:
        self.content = content_dir
        self.root = (root if root is not None else content_dir.parent).resolve()
        # Files not yet on disk (an import's draft), by resolved path: validated as if written.
        self.overlay = {path.resolve(): data for path, data in (overlay or {}).items()}
        self.files: list[_File] = []
        self.ids: dict[str, _File] = {}  # first file to claim each id
        self.kinds: set[tuple[str, str]] = set()  # (kind, id) of every file
        self.articles: dict[str, Article] = {}
        self.indexes = _Indexes(self.articles)
        self.errors: list[ContentError] = []
        self.claims: list[Claim] = []  # checked by check_content() once the library is linked
        self.progress: Callable[[str, int, int], None] | None = None
        self.jobs = 1  # processes that parse briefs (see build_jobs())

    def tick(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None and (done == total or done % 100 == 0):
            self.progress(stage, done, total)

    # -- discovery ----------------------------------------------------------------------------
    def _display(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    def _listing(self, folder_path: Path) -> set[Path]:
        """The ``*.md`` names in a content folder, unresolved: a symlink is judged (and refused when
        it leads outside the project) when it is read, so a link loop cannot raise here."""
        try:
            with os.scandir(folder_path) as entries:
                return {folder_path / e.name for e in entries if e.name.endswith(".md")}
        except (FileNotFoundError, NotADirectoryError):
            return set()
        except OSError as error:
            folder = _File("folder", folder_path.name, folder_path, self._display(folder_path))
            folder.error(
                0,
                f"cannot list the folder ({error.strerror or error})",
                "check that it is a readable directory",
            )
            self.files.append(folder)  # reported with the files' errors; never loaded
            return set()

    def _read_content(self, path: Path, display: str) -> bytes | None:
        """A content file's bytes: inside the project, a regular file, at most 1 MiB."""
        if path in self.overlay:
            return self.overlay[path]
        try:
            real = resolve_inside(path, self.root)
            return read_bounded(real, MAX_CONTENT_BYTES, what="content file", limit_text="1 MiB")
        except FileRefused as refused:
            raise ContentError(display, 1, refused.problem, refused.fix) from None

    def discover(self, only: set[Path] | None = None) -> None:
        """Find and parse the content files (with ``only``, just those resolved paths)."""
        found: list[_File] = []
        for kind, folder in (("brief", "briefs"), ("person", "people"), ("faction", "factions")):
            folder_path = _resolve_folder(self.content / folder)
            if only is None:
                on_disk = self._listing(folder_path)
            else:  # just those: no listing of a 10,000-file folder
                on_disk = {
                    p
                    for p in only
                    if p.parent == folder_path and p.suffix == ".md" and os.path.lexists(p)
                }
            extra = {p for p in self.overlay if p.parent == folder_path and p.suffix == ".md"}
            for path in sorted(on_disk | extra):
                entry = _File(kind, path.stem, path, self._display(path))
                if not is_slug(entry.id):
                    entry.error(
                        1,
                        f"file name {path.name!r} is not a kebab-case id",
                        f"rename it to {slugify(entry.id) or 'some-id'}.md",
                    )
                elif len(entry.id) > MAX_ID_CHARS:
                    entry.error(
                        1,
                        f"the id {entry.id[:24]}… is {len(entry.id)} characters long; ids are at "
                        f"most {MAX_ID_CHARS}",
                        f"rename it to {slugify(entry.id)}.md",
                    )
                if entry.id in self.ids:
                    other = self.ids[entry.id]
                    entry.error(
                        1,
                        f"duplicate id {entry.id!r}: {other.display} uses it too",
                        "rename one of the files; ids are shared by briefs, people and factions",
                    )
                else:
                    self.ids[entry.id] = entry
                self.kinds.add((kind, entry.id))
                found.append(entry)
        self.files += found
        briefs = [e for e in found if e.kind == "brief"]
        if self.jobs > 1 and not self.overlay and len(briefs) >= PARALLEL_MIN:
            self._parse_parallel(briefs, [e for e in found if e.kind != "brief"])
            return
        for number, entry in enumerate(found, 1):
            self.parse(entry)
            self.tick("parsing", number, len(found))

    def parse(self, entry: _File) -> None:
        try:
            raw = self._read_content(entry.path, entry.display)
            entry.doc = parse_document(entry.path, entry.display, raw)
        except ContentError as error:
            entry.errors.append(error)

    def _parse_parallel(self, briefs: list[_File], others: list[_File]) -> None:
        """Briefs parsed, their articles loaded and their own footnotes resolved in worker
        processes, chunk by chunk, while this process parses the people and factions; results
        are taken in order, so the library is the serial build's."""
        import multiprocessing

        size = max(20, min(250, len(briefs) // (self.jobs * 4)))
        chunks = [briefs[n : n + size] for n in range(0, len(briefs), size)]
        jobs = [(self.content, self.root, chunk) for chunk in chunks]
        context = multiprocessing.get_context("fork")
        with context.Pool(self.jobs) as pool:
            results = pool.imap(_parse_chunk, jobs)
            for entry in others:
                self.parse(entry)
            done = 0
            for chunk, (entries, articles) in zip(chunks, results, strict=True):
                for mine, theirs in zip(chunk, entries, strict=True):
                    mine.doc, mine.errors = theirs.doc, theirs.errors
                    mine.sources, mine.backgrounds = theirs.sources, theirs.backgrounds
                    mine.loaded, mine.resolved = True, theirs.resolved
                self.articles.update(articles)
                done += len(chunk)
                self.tick("parsing", done, len(briefs))

    def of_kind(self, kind: str) -> Iterable[_File]:
        return (f for f in self.files if f.kind == kind and f.doc is not None)

    def check_keys(self, entry: _File, allowed: set[str]) -> None:
        for key in entry.front:
            if key not in allowed:
                entry.error(
                    entry.front.line_of(key),
                    f"unknown field `{key}`",
                    f"use one of: {', '.join(sorted(allowed))}",
                )

    def ref_id(
        self, entry: _File, value: Any, line: int, kinds: tuple[str, ...], what: str
    ) -> str | None:
        """Validate a reference to another content file by id."""
        if not isinstance(value, str) or not value.strip():
            entry.error(
                line,
                f"{what} must be an id",
                f"write the file name without .md, e.g. `{what}: some-id`",
            )
            return None
        value = value.strip()
        if not any((kind, value) in self.kinds for kind in kinds):
            folder = " or ".join(
                {"person": "people/", "faction": "factions/", "brief": "briefs/"}[k] for k in kinds
            )
            entry.error(
                line,
                f"{what} {value!r} is not a known {' or '.join(kinds)}",
                f"create content/{folder}{value}.md or fix the id",
            )
            return None
        return value

    # -- articles and footnotes ---------------------------------------------------------------
    def load_articles(self) -> None:
        for entry in self.of_kind("brief"):
            if entry.loaded:
                continue
            source = entry.text("source", required=True)
            if source is None:
                continue
            line = entry.front.line_of("source")
            raw = self.read_source(entry, source, line)
            if raw is None:
                continue
            try:
                text = raw.decode("utf-8-sig")
            except UnicodeDecodeError as error:
                entry.error(
                    line,
                    f"source article {source!r} is not UTF-8 (byte {error.start})",
                    "convert the article to UTF-8",
                )
                continue
            if not text.strip():
                entry.error(line, f"source article {source!r} is empty", SOURCE_FIX)
                continue
            article = split_article(entry.id, source, text)
            self.articles[entry.id] = article

    def read_source(self, entry: _File, source: str, line: int) -> bytes | None:
        """The article a brief's ``source:`` names: a relative path that resolves (symlinks
        included) inside the project root, to a regular file of at most 5 MB; else an error."""
        fix = SOURCE_FIX
        relative = Path(source)
        if relative.is_absolute() or source.startswith("~"):
            entry.error(line, f"source article {source!r} is not a path inside the project", fix)
            return None
        path = self.root / relative
        overlaid = self.overlay.get(_resolve_folder(path))
        if overlaid is not None:
            return overlaid
        try:
            real = resolve_inside(path, self.root)
            return read_bounded(real, MAX_ARTICLE_BYTES, what="article", limit_text="5 MB")
        except FileRefused as refused:
            if refused.problem == "does not exist":
                entry.error(line, f"source article {source!r} not found", fix)
            else:
                entry.error(line, f"source article {source!r} {refused.problem}", refused.fix)
            return None

    def resolve_footnotes(self, entry: _File) -> None:
        assert entry.doc is not None
        default = entry.id if entry.kind == "brief" else entry.front.get("brief")
        for label, note in entry.doc.footnotes.items():
            text = note.text
            marked = background_note(text)
            if marked is not None:
                if not marked:
                    entry.error(
                        note.line,
                        f"background footnote [^{label}] says nothing",
                        f"write what the background is and where it comes from: `[^{label}]: background: …`",
                    )
                entry.backgrounds[label] = marked or "background"
                continue
            brief = default
            if match := _FOOTNOTE_BRIEF.match(text):
                brief, text = match.group(1), text[match.end() :]
            quote = strip_quotes(text)
            if not brief:
                entry.error(
                    note.line,
                    f"footnote [^{label}] does not say which brief it quotes",
                    f'add `brief: <brief-id>` to the front matter or write `[^{label}]: <brief-id>: "quote"`',
                )
                continue
            index = self.indexes.get(str(brief))
            if index is None:
                if str(brief) not in self.ids:
                    entry.error(
                        note.line,
                        f"footnote [^{label}] quotes unknown brief {brief!r}",
                        "use the id of a file in content/briefs/",
                    )
                continue  # the brief's own source error is reported on the brief
            if not quote:
                entry.error(
                    note.line,
                    f"footnote [^{label}] is empty",
                    'write a verbatim quote from the article: `[^1]: "…"`',
                )
                continue
            try:
                entry.sources[label] = index.locate(quote)
            except QuoteNotFound:
                entry.error(
                    note.line,
                    f"footnote [^{label}] quote not found in {index.article.path}: {quote[:60]!r}",
                    "copy the words exactly from the article (quote marks and spacing may differ)",
                )
            except QuoteAmbiguous as error:
                entry.error(
                    note.line,
                    f"footnote [^{label}] quote found {error.count} times in {index.article.path}: {quote[:60]!r}",
                    "quote more words so it matches only one place",
                )

    def block_sources(
        self,
        entry: _File,
        block: Block,
        *,
        required: bool,
        what: str,
        shift: int = 0,
        dates: tuple[Any, ...] = (),
    ) -> tuple[tuple[SourceRef, ...], tuple[Background, ...]]:
        """The sources a paragraph or list item cites and the background marks in it (spans in
        the text after ``shift``); registers the block as a claim for the grounding check."""
        refs = []
        assert entry.doc is not None
        for ref in block.footnotes:
            source = entry.sources.get(ref.label)
            if source is None:
                if ref.label in entry.backgrounds:
                    continue
                if ref.label not in entry.doc.footnotes:
                    entry.error(
                        block.line,
                        f"footnote [^{ref.label}] is used but not defined",
                        f'add `[^{ref.label}]: "verbatim quote"` at the end of the file',
                    )
                continue
            refs.append(replace(source, anchor=max(ref.anchor - shift, 0)))
        if required and not block.footnotes:
            entry.error(
                block.line,
                f"{what} has no source",
                'add a footnote `[^N]` and `[^N]: "verbatim quote from the article"` '
                "(or `[^N]: background: …` for what the article does not say)",
            )
        text = block.text[shift:]
        markers = [(max(r.anchor - shift, 0), r.label) for r in block.footnotes]
        parts = split_parts(
            text,
            markers,
            {label: entry.sources.get(label) for _, label in markers},
            set(entry.backgrounds),
        )
        if block.footnotes or required:
            self.claims.append(Claim(entry.display, block.line, what, parts, dates=dates))
        marks = tuple(
            Background(entry.backgrounds[label], part.start, part.end)
            for part in parts
            for label in part.labels
            if label in entry.backgrounds
        )
        return tuple(refs), marks

    def body_text(self, entry: _File, blocks: list[Block]) -> SourcedText:
        texts, refs, marks, offset = [], [], [], 0
        what = "bio paragraph" if entry.kind == "person" else "description paragraph"
        for block in blocks:
            sources, background = self.block_sources(entry, block, required=False, what=what)
            for source in sources:
                refs.append(replace(source, anchor=(source.anchor or 0) + offset))
            for mark in background:
                marks.append(
                    replace(mark, start=(mark.start or 0) + offset, end=(mark.end or 0) + offset)
                )
            texts.append(block.text.strip())
            offset += len(block.text.strip()) + 2
        return SourcedText("\n\n".join(texts), tuple(refs), tuple(marks))

    def yaml_claim(
        self,
        entry: _File,
        item: LineDict,
        what: str,
        refs: tuple[SourceRef, ...],
        entities: tuple[str | None, ...],
        text: str = "",
        dates: tuple[DateValue | None, ...] = (),
    ) -> tuple[Background, ...]:
        """Register a role, relation or founding date as a claim; return its background marks."""
        marks = entry.marks(item)
        part = Part(text, refs, bool(marks), True, 0, len(text))
        named = tuple(e for e in entities if e)
        written = tuple(t for d in dates if d is not None for t in written_date(d.text))
        self.claims.append(Claim(entry.display, item.line, what, [part], named, written))
        return marks

    # -- entities -----------------------------------------------------------------------------
    def relations(self, entry: _File) -> list[Relation]:
        result = []
        for item in entry.mappings("relations"):
            kind = entry.text("kind", required=True, mapping=item)
            if kind is not None and kind not in RELATION_KINDS:
                entry.error(
                    item.line_of("kind"),
                    f"unknown relation kind {kind!r}",
                    f"use one of: {', '.join(RELATION_KINDS)}",
                )
                kind = None
            targets = item.get("to")
            if targets is None:
                entry.error(item.line, "relation has no `to`", "add `to: <person-or-faction-id>`")
                targets = []
            refs = entry.refs(item, required=True, what="relation")
            found = []
            for target in targets if isinstance(targets, list) else [targets]:
                target_id = self.ref_id(
                    entry, target, item.line_of("to"), ("person", "faction"), "to"
                )
                if kind and target_id:
                    found.append(target_id)
            marks = self.yaml_claim(
                entry, item, f"relation {kind or ''}".strip(), refs, (entry.id, *found)
            )
            result += [Relation(kind, target_id, refs, marks) for target_id in found if kind]
        return result

    def date_field(self, entry: _File, mapping: LineDict, key: str) -> DateValue | None:
        text = entry.text(key, mapping=mapping)
        if text is None:
            return None
        try:
            return parse_date(text)
        except DateError as error:
            entry.error(mapping.line_of(key), str(error), f"write {DATE_FORMS}")
            return None

    def person(self, entry: _File) -> Person:
        self.check_keys(entry, PERSON_KEYS)
        name = entry.text("name", required=True) or entry.id
        status = entry.text("status") or "unknown"
        if status not in PERSON_STATUSES:
            entry.error(
                entry.front.line_of("status"),
                f"unknown status {status!r}",
                f"use one of: {', '.join(PERSON_STATUSES)}",
            )
        roles = []
        for item in entry.mappings("roles"):
            title = entry.text("title", required=True, mapping=item)
            faction = None
            if "of" in item:
                faction = self.ref_id(entry, item["of"], item.line_of("of"), ("faction",), "of")
            since = self.date_field(entry, item, "since")
            until = self.date_field(entry, item, "until")
            refs = entry.refs(item, required=True, what="role")
            marks = self.yaml_claim(
                entry, item, "role", refs, (entry.id, faction), title or "", (since, until)
            )
            if title:
                roles.append(Role(title, faction, since, until, refs, marks))
        assert entry.doc is not None
        return Person(
            id=entry.id,
            name=name,
            aliases=tuple(entry.text_list("aliases")),
            status=status,
            roles=tuple(roles),
            relations=tuple(self.relations(entry)),
            bio=self.body_text(
                entry, entry.doc.preamble + [b for s in entry.doc.sections for b in s.blocks]
            ),
        )

    def faction(self, entry: _File) -> Faction:
        self.check_keys(entry, FACTION_KEYS)
        name = entry.text("name", required=True) or entry.id
        kind = entry.text("kind", required=True) or "movement"
        if kind not in FACTION_KINDS:
            entry.error(
                entry.front.line_of("kind"),
                f"unknown faction kind {kind!r}",
                f"use one of: {', '.join(FACTION_KINDS)}",
            )
        part_of = []
        for item in entry.mappings("part_of"):
            target = self.ref_id(entry, item.get("of"), item.line_of("of"), ("faction",), "of")
            refs = entry.refs(item, required=True, what="part_of entry")
            marks = self.yaml_claim(entry, item, "part_of entry", refs, (entry.id, target))
            if target:
                part_of.append(Relation("part-of", target, refs, marks))
        founded, founded_refs = None, ()
        raw_founded = entry.front.get("founded")
        if raw_founded is not None:
            if isinstance(raw_founded, LineDict):
                founded = self.date_field(entry, raw_founded, "date")
                founded_refs = entry.refs(raw_founded, required=True, what="founded date")
                self.yaml_claim(
                    entry, raw_founded, "founded date", founded_refs, (entry.id,), dates=(founded,)
                )
            else:
                entry.error(
                    entry.front.line_of("founded"),
                    "`founded` must be a mapping",
                    "write `founded: {date: 2021, source: 1}`",
                )
        assert entry.doc is not None
        stance = entry.text("stance") or "unknown"
        if fold(stance) in {fold(n) for n in (name, *entry.text_list("aliases"))}:
            entry.warn(
                entry.front.line_of("stance"),
                f"stance {stance!r} repeats the faction's own name, so pages read "
                f"'{name}  {stance}'",
                "write its stance toward the topic instead, e.g. `stance: ruling`, "
                "`anti-Taliban`, `mediator`, `neutral`",
            )
        return Faction(
            id=entry.id,
            name=name,
            kind=kind,
            aliases=tuple(entry.text_list("aliases")),
            stance=stance,
            part_of=tuple(part_of),
            relations=tuple(self.relations(entry)),
            founded=founded,
            founded_sources=founded_refs,
            description=self.body_text(
                entry, entry.doc.preamble + [b for s in entry.doc.sections for b in s.blocks]
            ),
        )

    # -- briefs -------------------------------------------------------------------------------
    def dateline(self, entry: _File) -> Dateline:
        raw = entry.front.get("dateline")
        if raw is None:
            return Dateline(None, None)
        if not isinstance(raw, LineDict):
            entry.error(
                entry.front.line_of("dateline"),
                "`dateline` must be a mapping",
                "write `dateline: {place: New Delhi, date: December 10, year: 2025}`",
            )
            return Dateline(None, None)
        place = entry.text("place", mapping=raw)
        text = entry.text("date", mapping=raw)
        year = raw.get("year")
        if year is not None and not (isinstance(year, int) and 1000 <= year <= 9999):
            entry.error(
                raw.line_of("year"),
                f"dateline year {year!r} is not a four-digit year",
                "write `year: 2025`",
            )
            year = None
        date = None
        if text:
            try:
                date = parse_date(text, dt.date(year, 12, 31) if year else None)
            except DateError as error:
                entry.error(raw.line_of("date"), str(error), f"write {DATE_FORMS}")
            if year is None and date is not None and not re.search(r"\d{4}", text):
                entry.warn(
                    raw.line_of("date"),
                    f"dateline {text!r} has no year, so its History dates cannot be placed in time",
                    "add `year: YYYY` (the year the article was published) under `dateline:`",
                )
        return Dateline(place, date)

    def brief(
        self, entry: _File, people: dict[str, Person], factions: dict[str, Faction]
    ) -> tuple[Brief, list[Event]]:
        self.check_keys(entry, BRIEF_KEYS)
        assert entry.doc is not None
        doc = entry.doc
        title = entry.text("title", required=True) or entry.id
        dateline = self.dateline(entry)
        anchor = resolved_day(dateline.date)
        outlet = None
        if "outlet" in entry.front:
            outlet = self.ref_id(
                entry, entry.front["outlet"], entry.front.line_of("outlet"), ("faction",), "outlet"
            )

        chain = []
        for item in entry.mappings("reporting_chain"):
            entity = None
            if "entity" in item:
                entity = self.ref_id(
                    entry, item["entity"], item.line_of("entity"), ("person", "faction"), "entity"
                )
            name = entry.text("name", mapping=item)
            if entity:
                name = name or (
                    people[entity].name
                    if entity in people
                    else factions[entity].name
                    if entity in factions
                    else entity
                )
            if not name:
                if "entity" not in item:
                    entry.error(
                        item.line,
                        "reporting_chain entry names nobody",
                        "add `entity: <person-or-faction-id>` or `name: …`",
                    )
                continue
            chain.append(
                ChainLink(
                    name,
                    entity,
                    entry.text("role", mapping=item),
                    entry.refs(item, required=False, what="reporting_chain entry"),
                )
            )

        actors = []
        for value in entry.text_list("actors"):  # `actors: 5` is an error, not a TypeError
            target = self.ref_id(
                entry, value, entry.front.line_of("actors"), ("person", "faction"), "actor"
            )
            if target:
                actors.append(target)

        sections = {s.title: s for s in doc.sections}

        def blocks(title: str) -> list[Block]:
            return sections[title].blocks if title in sections else []

        for section in doc.sections:
            if section.title not in BRIEF_SECTIONS:
                entry.error(
                    section.line,
                    f"unknown section {section.title!r}",
                    f"use ## {', ## '.join(BRIEF_SECTIONS)}",
                )
        if doc.preamble:
            entry.error(
                doc.preamble[0].line, "text before the first section", "put it under ## Summary"
            )
        summary = []
        if "Summary" not in sections or not sections["Summary"].blocks:
            entry.error(
                doc.front.line if "Summary" not in sections else sections["Summary"].line,
                "the brief has no summary",
                "add a `## Summary` section with a paragraph",
            )
        else:
            for block in sections["Summary"].blocks:
                sources, marks = self.block_sources(
                    entry, block, required=True, what="summary paragraph"
                )
                summary.append(SourcedText(block.text.strip(), sources, marks))
        takeaways = []
        for block in blocks("Key takeaways"):
            sources, marks = self.block_sources(entry, block, required=True, what="takeaway")
            takeaways.append(SourcedText(block.text.strip(), sources, marks))

        events: list[Event] = []
        seen: dict[str, int] = {}
        for block in blocks("History"):
            if not block.lead or not block.text.startswith(block.lead):
                entry.error(
                    block.line,
                    "History item does not start with a bold date",
                    "write `- **2001** — what happened[^1]`",
                )
                continue
            try:
                date = (
                    parse_date(block.lead, anchor)
                    if anchor is not None
                    else parse_date_yearless(block.lead, dateline.date)
                )
            except DateError as error:
                entry.error(block.line, str(error), f"write {DATE_FORMS}")
                continue
            rest = block.text[len(block.lead) :]
            separator = _SEPARATOR.match(rest)
            shift = len(block.lead) + (separator.end() if separator else 0)
            body = block.text[shift:].strip()
            if not body:
                entry.error(
                    block.line,
                    "History item says nothing after its date",
                    "write what happened after the date",
                )
                continue
            first, _, more = body.partition(". ")
            headline = first if not more else first + "."
            event_id = f"{entry.id}--{slugify(date.text)}-{slugify(headline, 5)}"
            if event_id in seen:
                entry.error(
                    block.line,
                    f"duplicate event id {event_id!r} (same date and words as line {seen[event_id]})",
                    "reword one of the two History items",
                )
                continue
            seen[event_id] = block.line
            refs, marks = self.block_sources(
                entry,
                block,
                required=True,
                what="History item",
                shift=shift,
                dates=written_date(block.lead),
            )
            events.append(Event(event_id, entry.id, date, headline, more.strip(), (), refs, marks))
        events.sort(key=lambda e: e.date.sort_key)

        brief = Brief(
            id=entry.id,
            title=title,
            dateline=dateline,
            outlet=outlet,
            reporting_chain=tuple(chain),
            summary=tuple(summary),
            takeaways=tuple(takeaways),
            events=tuple(e.id for e in events),
            actors=tuple(actors),
            tags=tuple(entry.text_list("tags")),
            source_path=self.articles[entry.id].path if entry.id in self.articles else "",
        )
        return brief, events

    # -- whole build --------------------------------------------------------------------------
    def check_names(self, people: dict[str, Person], factions: dict[str, Faction]) -> None:
        owners: dict[str, str] = {}
        for entity in [*people.values(), *factions.values()]:
            for name in entity.names:
                key = fold(name)
                other = owners.setdefault(key, entity.id)
                if other != entity.id:
                    entry = self.ids[entity.id]
                    entry.error(
                        entry.front.line_of("aliases")
                        if name != entity.name
                        else entry.front.line_of("name"),
                        f"name or alias {name!r} is also used by {other!r}",
                        "remove the ambiguous alias from one of them",
                    )

    def run(self) -> Library:
        self.discover()
        self.load_articles()
        for entry in self.files:
            if entry.doc is not None and not entry.resolved:
                self.resolve_footnotes(entry)
        people = {e.id: self.person(e) for e in self.of_kind("person")}
        factions = {e.id: self.faction(e) for e in self.of_kind("faction")}
        self.check_names(people, factions)
        briefs: dict[str, Brief] = {}
        events: dict[str, Event] = {}
        entries = list(self.of_kind("brief"))
        for number, entry in enumerate(entries, 1):
            brief, brief_events = self.brief(entry, people, factions)
            briefs[brief.id] = brief
            events.update((e.id, e) for e in brief_events)
            entry.doc = None  # parsed Markdown is no longer needed: keep the build's memory flat
            self.tick("checking", number, len(entries))
        errors = [e for f in self.files for e in f.errors]
        if not errors and not briefs:
            errors.append(
                ContentError(
                    self._display(self.content / "briefs"),
                    0,
                    "no briefs found",
                    "add at least one content/briefs/<id>.md",
                )
            )
        if errors:
            raise BuildFailed(errors)
        return link(briefs, self.articles, people, factions, events, self.tick)


PARALLEL_MIN = 200  # fewer briefs are parsed in this process: starting workers costs more


def build_jobs() -> int:
    """Worker processes for a build: ``BRIEF_BUILD_JOBS`` if set (1: no workers), else one per
    idle CPU (at most 4), none where processes cannot be forked. Workers cost ~8 % more CPU in
    all (results pickled back, articles indexed twice): worth it only on CPUs nobody else uses,
    so a machine already busy (load average ≥ CPUs - 1) builds in this process alone."""
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    try:
        return max(1, int(os.environ["BRIEF_BUILD_JOBS"]))
    except (KeyError, ValueError):
        pass
    cpus = os.cpu_count() or 1
    try:
        idle = cpus - os.getloadavg()[0]
    except OSError:
        idle = cpus
    return max(1, min(cpus, 4, int(idle + 0.5))) if idle >= 1 else 1


def _parse_chunk(job: tuple[Path, Path, list[_File]]) -> tuple[list[_File], dict[str, Article]]:
    """A worker's share of a parallel build: parse briefs, load their articles, resolve the
    footnotes that quote their own article (the rest are resolved by the parent)."""
    content, root, entries = job
    loader = _Loader(content, root)
    for entry in entries:
        loader.files.append(entry)
        loader.ids.setdefault(entry.id, entry)
        loader.parse(entry)
    loader.load_articles()
    for entry in entries:
        if entry.doc is not None and _quotes_only_itself(entry):
            loader.resolve_footnotes(entry)
            entry.resolved = True
    return entries, loader.articles


def _quotes_only_itself(entry: _File) -> bool:
    assert entry.doc is not None
    for note in entry.doc.footnotes.values():
        match = _FOOTNOTE_BRIEF.match(note.text)
        if match and match.group(1) != entry.id:
            return False
    return True


def _resolve_folder(path: Path) -> Path:
    """``path`` resolved as far as possible; unchanged when a symlink loop stops resolution."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def link(
    briefs: dict[str, Brief],
    articles: dict[str, Article],
    people: dict[str, Person],
    factions: dict[str, Faction],
    events: dict[str, Event],
    tick: Callable[[str, int, int], None] | None = None,
    names: Iterable[tuple[str, str]] | None = None,
) -> Library:
    """Find every mention, then fill in event actors, brief actors and each entity's briefs.
    ``names`` ((entity id, name) pairs) saves reading them from ``people`` and ``factions``;
    given, the entities are returned as they came (an incremental build sets their briefs)."""
    if names is None:
        names = [
            (entity.id, name)
            for entity in [*people.values(), *factions.values()]
            for name in entity.names
        ]
        update_entities = True
    else:
        update_entities = False
    finder = MentionFinder(names)
    mentions: list[Mention] = []
    for number, brief in enumerate(list(briefs.values()), 1):
        if tick is not None:
            tick("linking", number, len(briefs))
        found: list[Mention] = []
        article = articles.get(brief.id)
        if article is not None:
            found += _article_mentions(finder, brief.id, article)
        offset = 0
        for paragraph in brief.summary:
            found += [
                Mention(h.entity, brief.id, "summary", h.start + offset, h.end + offset, h.text)
                for h in finder.find(paragraph.text)
            ]
            offset += len(paragraph.text) + 2
        for number, takeaway in enumerate(brief.takeaways):
            found += [
                Mention(h.entity, brief.id, f"takeaway:{number}", h.start, h.end, h.text)
                for h in finder.find(takeaway.text)
            ]
        for event_id in brief.events:
            event = events[event_id]
            hits = list(finder.find(event.text))
            found += [
                Mention(h.entity, brief.id, f"event:{event_id}", h.start, h.end, h.text)
                for h in hits
            ]
            events[event_id] = replace(event, actors=tuple(dict.fromkeys(h.entity for h in hits)))
        mentions += found
        # Actors in order of first appearance: the article, then the authored text, then the
        # reporting chain, the outlet and any listed explicitly.
        named = [m.entity for m in found]
        named += [link.entity for link in brief.reporting_chain if link.entity]
        named += [brief.outlet] if brief.outlet else []
        named += brief.actors
        briefs[brief.id] = replace(brief, actors=tuple(dict.fromkeys(named)))

    if not update_entities:
        return Library(briefs, articles, people, factions, events, tuple(mentions))
    appears_in: dict[str, list[str]] = {}
    for brief in briefs.values():
        for actor in brief.actors:
            appears_in.setdefault(actor, []).append(brief.id)
    people = {k: replace(v, briefs=tuple(appears_in.get(k, ()))) for k, v in people.items()}
    factions = {k: replace(v, briefs=tuple(appears_in.get(k, ()))) for k, v in factions.items()}
    return Library(briefs, articles, people, factions, events, tuple(mentions))


def _article_mentions(finder: MentionFinder, brief_id: str, article: Article) -> list[Mention]:
    """The mentions in an article's sentences: found in one pass over the whole text, each
    placed in its sentence (sentences are separated by whitespace, so a name is found in the
    whole text exactly where it is found in its sentence) — sentence by sentence when a name
    runs across a sentence's end."""
    import bisect

    sentences = list(article.sentences())
    starts = [s.start for s in sentences]
    placed = []
    for hit in finder.find(article.text):
        at = bisect.bisect_right(starts, hit.start) - 1
        if at < 0 or hit.end > sentences[at].end:
            break
        placed.append(
            Mention(hit.entity, brief_id, "source", hit.start, hit.end, hit.text, sentences[at].id)
        )
    else:
        return placed
    return [
        Mention(h.entity, brief_id, "source", s.start + h.start, s.start + h.end, h.text, s.id)
        for s in sentences
        for h in finder.find(s.text)
    ]


def check_content(
    content_dir: Path, root: Path | None = None, overlay: dict[Path, bytes] | None = None
) -> tuple[Library, list[ContentError]]:
    """:func:`load_content` plus the warnings `brief check` reports: claims that name a person,
    faction, place, date or number their cited sentences do not mention, text no footnote covers,
    a dateline without a year. Raises :class:`BuildFailed` on errors, as the build does."""
    loader = _Loader(content_dir, root, overlay)
    library = loader.run()
    grounder = Grounder(
        library.people,
        library.factions,
        library.articles,
        (b.dateline.place for b in library.briefs.values() if b.dateline.place),
    )
    warnings = [w for f in loader.files for w in f.warnings]
    for claim in loader.claims:
        warnings += grounder.check(claim)
    return library, sorted(warnings, key=lambda w: (w.path, w.line, w.message))


def load_content(
    content_dir: Path,
    root: Path | None = None,
    overlay: dict[Path, bytes] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    jobs: int = 1,
) -> Library:
    """Load, validate and link everything under ``content_dir``; raise :class:`BuildFailed`.
    ``jobs`` > 1 parses briefs in that many worker processes (same result).
    ``overlay`` adds or replaces files by path without writing them (used to check a draft);
    ``progress(stage, done, total)`` is called as the work goes on."""
    loader = _Loader(content_dir, root, overlay)
    loader.progress = progress
    loader.jobs = jobs
    return loader.run()
