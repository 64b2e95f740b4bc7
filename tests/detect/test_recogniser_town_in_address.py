"""town_in_address (patterns/recognisers/addresses.yml): the town of a postal address, between
its street and its postcode, which was published between the redacted street and postcode."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("town_in_address")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("with her grandmother at 6 Thomas Brereton Way, Brindlecombe WM9 2HD.", ["Brindlecombe"]),
        ("She moved to 14 Larch Close, Hollinsby, WM4 7QT in 2018.", ["Hollinsby"]),
        ("He lived at 2 Mill Lane, Great Ashby St Giles, WM1 4QT.", ["Great Ashby St Giles"]),
        ("Flat 2, 9 Quarry Rd, Upper Denholt DN7 3QX", ["Upper Denholt"]),
        ("at 9 Canal Side, Carrow Vale, WM3 1AB", ["Carrow Vale"]),
        ("Flat 2, Tallis House, Marsh Street, Kettlebrook KB3 2QT", ["Kettlebrook"]),
        # No postcode after it: a sentence may go on after a street.
        ("at 3 Mill Lane, Denise said she was scared", []),
        ("She moved to 14 Larch Close, Hollinsby, in 2018.", []),
        # A postcode with no street before it: nothing to place the words in.
        ("Denise Marsh WM9 2HD", []),
        ("in the meeting, Social Care WM9 2HD", []),
    ],
)
def test_finds_the_town_of_an_address(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "LOCATION") == expected
