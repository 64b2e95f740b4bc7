"""Writing a .docx: names go everywhere they were, formatting stays, nothing else ships."""

from __future__ import annotations

import hashlib
import posixpath
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from anonymiser.read.document import SourceDocument
from anonymiser.read.docx import read_docx
from anonymiser.read.limits import InputLimits
from anonymiser.read.ooxml import NS, q, w
from anonymiser.records import Edit
from anonymiser.verify.package_text import package_chunks
from anonymiser.write.docx import write_docx
from tests.docx_builder import RPR_BOLD, build_docx, minimal_parts, para, run, write_package

# Longest first, so the full name wins over its parts.
_NAME_PATTERN = re.compile(r"lorna\.pennyfeather@example\.org|Lorna Pennyfeather|Pennyfeather|Lorna", re.IGNORECASE)
_LEAK = re.compile(r"lorna|pennyfeather", re.IGNORECASE)
REPLACEMENT = "Person A"


def _name_edits(doc: SourceDocument) -> list[Edit]:
    edits = []
    for unit in doc.units:
        for match in _NAME_PATTERN.finditer(unit.text):
            replacement = "(email)" if "@" in match.group() else REPLACEMENT
            edits.append(Edit(unit.uid, match.start(), match.end(), replacement))
    return edits


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _canonical(el: etree._Element | None) -> bytes:
    # Exclusive C14N drops namespace declarations inherited from the document element.
    return etree.tostring(el, method="c14n", exclusive=True) if el is not None else b""


def _runs(xml: bytes, skip: frozenset[int] = frozenset()) -> list[tuple[str, bytes]]:
    """(text, canonical rPr) for each run with text, in order, leaving out runs that hold
    any node whose position is in ``skip``."""
    root = etree.fromstring(xml)
    position = {node: i for i, node in enumerate(root.iter())}
    found = []
    for r in root.iter(w("r")):
        texts = list(r.iter(w("t")))
        text = "".join(t.text or "" for t in texts)
        if not text or any(position[t] in skip for t in texts):
            continue
        found.append((text, _canonical(r.find(w("rPr")))))
    return found


def _touched_nodes(doc: SourceDocument, edits: list[Edit], part: str) -> frozenset[int]:
    touched = set()
    for edit in edits:
        unit_map = doc.payload.maps[edit.unit]
        if unit_map.part != part:
            continue
        touched.update(p.node for p in unit_map.pieces if p.start < edit.end and p.end > edit.start)
    return frozenset(touched)


@pytest.fixture()
def source(tmp_path: Path) -> SourceDocument:
    return read_docx(build_docx(tmp_path / "draft.docx"), InputLimits())


@pytest.fixture()
def written(source: SourceDocument, tmp_path: Path) -> Path:
    dest = tmp_path / "out.docx"
    write_docx(source, _name_edits(source), dest)
    return dest


def test_name_is_absent_from_every_part(written: Path) -> None:
    for name, data in _parts(written).items():
        assert not _LEAK.search(data.decode("utf-8", "replace")), name


def test_name_is_absent_from_every_chunk_the_verifier_sees(written: Path) -> None:
    chunks = list(package_chunks(written, InputLimits()))
    assert chunks
    for place, text in chunks:
        assert not _LEAK.search(text), place
        assert not _LEAK.search(place)


@pytest.mark.parametrize(
    "part", ["word/document.xml", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml", "docProps/core.xml"]
)
def test_replacement_is_present(written: Path, part: str) -> None:
    assert REPLACEMENT.encode() in _parts(written)[part]


def test_reread_output_has_the_edited_text(written: Path) -> None:
    texts = [u.text for u in read_docx(written, InputLimits()).units]
    for expected in [
        "The mother, Person A, attended. Untouched ending.",
        "Email: (email)",
        "Contact\tPerson A\nLine two-end",
        "Person A / Person A / Person A Lane",
        "mailto:(email)",
        "Box about Person A",
    ]:
        assert expected in texts


def test_untouched_runs_keep_their_formatting(source: SourceDocument, written: Path) -> None:
    touched = _touched_nodes(source, _name_edits(source), "word/document.xml")
    before = _runs(source.payload.parts["word/document.xml"], touched)
    after = [
        r for r in _runs(_parts(written)["word/document.xml"]) if REPLACEMENT not in r[0] and "(email)" not in r[0]
    ]
    assert len(before) > 10
    assert after == before


def test_replacement_takes_the_first_runs_formatting(written: Path) -> None:
    runs = _runs(_parts(written)["word/document.xml"])
    bold = _canonical(etree.fromstring(RPR_BOLD.replace("<w:rPr>", f'<w:rPr xmlns:w="{NS.W}">', 1)))
    index = runs.index((", attended.", bold))
    # "Lor" was bold, "na Penny" italic, "feather" underlined: the name takes the bold.
    assert runs[index - 1] == (REPLACEMENT, bold)
    assert runs[index - 2] == ("The mother, ", b"")


def test_edit_spanning_a_tab_and_a_break(source: SourceDocument, tmp_path: Path) -> None:
    (unit,) = [u for u in source.units if u.text.startswith("Contact\t")]
    start = unit.text.index("Contact")
    end = unit.text.index("Line") + len("Line")
    dest = tmp_path / "out.docx"
    write_docx(source, [Edit(unit.uid, start, end, "Address")], dest)
    assert "Address two-end" in [u.text for u in read_docx(dest, InputLimits()).units]


def test_comments_are_removed(written: Path) -> None:
    parts = _parts(written)
    for gone in ("word/comments.xml", "word/commentsExtended.xml", "word/people.xml"):
        assert gone not in parts
    for name, data in parts.items():
        assert b"comment" not in data.lower(), name


def test_tracked_changes_are_resolved(written: Path) -> None:
    document = _parts(written)["word/document.xml"]
    for tag in (b"<w:ins", b"<w:del", b"w:delText", b"w:author"):
        assert tag not in document
    assert b"the social worker" in document
    assert b"trackRevisions" not in _parts(written)["word/settings.xml"]


def test_properties_are_cleaned(written: Path) -> None:
    parts = _parts(written)
    core = etree.fromstring(parts["docProps/core.xml"])
    assert not core.findtext(q(NS.DC, "creator"))
    assert not core.findtext(q(NS.CP, "lastModifiedBy"))
    assert core.findtext(q(NS.DC, "title")) == "Review of Person A"
    app = etree.fromstring(parts["docProps/app.xml"])
    assert not app.findtext(q(NS.EP, "Company"))
    assert not app.findtext(q(NS.EP, "Manager"))


@pytest.mark.parametrize(
    "gone", ["docProps/custom.xml", "docProps/thumbnail.jpeg", "customXml/item1.xml", "customXml/itemProps1.xml"]
)
def test_private_parts_are_removed_with_their_references(written: Path, gone: str) -> None:
    parts = _parts(written)
    assert gone not in parts
    stem = gone.rsplit("/", 1)[1].encode()
    for name in ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"):
        assert stem not in parts[name], name


def test_every_relationship_points_at_a_part(written: Path) -> None:
    parts = _parts(written)
    for name, data in parts.items():
        if not name.endswith(".rels"):
            continue
        source_dir = posixpath.dirname(posixpath.dirname(name))
        for rel in etree.fromstring(data):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(source_dir, rel.get("Target")))
            assert target in parts, (name, rel.get("Target"))


def test_content_type_overrides_point_at_parts(written: Path) -> None:
    parts = _parts(written)
    types = etree.fromstring(parts["[Content_Types].xml"])
    for override in types.iter(q(NS.CT, "Override")):
        assert override.get("PartName").lstrip("/") in parts


def test_zip_is_ordered_and_deterministic(source: SourceDocument, tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    write_docx(source, _name_edits(source), first)
    write_docx(source, _name_edits(source), second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        infos = archive.infolist()
        assert archive.testzip() is None
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_input_file_is_not_modified(source: SourceDocument, tmp_path: Path) -> None:
    digest = hashlib.sha256(source.path.read_bytes()).hexdigest()
    write_docx(source, _name_edits(source), tmp_path / "out.docx")
    assert hashlib.sha256(source.path.read_bytes()).hexdigest() == digest == source.sha256


def test_round_trip_without_edits_keeps_every_text(source: SourceDocument, tmp_path: Path) -> None:
    dest = tmp_path / "out.docx"
    write_docx(source, [], dest)
    again = read_docx(dest, InputLimits())
    removed_parts = {"comments", "comment authors", "document properties"}

    def texts(doc: SourceDocument) -> list[tuple[str, str, str]]:
        return [(u.location.describe(), u.kind, u.text) for u in doc.units if u.location.part not in removed_parts]

    expected = [
        (where, kind, text.replace("Pennyfeather and ", "") if text.startswith("Seen by") else text)
        for where, kind, text in texts(source)
    ]
    assert texts(again) == expected
    kept_properties = {u.text for u in again.units if u.location.part == "document properties"}
    assert kept_properties == {"Review of Lorna Pennyfeather", "Pennyfeather family", "Pennyfeather", "Draft by Lorna"}


def _uids(doc: SourceDocument, predicate) -> frozenset[int]:
    return frozenset(u.uid for u in doc.units if u.kind == "paragraph" and predicate(u))


def test_dropped_table_goes_whole(source: SourceDocument, tmp_path: Path) -> None:
    drop = _uids(source, lambda u: u.location.cell is not None)
    dest = tmp_path / "out.docx"
    write_docx(source, [], dest, drop_units=drop)
    document = etree.fromstring(_parts(dest)["word/document.xml"])
    assert document.find(f".//{w('tbl')}") is None
    assert document.find(w("body"))[-1].tag == w("sectPr")


@pytest.mark.parametrize(
    ("dropped", "rows_left"),
    [
        # A chronology's rows dropped from a table that keeps its others go as rows: they
        # were left behind as empty rows. An empty cell does not hold its row back.
        (("Seen at home",), ["Name|Lorna Pennyfeather", "Visitor|Nested Pennyfeather", "|Visited by Lorna"]),
        (("Visited by Lorna",), ["Name|Lorna Pennyfeather", "Seen at home", "Visitor|Nested Pennyfeather"]),
        # A row holding a nested table goes when all of it goes.
        (("Visitor", "Nested Pennyfeather"), ["Name|Lorna Pennyfeather", "Seen at home", "|Visited by Lorna"]),
        # A row keeps what is not dropped: the dropped cell's paragraph goes, the row stays.
        (("Lorna Pennyfeather",), ["Name|", "Seen at home", "Visitor|Nested Pennyfeather", "|Visited by Lorna"]),
    ],
)
def test_a_row_whose_paragraphs_all_go_goes(
    source: SourceDocument, tmp_path: Path, dropped: tuple[str, ...], rows_left: list[str]
) -> None:
    drop = _uids(source, lambda u: u.text in dropped)
    dest = tmp_path / "out.docx"
    write_docx(source, [], dest, drop_units=drop)
    table = etree.fromstring(_parts(dest)["word/document.xml"]).find(f".//{w('tbl')}")
    rows = [
        "|".join("".join(t.text or "" for t in cell.iter(w("t"))) for cell in row.findall(w("tc")))
        for row in table.findall(w("tr"))
    ]
    assert rows == rows_left


def test_dropped_cell_paragraph_leaves_a_valid_cell(source: SourceDocument, tmp_path: Path) -> None:
    drop = _uids(source, lambda u: u.text == "Visited by Lorna")
    dest = tmp_path / "out.docx"
    write_docx(source, [], dest, drop_units=drop)
    document = etree.fromstring(_parts(dest)["word/document.xml"])
    for cell in document.iter(w("tc")):
        assert cell[-1].tag == w("p")
    texts = [u.text for u in read_docx(dest, InputLimits()).units]
    assert "Visited by Lorna" not in texts
    assert "Seen at home" in texts


def test_dropping_a_footnote_reference_drops_the_footnote(source: SourceDocument, tmp_path: Path) -> None:
    drop = _uids(source, lambda u: u.text.startswith("The mother,"))
    dest = tmp_path / "out.docx"
    write_docx(source, [], dest, drop_units=drop)
    units = read_docx(dest, InputLimits()).units
    assert not [u for u in units if u.location.part == "footnotes"]
    assert not any(u.text.startswith("The mother,") for u in units)


def test_drop_everything_in_the_body_keeps_a_valid_body(source: SourceDocument, tmp_path: Path) -> None:
    drop = _uids(source, lambda u: u.location.part == "body")
    dest = tmp_path / "out.docx"
    write_docx(source, [], dest, drop_units=drop)
    body = etree.fromstring(_parts(dest)["word/document.xml"]).find(w("body"))
    assert [child.tag for child in body] == [w("p"), w("sectPr")]


def test_drop_images_removes_pictures_but_not_text_boxes(source: SourceDocument, tmp_path: Path) -> None:
    dest = tmp_path / "out.docx"
    write_docx(source, [], dest, drop_images=True)
    parts = _parts(dest)
    assert not [name for name in parts if name.startswith("word/media/")]
    assert b"a:blip" not in parts["word/document.xml"]
    assert b"media/image1.png" not in parts["word/_rels/document.xml.rels"]
    assert b"w:txbxContent" in parts["word/document.xml"]


@pytest.mark.parametrize(
    "edits",
    [
        [Edit(2, 0, 5, "x"), Edit(2, 3, 8, "y")],
        [Edit(2, 0, 10_000, "x")],
        [Edit(2, -1, 2, "x")],
    ],
    ids=["overlap", "past-the-end", "negative"],
)
def test_bad_edits_are_refused(source: SourceDocument, tmp_path: Path, edits: list[Edit]) -> None:
    with pytest.raises(ValueError):
        write_docx(source, edits, tmp_path / "out.docx")


def test_several_edits_in_one_text_node(source: SourceDocument, tmp_path: Path) -> None:
    (unit,) = [u for u in source.units if u.text == "Pennyfeather / Lorna / Pennyfeather Lane"]
    edits = [Edit(unit.uid, 0, 12, "P"), Edit(unit.uid, 15, 20, "L"), Edit(unit.uid, 23, 35, "Q")]
    dest = tmp_path / "out.docx"
    write_docx(source, edits, dest)
    assert "P / L / Q Lane" in [u.text for u in read_docx(dest, InputLimits()).units]


def test_verifier_chunks_join_split_runs_and_never_name_text_in_places(tmp_path: Path) -> None:
    path = build_docx(tmp_path / "draft.docx")
    chunks = list(package_chunks(path, InputLimits()))
    paragraph_texts = [text for place, text in chunks if place.startswith("word/document.xml: paragraph")]
    assert "The mother, Lorna Pennyfeather, attended. Untouched ending." in paragraph_texts
    targets = [text for place, text in chunks if "relationship target" in place]
    assert "mailto:lorna.pennyfeather@example.org" in targets
    assert ("word/media/image1.png: binary part, not searched", "") in chunks
    assert any(place.startswith("docProps/core.xml") and text == "Lorna Pennyfeather" for place, text in chunks)
    assert any("attribute descr" in place and "Pennyfeather" in text for place, text in chunks)
    for place, _ in chunks:
        assert not _LEAK.search(place)


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        pytest.param(
            para(
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                '<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:lorna.pennyfeather@example.org" '
                "</w:instrText></w:r>"
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                + run("Write to Lorna Pennyfeather")
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
            ),
            "field_code",
            id="complex-field-code",
        ),
        pytest.param(
            '<w:customXml w:element="note"><w:r><w:t>Stray Pennyfeather</w:t></w:r></w:customXml>' + para(run("Text.")),
            "other_text",
            id="text-outside-any-paragraph",
        ),
        pytest.param(
            '<w:sdt><w:sdtPr><w:alias w:val="Lorna Pennyfeather details"/><w:tag w:val="Pennyfeather"/></w:sdtPr>'
            f"<w:sdtContent>{para(run('Inside a control.'))}</w:sdtContent></w:sdt>",
            "control_label",
            id="content-control-labels",
        ),
    ],
)
def test_hidden_text_is_read_and_rewritten(tmp_path: Path, body: str, kind: str) -> None:
    source = read_docx(write_package(tmp_path / "draft.docx", minimal_parts(body)), InputLimits())
    assert any(u.kind == kind and _LEAK.search(u.text) for u in source.units)
    dest = tmp_path / "out.docx"
    write_docx(source, _name_edits(source), dest)
    for place, text in package_chunks(dest, InputLimits()):
        assert not _LEAK.search(text), place


def _embedded_parts() -> dict[str, bytes]:
    """A draft with an Excel sheet pasted as an OLE object (with its preview picture) and a
    chart whose workbook is embedded: both workbooks hold the name, which no stage reads."""
    import io

    def workbook(text: str) -> bytes:
        data = io.BytesIO()
        with zipfile.ZipFile(data, "w") as archive:
            archive.writestr(
                "xl/sharedStrings.xml",
                f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>{text}</t></si></sst>',
            )
        return data.getvalue()

    ole = (
        '<w:r><w:object><v:shape id="s1" o:ole=""><v:imagedata r:id="rIdPreview" o:title=""/></v:shape>'
        '<o:OLEObject Type="Embed" ProgID="Excel.Sheet.12" ShapeID="s1" r:id="rIdSheet"/></w:object></w:r>'
    )
    chart = (
        '<w:r><w:drawing><wp:inline><wp:docPr id="2" name="Chart 2"/><a:graphic><a:graphicData '
        'uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart '
        'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rIdChart"/>'
        "</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
    parts = minimal_parts(para(run("Seen at home.")) + para(ole) + para(chart))
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    parts["word/_rels/document.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdSheet" Type="{rel}package" Target="embeddings/Microsoft_Excel_Worksheet.xlsx"/>'
        f'<Relationship Id="rIdPreview" Type="{rel}image" Target="media/image1.emf"/>'
        f'<Relationship Id="rIdChart" Type="{rel}chart" Target="charts/chart1.xml"/></Relationships>'
    ).encode()
    parts["word/charts/chart1.xml"] = (
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        f'xmlns:r="{rel[:-1]}"><c:chart/><c:externalData r:id="rIdBook"/></c:chartSpace>'
    ).encode()
    parts["word/charts/_rels/chart1.xml.rels"] = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rIdBook" Type="{rel}package" Target="../embeddings/Microsoft_Excel_Worksheet1.xlsx"/>'
        "</Relationships>"
    ).encode()
    parts["word/embeddings/Microsoft_Excel_Worksheet.xlsx"] = workbook("Lorna Pennyfeather")
    parts["word/embeddings/Microsoft_Excel_Worksheet1.xlsx"] = workbook("Pennyfeather household")
    parts["word/media/image1.emf"] = b"EMF preview: " + "Lorna Pennyfeather".encode("utf-16-le")
    return parts


def test_embedded_objects_are_removed_with_what_shows_them(tmp_path: Path) -> None:
    # The verifier cannot search inside an embedded workbook, so it passed an output that
    # still held the name; nothing that cannot be verified may ship.
    source = read_docx(write_package(tmp_path / "embedded.docx", _embedded_parts()), InputLimits())
    dest = tmp_path / "out.docx"
    write_docx(source, [], dest)
    parts = _parts(dest)
    assert not [n for n in parts if n.startswith("word/embeddings/")]
    assert "word/media/image1.emf" not in parts
    assert "word/charts/chart1.xml" in parts  # the chart shows its cached (anonymised) values
    for name, data in parts.items():
        assert b"Pennyfeather" not in data and "Pennyfeather".encode("utf-16-le") not in data, name
    document = etree.fromstring(parts["word/document.xml"])
    assert not list(document.iter(w("object")))
    assert b"Seen at home." in parts["word/document.xml"]
    assert b"externalData" not in parts["word/charts/chart1.xml"]
    # Nothing left pointing at a removed part.
    for rels in (n for n in parts if n.endswith(".rels")):
        for target in re.findall(rb'Target="([^"]+)"', parts[rels]):
            base = posixpath.dirname(posixpath.dirname(rels))
            assert posixpath.normpath(posixpath.join(base, target.decode())) in parts, (rels, target)
    assert any(n.kind == "embedded object" for n in source.notes)
