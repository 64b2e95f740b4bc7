"""Recommendations from an IMR and the appendix that lists them (issue 5)."""

from __future__ import annotations

import re

import pytest

from anonymiser.decide.recommendations import (
    APPENDIX_TITLE,
    UNNAMED_AGENCY,
    AgencyRecommendations,
    RecommendationItem,
    agency_key,
    extract_recommendations,
    group_by_agency,
    render_appendix,
)
from anonymiser.decide.scope import (
    DEFAULT_SECTION_RULES,
    SectionRules,
    classify_sections,
    find_sections,
    load_section_rules,
)
from anonymiser.records import Location, TextUnit

_LEVEL_MARK = re.compile(r"^\[H(\d)\]\s*")


def make_units(text: str, part: str = "text") -> list[TextUnit]:
    """Paragraph units split on blank lines; "[H2] " in front mimics a Word heading style."""
    units = []
    for para in re.split(r"\n\s*\n", text.strip("\n")):
        if not para.strip():
            continue
        level = None
        mark = _LEVEL_MARK.match(para)
        if mark:
            level = int(mark.group(1))
            para = para[mark.end() :]
        units.append(TextUnit(uid=len(units), text=para, location=Location(part, len(units) + 1), heading_level=level))
    return units


@pytest.fixture(scope="module")
def rules() -> SectionRules:
    return load_section_rules(DEFAULT_SECTION_RULES)


def extract(text: str, rules: SectionRules, part: str = "text") -> AgencyRecommendations:
    units = make_units(text, part)
    sections = classify_sections(find_sections(units, rules), units, rules)
    return extract_recommendations(units, sections, rules)


IMR = """
{agency_line}

INDIVIDUAL MANAGEMENT REVIEW

Serious Case Review: Child P

Author: Detective Sergeant Lena Corrow

CONTENTS

1. Introduction

6. Recommendations

1. INTRODUCTION

1.1 This review sets out the force's contact with Child P and her mother Carys Venn.

2. POLICE INVOLVEMENT

2.1 On 4 May 2019 officers attended Larkspur Row after a neighbour called 01632 960417.

6. RECOMMENDATIONS

The review makes the following recommendations, agreed with the head of public protection.

6.1 Officers attending any child welfare incident should check every adult present.

6.2 Public Protection Notices should prompt officers to consider neglect.

This should be audited after six months, and the audit reported to the Public Protection Board.

6.3 MASH researchers should consider the disclosure scheme in every high-risk case.

7. APPENDIX: GLOSSARY

MASH: Multi-Agency Safeguarding Hub.
"""


@pytest.mark.parametrize("agency_line", ["Westmere Constabulary", "WESTMERE CONSTABULARY"])
def test_imr_recommendations_under_the_agency(agency_line: str, rules: SectionRules) -> None:
    got = extract(IMR.format(agency_line=agency_line), rules)
    assert got.agency == "Westmere Constabulary"
    assert [(i.number, i.text) for i in got.items] == [
        ("6.1", "Officers attending any child welfare incident should check every adult present."),
        ("6.2", "Public Protection Notices should prompt officers to consider neglect.\n"
                "This should be audited after six months, and the audit reported to the Public Protection Board."),
        ("6.3", "MASH researchers should consider the disclosure scheme in every high-risk case."),
    ]
    units = make_units(IMR.format(agency_line=agency_line))
    assert [units[i.unit].text[:3] for i in got.items] == ["6.1", "6.2", "6.3"]


def test_agency_is_none_when_nothing_names_one(rules: SectionRules) -> None:
    text = IMR.format(agency_line="Prepared for Westmere Safeguarding Children Partnership")
    got = extract(text, rules)
    assert got.agency is None
    assert len(got.items) == 3


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("Agency: Dunmore Borough Council", "Dunmore Borough Council"),
        ("Individual Management Review: Westmere Children's Social Care", "Westmere Children's Social Care"),
        ("Individual Management Review of Westmere Constabulary", "Westmere Constabulary"),
        ("WESTMERE COMMUNITY HEALTH NHS TRUST", "Westmere Community Health NHS Trust"),
        ("Westmere Hospitals NHS Foundation Trust", "Westmere Hospitals NHS Foundation Trust"),
        ("Submitted by Westmere Clinical Commissioning Group", "Westmere Clinical Commissioning Group"),
        ("Isle of Penmoor Council", "Isle of Penmoor Council"),
        ("Children's Social Care", "Children's Social Care"),
        ("Westmere and Dunmore Police", "Westmere and Dunmore Police"),
        ("The Children's Society", "The Children's Society"),
    ],
)
def test_agency_from_the_title_page(line: str, agency: str, rules: SectionRules) -> None:
    got = extract(f"{line}\n\nINDIVIDUAL MANAGEMENT REVIEW\n\n1. RECOMMENDATIONS\n\n1.1 Do better.", rules)
    assert got.agency == agency


def test_agency_falls_back_to_a_heading(rules: SectionRules) -> None:
    got = extract("1. INTRODUCTION\n\nText.\n\n2. WESTMERE CONSTABULARY RECOMMENDATIONS\n\n2.1 Do better.", rules)
    assert got.agency == "Westmere Constabulary"


def test_word_list_recommendations_without_typed_numbers(rules: SectionRules) -> None:
    # Word keeps list numbers out of the text: each paragraph is one recommendation.
    got = extract(
        "[H1] Findings\n\nText.\n\n[H1] Recommendations\n\nThe author recommends the following:\n\n"
        "Health visitors should see the mother alone.\n\nThe Trust should revise its bruising guidance.\n\n"
        "[H1] Appendix\n\nGlossary text.",
        rules,
        part="body",
    )
    assert [(i.number, i.text) for i in got.items] == [
        (None, "Health visitors should see the mother alone."),
        (None, "The Trust should revise its bruising guidance."),
    ]


def test_typed_list_in_one_paragraph_is_split(rules: SectionRules) -> None:
    got = extract(
        "5. RECOMMENDATIONS\n\n- 5.1 Records to be simplified.\n- 5.2 Conferences to be held on time, so that\n"
        "the plan is agreed.\n- 5.3 Thresholds to be applied consistently.",
        rules,
    )
    assert [(i.number, i.text) for i in got.items] == [
        ("5.1", "Records to be simplified."),
        ("5.2", "Conferences to be held on time, so that the plan is agreed."),
        ("5.3", "Thresholds to be applied consistently."),
    ]


def test_grouping_headings_are_not_recommendations(rules: SectionRules) -> None:
    got = extract(
        "8. RECOMMENDATIONS\n\n8.1 Staff Training\n\n8.1.1 All staff to attend escalation training.\n\n"
        "8.2 Record Keeping\n\n8.2.1 Case notes to record who lives in the household.",
        rules,
    )
    assert [i.number for i in got.items] == ["8.1.1", "8.2.1"]


def test_recommendation_label_with_text_in_the_next_paragraph(rules: SectionRules) -> None:
    got = extract("4. RECOMMENDATIONS\n\nRecommendation 1:\n\nStaff should check every adult present.", rules)
    assert [(i.number, i.text) for i in got.items] == [("1", "Staff should check every adult present.")]


def test_no_recommendations_section(rules: SectionRules) -> None:
    got = extract("Westmere Constabulary\n\n1. FINDINGS\n\n1.1 Agencies did not share information.", rules)
    assert got == AgencyRecommendations(agency="Westmere Constabulary", items=[])


def test_default_rules_are_loaded_when_none_are_given() -> None:
    units = make_units("Westmere Constabulary\n\n1. RECOMMENDATIONS\n\n1.1 Do better.")
    got = extract_recommendations(units, find_sections(units))
    assert got.agency == "Westmere Constabulary" and [i.text for i in got.items] == ["Do better."]


# -- rendering -----------------------------------------------------------------------------


def test_render_appendix_numbers_agencies_and_recommendations() -> None:
    agencies = [
        AgencyRecommendations("Westmere Constabulary", [
            RecommendationItem("6.1", "Check every adult present.", 3),
            RecommendationItem("6.2", "Consider neglect.\nAudit after six months.", 4),
        ]),
        AgencyRecommendations(None, [RecommendationItem(None, "See the mother alone.", 9)]),
        AgencyRecommendations("Westmere County Council", []),
    ]
    assert render_appendix(agencies) == [
        (APPENDIX_TITLE, 1),
        ("1. Westmere Constabulary", 2),
        ("1.1 Check every adult present.", None),
        ("1.2 Consider neglect.", None),
        ("Audit after six months.", None),
        (f"2. {UNNAMED_AGENCY}", 2),
        ("2.1 See the mother alone.", None),
        ("3. Westmere County Council", 2),
        ("No recommendations were found in this Individual Management Review.", None),
    ]


def test_render_appendix_title_and_intro() -> None:
    lines = render_appendix([], title="Appendix 2: IMR recommendations", intro="Reproduced from the IMRs.")
    assert lines == [("Appendix 2: IMR recommendations", 1), ("Reproduced from the IMRs.", None)]
    assert APPENDIX_TITLE == "Appendix 1: Recommendations from agency Individual Management Reviews"


def test_imrs_of_one_agency_share_one_heading() -> None:
    # Two IMRs from the police (spelt with other capitals and spacing) and one from health:
    # one heading per agency, in the order the agencies are first given, the police's
    # recommendations together in the order given, numbered on.
    agencies = [
        AgencyRecommendations("Westmere Constabulary", [RecommendationItem("6.1", "Check every adult present.", 3)]),
        AgencyRecommendations("Westmere Community Health NHS Trust", [RecommendationItem("1", "Record fathers.", 5)]),
        AgencyRecommendations("westmere  CONSTABULARY ", [RecommendationItem("2.1", "Audit the custody log.", 7)]),
    ]
    assert render_appendix(agencies) == [
        (APPENDIX_TITLE, 1),
        ("1. Westmere Constabulary", 2),
        ("1.1 Check every adult present.", None),
        ("1.2 Audit the custody log.", None),
        ("2. Westmere Community Health NHS Trust", 2),
        ("2.1 Record fathers.", None),
    ]
    assert [g.sources for g in group_by_agency(agencies)] == [(0, 2), (1,)]
    # The inputs are not changed by the grouping: rendering twice gives the same appendix.
    assert len(agencies[0].items) == 1
    assert render_appendix(agencies) == render_appendix(agencies)


def test_imrs_whose_agency_was_not_found_are_never_merged() -> None:
    agencies = [
        AgencyRecommendations(None, [RecommendationItem(None, "See the mother alone.", 9)]),
        AgencyRecommendations(None, [RecommendationItem(None, "Share the plan.", 2)]),
    ]
    headings = [line for line, level in render_appendix(agencies) if level == 2]
    assert headings == [f"1. {UNNAMED_AGENCY}", f"2. {UNNAMED_AGENCY}"]


def test_one_agency_with_no_recommendations_in_any_of_its_imrs() -> None:
    agencies = [AgencyRecommendations("Westmere County Council", [])] * 2
    assert render_appendix(agencies)[1:] == [
        ("1. Westmere County Council", 2),
        ("No recommendations were found in these Individual Management Reviews.", None),
    ]


def test_agency_key_ignores_case_spacing_and_apostrophe() -> None:
    assert agency_key("St Aldric\u2019s  Primary School") == agency_key("ST ALDRIC'S PRIMARY SCHOOL")
    assert agency_key("Westmere Constabulary") != agency_key("Westmere County Council")
    assert agency_key(None) is None and agency_key("  ") is None


# -- red team, session 7 -------------------------------------------------------------------


def _cell(uid: int, text: str, row: int, cell: int, table: int = 1) -> TextUnit:
    return TextUnit(uid=uid, text=text, location=Location("body", uid + 1, cell=f"table {table}, row {row}, cell {cell}"))


def _body(uid: int, text: str) -> TextUnit:
    return TextUnit(uid=uid, text=text, location=Location("body", uid + 1))


def _extract_units(units: list[TextUnit], rules: SectionRules) -> AgencyRecommendations:
    sections = classify_sections(find_sections(units, rules), units, rules)
    return extract_recommendations(units, sections, rules)


REC_1 = "Officers attending domestic incidents should record every child present."
REC_2 = "Supervisors should check that a referral is made after every domestic incident."


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # recommendation | lead agency | timescale, under a header row
        (
            [["Recommendation", "Lead agency", "Timescale"], [REC_1, "Public Protection Unit", "March 2023"],
             [REC_2, "Response policing", "June 2023"]],
            [(None, REC_1), (None, REC_2)],
        ),
        # a number column
        (
            [["No", "Recommendation", "Lead", "Timescale"], ["1", REC_1, "PPU", "Six months"],
             ["2", REC_2, "Response", "Three months"]],
            [("1", REC_1), ("2", REC_2)],
        ),
        # no header row; "Recommendation 1" in the first cell
        (
            [["Recommendation 1", REC_1, "PPU"], ["Recommendation 2", REC_2, "Response"]],
            [("1", REC_1), ("2", REC_2)],
        ),
    ],
    ids=["header", "numbers", "labels"],
)
def test_recommendations_in_a_table(rows: list[list[str]], expected: list[tuple[str | None, str]], rules: SectionRules) -> None:
    # Recommendations set out as a table were all lost: the appendix said "No
    # recommendations were found" for the IMR.
    units = [_body(0, "WESTMERE CONSTABULARY"), _body(1, "1. INTRODUCTION"), _body(2, "Text of the introduction."),
             _body(3, "4. RECOMMENDATIONS"), _body(4, "The review makes these recommendations:")]
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row, start=1):
            units.append(_cell(len(units), text, r, c))
    units += [_body(len(units), "5. APPENDIX: GLOSSARY"), _body(len(units) + 1, "PPU: Public Protection Unit.")]
    got = _extract_units(units, rules)
    assert [(i.number, i.text) for i in got.items] == expected


def test_an_imr_subtitle_is_not_the_agency(rules: SectionRules) -> None:
    # "IMR: Health visiting and school nursing" names the service reviewed; the Trust on the
    # line above is the agency.
    got = extract(
        "Harrowfold Community Health NHS Trust\n\nIMR: Health visiting and school nursing\n\n"
        "1. RECOMMENDATIONS\n\n1.1 Do better.",
        rules,
    )
    assert got.agency == "Harrowfold Community Health NHS Trust"


@pytest.mark.parametrize("bullet", ["•", "-", "–", "▪", "*", "o", "(a)", "a)", "(i)"])
def test_bullets_are_not_part_of_a_recommendation(bullet: str, rules: SectionRules) -> None:
    # Rendered "1.1 • Health visitors should ...".
    got = extract(
        "Harrowfold Community Health NHS Trust\n\n1. Single agency recommendations\n\n"
        f"{bullet} Health visitors should ask who else lives in the home.\n\n"
        f"{bullet} The safeguarding team should audit the recording of fathers.",
        rules,
    )
    assert [i.text for i in got.items] == [
        "Health visitors should ask who else lives in the home.",
        "The safeguarding team should audit the recording of fathers.",
    ]


def test_a_table_saved_as_text_keeps_its_columns_apart(rules: SectionRules) -> None:
    # Word saves a table as text with tabs between cells; the lead agency and timescale were
    # glued onto the recommendation ("... at the address Public Protection Unit March 2023").
    got = extract(
        "Westmere Constabulary\n\n4. Recommendations\n\nNo\tRecommendation\tLead\tTimescale\n\n"
        f"1\t{REC_1}\tPublic Protection Unit\tMarch 2023\n\n2\t{REC_2}\tResponse policing\tJune 2023\n\n"
        "5. Glossary\n\nPPU: Public Protection Unit.",
        rules,
    )
    assert [(i.number, i.text) for i in got.items] == [("1", REC_1), ("2", REC_2)]
