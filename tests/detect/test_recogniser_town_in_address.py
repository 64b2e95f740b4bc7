"""town_in_address (patterns/recognisers/addresses.yml): the town of a postal address, between
its street and its postcode, which was published between the redacted street and postcode;
and an address written as a block, a line each."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted
from tests.detect.recognisers import found, load_one


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("town_in_address")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A county after the town: "Westshire" was published between the town and postcode.
        ("Address at the time: 22 Larch Grove, Hollinsby, Westshire WM4 7QT.", ["Hollinsby, Westshire"]),
        ("with her grandmother at 6 Thomas Brereton Way, Brindlecombe WM9 2HD.", ["Brindlecombe"]),
        ("She moved to 14 Larch Close, Hollinsby, WM4 7QT in 2018.", ["Hollinsby"]),
        ("He lived at 2 Mill Lane, Great Ashby St Giles, WM1 4QT.", ["Great Ashby St Giles"]),
        ("Flat 2, 9 Quarry Rd, Upper Denholt DN7 3QX", ["Upper Denholt"]),
        ("at 9 Canal Side, Carrow Vale, WM3 1AB", ["Carrow Vale"]),
        ("Flat 2, Tallis House, Marsh Street, Kettlebrook KB3 2QT", ["Kettlebrook"]),
        # An address written as a block: the town is the line between street and postcode,
        # in one paragraph or in three (the detector puts "\n\x1f" between paragraphs).
        ("Flat 3, Harcourt House\nMill Lane\nHarrowfold\nWM3 9QT", ["Harrowfold"]),
        ("Mill Lane,\n\x1fHarrowfold\n\x1fWM3 9QT", ["Harrowfold"]),
        # With no street word above it, the town's line just before the postcode's: "Flat 3 /
        # Harrowfold / WM3 9QT" published "Harrowfold".
        ("Flat 3\nHarrowfold\nWM3 9QT", ["Harrowfold"]),
        ("The Paddocks,\n\x1fGreat Ashby\n\x1fWM1 4QT", ["Great Ashby"]),
        # No postcode after it: a sentence may go on after a street.
        ("at 3 Mill Lane, Denise said she was scared", []),
        # A town after a numbered street and a comma, ending the clause: published beside the
        # redacted street ("moved to 14 Ashcombe Row, Kingsbridge.").
        ("She moved to 14 Larch Close, Hollinsby, in 2018.", ["Hollinsby"]),
        ("They moved to 14 Ashcombe Row, Kingsbridge.", ["Kingsbridge"]),
        ("They lived at 27 Harbour View, Newton Abbot; the house was cold.", ["Newton Abbot"]),
        ("at 3 Mill Lane, Denise Marsh said", []),
        # No house number: "the Avenue" of a sentence is no address.
        ("They met on Mill Lane, Hollinsby.", []),
        # A postcode with no street before it: nothing to place the words in.
        ("Denise Marsh WM9 2HD", []),
        ("in the meeting, Social Care WM9 2HD", []),
    ],
)
def test_finds_the_town_of_an_address(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "LOCATION") == expected


@pytest.fixture(scope="module")
def street() -> EntityRecognizer:
    return load_one("street_name")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flat 3, Harcourt House\nMill Lane\nHarrowfold\nWM3 9QT", ["Mill Lane"]),
        # A named house's line above a street's is the address's too.
        ("Harcourt House,\n\x1fMill Lane,\n\x1fHarrowfold", ["Harcourt House", "Mill Lane"]),
        ("lived on Ashcombe Row since 2017", ["Ashcombe Row"]),
        # After "visited", "past", "outside": "visited Mill Lane" read "visited Person A"
        # beside a health visitor called Sarah Lane.
        ("The health visitor visited Mill Lane.", ["Mill Lane"]),
        ("She walked past Green Lane.", ["Green Lane"]),
        # A street's words inside a sentence, with no word of place before them, are not one.
        ("The Mill Lane project closed.", []),
        # A flat's number on a line of its own in an address block, or after the label:
        # "Flat 3" was published. In a sentence it names no building.
        ("Flat 3\nHarrowfold\nWM3 9QT", ["Flat 3"]),
        ("Address: Flat 3B\nThe Paddocks", ["Flat 3B", "The Paddocks"]),
        ("Ashcombe House\n\x1fApartment 12,\n\x1fMill Lane", ["Apartment 12", "Mill Lane"]),
        ("She lived in Flat 3 with her partner.", []),
    ],
)
def test_a_street_on_a_line_of_its_own(street: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(street, text, "ADDRESS") == expected


def test_an_address_block_is_redacted_line_by_line(settings: Settings, detector: Detector) -> None:
    # The numbered-address pattern took "3, Harcourt House\nMill Lane" across the line end;
    # cut to its first line, "Mill Lane" was published, and "Harrowfold" read as a person.
    text = "Flat 3, Harcourt House\nMill Lane\nHarrowfold\nWM3 9QT"
    assert redacted(text, settings, detector) == "(address)\n(address)\n(place)\n(postcode)"
    # With no street between, the flat's line and the town's: both were published.
    assert redacted("Flat 3\nHarrowfold\nWM3 9QT", settings, detector) == "(address)\n(place)\n(postcode)"
