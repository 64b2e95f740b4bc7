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
    ],
)
def test_named_medicines(recogniser: MedicationRecogniser, detector, text: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    artifacts = detector.nlp_engine.process_text(text, "en")
    assert [text[r.start : r.end].lower() for r in recogniser.analyze(text, ["MEDICATION"], artifacts)] == expected
