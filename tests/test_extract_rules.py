"""One test per extraction rule (tui/extract/), on short articles in the shapes of real reporting.
Each names the module whose rule it checks."""

from __future__ import annotations

import datetime as dt

import pytest

from tui.extract import extract
from tui.ingest.dates import parse_date


def names(text: str) -> tuple[dict[str, object], dict[str, object]]:
    result = extract(text)
    return {p.name: p for p in result.people}, {f.name: f for f in result.factions}


# -- names.py -------------------------------------------------------------------------------------
def test_names_keep_a_middle_initial_and_its_surname_is_an_alias():
    people, _ = names(
        "Title\n\nThe United States invaded Afghanistan in 2001 under President George W. Bush. "
        "Bush later called the withdrawal a mistake."
    )
    assert "George W" not in people and people["George W. Bush"].aliases == {"Bush"}


@pytest.mark.parametrize(
    "sentence, place",
    [
        ("Sierra Leone and Ghana have offered to mediate.", "Sierra Leone"),
        ("Burhan now rules from Port Sudan on the Red Sea.", "Port Sudan"),
        ("Gunmen struck a port on the Arabian Sea near Gwadar.", "Arabian Sea"),
        ("The gold mines of Jebel Amer still pay the fighters.", "Jebel Amer"),
    ],
)
def test_names_seas_ports_and_two_word_countries_are_places_not_people(sentence, place):
    result = extract("Title\n\n" + sentence)
    assert place in result.places
    assert place not in {p.name for p in result.people}


def test_names_reporters_in_credit_lines_are_people():
    people, orgs = names(
        "Title\n\nKABUL (Reuters) - The Taliban closed a university on Wednesday.\n\n"
        "(Reporting by Mohammad Yunus Yawar in Kabul; Writing by Charlotte Greenfield; "
        "Editing by Michael Perry)\n\n"
        "Associated Press writer Evens Sanon reported from Port-au-Prince."
    )
    assert {"Mohammad Yunus Yawar", "Charlotte Greenfield", "Michael Perry", "Evens Sanon"} <= set(
        people
    )
    assert not {"Evens Sanon", "Michael Perry"} & set(orgs)


def test_names_a_president_by_surname_alone_is_the_person_not_an_organisation():
    people, orgs = names(
        "Title\n\nPresident Bola Tinubu ordered an inquiry. "
        "Tinubu's spokesman, Ajuri Ngelale, said the pupils would be freed."
    )
    assert "Tinubu" not in orgs and "Tinubu" in people["Bola Tinubu"].aliases


# -- organisations.py -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "sentence, org",
    [
        (
            "The Taliban closed courses at Kabul Polytechnic University on Monday.",
            "Kabul Polytechnic University",
        ),
        (
            "Mujahid told the Turkish state news agency Anadolu Agency that nothing changed.",
            "Anadolu Agency",
        ),
        ("A poll by Cedatos found that most felt less safe.", "Cedatos"),
        ("A survey by the polling firm Delphos gave him a lead.", "Delphos"),
        ("The Guayaquil newspaper El Universo reported the seizure.", "El Universo"),
        ("The Hindu newspaper reported that jets were supplied.", "The Hindu"),
        (
            "Iranian guards clashed with the Sunni militant group Jaish al-Adl at night.",
            "Jaish al-Adl",
        ),
        (
            "The claim was repeated by a channel owned by Asaib Ahl al-Haq on Monday.",
            "Asaib Ahl al-Haq",
        ),
        (
            "The gunmen were described as a front for Lashkar-e-Taiba by officials.",
            "Lashkar-e-Taiba",
        ),
        ("Maduro said the Tren de Aragua gang was a creation of the opposition.", "Tren de Aragua"),
        ("Islamabad accuses Kabul of sheltering the Haqqani network.", "Haqqani network"),
        ("Shor funded protests through a network run by his family, the Shor clan.", "Shor clan"),
        ("The opposition Kuomintang, led by Eric Chu, called for talks.", "Kuomintang"),
        (
            "Officials met at the EU-Turkey Joint Committee in Brussels.",
            "EU-Turkey Joint Committee",
        ),
        ("The Mainland Affairs Council in Taipei condemned it.", "Mainland Affairs Council"),
        (
            "Analysts at the Digital Forensic Research Lab of the Atlantic Council agreed.",
            "Atlantic Council",
        ),
        ("By Sara Creta and Ahmed Nagi, Misbar", "Misbar"),
    ],
)
def test_organisations_by_cue_word_context_or_shape(sentence, org):
    people, orgs = names("Title\n\n" + sentence)
    assert org in orgs, sorted(orgs)
    assert org not in people


@pytest.mark.parametrize(
    "sentence, body",
    [
        ("Mali's junta expelled the envoy on Monday.", "Mali's junta"),
        ("The junta said on Monday that it would not leave.", "junta"),
        ("The Malian army would not withdraw from Kidal.", "Malian army"),
        ("Pakistani intelligence services accused the group.", "Pakistani intelligence services"),
        ("Iranian border guards clashed with fighters.", "Iranian border guards"),
        ("The interior ministry said in a statement that four died.", "interior ministry"),
        ("Gunmen abducted 87 pupils, police and residents said.", "police"),
        (
            "Yemen's internationally recognised government called it propaganda.",
            "Yemen's internationally recognised government",
        ),
        ("Hemedti announced a rival government in Nyala.", "rival government"),
        ("Georgia's ruling bloc split on Thursday.", "Georgia's ruling bloc"),
    ],
)
def test_organisations_bodies_in_lower_case_or_behind_a_demonym(sentence, body):
    _, orgs = names("Title\n\n" + sentence)
    assert body in orgs, sorted(orgs)


def test_organisations_a_body_named_two_ways_is_one():
    _, orgs = names(
        "Title\n\nMali's military government expelled the envoy. The junta said France had "
        "interfered, and the junta's spokesman repeated it."
    )
    juntas = [o for o in orgs if "junta" in o or "military government" in o]
    assert juntas == ["Mali's military government"] and orgs[juntas[0]].aliases == {"junta"}


def test_organisations_an_adjective_is_not_a_body():
    _, orgs = names("Title\n\nThe army base was shelled, and military rule continued.")
    assert not {"army", "military"} & set(orgs)


def test_organisations_acronyms_in_brackets_and_with_of():
    _, orgs = names(
        "Title\n\nThe Strategic Framework for the Defence of the People of Azawad (CSP-DPA) said "
        "it repelled an attack. The Economic Community of West African States said it took note. "
        "ECOWAS will meet again."
    )
    assert "CSP-DPA" in orgs["Strategic Framework for the Defence of the People of Azawad"].aliases
    assert "ECOWAS" in orgs["Economic Community of West African States"].aliases
    assert "CSP-DPA" not in orgs and "ECOWAS" not in orgs


@pytest.mark.parametrize("word", ["AI", "J-10C", "A-18"])
def test_organisations_not_every_capital_word_is_an_acronym(word):
    _, orgs = names(f"Title\n\nThe picture shows signs of {word} on the deck.")
    assert word not in orgs


# -- roles.py -------------------------------------------------------------------------------------
def test_roles_in_an_apposition_before_the_name():
    people, orgs = names(
        "Title\n\nNiger's foreign minister, Amadou Diallo, said talks would resume. "
        "The Strategic Framework said it had repelled an attack. Its spokesman, "
        "Mohamed Ramadane, told reporters the group would fight."
    )
    diallo = people["Amadou Diallo"]
    assert (diallo.role, diallo.faction) == ("foreign minister", "Niger") and "Niger" in orgs
    assert diallo.role_phrase == "Niger's foreign minister, Amadou Diallo"
    assert (people["Mohamed Ramadane"].role, people["Mohamed Ramadane"].faction) == (
        "spokesman",
        "Strategic Framework",
    )


def test_roles_who_commands_the_alliance_gives_the_faction():
    people, _ = names(
        "Title\n\nThe three juntas formed the Alliance of Sahel States. General Moussa Barmou, "
        "who commands the alliance's joint force, met the ministers."
    )
    barmou = people["Moussa Barmou"]
    assert barmou.faction == "Alliance of Sahel States"
    assert barmou.role == "General, commander"
    assert barmou.role_phrase == ("General Moussa Barmou, who commands the alliance's joint force")


# -- dates.py -------------------------------------------------------------------------------------
def test_dates_three_in_one_sentence_are_three_different_statements():
    result = extract(
        "Title\n\nThe airport closed on December 8, reopened on January 7 and received its first "
        "international flight on January 13, the civil aviation authority said."
    )
    assert [(e.when, e.clause) for e in result.events] == [
        ("December 8", "The airport closed on December 8"),
        ("January 7", "reopened on January 7"),
        (
            "January 13",
            "received its first international flight on January 13, the civil aviation "
            "authority said.",
        ),
    ]


@pytest.mark.parametrize(
    "phrase",
    [
        "next week", "next month", "last year", "late last year", "the following January",
        "the following month", "late last month", "earlier this year", "next year",
    ],
)  # fmt: skip
def test_dates_relative_periods_are_found(phrase):
    result = extract(f"Title\n\nThe talks, officials said, would resume {phrase} in Doha.")
    assert [e.when for e in result.events] == [phrase]


def test_dates_the_dateline_is_the_briefs_date_not_a_history_item():
    result = extract(
        "Title\n\nBAMAKO, March 11 (Reuters) - Mali's junta expelled the envoy on Monday."
    )
    assert (result.place, result.date, result.outlet) == ("Bamako", "March 11", "Reuters")
    assert [(e.when, e.what) for e in result.events] == [
        ("Monday", "Mali's junta expelled the envoy on Monday.")
    ]


def test_dates_datelines_after_a_byline_with_a_country_and_a_double_dash():
    for line, place, outlet in [
        ("QUITO, Ecuador (AFP) - Noboa spoke.", "Quito", "AFP"),
        ("SEOUL, Dec. 5 (Yonhap) -- The bloc split.", "Seoul", "Yonhap"),
    ]:
        result = extract(f"Headline here\nBy Paola Andrade\n\n{line}")
        assert (result.place, result.outlet) == (place, outlet)
        assert not result.summary.startswith("-")


@pytest.mark.parametrize(
    "text, resolved",
    [
        ("June", "2025-06"),  # "before the rainy season begins in June" in a March story
        ("September", "2024-09"),  # more than five months ahead: last September
        ("next month", "2025-04"),
        ("last year", "2024"),
        ("late last year", "2024"),
    ],
)
def test_dates_resolve_against_a_march_dateline(text, resolved):
    assert parse_date(text, dt.date(2025, 3, 4)).resolved == resolved


def test_dates_without_a_year_sort_after_dated_ones():
    assert parse_date("March 4").sort_key > parse_date("July 2023").sort_key
    assert parse_date("June").sort_key > parse_date("2023").sort_key


# -- takeaways.py (structure) ---------------------------------------------------------------------
def test_structure_a_claim_box_and_subheads_are_lines_of_their_own():
    result = extract(
        "Fact check: Video does not show a strike on Damascus airport\n"
        "CLAIM: A video shows an Israeli strike on the airport on June 9.\n"
        "VERDICT: False. The footage shows a fire in Latakia in 2021.\n"
        "By Lina Haddad, AFP Fact Check\n\n"
        "## What the posts say\n"
        "A clip viewed two million times since Monday shows a fireball."
    )
    assert result.title == "Fact check: Video does not show a strike on Damascus airport"
    assert [e.when for e in result.events] == ["June 9", "2021", "Monday"]
    assert "Lina Haddad" in {p.name for p in result.people}
