"""Each finding judged: dropped, kept (with the reason the review log gives), or made a
candidate for redaction, a person's (matched to who it is) or a string's.

Findings are judged in order, with two kinds told to wait until the rest are read: a
surname after an adult title ("Ms Warsame"), until every full name is known, and then a
model's place or body guess that may be a person's fuller name ("Leanne Forshaw" as a place,
beside "Ms Forshaw").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from wordfreq import zipf_frequency

from anonymiser.decide.capitals import WordCases
from anonymiser.decide.context import Draft
from anonymiser.decide.dates import is_month_and_year
from anonymiser.decide.found import Found
from anonymiser.decide.keep import inside_any, overlaps_any
from anonymiser.decide.kept_rows import keep_row
from anonymiser.decide.model_guesses import model_guess_counts
from anonymiser.decide.people import (
    DOUBT_ADULT_WORD,
    Person,
    PersonBook,
    clean_person_text,
    is_surname_alone,
    role_before,
    strip_title,
)
from anonymiser.decide.person_match import (
    INITIALS,
    adult_titled,
    alias_owner,
    as_given,
    may_be_fuller_name,
    noun_after_family_title,
    only_role_words,
    other_role,
    person_for,
    plausible_name,
    professional_titled,
)
from anonymiser.decide.recognisers import (
    FAMILY_OCCUPATION_RECOGNISER,
    INITIALS_NAME_RECOGNISER,
    ROLE_LABEL_NAME_RECOGNISER,
    WORD_NAME,
    WORKER_INITIALS_RECOGNISER,
)
from anonymiser.decide.span_tidy import (
    cut_off_label,
    drop_telling_verb,
    lone_letter_name,
    names_more_than_terms,
    tidy_span,
    trim_off_terms,
    trim_person,
)
from anonymiser.decide.spans import Candidate
from anonymiser.decide.words import (
    after_paragraph_number,
    at_sentence_start,
    heading_like,
    normalise,
    own_name_word,
    pseudonym_letter,
)
from anonymiser.detect.case_file import CASE_FILE_RECOGNISER, CaseMatcher
from anonymiser.detect.given_names import GIVEN_NAME_RECOGNISER
from anonymiser.detect.model import MODEL_RECOGNISER_PREFIX
from anonymiser.detect.names import has_no_capitals, is_common_word
from anonymiser.detect.rare_words import frequency as word_frequency
from anonymiser.records import Finding, TextUnit

# A word this common in English is an ordinary word, not a name the lists lack.
ORDINARY_WORD_ZIPF = 4.0
# The model's guesses of a named thing (a body, a place, a people, a language or a faith),
# which words that name nothing ("Call Mother") cannot be.
_NAMED_GUESSES = frozenset({"ORGANISATION", "AGENCY", "LOCATION", "ETHNICITY", "NATIONALITY", "LANGUAGE", "RELIGION"})


def judge_findings(
    findings: Sequence[Finding],
    draft: Draft,
    book: PersonBook,
    case_matchers: Sequence[CaseMatcher],
    place_words: dict[str, set[str]],
) -> Found:
    """Judge every finding: the people it names go into ``book``; the candidates, kept rows
    and what is known of each key into the record returned. ``place_words``: the words of
    the draft's places (``place_words_of``)."""
    judge = _Judge(draft, book, case_matchers, place_words)
    policy = draft.policy
    # Spans of things the policy keeps (agencies under scr): a weaker finding inside one,
    # such as the model calling "Westmere Constabulary" an ORG, is not a separate entity.
    for f in findings:
        if f.category != "PERSON" and policy.rule(f.category).action == "keep":
            judge.found.policy_kept_spans.setdefault(f.unit, []).append((f.start, f.end))
    judge.run(findings)
    return judge.found


# An account name of letters alone after a platform's name is an English word, not an
# account, at or above this Zipf frequency ("reels" 3.1, "livestreams" 2.2); names made up for
# an account are seldom seen by wordfreq at all ("kianm", "tylerb": 0).
ACCOUNT_WORD_ZIPF = 2.0


# What joins two items of a list ("Early Years, Attendance and Virtual School").
_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+(?:and|or)|\s*&)\s+")


class _Judge:
    """The judgement of one draft's findings, and what it has found so far."""

    def __init__(
        self,
        draft: Draft,
        book: PersonBook,
        case_matchers: Sequence[CaseMatcher],
        place_words: dict[str, set[str]],
    ) -> None:
        self.draft = draft
        self.book = book
        self.case_matchers = case_matchers
        self.place_words = place_words
        self.found = Found()
        self.word_cases = WordCases(draft.texts, draft.glossary_spans.__getitem__)
        self.telling_verbs = frozenset(w.lower() for w in draft.settings.people.telling_verbs)
        self.case_names = frozenset(
            n.casefold() for p in draft.settings.case.people for n in (p.name, *p.aliases)
        )
        # Words of practice the keep list writes in lower case ("multi-agency", "child protection").
        self.lower_keep_words = frozenset(
            w for t in draft.settings.keep.terms for w in re.findall(r"[^\W\d_][\w'\u2019]*", t) if w.islower()
        )
        # A whole name adds its own words to the end, and a guess that may be a person's fuller
        # name waits there until every person is known (see ``tidy``).
        # A surname after an adult title ("Ms Warsame") waits too, until every full name before
        # or after it is known, and before the guesses that may be fuller names ("Leanne
        # Forshaw" as a place, beside "Ms Forshaw"), which look for the titled surname.
        self.queue: list[Finding] = []
        self.awaiting: set[int] = set()  # positions in the queue of the guesses that wait
        self.titled_later: set[int] = set()  # positions in the queue of the titled surnames that waited
        self.waiting_guesses: list[Finding] = []
        self.waiting_titled: list[Finding] = []
        self.person_ending: dict[tuple[int, int], Person] = {}  # (unit, end of a name) -> its person


    def named_apart(self, verb: str, rest: str) -> bool:
        """Whether the draft writes the one word ``rest`` as a first name before a capitalised
        surname ("Connor Brightwell") and never writes ``verb`` before it inside a sentence
        (after a word in lower case or a comma, where "Said Ahmed" would be a name): then
        "Said Connor" opening a sentence is the verb and Connor (see drop_telling_verb)."""
        if " " in rest.strip():
            return False
        word = re.escape(rest.strip())
        full = re.compile(rf"(?<![\w'\u2019-]){word}[ \t]+[A-Z][a-z]")
        inside = re.compile(rf"[a-z,][ \t]+{re.escape(verb)}[ \t]+{word}(?![\w'\u2019-])")
        texts = self.draft.texts.values()
        return any(full.search(t) for t in texts) and not any(inside.search(t) for t in texts)

    def run(self, findings: Sequence[Finding]) -> None:
        """Judge ``findings`` in order, then those told to wait."""
        found, by_uid, keep = self.found, self.draft.by_uid, self.draft.settings.keep
        self.queue = list(findings)
        later = [(self.waiting_titled, self.titled_later), (self.waiting_guesses, self.awaiting)]
        for position, f in _in_phases(self.queue, later):
            unit = by_uid.get(f.unit)
            if unit is None or not f.text.strip():
                continue
            from_case = f.recogniser == CASE_FILE_RECOGNISER
            fuller: Person | None = None
            if from_case and INITIALS.fullmatch(f.text) and _inside_longer(f, self.draft.glossary_spans[f.unit]):
                # A listed person's initials inside a longer practice term: Hope Marsh's "HM" of
                # "HM Prison and Probation Service" read "Sibling 1 Prison and Probation Service".
                # Alone ("HM said"), or where the term is the initials themselves, they are hers.
                continue
            if from_case and pseudonym_letter(unit.text, f.start, f.end, keep):
                # A listed person's initial that makes a pseudonym with the word before it is the
                # pseudonym's: "SERIOUS CASE REVIEW: CHILD M" read "CHILD (first name)".
                continue
            if (
                f.category == "PERSON"
                and f.recogniser.startswith(MODEL_RECOGNISER_PREFIX)
                and inside_any(f.start, f.end, found.policy_kept_spans.get(f.unit, []))
            ):
                # The model's person inside an agency the policy keeps is the agency's place:
                # "Hollinbrook Children's" of "Hollinbrook Children's Services" was found again
                # in every agency of the area ("Person A Council"). A name the lists or the
                # case file find there is still a person.
                continue
            if not from_case:
                tidied = self.tidy(f, unit, position)
                if tidied is None:
                    continue
                f, fuller = tidied
            category = f.category
            if category == "PERSON":
                judged = self.person(f, unit, position, from_case, fuller)
                if judged is None:
                    continue
                f, key = judged
            else:
                string_key = self.string(f, unit, from_case)
                if string_key is None:
                    continue
                key = string_key
            found.scores[key] = max(found.scores.get(key, 0.0), f.score)
            found.recognisers.setdefault(key, set()).add(f.recogniser)
            found.candidates.append(
                Candidate(f.unit, f.start, f.end, key, category, f.score, f.recogniser)
            )

    def tidy(self, f: Finding, unit: TextUnit, position: int) -> tuple[Finding, Person | None] | None:
        """A detected finding's span tidied and cut to what names something, with the person
        it is the fuller name of, if any; None where it is dropped, kept or told to wait."""
        draft = self.draft
        settings, words, policy, openers = draft.settings, draft.words, draft.policy, draft.openers
        glossary_spans, case_keep_spans, glossary_words = draft.glossary_spans, draft.case_keep_spans, draft.glossary_words
        fuller: Person | None = None
        tidied = tidy_span(f, unit.text, openers if policy.date_style == "month_year" else frozenset(), openers)
        if tidied is None:
            return None
        f = drop_telling_verb(tidied, self.telling_verbs, self.case_names, self.named_apart)
        # A relative's job that is a practice role ("Mother was a former police officer") is
        # the relative's, not practice: the keep list does not keep it.
        relative_job = f.recogniser == FAMILY_OCCUPATION_RECOGNISER
        if (
            settings.keep.keeps_as_form(f.text, f.recogniser)
            # A person may bear a law's last word ("Amanda Code", "Uncle Bill").
            or (f.category != "PERSON" and settings.keep.is_law_name(f.text))
            or (f.category in ("DATE", "AGE") and settings.keep.is_age_limit(f.text))
            or (draft.glossary.is_term(f.text) and not relative_job)
        ):
            return None
        rest = settings.keep.anonymised_form_before_sentence_end(f.text)
        if rest is not None:
            # "Child A. She": the pseudonym stays; what the span ran on into is judged alone.
            tidied = tidy_span(replace(f, start=f.start + rest, text=f.text[rest:]), unit.text)
            if tidied is None or not own_name_word(unit.text, tidied.start, tidied.end, (), glossary_words) or (
                " " not in tidied.text and is_common_word(tidied.text)
            ):
                return None
            f = tidied
        # "Kendal with Mother": the label the draft uses is not part of the model's place.
        f = cut_off_label(f, unit.text, settings.keep.is_anonymised_form)
        if (
            f.category in _NAMED_GUESSES
            and f.recogniser.startswith(MODEL_RECOGNISER_PREFIX)
            and only_role_words(f.text, words)
        ):
            # "Call Mother", "Landline": a phone log's words, no body's name ("(organisation)").
            # (A month is still a date: not_names holds the months.)
            return None
        if inside_any(f.start, f.end, glossary_spans[f.unit]) and not relative_job:
            return None
        near_kept = (
            overlaps_any(f.start, f.end, case_keep_spans[f.unit])
            if f.category == "PERSON"
            else inside_any(f.start, f.end, case_keep_spans[f.unit])
        )
        if near_kept or draft.case_keep.is_term(f.text):
            # The reviewer's name, or the Board's area: kept, and a name is kept even where
            # the model's span runs on ("Alison Fairbairn Independent Reviewer"). A place
            # that merely contains the area ("Westmere General Hospital") is not kept.
            keep_row(self.found.kept, f, "named in the case file's keep list")
            return None
        if position in self.awaiting:
            # A place or body the model guessed that is a known person's fuller name ("a
            # 999 call from Leanne Forshaw" as a FAC, where she is "Ms Forshaw") is that
            # person: labelled as them, and the name is one of their forms, so it is
            # propagated and verified. Else the given name was left beside the label.
            fuller = self.book.owner_of_fuller_name(strip_title(clean_person_text(f.text), words.titles))
            if fuller is not None:
                f = replace(f, category="PERSON")
        elif may_be_fuller_name(f, words.titles, draft.is_name_word, self.place_words):
            # The person may be named only later in the document ("Ms Forshaw").
            self.waiting_guesses.append(f)
            return None
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
                self.queue.append(own)
        elif f.category == "PERSON":
            # "Jane Hill Social Worker" -> "Jane Hill": practice terms are cut off a name.
            tidied = trim_person(
                f,
                glossary_spans[f.unit],
                unit.text,
                draft.titles,
                words.leading_role,
                openers,
                settings.given_names.is_listed_surname,
            )
            if tidied is None or noun_after_family_title(tidied, unit.text, words, settings.given_names):
                return None
            f = tidied
        elif f.recogniser.startswith(MODEL_RECOGNISER_PREFIX):
            # "the NHS England Wessex Area Team" -> "Wessex Area Team": practice terms are
            # cut off a guess, never redacted. Under terms_in_names: whole, "the Leeds
            # Crown Court" stays whole instead.
            tidied = trim_off_terms(f, glossary_spans[f.unit], unit.text)
            if tidied is None or settings.keep.is_anonymised_form(tidied.text):
                # What is left may be a pseudonym: "Child F" of "Serious Case Review –
                # Child F", a heading the model read as a title of a work.
                return None
            f = tidied
        return f, fuller

    def person(
        self, f: Finding, unit: TextUnit, position: int, from_case: bool, fuller: Person | None
    ) -> tuple[Finding, str] | None:
        """The PERSON finding matched to who it is: the finding (its possessive cut off) and
        the person's key; None where it is no name or is told to wait."""
        draft, book, found = self.draft, self.book, self.found
        settings, words, titles = draft.settings, draft.words, draft.titles
        if fuller is None and not from_case and f.text.strip().lower() not in words.folded.roles:
            # "Kayleigh Marsh (Kay)", "Dean Hollis, known as 'Dezzy',": the name the draft
            # gives in brackets or after "known as" is the person's just before, who keeps
            # one label for both (their "Kay" later in the draft read as another person).
            # A role word in the bracket says who they are ("Shannon (Mum)"), no other name:
            # it read "Person A (Person A)".
            fuller = alias_owner(f, unit.text, self.person_ending)
        if fuller is not None:
            name = strip_title(clean_person_text(f.text), words.titles)
            person = book.add_form(fuller, name, (f.unit, f.start))
        else:
            # Initials after a role's shorthand ("HV BO") are a person's by their place,
            # even when they spell a common word in capitals, as a listed first name is, or a
            # first name that is a word before a person's verb ("Summer told", "nanna pat").
            listed = f.recogniser in (GIVEN_NAME_RECOGNISER, WORKER_INITIALS_RECOGNISER, INITIALS_NAME_RECOGNISER, WORD_NAME)
            # The title just before a span that leaves it out ("Mrs " of "O'Neill").
            title = unit.text[titles.extend_over(unit.text, f.start) : f.start].strip() or None
            if f.recogniser == ROLE_LABEL_NAME_RECOGNISER and all(
                zipf_frequency(t.lower(), "en") >= ORDINARY_WORD_ZIPF for t in re.findall(r"[^\W\d_]+", f.text)
            ):
                # "SW: Not Seen", "SW: Home Visit": the shape of a name after a role's label,
                # made of ordinary words. A name the lists know is found by them.
                return None
            if not from_case and self.common_word_opening(f, unit.text, title):
                return None
            if not from_case and not lone_letter_name(f, f.text) and not plausible_name(
                f.text,
                words.not_name_matcher,
                draft.glossary,
                words,
                listed=listed,
                is_first_name=settings.given_names.is_first_name,
                title=title,
            ):
                return None
            if not from_case and position not in self.titled_later and adult_titled(f, unit.text, words):
                self.waiting_titled.append(f)
                return None
            person = person_for(f, self.case_matchers, book, settings.replacements, title)
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
                found.adult_spans[(f.unit, f.start, f.end)] = person.key
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
            elif (
                person is not None
                and person.case is not None
                and person.group == "professional"
                and professional_titled(f, unit.text, title, words, settings.replacements)
                and as_given(clean_person_text(f.text)) not in {as_given(a) for a in person.case.aliases}
                and other_role(person.case, f.text, title, words, settings.replacements)
            ):
                # "PC Hill", where the case file lists Jane Hill, a social worker: the title
                # names a practitioner of another role, not her ("Social Worker 1 attended").
                person = book.add(f.text, (f.unit, f.start), titled=True, title=title, not_person=person)
            if person is not None and person.case is None and role_before(unit.text, f.start, words)[1] == "family":
                # "Her mother, Emma Hill": a member of the family, whom a surname after a rank
                # ("PC Hill") is not (it made the mother "Police Officer 1").
                person.kin = True
            if person is None:
                return None
        key = person.key
        self.person_ending[(f.unit, f.end)] = person
        if from_case and has_no_capitals(f.text) and has_no_capitals(unit.text) and is_common_word(f.text):
            found.lower_case_names.setdefault(key, set()).add(f.text)
        # The possessive stays in the text: "Kayleigh's" -> "Mother's", not "Mother".
        possessive = re.search(r"['\u2019]s?$", f.text)
        if possessive and f.end - f.start > len(possessive.group(0)):
            f = replace(f, end=f.end - len(possessive.group(0)), text=f.text[: possessive.start()])
        return f, key

    def common_word_opening(self, f: Finding, text: str, title: str | None) -> bool:
        """Whether the model's one-word PERSON guess ``f`` is a common English word opening a
        sentence, with nothing else to say it is a name: no list holds it as a first name or
        a surname, no title stands before it, no person's verb follows it (people.yml
        ``person_verbs``: "Princess was taken into care"), and the draft never capitalises it
        inside a sentence; a paragraph's number may stand before it ("7.4 Schools and the local
        authority should" read "7.4 Person H and"). "Attendance was poor" read "Person A was poor"; "Grace was poor"
        (a listed first name) is still a person. The word must also end as English words do
        and names do not (people.yml ``word_endings``: "Attendance", "Housing"), or be written
        in lower case elsewhere in the draft: a nickname of a common word the lists lack
        ("Bubbles was found crying") stays a person. Inside a sentence, a word listed beside a
        kept practice term counts as one opening it (``listed_with_practice_terms``)."""
        word = f.text.strip()
        given_names = self.draft.settings.given_names
        return (
            f.recogniser.startswith(MODEL_RECOGNISER_PREFIX)
            and title is None
            and word.isalpha()
            and word[:1].isupper()
            and word[1:].islower()
            and (
                (
                    (at_sentence_start(text, f.start) or after_paragraph_number(text, f.start))
                    and not self.word_cases.capitalised_in_sentence(word)
                )
                or self.listed_with_practice_terms(f, text)
            )
            and is_common_word(word)
            and not given_names.is_first_name(word)
            and not given_names.is_listed_surname(word)
            and self.draft.words.person_verb_after.match(text, f.end) is None
            and (self.draft.words.has_word_ending(word) or self.word_cases.written_in_lower_case(word))
        )

    def listed_with_practice_terms(self, f: Finding, text: str) -> bool:
        """Whether ``f`` stands in a list beside a kept practice term, joined by a comma,
        "and", "or" or "&": "the council's Early Years, Attendance and Virtual School teams"
        read "Early Years, Person A and Virtual School teams". A capitalised service word in
        such a list is the service's, as at the start of a sentence."""
        for start, end in self.draft.glossary_spans[f.unit]:
            if end <= f.start and _LIST_JOIN.fullmatch(text, end, f.start):
                return True
            if start >= f.end and _LIST_JOIN.fullmatch(text, f.end, start):
                return True
        return False

    def string(self, f: Finding, unit: TextUnit, from_case: bool) -> str | None:
        """The key of a finding that is not a person, redacted as a string; None where it does
        not count or the policy keeps it (a kept row)."""
        draft, found = self.draft, self.found
        policy, category = draft.policy, f.category
        if policy.rule(category).action == "ignore":
            return None
        if (
            category == "SOCIAL_HANDLE"
            and not from_case
            and f.text.isalpha()
            and word_frequency(f.text.lower()) >= ACCOUNT_WORD_ZIPF
            and not draft.settings.given_names.is_first_name(f.text)
        ):
            # A word of letters after a platform's name that is an English word ("Snapchat
            # messages", "Instagram reels", "on Snapchat as well") is no account name;
            # "TikTok kianm" is (wordfreq has never seen it).
            return None
        if not from_case and category not in ("AGENCY",) and inside_any(
            f.start, f.end, found.policy_kept_spans.get(f.unit, [])
        ):
            return None
        if f.recogniser.startswith(MODEL_RECOGNISER_PREFIX) and not model_guess_counts(
            f.text,
            category,
            draft.glossary_words,
            policy.model_guesses,
            # A numbered heading's first word opens it too ("4.11 Leadership and culture").
            opens_sentence=at_sentence_start(unit.text, f.start) or after_paragraph_number(unit.text, f.start),
            in_heading=heading_like(unit.text),
            ordinary=self.ordinary_word,
            written_in_lower_case=self.word_cases.written_in_lower_case,
        ):
            return None
        if policy.rule(category).action == "keep" and not from_case:
            keep_row(found.kept, f, f"the {policy.name} policy keeps {category}")
            return None
        if category == "DATE" and policy.date_style == "month_year" and is_month_and_year(f.text):
            keep_row(found.kept, f, f"the {policy.name} policy publishes months and years")
            return None
        key = f"{category}:{normalise(f.text)}"
        found.plain_strings.setdefault(key, (f.text, category))
        if from_case:
            found.case_keys.add(key)
            for matcher in self.case_matchers:
                if matcher.person is None and matcher.replacement and matcher.pattern.fullmatch(f.text):
                    found.case_replacements[key] = matcher.replacement
        return key

    def ordinary_word(self, word: str, before: str | None) -> bool:
        """A word of a guess in capitals that names nothing: a function word, a practice word,
        a word the draft writes as an ordinary word, or a pseudonym's letter after its word
        ("CHILD M")."""
        low = word.lower()
        if len(word) == 1 and before is not None and self.draft.settings.keep.is_anonymised_form(f"{before} {word}"):
            return True
        return low in self.draft.openers or low in self.lower_keep_words or self.word_cases.ordinary(word)


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


def _inside_longer(f: Finding, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= f.start and f.end <= e and e - s > f.end - f.start for s, e in spans)
