"""What the reader's linked panes show for a selection: pure functions over the store, no Textual.

One :class:`Selection` drives every pane. ``actor`` is the person or faction the reader is following
(its mentions are highlighted everywhere and History narrows to its events); ``item`` is the
takeaway, summary paragraph, event or sentence whose support is shown in Source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Brief, Event, Mention, SourceRef
from .store import Store


def dateline_text(brief: Brief) -> str:
    """``New Delhi, December 10`` (as :func:`tui.export.dateline_text`, without importing the
    exporters on the reader's start-up path)."""
    parts = [
        brief.dateline.place or "",
        brief.dateline.date.display() if brief.dateline.date else "",
    ]
    return ", ".join(p for p in parts if p)


@dataclass(frozen=True, slots=True)
class Selection:
    """What the reader follows: the actor picked and the item whose source is shown."""

    actor: str | None = None
    item: str | None = None  # "summary:N", "takeaway:N", "event:ID" or "sentence:pN.sM"


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the browser-like history: a brief with its selection, or an entity."""

    kind: str  # "brief" | "entity"
    target: str
    selection: Selection = Selection()
    focus: str | None = None  # the focused pane or list
    cursor: int | None = None  # the highlighted line of a list


@dataclass(slots=True)
class BriefView:
    """One brief's data, gathered once when the reader opens it."""

    store: Store
    brief: Brief
    events: list[Event]
    mentions: list[Mention]
    by_field: dict[str, list[Mention]] = field(default_factory=dict)
    counts: dict[str, int] | None = None  # mentions per entity, counted on first use

    @classmethod
    def load(cls, store: Store, brief_id: str) -> BriefView:
        brief = store.brief(brief_id)
        if brief is None:
            raise KeyError(brief_id)
        mentions = store.mentions(brief_id)
        by_field: dict[str, list[Mention]] = {}
        for mention in mentions:
            by_field.setdefault(mention.field, []).append(mention)
        return cls(store, brief, store.events(brief_id), mentions, by_field)

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def summary_offsets(self) -> list[int]:
        """Where each summary paragraph starts in the joined summary text (mention offsets)."""
        offsets, offset = [], 0
        for paragraph in self.brief.summary:
            offsets.append(offset)
            offset += len(paragraph.text) + 2
        return offsets

    def spans(
        self, field_name: str, actor: str | None, start: int = 0, end: int | None = None
    ) -> list[tuple[int, int]]:
        """Mention spans of ``actor`` in a field, shifted so ``start`` is 0."""
        if actor is None:
            return []
        return [
            (m.start - start, m.end - start)
            for m in self.by_field.get(field_name, [])
            if m.entity == actor and m.start >= start and (end is None or m.end <= end)
        ]

    def sources(self, item: str | None) -> list[SourceRef]:
        """The article spans that support an item."""
        if not item:
            return []
        kind, _, key = item.partition(":")
        if kind == "takeaway" and key.isdigit() and int(key) < len(self.brief.takeaways):
            return list(self.brief.takeaways[int(key)].sources)
        if kind == "summary" and key.isdigit() and int(key) < len(self.brief.summary):
            return list(self.brief.summary[int(key)].sources)
        if kind == "event" and (event := self.event(key)):
            return list(event.sources)
        if kind == "sentence":
            article = self.store.article(self.brief.id)
            sentence = article.sentence(key) if article else None
            if sentence is not None:
                return [
                    SourceRef(
                        self.brief.id, key, sentence.start, sentence.end, sentence.text, (key,)
                    )
                ]
        return []

    def sentence_ids(self, item: str | None) -> set[str]:
        return {s for ref in self.sources(item) for s in (ref.sentences or (ref.sentence,))}

    def actors_of(self, item: str | None) -> set[str]:
        """People and factions an item involves: named in it, or in the sentences supporting it."""
        if not item:
            return set()
        kind, _, key = item.partition(":")
        found: set[str] = set()
        if kind == "event" and (event := self.event(key)):
            found.update(event.actors)
        elif kind == "summary" and key.isdigit():
            offsets = self.summary_offsets()
            number = int(key)
            if number < len(offsets):
                start = offsets[number]
                end = start + len(self.brief.summary[number].text)
                found.update(
                    m.entity for m in self.by_field.get("summary", []) if start <= m.start < end
                )
        elif kind == "takeaway":
            found.update(m.entity for m in self.by_field.get(f"takeaway:{key}", []))
        sentences = self.sentence_ids(item)
        found.update(m.entity for m in self.by_field.get("source", []) if m.sentence in sentences)
        return found

    def mention_count(self, actor: str) -> int:
        counts = self.counts
        if counts is None:
            counts = {}
            for mention in self.mentions:
                counts[mention.entity] = counts.get(mention.entity, 0) + 1
            self.counts = counts
        return counts.get(actor, 0)

    def events_of(self, actor: str | None) -> list[Event]:
        if actor is None:
            return self.events
        return [e for e in self.events if actor in e.actors]


def find_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Case-insensitive occurrences of ``query`` in ``text``."""
    if not query.strip():
        return []
    return [
        (m.start(), m.end()) for m in re.finditer(re.escape(query.strip()), text, re.IGNORECASE)
    ]


@dataclass(frozen=True, slots=True)
class CardLink:
    """A link on the Actors detail card: a person or faction it names, or a sentence it cites."""

    kind: str  # "entity" | "source"
    target: str  # entity id, or sentence id ("p11.s1")
    label: str  # what the card shows for it


def card_links(view: BriefView, actor: str | None) -> list[CardLink]:
    """The links of the selected actor's detail card, in the order the card shows them: each
    role's faction and cited sentences, each member, each relation's target and sentences.
    Sentences of other briefs are left out (this reader cannot show them). Hint numbers on the
    card follow this order."""
    store = view.store
    entity = store.entity(actor) if actor else None
    if entity is None:
        return []
    found: list[CardLink] = []

    def sources(refs: tuple[SourceRef, ...]) -> None:
        for ref in refs:
            if ref.brief == view.brief.id:
                for sentence in ref.sentences or (ref.sentence,):
                    found.append(CardLink("source", sentence, sentence))

    roles = getattr(entity, "roles", ())
    for role in roles:
        if role.faction:
            found.append(CardLink("entity", role.faction, store.name_of(role.faction)))
        sources(role.sources)
    if not roles and store.faction(entity.id) is not None:
        for member in store.members(entity.id):
            found.append(CardLink("entity", member, store.name_of(member)))
    for link in store.links(entity.id):
        found.append(CardLink("entity", link.target, store.name_of(link.target)))
        sources(link.relation.sources)
    return list(dict.fromkeys(found))
