"""The review log a consultant opens in Excel and a chair relies on: CSV with a BOM and a
confidentiality line, one row per entity, formula-safe cells, owner-only files, and a JSON
twin that records the tool, policy, model, input hash and the verification."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import stat
from pathlib import Path
from typing import Any

import pytest

from anonymiser import __version__
from anonymiser.detect.engine import Detector
from anonymiser.pipeline import OutputNames, process_document
from anonymiser.review_log.rows import COLUMNS, Row
from anonymiser.review_log.writers import excel_safe, read_csv_rows, render_csv, write_csv
from anonymiser.settings import Settings, load_settings

# Invented people, handle and phone numbers (Ofcom drama range).
FORMULA = '=HYPERLINK("http://example.org/x","click")'
DRAFT = f"""Overview

Tobias Wrenshaw was referred by the school. His mother called on +44 7700 900456 and again on 07700 900457. Tobias posted as @tobyw_2009 online.

The note read {FORMULA} and was filed.

Tobias was seen by the social worker, Imelda Strachan, in Brackenholt. Tobias Wrenshaw was quiet.
"""
CASE = f"""redact:
  - '{FORMULA}'
"""
REQUIRED_COLUMNS = (
    "id", "category", "text", "replacement", "action", "confidence", "recognisers", "status",
    "occurrences", "locations", "context", "decision",
)


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory, detector: Detector) -> dict[str, Any]:
    base = tmp_path_factory.mktemp("review_log")
    source = base / "draft.txt"
    source.write_text(DRAFT, encoding="utf-8")
    case = base / "case.yml"
    case.write_text(CASE, encoding="utf-8")
    settings = load_settings(scope="full", case_file=case)
    out = base / "out"
    out.mkdir()
    # An earlier, world-readable log of the same name must not keep its permissions.
    names = OutputNames.for_input(source)
    (out / names.csv).write_text("old", encoding="utf-8")
    (out / names.csv).chmod(0o644)
    outcome = process_document(source, out, settings, detector)
    assert outcome.ok
    return {
        "source": source,
        "settings": settings,
        "csv": out / names.csv,
        "json": out / names.json,
        "document": out / names.document,
        "raw_rows": list(csv.reader(io.StringIO((out / names.csv).read_bytes().decode("utf-8-sig")))),
        "rows": read_csv_rows(out / names.csv),
        "log": json.loads((out / names.json).read_text(encoding="utf-8")),
    }


def test_csv_starts_with_a_bom_and_the_confidential_line(run: dict[str, Any]) -> None:
    data = run["csv"].read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    first = data[3:].split(b"\r\n", 1)[0].decode("utf-8")
    assert "CONFIDENTIAL" in first.upper()
    assert run["log"]["confidential"].startswith("CONFIDENTIAL")


def test_header_has_the_issue_columns(run: dict[str, Any]) -> None:
    header = run["raw_rows"][1]
    assert set(REQUIRED_COLUMNS) <= set(header)
    assert header[: len(REQUIRED_COLUMNS)] == list(REQUIRED_COLUMNS)
    assert tuple(header) == COLUMNS


def test_one_row_per_entity_with_every_occurrence_counted(run: dict[str, Any]) -> None:
    rows = [r for r in run["rows"] if r["category"] == "PERSON" and "Wrenshaw" in r["text"]]
    assert len(rows) == 1, "a repeated name is one entity, not one row per occurrence"
    [row] = rows
    # "Tobias Wrenshaw" twice and "Tobias" alone twice.
    assert int(row["occurrences"]) == 4
    assert row["action"] == "redact" and row["replacement"] == "Person A"
    assert "paragraph 2" in row["locations"] and "paragraph 4" in row["locations"]
    assert "[[Tobias Wrenshaw]]" in row["context"]
    assert row["decision"] == ""
    assert row["status"] in ("auto", "needs_review")
    assert 0.0 <= float(row["confidence"]) <= 1.0
    assert row["recognisers"]
    ids = [r["id"] for r in run["rows"]]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("text", ["+44 7700 900456", "@tobyw_2009", FORMULA])
def test_cells_that_excel_would_run_are_written_as_text(run: dict[str, Any], text: str) -> None:
    header = run["raw_rows"][1]
    column = header.index("text")
    raw = [r[column] for r in run["raw_rows"][2:]]
    assert text not in raw, f"{text!r} is written as it is: Excel would take it as a formula"
    assert "'" + text in raw
    # Reading the log back (as the review workflow does) gives the original text.
    assert text in [r["text"] for r in run["rows"]]


def test_no_cell_starts_like_a_formula(run: dict[str, Any]) -> None:
    for line in run["raw_rows"][1:]:
        for cell in line:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+44 7700 900456", "'+44 7700 900456"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Tobias", "Tobias"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_excel_safe(value: str, written: str) -> None:
    assert excel_safe(value) == written


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        "'=1+1",
        "'quoted",
        "-",
        "O'Dwyer",
    ],
)
def test_csv_round_trip_keeps_the_original_text(tmp_path: Path, text: str) -> None:
    path = tmp_path / "log.csv"
    write_csv(path, [Row({"id": "E001", "text": text})])
    [row] = read_csv_rows(path)
    assert row["text"] == text


def test_render_csv_uses_excel_line_endings() -> None:
    data = render_csv([Row({"id": "E001", "text": "a\nb"})])
    assert data.count(b"\r\n") >= 3


def test_logs_are_owner_only(run: dict[str, Any]) -> None:
    for key in ("csv", "json"):
        mode = stat.S_IMODE(run[key].stat().st_mode)
        assert mode == 0o600, f"{key}: {oct(mode)}"


def test_json_records_tool_policy_model_and_input(run: dict[str, Any]) -> None:
    log = run["log"]
    settings: Settings = run["settings"]
    assert log["version"] == __version__
    assert log["settings"]["policy"] == "scr"
    assert log["settings"]["model"] == settings.model
    assert log["settings"]["scope"] == "full"
    assert log["input"]["sha256"] == hashlib.sha256(run["source"].read_bytes()).hexdigest()
    assert log["input"]["name"] == "draft.txt"
    assert log["output"]["sha256"] == hashlib.sha256(run["document"].read_bytes()).hexdigest()
    assert log["settings"]["case_file_sha256"] == hashlib.sha256(CASE.encode()).hexdigest()


def test_json_records_that_verification_ran_and_passed(run: dict[str, Any]) -> None:
    verification = run["log"]["verification"]
    assert verification["ran"] is True
    assert verification["passed"] is True
    assert verification["hits"] == []
    assert verification["strings_checked"] > 0


def test_json_has_the_same_entities_as_the_csv(run: dict[str, Any]) -> None:
    entity_rows = [r for r in run["rows"] if r["category"] != "SECTION"]
    json_rows = run["log"]["entities"]
    fields = ("id", "category", "text", "replacement", "action", "status", "occurrences")
    assert [tuple(r[f] for f in fields) for r in json_rows] == [tuple(r[f] for f in fields) for r in entity_rows]
    for row in json_rows:
        assert len(row["occurrence_spans"]) == int(row["occurrences"])
    summary = run["log"]["summary"]
    assert summary["needs_review"] == sum(1 for r in entity_rows if r["status"] == "needs_review")
    assert summary["kept"] == sum(1 for r in entity_rows if r["action"] == "keep")


def test_json_occurrence_spans_point_at_the_text(run: dict[str, Any]) -> None:
    from anonymiser.read import read_document

    doc = read_document(run["source"])
    for row in run["log"]["entities"]:
        unit, start, end = row["occurrence_spans"][0]
        found = " ".join(doc.units[unit].text[start:end].split())
        assert f"[[{found}]]" in row["context"], (row["id"], found, row["context"])
