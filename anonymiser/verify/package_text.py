"""Every piece of text a written .docx carries, for the verification re-scan.

The re-scan must see what a reader of the file could see, not only what Word shows: the
text of each paragraph joined across runs (a name split over three runs is one string
here), every text node and every attribute value on its own, and each relationship target.
Places are described by part and position only, never by the text itself, so they can go
into error messages.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from anonymiser.read.limits import InputLimits
from anonymiser.read.ooxml import NS, is_xml_part, local_name, open_package, q, w

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


def package_chunks(path: Path, limits: InputLimits) -> Iterator[tuple[str, str]]:
    """Yield (place, text) for all text in the .docx at ``path``.

    Binary parts are listed with empty text ("... binary part, not searched") so the caller
    can count and report them.
    """
    package = open_package(Path(path), limits)
    for name in package.parts:
        if not is_xml_part(name):
            yield f"{name}: binary part, not searched", ""
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
