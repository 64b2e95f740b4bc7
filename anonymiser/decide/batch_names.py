"""The people other drafts of a batch name in full, found in this draft by the forms its own
people are found by ("Treharne", "Con" where another draft names Connor Treharne)."""

from __future__ import annotations

from collections.abc import Sequence

from anonymiser.decide.keep import TermSpans, inside_any
from anonymiser.decide.people import KnownName, Person, PersonBook, fold
from anonymiser.decide.person_variants import person_variants
from anonymiser.decide.recognisers import BATCH_NAME
from anonymiser.decide.spans import Candidate
from anonymiser.decide.text_index import DocumentText
from anonymiser.decide.titles import TitlePatterns
from anonymiser.decide.words import at_sentence_start, heading_like, pseudonym_letter
from anonymiser.detect.names import (
    Variant,
    compile_variants,
    is_common_word,
    name_tokens,
)
from anonymiser.detect.unknown_names import UNKNOWN_NAME_RECOGNISER
from anonymiser.records import TextUnit
from anonymiser.settings import Settings

# A name another draft of the batch gives in full, found here as it is written there: as
# sure as the names found in the draft itself.
_KNOWN_SCORE = 0.9


def known_names(
    known: Sequence[KnownName],
    people: list[Person],
    book: PersonBook,
    text_index: DocumentText,
    glossary_spans: TermSpans,
    settings: Settings,
    excluded: set[str],
    titles: TitlePatterns,
    candidates: list[Candidate],
    scores: dict[str, float],
    recognisers: dict[str, set[str]],
    secrets: list[Variant],
    notes: dict[str, str],
) -> list[Person]:
    """Find the people other drafts of the batch name in full (``known``) by the forms the
    draft's own people are found by: the full name, first and last names alone, first and
    last name, initial and surname ("C. Treharne"), the surname in the plural. Those found
    join ``people`` (with their candidates, scores, secrets and a note of where the name
    came from); the others are returned: their given names still make short forms ("Con").

    Each draft is detected on its own, so without this a draft that wrote only "Treharne" or
    "Con" published it, though another draft named Connor Treharne in full. The draft's own
    people keep their words: a first name the draft gives someone ("Connor Pellow", or
    "Connor" alone) is not another draft's Connor. A word two known people bear ("Treharne"
    of Connor and Denise Treharne) is neither's: "(family name)" or "(first name)", as a
    name several listed people share. Initials are left out: two capitals are found in any
    text, and another draft's initials are too weak a sign.
    """
    if not known:
        return []
    words = settings.people
    # A person found only by an unknown word before a verb ("Treharne did not attend") is too
    # weak a sign to keep the word from another draft's person who bears it in full.
    own = [p for p in people if recognisers.get(p.key, set()) - {UNKNOWN_NAME_RECOGNISER}]
    own_words = {
        fold(t)
        for p in own
        for form in (p.name, *p.forms, *(p.case.aliases if p.case else ()))
        for t in name_tokens(form)
    }
    own_names = {(fold(p.tokens[0]), fold(p.tokens[-1])) for p in own if len(p.tokens) >= 2}
    entries: list[tuple[KnownName, Person, list[Variant]]] = []
    for entry in sorted(set(known), key=lambda k: (fold(k.name), k.document)):
        tokens = name_tokens(entry.name)
        if len(tokens) < 2 or (fold(tokens[0]), fold(tokens[-1])) in own_names:
            continue  # the draft names them in full itself
        person = book.for_known(entry)
        variants = [v for v in person_variants(person, excluded, words.titles) if any(ch.islower() for ch in v.text)]
        entries.append((entry, person, variants))
    bearers: dict[str, set[str]] = {}
    for _, person, variants in entries:
        for variant in variants:
            if _lone_word(variant.text):
                bearers.setdefault(fold(variant.text), set()).add(person.key)

    def find(person: Person, variants: list[Variant]) -> bool:
        pattern = compile_variants(variants)
        matches: list[tuple[TextUnit, int, int, bool]] = []  # and: an ordinary word opening a sentence
        names: set[str] = set()  # ordinary words the draft uses as this name mid-sentence
        for unit, start, end in text_index.find_names(pattern, variants):
            if inside_any(start, end, glossary_spans[unit.uid]):
                continue  # "Early" of "Early Help" is the practice term's
            if pseudonym_letter(unit.text, start, end, settings.keep):
                continue
            word = unit.text[start:end]
            ordinary = _lone_word(word) and is_common_word(word)
            opening = ordinary and (at_sentence_start(unit.text, start) or heading_like(unit.text))
            if ordinary and not opening:
                names.add(word)
            matches.append((unit, start, end, opening))
        found = False
        for unit, start, end, opening in matches:
            if opening and unit.text[start:end] not in names:
                # An ordinary word ("Hope", "Mark") that any sentence or heading may open is
                # a name where the draft also writes it as one, capitalised mid-sentence;
                # else it is too weak a sign of someone the draft may never name (where it
                # is them, the batch's check fails the draft closed).
                continue
            widened = titles.extend_over(unit.text, start)
            candidates.append(
                Candidate(unit.uid, widened, end, person.key, "PERSON", _KNOWN_SCORE, BATCH_NAME, exact=widened == start)
            )
            found = True
        if found:
            scores[person.key] = max(scores.get(person.key, 0.0), _KNOWN_SCORE)
            recognisers.setdefault(person.key, set()).add(BATCH_NAME)
            secrets.extend(variants)
            if all(p.key != person.key for p in people):
                people.append(person)
        return found

    unmatched = []
    for entry, person, variants in entries:
        notes[person.key] = f"named in full in {entry.document}, another draft of the batch"
        mine = [
            v
            for v in variants
            if not _lone_word(v.text) or (fold(v.text) not in own_words and len(bearers[fold(v.text)]) == 1)
        ]
        if not find(person, mine):
            unmatched.append(person)
    by_key = {person.key: person for _, person, _ in entries}
    for word in sorted(bearers):
        owners = sorted(bearers[word])
        if len(owners) < 2 or word in own_words:
            continue
        firsts = all(fold(by_key[k].tokens[0]) == word for k in owners)
        label = settings.replacements.shared_given_name if firsts else settings.replacements.shared_name
        variant = min(
            (v for k in owners for v in person_variants(by_key[k], excluded, words.titles) if fold(v.text) == word),
            key=lambda v: (v.case_sensitive is False, v.text),
        )
        shared = book.for_shared(variant.text, label)
        if find(shared, [variant]):
            notes.setdefault(shared.key, "a name several people other drafts of the batch name in full bear")
    return unmatched


def _lone_word(text: str) -> bool:
    return " " not in text.strip()
