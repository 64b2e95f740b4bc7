"""UkVehicleRecogniser (patterns/recognisers/uk.yml): number plates."""

from __future__ import annotations

from pathlib import Path

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.registry import load_recognisers

PATTERNS = Path(__file__).resolve().parents[2] / "patterns"
ENTITY = "VEHICLE"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    found = [r for r in load_recognisers(PATTERNS, []) if r.name == "UkVehicleRecogniser"]
    assert len(found) == 1
    return found[0]


def found(recogniser: EntityRecognizer, text: str) -> list[tuple[str, float]]:
    results = recogniser.analyze(text, [ENTITY], nlp_artifacts=None)
    assert all(r.entity_type == ENTITY for r in results)
    return [(text[r.start : r.end], r.score) for r in sorted(results, key=lambda r: r.start)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a silver car, registration AB12 CDE, was", [("silver car", 0.4), ("AB12 CDE", 0.6)]),
        # Described vehicles are weak evidence but can identify someone locally.
        ("drove a white Ford Transit van", [("white Ford Transit van", 0.4)]),
        ("his white van was parked", [("white van", 0.4)]),
        ("plate YR69XKT seen", [("YR69XKT", 0.6)]),
        ("an old van A123 BCD", [("A123 BCD", 0.3)]),  # older prefix plates score low
        # Typed in lower case in a log: all lower case is still a plate (mixed case is not).
        ("car ab12cde stopped", [("ab12cde", 0.6)]),
        ("car ab12 cde stopped", [("ab12 cde", 0.6)]),
        ("car Ab12cde stopped", []),
    ],
)
def test_finds_plates(recogniser: EntityRecognizer, text: str, expected: list) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "LE1 7RH",  # a postcode
        "the A1 road and the M25",
        "ICPC 12 and CAMHS",
        "IO12 ABC",  # I is not used in the area code
        "in the red car park",  # a colour and "car park" is not a vehicle
        "a car and a van",  # no colour: too vague to propose
    ],
)
def test_ignores_non_plates(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text) == []
