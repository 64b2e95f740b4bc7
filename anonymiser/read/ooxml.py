"""Safe opening of an untrusted Office Open XML (.docx) package.

A draft arrives from outside, so the package is treated as hostile until shown otherwise:
its zip directory is checked against ``InputLimits`` before anything is decompressed, every
part is read with a bounded read, and every XML part is parsed with a parser that never
loads a DTD, resolves an entity or touches the network. A part that declares a DOCTYPE or
ENTITY is refused outright rather than parsed "safely", because no Word file needs one.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from anonymiser.errors import (
    CorruptDocument,
    DocumentTooLarge,
    EncryptedDocument,
    UnsafeDocument,
)
from anonymiser.read.limits import InputLimits

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
CONTENT_TYPES = "[Content_Types].xml"
MAIN_PART = "word/document.xml"

# Below this size a part's compression ratio says nothing: a few KB of repeated XML can
# compress 300:1 legitimately, but cannot hurt us.
_RATIO_FLOOR_BYTES = 1024 * 1024
_CHUNK = 64 * 1024
# Password-protected .docx files are OLE containers holding these streams; any other OLE
# file is an old binary .doc (or not Word at all).
_OLE_ENCRYPTION_STREAMS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
_UNSAFE_MARKERS = (b"<!DOCTYPE", b"<!ENTITY")


@dataclass(frozen=True)
class Package:
    """The parts of a package as stored (name -> bytes, in the zip's own order), and the
    parsed tree of each XML part."""

    path: Path
    parts: dict[str, bytes]
    trees: dict[str, etree._ElementTree]

    def is_xml(self, name: str) -> bool:
        return is_xml_part(name)


# The only binary parts an output keeps: pictures (whose words, if any, verification reads:
# SVG and metafiles carry text) and embedded fonts. Anything else that is not XML, an
# imported HTML, RTF or MHT chunk (w:altChunk, which Word shows as part of the body), a
# macro project, a printer setting, is neither read nor searchable, so it goes, with
# whatever refers to it.
KEPT_BINARY = re.compile(
    r"word/media/[^/]+\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|emz|wmz|svg|wdp|jxr|ico)"
    r"|word/fonts/[^/]+\.(?:odttf|ttf|otf|fntdata)",
    re.IGNORECASE,
)


def is_xml_part(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(".xml") or lower.endswith(".rels")


def make_parser() -> etree.XMLParser:
    """A parser that cannot be made to fetch, expand or validate anything."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        dtd_validation=False,
        remove_blank_text=False,
    )


def _has_unsafe_declaration(data: bytes) -> bool:
    candidates = [data]
    # A UTF-16 part would hide the markers from a byte search.
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            candidates.append(data.decode("utf-16").encode("utf-8"))
        except UnicodeDecodeError:
            return True
    return any(marker in blob for blob in candidates for marker in _UNSAFE_MARKERS)


def parse_part(path: Path | str, name: str, data: bytes) -> etree._ElementTree:
    """Parse one XML part safely; refuse DTDs and entity declarations."""
    if _has_unsafe_declaration(data):
        raise UnsafeDocument(path, f"part {name} declares a DOCTYPE or entities")
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser=make_parser()))
    except etree.XMLSyntaxError as exc:
        raise CorruptDocument(path, f"part {name} is not well-formed XML") from exc
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise UnsafeDocument(path, f"part {name} declares a DOCTYPE")
    return tree


def index_nodes(root: etree._Element) -> list[etree._Element]:
    """Every node under ``root`` in document order.

    Readers record a node's position in this list and writers look it up again in a fresh
    parse of the same bytes, which yields the same list.
    """
    return list(root.iter())


def resolve_target(source_part: str, target: str) -> str:
    """The part name a relationship in ``source_part``'s .rels file points at."""
    if target.startswith("/"):
        return posixpath.normpath(target.lstrip("/"))
    base = posixpath.dirname(source_part)
    return posixpath.normpath(posixpath.join(base, target))


def rels_name(part: str) -> str:
    """The .rels part that holds ``part``'s relationships ("" for the package)."""
    directory, base = posixpath.split(part)
    return posixpath.join(directory, "_rels", f"{base}.rels")


def source_part(rels_part: str) -> str:
    """The part whose relationships the .rels part ``rels_part`` holds ("" for the package)."""
    directory, base = posixpath.split(rels_part)
    return posixpath.join(posixpath.dirname(directory), base[: -len(".rels")])


def related_parts(trees: Mapping[str, etree._ElementTree], types: frozenset[str]) -> set[str]:
    """Every part that any part of the package points at with a relationship whose type
    ends in one of ``types`` ("aFChunk", "comments"...), wherever the pointing part is: the
    building-blocks part has comments, settings and chunks of its own."""
    found = set()
    for name, tree in trees.items():
        if not name.endswith(".rels"):
            continue
        source = source_part(name)
        for rel in tree.getroot():
            if rel.get("TargetMode") != "External" and rel.get("Type", "").rsplit("/", 1)[-1] in types:
                found.add(resolve_target(source, rel.get("Target", "")))
    return found


# The parts of a Word document outside word/: the package's own, and the two property parts
# that are read and cleaned. Anything else (a ribbon's customUI, a tool's notes, a
# sensitivity label) is no part of the document; nothing reads it, so it is not published.
_DOCUMENT_PARTS_OUTSIDE_WORD = frozenset({CONTENT_TYPES, "_rels/.rels", "docProps/core.xml", "docProps/app.xml"})


# The part names Word gives (and LibreOffice and python-docx, which copy it): fixed names,
# and numbered ones for parts a document may have many of. Any other name was chosen by
# whatever made the file ("word/header-kezia-fairbairn.xml") and is renamed on output.
_WORD_PART_NAME = re.compile(
    r"word/(?:glossary/)?(?:document|styles|stylesWithEffects|settings|webSettings|fontTable|numbering"
    r"|footnotes|endnotes|comments|commentsExtended|commentsIds|commentsExtensible|people)\.xml"
    r"|word/(?:glossary/)?(?:header|footer)\d+\.xml"
    r"|word/theme/theme\d+\.xml"
    r"|word/charts/(?:chart|chartEx|colors|style)\d+\.xml"
    r"|word/diagrams/(?:data|layout|quickStyle|colors|drawing)\d+\.xml"
    r"|word/ink/ink\d+\.xml"
    r"|word/media/image\d+\.[a-z]+|word/fonts/font\d+\.odttf"
)


def word_part_name(name: str) -> bool:
    """Whether ``name`` is a name Word itself gives a part (the package's own parts outside
    word/ included); a .rels part is judged by the part it belongs to."""
    if name.endswith(".rels"):
        name = source_part(name)
        if name == "":
            return True  # the package's own relationships
    return name in _DOCUMENT_PARTS_OUTSIDE_WORD or bool(_WORD_PART_NAME.fullmatch(name))


def outside_document(name: str) -> bool:
    """Whether ``name`` is a part no Word document needs outside its word/ folder (custom
    XML, custom properties and the thumbnail included: all are removed)."""
    return not name.startswith("word/") and name not in _DOCUMENT_PARTS_OUTSIDE_WORD


def _check_ole(path: Path, head: bytes) -> None:
    if not head.startswith(OLE_MAGIC):
        return
    with path.open("rb") as handle:
        blob = handle.read()
    if any(stream in blob for stream in _OLE_ENCRYPTION_STREAMS):
        raise EncryptedDocument(path)
    raise CorruptDocument(path, "an old-format Word .doc or other OLE file; save it as .docx")


def _check_directory(path: Path, infos: list[zipfile.ZipInfo], limits: InputLimits, file_size: int) -> None:
    if len(infos) > limits.max_parts:
        raise DocumentTooLarge(path, f"{len(infos)} parts; the limit is {limits.max_parts}")
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise CorruptDocument(path, "the package lists a part twice")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise EncryptedDocument(path)
        if info.file_size > limits.max_part_bytes:
            raise DocumentTooLarge(path, f"part {info.filename} is too large when decompressed")
        total += info.file_size
        if info.file_size >= _RATIO_FLOOR_BYTES:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > limits.max_compression_ratio:
                raise DocumentTooLarge(path, f"part {info.filename} is compressed suspiciously far")
    if total > limits.max_uncompressed_bytes:
        raise DocumentTooLarge(path, "the package is too large when decompressed")
    if total >= _RATIO_FLOOR_BYTES and total / max(file_size, 1) > limits.max_compression_ratio:
        raise DocumentTooLarge(path, "the package is compressed suspiciously far")


def _bounded_read(
    path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int, limits: InputLimits
) -> bytes:
    # The directory's sizes were checked already, but they are claims: count what actually
    # comes out and stop as soon as a limit is passed.
    cap = min(limits.max_part_bytes, budget)
    chunks: list[bytes] = []
    size = 0
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            size += len(chunk)
            if size > cap:
                raise DocumentTooLarge(path, f"part {info.filename} is too large when decompressed")
            chunks.append(chunk)
    return b"".join(chunks)


def open_package(path: Path, limits: InputLimits) -> Package:
    """Read every part of the .docx at ``path``, refusing anything unsafe or oversized."""
    path = Path(path)
    file_size = path.stat().st_size
    if file_size > limits.max_file_bytes:
        raise DocumentTooLarge(path, "the file is larger than the input limit")
    with path.open("rb") as handle:
        head = handle.read(8)
    _check_ole(path, head)
    if not zipfile.is_zipfile(path):
        raise CorruptDocument(path, "not a zip package")
    parts: dict[str, bytes] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            infos = [info for info in archive.infolist() if not info.is_dir()]
            _check_directory(path, infos, limits, file_size)
            budget = limits.max_uncompressed_bytes
            for info in infos:
                data = _bounded_read(path, archive, info, budget, limits)
                budget -= len(data)
                parts[info.filename] = data
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise CorruptDocument(path, "the zip package is damaged") from exc
    except RuntimeError as exc:  # zipfile's way of saying "this entry is encrypted"
        raise EncryptedDocument(path) from exc
    if CONTENT_TYPES not in parts or MAIN_PART not in parts:
        raise CorruptDocument(path, "not a Word document")
    trees = {name: parse_part(path, name, data) for name, data in parts.items() if is_xml_part(name)}
    return Package(path=path, parts=parts, trees=trees)


class NS:
    """The namespaces a .docx uses, for building Clark-notation tag names."""

    W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    A = "http://schemas.openxmlformats.org/drawingml/2006/main"
    PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    V = "urn:schemas-microsoft-com:vml"
    OFFICE = "urn:schemas-microsoft-com:office:office"
    M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
    PR = "http://schemas.openxmlformats.org/package/2006/relationships"
    CT = "http://schemas.openxmlformats.org/package/2006/content-types"
    CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    DC = "http://purl.org/dc/elements/1.1/"
    DCTERMS = "http://purl.org/dc/terms/"
    EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
    VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    XML = "http://www.w3.org/XML/1998/namespace"
    # ISO/IEC 29500 Strict uses different namespaces throughout; we do not read it.
    W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def q(ns: str, local: str) -> str:
    """Clark notation: ``{namespace}local``."""
    return f"{{{ns}}}{local}"


def w(local: str) -> str:
    return q(NS.W, local)


# Chart extensions (c14, c15, c16...) live under this namespace prefix.
_CHART_EXTENSIONS = "{http://schemas.microsoft.com/office/drawing/"


def is_chart_formula(tag: object) -> bool:
    """Whether ``tag`` is a chart's reference into its workbook ("'Kian Marsh'!$A$2"): c:f,
    and the f and sqref of the chart extensions (data-label ranges, filtered series)."""
    if not isinstance(tag, str):
        return False
    if tag == q(NS.C, "f"):
        return True
    return tag.startswith(_CHART_EXTENSIONS) and local_name(tag) in ("f", "sqref")


def local_name(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
