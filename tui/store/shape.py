"""Reading store files defensively: a store can come from a colleague, or be damaged.

Every file is checked before it is read (a regular file, not too big), parsed with orjson, cleaned
of terminal control characters, and converted to model objects with every field's type checked;
anything wrong becomes a one-line :class:`StoreError` naming the file and the fix.
"""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import types
import typing
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import orjson

from ..ingest.text import sanitize

T = TypeVar("T")
MAX_FILE_BYTES = 256 * 1024 * 1024  # a 10,000-brief catalog is ~10 MB; a brief file ~50 KB

# In orjson's output a control character can only appear escaped (\u001b, \r); C1 controls and
# bidi overrides appear as raw UTF-8. When none of these is in the bytes, nothing needs cleaning.
_DIRTY = re.compile(
    rb"\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u00[89][0-9a-fA-F]|\\u20[26][0-9a-fA-F]|\\r"
    rb"|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
)


class StoreError(Exception):
    """A store that cannot be used; the message names the file and the fix."""


def rebuild_hint(path: Path) -> str:
    return f"rebuild it with `brief build -o {path}`"


def read_json(
    path: Path, what: str, store: Path, loads: Callable[[bytes], Any] | None = None
) -> Any:
    """Parse one store file after checking what it is; raise :class:`StoreError`. ``loads``
    parses the bytes (default ``orjson.loads``); it raises ``orjson.JSONDecodeError``."""
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise StoreError(
            f"{what} not found: {path} — run `brief build -o {store}` or pass --store with a built store"
        ) from None
    except OSError as error:
        raise StoreError(
            f"cannot read {what} {path}: {error.strerror} — check its permissions"
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise StoreError(f"{path} is a directory, not a store file — {rebuild_hint(store)}")
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(
            f"{path} is not a regular file (a device, pipe or socket) — pass a built store"
        )
    if info.st_size > MAX_FILE_BYTES:
        raise StoreError(
            f"{path} is {info.st_size / 2**20:,.0f} MiB, too big for a brief store file "
            f"(limit {MAX_FILE_BYTES // 2**20} MiB) — {rebuild_hint(store)}"
        )
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # swapped since the stat
                raise StoreError(f"{path} is not a regular file — pass a built store")
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise StoreError(
            f"cannot read {what} {path}: {error.strerror} — check its permissions"
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise StoreError(f"{path} is too big for a brief store file — {rebuild_hint(store)}")
    try:
        data = (loads or orjson.loads)(raw)
    except orjson.JSONDecodeError:
        kind = "empty" if not raw.strip() else "truncated or not JSON"
        raise StoreError(f"{path} is not a brief store ({kind}) — {rebuild_hint(store)}") from None
    if _DIRTY.search(raw):
        data = clean(data)
    return data


def clean(value: Any) -> Any:
    """Every string in ``value`` (keys too) without terminal control characters."""
    if isinstance(value, str):
        return sanitize(value)
    if isinstance(value, dict):
        return {sanitize(k) if isinstance(k, str) else k: clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [clean(item) for item in value]
    return value


class ShapeError(Exception):
    """A value of the wrong shape; the message says where (``roles[0].title``)."""


Converter = Any  # (data, where) -> value


_SCALARS: dict[Any, tuple[type, str]] = {
    str: (str, "text"),
    int: (int, "a number"),
    bool: (bool, "true or false"),
}


@cache
def _converter(hint: Any) -> Converter:
    """A function converting and checking stored data for ``hint``, made once per type."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        inner = _converter(options[0])

        def optional(data: Any, where: str) -> Any:
            return None if data is None else inner(data, where)

        return optional
    if hint in _SCALARS:
        wanted, what = _SCALARS[hint]

        def scalar(data: Any, where: str) -> Any:
            if type(data) is not wanted:
                raise ShapeError(f"{where} should be {what}, not {type(data).__name__}")
            return data

        return scalar
    if origin is tuple or origin is list:
        item = _converter(typing.get_args(hint)[0])
        make = tuple if origin is tuple else list

        def sequence(data: Any, where: str) -> Any:
            if type(data) is not list:
                raise ShapeError(f"{where} should be a list, not {type(data).__name__}")
            inner = where + "[]"
            return make([item(value, inner) for value in data])

        return sequence
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return lambda data, where: load(hint, data, where)
    return lambda data, where: data


def convert(hint: Any, data: Any, where: str) -> Any:
    return _converter(hint)(data, where)


@cache
def _plan(cls: type) -> tuple[tuple[str, bool, Converter], ...]:
    """(field name, required, converter) for each field of a dataclass."""
    hints = typing.get_type_hints(cls)
    return tuple(
        (
            f.name,
            f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
            _converter(hints[f.name]),
        )
        for f in dataclasses.fields(cls)
    )


def load(cls: type[T], data: Any, where: str = "") -> T:
    """A model object from stored data, every field's type checked; raise :class:`ShapeError`."""
    if type(data) is not dict:
        raise ShapeError(
            f"{where or cls.__name__.lower()} should be a mapping, not {type(data).__name__}"
        )
    kwargs = {}
    for name, required, converter in _plan(cls):
        if name in data:
            kwargs[name] = converter(data[name], name if not where else where + "." + name)
        elif required:
            raise ShapeError(f"{where + '.' if where else ''}{name} is missing")
    return cls(**kwargs)
