from __future__ import annotations

import pytest

from anonymiser.detect.rare_words import RareWordRecogniser, frequency


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was found on the footbridge at dawn.", ["footbridge"]),
        ("The scaffolder was interviewed.", ["scaffolder"]),
        ("The health visitor made a home visit.", []),  # ordinary words
        ("The genogram was updated.", []),  # practice word
        ("Kayleigh was seen.", []),  # capitalised: names are other recognisers' work
        ("Hospitalisation was generalised.", []),  # British spellings are not rare
    ],
)
def test_rare_words_are_raised(text: str, expected: list[str]) -> None:
    recogniser = RareWordRecogniser(["genogram"])
    assert [text[r.start : r.end] for r in recogniser.analyze(text, ["RARE_FEATURE"])] == expected


def test_british_spellings_count_as_their_american_forms() -> None:
    assert frequency("generalised") >= frequency("generalized") - 0.01
    assert frequency("haemorrhage") > 3
