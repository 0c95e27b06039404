"""Build errors that name the file, the line, what is wrong and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentError(Exception):
    """``path:line: what is wrong — how to fix it``."""

    path: str
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        # One line whatever the values quoted in it hold (a newline in a YAML value, say).
        text = f"{self.path}:{self.line}: {self.message} — {self.fix}"
        return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text

    def __reduce__(self) -> tuple[type, tuple[str, int, str, str]]:
        # frozen: pickling (a parallel build's workers) must not set attributes one by one
        return (ContentError, (self.path, self.line, self.message, self.fix))


class BuildFailed(Exception):
    """A build found errors; every one of them is in ``errors``, in file and line order."""

    def __init__(self, errors: list[ContentError]) -> None:
        self.errors = sorted(errors, key=lambda e: (e.path, e.line, e.message))
        super().__init__(f"{len(self.errors)} error(s)")
