"""Carry a review over to the next version of a draft (``redact NEW --previous-review OLD.csv``).

Decisions follow what a row is (its category and text), not its id or place, so they
survive text moving, paragraphs being added and ids shifting. What the previous review did
not see is marked ``needs_review`` ("new in this version of the draft"); rows whose text has
gone from the draft are listed in the new log's ``review.gone``. Names the consultant added
are added again, so they are redacted everywhere in the new version too.

The output is written as ``redact`` writes it (a proposal with its log); ``apply`` then
writes the final output once the new rows are decided.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anonymiser.detect.engine import Detector
from anonymiser.read.limits import InputLimits
from anonymiser.records import Outcome
from anonymiser.review.apply import run_reviewed
from anonymiser.review.decisions import iso_now, load_review
from anonymiser.settings import Settings


@dataclass
class CarryOverResult:
    outcome: Outcome
    carried: int
    new: list[dict[str, Any]] = field(default_factory=list)  # {"id", "category", "text"}
    gone: list[dict[str, Any]] = field(default_factory=list)  # {"from_id", "category", "text", "decision"}
    warnings: list[str] = field(default_factory=list)
    report: Path | None = None

    def summary_lines(self) -> list[str]:
        """What to print: ids and categories only (the text stays in the owner-only log)."""
        lines = [f"carried over {self.carried} decision(s) from the previous review"]
        if self.new:
            listed = ", ".join(f"{n['id']} {n['category']}" for n in self.new[:30])
            more = f" and {len(self.new) - 30} more" if len(self.new) > 30 else ""
            lines.append(f"{len(self.new)} new row(s) need review: {listed}{more}")
        if self.gone:
            listed = ", ".join(f"{g['from_id']} {g['category']}" for g in self.gone[:30])
            more = f" and {len(self.gone) - 30} more" if len(self.gone) > 30 else ""
            lines.append(f"{len(self.gone)} row(s) of the previous review are gone from this version: {listed}{more}")
        lines += [f"warning: {w}" for w in self.warnings]
        return lines


def redact_with_previous_review(
    path: Path,
    out_dir: Path,
    settings: Settings,
    detector: Detector,
    previous_review: Path,
    *,
    limits: InputLimits | None = None,
    now: str | None = None,
) -> CarryOverResult:
    """Anonymise a new version of a draft, carrying the previous review's decisions over."""
    review = load_review(previous_review)
    outcome, report, record = run_reviewed(
        path,
        out_dir,
        settings,
        detector,
        limits,
        review,
        at=now or iso_now(),
        carry_over=True,
        refuse_undecided=False,
        draft_mark=False,
        mode="redact (carried over)",
        overwrite="write the new version to another folder (--out), or its log would replace "
        "the previous review",
    )
    carried = sum(
        1 for d in record.get("decisions", []) + record.get("sections", []) if d.get("source") == "consultant"
    )
    return CarryOverResult(
        outcome=outcome,
        carried=carried,
        new=list(record.get("new", [])),
        gone=list(record.get("gone", [])),
        warnings=list(record.get("warnings", [])),
        report=report,
    )
