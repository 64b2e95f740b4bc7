"""A street or building named after a first name ("Florence Court", "Grace Close") is a place
wherever it stands, not a person called Florence with "Court" left beside the label."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # At the start of a sentence, where no "at" or "moved to" says it is a place.
        ("Florence Court is a block of flats near the station.", "(address) is a block of flats near the station."),
        ("Florence Court housed the family.", "(address) housed the family."),
        ("Grace Close was quiet at night.", "(address) was quiet at night."),
        ("Sophie Row had no lighting.", "(address) had no lighting."),
        # A hostel is a rare feature (sent for review under scr, test_rare_case_features.py).
        ("Ashley House is a hostel. Ashley House had a warden.", "(address) is (a specific issue). (address) had a warden."),
        ("Florence Nightingale House is a hostel.", "(address) is (a specific issue)."),
        ("FLORENCE COURT", "(address)"),
        # Anywhere else in the sentence too.
        ("The family moved to Florence Court in 2019.", "The family moved to (address) in 2019."),
        ("He visited Florence Court on Monday.", "He visited (address) on Monday."),
        # A first name on its own, or with a surname, is still a person.
        ("Florence said she was worried.", "Person A said she was worried."),
        ("Florence Court was near. Florence said so.", "(address) was near. Person A said so."),
        ("Jane Hill visited the family.", "Person A visited the family."),
        ("She spoke to Sarah Grove about it.", "She spoke to Person A about it."),
    ],
)
def test_a_place_named_after_a_first_name(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Florence Court was where Kian lived.", "(address) was where Child F lived."),
        # A listed first name before a street word is the street, and the person stays hers.
        ("Hope Close was near. Hope said so.", "(address) was near. Sibling 1 said so."),
    ],
)
def test_with_the_case_file(case_settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, case_settings, detector) == expected
