"""EmailRecogniser (patterns/recognisers/contact.yml): our own, network-free e-mail pattern."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import load_one, spans

ENTITY = "EMAIL"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("EmailRecogniser")


def found(recogniser: EntityRecognizer, text: str) -> list[tuple[int, int, str]]:
    return spans(recogniser, text, ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("email jo.bloggs@example.org today", [(6, 27, "jo.bloggs@example.org")]),
        ("<m.o'rourke+cp@mail.example.org>", [(1, 31, "m.o'rourke+cp@mail.example.org")]),
        ("Contact: DUTY.TEAM@EXAMPLE.ORG.", [(9, 30, "DUTY.TEAM@EXAMPLE.ORG")]),
        ("a@example.org, b@example.org", [(0, 13, "a@example.org"), (15, 28, "b@example.org")]),
        # Stray spaces round the "@" (both sides, or after it only).
        ("mail tyler.b07 @ example.org now", [(5, 28, "tyler.b07 @ example.org")]),
        ("mail tyler.b07@ example.org now", [(5, 27, "tyler.b07@ example.org")]),
        # Spelled out, as read into a record.
        ("is tamsin dot price at example dot org now", [(3, 38, "tamsin dot price at example dot org")]),
        ("to j.smith at westmere dot gov dot uk", [(3, 37, "j.smith at westmere dot gov dot uk")]),
        # Brackets round "at" and "dot", and "AT" before a written domain: "marsh(at)example(dot)org"
        # and "kay.marsh" were published.
        ("Contact: kayleigh(dot)marsh(at)example(dot)org", [(9, 46, "kayleigh(dot)marsh(at)example(dot)org")]),
        ("e-mail kay.marsh AT example.org", [(7, 31, "kay.marsh AT example.org")]),
        ("or kay_marsh [at] example.co.uk.", [(3, 31, "kay_marsh [at] example.co.uk")]),
    ],
)
def test_finds_emails(recogniser: EntityRecognizer, text: str, expected: list) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "follow @westshire_cp",  # a handle, not an e-mail
        "meet @ 10:30",
        "www.example.org",
        "jo@localhost",  # no domain ending
        "she looked at home dot",  # "at" without a domain ending after a dot
        "guidance is published e.g. at gov.uk",  # "e.g." is no name
        "she looked at example.org",  # a lower-case "at" after a plain word
        "Year 6 at example.org",
        "he was at school at nine",
        # A handle after a word and a space: "as @kaydz.hb" was an e-mail address.
        "posted on TikTok as @kaydz.hb and",
        "messaged him @jay.k on Instagram",
    ],
)
def test_ignores_non_emails(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text) == []
