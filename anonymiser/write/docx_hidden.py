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
from collections.abc import Mapping

from lxml import etree

from anonymiser.read.ooxml import w
from anonymiser.write.xml_nodes import remove_keeping_tail

# Names Word makes up itself: table of contents, cross references, the last edit position.
# They hold only digits after the prefix, so they are kept (TOC fields point at them).
_WORD_MADE = re.compile(r"_(?:Toc|Ref|Hlk|Ref_|GoBack)\d*")
_FIELD_TOKEN = re.compile(r"[^\s\"\\]+")


def neutral_bookmarks(trees: Mapping[str, etree._ElementTree]) -> None:
    """Rename every author-named bookmark and form field to "Bookmark1", "Bookmark2"...

    The new names are the same in every part, and hyperlink anchors and field codes (REF,
    PAGEREF, HYPERLINK \\l) that use an old name are changed with it."""
    renamed: dict[str, str] = {}

    def rename(old: str) -> str:
        if old not in renamed:
            renamed[old] = f"Bookmark{len(renamed) + 1}"
        return renamed[old]

    parts = [tree.getroot() for name, tree in trees.items() if name.startswith("word/") and name.endswith(".xml")]
    for root in parts:
        for el in root.iter(w("bookmarkStart"), w("name")):
            if el.tag == w("name") and el.getparent() is not None and el.getparent().tag != w("ffData"):
                continue  # a style's or building block's name: read as text elsewhere
            attr = w("name") if el.tag == w("bookmarkStart") else w("val")
            old = el.get(attr)
            if old and not _WORD_MADE.fullmatch(old):
                el.set(attr, rename(old))
    for root in parts:
        # An anchor with no bookmark of its name is renamed too: it leads nowhere either way.
        for el in root.iter(w("hyperlink")):
            anchor = el.get(w("anchor"))
            if anchor and not _WORD_MADE.fullmatch(anchor):
                el.set(w("anchor"), rename(anchor))
    if not renamed:
        return
    for root in parts:
        for el in root.iter(w("instrText"), w("delInstrText")):
            if el.text:
                el.text = _rename_tokens(el.text, renamed)
        for el in root.iter(w("fldSimple")):
            if el.get(w("instr")):
                el.set(w("instr"), _rename_tokens(el.get(w("instr")), renamed))


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
