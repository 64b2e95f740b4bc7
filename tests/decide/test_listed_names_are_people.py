"""A listed person's name, or a listed first name with a known surname, is a person even where
the model reads part of it as a nationality, a place or a body ("KIAN" a NORP and "BRIGHTWELL"
an ORG: "Child F (family name)")."""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.conftest import settings_with_case
from tests.decide.handmade import redacted


# The sample case file lists Kian Marsh (Child F) and two Brightwells: "Kian Brightwell" is a
# listed first name with a listed family's surname.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KIAN BRIGHTWELL", "Child F"),
        ("The Kian Brightwell case was discussed.", "The Child F case was discussed."),
        ("Kian Brightwell was seen at the clinic.", "Child F was seen at the clinic."),
    ],
)
def test_a_listed_first_name_and_a_known_surname(
    case_settings: Settings, detector: Detector, text: str, expected: str
) -> None:
    assert redacted(text, case_settings, detector) == expected


CASE = """\
people:
  - name: "Kian Brightwell"
    aliases: ["Kian"]
    role: "subject child"
    group: family
    pseudonym: "Child K"
  - name: "Connor Brightwell"
    aliases: ["Connor", "Mr Brightwell"]
    role: "father"
    group: family
    pseudonym: "Father"
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KIAN BRIGHTWELL", "Child K"),
        ("KIAN BRIGHTWELL, HOPE MARSH", "Child K, Person A"),
        ("The Kian Brightwell case was discussed.", "The Child K case was discussed."),
        ("Both Connor and KIAN BRIGHTWELL were at home.", "Both Father and Child K were at home."),
    ],
)
def test_a_listed_name(tmp_path: Path, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, settings_with_case(tmp_path, CASE), detector) == expected


def test_a_group_the_model_reads_whole_is_still_no_name(settings: Settings, detector: Detector) -> None:
    # "Roman" is a first name, but the model's NORP takes in the word after it.
    assert redacted("The family are Roman Catholic.", settings, detector) == "The family are (religion)."
