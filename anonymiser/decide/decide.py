"""Turn findings into entities, replacements and edits: the decide stage.

``decide`` runs the phases in order; each is a function in a module named for its job, and
what they find is gathered in one record (``found.Found``) that each phase adds to.

The order of work, and why:
1. Tidy and correct the findings (``span_tidy``, ``reclassify`` with ``place_guesses``,
   ``date_columns``), and add the names only the words around them show (``family_words``,
   ``word_names``).
2. Judge each finding (``judge``): drop practice terms (the keep list), text already
   anonymised, and words the model mistakes for people; keep rows for what the case file or
   the policy keeps (``kept_rows``); group people, every form of a name joining one person,
   the case file's people first (``person_match``).
3. Propagate (``name_search``, ``batch_names``, ``string_search``): every redacted string,
   and every variant of every person's name, is found everywhere in the document. What is
   propagated is exactly what verification later looks for, so the two cannot disagree.
4. Resolve overlaps, the union redacted (``person_overlaps``, ``resolve``); note why people
   go for review (``doubts``); group occurrences into entities, give each its replacement
   (``labels``) and status, and produce the edits the writer applies (``entities``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from anonymiser.decide.bracketed import bracketed_births_and_ages
from anonymiser.decide.context import Draft
from anonymiser.decide.date_columns import dates_by_column
from anonymiser.decide.doubts import note_doubts, note_word_names_opening_sentences
from anonymiser.decide.entities import entities_and_edits
from anonymiser.decide.family_words import names_after_family_words
from anonymiser.decide.word_names import with_word_names
from anonymiser.decide.glosses import gloss_candidates
from anonymiser.decide.judge import judge_findings
from anonymiser.decide.kept_rows import kept_entities
from anonymiser.decide.name_search import (
    find_people_by_initials,
    join_names_beside_known_surnames,
    search_people,
    search_short_forms,
)
from anonymiser.decide.people import KnownName, labels_in_use
from anonymiser.decide.person_match import person_book, place_words_of
from anonymiser.decide.person_overlaps import give_way_to_people
from anonymiser.decide.ratings import without_practice_words
from anonymiser.decide.reclassify import reclassify
from anonymiser.decide.resolve import resolve_candidates
from anonymiser.decide.span_tidy import split_at_sentence_breaks
from anonymiser.decide.string_search import search_strings, unique_variants
from anonymiser.detect.case_file import CaseMatcher
from anonymiser.detect.names import Variant
from anonymiser.records import Edit, Entity, Finding, TextUnit
from anonymiser.settings import Settings


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
    draft = Draft.read(units, settings)
    words, texts = draft.words, draft.texts
    findings = reclassify(
        split_at_sentence_breaks(findings, texts, words.folded),
        draft.glossary_words,
        settings.given_names.is_first_name,
        texts,
        words,
        settings.given_names.is_word_name,
        settings.places.is_country,
        settings.places.is_known_place,
        settings.given_names.is_listed_surname,
    )
    # A date under a table's "DOB" heading is a date of birth (sections.yml date_columns).
    findings = dates_by_column(findings, units, settings.sections.date_columns)
    # A date or an age alone in brackets after a family member's name ("Kian Marsh
    # (03/05/2015)", "Alfie-James (8)") is a date of birth or an age (bracketed.py).
    findings = bracketed_births_and_ages(findings, draft)
    # A name right after a family role word that nothing else found ("uncle Paddy", "his nan
    # Sheila"): a person, judged, labelled and found everywhere like the others.
    findings = [
        *findings,
        *names_after_family_words(findings, texts, words, draft.glossary_words, settings.given_names),
    ]
    # First names that are ordinary words, where the words around say they are a person
    # ("Summer told the teacher", "nanna pat said"): found here, judged like the others.
    findings = with_word_names(findings, texts, words, draft.glossary_words, settings.given_names)
    # A rating after its label ("Status: AMBER") is no person called Amber, nor a name in a
    # phrase of practice ("the Grace period").
    findings = without_practice_words(findings, texts, settings.people)
    book = person_book(draft, findings, case_matchers)
    place_words = place_words_of(findings, words.titles)
    found = judge_findings(findings, draft, book, case_matchers, place_words)

    initials = find_people_by_initials(found, draft, book)
    join_names_beside_known_surnames(found, draft, book)
    # A bracketed abbreviation or original-language name right after a redacted body or place
    # ("(WSCP)", "(Sąd Rejonowy)") names it again: it is redacted too, and found everywhere.
    gloss_candidates(found, draft)
    # Propagation: people by every variant of their name, other strings as they are; each
    # pattern runs once over the whole document.
    unmatched = search_people(found, draft, book, initials, known)
    # Short forms and lone initials of the names just found everywhere ("Con" of Connor
    # Brightwell, "K's forehead" of Kian Marsh). They are read off every given name the draft
    # gives, so they come after every person's names; they are a guess, so the person goes
    # for review (short_forms.py). A lone letter or a short word is found in any text ("Person
    # K"), so neither is a secret for verification: they are propagated here only.
    search_short_forms(found, draft, book, place_words, unmatched)
    note_doubts(found)
    search_strings(found, draft)

    give_way_to_people(found, draft)
    resolved = resolve_candidates(found, draft, book)
    note_word_names_opening_sentences(found, draft, resolved)
    in_use = labels_in_use((u.text for u in units), settings.replacements)
    entities, edits = entities_and_edits(found, draft, resolved, in_use)
    return Decisions(
        entities=entities,
        edits=edits,
        secrets=unique_variants(found.secrets),
        kept=kept_entities(found.kept, start_index=len(entities) + 1),
        loose_secrets=unique_variants(found.loose),
        labels_in_use=in_use,
    )
