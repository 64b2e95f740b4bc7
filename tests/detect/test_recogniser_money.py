"""money_amount (patterns/recognisers/amounts.yml): sums of money, with a currency sign, a
currency code in capitals, or the currency's name."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one

ENTITY = "QUANTITY"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("money_amount")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rent arrears of £2,340 were owed", ["£2,340"]),
        ("a fine of £ 250.50 was paid", ["£ 250.50"]),
        ("awarded EUR 19,000 in damages", ["EUR 19,000"]),
        ("GBP 3 million was frozen", ["GBP 3 million"]),
        ("he paid 400 pounds and 5,000 euros", ["400 pounds", "5,000 euros"]),
        ("a loan of DKK 240,000", ["DKK 240,000"]),
        # The currency's country before its name, and its code after it in brackets
        ("Mother owed 3,000 Polish zlotys (PLN) to her cousin", ["3,000 Polish zlotys (PLN)"]),
        ("the family received 68,000 Danish kroner from the sale", ["68,000 Danish kroner"]),
        ("a debt of 2,500 pounds sterling", ["2,500 pounds sterling"]),
        # Several amounts in one currency are one sum each, named once
        ("he sent 401, 515 and 397 kronor home", ["401, 515 and 397 kronor"]),
        ("she earned 1,200 forints a week and 90 rupees", ["1,200 forints", "90 rupees"]),
        # Thousands set apart by a space, as many countries write them
        ("a claim of SEK 12 000 was made", ["SEK 12 000"]),
        ("costs of PLN 2 000 000 were awarded", ["PLN 2 000 000"]),
        ("arrears of 1 200 pounds built up", ["1 200 pounds"]),
        # but a year before a sum is not its thousands
        ("on 3 May 2019 250 pounds was paid", ["250 pounds"]),
        # A sum written in words
        ("he was fined fifty pounds", ["fifty pounds"]),
        ("she borrowed two hundred and fifty pounds from her sister", ["two hundred and fifty pounds"]),
        ("a debt of a thousand pounds", ["a thousand pounds"]),
        ("forty-five euros a week", ["forty-five euros"]),
    ],
)
def test_finds_sums(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "section 47 enquiries began on 3 May",  # a number is not a sum
        "the eur 200 typo",  # a currency code is written in capitals
        "the pound shop on the high street",
        "Article 6 § 1 of the Convention",
        "three bite marks were seen on his arm",
        "14 Polish families lived in the street",
        "CAD 4567 was logged at 02:14",  # a police call log's number (a reference), not dollars
        "at 10 000 feet",
    ],
)
def test_ignores_numbers_that_are_not_sums(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []


@pytest.fixture(scope="module")
def areas() -> EntityRecognizer:
    return load_one("area_measure")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a flat of 63 sq. m on the first floor", ["63 sq. m"]),
        ("a plot of 2,358 sq.m and a house of 152.25 sq. m", ["2,358 sq.m", "152.25 sq. m"]),
        ("12 hectares of land", ["12 hectares"]),
        ("a garden of 40 square metres", ["40 square metres"]),
        ("a 2 acre field", ["2 acre"]),
        ("the house measured 63 sq. m.", ["63 sq. m"]),  # the full stop ends the sentence
    ],
)
def test_finds_areas(areas: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(areas, text, "AREA") == expected


@pytest.mark.parametrize(
    "text",
    ["about 400 metres from his home", "a square room on the 2nd floor", "in 12 months"],
)
def test_ignores_numbers_that_are_not_areas(areas: EntityRecognizer, text: str) -> None:
    assert found(areas, text, "AREA") == []
