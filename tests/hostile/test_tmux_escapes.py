"""Issue 10: a tampered store in a real terminal. A title holding ``ESC]0;pwned BEL ESC[2J`` (set
the window title, clear the screen) is printed by `list`, `show`, `search` and `export`; tmux must
report the same pane title afterwards and still show what was on screen before.

A control step at the end prints the raw sequence with printf, proving that this tmux does let a
program change the pane title — without it the test could not fail."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid

import pytest

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Pane:
    def __init__(self) -> None:
        self.socket = f"brief-hostile-{uuid.uuid4().hex[:8]}"

    def tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout

    def start(self, command: str) -> None:
        self.tmux("new-session", "-d", "-x", "160", "-y", "50", command)

    def screen(self) -> str:
        return self.tmux(
            "capture-pane", "-p"
        )  # the visible screen only: a clear scrolls to history

    def title(self) -> str:
        return self.tmux("display-message", "-p", "#{pane_title}").strip()

    def wait(self, predicate, timeout: float = 30) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            time.sleep(0.1)
        return False


@pytest.fixture
def pane():
    session = Pane()
    yield session
    session.tmux("kill-server")


def test_a_tampered_store_leaves_the_terminal_alone(pane, tampered_store, tmp_path):
    brief = (
        f"BRIEF_DATA_DIR={shlex.quote(str(tmp_path / 'data'))} {shlex.quote(sys.executable)} -m tui"
    )
    store = shlex.quote(str(tampered_store))
    steps = [
        "printf 'before-mark\\n'",
        "read -r _ < " + shlex.quote(str(tmp_path / "go")),  # wait until the title is recorded
        f"{brief} list --store {store}",
        f"{brief} show afghan-national-consensus --section summary --store {store} | head -3",
        f"{brief} search Pwnmarker --store {store}",
        f"{brief} export afghan-national-consensus --format markdown --store {store} | head -2",
        "printf 'after-mark\\n'",
        "read -r _ < " + shlex.quote(str(tmp_path / "control")),
        "printf '\\033]0;control-title\\007'",
        "sleep 60",
    ]
    subprocess.run(["mkfifo", str(tmp_path / "go"), str(tmp_path / "control")], check=True)
    script = tmp_path / "steps.sh"
    script.write_text("\n".join(steps) + "\n")
    pane.start(f"sh {shlex.quote(str(script))}")
    assert pane.wait(lambda: "before-mark" in pane.screen()), pane.screen()
    title = pane.title()
    (tmp_path / "go").write_text("\n")
    assert pane.wait(lambda: "after-mark" in pane.screen()), pane.screen()
    screen = pane.screen()
    assert "Pwn" in screen and "marker national consensus" in screen  # the commands ran
    assert "before-mark" in screen  # the screen was not cleared
    assert pane.title() == title and "pwned" not in pane.title()
    # control: a raw escape does change the title here, so the check above means something
    (tmp_path / "control").write_text("\n")
    if not pane.wait(lambda: pane.title() == "control-title", timeout=10):
        pytest.skip("this tmux does not report titles set by programs; nothing was checked")


def test_the_reader_on_a_tampered_store_leaves_the_terminal_alone(pane, tampered_store, tmp_path):
    env = f"BRIEF_DATA_DIR={shlex.quote(str(tmp_path / 'data'))}"
    command = (
        f"{env} {shlex.quote(sys.executable)} -m tui --store {shlex.quote(str(tampered_store))}"
    )
    pane.start(f"printf 'before\\n'; {command}; sleep 60")
    assert pane.wait(lambda: "marker national consensus" in pane.screen()), pane.screen()
    title = pane.title()
    pane.tmux("send-keys", "L")  # the library lists the title too
    assert pane.wait(lambda: "Library" in pane.screen()), pane.screen()
    time.sleep(0.5)  # a person does not type faster than the screen switch
    assert "pwned" not in pane.title() and "pwned" not in title
    assert "Pwnmarker" in pane.screen().replace("\n", "") or "Pwn" in pane.screen()
