"""`python -m tui` runs the `brief` command line."""

from .launch import run

run()
