"""Shared helpers for the recogniser tests: load one recogniser by name, list what it finds."""

from __future__ import annotations

from pathlib import Path

from presidio_analyzer import EntityRecognizer

from anonymiser.detect.registry import load_recognisers

PATTERNS = Path(__file__).resolve().parents[2] / "patterns"


def load_one(name: str, coded: tuple[str, ...] = ()) -> EntityRecognizer:
    """The recogniser called ``name`` from patterns/ (YAML, or coded when named in ``coded``)."""
    matches = [r for r in load_recognisers(PATTERNS, list(coded)) if r.name == name]
    assert len(matches) == 1, f"expected one recogniser called {name}"
    return matches[0]


def found(recogniser: EntityRecognizer, text: str, entity: str) -> list[str]:
    """The texts ``recogniser`` finds in ``text``, in order; every result has ``entity``."""
    results = recogniser.analyze(text, [entity], nlp_artifacts=None)
    assert all(r.entity_type == entity for r in results)
    return [text[r.start : r.end] for r in sorted(results, key=lambda r: r.start)]


def spans(recogniser: EntityRecognizer, text: str, entity: str) -> list[tuple[int, int, str]]:
    """Like ``found``, with each text's start and end offsets."""
    results = recogniser.analyze(text, [entity], nlp_artifacts=None)
    assert all(r.entity_type == entity for r in results)
    return [(r.start, r.end, text[r.start : r.end]) for r in sorted(results, key=lambda r: r.start)]
