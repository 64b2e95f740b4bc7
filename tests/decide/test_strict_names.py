"""The strict policy and organisation names: a name holding a practice term is masked whole,
a guess with words beyond a person's name stays, a bracketed other name goes with the name,
and a guess cut off at an unclosed bracket.

Runs the decide stage on hand-made findings (no model), so each rule is tested on its own.
Every name here is invented.
"""

from __future__ import annotations

import pytest

from anonymiser.decide.decide import decide
from anonymiser.decide.glosses import bracketed_gloss
from anonymiser.records import Finding
from anonymiser.settings import Settings
from tests.decide.handmade import finding, one_unit, redactions


def _model(text: str, part: str, category: str, label: str, occurrence: int = 0) -> Finding:
    return finding(text, part, category, f"spacy_model:{label}", occurrence)


def test_strict_masks_a_name_that_holds_a_practice_term_whole(strict: Settings, scr: Settings) -> None:
    text = "The Brackwater Safeguarding Children Partnership met in May."
    finding = _model(text, "The Brackwater Safeguarding Children Partnership", "ORGANISATION", "ORG")
    assert redactions(text, decide([one_unit(text)], [finding], strict)) == [
        "Brackwater Safeguarding Children Partnership"
    ]
    # scr cuts the practice term off and judges the rest alone.
    assert "Brackwater Safeguarding Children Partnership" not in redactions(text, decide([one_unit(text)], [finding], scr))


def test_strict_masks_the_name_word_where_it_stands_alone(strict: Settings) -> None:
    text = "The Brackwater Safeguarding Children Partnership met in Brackwater."
    finding = _model(text, "Brackwater Safeguarding Children Partnership", "ORGANISATION", "ORG")
    redacted = redactions(text, decide([one_unit(text)], [finding], strict))
    assert redacted == ["Brackwater Safeguarding Children Partnership", "Brackwater"]


def test_strict_keeps_a_practice_term_with_only_lower_case_words(strict: Settings) -> None:
    text = "An Ofsted inspection followed."
    finding = _model(text, "Ofsted inspection", "ORGANISATION", "ORG")
    assert redactions(text, decide([one_unit(text)], [finding], strict)) == []


def test_strict_masks_courts_and_scr_keeps_them(strict: Settings, scr: Settings) -> None:
    assert "Court of Appeal" not in strict.keep.terms
    assert "Court of Appeal" in scr.keep.terms
    assert "Ofsted" in strict.keep.terms  # the other sections stay
    text = "The case went to the Court of Appeal."
    finding = _model(text, "the Court of Appeal", "ORGANISATION", "ORG")
    assert redactions(text, decide([one_unit(text)], [finding], strict)) == ["Court of Appeal"]


def test_a_guess_with_its_own_name_words_does_not_give_way_to_a_person(strict: Settings) -> None:
    # The model took "Thornbury" for a person in one place and named a court in another.
    text = "Thornbury said so. The Thornbury State Security Court sat."
    findings = [
        _model(text, "Thornbury", "PERSON", "PERSON"),
        _model(text, "The Thornbury State Security Court", "ORGANISATION", "ORG"),
    ]
    redacted = redactions(text, decide([one_unit(text)], findings, strict))
    assert "Thornbury State Security Court" in redacted


def test_a_guess_that_is_only_a_persons_name_gives_way(strict: Settings) -> None:
    text = "Kayla Brindle said so. Kayla Brindle's home was visited."
    findings = [
        _model(text, "Kayla Brindle", "PERSON", "PERSON"),
        _model(text, "Kayla Brindle's", "ORGANISATION", "ORG"),
    ]
    decisions = decide([one_unit(text)], findings, strict)
    assert [e.category for e in decisions.entities] == ["PERSON"]


@pytest.mark.parametrize("policy", ["scr", "strict"])
def test_a_guess_that_is_a_persons_name_after_a_rank_gives_way(policy: str, request: pytest.FixtureRequest) -> None:
    # "signed by Sister Faith Okonkwo" read "signed by (organisation)": the rank was taken for
    # a name word of the model's organisation, which then owned the nurse's name.
    text = "The summary, signed by Sister Faith Okonkwo, was filed."
    findings = [
        _model(text, "Sister Faith Okonkwo", "ORGANISATION", "ORG"),
        finding(text, "Faith Okonkwo", "PERSON", "given_name", score=0.85),
    ]
    decisions = decide([one_unit(text)], findings, request.getfixturevalue(policy))
    assert [e.category for e in decisions.entities] == ["PERSON"]


def test_a_bracketed_abbreviation_is_masked_with_its_name_and_everywhere(strict: Settings) -> None:
    text = "The Marlcombe Housing Trust (MHT) wrote. MHT then called."
    finding = _model(text, "The Marlcombe Housing Trust", "ORGANISATION", "ORG")
    redacted = redactions(text, decide([one_unit(text)], [finding], strict))
    # The bracket goes with the name into one label; the later "MHT" is masked on its own.
    assert redacted == ["Marlcombe Housing Trust (MHT)", "MHT"]


@pytest.mark.parametrize(
    ("after", "gloss"),
    [
        (" (MHT) wrote", "MHT"),
        (" (“MHT”) wrote", "MHT"),
        (" (Sąd Rejonowy) ruled", "Sąd Rejonowy"),
        (" (länsrätten) ruled", "länsrätten"),
        (" (see below) wrote", None),
        (" (“the Trust”) wrote", None),
        (" (Rule 21 § 4) sat", None),
        (" (unanimously) ruled", None),
        (" (a) and (b)", None),
        (" wrote (MHT)", None),
    ],
)
def test_bracketed_gloss(after: str, gloss: str | None) -> None:
    text = "The Trust" + after
    span = bracketed_gloss(text, len("The Trust"))
    assert (text[span[0] : span[1]] if span else None) == gloss


def test_a_model_guess_ends_before_a_bracket_it_does_not_close(strict: Settings) -> None:
    text = "The Thornbury Chamber (Rule 21 § 4) sat."
    finding = _model(text, "The Thornbury Chamber (Rule 21", "ORGANISATION", "ORG")
    assert redactions(text, decide([one_unit(text)], [finding], strict)) == ["Thornbury Chamber"]


@pytest.mark.parametrize(
    ("text", "part", "label"),
    [
        ("The tenancy ended under the Housing Act 1985.", "the Housing Act 1985", "ORG"),
        ("Section 8 of the 1996 Act applied.", "the 1996 Act", "WORK_OF_ART"),
        ("The order was made under the Rules of Court.", "the Rules of Court", "ORG"),
    ],
)
def test_strict_does_not_mask_the_name_of_a_law(strict: Settings, text: str, part: str, label: str) -> None:
    category = "RARE_FEATURE" if label == "WORK_OF_ART" else "ORGANISATION"
    assert redactions(text, decide([one_unit(text)], [_model(text, part, category, label)], strict)) == []


@pytest.mark.parametrize(
    ("text", "part", "category", "label"),
    [
        ("The papers were sent to the Registrar on Monday.", "Registrar", "ORGANISATION", "ORG"),
        ("The District Registrar adjourned the hearing.", "District Registrar", "ORGANISATION", "ORG"),
        ("Counsel for the local authority agreed.", "Counsel", "LOCATION", "GPE"),
        ("Ms Brackley's Legal Adviser attended.", "Legal Adviser", "PERSON", "PERSON"),
    ],
)
def test_officers_of_a_court_are_roles_not_names(
    strict: Settings, text: str, part: str, category: str, label: str
) -> None:
    guess = _model(text, part, category, label)
    assert redactions(text, decide([one_unit(text)], [guess], strict)) == []


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Father's asylum claim was refused by the Home Office in 2019.", "Home Office"),
        ("The Crown Prosecution Service decided not to charge Mother.", "Crown Prosecution Service"),
        ("The Prison Service moved him to another prison before the birth.", "Prison Service"),
    ],
)
def test_strict_masks_government_departments_and_scr_keeps_them(
    strict: Settings, scr: Settings, text: str, body: str
) -> None:
    finding = _model(text, body, "ORGANISATION", "ORG")
    assert redactions(text, decide([one_unit(text)], [finding], strict)) == [body]
    assert redactions(text, decide([one_unit(text)], [finding], scr)) == []
    assert "Ofsted" in strict.keep.terms and "CAMHS" in strict.keep.terms  # local and regulators stay
