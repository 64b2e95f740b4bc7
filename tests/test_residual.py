"""The residual re-scan (anonymiser/verify/residual.py): which parts of the written output
are read again. Pure functions on hand-made text; no model."""

from __future__ import annotations

import re

from anonymiser.read.text import document_from_text
from anonymiser.records import TextUnit
from anonymiser.settings import load_settings
from anonymiser.verify.residual import SEAM_MARGIN, beside_name_word, changed_sentences, seam_windows

REPLACEMENTS = re.compile(r"Person A|\(place\)|\(reference\)")


def _units(text: str) -> list[TextUnit]:
    return list(document_from_text(text).units)


def test_only_sentences_with_a_replacement_are_read_again() -> None:
    units = _units("Person A went home. Nothing changed here. She lived in (place).")
    windows, origin = changed_sentences(units, REPLACEMENTS)
    assert [w.text.strip() for w in windows] == ["Person A went home.", "She lived in (place)."]
    for window in windows:
        unit_uid, offset = origin[window.uid]
        assert units[unit_uid].text[offset : offset + len(window.text)] == window.text


def test_replacements_between_spaces_or_punctuation_make_no_seam() -> None:
    windows = _units("Person A went to (place), then to Person A's flat (Person A).")
    assert seam_windows(windows, REPLACEMENTS) == ([], {})


def test_a_replacement_touching_its_neighbour_is_read_with_whole_words_round_it() -> None:
    text = "The log says crime ref:(reference)/19 and then nothing more for a long while after that."
    (window,) = _units(text)
    seams, where = seam_windows([window], REPLACEMENTS)
    (seam,) = seams
    assert "(reference)/19" in seam.text
    uid, offset = where[seam.uid]
    assert uid == window.uid and text[offset : offset + len(seam.text)] == seam.text
    # Whole words only, and no further than the margin (plus the word it cuts into).
    assert seam.text == text[offset : offset + len(seam.text)].strip()
    assert len(seam.text) <= len("(reference)") + 2 * SEAM_MARGIN + 2 * len("nothing")


def test_seams_that_overlap_are_merged() -> None:
    (window,) = _units("x(place)y and z(place)w")
    seams, _ = seam_windows([window], REPLACEMENTS)
    assert [s.text for s in seams] == ["x(place)y and z(place)w"]


def _function_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_settings().people.function_words)


def test_a_capitalised_word_beside_a_replacement_sends_the_sentence_to_the_model() -> None:
    words = _function_words()
    assert beside_name_word("She met Carys \x00 at the clinic.", words)  # "Carys Person A"
    assert beside_name_word("Later \x00 Carys said so.", words)


def test_a_function_word_beside_a_replacement_does_not() -> None:
    words = _function_words()
    assert not beside_name_word("\x00 On the same day the nursery rang.", words)
    assert not beside_name_word("The visit to \x00 was cancelled.", words)
    # A name word after the same replacement is still seen.
    assert beside_name_word("Stay With \x00 Carys over the summer.", words)


def test_names_are_not_function_words() -> None:
    # Words that are also given names must stay out of the list.
    names = {"will", "may", "june", "bill", "rose", "grace", "hope", "do", "an", "so", "in", "yet", "nor"}
    assert names.isdisjoint(_function_words())
