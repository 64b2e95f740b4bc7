"""Generalising exact dates to month and year, for policies that publish a timeline.

"12th March 2019", "12/03/2019" and "Monday 4th November 2019" become "March 2019"; a date
without a year, or one that cannot be read, returns None and is replaced by the descriptor.
Dates are read day first, as UK reports write them.
"""

from __future__ import annotations

import re

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
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
        ),
        start=1,
    )
    for name in names
}
_MONTH_NAMES = (
    "January February March April May June July August September October November December".split()
)
# A range of days in one month ("12-14 March 2019", "3 or 4 May 2019", the night of "16/17
# August 2021") is that month too; a system's "03-May-2019" is a day month year.
_WORDY = re.compile(
    r"^(?:[A-Za-z]+day,?\s+)?(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|/|to|and|or|&)\s*)?"
    r"(\d{1,2})(?:st|nd|rd|th)?(?:(?:\s+of)?\s+([A-Za-z]+)\.?,?\s+|([/.\-])([A-Za-z]+)\3)(\d{4}|['\u2019]\d{2})$",
    re.I,
)
_MONTH_FIRST = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$", re.I)
_NUMERIC = re.compile(r"^(?:\d{1,2}\s*(?:–|to|and|or|&)\s*)?(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
# A system's date, its year first ("2019-03-14", "2021/11/03", "2021.11.03").
_YEAR_FIRST = re.compile(r"^(\d{4})([\-/.])(\d{1,2})\2(\d{1,2})$")
# A weekday cut short before the date, as notes write it ("Tues 15/1/19", "Thurs 12th March
# 2019"): it says nothing about the month, so it is set aside before the date is read.
_SHORT_WEEKDAY = re.compile(r"^(?:Mon|Tues?|Weds?|Thu|Thurs?|Fri|Sat|Sun)\.?,?\s+(?:the\s+)?(?=\d)", re.I)
_MONTH_YEAR = re.compile(r"^(?:early|mid|late|mid-)?\s*([A-Za-z]+)\.?\s+(\d{4})$", re.I)
_SEASON_YEAR = re.compile(r"^(?:early|mid|late|mid-)?\s*(?:the\s+)?(?:spring|summer|autumn|winter)(?:\s+of)?\s+\d{4}$", re.I)


def _year(text: str) -> int:
    """A year written in full, or cut to two digits ("19", "'19")."""
    text = text.lstrip("'\u2019")
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 50 else 1900
    return year


def month_and_year(text: str) -> str | None:
    """"March 2019" for an exact date with a year; None otherwise."""
    text = _SHORT_WEEKDAY.sub("", " ".join(text.split()))
    match = _WORDY.match(text)
    month = match and (match.group(2) or match.group(4)).lower()
    if match and month in _MONTHS:
        return f"{_MONTH_NAMES[_MONTHS[month] - 1]} {_year(match.group(5))}"
    match = _MONTH_FIRST.match(text)
    if match and match.group(1).lower() in _MONTHS:
        return f"{_MONTH_NAMES[_MONTHS[match.group(1).lower()] - 1]} {match.group(3)}"
    match = _NUMERIC.match(text)
    if match and 1 <= int(match.group(2)) <= 12 and 1 <= int(match.group(1)) <= 31:
        return f"{_MONTH_NAMES[int(match.group(2)) - 1]} {_year(match.group(3))}"
    match = _YEAR_FIRST.match(text)
    if match and 1 <= int(match.group(3)) <= 12 and 1 <= int(match.group(4)) <= 31:
        return f"{_MONTH_NAMES[int(match.group(3)) - 1]} {match.group(1)}"
    return None


def is_month_and_year(text: str) -> bool:
    """Already no more exact than a month: "March 2019", "early June 2018", "autumn 2018",
    or a range of such ("September 2016 to June 2019")."""
    text = " ".join(text.split())
    if _no_finer_than_month(text):
        return True
    sides = _range_sides(text)
    return sides is not None and all(kind == "month" for kind, _ in (sides[1], sides[3]))


def month_and_year_range(text: str, template: str) -> str | None:
    """A range with an exact date at either end, each exact end as ``template`` gives its
    month and year: "September 2016 to 22 June 2019" -> "September 2016 to (a date in June
    2019)". None when ``text`` is not such a range.

    The model reads a period as one date; as a whole it has no month and year, and "(date)"
    took from the report the length of the period, which a published review keeps.
    """
    sides = _range_sides(" ".join(text.split()))
    if sides is None:
        return None
    lead, (first_kind, first), join, (second_kind, second) = sides
    if first_kind == second_kind == "month":
        return None
    ends = [template.format(general) if kind == "exact" else general for kind, general in ((first_kind, first), (second_kind, second))]
    return f"{lead}{ends[0]}{join}{ends[1]}"


def _no_finer_than_month(text: str) -> bool:
    match = _MONTH_YEAR.match(text)
    return bool(match and match.group(1).lower() in _MONTHS) or bool(_SEASON_YEAR.match(text))


# Two dates made one period: "12 March 2019 to 3 April 2019", "September 2016 - June 2019",
# "from 3 March 2018 until 14 May 2019". A hyphen joins only with a space on either side or
# none, and a numeric date's own hyphens are tried too, so every join is tried in turn.
_RANGE_LEAD = re.compile(r"^(?:from|between)\s+", re.I)
_RANGE_JOIN = re.compile(r"\s+(?:to|until|till|and)\s+|\s*[-–—]\s*", re.I)
_FOUR_DIGIT_YEAR = re.compile(r"\b(\d{4})$")


def _range_sides(text: str) -> tuple[str, tuple[str, str], str, tuple[str, str]] | None:
    """(lead word, first end, join, second end) of a range of two dates, each end as (kind,
    text): "exact" with its month and year, or "month" (no finer than a month: kept as it
    is). An end without a year takes the other end's ("12 March to 3 April 2019")."""
    lead = _RANGE_LEAD.match(text)
    head = lead.group(0) if lead else ""
    body = text[len(head) :]
    for join in _RANGE_JOIN.finditer(body):
        first, second = body[: join.start()], body[join.end() :]
        if not first or not second:
            continue
        year = _FOUR_DIGIT_YEAR.search(second)
        first_end = _range_end(first, year.group(1) if year else None)
        second_end = _range_end(second, None)
        if first_end and second_end:
            return head, first_end, join.group(0), second_end
    return None


def _range_end(text: str, year: str | None) -> tuple[str, str] | None:
    general = month_and_year(text)
    if general:
        return "exact", general
    if _no_finer_than_month(text) or re.fullmatch(r"\d{4}", text):
        return "month", text
    if year and not re.search(r"\d{4}", text):
        general = month_and_year(f"{text} {year}")
        if general:
            return "exact", general
        if text.lower() in _MONTHS:
            return "month", text
    return None
