"""Writing the store directory (see :mod:`tui.store.writer` for its layout), atomically enough that
a reader never sees a half-written store: brief and entity files are written first, each through a
temporary file and ``os.replace``, then the catalog, which names what the store holds, and the
head, which opening reads, are replaced last (flushed and synced); files no longer named are
removed after that. A failed build writes nothing (the library is validated whole before any file
is written). A full build instead writes a whole new store beside the old one and swaps it in
(:func:`write_fresh`, :func:`swap_in`).
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


# -- a whole store written at once (a full build) ------------------------------------------------
# A full build writes every file into a new directory beside the store, plainly (no temporary file,
# rename or sync per file: ~22,000 files at 10,000 briefs), then swaps that directory in for the
# store in one step. A build that fails or is interrupted removes its directory and leaves the
# store as it was; a reader sees the old store or the new one, never a mix.

# What a store directory holds (writer.py, the search index and its transient folders): a full
# build swaps a directory out only when it holds nothing else.
STORE_ENTRIES = frozenset({CATALOG, HEAD, *SUBDIRS, "search", "search.new", "search.old"})
FRESH_PREFIX = "build-"


def fresh_store_dir(data: Path) -> Path | None:
    """A new, empty directory beside the store directory ``data`` to write a whole store into,
    or None when the store cannot be replaced in one step: ``data`` is a symbolic link, a mount
    point, not a directory, or holds anything a store does not (e.g. a folder given by mistake)."""
    import tempfile

    if data.is_symlink() or (data.exists() and not data.is_dir()):
        return None
    mode = None
    if data.is_dir():
        if os.path.ismount(data):
            return None
        try:
            if any(name not in STORE_ENTRIES for name in os.listdir(data)):
                return None
            mode = data.stat().st_mode & 0o7777
        except OSError:
            return None
    data.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{data.name}.{FRESH_PREFIX}", dir=data.parent))
    if mode is None:  # mkdtemp makes 0700; a new store gets the usual permissions
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o777 & ~umask
    os.chmod(fresh, mode)
    return fresh


def _write_new(path: str, payload: bytes, *, sync: bool = False) -> None:
    """Write a file that does not exist yet (in a fresh directory: no temporary file needed)."""
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(payload)
        while view:
            view = view[os.write(handle, view) :]
        if sync:
            os.fsync(handle)
    finally:
        os.close(handle)


def write_fresh(
    folder: Path,
    files: Iterable[tuple[str, bytes]],
    *,
    search: Callable[[Path, bytes], None] | None = None,
) -> int:
    """Write a whole store's files ((relative path, bytes) pairs, the catalog as
    ``catalog.json``) into ``folder``, a new empty directory (:func:`fresh_store_dir`), with
    plain writes; the search index (``search(folder / "search", catalog bytes)``), then the
    catalog and the head, synced, last. Returns the store's size in bytes (as
    :func:`write_files`)."""
    base = str(folder) + os.sep
    made = {""}
    for sub in SUBDIRS:
        os.mkdir(base + sub)
        made.add(sub)
    catalog_bytes = head_bytes = b""
    size = 0
    for name, payload in _with_head(files):
        size += len(payload)
        if name == CATALOG:
            catalog_bytes = payload
            continue
        if name == HEAD:
            head_bytes = payload
            continue
        parent = name.rpartition("/")[0]
        if parent not in made:
            os.makedirs(base + parent, exist_ok=True)
            made.add(parent)
        _write_new(base + name, payload)
    if search is not None:
        search(folder / "search", catalog_bytes)
    _write_new(base + CATALOG, catalog_bytes, sync=True)
    _write_new(base + HEAD, head_bytes, sync=True)
    return size


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2(RENAME_EXCHANGE)``); False where the system
    cannot."""
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange)
    return done == 0


_REMOVALS: list[Any] = []  # the background removals started (subprocess.Popen)


def remove_later(folder: Path) -> None:
    """Remove ``folder`` (an old store swapped out) in a process of its own that outlives this
    one: deleting ~22,000 files costs little CPU but seconds of waiting on the disk (~1.4 s at
    1,000 briefs), which the build need not wait for. Where no ``rm`` can be started, here."""
    import shutil
    import subprocess

    try:
        _REMOVALS.append(
            subprocess.Popen(
                ["rm", "-rf", "--", str(folder)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)


def wait_removals() -> None:
    """Wait for the background removals started by this process (tests)."""
    while _REMOVALS:
        _REMOVALS.pop().wait()


def swap_in(fresh: Path, data: Path) -> None:
    """Put the store written in ``fresh`` where ``data`` is, replacing the store there in one
    step, and remove the old one. On failure ``data`` is left as it was."""
    if not data.exists():
        os.rename(fresh, data)
    elif _exchange(fresh, data):
        remove_later(fresh)  # the old store, now
    else:
        old = fresh.with_name(fresh.name + ".old")
        os.rename(data, old)
        try:
            os.rename(fresh, data)
        except BaseException:
            os.rename(old, data)
            raise
        remove_later(old)
    try:  # the rename itself on disk
        handle = os.open(data.parent, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    except OSError:
        pass
    finally:
        os.close(handle)


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


__all__ = [
    "StoreError",
    "fresh_store_dir",
    "serialize",
    "stale_files",
    "swap_in",
    "write_atomic",
    "write_files",
    "write_fresh",
    "write_store",
]
