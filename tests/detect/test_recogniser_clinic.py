"""hospital_name's clinic pattern (patterns/recognisers/institutions.yml): a clinic called by
its own name; "seen at the Rainbow Clinic" was published. A clinic's kind is no name."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted
from tests.detect.recognisers import found, load_one


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("hospital_name")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She was seen at the Rainbow Clinic.", ["Rainbow Clinic"]),
        ("Seen at the Oakwood Clinic in Harrowfold.", ["Oakwood Clinic"]),
        ("He attended the Fracture Clinic.", []),
        ("The Sexual Health Clinic saw her.", []),
        ("Mother attended the Continence Clinic.", []),
    ],
)
def test_finds_a_clinic_by_its_name(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "HOSPITAL") == expected


def test_the_clinic_is_redacted_for_review(settings: Settings, detector: Detector) -> None:
    assert redacted("She was seen at the Rainbow Clinic.", settings, detector) == "She was seen at the (hospital)."
