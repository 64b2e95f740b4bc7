"""occupation_after_work_words (patterns/recognisers/case_features.yml): a job the occupation
list does not know, where the draft says it is someone's job."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one

ENTITY = "OCCUPATION"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("occupation_after_work_words")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mother worked as a silver service waiter at a hotel.", ["silver service waiter"]),
        ("He is over 60 and works as an administrator.", ["administrator"]),
        ("Father was employed as a university lecturer in law.", ["university lecturer"]),
        ("She retired as a teacher in 2015.", ["teacher"]),
        # A place word after the job ends it: "a (occupation) the school" lost "outside".
        ("Mother worked as a lollipop lady outside the school.", ["lollipop lady"]),
        ("He worked as a delivery driver near the docks.", ["delivery driver"]),
    ],
)
def test_finds_the_job_after_the_work_words(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She works as part of a team.",
        "He worked as well as he could.",
        "Mother worked as a Family Support Worker volunteer.",  # a capitalised title is a name's job
        "He was seen as a risk.",
        "She could not work as a result of her injuries.",
    ],
)
def test_ignores_what_is_not_a_job(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []
