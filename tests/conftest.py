"""Shared fixtures. Every test runs with its own data, config and cache directories, so the real
user's files are never read or written."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tui.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED_BRIEF = "afghan-national-consensus"


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(home / var.lower()))
    monkeypatch.setenv("BRIEF_DATA_DIR", str(home / "brief-data"))
    monkeypatch.delenv("BRIEF_STORE", raising=False)
    return home


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real content/ and seeds/ that a test may edit."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


@dataclass
class Result:
    code: int
    out: str
    err: str


@pytest.fixture
def brief(capsys: pytest.CaptureFixture[str]):
    """Run the `brief` command line in-process: ``brief("list", "--json")``."""

    def run(*args: str | Path) -> Result:
        code = main([str(a) for a in args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture(scope="session")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from the real content, once per session."""
    from tui.ingest import load_content
    from tui.store import write_store

    path = tmp_path_factory.mktemp("store") / "store"
    write_store(load_content(ROOT / "content"), path)
    return path


@pytest.fixture(scope="session")
def store(store_path: Path):
    from tui.store import Store

    return Store.open(store_path)


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current directory is not a project (no content/ in it)."""
    cwd = tmp_path / "somewhere"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return cwd
