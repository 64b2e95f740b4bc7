"""UkPhoneRecogniser (anonymiser/detect/uk.py): libphonenumber with region GB.

Numbers are from Ofcom's drama ranges (01632 960xxx, 07700 900xxx, 020 7946 0xxx,
0113 496 0xxx) or are well-known fictional US forms.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.uk import UkPhoneRecogniser, zeros_for_letter_o
from tests.detect.recognisers import found as found_by
from tests.detect.recognisers import load_one

ENTITY = "PHONE"
VALID = UkPhoneRecogniser.VALID_SCORE
UK_SHAPED = UkPhoneRecogniser.UK_SHAPED_SCORE


@pytest.fixture(scope="module")
def recogniser() -> UkPhoneRecogniser:
    return UkPhoneRecogniser()


def found(recogniser: UkPhoneRecogniser, text: str) -> list[tuple[int, int, str, float]]:
    results = recogniser.analyze(text, [ENTITY], nlp_artifacts=None)
    assert all(r.entity_type == ENTITY for r in results)
    return [
        (r.start, r.end, text[r.start : r.end], r.score)
        for r in sorted(results, key=lambda r: r.start)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Call 020 7946 0123 today", [(5, 18, "020 7946 0123", VALID)]),
        ("tel: 0113 496 0000.", [(5, 18, "0113 496 0000", VALID)]),
        ("+44 (0)20 7946 0321", [(0, 19, "+44 (0)20 7946 0321", VALID)]),
        ("+44 20 7946 0999", [(0, 16, "+44 20 7946 0999", VALID)]),
        # Drama-range numbers are not allocated, so libphonenumber calls them invalid; they
        # are still written like UK numbers and are proposed at the lower score.
        ("mobile 07700 900123", [(7, 19, "07700 900123", UK_SHAPED)]),
        ("(01632) 960123", [(0, 14, "(01632) 960123", UK_SHAPED)]),
        ("+44 7700 900456", [(0, 15, "+44 7700 900456", UK_SHAPED)]),
        ("x / 0044 20 7946 0999", [(4, 21, "0044 20 7946 0999", VALID)]),  # no leading space
        (
            "020 7946 0123 or 07700 900789",
            [(0, 13, "020 7946 0123", VALID), (17, 29, "07700 900789", UK_SHAPED)],
        ),
    ],
)
def test_finds_uk_phone_numbers(recogniser: UkPhoneRecogniser, text: str, expected: list) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "(202) 555-0143",  # US domestic format
        "202-555-0143",
        "under section 47 1989",
        "Children Act 1989, section 47",
        "NHS number 943 476 5919",
        "Seen on 12/03/2019 at 10:30",
        "paid £1,200 in 2019",
        "2 of the 3 children",
    ],
)
def test_ignores_other_numbers(recogniser: UkPhoneRecogniser, text: str) -> None:
    assert found(recogniser, text) == []


def test_returns_nothing_when_phone_not_requested(recogniser: UkPhoneRecogniser) -> None:
    assert recogniser.analyze("020 7946 0123", ["EMAIL"], nlp_artifacts=None) == []


def test_has_stable_name_and_entity(recogniser: UkPhoneRecogniser) -> None:
    assert recogniser.name == "UkPhoneRecogniser"
    assert recogniser.supported_entities == [ENTITY]


# The recogniser hands libphonenumber only the stretches of text with seven or more digits
# close together. Whatever it finds must be what libphonenumber finds in the whole text.
WHOLE_TEXTS = [
    "Call 01632 960123 or +44 (0) 20 7946 0123 ext. 45; mobile 07700 900 123.",
    "Tel: 0113 496 0000, fax 0113-496-0001, or +44 7700 900456 (mobile), then 999.",
    "Born 12/03/2019; case WC/12345/19; paragraph 4.12; 2019/20; NHS 943 476 5919.",
    "Numbers run on: 01632960123 and 020 7946 0999 and (01632) 960 456, +1 (202) 555-0143.",
    "Abroad: +33 1 23 45 67 89, +353 1 234 5678, +290 2345; in the text x07700900789x.",
]


@pytest.mark.parametrize("text", WHOLE_TEXTS)
def test_windows_find_what_the_whole_text_gives(recogniser: UkPhoneRecogniser, text: str) -> None:
    whole = recogniser._analyse_window(text, 0, len(text))
    expected = sorted((r.start, r.end, r.score) for r in whole)
    assert sorted((r.start, r.end, r.score) for r in recogniser.analyze(text, [ENTITY])) == expected


def test_an_opening_bracket_before_a_number_stays(recogniser: UkPhoneRecogniser) -> None:
    # libphonenumber takes "(" for an area code's bracket: "(07700 900 127)" became
    # "(phone number))", the opening bracket eaten.
    text = "Kian's phone number (07700 900 127) was added."
    assert [text[r.start : r.end] for r in recogniser.analyze(text, ["PHONE"])] == ["07700 900 127"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An internal extension in a contact block: "(tel ext 4412)" was published.
        ("chaired by TM Lucy Baird (tel ext 4412).", ["4412"]),
        ("Sarah Lyle, SSW, ext. 4412, sarah.lyle@example.org", ["4412"]),
        ("Extension number: 20315", ["20315"]),
        ("an extension to the assessment of 20 days", []),
        ("the extension 12 weeks", []),
    ],
)
def test_finds_extensions(text: str, expected: list[str]) -> None:
    extension = load_one("PhoneExtensionRecogniser")
    assert found_by(extension, text, "PHONE") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A letter O typed for a zero, among digits only: a zero.
        ("07700 9OO 127", "07700 900 127"),
        ("O7700 900127", "07700 900127"),
        ("tel 0161 496 O734.", "tel 0161 496 0734."),
        # An O beside another letter, or with no digit beside it, is a letter.
        ("NO 2 Room 3, Oswald 4", "NO 2 Room 3, Oswald 4"),
        ("O2O2x and 4Ox", "O2O2x and 4Ox"),
        # Read as digits, but alone never a phone number's shape: nothing more is found.
        ("the O2 shop", "the 02 shop"),
    ],
)
def test_letter_o_among_digits_is_read_as_zero(text: str, expected: str) -> None:
    assert zeros_for_letter_o(text) == expected


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # libphonenumber reads its own candidates, and a date, a time or another number
        # beside a phone number spoiled the candidate: the whole phone number was published.
        ("Kian Marsh      03/05/2015    07700 900127", "07700 900127"),
        ("07700 900127 03/05/2015", "07700 900127"),
        ("14:30 07700 900127 rang", "07700 900127"),
        ("page 2 07700 900127", "07700 900127"),
        ("Tel 01632 960123 07700 900127", "01632 960123"),
        # A number broken at a line's end inside a paragraph.
        ("Mobile 07700\n900127", "07700\n900127"),
    ],
)
def test_finds_a_uk_number_beside_other_numbers(recogniser: UkPhoneRecogniser, text: str, number: str) -> None:
    assert number in [t for _, _, t, _ in found(recogniser, text)]


@pytest.mark.parametrize(
    "text",
    [
        "Case number: 0012345678",  # no UK number starts 00 without a country code
        "Log 0451-12032019 refers",  # eleven digits after the 0: a log and a date
        "on 02.05.2015 at 0930",
    ],
)
def test_the_uk_shape_takes_no_other_numbers(recogniser: UkPhoneRecogniser, text: str) -> None:
    assert found(recogniser, text) == []
