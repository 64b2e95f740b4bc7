"""unknown_name_before_verb (detect/unknown_names.py): a name no list holds and the model does
not see, before a verb a person does. "Okonkwo was poor." and "Zuzanna ate her lunch." were
published whole; "Nkechi told the teacher" read "(place) told"."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.detect.unknown_names import UNKNOWN_NAME_RECOGNISER
from anonymiser.settings import Settings
from tests.decide.handmade import redacted
from tests.detect.recognisers import found


@pytest.fixture(scope="module")
def recogniser(detector: Detector) -> EntityRecognizer:
    [unknown] = [r for r in detector.registry.recognizers if r.name == UNKNOWN_NAME_RECOGNISER]
    return unknown


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Okonkwo was poor.", ["Okonkwo"]),
        ("Zuzanna ate her lunch.", ["Zuzanna"]),
        ("Later, Wiśniewska told the social worker.", ["Wiśniewska"]),
        ("Kowalczyk failed to attend.", ["Kowalczyk"]),
        # A common word, a practice word, no verb after it, or after "the" (a family's
        # plural name, a thing): not taken.
        ("Thereafter was a delay.", []),
        ("Cafcass said the plan was fine.", []),
        ("Okonkwo, the father.", []),
        ("Okonkwo's mother said nothing.", []),
        ("The Treharnes moved house.", []),
        # A capitalised word in -ed is the next word of a body's name, not a verb
        # ("NHS Norfolk and Waveney Integrated Care Board" read "Person A Integrated").
        ("NHS Norfolk and Waveney Integrated Care Board provided the chronology.", []),
        ("Kowalczyk Registered Charity funded the project.", []),
        ("Okonkwo attended the meeting.", ["Okonkwo"]),
    ],
)
def test_finds_an_unknown_name_before_a_verb(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "PERSON") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Ending as English places do: a town no list holds, which was published.
        ("Kettlebrook was flooded.", ["Kettlebrook"]),
        ("Later, Ashcombeford closed its library.", ["Ashcombeford"]),
        ("Harrowfold was where the family settled.", ["Harrowfold"]),
    ],
)
def test_an_unknown_word_ending_like_a_place_is_a_place(
    recogniser: EntityRecognizer, text: str, expected: list[str]
) -> None:
    assert found(recogniser, text, "LOCATION") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kettlebrook was flooded that winter.", "(place) was flooded that winter."),
        ("Okonkwo was poor.", "Person A was poor."),
        ("Nkechi told the teacher.", "Person A told the teacher."),
        # A medicine's name there stays the medicine.
        ("Olanzapine was prescribed.", "(specified medication) was prescribed."),
    ],
)
def test_the_name_is_redacted_for_review(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, settings, detector) == expected
