"""Writing the store directory (see :mod:`tui.store.writer` for its layout), atomically enough that
a reader never sees a half-written store: brief and entity files are written first, each through a
temporary file and ``os.replace``, then the catalog, which names what the store holds, and the
head, which opening reads, are replaced last (flushed and synced); files no longer named are
removed after that. A failed build writes nothing (the library is validated whole before any file
is written).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..model import Library
from .shape import StoreError
from .writer import CATALOG, HEAD, iter_files, page_names, serialize, store_paths

SUBDIRS = ("briefs", "entities")


def _with_head(pairs: Iterable[tuple[str, bytes]]) -> Iterator[tuple[str, bytes]]:
    """``pairs``, with the head made from the catalog when they hold a catalog but no head."""
    catalog = None
    head = False
    for name, payload in pairs:
        if name == CATALOG:
            catalog = payload
            continue
        head = head or name == HEAD
        yield name, payload
    if catalog is not None:
        if not head:
            import orjson

            from .writer import _dumps, head_document

            yield HEAD, _dumps(head_document(orjson.loads(catalog)))
        yield CATALOG, catalog


def _stored(data: Path) -> Iterator[tuple[str, Path]]:
    """The brief and entity files in a store directory (relative name, path)."""
    for sub in SUBDIRS:
        folder = data / sub
        if folder.is_dir():
            for path in folder.glob("*.json"):
                yield f"{sub}/{path.name}", path
    pages = data / "entities"
    if pages.is_dir():
        for path in pages.glob("*/*.json"):
            yield f"entities/{path.parent.name}/{path.name}", path


def write_atomic(path: Path, payload: bytes, *, sync: bool = True) -> None:
    """Write ``payload`` to ``path`` so that readers see the old file or the new one, never half."""
    import tempfile  # only writers need it, not the reader's start-up

    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(payload)
            if sync:
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


def _same(path: Path, payload: bytes) -> bool:
    try:
        if path.stat().st_size != len(payload):
            return False
        return path.read_bytes() == payload
    except OSError:
        return False


def write_files(
    path: Path,
    files: Iterable[tuple[str, bytes]] | dict[str, bytes],
    *,
    complete: bool = True,
    search: Callable[[Path, bytes], None] | None = None,
) -> int:
    """Write a store's files ((relative path, bytes) pairs, the catalog as ``catalog.json``),
    each only if its bytes changed, the catalog last; with ``complete``, remove brief and entity
    files not among them. Returns the store's size in bytes."""
    catalog, data = store_paths(path)
    pairs = _with_head(files.items() if isinstance(files, dict) else files)
    names: set[str] = set()
    heads: dict[str, bytes] = {}
    catalog_bytes = head_bytes = b""
    size = 0
    for name, payload in pairs:
        size += len(payload)
        if name == CATALOG:
            catalog_bytes = payload
            continue
        if name == HEAD:  # with the catalog, at the end
            head_bytes = payload
            continue
        names.add(name)
        target = data / name
        if not _same(target, payload):
            write_atomic(target, payload, sync=False)
            if name.startswith("entities/") and name.count("/") == 1:
                # a head that changed: its entity may have fewer pages now (an unchanged head
                # names the same pages)
                heads[name[len("entities/") : -len(".json")]] = payload
    if search is not None:
        search(data / "search", catalog_bytes)
    write_atomic(catalog, catalog_bytes)
    write_atomic(data / HEAD, head_bytes)  # what opening reads: last
    if complete:
        for name, stale in list(_stored(data)):
            if name not in names:
                stale.unlink(missing_ok=True)
    else:  # the pages an entity whose head is written here no longer has
        for entity_id, payload in heads.items():
            folder = data / "entities" / entity_id
            if folder.is_dir():
                keep = set(page_names(payload))
                for stale in folder.glob("*.json"):
                    if f"entities/{entity_id}/{stale.name}" not in keep:
                        stale.unlink(missing_ok=True)
    folder = data / "entities"
    emptied = (folder / h for h in heads) if not complete else folder.iterdir()
    for sub in emptied if folder.is_dir() else ():
        if sub.is_dir() and not any(sub.iterdir()):
            sub.rmdir()
    return size


def write_store(library: Library, path: Path, *, search: bool = True) -> int:
    """Write the whole store for ``library`` at ``path``; returns its size in bytes."""
    dump = None
    if search:
        from .indexing import dump_search

        def dump(folder: Path, _catalog: bytes) -> None:
            dump_search(library, folder)

    return write_files(path, iter_files(library), search=dump)


def stale_files(path: Path, files: Iterable[tuple[str, bytes]] | dict[str, bytes]) -> list[str]:
    """The store files at ``path`` that differ from ``files`` (missing, changed or extra)."""
    catalog, data = store_paths(path)
    pairs = _with_head(files.items() if isinstance(files, dict) else files)
    differ, names = [], set()
    for name, payload in pairs:
        names.add(name)
        target = catalog if name == CATALOG else data / name
        if not _same(target, payload):
            differ.append(name)
    differ += [name for name, _path in _stored(data) if name not in names]
    return sorted(differ)


def read_only_tinydb(path: Path) -> Any:
    """One store file opened as a TinyDB database that refuses writes (for inspection)."""
    from tinydb import TinyDB
    from tinydb.storages import Storage

    from .shape import read_json

    data = read_json(path, "store file", path)

    class Frozen(Storage):
        def __init__(self) -> None:
            pass

        def read(self) -> Any:
            return data

        def write(self, data: Any) -> None:
            raise StoreError("the content store is read-only; rebuild it with `brief build`")

    return TinyDB(storage=Frozen)


__all__ = ["StoreError", "serialize", "stale_files", "write_atomic", "write_files", "write_store"]
