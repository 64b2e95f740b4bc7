"""A family named by its surname in the plural after "the" ("the Smiths", "the
Marsh-Hendersons"), with no one of that name known: published, or read "Person A", before
family_words.plural_family_names. Every name is invented."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Marsh-Hendersons moved to the area.", "The (family name) moved to the area."),
        ("The Browns and the Smiths were neighbours.", "The (family name) and the (family name) were neighbours."),
        ("He visited the Hendersons in 2017.", "He visited the (family name) in 2017."),
        ("The O'Neills moved in 2018.", "The (family name) moved in 2018."),
    ],
)
def test_a_family_in_the_plural_is_its_family_name(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    "text",
    [
        "They walked in the Dales and the Cotswolds.",  # "Dale" is a surname of the lists
        "The Samaritans and the Police were called.",  # no surname
        "The social workers and the Trustees met.",
    ],
)
def test_places_and_practice_are_not_families(text: str, settings: Settings, detector: Detector) -> None:
    assert "(family name)" not in redacted(text, settings, detector)


def test_a_known_family_keeps_its_one_label(case_settings: Settings, detector: Detector) -> None:
    # The case file's Marsh family: "the Marshes" already read "(family name)"; still one label.
    out = redacted("The Marshes moved. The Marsh family were known.", case_settings, detector)
    assert "Marsh" not in out and out.count("(family name)") == 2, out
