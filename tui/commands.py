"""The command palette's provider: open any brief, person or faction, run any reader action."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from .screens.reader import ReaderScreen

if TYPE_CHECKING:
    from .app import BriefApp


class BriefCommands(Provider):
    """Open any brief, person or faction, and run any of the reader's actions."""

    def commands(self) -> list[tuple[str, object, str]]:
        app: BriefApp = self.app  # type: ignore[assignment]
        store = app.store
        found: list[tuple[str, object, str]] = []
        for brief in store.briefs():
            found.append(
                (f"Open brief: {brief.title}", partial(app.open_brief, brief.id), brief.id)
            )
        for person in store.people():
            found.append(
                (
                    f"Open person: {person.name}",
                    partial(app.open_entity, person.id),
                    ", ".join(person.aliases),
                )
            )
        for faction in store.factions():
            found.append(
                (
                    f"Open faction: {faction.name}",
                    partial(app.open_entity, faction.id),
                    faction.kind,
                )
            )
        actions = [
            ("Library", app.action_library, "Every brief in the store"),
            ("Help", app.action_help, "Keys and how the panes link"),
            ("Back", app.action_back, "Previous page"),
            ("Forward", app.action_forward, "Next page"),
            ("Next theme", app.action_cycle_theme, "Cycle through the themes"),
        ]
        screen = app.screen
        if isinstance(screen, ReaderScreen):
            actions += [
                ("Search this brief", screen.action_find, "Highlight matches; n / N step through"),
                ("Clear selection", screen.action_clear, "Forget the actor and item"),
                ("Follow links", screen.action_hints, "Number the links of the current item"),
                *(
                    (f"Go to {title}", partial(screen.focus_pane, name), f"Pane {n}")
                    for n, (name, title) in enumerate(
                        zip(
                            ("summary", "takeaways", "actors", "history", "source"),
                            ("Summary", "Key takeaways", "Actors", "History", "Source"),
                            strict=True,
                        ),
                        1,
                    )
                ),
            ]
        found += actions
        return found

    async def discover(self) -> Hits:
        for text, command, help_text in self.commands():
            yield DiscoveryHit(Content(text), command, text=text, help=escape(help_text) or None)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self.commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(
                    score,
                    _highlight(matcher, text),
                    command,
                    text=text,
                    help=escape(help_text) or None,
                )  # type: ignore[arg-type]


def _highlight(matcher, text: str) -> Content:
    """The matched characters in bold, without parsing ``text`` as markup."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        content = content.stylize("bold underline", offset, offset + 1)
    return content
