"""User state — reading position, last-read brief — in its own TinyDB file. No Textual.

The content store is read-only; this file is the only thing the reader writes. It lives in the
platform data directory (``platformdirs``), or ``--data-dir`` / ``BRIEF_DATA_DIR``. Every write goes
to a temporary file that replaces the old one, so a crash never leaves a half-written file; a file
that cannot be parsed is moved aside (never deleted) and the reader starts afresh.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import orjson
from tinydb import Query, TinyDB
from tinydb.storages import Storage

from .config import user_dir
from .store.tinyio import write_atomic

USERDATA_FILE = "userdata.json"


def default_data_dir() -> Path:
    return user_dir("BRIEF_DATA_DIR", "data")


class AtomicJSONStorage(Storage):
    """A TinyDB storage that reads its file once and replaces it atomically on every write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.recovered: Path | None = None
        self._data: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            try:
                self._data = orjson.loads(self.path.read_bytes())
            except FileNotFoundError:
                self._data = {}
            except (orjson.JSONDecodeError, OSError):
                self.recovered = self.path.with_name(f"{self.path.name}.corrupt-{int(time.time())}")
                os.replace(self.path, self.recovered)
                self._data = {}
            if not isinstance(self._data, dict):
                self._data = {}
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        write_atomic(self.path, orjson.dumps(data, option=orjson.OPT_INDENT_2))


class UserData:
    """Reading state. Writes that fail (read-only disk) are reported by ``error`` and not raised."""

    def __init__(self, directory: Path | None = None) -> None:
        self.directory = directory if directory is not None else default_data_dir()
        self.storage = AtomicJSONStorage(self.directory / USERDATA_FILE)
        self.db = TinyDB(self.path, storage=lambda _path: self.storage)
        self.error: str | None = None

    @property
    def path(self) -> Path:
        return self.directory / USERDATA_FILE

    def _get(self, key: str) -> Any:
        doc = self.db.table("state").get(Query().key == key)
        return doc["value"] if isinstance(doc, dict) else None

    def _set(self, key: str, value: Any) -> None:
        try:
            self.db.table("state").upsert({"key": key, "value": value}, Query().key == key)
        except OSError as error:
            self.error = f"cannot save reading state in {self.directory}: {error.strerror}"

    def setting(self, key: str) -> Any:
        """A user setting (e.g. the theme), or None."""
        return self._get(f"setting:{key}")

    def set_setting(self, key: str, value: Any) -> None:
        if self.setting(key) != value:
            self._set(f"setting:{key}", value)

    def last_brief(self) -> str | None:
        value = self._get("last_brief")
        return value if isinstance(value, str) else None

    def set_last_brief(self, brief_id: str) -> None:
        if self.last_brief() != brief_id:
            self._set("last_brief", brief_id)

    def position(self, brief_id: str) -> dict[str, Any] | None:
        value = self._get(f"position:{brief_id}")
        return value if isinstance(value, dict) else None

    def set_position(self, brief_id: str, position: dict[str, Any]) -> None:
        if self.position(brief_id) != position:
            self._set(f"position:{brief_id}", position)
