"""The extractor: every rule module's mixin, run in order over one article."""

from __future__ import annotations

from ..ingest.text import sanitize
from .attribution import AttributionRules
from .dates import DateRules
from .gazetteer import (
    COUNTRIES,
    demonyms,
    place_names,
)
from .names import NameRules
from .organisations import OrganisationRules
from .results import Extraction, Organisation, Person
from .roles import RoleRules
from .takeaways import TakeawayRules
from .tokens import (
    _Mention,
)


class _Extractor(
    TakeawayRules, DateRules, NameRules, OrganisationRules, RoleRules, AttributionRules
):
    def __init__(self, text: str) -> None:
        self.text = sanitize(text)
        self.places_set = place_names()
        self.demonyms = demonyms()
        self.capitals = {capital: country for country, (capital, _) in COUNTRIES.items()}
        self.people: dict[str, Person] = {}
        self.orgs: dict[str, Organisation] = {}
        # "(UNAMA)" → the name written just before it
        self.bracketed: dict[str, str] = {}
        # "Rwandan government" → "Rwanda"
        self.state_aliases: dict[str, str] = {}
        # 'Ismael "El Mayo" Zambada' → "El Mayo"
        self.nicknames: dict[str, str] = {}
        self.places: list[str] = []
        self.mentions: dict[str, list[_Mention]] = {}  # sentence id → mentions

    # structure ----------------------------------------------------------------------------------
    def run(self) -> Extraction:
        self.structure()
        self.dateline()
        self.names()
        self.roles()
        self.leads_what()
        self.attribution()
        takeaways, from_article = self.takeaways()
        people = list(self.people.values())
        return Extraction(
            title=self.title,
            place=self.place,
            date=self.date,
            outlet=self.outlet,
            attribution=self.sources,
            chain=self.chain,
            people=people,
            factions=list(self.orgs.values()),
            places=self.places,
            events=self.events(),
            takeaways=takeaways,
            summary=self.summary(),
            article=self.article,
            takeaways_from_article=from_article,
        )


def extract(text: str) -> Extraction:
    """Everything the rules find in an article's text."""
    return _Extractor(text).run()
