"""An adult title before a listed child's surname names another member of the family."""

from __future__ import annotations

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings
from tests.conftest import settings_with_case

CASE = """people:
  - name: "Grace O'Neill"
    role: "child"
    pseudonym: "Child G"
"""


@pytest.fixture(scope="module")
def grace_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return settings_with_case(tmp_path_factory.mktemp("case"), CASE)


def labels(text: str, settings: Settings, detector: Detector) -> list[tuple[str, str]]:
    decision, _ = analyse(document_from_text(text), settings, detector)
    return [(text[e.start : e.end], e.replacement) for e in sorted(decision.edits, key=lambda e: e.start)]


def test_mrs_oneill_is_not_the_child(grace_settings: Settings, detector: Detector) -> None:
    text = "Grace O'Neill lived with her grandmother. Mrs O'Neill, the maternal grandmother, said Grace was well."
    found = labels(text, grace_settings, detector)
    assert found[0] == ("Grace O'Neill", "Child G")
    assert found[1][0] == "Mrs O'Neill" and found[1][1] != "Child G"  # redacted, with a label of her own
    assert found[2] == ("Grace", "Child G")


def test_a_title_a_child_bears_is_still_the_child(grace_settings: Settings, detector: Detector) -> None:
    text = "Grace O'Neill was at school. Miss O'Neill told her teacher."
    assert [label for _, label in labels(text, grace_settings, detector)] == ["Child G", "Child G"]
