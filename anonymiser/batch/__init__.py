"""Batches: every draft in a folder, with one label per person across all of them.

``run_batch`` is what `anonymiser batch` calls; see ``run`` for how the work is split,
``people`` for how labels are joined across documents, ``resume`` for what counts as done.
"""

from __future__ import annotations

from anonymiser.batch.people import PersonSummary, assign_labels, people_in
from anonymiser.batch.resume import PreviousRun, previous_run, sweep_partials
from anonymiser.batch.run import BatchEvents, BatchResult, find_drafts, run_batch
from anonymiser.batch.summary import SUMMARY_COLUMNS, SUMMARY_NAME, DocumentRow, read_summary, write_summary
from anonymiser.batch.worker import BatchMismatch, SettingsSpec

__all__ = [
    "SUMMARY_COLUMNS",
    "SUMMARY_NAME",
    "BatchEvents",
    "BatchMismatch",
    "BatchResult",
    "DocumentRow",
    "PersonSummary",
    "PreviousRun",
    "SettingsSpec",
    "assign_labels",
    "find_drafts",
    "people_in",
    "previous_run",
    "read_summary",
    "run_batch",
    "sweep_partials",
    "write_summary",
]
