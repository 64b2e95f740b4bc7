"""A first name that is also a word or a place, opening a sentence before a verb only a
person does (people.yml ``person_verbs``), is the person: "Hope attended the appointment"
was published, "Jayden went to the park" read "(place) went to the park". The same word
before other words stays a word. Every name is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Hope attended the appointment with her aunt.", "Person A attended the appointment with her aunt."),
        ("Jayden went to the park with Mother.", "Person A went to the park with Mother."),
        ("Faith refused to speak to the nurse.", "Person A refused to speak to the nurse."),
        ("Summer went missing on Friday.", "Person A went missing on Friday."),
        ("India rang the ambulance.", "Person A rang the ambulance."),
        ("Hope was expressed that things would improve.", "Hope was expressed that things would improve."),
        # A practitioner's acts (session 10): the model read these first names as places.
        ("Tamsin visited the family at home.", "Person A visited the family at home."),
        ("Jordan reported that the flat was cold.", "Person A reported that the flat was cold."),
        ("Leeds reported a rise in referrals.", "(place) reported a rise in referrals."),
        ("At the clinic Kian weighed 9.2kg.", "At the clinic Person A weighed 9.2kg."),
    ],
)
def test_a_first_name_before_a_persons_verb_is_a_person(
    text: str, published: str, settings: Settings, detector: Detector
) -> None:
    assert redacted(text, settings, detector) == published
