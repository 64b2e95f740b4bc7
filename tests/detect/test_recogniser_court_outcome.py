"""court_outcome (patterns/recognisers/case_features.yml): the length of a sentence, which
with the offence and the year lets a reader find the court report and the family."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("court_outcome")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("and was sentenced to eleven years' imprisonment.", ["eleven years' imprisonment"]),
        ("He received a 30-month custodial sentence.", ["30-month custodial sentence"]),
        ("He was sentenced to three years and nine months.", ["three years and nine months"]),
        ("She was jailed for 18 months in 2019.", ["18 months"]),
        ("a sentence of twenty-two years", ["twenty-two years"]),
        # Years and months, the apostrophe after the months ("two years" was left as a date)
        ("Father was sentenced to two years and six months’ imprisonment.", ["two years and six months’ imprisonment"]),
        ("The court sentenced him to three years and nine months' imprisonment.", ["three years and nine months' imprisonment"]),
        ("The judge sentenced her to fifteen months.", ["fifteen months"]),
        # Not a sentence: durations of other things.
        ("The family lived there for three years and nine months.", []),
        ("He was sentenced at the Crown Court in 2019.", []),
    ],
)
def test_finds_sentence_lengths(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "RARE_FEATURE") == expected
