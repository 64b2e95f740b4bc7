"""worker_initials (patterns/recognisers/worker_initials.yml): a practitioner named by the
role's shorthand and initials in case notes ("SW LK visited"). Every name is invented."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one

ENTITY = "PERSON"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("worker_initials")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/02/19 SW LK visited home, child seen.", ["LK"]),
        ("TM JB agreed S47. SW LK allocated.", ["JB", "LK"]),
        ("DNA x2 for clinic | HV BO", ["BO"]),
        ("triaged by SN RMB at 2315hrs", ["RMB"]),
        ("ICPC chaired by IRO PMK; CP plan agreed.", ["PMK"]),
    ],
)
def test_finds_initials_after_a_role(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the SW CP plan was agreed",  # a practice word after the letters
        "SW visited; LK was not there",  # no role right before
        "NSW LK",  # part of a longer word
        "the sw lk visit",  # lower case
        "SW LKA1 is a code",
        "TM ICPC",  # four letters: an abbreviation, not initials
    ],
)
def test_ignores_other_letters(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []
