"""Dates as the article writes them, kept honestly (DESIGN.md section 3).

``parse_date("1989-90")`` gives a span; ``parse_date("Tuesday", anchor)`` a weekday resolved against
the dateline and marked inferred; ``recently`` / ``soon`` are vague and only ordered around the
dateline. Nothing is ever turned into a false 1 January: the sort key is internal.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import DateValue

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

# Vague markers: the offset in days from the dateline used only for ordering, and an order digit
# that keeps same-day items stable (before < on the day < after).
VAGUE = {
    "recently": (-7, 0),
    "earlier": (-7, 0),
    "previously": (-7, 0),
    "lately": (-7, 0),
    "in recent weeks": (-14, 0),
    "in recent days": (-3, 0),
    "last week": (-7, 1),
    "currently": (0, 6),
    "now": (0, 6),
    "at present": (0, 6),
    "this week": (0, 4),
    "soon": (0, 9),
    "in the coming days": (0, 9),
    "in the coming weeks": (0, 9),
    "later": (0, 9),
}
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
# Relative periods: (unit, step). Resolved against the dateline to a week, month or year and
# marked inferred; an optional "early" / "late" / "mid-" only orders it inside that period.
# month names as the patterns match them: every spelling (longest first), or the full names only
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_FULL_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
RELATIVE_PERIODS = {
    "last week": ("week", -1), "next week": ("week", 1), "this month": ("month", 0),
    "last month": ("month", -1), "next month": ("month", 1), "this year": ("year", 0),
    "last year": ("year", -1), "next year": ("year", 1), "the previous year": ("year", -1),
    "the year before": ("year", -1), "the next year": ("year", 1), "this week": ("week", 0),
    "last weekend": ("week", -1), "this weekend": ("week", 0), "next weekend": ("week", 1),
    # "over the weekend": the one just past or under way, as the news writes it
    "the weekend": ("week", 0),
    # "next quarter": three months on, as near as a month can say it
    "last quarter": ("month", -3), "this quarter": ("month", 0), "next quarter": ("month", 3),
}  # fmt: skip
_PERIOD = re.compile(
    r"^(?:(early|late|mid-?|earlier|later)\s*)?(" + "|".join(RELATIVE_PERIODS) + r")$", re.I
)
# "last July", "that November", "May next year", "the end of the year"
_MONTH_NAMED = re.compile(
    rf"^(last|next|this|that|early|late|mid-?)\s*({_FULL_MONTHS})$",
    re.I,
)
_MONTH_OF_YEAR = re.compile(
    rf"^(?:(early|late|mid-?)\s*)?({_FULL_MONTHS})\s+(next|last|this)\s+year$",
    re.I,
)
_PART_OF = re.compile(
    r"^the\s+(end|beginning|start|middle)\s+of\s+(the|this|next|last)\s+(year|month|week)$", re.I
)
# "November 26 last year", "April 17 next year": a day of the year before or after the dateline's
_DAY_OF_YEAR = re.compile(
    rf"^({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\s+"
    r"(next|last|this)\s+year$",
    re.I,
)
# "three days later", "a year earlier": after (before) a date the article named, kept relative;
# "two weeks ago": counted back from the dateline
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "a few": 3, "several": 3}  # fmt: skip
_COUNT_WORDS = "|".join(sorted(_COUNTS, key=len, reverse=True))
_LATER = re.compile(
    rf"^(?:{_COUNT_WORDS}|\d{{1,2}})\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:later|earlier)$",
    re.I,
)
_AGO = re.compile(rf"^({_COUNT_WORDS}|\d{{1,2}})\s+(day|week|month|year|decade)s?\s+ago$", re.I)
# "between July and September", "between March and May 2024": placed at its first month
_BETWEEN_MONTHS = re.compile(
    rf"^between\s+({_FULL_MONTHS})\s+and\s+(?:{_FULL_MONTHS})(?:\s+(\d{{4}}))?$",
    re.I,
)
# feast days fixed in the calendar: the latest one on or before the dateline
_FEASTS = {"christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
           "new year's eve": (12, 31)}  # fmt: skip
_FEAST = re.compile(r"^(?:christmas\s+(?:day|eve)|new\s+year['’]s\s+(?:day|eve))$", re.I)
# "Jan. 9-10", "21-22 February 2025": a run of days, placed at its first
_MONTH_DAYS = re.compile(
    rf"^({_MONTH_NAMES})\.?\s+(\d{{1,2}})\s*[-–]\s*\d{{1,2}}"
    r"(?:,?\s+(\d{4}))?$",
    re.I,
)
_DAYS_MONTH = re.compile(
    rf"^(\d{{1,2}})\s*[-–]\s*\d{{1,2}}\s+({_MONTH_NAMES})\.?"
    r"(?:,?\s+(\d{4}))?$",
    re.I,
)
# "the end of that month", "the start of that year": of a period the article named before, so
# kept relative like "the following year"
_PART_OF_THAT = re.compile(
    r"^the\s+(?:end|beginning|start|middle)\s+of\s+that\s+(?:year|month|week)$"
    # "that year", "later that month" (round 8): the same, kept relative
    r"|^(?:(?:later|earlier)\s+)?that\s+(?:year|month|week)$"
    # "days later" (round 8)
    r"|^(?:days|weeks|months)\s+(?:later|earlier)$",
    re.I,
)
# "the following January", "the following month": after a date the article named before, so
# only ordered after the dateline's own period is unknown: kept relative, never resolved.
_FOLLOWING = re.compile(
    r"^the\s+(?:following|next|previous|preceding)\s+(day|morning|afternoon|evening|night|week|"
    rf"month|year|{_FULL_MONTHS})$",
    re.I,
)

# Seasons (northern hemisphere, as the wires write them): "last summer", "this spring", "early
# next winter", "the following winter", "the summer of 2024". Ordered at the season's middle month
# and resolved only to its year: a season is not a month.
SEASONS = {"spring": 4, "summer": 7, "autumn": 10, "fall": 10, "winter": 1}
_SEASON_NAMES = "spring|summer|autumn|fall|winter"
_SEASON = re.compile(
    rf"^(?:(early|late|mid-?)\s*)?(last|this|next|that|the)\s+({_SEASON_NAMES})$", re.I
)
_SEASON_YEAR = re.compile(
    rf"^(?:(?:early|late|mid-?)\s*)?(?:the\s+)?({_SEASON_NAMES})\s+(?:of\s+)?(\d{{4}})$", re.I
)
_SEASON_FOLLOWING = re.compile(
    rf"^the\s+(?:following|next|previous|preceding)\s+(?:{_SEASON_NAMES})$", re.I
)

_YEAR = re.compile(r"^(?:in\s+)?(\d{4})s?$", re.I)
_SPAN = re.compile(r"^(\d{4})\s*[-–—/]\s*(\d{2}|\d{4})$")
_MONTH = re.compile(
    rf"^({_FULL_MONTHS})$",
    re.I,
)
_MONTH_YEAR = re.compile(rf"^({_MONTH_NAMES})\.?\s+(\d{{4}})$", re.I)
_MONTH_DAY_YEAR = re.compile(
    rf"^({_MONTH_NAMES})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?(?:\s+(\d{{4}}))?$", re.I
)
_DAY_MONTH_YEAR = re.compile(
    rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_NAMES})\.?,?(?:\s+(\d{{4}}))?$", re.I
)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEKDAY = re.compile(r"^(?:on\s+|last\s+)?(" + "|".join(WEEKDAYS) + r")$", re.I)


class DateError(ValueError):
    """The text is not a date form this parser knows."""


def _key(day: dt.date, order: int = 5) -> str:
    return f"{day.isoformat()}:{order}"


def _day(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise DateError(f"{text!r} is not a real date ({error})") from None


def _shift(anchor: dt.date, days: int, text: str) -> dt.date:
    """``anchor`` moved by ``days``; a :class:`DateError` (not OverflowError) at the calendar's ends."""
    try:
        return anchor + dt.timedelta(days=days)
    except OverflowError:
        raise DateError(
            f"{text!r} falls outside the calendar (before 0001-01-01 or after 9999-12-31) when "
            f"counted from the dateline {anchor.isoformat()}"
        ) from None


def parse_date(text: str, anchor: dt.date | None = None) -> DateValue:
    """Parse a date as written. ``anchor`` is the dateline's resolved day, used for weekdays,
    relative and vague markers, and for a day written without a year. Raises only :class:`DateError`."""
    raw = " ".join(text.split())
    lowered = raw.lower().rstrip(".")
    if match := _YEAR.match(raw):
        year = int(match.group(1))
        return DateValue(raw, "year", f"{year:04d}-00-00:5", str(year))
    if match := _SPAN.match(raw):
        first, second = match.group(1), match.group(2)
        last = int(first[:2] + second) if len(second) == 2 else int(second)
        if last <= int(first):
            raise DateError(f"the span {raw!r} ends before it starts")
        return DateValue(raw, "span", f"{int(first):04d}-00-00:4", f"{first}/{last}")
    if match := _ISO.match(raw):
        day = _day(int(match.group(1)), int(match.group(2)), int(match.group(3)), raw)
        return DateValue(raw, "day", _key(day), day.isoformat())
    if match := _MONTH.match(
        raw
    ):  # "September": the month of the dateline's year, or the year before
        month = MONTHS[match.group(1).lower()]
        if anchor is None:
            # no year known: after every dated item (a news story's own months are its latest)
            return DateValue(raw, "month", f"9999-{month:02d}-00:5")
        # a month alone is of the dateline's year (news style writes the year for other years),
        # unless it lies more than five months ahead: "December" in a January story
        year = anchor.year if month - anchor.month <= 5 else anchor.year - 1
        return DateValue(
            raw, "month", f"{year:04d}-{month:02d}-00:5", f"{year:04d}-{month:02d}", inferred=True
        )
    if match := _MONTH_YEAR.match(raw):
        month, year = MONTHS[match.group(1).lower()], int(match.group(2))
        return DateValue(raw, "month", f"{year:04d}-{month:02d}-00:5", f"{year:04d}-{month:02d}")
    for pattern, month_group, day_group in ((_MONTH_DAY_YEAR, 1, 2), (_DAY_MONTH_YEAR, 2, 1)):
        if match := pattern.match(raw):
            month = MONTHS[match.group(month_group).lower()]
            day_number = int(match.group(day_group))
            if match.group(3):
                day = _day(int(match.group(3)), month, day_number, raw)
                return DateValue(raw, "day", _key(day), day.isoformat())
            if anchor is None:
                _day(2000, month, day_number, raw)  # still reject 31 February
                return DateValue(raw, "day", f"9999-{month:02d}-{day_number:02d}:5")
            day = _day(anchor.year, month, day_number, raw)
            if anchor <= dt.date.max - dt.timedelta(days=160) and day > _shift(
                anchor, 160, raw
            ):  # "December 30" in a January dateline
                day = _day(anchor.year - 1, month, day_number, raw)
            return DateValue(raw, "day", _key(day), day.isoformat(), inferred=True)
    if match := _WEEKDAY.match(raw):
        if anchor is None:
            return DateValue(raw, "relative", "9999-99-99:5")
        back = (anchor.weekday() - WEEKDAYS.index(match.group(1).lower())) % 7
        day = _shift(anchor, -back, raw)
        return DateValue(raw, "relative", _key(day), day.isoformat(), inferred=True)
    if lowered in RELATIVE_DAYS:
        if anchor is None:
            return DateValue(raw, "relative", "9999-99-99:5")
        day = _shift(anchor, RELATIVE_DAYS[lowered], raw)
        return DateValue(raw, "relative", _key(day), day.isoformat(), inferred=True)
    if lowered in VAGUE:
        days, order = VAGUE[lowered]
        if anchor is None:
            return DateValue(raw, "vague", f"9999-99-99:{order}")
        return DateValue(raw, "vague", _key(_shift(anchor, days, raw), order))
    if match := _PERIOD.match(raw):
        return _period(raw, match.group(1), match.group(2).lower(), anchor)
    if match := _MONTH_NAMED.match(raw):
        return _month_named(raw, match.group(1).lower(), MONTHS[match.group(2).lower()], anchor)
    if match := _MONTH_OF_YEAR.match(raw):
        month = MONTHS[match.group(2).lower()]
        step = {"next": 1, "last": -1, "this": 0}[match.group(3).lower()]
        if anchor is None:
            return DateValue(raw, "month", f"9999-{month:02d}-00:5")
        year = anchor.year + step
        return DateValue(
            raw, "month", f"{year:04d}-{month:02d}-00:5", f"{year:04d}-{month:02d}", inferred=True
        )
    if match := _PART_OF.match(raw):
        which = {"the": "this", "this": "this", "next": "next", "last": "last"}[
            match.group(2).lower()
        ]
        part = {"end": "late", "beginning": "early", "start": "early", "middle": "mid"}[
            match.group(1).lower()
        ]
        return _period(raw, part, f"{which} {match.group(3).lower()}", anchor)
    if match := _DAY_OF_YEAR.match(raw):
        month, number = MONTHS[match.group(1).lower()], int(match.group(2))
        step = {"next": 1, "last": -1, "this": 0}[match.group(3).lower()]
        if anchor is None:
            _day(2000, month, number, raw)  # still reject 31 February
            return DateValue(raw, "day", f"9999-{month:02d}-{number:02d}:5")
        day = _day(anchor.year + step, month, number, raw)
        return DateValue(raw, "day", _key(day), day.isoformat(), inferred=True)
    for pattern, month_group, day_group in ((_MONTH_DAYS, 1, 2), (_DAYS_MONTH, 2, 1)):
        if match := pattern.match(raw):
            first = f"{match.group(month_group)} {match.group(day_group)}"
            first += f", {match.group(3)}" if match.group(3) else ""
            value = parse_date(first, anchor)
            return DateValue(raw, value.precision, value.sort_key, value.resolved, value.inferred)
    if match := _BETWEEN_MONTHS.match(raw):
        first = match.group(1) + (f" {match.group(2)}" if match.group(2) else "")
        value = parse_date(first, anchor)
        return DateValue(raw, value.precision, value.sort_key, value.resolved, value.inferred)
    if match := _FEAST.match(raw):
        month, number = _FEASTS[" ".join(match.group(0).lower().replace("’", "'").split())]
        if anchor is None:
            return DateValue(raw, "day", f"9999-{month:02d}-{number:02d}:5")
        year = anchor.year if (month, number) <= (anchor.month, anchor.day) else anchor.year - 1
        if (month, number) == (1, 1) and anchor.month == 12:
            year = anchor.year + 1  # "New Year's Day" in a December story is the coming one
        day = _day(year, month, number, raw)
        return DateValue(raw, "day", _key(day), day.isoformat(), inferred=True)
    if match := _AGO.match(raw):
        count = _COUNTS.get(match.group(1).lower()) or int(match.group(1))
        unit = match.group(2).lower()
        if anchor is None:
            return DateValue(raw, "relative", "9999-99-99:5")
        if unit in ("day", "week"):
            day = _shift(anchor, -count * (7 if unit == "week" else 1), raw)
            return DateValue(raw, "relative", _key(day), day.isoformat(), inferred=True)
        if unit in ("year", "decade"):  # "two decades ago" (round 8): twenty years back
            year = anchor.year - count * (10 if unit == "decade" else 1)
            return DateValue(raw, "year", f"{year:04d}-00-00:5", str(year), inferred=True)
        year, month = divmod(anchor.year * 12 + anchor.month - 1 - count, 12)
        resolved = f"{year:04d}-{month + 1:02d}"
        return DateValue(raw, "month", f"{resolved}-00:5", resolved, inferred=True)
    if (
        _FOLLOWING.match(raw)
        or _SEASON_FOLLOWING.match(raw)
        or _PART_OF_THAT.match(raw)
        or _LATER.match(raw)
    ):
        return DateValue(raw, "relative", "9999-99-99:5")
    if match := _SEASON.match(raw):
        return _season(raw, match.group(2).lower(), match.group(3).lower(), anchor)
    if match := _SEASON_YEAR.match(raw):
        season, year = match.group(1).lower(), int(match.group(2))
        month = SEASONS[season] if season != "winter" else 12  # "the winter of 2022": its December
        return DateValue(raw, "year", f"{year:04d}-{month:02d}-00:5", str(year))
    raise DateError(f"{raw!r} is not a date form brief understands")


def _month_named(raw: str, which: str, month: int, anchor: dt.date | None) -> DateValue:
    """ "last July": the latest July before the dateline's month; "next July": the first after
    it; "that November", "early March": as a month alone."""
    if anchor is None:
        return DateValue(raw, "month", f"9999-{month:02d}-00:5")
    if which == "last":
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif which == "next":
        year = anchor.year if month > anchor.month else anchor.year + 1
    else:
        year = anchor.year if month - anchor.month <= 5 else anchor.year - 1
    return DateValue(
        raw, "month", f"{year:04d}-{month:02d}-00:5", f"{year:04d}-{month:02d}", inferred=True
    )


def _season(raw: str, which: str, season: str, anchor: dt.date | None) -> DateValue:
    """ "last summer": the latest summer over before the dateline's month; "next summer": the
    first not begun; "this summer", "that summer": the one of the dateline's year (a winter is
    the one that began in December, and "this winter" in January is the one under way)."""
    if anchor is None:
        return DateValue(raw, "relative", "9999-99-99:5")
    middle = SEASONS[season]
    if season == "winter":
        # a winter by the year of its December; in January and February one is under way, from
        # March to May "this winter" is the one just over, from June the coming one
        month, year = anchor.month, anchor.year
        under_way = year - 1 if month <= 2 else year if month == 12 else None
        if which == "last":
            year = under_way - 1 if under_way is not None else year - 1
        elif which == "next":
            year = under_way + 1 if under_way is not None else year
        else:
            year = under_way if under_way is not None else year - 1 if month <= 5 else year
        key, resolved = f"{year:04d}-12-00:5", str(year)
    else:
        months = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
        first, last = months[season]
        if which == "last":
            year = anchor.year if anchor.month > last else anchor.year - 1
        elif which == "next":
            year = anchor.year if anchor.month < first else anchor.year + 1
        else:
            year = anchor.year
        key, resolved = f"{year:04d}-{middle:02d}-00:5", str(year)
    return DateValue(raw, "relative", key, resolved, inferred=True)


def _period(raw: str, part: str | None, period: str, anchor: dt.date | None) -> DateValue:
    unit, step = RELATIVE_PERIODS[period]
    order = {"early": 2, "mid": 5, "mid-": 5, "late": 8, "earlier": 3, "later": 7}.get(
        (part or "").lower(), 5
    )
    if anchor is None:
        return DateValue(raw, "relative", f"9999-99-99:{order}")
    try:
        if unit == "year":
            year = anchor.year + step
            return DateValue(raw, "year", f"{year:04d}-00-00:{order}", str(year), inferred=True)
        if unit == "month":
            index = anchor.year * 12 + anchor.month - 1 + step
            year, month = divmod(index, 12)
            resolved = f"{year:04d}-{month + 1:02d}"
            return DateValue(raw, "month", f"{resolved}-00:{order}", resolved, inferred=True)
        day = anchor + dt.timedelta(days=7 * step)
    except (OverflowError, ValueError):
        return DateValue(raw, "relative", f"9999-99-99:{order}")
    return DateValue(raw, "relative", _key(day, order), day.isoformat(), inferred=True)


_NOMINAL_YEAR = 2000  # a leap year: "February 29" in a yearless dateline still has a day
_UNYEARED_DAY = re.compile(r"^9999-(\d\d)-(\d\d):\d$")
_KEY = re.compile(r"^(\d{4})-(\d\d)-(\d\d):(\d)$")


def parse_date_yearless(text: str, dateline: DateValue | None) -> DateValue:
    """A History date of a brief whose dateline gives a day but no year ("March 4"): placed
    against that day in a nominal year for ordering only, so that "June" (coming) follows
    "Tuesday", and "December" in a January story comes before it. Nothing is resolved to a year
    the article does not give: the sort key stays in the undated "9999-" range, after every
    date written with its year, and ``resolved`` stays empty."""
    value = parse_date(text)
    day = _UNYEARED_DAY.match(dateline.sort_key) if dateline is not None else None
    if day is None or not value.sort_key.startswith("9999") or day.group(2) == "00":
        return value
    try:
        nominal = dt.date(_NOMINAL_YEAR, int(day.group(1)), int(day.group(2)))
    except ValueError:
        return value
    if _WEEKDAY.match(" ".join(text.split())):
        # which day of the week the dateline falls on is unknown: the dateline's own day
        year, month, number, order = _NOMINAL_YEAR, nominal.month, nominal.day, "5"
    else:
        placed = _KEY.match(parse_date(text, nominal).sort_key)
        if placed is None:
            return value
        year, month, number = (int(placed.group(i)) for i in (1, 2, 3))
        order = placed.group(4)
    # months counted from two years before the nominal one: 1999's December is 24, 2000's March 27
    offset = (year - _NOMINAL_YEAR + 2) * 12 + month
    if not 0 <= offset <= 98:
        return value
    return DateValue(value.text, value.precision, f"9999-{offset:02d}-{number:02d}:{order}")


def resolved_day(value: DateValue | None) -> dt.date | None:
    """The calendar day of a day-precise date, for use as an anchor."""
    if value is None or value.precision != "day" or not value.resolved:
        return None
    return dt.date.fromisoformat(value.resolved)


DATE_FORMS = (
    "a year (2001), a span (1989-90), a month (December 2025, or December), a day (December 10 or "
    "10 December 2025), a weekday (Tuesday), today / yesterday, a period (last year, next month, "
    "late last year, the following January), a season (last summer, the winter of 2022), or "
    "recently / soon / currently"
)
