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
# August 2021") is that month too.
_WORDY = re.compile(
    r"^(?:[A-Za-z]+day,?\s+)?(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|/|to|and|or|&)\s*)?"
    r"(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$",
    re.I,
)
_MONTH_FIRST = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$", re.I)
_NUMERIC = re.compile(r"^(?:\d{1,2}\s*(?:–|to|and|or|&)\s*)?(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})$")
_MONTH_YEAR = re.compile(r"^(?:early|mid|late|mid-)?\s*([A-Za-z]+)\.?\s+(\d{4})$", re.I)
_SEASON_YEAR = re.compile(r"^(?:early|mid|late|mid-)?\s*(?:the\s+)?(?:spring|summer|autumn|winter)(?:\s+of)?\s+\d{4}$", re.I)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if year < 50 else 1900
    return year


def month_and_year(text: str) -> str | None:
    """"March 2019" for an exact date with a year; None otherwise."""
    text = " ".join(text.split())
    match = _WORDY.match(text)
    if match and match.group(2).lower() in _MONTHS:
        return f"{_MONTH_NAMES[_MONTHS[match.group(2).lower()] - 1]} {match.group(3)}"
    match = _MONTH_FIRST.match(text)
    if match and match.group(1).lower() in _MONTHS:
        return f"{_MONTH_NAMES[_MONTHS[match.group(1).lower()] - 1]} {match.group(3)}"
    match = _NUMERIC.match(text)
    if match and 1 <= int(match.group(2)) <= 12 and 1 <= int(match.group(1)) <= 31:
        return f"{_MONTH_NAMES[int(match.group(2)) - 1]} {_year(match.group(3))}"
    return None


def is_month_and_year(text: str) -> bool:
    """Already no more exact than a month: "March 2019", "early June 2018", "autumn 2018"."""
    text = " ".join(text.split())
    match = _MONTH_YEAR.match(text)
    return bool(match and match.group(1).lower() in _MONTHS) or bool(_SEASON_YEAR.match(text))
