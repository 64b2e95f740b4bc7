"""Leaks and wrong labels left from session 12 (each case failed before its fix; every name
and place of a person is invented, the towns and roads are real and public).

- A single-digit motorway ("drove down the M5") was published: "M5" has the shape of a
  kinship shorthand used as a pseudonym ("M1", "F2"), and a pseudonym is never redacted.
  After "the" or a junction's words it is a road, which no author writes before a code.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He drove down the M5 to Exeter.", "He drove down the (place) to (place)."),
        ("They took the M6 toll every day.", "They took the (place) toll every day."),
        ("The car broke down at junction 4 of the M1.", "The car broke down at junction 4 of the (place)."),
        # A road of more digits was already found.
        ("She lived just off the M62.", "She lived just off the (place)."),
        # The kinship shorthand stays a pseudonym where no road's words stand before it.
        ("M1 said that F2 had left.", "M1 said that F2 had left."),
    ],
)
def test_a_single_digit_motorway_is_a_road(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected
