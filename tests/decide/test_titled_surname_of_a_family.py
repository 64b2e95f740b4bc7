"""A titled surname ("Ms Warsame") with no case file joins a full name only when it can only
be that person: one adult bears the surname, or one was seen with the same title. A child's
full name ("Ayaan Warsame (aged 3)") is never the titled surname's: "Ms Warsame", the mother,
read the child's label."""

from __future__ import annotations

import pytest

from anonymiser.decide.people import children_named
from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.records import Entity
from anonymiser.settings import Settings


def labelled(text: str, settings: Settings, detector: Detector) -> tuple[dict[str, str], list[Entity]]:
    """Each redacted string (possessive aside) and its label, and the entities."""
    decision, _ = analyse(document_from_text(text), settings, detector)
    found: dict[str, str] = {}
    for edit in decision.edits:
        found.setdefault(text[edit.start : edit.end], edit.replacement)
    return found, decision.entities


@pytest.mark.parametrize(
    ("text", "child", "adult"),
    [
        (
            "Ayaan Warsame (aged 3) was seen at home. Ms Warsame said that Ayaan was sleeping well.",
            "Ayaan Warsame",
            "Ms Warsame",
        ),
        (
            "The child, Zofia Wiśniewska, attended nursery. Ms Wiśniewska said Zofia was happy.",
            "Zofia Wiśniewska",
            "Ms Wiśniewska",
        ),
        # The other order: the child's full name does not join the mother either.
        (
            "Ms Warsame called the surgery. Her son, Ayaan Warsame, had a fever.",
            "Ayaan Warsame",
            "Ms Warsame",
        ),
        (
            "Ayaan Warsame (born 3 May 2016) was seen in 2019. Mrs Warsame brought him.",
            "Ayaan Warsame",
            "Mrs Warsame",
        ),
        ("Ayaan Warsame, a 4-year-old boy, was seen. Mr Warsame brought him.", "Ayaan Warsame", "Mr Warsame"),
    ],
)
def test_a_titled_surname_is_not_the_child(
    settings: Settings, detector: Detector, text: str, child: str, adult: str
) -> None:
    found, entities = labelled(text, settings, detector)
    assert found[child] != found[adult]  # both redacted, each with their own label
    (titled,) = [e for e in entities if e.replacement == found[adult]]
    assert titled.status == "needs_review"
    assert "another member of the family" in titled.reason


def test_a_titled_surname_two_adults_bear_is_its_own_person(settings: Settings, detector: Detector) -> None:
    text = "Denise Warsame and Fadumo Warsame came to the meeting. Ms Warsame said little."
    found, entities = labelled(text, settings, detector)
    assert len({found["Denise Warsame"], found["Fadumo Warsame"], found["Ms Warsame"]}) == 3
    (titled,) = [e for e in entities if e.replacement == found["Ms Warsame"]]
    assert "another member of the family" in titled.reason


@pytest.mark.parametrize(
    ("text", "full", "titled"),
    [
        # One person bears the surname, and nothing marks a child: the same person.
        ("Patricia Keane was the social worker. Ms Keane visited on Monday.", "Patricia Keane", "Ms Keane"),
        # One adult beside a child: the title is the adult's.
        (
            "Kayleigh Hartigan cared for Dylan Hartigan (aged 2). Ms Hartigan said he slept well.",
            "Kayleigh Hartigan",
            "Ms Hartigan",
        ),
        # The full name was seen with the same title: theirs, whoever else bears it.
        (
            "Mrs Denise Hartigan and Kayleigh Hartigan came. Mrs Hartigan spoke first.",
            "Mrs Denise Hartigan",
            "Mrs Hartigan",
        ),
        # The titled surname first, the full name after (session 5): one person.
        ("Mrs Keane phoned. Patricia Keane said she would visit.", "Patricia Keane", "Mrs Keane"),
        # A child's title before a child's surname is the child.
        ("Zofia Wiśniewska (aged 7) was at school. Miss Wiśniewska told her teacher.", "Zofia Wiśniewska", "Miss Wiśniewska"),
    ],
)
def test_a_titled_surname_that_can_only_be_one_person_joins_them(
    settings: Settings, detector: Detector, text: str, full: str, titled: str
) -> None:
    found, entities = labelled(text, settings, detector)
    assert found[full] == found[titled]
    (person,) = [e for e in entities if e.replacement == found[full]]
    assert "another member of the family" not in person.reason


@pytest.mark.parametrize(
    ("text", "child"),
    [
        ("Ayaan Warsame (aged 3) was seen.", True),
        ("Kian Marsh, aged 2 years and 9 months, was admitted.", True),
        ("Riley Brightwell (6 months) was asleep.", True),
        ("Ayaan Warsame (4) was seen.", True),
        ("Ayaan Warsame, a 4-year-old, was seen.", True),
        ("Kian Marsh (born 14 September 2016) was admitted in 2019.", True),
        ("Kian Marsh, DOB 14/09/2016, was admitted in 2019.", True),
        ("Ayaan Warsame was born in 2016. He was seen in 2019.", True),
        ("The child, Zofia Wiśniewska, attended nursery.", True),
        ("A little boy, Kian Marsh, was taken to hospital.", True),
        ("Her son Ayaan Warsame was unwell.", True),
        ("Zofia Wiśniewska (child) attended nursery.", True),
        ("Master Ayaan Warsame attended.", True),
        # An adult's age or birth year, and numbers that are no age.
        ("Kayleigh Marsh, aged 23, was at home.", False),
        ("Kayleigh Marsh (born 2 November 1995) was seen in 2019.", False),
        ("Kayleigh Marsh, 14 Ashcombe Row, was visited.", False),
        ("Kayleigh Marsh, the child's mother, was at home.", False),
        ("Kayleigh Marsh was born in Leeds.", False),
        ("Kayleigh Marsh was born in 1995. She was seen in 2019.", False),
    ],
)
def test_what_marks_a_full_name_as_a_childs(settings: Settings, text: str, child: bool) -> None:
    names = ["Ayaan Warsame", "Kian Marsh", "Riley Brightwell", "Zofia Wiśniewska", "Kayleigh Marsh"]
    marked = children_named([text], names, settings.people)
    assert bool(marked) is child
