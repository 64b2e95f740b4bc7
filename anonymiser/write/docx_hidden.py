"""Words a Word package carries that nobody reads on the page, made harmless on output.

Bookmark and form-field names ("Kian_Marsh_interview", "MotherName"), XML comments left by
a generator, and document variables are invisible in the document but ship in the file and
show in Word's dialogs. They are identifiers written by whoever made the draft, joined with
underscores or in CamelCase, so detection (which reads words) cannot be trusted to find a
name in them. Instead of reading them they are replaced by neutral ones: bookmarks are
renumbered (and the links and field codes that point at them follow), comments and
variables are removed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from lxml import etree

from anonymiser.read.ooxml import is_chart_formula, w
from anonymiser.read.word_styles import word_style_id, word_style_name
from anonymiser.write.xml_nodes import remove_keeping_tail

# Names Word makes up itself: table of contents, cross references, the last edit position.
# They hold only digits after the prefix, so they are kept (TOC fields point at them).
_WORD_MADE = re.compile(r"_(?:Toc|Ref|Hlk|Ref_|GoBack)\d*")
_FIELD_TOKEN = re.compile(r"[^\s\"\\]+")


def _named(trees: Mapping[str, etree._ElementTree]) -> Iterator[tuple[etree._Element, str, str]]:
    """(element, attribute, name) for every author-named bookmark, form field and hyperlink
    anchor, bookmarks and form fields first."""
    parts = [tree.getroot() for name, tree in trees.items() if name.startswith("word/") and name.endswith(".xml")]
    for root in parts:
        for el in root.iter(w("bookmarkStart"), w("name")):
            if el.tag == w("name") and el.getparent() is not None and el.getparent().tag != w("ffData"):
                continue  # a style's or building block's name: read as text elsewhere
            attr = w("name") if el.tag == w("bookmarkStart") else w("val")
            old = el.get(attr)
            if old and not _WORD_MADE.fullmatch(old):
                yield el, attr, old
    for root in parts:
        # An anchor with no bookmark of its name is renamed too: it leads nowhere either way.
        for el in root.iter(w("hyperlink")):
            anchor = el.get(w("anchor"))
            if anchor and not _WORD_MADE.fullmatch(anchor):
                yield el, w("anchor"), anchor


def bookmark_renames(trees: Mapping[str, etree._ElementTree]) -> dict[str, str]:
    """The new name ("Bookmark1", "Bookmark2"...) of every author-named bookmark, form field
    and hyperlink anchor, for ``neutral_bookmarks``.

    Taken before anything is removed: a bookmark in a dropped paragraph or a tracked deletion
    is gone by the time the names are changed, but a field that refers to it still holds its
    name. The writer also leaves a field code's token that is one of these names to that
    step, which replaces it whole."""
    renamed: dict[str, str] = {}
    for _el, _attr, old in _named(trees):
        renamed.setdefault(old, f"Bookmark{len(renamed) + 1}")
    return renamed


def field_tokens(code: str) -> Iterator[re.Match[str]]:
    """The tokens of a field code, as ``neutral_bookmarks`` reads them for bookmark names."""
    return _FIELD_TOKEN.finditer(code)


def neutral_bookmarks(trees: Mapping[str, etree._ElementTree], renamed: Mapping[str, str] | None = None) -> None:
    """Rename every author-named bookmark and form field to "Bookmark1", "Bookmark2"...

    The new names are the same in every part, and hyperlink anchors and field codes (REF,
    PAGEREF, HYPERLINK \\l) that use an old name are changed with it. ``renamed`` is
    ``bookmark_renames`` of the package as it was read; without it, of ``trees`` now."""
    names = dict(renamed) if renamed is not None else bookmark_renames(trees)
    for el, attr, old in list(_named(trees)):
        el.set(attr, names.setdefault(old, f"Bookmark{len(names) + 1}"))
    if not names:
        return
    parts = [tree.getroot() for name, tree in trees.items() if name.startswith("word/") and name.endswith(".xml")]
    for root in parts:
        for el in root.iter(w("instrText"), w("delInstrText")):
            if el.text:
                el.text = _rename_tokens(el.text, names)
        for el in root.iter(w("fldSimple")):
            if el.get(w("instr")):
                el.set(w("instr"), _rename_tokens(el.get(w("instr")), names))


def _rename_tokens(code: str, renamed: Mapping[str, str]) -> str:
    return _FIELD_TOKEN.sub(lambda m: renamed.get(m.group(0), m.group(0)), code)


def remove_xml_comments(trees: Mapping[str, etree._ElementTree]) -> None:
    """XML comments and processing instructions are never shown, but ship with the file."""
    for tree in trees.values():
        root = tree.getroot()
        for node in list(root.iter(etree.Comment, etree.PI)):
            remove_keeping_tail(node)  # any text that followed the comment stays
        # Comments before or after the root element are its siblings, which lxml cannot
        # remove; emptied, they say nothing ("<!---->").
        for sibling in [*root.itersiblings(preceding=True), *root.itersiblings()]:
            sibling.text = ""


# -- names a package gives its own pieces ------------------------------------------------

# Elements whose w:val names a style by its id.
_STYLE_REFERENCES = frozenset(
    w(t)
    for t in (
        "pStyle", "rStyle", "tblStyle", "basedOn", "next", "link", "numStyleLink", "styleLink",
        "clickAndTypeStyle", "defaultTableStyle",
    )
)
# Word's own names for a placeholder's building block: "DefaultPlaceholder_-1854013440", or a
# GUID written as 32 hex digits. Anything else an author or template named.
_WORD_MADE_DOC_PART = re.compile(r"DefaultPlaceholder_-?\d+|[0-9A-Fa-f]{32}")


def _words(text: str) -> str:
    return re.sub(r"\W+", "", text).lower()


def style_names(trees: Mapping[str, etree._ElementTree]) -> list[tuple[etree._Element, str, str]]:
    """(style element, id, name) of every style, taken before any edit, for ``neutral_style_ids``."""
    found = []
    for tree in trees.values():
        root = tree.getroot()
        if root.tag != w("styles"):
            continue
        for style in root.iter(w("style")):
            name = style.find(w("name"))
            found.append((style, style.get(w("styleId"), ""), name.get(w("val"), "") if name is not None else ""))
    return found


def neutral_style_ids(trees: Mapping[str, etree._ElementTree], before: list[tuple[etree._Element, str, str]]) -> None:
    """Give a neutral id ("Style1"...) to every style an author made or whose name was redacted,
    and a neutral name ("Style 1") too to one that claims to be Word's but is not.

    Word makes a style's id from its name ("Kian notes" -> "Kiannotes"), and every paragraph
    in that style names it by id: the id is the name with its spaces taken out, which no
    whole-word search finds. Built-in styles ("Heading1") keep theirs. A style not marked as
    the author's (``w:customStyle``) is Word's only if its name is one Word gives
    (``word_style_name``): the reader does not read such a name, so a template's "Kezia
    Fairbairn" left unmarked would ship as it is; it is made neutral, id and name. ``before``
    is ``style_names`` of the package as read, so a name the edits changed is known."""
    taken = {style_id for _s, style_id, _n in before} | {name.casefold() for _s, _i, name in before}
    renamed: dict[str, str] = {}

    def next_neutral() -> str:
        number = 1
        while f"Style{number}" in taken or f"style {number}" in taken:
            number += 1
        taken.update({f"Style{number}", f"style {number}"})
        return f"Style{number}"

    for style, old_id, old_name in before:
        name = style.find(w("name"))
        now = name.get(w("val"), "") if name is not None else ""
        custom = style.get(w("customStyle")) in ("1", "true", "on")
        word_s = not custom and (word_style_name(old_name) if old_name else word_style_id(old_id))
        if old_id and old_id not in renamed and (
            custom or not word_s or now != old_name or _words(old_id) != _words(old_name)
        ):
            renamed[old_id] = next_neutral()
        if not custom and not word_s and name is not None:
            # "Style3" is named "Style 3"; a style with no id still gets a name of its own.
            name.set(w("val"), _spaced(renamed[old_id] if old_id else next_neutral()))
    # A list's link to a numbering style that no styles part defines joins nothing, and its
    # value is an id in joined words ("KeziaFairbairnList") that no search reads apart.
    defined = {style_id for _s, style_id, _n in before}
    for tree in trees.values():
        for el in list(tree.getroot().iter(w("styleLink"), w("numStyleLink"))):
            if el.get(w("val")) not in defined:
                remove_keeping_tail(el)
        # The latent list names Word's styles for its gallery; a name in it that Word never
        # gives was typed ("Kezia Fairbairn") and names nothing Word needs.
        for el in list(tree.getroot().iter(w("lsdException"))):
            if not word_style_name(el.get(w("name"), "")):
                remove_keeping_tail(el)
    if not renamed:
        return
    for tree in trees.values():
        for el in tree.getroot().iter(w("style"), *_STYLE_REFERENCES):
            attr = w("styleId") if el.tag == w("style") else w("val")
            if el.get(attr) in renamed:
                el.set(attr, renamed[el.get(attr)])


def _spaced(style_id: str) -> str:
    return style_id.replace("Style", "Style ", 1)


def doc_part_names(trees: Mapping[str, etree._ElementTree]) -> list[tuple[etree._Element, str]]:
    """(element, name) of every building block's name and every placeholder's reference to
    one, taken before any edit, for ``neutral_doc_part_names``."""
    found = []
    for tree in trees.values():
        for el in tree.getroot().iter(w("docPart"), w("name")):
            if el.tag == w("name") and (el.getparent() is None or el.getparent().tag != w("docPartPr")):
                continue
            value = el.get(w("val"))
            if value and not _WORD_MADE_DOC_PART.fullmatch(value):
                found.append((el, value))
    return found


def neutral_doc_part_names(before: list[tuple[etree._Element, str]]) -> None:
    """Rename author-named building blocks ("KettlebyPlaceholder") and the placeholders that
    point at them alike ("Placeholder1"...). Names are joined words, found by no search;
    renaming by the names as read keeps each placeholder with its block, whatever the edits
    did to either copy."""
    renamed: dict[str, str] = {}
    for el, old in before:
        el.set(w("val"), renamed.setdefault(old, f"Placeholder{len(renamed) + 1}"))


_DRAWING_MAIN = "http://schemas.openxmlformats.org/drawingml/2006/main"
# A theme and its schemes are named by whoever made them ("Kettleby theme"); Word shows the
# names on its Design tab. They name nothing the document needs.
_THEME_NAMES = {
    f"{{{_DRAWING_MAIN}}}theme": "Theme",
    f"{{{_DRAWING_MAIN}}}clrScheme": "Colours",
    f"{{{_DRAWING_MAIN}}}fontScheme": "Fonts",
    f"{{{_DRAWING_MAIN}}}fmtScheme": "Formats",
    # The family a theme belongs to (Office 2013 and later), named on the Design tab too.
    "{http://schemas.microsoft.com/office/thememl/2012/main}themeFamily": "Theme",
}


def neutral_theme_names(trees: Mapping[str, etree._ElementTree]) -> None:
    for tree in trees.values():
        for el in tree.getroot().iter(*_THEME_NAMES):
            if el.get("name"):
                el.set("name", _THEME_NAMES[el.tag])


_PIVOT_SOURCE = "{http://schemas.openxmlformats.org/drawingml/2006/chart}pivotSource"
_SHEET = re.compile(r"'(?:[^']|'')*'!|[^\s'!,()$:]+!")
_CELL_RANGES = re.compile(r"\(?Sheet1!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?(?:,Sheet1!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)*\)?")


def neutral_chart_formulas(trees: Mapping[str, etree._ElementTree]) -> None:
    """A chart's series point into its workbook by sheet name ("'Kian Marsh'!$A$2"); the
    workbook is removed, so the names are made neutral ("Sheet1!$A$2"), keeping the cells.
    A formula that is not cell ranges (a defined name, "KianData") becomes one cell. The
    chart extensions' formulas (data-label ranges, filtered series) are made neutral alike.
    A pivot chart's source names its workbook and pivot table ("[KianMarsh.xlsx]Sheet1!
    PivotTable1"); the workbook is gone and the chart keeps its cached values, so it goes."""
    for tree in trees.values():
        for el in list(tree.getroot().iter(_PIVOT_SOURCE)):
            remove_keeping_tail(el)
        for el in tree.getroot().iter():
            if not is_chart_formula(el.tag) or not el.text:
                continue
            text = _SHEET.sub("Sheet1!", el.text.strip())
            el.text = text if _CELL_RANGES.fullmatch(text) else "Sheet1!$A$1"
