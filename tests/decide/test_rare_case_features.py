"""Rare case features are never published without a row in the review log.

The quasi-identifiers that let neighbours and the local press recognise a family
(PUBLICATION-PRACTICE.md): family composition, housing, pets, health and disability, causes
of harm or death, court details, immigration status and media interest. Under scr a
condition is redacted and a rare feature is sent to the consultant; under strict both are
masked. Either way the feature must lie inside an entity of the review log: what no row
covers is published silently. Each sentence is fictional, phrased as drafts phrase them.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.records import Entity
from anonymiser.settings import Settings


def covering(text: str, feature: str, settings: Settings, detector: Detector) -> list[Entity]:
    """The redacted entities (review rows included) with an occurrence over ``feature``."""
    doc = document_from_text(text)
    (unit,) = doc.units
    start = unit.text.index(feature)
    end = start + len(feature)
    decisions, _ = analyse(doc, settings, detector)
    return [
        e
        for e in decisions.entities
        if any(o.unit == unit.uid and o.start < end and o.end > start for o in e.occurrences)
    ]


# (sentence, the feature in it, the category the row must have; "A/B": either)
FEATURES = [
    # Family composition
    ("Child R was the eldest of eight children.", "eldest of eight children", "RARE_FEATURE"),
    ("She is one of eleven siblings.", "one of eleven siblings", "RARE_FEATURE"),
    ("Child S is one of triplets.", "triplets", "RARE_FEATURE"),
    ("Child P, one of a sibling group of nine, was the youngest.", "sibling group of nine", "RARE_FEATURE"),
    # A large family said by a child's place in it, or by a parent
    ("Mother is pregnant with her sixth child.", "sixth child", "RARE_FEATURE"),
    ("Child U was Mother's seventh baby.", "seventh baby", "RARE_FEATURE"),
    ("Father is a father of nine.", "father of nine", "RARE_FEATURE"),
    ("Mother, a mother of 7, works nights.", "mother of 7", "RARE_FEATURE"),
    ("The children have three different fathers.", "three different fathers", "RARE_FEATURE"),
    ("Child Q was a donor-conceived twin.", "twin", "RARE_FEATURE"),
    ("Mother was a teenage mother when Child T was born.", "teenage mother", "RARE_FEATURE"),
    ("Child T was conceived as a result of incest.", "incest", "RARE_FEATURE"),
    ("The parents are a same-sex couple.", "same-sex couple", "RARE_FEATURE"),
    ("The youngest child was adopted from abroad.", "adopted from abroad", "RARE_FEATURE"),
    # Housing and setting
    ("The family spent four months in a hostel.", "hostel", "RARE_FEATURE"),
    ("They were placed in a bed and breakfast by the council.", "bed and breakfast", "RARE_FEATURE"),
    ("They moved to a flat on the 14th floor.", "14th floor", "RARE_FEATURE"),
    ("The flat was in a tower block near the station.", "tower block", "RARE_FEATURE"),
    ("Father had grown up on a traveller site.", "traveller site", "RARE_FEATURE"),
    ("The paternal family ran a farm.", "farm", "RARE_FEATURE"),
    ("The family lived on an army base.", "army base", "RARE_FEATURE"),
    ("Later they lived in a mobile home.", "mobile home", "RARE_FEATURE"),
    ("Mother and the children moved to a women's refuge.", "women's refuge", "RARE_FEATURE"),
    ("For a while Mother was sofa surfing.", "sofa surfing", "RARE_FEATURE"),
    ("Father was sleeping rough in the town centre.", "sleeping rough", "RARE_FEATURE"),
    # Pets and animals
    ("The family kept an XL bully in the flat.", "XL bully", "RARE_FEATURE"),
    ("Father kept a python in the bedroom.", "python", "RARE_FEATURE"),
    ("Father bred pit bull terriers.", "pit bull", "RARE_FEATURE"),
    ("The house was hoarded, with over thirty cats.", "thirty cats", "RARE_FEATURE"),
    # Health and disability
    ("Her brother has Prader-Willi syndrome.", "Prader-Willi syndrome", "CONDITION"),
    ("Mother has Ehlers-Danlos syndrome.", "Ehlers-Danlos syndrome", "CONDITION"),
    ("Child X has Angelman syndrome.", "Angelman syndrome", "CONDITION"),
    ("Child Z has Duchenne muscular dystrophy.", "Duchenne muscular dystrophy", "CONDITION"),
    ("Child V is a wheelchair user.", "wheelchair user", "CONDITION"),
    ("Child V is profoundly deaf.", "profoundly deaf", "CONDITION"),
    ("She communicates in BSL at school.", "BSL", "CONDITION"),
    ("Father is blind and uses a guide dog.", "blind", "CONDITION"),
    ("She was tube fed for the first year.", "tube fed", "CONDITION"),
    ("Child V was born at 24 weeks.", "born at 24 weeks", "RARE_FEATURE"),
    ("The baby was born at 26 weeks' gestation.", "26 weeks' gestation", "RARE_FEATURE"),
    ("Child X has a rare chromosomal disorder.", "chromosomal disorder", "CONDITION"),
    ("Child P was born prematurely at 23 weeks.", "born prematurely at 23 weeks", "RARE_FEATURE"),
    ("She has chronic lung disease.", "chronic lung disease", "CONDITION"),
    ("Child Q died from sepsis.", "sepsis", "CONDITION"),
    ("Mother uses a mobility scooter.", "mobility scooter", "CONDITION"),
    ("Child Z is on a ventilator at home.", "ventilator", "CONDITION"),
    ("Child R had a kidney transplant last year.", "kidney transplant", "CONDITION"),
    ("Child W has a hearing aid.", "hearing aid", "CONDITION"),
    ("Mother had a miscarriage in the spring.", "miscarriage", "CONDITION"),
    ("Child X has a severe nut allergy.", "nut allergy", "CONDITION"),
    # Medicines the drug dictionary does not know
    ("Mother had the contraceptive implant (Nexplanon) fitted.", "Nexplanon", "MEDICATION"),
    ("The baby was started on Gaviscon Infant.", "Gaviscon", "MEDICATION"),
    # Drugs that are no one's medicine are "(specified substance)": "30 wraps of crack
    # (specified medication)" was published (session 13).
    ("Father was using spice and cannabis.", "spice", "SUBSTANCE"),
    ("He was found with 30 wraps of crack cocaine.", "cocaine", "SUBSTANCE"),
    ("Mother used heroin and ketamine.", "heroin", "SUBSTANCE"),
    ("The older boys supplied MDMA at parties.", "MDMA", "SUBSTANCE"),
    # Causes of harm or death
    ("Child A died by hanging in his bedroom.", "hanging", "RARE_FEATURE"),
    ("Child Q died after a dog bite.", "dog bite", "RARE_FEATURE"),
    ("Father was charged with child cruelty.", "child cruelty", "RARE_FEATURE"),
    ("Mother had been a victim of modern slavery.", "victim of modern slavery", "RARE_FEATURE"),
    ("Mother was found hanged.", "hanged", "RARE_FEATURE"),
    ("Child M was strangled by her stepfather.", "strangled", "RARE_FEATURE"),
    ("Child D suffered a fall from a third-floor window.", "fall from a third-floor window", "RARE_FEATURE"),
    ("Child F was hit by a car outside the school.", "hit by a car", "RARE_FEATURE"),
    ("Child F was run over by a delivery van.", "run over by a delivery van", "RARE_FEATURE"),
    ("Child G had cigarette burns on both arms.", "cigarette burns", "CONDITION"),
    ("Child E had been subjected to FGM abroad.", "subjected to FGM", "RARE_FEATURE"),
    ("Her sister was the subject of a forced marriage.", "forced marriage", "RARE_FEATURE"),
    ("The police treated it as honour-based abuse.", "honour-based abuse", "RARE_FEATURE"),
    ("Child J was poisoned with salt.", "poisoned", "RARE_FEATURE"),
    ("Child K was found starved in her cot.", "starved", "RARE_FEATURE"),
    # Court details
    ("Mother received a suspended sentence.", "suspended sentence", "RARE_FEATURE"),
    # The offence of a conviction: published with no row before.
    ("The father was convicted of manslaughter in 2016.", "manslaughter", "RARE_FEATURE"),
    ("He was later charged with attempted murder.", "attempted murder", "RARE_FEATURE"),
    ("He must serve a minimum term of 18 years.", "18 years", "RARE_FEATURE/DATE"),
    ("A parallel criminal trial took place.", "criminal trial", "RARE_FEATURE"),
    # Immigration status
    ("The family had no recourse to public funds.", "no recourse to public funds", "RARE_FEATURE"),
    ("As the family were NRPF, no help was offered.", "NRPF", "RARE_FEATURE"),
    ("Father was an undocumented migrant.", "undocumented", "RARE_FEATURE"),
    ("Mother had been trafficked to the UK.", "trafficked", "RARE_FEATURE"),
    # A parent's rare profession
    ("Father is a vet in the town.", "vet", "OCCUPATION"),
    # Media interest
    ("The case was reported in the local press.", "local press", "RARE_FEATURE"),
    ("The death was covered on national television.", "national television", "RARE_FEATURE"),
]


@pytest.mark.parametrize(("text", "feature", "category"), FEATURES)
def test_a_rare_feature_has_a_row(
    text: str, feature: str, category: str, each_policy: tuple[Settings, Detector]
) -> None:
    settings, detector = each_policy
    rows = covering(text, feature, settings, detector)
    assert rows, f"{feature!r} published without a row"
    assert set(category.split("/")) & {e.category for e in rows}


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("Child R was the eldest of eight children.", "eldest of eight children"),
        ("The family had no recourse to public funds.", "no recourse to public funds"),
        ("The family spent four months in a hostel.", "hostel"),
    ],
)
def test_scr_sends_a_rare_feature_to_review(text: str, feature: str, settings: Settings, detector: Detector) -> None:
    (row,) = covering(text, feature, settings, detector)
    assert row.status == "needs_review"


@pytest.mark.parametrize(
    ("text", "term"),
    [
        # Practice, not a family's feature: no row of the new lists.
        ("The FGM mandatory reporting duty applies to every practitioner.", "FGM"),
        ("Mother was one of three children.", "one of three children"),
        ("Mother was pregnant with her second child.", "second child"),
        ("Father, a father of two, works nights.", "father of two"),
        ("The sixth child protection conference was held in May.", "sixth child protection"),
        ("The strategy discussion considered a section 47 enquiry.", "strategy discussion"),
        ("The review was delayed by the criminal investigation.", "criminal investigation"),
        ("Father was shaken by the news.", "shaken"),
        ("Practitioners turned a blind eye to the neglect.", "blind"),
        ("Her concerns fell on deaf ears.", "deaf"),
        ("The appeal court found a miscarriage of justice.", "miscarriage"),
        ("The service was starved of funding.", "starved"),
        ("The meeting had run over by an hour.", "run over"),
        ("The practitioners were asked to vet the plan.", "vet"),
        ("The baby was born at full term.", "born at full term"),
        ("Twin 1 and Twin 2 were seen at home.", "Twin 1"),
        ("In the case of teenage mothers an assessment is completed.", "teenage mothers"),
        ("The DASH risk assessment was graded high, including strangulation.", "strangulation"),
        ("DASH – Domestic Abuse, Stalking and Harassment and Honour Based Violence risk assessment", "Honour Based Violence"),
    ],
)
def test_practice_wording_has_no_row(text: str, term: str, settings: Settings, detector: Detector) -> None:
    assert covering(text, term, settings, detector) == []
