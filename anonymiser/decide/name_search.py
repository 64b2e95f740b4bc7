"""Every person's names found everywhere in the draft: each variant of every person's name
(and its misspellings, its lower-case forms in a note typed with no capitals, a lone initial
it is called by), then the batch's names (``batch_names``), the short forms of given names
("Con" of Connor) and a family's lone initials ("K's forehead"), and the title of a couple
("Mr" of "Mr and Mrs T.")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence

from anonymiser.decide.batch_names import known_names
from anonymiser.decide.context import Draft
from anonymiser.decide.found import Found
from anonymiser.decide.initials import InitialFinder, pupil_letters
from anonymiser.decide.keep import TermMatcher, inside_any
from anonymiser.decide.people import (
    KNOWN_KEY,
    SHARED_KEY,
    KnownName,
    Person,
    PersonBook,
    fold,
    role_before,
    role_label_for,
)
from anonymiser.decide.person_match import as_given
from anonymiser.decide.person_variants import (
    misspelling_candidates,
    misspellings,
    person_variants,
)
from anonymiser.decide.recognisers import (
    COUPLE,
    FAMILY_INITIAL,
    FUZZY,
    INITIAL,
    LOWER_CASE,
    PROPAGATED,
    SHORT_FORM,
)
from anonymiser.decide.short_forms import (
    ShortForm,
    ShortFormRules,
    given_name,
    lone_initials,
    short_forms,
)
from anonymiser.decide.spans import Candidate
from anonymiser.decide.titles import TitlePatterns
from anonymiser.decide.words import LONE_INITIAL, pseudonym_letter, words_in
from anonymiser.detect.names import (
    Variant,
    compile_variants,
    has_no_capitals,
    is_common_word,
    lower_case_variants,
    name_tokens,
)
from anonymiser.records import TextUnit
from anonymiser.settings import Settings


def couple_titles(
    candidates: Sequence[Candidate],
    by_uid: dict[int, TextUnit],
    titles: TitlePatterns,
    *,
    every: bool,
    other_of_couple: Callable[[str, str, tuple[int, int]], str] | None = None,
) -> list[Candidate]:
    """"Mr" of "Mr and Mrs T.": the first title stands for the other person of the couple.

    When the draft names that person with the same title elsewhere ("Mr Kowalczyk said he
    was worried"), the title takes that person's label under any policy: "Mr and Mrs
    Kowalczyk" read "Mr and Person A", as if "Mr" were somebody else, and is now "Person B
    and Person A". Otherwise only with ``every`` (``couple_titles: mask``): the key
    ``other_of_couple(title, surname, where)`` gives (a person of their own, "Person B and
    Person A"), or without it the label of the name it shares."""
    titled: dict[tuple[str, str], str] = {}
    for cand in candidates:
        if cand.category == "PERSON":
            named = _title_and_surname(by_uid[cand.unit].text[cand.start : cand.end], titles)
            if named is not None:
                titled.setdefault(named, cand.key)
    found: dict[tuple[int, int, int], Candidate] = {}
    for cand in candidates:
        if cand.category != "PERSON":
            continue
        text = by_uid[cand.unit].text
        span = titles.couple_title(text, cand.start)
        if span is None:
            continue
        surname = name_tokens(text[cand.start : cand.end])[-1:]
        title = text[span[0] : span[1]].rstrip(".")
        other = titled.get((fold(title), fold(surname[0]))) if surname else None
        if other is not None and other != cand.key:
            key = other
        elif every and other_of_couple is not None and surname:
            key = other_of_couple(title, surname[0], (cand.unit, span[0]))
        elif every:
            key = cand.key
        else:
            continue
        where = (cand.unit, *span)
        found.setdefault(where, Candidate(cand.unit, *span, key, "PERSON", cand.score, COUPLE))
    return [found[where] for where in sorted(found)]


def _title_and_surname(name: str, titles: TitlePatterns) -> tuple[str, str] | None:
    """("mr", "kowalczyk") for "Mr Kowalczyk" or "Mr. Jan Kowalczyk"; None without a title."""
    match = titles.leading.match(name)
    if match is None:
        return None
    words = name_tokens(name[match.end() :])
    if not words:
        return None
    return fold(match.group().split()[0].rstrip(".")), fold(words[-1])


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


# A lone letter a text itself marks as a person: a guess.
_INITIAL_SCORE = 0.6
# A short form or initial alone, standing for several people ("(first name)"): a guess.
_SHORT_FORM_SCORE = 0.6


def find_people_by_initials(found: Found, draft: Draft, book: PersonBook) -> InitialFinder | None:
    """People the text itself calls by one letter, for a policy that masks lone initials
    (``initials: mask``); the finder, to find their letters everywhere, or None."""
    words, policy, units = draft.words, draft.policy, draft.units
    glossary_spans = draft.glossary_spans
    candidates, scores, recognisers = found.candidates, found.scores, found.recognisers
    initials = (
        InitialFinder(
            [*words.person_nouns, *words.family_roles, *words.professional_roles],
            titles=[*words.titles, *words.ranks],
        )
        if policy.initials == "mask"
        else None
    )
    if initials is not None:
        # "the complainant (M.)": the text itself says the lone letter is a person.
        # "Sergeant H": the rank is masked with the letter, as a title with a name is.
        seeds = [
            *((unit, start, start, end) for unit in units for start, end in initials.seeds(unit.text)),
            *((unit, *span) for unit in units for span in initials.titled(unit.text)),
        ]
        for unit, span_start, start, end in seeds:
            if inside_any(span_start, end, glossary_spans[unit.uid]):
                continue
            person = book.add(unit.text[start:end], (unit.uid, start))
            scores[person.key] = max(scores.get(person.key, 0.0), _INITIAL_SCORE)
            recognisers.setdefault(person.key, set()).add(INITIAL)
            candidates.append(
                Candidate(
                    unit.uid, span_start, end, person.key, "PERSON", _INITIAL_SCORE, INITIAL,
                    exact=span_start == start,
                )
            )
    # "K is on SEN Support": a lone letter where a pupil is, under any policy. The one person
    # found whose given name starts with it is that person ("Kian Marsh is six. K is on SEN
    # Support"); else the letter is a person of its own, found wherever it stands alone (as
    # ``initials: mask`` finds its seeds), since a draft that calls a child "K" once does so
    # again ("K's mother").
    pupils = False
    for unit in units:
        for start, end in pupil_letters(unit.text, words.pupil_state_after, words.not_initials):
            if inside_any(start, end, glossary_spans[unit.uid]):
                continue
            letter = unit.text[start:end]
            owners = [p for p in book.people if p.tokens and p.tokens[0][:1] == letter and len(p.tokens[0]) > 1]
            if len(owners) == 1:
                person = owners[0]
            else:
                person = book.add(letter, (unit.uid, start))
                pupils = True
            scores[person.key] = max(scores.get(person.key, 0.0), _INITIAL_SCORE)
            recognisers.setdefault(person.key, set()).add(INITIAL)
            candidates.append(Candidate(unit.uid, start, end, person.key, "PERSON", _INITIAL_SCORE, INITIAL, exact=True))
    if initials is None and pupils:
        initials = InitialFinder([], titles=[])
    return initials


def join_names_beside_known_surnames(found: Found, draft: Draft, book: PersonBook) -> None:
    """A given name beside the surname of a person already found is theirs (``PersonBook.join_adjacent``)."""
    by_uid, scores, recognisers = draft.by_uid, found.scores, found.recognisers
    is_name_word = draft.is_name_word
    joined = book.join_adjacent(
        [by_uid[uid].text if uid in by_uid else "" for uid in range(max(by_uid, default=-1) + 1)],
        is_name_word,
    )
    for person, relative in joined:
        if relative.key in scores and person.key not in scores:
            scores[person.key] = scores[relative.key]
            recognisers.setdefault(person.key, set()).add("name_beside_known_surname")


def unfound_listed_names(person: Person) -> list[Variant]:
    """The forms of a listed person's names that verification looks for when the draft
    never names them: the case file's names and aliases of more than one word, and their
    words of four letters or more that are no English word ("Kezia", "Fairbairn").

    The draft's text holds none of them, or the person would have been found; one in the
    output is in a place no stage reads (an attribute in a namespace Word ignores, a part of
    a kind the reader does not know), and is refused instead of published: a family's names
    shipped that way when the body named nobody. A name that is an ordinary word ("Grace
    periods", "Hill Top Surgery") may stand in the draft without being the person, and an
    initial in any text, so neither is searched for."""
    names = (person.case.name, *person.case.aliases) if person.case is not None else ()
    forms = {n.strip() for n in names if " " in n.strip()}
    forms |= {
        t for n in names for t in name_tokens(n)
        if len(t) >= 4 and re.sub(r"['\u2019-]", "", t).isalpha() and not is_common_word(t)
    }
    return [Variant(form, case_sensitive=False) for form in sorted(forms)]


# A message or note quoted in double quotes ("...", “...”), on one line.
_QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{8,400})[\"\u201d]")


def lower_case_stretches(units: Sequence[TextUnit]) -> list[tuple[TextUnit, int, int]]:
    """Where a draft writes without capitals, so that capitals say nothing about names: a
    unit with none, or a quoted message of three words or more with none ('"cant cope, come
    get kay pls"') in a unit that has them. Each as (unit, start, end)."""
    out: list[tuple[TextUnit, int, int]] = []
    for unit in units:
        if has_no_capitals(unit.text):
            out.append((unit, 0, len(unit.text)))
            continue
        for match in _QUOTED.finditer(unit.text):
            quoted = match.group(1)
            if has_no_capitals(quoted) and len(quoted.split()) >= 3:
                out.append((unit, match.start(1), match.end(1)))
    return out


def search_people(
    found: Found, draft: Draft, book: PersonBook, initials: InitialFinder | None, known: Sequence[KnownName]
) -> list[Person]:
    """Every person found so far, by every variant of their name (and its misspellings, its
    lower-case forms in a note with no capitals, its lone initial), everywhere in the draft;
    then the people other drafts of the batch name in full (``known``). Sets ``found.people``
    and adds the secrets verification looks for. Returns the batch's people not named here,
    whose given names still make short forms."""
    settings, words, units = draft.settings, draft.words, draft.units
    glossary, titles, glossary_spans, glossary_words = draft.glossary, draft.titles, draft.glossary_spans, draft.glossary_words
    candidates, scores, recognisers = found.candidates, found.scores, found.recognisers
    secrets, notes, fuzzy_keys, lower_case_names = found.secrets, found.notes, found.fuzzy_keys, found.lower_case_names
    lower_stretches = lower_case_stretches(units)
    excluded_words = glossary_words | words_in(words.not_names)
    found.people = [p for p in book.people if p.key in scores]
    people = found.people
    misspelling_words = misspelling_candidates(units, glossary, excluded_words)
    # A name several listed people share is theirs only in full ("Kian Marsh"); alone it is
    # the shared person's (PersonBook.for_shared), wherever it stands.
    shared = {as_given(p.name) for p in people if p.key.startswith(SHARED_KEY)}
    # A name or alias the case file gives is that person's only, as in person_for: "Hope",
    # Hope Marsh's alias, is not also found as the first name of Hope Fairweather (it read
    # "Family friend said she was scared" wherever Hope Fairweather was named in the draft).
    given: dict[str, set[str]] = {}
    for p in people:
        if p.case is not None and not p.key.startswith(SHARED_KEY):
            for n in (p.case.name, *p.case.aliases):
                given.setdefault(as_given(n), set()).add(p.key)
    # The words that open or end each person's name, or are the whole of it: a middle name
    # alone ("Begum" of Zainab Begum Hussain) is not hers where another person bears it as
    # a first name or surname ("Shabana Begum"): it read Zainab's label for "Begum (the aunt)".
    end_words: dict[str, set[str]] = {}
    for p in people:
        for t in {p.tokens[0], p.tokens[-1]} if p.tokens else ():
            end_words.setdefault(fold(t), set()).add(p.key)

    def name_words_of_others(person: Person) -> frozenset[str]:
        return frozenset(w for w, keys in end_words.items() if keys - {person.key})

    for person in people:
        variants = person_variants(person, excluded_words, words.titles, words.not_initials)
        if not person.key.startswith(SHARED_KEY):
            variants = [
                v for v in variants
                if as_given(v.text) not in shared and person.key in given.get(as_given(v.text), {person.key})
            ]
        fuzzy = misspellings(person, misspelling_words, variants, name_words_of_others(person))
        secrets.extend(variants + fuzzy)
        for variant_set, source in ((variants, PROPAGATED), (fuzzy, FUZZY)):
            pattern = compile_variants(variant_set)
            for unit, start, end in draft.text_index.find_names(pattern, variant_set):
                if inside_any(start, end, glossary_spans[unit.uid]):
                    continue  # "Clare" of "Clare's Law" is not the person Clare
                if pseudonym_letter(unit.text, start, end, settings.keep):
                    continue  # "CHILD M": the letter is the pseudonym's
                widened = titles.extend_over(unit.text, start)
                candidates.append(
                    Candidate(
                        unit.uid, widened, end, person.key, "PERSON", scores[person.key], source,
                        exact=widened == start,
                    )
                )
                if source == FUZZY:
                    fuzzy_keys.add(person.key)
                    recognisers[person.key].add(FUZZY)
        if lower_stretches:
            # A note typed all in lower case ("seen hope and grace at home, brook asleep"), or
            # a message quoted so ('"cant cope, come get kay pls"'): the person's names that
            # are ordinary words, matched only capitalised elsewhere, are theirs there too.
            # Redacted (a missed name can identify a child), and a guess ("i hope"), so the
            # person goes for review. Not secrets for verification, which would then fail on
            # "no hope" in any capitalised paragraph.
            aliases = person.case.aliases if person.case else ()
            own_words = [w for n in (person.name, *aliases, *person.forms) for w in name_tokens(n)]
            lowered = lower_case_variants(variants, own_words)
            lower_pattern = compile_variants(lowered)
            for unit, begin, stop in lower_stretches if lower_pattern is not None else ():
                for match in lower_pattern.finditer(unit.text, begin, stop):
                    start, end, word = match.start(), match.end(), match.group(0)
                    if inside_any(start, end, glossary_spans[unit.uid]):
                        continue
                    lower_case_names.setdefault(person.key, set()).add(word)
                    candidates.append(
                        Candidate(unit.uid, start, end, person.key, "PERSON", scores[person.key], LOWER_CASE)
                    )
                    recognisers[person.key].add(LOWER_CASE)
        if initials is not None:
            # A person called by one letter ("Mr K.", "the complainant (M.)") is that letter
            # wherever it stands alone. Not a secret for verification: a lone letter is found
            # in any text ("Person K"), so it is propagated here only.
            candidates.extend(propagated_initials(person, units, initials, glossary_spans, scores[person.key]))
    # The people the case file lists whom this draft never names are searched for in the
    # output too, by the forms no ordinary text holds (see ``unfound_listed_names``).
    for person in book.people:
        if person.case is not None and person.key not in scores and not person.key.startswith(SHARED_KEY):
            secrets.extend(unfound_listed_names(person))
    # The people other drafts of the batch name in full, found here by the same forms.
    unmatched = known_names(
        known, people, book, draft.text_index, glossary_spans, settings, excluded_words, titles,
        candidates, scores, recognisers, secrets, notes,
    )
    return unmatched


def search_short_forms(
    found: Found, draft: Draft, book: PersonBook, place_words: Mapping[str, set[str]], unmatched: Sequence[Person]
) -> None:
    """Short forms and lone initials of every person's given names, found everywhere; the
    people they stand for go for review."""
    settings, units, by_uid, case_keep = draft.settings, draft.units, draft.by_uid, draft.case_keep
    glossary_spans = draft.glossary_spans
    candidates, scores, recognisers, people = found.candidates, found.scores, found.recognisers, found.people
    review_reasons = found.review_reasons
    for form, source, reason in short_forms_and_initials(
        units, people, candidates, by_uid, settings, case_keep, place_words, unmatched
    ):
        # "Clare" of "Clare's Law" (beside a Claire) is the practice term's.
        spans = [(uid, start, end) for uid, start, end in form.spans if not inside_any(start, end, glossary_spans[uid])]
        if not spans:
            continue
        owner = form.owners[0]
        if len(form.owners) > 1:
            # The short form of several people's names stands for none of them.
            owner = book.for_shared(form.text, settings.replacements.shared_given_name)
            if owner.key not in scores:
                people.append(owner)
        elif owner.key.startswith(KNOWN_KEY) and owner.key not in scores:
            people.append(owner)  # named here only by this short form ("Con")
        scores.setdefault(owner.key, _SHORT_FORM_SCORE)
        recognisers.setdefault(owner.key, set()).add(source)
        review_reasons.setdefault(owner.key, set()).add(reason)
        for uid, start, end in spans:
            candidates.append(Candidate(uid, start, end, owner.key, "PERSON", scores[owner.key], source))
