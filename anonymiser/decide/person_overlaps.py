"""The model's guesses that run into a person's name give way to the person.

"Kayleigh Marsh's" as an ORG: the name is labelled as the person everywhere, not
"(organisation)". A guess with a name word of its own beyond the person's ("Izmir State
Security Court", where the model also took "Izmir" for a person) is a different thing and
stays. A title or rank before the name is not such a word: "Sister Faith Okonkwo" as an ORG
read "(organisation)" (people.yml leaves "Sister" and "Nurse" out of the titles).
"""

from __future__ import annotations

import re

from anonymiser.decide.context import Draft
from anonymiser.decide.found import Found
from anonymiser.decide.keep import overlaps_any
from anonymiser.decide.words import own_name_word
from anonymiser.detect.model import MODEL_RECOGNISER_PREFIX


def give_way_to_people(found: Found, draft: Draft) -> None:
    """Drop every candidate of a string only the model found that overlaps a person's name
    somewhere without a name word of its own; the string is no longer redacted as itself."""
    words, by_uid = draft.words, draft.by_uid
    candidates, recognisers = found.candidates, found.recognisers
    rank_words = frozenset(w.lower() for t in (*words.titles, *words.ranks) for w in t.rstrip(".").split())
    person_spans: dict[int, list[tuple[int, int]]] = {}
    for cand in candidates:
        if cand.category == "PERSON":
            person_spans.setdefault(cand.unit, []).append((cand.start, cand.end))
    model_keys = {
        key for key, names in recognisers.items() if all(n.startswith(MODEL_RECOGNISER_PREFIX) for n in names)
    }
    yielding = {
        c.key
        for c in candidates
        if c.category != "PERSON"
        and c.key in model_keys
        and overlaps_any(c.start, c.end, person_spans.get(c.unit, []))
        and not own_name_word(
            by_uid[c.unit].text,
            _after_leading_words(by_uid[c.unit].text, c.start, c.end, rank_words),
            c.end,
            person_spans.get(c.unit, []),
            draft.glossary_words | draft.openers,
        )
    }
    found.candidates = [c for c in candidates if c.key not in yielding]
    for key in yielding:
        found.plain_strings.pop(key, None)


def _after_leading_words(text: str, start: int, end: int, leading: frozenset[str]) -> int:
    """Where ``text[start:end]`` starts once the ``leading`` words before the rest are skipped."""
    while True:
        word = re.match(r"[^\W\d_]+\.?\s+", text[start:end])
        if not word or word.group(0).strip().rstrip(".").lower() not in leading:
            return start
        start += word.end()
