"""strict trusts more of the model's guesses (model_guesses: proper), but not a heading's
first word or a sentence's first noun the model misread: "Background to the review" was a
place and "Scans showed" an ethnicity, in every strict output of the sample overview."""

from __future__ import annotations

import pytest

from anonymiser.decide.decide import decide
from anonymiser.settings import Settings
from tests.decide.handmade import finding, one_unit, redactions


@pytest.mark.parametrize(
    ("text", "part", "category", "label", "redacted"),
    [
        ("Background to the review", "Background", "LOCATION", "spacy_model:GPE", False),
        ("Scans showed bilateral bleeding.", "Scans", "ETHNICITY", "spacy_model:NORP", False),
        # A place or a nationality where it reads as one still counts.
        ("Turkey ratified the convention.", "Turkey", "LOCATION", "spacy_model:GPE", True),
        ("He moved to Turkey in 2019", "Turkey", "LOCATION", "spacy_model:GPE", True),
        ("Polish was his first language.", "Polish", "ETHNICITY", "spacy_model:NORP", True),
    ],
)
def test_strict_model_guesses_at_the_start_of_a_line(
    strict: Settings, text: str, part: str, category: str, label: str, redacted: bool
) -> None:
    findings = [finding(text, part, category, label, score=0.6)]
    assert redactions(text, decide([one_unit(text)], findings, strict)) == ([part] if redacted else [])
