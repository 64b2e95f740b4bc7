"""religion_terms (patterns/recognisers/case_features.yml): a person's faith. Every policy
redacts RELIGION, but before this list only the model's NORP label found any, and it left
"Jehovah's Witness" and "Muslim" in the output."""

from __future__ import annotations

from pathlib import Path

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.api import redact_many
from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.detect.recognisers import found, load_one

ENTITY = "RELIGION"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("religion_terms")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The father is a Jehovah's Witness.", ["Jehovah's Witness"]),
        ("The mother is Muslim and a Mormon friend helped.", ["Muslim", "Mormon"]),
        ("He was raised Roman Catholic.", ["Roman Catholic"]),
        # Where a family worships (session 10).
        ("Kian attended the mosque madrasa; the family went to the Kingdom Hall.", ["mosque", "madrasa", "Kingdom Hall"]),
        ("Mother was fasting for Ramadan; they celebrated Diwali and Eid.", ["Ramadan", "Diwali", "Eid"]),
    ],
)
def test_finds_faiths(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


def test_finds_no_faith_in_a_name_or_other_text(recogniser: EntityRecognizer) -> None:
    assert found(recogniser, "Christian attended the Church of England school.", ENTITY) == []


def test_a_faith_is_not_published(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Findings\n\nThe father is a Jehovah's Witness. The mother is Muslim.\n", encoding="utf-8")
    (outcome,) = redact_many([draft], tmp_path / "out", settings, detector=detector)
    assert outcome.ok, outcome.error
    text = (tmp_path / "out" / "draft.anonymised.txt").read_text(encoding="utf-8")
    assert "Jehovah" not in text and "Muslim" not in text


def test_a_faith_the_model_reads_as_a_person_is_a_faith(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    # The model read "Sikh" here as a person: "members of the Person A gurdwara".
    draft = tmp_path / "draft.txt"
    draft.write_text("Findings\n\nThe family are members of the Sikh gurdwara on Mill Road.\n", encoding="utf-8")
    (outcome,) = redact_many([draft], tmp_path / "out", settings, detector=detector)
    assert outcome.ok, outcome.error
    text = (tmp_path / "out" / "draft.anonymised.txt").read_text(encoding="utf-8")
    assert "members of the (religion) (religion) on" in text, text
