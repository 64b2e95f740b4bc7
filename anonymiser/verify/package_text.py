"""Every piece of text a written .docx carries, for the verification re-scan.

The re-scan must see what a reader of the file could see, not only what Word shows: the
text of each paragraph joined across runs (a name split over three runs is one string
here), every text node and every attribute value on its own, and each relationship target.
Places are described by part and position only, never by the text itself, so they can go
into error messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from anonymiser.read.limits import InputLimits
from anonymiser.read.ooxml import (
    KEPT_BINARY,
    NS,
    Package,
    is_xml_part,
    local_name,
    open_package,
    q,
    w,
)
from anonymiser.read.word_styles import word_style_name

_PARAGRAPH_TAGS = (w("p"), q(NS.A, "p"))
_TEXT_TAGS = frozenset(
    {w("t"), w("delText"), w("instrText"), w("delInstrText"), q(NS.A, "t"), q(NS.M, "t")}
)
_CHARS = {w("tab"): "\t", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}


def _paragraph_text(p: etree._Element) -> str:
    bits = []
    for node in p.iter():
        if node.tag in _TEXT_TAGS and node.text:
            bits.append(node.text)
        elif node.tag in _CHARS:
            bits.append(_CHARS[node.tag])
    return "".join(bits)


# Pictures whose bytes hold their words as text: SVG (XML under another name), Windows
# metafiles (a pasted genogram or chart keeps each label, UTF-16 in EMF, ANSI in WMF). Any
# other binary part the writer keeps is a compressed picture or a font.
_TEXT_PICTURES = {".svg": ("utf-8",), ".emf": ("utf-16-le",), ".wmf": ("latin-1",)}


def binary_text(name: str, data: bytes) -> str | None:
    """The text a binary part carries, or None for compressed pictures and fonts."""
    suffix = name[name.rfind(".") :].lower() if "." in name else ""
    encodings = _TEXT_PICTURES.get(suffix)
    if encodings is None and not KEPT_BINARY.fullmatch(name):
        # Not a part the writer keeps, so it should not be here; read it every way.
        encodings = ("utf-8", "utf-16-le", "utf-16-be")
    if encodings is None:
        return None
    # Control characters become line breaks, so words stay whole and apart.
    return "\n".join(_CONTROL.sub("\n", data.decode(e, errors="replace")) for e in encodings)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\ufffd]+")


def package_chunks(path: Path, limits: InputLimits) -> Iterator[tuple[str, str]]:
    """Yield (place, text) for all text in the .docx at ``path``.

    Binary parts are listed with empty text ("... binary part, not searched") so the caller
    can count and report them.
    """
    yield from chunks_of(open_package(Path(path), limits))


def chunks_of(package: Package) -> Iterator[tuple[str, str]]:
    """``package_chunks`` of a package already opened (verification opens it once)."""
    for number, name in enumerate(package.parts, start=1):
        # The zip's directory names every part: a picture inserted as "kian_marsh.png".
        yield f"part name {number}", name
    for name in package.parts:
        if not is_xml_part(name):
            text = binary_text(name, package.parts[name])
            if text is None:
                yield f"{name}: binary part, not searched", ""
            else:
                yield f"{name}: text in a binary part", text
            continue
        root = package.trees[name].getroot()
        for number, p in enumerate(root.iter(*_PARAGRAPH_TAGS), start=1):
            text = _paragraph_text(p)
            if text.strip():
                yield f"{name}: paragraph {number}", text
        for number, node in enumerate(root.iter(), start=1):
            if not isinstance(node.tag, str):
                # Comments and processing instructions also ship in the file.
                if node.text and node.text.strip():
                    yield f"{name}: XML comment or instruction {number}", node.text
                continue
            tag = local_name(node.tag)
            if node.text and node.text.strip():
                yield f"{name}: text of {tag} (node {number})", node.text
            if node.tail and node.tail.strip():
                yield f"{name}: text after {tag} (node {number})", node.tail
            for attr, value in node.attrib.items():
                if not value.strip():
                    continue
                attr_name = local_name(attr)
                if name.endswith(".rels") and attr_name == "Target":
                    yield f"{name}: relationship target (node {number})", value
                else:
                    yield f"{name}: attribute {attr_name} of {tag} (node {number})", value


# What the writer removes from every output, checked again on the file itself: each of these
# holds words no search for a redacted string finds (a date picker's date in ISO form, a mail
# merge's query, a template's path), so its presence alone fails verification.
_REMOVED = {
    w("date"): (w("fullDate"), "a date picker's stored date"),
    w("mailMerge"): (None, "mail-merge settings"),
    w("docVars"): (None, "document variables"),
    w("attachedTemplate"): (None, "the attached template's path"),
    w("saveThroughXslt"): (None, "a transform's path"),
    w("dataBinding"): (None, "a content control's data binding"),
    w("permStart"): (w("ed"), "an editing permission's user"),
    w("altChunk"): (None, "an imported chunk"),
}


def removed_places(package: Package) -> list[str]:
    """Places in the .docx ``package`` holding what the writer must have removed."""
    found = []
    for name, tree in package.trees.items():
        for number, node in enumerate(tree.getroot().iter(*_REMOVED), start=1):
            attr, what = _REMOVED[node.tag]
            if attr is None or node.get(attr):
                found.append(f"{name}: {what} ({local_name(node.tag)}{'/@' + local_name(attr) if attr else ''}, node {number})")
    return found


def latent_style_names(package: Package) -> frozenset[str]:
    """Word's built-in style names as the package's latent style list gives them, folded,
    with the ids Word makes of them ("heading 1" is the style id "Heading1")."""
    names: set[str] = set()
    for part in ("word/styles.xml", "word/stylesWithEffects.xml"):
        tree = package.trees.get(part)
        if tree is None:
            continue
        for node in tree.getroot().iter(w("lsdException")):
            name = node.get(w("name")) or ""
            # Only Word's own names: the list is in the package, and a name typed into it
            # ("Kezia Fairbairn") must not exempt a style of that name.
            if name.strip() and word_style_name(name):
                names |= {name.casefold(), name.replace(" ", "").casefold()}
    return frozenset(names)
