"""Datelines and dates: every date expression in the body, kept as written."""

from __future__ import annotations

import re

from ..ingest.dates import RELATIVE_DAYS, VAGUE, DateError, parse_date
from .results import FoundEvent

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


class DateRules:
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
