"""school_name (patterns/recognisers/institutions.yml): named schools, including those called
by their name and stage alone. Every school here is invented."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("school_name")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He attended Oakfield Primary School.", ["Oakfield Primary School"]),
        # Name and stage alone: "St Bride's Primary" was published.
        ("A referral from St Bride's Primary was not followed up.", ["St Bride's Primary"]),
        ("He moved to Oakfield Juniors and then Hillcrest Infants.", ["Oakfield Juniors", "Hillcrest Infants"]),
        ("He later went to Ashgrove Primary Academy.", ["Ashgrove Primary Academy"]),
        # A Welsh church school: "St Teilo's Church in Wales Primary" read "(organisation)
        # Church in (school)".
        ("Tobi attends St Teilo's Church in Wales Primary and", ["St Teilo's Church in Wales Primary"]),
        ("then Ysgol Gynradd Bryn Glas CiW Primary School.", ["Ysgol Gynradd Bryn Glas CiW Primary School"]),
        # A saint's school by its initial, as staff write it: "St B's" was published.
        ("Kian's attendance at St B's was 78.4% in the autumn term.", ["St B's"]),
        ("Transferred from St. M’s in Year 3.", ["St. M’s"]),
        # A high school by its name and "High" alone: "Westmere High" was published.
        ("Tyler's school, Westmere High, reported 42 absences.", ["Westmere High"]),
        ("Westmere High's DSL made the referral.", ["Westmere High"]),
        # A pupil referral unit or alternative provision by its short name: "Horizon PRU"
        # and "The Bridge PRU" were published (session 13).
        ("He moved to Horizon PRU in May.", ["Horizon PRU"]),
        ("He was excluded and moved to The Bridge PRU.", ["Bridge PRU"]),
        ("She attends Compass Alternative Provision.", ["Compass Alternative Provision"]),
    ],
)
def test_finds_named_schools(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "SCHOOL") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Westmere Primary Care Trust was told.",
        "The Primary Mental Health Worker saw him.",
        "the primary care team and the infants",
        "Westmere Primary care services",
        "He was seen at Westmere High Court.",
        "They shopped on Westmere High Street.",
        "The MARAC High risk list; Very High risk; RoSH High.",
        "Risk: High. Priority High. Threshold High.",
    ],
)
def test_primary_care_is_not_a_school(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, "SCHOOL") == []
