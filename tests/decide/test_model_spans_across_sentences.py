"""A model's entity that runs across a full stop into the next sentence ("Hepatitis C. The")
is cut at the sentence break: the next sentence's first word was replaced with it."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings
from tests.decide.handmade import finding, redacted, redactions


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # The model took these for one PERSON each, swallowing the next sentence's first word.
        ("She was diagnosed with Hepatitis C. The health visitor was not told.", "The health visitor was not told."),
        ("He had Hepatitis B. He was treated.", "He was treated."),
    ],
)
def test_the_next_sentence_keeps_its_first_word(settings: Settings, detector: Detector, text: str, kept: str) -> None:
    assert redacted(text, settings, detector).endswith(" " + kept)


def test_a_condition_cut_off_the_next_sentence_is_the_condition(settings: Settings, detector: Detector) -> None:
    text = "She was diagnosed with Hepatitis C. The health visitor was not told."
    assert redacted(text, settings, detector) == (
        "She was diagnosed with (a specific condition). The health visitor was not told."
    )


def _decide(text: str, part: str, settings: Settings, category: str = "PERSON") -> list[str]:
    from anonymiser.decide.decide import decide

    doc = document_from_text(text)
    f = finding(text, part, category, f"spacy_model:{'PERSON' if category == 'PERSON' else 'ORG'}", score=0.85)
    return redactions(text, decide(doc.units, [f], settings))


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        # A function word, or any word after a word that is no abbreviation, starts a sentence.
        ("Tyler Brown. The child was seen.", "Tyler Brown. The", ["Tyler Brown"]),
        ("Tyler Brown. He was seen.", "Tyler Brown. He", ["Tyler Brown"]),
        ("Tyler Brown! The child was seen.", "Tyler Brown! The", ["Tyler Brown"]),
        ("He met Tyler Brown. Mason Green was there too.", "Tyler Brown. Mason Green", ["Tyler Brown", "Mason Green"]),
        ("She had Hepatitis C. The nurse knew.", "Hepatitis C. The", ["Hepatitis C"]),
        # Titles and initials stay with the name after them.
        ("He saw Dr. Amir Hassan there.", "Dr. Amir Hassan", ["Dr. Amir Hassan"]),
        ("He saw J. Smith there.", "J. Smith", ["J. Smith"]),
        ("He saw J. A. Smith there.", "J. A. Smith", ["J. A. Smith"]),
        ("Mrs. Jones came.", "Mrs. Jones", ["Mrs. Jones"]),
    ],
)
def test_a_model_span_is_cut_at_a_sentence_break(
    settings: Settings, text: str, span: str, expected: list[str]
) -> None:
    assert _decide(text, span, settings) == expected


def test_an_organisation_is_cut_too(strict_settings: Settings) -> None:
    text = "It was reported to Acme Holdings. The police were told."
    assert _decide(text, "Acme Holdings. The", strict_settings, "ORGANISATION") == ["Acme Holdings"]
