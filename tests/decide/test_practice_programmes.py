"""Named interventions and programmes offered to families and children are practice, not
identity (keep.yml, processes). Before session 12: "Father was offered Caring Dads" read
"offered Person A", "Theraplay was offered" "Person A was offered". "The Solihull Approach",
"Reading Recovery" and "the Boxall Profile" are not kept: every word of a kept entry becomes
a practice word, and the town or surname would be published.
A first name that an abbreviation spells ("Elsa") is still a name: matching ignores case,
so "ELSA" is not on the list."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    "text",
    [
        "She was referred to a Nurture Group.",
        "The school used Read Write Inc; Forest School sessions followed.",
        "Staff used the Zones of Regulation and Protective Behaviours.",
        "Lego therapy and Talkabout sessions followed.",
        "Mother attended the Freedom Programme; Father was offered Caring Dads.",
        "Triple P and Incredible Years were offered.",
        "Theraplay was offered by CAMHS.",
    ],
)
def test_programmes_are_kept(text: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elsa said she was scared.", "Person A said she was scared."),
        ("The family lived in Solihull.", "The family lived in (place)."),
        ("They moved to Reading in 2019.", "They moved to (place) in 2019."),
        ("Boxall said he would call.", "Person A said he would call."),
    ],
)
def test_names_and_places_beside_them_still_go(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected
