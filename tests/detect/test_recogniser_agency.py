"""agency_name (patterns/recognisers/institutions.yml): agencies named with a place
("Westmere Constabulary"), which scr keeps and strict masks. Every place is invented."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found, load_one

ENTITY = "AGENCY"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("agency_name")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Westmere Constabulary attended.", ["Westmere Constabulary"]),
        # The longest kind: "Community Health" is a kind too, and "NHS Trust" was left over.
        ("Westmere Community Health NHS Trust provides services.", ["Westmere Community Health NHS Trust"]),
        ("Kingsbridge County Council Children's Services said", ["Kingsbridge County Council Children's Services"]),
        # A title page or heading in capitals: strict published "WESTMERE" here and masked it
        # everywhere else.
        ("WESTMERE CONSTABULARY", ["WESTMERE CONSTABULARY"]),
        ("WESTMERE COMMUNITY HEALTH NHS TRUST", ["WESTMERE COMMUNITY HEALTH NHS TRUST"]),
        ("INDIVIDUAL MANAGEMENT REVIEW FOR WESTMERE COUNTY COUNCIL", ["WESTMERE COUNTY COUNCIL"]),
        ("REPORT TO THE SAFEGUARDING CHILDREN PARTNERSHIP", []),
        # Councils whose names join their places with "with" or "upon", and boroughs named
        # after their kind ("Blackburn with Darwen Borough Council" read "Person A with
        # Darwen Borough Council"; "The Royal Borough of Kensington and Chelsea" read
        # "(place) and Person A").
        ("Blackburn with Darwen Borough Council attended.", ["Blackburn with Darwen Borough Council"]),
        ("Kingston upon Hull City Council was told.", ["Kingston upon Hull City Council"]),
        ("BLACKBURN WITH DARWEN BOROUGH COUNCIL", ["BLACKBURN WITH DARWEN BOROUGH COUNCIL"]),
        ("The Royal Borough of Kensington and Chelsea made the referral.", ["Royal Borough of Kensington and Chelsea"]),
        ("the London Borough of Hackney Council", ["London Borough of Hackney Council"]),
        ("THE POLICE ATTENDED", []),
    ],
)
def test_finds_agencies(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected
