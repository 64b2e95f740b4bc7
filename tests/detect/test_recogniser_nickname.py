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
