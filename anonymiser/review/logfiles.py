"""The review log's files after a run: decisions filled in, the chair's report beside them.

The pipeline writes every row with an empty ``decision`` column; after ``apply`` (or a
carry-over) the new log must show the decisions it was made with, so that the next round,
the review screen and the chair's report start from them. Files are replaced atomically and
stay owner-only (they hold the draft's original text).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from anonymiser.review.decisions import NEEDS_DECISION, norm
from anonymiser.review_log.rows import Row
from anonymiser.review_log.writers import read_csv_rows, render_csv, write_private


def html_path_for(json_path: Path) -> Path:
    """NAME.review.json -> NAME.review.html"""
    return json_path.with_suffix(".html")


def replace_private(path: Path, data: bytes) -> None:
    """Write owner-only, atomically: a reader never sees half a log."""
    temp = path.with_name(f".partial-{os.getpid()}-{path.name}")
    try:
        write_private(temp, data)
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink()


def write_rows(csv_path: Path, rows: Sequence[Mapping[str, str]]) -> None:
    replace_private(csv_path, render_csv([Row(dict(r)) for r in rows]))


def write_log(json_path: Path, log: Mapping[str, Any]) -> None:
    data = json.dumps(log, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    replace_private(json_path, data.encode("utf-8"))


def write_report(json_path: Path, log: Mapping[str, Any]) -> Path:
    """Write the chair's report (NAME.review.html) beside the JSON log."""
    from anonymiser.review_log.html import render_html

    path = html_path_for(json_path)
    replace_private(path, render_html(dict(log)).encode("utf-8"))
    return path


def fill_decisions(
    csv_path: Path,
    json_path: Path,
    decisions: Mapping[str, str],
    kept_texts: Iterable[str] = (),
) -> dict[str, Any]:
    """Put ``decisions`` (row id -> redact / keep / drop / "") into the CSV and the JSON.

    A residual row (found again on the output) whose text the consultant kept is marked
    ``keep`` too: it is in the output because of that decision.
    """
    kept = {norm(t) for t in kept_texts}

    def decision_for(row: Mapping[str, Any]) -> str:
        row_id = str(row.get("id", ""))
        if row_id in decisions:
            return decisions[row_id]
        if row.get("status") == "residual" and norm(str(row.get("text", ""))) in kept:
            return "keep"
        return str(row.get("decision", "") or "")

    rows = read_csv_rows(csv_path)
    for row in rows:
        row["decision"] = decision_for(row)
    write_rows(csv_path, rows)
    log = json.loads(json_path.read_text(encoding="utf-8"))
    for entity in log.get("entities", []):
        entity["decision"] = decision_for(entity)
    write_log(json_path, log)
    return log


def undecided_in_log(log: Mapping[str, Any]) -> list[str]:
    """Rows of a written log that still need a decision: "E004 ORGANISATION", "S012 SECTION", "S014 PASSAGE"."""
    out = [
        f"{e.get('id')} {e.get('category')}"
        for e in log.get("entities", [])
        if e.get("status") in NEEDS_DECISION and not e.get("decision")
    ]
    review = log.get("review") or {}
    decided_sections = {s.get("id") for s in review.get("sections", []) if s.get("source") == "consultant"}
    for index, section in enumerate(log.get("sections", []), start=1):
        section_id = f"S{index:03d}"
        if section.get("status") == "needs_review" and section_id not in decided_sections:
            out.append(f"{section_id} {'PASSAGE' if section.get('kind') == 'passage' else 'SECTION'}")
    return out
