"""hospital_name and nursery_name (patterns/recognisers/institutions.yml): wards called by a
number or by a name that is also a person's ("Willow Ward"), and family centres. Every place
here is invented."""

from __future__ import annotations

import pytest

from tests.detect.recognisers import found, load_one, spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The registrar on Ward 7B noted it.", ["Ward 7B"]),
        ("He was moved to ward 12 overnight.", ["ward 12"]),
        ("She spent four days on Willow Ward (neonatal unit).", ["Willow Ward"]),
        ("He was admitted to Rowan Ward on the Monday.", ["Rowan Ward"]),
    ],
)
def test_finds_wards(text: str, expected: list[str]) -> None:
    assert found(load_one("hospital_name"), text, "HOSPITAL") == expected


def test_a_ward_named_like_a_person_outscores_the_persons_name() -> None:
    # "Willow Ward" is also a given name and a surname (0.85): at 0.75 the ward was
    # published as "Person G", and "Ward 7B" as "Person K 7B".
    text = "She spent four days on Willow Ward and then Ward 7B."
    assert all(score > 0.85 for score in _scores(text, "hospital_name", "HOSPITAL"))


@pytest.mark.parametrize(
    "text",
    ["She spoke to Rose Ward about the referral.", "Nurse Rose Ward agreed."],
)
def test_a_person_called_ward_is_not_found_above_a_name(text: str) -> None:
    # Only a ward's number or a lead-in ("on", "admitted to") lifts a ward above a name.
    assert all(score <= 0.75 for score in _scores(text, "hospital_name", "HOSPITAL"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Hafod Child and Family Centre" read "Hafod Child and Person L": the place's name
        # was published and its kind taken for a person.
        ("sees the psychologist at the Hafod Child and Family Centre.", ["Hafod Child and Family Centre"]),
        ("contact took place at Brookside Family Centre weekly", ["Brookside Family Centre"]),
        ("She took him to Tanyard Children's Centre.", ["Tanyard Children's Centre"]),
    ],
)
def test_finds_family_centres(text: str, expected: list[str]) -> None:
    assert found(load_one("nursery_name"), text, "NURSERY") == expected


def _scores(text: str, name: str, entity: str) -> list[float]:
    recogniser = load_one(name)
    assert spans(recogniser, text, entity), "nothing found"
    return [r.score for r in recogniser.analyze(text, [entity], nlp_artifacts=None)]


@pytest.mark.parametrize(
    ("name", "entity", "text", "expected"),
    [
        # A saint's name with "St." began the name after it: "St." was left in the output
        # (and the model took "St Mary's" for a person, found everywhere).
        ("hospital_name", "HOSPITAL", "She was taken to St. Mary's Hospital.", ["St. Mary's Hospital"]),
        ("hospital_name", "HOSPITAL", "then to Saint Aldhelm's Hospital", ["Saint Aldhelm's Hospital"]),
        ("gp_practice_name", "GP_PRACTICE", "registered at St. Peter's Surgery", ["St. Peter's Surgery"]),
        ("nursery_name", "NURSERY", "attended St Anne's Nursery", ["St Anne's Nursery"]),
    ],
)
def test_a_saints_name_is_found_whole(name: str, entity: str, text: str, expected: list[str]) -> None:
    assert found(load_one(name), text, entity) == expected
