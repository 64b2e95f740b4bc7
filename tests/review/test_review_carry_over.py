"""Decisions follow a draft to its next version: by category and text, not by id or place.

Version 1 is the sample police IMR (.txt) with a fictional neighbour's name; version 2 cuts
a paragraph (its URL is gone), adds one (a new person and date) and shifts every offset.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.errors import ReviewMismatch
from anonymiser.pipeline import process_document
from anonymiser.review.apply import apply_review
from anonymiser.review.carry_over import CarryOverResult, redact_with_previous_review
from anonymiser.review.decisions import ReviewIncomplete
from anonymiser.review_log.writers import read_csv_rows
from anonymiser.settings import Settings, load_settings
from tests.conftest import CASE_FILE, SAMPLES
from tests.review.samples import (
    GONE_URL,
    MISSED_NAME,
    NEW_PERSON,
    added_row,
    edit_review,
    next_version,
    police_txt_with_missed_name,
    row,
)

STEM = "imr_police_draft"
KEPT = ("RARE_FEATURE", "footbridge")  # a false positive the consultant keeps
RENAMED = ("Gemma Tait", "MASH researcher")


@pytest.fixture(scope="module")
def settings_findings() -> Settings:
    return load_settings(case_file=CASE_FILE)


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("versions")
    (root / "v1").mkdir()
    (root / "v2").mkdir()
    v1 = police_txt_with_missed_name(SAMPLES, root / "v1" / f"{STEM}.txt")
    return v1, next_version(v1, root / "v2" / f"{STEM}.txt")


@pytest.fixture(scope="module")
def reviewed_v1(versions: tuple[Path, Path], settings_findings: Settings, detector: Detector) -> Path:
    """Version 1 redacted and reviewed: one kept, one renamed, a name added, the rest decided."""
    v1, _ = versions
    out = v1.parent / "out"
    process_document(v1, out, settings_findings, detector)
    csv_path = out / f"{STEM}.review.csv"

    def change(rows: list[dict[str, str]]) -> None:
        row(rows, *KEPT)["decision"] = "keep"
        row(rows, "PERSON", RENAMED[0])["replacement"] = RENAMED[1]
        rows.append(added_row("PERSON", MISSED_NAME, "Neighbour"))
        for r in rows:
            if r.get("status") in ("needs_review", "residual") and not r.get("decision"):
                r["decision"] = "redact" if r["status"] == "needs_review" else "keep"

    edit_review(csv_path, change)
    return csv_path


@pytest.fixture(scope="module")
def carried(versions: tuple[Path, Path], reviewed_v1: Path, settings_findings: Settings, detector: Detector) -> CarryOverResult:
    _, v2 = versions
    return redact_with_previous_review(v2, v2.parent / "out", settings_findings, detector, reviewed_v1)


def test_decisions_are_carried_to_the_next_version(versions: tuple[Path, Path], carried: CarryOverResult) -> None:
    _, v2 = versions
    rows = read_csv_rows(v2.parent / "out" / f"{STEM}.review.csv")
    assert row(rows, *KEPT)["decision"] == "keep"
    renamed = row(rows, "PERSON", RENAMED[0])
    assert (renamed["replacement"], renamed["decision"]) == (RENAMED[1], "redact")
    assert row(rows, "PERSON", MISSED_NAME)["decision"] == "redact"
    text = (v2.parent / "out" / f"{STEM}.anonymised.txt").read_text(encoding="utf-8-sig")
    assert KEPT[1] in text
    assert "Bunty" not in text and "Pudding" not in text and "Neighbour" in text
    assert carried.carried > 3


def test_what_is_new_needs_review_and_what_has_gone_is_listed(versions: tuple[Path, Path], carried: CarryOverResult) -> None:
    _, v2 = versions
    new_texts = {n["text"] for n in carried.new}
    assert any(NEW_PERSON in t for t in new_texts), new_texts
    assert "3 March 2020" in new_texts
    rows = {r["id"]: r for r in read_csv_rows(v2.parent / "out" / f"{STEM}.review.csv")}
    for entry in carried.new:
        assert rows[entry["id"]]["status"] == "needs_review"
        assert "new in this version" in rows[entry["id"]]["reason"]
    assert [g["text"] for g in carried.gone if g["category"] == "URL"] == [GONE_URL]
    printed = "\n".join(carried.summary_lines())
    assert NEW_PERSON not in printed and GONE_URL not in printed  # ids and categories only
    log = json.loads((v2.parent / "out" / f"{STEM}.review.json").read_text(encoding="utf-8"))
    assert log["review"]["from"]["carried_over"] is True
    assert log["review"]["gone"] == carried.gone


def test_unchanged_rows_keep_their_labels(versions: tuple[Path, Path], reviewed_v1: Path, carried: CarryOverResult) -> None:
    _, v2 = versions
    before = {(r["category"], r["text"]): r["replacement"] for r in read_csv_rows(reviewed_v1) if r.get("action") == "redact"}
    after = {
        (r["category"], r["text"]): r["replacement"]
        for r in read_csv_rows(v2.parent / "out" / f"{STEM}.review.csv")
        if r.get("action") == "redact"
    }
    common = set(before) & set(after)
    assert len(common) > 20
    assert {k: (before[k], after[k]) for k in common if before[k] != after[k]} == {}


def test_apply_refuses_the_old_log_on_the_new_draft_unless_carried_over(
    versions: tuple[Path, Path], reviewed_v1: Path, settings_findings: Settings, detector: Detector
) -> None:
    _, v2 = versions
    out = v2.parent / "applied"
    with pytest.raises(ReviewMismatch, match="--carry-over"):
        apply_review(v2, reviewed_v1, out, settings_findings, detector)
    with pytest.raises(ReviewIncomplete) as caught:  # the new rows are undecided
        apply_review(v2, reviewed_v1, out, settings_findings, detector, carry_over=True)
    assert any("DATE" in line for line in caught.value.rows)
    assert NEW_PERSON not in " ".join(caught.value.rows)


def test_the_carried_log_once_decided_gives_a_final_output(
    versions: tuple[Path, Path], carried: CarryOverResult, settings_findings: Settings, detector: Detector
) -> None:
    _, v2 = versions
    folder = v2.parent / "decided"
    folder.mkdir()
    for suffix in (".csv", ".json"):
        shutil.copy2(v2.parent / "out" / f"{STEM}.review{suffix}", folder)
    csv_path = folder / f"{STEM}.review.csv"
    new_ids = {n["id"] for n in carried.new}

    def change(rows: list[dict[str, str]]) -> None:
        for r in rows:
            if r["id"] in new_ids or (r.get("status") in ("needs_review", "residual") and not r.get("decision")):
                r["decision"] = "keep" if r["status"] == "residual" else "redact"

    edit_review(csv_path, change)
    result = apply_review(v2, csv_path, v2.parent / "final", settings_findings, detector)
    text = (v2.parent / "final" / f"{STEM}.anonymised.txt").read_text(encoding="utf-8-sig")
    assert NEW_PERSON.split()[-1] not in text
    assert KEPT[1] in text
    renamed = row(read_csv_rows(v2.parent / "final" / f"{STEM}.review.csv"), "PERSON", RENAMED[0])
    assert renamed["replacement"] == RENAMED[1]  # its section is not written in a findings-only report
    assert result.record["decided"]["undecided"] == 0
