"""Hostile input: every case of issue 10, run through the real verbs, one file per area.

The shared home for tests that feed `brief` what an attacker, a careless colleague or a broken disk
would: files outside the project, devices, FIFOs, symlink loops, huge and sparse files, YAML alias
bombs, escape sequences in names, titles and arguments, special files as ``-o`` targets, tampered
stores and user data, and keys sent faster than the app can draw.

Who adds what (one file per owner, so branches merge cleanly):

- ``test_files.py``       reading outside the project, special and oversized files (hostile helper)
- ``test_yaml.py``        front matter, field types and dates, with hypothesis properties (hostile)
- ``test_terminal.py``    escapes in file names, arguments and printed text (hostile)
- ``test_outputs.py``     the ``-o`` output-path policy (hostile)
- ``test_tmux_escapes.py`` a tampered store in a real terminal (tmux) (hostile)
- ``test_store*.py``      tampered and odd stores (store helper)
- ``test_reader*.py``     long text and bursts in the reader (panes helper)
- ``test_userdata*.py``   userdata of the wrong shape (userdata helper)
- ``test_search*.py``     hostile search queries (search helper)
- ``test_import*.py``     hostile articles for ``brief import`` (import helper)

Shared helpers live in ``tests/hostile/conftest.py``; the fixtures ``brief`` (the CLI in-process)
and ``project`` (a copy of content/ and seeds/) come from ``tests/conftest.py``. Hypothesis example
counts stay modest (CI runs the whole suite on two cores); no test here sleeps for a fixed time.
"""
