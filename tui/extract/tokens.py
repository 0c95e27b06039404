"""Words and runs of capitalised words: the units every naming rule works on."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import (
    CONNECTORS,
    KNOWN_ORGS,
    MONTH_NAMES,
    ORG_CUES,
    ORG_NOUNS,
    PARTICLES,
    WEEKDAY_NAMES,
    place_names,
)

# Words that open sentences; stripped from the front of an organisation's name.
STARTERS = {
    "the", "a", "an", "this", "that", "these", "those", "other", "also", "however", "notably",
    "meanwhile", "and", "but", "currently", "according", "among", "members", "representatives",
    "previous", "several", "many", "some", "both", "while", "after", "before", "as", "in", "on",
    "at", "by", "for", "from", "with", "under", "since", "when", "if", "its", "their", "his", "her",
    # political adjectives before a party's name: "the Islamist Jamaat-e-Islami"
    "islamist", "jihadist", "separatist", "far-right", "far-left", "ultra-orthodox", "leftist",
    "right-wing", "left-wing", "hardline", "ultranationalist", "nationalist", "centrist", "outlawed",
    "banned", "ruling", "opposition", "pro-russian", "pro-western", "pro-government", "rebel",
    # a branch of a faith before a body's name: "the Shi'ite Coordination Framework"
    "shi'ite", "shi’ite", "shiite", "shia", "shi'a", "sunni",
    # words of a credit or a call at the end of a piece: "Follow Juan Diego Quesada on X",
    # "Photo: …", "Writing by …"
    "follow", "contact", "photo", "photos", "writing", "editing", "reporting", "contributing",
    "courtesy", "credit",
    # a headline's question: "Can Pakistan's army chief keep both happy?"
    "can", "will", "is", "are", "does", "do", "did", "should", "could", "would", "has", "have",
    "why", "how", "what", "who", "where",
}  # fmt: skip
# Common nouns whose possessive sits inside an organisation's name ("Tigray People's Liberation
# Front", "Attorney General's Office", "Kurdistan Workers' Party"); any other possessive ends it
# ("Hasina's Awami League").
INNER_POSSESSIVES = {"people", "general", "women", "worker", "workers", "nation", "nations",
                     "children", "mother", "martyr", "martyrs", "ombudsman", "prosecutor",
                     "veteran", "veterans", "farmer", "farmers", "student", "students"}  # fmt: skip


# -- names ----------------------------------------------------------------------------------------
# "U.S." and other dotted acronyms; a middle initial inside a name ("George W. Bush"); words;
# numbers; punctuation
# a run of middle initials ("Samura M. W. Kamara") is one initial after another, each between a
# name and a name or another initial
_TOKEN = re.compile(
    # an abbreviated rank or title keeps its full stop, so it stays with the name it stands before:
    # "Brig. Nabil Abdallah", "Gen. Abdel Fattah Burhan"
    r"(?:Gen|Lt|Col|Maj|Brig|Adm|Capt|Sgt|Cpl|Cmdr|Supt|Insp)\.(?= [A-Z][a-z])|"
    # a generational suffix keeps its full stop: "Ferdinand Marcos Jr.", "Romeo Brawner Jr.'s"
    r"(?<=[a-z] )(?:Jr|Sr)\.(?:['’]s)?|"
    r"(?:[A-Z]\.){2,}|(?<=[a-z] )[A-Z]\.(?= [A-Z][a-z])"
    r"|(?:(?<=[a-z] )|(?<=[A-Z]\. ))[A-Z]\.(?= (?:[A-Z]\. )*[A-Z][a-z])"
    # a web address is one name: "Cotejo.info", "Rappler.com"
    # (and any country's domain: "Factcheck.kg", "Meduza.io", "Kloop.kg")
    r"|[A-Z][\w\-]*\.(?:com|org|net|info|io|news|tv|co|[a-z]{2})\b(?!\.\w)"
    r"|[^\W\d_][\w'’\-]*|\d[\w\-–/]*|[^\w\s]"
)
# Arabic articles and particles glued to a name: "al-Sudani", "wal-Muslimin", "bil-Sham"
_HYPHEN_NAME = re.compile(
    r"^(?:al|el|ad|as|ash|at|an|ar|az|bin|ibn|abu|wal|wa|bil|fil|lil|li)-[A-Z]"
)


# a French article elided before a capital: "Commission Nationale d'Accueil", "Place de
# l'Indépendance" (the name goes on)
_ELIDED = re.compile(r"^[dlDL]['’][A-ZÀ-Ý]")
_POSSESSIVE = re.compile(r"['’]s$")


class _Tok:
    """A word of a sentence: its text, where it is, and the forms the rules compare."""

    __slots__ = ("bare", "capital", "end", "line", "low", "start", "text")

    def __init__(self, text: str, start: int, end: int, line: int = 0) -> None:
        self.text, self.start, self.end = text, start, end
        self.line = line  # which line of the sentence: a credit line ends at its line break
        self.bare = _POSSESSIVE.sub("", text)  # without a possessive 's
        self.low = self.bare.lower()
        self.capital = bool(_HYPHEN_NAME.match(text) or _ELIDED.match(text)) or (
            text[:1].isupper()
            and text.lower().rstrip(".") not in _MONTHS_AND_DAYS
            and text.lower() not in _MONTH_ABBREVIATIONS
        )

    def __repr__(self) -> str:
        return f"_Tok({self.text!r}, {self.start}, {self.end})"


_MONTHS_AND_DAYS = MONTH_NAMES | WEEKDAY_NAMES
# "the Nov. 11 vote": a month written short is a date's word, not a name's ("Jan" alone may be a
# given name, so only with its full stop, which the tokenizer leaves as a token of its own; the
# abbreviations that are no given name are dates without it too)
_MONTH_ABBREVIATIONS = {"feb", "aug", "sept", "oct", "nov", "dec"}


def _tokens(sentence: str) -> list[_Tok]:
    if "\n" not in sentence:
        return [_Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(sentence)]
    # "Editing by Ros Russell\nAdditional reporting by …": lines of credits are not one name
    return [
        _Tok(m.group(), m.start(), m.end(), sentence.count("\n", 0, m.start()))
        for m in _TOKEN.finditer(sentence)
    ]


def _runs(tokens: list[_Tok]) -> list[list[_Tok]]:
    """Maximal runs of capitalised tokens, allowing particles and connectors between them."""
    runs: list[list[_Tok]] = []
    current: list[_Tok] = []
    for index, tok in enumerate(tokens):
        if current and tok.line != current[-1].line:
            runs.append(current)  # a name never runs on across a line break
            current = []
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        if nxt is not None and nxt.line != tok.line:
            nxt = None
        joiner = (
            tok.low in PARTICLES | CONNECTORS
            and current
            and nxt is not None
            and (
                nxt.capital
                or nxt.low in PARTICLES | CONNECTORS
                # "the Group of 20": a group of states named by its number
                or (tok.low == "of" and current[-1].low == "group" and nxt.text.isdigit())
            )
            # "Operation Sindoor in May": a month after "in" or "on" is a date, not a name's word
            and not (tok.low in ("in", "on", "since", "until") and nxt.text == "May")
            # "told Pink TV the Chinese had …", "told Reuters the plan …": a complete name ends
            and not (
                tok.low == "the" and (current[-1].low in ORG_CUES or current[-1].bare in KNOWN_ORGS)
            )
        )
        ordinal = (
            not current
            and re.fullmatch(r"\d+(?:st|nd|rd|th)", tok.text)
            and nxt is not None
            and nxt.capital
        )  # "9th Armoured Division"
        numbered = (
            current
            and tok.text.isdigit()
            and (
                current[-1].low
                in (
                    "channel",
                    "brigade",
                    "division",
                    "battalion",
                    "regiment",
                    "corps",
                    "unit",
                    "radio",
                )
                or any(
                    f"{' '.join(t.text for t in current[-k:])} {tok.text}" in KNOWN_ORGS
                    for k in (1, 2)
                )
                or (len(current) >= 2 and current[-1].low == "of" and current[-2].low == "group")
            )
        )  # "Channel 12", "Brigade 55", "France 24"
        known_start = (
            not current and nxt is not None and f"{tok.text} {nxt.bare}" in KNOWN_ORGS
        )  # "al Qaeda": a known name that opens with a lower-case article
        dashed = (
            tok.text in ("–", "-")
            and current
            and current[-1].bare.isupper()
            and len(current[-1].bare) >= 2
            and current[-1].end == tok.start
            and nxt is not None
            and nxt.capital
            and nxt.start == tok.end
        )  # "ISEAS–Yusof Ishak Institute": an acronym joined to the rest of its name
        if tok.capital or joiner or ordinal or numbered or known_start or dashed:
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
        while run and not run[-1].capital and not run[-1].text.isdigit():
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
    if so_far[-1].low not in INNER_POSSESSIVES:
        return False  # "Hasina's Awami League": a person's organisation
    while index < len(tokens) and tokens[index].capital:
        if tokens[index].low in ORG_CUES:
            return True
        index += 1
    return False


def _is_orgish(run: list[_Tok]) -> bool:
    """Has an organisation cue word, is a known organisation, or is glued to one ("Tehreek-e-Taliban")."""
    if _text_plain(run) in KNOWN_ORGS or _known_prefix(run):
        return True
    for index, tok in enumerate(run):
        parts = tok.bare.split("-")
        if tok.low in ORG_CUES or any(p.lower() in ORG_CUES for p in parts[1:]):
            return True
        if tok.low == "staff" and index > 0 and run[index - 1].low == "general":
            return True  # "the Central General Staff": a command (not "Chief of Staff")
        if (
            len(parts) > 2
            and parts[1].lower() in ("e", "i", "ul", "al")
            and parts[0].lower() in ORG_CUES
        ):
            return True  # "Lashkar-e-Taiba", "Hezb-e-Islami"
        if (
            len(parts) > 1
            and parts[0].lower() not in PARTICLES
            and any(p in KNOWN_ORGS for p in parts)
        ):
            return True
    return False


def _known_prefix(run: list[_Tok]) -> bool:
    """Opens with a known two-word organisation and goes on: "Islamic State Sahel Province"."""
    return len(run) > 2 and f"{run[0].text} {run[1].text}" in KNOWN_ORGS


def _text_plain(run: list[_Tok]) -> str:
    """The run's words without a final possessive: "Hasina's" and "the Houthis'" name Hasina and
    the Houthis."""
    if not run:
        return ""
    words = [*(t.text for t in run[:-1]), re.sub(r"(?<=s)['’]$", "", run[-1].bare)]
    if not any(t.text in ("–", "-") for t in run):
        return " ".join(words)
    # a dash glued to the words on either side stays glued: "ISEAS–Yusof Ishak Institute"
    out = words[0]
    for prev, tok, word in zip(run, run[1:], words[1:], strict=False):
        out += word if tok.start == prev.end else " " + word
    return out


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
            # "… and the Ta'ang Army", "on TikTok and in WhatsApp groups": the word after "and"
            # opens no name
            if (
                index + 1 < len(run)
                and run[index + 1].low in ("the", "in", "on", "at")
                and not run[index + 1].capital
            ):
                index += 1
        else:
            current.append(tok)
        index += 1
    halves.append(current)
    return [h for h in halves if h]


def _initials(name: str, connectors: bool = False) -> str:
    """ "Tigray People's Liberation Front" → "TPLF"; "Hayat Tahrir al-Sham" → "HTS"; with
    ``connectors`` "of", "for", "on", "in", "to" count too: "Economic Community of West African
    States" → "ECOWAS"."""
    letters = []
    for word in name.replace("-", " - ").split():
        if word in ("-", "&") or (word.lower() in CONNECTORS | PARTICLES and not connectors):
            continue
        if connectors and word.lower() in ("the", "and"):
            continue
        if connectors and word.lower() in CONNECTORS:
            letters.append(word[0].upper())
            continue
        letters.append(word[0].upper())
    return "".join(letters)


def _split_connectors(run: list[_Tok]) -> list[list[_Tok]]:
    parts, current = [], []
    for tok in run:
        if tok.low in CONNECTORS and not tok.capital and tok.text != "&":  # "&" is inside a name
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
