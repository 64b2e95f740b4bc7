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


def test_other_forms_of_practice_words_are_practice_words() -> None:
    # "chronologies" is the keep list's "chronology": raising it sent a practice word to
    # review as "(a specific issue)". A rare word is still raised in the plural.
    recogniser = RareWordRecogniser(["chronology", "genogram", "antenatal"])
    text = "IMRs and chronologies, two genograms, known antenatally; footbridges."
    assert [text[r.start : r.end] for r in recogniser.analyze(text, ["RARE_FEATURE"])] == ["footbridges"]


def test_british_spellings_count_as_their_american_forms() -> None:
    assert frequency("generalised") >= frequency("generalized") - 0.01
    assert frequency("haemorrhage") > 3


@pytest.mark.parametrize("policy", ["scr", "strict"])
def test_words_of_legal_proceedings_are_not_rare_features(policy: str) -> None:
    # The keep list's legal_words: words a review quotes from court papers, rare in general
    # English but never a person's detail. A rare word of everyday life is still raised.
    from anonymiser.decide.words import words_in
    from anonymiser.settings import load_settings

    keep = load_settings(policy=policy).keep
    recogniser = RareWordRecogniser(words_in(keep.terms))
    text = (
        "After the adjournment the bailiffs filed an affidavit on the admissibility of the "
        "interlocutory application; the claim for pecuniary damage was remitted forthwith. "
        "The child was found on the footbridge."
    )
    assert [text[r.start : r.end] for r in recogniser.analyze(text, ["RARE_FEATURE"])] == ["footbridge"]


def test_the_scheme_of_an_email_link_is_not_a_rare_word() -> None:
    # A field's "mailto:" was replaced by "(a specific issue)", which broke the link.
    from anonymiser.decide.words import words_in
    from anonymiser.settings import load_settings

    recogniser = RareWordRecogniser(words_in(load_settings().keep.terms))
    text = 'HYPERLINK "mailto:jo.smith@example.org" after the footbridge'
    assert [text[r.start : r.end] for r in recogniser.analyze(text, ["RARE_FEATURE"])] == ["footbridge"]



@pytest.mark.parametrize(
    ("word", "rare"),
    [
        # An ordinary prefix or ending on a common word: raised in the sample IMRs, they
        # said nothing a neighbour could recognise.
        ("uninjured", False),
        ("untidy", False),
        ("disorganisation", False),
        ("actioned", False),
        ("referrer", False),
        # Session 13: a negative prefix and an adverb's ending ("the framework was applied
        # inconsistently" read "applied (a specific issue)").
        ("inconsistently", False),
        ("improperly", False),
        ("irregularly", False),
        # Compounds and learned prefixes stay rare: the detail may be the case's.
        ("footbridge", True),
        ("hypernasal", True),
        ("scaffolder", True),
        ("trampolining", True),
    ],
)
def test_a_common_word_with_an_ordinary_prefix_or_ending_is_not_rare(word: str, rare: bool) -> None:
    text = f"The note said {word} twice."
    found = [text[r.start : r.end] for r in RareWordRecogniser([]).analyze(text, ["RARE_FEATURE"])]
    assert found == ([word] if rare else [])
