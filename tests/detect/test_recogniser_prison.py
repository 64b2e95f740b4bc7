"""prison_name (patterns/recognisers/institutions.yml): named prisons, young offender
institutions, secure children's homes and training centres, immigration removal centres and
approved premises, and not the national bodies or the practice words that share their words.
The names here are those the forms are written with in reviews; those in the sample corpus
are invented."""

from __future__ import annotations

import pytest
import yaml
from presidio_analyzer import EntityRecognizer

from anonymiser.decide.decide import decide
from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import one_unit, redactions
from tests.detect.recognisers import PATTERNS, found, load_one

ENTITY = "PRISON"


@pytest.fixture(scope="module")
def recogniser() -> EntityRecognizer:
    return load_one("prison_name")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The father was in HMP Wandsworth when the baby was born.", ["HMP Wandsworth"]),
        ("He was later moved to HMYOI Feltham.", ["HMYOI Feltham"]),
        ("He had served his sentence at HM Prison Durham.", ["HM Prison Durham"]),
        ("He was then at Her Majesty's Prison Durham.", ["Her Majesty's Prison Durham"]),
        ("He was then at Her Majesty\u2019s Prison Durham.", ["Her Majesty\u2019s Prison Durham"]),
        ("He is held at His Majesty's Prison Long Lartin.", ["His Majesty's Prison Long Lartin"]),
        ("He moved to HMP Isle of Wight.", ["HMP Isle of Wight"]),
        ("He was remanded to HMP & YOI Doncaster.", ["HMP & YOI Doncaster"]),
        ("He was remanded to HMP and YOI Doncaster.", ["HMP and YOI Doncaster"]),
        ("He was transferred to HMP/YOI Isis.", ["HMP/YOI Isis"]),
        ("She was placed at HM YOI Feltham.", ["HM YOI Feltham"]),
        ("He was remanded to Feltham Young Offender Institution.", ["Feltham Young Offender Institution"]),
        ("He was remanded to Feltham Young Offenders' Institution.", ["Feltham Young Offenders' Institution"]),
        ("Staff at Feltham YOI called the social worker.", ["Feltham YOI"]),
        ("He was released from Dovergate Prison in May.", ["Dovergate Prison"]),
        ("He moved to Ford Open Prison.", ["Ford Open Prison"]),
        ("Her brother was at Oakhill Secure Training Centre.", ["Oakhill Secure Training Centre"]),
        ("Her brother was at Oakhill STC.", ["Oakhill STC"]),
        ("She was placed at Aldine House Secure Children's Home.", ["Aldine House Secure Children's Home"]),
        ("She was placed at Aldine House Secure Children\u2019s Home.", ["Aldine House Secure Children\u2019s Home"]),
        ("The aunt was detained at Yarl's Wood Immigration Removal Centre.", ["Yarl's Wood Immigration Removal Centre"]),
        ("The aunt was detained at Yarl\u2019s Wood IRC.", ["Yarl\u2019s Wood IRC"]),
        ("On release he lived at Clearview Approved Premises.", ["Clearview Approved Premises"]),
        ("On release he lived at Clearview Bail Hostel.", ["Clearview Bail Hostel"]),
        # The prison is named; the unit is what any women's prison may have.
        ("She stayed in a Mother and Baby Unit at HMP Styal.", ["HMP Styal"]),
        ("She moved to the HMP Styal Mother and Baby Unit.", ["HMP Styal"]),
        # A word that opens the sentence is not part of the name.
        ("Later Dovergate Prison released him.", ["Dovergate Prison"]),
    ],
)
def test_finds_named_places_of_custody(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, ENTITY) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Head words in lower case are practice words, never a name.
        "He was in prison; the prison did not tell the probation officer.",
        "He was sent to a young offender institution and then to approved premises.",
        # National bodies and practice terms that share the words of a prison's name.
        "The Prison Service was told.",
        "HM Prison Service records were checked.",
        "Her Majesty's Prison Service records were checked.",
        "HM Prison and Probation Service holds the licence history.",
        "The Prisons and Probation Ombudsman investigated.",
        "The Prisons Ombudsman investigated.",
        "The Prison Reform Trust published a report.",
        "The Scottish Prison Service and the Prison Rules 1999 apply.",
        "HM Inspectorate of Prisons and HMPPS inspected it.",
        # A kind of custody, in capitals, is not a named one.
        "A Category C Prison is not an Open Prison.",
        "He was sent to a Young Offender Institution.",
        "She was placed in a Local Authority Secure Children's Home.",
        "The Secure Training Centre, an Immigration Removal Centre and the IRC.",
        "The National Probation Service Approved Premises were full.",
        "Parents In Prison",
        # Pseudonyms stay as they are.
        "He was moved to Prison A and then to HMP X.",
    ],
)
def test_ignores_practice_terms_and_national_bodies(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, ENTITY) == []


@pytest.mark.parametrize(
    "term",
    [
        "HM Prison and Probation Service",
        "HM Prison Service",
        "Prison Service",
        "Prisons and Probation Ombudsman",
        "Prisons Ombudsman",
        "Prison Reform Trust",
    ],
)
def test_national_prison_bodies_are_kept(term: str) -> None:
    keep = yaml.safe_load((PATTERNS / "keep.yml").read_text(encoding="utf-8"))
    assert term in keep["agencies"] + keep["government"]


def test_policies_redact_named_prisons() -> None:
    for name in ("scr", "strict"):
        policy = yaml.safe_load((PATTERNS / "policies" / f"{name}.yml").read_text(encoding="utf-8"))
        rule = policy.get("categories", {}).get(ENTITY, policy["default"])
        assert rule["action"] == "redact", name


# spaCy reads "Dovergate Prison" and the "Prison Durham" of "Her Majesty's Prison Durham" as
# people. The prison must still be the entity ("(prison)", not "Person A"), and "Prison" must
# not become a name found everywhere ("the Person A Service").
CUSTODY = (
    "He moved to Dovergate Prison and then to Her Majesty's Prison Durham. "
    "The Prison Service and the Prisons and Probation Ombudsman were told."
)


def test_a_prison_the_model_takes_for_a_person_is_a_prison(detector: Detector, settings: Settings) -> None:
    units = [one_unit(CUSTODY)]
    decisions = decide(units, detector.detect(units), settings)
    assert {e.category for e in decisions.entities} == {ENTITY}
    assert {e.replacement for e in decisions.entities} == {"(prison)"}
    redacted = redactions(CUSTODY, decisions)
    assert redacted[0] == "Dovergate Prison"
    # The whole name: "Her" is part of the royal title, not a determiner to trim off
    # ("held at Her (prison)").
    assert redacted[1] == "Her Majesty's Prison Durham"
    assert len(redacted) == 2
