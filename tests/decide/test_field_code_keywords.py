"""A field code's keyword is Word's: the model takes it for part of a body's name
("DOCVARIABLE Child Name" as an ORG), and strict masks such a name whole when it holds a
practice term (``terms_in_names: whole``). In a field code that masked the keyword too,
which breaks the field. The rest of the guess is still judged and masked.

Runs the decide stage on hand-made findings (no model). Every text here is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.decide.decide import decide
from anonymiser.records import Location, TextUnit
from anonymiser.settings import Settings
from tests.decide.handmade import finding, redactions


@pytest.mark.parametrize(
    ("code", "guess", "masked"),
    [
        ("DOCVARIABLE Child Name", "DOCVARIABLE Child Name", ["Child Name"]),
        ("MERGEFIELD Westmere Lodge \\* MERGEFORMAT", "MERGEFIELD Westmere Lodge", ["Westmere Lodge"]),
    ],
)
def test_strict_never_masks_a_field_keyword(strict: Settings, code: str, guess: str, masked: list[str]) -> None:
    unit = TextUnit(uid=0, text=code, location=Location("body", 1), kind="field_code")
    decisions = decide([unit], [finding(code, guess, "ORGANISATION", "spacy_model:ORG")], strict)
    assert redactions(code, decisions) == masked
