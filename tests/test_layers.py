"""The layers below the app never import Textual (DESIGN.md section 2)."""

import subprocess
import sys

import pytest

LAYERS = [
    "tui.ingest", "tui.ingest.content", "tui.extract", "tui.ingest.draft", "tui.store",
    "tui.model", "tui.search", "tui.readstate", "tui.userdata", "tui.linking", "tui.config", "tui.export", "tui.cli",
]  # fmt: skip


@pytest.mark.parametrize("module", LAYERS)
def test_module_does_not_import_textual(module):
    code = f"import sys, {module}; sys.exit(1 if any(m.split('.')[0] in ('textual', 'rich') for m in sys.modules) else 0)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0, f"{module} imports textual"
