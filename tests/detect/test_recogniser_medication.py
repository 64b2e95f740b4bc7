from __future__ import annotations

import pytest

from anonymiser.detect.medicines import MedicationRecogniser


@pytest.fixture(scope="module")
def recogniser() -> MedicationRecogniser:
    rec = MedicationRecogniser()
    rec.load()
    return rec


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She was prescribed sertraline in March.", ["sertraline"]),
        ("He was on a methadone script.", ["methadone"]),
        ("The health visitor discussed safe sleep.", []),
        # Hyphenated names, which the model's tokens split at the hyphen.
        ("Mother also prescribed Co-codamol 30/500 two tablets qds prn.", ["co-codamol"]),
        ("a course of co-amoxiclav for the bite", ["co-amoxiclav"]),
        # Names of only common words and figures are the sentence's words: "at 10" (a
        # synonym in the dictionary) took "at 10pm" apart as "(specified medication)pm".
        ("Police attended at 10pm.", []),
        ("Police attended at 10 pm and left.", []),
        ("The check was all clear.", []),
        ("He had brown rice and chicken.", []),
        # A rare word with common ones is still a name.
        ("She was prescribed folic acid.", ["folic acid"]),
    ],
)
def test_named_medicines(recogniser: MedicationRecogniser, detector, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    artifacts = detector.nlp_engine.process_text(text, "en")
    assert [text[r.start : r.end].lower() for r in recogniser.analyze(text, ["MEDICATION"], artifacts)] == expected
