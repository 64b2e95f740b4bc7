"""What is kept, and why: the rows of the review log for findings left in the text (the case
file's keep list, what the policy publishes), one per string, with every place it stands."""

from __future__ import annotations

from dataclasses import dataclass, field

from anonymiser.decide.words import normalise
from anonymiser.records import Entity, Finding, Occurrence


@dataclass
class KeptRow:
    """One kept string: why it is kept, who found it, and where it stands."""

    category: str
    text: str
    reason: str
    recognisers: set[str] = field(default_factory=set)
    occurrences: list[Occurrence] = field(default_factory=list)
    score: float = 0.0


def keep_row(kept: dict[str, KeptRow], f: Finding, reason: str) -> None:
    """Add ``f`` to the row for its string (category and text), the first reason given winning."""
    key = f"{f.category}:{normalise(f.text)}"
    row = kept.setdefault(key, KeptRow(f.category, f.text, reason))
    row.recognisers.add(f.recogniser)
    row.score = max(row.score, f.score)
    row.occurrences.append(Occurrence(f.unit, f.start, f.end, f.text))


def kept_entities(kept: dict[str, KeptRow], start_index: int) -> list[Entity]:
    """The kept rows as entities (action "keep"), in order of first appearance, numbered on
    from ``start_index``."""
    out = []
    ordered = sorted(kept.values(), key=lambda k: (k.occurrences[0].unit, k.occurrences[0].start))
    for offset, row in enumerate(ordered):
        out.append(
            Entity(
                id=f"E{start_index + offset:03d}",
                category=row.category,
                text=row.text,
                replacement=row.text,
                action="keep",
                confidence=round(row.score, 4),
                recognisers=tuple(sorted(row.recognisers)),
                status="auto",
                occurrences=sorted(set(row.occurrences), key=lambda o: (o.unit, o.start)),
                reason=row.reason,
            )
        )
    return out
