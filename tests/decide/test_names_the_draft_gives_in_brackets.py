"""Another name the draft gives a person, in brackets or after "known as", is theirs.

"Kayleigh Marsh (Kay) said ... Later Kay left" read "Person A (Person B) ... Person B left":
two labels for one woman, and a reader could not tell the short form was hers. And a model's
organisation that ran on into the bracket ("Tyler Brown (") swallowed the full name the name
lists found, so "Brown" was published beside "Person A". Every name is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Kayleigh Marsh (Kay) said she was fine. Later Kay left.",
         "Person A (Person A) said she was fine. Later Person A left."),
        ("Dean Hollis, known as 'Dezzy', visited. Dezzy left.", "Person A, known as 'Person A', visited. Person A left."),
        ("Dean Hollis (known as Dezzy) visited.", "Person A (known as Person A) visited."),
        # Another person in the bracket, not all it holds: two people.
        ("Kian Marsh (Kayleigh's son) was seen.", "Person A (Person B's son) was seen."),
    ],
)
def test_a_name_in_brackets_is_the_same_person(text: str, published: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == published


def test_a_model_span_into_a_bracket_does_not_cut_a_full_name(settings: Settings, detector: Detector) -> None:
    out = redacted("Tyler Brown (Mason) was seen at home.", settings, detector)
    assert "Tyler" not in out and "Brown" not in out and "Mason" not in out
