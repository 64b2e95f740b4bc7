"""A known person's fuller name that the model took for a place or a body is that person.

"a 999 call from Leanne Forshaw" tagged as a place (FAC), where she is otherwise "Ms Forshaw":
the whole name is hers, labelled as her and propagated; neither "(place)" nor "Leanne"
beside her label. Runs the decide stage on hand-made findings (no model). Every name here is
invented.
"""

from __future__ import annotations

import pytest

from anonymiser.decide.decide import Decisions, decide
from anonymiser.settings import Settings, load_settings
from tests.decide.handmade import finding, one_unit


@pytest.fixture(scope="module", params=["scr", "strict"])
def settings(request: pytest.FixtureRequest) -> Settings:
    return load_settings(policy=request.param, scope="full")


def _rendered(text: str, decisions: Decisions) -> str:
    for edit in sorted(decisions.edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text


TEXT = "Officers took a 999 call from Leanne Forshaw. Ms Forshaw later withdrew. Leanne moved away."


@pytest.mark.parametrize("label", ["FAC", "ORG", "GPE"])
def test_a_fuller_name_taken_for_a_place_is_the_person(settings: Settings, label: str) -> None:
    category = "ORGANISATION" if label == "ORG" else "LOCATION"
    findings = [
        finding(TEXT, "Leanne Forshaw", category, f"spacy_model:{label}"),
        finding(TEXT, "Ms Forshaw", "PERSON", "titled_name"),
    ]
    decisions = decide([one_unit(TEXT)], findings, settings)
    [person] = [e for e in decisions.entities if e.category == "PERSON"]
    assert [e.category for e in decisions.entities] == ["PERSON"]
    assert not decisions.kept
    assert "Leanne Forshaw" in person.variants
    label_text = person.replacement
    assert _rendered(TEXT, decisions) == (
        f"Officers took a 999 call from {label_text}. {label_text} later withdrew. {label_text} moved away."
    )
    assert any(v.text.lower() == "leanne forshaw" for v in decisions.secrets)


@pytest.mark.parametrize(
    "guess",
    [
        "Harrowfold Forshaw",  # a place word: the document names Harrowfold as a place
        "Central Forshaw",  # an ordinary English word
        "Safeguarding Forshaw",  # a practice word
    ],
)
def test_a_guess_with_other_words_is_not_a_fuller_name(settings: Settings, guess: str) -> None:
    text = f"We met at {guess}. Ms Forshaw came from Harrowfold."
    findings = [
        finding(text, guess, "ORGANISATION", "spacy_model:ORG"),
        finding(text, "Ms Forshaw", "PERSON", "titled_name"),
        finding(text, "Harrowfold", "LOCATION", "spacy_model:GPE", occurrence=1 if guess.startswith("Harrowfold") else 0),
    ]
    decisions = decide([one_unit(text)], findings, settings)
    [person] = [e for e in decisions.entities if e.category == "PERSON"]
    assert guess not in person.variants


def test_a_first_name_known_alone_is_not_a_surname(settings: Settings) -> None:
    # "Hope" is known only as a given name: "Leanne Hope" need not be her.
    text = "Hope was seen. A call came from Leanne Hope."
    findings = [
        finding(text, "Hope", "PERSON", "spacy_model:PERSON"),
        finding(text, "Leanne Hope", "LOCATION", "spacy_model:FAC"),
    ]
    decisions = decide([one_unit(text)], findings, settings)
    people = [e for e in decisions.entities if e.category == "PERSON"]
    assert all("Leanne Hope" not in e.variants for e in people)


def test_a_fuller_form_with_a_middle_name_is_the_person(settings: Settings) -> None:
    text = "Kayla Brindle was seen. A letter went to Kayla Tamsin Brindle."
    findings = [
        finding(text, "Kayla Brindle", "PERSON", "spacy_model:PERSON"),
        finding(text, "Kayla Tamsin Brindle", "ORGANISATION", "spacy_model:ORG"),
    ]
    decisions = decide([one_unit(text)], findings, settings)
    [person] = decisions.entities
    assert person.category == "PERSON" and "Kayla Tamsin Brindle" in person.variants
    assert "Tamsin" not in _rendered(text, decisions)
