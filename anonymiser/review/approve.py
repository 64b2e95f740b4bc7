"""``anonymiser approve``: stamp a review log with a sign-off.

A sign-off says who approved which output: the name, the role (consultant or chair), the
time, and the output's SHA-256 as it is on disk at that moment, so any later change to the
output shows. The CSV is not touched. Refused when the output is missing or differs from
the one the log describes, when it is a draft, or while rows still need a decision.

Only an output ``apply`` wrote from the consultant's decisions can be signed off: a
``redact`` proposal (or a carried-over one) with no row needing review was accepted, and the
chair's stamp then stood on a machine proposal nobody had decided on. The two sign-offs are
two people's, in order: a second stamp in a role already signed for this output, one person
in both roles, or the chair's stamp before the consultant's, is refused. The chair signs off
publication of a log the consultant has approved; a chair's stamp on a log no consultant had
signed would tell the Board the decisions were checked when nobody had put their name to them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from anonymiser.errors import ConfigError, ReviewMismatch
from anonymiser.review.decisions import iso_now, load_log
from anonymiser.review.logfiles import undecided_in_log, write_log, write_report

ROLES = ("consultant", "chair")


def approve(json_path: Path, by: str, role: str, *, now: str | None = None) -> dict[str, Any]:
    """Add a sign-off to NAME.review.json (and refresh NAME.review.html); return the stamp."""
    by = " ".join(by.split())
    if not by:
        raise ConfigError("--by: give the name of the person signing off")
    if role not in ROLES:
        raise ConfigError(f"--role: must be one of {', '.join(ROLES)}")
    if json_path.suffix.lower() != ".json":
        raise ConfigError(f"{json_path}: approve takes the NAME.review.json log")
    log = load_log(json_path)
    output = log.get("output") or {}
    output_path = json_path.parent / str(output.get("name", ""))
    if not output.get("name") or not output_path.is_file():
        raise ConfigError(f"{json_path.name}: its output {output.get('name') or '(none)'} is not beside the log")
    sha = hashlib.sha256(output_path.read_bytes()).hexdigest()
    if sha != output.get("sha256"):
        raise ReviewMismatch(
            f"{output_path.name} has changed since {json_path.name} was written "
            f"(SHA-256 {sha[:12]}… now, {str(output.get('sha256'))[:12]}… in the log); run apply again"
        )
    review = log.get("review") or {}
    if review.get("draft"):
        raise ConfigError(
            f"{output_path.name} is a draft (DRAFT - NOT FOR PUBLICATION); decide every row and run apply without --draft"
        )
    verification = log.get("verification") or {}
    if not verification.get("passed"):
        raise ConfigError(f"{json_path.name}: verification did not pass for this output")
    waiting = undecided_in_log(log)
    if waiting:
        listed = ", ".join(waiting[:20]) + (f" and {len(waiting) - 20} more" if len(waiting) > 20 else "")
        raise ConfigError(
            f"{json_path.name}: {len(waiting)} row(s) still need a decision ({listed}); "
            "decide them in the review CSV and run apply"
        )
    if not str(review.get("mode", "")).startswith("apply"):
        raise ConfigError(
            f"{json_path.name}: this log is the tool's proposal; decide it and run apply, then sign off "
            "the log apply writes"
        )
    _check_order(json_path, log, by, role, sha)
    stamp = {"by": by, "role": role, "at": now or iso_now(), "output_sha256": sha}
    signoff = log.get("signoff")
    log["signoff"] = (list(signoff) if isinstance(signoff, list) else []) + [stamp]
    write_log(json_path, log)
    write_report(json_path, log)
    return stamp


def _check_order(json_path: Path, log: dict[str, Any], by: str, role: str, sha: str) -> None:
    """Refuse a sign-off that would not mean what the report says (see the module note)."""
    signoff = log.get("signoff")
    stamps = [s for s in signoff if isinstance(s, dict)] if isinstance(signoff, list) else []
    current = [s for s in stamps if s.get("output_sha256") == sha]
    for stamp in current:
        if stamp.get("role") == role:
            raise ConfigError(
                f"{json_path.name}: this output is already signed off by its {role} ({stamp.get('by')})"
            )
        if " ".join(str(stamp.get("by", "")).split()).casefold() == by.casefold():
            raise ConfigError(
                f"{json_path.name}: {by} has already signed this output off as {stamp.get('role')}; "
                "the consultant and the chair must be two people"
            )
    if role == "chair" and not any(s.get("role") == "consultant" for s in current):
        raise ConfigError(
            f"{json_path.name}: the consultant signs this output off first (approve --role consultant); "
            "the chair then signs off its publication"
        )
