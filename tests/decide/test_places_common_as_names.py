"""A place the model names with a word common in English is redacted for review, unless the
draft writes that word in lower case too.

Under scr a model's place counted only if one of its words was rare in English: "moved from
Leeds to Bradford" and a child called "Jordan" (which the model reads as the country) were
published without a row in the log. The draft tells a town from an ordinary word: it writes
"findings" in lower case somewhere, never "leeds". Every name here is invented or a real
town named only as a town.
"""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings
from tests.decide.handmade import redacted


@pytest.mark.parametrize(
    ("text", "gone", "status"),
    [
        # The gazetteer (patterns/places.yml) knows the town after "moved from": sure. After
        # a bare "to" it is the model's guess, for the consultant.
        ("The family moved from Leeds to Bradford in 2018.", ["Leeds", "Bradford"], ["auto", "needs_review"]),
        ("Jordan (Year 6) was absent all week.", ["Jordan"], ["needs_review"]),
    ],
)
def test_a_town_common_as_a_name_is_redacted_with_a_row(
    text: str, gone: list[str], status: list[str], settings: Settings, detector: Detector
) -> None:
    out = redacted(text, settings, detector)
    assert not any(word in out for word in gone), out
    decisions, _ = analyse(document_from_text(text), settings, detector)
    rows = {e.text: e.status for e in decisions.entities if e.text in gone}
    assert [rows.get(word) for word in gone] == status


def test_a_word_the_draft_writes_in_lower_case_is_no_place(settings: Settings, detector: Detector) -> None:
    text = "Findings\n\nThe findings of the review are set out below. The Island has one hospital."
    decisions, _ = analyse(document_from_text(text), settings, detector)
    assert "Findings" not in {e.text for e in decisions.entities}
