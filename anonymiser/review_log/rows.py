"""The review log's rows: one per entity, one per section, in the columns a consultant uses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from anonymiser.records import Entity, SectionInfo, TextUnit

COLUMNS = (
    "id",
    "category",
    "text",
    "replacement",
    "action",
    "confidence",
    "recognisers",
    "status",
    "occurrences",
    "locations",
    "context",
    "decision",
    "group",
    "reason",
)
CONFIDENTIAL = (
    "CONFIDENTIAL: this review log contains the original, unredacted text of the draft. "
    "Keep it restricted to the review team; never publish it."
)
CONTEXT_CHARS = 50
MAX_LOCATIONS = 12


@dataclass(frozen=True)
class Row:
    values: dict[str, str]


def context_of(unit: TextUnit, start: int, end: int) -> str:
    """A short excerpt with the span marked [[like this]]."""
    text = unit.text
    left = max(0, start - CONTEXT_CHARS)
    right = min(len(text), end + CONTEXT_CHARS)
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    snippet = f"{prefix}{text[left:start]}[[{text[start:end]}]]{text[end:right]}{suffix}"
    return " ".join(snippet.split())


def entity_row(entity: Entity, units: Sequence[TextUnit]) -> Row:
    locations: list[str] = []
    for occ in entity.occurrences:
        where = units[occ.unit].location.describe() if 0 <= occ.unit < len(units) else "unknown"
        if where not in locations:
            locations.append(where)
    shown = locations[:MAX_LOCATIONS]
    if len(locations) > MAX_LOCATIONS:
        shown.append(f"and {len(locations) - MAX_LOCATIONS} more places")
    first = entity.occurrences[0] if entity.occurrences else None
    context = context_of(units[first.unit], first.start, first.end) if first else ""
    return Row(
        {
            "id": entity.id,
            "category": entity.category,
            "text": entity.text,
            "replacement": entity.replacement,
            "action": entity.action,
            "confidence": f"{entity.confidence:.2f}",
            "recognisers": ", ".join(entity.recognisers),
            "status": entity.status,
            "occurrences": str(len(entity.occurrences)),
            "locations": "; ".join(shown),
            "context": context,
            "decision": "",
            "group": entity.group or "",
            "reason": entity.reason,
        }
    )


def section_row(section: SectionInfo, index: int) -> Row:
    return Row(
        {
            "id": f"S{index:03d}",
            "category": "SECTION",
            "text": section.heading,
            "replacement": "",
            "action": section.action,
            "confidence": "",
            "recognisers": "sections",
            "status": section.status,
            "occurrences": "1",
            "locations": f"{section.words} words",
            "context": "",
            "decision": "",
            "group": "",
            "reason": section.reason,
        }
    )
