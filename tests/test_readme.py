"""The README is the only set-up guide: CI must run exactly its test command."""

import re

from .conftest import ROOT


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    return re.findall(r"```sh\n(.+?)\n```", text)


def test_ci_runs_the_readme_test_command():
    install, test = readme_commands()[:2]
    assert "pytest" in test and "brief" in install
    ci = (ROOT / ".ci" / "run").read_text().splitlines()
    assert test in ci
    assert ".venv/bin/brief build --check" in ci
