"""Red-team pass of session 11 (each case failed before its fix).

- A family's short form of a first name that the name lists lack was published beside a
  surname the lists know: "posted on Facebook as 'Kaz Marsh'" read "'Kaz Person A'".
- Gypsy, Roma and Traveller groups named in the plural or with both words were published or
  read as a person: "The family are Irish Travellers" kept the ethnicity, "Father is a Romany
  Gypsy" read "a Person A".
- Social media and gaming platforms the keep list lacked read as people: "Mother's MySpace
  and Twitter accounts" read "Person A and Person B accounts".
- What people know a person by was published: "Father has a tattoo of a scorpion on his
  neck", "a facial scar", "Father is 6ft 5in tall", and sudden fame or wealth ("won the
  lottery", "a TV talent show").
- A name the family uses, in quotes after a family role or a word for a person, was published
  or read as a body: "The neighbour 'Big Mick' called police" kept "Big Mick", "Mum's friend
  'Becks'" read "'(organisation)'".
- A fostering agency was published or read as a person ("placed with Foster Care Associates"
  read "Person A Care Associates"), and "Foster care was considered" read "Person A care".
- An agency the model read whole as a person was redacted where scr keeps it: "The family's
  housing provider, Westshire Homes, issued a notice" read ", Person A,".
- A condition said with its adjective was published where its noun was redacted: "Child A
  is autistic", "Mother is diabetic", "Child B is dyslexic and epileptic".
- An NHS number after its lead-in whose check digit fails (a typing slip, one digit from the
  person's own) was published: "NHS 485 777 3456".
- Children whose deaths led to national reviews, and the inquiries' authors, cited for their
  learning, were redacted as people ("the deaths of Arthur Labinjo-Hughes and Star Hobson"
  read "of Person A and Person B"): keep.yml ``public_cases``, kept whole only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.conftest import settings_with_case
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mother posted on Facebook as 'Kaz Marsh' about the bruises.", "Mother posted on Facebook as 'Person A' about the bruises."),
        ("Bex and Loz were at the party.", "Person A and Person B were at the party."),
        ("Her brother Deano Price was there.", "Her brother Person A was there."),
        # "Tel" is left out: a telephone number's label.
        ("Tel: 01632 960123", "Tel: (phone number)"),
    ],
)
def test_short_forms_of_first_names(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The family are Irish Travellers.", "The family are (ethnicity)."),
        ("Father is a Romany Gypsy.", "Father is a (ethnicity)."),
        ("Scottish Travellers lived on the site.", "(ethnicity) lived on the site."),
    ],
)
def test_gypsy_roma_and_traveller_groups(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mother's MySpace and Twitter accounts were reviewed.", "Mother's MySpace and Twitter accounts were reviewed."),
        ("They played Roblox and Fortnite online with strangers.", "They played Roblox and Fortnite online with strangers."),
        ("She met him on Tinder.", "She met him on Tinder."),
    ],
)
def test_platforms_are_kept(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Father has a tattoo of a scorpion on his neck.", "Father has (a specific issue) on his neck."),
        ("He had a teardrop tattoo.", "He had (a specific issue)."),
        ("Mother has a facial scar.", "Mother has (a specific issue)."),
        ("Father is 6ft 5in tall.", "Father is (a specific issue)."),
        ("He is 1.98m tall and thin.", "He is (a specific issue) and thin."),
        ("The family won the lottery in 2015.", "The family (a specific issue) in 2015."),
        ("Mother was a contestant on a talent show.", "Mother was a contestant on (a specific issue)."),
        # Not a scar alone, nor a tattoo parlour.
        ("The scar on his arm had healed.", "The scar on his arm had healed."),
    ],
)
def test_what_people_know_a_person_by(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The neighbour 'Big Mick' called police.", "The neighbour 'Person A' called police."),
        ("Mum's friend 'Becks' looked after him.", "Mum's friend 'Person A' looked after him."),
        ("Her new partner, \u2018Dazza\u2019, moved in.", "Her new partner, \u2018Person A\u2019, moved in."),
        # Quotes after other words, or round a pseudonym or a lower-case word, are no name.
        ("The term 'Team Around the Family' was used.", "The term 'Team Around the Family' was used."),
        ("The child 'Child A' was seen.", "The child 'Child A' was seen."),
        ("Mother said the baby was 'fine'.", "Mother said the baby was 'fine'."),
    ],
)
def test_a_name_in_quotes_after_a_family_role(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Child A was placed with Foster Care Associates.", "Child A was placed with (organisation)."),
        ("She moved to carers from Brightwater Fostering in 2018.", "She moved to carers from (organisation) in 2018."),
        ("Foster care was considered.", "Foster care was considered."),
        ("Independent Fostering Agency carers were used.", "Independent Fostering Agency carers were used."),
        ("Mrs Foster said she was worried.", "Person A said she was worried."),
    ],
)
def test_fostering_agencies(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The family's housing provider, Westshire Homes, issued a notice.",
            "The family's housing provider, Westshire Homes, issued a notice.",
        ),
        ("Westshire Homes said the rent was paid.", "Westshire Homes said the rent was paid."),
    ],
)
def test_an_agency_read_whole_as_a_person_is_kept(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Child A is autistic.", "Child A is (a specific condition)."),
        ("Child B is dyslexic and epileptic.", "Child B is (a specific condition) and (a specific condition)."),
        ("Mother is diabetic.", "Mother is (a specific condition)."),
        ("The HIV-positive mother declined.", "The (a specific condition) mother declined."),
    ],
)
def test_conditions_said_with_their_adjectives(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her NHS 485 777 3456 was on the letter.", "Her NHS (NHS number) was on the letter."),
        ("NHS No: 4857773456.", "NHS No: (NHS number)."),
        # A valid one stays an NHS number; "NHS 111" is a service.
        ("NHS number 943 476 5919", "NHS number (NHS number)"),
        ("The NHS 111 service was called.", "The NHS 111 service was called."),
    ],
)
def test_an_nhs_number_with_a_failed_check_digit(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The national review into the deaths of Arthur Labinjo-Hughes and Star Hobson found similar issues.",
            "The national review into the deaths of Arthur Labinjo-Hughes and Star Hobson found similar issues.",
        ),
        (
            "Lord Laming's inquiry into the death of Victoria Climbié led to the Children Act 2004.",
            "Lord Laming's inquiry into the death of Victoria Climbié led to the Children Act 2004.",
        ),
        # Inquiries cited for their learning (session 12).
        ("The learning from the Jay Report on Rotherham applies.", "The learning from the Jay Report on (place) applies."),
        # Their first names alone are still first names.
        ("Peter said he was hungry.", "Person A said he was hungry."),
        ("Jay said he would call.", "Person A said he would call."),
        ("nanna maria came", "nanna Person A came"),
    ],
)
def test_public_cases_are_cited_by_name(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected


def test_a_case_file_person_of_the_same_name_is_still_redacted(tmp_path: Path, detector: Detector) -> None:
    case = "people:\n  - name: Star Hobson\n    role: child\n    pseudonym: Child A\n"
    settings = settings_with_case(tmp_path, case)
    assert redacted("Star Hobson was seen at nursery. Star cried.", settings, detector) == (
        "Child A was seen at nursery. Child A cried."
    )
