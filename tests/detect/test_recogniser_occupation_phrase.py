"""occupation_phrase (patterns/recognisers/case_features.yml): a job the occupation list does
not know, found from the sentence's shape ("Mr Ravel Oduya, an agricultural engineer,", "she
was a medical secretary"); strict masks it, scr ignores it."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.decide.decide import decide
from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings, load_settings
from tests.decide.handmade import finding, one_unit, redacted, redactions
from tests.detect.recognisers import found, load_one

ENTITY = "OCCUPATION_PHRASE"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("occupation_phrase")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr Ravel Oduya, an agricultural engineer, lived on the farm.", ["agricultural engineer"]),
        ("Ms Tamsin Orde, a university lecturer in law, was the children's aunt.", ["university lecturer in law"]),
        ("Mother was a medical secretary at the time.", ["medical secretary"]),
        ("Her partner is a self-employed silver service waiter.", ["silver service waiter"]),
        ("Father had been a civil servant until 2015.", ["civil servant"]),
        ("The grandfather was an inventor.", ["inventor"]),
        ("He was a non-commissioned officer in the army.", ["non-commissioned officer"]),
        ("Her employment as a consultant microbiologist at the hospital ended.", ["consultant microbiologist"]),
        ("He began work at the hotel as a silver service waiter.", ["silver service waiter"]),
    ],
)
def test_finds_a_job_said_of_a_person(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Not jobs: what a person is to the case, or a thing.
        "Father was a suspect in the burglary.",
        "The boy was a witness, and his sister was a victim.",
        "Mother was a member of the church.",
        "She was a heavy drinker.",
        "There was a letter from the school.",
        "This was an error.",
        "It is a matter for the court.",
        "Her partner was a regular visitor.",
        "Kian was a minor.",
        "Mother, as a teenager, was often missing.",
        "Father had spoken to her as a reminder.",
        # A job word not in that shape.
        "The engineer came to fix the boiler.",
        # Nothing after the word says it is the end of the description.
        "She was a carpenter's daughter.",
    ],
)
def test_finds_no_job_in_other_sentences(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []


def test_strict_masks_the_job_and_scr_keeps_it() -> None:
    text = "Mother was a medical secretary."
    job = finding(text, "medical secretary", ENTITY, "occupation_phrase", score=0.6)
    strict = load_settings(policy="strict", scope="full")
    scr = load_settings(policy="scr", scope="full")
    assert redactions(text, decide([one_unit(text)], [job], strict)) == ["medical secretary"]
    assert redactions(text, decide([one_unit(text)], [job], scr)) == []


def test_a_practitioners_role_stays(each_policy: tuple[Settings, Detector]) -> None:
    # The keep list's practice roles are not a family's jobs: "she was a social worker" in a
    # chronology is the worker's role, kept under both policies.
    settings, detector = each_policy
    text = "On 3 March the allocated worker, who was a social worker, visited the home."
    assert "social worker" in redacted(text, settings, detector)
