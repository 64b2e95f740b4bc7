"""`anonymiser redact` as a consultant runs it: files and folders in, three outputs each, a
summary table, scope and policy options, and exit 2 with one clear line for bad options.

Most runs swap the command's Detector for the session one (the model loads once); the
`--policy strict` run builds its own, because a policy may map extra model labels.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import docx
import pytest
from typer.testing import CliRunner, Result

from anonymiser.api import expand_inputs
from anonymiser.cli import app
from anonymiser.detect.engine import Detector
from anonymiser.pipeline import OutputNames
from anonymiser.review_log.writers import read_csv_rows
from tests.conftest import SAMPLES

# Everything here is invented: people, the town and the street.
CHILD, MOTHER, WORKER = "Tobias Wrenshaw", "Carys Wrenshaw", "Imelda Strachan"
TOWN = "Brackenholt"
TEXT_DRAFT = f"""SERIOUS CASE REVIEW: CHILD T

1. Introduction

This review concerns {CHILD}, who lived with his mother in {TOWN}. The review was commissioned by the Local Safeguarding Children Board.

2. Family background

The family moved to 14 Fernlow Close, {TOWN} WM4 7QT on 12 March 2016. Tobias was born on 3 June 2016. The telephone number was 07700 900123.

3. Findings

The social worker, {WORKER}, did not escalate concerns about Tobias to her team manager. Westmere Constabulary shared information with Children's Social Care but no Strategy Meeting was held. Ofsted had found similar weaknesses.
"""
DOCX_PARAGRAPHS = [
    ("Individual Management Review", "Title"),
    ("Introduction", "Heading 1"),
    (f"This report concerns {CHILD}. {WORKER} was the allocated social worker.", None),
    ("Findings", "Heading 1"),
    (f"The health visitor saw Tobias at home in {TOWN} on 9 January 2017 and on 2 February 2017.", None),
]


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def session_detector(monkeypatch: pytest.MonkeyPatch, detector: Detector) -> Detector:
    monkeypatch.setattr("anonymiser.detect.engine.Detector", lambda _settings: detector)
    return detector


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "overview.txt").write_text(TEXT_DRAFT, encoding="utf-8")
    document = docx.Document()
    for text, style in DOCX_PARAGRAPHS:
        document.add_paragraph(text, style=style)
    document.save(str(folder / "health imr.docx"))
    (folder / "panel notes.md").write_text(
        f"# Panel notes\n\n## Findings\n\nThe panel discussed {CHILD} and the work of {WORKER}.\n", encoding="utf-8"
    )
    # Not drafts: an unsupported file, a Word lock file and an earlier output.
    (folder / "minutes.pdf").write_bytes(b"%PDF-1.4\n")
    (folder / "~$alth imr.docx").write_bytes(b"lock")
    (folder / "old.anonymised.txt").write_text("Person A was seen.\n", encoding="utf-8")
    return folder


def _outputs(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir())


def _needs_review_in_table(stdout: str) -> list[int]:
    return [int(n) for n in re.findall(r"needs review\s*[│|]\s*(\d+)", stdout)]


def test_folder_means_every_supported_draft_in_it(drafts: Path, tmp_path: Path, session_detector: Detector) -> None:
    out = tmp_path / "out"
    result = _invoke("redact", str(drafts), "--out", str(out), "--scope", "full")
    assert result.exit_code == 0, result.output
    assert _outputs(out) == sorted(
        f"{stem}.{kind}"
        for stem, ext in (("overview", "txt"), ("health imr", "docx"), ("panel notes", "md"))
        for kind in (f"anonymised.{ext}", "review.csv", "review.html", "review.json")
    )
    text = (out / "overview.anonymised.txt").read_text(encoding="utf-8")
    for secret in ("Wrenshaw", "Strachan", TOWN, "Fernlow", "WM4 7QT", "07700 900123", "12 March 2016"):
        assert secret not in text
    body = "\n".join(p.text for p in docx.Document(str(out / "health imr.anonymised.docx")).paragraphs)
    assert "Wrenshaw" not in body and "Strachan" not in body and TOWN not in body
    assert "Introduction" in body and "Findings" in body
    notes = (out / "panel notes.anonymised.md").read_text(encoding="utf-8")
    assert notes.startswith("# Panel notes\n\n## Findings\n\n")
    assert "Wrenshaw" not in notes and "Strachan" not in notes


def test_text_output_keeps_bom_and_line_endings(tmp_path: Path, session_detector: Detector) -> None:
    source = tmp_path / "windows.txt"
    source.write_bytes(("\ufeff" + TEXT_DRAFT.replace("\n", "\r\n")).encode("utf-8"))
    out = tmp_path / "out"
    assert _invoke("redact", str(source), "--out", str(out), "--scope", "full").exit_code == 0
    data = (out / "windows.anonymised.txt").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == TEXT_DRAFT.count("\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"Wrenshaw" not in data


def test_summary_table_shows_categories_and_needs_review(
    drafts: Path, tmp_path: Path, session_detector: Detector
) -> None:
    out = tmp_path / "out"
    result = _invoke("redact", str(drafts / "overview.txt"), "--out", str(out), "--scope", "full")
    assert result.exit_code == 0, result.output
    stdout = result.stdout
    for category in ("PERSON", "POSTCODE", "PHONE", "DATE"):
        assert category in stdout
    rows = read_csv_rows(out / "overview.review.csv")
    persons = {r["id"] for r in rows if r["category"] == "PERSON" and r["action"] == "redact"}
    assert re.search(rf"PERSON\s*[│|]\s*{len(persons)}\b", stdout), stdout
    review = sum(1 for r in rows if r["status"] in ("needs_review", "residual"))
    assert _needs_review_in_table(stdout) == [review]
    assert "1 of 1 document(s) anonymised (scope: full)" in stdout


def test_scope_findings_is_the_default_and_drops_the_family_story(
    drafts: Path, tmp_path: Path, session_detector: Detector
) -> None:
    source = drafts / "overview.txt"
    assert _invoke("redact", str(source), "--out", str(tmp_path / "findings")).exit_code == 0
    assert _invoke("redact", str(source), "--out", str(tmp_path / "full"), "--scope", "full").exit_code == 0
    findings = (tmp_path / "findings" / "overview.anonymised.txt").read_text(encoding="utf-8")
    full = (tmp_path / "full" / "overview.anonymised.txt").read_text(encoding="utf-8")
    assert "Family background" in full and "(address)" in full
    assert "Family background" not in findings and "(address)" not in findings
    assert "3. Findings" in findings and "Strategy Meeting" in findings
    logs = {
        scope: json.loads((tmp_path / scope / "overview.review.json").read_text(encoding="utf-8"))
        for scope in ("findings", "full")
    }
    assert logs["findings"]["settings"]["scope"] == "findings"
    assert logs["full"]["settings"]["scope"] == "full"
    dropped = [s for s in logs["findings"]["sections"] if s["action"] == "drop"]
    assert [s["heading"] for s in dropped] == ["2. Family background"]


def test_policy_strict_redacts_agencies_that_scr_keeps(drafts: Path, tmp_path: Path, detector: Detector, monkeypatch: pytest.MonkeyPatch) -> None:
    source = drafts / "overview.txt"
    monkeypatch.setattr("anonymiser.detect.engine.Detector", lambda _settings: detector)
    assert _invoke("redact", str(source), "--out", str(tmp_path / "scr"), "--scope", "full").exit_code == 0
    monkeypatch.undo()  # strict builds its own detector
    result = _invoke("redact", str(source), "--out", str(tmp_path / "strict"), "--scope", "full", "--policy", "strict")
    assert result.exit_code == 0, result.output
    scr = (tmp_path / "scr" / "overview.anonymised.txt").read_text(encoding="utf-8")
    strict = (tmp_path / "strict" / "overview.anonymised.txt").read_text(encoding="utf-8")
    assert "Westmere Constabulary" in scr
    assert "Westmere Constabulary" not in strict
    log = json.loads((tmp_path / "strict" / "overview.review.json").read_text(encoding="utf-8"))
    assert log["settings"]["policy"] == "strict"
    # Practice words are not identities under any policy.
    for term in ("Ofsted", "Children's Social Care", "Strategy Meeting", "social worker"):
        assert term in strict, term


def test_policy_strict_still_keeps_the_keep_list(drafts: Path, tmp_path: Path) -> None:
    source = drafts / "overview.txt"
    result = _invoke("redact", str(source), "--out", str(tmp_path / "strict"), "--scope", "full", "--policy", "strict")
    assert result.exit_code == 0
    strict = (tmp_path / "strict" / "overview.anonymised.txt").read_text(encoding="utf-8")
    assert "Local Safeguarding Children Board" in strict


def _one_error_line(result: Result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_unknown_policy_exits_2_naming_it(drafts: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _invoke("redact", str(drafts), "--out", str(out), "--policy", "lenient")
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "lenient" in line and "scr" in line and "strict" in line
    assert not out.exists() or _outputs(out) == []


def test_unknown_scope_exits_2(drafts: Path, tmp_path: Path) -> None:
    result = _invoke("redact", str(drafts), "--out", str(tmp_path / "out"), "--scope", "summary")
    assert result.exit_code == 2
    assert "summary" in _one_error_line(result)


CASE_ERRORS = [
    # (id, case-file text, what the one error line must name besides the file)
    ("unknown-key", "people: []\nplaces_to_hide: [Brackenholt]\n", ["places_to_hide"]),
    ("person-without-name", "people:\n  - name: Carys Wrenshaw\n  - role: father\n", ["people[1]", "name"]),
    ("person-with-empty-name", "people:\n  - name: '  '\n", ["people[0]", "name"]),
    ("bad-yaml", "people:\n  - name: [Carys\n", ["YAML"]),
    ("not-a-mapping", "- Carys Wrenshaw\n", ["mapping"]),
    ("bad-group", "people:\n  - name: Carys Wrenshaw\n    group: cousins\n", ["people[0]", "group"]),
    ("aliases-not-a-list", "people:\n  - name: Carys Wrenshaw\n    aliases: Caz\n", ["people[0]", "aliases"]),
    ("redact-without-text", "redact:\n  - category: LOCATION\n", ["redact[0]", "text"]),
    ("keep-with-a-number", "keep: [Westmere, 42]\n", ["keep[1]"]),
]


@pytest.mark.parametrize(("text", "names"), [c[1:] for c in CASE_ERRORS], ids=[c[0] for c in CASE_ERRORS])
def test_bad_case_file_exits_2_naming_file_and_entry(drafts: Path, tmp_path: Path, text: str, names: list[str]) -> None:
    case = tmp_path / "family case.yml"
    case.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = _invoke("redact", str(drafts), "--out", str(out), "--case", str(case))
    assert result.exit_code == 2, result.output
    line = _one_error_line(result)
    assert str(case) in line or case.name in line, line
    for name in names:
        assert name in line, line
    assert not out.exists() or _outputs(out) == []


def test_missing_case_file_exits_2(drafts: Path, tmp_path: Path) -> None:
    case = tmp_path / "nowhere.yml"
    result = _invoke("redact", str(drafts), "--out", str(tmp_path / "out"), "--case", str(case))
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "nowhere.yml" in line and "not found" in line


def test_folder_without_drafts_exits_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "minutes.pdf").write_bytes(b"%PDF-1.4\n")
    result = _invoke("redact", str(empty), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert "no .docx" in _one_error_line(result)


def test_version() -> None:
    from anonymiser import __version__

    result = _invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize("pattern", ["*.docx", "*.txt"])
def test_each_sample_format_can_be_redacted_in_one_run(pattern: str) -> None:
    """`make demo` redacts the .docx samples and the .txt samples as two runs: within each,
    every draft has review logs of its own (a .txt and a .docx of one name would share them,
    which `redact` refuses rather than overwrite)."""
    inputs = sorted(SAMPLES.glob(pattern))
    assert inputs
    logs = [OutputNames.for_input(p).csv for p in inputs]
    assert len(logs) == len(set(logs))


def test_a_folder_s_readme_is_not_a_draft() -> None:
    inputs = expand_inputs([SAMPLES])
    assert inputs and all(not p.name.upper().startswith("README") for p in inputs)


def test_file_names_with_brackets_are_printed_as_they_are(tmp_path: Path, session_detector: Detector) -> None:
    """File names are data, not rich markup: "[v2]" and "[bold]" are shown as they are."""
    drafts = tmp_path / "in"
    drafts.mkdir()
    (drafts / "notes [bold].txt").write_text("The visit was brief.\n", encoding="utf-8")
    (drafts / "draft [v2].txt").write_bytes("Caf\xe9\n".encode("cp1252"))
    result = _invoke("redact", str(drafts), "--out", str(tmp_path / "out"), "--scope", "full")
    assert result.exit_code == 1
    assert "draft [v2].txt" in result.stderr
    assert "notes [bold].txt" in result.stdout


def test_config_error_names_a_bracketed_file_as_it_is(drafts: Path, tmp_path: Path) -> None:
    """The one-line config error names the file as it is, brackets and all."""
    case = tmp_path / "case [v2].yml"
    case.write_text("peple: []\n", encoding="utf-8")
    result = _invoke("redact", str(drafts), "--out", str(tmp_path / "out"), "--case", str(case))
    assert result.exit_code == 2
    assert "case [v2].yml" in _one_error_line(result)


def test_out_that_is_a_file_is_a_clear_error(drafts: Path, tmp_path: Path, session_detector: Detector) -> None:
    not_a_folder = tmp_path / "out.txt"
    not_a_folder.write_text("already here\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["redact", str(drafts), "--out", str(not_a_folder)])
    assert result.exit_code == 2
    assert str(not_a_folder) in _one_error_line(result)
