"""First names from the name lists: full names, lone names, capitals and lower case."""

from __future__ import annotations

from pathlib import Path

import pytest
from presidio_analyzer import RecognizerResult

from anonymiser.detect.engine import Detector, _never_first_names, remove_duplicates
from anonymiser.detect.given_names import (
    FULL_NAME_SCORE,
    GIVEN_NAME_RECOGNISER,
    LONE_NAME_SCORE,
    GivenNameRecogniser,
    GivenNameRules,
    faker_first_names,
)
from anonymiser.errors import ConfigError
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings, load_given_name_rules, load_settings


@pytest.fixture(scope="module")
def recogniser(settings: Settings) -> GivenNameRecogniser:
    return GivenNameRecogniser(settings.given_names, _never_first_names(settings))


def found(recogniser: GivenNameRecogniser, text: str, entity: str = "PERSON") -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in recogniser.analyze(text, ["PERSON"]) if r.entity_type == entity]


FULL, LONE = FULL_NAME_SCORE, LONE_NAME_SCORE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Lone first names in a plain sentence: the model missed both.
        ("Kayleigh said that Tyler had hit Mason.", [("Kayleigh", LONE), ("Tyler", LONE), ("Mason", LONE)]),
        ("Mum (Shannon) said she was fine.", [("Shannon", LONE)]),
        # Full names, in capitals, mixed, hyphenated, possessive.
        ("Present: SHANNON PRICE, the social worker.", [("SHANNON PRICE", FULL)]),
        ("Piotr ZIELINSKI, born 1991", [("Piotr ZIELINSKI", FULL)]),
        ("with Jade Okafor-Williams and", [("Jade Okafor-Williams", FULL)]),
        ("Jade Smith's mother", [("Jade Smith", FULL)]),
        # Two words of surname at most, and never across a comma or a line break.
        ("Amy Leigh Hartley-Brown said", [("Amy Leigh Hartley-Brown", FULL)]),
        # ("Smith", a first name too common to count alone, counts in a list of names.)
        ("Tyler, Smith and", [("Tyler", LONE), ("Smith", LONE)]),
        ("Tyler\nSmith", [("Tyler", LONE)]),
        # A street or institution word after a name is not a surname; a street named after a
        # first name is a place (an ADDRESS, below), so no person either.
        ("seen at Tyler Road", []),
        ("Tyler Primary School", [("Tyler", LONE)]),
        # Ordinary words are surnames only when the surname lists know them.
        ("the Trent Regional Health Authority", [("Trent", LONE)]),
        ("Jane Hill, the social worker", [("Jane Hill", FULL)]),
        # A word the lists say is never a first name may still be a surname.
        ("Jane Young visited", [("Jane Young", FULL)]),
        # Lower case: only names that are rare as English words.
        ("kayleigh marsh said", [("kayleigh marsh", FULL)]),
        ("the foster carers", []),
        ("kayleigh said", [("kayleigh", 0.5)]),
        # A lower-case word after a lower-case name is its surname only if the surname lists
        # know it or it is rarer than a verb: "declan locks me in" was a person "declan
        # locks", and "Declan" then went to that person, not to Declan McGuinness.
        ('"declan locks me in the bathroom"', [("declan", 0.5)]),
        ("tell kayleigh zielinski now", [("kayleigh zielinski", FULL)]),
        # A surname particle ("ap", "ferch", "van der") is part of the surname.
        ("DI Rhys ap Gwilym agreed", [("Rhys ap Gwilym", FULL)]),
        ("Sara ferch Owain and Jan van der Berg came", [("Sara ferch Owain", FULL), ("Jan van der Berg", FULL)]),
        # Capitals: short words are abbreviations unless a known surname.
        ("a member of the IRA", []),
        ("the Trent RHA", [("Trent", LONE)]),
        ("AMY LEE attended", [("AMY LEE", FULL)]),
        # Words the lists hold that are not names here; practice words; common words.
        ("The Infant was seen by the Pastor.", []),
        ("Ofsted and the MASH", []),
        ("Will you hope for May?", []),
        # A double first name of listed names, in any case, whole.
        ("School said Ellie-Mae's attendance fell.", [("Ellie-Mae", LONE)]),
        ("Lacey-Jo Price and ELLIE-MAE", [("Lacey-Jo Price", FULL), ("ELLIE-MAE", LONE)]),
        # Hyphenated words whose parts are not all first names are not.
        ("a self-referral and a follow-up", []),
    ],
)
def test_given_names(recogniser: GivenNameRecogniser, text: str, expected: list[tuple[str, float]]) -> None:
    assert found(recogniser, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Florence Court is a block of flats.", ["Florence Court"]),
        ("seen at Tyler Road", ["Tyler Road"]),
        ("Florence Nightingale House", ["Florence Nightingale House"]),
        ("FLORENCE COURT", ["FLORENCE COURT"]),
        # A comma or a line break ends the name; lower case and a surname that is also a
        # common street word are not places.
        ("Florence, Court", []),
        ("Florence\nCourt", []),
        ("florence court", []),
        ("Jane Hill and Sarah Grove", []),
    ],
)
def test_streets_named_after_a_first_name(recogniser: GivenNameRecogniser, text: str, expected: list[str]) -> None:
    assert [t for t, _ in found(recogniser, text, "ADDRESS")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A name that is an ordinary word ("Summer", "Ivy", "Rose") counts alone when it is
        # listed with other names: "his half-sisters Summer and Bailey McGuinness" and "Tobi,
        # Summer and Bailey" published "Summer".
        ("and his half-sisters Summer and Bailey McGuinness.", [("Summer", LONE), ("Bailey McGuinness", FULL)]),
        ("Later Tobi, Summer and Bailey moved.", [("Tobi", LONE), ("Summer", LONE), ("Bailey", LONE)]),
        ("the twins, Jayden and Ivy, were seen", [("Jayden", LONE), ("Ivy", LONE)]),
        # Alone, or beside ordinary words, it is the word.
        ("In Summer and autumn the family moved.", []),
        ("She gave him a Rose and a card.", []),
    ],
)
def test_an_ordinary_word_listed_with_names_is_a_name(
    recogniser: GivenNameRecogniser, text: str, expected: list[tuple[str, float]]
) -> None:
    assert found(recogniser, text) == expected


def test_the_lists_come_from_the_library_and_the_yaml(settings: Settings, recogniser: GivenNameRecogniser) -> None:
    names = faker_first_names(["en_GB"])
    assert {"David", "Sarah"} <= names
    assert len(recogniser) > 5000  # every locale's list, less the excluded words
    assert "Kian" in settings.given_names.add  # a name the lists lack, added in given_names.yml
    assert found(recogniser, "Kian was seen")[0][0] == "Kian"


def test_a_model_place_overrules_a_lone_name(recogniser: GivenNameRecogniser, detector: Detector) -> None:
    text = "The family are Roman Catholic and moved to Chelsea last year."
    artifacts, _ = next(iter(detector.nlp_engine.read([text], batch_size=1)))
    places = {text[e.start_char : e.end_char] for e in artifacts.entities}
    assert "Roman Catholic" in places  # the model's NORP: a religion, not "Roman" + surname
    spans = [text[r.start : r.end] for r in recogniser.analyze(text, ["PERSON"], artifacts)]
    assert "Roman Catholic" not in spans and "Roman" not in spans


def test_a_full_name_the_model_runs_into_a_role_before_a_comma_is_still_a_full_name(
    recogniser: GivenNameRecogniser, detector: Detector
) -> None:
    # The model read "The Named Nurse for Safeguarding, Bev Oduya" as one body; inside it only
    # "Bev" counted, and where the body was dropped "Person B Oduya" was published (session 13).
    text = "The Named Nurse for Safeguarding, Bev Oduya, was informed."
    artifacts, _ = next(iter(detector.nlp_engine.read([text], batch_size=1)))
    assert any(text[e.start_char : e.end_char].endswith("Bev Oduya") and "," in e.text for e in artifacts.entities)
    spans = [text[r.start : r.end] for r in recogniser.analyze(text, ["PERSON"], artifacts)]
    assert "Bev Oduya" in spans


# The model reads some first names as a people ("Kian" as NORP): the review log and the
# output said "(ethnicity)'s birth". A people or nationality takes no possessive.
@pytest.mark.parametrize(
    ("text", "person"),
    [("The notification of Kian's birth came in May.", "Kian"), ("Kian\u2019s nursery place began.", "Kian")],
)
def test_a_name_the_model_reads_as_a_people_is_a_person_before_a_possessive(
    settings: Settings, detector: Detector, text: str, person: str
) -> None:
    from tests.decide.handmade import redacted

    artifacts, _ = next(iter(detector.nlp_engine.read([text], batch_size=1)))
    assert [e.label_ for e in artifacts.entities if e.text == person] == ["NORP"]  # the model's reading
    assert redacted(text, settings, detector).startswith(text[: text.index(person)] + "Person A")


def test_a_model_guess_does_not_swallow_a_list_finding() -> None:
    def result(start: int, end: int, name: str) -> RecognizerResult:
        return RecognizerResult(
            "PERSON", start, end, 0.85, recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: name}
        )

    model = result(0, 17, "spacy_model:PERSON")
    listed = result(0, 15, GIVEN_NAME_RECOGNISER)
    kept = remove_duplicates([model, listed])
    assert listed in kept and model in kept
    # The other way round the longer finding still swallows the shorter.
    assert remove_duplicates([result(0, 17, GIVEN_NAME_RECOGNISER), result(0, 15, "spacy_model:PERSON")]) == [
        result(0, 17, GIVEN_NAME_RECOGNISER)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kayleigh said that Tyler had hit Mason.",
        "Mum (Shannon) said she was fine.",
        "Present: SHANNON PRICE, Jane Hill (SW).",
        "The referral came from kayleigh marsh's neighbour.",
        "Information about JAYDEN was shared.",
        # The model reads "Summer" as a season (DATE): in a list of names it is a name.
        "Later Tobi, Summer and Bailey moved in with their grandmother.",
        "He lived with his half-sisters Summer and Bailey McGuinness.",
        # The model read "Ellie-Mae" as a body; the lists hold neither it nor "Lacey-Jo".
        "School reported that Ellie-Mae's attendance had dropped.",
    ],
)
def test_names_the_model_misses_are_redacted_without_a_case_file(
    settings: Settings, detector: Detector, text: str
) -> None:
    decision, _ = analyse(document_from_text(text), settings, detector)
    output = text
    for edit in sorted(decision.edits, key=lambda e: -e.start):
        output = output[: edit.start] + edit.replacement + output[edit.end :]
    for name in ("Kayleigh", "kayleigh", "Tyler", "Mason", "Shannon", "SHANNON", "PRICE", "marsh", "JAYDEN", "Summer", "Ellie", "Mae"):
        if name in text:
            assert name not in output, output


def test_rules_file_is_checked(tmp_path: Path) -> None:
    (tmp_path / "given_names.yml").write_text("locales: [en_GB]\nlone_below: 4\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key 'lone_below'"):
        load_given_name_rules(tmp_path)
    (tmp_path / "given_names.yml").write_text("lone_below_zipf: 12\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="lone_below_zipf"):
        load_given_name_rules(tmp_path)
    (tmp_path / "given_names.yml").unlink()
    assert load_given_name_rules(tmp_path) == GivenNameRules()  # no file: the recogniser is off


def test_an_unknown_locale_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="no person names for 'xx_XX'"):
        faker_first_names(["xx_XX"])


def test_turned_off_without_locales(tmp_path: Path) -> None:
    import shutil

    from anonymiser.settings import default_patterns_dir

    patterns = tmp_path / "patterns"
    shutil.copytree(default_patterns_dir(), patterns)
    (patterns / "given_names.yml").write_text("locales: []\n", encoding="utf-8")
    settings = load_settings(patterns_dir=patterns, scope="full")
    assert settings.given_names.locales == () and settings.given_names.add == ()



def test_a_listed_non_name_is_still_a_surname(recogniser: GivenNameRecogniser) -> None:
    # given_names.yml excludes "Early" and "Young" as first names; as surnames they count:
    # the model read "Grace Early" as an organisation, and the decide stage dropped it.
    assert found(recogniser, "Grace Early was offered Early Help.") == [("Grace Early", FULL)]
