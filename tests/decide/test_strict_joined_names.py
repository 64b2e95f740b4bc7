"""strict's join_names: a place or body whose name the model splits in two at "and" or "of"
is masked as one name, the joining word with it. Every text here is invented."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        (
            "In 2015 the family moved to the United Kingdom of Great Britain and Northern Ireland from Poland.",
            "Great Britain and Northern",
        ),
    ],
)
def test_strict_masks_a_name_split_at_and_or_of_whole(
    strict_settings: Settings, strict_detector: Detector, text: str, gone: str
) -> None:
    out = redacted(text, strict_settings, strict_detector)
    assert gone not in out and " and (" not in out, out


@pytest.mark.parametrize(
    "text",
    [
        "She appealed to the County Administrative Court (länsrätten) of the County of Harrowdale.",
        "The Marlcombe Housing Trust (MHT) of the Borough of Westmere wrote.",
    ],
)
def test_strict_does_not_join_a_name_that_ends_in_its_bracketed_other_name(
    strict_settings: Settings, strict_detector: Detector, text: str
) -> None:
    # The bracket closes the body's name: "of the" after it joins two names, and is kept.
    assert ") of the " in text and " of the " in redacted(text, strict_settings, strict_detector)
