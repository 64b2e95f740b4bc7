"""A professional named by a title and surname ("Prison Officer Dawes") keeps the role's label
wherever the same surname comes back under an honorific ("Mr Dawes"): one person, "Prison
Officer 1", when nothing says there are two. A professional title before a listed family's
surname names a practitioner, not the family member ("Dr Brightwell" read "Sibling 2")."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Prison Officer Dawes said he was calm. Mr Dawes wrote a report.",
            "Prison Officer 1 said he was calm. Prison Officer 1 wrote a report.",
        ),
        (
            "Mr Dawes wrote a report. Prison Officer Dawes said he was calm.",
            "Prison Officer 1 wrote a report. Prison Officer 1 said he was calm.",
        ),
        # The model read "Later Mr Dawes" as an organisation: "(organisation) wrote a report".
        (
            "Prison Officer Dawes attended. Later Mr Dawes wrote a report.",
            "Prison Officer 1 attended. Later Prison Officer 1 wrote a report.",
        ),
        # Another honorific is another person (patterns/people.yml honorifics).
        (
            "Prison Officer Dawes attended. Mr Dawes and Mrs Dawes were his parents.",
            "Prison Officer 1 attended. Prison Officer 1 and Person A were his parents.",
        ),
    ],
)
def test_one_professional_one_label(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, settings, detector) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Riley and Connor Brightwell, Kian, Kayleigh, Hope and Denise Marsh are the family.
        ("Dr Brightwell attended.", "Doctor 1 attended."),
        ("Prison Officer Brightwell attended.", "Prison Officer 1 attended."),
        ("Prison Officer Marsh attended the prison.", "Prison Officer 1 attended the prison."),
        ("PC Marsh attended. PC Reeve attended.", "Police Officer 2 attended. Police Officer 1 attended."),
        # A name or alias the case file gives is still that person's.
        ("Mr Brightwell attended.", "Mother's partner attended."),
        ("PC Reeve attended.", "Police Officer 1 attended."),
        ("Ms Marsh attended.", "Mother attended."),
    ],
)
def test_a_professional_title_before_a_family_surname(
    case_settings: Settings, detector: Detector, text: str, expected: str
) -> None:
    assert redacted(text, case_settings, detector) == expected
