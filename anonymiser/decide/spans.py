"""Candidate spans and how overlapping ones are resolved.

Fail closed, like scrubadub's merged filth: when two spans to be redacted overlap, the
redaction covers their union, and the longer span's entity owns it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Candidate:
    """A span the decide stage intends to redact, tied to the entity it belongs to."""

    unit: int
    start: int
    end: int
    key: str  # the entity key: "person:3", "DATE:12 march 2019"
    category: str
    score: float
    recogniser: str
    # False when the span was widened over a title ("Ms " + "Marsh"): an exact match of the
    # same span ("Ms Marsh", listed as someone's alias) is the better owner.
    exact: bool = True

    @property
    def length(self) -> int:
        return self.end - self.start


def resolve_overlaps(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Return non-overlapping candidates covering at least everything the input covered."""
    by_unit: dict[int, list[Candidate]] = {}
    for cand in candidates:
        by_unit.setdefault(cand.unit, []).append(cand)
    resolved: list[Candidate] = []
    for unit in sorted(by_unit):
        group: list[Candidate] = []
        for cand in sorted(by_unit[unit], key=lambda c: (c.start, -c.length, c.key)):
            if group and cand.start < max(c.end for c in group):
                group.append(cand)
                continue
            if group:
                resolved.append(_merge(group))
            group = [cand]
        if group:
            resolved.append(_merge(group))
    return resolved


def _merge(group: list[Candidate]) -> Candidate:
    # The longest span names the entity; ties go to an exact match, then the higher score,
    # then the stable key.
    owner = sorted(group, key=lambda c: (-c.length, not c.exact, -c.score, c.key))[0]
    return replace(
        owner,
        start=min(c.start for c in group),
        end=max(c.end for c in group),
        score=max(c.score for c in group),
    )
