"""UkDateOfDeathRecogniser (patterns/recognisers/dates.yml): a date after a death lead-in.
Dates of birth and death are removed from published reviews; under month_year a date of death
was published as its month and year ("DOD (a date in July 2016)")."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted
from tests.detect.recognisers import found, load_one

ENTITY = "DATE_OF_DEATH"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("UkDateOfDeathRecogniser")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Child A (DOB 31.03.16 DOD 06.07.16)", ["06.07.16"]),
        ("Baby M died on 6th July 2016 in hospital.", ["6th July 2016"]),
        ("The child died in March 2016.", ["March 2016"]),
        ("D.O.D.: 1/2/2003", ["1/2/2003"]),
        ("Date of death: 4 May 2015", ["4 May 2015"]),
        ("Her date of death is recorded as 03/04/2015.", ["03/04/2015"]),
    ],
)
def test_finds_dates_of_death(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The review meeting was on 12th March 2019.",  # a date, but no death
        "The child died in 2016.",  # a bare year: kept, as a year of birth is
        "the DOD field was left blank",
    ],
)
def test_ignores_other_dates(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []


def test_a_date_of_death_is_removed_not_published_as_a_month(settings: Settings, detector: Detector) -> None:
    text = "Baby M died on 6th July 2016. DOB 31.03.16 DOD 06.07.16."
    assert redacted(text, settings, detector) == (
        "Baby M died on (date of death). DOB (date of birth) DOD (date of death)."
    )
