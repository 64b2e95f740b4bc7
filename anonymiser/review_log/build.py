"""Assemble the review log for one document from the decisions and the verification report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from anonymiser import __version__
from anonymiser.read.document import SourceDocument
from anonymiser.records import Entity, SectionInfo, VerificationReport
from anonymiser.review_log.rows import CONFIDENTIAL, Row, entity_row, section_row
from anonymiser.settings import Settings


def log_rows(doc: SourceDocument, entities: Sequence[Entity], sections: Sequence[SectionInfo]) -> list[Row]:
    rows = [entity_row(e, doc.units) for e in entities]
    rows += [section_row(s, i, doc.units) for i, s in enumerate(sections, start=1)]
    return rows


def summary_counts(entities: Sequence[Entity]) -> dict[str, int]:
    counts = Counter(e.category for e in entities if e.action == "redact" and e.status != "residual")
    return dict(sorted(counts.items()))


def log_document(
    *,
    doc: SourceDocument,
    settings: Settings,
    entities: Sequence[Entity],
    sections: Sequence[SectionInfo],
    verification: VerificationReport,
    output_name: str,
    output_sha256: str,
    scope_note: str,
) -> dict[str, Any]:
    """The JSON review log: the CSV's rows plus everything a chair needs to trust them."""
    rows = log_rows(doc, entities, sections)
    return {
        "confidential": CONFIDENTIAL,
        "tool": "anonymiser",
        "version": __version__,
        "input": {"name": doc.path.name, "sha256": doc.sha256, "kind": doc.kind, "words": doc.words},
        "output": {"name": output_name, "sha256": output_sha256},
        "settings": {
            "policy": settings.policy.name,
            "scope": settings.scope,
            "scope_note": scope_note,
            "model": settings.model,
            "case_file_sha256": settings.case.sha256 or None,
            # Hashed, one per name, alias, label, term and kept term: lets a carry-over tell a
            # case file that gained names from one that lost some (review/carry_over.py).
            "case_file_entries": list(settings.case.entries),
            "drop_images": settings.drop_images,
            "fingerprint": settings.fingerprint(),
        },
        "summary": {
            "entities": len([e for e in entities if e.status != "residual"]),
            "redacted_by_category": summary_counts(entities),
            "kept": len([e for e in entities if e.action == "keep"]),
            "needs_review": len([e for e in entities if e.status == "needs_review"]),
            "residual": len([e for e in entities if e.status == "residual"]),
            "sections_kept": len([s for s in sections if s.action == "keep" and s.kind != "passage"]),
            "sections_dropped": len([s for s in sections if s.action == "drop" and s.kind != "passage"]),
            # Runs of a kept section's paragraphs shaped like a chronology (PASSAGE rows).
            "passages": len([s for s in sections if s.kind == "passage"]),
            "passages_dropped": len([s for s in sections if s.kind == "passage" and s.action == "drop"]),
        },
        "verification": asdict(verification) | {"seconds": None},
        "notes": [asdict(n) for n in doc.notes],
        "sections": [asdict(s) | {"units": list(s.units)} for s in sections],
        "entities": [
            row.values
            | {
                "occurrence_spans": [[o.unit, o.start, o.end] for o in e.occurrences],
                # Every form the draft wrote it in ("Con" of Connor Brightwell), so that the
                # next version of the draft redacts them again (review/decisions.py).
                "forms": sorted({" ".join(o.text.split()) for o in e.occurrences} - {""}),
            }
            for row, e in zip(rows, entities)
        ],
    }
