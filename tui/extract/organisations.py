"""Organisations: cue words, acronyms and their expansions, variants merged."""

from __future__ import annotations

import re

from .gazetteer import (
    COUNTRIES,
    ORG_CUES,
    ORG_NOUNS,
)
from .results import Organisation
from .tokens import (
    _initials,
    _Mention,
    _Tok,
)


class OrganisationRules:
    def org_mention(self, run: list[_Tok], plain: str, start: int, end: int) -> _Mention:
        kind = "movement"
        for tok in reversed(run):
            if tok.low in ORG_CUES:
                kind = ORG_CUES[tok.low]
                break
        return _Mention("org", plain, start, end, org_kind=kind)

    # whole article ----------------------------------------------------------------------------
    def match_acronyms(self) -> None:
        """An acronym and its expansion are one organisation ("TPLF", "Tigray People's Liberation
        Front"); a "person" whose initials spell a known acronym is that organisation ("HTS")."""
        acronyms = [name for name in self.orgs if name.isupper() and 2 <= len(name) <= 8]
        for acronym in acronyms:
            for name in list(self.orgs) + list(self.people):
                if name == acronym or _initials(name) != acronym:
                    continue
                if name in self.people:
                    person = self.people.pop(name)
                    kind = self.orgs[acronym].kind
                    self.orgs.setdefault(
                        name, Organisation(name, kind, first_sentence=person.first_sentence)
                    )
                    for mentions in self.mentions.values():
                        for mention in mentions:
                            if mention.kind == "person" and mention.name == name:
                                mention.kind, mention.org_kind = "org", kind
                target = self.orgs[name]
                target.aliases.add(acronym)
                target.aliases |= self.orgs[acronym].aliases
                for mentions in self.mentions.values():
                    for mention in mentions:
                        if mention.kind == "org" and mention.name == acronym:
                            mention.name = name
                del self.orgs[acronym]
                break

    def add_org(self, name: str, kind: str, sentence: str) -> None:
        if name not in self.orgs:
            self.orgs[name] = Organisation(name, kind, first_sentence=sentence)

    def merge_orgs(self) -> None:
        """ "Mujahedin regime" and "Mujahedin government" are the Mujahedin; "Afghan International"
        is "Afghanistan International"."""
        names = list(self.orgs)
        for name in names:
            org = self.orgs.get(name)
            if org is None:
                continue
            words = name.split()
            base = None
            if len(words) == 2 and words[1] in ORG_NOUNS and words[0] in self.orgs:
                base = words[0]
            elif len(words) >= 2 and words[0] in self.demonyms:
                variant = " ".join([self.demonyms[words[0]], *words[1:]])
                # "Afghan International" → "Afghanistan International"
                country_words = [c for c, (_, d) in COUNTRIES.items() if d == words[0]]
                for country in country_words:
                    candidate = " ".join([country, *words[1:]])
                    if candidate in self.orgs:
                        base = candidate
                if base is None and variant in self.orgs:
                    base = variant
            if base is None and name + "s" in self.orgs:
                base = name + "s"  # "Sadrist" is the Sadrists
            if base is None and len(words) >= 2:
                # "National Consensus" is short for "National Consensus of Afghan Political …"
                longer = [o for o in self.orgs if o != name and o.startswith(name + " ")]
                if len(longer) == 1:
                    base = longer[0]
            if base and base != name:
                self.orgs[base].aliases.add(name)
                self.orgs[base].aliases |= org.aliases
                del self.orgs[name]

    # roles, relations, attribution --------------------------------------------------------------
    def subject_org(self, sentence_id: str, mentions: list[_Mention], before: int) -> str | None:
        """The organisation a sentence is about: one named before ``before``, or for "This Council"
        the latest organisation named so far whose name has that word."""
        named = [m for m in mentions if m.kind == "org" and m.end <= before]
        if named:
            return self.canonical_org(named[0].name)
        sentence = self.article.sentence(sentence_id)
        this = re.match(r"\s*(?:This|The|That)\s+([A-Z]\w+)", sentence.text if sentence else "")
        if not this:
            return None
        word = this.group(1)
        order = [s.id for s in self.article.sentences()]
        for earlier in reversed(order[: order.index(sentence_id) + 1]):
            for mention in reversed(self.mentions.get(earlier, [])):
                if mention.kind == "org" and word in mention.name.split():
                    return self.canonical_org(mention.name)
        return None

    def canonical_org(self, name: str | None) -> str | None:
        if name is None:
            return None
        if name in self.orgs:
            return name
        return next((o.name for o in self.orgs.values() if name in o.aliases), name)
