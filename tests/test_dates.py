import datetime as dt

import pytest

from tui.ingest.dates import DateError, parse_date

ANCHOR = dt.date(2025, 12, 10)  # the seed's dateline: a Wednesday


@pytest.mark.parametrize(
    ("text", "precision", "resolved", "inferred", "display"),
    [
        ("1989-90", "span", "1989/1990", False, "1989-90"),
        ("2001", "year", "2001", False, "2001"),
        ("2021", "year", "2021", False, "2021"),
        ("2022", "year", "2022", False, "2022"),
        ("December 10", "day", "2025-12-10", True, "December 10 (inferred: 2025-12-10)"),
        ("Tuesday", "relative", "2025-12-09", True, "Tuesday (inferred: 2025-12-09)"),
        ("recently", "vague", None, False, "recently"),
        ("soon", "vague", None, False, "soon"),
        ("Currently", "vague", None, False, "Currently"),
    ],
)
def test_every_date_form_in_the_seed(text, precision, resolved, inferred, display):
    value = parse_date(text, ANCHOR)
    assert (value.precision, value.resolved, value.inferred) == (precision, resolved, inferred)
    assert value.display() == display
    assert value.text == text


def test_other_forms():
    assert parse_date("December 2025").precision == "month"
    assert parse_date("10 December 2025").resolved == "2025-12-10"
    assert parse_date("Dec. 9, 2025").resolved == "2025-12-09"
    assert parse_date("yesterday", ANCHOR).resolved == "2025-12-09"
    assert parse_date("Wednesday", ANCHOR).resolved == "2025-12-10"  # the dateline's own weekday
    assert parse_date("December 30", dt.date(2026, 1, 3)).resolved == "2025-12-30"


def test_sort_order_follows_time_not_text():
    texts = [
        "soon",
        "Currently",
        "December 10",
        "Tuesday",
        "recently",
        "2022",
        "2021",
        "2001",
        "1989-90",
    ]
    ordered = sorted(texts, key=lambda t: parse_date(t, ANCHOR).sort_key)
    assert ordered == [
        "1989-90",
        "2001",
        "2021",
        "2022",
        "recently",
        "Tuesday",
        "December 10",
        "Currently",
        "soon",
    ]


def test_no_false_first_of_january():
    value = parse_date("2001")
    assert "01-01" not in (value.resolved or "")
    assert value.display() == "2001"


@pytest.mark.parametrize("text", ["February 30", "1990-89", "sometime", "next fiscal quarter"])
def test_bad_dates_raise(text):
    with pytest.raises(DateError):
        parse_date(text, ANCHOR)
