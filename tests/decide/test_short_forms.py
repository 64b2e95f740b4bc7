"""Short forms and lone initials that the draft itself makes clear, without a case file:
"Con did it" where the draft names Connor Brightwell, "small bruise K's forehead" where it
names Kian Marsh. Each is that person (their label), sent for the consultant's review;
months, references, labels ("vitamin K", "Child K"), practitioners' initials and words
beside other capitalised words are not. Hand-made findings: no model. Every person is
invented."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from anonymiser.decide.decide import Decisions, decide
from anonymiser.records import Entity, Finding
from anonymiser.settings import Settings
from tests.conftest import settings_with_case
from tests.decide.handmade import finding, one_unit, redactions

MODEL = "spacy_model:PERSON"
PARTNER = "The mother's partner, Connor Brightwell, was often at the house. "


def _decide(text: str, names: list[str], settings: Settings, extra: list[Finding] | None = None) -> Decisions:
    findings = [finding(text, name, "PERSON", MODEL, score=0.85) for name in names]
    return decide([one_unit(text)], [*findings, *(extra or [])], settings)


def _person_of(decisions: Decisions, text: str) -> Entity:
    return next(e for e in decisions.entities if e.category == "PERSON" and e.text == text)


def _labels(text: str, decisions: Decisions) -> dict[str, set[str]]:
    """Each redacted stretch of ``text`` with the replacements it was given."""
    out: dict[str, set[str]] = {}
    for edit in decisions.edits:
        out.setdefault(text[edit.start : edit.end], set()).add(edit.replacement)
    return out


# ----------------------------------------------------------------------------- short forms


@pytest.mark.parametrize(
    ("sentence", "short"),
    [
        ('Kian told his father "Con did it" and cried.', ["Con"]),
        # (Not "Hope told ...": a first name before a person's verb is a name of its own.)
        ('The girl told a police officer that "Con shouted at Kian".', ["Con"]),
        ("Nobody asked about Con's temper.", ["Con"]),
        # Once seen away from a sentence's start, it is his wherever it stands alone.
        ("She said that Con was there. Con left at noon.", ["Con", "Con"]),
        ("When Con arrived, the children went quiet.", ["Con"]),
    ],
)
def test_a_short_form_of_a_given_name_in_the_draft_is_that_person(
    scr: Settings, sentence: str, short: list[str]
) -> None:
    text = PARTNER + sentence
    decisions = _decide(text, ["Connor Brightwell"], scr)
    assert redactions(text, decisions) == ["Connor Brightwell", *short]
    labels = _labels(text, decisions)
    assert labels["Con"] == labels["Connor Brightwell"] and len(labels["Con"]) == 1
    connor = _person_of(decisions, "Connor Brightwell")
    assert connor.status == "needs_review"
    assert "short form of a name found in this draft" in connor.reason


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        # Only at a sentence's start, where every word is capitalised.
        ("Connor Brightwell", "Con artists had targeted the family."),
        # Beside another capitalised word: part of a longer name.
        ("Connor Brightwell", "He played in a band called Con Brio for years."),
        ("Connor Brightwell", "They met at a café on Con Street."),
        # After an article: a noun.
        ("Connor Brightwell", "The report calls it the Con in its summary."),
        # Abbreviations of months and references (patterns/people.yml not_short_forms).
        ("Janet Hollis", "The review panel met in Jan and again in Mar."),
        ("Arthur Penrose", "The family relied on Art 8 of the Convention."),
        # A role word is the role ("Mum" of Mumtaz).
        ("Mumtaz Begum", "The children told Mum about it."),
        # Lower case is an ordinary word.
        ("Connor Brightwell", "It was a con from the start."),
    ],
)
def test_words_that_are_not_a_short_form(scr: Settings, name: str, sentence: str) -> None:
    text = f"The mother's partner, {name}, was often at the house. {sentence}"
    decisions = _decide(text, [name], scr)
    person = _person_of(decisions, name)
    assert "short form" not in person.reason
    assert redactions(text, decisions) == [name]


def test_a_short_form_of_several_given_names_reads_first_name(scr: Settings) -> None:
    text = "Daniel Okoro and Danielle Okafor lived next door. The children said Dan was kind to them."
    decisions = _decide(text, ["Daniel Okoro", "Danielle Okafor"], scr)
    labels = _labels(text, decisions)
    assert labels["Dan"] == {scr.replacements.shared_given_name}
    assert labels["Daniel Okoro"] != labels["Danielle Okafor"]


def test_a_place_or_kept_term_is_no_short_form(scr: Settings, tmp_path: Path) -> None:
    text = "Kenton Ashby was seen at home. Services in Kent were stretched that year."
    # The model's place: it stays a place, not Kenton.
    place = finding(text, "Kent", "LOCATION", "spacy_model:GPE", score=0.85)
    decisions = _decide(text, ["Kenton Ashby"], scr, [place])
    assert "short form" not in _person_of(decisions, "Kenton Ashby").reason
    assert all(e.category != "PERSON" or "Kent" not in [o.text for o in e.occurrences] for e in decisions.entities)
    # The case file keeps it (the Board's area): kept.
    kept = settings_with_case(tmp_path, 'people: []\nkeep: ["Kent"]\n')
    decisions = _decide(text, ["Kenton Ashby"], kept)
    assert redactions(text, decisions) == ["Kenton Ashby"]


# -------------------------------------------------------------------------- lone initials

RECORD = "Kian Marsh was seen at clinic with his mother. "


@pytest.mark.parametrize(
    ("sentence", "letters"),
    [
        ('The record reads "small bruise K\'s forehead, mum says bumped on coffee table, K running around clinic".', 2),
        ("The nurse saw K on the ward and noted nothing.", 1),
        ("The note says that K was happy.", 1),
    ],
)
def test_a_family_members_lone_initial_used_as_a_name_is_that_person(
    scr: Settings, sentence: str, letters: int
) -> None:
    text = RECORD + sentence
    decisions = _decide(text, ["Kian Marsh"], scr)
    assert redactions(text, decisions) == ["Kian Marsh", *["K"] * letters]
    labels = _labels(text, decisions)
    assert labels["K"] == labels["Kian Marsh"]
    kian = _person_of(decisions, "Kian Marsh")
    assert kian.status == "needs_review"
    assert "lone initial of a family member named in this draft" in kian.reason


@pytest.mark.parametrize(
    "sentence",
    [
        "Child K was seen by the doctor.",
        "Child K's mother was seen by the doctor.",
        "The role of vitamin K's absorption was unclear.",
        "He was given Vitamin K at birth.",
        "He was given vitamin K at birth.",
        "Appendix K sets out the chronology.",
        "The case was held at tier K for a month.",
        "Options J and K were considered by the panel.",
        "Options J, K were both refused.",
        # Not used as a name: no possessive, no lower-case word on both sides.
        "The form was marked K.",
    ],
)
def test_letters_that_are_labels_are_not_a_family_members_initial(scr: Settings, sentence: str) -> None:
    text = RECORD + sentence
    decisions = _decide(text, ["Kian Marsh"], scr)
    assert redactions(text, decisions) == ["Kian Marsh"]
    assert "lone initial" not in _person_of(decisions, "Kian Marsh").reason


def test_a_practitioners_initial_and_the_article_are_not_taken(scr: Settings) -> None:
    text = (
        "The social worker, Kirsty Dale, visited. Isla Marsh was at home. "
        "The visit note says that K was late, and then I said it was fine."
    )
    decisions = _decide(text, ["Kirsty Dale", "Isla Marsh"], scr)
    assert redactions(text, decisions) == ["Kirsty Dale", "Isla Marsh"]


def test_left_and_right_in_a_clinical_note_are_not_initials(scr: Settings) -> None:
    text = "Leanne Forshaw visited often. Body map: bruise L cheek approx 2cm, and L's coat was wet."
    decisions = _decide(text, ["Leanne Forshaw"], scr)
    # "L cheek" is the left cheek; the possessive is still her name.
    assert redactions(text, decisions) == ["Leanne Forshaw", "L"]
    assert text.index("L's") == sorted(decisions.edits, key=lambda e: e.start)[-1].start


def test_an_initial_several_family_members_share_reads_first_name(scr: Settings) -> None:
    text = "Kian Marsh lived with Kayleigh Marsh. The record says small bruise K's forehead."
    decisions = _decide(text, ["Kian Marsh", "Kayleigh Marsh"], scr)
    assert _labels(text, decisions)["K"] == {scr.replacements.shared_given_name}


# ----------------------------------------------------------------------------- diminutives


@pytest.mark.parametrize(
    ("name", "sentence", "short"),
    [
        ("Elizabeth Carr", "The children said that Liz was kind to them.", "Liz"),
        ("Elizabeth Carr", "The neighbour said that Beth was often out.", "Beth"),
        ("William Hoole", "Kian said that Bill had shouted at him.", "Bill"),
        ("Margaret Dunn", "The school rang Peggy twice that week.", "Peggy"),
    ],
)
def test_a_known_diminutive_of_a_given_name_is_that_person(scr: Settings, name: str, sentence: str, short: str) -> None:
    text = f"The grandmother, {name}, cared for the children. {sentence}"
    decisions = _decide(text, [name], scr)
    assert redactions(text, decisions) == [name, short]
    labels = _labels(text, decisions)
    assert labels[short] == labels[name]
    assert "short form of a name found in this draft" in _person_of(decisions, name).reason
    # Without the diminutives list, only beginnings count.
    plain = replace(scr, people=replace(scr.people, diminutives=False))
    assert redactions(text, _decide(text, [name], plain)) == [name]


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        # Inside a practice term ("Clare" is a diminutive of Claire).
        ("Claire Munro", "She was told under Clare's Law about his past."),
        # Not a diminutive of the name the draft gives.
        ("Margaret Dunn", "The children said that Liz was kind to them."),
        # The same rules as for a beginning: after an article, beside a capitalised word.
        ("William Hoole", "The Minister introduced the Bill in the spring."),
        ("William Hoole", "The Children and Social Work Bill was debated."),
    ],
)
def test_words_that_are_not_a_diminutive_here(scr: Settings, name: str, sentence: str) -> None:
    text = f"The grandmother, {name}, cared for the children. {sentence}"
    decisions = _decide(text, [name], scr)
    assert redactions(text, decisions) == [name]
    assert "short form" not in _person_of(decisions, name).reason
