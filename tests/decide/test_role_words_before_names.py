"""A role word before a name: not part of the name, and not written twice beside its label."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings


def redacted(text: str, settings: Settings, detector: Detector) -> str:
    decision, _ = analyse(document_from_text(text), settings, detector)
    for edit in sorted(decision.edits, key=lambda e: -e.start):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The model reads the role word as part of the name; the case file names the person.
        ("Child Kian Marsh was seen.", "Child F was seen."),
        ("CHILD KIAN", "Child F"),
        ("Mother Kayleigh said so.", "Mother said so."),
        ("Maternal grandmother Denise Marsh came.", "Maternal grandmother came."),
        ("The social worker Jane Hill visited.", "The Social Worker 1 visited."),
        # A role word that is not the label's stays.
        ("Baby Kian was seen.", "Baby Child F was seen."),
        # A name in apposition to the words of its own label goes, with its commas.
        (
            "in the care of his mother\u2019s partner, Connor Brightwell, when he collapsed.",
            "in the care of his mother\u2019s partner when he collapsed.",
        ),
        ("He met Kian's father, Piotr Zielinski, with an interpreter.", "He met Child F's father with an interpreter."),
        ("He lived with his father, Piotr Zielinski.", "He lived with his father."),
        # Apposition to other words keeps the label.
        ("Her mother, Denise Marsh, came.", "Her mother, Maternal grandmother, came."),
    ],
)
def test_role_words_before_a_name(case_settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, case_settings, detector) == expected
