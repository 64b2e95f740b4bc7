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


def section_row(section: SectionInfo, index: int, units: Sequence[TextUnit] = ()) -> Row:
    """A SECTION row, or a PASSAGE row for a run of a kept section's paragraphs shaped like a
    chronology (``section.kind == "passage"``): the consultant decides keep or drop either way."""
    passage = section.kind == "passage"
    return Row(
        {
            "id": f"S{index:03d}",
            "category": "PASSAGE" if passage else "SECTION",
            "text": section.heading,
            "replacement": "",
            "action": section.action,
            "confidence": "",
            "recognisers": "passage" if passage else "sections",
            "status": section.status,
            "occurrences": "1",
            "locations": passage_place(section, units) if passage else f"{section.words} words",
            "context": passage_excerpt(section, units) if passage else "",
            "decision": "",
            "group": "",
            "reason": section.reason,
        }
    )


def _place(unit: TextUnit) -> str:
    return ", ".join(bit for bit in (unit.location.part, f"paragraph {unit.location.paragraph}", unit.location.cell) if bit)


def passage_place(section: SectionInfo, units: Sequence[TextUnit]) -> str:
    """Where a passage is: its first and last paragraph, and its length."""
    inside = [units[u] for u in section.units if 0 <= u < len(units)]
    if not inside:
        return f"{section.words} words"
    first, last = inside[0], inside[-1]
    if first is last:
        where = _place(first)
    elif first.location.part == last.location.part and not first.location.cell and not last.location.cell:
        where = f"{first.location.part}, paragraphs {first.location.paragraph} to {last.location.paragraph}"
    else:
        where = f"{_place(first)} to {_place(last)}"
    return f"{where}; {section.words} words"


def passage_excerpt(section: SectionInfo, units: Sequence[TextUnit]) -> str:
    """How a passage starts and ends, shortened: enough to find it in the draft."""
    text = " ".join(" ".join(units[u].text.split()) for u in section.units if 0 <= u < len(units))
    if len(text) <= 2 * CONTEXT_CHARS + 10:
        return text
    # Cut at spaces, so that no word is shown half.
    head = text[: CONTEXT_CHARS + 1].rsplit(" ", 1)[0]
    tail = text[-CONTEXT_CHARS - 1 :].split(" ", 1)[-1]
    return f"{head} … {tail}"
