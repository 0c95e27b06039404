"""The compiled methods of dataclasses and named tuples, kept between runs (start-up, issue 11).

``@dataclass`` writes the source of each class's methods (``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, a frozen class's ``__setattr__`` / ``__delattr__``) and compiles it with ``exec``;
``namedtuple`` does the same for ``__new__`` with ``eval``, and :mod:`typing` compiles each
annotation it evaluates (the store checks the types of what it reads with ``get_type_hints``). Python keeps the bytecode of modules in
``__pycache__`` but not this: the ~40 dataclasses that the reader's start-up imports cost ~190
compilations, ~15 ms before the first paint, at every start.

While :func:`install` is in effect, the ``exec`` that :mod:`dataclasses` calls (the ``eval``
that :mod:`collections` calls, the ``compile`` that :mod:`typing` calls) looks the source up in a table of code objects read from the user's
cache directory (``BRIEF_CACHE_DIR`` overrides it). Everything else is as before: the same source,
compiled the same way when it is not in the table, run in the same namespaces, so the classes made
are the same. :func:`finish` (after the first paint) puts the modules back and, when a source had
to be compiled, writes the table of what this start used.

The table is only read when it is a regular file owned by the user and writable by nobody else,
named after the running Python's bytecode version; anything wrong with it (damaged, unreadable)
means the sources are compiled as usual.
"""

from __future__ import annotations

import builtins
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

FORMAT = 2  # 2: keys are "mode:source"
MAX_BYTES = 4 * 2**20
PREFIX = "code-"

_table: dict[str, CodeType] | None = None  # "mode:source" → code, while installed
_used: dict[str, CodeType] = {}  # what this start looked up (written back when any was missing)
_missed = False
_patched: list[Any] = []  # the modules given an ``exec`` / ``eval`` of ours


def cache_file() -> Path:
    # tui.config.user_dir("BRIEF_CACHE_DIR", "cache"), without importing tui.config: it is read
    # before the table is in place, and its dataclass would be compiled at every start
    folder = os.environ.get("BRIEF_CACHE_DIR")
    if not folder:
        import platformdirs

        folder = platformdirs.user_cache_dir("brief", appauthor=False)
    tag = sys.implementation.cache_tag or "python"
    return Path(folder) / f"{PREFIX}{tag}-{sys.hexversion:x}-{FORMAT}.marshal"


def _compiled(source: str, mode: str) -> CodeType:
    global _missed
    table = _table
    key = f"{mode}:{source}"
    code = table.get(key) if table is not None else None
    if code is None:
        code = compile(source, "<string>", mode)
        _missed = True
    _used[key] = code
    return code


def _exec(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    if isinstance(source, str) and _table is not None:
        source = _compiled(source, "exec")
    builtins.exec(source, globals, locals)


def _eval(source: Any, globals: Any = None, locals: Any = None, /) -> Any:
    if isinstance(source, str) and _table is not None:
        source = _compiled(source, "eval")
    return builtins.eval(source, globals, locals)


def _compile(source: Any, filename: Any, mode: str, *args: Any, **kwargs: Any) -> Any:
    if (
        isinstance(source, str)
        and filename == "<string>"
        and mode == "eval"
        and not args
        and not kwargs
        and _table is not None
    ):
        return _compiled(source, mode)  # (a SyntaxError is raised by compile, as before)
    return builtins.compile(source, filename, mode, *args, **kwargs)


def _read(path: Path) -> dict[str, CodeType]:
    from .ownfile import read_own

    try:
        raw = read_own(path, MAX_BYTES)
        table = marshal.loads(raw) if raw is not None else {}  # (None: not ours alone)
    except Exception:
        return {}  # missing, damaged or unreadable: compile as usual (and write it anew)
    if not isinstance(table, dict):
        return {}
    return {
        key: code
        for key, code in table.items()
        if isinstance(key, str) and isinstance(code, CodeType)
    }


def install() -> None:
    """Look dataclass and named-tuple sources up in the cached table until :func:`finish`."""
    global _table, _missed
    if _table is not None:
        return
    import collections
    import dataclasses
    import typing

    try:
        _table = _read(cache_file())
    except Exception:
        _table = {}
    _used.clear()
    _missed = False
    for module, name, replacement in (
        (dataclasses, "exec", _exec),
        (collections, "eval", _eval),
        (typing, "compile", _compile),
    ):
        if name not in module.__dict__:  # (a module that has its own already is left alone)
            setattr(module, name, replacement)
            _patched.append((module, name))


def finish(save: bool = True) -> None:
    """Put the modules back; write the table when a source had to be compiled (and ``save``)."""
    global _table
    if _table is None:
        return
    for module, name in _patched:
        if module.__dict__.get(name) in (_exec, _eval, _compile):
            delattr(module, name)
    _patched.clear()
    _table = None
    used = dict(_used)
    _used.clear()
    if save and _missed and used:
        _write(used)


def _write(table: dict[str, CodeType]) -> None:
    try:
        from .ownfile import write_own

        write_own(cache_file(), marshal.dumps(table))
    except Exception:
        return  # a table that cannot be written only costs the next start its compilations
