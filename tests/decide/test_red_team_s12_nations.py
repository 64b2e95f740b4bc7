"""Reviews from Wales, Scotland and Northern Ireland, and England's newer terms (session 12).

The keep list was grown on English practice. A red-team pass in the voices of each nation's
review authors found their agencies, roles, processes and law redacted ("Estyn" read
"Person A", "Police Scotland" read "Police (place)", "the Children (Northern Ireland) Order
1995" read "the Children (place) Order", "NHS Tayside" read "NHS Person A"), and places
written in Welsh or Gaelic published in part ("14 Heol y Felin" read "14 (place) y (place)",
"Ysgol Gymraeg Bro Taf" read "Person B Taf"). Each case failed before its fix.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted

# Practice of the devolved nations and of Working Together 2023 that is neither a place's nor
# a person's name: kept by every policy.
PRACTICE = [
    "Estyn had judged the school's safeguarding arrangements effective.",
    "Social Care Wales registers all social workers.",
    "Cafcass Cymru prepared a report for the court.",
    "SCRA records show two previous referrals.",
    "A Safeguarder was appointed by the Children's Panel.",
    "A CPCC was convened after the IRD.",
    "The IRD involved Police Scotland, health and social work.",
    "Education Scotland reviewed the school's wellbeing practice.",
    "The Scottish Child Abuse Inquiry is not relevant to this review.",
    "The Police Service of Northern Ireland made a referral to the Gateway Team.",
    "A UNOCINI assessment identified unmet need.",
    "MARAC is chaired by the PSNI.",
    "The SBNI Case Management Review Panel agreed the terms of reference.",
    "This Case Management Review was commissioned by the Safeguarding Board for Northern Ireland.",
    "The Probation Board for Northern Ireland supervised the licence.",
    "The NICCY report was cited by the panel.",
    "The Children (Northern Ireland) Order 1995 sets out the duty to investigate.",
    "The Adoption (Northern Ireland) Order 1987 governed the placement.",
    "The Children's Hearings (Scotland) Act 2011 governs the hearing.",
    "The guidance Co-operating to Safeguard Children and Young People in Northern Ireland applies.",
    "This is in line with the National Guidance for Child Protection in Scotland 2021.",
    "The Delegated Safeguarding Partners met monthly.",
    "The Independent Review of Children's Social Care recommended Family Help.",
    "The Children's Wellbeing and Schools Bill will introduce multi-agency child protection teams.",
    "The Family Intervention Team worked with the family.",
    "The Youth Offending Service worked with him.",
    "The Children (Scotland) Act 1995 is relevant.",
    "The Domestic Abuse (Scotland) Act 2018 created a new offence.",
    "Barnardo's Scotland provided a family support worker.",
]


@pytest.mark.parametrize("text", PRACTICE)
def test_practice_of_the_nations_is_kept(text: str, each_policy: tuple[Settings, Detector]) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == text


# Bodies named after their area (health boards, trusts, regional boards, councils in Gaelic)
# and national governments: kept whole by scr, as an English council or NHS trust is.
AGENCIES = [
    "Hywel Dda University Health Board held records of four attendances.",
    "Betsi Cadwaladr University Health Board provided midwifery care.",
    "Powys Teaching Health Board had no involvement with the family.",
    "This review was commissioned by the Cwm Taf Morgannwg Safeguarding Board.",
    "The Gwent Safeguarding Board shared learning.",
    "NHS Greater Glasgow and Clyde provided health visiting to the family.",
    "NHS Tayside held the child's hospital records.",
    "The health visitor from NHS Fife visited.",
    "NHS Norfolk and Waveney Integrated Care Board provided the health chronology.",
    "Comhairle nan Eilean Siar social work services had been involved since birth.",
    "The correspondence from Llywodraeth Cymru was translated for the panel.",
    "The Procurator Fiscal decided not to prosecute.",
    "The Crown Office and Procurator Fiscal Service was informed.",
    "A Child Protection Order was granted at Paisley Sheriff Court.",
]


@pytest.mark.parametrize("text", AGENCIES)
def test_agencies_of_the_nations_are_kept_by_scr(text: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NHS Tayside held the child's hospital records.", "(agency) held the child's hospital records."),
        (
            "Hywel Dda University Health Board held the records.",
            "(agency) held the records.",
        ),
        ("The Gwent Safeguarding Board shared learning.", "The (agency) shared learning."),
    ],
)
def test_strict_masks_an_area_named_agency_whole(
    text: str, expected: str, strict_settings: Settings, strict_detector: Detector
) -> None:
    assert redacted(text, strict_settings, strict_detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cerys attended Ysgol Gymraeg Bro Taf.", "Person A attended (school)."),
        ("Ruaridh attended Sgoil Ghàidhlig Ghlaschu.", "Person A attended (school)."),
        ("The headteacher of Ysgol Gyfun Cwm Rhymni made a referral.", "The headteacher of (school) made a referral."),
        ("The family lived at 14 Heol y Felin, Llanelli.", "The family lived at (address), (place)."),
        ("He lived at Flat 2, 9 Ffordd y Môr, with his mother.", "He lived at (address), with his mother."),
        ("She attended Sgoil an Rubha each day.", "She attended (school) each day."),
        ("A neighbour at Maes yr Haf raised concerns.", "A neighbour at (address) raised concerns."),
        ("He was registered with Meddygfa Tywi.", "He was registered with (GP practice)."),
        ("He was taken to Ysbyty Glan Clwyd.", "He was taken to (hospital)."),
    ],
)
def test_places_named_in_welsh_or_gaelic_are_removed_whole(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Too small for the gazetteer, and the kind of place says what follows is one.
        ("The family lived in the townland of Drumaness.", "The family lived in the townland of (place)."),
        ("Her grandmother lived on the island of Eriskay.", "Her grandmother lived on the island of (place)."),
        # A Gaelic primary school ("Bun-sgoil Shlèite" read "Bun-sgoil Person B").
        ("His teacher at Bun-sgoil Shlèite noticed bruising.", "His teacher at (school) noticed bruising."),
        # A role, not a case's rare feature.
        ("She was the children's childminder.", "She was the children's childminder."),
    ],
)
def test_small_places_and_practice_words_of_the_nations(
    text: str, expected: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    assert redacted(text, settings, detector) == expected
