"""The store on disk: one TinyDB JSON file, written atomically, read once.

Layout (TinyDB's: table name → document id → document)::

    meta      1 document: schema_version, generator, counts
    briefs    one per brief, without the article text (small: the library and search read these)
    articles  one per brief: the sanitised article text, paragraphs and sentences with offsets
    people    one per person          factions  one per faction
    events    one per History event   mentions  one per brief: [entity, field, start, end, sentence]

Writing goes through TinyDB's MemoryStorage, then the JSON is written to a temporary file beside the
target and moved over it with ``os.replace``, so a failed or interrupted build leaves the previous store
untouched. Reading parses the file once with orjson and hands it to TinyDB through a read-only storage
whose ``read`` returns the parsed dict: TinyDB's default storage would re-read and re-parse the whole
file on every query.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import orjson
from tinydb import TinyDB
from tinydb.storages import MemoryStorage, Storage

from ..model import SCHEMA_VERSION, Library, to_dict

TABLES = ("meta", "briefs", "articles", "people", "factions", "events", "mentions")


class StoreError(Exception):
    """A store that cannot be used; the message names the file and the fix."""


class FrozenStorage(Storage):
    """A TinyDB storage over already-parsed data that refuses writes."""

    def __init__(self, data: dict[str, dict[str, Any]]) -> None:
        self._data = data

    def read(self) -> dict[str, dict[str, Any]]:
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        raise StoreError("the content store is read-only; rebuild it with `brief build`")


def library_documents(library: Library) -> dict[str, list[dict[str, Any]]]:
    """The documents of each table, in a stable order."""
    mentions: dict[str, list[list[Any]]] = {}
    for m in library.mentions:
        mentions.setdefault(m.brief, []).append([m.entity, m.field, m.start, m.end, m.sentence])
    return {
        "meta": [
            {
                "schema_version": SCHEMA_VERSION,
                "generator": "brief",
                "counts": {
                    "briefs": len(library.briefs),
                    "people": len(library.people),
                    "factions": len(library.factions),
                    "events": len(library.events),
                    "mentions": len(library.mentions),
                },
            }
        ],
        "briefs": [to_dict(library.briefs[k]) for k in sorted(library.briefs)],
        "articles": [to_dict(library.articles[k]) for k in sorted(library.articles)],
        "people": [to_dict(library.people[k]) for k in sorted(library.people)],
        "factions": [to_dict(library.factions[k]) for k in sorted(library.factions)],
        "events": [to_dict(library.events[k]) for k in sorted(library.events)],
        "mentions": [{"brief": k, "mentions": mentions[k]} for k in sorted(mentions)],
    }


def serialize(library: Library) -> bytes:
    """The store file's exact bytes: deterministic, so ``brief build --check`` can compare them."""
    db = TinyDB(storage=MemoryStorage)
    for name, documents in library_documents(library).items():
        db.table(name).insert_multiple(documents)
    data = db.storage.read() or {}
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS) + b"\n"


def write_atomic(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that readers see the old file or the new one, never half."""
    import tempfile  # only writers need it, not the reader's start-up

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))  # mkstemp makes 0600; keep the usual permissions
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or the process's default for a new file."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_store(library: Library, path: Path) -> int:
    """Write the store; returns its size in bytes."""
    payload = serialize(library)
    write_atomic(path, payload)
    return len(payload)


def read_tables(path: Path) -> TinyDB:
    """Parse a store file once and open it as a read-only TinyDB; raise :class:`StoreError`."""
    rebuild = f"rebuild it with `brief build -o {path}`"
    if path.is_dir():
        raise StoreError(f"{path} is a directory, not a store — pass the store's .json file")
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        raise StoreError(
            f"store not found: {path} — run `brief build -o {path}` or pass --store with a built store"
        ) from None
    except OSError as error:
        raise StoreError(
            f"cannot read store {path}: {error.strerror} — check its permissions"
        ) from None
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        kind = "empty" if not raw.strip() else "truncated or not JSON"
        raise StoreError(f"{path} is not a brief store ({kind}) — {rebuild}") from None
    meta = data.get("meta", {}).get("1") if isinstance(data, dict) else None
    if not isinstance(meta, dict) or "schema_version" not in meta:
        raise StoreError(f"{path} is not a brief store (no schema_version) — {rebuild}")
    version = meta["schema_version"]
    if version != SCHEMA_VERSION:
        raise StoreError(
            f"{path} is a store of schema version {version}, but this brief reads version "
            f"{SCHEMA_VERSION} — {rebuild}"
        )
    missing = [name for name in TABLES if not isinstance(data.get(name, {}), dict)]
    if missing:
        raise StoreError(f"{path} is not a brief store (bad table {missing[0]!r}) — {rebuild}")
    return TinyDB(data, storage=FrozenStorage)
