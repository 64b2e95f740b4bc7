"""From a second red-team pass on people's names (fictional passages): names that are ordinary
words in a note typed all in lower case, an adult's titled surname that a listed child shares,
two people given one label, and a name opening a sentence as an ordinary word. Each case
failed before its fix."""

from __future__ import annotations

import re

import pytest

from anonymiser.decide.decide import Decisions
from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.records import Entity
from anonymiser.settings import Settings
from anonymiser.decide.repeats import tidy_repeated_words
from anonymiser.write.text import render_text
from tests.conftest import settings_with_case

WORD_NAMES_CASE = """people:
  - name: "Brook Baker"
    aliases: ["Brook"]
    role: "subject child"
    group: family
    pseudonym: "Child R"
  - name: "Joy Mason"
    aliases: ["Joy", "Ms Mason"]
    role: "mother"
    group: family
    pseudonym: "Mother"
  - name: "Faith Marshall"
    role: "social worker"
    group: professional
    pseudonym: "Social Worker 1"
"""

SILVA_CASE = """people:
  - name: "In\u00eas da Silva"
    aliases: ["In\u00eas"]
    role: "subject child"
    group: family
    pseudonym: "Child S"
"""

ABDI_CASE = """people:
  - name: "Yusuf Abdi"
    aliases: ["Yusuf"]
    role: "subject child"
    group: family
    pseudonym: "Child L"
"""


@pytest.fixture(scope="module")
def word_names(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return settings_with_case(tmp_path_factory.mktemp("case"), WORD_NAMES_CASE)


@pytest.fixture(scope="module")
def silva(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return settings_with_case(tmp_path_factory.mktemp("case"), SILVA_CASE)


@pytest.fixture(scope="module")
def abdi(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return settings_with_case(tmp_path_factory.mktemp("case"), ABDI_CASE)


def decided(text: str, settings: Settings, detector: Detector) -> Decisions:
    decisions, _ = analyse(document_from_text(text), settings, detector)
    return decisions


def owner(decisions: Decisions, text: str, unit: int = 0, occurrence: int = 0) -> Entity:
    """The entity that redacts the ``occurrence``-th appearance of ``text`` in ``unit``."""
    seen = [
        (o.start, e)
        for e in decisions.entities
        for o in e.occurrences
        if o.unit == unit and o.text == text
    ]
    assert len(seen) > occurrence, (text, [(e.text, [o.text for o in e.occurrences]) for e in decisions.entities])
    return sorted(seen, key=lambda pair: pair[0])[occurrence][1]


def redacted(text: str, settings: Settings, detector: Detector) -> str:
    """``text`` (paragraphs split at blank lines) as the pipeline writes it."""
    doc = document_from_text(text)
    decisions, _ = analyse(doc, settings, detector)
    return render_text(doc, tidy_repeated_words(decisions.edits, doc.units))


def published(out: str, word: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(word)}(?!\w)", out) is not None


# 1. A note typed all in lower case: a known person's names that are ordinary words are
# matched in lower case there, with the person's own label, and sent for review.

LOWER_NOTE = (
    "9.1 Joy Mason lives with her son, Brook Baker (aged 2), and her daughters Hope Baker (aged 6) and "
    "Grace Baker (aged 4).\n\n"
    "9.6 typed note by hv: seen hope and grace at home, brook asleep. mum joy says all is well."
)


@pytest.mark.parametrize("with_case", [True, False])
def test_word_names_in_a_lower_case_note_are_redacted(
    word_names: Settings, settings: Settings, detector: Detector, with_case: bool
) -> None:
    chosen = word_names if with_case else settings
    out = redacted(LOWER_NOTE, chosen, detector)
    note = out.split("\n\n")[1]
    assert not [w for w in ("hope", "grace", "brook", "joy") if published(note, w)], note


def test_a_lower_case_name_takes_the_listed_persons_label_and_goes_for_review(
    word_names: Settings, detector: Detector
) -> None:
    decisions = decided(LOWER_NOTE, word_names, detector)
    for capitalised, lower in (("Brook Baker", "brook"), ("Joy Mason", "joy")):
        entity = owner(decisions, capitalised)
        assert owner(decisions, lower, unit=1) is entity
        assert entity.status == "needs_review" and "lower case" in entity.reason


def test_a_case_file_name_only_in_a_lower_case_note_is_found(word_names: Settings, detector: Detector) -> None:
    out = redacted("typed note by hv: brook asleep, mum out.", word_names, detector)
    assert out == "typed note by hv: Child R asleep, mum out.", out


def test_a_capitalised_paragraph_keeps_the_ordinary_words(word_names: Settings, detector: Detector) -> None:
    text = (
        "Joy Mason said that she had no hope of managing alone, and that her son Brook Baker was a joy. "
        "No agency will brook delay."
    )
    out = redacted(text, word_names, detector)
    assert out == (
        "Mother said that she had no hope of managing alone, and that her son Child R was a joy. "
        "No agency will brook delay."
    ), out


# 2. A titled adult's surname that a listed child also bears is not the child.


def test_a_titled_particle_surname_is_not_the_listed_child(silva: Settings, detector: Detector) -> None:
    text = "Lu\u00eds da Silva (father) and In\u00eas da Silva (aged 3) live together. Mr da Silva said In\u00eas fell."
    decisions = decided(text, silva, detector)
    father = owner(decisions, "Mr da Silva")
    assert father.replacement != "Child S"
    assert father is owner(decisions, "Lu\u00eds da Silva")
    out = redacted(text, silva, detector)
    assert not published(out, "Silva"), out


def test_a_titled_particle_surname_of_no_known_adult_is_redacted_for_review(
    silva: Settings, detector: Detector
) -> None:
    text = "In\u00eas da Silva (aged 3) was seen at home. Mrs da Silva said In\u00eas fell."
    decisions = decided(text, silva, detector)
    mother = owner(decisions, "Mrs da Silva")
    assert mother.replacement != "Child S"
    assert mother.status == "needs_review"


def test_a_surname_called_senior_is_not_the_listed_child(abdi: Settings, detector: Detector) -> None:
    text = (
        "Abdi Warsame Farah (father) and his son Yusuf Abdi (aged 2) arrived in 2015. "
        "Abdi senior did not attend the strategy meeting."
    )
    decisions = decided(text, abdi, detector)
    senior = text.index("Abdi senior")
    (entity,) = [e for e in decisions.entities for o in e.occurrences if o.start == senior]
    assert entity.replacement != "Child L"
    out = redacted(text, abdi, detector)
    assert "Child L senior" not in out and not published(out, "Abdi"), out


# 3. Two people with one label, without a case file.


def test_a_middle_name_alone_is_not_that_persons_when_another_bears_it(
    settings: Settings, detector: Detector
) -> None:
    text = (
        "3.1 Aisha Bibi lives with her children Zainab Begum Hussain (aged 9) and Muhammad Hussain "
        "(aged 4). Her brother's wife, Shabana Begum, lives nearby. Their father, Mohammed Tariq Hussain, "
        "works nights. Zainab was caring for her brother. Begum (the aunt) was present. Tariq was not seen."
    )
    decisions = decided(text, settings, detector)
    assert owner(decisions, "Begum") is owner(decisions, "Shabana Begum")
    # Nor is a first name and middle name inside a full name ("Zainab Begum" of Zainab Begum
    # Hussain) a person of their own: Zainab alone is the child.
    assert owner(decisions, "Zainab") is owner(decisions, "Zainab Begum Hussain")
    assert owner(decisions, "Tariq") is owner(decisions, "Mohammed Tariq Hussain")


def test_a_nickname_in_quotes_leaves_one_full_name(settings: Settings, detector: Detector) -> None:
    text = (
        '8.3 The maternal grandparents, Patrick "Paddy" McDonagh and Bridget McDonagh (n\u00e9e Joyce), live '
        "on a site. Paddy's nephew was a concern to the police."
    )
    decisions = decided(text, settings, detector)
    bridget = owner(decisions, "Bridget McDonagh")
    assert [o.text for o in bridget.occurrences] == ["Bridget McDonagh"]
    out = redacted(text, settings, detector)
    assert not [w for w in ("Patrick", "Paddy", "McDonagh", "Bridget") if published(out, w)], out


# 4. A listed person's common-word name opening a sentence as an ordinary word: redacted, and
# sent for review.


@pytest.mark.parametrize(
    ("sentence", "word", "listed"),
    [
        ("Faith in agencies was low.", "Faith", "Faith Marshall"),
        ("Mason jars were found in the kitchen.", "Mason", "Joy Mason"),
    ],
)
def test_a_word_name_opening_a_sentence_goes_for_review(
    word_names: Settings, detector: Detector, sentence: str, word: str, listed: str
) -> None:
    text = f"Joy Mason was visited by the social worker, Faith Marshall, in June. {sentence}"
    decisions = decided(text, word_names, detector)
    entity = owner(decisions, word)
    assert entity is owner(decisions, listed)
    assert entity.status == "needs_review" and "opens a sentence" in entity.reason


@pytest.mark.parametrize(
    "sentence",
    ["She told Faith she was fine.", "Faith was told she was fine.", "Faith visited again.", "Faith's visit was short."],
)
def test_a_word_name_read_as_the_person_stays_automatic(
    word_names: Settings, detector: Detector, sentence: str
) -> None:
    text = f"Joy Mason was visited by the social worker, Faith Marshall, in June. {sentence}"
    decisions = decided(text, word_names, detector)
    assert owner(decisions, "Faith").status == "auto"


@pytest.mark.parametrize("between", ["\n\n", "\n\x1f"])
def test_the_case_file_reads_each_paragraph_of_a_chunk_for_capitals(word_names: Settings, between: str) -> None:
    # The recogniser reads several paragraphs at once, joined by a blank line (or by a line
    # break and a unit separator, where patterns must not run across): only the paragraph with
    # no capitals has its names matched in lower case.
    from anonymiser.detect.case_file import CaseFileRecogniser, case_matchers

    recogniser = CaseFileRecogniser(case_matchers(word_names.case, word_names.people.titles))
    text = f"Brook Baker said it was a joy.{between}brook asleep, mum joy out."
    found = sorted(text[r.start : r.end] for r in recogniser.analyze(text, ["PERSON"]))
    assert found == ["Brook Baker", "brook", "joy"]
