"""Helpers for decide tests: on hand-made findings (no model), a one-paragraph draft, findings
in it and what was redacted; with the model, the text a draft becomes."""

from __future__ import annotations

from collections.abc import Sequence

from anonymiser.decide.decide import Decisions
from anonymiser.decide.people import KnownName
from anonymiser.decide.repeats import tidy_repeated_words
from anonymiser.detect.engine import Detector
from anonymiser.pipeline import analyse
from anonymiser.read.text import document_from_text
from anonymiser.records import Finding, TextUnit
from anonymiser.settings import Settings


def one_unit(text: str) -> TextUnit:
    """The draft ``text`` as its single paragraph (uid 0)."""
    (unit,) = document_from_text(text).units
    assert unit.uid == 0 and unit.text == text
    return unit


def finding(text: str, part: str, category: str, recogniser: str, occurrence: int = 0, score: float = 0.5) -> Finding:
    """A finding of ``part`` (its ``occurrence``-th appearance) in the one-paragraph ``text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(part, start + 1)
    return Finding(0, start, start + len(part), part, category, score, recogniser)


def redactions(text: str, decisions: Decisions) -> list[str]:
    """The redacted stretches of ``text``, in order."""
    return [text[e.start : e.end] for e in sorted(decisions.edits, key=lambda e: e.start)]


def redacted(text: str, settings: Settings, detector: Detector, known: Sequence[KnownName] = ()) -> str:
    """``text`` as the pipeline writes it: detected, decided, its replacements applied (role
    words the label repeats tidied, as the writer does). ``known``: people other drafts of
    a batch name in full."""
    doc = document_from_text(text)
    decisions, _ = analyse(doc, settings, detector, known)
    for edit in sorted(tidy_repeated_words(decisions.edits, doc.units), key=lambda e: -e.start):
        text = text[: edit.start] + edit.replacement + text[edit.end :]
    return text
