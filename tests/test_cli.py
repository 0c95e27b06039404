from __future__ import annotations

import json
from pathlib import Path

import pytest

from .conftest import ROOT, SEED_BRIEF

PEOPLE = {
    "abdullah-qarluq",
    "ahmad-massoud",
    "ata-mohammad-noor",
    "yunus-qanuni",
    "hanif-atmar",
    "mohammad-mohaqiq",
    "abdul-rashid-dostum",
    "neda-mohammad-nadim",
    "hibatullah-akhundzada",
    "amir-khan-muttaqi",
    "ahmad-shah-massoud",
    "najibullah",
}
FACTIONS = {
    "national-consensus",
    "national-resistance-council",
    "afghanistan-national-movement-for-peace-and-justice",
    "national-assembly-for-salvation",
    "taliban",
    "iran",
    "united-nations",
    "mujahedin-government",
    "najibullah-government",
    "soviet-union",
    "nationpress",
    "afghanistan-international",
}


def test_list_reads_the_embedded_store_by_default(brief):
    result = brief("list")
    assert result.code == 0
    assert result.out.startswith(f"{SEED_BRIEF}  2025-12-10  NationPress  ")


def test_list_json(brief):
    result = brief("list", "--json")
    data = json.loads(result.out)
    assert data[0]["id"] == SEED_BRIEF and data[0]["place"] == "New Delhi"


def test_store_option_before_or_after_the_verb_and_env(brief, store_path, tmp_path, monkeypatch):
    assert brief("--store", store_path, "list").code == 0
    assert brief("list", "--store", store_path).code == 0
    monkeypatch.setenv("BRIEF_STORE", str(tmp_path))
    result = brief("list")
    assert result.code == 1
    assert (
        result.err == f"brief: {tmp_path} is a directory but not a brief store (no catalog.json) — "
        f"rebuild it with `brief build -o {tmp_path}`\n"
    )
    assert brief("list", "--store", store_path).code == 0  # the flag beats the variable


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            None,
            "store not found: {p} — run `brief build -o {p}` or pass --store with a built store",
        ),
        (b"", "{p} is not a brief store (empty) — rebuild it with `brief build -o {p}`"),
        (
            b'{"meta": {"1": {"schema',
            "{p} is not a brief store (truncated or not JSON) — rebuild it with `brief build -o {p}`",
        ),
        (
            b'{"hello": "world"}',
            "{p} is not a brief store (no schema_version) — rebuild it with `brief build -o {p}`",
        ),
    ],
    ids=["missing", "empty", "truncated", "not-a-store"],
)
def test_bad_store_files_get_one_line(brief, tmp_path, content, message):
    path = tmp_path / "s.json"
    if content is not None:
        path.write_bytes(content)
    result = brief("list", "--store", path)
    assert result.code == 1
    assert result.err == "brief: " + message.format(p=path) + "\n"


def test_show_json_has_every_entity_and_sourced_claim(brief):
    result = brief("show", SEED_BRIEF, "--format", "json")
    data = json.loads(result.out)
    assert {p["id"] for p in data["actors"]["people"]} == PEOPLE
    assert {f["id"] for f in data["actors"]["factions"]} == FACTIONS
    assert len(data["takeaways"]) == 5
    assert len(data["history"]) == 9
    text = data["source"]["text"]
    claims = data["takeaways"] + data["history"]
    for person in data["actors"]["people"]:
        claims += person["roles"] + person["relations"]
    for faction in data["actors"]["factions"]:
        claims += faction["relations"] + faction["part_of"]
    for claim in claims:
        assert claim["sources"], claim
        for ref in claim["sources"]:
            assert ref["sentence"].startswith("p") and ".s" in ref["sentence"]
            assert text[ref["start"] : ref["end"]] == ref["quote"]
    roles = {p["id"]: p["roles"] for p in data["actors"]["people"]}
    assert roles["abdullah-qarluq"][0]["title"] == "Spokesperson"
    assert roles["abdullah-qarluq"][0]["sources"][0]["sentence"] == "p9.s2"


def test_show_text_and_sections(brief):
    text = brief("show", SEED_BRIEF).out
    assert (
        "Reported by NationPress ← Afghanistan International ← Abdullah Qarluq, spokesperson"
        in text
    )
    assert "- Tuesday (inferred: 2025-12-09) — The movements release" in text
    history = brief("show", SEED_BRIEF, "--section", "history").out
    assert history.startswith("History\n-------\n\n- 1989-90 — The Soviet withdrawal")
    assert "Summary" not in history
    md = brief("show", SEED_BRIEF, "--section", "takeaways", "--format", "markdown").out
    assert md.startswith("## Key takeaways\n\n- The three major political factions")
    assert '[^1]: "reached a consensus and are uniting their efforts' in md


def test_show_unknown_brief(brief):
    result = brief("show", "nope")
    assert result.code == 1
    assert result.err == (
        "brief: nothing called 'nope' in the store — `brief list` shows the briefs, "
        "`brief search WORDS` finds people, factions and events\n"
    )


@pytest.mark.parametrize("verb", ["show", "open", "export"])
def test_a_misspelt_name_gets_a_did_you_mean(brief, verb):
    result = brief(verb, "massod")
    assert result.code == 1
    assert result.err == (
        "brief: nothing called 'massod' in the store — did you mean Ahmad Massoud "
        "(ahmad-massoud) or Ahmad Shah Massoud (ahmad-shah-massoud)?\n"
    )


def test_search(brief):
    result = brief("search", "dostum")
    assert result.out.splitlines()[0] == "person   abdul-rashid-dostum  Abdul Rashid Dostum"
    hits = json.loads(brief("search", "tehran", "--json").out)
    assert hits[0]["kind"] == "faction" and hits[0]["id"] == "iran"
    none = brief("search", "zebra")
    assert none.code == 0 and none.err == "no matches for 'zebra'\n"


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_export(brief, tmp_path, fmt):
    out = tmp_path / f"brief.{fmt}"
    result = brief("export", SEED_BRIEF, "--format", fmt, "-o", out)
    assert result.code == 0
    text = out.read_text()
    assert "Abdul Rashid Dostum" in text
    if fmt == "html":
        assert text.startswith("<!doctype html>")
        assert "Afghanistan&#x27;s anti-Taliban" in text
    if fmt == "json":
        assert json.loads(text)["brief"]["id"] == SEED_BRIEF


def test_export_escapes_hostile_text(brief, project, tmp_path):
    seed = project / "seeds" / "nationpress-afghan-anti-taliban-national-consensus.txt"
    seed.write_text(seed.read_text() + "\n<script>alert(1)</script> [@click=quit] *bold*\n")
    store = tmp_path / "s.json"
    assert brief("build", project / "content", "-o", store).code == 0
    html = brief("export", SEED_BRIEF, "--format", "html", "--store", store).out
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    md = brief("export", SEED_BRIEF, "--format", "markdown", "--store", store).out
    assert "\\<script\\>" in md and "\\[@click=quit\\] \\*bold\\*" in md


def test_build_check_passes_then_fails_after_an_edit(brief, project):
    store = project / "store.json"
    assert brief("build", project / "content", "-o", store).code == 0
    ok = brief("build", project / "content", "-o", store, "--check")
    assert ok.code == 0 and ok.out == f"ok: {store} is up to date\n"
    person = project / "content" / "people" / "yunus-qanuni.md"
    person.write_text(person.read_text().replace("Named by the article", "The article names him"))
    stale = brief("build", project / "content", "-o", store, "--check")
    assert stale.code == 1
    assert (
        stale.err
        == f"brief: {store} is stale: {project / 'content'} has changed since it was built "
        "(catalog.json, entities/yunus-qanuni.json) — run `brief build`\n"
    )


def test_build_check_on_the_real_project(brief, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = brief("build", "--check")
    assert result.code == 0, result.err


def test_usage_errors_exit_1_with_one_line(brief):
    result = brief("frobnicate")
    assert result.code == 1
    assert result.err == "brief: No such command 'frobnicate'. — see `brief --help`\n"
    result = brief("show", SEED_BRIEF, "--format", "pdf")
    assert result.code == 1 and result.err.count("\n") == 1


def test_python_dash_m_runs_the_cli():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "tui", "list"], capture_output=True, text=True, cwd=Path("/")
    )
    assert done.returncode == 0 and done.stdout.startswith(SEED_BRIEF)


def test_open_resolves_names_aliases_and_accents(store):
    from tui.cli import resolve_target

    assert resolve_target(store, "dostum").target == "abdul-rashid-dostum"
    assert resolve_target(store, "DÓSTUM").kind == "entity"
    assert resolve_target(store, "afghan-national-consensus").kind == "brief"
    assert resolve_target(store, "Tehran").target == "iran"


def test_open_unknown_or_ambiguous_exits_1_listing_candidates(brief):
    result = brief("open", "massoud")
    assert result.code == 1
    assert result.err == (
        "brief: 'massoud' is ambiguous: person ahmad-massoud (Ahmad Massoud); "
        "person ahmad-shah-massoud (Ahmad Shah Massoud) — give the id\n"
    )
    result = brief("open", "zebra")
    assert result.code == 1
    assert result.err.startswith("brief: nothing called 'zebra' in the store — `brief list` shows")
