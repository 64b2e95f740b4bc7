"""The strings a person is searched for by: every variant of their name, and the document's
capitalised words one edit away from a part of it (a possible misspelling)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from anonymiser.decide.keep import TermMatcher
from anonymiser.decide.people import Person, fold, one_edit_away
from anonymiser.detect.names import Variant, is_common_word, name_variants
from anonymiser.records import TextUnit


def person_variants(
    person: Person, excluded: set[str], titles: Sequence[str], not_initials: Sequence[str] = ()
) -> list[Variant]:
    aliases = person.case.aliases if person.case else ()
    variants = name_variants(
        person.name, aliases, titles=titles, initial=person.case is not None, not_initials=not_initials
    )
    for form in sorted(person.forms):
        variants.extend(name_variants(form, (), titles=titles))
    out = []
    for variant in variants:
        lone = " " not in variant.text.strip()
        if lone and variant.text.lower().strip(".") in excluded:
            continue  # "Early" of "Grace Early" would break "Early Help"
        out.append(variant)
    return sorted(set(out), key=lambda v: (-len(v.text), v.text, v.case_sensitive))


def misspelling_candidates(units: Sequence[TextUnit], glossary: TermMatcher, excluded: set[str]) -> list[str]:
    """The document's capitalised words that could be a misspelt name: not an ordinary word,
    a practice term or an excluded word. Found once per document, then tried for each person."""
    words: set[str] = set()
    for unit in units:
        words.update(re.findall(r"\b[A-Z][a-z'\u2019]{3,}\b", unit.text))
    return [
        word
        for word in sorted(words)
        if word.lower() not in excluded and not is_common_word(word) and not glossary.is_term(word)
    ]


def misspellings(
    person: Person, candidates: Sequence[str], variants: list[Variant], others: frozenset[str] = frozenset()
) -> list[Variant]:
    """Capitalised words one edit away from a name part ("Kaleigh" for "Kayleigh", "Zielinksi"
    for "Zielinski": see one_edit_away), and a
    middle name alone (no edit away), unless it is the first name or surname of one of
    ``others`` (folded words): then it is theirs."""
    parts = {t for t in person.tokens if len(t) >= 5 and t[0].isupper()}
    if not parts:
        return []
    known = {v.text.lower() for v in variants}
    found = []
    for word in candidates:
        if word.lower() in known:
            continue
        if word in parts and fold(word) in others:
            continue
        for part in parts:
            if word == part or one_edit_away(word, part):
                found.append(Variant(word, case_sensitive=True))
                break
    return found
