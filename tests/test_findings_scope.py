"""The findings-only report on the sample SCR draft, end to end (issue 5).

Each sample draft (.txt and .docx) is anonymised twice with the sample case file: once with
``--scope findings`` (the default) and once with ``--scope full``. The gold file lists
case-detail marker sentences from the family background and chronology, and every numbered
paragraph of the findings, conclusions and recommendations.

The outputs are anonymised, so a marker cannot be looked up verbatim. What proves that a
marker sentence is gone: (1) the source paragraph that holds it is in a section the review
log lists as dropped, and (2) none of its *surviving fragments* is in the findings output.
A surviving fragment is a run of at least ``MIN_FRAGMENT`` words of the marker that the full
output still holds word for word (the words between redactions). Every marker has one in the
full output, so the same check would find the sentence had it leaked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import docx
import pytest
import yaml

from anonymiser.detect.engine import Detector
from anonymiser.pipeline import OutputNames, process_document
from anonymiser.read import read_document
from anonymiser.records import Finding, TextUnit
from anonymiser.review_log.writers import read_csv_rows
from anonymiser.settings import load_settings
from tests.conftest import CASE_FILE, SAMPLES

DRAFT = "scr_overview_draft"
GOLD = yaml.safe_load((SAMPLES / f"{DRAFT}.gold.yml").read_text(encoding="utf-8"))
MARKERS: list[str] = GOLD["case_detail_markers"]
FINDINGS: list[str] = GOLD["findings_paragraphs"]
MUST_REDACT: list[str] = [entry["text"] for entry in GOLD["must_redact"]]
FORMATS = ("txt", "docx")
SCOPES = ("findings", "full")
MIN_FRAGMENT = 4
# The sample's case-detail sections, by heading as the draft writes them.
DROPPED_HEADINGS = ("2. FAMILY BACKGROUND", "3. CHRONOLOGY AND KEY PRACTICE EPISODES")


class _SameUnitsDetector:
    """The session detector, remembering its answer per set of units: the findings and full
    runs detect on the same draft, and detection does not depend on the scope."""

    def __init__(self, detector: Detector) -> None:
        self._detector = detector
        self._seen: dict[tuple[TextUnit, ...], list[Finding]] = {}

    def __getattr__(self, name: str) -> object:
        return getattr(self._detector, name)

    def detect(self, units: Sequence[TextUnit], ad_hoc: Sequence[object] = (), *, model: bool = True) -> list[Finding]:
        key = (tuple(units), model)
        if key not in self._seen:
            self._seen[key] = self._detector.detect(units, ad_hoc, model=model)
        return list(self._seen[key])


@dataclass(frozen=True)
class Run:
    source: Path
    output: Path
    csv: Path
    json: Path


@pytest.fixture(scope="module")
def shared_detector(detector: Detector) -> _SameUnitsDetector:
    return _SameUnitsDetector(detector)


def _run(source: Path, scope: str, detector: _SameUnitsDetector, folder: Path, case_file: Path = CASE_FILE) -> Run:
    settings = load_settings(scope=scope, case_file=case_file)
    process_document(source, folder, settings, detector)  # type: ignore[arg-type]
    names = OutputNames.for_input(source)
    return Run(source, folder / names.document, folder / names.csv, folder / names.json)


@pytest.fixture(scope="module", params=FORMATS)
def findings(
    request: pytest.FixtureRequest, shared_detector: _SameUnitsDetector, tmp_path_factory: pytest.TempPathFactory
) -> Run:
    """The default scope, on the sample in each format."""
    source = SAMPLES / f"{DRAFT}.{request.param}"
    return _run(source, "findings", shared_detector, tmp_path_factory.mktemp(f"findings-{request.param}"))


@pytest.fixture(scope="module")
def full(shared_detector: _SameUnitsDetector, tmp_path_factory: pytest.TempPathFactory) -> Run:
    """``--scope full`` on the .txt sample (the .docx has the same body text; one run of the
    model is enough to see what a leak of each marker would look like)."""
    return _run(SAMPLES / f"{DRAFT}.txt", "full", shared_detector, tmp_path_factory.mktemp("full"))


# -- helpers -------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.replace("\u2019", "'").lower())


def word_string(text: str) -> str:
    """Text as " w1 w2 ... " so that a phrase can be found as whole words."""
    return f" {' '.join(words(text))} "


def paragraphs(path: Path) -> list[str]:
    """The main-text paragraphs of a draft or output, in order."""
    return [
        u.text.strip()
        for u in read_document(path).units
        if u.kind == "paragraph" and u.location.part in ("body", "text") and u.text.strip()
    ]


def whole_text(path: Path) -> str:
    """Every piece of text a reader finds (headers, footers, properties too)."""
    return "\n".join(u.text for u in read_document(path).units)


def surviving_fragments(marker: str, written: str) -> list[str]:
    """The longest runs (MIN_FRAGMENT words or more) of ``marker`` found in ``written``."""
    marker_words, found, i = words(marker), [], 0
    while i < len(marker_words):
        j = i
        while j < len(marker_words) and f" {' '.join(marker_words[i : j + 1])} " in written:
            j += 1
        if j - i >= MIN_FRAGMENT:
            found.append(" ".join(marker_words[i:j]))
            i = j
        else:
            i += 1
    return found


def numbered(paras: Sequence[str], number: str) -> list[int]:
    pattern = re.compile(rf"^{re.escape(number)}\s")
    return [i for i, p in enumerate(paras) if pattern.match(p)]


def redacted_strings_in(text: str) -> list[str]:
    found = []
    for secret in MUST_REDACT:
        pattern = re.escape(secret).replace("'", "['\u2019]")
        if re.search(rf"(?<!\w){pattern}(?!\w)", text):
            found.append(secret)
    return found


def dropped_units(log_json: Path) -> set[int]:
    log = json.loads(log_json.read_text(encoding="utf-8"))
    return {uid for s in log["sections"] if s["action"] == "drop" for uid in s["units"]}


# -- case detail is gone -------------------------------------------------------------------


@pytest.mark.parametrize("marker", MARKERS, ids=[f"marker{i}" for i in range(1, len(MARKERS) + 1)])
def test_marker_sentence_is_absent_from_findings_output(findings: Run, full: Run, marker: str) -> None:
    assert leaked_fragments(marker, findings, full) == []


def leaked_fragments(marker: str, findings: Run, full: Run) -> list[str]:
    """The fragments of ``marker`` that the full output keeps and the findings output has."""
    fragments = surviving_fragments(marker, word_string(whole_text(full.output)))
    # The full output keeps the sentence, so the check is able to see a leak.
    assert fragments, "the full-scope output should still hold this marker sentence"
    findings_text = word_string(whole_text(findings.output))
    return [f for f in fragments if f" {f} " in findings_text]


@pytest.mark.parametrize("marker", MARKERS, ids=[f"marker{i}" for i in range(1, len(MARKERS) + 1)])
def test_marker_paragraph_is_in_a_dropped_section(findings: Run, full: Run, marker: str) -> None:
    for run, dropped in ((findings, True), (full, False)):
        units = read_document(run.source).units
        holders = {u.uid for u in units if word_string(marker) in word_string(u.text)}
        assert holders, "the marker should be in the source draft"
        assert (holders <= dropped_units(run.json)) is dropped


# -- findings, conclusions and recommendations are kept -------------------------------------


def test_every_findings_paragraph_is_kept_with_its_number_in_order(findings: Run) -> None:
    paras = paragraphs(findings.output)
    positions = []
    for number in FINDINGS:
        found = numbered(paras, number)
        assert len(found) == 1, f"paragraph {number} should appear once"
        positions.append(found[0])
    assert positions == sorted(positions)


def test_findings_paragraphs_are_whole_and_anonymised(findings: Run) -> None:
    source, output = paragraphs(findings.source), paragraphs(findings.output)
    named_in_source = 0
    for number in FINDINGS:
        before, after = source[numbered(source, number)[0]], output[numbered(output, number)[0]]
        named_in_source += bool(redacted_strings_in(before))
        assert redacted_strings_in(after) == [], number
        # The same paragraph, only with replacements: most of its words are unchanged.
        assert SequenceMatcher(None, words(before), words(after)).ratio() > 0.8, number
    assert named_in_source > 0, "some findings paragraphs name the family, so anonymising is tested"


# -- the review log ------------------------------------------------------------------------


@pytest.mark.parametrize("heading", DROPPED_HEADINGS)
def test_dropped_sections_are_listed_in_the_review_log(findings: Run, heading: str) -> None:
    rows = [r for r in read_csv_rows(findings.csv) if r["category"] == "SECTION"]
    assert {r["action"] for r in rows if r["text"] == heading} == {"drop"}
    log = json.loads(findings.json.read_text(encoding="utf-8"))
    assert [s["action"] for s in log["sections"] if s["heading"] == heading] == ["drop"]
    # Every dropped section has its row; nothing is lost without a line in the log.
    dropped = {s["heading"] for s in log["sections"] if s["action"] == "drop"}
    assert dropped == {r["text"] for r in rows if r["action"] == "drop"}


def test_full_scope_keeps_every_section(full: Run) -> None:
    rows = [r for r in read_csv_rows(full.csv) if r["category"] == "SECTION"]
    assert rows and {r["action"] for r in rows} == {"keep"}
    assert {h for h in DROPPED_HEADINGS} <= {r["text"] for r in rows}


# -- Word formatting -----------------------------------------------------------------------


@pytest.mark.parametrize("findings", ["docx"], indirect=True)
def test_docx_kept_paragraphs_keep_their_styles(findings: Run) -> None:
    run = findings
    units = [
        u
        for u in read_document(run.source).units
        if u.kind == "paragraph" and u.location.part == "body" and u.location.cell is None
    ]
    source_paras = [p for p in docx.Document(str(run.source)).paragraphs if p.text.strip()]
    # The reader gives one unit per non-empty body paragraph, in order: pair them up.
    assert len(units) == len(source_paras)
    dropped = dropped_units(run.json)
    expected = [p.style.name for u, p in zip(units, source_paras) if u.uid not in dropped]
    written = [p.style.name for p in docx.Document(str(run.output)).paragraphs if p.text.strip()]
    assert written == expected
    headings = [s for s in expected if s.startswith("Heading")]
    assert len(headings) >= 10 and "Heading 1" in headings and "Heading 2" in headings
    # The sample's one table is the chronology: it goes with its section.
    assert len(docx.Document(str(run.source)).tables) == 1
    assert docx.Document(str(run.output)).tables == []


def test_a_draft_whose_sections_are_all_dropped_gives_an_empty_report_and_a_log(
    tmp_path: Path, detector: Detector
) -> None:
    """Nothing left to publish is still a result: the log says what was dropped and why."""
    from anonymiser.api import redact_many
    from anonymiser.settings import load_settings

    draft = tmp_path / "tiny.txt"
    draft.write_text("FAMILY BACKGROUND\n\nKayleigh Marsh lived in Harrowfold with her son.\n", encoding="utf-8")
    [outcome] = redact_many([draft], tmp_path / "out", load_settings(scope="findings"), detector=detector)
    assert outcome.ok, outcome.error
    assert "Marsh" not in (tmp_path / "out" / "tiny.anonymised.txt").read_text(encoding="utf-8")
    log = json.loads((tmp_path / "out" / "tiny.review.json").read_text(encoding="utf-8"))
    assert log["summary"]["sections_dropped"] >= 1
