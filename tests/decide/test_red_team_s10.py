"""Red-team pass of session 10 on names and quasi-identifiers (each case failed before its fix).

- A first name the model read as a people that looks like no people's name (no ending like
  "Polish", "Somali", "Pakistani", "Asian") was published where the rules that read a name
  from its neighbours did not fire: "The children were Mikey aged 7" published "Mikey".
- A verb in lower case went into a person's span or became a name: "Staff fed Ayaan and
  changed him" read "Staff Person A and changed him" (the model's "fed Ayaan"), "Mum fed
  Ayaan" read "Mum Person A Person B" ("fed" is a first name of the lists, taken after
  "Mum" as in "nanna pat").
- A label in brackets after a name went into the name's span, its bracket left open:
  "Kerry-Ann (Mother) disclosed" read "Person A) disclosed".
- A family's name for a relative that is an ordinary word, after a kinship title, was
  published where the model read it as a body: "Uncle Gaz and Auntie Shell looked after
  Keeley" kept "Shell".
- A day and month in figures without a year ("saw him on 12/03") was published, though
  "8 Nov" is redacted.
- A time read as a medicine: "Police attended at 10pm" read "Police attended (specified
  medication)pm" ("at 10" is a synonym in the drug dictionary).
- The second of two streets joined by "and" was published: "on the corner of Mill Lane and
  Station Street" read "on the corner of (address) and Station Street".
- An account name after "under the name" was published ("She used Snapchat under the name
  babygirl_lacey"), as were a named pub ("the landlady of the Red Lion pub", "drank at the
  King's Arms") and a parent's work as a boxer or publican.
- "Reception" (the first school year) read "(place)": "in Mrs Gill's class in Reception".
- A family role in brackets after a name was taken for another name of that person:
  "Shannon (Mum) said" read "Person A (Person A) said".
- The model's body ran over a person and a verb in lower case into a place: "Jaxon attended
  Little Stars Pre-School until he was 3" read "(organisation) until he was 3".
- An Irish surname after "O" written without its accent or apostrophe was published: the
  "O" was read as the initial of a surname ("Padraig O Suilleabhain" read "Person A
  Suilleabhain", "Sinead O Brien" two people).
- A mother's age at a birth said with the child's label or name was published: "Mother was
  14 when Child A was born".
- A first name the model read as a place, with the child's age after it in commas, read
  "(place)": "Kayden, 3, and his sister Nevaeh, 18 months, were found alone".
- Practice shorthand the keep list lacked read as a place or a body: "referred him to CP"
  read "(place)", "YP said" and "QA was completed" "(organisation)".
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The children were Mikey aged 7, Shay aged 5 and baby Lacey-Rose.",
         "The children were Person A (age), Person B (age) and baby Person C."),
        ("The children were Mikey and Shay.", "The children were Person A and Person B."),
        ("The eldest was Mikey.", "The eldest was Person A."),
    ],
)
def test_a_first_name_unlike_a_people_is_a_person(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Staff fed Ayaan and changed him.", "Staff fed Person A and changed him."),
        ("Staff fed Ayaan.", "Staff fed Person A."),
        ("Mum fed Ayaan and changed him.", "Mum fed Person A and changed him."),
        ("Nan fed Tilly and put her to bed.", "Nan fed Person A and put her to bed."),
        # A particle opening a surname is the name's.
        ("The father, Luis de Souza, attended.", "The father, Person A, attended."),
    ],
)
def test_a_verb_in_lower_case_is_never_part_of_a_name(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kerry-Ann (Mother) disclosed domestic abuse to the midwife.",
         "Person A (Mother) disclosed domestic abuse to the midwife."),
        ("Lee-Anne (Mother) told the GP.", "Person A (Mother) told the GP."),
        ("Jordan-Lee (Father) refused to engage.", "Person A (Father) refused to engage."),
    ],
)
def test_a_label_in_brackets_after_a_name_stays_whole(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The social worker referred him to CP.",
        "The CP plan was reviewed.",
        "YP said she did not want to go home.",
        "The YP was placed out of area.",
        "CYP were consulted about the plan.",
        "QA was completed by the team manager.",
        "The ISW completed the parenting assessment.",
        "The CSW was on leave.",
        "The IHA was completed late.",
    ],
)
def test_practice_shorthand_stays(text: str, each_policy: tuple[Settings, Detector]) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Auntie Shell looked after Keeley.", "Auntie Person A looked after Person B."),
        ("Uncle Gaz and Auntie Shell looked after Keeley.", "Uncle Person A and Auntie Person B looked after Person C."),
        # Already right: kept so.
        ("Nanny Pearl collected the children.", "Nanny Person A collected the children."),
        ("Uncle Bill drove them home.", "Uncle Person A drove them home."),
    ],
)
def test_a_word_after_a_kinship_title_is_a_name(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    "text",
    [
        # A kinship word in lower case before a body is no title: "his uncle" is the role.
        "His uncle worked for Shell.",
        "Her aunt rang Social Care.",
    ],
)
def test_a_body_after_a_kinship_word_in_lower_case_is_no_name(
    text: str, settings: Settings, detector: Detector
) -> None:
    assert "Person" not in redacted(text, settings, detector)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The school nurse saw him on 12/03.", "The school nurse saw him on (date)."),
        ("Police attended on Saturday 3/4 after a call.", "Police attended on (date) after a call."),
        ("The letter dated 21/11 was not sent.", "The letter dated (date) was not sent."),
        ("12/03 - HV visited the home.", "(date) - HV visited the home."),
        ("14/02: Mother rang the duty line.", "(date): Mother rang the duty line."),
    ],
)
def test_a_day_and_month_in_figures_is_a_date(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He scored 12/20 on the test.",
        "He attended 3/4 of sessions.",
        "The plan was reviewed on 3/4 occasions.",
        "He took 1/2 a tablet.",
    ],
)
def test_fractions_and_scores_are_no_date(text: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == text


@pytest.mark.parametrize(
    "text",
    ["Police attended at 10pm.", "Mother rang at 10 pm and again at 11.", "The medical was all clear."],
)
def test_common_words_are_no_medicine(text: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was found on the corner of Mill Lane and Station Street.",
         "He was found on the corner of (address) and (address)."),
        ("He was seen at the junction of Park Road and High Street.",
         "He was seen at the junction of (address) and (address)."),
    ],
)
def test_a_second_street_joined_by_and_is_an_address(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She used Snapchat under the name babygirl_lacey.",
         "She used Snapchat under the name (social media account)."),
        ("He posted under the username kyle.mc99 every night.",
         "He posted under the username (social media account) every night."),
        ("Mother was the landlady of the Red Lion pub.", "Mother was the landlady of the (place) pub."),
        ("Father drank at the King's Arms most nights.", "Father drank at the (place) most nights."),
        ("They met at the Black Horse Inn.", "They met at the (place)."),
        ("Father was a professional boxer.", "Father was a (occupation)."),
        ("Her father was the publican.", "Her father was the (occupation)."),
    ],
)
def test_accounts_pubs_and_rare_occupations(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Child B was in Reception.",
        "He started in the Reception class in September.",
        "She was under the name of the tenancy.",
        "The pub was closed.",
        "He went to the pub with friends.",
    ],
)
def test_school_years_and_plain_words_stay(text: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shannon (Mum) said she was fine.", "Person A (Mum) said she was fine."),
        ("Wayne (Dad) was asleep upstairs.", "Person A (Dad) was asleep upstairs."),
        # A name in brackets is still the person's other name.
        ("Kayleigh Marsh (Kay) said she was fine.", "Person A (Person A) said she was fine."),
    ],
)
def test_a_family_role_in_brackets_is_no_other_name(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jaxon attended Little Stars Pre-School until he was 3.", "Person A attended (nursery) until he was 3."),
        # Words that join a body's name stay in it.
        ("Mother worked at the Tesco Express on Kings Road.", "Mother worked at the (organisation) on (address)."),
    ],
)
def test_a_verb_in_lower_case_ends_a_body(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Padraig O Suilleabhain attended.", "Person A attended."),
        ("Sinead O Brien rang the duty line.", "Person A rang the duty line."),
        ("Siobhan Ni Bhriain and Padraig O Suilleabhain attended.", "Person A and Person B attended."),
        # An initial of a surname alone stays one name with the first name.
        ("Kelly H. rang the duty line.", "Person A rang the duty line."),
    ],
)
def test_an_irish_surname_after_o_is_the_names(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mother was 14 when Child A was born.", "Mother was (age) when Child A was born."),
        ("Father was 19 when Kian was born.", "Father was (age) when Person A was born."),
        ("Mother was 15 when she had her first child.", "Mother was (age) when she had her first child."),
    ],
)
def test_an_age_when_a_child_was_born(text: str, expected: str, each_policy: tuple[Settings, Detector]) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


def test_a_score_when_reviewed_is_no_age(settings: Settings, detector: Detector) -> None:
    text = "The score was 15 when reviewed."
    assert redacted(text, settings, detector) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kayden, 3, and his sister Nevaeh, 18 months, were found alone.",
         "Person A, (age), and his sister Person B, (age), were found alone."),
        ("Kayden, aged 3, was found alone.", "Person A, (age), was found alone."),
    ],
)
def test_a_first_name_with_an_age_after_it_is_a_person(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


def test_a_place_with_a_number_after_it_stays_a_place(settings: Settings, detector: Detector) -> None:
    assert redacted("They moved to Kendal, 3 miles away.", settings, detector) == "They moved to (place), 3 miles away."
