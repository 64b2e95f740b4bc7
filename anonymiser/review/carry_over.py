"""Carry a review over to the next version of a draft (``redact NEW --previous-review OLD.csv``).

Decisions follow what a row is (its category and text), not its id or place, so they
survive text moving, paragraphs being added and ids shifting. What the previous review did
not see is marked ``needs_review`` ("new in this version of the draft"); rows whose text has
gone from the draft are listed in the new log's ``review.gone``. Names the consultant added
are added again, so they are redacted everywhere in the new version too.

The output is written as ``redact`` writes it (a proposal with its log); ``apply`` then
writes the final output once the new rows are decided.

Everything the previous review redacted is redacted again, in every form the draft wrote it
(``Review.carried_redactions``), so a row is "gone" only when its text is; what it kept and
this version's proposal redacts, and a section it dropped and this proposal keeps, wait for
a decision.

The previous review must have been made with the same options (``check_settings``): a row
left "as proposed" means "what the tool proposed then", and under another policy, scope or
case file the same row can be proposed differently (strict's redacted agency is kept by scr).
Such a review is refused, saying what differs and what to run. Other patterns (another
version of the tool, an edited patterns folder) are accepted with a warning: with the
redactions carried, they can only add redactions or send rows for review. A case file that
only adds to what is redacted (more names, a new label) is accepted, with a warning in the
output and the log (see ``_case_file_change``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from anonymiser.detect.engine import Detector
from anonymiser.errors import SettingsMismatch
from anonymiser.read.limits import InputLimits
from anonymiser.records import Outcome
from anonymiser.review.apply import run_reviewed
from anonymiser.review.decisions import Review, iso_now, load_review
from anonymiser.settings import CASE_NAME_KINDS, Settings


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


@dataclass(frozen=True)
class SettingsChange:
    """One setting that differs from the previous review's. ``previous`` and ``now`` are
    what the logs record (a policy's name, a SHA-256), never text of a draft or case file."""

    setting: str  # policy, scope, drop_images, model, patterns, case_file
    previous: Any
    now: Any
    detail: str  # what differs and what to do, in words
    refused: bool

    def as_dict(self) -> dict[str, Any]:
        return {"setting": self.setting, "previous": self.previous, "now": self.now, "detail": self.detail}


_OPTIONS = {
    "policy": "--policy {}",
    "scope": "--scope {}",
    "drop_images": "--drop-images",
    "model": "patterns whose anonymiser.yml names the model {}",
}


def compare_settings(review: Review, settings: Settings) -> list[SettingsChange]:
    """What differs between the settings ``review`` was made with (its JSON log's
    ``settings``) and ``settings``. A log that records no fingerprint is compared on what
    it records."""
    recorded = review.log.get("settings") or {}
    now = {
        "policy": settings.policy.name,
        "scope": settings.scope,
        "drop_images": settings.drop_images,
        "model": settings.model,
    }
    changes = []
    # Each is refused: the policy and the patterns decide what a row "as proposed" means,
    # the scope which sections a decision was made in; --drop-images changes no row, but
    # the review approved an output with (or without) its pictures. All are options that
    # cost nothing to give again, and the message names the one to give.
    for key, value in now.items():
        if key in recorded and recorded[key] != value:
            option = _OPTIONS[key].format(recorded[key])
            if key == "drop_images":
                option = "--drop-images" if recorded[key] else "no --drop-images"
            changes.append(
                SettingsChange(
                    key,
                    recorded[key],
                    value,
                    f"{key.replace('_', ' ')} {_shown(recorded[key])} then, {_shown(value)} now (run with {option})",
                    refused=True,
                )
            )
    fingerprint = recorded.get("fingerprint")
    if fingerprint:
        # Hash these patterns as if everything the log records were as it was: what still
        # differs is the patterns/ folder (or a tool version that ships other patterns).
        as_then = {k: recorded[k] for k in now if k in recorded}
        ours = settings.fingerprint(**as_then, case_sha256=recorded.get("case_file_sha256") or "")
        if ours != fingerprint:
            # Another version of the tool, or an edited patterns folder. Accepted: everything
            # the review redacted is redacted again (Review.carried_redactions), what it kept
            # and these patterns redact, or a section it dropped and these keep, waits for a
            # decision, and what these patterns find that it did not is new.
            changes.append(
                SettingsChange(
                    "patterns",
                    fingerprint,
                    ours,
                    f"the patterns differ from those it was made with (it was written by anonymiser "
                    f"{review.log.get('version', '?')}): everything it redacted is redacted again; what it "
                    "kept and these patterns redact, and what these patterns find that it did not, need review",
                    refused=False,
                )
            )
    case = _case_file_change(recorded, settings)
    if case is not None:
        changes.append(case)
    return changes


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _case_file_change(recorded: dict[str, Any], settings: Settings) -> SettingsChange | None:
    """How the case file differs from the one the review was made with, if it does.

    Refused: a case file dropped, or one that no longer lists a name, alias or term the old
    one did (what it redacted could now be published under an "as proposed" decision), or
    that keeps a term the old one did not (text the consultant saw redacted would be kept,
    matched to the old row, with nothing to review).

    Accepted with a warning: a case file that only gained names, aliases or terms, changed
    a pseudonym, role or group, or stopped keeping a term. Refusing those would be wrong: the
    case file is meant to grow as the drafts name more people, and each change only adds
    redaction (the new names' rows are new, so they need review) or a label, where the
    labels the consultant saw are kept for the rows carried over. A log written before
    case-file entries were recorded cannot say how its case file differs: also a warning,
    as `apply` gives.
    """
    before = recorded.get("case_file_sha256") or ""
    after = settings.case.sha256
    if before == after:
        return None

    def change(detail: str, refused: bool) -> SettingsChange:
        return SettingsChange("case_file", before or None, after or None, detail, refused)

    if not after:
        return change("it was made with a case file and none is given (give it again with --case CASE.yml)", True)
    if before and "case_file_entries" not in recorded:
        return change(
            "the case file differs from the one it was made with, and the log is too old to say how; "
            "rows it changes are listed as new (needing review) or gone",
            False,
        )
    old = set(recorded.get("case_file_entries") or ())
    new = set(settings.case.entries)
    lost = _count(old - new, CASE_NAME_KINDS)
    kept = _count(new - old, ("keep",))
    if lost or kept:
        reasons = []
        if lost:
            reasons.append(f"{lost} name(s), alias(es) or term(s) of the case file it was made with are not in this one")
        if kept and before:
            reasons.append(f"this case file keeps {kept} term(s) that one did not")
        elif kept:
            reasons.append(f"it was made without a case file, and this one keeps {kept} term(s)")
        remedy = "give the case file it was made with, or one that only adds names to it; " if before else ""
        return change(
            "; ".join(reasons) + f" ({remedy}to keep a term, decide its row keep in the review instead)",
            True,
        )
    gained = _count(new - old, CASE_NAME_KINDS)
    # A person whose pseudonym, role or group changed loses the old label entry (a person
    # who is new only gains one, and one who is gone was refused above).
    relabelled = _count(old - new, ("label",))
    unkept = _count(old - new, ("keep",))
    parts = [
        f"{gained} name(s), alias(es) or term(s) added" if gained else "",
        f"{relabelled} person(s) with a new pseudonym, role or group (rows carried over keep the label "
        "the review showed; change it in the replacement column)" if relabelled else "",
        f"{unkept} term(s) no longer kept" if unkept else "",
        "" if before else "there was no case file before",
    ]
    return change(
        "the case file differs from the one it was made with: " + "; ".join(p for p in parts if p)
        + "; rows it changes are listed as new (needing review) or gone",
        False,
    )


def _count(entries: set[str], kinds: tuple[str, ...]) -> int:
    return sum(1 for e in entries if e.split(":", 1)[0] in kinds)


def check_settings(review: Review, settings: Settings) -> list[SettingsChange]:
    """Refuse ``review`` (SettingsMismatch) if any difference makes its decisions unsafe to
    carry over; otherwise return the differences to warn about (possibly none)."""
    changes = compare_settings(review, settings)
    refused = [c for c in changes if c.refused]
    if refused:
        raise SettingsMismatch(
            f"{review.csv_path.name} was made with other settings, so its decisions cannot be carried over: "
            + "; ".join(c.detail for c in refused)
            + ". Run again with the settings it was made with, or start a new review of this version "
            "without --previous-review."
        )
    return changes


def redact_with_previous_review(
    path: Path,
    out_dir: Path,
    settings: Settings,
    detector: Detector,
    previous_review: Path,
    *,
    limits: InputLimits | None = None,
    now: str | None = None,
    review: Review | None = None,
) -> CarryOverResult:
    """Anonymise a new version of a draft, carrying the previous review's decisions over.
    Raises SettingsMismatch for a review made with settings it cannot be carried over under
    (``check_settings``); ``review``: the review already loaded from ``previous_review``."""
    review = review or load_review(previous_review)
    changes = check_settings(review, settings)
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
        warnings=[f"settings: {c.detail}" for c in changes],
        settings_changed=[c.as_dict() for c in changes],
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
