"""Grounding: what a claim names must be in the sentences it cites (DESIGN.md section 4).

A *claim* is a summary paragraph, a takeaway, a History item, a role, a relation, a founding date or
a paragraph of a person's or faction's description. Its text is cut into *parts* at its footnote
markers: a part runs from the previous marker (or the start) to the next group of markers, and is
supported by the sentences those footnotes cite. Every person and faction (by name or alias, longest
match first), place (the gazetteer plus every dateline place), date and number a part names must be
mentioned in those sentences; otherwise :func:`Grounder.check` returns a warning naming the missing
thing and the sentence ids. A part whose footnotes include a background mark
(``[^n]: background: …``) is the author's own knowledge, shown as such, and is not checked.

Pure functions over the model: no I/O, no Textual.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Article, Faction, Person, SourceRef
from .dates import MONTHS
from .errors import ContentError
from .mentions import MentionFinder

try:  # the gazetteer is moving to tui.extract (import helper); read it from wherever it lives
    from ..extract.gazetteer import COUNTRY_ALIASES, demonyms, place_names  # type: ignore
except ImportError:  # pragma: no cover - depends on the merge
    from .gazetteer import COUNTRY_ALIASES, demonyms, place_names

BACKGROUND_MARK = re.compile(r"^\s*background\s*:\s*", re.IGNORECASE)
BACKGROUND_HOWTO = "[^n]: background: what it is and where it comes from"


def background_note(footnote_text: str) -> str | None:
    """The note of a background footnote (``background: …``), or None for an ordinary one."""
    match = BACKGROUND_MARK.match(footnote_text)
    if match is None:
        return None
    return " ".join(footnote_text[match.end() :].split())


# -- the things a claim can name --------------------------------------------------------------
# Month names from the date grammar (dates.MONTHS: every spelling → its number).
_MONTHS_FULL = [
    max((name for name, n in MONTHS.items() if n == number), key=len).capitalize()
    for number in range(1, 13)
]
_MONTH_ABBR = {name.capitalize() for name in MONTHS} - set(_MONTHS_FULL)
_MONTH_NUMBER = MONTHS
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTH = r"(?:" + "|".join(sorted([*_MONTHS_FULL, *_MONTH_ABBR], key=len, reverse=True)) + r")\.?"
# "May" alone is the verb more often than the month: a bare month must not be May.
_BARE_MONTH = r"(?:" + "|".join(m for m in _MONTHS_FULL if m != "May") + r")"
_DATE = re.compile(
    rf"(?<![\w-])(?:"
    rf"(?P<md>(?P<md_m>{_MONTH})\s+(?P<md_d>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)(?:,?\s+(?P<md_y>\d{{4}}))?)"
    rf"|(?P<dm>(?P<dm_d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_m>{_MONTH})(?:,?\s+(?P<dm_y>\d{{4}}))?)"
    rf"|(?P<my>(?P<my_m>{_MONTH})\s+(?P<my_y>\d{{4}}))"
    rf"|(?P<span>(?P<span_a>\d{{4}})\s*[-–—/]\s*(?P<span_b>\d{{2}}|\d{{4}}))"
    rf"|(?P<year>(?:1[5-9]|20)\d{{2}}s?)"
    rf"|(?P<month>{_BARE_MONTH})"
    rf"|(?P<weekday>{'|'.join(_WEEKDAYS)})"
    rf")(?!\w)"
)
_NUMBER_WORDS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_NUMBER_WORDS.update(
    {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
)
_SCALES = {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
           "billion", "billions"}  # fmt: skip
# "one" is left out: "one of the groups" names no number anyone would check.
_CLAIM_NUMBER_WORDS = sorted(
    (set(_NUMBER_WORDS) - {"zero", "one"}) | _SCALES, key=len, reverse=True
)
_NUMBER = re.compile(
    r"(?<![\w.,])(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w])"
    r"|(?<![\w-])(?P<word>" + "|".join(_CLAIM_NUMBER_WORDS) + r")(?![\w-])",
    re.IGNORECASE,
)
_SOURCE_NUMBER = re.compile(
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"|(?<![\w])(?P<word>"
    + "|".join(sorted({*_NUMBER_WORDS, *_SCALES}, key=len, reverse=True))
    + r")(?!\w)",
    re.IGNORECASE,
)


def _number_key(match: re.Match[str]) -> str:
    if match.group("digits"):
        value = match.group("digits").replace(",", "")
        return value.rstrip("0").rstrip(".") if "." in value else str(int(value))
    word = match.group("word").lower()
    if word in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[word])
    return word.removesuffix("s")


def _month_pattern(name: str) -> str:
    number = _MONTH_NUMBER[name.rstrip(".").lower()]
    full = _MONTHS_FULL[number - 1]
    forms = [full, *(a for a in _MONTH_ABBR if full.startswith(a))]
    return r"(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")\.?"


def _year_pattern(year: str) -> str:
    return rf"(?<!\d){re.escape(year)}(?![\d])"


@dataclass(frozen=True)
class Thing:
    """Something a claim names: ``kind`` is person, faction, place, date or number."""

    kind: str
    text: str  # as the claim writes it
    patterns: tuple[re.Pattern[str], ...] = ()  # every one must match the cited sentences (dates)
    key: str = ""  # an entity id or a number's value


def date_things(text: str) -> Iterable[tuple[int, int, Thing]]:
    """The dates ``text`` names, each with the patterns the cited sentences must match."""
    for match in _DATE.finditer(text):
        patterns: list[str] = []
        if match.group("md") or match.group("dm"):
            kind = "md" if match.group("md") else "dm"
            month, day, year = (match.group(f"{kind}_{x}") for x in "mdy")
            m = _month_pattern(month)
            patterns.append(
                rf"(?:{m}\s+{int(day)}(?:st|nd|rd|th)?(?!\d)|(?<!\d){int(day)}(?:st|nd|rd|th)?\s+(?:of\s+)?{m})"
            )
            if year:
                patterns.append(_year_pattern(year))
        elif match.group("my"):
            patterns.append(rf"\b{_month_pattern(match.group('my_m'))}(?!\w)")
            patterns.append(_year_pattern(match.group("my_y")))
        elif match.group("span"):
            first, second = match.group("span_a"), match.group("span_b")
            full = first[:2] + second if len(second) == 2 else second
            short = full[2:]
            patterns.append(
                rf"(?<!\d){first}\s*(?:[-–—/]|\bto\b|\band\b|\buntil\b)\s*(?:{full}|{short})(?!\d)"
            )
        elif match.group("year"):
            patterns.append(_year_pattern(match.group("year")))
        elif match.group("month"):
            patterns.append(rf"\b{_month_pattern(match.group('month'))}(?!\w)")
        else:
            patterns.append(rf"\b{match.group('weekday')}\b")
        compiled = tuple(re.compile(p, re.IGNORECASE) for p in patterns)
        yield match.start(), match.end(), Thing("date", match.group(), compiled)


def vague_date_thing(text: str) -> Thing:
    """A date that is only words ("recently", "Currently", "the following week"): matched as written."""
    words = r"\s+".join(re.escape(w) for w in text.split())
    return Thing("date", text, (re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE),))


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# -- claims -----------------------------------------------------------------------------------
@dataclass
class Part:
    """A stretch of a claim's text and the footnotes that stand right after it."""

    text: str
    refs: tuple[SourceRef, ...] = ()
    background: bool = False
    has_footnote: bool = True  # False only for text after the last footnote
    start: int = 0  # offsets of the part in the claim's text
    end: int = 0
    labels: tuple[str, ...] = ()


@dataclass
class Claim:
    path: str
    line: int
    what: str  # "summary paragraph", "takeaway", "History item", "role", "relation", …
    parts: list[Part]
    # Named by the claim outside its text (the person a role belongs to, a relation's target, a
    # History item's date): checked against every sentence the claim cites.
    entities: tuple[str, ...] = ()
    dates: tuple[Thing, ...] = ()


def split_parts(
    text: str,
    markers: list[tuple[int, str]],
    refs_of: dict[str, SourceRef | None],
    background_labels: set[str],
) -> list[Part]:
    """Cut ``text`` at its footnote markers (``(offset, label)``, offsets into ``text``): each part
    is the text since the previous group of adjacent markers, with that group's sources."""
    parts: list[Part] = []
    start = 0
    group: list[str] = []
    group_end = 0
    for offset, label in sorted(markers, key=lambda m: m[0]):
        if group and text[group_end:offset].strip():
            parts.append(_part(text, start, group_end, group, refs_of, background_labels))
            start, group = group_end, []
        group.append(label)
        group_end = offset
    if group:
        parts.append(_part(text, start, group_end, group, refs_of, background_labels))
        start = group_end
    tail = text[start:]
    if re.search(r"\w", tail):
        parts.append(Part(tail, (), False, False, start, len(text)))
    return parts


def _part(
    text: str,
    start: int,
    end: int,
    labels: list[str],
    refs_of: dict[str, SourceRef | None],
    background: set[str],
) -> Part:
    refs = tuple(r for label in labels if (r := refs_of.get(label)) is not None)
    marked = any(label in background for label in labels)
    return Part(text[start:end], refs, marked, True, start, end, tuple(labels))


class Grounder:
    """Checks claims against the sentences they cite."""

    def __init__(
        self,
        people: dict[str, Person],
        factions: dict[str, Faction],
        articles: dict[str, Article],
        dateline_places: Iterable[str] = (),
    ) -> None:
        entities: list[Person | Faction] = [*people.values(), *factions.values()]
        pairs = [(entity.id, name) for entity in entities for name in entity.names]
        self.display = {entity.id: entity.name for entity in entities}
        self.kind = {
            **{p: "person" for p in people},
            **{f: "faction" for f in factions},
        }
        self.finder = MentionFinder(pairs)
        # In the cited sentences a name glued to a hyphen still counts: "anti-Taliban platform"
        # supports "opposes the Taliban". Longest match first, as everywhere.
        # A state is also mentioned by its demonym: "Iranian officials" mention Iran.
        adjectives = {country: d for d, country in demonyms().items()}
        taken = {name for _, name in pairs}
        extra = [
            (entity_id, adjectives[name])
            for entity_id, name in pairs
            if name in adjectives and adjectives[name] not in taken
        ]
        self.source_finder = _LenientFinder(pairs + extra)
        self.articles = articles
        entity_names = {name for _, name in pairs}
        places = (place_names() | {p for p in dateline_places if p}) - entity_names
        self.place_forms = _place_forms(places)
        alternation = "|".join(re.escape(p) for p in sorted(places, key=lambda p: (-len(p), p)))
        self.places = re.compile(rf"(?<![\w-])(?:{alternation})(?!\w)") if places else None

    # -- what the cited sentences say -------------------------------------------------------
    def sentences(self, refs: Iterable[SourceRef]) -> list[tuple[str, str]]:
        """(id, text) of every sentence the refs cite, in order, once each."""
        seen: dict[str, str] = {}
        for ref in refs:
            article = self.articles.get(ref.brief)
            if article is None:
                continue
            for sentence_id in ref.sentences or (ref.sentence,):
                sentence = article.sentence(sentence_id)
                if sentence is not None:
                    seen.setdefault(sentence_id, sentence.text)
        return list(seen.items())

    def names_in(self, text: str) -> list[tuple[int, int, Thing]]:
        found = [
            (h.start, h.end, Thing(self.kind[h.entity], h.text, key=h.entity))
            for h in self.finder.find(text)
        ]
        masked = _mask(text, ((s, e) for s, e, _ in found))
        for s, e, thing in date_things(masked):
            found.append((s, e, thing))
        masked = _mask(masked, ((s, e) for s, e, t in found if t.kind == "date"))
        if self.places is not None:
            for match in self.places.finditer(masked):
                found.append((match.start(), match.end(), Thing("place", match.group())))
            masked = _mask(masked, ((s, e) for s, e, t in found if t.kind == "place"))
        for match in _NUMBER.finditer(masked):
            found.append(
                (match.start(), match.end(), Thing("number", match.group(), key=_number_key(match)))
            )
        return sorted(found, key=lambda item: item[0])

    def _supported(self, thing: Thing, texts: list[str]) -> bool:
        if thing.kind in ("person", "faction"):
            return any(thing.key in self.source_finder.entities(t) for t in texts)
        if thing.kind == "date":
            return all(any(p.search(t) for t in texts) for p in thing.patterns)
        if thing.kind == "place":
            forms = self.place_forms.get(thing.text, {thing.text})
            return any(
                re.search(rf"(?<!\w){re.escape(form)}(?!\w)", t) for form in forms for t in texts
            )
        if thing.kind == "number":
            return any(
                _number_key(m) == thing.key for t in texts for m in _SOURCE_NUMBER.finditer(t)
            )
        return True

    def check(self, claim: Claim) -> list[ContentError]:
        warnings: list[ContentError] = []
        fix = (
            "cite a sentence that names it, reword the claim to what the article says, "
            f"or mark it as background ({BACKGROUND_HOWTO})"
        )

        def warn(thing: Thing, ids: list[str]) -> None:
            label = thing.text
            if self.display.get(thing.key, thing.text) != thing.text:
                label = f"{thing.text} ({self.display[thing.key]})"
            cited = ", ".join(ids) if ids else "none"
            warnings.append(
                ContentError(
                    claim.path,
                    claim.line,
                    f"warning: {claim.what} names {thing.kind} {label!r}, "
                    f"which the sentences it cites ({cited}) do not mention",
                    fix,
                )
            )

        all_refs: list[SourceRef] = []
        background = False
        for part in claim.parts:
            all_refs += part.refs
            background = background or part.background
            if not part.has_footnote:
                excerpt = " ".join(part.text.split())
                excerpt = excerpt if len(excerpt) <= 60 else excerpt[:57] + "…"
                warnings.append(
                    ContentError(
                        claim.path,
                        claim.line,
                        f"warning: {claim.what} ends with text no footnote covers: {excerpt!r}",
                        'put a footnote after it (`[^n]` and `[^n]: "verbatim quote"`) '
                        f"or mark it as background ({BACKGROUND_HOWTO})",
                    )
                )
                continue
            if part.background or not part.refs:
                continue
            cited = self.sentences(part.refs)
            texts = [t for _, t in cited]
            reported: set[tuple[str, str]] = set()
            for _, _, thing in self.names_in(part.text):
                ident = (thing.kind, thing.key or thing.text)
                if ident in reported:
                    continue
                if not self._supported(thing, texts):
                    reported.add(ident)
                    warn(thing, [i for i, _ in cited])
        if background or not all_refs:
            return warnings
        cited = self.sentences(all_refs)
        texts = [t for _, t in cited]
        extra = [
            Thing(self.kind[e], self.display[e], key=e) for e in claim.entities if e in self.kind
        ]
        for thing in [*extra, *claim.dates]:
            if not self._supported(thing, texts):
                warn(thing, [i for i, _ in cited])
        return warnings


class _LenientFinder:
    """Like :class:`MentionFinder`, longest name first, but a name after a hyphen counts."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.owner: dict[str, str] = {}
        for entity, name in pairs:
            for variant in {name, name.replace("'", "’"), name.replace("’", "'")}:
                self.owner.setdefault(variant, entity)
        alternation = "|".join(re.escape(n) for n in sorted(self.owner, key=lambda n: (-len(n), n)))
        self.pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)") if self.owner else None
        self._cache: dict[str, set[str]] = {}

    def entities(self, text: str) -> set[str]:
        if text not in self._cache:
            found = set()
            if self.pattern is not None:
                found = {self.owner[m.group()] for m in self.pattern.finditer(text)}
            self._cache[text] = found
        return self._cache[text]


def _place_forms(places: set[str]) -> dict[str, set[str]]:
    """Each place with the other ways an article may name it: aliases and the demonym
    ("Iran" is mentioned by "Iranian", "United States" by "US")."""
    forms: dict[str, set[str]] = {place: {place} for place in places}
    adjectives = demonyms()
    for demonym, country in adjectives.items():
        if country in forms:
            forms[country].add(demonym)
    for alias, country in COUNTRY_ALIASES.items():
        if country in forms:
            forms[country].add(alias)
        if alias in forms:
            forms[alias].add(country)
            if country in {c for c in adjectives.values()}:
                forms[alias] |= {d for d, c in adjectives.items() if c == country}
    return forms


def written_date(text: str) -> tuple[Thing, ...]:
    """The date a History item starts with, or a role's since/until: the date forms in it, or, for
    words only ("recently", "Currently"), the words themselves."""
    found = tuple(thing for _, _, thing in date_things(text))
    return found or (vague_date_thing(text),)
