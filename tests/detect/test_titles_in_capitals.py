"""An honorific in capitals before a surname in capitals ("MRS MCPHERSON WAS SEEN", a
heading or a typed-up note) is a person: it was published. The sentence's words after it
are not part of the name. Every name is invented."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("MRS MCPHERSON WAS SEEN.", "Person A WAS SEEN."),
        ("MR AND MRS MCPHERSON WERE SPOKEN TO.", "MR AND Person A WERE SPOKEN TO."),
        ("MS KOWALSKA SAID SHE WAS FINE.", "Person A SAID SHE WAS FINE."),
        ("DR OKAFOR WAS THE GP.", "Doctor 1 WAS THE GP."),
    ],
)
def test_an_honorific_in_capitals_names_a_person(text: str, published: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == published


@pytest.mark.parametrize("text", ["MRS SMITH'S HOUSE WAS CLEAN."])
def test_a_possessive_in_capitals_keeps_its_word(text: str, settings: Settings, detector: Detector) -> None:
    assert "SMITH" not in redacted(text, settings, detector)
