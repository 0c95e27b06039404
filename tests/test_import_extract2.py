"""Import rules of round 2 (issue 9, people precision on real reporting)."""

from __future__ import annotations

from tui.extract import extract


def _people(text: str) -> list[str]:
    return [p.name for p in extract(f"Headline\n{text}\n").people]


def _orgs(text: str) -> list[str]:
    return [f.name for f in extract(f"Headline\n{text}\n").factions]


def test_an_administration_named_after_its_leader_is_no_person_mention():
    text = "The Trump administration ordered air strikes on the port in March."
    assert "Trump" not in _people(text)
    assert "Trump administration" in _orgs(text)
    # a government named after its leader still names the leader
    assert "Najibullah" in _people("The Najibullah government fell in April 1992.")
