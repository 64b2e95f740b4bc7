"""Write the review log as CSV (for Excel) and JSON (for tools), owner-only.

The CSV is UTF-8 with a byte-order mark so Excel reads accents and curly quotes correctly.
A draft is untrusted input: a cell that starts with = + - @ (or a tab or carriage return)
would run as a formula in Excel, so it is written with a leading apostrophe, which Excel
shows as text.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from anonymiser.review_log.rows import COLUMNS, CONFIDENTIAL, Row

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A value that itself starts with an apostrophe is guarded too, so reading back (which drops
# one leading apostrophe before these) gives the original exactly.
_GUARDED_STARTS = (*_FORMULA_STARTS, "'")


def excel_safe(value: str) -> str:
    return "'" + value if value.startswith(_GUARDED_STARTS) else value


def write_private(path: Path, data: bytes, *, new_only: bool = False) -> None:
    """Write a file that only its owner can read: the log holds the original text.
    ``new_only``: raise FileExistsError rather than replace a file already there (checked
    and created in one step, so nothing written meanwhile is lost)."""
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if new_only else os.O_TRUNC)
    fd = os.open(path, flags, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.chmod(path, 0o600)


def render_csv(rows: Sequence[Row]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([CONFIDENTIAL])
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([excel_safe(row.values.get(col, "")) for col in COLUMNS])
    return b"\xef\xbb\xbf" + buffer.getvalue().encode("utf-8")


def write_csv(path: Path, rows: Sequence[Row]) -> None:
    write_private(path, render_csv(rows))


def write_json(path: Path, document: dict[str, Any]) -> None:
    data = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    write_private(path, data.encode("utf-8"))


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    """Read a review CSV back (skipping the confidentiality line), undoing the formula guard."""
    text = path.read_bytes().decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text)))
    if lines and lines[0] and lines[0][0].startswith("CONFIDENTIAL"):
        lines = lines[1:]
    if not lines:
        return []
    header = lines[0]
    out = []
    for line in lines[1:]:
        values = {h: (line[i] if i < len(line) else "") for i, h in enumerate(header)}
        out.append({k: (v[1:] if v.startswith("'") and v[1:2] in _GUARDED_STARTS else v) for k, v in values.items()})
    return out
