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


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # An age the law draws a line at, not anyone's date or age: "rape of a child under 16"
        # read "rape of a child (date)".
        ("He was convicted of rape of a child under 16.", "under 16"),
        ("The girl was aged under 13 at the time.", "aged under 13"),
        ("Sexual activity with a child under 13 is an offence.", "under 13"),
        ("Services for children under 5 were reduced.", "under 5"),
        ("Young people over 18 move to adult services.", "over 18"),
        ("Free places are offered to under 2s.", "under 2s"),
        ("Nobody under the age of 16 may consent.", "under the age of 16"),
    ],
)
def test_strict_does_not_take_an_age_limit_for_a_date(strict: Settings, text: str, part: str) -> None:
    guess = finding(text, part, "DATE", "spacy_model:DATE")
    assert redactions(text, decide([one_unit(text)], [guess], strict)) == []


@pytest.mark.parametrize(
    ("text", "part", "recogniser"),
    [
        # A length of time after "under" is still one, and a date is a date.
        ("She was under 16 weeks pregnant.", "under 16 weeks", "spacy_model:DATE"),
        ("The boy was under 2 years old.", "under 2 years old", "spacy_model:DATE"),
        ("The strategy meeting was held ON 16 MAY.", "16 MAY", "UkDateRecogniser"),
        ("They lived there until 2016.", "2016", "spacy_model:DATE"),
        ("The case was open for over 18 months.", "over 18 months", "spacy_model:DATE"),
    ],
)
def test_strict_still_masks_lengths_of_time_after_under(strict: Settings, text: str, part: str, recogniser: str) -> None:
    guess = finding(text, part, "DATE", recogniser)
    assert redactions(text, decide([one_unit(text)], [guess], strict)) == [part]


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # A paragraph's number, which the model read as a percentage: "1.5 Methodology" and
        # "4.13" were "(quantity)" in every strict output of the sample health IMR.
        ("1.5 Methodology", "1.5 Methodology"),
        ("4.13 Safeguarding supervision", "4.13"),
        ("2.9 Contact details held by agencies were her mobile.", "2.9 Contact"),
    ],
)
def test_strict_does_not_take_a_paragraph_number_for_a_quantity(strict: Settings, text: str, part: str) -> None:
    guess = finding(text, part, "QUANTITY", "spacy_model:PERCENT")
    assert redactions(text, decide([one_unit(text)], [guess], strict)) == []


@pytest.mark.parametrize(
    ("text", "part", "label"),
    [
        ("The MASH was managing a 40 per cent increase in contacts.", "40 per cent", "spacy_model:MONEY"),
        ("He lived about 400 metres from the bridge.", "about 400 metres", "spacy_model:QUANTITY"),
        ("2.4 He lived 1.5 miles away.", "1.5 miles", "spacy_model:QUANTITY"),
        # (The sign is left outside the mask, as any sign at a guess's end.)
        ("12.5% of the referrals were repeats.", "12.5%", "spacy_model:PERCENT"),
    ],
)
def test_strict_still_masks_quantities(strict: Settings, text: str, part: str, label: str) -> None:
    guess = finding(text, part, "QUANTITY", label)
    assert redactions(text, decide([one_unit(text)], [guess], strict)) == [part.rstrip("%")]


def test_strict_still_masks_a_date_with_dots_that_opens_a_paragraph(strict: Settings) -> None:
    text = "12.03.2019 Home visit by the health visitor."
    guess = finding(text, "12.03.2019", "DATE", "spacy_model:DATE")
    assert redactions(text, decide([one_unit(text)], [guess], strict)) == ["12.03.2019"]


@pytest.mark.parametrize(
    ("text", "part", "masked"),
    [
        # The model's dates can run on into the word that joins them to the next: "In 1996,
        # 1997 and 1998" masked "and" with the first two years.
        ("In 1996, 1997 and 1998 the trial was adjourned.", "1996, 1997 and", "1996, 1997"),
        ("In March 1993, September 1993 and March 1994 they wrote.", "March 1993, September 1993 and", "March 1993, September 1993"),
        # A date still waiting for its year, or a range, keeps it: one date with what follows.
        ("Appointments on 29 May and 12 June 2019 were missed.", "29 May and", "29 May and"),
        ("for the period between 1975 and 1983", "the period between 1975 and", "the period between 1975 and"),
        ("from 1990 to 1995", "from 1990 to", "from 1990 to"),
        # A joining word inside the date stays in it.
        ("between 26 June and 3 November 1992", "between 26 June and 3 November 1992", "between 26 June and 3 November 1992"),
    ],
)
def test_strict_date_guess_loses_a_joining_word_at_its_end(strict: Settings, text: str, part: str, masked: str) -> None:
    guess = finding(text, part, "DATE", "spacy_model:DATE")
    assert redactions(text, decide([one_unit(text)], [guess], strict)) == [masked]
