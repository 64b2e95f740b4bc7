"""Text that is already anonymised ("Child A", "Mother 2") stays, even where the model's span
takes in the full stop after it or runs on into the next sentence.

Runs the decide stage on hand-made findings (no model). Every name here is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.decide.decide import decide
from anonymiser.read.text import document_from_text
from anonymiser.records import Finding
from anonymiser.settings import Settings


def _redacted(text: str, part: str, settings: Settings) -> list[str]:
    (unit,) = document_from_text(text).units
    start = text.index(part)
    finding = Finding(0, start, start + len(part), part, "PERSON", 0.85, "spacy_model:PERSON")
    return [text[e.start : e.end] for e in decide([unit], [finding], settings).edits]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The review concerns Child A.", "Child A."),
        ("Then Child A. was seen by the nurse.", "Child A."),
        ("The review concerns Child A. She was four.", "Child A. She"),
        ("Mother 2. Her health visitor called.", "Mother 2. Her"),
    ],
)
def test_a_pseudonym_stays_with_its_full_stop_or_a_run_on_span(scr: Settings, text: str, span: str) -> None:
    assert _redacted(text, span, scr) == []


def test_a_name_the_span_ran_on_into_is_still_redacted(scr: Settings) -> None:
    text = "The review concerns Child A. Kayleigh Brannock was four."
    assert _redacted(text, "Child A. Kayleigh Brannock", scr) == ["Kayleigh Brannock"]


def test_a_real_name_with_a_code_like_ending_is_not_a_pseudonym(scr: Settings) -> None:
    text = "The review concerns Child Jo. She was four."
    assert _redacted(text, "Child Jo", scr) != []
