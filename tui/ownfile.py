"""Reading and writing a file of the user's cache that only this user can have written (the stylesheet and
code caches): what is read from it is loaded as pickled or marshalled data, so a file that is not
a regular file, not the user's own, writable by others or too big is never read."""

from __future__ import annotations

import os
import stat
from pathlib import Path


def read_own(path: Path, limit: int) -> bytes | None:
    """``path``'s bytes when it is a regular file of this user's that nobody else can write and
    at most ``limit`` bytes long, else None. Raises FileNotFoundError when there is no file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
    except FileNotFoundError:
        raise
    except OSError:
        return None
    try:
        with os.fdopen(fd, "rb") as stream:
            info = os.fstat(stream.fileno())
            if (
                not stat.S_ISREG(info.st_mode)
                or info.st_uid != os.getuid()
                or info.st_mode & 0o022
                or info.st_size > limit
            ):
                return None  # not ours alone: not read
            return stream.read(limit + 1)
    except OSError:
        return None


def write_own(path: Path, data: bytes) -> None:
    """Write ``path`` (mode 0600, its folder 0700) through a temporary file moved into place, so
    that a reader never sees half of it. Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as stream:
        stream.write(data)
    os.replace(temporary, path)
