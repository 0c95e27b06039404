"""The `brief` command line (DESIGN.md section 6).

Every verb exits 0 on success and 1 on a user error with a one-line message on stderr, never a
traceback. ``--store`` / ``BRIEF_STORE`` choose the store (default: the one embedded in the package)
and are accepted before the verb or after it.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import export
from .ingest.text import counted
from .library import EMBEDDED_STORE
from .model import Brief, Faction, Person
from .store import Store, StoreError, write_atomic

F = TypeVar("F", bound=Callable[..., Any])


class UserError(click.ClickException):
    """A user error: printed as one line, exit status 1."""

    exit_code = 1


CRASH_EXIT = 70  # EX_SOFTWARE: an internal error, neither success (0) nor a user error (1)


class Crashed(Exception):
    """The reader stopped on an internal error; ``error`` is the original exception."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


def crash_dir() -> Path:
    """Where crash reports go: ``$BRIEF_STATE_DIR``, else the platform state directory."""
    import os

    env = os.environ.get("BRIEF_STATE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_state_dir("brief", appauthor=False))


def report_crash(error: BaseException) -> str:
    """Write the full traceback to a file and return the one line to show the user."""
    import platform
    import tempfile
    import traceback

    from . import __name__ as package

    stamp = time.strftime("%Y%m%d-%H%M%S")
    report = "".join(
        [
            f"brief crash report {time.strftime('%Y-%m-%d %H:%M:%S %z')}\n",
            f"python {platform.python_version()} on {platform.platform()}; argv {sys.argv!r}\n",
            f"package {package}\n\n",
            *traceback.format_exception(error),
        ]
    )
    where = None
    for directory in (crash_dir(), Path(tempfile.gettempdir())):
        try:
            directory.mkdir(parents=True, exist_ok=True)
            path = directory / f"crash-{stamp}-{os_pid()}.txt"
            path.write_text(report, encoding="utf-8")
            where = path
            break
        except OSError:
            continue
    summary = (
        f"{type(error).__name__}: {error}".splitlines()[0][:160]
        if str(error)
        else type(error).__name__
    )
    summary = "".join(c if c.isprintable() else "?" for c in summary)
    if where is None:
        return f"brief: internal error ({summary}); no crash report could be written"
    return (
        f"brief: internal error ({summary}) — the full report is in {where}; "
        "please send it with what you were doing"
    )


def os_pid() -> int:
    import os

    return os.getpid()


def default_output(content: Path) -> Path:
    """Where `brief build` writes when no -o is given: the embedded store when building this
    project's own content/ (a checkout with tui/data/), otherwise the directory store/ beside
    content/."""
    root = content.resolve().parent
    if (root / "tui" / "data").is_dir() and (root / "pyproject.toml").is_file():
        return root / "tui" / "data" / "store"
    return root / "store"


def checked_output(path: Path, *, stdout_hint: bool = False, directory_ok: bool = False) -> Path:
    """``-o``'s target under the output-path policy of :mod:`tui.outputs`, or a one-line error."""
    from .outputs import OutputRefused, output_path

    try:
        return output_path(path, stdout_hint=stdout_hint, directory_ok=directory_ok)
    except OutputRefused as refused:
        raise UserError(str(refused)) from None


class _Year(click.ParamType):
    name = "YYYY"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        text = str(value).strip()
        if not (text.isdigit() and len(text) == 4):
            self.fail(f"{value!r} is not a year — give four digits, e.g. --year 2024", param, ctx)
        return int(text)


YEAR = _Year()


def store_option(func: F) -> F:
    return click.option(
        "--store",
        "store_path",
        type=click.Path(path_type=Path, dir_okay=True),
        envvar="BRIEF_STORE",
        help="Store directory (or its catalog .json) to read alone (default: the embedded "
        "store together with your library). Env: BRIEF_STORE.",
    )(func)


def resolve_store_path(ctx: click.Context, store_path: Path | None) -> Path:
    if store_path is not None:
        return store_path
    parent = ctx.find_root().params.get("store_path")
    return parent if parent is not None else EMBEDDED_STORE


def chosen_store(ctx: click.Context, store_path: Path | None) -> Path | None:
    """The store ``--store`` / ``BRIEF_STORE`` names, or None for the default: the embedded store
    read together with the user library."""
    if store_path is not None:
        return store_path
    return ctx.find_root().params.get("store_path")


def root_data_dir(ctx: click.Context, data_dir: Path | None = None) -> Path | None:
    """``--data-dir`` given after the verb, else before it, else ``BRIEF_DATA_DIR`` (None: the
    platform's data directory)."""
    from click.core import ParameterSource

    root = ctx.find_root()
    typed = ParameterSource.COMMANDLINE
    if data_dir is not None and ctx.get_parameter_source("data_dir") == typed:
        return data_dir
    if root.params.get("data_dir") is not None and root.get_parameter_source("data_dir") == typed:
        return root.params["data_dir"]
    return data_dir if data_dir is not None else root.params.get("data_dir")


def open_store(ctx: click.Context, store_path: Path | None, data_dir: Path | None = None) -> Any:
    """``--store`` alone when given; else the embedded store and the user library together
    (:mod:`tui.library`)."""
    from .library import open_union, user_library

    chosen = chosen_store(ctx, store_path)
    try:
        if chosen is not None:
            return Store.open(chosen)
        return open_union(EMBEDDED_STORE, user_library(root_data_dir(ctx, data_dir)))
    except StoreError as error:
        raise UserError(str(error)) from None


def store_origin(ctx: click.Context, store_path: Path | None) -> str:
    """The origin shown for a brief of a store that is not a union."""
    from .library import EMBEDDED

    chosen = chosen_store(ctx, store_path)
    return str(chosen) if chosen is not None else EMBEDDED


def get_brief(store: Store, brief_id: str) -> Brief | Person | Faction:
    """The brief, person or faction ``brief_id`` names: by id, else by name or alias when only
    one thing has it."""
    brief = store.brief(brief_id)
    if brief is not None:
        return brief
    entity = store.entity(brief_id)
    if entity is not None:
        return entity
    matches = store.find(brief_id)
    if len(matches) == 1:
        found = store.brief(matches[0].id) or store.entity(matches[0].id)
        assert found is not None
        return found
    if len(matches) > 1:
        listed = "; ".join(f"{c.kind} {c.id}" for c in matches[:6])
        more = f" and {len(matches) - 6} more" if len(matches) > 6 else ""
        raise UserError(f"{brief_id!r} is ambiguous: {listed}{more} — give the id")
    raise not_found(store, brief_id)


def not_found(store: Any, target: str) -> UserError:
    """Nothing has the id or name ``target``: what the search engine would offer instead (it
    forgives typos: "massod" → Ahmad Massoud), else where to look."""
    try:
        hits = store.search_index.search(target, 20).hits
    except Exception:  # a query the engine refuses ("kind:"): no guesses
        hits = []
    guesses: list[str] = []
    for hit in hits:
        named = hit.kind in ("brief", "person", "faction") and hit.title_highlights
        if named and len(guesses) < 3:  # the name matched, not only the text about it
            guesses.append(f"{hit.title} ({hit.id})" if hit.title != hit.id else hit.id)
    if guesses:
        return UserError(
            f"nothing called {target!r} in the store — did you mean {' or '.join(guesses)}?"
        )
    return UserError(
        f"nothing called {target!r} in the store — `brief list` shows the briefs, "
        f"`brief search WORDS` finds people, factions and events"
    )


def _kind(item: object) -> str:
    return "person" if isinstance(item, Person) else "faction"


def data_dir_option(func: F) -> F:
    return click.option(
        "--data-dir",
        type=click.Path(path_type=Path, file_okay=False),
        envvar="BRIEF_DATA_DIR",
        help="Directory for notes and reading state. Env: BRIEF_DATA_DIR.",
    )(func)


class BriefGroup(click.Group):
    """Turns a damaged store found mid-command (a brief file read lazily) into one line."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except StoreError as error:
            raise UserError(str(error)) from None


@click.group(
    cls=BriefGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@store_option
@data_dir_option
@click.version_option(package_name="brief")
@click.pass_context
def cli(ctx: click.Context, store_path: Path | None, data_dir: Path | None) -> None:
    """brief — read political and security briefings in the terminal, every fact sourced."""
    if ctx.invoked_subcommand is None:
        run_reader(ctx, store_path, data_dir, None)


def run_reader(
    ctx: click.Context, store_path: Path | None, data_dir: Path | None, target: str | None
) -> None:
    """Open the reader: on ``target`` (a brief, person or faction) or on the last-read brief."""
    store = open_store(ctx, store_path, data_dir)
    if not store.briefs():
        raise UserError(
            f"{resolve_store_path(ctx, store_path)} holds no briefs — build one with `brief build`"
        )
    start = None
    if target is not None:
        start = resolve_target(store, target)
    start_reader(store, root_data_dir(ctx, data_dir), start)


def start_reader(store: Any, data_dir: Path | None, start: Any) -> None:
    from .launch import start_reader as launch

    app = launch(store, data_dir, start)
    if app.crash is not None:  # the terminal is restored by now; say where the report is
        raise Crashed(app.crash)


def resolve_target(store: Store, target: str) -> Any:
    from .linking import Location

    if not target.strip():
        raise UserError(
            "give the id or name of a brief, person or faction — `brief list` shows the ids"
        )
    if store.has_brief(target):  # an id: no need to read every name
        return Location("brief", target)
    if store.entity(target) is not None:
        return Location("entity", target)
    candidates = store.find(target)
    if len(candidates) == 1:
        found = candidates[0]
        return Location("brief" if found.kind == "brief" else "entity", found.id)
    if not candidates:
        raise not_found(store, target)
    listed = "; ".join(f"{c.kind} {c.id} ({c.name})" for c in candidates[:8])
    more = f" and {len(candidates) - 8} more" if len(candidates) > 8 else ""
    raise UserError(f"{target!r} is ambiguous: {listed}{more} — give the id")


@cli.command("open")
@click.argument("target")
@store_option
@data_dir_option
@click.pass_context
def open_target(
    ctx: click.Context, target: str, store_path: Path | None, data_dir: Path | None
) -> None:
    """Open the reader on a brief, person or faction, by id or by name (aliases count)."""
    run_reader(ctx, store_path, data_dir, target)


@cli.command()
@click.argument("content", default="content", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Store directory to write (default: the embedded store in a checkout).",
)
@click.option("--check", is_flag=True, help="Fail if the store is missing or stale; write nothing.")
@click.option("--full", is_flag=True, help="Rebuild everything, ignoring the build cache.")
def build(content: Path, output: Path | None, check: bool, full: bool) -> None:
    """Compile CONTENT (default: ./content) and the seeds/ beside it into a store."""
    from .store.build import BuildResult, build_store, check_store

    started = time.perf_counter()
    target = checked_output(output or default_output(content), directory_ok=True)
    progress = _progress_bar() if sys.stderr.isatty() else None
    if check:
        library = _load(content, progress=progress)
        stale = check_store(library, target)
        if stale:
            listed = ", ".join(stale[:3]) + (
                f" and {len(stale) - 3} more" if len(stale) > 3 else ""
            )
            raise UserError(
                f"{target} is stale: {content} has changed since it was built ({listed}) "
                "— run `brief build`"
            )
        click.echo(f"ok: {target} is up to date")
        return
    if not content.is_dir():
        _load(content, None)  # the one-line "content directory not found"
    try:
        result: BuildResult = _run_build(build_store, content, target, full, progress)
    except OSError as error:
        raise UserError(
            f"cannot write {target}: {error.strerror} — choose another path with -o"
        ) from None
    elapsed = (time.perf_counter() - started) * 1000
    if result.incremental and not result.rebuilt and not result.entities_rebuilt:
        click.echo(f"up to date: {target} ({result.briefs} briefs, {elapsed:.0f} ms)")
        return
    how = f", {counted(result.rebuilt, 'brief')} rebuilt" if result.incremental else ""
    if result.incremental and result.entities_rebuilt:
        how += f", {counted(result.entities_rebuilt, 'person or faction file', 'person or faction files')} read again"
    click.echo(
        f"built {target}: {result.briefs} briefs, {result.people} people, "
        f"{result.factions} factions, {result.events} events, "
        f"{result.mentions} mentions ({result.size:,} bytes, {elapsed:.0f} ms{how})"
    )


def _run_build(build_store: Any, content: Path, target: Path, full: bool, progress: Any) -> Any:
    from .ingest import BuildFailed

    try:
        return build_store(content, target, full=full, progress=progress)
    except BuildFailed as failure:
        if progress is not None:
            click.echo("", err=True)
        for error in failure.errors:
            click.echo(str(error), err=True)
        raise UserError(
            f"build failed with {counted(len(failure.errors), 'error')}; nothing was written"
        ) from None
    except StoreError as error:
        raise UserError(str(error)) from None


def _progress_bar() -> Callable[[str, int, int], None]:
    """A one-line progress bar on stderr (only used when stderr is a terminal)."""
    shown = {"at": 0.0}

    # The bar's own control codes are ours, not content: write them past the sanitising stream.
    stream = getattr(sys.stderr, "wrapped", sys.stderr)

    def show(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        if done < total and now - shown["at"] < 0.1:
            return
        shown["at"] = now
        width = 30
        filled = width * done // max(total, 1)
        bar = "█" * filled + "·" * (width - filled)
        end = "\n" if stage == "done" else ""
        stream.write(f"\r\x1b[2K{stage:<10} {bar} {done:>6}/{total}{end}")
        stream.flush()

    return show


def _load(
    content: Path,
    progress: Any = None,
    loader: Callable[[Path], Any] | None = None,
    verb: str = "build",
) -> Any:
    from .ingest import BuildFailed, load_content  # only building needs the parser

    if not content.is_dir():
        raise UserError(
            f"content directory not found: {content} — run from the project folder or pass the path to content/"
        )
    try:
        if loader is not None:
            return loader(content)
        from .ingest.content import build_jobs

        return load_content(content, progress=progress, jobs=build_jobs())
    except BuildFailed as failure:
        for error in failure.errors:
            click.echo(str(error), err=True)
        if verb == "check":
            raise UserError(
                f"check failed with {counted(len(failure.errors), 'error')} — fix the lines above"
            ) from None
        raise UserError(
            f"build failed with {counted(len(failure.errors), 'error')}; nothing was written"
        ) from None


@cli.command()
@click.argument("content", required=False, type=click.Path(path_type=Path))
@click.option(
    "--strict",
    is_flag=True,
    help="Treat warnings (ungrounded claims, yearless datelines) as errors.",
)
@data_dir_option
@click.pass_context
def check(
    ctx: click.Context, content: Path | None, strict: bool, data_dir: Path | None = None
) -> None:
    """Validate CONTENT without writing anything; list every error and warning as file:line.

    \b
    CONTENT: default ./content in a project, else your user library's content.
    Warnings: a claim names a person, faction, place, date or number that the sentences it cites
    do not mention; text after a claim's last footnote; a dateline without a year."""
    from .ingest.content import check_content
    from .library import project_content, user_library

    if content is None:
        content = project_content()
        if content is None:
            library_root = user_library(root_data_dir(ctx, data_dir))
            if not library_root.content.is_dir():
                raise UserError(
                    "nothing to check: no ./content here and your library "
                    f"({library_root.root}) is empty — pass the path to a content/ folder, "
                    "or `brief import ARTICLE` first"
                )
            content = library_root.content
            click.echo(f"checking your library: {library_root.root}", err=True)
    library, warnings = _load(content, loader=check_content, verb="check")
    for warning in warnings:
        click.echo(str(warning), err=True)
    if warnings and strict:
        raise UserError(
            f"check failed: {counted(len(warnings), 'warning')}, and --strict makes them errors"
        )
    counts = ", ".join(
        (
            counted(len(library.briefs), "brief"),
            counted(len(library.people), "person", "people"),
            counted(len(library.factions), "faction"),
            counted(len(library.events), "event"),
        )
    )
    suffix = f", {counted(len(warnings), 'warning')}" if warnings else ""
    click.echo(f"ok: {counts}{suffix}")


@cli.command("import")
@click.argument("article", type=click.Path(path_type=Path, dir_okay=True))
@click.option(
    "--content",
    "content",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Content directory to write into; the article is copied to seeds/ beside it "
    "(default: ./content inside a project, else your user library).",
)
@click.option(
    "--json", "as_json", is_flag=True, help="Print what was found as JSON; write nothing."
)
@click.option("--dry-run", is_flag=True, help="Show what would be written; write nothing.")
@click.option(
    "--year",
    type=YEAR,
    help="The dateline's year, for a dateline written without one (e.g. 'March 4').",
)
@click.option("--open", "open_reader", is_flag=True, help="Build and open the new brief.")
@data_dir_option
@click.pass_context
def import_article(
    ctx: click.Context,
    article: Path,
    content: Path | None,
    as_json: bool,
    dry_run: bool,
    year: int | None = None,
    open_reader: bool = False,
    data_dir: Path | None = None,
) -> None:
    """Draft a brief, and stubs for new people and factions, from a raw article.

    \b
    Where it goes: --content DIR if given; else ./content when the current directory holds a
    content/ folder (a project); else your user library in the data directory, which is
    rebuilt at once and read together with the embedded briefs."""
    from .library import project_content, user_library

    if open_reader and (as_json or dry_run):
        flag = "--json" if as_json else "--dry-run"
        raise UserError(f"--open needs a brief to open, and {flag} writes none — drop one of them")
    library = user_library(root_data_dir(ctx, data_dir))
    in_library = content is None and project_content() is None
    if content is None:
        content = project_content() or library.content

    def work() -> str | None:
        return _import(article, content, library, in_library, as_json, dry_run, year, open_reader)

    if not open_reader:
        work()
        return
    brief_id = _beside_the_reader(work) if _can_fork() else work()
    if brief_id is None:
        return
    from .linking import Location

    if in_library or default_output(content) == EMBEDDED_STORE:
        store = open_store(ctx, None, data_dir)
    else:  # a project's content, built into the store beside it
        store = _open(default_output(content))
    start_reader(store, root_data_dir(ctx, data_dir), Location("brief", brief_id))


def _can_fork() -> bool:
    """Whether `import --open` may draft in a child process while this one loads the reader:
    on a terminal (the reader needs one) where fork exists."""
    import os

    return hasattr(os, "fork") and sys.stdin.isatty() and sys.stdout.isatty()


def _beside_the_reader(work: Callable[[], str | None]) -> str | None:
    """Run ``work`` (the import) in a forked child while this process imports the reader, so
    the two overlap; the child prints its own output and errors. The brief id, or exit 1."""
    import os

    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: draft, write, build; report the id
        code = 0
        try:
            os.close(read)
            found = work()
            os.write(write, (found or "").encode())
        except click.ClickException as error:
            click.echo(f"brief: {error.format_message()}", err=True)
            code = 1
        except BaseException:  # reported, never silently lost
            import traceback

            traceback.print_exc()
            code = 1
        finally:
            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
            os._exit(code)
    os.close(write)
    from . import app, linking, userdata  # noqa: F401 - the reader loads while the child drafts
    from .screens import reader  # noqa: F401

    chunks = []
    while chunk := os.read(read, 4096):
        chunks.append(chunk)
    os.close(read)
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise click.exceptions.Exit(1)
    return b"".join(chunks).decode() or None


def _import(
    article: Path,
    content: Path,
    library: Any,
    in_library: bool,
    as_json: bool,
    dry_run: bool,
    year: int | None,
    open_reader: bool,
) -> str | None:
    """The import itself; the new brief's id (None when nothing was written)."""
    import re

    from .extract import ArticleError, extract, read_article_raw
    from .ingest.draft import MAX_HISTORY, DraftError, make_draft

    started = time.perf_counter()
    try:
        raw, text = read_article_raw(article)
    except ArticleError as error:
        raise UserError(str(error)) from None
    extraction = extract(text)
    if year is not None and extraction.date and re.search(r"\b\d{4}\b", extraction.date):
        raise UserError(
            f"{article}: the dateline already gives the year ({extraction.date}) — drop --year"
        )
    if as_json:
        data = extraction.to_json()
        if year is not None:
            data["dateline"]["year"] = year
        click.echo(export.dumps(data))
        return None
    known, taken = _embedded_names() if in_library else ({}, set())
    if in_library and not dry_run:
        try:
            library.create()
        except OSError as error:
            raise UserError(
                f"cannot create your library in {library.root}: {error.strerror} — "
                "choose another place with --data-dir or --content"
            ) from None
    try:
        store = library.store if in_library else default_output(content)
        draft = make_draft(
            extraction, raw, content, year=year, known=known, taken_ids=taken, store=store
        )
    except DraftError as error:
        raise UserError(f"{article}: {error}") from None
    root = content.resolve().parent
    listing = [path.relative_to(root).as_posix() for path in draft.files]
    where = f" in your library ({library.root})" if in_library else ""
    if dry_run:
        click.echo(
            f"would write {counted(len(listing), 'file')}{where} (dry run, nothing written):"
        )
    else:
        try:
            draft.write()
        except DraftError as error:
            raise UserError(str(error)) from None
        click.echo(f"wrote {counted(len(listing), 'file')}{where}:")
    for name in listing:
        click.echo(f"  {name}")
    if draft.linked:
        click.echo(f"linked to existing: {', '.join(draft.linked)}")
    history = f"{counted(draft.history, 'History item')} drafted"
    if draft.left_out:
        history += (
            f", {draft.left_out} left out (repeated, not quotable uniquely,"
            f" or over the {MAX_HISTORY}-item cap)"
        )
    found = (
        f"{len(extraction.people)} people, {len(extraction.factions)} factions, "
        f"{len(extraction.events)} dated events found"
    )
    if in_library and not dry_run:
        try:
            _rebuild(library.content, library.store, "the article or the library's files")
        except UserError as error:  # the new files would fail every later build: take them back
            for path in reversed(list(draft.files)):
                path.unlink(missing_ok=True)
            raise UserError(
                f"{error} (removed the import's {counted(len(listing), 'file')})"
            ) from None
        elapsed = (time.perf_counter() - started) * 1000
        click.echo(
            f"{found}; {history}; built in {elapsed:.0f} ms — read it with "
            f"`brief open {draft.brief_id}`, fix it with `brief edit {draft.brief_id}`"
        )
    elif in_library:  # a dry run into the library
        elapsed = (time.perf_counter() - started) * 1000
        click.echo(
            f"{found} in {elapsed:.0f} ms; {history} — run it again without --dry-run to add it "
            "to your library"
        )
    else:
        elapsed = (time.perf_counter() - started) * 1000
        click.echo(
            f"{found} in {elapsed:.0f} ms; {history} — review {listing[-1]}, then `brief check` "
            "and `brief build`"
        )
    for warning in draft.warnings:
        click.echo(f"warning: {warning}", err=True)
    if open_reader and not in_library:  # a project's content: build it like `brief build`
        _rebuild(content, default_output(content), "the files named above, then `brief build`")
    return None if dry_run else draft.brief_id


def _open(path: Path) -> Store:
    try:
        return Store.open(path)
    except StoreError as error:
        raise UserError(str(error)) from None


def _embedded_names() -> tuple[dict[str, tuple[str, str]], set[str]]:
    """Names and ids in the embedded store, so that an import into the user library reuses its
    people's and factions' ids and never takes one of its brief ids."""
    from .ingest.text import fold

    try:
        store = Store.open(EMBEDDED_STORE)
    except StoreError:
        return {}, set()
    known: dict[str, tuple[str, str]] = {}
    taken: set[str] = set()
    for candidate, names in store.candidates():
        taken.add(candidate.id)
        if candidate.kind != "brief":
            for name in names[1:]:
                known.setdefault(fold(name), (candidate.kind, candidate.id))
    return known, taken


def _rebuild(content: Path, target: Path, fix: str) -> Any:
    """Build ``content`` into ``target``; on failure print each error as path:line and exit 1
    with the previous store untouched."""
    from .ingest import BuildFailed
    from .library import build

    try:
        return build(content, target)
    except BuildFailed as failure:
        for error in failure.errors:
            click.echo(str(error), err=True)
        raise UserError(
            f"build failed with {counted(len(failure.errors), 'error')}; the previous store {target} is "
            f"kept — fix {fix}"
        ) from None
    except StoreError as error:
        raise UserError(str(error)) from None
    except OSError as error:
        raise UserError(_write_failure(error, target)) from None


def _write_failure(error: OSError, target: Path) -> str:
    """One line for a store that could not be written: the file, the cause, a fix that fits it."""
    import errno

    where = error.filename or target
    fixes = {
        errno.ENAMETOOLONG: "rename the content file with the long id (ids are at most 80 characters)",
        errno.ENOSPC: "free some disk space, then build again",
        errno.EDQUOT: "free some disk space, then build again",
        errno.EROFS: "the disk is read-only: choose another place with --store",
    }
    fix = fixes.get(error.errno or 0, "check the folder's permissions")
    return f"cannot write {where}: {error.strerror}; the previous store {target} is kept — {fix}"


@cli.command("list")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@data_dir_option
@click.pass_context
def list_briefs(
    ctx: click.Context,
    store_path: Path | None = None,
    as_json: bool = False,
    data_dir: Path | None = None,
) -> None:
    """List the briefs, newest first, with where each comes from: "embedded" (shipped with
    brief), "library" (your user library) or the --store path."""
    from .library import origin_of

    store = open_store(ctx, store_path, data_dir)
    single = store_origin(ctx, store_path)
    briefs = store.briefs()
    if as_json:
        click.echo(
            export.dumps(
                [
                    {
                        "id": b.id,
                        "title": b.title,
                        "date": b.dateline.date.display() if b.dateline.date else None,
                        "resolved": b.dateline.date.resolved if b.dateline.date else None,
                        "place": b.dateline.place,
                        "outlet": store.name_of(b.outlet) if b.outlet else None,
                        "origin": origin_of(store, b.id, single).split(",")[0],
                        "overrides": _overrides(store, b.id),
                    }
                    for b in briefs
                ]
            )
        )
        return
    lines = []
    for b in briefs:
        date = b.dateline.date.resolved or b.dateline.date.text if b.dateline.date else "—"
        outlet = store.name_of(b.outlet) if b.outlet else "—"
        lines.append(f"{b.id}  {date}  {outlet}  {b.title}  [{origin_of(store, b.id, single)}]")
    if lines:
        click.echo("\n".join(lines))  # one write: 10,000 lines cost one system call, not 10,000


def _overrides(store: Any, brief_id: str) -> list[str]:
    from .library import UnionStore

    return store.overridden(brief_id) if isinstance(store, UnionStore) else []


cli.add_command(list_briefs, "library")


@cli.command()
@click.argument("brief_id", metavar="BRIEF")
@click.option(
    "--content",
    type=click.Path(path_type=Path, file_okay=False),
    help="Content directory the brief is in (default: your library, then ./content).",
)
@data_dir_option
@click.pass_context
def edit(
    ctx: click.Context, brief_id: str, content: Path | None, data_dir: Path | None = None
) -> None:
    """Open a brief's file in $VISUAL / $EDITOR, then rebuild the store it belongs to.

    \b
    A brief in your user library: its file there, and the library is rebuilt. A brief in
    ./content (inside a project) or --content DIR: that file, rebuilt like `brief build`.
    The embedded briefs ship without their source: import the article into your library."""
    from .ingest.text import SLUG_RE
    from .library import project_content, user_library

    if not SLUG_RE.match(brief_id):
        raise UserError(
            f"{brief_id!r} is not a brief id (ids are lower-case words joined by hyphens, like "
            "afghan-national-consensus) — `brief list` shows them"
        )
    library = user_library(root_data_dir(ctx, data_dir))
    places: list[tuple[Path, Path]] = []  # (content, store)
    if content is not None:
        places.append((content, default_output(content)))
    else:
        places.append((library.content, library.store))
        project = project_content()
        if project is not None:
            places.append((project, default_output(project)))
    found = [(c, t) for c, t in places if (c / "briefs" / f"{brief_id}.md").is_file()]
    if not found:
        raise UserError(_not_editable(brief_id, content))
    folder, target = found[0]
    path = folder / "briefs" / f"{brief_id}.md"
    before = path.read_bytes()
    _run_editor(path)
    try:
        after = path.read_bytes()
    except OSError as error:
        raise UserError(
            f"{path}: cannot read it after editing ({error.strerror}) — nothing was rebuilt"
        ) from None
    if after == before:
        click.echo(f"{path}: unchanged — nothing to rebuild")
        return
    again = f"brief edit {brief_id}" + (f" --content {content}" if content is not None else "")
    fix = f"{path} with `{again}`"
    built = _rebuild(folder, target, fix)
    how = f", {built.rebuilt} rebuilt" if built.rebuilt is not None else ""
    click.echo(f"rebuilt {target}: {built.briefs} briefs{how} — `brief open {brief_id}` to read it")


def _not_editable(brief_id: str, content: Path | None) -> str:
    """Why ``brief_id`` has no file to edit, and what to do instead."""
    if content is not None:
        return (
            f"no file {content / 'briefs' / (brief_id + '.md')} — give the brief's id "
            "(`brief list`) and the content directory that holds it"
        )
    try:
        embedded = Store.open(EMBEDDED_STORE).brief(brief_id) is not None
    except StoreError:
        embedded = False
    if embedded:
        return (
            f"{brief_id} is an embedded brief: brief ships it built, without its Markdown, so it "
            f"cannot be edited in place — run `brief edit {brief_id}` in a checkout of brief's "
            f"source (content/briefs/{brief_id}.md), or import the original article into your "
            "library with `brief import ARTICLE`"
        )
    return f"no brief {brief_id!r} in your library — `brief list` shows the ids and where each is"


def _run_editor(path: Path) -> None:
    """Run the user's editor on ``path`` and wait for it."""
    import os
    import shlex
    import shutil
    import subprocess

    command = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if command:
        try:
            argv = shlex.split(command)
        except ValueError:
            argv = []
        if not argv:
            raise UserError(
                f"cannot read the editor command {command!r} — set $EDITOR to a command "
                "such as `nano` or `vim`"
            )
    else:
        found = shutil.which("editor") or shutil.which("vi")
        if found is None:
            raise UserError(
                f"no editor: set $EDITOR (e.g. `export EDITOR=nano`), or edit {path} yourself "
                "and run `brief build`"
            )
        argv = [found]
    try:
        status = subprocess.call([*argv, str(path)])
    except OSError as error:
        raise UserError(
            f"cannot run the editor {argv[0]!r}: {error.strerror} — set $EDITOR to an "
            "installed editor"
        ) from None
    if status != 0:
        raise UserError(
            f"the editor {argv[0]!r} exited with status {status} — nothing was rebuilt; "
            f"{path} is as the editor left it"
        )


@cli.command()
@click.argument("brief_id", metavar="BRIEF")
@store_option
@click.option("--section", type=click.Choice(export.SECTIONS), help="Print only this section.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
)
@click.pass_context
def show(
    ctx: click.Context, brief_id: str, store_path: Path | None, section: str | None, fmt: str
) -> None:
    """Print a brief, or a person's or faction's dossier, without the UI."""
    store = open_store(ctx, store_path)
    brief = get_brief(store, brief_id)
    if not isinstance(brief, Brief):  # a person or faction: its dossier
        if section is not None:
            raise UserError(f"--section is for briefs; {brief_id!r} is a {_kind(brief)} — drop it")
        if fmt == "json":
            click.echo(export.dumps(export.entity_json(store, brief)))
        else:
            click.echo(export.entity_text(store, brief, markdown=fmt == "markdown"), nl=False)
        return
    if fmt == "json":
        click.echo(export.dumps(export.brief_json(store, brief, section)))
    else:
        click.echo(export.brief_text(store, brief, section, markdown=fmt == "markdown"), nl=False)


@cli.command()
@click.argument("query")
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON: a list of hits.")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.pass_context
def search(
    ctx: click.Context, query: str, store_path: Path | None, as_json: bool, limit: int
) -> None:
    """Search briefs, takeaways, events, sentences, people and factions.

    \b
    Words must all match (typos and spelling variants are tolerated); "quotes" for a
    phrase; -word for NOT; filters: kind: actor: faction: status: tag: year:2019..2022
    brief: name: (e.g. `brief search 'kind:person status:deceased'`).
    """
    from .search import QueryError

    store = open_store(ctx, store_path)
    try:
        result = store.search_index.search(query, limit)
    except QueryError as error:
        raise UserError(_clean(str(error))) from None
    if result.suggestion:
        click.echo(f"did you mean: {_clean(result.suggestion)}", err=True)
    if as_json:
        click.echo(
            export.dumps(
                [
                    {
                        "kind": h.kind,
                        "id": h.id,
                        "title": h.title,
                        "snippet": h.snippet,
                        "highlights": [list(span) for span in h.highlights],
                        "brief": h.brief,
                        "item": h.item,
                        "score": round(h.score, 4),
                    }
                    for h in result.hits
                ]
            )
        )
        return
    if not result.hits:
        click.echo(f"no matches for {_clean(query)!r}", err=True)
        return
    for hit in result.hits:
        click.echo(f"{hit.kind:<8} {_clean(hit.id)}  {_clean(hit.title)}")
        if hit.snippet:
            click.echo("         " + _marked(hit.snippet, hit.highlights))


def _clean(text: str) -> str:
    """Text from a store, safe for the terminal: control characters dropped."""
    return "".join(c for c in text if c.isprintable() or c == " ")


def _marked(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """``text`` with the matched spans bold and underlined (click drops the styling when the
    output is not a terminal)."""
    out, last = [], 0
    for start, end in spans:
        if start < last:
            continue
        out.append(_clean(text[last:start]))
        out.append(click.style(_clean(text[start:end]), bold=True, underline=True))
        last = end
    out.append(_clean(text[last:]))
    return "".join(out)


EXPORT_FORMATS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
}


@cli.command("export")
@click.argument("brief_id", metavar="BRIEF")
@store_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "html", "json"]),
    help="Default: from the -o file's ending (.md, .html, .json), else markdown.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File to write (default: standard output).",
)
@click.option("--with-notes", is_flag=True, help="Include your notes on the brief and its actors.")
@data_dir_option
@click.pass_context
def export_brief(
    ctx: click.Context,
    brief_id: str,
    store_path: Path | None,
    fmt: str | None,
    output: Path | None,
    with_notes: bool = False,
    data_dir: Path | None = None,
) -> None:
    """Export a brief, or a person's or faction's dossier, as Markdown, HTML or JSON."""
    if fmt is None:
        fmt = EXPORT_FORMATS.get(output.suffix.lower(), "markdown") if output else "markdown"
    store = open_store(ctx, store_path)
    brief = get_brief(store, brief_id)
    if not isinstance(brief, Brief):  # a person or faction: its dossier
        if fmt == "json":
            text = export.dumps(export.entity_json(store, brief)) + "\n"
        elif fmt == "html":
            text = export.entity_html(store, brief)
        else:
            text = export.entity_text(store, brief, markdown=True)
    elif fmt == "json":
        text = export.dumps(export.brief_json(store, brief)) + "\n"
    elif fmt == "html":
        text = export.brief_html(store, brief)
    else:
        text = export.brief_text(store, brief, markdown=True)
    if with_notes:
        text = export.with_notes(store, brief, fmt, text, load_notes(ctx, store, data_dir))
    if output is None:
        click.echo(text, nl=False)
        return
    output = checked_output(output, stdout_hint=True)
    try:
        write_atomic(output, text.encode())
    except OSError as error:
        raise UserError(
            f"cannot write {output}: {error.strerror} — choose another path with -o"
        ) from None
    click.echo(f"wrote {output}", err=True)


def open_userdata(ctx: click.Context, data_dir: Path | None) -> Any:
    """The user's data; messages it has for the user (a file moved aside, ...) go to stderr."""
    from .userdata import UserData

    data_dir = data_dir if data_dir is not None else ctx.find_root().params.get("data_dir")
    userdata = UserData(data_dir)
    for message in userdata.take_messages():
        click.echo(f"brief: {message}", err=True)
    return userdata


def load_notes(ctx: click.Context, store: Store | None, data_dir: Path | None) -> list[Any]:
    """Every note, each marked orphaned if its anchor is no longer in ``store`` (nothing written)."""
    from .userdata import anchor_checks

    userdata = open_userdata(ctx, data_dir)
    if store is not None:
        exists, texts = anchor_checks(store)
        userdata.resolve_anchors(exists, texts, persist=False)
    return userdata.notes()


@cli.command("notes")
@click.argument("brief_id", metavar="[BRIEF]", required=False)
@store_option
@data_dir_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def list_notes(
    ctx: click.Context,
    brief_id: str | None,
    store_path: Path | None,
    data_dir: Path | None,
    as_json: bool,
) -> None:
    """List your notes (all, or those on BRIEF and its items) without the UI."""
    from .userdata import clean

    store: Store | None
    try:
        store = open_store(ctx, store_path)
    except UserError as error:  # the notes are the user's own: list them anyway
        click.echo(f"brief: {error.message} — notes are listed unchecked", err=True)
        store = None
    notes = load_notes(ctx, store, data_dir)
    if brief_id is not None:
        known = store is None or store.brief(brief_id) is not None
        if not known and not any(n.anchor.brief == brief_id for n in notes):
            assert store is not None
            brief_id = get_brief(store, brief_id).id  # by name, or the one-line error
        notes = [n for n in notes if n.anchor.brief == brief_id]

    def label(note: Any) -> str:
        return clean(export.note_label(store, note) if store is not None else note.anchor.key)

    if as_json:
        click.echo(export.dumps([{**n.to_json(), "label": label(n)} for n in notes]))
        return
    if not notes:
        where = f" on {brief_id}" if brief_id else ""
        click.echo(f"no notes{where} — press `a` in the reader to add one", err=True)
        return
    for note in notes:
        orphan = "  [orphaned: no longer in the brief]" if note.orphaned else ""
        click.echo(clean(f"{note.anchor.key}  ({label(note)}){orphan}"))
        click.echo(clean(f"  created {note.created}  updated {note.updated}  id {note.id}"))
        if note.quote:
            click.echo(f"  > {' '.join(clean(note.quote).split())}")
        for line in clean(note.text).split("\n"):
            click.echo(f"  {line}")
        click.echo()


def main(argv: list[str] | None = None) -> int:
    """Entry point: run the CLI and turn every user error into one line and exit status 1.

    Everything the CLI prints to stdout and stderr passes through :func:`tui.outputs.terminal_safe`:
    file names, arguments and store text can hold escape sequences (issue 10), and cleaning at the
    one place where text leaves the program covers every message, present and future."""
    from .outputs import TerminalSafeStream

    saved = sys.stdout, sys.stderr
    if sys.stdout is not None:
        sys.stdout = TerminalSafeStream(sys.stdout)  # type: ignore[assignment]
    if sys.stderr is not None:
        sys.stderr = TerminalSafeStream(sys.stderr)  # type: ignore[assignment]
    try:
        return _main(argv)
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        sys.stdout, sys.stderr = saved


def _main(argv: list[str] | None) -> int:
    try:
        result = cli.main(args=argv, prog_name="brief", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.exceptions.Abort:
        click.echo("brief: aborted", err=True)
        return 1
    except click.ClickException as error:
        message = " ".join(error.format_message().split())  # one line: Click wraps its lists
        if isinstance(error, click.UsageError) and error.ctx is not None and " — " not in message:
            message += f" — see `{error.ctx.command_path} --help`"
        click.echo(f"brief: {message}", err=True)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return result if isinstance(result, int) else 0


def run() -> None:
    """Console-script entry point: a crash anywhere ends with one line naming the report file and
    a non-zero exit status, never a traceback."""
    try:
        code = main()
    except Crashed as crash:
        click.echo(report_crash(crash.error), err=True)
        code = CRASH_EXIT
    except Exception as error:
        click.echo(report_crash(error), err=True)
        code = CRASH_EXIT
    sys.exit(code)
