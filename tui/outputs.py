"""What the command line writes: terminal-safe text, and the files ``-o`` may write to.

Terminal-safe text
    Everything the CLI prints passes through :class:`TerminalSafeStream` (installed by
    :func:`tui.cli.main` around every command), which removes escape sequences (CSI, OSC, DCS, …)
    and every other control character but newline and tab: C0, DEL and C1. A file name, an argument,
    or a title from a tampered store is printed as harmless text, whatever it holds — one mechanism
    for every message instead of a patch per call. (The reader draws through Textual, which writes
    to ``sys.__stderr__`` and is unaffected; its own text is cleaned by the widgets.)

Output paths (``brief build -o``, ``brief export -o``) — the policy, chosen deliberately:
    - brief writes atomically: a temporary file beside the target, moved over it. Moving a file over
      a device node or a FIFO would *replace* it (run as root, ``-o /dev/full`` turned the device
      into a regular file), so **special files are refused**: character and block devices, FIFOs,
      sockets. To print, leave out ``-o`` (export writes to standard output then).
    - **Symlinks are followed**: the link stays and the file it points to is replaced (atomically).
      A link to a special file is refused like the file itself; a link loop is refused.
    - **Folders are never created**: ``-o /missing-dir/x.html`` is an error naming the folder.
    - A directory is refused (name a file inside it), and so is anything under /dev or /proc, or a
      link that cannot be followed by name (``/dev/stdout`` when standard output is a deleted file).
"""

from __future__ import annotations

import errno
import io
import os
import re
import stat
from pathlib import Path
from typing import TextIO

from .ingest.text import ESCAPE_SEQUENCES

# Whole escape sequences first (so an OSC title's text goes with it), then any control left.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str) -> str:
    """``text`` without escape sequences and control characters (newline and tab are kept)."""
    if text.isprintable():  # the common case: nothing to do
        return text
    return _CONTROLS.sub("", ESCAPE_SEQUENCES.sub("", text))


def kind_of(mode: int) -> str:
    """What a non-regular file is, for messages: ``"a character device"``…"""
    for test, name in (
        (stat.S_ISFIFO, "a FIFO (named pipe)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "not a regular file"


class TerminalSafeStream(io.TextIOBase):
    """A text stream that cleans every string written to it with :func:`terminal_safe`.

    It has no ``buffer`` attribute on purpose: click then writes text through it rather than
    bytes around it."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self._stream = stream

    @property
    def wrapped(self) -> TextIO:
        return self._stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self._stream, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self._stream, "errors", None)

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:  # type: ignore[override]
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._stream.write(terminal_safe(text))
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()


class OutputRefused(Exception):
    """``-o`` names something brief will not write to; the message is one line with the fix."""


def output_path(path: Path, *, stdout_hint: bool = False, directory_ok: bool = False) -> Path:
    """The file to write for ``-o path`` under the policy above; :class:`OutputRefused` if none.

    Returns the path with symlinks resolved, so an atomic write replaces the link's target and
    keeps the link. ``stdout_hint``: the command prints to standard output without ``-o``.
    ``directory_ok``: an existing directory is a valid target (a store kept as a folder)."""
    instead = (
        "leave out -o to print to standard output" if stdout_hint else "give a regular file path"
    )
    if not str(path).strip():
        raise OutputRefused(f"-o needs a file name — {instead}")
    try:
        info: os.stat_result | None = os.stat(path)  # follows links, /proc/self/fd/1 included
    except FileNotFoundError:
        info = None
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise OutputRefused(f"{path} is a symlink loop — {instead}") from None
        if error.errno == errno.ENOTDIR:  # a folder on the way is a file
            raise OutputRefused(
                f"cannot write {path}: a folder on the way is a file — {instead}"
            ) from None
        raise OutputRefused(f"cannot write {path}: {error.strerror} — {instead}") from None
    if info is not None and stat.S_ISDIR(info.st_mode) and not directory_ok:
        raise OutputRefused(
            f"{path} is a directory — name a file inside it, e.g. {Path(path) / 'brief.out'}"
        )
    if info is not None and not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
        raise OutputRefused(
            f"{path} is {kind_of(info.st_mode)}, not a regular file; brief writes a new file and "
            f"moves it into place, which would replace it — {instead}"
        )
    try:
        target = Path(path).resolve()
    except (OSError, RuntimeError):
        raise OutputRefused(f"{path} is a symlink loop — {instead}") from None
    if target.parts[1:2] in (("proc",), ("dev",)) or Path(path).absolute().parts[1:2] in (
        ("proc",),
        ("dev",),
    ):
        raise OutputRefused(f"{path} is in a system folder (/dev or /proc) — {instead}")
    if info is not None:
        # /dev/stdout → /proc/self/fd/1 → "/tmp/#123 (deleted)": a link that cannot be followed by
        # name. Writing to what it names would create a stray file, so refuse it.
        try:
            same = os.stat(target)
        except OSError:
            same = None
        if same is None or (same.st_dev, same.st_ino) != (info.st_dev, info.st_ino):
            raise OutputRefused(f"{path} is a link brief cannot follow by name — {instead}")
    parent = target.parent
    if not parent.is_dir():
        raise OutputRefused(
            f"cannot write {path}: the folder {parent} does not exist — create it first "
            "(brief does not create folders for -o)"
        )
    return target
