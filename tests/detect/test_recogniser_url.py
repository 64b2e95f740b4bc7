"""UrlRecogniser (patterns/recognisers/contact.yml): network-free web addresses."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import found as found_by
from tests.detect.recognisers import load_one

ENTITY = "URL"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("UrlRecogniser")


def found(recogniser: EntityRecognizer, text: str) -> list[str]:
    return found_by(recogniser, text, ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "see https://www.example.org/reviews/child-a.pdf.",
            ["https://www.example.org/reviews/child-a.pdf"],
        ),
        # An IP address found on a device; the log gave it and it was published.
        ("IP address 192.168.14.201 was linked to the account.", ["192.168.14.201"]),
        ("logged from IP 10.0.0.12 at 02:14", ["10.0.0.12"]),
        ("(http://example.org/page?id=4)", ["http://example.org/page?id=4"]),
        ("at www.westshirescp.org.uk, the", ["www.westshirescp.org.uk"]),
        ("westshirescp.org.uk/reviews is", ["westshirescp.org.uk/reviews"]),
        ("posted on example.com.", ["example.com"]),
    ],
)
def test_finds_urls(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "jo.bloggs@example.org",  # the domain of an e-mail is not a separate URL
        "e.g. the GP, i.e. Dr. Smith",
        "paragraph 4.12 and 1.2.3",
        "see paragraph 4.1.2.3 of the guidance",  # a deep paragraph number
        "Mr.Jones",
    ],
)
def test_ignores_non_urls(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text) == []
