"""Match review rows to the entities of a new run by what they are, never by their id.

Ids are positions ("E012") and change when anything before them changes; the category and
the text do not. In order of trust:

1. the same category and text (spaces and case ignored);
2. for a person, the row's text is one of the forms of the entity's name ("Forshaw" for
   "Leanne Forshaw" once the consultant added her full name);
3. the same text in another category, when only one entity has it (detection may call the
   same words a place in one version and an organisation in the next).

Carried over to a new version (``carry_over``), a ``keep`` decision only follows an entity
none of whose forms has a word the kept text lacks (titles aside): a kept "Jayden" must not
keep the "Jayden Kershaw" the next version names in full, which detection merges into one
entity with the short form. Such an entity is left unmatched, so it is new and needs review.

When several rows meet one entity, the one matched most exactly wins; among those a row of
the draft wins over a residual row (found on the previous output), and a consultant's
decision over "as proposed"; the others are reported as merged.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from anonymiser.records import Entity
from anonymiser.review.decisions import PERSON, RowDecision, norm


@dataclass
class Matches:
    row_for: dict[str, RowDecision] = field(default_factory=dict)  # entity id -> row
    merged: dict[str, list[RowDecision]] = field(default_factory=dict)  # entity id -> other rows
    unmatched: list[RowDecision] = field(default_factory=list)


def _forms(entity: Entity) -> set[str]:
    forms = {norm(entity.text)} | {norm(v) for v in entity.variants}
    forms |= {norm(o.text) for o in entity.occurrences}
    return forms


# Words a form of a name may add to a kept text without naming anyone new ("Ms Marsh" of a
# kept "Kayleigh Marsh").
_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev"})


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _keep_fits(row: RowDecision, entity: Entity) -> bool:
    """Whether a kept row covers every form the entity takes in this version of the draft."""
    allowed = _words(row.text) | _TITLES
    return all(_words(form) <= allowed for form in _forms(entity))


def match_rows(
    rows: Sequence[RowDecision], entities: Sequence[Entity], *, carry_over: bool = False
) -> Matches:
    exact: dict[tuple[str, str], list[Entity]] = {}
    by_text: dict[str, list[Entity]] = {}
    for entity in entities:
        exact.setdefault((entity.category, norm(entity.text)), []).append(entity)
        by_text.setdefault(norm(entity.text), []).append(entity)
    people = [e for e in entities if e.category == PERSON]

    candidates: dict[str, list[tuple[int, int, RowDecision]]] = {}
    matches = Matches()
    for order, row in enumerate(rows):
        key = (row.category, norm(row.text))
        found: tuple[int, Entity] | None = None
        if key in exact:
            # Two entities with one text and category (a redacted and a kept one): the
            # redacted one carries the decision.
            found = (0, sorted(exact[key], key=lambda e: e.action != "redact")[0])
        elif row.category == PERSON:
            hits = [e for e in people if norm(row.text) in _forms(e)]
            if len(hits) == 1:
                found = (1, hits[0])
        if found is None:
            hits = by_text.get(norm(row.text), [])
            if len(hits) == 1:
                found = (2, hits[0])
        if found is not None and carry_over and row.kind == "keep" and not _keep_fits(row, found[1]):
            found = None  # the entity names more than the consultant kept: decide it again
        if found is None:
            matches.unmatched.append(row)
            continue
        rank, entity = found
        candidates.setdefault(entity.id, []).append((rank, order, row))
    for entity_id, found_rows in candidates.items():
        # A residual row describes the previous output, not the draft: any other row wins.
        ordered = sorted(
            found_rows, key=lambda t: (t[0], t[2].status == "residual", not t[2].by_consultant, t[1])
        )
        matches.row_for[entity_id] = ordered[0][2]
        if len(ordered) > 1:
            matches.merged[entity_id] = [t[2] for t in ordered[1:]]
    return matches
