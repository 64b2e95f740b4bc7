"""The entities of the review log and the edits the writer applies: one entity per person or
string, with its replacement, its confidence, and whether it goes for review and why."""

from __future__ import annotations

from collections.abc import Sequence

from anonymiser.decide.context import Draft
from anonymiser.decide.dates import month_and_year, month_and_year_range
from anonymiser.decide.found import Found
from anonymiser.decide.labels import person_labels
from anonymiser.decide.spans import Candidate
from anonymiser.records import Edit, Entity, Occurrence


def entities_and_edits(
    found: Found, draft: Draft, resolved: Sequence[Candidate], in_use: frozenset[str]
) -> tuple[list[Entity], list[Edit]]:
    """The entities (numbered in order of first appearance) and an edit for every span in
    ``resolved``. ``in_use``: labels the draft itself uses, given to nobody."""
    settings, policy, by_uid = draft.settings, draft.policy, draft.by_uid
    people, scores, recognisers = found.people, found.scores, found.recognisers
    plain_strings, case_replacements = found.plain_strings, found.case_replacements
    # A propagated match of a person's title-extended span may swallow the title; that is
    # intended ("Ms Marsh" -> "Mother").
    grouped: dict[str, list[Candidate]] = {}
    for cand in resolved:
        grouped.setdefault(cand.key, []).append(cand)

    labels = person_labels(people, grouped, by_uid, settings, in_use)
    entities: list[Entity] = []
    order = sorted(grouped, key=lambda k: (grouped[k][0].unit, grouped[k][0].start, k))
    for index, key in enumerate(order, start=1):
        cands = grouped[key]
        category = cands[0].category
        person = next((p for p in people if p.key == key), None)
        if person is not None:
            category = "PERSON"
            text = person.case.name if person.case else person.name
            replacement = labels[key]
            variants = tuple(sorted(person.forms))
        else:
            text, category = plain_strings.get(key, (by_uid[cands[0].unit].text[cands[0].start : cands[0].end], category))
            replacement = case_replacements.get(key) or settings.replacements.descriptor(category)
            if category == "DATE" and policy.date_style == "month_year" and key not in case_replacements:
                general = month_and_year(text)
                if general:
                    replacement = settings.replacements.month_year.format(general)
                else:
                    replacement = month_and_year_range(text, settings.replacements.month_year) or replacement
            variants = ()
        rule = policy.rule(category)
        confidence = scores.get(key, max(c.score for c in cands))
        status = "auto"
        reasons = []
        if rule.action == "review":
            reasons.append(f"the {policy.name} policy sends {category} for review")
        elif confidence < rule.auto_at:
            reasons.append(f"confidence {confidence:.2f} is below {rule.auto_at:.2f}")
        if key in found.fuzzy_keys:
            reasons.append("includes a possible misspelling of the name")
        reasons.extend(sorted(found.review_reasons.get(key, ())))
        if reasons:
            status = "needs_review"
        if key in found.notes:
            reasons.append(found.notes[key])  # where the name came from; no doubt of itself
        entities.append(
            Entity(
                id=f"E{index:03d}",
                category=category,
                text=text,
                replacement=replacement,
                action="redact",
                confidence=round(confidence, 4),
                recognisers=tuple(sorted(recognisers.get(key, {c.recogniser for c in cands}))),
                status=status,
                occurrences=[
                    Occurrence(c.unit, c.start, c.end, by_uid[c.unit].text[c.start : c.end]) for c in cands
                ],
                variants=variants,
                group=person.group if person else None,
                reason="; ".join(reasons),
            )
        )
    replacement_by_key = {k: e.replacement for k, e in zip(order, entities)}
    edits = [Edit(c.unit, c.start, c.end, replacement_by_key[c.key]) for c in resolved]
    return entities, edits
