"""One label per person across a whole batch.

Each document is decided on its own (``decide`` labels its people "Child F", "Social Worker 1",
"Person A" in order of appearance). A batch then needs the same person to carry the same
label in every document, whichever worker decided it and in whatever order documents
finished. So each document reports its people (``people_in``), and ``assign_labels`` joins
them in a fixed order (the documents sorted by path, then first appearance) with the rules
the document-level stage uses:

- a case-file person is the same person everywhere and keeps their pseudonym;
- full names join when they are the same name, or share first and last names
  ("Kayleigh Marsh" / "Kayleigh Anne Marsh");
- a lone word ("Hill") joins the earliest person whose first or last name it is;
- labels: the pseudonym; else a role label numbered in order of first appearance
  ("Social Worker 2"); else "Person A", "Person B"... Every case-file pseudonym is reserved
  for its person, in every document, even where that person does not appear.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from anonymiser.decide.decide import Decisions
from anonymiser.decide.people import KnownName
from anonymiser.detect.names import is_common_word, name_tokens
from anonymiser.settings import Settings
from anonymiser.decide.people import letter_code


@dataclass(frozen=True)
class PersonSummary:
    """A person as one document's decide stage saw them: enough to join documents."""

    text: str  # the name the review log shows (the case-file name, or the fullest form)
    label: str  # the label the document alone gave
    first: tuple[int, int]  # (unit, start) of the first occurrence in that document
    case: bool = False  # listed in the case file
    pseudonym: str | None = None  # the case file's pseudonym, if any
    role: str | None = None  # the role label the document gave, unnumbered ("Social Worker")

    def as_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "label": self.label,
            "first": list(self.first),
            "case": self.case,
            "pseudonym": self.pseudonym,
            "role": self.role,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> PersonSummary:
        first = data["first"]
        return cls(
            text=str(data["text"]),
            label=str(data["label"]),
            first=(int(first[0]), int(first[1])),
            case=bool(data.get("case", False)),
            pseudonym=data.get("pseudonym"),
            role=data.get("role"),
        )


@dataclass(frozen=True)
class BatchName:
    """A person one draft of the batch names in full, as the other drafts are told of them:
    found there by the same forms (``decide``'s ``known``), with the batch's label."""

    name: str
    document: str  # the first draft, in batch order, that gives this name
    label: str

    def known(self) -> KnownName:
        return KnownName(self.name, self.document)

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "document": self.document, "label": self.label}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BatchName:
        return cls(name=str(data["name"]), document=str(data["document"]), label=str(data["label"]))


def batch_names(
    documents: Sequence[str], people: Sequence[Sequence[PersonSummary]], labels: Sequence[Mapping[str, str]]
) -> list[BatchName]:
    """Everyone a draft names in full (two words or more) who is not in the case file: one
    entry per batch label, under their fullest name (the earliest in batch order of the
    fullest), with the first draft that gives it. ``documents``, ``people`` and ``labels``
    are in batch order (``assign_labels``'s), so the result does not depend on the order in
    which the drafts were analysed."""
    best: dict[str, tuple[int, int, str, str]] = {}  # label -> (-words, order, name, document)
    order = 0
    for document, doc_people, doc_labels in zip(documents, people, labels):
        for person in doc_people:
            order += 1
            tokens = name_tokens(person.text)
            words = len(tokens)
            # A name with an initial ("C. White", "D Marsh") is too weak a sign for the
            # other drafts: its other words alone are what they would be searched for.
            if person.case or words < 2 or person.text not in doc_labels or any(len(t.strip(".")) < 2 for t in tokens):
                continue
            label = doc_labels[person.text]
            entry = (-words, order, person.text, document)
            if label not in best or entry < best[label]:
                best[label] = entry
    return sorted(
        (BatchName(name, document, label) for label, (_, _, name, document) in best.items()),
        key=lambda b: (b.label, b.name),
    )


def searched_in_other_drafts(name: str, settings: Settings) -> bool:
    """Whether the other drafts' outputs are searched for this person's name (worker.Relabel):
    not a lone ordinary word that no name list holds as a first name or surname. One draft's
    model read the heading "Schools and Early Years" as a person "Schools", and every other
    draft with that heading failed, telling the consultant to add "Schools" to the case file.
    A lone name of the lists ("Hope", "Brown") or a rare word ("Treharne") is still searched."""
    words = name.split()
    if len(words) != 1:
        return True
    given = settings.given_names
    return not is_common_word(name) or given.is_first_name(name) or given.is_listed_surname(name)


def people_in(decisions: Decisions, settings: Settings) -> list[PersonSummary]:
    """The people a document's decisions redact, in order of first appearance."""
    case_people = {p.name: p for p in settings.case.people}
    roles = set(settings.replacements.role_labels.values())
    out = []
    for entity in decisions.entities:
        if entity.category != "PERSON" or entity.action != "redact" or not entity.occurrences:
            continue
        listed = case_people.get(entity.text)
        pseudonym = listed.pseudonym if listed is not None else None
        # A name several listed people share, alone ("Marsh"): labelled as the case file
        # makes it, never joined to one of them by its surname.
        # (Shared initials read as the PERSON descriptor, "(name)".)
        shared = listed is None and entity.replacement in (
            settings.replacements.shared_name,
            settings.replacements.shared_given_name,
            settings.replacements.descriptor("PERSON"),
        )
        if shared:
            pseudonym = entity.replacement
        out.append(
            PersonSummary(
                text=entity.text,
                label=entity.replacement,
                first=min((o.unit, o.start) for o in entity.occurrences),
                case=listed is not None or shared,
                pseudonym=pseudonym,
                role=None if pseudonym else role_of_label(entity.replacement, roles),
            )
        )
    return sorted(out, key=lambda p: (p.first, p.text))


def role_of_label(label: str, roles: set[str]) -> str | None:
    """"Social Worker 2" -> "Social Worker" when that is a role label; else None."""
    match = re.fullmatch(r"(.+) (\d+)", label)
    if match and match.group(1) in roles:
        return match.group(1)
    return None


@dataclass
class _Global:
    """A person across the batch while labels are being assigned."""

    tokens: list[str]
    first: tuple[int, int, int]  # (document index, unit, start)
    pseudonym: str | None = None
    role: str | None = None


def assign_labels(
    documents: Sequence[Sequence[PersonSummary]], settings: Settings, in_use: frozenset[str] = frozenset()
) -> list[dict[str, str]]:
    """Labels for every document's people: ``result[i][person.text]`` for ``documents[i]``;
    never one of ``in_use``, the labels the drafts already use for someone.

    ``documents`` must be in batch order (sorted by path); the result does not depend on the
    order in which documents were analysed.
    """
    seen = sorted(
        ((index, person) for index, people in enumerate(documents) for person in people),
        key=lambda pair: (pair[0], pair[1].first, pair[1].text),
    )
    people: dict[str, _Global] = {}
    owner: dict[tuple[int, str], str] = {}  # (document index, person text) -> global key

    def join(key: str, index: int, person: PersonSummary) -> None:
        where = (index, *person.first)
        found = people.get(key)
        if found is None:
            found = people[key] = _Global(tokens=name_tokens(person.text), first=where)
        found.first = min(found.first, where)
        if person.pseudonym and not found.pseudonym:
            found.pseudonym = person.pseudonym
        if person.role and not found.role:
            found.role = person.role  # the earliest document that knew the role names it
        owner[(index, person.text)] = key

    # Case-file people first, then full names, then lone words: a lone "Hill" can only join
    # "Jane Hill" once every full name is known, wherever in the batch it first appears.
    for index, person in seen:
        if person.case:
            join(f"case:{person.text.lower()}", index, person)
    for index, person in seen:
        tokens = [t.lower() for t in name_tokens(person.text)]
        if person.case or len(tokens) < 2:
            continue
        key = f"name:{' '.join(tokens)}"
        if key not in people:
            same = [
                k
                for k, g in people.items()
                if not k.startswith("case:")
                and len(g.tokens) >= 2
                and (g.tokens[0].lower(), g.tokens[-1].lower()) == (tokens[0], tokens[-1])
            ]
            key = min(same, key=lambda k: people[k].first) if same else key
        join(key, index, person)
    for index, person in seen:
        tokens = [t.lower() for t in name_tokens(person.text)]
        if person.case or len(tokens) != 1:
            continue
        # Not someone this draft names in full itself: its own deciding kept the lone word
        # apart from them ("Ms Marsh", the mother, beside the child Kian Marsh).
        mine = {k for (i, text), k in owner.items() if i == index and len(name_tokens(text)) >= 2}
        owners = [
            k
            for k, g in people.items()
            if len(g.tokens) >= 2 and tokens[0] in (g.tokens[0].lower(), g.tokens[-1].lower()) and k not in mine
        ]
        join(min(owners, key=lambda k: people[k].first) if owners else f"word:{tokens[0]}", index, person)

    labels = _labels(people, settings, in_use)
    out: list[dict[str, str]] = [{} for _ in documents]
    for (index, text), key in owner.items():
        out[index][text] = labels[key]
    return out


def _labels(people: Mapping[str, _Global], settings: Settings, in_use: frozenset[str]) -> dict[str, str]:
    used = {p.pseudonym for p in settings.case.people if p.pseudonym} | set(in_use)
    counters: dict[str, int] = {}
    letters = 0
    labels: dict[str, str] = {}
    for key in sorted(people, key=lambda k: (people[k].first, k)):
        person = people[key]
        if person.pseudonym:
            labels[key] = person.pseudonym
            continue
        while True:
            if person.role:
                counters[person.role] = counters.get(person.role, 0) + 1
                label = f"{person.role} {counters[person.role]}"
            else:
                label = f"{settings.replacements.person_prefix} {letter_code(letters)}"
                letters += 1
            if label not in used:
                break
        used.add(label)
        labels[key] = label
    return labels
