"""A first name that is also a town is the town after a word of going or living there
("gone to Kendal", "moved to Chester", "born in Florence"), and the person elsewhere.

"Kendal had gone to Kendal with Mother." read "Person A had gone to (organisation).": the
town was taken for the girl, and the model's guess "Kendal with Mother" swallowed the label
after it. Every name is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Kendal had gone to Kendal with Mother.", "Person A had gone to (place) with Mother."),
        ("The family travelled to Chester with Mother.", "The family travelled to (place) with Mother."),
        ("Kendal went to Chester.", "Person A went to (place)."),
        ("Mother moved to Kendal in 2019. Kendal said she was happy.", "Mother moved to (place) in 2019. Person A said she was happy."),
        ("Father was born in Florence and came to England in 2001.", "Father was born in (place) and came to England in 2001."),
        # A possessive, a person's verb, or another verb: the person.
        ("Mother went to Kendal's party.", "Mother went to Person A's party."),
        ("Mother took Kendal to the GP.", "Mother took Person A to the GP."),
        ("Mother talked to Chester about school.", "Mother talked to Person A about school."),
    ],
)
def test_a_first_name_after_going_or_living_there_is_a_town(
    text: str, published: str, settings: Settings, detector: Detector
) -> None:
    assert redacted(text, settings, detector) == published
