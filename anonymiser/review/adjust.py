"""The pipeline's ``adjust`` step for a review: make the decisions what the writer writes.

Called between decide and write (see ``anonymiser.pipeline.process_document``) on a fresh
run of the draft whose settings already carry the consultant's additions in the case file.
It matches the review rows to the new entities by category and text, then:

- ``keep``: the entity's edits go, and so do the secrets verification would look for in
  its text (the kept text is in the output on purpose); other rows sharing those words are
  reported, and a pre-check proves the remaining secrets do not match what is kept;
- a new replacement: every occurrence gets it; it may not contain redacted text;
- as proposed: the replacement the consultant saw in the log is kept, so labels do not
  shift when a name is added; new labels never take one already in use;
- SECTION rows: ``keep`` or ``drop`` moves the section's units (and its sub-sections');
  PASSAGE rows likewise for a passage's units (a passage inside a section that is dropped
  anyway needs no decision);
- anything needing review and not decided is refused, or listed when a draft is asked for.

It fills ``record`` (the JSON log's ``review`` entry) and ``csv_decisions`` (what the new
CSV's decision column shows) as it goes. Nothing but the ``at`` times is non-deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from anonymiser.decide.decide import Decisions
from anonymiser.decide.people import letter_code
from anonymiser.decide.scope import PASSAGE
from anonymiser.decide.sections import SectionPlan
from anonymiser.detect.names import Variant, compile_variants
from anonymiser.errors import ConfigError, ReviewMismatch
from anonymiser.read.document import SourceDocument
from anonymiser.records import Edit, Entity, SectionInfo, TextUnit
from anonymiser.review.decisions import (
    NEEDS_DECISION,
    PERSON,
    Addition,
    Review,
    ReviewIncomplete,
    RowDecision,
    SectionDecision,
    norm,
)
from anonymiser.review.draft_mark import draft_mark_edits
from anonymiser.review.match import match_rows
from anonymiser.verify.rescan import verify_chunks
from anonymiser.write.text import apply_edits

NEW_REASON = "new in this version of the draft: not in the review log"
KEPT_BEFORE_REASON = "the previous review kept this; this version's proposal redacts it"
DROPPED_BEFORE_REASON = "the previous review dropped this section; this version's proposal keeps it"
DROPPED_BEFORE_PASSAGE_REASON = "the previous review dropped this passage; this version's proposal keeps it"
MAX_LISTED = 50


@dataclass(frozen=True)
class AdjustOptions:
    """How strict the step is: ``apply`` refuses undecided rows unless a draft is asked for;
    ``redact --previous-review`` lists them and writes a normal proposal."""

    at: str
    carry_over: bool = False
    refuse_undecided: bool = True
    draft_mark: bool = False
    scope: str = "findings"
    person_prefix: str = "Person"
    mode: str = "apply"
    # Settings that differ from the previous review's without making it unusable (a case
    # file that gained names): warnings first in the log, and each change recorded.
    warnings: tuple[str, ...] = ()
    settings_changed: tuple[dict[str, Any], ...] = ()
    # What an earlier review of the draft redacted, redacted again here (recorded in the log
    # so that applying these decisions finds the same entities).
    carried: tuple[Addition, ...] = ()


def place(unit: TextUnit) -> str:
    """Where a unit is, without its heading (headings are draft text)."""
    bits = [unit.location.part, f"paragraph {unit.location.paragraph}"]
    if unit.location.cell:
        bits.append(unit.location.cell)
    return ", ".join(bits)


@dataclass
class ReviewAdjuster:
    review: Review
    additions: list[Addition]
    options: AdjustOptions
    record: dict[str, Any] = field(default_factory=dict)
    csv_decisions: dict[str, str] = field(default_factory=dict)
    kept_texts: set[str] = field(default_factory=set)

    def __call__(self, doc: SourceDocument, decisions: Decisions, plan: SectionPlan) -> tuple[Decisions, SectionPlan]:
        if not self.options.carry_over and doc.sha256 != self.review.input_sha256:
            raise ReviewMismatch(
                f"{self.review.csv_path.name} was made from a different version of {doc.path.name}; "
                "use --carry-over to carry its decisions over"
            )
        previous = {
            str(d.get("id")): d
            for d in (self.review.log.get("review") or {}).get("decisions", [])
            if isinstance(d, dict)
        }
        units = doc.units
        # A residual row marked keep says "leave it in the output"; it must never match, and
        # so keep, an entity of the draft that is otherwise redacted.
        entity_rows = [r for r in self.review.entities if not (r.status == "residual" and r.kind == "keep")]
        everything = decisions.entities + decisions.kept
        matches = match_rows(entity_rows, everything, carry_over=self.options.carry_over)
        addition_keys = {a.key(): a for a in self.additions}
        undecided: list[str] = []
        warnings: list[str] = list(self.options.warnings)
        new: list[dict[str, Any]] = []
        entries: dict[str, dict[str, Any]] = {}

        final: list[Entity] = []
        to_keep: list[Entity] = []
        row_sourced: dict[str, str] = {}  # entity id -> replacement from a row or the consultant
        chosen: dict[str, str] = {}  # entity id -> replacement the consultant chose
        for entity in decisions.entities:
            row = matches.row_for.get(entity.id)
            addition = self._addition_for(entity, addition_keys)
            kind = row.kind if row is not None else ("add" if addition is not None else None)
            if row is not None and row.added and kind == "add":
                addition = addition or Addition(row.category, row.text, row.row_replacement(), row.group)
            entry = self._entry(entity, row, kind, previous)
            if kind == "keep":
                to_keep.append(entity)
                entry.update(decision="keep", source="consultant")
            elif kind in ("redact", "replace", "add"):
                wanted = row.row_replacement() if row is not None else None
                if wanted is None and addition is not None:
                    wanted = addition.replacement
                if wanted:
                    row_sourced[entity.id] = wanted
                    consultant_choice = row.chosen_replacement() if row is not None else wanted
                    if consultant_choice or kind == "add":
                        chosen[entity.id] = wanted
                entry.update(decision=kind, source="consultant")
            elif kind == "as_proposed":
                assert row is not None
                wanted = row.row_replacement()
                if wanted and entity.action == "redact":
                    row_sourced[entity.id] = wanted
                if row.status in NEEDS_DECISION or entity.status == "needs_review":
                    undecided.append(self._describe(entity, units))
                    entry.update(decision="", source="undecided")
                elif self.options.carry_over and row.action == "keep" and entity.action == "redact":
                    # The review saw it kept; this version's proposal redacts it (a changed
                    # context, or another version of the tool). Redacted until decided.
                    entity = replace(
                        entity,
                        status="needs_review",
                        reason="; ".join(r for r in (entity.reason, KEPT_BEFORE_REASON) if r),
                    )
                    undecided.append(self._describe(entity, units))
                    entry.update(decision="", source="undecided")
            else:
                entity = replace(
                    entity,
                    status="needs_review",
                    reason="; ".join(r for r in (entity.reason, NEW_REASON) if r),
                )
                new.append({"id": entity.id, "category": entity.category, "text": entity.text})
                undecided.append(self._describe(entity, units))
                entry.update(decision="", source="undecided")
            final.append(entity)
            entries[entity.id] = entry

        # Labels: what the consultant saw stays; a fresh person label never takes one in use.
        replacements = {e.id: row_sourced.get(e.id, e.replacement) for e in final}
        used = {rep for eid, rep in row_sourced.items()}
        for entity in final:
            if entity.category != PERSON or entity.id in row_sourced:
                continue
            label = replacements[entity.id]
            if label in used:
                label = _free_label(label, used, self.options.person_prefix)
                replacements[entity.id] = label
            used.add(label)

        secrets = list(decisions.secrets)
        self._check_chosen(chosen, secrets)
        keep_ids = {e.id for e in to_keep}
        removed_secrets: list[Variant] = []
        loose = list(decisions.loose_secrets)
        if to_keep:
            secrets, removed_secrets = _without_kept(secrets, to_keep)
            loose, removed_loose = _without_kept(loose, to_keep)
            removed_secrets += removed_loose
            for entity in to_keep:
                self.kept_texts |= {norm(entity.text)} | {norm(o.text) for o in entity.occurrences}
        owner = {(o.unit, o.start, o.end): e.id for e in decisions.entities for o in e.occurrences}
        edits: list[Edit] = []
        for edit in decisions.edits:
            eid = owner.get((edit.unit, edit.start, edit.end))
            if eid in keep_ids:
                continue
            if eid is not None and replacements.get(eid):
                edit = replace(edit, replacement=replacements[eid])
            edits.append(edit)
        out_entities = []
        for entity in final:
            if entity.id in keep_ids:
                entity = replace(
                    entity,
                    action="keep",
                    replacement=entity.text,
                    reason="; ".join(r for r in (entity.reason, "kept by the consultant") if r),
                )
            else:
                entity = replace(entity, replacement=replacements[entity.id])
            entries[entity.id]["action"] = entity.action
            entries[entity.id]["replacement"] = entity.replacement
            out_entities.append(entity)
        if removed_secrets:
            shared = _shared_with(removed_secrets, out_entities, keep_ids)
            if shared:
                warnings.append(
                    f"keeping {', '.join(sorted(keep_ids))} stops verification searching for "
                    f"{len(removed_secrets)} form(s) of text also redacted in {', '.join(shared)}"
                )

        # Kept entities: gone when a redaction now covers them (the consultant said redact).
        spans = {}
        for edit in edits:
            spans.setdefault(edit.unit, []).append((edit.start, edit.end))
        out_kept: list[Entity] = []
        for entity in decisions.kept:
            row = matches.row_for.get(entity.id)
            covered = all(
                any(s < o.end and o.start < e for s, e in spans.get(o.unit, [])) for o in entity.occurrences
            )
            if covered and entity.occurrences:
                continue
            if row is not None and row.kind in ("redact", "replace", "add"):
                raise ConfigError(
                    f"{self.review.csv_path.name}: row {row.label} ({row.category}) could not be redacted "
                    "as decided; add it as a new row with its exact text and category"
                )
            entry = self._entry(entity, row, row.kind if row else None, previous)
            entry.update(
                decision="keep" if row is not None and row.kind == "keep" else "as proposed",
                source="consultant" if row is not None and row.kind == "keep" else "auto",
                action="keep",
                replacement=entity.replacement,
            )
            entries[entity.id] = entry
            out_kept.append(entity)

        if not self.options.carry_over:
            # Residual rows were found on the previous output, not in the draft: they are not
            # reproduced by a new run, so an undecided one is listed from the log itself.
            undecided += [
                f"{r.id} {r.category} (found on the previous output)"
                for r in matches.unmatched
                if r.status == "residual" and not r.by_consultant
            ]
        sections, drop_units, section_entries = self._sections(plan, undecided, units, new)
        if to_keep:
            self._precheck(units, edits, secrets, drop_units, keep_ids)
        self._check_forced(units, edits, drop_units)
        if undecided and self.options.refuse_undecided:
            raise ReviewIncomplete(
                f"{self.review.csv_path.name}: {len(undecided)} row(s) still need a decision, so no final "
                "output was written; decide them (redact, keep or a new replacement) or use --draft",
                undecided,
            )
        if self.options.draft_mark:
            edits.extend(draft_mark_edits(doc, drop_units))

        for entity_id, entry in entries.items():
            word = entry.get("decision", "")
            self.csv_decisions[entity_id] = "keep" if word == "keep" else ("redact" if word in ("redact", "replace", "add") else "")
        for entry in section_entries:
            if entry["source"] == "consultant":
                self.csv_decisions[entry["id"]] = entry["action"]
        gone = [
            {"from_id": r.id, "category": r.category, "text": r.text, "decision": r.kind}
            for r in matches.unmatched
            if not r.added and r.status != "residual"
        ]
        missing_additions = [r.label for r in matches.unmatched if r.added and r.kind == "add"]
        if missing_additions:
            warnings.append(f"added row(s) not found in the draft: {', '.join(missing_additions)}")
        merged = [
            {"into": eid, "from_id": r.id or f"line {r.line}", "decision": r.kind}
            for eid, rows in sorted(matches.merged.items())
            for r in rows
        ]
        for eid, rows in sorted(matches.merged.items()):
            winner = matches.row_for[eid]
            if any(r.by_consultant and r.kind != winner.kind for r in rows):
                warnings.append(f"rows decided differently were merged into {eid}; the decision of {winner.label} was used")
        ordered = [entries[e.id] for e in out_entities] + [entries[e.id] for e in out_kept]
        self.record.update(
            {
                "mode": self.options.mode,
                "applied_at": self.options.at,
                "draft": self.options.draft_mark,
                "from": {
                    "csv": self.review.csv_path.name,
                    "input_name": self.review.input_name,
                    "input_sha256": self.review.input_sha256,
                    "saved_at": self.review.saved_at,
                    "carried_over": self.options.carry_over,
                },
                "decided": _tally(ordered + section_entries),
                "decisions": ordered,
                "sections": section_entries,
                "additions": [a.as_dict() for a in sorted(self.additions, key=lambda a: a.key())],
                "carried": [a.as_dict() for a in sorted(set(self.options.carried), key=lambda a: a.key())],
                "undecided": undecided,
                "new": new,
                "gone": gone,
                "merged": merged,
                "warnings": warnings,
            }
        )
        if self.options.settings_changed:
            self.record["settings_changed"] = [dict(c) for c in self.options.settings_changed]
        out_decisions = Decisions(
            entities=out_entities, edits=edits, secrets=secrets, kept=out_kept, loose_secrets=loose
        )
        note = plan.note
        changed = sum(1 for s in section_entries if s["source"] == "consultant")
        if changed:
            dropped = sum(1 for s in sections if s.action == "drop")
            note = f"{note}; after the review {dropped} of {len(sections)} sections are dropped ({changed} decided by the consultant)"
        return out_decisions, SectionPlan(sections, frozenset(drop_units), note)

    # ------------------------------------------------------------------ helpers

    def _addition_for(self, entity: Entity, additions: dict[tuple[str, str], Addition]) -> Addition | None:
        found = additions.get((entity.category, norm(entity.text)))
        if found is None and entity.category == PERSON:
            forms = {norm(v) for v in entity.variants}
            found = next((a for a in additions.values() if a.category == PERSON and norm(a.text) in forms), None)
        return found

    def _entry(
        self, entity: Entity, row: RowDecision | None, kind: str | None, previous: dict[str, dict[str, Any]]
    ) -> dict[str, Any]:
        """The decision record for one entity; a decision unchanged since the last round keeps
        its time and source."""
        at = self.options.at
        if row is not None and row.by_consultant:
            at = self.review.saved_at
            before = previous.get(row.id)
            if before is not None and before.get("source") == "consultant" and _same(before.get("decision"), kind):
                at = str(before.get("at") or at)
        elif kind == "add":
            at = self.review.saved_at
        return {
            "id": entity.id,
            "from_id": row.id if row is not None and row.id else None,
            "category": entity.category,
            "text": entity.text,
            "action": entity.action,
            "replacement": entity.replacement,
            "decision": "as proposed",
            "source": "auto",
            "at": at,
        }

    def _describe(self, entity: Entity, units: Sequence[TextUnit]) -> str:
        first = entity.occurrences[0] if entity.occurrences else None
        where = place(units[first.unit]) if first is not None and 0 <= first.unit < len(units) else "unknown place"
        return f"{entity.id} {entity.category} ({where})"

    def _check_chosen(self, chosen: dict[str, str], secrets: Sequence[Variant]) -> None:
        """A replacement may not contain redacted text: verification does not search the
        replacements it wrote, so such a replacement would publish the text unseen."""
        pattern = compile_variants(secrets)
        if pattern is None:
            return
        for entity_id, replacement in sorted(chosen.items()):
            if pattern.search(replacement):
                raise ConfigError(
                    f"{self.review.csv_path.name}: the replacement chosen for {entity_id} contains text that is "
                    "being redacted; choose another replacement"
                )

    def _precheck(
        self,
        units: Sequence[TextUnit],
        edits: Sequence[Edit],
        secrets: Sequence[Variant],
        drop_units: set[int],
        keep_ids: set[str],
    ) -> None:
        """Before writing: with the kept rows left in, is any remaining secret still there?
        Then the decisions contradict each other (keep "Jo Bloggs", redact "Bloggs")."""
        by_unit: dict[int, list[Edit]] = {}
        for edit in edits:
            by_unit.setdefault(edit.unit, []).append(edit)
        chunks = (
            (place(u), apply_edits(u.text, by_unit.get(u.uid, [])))
            for u in units
            if u.uid not in drop_units
        )
        report = verify_chunks(chunks, secrets, sorted({e.replacement for e in edits}))
        if not report.passed:
            raise ConfigError(
                f"{self.review.csv_path.name}: keeping {', '.join(sorted(keep_ids))} leaves text that other rows "
                f"redact in the output (at {'; '.join(report.hits[:3])}); decide those rows the same way"
            )

    def _check_forced(self, units: Sequence[TextUnit], edits: Sequence[Edit], drop_units: set[int]) -> None:
        """Before writing: is any text the consultant added (or said to redact) still there?

        An added "Tamsin" inside a longer finding the consultant kept ("Tamsin Greaves",
        which the model read as an organisation) is swallowed by it: the addition matched no
        row, verification stopped searching for the kept text, and the output kept the name
        with only a warning that the row was "not found in the draft"."""
        forced = [r for r in self.review.entities if r.forced and r.text.strip()]
        if not forced:
            return
        by_unit: dict[int, list[Edit]] = {}
        for edit in edits:
            by_unit.setdefault(edit.unit, []).append(edit)
        texts = [
            (place(u), apply_edits(u.text, by_unit.get(u.uid, [])))
            for u in units
            if u.uid not in drop_units
        ]
        allowed = sorted({e.replacement for e in edits})
        for row in forced:
            report = verify_chunks(texts, [Variant(row.text.strip(), case_sensitive=False)], allowed)
            if not report.passed:
                raise ConfigError(
                    f"{self.review.csv_path.name}: row {row.label} ({row.category}) asks for its text to be "
                    f"redacted, but it would still be in the output (at {'; '.join(report.hits[:3])}), "
                    "inside text another row keeps; decide those rows the same way"
                )

    def _sections(
        self,
        plan: SectionPlan,
        undecided: list[str],
        units: Sequence[TextUnit],
        new: list[dict[str, Any]],
    ) -> tuple[list[SectionInfo], set[int], list[dict[str, Any]]]:
        rows = _match_sections(self.review.sections, plan.sections)
        sections = [replace(s) for s in plan.sections]
        drop_units = set(plan.drop_units)
        entries: list[dict[str, Any]] = []
        inherited: dict[int, SectionDecision] = {}
        # Passages come after the sections (flag_narrative), so a passage's drop is applied
        # after its section's keep, and its section's fate is known when it is reached.
        for position, section in enumerate(sections):
            row = rows.get(position)
            decided = row if row is not None and row.kind != "as_proposed" else inherited.get(position)
            section_id = f"S{position + 1:03d}"
            passage = section.kind == PASSAGE
            category = "PASSAGE" if passage else "SECTION"
            entry = {
                "id": section_id,
                "from_id": row.id if row is not None else None,
                "heading": section.heading,
                "action": section.action,
                "decision": "as proposed",
                "source": "auto",
                "at": self.options.at,
            }
            if decided is not None:
                if decided.kind != section.action:
                    units_of = set(section.units)
                    if decided.kind == "keep":
                        drop_units -= units_of
                    else:
                        drop_units |= units_of
                why = "decided by the consultant" if decided is row else f"goes with {decided.id or 'its parent'} (decided by the consultant)"
                sections[position] = section = replace(
                    section, action=decided.kind, reason="; ".join(r for r in (section.reason, why) if r)
                )
                entry.update(action=decided.kind, decision=decided.kind, source="consultant", at=self.review.saved_at)
                if decided is row:
                    for child in _children(plan.sections, position):
                        child_row = rows.get(child)
                        if child_row is None or child_row.kind == "as_proposed":
                            inherited[child] = row
            elif row is None and self.options.carry_over and self.options.scope == "findings":
                sections[position] = section = replace(
                    section, status="needs_review", reason="; ".join(r for r in (section.reason, NEW_REASON) if r)
                )
                new.append({"id": section_id, "category": category, "text": section.heading})
            elif (
                row is not None
                and self.options.carry_over
                and row.action == "drop"
                and section.action == "keep"
            ):
                # The review saw this section dropped; this version's proposal would publish
                # it (a changed heading or text, or another version of the tool). It stays
                # dropped until the consultant decides: a case narrative must not reappear.
                drop_units |= set(section.units)
                sections[position] = section = replace(
                    section,
                    action="drop",
                    status="needs_review",
                    reason="; ".join(
                        r for r in (section.reason, DROPPED_BEFORE_PASSAGE_REASON if passage else DROPPED_BEFORE_REASON) if r
                    ),
                )
                entry.update(action="drop")
            # A passage whose section is left out is not in the output whatever is decided.
            moot = passage and decided is None and bool(section.units) and set(section.units) <= drop_units
            if moot:
                entry.update(action="drop")
                sections[position] = section = replace(section, action="drop")
            if (
                decided is None
                and not moot
                and (section.status == "needs_review" or (row is not None and row.status == "needs_review"))
            ):
                first = section.units[0] if section.units else None
                where = place(units[first]) if first is not None and 0 <= first < len(units) else "unknown place"
                undecided.append(f"{section_id} {category} ({where})")
                entry.update(decision="", source="undecided")
            entries.append(entry)
        return sections, drop_units, entries


def _match_sections(rows: Sequence[SectionDecision], sections: Sequence[SectionInfo]) -> dict[int, SectionDecision]:
    """The n-th row with a heading matches the n-th section with that heading; a PASSAGE row
    matches a passage alone, by its first paragraph's text (its "heading") and order."""
    by_heading: dict[tuple[bool, str], list[SectionDecision]] = {}
    for row in rows:
        by_heading.setdefault((row.passage, norm(row.heading)), []).append(row)
    out: dict[int, SectionDecision] = {}
    seen: dict[tuple[bool, str], int] = {}
    for position, section in enumerate(sections):
        key = (section.kind == PASSAGE, norm(section.heading))
        n = seen.get(key, 0)
        seen[key] = n + 1
        candidates = by_heading.get(key, [])
        if n < len(candidates):
            out[position] = candidates[n]
    return out


def _children(sections: Sequence[SectionInfo], position: int) -> list[int]:
    """The sub-sections of a section: those after it with a deeper level, up to the next
    section at its level or above."""
    level = sections[position].level
    out = []
    for later in range(position + 1, len(sections)):
        # Passages are listed after every section and decided on their own.
        if sections[later].level <= level or sections[later].kind == PASSAGE:
            break
        out.append(later)
    return out


def _without_kept(secrets: Sequence[Variant], kept: Sequence[Entity]) -> tuple[list[Variant], list[Variant]]:
    texts = {e.text for e in kept} | {o.text for e in kept for o in e.occurrences}
    remaining, removed = [], []
    for secret in secrets:
        pattern = compile_variants([secret])
        if pattern is not None and any(pattern.search(t) for t in texts):
            removed.append(secret)
        else:
            remaining.append(secret)
    return remaining, removed


def _shared_with(removed: Sequence[Variant], entities: Sequence[Entity], keep_ids: set[str]) -> list[str]:
    """Redacted entities whose text one of the removed secrets also matches."""
    pattern = compile_variants(removed)
    if pattern is None:
        return []
    return sorted(
        e.id
        for e in entities
        if e.id not in keep_ids and e.action == "redact" and any(pattern.search(o.text) for o in e.occurrences)
    )


def _free_label(label: str, used: set[str], person_prefix: str) -> str:
    """The next label of the same kind that nobody uses: "Person C" -> "Person D",
    "Social Worker 2" -> "Social Worker 3"."""
    numbered = re.fullmatch(r"(.*\S) (\d+)", label)
    if numbered:
        stem, n = numbered.group(1), int(numbered.group(2))
        while f"{stem} {n}" in used:
            n += 1
        return f"{stem} {n}"
    if re.fullmatch(rf"{re.escape(person_prefix)} [A-Z]+", label):
        n = 0
        while f"{person_prefix} {letter_code(n)}" in used:
            n += 1
        return f"{person_prefix} {letter_code(n)}"
    n = 2
    while f"{label} {n}" in used:
        n += 1
    return f"{label} {n}"


def _same(before: Any, now: str | None) -> bool:
    """Whether a decision is unchanged since the last round. The new CSV shows every kind of
    redaction (a new replacement, an added row) as ``redact``."""
    redactions = ("redact", "replace", "add")
    return before == now or (before in redactions and now in redactions)


def _tally(entries: Sequence[dict[str, Any]]) -> dict[str, int]:
    out = {"auto": 0, "consultant": 0, "undecided": 0}
    for entry in entries:
        out[entry.get("source", "auto")] = out.get(entry.get("source", "auto"), 0) + 1
    return out
