"""SocialHandleRecogniser (patterns/recognisers/contact.yml): @handles, not e-mails."""

from __future__ import annotations

from pathlib import Path

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.registry import load_recognisers

PATTERNS = Path(__file__).resolve().parents[2] / "patterns"
ENTITY = "SOCIAL_HANDLE"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    found = [r for r in load_recognisers(PATTERNS, []) if r.name == "SocialHandleRecogniser"]
    assert len(found) == 1
    return found[0]


def found(recogniser: EntityRecognizer, text: str) -> list[tuple[int, int, str]]:
    results = recogniser.analyze(text, [ENTITY], nlp_artifacts=None)
    assert all(r.entity_type == ENTITY for r in results)
    return [(r.start, r.end, text[r.start : r.end]) for r in sorted(results, key=lambda r: r.start)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Snapchat as @quarry_lad99.", [(15, 28, "@quarry_lad99")]),
        ("(@Westby.Girl)", [(1, 13, "@Westby.Girl")]),
        ("@handle_1 and @other", [(0, 9, "@handle_1"), (14, 20, "@other")]),
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
