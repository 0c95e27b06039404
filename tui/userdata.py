"""The user's own layer over the briefs: read marks, bookmarks, notes, reading position, settings.

No Textual import. The content store is read-only; this is the only thing the reader writes. It
lives in ``userdata.json`` in the platform data directory (``platformdirs``), or ``--data-dir`` /
``BRIEF_DATA_DIR``.

Using it (what the reader UI needs)
-----------------------------------
::

    ud = UserData(directory)             # never raises; a damaged file is recovered (see below)
    for line in ud.take_messages():      # things the user must be told once (moved-aside file,
        notify(line)                     # cannot save, ...); ``ud.error`` is the same, joined

    # anchors: what a bookmark or note is attached to. Built from the reader's selection:
    Anchor.of_brief(brief_id)                 # the whole brief
    Anchor.of_entity(person_or_faction_id)    # a person or faction (across briefs)
    Anchor.of_item(brief_id, item)            # item as in linking.Selection.item: "summary:N",
                                              # "takeaway:N", "event:ID" or "sentence:pN.sM"
    anchor.key                                # stable string form, e.g. "brief:b1#sentence:p3.s2"

    # read / unread (hashes from Store.brief_hash / Store.item_hashes)
    ud.mark_read(brief_id, brief_hash, item_hashes)   -> bool (True: on disk)
    ud.mark_unread(brief_id)                          -> bool
    ud.is_read(brief_id) / ud.is_unread(brief_id)     -> bool
    ud.is_updated(brief_id, brief_hash)               -> bool: read before, changed since
    ud.changed_since_read(brief_id, brief_hash, item_hashes) -> set of item keys that are new or
                                                        changed since the last read (empty if the
                                                        brief was never read, or is unchanged)
    ud.next_unread(ordered_brief_ids, after=None)     -> next unread id after ``after``, wrapping
    ud.unread_count(brief_ids)                        -> int

    # bookmarks
    ud.toggle_bookmark(anchor, quote=None) -> bool (bookmarked now); ud.is_bookmarked(anchor)
    ud.bookmarks(brief=None) -> list[Bookmark] (newest first; Bookmark.anchor, .quote, .orphaned)

    # notes (``quote`` is the annotated text — the sentence, takeaway or event text — kept so the
    # note can be shown, and re-anchored, after a rebuild; required on a sentence)
    ud.add_note(anchor, text, quote=None) -> Note     (Note.saved is False if it is not on disk)
    ud.edit_note(note_id, text) -> Note | None;  ud.delete_note(note_id) -> bool
    ud.note(note_id);  ud.notes(brief=None, anchor=None) -> list[Note] (oldest first)
    ud.noted_items(brief_id) -> set of item keys with a note (for markers); "" = the brief itself
    ud.noted_entities() -> set of person/faction ids with a note (Actors card, entity page)
    ud.resolve_anchors(exists, texts=None, persist=True)   after a (re)build: notes and bookmarks
        whose anchor is gone are marked orphaned (never dropped; Note.orphaned, shown with
        Note.quote); an item whose text moved (sentence ids shifted, a takeaway inserted above)
        is re-anchored by its quote. ``exists, texts = anchor_checks(store)`` builds both from a
        Store; call it once when the store is opened.

    # reading position and settings
    ud.last_brief() / ud.set_last_brief(id);  ud.position(id) / ud.set_position(id, {...})
    ud.setting(key, default=None) / ud.set_setting(key, value)     (any JSON value)
    ud.refresh()   re-read the file if another process changed it (cheap: one stat); call it
                   before showing a list (Library, Bookmarks, Notes). Every write also picks up
                   what other processes wrote.

One ``UserData`` per process, used from one thread (the app's). A save takes a few milliseconds
(two fsyncs); with thousands of records it grows with the file (see benchmarks/userdata.py), so a
UI that saves on every brief it opens may prefer to call ``mark_read`` from a worker.

Every mutating call returns only after the change is on disk (or reports that it is not: ``False``,
``Note.saved``, a message); it never raises on I/O (a malformed anchor or a value that is not JSON
is a ValueError / TypeError: a programming error). Text read back (notes, quotes) is the user's own but the file can be
tampered with: show it with ``Content(text)`` / ``markup=False``.

The file
--------
JSON Lines, UTF-8: a header line ``{"format": "brief-userdata", "version": 2}``, then one record per
line, sorted by id. Every record carries ``id`` (``read:<brief>``, ``bookmark:<anchor key>``,
``note:<random hex>``, ``position:<brief>``, ``setting:<key>``, ``state:<key>``), ``kind``, and
``updated`` (UTC, ``YYYY-MM-DDTHH:MM:SS.ffffffZ``, so strings compare in time order; a note's
``edited`` is when its text last changed, ``updated`` when the record did). A deleted record stays
as a tombstone (``"deleted": true``) so that a merge cannot bring it back. Because each line stands
alone, a damaged file loses only its damaged lines. ``UserData.db`` is a TinyDB over the same
records (:class:`UserDataStorage`: one table per kind, tombstones hidden) for ad-hoc queries; the
methods above answer from in-memory indices, so the UI can call them on every keystroke.

Durability and merging
----------------------
A change is first applied in memory and queued. To save it: take an exclusive ``fcntl.flock`` on
``userdata.json.lock``; re-read ``userdata.json`` (another process may have written it); merge the
queued records into it by id — per record, the one with the later ``updated`` wins, not the whole
file; write the result to ``.userdata.json.<random>.tmp``, flush, fsync it, ``os.replace`` it over
``userdata.json``, fsync the directory; release the lock. Only then does the call return success. A
kill at any moment leaves the old file or the new one; leftover ``.tmp`` files are removed (under
the lock, so never a live writer's) the next time the file is opened.

A file that cannot be used whole — invalid JSON lines, records of the wrong shape, a bare list or
string, the old format with bad entries — is moved aside as ``userdata.json.damaged-<UTC time>``,
the records that still parse are written back, and one message says where the original went. If it
cannot be moved (read-only directory), the parsed records are used and nothing is written, so the
damaged file is never overwritten. A read-only directory: everything reads; the first failed write
says once that changes cannot be saved; changes stay in memory (``saved`` False) and are retried on
the next write. The old format (a TinyDB table ``state`` of ``{key, value}``) is converted on open.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson

from .config import user_dir

try:  # pragma: no cover - always present on the platforms brief supports
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

USERDATA_FILE = "userdata.json"
FORMAT = "brief-userdata"
VERSION = 2
KINDS = ("read", "bookmark", "note", "position", "setting", "state")
MAX_FILE_BYTES = 64 * 1024 * 1024  # a user-data file larger than this is not read (not ours)
LOCK_TIMEOUT = 10.0  # seconds to wait for another brief process to finish its write
TOMBSTONE_DAYS = 90  # deleted records are forgotten after this long
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ITEM_KINDS = ("summary", "takeaway", "event", "sentence")
_POSITION_KEYS = ("actor", "item", "focus")


def default_data_dir() -> Path:
    return user_dir("BRIEF_DATA_DIR", "data")


def clean(text: str) -> str:
    """Text from the user-data file made safe to print: control characters removed (not newline/tab)."""
    return _CONTROL.sub("", text)


# -- anchors ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Anchor:
    """What a note or bookmark is attached to: a brief, an item of a brief, or a person/faction."""

    brief: str | None = None
    item: str | None = None  # "summary:N", "takeaway:N", "event:ID", "sentence:pN.sM"
    entity: str | None = None

    @classmethod
    def of_brief(cls, brief_id: str) -> Anchor:
        return cls(brief=brief_id)

    @classmethod
    def of_entity(cls, entity_id: str) -> Anchor:
        return cls(entity=entity_id)

    @classmethod
    def of_item(cls, brief_id: str, item: str | None) -> Anchor:
        return cls(brief=brief_id, item=item or None)

    @property
    def kind(self) -> str:
        """``brief``, ``entity``, ``summary``, ``takeaway``, ``event`` or ``sentence``."""
        if self.entity is not None:
            return "entity"
        if self.item:
            return self.item.partition(":")[0]
        return "brief"

    @property
    def key(self) -> str:
        if self.entity is not None:
            return f"entity:{self.entity}"
        return f"brief:{self.brief}" + (f"#{self.item}" if self.item else "")

    @classmethod
    def parse(cls, key: str) -> Anchor | None:
        """The anchor of a key, or None if the key is not one."""
        kind, _, rest = key.partition(":")
        if not rest:
            return None
        if kind == "entity":
            return cls(entity=rest)
        if kind != "brief":
            return None
        brief, _, item = rest.partition("#")
        if not brief:
            return None
        if item:
            item_kind, _, item_id = item.partition(":")
            if item_kind not in _ITEM_KINDS or not item_id:
                return None
        return cls(brief=brief, item=item or None)

    def __str__(self) -> str:
        return self.key


def as_anchor(anchor: Anchor | str) -> Anchor:
    """An Anchor, from itself or its key; ValueError if it cannot be written and read back."""
    if isinstance(anchor, Anchor):
        if Anchor.parse(anchor.key) != anchor:
            raise ValueError(f"not an anchor: {anchor!r} (ids cannot be empty or hold '#')")
        return anchor
    parsed = Anchor.parse(anchor) if isinstance(anchor, str) else None
    if parsed is None:
        raise ValueError(f"not an anchor: {anchor!r} (brief:ID, brief:ID#item:KEY or entity:ID)")
    return parsed


@dataclass(frozen=True)
class Note:
    """A note the user wrote on a place in a brief (or an entity), with the text it was on."""

    id: str
    anchor: Anchor
    text: str
    quote: str | None
    created: str
    updated: str  # when its text was last written (not when it was last re-anchored)
    orphaned: bool = False
    saved: bool = True  # False while the note exists only in memory (could not be written)

    def to_json(self) -> dict[str, Any]:
        """The note for `brief notes --json` and exports, control characters removed."""
        data = {
            "id": self.id,
            "anchor": self.anchor.key,
            "kind": self.anchor.kind,
            "brief": self.anchor.brief,
            "item": self.anchor.item,
            "entity": self.anchor.entity,
            "quote": self.quote,
            "text": self.text,
            "created": self.created,
            "updated": self.updated,
            "orphaned": self.orphaned,
        }
        return {k: clean(v) if isinstance(v, str) else v for k, v in data.items()}


@dataclass(frozen=True)
class Bookmark:
    """A place the user marked, with the text it was on."""

    id: str
    anchor: Anchor
    quote: str | None
    created: str
    orphaned: bool = False
    saved: bool = True


@dataclass
class ResolveResult:
    """What re-anchoring notes and bookmarks after a rebuild changed (record ids)."""

    orphaned: list[str] = field(default_factory=list)  # record ids newly orphaned
    restored: list[str] = field(default_factory=list)  # record ids whose anchor is back
    moved: list[str] = field(default_factory=list)  # record ids re-anchored by their quote

    def __bool__(self) -> bool:
        return bool(self.orphaned or self.restored or self.moved)


# -- timestamps -------------------------------------------------------------------------------------
_last_stamp = ""


def now_stamp() -> str:
    """The current UTC time as a record stamp, strictly increasing within this process."""
    global _last_stamp
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if stamp <= _last_stamp:
        last = datetime.strptime(_last_stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
        stamp = datetime.fromtimestamp(last.timestamp() + 1e-6, UTC).strftime(
            "%Y-%m-%dT%H:%M:%S.%fZ"
        )
        if stamp <= _last_stamp:  # float rounding: step by string instead
            stamp = _last_stamp[:-1] + "1Z"
    _last_stamp = stamp
    return stamp


# -- record validation ------------------------------------------------------------------------------
def _opt_str(value: Any) -> bool:
    return value is None or type(value) is str


def _valid_position(value: Any) -> bool:
    return isinstance(value, dict) and all(_opt_str(value.get(k)) for k in _POSITION_KEYS)


def _check_record(record: Any) -> str:
    """``ok``, ``unknown`` (a kind from a newer brief: kept as it is) or ``bad``."""
    if type(record) is not dict:
        return "bad"
    get = record.get
    rid, kind = get("id"), get("kind")
    if type(rid) is not str or type(kind) is not str or type(get("updated")) is not str:
        return "bad"
    if not rid.startswith(kind) or rid[len(kind) : len(kind) + 1] != ":":
        return "bad"
    deleted = get("deleted", False)
    if deleted is not False and deleted is not True:
        return "bad"
    if kind not in KINDS:
        return "unknown"
    if deleted:
        return "ok"
    if kind == "read":
        items = get("items")
        good = (
            type(get("brief")) is str
            and _opt_str(get("hash"))
            and type(items) is dict
            and all(type(v) is str for v in items.values())
        )
    elif kind == "note" or kind == "bookmark":
        anchor = get("anchor")
        orphaned = get("orphaned", False)
        good = (
            type(anchor) is str
            and Anchor.parse(anchor) is not None
            and _opt_str(get("quote"))
            and type(get("created")) is str
            and (orphaned is False or orphaned is True)
            and (kind == "bookmark" or type(get("text")) is str)
        )
    elif kind == "position":
        good = type(get("brief")) is str and _valid_position(get("value"))
    else:  # setting, state
        good = type(get("key")) is str and "value" in record
    return "ok" if good else "bad"


@dataclass
class Parsed:
    """The user data file as read: its records, how many lines were bad, and why it is unusable."""

    records: dict[str, dict[str, Any]] = field(default_factory=dict)
    bad: int = 0  # unreadable or wrong-shape lines / entries
    problem: str | None = None  # why the whole file is unusable as it is (wrong shape)
    legacy: bool = False  # the old single-JSON format
    newer: int | None = None  # a version written by a newer brief


def _keep(records: dict[str, dict[str, Any]], record: dict[str, Any]) -> None:
    """Add ``record``; of two with the same id the later ``updated`` wins."""
    old = records.get(record["id"])
    if old is None or record["updated"] >= old["updated"]:
        records[record["id"]] = record


_MISSING = object()


def _rebase(
    record: dict[str, Any], base: dict[str, Any] | None, current: dict[str, Any] | None
) -> dict[str, Any]:
    """``record`` (a change made to ``base``) applied to ``current``, what the file holds now.

    If another process changed the record since ``base`` was read, the fields this change touched
    are applied to its version and the others keep their new values; a field both changed goes to
    the later ``updated``. So re-anchoring a note never undoes another reader's edit of its text."""
    if base is None or current is None or current == base:
        return record
    ours_newer = record["updated"] >= current["updated"]
    merged = dict(current)
    for key in set(record) | set(base):
        mine = record.get(key, _MISSING)
        if mine == base.get(key, _MISSING):
            continue  # not part of this change
        theirs_changed = current.get(key, _MISSING) != base.get(key, _MISSING)
        if theirs_changed and not ours_newer:
            continue
        if mine is _MISSING:
            merged.pop(key, None)
        else:
            merged[key] = mine
    merged["updated"] = max(record["updated"], current["updated"])
    return merged


def parse(raw: bytes, known: dict[bytes, dict[str, Any]] | None = None) -> Parsed:
    """The records of a user-data file, however damaged; never raises.

    ``known`` maps lines already parsed and found good to their record (records are never changed
    in place): a file re-read before each write is mostly the lines it held last time."""
    parsed = Parsed()
    if not raw.strip():
        return parsed
    first = raw.lstrip().split(b"\n", 1)[0]
    try:  # the usual case, decided on the first line: our header
        header = orjson.loads(first)
    except orjson.JSONDecodeError:
        header = None
    single = False
    whole = None
    if not (type(header) is dict and header.get("format") == FORMAT):
        try:
            whole = orjson.loads(raw)
        except orjson.JSONDecodeError:
            pass
        else:
            single = True
    if single and not (isinstance(whole, dict) and whole.get("format") == FORMAT):
        if isinstance(whole, dict) and "kind" in whole:
            pass  # a lines file holding one record and no header: read it as lines
        else:
            return _parse_legacy(whole, parsed)
    lines = [line for line in raw.split(b"\n") if line.strip()]
    values: list[Any] | None = None
    if known is None or len(known) < len(lines) // 2:
        try:  # one call for the whole file; a damaged line sends us line by line
            values = orjson.loads(b"[" + b",".join(lines) + b"]")
        except orjson.JSONDecodeError:
            values = None
        if values is not None and len(values) != len(lines):
            values = None
    for number, line in enumerate(lines):
        if known is not None and (cached := known.get(line)) is not None:
            _keep(parsed.records, cached)
            continue
        if values is not None:
            record = values[number]
        else:
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError:
                parsed.bad += 1
                continue
        if type(record) is dict and record.get("format") == FORMAT and "id" not in record:
            version = record.get("version")
            if isinstance(version, int) and version > VERSION:
                parsed.newer = version
            continue
        verdict = _check_record(record)
        if verdict == "bad":
            parsed.bad += 1
        else:
            _keep(parsed.records, record)
            if known is not None:
                known[line] = record
    return parsed


def _parse_legacy(whole: Any, parsed: Parsed) -> Parsed:
    """The first format: TinyDB JSON ``{"state": {"1": {"key": ..., "value": ...}}}``."""
    parsed.legacy = True
    if not isinstance(whole, dict):
        parsed.problem = f"holds a JSON {type(whole).__name__}, not brief user data"
        return parsed
    if not whole:
        return parsed
    state = whole.get("state")
    extra = {k for k, v in whole.items() if k != "state" and v != {}}
    if not isinstance(state, dict) or extra:
        parsed.problem = "is not brief user data (no usable 'state' table)"
        if not isinstance(state, dict):
            return parsed
    stamp = now_stamp()
    for doc in state.values():
        key = doc.get("key") if isinstance(doc, dict) else None
        value = doc.get("value") if isinstance(doc, dict) else None
        if key == "last_brief" and isinstance(value, str):
            record = {"id": "state:last_brief", "kind": "state", "key": "last_brief"}
            record.update(value=value, updated=stamp)
        elif (
            isinstance(key, str)
            and key.startswith("position:")
            and len(key) > 9
            and _valid_position(value)
        ):
            brief = key[9:]
            value = {k: value.get(k) for k in _POSITION_KEYS}
            record = {"id": key, "kind": "position", "brief": brief, "value": value}
            record["updated"] = stamp
        else:
            parsed.bad += 1
            continue
        _keep(parsed.records, record)
    return parsed


def serialize(records: Mapping[str, dict[str, Any]]) -> bytes:
    header = orjson.dumps({"format": FORMAT, "version": VERSION})
    lines = [header] + [orjson.dumps(records[rid]) for rid in sorted(records)]
    return b"\n".join(lines) + b"\n"


# -- disk -------------------------------------------------------------------------------------------
def write_durably(path: Path, payload: bytes) -> None:
    """Temporary file beside ``path``, flush, fsync, replace, fsync the directory; or raise OSError.

    Readers see the old file or the new one, never half; once this returns the new one survives a
    power cut."""
    import tempfile

    try:
        mode = path.stat().st_mode & 0o777
    except FileNotFoundError:
        mode = 0o600  # notes are private
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    try:
        directory = os.open(path.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(directory)
    except OSError:
        pass  # some file systems cannot fsync a directory; the replace itself is atomic
    finally:
        os.close(directory)


class LockTimeout(OSError):
    pass


def _flock(handle: int, timeout: float) -> bool:
    """Take an exclusive flock on ``handle``; False if another process keeps it ``timeout`` s.

    A busy lock is waited for in a blocking ``flock`` (the kernel hands it over as soon as it is
    released; polling would let a busy writer take it again first, again and again), run in a
    helper thread so that the wait can time out. A thread that gets the lock after the timeout
    holds it on a file that is being closed, which releases it at once."""
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        if timeout <= 0:
            return False
    import threading

    got = threading.Event()

    def wait() -> None:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX)
        except OSError:
            return
        got.set()

    threading.Thread(target=wait, name="brief-userdata-lock", daemon=True).start()
    return got.wait(timeout)


class UserDataStorage:
    """TinyDB's view of the records: one table per kind, tombstones hidden. Reads come from memory
    (``UserData`` keeps ``records`` current); writes go to disk durably.

    A ``tinydb.storages.Storage``, registered as one when :attr:`UserData.db` is first used: the
    reader's start-up never queries through TinyDB and does not import it (~2 ms)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.records: dict[str, dict[str, Any]] = {}
        self._tables: dict[str, dict[str, dict[str, Any]]] | None = None

    def set_records(self, records: dict[str, dict[str, Any]]) -> None:
        self.records = records
        self._tables = None

    def read(self) -> dict[str, dict[str, Any]]:
        if self._tables is None:
            tables: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in KINDS}
            for record in self.records.values():
                if record.get("kind") in tables and not record.get("deleted"):
                    table = tables[record["kind"]]
                    table[str(len(table) + 1)] = record
            self._tables = tables
        return self._tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        raise OSError("user data is written by UserData.commit, not through TinyDB")

    def close(self) -> None:
        """Nothing to close (``Storage.close``)."""

    def write_records(
        self,
        records: Mapping[str, dict[str, Any]],
        known: dict[bytes, dict[str, Any]] | None = None,
    ) -> None:
        """Write the file durably; ``known`` is refilled with its lines (see :func:`parse`), and
        a record that came from one of its lines is written as that line, not serialised again."""
        line_of = {id(record): line for line, record in (known or {}).items()}
        lines: dict[bytes, dict[str, Any]] = {}
        for rid in sorted(records):
            record = records[rid]
            line = line_of.get(id(record))  # known holds the record, so its id is not reused
            lines[line if line is not None else orjson.dumps(record)] = record
        header = orjson.dumps({"format": FORMAT, "version": VERSION})
        # a userdata.json that links elsewhere (a synced folder) stays a link: write its target
        target = Path(os.path.realpath(self.path)) if self.path.is_symlink() else self.path
        write_durably(target, b"\n".join([header, *lines]) + b"\n")
        if known is not None:
            known.clear()
            known.update(lines)


# -- the API ----------------------------------------------------------------------------------------
class UserData:
    """The user's notes, bookmarks, read marks, positions and settings. Never raises on I/O."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_data_dir()
        self.storage = UserDataStorage(self.directory / USERDATA_FILE)
        self._db: Any = None  # the TinyDB view, made when first used (see ``db``)
        self._disk: dict[str, dict[str, Any]] = {}  # the file as last read or written
        self._pending: dict[str, dict[str, Any]] = {}  # changes not yet on disk
        self._bases: dict[str, dict[str, Any] | None] = {}  # what each change was made from
        self._view: dict[str, dict[str, Any]] = {}  # _disk merged with _pending
        self._messages: list[str] = []
        self._said: set[str] = set()
        self._frozen: str | None = None  # why nothing may be written (damaged file left in place)
        self._signature: tuple[int, int, int] | None = None
        self._read_signature: tuple[int, int, int] | None = None
        self._cleaned = False
        self._known: dict[bytes, dict[str, Any]] = {}  # good lines of the file → their record
        self._by_brief: dict[str | None, list[dict[str, Any]]] | None = None  # notes, bookmarks
        self._load(initial=True)

    @property
    def db(self) -> Any:
        """A TinyDB over the records (one table per kind, tombstones hidden) for ad-hoc queries."""
        if self._db is None:
            from tinydb import TinyDB
            from tinydb.storages import Storage

            Storage.register(UserDataStorage)
            self._db = TinyDB(storage=lambda: self.storage)
        return self._db

    # -- messages ---------------------------------------------------------------------------------
    @property
    def path(self) -> Path:
        return self.directory / USERDATA_FILE

    @property
    def lock_path(self) -> Path:
        return self.directory / (USERDATA_FILE + ".lock")

    def _say(self, key: str, message: str) -> None:
        """Queue ``message`` for the user, once per ``key`` for the life of this object."""
        if key not in self._said:
            self._said.add(key)
            self._messages.append(clean(message))  # paths can hold escape sequences

    def take_messages(self) -> list[str]:
        """Messages the user has not been shown yet (each is returned once)."""
        messages, self._messages = self._messages, []
        return messages

    @property
    def error(self) -> str | None:
        """The unshown messages as one string; set it to None once shown."""
        return " · ".join(self._messages) if self._messages else None

    @error.setter
    def error(self, value: str | None) -> None:
        self._messages = [value] if value else []

    @property
    def writable(self) -> bool:
        """False while changes cannot be saved (read-only directory, damaged file left in place)."""
        return self._frozen is None and not self._pending

    # -- loading ----------------------------------------------------------------------------------
    def _stat(self) -> os.stat_result | None:
        try:
            return os.stat(self.path)
        except OSError:
            return None

    def _read_file(self) -> tuple[bytes | None, str | None]:
        """The file's bytes (None: no file) or why it cannot be read. Notes the file's signature
        *before* reading, so that a file replaced meanwhile is seen as changed by ``refresh``."""
        info = self._stat()
        self._read_signature = (info.st_ino, info.st_size, info.st_mtime_ns) if info else None
        if info is None:
            return None, None if not self.path.is_symlink() else "is a broken link"
        if not stat.S_ISREG(info.st_mode):
            return None, "is not a regular file"
        if info.st_size > MAX_FILE_BYTES:
            return None, f"is {info.st_size:,} bytes, too large to be brief user data"
        try:
            with open(self.path, "rb") as stream:
                return stream.read(MAX_FILE_BYTES + 1), None
        except FileNotFoundError:
            return None, None
        except OSError as error:
            return None, f"cannot be read ({error.strerror})"

    def _load(self, initial: bool = False) -> None:
        raw, unreadable = self._read_file()
        if unreadable is not None:
            self._frozen = (
                f"{self.path} {unreadable} — nothing is saved so it is not overwritten; "
                f"fix or remove it, or start with --data-dir"
            )
            self._say("frozen", self._frozen)
            self._set_disk({})
            return
        parsed = parse(raw or b"", self._known)
        if parsed.newer is not None:
            self._frozen = (
                f"{self.path} was written by a newer brief (format {parsed.newer}) — it is read "
                f"but not changed; upgrade brief to save notes"
            )
            self._say("frozen", self._frozen)
        if parsed.bad or parsed.problem or parsed.legacy:
            parsed = self._repair(parsed)
        self._set_disk(parsed.records)
        if initial:
            self._clean_temporaries(wait=False)

    def _set_disk(self, records: dict[str, dict[str, Any]], written: bool = False) -> None:
        """``records`` are what the file holds: as read (signature taken before reading) or as
        just written under the lock (``written``: nobody else can have changed it since)."""
        self._disk = records
        if written:
            info = self._stat()
            self._signature = (info.st_ino, info.st_size, info.st_mtime_ns) if info else None
        else:
            self._signature = self._read_signature
        self._rebuild_view()

    def _rebuild_view(self) -> None:
        view = dict(self._disk)
        for record in self._pending.values():
            _keep(view, record)
        self._view = view
        self.storage.set_records(view)
        self._by_brief = None

    def _repair(self, parsed: Parsed) -> Parsed:
        """Take the lock and :meth:`_repair_locked`; if that cannot be done, use what was read."""
        try:
            with self._locked():
                return self._repair_locked()
        except OSError as error:
            if parsed.bad or parsed.problem:
                from .ingest.text import counted

                reason = error.strerror or str(error)
                self._frozen = (
                    f"{self.path} is damaged ({self._damage(parsed)}) and cannot be moved aside "
                    f"({reason}); using the {counted(len(parsed.records), 'record')} that could be read, "
                    f"saving nothing — make {self.directory} writable or start with --data-dir"
                )
                self._say("frozen", self._frozen)
            return parsed  # an old-format file in a read-only directory is simply read

    def _repair_locked(self) -> Parsed:
        """Re-read the file (another process may have repaired it); if it is damaged, keep the
        original as ``userdata.json.damaged-<time>`` and write the records that parse in its place;
        an old-format file is converted. The caller holds the lock; raises OSError."""
        raw, unreadable = self._read_file()
        if unreadable is not None:
            raise OSError(0, f"{self.path} {unreadable}")
        parsed = parse(raw or b"")
        damaged = bool(parsed.bad or parsed.problem)
        if not (damaged or parsed.legacy) or parsed.newer is not None:
            return parsed
        aside = None
        if damaged:
            aside = self._aside_name()
            try:  # a second name for the damaged file; the replace below then swaps in the repair
                os.link(self.path, aside)
            except OSError:
                import shutil

                shutil.copy2(self.path, aside)
        try:
            self.storage.write_records(parsed.records)
        except OSError:
            if aside is None:
                raise
            aside.unlink(missing_ok=True)  # nothing was changed: leave the file as it was
            raise
        if aside is not None:
            from .ingest.text import counted

            self._say(
                "repaired",
                f"{self.path} was damaged ({self._damage(parsed)}): the original is kept as "
                f"{aside}; {counted(len(parsed.records), 'record')} recovered — look there for anything missing",
            )
        parsed.bad, parsed.problem, parsed.legacy = 0, None, False
        return parsed

    @staticmethod
    def _damage(parsed: Parsed) -> str:
        from .ingest.text import counted

        if parsed.problem:
            return parsed.problem
        return counted(parsed.bad, "unreadable line or entry", "unreadable lines or entries")

    def _aside_name(self) -> Path:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        candidate = self.path.with_name(f"{USERDATA_FILE}.damaged-{stamp}")
        number = 1
        while candidate.exists():
            number += 1
            candidate = self.path.with_name(f"{USERDATA_FILE}.damaged-{stamp}-{number}")
        return candidate

    def _clean_temporaries(self, wait: bool) -> None:
        """Remove ``.userdata.json.*.tmp`` left by a killed write, holding the lock so that no
        live writer's temporary file is touched."""
        try:
            if not any(self.directory.glob(f".{USERDATA_FILE}.*.tmp")):
                self._cleaned = True
                return
            with self._locked(timeout=LOCK_TIMEOUT if wait else 0.0):
                for leftover in self.directory.glob(f".{USERDATA_FILE}.*.tmp"):
                    leftover.unlink(missing_ok=True)
            self._cleaned = True
        except OSError:
            pass  # read-only, or another process is writing: try again at the next write

    def refresh(self) -> bool:
        """Re-read the file if another process changed it since; True if it was re-read."""
        info = self._stat()
        signature = (info.st_ino, info.st_size, info.st_mtime_ns) if info else None
        if signature == self._signature:
            return False
        self._load()
        return True

    # -- writing ----------------------------------------------------------------------------------
    @contextmanager
    def _locked(self, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
        self.directory.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if fcntl is not None and not _flock(handle, timeout):
                raise LockTimeout(0, f"another brief process holds {self.lock_path}")
            yield
        finally:
            os.close(handle)  # closing releases the lock

    def _commit(self, *records: dict[str, Any]) -> bool:
        """Queue ``records`` and write every queued change; True once they are on disk."""
        for record in records:
            if record["id"] not in self._pending:
                self._bases[record["id"]] = self._view.get(record["id"])
            self._pending[record["id"]] = record
        self._rebuild_view()
        if self._frozen is not None:
            self._say("frozen", self._frozen)
            return False
        try:
            with self._locked():
                raw, unreadable = self._read_file()
                if unreadable is not None:
                    raise OSError(0, f"{self.path} {unreadable}")
                parsed = parse(raw or b"", self._known)
                if parsed.newer is not None:
                    self._frozen = (
                        f"{self.path} was written by a newer brief (format {parsed.newer}) — "
                        f"it is not changed; upgrade brief to save notes"
                    )
                    self._say("frozen", self._frozen)
                    return False
                if parsed.bad or parsed.problem or parsed.legacy:
                    parsed = self._repair_locked()  # damaged since we opened it
                disk = parsed.records
                for rid, record in self._pending.items():
                    _keep(disk, _rebase(record, self._bases.get(rid), disk.get(rid)))
                self._prune(disk)
                self.storage.write_records(disk, self._known)
                if not self._cleaned:
                    for leftover in self.directory.glob(f".{USERDATA_FILE}.*.tmp"):
                        leftover.unlink(missing_ok=True)
                    self._cleaned = True
                self._pending.clear()
                self._bases.clear()
                self._set_disk(disk, written=True)
        except OSError as error:
            reason = error.strerror or str(error)
            self._said.discard("saved-again")
            self._say(
                "cannot-save",
                f"cannot save notes, bookmarks or reading marks in {self.directory}: {reason} — "
                f"they are kept until you quit; make the directory writable or use --data-dir",
            )
            return False
        if "cannot-save" in self._said:
            self._said.discard("cannot-save")
            self._say("saved-again", f"notes and reading marks are saved again in {self.directory}")
        return True

    @staticmethod
    def _prune(records: dict[str, dict[str, Any]]) -> None:
        limit = datetime.fromtimestamp(time.time() - TOMBSTONE_DAYS * 86400, UTC).strftime(
            "%Y-%m-%dT%H:%M:%S.%fZ"
        )
        for rid in [r for r, rec in records.items() if rec.get("deleted")]:
            if records[rid]["updated"] < limit:
                del records[rid]

    def _records_of(
        self, kind: str, brief: str | None, all_briefs: bool | None = None
    ) -> list[dict[str, Any]]:
        """Live note or bookmark records: all (``brief`` None), or those on one brief and its
        items; ``all_briefs=True`` with ``brief`` None: those not on a brief (entity anchors)."""
        if self._by_brief is None:
            index: dict[str | None, list[dict[str, Any]]] = {}
            for record in self._view.values():
                if record["kind"] in ("note", "bookmark") and not record.get("deleted"):
                    owner = as_anchor(record["anchor"]).brief
                    index.setdefault(owner, []).append(record)
            self._by_brief = index
        if brief is None and not all_briefs:
            lists: Iterable[list[dict[str, Any]]] = self._by_brief.values()
        else:
            lists = [self._by_brief.get(brief, [])]
        return [r for records in lists for r in records if r["kind"] == kind]

    def _live(self, rid: str) -> dict[str, Any] | None:
        record = self._view.get(rid)
        return None if record is None or record.get("deleted") else record

    def _delete(self, rid: str) -> bool:
        record = self._view[rid]
        tomb = {"id": rid, "kind": record["kind"], "deleted": True, "updated": now_stamp()}
        return self._commit(tomb)

    # -- settings, last brief, position -------------------------------------------------------
    def setting(self, key: str, default: Any = None) -> Any:
        record = self._live(f"setting:{key}")
        return record["value"] if record is not None else default

    def set_setting(self, key: str, value: Any) -> bool:
        """Store any JSON value under ``key`` (e.g. the theme). True once on disk."""
        orjson.dumps(value)  # TypeError now, for the caller, rather than at every later write
        record = self._live(f"setting:{key}")
        if record is not None and record["value"] == value:
            return record["id"] not in self._pending
        new = {"id": f"setting:{key}", "kind": "setting", "key": key, "value": value}
        new["updated"] = now_stamp()
        return self._commit(new)

    def last_brief(self) -> str | None:
        record = self._live("state:last_brief")
        value = record["value"] if record is not None else None
        return value if isinstance(value, str) else None

    def set_last_brief(self, brief_id: str) -> bool:
        if self.last_brief() == brief_id:
            return "state:last_brief" not in self._pending
        record = {"id": "state:last_brief", "kind": "state", "key": "last_brief"}
        record.update(value=brief_id, updated=now_stamp())
        return self._commit(record)

    def position(self, brief_id: str) -> dict[str, Any] | None:
        """``{"actor", "item", "focus"}`` (each a string or None) saved for a brief, or None."""
        record = self._live(f"position:{brief_id}")
        if record is None:
            return None
        return {k: record["value"].get(k) for k in _POSITION_KEYS}

    def set_position(self, brief_id: str, position: dict[str, Any]) -> bool:
        value = {k: v if isinstance(v := position.get(k), str) else None for k in _POSITION_KEYS}
        if self.position(brief_id) == value:
            return f"position:{brief_id}" not in self._pending
        record = {"id": f"position:{brief_id}", "kind": "position", "brief": brief_id}
        record.update(value=value, updated=now_stamp())
        return self._commit(record)

    # -- read / unread ------------------------------------------------------------------------
    def mark_read(
        self, brief_id: str, brief_hash: str | None, item_hashes: Mapping[str, str]
    ) -> bool:
        """Remember that the brief was read as it is now (its hash and each item's hash)."""
        items = {str(k): str(v) for k, v in item_hashes.items()}
        record = self._live(f"read:{brief_id}")
        if record is not None and record.get("hash") == brief_hash and record["items"] == items:
            return record["id"] not in self._pending
        stamp = now_stamp()
        new = {"id": f"read:{brief_id}", "kind": "read", "brief": brief_id, "hash": brief_hash}
        new.update(items=items, read_at=stamp, updated=stamp)
        return self._commit(new)

    def mark_unread(self, brief_id: str) -> bool:
        if self._live(f"read:{brief_id}") is None:
            return True
        return self._delete(f"read:{brief_id}")

    def is_read(self, brief_id: str) -> bool:
        return self._live(f"read:{brief_id}") is not None

    def is_unread(self, brief_id: str) -> bool:
        return self._live(f"read:{brief_id}") is None

    def read_at(self, brief_id: str) -> str | None:
        record = self._live(f"read:{brief_id}")
        return record.get("read_at") if record is not None else None

    def is_updated(self, brief_id: str, brief_hash: str | None) -> bool:
        """True if the brief was read and has changed since (for the Library's marker)."""
        record = self._live(f"read:{brief_id}")
        return record is not None and record.get("hash") != brief_hash

    def changed_since_read(
        self, brief_id: str, brief_hash: str | None, item_hashes: Mapping[str, str]
    ) -> set[str]:
        """Item keys (``summary:N``, ``takeaway:N``, ``event:ID``) new or changed since the last
        read. Empty when the brief was never read (it is all unread) or has not changed."""
        record = self._live(f"read:{brief_id}")
        if record is None or (brief_hash is not None and record.get("hash") == brief_hash):
            return set()
        seen = record["items"]
        return {key for key, value in item_hashes.items() if seen.get(key) != value}

    def next_unread(self, ordered_brief_ids: Iterable[str], after: str | None = None) -> str | None:
        """The first unread brief after ``after`` in the given order, wrapping round; None if
        every brief is read (``after`` itself is returned last, if it is unread)."""
        ids = list(ordered_brief_ids)
        start = ids.index(after) + 1 if after in ids else 0
        for brief_id in ids[start:] + ids[:start]:
            if self.is_unread(brief_id):
                return brief_id
        return None

    def unread_count(self, brief_ids: Iterable[str]) -> int:
        return sum(1 for brief_id in brief_ids if self.is_unread(brief_id))

    # -- bookmarks ----------------------------------------------------------------------------
    def is_bookmarked(self, anchor: Anchor | str) -> bool:
        return self._live(f"bookmark:{as_anchor(anchor).key}") is not None

    def toggle_bookmark(self, anchor: Anchor | str, quote: str | None = None) -> bool:
        """Add the bookmark, or remove it if it is there; returns whether it is bookmarked now.
        Whether that reached the disk: ``writable`` / ``take_messages()``."""
        anchor = as_anchor(anchor)
        if not (quote is None or isinstance(quote, str)):
            raise TypeError("a bookmark's quote is a string")
        if anchor.kind == "sentence" and not quote and not self.is_bookmarked(anchor):
            raise ValueError("a bookmark on a sentence needs the sentence's text as its quote")
        rid = f"bookmark:{anchor.key}"
        if self._live(rid) is not None:
            self._delete(rid)
            return False
        stamp = now_stamp()
        record = {"id": rid, "kind": "bookmark", "anchor": anchor.key, "quote": quote}
        record.update(created=stamp, updated=stamp)
        self._commit(record)
        return True

    def _bookmark(self, record: dict[str, Any]) -> Bookmark:
        return Bookmark(
            id=record["id"],
            anchor=as_anchor(record["anchor"]),
            quote=record.get("quote"),
            created=record["created"],
            orphaned=record.get("orphaned", False),
            saved=record["id"] not in self._pending,
        )

    def bookmarks(self, brief: str | None = None) -> list[Bookmark]:
        """Bookmarks, newest first; with ``brief``, those on that brief and its items."""
        found = [self._bookmark(r) for r in self._records_of("bookmark", brief)]
        return sorted(found, key=lambda b: b.created, reverse=True)

    # -- notes --------------------------------------------------------------------------------
    def _note(self, record: dict[str, Any]) -> Note:
        return Note(
            id=record["id"],
            anchor=as_anchor(record["anchor"]),
            text=record["text"],
            quote=record.get("quote"),
            created=record["created"],
            updated=edited
            if isinstance(edited := record.get("edited"), str)
            else record["updated"],
            orphaned=record.get("orphaned", False),
            saved=record["id"] not in self._pending,
        )

    def add_note(self, anchor: Anchor | str, text: str, quote: str | None = None) -> Note:
        """Attach a note; returns it once it is on disk (``saved`` False if it could not be)."""
        anchor = as_anchor(anchor)
        if not isinstance(text, str) or not (quote is None or isinstance(quote, str)):
            raise TypeError("a note's text and quote are strings")
        if anchor.kind == "sentence" and not quote:
            raise ValueError("a note on a sentence needs the sentence's text as its quote")
        stamp = now_stamp()
        import secrets  # (hmac, OpenSSL: not on the start-up path)

        rid = f"note:{secrets.token_hex(8)}"
        record = {"id": rid, "kind": "note", "anchor": anchor.key, "quote": quote, "text": text}
        record.update(created=stamp, edited=stamp, updated=stamp)
        self._commit(record)
        return self._note(self._view[rid])

    def edit_note(self, note_id: str, text: str) -> Note | None:
        if not isinstance(text, str):
            raise TypeError("a note's text is a string")
        record = self._live(note_id)
        if record is None or record["kind"] != "note":
            return None
        if record["text"] != text:
            stamp = now_stamp()
            self._commit({**record, "text": text, "edited": stamp, "updated": stamp})
        return self._note(self._view[note_id])

    def delete_note(self, note_id: str) -> bool:
        """Remove a note; True once that is on disk."""
        record = self._live(note_id)
        if record is None or record["kind"] != "note":
            return False
        return self._delete(note_id)

    def note(self, note_id: str) -> Note | None:
        record = self._live(note_id)
        return self._note(record) if record is not None and record["kind"] == "note" else None

    def notes(self, brief: str | None = None, anchor: Anchor | str | None = None) -> list[Note]:
        """Notes, oldest first: all, those on a brief and its items, or those on one anchor."""
        if anchor is not None:
            anchor = as_anchor(anchor)
            records = self._records_of("note", anchor.brief, all_briefs=anchor.brief is None)
            found = [self._note(r) for r in records if r["anchor"] == anchor.key]
        else:
            found = [self._note(r) for r in self._records_of("note", brief)]
        return sorted(found, key=lambda n: (n.created, n.id))

    def noted_items(self, brief_id: str) -> set[str]:
        """Item keys of a brief that carry a note (``""`` for a note on the brief itself)."""
        return {n.anchor.item or "" for n in self.notes(brief=brief_id)}

    def noted_entities(self) -> set[str]:
        return {n.anchor.entity for n in self.notes() if n.anchor.entity is not None}

    # -- anchors after a rebuild --------------------------------------------------------------
    def resolve_anchors(
        self,
        exists: Callable[[Anchor], bool] | Collection[str],
        texts: Callable[[str], Mapping[str, str] | None] | None = None,
        persist: bool = True,
    ) -> ResolveResult:
        """Mark notes and bookmarks whose anchor is gone as orphaned, and back when it returns.

        ``exists``: a function of an :class:`Anchor`, or a collection of anchor keys. ``texts``:
        brief id → {item key: text} for its ``summary:N``, ``takeaway:N``, ``event:ID`` and
        ``sentence:pN.sM`` (None if the brief is gone). With it, an item anchor whose item no longer
        holds the quoted text moves to the one item of its kind that does; a sentence anchor whose
        text is nowhere is orphaned (articles are verbatim, so its sentence is gone). Nothing is
        ever dropped. ``persist=False`` only computes (``notes()`` shows the result until the next
        refresh); otherwise the changes are written in one go. ``anchor_checks(store)`` gives both.
        """
        check = exists if callable(exists) else (lambda a, keys=set(exists): a.key in keys)
        result = ResolveResult()
        changes: list[dict[str, Any]] = []
        for record in list(self._view.values()):
            if record.get("deleted") or record["kind"] not in ("note", "bookmark"):
                continue
            anchor = as_anchor(record["anchor"])
            target: Anchor | None = anchor if check(anchor) else None
            quote = record.get("quote")
            if anchor.item and anchor.brief is not None and texts is not None and quote:
                items = texts(anchor.brief)
                target = None if items is None else _relocate(anchor, target, quote, items)
            orphaned = target is None
            new = dict(record)
            if target is not None and target != anchor:
                new["anchor"] = target.key
                result.moved.append(record["id"])
            if orphaned != record.get("orphaned", False):
                new["orphaned"] = orphaned
                (result.orphaned if orphaned else result.restored).append(record["id"])
            if new == record:
                continue
            new["updated"] = now_stamp()
            if record["kind"] == "bookmark" and new["anchor"] != record["anchor"]:
                new["id"] = f"bookmark:{new['anchor']}"
                tomb = {"id": record["id"], "kind": "bookmark", "deleted": True}
                changes.append({**tomb, "updated": new["updated"]})
            changes.append(new)
        if changes:
            if persist:
                self._commit(*changes)
            else:
                view = dict(self._view)
                for record in changes:
                    view[record["id"]] = record
                self._view = view
                self.storage.set_records(view)
        self._by_brief = None
        return result


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _relocate(
    anchor: Anchor, current: Anchor | None, quote: str, items: Mapping[str, str]
) -> Anchor | None:
    """Where an item anchor with a quote points now: its own item if that still holds the quote,
    else the one item of the same kind that does. A sentence found nowhere is gone (None); another
    item found nowhere stays where it is if it exists (its text was edited)."""
    wanted = _squash(quote)
    own = items.get(anchor.item or "")
    if current is not None and own is not None and wanted in _squash(own):
        return current
    prefix = anchor.kind + ":"
    holders = [k for k, text in items.items() if k.startswith(prefix) and wanted in _squash(text)]
    if len(holders) == 1:
        return Anchor.of_item(anchor.brief or "", holders[0])
    return None if anchor.kind == "sentence" else current


def anchor_checks(
    store: Any,
) -> tuple[Callable[[Anchor], bool], Callable[[str], Mapping[str, str] | None]]:
    """``exists`` and ``texts`` for :meth:`UserData.resolve_anchors`, from a Store."""
    cache: dict[str, dict[str, str] | None] = {}

    def texts(brief_id: str) -> Mapping[str, str] | None:
        if brief_id not in cache:
            brief = store.brief(brief_id)
            if brief is None:
                cache[brief_id] = None
            else:
                found = {f"summary:{i}": p.text for i, p in enumerate(brief.summary)}
                found.update({f"takeaway:{i}": t.text for i, t in enumerate(brief.takeaways)})
                for event in store.events(brief_id):
                    found[f"event:{event.id}"] = event.text
                article = store.article(brief_id)
                if article is not None:
                    for paragraph in article.paragraphs:
                        for sentence in paragraph.sentences:
                            found[f"sentence:{sentence.id}"] = sentence.text
                cache[brief_id] = found
        return cache[brief_id]

    def exists(anchor: Anchor) -> bool:
        if anchor.entity is not None:
            return store.entity(anchor.entity) is not None
        items = texts(anchor.brief) if anchor.brief else None
        if items is None:
            return False
        return not anchor.item or anchor.item in items

    return exists, texts
