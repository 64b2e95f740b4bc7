"""hyphenated_place_name (patterns/recognisers/addresses.yml): English towns joined by
hyphens, which the model misses or cuts short ("Weston" of "Weston-super-Mare")."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("hyphenated_place_name")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They moved to Stoke-on-Trent in 2018.", ["Stoke-on-Trent"]),
        ("from Newcastle-upon-Tyne and Weston-super-Mare", ["Newcastle-upon-Tyne", "Weston-super-Mare"]),
        ("near Ashby-de-la-Zouch, then Barrow-in-Furness", ["Ashby-de-la-Zouch", "Barrow-in-Furness"]),
        ("at Wells-next-the-Sea", ["Wells-next-the-Sea"]),
        ("Stoke-on-Trent City Council was told", ["Stoke-on-Trent"]),
        # Not places: roles and ordinary hyphenated words.
        ("his Mother-in-Law and the Nurse-in-Charge", []),
        ("the Commander-in-Chief", []),
        ("a drop-in session and a follow-up visit", []),
        ("stoke-on-trent in lower case is not a name", []),
        # In capitals, as in a heading or a record's address line: it was published.
        ("FROM STOKE-ON-TRENT TO WESTON-SUPER-MARE", ["STOKE-ON-TRENT", "WESTON-SUPER-MARE"]),
        ("his MOTHER-IN-LAW and the NURSE-IN-CHARGE", []),
    ],
)
def test_finds_hyphenated_place_names(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "LOCATION") == expected
