"""Turn findings into entities, replacements and edits: the decide stage.

The order of work, and why:
1. Drop findings that are practice terms (the keep list), text already anonymised, or words
   the model mistakes for people; keep rows for what the case file or the policy keeps.
2. Group people: every form of a name joins one person (the case file's people first).
3. Propagate: every redacted string, and every variant of every person's name, is found
   everywhere in the document. What is propagated is exactly what verification later looks
   for, so the two cannot disagree.
4. Resolve overlaps (the union is redacted), group occurrences into entities, give each its
   replacement and status, and produce the edits the writer applies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace


from anonymiser.decide.capitals import WordCases
from anonymiser.decide.dates import is_month_and_year, month_and_year, month_and_year_range
from anonymiser.decide.glosses import GLOSSED_CATEGORIES, bracketed_gloss
from anonymiser.decide.initials import InitialFinder
from anonymiser.decide.keep import TermSpans, inside_any, overlaps_any
from anonymiser.decide.recognisers import (
    FAMILY_WORD_NAME,
    FUZZY,
    GLOSS,
    INITIAL,
    LOWER_CASE,
    PROPAGATED,
    WORKER_INITIALS_RECOGNISER,
)
from anonymiser.decide.words import (
    at_sentence_start,
    heading_like,
    normalise,
    own_name_word,
    pseudonym_letter,
    words_in,
)
from anonymiser.decide.model_guesses import model_guess_counts
from anonymiser.decide.person_match import (
    INITIALS,
    adult_titled,
    alias_owner,
    as_given,
    may_be_fuller_name,
    noun_after_family_title,
    person_for,
    place_words_of,
    plausible_name,
    professional_titled,
    untitled_name,
)
from anonymiser.decide.batch_names import known_names
from anonymiser.decide.name_search import couple_titles, propagated_initials, short_forms_and_initials
from anonymiser.decide.person_variants import misspelling_candidates, misspellings, person_variants
from anonymiser.decide.kept_rows import KeptRow, keep_row, kept_entities
from anonymiser.decide.labels import person_labels
from anonymiser.decide.string_search import match_key, searchable, unique_variants
from anonymiser.decide.people import (
    DOUBT_ADULT_WORD,
    KNOWN_KEY,
    KnownName,
    Person,
    PersonBook,
    SHARED_KEY,
    children_named,
    clean_person_text,
    fold,
    is_surname_alone,
    labels_in_use,
    strip_title,
)
from anonymiser.decide.spans import Candidate, join_durations, join_names, resolve_overlaps
from anonymiser.decide.family_words import family_references, names_after_family_words
from anonymiser.decide.reclassify import reclassify
from anonymiser.decide.span_tidy import (
    names_more_than_terms,
    split_at_sentence_breaks,
    tidy_span,
    trim_off_terms,
    trim_person,
)
from anonymiser.decide.text_index import DocumentText
from anonymiser.decide.titles import TitlePatterns
from anonymiser.detect.case_file import CASE_FILE_RECOGNISER, CaseMatcher
from anonymiser.detect.given_names import (
    GIVEN_NAME_RECOGNISER,
)
from anonymiser.detect.model import MODEL_RECOGNISER_PREFIX
from anonymiser.detect.names import (
    Variant,
    compile_variants,
    find_all,
    has_no_capitals,
    is_common_word,
    lower_case_variants,
    name_tokens,
)
from anonymiser.records import Edit, Entity, Finding, Occurrence, TextUnit
from anonymiser.settings import Settings

# A short form or initial alone, standing for several people ("(first name)"): a guess.
_SHORT_FORM_SCORE = 0.6
_INITIAL_SCORE = 0.6


@dataclass
class Decisions:
    """What the decide stage hands to the writer, the verifier and the review log."""

    entities: list[Entity]
    edits: list[Edit]
    secrets: list[Variant]  # strings redacted everywhere: people and case-file terms
    kept: list[Entity] = field(default_factory=list)
    # Strings the model found that stay inside kept agency names ("Westmere" of "Westmere
    # Constabulary"); verification allows them there and nowhere else.
    loose_secrets: list[Variant] = field(default_factory=list)
    # Labels the draft itself already uses ("Police Officer 1"): given to nobody (a batch
    # gathers them from every draft).
    labels_in_use: frozenset[str] = frozenset()

    @property
    def all_secrets(self) -> list[Variant]:
        return self.secrets + self.loose_secrets

    @property
    def kept_texts(self) -> list[str]:
        return sorted({e.text for e in self.kept})


def decide(
    units: Sequence[TextUnit],
    findings: Sequence[Finding],
    settings: Settings,
    case_matchers: Sequence[CaseMatcher] = (),
    known: Sequence[KnownName] = (),
) -> Decisions:
    """Decide what to redact in one document. Pure: no state survives the call.

    ``known``: people other drafts of the same batch name in full (batch/run.py), found
    here by the forms the draft's own people are found by (``known_names``)."""
    words = settings.people
    glossary = settings.keep.matcher
    case_keep = settings.case.keep_matcher
    not_names = words.not_name_matcher
    titles = TitlePatterns(words.titles)
    by_uid = {u.uid: u for u in units}
    texts = {u.uid: u.text for u in units}
    glossary_spans = TermSpans(glossary, texts)
    case_keep_spans = TermSpans(case_keep, texts)
    policy = settings.policy

    glossary_words = words_in(settings.keep.terms)
    findings = reclassify(
        split_at_sentence_breaks(findings, texts, words.folded),
        glossary_words,
        settings.given_names.is_first_name,
        texts,
        words,
    )
    # A name right after a family role word that nothing else found ("uncle Paddy", "his nan
    # Sheila"): a person, judged, labelled and found everywhere like the others.
    findings = [*findings, *names_after_family_words(findings, texts, words, glossary_words, settings.given_names)]

    # The full names the draft marks as a child's ("Ayaan Warsame (aged 3)"): an adult title
    # before their surname alone ("Ms Warsame") is someone else (PersonBook).
    child_names = children_named(
        (u.text for u in units),
        (untitled_name(f.text, words) for f in findings if f.category == "PERSON"),
        words,
    )
    book = PersonBook(
        words.titles,
        words.honorifics,
        children=words.children,
        child_titles=words.child_titles,
        child_names=child_names,
    )
    for matcher in case_matchers:
        if matcher.person is not None:
            book.for_case(matcher.person)
    # Spans of things the policy keeps (agencies under scr): a weaker finding inside one,
    # such as the model calling "Westmere Constabulary" an ORG, is not a separate entity.
    policy_kept_spans: dict[int, list[tuple[int, int]]] = {}
    for f in findings:
        if f.category != "PERSON" and policy.rule(f.category).action == "keep":
            policy_kept_spans.setdefault(f.unit, []).append((f.start, f.end))

    candidates: list[Candidate] = []
    kept: dict[str, KeptRow] = {}
    scores: dict[str, float] = {}
    recognisers: dict[str, set[str]] = {}
    fuzzy_keys: set[str] = set()
    case_replacements: dict[str, str] = {}
    plain_strings: dict[str, tuple[str, str]] = {}  # key -> (text, category), non-person
    case_keys: set[str] = set()  # plain strings the case file lists: redacted everywhere
    # The names that are ordinary words matched in lower case in a paragraph with no capitals
    # ("mum joy says"), by person: a guess, sent for review.
    lower_case_names: dict[str, set[str]] = {}
    # Where a listed child's name was found to be an adult's ("Abdi senior"): the person it is.
    adult_spans: dict[tuple[int, int, int], str] = {}

    title_words = {t.rstrip(".").lower() for t in words.titles}
    openers = frozenset(w.lower() for w in words.function_words)

    def is_name_word(word: str) -> bool:
        """A capitalised word that can be a given name: not a title, a practice word, a word
        the model often takes for a person, or an ordinary English word."""
        return (
            word.lower() not in title_words
            and word.lower() not in glossary_words
            and not not_names.is_term(word)
            and not is_common_word(word)
        )

    place_words = place_words_of(findings, words.titles)
    word_cases = WordCases(texts, glossary_spans.__getitem__)
    # Words of practice the keep list writes in lower case ("multi-agency", "child protection").
    lower_keep_words = frozenset(
        w for t in settings.keep.terms for w in re.findall(r"[^\W\d_][\w'\u2019]*", t) if w.islower()
    )

    def ordinary_word(word: str, before: str | None) -> bool:
        """A word of a guess in capitals that names nothing: a function word, a practice word,
        a word the draft writes as an ordinary word, or a pseudonym's letter after its word
        ("CHILD M")."""
        low = word.lower()
        if len(word) == 1 and before is not None and settings.keep.is_anonymised_form(f"{before} {word}"):
            return True
        return low in openers or low in lower_keep_words or word_cases.ordinary(word)
    # A whole name adds its own words to the end, and a guess that may be a person's fuller
    # name waits there until every person is known (see below).
    # A surname after an adult title ("Ms Warsame") waits too, until every full name before
    # or after it is known, and before the guesses that may be fuller names ("Leanne
    # Forshaw" as a place, beside "Ms Forshaw"), which look for the titled surname.
    queue = list(findings)
    awaiting: set[int] = set()  # positions in the queue of the guesses that wait
    titled_later: set[int] = set()  # positions in the queue of the titled surnames that waited
    waiting_guesses: list[Finding] = []
    waiting_titled: list[Finding] = []
    person_ending: dict[tuple[int, int], Person] = {}  # (unit, end of a name) -> its person
    for position, f in _in_phases(queue, [(waiting_titled, titled_later), (waiting_guesses, awaiting)]):
        unit = by_uid.get(f.unit)
        if unit is None or not f.text.strip():
            continue
        from_case = f.recogniser == CASE_FILE_RECOGNISER
        fuller: Person | None = None
        if from_case and INITIALS.fullmatch(f.text) and _inside_longer(f, glossary_spans[f.unit]):
            # A listed person's initials inside a longer practice term: Hope Marsh's "HM" of
            # "HM Prison and Probation Service" read "Sibling 1 Prison and Probation Service".
            # Alone ("HM said"), or where the term is the initials themselves, they are hers.
            continue
        if from_case and pseudonym_letter(unit.text, f.start, f.end, settings.keep):
            # A listed person's initial that makes a pseudonym with the word before it is the
            # pseudonym's: "SERIOUS CASE REVIEW: CHILD M" read "CHILD (first name)".
            continue
        if not from_case:
            f = tidy_span(f, unit.text, openers if policy.date_style == "month_year" else frozenset(), openers)
            if f is None:
                continue
            if (
                settings.keep.is_anonymised_form(f.text)
                # A person may bear a law's last word ("Amanda Code", "Uncle Bill").
                or (f.category != "PERSON" and settings.keep.is_law_name(f.text))
                or (f.category in ("DATE", "AGE") and settings.keep.is_age_limit(f.text))
                or glossary.is_term(f.text)
            ):
                continue
            rest = settings.keep.anonymised_form_before_sentence_end(f.text)
            if rest is not None:
                # "Child A. She": the pseudonym stays; what the span ran on into is judged alone.
                f = tidy_span(replace(f, start=f.start + rest, text=f.text[rest:]), unit.text)
                if f is None or not own_name_word(unit.text, f.start, f.end, (), glossary_words) or (
                    " " not in f.text and is_common_word(f.text)
                ):
                    continue
            if inside_any(f.start, f.end, glossary_spans[f.unit]):
                continue
            near_kept = (
                overlaps_any(f.start, f.end, case_keep_spans[f.unit])
                if f.category == "PERSON"
                else inside_any(f.start, f.end, case_keep_spans[f.unit])
            )
            if near_kept or case_keep.is_term(f.text):
                # The reviewer's name, or the Board's area: kept, and a name is kept even where
                # the model's span runs on ("Alison Fairbairn Independent Reviewer"). A place
                # that merely contains the area ("Westmere General Hospital") is not kept.
                keep_row(kept, f, "named in the case file's keep list")
                continue
            if position in awaiting:
                # A place or body the model guessed that is a known person's fuller name ("a
                # 999 call from Leanne Forshaw" as a FAC, where she is "Ms Forshaw") is that
                # person: labelled as them, and the name is one of their forms, so it is
                # propagated and verified. Else the given name was left beside the label.
                fuller = book.owner_of_fuller_name(strip_title(clean_person_text(f.text), words.titles))
                if fuller is not None:
                    f = replace(f, category="PERSON")
            elif may_be_fuller_name(f, words.titles, is_name_word, place_words):
                # The person may be named only later in the document ("Ms Forshaw").
                waiting_guesses.append(f)
                continue
            whole_name = (
                policy.terms_in_names == "whole"
                # A field code's keyword ("DOCVARIABLE Child_Name") is Word's, not part of a
                # body's name: masked with the rest, it would break the field.
                and unit.kind != "field_code"
                and f.category != "PERSON"
                and f.recogniser.startswith(MODEL_RECOGNISER_PREFIX)
                and names_more_than_terms(f, glossary_spans[f.unit], unit.text, glossary_words, settings.keep)
            )
            if whole_name:
                # Its own words are also masked where they stand alone: "Leeds" of "the Leeds
                # Crown Court" is a place wherever it appears.
                own = trim_off_terms(f, glossary_spans[f.unit], unit.text)
                if own is not None:
                    queue.append(own)
            elif f.category == "PERSON":
                # "Jane Hill Social Worker" -> "Jane Hill": practice terms are cut off a name.
                f = trim_person(f, glossary_spans[f.unit], unit.text, titles, words.leading_role, openers)
                if f is None or noun_after_family_title(f, unit.text, words, settings.given_names):
                    continue
            elif f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
                # "the NHS England Wessex Area Team" -> "Wessex Area Team": practice terms are
                # cut off a guess, never redacted. Under terms_in_names: whole, "the Leeds
                # Crown Court" stays whole instead.
                f = trim_off_terms(f, glossary_spans[f.unit], unit.text)
                if f is None or settings.keep.is_anonymised_form(f.text):
                    # What is left may be a pseudonym: "Child F" of "Serious Case Review –
                    # Child F", a heading the model read as a title of a work.
                    continue
        category = f.category
        rule = policy.rule(category)
        if category == "PERSON" and fuller is None and not from_case:
            # "Kayleigh Marsh (Kay)", "Dean Hollis, known as 'Dezzy',": the name the draft
            # gives in brackets or after "known as" is the person's just before, who keeps
            # one label for both (their "Kay" later in the draft read as another person).
            fuller = alias_owner(f, unit.text, person_ending)
        if category == "PERSON":
            if fuller is not None:
                name = strip_title(clean_person_text(f.text), words.titles)
                person = book.add_form(fuller, name, (f.unit, f.start))
            else:
                # Initials after a role's shorthand ("HV BO") are a person's by their place,
                # even when they spell a common word in capitals, as a listed first name is.
                listed = f.recogniser in (GIVEN_NAME_RECOGNISER, WORKER_INITIALS_RECOGNISER)
                # The title just before a span that leaves it out ("Mrs " of "O'Neill").
                title = unit.text[titles.extend_over(unit.text, f.start) : f.start].strip() or None
                if not from_case and not plausible_name(
                    f.text,
                    not_names,
                    glossary,
                    words,
                    listed=listed,
                    is_first_name=settings.given_names.is_first_name,
                    title=title,
                ):
                    continue
                if not from_case and position not in titled_later and adult_titled(f, unit.text, words):
                    waiting_titled.append(f)
                    continue
                person = person_for(f, case_matchers, book, settings.replacements, title)
                if person is not None and person.is_child(words.children) and adult_titled(f, unit.text, words):
                    # "Mrs O'Neill" when the case file lists only Grace O'Neill, a child: the
                    # title says this is another member of the family, who gets a label of
                    # their own (their name is still redacted).
                    person = book.add(
                        f.text, (f.unit, f.start), not_children=words.children, titled=True, title=title
                    )
                elif (
                    person is not None
                    and person.is_child(words.children)
                    and is_surname_alone(strip_title(clean_person_text(f.text), words.titles))
                    and words.adult_word_after.match(unit.text, f.end)
                ):
                    # "Abdi senior", when the case file lists Yusuf Abdi, a child: an adult who
                    # bears the name (the father, Abdi Warsame Farah), else a person of their own
                    # for review. It read "Child L senior".
                    person = book.add(f.text, (f.unit, f.start), not_children=words.children)
                    if len(person.forms) == 1 and person.case is None and len(person.tokens) == 1:
                        person.doubt = person.doubt or DOUBT_ADULT_WORD
                    # The child's name found everywhere must not take these words back.
                    adult_spans[(f.unit, f.start, f.end)] = person.key
                if (
                    person is not None
                    and person.case is not None
                    and person.group != "professional"
                    and professional_titled(f, unit.text, title, words, settings.replacements)
                    and as_given(clean_person_text(f.text)) not in {as_given(a) for a in person.case.aliases}
                ):
                    # "Dr Brightwell", "Prison Officer Marsh", where only the family bear the
                    # surname: the title names a practitioner, who gets the role's label
                    # ("Doctor 1"), not the family member's ("Sibling 2") or "(family name)".
                    # A title the case file gives as an alias ("Dr Zielinski") stays theirs.
                    person = book.add(f.text, (f.unit, f.start), titled=True, title=title, not_family=True)
                if person is None:
                    continue
            key = person.key
            person_ending[(f.unit, f.end)] = person
            if from_case and has_no_capitals(f.text) and has_no_capitals(unit.text) and is_common_word(f.text):
                lower_case_names.setdefault(key, set()).add(f.text)
            # The possessive stays in the text: "Kayleigh's" -> "Mother's", not "Mother".
            possessive = re.search(r"['\u2019]s?$", f.text)
            if possessive and f.end - f.start > len(possessive.group(0)):
                f = replace(f, end=f.end - len(possessive.group(0)), text=f.text[: possessive.start()])
        else:
            if not from_case and category not in ("AGENCY",) and inside_any(
                f.start, f.end, policy_kept_spans.get(f.unit, [])
            ):
                continue
            if f.recogniser.startswith(MODEL_RECOGNISER_PREFIX) and not model_guess_counts(
                f.text,
                category,
                glossary_words,
                policy.model_guesses,
                opens_sentence=at_sentence_start(unit.text, f.start),
                in_heading=heading_like(unit.text),
                ordinary=ordinary_word,
                written_in_lower_case=word_cases.written_in_lower_case,
            ):
                continue
            if rule.action == "keep" and not from_case:
                keep_row(kept, f, f"the {policy.name} policy keeps {category}")
                continue
            if category == "DATE" and policy.date_style == "month_year" and is_month_and_year(f.text):
                keep_row(kept, f, f"the {policy.name} policy publishes months and years")
                continue
            key = f"{category}:{normalise(f.text)}"
            plain_strings.setdefault(key, (f.text, category))
            if from_case:
                case_keys.add(key)
                for matcher in case_matchers:
                    if matcher.person is None and matcher.replacement and matcher.pattern.fullmatch(f.text):
                        case_replacements[key] = matcher.replacement
        scores[key] = max(scores.get(key, 0.0), f.score)
        recognisers.setdefault(key, set()).add(f.recogniser)
        candidates.append(
            Candidate(f.unit, f.start, f.end, key, category, f.score, f.recogniser)
        )

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

    joined = book.join_adjacent(
        [by_uid[uid].text if uid in by_uid else "" for uid in range(max(by_uid, default=-1) + 1)],
        is_name_word,
    )
    for person, relative in joined:
        if relative.key in scores and person.key not in scores:
            scores[person.key] = scores[relative.key]
            recognisers.setdefault(person.key, set()).add("name_beside_known_surname")

    # A bracketed abbreviation or original-language name right after a redacted body or place
    # ("(WSCP)", "(Sąd Rejonowy)") names it again: it is redacted too, and found everywhere.
    for cand in list(candidates):
        if cand.category not in GLOSSED_CATEGORIES:
            continue
        text = by_uid[cand.unit].text
        gloss = bracketed_gloss(text, cand.end)
        if gloss is None:
            continue
        gloss_text = text[gloss[0] : gloss[1]]
        if glossary.is_term(gloss_text) or settings.keep.is_anonymised_form(gloss_text):
            continue
        key = f"{cand.category}:{normalise(gloss_text)}"
        plain_strings.setdefault(key, (gloss_text, cand.category))
        scores[key] = max(scores.get(key, 0.0), cand.score)
        recognisers.setdefault(key, set()).add(GLOSS)
        candidates.append(Candidate(cand.unit, gloss[0], gloss[1], key, cand.category, cand.score, GLOSS))

    # Propagation: people by every variant of their name, other strings as they are; each
    # pattern runs once over the whole document.
    text_index = DocumentText(units)
    lower_units = [u for u in units if has_no_capitals(u.text)]
    secrets: list[Variant] = []
    excluded_words = glossary_words | words_in(words.not_names)
    people = [p for p in book.people if p.key in scores]
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
            for unit, start, end in text_index.find_names(pattern, variant_set):
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
        if lower_units:
            # A note typed all in lower case ("seen hope and grace at home, brook asleep"): the
            # person's names that are ordinary words, matched only capitalised elsewhere, are
            # theirs there too. Redacted (a missed name can identify a child), and a guess
            # ("i hope"), so the person goes for review. Not secrets for verification, which
            # would then fail on "no hope" in any capitalised paragraph.
            aliases = person.case.aliases if person.case else ()
            own_words = [w for n in (person.name, *aliases, *person.forms) for w in name_tokens(n)]
            lowered = lower_case_variants(variants, own_words)
            lower_pattern = compile_variants(lowered)
            for unit in lower_units if lower_pattern is not None else ():
                for start, end, found in find_all(lower_pattern, unit.text):
                    if inside_any(start, end, glossary_spans[unit.uid]):
                        continue
                    lower_case_names.setdefault(person.key, set()).add(found)
                    candidates.append(
                        Candidate(unit.uid, start, end, person.key, "PERSON", scores[person.key], LOWER_CASE)
                    )
                    recognisers[person.key].add(LOWER_CASE)
        if initials is not None:
            # A person called by one letter ("Mr K.", "the complainant (M.)") is that letter
            # wherever it stands alone. Not a secret for verification: a lone letter is found
            # in any text ("Person K"), so it is propagated here only.
            candidates.extend(propagated_initials(person, units, initials, glossary_spans, scores[person.key]))
    # The people other drafts of the batch name in full, found here by the same forms.
    notes: dict[str, str] = {}
    unmatched = known_names(
        known, people, book, text_index, glossary_spans, settings, excluded_words, titles,
        candidates, scores, recognisers, secrets, notes,
    )
    # Short forms and lone initials of the names just found everywhere ("Con" of Connor
    # Brightwell, "K's forehead" of Kian Marsh). They are read off every given name the draft
    # gives, so they come after every person's names; they are a guess, so the person goes
    # for review (short_forms.py). A lone letter or a short word is found in any text ("Person
    # K"), so neither is a secret for verification: they are propagated here only.
    review_reasons: dict[str, set[str]] = {}
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
    for key, names in recognisers.items():
        if names == {FAMILY_WORD_NAME}:
            review_reasons.setdefault(key, set()).add("a name only the family word before it marks")
    for person in people:
        if person.doubt:
            review_reasons.setdefault(person.key, set()).add(person.doubt)
    for key, found in lower_case_names.items():
        quoted = ", ".join(f'"{w}"' for w in sorted(found))
        review_reasons.setdefault(key, set()).add(
            f"a name that is also an ordinary word, matched in lower case in a paragraph with no capitals ({quoted})"
        )
    loose: list[Variant] = []
    # Every other redacted string, all in one pattern: one pass over the document.
    keys_by_text: dict[str, list[str]] = {}
    for key, (text, _category) in sorted(plain_strings.items()):
        variant = Variant(text.strip(), case_sensitive=False)
        if searchable(variant.text):
            (secrets if key in case_keys else loose).append(variant)
        keys_by_text.setdefault(match_key(variant.text), []).append(key)
    plain_pattern = compile_variants(Variant(t, case_sensitive=False) for t in keys_by_text)
    for unit, start, end in text_index.find(plain_pattern):
        if inside_any(start, end, glossary_spans[unit.uid]):
            continue  # inside a practice term ("Edinburgh Postnatal Depression Scale")
        for key in keys_by_text.get(match_key(unit.text[start:end]), []):
            if key not in case_keys and inside_any(start, end, policy_kept_spans.get(unit.uid, [])):
                # A place the model found stays inside the agency named after it
                # ("Westmere Constabulary"), as published reviews do, unless the case file
                # lists the place for redaction.
                continue
            candidates.append(
                Candidate(
                    unit.uid, start, end, key, plain_strings[key][1], scores[key], PROPAGATED, propagated=True
                )
            )

    # The model's guesses that run into a person's name ("Kayleigh Marsh's" as an ORG) give
    # way to the person everywhere, so the name is labelled as the person, not "(organisation)".
    # A guess with a name word of its own beyond the person's ("Izmir State Security Court",
    # where the model also took "Izmir" for a person) is a different thing and stays. A title
    # or rank before the name is not such a word: "Sister Faith Okonkwo" as an ORG read
    # "(organisation)" (people.yml leaves "Sister" and "Nurse" out of the titles).
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
            glossary_words | openers,
        )
    }
    candidates = [c for c in candidates if c.key not in yielding]
    for key in yielding:
        plain_strings.pop(key, None)
    if adult_spans:
        candidates = [
            c
            for c in candidates
            if c.recogniser not in (PROPAGATED, FUZZY) or adult_spans.get((c.unit, c.start, c.end), c.key) == c.key
        ]
    if policy.couple_titles == "mask":
        candidates.extend(couple_titles(candidates, by_uid, titles))
    resolved = join_names(
        join_durations(resolve_overlaps(candidates), texts, policy.join_durations), texts, policy.join_names
    )
    resolved = family_references(resolved, people, by_uid, book, settings.replacements.shared_name, words.family_after)
    # A person's lone name that is an ordinary word, opening a sentence before a word in lower
    # case ("Faith in agencies was low", "Mason jars were found"): the capital there says
    # nothing, and whether the next word makes it the ordinary word is more than the words
    # tell. Redacted, and the person goes for review with the words quoted.
    person_keys = {p.key for p in people}
    verbs_after_name = frozenset(w.lower() for w in words.verbs_after_name)
    for cand in resolved:
        if cand.key in person_keys:
            phrase = _word_name_opening_sentence(by_uid[cand.unit].text, cand.start, cand.end, verbs_after_name)
            if phrase is not None:
                review_reasons.setdefault(cand.key, set()).add(
                    f'a name that is also an ordinary word opens a sentence ("{phrase}"): may be the word'
                )
    # A propagated match of a person's title-extended span may swallow the title; that is
    # intended ("Ms Marsh" -> "Mother").
    grouped: dict[str, list[Candidate]] = {}
    for cand in resolved:
        grouped.setdefault(cand.key, []).append(cand)

    in_use = labels_in_use((u.text for u in units), settings.replacements)
    labels = person_labels(people, grouped, by_uid, settings, in_use)
    entities: list[Entity] = []
    order = sorted(grouped, key=lambda k: (grouped[k][0].unit, grouped[k][0].start, k))
    for index, key in enumerate(order, start=1):
        cands = grouped[key]
        category = cands[0].category
        person = next((p for p in people if p.key == key), None)
        if person is not None:
            category = "PERSON"
            text = person.case.name if person.case else person.name
            replacement = labels[key]
            variants = tuple(sorted(person.forms))
        else:
            text, category = plain_strings.get(key, (by_uid[cands[0].unit].text[cands[0].start : cands[0].end], category))
            replacement = case_replacements.get(key) or settings.replacements.descriptor(category)
            if category == "DATE" and policy.date_style == "month_year" and key not in case_replacements:
                general = month_and_year(text)
                if general:
                    replacement = settings.replacements.month_year.format(general)
                else:
                    replacement = month_and_year_range(text, settings.replacements.month_year) or replacement
            variants = ()
        rule = policy.rule(category)
        confidence = scores.get(key, max(c.score for c in cands))
        status = "auto"
        reasons = []
        if rule.action == "review":
            reasons.append(f"the {policy.name} policy sends {category} for review")
        elif confidence < rule.auto_at:
            reasons.append(f"confidence {confidence:.2f} is below {rule.auto_at:.2f}")
        if key in fuzzy_keys:
            reasons.append("includes a possible misspelling of the name")
        reasons.extend(sorted(review_reasons.get(key, ())))
        if reasons:
            status = "needs_review"
        if key in notes:
            reasons.append(notes[key])  # where the name came from; no doubt of itself
        entities.append(
            Entity(
                id=f"E{index:03d}",
                category=category,
                text=text,
                replacement=replacement,
                action="redact",
                confidence=round(confidence, 4),
                recognisers=tuple(sorted(recognisers.get(key, {c.recogniser for c in cands}))),
                status=status,
                occurrences=[
                    Occurrence(c.unit, c.start, c.end, by_uid[c.unit].text[c.start : c.end]) for c in cands
                ],
                variants=variants,
                group=person.group if person else None,
                reason="; ".join(reasons),
            )
        )
    replacement_by_key = {k: e.replacement for k, e in zip(order, entities)}
    edits = [Edit(c.unit, c.start, c.end, replacement_by_key[c.key]) for c in resolved]
    kept_rows = kept_entities(kept, start_index=len(entities) + 1)
    return Decisions(
        entities=entities,
        edits=edits,
        secrets=unique_variants(secrets),
        kept=kept_rows,
        loose_secrets=unique_variants(loose),
        labels_in_use=in_use,
    )


# ------------------------------------------------------------------------ helpers


def _in_phases(queue: list[Finding], later: Sequence[tuple[list[Finding], set[int]]]) -> Iterator[tuple[int, Finding]]:
    """The queue's findings with their positions, the queue growing as they are read; when
    it is done, each of ``later``'s lists in turn (the findings told to wait) is moved to its
    end, their new positions added to the set beside it, and read."""
    position = 0
    while True:
        while position < len(queue):
            yield position, queue[position]
            position += 1
        waiting = next(((items, positions) for items, positions in later if items), None)
        if waiting is None:
            return
        items, positions = waiting
        positions.update(range(len(queue), len(queue) + len(items)))
        queue.extend(items)
        items.clear()


# A paragraph's number or bullet before its first sentence ("9.7 ", "(b) ", "- ").
_PARAGRAPH_MARK = re.compile(r"\s*(?:\d+(?:\.\d+)*\.?|\(?[a-z0-9]{1,3}\)|[-\u2022*])?\s*")
_LOWER_WORD_AFTER = re.compile(r"[ \t\u00a0]+([a-z][a-z'\u2019-]*)")


def _word_name_opening_sentence(text: str, start: int, end: int, verbs: frozenset[str]) -> str | None:
    """The words ("Faith in") when ``text[start:end]`` is one capitalised word that is also
    an ordinary English word, opening a paragraph or a sentence (after its number, if any),
    with a word in lower case right after it that is none of ``verbs`` nor a past tense in
    -ed ("Hope was seen", "Grace attended" read as the person); else None."""
    word = text[start:end]
    if not (word[:1].isupper() and word[1:].islower() and word.isalpha() and is_common_word(word)):
        return None
    if not (at_sentence_start(text, start) or _PARAGRAPH_MARK.fullmatch(text, 0, start)):
        return None
    after = _LOWER_WORD_AFTER.match(text, end)
    if after is None or after.group(1) in verbs or after.group(1).endswith("ed"):
        return None
    return f"{word} {after.group(1)}"


def _inside_longer(f: Finding, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= f.start and f.end <= e and e - s > f.end - f.start for s, e in spans)


def _after_leading_words(text: str, start: int, end: int, leading: frozenset[str]) -> int:
    """Where ``text[start:end]`` starts once the ``leading`` words before the rest are skipped."""
    while True:
        word = re.match(r"[^\W\d_]+\.?\s+", text[start:end])
        if not word or word.group(0).strip().rstrip(".").lower() not in leading:
            return start
        start += word.end()


