"""Frozen dataclasses shared by every layer: ingest builds them, the store keeps them, the UI shows them.

No I/O and no third-party imports here. Converting to and from plain JSON-able dicts is done by
:func:`to_dict` / :func:`from_dict`, driven by the type hints, so adding a field needs no extra code.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Any, TypeVar

SCHEMA_VERSION = 3  # 3: + head.json, paged entity files with their context; 2: a directory

# Relation kinds between people and factions, and how each reads from the other end.
RELATION_INVERSE = {
    "child-of": "parent-of",
    "parent-of": "child-of",
    "sibling-of": "sibling-of",
    "associate-of": "associate-of",
    "allied-with": "allied-with",
    "opposes": "opposed-by",
    "mediates-between": "mediated-by",
    "backs": "backed-by",
    "assassinated-by": "assassinated",
    "visited": "visited-by",
    "talks-with": "talks-with",
    "talks-hosted-by": "hosted-talks-with",
    "hosted-talks-with": "talks-hosted-by",
    "part-of": "has-part",  # a faction's part_of, not written under relations:
}

# Precision of a date as the article wrote it (DESIGN.md section 3).
PRECISIONS = ("year", "span", "month", "day", "relative", "vague")


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date kept honestly: the text as written, how precise it is, and a sort key.

    ``resolved`` is an ISO date (or year / year span) when one can be worked out; ``inferred`` is true
    when part of it came from context (a weekday resolved against the dateline, a year taken from the
    dateline) rather than from the text itself.
    """

    text: str
    precision: str
    sort_key: str
    resolved: str | None = None
    inferred: bool = False

    def display(self) -> str:
        """The date as written, with what was inferred in brackets: ``Tuesday (inferred: 2025-12-09)``."""
        if self.inferred and self.resolved and self.resolved != self.text:
            return f"{self.text} (inferred: {self.resolved})"
        return self.text


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where the article supports a claim: the sentence(s) and the character span in the article text."""

    brief: str
    sentence: str
    start: int
    end: int
    quote: str
    sentences: tuple[str, ...] = ()
    # Offset in the claim's own text where the footnote marker stood (for footnote links).
    anchor: int | None = None


@dataclass(frozen=True, slots=True)
class Background:
    """Part of a claim that the article does not carry, marked by its author as background with a
    footnote ``[^n]: background: <what it is and where it comes from>``. ``note`` is that text;
    ``start``/``end`` is the span of the claim's own text the mark covers (from the previous footnote
    marker to this one), or ``None`` for a role or relation, where it covers the whole claim."""

    note: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class SourcedText:
    """A piece of authored text with the article spans that support it."""

    text: str
    sources: tuple[SourceRef, ...] = ()
    background: tuple[Background, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the article: its id (``p3.s2``) and its span in the article text."""

    id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of the article: its id (``p3``), its span and its sentences."""

    id: str
    start: int
    end: int
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True, slots=True)
class Article:
    """The source article: its sanitised text split into paragraphs and sentences with stable ids."""

    brief: str
    path: str
    text: str
    paragraphs: tuple[Paragraph, ...]

    def sentence(self, sentence_id: str) -> Sentence | None:
        for paragraph in self.paragraphs:
            for sentence in paragraph.sentences:
                if sentence.id == sentence_id:
                    return sentence
        return None

    def sentences(self) -> typing.Iterator[Sentence]:
        for paragraph in self.paragraphs:
            yield from paragraph.sentences


@dataclass(frozen=True, slots=True)
class Role:
    """An office or position a person holds, in a faction or on their own, with when and the sources."""

    title: str
    faction: str | None = None
    since: DateValue | None = None
    until: DateValue | None = None
    sources: tuple[SourceRef, ...] = ()
    background: tuple[Background, ...] = ()


@dataclass(frozen=True, slots=True)
class Relation:
    """A typed link from one entity to another (person or faction), e.g. ``child-of``."""

    kind: str
    target: str
    sources: tuple[SourceRef, ...] = ()
    background: tuple[Background, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    """A person named in briefs: names, status, roles, relations, a sourced bio, the briefs naming them."""

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    status: str = "unknown"
    roles: tuple[Role, ...] = ()
    relations: tuple[Relation, ...] = ()
    bio: SourcedText = SourcedText("")
    briefs: tuple[str, ...] = ()

    kind = "person"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class Faction:
    """A faction, state, party, armed group or outlet: names, kind, stance, place among the others."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    stance: str = "unknown"
    part_of: tuple[Relation, ...] = ()
    relations: tuple[Relation, ...] = ()
    founded: DateValue | None = None
    founded_sources: tuple[SourceRef, ...] = ()
    description: SourcedText = SourcedText("")
    briefs: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    @property
    def shown_stance(self) -> str:
        """The stance, when it says something: not "unknown", empty, or the faction's own name."""
        stance = self.stance.strip()
        return "" if stance.casefold() in ("unknown", "", self.name.casefold()) else stance


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event of a brief: title, description, the actors in it and the article sentences behind it."""

    id: str
    brief: str
    date: DateValue
    title: str
    description: str = ""
    actors: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    background: tuple[Background, ...] = ()

    @property
    def text(self) -> str:
        return f"{self.title} {self.description}".strip()


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of an entity's name or alias.

    ``field`` is ``summary``, ``takeaway:N`` (0-based), ``event:ID`` or ``source``; ``start``/``end``
    are offsets into that field's text (for ``source``, into the article text, with ``sentence``).
    """

    entity: str
    brief: str
    field: str
    start: int
    end: int
    text: str
    sentence: str | None = None


@dataclass(frozen=True, slots=True)
class ChainLink:
    """One link of the reporting chain: who passed the story on, outermost first."""

    name: str
    entity: str | None = None
    role: str | None = None
    sources: tuple[SourceRef, ...] = ()

    def display(self) -> str:
        return f"{self.name}, {self.role}" if self.role else self.name


@dataclass(frozen=True, slots=True)
class Dateline:
    """Where and when the article was filed, as its dateline says."""

    place: str | None
    date: DateValue | None


@dataclass(frozen=True, slots=True)
class Brief:
    """One brief: title, dateline, summary, key takeaways, event and actor ids, tags, where it came from."""

    id: str
    title: str
    dateline: Dateline
    outlet: str | None
    reporting_chain: tuple[ChainLink, ...]
    summary: tuple[SourcedText, ...]
    takeaways: tuple[SourcedText, ...]
    events: tuple[str, ...]
    actors: tuple[str, ...]
    tags: tuple[str, ...] = ()
    source_path: str = ""

    def chain_display(self) -> str:
        return " ← ".join(link.display() for link in self.reporting_chain)

    @property
    def summary_text(self) -> str:
        return "\n\n".join(paragraph.text for paragraph in self.summary)


@dataclass(frozen=True, slots=True)
class Library:
    """Everything one build produces: what the store holds."""

    briefs: dict[str, Brief]
    articles: dict[str, Article]
    people: dict[str, Person]
    factions: dict[str, Faction]
    events: dict[str, Event]
    mentions: tuple[Mention, ...]


T = TypeVar("T")


def to_dict(value: Any) -> Any:
    """A model object as plain JSON-able data (tuples become lists)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_dict(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_dict(item) for item in value]
    if isinstance(value, dict):
        return {key: to_dict(item) for key, item in value.items()}
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _convert(hint: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _convert(options[0], data) if len(options) == 1 else data
    if origin is tuple:
        (item_hint, *_rest) = typing.get_args(hint)
        return tuple(_convert(item_hint, item) for item in data)
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return [_convert(item_hint, item) for item in data]
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return from_dict(hint, data)
    return data


def from_dict(cls: type[T], data: dict[str, Any]) -> T:
    """Rebuild a model object from :func:`to_dict` output; unknown keys are ignored."""
    hints = _hints(cls)
    kwargs = {
        f.name: _convert(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)  # type: ignore[arg-type]
        if f.name in data
    }
    return cls(**kwargs)


__all__ = [
    "PRECISIONS",
    "SCHEMA_VERSION",
    "Article",
    "Background",
    "Brief",
    "ChainLink",
    "DateValue",
    "Dateline",
    "Event",
    "Faction",
    "Library",
    "Mention",
    "Paragraph",
    "Person",
    "Relation",
    "Role",
    "Sentence",
    "SourceRef",
    "SourcedText",
    "from_dict",
    "to_dict",
]
