"""One search engine for `brief search`, the Library filter, the command palette and the reader.

Works on the model (:mod:`tui.model`), never imports Textual or :mod:`tui.store`.

Contract
--------
- :func:`documents` (``library``) → :class:`SearchDoc` s: briefs (title, summary, takeaways, tags),
  each takeaway, summary paragraph, event and article sentence, and every person and faction.
  Each knows where it opens (``brief`` + ``item``: ``takeaway:2``, ``summary:0``, ``event:ID``,
  ``sentence:p3.s1``; people and factions by ``key``) and its filter fields.
- :meth:`SearchIndex.build` (docs), :meth:`SearchIndex.dump` (dir), :meth:`SearchIndex.load` (dir),
  :meth:`SearchIndex.update` (docs, remove=groups), :meth:`SearchIndex.search`
  (query, limit, predicates=…) → :class:`SearchResult` (``hits``, ``suggestion``, ``total``).
- :class:`QueryError` (a ``ValueError``): one line for the user.

Query language
--------------
Words (all must match), ``"a phrase"``, ``-word`` / ``-"phrase"`` / ``-field:value`` for NOT, and
filters ``kind:`` (brief, person, faction, event, takeaway, summary, sentence, entity), ``actor:``
(a person or faction by name, alias or id, typo-tolerant), ``faction:`` (the faction, its members
and what mentions them), ``status:`` (alive, deceased, unknown), ``tag:``, ``year:2021`` /
``year:2019..2022`` / ``year:..2001``, ``brief:ID`` (or an id prefix), ``name:`` (words in a
person's or faction's names), and ``is:unread`` / ``is:read`` / ``is:bookmarked`` / ``has:note``.
The last group needs the caller's user state through ``predicates`` — a mapping such as
``{("is", "unread"): {brief ids}}`` or ``{("has", "note"): callable(brief_id) -> bool}``; without
it they raise :class:`QueryError` saying the reading state is not available (never a silent
no-op). Unknown fields raise QueryError naming the known ones.

Matching and ranking
--------------------
Words are folded (case, accents) and split on ``\\w+``. Each query word stands for: itself
(weight 1), its completions as a prefix (the 40 most frequent, weight 0.6–0.9 by how much is
completed), transliteration variants — same consonant skeleton (vowels dropped, doubles collapsed,
q/k/c, w/v merged: Dostum/Dostom/Dostam, Mohaqiq/Mohaqeq, Massoud/Masood) within two edits (0.8)
— and typos: skeletons one deletion apart (symmetric delete) within the word's edit budget (one
edit up to 5 letters, two beyond; 0.65). A document's score for a word is the best of these, as
BM25 (k1 1.2, b 0.75; a word in a title or name counts three times) with idf over live documents;
the word scores add up, every word must match; kinds weigh differently (people and factions 1.6,
brief 1.3, takeaway 1.15, event 1.1, summary 1, sentence 0.85) and a query that is exactly a name
or alias multiplies by 2.5. Phrases and ``name:`` are verified on the candidates' text.
"Did you mean" rewrites each word that has no exact or prefix match with its best variant.

Storage and cost
----------------
An index is a list of immutable **segments**. A segment holds a sorted term list (``terms.json``;
filter values are terms too, ``\\x01tag=iran``), postings as two flat arrays (``pdoc.npy``
uint32 doc numbers, ``ptf.npy`` float32 weighted term frequency) cut by ``offsets.npy``, per-document
arrays (length, kind, owning brief), records (``docs.bin`` + ``docs_off.npy``: kind, key, title,
text, brief, item, names, filters, group — read only for the hits shown), the skeleton maps for
fuzzy matching (``fuzzy.json``, ``near.json``) and ``meta.json`` (brief list, group → document
range, the people and factions). Opening reads ``index.json`` only; a segment's files are read
or memory-mapped on first use; a query decodes only the postings of its words (numpy slices of
the memory map), scores into one float array per segment and keeps the top few with argpartition.

Incremental path: every document belongs to a **group** (``b:BRIEF`` — all a brief produced —
or ``e:ENTITY``). :meth:`SearchIndex.update` tombstones the groups being replaced in the older
segments (recorded in the manifest as ``dead`` group names; masked at query time, left out of idf
and the average length, so results equal a full build's) and writes the new documents as a new
small segment; :meth:`dump` writes only segments not yet on disk and swaps the manifest
atomically. Past six segments the small ones are merged into one; a full build (``build``) starts
again from one segment with no tombstones. For one changed brief the caller passes
``documents(library, briefs=[id], entities=<its actors>)`` so the entity documents (whose
``brief:`` filter lists their briefs) are refreshed too.
"""

from .docs import KINDS, SearchDoc, documents
from .index import Hit, Predicates, SearchIndex, SearchResult, crop, snippet_with_spans
from .query import FIELDS, QueryError, parse

__all__ = [
    "FIELDS",
    "KINDS",
    "Hit",
    "Predicates",
    "QueryError",
    "SearchDoc",
    "SearchIndex",
    "SearchResult",
    "crop",
    "documents",
    "parse",
    "snippet_with_spans",
]
