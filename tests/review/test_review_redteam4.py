"""Fourth red-team pass over the review loop: carry-over, sign-off and the CSV as Excel
leaves it. Small invented drafts, no case file, so each test is a few runs of the pipeline."""

from __future__ import annotations

from pathlib import Path

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import process_document
from anonymiser.review.apply import apply_review
from anonymiser.review.carry_over import redact_with_previous_review
from anonymiser.review_log.writers import read_csv_rows
from anonymiser.settings import Settings
from tests.review.samples import edit_review, row

V1 = """Serious Case Review: Child P

1. Introduction

This review concerns Tobias Renwick, aged 4. His friend Jayden often played with him.

4. Findings

Finding 1: agencies did not share information. Jayden was not spoken to.
"""


def _reviewed(tmp_path: Path, text: str, settings: Settings, detector: Detector, decide) -> Path:
    draft = tmp_path / "v1" / "draft.txt"
    draft.parent.mkdir(parents=True)
    draft.write_text(text, encoding="utf-8")
    process_document(draft, tmp_path / "v1" / "out", settings, detector)
    csv_path = tmp_path / "v1" / "out" / "draft.review.csv"
    edit_review(csv_path, decide)
    return csv_path


def test_kept_short_name_does_not_keep_a_new_full_name(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    """A kept "Jayden" (someone the consultant judged not identifying) must not keep the
    "Jayden Kershaw" the next version names: detection merges the short form into the new
    person, the row matched it as "one of the forms of the name", and the full name was
    published with no row to review."""

    def keep_jayden(rows: list[dict[str, str]]) -> None:
        row(rows, "PERSON", "Jayden")["decision"] = "keep"

    previous = _reviewed(tmp_path, V1, settings, detector, keep_jayden)
    v2 = tmp_path / "v2" / "draft.txt"
    v2.parent.mkdir()
    v2.write_text(
        V1.replace("His friend Jayden often", "His cousin Jayden Kershaw often"), encoding="utf-8"
    )
    result = redact_with_previous_review(v2, tmp_path / "v2" / "out", settings, detector, previous)
    output = (tmp_path / "v2" / "out" / "draft.anonymised.txt").read_text(encoding="utf-8")
    assert "Kershaw" not in output and "Jayden" not in output
    assert any(n["category"] == "PERSON" and "Kershaw" in n["text"] for n in result.new)
    rows = read_csv_rows(tmp_path / "v2" / "out" / "draft.review.csv")
    assert row(rows, "PERSON", "Jayden Kershaw")["status"] == "needs_review"


def test_sign_off_is_of_an_applied_review_by_two_people(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    """A redact proposal nobody had decided on could be signed off, one person could stamp
    the same role twice, and one person could sign in both roles."""
    import pytest

    from anonymiser.errors import ConfigError
    from anonymiser.review.approve import approve

    draft = tmp_path / "draft.txt"
    draft.write_text(V1, encoding="utf-8")
    process_document(draft, tmp_path / "proposal", settings, detector)
    with pytest.raises(ConfigError, match="the tool's proposal"):
        approve(tmp_path / "proposal" / "draft.review.json", "Ann Bee", "consultant")
    apply_review(draft, tmp_path / "proposal" / "draft.review.csv", tmp_path / "out", settings, detector)
    log = tmp_path / "out" / "draft.review.json"
    approve(log, "Ann Bee", "consultant")
    with pytest.raises(ConfigError, match="already signed off by its consultant"):
        approve(log, "Cy Dee", "consultant")
    with pytest.raises(ConfigError, match="two people"):
        approve(log, "ann  BEE", "chair")
    approve(log, "Cy Dee", "chair")
    with pytest.raises(ConfigError, match="already signed off by its chair"):
        approve(log, "Cy Dee", "chair")
    page = (tmp_path / "out" / "draft.review.html").read_text(encoding="utf-8")
    assert "signed off by the chair" in page


def test_the_report_counts_only_a_sign_off_of_this_output() -> None:
    from anonymiser.review_log.html import _verdict

    log = {
        "verification": {"passed": True},
        "review": {"decisions": []},
        "output": {"sha256": "b" * 64},
        "signoff": [{"by": "Cy Dee", "role": "chair", "output_sha256": "c" * 64}],
    }
    assert "signed off by the chair" not in _verdict(log, {"undecided": 0})[1]


def test_a_row_id_twice_is_refused() -> None:
    """A row copied in Excel ("E004" as proposed, and a copy set to keep) was two decisions
    for one entity: the copy's keep won without a warning and the name was published."""
    import pytest

    from anonymiser.errors import ConfigError
    from anonymiser.review.decisions import parse_rows

    log = {"entities": [{"id": "E004", "replacement": "Person B"}], "sections": []}
    base = {"id": "E004", "category": "PERSON", "text": "Leanne Forshaw", "replacement": "Person B",
            "action": "redact", "status": "auto", "decision": "", "group": ""}
    with pytest.raises(ConfigError, match="row E004 appears twice") as caught:
        parse_rows([dict(base, decision="keep"), base], log, "x.review.csv")
    assert "Forshaw" not in str(caught.value)


def test_a_draft_docx_is_marked_in_its_body_too(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    """With a header, the mark went only into the header parts: the body, and any page whose
    header is empty (a different first page), showed nothing of it."""
    import re

    from anonymiser.review.draft_mark import DRAFT_MARK
    from tests.docx_builder import build_docx
    from tests.review.samples import docx_xml

    draft = build_docx(tmp_path / "draft.docx")
    process_document(draft, tmp_path / "proposal", settings, detector)
    apply_review(
        draft, tmp_path / "proposal" / "draft.review.csv", tmp_path / "out", settings, detector, draft_output=True
    )
    parts = docx_xml(tmp_path / "out" / "draft.anonymised.docx")
    headers = [n for n in parts if re.fullmatch(r"word/header\d+\.xml", n)]
    assert headers and all(DRAFT_MARK in parts[n] for n in headers)
    assert DRAFT_MARK in parts["word/document.xml"]
