"""Reading a .docx: every text-bearing place becomes a unit, with a faithful offset map."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from anonymiser.errors import EmptyDocument
from anonymiser.read.document import SourceDocument
from anonymiser.read.docx import DocxPayload, read_docx
from anonymiser.read.limits import InputLimits
from anonymiser.read.ooxml import index_nodes, parse_part
from tests.docx_builder import EMAIL, NAME, SURNAME, build_docx, minimal_parts, para, run, write_package


@pytest.fixture()
def doc(tmp_path: Path) -> SourceDocument:
    return read_docx(build_docx(tmp_path / "draft.docx"), InputLimits())


def _units(doc: SourceDocument, *, part: str | None = None, kind: str | None = None) -> list:
    return [
        u for u in doc.units if (part is None or u.location.part == part) and (kind is None or u.kind == kind)
    ]


@pytest.mark.parametrize(
    ("part", "kind", "text"),
    [
        ("body", "paragraph", "The mother, Lorna Pennyfeather, attended. Untouched ending."),
        ("body", "paragraph", f"Email: {EMAIL}"),
        ("body", "link_text", "Write to Lorna"),
        ("body", "paragraph", "Seen by Pennyfeather and the social worker today."),
        ("body", "paragraph", "Pennyfeather / Lorna / Pennyfeather Lane"),
        ("body", "paragraph", f"Block control for {NAME}"),
        ("body", "paragraph", "Contact\tPennyfeather\nLine two-end"),
        ("body", "paragraph", "Nested Pennyfeather"),
        ("body", "field_code", " DOCPROPERTY Reviewer "),
        ("body", "alt_text", f"Photo of {NAME}"),
        ("body", "alt_text", f"{SURNAME} family"),
        ("header (default)", "paragraph", f"Confidential: {NAME}"),
        ("footer (default)", "paragraph", f"Prepared by {SURNAME}"),
        ("footnotes", "paragraph", f" Statement by {SURNAME}, 2019."),
        ("comments", "paragraph", "Check this with Lorna"),
        ("comment authors", "comment_author", NAME),
        ("comment authors", "comment_author", "LP"),
        ("comment authors", "comment_author", EMAIL),
        ("text box", "paragraph", f"Box about {NAME}"),
        ("links", "link_target", f"mailto:{EMAIL}"),
        ("links", "link_target", "https://example.org/pennyfeather"),
        ("document properties", "property", f"Review of {NAME}"),
        ("document properties", "property", f"{SURNAME} Associates"),
        ("document properties", "property", "Reviewer"),
    ],
)
def test_text_is_read_from_every_place(doc: SourceDocument, part: str, kind: str, text: str) -> None:
    assert text in [u.text for u in _units(doc, part=part, kind=kind)]


def test_both_copies_of_a_text_box_are_read(doc: SourceDocument) -> None:
    assert [u.text for u in _units(doc, part="text box")] == [f"Box about {NAME}"] * 2


def test_separator_footnotes_are_skipped(doc: SourceDocument) -> None:
    assert len(_units(doc, part="footnotes")) == 1


def test_merged_cell_is_read_once(doc: SourceDocument) -> None:
    assert [u.text for u in doc.units].count("Seen at home") == 1


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        (NAME, "table 1, row 1, cell 2"),
        ("Seen at home", "table 1, row 2, cell 1"),
        ("Nested Pennyfeather", "table 1, row 3, cell 2, table 1, row 1, cell 1"),
        ("Visited by Lorna", "table 1, row 4, cell 2"),
    ],
)
def test_table_cells_are_located(doc: SourceDocument, text: str, cell: str) -> None:
    (unit,) = [u for u in _units(doc, part="body") if u.text == text]
    assert unit.location.cell == cell


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Serious Case Review", 1),  # Title
        ("Background", 1),  # Heading1
        ("Agency involvement", 2),  # a style based on Heading 2
        ("Health", 3),  # outline level set on the paragraph
        ("Health visitor spoke to Lorna.", None),
        ("Name", None),
    ],
)
def test_heading_levels(doc: SourceDocument, text: str, level: int | None) -> None:
    (unit,) = [u for u in _units(doc, part="body", kind="paragraph") if u.text == text]
    assert unit.heading_level == level


def test_heading_is_the_nearest_preceding_body_heading(doc: SourceDocument) -> None:
    by_text = {u.text: u for u in _units(doc, part="body", kind="paragraph")}
    assert by_text["The mother, Lorna Pennyfeather, attended. Untouched ending."].location.heading == "Background"
    assert by_text["Visited by Lorna"].location.heading == "Health"
    assert _units(doc, part="header (default)")[0].location.heading is None


def test_paragraphs_are_numbered_from_one_per_part(doc: SourceDocument) -> None:
    body = [u.location.paragraph for u in _units(doc, part="body", kind="paragraph")]
    assert body == list(range(1, len(body) + 1))
    assert _units(doc, part="footnotes")[0].location.paragraph == 1


def test_uids_are_positions(doc: SourceDocument) -> None:
    assert [u.uid for u in doc.units] == list(range(len(doc.units)))


def test_offset_map_rebuilds_every_unit_from_a_fresh_parse(doc: SourceDocument) -> None:
    payload: DocxPayload = doc.payload
    chars = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
    nodes = {}
    for unit, unit_map in zip(doc.units, payload.maps, strict=True):
        if unit_map.part not in nodes:
            nodes[unit_map.part] = index_nodes(parse_part("x", unit_map.part, payload.parts[unit_map.part]).getroot())
        rebuilt = ""
        for piece in unit_map.pieces:
            el = nodes[unit_map.part][piece.node]
            if piece.how == "attr":
                bit = el.get(piece.attr)
            elif piece.how == "char":
                bit = chars[el.tag.rsplit("}", 1)[1]]
            else:
                bit = el.text
            assert piece.end - piece.start == len(bit)
            assert piece.start == len(rebuilt)
            rebuilt += bit
        assert rebuilt == unit.text


@pytest.mark.parametrize(
    ("kind", "fragment"),
    [
        ("comment", f"{NAME}: Check this with Lorna"),
        ("tracked change", f"deletion by {NAME}: {SURNAME} and "),
        ("tracked change", f"insertion by {NAME}: the social worker"),
        ("image", f"Photo of {NAME}"),
        ("document property", f"{SURNAME} Associates"),
        ("document property", NAME),
        ("thumbnail", ""),
        ("custom XML", ""),
    ],
)
def test_log_notes(doc: SourceDocument, kind: str, fragment: str) -> None:
    assert any(n.kind == kind and fragment in n.text for n in doc.notes)


def test_document_record(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "draft.docx")
    doc = read_docx(path, InputLimits())
    assert doc.kind == "docx"
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.path == path


def test_headings_resolve_without_styles_part(tmp_path: Path) -> None:
    body = para(run("Findings"), "Heading2") + para(run("Text under it."))
    doc = read_docx(write_package(tmp_path / "bare.docx", minimal_parts(body)), InputLimits())
    assert [(u.text, u.heading_level) for u in doc.units] == [("Findings", 2), ("Text under it.", None)]
    assert doc.units[1].location.heading == "Findings"


def test_document_without_text_is_empty(tmp_path: Path) -> None:
    path = write_package(tmp_path / "blank.docx", minimal_parts(para("")))
    with pytest.raises(EmptyDocument):
        read_docx(path, InputLimits())
