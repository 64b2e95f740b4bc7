"""local_building_name (patterns/recognisers/institutions.yml): a named police station,
custody suite, library, leisure or community centre is a building in a town ("He was held at
Harrowfold Police Station" published the town, as the force's name took all but "Station";
"Harrowfold Library" read "Person A"). The force itself stays an agency."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted
from tests.detect.recognisers import found, load_one


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("local_building_name")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was taken to Harrowfold Police Station.", ["Harrowfold Police Station"]),
        ("He was held at Harrowfold Custody Suite overnight.", ["Harrowfold Custody Suite"]),
        ("Kingsmead Road Police Custody Centre held him.", ["Kingsmead Road Police Custody Centre"]),
        ("The family went to Harrowfold Foodbank and Harrowfold Library.", ["Harrowfold Foodbank", "Harrowfold Library"]),
        ("Kian swam at Kingsmead Leisure Centre.", ["Kingsmead Leisure Centre"]),
        ("Father signed on at Harrowfold Jobcentre Plus.", []),  # the agency
        ("He was taken to the police station.", []),
        ("At the Police Station he was searched.", []),
    ],
)
def test_finds_named_stations(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "LOCATION") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was held at Harrowfold Police Station.", "He was held at (place)."),
        ("The family went to Harrowfold Library.", "The family went to (place)."),
        ("Westshire Police attended the strategy meeting.", "Westshire Police attended the strategy meeting."),
    ],
)
def test_the_station_is_a_place_and_the_force_an_agency(
    text: str, expected: str, settings: Settings, detector: Detector
) -> None:
    assert redacted(text, settings, detector) == expected
