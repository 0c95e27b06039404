"""User configuration: key remapping from ``config.toml`` in the platform config directory.

```toml
[keys]
quit = "q,ctrl+q"      # binding id = comma-separated keys
library = "ctrl+l"
```
No Textual import: the app applies the result with ``App.set_keymap``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

CONFIG_FILE = "config.toml"


def user_dir(env_var: str, kind: str) -> Path:
    """``$env_var`` if set, else brief's platform ``kind`` ("config", "data" or "cache")
    directory."""
    env = os.environ.get(env_var)
    if env:
        return Path(env)
    import platformdirs

    finder = {
        "config": platformdirs.user_config_dir,
        "data": platformdirs.user_data_dir,
        "cache": platformdirs.user_cache_dir,
    }[kind]
    return Path(finder("brief", appauthor=False))


def default_config_dir() -> Path:
    return user_dir("BRIEF_CONFIG_DIR", "config")


@dataclass
class Config:
    """The user's config.toml: key bindings by id, and the problems found reading it."""

    keymap: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    path: Path | None = None  # the file read, for messages

    def unknown_keys(self, known: set[str]) -> list[str]:
        """A problem line for each binding id in [keys] that the app does not have."""
        where = self.path if self.path is not None else CONFIG_FILE
        listed = ", ".join(sorted(known))
        return [
            f"{where}: keys.{name} is not a key binding — use one of: {listed}"
            for name in self.keymap
            if name not in known
        ]


def load_config(directory: Path | None = None) -> Config:
    """Read the config; a broken file is reported in ``problems``, never raised."""
    path = (directory if directory is not None else default_config_dir()) / CONFIG_FILE
    config = Config(path=path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return config
    except (OSError, UnicodeDecodeError) as error:
        config.problems.append(
            f"{path}: {error} — fix the file or remove it; default keys are used"
        )
        return config
    import tomllib  # only when there is a file: most start-ups have none

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        config.problems.append(
            f"{path}: {error} — fix the file or remove it; default keys are used"
        )
        return config
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        config.problems.append(f'{path}: [keys] must be a table — write `[keys]` then `quit = "q"`')
        return config
    for binding_id, value in keys.items():
        if isinstance(value, str) and value.strip():
            config.keymap[binding_id] = value.replace(" ", "")
        else:
            config.problems.append(f'{path}: keys.{binding_id} must be a text like "q,ctrl+q"')
    return config
