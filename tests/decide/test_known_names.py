"""People other drafts of a batch name in full (decide's ``known``): found in this draft by
the forms its own people are found by, and by nothing weaker. Every name is invented."""

from __future__ import annotations

import pytest

from anonymiser.decide.people import KnownName
from anonymiser.detect.engine import Detector
from anonymiser.settings import Settings
from tests.decide.handmade import redacted

CONNOR = KnownName("Connor Treharne", "a.txt")
DENISE = KnownName("Denise Treharne", "b.txt")
PELLOW = KnownName("Connor Pellow", "c.txt")
MARK = KnownName("Mark Ellery", "d.txt")


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        # The forms a draft's own person is found by.
        ("Treharne did not attend the meeting.", [CONNOR], "Person A did not attend the meeting."),
        ("The Treharnes moved house.", [CONNOR], "The (family name) moved house."),
        ("Teachers noticed Con's bruises on a Monday.", [CONNOR], "Teachers noticed Person A's bruises on a Monday."),
        # A word two of them bear is neither's.
        ("Treharne did not attend the meeting.", [CONNOR, DENISE], "(family name) did not attend the meeting."),
        ("Teachers noticed Con's bruises on a Monday.", [CONNOR, PELLOW], "Teachers noticed (first name)'s bruises on a Monday."),
        # The draft's own Connor keeps his first name.
        (
            "Connor Pellow was seen. Staff said Connor was happy.",
            [CONNOR],
            "Person A was seen. Staff said Person A was happy.",
        ),
        # An ordinary word opening a sentence is not the name, unless the draft writes it
        # as one elsewhere; initials are not searched for.
        ("Mark the date in the diary, the manager said.", [MARK], "Mark the date in the diary, the manager said."),
        ("Mark was late. Staff said Mark had left.", [MARK], "Person A was late. Staff said Person A had left."),
        ("CT attended the meeting.", [CONNOR], "CT attended the meeting."),
        # Not inside a practice term.
        ("The family had Early Help.", [KnownName("Grace Early", "a.txt")], "The family had Early Help."),
    ],
)
def test_known_names(text: str, known: list[KnownName], expected: str, settings: Settings, detector: Detector) -> None:
    assert redacted(text, settings, detector, known) == expected


def test_without_known_names_nothing_changes(settings: Settings, detector: Detector) -> None:
    # (Not "Treharne did not attend": before a verb, the draft's own rule for unknown names
    # takes it, detect/unknown_names.py.)
    text = "Treharne: no referral. Teachers noticed Con's bruises."
    assert redacted(text, settings, detector) == text
