"""Dates and ages in brackets after a person's name.

A family list's bracketed date ("Kian Marsh (03/05/2015)") is the person's date of birth:
always removed, never published as its month and year. A bracketed date after a
practitioner ("Dr Patel (03/05/2019)"), a letter or a meeting is the date of that event:
scr publishes its month and year, as for any date. An age in brackets after a name
("Alfie-James (8)") is an age, treated as "aged 8" is; a bracketed number elsewhere
("paragraph (8)") stays. Runs the session detector; every name and date is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "birth_dates"),
    [
        ("Children: Kian Marsh (03/05/2015), Mia Marsh (12/11/2017).", ["2015", "2017"]),
        ("Mother - Kayleigh Marsh (14.03.1991)", ["1991"]),
        ("Mother – Kayleigh Marsh (14.03.1991), Father – Piotr Zielinski (02/02/1988)", ["1991", "1988"]),
        ("The family: Jayden Price (4 June 2016) and his sister Ruby Price (21.09.2018).", ["2016", "2018"]),
        ("Subject child: Tyler Mason (03/05/2015)", ["2015"]),
        ("Mr Darren Holloway (12/04/1989) is the father of the children.", ["1989"]),
        ("his sister (12/11/2017) was at home", ["2017"]),
        ("Mother (14.03.1991) and Child A (03/05/2015) lived at the flat.", ["1991", "2015"]),
        ("Siblings:\nMia Marsh (12/11/2017)\nLeo Marsh (05/01/2020)", ["2017", "2020"]),
    ],
)
def test_a_bracketed_date_after_a_family_member_is_a_date_of_birth(
    text: str, birth_dates: list[str], settings: Settings, detector: Detector
) -> None:
    out = redacted(text, settings, detector)
    assert not any(year in out for year in birth_dates), out
    assert "(date of birth)" in out, out


@pytest.mark.parametrize(
    ("text", "month"),
    [
        ("Dr Patel (03/05/2019) wrote to the school.", "May 2019"),
        ("There was a letter from the GP (12/04/2019) about the bruise.", "April 2019"),
        ("At the strategy meeting (03/05/2019) the plan was agreed.", "May 2019"),
        ("The Initial Child Protection Conference (12/03/2019) made a plan.", "March 2019"),
        ("PC Grainger (03/05/2019) recorded the incident.", "May 2019"),
        ("the social worker, Jane Hill (03/05/2019), visited.", "May 2019"),
        ("A referral from Westmere Constabulary (03/05/2019) was received.", "May 2019"),
    ],
)
def test_a_bracketed_date_after_a_practitioner_or_an_event_keeps_its_month(
    text: str, month: str, settings: Settings, detector: Detector
) -> None:
    out = redacted(text, settings, detector)
    assert "(date of birth)" not in out, out
    assert month in out, out


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Alfie-James (8) was seen at school.", "(8)"),
        ("Kian (3 yrs) was at home.", "3 yrs"),
        ("Tyler Mason (14 months) was at home.", "14 months"),
        ("Mia Marsh (4 years old) and Leo Marsh (6 weeks) were seen.", "6 weeks"),
        ("Children: Jayden Price (8), Ruby Price (5)", "(5)"),
    ],
)
def test_an_age_in_brackets_after_a_name_is_an_age(
    text: str, age: str, settings: Settings, detector: Detector
) -> None:
    out = redacted(text, settings, detector)
    assert age not in out, out
    assert "(age)" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "See paragraph (8) and section 47 (8).",
        "Recommendation (8) was accepted.",
        "Working Together (2018) sets out the duties.",
        "Westmere Safeguarding Children Partnership (3) agreed the plan.",
        # A reference's number in square brackets after an author.
        "Munro [8] and Brandon [12] describe the risks.",
    ],
)
def test_a_bracketed_number_that_is_not_an_age_stays(text: str, settings: Settings, detector: Detector) -> None:
    out = redacted(text, settings, detector)
    assert "(age)" not in out, out


# From a red-team pass over family lists, subject lines, attendance lists and letters cited
# with dates: each published a month and year of birth (or death), or an age, before.
@pytest.mark.parametrize(
    ("text", "leak", "replacement"),
    [
        # A family row typed as text: the date after a comma or dash, ending the row.
        ("Re: Jayden Price, 04/06/2016", "June 2016", "(date of birth)"),
        ("Mother: Kayleigh Marsh, 14/03/1991", "March 1991", "(date of birth)"),
        ("Mother: Kayleigh Marsh - 14/03/1991", "March 1991", "(date of birth)"),
        ("Marsh, Kian – 03/05/2015", "May 2015", "(date of birth)"),
        # Square brackets, a bracket of several items, a role in a bracket of its own.
        ("Kayleigh Marsh [14/03/1991] mother", "March 1991", "(date of birth)"),
        ("Connor Brightwell (mother's partner, 22/07/1990)", "July 1990", "(date of birth)"),
        ("Connor Brightwell (22/07/1990, mother's partner)", "July 1990", "(date of birth)"),
        ("Kian Marsh (male, 03/05/2015)", "May 2015", "(date of birth)"),
        ("Denise Marsh (maternal grandmother) (08/08/1965)", "August 1965", "(date of birth)"),
        # A name the model found in lower case.
        ("kian marsh (03/05/2015)", "May 2015", "(date of birth)"),
        # A life's span: the dates of birth and death.
        ("Baby Leo Marsh (05/01/2020 - 19/03/2020) died aged ten weeks.", "January 2020", "(date of birth)"),
        ("Baby Leo Marsh (05/01/2020 - 19/03/2020) died aged ten weeks.", "March 2020", "(date of death)"),
        # "born" or "died" and words, then the date in brackets.
        ("Mia was born in hospital (12/11/2017).", "November 2017", "(date of birth)"),
        ("Leo died in hospital (19/03/2020) after the collapse.", "March 2020", "(date of death)"),
        # Ages: two units, a number in words, after a comma, among other items, after a label.
        ("Kian Marsh (3y 9m)", "3y 9m", "(age)"),
        ("Kian Marsh (three)", "(three)", "(age)"),
        ("Kian Marsh, 8, was seen.", ", 8,", "(age)"),
        ("Kian Marsh (M, 8)", ", 8)", "(age)"),
        ("Sibling 1 (8) and Sibling 2 (11) were at school.", "(11)", "(age)"),
        # A second pass: rows with the date in a column of its own, death marked in the bracket,
        # a date with dots and one-digit day and month.
        ("Kian Marsh 03/05/2015 (subject)", "May 2015", "(date of birth)"),
        ("Kian Marsh | 03/05/2015 | subject", "May 2015", "(date of birth)"),
        ("Kian Marsh: 03/05/2015", "May 2015", "(date of birth)"),
        ("Kian Marsh (d. 14/02/2019)", "February 2019", "(date of death)"),
        ("Kian Marsh (deceased, 14/02/2019)", "February 2019", "(date of death)"),
        ("Kian Marsh (3.5.15)", "3.5.15", "(date of birth)"),
    ],
)
def test_red_team_dates_of_birth_and_ages_after_names(
    text: str, leak: str, replacement: str, settings: Settings, detector: Detector
) -> None:
    out = redacted(text, settings, detector)
    assert leak not in out, out
    assert replacement in out, out


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Seen at home by Jane Hill, 03/05/2019.", "May 2019"),
        ("Signed: Jane Hill, Social Worker, 03/05/2019", "May 2019"),
        ("Letter to Jane Hill, 03/05/2019", "May 2019"),
        ("Minutes of the strategy meeting, 12/03/2019", "March 2019"),
        ("Dr Anita Patel (GP, 03/05/2019)", "May 2019"),
        ("Jane Hill (social worker, 03/05/2019) visited.", "May 2019"),
        ("Jane Hill (SW) (03/05/2019) visited the home.", "May 2019"),
        ("Apologies: Sarah Cole (Health Visitor) (12/03/2019)", "March 2019"),
        ("Letter from Jane Hill (03/05/2019) to the mother.", "May 2019"),
        ("ICPC (03/05/2019) attended by Kayleigh Marsh.", "May 2019"),
        ("Paragraphs 4, 8, 9 and section 17, 3 apply.", "4, 8, 9"),
        ("Table 2 (8) shows the figures.", "(8)"),
        ("Appendix B (3) lists them.", "(3)"),
        ("Visits: 03/05/2019 (Jane Hill), 10/05/2019 (Jane Hill)", "(a date in May 2019) (Person A), (a date in May"),
        ("Jane Hill visited on 03/05/2019 (home visit).", "May 2019"),
        ("Strategy meeting: 12/03/2019", "March 2019"),
        ("Dr Patel: 03/05/2019", "May 2019"),
        ("PC Grainger 03/05/2019 (attended the home)", "May 2019"),
        ("Date: 03/05/2019", "May 2019"),
    ],
)
def test_red_team_practitioners_events_and_numbers_keep_their_reading(
    text: str, kept: str, settings: Settings, detector: Detector
) -> None:
    out = redacted(text, settings, detector)
    assert kept in out, out
    assert "(date of birth)" not in out and "(age)" not in out, out


@pytest.mark.parametrize(
    "text",
    [
        # A year alone after a name is a work's or a judgment's year.
        "Munro (2011) and Brandon et al (2008) describe the risks.",
        "The court followed Richardson v. Ramirez [1974] 418 US 24.",
    ],
)
def test_a_year_alone_after_a_name_is_not_a_date_of_birth(text: str, settings: Settings, detector: Detector) -> None:
    assert "(date of birth)" not in redacted(text, settings, detector)


@pytest.mark.parametrize(
    ("text", "replacement"),
    [
        ("Children: Kian Marsh (03/05/2015), Mia Marsh (12/11/2017).", "(date of birth)"),
        ("Baby Leo Marsh (05/01/2020 - 19/03/2020)", "(date of death)"),
        ("Alfie-James (8) was seen at school.", "(age)"),
    ],
)
def test_each_policy_names_what_the_bracket_held(
    each_policy: tuple[Settings, Detector], text: str, replacement: str
) -> None:
    # strict masks every date as "(date)": the category still tells the reader what went,
    # and a date of birth is found everywhere else the draft gives it.
    settings, detector = each_policy
    assert replacement in redacted(text, settings, detector)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # The case file lists Jane Hill and Rachel Penhallow as practitioners: their dates are
        # a visit's and a letter's (without it, an unplaced name's date is taken for a birth).
        ("Jane Hill (03/05/2019) visited the home.", "Social Worker 1 (a date in May 2019) visited the home."),
        ("Rachel Penhallow, 03/05/2019", "Health Visitor 1, (a date in May 2019)"),
        ("Kian Marsh (03/05/2015) and Hope Marsh (16)", "Child F (date of birth) and Sibling 1 (age)"),
    ],
)
def test_the_case_file_says_whose_the_bracket_is(
    text: str, published: str, case_settings: Settings, detector: Detector
) -> None:
    assert redacted(text, case_settings, detector) == published
