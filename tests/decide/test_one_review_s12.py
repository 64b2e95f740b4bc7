"""Labels that differed across the five drafts of one review (session 12, running the
"Child F" review as a consultant would: `case`, `batch`, `appendix`). Each case failed before
its fix; the sentences are new ones of the drafts' forms, not the drafts' own.

- A register's line, surname first in capitals ("- MARSH, Hope – DOB ..."), was a person of
  its own ("Person B") where the case file lists Hope Marsh ("Sibling 1" everywhere else),
  and without a case file a label apart from the "Hope Marsh" the draft also names.
- A titled surname misspelt ("Ms Gallacher" beside Siobhán Gallagher, "Mr Zielinksi" with
  its letters swapped beside Piotr Zielinski, "Ms Marshe" beside the mother's "Ms Marsh")
  was a person of its own ("Person B"): one person, two labels in one draft. Now it joins
  the one adult it can be, and that person goes for review ("a possible misspelling").
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- MARSH, Hope – DOB 09.07.2013 – Year 1", "- Sibling 1 – DOB (date of birth) – Year 1"),
        ("Pupil: BRIGHTWELL, Riley. Attendance 81%.", "Pupil: Sibling 2. Attendance 81%."),
    ],
)
def test_a_listed_person_surname_first_reads_their_label(
    text: str, expected: str, case_settings: Settings, detector: Detector
) -> None:
    assert redacted(text, case_settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chiamaka Okonkwo was seen at school.\n- OKONKWO, Chiamaka – DOB 03.11.2012 – Year 2",
            "Person A was seen at school.\n- Person A – DOB (date of birth) – Year 2",
        ),
    ],
)
def test_a_surname_first_joins_the_full_name(text: str, expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The attendance officer, Siobhán Gallagher, visited. Ms Gallacher told the author about the list.",
            "The attendance officer, Attendance Officer 1, visited. Attendance Officer 1 told the author about the list.",
        ),
        (
            "The health visitor, Rachel Pendleton, was told. Ms Pendelton did not record it.",
            "The health visitor, Health Visitor 1, was told. Health Visitor 1 did not record it.",
        ),
        # Two people one edit away: the misspelling could be either, so it is no one's.
        (
            "Dr Aled Morgans saw him. Dr Ffion Morgano did not. Dr Morgana wrote.",
            "Doctor 1 saw him. Doctor 2 did not. Doctor 3 wrote.",
        ),
    ],
)
def test_a_misspelt_titled_surname_joins_the_one_person_it_can_be(
    text: str, expected: str, settings: Settings, detector: Detector
) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Piotr Zielinski e-mailed. A note misspells him as "Mr Zielinksi". Mr Zielinski was not told.',
            'Father e-mailed. A note misspells him as "Father". Father was not told.',
        ),
        (
            "Kayleigh Marsh was seen. Ms Marshe told the nursery by a text that he had a bug.",
            "Mother was seen. Mother told the nursery by a text that he had a bug.",
        ),
    ],
)
def test_a_misspelt_listed_surname_reads_the_listed_label(
    text: str, expected: str, case_settings: Settings, detector: Detector
) -> None:
    assert redacted(text, case_settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Without a case file, "Said Connor" opening a note's sentence was a person of its own
        # (the proposed case file listed "Said Connor", alias "Connor", beside Connor
        # Brightwell): the draft writes Connor as a first name, never after "said" inside a
        # sentence.
        (
            '"Hope came in wet. Said Connor got cross at bedtime. Who is Connor?" Connor Brightwell was named.',
            '"Person A came in wet. Said Person B got cross at bedtime. Who is Person B?" Person B was named.',
        ),
        # A man called Said: the draft writes "Said Ahmed" inside a sentence.
        (
            "The father, Said Ahmed, attended. Said Ahmed told the nurse. Ahmed Khan did not.",
            "The father, Person A, attended. Person A told the nurse. Person B did not.",
        ),
    ],
)
def test_a_capitalised_telling_verb_before_a_name_the_draft_gives_is_the_verb(
    text: str, expected: str, settings: Settings, detector: Detector
) -> None:
    assert redacted(text, settings, detector) == expected


def test_a_paragraph_opening_surname_first_is_the_persons(settings: Settings, detector: Detector) -> None:
    # The education IMR's Word register line ("MARSH, Hope – DOB ...", its dash a list
    # style) opens a paragraph after others: the pattern looked for a line break before it,
    # where the detector puts a wall between paragraphs. "MARSH" alone then read Kian's label
    # ("Person A, Person B").
    from anonymiser.pipeline import analyse
    from anonymiser.read.text import document_from_text

    doc = document_from_text("Kian Marsh and Hope Marsh were seen.\n\nMARSH, Hope – DOB 09.07.2013 – Year 1\n")
    decisions, _ = analyse(doc, settings, detector)
    owners = {o.text: e.text for e in decisions.entities if e.category == "PERSON" for o in e.occurrences}
    assert owners.get("MARSH, Hope") == "Hope Marsh"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The social care IMR: one man read "Social Worker 3" and, by his nickname, "Person J".
        (
            'Oluwaseun Adebayo, an agency social worker known to the family as "Seun", left. Seun\'s notes are thorough.',
            'Person A, an agency social worker known to the family as "Person A", left. Person A\'s notes are thorough.',
        ),
        (
            'Dean Hollis, known locally as "Dezzy", was seen. Dezzy left.',
            'Person A, known locally as "Person A", was seen. Person A left.',
        ),
    ],
)
def test_a_nickname_after_who_a_person_is_is_theirs(
    text: str, expected: str, settings: Settings, detector: Detector
) -> None:
    assert redacted(text, settings, detector) == expected
