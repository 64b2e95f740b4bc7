"""Names the case file's people share, and their initials inside practice terms.

The sample case file lists Kian, Kayleigh, Hope and Denise Marsh. "Marsh" alone is none of
them: it read "the Maternal grandmother family" (or whichever Marsh came first). Hope
Marsh's initials "HM" turned "HM Prison and Probation Service" into "Sibling 1 Prison and
Probation Service". Every person here is invented.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings
from anonymiser.write.text import render_text
from tests.conftest import settings_with_case


def anonymise(text: str, settings: Settings, detector: Detector) -> str:
    doc = document_from_text(text)
    decisions, _plan = analyse(doc, settings, detector)
    return render_text(doc, decisions.edits)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The surname alone is the family's, not one listed Marsh's; full names and the
        # case file's aliases keep their own labels.
        (
            "The IMR covers Kian Marsh and the Marsh family. Ms Marsh and Mrs Marsh agreed.",
            "The IMR covers Child F and the (family name) family. Mother and Maternal grandmother agreed.",
        ),
        ("Marsh was not a name the nursery knew.", "(family name) was not a name the nursery knew."),
        ("THE MARSH FAMILY", "THE (family name) FAMILY"),
        # A lone initial that Kian and Kayleigh share is neither ("Mother's forehead" told the
        # Board the mother was bruised).
        ('The record says "small bruise K\'s forehead, K running around clinic".',
         'The record says "small bruise (first name)\'s forehead, (first name) running around clinic".'),
        # "K.M." is Kian's alias (Kayleigh Marsh has the same initials), however it is dotted.
        ("K.M. was seen; KM cried.", "Child F was seen; Child F cried."),
        # Hope Marsh's initials inside a longer practice term are the term's; alone, hers.
        (
            "HM Prison and Probation Service was told. HM said she was scared.",
            "HM Prison and Probation Service was told. Sibling 1 said she was scared.",
        ),
    ],
)
def test_shared_names_and_initials(case_settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert anonymise(text, case_settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A surname in the plural names the family: "The Marshes" was published, because a
        # name was matched only as a whole word.
        ("The Marshes moved in 2018.", "The (family name) moved in 2018."),
        ("THE MARSHES moved in 2018.", "THE (family name) moved in 2018."),
        # One listed person's surname in the plural is the family too, not that person ("The
        # Father left" said only he went).
        ("The Zielinskis left for the coast.", "The (family name) left for the coast."),
        # The plural of a surname that is an ordinary word is matched capitalised only.
        ("They walked in the hills near the marshes.", "They walked in the hills near the marshes."),
    ],
)
def test_a_surname_in_the_plural_is_the_name(case_settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert anonymise(text, case_settings, detector) == expected


TWO_HOPES = """people:
  - name: "Hope Marsh"
    aliases: ["Hope"]
    role: "half-sister"
    pseudonym: "Sibling 1"
  - name: "Hope Fairweather"
    role: "family friend"
    pseudonym: "Family friend"
"""


@pytest.fixture(scope="module")
def two_hopes(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return settings_with_case(tmp_path_factory.mktemp("case"), TWO_HOPES)


@pytest.fixture(scope="module")
def two_hopes_no_alias(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return settings_with_case(tmp_path_factory.mktemp("case"), TWO_HOPES.replace('    aliases: ["Hope"]\n', ""))


def test_a_listed_alias_wins_over_another_persons_first_name_everywhere(two_hopes: Settings, detector: Detector) -> None:
    # "Hope" is Hope Marsh's alias. With Hope Fairweather also named in the draft, her first
    # name was found everywhere too, and "Hope said she was scared" read "Family friend said".
    text = "Hope said she was scared. Hope Fairweather visited. Hope cried."
    assert anonymise(text, two_hopes, detector) == "Sibling 1 said she was scared. Family friend visited. Sibling 1 cried."


def test_a_first_name_two_listed_people_share_is_not_a_family_name(two_hopes_no_alias: Settings, detector: Detector) -> None:
    # "Hope" alone is neither Hope: it is redacted, but not as "(family name)", which reads as
    # the family's surname.
    text = "Hope said she was scared. Hope Marsh and Hope Fairweather visited."
    assert anonymise(text, two_hopes_no_alias, detector) == "(first name) said she was scared. Sibling 1 and Family friend visited."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A listed person's first initial and surname is that person: "D. Marsh" read
        # "Person B" and "Mrs D Marsh" "Person C" (one grandmother, three labels), "R.
        # Penhallow" a new person beside "Health Visitor 1".
        (
            "Denise Marsh was seen. D. Marsh was seen again. Mrs D Marsh attended.",
            "Maternal grandmother was seen. Maternal grandmother was seen again. Maternal grandmother attended.",
        ),
        ("Rachel Penhallow and R. Penhallow visited.", "Health Visitor 1 and Health Visitor 1 visited."),
        ("J. Hill wrote the plan.", "Social Worker 1 wrote the plan."),
        # Kian and Kayleigh Marsh share the initial: "K. Marsh" is neither.
        ("K. Marsh was seen by the GP.", "(family name) was seen by the GP."),
        # Their first initial alone is neither, and no family name ("(family name) was seen").
        ("K was seen running around the clinic.", "(first name) was seen running around the clinic."),
    ],
)
def test_a_listed_persons_initial_and_surname(case_settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert anonymise(text, case_settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A listed person's lone initial ("C" of Connor Brightwell) after a capitalised word is
        # that word's letter: "Review C" read "Review Mother's partner" and "a Category C
        # prison" "a Category Mother's partner prison".
        ("He was moved to a Category C prison.", "He was moved to a Category C prison."),
        ("Appendix C lists the agencies.", "Appendix C lists the agencies."),
        # A drive letter starts a path: "C:\Users" read "Mother's partner:\Users".
        ("The plan was saved at C:\\Users\\shared and D:/notes.", "The plan was saved at C:\\Users\\shared and D:/notes."),
        # A letter that makes a pseudonym with the word before it is the pseudonym's, in capitals
        # too: a review's title "SERIOUS CASE REVIEW: CHILD C" read "CHILD Mother's partner"
        # ("CHILD (first name)" when two listed people share the letter). In a sentence in
        # capitals, the letter is still the person.
        ("SERIOUS CASE REVIEW: CHILD C", "SERIOUS CASE REVIEW: CHILD C"),
        ("Child C and ADULT C were seen.", "Child C and ADULT C were seen."),
        # Alone, or after a title, it is still the person's.
        ("Mum said C was angry. Mr C left.", "Mum said Mother's partner was angry. Mother's partner left."),
        ("MUM SAID C WAS ANGRY. MRS C LEFT.", "MUM SAID Mother's partner WAS ANGRY. MRS Mother's partner LEFT."),
    ],
)
def test_a_listed_initial_after_a_capitalised_word(case_settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert anonymise(text, case_settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # One listed person's surname before "family" is the family's name, not theirs.
        ("Jane Hill visited the Hill family.", "Social Worker 1 visited the (family name) family."),
        ("Denise Marsh met the Marsh household.", "Maternal grandmother met the (family name) household."),
        ("Piotr Zielinski and the Zielinski family.", "Father and the (family name) family."),
        # The person by surname alone is still the person.
        ("Jane Hill called. Ms Hill wrote.", "Social Worker 1 called. Social Worker 1 wrote."),
    ],
)
def test_a_surname_before_family_is_the_family(case_settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert anonymise(text, case_settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A listed child under another of the family's surnames is the same child: "Kian
        # Marsh-Brightwell" was a new person ("Person A") beside "Kian Marsh".
        ("Kian Marsh-Brightwell was seen. Kian cried.", "Child F was seen. Child F cried."),
        ("Riley Marsh attended.", "Sibling 2 attended."),
        # Not under a surname nobody listed has, nor a practitioner's first name (Jane Hill is
        # the social worker).
        ("Kian Smith is another boy.", "Person A is another boy."),
        ("Jane Marsh, an aunt, called.", "Person A, an aunt, called."),
    ],
)
def test_a_listed_person_under_another_family_surname(
    case_settings: Settings, detector: Detector, text: str, expected: str
) -> None:
    assert anonymise(text, case_settings, detector) == expected



TWO_MS = """
people:
  - name: "Mason Kowalczyk-Hart"
    aliases: ["Mason"]
    role: "half-brother"
    group: family
    pseudonym: "Sibling 1"
  - name: "Marius Ionescu"
    aliases: ["Marius"]
    role: "mother's friend"
    group: family
    pseudonym: "Mother's friend"
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Mason and Marius share the letter: the title read "CHILD (first name)", and, once the
        # case file's own finding was left alone, "CHILD Mother's friend".
        ("INDIVIDUAL MANAGEMENT REVIEW: CHILD M", "INDIVIDUAL MANAGEMENT REVIEW: CHILD M"),
        (
            "GORSETHORPE COMMUNITY HEALTH NHS TRUST\n\nINDIVIDUAL MANAGEMENT REVIEW: CHILD M\n\n"
            "1.1 Mason said that Marius Ionescu shouted.",
            "GORSETHORPE COMMUNITY HEALTH NHS TRUST\n\nINDIVIDUAL MANAGEMENT REVIEW: CHILD M\n\n"
            "1.1 Sibling 1 said that Mother's friend shouted.",
        ),
        ("Mason and Marius met Child M.", "Sibling 1 and Mother's friend met Child M."),
    ],
)
def test_a_shared_initial_that_makes_a_pseudonym(
    tmp_path: Path, detector: Detector, text: str, expected: str
) -> None:
    assert anonymise(text, settings_with_case(tmp_path, TWO_MS), detector) == expected
