"""Section structure, heading rules and the findings-only scope (issue 5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from anonymiser.decide.scope import (
    DEFAULT_SECTION_RULES,
    FRONT_MATTER,
    SectionRules,
    assign_sections,
    classify_sections,
    find_sections,
    heading_signal,
    load_section_rules,
    scope_units,
)
from anonymiser.errors import ConfigError
from anonymiser.records import Location, SectionInfo, TextUnit

_LEVEL_MARK = re.compile(r"^\[H(\d)\]\s*")


def make_units(text: str, part: str = "text") -> list[TextUnit]:
    """Paragraph units from text split on blank lines, as the .txt reader makes them.

    A paragraph starting "[H2] " mimics a Word heading style: the marker is removed and the
    unit gets heading_level 2.
    """
    units = []
    for para in re.split(r"\n\s*\n", text.strip("\n")):
        para = para.strip("\n")
        if not para.strip():
            continue
        level = None
        mark = _LEVEL_MARK.match(para)
        if mark:
            level = int(mark.group(1))
            para = para[mark.end() :]
        units.append(
            TextUnit(
                uid=len(units),
                text=para,
                location=Location(part=part, paragraph=len(units) + 1),
                heading_level=level,
            )
        )
    return units


def unit(text: str, *, part: str = "body", kind: str = "paragraph", level: int | None = None,
         cell: str | None = None, uid: int = 0) -> TextUnit:
    return TextUnit(uid=uid, text=text, location=Location(part=part, paragraph=uid + 1, cell=cell),
                    heading_level=level, kind=kind)


@pytest.fixture(scope="module")
def rules() -> SectionRules:
    return load_section_rules(DEFAULT_SECTION_RULES)


def classified(text: str, rules: SectionRules, part: str = "text") -> tuple[list[TextUnit], list[SectionInfo]]:
    units = make_units(text, part)
    return units, classify_sections(find_sections(units, rules), units, rules)


def by_heading(sections: list[SectionInfo], heading: str) -> SectionInfo:
    matches = [s for s in sections if s.heading == heading]
    assert len(matches) == 1, [s.heading for s in sections]
    return matches[0]


# -- headings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "depth"),
    [
        ("2. FINDINGS", "numbered", 1),
        ("3 CONCLUSION", "numbered", 1),
        ("4.1 Analysis of practice", "numbered", 2),
        ("4.1.2 Communication Between Agencies", "numbered", 3),
        ("1. Westmere Council Children's Social Care", "numbered", 1),
        ("APPENDIX 1", "numbered", 1),
        ("Appendix 2: Glossary of terms", "numbered", 1),
        ("II. Terms of Reference", "numbered", 1),
        ("FAMILY BACKGROUND", "capitals", None),
        ("CHAIR'S FOREWORD", "capitals", None),
        ("Family background", "title", None),  # sentence case, but the rules know it
        ("Key Practice Episodes", "title", None),
        ("**Summary of the learning**", "title", None),  # bold in Markdown
    ],
)
def test_heading_lines_are_found(text: str, kind: str, depth: int | None, rules: SectionRules) -> None:
    signal = heading_signal(unit(text), rules)
    assert signal is not None
    assert (signal.kind, signal.depth) == (kind, depth)


@pytest.mark.parametrize(
    "text",
    [
        # long, sentence-like numbered paragraphs are body text
        "4.3 The health visitor did not visit the family after the birth and no reason was recorded.",
        "4.3 The health visitor did not visit",
        "2.5 Appraisal: The review concluded that there was good practice.",
        "1.7 (The Council is working on this recommendation)",
        "2.2 The family members, described in the form of a genogram, are:",
        "The following agencies contributed to the review:",
        "Prepared for publication by Tamsin Orrell, November 2013",
        "- 2.4 By listing these findings",
        "• Findings",
        "Introduction\t3",
        "4. Findings ........ 12",
        "24 March 2012",
        "12.03.13 Home Visit",
        "Section 47 enquiries",
        "Ensure the CAF process is suitably quality assured",
        "RESTRICTED: THIS DRAFT CONTAINS PERSONAL DATA AND MUST NOT BE PUBLISHED OR SHARED OUTSIDE THE PANEL",
        "Kian was seen by the GP.",
        "",
    ],
)
def test_body_text_is_not_a_heading(text: str, rules: SectionRules) -> None:
    assert heading_signal(unit(text), rules) is None


def test_word_heading_level_is_used_whatever_the_text(rules: SectionRules) -> None:
    signal = heading_signal(unit("what happened on the night in question, as agencies saw it.", level=2), rules)
    assert signal is not None and (signal.kind, signal.depth) == ("word", 2)


def test_markdown_heading_is_found(rules: SectionRules) -> None:
    signal = heading_signal(unit("## Lessons learned", part="text", level=2), rules)
    assert signal is not None and signal.depth == 2 and signal.text == "Lessons learned"
    signal = heading_signal(unit("### Working with fathers", part="text"), rules)
    assert signal is not None and (signal.kind, signal.depth) == ("word", 3)


@pytest.mark.parametrize(
    "made",
    [
        unit("FINDINGS", kind="alt_text"),
        unit("FINDINGS", kind="property"),
        unit("FINDINGS", kind="link_target"),
        unit("FINDINGS", kind="comment_author"),
        unit("FINDINGS", part="footnotes"),
        unit("FINDINGS", part="header (default)"),
        unit("FINDINGS", part="text box"),
        unit("FINDINGS", cell="table 1, row 1, cell 1"),
    ],
)
def test_only_main_text_paragraphs_can_be_headings(made: TextUnit, rules: SectionRules) -> None:
    assert heading_signal(made, rules) is None


def test_capitals_heading_may_carry_body_text_on_the_next_line(rules: SectionRules) -> None:
    signal = heading_signal(unit("2. FINDINGS\n2.1 The review found that agencies did not share information."), rules)
    assert signal is not None and signal.text == "2. FINDINGS"


# -- structure -----------------------------------------------------------------------------

OVERVIEW = """
SERIOUS CASE REVIEW: CHILD P

Westmere Safeguarding Children Partnership

1. INTRODUCTION

1.1 This review was commissioned by the Partnership in line with the regulations in force.

1.2 Terms of reference

1.3 The review asked how well agencies understood the household.

1.4 Family background

1.5 Child P lived with her mother Carys Venn and her grandfather at Larkspur Row.

2. CHRONOLOGY

2.1 On 3 May 2019 the health visitor saw Child P at home with a bruise to her cheek.

2.2 Spring 2019

2.3 On 9 June 2019 the nursery noticed that Child P had lost weight.

3. FINDINGS

3.1 Agencies did not put together what each of them knew about the household.

4. RECOMMENDATIONS

4.1 The Partnership should revise its procedure for unexplained bruising in babies.

5. LIFE IN THE HOUSEHOLD

5.1 Carys Venn told the panel that she had struggled after moving to Larkspur Row.
"""


def test_find_sections_builds_the_outline(rules: SectionRules) -> None:
    units = make_units(OVERVIEW)
    sections = find_sections(units, rules)
    outline = [(s.heading, s.level) for s in sections]
    assert outline == [
        ("SERIOUS CASE REVIEW: CHILD P", 1),
        ("Westmere Safeguarding Children Partnership", 2),
        ("1. INTRODUCTION", 1),
        ("1.2 Terms of reference", 2),
        ("1.4 Family background", 2),
        ("2. CHRONOLOGY", 1),
        ("2.2 Spring 2019", 2),
        ("3. FINDINGS", 1),
        ("4. RECOMMENDATIONS", 1),
        ("5. LIFE IN THE HOUSEHOLD", 1),
    ]
    # every main-text unit is in exactly one section, in reading order
    assert [uid for s in sections for uid in s.units] == [u.uid for u in units]
    # until classified, everything is dropped, so nothing is published by mistake
    assert all((s.action, s.status) == ("drop", "needs_review") for s in sections)


def test_front_matter_is_the_text_before_the_first_heading(rules: SectionRules) -> None:
    units = make_units("Report of a review prepared for the Board.\n\n1. INTRODUCTION\n\nThe review began in 2019.")
    sections = find_sections(units, rules)
    assert [(s.heading, s.level, s.units) for s in sections] == [
        (FRONT_MATTER, 0, (0,)),
        ("1. INTRODUCTION", 1, (1, 2)),
    ]
    assert sections[1].words == 5  # the heading's own words are not counted


def test_word_levels_and_numbering_nest(rules: SectionRules) -> None:
    units = make_units(
        "[H1] Introduction\n\nText.\n\n[H2] Scope\n\nText.\n\n[H1] Analysis\n\n"
        "4.1 Communication Between Agencies\n\nText.\n\n[H1] Appendices\n\n1. Glossary\n\nText."
    )
    outline = [(s.heading, s.level) for s in find_sections(units, rules)]
    assert outline == [
        ("Introduction", 1),
        ("Scope", 2),
        ("Analysis", 1),
        ("4.1 Communication Between Agencies", 2),
        ("Appendices", 1),
        ("1. Glossary", 2),  # numbered parts of an appendix sit inside it
    ]


def test_title_case_lines_are_not_headings_in_a_styled_draft(rules: SectionRules) -> None:
    units = make_units("[H1] Findings\n\nText.\n\nWith Many Thanks\n\nLorna Pennyfeather\n\nMore findings text.\n\n"
                       "LESSONS FOR PRACTICE\n\nText.")
    assert [s.heading for s in find_sections(units, rules)] == ["Findings", "LESSONS FOR PRACTICE"]


def test_a_plain_line_naming_case_detail_in_a_styled_draft_is_a_heading_to_check(rules: SectionRules) -> None:
    # A draft that styles most headings but typed "Chronology" as a plain paragraph: the
    # chronology was published inside the kept section before it. A plain line the rules
    # drop starts a section, dropped and marked for review (it may be a caption); a plain
    # line the rules keep ("Learning") does not, so it cannot publish what follows it.
    units = make_units(
        "[H1] 2 Analysis\n\nAgencies did not share what they knew.\n\nChronology\n\n"
        "In April 2021 the GP saw the mother, who said the baby was feeding well.\n\n"
        "Learning\n\nIn May 2021 the health visitor saw the baby asleep on the sofa.\n\n"
        "[H1] 3 Recommendations\n\n1. Share what is known.",
        part="body",
    )
    sections = classify_sections(find_sections(units, rules), units, rules)
    assert [s.heading for s in sections] == ["2 Analysis", "Chronology", "3 Recommendations"]
    chronology = by_heading(sections, "Chronology")
    assert (chronology.action, chronology.status) == ("drop", "needs_review")
    assert "plain" in chronology.reason
    dropped = {units[i].text for i in scope_units(sections)}
    assert "In April 2021 the GP saw the mother, who said the baby was feeding well." in dropped
    assert "In May 2021 the health visitor saw the baby asleep on the sofa." in dropped


def test_markdown_document_title_becomes_front_matter(rules: SectionRules) -> None:
    units = make_units("[H1] # Review of practice: Child P\n\n[H2] ## Introduction\n\nText.\n\n"
                       "[H2] ## Family background\n\nText.\n\n[H3] ### Early years\n\nText.")
    sections = classify_sections(find_sections(units, rules), units, rules)
    assert [(s.heading, s.level, s.action) for s in sections] == [
        ("Review of practice: Child P", 0, "keep"),
        ("Introduction", 1, "keep"),
        ("Family background", 1, "drop"),
        ("Early years", 2, "drop"),
    ]


# -- classification ------------------------------------------------------------------------

KEEP_HEADINGS = [
    "Introduction", "Background to the review", "Terms of reference", "Review process",
    "Methodology", "Scope", "Findings", "Analysis", "Analysis of practice", "Lessons learned",
    "Learning", "Good practice", "Conclusions", "Recommendations", "Appendix 1", "Glossary",
    "Foreword", "Agencies' recommendations", "Individual Management Review recommendations",
    # Other names drafts give the learning (session 7 red team).
    "Key findings", "Themes", "Key themes", "Findings and analysis", "Lessons learnt",
    "Recommendations for the Partnership", "Single agency recommendations", "Action plan",
    "Learning points", "Areas for improvement",
]
DROP_HEADINGS = [
    "Family background", "Family composition", "Genogram", "The family", "Chronology",
    "Key practice episodes", "Agency involvement", "Summary of involvement", "Narrative",
    "Case history", "The child's story", "Background to the case", "Views of the family",
    "Contribution of family", "Timeline of events", "Family tree",
    # Other names drafts give the case narrative (session 7 red team).
    "What happened", "Practice episodes", "Key episodes", "Chronology of significant events",
    "Family members", "Case history", "Events leading to the review", "Summary of events",
    "Sequence of events", "The child's journey", "Agency contact", "Household composition",
    "Circumstances leading to the review", "The circumstances of the incident", "The incident",
    # A contents page lists the headings of the dropped sections ("Key practice episode 2:
    # the night Child T was found on the kitchen floor").
    "Contents", "Table of contents",
]


@pytest.mark.parametrize("heading", KEEP_HEADINGS)
@pytest.mark.parametrize("style", ["{n}. {upper}", "{n}.1 {text}", "{text}"])
def test_keep_headings(heading: str, style: str, rules: SectionRules) -> None:
    shown = style.format(n=3, upper=heading.upper(), text=heading)
    match = rules.match(shown)
    assert match is not None and match.action == "keep", shown


@pytest.mark.parametrize("heading", DROP_HEADINGS)
@pytest.mark.parametrize("style", ["{n}. {upper}", "{n}.1 {text}", "{text}:"])
def test_drop_headings(heading: str, style: str, rules: SectionRules) -> None:
    shown = style.format(n=2, upper=heading.upper(), text=heading)
    match = rules.match(shown)
    assert match is not None and match.action == "drop", shown


@pytest.mark.parametrize(
    ("heading", "action", "status", "reason"),
    [
        ("2. FAMILY BACKGROUND", "drop", "auto", "heading matches 'family background' (drop)"),
        ("2. Summary of involvement", "drop", "auto", "'summary of involvement' (drop)"),
        ("2. FINDINGS", "keep", "auto", "heading matches 'findings' (keep)"),
        ("2. Executive summary", "drop", "needs_review", "'executive summary' (review)"),
        ("2. Learning from the chronology", "drop", "needs_review", "disagree"),
        ("2. THE VOICE OF CHILD P", "drop", "needs_review", "not recognised"),
        # Usually the family's and the incident's background; sometimes the review's.
        ("2. Background", "drop", "needs_review", "'background' (review)"),
        ("2. BACKGROUND INFORMATION", "drop", "needs_review", "'background' (review)"),
        ("2. Reason for the review", "drop", "needs_review", "'reason for the review' (review)"),
    ],
)
def test_top_level_classification(heading: str, action: str, status: str, reason: str, rules: SectionRules) -> None:
    _, sections = classified(f"1. INTRODUCTION\n\nText.\n\n{heading}\n\nSome text here.", rules)
    section = by_heading(sections, heading)
    assert (section.action, section.status) == (action, status)
    assert reason in section.reason


def test_subsections_follow_their_parent_unless_a_rule_says_otherwise(rules: SectionRules) -> None:
    _, sections = classified(OVERVIEW, rules)
    got = {s.heading: (s.action, s.status) for s in sections}
    assert got["1. INTRODUCTION"] == ("keep", "auto")
    assert got["1.2 Terms of reference"] == ("keep", "auto")
    # Overrides Introduction; inside a kept section a person checks it (session 9).
    assert got["1.4 Family background"] == ("drop", "needs_review")
    assert got["2. CHRONOLOGY"] == ("drop", "auto")
    assert got["2.2 Spring 2019"] == ("drop", "auto")  # unknown: goes with Chronology
    assert "part of '2. CHRONOLOGY'" in by_heading(sections, "2.2 Spring 2019").reason
    assert got["5. LIFE IN THE HOUSEHOLD"] == ("drop", "needs_review")


def test_keep_rule_inside_dropped_section_is_kept_and_flagged(rules: SectionRules) -> None:
    _, sections = classified("1. CHRONOLOGY\n\nEvents.\n\n1.5 Analysis of practice\n\nAnalysis text.", rules)
    section = by_heading(sections, "1.5 Analysis of practice")
    assert (section.action, section.status) == ("keep", "needs_review")
    assert "inside '1. CHRONOLOGY'" in section.reason


def test_unrecognised_subsection_of_unknown_section_needs_review(rules: SectionRules) -> None:
    _, sections = classified("1. FINDINGS\n\nText.\n\n2. MISCELLANEOUS\n\nText.\n\n2.1 Other Matters\n\nText.", rules)
    sub = by_heading(sections, "2.1 Other Matters")
    assert (sub.action, sub.status) == ("drop", "needs_review")


def test_title_page_lines_are_front_matter(rules: SectionRules) -> None:
    _, sections = classified(
        "WESTMERE SAFEGUARDING CHILDREN PARTNERSHIP\n\nSERIOUS CASE REVIEW\n\nIndependent Reviewer Nell Pargeter\n\n"
        "1. INTRODUCTION\n\nText.",
        rules,
    )
    assert [(s.action, s.status) for s in sections[:3]] == [("keep", "auto")] * 3
    assert all("title page" in s.reason for s in sections[:3])


def test_styled_title_page_is_front_matter(rules: SectionRules) -> None:
    _, sections = classified(
        "[H1] WESTMERE CONSTABULARY\n\n[H2] Individual Management Review\n\n[H2] Author: Lena Corrow\n\n"
        "[H1] 1. The Subjects\n\nText.\n\n[H1] 2. Findings\n\nText.",
        rules,
        part="body",
    )
    assert [(s.action, s.status) for s in sections[:3]] == [("keep", "auto")] * 3
    assert (sections[3].action, sections[3].status) == ("drop", "needs_review")  # numbered: not title page


def test_a_long_unknown_section_at_the_top_is_not_a_title_page(rules: SectionRules) -> None:
    story = " ".join(["Child P lived with her mother and grandfather in a flat above the shop."] * 12)
    _, sections = classified(f"LIFE AT LARKSPUR ROW\n\n{story}\n\n1. INTRODUCTION\n\nText.", rules)
    assert (sections[0].action, sections[0].status) == ("drop", "needs_review")


def test_front_matter_can_be_dropped_by_the_rules_file(tmp_path: Path) -> None:
    path = tmp_path / "sections.yml"
    path.write_text("front_matter: drop\nkeep: [findings]\ndrop: [chronology]\n", encoding="utf-8")
    rules = load_section_rules(path)
    _, sections = classified("Title of the review.\n\n1. FINDINGS\n\nText.", rules)
    assert [(s.heading, s.action) for s in sections] == [(FRONT_MATTER, "drop"), ("1. FINDINGS", "keep")]


# -- scope ---------------------------------------------------------------------------------


def test_scope_drops_exactly_the_case_detail(rules: SectionRules) -> None:
    units, sections = classified(OVERVIEW, rules)
    dropped = scope_units(sections)
    dropped_text = {units[i].text for i in dropped}
    kept_text = {u.text for u in units} - dropped_text
    assert dropped_text == {
        "1.4 Family background",
        "1.5 Child P lived with her mother Carys Venn and her grandfather at Larkspur Row.",
        "2. CHRONOLOGY",
        "2.1 On 3 May 2019 the health visitor saw Child P at home with a bruise to her cheek.",
        "2.2 Spring 2019",
        "2.3 On 9 June 2019 the nursery noticed that Child P had lost weight.",
        "5. LIFE IN THE HOUSEHOLD",
        "5.1 Carys Venn told the panel that she had struggled after moving to Larkspur Row.",
    }
    for text in (
        "3.1 Agencies did not put together what each of them knew about the household.",
        "4.1 The Partnership should revise its procedure for unexplained bruising in babies.",
        "1.3 The review asked how well agencies understood the household.",
        "SERIOUS CASE REVIEW: CHILD P",
    ):
        assert text in kept_text


def test_a_sentence_case_numbered_heading_over_its_own_paragraphs_starts_a_section(rules: SectionRules) -> None:
    # "2. The circumstances leading to the review" is neither capitals nor title case, so it
    # was body text, and its paragraphs ("2.1 ...") fell into the kept introduction.
    text = (
        "1. Introduction\n\n1.1 This review concerns Child J.\n\n"
        "2. The circumstances leading to the review\n\n"
        "2.1 On 4 May 2021 Jamie Thorncliffe was found unresponsive at 9 Pellow Gardens.\n\n"
        "3. Findings\n\n3.1 Agencies did not share what they knew.\n\n"
        "4. Recommendations\n\n1. Review the threshold document\n\n"
        "2. Train staff on bruising in babies"
    )
    units, sections = classified(text, rules)
    dropped_text = {units[i].text for i in scope_units(sections)}
    assert dropped_text == {
        "2. The circumstances leading to the review",
        "2.1 On 4 May 2021 Jamie Thorncliffe was found unresponsive at 9 Pellow Gardens.",
    }
    # A short recommendation that no "N.1" paragraph follows stays a list item.
    headings = [s.heading for s in sections]
    assert "1. Review the threshold document" not in headings
    assert "2. Train staff on bruising in babies" not in headings


def test_units_outside_the_main_text_are_never_dropped(rules: SectionRules) -> None:
    body = make_units("1. CHRONOLOGY\n\nOn 3 May 2019 the GP saw Child P.\n\n2. FINDINGS\n\nText.", part="body")
    extra = [
        TextUnit(uid=10, text="Carys Venn", location=Location("document properties", 1), kind="property"),
        TextUnit(uid=11, text="Photograph of Larkspur Row", location=Location("body", 2), kind="alt_text"),
        TextUnit(uid=12, text="https://example.org/venn", location=Location("body", 2), kind="link_target"),
        TextUnit(uid=13, text="Footnote about the GP visit.", location=Location("footnotes", 1)),
        TextUnit(uid=14, text="Tamsin Orrell", location=Location("comments", 1), kind="comment_author"),
    ]
    units = body[:2] + extra + body[2:]
    sections = classify_sections(find_sections(units, rules), units, rules)
    dropped = scope_units(sections)
    assert dropped == {0, 1}
    assert not dropped & {u.uid for u in extra}
    assert all(uid not in s.units for s in sections for uid in (10, 11, 12, 13, 14))


def test_table_cells_go_with_their_section(rules: SectionRules) -> None:
    units = [
        unit("2. CHRONOLOGY", uid=0),
        unit("3 May 2019", cell="table 1, row 2, cell 1", uid=1),
        unit("HOME VISIT", cell="table 1, row 2, cell 2", uid=2),  # capitals, but in a table
        unit("3. FINDINGS", uid=3),
        unit("Agencies did not share what they knew.", uid=4),
    ]
    sections = classify_sections(find_sections(units, rules), units, rules)
    assert scope_units(sections) == {0, 1, 2}


def test_assign_sections_sets_the_section_index(rules: SectionRules) -> None:
    units, sections = classified(OVERVIEW, rules)
    placed = assign_sections(units, sections)
    assert [u.section for u in placed] == [s.index for s in sections for _ in s.units]
    assert placed[0].text == units[0].text


# -- the rules file ------------------------------------------------------------------------


def test_default_rules_file_loads(rules: SectionRules) -> None:
    assert rules.front_matter == "keep"
    assert rules.source == str(DEFAULT_SECTION_RULES)
    assert rules.agency_title_patterns and rules.recommendations


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("keep: [findings\n", "not valid YAML"),
        ("- findings\n", "expected a mapping"),
        ("keep: [findings]\n", "missing key 'drop'"),
        ("keep: [findings]\ndrop: [chronology]\nkepp: [scope]\n", "unknown key 'kepp'"),
        ("keep: findings\ndrop: [chronology]\n", "keep: expected a list"),
        ("keep: [findings, '']\ndrop: [chronology]\n", "keep[1]"),
        ("keep: [findings, 3]\ndrop: [chronology]\n", "keep[1]"),
        ("keep: [findings]\ndrop: [chronology, Findings]\n", "drop: 'Findings' is also listed under 'keep'"),
        ("keep: ['2.1']\ndrop: [chronology]\n", "keep: '2.1' has no words"),
        ("keep: [findings]\ndrop: [chronology]\nfront_matter: maybe\n", "front_matter"),
        ("keep: [findings]\ndrop: [chronology]\nmax_heading_words: 0\n", "max_heading_words"),
        ("keep: [findings]\ndrop: [chronology]\nagency_title_patterns: ['(?P<agency>x']\n",
         "agency_title_patterns[0]: not a valid regular expression"),
    ],
)
def test_bad_rules_file_raises_config_error(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "sections.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_section_rules(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert expected in message


def test_missing_rules_file_raises_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="file not found"):
        load_section_rules(tmp_path / "nowhere.yml")


# -- red team, session 7: structures real drafts use ---------------------------------------


@pytest.mark.parametrize(
    "draft",
    [
        # An IMR whose first section has a heading the rules do not know: its short
        # narrative was taken for title-page lines and published.
        "Harrowfold Community Health NHS Trust\n\nIMR: health visiting\n\nEarly Days\n\n"
        "Tyler Ashdown lived with his mother and her partner in a rented flat on the estate.\n\n"
        "His half-sister stayed with their grandmother most weekends.\n\n"
        "LESSONS LEARNED\n\nPractitioners need support to think about the men in a household.",
        # Prose before the first heading is not a title page either.
        "Tyler Ashdown lived with his mother and her partner in a rented flat on the estate.\n\n"
        "1. FINDINGS\n\nAgencies did not share what they knew.",
    ],
    ids=["unknown-heading", "no-heading"],
)
def test_a_title_page_holds_no_prose(draft: str, rules: SectionRules) -> None:
    units, sections = classified(draft, rules)
    dropped = {units[i].text for i in scope_units(sections)}
    story = [u.text for u in units if u.text.startswith("Tyler Ashdown")]
    assert story and set(story) <= dropped
    holder = next(s for s in sections if any(units[i].text in story for i in s.units))
    assert (holder.action, holder.status) == ("drop", "needs_review")
    # The short title lines before it are still the title page.
    assert all(s.action == "keep" for s in sections[: sections.index(holder)])


def _boxed(uid: int, text: str, table: int, row: int = 1, cell: int = 1) -> TextUnit:
    return unit(text, cell=f"table {table}, row {row}, cell {cell}", uid=uid)


def test_a_heading_typed_into_a_box_starts_a_section(rules: SectionRules) -> None:
    # Headings in one-cell tables (a shaded box) or in a table's merged first row: the
    # narrative under them fell into the kept section before.
    units = [
        unit("Westmere Safeguarding Children Partnership", uid=0),
        _boxed(1, "1. Introduction", table=1),
        unit("This review was commissioned by the Partnership after a notification.", uid=2),
        _boxed(3, "2. Narrative", table=2),
        unit("On 14 March 2021 the health visitor found the flat cold.", uid=4),
        _boxed(5, "CHRONOLOGY OF SIGNIFICANT EVENTS", table=3),
        _boxed(6, "02/02/2021", table=3, row=2, cell=1),
        _boxed(7, "Booking appointment missed.", table=3, row=2, cell=2),
        _boxed(8, "3. Key findings", table=4),
        unit("Agencies did not share what they knew.", uid=9),
        # A one-cell box of prose is not a heading.
        _boxed(10, "Practitioners said that they had not been told who lived at the flat.", table=5),
    ]
    sections = classify_sections(find_sections(units, rules), units, rules)
    assert [s.heading for s in sections][1:] == [
        "1. Introduction", "2. Narrative", "CHRONOLOGY OF SIGNIFICANT EVENTS", "3. Key findings",
    ]
    assert scope_units(sections) == {3, 4, 5, 6, 7}


def test_a_title_page_in_a_box_is_still_the_title_page(rules: SectionRules) -> None:
    units = [
        _boxed(0, "WESTMERE CONSTABULARY", table=1),
        unit("Individual Management Review", uid=1),
        unit("1. INTRODUCTION", uid=2),
        unit("Text of the introduction.", uid=3),
    ]
    sections = classify_sections(find_sections(units, rules), units, rules)
    assert [(s.heading, s.action, s.status) for s in sections] == [
        ("WESTMERE CONSTABULARY", "keep", "auto"),
        ("Individual Management Review", "keep", "auto"),
        ("1. INTRODUCTION", "keep", "auto"),
    ]


def test_bold_paragraphs_of_a_word_draft_are_headings(rules: SectionRules, tmp_path: Path) -> None:
    # Hand-formatted drafts make headings bold, with no style: "Life at the flat" is neither
    # capitals nor title case, so its narrative fell into the kept introduction.
    import docx

    from anonymiser.read import read_document

    document = docx.Document()
    document.add_paragraph().add_run("Introduction").bold = True
    document.add_paragraph("This review was commissioned by the Partnership after a notification.")
    document.add_paragraph().add_run("Life at the flat").bold = True
    document.add_paragraph("Tyler Ashdown lived with his mother and her partner in a rented flat.")
    mixed = document.add_paragraph()
    mixed.add_run("Note").bold = True
    mixed.add_run(" the mother did not attend")  # partly bold: not a heading
    document.add_paragraph().add_run("Findings").bold = True
    document.add_paragraph("Agencies did not share what they knew.")
    path = tmp_path / "bold.docx"
    document.save(str(path))
    units = read_document(path).units
    sections = classify_sections(find_sections(units, rules), units, rules)
    assert [s.heading for s in sections] == ["Introduction", "Life at the flat", "Findings"]
    story = by_heading(sections, "Life at the flat")
    assert (story.action, story.status) == ("drop", "needs_review")
    dropped = {units[i].text for i in scope_units(sections)}
    assert "Tyler Ashdown lived with his mother and her partner in a rented flat." in dropped


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Recommendation\tLead agency\tTimescale", False),  # a table's header row, saved as text
        ("Date\tAgency\tEvent", False),
        ("1.\tIntroduction", True),  # Word's list numbering, saved as text
        ("4.\tCHRONOLOGY", True),
    ],
)
def test_a_table_row_saved_as_text_is_not_a_heading(text: str, heading: bool, rules: SectionRules) -> None:
    assert (heading_signal(unit(text, part="text"), rules) is not None) == heading


@pytest.mark.parametrize(
    "title",
    ["Learning Review: Child T", "LOCAL CHILD SAFEGUARDING PRACTICE REVIEW", "Findings Overview Report"],
)
def test_the_documents_title_is_a_title_page_line_not_a_kept_section(title: str, rules: SectionRules) -> None:
    # "Learning review" matched 'learning' (keep): the case summary typed under the title was
    # published as part of a kept section.
    units, sections = classified(
        f"{title}\n\nWestmere Safeguarding Children Partnership\n\n"
        "Tyler was six weeks old when he was admitted to hospital with a fractured skull.\n\n"
        "1. Introduction\n\nThe review was commissioned by the Partnership.",
        rules,
    )
    assert (sections[0].heading, sections[0].action, sections[0].status) == (title, "keep", "auto")
    assert "title page" in sections[0].reason
    dropped = {units[i].text for i in scope_units(sections)}
    assert "Tyler was six weeks old when he was admitted to hospital with a fractured skull." in dropped
    assert "The review was commissioned by the Partnership." not in dropped


def test_a_service_line_under_the_title_is_still_the_title_page(rules: SectionRules) -> None:
    # The education IMR's title page: its service's name matched 'learning' (keep) and ended
    # the title page, so the author's line and the date under it were dropped for review.
    _, sections = classified(
        "WESTMERE COUNTY COUNCIL\n\nINDIVIDUAL MANAGEMENT REVIEW\n\nSerious Case Review: Child F\n\n"
        "Schools and Early Years (Education and Learning Directorate)\n\n"
        "IMR author: Head of Safeguarding in Education, Westmere County Council\n\n"
        "December 2019 – Draft 2 – CONFIDENTIAL\n\n1. INTRODUCTION\n\nText.\n\n2. LEARNING\n\nMore text.",
        rules,
    )
    top = [s.heading for s in sections].index("1. INTRODUCTION")
    assert top >= 4
    assert [(s.action, s.status, "title page" in s.reason) for s in sections[:top]] == [("keep", "auto", True)] * top
    assert [(s.heading, s.action, s.status) for s in sections[top:]] == [
        ("1. INTRODUCTION", "keep", "auto"),
        ("2. LEARNING", "keep", "auto"),
    ]


@pytest.mark.parametrize(
    "draft",
    [
        # No title line before it: a kept heading opening the draft heads what follows.
        "LEARNING\n\nThe first theme\n\nPractitioners did not share what they knew about the household.",
        # Under a title, a kept heading whose next line is a recognised heading heads its section.
        "SERIOUS CASE REVIEW\n\nFINDINGS\n\nFinding 1: the household\n\nPractitioners did not share what they knew.",
    ],
)
def test_a_kept_heading_near_the_top_still_heads_its_section(draft: str, rules: SectionRules) -> None:
    _, sections = classified(draft, rules)
    kept = [s for s in sections if "title page" not in s.reason]
    assert kept and all((s.action, s.status) == ("keep", "auto") for s in kept)


def test_a_title_heading_outside_the_title_page_goes_to_review(rules: SectionRules) -> None:
    _, sections = classified("1. INTRODUCTION\n\nText.\n\n2. THE LEARNING REVIEW\n\nWhat the review did.", rules)
    section = by_heading(sections, "2. THE LEARNING REVIEW")
    assert (section.action, section.status) == ("drop", "needs_review")


def test_a_sub_heading_naming_a_report_goes_with_its_parent(rules: SectionRules) -> None:
    _, sections = classified(
        "1. INTRODUCTION\n\nText.\n\nAppendix 1 Recommendations from agency IMRs\n\n"
        "1. Westmere NHS Trust\n\n1.1 Do better.\n\n2. The Health Overview Report\n\n2.1 Audit the GP practices.",
        rules,
    )
    section = by_heading(sections, "2. The Health Overview Report")
    assert (section.action, section.status) == ("keep", "auto")
