"""A chronology pasted among findings is a PASSAGE row the consultant decides on its own.

The findings-only scope keeps "Findings" by its heading; four date-led paragraphs pasted
between two findings were all or nothing (the consultant had to drop the findings too, or
edit the draft and run again). The passage is its own review row: ``drop`` leaves it out of
the output and keeps the findings around it, ``keep`` keeps it, and no decision stops
``apply``. A dropped passage stays dropped in the next version of the draft. Every draft here
is fictional.
"""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import OutputNames, process_document
from anonymiser.review.apply import apply_review
from anonymiser.review.carry_over import redact_with_previous_review
from anonymiser.review.decisions import ReviewIncomplete
from anonymiser.review_log.writers import read_csv_rows
from anonymiser.settings import Settings, load_settings
from tests.review.samples import edit_review

FINDING_BEFORE = "4.1 Agencies did not know who was living in the household, and did not ask the mother."
CHRONOLOGY = (
    "12.03.19 HV visit. Mother says the partner has moved out. Baby weighed and well.",
    "19.03.19 GP appointment missed. Letter sent to the mother by the practice.",
    "02.04.19 Nursery records a bruise to the cheek; mother says he fell against the sofa.",
    "09.04.19 Social worker telephones the nursery. No further action recorded.",
)
FINDING_AFTER = "4.2 The review found that the escalation procedure was not used by any agency."
PARAGRAPHS = (
    ("1. INTRODUCTION", True),
    ("1.1 This review was commissioned by the Partnership after a child was seriously harmed at home.", False),
    ("4. FINDINGS", True),
    (FINDING_BEFORE, False),
    *((line, False) for line in CHRONOLOGY),
    (FINDING_AFTER, False),
    ("5. RECOMMENDATIONS", True),
    ("5.1 The Partnership should audit the use of its escalation procedure.", False),
)


def write_draft(path: Path, paragraphs: tuple[tuple[str, bool], ...] = PARAGRAPHS) -> Path:
    if path.suffix == ".txt":
        path.write_text("\n\n".join(text for text, _ in paragraphs) + "\n", encoding="utf-8")
        return path
    document = docx.Document()
    for text, heading in paragraphs:
        if heading:
            document.add_heading(text, level=1)
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def output_text(path: Path) -> str:
    if path.suffix == ".docx":
        return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    return path.read_text(encoding="utf-8-sig")


@pytest.fixture(scope="module")
def findings() -> Settings:
    return load_settings(scope="findings")


def first_run(tmp_path: Path, findings: Settings, detector: Detector, suffix: str = "txt") -> tuple[Path, Path]:
    draft = write_draft(tmp_path / f"draft.{suffix}")
    process_document(draft, tmp_path / "first", findings, detector)
    return draft, tmp_path / "first" / OutputNames.for_input(draft).csv


def passage_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    return [r for r in rows if r["category"] == "PASSAGE"]


def decide(csv_path: Path, passage: str | None = None, **sections: str) -> None:
    """Decide every entity row that needs it, the passage row as ``passage``, and sections by heading."""

    def change(rows: list[dict[str, str]]) -> None:
        for r in rows:
            if r["category"] == "PASSAGE":
                r["decision"] = passage or ""
            elif r["category"] == "SECTION":
                r["decision"] = sections.get(r["text"], r["decision"])
            elif r["status"] in ("needs_review", "residual") and not r["decision"]:
                r["decision"] = "redact" if r["status"] == "needs_review" else "keep"

    edit_review(csv_path, change)


def test_a_pasted_chronology_is_one_passage_row_and_its_section_is_still_auto_kept(
    tmp_path: Path, findings: Settings, detector: Detector
) -> None:
    draft, csv_path = first_run(tmp_path, findings, detector)
    rows = read_csv_rows(csv_path)
    [passage] = passage_rows(rows)
    assert (passage["action"], passage["status"]) == ("keep", "needs_review")
    assert passage["text"] == "12.03.19 HV visit. Mother says the partner has moved out. Baby weighed and well."
    # Where it is (first and last paragraph), a short excerpt, and why.
    assert passage["locations"] == "text, paragraphs 5 to 8; 51 words"
    assert passage["context"].startswith("12.03.19 HV visit.") and passage["context"].endswith("No further action recorded.")
    assert passage["reason"].startswith("4 paragraphs inside '4. FINDINGS' read like chronology or case narrative")
    findings = [r for r in rows if r["category"] == "SECTION" and r["text"] == "4. FINDINGS"]
    assert [(r["action"], r["status"]) for r in findings] == [("keep", "auto")]
    # The JSON log says which rows are passages; the chair's report lists it apart.
    log = json.loads((tmp_path / "first" / "draft.review.json").read_text(encoding="utf-8"))
    assert [s["kind"] for s in log["sections"]].count("passage") == 1
    assert (log["summary"]["sections_kept"], log["summary"]["passages"]) == (3, 1)
    html = (tmp_path / "first" / "draft.review.html").read_text(encoding="utf-8")
    assert "<td>passage: 12.03.19 HV visit." in html
    # The proposal keeps the passage: this signal never drops text by itself.
    assert "HV visit" in output_text(tmp_path / "first" / "draft.anonymised.txt")


@pytest.mark.parametrize("suffix", ["txt", "docx"])
@pytest.mark.parametrize("decision", ["drop", "keep"])
def test_the_consultant_drops_or_keeps_the_passage(
    decision: str, suffix: str, tmp_path: Path, findings: Settings, detector: Detector
) -> None:
    draft, csv_path = first_run(tmp_path, findings, detector, suffix)
    decide(csv_path, passage=decision)
    apply_review(draft, csv_path, tmp_path / "final", findings, detector)
    text = output_text(tmp_path / "final" / OutputNames.for_input(draft).document)
    for line in CHRONOLOGY:
        # (The dates themselves are redacted either way.)
        assert (line[9:40] in text) is (decision == "keep"), line
    # The findings around it stay either way.
    assert "4.1 Agencies did not know" in text and "4.2 The review found" in text
    assert "5.1 The Partnership should audit" in text
    log = json.loads((tmp_path / "final" / OutputNames.for_input(draft).json).read_text(encoding="utf-8"))
    passage = [s for s in log["review"]["sections"] if s["source"] == "consultant"]
    assert [(s["decision"], s["action"]) for s in passage] == [(decision, decision)]


def test_apply_refuses_an_undecided_passage(tmp_path: Path, findings: Settings, detector: Detector) -> None:
    draft, csv_path = first_run(tmp_path, findings, detector)
    decide(csv_path, passage=None)
    [passage] = passage_rows(read_csv_rows(csv_path))
    with pytest.raises(ReviewIncomplete) as refused:
        apply_review(draft, csv_path, tmp_path / "final", findings, detector)
    assert f"{passage['id']} PASSAGE (text, paragraph 5)" in refused.value.rows


def test_a_passage_inside_a_section_the_consultant_drops_needs_no_decision(
    tmp_path: Path, findings: Settings, detector: Detector
) -> None:
    draft, csv_path = first_run(tmp_path, findings, detector)
    decide(csv_path, passage=None, **{"4. FINDINGS": "drop"})
    apply_review(draft, csv_path, tmp_path / "final", findings, detector)
    text = output_text(tmp_path / "final" / "draft.anonymised.txt")
    assert "HV visit" not in text and "4.1 Agencies" not in text and "5.1 The Partnership" in text


def _version_2(tmp_path: Path) -> Path:
    """The next version: a finding reworded, a paragraph added before the findings (every
    paragraph number moves), the chronology itself unchanged."""
    paragraphs = list(PARAGRAPHS)
    paragraphs[3] = (FINDING_BEFORE.replace("did not ask the mother", "nobody asked the mother"), False)
    paragraphs.insert(2, ("1.2 The panel met four times and the family contributed.", False))
    (tmp_path / "v2").mkdir()
    return write_draft(tmp_path / "v2" / "draft.txt", tuple(paragraphs))


def test_a_dropped_passage_is_carried_over_to_the_next_version(
    tmp_path: Path, findings: Settings, detector: Detector
) -> None:
    _, csv_path = first_run(tmp_path, findings, detector)
    decide(csv_path, passage="drop")
    v2 = _version_2(tmp_path)
    result = redact_with_previous_review(v2, tmp_path / "o2", findings, detector, csv_path)
    text = output_text(tmp_path / "o2" / "draft.anonymised.txt")
    assert "HV visit" not in text and "Social worker telephones" not in text
    assert "nobody asked the mother" in text and "4.2 The review found" in text
    assert result.carried >= 1
    rows = read_csv_rows(tmp_path / "o2" / "draft.review.csv")
    assert [(r["action"], r["decision"]) for r in passage_rows(rows)] == [("drop", "drop")]


def test_a_passage_the_review_dropped_stays_dropped_when_the_proposal_keeps_it(
    tmp_path: Path, findings: Settings, detector: Detector
) -> None:
    # As another version of the tool would have logged it: the passage dropped, with no
    # decision of the consultant's on the row.
    _, csv_path = first_run(tmp_path, findings, detector)

    def dropped(rows: list[dict[str, str]]) -> None:
        for r in passage_rows(rows):
            r["action"] = "drop"

    edit_review(csv_path, dropped)
    v2 = _version_2(tmp_path)
    redact_with_previous_review(v2, tmp_path / "o2", findings, detector, csv_path)
    assert "HV visit" not in output_text(tmp_path / "o2" / "draft.anonymised.txt")
    log = (tmp_path / "o2" / "draft.review.json").read_text(encoding="utf-8")
    assert "the previous review dropped this passage" in log


def test_a_dropped_chronology_table_leaves_the_word_output_whole_rows_and_all(
    tmp_path: Path, findings: Settings, detector: Detector
) -> None:
    from tests.decide.test_narrative import _write_docx

    draft = _write_docx(tmp_path / "draft.docx")
    process_document(draft, tmp_path / "first", findings, detector)
    csv_path = tmp_path / "first" / "draft.review.csv"
    [passage] = passage_rows(read_csv_rows(csv_path))
    assert passage["text"] == "Date | Agency | Event" and passage["locations"] == (
        "body, paragraph 5, table 1, row 1, cell 1 to body, paragraph 16, table 1, row 4, cell 3; 34 words"
    )
    decide(csv_path, passage="drop")
    apply_review(draft, csv_path, tmp_path / "final", findings, detector)
    document = docx.Document(str(tmp_path / "final" / "draft.anonymised.docx"))
    # Every paragraph of the table went, so the table goes.
    assert document.tables == []
    text = output_text(tmp_path / "final" / "draft.anonymised.docx")
    assert "voicemail" not in text and "Nursery" not in text
    assert "4.1 The nursery's concerns were not escalated" in text and "4.2 None of these contacts" in text


def test_the_review_screen_lists_the_passage_and_saves_its_decision(
    tmp_path: Path, findings: Settings, detector: Detector
) -> None:
    from anonymiser.web.data import LogFiles, document_view, save_changes

    draft, csv_path = first_run(tmp_path, findings, detector)
    entry = LogFiles("draft", csv_path, csv_path.with_suffix(".json"))
    view = document_view(entry, [tmp_path])
    [passage] = [s for s in view["sections"] if s["kind"] == "passage"]
    assert passage["status"] == "needs_review" and len(passage["units"]) == 4
    # Not an entity row: the screen does not offer redact or keep for it.
    assert all(e["text"] != passage["heading"] for e in view["entities"])
    assert save_changes(entry, {"sections": [{"id": passage["id"], "decision": "drop"}]}, [tmp_path]) == 1
    [row] = passage_rows(read_csv_rows(csv_path))
    assert (row["id"], row["decision"]) == (passage["id"], "drop")
