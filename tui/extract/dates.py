"""Datelines and dates: every date expression in the body, kept as written."""

from __future__ import annotations

import itertools
import re

from ..ingest.dates import RELATIVE_DAYS, VAGUE, DateError, parse_date
from ..model import DateValue
from .results import FoundEvent

_MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
_DATELINES = [
    # New Delhi, December 10 (NationPress)   /   Kabul, Dec. 3, 2025 (Reuters) -
    re.compile(
        rf"^(?P<place>[A-Z][\w'’.\- ]{{1,40}}?),\s+(?P<date>{_MONTH_RE}\s+\d{{1,2}}(?:,\s*\d{{4}})?)\s*\((?P<outlet>[^)]{{2,40}})\)\s*[-–—:]*\s*"
    ),
    # KABUL (Reuters) -   /   BOGOTA, March 3 (AP) —   /   QUITO, Ecuador (AFP) -   /   SEOUL (Yonhap) --
    # MAIDUGURI/ABUJA, Nigeria, Nov 18 (Reuters) -: two places, one dateline
    re.compile(
        rf"^(?P<place>[A-Z][A-Z'’.\-/ ]{{1,40}}?)(?:,\s+[A-Z][\w'’.\- ]{{1,30}}?)?(?:,\s+(?P<date>{_MONTH_RE}\s+\d{{1,2}}(?:,\s*\d{{4}})?))?\s*\((?P<outlet>[^)]{{2,40}})\)\s*[-–—:]+\s*"
    ),
    # BRUSSELS —   /   Baghdad —   (no date: an en or em dash after a short place name)
    re.compile(r"^(?P<place>[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){0,2})\s+[—–]\s+"),
    # SEOUL, March 3 —   /   Geneva, 4 June 2024 -
    re.compile(
        rf"^(?P<place>[A-Z][\w'’.\- ]{{1,40}}?),\s+(?P<date>(?:{_MONTH_RE}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_RE})(?:,?\s*\d{{4}})?)\s*[-–—:]+\s*"
    ),
]


class DateRules:
    def dateline(self) -> None:
        self.place = self.date = self.outlet = None
        self.dateline_end = 0
        self.dateline_sentence = None
        # the dateline opens the body, after a standfirst or byline at most
        for first in self.body[:3]:
            match = next((m for m in (p.match(first.text) for p in _DATELINES) if m), None)
            if match:
                self.dateline_sentence = first
                place = match.group("place").strip()
                self.place = place.title() if place.isupper() else place
                self.date = match.groupdict().get("date")
                outlet = match.groupdict().get("outlet")
                self.outlet = outlet.strip() if outlet else None
                self.dateline_end = match.end()
                return

    def events(self) -> list[FoundEvent]:
        found: list[FoundEvent] = []
        takeaway_sentences = [
            s for p in self.article.paragraphs if p.id in self.takeaway_ids for s in p.sentences
        ]
        # the headline's dates count: "… rations were cut on Nov. 1", "will it happen on December 22?"
        headline = [s for p in self.article.paragraphs[:1] if self.body for s in p.sentences]
        for sentence in [*headline, *takeaway_sentences, *self.body]:
            if _COPYRIGHT.match(sentence.text):
                continue
            skip = self.dateline_end if sentence is self.dateline_sentence else 0
            text = sentence.text[skip:]  # "KABUL (Reuters) - " is not part of what happened
            # "By Fatmata J. Sesay | Published 14 August": when the piece appeared, not an event
            # (a byline's capital; "a report published last July" is one)
            dated = [(m, v) for m, v in dates_in(text) if not _PUBLISHED.search(text[: m.start()])]
            clauses = _clauses(text, [(m.start(), m.end()) for m, _ in dated])
            for (match, value), clause in zip(dated, clauses, strict=True):
                found.append(
                    FoundEvent(
                        match.group(), value.precision, text.strip(), sentence.id, clause=clause
                    )
                )
        return found


_PAIR_BEFORE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+(?:and|or|to)\s+$",
    re.I,
)
_DATED_THING_OF = re.compile(
    r"\b(?:report|reports|decree|decrees|session|statement|letter|meeting|elections?|vote|events|"
    r"attacks?|summit|resolution|agreement|accord|law|protests|uprising|revolution|ruling|order|"
    r"offensive|massacre|coup|census|budget|plan|review|update|edition|issue|"
    # "in the first week of January", "the last days of March", "the second quarter of May"
    r"week|weeks|days|fortnight|quarter|"
    # "the International Crisis Group's briefing of May"
    r"briefing|briefings|assessment|survey|study|paper|communiqu[eé]|speech|interview|visit|"
    # "closed for most of October", "the rest of August"
    r"most|much|part|all|rest|remainder|half)\s+of\s+$"
)
_JOINED = re.compile(r"\s+(?:in|on|since)\s+")
_PUBLISHED = re.compile(
    r"\b(?:Published|Updated|Posted|First published|Last updated)(?:\s+on)?\s*:?\s*$"
)
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_PATTERNS = [
    # relative periods first: "late last year", "next month", "the following January"
    r"\b(?:(?:early|late|mid-?|earlier|later)\s*)?(?:last|next|this)\s+(?:weekend|week|month|year|"
    r"quarter)\b",
    # seasons: "last summer", "this winter", "the following spring", "the summer of 2024"
    r"\b(?:(?:early|late)\s+)?(?:last|next|this|that)\s+(?:spring|summer|autumn|fall|winter)\b"
    r"(?!\s+(?:of|offensive|campaign|session|term|games|olympics|school|harvest|wheat|crops?)\b)",
    r"\bthe\s+(?:following|previous|preceding)\s+(?:spring|summer|autumn|fall|winter)\b",
    # "the summer of 2022" as written (its "the" too), "summer 2024"
    r"\b(?:the\s+)?(?:spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?:19|20)\d\d\b",
    # a month before what happened in it: "a September poll", "the October offensive",
    # "October's presidential election"
    rf"\b(?:{_MONTHS})(?=['’]s\s+(?:[a-z\-]+\s+){{0,2}}(?:poll|polls|survey|election|elections|"
    r"vote|referendum|offensive|attack|attacks|ceasefire|deal|agreement|summit|talks|coup|"
    r"uprising|protests|war|clashes|raid|floods|earthquake)\b)",
    rf"\b(?:{_MONTHS})(?=\s+(?:poll|polls|survey|election|elections|vote|offensive|attack|attacks|"
    r"ceasefire|deal|agreement|summit|talks|coup|meeting|visit|report|strike|strikes|raid|uprising|"
    r"protests|war|clashes)\b)",
    rf"\bthe\s+(?:following|previous|preceding)\s+(?:week|month|year|{_MONTHS})\b",
    r"\bthe\s+year\s+before\b",
    # "shut down for 200 days that year", "said that month that …", "later that month": a period
    # named before (not "the first coup of that year", "in August that year": checked in dates_in)
    r"(?P<that_period>\b(?:(?:later|earlier)\s+)?that\s+(?:month|year)\b)(?!['’]s)",
    # "Days later, the army withdrew": uncounted, opening a sentence or clause
    r"(?:^|(?<=, )|(?<=; )|(?<=\band ))(?:[Dd]ays|[Ww]eeks|[Mm]onths)\s+(?:later|earlier)\b"
    r"(?=,)",
    r"\bthe\s+(?:end|beginning|start|middle)\s+of\s+(?:the|this|next|last)\s+(?:year|month|week)\b",
    # "by the end of that month": of a period named before
    r"\bthe\s+(?:end|beginning|start|middle)\s+of\s+that\s+(?:year|month|week)\b",
    # "February this year", "the end of February this year" (its part of the month as written)
    rf"\b(?:the\s+(?:end|beginning|start|middle)\s+of\s+)?(?:(?:early|late|mid-?)\s*)?"
    rf"(?:{_MONTHS})\s+(?:next|last|this)\s+year\b",
    # "between July and September (2024)": one stretch of months, dated by its first
    rf"\bbetween\s+(?:{_MONTHS})\s+and\s+(?:{_MONTHS})(?:\s+\d{{4}})?\b",
    # "On November 26 last year": one day, not "November 26" and "last year"
    rf"\b(?:{_MONTH_RE})\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:next|last|this)\s+year\b",
    # "The next day, …", "…, and the following day …": a day after (before) one named, opening a
    # sentence or clause ("takes office the next day" is a rule, not a day that happened)
    r"(?:^|(?<=, )|(?<=; )|(?<=\band )|(?<=\bOn )|(?<=\bon ))the\s+(?:following|next|previous|"
    r"preceding)\s+(?:day|morning|afternoon|evening|night)\b(?!\s+(?:of|and)\b)",
    # "… flew to Nukus the next day, withdrew …": closing a clause after what was done (a past
    # tense before it; "takes office the next day" is a rule)
    # (checked in dates_in)
    r"(?P<clause_end>\bthe\s+(?:following|next|previous|preceding)\s+(?:day|morning|evening|"
    r"night)\b)(?=\s*(?:[,;]|\.(?:\s|$)|$))",
    # "Three days later", "a year earlier", "two weeks ago": counted from a date named before,
    # or from the dateline
    r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|several|"
    r"\d{1,2})\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:later|earlier|ago)\b",
    # a run of days: "Jan. 9-10", "21-22 February"
    rf"\b(?:{_MONTH_RE})\s+\d{{1,2}}\s*[-–]\s*\d{{1,2}}\b(?!\s*[-–:])(?:,\s*\d{{4}})?",
    rf"\b\d{{1,2}}\s*[-–]\s*\d{{1,2}}\s+(?:{_MONTH_RE})(?:\s+\d{{4}})?\b",
    # "over the weekend", "at the weekend"
    r"(?:(?<=\bover )|(?<=\bat )|(?<=\bduring )|(?<=\bthis past ))the\s+weekend\b",
    # "a poll in the spring", "during the winter" (not "in the summer of 2024": its year says when)
    r"(?:(?<=\bin )|(?<=\bduring ))the\s+(?:spring|summer|autumn|winter)\b"
    r"(?!\s+(?:of|offensive|campaign|session|term|months|heat|rains?|holidays?|break)\b)",
    rf"\b(?:last|next)\s+(?:{_MONTHS})\b(?!\s+\d)",
    rf"\b(?:{_MONTH_RE})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,\s*\d{{4}})?\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_RE})(?:\s+\d{{4}})?\b",
    # feast days fixed in the calendar: "on Christmas Day", "New Year's Eve"
    r"\b(?:Christmas\s+(?:Day|Eve)|New\s+Year['’]s\s+(?:Day|Eve))\b",
    rf"\b(?:{_MONTH_RE})\s+\d{{4}}\b",
    r"\b(?:1[5-9]\d\d|20\d\d)\s*[-–]\s*(?:\d{4}|\d{2})\b",
    # a decade with its "the" as written: "the 1960s", "in the 1980s, 2000s and 2010s" (not "the
    # late 1990s": its qualifier is not kept)
    r"\bthe\s+(?:1[5-9]\d0|20\d0)s\b",
    r"\b(?:1[5-9]\d\d|20\d\d)s?\b",
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
    # a month on its own, after a word that makes it a time: "in September", "that August"
    r"(?:(?<=\bin )|(?<=\bsince )|(?<=\buntil )|(?<=\bby )|(?<=\bfrom )|(?<=\bfor )|(?<=\bthat )|(?<=\blast )|(?<=\bthis )|(?<=\bearly )|(?<=\blate )|(?<=\bduring )|(?<=\bmid-)|(?<=\bbetween ))"
    rf"(?:{_MONTHS})\b",
    # a month after another, in a pair: "in June and July", "in March or April", "of August"
    # (the word before "and" / "or" / "to" must be a month: checked in dates_in)
    r"(?:(?P<paired>(?<=\band )|(?<=\bor )|(?<=\bto ))|(?<=\bend of )|(?<=\bbeginning of )|"
    rf"(?<=\bmiddle of )|(?<=\bstart of ))(?:{_MONTHS})\b",
    # "its report of March", "the decree of August": a month after a dated thing's "of" (the noun
    # before "of" is checked in dates_in; not "of May", which is also a name)
    r"(?P<of_month>(?<=\bof )(?:January|February|March|April|June|July|August|September|October|"
    r"November|December)\b(?!\s+\d)|(?<=\bof )May\b(?!\s+\d)(?!\s+[A-Z]))",
    r"\b(?:"
    + "|".join(
        re.escape(m)
        for m in sorted([*VAGUE, *RELATIVE_DAYS], key=len, reverse=True)
        if m not in ("now", "later", "earlier")
    )
    + r")\b",
]
_PARSEABLE_PREFIX = re.compile(
    rf"^the\s+(?=(?:1[5-9]|20)\d0s$)|^the\s+(?:end|beginning|start|middle)\s+of\s+(?=(?:{_MONTHS})\b)",
    re.I,
)


def history_date(when: str) -> str:
    """The date as brief's date grammar reads it: "the 1960s" is "1960s", "the end of February
    this year" is "February this year" (the words as written stay the event's ``when``)."""
    return _PARSEABLE_PREFIX.sub("", when)


# a verb in the past a few words before: "flew to Nukus the next day", "was freed the next morning"
_DONE_BEFORE = re.compile(
    r"\b(?:[a-z]{2,}ed|flew|went|met|left|came|took|made|held|gave|fled|sent|began|rose|fell|won|"
    r"lost|saw|struck|told|said|got|ran|broke|spoke|wrote|drove|led|paid|sold|shot|hit|set|put|"
    r"cut|quit|freed|returned)(?:\s+[\w’'\-]+){0,4}\s+$"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_FULL_DATE_AFTER = re.compile(rf",?\s+(?:{_MONTH_RE}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH_RE})\b")
# "Copyright 2025 The Associated Press. All rights reserved.": no event
_COPYRIGHT = re.compile(r"\s*(?:Copyright\b|©|\(c\)\s*\d)", re.I)
_COMBINED = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.I)


def dates_in(text: str, skip: int = 0) -> list[tuple[re.Match[str], DateValue]]:
    """Every date expression of a sentence that the date grammar reads, each once, in order;
    ``skip`` leaves out a dateline at the start."""
    found = []
    seen: set[str] = set()
    for match in _COMBINED.finditer(text):
        when = match.group()
        if match.start() < skip:
            continue
        year = re.fullmatch(r"(?:the\s+)?(\d{4})s?", when)
        if year and not (1500 <= int(year.group(1)) <= 2100):
            continue
        if (
            re.fullmatch(r"[A-Za-z]+", when)
            and when[0].isupper()
            and when.lower() in VAGUE
            and match.start() != 0
        ):
            continue  # "Currently" only as a sentence opener; "Soon" mid-sentence is odd
        if re.fullmatch(r"(?:last|next|this)\s+year", when, re.I) and re.search(
            rf"(?:\d|\b(?:{_MONTHS}))\s+of\s+$", text[: match.start()]
        ):
            continue  # "November 28 of last year", "November of next year": one date
        if re.fullmatch(_WEEKDAY, when, re.I) and _FULL_DATE_AFTER.match(text, match.end()):
            continue  # "Tuesday, May 6, 2025" (a photo caption): one day, said by its date
        if match.group("of_month") is not None and not _DATED_THING_OF.search(
            text, 0, match.start()
        ):
            continue  # "the Ides of March"; but "its report of March"
        if re.fullmatch(r"(?:last|next|this)\s+year", when, re.I) and (
            re.search(r"\bthe\s+$", text[: match.start()])
            and re.match(r"\s+of\b", text[match.end() :])
        ):
            continue  # "the last year of the previous government": a year of something, not a date
        if re.fullmatch(_WEEKDAY, when, re.I) and re.match(
            r"\s+(?:prayers?|sermons?|mosque|market|service)\b", text[match.end() :]
        ):
            continue  # "the Friday prayer leader": a weekly rite, not a day that happened
        if re.match(
            r"\s+(?:Square|Street|Avenue|Boulevard|Bridge|Stadium|Road|Movement|Brigade|Hospital|"
            r"University|Group|Party|Front|Alliance|Coalition|Mosque|Airport|Park|Plaza)\b",
            text[match.end() :],
        ) and re.search(r"\d", when):
            continue  # "May 13 Square", "the 6th of October Bridge", "the March 23 Movement": a name
        if when.lower() in VAGUE and match.start() > 0 and text[match.start() - 1] in "-‐":
            continue  # "Kim Yang-soon": a word of a hyphenated name, not "soon"
        if when.lower() == "previously" and re.search(
            r"\b(?:was|were|had|has|have|is|are|been|be)\s+$", text[: match.start()]
        ):
            continue  # "cases that were previously recorded as …": before some change, not a date
        if re.search(r"\s(?:later|earlier)$", when, re.I) and re.search(
            # a figure (not a year: "arrested in 2019 and released two years later" is a date)
            r"(?:\b(?!(?:1[5-9]|20)\d\d\b)\d[\d,.]*|%|\bper\s?cent\b|\bpercent\b|\bthan\b|"
            r"\bfrom\b|\bcompared\s+(?:with|to)\b)[^,;]{0,30}$",
            text[: match.start()],
        ):
            continue  # "down from 63% a year earlier": a comparison, not a dated statement
        if match.group("that_period") is not None and re.search(
            rf"(?:\bof|\b(?:{_MONTHS})|\d)\s+$", text[: match.start()]
        ):
            continue  # "of that year", "August that year", "July 1 and 2 that year": one date
        if (
            match.group("that_period") is not None
            and not text[: match.start()].strip()
            and not re.match(r"\s*,", text[match.end() :])
        ):
            continue  # "That year ends this week": a subject, not when something happened
        if match.group("clause_end") is not None and not _DONE_BEFORE.search(
            text, 0, match.start()
        ):
            continue  # "takes office the next day": a rule, not a day that happened
        if match.group("paired") is not None and not _PAIR_BEFORE.search(text, 0, match.start()):
            continue  # "to May" is a month only after another: "from March to May"
        joined = _JOINED.match(text, match.end())
        if when.lower() in VAGUE and joined and _COMBINED.match(text, joined.end()):
            continue  # "most recently in July 2023": the date that follows says when
        try:
            value = parse_date(history_date(when))
        except DateError:
            continue
        if when.lower() in seen:
            continue
        seen.add(when.lower())
        found.append((match, value))
    return found


_CLAUSE_BREAK = re.compile(
    r",\s+(?:and\s+|but\s+|then\s+)?|;\s+|\s+(?:and|but|while|then)\s+"
    # a subordinate clause: "said on Tuesday they would appeal | before the rains begin in June"
    r"|\s+(?=(?:before|after|until|once|because|unless|when)\s)"
)
# only separators between two dates: "May 15, May 27 and June 18" is one list of dates
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*[-–]\s*)")


def _break_after(text: str, begin: int, start: int, end: int, limit: int) -> re.Match[str] | None:
    """The clause break after a date; not the comma of a date that opens its clause ("The next
    day, troops withdrew; three days later …"): that clause goes on to the next break, when there
    is one before the next date."""
    brk = _CLAUSE_BREAK.search(text, end, limit)
    if (
        brk is not None
        and brk.start() == end
        and text[brk.start()] == ","
        and len(text[begin:start].split()) <= 1
    ):
        return _CLAUSE_BREAK.search(text, brk.end(), limit) or brk
    return brk


def _clauses(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The part of the sentence that goes with each date, when a sentence holds several ("closed
    on December 8, reopened on January 7 and …"): cut at the first clause break after each date.
    With one date, the whole sentence. The dates of one list ("hearings set for May 15, May 27
    and June 18 were postponed") share one clause."""
    if len(spans) < 2:
        return [text.strip()] * len(spans)
    groups: list[list[int]] = [[0]]
    for index in range(1, len(spans)):
        if _LIST_GAP.fullmatch(text, spans[index - 1][1], spans[index][0]):
            groups[-1].append(index)
        else:
            groups.append([index])
    if len(groups) < len(spans):
        merged = _clauses(text, [(spans[g[0]][0], spans[g[-1]][1]) for g in groups])
        return [merged[i] for i, group in enumerate(groups) for _ in group]
    cuts = [0]
    breaks: list[re.Match[str] | None] = []
    for (start, end), (next_start, _) in itertools.pairwise(spans):
        brk = _break_after(text, cuts[-1], start, end, next_start)
        breaks.append(brk)
        cuts.append(brk.end() if brk else cuts[-1])
    cuts.append(len(text))
    clauses = []
    for index in range(len(spans)):
        begin, stop = cuts[index], cuts[index + 1]
        if index + 1 < len(spans) and cuts[index + 1] != cuts[index]:
            brk = breaks[index]
            stop = brk.start() if brk else stop
        clause = text[begin:stop].strip().rstrip(",;")
        clauses.append(clause if len(clause.split()) >= 3 else text.strip())
    return clauses
