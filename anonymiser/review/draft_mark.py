"""The "DRAFT - NOT FOR PUBLICATION" mark on an output written before every decision is made.

The mark is added as insertions (edits with an empty span), so the normal writer puts it in
and verification and the output hash see the document exactly as published. In a Word
document it goes at the start of every header part (so it shows on every page) and at the
start of the first body paragraph: a header is not on every page (an empty first-page
header) nor in text copied out of the body, so a document with headers had no mark in its
body at all. A text file gets it as its first line.
"""

from __future__ import annotations

from collections.abc import Sequence

from anonymiser.read.document import SourceDocument
from anonymiser.records import Edit

DRAFT_MARK = "DRAFT - NOT FOR PUBLICATION"


def _part_of(doc: SourceDocument, uid: int) -> str:
    """The package part a unit sits in (two default headers of two sections are two parts)."""
    maps = getattr(doc.payload, "maps", None)
    if maps is not None and 0 <= uid < len(maps):
        return str(getattr(maps[uid], "part", "") or doc.units[uid].location.part)
    return doc.units[uid].location.part


def draft_mark_edits(doc: SourceDocument, drop_units: frozenset[int]) -> list[Edit]:
    """Insertions that put the draft mark in the output. Append them after every other edit:
    the text writer applies edits at one position in list order."""
    if doc.kind == "docx":
        first_by_part: dict[str, int] = {}
        for unit in doc.units:
            if (
                unit.location.part.startswith("header")
                and unit.kind == "paragraph"
                and unit.uid not in drop_units
                and unit.text.strip()
            ):
                first_by_part.setdefault(_part_of(doc, unit.uid), unit.uid)
        body = _first_paragraph(doc.units, drop_units, f"{DRAFT_MARK} \u2013 ")
        headers = [Edit(uid, 0, 0, f"{DRAFT_MARK} \u2013 ") for uid in sorted(first_by_part.values())]
        return sorted(body + headers, key=lambda e: e.unit)
    return _first_paragraph(doc.units, drop_units, f"{DRAFT_MARK}\n\n")


def _first_paragraph(units: Sequence, drop_units: frozenset[int], mark: str) -> list[Edit]:
    for unit in units:
        if unit.uid in drop_units or unit.kind != "paragraph" or not unit.text.strip():
            continue
        if unit.location.part not in ("body", "text"):
            continue
        return [Edit(unit.uid, 0, 0, mark)]
    return []
