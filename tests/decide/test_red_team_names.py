"""Names from a red-team pass over invented case notes, each published before its rule:

- a first name after a family word that the model read as a people ("her daughter Zuzanna"
  as an ethnicity), as it reads names after family words that it takes for places;
- initials before a family role in brackets ("A.B. (mother)"), as before a practitioner's;
- a nickname in quotes after "knew her as", "called him" ("Bubbles"), as after "known as".
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Zofia and her daughter Zuzanna arrived in 2019.", ["Zofia", "Zuzanna"]),
        ("A.B. (mother) and C.D. (father) were interviewed.", ["A.B.", "C.D."]),
        ("AB (mother) was interviewed.", ["AB"]),
        ('Staff at the nursery knew her as "Bubbles".', ["Bubbles"]),
        ("The other children called him 'Tiny'. Tiny was bullied.", ["Tiny"]),
    ],
)
def test_red_team_names_are_redacted(text: str, gone: list[str], settings: Settings, detector: Detector) -> None:
    out = redacted(text, settings, detector)
    assert not [g for g in gone if g in out], out


@pytest.mark.parametrize(
    "text",
    [
        "Her daughter Polish speaking, she needed an interpreter.",
        'The plan was known as "Signs of Safety".',
        "The referral (mother) was late.",
    ],
)
def test_red_team_words_stay(text: str, settings: Settings, detector: Detector) -> None:
    assert "Person" not in redacted(text, settings, detector)


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Uncle Sandeep drove them to hospital.", "Uncle Person A drove them to hospital."),
        ("Baby Alfie's cot was in mum's room.", "Baby Person A's cot was in mum's room."),
    ],
)
def test_a_family_word_and_a_name_the_model_read_as_a_body_is_the_person(
    text: str, published: str, settings: Settings, detector: Detector
) -> None:
    # Both read "(organisation)", and the possessive went with it.
    assert redacted(text, settings, detector) == published


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("15.02.19 SW TK spoke to Chantelle by phone.", "(a date in February 2019) Social Worker 1 spoke to Person A by phone."),
        ("The HV explained to Chelsea why she had come.", "The HV explained to Person A why she had come."),
        ("Mother went to Chelsea for the weekend.", "Mother went to (place) for the weekend."),
    ],
)
def test_a_first_name_after_speaking_to_is_a_person(text: str, published: str, settings: Settings, detector: Detector) -> None:
    # "spoke to Chantelle" read "spoke to (place)": "to" governs a place after "went", a
    # person after "spoke".
    assert redacted(text, settings, detector) == published


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("mrs smith said the children were fine.", ["smith"]),
        ("spoke to mr o'neill at the door.", ["o'neill"]),
        ("dr patel rang re meds.", ["patel"]),
        ("Princess was taken into care.", ["Princess"]),
        ("Precious was placed with foster carers.", ["Precious"]),
    ],
)
def test_red_team_names_in_notes_are_redacted(text: str, gone: list[str], settings: Settings, detector: Detector) -> None:
    out = redacted(text, settings, detector)
    assert not [g for g in gone if g in out], out


@pytest.mark.parametrize(
    "text",
    [
        "mum did not miss school this week.",
        "ms symptoms were discussed.",
        "the dr appointment was missed.",
    ],
)
def test_lower_case_titles_before_words_stay(text: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == text


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Will was seen by the GP on Tuesday.", "Person A was seen by the GP on Tuesday."),
        ("Will's mum said he was fine.", "Person A's mum said he was fine."),
        ("Will said that he was hungry.", "Person A said that he was hungry."),
        ("Will the plan be reviewed?", "Will the plan be reviewed?"),
        ("The panel will review the plan.", "The panel will review the plan."),
    ],
)
def test_will_before_a_verb_no_modal_takes_is_a_name(
    text: str, published: str, settings: Settings, detector: Detector
) -> None:
    # "Will" is too common a word for the name lists, but a modal is never followed by
    # "was", "had" or "said", nor takes a possessive: there it is a boy's name.
    assert redacted(text, settings, detector) == published
