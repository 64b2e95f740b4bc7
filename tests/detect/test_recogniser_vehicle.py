"""UkVehicleRecogniser (patterns/recognisers/uk.yml): number plates; vehicle_description: a
described vehicle, a make and model ("a silver Vauxhall Corsa")."""

from __future__ import annotations

from pathlib import Path

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.detect.registry import load_recognisers
from anonymiser.settings import Settings
from tests.decide.handmade import redacted

PATTERNS = Path(__file__).resolve().parents[2] / "patterns"
ENTITY = "VEHICLE"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return _named("UkVehicleRecogniser")


@pytest.fixture(scope="module")
def describer() -> EntityRecognizer:
    return _named("vehicle_description")


def _named(name: str) -> EntityRecognizer:
    found = [r for r in load_recognisers(PATTERNS, []) if r.name == name]
    assert len(found) == 1
    return found[0]


def found(recogniser: EntityRecognizer, text: str, entity: str = ENTITY) -> list[tuple[str, float]]:
    results = recogniser.analyze(text, [entity], nlp_artifacts=None)
    assert all(r.entity_type == entity for r in results)
    return [(text[r.start : r.end], r.score) for r in sorted(results, key=lambda r: r.start)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a silver car, registration AB12 CDE, was", [("AB12 CDE", 0.6)]),
        ("drove a white Ford Transit van", []),  # a description, not a plate: below
        ("plate YR69XKT seen", [("YR69XKT", 0.6)]),
        ("an old van A123 BCD", [("A123 BCD", 0.3)]),  # older prefix plates score low
        # Typed in lower case in a log: all lower case is still a plate (mixed case is not).
        ("car ab12cde stopped", [("ab12cde", 0.6)]),
        ("car ab12 cde stopped", [("ab12 cde", 0.6)]),
        ("car Ab12cde stopped", []),
        # A hyphen, or a space after the letters, as typed on a log: both were published.
        ("Vehicle reg: WM19-KTF.", [("WM19-KTF", 0.6)]),
        ("The car (AB 12 CDE) was parked outside.", [("AB 12 CDE", 0.6)]),
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
    ],
)
def test_ignores_non_plates(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Described vehicles are weak evidence but can identify someone locally.
        ("a silver car, registration AB12 CDE, was", [("silver car", 0.4)]),
        ("his white van was parked", [("white van", 0.4)]),
        # A make and its model: the model alone read "Vauxhall Corsa" as a person.
        ("drove a silver Vauxhall Corsa to", [("silver Vauxhall Corsa", 0.6)]),
        ("drove a white Ford Transit van", [("white Ford Transit van", 0.6)]),
        ("owned a black BMW 3 Series.", [("black BMW 3 Series", 0.6)]),
        ("had a Hyundai i10 and", [("Hyundai i10", 0.6)]),
        ("a Land Rover Discovery", [("Land Rover Discovery", 0.6)]),
        # Kia and Mercedes are first names too: only after a colour.
        ("a red Kia Picanto", [("red Kia Picanto", 0.6)]),
        ("a black Mercedes was", [("black Mercedes", 0.6)]),
    ],
)
def test_finds_described_vehicles(describer: EntityRecognizer, text: str, expected: list) -> None:
    assert found(describer, text, "VEHICLE_DESCRIPTION") == expected


@pytest.mark.parametrize(
    "text",
    [
        "in the red car park",  # a colour and "car park" is not a vehicle
        "a car and a van",  # no colour: too vague to propose
        "Kia Jones and Mercedes Hall attended",  # first names, no colour
        "Ms Ford attended. She said",  # a surname that is a make, with no model after it
        "the Ford family",
    ],
)
def test_ignores_what_is_not_a_described_vehicle(describer: EntityRecognizer, text: str) -> None:
    assert found(describer, text, "VEHICLE_DESCRIPTION") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Without vehicle_description the model took the make and model for a name, and the
        # car took the first person's label: "Mother drove a silver Person A to the house."
        ("Mother drove a silver Vauxhall Corsa to the house.", "Mother drove (a vehicle) to the house."),
        ("Mother's car, a red Kia Picanto, was outside.", "Mother's car, (a vehicle), was outside."),
        # A plate keeps its own wording.
        ("The car, registration AB12 CDE, was seen.", "The car, registration (vehicle registration), was seen."),
    ],
)
def test_a_described_vehicle_reads_as_a_vehicle(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, settings, detector) == expected
