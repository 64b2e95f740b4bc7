"""UkAgeRecogniser (patterns/recognisers/dates.yml): exact and approximate ages."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found as found_by
from tests.detect.recognisers import load_one

ENTITY = "AGE"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("UkAgeRecogniser")


def found(recogniser: EntityRecognizer, text: str) -> list[str]:
    return found_by(recogniser, text, ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Child B, aged 17, was", ["aged 17"]),
        ("a 3-month-old baby", ["3-month-old"]),
        ("she was 15 years old", ["15 years old"]),
        ("the 14-week-old infant", ["14-week-old"]),
        ("Child A was 2 years 9 months when", ["2 years 9 months"]),
        ("at age 4 the GP noted", ["age 4"]),
        ("a six-year-old girl", ["six-year-old"]),
        # Word's non-breaking hyphen (U+2011), which drafts carry from typing Ctrl+Shift+-
        ("their 18 year\u2011old daughter", ["18 year\u2011old"]),
        ("a six\u2011year\u2011old girl", ["six\u2011year\u2011old"]),
        ("aged 2 years and 9 months", ["aged 2 years and 9 months"]),
        ("at the age of 15 years", ["age of 15 years"]),
        ("Age: 15", ["Age: 15"]),
        ("an 18 month old toddler", ["18 month old"]),
        ("a twenty-one-year-old man", ["twenty-one-year-old"]),
        ("a 16yo and a 15 y/o", ["16yo", "15 y/o"]),
        # A range is one age: "between two and (age)" published its first number.
        ("fractures between two and four weeks old", ["between two and four weeks old"]),
        ("children 2-3 years old", ["2-3 years old"]),
        ("six or seven years old", ["six or seven years old"]),
        ("Section 47 and 3 weeks old", ["3 weeks old"]),
        # An age said with "was ... when" ("Mother was 15 when she had her first child" was
        # published): the number only.
        ("Mother was 15 when she had her first child.", ["15"]),
        ("Kian was only three when his mother left", ["three"]),
        ("Father was 19 at the time of the birth", ["19"]),
        ("She turned 16 when she was in care", ["16"]),
    ],
)
def test_finds_ages(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "see page 4 of the report",
        "Key Stage 2 assessment",
        "the Age UK volunteer",
        "over 2 years the family moved",
        "2 of the 3 children",
        "Children Act 1989, section 47",
        "The score was 15 when reviewed.",  # "when" and no person
        "There were 12 when they arrived.",  # a count
        "There was 1 when they arrived.",
    ],
)
def test_ignores_non_ages(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text) == []
