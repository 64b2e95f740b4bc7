"""Searching for a person's names only where one can start gives exactly the whole-text
scan's matches (decide/text_index.py). Randomised over invented names and texts."""

from __future__ import annotations

import random

import pytest

from anonymiser.decide.text_index import DocumentText
from anonymiser.detect.names import Variant, compile_variants, name_variants
from anonymiser.read.text import document_from_text

PIECES = [
    "Kayleigh", "Marsh", "KAYLEIGH", "kayleigh", "K.M.", "KM", "K. M.", "O'Neill", "O\u2019Neill",
    "Marsh-Hill", "Hope", "hope", "HOPE", "de Souza", "Souza", "Kayleigh Marsh", "Kayleigh  Marsh",
    "@Marsh", "Marshall", "Kayleigh's", "\u212aayleigh", "ſouza", "Ōno", "Ono", "\u00e9lise",
    "the", "mother", "said", ",", ".", "\u2014", "(", ")", "\n\n", "1999", "K", "M",
]
PEOPLE = [
    ("Kayleigh Marsh", ()),
    ("Hope Ono", ("Ōno",)),
    ("Carla de Souza", ()),
    ("Brendan O'Neill", ("Bren",)),
    ("Élise Marsh-Hill", ()),
]


def _random_text(rng: random.Random) -> str:
    return " ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 120)))


@pytest.mark.parametrize("seed", range(40))
def test_finding_names_at_their_first_words_equals_scanning_everything(seed: int) -> None:
    rng = random.Random(seed)
    document = document_from_text("\n\n".join(_random_text(rng) for _ in range(rng.randint(1, 6))))
    text = DocumentText(document.units)
    for name, aliases in PEOPLE:
        variants = name_variants(name, aliases, titles=("Mr", "Ms"), initial=True)
        pattern = compile_variants(variants)
        whole = [(u.uid, s, e) for u, s, e in text.find(pattern)]
        assert [(u.uid, s, e) for u, s, e in text.find_names(pattern, variants)] == whole


def test_a_variant_not_starting_with_a_word_scans_everything() -> None:
    document = document_from_text("met 'Bren' and Bren")
    variants = [Variant("'Bren'", case_sensitive=False), Variant("Bren", case_sensitive=False)]
    pattern = compile_variants(variants)
    text = DocumentText(document.units)
    found = [(s, e) for _u, s, e in text.find_names(pattern, variants)]
    assert found == [(s, e) for _u, s, e in text.find(pattern)] and len(found) == 2
