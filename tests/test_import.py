"""`brief import`: extraction rules, bad input, drafts that build, never overwriting, linking."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from tui.extract import extract
from tui.ingest.draft import md_text

from .conftest import ROOT

SEED = ROOT / "seeds" / "nationpress-afghan-anti-taliban-national-consensus.txt"
SEED_PEOPLE = {
    "Abdullah Qarluq", "Ahmad Massoud", "Ata Mohammad Noor", "Yunus Qanuni", "Hanif Atmar",
    "Mohammad Mohaqiq", "Abdul Rashid Dostum", "Neda Mohammad Nadim", "Hibatullah Akhundzada",
    "Amir Khan Muttaqi", "Ahmad Shah Massoud", "Najibullah",
}  # fmt: skip
SEED_FACTIONS = {
    "Taliban", "Iran", "Afghanistan International", "National Resistance Council for Salvation of Afghanistan",
    "Afghanistan National Movement for Peace and Justice", "National Assembly for Salvation", "Mujahedin",
    "Soviet Union", "Najibullah government", "UN", "National Consensus of Afghan Political Parties and Movements",
    "NationPress",
}  # fmt: skip


def tree_digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def empty_project(tmp_path: Path) -> Path:
    (tmp_path / "content").mkdir()
    return tmp_path


# -- the seed -------------------------------------------------------------------------------------
def test_seed_json_finds_every_person_faction_and_dated_statement(brief):
    result = brief("import", SEED, "--json")
    assert result.code == 0
    data = json.loads(result.out)
    assert set(data) >= {
        "title",
        "dateline",
        "outlet",
        "attribution",
        "people",
        "factions",
        "places",
        "events",
        "takeaways",
    }
    assert (
        data["title"]
        == "Have Afghanistan's anti-Taliban movements reached an agreement with rulers?"
    )
    assert data["dateline"] == {"place": "New Delhi", "date": "December 10"}
    assert data["outlet"] == "NationPress"
    assert data["attribution"] == ["NationPress", "Afghanistan International", "Abdullah Qarluq"]
    assert {p["name"] for p in data["people"]} == SEED_PEOPLE
    assert {f["name"] for f in data["factions"]} == SEED_FACTIONS
    # the dateline's own date is the brief's date, not a History item
    assert [(e["when"], e["precision"]) for e in data["events"]] == [
        ("2021", "year"), ("recently", "vague"), ("2022", "year"),
        ("1989-90", "span"), ("2001", "year"), ("Tuesday", "relative"), ("Currently", "vague"),
        ("soon", "vague"),
    ]  # fmt: skip
    assert (
        len(data["takeaways"]) == 5
        and data["takeaways"][3] == "Iran is playing a role in facilitating discussions."
    )
    roles = {p["name"]: p["role"] for p in data["people"]}
    assert roles["Amir Khan Muttaqi"] == "Taliban Foreign Minister"
    assert roles["Abdullah Qarluq"] == "spokesperson"
    assert roles["Hanif Atmar"] == "Leader"
    assert roles["Neda Mohammad Nadim"] == "Taliban Minister of Higher Education"
    factions = {p["name"]: p["faction"] for p in data["people"]}
    assert (
        factions["Mohammad Mohaqiq"]
        == factions["Abdul Rashid Dostum"]
        == "National Assembly for Salvation"
    )
    assert factions["Ahmad Massoud"] == "National Resistance Council for Salvation of Afghanistan"
    status = {p["name"]: p["status"] for p in data["people"]}
    assert status["Ahmad Shah Massoud"] == "deceased"
    aliases = {p["name"]: p["aliases"] for p in data["people"]}
    assert aliases["Abdul Rashid Dostum"] == ["Dostum"]
    assert "Kabul" in data["places"] and "New Delhi" in data["places"]


def test_seed_draft_passes_check_and_build(brief, empty_project):
    content = empty_project / "content"
    result = brief("import", SEED, "--content", content)
    assert result.code == 0, result.err
    assert "wrote 26 files:" in result.out
    seed_copy = (
        empty_project
        / "seeds"
        / "have-afghanistans-anti-taliban-movements-reached-an-agreement.txt"
    )
    assert seed_copy.read_bytes() == SEED.read_bytes()  # verbatim
    assert brief("check", content).code == 0
    built = brief("build", content, "-o", empty_project / "store.json")
    assert built.code == 0 and "1 briefs, 12 people, 12 factions, 8 events" in built.out
    draft = (
        content / "briefs" / "have-afghanistans-anti-taliban-movements-reached-an-agreement.md"
    ).read_text()
    assert "- **Tuesday** — A joint statement titled" in draft
    qarluq = (content / "people" / "abdullah-qarluq.md").read_text()
    assert (
        "title: Spokesperson\n  of: national-resistance-council-for-salvation-of-afghanistan\n  source: 1"
        in qarluq
    )
    assert (
        '[^1]: "spokesperson Abdullah Qarluq of the National Resistance Council for Salvation of Afghanistan"'
        in qarluq
    )


def test_existing_people_and_factions_are_linked_never_rewritten(brief, project):
    before = tree_digest(project / "content")
    result = brief("import", SEED, "--content", project / "content")
    assert result.code == 0, result.err
    after = tree_digest(project / "content")
    new = set(after) - set(before)
    assert new == {"briefs/have-afghanistans-anti-taliban-movements-reached-an-agreement.md"}
    assert all(after[name] == digest for name, digest in before.items())
    assert "linked to existing: taliban, iran," in result.out
    draft = (
        project
        / "content"
        / "briefs"
        / "have-afghanistans-anti-taliban-movements-reached-an-agreement.md"
    ).read_text()
    assert (
        "outlet: nationpress" in draft
        and "- entity: abdullah-qarluq\n  role: spokesperson" in draft
    )
    assert brief("check", project / "content").code == 0


def test_importing_twice_never_overwrites(brief, empty_project):
    content = empty_project / "content"
    assert brief("import", SEED, "--content", content).code == 0
    before = tree_digest(empty_project)
    again = brief("import", SEED, "--content", content)
    assert again.code == 0
    after = tree_digest(empty_project)
    assert all(after[name] == digest for name, digest in before.items())
    assert (
        "content/briefs/have-afghanistans-anti-taliban-movements-reached-an-agreement-2.md"
        in again.out
    )
    assert brief("check", content).code == 0


@pytest.mark.parametrize("flags", [["--dry-run"], ["--json"], ["--json", "--dry-run"]])
def test_dry_run_and_json_write_nothing(brief, empty_project, flags):
    result = brief("import", SEED, "--content", empty_project / "content", *flags)
    assert result.code == 0
    assert tree_digest(empty_project) == {}
    if flags == ["--dry-run"]:
        assert result.out.startswith("would write 26 files (dry run, nothing written):")


# -- bad input ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            b"\xff\xfeH\x00i\x00",
            "{p} looks binary (it contains NUL bytes) — give a plain-text or Markdown article",
        ),
        (
            b"Caf\xe9 news\nbody",
            "{p} is not UTF-8 (invalid byte at offset 3) — convert it to UTF-8",
        ),
        (b"  \n\n ", "{p} is empty — give an article with a headline and a body"),
        (
            b"x" * (1024 * 1024 + 1),
            "{p} is 1,048,577 bytes, over the 1 MiB (1,048,576 bytes) that brief import takes for "
            "one article — split it into articles or trim it",
        ),
        (
            b"\x01\x02\x03\x04" * 20 + b"text",
            "{p} looks binary (80 control characters) — give a plain-text article",
        ),
    ],
    ids=["binary", "not-utf8", "empty", "too-big", "control-bytes"],
)
def test_bad_articles_exit_1_with_one_line_and_write_nothing(
    brief, empty_project, content, message
):
    path = empty_project / "article.txt"
    path.write_bytes(content)
    result = brief("import", path, "--content", empty_project / "content")
    assert result.code == 1
    assert result.err == "brief: " + message.format(p=path) + "\n"
    assert set(tree_digest(empty_project)) == {"article.txt"}


def test_missing_article(brief, tmp_path):
    result = brief("import", tmp_path / "nope.txt")
    assert result.code == 1
    assert result.err == f"brief: {tmp_path / 'nope.txt'}: no such file — check the path\n"


def test_hostile_article_still_drafts_a_brief_that_builds(brief, empty_project):
    article = empty_project / "hostile.txt"
    article.write_text(
        "Militia [@click=app.quit] *seizes* <b>town</b>\n"
        "GOMA (Reuters) - The Kivu Liberation Front seized the town on Monday, its leader Jean [x] Mbeki said.\x1b[2J\n"
        "1. The group's spokesman, Paul Kabila, told reporters `nothing` would stop it [^1] in 2024.\n"
    )
    result = brief("import", article, "--content", empty_project / "content")
    assert result.code == 0, result.err
    assert brief("check", empty_project / "content").code == 0
    draft = next((empty_project / "content" / "briefs").glob("*.md")).read_text()
    assert "title: Militia [@click=app.quit] *seizes* <b>town</b>" in draft  # YAML: a plain string
    assert "Jean \\[x\\] Mbeki" in draft and "\\`nothing\\`" in draft  # Markdown: escaped
    assert "\x1b" not in draft


def test_md_text_escapes_markup():
    assert md_text("a *b* [c](d) <e> `f` #g") == "a \\*b\\* \\[c\\](d) \\<e\\> \\`f\\` \\#g"
    assert md_text("1. first") == "1\\. first"
    assert md_text("- item") == "\\- item"


# -- rules ----------------------------------------------------------------------------------------
def names(text: str) -> tuple[set[str], set[str]]:
    result = extract(text)
    return {p.name for p in result.people}, {f.name for f in result.factions}


@pytest.mark.parametrize(
    ("line", "place", "date", "outlet"),
    [
        (
            "New Delhi, December 10 (NationPress) Talks began.",
            "New Delhi",
            "December 10",
            "NationPress",
        ),
        ("KABUL (Reuters) - Talks began.", "Kabul", None, "Reuters"),
        ("BOGOTA, March 3 (AP) — Talks began.", "Bogota", "March 3", "AP"),
        ("Geneva, 4 June 2024 - Talks began.", "Geneva", "4 June 2024", None),
        ("BRUSSELS — Talks began.", "Brussels", None, None),
    ],
)
def test_datelines(line, place, date, outlet):
    result = extract(f"Headline\n{line}\n")
    assert (result.place, result.date, result.outlet) == (place, date, outlet)


def test_titles_split_from_names_and_give_roles():
    result = extract("H\nTaliban Foreign Minister Amir Khan Muttaqi met President Joe Biden.\n")
    roles = {p.name: (p.role, p.faction) for p in result.people}
    assert roles == {
        "Amir Khan Muttaqi": ("Taliban Foreign Minister", "Taliban"),
        "Joe Biden": ("President", None),
    }


def test_led_by_and_headed_by():
    result = extract(
        "H\nGroups include the Peace Movement, led by Hanif Atmar, and the Salvation Party, "
        "headed by Mohammad Mohaqiq, Abdul Rashid Dostum, and others.\n"
    )
    faction = {p.name: p.faction for p in result.people}
    assert faction == {
        "Hanif Atmar": "Peace Movement",
        "Mohammad Mohaqiq": "Salvation Party",
        "Abdul Rashid Dostum": "Salvation Party",
    }


def test_appositive_role_and_lone_surname_alias():
    result = extract(
        "H\nNotably, Neda Mohammad Nadim, a Taliban Minister of Higher Education, spoke. Later Nadim left.\n"
    )
    (nadim,) = result.people
    assert nadim.role == "Taliban Minister of Higher Education" and nadim.aliases == {"Nadim"}


def test_names_with_particles_and_naming_customs():
    people, _ = names(
        "H\nMohammed bin Abdulrahman Al Thani met Ursula von der Leyen and Andrés Manuel López Obrador. "
        "Abdul-Malik al-Houthi spoke. President Yoon Suk Yeol said Yoon would stay.\n"
    )
    assert people == {
        "Mohammed bin Abdulrahman Al Thani", "Ursula von der Leyen", "Andrés Manuel López Obrador",
        "Abdul-Malik al-Houthi", "Yoon Suk Yeol",
    }  # fmt: skip


def test_organisations_by_cue_acronym_and_context():
    _, orgs = names(
        "H\nThe Rapid Support Forces (RSF) fought. The Afghan International news outlet reported it. "
        "Shipping companies such as Maersk left. The Najibullah government fell. MINUSMA withdrew.\n"
    )
    assert {
        "Rapid Support Forces",
        "Afghan International",
        "Maersk",
        "Najibullah government",
        "MINUSMA",
    } <= orgs
    assert "RSF" not in orgs  # merged into its expansion as an alias


def test_countries_are_states_only_when_they_act():
    _, orgs = names(
        "H\nIran hosted talks in Afghanistan. Factions in Pakistan have united. Cuba, Norway and Venezuela are guarantors.\n"
    )
    assert {"Iran", "Cuba", "Norway", "Venezuela"} <= orgs
    assert "Afghanistan" not in orgs and "Pakistan" not in orgs


def test_demonyms_name_states_only_as_actors():
    _, orgs = names("H\nAfter the Soviet withdrawal, a former Nigerian president visited.\n")
    assert "Soviet Union" in orgs and "Nigeria" not in orgs


@pytest.mark.parametrize(
    ("sentence", "whens"),
    [
        ("It began in 1989-90 and ended in 2001.", [("1989-90", "span"), ("2001", "year")]),
        ("The vote is set for November.", [("November", "month")]),
        (
            "They met on Tuesday, December 10, 2025.",
            [("December 10, 2025", "day")],  # one day, said by its date (round 2)
        ),
        (
            "Currently, leaders hide; a deal may come soon.",
            [("Currently", "vague"), ("soon", "vague")],
        ),
        ("Talks resumed in March 2024 after a truce.", [("March 2024", "month")]),
        ("No time here, only May the mayor.", []),
    ],
)
def test_date_grammar(sentence, whens):
    result = extract(f"H\n{sentence}\n")
    assert sorted((e.when, e.precision) for e in result.events) == sorted(whens)


def test_quality_on_the_evaluation_set_stays_above_target():
    """A regression guard on the development set (benchmarks/import_quality.py reports the figures)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("iq", ROOT / "benchmarks" / "import_quality.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    for folder in (
        ROOT / "tests" / "import_eval",
        ROOT / "tests" / "import_eval" / "reporting" / "dev",
    ):
        totals, _ = module.evaluate([(folder, False)], False, False, quiet=True)
        for kind, floor in (("people", 0.9), ("orgs", 0.8), ("events", 0.9)):
            t = totals[kind]
            assert t["tp"] / t["expected"] >= floor, (folder.name, kind)
        for kind in ("people", "orgs"):
            t = totals[kind]
            assert t["tp"] / (t["tp"] + t["fp"]) >= 0.75, (folder.name, kind)


def test_import_copies_the_article_byte_for_byte(brief, empty_project):
    raw = SEED.read_bytes().replace(b"\n", b"\r\n")  # CRLF and all
    article = empty_project / "crlf.txt"
    article.write_bytes(raw)
    assert brief("import", article, "--content", empty_project / "content").code == 0
    (copy,) = (empty_project / "seeds").glob("*.txt")
    assert copy.read_bytes() == raw
    shutil.rmtree(empty_project / "seeds")


def test_a_file_appearing_mid_write_rolls_back_everything(empty_project):
    from tui.ingest.draft import DraftError, make_draft

    text = SEED.read_text()
    draft = make_draft(extract(text), SEED.read_bytes(), empty_project / "content")
    last = list(draft.files)[-1]
    last.parent.mkdir(parents=True, exist_ok=True)
    last.write_text("someone else's file")
    with pytest.raises(
        DraftError, match="appeared while importing — nothing was written; try again"
    ):
        draft.write()
    assert [p for p in draft.files if p.exists()] == [last]
    assert last.read_text() == "someone else's file"


# -- yearless datelines and --year ----------------------------------------------------------------
YEARLESS = (
    "Burkina junta extends transition\n\n"
    "OUAGADOUGOU, March 4 (Reuters) - Burkina Faso's junta extended the transition on Tuesday.\n\n"
    "Captain Ibrahim Traoré seized power in July 2023. The alliance will field a joint force "
    "before the rainy season begins in June.\n"
)


def test_a_yearless_dateline_is_warned_about_in_the_output_and_the_draft(brief, empty_project):
    article = empty_project / "yearless.txt"
    article.write_text(YEARLESS)
    content = empty_project / "content"
    result = brief("import", article, "--content", content)
    assert result.code == 0, result.err
    warning = (
        "the dateline date 'March 4' has no year, so History cannot place dates written without "
        "one — add `year: YYYY` under `dateline:` in content/briefs/burkina-junta-extends-transition.md, "
        "or import again with --year YYYY"
    )
    assert result.err == f"warning: {warning}\n"
    drafted = (content / "briefs" / "burkina-junta-extends-transition.md").read_text()
    assert f"<!-- WARNING: {warning} -->" in drafted
    assert brief("check", content).code == 0
    # History does not put "June" (no year known) before "July 2023"
    store = empty_project / "store.json"
    assert brief("build", content, "-o", store).code == 0
    history = brief(
        "--store", store, "show", "burkina-junta-extends-transition", "--section", "history"
    )
    assert history.out.index("July 2023") < history.out.index("June")


def test_year_sets_the_datelines_year_and_months_resolve_forward(brief, empty_project):
    article = empty_project / "yearless.txt"
    article.write_text(YEARLESS)
    content = empty_project / "content"
    result = brief("import", article, "--content", content, "--year", "2025")
    assert result.code == 0 and result.err == ""
    drafted = (content / "briefs" / "burkina-junta-extends-transition.md").read_text()
    assert "dateline:\n  place: Ouagadougou\n  date: March 4\n  year: 2025\n" in drafted
    assert "WARNING" not in drafted
    store = empty_project / "store.json"
    assert brief("build", content, "-o", store).code == 0
    data = json.loads(
        brief("--store", store, "show", "burkina-junta-extends-transition", "--format", "json").out
    )
    resolved = {e["date"]["text"]: e["date"].get("resolved") for e in data["history"]}
    assert resolved["June"] == "2025-06"  # the coming June, not the one before the dateline
    assert resolved["Tuesday"] == "2025-03-04"


def test_year_is_refused_when_the_dateline_has_one(brief, empty_project):
    article = empty_project / "dated.txt"
    article.write_text(YEARLESS.replace("March 4 (", "March 4, 2024 ("))
    result = brief("import", article, "--content", empty_project / "content", "--year", "2025")
    assert result.code == 1
    assert result.err == (
        f"brief: {article}: the dateline already gives the year (March 4, 2024) — drop --year\n"
    )
    assert not (empty_project / "seeds").exists()


# -- rules that generalise (issue 9, real reporting) ----------------------------------------------
def _found(text: str) -> tuple[set[str], set[str]]:
    """(people, organisations) with their aliases, from an article with a title line."""
    result = extract("Title\n" + text)
    people = {n for p in result.people for n in (p.name, *p.aliases)}
    orgs = {n for f in result.factions for n in (f.name, *f.aliases)}
    return people, orgs


def test_a_run_of_middle_initials_stays_in_the_name():
    people, _ = _found("Samura M. W. Kamara won, said Fatmata J. Sesay. George W. Bush agreed.")
    assert {"Samura M. W. Kamara", "Fatmata J. Sesay", "George W. Bush"} <= people
    assert not any(p.endswith((" M", " W", " J")) for p in people)


def test_an_ampersand_and_french_connectors_join_one_name():
    people, orgs = _found(
        "Cabo Ligado is run by the Armed Conflict Location & Event Data Project (ACLED).\n\n"
        "The Syndicat National des Chauffeurs et Conducteurs Routiers du Mali called a strike."
    )
    assert "Armed Conflict Location & Event Data Project" in orgs
    assert "Syndicat National des Chauffeurs et Conducteurs Routiers du Mali" in orgs
    assert not people & {"Armed Conflict Location", "Conducteurs Routiers du Mali"}


def test_a_hyphenated_adjective_names_a_coalition_but_not_a_consultancy():
    _, orgs = _found(
        "They waited until the US-led coalition leaves Iraq.\n\n"
        "Analysts at the Lagos-based consultancy agreed."
    )
    assert "US-led coalition" in orgs
    assert not any("Lagos" in o for o in orgs)


def test_companies_by_their_trade_are_organisations():
    people, orgs = _found(
        "Output at the mine operated by Barrick Mining was suspended. Turkish Airlines and "
        "Royal Jordanian Airways cut flights, and TotalEnergies paused its project."
    )
    assert {"Barrick Mining", "Turkish Airlines", "Royal Jordanian Airways"} <= orgs
    assert not people & {"Barrick Mining", "Turkish Airlines", "Royal Jordanian Airways"}


def test_portfolios_and_languages_are_nobody():
    people, _ = _found(
        "The European Commissioner for Internal Affairs, Magnus Brunner, said so. The group's "
        'name means "Army of Justice" in Arabic, said Farzana Shaikh.'
    )
    assert people == {"Magnus Brunner", "Farzana Shaikh"}


def test_arabic_group_names_joined_by_and_are_two_groups():
    _, orgs = _found(
        "Kataib Hezbollah and Harakat Hezbollah al-Nujaba were the loudest. Jama'at Nusrat "
        "al-Islam wal-Muslimin claimed it. The Union Solidarity and Development Party won."
    )
    assert {"Kataib Hezbollah", "Harakat Hezbollah al-Nujaba"} <= orgs
    assert "Jama'at Nusrat al-Islam wal-Muslimin" in orgs
    assert "Union Solidarity and Development Party" in orgs


def test_lower_case_bodies_named_by_their_head_noun():
    _, orgs = _found(
        "Islamabad asked Tehran to use the joint border commission. The passport office closed, "
        "the provincial government said, and the ministry of higher education agreed. The prime "
        "minister's office denied it. The same committee met. Al-Amiri chairs its security "
        "committee."
    )
    assert {
        "joint border commission",
        "passport office",
        "provincial government",
        "ministry of higher education",
        "prime minister's office",
        "security committee",
    } <= orgs
    assert not any(o.startswith("same") for o in orgs)


def test_his_presidency_is_a_term_not_a_body():
    _, orgs = _found(
        "The court's ruling ended his presidency. The presidency said it would appeal."
    )
    assert orgs == {"presidency"}


def test_brands_airlines_and_the_article_before_a_name_make_organisations():
    _people, orgs = _found(
        "TotalEnergies plans to restart. Air France cut flights. The progressive Hankyoreh called "
        "that fearmongering, and the state-run Tele Sahel agreed. McDonald said so."
    )
    assert {"TotalEnergies", "Air France", "Hankyoreh", "Tele Sahel"} <= orgs
    assert "McDonald" not in orgs


def test_the_before_a_people_or_a_place_of_a_name_stays_what_it_was():
    _people, orgs = _found(
        "Nobody trusts the Egyptians. Troops fired along the Line of Control. Yahya Saree, the "
        "Houthis' military spokesman, said so."
    )
    assert not orgs & {"Egyptians", "Line", "Houthis'"}
    assert "Houthis" in orgs


def test_known_in_a_language_as_is_an_alias_and_a_demonym_is_no_outlet():
    people, orgs = _found(
        "The Popular Mobilisation Forces, known in Arabic as al-Hashd al-Shaabi, are paid by the "
        "state. The Kuwaiti daily Al-Qabas reported it."
    )
    assert "al-Hashd al-Shaabi" not in people
    assert "al-Hashd al-Shaabi" in orgs and "Al-Qabas" in orgs
    assert "The Kuwaiti" not in orgs


def test_an_apposition_ending_in_an_organisation_noun():
    people, orgs = _found(
        "Cabo Ligado, a conflict monitor run by ACLED, counted 96 attacks. Ali Musa, a former "
        "militia commander, said so."
    )
    assert "Cabo Ligado" in orgs and "Cabo Ligado" not in people
    assert "Ali Musa" in people and "Ali Musa" not in orgs


def test_an_organisation_named_after_a_country_keeps_it_one_in_a_city_does_not():
    _, orgs = _found(
        "The Islamic Resistance in Iraq claimed it. The Mainland Affairs Council in Taipei said so."
    )
    assert "Islamic Resistance in Iraq" in orgs
    assert "Mainland Affairs Council" in orgs


def test_a_lone_name_that_is_one_word_of_one_full_name_is_that_person():
    result = extract(
        "Title\nLee Jae-myung leads the polls. Critics warn a Lee government would soften its line."
    )
    assert [(p.name, p.aliases) for p in result.people] == [("Lee Jae-myung", {"Lee"})]


def test_sheikh_after_a_given_name_is_part_of_the_name():
    people, _ = _found("President Hassan Sheikh Mohamud met Prime Minister Sheikh Hasina.")
    assert {"Hassan Sheikh Mohamud", "Sheikh Hasina"} <= people
    assert "Mohamud" not in people and "Sheikh Mohamud" not in people


def test_a_regions_body_is_named_with_its_region_a_capitals_is_not():
    _, orgs = _found(
        "The Balochistan home department closed the crossing. The Tripoli government said so."
    )
    assert "Balochistan home department" in orgs


def test_a_hypothetical_government_is_no_organisation():
    _, orgs = _found("Lee Jae-myung leads. Critics say a Lee government would soften the line.")
    assert "Lee government" not in orgs


def test_a_bylines_publication_date_is_no_event_a_reports_is():
    result = extract(
        "Title\nBy Fatmata J. Sesay, Freetown | Published 14 August\n\n"
        "A report by UN experts published last July said troops were there."
    )
    assert [e.when for e in result.events] == ["last July"]


def test_a_national_branch_of_a_known_group_and_a_weapon_model():
    people, orgs = _found(
        "Islamabad accuses the Afghan Taliban of sheltering fighters. The tanks were US-made "
        "M1 Abrams."
    )
    assert "Afghan Taliban" in orgs
    assert not people


def test_a_lone_name_with_what_only_a_person_has_is_a_person():
    people, _ = _found("Yoon's impeachment split the party. Voters broke with Yoon.")
    assert people == {"Yoon"}


def test_an_office_in_a_city_is_the_office_the_city_a_place():
    _, orgs = _found("The Foreign Office in Islamabad said talks would resume.")
    assert "Foreign Office" in orgs and "Foreign Office in Islamabad" not in orgs


def test_a_union_of_states_body_in_lower_case_takes_its_acronym():
    result = extract(
        "Title\nThe U.N. refugee agency, UNHCR, said 2 million had fled. UNAMA, the UN mission in "
        "Afghanistan, said so. The European Union launched a naval mission."
    )
    orgs = {f.name: f.aliases for f in result.factions}
    assert "UNHCR" in orgs["U.N. refugee agency"]
    assert "UNAMA" in orgs["UN mission in Afghanistan"]
    assert not any("launched" in name for name in orgs)


def test_a_known_groups_branch_and_a_family_named_network():
    result = extract(
        "Title\nThey backed the Islamic State Sahel Province and Islamic State Khorasan Province "
        "(ISKP). The Haqqani network is family-run; the Haqqanis deny it."
    )
    orgs = {f.name: f.aliases for f in result.factions}
    assert "Islamic State Sahel Province" in orgs
    assert orgs["Islamic State Khorasan Province"] == {"ISKP"}
    assert orgs["Haqqani network"] == {"Haqqanis"}
    assert not result.places or "Sahel Province" not in result.places


LIST_OF_DATES = (
    "Court delays hearings\n"
    "SEOUL, March 4, 2025 (Reuters) - The Supreme Court sent the case back on May 1, and hearings "
    "set for May 15, May 27 and June 18 were postponed. Prosecutors said on Tuesday they would "
    "appeal before the rainy season begins in June.\n"
)


def test_a_list_of_dates_shares_one_clause_and_a_subordinate_clause_is_its_own():
    events = {e.when: e.clause for e in extract(LIST_OF_DATES).events}
    assert events["May 1"] == "The Supreme Court sent the case back on May 1"
    shared = "hearings set for May 15, May 27 and June 18 were postponed."
    assert events["May 15"] == events["May 27"] == events["June 18"] == shared
    assert events["Tuesday"] == "Prosecutors said on Tuesday they would appeal"
    assert events["June"] == "before the rainy season begins in June."


def test_one_sentences_dates_are_never_several_history_items_saying_the_same(empty_project):
    from tui.ingest.draft import make_draft

    draft = make_draft(extract(LIST_OF_DATES), LIST_OF_DATES.encode(), empty_project / "content")
    (brief_file,) = [p for p in draft.files if p.parent.name == "briefs"]
    history = draft.files[brief_file].decode().split("## History")[1].split("[^1]:")[0]
    items = [line for line in history.splitlines() if line.startswith("- **")]
    assert [i.split("**")[1] for i in items] == ["May 1", "May 15", "Tuesday", "June"]
    texts = [i.split(" — ", 1)[1].split("[^")[0] for i in items]
    assert len(set(texts)) == len(texts)


def test_military_ranks_are_titles_not_names():
    people, _ = _found(
        "Brigadier Omar Khan said patrols were routine. Air Commodore Edward Gabkwet, the air "
        "force spokesman, said so. Commodore Jay Tarriela posts videos."
    )
    assert people == {"Omar Khan", "Edward Gabkwet", "Jay Tarriela"}


def test_arabic_heads_and_named_operations_open_organisations():
    people, orgs = _found(
        "Ahrar al-Sham and Jaysh al-Islam have also joined. Operation Hadin Kai and Operation "
        "Fansan Yamma have struggled. A survey by Social Weather Stations found trust low."
    )
    assert {
        "Ahrar al-Sham",
        "Jaysh al-Islam",
        "Operation Hadin Kai",
        "Operation Fansan Yamma",
    } <= orgs
    assert "Social Weather Stations" in orgs
    assert not people


def test_more_lower_case_bodies_and_an_embassy_only_with_its_owner():
    _, orgs = _found(
        "The Chinese embassy in Manila said so. The embassy said. The regional administration "
        "imposed a curfew. Clashes with government forces killed 10. The government denied it. "
        "He called on the defence headquarters to stop."
    )
    assert {
        "Chinese embassy",
        "regional administration",
        "government forces",
        "government",
        "defence headquarters",
    } <= orgs
    assert "embassy" not in orgs


def test_peoples_shoals_and_web_addresses():
    people, orgs = _found(
        "By Andreína Itriago | Cotejo.info\n\nIn June, 72% of Filipinos agreed that Second Thomas "
        "Shoal mattered. It includes the Turkistan Islamic Party, a mostly Uyghur group. Saleem "
        "Baloch said so."
    )
    assert people == {"Andreína Itriago", "Saleem Baloch"}
    assert "Cotejo.info" in orgs and "Uyghur" not in orgs


def test_outlets_and_firms_cited_by_a_bare_name():
    people, orgs = _found(
        "He told Rappler last year that it was so. The piece was reviewed by Efecto Cocuyo. Its "
        "partners are Hess and ExxonMobil. Channels of talks stayed open."
    )
    assert {"Rappler", "Efecto Cocuyo", "Hess", "ExxonMobil"} <= orgs
    assert not people and "Channels" not in orgs


def test_two_names_joined_by_and_when_the_first_is_complete():
    _, orgs = _found(
        "The Haitian Times and Radio Télé Métronome reported it. Lashkar-e-Jhangvi and the Hafiz "
        "Gul Bahadur group have also claimed attacks. The Union Solidarity and Development Party won."
    )
    assert {"Haitian Times", "Radio Télé Métronome", "Lashkar-e-Jhangvi"} <= orgs
    assert "Union Solidarity and Development Party" in orgs
    assert not any(" and " in o for o in orgs - {"Union Solidarity and Development Party"})


def test_kinds_in_the_plural_language_adjectives_and_unions():
    people, orgs = _found(
        "Amaglobeli founded the online outlets Batumelebi and Netgazeti. The Urdu-language daily "
        "Jang and the English-language Dawn reported it. Police union Synapoha said so. It polled "
        "for the opposition TV channel Formula."
    )
    assert {"Batumelebi", "Netgazeti", "Jang", "Dawn", "Synapoha", "Formula"} <= orgs
    assert not orgs & {"TV", "Urdu-language", "The Urdu-language"}
    assert "Synapoha" not in people


def test_a_demonym_and_one_word_is_a_party_not_a_person():
    people, orgs = _found("Georgian Dream insists it still wants to join the EU.")
    assert "Georgian Dream" in orgs and not people


def test_a_persons_government_is_the_person_and_the_government():
    people, orgs = _found(
        "Fano turned against Prime Minister Abiy Ahmed's government after it moved. The federal "
        "government and the Taliban-run interior ministry denied it."
    )
    assert "Abiy Ahmed" in people
    assert {"government", "federal government", "interior ministry"} <= orgs
    assert not any("Abiy" in o for o in orgs)


def test_a_vague_word_before_a_date_and_a_day_of_last_year_are_one_date():
    result = extract(
        "Title\nMost recently in July 2023 more than 50 were killed. Every evening since "
        "November 28 of last year, protesters have gathered."
    )
    assert [e.when for e in result.events] == ["July 2023", "November 28"]


def test_a_hyphenated_compound_name_is_not_its_first_members():
    _, orgs = _found("The EU-Turkey Joint Committee met on Monday.")
    assert orgs == {"EU-Turkey Joint Committee"}
    _, orgs = _found("EU-funded clinics closed.")
    assert orgs == {"EU"}
    result = extract("Title\nPresident Tinubu said so; Tinubu added more.")
    assert [(p.name, p.aliases) for p in result.people] == [("Tinubu", set())]


def test_a_regions_forces_and_government_troops_at_a_sentence_start():
    _, orgs = _found(
        "Government troops and Jubaland forces clashed near Ras Kamboni. Iraq forces were there."
    )
    assert {"government troops", "Jubaland forces"} <= orgs
    assert "Iraq forces" not in orgs


def test_a_place_noun_ends_an_organisations_name():
    _, orgs = _found(
        "The Puntland Security Force is fighting Islamic State Somalia in the Cal Miskaad mountains."
    )
    assert "Islamic State Somalia" in orgs
    assert not any("Miskaad" in o for o in orgs)


def test_from_a_capital_the_government_is_not_a_neighbours():
    result = extract(
        "Title\nBOGOTA, Jan 21 (Reuters) - The ELN attacked civilians. The Venezuelan government "
        "did not respond. Petro made peace the centrepiece of his government."
    )
    orgs = {f.name: f.aliases for f in result.factions}
    assert "Venezuelan government" in orgs and "government" in orgs
    assert "government" not in orgs["Venezuelan government"]


def test_common_words_and_a_cue_joined_by_and_are_one_name_of_the_armed_forces_too():
    _, orgs = _found(
        "He chairs a new National Defence and Security Council. The Joint Command of the Armed "
        "Forces blamed them. Most of the Turkish-backed Syrian National Army has joined."
    )
    assert {"National Defence and Security Council", "Joint Command of the Armed Forces"} <= orgs
    assert "Syrian National Army" in orgs
    assert not any(o.startswith(("Security Council", "Most")) for o in orgs)


def test_a_plural_spanish_article_opens_a_groups_name():
    people, orgs = _found(
        "Gangs including Los Lobos and Los Choneros moved in. Los Comandos de la Frontera denied it."
    )
    assert {"Los Lobos", "Los Choneros", "Los Comandos de la Frontera"} <= orgs
    assert not people


def test_the_before_a_name_needs_the_name_to_act_or_be_a_kind_of_body():
    _, orgs = _found(
        "Troops went to the Amazon mining town. The Abgaal sub-clan provided fighters. The US "
        "trains the Danab special forces brigade."
    )
    assert "Amazon" not in orgs
    assert {"Abgaal", "Danab"} <= orgs


def test_months_in_pairs_and_a_month_of_next_year():
    result = extract(
        "Title\nRussian forces captured land in June and July combined. Parliament meets in March "
        "or April. Local elections are in November of next year."
    )
    assert [e.when for e in result.events] == ["June", "July", "March", "April", "November"]


def test_and_the_after_a_complete_name_starts_another():
    _, orgs = _found(
        "Human Rights Watch and the Collective Against Impunity and Stigmatisation of Communities "
        "(CISC) accused them. It suspended Radio France Internationale and France 24."
    )
    assert "Human Rights Watch" in orgs
    assert "Collective Against Impunity and Stigmatisation of Communities" in orgs
    assert {"Radio France Internationale", "France 24"} <= orgs


def test_apposition_with_the_media_channels_and_plural_common_nouns():
    people, orgs = _found(
        "Bohemia Interactive, the Czech studio that makes the game, objected. JNIM said on its "
        "Az-Zallaqa media channel that it won. Jihadists killed dozens. Abroad, the question is "
        "the alliance. She praised Narges Mohammadi, the Nobel laureate."
    )
    assert {"Bohemia Interactive", "Az-Zallaqa", "JNIM"} <= orgs
    assert not orgs & {"Jihadists", "Abroad", "Nobel"}
    assert people == {"Narges Mohammadi"}


def test_an_institute_in_the_hague():
    _, orgs = _found("Analysts at the Clingendael Institute in The Hague agreed.")
    assert orgs == {"Clingendael Institute"}


def test_plural_titles_firms_by_trade_and_numbered_units():
    people, orgs = _found(
        "Presidents Félix Tshisekedi and Paul Kagame will meet. Congo courted KoBold Metals. The "
        "army's 3rd Military Region seized weapons. Fighting spread in the Sinaloa cartel's "
        "territory."
    )
    assert {"Félix Tshisekedi", "Paul Kagame"} <= people and "KoBold Metals" not in people
    assert {"KoBold Metals", "3rd Military Region", "Sinaloa cartel"} <= orgs


def test_followers_known_as_a_name_and_particles_inside_bodies_names():
    people, orgs = _found(
        "His followers, known as La Mayiza, fight on. The monitoring group Causa en Común counts "
        "the dead. Ain o Salish Kendra documented deaths."
    )
    assert {"La Mayiza", "Causa en Común", "Ain o Salish Kendra"} <= orgs
    assert not people


def test_an_ambiguous_lone_surname_is_not_a_new_person():
    result = extract(
        "Title\nJoaquín Guzmán López and Ovidio Guzmán López were charged. Guzmán's sons deny it."
    )
    assert {p.name for p in result.people} == {"Joaquín Guzmán López", "Ovidio Guzmán López"}


def test_subheads_in_capitals_name_nobody():
    people, orgs = _found(
        "WHAT IS BEING SHARED\n\nPosts on VKontakte claimed it.\n\nWHAT THE DOCUMENT SAYS\n\n"
        "Ararat Mirzoyan denied it."
    )
    assert people == {"Ararat Mirzoyan"}
    assert orgs == {"VKontakte"}


def test_a_gang_in_apposition_and_spanish_articles_inside_a_name():
    people, orgs = _found(
        "The boats belonged to Tren de Aragua, a prison gang it designated. He leads the Cartel "
        "de los Soles. She studied at the Universidad de los Andes in Bogota."
    )
    assert {"Tren de Aragua", "Cartel de los Soles", "Universidad de los Andes"} <= orgs
    assert not people


def test_a_person_after_a_member_of_a_bloc_is_a_person():
    people, _ = _found(
        "A member of the opposition Armenia Alliance bloc, Artur Vanetsyan, shared it."
    )
    assert people == {"Artur Vanetsyan"}


def test_an_organisation_named_after_a_continent_keeps_it():
    _, orgs = _found("The Organization for Security and Co-operation in Europe sent observers.")
    assert orgs == {"Organization for Security and Co-operation in Europe"}


def test_from_one_month_to_another():
    result = extract("Title\nIt ordered air strikes on Houthi targets from March to May.")
    assert [e.when for e in result.events] == ["March", "May"]


def test_more_ministries_chambers_forums_and_places_as_adjectives():
    _, orgs = _found(
        "South Korea's unification ministry said so. The Bolivian Chamber of Hydrocarbons and "
        "Energy (CBHE) agreed. It was shared on the South Korean forum DC Inside. Oil flowed "
        "through the Iraq-Turkey pipeline from Iraqi Kurdistan."
    )
    assert {"South Korea's unification ministry", "DC Inside"} <= orgs
    assert "Bolivian Chamber of Hydrocarbons and Energy" in orgs
    assert not orgs & {"Iraq-Turkey", "Iraqi Kurdistan"}


def test_a_lone_unknown_name_someone_told_is_an_outlet():
    result = extract(
        "Title\nSalome Zourabichvili told Publika that they want it. Zourabichvili told AFP more. "
        "Ali Vaez told Smith Jones, a friend, nothing."
    )
    orgs = {f.name: f.kind for f in result.factions}
    assert orgs.get("Publika") == "outlet"
    assert {p.name for p in result.people} >= {"Salome Zourabichvili", "Ali Vaez", "Smith Jones"}
