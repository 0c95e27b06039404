"""The command palette's provider: the search engine's hits and the app's actions.

A plain consumer of the app: it reaches the app through :class:`PaletteHost` (what it needs of
it), never imports ``tui.app``. Each key asks the search engine for the top hits — no catalog
is rebuilt or sorted per key.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Protocol

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from .search import Hit as SearchHit
from .search import QueryError

PALETTE_HITS = 25
KIND_LABEL = {
    "brief": "Brief",
    "person": "Person",
    "faction": "Faction",
    "event": "Event",
    "takeaway": "Takeaway",
    "summary": "Summary",
    "sentence": "Article",
}


class PaletteHost(Protocol):
    """What the palette uses of the app."""

    store: Any

    def open_brief(self, brief_id: str, item: str | None = None) -> None: ...
    def open_entity(self, entity_id: str) -> None: ...


APP_ACTIONS = [
    ("Library", "action_library", "Every brief in the store"),
    ("Help", "action_help", "Keys and how the panes link"),
    ("Back", "action_back", "Previous page"),
    ("Forward", "action_forward", "Next page"),
    ("Next theme", "action_cycle_theme", "Cycle through the themes"),
    ("Bookmarks", "action_bookmarks", "Your bookmarks; enter opens exactly there"),
    ("Notes", "action_notes", "Your notes, orphaned ones too; enter opens exactly there"),
    ("Next unread brief", "action_next_unread", "Open the next brief you have not read"),
]
READER_ACTIONS = [
    ("Search this brief", "action_find", "Highlight matches; n / N step through"),
    ("Clear selection", "action_clear", "Forget the actor and item"),
    ("Follow links", "action_hints", "Number the links of the current item"),
    ("Note on the selection", "action_annotate", "Write a note on the item, sentence or actor"),
    ("Bookmark the selection", "action_bookmark", "Toggle a bookmark on the selection"),
]
PANES = (("summary", "Summary"), ("takeaways", "Key takeaways"), ("actors", "Actors"),
         ("history", "History"), ("source", "Source"))  # fmt: skip


def open_command(app: PaletteHost, hit: SearchHit) -> Any:
    """What choosing a hit does: open the person or faction, or the brief exactly at the item."""
    if hit.kind in ("person", "faction"):
        return partial(app.open_entity, hit.id)
    if hit.brief is None:
        return partial(app.open_entity, hit.id)
    return partial(app.open_brief, hit.brief, hit.item)


def hit_label(hit: SearchHit) -> Content:
    """``Kind  Title`` with the matched words of the title highlighted; never parsed as markup."""
    title = Content(hit.title)
    for start, end in hit.title_highlights:
        title = title.stylize("bold underline", start, end)
    kind = KIND_LABEL.get(hit.kind, hit.kind).lower()
    return Content.assemble((f"Open {kind}: ", "$text-muted"), title)


def engine_query(text: str) -> str:
    """The palette's words as a search query: "open person dostum" → "kind:person dostum"."""
    words = text.split()
    if words and words[0].casefold() in ("open", "go", "show"):
        words = words[1:]
    if words:
        kind = PALETTE_KINDS.get(words[0].casefold().rstrip(":"))
        if kind is not None and len(words) > 1:
            words = [f"kind:{kind}", *words[1:]]
    return " ".join(words)


PALETTE_KINDS = {"brief": "brief", "person": "person", "people": "person", "faction": "faction",
                 "event": "event", "takeaway": "takeaway", "sentence": "sentence"}  # fmt: skip


class BriefCommands(Provider):
    """Open any brief, takeaway, event, sentence, person or faction, and run the app's actions."""

    def actions(self) -> list[tuple[str, Any, str]]:
        app = self.app
        found = [
            (text, getattr(app, name), help_text)
            for text, name, help_text in APP_ACTIONS
            if hasattr(app, name)
        ]
        screen = app.screen
        if hasattr(screen, "focus_pane"):  # the reader
            found += [
                (text, getattr(screen, name), help_text)
                for text, name, help_text in READER_ACTIONS
                if hasattr(screen, name)
            ]
            found += [
                (f"Go to {title}", partial(screen.focus_pane, name), f"Pane {n}")
                for n, (name, title) in enumerate(PANES, 1)
            ]
        return found

    async def discover(self) -> Hits:
        for text, command, help_text in self.actions():
            yield DiscoveryHit(Content(text), command, text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self.actions():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(text), command, text=text, help=escape(help_text)
                )
        app: PaletteHost = self.app  # type: ignore[assignment]
        try:
            predicates = getattr(app, "search_predicates", None)
            result = app.store.search_index.search(
                engine_query(query),
                PALETTE_HITS,
                predicates=predicates() if predicates is not None else None,
            )
        except QueryError as error:
            message = str(error)
            yield Hit(0.01, Content(message), partial(self.app.notify, message, markup=False),
                      text=message)  # fmt: skip
            return
        top = result.hits[0].score if result.hits else 1.0
        for rank, hit in enumerate(result.hits):
            # keep the engine's order, below an action that matches well
            score = 0.9 * (hit.score / top if top else 0) - rank * 1e-4
            yield Hit(
                max(score, 1e-3),
                hit_label(hit),
                open_command(app, hit),
                text=hit.title,
                help=escape(hit.snippet) or None,
            )
        if result.suggestion and not result.hits:
            suggestion = result.suggestion
            yield Hit(0.5, Content(f"Did you mean: {suggestion}"), lambda: None, text=suggestion)
