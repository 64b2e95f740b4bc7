"""A capitalised name right after a family role word is a person, with no case file: "uncle
Paddy took him to the park" published Paddy when neither the model nor the name lists knew him."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.records import Entity
from anonymiser.settings import Settings


def run(text: str, settings: Settings, detector: Detector) -> tuple[str, list[Entity]]:
    decision, _ = analyse(document_from_text(text), settings, detector)
    for edit in sorted(decision.edits, key=lambda e: -e.start):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text, decision.entities


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("On the Saturday uncle Paddy took him to the park. Paddy said he was fine.", "Paddy"),
        ("Later his nan Sheila collected him from school.", "Sheila"),
        ("His cousin Tyrese was there too. Tyrese left at six.", "Tyrese"),
        ("Auntie Bernadette said that he had been quiet.", "Bernadette"),
        ("His step-dad Gaz shouted at him. Gaz was arrested.", "Gaz"),
        ("She stayed with her grandma Moira and her gran Elsie.", "Elsie"),
        # A surname of the lists with an English word's ending is still a name.
        ("Her uncle Fielding was there. Fielding left at six.", "Fielding"),
        ("His nanna Shaz took him in.", "Shaz"),
        ("Her mother, Tamzin, said she was tired.", "Tamzin"),
        # A first name that is also an ordinary word, after a family word.
        ("His uncle Paddy Walsh took him home.", "Walsh"),
    ],
)
def test_a_name_after_a_family_word_is_redacted_everywhere(
    settings: Settings, detector: Detector, text: str, name: str
) -> None:
    out, entities = run(text, settings, detector)
    assert name not in out
    person = next(e for e in entities if e.category == "PERSON" and name in e.text)
    assert person.group == "family"
    assert len(person.occurrences) == text.count(name)


def test_a_name_only_a_family_word_finds_goes_for_review(settings: Settings, detector: Detector) -> None:
    _, entities = run("His cousin Tyrese was there too. Tyrese left at six.", settings, detector)
    (tyrese,) = [e for e in entities if e.text == "Tyrese"]
    assert tyrese.status == "needs_review"
    assert "family" in tyrese.reason


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("His sister Social Worker was mentioned in the minutes.", "Social Worker"),
        ("Her brother's school was closed that week.", "school"),
        ("Mother Nature was not kind to the family that winter.", "Mother Nature"),
        # The model reads "Mother Nature" as a name here; with the role cut off it read
        # "Mother Person A".
        ("Her brother's school was closed. Mother Nature was not kind. An uncle was called.", "Mother Nature"),
        ("An uncle in Leeds was contacted by the police.", "uncle in (place)"),  # a town, not a name
        ("The Sister on the ward saw him at 4pm.", "Sister on the ward"),
        ("The child Protection Plan was ended.", "Protection Plan"),
        ("His father Mr Hill was not at home.", "His father"),
        # Rare English words in the name of a notice, a service or a charity (word_endings in
        # people.yml): each read "Child Person A" or "Baby Person A".
        ("A Child Abduction Warning Notice was served.", "Child Abduction Warning Notice"),
        ("An Independent Child Trafficking Guardian was allocated.", "Child Trafficking Guardian"),
        ("Baby Bonding sessions were offered.", "Baby Bonding"),
        ("Child Bereavement UK supported the family.", "Child Bereavement UK"),
    ],
)
def test_words_after_a_family_word_that_are_no_name(
    settings: Settings, detector: Detector, text: str, kept: str
) -> None:
    out, _ = run(text, settings, detector)
    assert kept in out
