"""A police officer named with a collar number ("PC 4471 Grainger") is a person, and the
number goes with the name. Runs detection and decision (the session detector); every name
and number is invented."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings
from anonymiser.write.text import render_text
from tests.decide.handmade import redacted


def test_an_officer_named_after_a_collar_number_is_masked_with_it(settings: Settings, detector: Detector) -> None:
    # The rank and name pattern wanted the name right after the rank: "Grainger" was kept.
    text = "1. FINDINGS\n\n1.1 PC 4471 Grainger attended and found the home clean. DC 20315 Okafor reviewed."
    doc = document_from_text(text)
    decisions, _plan = analyse(doc, settings, detector)
    out = render_text(doc, decisions.edits)
    for leak in ("Grainger", "4471", "Okafor", "20315"):
        assert leak not in out, out


@pytest.mark.parametrize(
    ("text", "published"),
    [
        # A chronology table's "By" column gives only the rank and number: both were published.
        ("By: PC 4512", "By: PC (reference number)"),
        ("DS 2231 and PCSO 7781 spoke to mother.", "DS (reference number) and PCSO (reference number) spoke to mother."),
    ],
)
def test_a_collar_number_alone_is_masked(text: str, published: str, settings: Settings, detector: Detector) -> None:
    doc = document_from_text(text)
    decisions, _plan = analyse(doc, settings, detector)
    assert render_text(doc, decisions.edits) == published


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        # An investigation's roles are practice words: "The SIO" read "The (organisation)".
        ("The SIO was DCI M. Thorne.", "The SIO was", "Thorne"),
        ("The OIC, DC Hallam, updated the family.", "The OIC,", "Hallam"),
    ],
)
def test_an_investigation_role_is_kept_and_its_officer_masked(
    text: str, kept: str, gone: str, settings: Settings, detector: Detector
) -> None:
    out = redacted(text, settings, detector)
    assert kept in out and gone not in out, out
