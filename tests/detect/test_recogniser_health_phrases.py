"""health_phrases (patterns/recognisers/case_features.yml): health and disability described
in general words ("difficulties in walking", "admitted to a psychiatric hospital"); strict
masks them, scr keeps them (its condition list finds the named conditions)."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.decide.decide import decide
from anonymiser.detect.engine import Detector
from anonymiser.settings import load_settings
from tests.decide.handmade import finding, one_unit, redacted, redactions
from tests.detect.recognisers import found, load_one

ENTITY = "HEALTH_DETAIL"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("health_phrases")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grandmother had difficulties in walking and problems of balance.", ["difficulties in walking", "problems of balance"]),
        ("Mother had been admitted to a psychiatric hospital twice.", ["admitted to a psychiatric hospital"]),
        ("Father was a drug addict and his partner a heavy drinker.", ["drug addict", "heavy drinker"]),
        ("His alcohol misuse and her dental problems were not explored.", ["alcohol misuse", "dental problems"]),
        ("She is functionally impaired after the fall.", ["functionally impaired"]),
        ("He took an overdose of paracetamol in May.", ["overdose of paracetamol"]),
        ("The attack left him with severe injuries and permanent scarring.", ["severe injuries", "permanent scarring"]),
        ("The review followed serious injuries to Child F.", []),
        ("Her mother was in poor health.", ["in poor health"]),
    ],
)
def test_finds_health_described_in_general_words(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The walking group met on Tuesdays.",
        "There were problems with the referral.",
        "The health visitor had no concerns about his health.",
        "Staff had difficulties in contacting the family.",
    ],
)
def test_finds_nothing_in_other_sentences(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []


def test_strict_masks_a_health_detail_and_scr_keeps_it() -> None:
    text = "Grandmother had difficulties in walking."
    detail = finding(text, "difficulties in walking", ENTITY, "health_phrases", score=0.55)
    strict = load_settings(policy="strict", scope="full")
    scr = load_settings(policy="scr", scope="full")
    assert redactions(text, decide([one_unit(text)], [detail], strict)) == ["difficulties in walking"]
    assert redactions(text, decide([one_unit(text)], [detail], scr)) == []


def test_scr_still_removes_a_listed_condition_the_phrase_also_finds() -> None:
    # scr keeps this category; a condition its list names on the same words is still
    # redacted (fail closed: what one finding redacts, a kept one beside it does not undo).
    text = "She had back problems."
    detail = finding(text, "back problems", ENTITY, "health_phrases", score=0.55)
    condition = finding(text, "back problems", "CONDITION", "condition_terms", score=0.7)
    scr = load_settings(policy="scr", scope="full")
    assert redactions(text, decide([one_unit(text)], [detail, condition], scr)) == ["back problems"]


@pytest.mark.parametrize(
    ("text", "removed"),
    [
        # What scr redacts inside a phrase only strict masks is still redacted under scr.
        ("He took an overdose of paracetamol in May.", "paracetamol"),
        ("Mother was a retired taxi driver.", "taxi driver"),
        ("She was admitted to a psychiatric hospital with schizophrenia.", "schizophrenia"),
    ],
)
def test_scr_still_redacts_what_it_finds_inside_a_strict_only_phrase(text: str, removed: str, detector: Detector) -> None:
    scr = load_settings(policy="scr", scope="full")
    assert removed not in redacted(text, scr, detector)
