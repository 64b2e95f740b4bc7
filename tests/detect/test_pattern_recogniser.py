"""PatternRecogniser (anonymiser/detect/pattern_recogniser.py): Presidio's pattern recogniser
with a ``mask`` group for lead-ins, no per-match explanations, and a time-out that fails."""

from __future__ import annotations

import pytest
from presidio_analyzer import Pattern, PatternRecognizer

import anonymiser.detect.pattern_recogniser as module
from anonymiser.detect.pattern_recogniser import PatternRecogniser
from anonymiser.errors import ConfigError


def recogniser(regex: str, score: float = 0.6) -> PatternRecogniser:
    return PatternRecogniser(supported_entity="REFERENCE", name="test", patterns=[Pattern("p", regex, score)])


def found(r: PatternRecognizer, text: str) -> list[tuple[str, float]]:
    return [(text[x.start : x.end], x.score) for x in sorted(r.analyze(text, ["REFERENCE"]), key=lambda x: x.start)]


def test_only_the_mask_group_is_found() -> None:
    r = recogniser(r"\bcrime\s+ref\s*:?\s*(?P<mask>[A-Z]{2}/\d{5})")
    assert found(r, "crime ref: WC/12345 and crime ref WC/67890, not WC/11111") == [("WC/12345", 0.6), ("WC/67890", 0.6)]


def test_a_pattern_without_a_mask_group_is_found_whole() -> None:
    assert found(recogniser(r"\b[A-Z]{2}/\d{5}\b"), "see WC/12345.") == [("WC/12345", 0.6)]


def test_a_mask_group_that_takes_no_part_finds_nothing() -> None:
    assert found(recogniser(r"\bref\b(?:\s+(?P<mask>\d{4}))?"), "ref and ref 1234") == [("1234", 0.6)]


def test_matches_scores_and_validation_are_presidios() -> None:
    class Checked(PatternRecogniser):
        def validate_result(self, pattern_text: str) -> bool:
            return pattern_text.endswith("0")

    patterns = [Pattern("p", r"\b\d{4}\b", 0.3)]
    ours = Checked(supported_entity="REFERENCE", name="t", patterns=patterns)

    class Theirs(PatternRecognizer):
        def validate_result(self, pattern_text: str) -> bool:
            return pattern_text.endswith("0")

    theirs = Theirs(supported_entity="REFERENCE", name="t", patterns=[Pattern("p", r"\b\d{4}\b", 0.3)])
    text = "1230 4567 7890 and 1111"
    assert found(ours, text) == found(theirs, text) == [("1230", 1.0), ("7890", 1.0)]


def test_a_regex_that_runs_too_long_fails_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    # Presidio logs a time-out and finds nothing; a silent gap could let an identifier through.
    monkeypatch.setattr(module, "REGEX_TIMEOUT_SECONDS", 0.01)
    r = recogniser(r"(?:a|aa)+$")
    with pytest.raises(ConfigError, match="took longer"):
        r.analyze("a" * 5000 + "b", ["REFERENCE"])
