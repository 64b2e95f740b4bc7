"""UkDateOfBirthRecogniser (patterns/recognisers/dates.yml): a date after a birth lead-in."""

from __future__ import annotations

from pathlib import Path

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.registry import load_recognisers
from tests.detect.recognisers import found as found_by
from tests.detect.recognisers import load_one

PATTERNS = Path(__file__).resolve().parents[2] / "patterns"
ENTITY = "DATE_OF_BIRTH"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("UkDateOfBirthRecogniser")


def found(recogniser: EntityRecognizer, text: str) -> list[str]:
    return found_by(recogniser, text, ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Child A (DOB 31.03.16 DOD 06.07.16)", ["31.03.16"]),
        ("Child A was born on 12th March 2019.", ["12th March 2019"]),
        ("D.O.B.: 1/2/2003", ["1/2/2003"]),
        # A verb between: the date of birth was published as "(a date in April 2015)".
        ("The DOB was given as 3 April 2015.", ["3 April 2015"]),
        ("Her date of birth is recorded as 03/04/2015 on the system.", ["03/04/2015"]),
        ("d.o.b 01-02-2003", ["01-02-2003"]),
        ("Date of birth: 4 May 2015", ["4 May 2015"]),
        ("date of birth March 2016", ["March 2016"]),
        ("born in June 2017 at 34 weeks", ["June 2017"]),
        ("His DOB is 2011-10-09.", ["2011-10-09"]),
        ("born on Monday 4th November 2019", ["Monday 4th November 2019"]),
        # A bracket after the lead-in is as common as a colon.
        ("Grace's date of birth (3.4.17) was recorded wrongly", ["3.4.17"]),
        ("Date of birth [03/04/2017]", ["03/04/2017"]),
        # A baby's expected date of delivery is its birth date to within days: "EDD (a date in
        # August 2019)" was published.
        ("Booking at 10+3 weeks; EDD 14/08/2019.", ["14/08/2019"]),
        ("E.D.D. 14th August 2019", ["14th August 2019"]),
        # A table typed as text: "DOB | 03/05/2015" was published as its month.
        ("DOB | 03/05/2015", ["03/05/2015"]),
        # Dates of birth listed after one lead-in: the second was published as its month.
        ("DOBs 03/05/15 and 04/06/17 were recorded for the twins.", ["03/05/15", "04/06/17"]),
        ("DOB: 12/04/96 (Mother); 03/05/15 (Kian).", ["12/04/96", "03/05/15"]),
        ("Dates of birth: 1.2.2010, 3.4.2012 and 5.6.2014", ["1.2.2010", "3.4.2012", "5.6.2014"]),
    ],
)
def test_finds_dates_of_birth(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The review meeting was on 12th March 2019.",  # a date, but not a birth date
        "Child A was born in 2019.",  # bare year: an approximate age, kept
        "born on 3 separate occasions",  # not a date at all
        "the DOB field was left blank",
    ],
)
def test_ignores_other_dates(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text) == []


def test_scores_above_plain_date() -> None:
    recognisers = {r.name: r for r in load_recognisers(PATTERNS, [])}
    text = "DOB 31.03.16"
    dob = recognisers["UkDateOfBirthRecogniser"].analyze(text, ["DATE_OF_BIRTH"])
    date = recognisers["UkDateRecogniser"].analyze(text, ["DATE"])
    assert [(r.start, r.end) for r in dob] == [(r.start, r.end) for r in date]
    assert dob[0].score > date[0].score
