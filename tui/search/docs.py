"""What gets indexed: the library turned into search documents (pure model in, plain data out)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import Brief, DateValue, Faction, Library, Mention, Person

# Kinds in the order they are preferred when scores tie, with the weight each kind's score gets.
KINDS = ("person", "faction", "brief", "takeaway", "event", "summary", "sentence")
KIND_WEIGHT = {
    "person": 1.6,
    "faction": 1.6,
    "brief": 1.3,
    "takeaway": 1.15,
    "event": 1.1,
    "summary": 1.0,
    "sentence": 0.85,
}
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


@dataclass(frozen=True, slots=True)
class SearchDoc:
    """One searchable thing and where it opens.

    ``key`` is unique in the index: a brief, person, faction or event id, or ``BRIEF#ITEM`` for a
    takeaway, summary paragraph or sentence. ``brief`` + ``item`` (``takeaway:2``, ``summary:0``,
    ``event:ID``, ``sentence:p3.s1``) say where a brief opens; people and factions open by ``key``.
    ``filters`` are ``(field, value)`` pairs the query's ``actor:``, ``faction:``, ``status:``,
    ``tag:``, ``year:`` and ``brief:`` match. ``group`` is the unit an incremental update replaces:
    ``b:BRIEF`` for everything a brief produced, ``e:ENTITY`` for a person or faction.
    """

    kind: str
    key: str
    title: str
    text: str
    group: str
    brief: str | None = None
    item: str | None = None
    names: tuple[str, ...] = ()
    filters: tuple[tuple[str, str], ...] = ()


def _years(date: DateValue | None) -> list[str]:
    if date is None:
        return []
    found = _YEAR.findall(date.resolved or "") or _YEAR.findall(date.sort_key[:4])
    years = sorted({int(y) for y in found if y != "0000"})
    if len(years) >= 2 and years[-1] - years[0] <= 50:
        return [str(y) for y in range(years[0], years[-1] + 1)]
    return [str(y) for y in years]


Cache = dict[str, frozenset[str]]


def _affiliation(library: Library, actor: str, cache: Cache) -> frozenset[str]:
    """Factions one actor is, belongs to (roles) or is part of."""
    found = cache.get(actor)
    if found is None:
        if actor in library.factions:
            found = frozenset({actor, *(r.target for r in library.factions[actor].part_of)})
        elif actor in library.people:
            found = frozenset(r.faction for r in library.people[actor].roles if r.faction)
        else:
            found = frozenset()
        cache[actor] = found
    return found


def _affiliations(library: Library, actors: Iterable[str], cache: Cache | None = None) -> set[str]:
    cache = {} if cache is None else cache
    found: set[str] = set()
    for actor in actors:
        found |= _affiliation(library, actor, cache)
    return found


def _actor_filters(
    library: Library, actors: Iterable[str], cache: Cache | None = None
) -> list[tuple[str, str]]:
    if not actors:
        return []
    actors = set(actors)
    return [("actor", a) for a in sorted(actors)] + [
        ("faction", f) for f in sorted(_affiliations(library, actors, cache))
    ]


def brief_documents(
    library: Library,
    brief: Brief,
    mentions: Iterable[Mention] | None = None,
    cache: Cache | None = None,
) -> Iterator[SearchDoc]:
    """The brief itself, each summary paragraph, takeaway and event, and each article sentence.
    ``mentions`` are the brief's mentions when the caller has them grouped already."""
    cache = {} if cache is None else cache
    group = f"b:{brief.id}"
    years = _years(brief.dateline.date)
    common = [("brief", brief.id), *(("tag", t.casefold()) for t in brief.tags)]
    common += [("year", y) for y in years]
    by_field: dict[str, set[str]] = {}
    by_sentence: dict[str, set[str]] = {}
    summary_mentions: list[tuple[int, str]] = []
    if mentions is None:
        mentions = (m for m in library.mentions if m.brief == brief.id)
    for mention in mentions:
        if mention.field == "source" and mention.sentence:
            by_sentence.setdefault(mention.sentence, set()).add(mention.entity)
        elif mention.field == "summary":
            summary_mentions.append((mention.start, mention.entity))
        else:
            by_field.setdefault(mention.field, set()).add(mention.entity)
    outlet = library.factions.get(brief.outlet or "")
    place = brief.dateline.place or ""
    head = " ".join(filter(None, [place, outlet.name if outlet else "", " ".join(brief.tags)]))
    yield SearchDoc(
        "brief",
        brief.id,
        brief.title,
        "\n".join(filter(None, [brief.summary_text, head])),
        group,
        brief.id,
        None,
        (),
        (("kind", "brief"), *common, *_actor_filters(library, brief.actors, cache)),
    )
    offset = 0
    for number, paragraph in enumerate(brief.summary):
        end = offset + len(paragraph.text)
        actors = {entity for start, entity in summary_mentions if offset <= start < end}
        offset = end + 2
        yield SearchDoc(
            "summary",
            f"{brief.id}#summary:{number}",
            brief.title,
            paragraph.text,
            group,
            brief.id,
            f"summary:{number}",
            (),
            (("kind", "summary"), *common, *_actor_filters(library, actors, cache)),
        )
    for number, takeaway in enumerate(brief.takeaways):
        actors = by_field.get(f"takeaway:{number}", set())
        yield SearchDoc(
            "takeaway",
            f"{brief.id}#takeaway:{number}",
            brief.title,
            takeaway.text,
            group,
            brief.id,
            f"takeaway:{number}",
            (),
            (("kind", "takeaway"), *common, *_actor_filters(library, actors, cache)),
        )
    for event_id in brief.events:
        event = library.events.get(event_id)
        if event is None:
            continue
        actors = set(event.actors) | by_field.get(f"event:{event.id}", set())
        event_years = _years(event.date) or years
        yield SearchDoc(
            "event",
            event.id,
            f"{event.date.text} — {event.title}",
            event.description,
            group,
            brief.id,
            f"event:{event.id}",
            (),
            (
                ("kind", "event"),
                ("brief", brief.id),
                *(("tag", t.casefold()) for t in brief.tags),
                *(("year", y) for y in event_years),
                *_actor_filters(library, actors, cache),
            ),
        )
    article = library.articles.get(brief.id)
    if article is not None:
        for sentence in article.sentences():
            actors = by_sentence.get(sentence.id, set())
            yield SearchDoc(
                "sentence",
                f"{brief.id}#sentence:{sentence.id}",
                brief.title,
                sentence.text,
                group,
                brief.id,
                f"sentence:{sentence.id}",
                (),
                (("kind", "sentence"), *common, *_actor_filters(library, actors, cache)),
            )


def person_document(library: Library, person: Person) -> SearchDoc:
    roles = []
    for role in person.roles:
        faction = library.factions.get(role.faction or "")
        roles.append(f"{role.title}, {faction.name}" if faction else role.title)
    text = "\n".join(filter(None, [", ".join(person.aliases), "; ".join(roles), person.bio.text]))
    filters = [("kind", "person"), ("status", person.status.casefold()), ("actor", person.id)]
    filters += [("faction", f) for f in sorted(_affiliations(library, [person.id]))]
    filters += [("brief", b) for b in person.briefs]
    return SearchDoc(
        "person", person.id, person.name, text, f"e:{person.id}", None, None, person.names,
        tuple(filters),
    )  # fmt: skip


def faction_document(library: Library, faction: Faction) -> SearchDoc:
    text = "\n".join(
        filter(
            None,
            [
                ", ".join(faction.aliases),
                f"{faction.kind}, {faction.stance}",
                faction.description.text,
            ],
        )
    )
    filters = [("kind", "faction"), ("actor", faction.id)]
    filters += [("faction", f) for f in sorted(_affiliations(library, [faction.id]))]
    filters += [("brief", b) for b in faction.briefs]
    return SearchDoc(
        "faction", faction.id, faction.name, text, f"e:{faction.id}", None, None, faction.names,
        tuple(filters),
    )  # fmt: skip


def documents(
    library: Library,
    briefs: Iterable[str] | None = None,
    entities: Iterable[str] | None = None,
) -> Iterator[SearchDoc]:
    """Search documents for the whole library, or (for an incremental update) only for the given
    brief ids and person/faction ids. Pure: reads the model, nothing else."""
    brief_ids = list(library.briefs) if briefs is None else list(briefs)
    wanted_briefs = set(brief_ids)
    grouped: dict[str, list[Mention]] = {b: [] for b in brief_ids}
    for mention in library.mentions:
        if mention.brief in wanted_briefs:
            grouped[mention.brief].append(mention)
    cache: Cache = {}
    for brief_id in brief_ids:
        brief = library.briefs.get(brief_id)
        if brief is not None:
            yield from brief_documents(library, brief, grouped[brief_id], cache)
    if entities is None:
        people, factions = list(library.people), list(library.factions)
    else:
        wanted = list(entities)
        people = [e for e in wanted if e in library.people]
        factions = [e for e in wanted if e in library.factions]
    for person_id in people:
        yield person_document(library, library.people[person_id])
    for faction_id in factions:
        yield faction_document(library, library.factions[faction_id])
