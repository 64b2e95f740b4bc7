"""UkDateRecogniser (patterns/recognisers/dates.yml): UK report forms of dates."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found as found_by
from tests.detect.recognisers import load_one

ENTITY = "DATE"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("UkDateRecogniser")


def found(recogniser: EntityRecognizer, text: str) -> list[str]:
    return found_by(recogniser, text, ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seen on 12/03/2019 at home.", ["12/03/2019"]),
        ("Seen on 12.03.19 at home.", ["12.03.19"]),
        ("Seen on 12-03-2019.", ["12-03-2019"]),
        ("Seen on 1/3/19.", ["1/3/19"]),
        ("Seen on 4.3.2019.", ["4.3.2019"]),
        ("On 12th March 2019 the GP", ["12th March 2019"]),
        ("On 12 March the GP", ["12 March"]),
        ("Seen in March 2019.", ["March 2019"]),
        ("On Monday 4th November she", ["Monday 4th November"]),
        ("on the 4th of November 2019", ["4th of November 2019"]),
        ("from Sept 2019 onwards", ["Sept 2019"]),
        ("in early March 2019 the", ["early March 2019"]),
        ("in mid-May 2020 the", ["mid-May 2020"]),
        ("between 12-14 March 2019", ["12-14 March 2019"]),
        ("on 3 or 4 May 2019 she", ["3 or 4 May 2019"]),  # not "3 or" left behind
        ("seen on 12 or 13/06/2019 at home", ["12 or 13/06/2019"]),
        ("in autumn 2018 and the summer of 2017", ["autumn 2018", "summer of 2017"]),
        ("dated March 12, 2019.", ["March 12, 2019"]),
        ("on November 4th the", ["November 4th"]),
        ("entered as 2019-03-12 on the system", ["2019-03-12"]),
        ("On 3 MAY 2018 and 2 Dec. 2017", ["3 MAY 2018", "2 Dec. 2017"]),
        # The sentence's full stop is not the date's: "on 12 July." read "on (date)" with none.
        ("It was on 12 July. Then she left.", ["12 July"]),
        ("Seen on 4 Sept. Then discharged.", ["4 Sept"]),
        ("seen on 4 Sept. the family moved", ["4 Sept."]),
        ("seen 14 Apr. 2019 at home", ["14 Apr. 2019"]),
        ("from 31.03.16 to 06.07.16", ["31.03.16", "06.07.16"]),
        ("12.03.19 Health visitor home visit", ["12.03.19"]),  # chronology line
        ("an inspection in November/December 2012, into", ["November/December 2012"]),
        ("between September and November 2018.", ["September and November 2018"]),
        # A night across two days: "16/" was published before "(a date in August 2021)".
        ("On the night of 16/17 August 2021 she", ["16/17 August 2021"]),
        # A one-digit day with dots and a two-digit year, after a word that leads to a date
        # ("On 2.12.21 PCSO Evans" was published whole); "see 2.12.21" stays a paragraph.
        ("On 2.12.21 PCSO Evans stopped a car", ["2.12.21"]),
        ("seen on 5.3.22 and again from 6.3.22", ["5.3.22", "6.3.22"]),
        # A named day of the year is an exact date ("Boxing Day 2018" was published).
        ("injured on Boxing Day 2018 and on Christmas Day 2019", ["Boxing Day 2018", "Christmas Day 2019"]),
        ("on New Year’s Eve, 2017 and Bonfire Night of 2016", ["New Year’s Eve, 2017", "Bonfire Night of 2016"]),
        ("On Christmas Day, Kian was taken to A&E.", ["Christmas Day"]),
    ],
)
def test_finds_dates(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The GP visited on Monday and again on Friday.",  # weekday names alone
        "The family moved in 2019.",  # bare years are left out
        "Working Together to Safeguard Children 2018",
        "Children Act 1989, section 47",
        "see paragraph 4.12 and section 4.12.19",
        "4.3.12 The health visitor saw the family",  # numbered paragraph at line start
        "see para 12.03.19 of the IMR",
        "as set out in 2.12.21 above",  # a paragraph number, not after a date's lead-in
        "2.12.21 The social worker visited",
        "2 of the 3 children attended",
        "The meeting began at 10:30 and cost £1,200.",
        "She may 2 times a week attend",  # "may" the verb is not a month
        "scored 12/20 on the assessment",
        "crime reference 43/12345/19",
        "Key Stage 2 and Year 6",
        "over the Christmas period and the Easter holidays",  # no one day
    ],
)
def test_ignores_non_dates(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text) == []


def test_full_date_outscores_weaker_month_day_form(recogniser: EntityRecognizer) -> None:
    text = "on 12th March 2019 and November 4th"
    scores = {text[r.start : r.end]: r.score for r in recogniser.analyze(text, [ENTITY])}
    assert scores["12th March 2019"] > scores["November 4th"]


def test_a_named_day_without_its_year_is_for_review(recogniser: EntityRecognizer) -> None:
    # Below the policies' automatic 0.5 for dates: redacted, and the row asks the consultant
    # ("cover on Boxing Day" in a recommendation is about no one day).
    text = "Out-of-hours cover on Boxing Day was thin; he was hit on Boxing Day 2018."
    scores = {text[r.start : r.end]: r.score for r in recogniser.analyze(text, [ENTITY])}
    assert scores["Boxing Day"] < 0.5 <= scores["Boxing Day 2018"]
