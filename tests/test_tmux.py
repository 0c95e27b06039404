"""End to end: the real `brief` in a real terminal (tmux), read off the screen like a person would."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Tmux:
    def __init__(self, tmp: Path) -> None:
        self.socket = f"brief-test-{uuid.uuid4().hex[:8]}"
        self.tmp = tmp

    def run(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return done.stdout

    def start(self, command: str, width: int = 100, height: int = 30) -> None:
        self.run("new-session", "-d", "-x", str(width), "-y", str(height), command)

    def screen(self) -> str:
        return self.run("capture-pane", "-p")

    def wait_for(self, *texts: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{texts} not on screen:\n{screen}")

    def keys(self, *keys: str) -> None:
        self.run("send-keys", *keys)

    def kill(self) -> None:
        self.run("kill-server")


@pytest.fixture
def tmux(tmp_path: Path):
    session = Tmux(tmp_path)
    yield session
    session.kill()


def test_brief_in_a_real_terminal(tmux, tmp_path, store_path):
    marker = tmp_path / "exited"
    command = (
        f"BRIEF_DATA_DIR={tmp_path / 'data'} BRIEF_CONFIG_DIR={tmp_path / 'config'} "
        f"{sys.executable} -m tui --store {store_path}; touch {marker}; sleep 30"
    )
    tmux.start(command)
    screen = tmux.wait_for("National Consensus", "1 Summary", "3 Actors", "5 Source")
    assert "NationPress ←" in screen
    tmux.keys("3")
    time.sleep(0.5)  # a person does not type faster than the pane switch
    for _ in range(
        9
    ):  # the coalition, its council and four people, a movement and Atmar, NAS, Dostum
        tmux.keys("Down")
    tmux.wait_for("Leader, National Assembly for Salvation", "General, Najibullah government")
    tmux.keys("L")
    tmux.wait_for("Library — 1 brief")
    tmux.keys("Escape")
    deadline = time.monotonic() + 10
    while "Library —" in tmux.screen() and time.monotonic() < deadline:
        time.sleep(0.1)
    tmux.keys("q")
    deadline = time.monotonic() + 10
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert marker.exists(), tmux.screen()
    assert "Traceback" not in tmux.screen()
