"""The App: themes, global keys, the command palette and browser-like navigation between screens."""

from __future__ import annotations

from functools import partial

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from .config import Config, load_config
from .linking import BriefView, Location, Selection
from .screens.base import BriefScreen
from .screens.entity import EntityScreen
from .screens.help import HelpScreen, bindings_table
from .screens.library import LibraryScreen
from .screens.reader import ReaderScreen
from .store import Store
from .userdata import UserData


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


class BriefApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "brief"
    COMMANDS = App.COMMANDS | {BriefCommands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("L", "library", "Library", id="library"),
        Binding("t", "cycle_theme", "Theme", show=False, id="theme"),
        Binding("backspace,alt+left", "back", "Back", show=False, id="back"),
        Binding("alt+right", "forward", "Forward", show=False, id="forward"),
    ]

    def __init__(
        self,
        store: Store,
        userdata: UserData,
        start: Location | None = None,
        config: Config | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self.userdata = userdata
        self.config = config if config is not None else load_config()
        self.start = start
        self.history: list[Location] = []
        self.position = -1

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        for problem in self.config.problems:
            self.notify(problem, severity="warning", markup=False)
        self.visit(self.start or self.first_location())

    def first_location(self) -> Location:
        last = self.userdata.last_brief()
        if last and self.store.brief(last):
            saved = self.userdata.position(last) or {}
            selection = Selection(saved.get("actor"), saved.get("item"))
            return Location("brief", last, selection, saved.get("focus"))
        return Location("brief", self.store.briefs()[0].id)

    # -- navigation -----------------------------------------------------------------------------
    def current_location(self) -> Location | None:
        screen = self.screen
        if isinstance(screen, ReaderScreen | EntityScreen):
            return screen.capture_location()
        return None

    def save_current(self) -> None:
        location = self.current_location()
        if location is not None and 0 <= self.position < len(self.history):
            self.history[self.position] = location
            if location.kind == "brief":
                self.userdata.set_position(
                    location.target,
                    {
                        "actor": location.selection.actor,
                        "item": location.selection.item,
                        "focus": location.focus,
                    },
                )

    def visit(self, location: Location) -> None:
        self.save_current()
        del self.history[self.position + 1 :]
        self.history.append(location)
        self.position = len(self.history) - 1
        self.show(location)

    def show(self, location: Location) -> None:
        if location.kind == "brief":
            screen: BriefScreen = ReaderScreen(
                BriefView.load(self.store, location.target), location
            )
            self.userdata.set_last_brief(location.target)
            if self.userdata.error:
                self.notify(self.userdata.error, severity="warning", markup=False)
                self.userdata.error = None
        else:
            entity = self.store.entity(location.target)
            if entity is None:
                self.notify(
                    f"No person or faction {location.target!r} in the store.",
                    severity="error",
                    markup=False,
                )
                return
            screen = EntityScreen(self.store, entity, location)
        while len(self.screen_stack) > 1 and not isinstance(self.screen, BriefScreen):
            self.pop_screen()  # close the library or help first
        if isinstance(self.screen, BriefScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def open_brief(self, brief_id: str, item: str | None = None, actor: str | None = None) -> None:
        focus = None
        if item and item.startswith("event:"):
            focus = "history"
        elif item and item.startswith("sentence:"):
            focus = "source"
        self.visit(Location("brief", brief_id, Selection(actor, item), focus))

    def open_entity(self, entity_id: str) -> None:
        self.visit(Location("entity", entity_id))

    def action_back(self) -> None:
        if self.position <= 0:
            self.notify("Nothing to go back to.", timeout=2)
            return
        self.save_current()
        self.position -= 1
        self.show(self.history[self.position])

    def action_forward(self) -> None:
        if self.position >= len(self.history) - 1:
            self.notify("Nothing to go forward to.", timeout=2)
            return
        self.save_current()
        self.position += 1
        self.show(self.history[self.position])

    # -- global actions -------------------------------------------------------------------------
    def action_library(self) -> None:
        if isinstance(self.screen, LibraryScreen):
            return

        def chosen(brief_id: str | None) -> None:
            if brief_id:
                self.open_brief(brief_id)

        self.push_screen(LibraryScreen(self.store), chosen)

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(bindings_table(self.screen)))

    def action_cycle_theme(self) -> None:
        names = sorted(self.available_themes)
        index = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(index + 1) % len(names)]
        self.notify(f"Theme: {self.theme}", timeout=2, markup=False)

    async def action_quit(self) -> None:
        self.save_current()
        self.exit()
