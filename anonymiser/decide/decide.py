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
from collections.abc import Sequence
from dataclasses import dataclass, field


from anonymiser.decide.dates import month_and_year, month_and_year_range
from anonymiser.decide.keep import inside_any, overlaps_any
from anonymiser.decide.recognisers import (
    FAMILY_WORD_NAME,
    FUZZY,
    PROPAGATED,
)
from anonymiser.decide.words import (
    at_sentence_start,
    own_name_word,
)
from anonymiser.decide.person_match import (
    place_words_of,
    untitled_name,
)
from anonymiser.decide.name_search import couple_titles
from anonymiser.decide.kept_rows import kept_entities
from anonymiser.decide.labels import person_labels
from anonymiser.decide.string_search import match_key, searchable, unique_variants
from anonymiser.decide.context import Draft
from anonymiser.decide.judge import judge_findings
from anonymiser.decide.glosses import gloss_candidates
from anonymiser.decide.name_search import (
    find_people_by_initials,
    join_names_beside_known_surnames,
    search_people,
    search_short_forms,
)
from anonymiser.decide.people import (
    KnownName,
    PersonBook,
    children_named,
    labels_in_use,
)
from anonymiser.decide.spans import Candidate, join_durations, join_names, resolve_overlaps
from anonymiser.decide.family_words import family_references, names_after_family_words
from anonymiser.decide.reclassify import reclassify
from anonymiser.decide.span_tidy import (
    split_at_sentence_breaks,
)
from anonymiser.detect.case_file import CaseMatcher
from anonymiser.detect.model import MODEL_RECOGNISER_PREFIX
from anonymiser.detect.names import (
    Variant,
    compile_variants,
    is_common_word,
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
    draft = Draft.read(units, settings)
    words, policy, glossary, case_keep = draft.words, draft.policy, draft.glossary, draft.case_keep
    titles, by_uid, texts = draft.titles, draft.by_uid, draft.texts
    glossary_spans, glossary_words = draft.glossary_spans, draft.glossary_words
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
    place_words = place_words_of(findings, words.titles)
    found = judge_findings(findings, draft, book, case_matchers, place_words)
    candidates, kept, scores, recognisers = found.candidates, found.kept, found.scores, found.recognisers
    plain_strings, case_keys, case_replacements = found.plain_strings, found.case_keys, found.case_replacements
    lower_case_names, adult_spans = found.lower_case_names, found.adult_spans
    fuzzy_keys, policy_kept_spans = found.fuzzy_keys, found.policy_kept_spans
    openers = draft.openers
    is_name_word = draft.is_name_word

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
    people, secrets, notes, review_reasons = found.people, found.secrets, found.notes, found.review_reasons
    text_index = draft.text_index
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


def _after_leading_words(text: str, start: int, end: int, leading: frozenset[str]) -> int:
    """Where ``text[start:end]`` starts once the ``leading`` words before the rest are skipped."""
    while True:
        word = re.match(r"[^\W\d_]+\.?\s+", text[start:end])
        if not word or word.group(0).strip().rstrip(".").lower() not in leading:
            return start
        start += word.end()


