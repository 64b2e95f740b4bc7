"""SocialHandleRecogniser (patterns/recognisers/contact.yml): @handles, not e-mails."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from tests.detect.recognisers import load_one, spans

ENTITY = "SOCIAL_HANDLE"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("SocialHandleRecogniser")


def found(recogniser: EntityRecognizer, text: str) -> list[tuple[int, int, str]]:
    return spans(recogniser, text, ENTITY)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Snapchat as @quarry_lad99.", [(15, 28, "@quarry_lad99")]),
        ("(@Westby.Girl)", [(1, 13, "@Westby.Girl")]),
        ("@handle_1 and @other", [(0, 9, "@handle_1"), (14, 20, "@other")]),
        # Without the @, after its lead-in: "Snapchat username was katiexox99." was published.
        ("username was katiexox99.", [(13, 23, "katiexox99")]),
        ("gamertag: DarkLord_77", [(10, 21, "DarkLord_77")]),
        ("The username is not known.", []),
        # After the platform's name and a colon: "kay.marsh99" and "kay.marsh.9" were published.
        ("Instagram @kaymarsh_99 and Snapchat: kay.marsh99.", [(10, 22, "@kaymarsh_99"), (37, 48, "kay.marsh99")]),
        ("FB: kay.marsh.9", [(4, 15, "kay.marsh.9")]),
        ("TikTok: kaymarsh.99; Facebook name Kay Marsh.", [(8, 19, "kaymarsh.99")]),
        ("Snapchat: not known", []),
        ("Her Instagram account, kaymarsh_99, was private.", [(23, 34, "kaymarsh_99")]),
        ("Snapchat name: tylerb_07.", [(15, 24, "tylerb_07")]),
        ('He went by the name "kingT_07" on Xbox Live.', [(21, 29, "kingT_07")]),
        ("Her Instagram account was private.", []),
        ("Her username on TikTok is kay.marsh.99.", [(26, 38, "kay.marsh.99")]),
        ("Discord user tyler#0451 sent the messages.", [(13, 23, "tyler#0451")]),
        ("on Facebook: she posted twice", []),
    ],
)
def test_finds_handles(recogniser: EntityRecognizer, text: str, expected: list) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "jo.bloggs@example.org",
        "meet @ 10:30",
        "meet @10:30",  # handles start with a letter or underscore
    ],
)
def test_ignores_non_handles(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text) == []
