from __future__ import annotations

import pytest

from anonymiser.decide.dates import is_month_and_year, month_and_year, month_and_year_range
from anonymiser.decide.decide import decide
from anonymiser.settings import Settings
from anonymiser.read.text import document_from_text
from anonymiser.write.text import render_text
from tests.decide.handmade import finding


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12th March 2019", "March 2019"),
        ("12 March 2019", "March 2019"),
        ("4th of November 2019", "November 2019"),
        ("Monday 4th November 2019", "November 2019"),
        ("12/03/2019", "March 2019"),
        ("12.03.19", "March 2019"),
        ("1-2-98", "February 1998"),
        ("March 12, 2019", "March 2019"),
        ("14 Apr. 2019", "April 2019"),
        ("12-14 March 2019", "March 2019"),  # a range of days in one month
        ("16/17 August 2021", "August 2021"),  # a night across two days
        ("2.12.21", "December 2021"),
        ("3 or 4 May 2019", "May 2019"),
        ("3rd and 4th May 2019", "May 2019"),
        ("12 or 13/06/2019", "June 2019"),
        ("03-May-2019", "May 2019"),  # as hospital and police systems print dates
        ("14/Aug/2019", "August 2019"),
        # Session 13: a system's year first, and a year cut to two digits after an
        # apostrophe, read "(date)" beside dates that said their month.
        ("2019-03-14", "March 2019"),
        ("14th Mar '19", "March 2019"),
        ("14 March \u201919", "March 2019"),
        ("2019-14-03", None),  # no 14th month
        ("4 November", None),  # no year: the descriptor is used instead
        ("March 2019", None),  # already month and year
        ("12/13/2019", None),  # no 13th month: not read as a UK date
        ("the following week", None),
    ],
)
def test_month_and_year(text: str, expected: str | None) -> None:
    assert month_and_year(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("March 2019", True), ("early June 2018", True), ("Sept 2019", True), ("12 March 2019", False), ("Hope 2019", False),
     ("autumn 2018", True), ("the summer of 2017", True), ("Summer Lane 2019", False)],
)
def test_is_month_and_year(text: str, expected: bool) -> None:
    assert is_month_and_year(text) is expected


# The model reads a period as one DATE. As a whole it has no month and year, so "September
# 2016 to 22 June 2019" read "(date)", and "September 2016 to June 2019", which scr
# publishes, was redacted too: the report lost the length of the period under review.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("September 2016 to 22 June 2019", "September 2016 to (a date in June 2019)"),
        ("from 3 March 2018 until 14 May 2019", "from (a date in March 2018) until (a date in May 2019)"),
        ("12 March 2019 - 3 April 2019", "(a date in March 2019) - (a date in April 2019)"),
        ("12/03/2019 to 14/05/2019", "(a date in March 2019) to (a date in May 2019)"),
        ("12 March to 3 April 2019", "(a date in March 2019) to (a date in April 2019)"),  # year from the end
        ("between March and 3 June 2019", "between March and (a date in June 2019)"),
        ("September 2016 to June 2019", None),  # no exact end: published as it is
        ("12 March 2019 to the following week", None),
        ("the 12th to the 14th", None),
    ],
)
def test_month_and_year_range(text: str, expected: str | None) -> None:
    assert month_and_year_range(text, "(a date in {})") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("September 2016 to June 2019", True), ("2016 to 2019", True), ("March 2018 - autumn 2019", True),
     ("September 2016 to 22 June 2019", False), ("March to June", False)],
)
def test_a_range_of_months_is_no_finer_than_a_month(text: str, expected: bool) -> None:
    assert is_month_and_year(text) is expected


def test_a_period_the_model_reads_as_one_date_keeps_its_months(settings: Settings, detector) -> None:
    from tests.decide.handmade import redacted

    text = "The review covers the period from the notification of the birth in September 2016 to 22 June 2019."
    assert redacted(text, settings, detector).endswith("in September 2016 to (a date in June 2019).")


# The model's DATE span may start with the paragraph's number or the word that leads to the
# date: "2.3 Between January and March 2020 Tobi was" lost its paragraph number to "(date)",
# and "11 times between October 2021 and April 2022" read "11 times (date) and April 2022"
# (scr publishes "October 2021"). Only the date is the finding.
@pytest.mark.parametrize(
    ("text", "part", "published"),
    [
        ("2.3 Between January and March 2020 Tobi was seen.", "2.3 Between January and March 2020", "2.3 Between"),
        ("She went missing 11 times between October 2021 and April 2022.", "between October 2021", "between October 2021"),
        ("He was seen from 12 March 2019 onwards.", "from 12 March 2019", "He was seen from (a date in March 2019) onwards."),
    ],
)
def test_model_date_span_leaves_out_what_leads_to_it(
    scr: Settings, text: str, part: str, published: str
) -> None:
    doc = document_from_text(text)
    decisions = decide(doc.units, [finding(text, part, "DATE", "spacy_model:DATE", score=0.6)], scr)
    output = render_text(doc, decisions.edits)
    assert published in output


@pytest.mark.parametrize(
    ("text", "part"),
    [
        # strict masks every date, with the words TAB marks as part of it; a time's hour is
        # no paragraph number.
        ("She went missing between October 2021 and April 2022.", "between October 2021 and April 2022"),
        ("He was arrested at 9.30 a.m. that day.", "9.30 a.m"),
    ],
)
def test_strict_masks_the_model_date_whole(strict: Settings, text: str, part: str) -> None:
    doc = document_from_text(text)
    decisions = decide(doc.units, [finding(text, part, "DATE", "spacy_model:DATE", score=0.6)], strict)
    assert [text[e.start : e.end] for e in decisions.edits] == [part]


@pytest.mark.parametrize("adverb", ["daily", "weekly", "fortnightly"])
def test_how_often_is_not_part_of_the_date(adverb: str, settings: Settings, detector) -> None:
    """The model ran a period on into "daily": the whole became "(date)" and the sentence
    lost how often he attended."""
    from tests.decide.handmade import redacted

    out = redacted(f"He attended 12 March 2019 - 3 April 2019 {adverb}.", settings, detector)
    assert out.endswith(f" {adverb}.") and "12 March" not in out and "3 April" not in out
