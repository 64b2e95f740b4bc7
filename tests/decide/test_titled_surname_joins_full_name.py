"""A titled surname and the full name after it are one person, one label ("Mrs O'Neill",
then "Mrs Patricia O'Neill"), whichever apostrophe either is written with; a different
honorific before the same surname ("Mr O'Neill") is a different person."""

from __future__ import annotations

from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.settings import Settings, load_settings

CURLY = "\u2019"


def labels(text: str, settings: Settings, detector: Detector) -> list[tuple[str, str]]:
    decision, _ = analyse(document_from_text(text), settings, detector)
    return [(text[e.start : e.end], e.replacement) for e in sorted(decision.edits, key=lambda e: e.start)]


def _case(tmp_path: Path, text: str) -> Settings:
    case = tmp_path / "case.yml"
    case.write_text(text, encoding="utf-8")
    return load_settings(scope="full", case_file=case)


@pytest.mark.parametrize(("first", "second"), [("'", "'"), (CURLY, CURLY), ("'", CURLY), (CURLY, "'")])
def test_titled_surname_then_full_name_is_one_person(
    first: str, second: str, settings: Settings, detector: Detector
) -> None:
    text = f"Mrs O{first}Neill attended the meeting. Later Mrs Patricia O{second}Neill said she was worried."
    found = labels(text, settings, detector)
    assert [t for t, _ in found] == [f"Mrs O{first}Neill", f"Mrs Patricia O{second}Neill"]
    assert found[0][1] == found[1][1]


@pytest.mark.parametrize(("first", "second"), [("'", CURLY), (CURLY, "'")])
def test_full_name_then_titled_surname_with_the_other_apostrophe(
    first: str, second: str, settings: Settings, detector: Detector
) -> None:
    text = f"Mrs Patricia O{first}Neill attended the meeting. Later Mrs O{second}Neill said she was worried."
    found = labels(text, settings, detector)
    assert [t for t, _ in found] == [f"Mrs Patricia O{first}Neill", f"Mrs O{second}Neill"]  # "Later" stays
    assert found[0][1] == found[1][1]


def test_untitled_full_name_joins_the_titled_surname(settings: Settings, detector: Detector) -> None:
    text = "Mrs O'Neill attended the meeting. Later Patricia O'Neill said she was worried."
    found = labels(text, settings, detector)
    assert len(found) == 2 and found[0][1] == found[1][1]


def test_a_different_honorific_is_a_different_person(settings: Settings, detector: Detector) -> None:
    text = "Mr O'Neill attended the meeting. Later Mrs Patricia O'Neill said she was worried. Mrs O'Neill left early."
    found = dict(labels(text, settings, detector))
    assert found["Mr O'Neill"] != found["Mrs Patricia O'Neill"]
    assert found["Mrs O'Neill"] == found["Mrs Patricia O'Neill"]


def test_a_different_honorific_after_the_full_name(settings: Settings, detector: Detector) -> None:
    text = "Mrs Patricia O'Neill attended the meeting. Later Mr O'Neill said he was worried."
    found = dict(labels(text, settings, detector))
    assert found["Mr O'Neill"] != found["Mrs Patricia O'Neill"]


def test_the_case_file_says_who_mrs_oneill_is(tmp_path: Path, detector: Detector) -> None:
    settings = _case(
        tmp_path,
        """people:
  - name: "Siobhan O'Neill"
    aliases: ["Mrs O'Neill"]
    role: "mother"
    pseudonym: "Mother"
""",
    )
    text = "Mrs O'Neill attended the meeting. Later Mrs Patricia O'Neill said she was worried."
    found = dict(labels(text, settings, detector))
    assert found["Mrs O'Neill"] == "Mother"
    assert found["Mrs Patricia O'Neill"] not in ("Mother", "")


def test_the_grandmother_of_a_listed_child_is_one_person(tmp_path: Path, detector: Detector) -> None:
    settings = _case(
        tmp_path,
        """people:
  - name: "Grace O'Neill"
    role: "child"
    pseudonym: "Child G"
""",
    )
    text = "Grace O'Neill lived with Mrs O'Neill. Her grandmother, Patricia O'Neill, said Grace was well."
    found = dict(labels(text, settings, detector))
    assert found["Grace O'Neill"] == "Child G"
    assert found["Mrs O'Neill"] == found["Patricia O'Neill"] != "Child G"
