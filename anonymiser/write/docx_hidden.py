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

from anonymiser.read.ooxml import w
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
