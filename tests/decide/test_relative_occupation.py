"""A relative's job that is also a practice role (case_features.yml family_member_occupation):
"Mother was a former police officer" was published, as the keep list keeps "police officer"
as practice; a parent's profession names them in a small force or ward. The practice role
elsewhere in the draft stays. Every name is invented."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mother was a former police officer. The police officer visited the home.",
            "Mother was a former (occupation). The police officer visited the home.",
        ),
        ("Her father, a nurse, was not at home.", "Her father, a (occupation), was not at home."),
        (
            "Mother's partner was a social worker in another authority.",
            "Mother's partner was a (occupation) in another authority.",
        ),
    ],
)
def test_a_relatives_job_is_redacted(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The social worker, who was a qualified nurse, visited.",  # a practitioner's career
        "The police officer was a former teacher.",
        "Mother was seen by a nurse and a police officer.",
    ],
)
def test_a_practitioners_role_stays(text: str, settings: Settings, detector: Detector) -> None:
    assert "(occupation)" not in redacted(text, settings, detector)
