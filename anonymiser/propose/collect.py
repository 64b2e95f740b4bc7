"""Gather a proposed case file from the drafts: people, places and what the policy keeps.

Each draft is read, detected and decided as `redact` would (``pipeline.analyse``); its people
are reported as a batch's first step reports them (``batch.people.people_in``) and given the
labels the batch would give (``assign_labels``), which also says who is the same person in
two drafts. Nothing is written and no output is made: the proposal holds the people and
places found, with where each was first found and how, so the consultant can delete the
false ones.

What is proposed but left out of the live file (written as comments for the consultant to
uncomment) is only what detection finds again without a case file: a case file adds to
detection, never takes from it, so leaving a doubtful entry out loses nothing, and listing
a false one would redact a place or a word everywhere as a person ("Harrowfold", a model's
guess; "C. White British", an NI number's check letter before an ethnicity).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from anonymiser.api import expand_inputs
from anonymiser.batch.people import PersonSummary, assign_labels, people_in, role_of_label
from anonymiser.decide.decide import Decisions
from anonymiser.decide.people import children_named, clean_person_text, fold, role_before
from anonymiser.detect.engine import Detector
from anonymiser.detect.model import MODEL_RECOGNISER_PREFIX
from anonymiser.detect.names import is_common_word, name_tokens
from anonymiser.errors import ConfigError
from anonymiser.pipeline import analyse
from anonymiser.read import read_document
from anonymiser.read.limits import InputLimits
from anonymiser.records import Entity, TextUnit
from anonymiser.settings import Settings

# The case file's keys for places (settings.load_case_file): their categories, and the
# other place categories, which go under `redact:` with their category so that they read
# as they do without a case file ("(hospital)", not "(place)").
PLACE_KEYS = {"ADDRESS": "addresses", "SCHOOL": "schools", "LOCATION": "places"}
OTHER_PLACES = ("NURSERY", "HOSPITAL", "GP_PRACTICE", "PRISON")
# Pieces of an address written after its street ("14 Ashcombe Row, Harrowfold WM4 7QT"):
# joined into one address as the draft wrote it, as the sample case file lists them.
_ADDRESS_TAIL = ("LOCATION", "POSTCODE")
_ADDRESS_GAP = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*")

# How each recogniser found something, in the words the consultant reads in the comments.
_HOW = {
    MODEL_RECOGNISER_PREFIX: "model guess",
    "given_name": "name list",
    "titled_name": "titled name",
    "case_file": "case file",
    "short_form_of_name": "short form of a name",
    "fuzzy_name_variant": "possible misspelling",
    "document_consistency": "same name elsewhere in the draft",
    "family_initial": "initial",
    "initial_as_name": "initial",
    "name_after_family_word": "after a family word",
    "bracketed_name": "name in brackets",
    "batch_name": "named in another draft",
}


def how_found(recogniser: str) -> str:
    """A recogniser's name as the comments give it ("spacy_model:PERSON" -> "model guess")."""
    return _HOW.get(recogniser.split(":", 1)[0], recogniser.replace("_", " "))


def _model_only(recognisers: Sequence[str]) -> bool:
    return bool(recognisers) and all(r.startswith(MODEL_RECOGNISER_PREFIX) for r in recognisers)


@dataclass(frozen=True)
class Sighting:
    """Where something was first found: the draft (as the batch names it) and the place in it."""

    document: str
    where: str

    def describe(self) -> str:
        return f"{self.document}, {self.where}"


@dataclass
class ProposedPerson:
    name: str
    aliases: list[str]
    pseudonym: str | None  # None for one proposed apart from the person the batch joins them to
    first: Sighting
    found_by: list[str]  # plain words ("name list", "model guess"), sorted
    drafts: int  # how many drafts name them
    group: str | None = None
    role: str | None = None
    doubts: list[str] = field(default_factory=list)  # the review log's reasons for review
    # Left out of the live file (written as a comment): a guess too weak to list, see the module.
    left_out: str | None = None
    order: tuple[int, int, int] = (0, 0, 0)  # (draft, unit, start) of the first sighting


@dataclass
class ProposedTerm:
    text: str
    category: str
    key: str  # the case file's key: addresses, schools, places or redact
    first: Sighting
    found_by: list[str]
    doubts: list[str] = field(default_factory=list)
    left_out: str | None = None
    order: tuple[int, int, int] = (0, 0, 0)


@dataclass(frozen=True)
class ProposedKeep:
    text: str
    note: str


@dataclass
class CaseProposal:
    drafts: list[str]
    policy: str
    people: list[ProposedPerson]
    terms: list[ProposedTerm]
    keep: list[ProposedKeep]


@dataclass
class _Draft:
    """What one draft's analysis leaves for the proposal (the model runs once per draft)."""

    document: str
    units: Sequence[TextUnit]
    decisions: Decisions
    people: list[PersonSummary]
    children: frozenset[str]


def find_drafts(paths: Sequence[Path]) -> list[tuple[str, Path]]:
    """The drafts named by ``paths`` in batch order: a folder's drafts (sub-folders included,
    as `batch` reads them) named by their path inside it, a file by its name; sorted by that
    name, so the labels are those `batch FOLDER` would give. Raises ConfigError if none."""
    found: list[tuple[str, Path]] = []
    for path in paths:
        if path.is_dir():
            found += [(p.relative_to(path).as_posix(), p) for p in expand_inputs([path], recursive=True)]
        else:
            found.append((path.name, path))
    if not found:
        raise ConfigError("no .docx, .txt or .md drafts found in the paths given")
    names = [name for name, _ in found]
    if len(set(names)) != len(names):
        # Two drafts of one name (from two folders): named by their paths as given instead.
        found = [(p.as_posix(), p) for _, p in found]
    return sorted(found)


def propose_case(
    paths: Sequence[Path],
    settings: Settings,
    detector: Detector,
    limits: InputLimits | None = None,
    on_draft: Callable[[str], None] | None = None,
) -> CaseProposal:
    """Detect and decide every draft and propose the case file's entries. ``settings`` may
    hold an existing case file: what it lists is not proposed again. Raises the read stage's
    InputError for a draft that cannot be read (a proposal from some of the drafts would
    look complete and not be)."""
    drafts = []
    for document, path in find_drafts(paths):
        doc = read_document(path, limits or InputLimits())
        decisions, _plan = analyse(doc, settings, detector)
        people = people_in(decisions, settings)
        texts = [u.text for u in doc.units]
        drafts.append(
            _Draft(document, doc.units, decisions, people, children_named(texts, [p.text for p in people], settings.people))
        )
        if on_draft is not None:
            on_draft(document)
    keep = _keep(drafts, settings)
    return CaseProposal(
        drafts=[d.document for d in drafts],
        policy=settings.policy.name,
        people=_people(drafts, settings),
        terms=_terms(drafts, settings, {fold(k.text) for k in keep if " " not in k.text}),
        keep=keep,
    )


# ------------------------------------------------------------------------------ people


def _people(drafts: Sequence[_Draft], settings: Settings) -> list[ProposedPerson]:
    in_use = frozenset(label for d in drafts for label in d.decisions.labels_in_use)
    labels = assign_labels([d.people for d in drafts], settings, in_use)
    shared = {
        settings.replacements.shared_name,
        settings.replacements.shared_given_name,
        settings.replacements.descriptor("PERSON"),
    }
    members: dict[str, list[tuple[int, PersonSummary]]] = {}
    listed: set[str] = set()
    titles = {t.rstrip(".").lower() for t in settings.people.titles}
    for index, (draft, doc_labels) in enumerate(zip(drafts, labels)):
        for person in draft.people:
            # A name several people share, alone ("Marsh" read "(family name)"): no one's.
            if person.pseudonym in shared:
                continue
            label = doc_labels[person.text]
            if person.case:
                listed.add(label)  # the case file lists them (the batch gives their pseudonym)
            elif _lone_titled(_entity(draft, person), titles):
                # "Ms Marsh", which the draft could not give to one person: the batch joins
                # a lone word to the earliest bearer of the name (the child Kian Marsh),
                # which an alias in the case file must not make certain. Proposed apart.
                label = f"{_APART}{fold(person.text)}"
            members.setdefault(label, []).append((index, person))
    out = []
    for label, group in members.items():
        group.sort(key=lambda pair: (pair[0], pair[1].first, pair[1].text))
        if label not in listed:
            out.append(_person(None if label.startswith(_APART) else label, group, drafts, settings))
    rank = {"family": 0, "professional": 1}
    return sorted(out, key=lambda p: (rank.get(p.group or "", 2), p.order, p.name))


# The key of a lone titled surname proposed apart from the person the batch joins it to.
_APART = "apart:"


def _lone_titled(entity: Entity, titles: set[str]) -> bool:
    """Whether ``entity`` is a lone surname the draft wrote only after a title ("Ms Marsh")
    and could not be sure whose it is (the review log's doubt)."""
    if len(name_tokens(entity.text)) != 1 or entity.status != "needs_review":
        return False
    forms = [name_tokens(o.text) for o in entity.occurrences]
    return all(len(f) > 1 and f[0].rstrip(".").lower() in titles for f in forms)


def _person(
    label: str | None, group: list[tuple[int, PersonSummary]], drafts: Sequence[_Draft], settings: Settings
) -> ProposedPerson:
    entities = [(index, _entity(drafts[index], p)) for index, p in group]

    def fullness(pair: tuple[int, PersonSummary]) -> tuple[int, int, int, tuple[int, int]]:
        tokens = name_tokens(pair[1].text)
        capitals = sum(1 for t in tokens if len(t) > 1 and t.isupper())  # "Kayleigh MARSH"
        return (-len(tokens), capitals, pair[0], pair[1].first)

    name = min(group, key=fullness)[1].text
    forms: dict[str, str] = {}
    role = None
    groups: list[str] = []
    child = False
    recognisers: set[str] = set()
    doubts: list[str] = []
    for index, entity in entities:
        draft = drafts[index]
        recognisers.update(entity.recognisers)
        if entity.group:
            groups.append(entity.group)
        child = child or fold(entity.text) in draft.children
        if entity.status == "needs_review" and entity.reason and entity.reason not in doubts:
            doubts.append(entity.reason)
        for occurrence in sorted(entity.occurrences, key=lambda o: (o.unit, o.start)):
            form = clean_person_text(occurrence.text)
            if occurrence.text.rstrip().endswith(".") and "." in form:
                form += "."  # initials keep their last dot ("K.M.")
            forms.setdefault(" ".join(form.split()).casefold(), " ".join(form.split()))
            if role is None:
                role = _role_written(draft.units[occurrence.unit].text, occurrence.start, settings)
    titles = {t.rstrip(".").lower() for t in settings.people.titles}
    aliases = [
        form
        for key, form in forms.items()
        # A lone letter ("K") stays with the detection that found it: listed, it would be
        # every capital K of the drafts. So does a title alone (the "Mr" of "Mr. and Mrs.
        # O'Donoghue-Price"): listed, it would be every "Mr".
        if key != fold(name) and sum(ch.isalpha() for ch in form) >= 2 and key.rstrip(".") not in titles
    ]
    if role is None and label is not None:
        labelled = role_of_label(label, set(settings.replacements.role_labels.values()))
        role = labelled.lower() if labelled else None
    if role is None and child and settings.people.children:
        # A full name the draft marks as a child's ("Ayaan Warsame (aged 3)"): listed, the
        # role is what tells the decide stage so ("Ms Warsame" is then not the child).
        role = settings.people.children[0]
    group_name = groups[0] if groups else ("family" if child else None)
    index, first = group[0]
    unit = drafts[index].units[first.first[0]]
    return ProposedPerson(
        name=name,
        aliases=aliases,
        pseudonym=label,
        first=Sighting(drafts[index].document, unit.location.describe()),
        found_by=sorted({how_found(r) for r in recognisers}),
        drafts=len({i for i, _ in group}),
        group=group_name,
        role=role,
        doubts=doubts,
        left_out=_person_left_out(name, aliases, sorted(recognisers), doubts, settings),
        order=(index, *first.first),
    )


def _role_written(text: str, start: int, settings: Settings) -> str | None:
    """The role word just before a name as the draft wrote it ("GP", "social worker")."""
    role, _ = role_before(text, start, settings.people)
    if role is None:
        return None
    window = text[max(0, start - 40) : start]
    at = window.lower().rfind(role)
    return window[at : at + len(role)] if at >= 0 else role


def _entity(draft: _Draft, person: PersonSummary) -> Entity:
    """The entity ``person`` reports: by name and label, as two may share a name ("Marsh",
    the family name of several and a titled surname)."""
    return next(
        e
        for e in draft.decisions.entities
        if e.category == "PERSON" and e.action == "redact" and e.text == person.text and e.replacement == person.label
    )


def _person_left_out(
    name: str, aliases: Sequence[str], recognisers: Sequence[str], doubts: Sequence[str], settings: Settings
) -> str | None:
    """Why a person is proposed only as a comment, or None to list them."""
    tokens = name_tokens(name)
    if any(len(t.strip(".")) < 2 for t in tokens):
        return "a name with an initial in it: may be a code or a heading read as a name"
    if len(tokens) > 1:
        return None
    if _model_only(recognisers):
        return "one word that only the language model took for a name: may be a place or a word"
    titles = {t.rstrip(".").lower() for t in settings.people.titles}
    written = [name_tokens(a) for a in aliases]
    if written and all(len(w) > 1 and w[0].rstrip(".").lower() in titles for w in written):
        return "a surname seen only after a title: may belong to someone listed (add it to their aliases)"
    if doubts:
        return "one word the tool was not sure of: " + "; ".join(doubts)
    return None


# ------------------------------------------------------------------------------ places


def _terms(drafts: Sequence[_Draft], settings: Settings, area: set[str]) -> list[ProposedTerm]:
    """The places the drafts redact, one entry per form (case aside), in order of first
    appearance; not those the case file lists or keeps, nor the words of ``area``."""
    listed = {fold(t.text) for t in settings.case.terms} | {fold(k) for k in settings.case.keep}
    listed |= {fold(t.replace(",", " ")) for t in listed}
    found: dict[str, ProposedTerm] = {}
    for index, draft in enumerate(drafts):
        places = [
            e
            for e in draft.decisions.entities
            if e.action == "redact" and (e.category in PLACE_KEYS or e.category in OTHER_PLACES)
        ]
        tails = [e for e in draft.decisions.entities if e.action == "redact" and e.category in _ADDRESS_TAIL]
        for entity in places:
            # A word the drafts also give as the Board's area (proposed for `keep:`) is not
            # listed as a place: listed, it would be redacted inside every agency's name.
            if fold(entity.text) in area or "case_file" in entity.recognisers:
                continue
            for occurrence in sorted(entity.occurrences, key=lambda o: (o.unit, o.start)):
                text = occurrence.text
                if entity.category == "ADDRESS":
                    unit_text = draft.units[occurrence.unit].text
                    text = _joined_address(unit_text, occurrence.start, occurrence.end, occurrence.unit, tails)
                # "14 Ashcombe Row, Harrowfold, WM4 7QT" is the address "14 Ashcombe Row,
                # Harrowfold WM4 7QT" already proposed: listed once, in the form first seen
                # (the other is still found piece by piece, as without a case file).
                key = fold(text.replace(",", " "))
                if key in listed or key in area:
                    continue
                term = found.get(key)
                if term is None:
                    found[key] = ProposedTerm(
                        text=" ".join(text.split()),
                        category=entity.category,
                        key=PLACE_KEYS.get(entity.category, "redact"),
                        first=Sighting(draft.document, draft.units[occurrence.unit].location.describe()),
                        found_by=sorted({how_found(r) for r in entity.recognisers}),
                        doubts=[entity.reason] if entity.status == "needs_review" and entity.reason else [],
                        left_out=_term_left_out(entity),
                        order=(index, occurrence.unit, occurrence.start),
                    )
                elif term.left_out and not _term_left_out(entity):
                    term.left_out = None  # a draft found it surely: listed
    return sorted(found.values(), key=lambda t: (t.order, t.text))


def _joined_address(text: str, start: int, end: int, unit: int, tails: Sequence[Entity]) -> str:
    """The address from ``start`` with the town and postcode written right after it."""
    pieces = sorted((o.start, o.end) for e in tails for o in e.occurrences if o.unit == unit and o.start >= end)
    for piece_start, piece_end in pieces:
        if piece_start < end:
            continue  # inside what is joined already
        if piece_start == end or _ADDRESS_GAP.fullmatch(text, end, piece_start) is None:
            break
        end = piece_end
    return text[start:end]


def _term_left_out(entity: Entity) -> str | None:
    if _model_only(entity.recognisers) and entity.status == "needs_review":
        return "only the language model took this for a place, and was not sure"
    return None


# -------------------------------------------------------------------------------- keep


def _keep(drafts: Sequence[_Draft], settings: Settings) -> list[ProposedKeep]:
    """What the drafts name that the policy keeps, for the consultant to confirm: the area
    (a word that opens two or more of the agency names kept, "Westmere" of "Westmere
    Constabulary" and "Westmere County Council") and the agencies themselves."""
    agencies: dict[str, str] = {}
    for draft in drafts:
        for entity in draft.decisions.kept:
            if entity.category != "AGENCY":
                continue
            text = " ".join(entity.text.split())
            key = fold(text)
            # The draft's own capitals, not a heading's ("WESTMERE CONSTABULARY").
            if key not in agencies or (agencies[key].isupper() and not text.isupper()):
                agencies[key] = text
    heads: dict[str, set[str]] = {}
    for key, text in agencies.items():
        words = name_tokens(text)
        if len(words) > 1 and words[0][:1].isupper() and not is_common_word(words[0]):
            heads.setdefault(fold(words[0]), set()).add(key)
    out = []
    listed = {fold(k) for k in settings.case.keep}
    for head in sorted(heads, key=lambda h: (-len(heads[h]), h)):
        if len(heads[head]) < 2 or head in listed:
            continue
        written = [name_tokens(agencies[k])[0] for k in sorted(heads[head]) if not agencies[k].isupper()]
        word = agencies.get(head) or (written[0] if written else head.title())
        out.append(ProposedKeep(word, f"the area? it opens {len(heads[head])} agency names the drafts give"))
    area = {fold(k.text) for k in out}
    for key in sorted(agencies):
        if key in area or key in listed:
            continue
        out.append(ProposedKeep(agencies[key], f"an agency, which the {settings.policy.name} policy keeps"))
    return out
