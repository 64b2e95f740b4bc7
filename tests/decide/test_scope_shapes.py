"""Red-team pass on the findings-only scope (session 9): fictional drafts in the shapes real
SCR, IMR and CSPR drafts take, each as .txt and as a Word file, and what `--scope findings`
keeps and drops from them. The rule when a section cannot be told apart: a person decides
(drop, needs_review); never narrative published with no row, never findings dropped with none.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from anonymiser.decide.scope import SectionRules, load_section_rules
from anonymiser.decide.sections import plan_sections
from anonymiser.read import read_document
from anonymiser.records import SectionInfo, TextUnit
from anonymiser.settings import load_settings
from tests.decide.test_scope import classified

# A draft is a list of (kind, text): "h1"/"h2" a Word heading style (a plain line in .txt),
# "bold" a paragraph bold throughout (a plain line in .txt), "p" a paragraph.
Draft = list[tuple[str, str]]


def write_draft(draft: Draft, path: Path) -> Path:
    if path.suffix == ".txt":
        path.write_text("\n\n".join(text for _, text in draft) + "\n", encoding="utf-8")
        return path
    document = docx.Document()
    for kind, text in draft:
        if kind.startswith("h"):
            document.add_heading(text, level=int(kind[1]))
        elif kind == "bold":
            document.add_paragraph().add_run(text).bold = True
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def plan(draft: Draft, path: Path) -> tuple[list[TextUnit], list[SectionInfo]]:
    units = read_document(write_draft(draft, path)).units
    return units, plan_sections(units, load_settings(scope="findings")).sections


def fate(text: str, units: list[TextUnit], sections: list[SectionInfo]) -> tuple[str, str]:
    """(action, status) of the section holding the paragraph that is ``text``."""
    [uid] = [u.uid for u in units if u.text.strip() == text]
    [section] = [s for s in sections if uid in s.units and s.kind != "passage"]
    return section.action, section.status


@pytest.fixture(scope="module")
def rules() -> SectionRules:
    return load_section_rules()


# -- a drop heading inside a kept section ---------------------------------------------------

FAMILY_BACKGROUND_IN_FINDINGS = "\n\n".join(
    [
        "INTRODUCTION",
        "This serious case review was commissioned by the Board in line with the statutory guidance.",
        "FINDINGS",
        "The school's referral was not treated as a child protection referral, although it recorded an injury.",
        "Family background",
        "Professionals knew little of the mother's history of domestic abuse because earlier records were not requested.",
        "RECOMMENDATIONS",
        "The Board should ask Children's Social Care to audit the transfer of records between authorities.",
    ]
)


def test_a_heading_in_sentence_case_under_capitals_headings_is_a_sub_section(rules: SectionRules) -> None:
    # Before: "Family background" was a sibling of FINDINGS (level 1), not inside it.
    _, sections = classified(FAMILY_BACKGROUND_IN_FINDINGS, rules)
    levels = {s.heading: s.level for s in sections}
    assert levels == {"INTRODUCTION": 1, "FINDINGS": 1, "Family background": 2, "RECOMMENDATIONS": 1}


@pytest.mark.parametrize(
    "draft",
    [
        # Capitals headings with a sentence-case sub-heading.
        FAMILY_BACKGROUND_IN_FINDINGS,
        # Numbered headings.
        "1. Introduction\n\n1.1 The review was commissioned by the Board.\n\n2. Findings\n\n"
        "2.1 The school's referral was not treated as a child protection referral.\n\n"
        "2.2 Family background\n\n2.2.1 Professionals knew little of the mother's history of domestic abuse.\n\n"
        "3. Recommendations\n\n3.1 The Board should audit the transfer of records.",
        # Word heading styles.
        "[H1] Introduction\n\nThe review was commissioned by the Board.\n\n[H1] Findings\n\n"
        "The school's referral was not treated as a child protection referral.\n\n[H2] Family background\n\n"
        "Professionals knew little of the mother's history of domestic abuse.\n\n[H1] Recommendations\n\n"
        "The Board should audit the transfer of records.",
    ],
    ids=["capitals", "numbered", "styled"],
)
def test_a_drop_heading_inside_a_kept_section_is_sent_for_review(draft: str, rules: SectionRules) -> None:
    # "Family background" inside "Findings" may be the case's story or a finding about how
    # little was known of it: dropped until a person decides (before: dropped, auto).
    _, sections = classified(draft, rules)
    [section] = [s for s in sections if s.heading.endswith("Family background")]
    assert (section.action, section.status) == ("drop", "needs_review")
    assert "inside" in section.reason and "(keep)" in section.reason


def test_a_drop_heading_inside_a_dropped_section_is_still_dropped_without_review(rules: SectionRules) -> None:
    draft = (
        "1. Introduction\n\n1.1 The review was commissioned by the Board.\n\n2. Agency involvement\n\n"
        "2.1 Health visiting saw the family six times.\n\n2.2 Chronology of key events\n\n"
        "2.2.1 On 3 March 2019 the school nurse saw the child.\n\n3. Findings\n\n3.1 Agencies did not share concerns."
    )
    _, sections = classified(draft, rules)
    [section] = [s for s in sections if s.heading == "2.2 Chronology of key events"]
    assert (section.action, section.status) == ("drop", "auto")


# -- headings named as questions ------------------------------------------------------------

QUESTION_HEADINGS: Draft = [
    ("bold", "Introduction"),
    ("p", "This report was prepared for the review by the Named Nurse, who had no involvement with the family."),
    ("bold", "Analysis"),
    ("p", "Records were kept to a good standard, but the escalation policy was not used when the family did not engage."),
    ("bold", "Was the child seen and heard?"),
    ("p", "The school nurse saw the boy alone twice and he said that he was frightened of his mother's boyfriend."),
    ("bold", "Recommendations"),
    ("p", "The Trust will remind staff of the escalation policy."),
]


def test_a_bold_question_is_a_heading_and_its_section_is_reviewed(tmp_path: Path) -> None:
    # Before: "Was the child seen and heard?" ended like a sentence, so it headed nothing and
    # what the child said was published inside "Analysis" with no row.
    units, sections = plan(QUESTION_HEADINGS, tmp_path / "imr.docx")
    said = "The school nurse saw the boy alone twice and he said that he was frightened of his mother's boyfriend."
    assert fate(said, units, sections) == ("drop", "needs_review")
    analysis = "Records were kept to a good standard, but the escalation policy was not used when the family did not engage."
    assert fate(analysis, units, sections) == ("keep", "auto")


@pytest.mark.parametrize("line", ["Was the child seen and heard?", "WAS THE CHILD SEEN AND HEARD?"])
def test_a_question_heading_in_capitals_or_bold_markdown_is_a_heading(line: str, rules: SectionRules) -> None:
    from anonymiser.decide.scope import heading_signal
    from tests.decide.test_scope import unit

    text = line if line.isupper() else f"**{line}**"
    assert heading_signal(unit(text), rules) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Did the agencies share information?",  # plain sentence case: a question in the text
        "**What did the review find out about how the agencies worked together with the family over the years?**",
    ],
)
def test_a_plain_or_long_question_is_not_a_heading(line: str, rules: SectionRules) -> None:
    from anonymiser.decide.scope import heading_signal
    from tests.decide.test_scope import unit

    assert heading_signal(unit(line), rules) is None


# -- names of the appendices ------------------------------------------------------------------


@pytest.mark.parametrize("heading", ["3. APPENDICES", "Annexe A: Membership of the review panel", "ANNEXES"])
def test_appendices_and_annexes_are_kept(heading: str, rules: SectionRules) -> None:
    match = rules.match(heading)
    assert match is not None and match.action == "keep"


# -- a table of contents with no "Contents" heading ------------------------------------------

TOC_WITHOUT_HEADING: Draft = [
    ("p", "Westmere Safeguarding Children Partnership"),
    ("p", "Local Child Safeguarding Practice Review: Child E"),
    ("p", "1. Introduction\t2"),
    ("p", "2. The night Child E was found by the canal\t3"),
    ("p", "3. Findings\t6"),
    ("p", "4. Recommendations\t9"),
    ("h1", "1. Introduction"),
    ("p", "1.1 The Partnership commissioned this review after a rapid review, in line with the statutory guidance."),
    ("h1", "2. The night Child E was found by the canal"),
    ("p", "2.1 Child E left the children's home at about ten in the evening with two older men."),
    ("h1", "3. Findings"),
    ("p", "3.1 The risk of exploitation was known but no plan addressed it."),
    ("h1", "4. Recommendations"),
    ("p", "4.1 The Partnership should review how the risk of exploitation is assessed for children in care."),
]


@pytest.mark.parametrize("suffix", ["txt", "docx"])
def test_a_contents_list_without_a_heading_is_not_published_on_the_title_page(suffix: str, tmp_path: Path) -> None:
    # Before: the contents lines were title-page lines, kept, and published the heading of
    # the dropped narrative ("2. The night Child E was found by the canal").
    units, sections = plan(TOC_WITHOUT_HEADING, tmp_path / f"cspr.{suffix}")
    assert fate("2. The night Child E was found by the canal\t3", units, sections) == ("drop", "auto")
    assert fate("1. Introduction\t2", units, sections) == ("drop", "auto")
    title = [u for u in units if u.text.strip() == "Local Child Safeguarding Practice Review: Child E"][0]
    assert [s.action for s in sections if title.uid in s.units] == ["keep"]
    introduction = "1.1 The Partnership commissioned this review after a rapid review, in line with the statutory guidance."
    assert fate(introduction, units, sections) == ("keep", "auto")


def test_a_contents_list_typed_as_lines_of_one_paragraph_is_dropped(rules: SectionRules) -> None:
    draft = (
        "SERIOUS CASE REVIEW: CHILD M\n\n"
        "Introduction .......... 2\nFamily background .......... 3\nFindings .......... 8\n\n"
        "INTRODUCTION\n\nThe Board commissioned this review.\n\nFAMILY BACKGROUND\n\nThe family moved to the town.\n\n"
        "FINDINGS\n\nAgencies did not share concerns."
    )
    units, sections = classified(draft, rules)
    listing = [u.uid for u in units if u.text.startswith("Introduction ....")]
    [holder] = [s for s in sections if listing[0] in s.units]
    assert (holder.action, holder.status) == ("drop", "auto")


def test_lines_of_counts_among_findings_are_not_a_contents_list(rules: SectionRules) -> None:
    # Tab-separated like a contents line, but naming no heading of the draft.
    draft = (
        "1. INTRODUCTION\n\n1.1 The Board commissioned this review.\n\n2. FINDINGS\n\n"
        "2.1 Agencies had many contacts with the family.\n\nPolice\t12\n\nHealth visiting\t30\n\n"
        "2.2 None of these led to an assessment."
    )
    units, sections = classified(draft, rules)
    counts = [u.uid for u in units if u.text.startswith(("Police\t", "Health visiting\t"))]
    [holder] = [s for s in sections if counts[0] in s.units]
    assert holder.heading == "2. FINDINGS" and holder.action == "keep"


def test_prose_left_in_a_contents_section_is_sent_for_review(rules: SectionRules) -> None:
    # A foreword typed under the contents page with no heading of its own was dropped with
    # the contents, unseen.
    draft = (
        "CONTENTS\n\nINTRODUCTION .......... 2\n\nFINDINGS .......... 8\n\n"
        "The Board thanks the family and the practitioners who took part in this review, and accepts its findings in full.\n\n"
        "INTRODUCTION\n\nThe Board commissioned this review.\n\nFINDINGS\n\nAgencies did not share concerns."
    )
    _, sections = classified(draft, rules)
    [contents] = [s for s in sections if s.heading == "CONTENTS"]
    assert (contents.action, contents.status) == ("drop", "needs_review")


# -- numbered headings in sentence case ---------------------------------------------------------

VOICE_AFTER_FINDINGS = "\n\n".join(
    [
        "1. Introduction",
        "1.1 This review was commissioned by the Board after a child was seriously harmed.",
        "2. Findings",
        "2.1 The nursery's concerns were not escalated to the MASH.",
        "3. Voice of the child",
        "The girl told her teacher that her mother's boyfriend locked her in the bedroom at night.",
        "4. Recommendations",
        "4.1 The Board should audit the escalation procedure.",
    ]
)


def test_a_sentence_case_heading_that_continues_the_numbering_is_a_heading(rules: SectionRules) -> None:
    # Before: "3. Voice of the child" (not title case, no "3.1" after it) was a paragraph of
    # Findings, and what the child said was published with no row.
    units, sections = classified(VOICE_AFTER_FINDINGS, rules)
    assert [s.heading for s in sections] == ["1. Introduction", "2. Findings", "3. Voice of the child", "4. Recommendations"]
    voice = by_heading_text(sections, "3. Voice of the child")
    assert (voice.action, voice.status) == ("drop", "needs_review")


def by_heading_text(sections: list[SectionInfo], heading: str) -> SectionInfo:
    [section] = [s for s in sections if s.heading == heading]
    return section


def test_a_numbered_list_under_a_heading_is_not_taken_for_headings(rules: SectionRules) -> None:
    # The terms of reference as a numbered list: item 3 follows heading 2, but follows item 2.
    draft = "\n\n".join(
        [
            "1. Introduction",
            "1.1 This review was commissioned by the Board.",
            "2. Terms of reference",
            "The review asked:",
            "1. Whether agencies shared information",
            "2. Whether the risk from the father was assessed",
            "3. Whether the voice of the child was heard",
            "3. Findings",
            "3.1 Agencies did not share information.",
        ]
    )
    _, sections = classified(draft, rules)
    assert [s.heading for s in sections] == ["1. Introduction", "2. Terms of reference", "3. Findings"]


# -- names of sections in CSPR and SCIE-model reports ---------------------------------------------


@pytest.mark.parametrize(
    ("heading", "action"),
    [
        # The review's own questions and process: published.
        ("2.3 Key lines of enquiry", "keep"),
        ("Statement of independence", "keep"),
        ("Independence of the reviewer", "keep"),
        ("1.4 The review panel", "keep"),
        ("Questions for the Partnership", "keep"),
        ("Issues for the Board", "keep"),
        # What the child said and how the child lived: often the child's own words and
        # days, sometimes a finding about them; a person decides.
        ("4. Voice of the child", "review"),
        ("The child's voice", "review"),
        ("The child's lived experience", "review"),
    ],
)
def test_cspr_section_names(heading: str, action: str, rules: SectionRules) -> None:
    match = rules.match(heading)
    assert match is not None and match.action == action, match


def test_the_voice_of_the_child_under_findings_is_sent_for_review(rules: SectionRules) -> None:
    # Before: an unknown sub-heading of Findings, kept with it, and the child's words with it.
    draft = (
        "[H1] Findings\n\nThe nursery's concerns were not escalated.\n\n[H2] The voice of the child\n\n"
        "The girl told her teacher that her mother's boyfriend locked her in the bedroom.\n\n"
        "[H1] Recommendations\n\nThe Board should audit the escalation procedure."
    )
    _, sections = classified(draft, rules, part="body")
    voice = by_heading_text(sections, "The voice of the child")
    assert (voice.action, voice.status) == ("drop", "needs_review")


@pytest.mark.parametrize(
    "item",
    ["3. Whether the family background was understood", "1. Whether agency involvement was proportionate"],
)
def test_a_list_item_holding_a_rule_phrase_is_not_a_heading(item: str, rules: SectionRules) -> None:
    # Before: the item was a heading ('family background', drop): the rest of the terms of
    # reference were dropped with it, unseen.
    items = [
        "1. Whether agencies shared information",
        "2. Whether the risk from the father was assessed",
        "3. Whether the voice of the child was heard",
    ]
    number = item.split(".")[0]
    items = [item if i.startswith(number + ".") else i for i in items]
    draft = "\n\n".join(
        ["1. Introduction", "1.1 This review was commissioned by the Board.", "2. Terms of reference", "The review asked:",
         *items, "The review covered two years.", "3. Findings", "3.1 Agencies did not share information."]
    )
    _, sections = classified(draft, rules)
    assert [s.heading for s in sections] == ["1. Introduction", "2. Terms of reference", "3. Findings"]


# -- run-in headings ("1.5 Family background: ...") -----------------------------------------------

RUN_IN = "\n\n".join(
    [
        "1. INTRODUCTION",
        "1.1 Background to the Review: the Board commissioned this review after a baby was seriously injured at home.",
        "1.2 Family background: the baby lived with his mother, who was nineteen, and her partner in a flat above a shop on the high street.",
        "1.3 The mother's partner had two convictions for violence against a former partner in another town.",
        "2. FINDINGS",
        "2.1 Agencies did not know that the partner lived in the home, and no one asked the mother who lived there.",
    ]
)


def test_a_run_in_heading_that_names_case_detail_starts_a_section(rules: SectionRules) -> None:
    # The published example writes its sub-headings into the paragraph ("1.2 Terms of
    # Reference: The purpose ..."). Before: "1.2 Family background: ..." was a paragraph of
    # the kept Introduction, and it and the next paragraph were published with no row.
    units, sections = classified(RUN_IN, rules)
    family = [s for s in sections if s.heading == "1.2 Family background"]
    assert len(family) == 1 and (family[0].action, family[0].status) == ("drop", "needs_review")
    partner = [u.uid for u in units if u.text.startswith("1.3 ")]
    assert partner[0] in family[0].units
    # A run-in heading the rules keep changes nothing: it stays a paragraph of its section.
    assert [s.heading for s in sections] == ["1. INTRODUCTION", "1.2 Family background", "2. FINDINGS"]


# -- chronology entries quoted in findings ------------------------------------------------------


@pytest.mark.parametrize(
    ("quoted", "passage"),
    [
        # One entry quoted to show how records were kept: a finding's evidence.
        (['"12.03.19 HV home visit. Home cold. Baby crying. Mum tearful, says partner has left."'], False),
        # Two entries in a row, in quotation marks: a pasted chronology all the same.
        (['"12.03.19 HV home visit. Home cold. Baby crying."', '"19.03.19 GP: Mum tearful, says partner has left."'], True),
        (["“12.03.19 HV home visit. Home cold.”", "“19.03.19 GP: Mum tearful.”"], True),
    ],
    ids=["one", "two", "two-curly"],
)
def test_chronology_entries_quoted_in_findings(quoted: list[str], passage: bool, rules: SectionRules) -> None:
    # Before: an opening quotation mark hid the entries' dates, and two quoted entries in a
    # row were published with no row.
    from tests.decide.test_scope import make_units

    draft = "\n\n".join(
        ["1. INTRODUCTION", "1.1 The Board commissioned this review.", "2. FINDINGS",
         "2.1 The health visiting record shows how the concern was written down:", *quoted,
         "2.2 The entries record a concern but no plan, which was typical of the records the review read.",
         "3. RECOMMENDATIONS", "3.1 The Trust should audit record keeping."]
    )
    units = make_units(draft)
    sections = plan_sections(units, load_settings(scope="findings")).sections
    rows = [s for s in sections if s.kind == "passage"]
    assert bool(rows) == passage
    if passage:
        assert {units[u].text for u in rows[0].units} >= set(quoted)


@pytest.mark.parametrize(
    "paragraph",
    [
        "2.2 The family – a mother, her partner and three children – were known to four agencies.",
        "2.2 The family were known to four agencies: the school, the GP, the police and the housing provider.",
    ],
)
def test_prose_that_opens_with_a_rule_phrase_is_not_a_run_in_heading(paragraph: str, rules: SectionRules) -> None:
    draft = f"1. INTRODUCTION\n\n1.1 The Board commissioned this review.\n\n2. FINDINGS\n\n2.1 Agencies did not share concerns.\n\n{paragraph}"
    _, sections = classified(draft, rules)
    assert [s.heading for s in sections] == ["1. INTRODUCTION", "2. FINDINGS"]


def test_a_contents_page_without_page_numbers_lists_headings_not_sections(rules: SectionRules) -> None:
    # Before: each line of the contents page was a heading of an empty section, published
    # or sent to review on its own ("Introduction", "Findings" kept as stray headings); the
    # narrative's line ("The night of the fire") sat under "Family background".
    draft = (
        "SERIOUS CASE REVIEW: CHILD M\n\nCONTENTS\n\nIntroduction\n\nFamily background\n\nThe night of the fire\n\n"
        "Findings\n\nRecommendations\n\nINTRODUCTION\n\nThe Board commissioned this review after a house fire.\n\n"
        "FAMILY BACKGROUND\n\nChild M lived with her mother.\n\nTHE NIGHT OF THE FIRE\n\n"
        "The fire started in the kitchen at about two in the morning.\n\nFINDINGS\n\nAgencies did not share concerns.\n\n"
        "RECOMMENDATIONS\n\nThe Board should audit information sharing."
    )
    units, sections = classified(draft, rules)
    assert [s.heading for s in sections] == [
        "SERIOUS CASE REVIEW: CHILD M", "CONTENTS", "INTRODUCTION", "FAMILY BACKGROUND", "THE NIGHT OF THE FIRE",
        "FINDINGS", "RECOMMENDATIONS",
    ]
    contents = by_heading_text(sections, "CONTENTS")
    assert (contents.action, contents.status) == ("drop", "auto")
    assert {units[u].text for u in contents.units} >= {"Introduction", "The night of the fire", "Recommendations"}
