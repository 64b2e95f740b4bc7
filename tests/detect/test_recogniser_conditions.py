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
        # Session 10: "Kian has a PEG feed and is wheelchair-dependent" was published.
        ("Kian has a PEG feed and is wheelchair-dependent.", ["PEG feed", "wheelchair-dependent"]),
        ("a termination of pregnancy at 10 weeks", ["termination of pregnancy"]),
    ],
)
def test_finds_conditions(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


def test_a_practice_word_is_not_a_condition(recogniser: EntityRecognizer) -> None:
    assert found(recogniser, "The family support worker visited the home.", ENTITY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She had a termination in 2017.", ["termination"]),
        ("She requested an early termination.", ["termination"]),
        ("The termination of the placement was planned.", []),
        ("He had a termination of his tenancy.", []),
    ],
)
def test_a_termination_had_is_a_condition(text: str, expected: list[str]) -> None:
    assert found(load_one("condition_phrases"), text, ENTITY) == expected
