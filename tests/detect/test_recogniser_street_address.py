"""street_address (patterns/recognisers/addresses.yml): a house or flat number and a street."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("street_address")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They lived at 14 Ashcombe Row until 2019.", ["14 Ashcombe Row"]),
        ("with her grandmother at 6 Thomas Brereton Way.", ["6 Thomas Brereton Way"]),
        ("Flat 3, 27 Mill Lane", ["Flat 3, 27 Mill Lane"]),
        # Street words of English towns beyond Road and Street: "9 Canal Side" was published.
        ("at 9 Canal Side, Carrow Vale", ["9 Canal Side"]),
        ("moved to 22 Heather Brow and then 4 Weavers Fold", ["22 Heather Brow", "4 Weavers Fold"]),
        # A flat in a named block, and the street the block stands on: "Marsh Street" after it
        # read "Person I Street" (Marsh being the family's name).
        ("Flat 2, Tallis House, Marsh Street, Kettlebrook", ["Flat 2, Tallis House, Marsh Street"]),
        # Both patterns find a flat numbered in a block; the decide stage takes the longer.
        ("Flat 7 Orchard Court", ["Flat 7 Orchard Court", "7 Orchard Court"]),
        # Not addresses: lower case, no number, a number of something else.
        ("she walked down the side of the house", []),
        ("on the Canal Side walk", []),
        ("page 12 of the Chronology", []),
        # A paragraph's number and a titled person: "3.8 Ms Hill visited" read
        # "3.(address) visited" under both policies, and Ms Hill lost her label.
        ("3.8 Ms Hill visited on 24 April 2019.", []),
        ("3.12 Ms Hill completed the assessment.", []),
        ("2.4 Dr Green saw him.", []),
        # Still addresses: a street named like a hill or a green, after a paragraph number.
        ("3.8 The family moved to 8 Tor Hill in May.", ["8 Tor Hill"]),
        ("They lived at 12 Mill Green.", ["12 Mill Green"]),
        # Street words shortened: "5 Orchard Cl." was published.
        ("Lived with MGM at 5 Orchard Cl., Hollinsby.", ["5 Orchard Cl"]),
        ("at 12 Primrose Gdns and 3 Kelso Cres", ["12 Primrose Gdns", "3 Kelso Cres"]),
        ("moved to 7 Albion Tce, then 2 Market Pl.", ["7 Albion Tce", "2 Market Pl"]),
        ("On 14 March Dr Patel saw him.", []),
        # A what3words address names a three-metre square: it was published.
        ("The location was given as what3words ///filled.count.soap.", ["///filled.count.soap"]),
        ("what3words: filled.count.soap", ["filled.count.soap"]),
        # A street's name joined to its street word by a hyphen: "14 Ashcombe-Row" was published.
        ("They lived at 14 Ashcombe-Row.", ["14 Ashcombe-Row"]),
        ("Flat 3, 27 Mill-Lane", ["Flat 3, 27 Mill-Lane"]),
        ("at 9 Canal-Side, Carrow Vale", ["9 Canal-Side"]),
        # (a hyphen inside the name, as before)
        ("at 6 Hartley-Brown Road", ["6 Hartley-Brown Road"]),
        ("in 14 Anti-Social Behaviour cases", []),
    ],
)
def test_finds_street_addresses(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "ADDRESS") == expected
