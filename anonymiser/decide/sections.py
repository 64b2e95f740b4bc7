"""The findings-only scope for one document: which sections are written, which are dropped."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from anonymiser.decide.scope import PASSAGE, classify_sections, find_sections, flag_narrative, scope_units
from anonymiser.records import SectionInfo, TextUnit
from anonymiser.settings import Settings


@dataclass(frozen=True)
class SectionPlan:
    sections: list[SectionInfo]
    drop_units: frozenset[int]
    note: str


def plan_sections(units: Sequence[TextUnit], settings: Settings) -> SectionPlan:
    """Find and classify the sections; with scope "full", list them but drop nothing."""
    rules = settings.sections
    sections = classify_sections(find_sections(units, rules), units, rules)
    if settings.scope == "full":
        listed = [replace(s, action="keep", status="auto", reason="scope full: every section is written") for s in sections]
        return SectionPlan(listed, frozenset(), "full document: every section is written")
    # Only the findings-only report needs the content check: with scope full every section is
    # published on purpose.
    sections = flag_narrative(sections, units, rules)
    drop = scope_units(sections)
    headed = [s for s in sections if s.kind != PASSAGE]
    dropped = sum(1 for s in headed if s.action == "drop")
    passages = len(sections) - len(headed)
    note = f"findings-only report: {dropped} of {len(headed)} sections dropped (see the SECTION rows)"
    if passages:
        note += f"; {passages} passage(s) inside kept sections read like chronology (see the PASSAGE rows)"
    return SectionPlan(sections, drop, note)
