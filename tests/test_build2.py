"""A full build writes the whole store into a new directory beside it and swaps it in (issue 8,
the writing stage): the same bytes as the file-by-file replacement, nothing half-written when the
build fails or is interrupted, and nothing but a store is ever swapped out."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tui.store import tinyio
from tui.store.build import build_store, cache_path

from .conftest import ROOT


def _content(root: Path, n: int = 12) -> Path:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from make_library import make

    make(n, root)
    return root / "content"


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _leftovers(target: Path) -> list[str]:
    tinyio.wait_removals()  # the old store is removed in the background
    return sorted(p.name for p in target.parent.iterdir() if p.name.startswith(f".{target.name}."))


@pytest.fixture(scope="module")
def content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _content(tmp_path_factory.mktemp("lib"))


def test_the_swapped_in_store_is_the_file_by_file_store(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    swapped = tmp_path / "swapped"
    build_store(content, swapped, full=True)
    with monkeypatch.context() as patch:
        patch.setattr("tui.store.build.fresh_store_dir", lambda data: None)
        build_store(content, tmp_path / "in-place", full=True)
    ours, theirs = _files(swapped), _files(tmp_path / "in-place")
    assert any(name.startswith("search/") for name in ours)
    assert ours == theirs  # every file, the search index included, byte for byte
    assert _leftovers(swapped) == [f".{swapped.name}.build-cache.json"]
    umask = os.umask(0)
    os.umask(umask)
    assert swapped.stat().st_mode & 0o777 == 0o777 & ~umask  # not mkdtemp's 0700


def test_a_full_build_over_a_store_replaces_it_whole(content: Path, tmp_path: Path):
    target = tmp_path / "store"
    build_store(content, target, full=True)
    before = _files(target)
    stray = target / "briefs" / "gone-brief.json"  # a brief file no longer in content/
    stray.write_bytes(b"{}\n")
    os.chmod(target, 0o750)
    build_store(content, target, full=True)
    assert not stray.exists()
    assert _files(target) == before
    assert target.stat().st_mode & 0o777 == 0o750  # the store's permissions are kept
    assert _leftovers(target) == [f".{target.name}.build-cache.json"]
    assert build_store(content, target).incremental  # the cache fits the new store


@pytest.mark.parametrize("when", ["writing", "indexing"])
def test_an_interrupted_full_build_leaves_the_old_store(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, when: str
):
    target = tmp_path / "store"
    build_store(content, target, full=True)
    before = _files(target)
    cache = cache_path(target).read_bytes()

    if when == "writing":
        real = tinyio._write_new
        written = []

        def write(path: str, payload: bytes, *, sync: bool = False) -> None:
            written.append(path)
            if len(written) == 5:
                raise KeyboardInterrupt
            real(path, payload, sync=sync)

        monkeypatch.setattr(tinyio, "_write_new", write)
    else:

        def index(*args, **kwargs) -> None:
            raise KeyboardInterrupt

        monkeypatch.setattr("tui.store.indexing.dump_search_from_files", index)
    with pytest.raises(KeyboardInterrupt):
        build_store(content, target, full=True)
    assert _files(target) == before
    assert cache_path(target).read_bytes() == cache
    assert _leftovers(target) == [f".{target.name}.build-cache.json"]  # the new store removed


def test_a_swap_that_fails_leaves_the_old_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    data, fresh = tmp_path / "store", tmp_path / ".store.build-x"
    for folder, text in ((data, b"old"), (fresh, b"new")):
        (folder / "briefs").mkdir(parents=True)
        (folder / "briefs" / "a.json").write_bytes(text)
    monkeypatch.setattr(tinyio, "_exchange", lambda first, second: False)
    real = os.rename

    def rename(source, destination) -> None:
        if Path(source) == fresh:
            raise OSError("disk gone")
        real(source, destination)

    monkeypatch.setattr(os, "rename", rename)
    with pytest.raises(OSError, match="disk gone"):
        tinyio.swap_in(fresh, data)
    assert (data / "briefs" / "a.json").read_bytes() == b"old"
    monkeypatch.setattr(os, "rename", real)
    tinyio.swap_in(fresh, data)  # the two-rename way, where the system cannot exchange
    assert (data / "briefs" / "a.json").read_bytes() == b"new"
    tinyio.wait_removals()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]


def test_the_exchange_swaps_in_one_step(tmp_path: Path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    (first / "x").write_text("1")
    (second / "y").write_text("2")
    if not tinyio._exchange(first, second):
        pytest.skip("no renameat2(RENAME_EXCHANGE) here")
    assert (first / "y").exists() and (second / "x").exists()


def test_a_folder_that_is_not_only_a_store_is_never_swapped_out(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "store"
    build_store(content, target, full=True)
    notes = target / "notes.txt"  # something a store does not hold: the folder is not ours
    notes.write_text("mine")
    assert tinyio.fresh_store_dir(target) is None
    link = tmp_path / "link"
    link.symlink_to(target)
    assert tinyio.fresh_store_dir(link) is None
    build_store(content, target, full=True)
    assert notes.read_text() == "mine"
    build_store(content, link, full=True)
    assert link.is_symlink() and notes.read_text() == "mine"
    tinyio.wait_removals()
    assert not any(p.is_dir() and p.name.startswith(".store.") for p in tmp_path.iterdir())


@pytest.mark.parametrize("where", ["content", "synthetic"])
def test_a_brief_file_serialises_its_article_once_to_the_same_bytes(where: str, content: Path):
    from tui.ingest import load_content
    from tui.store import writer

    library = load_content(ROOT / "content" if where == "content" else content)
    by_brief: dict[str, list] = {}
    for m in library.mentions:
        by_brief.setdefault(m.brief, []).append(m)
    for brief_id, brief in library.briefs.items():
        doc, brief_hash = writer.brief_document(library, brief, by_brief.get(brief_id, []))
        events = [library.events[e] for e in brief.events]
        article = library.articles.get(brief_id)
        hashes = writer.item_hashes(brief, events)
        assert brief_hash == writer.digest([brief, article, sorted(hashes.items())])
        plain = dict(doc, article=writer._table([article] if article is not None else []))
        assert writer._dumps(doc) == writer._dumps(plain)
