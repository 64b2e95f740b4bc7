"""People as minutes and case notes write them, from a red-team pass over invented drafts:
initials before a bracketed role ("JH (SW)"), after a family word ("mum (SM)"), and given
actions after a full stop ("KM to follow up"); a name after a role's label and a colon
("SW: Tamsin Price", a first name the lists lack); a name broken over a line ("Declan /
Whitlow"). Each was published. Every name is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Present: JH (SW), KM (HV), RB (school nurse).", ["JH", "KM", "RB"]),
        ("Present: JH (SW), KM (HV). JH said mum was out. KM to follow up.", ["JH", "KM"]),
        ("Apologies: Dr AO (GP), TW (health visitor).", ["AO", "TW"]),
        ("12/03 - HV KB visited, mum (SK) not in.", ["KB", "SK"]),
        ("Seen with dad (DW) at clinic.", ["DW"]),
        ("SW: TAMSIN PRICE", ["TAMSIN", "PRICE"]),
        ("SW: Tamsin Price", ["Tamsin", "Price"]),
        ("Social worker: Tamsin Price", ["Tamsin", "Price"]),
        ("Allocated worker: Tamsin Oduya-Price visited.", ["Tamsin", "Oduya"]),
        ("The father, Declan\nWhitlow, was not present.", ["Declan", "Whitlow"]),
        ("Mother (Shannon\nPrice) attended.", ["Shannon", "Price"]),
        # A numbered label with its key in brackets: the model read nothing there (session 10).
        ("SW1 (Sulwen Trevaskis) closed the case.", ["Sulwen", "Trevaskis"]),
        ("Social Worker 2 (Sulwen Trevaskis) visited; HV 3 (Quenby Polglaze) did not.", ["Sulwen", "Trevaskis", "Quenby", "Polglaze"]),
    ],
)
def test_names_in_notes_and_minutes_are_redacted(
    text: str, gone: list[str], settings: Settings, detector: Detector
) -> None:
    out = redacted(text, settings, detector)
    assert not [g for g in gone if g in out], out


@pytest.mark.parametrize(
    "text",
    [
        "SW: Visit completed, no concerns.",
        "GP: Harrowfold Medical Centre",
        "Present: MASH (Police), CSC (Early Help).",
        "Outcome: Child Protection Plan",
        "The plan (CP) was agreed.",
        "SW1 (Not Seen) and SW2 (Home Visit) were recorded.",
    ],
)
def test_practice_shapes_are_not_names(text: str, settings: Settings, detector: Detector) -> None:
    out = redacted(text, settings, detector)
    assert "Person" not in out and "Worker" not in out, out
