from __future__ import annotations

import pytest

from anonymiser.decide.dates import is_month_and_year, month_and_year


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12th March 2019", "March 2019"),
        ("12 March 2019", "March 2019"),
        ("4th of November 2019", "November 2019"),
        ("Monday 4th November 2019", "November 2019"),
        ("12/03/2019", "March 2019"),
        ("12.03.19", "March 2019"),
        ("1-2-98", "February 1998"),
        ("March 12, 2019", "March 2019"),
        ("14 Apr. 2019", "April 2019"),
        ("12-14 March 2019", "March 2019"),  # a range of days in one month
        ("3 or 4 May 2019", "May 2019"),
        ("3rd and 4th May 2019", "May 2019"),
        ("12 or 13/06/2019", "June 2019"),
        ("4 November", None),  # no year: the descriptor is used instead
        ("March 2019", None),  # already month and year
        ("12/13/2019", None),  # no 13th month: not read as a UK date
        ("the following week", None),
    ],
)
def test_month_and_year(text: str, expected: str | None) -> None:
    assert month_and_year(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("March 2019", True), ("early June 2018", True), ("Sept 2019", True), ("12 March 2019", False), ("Hope 2019", False),
     ("autumn 2018", True), ("the summer of 2017", True), ("Summer Lane 2019", False)],
)
def test_is_month_and_year(text: str, expected: bool) -> None:
    assert is_month_and_year(text) is expected
