"""An acronym the draft defines in brackets after a body's name is that body's, wherever it
stands.

"Harrowfold General Hospital (HGH) ... later HGH discharged her" read "(hospital) (hospital)
... later (organisation) discharged her": the bracket was a second label beside the first,
and the model's guess at the later "HGH" gave it another category's label. The acronym of an
agency the policy keeps ("Kingsbridge County Council (KCC)" under scr) was masked as an
unknown organisation. Every name is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "Kayla attended Harrowfold General Hospital (HGH) and later HGH discharged her.",
            "Person A attended (hospital) and later (hospital) discharged her.",
        ),
        (
            "Jamie attended Whitfield High School (WHS). WHS said Jamie was absent.",
            "Person A attended (school). (school) said Person A was absent.",
        ),
        # Before its definition, after "the", and in a possessive, it is the same body.
        (
            "Kayla was taken to the HGH. HGH's nurse saw her. Later she attended Harrowfold General Hospital (HGH).",
            "Person A was taken to the (hospital). (hospital)'s nurse saw her. Later she attended (hospital).",
        ),
    ],
)
def test_a_redacted_bodys_acronym_takes_its_label(text: str, published: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == published


@pytest.mark.parametrize(
    "text",
    [
        "Kingsbridge County Council (KCC) held a meeting. KCC said the plan was safe.",
        "The Westmere Safeguarding Children Partnership (WSCP) met. WSCP agreed the plan.",
    ],
)
def test_a_kept_agencys_acronym_is_kept(text: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == text


def test_strict_masks_a_kept_agencys_acronym_with_it(strict_settings: Settings, strict_detector: Detector) -> None:
    out = redacted("Kingsbridge County Council (KCC) met. KCC agreed.", strict_settings, strict_detector)
    assert "KCC" not in out and "Kingsbridge" not in out
