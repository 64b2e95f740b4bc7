"""cause_of_harm_terms (patterns/recognisers/case_features.yml): events and circumstances
that a family's neighbours would recognise. RARE_FEATURE: strict masks them, scr sends them
to the consultant."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one

ENTITY = "RARE_FEATURE"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("cause_of_harm_terms")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The flat was damaged in a house fire.", ["house fire"]),
        ("He was convicted of arson in 2016.", ["arson"]),
        ("An arson attack destroyed the flat.", ["arson attack"]),
        ("The family were granted asylum in 2014.", ["granted asylum"]),
        ("Her asylum claim was refused; she had claimed asylum on arrival.", ["asylum claim", "claimed asylum"]),
        ("The twins were born early.", ["twins"]),
        # How the child was conceived, how a victim was killed, the offence (session 10).
        ("Kian was conceived by artificial insemination after two rounds of IVF.", ["artificial insemination", "IVF"]),
        ("He cut her throat with a knife; she had been stabbed to death.", ["cut her throat", "stabbed to death"]),
        ("He was convicted of aggravated burglary; she had been raped in 2017.", ["aggravated burglary", "raped"]),
        ("Mother was an Olympic swimmer; father was deported in 2018.", ["Olympic", "deported"]),
    ],
)
def test_finds_rare_events(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


def test_finds_nothing_in_ordinary_practice_text(recogniser: EntityRecognizer) -> None:
    assert found(recogniser, "The social worker visited the family home and saw the children.", ENTITY) == []
