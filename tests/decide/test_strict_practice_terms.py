"""strict and practice terms the model reads as names or dates: the Healthy Child Programme's
contacts ("the 8-week contact", "Kian's two-year review", "the 20-week scan") had their number
masked as a date, in the sample drafts.
A length of time that is the case's own ("a two-week absence") stays masked.

Runs the decide stage on hand-made findings (no model). Every text here is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.decide.decide import decide
from anonymiser.settings import Settings
from tests.decide.handmade import finding, one_unit, redactions


@pytest.mark.parametrize(
    ("text", "part", "category", "label"),
    [
        ("At the 8-week contact Ms Marsh scored 17.", "8-week", "DATE", "spacy_model:DATE"),
        ("Kian's two-year review was due in the autumn.", "two-year", "DATE", "spacy_model:DATE"),
        ("Two-year review by the health visitor.", "Two-year", "DATE", "spacy_model:DATE"),
        ("His cleft was found at the 20-week scan.", "20-week", "DATE", "spacy_model:DATE"),
        ("She brought Riley to clinic for his 6–8 week check.", "6–8 week", "DATE", "spacy_model:DATE"),
    ],
)
def test_practice_terms_are_not_masked(strict: Settings, text: str, part: str, category: str, label: str) -> None:
    guess = finding(text, part, category, label)
    assert redactions(text, decide([one_unit(text)], [guess], strict)) == []


@pytest.mark.parametrize(
    ("text", "part", "category", "label"),
    [
        ("After a two-week absence he returned to nursery.", "two-week", "DATE", "spacy_model:DATE"),
        ("He received a two-year sentence.", "two-year", "DATE", "spacy_model:DATE"),
    ],
)
def test_the_case_own_details_stay_masked(strict: Settings, text: str, part: str, category: str, label: str) -> None:
    guess = finding(text, part, category, label, score=0.9)
    assert redactions(text, decide([one_unit(text)], [guess], strict)) == [part]
