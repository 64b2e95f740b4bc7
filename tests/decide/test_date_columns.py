"""A date in a Word table column headed "DOB" is a date of birth (sections.yml date_columns).

IMRs open with a table of the family. Under scr a date in the DOB column, with no "DOB" in
its own cell, was published as its month and year: "(a date in May 2015)". Every name and
date here is invented.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from anonymiser.decide.date_columns import dates_by_column
from anonymiser.decide.scope import load_section_rules
from anonymiser.detect.engine import Detector
from anonymiser.errors import ConfigError
from anonymiser.pipeline import analyse
from anonymiser.read.docx import read_docx
from anonymiser.read.limits import InputLimits
from anonymiser.read.text import document_from_text
from anonymiser.records import Finding, Location, TextUnit
from anonymiser.settings import Settings


def _family_table(path: Path, heading: str) -> Path:
    document = docx.Document()
    document.add_paragraph("1. The family")
    table = document.add_table(rows=3, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Name", "Relationship", heading)):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("Kian Marsh", "Subject child", "03/05/2015")):
        cell.text = text
    for cell, text in zip(table.rows[2].cells, ("Denise Marsh", "Mother", "12 April 1996")):
        cell.text = text
    document.add_paragraph("The strategy meeting was held on 14/06/2019.")
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("heading", "descriptor"),
    [("DOB", "(date of birth)"), ("D.O.B.:", "(date of birth)"), ("Date of death", "(date of death)")],
)
def test_dates_under_the_heading_take_its_category(
    tmp_path: Path, settings: Settings, detector: Detector, heading: str, descriptor: str
) -> None:
    source = read_docx(_family_table(tmp_path / "imr.docx", heading), InputLimits())
    decisions, _ = analyse(source, settings, detector)
    texts = {u.uid: u.text for u in source.units}
    by_text = {texts[e.unit][e.start : e.end]: e.replacement for e in decisions.edits}
    assert by_text["03/05/2015"] == descriptor
    assert by_text["12 April 1996"] == descriptor
    # A date outside the column keeps the policy's month and year.
    assert by_text["14/06/2019"] == "(a date in June 2019)"


def _cell(uid: int, row: int, column: int, text: str) -> TextUnit:
    return TextUnit(uid=uid, text=text, location=Location("body", uid + 1, f"table 1, row {row}, cell {column}"))


def test_only_dates_below_a_listed_heading_change() -> None:
    units = [_cell(0, 1, 1, "Date"), _cell(1, 1, 2, "DOB"), _cell(2, 2, 1, "4 May 2019"), _cell(3, 2, 2, "3 May 2015")]
    findings = [
        Finding(2, 0, 10, "4 May 2019", "DATE", 0.6, "UkDateRecogniser"),
        Finding(3, 0, 10, "3 May 2015", "DATE", 0.6, "UkDateRecogniser"),
        Finding(1, 0, 3, "DOB", "ORGANISATION", 0.5, "spacy_model:ORG"),  # not a date: unchanged
    ]
    out = dates_by_column(findings, units, {"DATE_OF_BIRTH": ("DOB",)})
    assert [f.category for f in out] == ["DATE", "DATE_OF_BIRTH", "ORGANISATION"]


def test_a_category_that_is_no_date_is_a_config_error(tmp_path: Path) -> None:
    rules = tmp_path / "sections.yml"
    rules.write_text("keep: [findings]\ndrop: [chronology]\ndate_columns:\n  PERSON: [Name]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="date_columns"):
        load_section_rules(rules)


# Tables typed as text in a .txt draft: the heading line and the rows under it. (draft, the
# date of birth, a date outside the column that keeps the policy's month and year or None)
TYPED_TABLES = [
    ("Name\tRelationship\tDOB\nKayleigh Marsh\tMother\t14/03/1991\nKian Marsh\tSubject child\t03/05/2015", None),
    # Two tabs for a blank cell, and aligned with spaces.
    ("Name\tRelationship\tDOB\nKian Marsh\t\t03/05/2015\nKayleigh Marsh\tMother\t14/03/1991", None),
    (
        "Name                Relationship     D.O.B.        Address\n"
        "Kayleigh Marsh      Mother           14/03/1991    14 Ashcombe Row\n"
        "Kian Marsh          Subject child    03/05/2015    as above",
        None,
    ),
    ("| Name | Relationship | DOB |\n|---|---|---|\n| Kian Marsh | Subject child | 03/05/2015 |\n| Kayleigh Marsh | Mother | 14/03/1991 |", None),
    # A blank line between rows; a paragraph of prose after the table.
    (
        "Name\tDate of birth\tSeen\n\nKian Marsh\t03/05/2015\t04/06/2019\n\nKayleigh Marsh\t14/03/1991\t04/06/2019\n\n"
        "The strategy meeting was held on 14/06/2019.",
        "14/06/2019",
    ),
]


@pytest.mark.parametrize(("draft", "outside"), TYPED_TABLES, ids=[d.split("\n")[0][:24] for d, _ in TYPED_TABLES])
def test_dates_under_a_typed_heading_are_dates_of_birth(
    settings: Settings, detector: Detector, draft: str, outside: str | None
) -> None:
    source = document_from_text(draft)
    decisions, _ = analyse(source, settings, detector)
    texts = {u.uid: u.text for u in source.units}
    by_text = {texts[e.unit][e.start : e.end]: e.replacement for e in decisions.edits}
    assert by_text["03/05/2015"] == "(date of birth)"
    assert by_text["14/03/1991"] == "(date of birth)"
    if outside is not None:
        assert by_text[outside] == "(a date in June 2019)"


def test_a_form_line_with_a_date_of_birth_heads_no_table(settings: Settings, detector: Detector) -> None:
    # "DOB:" and its date parted by spaces, then a chronology's lines: no heading line.
    draft = "DOB:    03/05/2015\n14/06/2019    Strategy meeting held\n21/06/2019    Visit"
    source = document_from_text(draft)
    decisions, _ = analyse(source, settings, detector)
    text = source.units[0].text
    by_text = {text[e.start : e.end]: e.replacement for e in decisions.edits}
    assert by_text["14/06/2019"] == "(a date in June 2019)"
    assert by_text["03/05/2015"] == "(date of birth)"


def _form(path: Path) -> Path:
    """A referral form: labels in the left column, and a label paragraph above its value."""
    document = docx.Document()
    document.add_paragraph("Referral form")
    table = document.add_table(rows=4, cols=2)
    rows = [("Child's name", "Kian Marsh"), ("Date of birth", "03/05/2015"), ("D.O.B.:", "12 April 1996"), ("Date of referral", "14/06/2019")]
    for row, (label, value) in zip(table.rows, rows):
        row.cells[0].text = label
        row.cells[1].text = value
    document.add_paragraph("Mother's date of birth:")
    document.add_paragraph("14/03/1991")
    document.add_paragraph("Date of the meeting:")
    document.add_paragraph("21/06/2019")
    document.save(str(path))
    return path


def test_dates_beside_a_listed_label_take_its_category(tmp_path: Path, settings: Settings, detector: Detector) -> None:
    # A form's label in the cell to the left, or in the paragraph above: the dates of birth
    # were published as "(a date in May 2015)".
    source = read_docx(_form(tmp_path / "referral.docx"), InputLimits())
    decisions, _ = analyse(source, settings, detector)
    texts = {u.uid: u.text for u in source.units}
    by_text = {texts[e.unit][e.start : e.end]: e.replacement for e in decisions.edits}
    assert by_text["03/05/2015"] == "(date of birth)"
    assert by_text["12 April 1996"] == "(date of birth)"
    assert by_text["14/03/1991"] == "(date of birth)"
    assert by_text["14/06/2019"] == "(a date in June 2019)"
    assert by_text["21/06/2019"] == "(a date in June 2019)"
