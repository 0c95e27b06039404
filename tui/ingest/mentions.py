"""Find where people and factions are named: one pass, longest name first.

All names and aliases go into one alternation sorted longest first, scanned left to right, so at any
position the longest name wins: "Ahmad Shah Massoud" is one mention of the father and never also a
mention of a shorter name inside it. Matching is case-sensitive (names are proper nouns) and needs
word boundaries; a name glued to a preceding hyphen ("anti-Taliban") describes someone else and is not
a mention, while one followed by a hyphen ("UN-supervised") is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hit:
    entity: str
    start: int
    end: int
    text: str


class MentionFinder:
    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        """``names`` is ``(entity id, name or alias)`` pairs."""
        self._owner: dict[str, str] = {}
        for entity, name in names:
            for variant in {name, name.replace("'", "’"), name.replace("’", "'")}:
                self._owner.setdefault(variant, entity)
        if self._owner:
            alternation = "|".join(
                re.escape(name) for name in sorted(self._owner, key=lambda n: (-len(n), n))
            )
            self._pattern: re.Pattern[str] | None = re.compile(
                rf"(?<![\w-])(?:{alternation})(?!\w)"
            )
        else:
            self._pattern = None

    def find(self, text: str) -> Iterator[Hit]:
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text):
            yield Hit(self._owner[match.group()], match.start(), match.end(), match.group())
