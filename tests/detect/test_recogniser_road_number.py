"""road_number (patterns/recognisers/addresses.yml): a numbered road runs through a few miles of
one county; "They lived just off the A614" and "The B3212 was closed" were published."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted
from tests.detect.recognisers import found, load_one


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("road_number")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They lived just off the A614.", ["A614"]),
        ("The B3212 was closed.", ["B3212"]),
        ("near junction 14 of the M25", ["M25"]),
        ("the A1(M) northbound", ["A1(M)"]),
        # Not a vitamin, a paper size or a room: no "the" before them, or a word of paper after.
        ("Vitamin B12 and A4 paper were mentioned.", []),
        ("Print it on the A4 paper.", []),
        ("She sat in room B12.", []),
    ],
)
def test_finds_a_road_number(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "LOCATION") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They lived just off the A614.", "They lived just off the (place)."),
        # "M5" alone is also a kinship shorthand's shape ("M", "M2": mother), which the keep
        # list's forms hold as already anonymised; after "the" it is the motorway
        # (keep.yml recognisers_over_forms; session 13: it was published).
        ("They drove down the M5 that night.", "They drove down the (place) that night."),
    ],
)
def test_the_road_is_redacted_for_review(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, settings, detector) == expected
