"""nickname (patterns/recognisers/nicknames.yml): a name the draft says a person goes by.

"Kayleigh's partner, known as 'Tank'," published "Tank": an ordinary word that neither the
model nor the name lists take for a name. Every name is invented."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted
from tests.detect.recognisers import found, load_one


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("nickname")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her partner, known as 'Tank', was not known to services.", ["Tank"]),
        ("Dean (known as Dezzy) visited.", ["Dezzy"]),
        ('He calls himself "King Lou" online.', ["King Lou"]),
        ("the man nicknamed \u2018Bear\u2019 by the family", ["Bear"]),
        ("She was known to Children's Social Care.", []),
        ("The family were known as the Marshes.", []),
    ],
)
def test_finds_nicknames(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "PERSON") == expected


def test_a_nickname_is_redacted(settings: Settings, detector: Detector) -> None:
    out = redacted("Her partner, known as 'Tank', was not known to services.", settings, detector)
    assert "Tank" not in out and "known as '" in out


# Session 12: the social care IMR, written after the rules, said 'known within the family as
# "Bunny"' and the nickname was published: the lead-in allowed one word between "known" and
# "as" ("known to Mum as"), not a phrase naming who uses the name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Hope was known within the family as "Bunny" and rarely as Hope.', ["Bunny"]),
        ("The boy was known to the family as 'Tiger' at home.", ["Tiger"]),
        ("He was known to his friends as Dodge.", ["Dodge"]),
        ("She is known at the nursery as \u201cPip\u201d.", ["Pip"]),
        ("He was known on the estate as 'Scrappy'.", ["Scrappy"]),
        ("Mr Brightwell was known to the police as a high-risk perpetrator.", []),
        ("The family was known to the service as a family in need.", []),
    ],
)
def test_finds_nicknames_after_who_uses_them(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "PERSON") == expected


# A maiden or former surname after "née" was published ("Denise Marsh (née Pargeter)"): a
# family's other surname finds the family in old records as well as the current one.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her mother, Denise Marsh (née Pargeter), asked for help.", ["Pargeter"]),
        ("His grandmother, Mrs Okafor (nee Whitlock), came to the meeting.", ["Whitlock"]),
        ("Ms Hussain, née O'Sullivan, was the carer.", ["O'Sullivan"]),
        ("the aunt (maiden name Kowalczyk) was assessed", ["Kowalczyk"]),
        ("Mrs Lee, whose maiden name is Van der Berg, attended.", ["Van der Berg"]),
        ("She kept her née name off the form.", []),
        ("The form asked for a maiden name.", []),
    ],
)
def test_finds_former_surnames(text: str, expected: list[str]) -> None:
    assert found(load_one("former_surname"), text, "PERSON") == expected


def test_a_former_surname_is_redacted(settings: Settings, detector: Detector) -> None:
    out = redacted("Her mother, Denise Marsh (née Pargeter), asked for help in 2010.", settings, detector)
    assert "Pargeter" not in out and "Denise" not in out


# Session 13: "seeing a lad called Rio from the Woodhouse estate" published "Rio" (the model
# read an organisation). A word for a person, then "called" or "named", then the name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She had been seeing a lad called Rio from the estate.", ["Rio"]),
        ("A man named Dean Cole was arrested.", ["Dean Cole"]),
        ("Her friend called Shaz stayed over.", ["Shaz"]),
        ("an older male called 'Tiny' collected him", ["Tiny"]),
        ("The dog called Tyson bit him.", []),
        ("a meeting called Team Around the Family", []),
        ("The man called the police.", []),
    ],
)
def test_a_person_called_by_name(text: str, expected: list[str]) -> None:
    recogniser = load_one("person_called_by_name")
    assert found(recogniser, text, "PERSON") == expected
