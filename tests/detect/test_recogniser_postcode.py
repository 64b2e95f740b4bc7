"""UkPostcodeRecogniser (patterns/recognisers/uk.yml)."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import load_one, spans

ENTITY = "POSTCODE"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("UkPostcodeRecogniser")


def found(recogniser: EntityRecognizer, text: str) -> list[tuple[int, int, str]]:
    return spans(recogniser, text, ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lived at 4 Quarry Lane, Westby LE1 7RH.", [(31, 38, "LE1 7RH")]),
        ("moved to SW1A 1AA", [(9, 17, "SW1A 1AA")]),
        ("M1 1AE", [(0, 6, "M1 1AE")]),
        ("postcode B338TH on file", [(9, 15, "B338TH")]),
        ("in the postcode LE1 area", [(16, 19, "LE1")]),
        ("postcode: W1A", [(10, 13, "W1A")]),
        ("CR2 6XH and EC1A 1BB", [(0, 7, "CR2 6XH"), (12, 20, "EC1A 1BB")]),
    ],
)
def test_finds_postcodes(recogniser: EntityRecognizer, text: str, expected: list) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The M25 was closed.",  # an outward code alone is not flagged without "postcode"
        "the A1 road and Key Stage 2",
        "Children Act 1989, section 47",
        "QV1 2AB",  # Q and V never start a postcode
        "AB12 CDE",  # a vehicle plate, not a postcode
    ],
)
def test_ignores_non_postcodes(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text) == []
