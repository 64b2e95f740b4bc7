"""worker_initials (patterns/recognisers/worker_initials.yml): a practitioner named by the
role's shorthand and initials in case notes ("SW LK visited"). Every name is invented."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted
from tests.detect.recognisers import found, load_one

ENTITY = "PERSON"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("worker_initials")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15/02/19 SW LK visited home, child seen.", ["LK"]),
        ("TM JB agreed S47. SW LK allocated.", ["JB", "LK"]),
        ("DNA x2 for clinic | HV BO", ["BO"]),
        ("triaged by SN RMB at 2315hrs", ["RMB"]),
        ("ICPC chaired by IRO PMK; CP plan agreed.", ["PMK"]),
        # Minutes give actions to initials alone: they were published.
        ("Action: KF to chase GP letter by Friday.", ["KF"]),
        ("Actions: KF to chase GP letter; JW to book interpreter", ["KF", "JW"]),
        ("\u2022 LM to contact school", ["LM"]),
        ("AB to liaise with housing", ["AB"]),
    ],
)
def test_finds_initials_after_a_role(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the SW CP plan was agreed",  # a practice word after the letters
        "SW visited; LK was not there",  # no role right before
        "NSW LK",  # part of a longer word
        "the sw lk visit",  # lower case
        "SW LKA1 is a code",
        "TM ICPC",  # four letters: an abbreviation, not initials
        "the family moved. UK to follow",  # not opening an action (after a full stop)
        "Action: KF to the GP",  # "to" and no action verb
        "Action: ka to chase",  # lower case
    ],
)
def test_ignores_other_letters(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []


def test_initials_given_actions_are_redacted_and_practice_shorthand_stays(settings: Settings, detector: Detector) -> None:
    text = "Actions: KF to chase GP letter; MASH to review the referral; HV to visit."
    assert redacted(text, settings, detector) == (
        "Actions: Person A to chase GP letter; MASH to review the referral; HV to visit."
    )
