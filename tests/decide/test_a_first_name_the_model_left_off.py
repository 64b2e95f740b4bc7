"""A person's first word that the model left off their name, when it is no word of English:
"Harjit Singh Dhillon" was found as "Singh Dhillon", publishing "Harjit" there and in every
later "Harjit". A common word before a name ("Later", "Police", "Mother") stays. Every name
is invented."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("Harjit Singh Dhillon was interpreting for Mother. Later Harjit left.",
         "Person A was interpreting for Mother. Later Person A left."),
        ("Later Jane Hill visited.", "Later Person A visited."),
        ("Police Officer Jane Hill visited.", "Police Officer 1 visited."),
    ],
)
def test_a_rare_first_word_joins_the_name_after_it(text: str, published: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector) == published
