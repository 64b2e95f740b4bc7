"""A first name the model reads as a place or a people is a person when a verb only a person
does follows it (patterns/people.yml ``person_verbs``); a double first name it reads as a body
is no ordinary words.

The model read "Kian" as an ethnicity (NORP) and "Chelsea" as a place: "India said that Kian
had been crying" was published as "Person B said that (ethnicity) had been crying", which
tells a Board chair nothing true. Hand-made findings stand for the model's guesses; every
name here is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.decide.decide import decide
from anonymiser.decide.model_guesses import model_guess_counts
from anonymiser.settings import Settings
from tests.decide.handmade import finding, one_unit


def _replacements(text: str, findings: list, settings: Settings) -> dict[str, set[str]]:
    decisions = decide([one_unit(text)], findings, settings)
    out: dict[str, set[str]] = {}
    for edit in decisions.edits:
        out.setdefault(text[edit.start : edit.end], set()).add(edit.replacement)
    return out


@pytest.mark.parametrize(
    ("text", "word", "category", "label"),
    [
        ("Kian and his sister were at home. She said that Kian had been crying.", "Kian", "ETHNICITY", "NORP"),
        ("Mother took Chelsea to the GP. Chelsea was unwell.", "Chelsea", "LOCATION", "GPE"),
        ("Jordan told the teacher about the bruise.", "Jordan", "LOCATION", "GPE"),
    ],
)
def test_a_first_name_before_a_persons_verb_is_that_person(
    text: str, word: str, category: str, label: str, scr: Settings
) -> None:
    findings = [
        finding(text, word, category, f"spacy_model:{label}", occurrence=n, score=0.85)
        for n in range(text.count(word))
    ]
    got = _replacements(text, findings, scr)
    assert set(got) == {word}
    (replacement,) = got[word]  # one label for every mention
    assert replacement.startswith(scr.replacements.person_prefix), replacement


@pytest.mark.parametrize(
    ("text", "word", "category", "label", "descriptor"),
    [
        # Not a first name: a people, however the sentence goes on.
        ("The Polish family said they were happy.", "Polish", "ETHNICITY", "NORP", "(ethnicity)"),
        # A first name, but no verb of a person after it.
        ("The family moved from Jordan in 2015.", "Jordan", "LOCATION", "GPE", "(place)"),
    ],
)
def test_a_place_or_people_stays_one(
    text: str, word: str, category: str, label: str, descriptor: str, scr: Settings
) -> None:
    findings = [finding(text, word, category, f"spacy_model:{label}", score=0.85)]
    assert _replacements(text, findings, scr) == {word: {descriptor}}


@pytest.mark.parametrize(
    ("guess", "counts"),
    [
        # "School reported that Ellie-Mae's attendance had dropped": the model read the
        # child's name as a body. Split at its hyphen, "Ellie" and "Mae" were each common
        # enough to be no name, and the guess was dropped with no row.
        ("Ellie-Mae's", True),
        # A body named with ordinary words still identifies no one.
        ("Review Panel", False),
    ],
)
def test_a_hyphenated_name_the_model_calls_a_body_is_specific(guess: str, counts: bool) -> None:
    assert model_guess_counts(guess, "ORGANISATION", set(), "specific") is counts


@pytest.mark.parametrize(
    "text",
    [
        # An age after it (session 10): "Kian (aged 4) attends" read "(ethnicity) (age) attends".
        "Kian (aged 4) attends the nursery.",
        "Kian, then 14 weeks old, had fractures.",
    ],
)
def test_a_first_name_with_an_age_is_that_person(text: str, scr: Settings) -> None:
    got = _replacements(text, [finding(text, "Kian", "ETHNICITY", "spacy_model:NORP", score=0.85)], scr)
    (replacement,) = got["Kian"]
    assert replacement.startswith(scr.replacements.person_prefix), got


def test_a_people_with_an_age_stays_one(scr: Settings) -> None:
    text = "The Polish (aged 4) group met."
    got = _replacements(text, [finding(text, "Polish", "ETHNICITY", "spacy_model:NORP", score=0.85)], scr)
    assert got["Polish"] == {"(ethnicity)"}, got
