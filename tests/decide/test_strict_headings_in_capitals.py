"""strict and the model's guesses in capitals: a heading written in capitals looks to the model
like a name throughout ("SUMMARY OF INVOLVEMENT" was "SUMMARY OF (place)", "INDIVIDUAL
MANAGEMENT REVIEW: CHILD M" an organisation). A guess in capitals whose words the draft itself
writes as ordinary words (in lower case, and never capitalised inside a sentence) names
nothing; a word the draft never writes in lower case ("LEEDS"), or also writes as a name
inside a sentence ("Reading"), still counts.

Runs the decide stage on hand-made findings (no model). Every text here is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.decide.decide import decide
from anonymiser.read.text import document_from_text
from anonymiser.records import Finding
from anonymiser.settings import Settings

# The body paragraph every heading below stands over: it writes the ordinary words in lower
# case, and "Reading" as a town.
BODY = (
    "The agency's involvement began in 2016. The significant events are listed in the chronology, "
    "with the management of parental mental health, public protection work and the unit's "
    "review of the family. Staff were reading the records. The family had lived in Reading."
)


def _redacted(strict: Settings, heading: str, part: str, category: str, label: str) -> list[str]:
    units = document_from_text(f"{heading}\n\n{BODY}").units
    assert units[0].text == heading
    start = heading.index(part)
    guess = Finding(0, start, start + len(part), part, category, 0.5, label)
    decisions = decide(units, [guess], strict)
    return [units[e.unit].text[e.start : e.end] for e in decisions.edits if e.unit == 0]


@pytest.mark.parametrize(
    ("heading", "part", "category", "label"),
    [
        ("SUMMARY OF INVOLVEMENT", "INVOLVEMENT", "LOCATION", "spacy_model:GPE"),
        ("3. AGENCY INVOLVEMENT", "AGENCY INVOLVEMENT", "ORGANISATION", "spacy_model:ORG"),
        ("CHRONOLOGY OF SIGNIFICANT EVENTS", "CHRONOLOGY OF SIGNIFICANT EVENTS", "ORGANISATION", "spacy_model:ORG"),
        ("PARENTAL MENTAL HEALTH", "PARENTAL MENTAL", "ORGANISATION", "spacy_model:ORG"),
        ("PUBLIC PROTECTION REVIEW UNIT", "PUBLIC PROTECTION", "ORGANISATION", "spacy_model:ORG"),
        ("FAMILY INVOLVEMENT IN THE REVIEW", "FAMILY INVOLVEMENT", "ORGANISATION", "spacy_model:ORG"),
        # A pseudonym's letter is no name word: "CHILD M" is already anonymised.
        ("INDIVIDUAL MANAGEMENT REVIEW: CHILD M", "INDIVIDUAL MANAGEMENT REVIEW: CHILD M", "ORGANISATION", "spacy_model:ORG"),
        ("Individual Management Review: Child M", "Individual Management Review: Child M", "ORGANISATION", "spacy_model:ORG"),
        ("Serious Case Review – Child F", "Serious Case Review – Child F", "RARE_FEATURE", "spacy_model:WORK_OF_ART"),
    ],
)
def test_a_heading_of_ordinary_words_in_capitals_is_no_name(
    strict: Settings, heading: str, part: str, category: str, label: str
) -> None:
    assert _redacted(strict, heading, part, category, label) == []


@pytest.mark.parametrize(
    ("heading", "part", "category", "label"),
    [
        # Words the draft never writes in lower case: places and bodies.
        ("FROM STOKE-ON-TRENT", "STOKE-ON-TRENT", "LOCATION", "spacy_model:GPE"),
        ("THE FAMILY MOVED FROM LEEDS", "LEEDS", "LOCATION", "spacy_model:GPE"),
        ("HARROWFOLD LOCALITY TEAM", "HARROWFOLD LOCALITY TEAM", "ORGANISATION", "spacy_model:ORG"),
        ("SUMMARY OF INVOLVEMENT IN LEEDS", "INVOLVEMENT IN LEEDS", "LOCATION", "spacy_model:GPE"),
        # Written in lower case ("reading the records") and as a town inside a sentence.
        ("THE MOVE TO READING", "READING", "LOCATION", "spacy_model:GPE"),
        # Not in capitals: the model's evidence stands.
        ("The family moved to Leeds", "Leeds", "LOCATION", "spacy_model:GPE"),
        # A letter after a word that makes no pseudonym with it.
        ("INDIVIDUAL MANAGEMENT REVIEW: HARROWFOLD M", "HARROWFOLD M", "ORGANISATION", "spacy_model:ORG"),
    ],
)
def test_names_in_capitals_still_count(strict: Settings, heading: str, part: str, category: str, label: str) -> None:
    assert _redacted(strict, heading, part, category, label) == [part]
