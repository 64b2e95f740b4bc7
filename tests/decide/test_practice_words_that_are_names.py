"""Practice words that are also first names are not people where the words around them say
they are practice: a RAG rating after "Status:", "Rating:" or "RAG:" ("Status: AMBER"), and
"the Grace period". They read "Status: Person A. The Person B period had ended." A first name
elsewhere is still a person. Every name is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    "text",
    [
        "Status: AMBER. The Grace period had ended.",
        "Status: Amber.",
        "RAG: GREEN. Rating: RED.",
        "RAG rating: Amber",
        "The referral was RAG rated Amber by the MASH.",
        "Risk rating: Amber",
        "The grace period had ended.",
    ],
)
def test_practice_words_are_not_people(text: str, each_policy: tuple[Settings, Detector]) -> None:
    assert redacted(text, *each_policy) == text


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Amber said the status was fine.", "Person A said the status was fine."),
        ("Status: Amber said she was fine.", "Status: Person A said she was fine."),
        ("Grace said the period had ended.", "Person A said the period had ended."),
    ],
)
def test_the_same_words_as_names_are_people(text: str, published: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == published


@pytest.mark.parametrize(
    "text",
    [
        "Police carried out a Dawn raid.",
        "An Amber warning was issued.",
        "Frank discussions took place between agencies.",
    ],
)
def test_names_in_phrases_of_practice_are_words(text: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == text
