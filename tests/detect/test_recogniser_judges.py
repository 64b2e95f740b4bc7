"""judge_post_nominal (patterns/recognisers/judges.yml): a judge cited by surname and the
judicial post-nominal ("Hayden J", "Mummery LJ"). Every name here is invented."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one

ENTITY = "PERSON"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("judge_post_nominal")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 16 May 2008, Thornwick J handed down judgment.", ["Thornwick J"]),
        ("Brackley LJ found the submission unarguable.", ["Brackley LJ"]),
        ("as Marlow J. said in that case", ["Marlow J"]),
        ("Ashdown and Penhale LJJ agreed.", ["Penhale LJJ"]),
        ("like O'Farrell J in Canada", ["O'Farrell J"]),
    ],
)
def test_finds_judges(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "See Appendix J and Schedule J.",
        "the Child J was seen",
        "Smith J.K. Brown came",  # initials inside a name
        "Thornwick JP sat",  # a magistrate's letters, not these
        "thornwick j said",  # lower case
    ],
)
def test_leaves_other_letters(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []
