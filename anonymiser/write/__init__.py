"""Write the anonymised document: the edits applied, dropped sections removed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from anonymiser.read.document import SourceDocument
from anonymiser.records import Edit


def write_document(
    doc: SourceDocument,
    edits: Sequence[Edit],
    dest: Path,
    *,
    drop_units: frozenset[int] = frozenset(),
    drop_images: bool = False,
) -> None:
    """Write ``doc`` with ``edits`` to ``dest`` in the input's own format."""
    if doc.kind == "docx":
        from anonymiser.write.docx import write_docx

        write_docx(doc, edits, dest, drop_units=drop_units, drop_images=drop_images)
    else:
        from anonymiser.write.text import write_text

        write_text(doc, edits, dest, drop_units=drop_units)
