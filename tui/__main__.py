"""`python -m tui` runs the `brief` command line."""

import sys

from .cli import main

sys.exit(main())
