"""A couple named once for both ("Mr and Mrs T."): the first title stands for the other person
of the couple (`couple_titles: mask`, both policies), with a label of their own. Hand-made findings, no
model; every name here is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.decide.decide import decide
from anonymiser.decide.titles import TitlePatterns
from anonymiser.settings import Settings
from tests.decide.handmade import finding, one_unit, redactions


@pytest.mark.parametrize("policy", ["scr", "strict"])
def test_the_first_title_of_a_couple_is_a_person_of_their_own(policy: str, strict: Settings, scr: Settings) -> None:
    # scr published "Mr and Person A", as if "Mr" were the person; strict gave both one label.
    text = "The neighbours, Mr and Mrs Tennick, sued. Later Mr and Mrs Tennick won."
    findings = [finding(text, "Mrs Tennick", "PERSON", "titled_name")]
    decisions = decide([one_unit(text)], findings, strict if policy == "strict" else scr)
    assert redactions(text, decisions) == ["Mr", "Mrs Tennick", "Mr", "Mrs Tennick"]
    by_text: dict[str, set[str]] = {}
    for edit in decisions.edits:
        by_text.setdefault(text[edit.start : edit.end], set()).add(edit.replacement)
    assert len(by_text["Mr"]) == 1 and by_text["Mr"] != by_text["Mrs Tennick"]
    # The title is all the draft gives of him: the consultant is asked who he is.
    (him,) = [e for e in decisions.entities if e.replacement in by_text["Mr"]]
    assert him.status == "needs_review"


@pytest.mark.parametrize("policy", ["scr", "strict"])
def test_the_first_title_of_a_couple_takes_the_label_of_the_person_it_names(
    policy: str, strict: Settings, scr: Settings
) -> None:
    # "Mr Tennick" is named on his own too: "Mr" of the couple is him, under either policy.
    # scr published "Mr and Person A", as if "Mr" were someone else.
    text = "Mr and Mrs Tennick attended. Mr Tennick said he was worried; Mrs Tennick was not."
    findings = [
        finding(text, "Mrs Tennick", "PERSON", "titled_name"),
        finding(text, "Mr Tennick", "PERSON", "titled_name"),
    ]
    decisions = decide([one_unit(text)], findings, strict if policy == "strict" else scr)
    assert redactions(text, decisions) == ["Mr", "Mrs Tennick", "Mr Tennick", "Mrs Tennick"]
    by_text = {}
    for edit in decisions.edits:
        by_text.setdefault(text[edit.start : edit.end], set()).add(edit.replacement)
    assert by_text["Mr"] == by_text["Mr Tennick"] != by_text["Mrs Tennick"]


def test_a_name_found_without_its_title(strict: Settings) -> None:
    # The model finds "Tennick"; the title before it is taken with it, and so is the couple's.
    text = "Dr & Mrs Tennick moved away."
    findings = [finding(text, "Tennick", "PERSON", "spacy_model:PERSON")]
    assert redactions(text, decide([one_unit(text)], findings, strict)) == ["Dr", "Mrs Tennick"]


@pytest.mark.parametrize(
    "text",
    [
        "Mrs Tennick and Mr Orme met.",  # two names, each with its own title
        "mr and Mrs Tennick",  # lower case is running text, not a title
        "the Board and Mrs Tennick",
    ],
)
def test_no_couple(text: str) -> None:
    titles = TitlePatterns(["Mr", "Mrs", "Dr"])
    assert titles.couple_title(text, text.index("Mrs Tennick")) is None


def test_the_couple_title_span() -> None:
    titles = TitlePatterns(["Mr", "Mrs", "Mr."])
    text = "paid to Mr. and Mrs T. forthwith"
    span = titles.couple_title(text, text.index("T."))
    assert span is not None and text[span[0] : span[1]] == "Mr."
