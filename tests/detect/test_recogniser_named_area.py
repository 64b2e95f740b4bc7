"""named_area (patterns/recognisers/addresses.yml): a neighbourhood or estate the draft names
as one. "in the Moss Side area" was published (the model found neither word), and "the
Kingsmead estate" read "the Person A estate". Every place is invented or named only as one."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted
from tests.detect.recognisers import found, load_one


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("named_area")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three addresses in the Moss Side area of the city", ["Moss Side"]),
        ("They moved to the Kingsmead estate.", ["Kingsmead"]),
        ("The Local Authority area was large.", ["Local Authority"]),
        ("in the local area", []),
        # A council team's locality, after a comma or a bracket.
        ("the allocated social worker (Team 4, Kingsbridge locality)", ["Kingsbridge"]),
        ("(Harrowfold locality team) held the case.", ["Harrowfold"]),
        ("The case moved to the North Westshire area team.", ["North Westshire"]),
        ("Team 4, the locality team, held it.", []),
    ],
)
def test_finds_named_areas(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "LOCATION") == expected


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("They moved to the Kingsmead estate.", "They moved to the (place) estate."),
        # A practice term is no place: "Local Authority" is on the keep list.
        ("The Local Authority area was large.", "The Local Authority area was large."),
    ],
)
def test_a_named_area_is_a_place(text: str, published: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == published
