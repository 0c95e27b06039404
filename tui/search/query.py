"""The query language: words, "phrases", ``-`` for NOT and ``field:value`` filters.

Pure parsing; values that need the index (names of actors, tags, brief ids) are resolved by the
index. Anything malformed raises :class:`QueryError` with one line saying what is wrong and what
would work; nothing else escapes (tests/hostile/test_search_query.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import words

KIND_ALIASES = {
    "brief": "brief", "briefs": "brief",
    "person": "person", "people": "person", "persons": "person",
    "faction": "faction", "factions": "faction", "group": "faction",
    "event": "event", "events": "event", "history": "event",
    "takeaway": "takeaway", "takeaways": "takeaway",
    "summary": "summary",
    "sentence": "sentence", "sentences": "sentence", "source": "sentence", "article": "sentence",
    "entity": "entity", "entities": "entity",
}  # fmt: skip
STATUS_ALIASES = {"alive": "alive", "living": "alive", "deceased": "deceased", "dead": "deceased",
                  "unknown": "unknown"}  # fmt: skip
STATE_VALUES = {"is": ("unread", "read", "bookmarked"), "has": ("note",)}
STATE_ALIASES = {"notes": "note", "bookmark": "bookmarked"}
FIELDS = ("actor", "brief", "faction", "has", "is", "kind", "name", "status", "tag", "year")
MAX_CLAUSES = 32
MAX_LENGTH = 2000
_FIELD = re.compile(r"([A-Za-z]+):")
_YEAR_RANGE = re.compile(r"^(\d{1,4})?(?:\.\.(\d{1,4})?)?$")


class QueryError(ValueError):
    """A query that cannot be run; ``str()`` is one line for the user."""


@dataclass(frozen=True, slots=True)
class Clause:
    """One part of a query. ``field`` is None for free text; ``words`` are its folded words;
    ``phrase`` asks for them together and in order; ``value`` is a filter's normalised value;
    ``years`` is the inclusive range of ``year:``."""

    field: str | None
    value: str
    words: tuple[str, ...] = ()
    negate: bool = False
    phrase: bool = False
    years: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class Query:
    clauses: tuple[Clause, ...]

    @property
    def positive_text(self) -> list[Clause]:
        return [c for c in self.clauses if c.field in (None, "name") and not c.negate]

    @property
    def is_empty(self) -> bool:
        return not self.clauses


def _read_quoted(text: str, start: int) -> tuple[str, int]:
    """``text[start]`` is a quote: the text up to the closing quote (or the end) and where the
    scan goes on."""
    end = text.find('"', start + 1)
    if end < 0:
        return text[start + 1 :], len(text)
    return text[start + 1 : end], end + 1


def _read_bare(text: str, start: int) -> tuple[str, int]:
    end = start
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end], end


def _known() -> str:
    return ", ".join(f"{f}:" for f in FIELDS)


def _filter_clause(field: str, raw: str, negate: bool, shown: str) -> Clause:
    value = " ".join(raw.split())
    if not value:
        raise QueryError(f"{field}: needs a value, e.g. {_example(field)}")
    folded = " ".join(words(value))
    if field == "kind":
        kind = KIND_ALIASES.get(folded)
        if kind is None:
            raise QueryError(
                f"unknown kind {value!r} in {shown!r} — use one of: "
                + ", ".join(sorted(set(KIND_ALIASES.values())))
            )
        return Clause("kind", kind, negate=negate)
    if field == "status":
        status = STATUS_ALIASES.get(folded)
        if status is None:
            raise QueryError(
                f"unknown status {value!r} in {shown!r} — use one of: alive, deceased, unknown"
            )
        return Clause("status", status, negate=negate)
    if field in STATE_VALUES:
        state = STATE_ALIASES.get(folded, folded)
        if state not in STATE_VALUES[field]:
            raise QueryError(
                f"unknown value {value!r} in {shown!r} — use "
                + " or ".join(f"{field}:{v}" for v in STATE_VALUES[field])
            )
        return Clause(field, state, negate=negate)
    if field == "year":
        match = _YEAR_RANGE.match(value)
        if not match or not (match.group(1) or match.group(2)):
            raise QueryError(
                f"cannot read {shown!r} — write a year or a range: year:2021, year:2019..2022, year:..2001"
            )
        lo = int(match.group(1)) if match.group(1) else 0
        hi = int(match.group(2)) if match.group(2) else 9999
        if ".." not in value:
            hi = lo
        if lo > hi:
            raise QueryError(f"the range in {shown!r} runs backwards — write year:{hi}..{lo}")
        return Clause("year", value, negate=negate, years=(lo, hi))
    if field == "name":
        terms = tuple(words(value))
        if not terms:
            raise QueryError(f"{shown!r} has no words to look for — e.g. name:dostum")
        return Clause("name", folded, terms, negate=negate, phrase=len(terms) > 1)
    if field == "brief":
        return Clause("brief", value.casefold(), negate=negate)
    # actor, faction, tag: matched against names / tags by the index
    if not folded:
        raise QueryError(f"{shown!r} has no words to look for — e.g. {_example(field)}")
    return Clause(field, folded, tuple(folded.split()), negate=negate)


def _example(field: str) -> str:
    return {
        "kind": "kind:person",
        "actor": "actor:dostum",
        "faction": "faction:taliban",
        "status": "status:deceased",
        "tag": "tag:iran",
        "year": "year:2021..2022",
        "brief": "brief:afghan-national-consensus",
        "is": "is:unread",
        "has": "has:note",
        "name": "name:dostum",
    }.get(field, f"{field}:value")


def parse(text: str) -> Query:
    """Parse a query. Raises :class:`QueryError` (one line) for anything it cannot run."""
    if not isinstance(text, str):
        raise QueryError("the query must be text")
    if len(text) > MAX_LENGTH:
        raise QueryError(f"the query is {len(text)} characters long — keep it under {MAX_LENGTH}")
    clauses: list[Clause] = []
    i = 0
    while i < len(text):
        if text[i].isspace():
            i += 1
            continue
        start = i
        negate = False
        if text[i] == "-" and i + 1 < len(text) and not text[i + 1].isspace():
            negate = True
            i += 1
        field_match = _FIELD.match(text, i)
        if text[i] == '"':
            raw, i = _read_quoted(text, i)
            terms = tuple(words(raw))
            if terms:
                clauses.append(Clause(None, " ".join(terms), terms, negate, phrase=len(terms) > 1))
        elif field_match:
            field = field_match.group(1).casefold()
            i = field_match.end()
            if field not in FIELDS:
                raise QueryError(f"unknown field {field + ':'!r} — known fields: {_known()}")
            if i < len(text) and text[i] == '"':
                raw, i = _read_quoted(text, i)
            else:
                raw, i = _read_bare(text, i)
            clauses.append(_filter_clause(field, raw, negate, text[start:i]))
        else:
            raw, i = _read_bare(text, i)
            terms = tuple(words(raw))
            if not terms:
                continue
            if len(terms) == 1 or not negate:
                clauses.extend(Clause(None, t, (t,), negate) for t in terms)
            else:  # -anti-taliban: NOT the words together
                clauses.append(Clause(None, " ".join(terms), terms, True, phrase=True))
        if len(clauses) > MAX_CLAUSES:
            raise QueryError(f"the query has more than {MAX_CLAUSES} parts — shorten it")
    return Query(tuple(clauses))


__all__ = ["FIELDS", "Clause", "Query", "QueryError", "parse"]
