"""`python -m tui` runs the `brief` command line."""

from .cli import run

run()
