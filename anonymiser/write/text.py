"""Write an anonymised .txt or .md: the original text with the edits applied, nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from anonymiser.read.document import SourceDocument
from anonymiser.read.text import TextPayload
from anonymiser.records import Edit


def render_text(doc: SourceDocument, edits: Sequence[Edit], drop_units: frozenset[int] = frozenset()) -> str:
    """Return the document's text with ``edits`` applied and ``drop_units`` removed."""
    payload: TextPayload = doc.payload
    by_unit: dict[int, list[Edit]] = {}
    for edit in edits:
        by_unit.setdefault(edit.unit, []).append(edit)
    pieces: list[str] = []
    cursor = 0
    source = payload.text
    for uid, (start, end) in enumerate(payload.spans):
        if uid in drop_units:
            # Drop the paragraph and the blank lines after it, so no gap is left behind.
            pieces.append(source[cursor:start])
            nxt = payload.spans[uid + 1][0] if uid + 1 < len(payload.spans) else len(source)
            cursor = nxt if uid + 1 < len(payload.spans) else end
            continue
        pieces.append(source[cursor:start])
        pieces.append(apply_edits(source[start:end], by_unit.get(uid, [])))
        cursor = end
    pieces.append(source[cursor:])
    return "".join(pieces)


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply non-overlapping edits to one unit's text (later edits first keeps offsets valid)."""
    out = text
    last_start = len(text) + 1
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        if edit.end > last_start:
            raise ValueError("overlapping edits reached the writer")
        out = out[: edit.start] + edit.replacement + out[edit.end :]
        last_start = edit.start
    return out


def write_text(
    doc: SourceDocument, edits: Sequence[Edit], dest: Path, *, drop_units: frozenset[int] = frozenset()
) -> None:
    payload: TextPayload = doc.payload
    data = render_text(doc, edits, drop_units).encode("utf-8")
    dest.write_bytes((b"\xef\xbb\xbf" if payload.bom else b"") + data)
