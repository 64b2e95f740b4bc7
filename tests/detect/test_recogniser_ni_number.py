"""UkNiNumberRecogniser (patterns/recognisers/uk.yml): National Insurance numbers."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found as found_by
from tests.detect.recognisers import load_one

ENTITY = "NI_NUMBER"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("UkNiNumberRecogniser")


def found(recogniser: EntityRecognizer, text: str) -> list[str]:
    return found_by(recogniser, text, ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NI number JT482719B.", ["JT482719B"]),
        ("NI: JT 48 27 19 B", ["JT 48 27 19 B"]),
        ("NINO ab-12-34-56-c", ["ab-12-34-56-c"]),
        ("RW 90 11 07 D and PE 31 42 65 A", ["RW 90 11 07 D", "PE 31 42 65 A"]),
        # A prefix never issued is still the person's number once the draft says it is one.
        ("NI number QQ 12 34 56 C was given.", ["QQ 12 34 56 C"]),
        ("NINo QQ123456C", ["QQ123456C"]),
    ],
)
def test_finds_ni_numbers(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "DA123456A",  # D never starts an NI number
        "AO123456A",  # O is never the second letter
        "GB123456A",  # GB, BG, NK, KN, TN, NT, ZZ are never issued
        "TN 12 34 56 B",
        "ZZ123456C",
        "JT482719E",  # suffix is A to D
        "JT48271B",  # too few digits
        "Children Act 1989, section 47",
    ],
)
def test_rejects_invalid_prefixes_and_shapes(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text) == []
