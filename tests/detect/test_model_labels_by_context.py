"""label_by_context (patterns/anonymiser.yml): the model's NORP is a language before
"interpreter" and a nationality before "national", and each place keeps its own reading in
the output ("a Polish interpreter" read "a (ethnicity) interpreter")."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings

TEXT = (
    "Mr Zielinski is a Polish national. His first language is Polish. Kian is of White British "
    "and Polish heritage. The reviewer met him with a Polish interpreter. Mrs Abdi speaks Somali. "
    "Her father is of Bangladeshi descent."
)


@pytest.fixture(scope="module")
def written(settings: Settings, detector: Detector) -> str:
    doc = document_from_text(TEXT)
    decisions, _plan = analyse(doc, settings, detector)
    out = TEXT
    for edit in sorted(decisions.edits, key=lambda e: -e.start):
        out = out[: edit.start] + edit.replacement + out[edit.end :]
    return out


@pytest.mark.parametrize(
    "expected",
    [
        "is a (nationality) national",
        "first language is (language)",
        "and (ethnicity) heritage",
        "a (language) interpreter",
        "speaks (language)",
        # The model reads this "Bangladeshi" as a person ("of Person A descent").
        "of (ethnicity) descent",
    ],
)
def test_each_place_reads_as_its_words_say(written: str, expected: str) -> None:
    assert expected in written, written
    assert "Polish" not in written and "Somali" not in written and "Bangladeshi" not in written


def test_the_rules_are_read_from_the_patterns(settings: Settings) -> None:
    rules = {(r.label, r.category) for r in settings.label_by_context}
    assert rules == {
        ("NORP", "LANGUAGE"), ("NORP", "NATIONALITY"), ("PERSON", "ETHNICITY"),
        # Session 13: a name after the word "agency" ("the agency Reconstruct").
        ("GPE", "AGENCY"), ("LOC", "AGENCY"), ("ORG", "AGENCY"),
    }
    language = next(r for r in settings.label_by_context if r.category == "LANGUAGE")
    assert "interpreter" in language.after and "speaks" in language.before


def test_the_words_around_it_make_it_surer(settings: Settings, detector: Detector) -> None:
    # NORP alone scores 0.6, below the policies' automatic 0.7: each "Polish" went to review,
    # one row per reading. With the words that say what it is, it is automatic.
    doc = document_from_text(TEXT)
    decisions, _plan = analyse(doc, settings, detector)
    status = {(e.category, e.text): e.status for e in decisions.entities}
    assert status[("LANGUAGE", "Polish")] == "auto"
    assert status[("NATIONALITY", "Polish")] == "auto"
    assert status[("ETHNICITY", "Polish")] == "needs_review"
