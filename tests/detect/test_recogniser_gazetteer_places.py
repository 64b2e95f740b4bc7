"""gazetteer_place (detect/place_names.py, patterns/places.yml): towns and villages of the UK
and Ireland found by name. Before it, "Birkenhead was where Mother grew up" and "The family
moved to Silver End" were published, and "They moved to Market Harborough" read "Person A"."""

from __future__ import annotations

from pathlib import Path

import pytest
from presidio_analyzer import EntityRecognizer

from anonymiser.detect.engine import Detector
from anonymiser.detect.place_names import ALONE_SCORE, PLACE_NAME_RECOGNISER, SURE_SCORE, PlaceRules
from anonymiser.errors import ConfigError
from anonymiser.settings import Settings, load_place_rules
from tests.decide.handmade import redacted
from tests.detect.recognisers import found, spans


@pytest.fixture(scope="module")
def recogniser(detector: Detector) -> EntityRecognizer:
    [places] = [r for r in detector.registry.recognizers if r.name == PLACE_NAME_RECOGNISER]
    return places


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A rare word, wherever it stands: the model's misses as a sentence's subject.
        ("Birkenhead was where Mother grew up.", ["Birkenhead"]),
        ("Cleethorpes and Bridlington were both mentioned.", ["Cleethorpes", "Bridlington"]),
        # Names of more than one word, whole, with their small words.
        ("They moved to Market Harborough in 2019.", ["Market Harborough"]),
        ("Sherburn in Elmet was where Mother grew up.", ["Sherburn in Elmet"]),
        ("The family lived in Newton Abbot.", ["Newton Abbot"]),
        # Ordinary words and first names count after a word of place.
        ("The family moved to Silver End in 2019.", ["Silver End"]),
        ("She lived in Bath until 2018.", ["Bath"]),
        ("Father had been living at a hostel near Six Bells.", ["Six Bells"]),
        # places.yml's own lead-in words, for listed names only.
        ("The family drove down the M5 to Exeter.", ["Exeter"]),
        ("They moved from Leeds in 2018.", ["Leeds"]),
        # The commonest words only after a word of going or living there.
        ("They moved to Reading in 2019; he was born in Deal.", ["Reading", "Deal"]),
        # In capitals, as a form or an address line writes it; with a possessive.
        ("ADDRESS: 4 MILL LANE, CLEETHORPES", ["CLEETHORPES"]),
        ("Birkenhead's schools were full.", ["Birkenhead"]),
    ],
)
def test_finds_listed_towns_and_villages(recogniser: EntityRecognizer, text: str, expected: list[str]) -> None:
    assert found(recogniser, text, "LOCATION") == expected


@pytest.mark.parametrize(
    "text",
    [
        # Ordinary words the gazetteer lists, with nothing before them that says "place".
        "Reading was difficult for Child A.",
        "Bath time was a struggle.",
        # A first name and a surname that together name a village: a person, without "in".
        "George Green attended the meeting.",
        "Silver End was quiet that day.",
        "the Bridge team and the Valley Project",
        # Too common to be read as a place on any evidence; practice words.
        "Child A was admitted to Hospital.",
        "She was moved to Hospital.",
        "The review was moved to March.",
        "Reading in Year 3 was a struggle.",
        "They went to Church every Sunday.",
        # A first name is a person's, and a surname named like a town after a title or a
        # first name is that person's.
        "Stanley said he would call back.",
        "Mr Batley and PC Otley attended.",
        "Maggie Blyth, Independent Chair",
        # Not as the gazetteer writes it.
        "birkenhead in lower case",
    ],
)
def test_leaves_words_that_are_not_places_here(recogniser: EntityRecognizer, text: str) -> None:
    assert found(recogniser, text, "LOCATION") == []


def test_scores_say_how_sure_the_evidence_is(recogniser: EntityRecognizer) -> None:
    text = "Birkenhead was home. They moved to Bath. Market Harborough was next."
    results = sorted(recogniser.analyze(text, ["LOCATION"], None), key=lambda r: r.start)
    assert [(text[r.start : r.end], r.score) for r in results] == [
        ("Birkenhead", ALONE_SCORE),
        ("Bath", SURE_SCORE),
        ("Market Harborough", SURE_SCORE),
    ]
    # A single rare word alone is for the consultant; a person's name on it wins.
    assert ALONE_SCORE < 0.7 < SURE_SCORE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Birkenhead was where Mother grew up.", "(place) was where Mother grew up."),
        ("They moved to Market Harborough in 2019.", "They moved to (place) in 2019."),
        ("The family moved to Silver End in 2019.", "The family moved to (place) in 2019."),
        # A kept practice term named after a town ("the Edinburgh Postnatal Depression Scale")
        # does not make the town a practice word: the town alone was published.
        ("The family moved to Edinburgh in 2019.", "The family moved to (place) in 2019."),
        ("Mother scored 14 on the Edinburgh Postnatal Depression Scale.", "Mother scored 14 on the Edinburgh Postnatal Depression Scale."),
        # The nations are places where a family lived, though kept terms name them.
        ("The family moved from Wales to Scotland in 2018.", "The family moved from (place) to (place) in 2018."),
        ("They lived in Northern Ireland until 2016.", "They lived in (place) until 2016."),
        ("Police Scotland and the Northern Ireland Office were told.", "Police Scotland and the Northern Ireland Office were told."),
        # An agency named with its place is kept whole under scr, the place inside it too.
        ("Devon County Council and Exeter City Council were told.", "Devon County Council and Exeter City Council were told."),
        # Counties and council areas (places.yml `areas`), which the gazetteer's towns lack:
        # the model read Lancashire as an agency and it was published.
        ("The family moved to Lancashire in 2019.", "The family moved to (place) in 2019."),
        ("She grew up in County Tyrone.", "She grew up in (place)."),
        ("Father was living in Carmarthenshire.", "Father was living in (place)."),
        ("Lancashire Constabulary and Kent Police were told.", "Lancashire Constabulary and Kent Police were told."),
        # The model reads a county as a person: "(Person C and Person D)".
        ("He was known to the probation service in Yorkshire and Humber.", "He was known to the probation service in (place) and (place)."),
        ("Lancashire had no beds that week.", "(place) had no beds that week."),
    ],
)
def test_redacts_towns_in_a_draft(settings: Settings, detector: Detector, text: str, expected: str) -> None:
    assert redacted(text, settings, detector) == expected


def test_lists_only_the_chosen_countries() -> None:
    names = set(PlaceRules(countries=("GB",), min_population=15000).names)
    assert {"Exeter", "Birkenhead"} <= names
    assert "Paris" not in names and "Limerick" not in names
    assert "Limerick" in PlaceRules(countries=("IE",), min_population=15000).names


def test_areas_are_listed_beside_the_towns() -> None:
    rules = PlaceRules(countries=("GB",), min_population=15000, areas=("Lancashire", "County Tyrone"))
    assert {"Lancashire", "County Tyrone", "Exeter"} <= set(rules.names)
    assert rules.is_known_place("lancashire")
    # An area is never a practice word, as a town is not.
    assert rules.without_towns({"lancashire", "constabulary"}) == {"constabulary"}


def test_no_countries_means_no_recogniser(tmp_path: Path) -> None:
    (tmp_path / "places.yml").write_text("countries: []\n")
    assert load_place_rules(tmp_path).names == ()
    assert load_place_rules(tmp_path / "absent").names == ()


@pytest.mark.parametrize(
    ("yaml", "message"),
    [
        ("countries: [gb]\n", "two-letter country code"),
        ("countries: [GB]\nmin_population: 700\n", "min_population: must be one of"),
        ("countries: [GB]\nceiling_zipf: 9\n", "ceiling_zipf: must be a number"),
        ("countries: [GB]\ntowns: [Exeter]\n", "unknown key 'towns'"),
        ("countries: [GB]\nlead_in: to\n", "lead_in"),
    ],
)
def test_refuses_a_bad_places_file(tmp_path: Path, yaml: str, message: str) -> None:
    (tmp_path / "places.yml").write_text(yaml)
    with pytest.raises(ConfigError, match=message):
        load_place_rules(tmp_path)


def test_spans_are_the_names_own(recogniser: EntityRecognizer) -> None:
    text = "From Sherburn in Elmet to Newton Abbot"
    assert spans(recogniser, text, "LOCATION") == [(5, 22, "Sherburn in Elmet"), (26, 38, "Newton Abbot")]
