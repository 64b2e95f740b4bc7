"""town_after_place_word (detect/town_words.py): a town or village the model does not know,
after a word only a place follows ("in", "near", "outside") or a word of going or living
there ("moved to", "born in"). "They moved to Kingsbridge" and "relatives in Cleethorpes"
were published whole."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.detect.town_words import TOWN_WORD_RECOGNISER
from anonymiser.settings import Settings
from tests.decide.handmade import redacted
from tests.detect.recognisers import found


@pytest.fixture(scope="module")
def recogniser(detector: Detector) -> EntityRecognizer:
    [town] = [r for r in detector.registry.recognizers if r.name == TOWN_WORD_RECOGNISER]
    return town


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They moved to Kingsbridge in 2017.", ["Kingsbridge"]),
        ("They visited relatives in Cleethorpes at Easter.", ["Cleethorpes"]),
        ("a caravan park outside Padstow", ["Padstow"]),
        ("He was born in Holsworthy and grew up near Bideford.", ["Holsworthy", "Bideford"]),
        ("The family moved back to Kingsbridge.", ["Kingsbridge"]),
        ("In Kingsbridge the family had no support.", ["Kingsbridge"]),
        # Two words: from the first to the last rare one, not an institution's word after it.
        ("The family moved to Market Harborough.", ["Market Harborough"]),
        ("She was seen in Kingsbridge Hospital.", ["Kingsbridge"]),
        # Common words, practice words and abbreviations after "in": never a town here.
        ("in March, in Year 4, to Court", []),
        ("In Ofsted's view the referral to CAMHS was late.", []),
        ("moved to MASH", []),
        # A first name of the lists is a person's (other recognisers'); a possessive too.
        ("He went to Kezia's house.", []),
        ("They moved in with Kian.", []),
        # No lead-in: the word is the model's and the other recognisers' to find.
        ("Kingsbridge was the nearest town.", []),
    ],
)
def test_finds_a_rare_town_after_a_place_word(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "LOCATION") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They moved to Kingsbridge in 2017.", "They moved to (place) in 2017."),
        ("They visited relatives in Cleethorpes at Easter.", "They visited relatives in (place) at Easter."),
        ("The children went to a campsite outside Padstow.", "The children went to a campsite outside (place)."),
        # An agency named with its place is still kept whole under scr.
        (
            "She worked in Westshire County Council's children's services.",
            "She worked in Westshire County Council's children's services.",
        ),
    ],
)
def test_the_town_is_redacted_for_review(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, settings, detector) == expected
