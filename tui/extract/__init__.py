"""Raw article → what a brief needs, by deterministic rules (no model, no network).

One module per kind of rule (no Textual, no model, no network); in the order they run:

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

Modules: ``takeaways`` (1, and the summary), ``dates`` (2, 6), ``names`` (3), ``organisations``
(3: cue words, acronyms, merging), ``roles`` (4), ``attribution`` (5), with ``gazetteer`` (word lists
and places), ``tokens`` (capitalised runs), ``reading`` (the input file) and ``extractor`` (order).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .extractor import extract
    from .reading import MAX_IMPORT_BYTES, ArticleError, read_article, read_article_raw
    from .results import Extraction, FoundEvent, Organisation, Person

# Imported when first asked for: the rules compile ~200 regular expressions (~0.1 s), and
# ``tui.extract.gazetteer`` alone (the build's grounding check reads it) must not pay for them.
_WHERE = {
    "extract": "extractor",
    "MAX_IMPORT_BYTES": "reading",
    "ArticleError": "reading",
    "read_article": "reading",
    "read_article_raw": "reading",
    "Extraction": "results",
    "FoundEvent": "results",
    "Organisation": "results",
    "Person": "results",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


__all__ = [
    "MAX_IMPORT_BYTES",
    "ArticleError",
    "Extraction",
    "FoundEvent",
    "Organisation",
    "Person",
    "extract",
    "read_article",
    "read_article_raw",
]
