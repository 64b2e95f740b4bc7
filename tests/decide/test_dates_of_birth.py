"""Dates of birth are always removed, never published as a month and year.

Runs detection and decision on small texts (the session detector). Every date is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings
from anonymiser.write.text import render_text


def anonymise(text: str, settings: Settings, detector: Detector) -> str:
    doc = document_from_text(text)
    decisions, _plan = analyse(doc, settings, detector)
    return render_text(doc, decisions.edits)


@pytest.mark.parametrize(
    "text",
    [
        # "date" and "birth" are context words of the two recognisers: both findings scored
        # 1.0 and the tie went to DATE, published as "(a date in April 2017)".
        "Child G. Date of birth: 03/04/2017. Address: not known.",
        "Dates: DOB 03.04.2017. Born 3/4/17.",
        "Grace's date of birth (3.4.17) was recorded wrongly.",
    ],
)
def test_a_date_of_birth_is_removed_not_generalised(text: str, settings: Settings, detector: Detector) -> None:
    out = anonymise(text, settings, detector)
    assert "2017" not in out and "April" not in out, out
    assert "(date of birth)" in out


# The model read "DOB" as an organisation: "Child A, (organisation): (date of birth)".
@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Child A, DOB: 31/03/2016, lives with her mother.", "Child A, DOB: (date of birth), lives with her mother."),
        ("D.O.B. 3/4/2015, address unknown.", "D.O.B. (date of birth), address unknown."),
    ],
)
def test_the_label_before_a_date_of_birth_is_kept(text: str, published: str, settings: Settings, detector: Detector) -> None:
    assert anonymise(text, settings, detector) == published
