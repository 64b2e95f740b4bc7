"""Read a Word (.docx) draft into text units, keeping a map from characters back to XML.

Every place a Word package can carry text is read, not only what Word shows on the page:
tracked deletions, both copies of a text box (DrawingML and its VML fallback), comments and
their authors, alt text, hyperlink targets and document properties. A name left in any of
them is published with the file.

Each unit's text is exactly the concatenation of its pieces (``w:t`` text, tab -> "\\t",
break -> "\\n", non-breaking hyphen -> "-"), and each piece records which node of which
part it came from, by position in a fresh parse of the same bytes. The writer uses that map
to turn an ``Edit`` on the text back into changes to the runs. One exception, of the same
length: a field code's underscores that join words are read as spaces (see ``field_words``);
the writer takes the stored characters from the nodes, never from the unit's text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from anonymiser.errors import CorruptDocument, EmptyDocument
from anonymiser.read.document import LogNote, SourceDocument
from anonymiser.read.limits import InputLimits
from anonymiser.read.ooxml import (
    KEPT_BINARY,
    MAIN_PART,
    NS,
    Package,
    index_nodes,
    is_chart_formula,
    is_xml_part,
    local_name,
    open_package,
    outside_document,
    q,
    related_parts,
    rels_name,
    resolve_target,
    w,
)
from anonymiser.records import Location, TextUnit

TEXT_TAGS = frozenset({w("t"), w("delText"), q(NS.M, "t")})
FIELD_TAGS = frozenset({w("instrText"), w("delInstrText")})
CHAR_TAGS = {w("tab"): "\t", w("ptab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}
RUN_TAGS = frozenset({w("r"), q(NS.M, "r")})
DRAWING_TEXT = q(NS.A, "t")
TRACKED_TAGS = {
    w("ins"): "insertion",
    w("del"): "deletion",
    w("moveFrom"): "move (from)",
    w("moveTo"): "move (to)",
}
# Attributes that carry words a person typed: alt text, titles, tooltips, field codes.
_ATTRIBUTE_TEXT: dict[str, tuple[tuple[str, str], ...]] = {
    q(NS.WP, "docPr"): (("descr", "alt_text"), ("title", "alt_text"), ("name", "alt_text")),
    q(NS.PIC, "cNvPr"): (("descr", "alt_text"), ("title", "alt_text"), ("name", "alt_text")),
    q("http://schemas.microsoft.com/office/word/2010/wordprocessingShape", "cNvPr"): (
        ("descr", "alt_text"),
        ("title", "alt_text"),
        ("name", "alt_text"),
    ),
    q(NS.V, "shape"): (("alt", "alt_text"), ("title", "alt_text"), ("href", "link_text"), ("target", "link_text")),
    q(NS.V, "imagedata"): ((q(NS.OFFICE, "title"), "alt_text"),),
    # LibreOffice writes a hyperlink's tooltip into tgtFrame.
    w("hyperlink"): ((w("tooltip"), "link_text"), (w("tgtFrame"), "link_text"), (w("docLocation"), "link_text")),
    w("fldSimple"): ((w("instr"), "field_code"),),
    # Content-control labels and legacy form-field settings are typed by the author.
    w("alias"): ((w("val"), "control_label"),),
    w("tag"): ((w("val"), "control_label"),),
    w("helpText"): ((w("val"), "control_label"),),
    w("statusText"): ((w("val"), "control_label"),),
    w("default"): ((w("val"), "control_label"),),
    w("listEntry"): ((w("val"), "control_label"),),
    # A text form field's format ("Kezia's reference") is typed by the author like its default.
    w("format"): ((w("val"), "control_label"),),
    # A repeating section's title and a building-block gallery's category show in Word's
    # dialogs; the gallery is Word's own word, unless a template named one.
    q(NS.W15, "sectionTitle"): ((q(NS.W15, "val"), "control_label"),),
    w("docPartGallery"): ((w("val"), "control_label"),),
    w("docPartCategory"): ((w("val"), "control_label"),),
    # The choices of a drop-down or combo-box content control: Word shows them to anyone
    # who opens the list, and "value" is what a mail merge or export writes out.
    w("listItem"): ((w("displayText"), "control_label"), (w("value"), "control_label")),
    # The last value typed into a combo box or chosen from a list, kept beside the text shown.
    w("comboBox"): ((w("lastValue"), "control_label"),),
    w("dropDownList"): ((w("lastValue"), "control_label"),),
    # The building block a content control shows while empty (its name, in the glossary).
    w("docPart"): ((w("val"), "control_label"),),
    # Smart-tag and custom-XML properties ("PersonName" tags carry the full name).
    w("attr"): ((w("val"), "control_label"),),
    # WordArt: the words are the shape's "string" attribute, drawn on the page.
    q(NS.V, "textpath"): (("string", "alt_text"),),
}
# What a block-level content control's properties can carry: labels, choices, placeholder.
_CONTROL_LABEL_TAGS = (
    w("alias"), w("tag"), w("listItem"), w("docPart"), w("default"), w("helpText"), w("statusText"),
    q(NS.W15, "sectionTitle"), w("docPartGallery"), w("docPartCategory"), w("comboBox"), w("dropDownList"),
)
# Parts the writer removes with whatever shows them, by the type of the relationship that
# points at them (type -> the review log's kind and note): an imported HTML, RTF or XHTML
# chunk (w:altChunk) under any name, even one ending in ".xml"; an ActiveX control's
# properties (a text box's value, a caption); an add-in's task pane and the properties it
# stored; keys, toolbars and settings that run macros (the macros are removed).
REMOVED_BY_TYPE: dict[str, tuple[str, str]] = {
    "aFChunk": ("unread part", "an imported chunk (w:altChunk); removed on output with what shows it"),
    "control": ("ActiveX control", "a control's properties; removed on output with the control"),
    "webextensiontaskpanes": ("add-in", "an add-in's task pane; removed on output"),
    "webextension": ("add-in", "an add-in and the properties it stored; removed on output"),
    "keyMapCustomizations": ("macros", "keys and toolbars that run macros; removed on output"),
    "wordVbaData": ("macros", "the macros' settings; removed on output"),
}
# A link to a file: a drive ("C:\\Users\\KeziaF\\..."), a share ("\\\\server\\..."), file:, or a
# path with no scheme at all, which Word writes for a file beside the draft. It leads nowhere
# for a reader of the published file, and its folders and file name are a login and whatever
# the author called the file, in joined words no detection reads apart.
_FILE_LINK = re.compile(r"(?i)file:|[a-z]:|\\\\")
_SCHEME = re.compile(r"(?i)[a-z][a-z0-9+.-]+:|#")
# A web address typed without its scheme ("www.example.org/page", "example.org.uk/help") is
# not a file: it is kept, and read and redacted like any other link. "www." or a domain with
# one of the common endings the contact recognisers know (contact.yml), then the end, a
# port or a path; a file's name ends in its type ("notes.docx"), which is no such ending.
_WEB_WITHOUT_SCHEME = re.compile(
    r"(?i)www\.|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:uk|com|org|net|info|gov|io|eu|ie|me|tv|app)(?:[:/?#]|$)"
)


def local_link(target: str) -> bool:
    """Whether an external relationship's target is a file on the author's computer or network."""
    target = target.strip()
    if _FILE_LINK.match(target):
        return True
    return not _SCHEME.match(target) and not _WEB_WITHOUT_SCHEME.match(target)


_SKIP_IN_PARAGRAPH = frozenset({w("pPr"), w("rPr")})
_SEPARATOR_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_HEADER_TYPES = {"default": "default", "first": "first page", "even": "even pages"}
_CORE_SKIP = frozenset({"created", "modified", "lastPrinted", "revision"})
_APP_SKIP = frozenset(
    {
        "Application", "AppVersion", "DocSecurity", "ScaleCrop", "LinksUpToDate", "SharedDoc",
        "HyperlinksChanged", "TotalTime", "Pages", "Words", "Characters", "Lines", "Paragraphs",
        "CharactersWithSpaces", "HeadingPairs", "Notes", "Slides", "HiddenSlides", "MMClips",
    }
)
# Attributes read wherever they stand, by local name and in any namespace, in parts no walk
# reads as paragraphs: a shape's name, description and title (DrawingML's cNvPr in diagrams
# and chart drawings), a SmartArt node's placeholder text, a diagram layout's title, and a
# DrawingML link's tooltip.
_STRAY_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "cNvPr": ("name", "descr", "title"),
    "prSet": ("phldrT",),
    "title": ("val",),
    "desc": ("val",),
    "hlinkClick": ("tooltip",),
    "hlinkHover": ("tooltip",),
}
# Element text with no letters in it (numbers, offsets, ids) carries no name.
_NO_WORDS = re.compile(r"[\W\d_]*")
_HEADING_NAME = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
_REL_TYPE_TAIL = re.compile(r"/([A-Za-z]+)$")
# A field's instructions name things with identifiers a person typed: "MERGEFIELD
# Shauna_Kettleby", "REF Kian_Marsh_interview". Detection reads words, and "_" is a word
# character, so a name joined this way was never found and shipped in the field code.
_INSTRUCTION_TOKEN = re.compile(r'[^\s"]+')
# An underscore between two letters or digits joins two words; a leading one is part of a
# name Word made ("_Toc123", which TOC fields point at) and stays.
_JOINING_UNDERSCORES = re.compile(r"(?<=[^\W_])_+(?=[^\W_])")


def field_words(code: str) -> str:
    """``code`` (a field's instructions) with the underscores that join words read as
    spaces, one for one, so every offset in it is an offset in the stored text.

    A token holding "@" or "/" is an address (an e-mail, a web address, a handle) and is left
    as it is: the patterns find it whole, and opened it would be cut in two, leaving half.
    """

    def opened(token: re.Match[str]) -> str:
        text = token.group(0)
        if "@" in text or "/" in text:
            return text
        return _JOINING_UNDERSCORES.sub(lambda m: " " * len(m.group(0)), text)

    return _INSTRUCTION_TOKEN.sub(opened, code)


@dataclass(frozen=True)
class Piece:
    """Characters ``start:end`` of a unit, and the node they live in.

    ``how`` is "text" (the element's text), "char" (the element stands for one character,
    e.g. ``w:tab``) or "attr" (the value of attribute ``attr``).
    """

    start: int
    end: int
    node: int
    how: str
    attr: str | None = None


@dataclass(frozen=True)
class UnitMap:
    """Where a unit's text lives: its part, its pieces, and its ``w:p`` (if it is one)."""

    part: str
    pieces: tuple[Piece, ...]
    paragraph: int | None = None


@dataclass(frozen=True)
class DocxPayload:
    """What the writer needs: the original part bytes and one ``UnitMap`` per unit."""

    parts: dict[str, bytes]
    maps: tuple[UnitMap, ...]


@dataclass
class _Scope:
    """Where a block of paragraphs sits: its part label and table cell, if any."""

    part: str
    label: str
    cell: str | None = None
    tables: int = 0
    in_body: bool = False


@dataclass
class _Gathered:
    """What one walk over a paragraph's runs found."""

    text: list[str] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    length: int = 0
    field_text: list[str] = field(default_factory=list)
    field_length: int = 0
    field_pieces: list[Piece] = field(default_factory=list)
    text_boxes: list[etree._Element] = field(default_factory=list)
    attributes: list[tuple[etree._Element, str, str]] = field(default_factory=list)
    tracked: list[etree._Element] = field(default_factory=list)
    images: list[etree._Element] = field(default_factory=list)


def _text_of(el: etree._Element) -> str:
    """Plain text of a subtree, for log notes only."""
    bits = []
    for node in el.iter():
        if node.tag in TEXT_TAGS and node.text:
            bits.append(node.text)
        elif node.tag in CHAR_TAGS:
            bits.append(CHAR_TAGS[node.tag])
    return "".join(bits)


class _Reader:
    """One read of one package. Holds the units as they are built; never reused."""

    def __init__(self, package: Package) -> None:
        self.package = package
        self.units: list[TextUnit] = []
        self.maps: list[UnitMap] = []
        self.notes: list[LogNote] = []
        self.counters: dict[str, int] = {}
        self.heading: str | None = None
        # (part, node, attribute or None for the node's text) of everything read.
        self.covered: set[tuple[str, int, str | None]] = set()
        self.positions: dict[str, dict[etree._Element, int]] = {}
        self.style_levels = self._style_levels()
        self.bold_styles = self._bold_styles()

    # -- bookkeeping -------------------------------------------------------------------

    def position(self, part: str, el: etree._Element) -> int:
        if part not in self.positions:
            nodes = index_nodes(self.package.trees[part].getroot())
            self.positions[part] = {node: i for i, node in enumerate(nodes)}
        return self.positions[part][el]

    def next_number(self, label: str) -> int:
        self.counters[label] = self.counters.get(label, 0) + 1
        return self.counters[label]

    def add_unit(
        self,
        text: str,
        part: str,
        label: str,
        pieces: list[Piece],
        *,
        paragraph: int | None = None,
        cell: str | None = None,
        heading: str | None = None,
        heading_level: int | None = None,
        kind: str = "paragraph",
        number: int | None = None,
        bold: bool = False,
    ) -> TextUnit:
        if number is None:
            number = self.next_number(label)
        unit = TextUnit(
            uid=len(self.units),
            # Words joined by underscores are read apart everywhere, not only in field
            # codes: a mail-merge result "«Shauna_Kettleby»" or a picture "kian_marsh.png".
            text=field_words(text),
            location=Location(part=label, paragraph=number, cell=cell, heading=heading),
            heading_level=heading_level,
            kind=kind,
            bold=bold,
        )
        self.units.append(unit)
        self.maps.append(UnitMap(part=part, pieces=tuple(pieces), paragraph=paragraph))
        for piece in pieces:
            self.covered.add((part, piece.node, piece.attr))
        return unit

    def add_attribute_unit(
        self, part: str, label: str, el: etree._Element, attr: str, kind: str, *, number: int | None = None,
        cell: str | None = None, heading: str | None = None,
    ) -> TextUnit | None:
        value = el.get(attr)
        if not value or not value.strip():
            return None
        piece = Piece(0, len(value), self.position(part, el), "attr", attr)
        if kind == "link_target":
            # An escaped space ("?subject=Kian%20Marsh") is read as three spaces, so the
            # words either side are words and every offset is still one in the target.
            value = value.replace("%20", "   ")
        return self.add_unit(value, part, label, [piece], kind=kind, number=number, cell=cell, heading=heading)

    # -- styles ------------------------------------------------------------------------

    def _style_levels(self) -> dict[str, int]:
        tree = self.package.trees.get("word/styles.xml")
        if tree is None:
            return {}
        styles: dict[str, etree._Element] = {}
        for style in tree.getroot().iter(w("style")):
            if style.get(w("type"), "paragraph") == "paragraph" and style.get(w("styleId")):
                styles[style.get(w("styleId"))] = style

        def level(style_id: str, seen: frozenset[str]) -> int | None:
            style = styles.get(style_id)
            if style is None or style_id in seen:
                return _level_from_name(style_id)
            outline = style.find(f"{w('pPr')}/{w('outlineLvl')}")
            if outline is not None:
                return _outline_level(outline)
            name = style.find(w("name"))
            by_name = _level_from_name(name.get(w("val"), "") if name is not None else "")
            if by_name is not None:
                return by_name
            based = style.find(w("basedOn"))
            if based is not None and based.get(w("val")):
                return level(based.get(w("val")), seen | {style_id})
            return None

        levels = {}
        for style_id in styles:
            found = level(style_id, frozenset())
            if found is not None:
                levels[style_id] = found
        return levels

    def _bold_styles(self) -> frozenset[str]:
        """Paragraph and character styles whose text is bold (through ``basedOn``)."""
        tree = self.package.trees.get("word/styles.xml")
        if tree is None:
            return frozenset()
        styles = {s.get(w("styleId")): s for s in tree.getroot().iter(w("style")) if s.get(w("styleId"))}

        def bold(style_id: str, seen: frozenset[str]) -> bool:
            style = styles.get(style_id)
            if style is None or style_id in seen:
                return False
            own = _bold_value(style.find(f"{w('rPr')}/{w('b')}"))
            if own is not None:
                return own
            based = style.find(w("basedOn"))
            return based is not None and bold(based.get(w("val"), ""), seen | {style_id})

        return frozenset(style_id for style_id in styles if bold(style_id, frozenset()))

    def all_bold(self, p: etree._Element) -> bool:
        """Whether every run of text in a paragraph is bold (run, character style or
        paragraph style), outside its text boxes."""
        ppr = p.find(w("pPr"))
        style = ppr.find(w("pStyle")) if ppr is not None else None
        paragraph_bold = style is not None and style.get(w("val"), "") in self.bold_styles
        seen_text = False
        for run in p.iter(w("r")):
            if any(a.tag == w("txbxContent") for a in run.iterancestors()):
                continue
            if not any((t.text or "").strip() for t in run.iter(w("t"))):
                continue
            seen_text = True
            rpr = run.find(w("rPr"))
            own = _bold_value(rpr.find(w("b"))) if rpr is not None else None
            if own is None and rpr is not None:
                rstyle = rpr.find(w("rStyle"))
                if rstyle is not None and rstyle.get(w("val"), "") in self.bold_styles:
                    own = True
            if not (own if own is not None else paragraph_bold):
                return False
        return seen_text

    def heading_level(self, p: etree._Element) -> int | None:
        ppr = p.find(w("pPr"))
        if ppr is None:
            return None
        outline = ppr.find(w("outlineLvl"))
        if outline is not None:
            return _outline_level(outline)
        style = ppr.find(w("pStyle"))
        if style is None or not style.get(w("val")):
            return None
        style_id = style.get(w("val"))
        if style_id in self.style_levels:
            return self.style_levels[style_id]
        return _level_from_name(style_id)

    # -- paragraphs and blocks ---------------------------------------------------------

    def gather(self, part: str, el: etree._Element, found: _Gathered) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIP_IN_PARAGRAPH:
                continue
            if tag == w("txbxContent"):
                found.text_boxes.append(child)
                continue
            if tag in TEXT_TAGS:
                if child.text:
                    start = found.length
                    found.length += len(child.text)
                    found.text.append(child.text)
                    found.pieces.append(Piece(start, found.length, self.position(part, child), "text"))
                continue
            if tag in CHAR_TAGS and el.tag in RUN_TAGS:
                start = found.length
                found.length += 1
                found.text.append(CHAR_TAGS[tag])
                found.pieces.append(Piece(start, found.length, self.position(part, child), "char"))
                continue
            if tag in FIELD_TAGS:
                if child.text:
                    start = found.field_length
                    found.field_length += len(child.text)
                    found.field_text.append(child.text)
                    found.field_pieces.append(Piece(start, found.field_length, self.position(part, child), "text"))
                continue
            for attr, kind in _ATTRIBUTE_TEXT.get(tag, ()):
                found.attributes.append((child, attr, kind))
            if tag in TRACKED_TAGS:
                found.tracked.append(child)
            if tag == w("drawing") or tag == w("pict"):
                found.images.append(child)
            self.gather(part, child, found)

    def paragraph(self, p: etree._Element, scope: _Scope) -> None:
        found = _Gathered()
        self.gather(scope.part, p, found)
        text = "".join(found.text)
        level = None
        # Body text boxes sit under the body's headings too; other parts have none.
        heading = self.heading if scope.in_body or scope.label == "text box" else None
        bold = False
        if scope.in_body and text.strip():
            level = self.heading_level(p)
            bold = self.all_bold(p)
        unit = self.add_unit(
            text,
            scope.part,
            scope.label,
            found.pieces,
            paragraph=self.position(scope.part, p),
            cell=scope.cell,
            heading=heading,
            heading_level=level,
            bold=bold,
        )
        number = unit.location.paragraph
        if level is not None:
            self.heading = text.strip()
        field_text = "".join(found.field_text)
        if field_text.strip():
            self.add_unit(
                field_words(field_text), scope.part, scope.label, found.field_pieces, kind="field_code",
                number=number, cell=scope.cell, heading=heading,
            )
        for el, attr, kind in found.attributes:
            self.add_attribute_unit(
                scope.part, scope.label, el, attr, kind, number=number, cell=scope.cell, heading=heading
            )
        where = unit.location.describe()
        for change in found.tracked:
            author = change.get(w("author"), "")
            what = TRACKED_TAGS[change.tag]
            self.notes.append(LogNote("tracked change", where, f"{what} by {author or 'unknown'}: {_text_of(change)}"))
        for image in found.images:
            self._image_note(image, where)
        for box in found.text_boxes:
            label = "text box" if scope.label == "body" else f"{scope.label} text box"
            self.block(box, _Scope(part=scope.part, label=label, in_body=False))

    def _image_note(self, holder: etree._Element, where: str) -> None:
        has_picture = any(node.tag in (q(NS.A, "blip"), q(NS.V, "imagedata")) for node in holder.iter())
        if not has_picture:
            return
        described = ""
        for node in holder.iter(q(NS.WP, "docPr"), q(NS.V, "shape")):
            described = node.get("descr") or node.get("alt") or node.get("title") or node.get("name") or ""
            break
        self.notes.append(LogNote("image", where, described))

    def block(self, container: etree._Element, scope: _Scope) -> None:
        for child in container:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == w("p"):
                self.paragraph(child, scope)
            elif tag == w("tbl"):
                scope.tables += 1
                self.table(child, scope, scope.tables)
            elif tag == w("sdt"):
                properties = child.find(w("sdtPr"))
                if properties is not None:
                    self.control_labels(properties, scope)
                content = child.find(w("sdtContent"))
                if content is not None:
                    self.block(content, scope)
            elif tag == w("docPartPr"):
                # A building block's name and description show in Word's organiser, and a
                # content control's placeholder names the block (read above, kept in step).
                for el in child.iter(w("name"), w("description")):
                    self.add_attribute_unit(scope.part, scope.label, el, w("val"), "control_label")
            elif tag in (w("sectPr"), w("sdtPr"), w("tblPr"), w("tcPr"), w("trPr")):
                continue
            else:
                # customXml wrappers, mc:AlternateContent and anything newer: look inside.
                self.block(child, scope)

    def control_labels(self, properties: etree._Element, scope: _Scope) -> None:
        """Labels, choices and placeholder of a block-level content control, which no paragraph holds."""
        for el in properties.iter(*_CONTROL_LABEL_TAGS):
            for attr, kind in _ATTRIBUTE_TEXT[el.tag]:
                # Numbered as the paragraph the control starts at, so body numbering still
                # counts paragraphs only.
                number = self.counters.get(scope.label, 0) + 1
                self.add_attribute_unit(scope.part, scope.label, el, attr, kind, number=number, cell=scope.cell)

    def table(self, tbl: etree._Element, scope: _Scope, number: int) -> None:
        prefix = f"{scope.cell}, " if scope.cell else ""
        properties = tbl.find(w("tblPr"))
        if properties is not None:
            # A table's alt text: its title and description.
            for el in properties.iter(w("tblCaption"), w("tblDescription")):
                self.add_attribute_unit(
                    scope.part, scope.label, el, w("val"), "alt_text", cell=f"{prefix}table {number}"
                )
        for r, row in enumerate(_children_through_wrappers(tbl, w("tr")), start=1):
            for c, cell in enumerate(_children_through_wrappers(row, w("tc")), start=1):
                inner = _Scope(
                    part=scope.part,
                    label=scope.label,
                    cell=f"{prefix}table {number}, row {r}, cell {c}",
                    in_body=scope.in_body,
                )
                self.block(cell, inner)

    # -- parts -------------------------------------------------------------------------

    def relationships(self, part: str) -> dict[str, tuple[str, str, str]]:
        """rId -> (type tail, resolved target, target mode) for ``part``'s relationships."""
        tree = self.package.trees.get(rels_name(part))
        found: dict[str, tuple[str, str, str]] = {}
        if tree is None:
            return found
        for rel in tree.getroot().iter(q(NS.PR, "Relationship")):
            mode = rel.get("TargetMode", "Internal")
            target = rel.get("Target", "")
            tail = _REL_TYPE_TAIL.search(rel.get("Type", ""))
            resolved = target if mode == "External" else resolve_target(part, target)
            found[rel.get("Id", "")] = (tail.group(1) if tail else "", resolved, mode)
        return found

    def headers_and_footers(self) -> list[tuple[str, str]]:
        """(part, label) for each header and footer part once, in the order sections use them."""
        rels = self.relationships(MAIN_PART)
        ordered: dict[str, str] = {}
        root = self.package.trees[MAIN_PART].getroot()
        for kind in ("header", "footer"):
            for ref in root.iter(w(f"{kind}Reference")):
                rel = rels.get(ref.get(q(NS.R, "id"), ""))
                if rel is None or rel[1] not in self.package.trees or rel[1] in ordered:
                    continue
                ordered[rel[1]] = f"{kind} ({_HEADER_TYPES.get(ref.get(w('type'), 'default'), 'default')})"
        for name in sorted(self.package.trees):
            if re.fullmatch(r"word/(header|footer)\d*\.xml", name) and name not in ordered:
                ordered[name] = "header" if "/header" in name else "footer"
        headers = [(n, lab) for n, lab in ordered.items() if lab.startswith("header")]
        footers = [(n, lab) for n, lab in ordered.items() if lab.startswith("footer")]
        return headers + footers

    def read_notes(self, part: str, tag: str, label: str) -> None:
        tree = self.package.trees.get(part)
        if tree is None:
            return
        for note in tree.getroot().iter(w(tag)):
            if note.get(w("type")) in _SEPARATOR_TYPES:
                continue
            self.block(note, _Scope(part=part, label=label))

    def read_comments(self) -> None:
        part = "word/comments.xml"
        tree = self.package.trees.get(part)
        if tree is not None:
            for number, comment in enumerate(tree.getroot().iter(w("comment")), start=1):
                first = len(self.units)
                self.block(comment, _Scope(part=part, label="comments"))
                text = "\n".join(u.text for u in self.units[first:] if u.kind == "paragraph")
                for attr in (w("author"), w("initials")):
                    self.add_attribute_unit(part, "comment authors", comment, attr, "comment_author")
                author = comment.get(w("author"), "unknown")
                self.notes.append(LogNote("comment", f"comment {number}", f"{author}: {text}"))
        people = "word/people.xml"
        tree = self.package.trees.get(people)
        if tree is not None:
            for person in tree.getroot().iter(q(NS.W15, "person")):
                self.add_attribute_unit(people, "comment authors", person, q(NS.W15, "author"), "comment_author")
                for info in person.iter(q(NS.W15, "presenceInfo")):
                    self.add_attribute_unit(people, "comment authors", info, q(NS.W15, "userId"), "comment_author")

    def read_drawing_parts(self) -> None:
        """Charts and SmartArt keep their words in DrawingML paragraphs and string caches."""
        for name in sorted(self.package.trees):
            if re.fullmatch(r"word/charts/chart\d*\.xml", name):
                label = "chart"
            elif re.fullmatch(r"word/diagrams/(data|drawing)\d*\.xml", name):
                label = "diagram"
            else:
                continue
            root = self.package.trees[name].getroot()
            for para in root.iter(q(NS.A, "p")):
                pieces, text = [], []
                for node in para.iter(DRAWING_TEXT):
                    if node.text:
                        start = sum(len(t) for t in text)
                        text.append(node.text)
                        pieces.append(Piece(start, start + len(node.text), self.position(name, node), "text"))
                if text:
                    self.add_unit("".join(text), name, label, pieces, kind="chart_text")
            for value in root.iter(q(NS.C, "v")):
                parent = value.getparent()
                if parent is not None and parent.tag == q(NS.C, "pt") and value.text and value.text.strip():
                    piece = Piece(0, len(value.text), self.position(name, value), "text")
                    self.add_unit(value.text, name, label, [piece], kind="chart_text")
            self.notes.append(LogNote("chart", name, "chart or diagram text was read; its embedded data is removed on output"))

    def read_styles_and_lists(self) -> None:
        """Style names (Word's style gallery shows them) and list labels, whose text is drawn
        before each item ("Kian's point 1."), wherever a styles or numbering part is."""
        for name in sorted(self.package.trees):
            root = self.package.trees[name].getroot()
            if root.tag == w("styles"):
                for style in root.iter(w("style")):
                    for el in style.iterchildren(w("aliases")):
                        self.add_attribute_unit(name, "styles", el, w("val"), "style_name")
                    if _author_named(style, root):
                        for el in style.iterchildren(w("name")):
                            self.add_attribute_unit(name, "styles", el, w("val"), "style_name")
            elif root.tag == w("numbering"):
                for el in root.iter(w("name"), w("lvlText")):
                    if el.getparent() is not None and el.getparent().tag in (w("abstractNum"), w("lvl")):
                        self.add_attribute_unit(name, "list labels", el, w("val"), "list_label")

    def read_links(self) -> None:
        for name in self.package.trees:
            if not name.endswith(".rels") or name.startswith("customXml/"):
                continue
            for rel in self.package.trees[name].getroot().iter(q(NS.PR, "Relationship")):
                if rel.get("TargetMode") != "External":
                    continue
                if local_link(rel.get("Target", "")):
                    # Not read: the writer replaces the whole path.
                    self.notes.append(LogNote("local link", name, "a link to a file on the author's computer; its path is removed on output"))
                else:
                    self.add_attribute_unit(name, "links", rel, "Target", "link_target")

    def read_properties(self) -> None:
        label = "document properties"
        core = "docProps/core.xml"
        if core in self.package.trees:
            for el in self.package.trees[core].getroot():
                if isinstance(el.tag, str) and local_name(el.tag) not in _CORE_SKIP:
                    self._property_element(core, el, local_name(el.tag))
        app = "docProps/app.xml"
        if app in self.package.trees:
            for el in self.package.trees[app].getroot():
                name = local_name(el.tag)
                if not name or name in _APP_SKIP:
                    continue
                leaves = [el] if len(el) == 0 else [n for n in el.iter() if len(n) == 0 and isinstance(n.tag, str)]
                for leaf in leaves:
                    self._property_element(app, leaf, name)
        custom = "docProps/custom.xml"
        if custom in self.package.trees:
            for prop in self.package.trees[custom].getroot().iter(q(NS.CUSTOM, "property")):
                prop_name = prop.get("name", "")
                self.add_attribute_unit(custom, label, prop, "name", "property")
                for value in prop:
                    self._property_element(custom, value, f"custom: {prop_name}")

    def _property_element(self, part: str, el: etree._Element, name: str) -> None:
        if not el.text or not el.text.strip():
            return
        piece = Piece(0, len(el.text), self.position(part, el), "text")
        self.add_unit(el.text, part, "document properties", [piece], kind="property")
        self.notes.append(LogNote("document property", f"document properties, {name}", el.text))

    def read_stray_text(self, parts: list[str]) -> None:
        """Any text no walk reached still ships in the file, so it becomes a unit: the text
        of any element (a chart's literal series name, c:tx/c:v, is in no a:t), and the
        attributes in ``_STRAY_ATTRIBUTES`` (shape names and descriptions of a diagram)."""
        for name in parts:
            tree = self.package.trees.get(name)
            if tree is None:
                continue
            for node in tree.getroot().iter():
                if not isinstance(node.tag, str):
                    continue
                for attr in _STRAY_ATTRIBUTES.get(local_name(node.tag), ()):
                    if (name, self.position(name, node), attr) not in self.covered:
                        self.add_attribute_unit(name, f"other text ({name})", node, attr, "alt_text")
                text = node.text
                if is_chart_formula(node.tag):
                    continue  # the writer gives every sheet a neutral name
                if not text or _NO_WORDS.fullmatch(text) or (name, self.position(name, node), None) in self.covered:
                    continue
                piece = Piece(0, len(text), self.position(name, node), "text")
                # A field's instructions outside any paragraph are read as field codes are.
                kind = "field_code" if node.tag in FIELD_TAGS else "other_text"
                self.add_unit(text, name, f"other text ({name})", [piece], kind=kind)

    def package_notes(self) -> None:
        removed = {
            part: note
            for rel_type, note in REMOVED_BY_TYPE.items()
            for part in related_parts(self.package.trees, frozenset({rel_type}))
        }
        for name in self.package.parts:
            if name in removed:
                self.notes.append(LogNote(removed[name][0], name, removed[name][1]))
            elif name.startswith("docProps/thumbnail"):
                self.notes.append(LogNote("thumbnail", name, "a picture of the first page; removed on output"))
            elif re.fullmatch(r"customXml/item\d*\.xml", name):
                self.notes.append(LogNote("custom XML", name, "custom XML data; removed on output"))
            elif name.startswith("word/embeddings/"):
                self.notes.append(LogNote("embedded object", name, "not read; removed on output"))
            elif name.lower().endswith("vbaproject.bin"):
                self.notes.append(LogNote("macros", name, "the document contains macros; removed on output"))
            elif not is_xml_part(name) and not KEPT_BINARY.fullmatch(name):
                # An imported HTML/RTF chunk (w:altChunk) shows as body text in Word.
                self.notes.append(LogNote("unread part", name, "not read; removed on output with what shows it"))
            elif outside_document(name) and name != "docProps/custom.xml" and not name.startswith("customXml/"):
                self.notes.append(LogNote("unread part", name, "not part of the Word document; removed on output"))

    def read(self) -> None:
        root = self.package.trees[MAIN_PART].getroot()
        if root.tag == q(NS.W_STRICT, "document"):
            raise CorruptDocument(self.package.path, "Strict Open XML; save it as an ordinary Word document")
        if root.tag != w("document"):
            raise CorruptDocument(self.package.path, "not a Word document")
        body = root.find(w("body"))
        if body is not None:
            self.block(body, _Scope(part=MAIN_PART, label="body", in_body=True))
        text_parts = [MAIN_PART]
        for name, label in self.headers_and_footers():
            self.block(self.package.trees[name].getroot(), _Scope(part=name, label=label))
            text_parts.append(name)
        self.read_notes("word/footnotes.xml", "footnote", "footnotes")
        self.read_notes("word/endnotes.xml", "endnote", "endnotes")
        self.read_comments()
        glossary = "word/glossary/document.xml"
        if glossary in self.package.trees:
            self.block(self.package.trees[glossary].getroot(), _Scope(part=glossary, label="building blocks"))
        self.read_drawing_parts()
        self.read_styles_and_lists()
        text_parts += [
            "word/footnotes.xml", "word/endnotes.xml", "word/comments.xml", glossary,
        ]
        # Any other Word part with text (a header no section uses, a part a tool added)
        # still ships, so its text is read too; what was read above is not read twice.
        removed = related_parts(self.package.trees, frozenset(REMOVED_BY_TYPE))
        text_parts += sorted(
            n for n in self.package.trees
            if n.startswith("word/") and is_xml_part(n) and not n.endswith(".rels") and n not in text_parts and n not in removed
        )
        self.read_stray_text(text_parts)
        self.read_links()
        self.read_properties()
        self.package_notes()


def _author_named(style: etree._Element, styles: etree._Element) -> bool:
    """Whether a style's name was typed by an author, not given by Word.

    Word marks the styles it did not make itself ``w:customStyle``; among those, the
    character style it links to one of its own paragraph styles is named after it ("Header
    Char"), which the model reads as a person. Word's own names are never read."""
    if style.get(w("customStyle")) not in ("1", "true", "on"):
        return False
    link = style.find(w("link"))
    name = style.find(w("name"))
    if link is None or name is None:
        return True
    for other in styles.iter(w("style")):
        if other.get(w("styleId")) == link.get(w("val")):
            other_name = other.find(w("name"))
            built_in = other.get(w("customStyle")) not in ("1", "true", "on")
            linked = f"{other_name.get(w('val'), '')} char" if other_name is not None else ""
            return not (built_in and name.get(w("val"), "").lower() == linked.lower())
    return True


def _outline_level(outline: etree._Element) -> int | None:
    try:
        value = int(outline.get(w("val"), "9"))
    except ValueError:
        return None
    # Outline level 9 means "body text".
    return value + 1 if 0 <= value < 9 else None


def _bold_value(el: etree._Element | None) -> bool | None:
    """A w:b element's meaning: None when absent; w:val "0", "false" or "off" turn bold off."""
    if el is None:
        return None
    return el.get(w("val"), "true").lower() not in ("0", "false", "off")


def _level_from_name(name: str) -> int | None:
    compact = name.strip().lower()
    if compact == "title":
        return 1
    match = _HEADING_NAME.match(compact)
    return int(match.group(1)) if match else None


def _children_through_wrappers(parent: etree._Element, tag: str) -> list[etree._Element]:
    """Rows of a table (or cells of a row), looking through content-control wrappers."""
    found = []
    for child in parent:
        if child.tag == tag:
            found.append(child)
        elif child.tag in (w("sdt"), w("customXml"), w("sdtContent")) or child.tag == q(NS.MC, "AlternateContent"):
            found.extend(_children_through_wrappers(child, tag))
    return found


def read_docx(path: Path, limits: InputLimits) -> SourceDocument:
    """Read a .docx draft. Raises CorruptDocument, EncryptedDocument, DocumentTooLarge,
    UnsafeDocument or EmptyDocument, each naming the file."""
    path = Path(path)
    package = open_package(path, limits)
    reader = _Reader(package)
    reader.read()
    if not any(unit.text.strip() for unit in reader.units):
        raise EmptyDocument(path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return SourceDocument(
        path=path,
        kind="docx",
        sha256=digest,
        units=reader.units,
        payload=DocxPayload(parts=package.parts, maps=tuple(reader.maps)),
        notes=reader.notes,
    )
