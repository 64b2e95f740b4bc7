"""What a review redacted is redacted again in the next version of the draft, in every form the
draft wrote it, even where the tool no longer finds it there.

Version 2 cuts the only full name: "Con did it" was published and the review reported the
person "gone", although the consultant had seen "Con" redacted in version 1.
"""

from __future__ import annotations

from pathlib import Path

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import process_document
from anonymiser.review.carry_over import redact_with_previous_review
from anonymiser.review.decisions import load_review
from anonymiser.settings import Settings
from tests.review.samples import edit_review

V1 = (
    "Background\n\n"
    "Kian lived with Connor Brightwell at 14 Larch Close. Kian said \"Con did it\" and then \"fell down\".\n\n"
    "The family liked the footbridge.\n"
)
# The full name and the street are cut; the short form and the kept word stay.
V2 = (
    "Background\n\n"
    "Kian lived with his mother. Kian said \"Con did it\" and then \"fell down\".\n\n"
    "The family liked the footbridge.\n"
)


def _run(tmp_path: Path, settings: Settings, detector: Detector, keep: str | None = None) -> tuple[str, list[str]]:
    (tmp_path / "v1").mkdir()
    (tmp_path / "v2").mkdir()
    v1, v2 = tmp_path / "v1" / "draft.txt", tmp_path / "v2" / "draft.txt"
    v1.write_text(V1, encoding="utf-8")
    v2.write_text(V2, encoding="utf-8")
    process_document(v1, tmp_path / "o1", settings, detector)
    csv_path = tmp_path / "o1" / "draft.review.csv"
    if keep is not None:

        def change(rows: list[dict[str, str]]) -> None:
            for r in rows:
                if r["text"] == keep:
                    r["decision"] = "keep"

        edit_review(csv_path, change)
    result = redact_with_previous_review(v2, tmp_path / "o2", settings, detector, csv_path)
    text = (tmp_path / "o2" / "draft.anonymised.txt").read_text(encoding="utf-8-sig")
    return text, [g["text"] for g in result.gone]


def test_a_short_form_is_redacted_after_its_full_name_is_cut(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    text, gone = _run(tmp_path, settings, detector)
    assert "Con did it" not in text, text
    assert '"Person B did it"' in text, text  # the label the review showed
    # The street is really gone; the person is not, and is not reported so.
    assert "Connor Brightwell" not in gone
    assert "14 Larch Close" in gone


def test_what_the_consultant_kept_is_not_carried(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    text, _gone = _run(tmp_path, settings, detector, keep="footbridge")
    assert "the footbridge" in text, text


def test_the_carried_redactions_are_recorded_for_the_next_round(
    tmp_path: Path, settings: Settings, detector: Detector
) -> None:
    _run(tmp_path, settings, detector)
    review = load_review(tmp_path / "o2" / "draft.review.csv")
    carried = {(a.category, a.text): a for a in review.previous_carried}
    person = carried[("PERSON", "Connor Brightwell")]
    assert person.replacement == "Person B" and "Con" in person.aliases
    assert ("ADDRESS", "14 Larch Close") in carried
    # The chair's report says the new version was held to the previous review's redactions.
    report = (tmp_path / "o2" / "draft.review.html").read_text(encoding="utf-8")
    assert "Carried from the previous review" in report and f"{len(carried)} redaction(s)" in report


REVIEW = """Serious Case Review: Child P

1. Introduction

This review concerns Tobias Renwick, aged 4. Westmere Constabulary and the health visitor were involved.

4. Findings

Finding 1: agencies did not share information.
"""


def _carried_with_edited_log(tmp_path: Path, detector: Detector, edit: dict[str, str]) -> str:
    """A previous review whose log says the tool proposed otherwise (``edit``: row text ->
    the action column), as another version of the tool would have; carried to a new version."""
    from anonymiser.settings import load_settings

    settings = load_settings()  # findings scope
    (tmp_path / "v1").mkdir()
    (tmp_path / "v2").mkdir()
    v1, v2 = tmp_path / "v1" / "draft.txt", tmp_path / "v2" / "draft.txt"
    v1.write_text(REVIEW, encoding="utf-8")
    v2.write_text(REVIEW.replace("aged 4.", "aged 4. The panel met twice."), encoding="utf-8")
    process_document(v1, tmp_path / "o1", settings, detector)
    csv_path = tmp_path / "o1" / "draft.review.csv"

    def change(rows: list[dict[str, str]]) -> None:
        for r in rows:
            if r["text"] in edit:
                r["action"] = edit[r["text"]]

    edit_review(csv_path, change)
    redact_with_previous_review(v2, tmp_path / "o2", settings, detector, csv_path)
    return (tmp_path / "o2" / "draft.anonymised.txt").read_text(encoding="utf-8-sig")


def test_a_section_the_review_dropped_stays_dropped_until_decided(tmp_path: Path, detector: Detector) -> None:
    text = _carried_with_edited_log(tmp_path, detector, {"1. Introduction": "drop"})
    assert "This review concerns" not in text, text
    assert "Finding 1" in text
    log = (tmp_path / "o2" / "draft.review.json").read_text(encoding="utf-8")
    assert "the previous review dropped this section" in log


def test_what_the_review_kept_and_this_version_redacts_waits_for_a_decision(
    tmp_path: Path, detector: Detector
) -> None:
    text = _carried_with_edited_log(tmp_path, detector, {"Tobias Renwick": "keep"})
    assert "Renwick" not in text  # redacted meanwhile: fail closed
    log = (tmp_path / "o2" / "draft.review.json").read_text(encoding="utf-8")
    assert "the previous review kept this" in log
