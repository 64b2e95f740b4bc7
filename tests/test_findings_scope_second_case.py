"""The findings-only report on the second case's overview draft ("Child R", session 13), end
to end, as ``tests/test_findings_scope.py`` checks the Westmere overview: the case-detail
markers of its family background and agency involvement are gone, every numbered paragraph of
its findings, conclusions and recommendations is kept whole and anonymised.

At first sight its family background ("Section 3: Ezra, Skye and Their Family") was no
heading, and was published inside the terms of reference."""

from __future__ import annotations

import json
import re
from difflib import SequenceMatcher
from pathlib import Path

import pytest

from anonymiser.detect.engine import Detector
from anonymiser.evaluate.gold import load_gold
from anonymiser.read import read_document
from tests.conftest import SAMPLES
from tests.test_findings_scope import (
    Run,
    _SameUnitsDetector,
    _run as run_draft,
    dropped_units,
    leaked_fragments,
    numbered,
    paragraphs,
    word_string,
    words,
)

FOLDER = SAMPLES / "second_case"
DRAFT = "cspr_overview_draft"
GOLD = load_gold(FOLDER / f"{DRAFT}.gold.yml")
MARKERS, FINDINGS = list(GOLD.case_detail_markers), list(GOLD.findings_paragraphs)
MUST_REDACT = [item.text for item in GOLD.must_redact]
DROPPED_HEADINGS = ("Section 3: Ezra, Skye and Their Family", "Section 4: Summary of Agency Involvement")


def _run(source: Path, scope: str, detector: _SameUnitsDetector, folder: Path) -> Run:
    return run_draft(source, scope, detector, folder, FOLDER / "case.yml")


@pytest.fixture(scope="module")
def shared_detector(detector: Detector) -> _SameUnitsDetector:
    return _SameUnitsDetector(detector)


@pytest.fixture(scope="module", params=("txt", "docx"))
def findings(request: pytest.FixtureRequest, shared_detector: _SameUnitsDetector, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return _run(FOLDER / f"{DRAFT}.{request.param}", "findings", shared_detector, tmp_path_factory.mktemp(f"second-{request.param}"))


@pytest.fixture(scope="module")
def full(shared_detector: _SameUnitsDetector, tmp_path_factory: pytest.TempPathFactory) -> Run:
    return _run(FOLDER / f"{DRAFT}.txt", "full", shared_detector, tmp_path_factory.mktemp("second-full"))


def _leaks(text: str) -> list[str]:
    return [s for s in MUST_REDACT if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]


@pytest.mark.parametrize("marker", MARKERS, ids=[f"marker{i}" for i in range(1, len(MARKERS) + 1)])
def test_marker_sentence_is_absent_from_findings_output(findings: Run, full: Run, marker: str) -> None:
    assert leaked_fragments(marker, findings, full) == []


def test_case_detail_sections_are_dropped(findings: Run) -> None:
    log = json.loads(findings.json.read_text(encoding="utf-8"))
    actions = {s["heading"]: s["action"] for s in log["sections"]}
    assert {h: actions.get(h) for h in DROPPED_HEADINGS} == {h: "drop" for h in DROPPED_HEADINGS}
    units = read_document(findings.source).units
    holders = {u.uid for m in MARKERS for u in units if word_string(m) in word_string(u.text)}
    assert holders and holders <= dropped_units(findings.json)


def test_every_findings_paragraph_is_kept_whole_and_anonymised(findings: Run) -> None:
    source, output = paragraphs(findings.source), paragraphs(findings.output)
    positions = []
    for number in FINDINGS:
        found = numbered(output, number)
        assert len(found) == 1, f"paragraph {number} should appear once"
        positions.append(found[0])
        before, after = source[numbered(source, number)[-1]], output[found[0]]
        assert _leaks(after) == [], number
        assert SequenceMatcher(None, words(before), words(after)).ratio() > 0.8, number
    assert positions == sorted(positions)
