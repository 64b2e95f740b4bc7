"""First names that are ordinary words of practice where the words around them say so: a
rating after its label ("Status: AMBER", not a person called Amber) and a phrase of
patterns/people.yml ``word_phrases`` ("the Grace period")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from anonymiser.records import Finding
from anonymiser.settings import PeopleWords


def without_practice_words(findings: Sequence[Finding], texts: Mapping[int, str], words: PeopleWords) -> list[Finding]:
    """``findings`` less the people that are a rating right after its label ("Status:
    |Amber|", "RAG rated |Green|") or lie inside a ``word_phrases`` phrase ("the |Grace|
    period") with no person's verb after it. Only a unit with a person found by one of their
    words is searched."""
    ratings = frozenset(r.lower() for r in words.ratings)
    phrase_words = words.word_phrase_words
    rating_units, phrase_units = set(), set()
    for f in findings:
        if f.category == "PERSON":
            found_words = {w.lower() for w in f.text.split()}
            if found_words & ratings:
                rating_units.add(f.unit)
            if found_words & phrase_words:
                phrase_units.add(f.unit)
    if not rating_units and not phrase_units:
        return list(findings)
    ratings_at = {
        (uid, m.start("rating"), m.end("rating"))
        for uid in rating_units
        for m in words.rating_after_label.finditer(texts[uid])
    }
    phrases: dict[int, list[tuple[int, int]]] = {}
    verb_after = words.person_verb_after
    for uid in phrase_units:
        text = texts[uid]
        phrases[uid] = [(s, e) for s, e in words.word_phrase_matcher.spans(text) if not verb_after.match(text, e)]

    def practice(f: Finding) -> bool:
        if f.category != "PERSON":
            return False
        if (f.unit, f.start, f.end) in ratings_at:
            return True
        return any(s <= f.start and f.end <= e for s, e in phrases.get(f.unit, ()))

    return [f for f in findings if not practice(f)]

