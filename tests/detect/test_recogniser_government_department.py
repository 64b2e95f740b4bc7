"""government_department (patterns/recognisers/offices.yml): departments and agencies of
central government; strict masks them, scr ignores what this finds (its keep list decides)."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted
from tests.detect.recognisers import found, load_one

ENTITY = "GOVERNMENT_BODY"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("government_department")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Father's debt to HM Revenue and Customs grew.", ["HM Revenue and Customs"]),
        ("The Inland Revenue wrote to Mother about her tax credits.", ["Inland Revenue"]),
        ("Her passport was held by the Foreign and Commonwealth Office.", ["Foreign and Commonwealth Office"]),
        ("The Legal Aid Board refused his application.", ["Legal Aid Board"]),
        ("A letter came from the Department for Work and Pensions.", ["Department for Work and Pensions"]),
    ],
)
def test_finds_a_department(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The family had a treasury of old photographs.",
        "She went to the post office and then the home office of her employer.",
    ],
)
def test_finds_no_department_in_other_text(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []


@pytest.mark.parametrize(
    ("text", "strict_output"),
    [
        ("The Inland Revenue wrote to Mother.", "The (organisation) wrote to Mother."),
        ("Her passport was held by the Foreign and Commonwealth Office.", "Her passport was held by the (organisation)."),
    ],
)
def test_strict_masks_a_department_the_model_misses_and_scr_leaves_it(
    text: str, strict_output: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    expected = strict_output if settings.policy.name == "strict" else text
    assert redacted(text, settings, detector) == expected
