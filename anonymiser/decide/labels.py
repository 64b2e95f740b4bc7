"""Each person's label: the case file's pseudonym, else a role label ("Social Worker 1"),
else "Person A", "Person B" in the order people first appear; never a label the draft uses."""

from __future__ import annotations

from anonymiser.decide.people import Person, letter_code, role_after, role_before, role_label_for
from anonymiser.decide.spans import Candidate
from anonymiser.records import TextUnit
from anonymiser.settings import Settings


def person_labels(
    people: list[Person],
    grouped: dict[str, list[Candidate]],
    by_uid: dict[int, TextUnit],
    settings: Settings,
    in_use: frozenset[str],
) -> dict[str, str]:
    """Case-file pseudonyms; else a role label ("Social Worker 1"); else "Person A", "Person B";
    never a label in ``in_use`` (the draft's own, see ``labels_in_use``)."""
    labels: dict[str, str] = {}
    # Every pseudonym the case file gives, also of people this draft does not name: "PC Hill"
    # read "Police Officer 1", the case file's PC Reeve, in a draft that never names him
    # (and in a batch, the two were one label).
    listed = {p.pseudonym for p in settings.case.people if p.pseudonym}
    used = {p.case.pseudonym for p in people if p.case and p.case.pseudonym} | listed | set(in_use)
    counters: dict[str, int] = {}
    letters = 0
    ordered = sorted(
        (p for p in people if p.key in grouped),
        key=lambda p: (grouped[p.key][0].unit, grouped[p.key][0].start),
    )
    for person in ordered:
        if person.case and person.case.pseudonym:
            labels[person.key] = person.case.pseudonym
            continue
        role_label = None
        for cand in grouped[person.key]:
            text = by_uid[cand.unit].text
            role, group = role_before(text, cand.start, settings.people)
            role_label = role_label_for(role, text[cand.start : cand.end], settings.replacements)
            if group and person.group is None:
                person.group = group
            if role_label:
                person.group = person.group or "professional"
                break
        if role_label is None and person.group != "family":
            # "Helen Carver, the Early Help Team's manager, agreed": the role in apposition
            # after a name, when none comes before any of the person's mentions.
            for cand in grouped[person.key]:
                role = role_after(by_uid[cand.unit].text, cand.end, settings.people)
                role_label = role_label_for(role, None, settings.replacements)
                if role_label:
                    person.group = person.group or "professional"
                    break
        if role_label is None and person.case and person.case.role:
            role_label = role_label_for(person.case.role, None, settings.replacements)
        if role_label:
            while True:
                counters[role_label] = counters.get(role_label, 0) + 1
                label = f"{role_label} {counters[role_label]}"
                if label not in used:
                    break
        else:
            while True:
                label = f"{settings.replacements.person_prefix} {letter_code(letters)}"
                letters += 1
                if label not in used:
                    break
        used.add(label)
        labels[person.key] = label
    return labels
