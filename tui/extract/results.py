"""What extraction returns: people, organisations, dated events and the article's structure."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Article


@dataclass
class Person:
    name: str
    role: str | None = None
    faction: str | None = None  # an organisation's name
    aliases: set[str] = field(default_factory=set)
    status: str = "unknown"
    role_phrase: str | None = None  # the words of the article that state the role
    first_sentence: str = ""
    relations: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (kind, other name, phrase)


@dataclass
class Organisation:
    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    first_sentence: str = ""


@dataclass
class FoundEvent:
    when: str
    precision: str
    what: str
    sentence: str  # the sentence id
    clause: str = ""  # the part of the sentence about this date (the sentence when it has one)


@dataclass
class Extraction:
    title: str
    place: str | None
    date: str | None
    outlet: str | None
    attribution: list[str]
    chain: list[tuple[str, str | None]]  # (name, role) outermost first
    people: list[Person]
    factions: list[Organisation]
    places: list[str]
    events: list[FoundEvent]
    takeaways: list[str]
    summary: str
    article: Article
    takeaways_from_article: bool = False

    def to_json(self) -> dict:
        return {
            "title": self.title,
            "dateline": {"place": self.place, "date": self.date},
            "outlet": self.outlet,
            "attribution": self.attribution,
            "people": [
                {
                    "name": p.name,
                    "role": p.role,
                    "faction": p.faction,
                    "aliases": sorted(p.aliases),
                    "status": p.status,
                }
                for p in self.people
            ],
            "factions": [
                {"name": f.name, "kind": f.kind, "aliases": sorted(f.aliases)}
                for f in self.factions
            ],
            "places": self.places,
            "events": [
                {
                    "when": e.when,
                    "precision": e.precision,
                    "what": e.what,
                    "clause": e.clause or e.what,
                    "sentence": e.sentence,
                }
                for e in self.events
            ],
            "takeaways": self.takeaways,
            "summary": self.summary,
        }
