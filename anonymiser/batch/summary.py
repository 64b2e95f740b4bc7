"""``batch-summary.csv``: one row per document of a batch, written whole or not at all."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from anonymiser.review_log.writers import excel_safe, write_private

SUMMARY_NAME = "batch-summary.csv"
SUMMARY_COLUMNS = ("document", "status", "entities", "needs_review", "seconds", "error")
# ok: written now; skipped: already done (same input and settings); failed: see error;
# interrupted: the batch stopped (Ctrl-C) before the document was written.
STATUSES = ("ok", "skipped", "failed", "interrupted")


@dataclass
class DocumentRow:
    document: str  # path relative to the batch folder
    status: str
    entities: int = 0
    needs_review: int = 0
    seconds: float = 0.0
    error: str = ""
    words: int = 0  # not in the CSV: for progress and totals


def write_summary(out_dir: Path, rows: Sequence[DocumentRow]) -> Path:
    """Write the summary beside the outputs, via a temporary file and a rename.

    UTF-8 with a byte-order mark for Excel; cells that Excel would run as a formula are
    quoted, as in the review logs. Owner-only: file names can name a family.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(SUMMARY_COLUMNS)
    for row in rows:
        writer.writerow(
            [
                excel_safe(row.document),
                row.status,
                row.entities,
                row.needs_review,
                f"{row.seconds:.2f}",
                excel_safe(row.error),
            ]
        )
    final = out_dir / SUMMARY_NAME
    temp = out_dir / f".partial-{os.getpid()}-{SUMMARY_NAME}"
    try:
        write_private(temp, b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8"))
        os.replace(temp, final)
    finally:
        if temp.exists():
            temp.unlink()
    return final


def read_summary(path: Path) -> list[dict[str, str]]:
    """The summary's rows as dicts (for tests and tools)."""
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))
