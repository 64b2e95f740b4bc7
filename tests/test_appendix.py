"""`anonymiser appendix`: the IMR recommendations appendix, end to end (issue 5).

The command runs once on the two sample IMRs (one read as .txt, one as .docx), with the
session's detector standing in for the model it would load. Failures are tested with inputs
that fail before the model is needed, or with a stand-in pipeline that fails part-way.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from typer.testing import CliRunner

from anonymiser.appendix import (
    AppendixError,
    AppendixNames,
    appendix_inputs,
    build_appendix,
    collect_recommendations,
    problems,
)
from anonymiser.cli import app
from anonymiser.decide.recommendations import APPENDIX_TITLE, UNNAMED_AGENCY
from anonymiser.detect.engine import Detector
from anonymiser.errors import AnonymiserError, ConfigError, VerificationError
from anonymiser.pipeline import OutputNames
from anonymiser.read import read_document
from anonymiser.review_log.writers import read_csv_rows
from anonymiser.settings import Settings, load_settings
from tests.conftest import CASE_FILE, SAMPLES

IMRS = (SAMPLES / "imr_health_draft.txt", SAMPLES / "imr_police_draft.docx")
GOLDS = [
    yaml.safe_load((SAMPLES / f"{name}.gold.yml").read_text(encoding="utf-8"))
    for name in ("imr_health_draft", "imr_police_draft")
]
OUTPUT_NAMES = {"appendix.docx", "appendix.txt", "appendix.review.csv", "appendix.review.json"}


@dataclass(frozen=True)
class Built:
    exit_code: int
    output: str
    folder: Path
    names: AppendixNames


@pytest.fixture(scope="module")
def built(detector: Detector, tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp("appendix")
    out = folder / "appendix.docx"
    with pytest.MonkeyPatch.context() as patch:
        # The command builds its own detector; hand it the session's instead of a second model.
        patch.setattr("anonymiser.detect.engine.Detector", lambda _settings: detector)
        result = CliRunner().invoke(
            app, ["appendix", *map(str, IMRS), "--out", str(out), "--case", str(CASE_FILE)]
        )
    return Built(result.exit_code, result.output, folder, AppendixNames.for_output(out))


def paragraphs(path: Path) -> list[str]:
    return [u.text.strip() for u in read_document(path).units if u.location.part in ("body", "text") and u.text.strip()]


def whole_text(path: Path) -> str:
    return "\n".join(u.text for u in read_document(path).units)


def found(secret: str, text: str) -> bool:
    pattern = re.escape(secret).replace("'", "['\u2019]")
    return re.search(rf"(?<!\w){pattern}(?!\w)", text) is not None


def expected_lines() -> list[str]:
    """Title, then "N. Agency" and "N.M <start of recommendation>" from the gold files."""
    lines = [APPENDIX_TITLE]
    for a, gold in enumerate(GOLDS, start=1):
        lines.append(f"{a}. {gold['recommendations']['agency']}")
        lines += [f"{a}.{r} {item}" for r, item in enumerate(gold["recommendations"]["items"], start=1)]
    return lines


# -- the sample appendix -------------------------------------------------------------------


def test_command_writes_the_four_outputs_and_nothing_else(built: Built) -> None:
    assert built.exit_code == 0, built.output
    assert {p.name for p in built.folder.iterdir()} == OUTPUT_NAMES
    assert "11 recommendation(s) from 2 IMR(s)" in built.output


@pytest.mark.parametrize("kind", ["docx", "text"])
def test_recommendations_are_listed_under_their_agency_in_order(built: Built, kind: str) -> None:
    written = paragraphs(getattr(built.names, kind))
    expected = expected_lines()
    assert len(written) == len(expected)
    for line, start in zip(written, expected):
        assert line.startswith(start)


def test_docx_uses_heading_styles_for_title_and_agencies(built: Built) -> None:
    document = docx.Document(str(built.names.docx))
    styles = [(p.style.name, p.text.split(" ", 1)[0]) for p in document.paragraphs if p.text.strip()]
    assert styles[0] == ("Heading 1", "Appendix")
    assert [number for style, number in styles if style == "Heading 2"] == ["1.", "2."]
    assert all(style == "Normal" for style, number in styles if re.fullmatch(r"\d\.\d", number))


@pytest.mark.parametrize("kind", ["docx", "text"])
@pytest.mark.parametrize("gold", GOLDS, ids=["health", "police"])
def test_no_must_redact_string_of_the_imrs_is_in_the_appendix(built: Built, kind: str, gold: dict[str, Any]) -> None:
    text = whole_text(getattr(built.names, kind))
    assert [e["text"] for e in gold["must_redact"] if found(e["text"], text)] == []
    # The agencies are kept (the scr policy keeps AGENCY entities).
    assert found(gold["recommendations"]["agency"], text)


def test_review_log_describes_the_appendix(built: Built) -> None:
    for path in (built.names.csv, built.names.json):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600  # it holds the original text
    log = json.loads(built.names.json.read_text(encoding="utf-8"))
    assert log["output"]["name"] == "appendix.docx"
    assert log["settings"]["scope"] == "full"
    assert log["verification"]["passed"] is True
    sources = log["appendix"]["sources"]
    assert [(s["name"], s["agency"], s["recommendations"]) for s in sources] == [
        (path.name, gold["recommendations"]["agency"], len(gold["recommendations"]["items"]))
        for path, gold in zip(IMRS, GOLDS)
    ]
    assert log["appendix"]["text_version"]["sha256"] == hashlib.sha256(built.names.text.read_bytes()).hexdigest()
    rows = read_csv_rows(built.names.csv)
    agencies = " ".join(g["recommendations"]["agency"] for g in GOLDS)
    assert any(r["category"] == "AGENCY" and r["action"] == "keep" for r in rows)
    assert [r["text"] for r in rows if r["action"] == "redact" and r["text"] in agencies] == []


def test_the_appendix_own_properties_ask_the_consultant_nothing(built: Built) -> None:
    # The appendix named the tool as its author, which the review log then raised as a rare
    # feature for the consultant to decide ("anonymiser", in the document properties).
    log = json.loads(built.names.json.read_text(encoding="utf-8"))
    assert [e["text"] for e in log["entities"] if e["locations"].startswith("document properties")] == []


def test_recommendation_text_is_anonymised_and_a_missing_agency_is_said(
    detector: Detector, case_settings: Settings, tmp_path: Path
) -> None:
    imr = tmp_path / "imr_nursery.txt"
    imr.write_text(
        "INDIVIDUAL MANAGEMENT REVIEW\n\n1. INTRODUCTION\n\n1.1 This review covers our contact with the family.\n\n"
        "2. RECOMMENDATIONS\n\n2.1 Staff should speak with Kayleigh Marsh's health visitor before closing a case.\n\n"
        "2.2 Managers in Harrowfold should audit body maps every quarter.\n",
        encoding="utf-8",
    )
    result = build_appendix([imr], tmp_path / "out" / "appendix.docx", case_settings, detector)
    written = paragraphs(tmp_path / "out" / "appendix.txt")
    assert written[1] == f"1. {UNNAMED_AGENCY}"
    # Replaced, whatever the label: the names are gone and the rest of the sentence is there.
    assert written[2].startswith("1.1 Staff should speak with ")
    assert written[2].endswith(" health visitor before closing a case.")
    assert written[3].startswith("1.2 Managers in ") and written[3].endswith(" should audit body maps every quarter.")
    assert [s for s in ("Kayleigh", "Marsh", "Harrowfold") if s in "\n".join(written)] == []
    assert problems(result.sources) == [
        f"{imr}: no agency name found on the title page or in a heading; listed as {UNNAMED_AGENCY}"
    ]


def test_a_surname_alone_in_a_recommendation_is_redacted(
    detector: Detector, case_settings: Settings, tmp_path: Path
) -> None:
    # The full names are only in the IMR's body; the recommendations use surnames alone,
    # which the appendix (the recommendations without the body) cannot tell are names.
    imr = tmp_path / "imr_police.txt"
    imr.write_text(
        "Individual Management Review: Ashbury Constabulary\n\nIntroduction\n\n"
        "The family friend, Wren Castle, often stayed. Her uncle Rowan Mercer also visited, "
        "as did Mr Brook Fairweather.\n\nFindings\n\nCastle was arrested on 3 May 2019. "
        "Fairweather called twice.\n\nRecommendations\n\n"
        "1. Officers should check whether Castle is living at the address.\n\n"
        "2. Checks should be made on Mercer before any contact.\n\n"
        "3. Fairweather should be offered support.\n",
        encoding="utf-8",
    )
    build_appendix([imr], tmp_path / "out" / "appendix.docx", case_settings, detector)
    for kind in ("appendix.txt", "appendix.docx"):
        text = whole_text(tmp_path / "out" / kind)
        assert [s for s in ("Castle", "Mercer", "Fairweather") if s in text] == [], kind
        assert "Officers should check whether " in text and " should be offered support." in text


# -- order of agencies ---------------------------------------------------------------------


def test_agencies_follow_the_order_given(case_settings: Settings) -> None:
    sources = collect_recommendations(appendix_inputs(list(reversed(IMRS))), case_settings.sections)
    assert [s.recommendations.agency for s in sources] == [g["recommendations"]["agency"] for g in reversed(GOLDS)]


def test_a_folder_is_read_in_name_order_without_the_appendix_itself(case_settings: Settings, tmp_path: Path) -> None:
    shutil.copy(IMRS[0], tmp_path / "b_health.txt")
    shutil.copy(IMRS[1], tmp_path / "a_police.docx")
    (tmp_path / "appendix.txt").write_text("an earlier appendix\n", encoding="utf-8")
    inputs = appendix_inputs([tmp_path], tmp_path / "appendix.docx")
    assert [p.name for p in inputs] == ["a_police.docx", "b_health.txt"]


# -- two IMRs from one agency --------------------------------------------------------------

CUSTODY_IMR = """Agency: westmere  constabulary

CUSTODY INDIVIDUAL MANAGEMENT REVIEW

1. Introduction

This review covers the custody suite's contact with the family.

2. Recommendations

2.1 Custody sergeants should record every child present at an arrest.

2.2 The force should audit custody referrals to children's social care every quarter.
"""


def test_imrs_of_one_agency_are_listed_under_one_heading(detector: Detector, tmp_path: Path) -> None:
    # The police sample, then the health sample, then a second police IMR that spells the
    # force in lower case: two headings, the police's seven recommendations under the first.
    custody = tmp_path / "imr_custody.txt"
    custody.write_text(CUSTODY_IMR, encoding="utf-8")
    out = tmp_path / "out" / "appendix.docx"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("anonymiser.detect.engine.Detector", lambda _settings: detector)
        result = CliRunner().invoke(
            app, ["appendix", str(IMRS[1]), str(IMRS[0]), str(custody), "--out", str(out), "--case", str(CASE_FILE)]
        )
    assert result.exit_code == 0, result.output
    police, health = GOLDS[1]["recommendations"], GOLDS[0]["recommendations"]
    names = AppendixNames.for_output(out)
    for kind in ("docx", "text"):
        written = paragraphs(getattr(names, kind))
        headings = [line for line in written if re.match(r"\d+\. ", line)]
        assert headings == [f"1. {police['agency']}", f"2. {health['agency']}"], kind
        numbers = [line.split(" ", 1)[0] for line in written if re.match(r"\d+\.\d+ ", line)]
        n_police = len(police["items"]) + 2
        assert numbers == [f"1.{r}" for r in range(1, n_police + 1)] + [
            f"2.{r}" for r in range(1, len(health["items"]) + 1)
        ], kind
        last_police = next(line for line in written if line.startswith(f"1.{n_police} "))
        assert last_police.startswith(f"1.{n_police} The force should audit custody referrals"), kind
    sources = json.loads(names.json.read_text(encoding="utf-8"))["appendix"]["sources"]
    assert [(s["name"], s["agency"], s["heading"]) for s in sources] == [
        (IMRS[1].name, police["agency"], 1),
        (IMRS[0].name, health["agency"], 2),
        (custody.name, "westmere constabulary", 1),
    ]
    assert "under 2 agency heading(s)" in " ".join(result.output.split())
    note = " ".join(line for line in result.output.splitlines() if "note:" in line)
    assert IMRS[1].name in note and custody.name in note and "heading 1" in note


# -- failing closed ------------------------------------------------------------------------


def _bad_inputs(tmp_path: Path) -> dict[str, Path]:
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04 not really a Word file")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Recommendations for the caf\xe9".encode("latin-1"))
    pdf = tmp_path / "imr.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    return {"corrupt": corrupt, "empty": empty, "not-utf8": latin, "pdf": pdf, "missing": tmp_path / "gone.docx"}


@pytest.fixture
def no_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_settings: Settings) -> Detector:
        raise AssertionError("the inputs should be checked before the model is loaded")

    monkeypatch.setattr("anonymiser.detect.engine.Detector", refuse)


@pytest.mark.parametrize("bad", ["corrupt", "empty", "not-utf8", "pdf", "missing"])
def test_a_bad_imr_fails_the_command_and_writes_nothing(no_model: None, tmp_path: Path, bad: str) -> None:
    path = _bad_inputs(tmp_path)[bad]
    out_dir = tmp_path / "out"
    result = CliRunner().invoke(app, ["appendix", str(IMRS[0]), str(path), "--out", str(out_dir / "appendix.docx")])
    assert result.exit_code != 0
    assert not out_dir.exists() or list(out_dir.iterdir()) == []
    errors = [line for line in result.output.splitlines() if "error:" in line]
    assert len(errors) == 1 and path.name in errors[0]


@pytest.mark.parametrize("out_name", ["appendix.pdf", "appendix", ".docx"])
def test_out_must_name_a_docx(no_model: None, tmp_path: Path, out_name: str) -> None:
    result = CliRunner().invoke(app, ["appendix", str(IMRS[0]), "--out", str(tmp_path / out_name)])
    assert result.exit_code == 2
    assert list(tmp_path.iterdir()) == []


def test_no_drafts_in_the_folder_is_an_error(no_model: None, tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        build_appendix([tmp_path], tmp_path / "appendix.docx", load_settings(scope="full"))


class _FailingPipeline:
    """Stands in for ``process_document``: the Word run succeeds, the text run goes wrong."""

    def __init__(self, failure: str) -> None:
        self.failure = failure

    def __call__(self, raw: Path, out_dir: Path, *_args: Any, extra_log: dict[str, Any] | None = None) -> None:
        names = OutputNames.for_input(raw)
        if raw.suffix == ".txt":
            if self.failure == "verification":
                raise VerificationError(f"{raw}: verification found redacted text still in the output at line 3")
            if self.failure == "bug":
                raise RuntimeError("a bug")
        text = raw.read_bytes() + (b"\n\nan extra paragraph\n" if raw.suffix == ".txt" else b"")
        (out_dir / names.document).write_bytes(text)
        (out_dir / names.csv).write_text("log\n", encoding="utf-8")
        (out_dir / names.json).write_text(json.dumps({"output": {"name": names.document}, **(extra_log or {})}))


@pytest.fixture
def failing(monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> Iterator[str]:
    monkeypatch.setattr("anonymiser.appendix.process_document", _FailingPipeline(request.param))
    # The IMRs' people are found with the model; the stand-in detector has none.
    monkeypatch.setattr("anonymiser.appendix.people_named_in", lambda *_args: [])
    yield request.param


@pytest.mark.parametrize(
    ("failing", "message"),
    [
        ("verification", "appendix.txt: the appendix was not written: appendix.txt: verification found"),
        ("bug", "internal error (RuntimeError); nothing was written"),
        ("mismatch", "anonymised differently"),
    ],
    indirect=["failing"],
)
def test_a_failure_part_way_leaves_no_outputs(failing: str, message: str, tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    stand_in: Any = object()  # the stand-in pipeline never uses a detector
    with pytest.raises(AppendixError) as caught:
        build_appendix(list(IMRS), out_dir / "appendix.docx", load_settings(scope="full"), stand_in)
    assert message in str(caught.value)
    assert str(out_dir / "appendix") in str(caught.value)  # names the output, not a temporary file
    assert list(out_dir.iterdir()) == []  # no outputs, and no temporary folder left behind
    assert isinstance(caught.value, AnonymiserError)


# -- labels shared with the batch ----------------------------------------------------------

# Two IMRs of one review whose recommendations name people the case file does not list.
# The batch labels them across both drafts ("Health Visitor 1" from the health IMR); the
# appendix, which holds only the recommendations, gave "Person A" and "Person B" in the
# order it met them (session 12: "Police Researcher 1 and Person C" in the police IMR's
# output were "Person A and Person B" in the appendix).
REVIEW_IMRS = {
    "imr_a_health.txt": (
        "WESTMERE COMMUNITY HEALTH NHS TRUST\n\nINDIVIDUAL MANAGEMENT REVIEW\n\n1. INTRODUCTION\n\n"
        "1.1 The health visitor, Tamsin Quarrell, saw the family. Their neighbour, Bryony Calloway, "
        "called the duty line twice.\n\n2. RECOMMENDATIONS\n\n"
        "2.1 The Trust should ask Ms Calloway for her view of the service.\n"
    ),
    "imr_b_police.txt": (
        "WESTMERE CONSTABULARY\n\nINDIVIDUAL MANAGEMENT REVIEW\n\n1. INTRODUCTION\n\n"
        "1.1 The MASH police researcher, Idris Pellow, read the notice. Bryony Calloway was not "
        "spoken to.\n\n2. RECOMMENDATIONS\n\n"
        "2.1 Mr Pellow and Ms Quarrell should be offered joint training.\n"
    ),
}


def test_the_appendix_labels_people_as_the_batch_does(
    detector: Detector, case_settings: Settings, tmp_path: Path
) -> None:
    from anonymiser.batch import SettingsSpec, run_batch

    folder = tmp_path / "imrs"
    folder.mkdir()
    for name, text in REVIEW_IMRS.items():
        (folder / name).write_text(text, encoding="utf-8")
    run_batch(folder, tmp_path / "batch", SettingsSpec(scope="full", case_file=CASE_FILE), settings=case_settings, detector=detector)
    batch_lines = {
        line.split(" ", 1)[1]
        for name in REVIEW_IMRS
        for line in paragraphs(tmp_path / "batch" / name.replace(".txt", ".anonymised.txt"))
        if line.startswith("2.1 ")
    }
    # Given in the other order: the labels are the batch's, not the order of the appendix.
    build_appendix(sorted(folder.iterdir(), reverse=True), tmp_path / "out" / "appendix.docx", case_settings, detector)
    appendix_lines = {line.split(" ", 1)[1] for line in paragraphs(tmp_path / "out" / "appendix.txt") if line[:2] in ("1.", "2.") and line[2:3].isdigit()}
    assert appendix_lines == batch_lines
    assert "The Trust should ask Person A for her view of the service." in appendix_lines
