"""benefit_terms (patterns/recognisers/case_features.yml): state benefits a person claims;
strict masks them, scr keeps them."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.decide.decide import decide
from anonymiser.settings import load_settings
from tests.decide.handmade import finding, one_unit, redactions
from tests.detect.recognisers import found, load_one

ENTITY = "BENEFIT"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("benefit_terms")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("After her husband died she claimed Widowed Mother's Allowance.", ["Widowed Mother's Allowance"]),
        ("He had lived on disability benefits since the accident.", ["disability benefits"]),
        ("The family's income support was stopped.", ["income support"]),
        ("She applied for Universal Credit and Child Benefit.", ["Universal Credit", "Child Benefit"]),
    ],
)
def test_finds_benefits(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


def test_finds_no_benefit_in_other_text(recogniser: EntityRecognizer) -> None:
    assert found(recogniser, "The benefits of early help were discussed.", ENTITY) == []


def test_strict_masks_a_benefit_and_scr_keeps_it() -> None:
    text = "She claimed income support."
    benefit = finding(text, "income support", ENTITY, "benefit_terms", score=0.6)
    strict = load_settings(policy="strict", scope="full")
    scr = load_settings(policy="scr", scope="full")
    assert redactions(text, decide([one_unit(text)], [benefit], strict)) == ["income support"]
    assert redactions(text, decide([one_unit(text)], [benefit], scr)) == []
