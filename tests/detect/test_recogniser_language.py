"""language_terms (patterns/recognisers/languages.yml): a family's language, found by the
words around it whatever the model reads ("Mrs Abdi speaks Somali." was published when a
sentence followed it, as the model then read no people there)."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings
from tests.detect.recognisers import found, load_one

ENTITY = "LANGUAGE"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("language_terms")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mrs Abdi speaks Somali. Her father is of Bangladeshi descent.", ["Somali"]),
        ("Mother's first language is Urdu and she speaks some English.", ["Urdu"]),
        ("First language: Tigrinya", ["Tigrinya"]),
        ("Father is fluent in Pashto and Dari.", ["Pashto and Dari"]),
        ("A Tigrinya interpreter attended; Kian is Polish-speaking.", ["Tigrinya", "Polish"]),
        ("The letter was translated into Romanian.", ["Romanian"]),
        ("She uses Kurdish at home and needed a Sorani interpreter.", ["Kurdish", "Sorani"]),
        ("The family spoke Sylheti, Bengali or Urdu at home.", ["Sylheti, Bengali or Urdu"]),
    ],
)
def test_finds_languages_by_the_words_around_them(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Mr Zielinski is a Polish national living in Westmere.",  # a nationality: the model's
        "She will polish the report before the panel meets.",  # a verb
        "English is his first language; he speaks English at school.",  # English: practice
        "The language used in the assessment was not clear.",
        "He speaks to his mother every day.",
    ],
)
def test_leaves_other_uses_alone(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []


def test_published_sentence_now_reads_language(settings: Settings, detector: Detector) -> None:
    text = "Mrs Abdi speaks Somali. Her father is of Bangladeshi descent."
    decisions, _plan = analyse(document_from_text(text), settings, detector)
    out = text
    for edit in sorted(decisions.edits, key=lambda e: -e.start):
        out = out[: edit.start] + edit.replacement + out[edit.end :]
    assert "speaks (language)" in out and "Somali" not in out, out


# Session 12: a new draft (the social care IMR) published "Polish" as an ethnicity in
# "sings to him in Polish" and "interpreter needed (Polish)", and "Urdu" as a place in
# "in Urdu at home": a language after "in" that ends a phrase, or after an interpreter flag.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("His father sings to him in Polish and he settles.", ["Polish"]),
        ("The mother speaks to the children in Urdu at home.", ["Urdu"]),
        ("The letter was sent in Tigrinya, as she asked.", ["Tigrinya"]),
        ("Mum said she prays in Arabic.", ["Arabic"]),
        ("Piotr Zielinski, father, interpreter needed (Polish)", ["Polish"]),
        ('flag: "interpreter required – Somali"', ["Somali"]),
        ("Interpreter: Romanian", ["Romanian"]),
    ],
)
def test_finds_a_language_after_in_or_an_interpreter_flag(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "He was born in Polish territory before the war.",  # a nationality before a noun
        "The case was heard in Polish courts.",
        "She trained in French cookery.",
        "The interpreter needed a break.",
    ],
)
def test_in_before_a_noun_is_no_language(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []
