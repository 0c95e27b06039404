"""The App: themes, global keys, the command palette and browser-like navigation between screens."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import Any

from textual import events
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.css.query import NoMatches
from textual.filter import LineFilter
from textual.screen import Screen

from . import textual_fixes
from .config import Config, load_config
from .linking import BriefView, Location, Selection
from .readstate import Guarded, anchor_label, anchor_text, brief_hashes, search_predicates
from .screens.base import BriefScreen
from .screens.reader import ReaderScreen
from .store import Store
from .userdata import Anchor, Note, UserData

# Themes whose colours are the terminal's own palette: the reader cannot know them, so it cannot
# promise readable highlights in them (ansi-dark drew the selected paragraph black on the terminal's
# background). Dropped from the `t` cycle and the palette's theme list.
UNREADABLE_THEMES = ("ansi-dark", "ansi-light", "textual-ansi")
THEME_SETTING = "theme"


def reader_themes(app: App) -> list[str]:
    """The themes the `t` key cycles through."""
    return sorted(app.available_themes)


def _brief_commands() -> type:
    """The palette's provider, imported when the palette first opens (not at start-up)."""
    from .commands import BriefCommands

    return BriefCommands


async def wait_mounted(screen: Screen, timeout: float = 2.0) -> None:
    """Wait until ``screen`` has mounted (at most ``timeout`` seconds)."""
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(screen._mounted_event.wait(), timeout=timeout)


class BriefApp(App):
    CSS_PATH = "app.tcss"
    TITLE = "brief"
    COMMANDS = App.COMMANDS | {_brief_commands}
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help"),
        Binding("L", "library", "Library", id="library"),
        Binding("t", "cycle_theme", "Theme", show=False, id="theme"),
        Binding("backspace,alt+left", "back", "Back", id="back"),
        Binding("alt+right", "forward", "Forward", show=False, id="forward"),
        Binding("u", "next_unread", "Next unread brief", show=False, id="next-unread"),
    ]

    def __init__(
        self,
        store: Store,
        userdata: UserData,
        start: Location | None = None,
        config: Config | None = None,
    ) -> None:
        textual_fixes.apply(only_if_loaded=True)
        self._dim_filter: tuple[str, LineFilter] | None = None
        super().__init__()
        for name in UNREADABLE_THEMES:
            self.unregister_theme(name)
        self.store = store
        # every call holds a lock: saves run in a worker thread (see run_userdata)
        self.userdata: Any = userdata if isinstance(userdata, Guarded) else Guarded(userdata)
        saved = userdata.setting(THEME_SETTING)
        if isinstance(saved, str) and saved in self.available_themes:
            self.theme = saved
        self.config = config if config is not None else load_config()
        self.start = start
        self.history: list[Location] = []
        self.position = -1
        self.crash: BaseException | None = None  # the first unhandled error, reported by the CLI
        self.after_first_paint: list[Callable[[], None]] = []  # run once the first screen shows
        self._last_key = 0.0  # (time.monotonic) when the last key came
        self._key_in_flight: tuple[events.Key, float] | None = None  # forwarded, not back yet
        self._key_done = 0.0  # (time.monotonic) when the last key was handled
        self._key_back: events.Key | None = None  # a forwarded key being handled here
        self._unsaved: list[Callable[[], object]] = []  # positions written after the next paint
        self._held_keys: list[events.Key] = []  # keys that came while one was in flight
        self._keys_timer: Any = None
        self._collecting_when_idle = False

    def first_painted(self) -> None:
        """A reader or entity screen has painted: run what waited for the first paint."""
        hooks, self.after_first_paint = self.after_first_paint, []
        for hook in hooks:
            hook()
        if not self._collecting_when_idle:
            self._collecting_when_idle = True
            self.collect_when_idle()

    # -- garbage collection --------------------------------------------------------------------
    # A full collection walks every object the reader keeps (its caches of drawn lines, the
    # store's): 50–150 ms, which landed on whatever key was being answered. Full collections
    # now run when no key has come for a while; the automatic ones are ten times rarer (they
    # still bound memory for someone who never stops typing). Young generations are untouched.
    IDLE_COLLECT_AFTER = 1.5  # seconds without a key
    FULL_COLLECTION_THRESHOLD = 100  # young collections between automatic full ones (Python: 10)

    def collect_when_idle(self) -> None:
        first, second, _third = gc.get_threshold()
        gc.set_threshold(first, second, self.FULL_COLLECTION_THRESHOLD)
        self.set_interval(self.IDLE_COLLECT_AFTER, self._collect_if_idle)

    def _collect_if_idle(self) -> None:
        idle = time.monotonic() - self._last_key >= self.IDLE_COLLECT_AFTER
        if idle and gc.isenabled() and gc.get_count()[2] > 0:
            gc.collect()

    # -- keys typed fast -----------------------------------------------------------------------
    KEY_IN_FLIGHT_LIMIT = 0.5  # seconds a key may take to come back before the next goes anyway

    async def on_event(self, event: events.Event) -> None:
        """Every key acts on the screen the previous key produced: a key that arrives while that
        screen is still being built waits for it (a terminal delivers a burst like `L escape` or
        `3 Down Enter Enter` in one read, faster than a screen mounts).

        And a key waits for the one before it: Textual forwards a key to the focused widget and
        resolves its (non-priority) binding only when it bubbles back to the app, so a key that
        came after it — a priority pane switch (`3 j j 2`: the `j`s went to Key takeaways), or a
        letter after `/` (forwarded to the pane, not to the search box) — would act first."""
        if isinstance(event, events.Key) and not event.is_forwarded:
            self._last_key = time.monotonic()
            if self._held_keys or self._key_busy():
                self._held_keys.append(event)
                self._watch_keys()
            else:
                await self._take_key(event)
            return
        if isinstance(event, events.Key):  # a forwarded key back here: its binding runs now
            self._key_back = event
            try:
                await super().on_event(event)
            finally:
                self._key_back = None
            return
        await super().on_event(event)

    async def _take_key(self, event: events.Key) -> None:
        if not self._screen_stack:
            return  # between screens (or closing): no screen to take a key
        screen = self.screen
        if not screen.is_mounted:
            await wait_mounted(screen)
        await super().on_event(event)
        self._key_done = time.monotonic()
        if event.is_forwarded and not event._stop_propagation:
            self._key_in_flight = (event, self._key_done)

    def _key_busy(self) -> bool:
        """Is the last key forwarded still on its way (not stopped by a widget, not back here),
        or are the messages it set off still on theirs? The search field reports its Enter as a
        message, a pane its Enter, Textual a focus change: a key taken before they arrive acts on
        the screen as it was (`/word⏎ n`: the `n` was typed into the search field; `j j 5`, when
        a pane's moves were messages too: Source showed the support of the item before)."""
        now = time.monotonic()
        if self._key_in_flight is not None:
            key, since = self._key_in_flight
            # (Textual also stops a key on its last hop, as it is posted back to the app: a key
            # stopped but queued here, or being handled here, is still on its way)
            on_its_way = (
                not key._stop_propagation
                or key is self._key_back
                or key is self._pending_message  # (taken off the queue by a look ahead)
                or any(message is key for message in self._message_queue.values)
            )
            if on_its_way and now - since <= self.KEY_IN_FLIGHT_LIMIT:
                return True
            self._key_in_flight = None
        return (
            now - self._key_done <= self.KEY_IN_FLIGHT_LIMIT
            and bool(self._screen_stack)
            and getattr(self.screen, "SETTLES_KEYS", False)  # (not Textual's command palette)
            and textual_fixes.messages_waiting(self.screen)
        )

    def _watch_keys(self) -> None:
        """Look again soon: a key stopped by a widget (a letter typed in a box) never comes back."""
        if self._keys_timer is None:
            self._keys_timer = self.set_timer(0.002, self._release_keys)

    async def _release_keys(self) -> None:
        self._keys_timer = None
        while self._held_keys and not self._key_busy():
            await self._take_key(self._held_keys.pop(0))
        if self._held_keys:
            self._watch_keys()

    async def _on_key(self, event: events.Key) -> None:
        """The key is back: its binding runs (App._on_key, called here and then kept from running
        twice: Textual calls every class's handler, this one first), then the next key may go."""
        if self._screen_stack:  # none between screens or while closing: the key has nowhere to go
            await super()._on_key(event)
        event.prevent_default()
        if self._key_in_flight is not None and self._key_in_flight[0] is event:
            self._key_in_flight = None
            self._key_done = time.monotonic()
            await self._release_keys()

    # -- crashes --------------------------------------------------------------------------------
    def _handle_exception(self, error: Exception) -> None:
        """Keep the first unhandled error for a one-line report after the terminal is restored
        (tui/cli.py writes the traceback to a file); Textual still closes the app."""
        if self.crash is None:
            self.crash = error
        super()._handle_exception(error)

    def _print_error_renderables(self) -> None:
        """No traceback on the user's terminal: the CLI prints where the report was written."""
        if self.crash is None:
            super()._print_error_renderables()
        else:
            self._exit_renderables.clear()

    def get_css_variables(self) -> dict[str, str]:
        """The theme's variables plus the reader's own component colours (see widgets/styles.py)."""
        from .widgets.styles import reader_variables

        variables = super().get_css_variables()
        variables.update(reader_variables(variables))
        self.theme_variables = variables
        return variables

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Dim text drawn in the reader's readable muted colour, then Textual's filters (the first of
        which would otherwise draw dim text two-thirds of the way to the background)."""
        muted = self.theme_variables.get("brief-muted")
        if muted and (self._dim_filter is None or self._dim_filter[0] != muted):
            from textual.color import Color

            from .widgets.styles import ReadableDim

            self._dim_filter = (muted, ReadableDim(Color.parse(muted)))
        filters = list(super().get_line_filters())
        if self._dim_filter is not None:
            filters.insert(0, self._dim_filter[1])
        return filters

    def watch_theme(self, theme: str) -> None:
        """Remember the theme, however it was chosen (`t` or the palette), across restarts."""
        if hasattr(self, "userdata"):
            self.userdata.set_setting(THEME_SETTING, theme)

    def on_mount(self) -> None:
        if self.config.keymap:
            self.set_keymap(self.config.keymap)
        for problem in self.config.problems:
            self.notify(problem, severity="warning", markup=False)
        if self.config.keymap:
            self.call_after_refresh(self.check_keymap)
        self.call_after_refresh(textual_fixes.apply)
        self.tell_userdata()
        self.resolve_anchors()

    def get_default_screen(self) -> Screen:
        """The first screen is the brief (or entity) opened at start: no blank screen is composed,
        laid out and painted before it, and it is styled once."""
        location = self.start or self.first_location()
        self.history.append(location)
        self.position = 0
        screen = self.make_screen(location)
        if screen is None:
            return Screen(id="_default")
        # What switch_screen gives the screen it switches in: the first `show` replaces this one
        # with switch_screen, which pops a result callback from the screen it replaces.
        screen._push_result_callback(screen, None)
        return screen

    def resolve_anchors(self) -> None:
        """After a rebuild: notes and bookmarks whose text moved follow it, those whose text is
        gone are marked orphaned (never dropped). The store is read here, after the first paint,
        on the app's thread (its caches are not shared with threads); the write runs in a worker
        and the marks are redrawn after."""
        records = [*self.userdata.notes(), *self.userdata.bookmarks()]
        if not records:
            return

        def prepare() -> None:
            from .userdata import anchor_checks

            _exists, texts = anchor_checks(self.store)
            briefs = {r.anchor.brief for r in records if r.anchor.brief}
            table = {brief: texts(brief) for brief in briefs}
            entities = {r.anchor.entity for r in records if r.anchor.entity}
            known = {e for e in entities if self.store.entity(e) is not None}

            def exists(anchor: Anchor) -> bool:
                if anchor.entity is not None:
                    return anchor.entity in known
                items = table.get(anchor.brief or "")
                return items is not None and (not anchor.item or anchor.item in items)

            self.run_userdata(
                self.userdata.resolve_anchors,
                exists,
                table.get,
                then=lambda _r: self.refresh_marks(),
            )

        self.call_after_refresh(prepare)

    def first_location(self) -> Location:
        last = self.userdata.last_brief()
        if last and self.store.brief(last):
            saved = self.userdata.position(last) or {}
            selection = Selection(saved.get("actor"), saved.get("item"))
            return Location("brief", last, selection, saved.get("focus"))
        return Location("brief", self.store.briefs()[0].id)

    def binding_ids(self) -> set[str]:
        """Every binding id a user may remap in config.toml."""
        from textual.binding import Binding

        from .screens.entity import EntityScreen
        from .screens.help import HelpScreen
        from .screens.library import LibraryScreen

        classes: list[type] = [type(self), ReaderScreen, EntityScreen, LibraryScreen, HelpScreen]
        classes += [type(widget) for widget in self.screen.walk_children()]
        ids = set()
        for cls in classes:
            for klass in cls.__mro__:
                for binding in klass.__dict__.get("BINDINGS", []):
                    if isinstance(binding, Binding) and binding.id:
                        ids.add(binding.id)
        return ids

    def check_keymap(self) -> None:
        """A misspelt binding id in config.toml is reported, not silently ignored."""
        for problem in self.config.unknown_keys(self.binding_ids()):
            self.notify(problem, severity="warning", markup=False, timeout=10)

    # -- navigation -----------------------------------------------------------------------------
    def current_location(self) -> Location | None:
        capture = getattr(self.screen, "capture_location", None)
        if capture is None:
            return None
        try:
            return capture()
        except NoMatches:
            # Keys typed fast can leave a screen before it is composed (`3 Down Enter Enter`): it
            # has nothing to capture, and history keeps the location it was opened on.
            return None

    def save_current(self, *, later: bool = False) -> None:
        """Remember where the user is in the current brief. ``later``: write it to disk after the
        next screen's first paint (a navigation: the write holds the user data's lock and
        fsyncs, ~10 ms the new page would otherwise wait for)."""
        location = self.current_location()
        if location is not None and 0 <= self.position < len(self.history):
            self.history[self.position] = location
            if location.kind == "brief":
                write = partial(
                    self.userdata.set_position,
                    location.target,
                    {
                        "actor": location.selection.actor,
                        "item": location.selection.item,
                        "focus": location.focus,
                    },
                )
                if later:
                    self._unsaved.append(write)
                else:
                    write()

    def save_now(self) -> None:
        """Write the positions that wait for a paint (the app is going, or nothing will paint)."""
        unsaved, self._unsaved = self._unsaved, []
        for write in unsaved:
            write()

    def visit(self, location: Location) -> None:
        self.save_current(later=True)
        del self.history[self.position + 1 :]
        self.history.append(location)
        self.position = len(self.history) - 1
        self.show(location)

    def show(self, location: Location) -> None:
        top = self.screen
        if not isinstance(top, BriefScreen) and not top.is_mounted:
            # A modal still being built (`L` typed just before a link was followed): let it finish
            # before it is closed, or it mounts after removal and fails.
            self.call_later(self._show_when_ready, top, location)
            return
        screen = self.make_screen(location)
        if screen is None:
            self.save_now()
            return
        unsaved, self._unsaved = self._unsaved, []
        screen.after_paint[:0] = unsaved
        while len(self.screen_stack) > 1 and not isinstance(self.screen, BriefScreen):
            self.workers.cancel_node(self.screen)  # the palette may still be searching
            self.pop_screen()  # close the library, help or palette first
        if isinstance(self.screen, BriefScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def make_screen(self, location: Location) -> BriefScreen | None:
        """The reader or entity screen for ``location`` (None, and a message, if it is gone)."""
        if location.kind == "brief":
            screen: BriefScreen = ReaderScreen(
                BriefView.load(self.store, location.target), location
            )
            # on disk after the screen first shows (a write holds the user data's lock, fsyncs)
            screen.after_paint.append(partial(self.save_last_brief, location.target))
            self.mark_read(screen)
        else:
            entity = self.store.entity(location.target)
            if entity is None:
                self.notify(
                    f"No person or faction {location.target!r} in the store.",
                    severity="error",
                    markup=False,
                )
                return None
            from .screens.entity import EntityScreen

            screen = EntityScreen(self.store, entity, location)
        return screen

    def save_last_brief(self, brief_id: str) -> None:
        self.userdata.set_last_brief(brief_id)
        self.tell_userdata()

    async def _show_when_ready(self, screen: Screen, location: Location) -> None:
        await wait_mounted(screen)
        if screen.is_mounted or screen is not self.screen:
            self.show(location)

    def open_brief(self, brief_id: str, item: str | None = None, actor: str | None = None) -> None:
        focus = None
        if item and item.startswith("event:"):
            focus = "history"
        elif item and item.startswith("sentence:"):
            focus = "source"
        elif item and item.startswith("takeaway:"):
            focus = "takeaways"
        elif item and item.startswith("summary:"):
            focus = "summary"
        self.visit(Location("brief", brief_id, Selection(actor, item), focus))

    def open_entity(self, entity_id: str) -> None:
        self.visit(Location("entity", entity_id))

    def action_back(self) -> None:
        if self.position <= 0:
            current = self.history[self.position] if self.history else None
            if current is not None and current.kind == "entity":
                # Opened straight on a person or faction (`brief open dostum`): back is the library,
                # where every brief he appears in can be opened.
                self.action_library()
                return
            self.notify("Nothing to go back to.", timeout=2)
            return
        self.save_current(later=True)
        self.position -= 1
        self.show(self.history[self.position])

    def action_forward(self) -> None:
        if self.position >= len(self.history) - 1:
            self.notify("Nothing to go forward to.", timeout=2)
            return
        self.save_current(later=True)
        self.position += 1
        self.show(self.history[self.position])

    # -- global actions -------------------------------------------------------------------------
    def action_library(self) -> None:
        from .screens.library import LibraryScreen

        if isinstance(self.screen, LibraryScreen):
            return

        def chosen(brief_id: str | None) -> None:
            if brief_id:
                self.open_brief(brief_id)

        self.push_screen(LibraryScreen(self.store, self.userdata), chosen)

    def action_help(self) -> None:
        from .screens.help import HelpScreen, bindings_table

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(bindings_table(self.screen)))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's palette commands that fit the reader: Theme and Quit. Not Maximize (it hides
        the other panes and the key bar, and pane keys stop working), Screenshot (it writes a file
        into the current directory) or Keys (`?` is the reader's help)."""
        for command in super().get_system_commands(screen):
            if command.title in ("Theme", "Quit"):
                yield command

    def action_cycle_theme(self) -> None:
        names = reader_themes(self)
        index = names.index(self.theme) if self.theme in names else -1
        self.theme = names[(index + 1) % len(names)]
        self.show_notice(f"Theme: {self.theme}")

    THEME_NOTICE_SECONDS = 2.0

    def show_notice(self, text: str) -> None:
        """A short notice on the key bar, where it covers nothing the user reads (a toast hid part
        of the History and Source panes); a screen without a key bar gets a toast."""
        from .widgets.keybar import KeyBar

        try:
            bar = self.screen.query_one(KeyBar)
        except NoMatches:
            self.notify(text, timeout=self.THEME_NOTICE_SECONDS, markup=False)
            return
        bar.flash(text, self.THEME_NOTICE_SECONDS)

    def pop_screen(self) -> AwaitComplete:
        """Never pop the last reader or entity screen (a stray dismiss would leave a blank app)."""
        if len(self.screen_stack) <= 2 and isinstance(self.screen, BriefScreen):
            return AwaitComplete()
        return super().pop_screen()

    async def action_quit(self) -> None:
        self.save_now()
        self.save_current()
        pending = [w for w in self.workers if w.group == "userdata" and not w.is_finished]
        if pending:  # a save in flight finishes before the app goes
            await self.workers.wait_for_complete(pending)
        self.exit()

    # -- the user's layer: read marks, bookmarks, notes ---------------------------------------
    def tell_userdata(self) -> None:
        """Show, once each, what the user data layer has to say (file moved aside, cannot save)."""
        for message in self.userdata.take_messages():
            self.notify(message, severity="warning", markup=False, timeout=8)

    def run_userdata(
        self, call: Callable[..., Any], *args: Any, then: Callable[[Any], None] | None = None
    ) -> None:
        """Run a user-data write in a worker thread (it fsyncs: never on a keystroke's path), then
        ``then(result)`` back on the app's thread, and any message for the user."""

        def work() -> None:
            result = call(*args)
            self.call_from_thread(done, result)

        def done(result: Any) -> None:
            if then is not None:
                then(result)
            self.tell_userdata()

        self.run_worker(work, thread=True, group="userdata", exit_on_error=True)

    def search_predicates(self) -> dict:
        """``is:unread``, ``is:read``, ``is:bookmarked``, ``has:note`` for the search engine."""
        return search_predicates(self.userdata)

    def mark_read(self, screen: ReaderScreen) -> None:
        """The reader shows what changed since the last read; then the brief is marked read as
        it is now, in a worker, and the reader says so once it is on disk."""
        brief_id = screen.brief_id
        brief_hash, items = brief_hashes(self.store, brief_id)
        screen.read_state = (
            "unread"
            if self.userdata.is_unread(brief_id)
            else "updated"
            if self.userdata.is_updated(brief_id, brief_hash)
            else "read"
        )
        screen.changed = frozenset(self.userdata.changed_since_read(brief_id, brief_hash, items))
        if screen.read_state == "read":
            return
        screen.after_paint.append(
            partial(
                self.run_userdata,
                self.userdata.mark_read,
                brief_id,
                brief_hash,
                items,
                then=screen.read_saved,
            )
        )

    def action_next_unread(self) -> None:
        """Open the next unread brief after the current one, in the Library's order."""
        screen = self.screen
        if hasattr(screen, "next_unread"):  # the Library moves its own cursor
            screen.next_unread()
            return
        current = getattr(screen, "brief_id", None)
        ids = [b.id for b in self.store.briefs()]
        target = self.userdata.next_unread(ids, after=current)
        if target is None or target == current:
            self.notify("No unread briefs.", timeout=3)
            return
        self.open_brief(target)

    def action_bookmarks(self) -> None:
        from .screens.notes import BookmarksScreen

        if not isinstance(self.screen, BookmarksScreen):
            self.push_screen(BookmarksScreen())

    def action_notes(self) -> None:
        from .screens.notes import NotesScreen

        if not isinstance(self.screen, NotesScreen):
            self.push_screen(NotesScreen())

    def open_anchor(self, anchor: Anchor, orphaned: bool = False) -> None:
        """Open exactly where a note or bookmark points: the entity page, or the brief with the
        item or sentence selected."""
        if anchor.entity is not None:
            self.open_entity(anchor.entity)
            return
        if anchor.brief is None or self.store.brief(anchor.brief) is None:
            self.notify(
                f"The brief {anchor.brief!r} is no longer in the store.", severity="warning",
                markup=False,
            )  # fmt: skip
            return
        item = anchor.item
        if item and (orphaned or anchor_text(self.store, anchor) is None):
            self.notify(
                "The text this was attached to is no longer in the brief.", severity="warning"
            )
            item = None
        self.open_brief(anchor.brief, item)

    def edit_note(
        self,
        anchor: Anchor,
        quote: str | None,
        note: Note | None = None,
        then: Callable[[bool], None] | None = None,
    ) -> None:
        """Open the note editor on ``note`` (or a new note on ``anchor``); the editor closes and
        ``then(True)`` runs only once the note is on disk."""
        from .screens.note_editor import NoteEditor

        label = anchor_label(self.store, anchor)
        editor: NoteEditor

        def save(text: str) -> None:
            def written(result: Note | bool | None) -> None:
                ok = result.saved if isinstance(result, Note) else bool(result)
                reason = "" if ok else "the data directory cannot be written (see the message)"
                editor.saved(ok, reason)
                if ok:
                    if not text.strip() and note is not None:
                        self.notify("Note deleted.", timeout=3)
                    else:
                        self.notify("Note saved.", timeout=3)
                    self.refresh_marks()
                if then is not None:
                    then(ok)

            if note is None:
                self.run_userdata(self.userdata.add_note, anchor, text, quote, then=written)
            elif not text.strip():
                self.run_userdata(self.userdata.delete_note, note.id, then=written)
            else:
                self.run_userdata(self.userdata.edit_note, note.id, text, then=written)

        editor = NoteEditor(label, quote, note.text if note is not None else "", save)
        self.push_screen(editor)

    def refresh_marks(self) -> None:
        """Every screen that shows notes or bookmarks redraws its marks."""
        for screen in self.screen_stack:
            refresh = getattr(screen, "refresh_marks", None)
            if refresh is not None:
                refresh()
