"""An import's extraction → draft content files that already pass `brief check`.

Every drafted takeaway, event, role and relation carries a footnote quoting the article; a claim
whose words cannot be quoted uniquely is left out rather than drafted unsourced. People and
factions already in ``content/`` are matched by name or alias and linked, never rewritten. The
draft is validated in memory with the real loader before anything is written, and files are
created exclusively, so an import never overwrites and never leaves half a draft behind.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..extract import Extraction
from ..extract.dates import history_date
from .article import ArticleIndex, split_article
from .content import load_content
from .errors import BuildFailed
from .markdown import parse_document
from .text import fold, slugify

# "&" too: "&lt;" in an article must not become "<" in the draft (an entity reference)
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~&])")
# The most History items a draft holds: a longer list is no brief (the rest are counted).
MAX_HISTORY = 100
_YEAR = re.compile(r"\b\d{4}\b")


def md_text(text: str) -> str:
    """Article text made safe to embed in Markdown: nothing in it is read as markup."""
    text = _MD_SPECIAL.sub(r"\\\1", " ".join(text.split()))
    if re.match(r"\d+[.)]\s", text):  # would start an ordered list
        return re.sub(r"^(\d+)([.)])", r"\1\\\2", text)
    if re.match(r"[+\-]\s", text):  # would start a bullet list
        return "\\" + text
    return text


class DraftError(Exception):
    """The draft could not be made; nothing was written."""


@dataclass
class Draft:
    brief_id: str
    files: dict[Path, bytes]  # absolute path → content, in writing order
    new_people: list[str] = field(default_factory=list)
    new_factions: list[str] = field(default_factory=list)
    linked: list[str] = field(default_factory=list)
    history: int = 0  # History items drafted
    left_out: int = 0  # dated statements not drafted: no unique quote, a repeat, or over the cap
    warnings: list[str] = field(default_factory=list)  # shown by `brief import`, also in the file

    def write(self) -> None:
        """Create every file exclusively; on any failure remove what was created."""
        created: list[Path] = []
        try:
            for path, data in self.files.items():
                path.parent.mkdir(parents=True, exist_ok=True)
                with path.open("xb") as stream:
                    created.append(path)
                    stream.write(data)
        except OSError as error:
            for path in created:
                path.unlink(missing_ok=True)
            if isinstance(error, FileExistsError):
                reason = f"{error.filename} appeared while importing"
            else:
                reason = f"cannot write {error.filename}: {error.strerror}"
            raise DraftError(f"{reason} — nothing was written; try again") from None


@dataclass
class _Existing:
    ids: set[str]
    names: dict[str, tuple[str, str]]  # folded name or alias → (kind, id)


def _existing(content: Path, store: Path | None = None) -> _Existing:
    if store is not None:  # the built store's catalog names them all, without parsing a file
        from ..store.build import store_names

        known = store_names(content, store)
        if known is not None:
            return _Existing(*known)
    ids: set[str] = set()
    names: dict[str, tuple[str, str]] = {}
    for kind, folder in (("brief", "briefs"), ("person", "people"), ("faction", "factions")):
        for path in sorted((content / folder).glob("*.md")):
            ids.add(path.stem)
            if kind == "brief":
                continue
            try:
                front = parse_document(path, path.name).front
            except Exception:  # a broken file is `brief check`'s to report, not the importer's
                continue
            for name in [front.get("name"), *(front.get("aliases") or [])]:
                if isinstance(name, str) and name.strip():
                    names.setdefault(fold(name), (kind, path.stem))
    return _Existing(ids, names)


def _unique_slug(base: str, taken: set[str]) -> str:
    base = base or "untitled"
    candidate, number = base, 2
    while candidate in taken:
        candidate = f"{base}-{number}"
        number += 1
    taken.add(candidate)
    return candidate


def _front(data: dict[str, Any]) -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{body}---\n"


class _Notes:
    """Footnotes of one file: each distinct quote once, labelled 1, 2, …"""

    def __init__(self, index: ArticleIndex) -> None:
        self.index = index
        self.labels: dict[str, str] = {}

    def quote(self, *candidates: str | None) -> str | None:
        """The label of the first candidate that occurs exactly once in the article."""
        for candidate in candidates:
            if not candidate or not candidate.strip():
                continue
            text = " ".join(candidate.split()).strip()
            if len(self.index.find_all(text)) == 1:
                if text not in self.labels:
                    self.labels[text] = str(len(self.labels) + 1)
                return self.labels[text]
        return None

    def render(self) -> str:
        return "".join(f'[^{label}]: "{md_text(text)}"\n' for text, label in self.labels.items())


def make_draft(
    extraction: Extraction,
    raw: bytes,
    content: Path,
    root: Path | None = None,
    year: int | None = None,
    known: Mapping[str, tuple[str, str]] | None = None,
    taken_ids: Iterable[str] = (),
    store: Path | None = None,
) -> Draft:
    """Draft files for an extraction; raises :class:`DraftError` if the draft would not build.
    ``year`` is the dateline's year when the dateline gives none (``brief import --year``).
    ``known`` maps folded names of people and factions outside ``content/`` (the embedded store)
    to (kind, id): such an entity gets a stub under that id, so the stores read together see
    one entity; ``taken_ids`` are ids outside ``content/`` that the new files must not take.
    ``store``, the store built from ``content``, lets names be looked up and the draft checked
    against its catalog instead of parsing all of ``content`` (when it is current)."""
    root = (root if root is not None else content.parent).resolve()
    content = content.resolve()
    existing = _existing(content, store)
    seeds = root / "seeds"
    known = known or {}
    taken = set(existing.ids) | {p.stem for p in seeds.glob("*")} | set(taken_ids)
    taken |= {entity_id for _, entity_id in known.values()}
    brief_id = _unique_slug(slugify(extraction.title, 8), taken)
    seed_rel = f"seeds/{brief_id}.txt"
    article = split_article(brief_id, seed_rel, raw.decode("utf-8-sig"))
    index = ArticleIndex(article)
    files: dict[Path, bytes] = {seeds / f"{brief_id}.txt": raw}
    draft = Draft(brief_id, files)

    # Who is who: existing entities by name or alias, new ones get stub ids.
    registry = dict(existing.names)
    ids: dict[str, str] = {}  # extracted name → entity id

    pending: dict[str, tuple[str, str]] = {}  # folded name → (kind, id) of this draft's new ones

    def assign(kind: str, name: str, aliases: Iterable[str]) -> tuple[str, bool | None]:
        """(id, True) for a new entity, (id, False) for one in content/, (id, None) for a new
        one already drafted under another spelling ("al Shabaab" and "Al Shabaab")."""
        for candidate in [name, *aliases]:
            hit = registry.get(fold(candidate))
            if hit and hit[0] == kind:
                return hit[1], False
        for candidate in [name, *aliases]:
            hit = pending.get(fold(candidate))
            if hit and hit[0] == kind:
                return hit[1], None
        for candidate in [name, *aliases]:
            hit = known.get(fold(candidate))
            if hit and hit[0] == kind and hit[1] not in existing.ids:
                registry[fold(name)] = hit
                return hit[1], True
        entity_id = _unique_slug(slugify(name), taken)
        for candidate in [name, *aliases]:
            pending.setdefault(fold(candidate), (kind, entity_id))
        return entity_id, True

    new_entities: dict[str, tuple[str, Any]] = {}
    faction_names = {org.name: [org.name, *org.aliases] for org in extraction.factions}
    for org in extraction.factions:
        entity_id, new = assign("faction", org.name, org.aliases)
        ids[org.name] = entity_id
        for alias in org.aliases:
            ids[alias] = entity_id
        if new:
            new_entities[entity_id] = ("faction", org)
        elif new is None:
            continue  # another spelling of a faction drafted above
        elif entity_id not in draft.linked:
            draft.linked.append(entity_id)
    for person in extraction.people:
        entity_id, new = assign("person", person.name, person.aliases)
        ids[person.name] = entity_id
        if new:
            new_entities[entity_id] = ("person", person)
        elif new is None:
            continue
        elif entity_id not in draft.linked:
            draft.linked.append(entity_id)
    # register new names; an alias that is ambiguous (already someone's) is dropped
    kept_aliases: dict[str, list[str]] = {}
    for entity_id, (kind, found) in new_entities.items():
        registry.setdefault(fold(found.name), (kind, entity_id))
    for entity_id, (kind, found) in new_entities.items():
        kept = []
        for alias in sorted(found.aliases):
            if fold(alias) not in registry:
                registry[fold(alias)] = (kind, entity_id)
                kept.append(alias)
        kept_aliases[entity_id] = kept

    for entity_id, (kind, found) in new_entities.items():
        notes = _Notes(index)
        data: dict[str, Any] = {"name": found.name}
        if kept_aliases[entity_id]:
            data["aliases"] = kept_aliases[entity_id]
        if kind == "faction":
            data.update(kind=found.kind, stance="unknown", brief=brief_id)
        else:
            data.update(status=found.status, brief=brief_id)
            if found.role:
                faction_id = ids.get(found.faction) if found.faction else None
                label = None
                if faction_id:
                    # the quote must name the faction the role is of ("Its chairman, …" names it
                    # only with the sentence before), or `brief check` finds the claim ungrounded
                    label = notes.quote(
                        *_naming(
                            faction_names.get(found.faction, [found.faction]),
                            found.role_phrase,
                            found.first_sentence,
                            *_with_sentence_before(extraction, found.first_sentence),
                        )
                    )
                    if not label:
                        faction_id = None  # the title alone, quoted where it is written
                if not label:
                    label = notes.quote(found.role_phrase, found.first_sentence)
                if label:
                    role: dict[str, Any] = {"title": found.role[:1].upper() + found.role[1:]}
                    if faction_id:
                        role["of"] = faction_id
                    role["source"] = int(label)
                    data["roles"] = [role]
            relations = []
            for relation_kind, other, phrase in found.relations:
                other_id = ids.get(other)
                label = notes.quote(phrase)
                if other_id and label:
                    relations.append({"kind": relation_kind, "to": other_id, "source": int(label)})
            if relations:
                data["relations"] = relations
        label = notes.quote(found.first_sentence)
        mention = f"[^{label}]" if label else ""
        # text that names nothing: the headline names places and factions the cited sentence may
        # not mention, and `brief check --strict` would flag each (the brief is in `brief:`)
        body = f"Draft stub from an import: check and complete.{mention}\n"
        text = _front(data) + body + ("\n" + notes.render() if notes.labels else "")
        folder = "factions" if kind == "faction" else "people"
        files[content / folder / f"{entity_id}.md"] = text.encode()
        (draft.new_factions if kind == "faction" else draft.new_people).append(entity_id)

    brief_rel = f"{content.name}/briefs/{brief_id}.md"
    if extraction.date and not _YEAR.search(extraction.date) and year is None:
        draft.warnings.append(
            f"the dateline date {extraction.date!r} has no year, so History cannot place dates "
            f"written without one — add `year: YYYY` under `dateline:` in {brief_rel}, "
            "or import again with --year YYYY"
        )
    if year is not None and not extraction.date:
        draft.warnings.append(
            f"--year {year} was not used: the article has no dated dateline — add "
            f"`dateline: {{date: …, year: {year}}}` in {brief_rel}"
        )
    files[content / "briefs" / f"{brief_id}.md"] = _brief_text(
        extraction, brief_id, seed_rel, index, ids, draft, year
    ).encode()
    _validate(content, root, files, store)
    return draft


def _brief_text(
    extraction: Extraction,
    brief_id: str,
    seed_rel: str,
    index: ArticleIndex,
    ids: dict[str, str],
    draft: Draft,
    year: int | None = None,
) -> str:
    notes = _Notes(index)
    front: dict[str, Any] = {"title": extraction.title or brief_id, "source": seed_rel}
    if extraction.place or extraction.date:
        dateline: dict[str, Any] = {}
        if extraction.place:
            dateline["place"] = extraction.place
        if extraction.date:
            dateline["date"] = extraction.date
            if year is not None and not _YEAR.search(extraction.date):
                dateline["year"] = year
        front["dateline"] = dateline
    if extraction.outlet and extraction.outlet in ids:
        front["outlet"] = ids[extraction.outlet]
    chain = []
    for name, role in extraction.chain:
        link: dict[str, Any] = {"entity": ids[name]} if name in ids else {"name": name}
        if role:
            link["role"] = role
        chain.append(link)
    if chain:
        front["reporting_chain"] = chain
    front["tags"] = []

    lines = ["## Summary", ""]
    # The summary must cite the article: the lead when it can be quoted (it occurs once), else
    # the first takeaway that can, or failing both the headline.
    for candidate in [extraction.summary, *extraction.takeaways, extraction.title]:
        label = notes.quote(candidate) if candidate else None
        if label:
            lines.append(md_text(candidate) + f"[^{label}]")
            break
    lines += ["", "## Key takeaways", ""]
    for takeaway in extraction.takeaways:
        label = notes.quote(takeaway)
        if label:
            lines.append(f"- {md_text(takeaway)}[^{label}]")
    lines += ["", "## History", ""]
    seen: set[str] = set()
    said: set[tuple[str, str]] = set()  # (sentence, text) of the items drafted
    neighbours = _neighbours(extraction)
    paragraphs = extraction.article.paragraphs
    headline_ids = {s.id for s in paragraphs[0].sentences} if paragraphs else set()
    for event in extraction.events:
        text = event.clause or event.what
        if event.sentence in headline_ids and any(
            other.sentence not in headline_ids and fold(other.when) == fold(event.when)
            for other in extraction.events
        ):  # the headline says again what the body tells on that date: one History item
            draft.left_out += 1
            continue
        if (event.sentence, text) in said:
            continue  # one sentence's dates that share their words ("on May 15, May 27 and June
            # 18"): one History item, dated by the first, not several items saying the same
        headline = text.partition(". ")[0]
        key = f"{slugify(event.when)}-{slugify(headline, 5)}"
        if key in seen or draft.history >= MAX_HISTORY:
            draft.left_out += 1
            continue
        # the clause, else the sentence, else the sentence with a neighbour: the shortest quote
        # that occurs once (a line repeated word for word is quoted with the line after it)
        before, after = neighbours.get(event.sentence, ("", ""))
        label = notes.quote(
            event.clause,
            event.what,
            f"{event.what} {after}" if after else None,
            f"{before} {event.what}" if before else None,
        )
        if not label:
            draft.left_out += 1
            continue
        seen.add(key)
        said.add((event.sentence, text))
        draft.history += 1
        # "the 1960s" as brief's dates are written ("1960s"); the words stay in the quote
        lines.append(f"- **{md_text(history_date(event.when))}** — {md_text(text)}[^{label}]")
    comment = "<!-- Drafted by `brief import`: rewrite the summary in your own words and check every claim. -->"
    for warning in draft.warnings:
        comment += f"\n<!-- WARNING: {_comment_safe(warning)} -->"
    return _front(front) + "\n" + comment + "\n\n" + "\n".join(lines) + "\n\n" + notes.render()


def _naming(names: Iterable[str], *candidates: str | None) -> list[str]:
    """The candidate quotes that name one of ``names`` (as a word, case aside); a bare common
    noun ("army", an alias of "Azerbaijan's army") is no evidence: it may be another army."""
    patterns = [
        re.compile(rf"(?<!\w){re.escape(fold(n))}(?!\w)")
        for n in names
        if n and n.strip() and (" " in n.strip() or n != n.lower())
    ]
    return [c for c in candidates if c and any(p.search(fold(c)) for p in patterns)]


def _with_sentence_before(extraction: Extraction, sentence: str) -> list[str]:
    """The sentence with the one before it in its paragraph ("The commission … . Its chairman,
    …"), when there is one (quoted only if the article has them so, once)."""
    for paragraph in extraction.article.paragraphs:
        for before, this in itertools.pairwise(paragraph.sentences):
            if this.text == sentence:
                return [f"{before.text} {this.text}"]
    return []


def _comment_safe(text: str) -> str:
    """Text that cannot end an HTML comment early."""
    return text.replace("-->", "—›").replace("<!--", "‹!—")


def _neighbours(extraction: Extraction) -> dict[str, tuple[str, str]]:
    """Each sentence id → (the sentence before it, the sentence after it) in the article."""
    sentences = list(extraction.article.sentences())
    found = {}
    for position, sentence in enumerate(sentences):
        before = sentences[position - 1].text if position else ""
        after = sentences[position + 1].text if position + 1 < len(sentences) else ""
        found[sentence.id] = (before, after)
    return found


def _validate(
    content: Path, root: Path, files: dict[Path, bytes], store: Path | None = None
) -> None:
    """Build everything with the draft in place; only errors in the draft's own files count
    (a problem elsewhere in content/ is `brief check`'s to report). With ``store`` current,
    only the draft's files are checked, against the store's catalog."""
    if store is not None:
        from ..store.build import check_draft

        found = check_draft(content, root, files, store)
        if found is not None:
            _refuse(found)
            return
    try:
        load_content(content, root, overlay=files)
    except BuildFailed as failure:
        mine = {path.relative_to(root).as_posix() for path in files}
        _refuse([e for e in failure.errors if e.path in mine])


def _refuse(errors: list[Any]) -> None:
    if errors:
        detail = "; ".join(str(e) for e in errors[:3])
        raise DraftError(f"the draft would not build ({detail}) — nothing was written")
