"""Chronology and case narrative inside the sections a findings-only report keeps.

Headings decide the scope; a red team found what headings cannot catch: a chronology pasted
into "Findings", and the story of the case under a sub-heading nobody listed ("4.2 Saturday
night") or under an unstyled line in a styled draft. Such a section stays kept (this signal
never drops text) but needs review, with the evidence quoted. A chronology that is a passage
among findings is its own review row (kind "passage"): the consultant drops the passage and
keeps the findings around it. Findings that cite a date here and there ("In April 2019 the
MASH decided ...") are not flagged. Every draft here is fictional.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from anonymiser.decide.narrative import Entry, NarrativeRules, narrative_evidence
from anonymiser.decide.scope import (
    DEFAULT_SECTION_RULES,
    SectionRules,
    classify_sections,
    find_sections,
    flag_narrative,
    load_section_rules,
    scope_units,
)
from anonymiser.decide.sections import plan_sections
from anonymiser.detect.engine import Detector
from anonymiser.errors import ConfigError
from anonymiser.read import read_document
from anonymiser.records import SectionInfo, TextUnit
from anonymiser.settings import load_settings
from tests.conftest import SAMPLES, SHARED
from tests.decide.test_scope import by_heading, make_units

PUBLISHED_EXAMPLE = SHARED / "reference" / "published-findings-report-example.txt"


@pytest.fixture(scope="module")
def rules() -> SectionRules:
    return load_section_rules(DEFAULT_SECTION_RULES)


def flagged(text: str, rules: SectionRules) -> tuple[list[TextUnit], list[SectionInfo]]:
    units = make_units(text)
    return units, flag_narrative(classify_sections(find_sections(units, rules), units, rules), units, rules)


# -- what opens with a date ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("entry", "opens"),
    [
        ("12.03.19 HV visit. Mother and baby seen at home.", True),
        ("14/04/2019 Police attend the footbridge", True),
        ("3.5 On 19 November 2018 the health visitor carried out the review.", True),
        ("On Saturday 18 May 2019 the father had the children for contact.", True),
        ("At 05:10 a delivery driver called 999.", True),
        ("(b) 7th of May: nursery referral to the MASH.", True),
        ("21 January 2019 – bruise to the left cheek recorded on a body map.", True),
        ("Tues 12th March: Mother attends GP with low mood.", True),
        ("➢ 19.03.19 – GP appointment missed.", True),
        ("At approximately 02:15 shouting was heard from the flat.", True),
        ("Shortly after 03:00 the officers left.", True),
        ("Date: 12/03/2019", True),
        ("12.03.19 HV visit; will review in two weeks.", True),
        # A date that opens a target is a recommendation's deadline, not an event.
        ("3.1 By 31 March 2021 the Partnership should audit its escalation procedure.", False),
        ("4.15 At paragraph 4.3 the review found no record.", False),
        ("At 4.30 the child was still with his grandmother.", False),  # a one-digit hour with a dot: a number
        ("From 1 April 2021, all agencies will record who lives in the household.", False),
        # Findings cite months and years, and paragraph numbers are not dates or times.
        ("In April 2019 the MASH decided that the event was an accident.", False),
        ("4.15 Good practice was seen in the nursery's recording.", False),
        ("4.3 The health visitor did not visit the family after the birth.", False),
        ("2019 was the year the Partnership changed its front door.", False),
        ("Section 47 enquiries were not started.", False),
        ("2 may be read with recommendation 3.", False),  # a month name takes its capital
        ("The review found that on 15 April 2019 no strategy discussion was held.", False),
    ],
)
def test_an_entry_opens_with_an_exact_date_or_time(entry: str, opens: bool, rules: SectionRules) -> None:
    assert rules.narrative.opens_with_when(entry) is opens


# -- sections flagged ------------------------------------------------------------------------

PLANTED_CHRONOLOGY = """
1. INTRODUCTION

1.1 This review was commissioned by the Partnership after a child was seriously harmed.

4. FINDINGS

4.1 Agencies did not know who was living in the household, and did not ask.

12.03.19 HV visit. Mother says the partner has moved out. Baby weighed.

19.03.19 GP appointment missed. Letter sent to the mother.

02.04.19 Nursery records a bruise to the cheek; mother says he fell against the sofa.

4.2 The review found that the escalation procedure was not used by any agency.

5. RECOMMENDATIONS

5.1 The Partnership should audit the use of its escalation procedure.
"""


def passages(sections: list[SectionInfo]) -> list[SectionInfo]:
    return [s for s in sections if s.kind == "passage"]


def test_a_chronology_pasted_into_findings_is_a_passage_row(rules: SectionRules) -> None:
    units, sections = flagged(PLANTED_CHRONOLOGY, rules)
    # The findings around the chronology are findings: the section is kept as its heading says.
    findings = by_heading(sections, "4. FINDINGS")
    assert (findings.action, findings.status, findings.reason) == ("keep", "auto", "heading matches 'findings' (keep)")
    [passage] = passages(sections)
    assert (passage.action, passage.status) == ("keep", "needs_review")
    assert [units[u].text[:8] for u in passage.units] == ["12.03.19", "19.03.19", "02.04.19"]
    assert passage.heading == "12.03.19 HV visit. Mother says the partner has moved out. Baby weighed."
    assert passage.reason.startswith("3 paragraphs inside '4. FINDINGS' read like chronology or case narrative")
    assert "3 paragraphs in a row open with a date or time or tell an event on a date: '12.03.19 HV visit." in passage.reason
    # Listed after the sections, so the sections' rows keep their numbers.
    assert sections[-1] is passage and passage.index == len(sections) - 1
    # The signal never drops text, and the sections around are untouched.
    assert not scope_units(sections)
    for heading in ("1. INTRODUCTION", "5. RECOMMENDATIONS"):
        assert by_heading(sections, heading).status == "auto"


SHORT_NARRATIVE_AMONG_FINDINGS = """
4. FINDINGS

4.1 Agencies did not share what they knew about the household, and nobody asked who lived there.

4.2 The health visitor saw the baby at home on 12 March 2019 and noticed a mark on his cheek.

4.3 The nursery manager telephoned the duty line on 2 April 2019 about a second bruise.

4.4 The mother took the baby to the emergency department on 9 April 2019, where a doctor examined him.

4.5 Practitioners accepted explanations that fitted a reassuring picture of the family.

4.6 Supervision did not give the social worker the space to challenge the plan.

4.7 The escalation procedure was not used by any agency during the period under review.

4.8 The Partnership's audit in September 2019 found the same pattern in other cases.
"""


def test_a_short_narrative_among_findings_is_a_passage_row(rules: SectionRules) -> None:
    # Three dated event sentences, none opening with a date: too few for the section's
    # thresholds (it was published silently), but three in a row make a passage.
    units, sections = flagged(SHORT_NARRATIVE_AMONG_FINDINGS, rules)
    assert by_heading(sections, "4. FINDINGS").status == "auto"
    [passage] = passages(sections)
    assert [units[u].text[:3] for u in passage.units] == ["4.2", "4.3", "4.4"]
    assert "3 paragraphs in a row open with a date or time or tell an event on a date: '4.2 The health visitor saw" in passage.reason


# The findings section holds nothing but the chronology.
ALL_CHRONOLOGY = PLANTED_CHRONOLOGY.replace(
    "4.1 Agencies did not know who was living in the household, and did not ask.\n", ""
).replace("4.2 The review found that the escalation procedure was not used by any agency.\n", "")


def test_a_section_that_is_all_chronology_is_decided_whole(rules: SectionRules) -> None:
    _, sections = flagged(ALL_CHRONOLOGY, rules)
    findings = by_heading(sections, "4. FINDINGS")
    assert (findings.action, findings.status) == ("keep", "needs_review")
    assert "3 paragraphs open with a date or time: '12.03.19 HV visit." in findings.reason
    assert passages(sections) == []


CHRONOLOGY_TABLE = """
4. ANALYSIS AND FINDINGS

4.1 The nursery's concerns were not escalated. The entries below show what was known.

Date | Agency | Event
07/05/2019 | Nursery | Healing bruise to the right ear. Referral to the MASH.
16/05/2019 | Children's Social Care | Grandmother telephones the duty line.
20/05/2019 | Children's Social Care | Father leaves a voicemail. Not returned.

4.2 None of these contacts led to a strategy discussion.
"""


def test_chronology_table_rows_in_findings_are_a_passage_row(rules: SectionRules) -> None:
    units, sections = flagged(CHRONOLOGY_TABLE, rules)
    assert by_heading(sections, "4. ANALYSIS AND FINDINGS").status == "auto"
    [passage] = passages(sections)
    # The rows are lines of one paragraph here: the whole paragraph goes, its header row too.
    assert [units[u].text.splitlines()[0] for u in passage.units] == ["Date | Agency | Event"]
    assert passage.reason.startswith("4 table rows inside '4. ANALYSIS AND FINDINGS' read like chronology")
    assert "3 table rows in a row open with a date: '07/05/2019 | Nursery | Healing bruise" in passage.reason


NARRATIVE_UNDER_A_NEW_SUB_HEADING = """
4. FINDINGS

4.1 Practitioners were not supported to challenge one another's decisions.

4.2 Saturday Night

4.3 On 18 May 2019 the father collected the children for contact and noticed three round bruises on the boy's back. He photographed them on his phone.

4.4 On 20 May 2019 he telephoned the social worker and left a voicemail, which nobody returned.

4.5 The grandmother rang the duty line on 16 May 2019 and said the partner had a temper.

4.6 On 22 May 2019 the mother took the boy to the GP, who examined him and saw no injury.

5. CONCLUSIONS

5.1 The harm to the child could have been prevented.
"""


def test_narrative_under_an_unknown_sub_heading_of_findings_needs_review(rules: SectionRules) -> None:
    _, sections = flagged(NARRATIVE_UNDER_A_NEW_SUB_HEADING, rules)
    story = by_heading(sections, "4.2 Saturday Night")
    assert (story.action, story.status) == ("keep", "needs_review")
    assert story.reason.startswith("part of '4. FINDINGS' (keep); kept, but its text reads like chronology")
    assert "4 sentences tell an event on a date: '4.3 On 18 May 2019 the father collected" in story.reason
    # The parent's own text is findings: not flagged.
    assert by_heading(sections, "4. FINDINGS").status == "auto"
    assert by_heading(sections, "5. CONCLUSIONS").status == "auto"


UNSTYLED_SUB_HEADING_IN_A_STYLED_DRAFT = """
[H1] Introduction

This review was commissioned by the Partnership after a child was seriously harmed.

[H1] Findings

Agencies did not know who was living in the household.

The weekend of the footbridge

At 05:10 on Sunday 14 April 2019 a delivery driver found the boy alone on the footbridge.

At 05:19 two officers arrived and took him home, where the front door was open.

At 07:55 the officer sent a notice to the MASH describing a lapse of supervision.

[H1] Recommendations

The Partnership should review its guidance on children found alone.
"""


def test_narrative_under_an_unstyled_line_in_a_styled_draft_needs_review(rules: SectionRules) -> None:
    # The plain line is not a heading in a draft whose headings are styled, so its story
    # falls into the kept "Findings" section: the content check is what sees it.
    _, sections = flagged(UNSTYLED_SUB_HEADING_IN_A_STYLED_DRAFT, rules)
    assert [s.heading for s in sections if s.kind == "section"] == ["Introduction", "Findings", "Recommendations"]
    assert by_heading(sections, "Findings").status == "auto"
    [passage] = passages(sections)
    # The line above the run is its title: it goes with the passage.
    assert passage.heading == "The weekend of the footbridge"
    assert len(passage.units) == 4 and passage.status == "needs_review"
    assert "3 paragraphs in a row open with a date or time or tell an event on a date: 'At 05:10 on Sunday" in passage.reason


# -- findings that cite dates are not flagged --------------------------------------------------

FINDINGS_THAT_CITE_DATES = """
4. FINDINGS

Finding 1: The MASH treated a serious event as an accident

4.1 In April 2019 the MASH decided that a two-year-old found alone at dawn had been the subject of an accident. The review found that the decision was made on the notice alone.

4.2 On 15 April 2019 no strategy discussion was held, although the threshold was met. This was a missed opportunity, and the Partnership's audit in September 2019 found the same pattern in other cases.

4.3 The information that arrived between 7 May and 20 May 2019 (the nursery's referral, the grandmother's call and the father's voicemail) was added to the open assessment without a new decision.

Finding 2: Supervision did not support challenge

4.4 Supervision sessions were cancelled twice in the spring of 2019. The social worker told the review that she did not know the bruising protocol applied to open cases.

4.5 The team manager signed off the assessment on 28 May 2019 without reading the case notes. Practitioners across agencies accepted explanations that fitted a reassuring picture.

4.6 Since March 2020 the Partnership has revised its escalation procedure, and a first audit is due in June 2021.
"""


def test_findings_that_cite_dates_are_not_flagged(rules: SectionRules) -> None:
    _, sections = flagged(FINDINGS_THAT_CITE_DATES, rules)
    assert [(s.heading, s.status) for s in sections if s.status != "auto"] == []


def test_dropped_sections_are_not_touched(rules: SectionRules) -> None:
    text = PLANTED_CHRONOLOGY.replace("4. FINDINGS", "4. CHRONOLOGY")
    _, sections = flagged(text, rules)
    chronology = by_heading(sections, "4. CHRONOLOGY")
    assert (chronology.action, chronology.status, chronology.reason) == ("drop", "auto", "heading matches 'chronology' (drop)")
    assert passages(sections) == []


@pytest.mark.parametrize(
    ("signal", "entries"),
    [
        ("paragraphs open", [Entry(f"0{d}.03.19 Home visit by the health visitor.") for d in (1, 2)]),
        ("table row", [Entry("01/03/2019 | GP | Seen", ("01/03/2019", "GP", "Seen"))]),
        ("sentences tell", [Entry("On 1 March 2019 the GP saw the mother. On 2 March 2019 she rang.")]),
        ("exact date or time", [Entry("Seen on 1 March 2019."), Entry("Seen again on 8 March 2019.")]),
    ],
)
def test_each_signal_below_its_threshold_raises_nothing(signal: str, entries: list[Entry]) -> None:
    rules = NarrativeRules(event_verbs=("saw", "rang"))
    assert narrative_evidence(entries, rules) is None
    lower = NarrativeRules(
        date_openers=2, table_rows=1, event_sentences=2, dated_sentences=2, dated_sentences_per_100_words=1.0, event_verbs=("saw", "rang")
    )
    evidence = narrative_evidence(entries, lower)
    assert evidence is not None and signal in evidence


# -- the scope and the thresholds --------------------------------------------------------------


def test_scope_full_flags_nothing(tmp_path: Path) -> None:
    units = make_units(PLANTED_CHRONOLOGY)
    plan = plan_sections(units, load_settings(scope="full"))
    assert all(s.status == "auto" and s.kind == "section" for s in plan.sections)
    findings = plan_sections(units, load_settings(scope="findings"))
    assert [s.status for s in passages(findings.sections)] == ["needs_review"]
    assert not findings.drop_units


@pytest.mark.parametrize(
    ("draft", "keys"),
    [
        (NARRATIVE_UNDER_A_NEW_SUB_HEADING, ("event_sentences", "date_openers", "passage_entries")),
        (PLANTED_CHRONOLOGY, ("date_openers", "passage_entries", "table_rows")),
    ],
)
def test_thresholds_come_from_the_rules_file(draft: str, keys: tuple[str, ...], tmp_path: Path, rules: SectionRules) -> None:
    assert any(s.status == "needs_review" for s in flagged(draft, rules)[1])
    text = DEFAULT_SECTION_RULES.read_text(encoding="utf-8")
    for key in keys:
        number = getattr(rules.narrative, key)
        assert f"  {key}: {number}\n" in text
        text = text.replace(f"  {key}: {number}\n", f"  {key}: {number + 3}\n")
    path = tmp_path / "sections.yml"
    path.write_text(text, encoding="utf-8")
    _, sections = flagged(draft, load_section_rules(path))
    assert [s.heading for s in sections if s.status != "auto"] == []


@pytest.mark.parametrize(
    ("narrative", "expected"),
    [
        ("narrative: [1, 2]", "narrative: expected a mapping"),
        ("narrative:\n  dates: 3", "narrative: unknown key 'dates'"),
        ("narrative:\n  table_rows: 0", "narrative: table_rows: expected a whole number of 1 or more"),
        ("narrative:\n  passage_entries: 0", "narrative: passage_entries: expected a whole number of 1 or more"),
        ("narrative:\n  date_opener_gap: -1", "narrative: date_opener_gap: expected a whole number of 0 or more"),
        ("narrative:\n  passage_gap: -1", "narrative: passage_gap: expected a whole number of 0 or more"),
        ("narrative:\n  relative_openers: later", "relative_openers: expected a list of words in quotes"),
        ("narrative:\n  dated_sentences_per_100_words: none", "dated_sentences_per_100_words: expected a number above 0"),
        ("narrative:\n  opening_words: [on, at]", "opening_words: expected a list of words in quotes"),
    ],
)
def test_bad_narrative_rules_raise_config_error(narrative: str, expected: str, tmp_path: Path) -> None:
    path = tmp_path / "sections.yml"
    path.write_text(f"keep: [findings]\ndrop: [chronology]\n{narrative}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=expected):
        load_section_rules(path)


# -- drafts in both formats ----------------------------------------------------------------------


def _write_docx(path: Path) -> Path:
    """The planted-chronology draft as Word writes it: heading styles, a Word table."""
    document = docx.Document()
    document.add_heading("1. Introduction", level=1)
    document.add_paragraph("1.1 This review was commissioned by the Partnership after a child was seriously harmed.")
    document.add_heading("4. Findings", level=1)
    document.add_paragraph("4.1 The nursery's concerns were not escalated. The entries below show what was known.")
    table = document.add_table(rows=4, cols=3)
    rows = [
        ("Date", "Agency", "Event"),
        ("07/05/2019", "Nursery", "Healing bruise to the right ear. Referral to the MASH."),
        ("16/05/2019", "Children's Social Care", "Grandmother telephones the duty line."),
        ("20/05/2019", "Children's Social Care", "Father leaves a voicemail. Not returned."),
    ]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.add_paragraph("4.2 None of these contacts led to a strategy discussion.")
    document.add_heading("5. Recommendations", level=1)
    document.add_paragraph("5.1 The Partnership should audit the use of its escalation procedure.")
    document.save(str(path))
    return path


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_a_draft_with_a_planted_chronology_is_flagged_in_either_format(suffix: str, tmp_path: Path) -> None:
    path = tmp_path / f"draft.{suffix}"
    if suffix == "txt":
        path.write_text(CHRONOLOGY_TABLE.replace("4. ANALYSIS AND FINDINGS", "4. FINDINGS"), encoding="utf-8")
    else:
        _write_docx(path)
    units = read_document(path).units
    plan = plan_sections(units, load_settings(scope="findings"))
    findings = [s for s in plan.sections if s.heading.lower() == "4. findings"]
    assert len(findings) == 1
    assert (findings[0].action, findings[0].status) == ("keep", "auto")
    [passage] = passages(plan.sections)
    assert "3 table rows in a row open with a date: '07/05/2019 | Nursery |" in passage.reason
    # Whole units: every cell of the header row and the three dated rows (a .txt file's
    # rows are lines of one paragraph).
    texts = " ".join(units[u].text for u in passage.units)
    assert "Event" in texts and "Father leaves a voicemail" in texts and "4.2 None" not in texts
    assert len(passage.units) == (12 if suffix == "docx" else 1)
    assert not plan.drop_units


# -- false alarms, measured ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "draft",
    [
        *(SAMPLES / f"{name}.{suffix}" for name in ("scr_overview_draft", "imr_health_draft", "imr_police_draft", "imr_social_care_draft", "imr_education_draft") for suffix in ("txt", "docx")),
        pytest.param(PUBLISHED_EXAMPLE, marks=pytest.mark.skipif(not PUBLISHED_EXAMPLE.exists(), reason="no published example")),
    ],
    ids=lambda p: p.name,
)
def test_findings_conclusions_and_recommendations_of_real_shaped_drafts_are_not_flagged(draft: Path) -> None:
    plan = plan_sections(read_document(draft).units, load_settings(scope="findings"))
    # Measured (session 7): nothing kept is flagged. The nearest is the SCR's "Background to
    # the review" (the admission, the injuries and the strategy meeting: four dated sentences
    # in 256 words, under the six that dated_sentences asks for).
    assert [s.heading for s in plan.sections if "reads like chronology" in s.reason] == []
    # Nor is any passage (the nearest: the SCR's "Background to the review" gives the
    # child's date of birth and the admission in two paragraphs running; passage_entries is 3).
    assert passages(plan.sections) == []


REVIEW_PROCESS_WITH_MEETING_DATES = """
1. INTRODUCTION

Review process

1.4 The panel met on 12 June 2019, 10 July 2019, 4 September 2019, 6 November 2019, 11 December 2019 and 15 January 2020. Practitioners attended a learning event on 21 November 2019.

1.5 The family were invited to contribute; the father met the reviewer on 3 December 2019.
"""


def test_a_list_of_panel_meetings_is_not_a_chronology(rules: SectionRules) -> None:
    _, sections = flagged(REVIEW_PROCESS_WITH_MEETING_DATES, rules)
    assert [(s.heading, s.status) for s in sections if s.status != "auto"] == []


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_the_samples_chronology_would_be_flagged_were_it_kept(suffix: str, rules: SectionRules) -> None:
    # Recall, measured on text the headings drop: the SCR sample's chronology (a table and
    # key practice episodes) reads as chronology by its shape alone.
    from anonymiser.decide.scope import section_entries

    units = read_document(SAMPLES / f"scr_overview_draft.{suffix}").units
    sections = classify_sections(find_sections(units, rules), units, rules)
    chronology = by_heading(sections, "3. CHRONOLOGY AND KEY PRACTICE EPISODES")
    evidence = narrative_evidence(section_entries(chronology, {u.uid: u for u in units}), rules.narrative)
    assert evidence is not None and "24 table rows open with a date: '14/09/2016 |" in evidence


# -- the review log and apply ---------------------------------------------------------------------


def test_a_flagged_section_is_a_section_row_that_apply_refuses_until_decided(tmp_path: Path, detector: Detector) -> None:
    from anonymiser.pipeline import OutputNames, process_document
    from anonymiser.review.apply import apply_review
    from anonymiser.review.decisions import ReviewIncomplete
    from anonymiser.review_log.writers import read_csv_rows
    from tests.review.samples import edit_review, row

    settings = load_settings(scope="findings")
    draft = tmp_path / "planted.txt"
    draft.write_text(ALL_CHRONOLOGY, encoding="utf-8")
    process_document(draft, tmp_path / "first", settings, detector)
    names = OutputNames.for_input(draft)
    csv_path = tmp_path / "first" / names.csv
    section = row(read_csv_rows(csv_path), "SECTION", "4. FINDINGS")
    assert (section["action"], section["status"]) == ("keep", "needs_review")
    assert "3 paragraphs open with a date or time: '12.03.19 HV visit." in section["reason"]
    # The proposal keeps the text (this signal never drops), and the log says why.
    proposal = (tmp_path / "first" / names.document).read_text(encoding="utf-8-sig")
    assert "HV visit" in proposal

    def decide_entities(rows: list[dict[str, str]]) -> None:
        for r in rows:
            if r["category"] != "SECTION" and r["status"] in ("needs_review", "residual") and not r["decision"]:
                r["decision"] = "redact" if r["status"] == "needs_review" else "keep"

    edit_review(csv_path, decide_entities)
    with pytest.raises(ReviewIncomplete) as refused:
        apply_review(draft, csv_path, tmp_path / "refused", settings, detector)
    assert f"{section['id']} SECTION" in " ".join(refused.value.rows)

    edit_review(csv_path, lambda rows: row(rows, "SECTION", "4. FINDINGS").update(decision="drop"))
    apply_review(draft, csv_path, tmp_path / "final", settings, detector)
    final = (tmp_path / "final" / names.document).read_text(encoding="utf-8-sig")
    assert "HV visit" not in final and "escalation procedure" in final


# -- chronology in the shapes agency IMRs paste it (red team, session 8) --------------------------

_AROUND = """
1. INTRODUCTION

1.1 This review was commissioned by the Partnership after a child was seriously harmed.

2. FINDINGS

2.1 Agencies did not know who was living in the household, and did not ask.

{leak}

2.9 The review found that the escalation procedure was not used by any agency.

3. RECOMMENDATIONS

3.1 The Partnership should audit the use of its escalation procedure.
"""


@pytest.mark.parametrize(
    ("leak", "first_lines"),
    [
        pytest.param(
            "➢ 12.03.19 – HV home visit, no concerns.\n\n➢ 19.03.19 – GP appointment missed.\n\n➢ 02.04.19 – Nursery records bruise.",
            ["➢ 12.03.19", "➢ 19.03.19", "➢ 02.04.19"],
            id="any-bullet-symbol",
        ),
        pytest.param(
            "Tues 12th March: Mother attends GP with low mood.\n\nWed. 13 March – HV visit.\n\nFri 5 April: duty social worker telephones Mother.",
            ["Tues 12th", "Wed. 13 M", "Fri 5 Apr"],
            id="short-weekdays",
        ),
        pytest.param(
            "At approximately 02:15 shouting was heard from the flat.\n\nAt around 02:40 two officers were at the door.\n\n"
            "Shortly after 03:00 the incident was recorded as verbal only.",
            ["At approxi", "At around ", "Shortly af"],
            id="approximate-times",
        ),
        pytest.param(
            "Date: 12/03/2019\nAgency: Health Visiting\nEvent: Home visit.\n\nDate: 19/03/2019\nAgency: GP\nEvent: Appointment missed."
            "\n\nDate: 02/04/2019\nAgency: Nursery\nEvent: Bruise recorded.",
            ["Date: 12/0", "Date: 19/0", "Date: 02/0"],
            id="date-agency-event-blocks",
        ),
        pytest.param(
            "Home visit by the health visitor; baby weighed (12/03/2019).\n\nMother did not bring the baby to the GP – 19.03.2019.\n\n"
            "Nursery staff recorded a bruise to the left cheek (02/04/2019).",
            ["Home visit", "Mother did", "Nursery st"],
            id="dates-at-the-end",
        ),
        pytest.param(
            "Home visit by the health visitor (12 March 2019).\n\nGP appointment not kept – 19th March 2019.\n\n"
            "Nursery staff note a bruise on the cheek [2 April 2019].",
            ["Home visit", "GP appoint", "Nursery st"],
            id="dates-written-out-at-the-end",
        ),
        pytest.param(
            "Agency | Date | Event\nHealth Visiting | 12/03/2019 | Home visit.\nGP | 19/03/2019 | Appointment missed.",
            ["Agency | D"],
            id="date-in-the-second-column",
        ),
        pytest.param(
            "12.03.19 HV visit. Mother says the partner has moved out.\n\nBaby weighed and plotted; Mother appeared tired.\n\n"
            "19.03.19 GP appointment missed. Letter sent to Mother.",
            ["12.03.19 H", "Baby weigh", "19.03.19 G"],
            id="log-lines-with-an-undated-line-between",
        ),
        pytest.param(
            "On 3 March 2019 Mother called the police to say that her partner had returned.\n\n"
            "Later that evening, officers attended and found the partner had left.\n\n"
            "Two days later, Mother told the health visitor that she had let him back in.",
            ["On 3 Marc", "Later tha", "Two days "],
            id="told-on-from-a-date",
        ),
        pytest.param(
            "2019-03-12 14:30 Police attend the address.\n\n2019-03-19 GP appointment not kept.\n\n2019-04-02 Nursery note a bruise.",
            ["2019-03-12", "2019-03-19", "2019-04-02"],
            id="iso-dates-from-a-case-system",
        ),
        pytest.param(
            "At 14.30hrs officers arrive at the address.\n\nBy approximately 15.10 the child is in hospital.\n\n"
            "At 16.45 hours Mother is arrested.",
            ["At 14.30h", "By approx", "At 16.45 "],
            id="times-with-a-dot",
        ),
        pytest.param(
            "HV – 12.03.19 – home visit, no concerns.\n\nGP – 19.03.19 – appointment not kept.\n\nNursery – 02.04.19 – bruise to cheek.",
            ["HV – 12.03", "GP – 19.03", "Nursery – "],
            id="agency-then-date",
        ),
        pytest.param(
            "Police (12/03/2019): domestic incident, no arrest.\n\nGP (19/03/2019): appointment not kept.",
            ["Police (12", "GP (19/03/"],
            id="agency-then-date-in-brackets",
        ),
        pytest.param(
            "w/c 4th March – three nursery sessions not attended.\n\nw/c 11th March – Mother does not answer.\n\n"
            "Week commencing 18th March – case closed.",
            ["w/c 4th M", "w/c 11th ", "Week comm"],
            id="week-commencing",
        ),
    ],
)
def test_chronology_in_imr_shapes_is_a_passage_row(leak: str, first_lines: list[str], rules: SectionRules) -> None:
    units, sections = flagged(_AROUND.format(leak=leak), rules)
    assert by_heading(sections, "2. FINDINGS").status == "auto"
    [passage] = passages(sections)
    assert [units[u].text[: len(first_lines[0])] for u in passage.units] == [line[: len(first_lines[0])] for line in first_lines]
    assert not scope_units(sections)


@pytest.mark.parametrize(
    "findings",
    [
        pytest.param(
            "3.1 By 31 March 2021 the Partnership should audit the use of its escalation procedure.\n\n"
            "3.2 By 30 June 2021 the CCG should report on training for GPs on bruising in babies.\n\n"
            "3.3 By 30 September 2021, Children's Social Care must revise its supervision policy.\n\n"
            "3.4 From 1 April 2021 all agencies will record who lives in the household.",
            id="recommendations-with-deadlines",
        ),
        pytest.param(
            "2.2 The health visitor's assessment (12 March 2019) was thorough and is good practice.\n\n"
            "2.3 Working Together to Safeguard Children (2018) is clear that a strategy discussion should follow.\n\n"
            "2.4 Supervision was cancelled twice in the spring of 2019, and the audit followed (June 2019).",
            id="findings-citing-dates-in-brackets",
        ),
        pytest.param(
            "2.2 On 15 April 2019 no strategy discussion was held. This was a missed opportunity.\n\n"
            "Later in the review the panel heard from the nursery manager about her concerns.\n\n"
            "2.3 The following day's notice to the MASH was not read by a social worker.",
            id="a-finding-then-later-in-the-review",
        ),
        pytest.param(
            "Action | Target date | Lead\nAudit the escalation procedure | 31/03/2021 | Partnership\nGP training | 30/06/2021 | ICB",
            id="action-plan-date-in-the-second-column",
        ),
        pytest.param(
            "Timescale | Action | Lead\n31/03/2021 | Audit the escalation procedure | Partnership\n30/06/2021 | GP training | ICB",
            id="action-plan-date-in-the-first-column",
        ),
        pytest.param(
            "Action | Lead | Target date | RAG\n"
            + "\n".join(f"Recommendation {i}: audit | Partnership | {i:02d}/03/2021 | Not started" for i in range(1, 9)),
            id="action-plan-with-many-dated-rows",
        ),
    ],
)
def test_findings_in_imr_shapes_are_not_flagged(findings: str, rules: SectionRules) -> None:
    _, sections = flagged(_AROUND.format(leak=findings), rules)
    assert [(s.heading, s.reason) for s in sections if s.status != "auto"] == []


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            [("Agency", "Date", "Event"), ("Health Visiting", "12/03/2019", "Home visit."), ("GP", "19/03/2019", "Appointment missed.")],
            "2 table rows in a row open with a date: 'Health Visiting | 12/03/2019",
            id="date-in-the-second-column",
        ),
        pytest.param(
            [("Date:", "12/03/2019"), ("Event:", "HV home visit."), ("Date:", "19/03/2019"), ("Event:", "GP appointment missed.")],
            "2 table rows close together open with a date: 'Date: | 12/03/2019'",
            id="date-and-event-fields",
        ),
    ],
)
def test_a_word_chronology_table_in_other_shapes_is_a_passage_row(
    rows: list[tuple[str, ...]], expected: str, tmp_path: Path
) -> None:
    document = docx.Document()
    document.add_heading("4. Findings", level=1)
    document.add_paragraph("4.1 The nursery's concerns were not escalated. The entries below show what was known.")
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.add_paragraph("4.2 None of these contacts led to a strategy discussion.")
    path = tmp_path / "draft.docx"
    document.save(str(path))
    units = read_document(path).units
    plan = plan_sections(units, load_settings(scope="findings"))
    [passage] = passages(plan.sections)
    assert expected in passage.reason
    # Every cell of every row goes with the passage (the last row's "Event:" too).
    assert len(passage.units) == sum(len(r) for r in rows)
    assert not plan.drop_units
