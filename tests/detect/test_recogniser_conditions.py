"""condition_terms (patterns/recognisers/case_features.yml): health conditions of a child or
a parent that narrow a family down, mental illness and attempted suicide included."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one

ENTITY = "CONDITION"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("condition_terms")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mother had been treated for severe depression since 2015.", ["severe depression"]),
        ("He has a long history of mental illness.", ["mental illness"]),
        ("after an attempted suicide in the spring", ["attempted suicide"]),
        ("diagnosed with post traumatic stress disorder", ["post traumatic stress disorder"]),
        ("Her father died of a brain haemorrhage.", ["brain haemorrhage"]),
        ("his heroin addiction and her alcoholism", ["heroin addiction", "alcoholism"]),
        ("a marked speech impediment", ["speech impediment"]),
        ("Her disability meant she could not climb the stairs.", ["disability"]),
        ("his back problems and her physical disability", ["back problems", "physical disability"]),
        ("periods of thought disorder, delusions and behavioural problems", ["thought disorder", "delusions", "behavioural problems"]),
    ],
)
def test_finds_conditions(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


def test_a_practice_word_is_not_a_condition(recogniser: EntityRecognizer) -> None:
    assert found(recogniser, "The family support worker visited the home.", ENTITY) == []
