"""A role word before a name: not part of the name, and not written twice beside its label."""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.api import redact_many
from anonymiser.detect.engine import Detector
from anonymiser.pipeline import OutputNames, analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The model reads the role word as part of the name; the case file names the person.
        ("Child Kian Marsh was seen.", "Child F was seen."),
        ("CHILD KIAN", "Child F"),
        ("Mother Kayleigh said so.", "Mother said so."),
        ("Maternal grandmother Denise Marsh came.", "Maternal grandmother came."),
        ("The social worker Jane Hill visited.", "The Social Worker 1 visited."),
        # A role word that is not the label's stays.
        ("Baby Kian was seen.", "Baby Child F was seen."),
        # A name in apposition to the words of its own label goes, with its commas.
        (
            "in the care of his mother\u2019s partner, Connor Brightwell, when he collapsed.",
            "in the care of his mother\u2019s partner when he collapsed.",
        ),
        ("He met Kian's father, Piotr Zielinski, with an interpreter.", "He met Child F's father with an interpreter."),
        ("He lived with his father, Piotr Zielinski.", "He lived with his father."),
        # Apposition to other words keeps the label.
        ("Her mother, Denise Marsh, came.", "Her mother, Maternal grandmother, came."),
    ],
)
def test_role_words_before_a_name(case_settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, case_settings, detector) == expected


def test_the_written_output_reads_without_repeats(case_settings: Settings, detector: Detector, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Child Kian Marsh was in the care of his mother's partner, Connor Brightwell, then.\n", encoding="utf-8")
    (outcome,) = redact_many([draft], tmp_path / "out", case_settings, detector=detector)
    assert outcome.ok, outcome.error
    written = (tmp_path / "out" / OutputNames.for_input(draft).document).read_text(encoding="utf-8")
    assert written.strip() == "Child F was in the care of his mother's partner then."


def test_the_decisions_keep_the_spans_of_the_names(case_settings: Settings, detector: Detector) -> None:
    # The review loop and the batch find an edit by the span of the occurrence it replaces:
    # the tidying happens only when writing.
    doc = document_from_text("Child Kian Marsh was seen by his father, Piotr Zielinski, today.")
    decision, _ = analyse(doc, case_settings, detector)
    occurrences = {(o.unit, o.start, o.end) for e in decision.entities for o in e.occurrences}
    assert {(e.unit, e.start, e.end) for e in decision.edits} <= occurrences


def test_word_field_keywords_are_not_redacted(settings: Settings, detector: Detector) -> None:
    # A field's instructions are read like text; the model took "MERGEFIELD" for an
    # organisation, and redacting it broke the field.
    text = 'MERGEFIELD Child_Name \\* MERGEFORMAT and HYPERLINK "https://example.org/kian-marsh" \\h'
    out = redacted(text, settings, detector)
    assert out.startswith("MERGEFIELD Child_Name \\* MERGEFORMAT and HYPERLINK ")
    assert "kian-marsh" not in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A PCSO is a practitioner: "PCSO Brook Evans" read "PCSO Person I".
        ("On the day PCSO Brook Evans stopped the car. PCSO Evans let it go.", "On the day PCSO 1 stopped the car. PCSO 1 let it go."),
        # "the teaching assistant, Mrs Mair Pritchard" read "Person J".
        ("He told the teaching assistant, Mrs Mair Pritchard, about it.", "He told the teaching assistant, Teaching Assistant 1, about it."),
        # A Welsh patronymic is part of the name: "DI Rhys ap Gwilym" read "(organisation)".
        ("Her line manager, DI Rhys ap Gwilym, agreed.", "Her line manager, Detective Inspector 1, agreed."),
        # Session 13: youth justice and other services' workers read "Person A".
        ("The YOT worker Deano Price visited weekly.", "The YOT Worker 1 visited weekly."),
        ("His youth justice worker, Carys Bevan, attended.", "His youth justice worker, Youth Justice Worker 1, attended."),
        ("The childminder, Mrs Jan Ellwood, raised concerns.", "The childminder, Childminder 1, raised concerns."),
        ("The substance misuse worker, Tom Iredale, saw Father.", "The substance misuse worker, Substance Misuse Worker 1, saw Father."),
        # A school's own roles read "Person A" too.
        ("The Virtual School Head, Ms Faulkner, attended the PEP meeting.", "The Virtual School Head, Virtual School Head 1, attended the PEP meeting."),
        ("His head of year, Mr Okoye, phoned home.", "His head of year, Head of Year 1, phoned home."),
        ("The designated teacher, Mrs Lund, chaired it.", "The designated teacher, Designated Teacher 1, chaired it."),
        # Probation's roles: "His offender manager, Sian Pritchard," read "Person A".
        ("His offender manager, Sian Pritchard, completed an assessment.", "His offender manager, Offender Manager 1, completed an assessment."),
        ("His probation practitioner, Dale Moss, visited.", "His probation practitioner, Probation Officer 1, visited."),
    ],
)
def test_practitioners_are_labelled_by_their_role(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, settings, detector) == expected


# Case notes write the role's shorthand before a practitioner's name: "SW Gemma Kirkby" read
# "(organisation)" (the model's span swallowed the name the lists found), and the initials
# after a shorthand read "SW Social Worker 1".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The meeting was held between SW Gemma Kirkby and the family.", "The meeting was held between Social Worker 1 and the family."),
        ("HV Rachel Pendry visited.", "Health Visitor 1 visited."),
        ("TM JB agreed S47.", "Team Manager 1 agreed S47."),
        # A label with no shorthand of its own leaves the word before it.
        ("The PA Tyrone Pask called.", "The PA Person A called."),
    ],
)
def test_a_role_shorthand_before_a_practitioner(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, settings, detector) == expected
