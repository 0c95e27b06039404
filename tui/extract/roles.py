"""Roles and relations: titles, appositions, "led by", "who served as", kinship, status."""

from __future__ import annotations

import re

from .gazetteer import COUNTRIES, COUNTRY_ALIASES, ROLE_HEADS, TITLES
from .results import Organisation, Person
from .tokens import (
    _Mention,
)

_APPOSITION_BEFORE = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?P<owner>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,4}['’]s|[Ii]ts|[Tt]heir|"
    r"(?:[Tt]he\s+)?[a-z]+['’]s)\s+"
    r"(?P<role>(?:[a-z][\w\-]*\s+){0,3}?(?:"
    + "|".join(sorted(ROLE_HEADS, key=len, reverse=True))
    + r"))"
    r"\s*,\s+$"
)
_WHO_LEADS = re.compile(
    r",?\s+who\s+(?:now\s+|also\s+)?(?P<verb>commands|leads|heads|runs|chairs|directs|founded|co-founded)"
    r"\s+(?P<what>[^,;.]+)"
)
_LEAD_TITLES = {"commands": "Commander", "leads": "Leader", "heads": "Head", "runs": "Head",
                "chairs": "Chair", "directs": "Director", "founded": "Founder",
                "co-founded": "Co-founder"}  # fmt: skip


class RoleRules:
    def roles(self) -> None:
        org_names = sorted(self.orgs, key=len, reverse=True)
        for sentence_id, mentions in self.mentions.items():
            sentence = self.sentence_map.get(sentence_id)
            assert sentence is not None
            text = sentence.text
            for mention in mentions:
                if mention.kind != "person":
                    continue
                person = self.find_person(mention.name)
                if person is None:
                    continue
                self.status(person, text, mention, mentions)
                if person.role:
                    continue
                before, after = text[: mention.start], text[mention.end :]
                role, phrase, faction = None, None, None
                if mention.role_prefix:
                    role = mention.role_prefix
                    phrase = f"{role} {text[mention.start : mention.end]}"
                    faction = next(
                        (o for o in org_names if o in role.split() or role.startswith(o)), None
                    )
                else:
                    words = before.rstrip().split(" ")
                    taken: list[str] = []
                    while words and words[-1].lower() in TITLES and words[-1][:1].islower():
                        taken.insert(0, words.pop())
                    if taken and taken[-1].lower() in ROLE_HEADS:
                        role = " ".join(taken)
                        phrase = f"{role} {text[mention.start : mention.end]}"
                if role is None:
                    appositive = re.match(
                        r",\s+(?:a|an|the)\s+([^,;]+?)(?=,| and | who |;|\.|$| better known| also known| known as)",
                        after,
                    )
                    if appositive and any(
                        w.lower() in ROLE_HEADS for w in re.findall(r"[\w\-]+", appositive.group(1))
                    ):
                        role = appositive.group(1).strip()
                        phrase = text[mention.start : mention.end + appositive.end(1)]
                        faction = next((o for o in org_names if o in role), None)
                if role is None:
                    served = re.match(
                        r",?\s+(?:the\s+[\w\s]{1,40}?\s+)?who\s+(?:served|serves|was|is)\s+as\s+(?:a|an|the)?\s*([^,;.]+?)(?:\s+(?:in|of|during|for|under)\s+(?:the\s+)?(?:former\s+|initial\s+|first\s+)?([^,;.]+?))?(?=,| before| after| and |;|\.|$)",
                        after,
                    )
                    if served:
                        role = served.group(1).strip()
                        phrase = text[mention.start : mention.end + served.end()]
                        where = served.group(2) or ""
                        faction = next(
                            (
                                o
                                for o in org_names
                                if o in where
                                or where in self.orgs.get(o, Organisation("", "")).aliases
                            ),
                            None,
                        )
                if role is None:
                    member = re.search(
                        r"\b(?:includes?|including|included)\s+(?:figures|leaders|members|people|commanders|politicians)\s+(?:like|such as)\s+[^.;]*$",
                        before,
                    )
                    if member:
                        role = "Member"
                        phrase = text[member.start() : mention.end]
                        faction = self.subject_org(sentence_id, mentions, member.start())
                if role is None:
                    leds = list(
                        re.finditer(r"\b(led|headed|chaired|founded|commanded)\s+by\s+", before)
                    )
                    led = leds[-1] if leds else None
                    if led and not re.search(r"[.;:]|\band the\b", before[led.end() :]):
                        role = {
                            "led": "Leader",
                            "headed": "Head",
                            "chaired": "Chair",
                            "founded": "Founder",
                            "commanded": "Commander",
                        }[led.group(1)]
                        phrase = text[led.start() : mention.end]
                        preceding = [
                            m for m in mentions if m.kind == "org" and m.end <= led.start()
                        ]
                        faction = preceding[-1].name if preceding else None
                        faction = self.canonical_org(faction)
                if role is None:
                    # "Niger's foreign minister, Amadou Diallo"; "Its spokesman, …"
                    lead = _APPOSITION_BEFORE.search(before)
                    if lead:
                        role = lead.group("role")
                        phrase = text[lead.start() : mention.end]
                        faction = self.owner_org(lead.group("owner"), sentence_id)
                if role and faction is None:
                    of = re.match(r"\s+of\s+(?:the\s+)?", after)
                    if of:
                        rest = after[of.end() :]
                        faction = next((o for o in org_names if rest.startswith(o)), None)
                        if faction:
                            phrase = text[
                                mention.start
                                - (
                                    len(phrase or "") - len(text[mention.start : mention.end])
                                ) : mention.end + of.end() + len(faction)
                            ]
                if role:
                    person.role = role
                    person.role_phrase = phrase
                    person.faction = self.canonical_org(faction)
                son = re.match(
                    r",\s+(?:the\s+)?(son|daughter|brother|sister|father|mother)\s+of\s+", after
                )
                if son:
                    rest = after[son.end() :]
                    other = next((p for p in self.people if rest.startswith(p)), None)
                    if other:
                        kind = {
                            "son": "child-of",
                            "daughter": "child-of",
                            "father": "parent-of",
                            "mother": "parent-of",
                        }.get(son.group(1), "sibling-of")
                        person.relations.append(
                            (
                                kind,
                                other,
                                text[mention.start : mention.end + son.end() + len(other)],
                            )
                        )

    def leads_what(self) -> None:
        """ "General X, who commands the alliance's joint force": the faction of a person whose
        role names none yet."""
        for sentence_id, mentions in self.mentions.items():
            sentence = self.sentence_map.get(sentence_id)
            assert sentence is not None
            text = sentence.text
            for mention in mentions:
                person = self.find_person(mention.name) if mention.kind == "person" else None
                if person is None or person.faction:
                    continue
                clause = _WHO_LEADS.match(text[mention.end :])
                if not clause:
                    continue
                faction = self.org_in(clause.group("what"), sentence_id)
                if faction is None:
                    continue
                title = _LEAD_TITLES[clause.group("verb")]
                phrase = text[mention.start : mention.end + clause.end()]
                if person.role and mention.role_prefix and person.role == mention.role_prefix:
                    phrase = f"{person.role} {phrase}"  # "General X, who commands …"
                    person.role = f"{person.role}, {title.lower()}"
                elif not person.role:
                    person.role = title
                else:
                    continue
                person.role_phrase = phrase
                person.faction = faction

    def org_in(self, words: str, sentence_id: str) -> str | None:
        """The organisation a phrase names: by name or alias, or by a common noun that is a word
        of one organisation's name ("the alliance's" → "Alliance of Sahel States")."""
        for org in sorted(self.orgs.values(), key=lambda o: len(o.name), reverse=True):
            if any(re.search(rf"\b{re.escape(n)}\b", words) for n in [org.name, *org.aliases]):
                return org.name
        noun = re.match(r"(?:the\s+)?([a-z]+)(?:['’]s)?\b", words)
        if noun:
            named = [o.name for o in self.orgs.values() if noun.group(1).title() in o.name.split()]
            if len(named) == 1:
                return named[0]
        return None

    def owner_org(self, owner: str, sentence_id: str) -> str | None:
        """The organisation behind "Niger's", "the junta's", "Its": a state, an organisation named
        so, or (for "its" / "their") the one the previous sentence is about."""
        owner = re.sub(r"['’]s$", "", owner).strip()
        if owner.lower() in ("its", "their"):
            order = list(self.sentence_map)
            index = self.sentence_index[sentence_id]
            for earlier in reversed(order[max(0, index - 2) : index]):
                named = [m for m in self.mentions.get(earlier, []) if m.kind == "org"]
                if named:
                    return self.canonical_org(named[0].name)
            return None
        owner = re.sub(r"^(?:[Tt]he)\s+", "", owner)
        if not owner or owner.lower() == "the":
            return None
        if owner in self.orgs or self.canonical_org(owner) in self.orgs:
            return self.canonical_org(owner)
        country = COUNTRY_ALIASES.get(owner, owner)
        if country in COUNTRIES:
            self.add_org(country, "state", "")
            return country
        return self.org_in(owner.lower(), sentence_id)

    def status(
        self, person: Person, text: str, mention: _Mention, mentions: list[_Mention]
    ) -> None:
        """Deceased when the same clause says the person was killed or died."""
        after = text[mention.end : mention.end + 160]
        death = re.search(
            r"\b(?:was|were|been)\s+(?:assassinated|killed|executed|murdered)\b|\bdied\b", after
        )
        if death:
            cut = mention.end + death.start()
            if not any(o.kind == "person" and mention.end < o.start < cut for o in mentions):
                person.status = "deceased"
        if re.search(r"\bthe late\s+$", text[: mention.start]):
            person.status = "deceased"
