"""Reading files that an author (or an attacker) named: inside the project, regular, bounded.

Policy (issue 10):

- A path named by content (a brief's ``source:``) or found in ``content/`` must *resolve* inside the
  project root (or the user library's root). Symlinks are followed, but only to targets inside that
  root: ``seeds/a.txt -> /etc/passwd`` or ``briefs/x.md -> /etc/passwd`` is refused, a link to
  another file of the project is fine. Absolute paths and ``..`` that leave the root are refused.
- Only regular files are read. FIFOs, sockets and devices (``/dev/zero``) are refused *before* they
  are opened for reading, and the file is opened non-blocking, so a FIFO swapped in between the
  check and the open can never hang the build.
- The size is checked with ``fstat`` *before* reading, and the read itself stops one byte past the
  limit, so a 6 GB (sparse) file or a file growing under us costs at most ``limit + 1`` bytes.
- Symlink loops and every other ``OSError`` become a :class:`FileRefused` with one-line text.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class FileRefused(Exception):
    """A file that is not read: ``problem`` says why (no path in it), ``fix`` what to do."""

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(f"{problem} — {fix}")
        self.problem = problem
        self.fix = fix


def kind_of(mode: int) -> str:
    """``"a FIFO (named pipe)"``, ``"a character device"``… for a non-regular ``st_mode``."""
    for test, name in _KINDS:
        if test(mode):
            return name
    return "not a regular file"


def _refusal(error: OSError) -> FileRefused:
    """What an OSError from stat or resolve means for the user."""
    if error.errno == errno.ELOOP:
        return FileRefused("is a symlink loop", "point the link at a real file")
    return FileRefused(f"cannot be read ({error.strerror or error})", "check its permissions")


def resolve_inside(path: Path, root: Path) -> Path:
    """``path`` with every symlink resolved; :class:`FileRefused` when it does not exist, loops, or
    lands outside ``root`` (itself resolved by the caller or here)."""
    try:
        root = root.resolve()
        resolved = path.resolve(strict=True)
    except FileNotFoundError:
        raise FileRefused("does not exist", "check the path") from None
    except RuntimeError:  # Python 3.11 reports a symlink loop this way
        raise FileRefused("is a symlink loop", "point the link at a real file") from None
    except OSError as error:
        raise _refusal(error) from None
    if not resolved.is_relative_to(root):
        raise FileRefused(
            f"resolves outside the project folder {root.as_posix()} (to {resolved.as_posix()})",
            "keep content and articles inside the project; copy the file in instead of linking to it",
        )
    return resolved


def read_bounded(path: Path, limit: int, *, what: str = "file", limit_text: str = "") -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them, else :class:`FileRefused`.

    Never blocks on a FIFO, never reads a device, never allocates more than ``limit + 1`` bytes."""
    limit_text = limit_text or f"{limit:,} bytes"
    a_what = f"{'an' if what[:1] in 'aeiou' else 'a'} {what}"
    try:
        before = os.stat(path)
    except FileNotFoundError:
        raise FileRefused("does not exist", "check the path") from None
    except OSError as error:
        raise _refusal(error) from None
    if not stat.S_ISREG(before.st_mode):
        raise FileRefused(
            f"is {kind_of(before.st_mode)}, not a regular file", f"give a plain {what} instead"
        )
    if before.st_size > limit:
        raise FileRefused(
            f"is {before.st_size:,} bytes, over the {limit_text} limit for {a_what}",
            "trim or split it",
        )
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as error:
        raise FileRefused(
            f"cannot be read ({error.strerror or error})", "check its permissions"
        ) from None
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode):  # swapped between stat and open
            raise FileRefused(
                f"is {kind_of(now.st_mode)}, not a regular file", f"give a plain {what} instead"
            )
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as error:
        raise FileRefused(
            f"cannot be read ({error.strerror or error})", "check its permissions"
        ) from None
    finally:
        os.close(fd)
    if size > limit:
        raise FileRefused(
            f"is over the {limit_text} limit for {a_what} (it grew while being read)",
            "trim or split it",
        )
    return b"".join(chunks)
