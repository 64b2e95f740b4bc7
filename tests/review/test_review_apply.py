"""`apply` writes what the decisions say; refuses another draft's log and undecided rows;
`--draft` marks its output; `approve` stamps the log. On the sample police IMR, with a
fictional neighbour's name ("Bunty Pudding") that detection misses, planted in the body,
header, footer and document properties."""

from __future__ import annotations

import json
import re
import shutil
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from anonymiser.cli import app
from anonymiser.detect.engine import Detector
from anonymiser.errors import ConfigError, ReviewMismatch
from anonymiser.pipeline import process_document
from anonymiser.review.apply import ApplyResult, apply_review
from anonymiser.review.approve import approve
from anonymiser.review.decisions import ReviewIncomplete
from anonymiser.review.draft_mark import DRAFT_MARK
from anonymiser.review_log.html import summarise
from anonymiser.review_log.writers import read_csv_rows
from anonymiser.settings import Settings, load_settings
from tests.conftest import CASE_FILE, SAMPLES
from tests.review.samples import (
    MISSED_FIRST,
    MISSED_NAME,
    MISSED_SURNAME,
    added_row,
    docx_xml,
    edit_review,
    police_docx_with_missed_name,
    police_txt_with_missed_name,
    row,
)

STEM = "imr_police_draft"
ISO = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
KEPT = ("RARE_FEATURE", "footbridge")  # a false positive the consultant keeps
RENAMED = ("Gemma Tait", "MASH researcher")


def _copy_log(csv_path: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for path in (csv_path, csv_path.with_suffix(".json")):
        shutil.copy2(path, dest / path.name)
    return dest / csv_path.name


def _decide_everything(rows: list[dict[str, str]]) -> None:
    """What a consultant does with the rest: redact what needs review, keep residual rows."""
    for r in rows:
        if r.get("status") == "needs_review" and not r.get("decision"):
            r["decision"] = "redact"
        if r.get("status") == "residual" and not r.get("decision"):
            r["decision"] = "keep"


@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("review")


@pytest.fixture(scope="module")
def draft(work: Path) -> Path:
    folder = work / "drafts"
    folder.mkdir()
    return police_docx_with_missed_name(SAMPLES, folder / f"{STEM}.docx")


@pytest.fixture(scope="module")
def first_csv(work: Path, draft: Path, case_settings: Settings, detector: Detector) -> Path:
    process_document(draft, work / "first", case_settings, detector)
    return work / "first" / f"{STEM}.review.csv"


@pytest.fixture(scope="module")
def decided_csv(work: Path, first_csv: Path) -> Path:
    csv_path = _copy_log(first_csv, work / "decided")

    def change(rows: list[dict[str, str]]) -> None:
        row(rows, *KEPT)["decision"] = "keep"
        row(rows, "PERSON", RENAMED[0])["replacement"] = RENAMED[1]
        rows.append(added_row("PERSON", MISSED_NAME, "Neighbour"))
        _decide_everything(rows)

    edit_review(csv_path, change)
    return csv_path


@pytest.fixture(scope="module")
def final(work: Path, draft: Path, decided_csv: Path, case_settings: Settings, detector: Detector) -> ApplyResult:
    return apply_review(draft, decided_csv, work / "final", case_settings, detector)


def _final_docx(work: Path) -> dict[str, str]:
    return docx_xml(work / "final" / f"{STEM}.anonymised.docx")


def test_the_first_run_missed_the_name(work: Path, first_csv: Path) -> None:
    parts = docx_xml(work / "first" / f"{STEM}.anonymised.docx")
    assert any(MISSED_SURNAME in xml for xml in parts.values()), "choose a name detection misses"


def test_an_added_name_is_gone_from_every_part(work: Path, final: ApplyResult) -> None:
    parts = _final_docx(work)
    for name, xml in parts.items():
        assert MISSED_FIRST.lower() not in xml.lower(), name
        assert MISSED_SURNAME.lower() not in xml.lower(), name
    for name in ("word/document.xml", "word/header1.xml", "word/footer1.xml", "docProps/core.xml"):
        assert "Neighbour" in parts[name], name
    assert final.outcome.ok and final.record["decided"]["undecided"] == 0


def test_kept_text_stays_and_a_new_replacement_is_used_everywhere(work: Path, final: ApplyResult) -> None:
    first = docx_xml(work / "first" / f"{STEM}.anonymised.docx")["word/document.xml"]
    assert KEPT[1] not in first  # the tool redacted it; the consultant kept it
    body = _final_docx(work)["word/document.xml"]
    assert KEPT[1] in body
    assert RENAMED[1] in body
    for name, xml in _final_docx(work).items():
        assert "Gemma" not in xml and "Tait" not in xml, name


def test_the_new_log_records_each_decision_its_source_and_time(work: Path, final: ApplyResult) -> None:
    log = json.loads((work / "final" / f"{STEM}.review.json").read_text(encoding="utf-8"))
    record = log["review"]
    by_text = {d["text"]: d for d in record["decisions"]}
    assert by_text[KEPT[1]]["decision"] == "keep" and by_text[KEPT[1]]["source"] == "consultant"
    assert by_text[RENAMED[0]]["decision"] == "replace" and by_text[RENAMED[0]]["replacement"] == RENAMED[1]
    assert by_text[MISSED_NAME]["decision"] == "add" and by_text[MISSED_NAME]["source"] == "consultant"
    assert by_text["Kian Marsh"]["source"] == "auto"
    assert all(ISO.fullmatch(d["at"]) for d in record["decisions"])
    assert record["additions"] == [{"category": "PERSON", "text": MISSED_NAME, "replacement": "Neighbour", "group": None}]
    assert record["from"]["input_sha256"] == log["input"]["sha256"]
    assert log["verification"]["passed"]
    # The new CSV shows the decisions, so the next round and the review screen start from them.
    rows = read_csv_rows(work / "final" / f"{STEM}.review.csv")
    assert row(rows, *KEPT)["decision"] == "keep"
    assert row(rows, "PERSON", RENAMED[0])["decision"] == "redact"
    assert row(rows, "PERSON", MISSED_NAME)["decision"] == "redact"
    assert row(rows, "PERSON", "Kian Marsh")["decision"] == ""


def test_applying_the_new_log_again_gives_the_same_output(
    work: Path, draft: Path, final: ApplyResult, case_settings: Settings, detector: Detector
) -> None:
    again = apply_review(draft, work / "final" / f"{STEM}.review.csv", work / "round2", case_settings, detector)
    first = (work / "final" / f"{STEM}.anonymised.docx").read_bytes()
    assert (work / "round2" / f"{STEM}.anonymised.docx").read_bytes() == first
    assert again.record["decided"]["undecided"] == 0


def test_the_chairs_report_is_written_beside_the_log(work: Path, final: ApplyResult) -> None:
    report = work / "final" / f"{STEM}.review.html"
    assert final.report == report
    assert stat.S_IMODE(report.stat().st_mode) == 0o600  # it holds the original text
    page = report.read_text(encoding="utf-8")
    log = json.loads((work / "final" / f"{STEM}.review.json").read_text(encoding="utf-8"))
    numbers = summarise(log)
    assert f'id="count-redacted">{numbers["redacted"]}<' in page
    assert f'id="count-kept">{numbers["kept"]}<' in page
    assert log["output"]["sha256"] in page and log["input"]["sha256"] in page
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org/2000/svg", "")


def test_a_log_of_another_draft_is_refused(work: Path, first_csv: Path) -> None:
    out = work / "refused-sha"
    result = CliRunner().invoke(
        app, ["apply", str(SAMPLES / f"{STEM}.txt"), "--review", str(first_csv), "--out", str(out), "--case", str(CASE_FILE)]
    )
    assert result.exit_code == 2
    message = result.output.strip()
    assert "different draft" in message and "--carry-over" in message
    assert MISSED_NAME not in message
    assert not out.exists()


def test_undecided_rows_are_refused_and_listed(work: Path, draft: Path, first_csv: Path, case_settings: Settings, detector: Detector) -> None:
    waiting = [r for r in read_csv_rows(first_csv) if r["status"] in ("needs_review", "residual")]
    assert waiting, "the sample has rows that need review"
    out = work / "refused-undecided"
    with pytest.raises(ReviewIncomplete) as caught:
        apply_review(draft, first_csv, out, case_settings, detector)
    listed = " ".join(caught.value.rows)
    for r in waiting:
        assert f"{r['id']} {r['category']}" in listed
    for r in waiting:
        if len(r["text"]) > 3:
            assert r["text"] not in listed and r["text"] not in str(caught.value)
    assert not out.exists() or not any(out.iterdir())


def test_a_draft_output_says_so_in_every_header(work: Path, draft: Path, first_csv: Path, case_settings: Settings, detector: Detector) -> None:
    result = apply_review(draft, first_csv, work / "draft-docx", case_settings, detector, draft_output=True)
    parts = docx_xml(work / "draft-docx" / f"{STEM}.anonymised.docx")
    headers = [n for n in parts if re.fullmatch(r"word/header\d+\.xml", n)]
    assert headers and all(DRAFT_MARK in parts[n] for n in headers)
    assert result.record["draft"] is True and result.record["undecided"]
    with pytest.raises(ConfigError, match="is a draft"):
        approve(work / "draft-docx" / f"{STEM}.review.json", "Ruth Amberley", "chair")


def test_approve_stamps_the_log(work: Path, final: ApplyResult) -> None:
    folder = work / "approved"
    shutil.copytree(work / "final", folder)
    log_path = folder / f"{STEM}.review.json"
    csv_before = (folder / f"{STEM}.review.csv").read_bytes()
    first = approve(log_path, "Ruth Amberley", "consultant", now="2020-03-05T10:00:00Z")
    second = approve(log_path, "Tobias Wrenfield", "chair", now="2020-03-06T10:00:00Z")
    log = json.loads(log_path.read_text(encoding="utf-8"))
    sha = log["output"]["sha256"]
    assert log["signoff"] == [
        {"by": "Ruth Amberley", "role": "consultant", "at": "2020-03-05T10:00:00Z", "output_sha256": sha},
        {"by": "Tobias Wrenfield", "role": "chair", "at": "2020-03-06T10:00:00Z", "output_sha256": sha},
    ]
    assert first["output_sha256"] == second["output_sha256"] == sha
    assert (folder / f"{STEM}.review.csv").read_bytes() == csv_before
    page = (folder / f"{STEM}.review.html").read_text(encoding="utf-8")
    assert "Tobias Wrenfield (chair)" in page and "signed off by the chair" in page


@pytest.mark.parametrize(
    ("spoil", "error"),
    [
        (lambda folder: (folder / f"{STEM}.anonymised.docx").write_bytes(b"changed"), ReviewMismatch),
        (lambda folder: (folder / f"{STEM}.anonymised.docx").unlink(), ConfigError),
    ],
)
def test_approve_refuses_an_output_that_is_not_the_logged_one(work: Path, final: ApplyResult, spoil, error) -> None:
    folder = work / f"spoilt-{error.__name__}"
    shutil.copytree(work / "final", folder)
    spoil(folder)
    with pytest.raises(error):
        approve(folder / f"{STEM}.review.json", "Tobias Wrenfield", "chair")
    assert "signoff" not in json.loads((folder / f"{STEM}.review.json").read_text(encoding="utf-8"))


def test_approve_refuses_a_log_with_undecided_rows(work: Path, first_csv: Path) -> None:
    with pytest.raises(ConfigError, match="still need a decision"):
        approve(first_csv.with_suffix(".json"), "Tobias Wrenfield", "chair")


def test_approve_on_the_command_line(work: Path, final: ApplyResult) -> None:
    folder = work / "approved-cli"
    shutil.copytree(work / "final", folder)
    log = str(folder / f"{STEM}.review.json")
    early = CliRunner().invoke(app, ["approve", log, "--by", "Tobias Wrenfield", "--role", "chair"])
    assert early.exit_code != 0 and "consultant signs this output off first" in early.output
    assert "signoff" not in json.loads((folder / f"{STEM}.review.json").read_text(encoding="utf-8"))
    for by, role in (("Ruth Amberley", "consultant"), ("Tobias Wrenfield", "chair")):
        result = CliRunner().invoke(app, ["approve", log, "--by", by, "--role", role])
        assert result.exit_code == 0, result.output
        assert f"signed off by {by} ({role})" in result.output
    bad = CliRunner().invoke(app, ["approve", str(folder / f"{STEM}.review.json"), "--by", "X", "--role", "mayor"])
    assert bad.exit_code == 2


# ------------------------------------------------------------------ text drafts, findings scope


@pytest.fixture(scope="module")
def findings_settings() -> Settings:
    return load_settings(case_file=CASE_FILE)


@pytest.fixture(scope="module")
def txt_first(work: Path, findings_settings: Settings, detector: Detector) -> tuple[Path, Path]:
    folder = work / "txt"
    folder.mkdir()
    draft = police_txt_with_missed_name(SAMPLES, folder / f"{STEM}.txt")
    process_document(draft, work / "txt-first", findings_settings, detector)
    return draft, work / "txt-first" / f"{STEM}.review.csv"


def test_a_draft_text_output_starts_with_the_mark(work: Path, txt_first: tuple[Path, Path], findings_settings: Settings, detector: Detector) -> None:
    draft, csv_path = txt_first
    apply_review(draft, csv_path, work / "txt-draft", findings_settings, detector, draft_output=True)
    text = (work / "txt-draft" / f"{STEM}.anonymised.txt").read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == DRAFT_MARK


def test_section_decisions_move_what_is_written(work: Path, txt_first: tuple[Path, Path], findings_settings: Settings, detector: Detector) -> None:
    draft, first = txt_first
    csv_path = _copy_log(first, work / "txt-sections")
    headings = {r["text"]: r for r in read_csv_rows(csv_path) if r["category"] == "SECTION"}
    assert headings["3. POLICE INVOLVEMENT"]["action"] == "drop" and headings["4.11 Good practice"]["action"] == "keep"

    def change(rows: list[dict[str, str]]) -> None:
        row(rows, "SECTION", "3. POLICE INVOLVEMENT")["decision"] = "keep"  # its sub-sections go with it
        row(rows, "SECTION", "4.11 Good practice")["decision"] = "drop"
        _decide_everything(rows)

    edit_review(csv_path, change)
    result = apply_review(draft, csv_path, work / "txt-sections-out", findings_settings, detector)
    text = (work / "txt-sections-out" / f"{STEM}.anonymised.txt").read_text(encoding="utf-8-sig")
    assert "3. POLICE INVOLVEMENT" in text and "3.12 The MASH police researcher" in text  # its body came back
    assert "4.11 Good practice" not in text and "was thorough" not in text
    sections = {s["heading"]: s for s in result.record["sections"]}
    assert sections["3. POLICE INVOLVEMENT"]["source"] == "consultant"
    assert sections["4.11 Good practice"]["action"] == "drop"


def test_a_replacement_holding_redacted_text_is_refused(work: Path, txt_first: tuple[Path, Path], findings_settings: Settings, detector: Detector) -> None:
    draft, first = txt_first
    csv_path = _copy_log(first, work / "txt-leaky")

    def change(rows: list[dict[str, str]]) -> None:
        row(rows, "PERSON", RENAMED[0])["replacement"] = "Gemma's colleague"
        _decide_everything(rows)

    edit_review(csv_path, change)
    with pytest.raises(ConfigError, match="contains text that is being redacted") as caught:
        apply_review(draft, csv_path, work / "txt-leaky-out", findings_settings, detector)
    assert "Gemma" not in str(caught.value)
