"""Every person's names found everywhere in the draft, beyond the forms detection found: lone
initials, short forms ("Con" of Connor), a family's lone initials ("K's forehead"), and the
title of a couple ("Mr" of "Mr and Mrs T.")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from anonymiser.decide.initials import InitialFinder
from anonymiser.decide.keep import TermMatcher, inside_any
from anonymiser.decide.people import (
    KNOWN_KEY,
    Person,
    fold,
    role_before,
    role_label_for,
)
from anonymiser.decide.recognisers import COUPLE, FAMILY_INITIAL, PROPAGATED, SHORT_FORM
from anonymiser.decide.short_forms import (
    ShortForm,
    ShortFormRules,
    given_name,
    lone_initials,
    short_forms,
)
from anonymiser.decide.spans import Candidate
from anonymiser.decide.titles import TitlePatterns
from anonymiser.decide.words import LONE_INITIAL
from anonymiser.detect.names import name_tokens
from anonymiser.records import TextUnit
from anonymiser.settings import Settings


def couple_titles(
    candidates: Sequence[Candidate], by_uid: dict[int, TextUnit], titles: TitlePatterns
) -> list[Candidate]:
    """"Mr" of "Mr and Mrs T.", for each person's titled name: the same person's mention."""
    found: dict[tuple[int, int, int], Candidate] = {}
    for cand in candidates:
        if cand.category != "PERSON":
            continue
        span = titles.couple_title(by_uid[cand.unit].text, cand.start)
        if span is not None:
            where = (cand.unit, *span)
            found.setdefault(where, Candidate(cand.unit, *span, cand.key, "PERSON", cand.score, COUPLE))
    return [found[where] for where in sorted(found)]


def propagated_initials(
    person: Person,
    units: Sequence[TextUnit],
    initials: InitialFinder,
    glossary_spans: dict[int, list[tuple[int, int]]],
    score: float,
) -> Iterator[Candidate]:
    """Where each one-letter form of ``person`` stands alone as a name, outside practice terms."""
    for letter in sorted(f for f in person.forms if LONE_INITIAL.fullmatch(f)):
        for unit in units:
            for start, end in initials.occurrences(unit.text, letter):
                if not inside_any(start, end, glossary_spans[unit.uid]):
                    yield Candidate(unit.uid, start, end, person.key, "PERSON", score, PROPAGATED)


def short_forms_and_initials(
    units: Sequence[TextUnit],
    people: Sequence[Person],
    candidates: Sequence[Candidate],
    by_uid: dict[int, TextUnit],
    settings: Settings,
    case_keep: TermMatcher,
    place_words: Mapping[str, set[str]],
    elsewhere: Sequence[Person] = (),
) -> Iterator[tuple[ShortForm, str, str]]:
    """The short forms of the given names of ``people`` and the lone initials of the family's,
    each with its recogniser name and the reason it is sent for review. ``elsewhere``: people
    other drafts of the batch name in full who are not named here by their names; their
    given names make short forms too ("Con"), not lone initials (a letter is too weak a sign
    of someone the draft never names)."""
    words = settings.people
    rules = ShortFormRules(words)
    # A given name the draft's own people bear is theirs: "Con" is the Connor the draft
    # names, not another draft's Connor Treharne.
    own = {fold(t) for p in people if not p.key.startswith(KNOWN_KEY) for f in (p.name, *p.forms) for t in name_tokens(f)}
    named = [
        (p, name)
        for p in (*people, *elsewhere)
        if (name := given_name(p, words.titles, settings.given_names.is_first_name)) is not None
        and not (p.key.startswith(KNOWN_KEY) and fold(name) in own)
    ]
    if not named:
        return
    # Every word of a name already found everywhere (the case file's aliases too) is that
    # name's, not a short form of another.
    known = {
        fold(t)
        for p in people
        for form in (p.name, *p.forms, *(p.case.aliases if p.case else ()))
        for t in name_tokens(form)
    }
    titles = words.folded.titles
    # "Mum" of Mumtaz, "Nan" of Nancy: a role word is the role.
    roles = words.folded.roles | {w.lower() for w in words.person_nouns}

    def excluded(word: str) -> bool:
        low = word.lower()
        return (
            low in known
            or low in titles
            or low in roles
            or low in place_words
            or settings.keep.matcher.is_term(word)
            or case_keep.is_term(word)
        )

    for form in short_forms(units, named, rules, excluded=excluded):
        if all(p.key.startswith(KNOWN_KEY) for p in form.owners):
            yield form, SHORT_FORM, "short form of a name another draft of the batch gives in full"
        else:
            yield form, SHORT_FORM, "short form of a name found in this draft"
    # The case file's people have their initial already (name_variants), and a letter one of
    # them bears is theirs to decide.
    listed = {name[0] for p, name in named if p.case is not None}
    practitioners = _practitioners(people, candidates, by_uid, settings)
    absent = {p.key for p in elsewhere}
    family = [
        (p, name)
        for p, name in named
        if p.case is None and p.key not in practitioners and p.key not in absent and name[0] not in listed
    ]
    for form in lone_initials(units, family, rules):
        yield form, FAMILY_INITIAL, "lone initial of a family member named in this draft"


def _practitioners(
    people: Sequence[Person], candidates: Sequence[Candidate], by_uid: dict[int, TextUnit], settings: Settings
) -> set[str]:
    """The keys of the people known to be practitioners: by the case file, a role word before
    one of their names ("the social worker, Jane Hill") or a professional title ("Dr Qureshi")."""
    keys = {p.key for p in people if p.group == "professional" or (p.case is not None and p.case.group == "professional")}
    for cand in candidates:
        if cand.category != "PERSON" or cand.key in keys:
            continue
        text = by_uid[cand.unit].text
        role, group = role_before(text, cand.start, settings.people)
        if group == "professional" or role_label_for(role, text[cand.start : cand.end], settings.replacements):
            keys.add(cand.key)
    return keys
