"""``anonymiser apply``: write the output that a review log's decisions describe.

The draft is run through the normal pipeline again, with the consultant's additions in the
case file and the decisions applied by the ``adjust`` step, so verification checks exactly
what is published. A log made from another version of the draft is refused unless the
decisions are to be carried over; a final output is refused while rows need a decision,
unless a draft (marked "DRAFT - NOT FOR PUBLICATION") is asked for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from anonymiser.detect.engine import Detector
from anonymiser.errors import ConfigError, MissingFile, ReviewMismatch
from anonymiser.pipeline import OutputNames, process_document
from anonymiser.read.limits import InputLimits
from anonymiser.records import Outcome
from anonymiser.review.adjust import AdjustOptions, ReviewAdjuster
from anonymiser.review.decisions import (
    Review,
    iso_now,
    load_review,
    norm,
    settings_with_additions,
)
from anonymiser.review.logfiles import fill_decisions, write_report
from anonymiser.settings import Settings, load_settings
from anonymiser.write.safe_output import remove_outputs


@dataclass
class ApplyResult:
    outcome: Outcome
    record: dict[str, Any]
    report: Path
    warnings: list[str]


def file_sha256(path: Path) -> str:
    if not path.is_file():
        raise MissingFile(path)
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check_same_draft(review: Review, draft: Path) -> None:
    """Refuse a log made from another version of the draft (its input SHA-256 differs)."""
    actual = file_sha256(draft)
    if actual != review.input_sha256:
        recorded = review.input_sha256[:12] or "none"
        raise ReviewMismatch(
            f"{review.csv_path.name} was made from a different draft than {draft.name} "
            f"(input SHA-256 {recorded}… in the log, {actual[:12]}… now); "
            "use --carry-over to carry its decisions over to this version"
        )


def settings_for_review(
    review: Review,
    *,
    case: Path | None = None,
    policy: str | None = None,
    scope: str | None = None,
    patterns: Path | None = None,
    drop_images: bool | None = None,
) -> tuple[Settings, list[str]]:
    """The settings the log was made with, unless told otherwise. The case file is not in
    the log (only its hash), so it must be given again; a different one is a warning."""
    recorded = review.log.get("settings") or {}
    warnings: list[str] = []
    case_sha = recorded.get("case_file_sha256")
    if case_sha and case is None:
        raise ConfigError(
            f"{review.json_path.name} was made with a case file; give it again with --case CASE.yml"
        )
    settings = load_settings(
        policy=policy or str(recorded.get("policy") or "scr"),
        scope=scope or str(recorded.get("scope") or "findings"),
        case_file=case,
        patterns_dir=patterns,
        drop_images=bool(recorded.get("drop_images")) if drop_images is None else drop_images,
    )
    if case_sha and settings.case.sha256 != case_sha:
        warnings.append("the case file differs from the one the log was made with; new rows are marked needs_review")
    if recorded.get("fingerprint") and recorded.get("fingerprint") != settings.fingerprint() and not warnings:
        warnings.append("the patterns or options differ from those the log was made with")
    return settings, warnings


def apply_review(
    draft: Path,
    review_csv: Path,
    out_dir: Path,
    settings: Settings,
    detector: Detector,
    *,
    draft_output: bool = False,
    carry_over: bool = False,
    limits: InputLimits | None = None,
    now: str | None = None,
    review: Review | None = None,
) -> ApplyResult:
    """Write DRAFT's output as the review decides into ``out_dir``, with a new log (CSV, JSON
    with a ``review`` record, and the chair's report). Raises ReviewMismatch for a log of
    another draft (unless ``carry_over``), ReviewIncomplete while rows need a decision
    (unless ``draft_output``), ConfigError for a wrong log."""
    review = review or load_review(review_csv)
    if not carry_over:
        check_same_draft(review, draft)
    outcome, report, record = run_reviewed(
        draft,
        out_dir,
        settings,
        detector,
        limits,
        review,
        at=now or iso_now(),
        carry_over=carry_over,
        refuse_undecided=not draft_output,
        draft_mark=draft_output,
        mode="apply (carry-over)" if carry_over else "apply",
        overwrite="--out must be another folder than the review log's, or the new log would "
        "overwrite the consultant's decisions",
    )
    return ApplyResult(outcome, record, report, list(record.get("warnings", [])))


def run_reviewed(
    draft: Path,
    out_dir: Path,
    settings: Settings,
    detector: Detector,
    limits: InputLimits | None,
    review: Review,
    *,
    at: str,
    carry_over: bool,
    refuse_undecided: bool,
    draft_mark: bool,
    mode: str,
    overwrite: str,
    warnings: Sequence[str] = (),
    settings_changed: Sequence[dict[str, Any]] = (),
) -> tuple[Outcome, Any, dict[str, Any]]:
    """Run the pipeline with the consultant's decisions, then write those decisions into the
    new CSV and JSON log and the chair's report; return the outcome, the report and the
    decisions' record. Shared by `apply` and `--previous-review`. ``overwrite`` is the error
    when the new log would replace ``review``'s own; ``warnings`` and ``settings_changed`` go
    into the log's ``review`` record (settings that differ from the review's)."""
    names = OutputNames.for_input(draft)
    if (out_dir / names.csv).resolve() == review.csv_path.resolve():
        raise ConfigError(f"{review.csv_path.name}: {overwrite}")
    additions = review.additions()
    # A new version of the draft redacts again everything the review redacted, wherever it
    # is still written (Review.carried_redactions); only the consultant's own additions are
    # recorded as additions.
    carried = [*review.previous_carried, *(review.carried_redactions() if carry_over else [])]
    adjuster = ReviewAdjuster(
        review,
        additions,
        AdjustOptions(
            at=at,
            carry_over=carry_over,
            refuse_undecided=refuse_undecided,
            draft_mark=draft_mark,
            scope=settings.scope,
            person_prefix=settings.replacements.person_prefix,
            mode=mode,
            warnings=tuple(warnings),
            settings_changed=tuple(settings_changed),
            carried=tuple(carried),
        ),
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    try:
        outcome = process_document(
            draft,
            out_dir,
            settings_with_additions(settings, [*additions, *carried]),
            detector,
            limits,
            adjust=adjuster,
            extra_log={"review": adjuster.record},
        )
        kept = adjuster.kept_texts | {norm(r.text) for r in review.entities if r.status == "residual" and r.kind == "keep"}
        log = fill_decisions(out_dir / names.csv, out_dir / names.json, adjuster.csv_decisions, kept)
        report = write_report(out_dir / names.json, log)
    except BaseException:
        # The output of an earlier run of these decisions' predecessors (or this run's
        # output, published before its log was filled in) would otherwise stay in the
        # folder looking like the result of this one, which failed.
        remove_outputs([out_dir / n for n in (names.document, names.csv, names.json, names.html)])
        raise
    return outcome, report, adjuster.record
