"""employer_name (patterns/recognisers/institutions.yml): where a parent works, after a word of
working and "at", "for" or "by". "Father was employed by Hargreaves Haulage Ltd" and "worked
nights at the Amazon warehouse" were published."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted
from tests.detect.recognisers import found, load_one


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("employer_name")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Father was employed by Hargreaves Haulage Ltd.", ["Hargreaves Haulage Ltd"]),
        ("Mother worked nights at the Amazon warehouse.", ["Amazon"]),
        ("She worked part-time at the Co-op.", ["Co-op"]),
        ("He had a job at Greggs.", ["Greggs"]),
        ("He worked at Sainsbury's in town.", ["Sainsbury's"]),
        ("She volunteered at Kingsbridge Foodbank & Pantry", ["Kingsbridge Foodbank & Pantry"]),
        # Not a season, a day, a level, a title or a family word; not after "with".
        ("He worked at Christmas and at Easter.", []),
        ("Agencies worked at Level 3 of the threshold.", []),
        ("She worked for Mr Hill on the farm.", []),
        ("She worked with Mother on the plan.", []),
        # A person's possessive before a family word is the person's, not an employer.
        ("She worked for Kian's father.", []),
        # Lower case after the lead-in: no name.
        ("He worked at a local supermarket.", []),
    ],
)
def test_finds_the_employer(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "ORGANISATION") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Father was employed by Hargreaves Haulage Ltd.", "Father was employed by (organisation)."),
        ("Mother worked at Tesco.", "Mother worked at (organisation)."),
        # An agency the keep list holds is still kept under scr.
        (
            "She worked for Westshire County Council as a cleaner.",
            "She worked for Westshire County Council as a (occupation).",
        ),
        ("She worked for the NHS.", "She worked for the NHS."),
    ],
)
def test_the_employer_is_redacted_for_review(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, settings, detector) == expected
