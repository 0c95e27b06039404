"""The parsed stylesheet, kept on disk between runs (start-up, issue 11).

Textual parses every stylesheet source at each start — the app's ``app.tcss`` and the
``DEFAULT_CSS`` of each widget class — with a tokenizer written in Python: ~7 ms of the reader's
first paint, for text that only changes when brief or Textual is upgraded or the theme changes.
The parsed rules of one stylesheet state (every source, the theme's variables, Textual's parser
files) are pickled once, after the first paint of a run that had to parse them, and loaded into
Textual's own parse cache at the next start (~1 ms).

With them go two more things the first paint would otherwise work out at every start: the theme's
variables as tokens (Textual tokenizes all ~390 of them the first time a text style names one,
``bold $brief-link``) and the text styles parsed for the first screen (~1.5 ms together).

The file lives in the user's cache directory (``BRIEF_CACHE_DIR`` overrides it); it is only read
when it is a regular file owned by the user and writable by nobody else, and anything wrong with
it (damaged, another Python, unreadable) means the stylesheet is parsed as usual. Textual's parse
cache is a private attribute: if it is not there, this module does nothing.
"""

from __future__ import annotations

import os
import pickle
import sys
from pathlib import Path
from typing import Any

FORMAT = 2  # 2: {"rules", "tokens", "styles"}; 1: the rules alone
MAX_BYTES = 4 * 2**20
PREFIX = "css-"
KEEP = 4  # stylesheet states kept (the newest): two installed versions or themes do not evict
# each other's at every start
TOKENS = "_Stylesheet__variable_tokens"  # Textual's (private) tokenized variables


def cache_dir() -> Path:
    from .config import user_dir

    return user_dir("BRIEF_CACHE_DIR", "cache")


def _parser_stamp() -> str:
    """Where Textual is and when its CSS parser files changed: a new Textual is a new cache."""
    import textual.css

    folder = Path(textual.css.__file__).parent
    parts = [str(folder)]
    for name in ("parse.py", "tokenize.py", "styles.py", "_styles_builder.py", "model.py"):
        try:
            info = os.stat(folder / name)
        except OSError:
            continue
        parts.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    return ";".join(parts)


def cache_path(stylesheet: Any) -> Path:
    try:  # hashlib's blake2b is this one; hashlib itself loads OpenSSL (~2 ms of start-up)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b

    digest = blake2b(digest_size=16)
    digest.update(f"{FORMAT}|{sys.version}|{_parser_stamp()}".encode())
    for read_from, source in stylesheet.source.items():
        digest.update(repr((read_from, tuple(source))).encode())
    digest.update(repr(sorted(stylesheet._variables.items())).encode())
    return cache_dir() / f"{PREFIX}{digest.hexdigest()[:32]}.pickle"


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _parse_cache(stylesheet: Any) -> Any:
    return getattr(stylesheet, "_parse_cache", None)


def load(stylesheet: Any) -> Path | None:
    """Fill the stylesheet's parse cache from disk. Returns the cache file's path when it is
    missing (the caller saves it after the first paint), else None."""
    cache = _parse_cache(stylesheet)
    if cache is None:
        return None
    try:
        path = cache_path(stylesheet)
    except Exception:
        return None
    from .ownfile import read_own

    try:
        raw = read_own(path, MAX_BYTES)
    except FileNotFoundError:
        return path
    if raw is None:
        return None  # not ours alone (or unreadable): neither read nor replaced
    try:
        saved = pickle.loads(raw)
        if not isinstance(saved, dict) or not isinstance(saved.get("rules"), dict):
            return path
        for key, value in saved["rules"].items():
            cache[key] = value
        tokens = saved.get("tokens")
        if isinstance(tokens, dict) and getattr(stylesheet, TOKENS, False) is None:
            setattr(stylesheet, TOKENS, tokens)
        styles = saved.get("styles")
        style_cache = getattr(stylesheet, "_style_parse_cache", None)
        if isinstance(styles, dict) and style_cache is not None:
            for key, value in styles.items():
                style_cache[key] = value
    except Exception:
        return path  # damaged: parse as usual, and write it anew after the first paint
    return None


def save(stylesheet: Any, path: Path) -> None:
    """Write what the stylesheet parsed to ``path`` (atomically; of the other cache files, only
    the newest KEEP - 1 stay)."""
    cache = _parse_cache(stylesheet)
    if cache is None:
        return
    try:
        keys = cache.keys  # an LRUCache: no iteration of its own
        saved: dict[str, Any] = {"rules": {key: cache.get(key) for key in keys()}}
        tokens = getattr(stylesheet, TOKENS, None)
        if isinstance(tokens, dict):
            saved["tokens"] = tokens
        style_cache = getattr(stylesheet, "_style_parse_cache", None)
        if style_cache is not None:
            style_keys = style_cache.keys  # an LRUCache: no iteration of its own
            saved["styles"] = {key: style_cache.get(key) for key in style_keys()}
        data = pickle.dumps(saved, protocol=pickle.HIGHEST_PROTOCOL)
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        others = [old for old in path.parent.glob(f"{PREFIX}*.pickle") if old != path]
        others.sort(key=_modified, reverse=True)
        for old in others[KEEP - 1 :]:
            old.unlink(missing_ok=True)
        from .ownfile import write_own

        write_own(path, data)
    except Exception:
        return  # a cache that cannot be written only costs the next start its parse
