"""Write an anonymised .docx: apply edits to the runs, and strip what must not be published.

The writer works on a fresh parse of the original part bytes held in the reader's payload;
the input file is never touched. Text changes keep formatting to the character: a
replacement goes into the first text node of its span, with that run's formatting, and the
rest of the span is cut from the nodes that follow. Runs that no edit touches are left as
they were.

Beyond the edits, the output never carries: comments (and their anchors, authors and
people list), tracked changes (insertions accepted, deletions dropped, property-change
records removed), custom document properties, the first-page thumbnail, custom XML data
parts, or embedded objects (a spreadsheet or document pasted as an object, a chart's
workbook), which nothing here can read, rewrite or verify. Author names in core and app
properties are cleared.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import quote, unquote

from lxml import etree

from anonymiser.read.document import SourceDocument
from anonymiser.read.docx import REMOVED_BY_TYPE, DocxPayload, Piece, UnitMap, local_link
from anonymiser.read.ooxml import (
    CONTENT_TYPES,
    KEPT_BINARY,
    NS,
    index_nodes,
    is_xml_part,
    local_name,
    outside_document,
    parse_part,
    q,
    related_parts,
    rels_name,
    resolve_target,
    w,
    word_part_name,
)
from anonymiser.records import Edit
from anonymiser.write.docx_hidden import (
    bookmark_renames,
    doc_part_names,
    field_tokens,
    neutral_bookmarks,
    neutral_chart_formulas,
    neutral_doc_part_names,
    neutral_style_ids,
    neutral_theme_names,
    remove_xml_comments,
    style_names,
)
from anonymiser.write.image_metadata import strip_metadata
from anonymiser.write.xml_nodes import remove_keeping_tail

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_XML_SPACE = q(NS.XML, "space")
# Records of formatting changes: accepting the change means dropping the record.
_CHANGE_RECORDS = frozenset(
    w(t)
    for t in (
        "rPrChange", "pPrChange", "sectPrChange", "tblPrChange", "tblGridChange", "trPrChange",
        "tcPrChange", "tblPrExChange", "numberingChange", "cellIns", "cellDel", "cellMerge",
        "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
        "customXmlInsRangeStart", "customXmlInsRangeEnd", "customXmlDelRangeStart",
        "customXmlDelRangeEnd", "customXmlMoveFromRangeStart", "customXmlMoveFromRangeEnd",
        "customXmlMoveToRangeStart", "customXmlMoveToRangeEnd",
    )
)
_COMMENT_ANCHORS = frozenset({w("commentRangeStart"), w("commentRangeEnd"), w("commentReference")})
_COMMENT_REL_TYPES = frozenset({"comments", "commentsExtended", "commentsIds", "commentsExtensible", "people"})
_COMMENT_PARTS = frozenset(
    {
        "word/comments.xml", "word/commentsExtended.xml", "word/commentsIds.xml",
        "word/commentsExtensible.xml", "word/people.xml",
    }
)
_CORE_CLEARED = frozenset({q(NS.DC, "creator"), q(NS.CP, "lastModifiedBy")})
# The template's file name and the base of relative links are names and paths on the
# author's computer ("KeziaFairbairn.dotm", "C:\\Users\\<login>\\"), as the settings' template is.
_APP_CLEARED = frozenset({q(NS.EP, "Company"), q(NS.EP, "Manager"), q(NS.EP, "Template"), q(NS.EP, "HyperlinkBase")})
# What a link to a file on the author's computer points at once its path is gone.
LOCAL_LINK_REMOVED = "file:///local-file-removed"

# Paragraph containers that must keep at least one paragraph to stay valid.
_NEEDS_PARAGRAPH = frozenset(
    {w("tc"), w("footnote"), w("endnote"), w("txbxContent"), w("hdr"), w("ftr"), w("comment")}
)


@dataclass
class _Package:
    """The output being built: XML trees for XML parts, bytes for the rest."""

    trees: dict[str, etree._ElementTree]
    binaries: dict[str, bytes]
    order: list[str]
    removed: set[str] = field(default_factory=set)

    def names(self) -> list[str]:
        return [n for n in self.order if n in self.trees or n in self.binaries]

    def remove(self, name: str) -> None:
        if name in self.trees or name in self.binaries:
            self.removed.add(name)
        self.trees.pop(name, None)
        self.binaries.pop(name, None)


def write_docx(
    doc: SourceDocument,
    edits: Sequence[Edit],
    dest: Path,
    *,
    drop_units: frozenset[int] = frozenset(),
    drop_images: bool = False,
) -> None:
    """Write ``doc`` with ``edits`` applied to ``dest``, stripping comments, tracked changes,
    custom properties, thumbnail and custom XML. ``drop_units`` are paragraphs to remove;
    ``drop_images`` removes pictures and their media."""
    payload: DocxPayload = doc.payload
    package = _Package(
        trees={n: parse_part(doc.path, n, b) for n, b in payload.parts.items() if is_xml_part(n)},
        binaries={n: b for n, b in payload.parts.items() if not is_xml_part(n)},
        order=list(payload.parts),
    )
    # Every node is looked up before any change, so positions still match the reader's.
    nodes = {name: index_nodes(tree.getroot()) for name, tree in package.trees.items()}
    # Which links are to files is judged on the targets as read: a web address redacted
    # by an edit ("(web address)") has no scheme and would otherwise be taken for a file.
    local_links = _local_links(package)
    by_unit: dict[int, list[Edit]] = {}
    for edit in edits:
        by_unit.setdefault(edit.unit, []).append(edit)
    changes = []
    bookmarks = bookmark_renames(package.trees)
    # Names the package gives its own pieces, taken as read: the edits may change one copy.
    styles = style_names(package.trees)
    doc_parts = doc_part_names(package.trees)
    for uid, unit_edits in by_unit.items():
        if uid in drop_units:
            continue
        unit_map = payload.maps[uid]
        text_length = len(doc.units[uid].text)
        checked = _check_edits(uid, sorted(unit_edits, key=lambda e: (e.start, e.end)), text_length)
        if doc.units[uid].kind == "field_code":
            checked = _field_code_edits(doc.units[uid].text, unit_map, checked, nodes[unit_map.part], bookmarks)
        changes.append((unit_map, checked))
    dropped = [
        nodes[payload.maps[uid].part][payload.maps[uid].paragraph]
        for uid in sorted(drop_units)
        if payload.maps[uid].paragraph is not None and payload.maps[uid].part in nodes
    ]
    for unit_map, unit_edits in changes:
        _apply_edits(unit_map, unit_edits, nodes[unit_map.part])
    _drop_paragraphs(dropped, package)
    for name, tree in package.trees.items():
        if name.startswith("word/") and not name.endswith(".rels"):
            _resolve_tracked_changes(tree.getroot())
            _remove_comment_anchors(tree.getroot())
            _remove_data_bindings(tree.getroot())
            _remove_unshown_names(tree.getroot())
    _remove_orphan_notes(package)
    _remove_embedded_objects(package)
    neutral_bookmarks(package.trees, bookmarks)
    neutral_style_ids(package.trees, styles)
    neutral_doc_part_names(doc_parts)
    neutral_theme_names(package.trees)
    neutral_chart_formulas(package.trees)
    remove_xml_comments(package.trees)
    _clean_settings(package)
    _clean_properties(package)
    _remove_parts(package, _parts_to_remove(package))
    _neutral_local_links(package, local_links)
    if drop_images:
        _drop_images(package)
    for name in list(package.binaries):
        if name.startswith("word/media/"):
            package.binaries[name] = strip_metadata(name, package.binaries[name])
    _prune_relationships(package)
    _neutral_relationship_ids(package)
    _neutral_part_names(package)
    _write_zip(package, dest)


# -- edits -----------------------------------------------------------------------------


def _check_edits(uid: int, edits: list[Edit], length: int) -> list[Edit]:
    previous_end = 0
    for edit in edits:
        if not 0 <= edit.start <= edit.end <= length:
            raise ValueError(f"edit for unit {uid} lies outside its text")
        if edit.start < previous_end:
            raise ValueError(f"edits for unit {uid} overlap")
        previous_end = edit.end
    return edits


def _field_code_edits(
    read: str, unit_map: UnitMap, edits: list[Edit], nodes: list[etree._Element], bookmarks: Mapping[str, str]
) -> list[Edit]:
    """A field code's edits, made to keep the field working.

    The reader read the code's joined words apart (``read``: "MERGEFIELD Shauna_Kettleby"
    as "MERGEFIELD Shauna Kettleby"), so a replacement where it did must join up again
    ("Person_A"): a space would end the field's argument and leave the rest a stray word.
    A bookmark name the code refers to ("REF Declan_Whitlow") is left to
    ``neutral_bookmarks``, which renames it whole with its bookmark; replaced here, it would
    no longer match its bookmark and the cross-reference would break. Only a name within
    one node: that step renames node by node. (Verification still searches the output for
    every redacted name, so a name that step missed fails the document.)
    """
    stored = "".join(_piece_text(nodes[p.node], p) for p in unit_map.pieces)
    renamed_here = [
        (m.start() + p.start, m.end() + p.start)
        for p in unit_map.pieces
        for m in field_tokens(_piece_text(nodes[p.node], p))
        if m.group(0) in bookmarks
    ]
    out = []
    for edit in edits:
        if any(start <= edit.start and edit.end <= end for start, end in renamed_here):
            continue
        around = slice(max(edit.start - 1, 0), edit.end + 1)
        if stored[around] != read[around]:
            edit = replace(edit, replacement=re.sub(r"\s+", "_", edit.replacement.strip()))
        out.append(edit)
    return out


def _anchor(pieces: tuple[Piece, ...], edit: Edit) -> int | None:
    """The piece that receives an edit's replacement: the first text piece in its span."""
    overlapping = [i for i, p in enumerate(pieces) if p.start < edit.end and p.end > edit.start]
    for i in overlapping:
        if pieces[i].how != "char":
            return i
    if overlapping:
        return overlapping[0]
    # An insertion (empty span) joins the text node that ends or starts where it sits.
    touching = [i for i, p in enumerate(pieces) if p.start <= edit.start <= p.end and p.how != "char"]
    return touching[0] if touching else None


def _apply_edits(unit_map: UnitMap, edits: list[Edit], nodes: list[etree._Element]) -> None:
    pieces = unit_map.pieces
    anchors = {id(edit): _anchor(pieces, edit) for edit in edits}
    for index, piece in enumerate(pieces):
        relevant = [
            e for e in edits if anchors[id(e)] == index or (e.start < piece.end and e.end > piece.start)
        ]
        if not relevant:
            continue
        el = nodes[piece.node]
        original = _piece_text(el, piece)
        out: list[str] = []
        cursor = piece.start
        for edit in relevant:
            start = min(max(edit.start, piece.start), piece.end)
            if start > cursor:
                out.append(original[cursor - piece.start : start - piece.start])
            if anchors[id(edit)] == index:
                out.append(edit.replacement)
            cursor = max(cursor, min(max(edit.end, piece.start), piece.end))
        out.append(original[cursor - piece.start :])
        _set_piece_text(el, piece, "".join(out))


def _piece_text(el: etree._Element, piece: Piece) -> str:
    if piece.how == "attr":
        return el.get(piece.attr or "", "")
    if piece.how == "char":
        return {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}.get(local_name(el.tag), " ")
    return el.text or ""


def _set_piece_text(el: etree._Element, piece: Piece, text: str) -> None:
    if piece.how == "attr":
        if el.tag == q(NS.PR, "Relationship"):
            # A relationship target is a URI: keep replacements like "Child A" valid in it.
            text = quote(text, safe=":/?#[]@!$&'()*+,;=%~.-_")
        el.set(piece.attr or "", text)
        return
    if piece.how == "char":
        if text == _piece_text(el, piece):
            return
        parent = el.getparent()
        if text and parent is not None:
            # The span began on a tab or break: its replacement takes a text node here.
            new = etree.Element(w("t"))
            _set_text(new, text)
            parent.insert(parent.index(el), new)
        remove_keeping_tail(el)
        return
    if text or el.tag != w("t"):
        _set_text(el, text)
        return
    run = el.getparent()
    remove_keeping_tail(el)
    if run is not None and run.tag == w("r") and all(child.tag == w("rPr") for child in run):
        remove_keeping_tail(run)


def _set_text(el: etree._Element, text: str) -> None:
    el.text = text
    if el.tag in (w("t"), w("delText"), w("instrText")) and text != text.strip():
        el.set(_XML_SPACE, "preserve")




def _unwrap(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    position = parent.index(el)
    for child in list(el):
        parent.insert(position, child)
        position += 1
    remove_keeping_tail(el)


# -- dropping paragraphs ---------------------------------------------------------------


def _drop_paragraphs(dropped: list[etree._Element], package: _Package) -> None:
    if not dropped:
        return
    doomed = set(dropped)
    for tree in package.trees.values():
        # A table goes when every paragraph in it goes, and then a row when every paragraph
        # in it goes (a chronology's dated rows dropped from a table that keeps its other
        # rows would otherwise stay as empty rows); outer tables first. Blank paragraphs
        # (an empty cell) are never dropped themselves, so they do not hold a row back.
        for tag in (w("tbl"), w("tr")):
            for element in list(tree.getroot().iter(tag)):
                paragraphs = [p for p in element.iter(w("p")) if p in doomed or not _blank(p)]
                if paragraphs and all(p in doomed for p in paragraphs) and element.getparent() is not None:
                    remove_keeping_tail(element)
    for p in dropped:
        if p.getparent() is None:
            continue
        ppr = p.find(w("pPr"))
        if ppr is not None and ppr.find(w("sectPr")) is not None:
            # The paragraph carries a section break: keep it, empty, to keep the layout.
            for child in list(p):
                if child is not ppr:
                    p.remove(child)
            continue
        remove_keeping_tail(p)
    for tree in package.trees.values():
        _repair_containers(tree.getroot())


def _blank(paragraph: etree._Element) -> bool:
    """A paragraph with no text and nothing drawn in it (an empty cell's paragraph)."""
    if any(node.text for node in paragraph.iter(w("t"), w("delText"))):
        return False
    return next(paragraph.iter(w("drawing"), w("pict"), w("object")), None) is None


def _repair_containers(root: etree._Element) -> None:
    for sdt in list(root.iter(w("sdtContent"))):
        if len(sdt) == 0 and sdt.getparent() is not None:
            holder = sdt.getparent()
            if holder.getparent() is not None and holder.getparent().tag in (w("body"), w("tc"), w("sdtContent")):
                remove_keeping_tail(holder)
    for tbl in list(root.iter(w("tbl"))):
        if tbl.find(f".//{w('tc')}") is None and tbl.getparent() is not None:
            remove_keeping_tail(tbl)
    for container in root.iter(*_NEEDS_PARAGRAPH):
        content = [c for c in container if c.tag in (w("p"), w("tbl"), w("sdt"))]
        if container.tag == w("tc"):
            # A cell must end with a paragraph, even after a nested table.
            if not content or content[-1].tag != w("p"):
                container.append(etree.Element(w("p")))
        elif not content:
            container.append(etree.Element(w("p")))
    for body in root.iter(w("body")):
        if not any(c.tag in (w("p"), w("tbl"), w("sdt")) for c in body):
            sect = body.find(w("sectPr"))
            position = body.index(sect) if sect is not None else len(body)
            body.insert(position, etree.Element(w("p")))


def _remove_orphan_notes(package: _Package) -> None:
    """A footnote whose reference was dropped would still ship its text; drop it too."""
    for part, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
        tree = package.trees.get(part)
        if tree is None:
            continue
        used = {
            ref.get(w("id"))
            for name, other in package.trees.items()
            if name != part and not name.endswith(".rels")
            for ref in other.getroot().iter(w(f"{tag}Reference"))
        }
        for note in list(tree.getroot().iter(w(tag))):
            if note.get(w("type")) is None and note.get(w("id")) not in used:
                remove_keeping_tail(note)


# -- tracked changes, comments, bindings -----------------------------------------------


def _resolve_tracked_changes(root: etree._Element) -> None:
    # Rows deleted with tracking on go with the deletion.
    for row_mark in list(root.iter(w("del"))):
        holder = row_mark.getparent()
        if holder is not None and holder.tag == w("trPr"):
            row = holder.getparent()
            if row is not None and row.getparent() is not None:
                remove_keeping_tail(row)
    for el in list(root.iter(w("del"), w("moveFrom"), *_CHANGE_RECORDS)):
        if el.getparent() is not None:
            remove_keeping_tail(el)
    for el in list(root.iter(w("ins"), w("moveTo"))):
        if el.getparent() is not None:
            _unwrap(el)
    for el in list(root.iter(w("delText"), w("delInstrText"))):
        # A deletion mark outside a w:del (malformed, but seen) still holds deleted words.
        remove_keeping_tail(el)


def _remove_comment_anchors(root: etree._Element) -> None:
    for el in list(root.iter(*_COMMENT_ANCHORS)):
        run = el.getparent()
        remove_keeping_tail(el)
        if run is not None and run.tag == w("r") and all(c.tag == w("rPr") for c in run):
            remove_keeping_tail(run)


def _remove_data_bindings(root: etree._Element) -> None:
    # Bindings point into custom XML parts, which are removed; without this Word would
    # refill the content control from data that no longer exists.
    for el in list(root.iter(w("dataBinding"), q(NS.W15, "dataBinding"))):
        remove_keeping_tail(el)
    # A date picker stores its date again, in ISO form ("2015-04-03T00:00:00Z"), beside the
    # text it shows; the text is what is redacted. Without it Word shows the text as it is.
    for el in root.iter(w("date")):
        el.attrib.pop(w("fullDate"), None)
    # A linked or pasted picture's VML keeps the path it came from ("C:/Users/<login>/...").
    for el in root.iter(q(NS.V, "imagedata"), q(NS.V, "fill"), q(NS.V, "stroke"), q(NS.V, "image")):
        el.attrib.pop(q(NS.OFFICE, "href"), None)
        el.attrib.pop(q(NS.OFFICE, "althref"), None)
        el.attrib.pop("src", None)
    # A fill picture's title is the file it was made from ("Kezia at the park.jpg"); a page
    # background's fill stands outside any paragraph, where no reader looks.
    for el in root.iter(q(NS.V, "fill")):
        el.attrib.pop(q(NS.OFFICE, "title"), None)


# Markup that names things nobody reads on the page, and that the document does not need:
# an editing permission's user ("DOMAIN\\login", an e-mail address), a content control's
# tag (an identifier for programs: "OrrinBlackett", which no search for words finds), a
# form field's macros (the macros are removed), a font's other name, a frames page's frames,
# a field's stored data (base64 of whatever the field kept; Word shows the field without it).
_UNSHOWN_NAMES = frozenset(
    {
        w("permStart"), w("permEnd"), w("entryMacro"), w("exitMacro"), w("altName"), w("frameset"), w("fldData"),
    }
)


_SHAPE_COPY = q(NS.OFFICE, "gfxdata")


def _remove_unshown_names(root: etree._Element) -> None:
    # A VML shape's o:gfxdata is base64 of a zipped DrawingML copy of the shape, its text
    # box's words with it; no search reads it, and Word draws the shape from its VML.
    for el in root.iter():
        if isinstance(el.tag, str) and _SHAPE_COPY in el.attrib:
            del el.attrib[_SHAPE_COPY]
    for el in list(root.iter(*_UNSHOWN_NAMES, w("tag"))):
        if el.tag != w("tag") or (el.getparent() is not None and el.getparent().tag == w("sdtPr")):
            remove_keeping_tail(el)
    # Custom XML markup names its elements after a schema someone wrote ("KeziaFairbairn");
    # Word no longer uses it, so the content stays and the markup goes.
    for el in list(root.iter(w("customXml"))):
        for properties in el.findall(w("customXmlPr")):
            el.remove(properties)
        _unwrap(el)


def _clean_settings(package: _Package) -> None:
    # The building blocks (word/glossary/) have settings of their own, with the same places.
    for name in [n for n, t in package.trees.items() if t.getroot().tag == w("settings")]:
        _clean_settings_part(package, name)


def _clean_settings_part(package: _Package, name: str) -> None:
    tree = package.trees[name]
    # Document variables hold whatever a template or macro stored ("ChildName"); no page
    # shows them unless a DOCVARIABLE field does, and its result is in the body already.
    # The attached template is a path on the author's machine ("C:/Users/<login>/...").
    # A mail merge names its data source by path, query and table ("C:/Users/<login>/Marsh
    # family.xlsx", "SELECT * FROM `Kian Marsh$`") and keeps a part of recipients; an XSLT
    # to save through and a schema library are paths too; caption labels are typed names.
    # None is needed to read the document.
    for el in list(tree.getroot().iter(*_SETTINGS_REMOVED)):
        remove_keeping_tail(el)
    rels = package.trees.get(rels_name(name))
    if rels is not None:
        for rel in list(rels.getroot()):
            if rel.get("Type", "").rsplit("/", 1)[-1] in _SETTINGS_REL_TYPES:
                rels.getroot().remove(rel)
                if rel.get("TargetMode") != "External":
                    target = resolve_target(name, rel.get("Target", ""))
                    package.remove(target)
                    package.remove(rels_name(target))


_SETTINGS_REMOVED = (
    w("trackRevisions"), w("attachedSchema"), w("docVars"), w("attachedTemplate"), w("mailMerge"),
    w("saveThroughXslt"), w("captions"), q("http://schemas.openxmlformats.org/schemaLibrary/2006/main", "schemaLibrary"),
)
_SETTINGS_REL_TYPES = frozenset(
    {"attachedTemplate", "mailMergeSource", "mailMergeHeaderSource", "recipientData", "transform"}
)


def _clean_properties(package: _Package) -> None:
    core = package.trees.get("docProps/core.xml")
    if core is not None:
        for el in core.getroot():
            if el.tag in _CORE_CLEARED:
                el.text = ""
    app = package.trees.get("docProps/app.xml")
    if app is not None:
        for el in app.getroot():
            if el.tag in _APP_CLEARED:
                el.text = ""


# -- parts and relationships -----------------------------------------------------------


# Embedded packages and OLE data: an Excel chronology pasted as an object, a Visio genogram, the
# workbook behind a chart. Their text is in binary or nested zip files that are neither read
# nor searched by verification, so a name in them would ship in a file that passed. They are
# removed with whatever shows them: a chart keeps the values cached in its own XML (read and
# anonymised), an OLE object goes with its preview picture, which is a picture of the same
# contents.
EMBEDDINGS = "word/embeddings/"


def _remove_embedded_objects(package: _Package) -> None:
    doomed = {n for n in package.names() if n.startswith(EMBEDDINGS)}
    doomed |= {n for n in package.binaries if not KEPT_BINARY.fullmatch(n) and n != CONTENT_TYPES}
    doomed |= related_parts(package.trees, frozenset(REMOVED_BY_TYPE)) & set(package.names())
    if not doomed:
        return
    for name in [n for n in package.trees if n.endswith(".rels")]:
        source = _source_of(name)
        if source not in package.trees:
            continue
        targets = {
            rel.get("Id"): resolve_target(source, rel.get("Target", ""))
            for rel in package.trees[name].getroot()
            if rel.get("TargetMode") != "External"
        }
        embedded = {rid for rid, target in targets.items() if target in doomed}
        if not embedded:
            continue
        root = package.trees[source].getroot()
        holders = []
        for el in root.iter():
            if isinstance(el.tag, str) and any(
                attr.startswith(f"{{{NS.R}}}") and value in embedded for attr, value in el.attrib.items()
            ):
                holders.append(next((a for a in el.iterancestors(w("object"))), el))
        gone: set[str] = set()
        for holder in holders:
            if holder.getparent() is None:
                continue  # inside a holder already removed
            gone |= {v for el in holder.iter() for a, v in el.attrib.items() if a.startswith(f"{{{NS.R}}}")}
            remove_keeping_tail(holder)
        still_used = {v for el in root.iter() for a, v in el.attrib.items() if a.startswith(f"{{{NS.R}}}")}
        # The preview picture goes too, unless something else in the part still shows it.
        doomed |= {targets[rid] for rid in gone - still_used if rid in targets}
    for name in doomed:
        package.remove(name)


def _parts_to_remove(package: _Package) -> set[str]:
    doomed = set(_COMMENT_PARTS)
    # Custom XML, custom properties, the thumbnail and any part no Word document has.
    doomed |= {name for name in package.names() if outside_document(name)}
    # Comment parts may live under other names, and the building blocks have their own;
    # their relationship types say what they are.
    doomed |= related_parts(package.trees, _COMMENT_REL_TYPES)
    return {name for name in doomed if name in package.trees or name in package.binaries}


def _local_links(package: _Package) -> set[tuple[str, str]]:
    """(relationships part, relationship id) of every link to a file on the author's computer
    or network (see ``local_link``)."""
    return {
        (name, rel.get("Id", ""))
        for name, tree in package.trees.items()
        if name.endswith(".rels")
        for rel in tree.getroot()
        if rel.get("TargetMode") == "External" and local_link(rel.get("Target", ""))
    }


def _neutral_local_links(package: _Package, local: set[tuple[str, str]]) -> None:
    """A link to a file on the author's computer or network (``local``, as read) keeps its
    place and loses its path; the reader did not read it, so nothing else changed it."""
    for name, tree in package.trees.items():
        if name.endswith(".rels"):
            for rel in tree.getroot():
                if rel.get("TargetMode") == "External" and (name, rel.get("Id", "")) in local:
                    rel.set("Target", LOCAL_LINK_REMOVED)


def _remove_parts(package: _Package, doomed: set[str]) -> None:
    for name in doomed:
        package.remove(name)
        package.remove(rels_name(name))


def _source_of(rels_part: str) -> str:
    directory, base = posixpath.split(rels_part)
    return posixpath.join(posixpath.dirname(directory), base[: -len(".rels")])


def _prune_relationships(package: _Package) -> None:
    """Drop relationships and content-type overrides that point at parts we removed.

    Only our removals are pruned: a relationship that was already dangling in the draft
    may still be referenced by an r:id, and removing it would break the file."""
    for name in list(package.trees):
        if not name.endswith(".rels"):
            continue
        source = _source_of(name)
        if source in package.removed:
            package.remove(name)
            continue
        root = package.trees[name].getroot()
        for rel in list(root):
            if rel.get("TargetMode") == "External":
                continue
            if resolve_target(source, rel.get("Target", "")) in package.removed:
                root.remove(rel)
    types = package.trees.get(CONTENT_TYPES)
    if types is not None:
        for override in list(types.getroot().iter(q(NS.CT, "Override"))):
            if override.get("PartName", "").lstrip("/") in package.removed:
                types.getroot().remove(override)


# A relationship's id is chosen by whatever made the file, as a part's name is: Word writes
# "rId1", "rId2"...; "rIdKeziaFairbairn" is an id in joined words no search reads apart. Any
# other id is renumbered in its relationships part and in every reference to it from the
# part it belongs to: an attribute in the relationships namespace (r:id, r:embed, r:link,
# r:dm...) or VML's o:relid. An id some other attribute of that part also holds is kept, so
# that no reference the writer does not know is broken.
_WORD_RELATIONSHIP_ID = re.compile(r"rId\d+")
_VML_RELATIONSHIP_ID = q(NS.OFFICE, "relid")


def _neutral_relationship_ids(package: _Package) -> None:
    for name in [n for n in package.trees if n.endswith(".rels")]:
        relationships = package.trees[name].getroot()
        ids = [rel.get("Id", "") for rel in relationships]
        chosen = {i for i in ids if i and not _WORD_RELATIONSHIP_ID.fullmatch(i)}
        if not chosen:
            continue
        source = package.trees.get(_source_of(name))
        holders = [] if source is None else [el for el in source.getroot().iter() if isinstance(el.tag, str)]
        unknown = {
            value
            for el in holders
            for attr, value in el.attrib.items()
            if value in chosen and not _references_relationship(attr)
        }
        taken = set(ids)
        renamed: dict[str, str] = {}
        number = 0
        for old in ids:
            if old not in chosen or old in unknown or old in renamed:
                continue
            number = _next_free("rId{}", taken, number)
            renamed[old] = f"rId{number}"
            taken.add(renamed[old])
        for rel in relationships:
            if rel.get("Id") in renamed:
                rel.set("Id", renamed[rel.get("Id")])
        for el in holders:
            for attr, value in el.attrib.items():
                if value in renamed and _references_relationship(attr):
                    el.set(attr, renamed[value])


def _next_free(template: str, taken: set[str], last: int) -> int:
    """The first number after ``last`` whose name (``template`` filled with it) is not taken."""
    number = last + 1
    while template.format(number) in taken:
        number += 1
    return number


def _references_relationship(attr: str) -> bool:
    return attr.startswith(f"{{{NS.R}}}") or attr == _VML_RELATIONSHIP_ID


# Pictures and fonts keep the file names they were inserted with ("kian_marsh.png"), in the
# zip's directory and in every relationship to them. They are renamed in package order.
# Other parts are named by whatever made the file ("word/header-kezia-fairbairn.xml"): a
# part whose name Word would not give it is renamed "word/part1.xml"..., its relationships
# part with it; Word's own names are kept, so nothing else changes.

def _neutral_part_names(package: _Package) -> None:
    renamed: dict[str, str] = {}
    counts = {"word/media/": 0, "word/fonts/": 0}
    for name in package.names():
        folder = next((f for f in counts if name.startswith(f)), None)
        if folder is None or name not in package.binaries:
            continue
        counts[folder] += 1
        suffix = posixpath.splitext(name)[1].lower()
        stem = "image" if folder == "word/media/" else "font"
        renamed[name] = f"{folder}{stem}{counts[folder]}{suffix}"
    taken = set(package.names()) | set(renamed.values())
    number = 0
    for name in package.names():
        if name not in package.trees or name.endswith(".rels") or word_part_name(name):
            continue
        number = _next_free("word/part{}.xml", taken, number)
        renamed[name] = f"word/part{number}.xml"
        taken.add(renamed[name])
    for name in [n for n in package.trees if n.endswith(".rels")]:
        source = _source_of(name)
        if source in renamed:
            renamed[name] = rels_name(renamed[source])
        elif source and source not in package.trees and source not in package.binaries:
            package.remove(name)  # relates a part the package does not have: nothing reads it
    if all(old == new for old, new in renamed.items()):
        return
    for name in [n for n in package.trees if n.endswith(".rels")]:
        source = _source_of(name)
        new_source = renamed.get(source, source)
        for rel in package.trees[name].getroot():
            if rel.get("TargetMode") == "External":
                continue
            target = resolve_target(source, rel.get("Target", ""))
            target = target if target in renamed else unquote(target)  # "Declan%20Whitlow.png"
            if target in renamed or new_source != source:
                new_target = renamed.get(target, target)
                rel.set("Target", posixpath.relpath(new_target, posixpath.dirname(new_source) or "."))
    types = package.trees.get(CONTENT_TYPES)
    if types is not None:
        for override in types.getroot().iter(q(NS.CT, "Override")):
            part = override.get("PartName", "").lstrip("/")
            part = part if part in renamed else unquote(part)
            if part in renamed:
                override.set("PartName", "/" + renamed[part])
    package.binaries = {renamed.get(n, n): data for n, data in package.binaries.items()}
    package.trees = {renamed.get(n, n): tree for n, tree in package.trees.items()}
    package.order = [renamed.get(n, n) for n in package.order]


def _drop_images(package: _Package) -> None:
    for name, tree in package.trees.items():
        if name.endswith(".rels"):
            continue
        root = tree.getroot()
        for holder in list(root.iter(w("drawing"), w("pict"), w("object"))):
            if holder.getparent() is None or not _is_picture(holder):
                continue
            outer = holder
            for ancestor in holder.iterancestors():
                if ancestor.tag == q(NS.MC, "AlternateContent"):
                    outer = ancestor
                if ancestor.tag == w("r"):
                    break
            if outer.getparent() is not None:
                remove_keeping_tail(outer)
    # A media part is gone once nothing refers to it; count references part by part.
    for name in list(package.trees):
        if not name.endswith(".rels"):
            continue
        source = _source_of(name)
        if source not in package.trees:
            continue
        used = {
            value
            for el in package.trees[source].getroot().iter()
            if isinstance(el.tag, str)
            for attr, value in el.attrib.items()
            if attr.startswith(f"{{{NS.R}}}")
        }
        root = package.trees[name].getroot()
        for rel in list(root):
            if rel.get("Type", "").endswith("/image") and rel.get("Id") not in used:
                root.remove(rel)
    referenced = set()
    for name, tree in package.trees.items():
        if name.endswith(".rels"):
            source = _source_of(name)
            for rel in tree.getroot():
                if rel.get("TargetMode") != "External":
                    referenced.add(resolve_target(source, rel.get("Target", "")))
    for name in list(package.binaries):
        if name.startswith("word/media/") and name not in referenced:
            package.remove(name)


def _is_picture(holder: etree._Element) -> bool:
    has_picture = any(el.tag in (q(NS.A, "blip"), q(NS.V, "imagedata"), q(NS.PIC, "pic")) for el in holder.iter())
    has_text = any(el.tag == w("txbxContent") for el in holder.iter())
    return has_picture and not has_text


def _write_zip(package: _Package, dest: Path) -> None:
    names = package.names()
    names = [CONTENT_TYPES] + [n for n in names if n != CONTENT_TYPES]
    with zipfile.ZipFile(dest, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            if name in package.trees:
                tree = package.trees[name]
                data = etree.tostring(
                    tree, xml_declaration=True, encoding="UTF-8", standalone=tree.docinfo.standalone
                )
            else:
                data = package.binaries[name]
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, data)
