"""Raw article → what a brief needs, by deterministic rules (no model, no network).

The rules, in the order they run:

1. structure: headline (first line), "Synopsis" / "Key Takeaways" sections and their lists, body;
2. dateline: ``New Delhi, December 10 (NationPress)`` or ``KABUL (Reuters) -``;
3. names: runs of capitalised words (with name particles such as *bin*, *al-*, *de*, *von*), split
   at titles ("Foreign Minister Amir Khan Muttaqi") and sorted into places (built-in gazetteer),
   organisations (cue words, known names and acronyms, "X government", outlets by context) and
   people (what is left, if it looks like a name); a lone surname of a known person is an alias;
4. roles and relations: "spokesperson X of Y", "X, a Taliban Minister of …", "led by X",
   "headed by X, Y", "X, who served as …", "X, son of Y";
5. attribution: "X cited Y", "according to X", "X reported", "X said";
6. dates: years, spans, months, days, weekdays and time markers, each kept as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Article
from .article import MAX_ARTICLE_BYTES, split_article
from .dates import RELATIVE_DAYS, VAGUE, DateError, parse_date
from .gazetteer import (
    COMMON,
    CONNECTORS,
    COUNTRIES,
    COUNTRY_ALIASES,
    FORMER_STATES,
    HONORIFICS,
    KNOWN_ORGS,
    MONTH_NAMES,
    ORG_CUES,
    ORG_NOUNS,
    PARTICLES,
    PERSON_VERBS,
    PLACE_HEADS,
    PLACE_NOUNS,
    ROLE_HEADS,
    TITLES,
    WEEKDAY_NAMES,
    demonyms,
    place_names,
)
from .text import sanitize

# Words that open sentences; stripped from the front of an organisation's name.
STARTERS = {
    "the", "a", "an", "this", "that", "these", "those", "other", "also", "however", "notably",
    "meanwhile", "and", "but", "currently", "according", "among", "members", "representatives",
    "previous", "several", "many", "some", "both", "while", "after", "before", "as", "in", "on",
    "at", "by", "for", "from", "with", "under", "since", "when", "if", "its", "their", "his", "her",
}  # fmt: skip


class ArticleError(Exception):
    """An article that cannot be imported; the message names the file and the reason."""


def read_article(path: Path) -> str:
    """The article's text, or :class:`ArticleError` for input that is not a readable UTF-8 article."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file — check the path") from None
    except IsADirectoryError:
        raise ArticleError(f"{path} is a directory — give the article's file") from None
    except OSError as error:
        raise ArticleError(f"{path}: cannot read it ({error.strerror})") from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise ArticleError(
            f"{path} is {len(raw):,} bytes, over the 5 MB limit for an article — trim it"
        )
    if b"\x00" in raw:
        raise ArticleError(
            f"{path} looks binary (it contains NUL bytes) — give a plain-text or Markdown article"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ArticleError(
            f"{path} is not UTF-8 (invalid byte at offset {error.start}) — convert it to UTF-8"
        ) from None
    if not text.strip():
        raise ArticleError(f"{path} is empty — give an article with a headline and a body")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t")
    if controls > max(16, len(text) // 100):
        raise ArticleError(
            f"{path} looks binary ({controls} control characters) — give a plain-text article"
        )
    return text


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
                {"when": e.when, "precision": e.precision, "what": e.what, "sentence": e.sentence}
                for e in self.events
            ],
            "takeaways": self.takeaways,
            "summary": self.summary,
        }


# -- structure ------------------------------------------------------------------------------------
_HEADING = re.compile(
    r"^\s*#{0,6}\s*\**(synopsis|summary|key takeaways|takeaways|key points|highlights|in brief|at a glance)\**\s*:?\s*$",
    re.I,
)
_TAKEAWAY_HEADINGS = {
    "key takeaways",
    "takeaways",
    "key points",
    "highlights",
    "at a glance",
    "in brief",
}
_LIST = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DATELINES = [
    # New Delhi, December 10 (NationPress)   /   Kabul, Dec. 3, 2025 (Reuters) -
    re.compile(
        rf"^(?P<place>[A-Z][\w'’.\- ]{{1,40}}?),\s+(?P<date>{_MONTH_RE}\s+\d{{1,2}}(?:,\s*\d{{4}})?)\s*\((?P<outlet>[^)]{{2,40}})\)\s*[-–—:]?\s*"
    ),
    # KABUL (Reuters) -   /   BOGOTA, March 3 (AP) —
    re.compile(
        rf"^(?P<place>[A-Z][A-Z'’.\- ]{{1,40}}?)(?:,\s+(?P<date>{_MONTH_RE}\s+\d{{1,2}}(?:,\s*\d{{4}})?))?\s*\((?P<outlet>[^)]{{2,40}})\)\s*[-–—:]\s*"
    ),
    # BRUSSELS —   /   Baghdad —   (no date: an en or em dash after a short place name)
    re.compile(r"^(?P<place>[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){0,2})\s+[—–]\s+"),
    # SEOUL, March 3 —   /   Geneva, 4 June 2024 -
    re.compile(
        rf"^(?P<place>[A-Z][\w'’.\- ]{{1,40}}?),\s+(?P<date>(?:{_MONTH_RE}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_RE})(?:,?\s*\d{{4}})?)\s*[-–—:]\s*"
    ),
]


def _title(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return re.sub(r"^\s*#+\s*", "", line).strip().strip("*").strip()
    return ""


# -- names ----------------------------------------------------------------------------------------
_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_][\w'’\-]*|\d[\w\-–/]*|[^\w\s]")
_HYPHEN_NAME = re.compile(r"^(?:al|el|ad|as|ash|at|an|ar|az|bin|ibn|abu)-[A-Z]")


@dataclass
class _Tok:
    text: str
    start: int
    end: int

    @property
    def bare(self) -> str:
        """Without a possessive 's."""
        return re.sub(r"['’]s$", "", self.text)

    @property
    def low(self) -> str:
        return self.bare.lower()

    @property
    def capital(self) -> bool:
        t = self.text
        if _HYPHEN_NAME.match(t):
            return True
        return t[:1].isupper() and t.lower().rstrip(".") not in MONTH_NAMES | WEEKDAY_NAMES


def _tokens(sentence: str) -> list[_Tok]:
    return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]


def _runs(tokens: list[_Tok]) -> list[list[_Tok]]:
    """Maximal runs of capitalised tokens, allowing particles and connectors between them."""
    runs: list[list[_Tok]] = []
    current: list[_Tok] = []
    for index, tok in enumerate(tokens):
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        joiner = (
            tok.low in PARTICLES | CONNECTORS
            and current
            and nxt is not None
            and (nxt.capital or nxt.low in PARTICLES | CONNECTORS)
        )
        if tok.capital or joiner:
            current.append(tok)
            # a possessive ends the name, unless an organisation's name goes on ("General's Office",
            # "Tigray People's Liberation Front")
            if tok.text != tok.bare and not _org_continues(tokens, index + 1, current):
                runs.append(current)
                current = []
        else:
            if current:
                runs.append(current)
            current = []
    if current:
        runs.append(current)
    cleaned = []
    for run in runs:
        while run and not run[-1].capital:
            run = run[:-1]
        if run:
            cleaned.append(run)
    return cleaned


def _org_continues(tokens: list[_Tok], index: int, so_far: list[_Tok]) -> bool:
    """After a possessive, do the capitalised words from ``index`` on reach an organisation cue
    word, so that the possessive is inside one name ("People's" in "Tigray People's Liberation
    Front")? Not when what came before is a place or an organisation of its own ("South Korea's
    National Assembly", "the Church's Episcopal Conference")."""
    owner = " ".join(t.bare for t in so_far)
    if owner in _PLACES or owner in KNOWN_ORGS or any(t.low in ORG_CUES for t in so_far):
        return False
    while index < len(tokens) and tokens[index].capital:
        if tokens[index].low in ORG_CUES:
            return True
        index += 1
    return False


def _is_orgish(run: list[_Tok]) -> bool:
    """Has an organisation cue word, is a known organisation, or is glued to one ("Tehreek-e-Taliban")."""
    if _text_plain(run) in KNOWN_ORGS:
        return True
    for tok in run:
        parts = tok.bare.split("-")
        if tok.low in ORG_CUES or any(p.lower() in ORG_CUES for p in parts[1:]):
            return True
        if (
            len(parts) > 1
            and parts[0].lower() not in PARTICLES
            and any(p in KNOWN_ORGS for p in parts)
        ):
            return True
    return False


def _text_plain(run: list[_Tok]) -> str:
    return " ".join([*(t.text for t in run[:-1]), run[-1].bare]) if run else ""


_PLACES = place_names()
_ORG_NOUN = re.compile(r"\s+(" + "|".join(ORG_NOUNS) + r")\b")


def _split_and(run: list[_Tok]) -> list[list[_Tok]]:
    """A run cut at each lowercase "and" (with a following "the"): the candidate halves."""
    halves, current = [], []
    index = 0
    while index < len(run):
        tok = run[index]
        if tok.low == "and" and not tok.capital:
            halves.append(current)
            current = []
            if index + 1 < len(run) and run[index + 1].low == "the" and not run[index + 1].capital:
                index += 1
        else:
            current.append(tok)
        index += 1
    halves.append(current)
    return [h for h in halves if h]


def _initials(name: str) -> str:
    """ "Tigray People's Liberation Front" → "TPLF"; "Hayat Tahrir al-Sham" → "HTS"."""
    letters = []
    for word in name.replace("-", " - ").split():
        if word == "-" or word.lower() in CONNECTORS | PARTICLES:
            continue
        letters.append(word[0].upper())
    return "".join(letters)


def _split_connectors(run: list[_Tok]) -> list[list[_Tok]]:
    parts, current = [], []
    for tok in run:
        if tok.low in CONNECTORS and not tok.capital:
            if current:
                parts.append(current)
            current = []
        else:
            current.append(tok)
    if current:
        parts.append(current)
    return parts


@dataclass
class _Mention:
    kind: str  # person | org | place | single
    name: str
    start: int
    end: int
    role_prefix: str | None = None
    org_kind: str | None = None


class _Extractor:
    def __init__(self, text: str) -> None:
        self.text = sanitize(text)
        self.places_set = place_names()
        self.demonyms = demonyms()
        self.capitals = {capital: country for country, (capital, _) in COUNTRIES.items()}
        self.people: dict[str, Person] = {}
        self.orgs: dict[str, Organisation] = {}
        self.places: list[str] = []
        self.mentions: dict[str, list[_Mention]] = {}  # sentence id → mentions

    # structure ----------------------------------------------------------------------------------
    def structure(self) -> None:
        self.article = split_article("import", "article", self.text)
        self.title = _title(self.text)
        self.heading_ids: set[str] = set()
        self.takeaway_ids: list[str] = []
        in_takeaways = False
        paragraphs = list(self.article.paragraphs)
        self.title_id = paragraphs[0].id if paragraphs else ""
        for paragraph in paragraphs:
            text = self.text[paragraph.start : paragraph.end]
            heading = _HEADING.match(text)
            if heading:
                self.heading_ids.add(paragraph.id)
                in_takeaways = heading.group(1).lower() in _TAKEAWAY_HEADINGS
                continue
            if text.lstrip().startswith("#"):
                self.heading_ids.add(paragraph.id)
                in_takeaways = False
                continue
            if in_takeaways and _LIST.match(text):
                self.takeaway_ids.append(paragraph.id)
                continue
            in_takeaways = False
        self.body = [
            s
            for p in paragraphs[1:]
            if p.id not in self.heading_ids and p.id not in self.takeaway_ids
            for s in p.sentences
        ]

    def dateline(self) -> None:
        self.place = self.date = self.outlet = None
        self.dateline_end = 0
        first = self.body[0] if self.body else None
        if first is None:
            return
        for pattern in _DATELINES:
            match = pattern.match(first.text)
            if match:
                place = match.group("place").strip()
                self.place = place.title() if place.isupper() else place
                self.date = match.groupdict().get("date")
                outlet = match.groupdict().get("outlet")
                self.outlet = outlet.strip() if outlet else None
                self.dateline_end = match.end()
                return

    # names ------------------------------------------------------------------------------------
    def classify(self, sentence_id: str, sentence: str) -> list[_Mention]:
        found: list[_Mention] = []
        tokens = _tokens(sentence)
        # acronyms glued to a hyphen: "UN-supervised"
        for tok in tokens:
            head = tok.text.split("-")[0]
            if "-" in tok.text and head in KNOWN_ORGS:
                found.append(
                    _Mention(
                        "org", head, tok.start, tok.start + len(head), org_kind=KNOWN_ORGS[head]
                    )
                )
        for run in _runs(tokens):
            found.extend(self.classify_whole_run(sentence, run, tokens))
        return found

    def classify_whole_run(
        self, sentence: str, run: list[_Tok], tokens: list[_Tok]
    ) -> list[_Mention]:
        """An organisation's name keeps its connectors ("Movement for Peace and Justice"); a run
        that only ends in one ("Abdullah Qarluq of the National … Council") is split first, and
        two organisations joined by "and" ("Arakan Army and the Ta'ang … Army") are two."""
        after = sentence[run[-1].end :]
        noun = _ORG_NOUN.match(after)
        if (
            noun
            and len(run) > 1
            and not _is_orgish(run)
            and any(t.low in CONNECTORS and not t.capital for t in run)
        ):
            name = f"{_text_plain(run)} {noun.group(1)}"  # "State of Law coalition"
            return [
                _Mention(
                    "org",
                    name,
                    run[0].start,
                    run[-1].end + noun.end(),
                    org_kind=ORG_NOUNS[noun.group(1)],
                )
            ]
        if not _is_orgish(run):
            return [
                m
                for piece in _split_connectors(run)
                for m in self.classify_run(sentence, piece, tokens)
            ]
        halves = _split_and(run)
        if len(halves) > 1 and all(_is_orgish(h) for h in halves):
            return [m for half in halves for m in self.classify_whole_run(sentence, half, tokens)]
        parts = _split_connectors(run)
        first_cue = next((i for i, part in enumerate(parts) if _is_orgish(part)), 0)
        if first_cue == 0:
            return self.classify_run(sentence, run, tokens, org=True)
        org_run = run[run.index(parts[first_cue][0]) :]
        mentions = [
            m for part in parts[:first_cue] for m in self.classify_run(sentence, part, tokens)
        ]
        return mentions + self.classify_run(sentence, org_run, tokens, org=True)

    def classify_run(
        self, sentence: str, run: list[_Tok], tokens: list[_Tok], org: bool = False
    ) -> list[_Mention]:
        # leading words that start sentences: "The", "Notably", "Also", "Members"; an organisation
        # keeps its adjectives ("National Assembly"), a name does not ("New" is kept for places)
        strip = STARTERS if org else COMMON
        while len(run) > 1 and re.search(
            r"-(?:led|backed|based|aligned|allied|linked|controlled|run)$", run[0].bare
        ):
            run = run[1:]  # "Kurdish-led Syrian Democratic Forces"
        while (
            run
            and run[0].low in strip
            and not self.is_place(_text_plain(run))
            and _text_plain(run) not in KNOWN_ORGS
            # a title before a name stays for the role: "President Joe Biden", "Prime Minister …"
            and not (len(run) > 1 and run[0].low.rstrip(".") in TITLES | HONORIFICS)
        ):
            run = run[1:]
        while run and not run[-1].capital:
            run = run[:-1]
        if not run:
            return []
        plain = _text_plain(run)
        start, end = run[0].start, run[-1].end
        after = sentence[end:]
        before = sentence[:start]
        # "formally called Ansar Allah", "widely known as Hemedti": another name for what came before
        if re.search(
            r"\b(?:formally|officially|also|widely|better|locally|once|previously|formerly)\s+(?:called|named|known\s+(?:as|by\s+(?:the\s+)?(?:name|nom de guerre|alias|title)))\s+$",
            before,
        ):
            return [_Mention("alias", plain, start, end)]
        # "X government", "X regime", "X forces"
        noun = _ORG_NOUN.match(after)
        if noun and not _is_orgish(run) and not self.is_place(plain):
            kind = ORG_NOUNS[noun.group(1)]
            if plain in KNOWN_ORGS:
                return [_Mention("org", plain, start, end, org_kind=KNOWN_ORGS[plain])]
            if plain in self.demonyms:
                return [_Mention("org", self.demonyms[plain], start, end, org_kind="state")]
            mentions = [
                _Mention("org", f"{plain} {noun.group(1)}", start, end + noun.end(), org_kind=kind)
            ]
            if (
                len(run) <= 3
                and all(t.low not in COMMON | TITLES for t in run)
                and noun.group(1) in ("government", "regime", "administration")
            ):
                mentions.append(
                    _Mention("person", plain, start, end)
                )  # "the Najibullah government"
            return mentions
        if plain in self.demonyms:
            if re.match(
                r"\s+(withdrawal|invasion|occupation|forces|troops|army|government|officials|era|regime|military|intelligence|embassy)\b",
                after,
            ):
                return [_Mention("org", self.demonyms[plain], start, end, org_kind="state")]
            return []
        if self.is_place(plain):
            return self.place_mention(plain, start, end, before, after)
        if run[-1].low in PLACE_HEADS or re.match(
            r"\s+(?:" + "|".join(PLACE_NOUNS) + r")\b", after
        ):
            return [
                _Mention("place", plain, start, end)
            ]  # "Green Zone", "the Bab al-Mandab strait"
        if plain in KNOWN_ORGS:
            return [_Mention("org", plain, start, end, org_kind=KNOWN_ORGS[plain])]
        if re.match(
            r"\s+(?:news outlet|news agency|newspaper|broadcaster|channel|has reported|reported)\b",
            after,
        ):
            return [_Mention("org", plain, start, end, org_kind="outlet")]
        if re.search(
            r"\b(?:companies|firms|groups|organi[sz]ations|agencies|outlets|militias|parties|banks)\s+(?:such as|like|including)\s+$",
            before,
        ) or re.search(
            r"\b(?:coalition|group|alliance|movement|militia|gang|party|organi[sz]ation|faction|network|newspaper|agency|company|bloc)\s*,\s+(?:the\s+)?$",
            before,
        ):
            return [_Mention("org", plain, start, end, org_kind="movement")]
        if _is_orgish(run):
            if len(run) == 1:
                known = [p for p in run[0].bare.split("-") if p in KNOWN_ORGS]
                if known and run[0].bare.startswith(known[0] + "-"):
                    return []  # "Hamas-led": the organisation is taken from the token itself
                if not known:
                    return []  # "Council", "Government" alone name nothing ("This Council" is resolved later)
            return [self.org_mention(run, plain, start, end)]
        if len(run) == 1 and run[0].bare.isupper() and 2 <= len(run[0].bare) <= 8:
            return [_Mention("org", plain, start, end, org_kind="movement")]  # an acronym: MINUSMA
        if len(run) == 1 and re.match(
            r"\s+(?:chief|director|head|spokesman|spokeswoman|spokesperson|official|officials|commander)\b",
            after,
        ):
            return [
                _Mention("org", plain, start, end, org_kind="movement")
            ]  # "Mossad chief David Barnea"
        if len(run) == 1 and re.fullmatch(r"[A-Z][a-z]+ists", run[0].bare):
            return [_Mention("org", plain, start, end, org_kind="movement")]  # "the Sadrists"
        # titles before a name: "Taliban Foreign Minister Amir Khan Muttaqi", "President Joe Biden"
        heads = [i for i, t in enumerate(run[:-1]) if t.low.rstrip(".") in ROLE_HEADS | HONORIFICS]
        if heads:
            cut = heads[-1] + 1
            role_run, name_run = run[:cut], run[cut:]
            mentions = self.classify_run(sentence, name_run, tokens)
            for mention in mentions:
                if mention.kind in ("person", "single"):
                    # a lone titled name ("President Yoon") may be a known person's: decided later
                    mention.role_prefix = _text_plain(role_run)
            for tok in role_run:
                if tok.bare in KNOWN_ORGS or (tok.bare.isupper() and 2 <= len(tok.bare) <= 8):
                    kind = KNOWN_ORGS.get(tok.bare, "movement")
                    mentions.append(
                        _Mention(
                            "org", tok.bare, tok.start, tok.start + len(tok.bare), org_kind=kind
                        )
                    )
            return mentions
        if not self.looks_like_name(run):
            return []
        if len(run) == 1:
            return [_Mention("single", plain, start, end)]
        return [_Mention("person", plain, start, end)]

    @staticmethod
    def looks_like_name(run: list[_Tok]) -> bool:
        """No title, cue or common word at either end, and at most one inside ("Mohammed Shia al-Sudani")."""

        def bad(tok: _Tok) -> bool:
            return tok.capital and tok.low in COMMON | TITLES | ORG_CUES.keys()

        if bad(run[0]) or bad(run[-1]):
            return False
        return sum(1 for tok in run[1:-1] if bad(tok)) <= 1

    def is_place(self, text: str) -> bool:
        text = text.removeprefix("the ").removeprefix("The ")
        return text in self.places_set or (text.isupper() and text.title() in self.places_set)

    def place_mention(
        self, plain: str, start: int, end: int, before: str, after: str
    ) -> list[_Mention]:
        """A place; a country also acts as a state when it does something, has something done to
        it, or stands in a list with one that does ("Qatar, Egypt and the United States resumed")."""
        name = plain.removeprefix("The ").removeprefix("the ")
        if name.isupper() and name.title() in self.places_set:
            name = name.title()  # "BRUSSELS"
        country = COUNTRY_ALIASES.get(name, name)
        mentions = [_Mention("place", name, start, end)]
        state = (
            country if country in COUNTRIES or country in FORMER_STATES else self.capitals.get(name)
        )
        if state is None:
            return mentions
        verb = r"(?:\s+(?:(?:also|has|have|had|will|would|did|does|not)\s+)?(?:is|are|was|were|has|have|had|said|says|will|would|wants|seeks|sent|backed|accused|announced|denied|called|urged|warned|began|begin|must|should|could|can|[a-z]+ed)\b)"
        listed = r"(?:\s*,\s*(?:and\s+)?(?:the\s+)?[A-Z][\w'’\- ]{1,30}?)*\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*"
        located = re.search(
            r"\b(?:in|within|across|to|into|inside|throughout|near|around|over|at|from|of)\s+(?:the\s+)?$",
            before,
        )
        clause = re.match(
            r",\s+(?:whose|which|under|led by|backed by)\b[^,.;]{0,80}?(?:,\s+[a-z]+|\s+[a-z]+ed\b)",
            after,
        )
        acting = not located and (re.match(verb, after) or re.match(listed + verb, after) or clause)
        acted_on = re.search(
            r"(?i:request of|pressure from|backed by|mediated by|brokered by|hosted by|talks with|sanctions on|accused|by|governments? of|negotiators from|delegations? from|officials from|troops from|envoys? from)\s+(?:the\s+)?$",
            before,
        ) or re.search(
            r"(?i:governments? of|negotiators from|delegations? from|hosted by)\s+(?:the\s+)?[A-Z][\w'’\- ]*?(?:,\s+(?:the\s+)?[A-Z][\w'’\- ]*?)*,?\s+(?:and|or)\s+(?:the\s+)?$",
            before,
        )
        in_list_before = re.search(
            r"(?:^|[.;:]\s*)(?:the\s+)?[A-Z][\w'’\- ]{1,30}?(?:,\s+(?:the\s+)?[A-Z][\w'’\- ]{1,30}?)*,?\s+(?:and|or)\s+(?:the\s+)?$",
            before,
        )
        list_verb = in_list_before and re.match(verb, after)
        if acting or acted_on or list_verb:
            mentions.append(_Mention("org", state, start, end, org_kind="state"))
        return mentions

    def org_mention(self, run: list[_Tok], plain: str, start: int, end: int) -> _Mention:
        kind = "movement"
        for tok in reversed(run):
            if tok.low in ORG_CUES:
                kind = ORG_CUES[tok.low]
                break
        return _Mention("org", plain, start, end, org_kind=kind)

    # whole article ----------------------------------------------------------------------------
    def names(self) -> None:
        sentences = [
            s for p in self.article.paragraphs if p.id not in self.heading_ids for s in p.sentences
        ]
        singles: list[tuple[str, _Mention, str]] = []
        for sentence in sentences:
            text = sentence.text
            offset = 0
            if self.body and sentence.id == self.body[0].id and self.dateline_end:
                offset = self.dateline_end  # the dateline's place and outlet are handled apart
            mentions = [m for m in self.classify(sentence.id, text) if m.start >= offset]
            self.mentions[sentence.id] = mentions
            for mention in mentions:
                if mention.kind == "person":
                    self.add_person(mention.name, text)
                elif mention.kind == "org":
                    self.add_org(mention.name, mention.org_kind or "movement", text)
                elif mention.kind == "place" and mention.name not in self.places:
                    self.places.append(mention.name)
                elif mention.kind == "single":
                    singles.append((sentence.id, mention, text))
                elif mention.kind == "alias":
                    self.attach_alias(mention, mentions)
        if self.place and self.place not in self.places:
            self.places.insert(0, self.place)
        if self.outlet:
            self.add_org(self.outlet, "outlet", self.body[0].text if self.body else "")
            self.orgs[self.outlet].kind = "outlet"
        for sentence_id, mention, text in singles:
            self.single(sentence_id, mention, text)
        self.match_acronyms()
        self.merge_orgs()

    def attach_alias(self, alias: _Mention, mentions: list[_Mention]) -> None:
        """ "… Ahmed al-Sharaa, once known as Abu Mohammed al-Jolani": a name for what came just before."""
        earlier = [m for m in mentions if m.end <= alias.start and m.kind in ("person", "org")]
        if not earlier:
            return
        target = earlier[-1]
        if target.kind == "person" and (person := self.find_person(target.name)):
            person.aliases.add(alias.name)
        elif target.kind == "org" and (name := self.canonical_org(target.name)) in self.orgs:
            self.orgs[name].aliases.add(alias.name)

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

    def single(self, sentence_id: str, mention: _Mention, text: str) -> None:
        """A lone capitalised word: a known person's surname, or a person by context."""
        name = mention.name
        owners = [
            p
            for p in self.people.values()
            if name in p.aliases
            or name in [w for w in p.name.split() if w.lower() not in PARTICLES]
        ]
        if len(owners) == 1:
            owners[0].aliases.add(name)
            mention.kind, mention.name = "person", owners[0].name
            return
        before, after = text[: mention.start], text[mention.end :]
        if (
            mention.role_prefix
            or re.match(rf"\s*,?\s+(?:{'|'.join(PERSON_VERBS)})\b", after)
            or re.search(
                r"\b(?:Mr|Mrs|Ms|Dr|President|Minister|General|Gen|Sheikh|Mullah|Commander|spokesperson|spokesman|leader)\.?\s+$",
                before,
            )
        ):
            self.add_person(name, text)
            mention.kind = "person"

    def add_person(self, name: str, sentence: str) -> None:
        for person in self.people.values():
            if name == person.name or name in person.aliases:
                return
        self.people[name] = Person(name, first_sentence=sentence)

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
    def roles(self) -> None:
        org_names = sorted(self.orgs, key=len, reverse=True)
        for sentence_id, mentions in self.mentions.items():
            sentence = self.article.sentence(sentence_id)
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
                        r",\s+(?:a|an|the)\s+([^,;]+?)(?=,| and | who |;|\.|$)", after
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

    def find_person(self, name: str) -> Person | None:
        return self.people.get(name) or next(
            (p for p in self.people.values() if name in p.aliases), None
        )

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

    def attribution(self) -> None:
        chain: list[tuple[str, str | None]] = []
        sources: list[str] = []
        if self.outlet:
            chain.append((self.outlet, None))
            sources.append(self.outlet)
        for sentence_id, mentions in self.mentions.items():
            sentence = self.article.sentence(sentence_id)
            assert sentence is not None
            text = sentence.text
            named = [m for m in mentions if m.kind in ("person", "org")]
            for index, mention in enumerate(named):
                name = self.canonical_org(mention.name) if mention.kind == "org" else mention.name
                after = text[mention.end :]
                before = text[: mention.start]
                cited = re.match(
                    r"\s+(?:news outlet\s+|news agency\s+|newspaper\s+)?(?:cited|quoted)\s+(?:its\s+|the\s+)?(?P<role>[a-z]+\s+)?",
                    after,
                )
                if cited and index + 1 < len(named):
                    target = named[index + 1]
                    role = (cited.group("role") or "").strip() or target.role_prefix
                    for item in ((name, None), (target.name, role)):
                        if item[0] not in [c[0] for c in chain]:
                            chain.append(item)
                if (
                    cited
                    or re.search(
                        r"\b(?:according to|as reported by|reported by|citing)\s+(?:the\s+)?$",
                        before,
                    )
                    or re.match(
                        r"\s+(?:has\s+|had\s+)?(?:reported|said|says|told|quoted|announced|stated)\b",
                        after,
                    )
                ):
                    if name and name not in sources:
                        sources.append(name)
                    if cited and index + 1 < len(named) and named[index + 1].name not in sources:
                        sources.append(named[index + 1].name)
        self.chain = chain
        self.sources = sources

    # dates ------------------------------------------------------------------------------------
    def events(self) -> list[FoundEvent]:
        markers = sorted([*VAGUE, *RELATIVE_DAYS], key=len, reverse=True)
        patterns = [
            rf"\b(?:{_MONTH_RE})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*\d{{4}})?\b",
            rf"\b\d{{1,2}}\s+(?:{_MONTH_RE})(?:\s+\d{{4}})?\b",
            rf"\b(?:{_MONTH_RE})\s+\d{{4}}\b",
            r"\b(?:1[5-9]\d\d|20\d\d)\s*[-–]\s*(?:\d{4}|\d{2})\b",
            r"\b(?:1[5-9]\d\d|20\d\d)s?\b",
            r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
            # a month on its own, after a word that makes it a time: "in September", "that August"
            r"(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bby )|(?<=\bfrom )|(?<=\bfor )|(?<=\bthat )|(?<=\blast )|(?<=\bthis )|(?<=\bearly )|(?<=\blate )|(?<=\bduring ))"
            r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
            r"\b(?:"
            + "|".join(re.escape(m) for m in markers if m not in ("now", "later", "earlier"))
            + r")\b",
        ]
        combined = re.compile("|".join(f"(?:{p})" for p in patterns), re.I)
        found: list[FoundEvent] = []
        takeaway_sentences = [
            s for p in self.article.paragraphs if p.id in self.takeaway_ids for s in p.sentences
        ]
        for sentence in [*takeaway_sentences, *self.body]:
            seen = set()
            for match in combined.finditer(sentence.text):
                when = match.group()
                if re.fullmatch(r"\d{4}s?", when) and not (1500 <= int(when[:4]) <= 2100):
                    continue
                if (
                    re.fullmatch(r"[A-Za-z]+", when)
                    and when[0].isupper()
                    and when.lower() in VAGUE
                    and match.start() != 0
                ):
                    continue  # "Currently" only as a sentence opener; "Soon" mid-sentence is odd
                try:
                    value = parse_date(when)
                except DateError:
                    continue
                key = when.lower()
                if key in seen:
                    continue
                seen.add(key)
                found.append(FoundEvent(when, value.precision, sentence.text.strip(), sentence.id))
        return found

    # summary and takeaways --------------------------------------------------------------------
    def summary(self) -> str:
        if not self.body:
            return self.title
        first = self.body[0].text[self.dateline_end :].strip()
        return first or self.body[0].text

    def takeaways(self) -> tuple[list[str], bool]:
        listed = []
        for paragraph_id in self.takeaway_ids:
            paragraph = next(p for p in self.article.paragraphs if p.id == paragraph_id)
            listed.append(_LIST.sub("", self.text[paragraph.start : paragraph.end]).strip())
        if listed:
            return listed, True
        scored = []
        for position, sentence in enumerate(self.body):
            mentions = self.mentions.get(sentence.id, [])
            score = len({m.name for m in mentions if m.kind in ("person", "org")}) + 2 * bool(
                re.search(r"\b(?:1[5-9]\d\d|20\d\d)\b", sentence.text)
            )
            if len(sentence.text.split()) >= 5:  # not "1." or a stray fragment
                scored.append((score, -position, sentence.text.strip()))
        best = sorted(scored, reverse=True)[:3]
        order = {text: -pos for _, pos, text in best}
        return [text for text in sorted(order, key=order.get)], False  # type: ignore[arg-type]

    def run(self) -> Extraction:
        self.structure()
        self.dateline()
        self.names()
        self.roles()
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
