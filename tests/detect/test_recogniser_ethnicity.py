"""ethnicity_terms (patterns/recognisers/case_features.yml): ethnicity as reviews write it,
which the model's nationality label does not find."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("ethnicity_terms")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mother is a White British woman.", ["White British"]),
        ("Child B is of mixed race; her brother is of dual heritage.", ["mixed race", "dual heritage"]),
        ("recorded as Mixed White and Black Caribbean", ["Mixed White and Black Caribbean"]),
        ("The family belonged to the Traveller community.", ["Traveller community"]),
        ("They are Gypsy, Roma and Traveller (GRT).", ["Gypsy, Roma and Traveller", "GRT"]),
        # A colour alone is not taken: whatever is redacted is redacted everywhere.
        ("A white van was seen near the Black Country museum.", []),
        ("a traveller on the bus", []),
        # With the people it describes, it is their ethnicity, masked with the noun.
        ("a black man and two white women were seen", ["black man", "white women"]),
        ("He said the area's white population resented the family.", ["white population"]),
    ],
)
def test_finds_ethnicity(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "ETHNICITY") == expected
