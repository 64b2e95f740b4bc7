"""Agency records as IMRs quote them: a GP's clinical entries, police logs and custody
records, a school's pupil record, children's social care case notes, probation and CAMHS.

From a red-team pass over fictional IMRs in each agency's voice (session 7). Each row was
published (a leak) or redacted (a false alarm) before its fix. Detection and decision with
the session detector, scr policy; every name, number and place is invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
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
