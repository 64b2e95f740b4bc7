"""Agency records as IMRs quote them: a GP's clinical entries, police logs and custody
records, a school's pupil record, children's social care case notes, probation and CAMHS.

From a red-team pass over fictional IMRs in each agency's voice (session 7). Each row was
published (a leak) or redacted (a false alarm) before its fix. Detection and decision with
the session detector, scr policy; every name, number and place is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings
from anonymiser.write.text import render_text
from tests.conftest import settings_with_case
from tests.decide.handmade import redacted

# (sentence, what must not be published)
LEAKS = [
    # Identifiers after the name of the system or register that holds them.
    ("2.1 Jordan Quennell, Year 6, UPN A123456789012, class teacher Mr Whitcombe.", "A123456789012"),
    ("His ULN is 4410298831 on the learner record.", "4410298831"),
    ("Case number CS-0041877, LCS ID 2210945.", "2210945"),
    ("Diagnosis recorded; RiO number 1004738.", "1004738"),
    ("DS Rahman updated the Niche occurrence NM19001845 the next day.", "NM19001845"),
    ("Attended ED, Hosp no. K4471920, seen in minors.", "K4471920"),
    ("Mosaic ID: 558210 was opened for the baby.", "558210"),
    ("Registered under EMIS number 7730915 at the practice.", "7730915"),
]

# (sentence, practice words that must be published as written)
KEPT = [
    ("3.3 DNA 12-month immunisations (MMR, Hib/MenC, PCV booster, MenB). Letter sent.", ["immunisations", "MMR", "Hib/MenC", "PCV", "MenB"]),
    ("8wk DTaP/IPV/Hib/HepB 1st dose given by the practice nurse.", ["DTaP/IPV/Hib/HepB"]),
    ("A&E: scald R forearm, 2% TBSA. Skeletal survey NAD.", ["TBSA", "NAD"]),
    ("Attended ED, triaged by the nurse in charge.", ["triaged"]),
    ("Mother: DOB not known to the practice. He declined to give his DOB.", ["DOB not known", "his DOB"]),
    ("OASys assessment completed: RoSH high to known adult; MAPPA level 2.", ["OASys", "RoSH high", "MAPPA level 2"]),
    ("The DSL logged 14 concerns on CPOMS. The SENCO, the class teacher and the DSL met termly.", ["CPOMS", "termly", "SENCO"]),
    ("Seen by the consultant child and adolescent psychiatrist, MRCPsych, in clinic.", ["MRCPsych"]),
    ("Year 6 SATs pressures were no reason to delay; the EHCP annual review did not consider them.", ["Year 6 SATs", "EHCP"]),
]


@pytest.mark.parametrize(("text", "leak"), LEAKS, ids=[leak for _, leak in LEAKS])
def test_identifying_text_is_not_published(settings: Settings, detector: Detector, text: str, leak: str) -> None:
    out = redacted(text, settings, detector)
    assert leak not in out, out


@pytest.mark.parametrize(("text", "words"), KEPT, ids=[w[0] for _, w in KEPT])
def test_practice_words_are_published(settings: Settings, detector: Detector, text: str, words: list[str]) -> None:
    out = redacted(text, settings, detector)
    for word in words:
        assert word in out, out


CASE = """
people:
  - name: "Shari Quennell"
    role: "mother"
    group: family
    pseudonym: "Mother"
  - name: "Leon Fairclough"
    role: "mother's partner"
    group: family
    pseudonym: "Mother's partner"
  - name: "Tayla Quennell"
    role: "subject child"
    group: family
    pseudonym: "Child T"
"""


@pytest.fixture(scope="module")
def listed(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return settings_with_case(Path(tmp_path_factory.mktemp("case")), CASE)


# A listed person's first initial is found alone ("T's forehead"), but not as a letter after
# an apostrophe in capitals, nor as left or right in a clinical note.
INITIALS_KEPT = [
    ("EASTERBY CHILDREN'S SERVICES", "CHILDREN'S SERVICES"),
    ("1. CHILDREN'S SOCIAL CARE CASE NOTES", "CHILDREN'S SOCIAL CARE"),
    ("WHAT THE FAMILY SAID: \"WE DON'T TRUST THEM\"", "DON'T"),
    ("Seen by the GP: ?NAI, bruise L cheek, referral made.", "bruise L cheek"),
    ("small scald R forearm and L hand", "L hand"),
    # The listed person named in the same draft: every form of the name is searched again.
    ("2.3 Partner: Leon Fairclough. 3.1 Seen by the GP: bruise L cheek, referral made.", "bruise L cheek"),
]


@pytest.mark.parametrize(("text", "kept"), INITIALS_KEPT, ids=[k for _, k in INITIALS_KEPT])
def test_a_listed_initial_is_not_a_letter_of_a_word_or_a_side(
    listed: Settings, detector: Detector, text: str, kept: str
) -> None:
    out = redacted(text, listed, detector)
    assert kept in out, out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bruise to T's forehead, T running around clinic", "bruise to Child T's forehead, Child T running around clinic"),
        ("L's coat was by the door", "Mother's partner's coat was by the door"),
    ],
)
def test_a_listed_initial_used_as_a_name_is_still_redacted(
    listed: Settings, detector: Detector, text: str, expected: str
) -> None:
    assert redacted(text, listed, detector) == expected


@pytest.mark.parametrize(
    ("text", "leak"),
    [
        ("18/02/19 | TM JB agreed S47. SW LK allocated. Strategy discussion with DS Rahman.", "JB"),
        ("DNA x2 for Tayla (child health clinic) | HV BO", "BO"),
        ("Attended ED, triaged by SN RM at 2315hrs.", "RM"),
    ],
    ids=["TM JB", "HV BO", "SN RM"],
)
def test_a_worker_named_by_role_and_initials_is_redacted(
    settings: Settings, detector: Detector, text: str, leak: str
) -> None:
    out = redacted(text, settings, detector)
    assert f" {leak}" not in out, out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CAD 1234 of 12/03/2019: report of a DV incident.",
            "CAD (reference number) of (a date in March 2019): report of a DV incident.",
        ),
        ("The fine was CAD 1,500 in 2018.", "The fine was (amount) in 2018."),
    ],
)
def test_a_police_log_number_of_a_day_is_a_reference_not_an_amount(
    settings: Settings, detector: Detector, text: str, expected: str
) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "leak"),
    [
        # A chronology table: the "Source" column's cell "Ward" right before the event's cell.
        ("Ward\n\nAdmitted Kestrel Ward under Dr Venkataraman.", "Kestrel"),
        ("Hospital\n\nSeen at Easterby Royal Infirmary by the registrar.", "Easterby"),
        ("School\n\nJordan Quennell moved to Fernhill Primary Academy in Year 5.", "Fernhill"),
    ],
    ids=["ward", "hospital", "school"],
)
def test_a_pattern_does_not_run_from_one_paragraph_into_the_next(
    settings: Settings, detector: Detector, text: str, leak: str
) -> None:
    # Paragraphs are read together, joined by a blank line; a pattern's space between words
    # ran across it from the cell before ("Ward\n\nAdmitted Kestrel Ward"), the finding was
    # cut to the first paragraph and the real one in the second was never matched.
    doc = document_from_text(text)
    decisions, _ = analyse(doc, settings, detector)
    out = render_text(doc, decisions.edits)
    assert leak not in out, out
