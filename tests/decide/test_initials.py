"""Lone initials used as a person's name: masked under strict (`initials: mask`), kept under
scr, where published reviews write "Child A" and "Mr X". Hand-made findings, no model. Every
name here is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.decide.decide import decide
from anonymiser.decide.initials import InitialFinder
from anonymiser.records import Finding
from anonymiser.settings import Settings
from tests.decide.handmade import one_unit, redactions


def test_policies_read_the_option(strict: Settings, scr: Settings) -> None:
    assert strict.policy.initials == "mask"
    assert scr.policy.initials == "keep"
    assert "complainant" in strict.people.person_nouns


def test_an_initial_after_a_person_word_is_masked_everywhere(strict: Settings, scr: Settings) -> None:
    text = "The complainant (M.) gave evidence. When M. spoke, Annex M was read. A meeting followed."
    assert redactions(text, decide([one_unit(text)], [], strict)) == ["M", "M"]
    assert redactions(text, decide([one_unit(text)], [], scr)) == []


def test_a_titled_initial_is_masked_where_it_stands_alone(strict: Settings, scr: Settings) -> None:
    text = "The applicant paid Mr K. in 1990. Later the court heard that K had left."
    start = text.index("Mr K.")
    finding = Finding(0, start, start + 5, "Mr K.", "PERSON", 0.8, "titled_name")
    # (The initial's full stop, inside the sentence, goes with it: "paid Person A in 1990".)
    assert redactions(text, decide([one_unit(text)], [finding], strict)) == ["Mr K.", "K"]
    assert redactions(text, decide([one_unit(text)], [finding], scr)) == ["Mr K."]


def test_a_list_of_initials_and_an_apposition(strict: Settings) -> None:
    text = "The five co-accused, A, B, H and R, were charged. A hearing on B's case followed. Annex B."
    assert redactions(text, decide([one_unit(text)], [], strict)) == ["A", "B", "H", "R", "B"]
    text = "They were sued by “K”, a former patient. The Chamber heard K."
    assert redactions(text, decide([one_unit(text)], [], strict)) == ["K", "K"]


@pytest.mark.parametrize(
    "text",
    [
        "Child A was seen by the witness.",  # a pseudonym: no seed
        "Under Rules of Court A, the applicants asked.",  # a label after a capitalised word
        "FACTS\nA. Introduction\nThe applicant, a teacher, wrote.",  # a heading's number
        "The applicant A/S, a company, complained.",  # a company form
        "The applicant J. K. Smith complained.",  # a letter inside initials
    ],
)
def test_letters_that_are_not_names(strict: Settings, text: str) -> None:
    assert redactions(text, decide([one_unit(text)], [], strict)) == []


def test_the_article_and_pronoun_are_never_taken() -> None:
    finder = InitialFinder(["co-accused"])
    text = "The co-accused, A and I, met. A meeting was held; I said so; A and I left."
    assert [text[s:e] for s, e in finder.seeds(text)] == ["A", "I"]
    assert [text[s:e] for s, e in finder.occurrences(text, "A")] == ["A", "A"]


def test_a_rank_before_a_lone_letter_is_masked_with_it(strict: Settings, scr: Settings) -> None:
    # A published review writes "Sergeant H" as a pseudonym: scr keeps it; under strict the
    # letter is a real person's initial, and the rank goes with it as a title does.
    text = "The officer, Sergeant H, said that Corporal G had left. Officer K agreed; K said so."
    assert redactions(text, decide([one_unit(text)], [], strict)) == ["Sergeant H", "Corporal G", "Officer K", "K"]
    assert redactions(text, decide([one_unit(text)], [], scr)) == []
    assert "Corporal" in strict.people.ranks


@pytest.mark.parametrize(
    "text",
    [
        "The report went to a Sergeant A meeting.",  # the article, not a name
        "Captain A Smith gave evidence.",  # an initial of a fuller name, left to the model
        "The Sergeant's Handbook, Annex B.",
    ],
)
def test_a_rank_before_a_letter_that_is_no_name(strict: Settings, text: str) -> None:
    assert redactions(text, decide([one_unit(text)], [], strict)) == []
