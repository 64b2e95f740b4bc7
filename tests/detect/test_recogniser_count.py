"""count_of_people_or_proceedings (patterns/recognisers/amounts.yml): how many children, offences
or hearings; strict masks the count, scr keeps it."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.decide.decide import decide
from anonymiser.settings import load_settings
from tests.decide.handmade import finding, one_unit, redactions
from tests.detect.recognisers import found, load_one

ENTITY = "COUNT"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("count_of_people_or_proceedings")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She has three children by different fathers.", ["three children"]),
        ("He admitted twelve counts of burglary.", ["twelve counts"]),
        ("The trial took forty-five hearings.", ["forty-five hearings"]),
        ("charged with twenty-one other persons", ["twenty-one other persons"]),
        ("The police interviewed 14 suspects.", ["14 suspects"]),
        ("He was seen on five occasions.", ["five occasions"]),
        # A family's make-up: none, one, or sons and daughters counted
        ("They had no children from the marriage.", ["no children"]),
        ("His wife died, leaving one child born in 2011.", ["one child"]),
        ("She lived with two of her sons and three daughters.", ["three daughters"]),
        ("Mother has four older half-siblings.", ["four older half-siblings"]),
    ],
)
def test_finds_counts(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The children were seen at school.",  # no number
        "Two agencies attended the meeting.",  # not people or proceedings of the case
        "In 1998 hearings were delayed.",  # a year, not a count
        "No charges were brought.",  # "no" counts only a family's members
        "No child should be missed.",  # "no" counts only a family's members in the plural
        "There was one child protection conference.",  # a lone "child" only where the phrase ends
    ],
)
def test_finds_no_count(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []


def test_strict_masks_a_count_and_scr_keeps_it() -> None:
    text = "She has three children."
    count = finding(text, "three children", ENTITY, "count_of_people_or_proceedings", score=0.6)
    strict = load_settings(policy="strict", scope="full")
    scr = load_settings(policy="scr", scope="full")
    assert redactions(text, decide([one_unit(text)], [count], strict)) == ["three children"]
    assert redactions(text, decide([one_unit(text)], [count], scr)) == []
