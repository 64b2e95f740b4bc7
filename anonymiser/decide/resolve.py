"""The candidates made into the spans to redact: overlaps resolved (the union is redacted),
durations and names split at "and"/"of" joined, and a family's surname given to the family."""

from __future__ import annotations

from anonymiser.decide.context import Draft
from anonymiser.decide.family_words import family_references, plural_family_names
from anonymiser.decide.found import Found
from anonymiser.decide.name_search import couple_titles
from anonymiser.decide.people import Person, PersonBook, fold
from anonymiser.decide.recognisers import FUZZY, PROPAGATED, TOWN_AFTER_GOING
from anonymiser.decide.spans import (
    Candidate,
    join_durations,
    join_names,
    resolve_overlaps,
)


def _other_of_couple(found: Found, book: PersonBook, title: str, surname: str, where: tuple[int, int]) -> str:
    """The key of the person a couple's first title stands for ("Mr" of "Mr and Mrs Okonkwo"),
    whom the draft names nowhere else: a person of their own (one for each title and surname),
    so that the couple reads "Person A and Person B", not "Mr and Person B" nor the one label
    twice. Sent for review: the title is all the draft gives of them."""
    name = f"{title} {surname}"
    for person in found.people:
        if person.name == name and person.key in found.couple_keys:
            return person.key
    person = Person(key=f"person:{len(book.people) + 1}", name=name, first_seen=where, adult=True)
    person.honorifics.add(fold(title))
    book.people.append(person)
    found.people.append(person)
    found.couple_keys.add(person.key)
    found.scores[person.key] = 0.5
    found.review_reasons.setdefault(person.key, set()).add(
        f'the first title of a couple ("{title} and ... {surname}"): another person of the surname'
    )
    return person.key


def resolve_candidates(found: Found, draft: Draft, book: PersonBook) -> list[Candidate]:
    """The spans to redact, each with the key of what it names. ``found.people`` gains the
    families named by their surname (``family_references``)."""
    policy, texts, by_uid = draft.policy, draft.texts, draft.by_uid
    candidates = found.candidates
    if found.adult_spans:
        # The child's name found everywhere must not take back the words found to be an
        # adult's ("Abdi senior").
        candidates = [
            c
            for c in candidates
            if c.recogniser not in (PROPAGATED, FUZZY)
            or found.adult_spans.get((c.unit, c.start, c.end), c.key) == c.key
        ]
    # A town found after a word of going there ("had gone to Kendal") is the town, though a
    # person of that name is found everywhere (the girl called Kendal who went).
    towns = {(c.unit, c.start, c.end) for c in candidates if c.recogniser == TOWN_AFTER_GOING}
    if towns:
        candidates = [
            c
            for c in candidates
            if not (c.category == "PERSON" and c.recogniser in (PROPAGATED, FUZZY) and (c.unit, c.start, c.end) in towns)
        ]
    candidates.extend(
        couple_titles(
            candidates,
            by_uid,
            draft.titles,
            every=policy.couple_titles == "mask",
            other_of_couple=lambda title, surname, where: _other_of_couple(found, book, title, surname, where),
        )
    )
    resolved = join_names(
        join_durations(resolve_overlaps(candidates), texts, policy.join_durations), texts, policy.join_names
    )
    resolved = family_references(
        resolved,
        found.people,
        by_uid,
        book,
        draft.settings.replacements.shared_name,
        draft.words.family_after,
        (draft.words.town_word_before, draft.words.residence_before),
    )
    return plural_family_names(
        resolved,
        found.people,
        by_uid,
        book,
        draft.settings.replacements.shared_name,
        draft.settings.given_names.is_listed_surname,
        draft.glossary_words,
    )
