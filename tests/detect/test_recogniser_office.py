"""office_title (patterns/recognisers/offices.yml): titles of public office that one person
holds at a time, found whole with the department after "for"."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one

ENTITY = "OFFICE"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("office_title")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Secretary of State refused the appeal", ["Secretary of State"]),
        (
            "the Secretary of State for the Home Department made a deportation order",
            ["Secretary of State for the Home Department"],
        ),
        ("signed by the Secretary of State for Northern Ireland and", ["Secretary of State for Northern Ireland"]),
        ("the Parliamentary Under-Secretary of State wrote", ["Parliamentary Under-Secretary of State"]),
        ("the Secretary of State’s decision", ["Secretary of State"]),
        ("the Lord Chancellor and the Attorney General agreed", ["Lord Chancellor", "Attorney General"]),
    ],
)
def test_finds_offices(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the secretary of state schools took part",  # lower case: not the title
        "the panel secretary took the minutes",
        "the State of Israel",
    ],
)
def test_ignores_other_words(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []
