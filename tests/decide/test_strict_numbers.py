"""The strict policy and the model's DATE guesses that are bare numbers: the number of an
article, rule or law is not a date; a year, or a number with a month, still is.

Runs the decide stage on hand-made findings (no model). Every text here is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.decide.decide import decide
from anonymiser.settings import Settings
from tests.decide.handmade import finding, one_unit, redactions


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("The complaint relied on Articles 8 and 14 of the Convention.", "14"),
        ("The panel applied Rule 39 of the rules of procedure.", "39"),
        ("He was charged under section 5 of Law no. 2871.", "2871"),
    ],
)
def test_strict_does_not_take_a_provision_number_for_a_date(strict: Settings, text: str, part: str) -> None:
    guess = finding(text, part, "DATE", "spacy_model:DATE")
    assert redactions(text, decide([one_unit(text)], [guess], strict)) == []


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("The family moved to the town in 1987.", "1987"),
        ("The hearing was fixed for 14 March.", "14 March"),
        ("She stayed for 3 weeks.", "3 weeks"),
    ],
)
def test_strict_still_masks_years_and_dates(strict: Settings, text: str, part: str) -> None:
    guess = finding(text, part, "DATE", "spacy_model:DATE")
    assert redactions(text, decide([one_unit(text)], [guess], strict)) == [part]
