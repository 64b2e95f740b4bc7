"""Leaks and wrong labels the second sample case ("Child R", Calderbrook; session 13) showed at
first sight. The draft was written for another family, area and author than every rule had
been tuned on, and its gold annotated before the tool first ran on it. The sentences here are
new ones of the same forms, not the draft's own (each test failed before its fix; a few
companion cases beside them, which already passed, guard what the fix must not break).

- A section heading written in words whose title names the children ("Section 3: Ezra, Skye
  and Their Family") was no heading (a comma made it a sentence), so the whole family
  background was published inside the terms of reference in the findings-only report.
- Nicknames said in other words than "known as": "Friends called him Ez", rapping or posting
  'as "Z-Rah"'; a short form after a family word in capitals ("Grandma Win") beside the full
  name the draft gives.
- An abbreviation the draft gives for a redacted name ('the Ashby Road Boys, or "ARB"') was
  published wherever it stood.
- "MACE" (the Multi-Agency Child Exploitation panel) read "Person A"; "5.9" (a paragraph
  number) read "5.(age)" where the draft gave a child's age as "9", and "a 9-month Referral
  Order" "a (age)-month"; "clear indicators" read "clear (specified medication)"; "Tues 19/1"
  read "Person E (date)"; "7.4 Schools and" read "7.4 Person H and"; "the Emergency Department
  of Calderbrook Royal Infirmary" read "the Emergency Department (organisation)".
- Probed with new sentences of the draft's forms, without the case file: "found in Reading"
  published the town; "the Marsh Lane Crew" read "the Person A Lane Crew"; a drug line's name
  and a phone contact's saved name were published; "a 6-month Referral Order" read "Referral
  Person A"; a boxing academy read "(school)". With the case file, a listed school by its short
  name ("He attended Hollinsgate") was published.
"""

from __future__ import annotations

import pytest

from anonymiser.decide.scope import classify_sections, find_sections, heading_signal, load_section_rules
from anonymiser.detect.case_file import school_short_name
from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read import read_document
from anonymiser.settings import Settings, load_settings
from tests.conftest import SAMPLES
from tests.decide.handmade import redacted
from tests.decide.test_scope import make_units, unit

SECOND_CASE = SAMPLES / "second_case"


@pytest.mark.parametrize(
    "heading",
    [
        "Section 3: Ezra, Skye and Their Family",
        "Section 2: Jayden, Mia and Their Mother",
        "Part Two: Ruby, Ellis and the Household",
        "3. Ezra, Skye and Their Family",
    ],
)
def test_a_labelled_heading_may_list_names(heading: str) -> None:
    rules = load_section_rules()
    signal = heading_signal(unit(heading), rules)
    assert signal is not None and signal.kind == "numbered", signal


@pytest.mark.parametrize(
    "line",
    [
        # Sentences and list openers keep their commas' meaning.
        "2.2 The family members, described in a genogram, are:",
        "3. Ezra, who was then fifteen, left school",
        "Section 20, the voluntary accommodation of a child",
    ],
)
def test_a_numbered_sentence_with_commas_is_no_heading(line: str) -> None:
    assert heading_signal(unit(line), load_section_rules()) is None


def test_a_section_named_after_the_family_is_not_published_in_findings() -> None:
    rules = load_section_rules()
    text = (
        "Section 2: Terms of Reference\n\n2.1 The review covers one year.\n\n"
        "Section 3: Ezra, Skye and Their Family\n\n3.1 Ezra was born in Calderbrook.\n\n"
        "Section 5: Analysis and Findings\n\n5.1 Agencies did not share information."
    )
    units = make_units(text)
    sections = classify_sections(find_sections(units, rules), units, rules)
    family = next(s for s in sections if s.heading.startswith("Section 3"))
    assert family.action == "drop", family


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Friends called him Ez and he liked it.", "Ez"),
        ("The older boys called her Bubbles from the first week.", "Bubbles"),
        ('He posted drill videos on YouTube as "Z-Rah" from the summer.', "Z-Rah"),
        ("She performed at the youth club as 'Lil Tee' for a year.", "Lil Tee"),
    ],
)
def test_a_nickname_said_in_other_words_is_redacted(text: str, gone: str, scr: Settings, detector: Detector) -> None:
    out = redacted(text, scr, detector)
    assert gone not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "The children called him Dad from the start.",
        "Staff called her Mum on the ward.",
        "He posted the video as evidence.",
        'The school called him "a risk" in its letter.',
        # A case note's words in quotes are no stage name (the social care IMR's "DV").
        'His final visit is recorded only as "DV". The post was advertised as "Senior Practitioner".',
    ],
)
def test_what_is_no_nickname_stays(text: str, scr: Settings, detector: Detector) -> None:
    assert redacted(text, scr, detector) == text


@pytest.fixture(scope="module")
def second_case() -> Settings:
    return load_settings(scope="full", case_file=SECOND_CASE / "case.yml")


@pytest.mark.parametrize("family_word", ["Grandma", "Nana", "Auntie"])
def test_a_short_form_after_a_family_word_in_capitals_is_the_person(
    family_word: str, second_case: Settings, detector: Detector
) -> None:
    # With the case file listing Winsome Ruddock, "Win" was published: a short form beside
    # another capitalised word was taken for part of a longer name.
    text = f"Her own mother, Winsome Ruddock, lives nearby. Ezra calls her {family_word} Win and stayed with her."
    out = redacted(text, second_case, detector)
    assert " Win " not in out and "Winsome" not in out, out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ('He was linked with the Ashby Road Boys, or "ARB". The police called him a runner for ARB.', "ARB"),
        ("She attended Hollinsgate Academy (HA) until March. HA excluded her.", "HA"),
    ],
)
def test_an_abbreviation_of_a_redacted_name_goes_with_it(
    text: str, gone: str, scr: Settings, detector: Detector
) -> None:
    out = redacted(text, scr, detector)
    assert gone not in out.replace("(", " ").split() and f"{gone}." not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "The MACE panel met monthly. Each MACE meeting reviewed the exploitation screening tool.",
        "No agency referred him to the Multi-Agency Child Exploitation (MACE) panel.",
    ],
)
def test_the_exploitation_panel_is_practice(text: str, scr: Settings, detector: Detector) -> None:
    assert redacted(text, scr, detector) == text


def test_a_paragraph_number_is_no_age(scr: Settings, detector: Detector) -> None:
    text = (
        "Skye was 9 at the time.\n5.9 Headteachers told the review that they feel alone, and 19/9 was a Sunday. "
        "He received a 9-month Referral Order and was missing for 9 hours."
    )
    out = redacted(text, scr, detector)
    assert "5.9 Headteachers" in out and "(age)/" not in out, out
    assert "a 9-month Referral Order" in out and "for 9 hours" in out, out
    assert "was 9 " not in out, out


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # A plural the drug dictionary holds as a synonym is the English word.
        ("There were clear indicators of exploitation.", "There were clear indicators of exploitation."),
        # Drug names stay found, plurals of drug names too.
        ("He was prescribed statins and took opioids.", "He was prescribed (specified medication) and took (specified medication)."),
    ],
)
def test_a_plural_english_word_is_no_medicine(text: str, published: str, scr: Settings, detector: Detector) -> None:
    assert redacted(text, scr, detector) == published


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # A weekday cut short before a day and month without a year went to the model as a
        # person ("Person E (date)" in the second case's chronology).
        ("Tues 19/1 | School | Class teacher records a disclosure.", "(date) | School | Class teacher records a disclosure."),
        ("On Weds 3/2 the DSL phoned home.", "On (date) the DSL phoned home."),
        # A score after a weekday is no date.
        ("She scored 3/4 on Tuesday.", "She scored 3/4 on Tuesday."),
    ],
)
def test_a_weekday_goes_with_a_day_and_month(text: str, published: str, scr: Settings, detector: Detector) -> None:
    assert redacted(text, scr, detector) == published


@pytest.mark.parametrize(
    ("text", "published"),
    [
        (
            "CAMHS found symptoms of post-traumatic stress and referred him for a neurodevelopmental assessment.",
            "CAMHS found symptoms of (a specific condition) and referred him for a neurodevelopmental assessment.",
        ),
        (
            "He was on the neurodevelopmental pathway with post traumatic stress.",
            "He was on the neurodevelopmental pathway with (a specific condition).",
        ),
    ],
)
def test_a_condition_named_without_disorder_and_a_pathway(
    text: str, published: str, scr: Settings, detector: Detector
) -> None:
    assert redacted(text, scr, detector) == published


def test_a_common_word_after_a_paragraph_number_is_no_person(scr: Settings, detector: Detector) -> None:
    # In the whole draft the model read "Schools" of "7.4 Schools and the local authority
    # should agree ..." as a person ("Person H"); the draft writes "schools" in lower case
    # elsewhere, which makes a sentence's first word no name, but the paragraph's number
    # hid that it opened the sentence.
    doc = read_document(SECOND_CASE / "cspr_overview_draft.txt")
    decisions, _ = analyse(doc, scr, detector)
    texts = {doc.units[e.unit].text[e.start : e.end] for e in decisions.edits}
    assert "Schools" not in texts


def test_a_practice_term_cut_off_a_body_leaves_the_joining_word(scr: Settings, detector: Detector) -> None:
    text = "Ezra was taken by ambulance to the Emergency Department of Calderbrook Royal Infirmary, where he was seen."
    out = redacted(text, scr, detector)
    assert "the Emergency Department of (hospital), where" in out, out


@pytest.mark.parametrize(
    "text",
    [
        "The interview was carried out by the Calderbrook Missing Children Service in November.",
        "Kingsmere Missing Children's Service offered a Return Home Interview.",
        "The Harbourside Missing from Home Service was commissioned by the council.",
    ],
)
def test_an_areas_missing_childrens_service_is_an_agency(text: str, scr: Settings, detector: Detector) -> None:
    assert redacted(text, scr, detector) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ('Men she did not know were outside the flat asking for "Zee". Police attended.', "Zee"),
        ("Two older boys came to the school gate looking for 'Tiny' at lunchtime.", "Tiny"),
        # A lone letter so asked for, as the draft has it: one letter was no span the decide
        # stage took from a pattern, and "Z" was published (the one direct miss at first
        # sight that stayed).
        ('Men she did not know were outside the flat asking for "Z". Police attended.', '"Z"'),
    ],
)
def test_a_name_in_quotes_that_someone_asks_for_is_redacted(
    text: str, gone: str, scr: Settings, detector: Detector
) -> None:
    out = redacted(text, scr, detector)
    assert gone not in out, out


def test_a_practice_term_asked_for_in_quotes_stays(scr: Settings, detector: Detector) -> None:
    text = 'Mother was asking for "Early Help" and the school was waiting for "CAMHS".'
    assert redacted(text, scr, detector) == text


@pytest.mark.parametrize(
    "text",
    [
        "She had a 6-month Referral Order.",
        "The Referral Order panel met him in September.",
        # (Not the other disposals: their words as practice words cost TAB recall.
        # "a Detention and Training Order" still reads "Detention and Person A".)
    ],
)
def test_a_referral_order_is_practice(text: str, scr: Settings, detector: Detector) -> None:
    assert redacted(text, scr, detector) == text


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("He was found in Reading on Boxing Day 2020.", "He was found in (place) on (date)."),
        ("She was arrested in Reading with two phones.", "She was arrested in (place) with two phones."),
        ("They were placed in Reading by the council.", "They were placed in (place) by the council."),
        # A lesson or a possessive stays.
        ("He was found reading in the library.", "He was found reading in the library."),
    ],
)
def test_a_town_that_is_a_word_where_a_child_is_found(
    text: str, published: str, scr: Settings, detector: Detector
) -> None:
    assert redacted(text, scr, detector) == published


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("The older boys were part of the Marsh Lane Crew. The Marsh Lane Crew ran the line.", "Lane Crew"),
        ("He was linked with the Eastside Mandem and the Kestrel Gang.", "Eastside"),
    ],
)
def test_a_street_group_named_after_a_place_is_redacted(
    text: str, gone: str, scr: Settings, detector: Detector
) -> None:
    out = redacted(text, scr, detector)
    assert gone not in out and "Kestrel" not in out, out


@pytest.mark.parametrize("text", ["The Year 9 Boys played football.", "The Older Boys went home."])
def test_a_year_group_is_no_street_group(text: str, scr: Settings, detector: Detector) -> None:
    assert redacted(text, scr, detector) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ('Police believed the phone was the "Tank" line phone.', "Tank"),
        ("He ran the 'Blade' deal line for three months.", "Blade"),
        ('A message came from a number saved as "Boss Man" in his phone.', "Boss Man"),
        ('His phone had a contact saved under "Snowy".', "Snowy"),
    ],
)
def test_a_drug_lines_name_and_a_saved_contact_are_redacted(
    text: str, gone: str, scr: Settings, detector: Detector
) -> None:
    out = redacted(text, scr, detector)
    assert gone not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "The phone line was busy and the deal line was closed.",
        'The report was saved as "Final Draft" on the shared drive.',
    ],
)
def test_a_line_or_a_file_saved_is_no_name(text: str, scr: Settings, detector: Detector) -> None:
    assert redacted(text, scr, detector) == text


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # The case file lists "Hollinsgate Academy" and "St Wilfrid's CE Primary School".
        ("He attended Hollinsgate until March.", "He attended (school) until March."),
        ("Skye stayed at St Wilfrid's when her brother left.", "Sibling 1 stayed at (school) when her brother left."),
        # The area stays the area's; ordinary words are no school's short name.
        ("Calderbrook schools said the academy was full.", "Calderbrook schools said the academy was full."),
    ],
)
def test_a_case_file_school_is_found_by_its_short_name(
    text: str, published: str, second_case: Settings, detector: Detector
) -> None:
    assert redacted(text, second_case, detector) == published


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Hollinsgate Academy", "Hollinsgate"),
        ("St Wilfrid's CE Primary School", "St Wilfrid's"),
        ("Wrenfield Day Nursery", "Wrenfield"),
        ("Calderbrook Academy", None),  # the area, on the keep list
        ("Oak Tree Primary School", None),  # ordinary words
        ("High School", None),
    ],
)
def test_school_short_names(name: str, short: str | None, second_case: Settings) -> None:
    assert school_short_name(name, second_case.school_kinds, ["Calderbrook"]) == short


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("He trained at the Ferncliffe Boxing Academy five evenings a week.", "He trained at the (organisation) five evenings a week."),
        ("She went to Northside Dance Academy on Saturdays.", "She went to (organisation) on Saturdays."),
        # A school is still a school.
        ("He was excluded from Hollinsgate Academy.", "He was excluded from (school)."),
    ],
)
def test_a_sports_academy_is_a_club(text: str, published: str, scr: Settings, detector: Detector) -> None:
    assert redacted(text, scr, detector) == published


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("The RHI took place on 2021/11/03 at 15:30.", "The RHI took place on (a date in November 2021) at 15:30."),
        ("Exported 2021.11.03; see 2020-11-06.", "Exported (a date in November 2021); see (a date in November 2020)."),
        # Not a date: separators that differ, a paragraph's number.
        ("Filed 2021/11.03 under 2019.4.12.", "Filed 2021/11.03 under 2019.4.12."),
    ],
)
def test_a_date_with_the_year_first_and_the_return_home_interview(
    text: str, published: str, scr: Settings, detector: Detector
) -> None:
    assert redacted(text, scr, detector) == published
