"""Import rules of round 8 (issue 9: dated events and organisation recall on unseen reporting).
One test per rule family; each sentence is new (not copied from the evaluation articles)."""

from __future__ import annotations

from tui.extract import extract
from tui.extract.dates import history_date
from tui.ingest.dates import parse_date


def _events(text: str) -> list[str]:
    found = extract(f"Headline\n\n{text}\n")
    return [e.when for e in found.events]


def _found(text: str) -> tuple[set[str], set[str]]:
    found = extract(f"Headline\n\n{text}\n")
    orgs = {n for f in found.factions for n in [f.name, *f.aliases]}
    return orgs, {p.name for p in found.people}


# -- dates kept as written, with their "the" or their part of the month ----------------------------
def test_decades_and_seasons_keep_their_the():
    whens = _events(
        "The dam was planned in the 1970s and rebuilt in the 1990s, 2000s and 2010s. Farmers"
        " left the valley in the winter of 2019. Prices rose in the late 1980s."
    )
    assert "the 1970s" in whens
    assert [w for w in whens if w.endswith(("90s", "00s", "10s"))] == [
        "the 1990s",
        "2000s",
        "2010s",
    ]
    assert "the winter of 2019" in whens
    assert "1980s" in whens  # a qualified decade is said by its decade
    assert not {"1970s", "winter of 2019"} & set(whens)


def test_part_of_a_month_this_year_and_a_month_after_between():
    whens = _events(
        "Arrests rose between October and the end of March this year, the monitor said."
        " Talks stalled between May and July."
    )
    assert "October" in whens
    assert "the end of March this year" in whens
    assert "March this year" not in whens
    assert "between May and July" in whens


def test_history_dates_are_what_brief_parses():
    for when in ("the 1970s", "the end of March this year", "the winter of 2019"):
        parse_date(history_date(when))
    assert history_date("the 1970s") == "1970s"
    assert history_date("the end of March this year") == "March this year"
    assert history_date("the end of the year") == "the end of the year"


def test_the_next_day_closing_a_clause_of_something_done():
    whens = _events(
        "The governor flew to the port the next day, met the strikers and left. The minister"
        " returned to the capital the following morning."
    )
    assert whens.count("the next day") == 1
    assert "the following morning" in whens
    # a rule, not a day that happened
    assert "the next day" not in _events(
        "Under the charter, a new mayor takes office the next day."
    )


# -- a period named before: "that year", "later that month" ----------------------------------------
def test_that_year_and_later_that_month():
    whens = _events(
        "The border was closed in 2021. Schools stayed shut for 90 days that year. The army"
        " withdrew later that month. Two coups came in 2022; the first coup of that year failed."
        " In May that year, talks began."
    )
    assert "that year" in whens
    assert "later that month" in whens
    assert whens.count("that year") == 1  # "of that year", "May that year": one date each
    assert "that year" not in _events("That year ends on Friday, the governor said.")
    for when in ("that year", "later that month"):
        parse_date(when)


# -- decades counted back ---------------------------------------------------------------------------
def test_decades_ago():
    whens = _events("The rebellion began two decades ago. A decade later, it ended.")
    assert "two decades ago" in whens
    assert "A decade later" in whens
    import datetime as dt

    assert parse_date("two decades ago", dt.date(2026, 3, 1)).resolved == "2006"


# -- bodies named in French, Portuguese or Spanish with their link words ---------------------------
def test_romance_names_with_link_words_are_one_body():
    orgs, people = _found(
        "The rights group Ligue des Droits de la Personne au Sahel, or LDPS, said so. Lawyers"
        " from the Collectif pour la Défense des Détenus filed a complaint. A researcher at the"
        " Observatoire d'analyse des conflits spoke. The Brazilian group Movimento Terra, Água"
        " e Floresta protested."
    )
    assert "Ligue des Droits de la Personne au Sahel" in orgs
    assert "Collectif pour la Défense des Détenus" in orgs
    assert "Observatoire d'analyse des conflits" in orgs
    assert "Movimento Terra, Água e Floresta" in orgs
    assert not people
    assert not {"Ligue", "Collectif", "Movimento Terra"} & orgs


# -- a body's name that goes on with "of the" ---------------------------------------------------------
def test_a_body_name_going_on_with_of_the_is_one_name():
    orgs, _ = _found(
        "The Armed Forces of the Central African Republic (FACA) said so. The UN Office of the"
        " Special Envoy for Syria and the Arab League Council met on Monday."
    )
    assert "Armed Forces of the Central African Republic" in orgs
    assert "UN Office of the Special Envoy for Syria" in orgs
    assert "Arab League Council" in orgs
    assert not {"Armed Forces", "UN Office"} & orgs


# -- a saint's school, hospital or church -----------------------------------------------------------
def test_bodies_named_after_a_saint():
    orgs, people = _found(
        "Gunmen attacked St. Mary's Girls School in Kagadi. The wounded were taken to Saint"
        " Luke's Hospital."
    )
    assert "St. Mary's Girls School" in orgs
    assert "Saint Luke's Hospital" in orgs
    assert not {"Girls School", "Hospital"} & orgs
    assert not people


# -- lower-case bodies of round 8 -----------------------------------------------------------------
def test_lower_case_bodies_of_round_8():
    orgs, _ = _found(
        "Supporters of Niger's ruling junta marched. The speaker of the lower house of parliament"
        " resigned. The Orthodox bishops' conference called for calm."
    )
    folded = {o.lower() for o in orgs}
    assert "niger's ruling junta" in folded
    assert "lower house of parliament" in folded
    assert "orthodox bishops' conference" in folded


# -- words that name nobody; an era before a name; a demonym's NGO --------------------------------
def test_pronouns_labels_titles_eras_and_descriptions_name_no_body():
    orgs, people = _found(
        'LIVE: Floods hit the north. "Nobody listened to us," a farmer said. Ali Musa, Senior'
        " Fellow at Chatham House, spoke. The Communist-era Securitate kept files. The Centre"
        " for Civic Rights, a Belarusian NGO, closed."
    )
    assert not {"LIVE", "Nobody", "Fellow", "Senior Fellow"} & orgs
    assert "Securitate" in orgs
    assert "Communist-era Securitate" not in orgs
    assert "Belarusian NGO" not in orgs
    assert "Centre for Civic Rights" in orgs
    assert "Ali Musa" in people


# -- a broadcaster or paper named right after its kind; a national team ----------------------------
def test_broadcaster_named_after_its_kind_and_national_teams():
    orgs, people = _found(
        "The decree was read on the state broadcaster Télé Congo 2 that evening. The daily"
        " Sidwaya reported the arrests. Fans cheered the Malian national football team."
    )
    assert "Télé Congo 2" in orgs
    assert "Sidwaya" in orgs
    assert any(o.lower() == "malian national football team" for o in orgs)
    assert not people


# -- people named by one name ------------------------------------------------------------------------
def test_people_named_by_one_name():
    orgs, people = _found(
        "Shirin, a midwife in the village of Vanj, described the raids. A driver who asked to be"
        " identified only as Bakhtiyor said the road was closed. For the farmer Odina, the"
        " harvest was lost."
    )
    assert {"Shirin", "Bakhtiyor", "Odina"} <= people
    assert not {"Shirin", "Bakhtiyor", "Odina"} & orgs
    # a body or a place described so stays what it is
    orgs, people = _found(
        "Reuters, a news agency in London, said so. Khorog, a town of miners, is quiet."
    )
    assert "Reuters" in orgs
    assert not people


# -- uncounted "days later"; the previous evening after something done -------------------------------
def test_days_later_and_the_previous_evening():
    whens = _events(
        "The town fell in May. Days later, the army withdrew. Police had raided the camp the"
        " previous evening. Weeks later, the bodies were found."
    )
    assert {"Days later", "the previous evening", "Weeks later"} <= set(whens)
    for when in whens:
        parse_date(history_date(when))
    assert "Days later" not in _events("Days later than planned, the report came out.")
