"""Resuming a batch: which documents are already done, and what an interruption left behind.

A document is done when its outputs (document, CSV, JSON and HTML logs) exist and its JSON
review log says that they were
made from this very input (sha256), with these settings (``Settings.fingerprint``) and this
version of anonymiser; that the anonymised document is the one the log describes (its sha256,
so an interruption between the renames of a re-run cannot pass); and that a batch made them
(it recorded the people it labelled, so a later run can check that the labels still agree
with the rest of the batch)."""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from anonymiser import __version__
from anonymiser.batch.people import BatchName, PersonSummary
from anonymiser.pipeline import OutputNames

# StagedOutputs names its temporary files ".partial-<pid>-<final name>".
_PARTIAL = re.compile(r"\.partial-(\d+)-.+")


@dataclass(frozen=True)
class PreviousRun:
    """What a finished document's log says about it."""

    people: tuple[PersonSummary, ...]
    labels: dict[str, str]
    entities: int
    needs_review: int
    words: int
    # The people other drafts named that the output was checked against (see worker.py).
    others: tuple[str, ...] = ()
    labels_in_use: tuple[str, ...] = ()
    # The people other drafts name in full that the draft was searched for, with their labels.
    known: tuple[BatchName, ...] = ()


def previous_run(source: Path, out_dir: Path, fingerprint: str) -> PreviousRun | None:
    """The earlier run's record when ``source`` is done in ``out_dir``; else None."""
    names = OutputNames.for_input(source)
    document, log_path = out_dir / names.document, out_dir / names.json
    if not all((out_dir / name).is_file() for name in output_names(source)):
        return None
    try:
        log = json.loads(log_path.read_text(encoding="utf-8"))
        batch = log.get("batch")
        if (
            not isinstance(batch, dict)
            or log.get("version") != __version__
            or log["input"]["sha256"] != _sha256(source)
            or log["settings"]["fingerprint"] != fingerprint
            or log["output"]["sha256"] != _sha256(document)
        ):
            return None
        summary = log["summary"]
        sections_to_review = sum(1 for s in log.get("sections", []) if s.get("status") == "needs_review")
        return PreviousRun(
            people=tuple(PersonSummary.from_json(p) for p in batch["people"]),
            labels={str(k): str(v) for k, v in batch["labels"].items()},
            entities=sum(int(n) for n in summary["redacted_by_category"].values()),
            needs_review=int(summary["needs_review"]) + int(summary["residual"]) + sections_to_review,
            words=int(log["input"].get("words", 0)),
            others=tuple(str(o) for o in batch.get("others", [])),
            labels_in_use=tuple(str(label) for label in batch.get("labels_in_use", [])),
            known=tuple(BatchName.from_json(k) for k in batch.get("known", [])),
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None  # unreadable or from another version: do the document again


def output_names(source: Path) -> list[str]:
    """The names of every file a document's run publishes."""
    names = OutputNames.for_input(source)
    return [names.document, names.csv, names.json, names.html]


def sweep_partials(out_dir: Path) -> list[Path]:
    """Remove temporary files that a killed process left in ``out_dir`` (any depth).

    Files of a process that is still running (another batch writing here) are left alone.
    """
    removed = []
    if not out_dir.is_dir():
        return removed
    for path in sorted(out_dir.rglob(".partial-*")):
        match = _PARTIAL.fullmatch(path.name)
        if match is None or not path.is_file() or _alive(int(match.group(1))):
            continue
        try:
            path.unlink()
            removed.append(path)
        except FileNotFoundError:
            pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process starts a run: none of its own files are in use yet
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
