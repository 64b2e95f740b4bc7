"""NhsNumberRecogniser (anonymiser/detect/uk.py): shape plus the mod-11 check digit.

The NHS numbers here are made up; each valid one was generated to pass the checksum.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.uk import NhsNumberRecogniser

ENTITY = "NHS_NUMBER"


@pytest.fixture(scope="module")
def recogniser() -> NhsNumberRecogniser:
    return NhsNumberRecogniser()


def found(recogniser: NhsNumberRecogniser, text: str) -> list[tuple[int, int, str, float]]:
    results = recogniser.analyze(text, [ENTITY], nlp_artifacts=None)
    assert all(r.entity_type == ENTITY for r in results)
    return [
        (r.start, r.end, text[r.start : r.end], r.score)
        for r in sorted(results, key=lambda r: r.start)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NHS number 943 476 5919.", [(11, 23, "943 476 5919", 1.0)]),
        ("NHS no: 083-016-6130", [(8, 20, "083-016-6130", 1.0)]),
        # Dots as separators: the checksum is over the digits.
        ("NHS number 943.476.5919.", [(11, 23, "943.476.5919", 1.0)]),
        ("(1860913903)", [(1, 11, "1860913903", 1.0)]),
        # After its lead-in, in any grouping or straight after "no.": both were published.
        ("NHS no.943-476-5919 was given.", [(7, 19, "943-476-5919", 1.0)]),
        ("Hospital no K 445 129; NHS 943 4765 919.", [(27, 39, "943 4765 919", 1.0)]),
        # Broken across a line (a wrapped cell or note): "5919" on the next line was published.
        ("NHS no. 943 476\n5919", [(8, 20, "943 476\n5919", 1.0)]),
        ("NHS number: 943\n 476 5919", [(12, 25, "943\n 476 5919", 1.0)]),
        (
            "996 030 8243 and 628 194 8211",
            [(0, 12, "996 030 8243", 1.0), (17, 29, "628 194 8211", 1.0)],
        ),
    ],
)
def test_finds_valid_nhs_numbers(
    recogniser: NhsNumberRecogniser, text: str, expected: list
) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "NHS number 943 476 5918",  # wrong check digit
        "1860913904",
        "083 016-6130",  # mixed separators are not one number
        "0830166130123",  # part of a longer run of digits
        "01632 960123",  # a phone number
        "Children Act 1989, section 47",
        "£1,200 and 10:30",
    ],
)
def test_rejects_failing_checksums_and_other_numbers(
    recogniser: NhsNumberRecogniser, text: str
) -> None:
    assert found(recogniser, text) == []


def test_has_stable_name_and_entity(recogniser: NhsNumberRecogniser) -> None:
    assert recogniser.name == "NhsNumberRecogniser"
    assert recogniser.supported_entities == [ENTITY]
